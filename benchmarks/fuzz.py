"""Fuzz benchmark (issue 11): hostile documents through `digest_html` in one worker process.

Documents come from `testkit.fuzz_documents` (seeded: the same seed gives the same documents):
each size attack at `--size-steps` doubling sizes up to its top size, then mutations of real
pages up to `--count` documents in all. Each is digested in ONE worker child process (so the
peak RSS reported is that of one worker, as in the bot's pool); a document that runs past
`--timeout` gets its worker killed and restarted, and counts as over time. A size attack whose
smaller size already timed out skips its larger sizes (they are over time by construction).
The lxml baseline parses the same input in a second child of its own, under the same timeout,
so that neither its time (libxml2 is itself quadratic in attributes) nor its memory (a tree of
every element of a 5 MB page) is charged to the engine's worker.

Reported: crashes (exceptions other than SummarizerError) grouped by type and innermost project
frame; documents over 1 s; the maximum time; per kind, digest time per MB of input against a
plain `lxml.html.fromstring` of the same input; the size attacks' growth (time ratio when the
size doubles: about 2 linear, 4 quadratic); the worker's peak RSS and the documents driving it.
`--atheris SECONDS` then runs atheris (coverage-guided) on `digest_html` for that long and
reports the crash kinds it found that the seeded run did not.

The machine is shared and its load moves every time: the worker also digests the corpus's
slowest real page (`ANCHOR_PAGE`, 0.3-0.4 s on an idle machine) before, during (every
`ANCHOR_EVERY` documents) and after the run, and the report shows those times and the load
average beside the 1 s target, so a reader can tell a slow engine from a busy machine.

Run: `.venv/bin/python benchmarks/fuzz.py [--count N] [--seed S] [--timeout S] [--atheris S]`.
Prints a markdown table, writes benchmarks/results/fuzz.json; exits 1 when a target fails.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import importlib
import json
import logging
import math
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from testkit.fuzz_documents import (  # noqa: E402  (the path above makes testkit importable)
    DEFAULT_URL,
    SIZE_ATTACKS,
    FuzzDocument,
    fixture_pages,
    mutation_documents,
    size_attack_documents,
    source_pages,
)

RESULTS = ROOT / "benchmarks" / "results"
DEFAULT_SEED = 11
DEFAULT_COUNT = 10_000
DEFAULT_TIMEOUT_S = 10.0
DEFAULT_SIZE_STEPS = 3
DEFAULT_ATHERIS_S = 60
# Targets (issue 11).
MAX_CRASHES = 0
SLOW_S = 1.0
MAX_VS_LXML = 2.0
MAX_RSS_MB = 300.0
# Growth: a doubling of size that more than triples the time (exponent > log2 3) is flagged,
# once the larger time is long enough to be measured reliably.
SUPERLINEAR_EXPONENT = math.log2(3)
MIN_GROWTH_SECONDS = 0.05
WORKER_MEMORY_LIMIT = 8 * 1024**3  # the machine has 24 GiB: a runaway worker fails alone
MB = 1_000_000
# The yardstick page: the corpus's slowest real page (else the largest page mutated).
ANCHOR_PAGE = "moz/wikipedia-2"
ANCHOR_EVERY = 1_000


# ---------------------------------------------------------------------------------------------
# Worker process


def _worker_main(conn: Connection, role: str) -> None:
    """Digest (role "digest") or lxml-parse (role "lxml") documents received on `conn` until
    None; answer each with its measurements."""
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY_LIMIT, WORKER_MEMORY_LIMIT))
    if role == "lxml":
        while (doc := conn.recv()) is not None:
            conn.send(_time_lxml(doc))
        return
    from testkit.fuzz_run import digest_document

    # The engine logs each internal error with its traceback; the report lists them instead.
    logging.getLogger("summarizer").setLevel(logging.CRITICAL)
    for page in fixture_pages()[:2]:  # lazy imports and caches, so document 1 is not penalised
        digest_document(FuzzDocument("warm-up", 0, 0, page.load(), DEFAULT_URL, page.name))
    while (doc := conn.recv()) is not None:
        _reset_peak_rss()
        outcome = digest_document(doc)
        conn.send((dataclasses.asdict(outcome), _peak_rss_mb()))


def _time_lxml(doc: FuzzDocument) -> float | None:
    """Seconds for `lxml.html.fromstring` of the same input; None when lxml refuses it."""
    import lxml.html

    start = time.perf_counter()
    try:
        lxml.html.fromstring(doc.html)
    except Exception:  # lxml refuses str with NULs or an XML declaration: no baseline then
        return None
    return time.perf_counter() - start


def _reset_peak_rss() -> None:
    """Reset this process's VmHWM to its current RSS, so the next peak is one document's."""
    with contextlib.suppress(OSError):  # else peaks are cumulative: still the worker's peak
        Path("/proc/self/clear_refs").write_text("5")


def _peak_rss_mb() -> float | None:
    """VmHWM of this process in MB (None off Linux)."""
    return _process_peak_rss_mb("self")


def _process_peak_rss_mb(pid: int | str) -> float | None:
    """VmHWM of process `pid` in MB (None when unknown)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024 / MB
    return None


