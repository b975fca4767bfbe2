"""`--format embed` prints exactly what the bot posts: compared with a real reply."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from bot.payload import embed_format
from sandbox.discord_server import StandardGuild
from summarizer import digest_html
from tests.e2e.conftest import FIXTURES, Harness

pytestmark = pytest.mark.asyncio(loop_scope="module")


# Only a real reply has these: the message it answers, and discord.py's fresh nonce per send.
REPLY_ONLY = frozenset({"message_reference", "nonce", "enforce_nonce"})


def _without_poster(payload: dict[str, Any]) -> dict[str, Any]:
    """The payload less what only a real reply has, and less the poster's id."""
    shown = {key: copy.deepcopy(value) for key, value in payload.items() if key not in REPLY_ONLY}
    for row in shown.get("components", []):
        for button in row["components"]:
            button["custom_id"] = button["custom_id"].rsplit(":", 1)[0]
    return shown


async def test_embed_format_is_the_body_the_bot_posts(skim: Harness, guild: StandardGuild) -> None:
    """For the same page and URL, the CLI's embed payload equals the bot's reply body, except
    the reply's reference, its nonce and the poster's id in the 🗑 button."""
    url = skim.seed_page()
    reply = await skim.reply_to(await skim.post(guild, url))
    [printed] = embed_format(digest_html((FIXTURES / "seed_h2.html").read_bytes(), url)).documents
    assert _without_poster(printed) == _without_poster(reply.json)
    assert reply.json["components"][0]["components"][0]["custom_id"] == (
        f"skim:dismiss:{guild.poster}"
    )
