"""The digest: what Skim returns for one article."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

# A card shows the lead and at most this many sections (the rest are counted, not shown):
# about a phone screen. Servers and the CLI may ask for 1 to MAX_CARD_SECTIONS.
DEFAULT_CARD_SECTIONS = 6
MAX_CARD_SECTIONS = 10
# A subheading numbered as a list's item ("2. Never urged Ukraine...", "3.Charlotte Jones",
# "1 Introduction", "Frage 2: ...", "Step #3 -"), and how many such items in a row make a list.
_ITEM_NUMBER = re.compile(r"\s*(?:[^\W\d_]+\s+)?#?(\d{1,3})(?:[.):]|\s+\S)")
_MIN_LIST_ITEMS = 3
# A subheading over the article's conclusion, its verdict or its summary ("Conclusion",
# "7. Fazit", "Fazit und Ausblick", "Our Verdict", "The bottom line ..."): what a reader came
# for, so a card shows it whatever its share of the weight. ("Résumé" only alone: "Résumé:
# keep it to one page" is a careers guide's CV.)
_CONCLUSION = re.compile(
    r"\W*(?:\d{1,2}[.)]?\s+)?(?:(?:our|the|my|final|in|key|unser|mein|notre|nuestra?)\s+)*"
    r"(?:(?:conclusions?|verdict|ruling|bottom line|takeaways?|summary|wrap[- ]?up"
    r"|final thoughts|fazit(?: und \w+)?|zusammenfassung|schlussfolgerung(?:en)?|bilan"
    r"|conclusión|conclusiones|conclusão|conclusione|conclusie|samenvatting|podsumowanie"
    r"|wnioski|заключение|выводы|итоги)(?:\s*$|\s*[:.…–—-])|résumé\s*$)",
    re.IGNORECASE,
)
# More headings than this heading a conclusion are a roundup's, one per product.
MAX_CONCLUSIONS = 2
# A section over subsections with fewer words of its own than this only introduces them ("Im
# Handel werden die Bananen nach Typen unterschieden."): a card shows that part by the
# weightiest of them.
PART_INTRO_WORDS = 150


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the article under its own subheading (None for the lead).

    `importance` is the section's share of the article's ranked weight (the claim ranker's
    scores of its sentences; the shares of a digest sum to 1), which a card uses to choose
    sections when the article has more than it shows. Digests cached before it existed load
    with 0.0 and are shown in article order.

    `level` is the subheading's rank in the article's outline: 1-6 for an `<h1>`-`<h6>`, 7 for
    a pseudo-heading (a bold line), 0 when unknown (the lead, digests cached before it
    existed, a heading only a second reading of the page found). A card weighs a section with
    the subsections under it (see `Digest.card_sections`).
    """

    heading: str | None
    claims: list[str]
    importance: float = 0.0
    word_count: int = 0
    level: int = 0


