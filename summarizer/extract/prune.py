"""Remove what is obviously not article text before the (costlier) content scoring runs.

Dropping it first means both opinions on the main text read a much smaller tree, and none of
their heuristics can mistake a cookie banner for content. Elements that are never content are
stripped by tag in lxml's C code; then one walk down the tree decides each remaining node
before its children, so nothing under a dropped node is looked at (and each distinct class
string is judged once).

Page regions (`<header>`, `<footer>`, `<nav>`, `<aside>`, `<menu>`) and furniture-named boxes
are dropped unless they turn out to hold the article: most of the page's text, its `<main>`, or
much of its prose. Pages get this wrong in many ways: an unclosed `<header>` swallows the page,
an article is published in an `<aside>`, or its wrapper is named `l-sidebar-fixed
l-article-body-segment` or split over several `o-section--has-ads` boxes.
"""

from __future__ import annotations

import re
from itertools import repeat

from lxml import etree
from lxml.html import HtmlElement

from summarizer.extract.patterns import FURNITURE, NOT_FURNITURE, furniture_verdict

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
_REGION_TAGS = frozenset({"nav", "aside", "menu", "header", "footer"})
_OWN_REGION_TAGS = frozenset({"header", "footer"})
_ARTICLE_TAGS = frozenset({"article", "main"})
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
# A region holding this share of the <article> or <main> it sits in is that article's box.
_FILLS_ARTICLE = 0.8
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
    _Pruner(root).run()


class _Pruner:
    """One walk down the tree, deciding each node before its children: a dropped node's
    subtree needs no look."""

    def __init__(self, root: HtmlElement) -> None:
        self.root = root
        self.page_length = len(root.text_content()) or 1
        self.page_prose = -1  # measured once, when first needed
        self.verdicts: dict[str, int] = {}  # class/id strings repeat: each decided once

    def run(self) -> None:
        doomed: list[HtmlElement] = []
        # (node, text length of the <article>/<main> it sits in, 0 outside one)
        stack: list[tuple[HtmlElement, int]] = list(zip(self.root, repeat(0)))
        pop, extend, is_doomed = stack.pop, stack.extend, self._doomed
        while stack:
            element, article_length = pop()
            if is_doomed(element, article_length):
                doomed.append(element)
                continue
            if element.tag in _ARTICLE_TAGS:
                article_length = len(element.text_content())
            if len(element):  # (most elements are leaves)
                extend(zip(element, repeat(article_length)))
        for element in doomed:
            element.drop_tree()

    def _doomed(self, element: HtmlElement, article_length: int) -> bool:
        if not element.attrib:  # most elements: no names, only a region's or form's tag dooms
            tag = element.tag
            return (tag == "form" or tag in _REGION_TAGS) and self._doomed_by_tag(
                element, tag, article_length
            ) is True
        get = element.get
        style = get("style")
        if (
            get("hidden") is not None
            or get("aria-hidden") == "true"
            or (style is not None and _HIDDEN_STYLE_RE.search(style) is not None)
        ):
            return True
        tag = element.tag
        if tag == "form" or tag in _REGION_TAGS:
            doomed = self._doomed_by_tag(element, tag, article_length)
            if doomed is not None:
                return doomed
        elif tag in _ARTICLE_TAGS:
            return False
        names = f"{get('class', '')} {get('id', '')}"
        if len(names) < 4:  # neither
            return False
        verdict = self.verdicts.get(names)
        if verdict is None:
            verdict = self.verdicts[names] = furniture_verdict(names)
        if verdict == NOT_FURNITURE:
            return False
        return self._furniture_dropped(element, rescuable=verdict == FURNITURE)

    def _doomed_by_tag(self, element: HtmlElement, tag: str, article_length: int) -> bool | None:
        """The verdict on a form or a region by its tag and text, None when its class and id
        decide (a header or footer inside an article)."""
        if tag == "form":
            return len(element.text_content()) < _MAX_SMALL_FORM_CHARS
        if tag in _REGION_TAGS:
            if article_length and len(element.text_content()) >= _FILLS_ARTICLE * article_length:
                return False  # an <aside> that is all of its <main>: the article's own box
            if not (article_length and tag in _OWN_REGION_TAGS):
                return self._furniture_dropped(element, rescuable=True)
        return None

    def _furniture_dropped(self, element: HtmlElement, *, rescuable: bool) -> bool:
        """Whether a region or furniture-named box goes: unless it holds the article."""
        length = len(element.text_content())
        if length > self.page_length * _MAX_FURNITURE_SHARE or element.find(".//main") is not None:
            return False
        if rescuable and length > self.page_length * _PROSE_CHECK_SHARE:
            if self.page_prose < 0:
                self.page_prose = _prose(self.root) or 1
            if _prose(element) > _MAX_FURNITURE_PROSE_SHARE * self.page_prose:
                return False
        return True


def _prose(element: HtmlElement) -> int:
    """Characters in the paragraphs of `element` long enough to be prose."""
    total = 0
    for paragraph in element.iter("p"):
        length = len(paragraph.text_content())
        if length >= _PROSE_CHARS:
            total += length
    return total
