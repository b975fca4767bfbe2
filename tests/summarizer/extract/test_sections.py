"""Subheadings, pseudo-headings and what never becomes part of the article."""

from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarizer import digest_html
from summarizer.extract import article, sections
from summarizer.extract.article import Block
from summarizer.extract.blocks import collect_blocks
from summarizer.extract.sections import article_sections
from tests.helpers import page, paragraph


def headings(html: str) -> list[str | None]:
    return [s.heading for s in digest_html(html).sections]


def test_h2_to_h6_are_section_headings_in_order() -> None:
    """Every level of subheading inside the article opens a section."""
    body = "".join(
        f"<h{level}>Part {level}</h{level}><p>{paragraph(level)}</p>" for level in (2, 3, 4, 5, 6)
    )
    assert headings(page(f"<p>{paragraph()}</p>{body}")) == [
        None,
        "Part 2",
        "Part 3",
        "Part 4",
        "Part 5",
        "Part 6",
    ]


def test_bold_paragraph_followed_by_text_is_a_pseudo_heading() -> None:
    """A short, wholly bold paragraph without final punctuation heads the text after it."""
    html = page(
        f"<p>{paragraph(0)}</p><p><strong>What the plan costs</strong></p><p>{paragraph(2)}</p>"
        f"<p><b>Who pays for it</b></p><p>{paragraph(4)}</p>"
    )
    assert headings(html) == [None, "What the plan costs", "Who pays for it"]


def test_a_bold_heading_may_lead_into_its_section_with_an_ellipsis() -> None:
    """ "The bottom line ..." heads the text after it; a bold line in small letters or with a
    comma before its ellipsis is a sentence cut off before what follows ("Menschen, die ...")."""
    html = page(
        f"<p>{paragraph(0)}</p><p><strong>The bottom line ...</strong></p><p>{paragraph(2)}</p>"
        f"<p><b>that said...</b></p><p>{paragraph(5)}</p>"
        f"<p><b>Mayors, who ...</b></p><p>{paragraph(6)}</p>"
    )
    assert headings(html) == [None, "The bottom line ..."]


def test_paragraph_in_capitals_followed_by_text_is_a_pseudo_heading() -> None:
    """News agencies set their subheadings as plain paragraphs in capitals ("WHO IS THE
    FRONT-RUNNER?"); one capitalised word, a line with figures or brackets, a line above the
    first prose (a credit), a line over an unfinished blurb (a teaser) or a line in capitals
    without text after it is no heading."""
    html = page(
        f"<p>ITV, ASSOCIATED PRESS</p><p>{paragraph(0)}</p><p>WHO IS THE FRONT-RUNNER?</p>"
        f"<p>{paragraph(2)}</p><p>FRIDAY APRIL 17: GALLERY BAR</p><p>{paragraph(3)}</p>"
        "<p>CLIMATE NEUTRAL FIRMS</p><p>What a firm must do to be rated climate neutral by the"
        " B.A.U.M. definition 2021</p>"
        f"<p>UPDATE</p><p>{paragraph(4)}</p><p>WHAT SAY YOU, JURY?</p><p>{paragraph(6)}</p>"
        "<p>THE END OF IT</p>"
    )
    assert headings(html) == [None, "WHO IS THE FRONT-RUNNER?", "WHAT SAY YOU, JURY?"]


def test_a_bold_credit_under_a_quote_is_not_a_heading() -> None:
    """ "– Kyle Hughes, Writer" in bold credits the quote above it; it heads nothing."""
    html = page(
        f"<p>{paragraph(0)}</p><p><strong>– Kyle Hughes, Writer</strong></p><p>{paragraph(2)}</p>"
    )
    assert headings(html) == [None]


def test_bold_sentence_and_bold_line_without_body_are_not_headings() -> None:
    """Final punctuation, or nothing after it, keeps a bold paragraph out of the headings."""
    html = page(
        f"<p>{paragraph(0)}</p><p><strong>This bold line is a full sentence.</strong></p>"
        f"<p>{paragraph(2)}</p><p><strong>Trailing bold line</strong></p>"
    )
    assert headings(html) == [None]


