"""A host's labels before its public suffix (summarizer/extract/hosts.py)."""

from __future__ import annotations

import pytest

from summarizer.extract.hosts import labels_before_suffix


@pytest.mark.parametrize(
    ("host", "labels"),
    [
        ("entermedia.co.kr", ["entermedia"]),
        ("www.bbc.co.uk", ["www", "bbc"]),
        ("www.gala.fr", ["www", "gala"]),
        ("wien.orf.at", ["wien", "orf"]),
        ("example.com", ["example"]),
        ("localhost", []),
    ],
)
def test_the_labels_before_the_public_suffix(host: str, labels: list[str]) -> None:
    """A country's second-level label ("co" of "co.uk") is the suffix's, not the site's."""
    assert labels_before_suffix(host) == labels
