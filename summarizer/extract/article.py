"""The article as the extractor hands it on: blocks of text as the markup has them, then the
paragraphs grouped under their subheadings."""

from __future__ import annotations

from dataclasses import dataclass

from summarizer.text import word_count


@dataclass(frozen=True, slots=True)
class Block:
    """A block of text in document order, with what its markup says about it (list items,
    quotes and table rows are blocks too)."""

    text: str
    tag: str = "p"
    heading_level: int = 0  # 1-6 for h1-h6, 0 otherwise
    all_bold: bool = False  # every visible character sits inside <b>/<strong>
    all_italic: bool = False  # every visible character sits inside <i>/<em>
    link_chars: int = 0  # characters inside <a> (for a heading: links to other pages only)
    bold_lead_chars: int = 0  # length of the bold run the text opens with (a run-in term)


@dataclass(frozen=True, slots=True)
class SectionText:
    """The paragraphs under one subheading (`heading` None for the lead, before any)."""

    heading: str | None
    paragraphs: list[str]

    @property
    def word_count(self) -> float:
        """Words of the section's paragraphs (see `summarizer.text.word_count`)."""
        return sum(word_count(p) for p in self.paragraphs)
