"""The one path that posts digests: a server's effective settings, sending, archiving."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass

import discord

from bot.config import AutoMode, ReplySettings
from bot.digests import LinkOutcome
from bot.render import OutgoingMessage, plan_messages
from bot.store import GuildSettings, Store, StoreUnavailable
from summarizer.model import DEFAULT_CARD_SECTIONS

log = logging.getLogger(__name__)

# Sends one planned message; `number` is its place in the reply (0 for the first).
SendMessage = Callable[[OutgoingMessage, int], Awaitable[discord.Message]]


@dataclass(frozen=True, slots=True)
class EffectiveSettings:
    """What applies in one server: its own settings where it has them, else the bot's."""

    auto_mode: AutoMode
    max_links: int
    channel_ids: frozenset[int]
    card_sections: int = DEFAULT_CARD_SECTIONS


def effective_settings(defaults: ReplySettings, guild: GuildSettings) -> EffectiveSettings:
    """The server's setting, else the bot's default, for each setting."""
    return EffectiveSettings(
        auto_mode=guild.auto_mode or defaults.auto_mode,
        max_links=guild.max_links or defaults.max_links_per_message,
        channel_ids=guild.channel_ids,
        card_sections=guild.card_sections or defaults.card_sections,
    )


async def settings_for(
    store: Store, defaults: ReplySettings, guild_id: int | None
) -> EffectiveSettings:
    """The effective settings of a server (the bot's defaults outside one)."""
    guild = await store.guild_settings(guild_id) if guild_id is not None else GuildSettings()
    return effective_settings(defaults, guild)


async def post_digests(
    outcomes: Sequence[LinkOutcome],
    send: SendMessage,
    *,
    store: Store,
    guild_id: int | None,
    poster_id: int,
    archive: bool = True,
    card_sections: int = DEFAULT_CARD_SECTIONS,
) -> int:
    """Send the digests of the outcomes that have one, packed into as few messages as Discord
    allows (each card showing `card_sections` sections), and archive each (unless `archive` is
    False). Returns how many messages were sent."""
    done = [outcome for outcome in outcomes if outcome.digest is not None]
    digests = [outcome.digest for outcome in done if outcome.digest is not None]
    messages = plan_messages(digests, sections=card_sections)
    for number, outgoing in enumerate(messages):
        sent = await send(outgoing, number)
        if archive:
            for index in outgoing.digest_indexes:
                await archive_reply(
                    store, guild_id=guild_id, poster_id=poster_id, sent=sent, outcome=done[index]
                )
    return len(messages)


async def archive_reply(
    store: Store,
    *,
    guild_id: int | None,
    poster_id: int,
    sent: discord.Message,
    outcome: LinkOutcome,
) -> None:
    """Record a posted digest for /skim search; a failure is logged, never shown to anyone."""
    if guild_id is None or outcome.digest is None:
        return
    try:
        await store.archive_digest(
            guild_id=guild_id,
            channel_id=sent.channel.id,
            message_id=sent.id,
            poster_id=poster_id,
            url=outcome.digest.url or outcome.url,
            digest=outcome.digest,
        )
    except StoreUnavailable as error:
        log.warning(
            "could not archive the digest of %s (message %s): %s",
            outcome.url,
            sent.id,
            error.problem,
        )
    except Exception:
        log.exception("could not archive the digest of %s (message %s)", outcome.url, sent.id)
