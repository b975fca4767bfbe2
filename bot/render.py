"""Digest -> Discord embeds. Every Discord limit is enforced here, and nowhere else."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import quote, urlsplit

import discord
from discord.utils import escape_markdown, escape_mentions

from summarizer.model import DEFAULT_CARD_SECTIONS, CardSections, Digest, Section

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
AUTHOR_NAME_LIMIT = 256
# Discord stores an embed's image URL as given; longer ones are data: URIs or tracking junk.
MAX_IMAGE_URL = 2000

# What a card aims at: one phone screen. Beyond it, extra claims go, then the least important
# sections, down to MIN_CARD_SECTIONS (they are counted on the card's last line).
CARD_VISIBLE_TARGET = 1500
MIN_CARD_SECTIONS = 3
# A section left out may take the room a long one left when it has this many words: a
# shorter one is more often a box (a job ad, a follow-up question) than a part of the article.
FILL_MIN_WORDS = 40
CARD_TAGS = 5
# ...and when five would take a section off the card, it shows this many: a section tells a
# reader more than the fourth and fifth tags.
CARD_MIN_TAGS = 3
# A subheading longer than this (an interview question) is cut on the card.
FIELD_NAME_VISIBLE = 120

ELLIPSIS = "…"
# The label of a fact-check's rating, the card's first line.
RATING_LABEL = "Rating"
CLAIM_LINK_TEXT = "↗"
# How many words of a claim start and end its text-fragment link: enough to be unique on a page.
FRAGMENT_WORDS = 3
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


def _text_directive(claim: str) -> str:
    """`text=first%20words,last%20words` for one claim (the whole claim when it is short)."""
    words = claim.split()
    if len(words) <= 2 * FRAGMENT_WORDS:
        return "text=" + _encode_fragment_text(" ".join(words))
    start = " ".join(words[:FRAGMENT_WORDS])
    end = " ".join(words[-FRAGMENT_WORDS:])
    return f"text={_encode_fragment_text(start)},{_encode_fragment_text(end)}"


def text_fragment_url(page_url: str, *claims: str) -> str:
    """A link that opens the page with every claim highlighted:
    `page#:~:text=first%20words,last%20words&text=...` (one directive per claim)."""
    base = page_url.split("#", 1)[0]
    directives = "&".join(_text_directive(claim) for claim in claims if claim.split())
    return f"{base}#:~:{directives}"


def markdown_safe_url(url: str) -> str:
    """Encode the characters that would end a markdown link early."""
    return "".join(_URL_UNSAFE.get(char, char) for char in url)


def _is_web_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def _claim_lines(claims: Sequence[str], page_url: str | None, limit: int, tail: str = "") -> str:
    """Claims, one per line, then one ↗ link that highlights all of them on the page, then
    `tail` (already escaped), within `limit` characters."""
    texts = [escape_text(" ".join(claim.split())) for claim in claims if claim.strip()]
    shown: list[str] = []
    used = len(tail) + (1 if tail else 0)
    for text in texts:
        separator = 1 if shown else 0
        room = limit - used - separator
        if len(text) > room:
            if shown or room < 20:
                break
            text = truncate(text, room)
        shown.append(text)
        used += separator + len(text)
    if not shown:
        return tail
    quoted = [claim for claim in claims if claim.strip()][: len(shown)]
    if page_url is not None:
        link = f" [{CLAIM_LINK_TEXT}]({markdown_safe_url(text_fragment_url(page_url, *quoted))})"
        if used + len(link) <= limit:
            shown[-1] += link
    return "\n".join(shown + ([tail] if tail else []))


def footer_text(digest: Digest, tags_shown: int = CARD_TAGS) -> str:
    """Site, reading time and (at most `tags_shown`) tags, e.g. `example.com · 4 min read ·
    #NATO #Russia`."""
    parts: list[str] = []
    site = digest.site_name or (urlsplit(digest.url).hostname if digest.url else None)
    if site:
        parts.append(" ".join(site.split()))
    if digest.reading_minutes > 0:
        parts.append(f"{digest.reading_minutes} min read")
    tags = " ".join(
        f"#{' '.join(tag.split())}" for tag in [t for t in digest.tags if t.strip()][:tags_shown]
    )
    if tags:
        parts.append(tags)
    return truncate(without_mentions(" · ".join(parts)), FOOTER_LIMIT)


def rating_line(digest: Digest) -> str:
    """A fact-check's rating, as its page's ClaimReview names it, as the card's first line
    ("**Rating:** Unproven"); "" for other pages."""
    rating = " ".join((digest.rating or "").split())
    return f"**{RATING_LABEL}:** {truncate(escape_text(rating), TITLE_LIMIT)}" if rating else ""


def left_out_line(count: int) -> str:
    """The card's last line when it shows only some sections."""
    noun = "section" if count == 1 else "sections"
    return f"*+ {count} more {noun} in the article*"


