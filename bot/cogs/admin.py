"""`/skim settings …`: a server's auto mode, listed channels, link cap and sections per card
(Manage Server only)."""

from __future__ import annotations

import logging
from typing import Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import SkimBot
from bot.config import MAX_LINKS_CEILING
from bot.replies import EffectiveSettings, settings_for
from summarizer.model import MAX_CARD_SECTIONS

log = logging.getLogger(__name__)

MANAGE_SERVER_ONLY = "Only members with the Manage Server permission can change Skim's settings."

_MODE_MEANING = {
    "all": "answers links in every channel",
    "channels": "answers links only in the listed channels",
    "off": "answers only /summarize and the “Summarize links” menu",
}


def describe_settings(settings: EffectiveSettings) -> str:
    """The server's effective settings in a few lines."""
    mode, links = settings.auto_mode, settings.max_links
    channels = " ".join(f"<#{channel_id}>" for channel_id in sorted(settings.channel_ids)) or "none"
    return (
        f"Auto mode: **{mode}** ({_MODE_MEANING[mode]})\n"
        f"Listed channels: {channels}\n"
        f"Links per message: **{links}**\n"
        f"Sections per card: **{settings.card_sections}**"
    )


class SettingsCommands(app_commands.Group):
    """`/skim settings`: checked at run time too, since Discord cannot gate a subgroup alone."""

    def __init__(self, bot: SkimBot) -> None:
        super().__init__(name="settings", description="Skim's settings for this server")
        self.bot = bot

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        """Manage Server only, refused with an ephemeral line (Discord cannot gate subgroups)."""
        if interaction.guild_id is not None and interaction.permissions.manage_guild:
            return True
        await interaction.response.send_message(MANAGE_SERVER_ONLY, ephemeral=True)
        return False

    async def _reply(self, interaction: discord.Interaction[Any], text: str) -> None:
        await interaction.response.send_message(
            text, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )

    def _guild(self, interaction: discord.Interaction[Any]) -> int:
        if interaction.guild_id is None:  # interaction_check refuses these; mypy cannot know
            raise app_commands.NoPrivateMessage()
        return interaction.guild_id

    @app_commands.command(name="show", description="Show Skim's settings here")
    async def show(self, interaction: discord.Interaction[Any]) -> None:
        """Show the server's effective settings."""
        settings = await settings_for(
            self.bot.store, self.bot.settings.replies, self._guild(interaction)
        )
        await self._reply(interaction, describe_settings(settings))

    @app_commands.command(name="auto", description="When Skim answers links on its own")
    @app_commands.describe(mode="all channels, only listed channels, or off")
    async def auto(
        self, interaction: discord.Interaction[Any], mode: Literal["all", "channels", "off"]
    ) -> None:
        """Set the server's auto mode."""
        guild_id = self._guild(interaction)
        await self.bot.store.set_auto_mode(guild_id, mode)
        log.info("guild %s: auto mode set to %s by %s", guild_id, mode, interaction.user.id)
        await self._reply(interaction, f"Auto mode is now **{mode}**: Skim {_MODE_MEANING[mode]}.")

    @app_commands.command(name="channel-add", description="List a channel for auto mode `channels`")
    async def channel_add(
        self,
        interaction: discord.Interaction[Any],
        channel: discord.TextChannel | discord.Thread,
    ) -> None:
        """List a channel (its threads included) for `channels` mode."""
        added = await self.bot.store.add_channel(self._guild(interaction), channel.id)
        state = "is now listed" if added else "was already listed"
        await self._reply(interaction, f"<#{channel.id}> {state}.")

    @app_commands.command(name="channel-remove", description="Unlist a channel")
    async def channel_remove(
        self,
        interaction: discord.Interaction[Any],
        channel: discord.TextChannel | discord.Thread,
    ) -> None:
        """Unlist a channel."""
        removed = await self.bot.store.remove_channel(self._guild(interaction), channel.id)
        state = "is no longer listed" if removed else "was not listed"
        await self._reply(interaction, f"<#{channel.id}> {state}.")

    @app_commands.command(name="max-links", description="How many links of one message to digest")
    @app_commands.describe(n=f"1 to {MAX_LINKS_CEILING}")
    async def max_links(
        self,
        interaction: discord.Interaction[Any],
        n: app_commands.Range[int, 1, MAX_LINKS_CEILING],
    ) -> None:
        """Set how many links of one message are digested."""
        await self.bot.store.set_max_links(self._guild(interaction), n)
        await self._reply(interaction, f"Skim now digests at most **{n}** links per message.")

    @app_commands.command(name="sections", description="How many sections a digest card shows")
    @app_commands.describe(n=f"1 to {MAX_CARD_SECTIONS}")
    async def sections(
        self,
        interaction: discord.Interaction[Any],
        n: app_commands.Range[int, 1, MAX_CARD_SECTIONS],
    ) -> None:
        """Set how many sections this server's cards show (the rest are counted)."""
        await self.bot.store.set_card_sections(self._guild(interaction), n)
        await self._reply(interaction, f"Digest cards now show at most **{n}** sections.")


class Admin(commands.Cog):
    """Holds the settings subgroup so it is removed with the extension."""

    def __init__(self, bot: SkimBot) -> None:
        self.bot = bot
        self.group = SettingsCommands(bot)


async def setup(bot: SkimBot) -> None:
    """Add `/skim settings` under the `/skim` group the lookup cog created."""
    skim = bot.tree.get_command("skim")
    if not isinstance(skim, app_commands.Group):
        raise RuntimeError("bot.cogs.lookup must be loaded before bot.cogs.admin")
    cog = Admin(bot)
    skim.add_command(cog.group)
    await bot.add_cog(cog)
