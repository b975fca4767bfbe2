"""The loopback Discord shards as Discord does: /gateway/bot recommends a count, IDENTIFY
carries [shard_id, shard_count], a guild's events go to shard (guild_id >> 22) % count, and an
IDENTIFY for a shard that is already connected is refused with close code 4010."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterator
from typing import Any

import discord
import pytest
import yarl

from sandbox.discord_server import CLOSE_INVALID_SHARD, DiscordFake, standard_guild

ON_SHARD_1 = standard_guild(1 << 22)  # (id >> 22) % 2 == 1
ON_SHARD_0 = standard_guild(2 << 22)
INTENTS = discord.Intents(guilds=True, guild_messages=True, message_content=True)


class ShardedClient(discord.AutoShardedClient):
    """discord.py's own sharded client, recording the messages it sees."""

    def __init__(self, **options: Any) -> None:
        super().__init__(intents=INTENTS, guild_ready_timeout=0.05, **options)
        self.seen: list[discord.Message] = []

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No 5 s pause between this test's shards (the fake sets no identify rate limit)."""

    async def on_message(self, message: discord.Message) -> None:
        self.seen.append(message)


@pytest.fixture
def point_discord_py(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def point(fake: DiscordFake) -> None:
        monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base)
        monkeypatch.setattr(
            discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url)
        )

    yield point


@pytest.fixture
async def fake(point_discord_py: Any) -> AsyncIterator[DiscordFake]:
    async with DiscordFake([ON_SHARD_0.guild, ON_SHARD_1.guild], recommended_shards=2) as running:
        point_discord_py(running)
        yield running


async def started(client: ShardedClient) -> asyncio.Task[None]:
    task = asyncio.create_task(client.start("any-token"))
    await asyncio.wait_for(client.wait_until_ready(), 10)
    return task


async def stopped(client: ShardedClient, task: asyncio.Task[None]) -> None:
    await client.close()
    await asyncio.wait_for(task, 10)


async def test_the_recommended_count_is_run_and_guilds_land_on_their_shard(
    fake: DiscordFake,
) -> None:
    """With no count given, discord.py runs what /gateway/bot recommends; each guild (and each
    of its messages) arrives on shard (guild_id >> 22) % count."""
    client = ShardedClient()
    task = await started(client)
    try:
        assert client.shard_count == 2 and fake.connected_shards == [0, 1]
        shard_of = {guild.id: guild.shard_id for guild in client.guilds}
        assert shard_of == {ON_SHARD_0.id: 0, ON_SHARD_1.id: 1}
        await fake.inject_message(ON_SHARD_1.id, ON_SHARD_1.general, ON_SHARD_1.poster, "hi")
        await asyncio.wait_for(_until(lambda: bool(client.seen)), 5)
        assert client.seen[0].guild is not None and client.seen[0].guild.shard_id == 1
    finally:
        await stopped(client, task)


async def test_two_processes_split_the_shards(fake: DiscordFake) -> None:
    """A client running shard 0 of 2 sees only shard 0's guild and messages; shard 1's client
    sees the other."""
    zero = ShardedClient(shard_count=2, shard_ids=[0])
    one = ShardedClient(shard_count=2, shard_ids=[1])
    tasks = [await started(zero), await started(one)]
    try:
        assert [g.id for g in zero.guilds] == [ON_SHARD_0.id]
        assert [g.id for g in one.guilds] == [ON_SHARD_1.id]
        await fake.inject_message(ON_SHARD_1.id, ON_SHARD_1.general, ON_SHARD_1.poster, "one")
        await fake.inject_message(ON_SHARD_0.id, ON_SHARD_0.general, ON_SHARD_0.poster, "zero")
        await asyncio.wait_for(_until(lambda: bool(zero.seen and one.seen)), 5)
        await asyncio.sleep(0.2)
        assert [m.content for m in zero.seen] == ["zero"]
        assert [m.content for m in one.seen] == ["one"]
    finally:
        await stopped(zero, tasks[0])
        await stopped(one, tasks[1])


async def test_a_shard_already_connected_is_refused(fake: DiscordFake) -> None:
    """A second process identifying a shard another one runs is closed with 4010; once the first
    is gone, the shard can be taken."""
    first = ShardedClient(shard_count=2, shard_ids=[0])
    task = await started(first)
    second = ShardedClient(shard_count=2, shard_ids=[0])
    with pytest.raises(discord.ConnectionClosed) as refused:
        await asyncio.wait_for(second.start("any-token"), 10)
    assert refused.value.code == CLOSE_INVALID_SHARD
    await second.close()
    await stopped(first, task)
    third = ShardedClient(shard_count=2, shard_ids=[0])
    third_task = await started(third)
    assert fake.connected_shards == [0]
    await stopped(third, third_task)


async def _until(condition: Any) -> None:
    """Poll: the client has no event to wait on for "a message was recorded"."""
    for _ in range(250):
        if condition():
            return
        await asyncio.sleep(0.02)
