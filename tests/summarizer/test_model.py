"""The digest's sections and the outline."""

from __future__ import annotations

from summarizer.model import Digest, Section


def _digest(sections: list[Section]) -> Digest:
    lead = Section(heading=None, claims=["The lead says what the article is about."])
    return Digest(
        url=None,
        canonical_url=None,
        title="A country",
        site_name=None,
        byline=None,
        published=None,
        language="en",
        text="",
        sections=[lead, *sections],
    )


def _section(heading: str, importance: float, level: int, words: int = 400) -> Section:
    claims = [f"{heading} has a point of its own."] if words else []
    return Section(heading, claims, importance=importance, word_count=words, level=level)


def _country(*, levels: bool = True) -> Digest:
    """A country's article in the shape of an encyclopedia's: main sections (h2), two of them
    with subsections (h3) that each outweigh some main sections alone, one (Environment) a
    heading over its subsections only."""
    outline = [
        ("History", 0.09, 2, 1000),
        ("Government", 0.055, 2, 700),
        ("Foreign relations", 0.059, 3, 500),
        ("Local government", 0.067, 3, 400),
        ("Environment", 0.0, 2, 0),
        ("Geography", 0.049, 3, 500),
        ("Climate", 0.056, 3, 300),
        ("Economy", 0.047, 2, 500),
        ("Trade", 0.036, 3, 300),
        ("Demography", 0.081, 2, 300),
        ("Culture", 0.034, 2, 300),
        ("Art", 0.04, 3, 300),
        ("Etymology", 0.024, 2, 300),
    ]
    return _digest(
        [
            _section(heading, importance, level if levels else 0, words)
            for heading, importance, level, words in outline
        ]
    )


def test_level_round_trips_and_old_digests_load_without_it() -> None:
    digest = _country()
    data = digest.to_dict()
    assert [s["level"] for s in data["sections"]][:4] == [0, 2, 2, 3]
    assert Digest.from_dict(data) == digest
    for section in data["sections"]:
        del section["level"]
    assert {s.level for s in Digest.from_dict(data).sections} == {0}
