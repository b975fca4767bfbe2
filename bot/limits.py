"""Abuse limits: a per-user link cooldown and a per-server cap on digests in flight."""

from __future__ import annotations

import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class UserCooldown:
    """At most `rate` links per user in any sliding window of `per` seconds."""

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

    def take(self, user_id: int, wanted: int = 1) -> int:
        """Spend up to `wanted` links from the user's allowance; returns how many were granted."""
        now = self._clock()
        stamps = self._expire(user_id, now)
        granted = max(0, min(wanted, self.rate - len(stamps)))
        stamps.extend([now] * granted)
        if not stamps:
            del self._taken[user_id]  # keep the map from growing with every user ever seen
        return granted

    def retry_after(self, user_id: int) -> float:
        """Seconds until the user gets at least one link back (0 if they have one now)."""
        now = self._clock()
        stamps = self._expire(user_id, now)
        if len(stamps) < self.rate:
            return 0.0
        return max(0.0, self.per - (now - stamps[0]))


class GuildConcurrency:
    """At most `limit` digest jobs running at once per server; excess is refused, not queued."""

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

    @contextmanager
    def slot(self, guild_id: int) -> Iterator[bool]:
        """`with caps.slot(guild) as granted:` holds a slot for the block when `granted`."""
        granted = self.try_acquire(guild_id)
        try:
            yield granted
        finally:
            if granted:
                self.release(guild_id)
