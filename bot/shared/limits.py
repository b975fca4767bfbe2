"""The per-user cooldown and the per-server concurrency cap in Redis, each decided by one Lua
script (atomic), so a user's 5 links a minute are 5 whichever shard or process sees them.
Time is Redis's own clock (`TIME`), never the processes' clocks, which may disagree. While Redis
is down, each process falls back to its own in-memory limits."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import redis.asyncio as redis

from bot.limits import GuildConcurrency, UserCooldown
from bot.shared.link import RedisLink

# A slot a process took but never gave back (it was killed) is free again after this long:
# longer than any digest job (fetch deadline + digest deadline + posting).
SLOT_LEASE_S = 120.0

# Sliding window log: one sorted-set member per granted link, scored by when.
_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate, window, wanted = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local granted = math.max(0, math.min(wanted, rate - redis.call('ZCARD', KEYS[1])))
if ARGV[4] == '1' and granted < wanted then granted = 0 end
for i = 1, granted do redis.call('ZADD', KEYS[1], now, ARGV[5] .. ':' .. i) end
if granted > 0 then redis.call('PEXPIRE', KEYS[1], window) end
return granted
"""
# Leased slots: one sorted-set member per running job, scored by when its lease ends.
_ACQUIRE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
"""


class RedisCooldown:
    """`Cooldown` shared by every process."""

    def __init__(self, link: RedisLink, fallback: UserCooldown) -> None:
        self.link = link
        self.fallback = fallback
        self._take = link.client.register_script(_TAKE)

    async def take(self, user_id: int, wanted: int = 1, *, all_or_nothing: bool = False) -> int:
        async def local() -> int:
            return self.fallback.take_now(user_id, wanted, all_or_nothing=all_or_nothing)

        async def shared(client: redis.Redis) -> int:
            granted = await self._take(
                keys=[self.link.key("cooldown", str(user_id))],
                args=[
                    self.fallback.rate,
                    int(self.fallback.per * 1000),
                    wanted,
                    "1" if all_or_nothing else "0",
                    secrets.token_hex(8),
                ],
                client=client,
            )
            return int(granted)

        return await self.link.run("cooldown", shared, local)


class RedisGuildSlots:
    """`GuildSlots` shared by every process; a slot is a lease, so a killed process's slots
    come back by themselves."""

    def __init__(
        self, link: RedisLink, fallback: GuildConcurrency, *, lease_s: float = SLOT_LEASE_S
    ) -> None:
        self.link = link
        self.fallback = fallback
        self.lease_ms = int(lease_s * 1000)
        self._acquire = link.client.register_script(_ACQUIRE)

    @asynccontextmanager
    async def slot(self, guild_id: int) -> AsyncIterator[bool]:
        key = self.link.key("slots", str(guild_id))
        token = secrets.token_hex(8)
        local_slot = False

        async def local() -> bool:
            nonlocal local_slot
            local_slot = self.fallback.try_acquire(guild_id)
            return local_slot

        async def shared(client: redis.Redis) -> bool:
            taken = await self._acquire(
                keys=[key], args=[self.fallback.limit, self.lease_ms, token], client=client
            )
            return bool(taken)

        granted = await self.link.run("guild slot", shared, local)
        try:
            yield granted
        finally:
            if local_slot:
                self.fallback.release(guild_id)
            elif granted:
                await self._give_back(key, token)

    async def _give_back(self, key: str, token: str) -> None:
        async def skip() -> object:
            return None

        await self.link.run("guild slot release", lambda client: client.zrem(key, token), skip)
