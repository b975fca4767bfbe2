"""A fact-check's metadata reaches the claim picker: its verdict is on the card."""

from __future__ import annotations

import json

from summarizer import digest_html
from tests.helpers import page

_CLAIM_REVIEW = json.dumps(
    {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": "The state lost 40,000 factory jobs in two years.",
        "reviewRating": {"@type": "Rating", "alternateName": "Mostly True"},
    }
)
_BODY = """
<p>Senator Jane Doe said in a speech on Monday that the state lost 40,000 factory jobs in the
last two years, and she blamed the governor's trade policy for the loss.</p>
<p>Her office pointed to figures from the state's labour department as the source of the number.</p>
<h2>What the figures show</h2>
<p>State figures show 38,000 factory jobs lost in the state since 2021, most of them in
car plants. That is close to what Doe said, though a little smaller than her figure.
We rate the statement Mostly True.</p>
"""


def test_a_page_whose_json_ld_reviews_a_claim_shows_its_verdict() -> None:
    title = "Did the state lose 40,000 factory jobs?"
    checked = digest_html(
        page(
            _BODY, title=title, head=f'<script type="application/ld+json">{_CLAIM_REVIEW}</script>'
        ),
        "https://example.com/fact-check",
    )
    assert checked.sections[-1].claims == ["We rate the statement Mostly True."]
    plain = digest_html(page(_BODY, title=title), "https://example.com/fact-check")
    assert plain.sections[-1].claims != ["We rate the statement Mostly True."]


def test_a_fact_checks_rating_comes_from_its_claim_review_only() -> None:
    """The digest carries the rating the ClaimReview gives ("Mostly True"); a page without one
    has none, whatever its text says."""
    title = "Did the state lose 40,000 factory jobs?"
    head = f'<script type="application/ld+json">{_CLAIM_REVIEW}</script>'
    checked = digest_html(page(_BODY, title=title, head=head), "https://example.com/fact-check")
    assert checked.rating == "Mostly True"
    plain = digest_html(page(_BODY, title=title), "https://example.com/fact-check")
    assert plain.rating is None
