"""The bot's database: the digest cache, the per-server archive (full-text search) and server
settings, in SQLite by default or in PostgreSQL when SKIM_DATABASE_URL is set."""

from __future__ import annotations

from bot.config import StoreSettings
from bot.store.base import (
    ArchivedDigest,
    GuildSettings,
    Store,
    StoreError,
    StoreUnavailable,
)
from bot.store.postgres import PostgresStore
from bot.store.sqlite import SqliteStore

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


def store_for(settings: StoreSettings) -> Store:
    """The store the settings name: PostgreSQL at SKIM_DATABASE_URL, else the SQLite file."""
    if settings.database_url is not None:
        return PostgresStore(settings.database_url.get_secret_value())
    return SqliteStore(settings.db_path)
