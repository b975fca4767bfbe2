"""The bot's settings from the environment and `.env`: one typed source of truth."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

AutoMode = Literal["all", "channels", "off"]


class Settings(BaseSettings):
    """Everything the bot reads at start; the fetcher reads its own SKIM_FETCH_* settings."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        populate_by_name=True,
    )

    # Required and non-empty: `.env.example` ships the line as `DISCORD_TOKEN=`.
    discord_token: SecretStr = Field(
        min_length=1, validation_alias=AliasChoices("DISCORD_TOKEN", "discord_token")
    )
    db_path: Path = Field(
        default=Path("skim.db"), validation_alias=AliasChoices("SKIM_DB_PATH", "db_path")
    )
    auto_mode: AutoMode = Field(
        default="all", validation_alias=AliasChoices("SKIM_AUTO_MODE", "auto_mode")
    )
    # Discord allows 10 embeds per message; more links per message is spam, not reading.
    max_links_per_message: int = Field(
        default=3,
        ge=1,
        le=10,
        validation_alias=AliasChoices("SKIM_MAX_LINKS_PER_MESSAGE", "max_links_per_message"),
    )
    cache_ttl_hours: float = Field(
        default=24, ge=0, validation_alias=AliasChoices("SKIM_CACHE_TTL_HOURS", "cache_ttl_hours")
    )
    dev_guild_id: int | None = Field(
        default=None, validation_alias=AliasChoices("SKIM_DEV_GUILD_ID", "dev_guild_id")
    )
    log_level: str = Field(
        default="INFO", validation_alias=AliasChoices("LOG_LEVEL", "SKIM_LOG_LEVEL", "log_level")
    )
    discord_api_base: str = Field(
        default="https://discord.com/api/v10",
        validation_alias=AliasChoices("DISCORD_API_BASE", "discord_api_base"),
    )
    discord_gateway_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DISCORD_GATEWAY_URL", "discord_gateway_url")
    )
    user_links_per_minute: int = Field(
        default=5,
        ge=1,
        validation_alias=AliasChoices("SKIM_USER_LINKS_PER_MINUTE", "user_links_per_minute"),
    )
    guild_concurrency: int = Field(
        default=2,
        ge=1,
        validation_alias=AliasChoices("SKIM_GUILD_CONCURRENCY", "guild_concurrency"),
    )
    workers: int = Field(default=1, ge=1, validation_alias=AliasChoices("SKIM_WORKERS", "workers"))

    @property
    def cache_ttl_seconds(self) -> float:
        """The cache lifetime in the unit the store works in."""
        return self.cache_ttl_hours * 3600.0
