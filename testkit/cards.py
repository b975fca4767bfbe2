"""Cards as a reader sees them, and the corpus checks of what goes on them.

Shared by `benchmarks/quality.py`, `benchmarks/panel_packets.py` and the card gate: the card as
posted (embeds planned by `bot.render`) turned into visible text, its sizes, and over the corpus
the precision of headings and claims against the human-marked body (aeb `articleBody`, moz
`expected.html`, trafi "with"/"without" snippets).
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

import discord

from summarizer.extract.sections import strip_citations
from summarizer.text import clean_text
from testkit.corpus import CORPUS, MOZ_URL, aeb_pages, fold, moz_pages

_MARKDOWN_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\((?:[^()\s]|\([^()\s]*\))*\)")
_ESCAPE = re.compile(r"\\(.)")
_SPACE = re.compile(r"\s+")


def _shown(text: str | None) -> str:
    """Markdown as Discord shows it: masked links as their text, escapes resolved."""
    if not text:
        return ""
    return _ESCAPE.sub(r"\1", _MARKDOWN_LINK.sub(lambda m: m.group(1), text))


def visible_parts(embed: discord.Embed) -> list[str]:
    """The strings a reader sees in one embed, in display order (links reduced to their text)."""
    parts = [embed.author.name or "", _shown(embed.title), _shown(embed.description)]
    for item in embed.fields:
        parts += [_shown(item.name), _shown(item.value)]
    parts.append(embed.footer.text or "")
    return [part for part in parts if part]


def visible_length(embeds: Sequence[discord.Embed]) -> int:
    """Characters a reader sees on the card (the timestamp and thumbnail not counted)."""
    return sum(len(part) for embed in embeds for part in visible_parts(embed))


def card_text(embeds: Sequence[discord.Embed]) -> str:
    """The card as posted, as plain text with the links removed (for the reader panel)."""
    lines: list[str] = []
    for number, embed in enumerate(embeds):
        if number:
            lines.append("---- next embed ----")
        if embed.author.name:
            lines.append(f"[author] {embed.author.name}")
        if embed.title:
            lines.append(f"[title] {_shown(embed.title)}")
        if embed.description:
            lines += ["", _shown(embed.description)]
        for item in embed.fields:
            lines += ["", f"**{_shown(item.name)}**", _shown(item.value)]
        if embed.thumbnail.url:
            lines += ["", "[thumbnail: the page's image]"]
        footer = embed.footer.text or ""
        if embed.timestamp:
            footer = f"{footer} · {embed.timestamp:%d %b %Y}" if footer else f"{embed.timestamp}"
        if footer:
            lines += ["", f"[footer] {footer}"]
    return "\n".join(lines)


@dataclass(frozen=True)
class TrafiPage:
    """A page of trafilatura's evaluation set with its "with"/"without" snippets."""

    page_id: str
    url: str
    html: bytes
    with_snippets: list[str]
    without_snippets: list[str]


def trafi_available() -> bool:
    return (CORPUS / "trafi" / "evaldata.json").is_file()


def trafi_pages() -> Iterator[TrafiPage]:
    data = json.loads((CORPUS / "trafi" / "evaldata.json").read_text("utf-8"))
    for url, item in sorted(data.items()):
        with gzip.open(CORPUS / "trafi" / "html" / item["file"]) as handle:
            html = handle.read()
        page_id = item["file"].removesuffix(".gz").removesuffix(".html")
        yield TrafiPage(
            page_id, url, html, list(item.get("with", [])), list(item.get("without", []))
        )


def squeeze(text: str) -> str:
    """Text normalised as Skim normalises it (NFC, no soft hyphens), without whitespace and
    case folded: how headings and claims are found in a body."""
    return _SPACE.sub("", clean_text(text)).casefold()


@dataclass
class HeadingTally:
    """Skim's headings (the headline aside) checked against one set's true bodies."""

    headings: int = 0
    good: int = 0
    pages: int = 0
    pages_with_false: list[str] = field(default_factory=list)
    false_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.good / self.headings if self.headings else 1.0

    @property
    def false_page_share(self) -> float:
        return len(self.pages_with_false) / self.pages if self.pages else 0.0

    def add(self, name: str, headings: Sequence[str], is_good: list[bool]) -> None:
        self.pages += 1
        self.headings += len(headings)
        self.good += sum(is_good)
        bad = [h for h, ok in zip(headings, is_good, strict=True) if not ok]
        if bad:
            self.pages_with_false.append(name)
            self.false_examples += [f"{name}: {h[:70]}" for h in bad]


