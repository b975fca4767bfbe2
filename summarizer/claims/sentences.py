"""Text -> sentences, multilingual, on top of sentencex.

Every sentence returned is a verbatim (stripped) substring of the input, so a claim picked from
these sentences can always be found again in the article text.
"""

from __future__ import annotations

import itertools
import logging
import re
from functools import lru_cache

from sentencex import get_sentence_boundaries

from summarizer.extract.limits import LINES_SPLIT_KEPT, LONGEST_LINE_KEPT

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
# sentencex never ends a sentence inside brackets, nor after a bracket closed on its stop: the
# sentence after it stays with the one before ("...gilt (siehe unten.) Der nächste Punkt...",
# "(See below.) The next..."). The line is split again with its brackets blanked out (each
# one character, so the boundaries fall at the same places), and a boundary found so is kept
# after a bracket closed on a stop, outside any other, before a capital (maybe after the
# marks opening a quote or a bracket). (Not inside a quotation, which sentencex keeps whole
# too: its sentences alone are "we"s and "I"s with no speaker named.)
_BRACKET = re.compile(r"[()\[\]]")
_CLOSED_ON_STOP = re.compile(r"[.!?…][\"“”«»‹›‘’]*[)\]]")
_OPENING_BRACKETS = frozenset("([")
_CLOSING_BRACKETS = frozenset(")]")
_AFTER_BRACKET = re.compile(r"[.!?…][\"“”«»‹›‘’]*[)\]][\"“”«»‹›‘’)\]]*\s+$")
_AFTER_BRACKET_WINDOW = 16  # longer than any match: a stop, the closing marks, some spaces
_NEW_SENTENCE_OPENING = re.compile(r"[\"“„«»‹›‘‚(\[]*[^\W\d_]")
# German and the Nordic languages write a date's day as an ordinal with a stop ("am 23.
# November"); sentencex ends a sentence there when a comma follows the month, leaving "Am
# Montag, 23." and "November, gegen 17.50 Uhr..." apart. A piece ending in a day number and a
# stop is joined to the next when that opens with a month's name.
_DAY_ORDINAL = re.compile(r"(?<![\d.])(?:[1-9]|[12]\d|3[01])\.$")
# A short word or one with a stop inside, as abbreviations are ("evtl.", "bzw.", "z.B.",
# "r."), or a number (an ordinal: "vom 9. bis 23. Februar", "po raz 900. w biegu"); a
# lower-case word after a longer one opens a sentence ("...history. evolve lets you").
_SHORT_WORD_STOP = re.compile(r"(?:^|[\s(])(?:[^\W\d_]{1,5}|[^\W\d_]+\.[^\W\d_.]+|\d+)\.$")
# Abbreviations longer than `_SHORT_WORD_STOP` reads as one (German ones drop a word's end
# after its "-l", "-t" or "-g": "diesbzgl.", "bezügl.", "einschl.", "insbes."): before a word in
# small letters their stop ends no sentence ("...Plakatkampagnen diesbzgl. gäbe.").
_LONG_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:diesbzgl|diesbezügl|bezügl|hinsichtl|einschl|ausschl|zuzügl|insbes|eigentl"
    r"|gegebenenf|voraussichtl|vorauss|schriftl|mündl|jährl|monatl|wöchentl|tägl|ursprüngl"
    r"|hauptsächl|gewöhnl|normalerw|zusätzl|unverbindl)\.$",
    re.IGNORECASE,
)
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
        if len(line) <= LONGEST_LINE_KEPT:
            sentences.extend(_kept_line_sentences(code, line))
        else:
            sentences.extend(_line_sentences(code, line))
    return sentences


def _line_sentences(code: str, line: str) -> tuple[str, ...]:
    """The sentences of one line of text in the language `code`."""
    # Slice the input ourselves rather than trusting the returned text, so that the
    # verbatim guarantee does not depend on the segmenter's normalisation.
    spans: list[tuple[int, int]] = []
    for start, end in _boundaries(code, line):
        if spans and _splits_inside(line[spans[-1][0] : spans[-1][1]], line[start:end]):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return tuple(sentence for start, end in spans if (sentence := line[start:end].strip()))


# The last lines split, kept: a digest splits each paragraph for its claims, then the article's
# opening, the same paragraphs as lines, for its keyphrases.
_kept_line_sentences = lru_cache(maxsize=LINES_SPLIT_KEPT)(_line_sentences)


def _boundaries(code: str, line: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence sentencex finds in `line`, cut again after a bracket
    closed on a sentence's stop (see `_BRACKET`)."""
    spans = [(b["start_index"], b["end_index"]) for b in get_sentence_boundaries(code, line)]
    if not spans or _CLOSED_ON_STOP.search(line) is None:
        return spans  # no bracket closing on a stop: nothing to cut again (most lines)
    depths = _bracket_depths(line)
    starts = {start for start, _ in spans}
    for boundary in get_sentence_boundaries(code, _BRACKET.sub(" ", line)):
        start = boundary["start_index"]
        # A bracket opening the new sentence was blanked: it begins it.
        while start > 0 and line[start - 1] in _OPENING_BRACKETS:
            start -= 1
        if start not in starts and not depths[start] and _opens_after_bracket(line, start):
            starts.add(start)
    # sentencex ends a sentence before a bracket closing after its stop ("...left." | ") Then
    # he..."): the bracket goes with the sentence it closes.
    first = spans[0][0]
    cuts = [first, *sorted(s for s in starts if s > first and line[s] not in _CLOSING_BRACKETS)]
    return [(a, b) for a, b in zip(cuts, [*cuts[1:], spans[-1][1]], strict=True) if a < b]


def _bracket_depths(line: str) -> list[int]:
    """How many brackets are open before each index of `line` (and at its end); a bracket
    closed that never opened is not counted."""
    steps = (
        1 if char in _OPENING_BRACKETS else -1 if char in _CLOSING_BRACKETS else 0 for char in line
    )
    return list(itertools.accumulate(steps, lambda depth, step: max(0, depth + step), initial=0))


def _opens_after_bracket(line: str, start: int) -> bool:
    """A sentence opens at `start` with a capital, after a stop, a bracket closing after it
    and a space."""
    opening = _NEW_SENTENCE_OPENING.match(line, start)
    before = max(0, start - _AFTER_BRACKET_WINDOW)
    return (
        opening is not None
        and line[opening.end() - 1].isupper()
        and _AFTER_BRACKET.search(line, before, start) is not None
    )


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
        end = before.rstrip()
        return _SHORT_WORD_STOP.search(end) is not None or (
            _LONG_ABBREVIATION.search(end) is not None
        )
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
