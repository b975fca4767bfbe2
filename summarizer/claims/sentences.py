"""Text -> sentences, multilingual, on top of sentencex.

Every sentence returned is a verbatim (stripped) substring of the input, so a claim picked from
these sentences can always be found again in the article text.
"""

from __future__ import annotations

import logging
import re

from sentencex import get_sentence_boundaries

logger = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"

# A line break inside a paragraph is a hard boundary: extracted text puts list items, captions
# and subheadings on their own lines, and sentencex does not split on a bare newline.
_LINE_BREAK = re.compile(r"\n+")
# A bullet mark inside a line: a list whose items were run together (as in claims' standalone
# check, `_RUN_IN_LIST`); cut there when there are at least this many.
_BULLET = re.compile(r"\s(?:[*•·▪]|\+(?=\s[A-Z]))\s")
MIN_RUN_IN_BULLETS = 2
_LEADING_BULLET = re.compile(r"\s*(?:[*•·▪+])\s")
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}")
# German and the Nordic languages write a date's day as an ordinal with a stop ("am 23.
# November"); sentencex ends a sentence there when a comma follows the month, leaving "Am
# Montag, 23." and "November, gegen 17.50 Uhr..." apart. A piece ending in a day number and a
# stop is joined to the next when that opens with a month's name.
_DAY_ORDINAL = re.compile(r"(?<![\d.])(?:[1-9]|[12]\d|3[01])\.$")
# A short word or one with a stop inside, as abbreviations are ("evtl.", "bzw.", "z.B.",
# "r."), or a number (an ordinal: "vom 9. bis 23. Februar", "po raz 900. w biegu"); a
# lower-case word after a longer one opens a sentence ("...history. evolve lets you").
_SHORT_WORD_STOP = re.compile(r"(?:^|[\s(])(?:[^\W\d_]{1,5}|[^\W\d_]+\.[^\W\d_.]+|\d+)\.$")
# An abbreviation that a number follows: "Tel. 030...", "Nr. 5", "Jan. 12", "Friedrichstr. 200"
# (a capital and one or two small letters, or a street; "said. 12 people" is a sentence's end),
# or one citing a law's or a book's parts in small letters: "art. 6 ust. 1", "abs. 2", "vol. 3".
_NUMBER_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:[A-Z][a-z]{1,2}|[^\W\d_]+str|art|ust|pkt|nr|abs|ziff|lit|par|vol|fig|kap"
    r"|cap|chap|sec|pp?)\.$"
)
# An initial: one capital and a stop after a space or a hyphen ("Folha de S. Paulo", "R-W. Va.",
# "John F. Kennedy"); a capitalised word after it goes on with the name.
_INITIAL = re.compile(r"(?:^|[\s(-])([^\W\d_])\.$")
_INITIAL_CHARS = 3  # the longest match: a space, the capital and the stop
# A German ordinal after an article ("in der 20. Lebenswoche", "ab dem 5. Lebensjahr", "zum
# 3. Mal"): the noun after it goes on with the sentence. (Three digits at most: "bis 2020."
# ends one.)
_ARTICLE_ORDINAL = re.compile(
    r"(?:^|\s)(?:der|des|dem|den|die|das|im|am|zum|zur|vom|beim|ins|ans)\s+\d{1,3}\.$",
    re.IGNORECASE,
)
_ARTICLE_ORDINAL_CHARS = 16  # longer than any match: " beim 123." and some spaces
_MONTH_OPENING = re.compile(
    r"(?:januar|jänner|februar|feber|märz|marts|mars|april|mai|maj|juni|juli|august|september"
    r"|oktober|november|dezember|december|desember"
    r"|jan|feb|mär|apr|jun|jul|aug|sept?|okt|nov|dez|dec|des)\b",
    re.IGNORECASE,
)


def language_code(language: str | None) -> str:
    """The bare ISO 639 code sentencex knows: "en-US" -> "en", "zh_CN" -> "zh", None -> "en"."""
    if not language:
        return DEFAULT_LANGUAGE
    match = _LANGUAGE_CODE.match(language.strip())
    return match.group(0).lower() if match else DEFAULT_LANGUAGE


def split_sentences(text: str, language: str | None = None) -> list[str]:
    """Split `text` into sentences, each a stripped verbatim substring of `text`, in order."""
    code = language_code(language)
    sentences: list[str] = []
    for line in _lines(text):
        if not line.strip():
            continue
        # Slice the input ourselves rather than trusting the returned text, so that the
        # verbatim guarantee does not depend on the segmenter's normalisation.
        spans: list[tuple[int, int]] = []
        for boundary in get_sentence_boundaries(code, line):
            start, end = boundary["start_index"], boundary["end_index"]
            if spans and _splits_inside(line[spans[-1][0] : spans[-1][1]], line[start:end]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        sentences.extend(sentence for start, end in spans if (sentence := line[start:end].strip()))
    return sentences


def _lines(text: str) -> list[str]:
    """The lines of `text`, a list run into one line ("+ Added X + Added Y + ...", "• a • b")
    cut before each of its bullet marks."""
    lines: list[str] = []
    for line in _LINE_BREAK.split(text):
        marks = list(_BULLET.finditer(line))
        if len(marks) < MIN_RUN_IN_BULLETS:
            lines.append(line)
            continue
        # Each item starts after its mark (the first one, maybe, after a mark at the start).
        first = _LEADING_BULLET.match(line)
        starts = [first.end() if first else 0, *(mark.end() for mark in marks)]
        ends = [*(mark.start() for mark in marks), len(line)]
        lines.extend(line[a:b] for a, b in zip(starts, ends, strict=True))
    return lines


def _splits_inside(before: str, after: str) -> bool:
    """The boundary between `before` and `after` falls inside a sentence: a date, or after an
    abbreviation ("Friedrichstr." | "200, 10117 Berlin", "evtl." | "vergessen...")."""
    return _splits_date(before, after) or _splits_abbreviation(before, after)


def _splits_abbreviation(before: str, after: str) -> bool:
    """`before` ends with a short word and a stop and `after` goes on in lower case, or with a
    number after an abbreviation, or with a capital after an initial or an ordinal: the stop
    was an abbreviation's, not a sentence's (sentencex knows few of them on a page that does
    not say its language: "evtl.", "Tel.", "Str.", "S. Paulo", "in der 20. Lebenswoche")."""
    after = after.lstrip()
    if not after or not before.rstrip().endswith("."):
        return False
    if after[0].islower():
        return _SHORT_WORD_STOP.search(before.rstrip()) is not None
    if after[0].isupper():
        # (Most boundaries come before a capital: only the piece's last characters are read.)
        end = before.rstrip()
        initial = _INITIAL.search(end, max(0, len(end) - _INITIAL_CHARS))
        if initial is not None and initial.group(1).isupper():
            return True
        return end[-2:-1].isdigit() and (
            _ARTICLE_ORDINAL.search(end, max(0, len(end) - _ARTICLE_ORDINAL_CHARS)) is not None
        )
    return after[0].isdigit() and _NUMBER_ABBREVIATION.search(before.rstrip()) is not None


def _splits_date(before: str, after: str) -> bool:
    """The boundary between `before` and `after` falls inside a date ("23." | "November")."""
    before = before.rstrip()
    # A digit and a stop end it, or the search (which scans the whole piece) cannot match.
    return (
        before[-2:-1].isdigit()
        and before.endswith(".")
        and _DAY_ORDINAL.search(before) is not None
        and _MONTH_OPENING.match(after.lstrip()) is not None
    )
