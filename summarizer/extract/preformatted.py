"""Documents laid out as pre-formatted text: RFCs and Internet-Drafts, man pages, mailing-list
archives and plain-text essays, set in `<pre>` as they were typed.

Such a document is prose hard-wrapped at a fixed width, often in pages whose running header and
footer ("Internet-Draft  remoteStorage  December 2014", "de Jong  [Page 3]") recur among the text
at every page break. Read like HTML, a `<pre>` is one block: a page of the document glued into
one paragraph, its furniture in mid-sentence. Read as laid out:

- a line that recurs at the edge of page after page, with only its figures changing, is running
  furniture: text of the page (extractors keep it), never prose;
- the lines of a paragraph are joined, a blank line ends it, and a paragraph cut by a page
  break goes on over the break;
- code, examples, tables, ASCII art and quoted mail are asides: text, never prose;
- a heading in the markup (an `<hN>`, or an element whose class names a level "h1"-"h6", as
  rfc2html and man2html set them), a short numbered line alone at the left margin ("4.1.  GET"),
  and a short line alone, set out to the left of indented prose ("Abstract", "DESCRIPTION"),
  are headings.

Only a container whose text is mostly in `<pre>`, and whose `<pre>` text is largely wrapped
prose, is read so: a code listing in an article stays one block, as the walk reads it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from lxml import etree

from summarizer.extract.article import Block
from summarizer.text import UNSPACED_CHAR, normalise_space

# A container is a laid-out document when this share of its text is in <pre>...
_MIN_PRE_SHARE = 0.5
# ...and this share of that text reads as wrapped prose.
_MIN_PROSE_SHARE = 0.3
# Running furniture: a line among the first or last few of a page, said (figures aside) at the
# edge of this many pages or more.
_PAGE_EDGE_LINES = 2
_MIN_RUNNING_PAGES = 3
# A paragraph reads as prose when this share of its tokens (numbers and marks aside) are words,
# and, over several lines, the lines before its last fill this much of the document's width
# (wrapped text runs to the margin; code and lists of short items do not).
_MIN_WORD_SHARE = 0.75
_MIN_LINE_FILL = 0.6
# The width of the document: the line length this share of its lines stay within (prose is
# wrapped at this many columns or more: a listing of short lines is not wrapped text).
_WIDTH_QUANTILE = 0.9
_MIN_WRAP_COLUMNS = 40
# A paragraph indented this much deeper than the document's prose is an example or code,
# unless it is a list item or a finished sentence.
_INDENT_SLACK = 2
# A heading set as a line of its own is short.
_MAX_HEADING_WORDS = 12
_MAX_HEADING_CHARS = 80
_CLASS_LEVEL = re.compile(r"^h([1-6])$")
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# "2.  Terminology", "4.1.  GET", "A.  Examples", "A.1  Wire format": a section number, then
# a word.
_NUMBERED = re.compile(r"^(?:(\d{1,3}(?:\.\d{1,3})*)\.?|([A-Z])((?:\.\d{1,3})*)\.)\s+[^\W\d_]")
_UNFINISHED_HEADING_ENDS = tuple(".,;:")
# A list item's mark: "*", "o", "-", "•", "1.", "(a)", "a)".
_LIST_MARK = re.compile(r"^(?:[*•o+\-–]|\(?(?:\d{1,2}|[a-z])[.)])\s+\S")
# Prose holds a sentence: a word or a figure, closing marks, then a stop and a space (or the
# end); or it ends with a word and a colon, announcing what follows.
_SENTENCE = re.compile(r"[^\W_][^\w\s]{0,3}[.!?…。！？](?:\s|$)|[^\W\d_][^\w\s]{0,2}[:：]$")
# A finished sentence ends the paragraph (a colon announces what follows: an example, a list).
_FINISHED = re.compile(r"[.!?:。！？：][\"'”’»)\]]*$")
# Text set in columns: a wide gap between words, a row of dot leaders ("Introduction.....2"),
# a box drawn in dashes.
_COLUMNS = re.compile(r"\S {4,}\S|\.{4,}|(?:\. ){3,}|[+|]-{2,}|-{3,}[+|]")
_QUOTED = re.compile(r"^\s*>")  # a mail's quote of the message it answers
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_EDGE_MARKS = re.compile(r"^\W+|\W+$")
_FIGURES = re.compile(r"\d+")
_HYPHENATED = re.compile(r"[^\W\d_]-$")
# An address broken after a slash (where RFC 3986 says to break one): "http://" + "www.example".
_BROKEN_ADDRESS = re.compile(r"\w:/\S*/$")
# A bullet is the list's mark, not its text (a number or a letter is kept, as an <ol> shows).
_BULLET = re.compile(r"^[*•+\-–]\s+(?=\S)")


@dataclass(slots=True)
class _Line:
    """One line of a `<pre>` as laid out, with what its markup says about it."""

    text: str
    page: int
    heading: int = 0  # the level of the heading element holding all of its text; 0 none
    link_chars: int = 0  # characters inside <a href>
    offsite_link_chars: int = 0  # ...of links to other pages (not "#section-2")

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(slots=True)
class _Item:
    """A paragraph (lines between blank lines) or a run of furniture lines, and the `<pre>`
    it starts in."""

    pre: etree._Element
    lines: list[_Line]
    furniture: bool = False
    heading: int = 0  # a heading's level, once classified
    prose: bool = False


@dataclass(slots=True)
class _Reader:
    """Builds the lines of one `<pre>` from its text and markup."""

    page: int
    lines: list[_Line] = field(default_factory=list)
    _parts: list[str] = field(default_factory=list)
    _heading_chars: int = 0
    _heading_level: int = 0
    _link_chars: int = 0
    _offsite_chars: int = 0

    def add(self, text: str | None, heading: int, href: str | None) -> None:
        if not text:
            return
        for index, piece in enumerate(text.split("\n")):
            if index:
                self.end_line()
            if "\f" in piece:  # a form feed: a new page of the typed document
                if "".join(self._parts).strip():
                    self.end_line()
                self.page += 1
                piece = piece.replace("\f", "")
            self._parts.append(piece)
            visible = len(piece) - piece.count(" ")
            if heading:
                self._heading_chars += visible
                self._heading_level = min(self._heading_level or heading, heading)
            if href is not None:
                self._link_chars += visible
                if not href.startswith("#"):
                    self._offsite_chars += visible

    def end_line(self) -> None:
        text = "".join(self._parts).expandtabs(8).rstrip()
        visible = len(text) - text.count(" ")
        heading = self._heading_level if visible and self._heading_chars >= visible else 0
        self.lines.append(_Line(text, self.page, heading, self._link_chars, self._offsite_chars))
        self._parts = []
        self._heading_chars = self._heading_level = self._link_chars = self._offsite_chars = 0


def laid_out_blocks(container: etree._Element) -> dict[etree._Element, list[Block]]:
    """The blocks of each `<pre>` of `container`, when the container is a document laid out as
    pre-formatted text; else nothing (the walk reads its `<pre>`s as blocks)."""
    first = next(container.iter("pre"), None)
    if first is None:
        return {}
    pres = [pre for pre in container.iter("pre") if not _inside_pre(pre)]
    pre_chars = sum(_visible_chars(_text(pre)) for pre in pres)
    if pre_chars < _MIN_PRE_SHARE * _visible_chars(_text(container)):
        return {}
    lines: list[tuple[etree._Element, _Line]] = []
    page = 0
    for pre in pres:
        reader = _Reader(page + 1)
        _read(pre, reader, heading=0, href=None)
        reader.end_line()
        lines.extend((pre, line) for line in reader.lines)
        page = reader.page
    items = _items(lines, _furniture([line for _, line in lines]))
    _classify(items)
    prose_chars = sum(_visible_chars(_joined(item.lines)) for item in items if item.prose)
    if prose_chars < _MIN_PROSE_SHARE * pre_chars:
        return {}
    blocks: dict[etree._Element, list[Block]] = {pre: [] for pre in pres}
    for item in items:
        blocks[item.pre].append(_block(item))
    return blocks


def _inside_pre(pre: etree._Element) -> bool:
    return any(ancestor.tag == "pre" for ancestor in pre.iterancestors())


def _read(element: etree._Element, reader: _Reader, heading: int, href: str | None) -> None:
    """Add the text under `element` (a `<pre>`, then its children) to `reader`'s lines."""
    reader.add(element.text, heading, href)
    for child in element:
        tag = child.tag
        if isinstance(tag, str):
            if tag == "br":
                reader.end_line()
            else:
                level = _heading_level(child) or heading
                link = child.get("href") if tag == "a" else None
                _read(child, reader, level, link if link is not None else href)
        reader.add(child.tail, heading, href)


