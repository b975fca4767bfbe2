"""summarizer/extract/blocks.py: the block walk, on parsed pages and on built trees."""

from __future__ import annotations

import lxml.html
from lxml import etree

from summarizer.extract import blocks
from summarizer.extract.blocks import collect_blocks
from summarizer.extract.patterns import (
    INNER_FURNITURE_NAMES,
    NOTES_NAMES,
    SCREEN_READER_NAMES,
    looks_like_furniture,
    names_furniture,
)


def _blocks(html: str) -> list[tuple[str, int, int]]:
    container = lxml.html.fragment_fromstring(html, create_parent="div")
    return [(b.text, b.heading_level, b.link_chars) for b in collect_blocks(container)]


def test_a_named_anchor_is_not_link_text() -> None:
    """<a name=...> without href marks a place; only <a href> is link text."""
    assert _blocks("<p><a name='top'>Budget</a> vote today.</p>") == [("Budget vote today.", 0, 0)]
    assert _blocks("<p><a href='/x'>Budget</a> vote today.</p>") == [("Budget vote today.", 0, 6)]


def test_ruby_readings_are_skipped_inside_the_sentence() -> None:
    """Furigana (<rt>) and its brackets (<rp>) are not text, and do not split the sentence."""
    html = "<p>今日は<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>へ行きます。</p>"
    assert _blocks(html) == [("今日は東京へ行きます。", 0, 0)]


def test_the_headline_in_the_articles_header_is_not_a_subheading() -> None:
    """The article's <header> is read (its lead is text) but its h1 is the headline."""
    html = (
        "<article><header><h1>Council votes</h1><p>The lead of the story.</p></header>"
        "<h2>Budget</h2><p>Body text.</p></article>"
    )
    assert _blocks(html) == [
        ("The lead of the story.", 0, 0),
        ("Budget", 2, 0),
        ("Body text.", 0, 0),
    ]


def test_a_built_tree_is_walked_like_a_parsed_one() -> None:
    """The second opinion's output is built with etree, not parsed: the walk reads it alike."""
    root = etree.fromstring("<div><h2>Budget</h2><p>The <b>vote</b> is today.</p></div>")
    assert [(b.text, b.heading_level) for b in collect_blocks(root)] == [
        ("Budget", 2),
        ("The vote is today.", 0),
    ]


def test_a_names_hover_card_is_not_glued_into_the_sentence() -> None:
    """A pop-up card inside a sentence (a photo, the full name and a list of the person's
    articles) is not read; the linked name and the sentence around it are."""
    html = (
        "<p>South Dakota Gov. <span><a href='/people/noem'>Kristi Noem</a><span><span>"
        "<img src='/noem.jpg'><a href='/people/noem'>Kristi Lynn Noem</a>"
        "<a href='/a/1'>South Dakota drops pipeline protest laws</a> <a href='/people/noem'>MORE"
        "</a></span></span></span> (R) is defending the campaign.</p>"
    )
    assert [text for text, _, _ in _blocks(html)] == [
        "South Dakota Gov. Kristi Noem (R) is defending the campaign."
    ]


def test_an_inline_picture_with_one_link_is_read() -> None:
    """A linked icon beside a name is not a card: one link, and the text stays."""
    html = "<p>Say <span><img src='/i.png'><a href='/x'>hello</a> to Ana</span> today.</p>"
    assert [text for text, _, _ in _blocks(html)] == ["Say hello to Ana today."]


def test_a_heading_only_screen_readers_announce_is_marked_hidden() -> None:
    """A landmark heading ("Chapter Text", class "landmark heading") is never shown."""
    container = lxml.html.fragment_fromstring(
        "<h3 class='landmark heading'>Chapter Text</h3><h3 class='title'>Chapter 1</h3>",
        create_parent="div",
    )
    assert [(b.text, b.hidden) for b in collect_blocks(container)] == [
        ("Chapter Text", True),
        ("Chapter 1", False),
    ]


def test_a_short_block_its_class_names_a_subheading_reads_as_bold() -> None:
    """ "pf_subheadline", "crosshead": the style sheet sets it bold, and Skim reads it so
    (then a pseudo-heading, if it heads text). A paragraph named so (a dek) and a header's
    "subheader" bar are read as they are."""
    container = lxml.html.fragment_fromstring(
        "<div class='pf_subheadline'>Our ruling</div><p class='crosshead'>What it <a href='/x'>"
        "costs</a></p><p class='subheadline'>Ob Energie, Finanzen oder Telekommunikation: "
        "überall finden sich Klauseln, über die wir Sie hier informieren.</p>"
        "<div class='l-subheader'>Menu</div>",
        create_parent="div",
    )
    assert [(b.text, b.all_bold, b.link_chars) for b in collect_blocks(container)] == [
        ("Our ruling", True, 0),
        ("What it costs", True, 5),
        (
            "Ob Energie, Finanzen oder Telekommunikation: überall finden sich Klauseln, über die"
            " wir Sie hier informieren.",
            False,
            0,
        ),
        ("Menu", False, 0),
    ]


