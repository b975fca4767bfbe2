"""The bot's side of the load benchmark: the real SkimBot in its own process, reporting on cue.

Reads its settings from the environment like `python -m bot`, then speaks JSON lines on stdout:
`{"event": "ready"}` once connected; then, for each `mark NAME` line on stdin, a report on the
window NAME that just ended (largest event-loop lag in it, a probe of where that lag came from,
peak RSS so far); for `stop NAME`, the same plus its worker processes' peak RSS, and it closes.
Logs go to stderr. SKIM_LOAD_PROFILE=PREFIX saves a cProfile of each window (PREFIX-NAME.prof);
SKIM_LOAD_TRACEMALLOC=PREFIX saves each window's largest Python allocation sites at its highest
traced size (PREFIX-NAME.txt; slow);
SKIM_LOAD_SLOW_CALLBACK_S=0.03 has asyncio log every callback that holds the loop that long;
SKIM_LOAD_NICE_WORKERS=10 lowers the digest workers' CPU priority after the warm-up (experiment).
SKIM_LOAD_STALL=1 (the hostile phase's `--stall` run) makes a marked page stall in its worker.
Not meant to be run by hand: `bot_process.py` starts it (see `bot_process.launcher`).
"""

from __future__ import annotations

import asyncio
import contextlib
import cProfile
import gc
import json
import logging
import os
import resource
import signal
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import bot.pool
from benchmarks.load.stall import STALL_SETTING, digest_or_stall
from bot.__main__ import configure_logging
from bot.client import LAG_SAMPLE_SECONDS, SkimBot, discord_endpoints, make_bot
from bot.config import Settings, load_settings
from bot.services import open_services

log = logging.getLogger("benchmarks.load.bot_main")

# discord.py waits this long after the last GUILD_CREATE before READY (2 s by default); the fake
# sends every guild at once, so waiting only delays the start (the e2e tests do the same).
GUILD_READY_TIMEOUT = 0.05
READY_TIMEOUT_S = 60.0


def peak_rss_mb() -> float:
    """This process's own peak resident set size (VmHWM).

    Not ru_maxrss: across an exec Linux keeps the larger of the old and the new image's peaks,
    so a child forked from the benchmark (which holds the corpus) would report the benchmark's
    size. ru_maxrss only where /proc is missing.
    """
    own = peak_rss_of(os.getpid())
    return own or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def descendants(pid: int) -> list[int]:
    """Every live descendant of `pid` (the forkserver and the pool's workers), from /proc."""
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        for task in Path(f"/proc/{parent}/task").glob("*/children"):
            with contextlib.suppress(OSError):
                children = [int(child) for child in task.read_text().split()]
                found += children
                pending += children
    return found


