"""A host's labels before its public suffix: how metadata finds a site's name in its address
and how tags tell a tag that spells it ("entermedia.co.kr" -> ["entermedia"])."""

from __future__ import annotations

# Second-level labels under country domains ("co.uk", "com.au", "ne.jp"): the registry's, no
# part of a site's name.
SECOND_LEVEL_LABELS = frozenset({"co", "com", "net", "org", "ac", "go", "ne", "or", "gov", "edu"})


def labels_before_suffix(host: str) -> list[str]:
    """A host's labels but its public suffix, a second-level one under a country's with it
    ("entermedia.co.kr" -> ["entermedia"], "www.gala.fr" -> ["www", "gala"])."""
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in SECOND_LEVEL_LABELS:
        labels = labels[:-1]
    return labels[:-1]
