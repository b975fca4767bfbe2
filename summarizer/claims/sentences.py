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
        for boundary in get_sentence_boundaries(code, line):
            # Slice the input ourselves rather than trusting the returned text, so that the
            # verbatim guarantee does not depend on the segmenter's normalisation.
            sentence = line[boundary["start_index"] : boundary["end_index"]].strip()
            if sentence:
                sentences.append(sentence)
    return sentences
