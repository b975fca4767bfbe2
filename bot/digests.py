"""Link -> Digest for the bot: cache, shared fetcher, worker pool, one flight per page."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
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


class PageFetcher(Protocol):
    """What the bot needs of `summarizer.net.fetcher.Fetcher`."""

    async def fetch(self, url: str) -> Page: ...


# A page that is not an article is not fetched again for this long (it may become one: a
# breaking-news stub filled in later), and at most this many such verdicts are kept in memory.
NOT_ARTICLE_TTL_SECONDS = 600.0
NOT_ARTICLE_CACHE_SIZE = 2048
UNEXPECTED_FAILURE = "something went wrong while reading that page"


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


class DigestService:
    """Digests of links: from the cache when fresh, else fetched and digested exactly once."""

    def __init__(
        self, store: Store, fetcher: PageFetcher, pool: DigestPool, *, cache_ttl_seconds: float
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.pool = pool
        self.cache_ttl_seconds = cache_ttl_seconds
        self._flights: SingleFlight[Digest] = SingleFlight("digest")
        # Pages found not to be articles, by cache key: (when to look again, the verdict). A
        # homepage pasted over and over is then fetched once per NOT_ARTICLE_TTL_SECONDS.
        self._not_articles: dict[str, tuple[float, NotAnArticle]] = {}

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

    async def _produce(self, url: str, key: str) -> Digest:
        """Cache, else fetch and digest (and cache): the work one flight does."""
        cached = await self._cached(key)
        if cached is not None:
            log.debug("cache hit for %s", key)
            return cached
        refused = self._not_articles.get(key)
        if refused is not None and refused[0] > time.monotonic():
            raise refused[1]
        page = await self.fetcher.fetch(url)
        try:
            digest = await self.pool.digest(page.html, page.final_url)
        except NotAnArticle as verdict:
            self._remember_not_article(key, verdict)
            raise
        try:
            await self.store.cache_digest(key, digest)
        except Exception:
            # A cache that cannot be written costs a refetch later, never the reply now.
            log.exception("could not cache the digest of %s", key)
        return digest

    def _remember_not_article(self, key: str, verdict: NotAnArticle) -> None:
        now = time.monotonic()
        if len(self._not_articles) >= NOT_ARTICLE_CACHE_SIZE:  # expired ones go, then the oldest
            self._not_articles = {k: v for k, v in self._not_articles.items() if v[0] > now}
            while len(self._not_articles) >= NOT_ARTICLE_CACHE_SIZE:
                del self._not_articles[next(iter(self._not_articles))]
        self._not_articles[key] = (now + NOT_ARTICLE_TTL_SECONDS, verdict)

    async def _cached(self, key: str) -> Digest | None:
        try:
            return await self.store.cached_digest(key, self.cache_ttl_seconds)
        except Exception:
            log.exception("could not read the cache for %s", key)
            return None

    async def close(self) -> None:
        """Cancel digests still under way."""
        await self._flights.close()
