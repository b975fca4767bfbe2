"""The table: every measure beside its target, the run's settings above it; the JSON document."""

from __future__ import annotations

import os
from collections import defaultdict
from typing import Any

from benchmarks.load.answers import Observed
from benchmarks.load.bot_process import BotLog, diagnosis_switches
from benchmarks.load.judge import Verdict
from benchmarks.load.scenario import Phase, Stage
from benchmarks.load.targets import DEFER_MAX_S, LOOP_LAG_MAX_S, PEAK_RSS_MB
from benchmarks.stats import percentile

PROBE_KEYS = (
    "worst_lag_windows",
    "windows",
    "windows_late_over_50ms",
    "involuntary_switches",
    "gc_longest_ms",
)


def row(measure: str, value: str, target: str = "", passed: bool | None = None) -> dict[str, Any]:
    """One line of the table; `passed` is None for a measure without a target."""
    return {"measure": measure, "value": value, "target": target, "pass": passed}


def spread_ms(values: list[float]) -> str:
    """`p50 / p95 / p99 ms (n=…)`."""
    p50, p95, p99 = (percentile(values, share) * 1000 for share in (0.50, 0.95, 0.99))
    return f"{p50:.0f} / {p95:.0f} / {p99:.0f} ms (n={len(values)})"


def latency_row(phase: Phase, values: list[float]) -> dict[str, Any]:
    """A phase's latencies, against its p95 target if it has one."""
    if phase.latency_p95_s is None:
        return row(phase.latency_measure, spread_ms(values))
    target = phase.latency_p95_s
    passed = bool(values) and percentile(values, 0.95) <= target
    return row(phase.latency_measure, spread_ms(values), f"p95 ≤ {target * 1000:.0f} ms", passed)


def bot_numbers(observed: Observed, last_window: str) -> dict[str, Any]:
    """What the bot reported: loop lag per window, peak RSS, the lag probe."""
    reports = observed.reports
    return {
        "loop_lag_s": {window: report["loop_lag_max_s"] for window, report in reports.items()},
        "peak_rss_mb": reports[last_window]["peak_rss_mb"],
        "children_peak_rss_mb": reports[last_window]["children_peak_rss_mb"],
        "lag_probe": {
            window: {key: report[key] for key in PROBE_KEYS} for window, report in reports.items()
        },
    }


def build_rows(
    phases: tuple[Phase, ...], verdict: Verdict, bot: dict[str, Any]
) -> list[dict[str, Any]]:
    """Every measure beside its target; rows without a target are for reading only."""
    rows = [latency_row(phase, verdict.latency[phase.name]) for phase in phases]
    defers = verdict.defers
    if verdict.interactions:
        spread = (
            f"{percentile(defers, 0.5) * 1000:.0f} / {percentile(defers, 0.95) * 1000:.0f} / "
            f"{max(defers, default=0.0) * 1000:.0f} ms (n={len(defers)})"
        )
        within = bool(defers) and max(defers) <= DEFER_MAX_S
        target = f"every ≤ {DEFER_MAX_S * 1000:.0f} ms"
        rows.append(row("/summarize defer p50/p95/max", spread, target, within))
    lag = bot["loop_lag_s"]
    worst_lag = max(lag[phase.name] for phase in phases)
    tree_peak_mb = bot["peak_rss_mb"] + sum(bot["children_peak_rss_mb"])
    rows += [
        row(
            "largest event-loop lag: " + " / ".join(phase.lag_name for phase in phases),
            " / ".join(f"{lag[phase.name] * 1000:.0f}" for phase in phases) + " ms",
            f"≤ {LOOP_LAG_MAX_S * 1000:.0f} ms",
            worst_lag <= LOOP_LAG_MAX_S,
        ),
        row("largest event-loop lag, start and warm-up", f"{lag['start'] * 1000:.0f} ms"),
        row(
            "bot process peak RSS",
            f"{bot['peak_rss_mb']:.0f} MB",
            f"≤ {PEAK_RSS_MB:.0f} MB",
            bot["peak_rss_mb"] <= PEAK_RSS_MB,
        ),
        row(
            "worker processes' peak RSS (each)",
            " + ".join(f"{mb:.0f}" for mb in bot["children_peak_rss_mb"]) + " MB",
        ),
        # The strict reading of the target: every process of the bot at its own peak at once
        # (an overestimate: the peaks need not coincide, and forked pages are shared).
        row(
            "bot + workers, sum of peak RSS",
            f"{tree_peak_mb:.0f} MB",
            f"≤ {PEAK_RSS_MB:.0f} MB",
            tree_peak_mb <= PEAK_RSS_MB,
        ),
        row(
            "answers complete / expected",
            f"{verdict.replies_complete} / {verdict.replies_expected}",
            "all",
            verdict.replies_complete == verdict.replies_expected,
        ),
        row(
            "expected non-replies (messages of non-articles only, both rounds)",
            str(verdict.non_replies),
        ),
        row("/summarize on non-articles (private note)", str(verdict.failure_notes)),
        row("errors", str(len(verdict.errors)), "0", not verdict.errors),
        row("duplicates", str(len(verdict.duplicates)), "0", not verdict.duplicates),
    ]
    return rows


