"""The loopback Discord fake works with an unmodified discord.py client."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import aiohttp
import discord
import pytest
import yarl
from discord import app_commands

from sandbox.discord_server import (
    EPHEMERAL,
    MANAGE_GUILD,
    DiscordFake,
    RecordedRequest,
    StandardGuild,
    standard_guild,
)

GUILD = standard_guild(1000)
INTENTS = discord.Intents(guilds=True, guild_messages=True, message_content=True)


class PingClient(discord.Client):
    """A plain client with one slash command, a context menu and a persistent button."""

    def __init__(self) -> None:
        super().__init__(
            intents=INTENTS,
            allowed_mentions=discord.AllowedMentions.none(),
            guild_ready_timeout=0.05,
        )
        self.tree = app_commands.CommandTree(self)
        self.seen: list[discord.Interaction] = []
        self.tree.command(name="ping", description="answers pong")(self._ping)
        self.tree.context_menu(name="Echo")(self._echo)

    async def _ping(self, interaction: discord.Interaction, private: bool = False) -> None:
        self.seen.append(interaction)
        await interaction.response.defer(ephemeral=private, thinking=True)
        await interaction.edit_original_response(content="pong")

    async def _echo(self, interaction: discord.Interaction, message: discord.Message) -> None:
        self.seen.append(interaction)
        await interaction.response.send_message(f"echo {message.content}", ephemeral=True)

    async def setup_hook(self) -> None:
        self.add_view(DismissView())


class DismissView(discord.ui.View):
    """A persistent view with one button, like Skim's dismiss."""

    def __init__(self) -> None:
        super().__init__(timeout=None)
        self.pressed: list[discord.Interaction] = []

    @discord.ui.button(label="x", custom_id="test:dismiss")
    async def dismiss(
        self, interaction: discord.Interaction, button: discord.ui.Button[Any]
    ) -> None:
        self.pressed.append(interaction)
        await interaction.response.defer()
        if interaction.message is not None:
            await interaction.message.delete()


