"""The bot's database: the digest cache, the per-server archive (full-text search) and server
settings, in SQLite by default or in PostgreSQL when SKIM_DATABASE_URL is set."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.config import StoreSettings
from bot.store.base import (
    ArchivedDigest,
    GuildSettings,
    Store,
    StoreError,
    StoreUnavailable,
)
from bot.store.sqlite import SqliteStore

if TYPE_CHECKING:
    from bot.store.postgres import PostgresStore

__all__ = [
    "ArchivedDigest",
    "GuildSettings",
    "PostgresStore",
    "SqliteStore",
    "Store",
    "StoreError",
    "StoreUnavailable",
    "store_for",
]


def __getattr__(name: str) -> Any:
    """`PostgresStore` is imported when first asked for: asyncpg (about 3 MB) is loaded only by
    a bot that uses PostgreSQL."""
    if name == "PostgresStore":
        from bot.store.postgres import PostgresStore

        return PostgresStore
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def store_for(settings: StoreSettings) -> Store:
    """The store the settings name: PostgreSQL at SKIM_DATABASE_URL, else the SQLite file."""
    if settings.database_url is not None:
        from bot.store.postgres import PostgresStore

        return PostgresStore(settings.database_url.get_secret_value())
    return SqliteStore(settings.db_path)
