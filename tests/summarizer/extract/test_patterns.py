"""summarizer/extract/patterns.py: furniture sentences are recognised, ordinary prose is not."""

from __future__ import annotations

import pytest

from summarizer.extract.patterns import is_boilerplate_sentence


@pytest.mark.parametrize(
    "line",
    [
        "Share this article on Facebook",
        "Sign up for our daily newsletter",
        "We use cookies to improve your experience.",
        "Also Read: Ten things to know",
        "Click here to read more",
        "Photo credit: Jane Doe",
        "(Image: Getty Images)",
        "ADVERTISEMENT",
        "© 2025 Example News. All rights reserved.",
        "Copyright 2024 Example Media",
        "Main article: History of New Zealand",
        "See also: List of tram systems",
        "If you enjoyed this article, we have a proposition for you: join our club.",
        "ATENÇÃO: Comentários com textos ofensivos não serão aprovados pelo moderador.",
        "Comments that break our rules will be removed.",
        "Advertisement - story continues below",
        "Sponsored content from our partners",
        "Join our WhatsApp channel for updates",
        "This site uses cookies to improve your experience.",
        "Subscribe to our channel",
    ],
)
def test_boilerplate_lines_are_recognised(line: str) -> None:
    """The usual non-content lines are boilerplate."""
    assert is_boilerplate_sentence(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council approved the plan on Tuesday.",
        "Sharing of data between agencies will improve, officials said.",
        "The photographer shared his images with the court.",
        "The minister declined to comment on the report.",
        "He said he enjoyed the visit to the factory.",
        "Girl Scout cookies sold out in two days this spring.",
        "Officials blamed a state-sponsored attack for the outage.",
        "The court ruled that copyright law protects the design.",
        "The advertisement was pulled after complaints from viewers.",
        "Millions subscribe each month, the company said.",
        "Google News changed how it ranks local stories.",
    ],
)
def test_ordinary_sentences_are_not_boilerplate(line: str) -> None:
    """Words near the boilerplate ones do not trip the filter."""
    assert not is_boilerplate_sentence(line)