@dataclass(slots=True)
class Worker:
    """One worker child ("digest" or "lxml"), restarted after a hang or a death."""

    timeout_s: float
    role: str = "digest"
    starts: int = 0
    killed_peak_rss_mb: float | None = None  # the last killed worker's peak in its document
    _process: Any = None
    _conn: Connection | None = None

    def run(self, doc: FuzzDocument) -> Any:
        """The worker's answer for `doc`, or "killed" (over the timeout) / "died: <code>"."""
        if self._conn is None:
            self._start()
        assert self._conn is not None
        self._conn.send(doc)
        if not self._conn.poll(self.timeout_s):
            self._kill()
            return "killed"
        try:
            reply = self._conn.recv()
        except EOFError:
            self._process.join()
            code = self._process.exitcode
            self._discard()
            return f"died: exit code {code}"
        return reply

    def close(self) -> None:
        """Stop the worker and wait for it."""
        if self._conn is not None:
            self._conn.send(None)
            self._process.join(timeout=30)
            if self._process.is_alive():
                self._kill()
        self._discard()

    def _start(self) -> None:
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        self._process = context.Process(target=_worker_main, args=(child, self.role), daemon=True)
        self._process.start()
        child.close()
        self._conn = parent
        self.starts += 1

    def _kill(self) -> None:
        self.killed_peak_rss_mb = _process_peak_rss_mb(self._process.pid)
        self._process.kill()
        self._process.join()
        self._discard()

    def _discard(self) -> None:
        if self._conn is not None:
            self._conn.close()
        self._conn = None


# ---------------------------------------------------------------------------------------------
# Records


@dataclass(slots=True)
class Record:
    """One document's result, as reported and written to JSON."""

    label: str
    kind: str
    family: str  # "mutation" or "size"
    index: int
    size: int | None
    source: str
    nbytes: int
    input_type: str
    status: str  # ok, refused, crash, killed, skipped
    seconds: float | None
    lxml_seconds: float | None = None
    lxml_killed: bool = False  # the baseline parse itself ran past the timeout
    peak_rss_mb: float | None = None
    refusal: str = ""
    crash: dict[str, str] | None = None
    crash_key: str = ""
    reproduce: str = ""

    @property
    def over_time(self) -> bool:
        """Slower than the 1 s target, killed at the timeout, or skipped after a timeout."""
        return self.status in ("killed", "skipped") or (self.seconds or 0.0) > SLOW_S


def _record(
    doc: FuzzDocument,
    family: str,
    result: Any,
    baseline: Any,
    timeout_s: float,
    killed_peak_rss_mb: float | None = None,
) -> Record:
    record = Record(
        label=doc.label,
        kind=doc.kind,
        family=family,
        index=doc.index,
        size=doc.size,
        source=doc.source,
        nbytes=doc.nbytes,
        input_type=type(doc.html).__name__,
        status="skipped",
        seconds=None,
        reproduce=doc.reproduce(),
    )
    if result == "killed":
        record.status, record.seconds = "killed", timeout_s
        record.peak_rss_mb = killed_peak_rss_mb
    elif isinstance(result, str):  # the worker died: a crash of the hardest kind
        record.status, record.seconds = "crash", None
        record.crash = {"type": "WorkerDied", "message": result, "where": "?", "function": "?"}
        record.crash["raised_at"] = "?"
        record.crash_key = f"WorkerDied ({result})"
    elif result is not None:
        outcome, record.peak_rss_mb = result
        record.status, record.seconds = outcome["status"], outcome["seconds"]
        record.refusal = outcome["refusal"]
        if outcome["crash"]:
            crash = outcome["crash"]
            record.crash = crash
            record.crash_key = f"{crash['type']} at {crash['where']} in {crash['function']}"
    if isinstance(baseline, float):
        record.lxml_seconds = baseline
    elif baseline == "killed":
        record.lxml_seconds, record.lxml_killed = timeout_s, True
    return record


