"""The digest's word count is the count of its prose, however it is reached."""

from __future__ import annotations

from summarizer import digest_html
from summarizer.pipeline import read_article
from summarizer.text import word_count
from tests.helpers import paragraph

# Subheadings, Latin prose and a paragraph in an unspaced script (half a word a character).
_PAGE = (
    "<html><body><article><h1>A town counts its words</h1>"
    f"<p>{paragraph(0, 5)}</p><h2>The first part of the story</h2><p>{paragraph(1, 5)}</p>"
    "<h2>第二部分</h2><p>这个城市的居民每天都在计算他们写下的每一个字和每一个句子。"
    f"{paragraph(2, 3)}</p><p>{paragraph(3, 4)}</p></article></body></html>"
)


def test_word_count_is_the_prose_count_with_its_subheadings() -> None:
    """The sum taken from the sections' own counts and their subheadings is the count of the
    prose text read whole (subheadings and paragraphs parted by blank lines)."""
    article = read_article(_PAGE, "https://example.org/words")
    assert any(section.heading for section in article.sections)
    headings = sum(word_count(s.heading) for s in article.sections if s.heading)
    assert headings > 0
    digest = digest_html(_PAGE, "https://example.org/words")
    assert digest.word_count == int(word_count(article.prose))
