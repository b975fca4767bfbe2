"""A stand-in for the load benchmark's bot process (bot_main.py): it imports discord.py, as the
harness does, then asks a digest worker whether discord.py is loaded there too."""

from __future__ import annotations

import asyncio
import sys

import discord  # noqa: F401 - the harness's own imports bring discord.py and the bot

from bot.pool import DigestPool
from tests.benchmarks.loaded import is_loaded


async def probe() -> bool:
    """Whether the pool's worker has discord.py loaded."""
    async with DigestPool(1) as pool:
        return await asyncio.wait_for(pool.run(is_loaded, "discord"), 120)


def main() -> int:
    """Print the worker's answer."""
    print(asyncio.run(probe()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