def test_partly_bold_paragraph_is_not_a_heading() -> None:
    """Only a paragraph that is bold as a whole can be a pseudo-heading."""
    html = page(f"<p>{paragraph(0)}</p><p><b>Bold</b> and plain</p><p>{paragraph(2)}</p>")
    assert headings(html) == [None]


def test_also_read_related_and_advertisement_are_never_headings() -> None:
    """Furniture labels are dropped, with the teasers under them."""
    html = page(
        f"<p>{paragraph(0)}</p>"
        "<p><strong>Also Read:</strong> <a href='/x'>Mayor resigns over budget row</a></p>"
        f"<h2>Related</h2><ul><li><a href='/y'>Ten things about the budget</a></li></ul>"
        f"<h2>The real subheading</h2><p>{paragraph(3)}</p>"
        f"<h3>Advertisement</h3><p>{paragraph(5)}</p>"
    )
    digest = digest_html(html)
    assert [s.heading for s in digest.sections] == [None, "The real subheading"]
    assert "Mayor resigns" not in digest.text
    assert "Ten things" not in digest.text
    assert "Also Read" not in digest.text


def test_captions_credits_share_bars_and_tag_lists_are_not_text() -> None:
    """Figures, credits, share bars, tag lists and newsletter pitches stay out of `text`."""
    html = page(
        f"<p>{paragraph(0)}</p>"
        "<figure><img src='a.jpg'><figcaption>The council chamber on Tuesday.</figcaption></figure>"
        "<p class='photo-credit'>Photo: Jane Doe/Agency</p>"
        "<div class='share-bar'><a>Share on Facebook</a> <a>Share on X</a></div>"
        f"<p>{paragraph(2)}</p>"
        "<p>Sign up for our newsletter to get the latest budget news every morning.</p>"
        "<div class='post-tags'>Tags: <a rel='tag'>Budget</a> <a rel='tag'>Council</a></div>"
    )
    text = digest_html(html).text
    for noise in ("council chamber on Tuesday", "Jane Doe", "Share on", "newsletter", "Tags:"):
        assert noise not in text
    assert paragraph(0) in text and paragraph(2) in text


def test_a_heading_inside_a_link_to_another_page_is_a_teasers_title() -> None:
    """A heading wrapped in a link to another page (an `<a>`, or a web component's
    `<pp-link href>`) is a teaser's title in the article, not its subheading; a heading
    wrapping an in-page anchor is one."""
    html = page(
        "".join(f"<p>{paragraph(n)}</p>" for n in range(3))
        + "<pp-inline-teaser><pp-link href='https://example.com/faq'><h3>FAQs Infektionsschutz"
        "</h3></pp-link><p>Erhalten Sie Antworten auf Ihre Fragen zum Thema.</p>"
        "</pp-inline-teaser>"
        + "<a href='#next'><h2>Next steps</h2></a>"
        + "".join(f"<p>{paragraph(n)}</p>" for n in range(3, 5))
    )
    assert [s.heading for s in digest_html(html).sections] == [None, "Next steps"]


def test_a_pictures_description_under_it_is_not_text() -> None:
    """A picture's description in a box named so ("article__image-desc") is its caption, even
    when it reads as a sentence: "Po głosowaniach w Sejmie (na zdjęciu ...) ..." is no lede."""
    caption = "After the votes in the chamber (pictured, the premier) the opposition must watch"
    html = page(
        "<picture><img src='a.jpg'></picture>"
        f"<div class='article__image-desc'>{caption}</div>"
        + "".join(f"<p>{paragraph(n)}</p>" for n in range(5))
    )
    text = digest_html(html).text
    assert caption not in text
    assert paragraph(0) in text


def test_text_puts_headings_on_their_own_lines_between_blank_lines() -> None:
    """Subheadings on their own lines, paragraphs separated by one blank line."""
    html = page(f"<p>{paragraph(0)}</p><h2>Next steps</h2><p>{paragraph(2)}</p>")
    assert digest_html(html).text == f"{paragraph(0)}\n\nNext steps\n\n{paragraph(2)}"


