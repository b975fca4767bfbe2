"""The pipeline: page -> Digest. `digest_html` is the engine's one synchronous entry point."""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from summarizer.claims.keyphrases import keyphrase_tags
from summarizer.claims.pick import ClaimSettings, rank_sections
from summarizer.errors import InternalError, NotAnArticle, SummarizerError
from summarizer.extract.article import Block, SectionText
from summarizer.extract.blocks import collect_blocks
from summarizer.extract.combine import (
    anchored_asides,
    combine,
    pieces,
    sections_of,
    without_dek,
)
from summarizer.extract.content import find_main_content
from summarizer.extract.limits import KEYPHRASE_TEXT_CHARS
from summarizer.extract.metadata import (
    PageMeta,
    read_metadata,
    site_named_headline,
    slug_named_headline,
)
from summarizer.extract.page_signals import PRODUCT_PAGE, PageSignals, page_signals
from summarizer.extract.parse import page_source, parse_html, whole_page
from summarizer.extract.plaintext import text_document_html
from summarizer.extract.prune import prune
from summarizer.extract.second_opinion import link_texts, trafilatura_blocks
from summarizer.extract.sections import (
    article_sections,
    article_text,
    heading_levels,
    paragraph_texts,
)
from summarizer.extract.tags import card_tags
from summarizer.languages import detect_languages
from summarizer.model import Digest, Section
from summarizer.net.charset import decode_text
from summarizer.text import clean_text, normalise_space, text_weight, visible_text, word_count

if TYPE_CHECKING:
    from summarizer.net.fetcher import Fetcher

log = logging.getLogger(__name__)

_WORDS_PER_MINUTE = 230
# An internal error's message names the exception, shortened to fit a one-line answer.
_INTERNAL_ERROR_CHARS = 160


# readability's container is taken as it is when it holds this much text and this share of the
# pruned page's prose (paragraphs of _PROSE_CHARS or more); else trafilatura gives a second
# opinion. On the dev corpora a fifth of the pages get one (tuned on one by-site half).
_SURE_TEXT_CHARS = 1000
_SURE_PROSE_SHARE = 0.7
_PROSE_CHARS = 80
# Shorter link texts ("a", "here") are found inside any text; each distinct link counts once.
_LINK_WORD_CHARS = 4


@dataclass(frozen=True, slots=True)
class DigestSettings:
    """Limits of what counts as an article, and how many claims to pick."""

    # Main text shorter than this (in Latin-script characters; a CJK character counts 3) is not
    # an article but a stub, a login wall or an error page.
    min_text_chars: int = 250
    # ...unless the page declares itself an article (og:type, JSON-LD) or has a dated
    # permalink: short news exists.
    min_article_chars: int = 100
    # A page without one paragraph this long (Readability.js's floor for a paragraph of prose)
    # is a product or landing page of blurbs, unless it says it is an article.
    min_prose_paragraph_chars: int = 140
    # Main text that is mostly link text is a listing or a homepage.
    max_link_share: float = 0.5
    claims: ClaimSettings = field(default_factory=ClaimSettings)


def digest_html(
    html: str | bytes, url: str | None = None, *, settings: DigestSettings | None = None
) -> Digest:
    """Digest an article page: headline, sections with verbatim key claims, tags.

    Pure and synchronous. Bytes are decoded by the page's declared charset (meta or BOM),
    falling back to detection. Raises `NotAnArticle` for pages that are not articles (or too
    large to digest), and nothing but a `SummarizerError` for any input: a bug that escapes
    the steps is logged once with its traceback and raised as `InternalError`.
    """
    return _guarded(_digest, html, url, settings or DigestSettings())


def digest_text(
    text: str | bytes,
    url: str | None = None,
    *,
    markdown: bool = False,
    settings: DigestSettings | None = None,
) -> Digest:
    """Digest a plain-text document (an RFC's .txt, a mailing-list archive, a README) as
    `digest_html` digests a page: its text, escaped into `<pre>`s under its own title line, is
    read as a pre-formatted document; with `markdown`, it is rendered as Markdown (its own HTML
    shown as text). Bytes are decoded by their BOM, else as UTF-8, else by detection. Raises as
    `digest_html` does."""
    if isinstance(text, bytes):
        text = decode_text(text)[0]
    return digest_html(text_document_html(text, markdown=markdown), url, settings=settings)


