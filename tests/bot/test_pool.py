"""bot/pool.py and bot/digests.py: digesting off the loop, once per page, cached."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.digests import DigestService, failure_reason
from bot.pool import DigestPool, DigestTimeout, SingleFlight, WorkerCrashed
from bot.store import Store
from summarizer.errors import HttpStatusError, NotAnArticle

SEED = Path(__file__).resolve().parents[1] / "fixtures" / "seed_h2.html"
SEED_URL = "https://news.example/lavrov-nato"


async def test_single_flight_runs_concurrent_work_once() -> None:
    """Callers racing on one key share one run and all get its result."""
    flights = SingleFlight()
    runs = 0
    release = asyncio.Event()

    async def work() -> str:
        nonlocal runs
        runs += 1
        await release.wait()
        return "digest"

    callers = [asyncio.create_task(flights.run("k", work)) for _ in range(5)]
    await asyncio.sleep(0)
    assert flights.in_flight("k")
    release.set()
    assert await asyncio.gather(*callers) == ["digest"] * 5
    assert runs == 1
    assert not flights.in_flight("k")
    assert await flights.run("k", work) == "digest" and runs == 2  # a later call runs again


async def test_single_flight_shares_the_failure_and_survives_a_cancelled_caller() -> None:
    """Every waiter sees the error; one caller giving up does not cancel the others' run."""
    flights = SingleFlight()
    release = asyncio.Event()

    async def work() -> str:
        await release.wait()
        raise HttpStatusError("the page answered 503", 503)

    quitter = asyncio.create_task(flights.run("k", work))
    stayer = asyncio.create_task(flights.run("k", work))
    await asyncio.sleep(0)
    quitter.cancel()
    release.set()
    with pytest.raises(HttpStatusError):
        await stayer
    assert quitter.cancelled()


async def test_thread_pool_keeps_the_loop_responsive() -> None:
    """A slow job in the pool does not hold up the event loop."""
    pool = DigestPool(1, kind="thread")
    try:
        job = asyncio.create_task(pool.run(time.sleep, 0.3))
        started = time.monotonic()
        await asyncio.sleep(0.01)
        assert time.monotonic() - started < 0.2
        await job
    finally:
        await pool.close()


async def test_process_pool_digests_a_page() -> None:
    """digest_html runs in a worker process and its Digest comes back whole."""
    pool = DigestPool(1)
    try:
        digest = await asyncio.wait_for(pool.digest(SEED.read_text(encoding="utf-8"), SEED_URL), 60)
    finally:
        await pool.close()
    assert digest.url == SEED_URL
    assert "NATO" in digest.title
    assert any(section.heading for section in digest.sections)


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
    async with Store(tmp_path / "skim.db") as store:
        yield DigestService(store, fetcher, pool, cache_ttl_seconds=3600), fetcher
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


async def test_a_dead_worker_fails_its_page_and_the_pool_recovers() -> None:
    """A worker that dies fails only its own job; the next page is digested by a fresh pool."""
    pool = DigestPool(1)
    try:
        with pytest.raises(WorkerCrashed) as crashed:
            await asyncio.wait_for(pool.run(os._exit, 3), 60)
        assert failure_reason(crashed.value) == "the page could not be read (the parser crashed)"
        digest = await asyncio.wait_for(pool.digest(SEED.read_text(encoding="utf-8"), SEED_URL), 60)
        assert "NATO" in digest.title
    finally:
        await pool.close()


async def test_page_that_is_not_an_article_is_not_fetched_again_soon(tmp_path: Path) -> None:
    """A homepage pasted twice is fetched once; its verdict is remembered, not its absence."""
    fetcher = CountingFetcher("<html><body><p>Welcome to our homepage.</p></body></html>")
    pool = DigestPool(1, kind="thread")
    try:
        async with Store(tmp_path / "skim.db") as store:
            digests = DigestService(store, fetcher, pool, cache_ttl_seconds=3600)
            for _ in range(2):
                with pytest.raises(NotAnArticle):
                    await digests.digest("https://news.example/")
            assert len(fetcher.fetches) == 1
            digests._not_articles["https://news.example/"] = (0.0, NotAnArticle("stale"))
            with pytest.raises(NotAnArticle):  # an expired verdict is checked again
                await digests.digest("https://news.example/")
            assert len(fetcher.fetches) == 2
    finally:
        await pool.close()


async def test_a_page_over_the_deadline_fails_alone_and_the_pool_recovers() -> None:
    """A page that never finishes is given up at the deadline; the next page still works."""
    pool = DigestPool(1, timeout_s=1.0)
    try:
        with pytest.raises(DigestTimeout) as slow:
            await asyncio.wait_for(pool.run(time.sleep, 30), 20)
        assert failure_reason(slow.value) == "the page took too long to read"
        pool.timeout_s = 60.0
        digest = await asyncio.wait_for(pool.digest(SEED.read_text(encoding="utf-8"), SEED_URL), 60)
        assert "NATO" in digest.title
    finally:
        await pool.close()
