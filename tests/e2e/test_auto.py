"""Auto-digest end to end: which links Skim answers, how the reply looks, and what it fetches."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import unquote

import pytest

from sandbox.discord_server import StandardGuild
from tests.e2e.conftest import NOT_AN_ARTICLE, Harness, embed_text
from tests.helpers import SEED_HEADLINE, SEED_SUBHEADINGS

pytestmark = pytest.mark.asyncio(loop_scope="module")

CLAIM_LINK = re.compile(r"\[↗\]\(([^)\s]+)\)$", re.MULTILINE)


async def test_pasted_link_gets_a_reply_with_the_digest(
    skim: Harness, guild: StandardGuild
) -> None:
    """A pasted article link is answered by a reply that pings nobody, with one embed."""
    url = skim.seed_page()
    message_id = await skim.post(guild, f"worth reading {url}")
    reply = await skim.reply_to(message_id)
    assert reply.path == f"/channels/{guild.general}/messages"
    assert int(reply.json["message_reference"]["message_id"]) == message_id
    assert reply.json["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert len(reply.json["embeds"]) == 1


async def test_typing_is_shown_before_the_reply(skim: Harness, guild: StandardGuild) -> None:
    """Skim shows "typing…" in the channel before its reply arrives."""
    since = skim.fake.mark()
    message_id = await skim.post(guild, skim.seed_page())
    await skim.reply_to(message_id)
    calls = [(r.method, r.path) for r in skim.fake.requests[since:]]
    typing = calls.index(("POST", f"/channels/{guild.general}/typing"))
    reply = calls.index(("POST", f"/channels/{guild.general}/messages"))
    assert typing < reply


async def test_embed_has_headline_lead_subheadings_and_tags(
    skim: Harness, guild: StandardGuild
) -> None:
    """Title is the linked headline, a field per subheading, the footer carries #tags."""
    url = skim.seed_page()
    embed = (await skim.reply_to(await skim.post(guild, url))).json["embeds"][0]
    assert embed["title"] == SEED_HEADLINE
    assert embed["url"] == url
    assert embed["description"].strip()
    assert [field["name"] for field in embed["fields"]] == list(SEED_SUBHEADINGS)
    footer = embed["footer"]["text"]
    assert "#NATO #Russia #Sergei Lavrov" in footer
    assert "min read" in footer


async def test_every_claim_links_to_its_sentence(skim: Harness, guild: StandardGuild) -> None:
    """The description and each field end with one ↗ link to this very article that
    highlights each of its claims (one text directive per claim line)."""
    url = skim.seed_page()
    page_text = " ".join(_seed_text().split())
    embed = (await skim.reply_to(await skim.post(guild, url))).json["embeds"][0]
    blocks = [embed["description"]] + [field["value"] for field in embed["fields"]]
    for block in blocks:
        links = CLAIM_LINK.findall(block)
        assert len(links) == 1, block
        link = links[0]
        assert link.startswith(url + "#:~:text="), link
        directives = link.split("#:~:", 1)[1].split("&")
        assert len(directives) == len(block.splitlines())
        for directive in directives:
            for term in directive.removeprefix("text=").split(","):
                assert unquote(term) in page_text, unquote(term)


def _seed_text() -> str:
    from html import unescape

    from tests.e2e.conftest import FIXTURES

    raw = (FIXTURES / "seed_h2.html").read_text(encoding="utf-8")
    return unescape(re.sub(r"<[^>]+>", " ", raw))


async def test_digest_carries_a_dismiss_button_for_the_poster(
    skim: Harness, guild: StandardGuild
) -> None:
    """The reply has one 🗑 button whose custom_id names the poster."""
    reply = await skim.reply_to(await skim.post(guild, skim.seed_page()))
    buttons = [item for row in reply.json["components"] for item in row["components"]]
    assert [b["custom_id"] for b in buttons] == [f"skim:dismiss:{guild.poster}"]
    assert buttons[0]["emoji"]["name"] == "🗑"


async def test_link_in_a_thread_is_answered_in_the_thread(
    skim: Harness, guild: StandardGuild
) -> None:
    """A link pasted in a thread gets its reply in that thread."""
    message_id = await skim.post(guild, skim.seed_page(), channel=guild.thread)
    reply = await skim.reply_to(message_id)
    assert reply.path == f"/channels/{guild.thread}/messages"


