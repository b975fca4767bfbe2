"""The PostgreSQL store (SKIM_DATABASE_URL=postgresql://…), for shards on several processes or
machines: one archive and one set of server settings for all of them. Same interface and the
same guarantees as the SQLite store: numbered migrations (recorded in `skim_schema`), a check at
open, and every write committed (synchronous_commit on) before the call returns. Search uses a
weighted tsvector in the digest's own language where PostgreSQL has a configuration for it."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar
from urllib.parse import urlsplit

import asyncpg

from bot.config import AutoMode
from bot.store.base import (
    ArchivedDigest,
    GuildSettings,
    SearchFields,
    StoreError,
    StoreUnavailable,
    auto_mode_of,
    checked_setting,
    search_words,
)
from summarizer.model import Digest

log = logging.getLogger(__name__)

T = TypeVar("T")

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
CREATE TABLE digest_cache (
    canonical_url TEXT PRIMARY KEY,
    digest_json   TEXT NOT NULL,
    stored_at     DOUBLE PRECISION NOT NULL
);
CREATE TABLE archive (
    id            BIGSERIAL PRIMARY KEY,
    guild_id      BIGINT NOT NULL,
    channel_id    BIGINT NOT NULL,
    message_id    BIGINT NOT NULL,
    poster_id     BIGINT NOT NULL,
    url           TEXT NOT NULL,
    headline      TEXT NOT NULL,
    digest_json   TEXT NOT NULL,
    created_at    DOUBLE PRECISION NOT NULL,
    search_config REGCONFIG NOT NULL,
    search        TSVECTOR NOT NULL
);
CREATE INDEX archive_by_guild ON archive (guild_id, created_at DESC);
CREATE INDEX archive_by_message ON archive (message_id);
CREATE INDEX archive_search ON archive USING GIN (search);
CREATE TABLE guild_settings (
    guild_id  BIGINT PRIMARY KEY,
    auto_mode TEXT,
    max_links INTEGER
);
CREATE TABLE guild_channels (
    guild_id   BIGINT NOT NULL,
    channel_id BIGINT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);
""",
    ),
    # How many sections a server's cards show (NULL: the bot's default).
    (2, "ALTER TABLE guild_settings ADD COLUMN card_sections INTEGER;"),
)
SCHEMA_VERSION = MIGRATIONS[-1][0]
# Tables the schema must have once migrated: a database that claims the version but lacks one
# was damaged by hand.
TABLES = ("digest_cache", "archive", "guild_settings", "guild_channels")
# Any fixed number: every Skim process takes this advisory lock to migrate, one at a time.
MIGRATION_LOCK = 0x5CA1AB1E
MIN_SERVER_VERSION = 110000  # websearch_to_tsquery came with PostgreSQL 11
CONNECT_TIMEOUT_S = 5.0
COMMAND_TIMEOUT_S = 10.0
POOL_MAX = 10

# ISO 639-1 codes of the languages PostgreSQL ships a text-search configuration for; any other
# language (or none known) is indexed with 'simple' (lower-cased words, no stemming).
LANGUAGE_CONFIGS = {
    "ar": "arabic",
    "ca": "catalan",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "eu": "basque",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}
FALLBACK_CONFIG = "simple"
SEARCH_TEXT_MAX = 500  # characters of a search handed to websearch_to_tsquery

# What a lost connection looks like from asyncpg: the server may come back.
_UNREACHABLE: tuple[type[BaseException], ...] = (
    OSError,
    TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
    # What asyncpg raises when a connection that broke mid-query is given back to the pool.
    asyncpg.InternalClientError,
)

_ARCHIVED_COLUMNS = "guild_id, channel_id, message_id, poster_id, url, headline, created_at"


def search_config(language: str | None, available: frozenset[str]) -> str:
    """The text-search configuration for a digest's language ('simple' when none fits)."""
    if not language:
        return FALLBACK_CONFIG
    primary = language.replace("_", "-").split("-", 1)[0].lower()
    config = LANGUAGE_CONFIGS.get(primary, FALLBACK_CONFIG)
    return config if config in available else FALLBACK_CONFIG


def prefix_query(words: list[str]) -> str:
    """Every word as a prefix (`'blink':* & 'geneva':*`), as SQLite's search matches them.

    The words come from `search_words` (letters, digits, underscores), so no quoting is needed
    beyond the quotes around each.
    """
    return " & ".join(f"'{word}':*" for word in words)


def uses_operators(text: str) -> bool:
    """Whether a search uses websearch syntax ("phrase", -word, or), which prefixes would undo."""
    return (
        '"' in text
        or " or " in f" {text.lower()} "
        or any(token.startswith("-") for token in text.split())
    )


