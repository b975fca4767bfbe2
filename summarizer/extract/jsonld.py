"""JSON-LD: the schema.org objects a page describes itself with, and the article node among them.

JSON-LD is whatever the page says: any value may have any type, nest without end or be huge.
Values of the wrong type are treated as absent, and every walk is iterative and bounded
(`limits.py`).
"""

from __future__ import annotations

import html
import json
import logging
from collections import deque
from typing import Any

from summarizer.extract.limits import (
    MAX_JSONLD_CHARS,
    MAX_JSONLD_DEPTH,
    MAX_JSONLD_NODES,
    MAX_JSONLD_STEP_TEXTS,
    MAX_NAMES,
    MAX_RATING_CHARS,
)
from summarizer.text import normalise_space

logger = logging.getLogger(__name__)

# schema.org types whose `headline` is the article's own (Readability.js uses the same family).
ARTICLE_TYPES = frozenset(
    {
        "Article",
        "AdvertiserContentArticle",
        "NewsArticle",
        "AnalysisNewsArticle",
        "AskPublicNewsArticle",
        "BackgroundNewsArticle",
        "OpinionNewsArticle",
        "ReportageNewsArticle",
        "ReviewNewsArticle",
        "Report",
        "SatiricalArticle",
        "ScholarlyArticle",
        "MedicalScholarlyArticle",
        "SocialMediaPosting",
        "BlogPosting",
        "LiveBlogPosting",
        "DiscussionForumPosting",
        "TechArticle",
        "APIReference",
    }
)
PAGE_TYPES = frozenset({"WebPage", "ItemPage", "AboutPage"})
# Types whose text is a description and steps rather than an articleBody.
HOWTO_TYPES = frozenset({"HowTo", "Recipe"})
ORGANIZATION_TYPES = frozenset({"Organization", "NewsMediaOrganization", "Corporation"})
# The type a fact-check describes its verdict with (the claim reviewed and its rating).
FACT_CHECK_TYPES = frozenset({"ClaimReview"})


class JsonLd:
    """The JSON-LD nodes of a page, with the article node and `@id` references resolved."""

    def __init__(self, nodes: list[dict[str, Any]]) -> None:
        self.nodes = nodes
        self.by_id = {node["@id"]: node for node in nodes if isinstance(node.get("@id"), str)}
        self.article = self._find(ARTICLE_TYPES, ("headline", "name")) or self._find(
            PAGE_TYPES, ("headline",)
        )

    def _find(self, types: frozenset[str], keys: tuple[str, ...]) -> dict[str, Any] | None:
        """The first node of one of `types` that has one of `keys`."""
        for node in self.nodes:
            if node_types(node) & types and any(node.get(key) for key in keys):
                return node
        return None

    def resolve(self, value: Any) -> Any:
        """A `{"@id": ...}` reference replaced by the node it names, when the page has it."""
        if isinstance(value, dict) and len(value) == 1 and isinstance(value.get("@id"), str):
            return self.by_id.get(value["@id"], value)
        return value

    def article_text(self, key: str) -> str | None:
        value = self.article.get(key) if self.article else None
        return normalise_space(value) if isinstance(value, str) and value.strip() else None

    def names(self, value: Any) -> list[str]:
        """Names in a schema.org value: a string, a Person/Organization, or (nested) lists of
        those, in order; at most MAX_NAMES, lists at most MAX_JSONLD_DEPTH deep."""
        names: list[str] = []
        pending: list[tuple[Any, int]] = [(value, 0)]  # a stack: the last item is next
        while pending and len(names) < MAX_NAMES:
            item, depth = pending.pop()
            item = self.resolve(item)
            if isinstance(item, str):
                if item.strip():
                    names.append(item)
            elif isinstance(item, dict):
                name = item.get("name")
                if isinstance(name, str) and name.strip():
                    names.append(name)
            elif isinstance(item, list) and depth < MAX_JSONLD_DEPTH:
                pending.extend((child, depth + 1) for child in reversed(item[:MAX_NAMES]))
        return names

    def headline(self, title_tag: str | None) -> str | None:
        """The article's headline; when `name` differs, the one closer to `<title>` wins."""
        headline, name = self.article_text("headline"), self.article_text("name")
        if headline and name and title_tag:
            return (
                name
                if _word_overlap(name, title_tag) > _word_overlap(headline, title_tag)
                else headline
            )
        return headline or name

    def publisher_names(self) -> list[str]:
        names = self.names(self.article.get("publisher")) if self.article else []
        for node in self.nodes:
            if node_types(node) & (ORGANIZATION_TYPES | {"WebSite"}):
                names.extend(self.names(node))
        return names

    def site_name(self) -> str | None:
        publishers = self.names(self.article.get("publisher")) if self.article else []
        websites = [
            n for node in self.nodes if "WebSite" in node_types(node) for n in self.names(node)
        ]
        return next((normalise_space(n) for n in publishers + websites), None)

    def body(self) -> str | None:
        """The longest article text a node carries, raw (it may hold markup): an article's or
        page's `articleBody`/`text`, or a HowTo's or Recipe's description and steps."""
        best = ""
        for node in self.nodes:
            types = node_types(node)
            parts: list[Any] = []
            if types & (ARTICLE_TYPES | PAGE_TYPES):
                parts.append(node.get("articleBody") or node.get("text"))
            if types & HOWTO_TYPES:
                parts += [node.get("description"), node.get("step"), node.get("recipeInstructions")]
            joined = "\n\n".join(_step_texts(parts))
            if len(joined) > len(best):
                best = joined
        return best or None

    def declares_article(self) -> bool:
        """Whether a node says the page is an article (NewsArticle, BlogPosting...)."""
        return any(node_types(node) & ARTICLE_TYPES for node in self.nodes)

    def reviews_a_claim(self) -> bool:
        """Whether a node says the page is a fact-check (a ClaimReview)."""
        return any(node_types(node) & FACT_CHECK_TYPES for node in self.nodes)

    def claim_rating(self) -> str | None:
        """The rating the page's ClaimReview gives the claim it checked, in words: its
        reviewRating's `alternateName` ("Unproven"), else a `ratingValue` in words (a number
        is a scale's point, no rating a reader can read). None when there is none, when it is
        longer than a label or holds markup, or when the page's reviews give different ratings
        (a check of several claims: one rating would misstate the others); ratings that differ
        only in capitals ("False", "false") are one."""
        ratings: dict[str, str] = {}  # casefolded -> as first written
        for node in self.nodes:
            if not node_types(node) & FACT_CHECK_TYPES:
                continue
            given = node.get("reviewRating")
            for rating in given if isinstance(given, list) else [given]:
                label = self._rating_label(self.resolve(rating))
                if label:
                    ratings.setdefault(label.casefold(), label)
            if len(ratings) > 1:
                return None
        if len(ratings) != 1:
            return None
        (rating,) = ratings.values()
        return rating if len(rating) <= MAX_RATING_CHARS and "<" not in rating else None

    @staticmethod
    def _rating_label(rating: Any) -> str | None:
        """A Rating's words (`alternateName`, else `ratingValue`), or a rating given as a bare
        string: a string, a value object ({"@value": "Falso"}) or the first of a list of
        them, entities decoded; None where they hold no letter."""
        values: list[Any] = [rating] if isinstance(rating, str) else []
        if isinstance(rating, dict):
            values = [rating.get("alternateName"), rating.get("ratingValue")]
        for value in values:
            if isinstance(value, list):
                value = value[0] if value else None
            if isinstance(value, dict):
                value = value.get("@value")
            if isinstance(value, str):
                text = normalise_space(html.unescape(value))
                if any(char.isalpha() for char in text):
                    return text
        return None

    def keywords(self) -> list[str]:
        value = self.article.get("keywords") if self.article else None
        if isinstance(value, str):
            return value.split(",")
        if isinstance(value, list):
            return [item for item in value if isinstance(item, str)]
        return []