def test_a_subheadings_class_name_is_read_in_any_case_and_language() -> None:
    """ "zwischentitel", "intertitle" and a class in capitals name a subheading as "crosshead"
    does: each short block reads as bold, and is marked bold by its name only."""
    container = lxml.html.fragment_fromstring(
        "<p class='CROSSHEAD'>What it costs</p><p class='zwischentitel'>Was es kostet</p>"
        "<p class='intertitle'>Ce que ça coûte</p><p class='Zwischentitel'>Was es kostet</p>"
        "<p class='crosshead'>What it costs</p><p><b>Who pays</b></p>",
        create_parent="div",
    )
    assert [(b.all_bold, b.named_bold) for b in collect_blocks(container)] == [
        (True, True),
        (True, True),
        (True, True),
        (True, True),
        (True, True),
        (True, False),
    ]


def test_an_elements_names_are_judged_as_looks_like_furniture_judges_them() -> None:
    """`_names` joins class and id once per element for every furniture table the walk asks:
    the same verdicts as `looks_like_furniture`, also for an empty or a missing attribute."""
    attributes = [
        "",
        "class=''",
        "id=''",
        "class='' id=''",
        "class='caption'",
        "id='caption'",
        "class='x' id='footnotes'",
        "class='sr-only'",
        "class='a b' id='wp-caption-text'",
        "class='sharing-with-a-single-developer-now'",
        "id='ad'",
        "class=' '",
    ]
    for attribute in attributes:
        element = lxml.html.fragment_fromstring(f"<div {attribute}>x</div>")
        for pattern in (INNER_FURNITURE_NAMES, NOTES_NAMES, SCREEN_READER_NAMES):
            assert names_furniture(blocks._names(element), pattern) == looks_like_furniture(
                element, pattern
            ), (attribute, pattern.pattern)


def test_white_space_between_blocks_opens_no_block_and_keeps_each_blocks_marks() -> None:
    """A run of white space and line breaks between blocks (the walk's most common text) is
    no block of its own, and the block after it has its own tag, bold and link counts."""
    container = lxml.html.fragment_fromstring(
        "<div>\n  <p>One <a href='/a'>link</a>.</p>\n <br> <br>\n <h2>  </h2>\n"
        "<ul>\n <li><b>Bold</b></li>\n</ul> <br><br> <span> </span> Tail text.</div>"
    )
    blocks_ = collect_blocks(container)
    assert [(b.text, b.tag, b.heading_level, b.all_bold, b.link_chars) for b in blocks_] == [
        ("One link.", "p", 0, False, 4),
        ("Bold", "li", 0, True, 0),
        ("Tail text.", "p", 0, False, 0),
    ]


def test_an_inline_element_without_children_is_no_hover_card() -> None:
    """The hover-card test asks first whether the element has children (a card holds a
    picture): a bare link is read, a card with a picture and two links is not."""
    card = "<span><img src='p.jpg'><a href='/a'>Kristi Noem</a><a href='/b'>Her articles</a></span>"
    assert not blocks._is_hover_card(lxml.html.fragment_fromstring("<a href='/x'>Noem</a>"))
    assert blocks._is_hover_card(lxml.html.fragment_fromstring(card))
    assert _blocks(f"<p>Gov. {card} said.</p>") == [("Gov. said.", 0, 0)]


def test_a_footnote_marker_glued_to_a_headings_word_is_dropped() -> None:
    """ "zur bAV<sup>1</sup>" is the heading "zur bAV", not "zur bAV1"; an exponent after a
    unit or a figure stays ("pro m2", "mc2")."""
    assert _blocks("<h2>Die Rente zur bAV<sup>1</sup></h2>") == [("Die Rente zur bAV", 2, 0)]
    assert _blocks("<h2>Kosten*<sup>†</sup> im Jahr</h2>") == [("Kosten* im Jahr", 2, 0)]
    assert _blocks("<h3>Preis pro m<sup>2</sup></h3>") == [("Preis pro m2", 3, 0)]
    assert _blocks("<h3>E = mc<sup>2</sup> erklärt</h3>") == [("E = mc2 erklärt", 3, 0)]


