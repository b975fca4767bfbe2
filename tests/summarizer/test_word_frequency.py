"""The word-frequency lists: wordfreq's own figures, and a bounded number kept in memory."""

from __future__ import annotations

import wordfreq

from summarizer import word_frequency
from summarizer.extract.limits import WORD_LISTS_KEPT


def test_the_lists_are_wordfreqs_small_lists() -> None:
    for language in ("en", "de", "ja"):
        assert word_frequency.common_words(language) == wordfreq.get_frequency_dict(
            language, "small"
        )
    english = wordfreq.get_frequency_dict("en", "small")
    assert word_frequency.common_word_frequency("The", "en") == english["the"]
    assert word_frequency.common_word_frequency("the", "xx") == 0.0
    assert not word_frequency.has_common_words("xx")


def test_words_of_one_frequency_share_one_float() -> None:
    """A list holds a float per frequency bucket, not one per word (a quarter of its memory)."""
    german = word_frequency.common_words("de")
    assert len({id(value) for value in german.values()}) == len(set(german.values())) < 1_000


def test_a_process_keeps_only_the_last_few_lists() -> None:
    """A worker that meets pages in many languages holds WORD_LISTS_KEPT lists, not every one it
    read (about 3.4 MB each), and wordfreq's own unbounded caches hold none of them."""
    wordfreq.get_frequency_list.cache_clear()
    wordfreq.get_frequency_dict.cache_clear()
    languages = sorted(wordfreq.available_languages("small"))[: WORD_LISTS_KEPT + 6]
    for language in languages:
        assert word_frequency.has_common_words(language)
        assert word_frequency.common_words(language)
    assert word_frequency._frequencies.cache_info().currsize == WORD_LISTS_KEPT
    assert wordfreq.get_frequency_list.cache_info().currsize == 0
    assert wordfreq.get_frequency_dict.cache_info().currsize == 0
    # A list read again is the same list.
    assert word_frequency.common_words(languages[0]) == wordfreq.get_frequency_dict(
        languages[0], "small"
    )


def test_norwegian_pages_read_the_bokmal_list() -> None:
    """Pages declare Norwegian as "no"; wordfreq files it as "nb" (Bokmål)."""
    assert word_frequency.has_common_words("no")
    bokmal = wordfreq.get_frequency_dict("nb", "small")
    assert word_frequency.common_word_frequency("og", "no") == bokmal["og"]
