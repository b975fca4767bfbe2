"""Embedded tweets: the paragraph right before a tweet's credit line is the tweet's text."""

from __future__ import annotations

from summarizer.claims.embedded_tweets import credits_a_tweet, embedded_tweets

CREDIT = "— The Nigerian Senate (@NGRSenate) October 9, 2018"


def test_a_tweets_credit_line_is_told_apart() -> None:
    assert credits_a_tweet(CREDIT)
    assert credits_a_tweet("- Rep. Jane Doe (@janedoe) November 19, 2019")
    assert not credits_a_tweet("The Senate (@NGRSenate) shared the details on October 9, 2018.")
    # Instagram's credit follows a picture: the paragraph before it is the writer's.
    assert not credits_a_tweet("A post shared by Kira Bejaoui (@kirabejaoui) on Apr 21, 2019")
    # A picture's or a source's credit may name a handle too.
    assert not credits_a_tweet("– Photo: John Smith (@jsmith) June 2019")
    assert not credits_a_tweet("— Foto: Anna Berg (@annaberg) 3. Mai 2021")


def test_the_paragraph_before_a_credit_line_is_the_tweet() -> None:
    paragraphs = [
        "The details of the session were shared on the Senate's Twitter handle.",
        "Senate resolves to: Observe a minute silence in honour of the departed souls.",
        CREDIT,
        "The National Assembly resumed from its annual recess on Tuesday.",
    ]
    assert embedded_tweets(paragraphs) == {1}
    assert embedded_tweets([CREDIT, CREDIT]) == set()
