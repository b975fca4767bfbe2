"""benchmarks/load/bot_process.py starts the bot so that its digest workers are what the
workers of `python -m bot` are: the engine, not the harness."""

from __future__ import annotations

import subprocess
import sys

from benchmarks.load.bot_process import launcher
from tests.helpers import ROOT

PROBE = "tests.benchmarks.pool_probe"


def worker_loads_discord(arguments: list[str]) -> str:
    """Start the probe (a bot-like process) with `arguments`; what its worker answered."""
    result = subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=ROOT,
        check=True,
    )
    return result.stdout.strip()


def test_the_benchmarks_bot_workers_do_not_load_the_harness() -> None:
    """Started as `python -c` code, the harness is not imported again in each worker (about
    40 MB each); started as `python -m module`, multiprocessing would import it there."""
    assert worker_loads_discord(launcher(PROBE)) == "False"
    assert worker_loads_discord(["-m", PROBE]) == "True"
