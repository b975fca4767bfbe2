"""Turn the article container into ordered text blocks: paragraphs and subheadings.

The walk flattens inline markup into paragraph text, starts a new block at every block-level
element, and skips what readers do not count as the article: images and media, tag lists, share
bars and other furniture that survived pruning. Of a figure only its caption is read, and
marked (as a table's caption is): it is never prose. (Other text in a figure labels a chart or
lists a video player's clips.) The blocks of a box of the article's footnotes are marked too.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from lxml import etree

from summarizer.extract.article import Block
from summarizer.extract.patterns import (
    INNER_FURNITURE_NAMES,
    NOTES_NAMES,
    SCREEN_READER_NAMES,
    SUBHEADING_NAMES,
    names_furniture,
)
from summarizer.extract.preformatted import laid_out_blocks
from summarizer.text import normalise_space

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_SKIP_TAGS = frozenset(
    {
        "picture",
        "img",
        "video",
        "audio",
        "source",
        "map",
        "area",
        # Ruby annotations (furigana) are a reading aid over the text, not text.
        "rt",
        "rp",
    }
)
# Skipped without ending the paragraph they sit in.
_INLINE_SKIP_TAGS = frozenset({"rt", "rp", "img", "source", "area"})
# Inline elements that can carry a sentence's own words under a furniture-like name.
_INLINE_NAMED_TAGS = frozenset({"a", "span", "em", "strong", "b", "i"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "section",
        "article",
        "main",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "blockquote",
        "pre",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "td",
        "th",
        "header",
        "footer",
        "address",
        "center",
        "details",
        "summary",
        "hr",
        "form",
        "fieldset",
    }
    | _HEADING_TAGS
)
# Captions: text read as an aside, not as prose. A figure's caption is read when the figure
# shows a picture or a table (a video's, a quote box's or a teaser's is not a caption).
_CAPTION_TAGS = frozenset({"figcaption", "caption"})
_CELL_TAGS = frozenset({"td", "th"})
_PICTURE = etree.XPath("boolean(.//img | .//picture | .//table)")
_LINKED = etree.XPath("boolean(ancestor::a[@href])")
# A hover card inside a sentence (a name's tooltip: its photo, full name and a list of the
# person's articles): an inline element with a picture near its top and mostly link text.
_NEAR_PICTURE = etree.XPath("boolean(img | picture | */img | */picture)")
_LINKS = etree.XPath("count(.//a[@href])")
_MIN_CARD_LINKS = 2
# A footnote's marker set in <sup> after a word ("bAV<sup>1</sup>", "seconds.<sup>23</sup>"):
# read, it glues to the word ("bAV1"). Figures may be an exponent ("km<sup>2</sup>"), so they
# are a marker when they link into a page (to the note) or end a heading's word longer than a
# unit's; stars and daggers always are. (Letters are not: "Mag.<sup>a</sup>" abbreviates.)
_MARKER = re.compile(r"\d{1,3}|[a-z]|[*†‡]{1,3}")
_SIGN_MARKER = re.compile(r"[*†‡]{1,3}")
_FIGURE_MARKER = re.compile(r"\d{1,3}")
# A link in words (two letters in a row): a note's marker ("[3]", "1", "*") is none.
_WORDED = re.compile(r"[^\W\d_]{2}")
# A link to a place on this page names it after its "#"; "#" alone and a script's route
# ("#!/share") are buttons the page's script answers ("Tweet this", "Menü").
_IN_PAGE_HREF = re.compile(r"#[^!\s]")
_NOTE_LINK = etree.XPath(
    "boolean(ancestor-or-self::a[contains(@href, '#')] | .//a[contains(@href, '#')])"
)
# What an exponent follows: a unit ("km", "m"), a figure or a bracket ("10", "(a+b)").
_EXPONENT_BASE = re.compile(r"(?:^|[^\w])[^\W\d_]{1,2}$|[\d)\]]$")
_BOLD_TAGS = frozenset({"b", "strong"})
_ITALIC_TAGS = frozenset({"i", "em"})
# A furniture-named element holding more of the container's text than this is its real wrapper.
_MAX_FURNITURE_SHARE = 0.3
# A heading this few levels inside an element linking to another page is that link's title.
_MAX_LINK_WRAPPER_DEPTH = 3
# A label line: a short line that a single <br> ends, standing alone ("Kredite vergleichen<br>Mit
# Angeboten...", "<b>Light as a medium</b><br>From hundreds..."); read on, it is glued to the
# sentence under it. Up to this many words, not ending with a mark or a short lower-case word
# that a sentence goes on after (a hard-wrapped line: "passed to the<br>Request() constructor"),
# and the line after it a paragraph: this many times as long, and ending with a full stop or of
# a paragraph's length at least (not the next line of a list of names, dates or an address:
# "Datenleck bei Rheinmetall<br>Benedikt Strunz, NDR", "Pressekontakt<br>Dr. Tim Loppe<br>...").
MAX_LABEL_LINE_WORDS = 10
MIN_LABELLED_LINE_RATIO = 2
MIN_PARAGRAPH_LINE_WORDS = 12
_GOES_ON_MARK = re.compile(r"[.!?…:;,/&+。！？\-–—][\"'”’»]?$")
_SHORT_LAST_WORD = re.compile(r"(?:^|\s)([^\W\d_]{1,4})$")
# A line that ends a sentence: the line after it starts afresh (a label may follow).
_ENDS_SENTENCE = re.compile(r"[.!?…:;。！？][\"'”’»)]*$")
_ENDS_WITH_STOP = re.compile(r"[.!?…。！？][\"'”’»)]*$")
# White space before a comma or a full stop that ends a clause (not ".NET", not "...").
_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[,.](?:\s|$))")


class _Collector:
    def __init__(self, furniture_limit: int, laid_out: dict[etree._Element, list[Block]]) -> None:
        self.furniture_limit = furniture_limit
        self.laid_out = laid_out  # the blocks of each <pre> of a laid-out document
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._bold_chars = 0
        self._plain_chars = 0
        self._link_chars = 0
        self._upright_chars = 0
        self._bold_lead = 0  # visible characters of the bold run the block opens with
        self._tag = "p"
        self._breaks = 0
        self._visible = False  # a part holds more than white space
        self._line_start = 0  # the part the current line (after the last <br>) starts at
        self._line_fresh = True  # the line opens the block or follows one ending a sentence
        self._line_plain = 0  # visible characters of the current line outside <b>/<strong>
        self._line_lead = 0  # visible characters of the bold run the current line opens with
        self._label: _Label | None = None  # the line before the current one is a label
        self.figures = 0  # open captions around the walk
        self.notes = 0  # open boxes of notes around the walk
        self.named = 0  # open blocks bold by a subheading's class name around the walk
        self.cells: list[str] = []  # the texts of the table cells open around the walk
        self.jumps = False  # the block holds a link in words to a place on this page

    def text(self, text: str | None, style: _Style) -> None:
        if not text:
            return
        visible = len(text.strip())
        if visible:
            if self._breaks >= 2:
                self.flush()
            elif self._breaks == 1 and self._label is not None and not text.lstrip()[0].isupper():
                self._label = None  # the line after it goes on in lower case: no label
            self._breaks = 0
            self._visible = True
            if style.bold:
                self._bold_chars += visible
                if not self._plain_chars:
                    self._bold_lead = len(normalise_space("".join(self._parts) + text))
                if (
                    self._label is not None and not self._line_plain
                ):  # (the lead of a block to come)
                    line = "".join(self._parts[self._line_start :]) + text
                    self._line_lead = len(normalise_space(line))
            else:
                self._plain_chars += visible
                self._line_plain += visible
            if not style.italic:
                self._upright_chars += visible
            if style.link:
                self._link_chars += visible
        self._parts.append(text)

    def glued(self) -> bool:
        """Whether the block's text so far ends in a visible character (what a marker glues to)."""
        return self._visible and not self._parts[-1][-1:].isspace()

    def line_break(self) -> None:
        if not self._breaks:  # (the first <br> of a run ends the line; the rest are empty)
            self._end_labelled_line()
            line = normalise_space("".join(self._parts[self._line_start :]))
            words = len(line.split())
            self._label = None
            if self._line_fresh and not self.cells and _is_label_line(line, words):
                self._label = _Label(
                    len(self._parts) + 1,  # (after the break's space)
                    words,
                    self._bold_chars,
                    self._plain_chars,
                    self._link_chars,
                    self._upright_chars,
                    self._bold_lead,
                )
            self._line_fresh = not line or _ENDS_SENTENCE.search(line) is not None
        self._breaks += 1
        self._parts.append(" ")
        self._line_start = len(self._parts)
        self._line_plain = self._line_lead = 0

    def _end_labelled_line(self) -> None:
        """The current line ends: when a label line (`_label`) stands before it and it is a
        paragraph rather than the next line of a list, the label is a block of its own, and
        the current line opens the next block, of the same element (the label's text must not
        open its first sentence: "Kredite vergleichen Mit Angeboten...")."""
        label, self._label = self._label, None
        if label is None:
            return
        line = normalise_space("".join(self._parts[label.parts :]))
        words = len(line.split())
        if words < MIN_LABELLED_LINE_RATIO * label.words:
            return
        if words < MIN_PARAGRAPH_LINE_WORDS and not _ENDS_WITH_STOP.search(line):
            return
        rest = self._parts[label.parts :]
        counts = (
            self._bold_chars - label.bold_chars,
            self._plain_chars - label.plain_chars,
            self._link_chars - label.link_chars,
            self._upright_chars - label.upright_chars,
            self._line_lead,
        )
        tag, fresh = self._tag, self._line_fresh
        self._parts = self._parts[: label.parts]
        self._bold_chars, self._plain_chars = label.bold_chars, label.plain_chars
        self._link_chars, self._upright_chars = label.link_chars, label.upright_chars
        self._bold_lead = label.bold_lead
        self.flush()
        self._parts, self._tag, self._visible, self._line_fresh = rest, tag, True, fresh
        (
            self._bold_chars,
            self._plain_chars,
            self._link_chars,
            self._upright_chars,
            self._bold_lead,
        ) = counts

    def start(self, tag: str) -> None:
        self.flush()
        self._tag = tag

    def flush(
        self, heading_level: int = 0, link_chars: int | None = None, hidden: bool = False
    ) -> None:
        if self._label is not None:
            self._end_labelled_line()
        if not self._visible:  # white space at most since the last flush: every count is 0
            self._parts = []
            self._breaks = 0
            self._tag = "p"
            self.jumps = False
            self._forget_lines()
            return
        text = normalise_space("".join(self._parts))
        if text:
            all_bold = self._bold_chars > 0 and self._plain_chars == 0
            self.blocks.append(
                Block(
                    text=text,
                    tag=self._tag,
                    heading_level=heading_level,
                    all_bold=all_bold,
                    named_bold=all_bold and self.named > 0,
                    all_italic=self._upright_chars == 0,
                    link_chars=self._link_chars if link_chars is None else link_chars,
                    bold_lead_chars=self._bold_lead,
                    figure=self.figures > 0,
                    hidden=hidden,
                    note=self.notes > 0,
                    cell=bool(self.cells) and text == self.cells[-1],
                    jumps=self.jumps,
                )
            )
        self._parts = []
        self._bold_chars = self._plain_chars = self._link_chars = self._upright_chars = 0
        self._bold_lead = 0
        self._breaks = 0
        self._visible = False
        self._tag = "p"
        self.jumps = False
        self._forget_lines()

    def _forget_lines(self) -> None:
        self._line_start = self._line_plain = self._line_lead = 0
        self._line_fresh = True
        self._label = None


