"""LexRank: the vectorised walk gives the plain loops' floats to the last bit."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from collections.abc import Sequence

from summarizer.claims.lexrank import (
    CENTRALITY_SHARE,
    LEXRANK_MAX_ITERATIONS,
    LEXRANK_TOLERANCE,
    _lexrank,
    _normalised,
    _tfidf_vectors,
    biased_centrality,
)


def _left_to_right(values: list[float]) -> float:
    """A plain running sum (Python 3.12's sum() compensates, which 3.11's did not)."""
    total = 0.0
    for value in values:
        total += value
    return total


def _reference(vectors: Sequence[dict[str, float]], teleport: Sequence[float]) -> list[float]:
    """The walk as plain loops (what `_lexrank` computed before numpy, on Python 3.11): the
    order of its sums is the contract."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for term in vector:
            postings[term].append(index)
    similarity: list[dict[int, float]] = [defaultdict(float) for _ in vectors]
    for index, vector in enumerate(vectors):
        for term, weight in vector.items():
            for other in postings[term]:
                if other != index:
                    similarity[index][other] += weight * vectors[other][term]
    row_sums = [_left_to_right(list(row.values())) for row in similarity]
    rank = list(teleport)
    for _ in range(LEXRANK_MAX_ITERATIONS):
        incoming = [0.0] * len(vectors)
        stranded = 0.0
        for index, row in enumerate(similarity):
            if row_sums[index] == 0:
                stranded += rank[index]
                continue
            share = rank[index] / row_sums[index]
            for other, weight in row.items():
                incoming[other] += share * weight
        if stranded:
            incoming = [
                walk + stranded * jump for walk, jump in zip(incoming, teleport, strict=True)
            ]
        updated = [
            (1 - CENTRALITY_SHARE) * jump + CENTRALITY_SHARE * walk
            for jump, walk in zip(teleport, incoming, strict=True)
        ]
        change = _left_to_right([abs(new - old) for new, old in zip(updated, rank, strict=True)])
        rank = updated
        if change < LEXRANK_TOLERANCE:
            break
    return rank


def test_the_walk_gives_the_loops_floats_exactly() -> None:
    generator = random.Random(9)
    vocabulary = [f"w{index}" for index in range(60)]
    for _ in range(40):
        count = generator.randint(1, 80)
        bags = [
            Counter(generator.choices(vocabulary, k=generator.randint(0, 12))) for _ in range(count)
        ]
        vectors = _tfidf_vectors(bags)
        teleport = _normalised([generator.random() for _ in range(count)])
        assert _lexrank(vectors, teleport) == _reference(vectors, teleport)


def test_a_sentence_sharing_no_term_keeps_only_its_prior() -> None:
    bags = [Counter(["nato", "summit"]), Counter(["nato", "summit", "talks"]), Counter(["cake"])]
    ranks = biased_centrality(bags, [1.0, 1.0, 1.0])
    assert abs(sum(ranks) - 1.0) < 1e-9
    assert ranks[2] < ranks[0]
    assert _lexrank([], []) == []
