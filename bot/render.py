"""Digest -> Discord embeds. Every Discord limit is enforced here, and nowhere else."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import discord
from discord.utils import escape_markdown, escape_mentions

from summarizer.model import Digest

# Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object).
TITLE_LIMIT = 256
DESCRIPTION_LIMIT = 4096
FIELDS_PER_EMBED = 25
FIELD_NAME_LIMIT = 256
FIELD_VALUE_LIMIT = 1024
FOOTER_LIMIT = 2048
EMBEDS_PER_MESSAGE = 10
CHARS_PER_MESSAGE = 6000
CONTENT_LIMIT = 2000

ELLIPSIS = "…"
CLAIM_LINK_TEXT = "↗"
# How many words of a claim start and end its text-fragment link: enough to be unique on a page.
FRAGMENT_WORDS = 4
EMBED_COLOUR = 0x4F8A8B
# Search results list at most this much of a headline, so ten results fit one description.
LISTED_HEADLINE_LIMIT = 200

_MARKDOWN_CHARS = frozenset("*_~|`")
# Inside the text of a masked link, a stray bracket would end (or nest) the link.
_LINK_TEXT_CHARS = _MARKDOWN_CHARS | frozenset("[]")
# Mentions escape_mentions leaves alone: short ids (<@&123>), channels and slash-command mentions.
_ANGLE_MENTION = re.compile(r"<(?=[@#/])")
_URL_UNSAFE = {"(": "%28", ")": "%29", " ": "%20", "<": "%3C", ">": "%3E"}


def escape_text(text: str, *, link_text: bool = False) -> str:
    """Make third-party text render as plain text: no markdown, no mention, no spoiler.

    `link_text` also escapes brackets, for text that goes inside `[...](url)`.
    """
    special = _LINK_TEXT_CHARS if link_text else _MARKDOWN_CHARS
    escaped = escape_mentions(escape_markdown(text))
    escaped = _ANGLE_MENTION.sub("<\u200b", escaped)
    # escape_markdown leaves the last of each markdown character unescaped (it only escapes
    # pairs); two pieces of text side by side could pair them up again, so escape the rest.
    out: list[str] = []
    after_backslash = False
    for char in escaped:
        if after_backslash:
            after_backslash = False
        elif char == "\\":
            after_backslash = True
        elif char in special:
            out.append("\\")
        out.append(char)
    return "".join(out)


def without_mentions(text: str) -> str:
    """For text Discord shows verbatim (embed footers render no markdown): only mentions are
    neutralised, so that "#AI_chips" does not show as "#AI\\_chips"."""
    return _ANGLE_MENTION.sub("<\u200b", escape_mentions(text))


def truncate(text: str, limit: int) -> str:
    """Cut `text` to at most `limit` characters on a word boundary, ending it with "…"."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit] if limit > 0 else ""
    cut = text[: limit - len(ELLIPSIS)]
    # Look one character further: a cut just before a space already ends on a whole word.
    reach = text[: len(cut) + 1]
    boundary = max(reach.rfind(" "), reach.rfind("\n"))
    # Only back off to a word boundary when it keeps most of the text; one huge word is cut hard.
    if boundary >= len(cut) // 2:
        cut = cut[:boundary]
    cut = cut.rstrip()
    # Never leave a lone escaping backslash at the end: it would escape the ellipsis instead.
    trailing = len(cut) - len(cut.rstrip("\\"))
    if trailing % 2:
        cut = cut[:-1]
    return cut + ELLIPSIS


def _encode_fragment_text(text: str) -> str:
    """Percent-encode one text-fragment term, including the directive's own `-`, `,` and `&`."""
    return quote(text, safe="").replace("-", "%2D")


def text_fragment_url(page_url: str, claim: str) -> str:
    """A link to `claim` inside the page: `page#:~:text=first%20words,last%20words`."""
    base = page_url.split("#", 1)[0]
    words = claim.split()
    if len(words) <= 2 * FRAGMENT_WORDS:
        directive = _encode_fragment_text(" ".join(words))
    else:
        start = " ".join(words[:FRAGMENT_WORDS])
        end = " ".join(words[-FRAGMENT_WORDS:])
        directive = f"{_encode_fragment_text(start)},{_encode_fragment_text(end)}"
    return f"{base}#:~:text={directive}"


def markdown_safe_url(url: str) -> str:
    """Encode the characters that would end a markdown link early."""
    return "".join(_URL_UNSAFE.get(char, char) for char in url)


def _is_web_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _claim_lines(claims: Sequence[str], page_url: str | None, limit: int) -> str:
    """Claims, one per line, each with its ↗ link, within `limit` characters."""
    lines: list[str] = []
    used = 0
    for claim in claims:
        if not claim.strip():
            continue
        link = ""
        if page_url is not None:
            link = f" [{CLAIM_LINK_TEXT}]({markdown_safe_url(text_fragment_url(page_url, claim))})"
            if len(link) > limit // 2:
                link = ""  # a link longer than the claim it proves is not worth the room
        separator = 1 if lines else 0
        room = limit - used - separator - len(link)
        text = escape_text(" ".join(claim.split()))
        if len(text) > room:
            if lines or room < 20:
                break
            text = truncate(text, room)
        lines.append(text + link)
        used += separator + len(text) + len(link)
    return "\n".join(lines)