def notes(stage: Stage, observed: Observed, verdict: Verdict, log: BotLog) -> list[str]:
    """The run's settings and circumstances, printed above the table."""
    scenario, facts = stage.scenario, stage.facts()
    fetches = ", ".join(f"{count} in the {name} phase" for name, count in observed.fetches.items())
    lines = [
        f"{len(stage.users)} users in {scenario.guilds} servers; "
        + ", then ".join(phase.summary.format(**facts) for phase in scenario.phases),
        "bot settings raised for the burst: "
        + ", ".join(f"{name}={value}" for name, value in scenario.bot_overrides.items())
        + "; SKIM_MAX_LINKS_PER_MESSAGE left at 3; digest workers: "
        + os.environ.get("SKIM_WORKERS", "the bot's default"),
        f"origin fetches: {fetches} (digests are cached, and a page that is not an article is "
        f"remembered for 10 minutes); {verdict.hits_with_uncached_link} hit-phase messages held "
        "a non-article and are left out of the hit latency",
        f"bot log: {len(log.errors)} errors, {log.warnings} warnings ({log.path}); "
        f"run time {observed.run_time_s:.0f} s; machine load average before the run "
        f"{observed.load_before:.2f} on {os.cpu_count()} cores (other work on the machine "
        "competes with the bot)",
    ]
    lines += stage.notes
    if switches := diagnosis_switches():
        values = ", ".join(f"{name}={os.environ[name]}" for name in switches)
        lines.append("diagnosis switches on (see bot_main.py): " + values)
    return lines


def markdown(rows: list[dict[str, Any]], notes: list[str]) -> str:
    """The table as printed, with the run's settings above it."""
    lines = [*notes, "", "| measure | value | target | result |", "|---|---|---|---|"]
    for line in rows:
        result = "" if line["pass"] is None else ("PASS" if line["pass"] else "FAIL")
        lines.append(f"| {line['measure']} | {line['value']} | {line['target']} | {result} |")
    return "\n".join(lines)


def lag_diagnosis(probes: dict[str, dict[str, Any]]) -> str:
    """Where each window's worst loop lag came from, by the CPU the bot got meanwhile."""
    lines = [
        "loop-lag probe (a second 50 ms sampler in the bot; CPU the bot got in its worst window):"
    ]
    for window, probe in probes.items():
        worst = probe["worst_lag_windows"][0] if probe["worst_lag_windows"] else None
        detail = (
            f"worst {worst['lag_ms']:.0f} ms late, loop thread {worst['loop_cpu_ms']:.0f} ms "
            f"CPU, whole process {worst['process_cpu_ms']:.0f} ms, of which garbage "
            f"collection {worst['gc_ms']:.0f} ms"
            if worst
            else "no samples"
        )
        lines.append(
            f"- {window}: {probe['windows_late_over_50ms']} of {probe['windows']} samples over "
            f"50 ms late; {detail}; preempted {probe['involuntary_switches']} times; longest "
            f"collection {probe['gc_longest_ms']:.0f} ms"
        )
    return "\n".join(lines)


def slowest(timed_links: list[tuple[float, str, list[str]]]) -> dict[str, list[str]]:
    """The five slowest answers of each phase, with their links (to see what made them slow)."""
    by_phase: dict[str, list[str]] = defaultdict(list)
    for latency, phase, urls in sorted(timed_links, reverse=True):
        if len(by_phase[phase]) < 5:
            paths = " ".join(url.split("/", 3)[-1] for url in urls)
            by_phase[phase].append(f"{latency * 1000:.0f} ms: {paths}")
    return dict(by_phase)


def document(stage: Stage, observed: Observed, verdict: Verdict, log: BotLog) -> dict[str, Any]:
    """The whole result as JSON: the table as printed, its rows, and the figures behind them."""
    phases = stage.scenario.phases
    bot = bot_numbers(observed, phases[-1].name)
    rows = build_rows(phases, verdict, bot)
    heading = notes(stage, observed, verdict, log)
    table = markdown(rows, heading) + "\n\n" + lag_diagnosis(bot["lag_probe"])
    answers = observed.answers
    return {
        "table": table,
        "rows": rows,
        "latency_s": {phase: sorted(values) for phase, values in verdict.latency.items()},
        "defer_s": sorted(verdict.defers),
        "slowest": slowest(verdict.timed_links),
        "bot": bot,
        "errors": verdict.errors,
        "duplicates": verdict.duplicates,
        "typing_calls": answers.typing,
        "reactions": sum(answers.reactions.values()),
        "run_time_s": observed.run_time_s,
        "passed": all(line["pass"] is not False for line in rows),
    }
