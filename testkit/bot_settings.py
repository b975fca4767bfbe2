"""Skim's bot settings aimed at the loopback Discord and a local origin (tests, benchmarks)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.config import (
    DiscordSettings,
    LogSettings,
    RedisSettings,
    ReplySettings,
    Settings,
    ShardSettings,
    StoreSettings,
    WorkerSettings,
)
from summarizer.net.fetcher import FetchSettings

LOOPBACK_TOKEN = "loopback-token"  # noqa: S105 - the fake accepts any token


def loopback_settings(
    *,
    api_base: str,
    gateway_url: str,
    db_path: Path,
    origin_ports: tuple[int, ...] = (),
    workers: int = 1,
    **replies: Any,
) -> Settings:
    """The settings `python -m bot` would build for a bot on the loopback Discord, from these
    values and the defaults alone (`model_validate` reads no environment).

    `origin_ports` are the local web origins' ports the fetcher may reach (127.0.0.0/8 is
    allowed); `replies` override `ReplySettings` fields (auto mode, limits).
    """
    return Settings(
        discord=DiscordSettings.model_validate(
            {"token": LOOPBACK_TOKEN, "api_base": api_base, "gateway_url": gateway_url}
        ),
        store=StoreSettings.model_validate({"db_path": db_path}),
        replies=ReplySettings.model_validate(replies),
        workers=WorkerSettings.model_validate({"workers": workers}),
        fetch=FetchSettings.model_validate(
            {"allow_networks": "127.0.0.0/8", "allow_ports": (80, 443, *origin_ports)}
        ),
        log=LogSettings.model_validate({}),
        redis=RedisSettings.model_validate({}),
        shards=ShardSettings.model_validate({}),
    )
