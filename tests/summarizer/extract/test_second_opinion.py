"""summarizer/extract/second_opinion.py: trafilatura's reading of Skim's pruned tree."""

from __future__ import annotations

import logging

import lxml.html
import pytest

from summarizer.extract.prune import prune
from summarizer.extract.second_opinion import trafilatura_blocks
from tests.helpers import FIXTURES, SEED_SUBHEADINGS, paragraph


def test_the_seed_article_comes_back_as_blocks_with_its_subheadings(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """trafilatura finds the seed article on the pruned tree, and its <head> elements come
    back as headings (a missing trafilatura internal would only show as a logged failure)."""
    doc = lxml.html.document_fromstring((FIXTURES / "seed_h2.html").read_text("utf-8"))
    prune(doc)
    with caplog.at_level(logging.WARNING, logger="summarizer.extract.second_opinion"):
        blocks = trafilatura_blocks(doc)
    assert caplog.records == []
    headings = [b.text for b in blocks if b.heading_level]
    assert all(heading in headings for heading in SEED_SUBHEADINGS)
    assert sum(len(b.text) for b in blocks if not b.heading_level) > 2000


def test_bold_text_stays_bold_for_the_pseudo_headings() -> None:
    """A wholly bold short line (a CMS's pseudo-heading) keeps its bold through trafilatura."""
    body = "".join(
        f"<p><strong>Part {i} of the plan</strong></p><p>{paragraph(i, 4)}</p>" for i in range(4)
    )
    doc = lxml.html.document_fromstring(f"<html><body><article>{body}</article></body></html>")
    blocks = trafilatura_blocks(doc)
    assert [b.text for b in blocks if b.all_bold] == [f"Part {i} of the plan" for i in range(4)]


def test_an_empty_page_gives_no_blocks() -> None:
    """Nothing found is an empty list, not an error."""
    assert trafilatura_blocks(lxml.html.document_fromstring("<html><body></body></html>")) == []
