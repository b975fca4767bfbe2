"""Small builders shared by the engine tests."""

from __future__ import annotations

from pathlib import Path

from summarizer.model import Digest

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"

# The seed article (tests/fixtures/seed_*.html): its headline, six subheadings and tags.
SEED_HEADLINE = (
    "Why Does Russia See NATO as a Direct Threat? Explains Russian Foreign Minister Sergey Lavrov"
)
SEED_SUBHEADINGS = (
    "From Defense to Offense: NATO’s Changing Role",
    "Weaponizing Ukraine and Ignoring Russian Concerns",
    "The Ethnic Russian Question and Historical Grievances",
    "NATO’s Military Spending and Russia’s Response",
    "Openness to Dialogue—With Conditions",
    "Arms Race and Public Sentiment",
)
SEED_TAGS = ("NATO", "Russia", "Sergei Lavrov")

# Distinct, real-looking sentences so that pages are long enough to count as articles.
FILLER = [
    "The council met on Tuesday to debate the new budget for the coming year.",
    "Several members argued that the transport plan needed far more money than proposed.",
    "Residents who attended the meeting asked for safer crossings near the two schools.",
    "The mayor said the city would publish a detailed response within a month.",
    "Officials expect the final vote to take place before the end of the quarter.",
    "Local businesses have welcomed the plan but warned about months of roadworks.",
    "A similar scheme in a neighbouring town cut traffic accidents by a third.",
    "Critics noted that the last plan of this kind ran two years late and over budget.",
]


def paragraph(start: int = 0, count: int = 3) -> str:
    """`count` filler sentences starting at `start`, as one paragraph's text."""
    return " ".join(FILLER[(start + i) % len(FILLER)] for i in range(count))


def page(body: str, *, title: str = "Council debates the new budget", head: str = "") -> str:
    """A complete HTML page with `body` inside an <article>, plus site furniture around it."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | City News</title><meta property="og:site_name" content="City News">{head}</head>
<body><header class="site-header"><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<main><article><h1>{title}</h1>{body}</article></main>
<footer class="site-footer"><p>© 2025 City News. All rights reserved.</p></footer></body></html>"""


def section_texts(digest: Digest) -> dict[str | None, str]:
    """The text under each section's heading, rebuilt from `digest.text`."""
    headings = [s.heading for s in digest.sections if s.heading]
    result: dict[str | None, list[str]] = {None: []}
    current: str | None = None
    for block in digest.text.split("\n\n"):
        if headings and block == headings[0]:
            current = headings.pop(0)
            result[current] = []
            continue
        result[current].append(block)
    return {key: "\n\n".join(value) for key, value in result.items()}
