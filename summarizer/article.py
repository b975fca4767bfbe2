"""The article as the extractor hands it on: ordered blocks of text, then sections."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "paragraph"]


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of main text in article order: a subheading or a paragraph (list items,
    quotes and table rows become paragraphs)."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class SectionText:
    """The paragraphs under one subheading (`heading` None for the lead, before any)."""

    heading: str | None
    paragraphs: list[str]

    @property
    def word_count(self) -> int:
        return sum(len(p.split()) for p in self.paragraphs)
