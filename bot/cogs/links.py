"""Auto-digest: reply to a message's article links with their digests, quietly.

An edit that adds links is answered like a new message, once: a message gets one reply at
most, so editing a message that already has its digests posts nothing new.
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from collections.abc import AsyncIterator

import discord
from discord.ext import commands

from bot.client import SkimBot
from bot.digests import LinkOutcome
from bot.links import find_links
from bot.payload import reply_arguments
from bot.render import OutgoingMessage
from bot.replies import EffectiveSettings, post_digests, settings_for
from bot.store import StoreUnavailable
from summarizer import FetchTimeout, HttpStatusError, TooLarge, TooManyRedirects
from summarizer.net.urls import canonical_url

log = logging.getLogger(__name__)

WARNING_REACTION = "⚠️"
# Failures worth a ⚠️: the page exists but is broken. Not-an-article, not-HTML, invalid and
# blocked links stay silent: they are common in chat and nobody asked Skim about them.
_WARN_ON = (HttpStatusError, FetchTimeout, TooLarge, TooManyRedirects)
_USER_MESSAGE_TYPES = frozenset({discord.MessageType.default, discord.MessageType.reply})
# Messages Skim has replied to, remembered so an edit never brings a second reply. Edits are only
# followed for messages in discord.py's message cache (its last 1000), so this covers them all.
ANSWERED_MEMORY = 2000


def auto_digest_allowed(settings: EffectiveSettings, channel: discord.abc.Messageable) -> bool:
    """Whether the server's auto mode lets Skim answer in this channel (or thread) on its own."""
    if settings.auto_mode == "all":
        return True
    if settings.auto_mode == "off":
        return False
    channel_id = getattr(channel, "id", None)
    parent_id = getattr(channel, "parent_id", None)
    return channel_id in settings.channel_ids or parent_id in settings.channel_ids


@contextlib.asynccontextmanager
async def typing_in(channel: discord.abc.Messageable) -> AsyncIterator[None]:
    """Show "typing…" while the block runs; a typing indicator that fails is no reason to stop."""
    indicator = channel.typing()
    try:
        await indicator.__aenter__()
    except discord.HTTPException:
        log.debug("could not show typing in %s", getattr(channel, "id", "?"))
        yield
        return
    try:
        yield
    finally:
        await indicator.__aexit__(None, None, None)


class AutoDigest(commands.Cog):
    """Answers messages that share article links, within the server's settings and limits."""

    def __init__(self, bot: SkimBot) -> None:
        self.bot = bot
        self._answered: OrderedDict[int, None] = OrderedDict()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        """A new message: its links."""
        await self._guarded(message, find_links(message.content))

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        """An edit that adds links gets their digests, unless the message already has a reply.

        Only messages discord.py still has in its cache are followed: for the others (older, or
        sent before a restart) nobody can tell which links are new.
        """
        before = payload.cached_message
        if before is None or payload.message_id in self._answered:
            return
        known = {canonical_url(link) for link in find_links(before.content)}
        added = [
            link for link in find_links(payload.message.content) if canonical_url(link) not in known
        ]
        if added:
            await self._guarded(payload.message, added)

    async def _guarded(self, message: discord.Message, links: list[str]) -> None:
        """The error boundary: one bad message or page never reaches discord.py."""
        try:
            await self.handle(message, links)
        except Exception:
            log.exception(
                "auto-digest failed (guild %s, channel %s, message %s)",
                message.guild.id if message.guild else None,
                message.channel.id,
                message.id,
            )

    async def handle(self, message: discord.Message, links: list[str]) -> None:
        """Message and its links -> checks -> digests -> one reply (or nothing, or a ⚠️)."""
        if message.author.bot or message.webhook_id is not None or message.guild is None:
            return  # never answer bots, webhooks (Skim included) or DMs
        if message.type not in _USER_MESSAGE_TYPES:
            return
        if not links:
            return
        guild_id = message.guild.id
        try:
            settings = await settings_for(self.bot.store, self.bot.settings.replies, guild_id)
        except StoreUnavailable as error:
            # Whether Skim may speak here is the server's setting: unknown, it stays quiet.
            log.warning("skipped message %s: %s", message.id, error.problem)
            return
        if not auto_digest_allowed(settings, message.channel):
            return
        links = links[: settings.max_links]
        async with self.bot.guild_slots.slot(guild_id) as granted:
            if not granted:
                log.info(
                    "guild %s is at its concurrency cap; skipped message %s", guild_id, message.id
                )
                return
            allowed = await self.bot.cooldown.take(message.author.id, len(links))
            if allowed < len(links):
                log.info(
                    "user %s is over the link cooldown; digesting %d of %d links",
                    message.author.id,
                    allowed,
                    len(links),
                )
            if allowed == 0:
                return
            # Marked before the digests are made, so an edit meanwhile brings no second reply.
            self._remember_answered(message.id)
            sent = 0
            try:
                async with typing_in(message.channel):
                    outcomes = await self.bot.digests.digest_links(links[:allowed])
                sent = await self._reply(message, outcomes, settings)
            finally:
                if not sent:
                    self._answered.pop(message.id, None)

    async def _reply(
        self, message: discord.Message, outcomes: list[LinkOutcome], settings: EffectiveSettings
    ) -> int:
        """Reply with the digests that worked; at most one ⚠️ for broken pages. Returns how
        many messages were sent."""
        if any(isinstance(outcome.error, _WARN_ON) for outcome in outcomes):
            with contextlib.suppress(discord.HTTPException):
                await message.add_reaction(WARNING_REACTION)

        async def send(outgoing: OutgoingMessage, number: int) -> discord.Message:
            return await message.channel.send(
                reference=message.to_reference(fail_if_not_exists=False),
                **reply_arguments(outgoing, message.author.id),
            )

        return await post_digests(
            outcomes,
            send,
            store=self.bot.store,
            guild_id=message.guild.id if message.guild else None,
            poster_id=message.author.id,
            card_sections=settings.card_sections,
        )

    def _remember_answered(self, message_id: int) -> None:
        self._answered[message_id] = None
        while len(self._answered) > ANSWERED_MEMORY:
            self._answered.popitem(last=False)


async def setup(bot: SkimBot) -> None:
    """Add the auto-digest listener."""
    await bot.add_cog(AutoDigest(bot))
