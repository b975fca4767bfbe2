"""Tag quality of the keyphrase path, measured on corpus pages that carry their own tags.

A page without tags gets keyphrases (`summarizer.claims.keyphrases.keyphrase_tags`); whether
they are good cannot be read off a page that has none. So: take the aeb, moz and trafi pages
that DO have their own tags, hide those, run the keyphrase path on the headline and text, and
compare its tags with the page's own. A keyphrase *hits* when one of its words is one of the
own tags' words, allowing case, accents, plural and inflection ("Chinese" ~ "China",
"Herausforderungen" ~ "Herausforderung"). Own tags are sparse and often broad ("News",
"Politics"), so a miss is not always junk; junk is also counted directly: tags made only of
stopwords, UI words, phrases of the headline the article text never repeats (headline
fragments such as "Bruce Drag IGP" out of a Title Case headline) and
near-duplicates of another tag on the same card.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

from summarizer.extract.limits import KEYPHRASE_TEXT_CHARS
from summarizer.extract.metadata import read_metadata
from summarizer.extract.parse import page_text, parse_html
from summarizer.extract.tags import card_tags
from summarizer.languages import folded, page_languages, same_word, stopwords_of, words
from summarizer.text import UNSPACED_CHAR
from testkit.cards import trafi_available, trafi_pages
from testkit.corpus import MOZ_URL, aeb_pages, moz_pages

# Words of menus, buttons and page furniture in the languages of the corpus, and words that
# describe the page rather than its topic: never a topic however often a page says them.
_UI_WORDS_LIST = """
    share comment comments reply read more click subscribe newsletter login menu search home
    page article post posts video videos photo photos image images gallery cookie cookies
    privacy advertisement sponsored weiterlesen anmelden anmeldung abonnieren teilen kommentar
    kommentare startseite seite artikel bild bilder foto fotos werbung partager commentaire
    commentaires article accueil compartir comentarios artículo página inicio compartilhar
    comentários notícia
    """
_UI_WORDS = frozenset(_UI_WORDS_LIST.split())


@dataclass(frozen=True)
class TagPage:
    """A corpus page with its own tags, digested: what the keyphrase path is given."""

    page_id: str
    title: str
    text: str
    language: str | None
    site_name: str | None
    own_tags: list[str]


Tagger = Callable[[TagPage], list[str]]


def tagged_pages() -> Iterator[TagPage]:
    """Every aeb, moz (article) and trafi page whose metadata has tags, digested once."""
    from summarizer import NotAnArticle
    from summarizer.pipeline import read_article

    def one(page_id: str, html: bytes, url: str | None) -> TagPage | None:
        try:
            meta = read_metadata(parse_html(page_text(html)), url)
            if not meta.tags:
                return None
            # The headline and the prose, as the digest gives them to the keyphrase path.
            article = read_article(html, url)
        except NotAnArticle:
            return None
        title, text = article.headline, article.prose
        languages = page_languages(meta.language, [title, text[:KEYPHRASE_TEXT_CHARS]])
        own = card_tags(meta.tags, languages=languages, site_name=meta.site_name, limit=100)
        if not own:
            return None
        return TagPage(page_id, title, text, meta.language, meta.site_name, own)

    sources: list[tuple[str, bytes, str | None]] = [
        (f"aeb-{page.page_id[:10]}", page.html, page.url) for page in aeb_pages()
    ]
    sources += [(f"moz-{page.name}", page.html, MOZ_URL) for page in moz_pages() if page.readerable]
    if trafi_available():
        sources += [(f"trafi-{page.page_id}", page.html, page.url) for page in trafi_pages()]
    for page_id, html, url in sources:
        found = one(page_id, html, url)
        if found is not None:
            yield found


def skim_tagger(page: TagPage) -> list[str]:
    """The product's keyphrase path, as the pipeline calls it for a page without tags."""
    from summarizer.claims.keyphrases import keyphrase_tags

    return keyphrase_tags(page.title, page.text, page.language, site_name=page.site_name)


@dataclass
class TagScore:
    """The keyphrase tags of many pages checked against their own tags and for junk."""

    pages: int = 0
    pages_without_tags: int = 0
    tags: int = 0
    hits: int = 0
    pages_with_hit: int = 0
    stopword_only: int = 0
    ui_words: int = 0
    headline_fragments: int = 0
    near_duplicates: int = 0
    junk_examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Share of keyphrase tags that match an own tag's word."""
        return self.hits / self.tags if self.tags else 0.0

    @property
    def page_hit_rate(self) -> float:
        """Share of pages whose keyphrase tags include at least one hit."""
        return self.pages_with_hit / self.pages if self.pages else 0.0

    @property
    def junk(self) -> int:
        """Tags that are junk whatever the own tags say."""
        return self.stopword_only + self.ui_words + self.headline_fragments + self.near_duplicates

    @property
    def junk_share(self) -> float:
        return self.junk / self.tags if self.tags else 0.0

    @property
    def tags_per_page(self) -> float:
        return self.tags / self.pages if self.pages else 0.0


def score_tags(pages: Sequence[TagPage], tagger: Tagger = skim_tagger) -> TagScore:
    """Run `tagger` on every page (its own tags hidden) and score what it returns."""
    score = TagScore()
    for page in pages:
        tags = tagger(page)
        score.pages += 1
        score.tags += len(tags)
        if not tags:
            score.pages_without_tags += 1
            continue
        stop = stopwords_of(
            page_languages(page.language, [page.title, page.text[:KEYPHRASE_TEXT_CHARS]])
        )
        own_words = {word for tag in page.own_tags for word in _content_words(tag, stop)}
        hit = False
        seen: list[set[str]] = []
        text = " " + " ".join(words(page.text)) + " "
        for tag in tags:
            tag_words = _content_words(tag, stop)
            if any(same_word(a, b) for a in tag_words for b in own_words):
                score.hits += 1
                hit = True
            junk = _junk_kind(tag, tag_words, text, stop, seen)
            if junk:
                setattr(score, junk, getattr(score, junk) + 1)
                score.junk_examples.append(f"{page.page_id}: {junk} {tag!r}")
            seen.append(set(tag_words))
        score.pages_with_hit += hit
    return score


def _junk_kind(
    tag: str, tag_words: list[str], text: str, stop: frozenset[str], seen: list[set[str]]
) -> str | None:
    """The first kind of junk `tag` is (the TagScore counter's name), or None."""
    all_words = words(tag)
    if not tag_words:
        return "stopword_only" if all_words else None
    if all(word in _UI_WORDS for word in all_words):
        return "ui_words"
    if len(all_words) > 1 and not _in_text(tag, all_words, text):
        return "headline_fragments"
    if any(same_word(a, b) for a in tag_words for other in seen for b in other):
        return "near_duplicates"
    return None


def _in_text(tag: str, tag_words: list[str], text: str) -> bool:
    """The tag occurs in the folded text (CJK and Thai, written without spaces, as a substring)."""
    if UNSPACED_CHAR.search(tag):
        return all(word in text for word in tag_words)
    return f" {' '.join(tag_words)} " in text


def _content_words(tag: str, stop: frozenset[str]) -> list[str]:
    """The tag's words that are not stopwords, lower-case, accents folded."""
    return [folded(word) for word in words(tag.replace("-", " ")) if word not in stop]
