"""The digest: what Skim returns for one article."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Section:
    """One part of the article under its own subheading (None for the lead)."""

    heading: str | None
    claims: list[str]


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

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a digest (the keys other tools rely on)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        """Rebuild a digest from `to_dict()` output (cache and archive rows)."""
        fields = dict(data)
        fields["sections"] = [
            Section(heading=s.get("heading"), claims=list(s.get("claims", [])))
            for s in data.get("sections", [])
        ]
        fields["tags"] = list(data.get("tags", []))
        return cls(**fields)