@pytest.mark.parametrize(
    "template",
    [
        "<{url}>",
        "`{url}`",
        "```\n{url}\n```",
        "||{url}||",
        "> {url}",
    ],
    ids=["angle-brackets", "inline-code", "code-block", "spoiler", "quote"],
)
async def test_hidden_links_are_ignored(skim: Harness, guild: StandardGuild, template: str) -> None:
    """Links in <…>, code, spoilers or quotes are never fetched nor answered."""
    url = skim.seed_page()
    message_id = await skim.post(guild, template.format(url=url))
    await skim.quiet()
    assert skim.hits(url) == 0
    assert skim.replies_to(message_id) == []


async def test_bot_authors_are_ignored(skim: Harness, guild: StandardGuild) -> None:
    """A link posted by another bot is neither fetched nor answered."""
    url = skim.seed_page()
    message_id = await skim.post(guild, url, author=guild.poster + 5000, bot=True)
    await skim.quiet()
    assert skim.hits(url) == 0 and skim.replies_to(message_id) == []


async def test_webhook_authors_are_ignored(skim: Harness, guild: StandardGuild) -> None:
    """A link posted through a webhook is neither fetched nor answered."""
    url = skim.seed_page()
    message_id = await skim.post(guild, url, webhook_id=guild.id + 777)
    await skim.quiet()
    assert skim.hits(url) == 0 and skim.replies_to(message_id) == []


async def test_links_per_message_are_capped(skim: Harness, guild: StandardGuild) -> None:
    """Of four links only the first three (the default cap) are fetched and digested."""
    urls = [skim.seed_page() for _ in range(4)]
    message_id = await skim.post(guild, " ".join(urls))
    await skim.reply_to(message_id)
    await skim.quiet()
    embeds = [e for r in skim.replies_to(message_id) for e in r.json["embeds"]]
    assert len(embeds) == 3
    assert [skim.hits(u) for u in urls] == [1, 1, 1, 0]


async def test_same_link_twice_is_fetched_once(skim: Harness, guild: StandardGuild) -> None:
    """The same article pasted in two messages is fetched once and answered twice."""
    url = skim.seed_page()
    first = await skim.post(guild, url)
    await skim.reply_to(first)
    second = await skim.post(guild, f"again: {url}", author=guild.stranger)
    reply = await skim.reply_to(second)
    assert skim.hits(url) == 1
    assert reply.json["embeds"][0]["title"] == SEED_HEADLINE


async def test_two_racing_messages_make_one_fetch(skim: Harness, guild: StandardGuild) -> None:
    """Two messages racing on one link make one fetch and both get a reply."""
    url = skim.seed_page()
    first, second = await asyncio.gather(
        skim.post(guild, url), skim.post(guild, url, author=guild.stranger)
    )
    await asyncio.gather(skim.reply_to(first), skim.reply_to(second))
    assert skim.hits(url) == 1


async def test_failing_link_gets_exactly_one_warning_reaction(
    skim: Harness, guild: StandardGuild
) -> None:
    """A link that answers 500 gets no message and exactly one ⚠️ reaction."""
    url = skim.origin.add_page(f"/broken-{guild.id}.html", "server error", status=500)
    message_id = await skim.post(guild, url)
    await skim.quiet()
    assert skim.hits(url) >= 1
    assert skim.fake.channel_posts(guild.general) == []
    reactions = skim.fake.find(
        lambda r: r.method == "PUT" and f"/{message_id}/reactions/" in r.path
    )
    assert [r.path.rsplit("/reactions/", 1)[1] for r in reactions] == ["⚠️/@me"]
    assert skim.replies_to(message_id) == []


async def test_two_broken_links_in_one_message_get_one_warning(
    skim: Harness, guild: StandardGuild
) -> None:
    """However many links of a message fail, the message gets one ⚠️, not one per link."""
    first = skim.origin.add_page(f"/broken-a-{guild.id}.html", "server error", status=500)
    second = skim.origin.add_page(f"/broken-b-{guild.id}.html", "gone", status=404)
    message_id = await skim.post(guild, f"{first} and {second}")
    await skim.quiet()
    reactions = skim.fake.find(
        lambda r: r.method == "PUT" and f"/{message_id}/reactions/" in r.path
    )
    assert len(reactions) == 1


