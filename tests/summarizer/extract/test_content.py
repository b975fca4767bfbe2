"""summarizer/extract/content.py: readability's scoring, driven on Skim's pruned tree."""

from __future__ import annotations

import gc
import logging
from typing import Any

import lxml.html
import pytest
from lxml import etree
from lxml.html import HtmlElement
from readability import readability

from summarizer.extract import content
from summarizer.extract.content import find_main_content
from summarizer.extract.parse import new_element, parse_html, parse_pruned
from tests.helpers import FIXTURES, SEED_SUBHEADINGS


def test_the_seed_article_is_found_by_readability_scoring(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The container holds the article's subheadings and not the cookie banner, and readability
    ran without falling back (a missing readability API would only show as a logged failure)."""
    source = (FIXTURES / "seed_h2.html").read_text(encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="summarizer.extract.content"):
        container = find_main_content(parse_pruned(source), None, source)
    assert caplog.records == []
    assert container is not None
    text = container.text_content()
    assert all(heading in text for heading in SEED_SUBHEADINGS)
    assert "cookie" not in text.lower()  # the banner is pruned before scoring


_PARAGRAPH = (
    "<p>" + "The council voted on the plan after a long debate about the budget, the roads and the"
    " schools of the town. " * 3 + "</p>"
)


def test_widening_climbs_over_prose_but_not_over_a_list_of_links() -> None:
    """The container widens from the best-scoring box to the one holding a paragraph beside it,
    and no further when the next level adds mostly links (a "most read" list) with a line of
    prose: the parent's link density is low, but what it adds is not more of the article."""
    lone = (
        "<div><p>A lone paragraph of prose, about the vote and what the mayor said of it"
        " after the meeting.</p></div>"
    )
    most_read = (
        "<div><ol>"
        + "".join(f"<li><a href='/s{i}'>Another story, number {i}</a></li>" for i in range(6))
        + "</ol></div>"
    )
    notice = (
        "<div><p>Comments are the responsibility of their authors; read the rules before you"
        " post one here.</p></div>"
    )
    source = (
        "<html><body><div class='page'><div class='story'>"
        f"<div class='body'>{_PARAGRAPH * 8}</div>{lone}</div>{most_read}{notice}"
        "</div></body></html>"
    )
    container = find_main_content(parse_pruned(source), None, source)
    assert container is not None
    text = container.text_content()
    assert "A lone paragraph" in text
    assert "Another story" not in text
    assert "Comments are" not in text


def test_paragraph_text_is_cleaned_as_readability_cleans_it() -> None:
    """The scorer's own whitespace clean (each rule run only where it can match) gives
    readability's text for every kind of whitespace it rewrites."""
    texts = [
        "plain text, no runs",
        "a\tb  c   d",
        " line one \n\n  line two\t\n",
        "x" + " " * 300 + "y",
        " \n" * 200 + "z",
        "\t\t",
        "",
    ]
    for text in texts:
        assert content._clean(text) == readability.clean(text), repr(text)


def test_block_elements_are_those_of_the_whole_document_in_order() -> None:
    """Every element whose tag starts as a block's (readability's test: "pre", "picture" and
    "param" start with "p" too), the root's subtree and what libxml2 leaves beside it."""
    doc = parse_html(
        "<html><body><div><span>a</span><pre>b</pre><picture></picture><table></table>"
        "<section><blockquote>c</blockquote></section></div></body></html><p>after</p>"
    )
    assert [sibling.tag for sibling in doc.itersiblings()] == ["html"]
    found = list(content._block_elements(doc))
    assert [element.tag for element in found] == [
        "div", "pre", "picture", "table", "blockquote", "p"
    ]  # fmt: skip
    assert found[-1].text == "after"


def test_a_heading_keeps_its_label_whatever_the_label_is_named() -> None:
    """readability drops elements named like furniture ("foot", "header"); the span inside a
    heading holding its text is its label, and dropping it emptied the heading (a wiki's
    "Footnotes" h2, whose notes then fell under "See also"). A box so named still goes."""
    source = (
        "<html><body><div class='body'>"
        f"{_PARAGRAPH * 6}<h2><span class='mw-headline' id='Footnotes'>Footnotes</span></h2>"
        f"{_PARAGRAPH}<div class='footer-links'>Site map and contact</div></div></body></html>"
    )
    container = find_main_content(parse_pruned(source), None, source)
    assert container is not None
    assert [h.text_content() for h in container.iter("h2")] == ["Footnotes"]
    assert "Site map" not in container.text_content()


def test_a_list_between_two_article_segments_is_part_of_the_article() -> None:
    """readability merges the boxes named as the best one is, but scores only paragraphs: a box
    holding a list between two merged segments (the "What you'll need" of a how-to, above its
    steps) is merged too. A list outside the run of segments is not, nor a box of lines
    without a list (a staff grid: names and job titles)."""
    lead = "<div class='step'><div class='content lead'>" + _PARAGRAPH * 3 + "</div></div>"
    needs = (
        "<div class='step'><div class='content'><span>What you'll need:</span><ul>"
        "<li>A glass cloche</li><li>Floral foam</li><li>Moss</li></ul></div></div>"
    )
    step = "<div class='step'><div class='content'><p>Step</p>" + _PARAGRAPH + "</div></div>"
    staff = "<div class='step'><div class='content'><h3>Ann Lee</h3><p>Editor</p></div></div>"
    after = "<div class='step'><div class='content'><ul><li>Tweezers</li></ul></div></div>"
    source = f"<html><body><article>{lead}{needs}{step}{staff}{step}{after}</article></body></html>"
    container = find_main_content(parse_pruned(source), None, source)
    assert container is not None
    text = container.text_content()
    assert "Floral foam" in text
    assert text.count("Step") == 2
    assert "Tweezers" not in text
    assert "Ann Lee" not in text


def test_a_lone_subheading_between_two_article_segments_is_part_of_the_article() -> None:
    """An interview sets each guest's name in a box of its own between the boxes of answers
    readability merges; readability made that box a paragraph (a <div> holding only an <h2>)
    and never scored it, so every name was lost. A box of a name and a line under it (a staff
    grid's card) stays out."""

    def box(inner: str) -> str:
        return f"<div class='article__block'><div class='block-text'>{inner}</div></div>"

    answers = box("<p><b>What inspired you?</b></p>" + _PARAGRAPH * 2)
    source = (
        "<html><body><div class='article__content'>"
        + box(_PARAGRAPH * 3)
        + box("<h2>Anna Berg</h2>")
        + answers
        + box("<h2>Lena Roth</h2><p>Food editor</p>")
        + answers
        + box("<h2>Olga Panko</h2>")
        + answers
        + "</div></body></html>"
    )
    container = find_main_content(parse_pruned(source), None, source)
    assert container is not None
    assert [h.text_content() for h in container.iter("h2")] == ["Anna Berg", "Olga Panko"]


def test_text_after_a_block_is_one_paragraph_with_the_links_that_follow_it() -> None:
    """readability wraps a <div>'s loose text in paragraphs; the text after a block child (or a
    <br>) and the inline elements after it are one paragraph, not a sentence cut at its first
    link ("...synthesis tool," | "Yosys, and then...")."""
    doc = parse_html(
        "<html><body><div><div class='magnify'><img src='x.png'></div>The tool is"
        " <a href='/y'>Yosys</a>, then a <b>router</b>.<br>Next line <i>here</i>.</div>"
        "</body></html>"
    )
    reader = content._Reader(doc, None)
    reader.transform_misused_divs_into_paragraphs()
    texts = [" ".join(p.text_content().split()) for p in doc.iter("p")]
    assert texts == ["The tool is Yosys, then a router.", "Next line here."]


def _scored(source: str) -> tuple[content._Reader, dict[HtmlElement, dict[str, Any]]]:
    reader = content._Reader(parse_pruned(source), None)
    reader.remove_unlikely_candidates()
    reader.transform_misused_divs_into_paragraphs()
    return reader, reader.score_paragraphs()


# Pages where the best candidate is not simply the top-scoring one: an articleBody box, and a
# long <article> nested in the top box (readability prefers both).
_CHOICE_PAGES = [
    "<html><body><div class='page'><div class='story'>"
    + _PARAGRAPH * 6
    + "</div><div itemprop='articleBody'>"
    + _PARAGRAPH * 2
    + "</div></div></body></html>",
    "<html><body><div class='wrap'>"
    + _PARAGRAPH * 4
    + "<article><div>"
    + _PARAGRAPH * 3
    + "</div></article><article>"
    + _PARAGRAPH
    + "</article></div></body></html>",
    "<html><body><main><section>"
    + _PARAGRAPH * 2
    + "</section><aside><p>Short.</p></aside><h2>Next part</h2><section>"
    + _PARAGRAPH * 3
    + "</section><p>A line.</p><p>"
    + "word " * 30
    + "</p></main></body></html>",
    (FIXTURES / "seed_h2.html").read_text(encoding="utf-8"),
    (FIXTURES / "seed_related_box.html").read_text(encoding="utf-8"),
]


@pytest.mark.parametrize("source", _CHOICE_PAGES)
def test_the_best_candidate_is_readabilitys(source: str) -> None:
    """The reader's `select_best_candidate` (no debug lines, "nested in the best" asked of the
    article candidates) picks what readability's own picks."""
    reader, candidates = _scored(source)
    expected = readability.Document.select_best_candidate(reader, candidates)
    assert reader.select_best_candidate(candidates) is expected


@pytest.mark.parametrize("source", _CHOICE_PAGES)
def test_the_article_is_the_one_readabilitys_get_article_builds(source: str) -> None:
    """The reader's `get_article` (its output made by Skim's parser) holds the same markup as
    readability's own after the same promotions, on two fresh trees of the page."""

    def article(own: bool) -> str:
        reader, candidates = _scored(source)
        best = reader.select_best_candidate(candidates)
        assert best is not None
        if own:
            output = reader.get_article(candidates, best, html_partial=True)
        else:
            content._promote_sibling_headings(candidates, best)
            content._promote_segment_gaps(reader, candidates, best)
            output = readability.Document.get_article(reader, candidates, best, html_partial=True)
        return str(etree.tostring(output, encoding="unicode"))

    assert article(own=True) == article(own=False)


def test_a_new_element_reads_every_element_moved_into_it_as_a_plain_html_element() -> None:
    """`new_element` makes a parentless element of Skim's parser: what is moved into it is read
    with the lookup in C (a plain HtmlElement, no form classes), as the parsed page is."""
    page = lxml.html.document_fromstring("<html><body><form><label>x</label></form></body></html>")
    assert type(page.find(".//form")) is lxml.html.FormElement  # lxml.html's own lookup
    output = new_element("div")
    assert output.getparent() is None
    assert output.tag == "div"
    assert output.text is None
    assert len(output.attrib) == 0
    output.append(page.find(".//form"))
    gc.collect()  # no proxy of the moved elements is left: they are looked up again
    assert [type(element) for element in output.iter()] == [lxml.html.HtmlElement] * 3


_LEAD = (
    "The town council has agreed to rebuild the old bridge by next summer, after a year of"
    " closures and detours."
)


def test_a_lead_set_apart_before_the_article_text_is_part_of_the_article() -> None:
    """A lead in the article's header, named as one ("article-lead", "c-page-intro__copy"), is
    taken with the text, even above the <article> in the <main> holding it, and one set in an
    <h2> becomes a paragraph. A lead box of a picture, a short label and a box of links named
    alike are not."""
    source = (
        "<html><body><main><div class='article-header'><h1>Bridge</h1>"
        f"<div class='c-page-intro__copy'><h2>{_LEAD}</h2></div>"
        "<div class='lead-image'><p>Photo: the old bridge seen from the river bank, on a grey"
        " winter morning last year, before the works began.</p></div>"
        "<p class='teaser-label'>Local news</p>"
        "<div class='teaser'>"
        + "".join(
            f"<p><a href='/s{i}'>Another story about the town, number {i}</a></p>" for i in range(4)
        )
        + "</div></div>"
        f"<article><div class='body'>{_PARAGRAPH * 6}</div></article></main></body></html>"
    )
    container = find_main_content(parse_pruned(source), None, source)
    assert container is not None
    text = container.text_content()
    assert _LEAD in text
    assert next(p.text_content() for p in container.iter("p")) == _LEAD
    assert not list(container.iter("h2"))
    assert "Photo:" not in text
    assert "Local news" not in text
    assert "Another story" not in text


def test_a_lead_named_in_camel_case_is_found_near_the_article_without_a_frame() -> None:
    """Without an <article> or <main>, a lead a few levels above the text is looked for (here
    the container does not widen to it: the page's links follow), its name a camel-case part
    ("DefaultEinleitung") as well as a word of its own."""
    links = "".join(
        f"<p><a href='/s{i}'>Another story about the town, number {i}</a></p>" for i in range(9)
    )
    source = (
        "<html><body><div class='page'><div class='head'>"
        f"<p class='DefaultEinleitung'>{_LEAD}</p></div>"
        f"<div class='text'>{_PARAGRAPH * 6}</div><div>{links}</div></div></body></html>"
    )
    container = find_main_content(parse_pruned(source), None, source)
    assert container is not None
    assert _LEAD in container.text_content()


def test_a_post_the_article_quotes_is_kept_though_its_box_is_named_as_furniture() -> None:
    """An embedded post is a `<blockquote>` named after its network ("twitter-tweet"), which
    readability's unlikely names match ("tweet", "twitter"): it is quoted text of the article,
    kept. A box of the same name that is not a quote is dropped as readability drops it."""
    source = (
        "<html><body><div class='story'>"
        + _PARAGRAPH * 3
        + "<blockquote class='twitter-tweet'><p>We must apply a system of compassion to"
        " criminal justice, the congresswoman wrote.</p></blockquote>"
        "<div class='twitter-follow'><p>Follow us for more stories like this one, every day"
        " of the week.</p></div>" + _PARAGRAPH * 3 + "</div></body></html>"
    )
    container = find_main_content(parse_pruned(source), None, source)
    assert container is not None
    text = container.text_content()
    assert "a system of compassion" in text
    assert "Follow us" not in text
