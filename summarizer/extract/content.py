"""Find the element holding the article's main text, with readability-lxml's scoring.

readability's `summary()` parses the page again, runs its own cleaner over the whole tree and
serialises the result to a string. Skim has already parsed and pruned the page, so it drives
readability's scoring steps directly on that tree and keeps the chosen elements as elements.
It also keeps the subheadings readability would drop: `get_article` only takes siblings of the
best candidate that scored as content, and a lone `<h2>` between two content blocks never does.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml.html import HtmlElement
from readability import Document
from readability.readability import REGEXES, text_length

from summarizer.alternation import AsciiFolded
from summarizer.extract.parse import new_element, parse_pruned
from summarizer.extract.patterns import NOTES_NAMES, names_furniture

log = logging.getLogger(__name__)

_HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
# A wrapper around a subheading is short; a longer sibling is a block that must earn its place.
_MAX_HEADING_WRAPPER_CHARS = 200
# Widening the article container: at most this many levels up, to a parent with at most this
# share of link text (in all of it, and in what it adds: a "most read" list, a share bar and a
# breadcrumb beside the article are not more of it) and at most this many times the text of
# the element it replaces.
_MAX_WIDEN_LEVELS = 3
_MAX_WIDEN_LINKS = 0.2
_MAX_WIDEN_GROWTH = 4.0
_MIN_PROSE_CHARS = 80
# The class words of a lead set apart before the article's text (readability's: subhead,
# story-lead, standfirst, dek, subtitle; and those of other CMSs and languages).
_LEAD_WORDS = (
    "subhead|story[\\s_-]*lead|standfirst|dek|subtitle"
    "|lead|lede|intro|teaser|teasertext|epigraph|einleitung|chapo|chapeau|bajada|entradilla"
)
_CAMEL_LEAD_WORDS = "Subhead|Standfirst|Subtitle|Lead|Lede|Intro|Teaser|Epigraph|Einleitung"
# ...as a word of its own ("article-lead", "c-page-intro__copy") or a camel-case part
# ("DefaultEinleitung", "storyLeadText").
_LEAD_NAMES = re.compile(
    rf"(?:(?:^|(?<=[\s_-]))(?i:{_LEAD_WORDS})|(?<=[a-z])(?:{_CAMEL_LEAD_WORDS}))"
    r"(?=$|[\s_-]|[A-Z])"
)
# A lead's picture, video or headline box is not its text.
_LEAD_MEDIA_NAMES = re.compile(
    r"image|img|media|photo|picture|video|asset|figure|visual|background|headline|copyright"
    r"|kicker",
    re.IGNORECASE,
)
# A lead holds at most this share of link text; without an <article> or <main> around the best
# candidate, it is looked for at most this many levels above it.
_MAX_LEAD_LINKS = 0.2
_MAX_LEAD_LEVELS = 3
# readability merges an article segment with at most this share of link text.
_MAX_SEGMENT_LINKS = 0.2
# readability's class-name tables, searched case-folded (AsciiFolded: same verdicts, faster).
_UNLIKELY = AsciiFolded(REGEXES["unlikelyCandidatesRe"])
_MAYBE = AsciiFolded(REGEXES["okMaybeItsACandidateRe"])
_POSITIVE = AsciiFolded(REGEXES["positiveRe"])
_NEGATIVE = AsciiFolded(REGEXES["negativeRe"])


class _Reader(Document):  # type: ignore[misc]  # readability ships no type information
    """readability's Document fed an already parsed (and pruned) tree."""

    def __init__(self, doc: HtmlElement, url: str | None) -> None:
        super().__init__(doc, url=url, min_text_length=25, retry_length=250)
        self.html = doc
        # Candidates nest, so the same links are measured for a parent and its grandparent;
        # text does not change while candidates are scored.
        self._link_lengths: dict[HtmlElement, int] = {}

    def get_link_density(self, elem: HtmlElement) -> float:
        """readability's link density, measured without its three regex passes per call; an
        `<a>` without href (a named anchor) is not a link."""
        lengths = self._link_lengths
        links = 0
        for link in elem.iter("a"):
            if "href" in link.attrib:
                length = lengths.get(link)
                if length is None:
                    length = lengths[link] = _squashed_length(link)
                links += length
        return links / max(_squashed_length(elem), 1)

    def remove_unlikely_candidates(self) -> None:
        """readability's step, looking only at the elements that carry a class or id (the
        others never match), each class string judged once. An element inside a heading is
        its label, never a box: `<h2><span id="Footnotes">` matches readability's "foot". Nor
        is a box of the article's notes (`div.footnotes`) dropped: it is text, read as asides;
        nor a quote (`blockquote.twitter-tweet`: a post the article embeds is quoted text)."""
        unlikely: dict[str, bool] = {}
        for elem in _NAMED(self.html):
            names = f"{elem.get('class', '')} {elem.get('id', '')}"
            verdict = unlikely.get(names)
            if verdict is None:
                verdict = unlikely[names] = (
                    _UNLIKELY.found(names)
                    and not _MAYBE.found(names)
                    and not names_furniture(names, NOTES_NAMES)
                )
            if (
                verdict
                and elem.tag not in ("html", "body")
                and not _IN_CODE(elem)
                and not _IN_HEADING(elem)
                and elem.tag != "blockquote"
                and not _HOLDS_ARTICLE(elem)
            ):
                elem.drop_tree()

    def class_weight(self, e: HtmlElement) -> int:
        """readability's class weight (this reader has no keyword lists of its own), its two
        tables searched case-folded."""
        weight = 0
        for feature in (e.get("class"), e.get("id")):
            if feature:
                weight += 25 * (_POSITIVE.found(feature) - _NEGATIVE.found(feature))
        return weight

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability's step, with its test "does this hold a block element" made by one
        XPath instead of serialising every child of every <div> and searching the markup. The
        text after a block child or a <br> opens the paragraph the inline elements after it
        join (readability made it a paragraph of its own: a sentence cut at its first link)."""
        holders = _block_holders(self.html)  # stays right: a <div> made <p> is a block too
        for elem in self.tags(self.html, "div"):
            if elem not in holders:
                elem.tag = "p"
        for elem in self.tags(self.html, "div"):
            children = list(elem)
            paragraph = None
            if elem.text and elem.text.strip():
                paragraph = new_element("p")
                paragraph.text = elem.text
                elem.text = None
                elem.insert(0, paragraph)
            for child in children:
                if child.tag == "br" or child.tag not in _INLINE_TAGS or child in holders:
                    paragraph = None
                    if child.tail and child.tail.strip():
                        paragraph = new_element("p")
                        paragraph.text = child.tail
                        child.tail = None
                        child.addnext(paragraph)
                    continue
                if paragraph is None:
                    paragraph = new_element("p")
                    child.addprevious(paragraph)
                paragraph.append(child)
            for position, child in reversed(list(enumerate(elem))):
                if child.tail and child.tail.strip():
                    tail = new_element("p")
                    tail.text = child.tail
                    child.tail = None
                    elem.insert(position + 1, tail)
                if child.tag == "br":
                    child.drop_tree()

    def score_paragraphs(self) -> dict[HtmlElement, dict[str, Any]]:
        """readability's scoring of paragraphs into their parents and grandparents, without
        formatting a debug line for every candidate (readability builds them eagerly)."""
        candidates: dict[HtmlElement, dict[str, Any]] = {}
        for elem in self.tags(self.html, "p", "pre", "td", "blockquote"):
            parent = elem.getparent()
            if parent is None:
                continue
            grandparent = parent.getparent()
            inner_text = elem.text_content() or ""
            # (Cleaning only shortens a text: a text already too short needs no cleaning.)
            if len(inner_text) < self.min_text_length:
                continue
            inner_text = _clean(inner_text)
            if len(inner_text) < self.min_text_length:
                continue
            if parent not in candidates:
                candidates[parent] = self.score_node(parent)
            if grandparent is not None and grandparent not in candidates:
                candidates[grandparent] = self.score_node(grandparent)
            score = 1 + (inner_text.count(",") + 1) + min(len(inner_text) / 100, 3)
            candidates[parent]["content_score"] += score
            if grandparent is not None:
                candidates[grandparent]["content_score"] += score / 2.0
        for elem, candidate in candidates.items():  # in the order they were first scored
            candidate["content_score"] *= 1 - self.get_link_density(elem)
        return candidates

    def select_best_candidate(
        self, candidates: dict[HtmlElement, dict[str, Any]]
    ) -> dict[str, Any] | None:
        """readability's choice, without formatting a debug line for each of the top five
        (readability builds them eagerly, describing each element and its parent), and with
        "nested in the best" asked of the few `<article>` candidates instead of a set of all
        the best one's descendants."""
        if not candidates:
            return None
        ranked = sorted(candidates.values(), key=lambda x: x["content_score"], reverse=True)
        best_candidate = ranked[0]
        article_body_candidates = [
            candidate
            for candidate in ranked
            if "articleBody" in (candidate["elem"].get("itemprop") or "").split()
            and self.get_link_density(candidate["elem"]) <= 0.1
        ]
        if article_body_candidates:
            best_candidate = article_body_candidates[0]
        best = best_candidate["elem"]
        nested_articles = [
            candidate
            for candidate in ranked
            if candidate["elem"].tag == "article"
            and best in candidate["elem"].iterancestors()
            and text_length(candidate["elem"]) >= 250
            and candidate["content_score"] >= best_candidate["content_score"] * 0.25
        ]
        if nested_articles:
            best_candidate = nested_articles[0]
        return best_candidate

    def get_editorial_leads(self, best_elem: HtmlElement) -> list[HtmlElement]:
        """The article's lead set apart before the best candidate (in the article's header, in
        a box named as a lead: `_LEAD_NAMES`), a paragraph of prose with few links.

        readability's step looks in the nearest `<article>` or `<main>` for five names; many
        leads stand above that `<article>` in the `<main>` (so the outermost is searched), or
        on pages with neither (then up to `_MAX_LEAD_LEVELS` levels above the best), and have
        other names ("lead", "intro", "teaser", "Einleitung", "bajada", "chapo"). A lead the
        text repeats is left out; one set in a subheading's tag is a paragraph."""
        ancestors = list(best_elem.iterancestors())
        frames = [elem for elem in ancestors if elem.tag in ("article", "main")]
        near = [elem for elem in ancestors[:_MAX_LEAD_LEVELS] if elem.tag not in ("body", "html")]
        frame = frames[-1] if frames else near[-1] if near else None
        if frame is None:
            return []
        above = set(ancestors)
        leads: list[HtmlElement] = []
        seen: list[str] = []  # the best's text, then each lead's
        for elem in frame.iter():
            if elem is best_elem:
                break
            if not elem.attrib or elem in above or not isinstance(elem.tag, str):
                continue
            names = f"{elem.get('class', '')} {elem.get('id', '')}"
            if (
                _LEAD_NAMES.search(names) is None
                or _LEAD_MEDIA_NAMES.search(names) is not None
                or elem.tag == "figure"
                or len(elem.text_content()) < _MIN_PROSE_CHARS
                or self.get_link_density(elem) > _MAX_LEAD_LINKS
                or any(ancestor in leads for ancestor in elem.iterancestors())
            ):
                continue
            text = " ".join(elem.text_content().split())
            if not seen:
                seen.append(" ".join(best_elem.text_content().split()))
            if any(text in other for other in seen):
                continue  # the text's first paragraph again, or a lead's caption again
            seen.append(text)
            leads.append(elem)
        for lead in leads:
            for heading in lead.iter(*_HEADING_TAGS):
                if len(heading.text_content()) >= _MIN_PROSE_CHARS:
                    heading.tag = "p"
        return leads

    def get_article(
        self,
        candidates: dict[HtmlElement, dict[str, Any]],
        best_candidate: dict[str, Any],
        html_partial: bool = False,
    ) -> HtmlElement:
        """readability's `get_article` (always `html_partial`), its output `<div>` made by
        Skim's parser: readability parses markup for it, into a document whose element
        classes are looked up in Python for every element read from it afterwards."""
        _promote_sibling_headings(candidates, best_candidate)
        _promote_segment_gaps(self, candidates, best_candidate)
        sibling_score_threshold = max([10, best_candidate["content_score"] * 0.2])
        output = new_element("div")
        best_elem = best_candidate["elem"]
        self.add_heading_preamble(candidates, best_elem, sibling_score_threshold)
        self.merge_article_segments(candidates, best_candidate, sibling_score_threshold)
        parent = best_elem.getparent()
        siblings = parent.getchildren() if parent is not None else [best_elem]
        editorial_leads = self.get_editorial_leads(best_elem)
        for lead in reversed(editorial_leads):
            best_elem.insert(0, lead)
        for sibling in siblings:
            if sibling in editorial_leads:
                continue
            append = sibling is best_elem or (
                sibling in candidates
                and candidates[sibling]["content_score"] >= sibling_score_threshold
            )
            if sibling.tag == "p":
                link_density = self.get_link_density(sibling)
                node_content = sibling.text or ""
                node_length = len(node_content)
                if (node_length > 80 and link_density < 0.25) or (
                    node_length <= 80
                    and link_density == 0
                    and _SENTENCE_END.search(node_content) is not None
                ):
                    append = True
            if append:
                output.append(sibling)
        return output


