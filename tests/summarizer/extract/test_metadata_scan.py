"""The metadata walk (`_scan`) against a plain walk that reads every element in full.

`_scan` is tuned for speed (elements only, links judged in the loop, the usual `<meta>` read
without de-duplication, and so on); the plain walk here is the straightforward reading it
replaced, and both must find the same things in the same order on any page.
"""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.extract import metadata
from summarizer.extract.jsonld import parse_jsonld
from summarizer.extract.limits import (
    MAX_CANDIDATE_TEXT_CHARS,
    MAX_DATE_CANDIDATES,
    MAX_HEADINGS,
    MAX_JSONLD_NODES,
    MAX_META_CHARS,
    MAX_META_KEYS_PER_TAG,
    MAX_TAG_LABELS,
    MAX_TITLE_CHARS,
)
from summarizer.extract.metadata import _PageScan, _scan


def _plain_scan(doc: lxml.html.HtmlElement) -> _PageScan:
    """Every node read in full: what `_scan` must find."""
    scan = _PageScan()
    root = doc.getroottree().getroot()
    scan.html_lang = metadata._attr(root, "lang") or metadata._attr(
        root, "{http://www.w3.org/XML/1998/namespace}lang"
    )
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue  # comments, processing instructions, entities
        if tag in ("script", "style"):
            _plain_code(scan, el, tag)
            continue
        _plain_source(scan, el, tag)
        itemprop = el.get("itemprop")
        if itemprop and tag != "meta":
            metadata._scan_microdata(scan, el, itemprop.split())
        classes = el.get("class")
        if not scan.bylines and classes and "byline" in classes.lower():
            scan.bylines.append(
                metadata.leading_text(el, MAX_CANDIDATE_TEXT_CHARS, separator=" ", normalise=False)
            )
        if len(scan.tag_labels) < MAX_TAG_LABELS:
            for text, in_tail in ((el.text, False), (el.tail, True)):
                if text and len(text) < 40 and metadata._TAG_LABEL.match(text.strip()):
                    scan.tag_labels.append((el, in_tail))
    return scan


def _plain_code(scan: _PageScan, el: lxml.html.HtmlElement, tag: str) -> None:
    room = MAX_JSONLD_NODES - len(scan.jsonld)
    kind = (metadata._attr(el, "type") or "").strip().lower()
    if tag == "script" and room > 0 and kind == "application/ld+json":
        scan.jsonld.extend(parse_jsonld(el.text or "", room))


def _plain_source(scan: _PageScan, el: lxml.html.HtmlElement, tag: str) -> None:
    if tag == "meta":
        _plain_meta(scan, el)
    elif tag == "link":
        rel = (metadata._attr(el, "rel") or "").lower().split()
        if "canonical" in rel and scan.canonical is None:
            scan.canonical = metadata._attr(el, "href")
    elif tag == "title":
        if scan.title_tag is None and not metadata._inside(el, "svg"):
            scan.title_tag = metadata.leading_text(el, MAX_TITLE_CHARS)
    elif tag == "h1":
        if len(scan.headings) < MAX_HEADINGS:
            heading = metadata.leading_text(el, MAX_TITLE_CHARS)
            heading = metadata._HEADERLINK_TAIL.sub("", heading)
            if heading:
                scan.headings.append(heading)
                scan.home_names.extend(metadata._home_link_names(el))
    elif tag == "a":
        if el.get("rel"):
            metadata._scan_link(scan, el)
    elif tag == "time":
        stamp = metadata._attr(el, "datetime")
        if stamp and len(scan.time_datetimes) < MAX_DATE_CANDIDATES:
            scan.time_datetimes.append(stamp)


def _plain_meta(scan: _PageScan, el: lxml.html.HtmlElement) -> None:
    content = metadata._attr(el, "content")
    if content is None:
        return
    content = content[:MAX_META_CHARS]
    for attribute, store in (
        ("property", scan.meta_by_property),
        ("name", scan.meta_by_name),
        ("http-equiv", scan.meta_by_name),
        ("itemprop", scan.meta_by_name),
    ):
        keys = (metadata._attr(el, attribute) or "").split(maxsplit=MAX_META_KEYS_PER_TAG)
        for key in dict.fromkeys(_plain_key(key) for key in keys[:MAX_META_KEYS_PER_TAG]):
            store.setdefault(key, []).append(content)


def _plain_key(key: str) -> str:
    key = key.strip().lower()
    for prefix, spelled in (("dc.", "dc:"), ("dcterms.", "dcterms:"), ("dcterm.", "dcterms:")):
        if key.startswith(prefix):
            return spelled + key[len(prefix) :]
    return key.replace("dcterm:", "dcterms:") if key.startswith("dcterm:") else key


def _assert_same_scan(page: str) -> None:
    doc = lxml.html.document_fromstring(page)
    fast = _scan(doc)
    plain = _plain_scan(doc)  # `fast` keeps its label elements alive: the same objects
    assert fast == plain


