"""README works as written from a fresh clone: the newcomer script, bounded (the clone's own
`make test` is left to CI, which runs it anyway). Takes a few minutes: it builds a venv."""

from __future__ import annotations

import subprocess
import sys

from tests.helpers import ROOT


def test_every_readme_command_runs_without_a_traceback() -> None:
    """`tests/newcomer.py --bounded` clones the repository and runs every README command."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "tests" / "newcomer.py"), "--bounded"],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-4000:]
    assert " 0 failed" in result.stdout
