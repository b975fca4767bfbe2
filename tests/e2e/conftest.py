"""End-to-end harness: the real SkimBot against the loopback Discord and a local web origin.

One fake Discord, one web origin and one running bot per test module (each module sets
`pytestmark = pytest.mark.asyncio(loop_scope="module")`); every test takes a fresh guild with
its own members, so settings, archives and per-user cooldowns never leak between tests.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import itertools
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web

from sandbox.discord_server import (
    DiscordFake,
    RecordedRequest,
    StandardGuild,
    standard_guild,
)
from testkit.web_origin import WebOrigin

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "corpus"
GUILDS_PER_MODULE = 40
REPLY_TIMEOUT = 30.0  # generous: the first digest of a module also starts the worker processes
QUIET_PERIOD = 0.5  # how long nothing must happen before a test concludes "the bot stayed silent"
SLOW_PAGE_SECONDS = 1.5  # long enough that a message injected right after finds its slot taken
# discord.py waits `guild_ready_timeout` (2 s) after the last GUILD_CREATE before READY; the fake
# sends them all at once, so a short wait only makes every start faster.
GUILD_READY_TIMEOUT = 0.05


def article_html(
    title: str,
    sections: list[tuple[str | None, list[str]]],
    *,
    site: str = "Daily Planet",
    tags: tuple[str, ...] = (),
) -> str:
    """A news page (nav, article with <h2> subheadings, footer) around the given text, escaped."""
    metas = "".join(f'<meta property="article:tag" content="{html.escape(tag)}">' for tag in tags)
    body = "".join(
        (f"<h2>{html.escape(heading)}</h2>" if heading else "")
        + "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in paragraphs)
        for heading, paragraphs in sections
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)} | {html.escape(site)}</title>"
        f'<meta property="og:title" content="{html.escape(title)}">'
        f'<meta property="og:site_name" content="{html.escape(site)}">{metas}</head><body>'
        '<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About</a>'
        f"</nav></header><main><article><h1>{html.escape(title)}</h1>{body}</article></main>"
        "<footer><p>© Daily Planet. All rights reserved.</p></footer></body></html>"
    )


# Every module's fake serves these; each module has its own database, so ids may repeat.
STANDARD_GUILDS = [
    standard_guild(100_000 * (n + 1), f"Server {n}") for n in range(GUILDS_PER_MODULE)
]

NOT_AN_ARTICLE = (
    '<!doctype html><html><head><meta charset="utf-8"><title>Home</title></head><body><nav>'
    + " ".join(f'<a href="/section/{n}">Section {n}</a>' for n in range(40))
    + "</nav></body></html>"
)


@dataclass
class Harness:
    """Everything a test drives: the fake Discord, the web origin, the running bot."""

    fake: DiscordFake
    origin: WebOrigin
    runner: SkimRunner
    guilds: Iterator[StandardGuild]
    _pages: Iterator[int]

    @property
    def bot(self) -> Any:
        """The SkimBot currently running (a new one after `restart`)."""
        return self.runner.bot

    def new_guild(self) -> StandardGuild:
        """A guild no other test has used."""
        return next(self.guilds)

    def page(
        self,
        source: str | bytes | Path,
        name: str = "article.html",
        content_type: str | None = None,
    ) -> str:
        """Serve a page at a path no other test uses (its own cache key); return its URL. (HTML
        unless `content_type` says otherwise.)"""
        body = source.read_bytes() if isinstance(source, Path) else source
        return self.origin.add_page(f"/p{next(self._pages)}/{name}", body, content_type)

    def seed_page(self) -> str:
        """A fresh URL for the seed article (six <h2> subheadings, tags NATO, Russia, Lavrov)."""
        return self.page(FIXTURES / "seed_h2.html", "lavrov-nato.html")

    def slow_page(self, delay: float = SLOW_PAGE_SECONDS) -> str:
        """The seed article served after `delay` seconds, to hold a digest slot busy."""
        body = (FIXTURES / "seed_h2.html").read_bytes()

        async def serve(request: web.Request) -> web.StreamResponse:
            await asyncio.sleep(delay)
            return web.Response(body=body, headers={"Content-Type": "text/html; charset=utf-8"})

        path = f"/slow{next(self._pages)}/article.html"
        self.origin.add_handler(path, serve)
        return self.origin.url(path)

    def hits(self, url: str) -> int:
        """How many times the origin served this URL's path."""
        return self.origin.hits[url.removeprefix(self.origin.base_url)]

    async def post(
        self, guild: StandardGuild, content: str, *, author: int | None = None, **kwargs: Any
    ) -> int:
        """A member posts `content` in the guild's #general (or `channel=`); returns the id."""
        channel = kwargs.pop("channel", guild.general)
        return await self.fake.inject_message(
            guild.id, channel, author if author is not None else guild.poster, content, **kwargs
        )

    async def reply_to(self, message_id: int, within: float = REPLY_TIMEOUT) -> RecordedRequest:
        """The bot's reply to a message (POST with a message_reference to it)."""
        return await self.fake.wait_for(lambda r: is_reply_to(r, message_id), within)

    def replies_to(self, message_id: int) -> list[RecordedRequest]:
        """Every reply the bot posted to a message so far."""
        return self.fake.find(lambda r: is_reply_to(r, message_id))

    async def quiet(self) -> None:
        """Let the bot settle: nothing recorded for QUIET_PERIOD seconds."""
        await self.fake.wait_quiet(QUIET_PERIOD)

    async def answer(self, injected: Any, within: float = REPLY_TIMEOUT) -> RecordedRequest:
        """The first callback for an injected interaction."""
        return await self.fake.wait_for(lambda r: r.path == injected.callback_path, within)

    async def edit_of_original(self, injected: Any, within: float = REPLY_TIMEOUT) -> Any:
        """The first PATCH of an interaction's original response."""
        return await self.fake.wait_for(
            lambda r: r.path == injected.original_path and r.method == "PATCH", within
        )


