"""find_links and canonical_url: examples from chat, and hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.errors import InvalidUrl
from summarizer.urls import TRACKING_PARAMETERS, canonical_url, find_links

_label = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?", fullmatch=True)
_tld = st.from_regex(r"[a-z]{2,6}", fullmatch=True)
_segment = st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9_.-]{0,10}[A-Za-z0-9])?", fullmatch=True)
_key = st.from_regex(r"[a-z][a-z0-9]{0,7}", fullmatch=True).filter(
    lambda key: key not in TRACKING_PARAMETERS and not key.startswith("utm")
)
_value = st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True)


@st.composite
def urls(draw: st.DrawFn) -> str:
    """Plain http(s) URLs as people paste them: host, path, maybe a query; no trailing marks."""
    scheme = draw(st.sampled_from(["http", "https"]))
    host = ".".join([*draw(st.lists(_label, min_size=1, max_size=3)), draw(_tld)])
    path = "/".join(draw(st.lists(_segment, max_size=4)))
    pairs = draw(st.lists(st.tuples(_key, _value), max_size=3))
    query = "&".join(f"{key}={value}" for key, value in pairs)
    return f"{scheme}://{host}/{path}" + (f"?{query}" if query else "")


_words = st.lists(st.from_regex(r"[A-Za-z]{1,8}", fullmatch=True), max_size=4).map(" ".join)


# -- find_links: examples --------------------------------------------------------------------


def test_links_in_a_sentence_lose_the_sentence_punctuation() -> None:
    """Full stops, commas and closing brackets around a link are not part of it."""
    text = "Read https://example.com/a. Or (https://example.com/b), or https://example.com/c!"
    assert find_links(text) == [
        "https://example.com/a",
        "https://example.com/b",
        "https://example.com/c",
    ]


def test_balanced_parentheses_stay_in_the_link() -> None:
    """Wikipedia-style parentheses belong to the URL; the one closing the sentence does not."""
    text = "(see https://en.wikipedia.org/wiki/Python_(programming_language))."
    assert find_links(text) == ["https://en.wikipedia.org/wiki/Python_(programming_language)"]


def test_masked_markdown_link_is_found() -> None:
    """`[text](url)` yields the URL without the closing parenthesis."""
    assert find_links("[the story](https://example.com/story)") == ["https://example.com/story"]


@pytest.mark.parametrize(
    "text",
    [
        "```\nhttps://example.com/code\n```",
        "```py\nprint('https://example.com/code')```",
        "try `https://example.com/code` here",
        "``https://example.com/code``",
        "||https://example.com/spoiler||",
        "<https://example.com/no-preview>",
        "> https://example.com/quoted",
        ">>> quoted block\nhttps://example.com/still-quoted",
    ],
)
def test_hidden_links_are_skipped(text: str) -> None:
    """Code, spoilers, no-preview angle brackets and quotes are not meant for Skim."""
    assert find_links(text) == []


def test_text_after_a_quote_line_is_read() -> None:
    """A single-line quote ends at its line; the reply below it counts."""
    assert find_links("> https://example.com/old\nhttps://example.com/new") == [
        "https://example.com/new"
    ]


def test_duplicates_by_canonical_url_are_dropped_in_order() -> None:
    """One link per article: tracking parameters, fragments and host case do not count."""
    text = (
        "https://b.example/x https://Example.com/a?utm_source=tw "
        "https://example.com/a#comments https://b.example/x"
    )
    assert find_links(text) == ["https://b.example/x", "https://Example.com/a?utm_source=tw"]


def test_non_http_links_and_credentials_are_ignored() -> None:
    """Only http(s) links without user:password@ are returned."""
    text = "ftp://example.com/f mailto:a@b.c http://user:pw@example.com/ https://ok.example/"
    assert find_links(text) == ["https://ok.example/"]


# -- find_links: properties ------------------------------------------------------------------


@given(
    st.lists(urls(), min_size=1, max_size=4), _words, st.sampled_from(["", ".", ",", "!", "?", ")"])
)
def test_every_pasted_link_is_found_in_order(links: list[str], words: str, mark: str) -> None:
    """Links separated by words and followed by punctuation are all found, once, in order."""
    text = " ".join(f"{words} {link}{mark}" for link in links)
    expected: list[str] = []
    keys: set[str] = set()
    for link in links:
        if canonical_url(link) not in keys:
            keys.add(canonical_url(link))
            expected.append(link)
    assert find_links(text) == expected


@given(urls(), _words)
def test_links_in_code_spoilers_and_quotes_are_never_found(link: str, words: str) -> None:
    """Whatever the link, wrapping it in hiding markdown hides it."""
    for hidden in (f"`{link}`", f"||{link}||", f"<{link}>", f"```\n{link}\n```", f"> {link}"):
        assert find_links(f"{words}\n{hidden}\n{words}") == []


@given(st.text(max_size=300))
def test_find_links_never_raises_and_returns_substrings(text: str) -> None:
    """Arbitrary text: no exception; every result is an http(s) substring of the message."""
    for link in find_links(text):
        assert link in text
        assert link.lower().startswith(("http://", "https://"))


# -- canonical_url ---------------------------------------------------------------------------


def test_canonical_url_examples() -> None:
    """Host lower-cased and IDNA-encoded, default port, fragment and trackers dropped."""
    assert (
        canonical_url("HTTP://Bücher.DE:80/a?utm_source=x&b=1&fbclid=2&mc_cid=3#frag")
        == "http://xn--bcher-kva.de/a?b=1"
    )
    assert canonical_url("https://EXAMPLE.com:443") == "https://example.com/"
    assert canonical_url("https://example.com:8443/x?") == "https://example.com:8443/x"
    assert canonical_url("https://Example.com./a") == "https://example.com/a"


@pytest.mark.parametrize(
    "url", ["ftp://example.com/", "http://u:p@example.com/", "http://", "not a url", "//x.com/"]
)
def test_canonical_url_refuses_what_is_never_fetched(url: str) -> None:
    """Non-http(s), credentials and host-less strings raise InvalidUrl."""
    with pytest.raises(InvalidUrl):
        canonical_url(url)


@given(urls())
def test_canonical_url_is_idempotent(url: str) -> None:
    """The cache key of a cache key is itself."""
    key = canonical_url(url)
    assert canonical_url(key) == key


@given(urls(), st.sampled_from(["utm_source", "utm_campaign", "fbclid", "gclid", "mc_cid"]), _value)
def test_tracking_parameters_and_fragments_do_not_change_the_key(
    url: str, tracker: str, value: str
) -> None:
    """Adding a tracker (first or last) or a fragment leaves the key unchanged."""
    key = canonical_url(url)
    joiner = "&" if "?" in url else "?"
    assert canonical_url(f"{url}{joiner}{tracker}={value}") == key
    assert canonical_url(f"{url}#{value}") == key
    if "?" in url:
        base, query = url.split("?", 1)
        assert canonical_url(f"{base}?{tracker}={value}&{query}") == key


@given(urls())
def test_host_case_and_default_port_do_not_change_the_key(url: str) -> None:
    """HOST.Example and host.example:443 (for https) are one article."""
    scheme, rest = url.split("://", 1)
    host, path = rest.split("/", 1)
    port = 80 if scheme == "http" else 443
    key = canonical_url(url)
    assert canonical_url(f"{scheme}://{host.upper()}/{path}") == key
    assert canonical_url(f"{scheme}://{host}:{port}/{path}") == key
    assert canonical_url(f"{scheme}://{host}:8081/{path}") != key


@given(urls())
def test_other_query_parameters_survive_in_order(url: str) -> None:
    """Non-tracking parameters are kept byte for byte and in their order."""
    query = url.split("?", 1)[1] if "?" in url else ""
    key = canonical_url(url)
    assert (key.split("?", 1)[1] if "?" in key else "") == query
