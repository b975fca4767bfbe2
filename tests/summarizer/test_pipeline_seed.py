"""The seed article, rebuilt as it is served in three CMS shapes, comes out right."""

from __future__ import annotations

import pytest

from summarizer import digest_html
from summarizer.claims.sentences import split_sentences
from tests.helpers import FIXTURES, SEED_HEADLINE, SEED_SUBHEADINGS, section_texts

HEADLINE = SEED_HEADLINE
SUBHEADINGS = list(SEED_SUBHEADINGS)
SHAPES = ["seed_h2.html", "seed_bold.html", "seed_related_box.html"]


@pytest.fixture(scope="module", params=SHAPES)
def seed(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    html = (FIXTURES / request.param).read_bytes()
    return digest_html(html, "https://tfiglobal.com/geopolitics/lavrov/")


def test_headline_without_site_suffix(seed) -> None:  # type: ignore[no-untyped-def]
    """The page's own headline, without " - TFIGlobal"."""
    assert seed.title == HEADLINE


def test_six_subheadings_in_order(seed) -> None:  # type: ignore[no-untyped-def]
    """The six subheadings are the sections, in article order, after the lead."""
    assert [s.heading for s in seed.sections] == [None, *SUBHEADINGS]


def test_each_claim_is_a_sentence_of_its_own_section(seed) -> None:  # type: ignore[no-untyped-def]
    """Claims are verbatim sentences from the section they summarise."""
    texts = section_texts(seed)
    for section in seed.sections:
        assert section.claims, f"no claim for {section.heading!r}"
        sentences = split_sentences(texts[section.heading], "en")
        for claim in section.claims:
            assert claim in sentences, (section.heading, claim)


def test_tags_are_the_pages_own(seed) -> None:  # type: ignore[no-untyped-def]
    """Tags come from the page (metas, JSON-LD or the visible Tags: list), casing kept."""
    assert seed.tags == ["NATO", "Russia", "Sergei Lavrov"]


def test_no_also_read_or_related_text(seed) -> None:  # type: ignore[no-untyped-def]
    """Neither "Also Read" lines nor related-article teasers reach the text or the claims."""
    everything = seed.text + " ".join(c for s in seed.sections for c in s.claims)
    assert "Also Read" not in everything
    assert "Oreshnik" not in everything
    assert "TACO again" not in everything
    assert "Tomahawk" not in everything


def test_text_excludes_headline_byline_and_furniture(seed) -> None:  # type: ignore[no-untyped-def]
    """The main text starts with the article's first paragraph and holds no page furniture."""
    assert seed.text.startswith("Russian Foreign Minister Sergey Lavrov has repeatedly asserted")
    for furniture in ("Share on Facebook", "Tags:", "cookies", "Login to your account", "©"):
        assert furniture not in seed.text
    assert HEADLINE not in seed.text


def test_metadata(seed) -> None:  # type: ignore[no-untyped-def]
    """Site, byline, date, language and canonical URL come from the page."""
    assert seed.site_name == "TFIGlobal"
    assert seed.byline == "Rashi Randev"
    assert seed.published is not None and seed.published.startswith("2025-07-08")
    assert seed.language is not None and seed.language.lower().startswith("en")
    assert seed.canonical_url is not None and "tfiglobal.com" in seed.canonical_url
    assert seed.word_count > 400
    assert seed.reading_minutes >= 2


def test_headingless_article_gets_three_claims() -> None:
    """Without subheadings there is one section, heading None, with three key claims."""
    digest = digest_html((FIXTURES / "seed_no_subheadings.html").read_bytes())
    assert len(digest.sections) == 1
    assert digest.sections[0].heading is None
    assert len(digest.sections[0].claims) == 3
    sentences = split_sentences(digest.text, "en")
    assert all(claim in sentences for claim in digest.sections[0].claims)


def test_to_dict_has_exactly_the_documented_keys(seed) -> None:  # type: ignore[no-untyped-def]
    """Other tools rely on these keys and nothing else."""
    data = seed.to_dict()
    assert set(data) == {
        "url",
        "canonical_url",
        "title",
        "site_name",
        "byline",
        "published",
        "language",
        "text",
        "sections",
        "tags",
        "word_count",
        "reading_minutes",
        "image",
        "rating",
    }
    assert all(
        set(s) == {"heading", "claims", "importance", "word_count", "level"}
        for s in data["sections"]
    )
