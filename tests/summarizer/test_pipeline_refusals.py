"""Not an article, decided both ways, and named: summarizer/pipeline.py and page_signals.py."""

from __future__ import annotations

import pytest

from summarizer import NotAnArticle, digest_html
from summarizer.extract.page_signals import (
    LISTING,
    LOGIN_WALL,
    PRODUCT_PAGE,
    SEARCH_RESULTS,
    TOO_LITTLE_TEXT,
)
from tests.helpers import FILLER, page, paragraph

SHORT_NEWS = f"{FILLER[0]} {FILLER[1]}"  # ~150 characters: under the 250 of a stub


def test_a_login_wall_is_named() -> None:
    """A short page with a password field is a login wall."""
    html = page("<p>Sign in to continue reading.</p><form><input type='password' name='pw'></form>")
    with pytest.raises(NotAnArticle) as caught:
        digest_html(html, "https://news.example/account")
    assert caught.value.reason == LOGIN_WALL


def test_search_results_are_named() -> None:
    """A page of result links at a search address is search results, not just a listing."""
    items = "".join(
        f"<li><a href='/story/{i}'>Story {i} about the council budget and the vote</a></li>"
        for i in range(40)
    )
    html = page(f"<p>{paragraph(0, 2)}</p><ul>{items}</ul>")
    with pytest.raises(NotAnArticle) as caught:
        digest_html(html, "https://news.example/search?q=budget")
    assert caught.value.reason == SEARCH_RESULTS
    with pytest.raises(NotAnArticle) as caught:
        digest_html(html, "https://news.example/topics/budget")
    assert caught.value.reason == LISTING


def test_a_short_page_is_too_little_text() -> None:
    """Without a declaration, 150 characters are a stub."""
    with pytest.raises(NotAnArticle) as caught:
        digest_html(page(f"<p>{SHORT_NEWS}</p>"), "https://news.example/stub")
    assert caught.value.reason == TOO_LITTLE_TEXT


def test_a_short_page_declaring_itself_an_article_is_a_short_article() -> None:
    """og:type article (or an article in JSON-LD) lowers the floor: short news exists."""
    head = '<meta property="og:type" content="article">'
    digest = digest_html(page(f"<p>{SHORT_NEWS}</p>", head=head), "https://news.example/brief")
    assert digest.text == SHORT_NEWS


def test_an_article_only_in_noscript_is_read() -> None:
    """A page that shows its article only inside <noscript> is retried with it kept."""
    body = "".join(f"<p>{paragraph(i, 4)}</p>" for i in range(4))
    html = f"<html><head><title>T</title></head><body><noscript>{body}</noscript></body></html>"
    assert paragraph(2, 4) in digest_html(html).text


def test_a_how_to_only_in_json_ld_is_read() -> None:
    """A page whose HTML holds no article but whose JSON-LD carries its steps is read from
    them, one paragraph a step."""
    steps = ", ".join(f'{{"@type": "HowToStep", "text": "{paragraph(i, 3)}"}}' for i in range(4))
    ld = f'{{"@type": "HowTo", "name": "Budget", "step": [{steps}]}}'
    html = (
        "<html><head><title>Budget</title>"
        f'<script type="application/ld+json">{ld}</script></head>'
        "<body><div id='app'>Loading</div></body></html>"
    )
    assert digest_html(html).text.split("\n\n") == [paragraph(i, 3) for i in range(4)]


def test_a_landing_page_of_blurbs_is_refused() -> None:
    """Feature headings over one-line blurbs are a product or landing page, not an article;
    the same blurbs declared an article are a (short) article."""
    blurbs = "".join(
        f"<h2>Feature {i}</h2><p>{FILLER[i]}</p><p>Learn more about feature {i}.</p>"
        for i in range(6)
    )
    with pytest.raises(NotAnArticle) as caught:
        digest_html(page(blurbs), "https://product.example/")
    assert caught.value.reason == PRODUCT_PAGE
    head = '<meta property="og:type" content="article">'
    assert digest_html(page(blurbs, head=head), "https://product.example/").sections
