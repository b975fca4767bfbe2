"""/skim settings end to end: admins only, auto modes, channel lists, link cap, restarts."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.discord_server import EPHEMERAL, ChannelOption, StandardGuild
from tests.e2e.conftest import Harness

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def _settings(
    skim: Harness, guild: StandardGuild, user: int, command: str, **options: object
) -> dict[str, Any]:
    """Run a `/skim settings …` command and return the callback body."""
    injected = await skim.fake.inject_slash(
        guild.id, guild.general, user, f"skim settings {command}", options or None
    )
    body: dict[str, Any] = (await skim.answer(injected)).json
    return body


async def test_settings_refused_to_a_non_admin(skim: Harness, guild: StandardGuild) -> None:
    """A member without Manage Server is refused ephemerally and nothing changes."""
    refused = await _settings(skim, guild, guild.stranger, "auto", mode="off")
    assert refused["type"] == 4 and refused["data"]["flags"] == EPHEMERAL
    assert "manage server" in refused["data"]["content"].lower()
    message_id = await skim.post(guild, skim.seed_page())
    await skim.reply_to(message_id)


async def test_moderator_cannot_change_settings(skim: Harness, guild: StandardGuild) -> None:
    """Manage Messages is not Manage Server: a moderator is refused too."""
    refused = await _settings(skim, guild, guild.moderator, "max-links", n=1)
    assert refused["data"]["flags"] == EPHEMERAL
    shown = await _settings(skim, guild, guild.admin, "show")
    assert "**3**" in shown["data"]["content"]


async def test_admin_sees_the_settings(skim: Harness, guild: StandardGuild) -> None:
    """`show` answers an admin ephemerally with the mode and link cap."""
    shown = await _settings(skim, guild, guild.admin, "show")
    content = shown["data"]["content"]
    assert shown["data"]["flags"] == EPHEMERAL
    assert "all" in content and "3" in content


async def test_auto_mode_off_silences_pasted_links(skim: Harness, guild: StandardGuild) -> None:
    """With auto mode off a pasted link is neither fetched nor answered."""
    await _settings(skim, guild, guild.admin, "auto", mode="off")
    url = skim.seed_page()
    message_id = await skim.post(guild, url)
    await skim.quiet()
    assert skim.replies_to(message_id) == [] and skim.hits(url) == 0


async def test_auto_mode_channels_answers_only_listed_channels(
    skim: Harness, guild: StandardGuild
) -> None:
    """In mode `channels` only listed channels (and their threads) get auto-digests."""
    await _settings(skim, guild, guild.admin, "auto", mode="channels")
    added = await _settings(
        skim, guild, guild.admin, "channel-add", channel=ChannelOption(guild.general)
    )
    assert added["data"]["flags"] == EPHEMERAL
    unlisted = await skim.post(guild, skim.seed_page(), channel=guild.other)
    listed = await skim.post(guild, skim.seed_page())
    in_thread = await skim.post(guild, skim.seed_page(), channel=guild.thread)
    await skim.reply_to(listed)
    await skim.reply_to(in_thread)
    await skim.quiet()
    assert skim.replies_to(unlisted) == []


async def test_channel_remove_unlists_a_channel(skim: Harness, guild: StandardGuild) -> None:
    """After channel-remove the channel no longer gets auto-digests in mode `channels`."""
    await _settings(skim, guild, guild.admin, "auto", mode="channels")
    await _settings(skim, guild, guild.admin, "channel-add", channel=ChannelOption(guild.general))
    await _settings(
        skim, guild, guild.admin, "channel-remove", channel=ChannelOption(guild.general)
    )
    message_id = await skim.post(guild, skim.seed_page())
    await skim.quiet()
    assert skim.replies_to(message_id) == []


async def test_max_links_setting_caps_links(skim: Harness, guild: StandardGuild) -> None:
    """max-links 1 makes Skim digest only the first link of a message."""
    await _settings(skim, guild, guild.admin, "max-links", n=1)
    urls = [skim.seed_page(), skim.seed_page()]
    message_id = await skim.post(guild, " ".join(urls))
    reply = await skim.reply_to(message_id)
    await skim.quiet()
    assert [e["url"] for e in reply.json["embeds"]] == urls[:1]
    assert skim.hits(urls[1]) == 0


async def test_sections_setting_shapes_the_card(skim: Harness, guild: StandardGuild) -> None:
    """`sections n:2` shows in `show` and cuts the seed's six subheadings to two fields, with
    a last line counting the other four."""
    answer = await _settings(skim, guild, guild.admin, "sections", n=2)
    assert answer["data"]["flags"] == EPHEMERAL and "**2**" in answer["data"]["content"]
    shown = await _settings(skim, guild, guild.admin, "show")
    assert "Sections per card: **2**" in shown["data"]["content"]
    message_id = await skim.post(guild, skim.seed_page())
    reply = await skim.reply_to(message_id)
    [embed] = reply.json["embeds"]
    assert len(embed["fields"]) == 2
    assert embed["fields"][-1]["value"].endswith("*+ 4 more sections in the article*")


async def test_settings_are_per_server(skim: Harness, guild: StandardGuild) -> None:
    """Turning auto mode off in one server leaves another server answering."""
    other = skim.new_guild()
    await _settings(skim, guild, guild.admin, "auto", mode="off")
    message_id = await skim.post(other, skim.seed_page())
    await skim.reply_to(message_id)


async def test_restart_keeps_settings_and_buttons(skim: Harness, guild: StandardGuild) -> None:
    """After a restart on the same database: settings hold, and an old 🗑 still works."""
    message_id = await skim.post(guild, skim.seed_page())
    await skim.reply_to(message_id)
    digest_id = next(
        int(m["id"])
        for m in skim.fake.messages.values()
        if str((m.get("message_reference") or {}).get("message_id")) == str(message_id)
    )
    await _settings(skim, guild, guild.admin, "auto", mode="off")
    await skim.runner.restart()
    silent = await skim.post(guild, skim.seed_page())
    shown = await _settings(skim, guild, guild.admin, "show")
    assert "off" in shown["data"]["content"]
    await skim.quiet()
    assert skim.replies_to(silent) == []
    pressed = await skim.fake.inject_button(guild.id, guild.poster, digest_id)
    await skim.answer(pressed)
    await skim.fake.wait_for(lambda r: r.method == "DELETE" and str(digest_id) in r.path)
    assert digest_id not in skim.fake.messages
