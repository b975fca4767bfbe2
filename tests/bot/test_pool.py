"""bot/pool.py: digesting off the event loop in worker processes that can die or stall."""

from __future__ import annotations

import asyncio
import ctypes
import os
import signal
import subprocess
import sys
import time

import pytest

from bot.digests import failure_reason
from bot.pool import DigestPool, DigestTimeout, WorkerCrashed, return_large_blocks
from summarizer import NotAnArticle
from tests.helpers import FIXTURES, paragraph

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


async def test_process_pool_renders_a_markdown_document() -> None:
    """A Markdown document goes to a worker process as its text and is rendered there: its
    '##' lines come back as the Digest's sections; as plain text they would not."""
    text = "# Beacons\n\n" + "\n\n".join(
        f"## Part {n}\n\n{paragraph(3 * n, 3)}" for n in range(1, 4)
    )
    pool = DigestPool(1)
    try:
        rendered = await asyncio.wait_for(pool.digest_text(text, SEED_URL, markdown=True), 60)
        plain = await asyncio.wait_for(pool.digest_text(text, SEED_URL, markdown=False), 60)
    finally:
        await pool.close()
    assert rendered.url == SEED_URL
    assert [section.heading for section in rendered.sections][-3:] == ["Part 1", "Part 2", "Part 3"]
    assert "Part 1" not in [section.heading for section in plain.sections]


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
        assert isinstance(crashed.value, NotAnArticle)
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
        assert failure_reason(slow.value) == "the page took too long to read (over 1 s)"
        assert isinstance(slow.value, NotAnArticle)  # remembered like one (bot/digests.py)
        pool.timeout_s = 60.0
        digest = await asyncio.wait_for(pool.digest(SEED.read_text(encoding="utf-8"), SEED_URL), 60)
        assert "NATO" in digest.title
    finally:
        await pool.close()


async def test_a_timeout_stops_only_its_own_worker() -> None:
    """With two workers, the page on the other worker finishes while the slow one is killed."""
    pool = DigestPool(2, timeout_s=60.0, spare_workers=0)
    try:
        # Both workers up first (a worker's first page also waits for its process to start,
        # which on a busy machine can take longer than the 3 s deadline below).
        await asyncio.wait_for(asyncio.gather(*(pool.run(time.sleep, 0.3) for _ in "ab")), 60)
        pool.timeout_s = 3.0
        slow = asyncio.create_task(pool.run(time.sleep, 30))
        await asyncio.sleep(1.5)
        # Still running when the slow page's worker is killed at 3 s; done at about 3.5 s.
        in_flight = asyncio.create_task(pool.run(time.sleep, 2.0))
        with pytest.raises(DigestTimeout):
            await asyncio.wait_for(slow, 20)
        assert not in_flight.done()
        await asyncio.wait_for(in_flight, 20)  # finishes: time.sleep returns None
        assert pool.processes == 2  # the killed worker was replaced
    finally:
        await pool.close()


async def test_a_slow_page_does_not_hold_up_the_page_behind_it() -> None:
    """With one worker, a page queued behind a slow one goes to a spare worker."""
    pool = DigestPool(1, timeout_s=8.0, slow_after_s=0.3)
    try:
        await asyncio.wait_for(pool.run(os.getpid), 60)  # the worker is up
        slow = asyncio.create_task(pool.run(time.sleep, 30))
        await asyncio.sleep(0.05)
        started = time.monotonic()
        digest = await asyncio.wait_for(pool.digest(SEED.read_text(encoding="utf-8"), SEED_URL), 60)
        assert "NATO" in digest.title
        assert time.monotonic() - started < 6.0  # long before the slow page's deadline
        assert not slow.done()
        with pytest.raises(DigestTimeout):
            await asyncio.wait_for(slow, 20)
        assert pool.processes == 1  # the spare stays as the pool's one worker
    finally:
        await pool.close()


