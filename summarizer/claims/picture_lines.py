"""Lines that describe the page's pictures rather than say anything: "In this photo dated
Tuesday...", "Auf dem Foto zu sehen: ...", "Below is the cake I made using this recipe."

A caption set as a paragraph of the text: never a claim.
"""

from __future__ import annotations

import re

from summarizer.alternation import FoldedAlternation

_PICTURE = r"(?:photo|picture|image|photograph|pic|video)"
_PICTURE_LINE = FoldedAlternation(
    # "In this photo dated...", "In this image, ...", "Sur cette photo", "En esta foto"
    rf"^\W*in (?:this|the above|the below) {_PICTURE}s?\b|^\W*(?:sur|dans) (?:cette|la) (?:photo"
    r"|image|vidéo)\b|^\W*en (?:esta|la) (?:foto|imagen)\b|^\W*(?:in questa|nella) (?:foto"
    r"|immagine)\b|^\W*(?:nesta|na) (?:foto|imagem)\b"
    # "Auf dem Foto zu sehen: ...", "Im Bild: ...", "Auf diesem Bild sieht man..."
    r"|^\W*(?:auf|in) (?:dem|diesem) (?:foto|bild)\b[^.!?]{0,30}\b(?:zu sehen|sieht man|sehen sie"
    r"|seht ihr|siehst du)\b|^\W*(?:im bild|auf dem bild|auf dem foto)\s*:"
    # "Below is the cake I made...", "Above is how your butter should look..."
    r"|^\W*(?:above|below) (?:is|are) (?:how|what|the \w+ (?:i|we) (?:made|baked|cooked"
    r"|built|used))\b",
    re.IGNORECASE,
)


def is_picture_line(sentence: str) -> bool:
    """A line describing a picture on the page (a caption set as text): never a claim."""
    return _PICTURE_LINE.found(sentence)