def test_a_footnote_marker_in_the_text_is_dropped_when_it_links_to_its_note() -> None:
    """A linked marker ("seconds.<sup><a href=#fn>23</a></sup>") and a star are dropped; an
    unlinked figure may be an exponent ("km<sup>2</sup>") and a letter an abbreviation's end
    ("Mag.<sup>a</sup>"): kept. A marker opening a note's line is not glued to a word."""
    html = (
        "<p>It takes 5 seconds.<sup><a href='#fn1'>23</a></sup> Then more"
        "<a href='#fn-2'><sup>2</sup></a> text<sup>*</sup> on 268 km<sup>2</sup> with "
        "Mag.<sup>a</sup> Berger.</p><p><sup><a href='#ref1'>1</a></sup> The note.</p>"
    )
    texts = [text for text, _, _ in _blocks(html)]
    assert texts == [
        "It takes 5 seconds. Then more text on 268 km2 with Mag.a Berger.",
        "1 The note.",
    ]


def _texts_and_tags(html: str) -> list[tuple[str, str, bool]]:
    container = lxml.html.fragment_fromstring(html, create_parent="div")
    return [(b.text, b.tag, b.all_bold) for b in collect_blocks(container)]


def test_a_label_line_ended_by_a_line_break_is_a_block_of_its_own() -> None:
    """A short line that a <br> ends (a bold subheading, a list item's term), with a
    capitalised line after it, is not glued to the sentence under it: both are blocks, of the
    element they sit in."""
    paragraph = (
        "From hundreds of submitted concepts, the festival jury selected thirty artworks that "
        "light up the city."
    )
    assert _texts_and_tags(
        f"<p><strong>Light as a medium, and stories about Amsterdam</strong><br>\n{paragraph}"
        "<br>On behalf of the festival, an art historian went in search of stories.</p>"
    ) == [
        ("Light as a medium, and stories about Amsterdam", "p", True),
        (
            f"{paragraph} On behalf of the festival, an art historian went in search of stories.",
            "p",
            False,
        ),
    ]
    assert _texts_and_tags(
        "<p>July 7, 2020<br>The below letter will be appearing in the Letters section of the "
        "magazine. We welcome responses at letters@harpers.org</p>"
    ) == [
        ("July 7, 2020", "p", False),
        (
            "The below letter will be appearing in the Letters section of the magazine. We "
            "welcome responses at letters@harpers.org",
            "p",
            False,
        ),
    ]
    assert _texts_and_tags(
        "<ul><li>Elektronische Fallakte (eFA)<br> Die eFA ist <b>ärztlich</b> geführt und "
        "moderiert.</li></ul>"
    ) == [
        ("Elektronische Fallakte (eFA)", "li", False),
        ("Die eFA ist ärztlich geführt und moderiert.", "li", False),
    ]


def test_a_list_of_short_lines_is_one_block() -> None:
    """Short lines after short lines (a name and a role, an address, dates) are not labels of
    paragraphs: the line after a label is at least twice as long, and ends with a stop or is
    as long as a paragraph."""
    for html in (
        "<p>Datenleck bei Rheinmetall<br>Benedikt Strunz, NDR</p>",
        "<p>Dr. Niklas Röber<br>NVIDIA<br>Prof. Bjorn Stevens<br>Max-Planck-Institut</p>",
        "<p>Pressekontakt<br>Dr. Tim Loppe, Pressesprecher der naturstrom AG</p>",
    ):
        assert len(_texts_and_tags(html)) == 1, html


def test_a_line_break_inside_a_sentence_does_not_end_it() -> None:
    """A hard-wrapped line is no label: it ends with a word a sentence goes on after, or a
    comma, or follows a line that did not end a sentence, or the next line goes on in lower
    case; a table cell's lines are one datum."""
    for html in (
        "<p>The arguments are those passed to the<br>Request() constructor.</p>",
        "<p>Gedanken dazu, bis 3. April an die<br>Berliner und ihre Besucher.</p>",
        "<p>Dr. Nikolaus Huss, Politikberater,<br>Anregungen für eine Neuaufstellung.</p>",
        "<p>Advice in Lisp enables similar functionality —<br>incidentally, Advice was the "
        "inspiration behind Aspect Oriented<br>Programming in Java.</p>",
        "<p>Advice was the inspiration behind<br>aspect oriented programming.</p>",
        "<table><tr><td>Beitragsbemessungsgrenze gesetzliche<br>Rentenversicherung</td></tr>"
        "</table>",
    ):
        assert len(_texts_and_tags(html)) == 1, html


