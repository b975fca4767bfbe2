"""What the sandbox page shows: the server's channels as the loopback Discord holds them (the
messages, Skim's reactions, "typing…"), plus the sandbox's own notes; and a feed that tells
each open page when that changed."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sandbox.commands import message_menus, usages
from sandbox.discord_server import DiscordFake, RecordedRequest
from sandbox.guild import SandboxGuild
from sandbox.pages import PAGES_PREFIX, PageStore

# Discord shows "typing…" for 10 seconds after each typing call, or until the message comes.
TYPING_SECONDS = 10.0
# How much history the page is sent; older messages stay in the fake but are not drawn.
MESSAGES_SHOWN = 150
NOTES_KEPT = 50
_TYPING_PATH = re.compile(r"^/channels/(\d+)/typing$")


@dataclass(frozen=True, slots=True)
class Note:
    """A line from the sandbox itself (not from Discord), shown in the channel like a system
    message: why a link was not read, how to go online."""

    id: int
    channel_id: int
    text: str
    after_message_id: int  # shown below this message

    def to_json(self) -> dict[str, Any]:
        """As the page draws it."""
        return {
            "id": self.id,
            "channel_id": str(self.channel_id),
            "text": self.text,
            "after": str(self.after_message_id),
        }


class ChannelState:
    """The page's view of the sandbox server; `changed()` wakes every subscribed page."""

    def __init__(
        self, fake: DiscordFake, guild: SandboxGuild, pages: PageStore, *, online: bool
    ) -> None:
        self.fake, self.guild, self.pages, self.online = fake, guild, pages, online
        self.bot_ready = False
        self.origin = "http://127.0.0.1"  # the web server sets its port once it listens
        self._notes: list[Note] = []
        self._note_ids = itertools.count(1)
        self._typing_until: dict[int, float] = {}
        self._subscribers: set[asyncio.Queue[None]] = set()
        self._closed = False
        fake.observe(self._on_fake_activity)

    # -- what the page is sent ----------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """Everything the page draws, as JSON-ready data."""
        registered = self.commands()
        channel_ids = {c.id for c in self.guild.guild.channels}
        messages = sorted(
            (m for m in self.fake.messages.values() if int(m["channel_id"]) in channel_ids),
            key=lambda m: int(m["id"]),
        )[-MESSAGES_SHOWN:]
        now = asyncio.get_running_loop().time()
        return {
            "guild": {"id": str(self.guild.id), "name": self.guild.guild.name},
            "channels": [
                {"id": str(c.id), "name": c.name, "type": c.type} for c in self.guild.guild.channels
            ],
            "people": [person.to_json() for person in self.guild.people],
            "bot": {"id": str(self.fake.bot_user.id), "name": self.fake.bot_user.username},
            "bot_ready": self.bot_ready,
            "online": self.online,
            "commands": usages(registered),
            "menus": message_menus(registered),
            "examples": [
                {"name": p.name, "title": p.title, "url": self.page_url(p.name)}
                for p in self.pages.pages()
            ],
            "messages": [self._message_json(m) for m in messages],
            "typing": [str(c) for c, until in self._typing_until.items() if until > now],
            "notes": [note.to_json() for note in self._notes],
        }

    def commands(self) -> list[dict[str, Any]]:
        """The commands the bot registered for the sandbox server (or globally)."""
        return self.fake.commands.get(self.guild.id) or self.fake.commands.get(None) or []

    def page_url(self, name: str) -> str:
        """Where Skim fetches a sandbox page (set by the web server once it listens)."""
        return f"{self.origin}{PAGES_PREFIX}{name}"

    def _message_json(self, message: dict[str, Any]) -> dict[str, Any]:
        shown = dict(message)
        shown["skim_reactions"] = list(self.fake.reactions.get(int(message["id"]), []))
        return shown

    # -- changes ------------------------------------------------------------------------------

    def note(self, channel_id: int, text: str) -> None:
        """Add a sandbox note under the channel's latest message."""
        latest = max(
            (
                int(m["id"])
                for m in self.fake.messages.values()
                if int(m["channel_id"]) == channel_id
            ),
            default=0,
        )
        self._notes.append(Note(next(self._note_ids), channel_id, text, latest))
        del self._notes[:-NOTES_KEPT]
        self.changed()

    def changed(self) -> None:
        """Tell every subscribed page to redraw (one pending signal each is enough)."""
        for queue in self._subscribers:
            with contextlib.suppress(asyncio.QueueFull):
                queue.put_nowait(None)

    def _on_fake_activity(self, request: RecordedRequest | None) -> None:
        if request is not None and request.method == "POST":
            typing = _TYPING_PATH.match(request.path)
            if typing:
                channel_id = int(typing.group(1))
                loop = asyncio.get_running_loop()
                self._typing_until[channel_id] = loop.time() + TYPING_SECONDS
                loop.call_later(TYPING_SECONDS + 0.05, self.changed)
            elif request.path.endswith("/messages") and request.path.startswith("/channels/"):
                self._typing_until.pop(int(request.path.split("/")[2]), None)
        self.changed()

    @contextlib.contextmanager
    def subscribe(self) -> Iterator[Subscription]:
        """A page's subscription to changes, for as long as the block runs."""
        subscription = Subscription(self)
        self._subscribers.add(subscription.queue)
        try:
            yield subscription
        finally:
            self._subscribers.discard(subscription.queue)

    @property
    def closed(self) -> bool:
        """True once the sandbox is shutting down."""
        return self._closed

    def close(self) -> None:
        """End every subscription (the pages' event streams close)."""
        self._closed = True
        self.changed()


class Subscription:
    """One page's pending-change signal (at most one is kept: a page redraws whole)."""

    def __init__(self, state: ChannelState) -> None:
        self.state = state
        self.queue: asyncio.Queue[None] = asyncio.Queue(maxsize=1)

    async def wait(self, timeout: float) -> bool:  # noqa: ASYNC109 - a heartbeat, not a deadline
        """True when the state changed, False after `timeout` seconds without a change."""
        try:
            await asyncio.wait_for(self.queue.get(), timeout)
        except TimeoutError:
            return False
        return True