# readability's `clean` (its whitespace rules), each rule run only where it can match: half
# the time, the same text.
_SPACE_RUN = re.compile(r"\s{255,}")
_LINE_BREAK = re.compile(r"\s*\n\s*")
_TABS_AND_SPACES = re.compile(r"\t|[ \t]{2,}")


def _clean(text: str) -> str:
    if len(text) >= 255:
        text = _SPACE_RUN.sub(" " * 255, text)
    if "\n" in text:
        text = _LINE_BREAK.sub("\n", text)
    if "\t" in text or "  " in text:
        text = _TABS_AND_SPACES.sub(" ", text)
    return text.strip()


# readability's test of a short paragraph beside the best candidate: it ends a sentence.
_SENTENCE_END = re.compile(r"\.( |$)")
_BLOCK_TAG_STARTS = ("p", "div", "dl", "ol", "ul", "img", "table", "blockquote")
_INLINE_TAGS = frozenset(
    {"a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"}
)
_NAMED = etree.XPath("//*[@class or @id]")
_IN_CODE = etree.XPath("boolean(ancestor-or-self::pre | ancestor-or-self::code)")
_IN_HEADING = etree.XPath(
    "boolean(ancestor::h1 | ancestor::h2 | ancestor::h3 | ancestor::h4 | ancestor::h5"
    " | ancestor::h6)"
)
_HOLDS_LIST = etree.XPath("boolean(.//li[normalize-space()])")
_HOLDS_HEADING = etree.XPath("boolean(h2 | h3)")
_HOLDS_ARTICLE = etree.XPath(
    "boolean(descendant-or-self::main | descendant-or-self::article | descendant-or-self::math)"
)


