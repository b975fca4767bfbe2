"""Safety end to end: Skim pings nobody, renders hostile text inert, and survives bad events."""

from __future__ import annotations

import pytest

from sandbox.discord_server import StandardGuild
from tests.e2e.conftest import Harness, article_html, embed_text

pytestmark = pytest.mark.asyncio(loop_scope="module")

HOSTILE = article_html(
    "@everyone look: ||spoiler|| and ```code``` for <@&123>",
    [
        (
            None,
            [
                "The council told @everyone in town that the bridge will close on Monday. "
                "Engineers found cracks in two of its <@&123> supports last week.",
                "A spokesperson said ||nothing|| would reopen before the summer. "
                "Residents were told to use the ferry, which runs every ```twenty``` minutes.",
            ],
        ),
        (
            "Why @here matters ||now||",
            [
                "Traffic on the ferry doubled within a day, according to @everyone's favourite "
                "harbour master. Queues reached the market square by eight in the morning.",
                "The council promised extra boats from Wednesday. Local shops reported fewer "
                "customers as people avoided the centre <@&123>.",
            ],
        ),
    ],
    tags=("@everyone", "Bridges"),
)
RAW_MARKERS = ("@everyone", "@here", "<@&123>")


async def test_hostile_article_renders_as_plain_text(skim: Harness, guild: StandardGuild) -> None:
    """@everyone, <@&role>, || and ``` from an article come out escaped, and nobody is pinged."""
    url = skim.page(HOSTILE, "bridge.html")
    reply = await skim.reply_to(await skim.post(guild, url))
    assert reply.json["allowed_mentions"]["parse"] == []
    text = "\n".join(embed_text(e) for e in reply.json["embeds"])
    assert "everyone" in text and "123" in text  # the words are there …
    for marker in RAW_MARKERS:  # … but never as a live mention
        assert marker not in text, marker
    assert "||" not in text.replace("\\|", "")
    assert "```" not in text.replace("\\`", "")


async def test_hostile_article_in_summarize_is_escaped_too(
    skim: Harness, guild: StandardGuild
) -> None:
    """The same article through /summarize is escaped the same way."""
    url = skim.page(HOSTILE, "bridge.html")
    injected = await skim.fake.inject_slash(
        guild.id, guild.general, guild.poster, "summarize", {"url": url}
    )
    edit = await skim.edit_of_original(injected)
    text = "\n".join(embed_text(e) for e in edit.json["embeds"])
    for marker in RAW_MARKERS:
        assert marker not in text, marker
    assert edit.json["allowed_mentions"]["parse"] == []


async def test_every_message_pings_nobody(skim: Harness, guild: StandardGuild) -> None:
    """Replies, interaction answers and edits all carry allowed_mentions parse []."""
    since = skim.fake.mark()
    await skim.reply_to(await skim.post(guild, skim.seed_page()))
    injected = await skim.fake.inject_slash(
        guild.id, guild.general, guild.poster, "summarize", {"url": skim.seed_page()}
    )
    await skim.edit_of_original(injected)
    refused = await skim.fake.inject_slash(
        guild.id, guild.general, guild.stranger, "skim settings show"
    )
    await skim.answer(refused)
    bodies = skim.fake.message_bodies(since=since)
    assert len(bodies) >= 3
    for body in bodies:
        assert body["allowed_mentions"]["parse"] == [], body


async def test_malformed_gateway_event_leaves_the_bot_answering(
    skim: Harness, guild: StandardGuild
) -> None:
    """A MESSAGE_CREATE without "type" does not stop Skim from answering the next link."""
    malformed = {
        "id": "1",
        "channel_id": str(guild.general),
        "guild_id": str(guild.id),
        "author": {"id": str(guild.poster), "username": "x", "discriminator": "0", "avatar": None},
        "content": skim.seed_page(),
    }
    await skim.fake.inject_raw(0, "MESSAGE_CREATE", malformed)
    message_id = await skim.post(guild, skim.seed_page())
    reply = await skim.reply_to(message_id)
    assert reply.status == 200


async def test_several_malformed_events_in_a_row(skim: Harness, guild: StandardGuild) -> None:
    """Malformed MESSAGE_CREATE and INTERACTION_CREATE payloads are survived one after another."""
    await skim.fake.inject_raw(0, "MESSAGE_CREATE", {"id": "2"})
    await skim.fake.inject_raw(0, "INTERACTION_CREATE", {"id": "3", "type": 2})
    await skim.fake.inject_raw(0, "GUILD_CREATE", {"unexpected": True})
    message_id = await skim.post(guild, skim.seed_page())
    await skim.reply_to(message_id)


async def test_dropped_gateway_connection_resumes(skim: Harness, guild: StandardGuild) -> None:
    """When the gateway socket drops, Skim reconnects and keeps answering."""
    await skim.fake.disconnect(4000)
    await skim.fake.wait_for_session()
    message_id = await skim.post(guild, skim.seed_page())
    await skim.reply_to(message_id)


async def test_skim_never_answers_its_own_messages(skim: Harness, guild: StandardGuild) -> None:
    """Skim's digest echoed back by the gateway (author = Skim) gets no reply."""
    await skim.reply_to(await skim.post(guild, skim.seed_page()))
    own = await skim.fake.inject_message(
        guild.id, guild.general, skim.fake.bot_user, skim.seed_page(), bot=True
    )
    await skim.quiet()
    assert skim.replies_to(own) == []


async def test_loop_lag_stays_small_while_digesting(skim: Harness, guild: StandardGuild) -> None:
    """Digesting three pages at once never blocks the event loop for long (worker pool)."""
    urls = " ".join(skim.seed_page() for _ in range(3))
    await skim.reply_to(await skim.post(guild, urls))
    assert skim.bot.loop_lag_max < 1.0


async def test_reply_refused_by_discord_does_not_stop_skim(
    skim: Harness, guild: StandardGuild
) -> None:
    """When Discord refuses a reply (403 Missing Permissions) Skim carries on with the next link."""
    skim.fake.fail_next("POST", f"/channels/{guild.other}/messages")
    refused = await skim.post(guild, skim.seed_page(), channel=guild.other)
    first = await skim.reply_to(refused)
    assert first.status == 403
    message_id = await skim.post(guild, skim.seed_page())
    reply = await skim.reply_to(message_id)
    assert reply.status == 200
