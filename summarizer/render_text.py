"""Plain renderings of a digest for the CLI: a terminal card shaped like Discord's embed, and
Markdown."""

from __future__ import annotations

import re
import textwrap

from summarizer.extract.tags import MAX_CARD_TAGS
from summarizer.model import DEFAULT_CARD_SECTIONS, CardSections, Digest

_BAR = "┃ "

# What Markdown reads as markup anywhere in a line of the page's text: the escape itself,
# emphasis, code, strikethrough, a link's or an image's brackets, raw HTML and autolinks.
_MARKDOWN_INLINE = re.compile(r"([\\`*_~\[\]<>])")
# ...and an entity ("&copy;", "&#169;"), shown as its character where the text names it.
_MARKDOWN_ENTITY = re.compile(r"&(?=#?\w+;)")
# What a line opens a block with (a quote's ">" is escaped anywhere): a heading's "#", a
# list's bullet or number ("1990. The year..." is an ordered list's 1990th item), or a rule
# or an underline that makes the line before it a heading ("---", "===").
_MARKDOWN_LINE_MARK = re.compile(
    r"^(?:#{1,6}(?=\s|$)|[+\-](?=\s|$)|[=\-]+$|\d{1,9}(?=[.)](?:\s|$)))"
)
# Characters that end or break a link's destination in `(...)`.
_LINK_DESTINATION_ESCAPES = {" ": "%20", "(": "%28", ")": "%29", "<": "%3C", ">": "%3E"}


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


def markdown_text(text: str) -> str:
    """The page's `text` as Markdown that shows it as written, on one line: its markup
    characters escaped ("*", "_", "[", "]", "<", ...), and a block's opening mark at its start
    ("# ", "- ", "1990."), so that a claim, a heading or a title renders as plain text and
    cannot break the card's own markup around it (a title's "]" ending the link's text)."""
    line = _MARKDOWN_ENTITY.sub(r"\\&", _MARKDOWN_INLINE.sub(r"\\\1", " ".join(text.split())))
    mark = _MARKDOWN_LINE_MARK.match(line)
    if mark is None:
        return line
    at = mark.end() if mark.group().isdigit() else 0  # (a number: its "." or ")" escaped)
    return f"{line[:at]}\\{line[at:]}"


def _markdown_destination(link: str) -> str:
    """`link` as the destination of a Markdown link, with what would end it percent-encoded."""
    return "".join(_LINK_DESTINATION_ESCAPES.get(char, char) for char in link.strip())


def _quoted(claims: list[str]) -> list[str]:
    """The lines of a quote holding each of `claims` as a paragraph of its own (lines that
    follow each other in a quote are one paragraph: the claims would run together)."""
    lines: list[str] = []
    for claim in claims:
        lines += [">", f"> {markdown_text(claim)}"] if lines else [f"> {markdown_text(claim)}"]
    return lines


def render_markdown(digest: Digest, sections: int = DEFAULT_CARD_SECTIONS) -> str:
    """The digest as Markdown: linked headline, lead claims, a bold line per chosen subheading.
    The page's text (headline, claims, subheadings, rating, site and tags) is escaped
    (`markdown_text`): it shows as written."""
    link = digest.url or digest.canonical_url
    title = markdown_text(digest.title)
    out = [f"## [{title}]({_markdown_destination(link)})" if link else f"## {title}", ""]
    card = digest.card_sections(sections)
    if digest.rating:
        out += [f"**Rating:** {markdown_text(digest.rating)}", ""]
    if card.lead:
        out.extend(_quoted(card.lead))
        out.append("")
    for section in card.sections:
        out.append(f"**{markdown_text(section.heading or '')}**")
        out.extend(_quoted(section.claims))
        out.append("")
    if card.left_out:
        out += [f"_{_left_out(card)}_", ""]
    out.append(f"_{markdown_text(footer_line(digest))}_")
    return "\n".join(out)
