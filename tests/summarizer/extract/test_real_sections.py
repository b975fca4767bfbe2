"""Only real sections: a heading becomes a section when it heads article text (the card issue).

These tests feed `article_sections` blocks as the extractor hands them on, so that each rule is
checked on its own, whatever the extraction above it does.
"""

from __future__ import annotations

from summarizer.extract.article import Block, SectionText
from summarizer.extract.sections import article_sections, article_text
from tests.helpers import paragraph


def h(level: int, text: str, *, link_chars: int = 0) -> Block:
    return Block(text, tag=f"h{level}", heading_level=level, all_bold=True, link_chars=link_chars)


def p(text: str, **fields: object) -> Block:
    return Block(text, **fields)  # type: ignore[arg-type]


def li(text: str, *, linked: bool = False) -> Block:
    return Block(text, tag="li", link_chars=len(text) if linked else 0)


def sections(*blocks: Block, description: str | None = None) -> list[SectionText]:
    return article_sections(
        list(blocks), title="Council debates the new budget", byline=None, description=description
    )


def headings(*blocks: Block, description: str | None = None) -> list[str | None]:
    return [s.heading for s in sections(*blocks, description=description)]


PROSE = [p(paragraph(n)) for n in range(8)]


def test_apparatus_headings_are_never_sections() -> None:
    """Contents, References, See also, External links, a reviews box: not the article's."""
    for label in (
        "Contents",
        "References",
        "See also",
        "External links",
        "Отзывы",
        "Einzelnachweise",
    ):
        assert headings(PROSE[0], h(2, label), PROSE[1], h(2, "Next part"), PROSE[2]) == [
            None,
            "Next part",
        ], label


def test_end_matter_runs_to_the_next_heading_however_long_its_lines() -> None:
    """A long reference or comment under "References" does not end the box: it never joins the
    last section (where it would become a claim)."""
    reference = p("^ Smith, J. (2001). " + paragraph(3, 4))
    found = sections(PROSE[0], h(2, "Cuisine"), PROSE[1], h(2, "References"), reference)
    assert [s.heading for s in found] == [None, "Cuisine"]
    assert all("Smith, J." not in text for s in found for text in s.paragraphs)


def test_a_furniture_box_keeps_its_own_subheadings() -> None:
    """Teaser titles set as h3 inside a "Related stories" h2 box are the box's, not sections."""
    found = headings(
        PROSE[0],
        h(2, "Related stories"),
        h(3, "Mayor resigns over budget row"),
        p("A short blurb about the mayor."),
        h(3, "Ten things about the budget"),
        h(2, "The real part"),
        PROSE[1],
    )
    assert found == [None, "The real part"]


def test_decorations_and_citation_markers_are_stripped_from_headings_and_text() -> None:
    """ "History[edit]", "¶ Results", "Method #": the heading alone; "policy.[91]" -> "policy."."""
    found = sections(
        PROSE[0],
        h(2, "History[edit]"),
        p(paragraph(1) + "[91]"),
        h(2, "¶ Results"),
        p(paragraph(2) + " Critics disagreed.[citation needed]"),
        h(2, "Method #"),
        PROSE[3],
    )
    assert [s.heading for s in found] == [None, "History", "Results", "Method"]
    assert found[1].paragraphs == [paragraph(1)]
    assert found[2].paragraphs == [paragraph(2) + " Critics disagreed."]


def test_a_bold_run_in_term_is_set_off_from_its_sentence() -> None:
    """ "**Idempotence** A single task..." reads "Idempotence: A single task..."."""
    text = "Idempotence A single task run twice leaves the system as one run would."
    found = sections(PROSE[0], p(text, bold_lead_chars=len("Idempotence")))
    assert found[0].paragraphs[1] == (
        "Idempotence: A single task run twice leaves the system as one run would."
    )


def test_a_bold_mark_is_no_run_in_term() -> None:
    """A wiki note's bold backlink "^" (or a bold "*") before the note is a mark, not a term:
    no colon is set after it."""
    note = "^ Of the people who replied they spoke Samoan, most lived in the Auckland Region."
    found = sections(PROSE[0], p(note, bold_lead_chars=1))
    assert found[0].paragraphs[1] == note


def test_a_heading_over_no_prose_gives_its_lines_to_the_section_before() -> None:
    """A price, a spec line, a staff box: the heading goes, its lines join the part above."""
    found = sections(PROSE[0], h(2, "Price"), p("$499"), h(2, "Verdict"), PROSE[1])
    assert [s.heading for s in found] == [None, "Verdict"]
    assert found[0].paragraphs[-1] == "$499"


def test_a_heading_over_a_list_is_a_section() -> None:
    """Ingredients, bullet points: a list of phrases is article text."""
    found = sections(
        PROSE[0],
        h(2, "Ingredients"),
        li("8 ripe pears, cored and peeled"),
        li("1 lemon, or about a quarter cup of juice"),
        h(2, "Method"),
        PROSE[1],
    )
    assert [s.heading for s in found] == [None, "Ingredients", "Method"]


