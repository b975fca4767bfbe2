"""Find the element holding the article's main text, with readability-lxml's scoring.

readability's `summary()` parses the page again, runs its own cleaner over the whole tree and
serialises the result to a string. Skim has already parsed and pruned the page, so it drives
readability's scoring steps directly on that tree and keeps the chosen elements as elements.
It also keeps the subheadings readability would drop: `get_article` only takes siblings of the
best candidate that scored as content, and a lone `<h2>` between two content blocks never does.
"""

from __future__ import annotations

import logging
from typing import Any

from lxml.html import HtmlElement
from readability import Document

from summarizer.extract.parse import parse_pruned

log = logging.getLogger(__name__)

_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# A wrapper around a subheading is short; a longer sibling is a block that must earn its place.
_MAX_HEADING_WRAPPER_CHARS = 200
# Widening the article container: at most this many levels up, to a parent with at most this
# share of link text and at most this many times the text of the element it replaces.
_MAX_WIDEN_LEVELS = 3
_MAX_WIDEN_LINKS = 0.2
_MAX_WIDEN_GROWTH = 4.0
_MIN_PROSE_CHARS = 80


class _Reader(Document):  # type: ignore[misc]  # readability ships no type information
    """readability's Document fed an already parsed (and pruned) tree."""

    def __init__(self, doc: HtmlElement, url: str | None) -> None:
        super().__init__(doc, url=url, min_text_length=25, retry_length=250)
        self.html = doc

    def get_link_density(self, elem: HtmlElement) -> float:
        """readability's link density, measured without its three regex passes per call; an
        `<a>` without href (a named anchor) is not a link."""
        links = sum(_squashed_length(a) for a in elem.iter("a") if "href" in a.attrib)
        return links / max(_squashed_length(elem), 1)

    def get_article(
        self,
        candidates: dict[HtmlElement, dict[str, Any]],
        best_candidate: dict[str, Any],
        html_partial: bool = False,
    ) -> HtmlElement:
        _promote_sibling_headings(candidates, best_candidate)
        return super().get_article(candidates, best_candidate, html_partial=html_partial)


def _squashed_length(element: HtmlElement) -> int:
    """Length of the element's text with runs of white space counted as one character."""
    return len(" ".join(element.text_content().split()))


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
        if _is_subheading(sibling):
            candidates[sibling] = {"content_score": threshold, "elem": sibling}


def _is_subheading(element: HtmlElement) -> bool:
    """An h2-h6, or a short wrapper around an h2/h3 (`<div class="title"><h2>…</h2></div>`)."""
    if element.tag in _HEADING_TAGS:
        return True
    holds_heading = element.find(".//h2") is not None or element.find(".//h3") is not None
    return holds_heading and len(element.text_content()) <= _MAX_HEADING_WRAPPER_CHARS


def find_main_content(doc: HtmlElement, url: str | None, source: str) -> HtmlElement | None:
    """The article container (a new `<div>` holding the chosen elements), or None.

    `doc` is the pruned tree of `source` and is consumed (readability moves nodes out of it);
    readability's second, lenient attempt, rarely needed, reads a fresh tree of `source`.
    """
    for ruthless in (True, False):
        tree = doc if ruthless else parse_pruned(source)
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
    best = _widen(reader, candidates, best)
    article: HtmlElement = reader.get_article(candidates, best, html_partial=True)
    return article


def _widen(
    reader: _Reader, candidates: dict[HtmlElement, dict[str, Any]], best: dict[str, Any]
) -> dict[str, Any]:
    """Climb from a nested section to the container of all sections.

    Documentation and long-form pages nest each part in its own `<div class="section">`; the
    best-scoring part is then only one of them. Furniture is pruned already, so a parent whose
    text is prose (few links) and that holds more text beside the best element is the article.
    """
    element = best["elem"]
    for _ in range(_MAX_WIDEN_LEVELS):
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        own = len(element.text_content())
        total = len(parent.text_content())
        if total > own * _MAX_WIDEN_GROWTH or reader.get_link_density(parent) > _MAX_WIDEN_LINKS:
            break
        if not _has_prose_besides(parent, element):
            break
        element = parent
    if element is best["elem"]:
        return best
    candidate: dict[str, Any] = reader.score_node(element)
    candidates[element] = candidate
    return candidate


def _has_prose_besides(parent: HtmlElement, child: HtmlElement) -> bool:
    for sibling in parent:
        if sibling is child or not isinstance(sibling.tag, str):
            continue
        if sibling.tag in _HEADING_TAGS:
            return True
        for paragraph in sibling.iter("p"):
            if len(paragraph.text_content()) >= _MIN_PROSE_CHARS:
                return True
    return False