def footer_text(digest: Digest) -> str:
    """Site, reading time and tags, e.g. `example.com · 4 min read · #NATO #Russia`."""
    parts: list[str] = []
    site = digest.site_name or (urlsplit(digest.url).hostname if digest.url else None)
    if site:
        parts.append(site)
    if digest.reading_minutes > 0:
        parts.append(f"{digest.reading_minutes} min read")
    tags = " ".join(f"#{' '.join(tag.split())}" for tag in digest.tags if tag.strip())
    if tags:
        parts.append(tags)
    return truncate(without_mentions(" · ".join(parts)), FOOTER_LIMIT)


def digest_embeds(digest: Digest) -> list[discord.Embed]:
    """One digest as embeds: usually one; more when its sections overflow one embed's limits."""
    page_url = digest.url or digest.canonical_url
    link_url = page_url if _is_web_url(page_url) else None
    # Discord refuses an embed whose title is blank while it has a url; never send one.
    headline = " ".join(digest.title.split()) or " ".join((page_url or "").split()) or "Untitled"
    title = truncate(escape_text(headline), TITLE_LIMIT)
    footer = footer_text(digest)
    lead_claims = [claim for s in digest.sections if s.heading is None for claim in s.claims]
    # Every embed keeps room for the footer, which goes on the last one.
    budget = CHARS_PER_MESSAGE - len(footer)
    description = _claim_lines(lead_claims, link_url, min(DESCRIPTION_LIMIT, budget - len(title)))

    first = discord.Embed(
        title=title, url=link_url, description=description or None, colour=EMBED_COLOUR
    )
    embeds = [first]
    for section in digest.sections:
        if section.heading is None:
            continue
        value = _claim_lines(section.claims, link_url, FIELD_VALUE_LIMIT)
        if not value:
            continue
        name = truncate(escape_text(" ".join(section.heading.split())), FIELD_NAME_LIMIT) or "·"
        current = embeds[-1]
        if (
            len(current.fields) >= FIELDS_PER_EMBED
            or len(current) + len(name) + len(value) > budget
        ):
            current = discord.Embed(colour=EMBED_COLOUR)
            embeds.append(current)
        current.add_field(name=name, value=value, inline=False)
    if footer:
        embeds[-1].set_footer(text=footer)
    return embeds


@dataclass(slots=True)
class OutgoingMessage:
    """The embeds of one message to send, and which digests (by index) begin in it."""

    embeds: list[discord.Embed] = field(default_factory=list)
    digest_indexes: list[int] = field(default_factory=list)

    @property
    def length(self) -> int:
        """Characters Discord counts against the per-message embed total."""
        return sum(len(embed) for embed in self.embeds)


def plan_messages(digests: Sequence[Digest]) -> list[OutgoingMessage]:
    """Pack the digests' embeds into as few messages as Discord's per-message limits allow."""
    messages: list[OutgoingMessage] = []
    current = OutgoingMessage()
    for index, digest in enumerate(digests):
        embeds = digest_embeds(digest)
        whole = sum(len(embed) for embed in embeds)
        fits_whole = (
            len(current.embeds) + len(embeds) <= EMBEDS_PER_MESSAGE
            and current.length + whole <= CHARS_PER_MESSAGE
        )
        # Keep one digest's embeds together when a fresh message would hold them all.
        if current.embeds and not fits_whole:
            messages.append(current)
            current = OutgoingMessage()
        current.digest_indexes.append(index)
        for embed in embeds:
            if current.embeds and (
                len(current.embeds) >= EMBEDS_PER_MESSAGE
                or current.length + len(embed) > CHARS_PER_MESSAGE
            ):
                messages.append(current)
                current = OutgoingMessage()
            current.embeds.append(embed)
    if current.embeds:
        messages.append(current)
    return messages


@dataclass(frozen=True, slots=True)
class ListedDigest:
    """One archive row as a lookup lists it."""

    headline: str
    url: str
    jump_url: str


def listing_embed(title: str, entries: Sequence[ListedDigest], empty_text: str) -> discord.Embed:
    """Search results or recent digests: headline linked to the article, and a jump link."""
    lines: list[str] = []
    used = 0
    for number, entry in enumerate(entries, start=1):
        headline = truncate(
            escape_text(" ".join(entry.headline.split()), link_text=True), LISTED_HEADLINE_LIMIT
        )
        article = (
            f"[{headline}]({markdown_safe_url(entry.url)})" if _is_web_url(entry.url) else headline
        )
        line = f"{number}. {article} · [jump]({markdown_safe_url(entry.jump_url)})"
        if used + len(line) + 1 > DESCRIPTION_LIMIT:
            break
        lines.append(line)
        used += len(line) + 1
    description = "\n".join(lines) if lines else empty_text
    return discord.Embed(
        title=truncate(title, TITLE_LIMIT),
        description=truncate(description, DESCRIPTION_LIMIT),
        colour=EMBED_COLOUR,
    )


def plain_text(text: str) -> str:
    """A short message for a user (an error reason, a refusal), escaped and within limits."""
    return truncate(escape_text(text), CONTENT_LIMIT)
