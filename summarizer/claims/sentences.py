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
_LANGUAGE_CODE = re.compile(r"[A-Za-z]{2,3}")
# German and the Nordic languages write a date's day as an ordinal with a stop ("am 23.
# November"); sentencex ends a sentence there when a comma follows the month, leaving "Am
# Montag, 23." and "November, gegen 17.50 Uhr..." apart. A piece ending in a day number and a
# stop is joined to the next when that opens with a month's name.
_DAY_ORDINAL = re.compile(r"(?<![\d.])(?:[1-9]|[12]\d|3[01])\.$")
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
    for line in _LINE_BREAK.split(text):
        if not line.strip():
            continue
        # Slice the input ourselves rather than trusting the returned text, so that the
        # verbatim guarantee does not depend on the segmenter's normalisation.
        spans: list[tuple[int, int]] = []
        for boundary in get_sentence_boundaries(code, line):
            start, end = boundary["start_index"], boundary["end_index"]
            if spans and _splits_date(line[spans[-1][0] : spans[-1][1]], line[start:end]):
                spans[-1] = (spans[-1][0], end)
            else:
                spans.append((start, end))
        sentences.extend(sentence for start, end in spans if (sentence := line[start:end].strip()))
    return sentences


def _splits_date(before: str, after: str) -> bool:
    """The boundary between `before` and `after` falls inside a date ("23." | "November")."""
    return (
        _DAY_ORDINAL.search(before.rstrip()) is not None
        and _MONTH_OPENING.match(after.lstrip()) is not None
    )