def test_headline_h1_is_not_a_section_or_text() -> None:
    """The article's h1 is the headline: neither a section heading nor part of `text`."""
    digest = digest_html(page(f"<p>{paragraph(0)}</p><p>{paragraph(3)}</p>"))
    assert digest.title == "Council debates the new budget"
    assert "Council debates the new budget" not in digest.text
    assert [s.heading for s in digest.sections] == [None]


def test_the_headline_set_again_above_the_text_heads_no_section() -> None:
    """A heading above the first prose that is the headline without what the page's title
    adds (a date, the site's name) is the lead's, not a section's; a heading sharing a few of
    the headline's words, or one after the prose began, is a section's."""
    title = "Ein Quantensprung für Nordhausen Nord : 06.11.2023, 11.41 Uhr"
    blocks = [
        Block("Stadt eröffnet Nordpark-Anlage"),
        Block("Ein Quantensprung für Nordhausen Nord", heading_level=2),
        Block(paragraph(0)),
        Block("Nordhausen Nord", heading_level=2),
        Block(paragraph(2)),
        Block("Ein Quantensprung für Nordhausen Nord", heading_level=2),
        Block(paragraph(4)),
    ]
    found = article_sections(blocks, title=title, byline=None)
    assert [s.heading for s in found] == [
        None,
        "Nordhausen Nord",
        "Ein Quantensprung für Nordhausen Nord",
    ]
    assert found[0].paragraphs == ["Stadt eröffnet Nordpark-Anlage", paragraph(0)]
    assert [aside.text for aside in found[0].asides] == ["Ein Quantensprung für Nordhausen Nord"]


def test_teasers_cut_off_with_an_ellipsis_are_no_sections() -> None:
    """A heading over a blurb cut off with an ellipsis and no prose of its own is a teaser for
    another page: it heads no section (its lines go to the section before)."""
    blurb = "Insbesondere in roten Gebieten gelten für die Herbstdüngung zusätzliche Vorgaben der"
    blocks = [
        Block(paragraph(0)),
        Block("Was gilt", heading_level=2),
        Block(paragraph(2)),
        Block("Herbstdüngung 2021", heading_level=3),
        Block(f"{blurb} bundesweit …"),
        Block("Mehr zum Thema", heading_level=2),
        Block(f"{paragraph(4)} Dazu kommen weitere Vorgaben der …"),
        Block("Sperrfristen im Überblick", heading_level=3),
        Block(f"{blurb} Verordnung …"),
    ]
    found = article_sections(blocks, title=None, byline=None)
    assert [s.heading for s in found] == [None, "Was gilt"]
    assert found[1].paragraphs[0] == paragraph(2)


def test_a_title_and_blurb_over_a_linked_read_more_are_a_teaser() -> None:
    """A heading over one paragraph and a linked "Mehr Informationen" is a teaser's box (an
    issue of a magazine, an offer) when its title has a kicker above it (as on holzwerken.net):
    it heads no section and its blurb is no text. A section of two paragraphs keeps its
    heading whatever link it ends on, and so does a prompt that is not a link."""
    blocks = [
        Block(paragraph(0)),
        Block("Einzelheft Zeitschrift"),
        Block("HolzWerken 98 Januar/Februar 2022", heading_level=2),
        Block(paragraph(1)),
        Block("Mehr Informationen", link_chars=18),
        Block("Was gilt", heading_level=2),
        Block(paragraph(2)),
        Block(paragraph(3)),
        Block("Read more", link_chars=9),
        Block("Wer zahlt", heading_level=2),
        Block(paragraph(4)),
        Block("Learn more"),
    ]
    found = article_sections(blocks, title=None, byline=None)
    assert [s.heading for s in found] == [None, "Was gilt", "Wer zahlt"]
    assert paragraph(1) not in found[0].paragraphs
    # The headline set again above a one-paragraph lead heads the article, not a teaser.
    title = "Rates rise again in March"
    opening = [
        Block(title, heading_level=2),
        Block(paragraph(5)),
        Block("Learn more", link_chars=10),
    ]
    found = article_sections(opening, title=f"{title} | Daily News", byline=None)
    assert found[0].paragraphs == [paragraph(5)]


