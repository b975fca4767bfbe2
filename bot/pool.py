"""CPU-bound digesting off the event loop: a small pool of worker processes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Literal, TypeVar

from summarizer import Digest, SummarizerError, digest_html

log = logging.getLogger(__name__)

T = TypeVar("T")
PoolKind = Literal["process", "thread"]


class WorkerCrashed(SummarizerError):
    """A worker process died on a page (a parser crash, or killed for memory)."""


class DigestTimeout(SummarizerError):
    """A page took longer than the pool's deadline to digest; its worker was stopped."""


def digest_page(html: str, url: str | None) -> Digest:
    """Run in a worker: the engine's pure digest of one page."""
    return digest_html(html, url)


# Workers parse at a lower CPU priority than the bot's event loop, so that on a small machine a
# burst of pages never delays the gateway heartbeat or an interaction's defer.
WORKER_NICENESS = 10
# The longest one page may take to digest (the slowest corpus page takes about 0.4 s).
DIGEST_TIMEOUT_S = 20.0


def _warm_up() -> None:
    """Runs first in each new worker: importing this module already loaded the engine; lower
    the worker's priority below the event loop's; and ignore Ctrl-C, which the terminal sends
    to the whole process group: the bot stops its workers itself, and a worker interrupted
    mid-wait would print a KeyboardInterrupt traceback."""
    with contextlib.suppress(AttributeError, OSError):  # os.nice is POSIX only
        os.nice(WORKER_NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _stop_workers(executor: Executor) -> None:
    """Terminate a process pool's workers (ProcessPoolExecutor has no public way to in 3.11)."""
    processes = getattr(executor, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(Exception):
            process.terminate()


class DigestPool:
    """A bounded pool of workers for `digest_html`: the gateway heartbeat never waits on parsing.

    At most `workers` pages are parsed at once and at most `max_pending` wait for a worker;
    beyond that, callers wait on the event loop (cheaply) rather than pile up in the executor.
    """

    def __init__(
        self,
        workers: int = 2,
        *,
        max_pending: int = 32,
        kind: PoolKind = "process",
        timeout_s: float = DIGEST_TIMEOUT_S,
    ) -> None:
        if workers < 1:
            raise ValueError("the pool needs at least one worker")
        self.workers = workers
        self.kind = kind
        self.timeout_s = timeout_s
        self._slots = asyncio.Semaphore(workers + max_pending)
        self._executor = self._new_executor()
        self.jobs = 0  # pages given to the pool and not finished yet (running or waiting)

    def _new_executor(self) -> Executor:
        if self.kind == "thread":
            return ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="skim-digest")
        # forkserver: workers fork from a clean server process, never from the bot's threads
        # (aiosqlite, the fetcher) which a plain fork would copy half-locked. (Windows: spawn.)
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=context, initializer=_warm_up
        )

    async def run(self, function: Callable[..., T], *args: object) -> T:
        """Run `function(*args)` in a worker and wait for its result without blocking the loop."""
        self.jobs += 1
        try:
            return await self._run(function, *args)
        finally:
            self.jobs -= 1

    async def _run(self, function: Callable[..., T], *args: object) -> T:
        async with self._slots:
            loop = asyncio.get_running_loop()
            executor = self._executor
            try:
                return await asyncio.wait_for(
                    loop.run_in_executor(executor, function, *args), self.timeout_s
                )
            except BrokenProcessPool:
                # A dead worker breaks the whole pool: replace it so the next page still works.
                self._replace(executor, "a digest worker died")
                raise WorkerCrashed("the page could not be read (the parser crashed)") from None
            except TimeoutError:
                # A pathological page must not hold a worker for ever: stop the pool's workers
                # (pages they were on fail as crashed) and carry on with a fresh pool.
                _stop_workers(executor)  # first: shutting the executor down forgets its workers
                self._replace(executor, f"a page took over {self.timeout_s:.0f} s to digest")
                raise DigestTimeout("the page took too long to read") from None

    def _replace(self, executor: Executor, why: str) -> None:
        if self._executor is executor:
            log.error("%s; starting a fresh pool", why)
            self._executor = self._new_executor()
            executor.shutdown(wait=False, cancel_futures=True)

    async def digest(self, html: str, url: str | None) -> Digest:
        """Digest one page in a worker."""
        return await self.run(digest_page, html, url)

    async def close(self) -> None:
        """Stop the workers, dropping queued work; waits off the loop for them to exit."""
        await asyncio.to_thread(self._executor.shutdown, wait=True, cancel_futures=True)

    async def __aenter__(self) -> DigestPool:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
