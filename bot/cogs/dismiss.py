"""The 🗑 button under every digest: the poster or a moderator can remove the digest.

The button's custom_id carries the poster (`skim:dismiss:<user id>`) and clicks are matched on it,
not on a view kept in memory, so buttons keep working after a restart.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import discord
from discord.ext import commands

from bot.client import SkimBot

log = logging.getLogger(__name__)

DISMISS_PREFIX = "skim:dismiss:"
DISMISS_ID = re.compile(r"skim:dismiss:(?P<poster_id>[0-9]{1,20})")
DISMISS_REFUSAL = "Only the poster or a moderator can remove this."


def dismiss_custom_id(poster_id: int) -> str:
    """The stable custom_id of a digest's 🗑 button."""
    return f"{DISMISS_PREFIX}{poster_id}"


def dismiss_view(poster_id: int) -> discord.ui.View:
    """A view holding only the 🗑 button, to send with a digest.

    It is stopped before it is sent so discord.py does not keep it in memory forever: clicks
    are handled by `Dismiss.on_interaction`, which needs nothing but the custom_id.
    """
    view = discord.ui.View(timeout=None)
    view.add_item(
        discord.ui.Button(
            style=discord.ButtonStyle.secondary,
            emoji="🗑",
            custom_id=dismiss_custom_id(poster_id),
        )
    )
    view.stop()
    return view


def may_dismiss(interaction: discord.Interaction[Any], poster_id: int) -> bool:
    """The original poster, or anyone allowed to manage messages in that channel."""
    return interaction.user.id == poster_id or interaction.permissions.manage_messages


class Dismiss(commands.Cog):
    """Deletes a digest when its 🗑 button is pressed by someone allowed to."""

    def __init__(self, bot: SkimBot) -> None:
        self.bot = bot

    @commands.Cog.listener()
    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """Handle 🗑 clicks (found by custom_id, so old buttons work after restarts)."""
        if interaction.type is not discord.InteractionType.component:
            return
        data: Any = interaction.data or {}  # a union of TypedDicts; only components have it
        custom_id = str(data.get("custom_id", ""))
        match = DISMISS_ID.fullmatch(custom_id)
        if match is None:
            return
        try:
            await self._dismiss(interaction, int(match["poster_id"]))
        except Exception:
            log.exception(
                "dismiss failed (guild %s, channel %s, user %s)",
                interaction.guild_id,
                interaction.channel_id,
                interaction.user.id,
            )

    async def _dismiss(self, interaction: discord.Interaction[Any], poster_id: int) -> None:
        """Delete the digest for its poster or a moderator; refuse anyone else privately."""
        if not may_dismiss(interaction, poster_id):
            await interaction.response.send_message(DISMISS_REFUSAL, ephemeral=True)
            return
        message = interaction.message
        if message is None:
            await interaction.response.send_message("That digest is already gone.", ephemeral=True)
            return
        await interaction.response.defer()
        await message.delete()
        log.info("digest %s dismissed by %s", message.id, interaction.user.id)
        await self.bot.store.forget_message(message.id)


async def setup(bot: SkimBot) -> None:
    """Add the dismiss handler."""
    await bot.add_cog(Dismiss(bot))
