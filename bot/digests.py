"""Link -> Digest for the bot: cache, shared fetcher, worker pool, one flight per page.

The cache, the "not an article" memory and the flight that lets only one process fetch a page
are interfaces: by default the cache is the store's table and the rest lives in this process;
with Redis (`bot/shared/`) all three are shared by every shard and process.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.pool import DigestPool
from bot.store import Store
from summarizer import Digest, NotAnArticle, SummarizerError
from summarizer.net.singleflight import SingleFlight
from summarizer.net.urls import canonical_url

log = logging.getLogger(__name__)


class Page(Protocol):
    """What the bot needs of a fetched page."""

    @property
    def html(self) -> str: ...

    @property
    def final_url(self) -> str: ...

    @property
    def text(self) -> str | None:
        """A text document's own text (None for an HTML page)."""
        ...

    @property
    def markdown(self) -> bool:
        """Whether the text document is Markdown: rendered in the pool, never on the loop."""
        ...


class PageFetcher(Protocol):
    """What the bot needs of `summarizer.net.fetcher.Fetcher`."""

    async def fetch(self, url: str) -> Page: ...


class DigestCache(Protocol):
    """Digests by canonical URL, each kept for the cache's lifetime."""

    async def get(self, key: str) -> Digest | None:
        """The fresh digest of a page, or None (also when the cache cannot be read)."""
        ...

    async def put(self, key: str, digest: Digest) -> None:
        """Keep a page's digest (a cache that cannot be written is logged, not raised)."""
        ...

    async def purge(self) -> int:
        """Drop expired digests, where the cache does not expire them itself."""
        ...


class NotArticleMemory(Protocol):
    """Pages found not to be articles, remembered for a while so they are not fetched again."""

    async def get(self, key: str) -> NotAnArticle | None:
        """The remembered verdict on a page, if still fresh."""
        ...

    async def remember(self, key: str, verdict: NotAnArticle) -> None:
        """Remember that a page is not an article."""
        ...


# Tells whether a page's digest is already settled: the digest, or None; raises the
# remembered NotAnArticle.
Settled = Callable[[], Awaitable[Digest | None]]


class PageFlight(Protocol):
    """At most one producer of a page's digest at a time, among every process sharing it."""

    async def run(
        self, key: str, work: Callable[[], Awaitable[Digest]], settled: Settled
    ) -> Digest:
        """Run `work` unless another holder is on it; then wait and return what it settled."""
        ...


# A page that is not an article is not fetched again for this long (it may become one: a
# breaking-news stub filled in later), and at most this many such verdicts are kept in memory.
NOT_ARTICLE_TTL_SECONDS = 600.0
NOT_ARTICLE_CACHE_SIZE = 2048
UNEXPECTED_FAILURE = "something went wrong while reading that page"


class StoreCache:
    """The digest cache in the store's table (the default, without Redis)."""

    def __init__(self, store: Store, ttl_seconds: float) -> None:
        self.store = store
        self.ttl_seconds = ttl_seconds

    async def get(self, key: str) -> Digest | None:
        try:
            return await self.store.cached_digest(key, self.ttl_seconds)
        except Exception:
            log.exception("could not read the cache for %s", key)
            return None

    async def put(self, key: str, digest: Digest) -> None:
        try:
            await self.store.cache_digest(key, digest)
        except Exception:
            # A cache that cannot be written costs a refetch later, never the reply now.
            log.exception("could not cache the digest of %s", key)

    async def purge(self) -> int:
        return await self.store.purge_cache(self.ttl_seconds)


