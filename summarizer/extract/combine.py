"""Combine two opinions on the article: readability's container (the first) and trafilatura's
extraction (the second), both classified into sections already.

Both are read as pieces (subheadings and paragraphs) in document order and placed on the text
of the pruned page, each found after the one before. Then:

1. The first lies (almost) wholly inside the second, which is much longer: readability settled
   on one box of a multi-box article -> the second.
2. They share text: the shared span is the article. The first's pieces are kept in its order,
   less short lines on its outer edges (share prompts, "Mehr zum Thema", a date line: the
   furniture at the rim of a container). The second's pieces the first lacks are added where
   they stand: prose inside the shared span or in an unbroken run just before it (the lead,
   often set in the article's header), and subheadings inside the span that head text of the
   first's (readability drops lone subheadings; one over text only trafilatura read labels a
   box).
3. They share nothing (each picked a different box) -> the one that starts first on the page,
   unless the other has twice its text: the box after an article is its end matter (notes,
   disclosures, comments), which can be longer than an abstract but not than the article.

The thresholds were tuned on one by-site half of the dev corpora and checked on the other.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.extract.article import Aside, SectionText
from summarizer.extract.sections import MAX_DEK_WORDS
from summarizer.text import normalise_space, word_count

# 1: the second holds this share of the first's word 3-grams and is this many times longer;
# a first opinion under FRAGMENT_CHARS is a fragment whatever it shares.
SUPERSET_SHARE = 0.9
SUPERSET_GROWTH = 1.5
FRAGMENT_CHARS = 250
# 2: a first-opinion paragraph shorter than this on an outer edge is trimmed; a second-opinion
# paragraph at least this long is added.
TRIM_CHARS = 80
ADD_CHARS = 80
# 3: a later reading wins over an earlier one it shares nothing with only when this many times
# longer (the same results from 1.9 to 4.4 on the dev corpora).
DISJOINT_GROWTH = 2.0
# A piece not found whole on the page is looked for by its opening this long.
_PREFIX_CHARS = 40
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Piece:
    """A subheading or a paragraph of the article, in document order."""

    text: str
    heading: bool = False


def pieces(sections: list[SectionText]) -> list[Piece]:
    """Sections as one sequence of subheadings and paragraphs."""
    out: list[Piece] = []
    for section in sections:
        if section.heading is not None:
            out.append(Piece(section.heading, heading=True))
        out.extend(Piece(paragraph) for paragraph in section.paragraphs)
    return out


def anchored_asides(
    sections: list[SectionText], sequence: list[Piece]
) -> dict[int, tuple[str, ...]]:
    """The asides of `sections` keyed by the `id` of the piece of `sequence` (its `pieces`)
    each follows (by minus that of the first piece for those before it): an aside goes
    wherever its piece goes."""
    anchors: dict[int, list[str]] = {}
    cursor = iter(sequence)
    previous = -id(sequence[0]) if sequence else 0
    for section in sections:
        if section.heading is not None:
            previous = id(next(cursor))
        pending = list(section.asides)
        for index in range(len(section.paragraphs) + 1):
            while pending and pending[0].after <= index:
                anchors.setdefault(previous, []).append(pending.pop(0).text)
            if index < len(section.paragraphs):
                previous = id(next(cursor))
    return {key: tuple(texts) for key, texts in anchors.items()}


def sections_of(
    sequence: list[Piece], asides: dict[int, tuple[str, ...]] | None = None
) -> list[SectionText]:
    """The sections of a sequence: each subheading heads the paragraphs after it; `asides`
    (see `anchored_asides`) follow the pieces they are anchored to."""
    anchors = asides or {}
    sections: list[SectionText] = []
    heading: str | None = None
    paragraphs: list[str] = []
    placed: list[Aside] = []

    def attach(key: int) -> None:
        placed.extend(Aside(len(paragraphs), text) for text in anchors.get(key, ()))

    for piece in sequence:
        attach(-id(piece))
        if piece.heading:
            if paragraphs or heading is not None or placed:
                sections.append(SectionText(heading, paragraphs, tuple(placed)))
            heading, paragraphs, placed = piece.text, [], []
        else:
            paragraphs.append(piece.text)
        attach(id(piece))
    if paragraphs or heading is not None or placed:
        sections.append(SectionText(heading, paragraphs, tuple(placed)))
    return sections


def without_dek(second: list[Piece], first: list[Piece], description: str | None) -> list[Piece]:
    """`second` less the pieces repeating the page's description, when `first` has none: the
    dek above the article, which readability left out of its container. (`second` itself
    when there is nothing to remove.) A piece as long as a lede that the second reads on
    from into more paragraphs is the article's first paragraph, which the page copied into
    its description ("Neuer Geschäftsführender Leiter des Thomanerchores Leipzig wird
    Emanuel Scobel. ..."): it stays."""
    if not description:
        return second
    dek = _key(description)
    if any(_key(piece.text) == dek for piece in first):
        return second
    lede_long = word_count(description) >= MAX_DEK_WORDS
    kept = [
        piece
        for index, piece in enumerate(second)
        if _key(piece.text) != dek
        or (lede_long and any(not later.heading for later in second[index + 1 :]))
    ]
    return kept if len(kept) < len(second) else second


def combine(first: list[Piece], second: list[Piece], page_text: str) -> list[Piece]:
    """The article's pieces from both opinions (see the module doc). `page_text` is the pruned
    page's text with white space normalised. Returns `first` or `second` itself when one of
    them wins whole."""
    if not second:
        return first
    if not first:
        return second
    first_weight, second_weight = _weight(first), _weight(second)
    if second_weight >= SUPERSET_GROWTH * first_weight and (
        first_weight < FRAGMENT_CHARS or _share_in(first, second) >= SUPERSET_SHARE
    ):
        return second
    merged = _merge(first, second, page_text)
    if merged is None:  # disjoint
        return _earlier_unless_shorter(first, second, page_text)
    return merged


def _earlier_unless_shorter(first: list[Piece], second: list[Piece], page: str) -> list[Piece]:
    """Case 3: the reading that starts first on the page, unless the later one has
    DISJOINT_GROWTH times its text (the one with more text when either is not found)."""
    first_at = next((span[0] for span in _places(first, page) if span), None)
    second_at = next((span[0] for span in _places(second, page) if span), None)
    first_weight, second_weight = _weight(first), _weight(second)
    if first_at is None or second_at is None:
        return second if second_weight > first_weight else first
    if first_at <= second_at:
        return second if second_weight > DISJOINT_GROWTH * first_weight else first
    return first if first_weight > DISJOINT_GROWTH * second_weight else second


def _weight(sequence: list[Piece]) -> int:
    return sum(len(piece.text) for piece in sequence if not piece.heading)


def _trigrams(sequence: list[Piece]) -> set[tuple[str, ...]]:
    words = _WORD_RE.findall(" ".join(piece.text for piece in sequence))
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _share_in(inner: list[Piece], outer: list[Piece]) -> float:
    mine = _trigrams(inner)
    return len(mine & _trigrams(outer)) / len(mine) if mine else 0.0


_Span = tuple[int, int]


def _places(sequence: list[Piece], page: str) -> list[_Span | None]:
    """Where each piece stands in the page text, searched in order; None if not found."""
    places: list[_Span | None] = []
    cursor = 0
    for piece in sequence:
        text = normalise_space(piece.text)
        start = page.find(text, cursor)
        if start < 0 and len(text) > _PREFIX_CHARS:
            start = page.find(text[:_PREFIX_CHARS], cursor)
        if start < 0:
            places.append(None)
            continue
        places.append((start, start + len(text)))
        cursor = start + 1
    return places


def _overlaps(span: _Span, spans: list[_Span]) -> bool:
    start, end = span
    return any(start < other_end and other_start < end for other_start, other_end in spans)


def _merge(first: list[Piece], second: list[Piece], page: str) -> list[Piece] | None:
    """Case 2 of the module doc, or None when the opinions share no text."""
    first_at, second_at = _places(first, page), _places(second, page)
    first_spans = [span for span in first_at if span is not None]
    second_spans = [span for span in second_at if span is not None]
    shared = [i for i, span in enumerate(first_at) if span and _overlaps(span, second_spans)]
    if not shared:
        return None
    low_index, high_index = shared[0], shared[-1]
    low, high = first_at[low_index][0], first_at[high_index][1]  # type: ignore[index]
    begin, end = 0, len(first) - 1
    while begin < low_index and _trimmable(first[begin]):
        begin += 1
    while end > high_index and _trimmable(first[end]):
        end -= 1
    # (position on the page, opinion, index): pieces not found stand just after the one before
    placed: list[tuple[float, int, int, Piece]] = []
    position = -1.0
    for index, piece in enumerate(first):
        span = first_at[index]
        position = float(span[0]) if span else position + 0.01
        if begin <= index <= end:
            placed.append((position, 0, index, piece))
    anchor = next(j for j, span in enumerate(second_at) if span and _overlaps(span, first_spans))
    for index in range(anchor - 1, -1, -1):  # the unbroken run just before the shared span
        span = second_at[index]
        piece = second[index]
        if span is None or _overlaps(span, first_spans) or not _addable(piece) or piece.heading:
            break  # (a heading up there labels a box: a share bar, a review's scores)
        placed.append((float(span[0]), 1, index, piece))
    for index in range(anchor + 1, len(second)):
        span = second_at[index]
        if span is None or span[0] < low or span[1] > high:
            continue
        if not _overlaps(span, first_spans) and _addable(second[index]):
            placed.append((float(span[0]), 1, index, second[index]))
    placed.sort(key=lambda item: item[:3])
    # A subheading of the second opinion's is the one readability dropped over its own text:
    # kept where a piece of the first opinion follows it, not over a box only trafilatura read.
    return [
        piece
        for at, (_, opinion, _, piece) in enumerate(placed)
        if not (opinion == 1 and piece.heading) or (at + 1 < len(placed) and placed[at + 1][1] == 0)
    ]


def _key(text: str) -> str:
    return " ".join(_WORD_RE.findall(text.casefold()))


def _trimmable(piece: Piece) -> bool:
    return not piece.heading and len(piece.text) < TRIM_CHARS


def _addable(piece: Piece) -> bool:
    return piece.heading or len(piece.text) >= ADD_CHARS