def test_a_section_of_one_paragraph_may_end_on_a_link_to_learn_more() -> None:
    """ "How to apply", one paragraph and a linked "Learn more" (or "Más información",
    "Weitere Informationen", "Zum Angebot") is a section of a service or product page: kept
    with its text. Two such boxes in a row are teasers' (a list of other pages), and a
    "Mehr erfahren" that is no link takes no heading away."""
    for prompt in ("Learn more", "Más información", "Weitere Informationen", "Zum Angebot"):
        blocks = [
            Block(paragraph(0)),
            Block(paragraph(1)),
            Block("How to apply", heading_level=2),
            Block(paragraph(2)),
            Block(prompt, link_chars=len(prompt)),
            Block("Who is eligible", heading_level=2),
            Block(paragraph(3)),
            Block(paragraph(4)),
        ]
        found = article_sections(blocks, title=None, byline=None)
        assert [(s.heading, s.paragraphs) for s in found][1] == ("How to apply", [paragraph(2)])
    run = [Block(paragraph(0)), Block(paragraph(1))]
    for n in range(2, 5):
        run += [
            Block(f"Seminar {n}", heading_level=3),
            Block(paragraph(n)),
            Block("Mehr lesen...", link_chars=13),
        ]
    found = article_sections(run, title=None, byline=None)
    assert [(s.heading, s.paragraphs) for s in found] == [(None, [paragraph(0), paragraph(1)])]
    unlinked = [
        Block(paragraph(0)),
        Block(paragraph(1)),
        Block("Anmeldung", heading_level=2),
        Block("Mehr erfahren"),
        Block(paragraph(5)),
        Block(paragraph(6)),
    ]
    found = article_sections(unlinked, title=None, byline=None)
    assert [s.heading for s in found] == [None, "Anmeldung"]
    assert found[0].paragraphs == [paragraph(0), paragraph(1)]


def test_two_sections_in_a_row_may_each_end_on_a_learn_more_button() -> None:
    """ "How to apply" and "Who qualifies", each one paragraph over a linked "Learn more", are
    two sections of a service page, not a run of teasers: a button's word is no "Read more"."""
    blocks = [
        Block(paragraph(0)),
        Block(paragraph(1)),
        Block("How to apply", heading_level=2),
        Block(paragraph(2)),
        Block("Learn more", link_chars=10),
        Block("Who qualifies", heading_level=2),
        Block(paragraph(3)),
        Block("Learn more", link_chars=10),
    ]
    found = article_sections(blocks, title=None, byline=None)
    assert [(s.heading, s.paragraphs) for s in found][1:] == [
        ("How to apply", [paragraph(2)]),
        ("Who qualifies", [paragraph(3)]),
    ]


def test_a_dek_its_class_names_a_subheading_heads_no_section() -> None:
    """ "article__subhead", "subheadline" under the headline are the dek: above the text, a
    block bold only by its class name heads nothing, and the lead keeps its claim. Below the
    text, a block named so heads its section ("pf_subheadline" over a fact check's ruling)."""
    title = "Council extends tram line to the airport"
    text = "".join(f"<p>{paragraph(i, 4)}</p>" for i in range(4))
    cost = "<h2>Cost</h2>" + "".join(f"<p>{paragraph(i, 4)}</p>" for i in range(4, 7))
    for dek in (
        "<p class='article__subhead'>Critics plan to challenge the vote in court</p>",
        "<div class='subheadline'>Eine Analyse</div>",
    ):
        html = page(f"<h1>{title}</h1>{dek}{text}{cost}", title=title)
        assert [(s.heading, len(s.claims)) for s in digest_html(html).sections] == [
            (None, 1),
            ("Cost", 1),
        ]
    ruling = f"<div class='pf_subheadline'>Our ruling</div><p>{paragraph(8, 4)}</p>"
    assert headings(page(f"<h1>{title}</h1>{text}{ruling}", title=title)) == [
        None,
        "Our ruling",
    ]


