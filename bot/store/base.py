"""What every store offers the bot (the digest cache, the per-server archive with search, server
settings), the rows it hands back, and the errors it raises, whichever database holds them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from bot.config import AutoMode
from summarizer.model import Digest

# At most this many words of a search are used; the rest of a pasted paragraph is ignored.
SEARCH_WORDS_MAX = 16
SEARCH_WORD = re.compile(r"\w+", re.UNICODE)


class StoreError(Exception):
    """The database cannot be used: `problem` says what is wrong, `fix` what to do, in a line."""

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.fix = fix

    @property
    def line(self) -> str:
        """The problem and its fix-it, as `python -m bot` prints it."""
        return f"{self.problem}. {self.fix}." if self.fix else f"{self.problem}."


class StoreUnavailable(StoreError):
    """The database server cannot be reached right now (it may come back: try again later)."""


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """A server's own settings; None means "use the bot-wide default"."""

    auto_mode: AutoMode | None = None
    max_links: int | None = None
    channel_ids: frozenset[int] = frozenset()
    card_sections: int | None = None


@dataclass(frozen=True, slots=True)
class ArchivedDigest:
    """One digest Skim posted in a server: where, for whom, and what."""

    guild_id: int
    channel_id: int
    message_id: int
    poster_id: int
    url: str
    headline: str
    created_at: float

    @property
    def jump_url(self) -> str:
        """The link that opens the digest message in Discord."""
        return f"https://discord.com/channels/{self.guild_id}/{self.channel_id}/{self.message_id}"


@dataclass(frozen=True, slots=True)
class SearchFields:
    """What search looks in, weighted headline > subheadings and tags > claims."""

    headline: str
    subheadings: str
    claims: str
    tags: str

    @classmethod
    def of(cls, digest: Digest) -> SearchFields:
        """The searchable text of a digest."""
        return cls(
            headline=digest.title,
            subheadings=" \n".join(s.heading for s in digest.sections if s.heading),
            claims=" \n".join(claim for s in digest.sections for claim in s.claims),
            tags=" ".join(digest.tags),
        )


def search_words(text: str) -> list[str]:
    """The words of a user's search (punctuation and query syntax are not words)."""
    return SEARCH_WORD.findall(text)[:SEARCH_WORDS_MAX]


class Store(Protocol):
    """The bot's database. Every write is committed before the call returns, so whatever the
    bot acknowledged survives a kill -9; reads and writes raise StoreUnavailable while a
    database server cannot be reached."""

    @property
    def where(self) -> str:
        """The database, for logs (never a password)."""
        ...

    async def open(self) -> None:
        """Connect, check the database and bring its schema up to date; StoreError if unusable."""
        ...

    async def close(self) -> None:
        """Disconnect; safe to call twice."""
        ...

    async def cached_digest(self, canonical_url: str, ttl_seconds: float) -> Digest | None:
        """The cached digest of a page, if it is younger than `ttl_seconds`."""
        ...

    async def cache_digest(self, canonical_url: str, digest: Digest) -> None:
        """Remember a page's digest (replacing an older one)."""
        ...

    async def purge_cache(self, ttl_seconds: float) -> int:
        """Drop expired cache rows; returns how many went."""
        ...

    async def archive_digest(
        self,
        *,
        guild_id: int,
        channel_id: int,
        message_id: int,
        poster_id: int,
        url: str,
        digest: Digest,
    ) -> None:
        """Record a posted digest and index it for search, in one transaction."""
        ...

    async def forget_message(self, message_id: int) -> int:
        """Drop the archive rows of a deleted digest message; returns how many went."""
        ...

    async def search(self, guild_id: int, query: str, limit: int = 5) -> list[ArchivedDigest]:
        """This server's archived digests best matching `query` (never another server's)."""
        ...

    async def recent(self, guild_id: int, limit: int = 10) -> list[ArchivedDigest]:
        """This server's latest archived digests, newest first."""
        ...

    async def guild_settings(self, guild_id: int) -> GuildSettings:
        """A server's settings (defaults when it never changed any)."""
        ...

    async def set_auto_mode(self, guild_id: int, mode: AutoMode) -> None:
        """Set when Skim answers links on its own in this server."""
        ...

    async def set_max_links(self, guild_id: int, max_links: int) -> None:
        """Set how many links of one message Skim digests in this server."""
        ...

    async def set_card_sections(self, guild_id: int, sections: int) -> None:
        """Set how many sections this server's cards show."""
        ...

    async def add_channel(self, guild_id: int, channel_id: int) -> bool:
        """List a channel for `channels` mode; False if it was listed already."""
        ...

    async def remove_channel(self, guild_id: int, channel_id: int) -> bool:
        """Unlist a channel; False if it was not listed."""
        ...


SETTING_COLUMNS = ("auto_mode", "max_links", "card_sections")


def checked_setting(column: str) -> str:
    """A settings column name, refused unless it is one (it is put into SQL text)."""
    if column not in SETTING_COLUMNS:
        raise ValueError(f"unknown setting {column!r}")
    return column


def auto_mode_of(value: object) -> AutoMode | None:
    """A stored auto mode, or None for anything this version does not know."""
    if value == "all":
        return "all"
    if value == "channels":
        return "channels"
    if value == "off":
        return "off"
    return None
