"""The connection to Redis, and how the bot lives without it: a failed call is answered by its
fallback, and Redis is left alone for a moment before it is tried again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

import redis.asyncio as redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import AuthenticationError, RedisError, ResponseError

from bot.shared import SharedStateError

__all__ = ["RedisLink", "SharedStateError"]

log = logging.getLogger(__name__)

T = TypeVar("T")

CONNECT_TIMEOUT_S = 1.0
# Redis answers in well under a millisecond on a healthy network; a call this slow is an outage.
CALL_TIMEOUT_S = 1.0
# After a failed call, Redis is not tried again for this long (every call takes its fallback).
RETRY_AFTER_S = 2.0


class RedisLink:
    """A Redis client with a key prefix and a circuit breaker."""

    def __init__(self, url: str, prefix: str = "skim:") -> None:
        self.url = url
        self.prefix = prefix
        self.client: redis.Redis = redis.Redis.from_url(
            url,
            socket_connect_timeout=CONNECT_TIMEOUT_S,
            socket_timeout=CALL_TIMEOUT_S,
            retry=Retry(NoBackoff(), 1),  # one quick retry on a dropped connection, no more
            health_check_interval=30,
        )
        self._down_until = 0.0
        self._down = False

    def key(self, *parts: str) -> str:
        """A key in Skim's namespace."""
        return self.prefix + ":".join(parts)

    @property
    def available(self) -> bool:
        """Whether the last call reached Redis."""
        return not self._down

    async def open(self) -> None:
        """Check that Redis takes Skim's calls. A wrong password is fatal (SharedStateError);
        a server that cannot be reached now is only logged: calls fall back until it is back."""
        try:
            await self.client.ping()
        except AuthenticationError as error:
            raise SharedStateError(
                f"Redis at {self.where} refused the login ({error}): check the password in "
                "SKIM_REDIS_URL"
            ) from None
        except ResponseError as error:
            if "NOAUTH" in str(error) or "WRONGPASS" in str(error):
                raise SharedStateError(
                    f"Redis at {self.where} needs a password: put it in SKIM_REDIS_URL "
                    "(redis://:password@host:port/0)"
                ) from None
            raise
        except (RedisError, OSError) as error:
            self._mark_down("connect", error)

    @property
    def where(self) -> str:
        """Host and port, for logs (never the password)."""
        pool = self.client.connection_pool.connection_kwargs
        return f"{pool.get('host', '?')}:{pool.get('port', '?')}/{pool.get('db', 0)}"

    async def run(
        self,
        what: str,
        call: Callable[[redis.Redis], Awaitable[T]],
        fallback: Callable[[], Awaitable[T]],
    ) -> T:
        """`call(client)`, or `fallback()` while Redis is unreachable."""
        loop = asyncio.get_running_loop()
        if loop.time() < self._down_until:
            return await fallback()
        try:
            result = await call(self.client)
        except (RedisError, OSError) as error:
            if isinstance(error, ResponseError):
                raise  # a bug in Skim's call, not an outage
            self._mark_down(what, error)
            return await fallback()
        if self._down:
            self._down = False
            log.warning("Redis at %s is reachable again; shared state is back", self.where)
        return result

    def _mark_down(self, what: str, error: BaseException) -> None:
        if not self._down:
            log.warning(
                "Redis at %s cannot be reached (%s during %s); carrying on with this "
                "process's own cache and limits until it is back",
                self.where,
                error or type(error).__name__,
                what,
            )
        self._down = True
        self._down_until = asyncio.get_running_loop().time() + RETRY_AFTER_S

    async def close(self) -> None:
        """Close the connections."""
        await self.client.aclose()
