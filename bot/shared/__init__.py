"""State shared by every shard and process through Redis (SKIM_REDIS_URL): the digest cache,
the "not an article" memory, the one-fetch-per-page flight, the abuse limits and health.

Each part implements an interface the bot already uses (bot/digests.py, bot/limits.py) and
falls back to this process's own memory while Redis cannot be reached.
"""
