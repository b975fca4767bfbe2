"""summarizer/claims/terms.py: the content terms of a text, in any script."""

from __future__ import annotations

from summarizer.claims.terms import (
    _WORD,
    STOPWORDS,
    _stem,
    _unspaced_terms,
    function_words,
    terms,
)
from summarizer.text import UNSPACED_RUN, unify_apostrophes


def test_terms_handle_latin_cjk_and_devanagari() -> None:
    """Stopwords go, plurals fold, CJK becomes character pairs, Hindi keeps its vowel signs."""
    assert terms("The threats and the threat") == ["threat", "threat"]
    assert terms("東京都") == ["東京", "京都"]
    assert terms("भाषाएँ") == ["भाषाएँ"]


def _plain_terms(text: str) -> list[str]:
    """`terms` as one loop: every word tested for an unspaced run, every kept word stemmed."""
    found: list[str] = []
    for word in _WORD.findall(unify_apostrophes(text).lower()):
        if UNSPACED_RUN.search(word):
            found.extend(_unspaced_terms(word))
        elif word not in STOPWORDS and (len(word) > 1 or not word.isascii()):
            found.append(_stem(word))
    return found


def test_terms_fast_path_agrees_with_the_plain_loop() -> None:
    """Words left unstemmed by the length and last-letter checks are those `_stem` leaves; ASCII
    text skips the unspaced test; mixed text still gets its bigrams."""
    texts = [
        "Threats, threat, cities, city; running, runs, ran, passed, pass, glass, glasses.",
        "goes does uses eyes bees bags beds dogs kings songs sing sling thing things",
        "abcs abcd abed abing ties lies flies dies spied spies tried boxes boxing",
        "Países, análisis, ciudades, Straße, résumés, naïve, café's, l’État",
        "I a s t x y don’t it’s it's we’ve A B C 1 22 333 4444 55555 2020s",
        "東京都 and Tokyo's towers: 東京 towers, ไทย ภาษา, भाषाएँ, 한국어 words",
        "MIXED 中文words words中文 ab中cd x中",
        "",
        "   ",
    ]
    for text in texts:
        assert terms(text) == _plain_terms(text), text
    assert terms("glasses passed runs") == ["glass", "pass", "runs"]
    assert terms("houses boxing tried") == ["hous", "box", "tri"]


def test_function_words_are_a_languages_most_common_words() -> None:
    """A language's function words ("und", "die", "les") are among its most common words; a
    word naming a topic ("Rathaus", "université") is none, nor is a word of a language
    without a list."""
    assert function_words(["und", "die", "rathaus"], "de") == {"und", "die"}
    assert function_words(["les", "avec", "université"], "fr-FR") == {"les", "avec"}
    assert function_words(["bypass", "plan"], None) == set()