@dataclass
class ClaimTally:
    """Skim's claims checked against one set's true bodies."""

    claims: int = 0
    inside: int = 0
    outside_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.inside / self.claims if self.claims else 1.0

    def add(self, name: str, claims: Sequence[str], is_inside: list[bool]) -> None:
        self.claims += len(claims)
        self.inside += sum(is_inside)
        self.outside_examples += [
            f"{name}: {c[:80]}" for c, ok in zip(claims, is_inside, strict=True) if not ok
        ]


@dataclass
class CardTally:
    """Sizes of the cards as posted with the default settings."""

    cards: int = 0
    over_one_message: list[str] = field(default_factory=list)
    over_field_cap: list[str] = field(default_factory=list)
    visible_lengths: list[int] = field(default_factory=list)

    @property
    def median_visible(self) -> float:
        return statistics.median(self.visible_lengths) if self.visible_lengths else 0.0

    @property
    def over_visible_target(self) -> int:
        return sum(1 for length in self.visible_lengths if length > VISIBLE_TARGET)


# What a card aims at (the issue): at most this many visible characters.
VISIBLE_TARGET = 1500


@dataclass
class CardScore:
    """Everything the card gate and quality.py report, from one pass over the corpus."""

    headings: dict[str, HeadingTally] = field(default_factory=dict)
    claims: dict[str, ClaimTally] = field(default_factory=dict)
    cards: CardTally = field(default_factory=CardTally)


def _trafi_heading_is_good(heading: str, page: TrafiPage) -> bool:
    """trafi marks snippets, not a whole body: a heading is good unless it lies inside a
    "without" snippet (boilerplate) and in no "with" snippet."""
    key = squeeze(heading)
    if any(key in squeeze(snippet) for snippet in page.with_snippets):
        return True
    return not any(key in squeeze(snippet) for snippet in page.without_snippets)


def score_cards() -> CardScore:
    """Digest every aeb, moz and trafi page once; check headings, claims and card sizes."""
    from bot.render import plan_messages
    from summarizer import NotAnArticle, digest_html
    from summarizer.model import DEFAULT_CARD_SECTIONS, Digest

    score = CardScore()

    def digest(html: bytes, url: str | None) -> Digest | None:
        try:
            return digest_html(html, url)
        except NotAnArticle:
            return None

    def size(name: str, result: Digest) -> None:
        messages = plan_messages([result])
        score.cards.cards += 1
        if len(messages) > 1:
            score.cards.over_one_message.append(name)
        fields = sum(len(embed.fields) for m in messages for embed in m.embeds)
        if fields > DEFAULT_CARD_SECTIONS + 1:  # the sections and the "left out" line
            score.cards.over_field_cap.append(name)
        score.cards.visible_lengths.append(visible_length([e for m in messages for e in m.embeds]))

    def body_checks(set_name: str, name: str, result: Digest, body: str) -> None:
        truth = squeeze(strip_citations(body))
        headings = [s.heading for s in result.sections if s.heading]
        headings = [h for h in headings if fold(h) != fold(result.title)]
        score.headings.setdefault(set_name, HeadingTally()).add(
            name, headings, [squeeze(h) in truth for h in headings]
        )
        claims = [claim for s in result.sections for claim in s.claims]
        score.claims.setdefault(set_name, ClaimTally()).add(
            name, claims, [squeeze(c) in truth for c in claims]
        )

    for aeb in aeb_pages():
        result = digest(aeb.html, aeb.url)
        if result is not None:
            body_checks("aeb", aeb.page_id[:8], result, aeb.body)
            size(aeb.page_id[:8], result)
    for moz in moz_pages():
        result = digest(moz.html, MOZ_URL)
        if result is not None and moz.readerable:
            body_checks("moz", moz.name, result, moz.body)
            size(moz.name, result)
    if trafi_available():
        tally = score.headings.setdefault("trafi", HeadingTally())
        for trafi in trafi_pages():
            result = digest(trafi.html, trafi.url)
            if result is None:
                continue
            headings = [s.heading for s in result.sections if s.heading]
            headings = [h for h in headings if fold(h) != fold(result.title)]
            tally.add(
                trafi.page_id[:12], headings, [_trafi_heading_is_good(h, trafi) for h in headings]
            )
            size(trafi.page_id[:12], result)
    return score
