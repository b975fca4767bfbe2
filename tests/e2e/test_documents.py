"""Text documents end to end: a link to a README.md or a .txt gets a card through the real bot,
a Markdown one with its '#' headings as the card's sections (rendered in the worker pool)."""

from __future__ import annotations

import pytest

from sandbox.discord_server import StandardGuild
from tests.e2e.conftest import Harness
from tests.helpers import paragraph

pytestmark = pytest.mark.asyncio(loop_scope="module")

HEADINGS = ["Why beacons", "How to install", "On a boat"]


def readme() -> str:
    prose = [paragraph(start, 3) for start in (0, 3, 6, 9)]
    return (
        f"# Lantern beacons\n\n{prose[0]}\n\n## {HEADINGS[0]}\n\n{prose[1]}\n\n"
        f"## {HEADINGS[1]}\n\n{prose[2]}\n\n### {HEADINGS[2]}\n\n{prose[3]}\n"
    )


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("README.md", "text/plain; charset=utf-8"),  # a raw file, as code hosts serve it
        ("readme", "text/markdown; charset=utf-8"),
    ],
)
async def test_a_markdown_link_gets_its_headings_as_sections(
    skim: Harness, guild: StandardGuild, name: str, content_type: str
) -> None:
    """A pasted Markdown link's card is headed by its '#' line, and its '##' and '###' lines
    are the card's sections, each with a claim of its own prose."""
    url = skim.page(readme(), name, content_type)
    reply = await skim.reply_to(await skim.post(guild, url))
    (embed,) = reply.json["embeds"]
    assert embed["title"] == "Lantern beacons"
    fields = embed.get("fields") or []
    assert [field["name"] for field in fields] == HEADINGS
    assert paragraph(3, 1) in fields[0]["value"]


async def test_a_text_link_is_read_as_typed(skim: Harness, guild: StandardGuild) -> None:
    """The same text as a .txt is no Markdown: its '##' lines are text, not sections."""
    url = skim.page(readme(), "notes.txt", "text/plain; charset=utf-8")
    reply = await skim.reply_to(await skim.post(guild, url))
    (embed,) = reply.json["embeds"]
    names = [field["name"] for field in embed.get("fields") or []]
    assert not set(names) & set(HEADINGS)
