"""The crash kinds the fuzz run found (issue 11), each as its smallest page: a digest or a
refusal on purpose, never another exception, nor an InternalError (the engine's boundary
reporting a bug it caught)."""

from __future__ import annotations

import pytest

from summarizer import InternalError, SummarizerError, digest_html

_PROSE = "<p>" + "The council approved the new water plan after a long debate on Tuesday. " * 5
_LD = '<script type="application/ld+json">{}</script>'
_PUBLISHED = '<meta property="article:published_time" content="{}">'


def _page(head: str = "", body: str = "") -> str:
    """A small article page with `head` markup and `body` before three paragraphs of prose."""
    return (
        f"<html><head><title>Water plan</title>{head}</head><body><article><h1>Water plan</h1>"
        f"{body}{_PROSE}</p>{_PROSE}</p>{_PROSE}</p></article></body></html>"
    )


CASES: dict[str, tuple[str | bytes, str | None]] = {
    # prune._drop: drop_tree() re-attaches a tail holding a control character.
    "control char in the tail of a dropped element": (
        _page(body="<p>a</p><script>x</script>\x01tail"),
        None,
    ),
    # prune._remove_keeping_tail: the comment's tail is appended to the previous node's text.
    "control char in the tail of a comment": (_page(body="<!-- c -->\x01tail"), None),
    "vertical tab in page bytes": (
        _page(body="<div>\x0btext<nav>n</nav>\x0bafter</div>").encode(),
        None,
    ),
    # metadata._parse_jsonld: json.loads raises RecursionError, which is not a ValueError.
    "JSON-LD nested 100,000 deep": (_page(head=_LD.format("[" * 100_000 + "]" * 100_000)), None),
    # metadata._JsonLd.names recurses once per list level.
    "JSON-LD author nested 900 lists deep": (
        _page(
            head=_LD.format(
                '{"@type":"NewsArticle","headline":"H","author":'
                + "[" * 900
                + '"x"'
                + "]" * 900
                + "}"
            )
        ),
        None,
    ),
    # metadata._JsonLd.resolve: a dict or list as "@id" is used as a dict key.
    "JSON-LD @id that is a dict": (
        _page(head=_LD.format('{"@type":"NewsArticle","headline":"H","author":{"@id":{"a":1}}}')),
        None,
    ),
    "JSON-LD @id that is a list": (
        _page(head=_LD.format('{"@type":"NewsArticle","headline":"H","publisher":{"@id":["x"]}}')),
        None,
    ),
    # metadata._parse_datetime: parsedate_to_datetime raises OverflowError on huge fields.
    "RFC 2822 date with a huge zone offset": (
        _page(head=_PUBLISHED.format("Tue, 01 Jan 2019 00:00:00 +9999999999999999999999")),
        None,
    ),
    "RFC 2822 date with a huge hour": (
        _page(head=_PUBLISHED.format("01 Jan 2019 99999999999999999999:00")),
        None,
    ),
    # metadata._host_variants / _canonical_url: urlsplit raises ValueError.
    "url argument with an unclosed IPv6 bracket": (_page(), "http://[::1"),
    "url argument with a bracketed non-address": (_page(), "http://[zz]/"),
    "canonical link with an unclosed IPv6 bracket": (
        _page(head='<link rel="canonical" href="http://[::1">'),
        None,
    ),
    "og:url with an unclosed IPv6 bracket": (
        _page(head='<meta property="og:url" content="http://[::1">'),
        None,
    ),
    # metadata._image (after the cards): urljoin raises ValueError on the same.
    "og:image with an unclosed IPv6 bracket": (
        _page(head='<meta property="og:image" content="http://[::1">'),
        None,
    ),
    "og:site_name that is a broken URL": (
        _page(head='<meta property="og:site_name" content="http://[::1">'),
        None,
    ),
    "JSON-LD publisher name that is a broken URL": (
        _page(
            head=_LD.format(
                '{"@type":"NewsArticle","headline":"H","publisher":{"name":"http://[::1"}}'
            )
        ),
        None,
    ),
}


@pytest.mark.parametrize(("html", "url"), list(CASES.values()), ids=list(CASES))
def test_fuzz_crash_is_handled(html: str | bytes, url: str | None) -> None:
    """The page is digested or refused with a SummarizerError that is not a bug report."""
    try:
        digest_html(html, url)
    except InternalError:
        raise
    except SummarizerError:
        pass