class _Label(NamedTuple):
    """Where a label line ends in the block being collected, and the block's counts there."""

    parts: int  # the part the line after it starts at
    words: int
    bold_chars: int
    plain_chars: int
    link_chars: int
    upright_chars: int
    bold_lead: int


def collect_blocks(container: etree._Element) -> list[Block]:
    """All text blocks under `container` (an HTML element, parsed or built), in document
    order."""
    collector = _Collector(
        int(len(_text(container)) * _MAX_FURNITURE_SHARE), laid_out_blocks(container)
    )
    _walk(container, collector, _Style())
    collector.flush()
    return collector.blocks


class _Style(NamedTuple):
    """The inline context of a piece of text."""

    bold: bool = False
    link: bool = False
    italic: bool = False


# Every style, made once: (bold, link, italic) -> _Style.
_STYLES = {
    (bold, link, italic): _Style(bold, link, italic)
    for bold in (False, True)
    for link in (False, True)
    for italic in (False, True)
}


def _walk(element: etree._Element, out: _Collector, style: _Style) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):  # comment: only its tail is text
            out.text(child.tail, style)
            continue
        names = _names(child)
        if (
            tag in _SKIP_TAGS
            or _is_furniture(child, names, out.furniture_limit)
            or (tag not in _BLOCK_TAGS and _is_hover_card(child))
        ):
            if tag in _BLOCK_TAGS or (tag in _SKIP_TAGS and tag not in _INLINE_SKIP_TAGS):
                out.start("p")
            out.text(child.tail, style)
            continue
        if tag == "pre" and child in out.laid_out:
            _laid_out(child, out, style)
            continue
        if tag == "h1" and any(a.tag == "header" for a in child.iterancestors()):
            out.start("p")  # the headline, in the article's header: not a subheading
            out.text(child.tail, style)
            continue
        if tag in _HEADING_TAGS:
            out.start(tag)
            out.text(_heading_text(child), _Style(bold=True))
            out.flush(
                heading_level=int(tag[1]),
                link_chars=_off_page_link_chars(child),
                hidden=names_furniture(names, SCREEN_READER_NAMES),
            )
            out.text(child.tail, style)
            continue
        if tag == "figure":
            if not style.link and _PICTURE(child):  # (a linked figure is a teaser's)
                for caption in child.iter("figcaption"):
                    if not _is_furniture(
                        caption, _names(caption), out.furniture_limit
                    ) and not _LINKED(caption):
                        _caption(caption, out, style)
            out.start("p")
            out.text(child.tail, style)
            continue
        if tag in _CAPTION_TAGS:
            _caption(child, out, style)
            out.text(child.tail, style)
            continue
        if tag == "br":
            out.line_break()
            out.text(child.tail, style)
            continue
        if tag in _BLOCK_TAGS:
            out.start(tag)
            cell = tag in _CELL_TAGS
            notes = names_furniture(names, NOTES_NAMES)
            out.notes += notes
            if cell:
                out.cells.append(normalise_space(_text(child)))
            named = bool(names) and _is_named_subheading(child, names)
            inner = _STYLES[True, style.link, style.italic] if named else style
            out.named += named
            out.text(child.text, inner)
            _walk(child, out, inner)
            out.start("p")
            if cell:
                out.cells.pop()
            out.notes -= notes
            out.named -= named
            out.text(child.tail, style)
            continue
        if tag == "sup" and out.glued() and _is_note_marker(child, None):
            out.text(child.tail, style)  # a footnote's marker: the note is read where it is
            continue
        href = child.get("href") if tag == "a" else None
        inner = _STYLES[
            style.bold or tag in _BOLD_TAGS,
            style.link or href is not None,
            style.italic or tag in _ITALIC_TAGS,
        ]
        if href is not None and _IN_PAGE_HREF.match(href) and _WORDED.search(_text(child)):
            out.jumps = True  # the block the link opens in holds a link to a place on the page
        out.text(child.text, inner)
        _walk(child, out, inner)
        out.text(_closing_tail(child.tail, out), style)


