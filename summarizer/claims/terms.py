"""Sentence -> its content terms: stopwords out, light stemming, unspaced scripts as bigrams.

The one notion of "what a text is about" shared by the claim ranker and the keyphrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from summarizer.claims.sentences import language_code
from summarizer.text import UNSPACED_RUN, unify_apostrophes
from summarizer.word_frequency import common_word_frequency

_STOPWORD_LIST = """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
    having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll
    i'm i've if in into is isn't it it's its itself just let's like made make many may me might
    more most much must mustn't my myself new no nor not now of off on once one only or other
    ought our ours ourselves out over own said same say says shan't she she'd she'll she's should
    shouldn't since so some still such than that that's the their theirs them themselves then
    there there's these they they'd they'll they're they've this those though through to too
    two under until up upon us very was wasn't we we'd we'll we're we've were weren't what
    what's when when's where where's whether which while who who's whom why why's will with
    within without won't would wouldn't yet you you'd you'll you're you've your yours yourself
    yourselves get got also however even back well way according per via mr mrs ms s t
"""
# English function words: they carry no topic, so they neither link sentences nor make tags.
STOPWORDS = frozenset(_STOPWORD_LIST.split())

# A word at least this share of the running words of its language is one of its function
# words (about its hundred most common: German "und", "die", "mit", "ist", French "les",
# "avec", Italian "il"), which STOPWORDS lists only for English: it says nothing of a topic.
FUNCTION_WORD_FREQUENCY = 1e-3

# Word characters: \w plus the combining marks of Indic and South-East Asian scripts, which
# \w does not match (the danda । and double danda ॥ are punctuation and stay out).
WORD_CHAR = r"[\w\u0300-\u036f\u0900-\u0963\u0966-\u0dff\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]"
_WORD = re.compile(f"{WORD_CHAR}+")
_STEM_CACHE_WORDS = 16_384


# The suffixes `_stem` strips, and what it puts in their place; a word of at most
# _STEM_MIN_CHARS characters, or one ending in none of their last letters, is left as it is.
_SUFFIXES = (("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""))
_SUFFIX_ENDS = frozenset(suffix[-1] for suffix, _ in _SUFFIXES)
_STEM_MIN_CHARS = 4


@lru_cache(maxsize=_STEM_CACHE_WORDS)
def _stem(word: str) -> str:
    """A light English suffix strip so that "threat" and "threats" meet; other words pass.
    Cached: an article repeats its words, and every sentence's terms are taken."""
    if not word.isascii() or len(word) <= _STEM_MIN_CHARS:
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3 and not word.endswith("ss"):
            return word[: -len(suffix)] + replacement
    return word


def terms(text: str) -> list[str]:
    """Content terms of `text`: lower-cased, stopwords out, lightly stemmed; CJK/Thai as bigrams."""
    text = unify_apostrophes(text).lower()
    if not text.isascii() and UNSPACED_RUN.search(text) is not None:  # ASCII has no such run
        return _mixed_terms(text)
    # (A word that `_stem` leaves as it is, short, not ASCII or ending in no suffix's last
    # letter, is not looked up: most words of a text are.)
    return [
        _stem(word) if len(word) > _STEM_MIN_CHARS and word[-1] in _SUFFIX_ENDS else word
        for word in _WORD.findall(text)
        if word not in STOPWORDS and (len(word) > 1 or not word.isascii())
    ]


def _mixed_terms(text: str) -> list[str]:
    """`terms` of a lowered text holding an unspaced run: its words, the unspaced as bigrams."""
    found: list[str] = []
    for word in _WORD.findall(text):
        if UNSPACED_RUN.search(word):
            found.extend(_unspaced_terms(word))
        elif word not in STOPWORDS and (len(word) > 1 or not word.isascii()):
            found.append(_stem(word))
    return found


def _unspaced_terms(word: str) -> list[str]:
    """Character bigrams of the unspaced runs in `word`, other runs as plain words."""
    found: list[str] = []
    position = 0
    for run in UNSPACED_RUN.finditer(word):
        if run.start() > position:
            found.append(word[position : run.start()])
        chars = run.group(0)
        found.extend(
            [chars] if len(chars) == 1 else [chars[i : i + 2] for i in range(len(chars) - 1)]
        )
        position = run.end()
    if position < len(word):
        found.append(word[position:])
    return found


def function_words(words: Iterable[str], language: str | None) -> frozenset[str]:
    """The `words` (terms, lower-cased) that are function words of `language` (English when
    not known): at least FUNCTION_WORD_FREQUENCY of its running words ("und", "les")."""
    code = language_code(language)
    return frozenset(
        word for word in words if common_word_frequency(word, code) >= FUNCTION_WORD_FREQUENCY
    )
