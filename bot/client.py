"""SkimBot: the discord.py Bot subclass that wires settings, storage, fetching and the cogs."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import discord
import yarl
from discord.ext import commands

from bot.config import DiscordSettings, Settings
from bot.digests import DigestService
from bot.limits import Cooldown, GuildSlots
from bot.pool import return_large_blocks
from bot.services import Services
from bot.shared import health
from bot.store import Store, StoreUnavailable

log = logging.getLogger(__name__)

# Loaded in this order: admin adds its `/skim settings` subgroup to lookup's `/skim` group.
EXTENSIONS = (
    "bot.cogs.dismiss",
    "bot.cogs.links",
    "bot.cogs.commands",
    "bot.cogs.lookup",
    "bot.cogs.admin",
)
LAG_SAMPLE_SECONDS = 0.05
# After the gateway task died on an unexpected error: wait this long, doubling while the errors
# keep coming (up to the cap), back to the start once a connection has held for a while.
RECONNECT_DELAY_SECONDS = 1.0
RECONNECT_DELAY_CAP_SECONDS = 60.0
CACHE_PURGE_SECONDS = 3600.0
IDENTIFY_SPACING_SECONDS = 5.0  # Discord's window for max_concurrency IDENTIFYs
STORE_UNAVAILABLE = (
    "Skim's archive is unavailable right now (its database cannot be reached); "
    "try again in a minute."
)

# Failures that no reconnect can fix; they go up to `python -m bot` as one-line fix-its.
_FATAL_CONNECT_ERRORS: tuple[type[BaseException], ...] = (
    discord.LoginFailure,
    discord.PrivilegedIntentsRequired,
    discord.ConnectionClosed,
    discord.GatewayNotFound,
)


def skim_intents(*, read_message_content: bool = True) -> discord.Intents:
    """Only what Skim uses: servers, their messages, and (for auto-digests) message text."""
    intents = discord.Intents.none()
    intents.guilds = True
    intents.guild_messages = True
    intents.message_content = read_message_content
    return intents


@contextlib.contextmanager
def discord_endpoints(discord_settings: DiscordSettings) -> Iterator[None]:
    """Aim discord.py at the configured REST API and gateway while the block runs.

    discord.py keeps both as class attributes (there is no per-client setting), so this is the
    one place Skim changes them, for the life of `python -m bot`, and puts them back after.
    """
    saved = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    discord.http.Route.BASE = discord_settings.api_base.rstrip("/")
    if discord_settings.gateway_url:
        discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(discord_settings.gateway_url)
    try:
        yield
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved


def freeze_start_up_objects() -> None:
    """Take everything alive after start-up (modules, discord.py, the cogs, the command tree:
    some 80,000 objects) out of the garbage collector's sight, for the life of the bot.

    A full collection walks every tracked object; over the start-up heap that is about 50 ms of
    the event loop's CPU, more than 100 ms of wall time on a busy 2-core machine, in whatever
    callback it lands (the load benchmark caught a 285 ms one). Those objects live as long as
    the process; frozen, they are still freed when their last reference goes, only their cycles
    wait for `gc.unfreeze()` (which `SkimBot.close` calls). Garbage is collected first, so none
    is kept.
    """
    gc.collect()
    gc.freeze()


class SkimBot(commands.Bot):
    """Skim on Discord: quiet (pings nobody), bounded (limits, worker pool) and hard to kill."""

    def __init__(
        self,
        settings: Settings,
        services: Services | None,
        *,
        read_message_content: bool = True,
        **options: Any,
    ) -> None:
        """`services` is None only to sync commands, which touches no page and no database."""
        super().__init__(
            command_prefix=commands.when_mentioned,
            intents=skim_intents(read_message_content=read_message_content),
            allowed_mentions=discord.AllowedMentions.none(),
            help_command=None,
            **options,
        )
        self.settings = settings
        self.services = services
        self.reads_message_content = read_message_content
        self.loop_lag_max: float = 0.0
        self._background: list[asyncio.Task[None]] = []
        self._guard_gateway_parsers()

    def _services(self) -> Services:
        if self.services is None:
            raise RuntimeError("this SkimBot was made without services (command sync only)")
        return self.services

    @property
    def store(self) -> Store:
        """The database: cache, archive and server settings."""
        return self._services().store

    @property
    def digests(self) -> DigestService:
        """Link -> digest (cache, fetcher, pool)."""
        return self._services().digests

    @property
    def cooldown(self) -> Cooldown:
        """The per-user link allowance."""
        return self._services().cooldown

    @property
    def guild_slots(self) -> GuildSlots:
        """The per-server cap on digests in flight."""
        return self._services().guild_slots

    def shard_plan(self) -> tuple[list[int], int]:
        """The shards this process runs and how many there are in all (0 of 1 unsharded)."""
        return [0], 1

    # -- start and stop -----------------------------------------------------------------------

    async def setup_hook(self) -> None:
        """Load the cogs and start the background tasks (the services are already open)."""
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        self.tree.error(self._on_app_command_error)
        freeze_start_up_objects()
        return_large_blocks()
        self._background = [asyncio.create_task(self._sample_loop_lag(), name="skim-loop-lag")]
        if self.services is not None:
            self._background.append(
                asyncio.create_task(self._purge_cache_hourly(), name="skim-cache-purge")
            )
            shared = self.services.redis
            if shared is not None:
                self._background.append(
                    asyncio.create_task(self._heartbeat(), name="skim-heartbeat")
                )
            ids, count = self.shard_plan()
            log.info(
                "Skim set up: %s, %s, %d digest workers; this process runs shard%s %s of %s",
                self.store.where,
                f"shared state in Redis at {shared.where}" if shared else "no shared state",
                self.settings.workers.workers,
                "" if len(ids) == 1 else "s",
                ",".join(map(str, ids)) if ids else "(as Discord recommends)",
                count or "(as Discord recommends)",
            )

    async def connect(self, *, reconnect: bool = True) -> None:
        """Stay connected even when discord.py lets an unexpected error end its gateway loop."""
        loop = asyncio.get_running_loop()
        delay = RECONNECT_DELAY_SECONDS
        while not self.is_closed():
            connected_at = loop.time()
            try:
                await super().connect(reconnect=reconnect)
                return
            except _FATAL_CONNECT_ERRORS:
                raise
            except Exception:
                if not reconnect or self.is_closed():
                    raise
                if loop.time() - connected_at > RECONNECT_DELAY_CAP_SECONDS:
                    delay = RECONNECT_DELAY_SECONDS  # it held for a while: a one-off, not a loop
                log.exception(
                    "the gateway connection died on an unexpected error; reconnecting in %.1fs",
                    delay,
                )
                if self.ws is not None:
                    with contextlib.suppress(Exception):
                        await self.ws.close(code=4000)
                await asyncio.sleep(delay)
                delay = min(delay * 2, RECONNECT_DELAY_CAP_SECONDS)

    async def close(self) -> None:
        """Stop the background tasks and disconnect; the services stay open for their owner."""
        for task in self._background:
            task.cancel()
        await asyncio.gather(*self._background, return_exceptions=True)
        self._background = []
        await super().close()
        gc.unfreeze()  # what start-up froze is collectable again (a bot made after this one)

    # -- resilience ---------------------------------------------------------------------------

    def _guard_gateway_parsers(self) -> None:
        """Wrap every gateway event parser so one malformed payload is logged and dropped.

        discord.py 2.7 lets a KeyError from, e.g., a MESSAGE_CREATE without "type" escape the
        parser and end the gateway task; guarded, the event is lost and the bot keeps going.
        """
        parsers: dict[str, Callable[[Any], None]] = self._connection.parsers
        for event, parse in list(parsers.items()):
            parsers[event] = _guarded_parser(event, parse)

    async def on_message(self, message: discord.Message, /) -> None:
        """Skim has no text commands: messages are the links cog's business only."""

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        """Log a failing event handler with its event name; never re-raise."""
        log.exception("unhandled error in event handler %s", event_method)

    async def _on_app_command_error(
        self, interaction: discord.Interaction[Any], error: discord.app_commands.AppCommandError
    ) -> None:
        """Log a failed command with its context; tell the user in one line, privately."""
        if isinstance(error, discord.app_commands.CheckFailure):
            return  # the check already told the user why
        cause = getattr(error, "original", error)
        if isinstance(cause, StoreUnavailable):
            log.warning("command failed: %s", cause.problem)
            with contextlib.suppress(discord.HTTPException):
                await _tell(interaction, STORE_UNAVAILABLE)
            return
        command = interaction.command.qualified_name if interaction.command else "?"
        log.error(
            "command /%s failed (guild %s, user %s)",
            command,
            interaction.guild_id,
            interaction.user.id,
            exc_info=error,
        )
        with contextlib.suppress(discord.HTTPException):
            await _tell(interaction, "Something went wrong on Skim's side; it has been logged.")

    async def _sample_loop_lag(self) -> None:
        """Record the largest event-loop lag (how late a 50 ms sleep wakes up)."""
        loop = asyncio.get_running_loop()
        while True:
            started = loop.time()
            await asyncio.sleep(LAG_SAMPLE_SECONDS)
            lag = loop.time() - started - LAG_SAMPLE_SECONDS
            if lag > self.loop_lag_max:
                self.loop_lag_max = lag
                if lag > 1.0:
                    log.warning("event loop lagged %.2fs", lag)

    async def _purge_cache_hourly(self) -> None:
        """Drop expired digests now and then, so the cache does not grow without end."""
        while True:
            try:
                purged = await self.digests.cache.purge()
                if purged:
                    log.info("purged %d expired digests from the cache", purged)
            except StoreUnavailable as error:
                log.warning("could not purge the digest cache: %s", error.problem)
            except Exception:
                log.exception("could not purge the digest cache")
            await asyncio.sleep(CACHE_PURGE_SECONDS)

    def shard_health(self) -> list[health.ShardHealth]:
        """This process's shards: connected or not, and their heartbeat latency."""
        connected = self.is_ready() and not self.is_closed()
        return [health.ShardHealth(0, connected, health.latency_ms(self.latency))]

    def process_health(self, started_at: float) -> health.ProcessHealth:
        """This process's heartbeat record."""
        _, count = self.shard_plan()
        pool = self.digests.pool
        return health.ProcessHealth(
            process=health.process_name(),
            shard_count=count or self.shard_count or 1,
            shards=self.shard_health(),
            cache_hits=self.digests.stats.hits,
            cache_misses=self.digests.stats.misses,
            workers=pool.workers,
            jobs_in_flight=pool.jobs,
            started_at=started_at,
        )

    async def _heartbeat(self) -> None:
        """Publish this process's health to Redis every few seconds, for `python -m bot status`."""
        link = self._services().redis
        assert link is not None  # started only with Redis
        started_at = time.time()
        while True:
            try:
                await health.publish(link, self.process_health(started_at))
            except Exception:
                log.exception("could not publish this process's health")
            await asyncio.sleep(health.HEARTBEAT_S)