def run_size_attacks(
    worker: Worker, baseline: Worker, seed: int, steps: int, scale: float, progress: bool
) -> Iterator[Record]:
    """Each attack's sizes in ascending order; after a timeout its larger sizes are skipped."""
    for docs in size_attack_documents(seed, steps, scale):
        timed_out = False
        for doc in docs:
            result = None if timed_out else worker.run(doc)
            lxml = None if timed_out else baseline.run(doc)
            record = _record(doc, "size", result, lxml, worker.timeout_s, worker.killed_peak_rss_mb)
            timed_out = timed_out or record.status == "killed"
            if progress:
                _progress(record)
            yield record


def anchor_document() -> FuzzDocument:
    """The yardstick: ANCHOR_PAGE unchanged (else the largest source page)."""
    pages = source_pages()
    named = [page for page in pages if page.name == ANCHOR_PAGE]
    page = named[0] if named else max(pages, key=lambda p: p.path.stat().st_size)
    return FuzzDocument("anchor", 0, -1, page.load(), page.url, page.name)


def time_anchor(worker: Worker, anchor: FuzzDocument, times: list[float]) -> None:
    """Digest the yardstick page once in the worker; keep its time."""
    result = worker.run(anchor)
    if isinstance(result, tuple):
        times.append(result[0]["seconds"])


def run_mutations(
    worker: Worker,
    baseline: Worker,
    seed: int,
    count: int,
    progress: bool,
    anchor: tuple[FuzzDocument, list[float]] | None = None,
) -> Iterator[Record]:
    """`count` mutated real pages (the yardstick page timed every ANCHOR_EVERY)."""
    for doc in mutation_documents(seed, count):
        if anchor is not None and doc.index % ANCHOR_EVERY == ANCHOR_EVERY - 1:
            time_anchor(worker, *anchor)
        result = worker.run(doc)
        lxml = baseline.run(doc)
        record = _record(doc, "mutation", result, lxml, worker.timeout_s, worker.killed_peak_rss_mb)
        if progress and (record.over_time or record.index % 1000 == 0):
            _progress(record)
        yield record


def _progress(record: Record) -> None:
    seconds = f"{record.seconds:.2f} s" if record.seconds is not None else "-"
    print(
        f"  {record.label:<28} {record.nbytes / MB:7.2f} MB {seconds:>9} {record.status}",
        file=sys.stderr,
        flush=True,
    )


# ---------------------------------------------------------------------------------------------
# Summary


@dataclass(slots=True)
class KindStats:
    """Per-kind totals (time per MB over the documents lxml also parsed)."""

    docs: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    over_time: int = 0
    megabytes: float = 0.0
    digest_s: float = 0.0
    compared_mb: float = 0.0
    compared_digest_s: float = 0.0
    compared_lxml_s: float = 0.0
    max_s: float = 0.0

    def add(self, record: Record) -> None:
        self.docs += 1
        self.statuses[record.status] += 1
        self.over_time += record.over_time
        if record.seconds is None or record.status == "skipped":
            return
        self.megabytes += record.nbytes / MB
        self.digest_s += record.seconds
        self.max_s = max(self.max_s, record.seconds)
        if record.lxml_seconds is not None and record.status != "killed" and not record.lxml_killed:
            self.compared_mb += record.nbytes / MB
            self.compared_digest_s += record.seconds
            self.compared_lxml_s += record.lxml_seconds

    @property
    def ratio(self) -> float | None:
        """Digest time per MB over lxml parse time per MB, on the same inputs."""
        if not self.compared_lxml_s:
            return None
        return self.compared_digest_s / self.compared_lxml_s

    def per_mb(self, seconds: float) -> float | None:
        return seconds * 1000 / self.compared_mb if self.compared_mb else None


def kind_stats(records: Iterable[Record]) -> dict[str, KindStats]:
    """Stats per kind, size attacks after mutations, each group in its own order."""
    stats: dict[str, KindStats] = {}
    for record in records:
        stats.setdefault(record.kind, KindStats()).add(record)
    return stats


@dataclass(slots=True)
class CrashKind:
    """All crashes sharing a type and an innermost project frame."""

    key: str
    first: Record
    count: int = 0
    patterns: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)


def crash_kinds(records: Iterable[Record]) -> list[CrashKind]:
    """Crash kinds, most frequent first."""
    found: dict[str, CrashKind] = {}
    for record in records:
        if record.status != "crash" or record.crash is None:
            continue
        kind = found.setdefault(record.crash_key, CrashKind(record.crash_key, record))
        kind.count += 1
        kind.kinds[record.kind] += 1
        kind.patterns[_pattern(record.crash["message"])] += 1
    return sorted(found.values(), key=lambda k: (-k.count, k.key))