def _heading_level(element: etree._Element) -> int:
    """The level of a heading element, or of an element whose class names one ("h2")."""
    tag = element.tag
    if tag in _HEADING_TAGS:
        return int(str(tag)[1])
    for name in str(element.get("class") or "").split():
        match = _CLASS_LEVEL.match(name.lower())
        if match:
            return int(match[1])
    return 0


def _furniture(lines: list[_Line]) -> set[int]:
    """The indexes of running furniture: lines at the edge of a page (among its first or last
    few) that, their figures aside, stand at the edge of several pages."""
    pages: dict[int, list[int]] = {}
    for index, line in enumerate(lines):
        if not line.blank:
            pages.setdefault(line.page, []).append(index)
    if len(pages) < _MIN_RUNNING_PAGES:
        return set()
    edges = {
        page: set(indexes[:_PAGE_EDGE_LINES] + indexes[-_PAGE_EDGE_LINES:])
        for page, indexes in pages.items()
    }
    pages_of = Counter(
        key for indexes in edges.values() for key in {_running_key(lines[i]) for i in indexes}
    )
    return {
        index
        for indexes in edges.values()
        for index in indexes
        if pages_of[_running_key(lines[index])] >= _MIN_RUNNING_PAGES
        and any(char.isalnum() for char in lines[index].text)
    }


