"""`python -m benchmarks.load.scale`: the same burst over one process (SQLite, its own memory)
and over two processes of two shards each (Redis + PostgreSQL), printed side by side.

The burst is the standard scenario's (misses, then hits, then /summarize at once), except that
the second round of messages is posted two servers further on: with two processes, each hit is
asked of the process that did not digest the page, so only a shared cache answers it without a
fetch. Reported for each: miss and hit p95, throughput (articles digested per second in the miss
phase), origin fetches per distinct URL (must be 1.00: every page fetched once, whichever process
asked), and each process's peak RSS (the bot and its workers). Targets for the two processes on
this 2-core machine: hit p95 <= 100 ms, miss p95 <= 1 s, exactly one fetch per URL.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.load.answers import Observed
from benchmarks.load.bot_process import read_bot_log
from benchmarks.load.driver import process_log, run
from benchmarks.load.judge import Verdict, judge
from benchmarks.load.scenario import ONE_PROCESS, TWO_PROCESSES, Scenario, Stage
from benchmarks.load.targets import HIT_P95_S, MISS_P95_S
from benchmarks.stats import percentile
from testkit.corpus import corpus_available

RESULTS = Path(__file__).resolve().parents[1] / "results"
CONFIGURATIONS = (
    ("1 process (SQLite)", ONE_PROCESS),
    ("2 processes x 2 shards (Redis + PostgreSQL)", TWO_PROCESSES),
)


def throughput(stage: Stage, observed: Observed) -> float:
    """Articles digested per second in the miss phase: from its first message to its last
    answer."""
    sent = [item for item in observed.sent if item.phase == "miss" and item.articles]
    finished = [
        max(at for at, _ in observed.answers.replies[item.message_id])
        for item in sent
        if observed.answers.replies.get(item.message_id)
    ]
    if not sent or not finished:
        return 0.0
    articles = sum(len(item.articles) for item in sent)
    return articles / (max(finished) - min(item.at for item in sent))


def fetches_per_url(stage: Stage, observed: Observed) -> float:
    """Origin fetches in all phases over the distinct URLs they asked for."""
    urls = {link.url for link in stage.pages.message_links + stage.pages.command_links}
    return sum(observed.fetches.values()) / len(urls)


def peak_rss(observed: Observed) -> list[float]:
    """Each process's peak RSS, bot plus workers (MB), from its last report."""
    last = observed.process_reports[-1]["processes"]
    return [report["peak_rss_mb"] + sum(report["children_peak_rss_mb"]) for report in last]


def measure(scenario: Scenario, spread_s: float, name: str) -> dict[str, Any]:
    """Run one configuration and keep its figures."""
    log_path = RESULTS / f"load_scale_{name}.log"
    with tempfile.TemporaryDirectory(prefix="skim-scale-") as workdir:
        stage, observed = asyncio.run(run(scenario, spread_s, Path(workdir), log_path))
    processes = len(scenario.process_shards) or 1
    errors = [e for n in range(processes) for e in read_bot_log(process_log(log_path, n)).errors]
    verdict: Verdict = judge(observed, errors)
    return {
        "miss_p50_s": percentile(verdict.latency["miss"], 0.50),
        "miss_p95_s": percentile(verdict.latency["miss"], 0.95),
        "hit_p50_s": percentile(verdict.latency["hit"], 0.50),
        "hit_p95_s": percentile(verdict.latency["hit"], 0.95),
        "command_p95_s": percentile(verdict.latency["command"], 0.95),
        "throughput": throughput(stage, observed),
        "fetches_per_url": fetches_per_url(stage, observed),
        "fetches": dict(observed.fetches),
        "peak_rss_mb": peak_rss(observed),
        "complete": f"{verdict.replies_complete} / {verdict.replies_expected}",
        "errors": verdict.errors[:20],
        "duplicates": verdict.duplicates[:20],
        "run_time_s": observed.run_time_s,
        "load_before": observed.load_before,
    }