def _pattern(message: str) -> str:
    from testkit.fuzz_run import Crash

    return Crash("", message, "", "", "").pattern


def growth_exponents(records: Sequence[Record]) -> dict[str, float | None]:
    """For each measured size step, log(time ratio) / log(size ratio) against the step before
    (1 linear, 2 quadratic); keyed by label."""
    exponents: dict[str, float | None] = {}
    previous: Record | None = None
    for record in records:
        if record.family != "size":
            continue
        if previous is None or previous.kind != record.kind:
            exponents[record.label] = None
        else:
            exponents[record.label] = _exponent(previous, record)
        previous = record
    return exponents


def _exponent(smaller: Record, larger: Record) -> float | None:
    if smaller.seconds is None or larger.seconds is None or smaller.size == larger.size:
        return None
    if larger.status == "skipped" or smaller.seconds <= 0:
        return None
    size_ratio = (larger.size or 1) / (smaller.size or 1)
    return math.log(larger.seconds / smaller.seconds) / math.log(size_ratio)


@dataclass(slots=True)
class Summary:
    """Everything the report and the targets need."""

    records: list[Record]
    kinds: dict[str, KindStats]
    crashes: list[CrashKind]
    exponents: dict[str, float | None]
    worker_peak_rss_mb: float
    worker_starts: int
    wall_s: float
    anchor: str = ""  # the yardstick page's name
    anchor_s: list[float] = field(default_factory=list)  # its digest times during the run
    load: tuple[float, float] = (0.0, 0.0)  # 1-minute load average before and after

    @property
    def crash_count(self) -> int:
        return sum(k.count for k in self.crashes)

    @property
    def over_time(self) -> list[Record]:
        return [r for r in self.records if r.over_time]

    @property
    def max_seconds(self) -> float:
        return max((r.seconds or 0.0 for r in self.records), default=0.0)

    def worst_ratio(self) -> tuple[str, float]:
        ratios = [(kind, s.ratio) for kind, s in self.kinds.items() if s.ratio is not None]
        return max(((k, r) for k, r in ratios if r is not None), key=lambda kr: kr[1])


def summarise(
    records: list[Record],
    worker: Worker,
    wall_s: float,
    anchor: tuple[FuzzDocument, list[float]],
    load: tuple[float, float],
) -> Summary:
    """Group the records; the worker's peak is the largest of its reports per document (a
    killed worker's peak is read before the kill)."""
    return Summary(
        records=records,
        kinds=kind_stats(records),
        crashes=crash_kinds(records),
        exponents=growth_exponents(records),
        worker_peak_rss_mb=max((r.peak_rss_mb or 0.0 for r in records), default=0.0),
        worker_starts=worker.starts,
        wall_s=wall_s,
        anchor=anchor[0].source,
        anchor_s=anchor[1],
        load=load,
    )


# ---------------------------------------------------------------------------------------------
# Report


def _s(seconds: float | None, killed: bool = False) -> str:
    if seconds is None:
        return "-"
    return f"> {seconds:.0f}" if killed else f"{seconds:.3f}"


def _x(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}×"


def _table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def targets(summary: Summary, atheris: dict[str, Any] | None) -> list[tuple[str, str, str, bool]]:
    """(target, measured, limit, passed) for every target of issue 11."""
    worst_kind, worst = summary.worst_ratio()
    rows = [
        ("crashes", str(summary.crash_count), str(MAX_CRASHES), summary.crash_count <= MAX_CRASHES),
        (
            f"documents over {SLOW_S:g} s",
            str(len(summary.over_time)),
            "0",
            not summary.over_time,
        ),
        (
            "time per MB vs lxml parse, worst kind",
            f"{worst:.1f}× ({worst_kind})",
            f"{MAX_VS_LXML:g}×",
            all(s.ratio is None or s.ratio <= MAX_VS_LXML for s in summary.kinds.values()),
        ),
        (
            "peak RSS of one worker",
            f"{summary.worker_peak_rss_mb:.0f} MB",
            f"{MAX_RSS_MB:.0f} MB",
            summary.worker_peak_rss_mb <= MAX_RSS_MB,
        ),
    ]
    if atheris is not None and atheris.get("ran"):
        new = len(atheris.get("new_kinds", []))
        rows.append(("atheris: crash kinds not in the seeded run", str(new), "0", new == 0))
    return rows


