"""Tweets embedded in the page: the tweet's text set as a paragraph, then the line crediting
it ("— The Nigerian Senate (@NGRSenate) October 9, 2018").

The tweet stays in the article's text (it is part of what the page shows), but it is someone's
post quoted by the page, not the writer's prose: never a claim. Only its credit line tells it
apart, so it is judged a paragraph at a time: the paragraph right before a credit line. (Not
Instagram's "A post shared by ... (@kira) on Apr 21, 2019": its embed shows a picture, and the
paragraph before the credit is the writer's.)
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# The credit line on its own: a dash, the poster's name, the handle in brackets and the date
# (not a picture's or a source's credit naming a handle: "– Photo: John Smith (@jsmith) June
# 2019").
_TWEET_CREDIT = re.compile(
    r"\s*[—–-](?!\s*(?i:photo|foto|bild|image|credit|source|quelle|fuente|via)\b)\s*"
    r"[^()\n]{1,80}\(@\w{1,30}\)\s+(?:on |am |le |el |em )?(?:\d{1,2}\.? )?"
    r"[^\W\d_]{3,9}\.? (?:\d{1,2},? )?\d{4}\s*"
)


def credits_a_tweet(paragraph: str) -> bool:
    """The paragraph is the line crediting an embedded tweet to its poster."""
    return _TWEET_CREDIT.fullmatch(paragraph) is not None


def embedded_tweets(paragraphs: Sequence[str]) -> set[int]:
    """The indexes of the paragraphs that are an embedded tweet's text: each one right before
    its credit line (and not itself one)."""
    return {
        index
        for index in range(len(paragraphs) - 1)
        if credits_a_tweet(paragraphs[index + 1]) and not credits_a_tweet(paragraphs[index])
    }
