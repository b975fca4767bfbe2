"""Real pages from ../shared/corpus through the whole bot: every reply fits Discord, or silence."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import pytest

from sandbox.discord_server import StandardGuild
from tests.e2e.conftest import CORPUS, Harness, embed_text

MOZ = CORPUS / "moz"
pytestmark = [
    pytest.mark.asyncio(loop_scope="module"),
    pytest.mark.corpus,
    pytest.mark.skipif(not MOZ.is_dir(), reason="../shared/corpus is not beside the project"),
]

# Long pages with many subheadings (more than 25 fields' worth), other scripts, RTL and plain
# news: the shapes most likely to break an embed limit or a text-fragment link.
ARTICLES = [
    "nytimes-5",
    "wikipedia-2",
    "toc-missing",
    "lazy-image-1",
    "mercurial",
    "salon-1",
    "la-nacion",
    "youth",
    "yahoo-4",
    "engadget",
    "aclu",
    "rtl-3",
]
CLAIM_LINK = re.compile(r"\[↗\]\((?P<url>[^)\s]+)\)$")


def _readerable(name: str) -> bool:
    meta = json.loads((MOZ / name / "expected-metadata.json").read_text(encoding="utf-8"))
    return bool(meta.get("readerable", True))


@pytest.mark.parametrize("name", ARTICLES)
async def test_corpus_article_reply_fits_discord(
    skim: Harness, guild: StandardGuild, name: str
) -> None:
    """A real article gets a reply Discord accepts, whose claims all link into the page."""
    assert _readerable(name)
    url = skim.page(MOZ / name / "source.html", f"{name}.html")
    message_id = await skim.post(guild, url)
    await skim.reply_to(message_id)
    await skim.quiet()
    replies = skim.replies_to(message_id)
    assert replies and all(r.status == 200 for r in replies), [str(r) for r in replies]
    embeds = [e for r in replies for e in r.json["embeds"]]
    assert embeds[0]["title"].strip() and embeds[0]["url"] == url
    for reply in replies:
        assert sum(len(embed_text(e)) for e in reply.json["embeds"]) <= 6000
    for embed in embeds:
        lines = (embed.get("description") or "").splitlines()
        for field in embed.get("fields") or []:
            lines += field["value"].splitlines()
        for line in lines:
            match = CLAIM_LINK.search(line)
            if match is not None:
                assert unquote(match["url"]).startswith(url + "#:~:text="), line


@pytest.mark.parametrize(
    "name", ["005-unescape-html-entities", "js-link-replacement", "remove-aria-hidden"]
)
async def test_corpus_non_article_gets_silence(
    skim: Harness, guild: StandardGuild, name: str
) -> None:
    """A page the corpus marks as not an article gets no reply and no reaction."""
    assert not _readerable(name)
    url = skim.page(MOZ / name / "source.html", f"{name}.html")
    message_id = await skim.post(guild, url)
    await skim.quiet()
    assert skim.hits(url) == 1
    assert skim.replies_to(message_id) == []
    assert skim.fake.reactions.get(message_id, []) == []
