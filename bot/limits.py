"""Abuse limits: a per-user link cooldown and a per-server cap on digests in flight.

The bot sees them through `Cooldown` and `GuildSlots`; the classes here keep them in this
process's memory, and `bot/shared/limits.py` keeps them in Redis, so that they hold across
every shard and process.
"""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Protocol


class Cooldown(Protocol):
    """At most so many links per user in a sliding window."""

    async def take(self, user_id: int, wanted: int = 1, *, all_or_nothing: bool = False) -> int:
        """Spend up to `wanted` links of the user's allowance (all or none when asked);
        returns how many were granted."""
        ...


class GuildSlots(Protocol):
    """At most so many digest jobs at once per server."""

    def slot(self, guild_id: int) -> AbstractAsyncContextManager[bool]:
        """`async with slots.slot(guild) as granted:` holds a slot for the block if granted."""
        ...


class UserCooldown:
    """At most `rate` links per user in any sliding window of `per` seconds, in memory."""

    def __init__(
        self, rate: int, per: float = 60.0, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        if rate < 1 or per <= 0:
            raise ValueError("a cooldown needs rate >= 1 and per > 0")
        self.rate = rate
        self.per = per
        self._clock = clock
        self._taken: dict[int, deque[float]] = defaultdict(deque)

    def _expire(self, user_id: int, now: float) -> deque[float]:
        stamps = self._taken[user_id]
        while stamps and now - stamps[0] >= self.per:
            stamps.popleft()
        return stamps

    def remaining(self, user_id: int) -> int:
        """How many links the user may still have digested right now."""
        return self.rate - len(self._expire(user_id, self._clock()))

    def take_now(self, user_id: int, wanted: int = 1, *, all_or_nothing: bool = False) -> int:
        """`take`, for callers that are not coroutines."""
        now = self._clock()
        stamps = self._expire(user_id, now)
        granted = max(0, min(wanted, self.rate - len(stamps)))
        if all_or_nothing and granted < wanted:
            granted = 0
        stamps.extend([now] * granted)
        if not stamps:
            del self._taken[user_id]  # keep the map from growing with every user ever seen
        return granted

    async def take(self, user_id: int, wanted: int = 1, *, all_or_nothing: bool = False) -> int:
        """Spend up to `wanted` links from the user's allowance; returns how many were granted."""
        return self.take_now(user_id, wanted, all_or_nothing=all_or_nothing)

    def retry_after(self, user_id: int) -> float:
        """Seconds until the user gets at least one link back (0 if they have one now)."""
        now = self._clock()
        stamps = self._expire(user_id, now)
        if len(stamps) < self.rate:
            return 0.0
        return max(0.0, self.per - (now - stamps[0]))


class GuildConcurrency:
    """At most `limit` digest jobs running at once per server, in memory; excess is refused."""

    def __init__(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("a concurrency cap needs limit >= 1")
        self.limit = limit
        self._running: dict[int, int] = {}

    def running(self, guild_id: int) -> int:
        """Jobs currently running for the server."""
        return self._running.get(guild_id, 0)

    def try_acquire(self, guild_id: int) -> bool:
        """Take a slot if one is free."""
        if self.running(guild_id) >= self.limit:
            return False
        self._running[guild_id] = self.running(guild_id) + 1
        return True

    def release(self, guild_id: int) -> None:
        """Give a slot back."""
        left = self.running(guild_id) - 1
        if left > 0:
            self._running[guild_id] = left
        else:
            self._running.pop(guild_id, None)

    @asynccontextmanager
    async def slot(self, guild_id: int) -> AsyncIterator[bool]:
        """`async with caps.slot(guild) as granted:` holds a slot for the block when `granted`."""
        granted = self.try_acquire(guild_id)
        try:
            yield granted
        finally:
            if granted:
                self.release(guild_id)