def report(summary: Summary, args: argparse.Namespace, atheris: dict[str, Any] | None) -> str:
    """The markdown report."""
    records = summary.records
    sizes = [r for r in records if r.family == "size"]
    status = Counter(r.status for r in records)
    lines = [
        f"## Fuzz run: seed {args.seed}, {len(records)} documents "
        f"({len(records) - len(sizes)} mutations of {len(source_pages())} pages, "
        f"{len(sizes)} size-attack documents), timeout {args.timeout:g} s, "
        f"{summary.wall_s:.0f} s wall",
        "",
        _anchor_line(summary),
        "",
    ]
    lines += _table(
        [
            "documents",
            "ok",
            "refused",
            "crashes",
            "crash kinds",
            f"over {SLOW_S:g} s",
            "killed at timeout",
            "skipped",
            "max time",
            "peak RSS (one worker)",
            "worker starts",
        ],
        [
            [
                len(records),
                status["ok"],
                status["refused"],
                summary.crash_count,
                len(summary.crashes),
                len(summary.over_time),
                status["killed"],
                status["skipped"],
                f"{summary.max_seconds:.2f} s",
                f"{summary.worker_peak_rss_mb:.0f} MB",
                summary.worker_starts,
            ]
        ],
    )
    lines += ["", "### Targets", ""]
    lines += _table(
        ["target", "measured", "limit", "result"],
        [[t, m, lim, "pass" if ok else "FAIL"] for t, m, lim, ok in targets(summary, atheris)],
    )
    lines += ["", "### Per kind (time per MB over the inputs lxml also parsed)", ""]
    lines += _kind_rows(summary)
    lines += [
        "",
        "### Size attacks (growth: time ratio when the size doubles; 2 linear, 4 quadratic)",
        "",
    ]
    lines += _size_rows(summary)
    lines += ["", "### Crash kinds", ""]
    lines += _crash_rows(summary.crashes)
    lines += ["", "### Slowest documents", ""]
    slowest = sorted(records, key=lambda r: -(r.seconds or 0.0))[:12]
    lines += _table(
        ["document", "from", "MB", "seconds", "status", "rebuild"],
        [
            [
                r.label,
                r.source[:40],
                f"{r.nbytes / MB:.2f}",
                _s(r.seconds, r.status == "killed"),
                r.status,
                f"`{r.reproduce}`",
            ]
            for r in slowest
        ],
    )
    lines += ["", "### Peak RSS drivers (per-document peak of the worker)", ""]
    heaviest = sorted(records, key=lambda r: -(r.peak_rss_mb or 0.0))[:8]
    lines += _table(
        ["document", "from", "MB in", "peak RSS MB", "seconds"],
        [
            [
                r.label,
                r.source[:40],
                f"{r.nbytes / MB:.2f}",
                f"{r.peak_rss_mb or 0:.0f}",
                _s(r.seconds),
            ]
            for r in heaviest
        ],
    )
    if atheris is not None:
        lines += ["", "### atheris (coverage-guided)", "", *_atheris_rows(atheris)]
    return "\n".join(lines)


def _anchor_line(summary: Summary) -> str:
    times = sorted(summary.anchor_s)
    measured = (
        f"took {times[len(times) // 2]:.2f} s (median of {len(times)}; "
        f"{times[0]:.2f}-{times[-1]:.2f} s)"
        if times
        else "could not be timed"
    )
    before, after = summary.load
    return (
        f"Yardstick: {summary.anchor}, the corpus's slowest real page (0.3-0.4 s on an idle "
        f"machine), {measured} in the same worker during this run; load average {before:.1f} "
        f"before, {after:.1f} after, on {os.cpu_count()} cores."
    )


