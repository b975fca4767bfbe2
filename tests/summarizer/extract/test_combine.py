"""summarizer/extract/combine.py: two opinions on the article, placed on the page's text."""

from __future__ import annotations

from summarizer.extract.article import SectionText
from summarizer.extract.combine import Piece, combine, pieces, sections_of, without_dek
from tests.helpers import FILLER

# Paragraphs that share no sentence (the pieces are found on the page by their text).
LEAD = f"{FILLER[0]} {FILLER[1]}"
BODY = [
    f"{FILLER[2]} {FILLER[3]}",
    f"{FILLER[4]} {FILLER[5]}",
    f"{FILLER[6]} {FILLER[7]}",
    "The opposition promised to table amendments on cycling lanes and bus priority next week.",
]


def _page(*texts: str) -> str:
    return " ".join(texts)


def test_sections_round_trip_through_pieces() -> None:
    """Sections flattened to pieces and grouped again are the same sections."""
    sections = [SectionText(None, [LEAD]), SectionText("Budget", BODY[:2]), SectionText("Vote", [])]
    assert sections_of(pieces(sections)) == sections


def test_a_fragment_inside_a_longer_second_opinion_gives_way() -> None:
    """readability settled on one box of a multi-box article: the second opinion wins."""
    first = [Piece(BODY[1])]
    second = [Piece(text) for text in BODY]
    assert combine(first, second, _page(*BODY)) is second


def test_shared_text_keeps_the_first_and_adds_the_second_s_prose_and_lead() -> None:
    """The first's pieces stay in its order; the second's prose inside the shared span and
    its lead just before it are added where they stand; a short line on the first's edge goes."""
    first = [Piece(BODY[0]), Piece("Share this story"), Piece(BODY[2]), Piece("Tags: x")]
    second = [Piece(LEAD), Piece(BODY[0]), Piece(BODY[1]), Piece(BODY[2])]
    page = _page(LEAD, BODY[0], "Share this story", BODY[1], BODY[2], "Tags: x")
    merged = combine(first, second, page)
    assert [p.text for p in merged] == [LEAD, BODY[0], "Share this story", BODY[1], BODY[2]]


def test_a_lead_repeating_the_description_is_the_dek() -> None:
    """A piece only the second opinion has that repeats the page's description is the dek
    above the article: left out. When readability kept it, it stays."""
    dek = FILLER[0]
    first = [Piece(BODY[0]), Piece(BODY[1])]
    second = [Piece(dek), Piece(BODY[0]), Piece(BODY[1])]
    assert without_dek(second, first, dek) == [Piece(BODY[0]), Piece(BODY[1])]
    assert without_dek(second, [Piece(dek), *first], dek) is second
    assert without_dek(second, first, None) is second


def test_a_first_paragraph_copied_into_the_description_is_no_dek() -> None:
    """A description as long as a lede that the second opinion reads on from is the article's
    first paragraph, copied into the page's head: it stays. As the second's last paragraph it
    is the dek of a header the second took for the article: left out."""
    first = [Piece("Home"), Piece("Events")]
    second = [Piece(LEAD), Piece(BODY[0]), Piece(BODY[1])]
    assert without_dek(second, first, LEAD) is second
    header = [Piece("Semesterstart"), Piece(LEAD)]
    assert without_dek(header, [Piece(BODY[0])], LEAD) == [Piece("Semesterstart")]


def test_disjoint_opinions_give_the_earlier_unless_the_later_is_much_longer() -> None:
    """Each picked a different box: the one that starts first is the article (the box after it
    is its end matter: notes, disclosures), unless the later one has twice its text."""
    first = [Piece(BODY[0])]
    second = [Piece(BODY[1]), Piece(BODY[2]), Piece(BODY[3])]
    assert combine(first, second, _page(*BODY)) is second
    assert combine(second, first, _page(*BODY)) is second
    abstract = [Piece(BODY[0]), Piece(BODY[1])]
    notes = [Piece(BODY[2]), Piece(BODY[3]), Piece(LEAD)]  # longer, but not twice as long
    page = _page(*BODY, LEAD)
    assert combine(notes, abstract, page) is abstract
    assert combine(abstract, notes, page) is abstract


def test_a_subheading_is_added_only_over_text_of_the_first() -> None:
    """A subheading readability dropped is added over its text; one over a box only
    trafilatura read (a review's scores, a share bar above the lead) is not."""
    first = [Piece(BODY[0]), Piece(BODY[2])]
    second = [
        Piece("Share Services", heading=True),
        Piece(BODY[0]),
        Piece("Scores", heading=True),
        Piece(BODY[1]),
        Piece("Budget", heading=True),
        Piece(BODY[2]),
    ]
    page = _page("Share Services", BODY[0], "Scores", BODY[1], "Budget", BODY[2])
    merged = combine(first, second, page)
    assert [p.text for p in merged] == [BODY[0], BODY[1], "Budget", BODY[2]]
