"""Remove what is obviously not article text before the (costlier) content scoring runs.

One pass over the tree collects the nodes to drop; dropping them first means readability scores a
much smaller tree, and none of its heuristics can mistake a cookie banner for content.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from summarizer.extract.patterns import FURNITURE_NAMES, names_furniture

# Elements that never hold article prose.
_DROP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
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
        "nav",
        "link",
        "meta",
        "aside",
        "dialog",
        "menu",
    }
)

_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# A furniture-looking container holding more than this share of the page's text is kept: some
# sites name their article wrapper "post-sidebar-layout" or the like.
_MAX_FURNITURE_SHARE = 0.4


def prune(doc: HtmlElement) -> None:
    """Drop non-content nodes from `doc` in place (tails are kept)."""
    body = doc.find("body")
    root = body if body is not None else doc
    doomed: list[HtmlElement] = []
    furniture: list[HtmlElement] = []
    verdicts: dict[str, bool] = {}  # class/id strings repeat a lot on a page: decide each once
    stack = list(root)
    while stack:
        element = stack.pop()
        if _doomed(element):
            doomed.append(element)
            continue  # nothing below a dropped node needs a look
        stack.extend(element)
        if element.tag in ("html", "body", "article", "main"):
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}"
        verdict = verdicts.get(names)
        if verdict is None:
            verdict = verdicts[names] = names_furniture(names, FURNITURE_NAMES)
        if verdict:
            furniture.append(element)
    _drop(doomed)
    if furniture:
        page_length = len(root.text_content()) or 1
        keep_over = page_length * _MAX_FURNITURE_SHARE
        _drop([e for e in furniture if len(e.text_content()) <= keep_over])


def _doomed(element: HtmlElement) -> bool:
    """Never content: by tag, by being hidden, or a site-wide header/footer."""
    tag = element.tag
    if not isinstance(tag, str):  # comments and processing instructions
        return True
    if tag in _DROP_TAGS:
        return True
    if tag == "form":
        return _is_small_form(element)
    attrib = element.attrib
    if (
        "hidden" in attrib
        or attrib.get("aria-hidden") == "true"
        or ("style" in attrib and _HIDDEN_STYLE_RE.search(attrib["style"]) is not None)
    ):
        return True
    return tag in ("header", "footer") and not _inside_article(element)


def _drop(elements: list[HtmlElement]) -> None:
    for element in elements:
        if element.getparent() is None:
            continue
        if isinstance(element.tag, str):
            element.drop_tree()
        else:  # a comment: keep the text that follows it
            _remove_keeping_tail(element)


def _remove_keeping_tail(node: etree._Element) -> None:
    parent = node.getparent()
    if parent is None:
        return
    tail = node.tail
    if tail:
        previous = node.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(node)


def _inside_article(element: HtmlElement) -> bool:
    return any(a.tag in ("article", "main") for a in element.iterancestors())


def _is_small_form(form: HtmlElement) -> bool:
    """Search boxes, logins and newsletter sign-ups; not the <form> some CMSs wrap a page in."""
    return len(form.text_content()) < 500
