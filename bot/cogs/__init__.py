"""The bot's features, one per module; each module's `setup(bot)` adds its cog."""