def is_reply_to(request: RecordedRequest, message_id: int) -> bool:
    """A channel message POST whose reference is `message_id`."""
    if request.method != "POST" or not request.path.endswith("/messages"):
        return False
    reference = (request.json or {}).get("message_reference") or {}
    return str(reference.get("message_id")) == str(message_id)


def embed_text(embed: dict[str, Any]) -> str:
    """Every user-visible string of an embed, joined."""
    parts = [embed.get("title") or "", embed.get("description") or ""]
    for item in embed.get("fields") or []:
        parts += [item.get("name") or "", item.get("value") or ""]
    parts.append((embed.get("footer") or {}).get("text") or "")
    parts.append((embed.get("author") or {}).get("name") or "")
    return "\n".join(parts)


class SkimRunner:
    """Starts SkimBot per the harness contract, and restarts it on the same database."""

    def __init__(self, fake: DiscordFake, origin: WebOrigin, db_path: Path) -> None:
        self.fake, self.origin, self.db_path = fake, origin, db_path
        self.bot: Any = None
        self._task: asyncio.Task[None] | None = None
        self._env = pytest.MonkeyPatch()
        self._resources: contextlib.AsyncExitStack | None = None

    def environment(self) -> dict[str, str]:
        """The environment the contract names."""
        return {
            "DISCORD_TOKEN": "loopback-token",
            "DISCORD_API_BASE": self.fake.api_base,
            "DISCORD_GATEWAY_URL": self.fake.gateway_url,
            "SKIM_DB_PATH": str(self.db_path),
            "SKIM_FETCH_ALLOW_NETWORKS": "127.0.0.0/8",
            "SKIM_FETCH_ALLOW_PORTS": f"80,443,{self.origin.port}",
        }

    async def start(self) -> Any:
        """The bot as `python -m bot` runs it (settings from the environment, services opened
        first, discord.py aimed at the fake), started in a task, once it is ready."""
        from bot.client import SkimBot, discord_endpoints
        from bot.config import load_settings
        from bot.services import open_services

        for name, value in self.environment().items():
            self._env.setenv(name, value)
        settings = load_settings(env_file=None)
        resources = contextlib.AsyncExitStack()
        services = await resources.enter_async_context(open_services(settings))
        resources.enter_context(discord_endpoints(settings.discord))
        self._resources = resources
        bot = SkimBot(settings, services)
        bot._connection.guild_ready_timeout = GUILD_READY_TIMEOUT
        self.bot = bot
        self._task = asyncio.create_task(bot.start("loopback-token"))
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait({ready, self._task}, timeout=30, return_when="FIRST_COMPLETED")
        if ready not in done:
            ready.cancel()
            if self._task in done:
                self._task.result()  # raises the start-up error
            raise TimeoutError("SkimBot did not become ready against the fake within 30 s")
        return bot

    async def stop(self) -> None:
        """`await bot.close()`, wait for `start` to return, then close the services."""
        if self.bot is not None:
            await self.bot.close()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await asyncio.wait_for(self._task, 30)
        if self._resources is not None:
            await self._resources.aclose()
        self.bot, self._task, self._resources = None, None, None

    async def restart(self) -> Any:
        """Close the bot, then start a new SkimBot on the same database."""
        await self.stop()
        return await self.start()

    def undo_environment(self) -> None:
        """Restore the environment."""
        self._env.undo()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def discord_fake() -> AsyncIterator[DiscordFake]:
    """The loopback Discord for this module, with GUILDS_PER_MODULE standard guilds."""
    async with DiscordFake([g.guild for g in STANDARD_GUILDS]) as fake:
        yield fake


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def web_origin() -> AsyncIterator[WebOrigin]:
    """The article origin on 127.0.0.1 for this module."""
    async with WebOrigin() as origin:
        yield origin


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def skim(
    discord_fake: DiscordFake, web_origin: WebOrigin, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Harness]:
    """The running bot with its fake Discord and origin; `harness.runner.restart()` restarts it."""
    runner = SkimRunner(discord_fake, web_origin, tmp_path_factory.mktemp("skim") / "skim.db")
    try:
        await runner.start()
        yield Harness(
            fake=discord_fake,
            origin=web_origin,
            runner=runner,
            guilds=iter(STANDARD_GUILDS),
            _pages=itertools.count(1),
        )
    finally:
        await runner.stop()
        runner.undo_environment()


@pytest.fixture
def guild(skim: Harness) -> StandardGuild:
    """A guild (with poster, stranger, moderator, admin) that no other test touches."""
    return skim.new_guild()


@pytest_asyncio.fixture(autouse=True, loop_scope="module")
async def pings_nobody(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """After every e2e test: each message body the bot sent had allowed_mentions parse []."""
    if "skim" not in request.fixturenames:
        yield
        return
    harness: Harness = request.getfixturevalue("skim")
    since = harness.fake.mark()
    yield
    for body in harness.fake.message_bodies(since=since):
        assert (body.get("allowed_mentions") or {}).get("parse") == [], body
    assert harness.fake.unrouted == [], "the bot called routes the fake does not serve"
