"""The reader-panel packets tell the judge what the page's markup holds."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.panel_packets import SEED_PAGES, _seed_page, tally


def _seed(stem: str) -> Path:
    return next(path for path in SEED_PAGES if path.stem == stem)


def test_the_seed_copy_without_subheadings_says_so_to_the_judge() -> None:
    """Its reference is the browser dump with six subheadings: the judge must not miss them."""
    bare = _seed_page(_seed("seed_no_subheadings")).reference
    assert bare.startswith("(This copy of the page has NO subheadings in its markup")
    assert "NO subheadings" not in _seed_page(_seed("seed_h2")).reference


def test_tally_sums_scores_and_faults(tmp_path: Path) -> None:
    for name, score, weak in (("a", 5, 0), ("b", 2, 3)):
        verdict = {"id": name, "score": score, "faults": {"weak_claim": weak}}
        (tmp_path / f"{name}.json").write_text(json.dumps(verdict), "utf-8")
    lines = tally(tmp_path).splitlines()
    assert lines[0] == "2 cards, mean 3.50, 1 at 2 or below"
    assert "- weak_claim: 3" in lines
