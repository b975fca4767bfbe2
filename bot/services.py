"""What the bot works with: the store, the digest service (fetcher and worker pool) and the
abuse limits, opened once and closed in reverse order, as discord.py's advanced start-up does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass

from bot.config import Settings
from bot.digests import DigestService
from bot.limits import GuildConcurrency, UserCooldown
from bot.pool import DigestPool
from bot.store import Store
from summarizer.net.fetcher import Fetcher

COOLDOWN_WINDOW_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Services:
    """The bot's resources; `open_services` owns their lifetime, the bot only uses them."""

    store: Store
    digests: DigestService
    cooldown: UserCooldown
    guild_slots: GuildConcurrency


@asynccontextmanager
async def open_services(settings: Settings) -> AsyncIterator[Services]:
    """Open the database, the shared fetcher and the worker pool; close them on the way out.

    Raises StoreError (one line) when the database cannot be used.
    """
    async with AsyncExitStack() as stack:
        store = await stack.enter_async_context(Store(settings.store.db_path))
        fetcher = await stack.enter_async_context(Fetcher(settings.fetch))
        pool = await stack.enter_async_context(DigestPool(settings.workers.workers))
        digests = DigestService(
            store, fetcher, pool, cache_ttl_seconds=settings.store.cache_ttl_seconds
        )
        stack.push_async_callback(digests.close)  # in-flight digests end before the pool does
        yield Services(
            store=store,
            digests=digests,
            cooldown=UserCooldown(settings.replies.user_links_per_minute, COOLDOWN_WINDOW_SECONDS),
            guild_slots=GuildConcurrency(settings.replies.guild_concurrency),
        )
