"""Blocks -> the article's sections: its subheadings, each with the paragraphs under it.

Subheadings are the article's own: `h1`-`h6` inside the article (an `h1` only when it is not the
headline) and the pseudo-headings many CMS pages use instead: a short paragraph that is wholly
bold, without final punctuation, followed by body text. A heading must head article prose:
furniture labels ("Also Read", "Related", "References", "Contents"), teaser titles linking to
other pages and headings over no sentence (a price, a table, a gallery) are never headings.
Teaser, credit and share lines are dropped; decorations (`[edit]`, `¶`) and citation markers
(`[4]`, `[citation needed]`) are stripped, and a bold run-in term is set off from its sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from summarizer.extract.article import Block, SectionText
from summarizer.extract.patterns import is_boilerplate_heading, is_boilerplate_line, is_dateline
from summarizer.text import clean_text, word_count

_PSEUDO_LEVEL = 7  # a bold pseudo-heading ranks below every <hN>
# A heading longer than this is a paragraph someone put in <h2>.
_MAX_HEADING_CHARS = 200
_MAX_HEADING_WORDS = 20
_MIN_SENTENCE_HEADING_WORDS = 15
# An h1 sharing this much of its words with the headline is the headline again.
_RESTATED_SHARE = 0.5
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
# A heading that is mostly a link to another page is a teaser's title, not a subheading.
_TEASER_HEADING_LINK_SHARE = 0.5
# Citation markers and edit links that wikis put after words: "policy.[91]", "[citation
# needed]", "[edit]", "[a]", "[note 3]"; superscript digits of footnotes are kept (they may be
# exponents).
_CITATION = re.compile(
    r"\s?\[(?:\d{1,4}|[a-z]|[ivx]{1,4}|(?:note|nb|n|fn)\s?\d{1,3}|citation needed"
    r"|clarification needed|verification needed|better source needed|failed verification"
    r"|dubious(?: [–-] discuss)?"
    r"|not in citation given|page needed|when\?|who\?|which\?|according to whom\?|by whom\?"
    r"|edit|edit source|bearbeiten|quelltext bearbeiten|modifier|modifier le code|editar"
    r"|editar código-fonte|править|править код|編集|编辑|편집)\]",
    re.IGNORECASE,
)
# What blogs and docs put around headings: anchor marks and permalink glyphs at either end.
# ("Learning C#" keeps its "#": only a mark set apart by a space is a decoration.)
_HEADING_DECORATION = re.compile(
    r"^[#¶§🔗⚓]+\s*|\s+[#¶§🔗⚓]+$|[¶🔗⚓]+$|\s*\b(?:permalink|anchor link)$", re.IGNORECASE
)
# A paragraph that is prose holds a finished sentence: words, then a stop.
_SENTENCE_STOP = re.compile(r"[^\W\d_][)\]\"'”’»]*[.!?…。！？।]")
_MIN_PROSE_SENTENCE_WORDS = 6
# A bold run-in term ("**Idempotence** A single task...") is a label at most this long.
_MAX_RUN_IN_WORDS = 8


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
    for block in map(_cleaned, raw):
        text = block.text
        key = _fold(text)
        if not key or key in (title_key, byline_key):
            continue
        if block.heading_level:
            in_furniture = is_boilerplate_heading(text)
            if (
                block.heading_level == 1
                and _restates(text, title_key)
                and not any(not b.heading_level for b, _ in kept)
            ):
                continue  # an h1 above the text is the page's headline, reworded
            if not in_furniture and not _is_teaser_title(block):
                kept.append((block, _heading_sized(text)))
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
    levels: list[int] = []  # heading level of each section (0 the lead, 7 a pseudo-heading)
    heading: str | None = None
    level = 0
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
            levels.append(level)
        heading, paragraphs, level = block.text, [], block.heading_level or _PSEUDO_LEVEL
    if paragraphs or heading is not None:
        sections.append(SectionText(heading, paragraphs))
        levels.append(level)
    return _headings_over_prose(sections, levels)


def _headings_over_prose(sections: list[SectionText], levels: list[int]) -> list[SectionText]:
    """Drop the headings that head no prose: a price, a spec table, a gallery of captions, a
    staff box. Their lines join the section before. A heading over no prose stays when a
    deeper subheading follows (it is the parent of that subsection, "Main article: ..." lines
    and all), and goes at the very end."""
    kept: list[SectionText] = []
    for index, section in enumerate(sections):
        if section.heading is None or any(map(is_prose, section.paragraphs)):
            kept.append(section)
            continue
        if index + 1 < len(sections) and levels[index + 1] > levels[index]:
            kept.append(section)
            continue
        if kept:
            previous = kept[-1]
            kept[-1] = SectionText(previous.heading, previous.paragraphs + section.paragraphs)
        elif section.paragraphs:
            kept.append(SectionText(None, section.paragraphs))
    while kept and kept[-1].heading is not None and not kept[-1].paragraphs:
        kept.pop()
    return kept


def is_prose(paragraph: str) -> bool:
    """A paragraph that holds at least one finished sentence of some length."""
    return (
        word_count(paragraph) >= _MIN_PROSE_SENTENCE_WORDS
        and _SENTENCE_STOP.search(paragraph) is not None
    )


def strip_citations(text: str) -> str:
    """Text without citation markers and edit links ("policy.[91]" -> "policy.")."""
    return _CITATION.sub("", text) if "[" in text else text


def _cleaned(block: Block) -> Block:
    """A block's text as a reader should see it: normalised, without citation markers; a
    heading without its decorations; a bold run-in term set off by a colon."""
    text = clean_text(strip_citations(block.text))
    if block.heading_level or block.all_bold:
        text = _HEADING_DECORATION.sub("", text).strip()
    elif 0 < block.bold_lead_chars < len(text):
        text = _set_off_run_in(text, block.bold_lead_chars)
    if text == block.text:
        return block
    return replace(block, text=text)


def _set_off_run_in(text: str, lead_chars: int) -> str:
    """ "Idempotence A single task..." (the term in bold) -> "Idempotence: A single task..."."""
    term, rest = text[:lead_chars].rstrip(), text[lead_chars:].lstrip()
    if (
        not term
        or not rest[:1].isupper()
        or len(term.split()) > _MAX_RUN_IN_WORDS
        or term.endswith((*_FINAL_PUNCTUATION, "?", ")", "]", "—", "–", "-"))
    ):
        return text
    return f"{term}: {rest}"


def _restates(text: str, title_key: str | None) -> bool:
    """Most of the words of `text` are the headline's."""
    if not title_key:
        return False
    words, title_words = set(_fold(text).split()), set(title_key.split())
    return len(words & title_words) >= _RESTATED_SHARE * len(words | title_words)


def _heading_sized(text: str) -> bool:
    """Short enough for a subheading; a long one is a dek or a paragraph set in <h2>, unless it
    is a question (interviews set theirs as subheadings)."""
    if text.rstrip().endswith(("?", "？")):
        return len(text) <= _MAX_HEADING_CHARS
    words = len(text.split())
    # "The quarter was not a disappointment, with most of...": a sentence, not a title.
    sentence = words >= _MIN_SENTENCE_HEADING_WORDS and re.search(r",\s+[a-z]", text) is not None
    return len(text) <= _MAX_HEADING_CHARS and words <= _MAX_HEADING_WORDS and not sentence


def _is_teaser_title(block: Block) -> bool:
    """A heading that is a link to another page: the title of a teaser in the article."""
    return block.link_chars >= _TEASER_HEADING_LINK_SHARE * len(block.text)


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
