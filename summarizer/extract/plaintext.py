"""Plain-text documents (an RFC's .txt, a mailing-list archive, a README served as text/plain)
as the HTML the digest reads: the text escaped into `<pre>`s, one per typed page, under the
document's own title. `preformatted.py` then reads it as it reads an RFC set in `<pre>`: wrapped
lines joined, page furniture kept out of the prose, numbered lines as headings.

The text is only ever escaped into the page, never parsed: a `<script>` line in a .txt is text.
The title is the document's own, found by how plain text sets one: a mail's `Subject:` header, a
line underlined with `===` or `---` (Setext, reStructuredText), a `#` line (Markdown), or a
line centred on the first page (an RFC's, a memo's). A document without one gets no `<title>`
(the digest then takes its first heading).
"""

from __future__ import annotations

import codecs
import html
import re

from markdown_it import MarkdownIt

from summarizer.extract.limits import BINARY_SNIFF_BYTES, MAX_MARKDOWN_CHARS, TITLE_SCAN_LINES

# Media types read as plain-text documents; Markdown's are rendered as Markdown where parsing
# may run (the bot's worker pool, the command line, the library: never the bot's event loop).
MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
TEXT_TYPES = frozenset({"text/plain"}) | MARKDOWN_TYPES
# A Markdown file's names (the command line and the library render it as Markdown), and a text
# document's (an RFC's .txt, a README): read as one served as text/plain is. (.gz after them too.)
MARKDOWN_SUFFIXES = (".md", ".markdown")
TEXT_SUFFIXES = (".txt", ".text", *MARKDOWN_SUFFIXES)
# CommonMark and its tables, with the HTML a Markdown text may hold turned off: it is shown as
# text, never parsed as markup (a stranger's file, like any page). Linear in its input.
_MARKDOWN = MarkdownIt("commonmark", {"html": False}).enable("table")

# -- Telling text from binary under a text label ----------------------------------------------

MAX_CONTROL_SHARE = 0.05
"""Control bytes (tab, line breaks and form feed aside) in text: almost none (a form feed per
page). Random or compressed bytes hold 11 %, and a NUL within the first few KB."""
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_CONTROL_CHARS = frozenset(_CONTROL_BYTES.decode("ascii"))
# UTF-32 before UTF-16: its little-endian mark starts with UTF-16's.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# -- Finding the title ------------------------------------------------------------------------

MAX_TITLE_LINES = 3
"""Lines a centred title may run to (long RFC titles take two)."""
_MAX_TITLE_CHARS = 120
_MAX_TITLE_WORDS = 16
# A centred line starts this far in, and its margins differ by at most this much.
_MIN_CENTRED_INDENT = 6
_CENTRED_SLACK = 6
_MAIL_HEADER = re.compile(r"^(?:From \S|[A-Za-z][A-Za-z0-9-]*:\s)")
_SUBJECT = re.compile(r"^Subject:\s*(.+)$", re.IGNORECASE)
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|\*{3,}|~{3,})\s*$")
_ATX_HEADING = re.compile(r"^#{1,6}\s+(\S.*?)\s*#*\s*$")
_COLUMNS = re.compile(r"\S {3,}\S")  # two texts set apart: a header block's two columns
# One token holding a figure: a file or draft name, a version, a date set under the title.
_IDENTIFIER = re.compile(r"^\S*\d\S*$")
_UNFINISHED = tuple(".,;:")


def looks_binary(body: bytes, charset: str | None = None) -> bool:
    """Whether `body`, labelled as text, is binary: a NUL byte or many control bytes near its
    start. In UTF-16 or UTF-32 (by its byte-order mark or the `charset` label) NUL bytes are
    its text: there its characters are judged instead."""
    sample = body[:BINARY_SNIFF_BYTES]
    if not sample:
        return False
    wide = _wide_codec(sample, charset)
    if wide is not None:
        chars = sample.decode(wide, errors="replace")
        controls = sum(1 for ch in chars if ch in _CONTROL_CHARS)
        return controls > MAX_CONTROL_SHARE * len(chars)
    if b"\x00" in sample:
        return True
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > MAX_CONTROL_SHARE * len(sample)


