"""summarizer/render_text.py: the CLI's card and Markdown show a fact-check's rating first."""

from __future__ import annotations

import dataclasses

from markdown_it import MarkdownIt

from summarizer.model import Digest, Section
from summarizer.render_text import render_card, render_markdown

_DIGEST = Digest(
    url="https://news.example/check",
    canonical_url=None,
    title="Does the ambassador have a net worth of $17 million?",
    site_name="News Example",
    byline=None,
    published=None,
    language="en",
    text="",
    sections=[Section(heading=None, claims=["The claim is wholly unsubstantiated."])],
    reading_minutes=2,
    rating="Unproven",
)


def test_a_fact_checks_rating_comes_before_the_lead() -> None:
    """ "Rating: Unproven" stands above the lead's claims in both renderings; a digest
    without a rating shows none."""
    card = render_card(_DIGEST)
    assert card.index("Rating: Unproven") < card.index("The claim is wholly")
    markdown = render_markdown(_DIGEST)
    assert markdown.index("**Rating:** Unproven") < markdown.index("> The claim is wholly")
    unrated = dataclasses.replace(_DIGEST, rating=None)
    assert "Rating" not in render_card(unrated) + render_markdown(unrated)


def _rendered(markdown: str) -> tuple[str, list[str], list[str]]:
    """The text a CommonMark reader shows of `markdown` (its inline texts, by line), the tags
    of the markup it reads, and its links' addresses."""
    lines: list[str] = []
    markup: list[str] = []
    links: list[str] = []
    for token in MarkdownIt("commonmark").enable("strikethrough").parse(markdown):
        if token.type.endswith("_open"):
            markup.append(token.tag)
        if token.type == "inline":
            line = ""
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    line += child.content
                elif child.type == "softbreak":
                    line += "\n"
                elif child.type.endswith("_open") or child.type == "html_inline":
                    markup.append(child.tag or child.type)
                    if child.type == "link_open":
                        links.append(str(child.attrs["href"]))
            lines.append(line)
    return "\n".join(lines), markup, links


def test_markdown_shows_the_pages_text_as_written() -> None:
    """The headline, the claims, the subheadings, the rating and the tags are the page's text:
    a "]" in the headline does not end the link's text, a ")" in the address does not end the
    link, and "*", "_", "<b>", "&copy;", a leading "- " or "1990." in a claim show as written,
    none of them markup; only the card's own markup is read (the headline's h2, its link, the
    quotes, the bold rating label and subheading, the italic footer)."""
    digest = dataclasses.replace(
        _DIGEST,
        url="https://news.example/a_(b) c",
        title="Why [brackets] matter_now *so*",
        rating="**False**",
        sections=[
            Section(heading=None, claims=["- *Nobody* reads __this__ <b>bold</b> &copy; [x](y)"]),
            Section(heading="C# & F#: **bold**", claims=["1990. The year ended.", "==="]),
        ],
        tags=["AI_chips", "x_y"],
    )
    text, markup, links = _rendered(render_markdown(digest))
    assert links == ["https://news.example/a_%28b%29%20c"]
    assert text.splitlines()[:6] == [
        "Why [brackets] matter_now *so*",
        "Rating: **False**",
        "- *Nobody* reads __this__ <b>bold</b> &copy; [x](y)",
        "C# & F#: **bold**",
        "1990. The year ended.",
        "===",
    ]
    assert "#AI_chips #x_y" in text
    # (each claim a paragraph of its own in its quote)
    assert markup == [
        *("h2", "a", "p", "strong", "blockquote", "p", "p", "strong", "blockquote", "p", "p"),
        *("p", "em"),
    ]
