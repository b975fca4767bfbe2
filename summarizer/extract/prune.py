"""Remove what is obviously not article text before the (costlier) content scoring runs.

Dropping it first means both opinions on the main text read a much smaller tree, and none of
their heuristics can mistake a cookie banner for content. Most of the work runs in lxml's C
code: elements that are never content are stripped by tag, hidden ones found by XPath, and only
the elements carrying a class or id are looked at in Python (each distinct class string once).

Page regions (`<header>`, `<footer>`, `<nav>`, `<aside>`, `<menu>`) and furniture-named boxes
are dropped unless they turn out to hold the article: most of the page's text, its `<main>`, or
much of its prose. Pages get this wrong in many ways: an unclosed `<header>` swallows the page,
an article is published in an `<aside>`, or its wrapper is named `l-sidebar-fixed
l-article-body-segment` or split over several `o-section--has-ads` boxes.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from summarizer.extract.patterns import COMMENT_THREAD, FURNITURE, furniture_verdict

# Elements that never hold article prose, stripped with their content (their tails are kept).
_DROP_TAGS = (
    "script",
    "style",
    "template",
    "svg",
    "canvas",
    "iframe",
    "object",
    "embed",
    "button",
    "select",
    "input",
    "textarea",
    "link",
    "meta",
    "dialog",
)
# Page regions that are furniture by their tag. A <header> or <footer> inside an article or
# <main> is the article's own (its headline, its byline) and is left to the block walk.
_REGIONS = (
    "//nav | //aside | //menu"
    " | //header[not(ancestor::article or ancestor::main)]"
    " | //footer[not(ancestor::article or ancestor::main)]"
)
_REGION_XPATH = etree.XPath(_REGIONS)
# Regions and named boxes together, in document order (an XPath union is).
_CANDIDATE_XPATH = etree.XPath(
    _REGIONS + " | //*[(@class or @id) and not(self::body or self::article or self::main)]"
)
_HIDDEN_XPATH = etree.XPath(
    "//*[@hidden or @aria-hidden='true'"
    " or contains(@style, 'none') or contains(@style, 'hidden')"
    " or contains(@style, 'NONE') or contains(@style, 'HIDDEN')]"
)
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Search boxes, logins and newsletter sign-ups are short; some CMSs wrap the whole page in a
# <form>, which is kept.
_MAX_SMALL_FORM_CHARS = 500

# A region or furniture-named box holding more than this share of the page's text is the
# article's wrapper, whatever it is called.
_MAX_FURNITURE_SHARE = 0.4
# ...and so is one holding this share of the page's prose (text of paragraphs of at least
# _PROSE_CHARS characters): an article split over several furniture-named wrappers has each part
# under the share above but still most of the prose.
_MAX_FURNITURE_PROSE_SHARE = 0.3
_PROSE_CHARS = 80
# Below this share of the page's text a box cannot hold that much prose: not measured.
_PROSE_CHECK_SHARE = 0.08


def prune(doc: HtmlElement, *, keep_noscript: bool = False) -> None:
    """Drop non-content nodes from `doc` in place (tails are kept).

    `keep_noscript` keeps `<noscript>` content: the retry for pages that show their article
    only there.
    """
    body = doc.find("body")
    root = body if body is not None else doc
    tags = _DROP_TAGS if keep_noscript else (*_DROP_TAGS, "noscript")
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, *tags, with_tail=False)
    _drop(
        [
            e
            for e in _HIDDEN_XPATH(root)
            if "hidden" in e.attrib
            or e.get("aria-hidden") == "true"
            or _HIDDEN_STYLE_RE.search(e.get("style", "")) is not None
        ]
    )
    _drop([f for f in root.iter("form") if len(f.text_content()) < _MAX_SMALL_FORM_CHARS])
    _drop_furniture(root)


def _drop_furniture(root: HtmlElement) -> None:
    """Drop regions and furniture-named boxes, unless they hold the article (module doc)."""
    regions = set(_REGION_XPATH(root))
    candidates: list[tuple[HtmlElement, bool]] = []  # (box, may be rescued by its prose)
    verdicts: dict[str, int] = {}  # class/id strings repeat a lot on a page: decide each once
    for element in _CANDIDATE_XPATH(root):
        if element in regions:
            candidates.append((element, True))
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        verdict = verdicts.get(names)
        if verdict is None:
            verdict = verdicts[names] = furniture_verdict(names)
        if verdict in (FURNITURE, COMMENT_THREAD):
            candidates.append((element, verdict == FURNITURE))
    if not candidates:
        return
    page_length = len(root.text_content()) or 1
    keep_over = page_length * _MAX_FURNITURE_SHARE
    check_over = page_length * _PROSE_CHECK_SHARE
    page_prose = -1  # measured once, when first needed
    dropped: set[HtmlElement] = set()
    # Outer boxes come first: what lies inside a dropped one needs no look.
    for element, rescuable in candidates:
        if dropped and any(a in dropped for a in element.iterancestors()):
            continue
        length = len(element.text_content())
        if length > keep_over or element.find(".//main") is not None:
            continue
        if rescuable and length > check_over:
            if page_prose < 0:
                page_prose = _prose(root) or 1
            if _prose(element) > _MAX_FURNITURE_PROSE_SHARE * page_prose:
                continue
        dropped.add(element)
    _drop(list(dropped))


def _prose(element: HtmlElement) -> int:
    """Characters in the paragraphs of `element` long enough to be prose."""
    total = 0
    for paragraph in element.iter("p"):
        length = len(paragraph.text_content())
        if length >= _PROSE_CHARS:
            total += length
    return total


def _drop(elements: list[HtmlElement]) -> None:
    for element in elements:
        if element.getparent() is not None:
            element.drop_tree()
