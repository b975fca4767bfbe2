"""/skim search and /skim recent end to end: this server's archive, and never another's."""

from __future__ import annotations

from typing import Any

import pytest

from sandbox.discord_server import EPHEMERAL, StandardGuild
from tests.e2e.conftest import Harness, article_html, embed_text
from tests.helpers import SEED_HEADLINE

pytestmark = pytest.mark.asyncio(loop_scope="module")

LIGHTHOUSE = article_html(
    "Volunteers restore the old lighthouse keeper's cottage",
    [
        (
            None,
            [
                "Volunteers in the harbour town finished restoring the lighthouse keeper's "
                "cottage on Saturday after three years of weekend work. The cottage had stood "
                "empty since the light was automated in 1987.",
                "The restoration was paid for by a mix of small donations and a heritage grant. "
                "Organisers said more than two hundred people gave money or time.",
            ],
        ),
        (
            "A roof of reclaimed slate",
            [
                "The roof was rebuilt with reclaimed slate from a demolished chapel nearby. "
                "Craftsmen trained four young apprentices during the work.",
                "Rainwater had rotted most of the original beams, which were replaced with oak. "
                "The chimney was rebuilt stone by stone.",
            ],
        ),
        (
            "Opening to visitors",
            [
                "The cottage will open to visitors every weekend from the first of May. "
                "Entry will be free for children under twelve.",
                "A small museum room will show the keepers' logbooks and a brass fog horn. "
                "Volunteers hope school groups will visit during the week.",
            ],
        ),
    ],
    tags=("Heritage", "Lighthouses"),
)


async def _archive(skim: Harness, guild: StandardGuild, url: str) -> tuple[int, int]:
    """Post `url` in the guild; return (channel id, digest message id) once Skim replied."""
    message_id = await skim.post(guild, url)
    await skim.reply_to(message_id)
    digest = next(
        m
        for m in skim.fake.messages.values()
        if str((m.get("message_reference") or {}).get("message_id")) == str(message_id)
    )
    await skim.quiet()
    return int(digest["channel_id"]), int(digest["id"])


async def _lookup(
    skim: Harness, guild: StandardGuild, command: str, **options: object
) -> dict[str, Any]:
    injected = await skim.fake.inject_slash(
        guild.id, guild.general, guild.stranger, command, options or None
    )
    body = (await skim.answer(injected)).json
    assert body["type"] == 4
    data: dict[str, Any] = body["data"]
    return data


async def test_search_finds_an_earlier_digest_with_links(
    skim: Harness, guild: StandardGuild
) -> None:
    """A word from the headline finds the digest, with its article link and a jump link."""
    url = skim.page(LIGHTHOUSE)
    channel_id, digest_id = await _archive(skim, guild, url)
    data = await _lookup(skim, guild, "skim search", query="lighthouse")
    text = "\n".join(embed_text(e) for e in data["embeds"])
    assert data["flags"] == EPHEMERAL
    assert "lighthouse keeper" in text.lower()
    assert url in text
    assert f"https://discord.com/channels/{guild.id}/{channel_id}/{digest_id}" in text


async def test_search_matches_subheadings_claims_and_tags(
    skim: Harness, guild: StandardGuild
) -> None:
    """Words from a subheading, a claim and a tag each find the digest."""
    url = skim.page(LIGHTHOUSE)
    await _archive(skim, guild, url)
    for query in ("reclaimed slate", "Heritage"):
        data = await _lookup(skim, guild, "skim search", query=query)
        text = "\n".join(embed_text(e) for e in data["embeds"])
        assert url in text, query


async def test_search_never_shows_another_servers_digest(
    skim: Harness, guild: StandardGuild
) -> None:
    """The same query in another server finds nothing from this one."""
    url = skim.page(LIGHTHOUSE)
    await _archive(skim, guild, url)
    other = skim.new_guild()
    data = await _lookup(skim, other, "skim search", query="lighthouse")
    text = "\n".join(embed_text(e) for e in data["embeds"])
    assert url not in text
    assert str(guild.id) not in text


async def test_search_with_no_match_says_so(skim: Harness, guild: StandardGuild) -> None:
    """A query nothing matches gets an ephemeral "no digest" answer."""
    await _archive(skim, guild, skim.seed_page())
    data = await _lookup(skim, guild, "skim search", query="zeppelin")
    assert data["flags"] == EPHEMERAL
    text = "\n".join(embed_text(e) for e in data["embeds"])
    assert "no digest" in text.lower()


