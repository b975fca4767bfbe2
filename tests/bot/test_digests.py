"""bot/digests.py: a link's digest once per page, cached, with failures as one line."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.digests import DigestService, LocalNotArticles, StoreCache, failure_reason
from bot.pool import DigestPool, DigestTimeout, WorkerCrashed
from bot.store import SqliteStore
from summarizer import Digest
from summarizer.errors import HttpStatusError, NotAnArticle
from tests.helpers import FIXTURES

SEED = FIXTURES / "seed_h2.html"
SEED_URL = "https://news.example/lavrov-nato"


@dataclass
class Page:
    html: str
    final_url: str


class CountingFetcher:
    """Serves the seed page (or fails) and counts fetches, slowly enough for races."""

    def __init__(self, html: str) -> None:
        self.html = html
        self.fetches: list[str] = []

    async def fetch(self, url: str) -> Page:
        self.fetches.append(url)
        await asyncio.sleep(0.05)
        if "broken" in url:
            raise HttpStatusError("the page answered 500", 500)
        return Page(self.html, url)


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[tuple[DigestService, CountingFetcher]]:
    fetcher = CountingFetcher(SEED.read_text(encoding="utf-8"))
    pool = DigestPool(1, kind="thread")
    async with SqliteStore(tmp_path / "skim.db") as store:
        yield DigestService(StoreCache(store, 3600), fetcher, pool), fetcher
    await pool.close()


async def test_racing_requests_for_one_page_fetch_once(
    service: tuple[DigestService, CountingFetcher],
) -> None:
    """Two messages racing on one link (tracking parameters aside) make one fetch."""
    digests, fetcher = service
    first, second = await asyncio.gather(
        digests.digest(SEED_URL), digests.digest(SEED_URL + "?utm_source=chat")
    )
    assert first == second
    assert len(fetcher.fetches) == 1


async def test_cached_page_is_not_fetched_again(
    service: tuple[DigestService, CountingFetcher],
) -> None:
    """The same link pasted later is answered from the cache."""
    digests, fetcher = service
    first = await digests.digest(SEED_URL)
    assert await digests.digest(SEED_URL) == first
    assert len(fetcher.fetches) == 1


async def test_one_failing_link_does_not_sink_the_others(
    service: tuple[DigestService, CountingFetcher],
) -> None:
    """Outcomes keep link order; the failure carries its one-line reason."""
    digests, _ = service
    good, bad = await digests.digest_links([SEED_URL, "https://news.example/broken"])
    assert good.digest is not None and good.error is None
    assert bad.digest is None and isinstance(bad.error, HttpStatusError)
    assert failure_reason(bad.error) == "the page answered 500"


def test_failure_reasons_are_one_line_and_never_leak_internals() -> None:
    """Engine errors show their own message; anything else a generic line."""
    assert failure_reason(NotAnArticle("too little text")) == "not an article: too little text"
    reason = failure_reason(KeyError("secret internals"))
    assert "secret" not in reason and "\n" not in reason


async def test_page_that_is_not_an_article_is_not_fetched_again_soon(tmp_path: Path) -> None:
    """A homepage pasted twice is fetched once; its verdict is remembered, not its absence."""
    fetcher = CountingFetcher("<html><body><p>Welcome to our homepage.</p></body></html>")
    pool = DigestPool(1, kind="thread")
    try:
        async with SqliteStore(tmp_path / "skim.db") as store:
            clock = [0.0]
            memory = LocalNotArticles(600, clock=lambda: clock[0])
            digests = DigestService(StoreCache(store, 3600), fetcher, pool, not_articles=memory)
            for _ in range(2):
                with pytest.raises(NotAnArticle):
                    await digests.digest("https://news.example/")
            assert len(fetcher.fetches) == 1
            clock[0] += 601
            with pytest.raises(NotAnArticle):  # an expired verdict is checked again
                await digests.digest("https://news.example/")
            assert len(fetcher.fetches) == 2
    finally:
        await pool.close()


class UnreadablePool(DigestPool):
    """Every page overruns the deadline, or kills its worker; counts the pages it was given."""

    def __init__(self, error: Exception) -> None:
        super().__init__(1, kind="thread")
        self.error = error
        self.pages = 0

    async def digest(self, html: str, url: str | None) -> Digest:
        self.pages += 1
        raise self.error


@pytest.mark.parametrize(
    "error",
    [
        DigestTimeout("the page took too long to read (over 20 s)"),
        WorkerCrashed("the page could not be read (the parser crashed)"),
    ],
)
async def test_page_too_slow_or_fatal_to_digest_is_remembered(
    tmp_path: Path, error: Exception
) -> None:
    """A re-paste of a page that timed out or killed its worker costs nothing: no fetch, no
    worker, the same one-line answer."""
    fetcher = CountingFetcher(SEED.read_text(encoding="utf-8"))
    pool = UnreadablePool(error)
    try:
        async with SqliteStore(tmp_path / "skim.db") as store:
            digests = DigestService(StoreCache(store, 3600), fetcher, pool)
            for _ in range(2):
                with pytest.raises(type(error)) as failed:
                    await digests.digest(SEED_URL)
                assert failure_reason(failed.value) == str(error)
            assert len(fetcher.fetches) == 1 and pool.pages == 1
    finally:
        await pool.close()


class TallyingPool(DigestPool):
    """A thread pool that digests slowly and tallies the pages fetched and not digested yet."""

    def __init__(self, fetcher: TallyingFetcher, *, max_pending: int) -> None:
        super().__init__(1, kind="thread", max_pending=max_pending)
        self.fetcher = fetcher

    async def digest(self, html: str, url: str | None) -> Digest:
        try:
            await asyncio.sleep(0.02)
            return await super().digest(html, url)
        finally:
            self.fetcher.in_hand -= 1


class TallyingFetcher(CountingFetcher):
    """Counts the pages it handed out that are not digested yet, and their most at once."""

    def __init__(self, html: str) -> None:
        super().__init__(html)
        self.in_hand = 0
        self.most_in_hand = 0

    async def fetch(self, url: str) -> Page:
        page = await super().fetch(url)
        self.in_hand += 1
        self.most_in_hand = max(self.most_in_hand, self.in_hand)
        return page


async def test_a_burst_of_links_waits_unfetched_rather_than_held(tmp_path: Path) -> None:
    """No more pages are fetched ahead than the pool takes (its workers and queue): the rest of
    a burst waits as links, not as pages in the bot's memory; every link is still digested."""
    fetcher = TallyingFetcher(SEED.read_text(encoding="utf-8"))
    pool = TallyingPool(fetcher, max_pending=2)
    try:
        async with SqliteStore(tmp_path / "skim.db") as store:
            digests = DigestService(StoreCache(store, 3600), fetcher, pool)
            links = [f"{SEED_URL}/{number}" for number in range(10)]
            outcomes = await digests.digest_links(links)
    finally:
        await pool.close()
    assert all(outcome.digest is not None for outcome in outcomes)
    assert len(fetcher.fetches) == 10
    assert fetcher.most_in_hand == 3  # one digesting, two queued
