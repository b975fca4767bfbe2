"""bot/client.py against the loopback Discord: intents, mentions, commands, and staying alive."""

from __future__ import annotations

import asyncio
import gc
import time
from typing import Any

import discord
import pytest

import bot.client
from sandbox.discord_server import INTENT_MESSAGE_CONTENT, OP_IDENTIFY, StandardGuild
from tests.e2e.conftest import Harness

pytestmark = pytest.mark.asyncio(loop_scope="module")

GUILDS = 1 << 0
GUILD_MESSAGES = 1 << 9


async def test_identifies_with_only_the_intents_it_uses(skim: Harness) -> None:
    """Guilds, guild messages and message content; no members, presences or DMs."""
    identify = [e for e in skim.fake.gateway_events_received if e["op"] == OP_IDENTIFY][-1]
    assert identify["d"]["intents"] == GUILDS | GUILD_MESSAGES | INTENT_MESSAGE_CONTENT


async def test_client_default_allowed_mentions_ping_nobody(skim: Harness) -> None:
    """Even a send that forgot allowed_mentions would ping nobody."""
    assert skim.bot.allowed_mentions.to_dict() == {"parse": []}


async def test_loop_lag_gauge_moves_when_the_loop_is_blocked(skim: Harness) -> None:
    """The lag gauge (read by the load benchmark) records a loop held up for 0.3 s."""
    skim.bot.loop_lag_max = 0.0
    await asyncio.sleep(0.2)  # the sampler wakes on time on an idle loop
    assert skim.bot.loop_lag_max < 0.25
    time.sleep(0.3)  # noqa: ASYNC251 - blocking the loop is the point
    await asyncio.sleep(0.2)
    assert skim.bot.loop_lag_max >= 0.25


async def test_start_up_objects_are_out_of_the_collectors_sight(
    skim: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Modules, discord.py and the cogs are frozen after start-up, so that a full garbage
    collection during a burst walks only what came after (a walk of everything held the loop
    up to 285 ms in the load benchmark); a closed bot makes them collectable again. Start-up
    also has freed pages' memory go back to the system (bot/pool.py: return_large_blocks)."""
    assert gc.get_freeze_count() > 10_000
    await skim.runner.stop()
    assert gc.get_freeze_count() == 0
    calls: list[int] = []

    def record() -> bool:
        calls.append(1)
        return True

    monkeypatch.setattr(bot.client, "return_large_blocks", record)
    await skim.runner.start()
    assert gc.get_freeze_count() > 10_000
    assert calls == [1]


async def test_sync_overwrites_the_whole_command_set(skim: Harness) -> None:
    """One bulk PUT: /summarize, the message menu, and /skim with lookups and settings."""
    since = skim.fake.mark()
    await skim.bot.tree.sync()
    [put] = [r for r in skim.fake.requests[since:] if r.method == "PUT"]
    assert put.path == f"/applications/{skim.fake.application_id}/commands"
    commands: dict[str, Any] = {c["name"]: c for c in put.json}
    assert set(commands) == {"summarize", "Summarize links", "skim"}
    assert commands["Summarize links"]["type"] == 3  # message context menu
    summarize_options = {o["name"]: o for o in commands["summarize"]["options"]}
    assert summarize_options["url"]["required"] is True
    assert summarize_options["private"].get("required", False) is False
    skim_group = {o["name"]: o for o in commands["skim"]["options"]}
    assert set(skim_group) == {"search", "recent", "settings"}
    settings = {o["name"] for o in skim_group["settings"]["options"]}
    assert settings == {"show", "auto", "channel-add", "channel-remove", "max-links", "sections"}
    assert commands["skim"]["contexts"] == [0]  # server-only: archives and settings are per server


async def test_gateway_error_outside_any_parser_is_survived(
    skim: Harness, guild: StandardGuild
) -> None:
    """A READY without session_id makes discord.py's gateway loop raise; Skim reconnects."""
    identified = skim.fake.identify_count
    ready_again = asyncio.create_task(skim.bot.wait_for("ready", timeout=30))
    await skim.fake.inject_raw(0, "READY", {})
    await ready_again
    assert skim.fake.identify_count > identified
    message_id = await skim.post(guild, skim.seed_page())
    reply = await skim.reply_to(message_id)
    assert reply.status == 200
    assert not skim.bot.is_closed()


async def test_bot_is_the_configured_user(skim: Harness) -> None:
    """discord.py logged in through the configured API base."""
    assert skim.bot.user is not None and skim.bot.user.id == skim.fake.bot_user.id
    assert skim.fake.api_base == discord.http.Route.BASE
