"""bot/shared/: the cache, the "not an article" memory, the one-fetch flight and the limits in a
real Redis, shared by several "processes" (here: separate services on one Redis), and the bot
carrying on with its own memory while Redis is down."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator

import pytest

from bot.digests import DigestService, LocalNotArticles
from bot.limits import GuildConcurrency, UserCooldown
from bot.pool import DigestPool
from bot.shared import health
from bot.shared.cache import RedisDigestCache, RedisNotArticles, page_key
from bot.shared.flight import RedisFlight
from bot.shared.limits import RedisCooldown, RedisGuildSlots
from bot.shared.link import RedisLink
from summarizer.errors import NotAnArticle
from summarizer.net.urls import canonical_url
from testkit.servers import RedisServer, ServerMissing, missing_server, redis_binary
from tests.bot.test_digests import SEED, SEED_URL, CountingFetcher
from tests.bot.test_store import make_digest

_prefixes = itertools.count(1)


@pytest.fixture
async def links(redis_server: RedisServer) -> AsyncIterator[list[RedisLink]]:
    """Two links with one fresh key prefix: two processes sharing one Redis."""
    prefix = f"test{next(_prefixes)}:"
    opened = [RedisLink(redis_server.url, prefix) for _ in range(2)]
    for link in opened:
        await link.open()
    yield opened
    for link in opened:
        await link.close()


@pytest.fixture
async def pool() -> AsyncIterator[DigestPool]:
    threads = DigestPool(1, kind="thread")
    yield threads
    await threads.close()


def service(link: RedisLink, fetcher: CountingFetcher, pool: DigestPool) -> DigestService:
    """A process's digest service on the shared Redis."""
    return DigestService(
        RedisDigestCache(link, 3600),
        fetcher,
        pool,
        not_articles=RedisNotArticles(link, LocalNotArticles()),
        flight=RedisFlight(link),
    )


async def test_the_cache_is_shared_and_expires(links: list[RedisLink]) -> None:
    """One process's cached digest is another's hit, until its TTL runs out."""
    first, second = RedisDigestCache(links[0], 0.3), RedisDigestCache(links[1], 0.3)
    digest = make_digest("Shared story")
    await first.put("https://news.example/a", digest)
    assert await second.get("https://news.example/a") == digest
    await asyncio.sleep(0.4)
    assert await second.get("https://news.example/a") is None


async def test_a_not_article_verdict_is_shared(links: list[RedisLink]) -> None:
    """A page one process found not to be an article is refused by the other without a fetch."""
    first = RedisNotArticles(links[0], LocalNotArticles())
    second = RedisNotArticles(links[1], LocalNotArticles())
    await first.remember("https://news.example/", NotAnArticle("a listing page"))
    verdict = await second.get("https://news.example/")
    assert verdict is not None and verdict.reason == "a listing page"


async def test_two_processes_racing_on_a_page_fetch_it_once(
    links: list[RedisLink], pool: DigestPool
) -> None:
    """The same link asked of two processes at once is fetched by one; both get the digest."""
    html = SEED.read_text(encoding="utf-8")
    fetchers = [CountingFetcher(html), CountingFetcher(html)]
    services = [service(link, fetcher, pool) for link, fetcher in zip(links, fetchers, strict=True)]
    first, second = await asyncio.gather(*(s.digest(SEED_URL) for s in services))
    assert first == second
    assert sum(len(f.fetches) for f in fetchers) == 1
    assert sum(s.stats.misses for s in services) == 2  # both looked, one fetched


async def test_a_killed_holder_blocks_a_page_one_lease_at_most(
    links: list[RedisLink], pool: DigestPool
) -> None:
    """A lock left by a process that died mid-fetch lapses; the next process then fetches."""
    html = SEED.read_text(encoding="utf-8")
    fetcher = CountingFetcher(html)
    waiting = DigestService(
        RedisDigestCache(links[1], 3600),
        fetcher,
        pool,
        flight=RedisFlight(links[1], lease_s=0.5, renew_s=0.2),
    )
    # The dead process's lock: taken, never renewed nor released.
    dead_lock = links[0].key("flight", page_key(canonical_url(SEED_URL)))
    await links[0].client.set(dead_lock, "dead", px=500)
    started = asyncio.get_running_loop().time()
    digest = await waiting.digest(SEED_URL)
    waited = asyncio.get_running_loop().time() - started
    assert digest.title and len(fetcher.fetches) == 1
    assert 0.3 < waited < 3.0


