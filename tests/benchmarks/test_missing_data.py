"""`make bench` in a fresh clone: without the corpus or the summaries, each benchmark says what
is missing and which setting points at it; never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from testkit import summaries
from tests.helpers import ROOT


@pytest.mark.parametrize(
    ("benchmark", "command"),
    [
        ("quality.py", [str(ROOT / "benchmarks" / "quality.py")]),
        ("speed.py", [str(ROOT / "benchmarks" / "speed.py")]),
        ("benchmarks.load", ["-m", "benchmarks.load"]),
    ],
)
def test_missing_corpus_is_one_line_naming_skim_corpus(
    benchmark: str, command: list[str], tmp_path: Path
) -> None:
    """No corpus: one line naming where it looked and SKIM_CORPUS, exit 2."""
    absent = tmp_path / "no-corpus"
    result = subprocess.run(
        [sys.executable, *command],
        env=os.environ | {"SKIM_CORPUS": str(absent), "SKIM_SUMMARIES": str(absent)},
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT if command[0] == "-m" else tmp_path,
    )
    assert result.returncode == 2
    assert result.stdout.splitlines() == [
        f"{benchmark}: no corpus at {absent} (aeb/ground-truth.json and moz/): the benchmarks "
        "read ../shared/corpus beside the project; point SKIM_CORPUS at a copy elsewhere"
    ]
    assert "Traceback" not in result.stderr


def test_missing_summaries_name_skim_summaries(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No summaries: the ROUGE table is replaced by a line naming SKIM_SUMMARIES."""
    monkeypatch.setattr(summaries, "SUMMARIES_DIR", tmp_path)
    problem = summaries.missing_summaries()
    assert problem is not None
    assert str(tmp_path) in problem and "SKIM_SUMMARIES" in problem
    (tmp_path / summaries.CNNDM_FILE).write_text("")
    (tmp_path / summaries.WIKITEXT_FILE).write_text("")
    assert summaries.missing_summaries() is None
