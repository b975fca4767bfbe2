"""SQLite storage: the digest cache, the per-server archive (FTS5 search) and server settings."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sqlite3
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import aiosqlite

from bot.config import AutoMode
from summarizer.model import Digest

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

# The schema as version 1 created it; later versions are steps on top (MIGRATIONS), applied in
# order. PRAGMA user_version records which version a file holds.
_SCHEMA_V1 = """
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
"""
# MIGRATIONS[n] takes a file from version n - 1 to n.
MIGRATIONS: dict[int, str] = {
    1: _SCHEMA_V1,
    # 2: how many sections a server's cards show (NULL: the bot's default).
    2: "ALTER TABLE guild_settings ADD COLUMN card_sections INTEGER;",
}
_SETTING_COLUMNS = frozenset({"auto_mode", "max_links", "card_sections"})

_SEARCH_WORD = re.compile(r"\w+", re.UNICODE)


class StoreError(Exception):
    """The database could not be opened or has a schema this version does not know."""


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """A server's own settings; None means "use the bot-wide default"."""

    auto_mode: AutoMode | None = None
    max_links: int | None = None
    channel_ids: frozenset[int] = frozenset()
    card_sections: int | None = None


@dataclass(frozen=True, slots=True)
class ArchivedDigest:
    """One digest Skim posted in a server: where, for whom, and what."""

    guild_id: int
    channel_id: int
    message_id: int
    poster_id: int
    url: str
    headline: str
    created_at: float

    @property
    def jump_url(self) -> str:
        """The link that opens the digest message in Discord."""
        return f"https://discord.com/channels/{self.guild_id}/{self.channel_id}/{self.message_id}"


def fts_query(text: str) -> str | None:
    """User words as an FTS5 query (every word must match, as a prefix); None if no words."""
    words = _SEARCH_WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words[:16])


class Store:
    """The bot's one SQLite file (WAL). Every write is a transaction, committed before returning."""

    def __init__(self, path: Path, *, clock: Callable[[], float] = time.time) -> None:
        self.path = path
        self._clock = clock
        self._db: aiosqlite.Connection | None = None
        # aiosqlite runs one connection on one thread; the lock keeps two tasks' transactions apart.
        self._write_lock = asyncio.Lock()

    async def open(self) -> None:
        """Open (creating if needed) the database and bring its schema to SCHEMA_VERSION."""
        try:
            if self.path.parent != Path():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            # Autocommit mode: every write below opens and commits its own explicit transaction.
            db = await aiosqlite.connect(self.path, isolation_level=None)
        except (OSError, sqlite3.Error) as error:
            raise StoreError(f"cannot open {self.path}: {error}") from error
        try:
            await db.execute("PRAGMA journal_mode=WAL")
            # FULL: a commit survives even a power cut, not only a crash of the bot.
            await db.execute("PRAGMA synchronous=FULL")
            await db.execute("PRAGMA busy_timeout=5000")
            async with db.execute("PRAGMA user_version") as cursor:
                row = await cursor.fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path} has schema version {version}; this Skim knows {SCHEMA_VERSION}"
                )
            if version < SCHEMA_VERSION:
                steps = " ".join(MIGRATIONS[n] for n in range(version + 1, SCHEMA_VERSION + 1))
                await db.executescript(
                    f"BEGIN; {steps} PRAGMA user_version = {SCHEMA_VERSION}; COMMIT;"
                )
        except sqlite3.Error as error:
            await db.close()
            raise StoreError(f"cannot use {self.path}: {error}") from error
        except BaseException:
            await db.close()
            raise
        self._db = db
        log.debug("store open at %s (schema %d)", self.path, SCHEMA_VERSION)

    async def close(self) -> None:
        """Close the database; safe to call twice."""
        if self._db is not None:
            db, self._db = self._db, None
            await db.close()

    async def __aenter__(self) -> Store:
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
        subheadings = " \n".join(s.heading for s in digest.sections if s.heading)
        claims = " \n".join(claim for s in digest.sections for claim in s.claims)
        tags = " ".join(digest.tags)
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
                (cursor.lastrowid, digest.title, subheadings, claims, tags),
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
        mode = row[0] if row[0] in ("all", "channels", "off") else None
        return GuildSettings(
            auto_mode=mode,
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
        if column not in _SETTING_COLUMNS:
            raise ValueError(f"unknown setting {column!r}")
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