def table(results: list[dict[str, Any]]) -> str:
    """The configurations side by side, the last against the scale-out targets."""
    one, two = results

    def ms(value: float) -> str:
        return f"{value * 1000:.0f} ms"

    rows = [
        ("miss latency p50 / p95", f"{ms(one['miss_p50_s'])} / {ms(one['miss_p95_s'])}",
         f"{ms(two['miss_p50_s'])} / {ms(two['miss_p95_s'])}",
         f"p95 ≤ {MISS_P95_S * 1000:.0f} ms", two["miss_p95_s"] <= MISS_P95_S),
        ("hit latency p50 / p95 (2 processes: asked of the other one)",
         f"{ms(one['hit_p50_s'])} / {ms(one['hit_p95_s'])}",
         f"{ms(two['hit_p50_s'])} / {ms(two['hit_p95_s'])}",
         f"p95 ≤ {HIT_P95_S * 1000:.0f} ms", two["hit_p95_s"] <= HIT_P95_S),
        ("/summarize burst p95", ms(one["command_p95_s"]), ms(two["command_p95_s"]), "", None),
        ("throughput, miss phase (articles/s)", f"{one['throughput']:.1f}",
         f"{two['throughput']:.1f}", "", None),
        ("origin fetches per distinct URL", f"{one['fetches_per_url']:.2f}",
         f"{two['fetches_per_url']:.2f}", "1.00", f"{two['fetches_per_url']:.2f}" == "1.00"),
        ("peak RSS per process (bot + workers)",
         " + ".join(f"{mb:.0f}" for mb in one["peak_rss_mb"]) + " MB",
         " + ".join(f"{mb:.0f}" for mb in two["peak_rss_mb"]) + " MB", "", None),
        ("answers complete / expected", one["complete"], two["complete"], "all",
         two["complete"].split(" / ")[0] == two["complete"].split(" / ")[1]),
        ("errors + duplicates", str(len(one["errors"]) + len(one["duplicates"])),
         str(len(two["errors"]) + len(two["duplicates"])), "0",
         not two["errors"] and not two["duplicates"]),
    ]  # fmt: skip
    lines = [
        f"| measure | {CONFIGURATIONS[0][0]} | {CONFIGURATIONS[1][0]} | target (2 processes) "
        "| result |",
        "|---|---|---|---|---|",
    ]
    for measure_name, first, second, target, passed in rows:
        verdict = "" if passed is None else ("PASS" if passed else "FAIL")
        lines.append(f"| {measure_name} | {first} | {second} | {target} | {verdict} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.load.scale", description=__doc__)
    parser.add_argument(
        "--spread", type=float, default=10.0, help="seconds over which a phase's messages go"
    )
    args = parser.parse_args()
    if not corpus_available():
        print("../shared/corpus is missing: nothing to load the bot with")
        return 2
    RESULTS.mkdir(exist_ok=True)
    results = [
        measure(scenario, args.spread, "one" if number == 0 else "two")
        for number, (_, scenario) in enumerate(CONFIGURATIONS)
    ]
    printed = table(results)
    fetches = "; ".join(
        f"{label}: " + ", ".join(f"{n} {phase}" for phase, n in result["fetches"].items())
        for (label, _), result in zip(CONFIGURATIONS, results, strict=True)
    )
    print(
        f"{ONE_PROCESS.guilds * 4} users in {ONE_PROCESS.guilds} servers; the standard burst "
        f"(spread {args.spread:.0f} s), its second round two servers further on; origin "
        f"fetches per phase: {fetches}; run times "
        + ", ".join(f"{result['run_time_s']:.0f} s" for result in results)
        + "; load average before: "
        + ", ".join(f"{result['load_before']:.2f}" for result in results)
    )
    print()
    print(printed)
    for result in results:
        for problem in (result["errors"] + result["duplicates"])[:10]:
            print(f"- {problem}")
    (RESULTS / "load_scale.json").write_text(
        json.dumps({"table": printed, "results": results}, indent=2, ensure_ascii=False)
    )
    passed = "FAIL" not in printed
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