def _kind_rows(summary: Summary) -> list[str]:
    rows = []
    for kind, s in summary.kinds.items():
        rows.append(
            [
                kind,
                s.docs,
                s.statuses["ok"],
                s.statuses["refused"],
                s.statuses["crash"],
                s.over_time,
                f"{s.megabytes:.1f}",
                _ms(s.per_mb(s.compared_digest_s)),
                _ms(s.per_mb(s.compared_lxml_s)),
                _x(s.ratio),
                f"{s.max_s:.2f}",
            ]
        )
    return _table(
        [
            "kind",
            "docs",
            "ok",
            "refused",
            "crash",
            f"over {SLOW_S:g} s",
            "MB",
            "digest ms/MB",
            "lxml ms/MB",
            "×lxml",
            "max s",
        ],
        rows,
    )


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def _size_rows(summary: Summary) -> list[str]:
    rows = []
    for r in (r for r in summary.records if r.family == "size"):
        exponent = summary.exponents.get(r.label)
        growth = "-" if exponent is None else f"{2**exponent:.1f}"
        if exponent is not None and r.status == "killed":
            growth = "> " + growth  # the time is the timeout: a lower bound
        flag = (
            " super-linear"
            if exponent is not None
            and exponent > SUPERLINEAR_EXPONENT
            and (r.seconds or 0) >= MIN_GROWTH_SECONDS
            else ""
        )
        ratio = (r.seconds / r.lxml_seconds) if r.seconds and r.lxml_seconds else None
        result = r.status + (f" ({r.crash_key})" if r.crash_key else "")
        rows.append(
            [
                r.kind,
                f"{r.size:,}",
                SIZE_ATTACKS[r.kind].unit,
                f"{r.nbytes / MB:.2f}",
                _s(r.seconds, r.status == "killed"),
                _s(r.lxml_seconds, r.lxml_killed),
                _x(ratio),
                growth + flag,
                result,
                f"{r.peak_rss_mb:.0f}" if r.peak_rss_mb else "-",
            ]
        )
    return _table(
        [
            "attack",
            "size",
            "unit",
            "MB",
            "digest s",
            "lxml s",
            "×lxml",
            "growth ×2",
            "result",
            "peak RSS MB",
        ],
        rows,
    )


def _crash_rows(crashes: Sequence[CrashKind]) -> list[str]:
    if not crashes:
        return ["none"]
    rows = []
    for n, kind in enumerate(crashes, 1):
        crash = kind.first.crash or {}
        patterns = "; ".join(p for p, _ in kind.patterns.most_common(2))
        by_kind = ", ".join(f"{k} {c}" for k, c in kind.kinds.most_common(4))
        rows.append(
            [
                n,
                crash.get("type", "?"),
                patterns.replace("|", "\\|"),
                f"{crash.get('where', '?')} {crash.get('function', '?')}",
                crash.get("raised_at", "?"),
                kind.count,
                by_kind,
                f"`{kind.first.reproduce}`",
            ]
        )
    return _table(
        [
            "#",
            "exception",
            "message pattern",
            "where (project frame)",
            "raised at",
            "count",
            "by kind",
            "first example",
        ],
        rows,
    )


def _atheris_rows(atheris: dict[str, Any]) -> list[str]:
    if not atheris.get("ran"):
        return [f"not run: {atheris.get('reason', '?')}"]
    lines = [
        f"{atheris['seconds']} s, {atheris.get('runs', '?')} executions, "
        f"coverage {atheris.get('coverage', '?')}, {atheris.get('restarts', 0)} restarts "
        f"after a slow or fatal input; inputs in {atheris['workdir']}",
        "",
    ]
    kinds = atheris.get("kinds", [])
    lines += (
        _table(
            ["crash kind", "new vs the seeded run", "message", "input"],
            [
                [k["key"], "yes" if k["new"] else "no", k["message"][:100], k["input"]]
                for k in kinds
            ],
        )
        if kinds
        else ["no crash found"]
    )
    for slow in atheris.get("slow", []):
        lines.append(f"- slow or fatal input ({slow['kind']}): {slow['path']}")
    return lines


# ---------------------------------------------------------------------------------------------
# atheris (coverage-guided fuzzing in a child process)

_ATHERIS_DICT = (
    "<title>",
    "</title>",
    "<h1>",
    "<h2>",
    "<p>",
    "<br>",
    "<pre>",
    "<table>",
    "<td>",
    '<meta property="og:title" content="',
    '<meta property="og:url" content="',
    '<meta property="article:published_time" content="',
    '<meta name="keywords" content="',
    '<meta charset="',
    '<link rel="canonical" href="',
    '<a rel="tag" href="/t">',
    '<script type="application/ld+json">',
    "</script>",
    '"@id"',
    '"@type"',
    '"@graph"',
    '"NewsArticle"',
    '"headline"',
    '"author"',
    '"publisher"',
    '"datePublished"',
    '"keywords"',
    'itemprop="author"',
    'itemprop="name"',
    'itemprop="datePublished"',
    '<time datetime="',
    "<b>Tags:</b>",
    " | ",
    " - ",
    "http://[::1",
    "\\u0000",
    "\x00",
    "\ufeff",
    "&#0;",
)


