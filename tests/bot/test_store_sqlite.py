"""bot/store/sqlite.py: WAL, migrations in user_version, transactions, and the check at open that
names what is wrong with a file (damaged, newer schema, unwritable, disk full) and its fix."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bot.store import GuildSettings, SqliteStore, StoreError
from bot.store.sqlite import MIGRATIONS, SCHEMA_VERSION, file_problem, fts_query
from summarizer.model import Section
from tests.bot.test_store import GUILD_A, archive, make_digest


async def test_new_database_has_wal_and_the_schema_version(tmp_path: Path) -> None:
    """A fresh file is in WAL mode and records the newest schema version."""
    async with SqliteStore(tmp_path / "skim.db") as store:
        async with store.db.execute("PRAGMA journal_mode") as cursor:
            assert (await cursor.fetchone())[0] == "wal"  # type: ignore[index]
        async with store.db.execute("PRAGMA user_version") as cursor:
            assert (await cursor.fetchone())[0] == SCHEMA_VERSION  # type: ignore[index]


def test_migrations_are_numbered_steps_in_order() -> None:
    """Steps are 1, 2, 3…: the version a file records says exactly which steps it has."""
    assert [step for step, _ in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


OLD_DIGEST = {  # a cached digest as schema 1 stored it (no section importances, no image)
    "url": "https://news.example/old",
    "canonical_url": None,
    "title": "Old row",
    "site_name": None,
    "byline": None,
    "published": None,
    "language": "en",
    "text": "",
    "sections": [{"heading": None, "claims": ["An old claim."]}, {"heading": "H", "claims": []}],
    "tags": ["NATO"],
    "word_count": 3,
    "reading_minutes": 1,
}


async def test_a_version_1_file_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    """A file written by schema version 1 gains the card_sections column, settings and
    cached digests intact; a cached row without section importances still loads."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0][1])
        db.execute(
            "INSERT INTO guild_settings (guild_id, auto_mode, max_links) VALUES (1, 'off', 2)"
        )
        db.execute(
            "INSERT INTO digest_cache VALUES (?, ?, ?)",
            ("https://news.example/old", json.dumps(OLD_DIGEST), 1_000_000.0),
        )
        db.execute("PRAGMA user_version = 1")
    async with SqliteStore(path, clock=lambda: 1_000_000.0) as store:
        async with store.db.execute("PRAGMA user_version") as cursor:
            assert (await cursor.fetchone())[0] == SCHEMA_VERSION == 2  # type: ignore[index]
        assert await store.guild_settings(1) == GuildSettings(auto_mode="off", max_links=2)
        await store.set_card_sections(1, 8)
        assert (await store.guild_settings(1)).card_sections == 8
        cached = await store.cached_digest("https://news.example/old", 60)
        assert cached is not None and cached.image is None
        assert cached.sections[0] == Section(heading=None, claims=["An old claim."])


async def test_a_newer_schema_is_refused_with_upgrade_advice(tmp_path: Path) -> None:
    """A database written by a newer Skim is not reused, and the fix is to upgrade."""
    path = tmp_path / "future.db"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError) as refused:
        await SqliteStore(path).open()
    assert "newer Skim" in refused.value.problem
    assert refused.value.fix.startswith("Upgrade Skim")
    assert "writable" not in refused.value.line


def damage(path: Path) -> None:
    """Overwrite pages in the middle of a database file, keeping its header valid."""
    size = path.stat().st_size
    with path.open("r+b") as file:
        for offset in range(4096, size - 4096, 8192):
            file.seek(offset + 16)
            file.write(b"\xde\xad\xbe\xef" * 64)


async def test_a_damaged_file_is_found_at_open(tmp_path: Path) -> None:
    """A file with a valid header and damaged pages is refused at start (quick_check), with the
    fix for damage (restore or move aside), not "make it writable"."""
    path = tmp_path / "skim.db"
    async with SqliteStore(path) as store:
        for number in range(300):
            await archive(store, GUILD_A, number, make_digest(f"Story number {number}"))
        await store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    damage(path)
    with pytest.raises(StoreError) as refused:
        await SqliteStore(path).open()
    assert "is damaged" in refused.value.problem
    assert "backup" in refused.value.fix and "move it aside" in refused.value.fix


async def test_a_file_that_is_not_a_database_is_called_damaged(tmp_path: Path) -> None:
    """Random bytes where the database should be get the damaged-file fix."""
    path = tmp_path / "skim.db"
    path.write_bytes(b"this is a text file, not SQLite\n" * 200)
    with pytest.raises(StoreError) as refused:
        await SqliteStore(path).open()
    assert "damaged or not a Skim database" in refused.value.problem


async def test_a_path_under_a_file_is_unwritable(tmp_path: Path) -> None:
    """A directory that cannot be made is named, with the SKIM_DB_PATH fix."""
    (tmp_path / "not-a-dir").write_text("x", encoding="utf-8")
    with pytest.raises(StoreError) as refused:
        await SqliteStore(tmp_path / "not-a-dir" / "skim.db").open()
    assert "cannot create the directory" in refused.value.problem
    assert "SKIM_DB_PATH" in refused.value.fix


def test_a_full_disk_gets_the_free_space_fix(tmp_path: Path) -> None:
    """SQLITE_FULL (here from a page limit, as from a full disk) says to free space."""
    with sqlite3.connect(tmp_path / "tiny.db") as db:
        db.execute("CREATE TABLE t (x TEXT)")
        db.execute("PRAGMA max_page_count = 3")
        with pytest.raises(sqlite3.OperationalError) as full:
            db.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    problem = file_problem(tmp_path / "tiny.db", full.value)
    assert "is full" in problem.problem and problem.fix.startswith("Free some space")


def test_a_read_only_file_gets_the_writable_fix(tmp_path: Path) -> None:
    """SQLITE_READONLY says to make the file writable (the one case that fix is right for)."""
    path = tmp_path / "ro.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    with (
        sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db,
        pytest.raises(sqlite3.OperationalError) as readonly,
    ):
        db.execute("INSERT INTO t VALUES (1)")
    problem = file_problem(path, readonly.value)
    assert "writable" in problem.fix


def test_fts_query_quotes_words() -> None:
    """User words become quoted prefix terms; no words, no query."""
    assert fts_query('Lavrov "NATO"') == '"Lavrov"* "NATO"*'
    assert fts_query("*** ()") is None


async def test_a_failed_write_leaves_nothing_half_done(tmp_path: Path) -> None:
    """An archive write that fails midway rolls back both the row and its index entry."""
    async with SqliteStore(tmp_path / "skim.db") as store:
        await archive(store, GUILD_A, 1001, make_digest("First"))
        # Make the index insert fail after the archive insert: a clashing rowid in the FTS table.
        async with store.db.execute("SELECT max(id) FROM archive") as cursor:
            last_id = (await cursor.fetchone())[0]  # type: ignore[index]
        await store.db.execute(
            "INSERT INTO archive_search (rowid, headline, subheadings, claims, tags)"
            " VALUES (?, '', '', '', '')",
            (last_id + 1,),
        )
        with pytest.raises(sqlite3.IntegrityError):
            await archive(store, GUILD_A, 1002, make_digest("Second"))
        assert [row.message_id for row in await store.recent(GUILD_A)] == [1001]
        # With the trap gone, the store works on after the failure.
        await store.db.execute("DELETE FROM archive_search WHERE rowid = ?", (last_id + 1,))
        await archive(store, GUILD_A, 1003, make_digest("Third"))
        assert [row.message_id for row in await store.search(GUILD_A, "third")] == [1003]
