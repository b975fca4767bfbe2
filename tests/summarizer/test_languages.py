"""The page's languages and the word rules the tags share."""

from __future__ import annotations

from collections import Counter

from summarizer.claims.keyphrases import keyphrases
from summarizer.languages import (
    _language_hits,
    _language_sets,
    _languages_of_word,
    _text_language,
    calendar_languages,
    capitalises_nouns,
    detect_languages,
    ends_like_verb,
    folded,
    has_verb_endings,
    is_calendar_word,
    is_date_phrase,
    same_folded_word,
    same_word,
    words,
    writes_calendar_small,
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


def test_folded_words_compare_as_the_words_do() -> None:
    """`same_folded_word` of two folded words is `same_word` of the words (a caller comparing
    many pairs folds each word once)."""
    pairs = [("China", "Chinese"), ("Baum", "Bäume"), ("Austria", "Australia"), ("Iran", "Iraq")]
    for first, second in pairs:
        assert same_folded_word(folded(first), folded(second)) == same_word(first, second)
    assert same_folded_word("baum", "baume")
    assert not same_folded_word("state", "statement")


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


def test_a_calendar_word_is_one_of_the_languages_given() -> None:
    """ "Mayo" is a Spanish month, no English one; languages without names known to Skim
    fall back on all; Spanish writes its months small, English and German do not."""
    assert calendar_languages("Mayo", ("en",)) == []
    assert calendar_languages("Mayo", ("en", "es")) == ["es"]
    assert calendar_languages("April", ("en", "de")) == ["en", "de"]
    assert calendar_languages("domingo", ("ja",)) == ["es", "pt"]
    assert writes_calendar_small("es") and not writes_calendar_small("en")
    assert not writes_calendar_small("de")


def test_verb_endings_are_known_only_where_they_are_tested() -> None:
    assert has_verb_endings("pt") and ends_like_verb("enviaram", "pt")
    assert not has_verb_endings("en") and not ends_like_verb("enviaram", "en")
    assert not has_verb_endings(None)


def _plain_text_language(texts: list[str], prefer: str | None) -> str | None:
    """`_text_language` as the plain loop: each word's count added to each of its languages."""
    sample: Counter[str] = Counter()
    for text in texts:
        sample.update(words(text))
    hits: Counter[str] = Counter()
    for word, count in sample.items():
        for lang in _languages_of_word().get(word, ()):
            hits[lang] += count
    if not hits:
        return None
    return max(hits, key=lambda lang: (hits[lang], lang == prefer, lang))


def test_language_counts_summed_by_language_set_agree_with_the_plain_loop() -> None:
    """Counting by each stopword's set of languages picks the language the word-by-word count
    picks, ties to the preferred one included."""
    of_word, sets = _language_sets()
    assert all(sets[of_word[word]] == codes for word, codes in _languages_of_word().items())
    texts = [
        ["The council met on Tuesday and voted to close the bridge for the winter."],
        ["Der Rat hat am Dienstag beschlossen, die Brücke im Winter zu schließen."],
        ["Le conseil a voté mardi la fermeture du pont pour l’hiver.", "and the"],
        ["O conselho votou na terça-feira pelo fechamento da ponte."],
        ["a"],
        ["東京都の新しい計画"],
        [""],
    ]
    for sample in texts:
        counted = Counter(word for text in sample for word in words(text))
        plain: Counter[str] = Counter()
        for word, count in counted.items():
            for lang in _languages_of_word().get(word, ()):
                plain[lang] += count
        assert _language_hits(counted) == dict(plain)
        for prefer in (None, "en", "de", "fr", "pt", "es"):
            assert _text_language(sample, prefer=prefer) == _plain_text_language(sample, prefer)


def test_a_date_phrase_is_a_calendar_name_with_abbreviated_months() -> None:
    """ "Thursday Dec" (a dateline's "Thursday Dec. 1") is a date; a month's abbreviation
    alone is not ("Mar", a name and the Spanish sea), nor a phrase with another word."""
    assert is_date_phrase(["thursday", "dec"])
    assert is_date_phrase(["dec.", "thursday"])
    assert is_date_phrase(["june"])
    assert not is_date_phrase(["mar"])
    assert not is_date_phrase(["dec", "jan"])
    assert not is_date_phrase(["thursday", "night"])


def test_a_date_is_no_keyphrase() -> None:
    """A dateline's weekday and month, said at every update, are no tag."""
    text = (
        "The cargo ship broke up on Thursday Dec. 1 over Siberia. Officials said on Thursday "
        "Dec. 1 that the cargo ship was lost. The cargo ship carried fuel and food."
    )
    tags = keyphrases("Cargo ship lost over Siberia", text, "en")
    assert "cargo ship" in [tag.lower() for tag in tags]
    assert not any("Thursday" in tag or "Dec" in tag for tag in tags)
