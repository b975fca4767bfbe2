"""bot/digests.py: a link's digest once per page, cached, with failures as one line."""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest

from bot.digests import DigestService, LocalNotArticles, StoreCache, failure_reason
from bot.pool import DigestPool, DigestTimeout, WorkerCrashed, digest_document
from bot.store import SqliteStore
from summarizer import Digest
from summarizer.errors import HttpStatusError, NotAnArticle
from summarizer.extract.limits import MAX_MARKDOWN_CHARS
from summarizer.net.fetcher import Fetcher, FetchSettings
from testkit.web_origin import WebOrigin
from tests.helpers import FIXTURES

SEED = FIXTURES / "seed_h2.html"
SEED_URL = "https://news.example/lavrov-nato"

T = TypeVar("T")


@dataclass
class Page:
    html: str
    final_url: str
    text: str | None = None
    markdown: bool = False


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


class LoopWatch:
    """The longest the event loop went without turning while the watch ran."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        loop = asyncio.get_running_loop()
        last = loop.time()
        while True:
            await asyncio.sleep(0.01)
            now = loop.time()
            self.longest = max(self.longest, now - last)
            last = now

    def __enter__(self) -> LoopWatch:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._task is not None:
            self._task.cancel()


class RecordingPool(DigestPool):
    """A process pool that records the functions it ran in its workers."""

    def __init__(self) -> None:
        super().__init__(1)
        self.ran: list[Callable[..., object]] = []

    async def run(self, function: Callable[..., T], *args: object, size: int = 0) -> T:
        self.ran.append(function)
        return await super().run(function, *args, size=size)


# markdown-it-py's worst input: a run of '[' (about 13 µs a character to render).
@pytest.mark.parametrize(
    ("chars", "timeout_s", "outcome"),
    [
        # At the limit it is rendered: over a second, past the deadline.
        (MAX_MARKDOWN_CHARS, 0.5, DigestTimeout),
        # Past it, read as plain text (a fraction of a second): the page's own verdict.
        (2 * MAX_MARKDOWN_CHARS, 2.0, NotAnArticle),
    ],
    ids=["at-the-limit", "past-the-limit"],
)
async def test_a_hostile_markdown_link_is_rendered_in_the_pool_under_its_deadline(
    tmp_path: Path, web_origin: WebOrigin, chars: int, timeout_s: float, outcome: type
) -> None:
    """A stranger's Markdown is rendered in a worker, never on the event loop (the loop keeps
    turning), only up to MAX_MARKDOWN_CHARS, and under the pool's deadline: at the limit it
    fails as a page too slow to read, remembered (a re-paste fetches nothing); past the limit
    it is read as plain text in time."""
    url = web_origin.add_page("/hostile.md", b"[" * chars, "text/markdown")
    settings = FetchSettings.model_validate(
        {"allow_networks": "127.0.0.0/8", "allow_ports": f"80,443,{web_origin.port}"}
    )
    pool = RecordingPool()
    try:
        await asyncio.wait_for(pool.run(os.getpid), 60)  # the worker is up (engine loaded) …
        pool.timeout_s = timeout_s  # … so the deadline is the page's alone
        async with SqliteStore(tmp_path / "skim.db") as store, Fetcher(settings) as fetcher:
            digests = DigestService(StoreCache(store, 3600), fetcher, pool)
            with LoopWatch() as watch, pytest.raises(NotAnArticle) as caught:
                await digests.digest(url)
            assert type(caught.value) is outcome, caught.value
            assert watch.longest < 0.4
            with pytest.raises(outcome):
                await digests.digest(url)
    finally:
        await pool.close()
    assert pool.ran == [os.getpid, digest_document]  # once, as Markdown, in a worker
    assert web_origin.hits["/hostile.md"] == 1
