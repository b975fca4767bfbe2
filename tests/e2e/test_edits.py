"""Edited and deleted messages end to end: a link added by an edit is digested once, an edit of
an answered message posts nothing new, and a deleted message's digest stays until its poster
removes it."""

from __future__ import annotations

import logging

import pytest

from sandbox.discord_server import StandardGuild
from tests.e2e.conftest import Harness

pytestmark = pytest.mark.asyncio(loop_scope="module")


async def test_link_added_by_an_edit_gets_its_digest_once(
    skim: Harness, guild: StandardGuild
) -> None:
    """A message edited to add a link is answered; editing it again brings no second reply."""
    message_id = await skim.post(guild, "have a look at this")
    await skim.quiet()
    assert skim.replies_to(message_id) == []
    url = skim.seed_page()
    await skim.fake.inject_edit(message_id, f"have a look at this {url}")
    reply = await skim.reply_to(message_id)
    assert reply.json["embeds"][0]["url"] == url
    await skim.fake.inject_edit(message_id, f"have a look at this one {url}")
    await skim.quiet()
    assert len(skim.replies_to(message_id)) == 1


async def test_edit_of_an_answered_message_posts_nothing_new(
    skim: Harness, guild: StandardGuild
) -> None:
    """A message that already got its digest can be edited, even to add a link: no new reply."""
    first = skim.seed_page()
    message_id = await skim.post(guild, first)
    await skim.reply_to(message_id)
    second = skim.seed_page()
    await skim.fake.inject_edit(message_id, f"{first} and also {second}")
    await skim.quiet()
    assert len(skim.replies_to(message_id)) == 1
    assert skim.hits(second) == 0


async def test_only_the_added_link_is_digested(skim: Harness, guild: StandardGuild) -> None:
    """An edit that keeps a link Skim passed over (not an article) digests the new link alone."""
    listing = skim.page("<html><body><nav>" + "<a href='/x'>x</a>" * 30 + "</nav></body></html>")
    message_id = await skim.post(guild, listing)
    await skim.quiet()
    assert skim.replies_to(message_id) == []
    article = skim.seed_page()
    await skim.fake.inject_edit(message_id, f"{listing} {article}")
    reply = await skim.reply_to(message_id)
    assert [embed["url"] for embed in reply.json["embeds"]] == [article]
    assert skim.hits(listing) == 1


async def test_partial_update_is_ignored_quietly(
    skim: Harness, guild: StandardGuild, caplog: pytest.LogCaptureFixture
) -> None:
    """Discord's link-preview update (ids and embeds only) brings no reply and no error."""
    message_id = await skim.post(guild, "no links yet")
    await skim.quiet()
    with caplog.at_level(logging.WARNING):
        await skim.fake.inject_partial_update(
            message_id, embeds=[{"type": "link", "url": "https://example.org/"}]
        )
        await skim.quiet()
    assert skim.replies_to(message_id) == []
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    # The bot still answers afterwards, edits included.
    url = skim.seed_page()
    await skim.fake.inject_edit(message_id, url)
    await skim.reply_to(message_id)


async def test_digest_of_a_deleted_message_is_removed_by_its_poster(
    skim: Harness, guild: StandardGuild
) -> None:
    """The poster deletes their message: the digest stays, and their 🗑 still removes it."""
    message_id = await skim.post(guild, skim.seed_page())
    await skim.reply_to(message_id)
    digest_id = next(
        int(m["id"])
        for m in skim.fake.messages.values()
        if str((m.get("message_reference") or {}).get("message_id")) == str(message_id)
    )
    await skim.fake.inject_delete(message_id)
    await skim.quiet()
    assert digest_id in skim.fake.messages
    pressed = await skim.fake.inject_button(guild.id, guild.poster, digest_id)
    await skim.answer(pressed)
    await skim.fake.wait_for(lambda r: r.method == "DELETE" and str(digest_id) in r.path)
    assert digest_id not in skim.fake.messages