async def test_a_worker_cannot_take_more_memory_than_its_limit() -> None:
    """The memory cap is in force in the worker, which survives the refused allocation."""
    pool = DigestPool(1, memory_bytes=512 * 1024**2)
    try:
        with pytest.raises(MemoryError):
            await asyncio.wait_for(pool.run(bytearray, 1024**3), 60)
        assert await asyncio.wait_for(pool.run(len, "ok"), 60) == 2
    finally:
        await pool.close()


async def test_waiting_pages_go_smallest_first() -> None:
    """Behind a busy worker, a small page overtakes the big ones queued before it."""
    pool = DigestPool(1, spare_workers=0)
    finished: list[str] = []

    async def page(name: str, size: int) -> None:
        await pool.run(time.sleep, 0.2, size=size)
        finished.append(name)

    try:
        await asyncio.wait_for(pool.run(os.getpid), 60)  # the worker is up
        busy = asyncio.create_task(pool.run(time.sleep, 0.5))
        await asyncio.sleep(0.1)
        big = [asyncio.create_task(page(f"big{n}", 4_000_000)) for n in range(3)]
        await asyncio.sleep(0.05)
        small = asyncio.create_task(page("small", 50_000))
        await asyncio.wait_for(asyncio.gather(busy, small, *big), 60)
    finally:
        await pool.close()
    assert finished == ["small", "big0", "big1", "big2"]


def test_the_bot_process_never_loads_the_pipeline() -> None:
    """Only the workers parse: the bot's own imports leave the engine's pipeline (readability,
    trafilatura, sentencex: tens of MB) unloaded."""
    probe = (
        "import sys, bot.__main__, bot.client, bot.services, bot.pool; "
        "print(sorted(m for m in ('summarizer.pipeline', 'trafilatura', 'readability') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.strip() == "[]"


# In a fresh interpreter: after an 8 MiB block is freed (which makes glibc raise its mmap
# threshold to 8 MiB), is a 512 KiB block, the size of a big page's text, a mapping of its own?
MMAP_PROBE = """
import ctypes, sys
class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in ("arena", "ordblks", "smblks", "hblks",
                "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = MallInfo2
if sys.argv[1] == "fixed":
    from bot.pool import return_large_blocks
    return_large_blocks()
big = bytearray(8 * 1024 * 1024)
del big
before = libc.mallinfo2().hblks
page = bytearray(512 * 1024)
print(libc.mallinfo2().hblks - before)
"""


@pytest.mark.skipif(
    not hasattr(ctypes.CDLL(None), "mallinfo2"), reason="glibc 2.33+ only (mallinfo2)"
)
def test_a_freed_page_goes_back_to_the_system() -> None:
    """With the threshold fixed (as the bot sets it), a page-sized block is mapped on its own,
    so freeing it returns its memory, even after a bigger block was freed; left to glibc, it
    comes from the heap, where the room it leaves stays resident."""
    assert return_large_blocks()
    found = {
        mode: subprocess.run(
            [sys.executable, "-c", MMAP_PROBE, mode],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        ).stdout.strip()
        for mode in ("fixed", "glibc")
    }
    assert found == {"fixed": "1", "glibc": "0"}


def test_the_bot_without_redis_or_postgresql_never_loads_their_clients() -> None:
    """Without SKIM_REDIS_URL and SKIM_DATABASE_URL the bot's imports leave redis and asyncpg
    unloaded (about 8 MB of the bot's memory); they come in with the settings that use them."""
    probe = (
        "import sys, bot.__main__, bot.client, bot.services, bot.pool; "
        "print(sorted(m for m in ('redis', 'asyncpg') if m in sys.modules)); "
        "from bot.store import PostgresStore; import bot.shared.link; "
        "print(sorted(m for m in ('redis', 'asyncpg') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert result.stdout.split("\n")[:2] == ["[]", "['asyncpg', 'redis']"]
