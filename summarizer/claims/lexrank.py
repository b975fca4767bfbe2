"""Biased LexRank: sentence centrality on the cosine graph of TF-IDF vectors, biased by a prior.

A random walk over the sentence-similarity graph that keeps jumping back to a prior (position,
headline overlap...). Sparse, in numpy: about 300 sentences rank in a few hundredths of a
second; beyond `MAX_LEXRANK_SENTENCES` the walk gives way to the cosine to the centroid.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
from numpy.typing import NDArray

# The score is a biased LexRank: a random walk over the sentence-similarity graph that jumps
# back to the prior with probability 1 - CENTRALITY_SHARE. At 0 it would be the prior alone
# (Lead-like, weak under subheadings), near 1 pure LexRank (weak on news leads).
CENTRALITY_SHARE = 0.2
# LexRank's power iteration is O(n²); beyond this many sentences, centrality is the (O(n·k))
# cosine to the article's centroid instead.
MAX_LEXRANK_SENTENCES = 300
LEXRANK_MAX_ITERATIONS = 40
# The walk stops when a step moves the ranks by less than this in all: a ranking needs no more
# (1e-6 already reorders two near-tied sentences on one of the 645 corpus pages; 1e-7 none).
LEXRANK_TOLERANCE = 1e-7


@dataclass(frozen=True, slots=True)
class _Vectors:
    """The sentences' unit-length TF-IDF vectors as parallel arrays: one entry per term of each
    sentence, sentence by sentence, each in its bag's order (terms numbered as first met)."""

    count: int  # sentences
    sentence: NDArray[np.intp]
    term: NDArray[np.intp]
    weight: NDArray[np.float64]


def _tfidf_vectors(bags: Sequence[Counter[str]]) -> _Vectors:
    """Unit-length TF-IDF vectors, sentences as documents. The logs are Python's (math.log),
    the norms summed from 0.0 in the bags' order (np.bincount adds in array order)."""
    count = len(bags)
    term_ids: dict[str, int] = {}
    number = term_ids.setdefault
    # (Comprehensions in the bags' order: each term numbered as first met.)
    term_of = [number(term, len(term_ids)) for bag in bags for term in bag]
    frequency_of = [frequency for bag in bags for frequency in bag.values()]
    sentence = np.repeat(np.arange(count, dtype=np.intp), [len(bag) for bag in bags])
    term_index = np.array(term_of, dtype=np.intp)
    # A bag holds a term once: a term's entries are its document frequency (1..count).
    document_frequency = np.bincount(term_index, minlength=len(term_ids))
    # Each log taken once per value, in tables indexed by the value (0 never occurs).
    idf_of = [0.0] + [math.log((1.0 + count) / df) for df in range(1, count + 1)]
    idf = np.array(idf_of, dtype=np.float64)[document_frequency]
    damped_of = [0.0] + [1.0 + math.log(tf) for tf in range(1, max(frequency_of, default=0) + 1)]
    damped = np.array(damped_of, dtype=np.float64)[np.array(frequency_of, dtype=np.intp)]
    weight = damped * idf[term_index]
    norm = np.sqrt(np.bincount(sentence, weight * weight, minlength=count))
    return _Vectors(count, sentence, term_index, weight / norm[sentence])


def biased_centrality(bags: Sequence[Counter[str]], prior: Sequence[float]) -> list[float]:
    """Biased LexRank scores (sum 1); the centroid cosine stands in for the walk when long."""
    vectors = _tfidf_vectors(bags)
    teleport = _normalised(prior)
    if vectors.count > MAX_LEXRANK_SENTENCES:
        central = _normalised(_centroid_similarity(vectors))
        return [
            (1 - CENTRALITY_SHARE) * t + CENTRALITY_SHARE * c
            for t, c in zip(teleport, central, strict=True)
        ]
    return _lexrank(vectors, teleport)