def test_long_section_gets_two_claims_short_one_gets_one() -> None:
    """One claim per section by default, two for long sections."""
    long_text = "".join(f"<p>{paragraph(i, 4)}</p>" for i in range(8))
    html = page(
        f"<p>{paragraph(0)}</p><h2>Short part</h2><p>{paragraph(1, 2)}</p>"
        f"<h2>Long part</h2>{long_text}"
    )
    claims = {s.heading: s.claims for s in digest_html(html).sections}
    assert len(claims["Short part"]) == 1
    assert len(claims["Long part"]) == 2


def test_the_author_bio_and_a_charts_labels_are_not_text() -> None:
    """The author's bio under the article and the labels of a chart set in it (a box named
    graphic) are the page's furniture, not the article."""
    labels = "".join(f"<p>{label}</p>" for label in ("$915", "billion", "’17", "’18", "’19"))
    html = page(
        f"<p>{paragraph(0)}</p><div class='interactive-graphic'>{labels}</div>"
        f"<p>{paragraph(2)}</p>"
        "<div class='post-body-bio'>Jane Doe is a city correspondent for the paper.</div>"
    )
    digest = digest_html(html)
    assert "Jane Doe" not in digest.text
    assert "billion" not in digest.text and "$915" not in digest.text
    assert paragraph(0) in digest.text and paragraph(2) in digest.text


def test_a_heading_only_screen_readers_announce_heads_no_section() -> None:
    """A landmark heading ("Chapter Text") is no section; it still ends the heading above it,
    which heads nothing when nothing but the landmark is under it."""
    container = lxml.html.fragment_fromstring(
        "<h3>Chapter 1: Greetings</h3><div><h3 class='landmark heading'>Chapter Text</h3>"
        f"<p>{paragraph(0)}</p><p>{paragraph(1)}</p></div>"
        f"<h2>The Morning After</h2><p>{paragraph(2)}</p>"
        f"<h3 class='sr-text'>Main content</h3><p>{paragraph(3)}</p>",
        create_parent="div",
    )
    sections = article_sections(collect_blocks(container), title=None, byline=None)
    assert [(s.heading, len(s.paragraphs)) for s in sections] == [
        (None, 2),
        ("The Morning After", 2),
    ]


def test_a_box_label_above_the_story_does_not_swallow_its_lede() -> None:
    """A furniture label whose box was pruned ("NEWSLETTERS") sits right above the story:
    its short opening paragraphs are the story's, not the box's. After the story began, a
    short line under such a label stays the box's."""
    lede = "A video showing the moment a kidnapped girl was rescued by police was released Monday."
    blocks = [
        Block("NEWSLETTERS", tag="h3", heading_level=3),
        Block(lede),
        Block("The suspect was convicted and sentenced to life in federal prison last Thursday."),
        Block(paragraph(0)),
        Block("Related", tag="h3", heading_level=3),
        Block("Another short story about a rescue by the police on the same day as this one."),
        Block("Subscribe to our newsletter to get the latest news every morning in your inbox."),
    ]
    sections = article_sections(blocks, title=None, byline=None)
    assert sections[0].paragraphs == [lede, blocks[2].text, paragraph(0)]


def test_a_bold_line_that_is_a_whole_table_cell_is_data_not_a_heading() -> None:
    """A table of symptoms sets each symptom in bold in its own cell: a datum, kept as text,
    never a heading over the next cell. A page laid out in a table still has its bold
    subheadings, set above the prose of the same cell."""

    def cell(text: str) -> str:
        return f"<td><p><strong>{text}</strong></p></td>"

    rows = "".join(
        f"<tr>{cell(symptom)}<td><p>{cause}</p></td></tr>"
        for symptom, cause in [
            ("Serving errors", "Database servers are refusing connections"),
            ("Responses are slow", "The CPUs are overloaded"),
        ]
    )
    data = digest_html(page(f"<p>{paragraph(0)}</p><table>{rows}</table><p>{paragraph(2)}</p>"))
    assert [s.heading for s in data.sections] == [None]
    assert "Serving errors\n\nDatabase servers" in data.text
    layout = page(
        f"<table><tr><td><p>{paragraph(0)}</p><p><strong>What it costs</strong></p>"
        f"<p>{paragraph(2)}</p></td></tr></table>"
    )
    assert headings(layout) == [None, "What it costs"]


