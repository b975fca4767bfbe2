"""extract/parse.py: any page becomes text lxml can hold and a tree of bounded size."""

from __future__ import annotations

import threading

import pytest
from lxml.html import HtmlElement

from summarizer.errors import NotAnArticle
from summarizer.extract import limits
from summarizer.extract.parse import page_source, page_text, parse_html, sanitise
from summarizer.extract.prune import prune
from tests.helpers import page, paragraph


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("a\x01b\x1fc\x00d", "abcd"),
        ("a\x0bb\x0cc", "a b c"),  # vertical tab and form feed are white space in HTML
        ("a\ufffeb\uffffc", "abc"),
        ("a\ufffdb\uffefc\uffe0", None),  # U+FFFD and its neighbours are characters: kept
        ("a\ufffdb\ufffec", "a\ufffdbc"),  # beside a U+FFFD, a noncharacter still goes
        ("a\ud800b\udfffc", "a\ufffdb\ufffdc"),  # lone surrogates, as a decoder would
        ("a&#1;b&#x1F;c&#65535;d&#xfffe;e&#12;f", "abcdef"),
        ("tab\tnewline\ncr\r&#9;&#10;&#13;&#x7f;&#127;&#8217;", None),  # all allowed: kept
        ("&#1000;&#x10;0", "&#1000;0"),  # a reference is read to its last digit
    ],
)
def test_sanitise_removes_what_lxml_refuses(raw: str, clean: str | None) -> None:
    """Controls, noncharacters, lone surrogates and references to them go; the rest stays."""
    assert sanitise(raw) == (raw if clean is None else clean)


@pytest.mark.parametrize(
    "poison",
    ["\x01", "\x0b", "\x1f", "\ufffe", "&#1;", "&#x8;", "&#xFFFF;", "\ud800"],
)
@pytest.mark.parametrize("as_bytes", [False, True])
def test_a_sanitised_tree_can_be_pruned(poison: str, as_bytes: bool) -> None:
    """Pruning moves tails (drop_tree, comments): it must never meet a refused character."""
    html = page(
        f"<p>{paragraph(0)}</p><script>x</script>{poison}tail<!-- c -->{poison}after"
        f"<nav>n</nav>{poison}<p>{paragraph(1)}{poison}</p>"
    )
    data = html.encode("utf-8", "surrogatepass") if as_bytes else html
    doc = parse_html(page_text(data))
    prune(doc)
    assert "tail" in doc.text_content() and "after" in doc.text_content()


@pytest.mark.parametrize(
    "html",
    [
        page(f"<p>{paragraph(0)} “Grüße” 東京 \U0001f600</p>"),  # clean: its bytes are reused
        page(f"<p>{paragraph(0)}\x01 &#1; “Grüße”</p>"),  # sanitised: encoded again
        '<?xml version="1.0" encoding="iso-8859-1"?>' + page(f"<p>{paragraph(0)} é</p>"),
    ],
)
def test_page_source_hands_the_parser_the_texts_utf8(html: str) -> None:
    """`page_source`'s bytes are its text in UTF-8, whatever the page declares, and the tree
    parsed from them is the tree of the text."""
    text, encoded = page_source(html)
    assert text == page_text(html)
    assert encoded == text.encode("utf-8")
    doc = parse_html(text, encoded)
    assert doc.text_content() == parse_html(text).text_content()
    assert "Grüße" in doc.text_content() or "é" in doc.text_content()


@pytest.mark.parametrize("blank", ["", " \n\t ", "\u3000"])
def test_a_blank_page_is_refused_as_empty(blank: str) -> None:
    with pytest.raises(NotAnArticle, match="the page is empty"):
        parse_html(blank)


