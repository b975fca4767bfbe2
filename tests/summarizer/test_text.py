"""summarizer/text.py: whitespace, scripts written without spaces, and word counts."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from summarizer import digest_html
from summarizer import text as text_module
from summarizer.text import (
    UNSPACED_CHARS_PER_WORD,
    UNSPACED_RUN,
    clean_text,
    normalise_space,
    text_weight,
    unspaced_chars,
    word_count,
)
from tests.helpers import page


def test_whitespace_of_every_kind_collapses_to_one_space() -> None:
    """Tabs, newlines, NBSP and the ideographic space are all one space."""
    assert normalise_space(" a\t\nb\u00a0c\u3000d ") == "a b c d"


def test_every_whitespace_character_is_collapsed_as_the_regex_knows_it() -> None:
    """`normalise_space` splits on exactly the characters the regex `\\s` matches (it uses
    `str.split`, the faster of the two)."""
    for code in range(0x3001):  # the last whitespace character is U+3000
        char = chr(code)
        expected = "a b" if re.fullmatch(r"\s", char) else f"a{char}b".strip()
        assert normalise_space(f"a{char}b") == expected, hex(code)


def test_korean_is_counted_in_words_like_latin_text() -> None:
    """Hangul is written with spaces between words: each word counts once, not per syllable."""
    sentence = "서울시는 새 예산안을 화요일에 발표했다"
    assert unspaced_chars(sentence) == 0
    assert word_count(sentence) == 5
    assert text_weight(sentence) == len(sentence)


def test_chinese_japanese_and_thai_count_half_a_word_per_character() -> None:
    """Scripts without spaces count two characters a word, and weigh three Latin letters each."""
    assert word_count("東京都は新しい") == 3.5
    assert word_count("ภาษาไทย") == 3.5
    assert word_count("Tokyo 東京 Osaka") == 3
    assert text_weight("東京") == 6


def test_a_korean_article_gets_a_korean_reading_time() -> None:
    """A Korean page's word count is its words, so its reading time is not inflated."""
    sentence = "서울시는 새 예산안을 화요일에 발표했고 시민들은 대중교통 확충을 요구했다. "
    body = "".join(f"<p>{sentence * 6}</p>" for _ in range(10))
    digest = digest_html(page(body, title="서울시 예산안 발표"))
    words_in_body = len(digest.text.split())
    assert digest.word_count == words_in_body
    assert digest.reading_minutes == max(1, round(words_in_body / 230))


def test_clean_text_normalises_what_a_reader_sees() -> None:
    """NFC, no soft hyphens or zero-width characters, sentences unglued, space collapsed."""
    assert clean_text("Cafe\u0301 au lait") == "Café au lait"
    assert clean_text("Donau\u00addampf\u00adschiff\u200bfahrt") == "Donaudampfschifffahrt"
    assert clean_text("\ufeffThe vote\u2060 passed.") == "The vote passed."
    assert (
        clean_text("120g kway teow (flat rice noodles)\u2063")
        == "120g kway teow (flat rice noodles)"
    )
    assert clean_text("It ended there.The next day began") == "It ended there. The next day began"
    assert clean_text("Who?Ask Ann!Then go") == "Who? Ask Ann! Then go"
    assert clean_text("by NASA.The agency") == "by NASA.The agency"  # capitals before the stop
    assert clean_text("  many \n  spaces\t") == "many spaces"


def test_clean_text_leaves_abbreviations_and_domains_alone() -> None:
    """ "U.S.A", "example.com" and "JSON.Parse" are not glued sentences."""
    for text in ("The U.S.A team won.", "Visit example.com today", "Call JSON.Parse on it."):
        assert clean_text(text) == text


def _plain_word_count(text: str) -> float:
    unspaced = sum(len(run) for run in UNSPACED_RUN.findall(text))
    spaced = len(UNSPACED_RUN.sub(" ", text).split()) if unspaced else len(text.split())
    return spaced + unspaced / UNSPACED_CHARS_PER_WORD


def _plain_clean_text(text: str) -> str:
    text = re.sub("[\u00ad\u200b\u2060-\u2064\ufeff\u200e\u200f]+", "", text)
    text = unicodedata.normalize("NFC", text)
    return normalise_space(text_module._GLUED_SENTENCE.sub(r"\1 ", text))


# Pieces of ASCII and other text: a combining accent, a soft hyphen, Han, Thai, a glued stop.
_PIECES = [*"ab C.\t\n\x0b\x1c!?", "e\u0301", "\u00ad", "\u6771", "\u0e01", "\u00e9", "end.The"]
_ASCII_AND_NOT = st.lists(st.sampled_from(_PIECES)).map("".join)


@given(_ASCII_AND_NOT)
def test_the_ascii_fast_paths_agree_with_the_plain_rules(text: str) -> None:
    """ASCII text skips the unspaced-script search, the invisible characters and NFC (it has
    none of them, and is NFC): the same counts, weights and clean text as the plain rules,
    value and type, for ASCII and other text alike."""
    count = word_count(text)
    assert count == _plain_word_count(text)
    assert type(count) is float
    assert unspaced_chars(text) == sum(len(run) for run in UNSPACED_RUN.findall(text))
    assert text_weight(text) == len(text) + 2 * unspaced_chars(text)
    assert clean_text(text) == _plain_clean_text(text)


def test_a_glued_stop_is_found_once_the_invisible_characters_are_gone() -> None:
    """A zero-width space or a soft hyphen between two sentences hides no glue from the
    cleaning ("the end.\u200bThe next" reads "the end. The next"), and NFC comes first."""
    assert clean_text("the end.\u200bThe next one") == "the end. The next one"
    assert clean_text("ab.\u00adCab") == "ab. Cab"
    assert clean_text("cafe\u0301.The next one") == "café. The next one"