def _running_key(line: _Line) -> str:
    """A line as it recurs from page to page: its words, case-folded, figures masked."""
    return _FIGURES.sub("#", normalise_space(line.text).casefold())


def _items(lines: list[tuple[etree._Element, _Line]], furniture: set[int]) -> list[_Item]:
    """The paragraphs and the runs of furniture, in order. A heading line of the markup is a
    paragraph of its own; a paragraph that a page break cuts (unfinished, and the text after
    the break at its indent) goes on over the break, the furniture after it."""
    items: list[_Item] = []
    current: _Item | None = None
    for index, (pre, line) in enumerate(lines):
        if index in furniture:
            current = None
            if items and items[-1].furniture:
                items[-1].lines.append(line)
            else:
                items.append(_Item(pre, [line], furniture=True))
            continue
        if line.blank:
            current = None
            continue
        if current is not None and (
            line.page != current.lines[-1].page
            or line.heading
            or _next_list_item(current.lines, line)
        ):
            current = None
        if current is None or current.lines[-1].heading:
            current = None if line.heading else _continued(items, line)
        if current is None:
            current = _Item(pre, [])
            items.append(current)
        current.lines.append(line)
    return items


def _next_list_item(paragraph: list[_Line], line: _Line) -> bool:
    """`line` opens an item of a list set without blank lines between its items: the next
    item of the list the paragraph is an item of (with the same kind of mark), or the first
    of the list its last line announces ("...the following properties:")."""
    mark = _list_mark(line.text)
    if mark is None:
        return False
    return mark == _list_mark(paragraph[0].text) or paragraph[-1].text.endswith((":", "："))


def _list_mark(text: str) -> str | None:
    """The kind of list mark a line opens with: the bullet itself, "1." or "a." for a
    number or a letter (any), None if it opens with none."""
    match = _LIST_MARK.match(text.lstrip())
    if match is None:
        return None
    mark = match[0].split()[0].strip("()")
    if mark[0].isdigit():
        return "1" + mark[-1]
    if mark[0].isalpha() and len(mark) > 1:
        return "a" + mark[-1]
    return mark


def _continued(items: list[_Item], line: _Line) -> _Item | None:
    """The paragraph before a page break that `line`, the first after it, goes on with."""
    last = len(items) - 1
    while last >= 0 and items[last].furniture:
        last -= 1
    if last < 0:
        return None
    before = items[last].lines[-1]
    if (
        before.page == line.page
        or before.heading
        or before.indent != line.indent
        or _FINISHED.search(before.text) is not None
    ):
        return None
    # (The furniture stays after the paragraph it cut.)
    return items[last]


def _classify(items: list[_Item]) -> None:
    """Mark each paragraph a heading, prose, or (unmarked) an aside."""
    paragraphs = [item for item in items if not item.furniture]
    if not paragraphs:
        return
    lengths = sorted(_columns(line.text) for item in paragraphs for line in item.lines)
    width = max(
        _MIN_WRAP_COLUMNS, lengths[min(len(lengths) - 1, int(_WIDTH_QUANTILE * len(lengths)))]
    )
    margin = min(item.lines[0].indent for item in paragraphs)
    indents: Counter[int] = Counter()
    for item in paragraphs:
        if len(item.lines) > 1 and _reads_as_prose(item.lines, width):
            indents[item.lines[0].indent] += _visible_chars(_joined(item.lines))
    prose_indent = indents.most_common(1)[0][0] if indents else margin
    for item in paragraphs:
        item.heading = _heading(item.lines, margin, prose_indent)
        item.prose = not item.heading and _is_prose(item.lines, width, prose_indent)