def atheris_input(data: bytes) -> tuple[str | bytes, str | None]:
    """Fuzzer bytes -> (html, url): the first byte picks bytes/str input and the URL."""
    if not data:
        return b"", None
    mode, rest = data[0] % 4, data[1:]
    if mode == 0:
        return rest, DEFAULT_URL
    if mode == 1:
        return rest.decode("utf-8", "replace"), DEFAULT_URL
    if mode == 2:
        return rest, None
    url, _, page = rest.partition(b"\n")
    return page, url.decode("utf-8", "replace")


def _atheris_child(workdir: Path, seconds: int) -> None:
    """Run inside the child: instrument the engine, fuzz `digest_html`, log new crash kinds to
    workdir/findings.jsonl (the fuzzer goes on after a Python exception; libFuzzer itself stops
    on a timeout or an out-of-memory, and the parent restarts it)."""
    atheris = importlib.import_module("atheris")
    with atheris.instrument_imports(include=["summarizer"]):
        summarizer = importlib.import_module("summarizer")
    from testkit.fuzz_run import describe_crash

    findings = workdir / "findings.jsonl"
    seen = {json.loads(line)["key"] for line in _lines(findings)}

    def test_one_input(data: bytes) -> None:
        html, url = atheris_input(data)
        try:
            summarizer.digest_html(html, url)
        except summarizer.SummarizerError:
            return
        except Exception as error:
            crash = describe_crash(error)
            if crash.key in seen:
                return
            seen.add(crash.key)
            path = workdir / f"crash-{len(seen):03d}.bin"
            path.write_bytes(data)
            entry = {"key": crash.key, "message": crash.message, "input": str(path)}
            with findings.open("a") as out:
                out.write(json.dumps({**entry, "raised_at": crash.raised_at}) + "\n")

    argv = [
        sys.argv[0],
        f"-max_total_time={seconds}",
        "-timeout=10",
        "-report_slow_units=1",
        "-rss_limit_mb=2048",
        "-max_len=65536",
        f"-artifact_prefix={workdir}/",
        f"-dict={workdir / 'html.dict'}",
        "-print_final_stats=1",
        str(workdir / "corpus"),
    ]
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


def _lines(path: Path) -> list[str]:
    return path.read_text().splitlines() if path.exists() else []


def _prepare_atheris(workdir: Path) -> None:
    """Seed corpus (fixtures and small corpus pages, mode byte 0) and a dictionary of tokens."""
    corpus = workdir / "corpus"
    corpus.mkdir(parents=True, exist_ok=True)
    small = [p for p in source_pages() if p.path.stat().st_size < 20_000][:40]
    for n, page in enumerate([*fixture_pages(), *small]):
        data = page.load()
        if len(data) <= 65_535:
            (corpus / f"seed-{n:03d}").write_bytes(b"\x00" + data)
    entries = [_dict_entry(token.encode("utf-8")) for token in _ATHERIS_DICT]
    (workdir / "html.dict").write_text("\n".join(entries) + "\n")


def _dict_entry(token: bytes) -> str:
    """One libFuzzer dictionary line: printable ASCII as is, other bytes as \\xNN."""
    quoted = "".join(
        chr(b) if 0x20 <= b < 0x7F and b not in b'"\\' else f"\\x{b:02X}" for b in token
    )
    return f'"{quoted}"'


def run_atheris(seconds: int, known: set[str]) -> dict[str, Any]:
    """Fuzz for `seconds` in child processes; the crash kinds found, new ones flagged."""
    try:
        importlib.import_module("atheris")
    except ImportError as error:
        return {
            "ran": False,
            "reason": f"atheris is not installed ({error}); "
            "`.venv/bin/pip install atheris` (manylinux wheels for CPython 3.11)",
        }
    workdir = Path(tempfile.mkdtemp(prefix="skim-atheris-", dir=RESULTS))
    _prepare_atheris(workdir)
    deadline = time.monotonic() + seconds
    restarts, runs, coverage = -1, 0, "?"
    while (left := int(deadline - time.monotonic())) > 2:
        restarts += 1
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--atheris-child",
            str(workdir),
            "--atheris",
            str(left),
        ]
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            check=False,
            timeout=left + 60,
        )
        (workdir / f"log-{restarts}.txt").write_text(done.stderr[-200_000:])
        if "INFO: Seed:" not in done.stderr:  # libFuzzer never started: say why, do not loop
            reason = " / ".join(done.stderr.strip().splitlines()[-2:])
            return {"ran": False, "reason": f"atheris did not start: {reason}"}
        runs += _stat(done.stderr, "stat::number_of_executed_units:")
        coverage = _last_coverage(done.stderr) or coverage
    found = [json.loads(line) for line in _lines(workdir / "findings.jsonl")]
    kinds = [{**k, "new": k["key"] not in known} for k in found]
    slow = [
        {"kind": p.name.split("-")[0], "path": str(p)}
        for p in sorted(workdir.iterdir())
        if p.name.startswith(("slow-unit", "timeout", "oom"))
    ]
    return {
        "ran": True,
        "seconds": seconds,
        "runs": runs,
        "coverage": coverage,
        "restarts": max(restarts, 0),
        "workdir": str(workdir),
        "kinds": kinds,
        "new_kinds": [k["key"] for k in kinds if k["new"]],
        "slow": slow,
    }


