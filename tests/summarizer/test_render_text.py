"""summarizer/render_text.py: the CLI's card and Markdown show a fact-check's rating first."""

from __future__ import annotations

import dataclasses

from summarizer.model import Digest, Section
from summarizer.render_text import render_card, render_markdown

_DIGEST = Digest(
    url="https://news.example/check",
    canonical_url=None,
    title="Does the ambassador have a net worth of $17 million?",
    site_name="News Example",
    byline=None,
    published=None,
    language="en",
    text="",
    sections=[Section(heading=None, claims=["The claim is wholly unsubstantiated."])],
    reading_minutes=2,
    rating="Unproven",
)


def test_a_fact_checks_rating_comes_before_the_lead() -> None:
    """ "Rating: Unproven" stands above the lead's claims in both renderings; a digest
    without a rating shows none."""
    card = render_card(_DIGEST)
    assert card.index("Rating: Unproven") < card.index("The claim is wholly")
    markdown = render_markdown(_DIGEST)
    assert markdown.index("**Rating:** Unproven") < markdown.index("> The claim is wholly")
    unrated = dataclasses.replace(_DIGEST, rating=None)
    assert "Rating" not in render_card(unrated) + render_markdown(unrated)
