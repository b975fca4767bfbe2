"""Openings that are prose but no lede: a truism, a transcript's small talk, a reviewer's past."""

from __future__ import annotations

from summarizer.claims.lede import (
    is_small_talk_turn,
    is_truism,
    no_lede_openings,
    says_the_headline,
)
from summarizer.claims.terms import terms

RETIRE = set(terms("How to retire early so you can work, travel, and relax"))


def test_a_short_general_statement_is_a_truism() -> None:
    assert is_truism("Retiring early takes time and incredible discipline.", RETIRE)
    assert is_truism("Gaming used to be so simple.", set())


def test_a_name_a_number_or_a_quote_is_no_truism() -> None:
    assert not is_truism("Retiring early takes Grant Sabatier five years.", RETIRE)
    assert not is_truism("Retiring early takes 25 times your annual spending.", RETIRE)
    assert not is_truism("Retiring early is “the dream”, they say.", RETIRE)


def test_an_acronym_or_a_pointing_subject_is_no_truism() -> None:
    """An acronym is a name, even glued to the first word; a pronoun or a demonstrative as the
    subject speaks of a thing of the article, not of things in general."""
    assert not is_truism("(CNN)A trip to a former champ's gaudy, abandoned mansion.", set())
    assert not is_truism("NASA keeps on growing.", set())
    assert not is_truism("It's not intended to be a safety video.", set())
    assert not is_truism("Cela prend du temps et de la discipline.", set())


def test_a_long_sentence_is_no_truism() -> None:
    long = "Retiring early takes time and incredible discipline, and most people who try it fail."
    assert not is_truism(long, RETIRE)


def test_a_sentence_saying_much_of_the_headline_is_no_truism() -> None:
    """Two of its terms state the headline's point; one term of a one-term headline is all of it."""
    assert not is_truism("You can work and retire early.", RETIRE)
    assert not is_truism("None of the games can be without bugs.", set(terms("About bugs")))


def test_a_script_without_capitals_is_never_judged() -> None:
    assert not is_truism("이번 싸움은 점점 공적인 사안이 되어가고 있다.", set())
    assert not is_truism("এ সময় জব্বার নামে আরেকজন আহত হন।", set())


SERELEPE = set(terms("Uma palinha das brincadeiras musicais do grupo Serelepe"))
GREETING = "Prof. Carlos: Estou aqui ao lado do Eugênio Tadeu, que já é de casa."
ON_TOPIC = "Eugênio: Estamos fazendo uma série de brincadeiras com o Serelepe na universidade."


def test_a_transcript_turn_saying_none_of_the_headline_is_small_talk() -> None:
    lead = [GREETING, "Eugênio: Por sua causa, Carlos.", "Prof. Carlos: Daquele famoso vídeo."]
    assert is_small_talk_turn(GREETING, lead, SERELEPE)
    assert not is_small_talk_turn(ON_TOPIC, [ON_TOPIC, "Eugênio: Sim, claro."], SERELEPE)


def test_a_label_said_once_or_in_capitals_is_no_turn() -> None:
    """A kicker ("Definition: ...") or a dateline ("NEW DELHI: ...") opens no transcript."""
    kicker = "Definition: The leadership styles are the patterns a leader adopts to lead."
    assert not is_small_talk_turn(kicker, [kicker, "Leaders differ."], set())
    dateline = "NEW DELHI: Nearly 150 people returned home on a chartered flight on Monday."
    assert not is_small_talk_turn(dateline, [dateline, "NEW DELHI: More follow."], set())


BACKGROUND = "I’ve worked on my own vehicles since I was 17, but this is my first Clymer manual."


def test_a_reviewers_background_is_no_lede_of_a_review() -> None:
    title = "Clymer workshop manual review"
    verdicts = no_lede_openings([BACKGROUND], [BACKGROUND], title, set(terms(title)))
    assert verdicts == [True]
    german = "Ich fahre seit 20 Jahren Motorrad und habe schon viele Helme getragen."
    assert no_lede_openings([german], [german], "Schuberth C5 im Test", set()) == [False]
    owned = "Ich habe seit 20 Jahren ein Motorrad und schon viele Helme getragen."
    assert no_lede_openings([owned], [owned], "Schuberth C5 im Test", set()) == [True]


def test_a_first_person_opening_elsewhere_stays() -> None:
    """Outside a review, a writer's own story may well be the point."""
    title = "How I fixed my own motorbike"
    assert no_lede_openings([BACKGROUND], [BACKGROUND], title, set(terms(title))) == [False]


def test_a_sentence_saying_much_more_of_the_headline_than_the_lede_says_it() -> None:
    headline = set(terms("People are becoming grocery stores on Instagram"))
    lede = set(terms("Instagram began testing hiding public like counts globally on Thursday."))
    point = terms("Many people now label themselves grocery stores to see their statistics.")
    assert says_the_headline(point, headline, lede)
    assert not says_the_headline(terms("People like Instagram."), headline, lede)


def test_the_headlines_function_words_of_the_pages_language_do_not_count() -> None:
    """ "bei", "im" say nothing of a German headline's point; English keeps its terms."""
    headline = set(terms("Versorgung bei Alkohol im Land"))
    sentence = terms("Nachholbedarf wurde auch bei der Versorgung im Bereich gesehen.")
    assert says_the_headline(sentence, headline, set())
    assert not says_the_headline(sentence, headline, set(), "de-AT")
    big = set(terms("Big work ahead"))
    assert says_the_headline(terms("Big work is ahead of us."), big, set(), "en")
