"""sandbox/channel.py: what the page is sent, and when it is told to redraw."""

from __future__ import annotations

import asyncio

from sandbox.channel import ChannelState
from sandbox.discord_server import DiscordFake, RecordedRequest
from sandbox.guild import sandbox_guild
from sandbox.pages import PageStore


def _state() -> ChannelState:
    guild = sandbox_guild()
    return ChannelState(DiscordFake([guild.guild]), guild, PageStore(), online=False)


async def test_typing_shows_until_the_message_comes() -> None:
    """A typing call shows "typing…" in its channel; Skim's message there ends it."""
    state = _state()
    channel = state.guild.general
    state._on_fake_activity(RecordedRequest("POST", f"/channels/{channel}/typing", {}, None))
    assert state.snapshot()["typing"] == [str(channel)]
    state._on_fake_activity(RecordedRequest("POST", f"/channels/{channel}/messages", {}, {}))
    assert state.snapshot()["typing"] == []


async def test_every_change_wakes_each_subscribed_page_once() -> None:
    """Changes coalesce into one pending redraw per page; close ends the wait."""
    state = _state()
    with state.subscribe() as first, state.subscribe() as second:
        assert not await first.wait(0.01)
        state.changed()
        state.changed()
        assert await first.wait(0.01) and await second.wait(0.01)
        assert not await first.wait(0.01)  # two changes, one redraw
        state.note(state.guild.general, "a note")
        assert await first.wait(0.01)
    assert state.snapshot()["notes"][0]["text"] == "a note"
    state.close()
    assert state.closed


async def test_the_snapshot_holds_the_server_people_and_skims_reactions() -> None:
    """Channels, people, the bot, and the bot's reactions on each message are sent."""
    state = _state()
    message_id = state.fake.store_message(
        state.guild.id, state.guild.general, state.guild.people[0].user.id, "hello"
    )
    state.fake.reactions[message_id] = ["⚠️"]
    snapshot = state.snapshot()
    assert [c["name"] for c in snapshot["channels"]] == ["general", "reading", "a-thread"]
    assert [p["name"] for p in snapshot["people"]] == ["you", "sam", "mo", "ada"]
    [message] = snapshot["messages"]
    assert message["content"] == "hello" and message["skim_reactions"] == ["⚠️"]
    await asyncio.sleep(0)
