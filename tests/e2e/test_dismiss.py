"""The 🗑 button end to end: the poster or a moderator removes a digest, nobody else can."""

from __future__ import annotations

import pytest

from sandbox.discord_server import EPHEMERAL, RecordedRequest, StandardGuild
from tests.e2e.conftest import Harness

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def _digest_message(skim: Harness, guild: StandardGuild) -> int:
    """Post a link as the guild's poster and return the id of Skim's digest message."""
    message_id = await skim.post(guild, skim.seed_page())
    reply = await skim.reply_to(message_id)
    assert reply.status == 200
    sent = [
        int(m["id"])
        for m in skim.fake.messages.values()
        if str((m.get("message_reference") or {}).get("message_id")) == str(message_id)
    ]
    assert len(sent) == 1
    return sent[0]


def _deletes(skim: Harness, guild: StandardGuild, digest_id: int) -> list[RecordedRequest]:
    path = f"/channels/{guild.general}/messages/{digest_id}"
    return skim.fake.find(lambda r: r.method == "DELETE" and r.path == path)


async def test_poster_dismisses_the_digest(skim: Harness, guild: StandardGuild) -> None:
    """The original poster's 🗑 press deletes the digest message."""
    digest_id = await _digest_message(skim, guild)
    injected = await skim.fake.inject_button(guild.id, guild.poster, digest_id)
    callback = await skim.answer(injected)
    await skim.fake.wait_for(lambda r: r.method == "DELETE" and str(digest_id) in r.path)
    assert callback.json["type"] in (6, 7)
    assert len(_deletes(skim, guild, digest_id)) == 1
    assert digest_id not in skim.fake.messages


async def test_stranger_is_refused_ephemerally(skim: Harness, guild: StandardGuild) -> None:
    """Anyone else pressing 🗑 gets an ephemeral refusal and the digest stays."""
    digest_id = await _digest_message(skim, guild)
    injected = await skim.fake.inject_button(guild.id, guild.stranger, digest_id)
    callback = await skim.answer(injected)
    await skim.quiet()
    assert callback.json["type"] == 4
    assert callback.json["data"]["flags"] == EPHEMERAL
    text = callback.json["data"]["content"].lower()
    assert "only the poster or a moderator" in text
    assert _deletes(skim, guild, digest_id) == []
    assert digest_id in skim.fake.messages


async def test_moderator_dismisses_the_digest(skim: Harness, guild: StandardGuild) -> None:
    """A member with Manage Messages may remove anyone's digest."""
    digest_id = await _digest_message(skim, guild)
    injected = await skim.fake.inject_button(guild.id, guild.moderator, digest_id)
    await skim.answer(injected)
    await skim.fake.wait_for(lambda r: r.method == "DELETE" and str(digest_id) in r.path)
    assert digest_id not in skim.fake.messages


async def test_admin_without_manage_messages_is_refused(
    skim: Harness, guild: StandardGuild
) -> None:
    """Manage Server alone is not Manage Messages: the admin role cannot dismiss others' digests."""
    digest_id = await _digest_message(skim, guild)
    injected = await skim.fake.inject_button(guild.id, guild.admin, digest_id)
    callback = await skim.answer(injected)
    await skim.quiet()
    assert callback.json["type"] == 4 and callback.json["data"]["flags"] == EPHEMERAL
    assert digest_id in skim.fake.messages


async def test_dismissed_digest_leaves_the_archive(skim: Harness, guild: StandardGuild) -> None:
    """After a dismiss, /skim recent no longer lists that digest."""
    digest_id = await _digest_message(skim, guild)
    injected = await skim.fake.inject_button(guild.id, guild.poster, digest_id)
    await skim.answer(injected)
    await skim.fake.wait_for(lambda r: r.method == "DELETE" and str(digest_id) in r.path)
    await skim.quiet()
    recent = await skim.fake.inject_slash(guild.id, guild.general, guild.poster, "skim recent")
    listing = (await skim.answer(recent)).json["data"]
    assert str(digest_id) not in str(listing)


async def test_summarize_digest_is_dismissed_by_its_asker(
    skim: Harness, guild: StandardGuild
) -> None:
    """The 🗑 under a public /summarize answer works for the member who asked."""
    injected = await skim.fake.inject_slash(
        guild.id, guild.general, guild.stranger, "summarize", {"url": skim.seed_page()}
    )
    await skim.edit_of_original(injected)
    original = skim.fake.original_of(injected)
    assert original is not None
    digest_id = int(original["id"])
    refused = await skim.fake.inject_button(guild.id, guild.poster, digest_id)
    assert (await skim.answer(refused)).json["data"]["flags"] == EPHEMERAL
    pressed = await skim.fake.inject_button(guild.id, guild.stranger, digest_id)
    await skim.answer(pressed)
    await skim.fake.wait_for(lambda r: r.method == "DELETE" and str(digest_id) in r.path)
    assert digest_id not in skim.fake.messages