def _closing_tail(tail: str | None, out: _Collector) -> str | None:
    """The text after an inline element, without the line break or space that the markup sets
    between the element's last word and the comma or stop after it ("<b>Premium-Liga</b>\n,
    was..." reads "Premium-Liga, was..."): left in, it reads as the gap a stripped formula
    leaves, and the sentence is no claim. (Only after visible text: the space before a
    skipped element, a formula, stays.)"""
    if tail is None or not tail[:1].isspace() or not out.glued():
        return tail
    match = _SPACE_BEFORE_STOP.match(tail)
    return tail if match is None else tail[match.end() :]


def _is_note_marker(sup: etree._Element, before: str | None) -> bool:
    """Whether a `<sup>` glued to the text before it is a footnote's marker: a star or a
    dagger, a figure or a letter linking to a note, or (given the heading's text `before` it)
    a figure after a word longer than a unit's."""
    text = _text(sup).strip()
    if not _MARKER.fullmatch(text):
        return False
    if _SIGN_MARKER.fullmatch(text) or _NOTE_LINK(sup):
        return True
    return (
        before is not None
        and _FIGURE_MARKER.fullmatch(text) is not None
        and _EXPONENT_BASE.search(before) is None
    )


def _heading_text(heading: etree._Element) -> str:
    """A heading's text without the footnote markers glued to its words ("zur bAV<sup>1</sup>"
    -> "zur bAV")."""
    if next(heading.iter("sup"), None) is None:
        return _text(heading)
    pieces: list[str] = []
    _append_marker_free(heading, pieces)
    return "".join(pieces)


