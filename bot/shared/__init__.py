"""State shared by every shard and process through Redis (SKIM_REDIS_URL): the digest cache,
the "not an article" memory, the one-fetch-per-page flight, the abuse limits and health.

Each part implements an interface the bot already uses (bot/digests.py, bot/limits.py) and
falls back to this process's own memory while Redis cannot be reached.

Only `SharedStateError` lives here: the bot catches it whether or not Redis is configured, and
importing it must not load the Redis client (about 6 MB), which a bot without Redis never uses.
"""


class SharedStateError(Exception):
    """Redis refused Skim in a way no retry fixes (a wrong password): one line with the fix."""
