"""Page -> lxml tree: the one way the engine reads and parses HTML.

`page_text` turns what the caller handed over (bytes or str) into text lxml can hold: decoded,
stripped of the characters lxml refuses (libxml2 keeps C0 controls on parse, but lxml raises
when such text is later moved, as pruning does), and checked against the page limits in
`limits.py` before any tree exists: a page too large to digest is refused at once, one with
absurdly many elements is cut. `parse_html` then bounds the text the tree holds.
"""

from __future__ import annotations

import itertools
import re
import threading

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from summarizer.errors import NotAnArticle
from summarizer.extract.limits import (
    MAX_ATTRIBUTES_PER_ELEMENT,
    MAX_DEPTH,
    MAX_ELEMENTS,
    MAX_NODE_TEXT_CHARS,
    MAX_PAGE_CHARS,
    MAX_TEXT_CHARS,
)
from summarizer.extract.prune import prune
from summarizer.net.charset import decode_html

_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)

# What lxml refuses in text: C0 controls but tab, line feed and carriage return; U+FFFE and
# U+FFFF; lone surrogates. Vertical tab and form feed are white space in HTML: they become
# spaces, the others go; a lone surrogate becomes U+FFFD as a decoder would have made it.
_C0_REFUSED = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_REFUSED_CHARS = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]+")
_SPACE_CHARS = re.compile("[\x0b\x0c]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# Character references that libxml2 turns into those characters ("&#1;", "&#xFFFE;"); "&#0;"
# and references to surrogates already become U+FFFD.
_REFUSED_REFERENCE = re.compile(
    r"&#(?:[xX]0*(?:[1-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F])"
    r"|0*(?:[1-8]|1[1-2]|1[4-9]|2[0-9]|3[01]|6553[45])(?![0-9]));?"
)
# A start tag ("<p", "<div"): what MAX_ELEMENTS counts.
_START_TAG = re.compile(r"<[A-Za-z]")
# A start tag with more than MAX_ATTRIBUTES_PER_ELEMENT attributes, read as libxml2 reads them
# (quoted values may hold "<" and ">"). Possessive quantifiers never backtrack, so the scan
# costs a fraction of the parse.
_CROWDED_START_TAG = re.compile(
    r"""<[A-Za-z][^\s/>]*+(?:\s++[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]++))?+)"""
    + f"{{{MAX_ATTRIBUTES_PER_ELEMENT + 1},}}+"
)
# Elements whose text is not page text (the JSON-LD reader has its own limit).
_CODE_TAGS = frozenset({"script", "style"})
# Below the root `<html>`, an element nested one level deeper than MAX_DEPTH allows. The same
# path as an XPath: libxml2 walks it three times faster than ElementPath's generators in Python.
_TOO_DEEP = lxml.etree.XPath(f"boolean({'/'.join(['*'] * MAX_DEPTH)})")


def page_text(html: str | bytes) -> str:
    """The page as text fit to parse: decoded, sanitised, checked and maybe cut (see module)."""
    return page_source(html)[0]


def page_source(html: str | bytes) -> tuple[str, bytes]:
    """`page_text`'s text and its UTF-8 bytes, what `parse_html` parses: the sanitiser's test
    encodes the page anyway, and its text is then encoded once."""
    text = decode_html(html)[0] if isinstance(html, bytes) else html
    if len(text) > MAX_PAGE_CHARS:
        raise NotAnArticle(
            f"too large to digest: {len(text):,} characters (the limit is {MAX_PAGE_CHARS:,})"
        )
    sanitised, encoded = _sanitised(text)
    text = _XML_DECLARATION_RE.sub("", sanitised, count=1)
    _check_attributes(text)
    text = _cut_elements(text)
    # (`re.sub` and the cut hand back their very argument when they change nothing.)
    return text, encoded if text is sanitised else text.encode("utf-8")


def sanitise(text: str) -> str:
    """`text` without the characters lxml refuses, nor references to them."""
    return _sanitised(text)[0]


def _sanitised(text: str) -> tuple[str, bytes]:
    """`sanitise`'s text and its UTF-8 bytes."""
    try:
        encoded = text.encode("utf-8")  # fails exactly when the text holds a lone surrogate
    except UnicodeEncodeError:
        text = _SURROGATES.sub("\ufffd", text)
        encoded = text.encode("utf-8")
    clean = text
    # Testing bytes is several times faster than a regex over the text, and a clean page (the
    # usual case) is then not copied. UTF-8 never uses bytes below 0x80 inside a sequence.
    # (U+FFFE and U+FFFF are looked for only in a page holding a character of U+FFC0-U+FFFF,
    # the rare pages with a U+FFFD: one scan of the bytes, not two.)
    if len(encoded.translate(None, _C0_REFUSED)) != len(encoded) or (
        b"\xef\xbf" in encoded and (b"\xef\xbf\xbe" in encoded or b"\xef\xbf\xbf" in encoded)
    ):
        text = _SPACE_CHARS.sub(" ", _REFUSED_CHARS.sub("", text))
    if b"&#" in encoded:
        text = _REFUSED_REFERENCE.sub("", text)
    return text, encoded if text is clean else text.encode("utf-8")


def _check_attributes(text: str) -> None:
    """Refuse a page with an element holding absurdly many attributes (libxml2's parse of
    them is quadratic)."""
    if _CROWDED_START_TAG.search(text):
        raise NotAnArticle(
            f"too large to digest: an element has over {MAX_ATTRIBUTES_PER_ELEMENT:,} attributes"
        )


_PARSERS = threading.local()


def _parser() -> lxml.html.HTMLParser:
    """lxml.html's parser with a class lookup in C: its default one is a Python method, called
    for every element object the engine touches (a tenth of a digest's time, for form classes
    nothing here uses). It reads UTF-8 (`parse_html` hands it bytes, whatever the page
    declares). Parsers are not thread-safe, hence one per thread."""
    parser: lxml.html.HTMLParser | None = getattr(_PARSERS, "parser", None)
    if parser is None:
        parser = lxml.html.HTMLParser(encoding="utf-8")
        parser.set_element_class_lookup(
            lxml.etree.ElementDefaultClassLookup(
                element=HtmlElement,
                comment=lxml.html.HtmlComment,
                pi=lxml.html.HtmlProcessingInstruction,
                entity=lxml.html.HtmlEntity,
            )
        )
        _PARSERS.parser = parser
    return parser


def new_element(tag: str) -> HtmlElement:
    """A new element, alone in a document of Skim's parser: the elements read from it
    afterwards (those moved in too) get their classes by the lookup in C. (lxml.html's
    `fragment_fromstring("<p/>")` parses markup for it, into a document of its default parser.)"""
    element: HtmlElement = _parser().makeelement(tag)
    return element


def _cut_elements(text: str) -> str:
    """`text` cut before its start tag number MAX_ELEMENTS + 1, if it has that many."""
    if text.count("<") <= MAX_ELEMENTS:  # cheap: most pages stop here
        return text
    beyond = next(itertools.islice(_START_TAG.finditer(text), MAX_ELEMENTS, None), None)
    return text if beyond is None else text[: beyond.start()]


def parse_html(text: str, encoded: bytes | None = None) -> HtmlElement:
    """The tree of `page_text`'s text (`encoded`: its UTF-8 bytes, when `page_source` has
    them), its text bounded (see `bound_text`); raises NotAnArticle for an empty, unreadable
    or too deeply nested page. libxml2 is handed UTF-8, its own encoding: a str of other
    than Latin-1 characters it would convert first (a tenth of the parse)."""
    if not text or text.isspace():  # (`strip` would copy the page)
        raise NotAnArticle("the page is empty")
    if encoded is None:
        encoded = text.encode("utf-8")
    try:
        doc: HtmlElement = lxml.html.document_fromstring(encoded, parser=_parser())
    except (lxml.etree.ParserError, ValueError) as error:
        raise NotAnArticle(f"the page could not be read as HTML ({error})") from None
    if _TOO_DEEP(doc):
        raise NotAnArticle(f"too large to digest: elements nested over {MAX_DEPTH} deep")
    # Every character of the tree's text comes from one of `text` (references only shrink), so
    # a page shorter than a text node may be has nothing to cut.
    if len(text) > MAX_NODE_TEXT_CHARS and _over_text_limits(doc):
        bound_text(doc)
    return doc


_TEXT_NODES = lxml.etree.XPath("//text()", smart_strings=False)


def _over_text_limits(doc: HtmlElement) -> bool:
    """Whether a text node of `doc` is longer than MAX_NODE_TEXT_CHARS or all of them (script
    and style too) over MAX_TEXT_CHARS: the cheap test, in C, before `bound_text`'s walk."""
    lengths = list(map(len, _TEXT_NODES(doc)))
    return max(lengths, default=0) > MAX_NODE_TEXT_CHARS or sum(lengths) > MAX_TEXT_CHARS


def bound_text(doc: HtmlElement) -> None:
    """Cut each text node to MAX_NODE_TEXT_CHARS and drop the page's text beyond
    MAX_TEXT_CHARS in all (script and style aside): every later step is then bounded."""
    total = 0
    for element in doc.iter():
        text = element.text
        if text and element.tag not in _CODE_TAGS:
            allowed = min(MAX_NODE_TEXT_CHARS, MAX_TEXT_CHARS - total)
            if len(text) > allowed:
                text = element.text = text[: max(allowed, 0)] or None
            total += len(text or "")
        tail = element.tail
        if tail:
            allowed = min(MAX_NODE_TEXT_CHARS, MAX_TEXT_CHARS - total)
            if len(tail) > allowed:
                tail = element.tail = tail[: max(allowed, 0)] or None
            total += len(tail or "")


def parse_pruned(text: str) -> HtmlElement:
    """A fresh tree of the page with the furniture pruned (see `prune`)."""
    doc = parse_html(text)
    prune(doc)
    return doc


def whole_page(text: str) -> HtmlElement:
    """The pruned page's `<main>`, else its `<body>`: what is read when scoring found no
    article container."""
    doc = parse_pruned(text)
    main = doc.find(".//main")
    body = doc.find("body")
    return main if main is not None else body if body is not None else doc
