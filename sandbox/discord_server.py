"""A loopback fake of Discord (REST under /api/v10 and the gateway websocket) for end-to-end tests.

The real discord.py client connects to it unmodified once `discord.http.Route.BASE` and
`discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY` point at `api_base` and `gateway_url`. Payload
shapes follow what discord.py 2.7 parses (gateway.py, state.py, interactions.py, webhook/async_.py);
every REST call is recorded so tests can assert on the JSON the bot actually sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime
import itertools
import json
import logging
import secrets
import time
from collections.abc import Callable, Coroutine, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from aiohttp import WSMsgType, web

log = logging.getLogger(__name__)

DISCORD_EPOCH_MS = 1420070400000
API_PREFIX = "/api/v10"
JSON = "application/json"  # discord.py only decodes bodies whose Content-Type is exactly this

# Permission bits (https://discord.com/developers/docs/topics/permissions).
ADMINISTRATOR = 1 << 3
ADD_REACTIONS = 1 << 6
MANAGE_GUILD = 1 << 5
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
USE_APPLICATION_COMMANDS = 1 << 31
SEND_MESSAGES_IN_THREADS = 1 << 38
EVERYONE_PERMISSIONS = (
    VIEW_CHANNEL
    | SEND_MESSAGES
    | ADD_REACTIONS
    | EMBED_LINKS
    | ATTACH_FILES
    | READ_MESSAGE_HISTORY
    | USE_APPLICATION_COMMANDS
    | SEND_MESSAGES_IN_THREADS
)
ALL_PERMISSIONS = (1 << 51) - 1

# Gateway opcodes and intents.
OP_DISPATCH, OP_HEARTBEAT, OP_IDENTIFY, OP_PRESENCE = 0, 1, 2, 3
OP_RESUME, OP_RECONNECT, OP_REQUEST_MEMBERS, OP_INVALID_SESSION = 6, 7, 8, 9
OP_HELLO, OP_HEARTBEAT_ACK = 10, 11
CLOSE_INVALID_SHARD = 4010  # Discord's close code for an IDENTIFY with a shard it refuses
INTENT_MESSAGE_CONTENT = 1 << 15
EPHEMERAL = 1 << 6
LOADING = 1 << 7

# Discord's own limits, checked so a bot that breaks one gets the same 400 the real API sends.
CONTENT_MAX = 2000
EMBEDS_MAX = 10
EMBED_TOTAL_MAX = 6000
FIELDS_MAX = 25
COMPONENT_ROWS_MAX = 5

BODY_KEY = web.RequestKey("discord_fake_body", object)
_ids = itertools.count(1)


def snowflake() -> int:
    """A fresh, increasing snowflake whose timestamp part is now."""
    ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
    return (ms << 22) | (next(_ids) & 0x3FFFFF)


def _iso_now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat()


@dataclass(frozen=True, slots=True)
class FakeUser:
    """A Discord user as the fake serves it."""

    id: int
    username: str
    bot: bool = False

    def to_json(self) -> dict[str, Any]:
        """The user object Discord sends."""
        return {
            "id": str(self.id),
            "username": self.username,
            "global_name": self.username.title(),
            "discriminator": "0",
            "avatar": None,
            "bot": self.bot,
            "public_flags": 0,
        }


@dataclass(frozen=True, slots=True)
class FakeRole:
    """A guild role with its permission bits."""

    id: int
    name: str
    permissions: int
    position: int = 0

    def to_json(self) -> dict[str, Any]:
        """The role object Discord sends."""
        return {
            "id": str(self.id),
            "name": self.name,
            "permissions": str(self.permissions),
            "position": self.position,
            "color": 0,
            "colors": {"primary_color": 0, "secondary_color": None, "tertiary_color": None},
            "hoist": False,
            "managed": False,
            "mentionable": False,
            "icon": None,
            "unicode_emoji": None,
            "flags": 0,
        }


@dataclass(frozen=True, slots=True)
class FakeChannel:
    """A guild text channel (type 0) or public thread (type 11, with a parent)."""

    id: int
    name: str
    type: int = 0
    parent_id: int | None = None

    def to_json(self, guild_id: int) -> dict[str, Any]:
        """The channel object Discord sends."""
        data: dict[str, Any] = {
            "id": str(self.id),
            "guild_id": str(guild_id),
            "name": self.name,
            "type": self.type,
            "position": 0,
            "permission_overwrites": [],
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None if self.parent_id is None else str(self.parent_id),
            "flags": 0,
        }
        if self.type in (10, 11, 12):
            data["owner_id"] = "1"
            data["member_count"] = 1
            data["message_count"] = 0
            data["thread_metadata"] = {
                "archived": False,
                "auto_archive_duration": 1440,
                "archive_timestamp": _iso_now(),
                "locked": False,
            }
        return data


@dataclass(frozen=True, slots=True)
class FakeMember:
    """A guild member: a user and the ids of the roles they hold."""

    user: FakeUser
    role_ids: tuple[int, ...] = ()

    def to_json(self, *, with_user: bool = True, permissions: int | None = None) -> dict[str, Any]:
        """The guild member object Discord sends (with `permissions` inside interactions)."""
        data: dict[str, Any] = {
            "roles": [str(r) for r in self.role_ids],
            "joined_at": "2024-01-01T00:00:00+00:00",
            "deaf": False,
            "mute": False,
            "flags": 0,
            "pending": False,
            "nick": None,
            "avatar": None,
            "premium_since": None,
            "communication_disabled_until": None,
        }
        if with_user:
            data["user"] = self.user.to_json()
        if permissions is not None:
            data["permissions"] = str(permissions)
        return data


@dataclass(slots=True)
class FakeGuild:
    """A guild with channels, roles (the @everyone role has the guild's id) and members."""

    id: int
    name: str
    channels: list[FakeChannel]
    roles: list[FakeRole]
    members: list[FakeMember]
    owner_id: int = 1

    def member(self, user_id: int) -> FakeMember | None:
        """The member with this user id, if any."""
        return next((m for m in self.members if m.user.id == user_id), None)

    def channel(self, channel_id: int) -> FakeChannel | None:
        """The channel with this id, if any."""
        return next((c for c in self.channels if c.id == channel_id), None)

    def permissions_of(self, user_id: int) -> int:
        """Guild-level permissions of a member: @everyone plus their roles (all for admins)."""
        if user_id == self.owner_id:
            return ALL_PERMISSIONS
        roles = {r.id: r for r in self.roles}
        bits = roles[self.id].permissions if self.id in roles else EVERYONE_PERMISSIONS
        member = self.member(user_id)
        for role_id in member.role_ids if member else ():
            if role_id in roles:
                bits |= roles[role_id].permissions
        return ALL_PERMISSIONS if bits & ADMINISTRATOR else bits

    def to_json(self, bot: FakeMember) -> dict[str, Any]:
        """The GUILD_CREATE payload (the bot is one of the members)."""
        members = [*self.members, bot]
        return {
            "id": str(self.id),
            "name": self.name,
            "icon": None,
            "owner_id": str(self.owner_id),
            "unavailable": False,
            "member_count": len(members),
            "large": False,
            "features": [],
            "preferred_locale": "en-US",
            "joined_at": "2024-01-01T00:00:00+00:00",
            "roles": [r.to_json() for r in self.roles],
            "channels": [c.to_json(self.id) for c in self.channels if c.type not in (10, 11, 12)],
            "threads": [c.to_json(self.id) for c in self.channels if c.type in (10, 11, 12)],
            "members": [m.to_json() for m in members],
            "emojis": [],
            "stickers": [],
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "soundboard_sounds": [],
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "nsfw_level": 0,
            "premium_tier": 0,
            "system_channel_id": None,
        }


@dataclass(frozen=True, slots=True)
class StandardGuild:
    """The ids of a guild built by `standard_guild`, so tests can name who does what."""

    guild: FakeGuild
    general: int
    other: int
    thread: int
    poster: int
    stranger: int
    moderator: int
    admin: int
    moderator_role: int
    admin_role: int

    @property
    def id(self) -> int:
        """The guild id."""
        return self.guild.id


def standard_guild(guild_id: int, name: str = "Test Server") -> StandardGuild:
    """A guild with two channels, a thread, a poster, a stranger, a moderator and an admin.

    Ids are `guild_id` plus a small offset, so several guilds never collide when ids are 1000 apart.
    """
    moderator_role = FakeRole(guild_id + 10, "Moderator", MANAGE_MESSAGES, position=1)
    admin_role = FakeRole(guild_id + 11, "Admin", MANAGE_GUILD, position=2)
    everyone = FakeRole(guild_id, "@everyone", EVERYONE_PERMISSIONS)
    users = {
        "poster": FakeUser(guild_id + 21, f"alice{guild_id}"),
        "stranger": FakeUser(guild_id + 22, f"bob{guild_id}"),
        "moderator": FakeUser(guild_id + 23, f"carol{guild_id}"),
        "admin": FakeUser(guild_id + 24, f"dave{guild_id}"),
    }
    members = [
        FakeMember(users["poster"]),
        FakeMember(users["stranger"]),
        FakeMember(users["moderator"], (moderator_role.id,)),
        FakeMember(users["admin"], (admin_role.id,)),
    ]
    channels = [
        FakeChannel(guild_id + 1, "general"),
        FakeChannel(guild_id + 2, "reading"),
        FakeChannel(guild_id + 3, "a-thread", type=11, parent_id=guild_id + 1),
    ]
    guild = FakeGuild(
        id=guild_id,
        name=name,
        channels=channels,
        roles=[everyone, moderator_role, admin_role],
        members=members,
        owner_id=guild_id + 99,  # nobody in the tests owns the guild: permissions come from roles
    )
    return StandardGuild(
        guild=guild,
        general=guild_id + 1,
        other=guild_id + 2,
        thread=guild_id + 3,
        poster=users["poster"].id,
        stranger=users["stranger"].id,
        moderator=users["moderator"].id,
        admin=users["admin"].id,
        moderator_role=moderator_role.id,
        admin_role=admin_role.id,
    )


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One REST call the client made: path is relative to /api/v10, json is the parsed body."""

    method: str
    path: str
    query: dict[str, str]
    json: Any
    status: int = 0

    def __str__(self) -> str:
        query = "&".join(f"{k}={v}" for k, v in self.query.items())
        return f"{self.method} {self.path}{'?' + query if query else ''} -> {self.status}"


@dataclass(frozen=True, slots=True)
class InjectedInteraction:
    """What a test needs to find the bot's answer to an injected interaction."""

    id: int
    token: str
    application_id: int

    @property
    def callback_path(self) -> str:
        """Path of the interaction callback (defer / message / update)."""
        return f"/interactions/{self.id}/{self.token}/callback"

    @property
    def webhook_path(self) -> str:
        """Path prefix of the follow-up webhook (followups, @original edits)."""
        return f"/webhooks/{self.application_id}/{self.token}"

    @property
    def original_path(self) -> str:
        """Path of the original response message."""
        return f"{self.webhook_path}/messages/@original"


class ChannelOption:
    """Marks a slash-command option value as a channel (option type 7)."""

    def __init__(self, channel_id: int) -> None:
        self.channel_id = channel_id


@dataclass(slots=True)
class _Interaction:
    """Server-side state of one injected interaction."""

    id: int
    token: str
    type: int
    guild_id: int
    channel_id: int
    user: FakeUser
    name: str | None
    message_id: int | None  # the message a component sits on
    responded: bool = False
    original_id: int | None = None


@dataclass(slots=True)
class _Failure:
    """An error the fake answers instead of the real reply (see `fail_next`)."""

    method: str
    suffix: str
    status: int
    code: int
    message: str
    times: int


@dataclass(slots=True)
class _Session:
    """One identified gateway session (survives reconnects through RESUME)."""

    id: str
    intents: int
    shard: tuple[int, int] = (0, 1)  # [shard_id, shard_count] from IDENTIFY
    seq: int = 0
    sent: list[dict[str, Any]] = field(default_factory=list)
    ws: web.WebSocketResponse | None = None


class DiscordError(Exception):
    """An API error answered with Discord's JSON error shape."""

    def __init__(self, status: int, code: int, message: str, errors: Any = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.errors = status, code, message, errors

    def response(self) -> web.Response:
        """The error as Discord sends it."""
        body: dict[str, Any] = {"message": self.message, "code": self.code}
        if self.errors is not None:
            body["errors"] = self.errors
        return json_response(body, self.status)


def json_response(data: Any, status: int = 200) -> web.Response:
    """A JSON reply whose Content-Type is exactly application/json (no charset suffix)."""
    return web.Response(
        body=json.dumps(data).encode(), status=status, headers={"Content-Type": JSON}
    )


def _invalid_form(problem: str) -> DiscordError:
    return DiscordError(400, 50035, "Invalid Form Body", {"_problem": problem})


def check_message_payload(payload: dict[str, Any], *, require_body: bool = True) -> None:
    """Raise the 400 Discord answers when a message breaks one of its limits."""
    content = payload.get("content") or ""
    embeds = payload.get("embeds") or []
    components = payload.get("components") or []
    if len(content) > CONTENT_MAX:
        raise _invalid_form(f"content longer than {CONTENT_MAX}")
    if len(embeds) > EMBEDS_MAX:
        raise _invalid_form(f"more than {EMBEDS_MAX} embeds")
    if len(components) > COMPONENT_ROWS_MAX:
        raise _invalid_form(f"more than {COMPONENT_ROWS_MAX} component rows")
    total = 0
    for embed in embeds:
        total += _check_embed(embed)
    if total > EMBED_TOTAL_MAX:
        raise _invalid_form(f"embeds total {total} characters, over {EMBED_TOTAL_MAX}")
    for row in components:
        for item in row.get("components", []):
            if len(item.get("custom_id") or "") > 100:
                raise _invalid_form("custom_id longer than 100")
    if require_body and not (content or embeds or components or payload.get("attachments")):
        raise DiscordError(400, 50006, "Cannot send an empty message")


def _check_embed(embed: dict[str, Any]) -> int:
    """Check one embed's limits and return its character count toward the 6000 total."""
    limits = {"title": 256, "description": 4096}
    total = 0
    for key, limit in limits.items():
        text = embed.get(key) or ""
        if len(text) > limit:
            raise _invalid_form(f"embed {key} longer than {limit}")
        total += len(text)
    fields = embed.get("fields") or []
    if len(fields) > FIELDS_MAX:
        raise _invalid_form(f"more than {FIELDS_MAX} embed fields")
    for item in fields:
        name, value = item.get("name") or "", item.get("value") or ""
        if not name.strip() or not value.strip():
            raise _invalid_form("embed field name and value must not be empty")
        if len(name) > 256 or len(value) > 1024:
            raise _invalid_form("embed field name over 256 or value over 1024")
        total += len(name) + len(value)
    footer = (embed.get("footer") or {}).get("text") or ""
    author = (embed.get("author") or {}).get("name") or ""
    if len(footer) > 2048 or len(author) > 256:
        raise _invalid_form("embed footer over 2048 or author over 256")
    url = embed.get("url")
    if url is not None and not str(url).startswith(("http://", "https://")):
        raise _invalid_form("embed url must be http(s)")
    return total + len(footer) + len(author)


class DiscordFake:
    """The loopback Discord: start it, point discord.py at it, inject events, read requests."""

    def __init__(
        self,
        guilds: Iterable[FakeGuild] = (),
        *,
        heartbeat_interval_ms: int = 41250,
        message_content_enabled: bool = True,
        echo_bot_messages: bool = True,
        recommended_shards: int = 1,
        identify_concurrency: int = 1,
    ) -> None:
        self.guilds: dict[int, FakeGuild] = {g.id: g for g in guilds}
        self.heartbeat_interval_ms = heartbeat_interval_ms
        self.message_content_enabled = message_content_enabled
        self.echo_bot_messages = echo_bot_messages
        self.recommended_shards = recommended_shards  # what /gateway/bot tells the bot to run
        # session_start_limit.max_concurrency: shards that may IDENTIFY in the same 5 s
        self.identify_concurrency = identify_concurrency
        self.reject_token = False  # True answers /users/@me with 401, like a revoked token
        self.bot_user = FakeUser(900_000_000_000_000_001, "Skim", bot=True)
        self.application_id = self.bot_user.id
        self.bot_role = FakeRole(900_000_000_000_000_002, "Skim", EVERYONE_PERMISSIONS)
        self.requests: list[RecordedRequest] = []
        self._listeners: list[Callable[[RecordedRequest], None]] = []
        self.unrouted: list[str] = []  # calls to routes the fake lacks: a gap to fill, not a pass
        self.messages: dict[int, dict[str, Any]] = {}
        self.reactions: dict[int, list[str]] = {}
        self.commands: dict[int | None, list[dict[str, Any]]] = {}
        self.gateway_events_received: list[dict[str, Any]] = []
        self.identify_count = 0
        self.resume_count = 0
        self.heartbeat_count = 0
        self._interactions: dict[int, _Interaction] = {}
        self._sessions: dict[str, _Session] = {}
        self._current: _Session | None = None  # the latest identified or resumed session
        # By shard id: the session that runs it, and whether it is connected now.
        self._shard_sessions: dict[int, _Session] = {}
        self._shard_ready: dict[int, asyncio.Event] = {}
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._sockets: set[web.WebSocketResponse] = set()
        self._background: set[asyncio.Task[None]] = set()
        self._failures: list[_Failure] = []
        self._observers: list[Callable[[RecordedRequest | None], None]] = []

    # ---------------------------------------------------------------- lifecycle

    async def start(self) -> DiscordFake:
        """Serve on 127.0.0.1 on an ephemeral port."""
        app = web.Application(middlewares=[self._record])
        app.router.add_get("/gateway", self._gateway)
        self._add_rest_routes(app.router)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self._port = int(self._runner.addresses[0][1])
        return self

    async def close(self) -> None:
        """Close every gateway socket and stop serving."""
        for task in list(self._background):
            task.cancel()
        for ws in list(self._sockets):
            with contextlib.suppress(Exception):
                await ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> DiscordFake:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def port(self) -> int:
        """The port it listens on."""
        return self._port

    @property
    def api_base(self) -> str:
        """What `discord.http.Route.BASE` (DISCORD_API_BASE) must be."""
        return f"http://127.0.0.1:{self._port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        """What `DiscordWebSocket.DEFAULT_GATEWAY` (DISCORD_GATEWAY_URL) must be."""
        return f"ws://127.0.0.1:{self._port}/gateway"

    def observe(self, callback: Callable[[RecordedRequest | None], None]) -> None:
        """Call `callback` after every REST call (with it) and every dispatched event (with
        None): the sandbox page redraws the channel from it."""
        self._observers.append(callback)

    def _notify(self, request: RecordedRequest | None) -> None:
        for callback in self._observers:
            try:
                callback(request)
            except Exception:
                log.exception("discord fake: an observer failed")

    def add_guild(self, guild: FakeGuild) -> None:
        """Add a guild (sent with GUILD_CREATE at the next IDENTIFY)."""
        self.guilds[guild.id] = guild

    # ---------------------------------------------------------------- test API: requests

    def mark(self) -> int:
        """An index into `requests`; pass it as `since` to look only at later calls."""
        return len(self.requests)

    def find(
        self, predicate: Callable[[RecordedRequest], bool], *, since: int = 0
    ) -> list[RecordedRequest]:
        """Recorded requests (from index `since`) that match."""
        return [r for r in self.requests[since:] if predicate(r)]

    @contextlib.contextmanager
    def subscribe(self, listener: Callable[[RecordedRequest], None]) -> Iterator[None]:
        """Within the block, call `listener` with each request as it is recorded, in order.

        For observers that keep their own index of the calls (a benchmark timing each one) and
        must not rescan `requests`; the listener runs on the fake's loop, so it must be quick.
        """
        self._listeners.append(listener)
        try:
            yield
        finally:
            self._listeners.remove(listener)

    async def wait_for(
        self,
        predicate: Callable[[RecordedRequest], bool],
        timeout: float = 10.0,  # noqa: ASYNC109 - the harness contract names it so
        *,
        since: int = 0,
    ) -> RecordedRequest:
        """The first recorded request (from `since`, past or future) that matches the predicate."""

        def first() -> RecordedRequest | None:
            return next((r for r in self.requests[since:] if predicate(r)), None)

        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(lambda: first() is not None), timeout)
            except TimeoutError:
                recent = "\n  ".join(str(r) for r in self.requests[since:][-20:]) or "(none)"
                raise TimeoutError(
                    f"no matching request within {timeout}s; requests since {since}:\n  {recent}"
                ) from None
        found = first()
        assert found is not None
        return found

    async def wait_quiet(self, period: float = 0.3, limit: float = 10.0) -> None:
        """Wait until no request has arrived for `period` seconds (the bot has settled)."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            count = len(self.requests)
            await asyncio.sleep(period)
            if len(self.requests) == count:
                return

    def channel_posts(
        self, channel_id: int | None = None, *, since: int = 0
    ) -> list[dict[str, Any]]:
        """JSON bodies of every message the bot posted to channels (optionally to one)."""
        prefix = "/channels/" if channel_id is None else f"/channels/{channel_id}/"
        return [
            r.json
            for r in self.requests[since:]
            if r.method == "POST" and r.path.startswith(prefix) and r.path.endswith("/messages")
        ]

    def message_bodies(self, *, since: int = 0) -> list[dict[str, Any]]:
        """Every body that creates or edits a message: channel posts, interaction replies, edits."""
        bodies: list[dict[str, Any]] = []
        for r in self.requests[since:]:
            if not isinstance(r.json, dict):
                continue
            if (
                r.path.startswith("/channels/")
                and "/messages" in r.path
                and "/reactions" not in r.path
            ):
                if r.method in ("POST", "PATCH"):
                    bodies.append(r.json)
            elif r.path.startswith("/webhooks/") and r.method in ("POST", "PATCH"):
                bodies.append(r.json)
            elif (
                r.path.startswith("/interactions/")
                and isinstance(r.json.get("data"), dict)
                and r.json.get("type") in (4, 7)
            ):
                bodies.append(r.json["data"])
        return bodies

    def original_of(self, injected: InjectedInteraction) -> dict[str, Any] | None:
        """The interaction's original response message as it stands now (None if deleted)."""
        interaction = self._interactions[injected.id]
        if interaction.original_id is None:
            return None
        return self.messages.get(interaction.original_id)

    def messages_of(self, injected: InjectedInteraction) -> list[dict[str, Any]]:
        """Every message still standing that answers the interaction (original and followups)."""
        key = str(injected.id)
        return [
            m
            for m in self.messages.values()
            if (m.get("interaction_metadata") or {}).get("id") == key
        ]

    def fail_next(
        self,
        method: str,
        path_suffix: str,
        *,
        status: int = 403,
        code: int = 50013,
        message: str = "Missing Permissions",
        times: int = 1,
    ) -> None:
        """Answer the next `times` calls matching method and path suffix with a Discord error."""
        self._failures.append(_Failure(method, path_suffix, status, code, message, times))

    # ---------------------------------------------------------------- test API: events

    async def inject_message(
        self,
        guild_id: int,
        channel_id: int,
        author: int | FakeUser,
        content: str,
        *,
        bot: bool = False,
        webhook_id: int | None = None,
        embeds: list[dict[str, Any]] | None = None,
    ) -> int:
        """Dispatch MESSAGE_CREATE for a message in a guild channel; return its id."""
        message = self._user_message(
            guild_id, channel_id, author, content, bot=bot, webhook_id=webhook_id, embeds=embeds
        )
        await self.dispatch("MESSAGE_CREATE", message)
        return int(message["id"])

    def store_message(
        self,
        guild_id: int,
        channel_id: int,
        author: int | FakeUser,
        content: str,
        *,
        bot: bool = False,
    ) -> int:
        """Store a message without dispatching it (as if sent while the bot could not see it)."""
        message = self._user_message(
            guild_id, channel_id, author, content, bot=bot, webhook_id=None
        )
        return int(message["id"])

    async def inject_edit(self, message_id: int, content: str) -> None:
        """The author edits a stored message: MESSAGE_UPDATE with the whole edited message, as
        Discord sends it for an edit of the text."""
        message = self.messages[message_id]
        message["content"] = content
        message["edited_timestamp"] = _iso_now()
        await self.dispatch("MESSAGE_UPDATE", message)

    async def inject_partial_update(self, message_id: int, **fields: Any) -> None:
        """A MESSAGE_UPDATE carrying only the message's ids and `fields`, as Discord sends when
        it adds link previews (`embeds=[...]`) to a message some time after it was posted."""
        message = self.messages[message_id]
        message.update(fields)
        update = {key: message[key] for key in ("id", "channel_id", "guild_id") if key in message}
        await self.dispatch("MESSAGE_UPDATE", update | fields)

    async def inject_delete(self, message_id: int) -> None:
        """The author deletes a stored message: it goes, and MESSAGE_DELETE is dispatched."""
        message = self.messages.pop(message_id)
        event = {"id": str(message_id), "channel_id": message["channel_id"]}
        if "guild_id" in message:
            event["guild_id"] = message["guild_id"]
        await self.dispatch("MESSAGE_DELETE", event)

    async def inject_slash(
        self,
        guild_id: int,
        channel_id: int,
        user_id: int,
        command: str,
        options: dict[str, Any] | None = None,
    ) -> InjectedInteraction:
        """Dispatch a slash command; `command` may name a subcommand path ("skim settings auto")."""
        root, *path = command.split()
        leaf, resolved = self._options(guild_id, options or {})
        for depth, name in reversed(list(enumerate(path))):
            leaf = [{"type": 1 if depth == len(path) - 1 else 2, "name": name, "options": leaf}]
        data: dict[str, Any] = {
            "id": str(self._command_id(root, guild_id, 1)),
            "name": root,
            "type": 1,
            "options": leaf,
        }
        if resolved:
            data["resolved"] = resolved
        return await self.inject_interaction(guild_id, channel_id, user_id, 2, data, name=command)

    def _options(
        self, guild_id: int, values: dict[str, Any]
    ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        """Slash-command option payloads (typed by the Python value) and their resolved data."""
        options: list[dict[str, Any]] = []
        resolved: dict[str, Any] = {}
        for name, value in values.items():
            if isinstance(value, ChannelOption):
                channel = self.guilds[guild_id].channel(value.channel_id) or FakeChannel(
                    value.channel_id, f"channel{value.channel_id}"
                )
                entry = channel.to_json(guild_id) | {"permissions": str(ALL_PERMISSIONS)}
                resolved.setdefault("channels", {})[str(channel.id)] = entry
                options.append({"name": name, "type": 7, "value": str(channel.id)})
            elif isinstance(value, bool):
                options.append({"name": name, "type": 5, "value": value})
            elif isinstance(value, int):
                options.append({"name": name, "type": 4, "value": value})
            elif isinstance(value, float):
                options.append({"name": name, "type": 10, "value": value})
            else:
                options.append({"name": name, "type": 3, "value": str(value)})
        return options, resolved

    async def inject_context_menu(
        self, guild_id: int, channel_id: int, user_id: int, name: str, target_message_id: int
    ) -> InjectedInteraction:
        """Dispatch a message context-menu command on a stored message."""
        target = self.messages[target_message_id]
        data = {
            "id": str(self._command_id(name, guild_id, 3)),
            "name": name,
            "type": 3,
            "target_id": str(target_message_id),
            "resolved": {"messages": {str(target_message_id): target}},
        }
        return await self.inject_interaction(guild_id, channel_id, user_id, 2, data, name=name)

    async def inject_button(
        self, guild_id: int, user_id: int, message_id: int, custom_id: str | None = None
    ) -> InjectedInteraction:
        """Press a button on a stored message (the first button when custom_id is None)."""
        message = self.messages[message_id]
        buttons = [c for row in message.get("components", []) for c in row.get("components", [])]
        if custom_id is None:
            custom_id = next(c["custom_id"] for c in buttons if c.get("custom_id"))
        data = {"custom_id": custom_id, "component_type": 2}
        channel_id = int(message["channel_id"])
        return await self.inject_interaction(
            guild_id, channel_id, user_id, 3, data, message_id=message_id
        )

    async def inject_interaction(
        self,
        guild_id: int,
        channel_id: int,
        user_id: int,
        interaction_type: int,
        data: dict[str, Any],
        *,
        name: str | None = None,
        message_id: int | None = None,
    ) -> InjectedInteraction:
        """Dispatch INTERACTION_CREATE with a member whose `permissions` come from their roles."""
        guild = self.guilds[guild_id]
        member = guild.member(user_id) or FakeMember(FakeUser(user_id, f"user{user_id}"))
        channel = guild.channel(channel_id) or FakeChannel(channel_id, f"channel{channel_id}")
        interaction = _Interaction(
            id=snowflake(),
            token="itok." + secrets.token_hex(16),
            type=interaction_type,
            guild_id=guild_id,
            channel_id=channel_id,
            user=member.user,
            name=name,
            message_id=message_id,
        )
        self._interactions[interaction.id] = interaction
        payload: dict[str, Any] = {
            "id": str(interaction.id),
            "application_id": str(self.application_id),
            "type": interaction_type,
            "token": interaction.token,
            "version": 1,
            "guild_id": str(guild_id),
            "guild": {"id": str(guild_id), "locale": "en-US", "features": []},
            "channel_id": str(channel_id),
            "channel": channel.to_json(guild_id),
            "member": member.to_json(permissions=guild.permissions_of(user_id)),
            "data": data,
            "locale": "en-US",
            "guild_locale": "en-US",
            "app_permissions": str(self.bot_role.permissions),
            "entitlements": [],
            "authorizing_integration_owners": {"0": str(guild_id)},
            "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        if message_id is not None:
            payload["message"] = self.messages[message_id]
        await self.dispatch("INTERACTION_CREATE", payload)
        return InjectedInteraction(interaction.id, interaction.token, self.application_id)

    async def inject_raw(
        self, op: int, t: str | None, d: Any, *, shard_id: int | None = None
    ) -> None:
        """Send any gateway payload as is (malformed events included); dispatches get a sequence.

        It goes to the session of `shard_id`, else of the guild the payload names, else shard 0.
        """
        if shard_id is None:
            shard_id = self.shard_of_payload(t, d)
        session = await self._live_session(shard_id=shard_id)
        payload: dict[str, Any] = {"op": op, "t": t, "d": d, "s": None}
        if op == OP_DISPATCH:
            session.seq += 1
            payload["s"] = session.seq
            session.sent.append(payload)
        assert session.ws is not None
        await session.ws.send_str(json.dumps(payload))
        self._notify(None)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        """Send a DISPATCH to the session of the guild's shard (waiting for one to be ready)."""
        await self.inject_raw(OP_DISPATCH, event, data)

    async def disconnect(self, code: int = 4000, *, shard_id: int | None = None) -> None:
        """Close a gateway socket (the current one, or the shard's): the client should RESUME."""
        session = self._current if shard_id is None else self._shard_sessions.get(shard_id)
        if session is not None and session.ws is not None:
            self._ready_event(session.shard[0]).clear()
            await session.ws.close(code=code)

    async def wait_for_session(self, limit: float = 10.0, *, shard_id: int | None = None) -> None:
        """Wait until a gateway session (of `shard_id`, or any) is identified or resumed."""
        await self._live_session(limit, shard_id=shard_id)

    # ---------------------------------------------------------------- sharding

    @staticmethod
    def shard_of(guild_id: int, shard_count: int) -> int:
        """The shard Discord sends a guild's events to."""
        return (guild_id >> 22) % shard_count

    def shard_of_payload(self, event: str | None, data: Any) -> int:
        """The shard an event belongs to: that of the guild it names (shard 0 if none)."""
        guild_id: Any = None
        if isinstance(data, dict):
            guild_id = data.get("guild_id")
            if guild_id is None and event in ("GUILD_CREATE", "GUILD_UPDATE", "GUILD_DELETE"):
                guild_id = data.get("id")
        try:
            guild = int(guild_id)
        except (TypeError, ValueError):
            return 0
        return self.shard_of(guild, self.shard_count)

    @property
    def shard_count(self) -> int:
        """How many shards the connected bot runs (1 before any shard identified)."""
        counts = {session.shard[1] for session in self._shard_sessions.values()}
        return max(counts) if counts else 1

    @property
    def connected_shards(self) -> list[int]:
        """The shard ids with a live gateway session now."""
        return sorted(
            shard_id
            for shard_id, session in self._shard_sessions.items()
            if session.ws is not None and self._ready_event(shard_id).is_set()
        )

    def _ready_event(self, shard_id: int) -> asyncio.Event:
        return self._shard_ready.setdefault(shard_id, asyncio.Event())

    def _guilds_of(self, shard: tuple[int, int]) -> list[FakeGuild]:
        shard_id, count = shard
        return [g for g in self.guilds.values() if self.shard_of(g.id, count) == shard_id]

    async def _refuse_shard(self, ws: web.WebSocketResponse, shard: tuple[int, int]) -> bool:
        """Close the socket when the IDENTIFY's shard is invalid or already connected."""
        shard_id, count = shard
        running = self._shard_sessions.get(shard_id)
        taken = running is not None and running.ws is not None and not running.ws.closed
        if 0 <= shard_id < count and not taken:
            return False
        reason = "Shard already connected." if taken else "Invalid shard."
        await ws.close(code=CLOSE_INVALID_SHARD, message=reason.encode())
        return True

    # ---------------------------------------------------------------- gateway

    async def _live_session(self, limit: float = 10.0, *, shard_id: int | None = None) -> _Session:
        if shard_id is None:
            ready = [self._ready_event(i) for i in sorted(self._shard_sessions)] or [
                self._ready_event(0)
            ]
            waits = [asyncio.ensure_future(event.wait()) for event in ready]
            try:
                await asyncio.wait_for(
                    asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED), limit
                )
            finally:
                for wait in waits:
                    wait.cancel()
            live = [
                session
                for session in self._shard_sessions.values()
                if self._ready_event(session.shard[0]).is_set()
            ]
            if self._current in live:
                return self._current
            if not live:
                raise TimeoutError("no live gateway session")
            return live[0]
        await asyncio.wait_for(self._ready_event(shard_id).wait(), limit)
        return self._shard_sessions[shard_id]

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self._sockets.add(ws)
        session: _Session | None = None
        try:
            await ws.send_json(
                {"op": OP_HELLO, "d": {"heartbeat_interval": self.heartbeat_interval_ms}, "s": None}
            )
            async for msg in ws:
                if msg.type is not WSMsgType.TEXT:
                    continue
                payload = json.loads(msg.data)
                self.gateway_events_received.append(payload)
                session = await self._on_gateway_payload(ws, payload, session)
        finally:
            self._sockets.discard(ws)
            if session is not None and session.ws is ws:
                session.ws = None
                if self._shard_sessions.get(session.shard[0]) is session:
                    self._ready_event(session.shard[0]).clear()
        return ws

    async def _on_gateway_payload(
        self, ws: web.WebSocketResponse, payload: dict[str, Any], session: _Session | None
    ) -> _Session | None:
        op = payload.get("op")
        data: dict[str, Any] = payload.get("d") or {}
        if op == OP_HEARTBEAT:
            self.heartbeat_count += 1
            await ws.send_json({"op": OP_HEARTBEAT_ACK, "d": None, "s": None})
        elif op == OP_IDENTIFY:
            return await self._identify(ws, data)
        elif op == OP_RESUME:
            return await self._resume(ws, data)
        elif op == OP_REQUEST_MEMBERS and session is not None:
            await self._send_member_chunks(session, data)
        return session

    async def _identify(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> _Session | None:
        self.identify_count += 1
        intents = int(data.get("intents", 0))
        if intents & INTENT_MESSAGE_CONTENT and not self.message_content_enabled:
            await ws.close(code=4014, message=b"Disallowed intent(s).")
            return None
        raw_shard = data.get("shard") or [0, 1]
        shard = (int(raw_shard[0]), int(raw_shard[1]))
        if await self._refuse_shard(ws, shard):
            return None
        session = _Session(id=secrets.token_hex(16), intents=intents, shard=shard, ws=ws)
        self._sessions[session.id] = session
        ready = {
            "v": 10,
            "user": self.bot_user.to_json() | {"verified": True, "mfa_enabled": False, "flags": 0},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in self._guilds_of(shard)],
            "session_id": session.id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "shard": list(shard),
        }
        self._send_on(session, "READY", ready)
        bot_member = FakeMember(self.bot_user, (self.bot_role.id,))
        for guild in self._guilds_of(shard):
            payload = guild.to_json(bot_member)
            payload["roles"].append(self.bot_role.to_json())
            self._send_on(session, "GUILD_CREATE", payload)
        await self._flush(session, 0)
        self._current = session
        self._shard_sessions[shard[0]] = session
        self._ready_event(shard[0]).set()
        return session

    async def _resume(self, ws: web.WebSocketResponse, data: dict[str, Any]) -> _Session | None:
        self.resume_count += 1
        session = self._sessions.get(str(data.get("session_id")))
        if session is None:
            await ws.send_json({"op": OP_INVALID_SESSION, "d": False, "s": None})
            return None
        session.ws = ws
        seen = int(data.get("seq") or 0)
        await self._flush(session, seen)
        self._send_on(session, "RESUMED", {})
        await self._flush(session, session.seq - 1)
        self._current = session
        self._shard_sessions[session.shard[0]] = session
        self._ready_event(session.shard[0]).set()
        return session

    def _send_on(self, session: _Session, event: str, data: Any) -> None:
        """Queue a dispatch in the session log (sent by `_flush`)."""
        session.seq += 1
        session.sent.append({"op": OP_DISPATCH, "t": event, "s": session.seq, "d": data})

    async def _flush(self, session: _Session, after_seq: int) -> None:
        """Send the session's logged dispatches with a sequence above `after_seq`."""
        assert session.ws is not None
        for payload in session.sent:
            if payload["s"] is not None and payload["s"] > after_seq:
                await session.ws.send_str(json.dumps(payload))

    async def _send_member_chunks(self, session: _Session, data: dict[str, Any]) -> None:
        guild = self.guilds.get(int(data["guild_id"]))
        if guild is None:
            return
        members = [*guild.members, FakeMember(self.bot_user, (self.bot_role.id,))]
        chunk = {
            "guild_id": str(guild.id),
            "members": [m.to_json() for m in members],
            "chunk_index": 0,
            "chunk_count": 1,
            "nonce": data.get("nonce"),
        }
        self._send_on(session, "GUILD_MEMBERS_CHUNK", chunk)
        await self._flush(session, session.seq - 1)

    def _in_background(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def _echo(self, event: str, data: dict[str, Any]) -> None:
        """Tell the gateway about a change the bot made over REST, as Discord does."""
        shard_id = self.shard_of_payload(event, data)
        if not self.echo_bot_messages or not self._ready_event(shard_id).is_set():
            return
        with contextlib.suppress(Exception):
            await self.dispatch(event, data)

    # ---------------------------------------------------------------- REST

    @web.middleware
    async def _record(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        if not request.path.startswith(API_PREFIX):
            response: web.StreamResponse = await handler(request)
            return response
        body = await self._body(request)
        request[BODY_KEY] = body  # the body stream can be read once; handlers use `_payload`
        path = request.path[len(API_PREFIX) :]
        try:
            self._injected_failure(request.method, unquote(path))
            response = await handler(request)
        except DiscordError as error:
            response = error.response()
        except web.HTTPNotFound:
            log.warning("discord fake: no route for %s %s", request.method, path)
            self.unrouted.append(f"{request.method} {path}")
            response = DiscordError(404, 0, "404: Not Found").response()
        recorded = RecordedRequest(
            request.method, unquote(path), dict(request.query), body, response.status
        )
        self.requests.append(recorded)
        for listener in list(self._listeners):
            listener(recorded)
        async with self._changed:
            self._changed.notify_all()
        self._notify(recorded)
        return response

    def _injected_failure(self, method: str, path: str) -> None:
        for failure in self._failures:
            if failure.times > 0 and failure.method == method and path.endswith(failure.suffix):
                failure.times -= 1
                raise DiscordError(failure.status, failure.code, failure.message)

    @staticmethod
    async def _body(request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        if request.content_type == "multipart/form-data":
            form = await request.post()
            raw = form.get("payload_json")
            return json.loads(str(raw)) if raw is not None else None
        text = await request.text()
        return json.loads(text) if text else None

    @staticmethod
    def _payload(request: web.Request) -> Any:
        return request.get(BODY_KEY)

    def _add_rest_routes(self, router: web.UrlDispatcher) -> None:
        p = API_PREFIX
        router.add_get(p + "/users/@me", self._get_me)
        router.add_get(p + "/oauth2/applications/@me", self._get_application)
        router.add_get(p + "/applications/@me", self._get_application)
        router.add_get(p + "/gateway", self._get_gateway)
        router.add_get(p + "/gateway/bot", self._get_gateway)
        router.add_get(p + "/channels/{channel}", self._get_channel)
        router.add_post(p + "/channels/{channel}/typing", self._no_content)
        router.add_get(p + "/channels/{channel}/messages", self._get_history)
        router.add_post(p + "/channels/{channel}/messages", self._post_message)
        router.add_get(p + "/channels/{channel}/messages/{message}", self._get_message)
        router.add_patch(p + "/channels/{channel}/messages/{message}", self._patch_message)
        router.add_delete(p + "/channels/{channel}/messages/{message}", self._delete_message)
        reaction = p + "/channels/{channel}/messages/{message}/reactions/{emoji}/{user}"
        router.add_put(reaction, self._put_reaction)
        router.add_delete(reaction, self._delete_reaction)
        router.add_put(p + "/applications/{app}/commands", self._put_commands)
        router.add_get(p + "/applications/{app}/commands", self._get_commands)
        router.add_put(p + "/applications/{app}/guilds/{guild}/commands", self._put_commands)
        router.add_get(p + "/applications/{app}/guilds/{guild}/commands", self._get_commands)
        router.add_post(p + "/interactions/{interaction}/{token}/callback", self._callback)
        original = p + "/webhooks/{app}/{token}/messages/@original"
        router.add_get(original, self._get_original)
        router.add_patch(original, self._patch_original)
        router.add_delete(original, self._delete_original)
        router.add_post(p + "/webhooks/{app}/{token}", self._post_followup)
        followup = p + "/webhooks/{app}/{token}/messages/{message}"
        router.add_get(followup, self._get_followup)
        router.add_patch(followup, self._patch_followup)
        router.add_delete(followup, self._delete_followup)

    @staticmethod
    def _json(data: Any, status: int = 200) -> web.Response:
        return json_response(data, status)

    async def _no_content(self, request: web.Request) -> web.Response:
        return web.Response(status=204)

    async def _get_me(self, request: web.Request) -> web.Response:
        if self.reject_token:
            raise DiscordError(401, 0, "401: Unauthorized")
        return self._json(self.bot_user.to_json() | {"verified": True, "mfa_enabled": False})

    async def _get_application(self, request: web.Request) -> web.Response:
        return self._json(
            {
                "id": str(self.application_id),
                "name": self.bot_user.username,
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": FakeUser(1, "owner").to_json(),
                "team": None,
                "verify_key": "0" * 64,
                "flags": 1 << 19,  # GATEWAY_MESSAGE_CONTENT_LIMITED
                "summary": "",
                "interactions_endpoint_url": None,
                "redirect_uris": [],
                "tags": [],
                "bot": self.bot_user.to_json(),
            }
        )

    async def _get_gateway(self, request: web.Request) -> web.Response:
        limit = {
            "total": 1000,
            "remaining": 999,
            "reset_after": 0,
            "max_concurrency": self.identify_concurrency,
        }
        return self._json(
            {
                "url": self.gateway_url,
                "shards": self.recommended_shards,
                "session_start_limit": limit,
            }
        )

    def _guild_of_channel(self, channel_id: int) -> tuple[FakeGuild, FakeChannel]:
        for guild in self.guilds.values():
            channel = guild.channel(channel_id)
            if channel is not None:
                return guild, channel
        raise DiscordError(404, 10003, "Unknown Channel")

    async def _get_channel(self, request: web.Request) -> web.Response:
        guild, channel = self._guild_of_channel(int(request.match_info["channel"]))
        return self._json(channel.to_json(guild.id))

    def _stored(self, channel_id: int, message_id: int) -> dict[str, Any]:
        message = self.messages.get(message_id)
        if message is None or int(message["channel_id"]) != channel_id:
            raise DiscordError(404, 10008, "Unknown Message")
        return message

    async def _get_history(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel"])
        limit = int(request.query.get("limit", "50"))
        found = [
            m
            for m in self.messages.values()
            if int(m["channel_id"]) == channel_id and not int(m.get("flags", 0)) & EPHEMERAL
        ]
        found.sort(key=lambda m: int(m["id"]), reverse=True)
        return self._json(found[:limit])

    async def _get_message(self, request: web.Request) -> web.Response:
        channel_id, message_id = (
            int(request.match_info["channel"]),
            int(request.match_info["message"]),
        )
        return self._json(self._stored(channel_id, message_id))

    async def _post_message(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel"])
        guild, _ = self._guild_of_channel(channel_id)
        payload = self._payload(request) or {}
        check_message_payload(payload)
        reference = payload.get("message_reference")
        referenced: dict[str, Any] | None = None
        if reference:
            referenced = self.messages.get(int(reference["message_id"]))
            if referenced is None and reference.get("fail_if_not_exists", True):
                raise _invalid_form("message_reference: Unknown message")
        message = self._bot_message(guild.id, channel_id, payload)
        if reference:
            message["type"] = 19
            message["message_reference"] = {
                "type": 0,
                "message_id": str(reference["message_id"]),
                "channel_id": str(reference.get("channel_id", channel_id)),
                "guild_id": str(guild.id),
            }
            message["referenced_message"] = referenced
        self.messages[int(message["id"])] = message
        self._in_background(self._echo("MESSAGE_CREATE", message))
        return self._json(message)

    async def _patch_message(self, request: web.Request) -> web.Response:
        channel_id, message_id = (
            int(request.match_info["channel"]),
            int(request.match_info["message"]),
        )
        message = self._stored(channel_id, message_id)
        if int(message["author"]["id"]) != self.bot_user.id:
            raise DiscordError(403, 50005, "Cannot edit a message authored by another user")
        payload = self._payload(request) or {}
        check_message_payload(payload, require_body=False)
        self._apply_edit(message, payload)
        return self._json(message)

    async def _delete_message(self, request: web.Request) -> web.Response:
        channel_id, message_id = (
            int(request.match_info["channel"]),
            int(request.match_info["message"]),
        )
        message = self._stored(channel_id, message_id)
        del self.messages[message_id]
        event = {"id": str(message_id), "channel_id": str(channel_id)}
        if "guild_id" in message:
            event["guild_id"] = message["guild_id"]
        self._in_background(self._echo("MESSAGE_DELETE", event))
        return web.Response(status=204)

    async def _put_reaction(self, request: web.Request) -> web.Response:
        channel_id, message_id = (
            int(request.match_info["channel"]),
            int(request.match_info["message"]),
        )
        self._stored(channel_id, message_id)
        emoji = unquote(request.match_info["emoji"])
        mine = self.reactions.setdefault(message_id, [])
        if emoji not in mine:
            mine.append(emoji)
        return web.Response(status=204)

    async def _delete_reaction(self, request: web.Request) -> web.Response:
        message_id = int(request.match_info["message"])
        emoji = unquote(request.match_info["emoji"])
        with contextlib.suppress(ValueError):
            self.reactions.get(message_id, []).remove(emoji)
        return web.Response(status=204)

    async def _put_commands(self, request: web.Request) -> web.Response:
        guild_id = int(request.match_info["guild"]) if "guild" in request.match_info else None
        payload = self._payload(request) or []
        if len(payload) > 100:
            raise _invalid_form("more than 100 commands")
        stored = []
        for command in payload:
            known = self._command_id(command["name"], guild_id, command.get("type", 1))
            stored.append(
                command
                | {
                    "id": str(known),
                    "application_id": str(self.application_id),
                    "version": str(snowflake()),
                    "default_member_permissions": command.get("default_member_permissions"),
                    "type": command.get("type", 1),
                    "description": command.get("description", ""),
                }
                | ({"guild_id": str(guild_id)} if guild_id else {})
            )
        self.commands[guild_id] = stored
        return self._json(stored)

    async def _get_commands(self, request: web.Request) -> web.Response:
        guild_id = int(request.match_info["guild"]) if "guild" in request.match_info else None
        return self._json(self.commands.get(guild_id, []))

    def _command_id(self, name: str, guild_id: int | None, command_type: int) -> int:
        """The id Discord gave a command at the last bulk overwrite (a fresh one if none)."""
        for scope in (guild_id, None):
            for command in self.commands.get(scope, []):
                if command["name"] == name and command.get("type", 1) == command_type:
                    return int(command["id"])
        return snowflake()

    # ---------------------------------------------------------------- interactions

    def _interaction(self, interaction_id: int, token: str) -> _Interaction:
        interaction = self._interactions.get(interaction_id)
        if interaction is None or interaction.token != token:
            raise DiscordError(404, 10062, "Unknown interaction")
        return interaction

    def _by_token(self, app_id: int, token: str) -> _Interaction:
        if app_id != self.application_id:
            raise DiscordError(401, 50027, "Invalid Webhook Token")
        for interaction in self._interactions.values():
            if interaction.token == token:
                return interaction
        raise DiscordError(401, 50027, "Invalid Webhook Token")

    async def _callback(self, request: web.Request) -> web.Response:
        interaction = self._interaction(
            int(request.match_info["interaction"]), request.match_info["token"]
        )
        if interaction.responded:
            raise DiscordError(400, 40060, "Interaction has already been acknowledged.")
        payload = self._payload(request) or {}
        kind = int(payload.get("type", 0))
        data = payload.get("data") or {}
        message: dict[str, Any] | None = None
        if kind == 4:
            check_message_payload(data)
            message = self._interaction_message(interaction, data)
        elif kind == 5:
            flags = (int(data.get("flags", 0)) & EPHEMERAL) | LOADING
            message = self._interaction_message(interaction, {"content": "", "flags": flags})
        elif kind in (6, 7):
            if interaction.message_id is None or interaction.message_id not in self.messages:
                raise _invalid_form("component callback without a message")
            interaction.original_id = interaction.message_id
            if kind == 7:
                check_message_payload(data, require_body=False)
                message = self.messages[interaction.message_id]
                self._apply_edit(message, data)
        elif kind != 9:
            raise _invalid_form(f"interaction callback type {kind} is not handled by the fake")
        interaction.responded = True
        body: dict[str, Any] = {
            "interaction": {
                "id": str(interaction.id),
                "type": interaction.type,
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(
                    message and int(message.get("flags", 0)) & EPHEMERAL
                ),
            }
        }
        if message is not None:
            body["interaction"]["response_message_id"] = message["id"]
            body["resource"] = {"type": kind, "message": message}
        if request.query.get("with_response") in ("1", "true", "True"):
            return self._json(body)
        return web.Response(status=204)

    def _original(self, request: web.Request) -> tuple[_Interaction, dict[str, Any]]:
        interaction = self._by_token(int(request.match_info["app"]), request.match_info["token"])
        if interaction.original_id is None or interaction.original_id not in self.messages:
            raise DiscordError(404, 10008, "Unknown Message")
        return interaction, self.messages[interaction.original_id]

    async def _get_original(self, request: web.Request) -> web.Response:
        return self._json(self._original(request)[1])

    async def _patch_original(self, request: web.Request) -> web.Response:
        _, message = self._original(request)
        payload = self._payload(request) or {}
        check_message_payload(payload, require_body=False)
        self._apply_edit(message, payload)
        message["flags"] = int(message.get("flags", 0)) & ~LOADING
        return self._json(message)

    async def _delete_original(self, request: web.Request) -> web.Response:
        interaction, message = self._original(request)
        del self.messages[int(message["id"])]
        interaction.original_id = None
        return web.Response(status=204)

    async def _post_followup(self, request: web.Request) -> web.Response:
        interaction = self._by_token(int(request.match_info["app"]), request.match_info["token"])
        if not interaction.responded:
            raise DiscordError(404, 10015, "Unknown Webhook")
        payload = self._payload(request) or {}
        check_message_payload(payload)
        message = self._interaction_message(interaction, payload, original=False)
        return self._json(message)

    def _followup(self, request: web.Request) -> dict[str, Any]:
        self._by_token(int(request.match_info["app"]), request.match_info["token"])
        message = self.messages.get(int(request.match_info["message"]))
        if message is None:
            raise DiscordError(404, 10008, "Unknown Message")
        return message

    async def _get_followup(self, request: web.Request) -> web.Response:
        return self._json(self._followup(request))

    async def _patch_followup(self, request: web.Request) -> web.Response:
        message = self._followup(request)
        payload = self._payload(request) or {}
        check_message_payload(payload, require_body=False)
        self._apply_edit(message, payload)
        return self._json(message)

    async def _delete_followup(self, request: web.Request) -> web.Response:
        message = self._followup(request)
        del self.messages[int(message["id"])]
        return web.Response(status=204)

    # ---------------------------------------------------------------- message objects

    def _user_message(
        self,
        guild_id: int,
        channel_id: int,
        author: int | FakeUser,
        content: str,
        *,
        bot: bool,
        webhook_id: int | None,
        embeds: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        guild = self.guilds[guild_id]
        if isinstance(author, FakeUser):
            user = author
        else:
            member = guild.member(author)
            user = member.user if member else FakeUser(author, f"user{author}", bot=bot)
        if bot and not user.bot:
            user = FakeUser(user.id, user.username, bot=True)
        message = self._base_message(guild_id, channel_id, user, content)
        message["embeds"] = embeds or []
        if webhook_id is not None:
            message["webhook_id"] = str(webhook_id)
            message["author"] = FakeUser(webhook_id, "Some Webhook", bot=True).to_json()
        else:
            member = guild.member(user.id) or FakeMember(user)
            message["member"] = member.to_json(with_user=False)
        self.messages[int(message["id"])] = message
        return message

    def _base_message(
        self, guild_id: int, channel_id: int, author: FakeUser, content: str
    ) -> dict[str, Any]:
        return {
            "id": str(snowflake()),
            "type": 0,
            "channel_id": str(channel_id),
            "guild_id": str(guild_id),
            "author": author.to_json(),
            "content": content,
            "timestamp": _iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "mention_channels": [],
            "attachments": [],
            "embeds": [],
            "components": [],
            "reactions": [],
            "pinned": False,
            "flags": 0,
        }

    def _bot_message(
        self, guild_id: int, channel_id: int, payload: dict[str, Any]
    ) -> dict[str, Any]:
        message = self._base_message(
            guild_id, channel_id, self.bot_user, payload.get("content") or ""
        )
        message["embeds"] = [{"type": "rich"} | e for e in payload.get("embeds") or []]
        message["components"] = payload.get("components") or []
        message["flags"] = int(payload.get("flags") or 0)
        message["member"] = FakeMember(self.bot_user, (self.bot_role.id,)).to_json(with_user=False)
        return message

    def _interaction_message(
        self, interaction: _Interaction, payload: dict[str, Any], *, original: bool = True
    ) -> dict[str, Any]:
        message = self._bot_message(interaction.guild_id, interaction.channel_id, payload)
        message.pop("member")
        message["webhook_id"] = str(self.application_id)
        message["application_id"] = str(self.application_id)
        message["type"] = 20 if original and interaction.type == 2 else 0
        message["interaction_metadata"] = {
            "id": str(interaction.id),
            "type": interaction.type,
            "user": interaction.user.to_json(),
            "authorizing_integration_owners": {"0": str(interaction.guild_id)},
        }
        if interaction.name is not None:
            message["interaction_metadata"]["name"] = interaction.name
        self.messages[int(message["id"])] = message
        if original:
            interaction.original_id = int(message["id"])
        return message

    @staticmethod
    def _apply_edit(message: dict[str, Any], payload: dict[str, Any]) -> None:
        for key in ("content", "components"):
            if key in payload:
                message[key] = (
                    payload[key]
                    if payload[key] is not None
                    else ([] if key == "components" else "")
                )
        if "embeds" in payload:
            message["embeds"] = [{"type": "rich"} | e for e in payload["embeds"] or []]
        message["edited_timestamp"] = _iso_now()