def test_a_question_put_to_every_guest_heads_no_section_under_the_guests_names() -> None:
    """An interview asks each guest, under the guest's name, the same bold question: the
    question is a label of the form, and each guest's answers are the section under the name
    (the question stays text, as an aside). Asked of only two, it is an ordinary heading."""
    question = Block("What inspired you to cook?", all_bold=True)

    def guest(number: int) -> list[Block]:
        return [
            Block(f"Guest {number}", tag="h2", heading_level=2),
            question,
            Block(paragraph(number)),
        ]

    raw = [Block(paragraph(0)), *guest(1), *guest(2), *guest(3)]
    sections = article_sections(raw, title=None, byline=None)
    assert [s.heading for s in sections] == [None, "Guest 1", "Guest 2", "Guest 3"]
    assert [s.paragraphs for s in sections[1:]] == [[paragraph(n)] for n in (1, 2, 3)]
    assert all(aside.text == question.text for s in sections[1:] for aside in s.asides)
    two = article_sections([Block(paragraph(0)), *guest(1), *guest(2)], title=None, byline=None)
    assert [s.heading for s in two] == [None, "Guest 1", question.text, "Guest 2", question.text]


def test_a_note_under_a_table_is_text_but_heads_nothing() -> None:
    """A table's note ("1 Counted at the end of each year...") follows its last cell: text
    of the article, never prose to quote, so the table's title over the table and the note
    heads no section. A paragraph after the table that is no note stays prose."""
    note = "1 Counted at the end of each year, so people with two plans count twice in the table."
    raw = [
        Block(paragraph(0)),
        Block("Plans held over the years", tag="h4", heading_level=4),
        Block("2001", tag="td", cell=True),
        Block("13.6 m", tag="td", cell=True),
        Block(note),
        Block("What the plans cost", tag="h3", heading_level=3),
        Block("12.5 m", tag="td", cell=True),
        Block(paragraph(2)),
    ]
    sections = article_sections(raw, title=None, byline=None)
    assert [s.heading for s in sections] == [None, "What the plans cost"]
    assert note not in sections[0].paragraphs
    assert note in [aside.text for aside in sections[0].asides]
    assert paragraph(2) in sections[1].paragraphs


def test_a_line_of_figures_is_no_heading() -> None:
    """A score line or a table's row set in bold ("Eastside 18 22 13 17 — 70") heads
    nothing; the bold result line above it does, and so does a heading with a span of years
    ("Emperor (54 – 68 AD)")."""
    raw = [
        Block(paragraph(0)),
        Block("Eastside d. Westview 70-44", all_bold=True),
        Block("Westview 14 11 6 15 — 44", all_bold=True),
        Block("Eastside 18 22 13 17 — 70", all_bold=True),
        Block(paragraph(2)),
    ]
    sections = article_sections(raw, title=None, byline=None)
    assert [s.heading for s in sections] == [None, "Eastside d. Westview 70-44"]
    years = article_sections(
        [Block(paragraph(0)), Block("Emperor (54 – 68 AD)", all_bold=True), Block(paragraph(3))],
        title=None,
        byline=None,
    )
    assert [s.heading for s in years] == [None, "Emperor (54 – 68 AD)"]


def test_a_paragraph_set_as_a_heading_is_text_not_a_heading() -> None:
    """A lead-in set in a heading ("The farmers' union has published a statement on the
    proposals. The main points:") or a teaser's two-sentence title in bold is text, neither a
    heading nor prose to quote; a heading with an abbreviation ("org. fertiliser") or a
    question after a sentence (an interview's) is still a heading."""
    lead_in = "The farmers' union has published a statement on the proposals. The main points:"
    raw = [
        Block(paragraph(0)),
        Block(lead_in, tag="h2", heading_level=2),
        Block(paragraph(1)),
        Block("Watch the video Our mayor opens the bridge. What she said about it", all_bold=True),
        Block(paragraph(2)),
        Block("Two more weeks without org. fertiliser in the red zones", tag="h2", heading_level=2),
        Block(paragraph(3)),
        Block("I love your colours every year. How do you choose them?", all_bold=True),
        Block(paragraph(4)),
    ]
    sections = article_sections(raw, title=None, byline=None)
    assert [s.heading for s in sections] == [
        None,
        "Two more weeks without org. fertiliser in the red zones",
        "I love your colours every year. How do you choose them?",
    ]
    assert lead_in in [aside.text for aside in sections[0].asides]
    assert lead_in not in sections[0].paragraphs


