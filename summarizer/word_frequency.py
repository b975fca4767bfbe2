"""How common a word is in a language: wordfreq's small lists (about 30,000 words each, for
40-odd languages), read on first use; the last WORD_LISTS_KEPT are kept.

Keyphrases use it as a prior: a lone common word the article says no more than the language
does ("offer", "conversation") is not what the article is about.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from itertools import repeat

from summarizer.extract.limits import WORD_LISTS_KEPT

_WORDLIST = "small"
# Codes pages declare that wordfreq files under another: Norwegian "no" is its Bokmål list.
_LIST_CODES = {"no": "nb"}


def common_word_frequency(word: str, language: str | None) -> float:
    """The share of running words of `language` that are `word` (lower-cased), 0.0 when the
    list does not have it (a rare word, or a language wordfreq has no list for)."""
    if not language:
        return 0.0
    return common_words(language).get(word.lower(), 0.0)


def has_common_words(language: str) -> bool:
    """wordfreq has a list for `language`."""
    return _LIST_CODES.get(language, language) in _list_files()


def common_words(language: str) -> Mapping[str, float]:
    """The lower-case words of `language`'s list with their frequencies (empty without one)."""
    path = _list_files().get(_LIST_CODES.get(language, language))
    return {} if path is None else _frequencies(path)


@lru_cache(maxsize=1)
def _list_files() -> dict[str, str]:
    """Each language's list file (wordfreq looks for them in its data folder on every call)."""
    import wordfreq  # about 0.2 s to import: only for the first page that needs it

    return wordfreq.available_languages(_WORDLIST)


@lru_cache(maxsize=WORD_LISTS_KEPT)
def _frequencies(path: str) -> dict[str, float]:
    """`wordfreq.get_frequency_dict(language, "small")` for the list at `path`, built here:
    wordfreq caches every list it reads for the life of the process, and this cache is
    bounded (a language without a list takes no place in it)."""
    import wordfreq

    frequencies: dict[str, float] = {}
    # A bucket's words share one frequency, and so one float object: a quarter less memory
    # than a float per word, and a third less time to build. Each word goes in once (a dict
    # made of each bucket first put every word in twice: 2.9 ms instead of 1.8 for German).
    for index, bucket in enumerate(wordfreq.read_cBpack(path)):
        if bucket:  # (a third of the buckets are empty)
            frequencies.update(zip(bucket, repeat(wordfreq.cB_to_freq(-index))))
    return frequencies
