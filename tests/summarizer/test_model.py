"""`Digest.card_sections` and the outline: main sections before the subsections of another."""

from __future__ import annotations

from summarizer.model import PART_INTRO_WORDS, Digest, Section


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


def _shown(digest: Digest, limit: int = 6) -> list[str | None]:
    return [s.heading for s in digest.card_sections(limit).sections]


def test_main_sections_weigh_with_their_subsections() -> None:
    """ "Economy" (with "Trade" under it) is shown before "Local government" and "Foreign
    relations", subsections of "Government", though each of them alone outweighs it; the
    heading over subsections only ("Environment") is shown by the weightiest of them."""
    assert _shown(_country()) == [
        "History",
        "Government",
        "Climate",
        "Economy",
        "Demography",
        "Culture",
    ]


def test_without_levels_sections_are_chosen_by_their_own_importance() -> None:
    """Digests cached before levels existed (all 0) choose as they did."""
    assert _shown(_country(levels=False)) == [
        "History",
        "Government",
        "Foreign relations",
        "Local government",
        "Climate",
        "Demography",
    ]


def test_a_short_introduction_does_not_take_its_subsections_weight() -> None:
    """A section of a few lines over its subsections only introduces them: it is chosen by its
    own lines, and its subsections by theirs."""
    digest = _digest(
        [
            _section("Overview", 0.2, 2),
            _section("Kinds", 0.03, 2, PART_INTRO_WORDS - 1),
            _section("Red", 0.15, 3),
            _section("Green", 0.12, 3),
            _section("Storage", 0.1, 2),
        ]
    )
    assert _shown(digest, 3) == ["Overview", "Red", "Green"]
    longer = _digest(
        [
            _section("Overview", 0.2, 2),
            _section("Kinds", 0.03, 2, PART_INTRO_WORDS),
            _section("Red", 0.15, 3),
            _section("Green", 0.12, 3),
            _section("Storage", 0.1, 2),
        ]
    )
    assert _shown(longer, 3) == ["Overview", "Kinds", "Red"]


def test_a_chosen_main_section_carries_its_part_weight_to_the_card() -> None:
    """The card trims the least important sections first: a main section chosen for its part
    weighs as much as its part there too."""
    card = _country().card_sections()
    weights = {s.heading: s.importance for s in card.sections}
    assert weights["Government"] == 0.055 + 0.059 + 0.067
    assert weights["Climate"] == 0.049 + 0.056
    assert weights["History"] == 0.09


def test_a_numbered_list_still_shows_its_first_items() -> None:
    """Items of a numbered list under one heading, one set a level higher than the others (a
    page's slip), still show as the list's first items."""
    items = [
        _section(f"{n}. Question number {n}", importance, 6 if n != 4 else 5, words)
        for n, importance, words in [
            (1, 0.2, 300),
            (2, 0.1, 300),
            (3, 0.05, 300),
            (4, 0.04, 300),
            (5, 0.3, 300),
            (6, 0.08, 300),
        ]
    ]
    assert _shown(_digest(items), 3) == [
        "1. Question number 1",
        "2. Question number 2",
        "3. Question number 3",
    ]


def test_level_round_trips_and_old_digests_load_without_it() -> None:
    digest = _country()
    data = digest.to_dict()
    assert [s["level"] for s in data["sections"]][:4] == [0, 2, 2, 3]
    assert Digest.from_dict(data) == digest
    for section in data["sections"]:
        del section["level"]
    assert {s.level for s in Digest.from_dict(data).sections} == {0}
