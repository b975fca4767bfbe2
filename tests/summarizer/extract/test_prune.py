"""summarizer/extract/prune.py: furniture goes before scoring, unless it holds the article."""

from __future__ import annotations

import lxml.html

from summarizer.extract.prune import prune
from tests.helpers import paragraph


def _pruned(html: str, *, keep_noscript: bool = False) -> str:
    doc = lxml.html.document_fromstring(html)
    prune(doc, keep_noscript=keep_noscript)
    return " ".join(doc.text_content().split())


def _article(parts: int = 6) -> str:
    return "".join(f"<p>{paragraph(i, 4)}</p>" for i in range(parts))


def test_scripts_hidden_nodes_navigation_and_furniture_go() -> None:
    """Never-content tags, hidden nodes, page regions and furniture-named boxes are dropped;
    the text after a dropped node (its tail) stays."""
    html = (
        "<html><body><nav>Home News</nav><script>var x;</script>"
        "<div class='cookie-banner'>We use cookies</div><p hidden>secret</p>"
        "<p style='display: none'>ghost</p><!-- note -->"
        f"<article>{_article()}<span class='share-bar'>Share this</span>kept tail</article>"
        "<footer>Imprint</footer></body></html>"
    )
    text = _pruned(html)
    for gone in ("Home News", "var x", "cookies", "secret", "ghost", "Share this", "Imprint"):
        assert gone not in text
    assert "kept tail" in text and paragraph(0, 4) in text


def test_an_unclosed_header_holding_the_page_is_kept() -> None:
    """A region holding most of the page's text is the article's wrapper, not furniture."""
    html = f"<html><body><header><div>Logo</div>{_article()}</header></body></html>"
    assert paragraph(3, 4) in _pruned(html)


def test_an_article_split_over_furniture_named_wrappers_is_kept() -> None:
    """Each part under 40% of the text, but holding 30% of the page's prose, stays; the class
    word "ads" in a BEM modifier does not make a box furniture either."""
    parts = "".join(  # two furniture-named parts of one article
        f"<div class='related-box'>{_article(3)}</div>" for _ in range(2)
    )
    lead = "The opposition promised to table amendments on cycling lanes and bus priority."
    html = (
        f"<html><body><div class='o-section--has-ads'><p>{lead}</p></div>"
        f"{parts}<div class='menu'>{'<a href=/x>Section</a> ' * 80}</div></body></html>"
    )
    text = _pruned(html)
    assert lead in text
    assert text.count(paragraph(0, 4)) == 2
    assert "Section" not in text


def test_a_content_word_overrides_a_furniture_word() -> None:
    """`l-sidebar-fixed l-article-body-segment` names the body, whatever else it says."""
    html = (
        f"<html><body><div class='l-sidebar-fixed l-article-body-segment'><p>{paragraph(2)}</p>"
        f"</div><div class='sidebar'><p>Other text</p></div>{_article()}</body></html>"
    )
    text = _pruned(html)
    assert paragraph(2) in text and "Other text" not in text


def test_comment_threads_are_not_rescued_by_their_prose() -> None:
    """A comment thread holds long prose too, but is never taken for the article for it."""
    comments = "".join(f"<p>{paragraph(i, 4)} I disagree.</p>" for i in range(3))
    html = (
        f"<html><body><article>{_article(6)}</article>"
        f"<div class='comments'>{comments}</div></body></html>"
    )
    assert "I disagree" not in _pruned(html)


def test_comment_threads_named_in_other_languages_go() -> None:
    """A thread of readers' comments is furniture in any language ("kommentare",
    "comentarios", "commentaires"); a box named for one opinion piece ("kommentar") is not."""
    for name in ("kommentare", "comentarios", "box-commentaires", "komentarze"):
        comments = "".join(f"<p>{paragraph(i, 4)} Ich widerspreche.</p>" for i in range(3))
        html = (
            f"<html><body><article>{_article(6)}</article>"
            f"<div class='{name}'><h5>Wohl eher ein kleiner Schritt</h5>{comments}</div>"
            "</body></html>"
        )
        text = _pruned(html)
        assert "Ich widerspreche" not in text and "kleiner Schritt" not in text, name
    opinion = f"<html><body><div class='kommentar'>{_article(6)}</div></body></html>"
    assert paragraph(5, 4) in _pruned(opinion)


def test_noscript_is_kept_only_on_request() -> None:
    """<noscript> content is dropped, except in the retry for pages that show it only there."""
    html = f"<html><body><noscript>{_article(2)}</noscript></body></html>"
    assert paragraph(0, 4) not in _pruned(html)
    assert paragraph(0, 4) in _pruned(html, keep_noscript=True)


def test_small_forms_go_and_a_page_wrapping_form_stays() -> None:
    """A search box is dropped; a <form> some CMSs wrap the whole page in is kept."""
    html = (
        "<html><body><form><input name=q> Search the site</form>"
        f"<form id='aspnetForm'>{_article()}</form></body></html>"
    )
    text = _pruned(html)
    assert "Search the site" not in text and paragraph(5, 4) in text


def test_an_element_without_attributes_is_judged_as_one_with_an_attribute_naming_nothing() -> None:
    """Most elements have no attribute: only a region's or a form's tag can doom them, asked
    without reading their names. The verdicts are those on the same elements carrying an
    attribute that says nothing (`data-x`), through the whole test: regions outside and
    inside an article, one that is all of its <main>, small and large forms, plain boxes."""
    page = (
        "<html><body><nav{a}>Home News</nav><header{a}>Site</header><div{a}>Plain box</div>"
        "<main{a}><aside{a}>" + _article(3) + "</aside></main>"
        "<article{a}><header{a}>Its headline</header>" + _article() + "<footer{a}>Its byline"
        "</footer><nav{a}>Chapters</nav><form{a}>Search</form></article>"
        "<form{a}>" + _article(4) + "</form><menu{a}>Menu</menu><footer{a}>Imprint</footer>"
        "<section{a}><p{a}>Kept <b{a}>text</b></p></section></body></html>"
    )
    bare, named = page.format(a=""), page.format(a=" data-x='1'")
    assert _pruned(bare) == _pruned(named)
    kept = _pruned(bare)
    assert "Its headline" in kept and "Its byline" in kept and "Kept text" in kept
    assert "Plain box" in kept and paragraph(0, 4) in kept
    assert not any(word in kept for word in ("Home News", "Site", "Chapters", "Search", "Menu"))
    assert "Imprint" not in kept
