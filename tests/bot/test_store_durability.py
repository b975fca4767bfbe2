"""An acknowledged write survives kill -9: a child process writes settings and archived digests
and is SIGKILLed mid-write, again and again; every write it acknowledged is there afterwards.
The same for the SQLite file and for PostgreSQL, whose server is also crashed once mid-write."""

from __future__ import annotations

import asyncio
import os
import random
import sys
from pathlib import Path

import pytest

from bot.store import PostgresStore, SqliteStore, Store
from testkit.servers import PostgresServer, ServerMissing, missing_server, postgres_bindir
from tests.helpers import ROOT

ROUNDS = 2
WRITERS = 3  # at once, each killed at its own moment
KILLS = ROUNDS * WRITERS
SEED = 13


async def run_writer_until_killed(
    backend: str, target: str, start: int, seconds: float, opened: asyncio.Event | None = None
) -> set[int]:
    """Start a writer, let it write for `seconds` once open (setting `opened` then), SIGKILL it;
    return what it acknowledged."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    writer = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.bot.store_writer",
        backend,
        target,
        str(start),
        cwd=ROOT,
        env=env,
        stdout=asyncio.subprocess.PIPE,
    )
    assert writer.stdout is not None
    acked: set[int] = set()
    try:
        assert (await asyncio.wait_for(writer.stdout.readline(), 60)).strip() == b"open"
        if opened is not None:
            opened.set()

        async def read_acks() -> None:
            assert writer.stdout is not None
            async for line in writer.stdout:
                acked.add(int(line.split()[1]))

        reading = asyncio.create_task(read_acks())
        await asyncio.sleep(seconds)
        assert writer.returncode is None, "the writer died before it was killed"
        writer.kill()  # SIGKILL, mid-write
        await writer.wait()
        await asyncio.wait_for(reading, 10)  # the acks it printed before dying
    finally:
        if writer.returncode is None:
            writer.kill()
            await writer.wait()
    return acked


async def missing_writes(store: Store, acked: set[int]) -> list[int]:
    """Acknowledged writes the store does not have."""
    missing = []
    await store.open()
    try:
        for number in sorted(acked):
            if number % 2:
                found = (await store.guild_settings(number)).max_links == 1 + number % 10
            else:
                # In: a write retried after a lost connection may be in twice (its first
                # commit's fate was unknown), which is no loss.
                found = number in [row.message_id for row in await store.recent(number)]
            if not found:
                missing.append(number)
    finally:
        await store.close()
    return missing


async def kill_repeatedly(backend: str, target: str) -> set[int]:
    chance = random.Random(SEED)
    acked: set[int] = set()
    for round_number in range(ROUNDS):
        writers = [
            run_writer_until_killed(
                backend,
                target,
                start=(round_number * WRITERS + writer) * 1_000_000,
                seconds=chance.uniform(0.3, 0.9),
            )
            for writer in range(WRITERS)
        ]
        for found in await asyncio.gather(*writers):
            acked |= found
    return acked


async def test_sqlite_keeps_every_acknowledged_write(tmp_path: Path) -> None:
    path = tmp_path / "skim.db"
    acked = await kill_repeatedly("sqlite", str(path))
    assert len(acked) > KILLS * 10  # it did write between the kills
    assert await missing_writes(SqliteStore(path), acked) == []


async def test_postgres_keeps_every_acknowledged_write(postgres_server: PostgresServer) -> None:
    url = postgres_server.new_database()
    acked = await kill_repeatedly("postgres", url)
    assert len(acked) > KILLS * 10
    assert await missing_writes(PostgresStore(url), acked) == []


@pytest.mark.servers
async def test_postgres_crash_mid_write_loses_no_acknowledged_write() -> None:
    """The server itself SIGKILLed while a writer writes: after its crash recovery, every write
    acknowledged before the crash is there (and the writer carried on once it was back)."""
    try:
        postgres_bindir()
    except ServerMissing as problem:
        missing_server(problem)
    server = PostgresServer().start()
    try:
        url = server.url()
        opened = asyncio.Event()
        writing = asyncio.create_task(run_writer_until_killed("postgres", url, 0, 2.5, opened))
        await asyncio.wait_for(opened.wait(), 60)
        await asyncio.sleep(0.5)
        await asyncio.to_thread(server.kill)
        await asyncio.to_thread(server.start)
        acked = await writing
        assert len(acked) > 10
        assert await missing_writes(PostgresStore(url), acked) == []
    finally:
        server.stop()
