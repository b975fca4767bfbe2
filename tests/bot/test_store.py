"""bot/store/: settings, cache TTL, archive search scoped by server, survival on reopen: the same
behaviour from the SQLite file and from PostgreSQL (a real server, started by testkit/servers.py).
SQLite-only and PostgreSQL-only checks live in test_store_sqlite.py and test_store_postgres.py."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from bot.store import GuildSettings, PostgresStore, SqliteStore, Store, StoreError
from summarizer.model import Digest, Section
from testkit.servers import PostgresServer

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.servers)]

GUILD_A = 111
GUILD_B = 222


class Clock:
    """A hand-driven clock for TTL tests."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def make_digest(
    title: str,
    *,
    heading: str = "Background",
    claim: str = "",
    tags: list[str] | None = None,
    language: str = "en",
) -> Digest:
    return Digest(
        url=f"https://news.example/{title.lower().replace(' ', '-')}",
        canonical_url=None,
        title=title,
        site_name="News",
        byline=None,
        published=None,
        language=language,
        text="",
        sections=[
            Section(heading=None, claims=[f"{title} lead."]),
            Section(heading=heading, claims=[claim or f"{title} claim."]),
        ],
        tags=tags or [],
        reading_minutes=3,
    )


@pytest.fixture
def clock() -> Clock:
    return Clock()


StoreFactory = Callable[[], Store]


@pytest.fixture(params=BACKENDS)
def new_store(request: pytest.FixtureRequest, tmp_path: Path, clock: Clock) -> StoreFactory:
    """Makes stores on one database (a file, or a PostgreSQL database of this test's own)."""
    if request.param == "sqlite":
        return lambda: SqliteStore(tmp_path / "nested" / "skim.db", clock=clock)
    server: PostgresServer = request.getfixturevalue("postgres_server")
    url = server.new_database()
    return lambda: PostgresStore(url, clock=clock)


@pytest.fixture
async def store(new_store: StoreFactory) -> AsyncIterator[Store]:
    opened = new_store()
    await opened.open()
    yield opened
    await opened.close()


async def archive(store: Store, guild_id: int, message_id: int, digest: Digest) -> None:
    await store.archive_digest(
        guild_id=guild_id,
        channel_id=5,
        message_id=message_id,
        poster_id=7,
        url=digest.url or "",
        digest=digest,
    )


async def test_settings_default_then_stored(store: Store) -> None:
    """A server starts on the defaults; what it sets is what it reads back."""
    assert await store.guild_settings(GUILD_A) == GuildSettings()
    await store.set_auto_mode(GUILD_A, "channels")
    await store.set_max_links(GUILD_A, 2)
    assert await store.add_channel(GUILD_A, 42) is True
    assert await store.add_channel(GUILD_A, 42) is False
    await store.add_channel(GUILD_A, 43)
    assert await store.remove_channel(GUILD_A, 43) is True
    assert await store.remove_channel(GUILD_A, 43) is False
    assert await store.guild_settings(GUILD_A) == GuildSettings(
        auto_mode="channels", max_links=2, channel_ids=frozenset({42})
    )
    assert await store.guild_settings(GUILD_B) == GuildSettings()


async def test_setting_one_value_keeps_the_other(store: Store) -> None:
    """Changing the mode does not reset the link cap, and the other way round."""
    await store.set_max_links(GUILD_A, 4)
    await store.set_auto_mode(GUILD_A, "off")
    settings = await store.guild_settings(GUILD_A)
    assert (settings.auto_mode, settings.max_links) == ("off", 4)


async def test_card_sections_is_stored_per_server(store: Store) -> None:
    """Sections per card is a server setting beside the others."""
    await store.set_max_links(GUILD_A, 4)
    await store.set_card_sections(GUILD_A, 3)
    settings = await store.guild_settings(GUILD_A)
    assert (settings.max_links, settings.card_sections) == (4, 3)
    assert (await store.guild_settings(GUILD_B)).card_sections is None


async def test_cache_hit_until_the_ttl_runs_out(store: Store, clock: Clock) -> None:
    """A cached digest comes back whole while fresh, and not once older than the TTL."""
    digest = make_digest("Cached story", tags=["NATO"])
    await store.cache_digest("https://news.example/cached", digest)
    assert await store.cached_digest("https://news.example/cached", 3600) == digest
    clock.now += 3599
    assert await store.cached_digest("https://news.example/cached", 3600) == digest
    clock.now += 2
    assert await store.cached_digest("https://news.example/cached", 3600) is None
    assert await store.cached_digest("https://news.example/other", 3600) is None
    assert await store.purge_cache(3600) == 1