def test_an_element_with_absurdly_many_attributes_is_refused() -> None:
    """libxml2 is quadratic in one element's attributes: the page is refused before parsing,
    even when quoted values hide "<" and ">" from a naive scan."""
    many = limits.MAX_ATTRIBUTES_PER_ELEMENT + 1
    for value in ("1", '">"', "'<'"):
        attributes = " ".join(f"data-a{i}={value}" for i in range(many))
        with pytest.raises(NotAnArticle, match="too large to digest: an element has over"):
            page_text(page(f"<div {attributes}>{paragraph(0)}</div>"))
    fine = " ".join(f"data-a{i}=1" for i in range(limits.MAX_ATTRIBUTES_PER_ELEMENT))
    assert page_text(page(f"<div {fine}>x</div>"))


def test_a_page_over_the_character_limit_is_refused() -> None:
    with pytest.raises(NotAnArticle, match="too large to digest"):
        page_text("x" * (limits.MAX_PAGE_CHARS + 1))


def test_a_page_with_too_many_elements_is_cut_before_the_first_extra_one() -> None:
    html = "<html><body>" + "<p>a</p>" * (limits.MAX_ELEMENTS + 50)
    text = page_text(html)
    assert text.count("<p>") == limits.MAX_ELEMENTS - 2  # <html> and <body> count too
    small = page("<p>a</p>" * 100)
    assert page_text(small) == small


def test_a_page_nested_too_deep_is_refused() -> None:
    def nested(depth: int) -> str:  # <html> and <body> are the first two levels
        return "<html><body>" + "<div>" * (depth - 2) + "x" + "</div>" * (depth - 2)

    assert parse_html(page_text(nested(limits.MAX_DEPTH))) is not None
    with pytest.raises(NotAnArticle, match="nested over"):
        parse_html(page_text(nested(limits.MAX_DEPTH + 1)))


def test_text_is_bounded_per_node_and_in_all() -> None:
    """A huge text node is cut; text past the page's total is dropped; scripts are left."""
    long_node = "word " * limits.MAX_NODE_TEXT_CHARS
    doc = parse_html(page_text(page(f"<p>{long_node}</p><script>{long_node}</script>")))
    assert len(doc.find(".//p").text) == limits.MAX_NODE_TEXT_CHARS
    assert len(doc.find(".//script").text) > limits.MAX_NODE_TEXT_CHARS
    nodes = limits.MAX_TEXT_CHARS // limits.MAX_NODE_TEXT_CHARS + 2
    doc = parse_html(page_text(page(f"<p>{long_node}</p>" * nodes)))
    texts = [p.text or "" for p in doc.iter("p")]
    assert sum(map(len, texts)) <= limits.MAX_TEXT_CHARS
    assert texts[0] and not texts[-1]  # the start of the page is kept, the end dropped
    # Each node under its limit, all of them over the page's: still cut to the total.
    short_node = "x" * (limits.MAX_NODE_TEXT_CHARS - 10)
    doc = parse_html(page_text(page(f"<p>{short_node}</p>" * nodes)))
    texts = [p.text or "" for p in doc.iter("p")]
    assert sum(map(len, texts)) <= limits.MAX_TEXT_CHARS
    assert texts[0] == short_node and not texts[-1]


def test_elements_are_plain_html_elements_and_each_thread_has_its_parser() -> None:
    """The parser's class lookup runs in C (no form classes); parsers are not thread-safe,
    so a thread gets its own, and trees parsed in threads at once are whole."""
    doc = parse_html(page_text(page('<form><input name="q"><p>Text.</p></form>')))
    assert {type(el) for el in doc.iter("form", "input", "p")} == {HtmlElement}
    parsers: list[object] = []
    texts: list[str] = []

    def parse_in_thread(index: int) -> None:
        tree = parse_html(page_text(page(f"<p>Thread {index} text.</p>" + paragraph() * 50)))
        parsers.append(tree.getroottree().parser)
        texts.append(tree.find(".//p").text_content())  # the first <p>

    threads = [threading.Thread(target=parse_in_thread, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(parser) for parser in parsers}) == 4
    assert sorted(texts) == sorted(f"Thread {i} text." for i in range(4))