def _append_marker_free(element: etree._Element, pieces: list[str]) -> None:
    if element.text and isinstance(element.tag, str):
        pieces.append(element.text)
    for child in element:
        if child.tag == "sup":
            before = "".join(pieces)
            if before[-1:].strip() and _is_note_marker(child, before):
                pieces.append(child.tail or "")
                continue
        if isinstance(child.tag, str):
            _append_marker_free(child, pieces)
        pieces.append(child.tail or "")


def _is_label_line(line: str, words: int) -> bool:
    """A line that a single <br> ends is a label when it is short, does not open in lower case
    (the rest of a sentence) and does not go on into the next line (a stop, a comma, a dash,
    or a short lower-case word ends it: "an die", "and")."""
    if not 0 < words <= MAX_LABEL_LINE_WORDS or line[0].islower():
        return False
    if _GOES_ON_MARK.search(line):
        return False
    short = _SHORT_LAST_WORD.search(line)
    return short is None or not short.group(1).islower()


def _laid_out(pre: etree._Element, out: _Collector, style: _Style) -> None:
    """The blocks of a `<pre>` of a document laid out as pre-formatted text (see
    `preformatted`): its paragraphs, headings and asides, read line by line."""
    out.start("p")
    out.blocks.extend(out.laid_out[pre])
    out.text(pre.tail, style)