def _normalised(values: Sequence[float]) -> list[float]:
    """`values` scaled to sum 1 (uniform when they sum to 0)."""
    total = sum(values)
    if total <= 0:
        return [1.0 / len(values)] * len(values)
    return [value / total for value in values]


def _similarity_graph(
    vectors: _Vectors,
) -> tuple[NDArray[np.intp], NDArray[np.intp], NDArray[np.float64]]:
    """The sparse cosine graph as edges (sentence, other, similarity) between sentences that
    share a term (self excluded): each sentence's edges in the order its terms first meet the
    other, each similarity summed over the shared terms in the sentence's term order."""
    count = vectors.count
    sentence, term_index, term_weight = vectors.sentence, vectors.term, vectors.weight
    # Each term's postings (its entries, by sentence), and for every entry all the postings of
    # its term: the products a loop over terms and postings would take, in its order.
    postings = np.argsort(term_index, kind="stable")
    frequency = np.bincount(term_index)
    first_posting = np.cumsum(frequency) - frequency
    repeats = frequency[term_index]
    entry = np.repeat(np.arange(len(term_index)), repeats)
    offset = np.arange(len(entry)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    posting = postings[first_posting[term_index[entry]] + offset]
    source, target = sentence[entry], sentence[posting]
    other = source != target
    pairs = source[other] * count + target[other]
    # bincount adds in array order: each pair's sum in the loop's order, from 0.0.
    similarity = np.bincount(
        pairs, term_weight[entry[other]] * term_weight[posting[other]], minlength=count * count
    )
    edges, first = np.unique(pairs, return_index=True)
    edges = edges[np.argsort(first, kind="stable")]
    return edges // count, edges % count, similarity[edges]


def _lexrank(vectors: _Vectors, teleport: Sequence[float]) -> list[float]:
    """Biased continuous LexRank: PageRank on the cosine graph, jumping by `teleport`.
    Vectorised, with every sum in the order of the plain loops (np.bincount adds in array
    order, np.cumsum from left to right): the same floats to the last bit, several times
    faster on a long article."""
    count = vectors.count
    if count == 0:
        return []
    sources, targets, weights = _similarity_graph(vectors)
    row_sums = np.bincount(sources, weights, minlength=count)
    # A sentence sharing no term with any other hands its rank back to the prior.
    stranded_rows: list[int] = np.flatnonzero(row_sums == 0).tolist()
    divisors = np.where(row_sums == 0, 1.0, row_sums)
    jump = np.array(teleport, dtype=np.float64)
    rank = jump.copy()
    for _ in range(LEXRANK_MAX_ITERATIONS):
        share = rank / divisors
        # numpy's stubs type every bincount as integers; with weights it is float64.
        incoming = cast(
            "NDArray[np.float64]", np.bincount(targets, share[sources] * weights, minlength=count)
        )
        stranded = 0.0
        for index in stranded_rows:
            stranded += float(rank[index])
        if stranded:
            incoming = incoming + stranded * jump
        updated = (1 - CENTRALITY_SHARE) * jump + CENTRALITY_SHARE * incoming
        change = float(np.cumsum(np.abs(updated - rank))[-1])
        rank = updated
        # Each step shrinks the error by CENTRALITY_SHARE: about ten steps reach the tolerance.
        if change < LEXRANK_TOLERANCE:
            break
    ranks: list[float] = rank.tolist()
    return ranks


def _centroid_similarity(vectors: _Vectors) -> list[float]:
    """Cosine of each sentence to the article's centroid vector (MEAD-style centrality); the
    sums run from 0.0 in the sentences' order, the norm's in the terms' (np.cumsum)."""
    centroid = np.bincount(vectors.term, vectors.weight)
    squares = np.cumsum(centroid * centroid)
    norm = math.sqrt(float(squares[-1])) if len(squares) else 0.0
    cosines = np.bincount(
        vectors.sentence, vectors.weight * centroid[vectors.term], minlength=vectors.count
    )
    similarities: list[float] = (cosines / (norm or 1.0)).tolist()
    return similarities