class ShardedSkimBot(SkimBot, commands.AutoShardedBot):
    """SkimBot running the shards SKIM_SHARD_COUNT / SKIM_SHARD_IDS give this process."""

    def __init__(self, settings: Settings, services: Services | None, **options: Any) -> None:
        shards = settings.shards
        super().__init__(
            settings,
            services,
            shard_count=shards.count,
            shard_ids=list(shards.ids) if shards.ids is not None else None,
            **options,
        )
        self._identify_concurrency: int | None = None
        self._last_identify: dict[int, float] = {}

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Space IDENTIFYs as Discord asks: shards in one bucket (shard_id % max_concurrency)
        5 s apart. discord.py waits 5 s before every shard but the first, whatever the limit."""
        if self._identify_concurrency is None:
            limits = await self.fetch_session_start_limits()
            self._identify_concurrency = max(1, limits.max_concurrency)
        loop = asyncio.get_running_loop()
        bucket = (shard_id or 0) % self._identify_concurrency
        last = self._last_identify.get(bucket)
        if last is not None:
            await asyncio.sleep(max(0.0, last + IDENTIFY_SPACING_SECONDS - loop.time()))
        self._last_identify[bucket] = loop.time()

    def shard_plan(self) -> tuple[list[int], int]:
        count = self.settings.shards.count or 0
        ids = self.settings.shards.ids
        return (list(ids) if ids is not None else list(range(count))), count

    def shard_health(self) -> list[health.ShardHealth]:
        ids, _ = self.shard_plan()
        report = []
        for shard_id in ids or sorted(self.shards):
            info = self.get_shard(shard_id)
            if info is None:
                report.append(health.ShardHealth(shard_id, False, None))
            else:
                report.append(
                    health.ShardHealth(
                        shard_id, not info.is_closed(), health.latency_ms(info.latency)
                    )
                )
        return report

    async def on_shard_ready(self, shard_id: int) -> None:
        """Log each shard as it comes up (which process holds which shard, in its own log)."""
        log.info("shard %d of %s is connected", shard_id, self.shard_count)


def make_bot(
    settings: Settings, services: Services | None, *, read_message_content: bool = True
) -> SkimBot:
    """The bot the settings ask for: sharded when SKIM_SHARD_COUNT is set, else plain."""
    if settings.shards.sharded:
        return ShardedSkimBot(settings, services, read_message_content=read_message_content)
    return SkimBot(settings, services, read_message_content=read_message_content)


async def _tell(interaction: discord.Interaction[Any], text: str) -> None:
    """A private one-line answer, whether or not the interaction was answered already."""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True)
    else:
        await interaction.response.send_message(text, ephemeral=True)


def _guarded_parser(event: str, parse: Callable[[Any], None]) -> Callable[[Any], None]:
    """`parse`, but logging and dropping the event instead of raising."""

    def guarded(data: Any) -> None:
        if event == "MESSAGE_UPDATE" and isinstance(data, dict) and "author" not in data:
            # Discord sends partial updates (link previews added later: ids and embeds only);
            # discord.py 2.7 cannot build a message from one, and no text changed in it.
            log.debug("ignored a partial MESSAGE_UPDATE of message %s", data.get("id"))
            return
        try:
            parse(data)
        except Exception:
            log.exception("dropped a malformed %s gateway event", event)

    return guarded