@pytest.fixture
def point_discord_py(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Set the two knobs discord.py reads (restored after the test)."""

    def point(fake: DiscordFake) -> None:
        monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url)
        )

    yield point


@pytest.fixture
async def fake() -> AsyncIterator[DiscordFake]:
    async with DiscordFake([GUILD.guild], heartbeat_interval_ms=150) as running:
        yield running


@pytest.fixture
async def client(fake: DiscordFake, point_discord_py: Any) -> AsyncIterator[PingClient]:
    point_discord_py(fake)
    bot = PingClient()
    task = asyncio.create_task(bot.start("any-token"))
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    yield bot
    await bot.close()
    await asyncio.wait_for(task, 10)


def _path_is(path: str) -> Callable[[RecordedRequest], bool]:
    return lambda request: request.path == path


async def _message_from(
    bot: discord.Client, fake: DiscordFake, g: StandardGuild
) -> discord.Message:
    waiter = asyncio.ensure_future(bot.wait_for("message", timeout=5))
    await fake.inject_message(g.id, g.general, g.poster, "hello https://example.org/a")
    message: discord.Message = await waiter
    return message


async def test_client_gets_ready_and_the_guild(client: PingClient, fake: DiscordFake) -> None:
    """IDENTIFY gets READY and GUILD_CREATE: user, guild, channels, roles and members are cached."""
    assert client.user is not None and client.user.id == fake.bot_user.id
    assert client.application_id == fake.application_id
    guild = client.get_guild(GUILD.id)
    assert guild is not None and not guild.unavailable
    assert guild.get_channel(GUILD.general) is not None
    assert guild.get_thread(GUILD.thread) is not None
    assert guild.me is not None and guild.me.id == fake.bot_user.id
    moderator_role = guild.get_role(GUILD.moderator_role)
    assert moderator_role is not None and moderator_role.permissions.manage_messages
    assert fake.identify_count == 1
    identify = next(p for p in fake.gateway_events_received if p["op"] == 2)
    assert identify["d"]["intents"] == INTENTS.value


async def test_client_receives_an_injected_message(client: PingClient, fake: DiscordFake) -> None:
    """An injected MESSAGE_CREATE arrives as a guild message from a member."""
    message = await _message_from(client, fake, GUILD)
    assert message.content == "hello https://example.org/a"
    assert message.guild is not None and message.guild.id == GUILD.id
    assert message.channel.id == GUILD.general
    assert isinstance(message.author, discord.Member) and message.author.id == GUILD.poster
    assert not message.author.bot and message.webhook_id is None


async def test_edits_and_deletes_reach_the_client(client: PingClient, fake: DiscordFake) -> None:
    """MESSAGE_UPDATE with the whole message edits the cached message; MESSAGE_DELETE removes
    it. (Partial updates, which discord.py 2.7 cannot parse, are tested with Skim in e2e.)"""
    message = await _message_from(client, fake, GUILD)
    edited = asyncio.ensure_future(client.wait_for("message_edit", timeout=5))
    await fake.inject_edit(message.id, "hello again")
    before, after = await edited
    assert (before.content, after.content) == ("hello https://example.org/a", "hello again")
    assert after.edited_at is not None
    deleted = asyncio.ensure_future(client.wait_for("raw_message_delete", timeout=5))
    await fake.inject_delete(message.id)
    assert (await deleted).message_id == message.id
    assert message.id not in fake.messages


async def test_bot_and_webhook_authors_come_through(client: PingClient, fake: DiscordFake) -> None:
    """bot=True and webhook_id mark the author the way discord.py reads them."""
    waiter = asyncio.ensure_future(client.wait_for("message", timeout=5))
    await fake.inject_message(GUILD.id, GUILD.general, 4242, "beep", bot=True)
    from_bot = await waiter
    waiter = asyncio.ensure_future(client.wait_for("message", timeout=5))
    await fake.inject_message(GUILD.id, GUILD.general, GUILD.poster, "hook", webhook_id=777)
    from_hook = await waiter
    assert from_bot.author.bot and from_bot.webhook_id is None
    assert from_hook.webhook_id == 777


async def test_reply_is_recorded_as_sent(client: PingClient, fake: DiscordFake) -> None:
    """A reply is recorded with its JSON body and comes back as a full message by the bot."""
    message = await _message_from(client, fake, GUILD)
    embed = discord.Embed(title="Headline", url="https://example.org/a", description="claim")
    sent = await message.reply(embed=embed, mention_author=False)
    request = await fake.wait_for(lambda r: r.method == "POST" and r.path.endswith("/messages"))
    assert request.path == f"/channels/{GUILD.general}/messages"
    assert int(request.json["message_reference"]["message_id"]) == message.id
    assert request.json["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert request.json["embeds"][0]["title"] == "Headline"
    assert client.user is not None and sent.author.id == client.user.id
    assert sent.embeds[0].title == "Headline" and sent.reference is not None
    assert int(sent.id) in fake.messages


async def test_subscriber_sees_each_request_as_recorded(
    client: PingClient, fake: DiscordFake
) -> None:
    """A subscriber is called with every request in the order recorded, and only in its block."""
    channel = client.get_channel(GUILD.general)
    assert isinstance(channel, discord.TextChannel)
    await channel.send("before")
    since = fake.mark()
    seen: list[RecordedRequest] = []
    with fake.subscribe(seen.append):
        await channel.send("first")
        await channel.send("second")
        assert [r.json["content"] for r in seen] == ["first", "second"]
        assert seen == fake.requests[since:]
    await channel.send("after")
    assert len(seen) == 2 and len(fake.requests) == since + 3


async def test_reactions_typing_and_delete_are_recorded(
    client: PingClient, fake: DiscordFake
) -> None:
    """Reactions, typing and deletes hit their routes and succeed."""
    message = await _message_from(client, fake, GUILD)
    await message.add_reaction("⚠️")
    async with message.channel.typing():
        pass
    sent = await message.channel.send("bye")
    await sent.delete()
    paths = [(r.method, r.path, r.status) for r in fake.requests]
    assert ("PUT", f"/channels/{GUILD.general}/messages/{message.id}/reactions/⚠️/@me", 204) in paths
    assert ("POST", f"/channels/{GUILD.general}/typing", 204) in paths
    assert ("DELETE", f"/channels/{GUILD.general}/messages/{sent.id}", 204) in paths
    assert fake.reactions[message.id] == ["⚠️"] and sent.id not in fake.messages


async def test_slash_command_defer_then_edit_original(
    client: PingClient, fake: DiscordFake
) -> None:
    """A slash command is deferred (ephemeral flag 64) and its original response edited."""
    injected = await fake.inject_slash(
        GUILD.id, GUILD.general, GUILD.admin, "ping", {"private": True}
    )
    edit = await fake.wait_for(lambda r: r.path == injected.original_path and r.method == "PATCH")
    callback = fake.find(lambda r: r.path == injected.callback_path)[0]
    assert callback.query == {"with_response": "1"}
    assert callback.json == {"type": 5, "data": {"flags": EPHEMERAL}}
    assert callback.status == 200 and edit.status == 200
    assert edit.json["content"] == "pong"
    interaction = client.seen[-1]
    assert interaction.user.id == GUILD.admin
    assert interaction.permissions.manage_guild
    assert interaction.namespace.private is True


async def test_member_permissions_come_from_roles(client: PingClient, fake: DiscordFake) -> None:
    """A stranger has neither Manage Server nor Manage Messages; a moderator has the latter."""
    for user in (GUILD.stranger, GUILD.moderator):
        injected = await fake.inject_slash(GUILD.id, GUILD.general, user, "ping")
        await fake.wait_for(_path_is(injected.original_path))
    stranger, moderator = client.seen[-2:]
    assert not stranger.permissions.manage_guild and not stranger.permissions.manage_messages
    assert moderator.permissions.manage_messages and not moderator.permissions.manage_guild
    assert GUILD.guild.permissions_of(GUILD.admin) & MANAGE_GUILD


async def test_context_menu_gets_the_target_message(client: PingClient, fake: DiscordFake) -> None:
    """A message context-menu interaction resolves the target message and can answer."""
    target = fake.store_message(GUILD.id, GUILD.general, GUILD.poster, "see https://example.org/b")
    injected = await fake.inject_context_menu(
        GUILD.id, GUILD.general, GUILD.stranger, "Echo", target
    )
    callback = await fake.wait_for(lambda r: r.path == injected.callback_path)
    assert callback.json["type"] == 4
    assert callback.json["data"]["content"] == "echo see https://example.org/b"
    assert callback.json["data"]["flags"] == EPHEMERAL


async def test_persistent_button_press_is_dispatched(client: PingClient, fake: DiscordFake) -> None:
    """A button press on a message reaches the persistent view by custom_id."""
    message = await _message_from(client, fake, GUILD)
    sent = await message.channel.send("digest", view=DismissView())
    injected = await fake.inject_button(GUILD.id, GUILD.poster, sent.id)
    delete = await fake.wait_for(lambda r: r.method == "DELETE")
    callback = fake.find(lambda r: r.path == injected.callback_path)[0]
    assert callback.json == {"type": 6}
    assert delete.path == f"/channels/{GUILD.general}/messages/{sent.id}"


async def test_second_answer_to_one_interaction_is_refused(
    client: PingClient, fake: DiscordFake
) -> None:
    """Discord's 40060 'already acknowledged' comes back when a callback is sent twice."""
    injected = await fake.inject_slash(GUILD.id, GUILD.general, GUILD.poster, "ping")
    await fake.wait_for(lambda r: r.path == injected.original_path)
    async with aiohttp.ClientSession() as session:
        url = fake.api_base + injected.callback_path
        async with session.post(url, json={"type": 4, "data": {"content": "x"}}) as response:
            body = await response.json()
    assert response.status == 400 and body["code"] == 40060


async def test_embed_over_discord_limits_is_rejected(client: PingClient, fake: DiscordFake) -> None:
    """A title over 256 characters gets Discord's 400 Invalid Form Body."""
    channel = client.get_channel(GUILD.general)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(discord.HTTPException) as raised:
        await channel.send(embed=discord.Embed(title="x" * 257))
    assert raised.value.status == 400 and raised.value.code == 50035


async def test_heartbeats_are_acknowledged(client: PingClient, fake: DiscordFake) -> None:
    """Several heartbeat cycles pass, latency is measured and events still flow."""
    for _ in range(100):
        if fake.heartbeat_count >= 4:
            break
        await asyncio.sleep(0.05)
    assert fake.heartbeat_count >= 4
    assert client.latency < 1.0
    message = await _message_from(client, fake, GUILD)
    assert message.author.id == GUILD.poster


async def test_dropped_socket_is_resumed(client: PingClient, fake: DiscordFake) -> None:
    """After the socket drops the client RESUMEs the session and gets later events."""
    await fake.disconnect(4000)
    await fake.wait_for_session()
    message = await _message_from(client, fake, GUILD)
    assert fake.resume_count == 1 and fake.identify_count == 1
    assert message.channel.id == GUILD.general


async def test_message_create_without_type_ends_discordpy_gateway_task(
    fake: DiscordFake, point_discord_py: Any
) -> None:
    """The discord.py 2.7 behaviour Skim must survive: the KeyError escapes Client.start()."""
    point_discord_py(fake)
    bot = PingClient()
    task = asyncio.create_task(bot.start("any-token"))
    await asyncio.wait_for(bot.wait_until_ready(), 10)
    message = {
        "id": "1",
        "channel_id": str(GUILD.general),
        "guild_id": str(GUILD.id),
        "author": {"id": "5", "username": "x", "discriminator": "0", "avatar": None},
        "content": "no type",
    }
    await fake.inject_raw(0, "MESSAGE_CREATE", message)
    with pytest.raises(KeyError):
        await asyncio.wait_for(task, 10)
    await bot.close()


async def test_missing_message_content_intent_closes_with_4014(
    point_discord_py: Any,
) -> None:
    """When the portal switch is off the gateway closes 4014 and discord.py says so."""
    async with DiscordFake([GUILD.guild], message_content_enabled=False) as fake:
        point_discord_py(fake)
        bot = PingClient()
        with pytest.raises(discord.PrivilegedIntentsRequired):
            await asyncio.wait_for(bot.start("any-token"), 10)
        await bot.close()


async def test_injected_failure_answers_a_discord_error(
    client: PingClient, fake: DiscordFake
) -> None:
    """fail_next makes the next matching call fail like Discord would, then routes resume."""
    channel = client.get_channel(GUILD.general)
    assert isinstance(channel, discord.TextChannel)
    fake.fail_next("POST", f"/channels/{GUILD.general}/messages")
    with pytest.raises(discord.Forbidden) as raised:
        await channel.send("first")
    assert raised.value.code == 50013
    sent = await channel.send("second")
    assert sent.content == "second"
