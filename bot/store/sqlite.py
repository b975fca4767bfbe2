"""The SQLite store (the default: one file, no server): WAL, FTS5 search, numbered migrations
recorded in `PRAGMA user_version`, and a check of the file at open."""

from __future__ import annotations

import asyncio
import json
import logging
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, closing
from pathlib import Path

import aiosqlite

from bot.config import AutoMode
from bot.store.base import (
    ArchivedDigest,
    GuildSettings,
    SearchFields,
    StoreError,
    auto_mode_of,
    checked_setting,
    search_words,
)
from summarizer.model import Digest

log = logging.getLogger(__name__)

# Numbered steps, applied in order, each in its own transaction with the version it reaches.
# A released step is never edited: a change to the schema is a new step at the end. Steps are
# plain statements separated by semicolons (no triggers: they are run one by one).
MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
CREATE TABLE IF NOT EXISTS digest_cache (
    canonical_url TEXT PRIMARY KEY,
    digest_json   TEXT NOT NULL,
    stored_at     REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS archive (
    id          INTEGER PRIMARY KEY,
    guild_id    INTEGER NOT NULL,
    channel_id  INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    poster_id   INTEGER NOT NULL,
    url         TEXT NOT NULL,
    headline    TEXT NOT NULL,
    digest_json TEXT NOT NULL,
    created_at  REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS archive_by_guild ON archive (guild_id, created_at DESC);
CREATE INDEX IF NOT EXISTS archive_by_message ON archive (message_id);
CREATE VIRTUAL TABLE IF NOT EXISTS archive_search USING fts5 (
    headline, subheadings, claims, tags, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS guild_settings (
    guild_id  INTEGER PRIMARY KEY,
    auto_mode TEXT,
    max_links INTEGER
);
CREATE TABLE IF NOT EXISTS guild_channels (
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);
""",
    ),
    # How many sections a server's cards show (NULL: the bot's default).
    (2, "ALTER TABLE guild_settings ADD COLUMN card_sections INTEGER;"),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]
BUSY_TIMEOUT_MS = 5000

CORRUPT_FIX = (
    "Restore it from a backup, or move it aside (Skim then starts a new, empty archive); "
    '`sqlite3 FILE ".recover"` may save what is readable'
)


def fts_query(text: str) -> str | None:
    """User words as an FTS5 query (every word must match, as a prefix); None if no words."""
    words = search_words(text)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def file_problem(path: Path, error: sqlite3.Error | OSError) -> StoreError:
    """One line saying what is wrong with the database file, and the fix that applies to it."""
    if isinstance(error, OSError):
        where = Path(error.filename) if error.filename else path.parent
        why = (
            "a file is in the way"
            if isinstance(error, FileExistsError | NotADirectoryError)
            else error.strerror or str(error)
        )
        return StoreError(
            f"cannot create the directory {where} for {path.name} ({why})",
            "Point SKIM_DB_PATH at a file in a directory Skim can write to",
        )
    name = getattr(error, "sqlite_errorname", "")
    if name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or "malformed" in str(error):
        return StoreError(f"{path} is damaged or not a Skim database ({error})", CORRUPT_FIX)
    if name == "SQLITE_FULL":
        return StoreError(
            f"the disk holding {path} is full",
            "Free some space on it (or point SKIM_DB_PATH at another disk), then start Skim again",
        )
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return StoreError(
            f"{path} is locked by another program",
            "Stop the other program (another Skim on the same file?) or point SKIM_DB_PATH "
            "at a file of this Skim's own",
        )
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return StoreError(
            f"cannot write {path} ({error})",
            "Make the file and its directory writable by the user running Skim, or point "
            "SKIM_DB_PATH at a writable file",
        )
    return StoreError(
        f"cannot use {path}: {error}", "Check the file, or point SKIM_DB_PATH at another one"
    )


def check_file(path: Path) -> int:
    """Open the file with plain sqlite3 and check it: readable, intact (`PRAGMA quick_check`),
    of a schema this Skim knows, writable. Returns its schema version; raises StoreError.

    Run before aiosqlite opens the file: a failed `aiosqlite.connect` leaves its worker thread
    calling back into the event loop, which `asyncio.run` may already have closed (a 20-line
    "Event loop is closed" traceback after the one-line message).
    """
    try:
        if path.parent != Path():
            path.parent.mkdir(parents=True, exist_ok=True)
        with closing(
            sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        ) as db:
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{path} was written by a newer Skim (schema {version}; this one knows "
                    f"up to {SCHEMA_VERSION})",
                    "Upgrade Skim to the version that wrote it, or point SKIM_DB_PATH at "
                    "another file",
                )
            verdict = [str(row[0]) for row in db.execute("PRAGMA quick_check(5)").fetchall()]
            if verdict != ["ok"]:
                raise StoreError(f"{path} is damaged ({'; '.join(verdict)[:200]})", CORRUPT_FIX)
            # A real write (the header page), so a read-only file or a full disk shows now. It
            # rewrites the version read under the write lock: another process may have migrated
            # the file since the read above, and must not see its version set back.
            db.execute("BEGIN IMMEDIATE")
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            db.execute(f"PRAGMA user_version = {version}")
            db.execute("COMMIT")
            return version
    except (sqlite3.Error, OSError) as error:
        raise file_problem(path, error) from None


class SqliteStore:
    """The bot's one SQLite file (WAL). Every write is a transaction, committed before returning."""

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._db: aiosqlite.Connection | None = None
        # aiosqlite runs one connection on one thread; the lock keeps two tasks' transactions apart.
        self._write_lock = asyncio.Lock()

    @property
    def where(self) -> str:
        """The file, for logs."""
        return f"SQLite file {self.path}"

    async def open(self) -> None:
        """Check the file, open it and bring its schema to SCHEMA_VERSION (StoreError if not)."""
        version = await asyncio.to_thread(check_file, self.path)
        try:
            # Autocommit mode: every write below opens and commits its own explicit transaction.
            db = await aiosqlite.connect(self.path, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise file_problem(self.path, error) from None
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit survives even a power cut, not only a crash of the bot.
            await db.execute("PRAGMA synchronous=FULL")
            await db.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
            for step, script in MIGRATIONS:
                if step > version:
                    await self._migrate(db, step, script)
        except sqlite3.Error as error:
            await db.close()
            raise file_problem(self.path, error) from None
        except BaseException:
            await db.close()
            raise
        self._db = db
        log.debug("store open at %s (schema %d)", self.path, SCHEMA_VERSION)

    async def _migrate(self, db: aiosqlite.Connection, step: int, script: str) -> None:
        """Apply one step in one write transaction, unless another process on the same file
        applied it while this one waited for the lock."""
        await db.execute("BEGIN IMMEDIATE")
        try:
            async with db.execute("PRAGMA user_version") as cursor:
                row = await cursor.fetchone()
            if row is not None and int(row[0]) >= step:
                await db.rollback()
                return
            for statement in script.split(";"):  # steps are plain statements, no triggers
                if statement.strip():
                    await db.execute(statement)
            await db.execute(f"PRAGMA user_version = {step}")
        except BaseException:
            await db.rollback()
            raise
        await db.commit()
        log.info("%s: schema migrated to version %d", self.path, step)

    async def close(self) -> None:
        """Close the database; safe to call twice."""
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    async def __aenter__(self) -> SqliteStore:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on error: a write lands whole or not at all."""
        async with self._write_lock:
            db = self.db
            await db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                await db.rollback()
                raise
            await db.commit()

    @property
    def db(self) -> aiosqlite.Connection:
        """The open connection (the store must have been opened)."""
        if self._db is None:
            raise StoreError("the store is not open")
        return self._db

    # -- digest cache -------------------------------------------------------------------------

    async def cached_digest(self, canonical_url: str, ttl_seconds: float) -> Digest | None:
        """The cached digest of a page, if it is younger than `ttl_seconds`."""
        async with self.db.execute(
            "SELECT digest_json, stored_at FROM digest_cache WHERE canonical_url = ?",
            (canonical_url,),
        ) as cursor:
            row = await cursor.fetchone()
        if row is None or self._clock() - float(row[1]) > ttl_seconds:
            return None
        return Digest.from_dict(json.loads(row[0]))

    async def cache_digest(self, canonical_url: str, digest: Digest) -> None:
        """Remember a page's digest (replacing an older one)."""
        async with self._transaction() as db:
            await db.execute(
                "INSERT OR REPLACE INTO digest_cache (canonical_url, digest_json, stored_at)"
                " VALUES (?, ?, ?)",
                (canonical_url, json.dumps(digest.to_dict()), self._clock()),
            )

    async def purge_cache(self, ttl_seconds: float) -> int:
        """Drop expired cache rows; returns how many went."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "DELETE FROM digest_cache WHERE stored_at < ?", (self._clock() - ttl_seconds,)
            )
        return cursor.rowcount

    # -- archive ------------------------------------------------------------------------------

    async def archive_digest(
        self,
        *,
        guild_id: int,
        channel_id: int,
        message_id: int,
        poster_id: int,
        url: str,
        digest: Digest,
    ) -> None:
        """Record a posted digest and index it for search, in one transaction."""
        fields = SearchFields.of(digest)
        async with self._transaction() as db:
            cursor = await db.execute(
                "INSERT INTO archive (guild_id, channel_id, message_id, poster_id, url, headline,"
                " digest_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    guild_id,
                    channel_id,
                    message_id,
                    poster_id,
                    url,
                    digest.title,
                    json.dumps(digest.to_dict()),
                    self._clock(),
                ),
            )
            await db.execute(
                "INSERT INTO archive_search (rowid, headline, subheadings, claims, tags)"
                " VALUES (?, ?, ?, ?, ?)",
                (cursor.lastrowid, fields.headline, fields.subheadings, fields.claims, fields.tags),
            )

    async def forget_message(self, message_id: int) -> int:
        """Drop the archive rows of a deleted digest message; returns how many went."""
        async with self._transaction() as db:
            await db.execute(
                "DELETE FROM archive_search WHERE rowid IN"
                " (SELECT id FROM archive WHERE message_id = ?)",
                (message_id,),
            )
            cursor = await db.execute("DELETE FROM archive WHERE message_id = ?", (message_id,))
        return cursor.rowcount

    async def search(self, guild_id: int, query: str, limit: int = 5) -> list[ArchivedDigest]:
        """This server's archived digests best matching `query` (never another server's)."""
        match = fts_query(query)
        if match is None:
            return []
        async with self.db.execute(
            "SELECT a.guild_id, a.channel_id, a.message_id, a.poster_id, a.url, a.headline,"
            " a.created_at FROM archive_search JOIN archive AS a ON a.id = archive_search.rowid"
            " WHERE archive_search MATCH ? AND a.guild_id = ?"
            " ORDER BY bm25(archive_search, 4.0, 2.0, 1.0, 2.0), a.created_at DESC LIMIT ?",
            (match, guild_id, limit),
        ) as cursor:
            rows = await cursor.fetchall()
        return [_archived(row) for row in rows]

    async def recent(self, guild_id: int, limit: int = 10) -> list[ArchivedDigest]:
        """This server's latest archived digests, newest first."""
        async with self.db.execute(
            "SELECT guild_id, channel_id, message_id, poster_id, url, headline, created_at"
            " FROM archive WHERE guild_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
            (guild_id, limit),
        ) as cursor:
            rows = await cursor.fetchall()
        return [_archived(row) for row in rows]

    # -- guild settings -----------------------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        """A server's settings (defaults when it never changed any)."""
        async with self.db.execute(
            "SELECT auto_mode, max_links, card_sections FROM guild_settings WHERE guild_id = ?",
            (guild_id,),
        ) as cursor:
            row = await cursor.fetchone()
        async with self.db.execute(
            "SELECT channel_id FROM guild_channels WHERE guild_id = ?", (guild_id,)
        ) as cursor:
            channels = frozenset(int(r[0]) for r in await cursor.fetchall())
        if row is None:
            return GuildSettings(channel_ids=channels)
        return GuildSettings(
            auto_mode=auto_mode_of(row[0]),
            max_links=int(row[1]) if row[1] is not None else None,
            channel_ids=channels,
            card_sections=int(row[2]) if row[2] is not None else None,
        )

    async def set_auto_mode(self, guild_id: int, mode: AutoMode) -> None:
        """Set when Skim answers links on its own in this server."""
        await self._upsert_setting(guild_id, "auto_mode", mode)

    async def set_max_links(self, guild_id: int, max_links: int) -> None:
        """Set how many links of one message Skim digests in this server."""
        await self._upsert_setting(guild_id, "max_links", max_links)

    async def set_card_sections(self, guild_id: int, sections: int) -> None:
        """Set how many sections this server's cards show."""
        await self._upsert_setting(guild_id, "card_sections", sections)

    async def _upsert_setting(self, guild_id: int, column: str, value: str | int) -> None:
        """Set one column of the server's settings row, creating the row if needed."""
        column = checked_setting(column)
        async with self._transaction() as db:
            await db.execute(
                f"INSERT INTO guild_settings (guild_id, {column}) VALUES (?, ?)"  # noqa: S608 - column checked above
                f" ON CONFLICT (guild_id) DO UPDATE SET {column} = excluded.{column}",
                (guild_id, value),
            )

    async def add_channel(self, guild_id: int, channel_id: int) -> bool:
        """List a channel for `channels` mode; False if it was listed already."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "INSERT OR IGNORE INTO guild_channels (guild_id, channel_id) VALUES (?, ?)",
                (guild_id, channel_id),
            )
        return cursor.rowcount > 0

    async def remove_channel(self, guild_id: int, channel_id: int) -> bool:
        """Unlist a channel; False if it was not listed."""
        async with self._transaction() as db:
            cursor = await db.execute(
                "DELETE FROM guild_channels WHERE guild_id = ? AND channel_id = ?",
                (guild_id, channel_id),
            )
        return cursor.rowcount > 0


def _archived(row: aiosqlite.Row) -> ArchivedDigest:
    return ArchivedDigest(
        guild_id=int(row[0]),
        channel_id=int(row[1]),
        message_id=int(row[2]),
        poster_id=int(row[3]),
        url=str(row[4]),
        headline=str(row[5]),
        created_at=float(row[6]),
    )
