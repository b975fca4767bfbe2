"""Claim-quality gate over ../shared/summaries, through the real pipeline (digest_html)."""

from __future__ import annotations

import pytest

from testkit.summaries import (
    SUMMARIES_DIR,
    Scores,
    evaluate_cnndm,
    evaluate_wikitext,
    real_digest,
)

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(
        not SUMMARIES_DIR.is_dir(), reason="../shared/summaries is not beside the project"
    ),
]


@pytest.fixture(scope="module")
def cnndm() -> dict[str, Scores]:
    return evaluate_cnndm(real_digest)


@pytest.fixture(scope="module")
def wikitext() -> dict[str, Scores]:
    return evaluate_wikitext(real_digest)


def test_cnndm_three_claims_reach_the_floor(cnndm: dict[str, Scores]) -> None:
    """Headingless news: R-1 of the 3 claims >= 41.0 (Lead-3 41.75, LexRank 34.08)."""
    assert cnndm["skim"]["rouge1"] >= 41.0, cnndm


def test_wikitext_claims_beat_the_lead(wikitext: dict[str, Scores]) -> None:
    """Sectioned articles: the claims beat the body's opening cut to the same length."""
    assert wikitext["skim"]["rouge1"] > wikitext["lead"]["rouge1"], wikitext


def test_wikitext_claims_beat_first_sentences_of_sections(wikitext: dict[str, Scores]) -> None:
    """...and beat the sections' first sentences (round-robin) cut to the same length."""
    assert wikitext["skim"]["rouge1"] > wikitext["section_firsts"]["rouge1"], wikitext