@given(
    st.text(alphabet=st.sampled_from([*"aZ9_ .,-\t\n!", "\u00df", "\u0130", "\u6771", "\u00a0"]))
)
def test_a_fold_is_the_text_with_each_run_of_other_characters_one_space(text: str) -> None:
    """`_fold` joins the runs of word characters: the same key as making each run of other
    characters one space and stripping the ends, then case-folding."""
    assert sections._fold(text) == re.sub(r"\W+", " ", text).strip().casefold()


def test_a_laid_out_aside_is_text_but_never_prose() -> None:
    """A block marked an aside (laid-out code, a table, page furniture of a plain-text
    document) is part of the article's text, never one of its paragraphs."""
    raw = [
        Block(paragraph(0)),
        Block('{ "items": { "abc": { "ETag": "DEAD" } } }', tag="pre", aside=True),
        Block(paragraph(1)),
    ]
    found = article_sections(raw, title=None, byline=None)
    assert found[0].paragraphs == [paragraph(0), paragraph(1)]
    assert [aside.text for aside in found[0].asides] == [
        '{ "items": { "abc": { "ETag": "DEAD" } } }'
    ]


def test_a_byline_or_time_stamp_set_as_a_heading_heads_no_section() -> None:
    """The post's byline with its time stamp in an <h6> ("Jacobo Betancur Peláez | Publicado
    hace 3 horas", "Von Vanessa Franke") is metadata: its text joins the lead. A heading of a
    year ("1998") in a timeline stays a section."""
    for stamp in ("Jacobo Betancur Peláez | Publicado hace 3 horas", "By Anna Smith"):
        html = page(
            f"<h6>{stamp}</h6><p>{paragraph(0, 4)}</p><p>{paragraph(4, 4)}</p>"
            f"<h2>Cost</h2><p>{paragraph(8, 4)}</p><p>{paragraph(12, 4)}</p>"
        )
        assert headings(html) == [None, "Cost"], stamp
    timeline = page(
        f"<p>{paragraph(0, 4)}</p><h2>1998</h2><p>{paragraph(4, 4)}</p>"
        f"<h2>2005</h2><p>{paragraph(8, 4)}</p>"
    )
    assert headings(timeline) == [None, "1998", "2005"]


