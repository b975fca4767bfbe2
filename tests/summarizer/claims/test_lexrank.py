"""LexRank: the vectorised TF-IDF, walk and centroid give the plain loops' floats to the last
bit."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from summarizer.claims.lexrank import (
    CENTRALITY_SHARE,
    LEXRANK_MAX_ITERATIONS,
    LEXRANK_TOLERANCE,
    MAX_LEXRANK_SENTENCES,
    _normalised,
    _tfidf_vectors,
    biased_centrality,
)


def _left_to_right(values: list[float], *, squared: bool = False) -> float:
    """A plain running sum, of squares if asked (Python 3.12's sum() compensates, which 3.11's
    did not)."""
    total = 0.0
    for value in values:
        total += value * value if squared else value
    return total


def _reference_vectors(bags: Sequence[Counter[str]]) -> list[dict[str, float]]:
    document_frequency: Counter[str] = Counter()
    for bag in bags:
        document_frequency.update(bag.keys())
    idf = {term: math.log((1.0 + len(bags)) / df) for term, df in document_frequency.items()}
    vectors: list[dict[str, float]] = []
    for bag in bags:
        vector = {term: (1.0 + math.log(tf)) * idf[term] for term, tf in bag.items()}
        norm = math.sqrt(_left_to_right(list(vector.values()), squared=True))
        vectors.append({t: w / norm for t, w in vector.items()} if norm else {})
    return vectors


def _reference_centroid(vectors: Sequence[dict[str, float]]) -> list[float]:
    centroid: dict[str, float] = defaultdict(float)
    for vector in vectors:
        for term, weight in vector.items():
            centroid[term] += weight
    norm = math.sqrt(_left_to_right(list(centroid.values()), squared=True)) or 1.0
    return [
        _left_to_right([w * centroid[t] for t, w in vector.items()]) / norm for vector in vectors
    ]


def _reference(bags: Sequence[Counter[str]], prior: Sequence[float]) -> list[float]:
    """Biased LexRank as plain loops over dicts (what `biased_centrality` computed before
    numpy, on Python 3.11): the order of its sums is the contract."""
    vectors = _reference_vectors(bags)
    teleport = _normalised(prior)
    if len(vectors) > MAX_LEXRANK_SENTENCES:
        central = _normalised(_reference_centroid(vectors))
        return [
            (1 - CENTRALITY_SHARE) * t + CENTRALITY_SHARE * c
            for t, c in zip(teleport, central, strict=True)
        ]
    return _reference_walk(vectors, teleport)


def _reference_walk(vectors: Sequence[dict[str, float]], teleport: Sequence[float]) -> list[float]:
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


def test_the_ranks_are_the_loops_floats_exactly() -> None:
    generator = random.Random(9)
    vocabulary = [f"w{index}" for index in range(60)]
    # Short articles (the walk), one past MAX_LEXRANK_SENTENCES (the centroid), empty bags.
    for count in [*(generator.randint(1, 80) for _ in range(40)), MAX_LEXRANK_SENTENCES + 5]:
        bags = [
            Counter(generator.choices(vocabulary, k=generator.randint(0, 12))) for _ in range(count)
        ]
        prior = [generator.random() for _ in range(count)]
        assert biased_centrality(bags, prior) == _reference(bags, prior)


def test_a_sentence_sharing_no_term_keeps_only_its_prior() -> None:
    bags = [Counter(["nato", "summit"]), Counter(["nato", "summit", "talks"]), Counter(["cake"])]
    ranks = biased_centrality(bags, [1.0, 1.0, 1.0])
    assert abs(sum(ranks) - 1.0) < 1e-9
    assert ranks[2] < ranks[0]
    # Nothing shares a term: every rank goes back to the prior.
    assert biased_centrality([Counter(), Counter()], [1.0, 0.0]) == [1.0, 0.0]


def test_the_vectors_take_each_log_from_its_table_exactly() -> None:
    """The idf and damped-frequency logs come from tables indexed by document frequency and
    term frequency: the vectors are the loop's floats, for a term in every sentence, a term
    said many times in one, empty bags and no bags."""
    bags: list[Counter[str]] = [
        Counter({"the": 1, "storm": 40, "coast": 7}),
        Counter({"the": 1, "coast": 1}),
        Counter(),
        Counter({"the": 3, "ferry": 1, "coast": 2}),
        Counter({"the": 1}),
    ]
    samples: list[list[Counter[str]]] = [bags, bags[:1], [Counter()], []]
    for sample in samples:
        vectors = _tfidf_vectors(sample)
        found: list[dict[str, float]] = [{} for _ in sample]
        terms = list(dict.fromkeys(term for bag in sample for term in bag))
        for sentence, term, weight in zip(
            vectors.sentence.tolist(), vectors.term.tolist(), vectors.weight.tolist(), strict=True
        ):
            found[sentence][terms[term]] = weight
        assert found == _reference_vectors(sample)
        assert vectors.sentence.dtype == vectors.term.dtype == np.intp
