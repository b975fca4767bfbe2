"""How common a word is in a language: wordfreq's small lists (about 30,000 words each, for
40-odd languages), loaded once per language on first use.

Keyphrases use it as a prior: a lone common word the article says no more than the language
does ("offer", "conversation") is not what the article is about.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

_WORDLIST = "small"
_LANGUAGES_CACHED = 64


def common_word_frequency(word: str, language: str | None) -> float:
    """The share of running words of `language` that are `word` (lower-cased), 0.0 when the
    list does not have it (a rare word, or a language wordfreq has no list for)."""
    if not language:
        return 0.0
    return _frequencies(language).get(word.lower(), 0.0)


def has_common_words(language: str) -> bool:
    """wordfreq has a list for `language`."""
    return bool(_frequencies(language))


def common_words(language: str) -> Mapping[str, float]:
    """The lower-case words of `language`'s list with their frequencies (empty without one)."""
    return _frequencies(language)


@lru_cache(maxsize=_LANGUAGES_CACHED)
def _frequencies(language: str) -> dict[str, float]:
    import wordfreq  # about 0.2 s to import: only for the first page that needs it

    if language not in wordfreq.available_languages(_WORDLIST):
        return {}
    return wordfreq.get_frequency_dict(language, _WORDLIST)
