"""The pipeline: page -> Digest. `digest_html` is the engine's one synchronous entry point."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarizer.claims.keyphrases import keyphrase_tags
from summarizer.claims.pick import ClaimSettings, rank_sections
from summarizer.errors import InternalError, NotAnArticle, SummarizerError
from summarizer.extract.article import Block, SectionText
from summarizer.extract.blocks import collect_blocks
from summarizer.extract.content import find_main_content
from summarizer.extract.limits import KEYPHRASE_TEXT_CHARS
from summarizer.extract.metadata import read_metadata
from summarizer.extract.parse import page_text, parse_html, whole_page
from summarizer.extract.prune import prune
from summarizer.extract.sections import article_sections, article_text, paragraph_texts
from summarizer.extract.tags import card_tags
from summarizer.languages import page_languages
from summarizer.model import Digest, Section
from summarizer.text import text_weight, word_count

if TYPE_CHECKING:
    from summarizer.net.fetcher import Fetcher

log = logging.getLogger(__name__)

_WORDS_PER_MINUTE = 230
# An internal error's message names the exception, shortened to fit a one-line answer.
_INTERNAL_ERROR_CHARS = 160


@dataclass(frozen=True, slots=True)
class DigestSettings:
    """Limits of what counts as an article, and how many claims to pick."""

    # Main text shorter than this (in Latin-script characters; a CJK character counts 3) is not
    # an article but a stub, a login wall or an error page.
    min_text_chars: int = 250
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
    try:
        return _digest(html, url, settings or DigestSettings())
    except SummarizerError:
        raise
    except MemoryError:
        # Only where the caller caps memory (the bot's workers do): this page needs more.
        raise NotAnArticle("too large to digest: it needs more memory than allowed") from None
    except Exception as error:  # the one boundary: every step below is meant not to raise
        log.exception("internal error while digesting %s", url or "a page")
        detail = " ".join(f"{type(error).__name__}: {error}".split())[:_INTERNAL_ERROR_CHARS]
        raise InternalError(f"internal error while reading the page ({detail})") from error


def _digest(html: str | bytes, url: str | None, settings: DigestSettings) -> Digest:
    text = page_text(html)
    doc = parse_html(text)
    meta = read_metadata(doc, url)
    prune(doc)
    container = find_main_content(doc, url, text)
    raw = collect_blocks(container) if container is not None else []
    title = meta.title or next((b.text for b in raw if b.heading_level == 1), None)
    sections = article_sections(raw, title=title, byline=meta.byline, description=meta.description)
    if _weight(sections) < settings.min_text_chars:
        # readability settled on a fragment; a page of many short parts (a digest of teasers,
        # a FAQ) is read whole, and only then judged too short.
        raw = collect_blocks(whole_page(text))
        sections = article_sections(
            raw, title=title, byline=meta.byline, description=meta.description
        )
    _check_is_article(sections, raw, settings)
    body = article_text(sections)
    headline = title or _fallback_title(sections)
    ranked = rank_sections(headline, sections, meta.language, settings.claims)
    opening = body[:KEYPHRASE_TEXT_CHARS]
    languages = page_languages(meta.language, [headline, opening])
    tags = card_tags(meta.tags, languages=languages, text=body, site_name=meta.site_name)
    if not tags:
        tags = keyphrase_tags(headline, body, meta.language, site_name=meta.site_name)
    words = int(word_count(body))
    return Digest(
        url=url,
        canonical_url=meta.canonical_url or url,
        title=headline,
        site_name=meta.site_name,
        byline=meta.byline,
        published=meta.published,
        language=meta.language,
        text=body,
        sections=[
            Section(
                heading=section.heading,
                claims=picked.claims,
                importance=picked.importance,
                word_count=int(section.word_count),
            )
            for section, picked in zip(sections, ranked, strict=True)
        ],
        tags=tags,
        word_count=words,
        reading_minutes=max(1, round(words / _WORDS_PER_MINUTE)),
        image=meta.image,
    )


def _weight(sections: list[SectionText]) -> int:
    return sum(text_weight(paragraph) for paragraph in paragraph_texts(sections))


def _check_is_article(
    sections: list[SectionText], raw: list[Block], settings: DigestSettings
) -> None:
    if _weight(sections) < settings.min_text_chars:
        raise NotAnArticle("the page has too little text to be an article")
    total = sum(len(paragraph) for paragraph in paragraph_texts(sections))
    link_chars = sum(block.link_chars for block in raw)
    if link_chars > settings.max_link_share * (total + link_chars):
        raise NotAnArticle("the page is mostly links (a listing or a homepage)")


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
    digest = await asyncio.to_thread(digest_html, page.html, page.final_url)
    return dataclasses.replace(digest, url=url)
