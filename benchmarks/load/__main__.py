"""`python -m benchmarks.load`: run the standard scenario, print the table, write the JSON."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path

import benchmarks.load
from benchmarks.load.bot_process import read_bot_log
from benchmarks.load.driver import run
from benchmarks.load.judge import judge
from benchmarks.load.report import document
from benchmarks.load.scenario import HOSTILE, STALLING, STANDARD
from testkit.corpus import missing_corpus

RESULTS = Path(__file__).resolve().parents[1] / "results"


def main() -> int:
    """Run the scenario, print the table, write the JSON; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.load",
        description=benchmarks.load.__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--spread",
        type=float,
        default=10.0,
        help="seconds over which a phase's messages are posted",
    )
    parser.add_argument(
        "--hostile",
        action="store_true",
        help="then a hostile phase: pages built to be slow pasted amid ordinary links",
    )
    parser.add_argument(
        "--stall",
        action="store_true",
        help="--hostile, with one page that stalls in its worker past the deadline (a "
        "test-only hook): the pool replaces only that worker",
    )
    args = parser.parse_args()
    problem = missing_corpus()
    if problem is not None:
        print(f"benchmarks.load: {problem}")
        return 2
    RESULTS.mkdir(exist_ok=True)
    log_path = RESULTS / "load_bot.log"
    with tempfile.TemporaryDirectory(prefix="skim-load-") as workdir:
        scenario = STALLING if args.stall else HOSTILE if args.hostile else STANDARD
        stage, observed = asyncio.run(run(scenario, args.spread, Path(workdir), log_path))
    log = read_bot_log(log_path)
    result = document(stage, observed, judge(observed, log.errors), log)
    print(result["table"])
    for phase, answers in result["slowest"].items():
        print(f"slowest {phase}: " + "; ".join(answers[:3]))
    for problem in (result["errors"] + result["duplicates"])[:20]:
        print(f"- {problem}")
    (RESULTS / "load.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
