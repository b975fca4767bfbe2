"""A fact-check's verdict: the rating it gives the claim it checked."""

from __future__ import annotations

import pytest

from summarizer.claims.verdicts import names_a_fact_check, states_a_verdict


@pytest.mark.parametrize(
    "sentence",
    [
        "We rate the statement Mostly True.",
        "So we rated it False.",
        "We find the claim to be mostly false.",
        "The claim is untrue.",
        "This statement is misleading.",
        "Wir bewerten die Behauptung als falsch.",
        "Diese Behauptung ist größtenteils falsch.",
        "Calificamos esta afirmación como falsa.",
        "Classificamos a declaração como enganosa.",
        "Nous qualifions cette affirmation de fausse.",
        "L’affirmation est fausse.",
        "The claim is not true.",  # negated
        "In short, the claim is false.",  # after an opening set off by a comma
        "We rate this post False.",
    ],
)
def test_a_rating_of_the_checked_claim_is_a_verdict(sentence: str) -> None:
    assert states_a_verdict(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "We rated the hotel five stars.",  # a rating, but of no claim
        "The statement was made on Tuesday in Wheeling.",
        "The figure is accurate to within two percent.",  # a figure, not a claim checked
        "McKinley said that $53 million a week is coming across the border in drugs.",
        # someone else's judgement, reported or doubted: no rating of the page's own
        "A spokesman for the company said the allegations were false.",
        "Trump insisted the allegation was baseless.",
        "Apple says the rumor is wrong.",
        "The insurer said the claim was accurate and paid it within a week.",
        "Whether the claim is true is for the courts to decide.",
        # a rating word that does not end its clause: "richtig" as "really"
        "Die Darstellung ist richtig scharf, auch bei direkter Sonne.",
        # a review's rating, and a question: no rating of a claim follows
        "We rated the video stabilisation as average for a phone at this price.",
        "We rate the video recording of this phone highly.",
        "Wir bewerten jeden Beitrag nach seiner Qualität.",
        "Wie bewerten wir die Aussage des Ministers?",
        # the rating someone else gives, credited after it
        "The statement is correct, the ministry said.",
        "His statement was accurate, according to the data.",
        "“The claim is false,” a Meta spokesman said of the reports.",
        "Die Aussage ist falsch, sagte der Sprecher des Ministeriums.",
        "Die Behauptung ist falsch, so der Sprecher.",
    ],
)
def test_other_sentences_are_no_verdict(sentence: str) -> None:
    assert not states_a_verdict(sentence)


@pytest.mark.parametrize(
    ("title", "headings"),
    [
        ("What is the value of drugs that come to the U.S. border?", ["Our ruling"]),
        ("Fact check: Did the senator vote against the bill?", []),
        ("Faktencheck: Stimmt die Zahl der Arbeitslosen?", ["Die Zahlen"]),
        ("Was the photo taken in 2019?", ["Fact-check"]),
        ("FAKTENCHECK | Stimmt die Zahl der Arbeitslosen?", []),
        ("Stimmt die Zahl der Arbeitslosen? – Faktencheck", []),
        ("Did the senator vote against the bill? | Fact Check", []),
        ("True or false? The senator voted against the bill", []),
        # a rating label
        ("Did the senator vote against the bill?", ["Rating: Mostly False"]),
        ("Stimmt die Zahl der Arbeitslosen?", ["Bewertung: Falsch"]),
    ],
)
def test_a_page_naming_its_check_or_ruling_is_a_fact_check(title: str, headings: list[str]) -> None:
    assert names_a_fact_check(title, headings)


@pytest.mark.parametrize(
    ("title", "headings"),
    [
        ("Acme Corp sued over unpaid overtime", ["The lawsuit", "What comes next"]),
        # reviews end on their verdict too
        ("Pixel 8 review: the best small phone", ["Camera", "Verdict"]),
        ("Samsung Galaxy S24 im Test", ["Display", "Fazit", "Bewertung"]),
        ("Court rules on the merger", ["The ruling"]),
        # a headline that mentions fact-checking reports on it, and checks nothing
        ("How fact-checkers work", []),
        ("Facebook expands its fact-check program in Europe", []),
        ("Meta ends fact-checking in the US", []),
        ("Meta ends its program of fact-checking", []),
        ("Pixel 8 review: the best small phone", ["Verdict: Buy it"]),
    ],
)
def test_news_and_reviews_are_no_fact_check(title: str, headings: list[str]) -> None:
    assert not names_a_fact_check(title, headings)
