"""CPU-bound digesting off the event loop, where a slow page costs only itself.

Each worker process is its own one-process executor: a page that overruns the deadline has its
worker killed and replaced while the pages on the other workers finish (a ProcessPoolExecutor
of several processes cannot lose one without breaking all). While a page has been running for
longer than any real page takes, a spare worker takes the pages queued behind it, so that with
the default single worker one slow page does not hold up everyone's digests. Pages waiting for
a worker go smallest first (the engine's cost is linear in the page), so an ordinary article
never queues behind a pile of multi-megabyte pages; none waits longer than `MAX_QUEUE_S` for
its turn that way.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import importlib
import itertools
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing.context import BaseContext
from typing import Literal, TypeVar

from summarizer import Digest, NotAnArticle, SummarizerError

log = logging.getLogger(__name__)

T = TypeVar("T")
PoolKind = Literal["process", "thread"]


class _Unreadable(NotAnArticle):
    """A page the bot could not digest at all: remembered like one that is not an article
    (`bot/digests.py`), so a re-paste costs nothing; the message is the reason alone."""

    def __init__(self, reason: str) -> None:
        SummarizerError.__init__(self, reason)
        self.reason = reason


class WorkerCrashed(_Unreadable):
    """A worker process died on the page (a parser crash, or killed for memory)."""


class DigestTimeout(_Unreadable):
    """The page took longer than the pool's deadline to digest; its worker was replaced."""


def digest_page(html: str, url: str | None) -> Digest:
    """Run in a worker: the engine's pure digest of one page."""
    from summarizer.pipeline import digest_html  # loaded by _warm_up; the bot never loads it

    return digest_html(html, url)


def digest_document(text: str, url: str | None, markdown: bool) -> Digest:
    """Run in a worker: the engine's pure digest of a text document, a Markdown one rendered
    first (up to MAX_MARKDOWN_CHARS: summarizer/extract/limits.py), parsing like any page's."""
    from summarizer.pipeline import digest_text

    return digest_text(text, url, markdown=markdown)


# Workers parse at a lower CPU priority than the bot's event loop, so that on a small machine a
# burst of pages never delays the gateway heartbeat or an interaction's defer.
WORKER_NICENESS = 10
# The longest one page may take to digest (the slowest corpus page takes about 0.4 s, and the
# engine's limits keep hostile pages around a second).
DIGEST_TIMEOUT_S = 20.0
# A page running longer than this is slow: a spare worker then takes the pages behind it.
# Real pages take under 0.4 s and hostile ones about a second; on a loaded machine lower values
# started spares for ordinary pages, whose start-ups cost the CPU the burst needed.
SLOW_AFTER_S = 2.0
# Spare workers at most, beside the pool's own (each costs a worker's memory while it lives).
SPARE_WORKERS = 1
# Waiting pages are served smallest first in steps of this size: pages of one step keep their
# order (nearly every article is under 1 MiB, so ordinary pages go first come first, and only
# multi-megabyte ones let them pass); one that has waited MAX_QUEUE_S goes next whatever its size.
QUEUE_STEP_CHARS = 1024 * 1024
MAX_QUEUE_S = 5.0
# A worker's address space: a safety net under the engine's own limits (a worker peaks near
# 100 MB on the fuzz run); a page needing more fails alone, as "too large to digest".
WORKER_MEMORY_BYTES = 1024**3


# glibc's malloc serves a block this large or larger with a mapping of its own, given back to
# the system when the block is freed. Left to itself, glibc raises that threshold to the largest
# block freed so far (up to 32 MiB): after the first big page, pages of text and their pickles
# are cut from the heap, and the room they leave stays resident (the bot grew by ~30 MB over a
# burst and never shrank back).
MMAP_THRESHOLD_BYTES = 128 * 1024
_M_MMAP_THRESHOLD = -3  # mallopt's parameter number, from glibc's malloc.h


def return_large_blocks(threshold: int = MMAP_THRESHOLD_BYTES) -> bool:
    """Fix glibc's mmap threshold at `threshold` for this process, so that a freed page's memory
    goes back to the system at once; False where the C library has no mallopt (not glibc)."""
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, threshold))


def _warm_up(memory_bytes: int | None) -> None:
    """Runs first in each new worker: load the engine (before the first page, not with it),
    lower the worker's priority below the event loop's, cap its memory, and ignore Ctrl-C,
    which the terminal sends to the whole process group: the bot stops its workers itself, and
    a worker interrupted mid-wait would print a KeyboardInterrupt traceback."""
    importlib.import_module("summarizer.pipeline")
    with contextlib.suppress(AttributeError, OSError):  # os.nice is POSIX only
        os.nice(WORKER_NICENESS)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_bytes:
        with contextlib.suppress(ImportError, ValueError, OSError):  # resource is POSIX only
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))


