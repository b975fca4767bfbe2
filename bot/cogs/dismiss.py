"""The 🗑 button under every digest: the poster or a moderator can remove the digest.

The button is a `DynamicItem`: its custom_id carries the poster (`skim:dismiss:<user id>`) and
discord.py rebuilds the item from it on every click, so buttons keep working after a restart
and no view is kept in memory.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Self

import discord
from discord.ext import commands

from bot.client import SkimBot
from bot.store import StoreUnavailable

log = logging.getLogger(__name__)

DISMISS_PREFIX = "skim:dismiss:"
DISMISS_ID = re.compile(r"skim:dismiss:(?P<poster_id>[0-9]{1,20})")
DISMISS_REFUSAL = "Only the poster or a moderator can remove this."
ALREADY_GONE = "That digest is already gone."


def dismiss_custom_id(poster_id: int) -> str:
    """The stable custom_id of a digest's 🗑 button."""
    return f"{DISMISS_PREFIX}{poster_id}"


def may_dismiss(interaction: discord.Interaction[Any], poster_id: int) -> bool:
    """The original poster, or anyone allowed to manage messages in that channel."""
    return interaction.user.id == poster_id or interaction.permissions.manage_messages


class DismissButton(
    discord.ui.DynamicItem[discord.ui.Button[discord.ui.View]], template=DISMISS_ID
):
    """🗑: deletes the digest it sits under, for its poster or a moderator."""

    def __init__(self, poster_id: int) -> None:
        super().__init__(
            discord.ui.Button(
                style=discord.ButtonStyle.secondary,
                emoji="🗑",
                custom_id=dismiss_custom_id(poster_id),
            )
        )
        self.poster_id = poster_id

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[Any],
        item: discord.ui.Item[Any],
        match: re.Match[str],
        /,
    ) -> Self:
        """The button of a click, rebuilt from its custom_id."""
        return cls(int(match["poster_id"]))

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """The error boundary of a click: a failure is logged with where it happened."""
        try:
            await self._dismiss(interaction)
        except Exception:
            log.exception(
                "dismiss failed (guild %s, channel %s, user %s)",
                interaction.guild_id,
                interaction.channel_id,
                interaction.user.id,
            )

    async def _dismiss(self, interaction: discord.Interaction[Any]) -> None:
        """Delete the digest for its poster or a moderator; refuse anyone else privately."""
        if not may_dismiss(interaction, self.poster_id):
            await interaction.response.send_message(DISMISS_REFUSAL, ephemeral=True)
            return
        message = interaction.message
        if message is None:
            await interaction.response.send_message(ALREADY_GONE, ephemeral=True)
            return
        await interaction.response.defer()
        await message.delete()
        log.info("digest %s dismissed by %s", message.id, interaction.user.id)
        client = interaction.client
        if isinstance(client, SkimBot):
            try:
                await client.store.forget_message(message.id)
            except StoreUnavailable as error:
                log.warning("digest %s stays in the archive: %s", message.id, error.problem)


def dismiss_view(poster_id: int) -> discord.ui.View:
    """A view holding only the 🗑 button, to send with a digest.

    It is stopped before it is sent so discord.py does not keep it in memory forever: clicks
    reach `DismissButton` through its custom_id template alone.
    """
    view = discord.ui.View(timeout=None)
    view.add_item(DismissButton(poster_id))
    view.stop()
    return view


class Dismiss(commands.Cog):
    """Owns the 🗑 button's registration, so that it goes with the extension."""

    def __init__(self, bot: SkimBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(DismissButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(DismissButton)


async def setup(bot: SkimBot) -> None:
    """Add the dismiss button's handler."""
    await bot.add_cog(Dismiss(bot))