TRICKY_PAGES = [
    # Comments and processing instructions: no source, and no label in their text or tail.
    "<html><body><!--Tags:-->Tags:<div><?pi Tags:?>Topics:<p>x</p></div></body></html>",
    # Script and style: JSON-LD only; their text, tail, classes and itemprops are not read.
    '<html><head><style class="byline" itemprop="author">Tags:</style>Tags:'
    '<script type=" Application/LD+JSON ">{"@type": "NewsArticle", "headline": "H"}</script>'
    '<script class="byline">Topics:</script></head><body><p>x</p></body></html>',
    # A link is a source by its rel and, like any element, carries itemprops, bylines, labels.
    '<html><body><a rel="tag">Fish</a><a href="/x" itemprop="author">Jo Doe</a>'
    '<a class="Story-ByLine">By Ann</a><a>Tags:</a> Topics: <a rel="AUTHOR">Bo</a>'
    '<a rel="">Tags</a></body></html>',
    # Meta keys: several attributes, repeated and dotted keys, white space, no content.
    '<html><head><meta property="og:title og:title OG:Title" name="title" content="A">'
    '<meta name="  " content="B"><meta name="DC.Title DCTERMS.title dcterm.x dcterm:y" '
    'content="C"><meta http-equiv="Content-Language" itemprop="x y" content="en">'
    '<meta name="description"><meta property="" name="keywords" content="k1, k2">'
    '<meta name="a b c d e f g h i j k" content="many"></head><body></body></html>',
    # Canonical links: the first wins; rel spelled in capitals, with other values.
    '<html><head><link rel="stylesheet" href="/s.css"><link rel="Alternate CANONICAL" '
    'href="/one"><link rel="canonical" href="/two"></head><body></body></html>',
    # Labels: tail before the children's labels, white space of every kind, the cap.
    "<html><body><div>Tags:<span>Topics</span>\u00a0Keywords :\u3000<b>tagged with</b></div>"
    + "".join(f"<i>Tags:</i> Tags: <!-- c --> Tags:<u>{i}</u>" for i in range(MAX_TAG_LABELS))
    + "</body></html>",
    # Titles and headings: an SVG title is no page title; the h1 cap; headings linking home.
    "<html><head></head><body><svg><title>Icon</title></svg><title>Page</title><title>2</title>"
    + "".join(f'<h1><a href="/"><img alt="Site">H{i} ¶</a></h1>' for i in range(MAX_HEADINGS + 2))
    + '<time datetime="2020-01-02">x</time><time>no stamp</time></body></html>',
    # Bylines and microdata: the first byline only; itemprop names; xml:lang.
    '<html xml:lang="de"><body><div itemprop="author"><span itemprop="name">Ann</span></div>'
    '<span itemprop="datePublished" content="2021-03-04">March</span>'
    '<p class="x byline">Jo<b>Doe</b></p><p class="BYLINE">Second</p></body></html>',
]


@pytest.mark.parametrize("page", TRICKY_PAGES)
def test_the_walk_finds_what_a_plain_walk_finds(page: str) -> None:
    _assert_same_scan(page)


_TAGS = ["div", "span", "a", "meta", "link", "script", "style", "title", "h1", "time", "p"]
_ATTRIBUTES = st.sampled_from(
    [
        ' rel="tag"',
        ' rel="author"',
        ' rel="canonical" href="/c"',
        ' itemprop="author"',
        ' itemprop="datePublished" datetime="2020-01-01"',
        ' class="byline"',
        ' class="Byline-x"',
        ' class="other"',
        ' property="og:title"',
        ' name="DC.title keywords"',
        ' content="c"',
        ' datetime="2020-05-06"',
        ' type="application/ld+json"',
        ' href="/"',
    ]
)
_TEXTS = st.sampled_from(
    ["", " ", "\n  ", "Tags:", " Topics ", "\u00a0tags\u00a0", "x", "Tagged with :", "{}", "tag s"]
)


@st.composite
def _fragments(draw: st.DrawFn, depth: int = 0) -> str:
    pieces = []
    for _ in range(draw(st.integers(0, 3))):
        kind = draw(st.integers(0, 4))
        if kind == 0:
            pieces.append(f"<!--{draw(_TEXTS)}-->")
        elif kind == 1 or depth >= 3:
            pieces.append(draw(_TEXTS))
        else:
            tag = draw(st.sampled_from(_TAGS))
            attributes = "".join(draw(st.lists(_ATTRIBUTES, max_size=3)))
            inner = draw(_fragments(depth + 1))
            pieces.append(f"<{tag}{attributes}>{draw(_TEXTS)}{inner}</{tag}>{draw(_TEXTS)}")
    return "".join(pieces)


@settings(max_examples=200, deadline=None)
@given(head=_fragments(), body=_fragments())
def test_the_walk_finds_what_a_plain_walk_finds_on_any_page(head: str, body: str) -> None:
    _assert_same_scan(f"<html><head>{head}</head><body>{body}</body></html>")