def redacted(url: str) -> str:
    """The database URL without its password, for logs and messages."""
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    port = f":{parts.port}" if parts.port else ""
    user = f"{parts.username}@" if parts.username else ""
    return f"postgresql://{user}{host}{port}{parts.path}"


def connect_problem(url: str, error: BaseException) -> StoreError:
    """One line for a failed connection or check, with the fix that applies to it."""
    where = redacted(url)
    if isinstance(
        error, asyncpg.InvalidPasswordError | asyncpg.InvalidAuthorizationSpecificationError
    ):
        return StoreError(
            f"PostgreSQL at {where} refused the login ({error})",
            "Check the user name and password in SKIM_DATABASE_URL",
        )
    if isinstance(error, asyncpg.InvalidCatalogNameError):
        name = urlsplit(url).path.lstrip("/")
        return StoreError(
            f"PostgreSQL at {where} has no database {name!r}",
            f"Create it (createdb {name}) or fix the database name in SKIM_DATABASE_URL",
        )
    if isinstance(error, asyncpg.InsufficientPrivilegeError):
        return StoreError(
            f"PostgreSQL at {where} does not let this user create Skim's tables ({error})",
            "Grant the user CREATE on the database (or run Skim once as its owner)",
        )
    if isinstance(error, asyncpg.DiskFullError):
        return StoreError(
            f"the disk of PostgreSQL at {where} is full",
            "Free space on the database server, then start Skim again",
        )
    if isinstance(error, _UNREACHABLE):
        return StoreUnavailable(
            f"cannot reach PostgreSQL at {where} ({error or type(error).__name__})",
            "Start the server, or fix the host and port in SKIM_DATABASE_URL",
        )
    return StoreError(f"cannot use PostgreSQL at {where}: {error}", "Check the server's log")


