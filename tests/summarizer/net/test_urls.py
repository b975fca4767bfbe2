"""canonical_url: the cache key of a link, as examples and hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer.errors import InvalidUrl
from summarizer.net.urls import canonical_url
from tests.strategies import query_value, urls

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


@given(
    urls(),
    st.sampled_from(["utm_source", "utm_campaign", "fbclid", "gclid", "mc_cid"]),
    query_value,
)
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