def parse_jsonld(raw: str, limit: int = MAX_JSONLD_NODES) -> list[dict[str, Any]]:
    """Flat list of the objects in one JSON-LD script (top level, lists and `@graph`), at most
    `limit`; a script over MAX_JSONLD_CHARS or that is not JSON gives none."""
    if len(raw) > MAX_JSONLD_CHARS:
        logger.debug("JSON-LD over %d characters skipped", MAX_JSONLD_CHARS)
        return []
    text = raw.strip()
    for marker in ("<![CDATA[", "]]>", "<!--", "-->"):
        text = text.replace(marker, "")
    text = text.strip().removeprefix("//").removesuffix("//").strip()  # "//<![CDATA[ ... //]]>"
    if not text:
        return []
    try:
        data = json.loads(text, strict=False)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than Python recurses
        logger.debug("unreadable JSON-LD skipped (%d chars)", len(text))
        return []
    nodes: list[dict[str, Any]] = []
    pending: deque[tuple[Any, int]] = deque([(data, 0)])  # breadth first: top-level nodes first
    queued = 0  # items ever queued: a list of a million items costs `limit`, not a million
    while pending and len(nodes) < limit:
        item, depth = pending.popleft()
        children: Any = None
        if isinstance(item, list):
            children = item
        elif isinstance(item, dict):
            nodes.append(item)
            children = item.get("@graph")
        if isinstance(children, list) and depth < MAX_JSONLD_DEPTH and queued < limit:
            taken = children[: limit - queued]
            pending.extend((child, depth + 1) for child in taken)
            queued += len(taken)
    return nodes


def node_types(node: dict[str, Any]) -> set[str]:
    """The node's schema.org types without their prefix ("https://schema.org/NewsArticle")."""
    raw = node.get("@type")
    values = raw[:MAX_NAMES] if isinstance(raw, list) else [raw]
    return {v.rsplit("/", 1)[-1].removeprefix("schema:") for v in values if isinstance(v, str)}


def _word_overlap(text: str, reference: str) -> int:
    return len(set(text.casefold().split()) & set(reference.casefold().split()))


def _step_texts(values: list[Any]) -> list[str]:
    """The texts in schema.org values, in order: strings, and the `text` and `itemListElement`
    of HowToStep/HowToSection objects, however nested (at most MAX_JSONLD_STEP_TEXTS)."""
    texts: list[str] = []
    pending = list(reversed(values))
    while pending and len(texts) < MAX_JSONLD_STEP_TEXTS:
        value = pending.pop()
        if isinstance(value, str):
            if value.strip():
                texts.append(value.strip())
        elif isinstance(value, dict):
            pending += [value.get("itemListElement"), value.get("text")]
        elif isinstance(value, list):
            pending += reversed(value)
    return texts
