"""Links in a Discord message: the ones its author shared, not the ones they hid or quoted."""

from __future__ import annotations

import re

from summarizer.errors import InvalidUrl
from summarizer.net.urls import canonical_url

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
