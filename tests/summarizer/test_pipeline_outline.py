"""The digest keeps the outline: each section's heading level."""

from __future__ import annotations

from summarizer import digest_html
from tests.helpers import page, paragraph


def test_digest_sections_carry_their_heading_levels() -> None:
    """An <hN> heads a section of level N, a bold pseudo-heading one below them all."""
    body = (
        f"<p>{paragraph(0)}</p><h2>Government</h2><p>{paragraph(1)}</p>"
        f"<h3>Local government</h3><p>{paragraph(2)}</p><p><b>Councils</b></p>"
        f"<p>{paragraph(3)}</p><h2>Economy</h2><p>{paragraph(4)}</p>"
    )
    digest = digest_html(page(body))
    assert [(s.heading, s.level) for s in digest.sections] == [
        (None, 0),
        ("Government", 2),
        ("Local government", 3),
        ("Councils", 7),
        ("Economy", 2),
    ]
