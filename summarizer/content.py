"""Find the element holding the article's main text, with readability-lxml's scoring.

readability's `summary()` parses the page again, runs its own cleaner over the whole tree and
serialises the result to a string. Skim has already parsed and pruned the page, so it drives
readability's scoring steps directly on that tree and keeps the chosen elements as elements.
It also keeps the subheadings readability would drop: `get_article` only takes siblings of the
best candidate that scored as content, and a lone `<h2>` between two content blocks never does.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from lxml.html import HtmlElement, fragment_fromstring
from readability import Document

log = logging.getLogger(__name__)

_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# A wrapper around a subheading is short; a longer sibling is a block that must earn its place.
_MAX_HEADING_WRAPPER_CHARS = 200


class _Reader(Document):  # type: ignore[misc]  # readability ships no type information
    """readability's Document fed an already parsed (and pruned) tree."""

    def __init__(self, doc: HtmlElement, url: str | None) -> None:
        super().__init__(doc, url=url, min_text_length=25, retry_length=250)
        self.html = doc

    def get_article(
        self, candidates: dict[HtmlElement, dict[str, Any]], best_candidate: dict[str, Any], html_partial: bool = False
    ) -> HtmlElement:
        _promote_sibling_headings(candidates, best_candidate)
        return super().get_article(candidates, best_candidate, html_partial=html_partial)


def _promote_sibling_headings(
    candidates: dict[HtmlElement, dict[str, Any]], best_candidate: dict[str, Any]
) -> None:
    """Give subheadings between the best candidate's content siblings a passing score."""
    best = best_candidate["elem"]
    parent = best.getparent()
    if parent is None:
        return
    threshold = max(10.0, best_candidate["content_score"] * 0.2)
    for sibling in parent:
        if sibling is best or sibling in candidates or not isinstance(sibling.tag, str):
            continue
        if sibling.tag in _HEADING_TAGS or (
            sibling.find(".//h2") is not None or sibling.find(".//h3") is not None
        ) and len(sibling.text_content()) <= _MAX_HEADING_WRAPPER_CHARS:
            candidates[sibling] = {"content_score": threshold, "elem": sibling}


def find_main_content(
    doc: HtmlElement, url: str | None, reparse: Callable[[], HtmlElement]
) -> HtmlElement | None:
    """The article container (a new `<div>` holding the chosen elements), or None.

    `doc` is consumed (readability moves nodes out of it). `reparse` returns a fresh pruned copy
    of the page for readability's second, lenient attempt, which is rarely needed.
    """
    for ruthless in (True, False):
        tree = doc if ruthless else reparse()
        reader = _Reader(tree, url)
        try:
            article = _attempt(reader, ruthless)
        except Exception:  # readability is heuristic code over hostile input
            log.warning("readability failed on %s", url or "page", exc_info=True)
            continue
        if article is not None and len(article.text_content().strip()) >= reader.retry_length:
            return article
        if not ruthless and article is not None:
            return article
    return None


def _attempt(reader: _Reader, ruthless: bool) -> HtmlElement | None:
    body = reader.html.find("body")
    if body is not None:
        body.set("id", "readabilityBody")
    if ruthless:
        reader.remove_unlikely_candidates()
    reader.transform_misused_divs_into_paragraphs()
    candidates = reader.score_paragraphs()
    best = reader.select_best_candidate(candidates)
    if not best:
        return None
    best = reader.get_semantic_article_candidate(candidates, best)
    best = reader.get_semantic_main_candidate(candidates, best)
    article: HtmlElement = reader.get_article(candidates, best, html_partial=True)
    return article


def empty_container() -> HtmlElement:
    """A `<div>` to stand for a page with no content at all."""
    element: HtmlElement = fragment_fromstring("<div></div>")
    return element