async def test_search_finds_headline_subheading_claim_and_tag(store: Store) -> None:
    """Every indexed part of a digest can be searched, by word prefix too."""
    await archive(
        store,
        GUILD_A,
        1001,
        make_digest(
            "Lavrov meets Blinken",
            heading="Geneva talks",
            claim="Sanctions stay.",
            tags=["Diplomacy"],
        ),
    )
    await archive(store, GUILD_A, 1002, make_digest("Weather turns cold"))
    for query in ("Lavrov", "geneva", "sanctions", "diplomacy", "Blink", "lavrov geneva"):
        found = await store.search(GUILD_A, query)
        assert [row.message_id for row in found] == [1001], query
    assert await store.search(GUILD_A, "lavrov weather") == []


async def test_search_never_leaks_another_servers_archive(store: Store) -> None:
    """A digest posted in one server is invisible to another server's search and recent."""
    await archive(store, GUILD_A, 1001, make_digest("Secret merger talks"))
    assert [row.guild_id for row in await store.search(GUILD_A, "merger")] == [GUILD_A]
    assert await store.search(GUILD_B, "merger") == []
    assert await store.recent(GUILD_B) == []


@pytest.mark.parametrize(
    "query", ['"', "AND OR NOT", "*", "(", "NEAR(a b)", "col:x", "", "   ", "'; DROP"]
)
async def test_hostile_queries_do_not_raise(store: Store, query: str) -> None:
    """FTS5 syntax typed by users is searched as words, never parsed as a query."""
    await archive(store, GUILD_A, 1001, make_digest("Anything"))
    assert isinstance(await store.search(GUILD_A, query), list)


async def test_recent_is_newest_first_and_capped(store: Store, clock: Clock) -> None:
    """Recent lists the server's latest digests first, at most the limit asked."""
    for number in range(12):
        clock.now += 1
        await archive(store, GUILD_A, 2000 + number, make_digest(f"Story {number}"))
    recent = await store.recent(GUILD_A, limit=10)
    assert [row.message_id for row in recent] == [2011 - n for n in range(10)]
    assert recent[0].jump_url == "https://discord.com/channels/111/5/2011"


async def test_forgetting_a_message_removes_it_from_search(store: Store) -> None:
    """A dismissed digest leaves the archive and its search index."""
    await archive(store, GUILD_A, 1001, make_digest("Dismissed story"))
    assert await store.forget_message(1001) == 1
    assert await store.search(GUILD_A, "dismissed") == []
    assert await store.recent(GUILD_A) == []


async def test_everything_survives_a_reopen(new_store: StoreFactory) -> None:
    """Settings, cache and archive are on disk once the call returns."""
    first = new_store()
    await first.open()
    try:
        await first.set_auto_mode(GUILD_A, "off")
        await first.add_channel(GUILD_A, 9)
        await first.cache_digest("https://e.com/a", make_digest("Kept"))
        await archive(first, GUILD_A, 3001, make_digest("Archived forever"))
    finally:
        await first.close()
    second = new_store()
    await second.open()
    try:
        settings = await second.guild_settings(GUILD_A)
        assert settings.auto_mode == "off" and settings.channel_ids == frozenset({9})
        assert (await second.cached_digest("https://e.com/a", 60)) == make_digest("Kept")
        assert [row.message_id for row in await second.search(GUILD_A, "archived")] == [3001]
    finally:
        await second.close()


async def test_using_a_closed_store_is_an_error(new_store: StoreFactory) -> None:
    """A store that was never opened says so instead of failing obscurely."""
    with pytest.raises(StoreError):
        await new_store().guild_settings(GUILD_A)


async def test_search_is_in_the_digests_language(store: Store) -> None:
    """Every backend finds a word typed in part, several words, and words with accents."""
    await archive(
        store, GUILD_A, 4001, make_digest("Elections in Brazil", claim="Voters queued early.")
    )
    await archive(
        store,
        GUILD_A,
        4002,
        make_digest("Les élections municipales", claim="Les électeurs votent.", language="fr"),
    )
    assert [row.message_id for row in await store.search(GUILD_A, "Brazi")] == [4001]
    assert [row.message_id for row in await store.search(GUILD_A, "voters queued")] == [4001]
    assert 4002 in [row.message_id for row in await store.search(GUILD_A, "municipales")]
