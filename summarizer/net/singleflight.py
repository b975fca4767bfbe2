"""Single flight: concurrent calls for one key share one run of the work (two messages, one
fetch)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class SingleFlight(Generic[T]):
    """Runs `work()` once per key at a time; every caller for that key gets its result.

    A caller that gives up (is cancelled) does not cancel the run the others wait on.
    """

    def __init__(self, name: str = "single-flight") -> None:
        self.name = name
        self._running: dict[str, asyncio.Task[T]] = {}

    def in_flight(self, key: str) -> bool:
        """Whether work for `key` is running now."""
        return key in self._running

    async def run(self, key: str, work: Callable[[], Awaitable[T]]) -> T:
        """Start `work()` for `key`, or join the run already under way."""
        task = self._running.get(key)
        if task is None:

            async def call() -> T:
                return await work()

            task = asyncio.create_task(call(), name=f"skim-{self.name} {key}")
            self._running[key] = task
            task.add_done_callback(lambda done: self._forget(key, done))
        return await asyncio.shield(task)

    def _forget(self, key: str, done: asyncio.Task[T]) -> None:
        """Drop a finished run; retrieve its error so an unawaited failure is not "lost"."""
        if self._running.get(key) is done:
            del self._running[key]
        if not done.cancelled() and done.exception() is not None:
            log.debug("%s %s failed: %r", self.name, key, done.exception())

    async def close(self) -> None:
        """Cancel every run still under way and wait for them to end."""
        tasks = list(self._running.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
