"""One fetch of a page among every process: a lock in Redis with a lease that its holder renews
while it works, so a process killed mid-fetch holds the page for one lease at most. The others
poll until the holder has settled the page (its digest cached, or its verdict remembered) or
the lock is free again, and then read the cache or take the lock themselves."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable

import redis.asyncio as redis

from bot.digests import Settled
from bot.shared.cache import page_key
from bot.shared.link import RedisLink
from summarizer import Digest

log = logging.getLogger(__name__)

LEASE_S = 6.0  # a killed holder blocks the page this long at most
RENEW_S = 2.0  # the holder renews its lease this often
POLL_S = 0.05  # how often a waiter looks whether the page is settled
# A waiter that has waited this long does the work itself (beyond the fetch deadline and the
# worker pool's digest deadline together, so only a wedged holder is overtaken).
WAIT_S = 60.0

# Delete / extend the lock only while it is still ours (the lease may have lapsed and moved on).
_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""
_RENEW = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0
"""


class RedisFlight:
    """`PageFlight` across processes."""

    def __init__(
        self,
        link: RedisLink,
        *,
        lease_s: float = LEASE_S,
        renew_s: float = RENEW_S,
        poll_s: float = POLL_S,
        wait_s: float = WAIT_S,
    ) -> None:
        self.link = link
        self.lease_ms = int(lease_s * 1000)
        self.renew_s = renew_s
        self.poll_s = poll_s
        self.wait_s = wait_s
        self._release = link.client.register_script(_RELEASE)
        self._renew = link.client.register_script(_RENEW)

    async def run(
        self, key: str, work: Callable[[], Awaitable[Digest]], settled: Settled
    ) -> Digest:
        """Do `work` as the page's one holder, or wait for the holder and return its result."""
        loop = asyncio.get_running_loop()
        lock = self.link.key("flight", page_key(key))
        token = secrets.token_hex(8)
        give_up_at = loop.time() + self.wait_s
        while True:
            if await self._acquire(lock, token):
                try:
                    done = await settled()  # another holder may have finished just before
                    if done is not None:
                        return done
                    return await self._hold(lock, token, work)
                finally:
                    await self._let_go(lock, token)
            await asyncio.sleep(self.poll_s)
            done = await settled()
            if done is not None:
                return done
            if loop.time() > give_up_at:
                log.warning("gave up waiting for another process to digest %s; doing it here", key)
                return await work()

    async def _acquire(self, lock: str, token: str) -> bool:
        async def alone() -> bool:
            return True  # Redis is down: this process's own single flight is all there is

        async def take(client: redis.Redis) -> bool:
            return bool(await client.set(lock, token, nx=True, px=self.lease_ms))

        return await self.link.run("flight lock", take, alone)

    async def _hold(self, lock: str, token: str, work: Callable[[], Awaitable[Digest]]) -> Digest:
        """Run the work while a task keeps the lease alive."""
        renewing = asyncio.create_task(self._keep(lock, token), name=f"skim-flight-lease {lock}")
        try:
            return await work()
        finally:
            renewing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await renewing

    async def _keep(self, lock: str, token: str) -> None:
        async def skip() -> object:
            return None

        while True:
            await asyncio.sleep(self.renew_s)
            await self.link.run(
                "flight lease",
                lambda client: self._renew(keys=[lock], args=[token, self.lease_ms], client=client),
                skip,
            )

    async def _let_go(self, lock: str, token: str) -> None:
        async def skip() -> object:
            return None

        await self.link.run(
            "flight release",
            lambda client: self._release(keys=[lock], args=[token], client=client),
            skip,
        )