def read_article(
    html: str | bytes, url: str | None = None, *, settings: DigestSettings | None = None
) -> Article:
    """The extraction half of `digest_html`: parse the page once, read its metadata and
    extract its article (no claims, no tags). Raises as `digest_html` does."""
    return _guarded(_read_article, html, url, settings or DigestSettings())


_Result = TypeVar("_Result")


def _guarded(
    step: Callable[[str | bytes, str | None, DigestSettings], _Result],
    html: str | bytes,
    url: str | None,
    settings: DigestSettings,
) -> _Result:
    """The one boundary: nothing but a `SummarizerError` leaves the engine."""
    try:
        return step(html, url, settings)
    except SummarizerError:
        raise
    except MemoryError:
        # Only where the caller caps memory (the bot's workers do): this page needs more.
        raise NotAnArticle("too large to digest: it needs more memory than allowed") from None
    except Exception as error:  # every step below is meant not to raise
        log.exception("internal error while digesting %s", url or "a page")
        detail = " ".join(f"{type(error).__name__}: {error}".split())[:_INTERNAL_ERROR_CHARS]
        raise InternalError(f"internal error while reading the page ({detail})") from error


def _digest(html: str | bytes, url: str | None, settings: DigestSettings) -> Digest:
    article = _read_article(html, url, settings)
    meta, sections = article.meta, article.sections
    # The prose (claims, tags and the reading time come from it); the text adds the asides.
    body = article.prose
    headline = article.headline
    ranked = rank_sections(
        headline, sections, meta.language, settings.claims, fact_check=meta.fact_check
    )
    opening = body[:KEYPHRASE_TEXT_CHARS]
    languages = detect_languages(meta.language, [headline, opening])
    about = "\n".join([headline, meta.description or "", body])
    tags = card_tags(
        meta.tags,
        languages=languages.codes,
        text=body if meta.tags_site_wide else about,
        site_name=meta.site_name,
        site_wide=meta.tags_site_wide,
        headline=headline,
        language=languages.main,
        urls=(url, meta.canonical_url),
        navigation=meta.navigation,
    )
    if not tags:
        tags = keyphrase_tags(
            headline, body, meta.language, site_name=meta.site_name, languages=languages
        )
    words = int(_prose_words(sections))
    levels = article.levels or [0] * len(sections)
    return Digest(
        url=url,
        canonical_url=meta.canonical_url or url,
        title=headline,
        site_name=meta.site_name,
        byline=meta.byline,
        published=meta.published,
        language=meta.language,
        text=article_text(sections),
        sections=[
            Section(
                heading=section.heading,
                claims=picked.claims,
                importance=picked.importance,
                word_count=int(section.word_count),
                level=level,
            )
            for section, picked, level in zip(sections, ranked, levels, strict=True)
        ],
        tags=tags,
        word_count=words,
        reading_minutes=max(1, round(words / _WORDS_PER_MINUTE)),
        image=meta.image,
        rating=meta.rating,
    )


def _prose_words(sections: list[SectionText]) -> float:
    """`word_count` of the prose, `article_text(sections, asides=False)`, from the sections'
    counts (taken once, the claims ask them too) and their subheadings': the prose joins these
    with blank lines, and a count adds up over pieces that white space parts (a count of the
    whole text read every word of a long article once more)."""
    return sum(section.word_count for section in sections) + sum(
        word_count(section.heading) for section in sections if section.heading
    )


@dataclass(frozen=True, slots=True)
class Article:
    """The extraction half of a digest: what the page says about itself, its headline (the
    page's, else the article's h1) and the article's sections."""

    meta: PageMeta
    title: str | None
    sections: list[SectionText]
    # The outline level of each section's heading (see `heading_levels`).
    levels: list[int] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """The digest's headline: the title, else the first subheading or paragraph."""
        return self.title or _fallback_title(self.sections)

    @property
    def prose(self) -> str:
        """The article's prose (its text without the asides): what claims and tags read."""
        return article_text(self.sections, asides=False)


def _read_article(html: str | bytes, url: str | None, settings: DigestSettings) -> Article:
    text, encoded = page_source(html)
    doc = parse_html(text, encoded)
    meta = read_metadata(doc, url)
    title, sections, levels = _main_text(doc, text, url, meta, settings)
    return Article(meta, title, sections, levels)