async def test_search_query_with_fts_syntax_is_harmless(
    skim: Harness, guild: StandardGuild
) -> None:
    """Quotes, stars and operators in a query are treated as text, not an error."""
    await _archive(skim, guild, skim.seed_page())
    data = await _lookup(skim, guild, "skim search", query='NATO" OR * NEAR(')
    assert data["flags"] == EPHEMERAL
    assert data["embeds"]


async def test_recent_lists_the_servers_latest_digests(skim: Harness, guild: StandardGuild) -> None:
    """/skim recent lists this server's digests, newest first."""
    first = skim.seed_page()
    second = skim.page(LIGHTHOUSE)
    await _archive(skim, guild, first)
    await _archive(skim, guild, second)
    data = await _lookup(skim, guild, "skim recent")
    text = "\n".join(embed_text(e) for e in data["embeds"])
    assert data["flags"] == EPHEMERAL
    assert first in text and second in text
    assert text.index(second) < text.index(first)
    assert SEED_HEADLINE[:40] in text


async def test_recent_in_an_empty_server(skim: Harness, guild: StandardGuild) -> None:
    """A server with no digests gets a plain "none yet" answer."""
    data = await _lookup(skim, guild, "skim recent")
    text = "\n".join(embed_text(e) for e in data["embeds"])
    assert "no digest" in text.lower()


async def test_archive_survives_a_restart(skim: Harness, guild: StandardGuild) -> None:
    """After a restart on the same database the archive still finds earlier digests."""
    url = skim.page(LIGHTHOUSE)
    await _archive(skim, guild, url)
    await skim.runner.restart()
    data = await _lookup(skim, guild, "skim search", query="cottage")
    text = "\n".join(embed_text(e) for e in data["embeds"])
    assert url in text


async def test_recent_lists_only_the_last_ten(skim: Harness, guild: StandardGuild) -> None:
    """With eleven digests in the server /skim recent lists the ten newest, newest first."""
    urls = [skim.seed_page() for _ in range(11)]
    authors = [guild.poster] * 5 + [guild.stranger] * 5 + [guild.moderator]
    for url, author in zip(urls, authors, strict=True):
        await skim.reply_to(await skim.post(guild, url, author=author))
    await skim.quiet()
    data = await _lookup(skim, guild, "skim recent")
    text = "\n".join(embed_text(e) for e in data["embeds"])
    listed = [url for url in urls if url in text]
    assert listed == urls[1:]
    positions = [text.index(url) for url in reversed(urls[1:])]
    assert positions == sorted(positions)


async def test_public_summarize_is_archived_with_its_message(
    skim: Harness, guild: StandardGuild
) -> None:
    """A public /summarize digest is searchable, with a jump link to the command's answer."""
    url = skim.page(LIGHTHOUSE)
    injected = await skim.fake.inject_slash(
        guild.id, guild.general, guild.poster, "summarize", {"url": url}
    )
    await skim.edit_of_original(injected)
    await skim.quiet()
    original = skim.fake.original_of(injected)
    assert original is not None
    data = await _lookup(skim, guild, "skim search", query="lighthouse")
    text = "\n".join(embed_text(e) for e in data["embeds"])
    assert url in text
    assert f"/channels/{guild.id}/{guild.general}/{original['id']}" in text


async def test_private_summarize_stays_out_of_the_archive(
    skim: Harness, guild: StandardGuild
) -> None:
    """A private /summarize digest is never listed to the rest of the server."""
    url = skim.page(LIGHTHOUSE)
    injected = await skim.fake.inject_slash(
        guild.id, guild.general, guild.poster, "summarize", {"url": url, "private": True}
    )
    await skim.edit_of_original(injected)
    await skim.quiet()
    for command, options in (("skim search", {"query": "lighthouse"}), ("skim recent", {})):
        data = await _lookup(skim, guild, command, **options)
        text = "\n".join(embed_text(e) for e in data["embeds"])
        assert url not in text, command


async def test_search_lists_at_most_five(skim: Harness, guild: StandardGuild) -> None:
    """With six matching digests in the server, /skim search lists five."""
    urls = [skim.seed_page() for _ in range(6)]
    authors = [guild.poster] * 5 + [guild.stranger]
    for url, author in zip(urls, authors, strict=True):
        await skim.reply_to(await skim.post(guild, url, author=author))
    await skim.quiet()
    data = await _lookup(skim, guild, "skim search", query="NATO")
    text = "\n".join(embed_text(e) for e in data["embeds"])
    assert sum(url in text for url in urls) == 5
