"""bot/replies.py: a server's effective settings (its own, else the bot's defaults)."""

from __future__ import annotations

from pathlib import Path

from bot.config import ReplySettings
from bot.replies import effective_settings, settings_for
from bot.store import GuildSettings, SqliteStore

DEFAULTS = ReplySettings.model_validate({"auto_mode": "all", "max_links_per_message": 3})


def test_unset_server_settings_take_the_bot_defaults() -> None:
    """A server that never changed anything gets the bot-wide auto mode and link cap."""
    settings = effective_settings(DEFAULTS, GuildSettings())
    assert (settings.auto_mode, settings.max_links, settings.channel_ids) == ("all", 3, frozenset())


def test_server_settings_beat_the_bot_defaults() -> None:
    """Each setting a server chose replaces the default, independently of the others."""
    mode_only = effective_settings(DEFAULTS, GuildSettings(auto_mode="off"))
    assert (mode_only.auto_mode, mode_only.max_links) == ("off", 3)
    both = effective_settings(
        DEFAULTS, GuildSettings(auto_mode="channels", max_links=7, channel_ids=frozenset({9}))
    )
    assert (both.auto_mode, both.max_links, both.channel_ids) == ("channels", 7, frozenset({9}))


async def test_settings_for_reads_the_server_or_none(tmp_path: Path) -> None:
    """Inside a server its stored settings apply; outside one (a DM) only the defaults."""
    async with SqliteStore(tmp_path / "skim.db") as store:
        await store.set_max_links(1, 9)
        assert (await settings_for(store, DEFAULTS, 1)).max_links == 9
        assert (await settings_for(store, DEFAULTS, 2)).max_links == 3
        assert (await settings_for(store, DEFAULTS, None)).max_links == 3