def test_the_block_after_a_label_counts_its_own_bold_lead_and_links() -> None:
    """The line after a label opens a block with its own counts: the bold run it opens with
    (a run-in term of its own), its link characters."""
    container = lxml.html.fragment_fromstring(
        "<div><p><b>Varianten</b> von Akten<br><b>Die eFA</b> ist <a href='/a'>ärztlich</a> "
        "geführt und moderiert.</p></div>"
    )
    assert [(b.text, b.bold_lead_chars, b.link_chars) for b in collect_blocks(container)] == [
        ("Varianten von Akten", 9, 0),
        ("Die eFA ist ärztlich geführt und moderiert.", 7, 8),
    ]


def test_the_line_break_after_an_inline_element_does_not_part_a_comma_from_its_word() -> None:
    """CMS markup breaks the line after a bold or linked word and before the comma or stop
    that follows it ("<b>Premium-Liga</b>\\n, was"): the text reads "Premium-Liga, was", not
    "Premium-Liga , was" (the gap a stripped formula leaves, which makes no claim). The gap
    that an element skipped in the walk leaves stays, and so does a space before ".NET"."""
    assert _blocks("<p>die deutsche <b>Premium-Liga</b>\n, was die Haptik betrifft.</p>") == [
        ("die deutsche Premium-Liga, was die Haptik betrifft.", 0, 0)
    ]
    assert _blocks("<p>von <a href='/l'>1.704 Litern</a>\n. Mit einer Zuladung.</p>") == [
        ("von 1.704 Litern. Mit einer Zuladung.", 0, 12)
    ]
    assert _blocks("<p>where <span><img src='f.png'></span> , the sum</p>")[0][0] == (
        "where , the sum"
    )
    assert _blocks("<p>built with <b>ASP</b> .NET today</p>")[0][0] == "built with ASP .NET today"


def test_a_block_holding_a_worded_link_to_a_place_on_the_page_jumps() -> None:
    """ "Why X is promising. (<a href='#grant'>More</a>)" points at its section below: the block
    jumps. A note's marker ("[3]"), a link elsewhere, and the blocks inside a link that wraps
    a tab's whole pane (its title, the pane's list) do not."""
    html = (
        "<ul><li>Why the charity is promising. (<a href='#grant'>More</a>)</li>"
        "<li>The grant ran two years.<a href='#note-3'>[3]</a></li>"
        "<li>Read the <a href='/report'>report</a>.</li>"
        "<li><a href='#tab-1'><i>REVIEWS</i><div><h4>Roast chicken</h4></div></a></li>"
        "</ul><ul><li>1 large chicken</li></ul>"
    )
    container = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [(b.text, b.jumps) for b in collect_blocks(container)] == [
        ("Why the charity is promising. (More)", True),
        ("The grant ran two years.[3]", False),
        ("Read the report.", False),
        ("REVIEWS", True),
        ("Roast chicken", False),
        ("1 large chicken", False),
    ]


def test_a_topic_link_named_like_a_tag_inside_a_sentence_keeps_its_words() -> None:
    page = (
        '<div><p>The <a href="/t/doobie-brothers/" id="auto-tag_doobie-brothers">Doobie '
        'Brothers</a> will unite with former frontman <a href="/t/mcdonald/" class="tag">'
        "Michael McDonald</a> for a tour.</p></div>"
    )
    ((text, _, _),) = _blocks(page)
    assert (
        text == "The Doobie Brothers will unite with former frontman Michael McDonald for a tour."
    )


def test_a_tag_lists_links_are_still_skipped() -> None:
    page = (
        '<div><p>A long enough paragraph of the article.</p><p>Tags: <a class="tag" href="/a">'
        'Alpha</a>, <a class="tag" href="/b">Beta</a></p></div>'
    )
    texts = [text for text, _, _ in _blocks(page)]
    assert "Alpha" not in " ".join(texts) and "Beta" not in " ".join(texts)


def test_a_script_buttons_bare_hash_link_is_no_jump() -> None:
    """A link to "#" alone or to a script's route ("#!/share") is a button the page's script
    answers ("Tweet this", "Menü", "Share"), no place on the page: its block does not jump,
    where one naming a place does."""
    html = (
        "<ul><li>Drink water before every meal. <a href='#'>Tweet this</a></li>"
        "<li>Walk after dinner. <a href='#!/share'>Share</a></li>"
        "<li>Sleep eight hours. <a href='#sleep'>More</a></li></ul>"
    )
    container = lxml.html.fragment_fromstring(html, create_parent="div")
    assert [b.jumps for b in collect_blocks(container)] == [False, False, True]
