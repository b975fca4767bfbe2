"""The sandbox's web server on 127.0.0.1: the channel page (plain HTML, CSS and JS, no build
step), its live feed (server-sent events), the actions the page takes (post, edit, delete, run a
command, press a button), and the pages Skim reads (`/pages/...`)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from aiohttp import web

from bot.links import find_links
from sandbox.channel import ChannelState
from sandbox.commands import CommandError, parse_slash
from sandbox.pages import MAX_PAGE_BYTES, PAGES_PREFIX, PageError

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"
STATIC_FILES = {"app.js": "text/javascript", "style.css": "text/css", "index.html": "text/html"}
HEARTBEAT_SECONDS = 15.0
OFFLINE_NOTE = (
    "The sandbox is offline: Skim reads only the example pages and the HTML files dropped "
    "here, so it passes over {links}. To let it fetch real pages (through the same guarded "
    "fetcher), restart it with `make sandbox ARGS=--online`."
)


class SandboxWeb:
    """The web server; `async with SandboxWeb(state) as web: print(web.url)`."""

    def __init__(self, state: ChannelState, *, port: int = 0) -> None:
        self.state = state
        self._wanted_port = port
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def url(self) -> str:
        """The page's address."""
        return f"http://127.0.0.1:{self.port}/"

    async def start(self) -> SandboxWeb:
        """Listen on 127.0.0.1 (on a free port when asked for port 0)."""
        app = web.Application(middlewares=[self._same_origin], client_max_size=MAX_PAGE_BYTES)
        app.router.add_get("/", self._index)
        app.router.add_get("/static/{name}", self._static)
        app.router.add_get(PAGES_PREFIX + "{name}", self._page)
        app.router.add_get("/events", self._events)
        app.router.add_get("/api/state", self._state)
        app.router.add_post("/api/messages", self._post_message)
        app.router.add_post("/api/pages", self._drop_page)
        app.router.add_post("/api/edit", self._edit)
        app.router.add_post("/api/delete", self._delete)
        app.router.add_post("/api/press", self._press)
        app.router.add_post("/api/menu", self._menu)
        self._runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self._wanted_port)
        await site.start()
        self.port = int(self._runner.addresses[0][1])
        self.state.origin = f"http://127.0.0.1:{self.port}"
        return self

    async def close(self) -> None:
        """End the event streams, then stop serving."""
        self.state.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> SandboxWeb:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- guard --------------------------------------------------------------------------------

    @web.middleware
    async def _same_origin(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Only this machine's pages may drive the sandbox: the Host must be the loopback
        address (no DNS rebinding), and actions need a content type a cross-site form cannot
        send without the browser asking first (which the sandbox never allows)."""
        host = request.host.rsplit(":", 1)[0]
        if host not in ("127.0.0.1", "localhost"):
            return _error(403, "the sandbox answers only at 127.0.0.1")
        if request.method == "POST":
            wanted = (
                "application/octet-stream" if request.path == "/api/pages" else "application/json"
            )
            if request.content_type != wanted:
                return _error(415, f"send {wanted}")
        try:
            response: web.StreamResponse = await handler(request)
        except (CommandError, PageError, BadRequest) as error:
            return _error(400, str(error))
        return response

    # -- the page -----------------------------------------------------------------------------

    async def _index(self, request: web.Request) -> web.StreamResponse:
        return _file("index.html")

    async def _static(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["name"]
        if name not in STATIC_FILES:
            raise web.HTTPNotFound()
        return _file(name)

    async def _page(self, request: web.Request) -> web.StreamResponse:
        page = self.state.pages.get(request.match_info["name"])
        if page is None:
            raise web.HTTPNotFound()
        return web.Response(body=page.body, content_type="text/html", charset=None)

    async def _state(self, request: web.Request) -> web.StreamResponse:
        return web.json_response(self.state.snapshot())

    async def _events(self, request: web.Request) -> web.StreamResponse:
        """The live feed: the whole state at once, then again after every change."""
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache"}
        )
        await response.prepare(request)
        with self.state.subscribe() as subscription:
            changed = True
            while not self.state.closed:
                if changed:
                    data = json.dumps(self.state.snapshot(), ensure_ascii=False)
                    await response.write(f"event: state\ndata: {data}\n\n".encode())
                else:
                    await response.write(b": still here\n\n")
                changed = await subscription.wait(HEARTBEAT_SECONDS)
        return response

    # -- actions ------------------------------------------------------------------------------

    async def _post_message(self, request: web.Request) -> web.StreamResponse:
        """A person posts in a channel; `/…` runs a command instead."""
        body = await _json(request)
        channel_id = self._channel(body)
        user_id = self._person(body)
        content = str(body.get("content") or "").strip()
        if not content:
            raise BadRequest("type a message first")
        if content.startswith("/"):
            channels = {c.name: c.id for c in self.state.guild.guild.channels}
            call = parse_slash(content, self.state.commands(), channels)
            self._note_offline(channel_id, [str(v) for v in call.options.values()])
            injected = await self.state.fake.inject_slash(
                self.state.guild.id, channel_id, user_id, call.path, call.options
            )
            return web.json_response({"interaction": str(injected.id)})
        message_id = await self.state.fake.inject_message(
            self.state.guild.id, channel_id, user_id, content
        )
        self._note_offline(channel_id, [content])
        return web.json_response({"id": str(message_id)})

    async def _drop_page(self, request: web.Request) -> web.StreamResponse:
        """Keep a dropped HTML file; the page then posts its link."""
        name = request.query.get("name") or "dropped.html"
        page = self.state.pages.add(name, await request.read())
        self.state.changed()
        return web.json_response({"name": page.name, "url": self.state.page_url(page.name)})

    async def _edit(self, request: web.Request) -> web.StreamResponse:
        body = await _json(request)
        message = self._user_message(body)
        content = str(body.get("content") or "").strip()
        if not content:
            raise BadRequest("an edit cannot leave the message empty (delete it instead)")
        await self.state.fake.inject_edit(int(message["id"]), content)
        self._note_offline(int(message["channel_id"]), [content])
        return web.json_response({"id": message["id"]})

    async def _delete(self, request: web.Request) -> web.StreamResponse:
        message = self._user_message(await _json(request))
        await self.state.fake.inject_delete(int(message["id"]))
        return web.json_response({"id": message["id"]})

    async def _press(self, request: web.Request) -> web.StreamResponse:
        body = await _json(request)
        message = self._message(body)
        custom_id = str(body.get("custom_id") or "")
        buttons = [
            c for row in message.get("components") or [] for c in row.get("components") or []
        ]
        if not any(button.get("custom_id") == custom_id for button in buttons):
            raise BadRequest("that message has no such button")
        injected = await self.state.fake.inject_button(
            self.state.guild.id, self._person(body), int(message["id"]), custom_id
        )
        return web.json_response({"interaction": str(injected.id)})

    async def _menu(self, request: web.Request) -> web.StreamResponse:
        body = await _json(request)
        message = self._message(body)
        name = str(body.get("name") or "")
        if name not in [c["name"] for c in self.state.commands() if c.get("type") == 3]:
            raise BadRequest(f"Skim has no message menu named {name!r}")
        injected = await self.state.fake.inject_context_menu(
            self.state.guild.id,
            int(message["channel_id"]),
            self._person(body),
            name,
            int(message["id"]),
        )
        return web.json_response({"interaction": str(injected.id)})

    # -- reading requests ---------------------------------------------------------------------

    def _channel(self, body: dict[str, Any]) -> int:
        channel_id = _int(body.get("channel_id"), "channel_id")
        if self.state.guild.guild.channel(channel_id) is None:
            raise BadRequest("no such channel in the sandbox")
        return channel_id

    def _person(self, body: dict[str, Any]) -> int:
        user_id = _int(body.get("user_id"), "user_id")
        if self.state.guild.person(user_id) is None:
            raise BadRequest("no such person in the sandbox")
        return user_id

    def _message(self, body: dict[str, Any]) -> dict[str, Any]:
        message = self.state.fake.messages.get(_int(body.get("message_id"), "message_id"))
        if message is None:
            raise BadRequest("that message is gone")
        return message

    def _user_message(self, body: dict[str, Any]) -> dict[str, Any]:
        message = self._message(body)
        if self.state.guild.person(int(message["author"]["id"])) is None:
            raise BadRequest("only a person's own messages can be edited or deleted here")
        return message

    def _note_offline(self, channel_id: int, texts: list[str]) -> None:
        """Say why Skim passes over real links while the sandbox is offline."""
        if self.state.online:
            return
        foreign = [
            link
            for text in texts
            for link in find_links(text)
            if not link.startswith(self.state.origin + "/")
        ]
        if foreign:
            self.state.note(channel_id, OFFLINE_NOTE.format(links=", ".join(foreign)))


class BadRequest(Exception):
    """A request the page should not have sent; answered 400 with this one line."""


async def _json(request: web.Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except ValueError:
        raise BadRequest("the body is not JSON") from None
    if not isinstance(body, dict):
        raise BadRequest("the body must be a JSON object")
    return body


def _int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise BadRequest(f"{name} must be an id") from None


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


def _file(name: str) -> web.Response:
    return web.Response(
        body=(STATIC / name).read_bytes(),
        content_type=STATIC_FILES[name],
        charset="utf-8",
        headers={"Cache-Control": "no-cache"},
    )
