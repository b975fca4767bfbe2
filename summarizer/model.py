"""The digest: what Skim returns for one article."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

# A card shows the lead and at most this many sections (the rest are counted, not shown):
# about a phone screen. Servers and the CLI may ask for 1 to MAX_CARD_SECTIONS.
DEFAULT_CARD_SECTIONS = 6
MAX_CARD_SECTIONS = 10


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the article under its own subheading (None for the lead).

    `importance` is the section's share of the article's ranked weight (the claim ranker's
    scores of its sentences; the shares of a digest sum to 1), which a card uses to choose
    sections when the article has more than it shows. Digests cached before it existed load
    with 0.0 and are shown in article order.
    """

    heading: str | None
    claims: list[str]
    importance: float = 0.0
    word_count: int = 0


@dataclass(frozen=True, slots=True)
class CardSections:
    """What a card shows of a digest: the lead, the chosen sections in article order, and how
    many sections with claims were left out."""

    lead: list[str]
    sections: list[Section]
    left_out: int


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
            )
            for s in data.get("sections", [])
        ]
        values["tags"] = list(data.get("tags", []))
        return cls(**values)

    def card_sections(self, limit: int = DEFAULT_CARD_SECTIONS) -> CardSections:
        """The lead's claims and the `limit` most important sections with claims, one per
        distinct heading, in article order (ties, and digests without importances, go to the
        earlier section)."""
        lead = [claim for s in self.sections if s.heading is None for claim in s.claims]
        candidates = [
            (index, s)
            for index, s in enumerate(self.sections)
            if s.heading is not None and s.claims
        ]
        ranked = sorted(candidates, key=lambda item: (-item[1].importance, item[0]))
        # A heading the article repeats (the same interview question put to each of its
        # guests, "Pros" under every product) tells its sections apart no more than none
        # would: the card shows the most important of them only.
        shown_headings: set[str] = set()
        chosen: list[tuple[int, Section]] = []
        for index, section in ranked:
            key = " ".join((section.heading or "").split()).casefold()
            if len(chosen) < limit and key not in shown_headings:
                shown_headings.add(key)
                chosen.append((index, section))
        chosen.sort(key=lambda item: item[0])
        return CardSections(lead, [s for _, s in chosen], len(candidates) - len(chosen))
