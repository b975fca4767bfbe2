"""The bot's settings in the sandbox: aimed at its Discord, fetching only its own pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sandbox.settings import sandbox_settings


def test_online_opens_the_web_ports_and_nothing_else() -> None:
    """--online adds ports 80 and 443; private addresses stay blocked except the sandbox's."""
    common: dict[str, Any] = {
        "api_base": "http://127.0.0.1:1/api/v10",
        "gateway_url": "ws://127.0.0.1:1/gateway",
        "guild_id": 1,
        "db_path": Path("x.db"),
        "pages_port": 8765,
    }
    offline = sandbox_settings(online=False, **common).fetch
    online = sandbox_settings(online=True, **common).fetch
    assert offline.allow_ports == (8765,)
    assert online.allow_ports == (80, 443, 8765)
    assert [str(n) for n in online.allow_networks] == ["127.0.0.1/32"]


def test_commands_sync_to_the_sandbox_server() -> None:
    """`sync` registers Skim's commands on the sandbox server, at once, as on a dev server."""
    settings = sandbox_settings(
        api_base="http://127.0.0.1:1/api/v10",
        gateway_url="ws://127.0.0.1:1/gateway",
        guild_id=42,
        db_path=Path("x.db"),
        pages_port=1,
        online=False,
    )
    assert settings.discord.dev_guild_id == 42
    assert settings.discord.api_base == "http://127.0.0.1:1/api/v10"
