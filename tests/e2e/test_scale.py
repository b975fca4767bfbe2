"""Past one process, end to end: two real `python -m bot` processes own two shards each of four,
against one loopback Discord, one Redis and one PostgreSQL (real servers, on 127.0.0.1).

The same link pasted in servers on different processes is fetched once; a user's cooldown holds
across processes; SIGKILL one process and no acknowledged setting or archived digest is lost, the
other keeps serving its shards, and a restarted one takes its shards back and finds (with
`/skim search`) the digest its killed predecessor posted.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web

from sandbox.discord_server import (
    DiscordFake,
    FakeMember,
    FakeUser,
    InjectedInteraction,
    RecordedRequest,
    StandardGuild,
    standard_guild,
)
from testkit.servers import PostgresServer, RedisServer
from testkit.web_origin import WebOrigin
from tests.e2e.conftest import FIXTURES, embed_text, is_reply_to
from tests.helpers import ROOT

pytestmark = pytest.mark.asyncio(loop_scope="module")

SHARDS = 4
PROCESS_SHARDS = {"a": (0, 1), "b": (2, 3)}
# Guild k << 22 is on shard k % 4: two servers on each shard.
GUILDS = {k: standard_guild(k << 22, f"Server {k}") for k in range(1, 9)}
START_TIMEOUT = 60.0
REPLY_TIMEOUT = 30.0
LINKS_PER_MINUTE = 2
# A member of a server on each process, for the cooldown.
TRAVELLER = FakeUser(990_000_000_000_000_123, "traveller")


def on_shard(shard: int, nth: int = 0) -> StandardGuild:
    """The nth server on a shard."""
    return [g for k, g in sorted(GUILDS.items()) if k % SHARDS == shard][nth]


@dataclass
class BotProcess:
    """One `python -m bot` running some shards, its log in a file."""

    name: str
    env: dict[str, str]
    log: Path
    process: asyncio.subprocess.Process | None = None
    starts: int = 0

    async def start(self) -> None:
        self.starts += 1
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                cwd=self.log.parent,
                env=self.env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    async def wait_for_shards(self) -> None:
        """Until the process's log says each of its shards is connected (for this start)."""
        shards = PROCESS_SHARDS[self.name]
        deadline = asyncio.get_running_loop().time() + START_TIMEOUT
        while True:
            text = self.log_text()
            if all(
                text.count(f"shard {s} of {SHARDS} is connected") >= self.starts for s in shards
            ):
                return
            assert self.process is not None and self.process.returncode is None, text[-2000:]
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError(f"process {self.name} did not connect: {text[-2000:]}")
            await asyncio.sleep(0.1)

    async def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), 20)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()


@dataclass
class Cluster:
    fake: DiscordFake
    origin: WebOrigin
    bots: dict[str, BotProcess]
    env: dict[str, str]
    _pages: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def page(self, delay: float = 0.0) -> str:
        """The seed article at a fresh URL, served after `delay` seconds."""
        body = (FIXTURES / "seed_h2.html").read_bytes()

        async def serve(request: web.Request) -> web.StreamResponse:
            await asyncio.sleep(delay)
            return web.Response(body=body, headers={"Content-Type": "text/html; charset=utf-8"})

        path = f"/scale{next(self._pages)}/lavrov-nato.html"
        self.origin.add_handler(path, serve)
        return self.origin.url(path)

    def hits(self, url: str) -> int:
        return self.origin.hits[url.removeprefix(self.origin.base_url)]

    async def reply_to(self, message_id: int) -> RecordedRequest:
        return await self.fake.wait_for(lambda r: is_reply_to(r, message_id), REPLY_TIMEOUT)

    async def answer(self, injected: InjectedInteraction) -> RecordedRequest:
        return await self.fake.wait_for(lambda r: r.path == injected.callback_path, REPLY_TIMEOUT)


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def cluster(
    redis_server: RedisServer,
    postgres_server: PostgresServer,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Cluster]:
    """The loopback Discord, the origin, Redis, PostgreSQL and the two bot processes."""
    for guild in (on_shard(0), on_shard(2)):
        guild.guild.members.append(FakeMember(TRAVELLER))
    directory = tmp_path_factory.mktemp("scale")
    database_url = postgres_server.new_database()
    async with (
        DiscordFake(
            [g.guild for g in GUILDS.values()], recommended_shards=SHARDS, identify_concurrency=16
        ) as fake,
        WebOrigin() as origin,
    ):
        base = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SKIM_"))}
        env = base | {
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), base.get("PYTHONPATH")])),
            "DISCORD_TOKEN": "loopback-token",
            "DISCORD_API_BASE": fake.api_base,
            "DISCORD_GATEWAY_URL": fake.gateway_url,
            "SKIM_DATABASE_URL": database_url,
            "SKIM_REDIS_URL": redis_server.url,
            "SKIM_REDIS_PREFIX": "scale-e2e:",
            "SKIM_SHARD_COUNT": str(SHARDS),
            "SKIM_USER_LINKS_PER_MINUTE": str(LINKS_PER_MINUTE),
            "SKIM_FETCH_ALLOW_NETWORKS": "127.0.0.0/8",
            "SKIM_FETCH_ALLOW_PORTS": f"80,443,{origin.port}",
        }
        bots = {
            name: BotProcess(
                name,
                env | {"SKIM_SHARD_IDS": ",".join(map(str, shards))},
                directory / f"bot-{name}.log",
            )
            for name, shards in PROCESS_SHARDS.items()
        }
        try:
            await asyncio.gather(*(bot.start() for bot in bots.values()))
            await asyncio.gather(*(bot.wait_for_shards() for bot in bots.values()))
            yield Cluster(fake, origin, bots, env)
        finally:
            await asyncio.gather(*(bot.stop() for bot in bots.values()))
    for bot in bots.values():
        assert "Traceback" not in bot.log_text(), bot.log_text()[-3000:]