def _wide_codec(sample: bytes, charset: str | None) -> str | None:
    """The UTF-16/32 codec the sample's byte-order mark, else its charset label, names."""
    for bom, codec in _WIDE_BOMS:
        if sample.startswith(bom):
            return codec
    if not charset:
        return None
    try:
        name = codecs.lookup(charset.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    return name if name.startswith(("utf-16", "utf-32")) else None


def is_text_document_name(name: str) -> bool:
    """Whether a file named `name` (`.gz` aside) is a text document: `.txt`, `.md`..."""
    return name.lower().removesuffix(".gz").endswith(TEXT_SUFFIXES)


def is_markdown_name(name: str) -> bool:
    """Whether a file named `name` (`.gz` aside) is Markdown: `.md`, `.markdown`."""
    return name.lower().removesuffix(".gz").endswith(MARKDOWN_SUFFIXES)


def is_markdown(mime: str, path: str) -> bool:
    """Whether a text document of media type `mime` at `path` (a URL's path) is Markdown: its
    type says so, or a text/plain one is named `.md` (servers send a README.md as text/plain as
    often as not)."""
    return mime in MARKDOWN_TYPES or (mime == "text/plain" and is_markdown_name(path))


def text_document_html(text: str, *, markdown: bool = False) -> str:
    """A minimal HTML page holding `text`. A Markdown text of MAX_MARKDOWN_CHARS at most is
    rendered (CommonMark, its own HTML escaped): its `#` headings head sections. Other text is
    kept as typed: one `<pre>` per page (a form feed starts a page), under the document's title
    when one is found. Linear in the text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if markdown and len(text) <= MAX_MARKDOWN_CHARS:
        return (
            '<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head>\n'
            f"<body><article>\n{_MARKDOWN.render(text)}</article></body></html>\n"
        )
    title = document_title(text)
    head = f"<title>{html.escape(title, quote=False)}</title>" if title else ""
    # The newline after <pre> is the one HTML drops, so the first line keeps its indent.
    pages = "".join(f"<pre>\n{html.escape(page, quote=False)}</pre>\n" for page in text.split("\f"))
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8">{head}</head>\n'
        f"<body>\n{pages}</body></html>\n"
    )


def document_title(text: str) -> str | None:
    """The document's own title line, or None (see the module)."""
    lines = text.split("\f", 1)[0].split("\n", TITLE_SCAN_LINES)[:TITLE_SCAN_LINES]
    lines = [line.expandtabs(8).rstrip() for line in lines]
    start = next((i for i, line in enumerate(lines) if line.strip()), None)
    if start is None:
        return None
    lines = lines[start:]
    if _MAIL_HEADER.match(lines[0]):
        return _mail_subject(lines)
    return _marked_title(lines) or _centred_title(lines)


def _mail_subject(lines: list[str]) -> str | None:
    """A mail's (or an archived message's) Subject header, if its header block has one."""
    for line in lines:
        if not line.strip():
            break
        match = _SUBJECT.match(line)
        if match:
            return _title(match[1])
    return None


def _marked_title(lines: list[str]) -> str | None:
    """The first line, when marked as a title: underlined, or a Markdown `#` heading."""
    first = lines[0].strip()
    heading = _ATX_HEADING.match(first)
    if heading:
        return _title(heading[1])
    if len(lines) > 1 and _UNDERLINE.match(lines[1]) and not _UNDERLINE.match(first):
        return _title(first)
    return None


def _centred_title(lines: list[str]) -> str | None:
    """The first run of centred lines of the first page (right-aligned and two-column header
    lines are not centred), joined; it ends before an identifier set under it (an
    Internet-Draft's name)."""
    width = max(len(line) for line in lines)
    run: list[str] = []
    for line in lines:
        text = line.strip()
        indent = len(line) - len(line.lstrip())
        centred = (
            text
            and indent >= _MIN_CENTRED_INDENT
            and not _COLUMNS.search(text)
            and abs(indent - (width - len(line))) <= _CENTRED_SLACK
        )
        if centred and not (run and _IDENTIFIER.match(text)):
            run.append(text)
            if len(run) > MAX_TITLE_LINES:
                return None
        elif run:
            break
    return _title(" ".join(run)) if run else None


def _title(text: str) -> str | None:
    """`text` as a title: one short line of words, not a sentence cut off."""
    text = " ".join(text.split())
    if (
        not text
        or len(text) > _MAX_TITLE_CHARS
        or len(text.split()) > _MAX_TITLE_WORDS
        or text.endswith(_UNFINISHED)
        or not any(ch.isalpha() for ch in text)
    ):
        return None
    return text