class _Worker:
    """One worker process (a one-process executor, so that it can be killed alone)."""

    def __init__(self, context: BaseContext, memory_bytes: int | None) -> None:
        self.executor = ProcessPoolExecutor(
            max_workers=1, mp_context=context, initializer=_warm_up, initargs=(memory_bytes,)
        )
        self.started_at: float | None = None  # loop time its current page started; None: idle
        self.dead = False
        self.executor.submit(os.getpid)  # start the process now, not with the first page

    def kill(self) -> None:
        """Stop the process at once (ProcessPoolExecutor has no public way to in 3.11)."""
        self.dead = True
        for process in list((getattr(self.executor, "_processes", None) or {}).values()):
            with contextlib.suppress(Exception):
                process.kill()
        self.executor.shutdown(wait=False, cancel_futures=True)


@dataclass(order=True)
class _Waiter:
    """A caller waiting for a worker, in the order it should get one."""

    step: int  # its page's size in QUEUE_STEP_CHARS
    number: int  # arrival order
    since: float = field(compare=False)
    future: asyncio.Future[_Worker] = field(compare=False)


class DigestPool:
    """A bounded pool of workers for `digest_html`: the gateway heartbeat never waits on parsing.

    At most `workers` pages are parsed at once, plus up to `spare_workers` while pages run
    longer than `slow_after_s`; at most `max_pending` wait for a worker, beyond that callers
    wait on the event loop (cheaply). A page past `timeout_s` fails as `DigestTimeout` and only
    its worker is replaced.
    """

    def __init__(
        self,
        workers: int = 2,
        *,
        max_pending: int = 32,
        kind: PoolKind = "process",
        timeout_s: float = DIGEST_TIMEOUT_S,
        slow_after_s: float = SLOW_AFTER_S,
        spare_workers: int = SPARE_WORKERS,
        memory_bytes: int | None = WORKER_MEMORY_BYTES,
    ) -> None:
        if workers < 1:
            raise ValueError("the pool needs at least one worker")
        self.workers = workers
        self.max_pending = max_pending
        self.kind = kind
        self.timeout_s = timeout_s
        self.slow_after_s = slow_after_s
        self.spare_workers = spare_workers
        self.memory_bytes = memory_bytes
        self._slots = asyncio.Semaphore(workers + max_pending)
        self._threads = (
            ThreadPoolExecutor(max_workers=workers, thread_name_prefix="skim-digest")
            if kind == "thread"
            else None
        )
        # forkserver: workers fork from a clean server process, never from the bot's threads
        # (aiosqlite, the fetcher) which a plain fork would copy half-locked. (Windows: spawn.)
        methods = multiprocessing.get_all_start_methods()
        self._context = multiprocessing.get_context(
            "forkserver" if "forkserver" in methods else "spawn"
        )
        self.jobs = 0  # pages given to the pool and not finished yet (running or waiting)
        self._live: set[_Worker] = set()
        self._idle: list[_Worker] = []
        self._waiting: list[_Waiter] = []
        self._arrivals = itertools.count()

    @property
    def processes(self) -> int:
        """Worker processes alive now (spares included)."""
        return len(self._live)

    async def run(self, function: Callable[..., T], *args: object, size: int = 0) -> T:
        """Run `function(*args)` in a worker and wait for its result without blocking the loop;
        `size` (a page's length) orders the callers waiting for a worker."""
        self.jobs += 1
        try:
            return await self._run(function, *args, size=size)
        finally:
            self.jobs -= 1

    async def _run(self, function: Callable[..., T], *args: object, size: int) -> T:
        async with self._slots:
            if self._threads is not None:
                return await self._run_in_thread(function, *args)
            worker = await self._acquire(size)
            return await self._run_on(worker, function, *args)

    async def digest(self, html: str, url: str | None) -> Digest:
        """Digest one page in a worker."""
        return await self.run(digest_page, html, url, size=len(html))

    async def digest_text(self, text: str, url: str | None, *, markdown: bool) -> Digest:
        """Digest one text document in a worker (Markdown rendered there, under the deadline)."""
        return await self.run(digest_document, text, url, markdown, size=len(text))

    async def _run_in_thread(self, function: Callable[..., T], *args: object) -> T:
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(
                loop.run_in_executor(self._threads, function, *args), self.timeout_s
            )
        except TimeoutError:  # a thread cannot be stopped: it finishes the page on its own
            raise DigestTimeout(self._too_slow()) from None

    async def _run_on(self, worker: _Worker, function: Callable[..., T], *args: object) -> T:
        loop = asyncio.get_running_loop()
        worker.started_at = loop.time()
        turns_slow = loop.call_later(self.slow_after_s, self._grow)
        job: Future[T] = worker.executor.submit(function, *args)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(job), self.timeout_s)
        except BrokenProcessPool:
            worker.dead = True
            log.error("a digest worker died on a page; it is replaced")
            raise WorkerCrashed("the page could not be read (the parser crashed)") from None
        except TimeoutError:
            # Only this worker is stopped: the pages on the others finish.
            worker.kill()
            # The page's doing, handled: a warning (a dead worker, unexpected, is an error).
            log.warning("a page took over %.0f s to digest; its worker is replaced", self.timeout_s)
            raise DigestTimeout(self._too_slow()) from None
        finally:
            turns_slow.cancel()
            if job.done() or worker.dead:
                self._release(worker)
            else:  # the caller gave up (cancelled): the worker is busy until its page ends
                job.add_done_callback(lambda _: loop.call_soon_threadsafe(self._release, worker))

    def _too_slow(self) -> str:
        return f"the page took too long to read (over {self.timeout_s:.0f} s)"

    def _capacity(self) -> int:
        """Workers allowed now: the pool's own, plus a spare for each page running slow."""
        now = asyncio.get_running_loop().time()
        slow = sum(
            1
            for worker in self._live
            if worker.started_at is not None and now - worker.started_at >= self.slow_after_s
        )
        return self.workers + min(self.spare_workers, slow)

    async def _acquire(self, size: int) -> _Worker:
        if self._idle:
            return self._idle.pop()
        if len(self._live) < self._capacity():
            return self._start()
        loop = asyncio.get_running_loop()
        future: asyncio.Future[_Worker] = loop.create_future()
        waiter = _Waiter(size // QUEUE_STEP_CHARS, next(self._arrivals), loop.time(), future)
        self._waiting.append(waiter)
        try:
            return await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self._release(future.result())  # handed over just as the caller gave up
            elif waiter in self._waiting:
                self._waiting.remove(waiter)
            raise

    def _start(self) -> _Worker:
        worker = _Worker(self._context, self.memory_bytes)
        self._live.add(worker)
        return worker

    def _release(self, worker: _Worker) -> None:
        """A worker's page ended: hand the worker on, keep it idle, or let it go."""
        worker.started_at = None
        if worker.dead:
            self._live.discard(worker)
            worker.executor.shutdown(wait=False, cancel_futures=True)
            if len(self._live) < self.workers:
                self._start_for_waiters(always=True)  # a warm replacement for the next page
            return
        if self._hand(worker):
            return
        if len(self._live) > self._capacity():  # a spare no longer needed
            self._live.discard(worker)
            worker.executor.shutdown(wait=False)
            return
        self._idle.append(worker)

    def _hand(self, worker: _Worker) -> bool:
        """Give `worker` to the caller whose turn it is; False when nobody waits.

        The turn goes to the smallest page, unless one has waited MAX_QUEUE_S (the oldest of
        those then). A scan: at most `workers + max_pending` wait.
        """
        self._waiting = [waiter for waiter in self._waiting if not waiter.future.done()]
        if not self._waiting:
            return False
        overdue = asyncio.get_running_loop().time() - MAX_QUEUE_S
        starved = [waiter for waiter in self._waiting if waiter.since <= overdue]
        turn = min(starved, key=lambda waiter: waiter.number) if starved else min(self._waiting)
        self._waiting.remove(turn)
        turn.future.set_result(worker)
        return True

    def _grow(self) -> None:
        """A page turned slow: start spare workers for the callers queued behind it."""
        while self._waiting and len(self._live) < self._capacity():
            self._start_for_waiters()

    def _start_for_waiters(self, *, always: bool = False) -> None:
        if not self._waiting and not always:
            return
        worker = self._start()
        if not self._hand(worker):
            self._idle.append(worker)

    async def close(self) -> None:
        """Stop the workers, dropping queued work; waits off the loop for idle ones to exit."""
        if self._threads is not None:
            await asyncio.to_thread(self._threads.shutdown, wait=True, cancel_futures=True)
            return
        for worker in list(self._live):
            if worker.started_at is not None:
                worker.kill()  # a page still running would hold the shutdown up
        idle = [worker for worker in self._live if not worker.dead]
        self._live.clear()
        self._idle.clear()
        for worker in idle:
            await asyncio.to_thread(worker.executor.shutdown, wait=True, cancel_futures=True)

    async def __aenter__(self) -> DigestPool:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()
