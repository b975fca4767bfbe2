"""The bot's settings in the sandbox: the settings tree `python -m bot` builds, aimed at the
sandbox's Discord, with the fetcher kept to the sandbox's own pages unless it runs online."""

from __future__ import annotations

from pathlib import Path

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

SANDBOX_TOKEN = "sandbox-token"  # noqa: S105 - the sandbox's Discord accepts any token
WEB_PORTS = (80, 443)


def sandbox_settings(
    *,
    api_base: str,
    gateway_url: str,
    guild_id: int,
    db_path: Path,
    pages_port: int,
    online: bool,
    log_level: str = "INFO",
) -> Settings:
    """Skim's defaults, except where Discord is, the database, and what it may fetch.

    Offline, the fetcher may reach only the sandbox's page server (127.0.0.1 on its port): a
    real link is refused by the fetcher's own port rule before any name is even resolved.
    Online, ports 80 and 443 open too, under the same address policy as on a real server.
    """
    ports = (*WEB_PORTS, pages_port) if online else (pages_port,)
    return Settings(
        discord=DiscordSettings.model_validate(
            {
                "token": SANDBOX_TOKEN,
                "api_base": api_base,
                "gateway_url": gateway_url,
                "SKIM_DEV_GUILD_ID": guild_id,  # `sync` registers the commands there at once
            }
        ),
        store=StoreSettings.model_validate({"db_path": db_path}),
        replies=ReplySettings.model_validate({}),
        workers=WorkerSettings.model_validate({}),
        fetch=FetchSettings.model_validate(
            {"allow_networks": "127.0.0.1/32", "allow_ports": ports}
        ),
        log=LogSettings.model_validate({"LOG_LEVEL": log_level}),
        redis=RedisSettings.model_validate({}),  # one process: everything in its own memory
        shards=ShardSettings.model_validate({}),
    )
