"""Plain renderings of a digest for the CLI: a terminal card shaped like Discord's embed, and
Markdown."""

from __future__ import annotations

import textwrap

from summarizer.model import Digest

_BAR = "┃ "


def footer_line(digest: Digest) -> str:
    """Site, reading time and tags, as the bot's embed footer shows them."""
    parts = [digest.site_name] if digest.site_name else []
    parts.append(f"{digest.reading_minutes} min read")
    if digest.tags:
        parts.append(" ".join(f"#{tag}" for tag in digest.tags))
    return " · ".join(parts)


def render_card(digest: Digest, width: int = 88) -> str:
    """A terminal rendering like Discord's embed: headline, lead, one block per subheading."""
    inner = max(20, width - len(_BAR))
    lines: list[str] = []

    def add(text: str = "", *, indent: str = "") -> None:
        if not text:
            lines.append(_BAR.rstrip())
            return
        for line in textwrap.wrap(text, inner, initial_indent=indent, subsequent_indent=indent):
            lines.append(_BAR + line)

    add(digest.title)
    if digest.canonical_url or digest.url:
        add(str(digest.canonical_url or digest.url))
    for section in digest.sections:
        if not section.claims:
            continue
        add()
        if section.heading:
            add(f"▸ {section.heading}")
        for claim in section.claims:
            add(f"• {claim}", indent="  " if section.heading else "")
    add()
    add(footer_line(digest))
    return "\n".join(lines)


def render_markdown(digest: Digest) -> str:
    """The digest as Markdown: linked headline, lead claims, a bold line per subheading."""
    link = digest.canonical_url or digest.url
    out = [f"## [{digest.title}]({link})" if link else f"## {digest.title}", ""]
    for section in digest.sections:
        if not section.claims:
            continue
        if section.heading:
            out.append(f"**{section.heading}**")
        out.extend(f"> {claim}" for claim in section.claims)
        out.append("")
    out.append(f"_{footer_line(digest)}_")
    return "\n".join(out)
