"""bot/store/postgres.py against a real PostgreSQL: migrations in skim_schema, the check at open
(unreachable, login refused, no such database, newer schema, damaged schema) with the right
fix-it, language-aware search, and reconnecting after the server restarts."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import asyncpg
import pytest

from bot.store import PostgresStore, StoreError, StoreUnavailable
from bot.store.postgres import MIGRATIONS, SCHEMA_VERSION, search_config
from testkit.servers import (
    PostgresServer,
    ServerMissing,
    free_port,
    missing_server,
    postgres_bindir,
)
from tests.bot.test_store import GUILD_A, archive, make_digest


@pytest.fixture
async def url(postgres_server: PostgresServer) -> str:
    """A fresh database of this test's own."""
    return postgres_server.new_database()


@pytest.fixture
async def store(url: str) -> AsyncIterator[PostgresStore]:
    async with PostgresStore(url) as opened:
        yield opened


async def schema_version(url: str) -> int:
    db = await asyncpg.connect(url)
    try:
        return int(await db.fetchval("SELECT max(version) FROM skim_schema"))
    finally:
        await db.close()


async def test_a_new_database_gets_every_step_recorded(store: PostgresStore, url: str) -> None:
    """Opening an empty database applies the numbered steps and records the last one."""
    assert [step for step, _ in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert await schema_version(url) == SCHEMA_VERSION


async def test_a_version_1_database_is_migrated_and_keeps_its_rows(url: str) -> None:
    """A database at schema 1 gains the card_sections column; its settings stay."""
    db = await asyncpg.connect(url)
    await db.execute("CREATE TABLE skim_schema (version INTEGER NOT NULL)")
    await db.execute(MIGRATIONS[0][1])
    await db.execute("INSERT INTO skim_schema VALUES (1)")
    await db.execute("INSERT INTO guild_settings (guild_id, auto_mode) VALUES ($1, 'off')", GUILD_A)
    await db.close()
    async with PostgresStore(url) as store:
        assert (await store.guild_settings(GUILD_A)).auto_mode == "off"
        await store.set_card_sections(GUILD_A, 5)
        assert (await store.guild_settings(GUILD_A)).card_sections == 5
    assert await schema_version(url) == SCHEMA_VERSION == 2


async def test_processes_opening_together_migrate_once(url: str) -> None:
    """Several processes starting at once on an empty database all open it (advisory lock)."""
    stores = [PostgresStore(url) for _ in range(4)]
    await asyncio.gather(*(store.open() for store in stores))
    try:
        await stores[0].set_max_links(GUILD_A, 4)
        assert (await stores[3].guild_settings(GUILD_A)).max_links == 4
    finally:
        await asyncio.gather(*(store.close() for store in stores))
    assert await schema_version(url) == SCHEMA_VERSION


async def test_a_newer_schema_is_refused_with_upgrade_advice(url: str) -> None:
    """A database a newer Skim migrated is not reused, and the fix is to upgrade."""
    async with PostgresStore(url):
        pass
    db = await asyncpg.connect(url)
    await db.execute("UPDATE skim_schema SET version = $1", SCHEMA_VERSION + 1)
    await db.close()
    with pytest.raises(StoreError) as refused:
        await PostgresStore(url).open()
    assert "newer Skim" in refused.value.problem and refused.value.fix.startswith("Upgrade")


async def test_a_schema_missing_a_table_is_called_damaged(url: str) -> None:
    """A recorded version whose tables are gone is a damaged database, not an empty one."""
    async with PostgresStore(url):
        pass
    db = await asyncpg.connect(url)
    await db.execute("DROP TABLE guild_channels")
    await db.close()
    with pytest.raises(StoreError) as refused:
        await PostgresStore(url).open()
    assert "lacks the table guild_channels" in refused.value.problem


async def test_a_wrong_password_is_a_login_problem(postgres_server: PostgresServer) -> None:
    """A refused login names SKIM_DATABASE_URL's user and password, not the server."""
    with pytest.raises(StoreError) as refused:
        await PostgresStore(postgres_server.url(password="wrong")).open()
    assert "refused the login" in refused.value.problem
    assert "password in SKIM_DATABASE_URL" in refused.value.fix
    assert "wrong" not in refused.value.line  # the password is never shown


async def test_a_missing_database_says_how_to_create_it(postgres_server: PostgresServer) -> None:
    """No such database: createdb it."""
    with pytest.raises(StoreError) as refused:
        await PostgresStore(postgres_server.url("nosuchdb")).open()
    assert "no database 'nosuchdb'" in refused.value.problem
    assert "createdb nosuchdb" in refused.value.fix


async def test_an_unreachable_server_says_start_it() -> None:
    """Nothing listening at the URL: start the server or fix the host and port."""
    with pytest.raises(StoreUnavailable) as refused:
        await PostgresStore(f"postgresql://skim:pw@127.0.0.1:{free_port()}/skim").open()
    assert "cannot reach PostgreSQL" in refused.value.problem
    assert refused.value.fix.startswith("Start the server")


def test_languages_map_to_text_search_configurations() -> None:
    """ISO codes (with regions) pick PostgreSQL's configuration; others fall back to simple."""
    available = frozenset({"simple", "english", "portuguese", "french"})
    assert search_config("en", available) == "english"
    assert search_config("pt-BR", available) == "portuguese"
    assert search_config("FR_ca", available) == "french"
    assert search_config("ja", available) == "simple"
    assert search_config("de", available) == "simple"  # not installed on this server
    assert search_config(None, available) == "simple"


async def test_search_stems_in_the_digests_language(store: PostgresStore) -> None:
    """An English digest is found by another form of its words; a French one by French forms;
    a digest of unknown language by its exact words."""
    await archive(store, GUILD_A, 1, make_digest("Ministers resign", claim="Talks collapsed."))
    await archive(
        store,
        GUILD_A,
        2,
        make_digest("Grève des cheminots", claim="Les trains restent bloqués.", language="fr"),
    )
    await archive(store, GUILD_A, 3, make_digest("東京 マラソン", claim="走る", language="ja"))
    assert [r.message_id for r in await store.search(GUILD_A, "minister resigning")] == [1]
    assert [r.message_id for r in await store.search(GUILD_A, "talk collapse")] == [1]
    assert [r.message_id for r in await store.search(GUILD_A, "train bloqué")] == [2]
    assert [r.message_id for r in await store.search(GUILD_A, "東京")] == [3]
    assert await store.search(GUILD_A, "ministers -resign") == []  # websearch syntax works


@pytest.mark.servers
async def test_a_restarted_server_is_reconnected_to() -> None:
    """While the server is down, calls raise StoreUnavailable (one line); once it is back,
    the same store works again without being reopened, and what was written is there."""
    try:
        postgres_bindir()
    except ServerMissing as problem:
        missing_server(problem)
    server = PostgresServer().start()
    try:
        async with PostgresStore(server.url()) as store:
            await store.set_auto_mode(GUILD_A, "channels")
            server.kill()
            with pytest.raises(StoreUnavailable) as down:
                await store.guild_settings(GUILD_A)
            assert "\n" not in down.value.line
            with pytest.raises(StoreUnavailable):
                await store.set_max_links(GUILD_A, 2)
            server.start()
            assert (await store.guild_settings(GUILD_A)).auto_mode == "channels"
            await store.set_max_links(GUILD_A, 2)
            assert (await store.guild_settings(GUILD_A)).max_links == 2
    finally:
        server.stop()
