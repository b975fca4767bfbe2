"""Metadata of hostile pages: broken URLs and dates are absent, JSON-LD of any shape is read
within bounds, and the title, tag and byline steps stay linear (issue 11)."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.extract import limits
from summarizer.extract.jsonld import JsonLd, parse_jsonld
from summarizer.extract.limits import MAX_SITE_NAME_WORDS
from summarizer.extract.metadata import (
    _COLON_SEPARATOR,
    _END_SEPARATOR,
    _SEPARATOR,
    PageMeta,
    TitleContext,
    _is_call_to_action,
    _unglued,
    normalise_date,
    read_metadata,
)
from summarizer.text import squash


def meta_of(head: str = "", body: str = "", url: str | None = None) -> PageMeta:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return read_metadata(lxml.html.document_fromstring(html), url)


def ld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


# --- the title's site-name cut: linear, and the same answers as a plain quadratic copy ------


def _reference_strip(context: TitleContext, title: str) -> str:
    """A spec copy of TitleContext.strip_affixes, written the plain quadratic way (every cut
    and every run of segments tried in turn): not an oracle of an older behaviour, so a rule
    changed there is changed here too. Its worth is that the linear cut of issue 11 answers
    as the obvious one does. A whole site name with separators of its own, and a separator
    left at an end, go first through strip_affixes's own step (tested on its own in
    test_metadata.py), as does the described part (`_described_part`, same file)."""

    def join(segments: list[str], separators: list[str]) -> str:
        text = segments[0]
        for separator, segment in zip(separators, segments[1:], strict=False):
            text += separator + segment
        return text.strip()

    def spells_host(segment: str, host: str) -> bool:
        """Its first words spell `host`, and at most two capitalised words without a digit
        follow (the strategies write no possessive and no umlaut)."""
        words = segment.split()
        for count in range(1, len(words) + 1):
            spelled = squash("".join(words[:count]))
            if len(spelled) >= len(host):
                rest = words[count:]
                last = words[count - 1]
                extra = len(spelled) - len(host)
                glued = last[len(last) - extra :] if extra else ""
                if glued:  # "SiteWiki": the host and a capitalised word, glued
                    camel = (
                        extra < len(last)
                        and last.isascii()
                        and last.isalnum()
                        and last[-extra - 1].islower()
                    )
                    if not (camel and spelled.startswith(host)):
                        return False
                    rest = [glued, *rest]
                elif spelled != host:
                    return False
                capitalised = all(w[:1].isupper() and not re.search(r"\d", w) for w in rest)
                return len(rest) <= 2 and capitalised
        return False

    def is_named(segment: str) -> bool:
        return squash(segment) in context.site_names

    def spelled_only_as_name(title: str) -> bool:
        segments = _SEPARATOR.split(title)[0::2]
        for index, segment in enumerate(segments):
            if is_named(segment) or not spells_host(segment, context.host_label):
                continue
            rest = [other.strip() for other in segments[:index] + segments[index + 1 :]]
            rest_is_h1 = squash("".join(rest)) in context.headings
            # (an h1 saying a one-word part beside a headline's words is the logo's)
            logo = len(segment.split()) == 1 and sum(len(o.split()) for o in rest) >= 3
            if (
                any(is_named(other) for other in segments)
                or (squash(segment) in context.headings and not logo)
                or (len("".join(rest)) <= len(segment.strip()) and not rest_is_h1)
            ):
                return False
        return True

    title = _unglued(" ".join(title.split()))
    host = context.host_label if spelled_only_as_name(title) else ""
    context = replace(context, host_label=host)

    def is_site(segment: str) -> bool:
        words = len(segment.split())
        return is_named(segment) or (
            bool(host) and words <= MAX_SITE_NAME_WORDS and spells_host(segment, host)
        )

    described = context._described_part(_SEPARATOR.split(title)[0::2])
    unnamed_title = context._without_whole_site_name(title)
    name_went_first = unnamed_title != title and title.endswith(unnamed_title)
    name_went_last = unnamed_title != title and not name_went_first
    title = _END_SEPARATOR.sub("", unnamed_title) or title
    parts = _SEPARATOR.split(title)
    segments, separators = parts[0::2], parts[1::2]
    if len(segments) < 2 or any(not s.strip() for s in segments):
        return title
    keys = [squash(segment) for segment in segments]
    longest = max(len(segment.strip()) for segment in segments)
    for index in range(1, len(segments)):
        if keys[index] and keys[index] in keys[index + 1 :]:  # said again: the site's tail
            # ... after it, where it is the headline said twice (an h1's, the longest part).
            said_headline = (
                keys[index] in context.headings or len(segments[index].strip()) >= longest
            )
            end = index + 1 if said_headline else index
            segments, separators = segments[:end], separators[: end - 1]
            break
    if len(segments) < 2:
        return join(segments, separators)
    named_before = named_after = False
    while len(segments) > 1:
        if is_site(segments[-1]) and not _COLON_SEPARATOR.fullmatch(separators[-1]):
            segments, separators = segments[:-1], separators[:-1]
            named_after = True
        elif is_site(segments[0]):
            segments, separators = segments[1:], separators[1:]
            named_before = True
        else:
            break
    # A call to action ending the title goes, before a headline's words.
    while (
        len(segments) > 1
        and not _COLON_SEPARATOR.fullmatch(separators[-1])
        and sum(len(segment.split()) for segment in segments[:-1]) >= 3
        and _is_call_to_action(segments[-1])
    ):
        segments, separators = segments[:-1], separators[:-1]

    def is_label(segment: str, rest: list[str]) -> bool:  # a word or two, before a headline
        rest_words = sum(len(part.split()) for part in rest)
        return (
            len(segment.split()) <= 2
            and not segment.strip()[0].islower()
            and not re.search(r"\d|[?!]\s*$", segment)
            and squash(segment) not in context.headings
            and rest_words >= 3
            and rest_words > len(segment.split())
        )

    # Beside where the site's name went, a section's label goes, unless the h1 says it too.
    if squash("".join(segments)) not in context.headings:
        while (named_before or name_went_first) and len(segments) > 1:
            if _COLON_SEPARATOR.fullmatch(separators[0]) or not is_label(segments[0], segments[1:]):
                break
            segments, separators = segments[1:], separators[1:]
        while (named_after or name_went_last) and len(segments) > 1:
            if _COLON_SEPARATOR.fullmatch(separators[-1]) or not is_label(
                segments[-1], segments[:-1]
            ):
                break
            # ...at the end, only one the page files itself under elsewhere
            if squash(segments[-1]) not in context.filed_under | context.crumbs:
                break
            segments, separators = segments[:-1], separators[:-1]
    kept = join(segments, separators)
    whole = join(segments, separators)
    if len(segments) < 2 or squash(whole) in context.headings:
        return described or kept
    for cut in range(len(segments) - 1, 0, -1):
        if _COLON_SEPARATOR.fullmatch(separators[cut - 1]):
            continue
        head = join(segments[:cut], separators[: cut - 1])
        tail = join(segments[cut:], separators[cut:])
        # An h1 of three words or more stands however short where the other side names the site.
        # (or the site's name went from that end, whole)
        tail_named = (
            named_after or name_went_last or any(is_site(segment) for segment in segments[cut:])
        )
        head_named = (
            named_before or name_went_first or any(is_site(segment) for segment in segments[:cut])
        )
        head_words = sum(len(segment.split()) for segment in segments[:cut])
        tail_words = sum(len(segment.split()) for segment in segments[cut:])
        sides = ((head, tail, tail_named, head_words), (tail, head, head_named, tail_words))
        for candidate, dropped, named, words in sides:
            long_enough = len(candidate) >= len(dropped) or (named and words >= 3)
            if long_enough and squash(candidate) in context.headings:
                return candidate
    best: tuple[int, int, int] | None = None  # an h1 amid the title: the longest, then earliest
    for start in range(1, len(segments) - 1):
        for end in range(start + 1, len(segments)):
            if _COLON_SEPARATOR.fullmatch(separators[start - 1]) or _COLON_SEPARATOR.fullmatch(
                separators[end - 1]
            ):
                continue
            run = squash(join(segments[start:end], separators[start : end - 1]))
            if run in context.headings and 2 * len(run) >= len(squash(whole)):
                best = min(best or (0, 0, 0), (-len(run), start, end))
    if best is not None:
        return join(segments[best[1] : best[2]], separators[best[1] : best[2] - 1])
    return described or kept


_segments = st.sampled_from(
    [
        *("Site", "News", "Big storm hits town", "A", "B", "B c", "!", "Site.com", "Sitecom"),
        *("Site Wiki", "Big Storm", "Jetzt vergleichen", "Storm hitsBig Storm"),
        *("SiteWiki", "BigStormNews"),
    ]
)
# Hosts that segments spell ("Site Wiki", "Big Storm"), and descriptions of none or one.
_host_labels = st.sampled_from(["", "site", "bigstorm", "sitecom"])
_descriptions = st.sampled_from(["", "Big storm hits town", "Storm hits", "News"])
_separators = st.sampled_from([" | ", " - ", ": ", " _", "｜", " :: ", " — ", " » "])


@given(st.data())
def test_title_cut_gives_the_same_answers_as_before(data: st.DataObject) -> None:
    """The linear affix cut answers exactly as the plain quadratic spec copy, for titles whose
    h1s are runs of their own segments (where cuts happen), with parts that spell the host
    and a description that may say one of them."""
    count = data.draw(st.integers(1, 8))
    segments = [data.draw(_segments) for _ in range(count + 1)]
    separators = [data.draw(_separators) for _ in range(count)]
    title = segments[0] + "".join(
        sep + seg for sep, seg in zip(separators, segments[1:], strict=True)
    )
    runs = data.draw(st.lists(st.tuples(st.integers(0, count), st.integers(0, count)), max_size=2))
    headings = [" ".join(segments[min(a, b) : max(a, b) + 1]) for a, b in runs]
    sites = data.draw(st.lists(_segments, max_size=2))
    context = TitleContext(
        site_names=frozenset(squash(s) for s in sites),
        headings=frozenset(squash(h) for h in headings),
        description=squash(data.draw(_descriptions)),
        host_label=data.draw(_host_labels),
        filed_under=frozenset(squash(s) for s in data.draw(st.lists(_segments, max_size=2))),
    )
    assert context.strip_affixes(title) == _reference_strip(context, title)


@pytest.mark.parametrize(
    ("title", "headings", "expected"),
    [
        ("A | B", ["A"], "A"),  # sides of equal length: the h1's side is kept
        ("A | B", ["B"], "B"),
        ("News: Storm | Site", ["Storm"], "News: Storm | Site"),  # never cut at a colon
        ("Crumb | Storm hits town", ["Storm hits town"], "Storm hits town"),
        ("Storm hits town | Crumb | Site", ["Storm hits town"], "Storm hits town"),
        ("Crumb | Storm hits town", ["Crumb"], "Crumb | Storm hits town"),  # the shorter side
    ],
)
def test_title_cut_examples(title: str, headings: list[str], expected: str) -> None:
    context = TitleContext(frozenset(), frozenset(squash(h) for h in headings))
    assert context.strip_affixes(title) == expected == _reference_strip(context, title)


def test_a_title_of_many_separators_is_read_in_part_and_still_cut_to_the_h1() -> None:
    """20,000 separators (the 58-second page of issue 11): only the first MAX_TITLE_CHARS are
    read; a headline ahead of the crumbs is still cut to the h1."""
    crumbs = " | ".join(f"crumb{i}" for i in range(20_000))
    meta = meta_of(f"<title>{crumbs}</title>")
    assert meta.title.startswith("crumb0 | crumb1 | ")
    assert len(meta.title) <= limits.MAX_TITLE_CHARS
    headline = "Storm hits the coast and the town counts the cost of the damage"
    meta = meta_of(f"<title>{headline} | {crumbs[:40]}</title>", f"<h1>{headline}</h1>")
    assert meta.title == headline
    huge = meta_of(f"<title>{'word ' * 200_000}</title>")
    assert len(huge.title) <= limits.MAX_TITLE_CHARS


# --- URLs and dates that do not parse are absent -----------------------------------------------


def test_broken_urls_are_absent_not_fatal() -> None:
    for broken in ("http://[::1", "http://[zz]/", "https://example.com:99999/", "http://"):
        meta = meta_of(
            f'<link rel="canonical" href="{broken}"><meta property="og:site_name" '
            f'content="{broken}">',
            url=broken,
        )
        assert meta.canonical_url is None
    assert meta_of('<link rel="canonical" href="/a">', url="https://x.example/b").canonical_url == (
        "https://x.example/a"
    )
    long = "https://x.example/" + "a" * limits.MAX_URL_CHARS
    assert meta_of(f'<link rel="canonical" href="{long}">').canonical_url is None


def test_absurd_dates_are_absent() -> None:
    for absurd in (
        "Tue, 01 Jan 2019 00:00:00 +9999999999999999999999",
        "01 Jan 2019 99999999999999999999:00",
        "2020-01-01T00:00:00Z" * 100,
        "99999999999999999999",
    ):
        assert normalise_date(absurd) is None
    assert normalise_date("Tue, 01 Jan 2019 10:00:00 +0000") == "2019-01-01T10:00:00+00:00"


def test_dates_are_found_past_a_page_of_undated_references() -> None:
    """Each source gives its first few candidates: hundreds of bad ones in one do not hide
    the date in the next."""
    references = '<meta itemprop="datePublished" content="1988">' * 300
    meta = meta_of(references + '<meta name="dc.date" content="2017-01-30">')
    assert meta.published == "2017-01-30"


# --- JSON-LD of any shape ---------------------------------------------------------------------


def test_jsonld_nested_beyond_recursion_or_depth_gives_nothing_or_the_top() -> None:
    assert parse_jsonld("[" * 100_000 + "]" * 100_000) == []
    deep = {"@type": "NewsArticle", "headline": "H", "author": [[[["Jane Doe"]]]]}
    assert JsonLd(parse_jsonld(json.dumps(deep))).names(deep["author"]) == ["Jane Doe"]
    too_deep: Any = "Jane Doe"
    for _ in range(limits.MAX_JSONLD_DEPTH + 5):
        too_deep = [too_deep]
    assert JsonLd([]).names(too_deep) == []
    graph: Any = {"@type": "NewsArticle", "headline": "deep"}
    for _ in range(limits.MAX_JSONLD_DEPTH + 5):
        graph = {"@graph": [graph]}
    assert all(node.get("headline") != "deep" for node in parse_jsonld(json.dumps(graph)))


def test_jsonld_wrong_types_are_absent() -> None:
    meta = meta_of(
        ld(
            {
                "@type": "NewsArticle",
                "headline": "Storm hits the coast",
                "author": {"@id": {"a": 1}},
                "publisher": {"@id": ["x"]},
                "datePublished": 12,
                "keywords": [1, None, "storm"],
                "inLanguage": {"x": 1},
                "name": ["x"],
            }
        )
    )
    assert meta.title == "Storm hits the coast"
    assert meta.byline is None and meta.published is None and meta.tags == ["storm"]


def test_jsonld_big_lists_and_scripts_are_bounded() -> None:
    nodes = parse_jsonld("[" + ",".join(["{}"] * 100_000) + "]")
    assert len(nodes) == limits.MAX_JSONLD_NODES
    names = JsonLd([]).names([f"Author {i}" for i in range(10_000)])
    assert names == [f"Author {i}" for i in range(limits.MAX_NAMES)]
    oversized = json.dumps({"@type": "NewsArticle", "headline": "x" * limits.MAX_JSONLD_CHARS})
    assert parse_jsonld(oversized) == []


# --- bounded scans: tags, bylines, meta ---------------------------------------------------------


def test_many_tag_labels_in_one_container_cost_one_look() -> None:
    """2,000 "Tags:" labels in one big container are judged once, and still no tag list; a
    small list after a label is found as before."""
    labels = "".join(f"<b>Tags:</b> <a href='/t/{i}'>topic{i}</a> " for i in range(2_000))
    assert meta_of(body=f"<div><p>{'prose ' * 200}</p>{labels}</div>").tags == []
    small = "<div><b>Tags:</b> <a href='/t/a'>Storms</a> <a href='/t/b'>Coast</a></div>"
    assert meta_of(body=small).tags == ["Storms", "Coast"]


def test_nested_itemprop_authors_read_only_the_first_few() -> None:
    nested = '<div itemprop="author">' * 250 + "Jane Doe" + "</div>" * 250
    assert meta_of(body=nested).byline == "Jane Doe"
    long_bio = '<div itemprop="author">By Jane Doe. ' + "She writes. " * 100_000 + "</div>"
    assert meta_of(body=long_bio).byline is None  # a bio, not a name, read only in part


def test_a_meta_key_soup_registers_each_key_once_and_a_bounded_value() -> None:
    keys = " ".join(["og:title", "description"] * 1_000)
    meta = meta_of(f'<meta property="{keys}" content="{"x" * 100_000}">')
    assert meta.title == "x" * limits.MAX_TITLE_CHARS
    assert meta.description is not None and len(meta.description) == limits.MAX_META_CHARS


def test_a_language_that_is_not_a_tag_is_absent() -> None:
    html = f'<html lang="{"x" * 10_000}"><head></head><body></body></html>'
    assert read_metadata(lxml.html.document_fromstring(html)).language is None
    assert meta_of('<meta property="og:locale" content="en_US">').language == "en-US"


def test_tag_candidates_are_bounded() -> None:
    links = "".join(f'<a rel="tag" href="/t/{i}">{"x" * 50}{i}</a>' for i in range(5_000))
    good = '<a rel="tag" href="/t/good">Storms</a>'
    assert meta_of(body=links + good).tags == []  # past MAX_TAG_CANDIDATES: not looked at
    assert meta_of(body=good + links).tags == ["Storms"]
    assert re.fullmatch(r"\d+", str(limits.MAX_TAG_CANDIDATES))
