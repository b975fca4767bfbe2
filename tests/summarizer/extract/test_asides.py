"""Asides: the article's text that is not prose (its notes and references) is extracted, never
quoted, and never heads a section."""

from __future__ import annotations

from summarizer import digest_html
from summarizer.extract.article import Aside, SectionText
from summarizer.extract.combine import Piece, anchored_asides, pieces, sections_of
from summarizer.extract.sections import article_text
from tests.helpers import page, paragraph

# Reference lines that share the headline's words, so that a claim picker given them as
# paragraphs would rank them high.
_REFERENCES = [
    "Miller A. Council debates the new budget: why the council debates the budget. City Review."
    " 2019;12:1-9.",
    "Jones B. The new budget and the council: a debate the council lost. Budget Studies. 2021.",
]


def _referenced_page() -> str:
    items = "".join(f"<li>{reference}</li>" for reference in _REFERENCES)
    return page(
        f"<p>{paragraph(0)}</p><h2>What it costs</h2><p>{paragraph(2)}</p><p>{paragraph(4)}</p>"
        f"<h2>References</h2><ol>{items}</ol>"
    )


def test_references_after_the_text_are_in_the_text() -> None:
    """An article's notes and references are part of its text (readers and extractors count
    them), after the prose, under their own label."""
    text = digest_html(_referenced_page()).text
    assert text.endswith("References\n\n" + "\n\n".join(_REFERENCES))
    assert text.index(paragraph(4)) < text.index("References")


def test_references_are_never_quoted_nor_a_section() -> None:
    """No claim comes from the references, and "References" heads no section."""
    digest = digest_html(_referenced_page())
    assert [s.heading for s in digest.sections] == [None, "What it costs"]
    claims = [claim for section in digest.sections for claim in section.claims]
    assert claims
    for claim in claims:
        assert all(claim not in reference for reference in _REFERENCES)
        assert claim in paragraph(0) + paragraph(2) + paragraph(4)


def test_comments_after_the_text_stay_out_of_it() -> None:
    """End matter that is the page's, not the article's (comments), is not text."""
    html = page(
        f"<p>{paragraph(0)}</p><p>{paragraph(2)}</p><h2>Comments</h2>"
        "<p>Great piece, I agree with every word the council said about this budget.</p>"
    )
    assert "Great piece" not in digest_html(html).text


def test_article_text_puts_asides_where_they_stand() -> None:
    """An aside stands after `after` paragraphs of its section; without asides, prose only."""
    sections = [
        SectionText(None, ["One.", "Two."], (Aside(0, "Opening."), Aside(1, "After one."))),
        SectionText("Head", [], (Aside(0, "Only aside."),)),
    ]
    assert article_text(sections) == "Opening.\n\nOne.\n\nAfter one.\n\nTwo.\n\nHead\n\nOnly aside."
    assert article_text(sections, asides=False) == "One.\n\nTwo.\n\nHead"


def test_asides_follow_their_piece_through_a_combination() -> None:
    """Combining two readings keeps an aside where the piece it follows stands, and drops
    it with that piece."""
    first = [
        SectionText(None, ["Lead.", "Edge."], (Aside(0, "Before lead."), Aside(1, "Caption."))),
        SectionText("Part", ["Body."], (Aside(1, "Note."),)),
    ]
    sequence = pieces(first)
    anchors = anchored_asides(first, sequence)
    lead, edge, part, body = sequence
    added = Piece("Added by the other reading.")
    rebuilt = sections_of([lead, added, part, body], anchors)  # "Edge." was trimmed
    assert article_text(rebuilt) == (
        "Before lead.\n\nLead.\n\nCaption.\n\nAdded by the other reading.\n\nPart\n\nBody.\n\nNote."
    )
    assert (
        article_text(sections_of([edge, part, body], anchors)) == "Edge.\n\nPart\n\nBody.\n\nNote."
    )


def _figure(caption: str, media: str = "<img src='chart.png'>") -> str:
    return f"<figure>{media}<figcaption>{caption}</figcaption></figure>"


