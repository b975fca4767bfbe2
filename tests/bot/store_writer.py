"""A child process for test_store_durability.py: writes settings and archived digests to the
store named on the command line as fast as it can, printing `ack N` after each write returns,
until it is killed. Run as `python -m tests.bot.store_writer sqlite PATH|postgres URL START`."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.store import PostgresStore, SqliteStore, Store, StoreUnavailable
from tests.bot.test_store import make_digest


async def write_forever(store: Store, start: int) -> None:
    await store.open()
    print("open", flush=True)
    number = start
    while True:
        try:
            if number % 2:
                await store.set_max_links(number, 1 + number % 10)
            else:
                await store.archive_digest(
                    guild_id=number,
                    channel_id=1,
                    message_id=number,
                    poster_id=2,
                    url=f"https://news.example/{number}",
                    digest=make_digest(f"Story {number}"),
                )
        except StoreUnavailable:
            await asyncio.sleep(0.05)  # the server is down: this write was never acknowledged
            continue
        print(f"ack {number}", flush=True)
        number += 1


def main() -> None:
    backend, target, start = sys.argv[1], sys.argv[2], int(sys.argv[3])
    store: Store = SqliteStore(Path(target)) if backend == "sqlite" else PostgresStore(target)
    asyncio.run(write_forever(store, start))


if __name__ == "__main__":
    main()
