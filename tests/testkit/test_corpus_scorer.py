"""The moz subheading scorer: which of Readability's headings a tool is expected to keep."""

from __future__ import annotations

import lxml.html

from testkit.corpus import _APPARATUS_HEADING, _teaser_card_headings, fold


def test_teaser_cards_are_not_expected_subheadings() -> None:
    """In a list item whose heading links to another page, that title and its kicker are a
    teaser; a linked heading outside a list (a listicle's item) is the article's own."""
    tree = lxml.html.fromstring(
        "<div><ol><li><article><h3>On Tech</h3><h2><a href='/other'>Games and the metaverse</a>"
        "</h2><p>Blurb.</p></article></li></ol>"
        "<h3><a href='https://shop.example/rez'>Rez Infinite ($30)</a></h3><p>Review.</p>"
        "<ul><li><h3><a href='#part-2'>Part 2</a></h3></li></ul></div>"
    )
    teasers = {" ".join(h.text_content().split()) for h in _teaser_card_headings(tree)}
    assert teasers == {"On Tech", "Games and the metaverse"}


def test_the_apparatus_is_not_expected() -> None:
    """Contents, references, see also, external links and galleries are never sections; a
    heading that only contains such a word is."""
    for heading in ("Contents", "References", "See also", "External links", "Gallery: 14 Photos"):
        assert _APPARATUS_HEADING.match(fold(heading)), heading
    for heading in ("Response", "Notes on the method", "Eliminating Repeating Alerts"):
        assert not _APPARATUS_HEADING.match(fold(heading)), heading
