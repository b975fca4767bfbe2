"""The page's languages and the word rules the tags share."""

from __future__ import annotations

from summarizer.languages import (
    capitalises_nouns,
    detect_languages,
    ends_like_verb,
    has_verb_endings,
    is_calendar_word,
    same_word,
)


def test_one_word_up_to_case_accents_plural_and_inflection() -> None:
    """A light stemmer: the ends of words vary, their stems do not."""
    assert same_word("China", "Chinese")
    assert same_word("Baum", "Bäume")
    assert same_word("Polska", "Polski")
    assert same_word("Herausforderungen", "herausforderung")
    assert not same_word("Austria", "Australia")
    assert not same_word("state", "statement")
    assert not same_word("Iran", "Iraq")


def test_the_texts_language_is_found_even_when_declared_wrongly() -> None:
    """A German text declared English: German stopwords count, and German is the text's own."""
    found = detect_languages("en", ["Die Katze und der Hund sind nicht hier, aber dort."])
    assert found.codes == ("en", "de")
    assert found.main == "de"
    assert capitalises_nouns(found.main)
    assert not capitalises_nouns("en")


def test_month_and_weekday_names() -> None:
    """Dates in the common languages; "Mars" stays a planet."""
    assert all(map(is_calendar_word, ["June", "Oktober", "mercredi", "domingo"]))
    assert not is_calendar_word("Mars")


def test_verb_endings_are_known_only_where_they_are_tested() -> None:
    assert has_verb_endings("pt") and ends_like_verb("enviaram", "pt")
    assert not has_verb_endings("en") and not ends_like_verb("enviaram", "en")
    assert not has_verb_endings(None)
