"""bot/pool.py: digesting off the event loop in worker processes that can die or stall."""

from __future__ import annotations

import asyncio
import os
import signal
import time

import pytest

from bot.digests import failure_reason
from bot.pool import DigestPool, DigestTimeout, WorkerCrashed
from tests.helpers import FIXTURES

SEED = FIXTURES / "seed_h2.html"
SEED_URL = "https://news.example/lavrov-nato"


async def test_thread_pool_keeps_the_loop_responsive() -> None:
    """A slow job in the pool does not hold up the event loop."""
    pool = DigestPool(1, kind="thread")
    try:
        job = asyncio.create_task(pool.run(time.sleep, 0.3))
        started = time.monotonic()
        await asyncio.sleep(0.01)
        assert time.monotonic() - started < 0.2
        await job
    finally:
        await pool.close()


async def test_process_pool_digests_a_page() -> None:
    """digest_html runs in a worker process and its Digest comes back whole."""
    pool = DigestPool(1)
    try:
        digest = await asyncio.wait_for(pool.digest(SEED.read_text(encoding="utf-8"), SEED_URL), 60)
    finally:
        await pool.close()
    assert digest.url == SEED_URL
    assert "NATO" in digest.title
    assert any(section.heading for section in digest.sections)


async def test_workers_leave_ctrl_c_to_the_bot() -> None:
    """Ctrl-C reaches the whole process group: workers ignore SIGINT (no traceback from them),
    and the bot stops them when it stops."""
    async with DigestPool(1) as pool:
        assert await pool.run(signal.getsignal, signal.SIGINT) == signal.SIG_IGN


async def test_a_dead_worker_fails_its_page_and_the_pool_recovers() -> None:
    """A worker that dies fails only its own job; the next page is digested by a fresh pool."""
    pool = DigestPool(1)
    try:
        with pytest.raises(WorkerCrashed) as crashed:
            await asyncio.wait_for(pool.run(os._exit, 3), 60)
        assert failure_reason(crashed.value) == "the page could not be read (the parser crashed)"
        digest = await asyncio.wait_for(pool.digest(SEED.read_text(encoding="utf-8"), SEED_URL), 60)
        assert "NATO" in digest.title
    finally:
        await pool.close()


async def test_a_page_over_the_deadline_fails_alone_and_the_pool_recovers() -> None:
    """A page that never finishes is given up at the deadline; the next page still works."""
    pool = DigestPool(1, timeout_s=1.0)
    try:
        with pytest.raises(DigestTimeout) as slow:
            await asyncio.wait_for(pool.run(time.sleep, 30), 20)
        assert failure_reason(slow.value) == "the page took too long to read"
        pool.timeout_s = 60.0
        digest = await asyncio.wait_for(pool.digest(SEED.read_text(encoding="utf-8"), SEED_URL), 60)
        assert "NATO" in digest.title
    finally:
        await pool.close()