async def test_a_users_cooldown_holds_across_processes(links: list[RedisLink]) -> None:
    """Five links a minute are five in all, whichever process takes them."""
    first = RedisCooldown(links[0], UserCooldown(5, 60))
    second = RedisCooldown(links[1], UserCooldown(5, 60))
    assert await first.take(7, 3) == 3
    assert await second.take(7, 3, all_or_nothing=True) == 0
    assert await second.take(7, 3) == 2
    assert await first.take(7) == 0
    assert await first.take(8) == 1  # another user is not affected


async def test_the_window_slides_in_redis(links: list[RedisLink]) -> None:
    """Links come back once the window has passed, by Redis's clock."""
    cooldown = RedisCooldown(links[0], UserCooldown(2, 0.3))
    assert await cooldown.take(1, 2) == 2
    assert await cooldown.take(1) == 0
    await asyncio.sleep(0.35)
    assert await cooldown.take(1) == 1


async def test_a_servers_cap_holds_across_processes(links: list[RedisLink]) -> None:
    """Two digests at once per server across every process; a finished one frees its slot,
    and a slot of a killed process comes back when its lease ends."""
    first = RedisGuildSlots(links[0], GuildConcurrency(2), lease_s=0.4)
    second = RedisGuildSlots(links[1], GuildConcurrency(2), lease_s=0.4)
    async with first.slot(1) as a, second.slot(1) as b, second.slot(1) as c:
        assert (a, b, c) == (True, True, False)
        async with first.slot(2) as other_server:
            assert other_server
    async with second.slot(1) as again:
        assert again
    leaked = first.slot(1)
    assert await leaked.__aenter__()  # taken and never given back: its process "died"
    async with second.slot(1) as d, second.slot(1) as e:
        assert (d, e) == (True, False)
    await asyncio.sleep(0.45)
    async with second.slot(1) as f, second.slot(1) as g:
        assert (f, g) == (True, True)


async def test_heartbeats_are_read_back_and_expire(links: list[RedisLink]) -> None:
    """`status` sees each process's record, and which shards no process runs."""
    record = health.ProcessHealth(
        process="host:1",
        shard_count=4,
        shards=[health.ShardHealth(0, True, 41.5), health.ShardHealth(1, False, None)],
        cache_hits=3,
        cache_misses=1,
        workers=1,
        jobs_in_flight=2,
        started_at=0.0,
    )
    await health.publish(links[0], record)
    [read] = await health.read_all(links[1])
    assert read.process == "host:1" and read.hit_rate == 0.75 and read.queued == 1
    table = health.status_table([read])
    assert "| host:1 | 0,1 (of 4) | 1/2 | 42 | 75% (3/4) | 2 / 1 |" in table
    assert "No process runs shard(s) 2, 3." in table


@pytest.mark.servers
async def test_without_redis_the_bot_carries_on_and_comes_back(pool: DigestPool) -> None:
    """Redis down: digests are made (no shared cache), limits are this process's own, and
    nothing raises; Redis back: shared state resumes."""
    try:
        redis_binary()
    except ServerMissing as problem:
        missing_server(problem)
    server = RedisServer().start()
    link = RedisLink(server.url, "down:")
    try:
        await link.open()
        fetcher = CountingFetcher(SEED.read_text(encoding="utf-8"))
        digests = service(link, fetcher, pool)
        cooldown = RedisCooldown(link, UserCooldown(2, 60))
        server.kill()
        assert (await digests.digest(SEED_URL)).title
        assert [await cooldown.take(1) for _ in range(3)] == [1, 1, 0]  # the local fallback
        assert cooldown.fallback.remaining(1) == 0  # ...which is what counted them
        server.start()
        await asyncio.sleep(2.1)  # the circuit breaker's pause
        assert await cooldown.take(5) == 1
        assert cooldown.fallback.remaining(5) == 2  # counted in Redis, not locally
        again = "https://news.example/after-the-outage"
        await digests.digest(again)
        assert await RedisDigestCache(link, 3600).get(canonical_url(again)) is not None
    finally:
        await link.close()
        server.stop()