async def test_page_that_is_not_an_article_is_silent(skim: Harness, guild: StandardGuild) -> None:
    """A navigation page is fetched but gets no reply and no reaction."""
    url = skim.page(NOT_AN_ARTICLE, "home.html")
    message_id = await skim.post(guild, url)
    await skim.quiet()
    assert skim.hits(url) == 1
    assert skim.replies_to(message_id) == []
    assert skim.fake.reactions.get(message_id, []) == []


async def test_blocked_port_gets_no_reply(skim: Harness, guild: StandardGuild) -> None:
    """A link to a port outside the fetch allow-list is refused quietly: no reply, no message."""
    # Loopback on a port the policy refuses: even a policy bug could not send traffic elsewhere.
    message_id = await skim.post(guild, "http://127.0.0.1:9/article.html")
    await skim.quiet()
    assert skim.replies_to(message_id) == []
    assert skim.fake.channel_posts(guild.general) == []


async def test_good_and_failing_links_reply_with_the_good_one(
    skim: Harness, guild: StandardGuild
) -> None:
    """One broken link does not stop the digest of the other link in the message."""
    good = skim.seed_page()
    bad = skim.origin.add_page(f"/gone-{guild.id}.html", "gone", status=404)
    message_id = await skim.post(guild, f"{bad} and {good}")
    reply = await skim.reply_to(message_id)
    assert [e["url"] for e in reply.json["embeds"]] == [good]


async def test_reply_embed_text_stays_within_discord_limits(
    skim: Harness, guild: StandardGuild
) -> None:
    """Everything in the reply fits Discord's per-message limits (the fake also enforces them)."""
    reply = await skim.reply_to(await skim.post(guild, skim.seed_page()))
    assert reply.status == 200
    total = sum(len(embed_text(e)) for e in reply.json["embeds"])
    assert total <= 6000 and len(reply.json["embeds"]) <= 10


async def test_links_over_the_user_cooldown_are_skipped(
    skim: Harness, guild: StandardGuild
) -> None:
    """Five links a minute per user: of 3 + 3 links the last one is quietly skipped."""
    first_urls = [skim.seed_page() for _ in range(3)]
    second_urls = [skim.seed_page() for _ in range(3)]
    first = await skim.post(guild, " ".join(first_urls))
    await skim.reply_to(first)
    second = await skim.post(guild, " ".join(second_urls))
    reply = await skim.reply_to(second)
    await skim.quiet()
    assert [e["url"] for e in reply.json["embeds"]] == second_urls[:2]
    assert skim.hits(second_urls[2]) == 0


async def test_messages_beyond_the_server_cap_are_skipped_quietly(
    skim: Harness, guild: StandardGuild
) -> None:
    """With two digests already running in a server, a third message is skipped without a word."""
    urls = [skim.slow_page() for _ in range(3)]
    users = (guild.poster, guild.stranger, guild.moderator)
    ids = [await skim.post(guild, url, author=user) for user, url in zip(users, urls, strict=True)]
    await skim.reply_to(ids[0])
    await skim.reply_to(ids[1])
    await skim.quiet()
    assert skim.replies_to(ids[2]) == []
    assert skim.hits(urls[2]) == 0


async def test_long_replies_are_split_within_discord_limits(
    skim: Harness, guild: StandardGuild
) -> None:
    """Five digests (over 6000 characters together) arrive as several replies, each in limits."""
    raise_cap = await skim.fake.inject_slash(
        guild.id, guild.general, guild.admin, "skim settings max-links", {"n": 5}
    )
    await skim.answer(raise_cap)
    urls = [skim.seed_page() for _ in range(5)]
    message_id = await skim.post(guild, " ".join(urls))
    await skim.reply_to(message_id)
    await skim.quiet()
    replies = skim.replies_to(message_id)
    assert len(replies) >= 2
    assert all(r.status == 200 for r in replies)
    assert [e["url"] for r in replies for e in r.json["embeds"]] == urls
    for reply in replies:
        assert sum(len(embed_text(e)) for e in reply.json["embeds"]) <= 6000
        assert len(reply.json["embeds"]) <= 10
        assert reply.json["allowed_mentions"] == {"parse": [], "replied_user": False}
