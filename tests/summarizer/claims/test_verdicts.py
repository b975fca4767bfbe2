"""A fact-check's verdict: the rating it gives the claim it checked."""

from __future__ import annotations

import pytest

from summarizer.claims.verdicts import states_a_verdict


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
    ],
)
def test_other_sentences_are_no_verdict(sentence: str) -> None:
    assert not states_a_verdict(sentence)
