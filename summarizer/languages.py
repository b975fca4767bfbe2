"""The languages a page is written in, and their stopwords (from the stopwords-iso lists).

A page's declared language is often missing or wrong, so the language whose stopwords its text
uses most counts too; English is always one of them (it is everywhere on the web: buttons,
brand names, quotes). The lists are stopwordsiso's, shipped with the package: no download.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

import stopwordsiso

from summarizer.claims.sentences import language_code

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
# Words read to guess the language: enough for a clear winner, and a bounded cost.
_SAMPLE_WORDS = 3000


@cache
def stopwords(code: str) -> frozenset[str]:
    """The stopwords of one language (ISO 639-1 code), lower-case; empty when unknown."""
    return frozenset(
        word.translate(_APOSTROPHES).casefold() for word in stopwordsiso.stopwords(code)
    )


@cache
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    """Every stopword of every list -> the languages it is a stopword of (built once)."""
    index: dict[str, list[str]] = {}
    for code in sorted(stopwordsiso.langs()):
        for word in stopwords(code):
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


def words(text: str) -> list[str]:
    """The words of `text`, lower-case, apostrophes unified ("d’un" -> "d'un")."""
    return _WORD.findall(text.translate(_APOSTROPHES).casefold())


def page_languages(declared: str | None, texts: Iterable[str]) -> tuple[str, ...]:
    """English, the declared language (when the lists know it) and the language whose
    stopwords the texts use most."""
    found = ["en"]
    code = language_code(declared) if declared else None
    if code and stopwordsiso.has_lang(code) and code not in found:
        found.append(code)
    sample: Counter[str] = Counter()
    for text in texts:
        sample.update(words(text))
        if sum(sample.values()) >= _SAMPLE_WORDS:
            break
    hits: Counter[str] = Counter()
    index = _languages_of_word()
    for word, count in sample.items():
        for lang in index.get(word, ()):
            hits[lang] += count
    if hits:
        best = max(hits, key=lambda lang: (hits[lang], lang == code, lang))
        if best not in found:
            found.append(best)
    return tuple(found)


def stopwords_of(languages: Iterable[str]) -> frozenset[str]:
    """The union of the stopwords of `languages`."""
    return frozenset().union(*(stopwords(code) for code in languages))