@dataclass(slots=True)
class _CardPart:
    """The description (heading None) or one field, with the claims it shows."""

    heading: str | None
    claims: list[str]
    importance: float
    place: int = -1  # the section's index in the digest (the lead's is -1)

    @property
    def visible(self) -> int:
        """Characters a reader sees of this part: its heading (as cut on the card), its claims
        one per line, and the " ↗" after them."""
        if not self.claims:
            return 0
        claims = sum(len(" ".join(claim.split())) for claim in self.claims)
        newlines = len(self.claims) - 1
        link = 1 + len(CLAIM_LINK_TEXT)
        return min(len(self.heading or ""), FIELD_NAME_VISIBLE) + claims + newlines + link


def _fit_card(
    parts: list[_CardPart],
    fixed: int,
    target: int,
    left_out: int,
    spare: Sequence[_CardPart] = (),
) -> int:
    """Trim `parts` in place towards `target` visible characters (`fixed` is what else shows,
    `left_out` the sections already not shown): first the extra claims of the least important
    parts, then whole sections, down to MIN_CARD_SECTIONS; of the sections taken off, those
    that fit again once a later, longer one went come back (most important first). Then
    sections of `spare` (left out, most important first) take the room a long one left, each
    with its first claim, in article order, as many as were taken off at most. Returns how
    many sections it took off, less those it put on."""
    removed = 0

    def total() -> int:
        missing = left_out + removed
        tail = 1 + len(left_out_line(missing)) if missing else 0
        return fixed + tail + sum(part.visible for part in parts)

    def put_back(part: _CardPart) -> bool:
        """Insert `part` in article order if the card stays within `target`."""
        nonlocal removed
        at = next((n for n, p in enumerate(parts) if p.place > part.place), len(parts))
        parts.insert(at, part)
        removed -= 1
        if total() <= target:
            return True
        del parts[at]
        removed += 1
        return False

    # (Of equal importance, the later section goes first: the card keeps the earlier, as
    # card_sections chose it.)
    by_weight = sorted(parts, key=lambda part: (part.heading is None, part.importance, -part.place))
    for part in by_weight:
        while total() > target and len(part.claims) > 1:
            part.claims.pop()
    sections = [part for part in by_weight if part.heading is not None]
    taken: list[_CardPart] = []
    while total() > target and len(sections) > MIN_CARD_SECTIONS:
        taken.append(sections.pop(0))
        parts.remove(taken[-1])
        removed += 1
    # The last section taken off may have made room for one taken off before it (a long one
    # went after a short one): the most important of those that fit again go back.
    for part in sorted(taken[:-1], key=lambda part: (-part.importance, part.place)):
        put_back(part)
    for part in spare if removed else ():
        if put_back(replace(part, claims=part.claims[:1])) and not removed:
            break
    return removed


def _fitted_card(
    digest: Digest, card: CardSections, fixed: int
) -> tuple[_CardPart, list[_CardPart], str, int]:
    """The lead, the parts trimmed towards CARD_VISIBLE_TARGET, the footer and how many
    sections the fit took off (`fixed`: the characters of the headline, the author and a
    fact-check's rating line). The footer shows CARD_TAGS tags, or CARD_MIN_TAGS when that
    keeps more of the chosen sections on the card; left-out sections then fill the room that
    is left."""

    def fit(tags_shown: int, fill: bool) -> tuple[_CardPart, list[_CardPart], str, int]:
        footer = footer_text(digest, tags_shown)
        lead = _CardPart(None, list(card.lead), 1.0)
        fields = [_part(place, s) for place, s in zip(card.places, card.sections, strict=True)]
        spare = [
            _part(place, s) for place, s in card.spare if fill and s.word_count >= FILL_MIN_WORDS
        ]
        parts = ([lead] if lead.claims else []) + fields
        removed = _fit_card(parts, fixed + len(footer), CARD_VISIBLE_TARGET, card.left_out, spare)
        return lead, parts, footer, removed

    tags_shown = CARD_TAGS
    taken_off = fit(CARD_TAGS, fill=False)[3]
    if taken_off and fit(CARD_MIN_TAGS, fill=False)[3] < taken_off:
        tags_shown = CARD_MIN_TAGS
    return fit(tags_shown, fill=True)


