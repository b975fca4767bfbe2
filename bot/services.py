"""What the bot works with: the store, the digest service (fetcher and worker pool), the abuse
limits and, with SKIM_REDIS_URL, the Redis link they share; opened once and closed in reverse
order, as discord.py's advanced start-up does."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.digests import DigestService, LocalNotArticles, StoreCache
from bot.limits import Cooldown, GuildConcurrency, GuildSlots, UserCooldown
from bot.pool import DigestPool
from bot.store import Store, store_for
from summarizer.net.fetcher import Fetcher

if TYPE_CHECKING:  # the Redis client is loaded only when SKIM_REDIS_URL is set
    from bot.shared.link import RedisLink

COOLDOWN_WINDOW_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class Services:
    """The bot's resources; `open_services` owns their lifetime, the bot only uses them."""

    store: Store
    digests: DigestService
    cooldown: Cooldown
    guild_slots: GuildSlots
    redis: RedisLink | None = None  # shared state and health, when configured


@asynccontextmanager
async def open_services(settings: Settings) -> AsyncIterator[Services]:
    """Open the database, Redis, the shared fetcher and the worker pool; close them on the way
    out.

    Raises StoreError (one line) when the database cannot be used, SharedStateError when Redis
    refuses Skim's login. A Redis that is only unreachable is not fatal: calls fall back to this
    process's own memory until it is back.
    """
    async with AsyncExitStack() as stack:
        store = store_for(settings.store)
        await store.open()
        stack.push_async_callback(store.close)
        local_cooldown = UserCooldown(
            settings.replies.user_links_per_minute, COOLDOWN_WINDOW_SECONDS
        )
        local_slots = GuildConcurrency(settings.replies.guild_concurrency)
        link: RedisLink | None = None
        redis_url = settings.redis.url
        if redis_url is not None:
            from bot.shared.link import RedisLink  # loaded only with Redis

            link = RedisLink(redis_url.get_secret_value(), settings.redis.prefix)
            stack.push_async_callback(link.close)
            await link.open()
        fetcher = await stack.enter_async_context(Fetcher(settings.fetch))
        pool = await stack.enter_async_context(DigestPool(settings.workers.workers))
        ttl = settings.store.cache_ttl_seconds
        cooldown: Cooldown = local_cooldown
        guild_slots: GuildSlots = local_slots
        if link is None:
            digests = DigestService(StoreCache(store, ttl), fetcher, pool)
        else:
            from bot.shared.cache import RedisDigestCache, RedisNotArticles
            from bot.shared.flight import RedisFlight
            from bot.shared.limits import RedisCooldown, RedisGuildSlots

            digests = DigestService(
                RedisDigestCache(link, ttl),
                fetcher,
                pool,
                not_articles=RedisNotArticles(link, LocalNotArticles()),
                flight=RedisFlight(link),
            )
            # Each falls back to this process's own limit while Redis is down.
            cooldown = RedisCooldown(link, local_cooldown)
            guild_slots = RedisGuildSlots(link, local_slots)
        stack.push_async_callback(digests.close)  # in-flight digests end before the pool does
        yield Services(
            store=store,
            digests=digests,
            cooldown=cooldown,
            guild_slots=guild_slots,
            redis=link,
        )
