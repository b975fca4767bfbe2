"""Links in chat text, and the canonical form of a URL that Skim uses as its cache key."""

from __future__ import annotations

import re
from urllib.parse import unquote_plus

import httpx

from summarizer.errors import InvalidUrl

# Discord markdown whose links the author did not mean Skim to read.
_FENCED_CODE = re.compile(r"```.*?(?:```|\Z)", re.DOTALL)
_INLINE_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.DOTALL)
_SPOILER = re.compile(r"\|\|.+?\|\|", re.DOTALL)
_BLOCK_QUOTE = re.compile(r"(?m)^[ \t]*>>> .*", re.DOTALL)  # quotes everything to the end
_QUOTE_LINE = re.compile(r"(?m)^[ \t]*> .*$")
_NO_PREVIEW = re.compile(r"<https?://[^\s>]*>", re.IGNORECASE)

_LINK = re.compile(r"https?://[^\s<>|`\"]+", re.IGNORECASE)
# Punctuation that ends a sentence or markdown around a link rather than the link itself.
_TRAILING = ".,;:!?'*_~"
_CLOSERS = {")": "(", "]": "[", "}": "{"}

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


def find_links(message_text: str) -> list[str]:
    """Return the http(s) links a chat message shares, in order, one per canonical URL.

    Links inside code, spoilers, quotes and `<angle brackets>` (Discord's "no preview") are skipped.
    """
    visible = message_text
    for hidden in (_FENCED_CODE, _INLINE_CODE, _SPOILER, _BLOCK_QUOTE, _QUOTE_LINE, _NO_PREVIEW):
        visible = hidden.sub(" ", visible)
    links: list[str] = []
    seen: set[str] = set()
    for match in _LINK.finditer(visible):
        link = _trim(match.group(0))
        try:
            key = canonical_url(link)
        except InvalidUrl:
            continue
        if key not in seen:
            seen.add(key)
            links.append(link)
    return links


def _trim(link: str) -> str:
    """Drop trailing punctuation that closes the sentence, keeping balanced (parentheses)."""
    while link:
        last = link[-1]
        unbalanced = last in _CLOSERS and link.count(last) > link.count(_CLOSERS[last])
        if last in _TRAILING or unbalanced:
            link = link[:-1]
        else:
            break
    return link


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
