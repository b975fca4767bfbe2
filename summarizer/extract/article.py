"""The article as the extractor hands it on: blocks of text as the markup has them, then the
paragraphs grouped under their subheadings.

Two kinds of text come out. Paragraphs are the article's prose: claims are picked from them and
subheadings head them. Asides are the rest of the article's text as a reader of the page (and an
extraction library such as readability) counts it: figure captions, the notes and references
after the text. They are part of the extracted text (`article_text`), never quoted."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer.text import word_count


@dataclass(frozen=True, slots=True)
class Block:
    """A block of text in document order, with what its markup says about it (list items,
    quotes and table rows are blocks too)."""

    text: str
    tag: str = "p"
    heading_level: int = 0  # 1-6 for h1-h6, 0 otherwise
    all_bold: bool = False  # every visible character sits inside <b>/<strong>
    # bold only as its class names a subheading ("subheadline"): above the text, a dek's class
    named_bold: bool = False
    all_italic: bool = False  # every visible character sits inside <i>/<em>
    link_chars: int = 0  # characters inside <a> (for a heading: links to other pages only)
    bold_lead_chars: int = 0  # length of the bold run the text opens with (a run-in term)
    figure: bool = False  # inside a <figure> or a caption: an aside at most, never prose
    hidden: bool = False  # a heading only screen readers announce: it ends a section, heads none
    note: bool = False  # in the box of the article's notes: an aside at most, never prose
    cell: bool = False  # all the text of a table cell: a datum, never a pseudo-heading
    aside: bool = False  # laid-out text that is not prose (code, a table, page furniture)
    # holds a link in words to a place on this page ("Why X is promising. (More)" pointing at
    # its section): in a list item, an entry of the article's contents
    jumps: bool = False


@dataclass(frozen=True, slots=True)
class Aside:
    """Text of the article that is not prose (a caption, a reference), standing after
    `after` paragraphs of its section."""

    after: int
    text: str


@dataclass(frozen=True, slots=True)
class SectionText:
    """The paragraphs under one subheading (`heading` None for the lead, before any), and the
    asides among them."""

    heading: str | None
    paragraphs: list[str]
    asides: tuple[Aside, ...] = ()
    # `word_count`, once counted (-1 before): the claims and the digest both ask.
    _words: float = field(default=-1.0, init=False, repr=False, compare=False)

    @property
    def word_count(self) -> float:
        """Words of the section's paragraphs (see `summarizer.text.word_count`)."""
        if self._words < 0:
            object.__setattr__(self, "_words", sum(word_count(p) for p in self.paragraphs))
        return self._words