def test_a_heading_over_a_list_of_links_is_a_section_inside_the_article_only() -> None:
    """ "Mac Apps" over a list of linked app names, then more article: a section (with no
    text of its own). The same list at the very end is a box of links, not a section."""
    apps = [li("BBEdit", linked=True), li("Transmit", linked=True)]
    inside = headings(PROSE[0], h(2, "Mac Apps"), *apps, h(2, "Server Software"), PROSE[1])
    assert inside == [None, "Mac Apps", "Server Software"]
    at_end = headings(
        PROSE[0],
        h(2, "Server Software"),
        PROSE[1],
        h(2, "Mac Apps"),
        *apps,
        h(2, "Price"),
        p("$499"),
    )
    assert at_end == [None, "Server Software"]


def test_the_links_a_heading_heads_are_its_text_and_other_link_lines_are_not() -> None:
    """Kept over no prose, "Mac Apps" heads the apps' names: they are its text (asides, never
    quoted). Link lines after prose, in the lead or at the end are a teaser list: not text."""
    apps = [li("BBEdit", linked=True), li("Transmit", linked=True)]
    found = sections(
        PROSE[0], *apps, h(2, "Mac Apps"), *apps, h(2, "Server Software"), PROSE[1], *apps
    )
    assert [s.heading for s in found] == [None, "Mac Apps", "Server Software"]
    assert [a.text for a in found[1].asides] == ["BBEdit", "Transmit"]
    assert found[1].paragraphs == []
    assert article_text(found).count("BBEdit") == 1
    assert found[0].asides == found[2].asides == ()


def test_a_heading_over_nothing_stays_only_as_the_parent_of_a_real_subsection() -> None:
    """h2 "Politics" over an h3 with text is its parent; an h2 over a kicker-like empty h3 is
    not, and nor is a run of empty headings."""
    parent = headings(PROSE[0], h(2, "Politics"), h(3, "Elections"), PROSE[1])
    assert parent == [None, "Politics", "Elections"]
    empty = headings(PROSE[0], h(2, "Teaser one"), h(3, "Kicker"), h(2, "Teaser two"), PROSE[1])
    assert empty == [None, "Teaser two"]


def test_a_teaser_title_and_its_kicker_are_not_sections() -> None:
    """A heading that links to another page is a teaser's title; the heading right above it is
    the teaser's kicker."""
    title = "Seven ways to feed your brain"
    found = headings(
        PROSE[0],
        h(3, "Eat well challenge"),
        h(2, title, link_chars=len(title)),
        p(paragraph(1)),
        h(2, "The real part"),
        PROSE[2],
    )
    assert found == [None, "The real part"]


def test_a_title_with_a_read_more_line_is_a_teaser() -> None:
    """ "Title" then "Read more" / "Next article": the title is another page's."""
    found = sections(
        PROSE[0],
        h(2, "The real part"),
        PROSE[1],
        h(3, "Satoshi Nakamoto’s greatest creation"),
        p("Next Article", link_chars=len("Next Article")),
        PROSE[2],
    )
    assert [s.heading for s in found] == [None, "The real part"]
    assert found[1].paragraphs == [PROSE[1].text, PROSE[2].text]


def test_a_teaser_blurb_that_is_a_link_is_not_prose_under_a_heading() -> None:
    """Under a heading, a long paragraph that is wholly a link is a teaser's blurb."""
    blurb = paragraph(2, 4)
    found = headings(
        PROSE[0], h(2, "A teaser headline"), p(blurb, link_chars=len(blurb)), h(2, "Real"), PROSE[1]
    )
    assert found == [None, "Real"]


def test_the_dek_set_as_a_heading_is_not_a_section() -> None:
    """Above the text, a heading written as a sentence, or an h2 repeating the page's
    description, is the dek; an h1 repeating it is the first section's title (some pages set
    their sections in h1)."""
    dek = "Laurent Fabius welcomed a first special flight at Roissy."
    assert headings(h(2, dek), PROSE[0], h(2, "Costs"), PROSE[1]) == [None, "Costs"]
    described = "Identify problems before they become disasters"
    assert headings(h(2, described), PROSE[0], description=described) == [None]
    assert headings(h(1, described), PROSE[0], description=described) == [described]
    # Below the first paragraph it is an ordinary subheading.
    assert headings(PROSE[0], h(2, "It ended there."), PROSE[1]) == [None, "It ended there."]


def test_a_short_dek_paragraph_is_dropped_but_a_lede_copied_into_the_description_is_not() -> None:
    """Many pages copy their lede into the description; only a short line repeating it is the
    dek above the body."""
    dek = "Top picks for the month of September"
    lede = paragraph(5)
    body = [PROSE[1], PROSE[2], PROSE[3]]
    short = sections(p(dek), *body, description=dek)
    assert dek not in short[0].paragraphs
    long = sections(p(lede), *body, description=lede)
    assert long[0].paragraphs[0] == lede


def test_a_caption_ending_with_a_photo_credit_is_not_text() -> None:
    """ "The core stage... (credit: NASA/Jude Guidry)" is a picture's caption."""
    caption = "The core stage of the first rocket after the installation of its engines."
    found = sections(p(caption + " (credit: NASA/Jude Guidry)"), *PROSE[:3])
    assert all(caption not in text for text in found[0].paragraphs)