def peak_rss_of(pid: int) -> float:
    """A process's peak RSS in MiB (VmHWM), 0 when it is gone."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


class LagProbe:
    """A second lag sampler, for diagnosis: how much CPU the loop got in each late window.

    A window that is late while the loop thread burned CPU the whole time was held by a slow
    callback; late while the process burned CPU in other threads means GIL contention; late
    with little CPU anywhere means the OS gave the cores to other processes.
    """

    def __init__(self) -> None:
        self.windows: list[dict[str, float]] = []
        self.preempted_at_mark = resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw
        self.gc_s = 0.0  # time spent in the cyclic garbage collector, all threads
        self.gc_longest_s = 0.0  # the longest collection since the last mark
        self._gc_started = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
            return
        took = time.perf_counter() - self._gc_started
        self.gc_s += took
        self.gc_longest_s = max(self.gc_longest_s, took)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            started, thread, process = loop.time(), time.thread_time(), time.process_time()
            collecting = self.gc_s
            await asyncio.sleep(LAG_SAMPLE_SECONDS)
            self.windows.append(
                {
                    "lag_ms": (loop.time() - started - LAG_SAMPLE_SECONDS) * 1000,
                    "loop_cpu_ms": (time.thread_time() - thread) * 1000,
                    "process_cpu_ms": (time.process_time() - process) * 1000,
                    "gc_ms": (self.gc_s - collecting) * 1000,
                    "at": loop.time(),  # CLOCK_MONOTONIC, the benchmark's perf_counter on Linux
                }
            )

    def mark(self) -> dict[str, Any]:
        """The five latest-waking windows and the preemptions since the last mark; start anew."""
        worst = sorted(self.windows, key=lambda window: window["lag_ms"])[-5:]
        preempted = resource.getrusage(resource.RUSAGE_SELF).ru_nivcsw
        lagged = sum(window["lag_ms"] > LAG_SAMPLE_SECONDS * 1000 for window in self.windows)
        report = {
            "worst_lag_windows": worst[::-1],
            "windows": len(self.windows),
            "windows_late_over_50ms": lagged,
            "involuntary_switches": preempted - self.preempted_at_mark,
            "gc_longest_ms": self.gc_longest_s * 1000,
        }
        self.gc_longest_s = 0.0
        self.windows, self.preempted_at_mark = [], preempted
        return report


class Profiles:
    """With SKIM_LOAD_PROFILE=PREFIX, a cProfile of each window, saved as PREFIX-NAME.prof."""

    def __init__(self, prefix: str | None) -> None:
        self.prefix = prefix
        self.profiler: cProfile.Profile | None = None
        self.next_window()

    def next_window(self, finished: str | None = None) -> None:
        """Save the window that just ended (if named) and start profiling the next one."""
        if self.prefix is None:
            return
        if self.profiler is not None:
            self.profiler.disable()
            if finished is not None:
                self.profiler.dump_stats(f"{self.prefix}-{finished}.prof")
        self.profiler = cProfile.Profile()
        self.profiler.enable()


class MemoryTrace:
    """With SKIM_LOAD_TRACEMALLOC=PREFIX, what Python held at each window's peak: tracemalloc
    on from the ready line, a snapshot whenever the traced size reaches a new high in the
    window, its largest allocation sites saved as PREFIX-NAME.txt (slows the bot: diagnosis)."""

    SAMPLE_S = 0.25
    FRAMES = 8

    def __init__(self, prefix: str | None) -> None:
        self.prefix = prefix
        self.high = 0
        self.snapshot: tracemalloc.Snapshot | None = None
        if prefix is not None:
            tracemalloc.start(self.FRAMES)

    async def run(self) -> None:
        """Keep the snapshot of the window's highest traced size."""
        if self.prefix is None:
            return
        while True:
            current, _ = tracemalloc.get_traced_memory()
            if current > self.high:
                self.high, self.snapshot = current, tracemalloc.take_snapshot()
            await asyncio.sleep(self.SAMPLE_S)

    def next_window(self, finished: str) -> None:
        """Save the window's peak snapshot's largest sites, and start the next window."""
        if self.prefix is None or self.snapshot is None:
            return
        snapshot = self.snapshot.filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
        lines = [f"traced at the window's high: {self.high / 2**20:.1f} MiB"]
        for stat in snapshot.statistics("traceback")[:25]:
            lines.append(f"{stat.size / 2**20:8.2f} MiB in {stat.count} blocks")
            lines += [f"    {frame}" for frame in stat.traceback.format()[-2 * self.FRAMES :]]
        Path(f"{self.prefix}-{finished}.txt").write_text("\n".join(lines) + "\n")
        self.high, self.snapshot = 0, None


def report(event: str, window: str, bot: SkimBot, **extra: Any) -> None:
    """One JSON line on stdout for the benchmark."""
    line = {
        "event": event,
        "window": window,
        "loop_lag_max_s": bot.loop_lag_max,
        "peak_rss_mb": peak_rss_mb(),
    }
    print(json.dumps(line | extra), flush=True)


# Peak RSS of every descendant seen, by pid: the pool replaces a worker after a timeout and
# starts and retires spares, so a process gone by the end still counts (sampled: see below).
_CHILD_PEAKS: dict[int, float] = {}
CHILD_SAMPLE_S = 0.5


async def sample_children() -> None:
    """Note each descendant's peak RSS every CHILD_SAMPLE_S, so that workers that exit before
    the end (a killed or retired one) are reported too."""
    while True:
        for pid in descendants(os.getpid()):
            _CHILD_PEAKS[pid] = max(_CHILD_PEAKS.get(pid, 0.0), peak_rss_of(pid))
        await asyncio.sleep(CHILD_SAMPLE_S)


