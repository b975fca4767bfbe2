"""Plain-text documents digested (summarizer/extract/plaintext.py, pipeline.digest_text, the
fetcher's text/plain): read as a pre-formatted document, their text never taken as markup."""

from __future__ import annotations

from summarizer import digest_text
from summarizer.extract.limits import MAX_MARKDOWN_CHARS
from summarizer.net.fetcher import Fetcher, FetchSettings
from summarizer.pipeline import digest_url
from testkit.web_origin import WebOrigin
from tests.helpers import FIXTURES, paragraph

RFC_LIKE = FIXTURES / "rfc_like.txt"
RFC_TITLE = "The Lantern Beacon Protocol (LBP)"
RFC_HEADINGS = [
    "Abstract",
    "1. Introduction",
    "2. Beacon Format",
    "2.1. Station Names",
    "3. Security Considerations",
    "4. Acknowledgements",
]


def test_rfc_like_text_gives_its_numbered_sections() -> None:
    """An Internet-Draft's .txt: titled by its centred title line (not its draft name), its
    numbered lines are the sections, each with a claim of its own prose; the page furniture
    ('Okafor & Lindqvist  [Page 1]') is never a claim."""
    digest = digest_text(RFC_LIKE.read_bytes(), "https://example.org/draft.txt")
    assert digest.title == RFC_TITLE
    assert [section.heading for section in digest.sections] == RFC_HEADINGS
    assert all(section.claims for section in digest.sections)
    claims = " ".join(claim for section in digest.sections for claim in section.claims)
    assert "[Page" not in claims and "Internet-Draft" not in claims
    assert digest.sections[1].claims[0].startswith("Many coastal stations still rely")


async def test_text_plain_link_is_digested_end_to_end(web_origin: WebOrigin) -> None:
    """A link to a text/plain document gets a card, not "the link is not a web page": the
    fetcher reads it and the digest reads it as the .txt it is (as the bot calls them)."""
    url = web_origin.add_page(
        "/draft-okafor-lantern-beacon-00.txt",
        RFC_LIKE.read_bytes(),
        "text/plain; charset=utf-8",
    )
    settings = FetchSettings.model_validate(
        {"allow_networks": "127.0.0.0/8", "allow_ports": f"80,443,{web_origin.port}"}
    )
    async with Fetcher(settings) as fetcher:
        digest = await digest_url(url, fetcher=fetcher)
    assert digest.url == url
    assert digest.title == RFC_TITLE
    assert [section.heading for section in digest.sections] == RFC_HEADINGS


async def test_a_markdown_link_is_digested_as_markdown_end_to_end(web_origin: WebOrigin) -> None:
    """`digest_url` on a text/markdown link renders it as the bot does: its '##' lines head
    the sections (read as plain text, it would be one lead section)."""
    url = web_origin.add_page("/README.md", _readme().encode(), "text/markdown; charset=utf-8")
    settings = FetchSettings.model_validate(
        {"allow_networks": "127.0.0.0/8", "allow_ports": f"80,443,{web_origin.port}"}
    )
    async with Fetcher(settings) as fetcher:
        digest = await digest_url(url, fetcher=fetcher)
    assert digest.url == url
    assert digest.title == "Lantern beacons"
    assert [s.heading for s in digest.sections if s.heading] == [
        "Why beacons",
        "How to install",
        "On a boat",
    ]


def test_markup_in_a_text_document_is_shown_as_text() -> None:
    """A '<script>' line and an entity in the .txt are its text, as typed: never run, never
    parsed (the example line of the draft comes through character for character), and a tag
    that would make a heading in HTML makes none."""
    digest = digest_text(RFC_LIKE.read_bytes())
    assert "<script>alert('beacon')</script> STN=NORDKAPP-3" in digest.text
    assert "LIGHT=OK &amp; FOG=NONE" in digest.text
    prose = "\n\n".join(f"   {paragraph(start, 3)}" for start in (0, 3))
    text = f"A plain note\n\n{prose}\n\n<h2>Not a heading</h2>\n\n{prose}\n"
    digest = digest_text(text)
    assert "Not a heading" not in [section.heading for section in digest.sections]
    assert "<h2>Not a heading</h2>" in digest.text


def _readme(extra: str = "") -> str:
    prose = [paragraph(start, 3) for start in (0, 3, 6, 9)]
    return (
        f"# Lantern beacons\n\n{prose[0]}\n\n## Why beacons\n\n{prose[1]}\n\n"
        f"{extra}## How to install\n\n{prose[2]}\n\n### On a boat\n\n{prose[3]}\n"
    )


def test_a_markdown_document_gives_its_headings_as_sections() -> None:
    """A README.md: its '#' line is the headline and its '##' lines head the sections, each
    with a claim of its own prose (read as a plain text, it would be one lead section)."""
    digest = digest_text(_readme(), markdown=True)
    assert digest.title == "Lantern beacons"
    headings = [section.heading for section in digest.sections]
    assert headings == [None, "Why beacons", "How to install", "On a boat"]
    assert all(section.claims for section in digest.sections)
    assert digest.sections[1].claims[0] == paragraph(3, 1)


def test_html_in_a_markdown_document_is_shown_as_text() -> None:
    """Markdown may hold raw HTML: in a stranger's file it is text, never markup (no heading
    from an '<h2>', the '<script>' line quoted as typed)."""
    extra = "<h2>Raw heading</h2>\n\n<script>alert('x')</script> is how the demo page starts.\n\n"
    digest = digest_text(_readme(extra), markdown=True)
    assert "Raw heading" not in [section.heading for section in digest.sections]
    assert "<h2>Raw heading</h2>" in digest.text
    assert "<script>alert('x')</script> is how the demo page starts." in digest.text


def test_a_long_markdown_document_is_read_as_plain_text() -> None:
    """Past MAX_MARKDOWN_CHARS a Markdown text is not rendered (the parser's worst input costs
    about 13 µs a character): it is read as plain text, its '##' lines no headings."""
    padding = "\n\n".join(paragraph(n, 3) for n in range(MAX_MARKDOWN_CHARS // 200))
    digest = digest_text(_readme() + "\n" + padding, markdown=True)
    assert "Why beacons" not in [section.heading for section in digest.sections]
    assert "## Why beacons" in digest.text
