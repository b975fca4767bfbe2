"""Plain renderings of a digest for the CLI: a terminal card shaped like Discord's embed, and
Markdown."""

from __future__ import annotations

import textwrap

from summarizer.extract.tags import MAX_CARD_TAGS
from summarizer.model import DEFAULT_CARD_SECTIONS, CardSections, Digest

_BAR = "┃ "


def footer_line(digest: Digest) -> str:
    """Site, reading time and tags, as the bot's embed footer shows them."""
    parts = [digest.site_name] if digest.site_name else []
    parts.append(f"{digest.reading_minutes} min read")
    if digest.tags:
        parts.append(" ".join(f"#{tag}" for tag in digest.tags[:MAX_CARD_TAGS]))
    return " · ".join(parts)


def _left_out(card: CardSections) -> str:
    noun = "section" if card.left_out == 1 else "sections"
    return f"+ {card.left_out} more {noun} in the article" if card.left_out else ""


def render_card(digest: Digest, width: int = 88, *, sections: int = DEFAULT_CARD_SECTIONS) -> str:
    """A terminal rendering like Discord's embed: headline, lead, a block for each of the
    `sections` most important subheadings (in article order), and how many were left out."""
    inner = max(20, width - len(_BAR))
    lines: list[str] = []

    def add(text: str = "", *, indent: str = "") -> None:
        if not text:
            lines.append(_BAR.rstrip())
            return
        for line in textwrap.wrap(text, inner, initial_indent=indent, subsequent_indent=indent):
            lines.append(_BAR + line)

    card = digest.card_sections(sections)
    if digest.byline:
        add(digest.byline)
    add(digest.title)
    link = digest.url or digest.canonical_url  # the address given, as the bot links it
    if link:
        add(link)
    if digest.rating:
        add()
        add(f"Rating: {digest.rating}")
    if card.lead:
        add()
        for claim in card.lead:
            add(f"• {claim}")
    for section in card.sections:
        add()
        add(f"▸ {section.heading}")
        for claim in section.claims:
            add(f"• {claim}", indent="  ")
    if card.left_out:
        add()
        add(_left_out(card))
    add()
    add(footer_line(digest))
    return "\n".join(lines)


def render_markdown(digest: Digest, sections: int = DEFAULT_CARD_SECTIONS) -> str:
    """The digest as Markdown: linked headline, lead claims, a bold line per chosen subheading."""
    link = digest.url or digest.canonical_url
    out = [f"## [{digest.title}]({link})" if link else f"## {digest.title}", ""]
    card = digest.card_sections(sections)
    if digest.rating:
        out += [f"**Rating:** {digest.rating}", ""]
    if card.lead:
        out.extend(f"> {claim}" for claim in card.lead)
        out.append("")
    for section in card.sections:
        out.append(f"**{section.heading}**")
        out.extend(f"> {claim}" for claim in section.claims)
        out.append("")
    if card.left_out:
        out += [f"_{_left_out(card)}_", ""]
    out.append(f"_{footer_line(digest)}_")
    return "\n".join(out)
