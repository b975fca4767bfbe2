"""The card's tags where the page's own tags name a section of the site's navigation."""

from __future__ import annotations

from summarizer import digest_html
from tests.helpers import page

_BODY = (
    '<nav><a href="/town-hall">Town Hall</a> <a href="/sport">Sport</a></nav>'
    + (
        "<p>The council approved the new budget for the coming year after a long debate about the "
        "parks, the buses and the libraries of the city, which the mayor called fair.</p>"
    )
    * 6
    + "<p>The vote is the latest news from the town hall.</p>"
)
_TAGS = (
    '<meta property="article:tag" content="Town Hall">'
    '<meta property="article:tag" content="Budget">'
    '<meta property="article:tag" content="Council">'
)


def test_a_tag_the_menu_lists_and_the_article_says_once_is_dropped() -> None:
    """ "Town Hall" is a link of the site's <nav> and the article says it once: the section.
    "Budget" and "Council", which the article keeps saying, stay."""
    digest = digest_html(page(_BODY, head=_TAGS), "https://citynews.example/2025/budget")
    assert digest.tags == ["Budget", "Council"]