def test_a_sections_word_count_is_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The claims and the digest both ask a section's word count: its paragraphs are counted
    the first time only."""
    counted: list[str] = []

    def word_count(text: str) -> float:
        counted.append(text)
        return float(len(text.split()))

    monkeypatch.setattr(article, "word_count", word_count)
    section = article.SectionText("Heading", ["One two three.", "Four five."])
    assert section.word_count == section.word_count == 5.0
    assert counted == ["One two three.", "Four five."]
    assert section == article.SectionText("Heading", ["One two three.", "Four five."])


@pytest.mark.parametrize(
    "label", ["TAMBIÉN LEA", "Lesen Sie auch", "Read also:", "Mehr zum Thema", "READ MORE:"]
)
def test_a_heading_under_a_teaser_kicker_is_another_pages_title(label: str) -> None:
    """A teaser box in the text: its kicker ("TAMBIÉN LEA") as a line of its own over the other
    page's title in a heading. The title heads no section; the prose after the box goes on
    with the section it interrupted. A heading under an ordinary line stays a subheading."""

    def blocks(kicker: str) -> list[Block]:
        return [
            Block(paragraph(0, 4)),
            Block(kicker),
            Block("Congress passes a housing law", heading_level=4),
            Block("20 April 2022"),
            Block(paragraph(4, 4)),
            Block("Cost", heading_level=2),
            Block(paragraph(2, 4)),
        ]

    found = article_sections(blocks(label), title=None, byline=None)
    assert [s.heading for s in found] == [None, "Cost"]
    assert paragraph(4, 4) in found[0].paragraphs
    plain = article_sections(blocks("Votes"), title=None, byline=None)
    assert [s.heading for s in plain] == [None, "Congress passes a housing law", "Cost"]


@pytest.mark.parametrize("line", ["More on that below.", "More on this later:", "More on it soon"])
def test_a_heading_under_the_writers_pointer_is_a_subheading(line: str) -> None:
    """ "More on that below." is the writer pointing at what comes, not a teaser's kicker
    ("More on Brexit", "More from Sport" over another page's title): the heading under it
    heads its section."""
    blocks = [
        Block(paragraph(0, 4)),
        Block(line),
        Block("How the line will run", heading_level=2),
        Block(paragraph(4, 4)),
    ]
    found = article_sections(blocks, title=None, byline=None)
    assert [s.heading for s in found] == [None, "How the line will run"]
    kicked = [*blocks[:1], Block("More on Brexit"), *blocks[2:]]
    assert [s.heading for s in article_sections(kicked, title=None, byline=None)] == [None]


def test_the_sites_word_to_its_readers_ends_the_article() -> None:
    """After the article, a box headed "A Word to Our Loyal Readers" holds the site's staff
    and pitch under subheadings of its own ("Editorial", "Operations"): none is a section,
    and none of its prose is the article's."""
    pitch = "We investigate as thoroughly and quickly as possible and relay what we learn."
    html = page(
        f"<p>{paragraph(0, 4)}</p><h2>Cost</h2><p>{paragraph(4, 4)}</p>"
        "<h5>A Word to Our Loyal Readers</h5><p>Support us and make a difference.</p>"
        "<h5>Editorial</h5><ul><li>Jane Doe</li><li>John Roe</li></ul>"
        f"<h5>Operations</h5><ul><li>Ann Poe</li></ul><p>{pitch} {paragraph(1, 3)}</p>"
    )
    digest = digest_html(html)
    assert [s.heading for s in digest.sections] == [None, "Cost"]
    assert pitch not in digest.text


def test_a_list_item_pointing_at_its_section_is_a_contents_entry_not_text() -> None:
    """Under "Summary", the post's contents: items each ending on a link to their section
    ("Why X is promising. (More)"). They are no text to quote; a list item without such a link
    is the section's text."""
    blocks = [
        Block(paragraph(0, 4)),
        Block("Summary", heading_level=3),
        Block("This post will discuss the following:"),
        Block("Why the council's plan is promising. (More)", tag="li", link_chars=4, jumps=True),
        Block("Risks we see with the council's plan. (More)", tag="li", link_chars=4, jumps=True),
        Block("Cost", heading_level=3),
        Block(paragraph(4, 2), tag="li"),
        Block(paragraph(2, 4)),
    ]
    found = article_sections(blocks, title=None, byline=None)
    summary = next(s for s in found if s.heading == "Summary")
    assert summary.paragraphs == ["This post will discuss the following:"]
    cost = next(s for s in found if s.heading == "Cost")
    assert paragraph(4, 2) in cost.paragraphs


def test_heading_levels_are_read_from_the_blocks_in_order() -> None:
    """Each section's heading gets the level of the block it came from: an <hN>'s N, a
    pseudo-heading's below them all; a heading said twice takes each block in turn, and one no
    block gives (another reading of the page found it) is unknown, 0, as the lead is."""
    raw = [
        Block(paragraph(0)),
        Block("Government [edit]", heading_level=2),
        Block(paragraph(1)),
        Block("Setting up", heading_level=3),
        Block(paragraph(2)),
        Block("Economy", heading_level=2),
        Block("Setting up", heading_level=4),
        Block(paragraph(3)),
        Block("Trade", all_bold=True),
        Block(paragraph(4)),
    ]
    found = [
        article.SectionText(heading, [paragraph()])
        for heading in (None, "Government", "Setting up", "Found elsewhere", "Setting up", "Trade")
    ]
    assert sections.heading_levels(raw, found) == [0, 2, 3, 0, 4, 7]
