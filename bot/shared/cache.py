"""The digest cache and the "not an article" memory in Redis, each entry with its TTL, so every
process answers a page another one already read without fetching it again."""

from __future__ import annotations

import hashlib
import json
import logging

from bot.digests import LocalNotArticles
from bot.shared.link import RedisLink
from summarizer import Digest, NotAnArticle

log = logging.getLogger(__name__)


def page_key(canonical_url: str) -> str:
    """A short fixed-size key for a page (URLs can be thousands of characters long)."""
    return hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:32]


class RedisDigestCache:
    """Digests in Redis under `digest:<page>`, expiring after the cache lifetime."""

    def __init__(self, link: RedisLink, ttl_seconds: float) -> None:
        self.link = link
        self.ttl_ms = max(1, int(ttl_seconds * 1000))

    async def get(self, key: str) -> Digest | None:
        async def miss() -> bytes | None:
            return None

        raw = await self.link.run(
            "cache read", lambda client: client.get(self.link.key("digest", page_key(key))), miss
        )
        if raw is None:
            return None
        try:
            return Digest.from_dict(json.loads(raw))
        except (ValueError, TypeError, KeyError):
            log.warning("dropped an unreadable cached digest of %s", key)
            return None

    async def put(self, key: str, digest: Digest) -> None:
        async def skip() -> object:
            return None

        value = json.dumps(digest.to_dict())
        await self.link.run(
            "cache write",
            lambda client: client.set(
                self.link.key("digest", page_key(key)), value, px=self.ttl_ms
            ),
            skip,
        )

    async def purge(self) -> int:
        """Redis expires entries itself."""
        return 0


class RedisNotArticles:
    """ "Not an article" verdicts in Redis under `refused:<page>`; this process's own memory
    answers while Redis is down."""

    def __init__(self, link: RedisLink, fallback: LocalNotArticles) -> None:
        self.link = link
        self.fallback = fallback
        self.ttl_ms = max(1, int(fallback.ttl_seconds * 1000))

    async def get(self, key: str) -> NotAnArticle | None:
        raw = await self.link.run(
            "verdict read",
            lambda client: client.get(self.link.key("refused", page_key(key))),
            lambda: self._local(key),
        )
        if raw is None:
            return None
        if isinstance(raw, NotAnArticle):
            return raw
        return NotAnArticle(raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw)

    async def _local(self, key: str) -> NotAnArticle | None:
        return await self.fallback.get(key)

    async def remember(self, key: str, verdict: NotAnArticle) -> None:
        await self.fallback.remember(key, verdict)

        async def skip() -> object:
            return None

        await self.link.run(
            "verdict write",
            lambda client: client.set(
                self.link.key("refused", page_key(key)), verdict.reason, px=self.ttl_ms
            ),
            skip,
        )