def _stat(log: str, name: str) -> int:
    for line in reversed(log.splitlines()):
        if line.startswith(name):
            return int(line.split()[-1])
    return 0


def _last_coverage(log: str) -> str | None:
    for line in reversed(log.splitlines()):
        if " cov: " in line:
            parts = line.split()
            return f"cov {parts[parts.index('cov:') + 1]}, ft {parts[parts.index('ft:') + 1]}"
    return None


# ---------------------------------------------------------------------------------------------
# Main


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="documents in all")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        help="seconds per document before its worker is killed",
    )
    parser.add_argument(
        "--size-steps",
        type=int,
        default=DEFAULT_SIZE_STEPS,
        help="doubling sizes per size attack, ending at its top size",
    )
    parser.add_argument(
        "--size-scale",
        type=float,
        default=1.0,
        help="scale the size attacks' top sizes (below 1 for a quick run)",
    )
    parser.add_argument(
        "--atheris",
        type=int,
        default=DEFAULT_ATHERIS_S,
        metavar="SECONDS",
        help="atheris time after the seeded run (0: none)",
    )
    parser.add_argument("--atheris-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, default=RESULTS / "fuzz.json")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the seeded documents, then atheris; print and save the report."""
    args = _arguments(argv)
    if args.atheris_child is not None:
        _atheris_child(args.atheris_child, args.atheris)
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    load_before = os.getloadavg()[0]
    worker = Worker(args.timeout)
    baseline = Worker(args.timeout, role="lxml")
    anchor: tuple[FuzzDocument, list[float]] = (anchor_document(), [])
    time_anchor(worker, *anchor)
    records = list(
        run_size_attacks(
            worker, baseline, args.seed, args.size_steps, args.size_scale, not args.quiet
        )
    )
    remaining = max(0, args.count - len(records))
    records += run_mutations(worker, baseline, args.seed, remaining, not args.quiet, anchor)
    time_anchor(worker, *anchor)
    worker.close()
    baseline.close()
    load = (load_before, os.getloadavg()[0])
    summary = summarise(records, worker, time.monotonic() - start, anchor, load)
    atheris = run_atheris(args.atheris, {k.key for k in summary.crashes}) if args.atheris else None
    table = report(summary, args, atheris)
    print(table)
    passed = all(ok for *_, ok in targets(summary, atheris))
    _write_json(args, summary, atheris, table, passed)
    return 0 if passed else 1


def _write_json(
    args: argparse.Namespace,
    summary: Summary,
    atheris: dict[str, Any] | None,
    table: str,
    passed: bool,
) -> None:
    data = {
        "seed": args.seed,
        "count": len(summary.records),
        "timeout_s": args.timeout,
        "size_steps": args.size_steps,
        "passed": passed,
        "targets": [
            {"target": t, "measured": m, "limit": lim, "passed": ok}
            for t, m, lim, ok in targets(summary, atheris)
        ],
        "worker_peak_rss_mb": summary.worker_peak_rss_mb,
        "anchor": {"page": summary.anchor, "seconds": summary.anchor_s},
        "load_average": summary.load,
        "max_seconds": summary.max_seconds,
        "kinds": {
            kind: {
                "docs": s.docs,
                "statuses": dict(s.statuses),
                "over_time": s.over_time,
                "megabytes": s.megabytes,
                "ratio_vs_lxml": s.ratio,
                "max_s": s.max_s,
            }
            for kind, s in summary.kinds.items()
        },
        "crash_kinds": [
            {
                "key": k.key,
                "count": k.count,
                "patterns": dict(k.patterns),
                "by_kind": dict(k.kinds),
                "first": dataclasses.asdict(k.first),
            }
            for k in summary.crashes
        ],
        "growth_exponents": summary.exponents,
        "atheris": atheris,
        "records": [dataclasses.asdict(r) for r in summary.records],
        "table": table,
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(data, indent=1, default=str))


if __name__ == "__main__":
    sys.exit(main())