@dataclass(frozen=True, slots=True)
class _Opinion:
    """One reading of the article: its blocks as the markup has them, and their sections."""

    raw: list[Block]
    sections: list[SectionText]
    link_chars: int  # of the blocks: a page of links is a listing
    # Characters of the sections' paragraphs that are link text: trafilatura's blocks carry no
    # link markup, so its teaser lines stay paragraphs (readability's are dropped as teasers).
    listed_chars: int = 0
    # The sections' text weight: asked three or four times a page, so weighed once.
    weight: int = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "weight", _weight(self.sections))


def _main_text(
    doc: HtmlElement, source: str, url: str | None, meta: PageMeta, settings: DigestSettings
) -> tuple[str | None, list[SectionText], list[int]]:
    """The headline (the page's, else the article's h1), the article's sections and their
    headings' outline levels, from two opinions on the pruned page; raises NotAnArticle."""
    signals = page_signals(doc, url)

    def classify(raw: list[Block], headline: str | None = None) -> _Opinion:
        title = headline or meta.title or next((b.text for b in raw if b.heading_level == 1), None)
        sections = article_sections(
            raw, title=title, byline=meta.printed_byline, description=meta.description
        )
        return _Opinion(raw, sections, sum(b.link_chars for b in raw if not b.figure))

    prune(doc)
    spare = copy.deepcopy(doc)  # readability consumes `doc`; trafilatura reads the copy
    container = find_main_content(doc, url, source)
    chosen = classify(collect_blocks(container) if container is not None else [])
    if _doubtful(chosen, spare):
        chosen = _second_opinion(chosen, spare, classify, meta.description, settings)
    if chosen.weight < settings.min_text_chars:
        chosen = _retry(source, meta, classify, settings) or chosen
    _check_is_article(chosen, meta, signals, settings)
    h1 = next((b.text for b in chosen.raw if b.heading_level == 1), None)
    title = meta.title or (visible_text(h1) if h1 else None)
    opening = chosen.sections[0].heading if chosen.sections else None
    named = slug_named_headline(title, opening, url) if title else title
    named = site_named_headline(meta, named, opening) if named else named
    if named != title:  # the opening heading is the headline: no section's heading now
        chosen = classify(chosen.raw, named)
    return named, chosen.sections, heading_levels(chosen.raw, chosen.sections)


def _doubtful(first: _Opinion, page: HtmlElement) -> bool:
    """Whether readability's container needs a second opinion (`page`: the pruned page): its
    text is short (a short article, or only a part of a long one), or it holds too little of
    the page's prose (readability picked one box of several)."""
    if first.weight < _SURE_TEXT_CHARS:
        return True
    first_prose = sum(
        len(b.text)
        for b in first.raw
        if b.tag == "p" and not b.figure and len(b.text) >= _PROSE_CHARS
    )
    page_prose = 0
    for paragraph in page.iter("p"):
        length = len(paragraph.text_content())
        if length >= _PROSE_CHARS:
            page_prose += length
    return first_prose < _SURE_PROSE_SHARE * page_prose


def _second_opinion(
    first: _Opinion,
    spare: HtmlElement,
    classify: Callable[[list[Block]], _Opinion],
    description: str | None,
    settings: DigestSettings,
) -> _Opinion:
    """readability's reading combined with trafilatura's on the pruned page `spare`.

    A reading of trafilatura's that is mostly links is a dump of the page's navigation (its
    baseline, when nothing else matched): no opinion on the article, unless readability has
    none either (then the page is judged a listing on it).
    """
    page_text = clean_text(spare.text_content())  # as the sectioner cleans the pieces
    links = link_texts(spare)
    second = classify(trafilatura_blocks(spare))
    text = " ".join(paragraph_texts(second.sections))
    listed = sum(len(link) for link in links if len(link) >= _LINK_WORD_CHARS and link in text)
    if first.weight and listed > settings.max_link_share * len(text):
        return first
    first_pieces = pieces(first.sections)
    second_pieces = without_dek(pieces(second.sections), first_pieces, description)
    merged = combine(first_pieces, second_pieces, page_text)
    if merged is first_pieces:
        return first
    if merged is second_pieces:
        return _Opinion(second.raw, second.sections, listed, listed)
    asides = anchored_asides(first.sections, first_pieces)
    return _Opinion(first.raw, sections_of(merged, asides), first.link_chars)


