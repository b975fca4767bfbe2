"""The bot's settings: one tree, one class per concern, read once from the environment and
`.env` by `python -m bot` and passed down. Nothing below `__main__` reads the environment."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from summarizer.model import DEFAULT_CARD_SECTIONS, MAX_CARD_SECTIONS
from summarizer.net.fetcher import FetchSettings
from summarizer.settings import FetchEnvironment, SettingsError, read_settings

AutoMode = Literal["all", "channels", "off"]

# Discord allows 10 embeds per message; more links per message is spam, not reading.
MAX_LINKS_CEILING = 10

__all__ = ["MAX_LINKS_CEILING", "AutoMode", "Settings", "SettingsError", "load_settings"]


def _config(prefix: str) -> SettingsConfigDict:
    return SettingsConfigDict(
        env_prefix=prefix, env_file_encoding="utf-8", extra="ignore", frozen=True
    )


class DiscordSettings(BaseSettings):
    """Where Discord is and who Skim is there (`DISCORD_*`)."""

    model_config = _config("DISCORD_")

    # Required and non-empty: `.env.example` ships the line as `DISCORD_TOKEN=`.
    token: SecretStr = Field(min_length=1)
    api_base: str = "https://discord.com/api/v10"
    gateway_url: str | None = None  # None: discord.py's default (wss://gateway.discord.gg/)
    # A server for `python -m bot sync`: commands sync there at once instead of globally.
    dev_guild_id: int | None = Field(default=None, validation_alias="SKIM_DEV_GUILD_ID")


class StoreSettings(BaseSettings):
    """Where the archive and settings live (the SQLite file, or PostgreSQL when
    `SKIM_DATABASE_URL` is set) and how long digests are cached (`SKIM_*`)."""

    model_config = _config("SKIM_")

    db_path: Path = Path("skim.db")
    # postgresql://user:password@host:port/database; None: the SQLite file at db_path.
    database_url: SecretStr | None = None
    cache_ttl_hours: float = Field(default=24, ge=0)

    @field_validator("database_url")
    @classmethod
    def _postgresql_only(cls, url: SecretStr | None) -> SecretStr | None:
        if url is None or not url.get_secret_value().strip():
            return None
        if not url.get_secret_value().startswith(("postgresql://", "postgres://")):
            raise ValueError("must be a postgresql://user:password@host:port/database URL")
        return url

    @property
    def cache_ttl_seconds(self) -> float:
        """The cache lifetime in the unit the store works in."""
        return self.cache_ttl_hours * 3600.0


class ReplySettings(BaseSettings):
    """When and how much Skim answers: bot-wide defaults servers can override (`SKIM_*`)."""

    model_config = _config("SKIM_")

    auto_mode: AutoMode = "all"
    max_links_per_message: int = Field(default=3, ge=1, le=MAX_LINKS_CEILING)
    # Sections shown on a card; the rest are counted on its last line.
    card_sections: int = Field(default=DEFAULT_CARD_SECTIONS, ge=1, le=MAX_CARD_SECTIONS)
    user_links_per_minute: int = Field(default=5, ge=1)
    guild_concurrency: int = Field(default=2, ge=1)


class WorkerSettings(BaseSettings):
    """The processes that parse pages off the event loop (`SKIM_WORKERS`)."""

    model_config = _config("SKIM_")

    workers: int = Field(default=1, ge=1)


class RedisSettings(BaseSettings):
    """Redis, for the cache, limits and single flight shared by every process (`SKIM_REDIS_*`).
    Unset: each process keeps them in its own memory, as one process alone needs."""

    model_config = _config("SKIM_REDIS_")

    url: SecretStr | None = None  # redis://[:password@]host:port/db
    prefix: str = Field(default="skim:", min_length=1)  # keys of several bots on one Redis

    @field_validator("url")
    @classmethod
    def _redis_only(cls, url: SecretStr | None) -> SecretStr | None:
        if url is None or not url.get_secret_value().strip():
            return None
        if not url.get_secret_value().startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must be a redis://[:password@]host:port/db URL")
        return url


class ShardSettings(BaseSettings):
    """Which of the bot's shards this process runs (`SKIM_SHARD_COUNT`, `SKIM_SHARD_IDS`).

    Neither set: one connection, as a bot in fewer than 2,500 servers needs. A count alone: this
    process runs every shard; with ids too (`0,1` of 4), only those, and other processes run the
    rest.
    """

    model_config = _config("SKIM_SHARD_")

    count: int | None = Field(default=None, ge=1)
    ids: Annotated[tuple[int, ...] | None, NoDecode] = None

    @field_validator("ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            return tuple(parts) if parts else None
        return value

    @field_validator("ids")
    @classmethod
    def _ids_within_count(
        cls, ids: tuple[int, ...] | None, info: ValidationInfo
    ) -> tuple[int, ...] | None:
        if ids is None:
            return None
        count = info.data.get("count")
        if count is None:
            raise ValueError("needs SKIM_SHARD_COUNT too (how many shards in all)")
        if len(set(ids)) != len(ids) or not all(0 <= shard < count for shard in ids):
            raise ValueError(f"must be distinct shard numbers from 0 to {count - 1}")
        return ids

    @property
    def sharded(self) -> bool:
        """Whether this process runs shards (rather than one plain connection)."""
        return self.count is not None


class LogSettings(BaseSettings):
    """How much the bot logs (`LOG_LEVEL`)."""

    model_config = _config("")

    level: str = Field(default="INFO", validation_alias=AliasChoices("LOG_LEVEL", "SKIM_LOG_LEVEL"))


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot reads at start, by concern."""

    discord: DiscordSettings
    store: StoreSettings
    replies: ReplySettings
    workers: WorkerSettings
    fetch: FetchSettings
    log: LogSettings
    redis: RedisSettings
    shards: ShardSettings


def load_settings(env_file: Path | None) -> Settings:
    """Read every setting from the environment and `env_file` (None: the environment only;
    `python -m bot` passes `--env-file`, else the project's `.env`).

    Raises SettingsError with one line naming the first bad setting; a missing token is one.
    """
    return Settings(
        discord=read_settings(DiscordSettings, env_file),
        store=read_settings(StoreSettings, env_file),
        replies=read_settings(ReplySettings, env_file),
        workers=read_settings(WorkerSettings, env_file),
        fetch=read_settings(FetchEnvironment, env_file),
        log=read_settings(LogSettings, env_file),
        redis=read_settings(RedisSettings, env_file),
        shards=read_settings(ShardSettings, env_file),
    )