async def test_each_process_runs_its_shards_and_status_shows_them(cluster: Cluster) -> None:
    """Four shards connected, two per process; `python -m bot status` reads both heartbeats."""
    assert cluster.fake.connected_shards == [0, 1, 2, 3]
    for name, bot in cluster.bots.items():
        assert f"runs shards {','.join(map(str, PROCESS_SHARDS[name]))} of 4" in bot.log_text()
    deadline = asyncio.get_running_loop().time() + 15
    while True:
        status = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "status",
            cwd=cluster.bots["a"].log.parent,  # no .env there
            env=cluster.env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        out, err = await status.communicate()
        table = out.decode()
        if table.count("(of 4) | 2/2 |") == 2 or asyncio.get_running_loop().time() > deadline:
            break
        await asyncio.sleep(1)
    assert status.returncode == 0, err.decode()
    assert "| 0,1 (of 4) | 2/2 |" in table and "| 2,3 (of 4) | 2/2 |" in table, table
    assert "No process runs" not in table


async def test_the_same_link_on_two_processes_is_fetched_once(cluster: Cluster) -> None:
    """A link pasted at once in a server of each process: one origin fetch, two replies."""
    url = cluster.page(delay=1.0)
    here, there = on_shard(0), on_shard(3)
    first, second = await asyncio.gather(
        cluster.fake.inject_message(here.id, here.general, here.poster, f"read {url}"),
        cluster.fake.inject_message(there.id, there.general, there.poster, f"also {url}"),
    )
    replies = await asyncio.gather(cluster.reply_to(first), cluster.reply_to(second))
    for reply in replies:
        assert "Lavrov" in embed_text(reply.json["embeds"][0])
    assert cluster.hits(url) == 1


async def test_a_users_cooldown_holds_across_processes(cluster: Cluster) -> None:
    """Two links a minute for one person: one taken on each process, the third refused."""
    here, there = on_shard(0), on_shard(2)
    for guild in (here, there):
        message = await cluster.fake.inject_message(
            guild.id, guild.general, TRAVELLER.id, f"see {cluster.page()}"
        )
        await cluster.reply_to(message)
    over = await cluster.fake.inject_message(
        here.id, here.general, TRAVELLER.id, f"and {cluster.page()}"
    )
    await asyncio.sleep(2.0)
    assert cluster.fake.find(lambda r: is_reply_to(r, over)) == []


async def test_a_killed_process_loses_nothing_and_takes_its_shards_back(cluster: Cluster) -> None:
    """SIGKILL the process of shards 0 and 1 after it acknowledged a setting and posted (and
    archived) a digest: the other process keeps answering on shards 2 and 3; a new process for
    shards 0 and 1 connects them again, and finds the setting and the digest."""
    guild, survivor_guild = on_shard(1), on_shard(3, 1)
    setting = await cluster.fake.inject_slash(
        guild.id, guild.general, guild.admin, "skim settings max-links", {"n": 2}
    )
    acknowledged = await cluster.answer(setting)
    assert "at most **2** links" in acknowledged.json["data"]["content"]
    posted = await cluster.fake.inject_message(
        guild.id, guild.general, guild.poster, f"look {cluster.page()}"
    )
    await cluster.reply_to(posted)
    await cluster.fake.wait_quiet(0.5)  # the archive write follows the reply

    killed = cluster.bots["a"]
    await killed.kill()
    assert "Traceback" not in killed.log_text()
    survivor_message = await cluster.fake.inject_message(
        survivor_guild.id, survivor_guild.general, survivor_guild.poster, f"now {cluster.page()}"
    )
    await cluster.reply_to(survivor_message)

    await killed.start()
    await killed.wait_for_shards()
    assert cluster.fake.connected_shards == [0, 1, 2, 3]
    shown = await cluster.answer(
        await cluster.fake.inject_slash(guild.id, guild.general, guild.admin, "skim settings show")
    )
    assert "Links per message: **2**" in shown.json["data"]["content"]
    found = await cluster.answer(
        await cluster.fake.inject_slash(
            guild.id, guild.general, guild.poster, "skim search", {"query": "Lavrov NATO"}
        )
    )
    listing = embed_text(found.json["data"]["embeds"][0])
    assert "Lavrov" in listing and str(posted) not in listing
    jump = found.json["data"]["embeds"][0]
    assert any(str(guild.general) in str(value) for value in _values(jump))


def _values(data: Any) -> list[Any]:
    """Every leaf value of a JSON structure."""
    if isinstance(data, dict):
        return [leaf for value in data.values() for leaf in _values(value)]
    if isinstance(data, list):
        return [leaf for value in data for leaf in _values(value)]
    return [data]