def _caption(caption: etree._Element, out: _Collector, style: _Style) -> None:
    """The blocks of a caption, marked as a figure's."""
    out.start("p")
    out.figures += 1
    out.text(caption.text, style)
    _walk(caption, out, style)
    out.start("p")
    out.figures -= 1


def _off_page_link_chars(heading: etree._Element) -> int:
    """Characters of a heading in a list item inside links to other pages (a teaser card's
    title), or of a heading inside such a link (a teaser's title, whatever element carries
    the link: `<a>`, a web component's `<pp-link href>`); in-page anchors ("#section",
    headerlinks) and headings elsewhere count 0."""
    for ancestor in itertools.islice(heading.iterancestors(), _MAX_LINK_WRAPPER_DEPTH):
        href = ancestor.get("href")
        if href is not None and not href.startswith("#"):
            return len(_text(heading).strip())
    if not any(ancestor.tag == "li" for ancestor in heading.iterancestors()):
        return 0
    return sum(
        len(_text(link).strip())
        for link in heading.iter("a")
        if not str(link.get("href") or "#").startswith("#")
    )


def _is_hover_card(element: etree._Element) -> bool:
    """An inline element that is a pop-up card (a picture, and several links making up most of
    its text): read, it glues a name's tooltip into the sentence ("Gov. Kristi NoemKristi Lynn
    Noem<her articles> (R) is...")."""
    if not len(element) or not _NEAR_PICTURE(element) or _LINKS(element) < _MIN_CARD_LINKS:
        return False
    text = len(_text(element).strip())
    linked = sum(len(_text(link).strip()) for link in element.iter("a") if link.get("href"))
    return text > 0 and linked * 2 >= text


def _is_furniture(element: etree._Element, names: str, limit: int) -> bool:
    """A caption, tag list, share bar... (by `names`, the element's `_names`) - unless it
    holds much of the text (a misnamed wrapper) or is words of a running sentence."""
    if not names_furniture(names, INNER_FURNITURE_NAMES):
        return False
    return len(_text(element)) <= limit and not _inside_sentence(element)


def _inside_sentence(element: etree._Element) -> bool:
    """An inline element whose sentence runs on around it: words before it, and after it a
    word in small letters ("The <a id="auto-tag_doobie-brothers">Doobie Brothers</a> will
    unite..."). A CMS's automatic topic links are named after tags, yet are the sentence's
    own words; a tag list's links are followed by a comma or by nothing."""
    if element.tag not in _INLINE_NAMED_TAGS:
        return False
    after = (element.tail or "").lstrip()
    if not after or not after[0].islower():
        return False
    previous, parent = element.getprevious(), element.getparent()
    before = previous.tail if previous is not None else parent.text if parent is not None else None
    before = (before or "").rstrip()
    return bool(before) and (before[-1].isalnum() or before[-1] in ",;")


def _is_named_subheading(element: etree._Element, names: str) -> bool:
    """A short block whose class calls it a subheading: its text reads as bold (a heading's
    length: a dek named so is a paragraph)."""
    lowered = names.lower()  # (the cheap test first: few elements are named so)
    return (
        ("ead" in lowered or "titel" in lowered or "title" in lowered)
        and SUBHEADING_NAMES.search(names) is not None
        and len(_text(element).split()) <= MAX_LABEL_LINE_WORDS
    )


def _names(element: etree._Element) -> str:
    """The element's class and id joined as `patterns.looks_like_furniture` joins them, or ""
    when it has neither (no furniture table matches either string)."""
    class_names, ident = element.get("class"), element.get("id")
    if class_names is None and ident is None:
        return ""
    return f"{class_names or ''} {ident or ''}"


def _text(element: etree._Element) -> str:
    """The element's text (`text_content()` of a parsed element, for any element)."""
    return "".join(element.itertext())