class LocalNotArticles:
    """The "not an article" memory in this process, bounded in size."""

    def __init__(
        self,
        ttl_seconds: float = NOT_ARTICLE_TTL_SECONDS,
        size: int = NOT_ARTICLE_CACHE_SIZE,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.ttl_seconds = ttl_seconds
        self.size = size
        self._clock = clock
        # By cache key: (when to look again, the verdict).
        self._verdicts: dict[str, tuple[float, NotAnArticle]] = {}

    async def get(self, key: str) -> NotAnArticle | None:
        found = self._verdicts.get(key)
        if found is None or found[0] <= self._clock():
            return None
        return found[1]

    async def remember(self, key: str, verdict: NotAnArticle) -> None:
        now = self._clock()
        if len(self._verdicts) >= self.size:  # expired ones go, then the oldest
            self._verdicts = {k: v for k, v in self._verdicts.items() if v[0] > now}
            while len(self._verdicts) >= self.size:
                del self._verdicts[next(iter(self._verdicts))]
        self._verdicts[key] = (now + self.ttl_seconds, verdict)


class LocalFlight:
    """One process alone: the in-process single flight in front already makes one fetch."""

    async def run(
        self, key: str, work: Callable[[], Awaitable[Digest]], settled: Settled
    ) -> Digest:
        return await work()


@dataclass(frozen=True, slots=True)
class LinkOutcome:
    """What became of one link: its digest, or the error that stopped it."""

    url: str
    digest: Digest | None = None
    error: Exception | None = None


def failure_reason(error: BaseException) -> str:
    """The one line a user sees for a failed link (the engine's errors carry one already)."""
    if isinstance(error, SummarizerError):
        return error.message
    return UNEXPECTED_FAILURE


@dataclass(slots=True)
class CacheStats:
    """Digest requests answered from the cache, and the ones that had to fetch (for health)."""

    hits: int = 0
    misses: int = 0

    @property
    def hit_rate(self) -> float | None:
        """Hits over all lookups, None before the first."""
        total = self.hits + self.misses
        return self.hits / total if total else None


class DigestService:
    """Digests of links: from the cache when fresh, else fetched and digested exactly once."""

    def __init__(
        self,
        cache: DigestCache,
        fetcher: PageFetcher,
        pool: DigestPool,
        *,
        not_articles: NotArticleMemory | None = None,
        flight: PageFlight | None = None,
    ) -> None:
        self.cache = cache
        self.fetcher = fetcher
        self.pool = pool
        self.not_articles: NotArticleMemory = not_articles or LocalNotArticles()
        self.flight: PageFlight = flight or LocalFlight()
        self.stats = CacheStats()
        self._flights: SingleFlight[Digest] = SingleFlight("digest")
        # Pages fetched or being fetched and not digested yet: no more than the pool takes at
        # once (the pages it parses and those it queues), so that a burst of links waits
        # unfetched, not as pages held in memory (a 200-link burst held about 55 MiB of text).
        self._pages_in_hand = asyncio.Semaphore(pool.workers + pool.max_pending)

    async def digest(self, url: str) -> Digest:
        """The digest of the page at `url`; raises FetchError or NotAnArticle on failure."""
        key = canonical_url(url)
        return await self._flights.run(key, lambda: self._produce(url, key))

    async def digest_links(self, urls: Sequence[str]) -> list[LinkOutcome]:
        """Digest several links at once; a failing link never takes the others down."""
        results = await asyncio.gather(*(self.digest(url) for url in urls), return_exceptions=True)
        outcomes: list[LinkOutcome] = []
        for url, result in zip(urls, results, strict=True):
            if isinstance(result, Digest):
                outcomes.append(LinkOutcome(url, digest=result))
            elif isinstance(result, Exception):
                if not isinstance(result, SummarizerError):
                    log.error("digesting %s failed unexpectedly", url, exc_info=result)
                else:
                    log.info("could not digest %s: %s", url, result)
                outcomes.append(LinkOutcome(url, error=result))
            else:
                raise result  # cancellation and other BaseExceptions are not link failures
        return outcomes

    async def _settled(self, key: str) -> Digest | None:
        """The page's cached digest; raises its remembered NotAnArticle; else None."""
        cached = await self.cache.get(key)
        if cached is not None:
            return cached
        refused = await self.not_articles.get(key)
        if refused is not None:
            raise refused
        return None

    async def _produce(self, url: str, key: str) -> Digest:
        """Cache, else (one flight across processes) fetch and digest: the work one flight does."""
        try:
            settled = await self._settled(key)
        except NotAnArticle:
            self.stats.hits += 1
            raise
        if settled is not None:
            log.debug("cache hit for %s", key)
            self.stats.hits += 1
            return settled
        self.stats.misses += 1
        return await self.flight.run(
            key, lambda: self._fetch_and_digest(url, key), lambda: self._settled(key)
        )

    async def _fetch_and_digest(self, url: str, key: str) -> Digest:
        try:
            digest = await self._read(url)
        except NotAnArticle as verdict:  # also a page too slow or fatal to digest (bot/pool.py)
            await self.not_articles.remember(key, verdict)
            raise
        await self.cache.put(key, digest)
        return digest

    async def _read(self, url: str) -> Digest:
        """Fetch and digest, with a page in hand; the page's text goes when this returns (not
        after the cache write, which waits for the database)."""
        async with self._pages_in_hand:
            page = await self.fetcher.fetch(url)
            if page.markdown and page.text is not None:
                return await self.pool.digest_text(page.text, page.final_url, markdown=True)
            return await self.pool.digest(page.html, page.final_url)

    async def close(self) -> None:
        """Cancel digests still under way."""
        await self._flights.close()