@dataclass(frozen=True, slots=True)
class CardSections:
    """What a card shows of a digest: the lead, the chosen sections in article order, and how
    many sections with claims were left out; `places` are the chosen sections' indexes in the
    digest, `spare` the left-out sections whose heading the card does not show, most important
    first, with theirs (a card with room left may still show them; a list's items are never
    spare, which would show "1, 2, 3, 5")."""

    lead: list[str]
    sections: list[Section]
    left_out: int
    places: list[int] = field(default_factory=list)
    spare: list[tuple[int, Section]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Digest:
    """A sectioned extractive summary of one article page."""

    url: str | None
    canonical_url: str | None
    title: str
    site_name: str | None
    byline: str | None
    published: str | None
    language: str | None
    text: str
    sections: list[Section]
    tags: list[str] = field(default_factory=list)
    word_count: int = 0
    reading_minutes: int = 0
    image: str | None = None  # the page's own image (og:image and the like), as given
    # A fact-check's rating of the claim it checked, as its ClaimReview data names it
    # ("Unproven"); None on other pages, and on digests cached before it existed.
    rating: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a digest (the keys other tools rely on)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        """Rebuild a digest from `to_dict()` output (cache and archive rows, older ones too:
        fields they lack take their defaults, keys this version does not know are ignored)."""
        known = {f.name for f in fields(cls)}
        values = {key: value for key, value in data.items() if key in known}
        values["sections"] = [
            Section(
                heading=s.get("heading"),
                claims=list(s.get("claims", [])),
                importance=float(s.get("importance", 0.0)),
                word_count=int(s.get("word_count", 0)),
                level=int(s.get("level", 0)),
            )
            for s in data.get("sections", [])
        ]
        values["tags"] = list(data.get("tags", []))
        return cls(**values)

    def card_sections(self, limit: int = DEFAULT_CARD_SECTIONS) -> CardSections:
        """The lead's claims and the `limit` most important sections with claims, one per
        distinct heading, in article order (ties, and digests without importances, go to the
        earlier section); a main section weighs with its subsections (see `_outline_weights`),
        a numbered list shows its first items (see `_items_in_order`), and the conclusion
        ("Fazit", "Our verdict") weighs as much as the most important section. Without a lead,
        the article's first section is shown whatever its importance."""
        lead = [claim for s in self.sections if s.heading is None for claim in s.claims]
        # (The outline first: a list's items are then dealt its weights in their order.)
        sections, listed = _items_in_order(_outline_weights(self.sections))
        candidates = [
            (index, s) for index, s in enumerate(sections) if s.heading is not None and s.claims
        ]
        # (So a card chooses it, and a long one gives it up just before the weightiest: of
        # equal weight, the later goes first.) Only a heading said once, among at most
        # MAX_CONCLUSIONS ("Our Verdict" then "Fazit"): "Verdict" (or "Verdict: A", "Verdict:
        # B", ...) under each product of a roundup is one product's, no conclusion of the article.
        top = max((s.importance for _, s in candidates), default=0.0)
        said = Counter(_heading_key(s.heading) for s in sections if s.heading is not None)
        conclusions = sum(
            1 for s in sections if s.heading is not None and _CONCLUSION.match(s.heading)
        )
        for at, (index, s) in enumerate(candidates):
            heading = s.heading
            if (
                s.importance < top
                and heading is not None
                and conclusions <= MAX_CONCLUSIONS
                and _CONCLUSION.match(heading)
                and said[_heading_key(heading)] == 1
            ):
                candidates[at] = (index, replace(s, importance=top))
        # Without a lead, the first section is the article's opening: it stands in for the
        # lead and is always shown ("Why CPU monitoring is important?" before seven later
        # sections that score higher). Not a later one when the first has text but no claim
        # (a heading over no text at all, a group's, opens nothing).
        opening = None
        if not lead:
            opened = (
                i
                for i, s in enumerate(sections)
                if s.heading is not None and (s.claims or s.word_count)
            )
            opening = next(opened, None)
        ranked = sorted(
            candidates, key=lambda item: (item[0] != opening, -item[1].importance, item[0])
        )
        # A heading the article repeats (the same interview question put to each of its
        # guests, "Pros" under every product) tells its sections apart no more than none
        # would: the card shows the most important of them only.
        shown_headings: set[str] = set()
        chosen: list[tuple[int, Section]] = []
        spare: list[tuple[int, Section]] = []
        for index, section in ranked:
            key = _heading_key(section.heading or "")
            if key not in shown_headings:
                shown_headings.add(key)
                if len(chosen) < limit:
                    chosen.append((index, section))
                elif index not in listed:
                    spare.append((index, section))
        chosen.sort(key=lambda item: item[0])
        return CardSections(
            lead,
            [s for _, s in chosen],
            len(candidates) - len(chosen),
            [index for index, _ in chosen],
            spare,
        )


def _heading_key(heading: str) -> str:
    """What tells headings apart: their words, case folded ("Verdict" = "VERDICT ")."""
    return " ".join(heading.split()).casefold()


def _items_in_order(sections: Sequence[Section]) -> tuple[list[Section], set[int]]:
    """`sections` with the importances of each numbered list (subheadings numbered n, n+1,
    n+2... in a row; a number may be missing, an item whose heading was not read as one)
    dealt out again by position, the largest to its first item: a card then shows a list's
    first items, as many as its shares earn, and never "2, 3, 5, 7" (the numbers make a gap
    visible, and the writer's order is the list's). A list that starts at "2." after an
    unnumbered subheading lost its first item's number: that heading is item 1. Also returns
    the indexes of the lists' items.
    """
    numbers = [
        int(match.group(1)) if s.heading and (match := _ITEM_NUMBER.match(s.heading)) else None
        for s in sections
    ]
    dealt = list(sections)
    listed: set[int] = set()
    start = 0
    while start < len(sections):
        end = start + 1
        while end < len(sections) and _next_item(numbers[end - 1], numbers[end]):
            end += 1
        first = start
        if numbers[start] == 2 and start > 0 and numbers[start - 1] is None:
            first = start - 1 if sections[start - 1].heading else start
        run = [i for i in range(first, end) if sections[i].claims]
        if numbers[start] is not None and end - first >= _MIN_LIST_ITEMS:
            shares = sorted((sections[i].importance for i in run), reverse=True)
            for index, share in zip(run, shares, strict=True):
                dealt[index] = replace(sections[index], importance=share)
                listed.add(index)
        start = end
    return dealt, listed


def _outline_weights(sections: Sequence[Section]) -> list[Section]:
    """`sections` with each one weighing as much as its part of the article's outline: its own
    importance and that of the subsections under it (the sections after it of a deeper level,
    up to the next of its level or higher). A card then chooses among the article's main
    sections first ("Economy" before "Trade", a subsection of another), and a subsection only
    before a main section that weighs less than it alone.

    A heading over no claim ("Environment" over "Geography" and "Climate") gives its part's
    weight to the weightiest of its subsections, which shows the part. A section over a few
    lines only (fewer than PART_INTRO_WORDS: "Im Handel werden die Bananen nach Typen
    unterschieden.") introduces its subsections: it weighs as much as its own lines, and each
    subsection its own. A section whose level is unknown (0) stands at the level of the
    section before it (the first at the outline's top); a digest without levels keeps its
    importances.
    """
    known = [s.level for s in sections if s.heading is not None and s.level > 0]
    if not known or min(known) == max(known):
        return list(sections)
    levels: list[int] = []
    previous = min(known)
    for s in sections:
        if s.heading is not None:
            previous = s.level or previous
        levels.append(previous)
    # Each section's parent: the nearest section before it of a higher level (None at the top).
    parents: list[int | None] = []
    ancestors: list[int] = []
    for index, s in enumerate(sections):
        if s.heading is None:
            parents.append(None)
            continue
        while ancestors and levels[ancestors[-1]] >= levels[index]:
            ancestors.pop()
        parents.append(ancestors[-1] if ancestors else None)
        ancestors.append(index)
    part = [s.importance for s in sections]  # the weight of each section's part
    children: list[list[int]] = [[] for _ in sections]
    for index in range(len(sections) - 1, -1, -1):  # (a section's subsections come after it)
        parent = parents[index]
        if parent is not None:
            part[parent] += part[index]
            children[parent].append(index)
    weights = [s.importance for s in sections]
    for index, s in enumerate(sections):
        if not children[index]:
            continue
        if s.claims and s.word_count >= PART_INTRO_WORDS:
            weights[index] = max(weights[index], part[index])
        elif not s.claims:
            heaviest = max(children[index], key=lambda child: (part[child], -child))
            part[heaviest] = max(part[heaviest], part[index])
            weights[heaviest] = max(weights[heaviest], part[index])
    return [
        s if weight == s.importance else replace(s, importance=weight)
        for s, weight in zip(sections, weights, strict=True)
    ]


def _next_item(number: int | None, following: int | None) -> bool:
    """`following` numbers the item after `number`'s (or the one after that)."""
    return number is not None and following is not None and 0 < following - number <= 2