class PostgresStore:
    """The store in PostgreSQL, through an asyncpg connection pool."""

    def __init__(self, url: str, *, clock: Callable[[], float] = time.time) -> None:
        self.url = url
        self._clock = clock
        self._pool: asyncpg.Pool | None = None
        self._configs: frozenset[str] = frozenset({FALLBACK_CONFIG})

    @property
    def where(self) -> str:
        """The server and database, for logs (no password)."""
        return f"PostgreSQL {redacted(self.url)}"

    async def open(self) -> None:
        """Connect, check the server and the schema, and migrate; StoreError if unusable."""
        try:
            pool = await asyncpg.create_pool(
                self.url,
                # No floor: with one, asyncpg logs a traceback every second the server is down.
                min_size=0,
                max_size=POOL_MAX,
                timeout=CONNECT_TIMEOUT_S,
                command_timeout=COMMAND_TIMEOUT_S,
                # An acknowledged write must survive a crash whatever the server's default.
                server_settings={"synchronous_commit": "on", "application_name": "skim"},
            )
        except Exception as error:
            raise connect_problem(self.url, error) from None
        try:
            async with pool.acquire() as db:
                await self._check_server(db)
                await self._migrate(db)
                names = await db.fetch("SELECT cfgname FROM pg_ts_config")
                self._configs = frozenset(str(row["cfgname"]) for row in names)
        except StoreError:
            await pool.close()
            raise
        except Exception as error:
            await pool.close()
            raise connect_problem(self.url, error) from None
        self._pool = pool
        log.debug("store open at %s (schema %d)", self.where, SCHEMA_VERSION)

    async def _check_server(self, db: asyncpg.Connection) -> None:
        """A server new enough, and one that takes writes (not a read-only standby)."""
        version = int(await db.fetchval("SHOW server_version_num"))
        if version < MIN_SERVER_VERSION:
            raise StoreError(
                f"PostgreSQL at {redacted(self.url)} is version {version // 10000}",
                "Skim needs PostgreSQL 11 or newer",
            )
        if await db.fetchval("SELECT pg_is_in_recovery()"):
            raise StoreError(
                f"PostgreSQL at {redacted(self.url)} is a read-only standby",
                "Point SKIM_DATABASE_URL at the primary server",
            )

    async def _migrate(self, db: asyncpg.Connection) -> None:
        """Apply the steps this database lacks, one transaction each, under an advisory lock
        so that processes starting together migrate one after the other."""
        await db.execute("SELECT pg_advisory_lock($1)", MIGRATION_LOCK)
        try:
            await db.execute("CREATE TABLE IF NOT EXISTS skim_schema (version INTEGER NOT NULL)")
            version = int(await db.fetchval("SELECT coalesce(max(version), 0) FROM skim_schema"))
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"PostgreSQL at {redacted(self.url)} holds a newer Skim's schema (version "
                    f"{version}; this one knows up to {SCHEMA_VERSION})",
                    "Upgrade Skim to the version that wrote it, or point SKIM_DATABASE_URL at "
                    "another database",
                )
            for step, script in MIGRATIONS:
                if step > version:
                    async with db.transaction():
                        await db.execute(script)
                        await db.execute("DELETE FROM skim_schema")
                        await db.execute("INSERT INTO skim_schema (version) VALUES ($1)", step)
                    log.info("%s: schema migrated to version %d", self.where, step)
            missing = [
                table
                for table in TABLES
                if await db.fetchval("SELECT to_regclass($1)", table) is None
            ]
            if missing:
                raise StoreError(
                    f"PostgreSQL at {redacted(self.url)} records schema {version} but lacks "
                    f"the table {missing[0]}",
                    "Restore the database from a backup, or point SKIM_DATABASE_URL at a new one",
                )
        finally:
            await db.execute("SELECT pg_advisory_unlock($1)", MIGRATION_LOCK)

    async def close(self) -> None:
        """Close the pool; safe to call twice."""
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    async def __aenter__(self) -> PostgresStore:
        await self.open()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    @property
    def pool(self) -> asyncpg.Pool:
        """The open pool (the store must have been opened)."""
        if self._pool is None:
            raise StoreError("the store is not open")
        return self._pool

    async def _read(self, query: Callable[[asyncpg.Connection], Awaitable[T]]) -> T:
        """Run a read; a connection lost since its last use (a restarted server) is retried
        once on a fresh one. StoreUnavailable when the server cannot be reached."""
        for attempt in (1, 2):
            try:
                async with self.pool.acquire() as db:
                    return await query(db)
            except _UNREACHABLE as error:
                if attempt == 2:
                    raise connect_problem(self.url, error) from None
        raise AssertionError("unreachable")

    async def _write(self, work: Callable[[asyncpg.Connection], Awaitable[T]]) -> T:
        """Run a write in one transaction, committed before returning. Not retried: after a
        lost connection the commit's fate is unknown, and the caller never acknowledged it."""
        try:
            async with self.pool.acquire() as db, db.transaction():
                return await work(db)
        except _UNREACHABLE as error:
            raise connect_problem(self.url, error) from None

    # -- digest cache -------------------------------------------------------------------------

    async def cached_digest(self, canonical_url: str, ttl_seconds: float) -> Digest | None:
        """The cached digest of a page, if it is younger than `ttl_seconds`."""
        row = await self._read(
            lambda db: db.fetchrow(
                "SELECT digest_json, stored_at FROM digest_cache WHERE canonical_url = $1",
                canonical_url,
            )
        )
        if row is None or self._clock() - float(row["stored_at"]) > ttl_seconds:
            return None
        return Digest.from_dict(json.loads(row["digest_json"]))

    async def cache_digest(self, canonical_url: str, digest: Digest) -> None:
        """Remember a page's digest (replacing an older one)."""
        await self._write(
            lambda db: db.execute(
                "INSERT INTO digest_cache (canonical_url, digest_json, stored_at)"
                " VALUES ($1, $2, $3) ON CONFLICT (canonical_url) DO UPDATE"
                " SET digest_json = excluded.digest_json, stored_at = excluded.stored_at",
                canonical_url,
                json.dumps(digest.to_dict()),
                self._clock(),
            )
        )

    async def purge_cache(self, ttl_seconds: float) -> int:
        """Drop expired cache rows; returns how many went."""
        status = await self._write(
            lambda db: db.execute(
                "DELETE FROM digest_cache WHERE stored_at < $1", self._clock() - ttl_seconds
            )
        )
        return _count(status)

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
        """Record a posted digest with its search vector, in one statement."""
        fields = SearchFields.of(digest)
        config = search_config(digest.language, self._configs)
        await self._write(
            lambda db: db.execute(
                "INSERT INTO archive (guild_id, channel_id, message_id, poster_id, url, headline,"
                " digest_json, created_at, search_config, search) VALUES ($1, $2, $3, $4, $5,"
                " $6, $7, $8, $9::regconfig,"
                " setweight(to_tsvector($9::regconfig, $10), 'A')"
                " || setweight(to_tsvector($9::regconfig, $11), 'B')"
                " || setweight(to_tsvector($9::regconfig, $12), 'C')"
                " || setweight(to_tsvector($9::regconfig, $13), 'B'))",
                guild_id,
                channel_id,
                message_id,
                poster_id,
                url,
                digest.title,
                json.dumps(digest.to_dict()),
                self._clock(),
                config,
                fields.headline,
                fields.subheadings,
                fields.claims,
                fields.tags,
            )
        )

    async def forget_message(self, message_id: int) -> int:
        """Drop the archive rows of a deleted digest message; returns how many went."""
        status = await self._write(
            lambda db: db.execute("DELETE FROM archive WHERE message_id = $1", message_id)
        )
        return _count(status)

    async def search(self, guild_id: int, query: str, limit: int = 5) -> list[ArchivedDigest]:
        """This server's archived digests best matching `query` (never another server's).

        Each row's words are matched in that row's language through `websearch_to_tsquery`
        (stemmed words, "quoted phrases", `or`, -exclusions). A query of plain words also
        matches them as prefixes, so a word typed in part finds its digest, as in SQLite.
        """
        words = search_words(query)
        if not words:
            return []
        text = query[:SEARCH_TEXT_MAX]
        prefixes = None if uses_operators(text) else prefix_query(words)
        rows = await self._read(
            lambda db: db.fetch(
                f"SELECT {_ARCHIVED_COLUMNS} FROM ("  # noqa: S608 - a constant column list
                "  SELECT a.*, ts_rank(a.search, q.query) AS rank"
                "  FROM archive AS a, LATERAL (SELECT CASE WHEN $3::text IS NULL"
                "    THEN websearch_to_tsquery(a.search_config, $2)"
                "    ELSE websearch_to_tsquery(a.search_config, $2)"
                "      || to_tsquery(a.search_config, $3) END AS query) AS q"
                "  WHERE a.guild_id = $1 AND a.search @@ q.query"
                ") AS found ORDER BY rank DESC, created_at DESC LIMIT $4",
                guild_id,
                text,
                prefixes,
                limit,
            )
        )
        return [_archived(row) for row in rows]

    async def recent(self, guild_id: int, limit: int = 10) -> list[ArchivedDigest]:
        """This server's latest archived digests, newest first."""
        rows = await self._read(
            lambda db: db.fetch(
                f"SELECT {_ARCHIVED_COLUMNS} FROM archive WHERE guild_id = $1"  # noqa: S608
                " ORDER BY created_at DESC, id DESC LIMIT $2",
                guild_id,
                limit,
            )
        )
        return [_archived(row) for row in rows]

    # -- guild settings -----------------------------------------------------------------------

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        """A server's settings (defaults when it never changed any)."""

        # One round trip: the settings row (if any) and the listed channels.
        row = await self._read(
            lambda db: db.fetchrow(
                "SELECT s.auto_mode, s.max_links, s.card_sections,"
                " array(SELECT channel_id FROM guild_channels"
                " WHERE guild_id = $1) AS channels"
                " FROM (SELECT 1) AS one LEFT JOIN guild_settings AS s ON s.guild_id = $1",
                guild_id,
            )
        )
        channels = frozenset(int(channel) for channel in row["channels"])
        return GuildSettings(
            auto_mode=auto_mode_of(row["auto_mode"]),
            max_links=int(row["max_links"]) if row["max_links"] is not None else None,
            channel_ids=channels,
            card_sections=int(row["card_sections"]) if row["card_sections"] is not None else None,
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
        await self._write(
            lambda db: db.execute(
                f"INSERT INTO guild_settings (guild_id, {column}) VALUES ($1, $2)"  # noqa: S608 - column checked above
                f" ON CONFLICT (guild_id) DO UPDATE SET {column} = excluded.{column}",
                guild_id,
                value,
            )
        )

    async def add_channel(self, guild_id: int, channel_id: int) -> bool:
        """List a channel for `channels` mode; False if it was listed already."""
        status = await self._write(
            lambda db: db.execute(
                "INSERT INTO guild_channels (guild_id, channel_id) VALUES ($1, $2)"
                " ON CONFLICT DO NOTHING",
                guild_id,
                channel_id,
            )
        )
        return _count(status) > 0

    async def remove_channel(self, guild_id: int, channel_id: int) -> bool:
        """Unlist a channel; False if it was not listed."""
        status = await self._write(
            lambda db: db.execute(
                "DELETE FROM guild_channels WHERE guild_id = $1 AND channel_id = $2",
                guild_id,
                channel_id,
            )
        )
        return _count(status) > 0


def _count(status: str) -> int:
    """The row count of a command status such as 'DELETE 3' or 'INSERT 0 1'."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0


def _archived(row: asyncpg.Record) -> ArchivedDigest:
    return ArchivedDigest(
        guild_id=int(row["guild_id"]),
        channel_id=int(row["channel_id"]),
        message_id=int(row["message_id"]),
        poster_id=int(row["poster_id"]),
        url=str(row["url"]),
        headline=str(row["headline"]),
        created_at=float(row["created_at"]),
    )
