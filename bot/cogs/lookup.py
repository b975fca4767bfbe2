"""`/skim search query` and `/skim recent`: this server's archive of digests, and only its own."""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.client import SkimBot
from bot.render import ListedDigest, escape_text, listing_embed, truncate
from bot.store import ArchivedDigest

log = logging.getLogger(__name__)

SEARCH_RESULTS = 5
RECENT_RESULTS = 10
QUERY_IN_TITLE = 80


def listed(rows: list[ArchivedDigest]) -> list[ListedDigest]:
    """Archive rows as the listing shows them."""
    return [ListedDigest(headline=row.headline, url=row.url, jump_url=row.jump_url) for row in rows]


@app_commands.guild_only()
class Lookup(commands.GroupCog, group_name="skim", group_description="Skim's digests here"):
    """The `/skim` group: lookups here; admin.py adds the `settings` subgroup."""

    def __init__(self, bot: SkimBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="search", description="Search this server's earlier digests")
    @app_commands.describe(query="Words from a headline, subheading, claim or tag")
    async def search(self, interaction: discord.Interaction[Any], query: str) -> None:
        """Top matches in this server's archive, privately."""
        if interaction.guild_id is None:
            return
        rows = await self.bot.store.search(interaction.guild_id, query, limit=SEARCH_RESULTS)
        title = (
            f"Digests matching “{truncate(escape_text(' '.join(query.split())), QUERY_IN_TITLE)}”"
        )
        embed = listing_embed(title, listed(rows), "No digest in this server matches that.")
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )

    @app_commands.command(name="recent", description="This server's latest digests")
    async def recent(self, interaction: discord.Interaction[Any]) -> None:
        """This server's latest digests, privately."""
        if interaction.guild_id is None:
            return
        rows = await self.bot.store.recent(interaction.guild_id, limit=RECENT_RESULTS)
        embed = listing_embed("Latest digests", listed(rows), "Skim has posted no digest here yet.")
        await interaction.response.send_message(
            embed=embed, ephemeral=True, allowed_mentions=discord.AllowedMentions.none()
        )


async def setup(bot: SkimBot) -> None:
    """Add the /skim group with its lookups."""
    await bot.add_cog(Lookup(bot))
