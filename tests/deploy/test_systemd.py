"""docs/skim.service: systemd accepts the unit as written (its paths moved to this checkout)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

UNIT = ROOT / "docs" / "skim.service"
pytestmark = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed here"
)


def _unit_for_this_checkout(folder: Path) -> Path:
    """The unit with /opt/skim replaced by this checkout (whose venv runs the tests)."""
    venv_python = Path(sys.executable)
    text = UNIT.read_text().replace("/opt/skim/.venv/bin/python", str(venv_python))
    unit = folder / "skim.service"
    unit.write_text(text.replace("/opt/skim", str(ROOT)))
    return unit


def test_unit_verifies_without_a_warning(tmp_path: Path) -> None:
    """`systemd-analyze verify` finds no unknown key, bad value or missing command."""
    result = subprocess.run(
        ["systemd-analyze", "verify", str(_unit_for_this_checkout(tmp_path))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "", result.stderr


def test_a_typo_in_the_unit_would_be_caught(tmp_path: Path) -> None:
    """The check above is not vacuous: a misspelt key is reported."""
    unit = _unit_for_this_checkout(tmp_path)
    unit.write_text(unit.read_text().replace("RestartSec=", "RestartSecs="))
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)], capture_output=True, text=True, timeout=60
    )
    assert "RestartSecs" in result.stderr


def test_unit_runs_python_m_bot_unprivileged_with_the_database_in_its_state_dir() -> None:
    """Not root, restarts except on a settings mistake (exit 2), SQLite in /var/lib/skim."""
    settings = dict(
        line.split("=", 1)
        for line in UNIT.read_text().splitlines()
        if "=" in line and line[0] != "#"
    )
    assert settings["User"] == "skim"
    assert settings["ExecStart"] == "/opt/skim/.venv/bin/python -m bot run"
    assert settings["StateDirectory"] == "skim"
    assert settings["Environment"] == "SKIM_DB_PATH=/var/lib/skim/skim.db"
    assert settings["RestartPreventExitStatus"] == "2"