def _retry(
    source: str,
    meta: PageMeta,
    classify: Callable[[list[Block]], _Opinion],
    settings: DigestSettings,
) -> _Opinion | None:
    """Both opinions settled on a fragment: read the page whole (a digest of teasers, a FAQ),
    then with its <noscript> content, then its JSON-LD articleBody. The first long enough wins,
    else the longest."""
    attempts: list[Callable[[], list[Block]]] = [
        lambda: collect_blocks(whole_page(source)),
        lambda: _noscript_blocks(source),
        lambda: _json_ld_blocks(meta.ld_body),
    ]
    best: _Opinion | None = None
    for attempt in attempts:
        raw = attempt()
        if not raw:
            continue
        opinion = classify(raw)
        if opinion.weight >= settings.min_text_chars:
            return opinion
        if best is None or opinion.weight > best.weight:
            best = opinion
    return best


def _noscript_blocks(source: str) -> list[Block]:
    """The article container of the page read with its <noscript> content kept."""
    doc = parse_html(source)
    if doc.find(".//noscript") is None:
        return []
    prune(doc, keep_noscript=True)
    container = find_main_content(doc, None, source)
    return collect_blocks(container) if container is not None else []


def _json_ld_blocks(body: str | None) -> list[Block]:
    """The article the page's JSON-LD carries, as blocks (it may be HTML or plain text)."""
    if not body:
        return []
    if "<" in body:
        try:
            return collect_blocks(lxml.html.fragment_fromstring(body, create_parent="div"))
        except (lxml.etree.ParserError, ValueError):
            return []
    return [Block(text) for text in map(normalise_space, body.split("\n")) if text]


def _weight(sections: list[SectionText]) -> int:
    return sum(text_weight(paragraph) for paragraph in paragraph_texts(sections))


def _check_is_article(
    article: _Opinion, meta: PageMeta, signals: PageSignals, settings: DigestSettings
) -> None:
    """Refuse a page that is mostly links (a listing, a homepage, search results), then one
    with too little prose (a stub, a login wall) or only blurbs (a product or landing page).
    A page declaring itself an article, or with a dated permalink, may be short."""
    total = sum(len(paragraph) for paragraph in paragraph_texts(article.sections))
    prose = total - article.listed_chars
    if article.link_chars > settings.max_link_share * (prose + article.link_chars):
        raise NotAnArticle(signals.name_link_page())
    short_ok = meta.declared_article or signals.dated_address
    floor = settings.min_article_chars if short_ok else settings.min_text_chars
    if article.weight - article.listed_chars < floor:
        raise NotAnArticle(signals.name_short_page())
    if not short_ok and all(
        text_weight(paragraph) < settings.min_prose_paragraph_chars
        for paragraph in paragraph_texts(article.sections)
    ):
        raise NotAnArticle(PRODUCT_PAGE)


def _fallback_title(sections: list[SectionText]) -> str:
    for section in sections:
        if section.heading:
            return section.heading
    first = sections[0].paragraphs[0] if sections and sections[0].paragraphs else "Untitled"
    return first if len(first) <= 120 else first[:119].rsplit(" ", 1)[0] + "…"


async def digest_url(url: str, *, fetcher: Fetcher | None = None) -> Digest:
    """Fetch `url` through the guarded fetcher and digest it.

    The CPU-bound digest runs in a thread so that the caller's event loop keeps turning.
    """
    if fetcher is None:
        # Imported here: digest_html alone (the bot's parsing workers) needs no HTTP stack.
        from summarizer.net.fetcher import Fetcher

        async with Fetcher() as own_fetcher:
            page = await own_fetcher.fetch(url)
    else:
        page = await fetcher.fetch(url)
    if page.markdown and page.text is not None:  # rendered here, in the thread, as the bot does
        digest = await asyncio.to_thread(digest_text, page.text, page.final_url, markdown=True)
    else:
        digest = await asyncio.to_thread(digest_html, page.html, page.final_url)
    return dataclasses.replace(digest, url=url)
