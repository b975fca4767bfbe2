"""find_links: the links of a chat message, as examples from chat and hypothesis properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.links import find_links
from summarizer.net.urls import canonical_url
from tests.strategies import urls, words

# -- find_links: examples --------------------------------------------------------------------


def test_links_in_a_sentence_lose_the_sentence_punctuation() -> None:
    """Full stops, commas and closing brackets around a link are not part of it."""
    text = "Read https://example.com/a. Or (https://example.com/b), or https://example.com/c!"
    assert find_links(text) == [
        "https://example.com/a",
        "https://example.com/b",
        "https://example.com/c",
    ]


def test_balanced_parentheses_stay_in_the_link() -> None:
    """Wikipedia-style parentheses belong to the URL; the one closing the sentence does not."""
    text = "(see https://en.wikipedia.org/wiki/Python_(programming_language))."
    assert find_links(text) == ["https://en.wikipedia.org/wiki/Python_(programming_language)"]


def test_masked_markdown_link_is_found() -> None:
    """`[text](url)` yields the URL without the closing parenthesis."""
    assert find_links("[the story](https://example.com/story)") == ["https://example.com/story"]


@pytest.mark.parametrize(
    "text",
    [
        "```\nhttps://example.com/code\n```",
        "```py\nprint('https://example.com/code')```",
        "try `https://example.com/code` here",
        "``https://example.com/code``",
        "||https://example.com/spoiler||",
        "<https://example.com/no-preview>",
        "> https://example.com/quoted",
        ">>> quoted block\nhttps://example.com/still-quoted",
    ],
)
def test_hidden_links_are_skipped(text: str) -> None:
    """Code, spoilers, no-preview angle brackets and quotes are not meant for Skim."""
    assert find_links(text) == []


def test_text_after_a_quote_line_is_read() -> None:
    """A single-line quote ends at its line; the reply below it counts."""
    assert find_links("> https://example.com/old\nhttps://example.com/new") == [
        "https://example.com/new"
    ]


def test_duplicates_by_canonical_url_are_dropped_in_order() -> None:
    """One link per article: tracking parameters, fragments and host case do not count."""
    text = (
        "https://b.example/x https://Example.com/a?utm_source=tw "
        "https://example.com/a#comments https://b.example/x"
    )
    assert find_links(text) == ["https://b.example/x", "https://Example.com/a?utm_source=tw"]


def test_non_http_links_and_credentials_are_ignored() -> None:
    """Only http(s) links without user:password@ are returned."""
    text = "ftp://example.com/f mailto:a@b.c http://user:pw@example.com/ https://ok.example/"
    assert find_links(text) == ["https://ok.example/"]


# -- find_links: properties ------------------------------------------------------------------


@given(
    st.lists(urls(), min_size=1, max_size=4), words, st.sampled_from(["", ".", ",", "!", "?", ")"])
)
def test_every_pasted_link_is_found_in_order(links: list[str], words: str, mark: str) -> None:
    """Links separated by words and followed by punctuation are all found, once, in order."""
    text = " ".join(f"{words} {link}{mark}" for link in links)
    expected: list[str] = []
    keys: set[str] = set()
    for link in links:
        if canonical_url(link) not in keys:
            keys.add(canonical_url(link))
            expected.append(link)
    assert find_links(text) == expected


@given(urls(), words)
def test_links_in_code_spoilers_and_quotes_are_never_found(link: str, words: str) -> None:
    """Whatever the link, wrapping it in hiding markdown hides it."""
    for hidden in (f"`{link}`", f"||{link}||", f"<{link}>", f"```\n{link}\n```", f"> {link}"):
        assert find_links(f"{words}\n{hidden}\n{words}") == []


@given(st.text(max_size=300))
def test_find_links_never_raises_and_returns_substrings(text: str) -> None:
    """Arbitrary text: no exception; every result is an http(s) substring of the message."""
    for link in find_links(text):
        assert link in text
        assert link.lower().startswith(("http://", "https://"))
