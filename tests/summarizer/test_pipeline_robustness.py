"""Bad input ends in NotAnArticle with a one-line reason, never in a crash."""

from __future__ import annotations

import logging

import pytest

from summarizer import InternalError, NotAnArticle, SummarizerError, digest_html, pipeline
from summarizer.extract import limits
from tests.helpers import page, paragraph


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        b"",
        b"\x00\x01\x02\xff\xfe garbage \x80\x81",
        "<html><body></body></html>",
        "<p>Just one short line.</p>",
        "<?xml version='1.0' encoding='utf-8'?><html><body><p>short</p></body></html>",
    ],
)
def test_empty_or_tiny_pages_are_not_articles(html: str | bytes) -> None:
    """Nothing to summarise gives NotAnArticle with a reason on one line."""
    with pytest.raises(NotAnArticle) as caught:
        digest_html(html)
    assert str(caught.value).startswith("not an article: ")
    assert "\n" not in str(caught.value)


def test_listing_page_is_not_an_article() -> None:
    """A homepage of headline links, even with a welcome blurb, is refused as a listing."""
    items = "".join(
        f"<li><a href='/story/{i}'>Story number {i} about the budget and the council vote</a></li>"
        for i in range(60)
    )
    html = f"<html><body><h1>City News</h1><p>{paragraph(0, 4)}</p><ul>{items}</ul></body></html>"
    with pytest.raises(NotAnArticle) as caught:
        digest_html(html)
    assert caught.value.reason == "the page is mostly links (a listing or a homepage)"


def test_headline_links_alone_are_a_listing() -> None:
    """Without any prose, a page of teaser links is a listing, whichever opinion reads it."""
    items = "".join(
        f"<li><a href='/story/{i}'>Story {i} about the vote</a></li>" for i in range(60)
    )
    with pytest.raises(NotAnArticle) as caught:
        digest_html(f"<html><body><h1>City News</h1><ul>{items}</ul></body></html>")
    assert caught.value.reason == "the page is mostly links (a listing or a homepage)"


def test_prose_with_a_few_links_is_an_article() -> None:
    """Links inside prose do not make a page a listing."""
    body = "".join(
        f"<p>{paragraph(i)} See <a href='/more/{i}'>the report</a>.</p>" for i in range(6)
    )
    assert digest_html(page(body)).title


def test_login_wall_is_not_an_article() -> None:
    """A login form with a line of text is not an article."""
    html = """<html><body><h1>Sign in</h1><p>Log in to continue reading.</p>
    <form><input name="user"><input type="password" name="pw"><button>Log in</button></form>
    </body></html>"""
    with pytest.raises(NotAnArticle):
        digest_html(html)


def test_deeply_nested_markup_does_not_crash() -> None:
    """Hostile nesting (thousands of levels) ends in a digest or NotAnArticle, not a crash."""
    html = "<div>" * 5000 + f"<p>{paragraph(0, 8)}</p>" + "</div>" * 5000
    try:
        digest = digest_html(page(html))
    except SummarizerError:
        return
    assert digest.title


def test_scripts_styles_and_hidden_text_never_reach_the_text() -> None:
    """Script bodies, CSS and hidden nodes are not article text."""
    html = page(
        f"<p>{paragraph(0)}</p><script>var secret = 'SCRIPTTEXT';</script>"
        "<style>.x{content:'STYLETEXT'}</style><p hidden>HIDDENTEXT</p>"
        "<p style='display:none'>NONETEXT</p><p aria-hidden='true'>ARIATEXT</p>"
        f"<p>{paragraph(3)}</p>"
    )
    text = digest_html(html).text
    for marker in ("SCRIPTTEXT", "STYLETEXT", "HIDDENTEXT", "NONETEXT", "ARIATEXT"):
        assert marker not in text


def test_huge_attribute_and_entity_soup_are_handled() -> None:
    """Odd but valid markup still yields the article."""
    junk = "x" * 200_000
    html = page(
        f"<p data-junk='{junk}'>{paragraph(0)}</p><p>&amp;&lt;&#0;&#xFFFFFF;{paragraph(2)}</p>"
    )
    digest = digest_html(html)
    assert paragraph(0) in digest.text


def test_mentions_and_markdown_in_the_page_are_kept_verbatim() -> None:
    """The engine copies text as it is; escaping for Discord is the bot's job."""
    html = page(
        f"<p>{paragraph(0)} @everyone should read ||this|| and `that`.</p><p>{paragraph(3)}</p>"
    )
    assert "@everyone should read ||this|| and `that`." in digest_html(html).text


def test_a_bug_that_escapes_is_an_internal_error_logged_once(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """digest_html raises nothing but SummarizerError: a bug in a step comes out as
    InternalError naming it, with its traceback logged once."""

    def broken(*args: object) -> None:
        raise KeyError("a bug")

    monkeypatch.setattr(pipeline, "read_metadata", broken)
    with caplog.at_level(logging.ERROR, logger="summarizer"), pytest.raises(InternalError) as bug:
        digest_html(page(f"<p>{paragraph(0)}</p>"), "https://x.example/a")
    assert str(bug.value) == "internal error while reading the page (KeyError: 'a bug')"
    assert isinstance(bug.value, SummarizerError)
    logged = [r for r in caplog.records if r.exc_info]
    assert len(logged) == 1 and "https://x.example/a" in logged[0].getMessage()


def test_a_page_that_runs_out_of_memory_is_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where memory is capped (the bot's workers), running out is a refusal, not a crash."""

    def hungry(*args: object) -> None:
        raise MemoryError

    monkeypatch.setattr(pipeline, "prune", hungry)
    with pytest.raises(NotAnArticle, match="too large to digest"):
        digest_html(page(f"<p>{paragraph(0)}</p>"))


def test_an_oversized_title_is_cut_and_the_article_still_digested() -> None:
    """A 1 MB <title> is trimmed, not refused: the page is still an article."""
    body = "".join(f"<p>{paragraph(i)}</p>" for i in range(4))
    html = page(body).replace("<title>", "<title>" + "word " * 200_000, 1)
    digest = digest_html(html)
    assert paragraph(0) in digest.text
    assert len(digest.title) <= limits.MAX_TITLE_CHARS
