"""Blocks -> the article's sections: its subheadings, each with the paragraphs under it.

Subheadings are the article's own: `h1`-`h6` inside the article (an `h1` only when it is not the
headline) and the pseudo-headings many CMS pages use instead: a short paragraph that is wholly
bold, without final punctuation, followed by body text. Furniture labels ("Also Read",
"Related", "Advertisement") are never headings, and teaser, credit and share lines are dropped.
"""

from __future__ import annotations

import re

from summarizer.extract.article import Block, SectionText
from summarizer.extract.patterns import is_boilerplate_heading, is_boilerplate_line, is_dateline

# A heading longer than this is a paragraph someone put in <h2>.
_MAX_HEADING_CHARS = 200
# Pseudo-headings are short: a bold paragraph longer than this is emphasis, not a heading.
_MAX_PSEUDO_HEADING_CHARS = 120
_MAX_PSEUDO_HEADING_WORDS = 16
_FINAL_PUNCTUATION = tuple(".,;:!…。！，；：")
# Paragraphs made mostly of link text and this short are teasers ("Read: <headline>").
_LINK_TEASER_RATIO = 0.75
_LINK_TEASER_MAX_WORDS = 30
# Under a furniture heading ("Related", "Newsletter"), a paragraph this long is article prose again.
_MIN_PROSE_WORDS = 25
_MAX_CAPTION_WORDS = 20
_MIN_PARAGRAPHS_FOR_DEK = 4
_BYLINE_RE = re.compile(r"^(?i:by|von|par|por|di)\s+(?:[A-Z][\w.'’-]*\s*(?:,|and|&)?\s*){1,6}$")
_FOLD_RE = re.compile(r"\W+")


def _fold(text: str) -> str:
    return _FOLD_RE.sub(" ", text).strip().casefold()


def article_sections(
    raw: list[Block],
    *,
    title: str | None,
    byline: str | None,
    description: str | None = None,
) -> list[SectionText]:
    """Classify blocks, dropping furniture, the headline, the dek and byline lines, and group
    the paragraphs under the subheading before them (the lead has heading None)."""
    title_key = _fold(title) if title else None
    byline_key = _fold(byline) if byline else None
    raw = _without_dek(raw, description)
    kept: list[tuple[Block, bool]] = []  # (block, is a heading candidate)
    in_furniture = False  # under a "Related" / "Comments" heading until the next real heading
    for block in raw:
        text = block.text
        key = _fold(text)
        if not key or key in (title_key, byline_key):
            continue
        if block.heading_level:
            in_furniture = is_boilerplate_heading(text)
            if not in_furniture:
                kept.append((block, len(text) <= _MAX_HEADING_CHARS))
            continue
        if in_furniture and _is_prose(block):
            in_furniture = False  # the furniture box ended without a heading of its own
        if (
            in_furniture
            or is_boilerplate_line(text)
            or is_dateline(text)
            or _is_link_teaser(block)
            or _is_caption(block)
            or _is_byline(text)
        ):
            continue
        kept.append((block, _looks_like_pseudo_heading(block)))

    sections: list[SectionText] = []
    heading: str | None = None
    paragraphs: list[str] = []
    for index, (block, heading_candidate) in enumerate(kept):
        is_heading = heading_candidate and (
            block.heading_level > 0 or _followed_by_body(kept, index)
        )
        if not is_heading:
            paragraphs.append(block.text)
            continue
        if paragraphs or heading is not None:
            sections.append(SectionText(heading, paragraphs))
        heading, paragraphs = block.text, []
    if paragraphs or heading is not None:
        sections.append(SectionText(heading, paragraphs))
    return sections


def _without_dek(raw: list[Block], description: str | None) -> list[Block]:
    """Drop a leading paragraph that repeats the page's description: the dek above the body.

    Only near the top and only in an article long enough that it is not the body itself.
    """
    if not description:
        return raw
    key = _fold(description)
    paragraphs = [i for i, b in enumerate(raw) if not b.heading_level]
    if len(paragraphs) < _MIN_PARAGRAPHS_FOR_DEK:
        return raw
    for index in paragraphs[:2]:
        if _fold(raw[index].text) == key:
            return raw[:index] + raw[index + 1 :]
    return raw


def article_text(sections: list[SectionText]) -> str:
    """Subheadings on their own lines, paragraphs separated by a blank line."""
    return "\n\n".join(
        text
        for section in sections
        for text in ([section.heading] if section.heading is not None else []) + section.paragraphs
    )


def paragraph_texts(sections: list[SectionText]) -> list[str]:
    """Every paragraph of the article, in order (subheadings left out)."""
    return [paragraph for section in sections for paragraph in section.paragraphs]


def _looks_like_pseudo_heading(block: Block) -> bool:
    text = block.text
    return (
        block.all_bold
        and block.tag in ("p", "div")
        and len(text) <= _MAX_PSEUDO_HEADING_CHARS
        and len(text.split()) <= _MAX_PSEUDO_HEADING_WORDS
        and not text.endswith(_FINAL_PUNCTUATION)
        and block.link_chars < len(text) / 2
        and not is_boilerplate_heading(text)
    )


def _followed_by_body(kept: list[tuple[Block, bool]], index: int) -> bool:
    """A pseudo-heading must introduce body text: the next block is a plain paragraph."""
    if index + 1 >= len(kept):
        return False
    following, following_is_candidate = kept[index + 1]
    return not following.heading_level and not following_is_candidate


def _is_caption(block: Block) -> bool:
    """A short, wholly italic line without final punctuation: a caption or a credit."""
    return (
        block.all_italic
        and len(block.text.split()) <= _MAX_CAPTION_WORDS
        and not block.text.endswith((*_FINAL_PUNCTUATION, "?", "”", '"'))
    )


def _is_prose(block: Block) -> bool:
    return len(block.text.split()) >= _MIN_PROSE_WORDS and block.link_chars < 0.3 * len(block.text)


def _is_link_teaser(block: Block) -> bool:
    return (
        block.link_chars >= _LINK_TEASER_RATIO * len(block.text)
        and len(block.text.split()) <= _LINK_TEASER_MAX_WORDS
    )


def _is_byline(text: str) -> bool:
    return len(text) <= 80 and _BYLINE_RE.match(text) is not None
