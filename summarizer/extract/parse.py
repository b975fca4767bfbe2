"""Page text -> lxml tree: the one way the engine parses HTML."""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from summarizer.errors import NotAnArticle
from summarizer.extract.prune import prune

_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def parse_html(text: str) -> HtmlElement:
    """The page's tree; raises NotAnArticle for an empty or unreadable page."""
    # lxml refuses str input that carries an XML encoding declaration; NULs end its input early.
    text = _XML_DECLARATION_RE.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        raise NotAnArticle("the page is empty")
    try:
        doc: HtmlElement = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as error:
        raise NotAnArticle(f"the page could not be read as HTML ({error})") from None
    return doc


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