def _heading(lines: list[_Line], margin: int, prose_indent: int) -> int:
    """The level of a heading paragraph: a heading of the markup, or a short line alone at the
    left margin, numbered or set out to the left of the prose; 0 if it is none."""
    if all(line.heading for line in lines):
        return min(line.heading for line in lines)
    if len(lines) > 1:
        return 0
    line = lines[0]
    text = normalise_space(line.text)
    if (
        line.indent != margin
        or len(text) > _MAX_HEADING_CHARS
        or len(text.split()) > _MAX_HEADING_WORDS
        or text.endswith(_UNFINISHED_HEADING_ENDS)
        or _COLUMNS.search(line.text.strip()) is not None
    ):
        return 0
    numbered = _NUMBERED.match(text)
    if numbered:
        number = numbered[1] or f"{numbered[2]}{numbered[3]}"
        return min(6, 1 + len(number.split(".")))
    if line.indent < prose_indent and text[:1].isalpha():
        return 2
    return 0


def _is_prose(lines: list[_Line], width: int, prose_indent: int) -> bool:
    """A paragraph of the document's prose: it reads as wrapped text, and it is set at the
    prose's indent, or is a list item or a finished sentence (an example indented deeper is
    not)."""
    if not _reads_as_prose(lines, width):
        return False
    if lines[0].indent <= prose_indent + _INDENT_SLACK:
        return True
    first = lines[0].text.strip()
    return _LIST_MARK.match(first) is not None or _FINISHED.search(lines[-1].text) is not None


def _reads_as_prose(lines: list[_Line], width: int) -> bool:
    """Words, not code, columns or quoted mail, holding a sentence (or a list's item); over
    several lines, wrapped to the margin; on one line, a finished sentence."""
    if any(_QUOTED.match(line.text) for line in lines):
        return False
    if sum(1 for line in lines if _COLUMNS.search(line.text.strip())) * 2 >= len(lines):
        return False
    text = _joined(lines)
    if _word_share(text) < _MIN_WORD_SHARE:
        return False
    if _SENTENCE.search(text) is None and _list_mark(lines[0].text) is None:
        return False  # (a list's item may be a phrase)
    if len(lines) == 1:
        return _FINISHED.search(lines[0].text) is not None or _list_mark(lines[0].text) is not None
    body = lines[:-1]
    return sum(_columns(line.text) for line in body) >= _MIN_LINE_FILL * width * len(body)


def _word_share(text: str) -> float:
    """The share of words among the tokens of `text` that are not figures or marks alone."""
    words = others = 0
    for token in text.split():
        core = _EDGE_MARKS.sub("", token)
        if not core or core.isdigit():
            continue
        if _WORD.fullmatch(core) or UNSPACED_CHAR.search(core):
            words += 1
        else:
            others += 1
    return words / (words + others) if words + others else 0.0


def _block(item: _Item) -> Block:
    text = _joined(item.lines)
    link_chars = sum(line.link_chars for line in item.lines)
    if item.heading:
        return Block(
            text=text,
            tag=f"h{min(item.heading, 6)}",
            heading_level=item.heading,
            all_bold=True,
            link_chars=sum(line.offsite_link_chars for line in item.lines),
        )
    if item.prose:
        return Block(text=_BULLET.sub("", text), tag="p", link_chars=link_chars)
    return Block(text=text, tag="pre", link_chars=link_chars, aside=True)


def _joined(lines: list[_Line]) -> str:
    """The lines of a paragraph as one line: a word broken at its hyphen is whole again."""
    parts: list[str] = []
    for line in lines:
        text = line.text.strip()
        if parts and (
            (_HYPHENATED.search(parts[-1]) and text[:1].isalpha())
            or (_BROKEN_ADDRESS.search(parts[-1]) and text[:1].isalnum())
        ):
            parts[-1] += text
        else:
            parts.append(text)
    return normalise_space(" ".join(parts))


def _columns(text: str) -> int:
    """The columns a line takes in a monospace font (wide East Asian characters take two)."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _visible_chars(text: str) -> int:
    return len("".join(text.split()))


def _text(element: etree._Element) -> str:
    return "".join(element.itertext())