def _block_holders(root: HtmlElement) -> set[HtmlElement]:
    """The elements holding a block element (readability's test), found in one pass."""
    holders: set[HtmlElement] = set()
    for block in _block_elements(root):
        for ancestor in block.iterancestors():
            if ancestor in holders:
                break
            holders.add(ancestor)
    return holders


def _block_elements(root: HtmlElement) -> Iterator[HtmlElement]:
    """The elements of `root`'s document whose tag starts as a block's does (readability's
    divToPElementsRe: "<(blockquote|dl|div|img|ol|p|pre|table|ul)"), in document order. A walk
    in Python, three times faster than the XPath of `starts-with` tests; over every top-level
    element, as `//*` is (libxml2 may leave a second `<html>` beside the root)."""
    top = root.getroottree().getroot()
    for element in (*reversed(list(top.itersiblings(preceding=True))), top, *top.itersiblings()):
        for node in element.iter():
            tag = node.tag
            if tag.__class__ is str and tag.startswith(_BLOCK_TAG_STARTS):
                yield node


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


def _promote_segment_gaps(
    reader: _Reader, candidates: dict[HtmlElement, dict[str, Any]], best_candidate: dict[str, Any]
) -> None:
    """Give a passing score to a box of a list or a subheading between two article segments
    that pass.

    readability merges the boxes named as the best one is ("content") and scoring as content;
    it scores paragraphs only, so a list between them ("What you'll need:" above a how-to's
    steps, a guest's name over the answers of an interview) was left out. Boxes of other
    short lines (a staff grid) stay out.
    """
    best = best_candidate["elem"]
    names = {name for name in (best.get("class") or "").split() if _POSITIVE.found(name)}
    if not names:
        return
    threshold = max(10.0, best_candidate["content_score"] * 0.2)
    ancestors = set(best.iterancestors())
    # (A <p> holding a heading is a box readability's div-to-paragraph step made a paragraph:
    # the parser never puts a heading inside a <p>.)
    segments = [
        element
        for element in best.getroottree().iter(best.tag, "p")
        if element is best
        or (
            (element.tag == best.tag or _HOLDS_HEADING(element))
            and not names.isdisjoint((element.get("class") or "").split())
            and element not in ancestors
            and best not in element.iterancestors()
        )
    ]
    passing = [
        index
        for index, element in enumerate(segments)
        if element is best or _passes(reader, candidates, element, threshold)
    ]
    for element in segments[passing[0] + 1 : passing[-1]]:
        if (
            not _passes(reader, candidates, element, threshold)
            and (_HOLDS_LIST(element) or _is_lone_subheading(element))
            and reader.get_link_density(element) <= _MAX_SEGMENT_LINKS
        ):
            element.tag = best.tag  # a box again, so that readability merges it as a segment
            candidates[element] = {"content_score": threshold, "elem": element}