def workers_report() -> dict[str, Any]:
    """Peak RSS of each descendant process (the forkserver and the digest workers), those
    gone before the end included."""
    for pid in descendants(os.getpid()):
        _CHILD_PEAKS[pid] = max(_CHILD_PEAKS.get(pid, 0.0), peak_rss_of(pid))
    peaks = dict(_CHILD_PEAKS)
    return {"children_peak_rss_mb": list(peaks.values()), "children": len(peaks)}


def renice_workers(niceness: int) -> None:
    """Experiment: lower the digest workers' CPU priority, as an operator could with renice."""
    for pid in descendants(os.getpid()):
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, pid, niceness)
    log.warning("digest workers reniced to %d (SKIM_LOAD_NICE_WORKERS)", niceness)


async def commands(bot: SkimBot, probe: LagProbe, profiles: Profiles, memory: MemoryTrace) -> None:
    """Obey stdin: `mark NAME` ends the window NAME and reports on it; `stop NAME` also stops.

    Each report holds the bot's own largest loop lag in the window (then reset, so every window
    is measured alone), the probe's view of it, and the peak RSS so far.
    """
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while line := (await reader.readline()).decode().strip():
        command, _, window = line.partition(" ")
        profiles.next_window(window)
        memory.next_window(window)
        if window == "start" and (niceness := os.environ.get("SKIM_LOAD_NICE_WORKERS")):
            renice_workers(int(niceness))
        if command == "stop":
            report("stop", window, bot, **workers_report(), **probe.mark())
            return
        report("mark", window, bot, **probe.mark())
        bot.loop_lag_max = 0.0
    report("stop", "", bot, **workers_report(), **probe.mark())


async def run() -> int:
    """Start the bot, say when it is ready, obey stdin, close it."""
    if os.environ.get(STALL_SETTING):
        bot.pool.digest_page = digest_or_stall  # test-only: see benchmarks/load/stall.py
    settings = load_settings(env_file=None)
    async with open_services(settings) as services:
        with discord_endpoints(settings.discord):
            return await serve(make_bot(settings, services), settings)


async def serve(bot: SkimBot, settings: Settings) -> int:
    """Start the bot, say when it is ready, obey stdin, close it."""
    bot._connection.guild_ready_timeout = GUILD_READY_TIMEOUT
    started = asyncio.create_task(bot.start(settings.discord.token.get_secret_value()))
    ready = asyncio.create_task(bot.wait_until_ready())
    done, _ = await asyncio.wait(
        {started, ready}, timeout=READY_TIMEOUT_S, return_when="FIRST_COMPLETED"
    )
    if ready not in done:
        ready.cancel()
        log.error("the bot did not become ready within %.0fs", READY_TIMEOUT_S)
        await bot.close()
        return 1
    print(json.dumps({"event": "ready", "pid": os.getpid()}), flush=True)
    loop = asyncio.get_running_loop()
    if slow := os.environ.get("SKIM_LOAD_SLOW_CALLBACK_S"):
        # Diagnosis only: asyncio logs every callback that holds the loop longer than this.
        loop.set_debug(True)
        loop.slow_callback_duration = float(slow)
    probe = LagProbe()
    probing = asyncio.create_task(probe.run())
    sampling = asyncio.create_task(sample_children())
    profiles = Profiles(os.environ.get("SKIM_LOAD_PROFILE"))
    memory = MemoryTrace(os.environ.get("SKIM_LOAD_TRACEMALLOC"))
    tracing = asyncio.create_task(memory.run())
    stop = asyncio.create_task(commands(bot, probe, profiles, memory))
    loop.add_signal_handler(signal.SIGTERM, stop.cancel)
    with contextlib.suppress(asyncio.CancelledError):
        await stop
    probing.cancel()
    sampling.cancel()
    tracing.cancel()
    await bot.close()
    with contextlib.suppress(asyncio.CancelledError):
        await asyncio.wait_for(started, 30)
    return 0


def main() -> int:
    """Log warnings and errors on stderr (the benchmark counts them) and run."""
    configure_logging(os.environ.get("LOG_LEVEL", "WARNING"))
    return asyncio.run(run())


if __name__ == "__main__":
    sys.exit(main())