def _part(place: int, section: Section) -> _CardPart:
    return _CardPart(
        " ".join((section.heading or "").split()), list(section.claims), section.importance, place
    )


def _timestamp(published: str | None) -> datetime | None:
    """The publication date as an aware datetime (a date alone is taken at midnight UTC)."""
    if not published:
        return None
    try:
        stamp = datetime.fromisoformat(published)
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)


def digest_embeds(digest: Digest, *, sections: int = DEFAULT_CARD_SECTIONS) -> list[discord.Embed]:
    """One digest as one embed: the headline, the lead, at most `sections` sections (the most
    important, in article order, trimmed towards CARD_VISIBLE_TARGET), and a last line saying
    how many were left out; byline as author, date as timestamp, image as thumbnail."""
    page_url = digest.url or digest.canonical_url
    link_url = page_url if _is_web_url(page_url) else None
    # Fragments point into the page that was posted (a canonical URL may be another page).
    fragment_base = link_url
    # Discord refuses an embed whose title is blank while it has a url; never send one.
    headline = " ".join(digest.title.split()) or " ".join((page_url or "").split()) or "Untitled"
    title = truncate(escape_text(headline), TITLE_LIMIT)
    author = truncate(" ".join((digest.byline or "").split()), AUTHOR_NAME_LIMIT)

    card = digest.card_sections(max(1, min(sections, FIELDS_PER_EMBED - 1)))
    rating = rating_line(digest)
    rated = len(rating) + 1 if rating else 0  # (and the line's break)
    lead, parts, footer, removed = _fitted_card(digest, card, len(headline) + len(author) + rated)
    left_out = card.left_out + removed
    tail = left_out_line(left_out) if left_out else ""

    shown_fields = [part for part in parts if part.heading is not None]
    # The whole embed counts against the message's characters: the description gets what the
    # title, author and footer leave.
    room = CHARS_PER_MESSAGE - len(title) - len(author) - len(footer) - rated
    description = _claim_lines(
        lead.claims if lead in parts else [],
        fragment_base,
        min(DESCRIPTION_LIMIT - rated, room),
        tail if not shown_fields else "",
    )
    description = "\n".join(line for line in (rating, description) if line)
    embed = discord.Embed(
        title=title,
        url=link_url,
        description=description or None,
        colour=EMBED_COLOUR,
        timestamp=_timestamp(digest.published),
    )
    if author:
        embed.set_author(name=author)
    if _is_web_url(digest.image) and digest.image and len(digest.image) <= MAX_IMAGE_URL:
        embed.set_thumbnail(url=digest.image)
    for number, part in enumerate(shown_fields):
        last = number == len(shown_fields) - 1
        value = _claim_lines(part.claims, fragment_base, FIELD_VALUE_LIMIT, tail if last else "")
        name = truncate(escape_text(part.heading or ""), FIELD_NAME_VISIBLE) or "·"
        if not value or len(embed) + len(name) + len(value) + len(footer) > CHARS_PER_MESSAGE:
            break
        embed.add_field(name=name, value=value, inline=False)
    if footer:
        embed.set_footer(text=footer)
    return [embed]


@dataclass(slots=True)
class OutgoingMessage:
    """The embeds of one message to send, and which digests (by index) begin in it."""

    embeds: list[discord.Embed] = field(default_factory=list)
    digest_indexes: list[int] = field(default_factory=list)

    @property
    def length(self) -> int:
        """Characters Discord counts against the per-message embed total."""
        return sum(len(embed) for embed in self.embeds)


def plan_messages(
    digests: Sequence[Digest], *, sections: int = DEFAULT_CARD_SECTIONS
) -> list[OutgoingMessage]:
    """Pack the digests' cards into as few messages as Discord's per-message limits allow;
    one digest is always one embed in one message."""
    messages: list[OutgoingMessage] = []
    current = OutgoingMessage()
    for index, digest in enumerate(digests):
        (embed,) = digest_embeds(digest, sections=sections)
        if current.embeds and (
            len(current.embeds) >= EMBEDS_PER_MESSAGE
            or current.length + len(embed) > CHARS_PER_MESSAGE
        ):
            messages.append(current)
            current = OutgoingMessage()
        current.digest_indexes.append(index)
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