def _is_lone_subheading(element: HtmlElement) -> bool:
    """A box holding a subheading and nothing else (a guest's name over the answers); a name
    with a line under it is a staff grid's card."""
    heading = element.find("h2")
    if heading is None:
        heading = element.find("h3")
    return heading is not None and _squashed_length(element) == _squashed_length(heading)


def _passes(
    reader: _Reader,
    candidates: dict[HtmlElement, dict[str, Any]],
    element: HtmlElement,
    threshold: float,
) -> bool:
    """A segment readability merges: scored at `threshold` or more, with few links."""
    candidate = candidates.get(element)
    return (
        candidate is not None
        and candidate["content_score"] >= threshold
        and reader.get_link_density(element) <= _MAX_SEGMENT_LINKS
    )


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
        if _added_link_density(reader, parent, element) > _MAX_WIDEN_LINKS:
            break
        if not _has_prose_besides(parent, element):
            break
        element = parent
    if element is best["elem"]:
        return best
    candidate: dict[str, Any] = reader.score_node(element)
    candidates[element] = candidate
    return candidate


def _added_link_density(reader: _Reader, parent: HtmlElement, child: HtmlElement) -> float:
    """The link density of what widening from `child` to `parent` adds: its other children."""
    links = text = 0
    for sibling in parent:
        if sibling is child or not isinstance(sibling.tag, str):
            continue
        length = _squashed_length(sibling)
        text += length
        links += round(reader.get_link_density(sibling) * length)
    return links / text if text else 0.0


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
