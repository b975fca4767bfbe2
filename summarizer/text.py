"""One home for text rules: whitespace, scripts written without spaces, word counts."""

from __future__ import annotations

import re
import unicodedata

# Scripts written without spaces between words: kana, Han ideographs (and compatibility
# ideographs), Thai, Lao, Myanmar and Khmer. Hangul is not one of them: Korean puts spaces
# between words, so its words are counted like Latin ones.
UNSPACED_SCRIPT_CHARS = (
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
    "\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff"
)
UNSPACED_CHAR = re.compile(f"[{UNSPACED_SCRIPT_CHARS}]")
UNSPACED_RUN = re.compile(f"[{UNSPACED_SCRIPT_CHARS}]+")
# A character of an unspaced script carries about half a word, and about as much text as
# three Latin letters.
UNSPACED_CHARS_PER_WORD = 2
UNSPACED_CHAR_WEIGHT = 3


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (including NBSP and ideographic space) to one space.
    `str.split` knows the same whitespace as the regex `\\s` and is three times faster."""
    return " ".join(text.split())


def unspaced_chars(text: str) -> int:
    """How many characters of `text` belong to a script written without spaces."""
    if text.isascii():  # (known without a look at the text) none of them
        return 0
    return sum(len(run) for run in UNSPACED_RUN.findall(text))


def word_count(text: str) -> float:
    """Words in `text`: spaced words, plus half a word per character of an unspaced script."""
    if text.isascii():
        return float(len(text.split()))
    unspaced = unspaced_chars(text)
    spaced = len(UNSPACED_RUN.sub(" ", text).split()) if unspaced else len(text.split())
    return spaced + unspaced / UNSPACED_CHARS_PER_WORD


def text_weight(text: str) -> int:
    """Length in Latin-letter equivalents: an unspaced-script character counts three."""
    return len(text) + (UNSPACED_CHAR_WEIGHT - 1) * unspaced_chars(text)


# Invisible characters pages leave in text: soft hyphens, zero-width spaces and joiners, the
# word joiner, the invisible operators of maths (U+2061-U+2064, "kway teow⁣") and the
# byte-order mark. (Zero-width joiners inside emoji and Indic scripts are kept: there they
# join glyphs rather than hide in words.)
_INVISIBLE_CHARS = "\u00ad\u200b\u2060\u2061\u2062\u2063\u2064\ufeff\u200e\u200f"
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]+")
# A sentence stop glued to the next sentence ("the end.The next"): two lower-case letters, a
# stop, then a capitalised word. Dotted abbreviations ("U.S.A") and domains do not match.
# (The stop is matched first and the letters before it looked back at: a pattern opening with a
# lookbehind is tried at every character, eight times slower.)
_GLUED_SENTENCE = re.compile(r"([.!?])(?<=[^\W\d_]{2}[.!?])(?<![A-Z]{2}[.!?])(?=[A-Z][a-z]{2})")


# Every character that is not a letter or a digit (re's \w is str.isalnum plus "_").
_NOT_ALNUM = re.compile(r"[\W_]+")


def squash(text: str) -> str:
    """Case-folded letters and digits only: how "says the same words" is compared (site
    names, headings, a sentence said twice)."""
    return _NOT_ALNUM.sub("", text.casefold())


def unify_apostrophes(text: str) -> str:
    """Curly apostrophes as the straight one ("d’un" and "d'un" are one word). Two replaces,
    not `str.translate`, which maps character by character in Python objects (ten times slower)."""
    return text.replace("’", "'").replace("‘", "'")


def visible_text(text: str) -> str:
    """A name or headline as a reader should see it: NFC, no soft hyphens or zero-width
    characters, whitespace collapsed."""
    return normalise_space(_without_invisible(text))


def clean_text(text: str) -> str:
    """Prose as a reader should see it: `visible_text`, and no sentences glued together (the
    glue found once the invisible characters are gone: "the end.\u200bThe next")."""
    return normalise_space(_GLUED_SENTENCE.sub(r"\1 ", _without_invisible(text)))


def _without_invisible(text: str) -> str:
    """`text` in NFC without soft hyphens or zero-width characters."""
    if not text.isascii():  # (ASCII text is NFC and holds no invisible character)
        if any(char in text for char in _INVISIBLE_CHARS):  # rare: faster than a search
            text = _INVISIBLE.sub("", text)
        text = unicodedata.normalize("NFC", text)
    return text
