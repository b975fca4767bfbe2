"""URLs Skim may fetch, and the canonical form of a URL that Skim uses as its cache key."""

from __future__ import annotations

from urllib.parse import unquote_plus

import httpx

from summarizer.errors import InvalidUrl

DEFAULT_PORTS = {"http": 80, "https": 443}

# Query parameters that only track who clicked; dropping them makes one article one cache key.
TRACKING_PARAMETERS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "wt_mc",
    }
)
TRACKING_PREFIXES = ("utm_",)


def canonical_url(url: str) -> str:
    """Return the cache key for `url`: lower-case IDNA host, no fragment, default port, trackers.

    Raises InvalidUrl for anything Skim would not fetch (not http(s), no host, credentials).
    """
    parsed = parse_http_url(url)
    scheme = parsed.scheme
    # "example.com." is the same site as "example.com"; the root dot is not part of the key.
    host = parsed.raw_host.decode("ascii").lower().rstrip(".") or "."
    if ":" in host:
        host = f"[{host}]"
    port = parsed.port
    netloc = host if port is None or port == DEFAULT_PORTS[scheme] else f"{host}:{port}"
    path = parsed.raw_path.split(b"?", 1)[0].decode("ascii") or "/"
    query = _without_trackers(parsed.query.decode("ascii"))
    return f"{scheme}://{netloc}{path}" + (f"?{query}" if query else "")


def parse_http_url(url: str) -> httpx.URL:
    """Parse and validate a URL Skim may fetch: http(s), a host, no user:password@."""
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise InvalidUrl(f"not a valid link: {exc}") from None
    if parsed.scheme not in DEFAULT_PORTS:
        raise InvalidUrl("only http and https links can be summarised")
    if not parsed.raw_host:
        raise InvalidUrl("the link has no host name")
    if parsed.userinfo:
        raise InvalidUrl("links with a user name or password are not fetched")
    return parsed


def _without_trackers(query: str) -> str:
    """Remove tracking parameters, leaving every other parameter byte-for-byte and in order."""
    if not query:
        return ""
    kept = [part for part in query.split("&") if part and not _is_tracker(part)]
    return "&".join(kept)


def _is_tracker(parameter: str) -> bool:
    """Whether a `name=value` query part is a click tracker."""
    name = unquote_plus(parameter.split("=", 1)[0]).lower()
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)
