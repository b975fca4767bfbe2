"""summarizer/extract/content.py: readability's scoring, driven on Skim's pruned tree."""

from __future__ import annotations

import logging

import pytest

from summarizer.extract.content import find_main_content
from summarizer.extract.parse import parse_pruned
from tests.helpers import FIXTURES, SEED_SUBHEADINGS


def test_the_seed_article_is_found_by_readability_scoring(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The container holds the article's subheadings and not the cookie banner, and readability
    ran without falling back (a missing readability API would only show as a logged failure)."""
    source = (FIXTURES / "seed_h2.html").read_text(encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarizer.extract.content"):
        container = find_main_content(parse_pruned(source), None, source)
    assert caplog.records == []
    assert container is not None
    text = container.text_content()
    assert all(heading in text for heading in SEED_SUBHEADINGS)
    assert "cookie" not in text.lower()  # the banner is pruned before scoring
