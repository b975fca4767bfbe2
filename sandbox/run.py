"""Start the sandbox: its Discord, its web page, then Skim itself, the way `python -m bot sync`
and `python -m bot` start it (settings tree, services opened by `run_bot`, discord.py aimed at
the sandbox by `discord_endpoints`)."""

from __future__ import annotations

import asyncio
import contextlib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bot.__main__ import run_bot, sync_commands
from bot.config import Settings
from sandbox.channel import ChannelState
from sandbox.discord_server import DiscordFake
from sandbox.guild import SandboxGuild, sandbox_guild
from sandbox.pages import PageStore
from sandbox.settings import sandbox_settings
from sandbox.web import SandboxWeb

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DEFAULT_PORT = 8765
BOT_READY_SECONDS = 60.0


class SandboxError(Exception):
    """The sandbox could not start; the message says what to do in one line."""


@dataclass(frozen=True, slots=True)
class SandboxOptions:
    """How to run the sandbox (the `python -m sandbox` flags)."""

    port: int = DEFAULT_PORT
    online: bool = False
    db_path: Path | None = None  # None: a fresh database in a temporary folder
    examples: Path = field(default=EXAMPLES)
    log_level: str = "INFO"


class Sandbox:
    """The running sandbox: `async with Sandbox(options) as sandbox: await sandbox.wait()`."""

    def __init__(self, options: SandboxOptions) -> None:
        self.options = options
        self.guild: SandboxGuild = sandbox_guild()
        self._stack = contextlib.AsyncExitStack()
        self._bot: asyncio.Task[int] | None = None
        self.fake: DiscordFake
        self.state: ChannelState
        self.web: SandboxWeb
        self.settings: Settings

    @property
    def url(self) -> str:
        """The channel page."""
        return self.web.url

    async def __aenter__(self) -> Sandbox:
        try:
            await self._start()
        except BaseException:
            await self._stop()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._stop()

    async def _start(self) -> None:
        options = self.options
        self.fake = await self._stack.enter_async_context(DiscordFake([self.guild.guild]))
        pages = PageStore.with_examples(options.examples)
        self.state = ChannelState(self.fake, self.guild, pages, online=options.online)
        try:
            self.web = await self._stack.enter_async_context(
                SandboxWeb(self.state, port=options.port)
            )
        except OSError as error:
            reason = os.strerror(error.errno) if error.errno else str(error)
            raise SandboxError(
                f"cannot listen on 127.0.0.1:{options.port} ({reason}): "
                "pass --port N, or --port 0 for any free port"
            ) from None
        db_path = options.db_path
        if db_path is None:
            folder = self._stack.enter_context(tempfile.TemporaryDirectory(prefix="skim-sandbox-"))
            db_path = Path(folder) / "skim.db"
        self.settings = sandbox_settings(
            api_base=self.fake.api_base,
            gateway_url=self.fake.gateway_url,
            guild_id=self.guild.id,
            db_path=db_path,
            pages_port=self.web.port,
            online=options.online,
            log_level=options.log_level,
        )
        if await sync_commands(self.settings) != 0:
            raise SandboxError("Skim could not register its commands with the sandbox")
        self._bot = asyncio.create_task(run_bot(self.settings), name="skim-in-sandbox")
        session = asyncio.ensure_future(self.fake.wait_for_session(BOT_READY_SECONDS))
        done, _ = await asyncio.wait({session, self._bot}, return_when=asyncio.FIRST_COMPLETED)
        if self._bot in done:
            session.cancel()
            raise SandboxError(f"Skim stopped at start-up (exit code {self._bot.result()})")
        session.result()
        self.state.bot_ready = True
        self.state.changed()

    async def wait(self) -> int:
        """Run until the bot stops (Ctrl-C); its exit code."""
        assert self._bot is not None
        return await self._bot

    async def _stop(self) -> None:
        if self._bot is not None and not self._bot.done():
            self._bot.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._bot
        await self._stack.aclose()