def test_a_label_caption_is_text_but_never_quoted_nor_a_heading() -> None:
    """A picture's or a table's label ("Budget by ward") is article text, standing where the
    picture stands; it is never a claim, and a bold label heads no section."""
    html = page(
        f"<p>{paragraph(0)}</p>{_figure('<b>Council budget by ward and year</b>')}"
        f"<p>{paragraph(2)}</p><table><caption>Table 2 Spending per ward</caption>"
        f"<tr><td>North</td><td>12</td></tr></table><p>{paragraph(4)}</p>"
    )
    digest = digest_html(html)
    assert f"{paragraph(0)}\n\nCouncil budget by ward and year\n\n{paragraph(2)}" in digest.text
    assert "Table 2 Spending per ward" in digest.text
    assert [s.heading for s in digest.sections] == [None]
    claims = [claim for section in digest.sections for claim in section.claims]
    assert claims and not any("ward" in claim for claim in claims)


def test_photo_descriptions_credits_teasers_and_video_titles_are_not_text() -> None:
    """A caption that describes a photo (a sentence), credits it, titles a teaser (a linked
    caption) or a video (a figure without a picture) is the page's, not the article's."""
    captions = [
        _figure("The mayor speaks to residents at the town hall on Tuesday."),
        _figure("Budget chamber (Photo: Jane Doe)"),
        _figure("Town hall © City Archive"),
        "<figure><a href='/other'><img src='t.png'><figcaption>Why the mayor resigned"
        "</figcaption></a></figure>",
        _figure("Day 3: the mayor's opening statement", media=""),
    ]
    html = page(f"<p>{paragraph(0)}</p>{''.join(captions)}<p>{paragraph(2)}</p>")
    text = digest_html(html).text
    assert text == f"{paragraph(0)}\n\n{paragraph(2)}"


def test_an_opening_sentence_set_as_a_heading_is_text_but_not_quoted() -> None:
    """A sentence set as a heading above the text (the article's opening, often its lead) is
    part of the text, before the prose; it heads nothing and is never a claim. Set so, the
    page's description is a dek repeated from the page head: not text."""
    opening = "The council spent the night arguing over the new budget and did not agree."
    description = "Why the new budget split the council."
    html = page(
        f"<h2>{description}</h2><h2>{opening}</h2><p>{paragraph(0)}</p>"
        f"<h2>What it costs</h2><p>{paragraph(2)}</p>",
        head=f'<meta name="description" content="{description}">',
    )
    digest = digest_html(html)
    assert digest.text.startswith(f"{opening}\n\n{paragraph(0)}")
    assert description not in digest.text
    assert [s.heading for s in digest.sections] == [None, "What it costs"]
    assert all(opening not in claim for s in digest.sections for claim in s.claims)


def test_a_linked_name_in_a_table_cell_is_text_not_a_teaser() -> None:
    """A table's cells that are links (a capital, an app's name) are its data: in the text,
    never quoted; a list item that is a link stays a teaser, out of the text."""
    html = page(
        f"<p>{paragraph(0)}</p><table><tr><th>Capital</th><td><a href='/w'>Wellington</a></td>"
        "</tr></table><ul><li><a href='/x'>Ten things about the budget</a></li></ul>"
        f"<p>{paragraph(2)}</p>"
    )
    digest = digest_html(html)
    assert "Capital\n\nWellington" in digest.text
    assert "Ten things" not in digest.text
    assert all("Wellington" not in claim for s in digest.sections for claim in s.claims)


def test_a_box_of_footnotes_is_text_but_never_quoted() -> None:
    """The article's footnotes in a box named so (no heading above them) are its text, as
    notes under a "References" heading are: kept (readability's own cleaner would drop the
    box for its "foot") and never a claim."""
    notes = [
        "1The council debates the new budget every spring, as the city's charter demands it.",
        "2The new budget for the council is published in the city's gazette before the vote.",
    ]
    html = page(
        f"<p>{paragraph(0)}</p><p>{paragraph(2)}</p><p>{paragraph(4)}</p>"
        f"<div class='footnotes'>{''.join(f'<p>{note}</p>' for note in notes)}</div>"
    )
    digest = digest_html(html)
    assert digest.text.endswith("\n\n".join(notes))
    assert all(note not in claim for s in digest.sections for claim in s.claims for note in notes)
