"""`/summarize url [private]` and the "Summarize links" message menu: digests on request."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import SkimBot
from bot.cogs.dismiss import dismiss_view
from bot.digests import LinkOutcome, failure_reason
from bot.links import find_links
from bot.render import CONTENT_LIMIT, OutgoingMessage, plain_text, truncate
from bot.replies import effective_settings, post_digests, settings_for
from bot.store import GuildSettings, StoreUnavailable
from summarizer import InvalidUrl
from summarizer.net.urls import canonical_url

log = logging.getLogger(__name__)

SLOW_DOWN = "Slow down: Skim digests a few links a minute per person. Try again shortly."
BUSY = "Slow down: Skim is busy with other links in this server. Try again in a moment."
NOT_A_LINK = "That is not a web link: give Skim an http(s) URL to an article."
NO_LINKS = "That message has no article links Skim can read."
# Slots are per server; commands used outside one (DMs) share this key.
NO_GUILD = 0


def link_from_option(text: str) -> str | None:
    """The URL a user typed into `/summarize` (angle brackets allowed), or None if it is not one."""
    candidate = text.strip().removeprefix("<").removesuffix(">").strip()
    try:
        canonical_url(candidate)
    except InvalidUrl:
        return None
    return candidate


def failures_text(outcomes: list[LinkOutcome]) -> str:
    """One line per failed link: `Could not digest <url>: reason`."""
    lines = [
        f"Could not digest <{outcome.url}>: {plain_text(failure_reason(outcome.error))}"
        for outcome in outcomes
        if outcome.error is not None
    ]
    return truncate("\n".join(lines), CONTENT_LIMIT)


class SummarizeCommands(commands.Cog):
    """Digests asked for by a user: answers within Discord's 3 s by deferring, then edits."""

    def __init__(self, bot: SkimBot) -> None:
        self.bot = bot
        # Context menus cannot be declared on a cog class; build it here and add it to the tree.
        self.menu = app_commands.ContextMenu(
            name="Summarize links", callback=self.summarize_links_menu
        )
        self.bot.tree.add_command(self.menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.menu.name, type=self.menu.type)

    @app_commands.command(name="summarize", description="Digest an article: key claims and tags")
    @app_commands.describe(url="The article's link", private="Show the digest only to you")
    async def summarize(
        self, interaction: discord.Interaction[Any], url: str, private: bool = False
    ) -> None:
        """Digest one link on request; `private` keeps it to the asker."""
        link = link_from_option(url)
        if link is None:
            await interaction.response.send_message(NOT_A_LINK, ephemeral=True)
            return
        await self._digest_for(interaction, [link], private=private)

    async def summarize_links_menu(
        self, interaction: discord.Interaction[Any], message: discord.Message
    ) -> None:
        """Digest the links of any message, privately; works without the message-content intent."""
        try:
            settings = await settings_for(
                self.bot.store, self.bot.settings.replies, interaction.guild_id
            )
        except StoreUnavailable as error:
            log.warning("the menu uses the default link cap: %s", error.problem)
            settings = effective_settings(self.bot.settings.replies, GuildSettings())
        links = find_links(message.content)[: settings.max_links]
        if not links:
            await interaction.response.send_message(NO_LINKS, ephemeral=True)
            return
        await self._digest_for(interaction, links, private=True)

    async def _digest_for(
        self, interaction: discord.Interaction[Any], links: list[str], *, private: bool
    ) -> None:
        """Limits, then defer within Discord's 3 s, then digest and answer."""
        guild_key = interaction.guild_id if interaction.guild_id is not None else NO_GUILD
        async with self.bot.guild_slots.slot(guild_key) as granted:
            if not granted:
                await interaction.response.send_message(BUSY, ephemeral=True)
                return
            taken = await self.bot.cooldown.take(
                interaction.user.id, len(links), all_or_nothing=True
            )
            if taken < len(links):
                await interaction.response.send_message(SLOW_DOWN, ephemeral=True)
                return
            await interaction.response.defer(ephemeral=private, thinking=True)
            outcomes = await self.bot.digests.digest_links(links)
            await self._answer(interaction, outcomes, private=private)

    async def _answer(
        self, interaction: discord.Interaction[Any], outcomes: list[LinkOutcome], *, private: bool
    ) -> None:
        """Edit the deferred response with the digests (more messages as followups)."""
        failures = failures_text(outcomes)
        if not any(outcome.digest is not None for outcome in outcomes):
            await self._fail(interaction, failures, private=private)
            return
        none = discord.AllowedMentions.none()

        async def send(outgoing: OutgoingMessage, number: int) -> discord.Message:
            view = discord.utils.MISSING if private else dismiss_view(interaction.user.id)
            if number == 0:
                return await interaction.edit_original_response(
                    content=failures or None,
                    embeds=outgoing.embeds,
                    view=view,
                    allowed_mentions=none,
                )
            return await interaction.followup.send(
                embeds=outgoing.embeds,
                view=view,
                ephemeral=private,
                allowed_mentions=none,
                wait=True,
            )

        settings = await settings_for(
            self.bot.store, self.bot.settings.replies, interaction.guild_id
        )
        await post_digests(
            outcomes,
            send,
            store=self.bot.store,
            guild_id=interaction.guild_id,
            poster_id=interaction.user.id,
            archive=not private,
            card_sections=settings.card_sections,
        )

    async def _fail(
        self, interaction: discord.Interaction[Any], reason: str, *, private: bool
    ) -> None:
        """Show the reason to the asker only: a public "thinking…" is replaced by a private note."""
        none = discord.AllowedMentions.none()
        if private:
            await interaction.edit_original_response(content=reason, allowed_mentions=none)
            return
        try:
            await interaction.delete_original_response()
        except discord.HTTPException:
            log.warning("could not delete the public placeholder of interaction %s", interaction.id)
        await interaction.followup.send(reason, ephemeral=True, allowed_mentions=none)


async def setup(bot: SkimBot) -> None:
    """Add /summarize and the "Summarize links" menu."""
    await bot.add_cog(SummarizeCommands(bot))
