"""The pipeline: page -> Digest. `digest_html` is the engine's one synchronous entry point."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from summarizer.article import Block, SectionText
from summarizer.blocks import collect_blocks
from summarizer.charset import decode_html
from summarizer.content import find_main_content
from summarizer.errors import NotAnArticle
from summarizer.keyphrases import keyphrases
from summarizer.metadata import read_metadata
from summarizer.model import Digest, Section
from summarizer.prune import prune
from summarizer.rank import ClaimSettings, pick_claims
from summarizer.sections import article_blocks, article_text, group_sections

if TYPE_CHECKING:
    from summarizer.fetch import Fetcher

log = logging.getLogger(__name__)

_XML_DECLARATION_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# Scripts without spaces between words: a character there carries about a third of a word.
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORDS_PER_MINUTE = 230
# Keyphrases are computed from the first part of the text: an article states its topics early,
# and the scorer's cost grows with the text.
_KEYPHRASE_TEXT_CHARS = 8_000
_CJK_CHARS_PER_WORD = 2


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
    falling back to detection. Raises `NotAnArticle` for pages that are not articles.
    """
    settings = settings or DigestSettings()
    text = decode_html(html)[0] if isinstance(html, bytes) else html
    doc = _parse(text)
    meta = read_metadata(doc, url)
    prune(doc)
    container = find_main_content(doc, url, reparse=lambda: _parse_pruned(text))
    raw = collect_blocks(container) if container is not None else []
    title = meta.title or next((b.text for b in raw if b.heading_level == 1), None)
    blocks = article_blocks(raw, title=title, byline=meta.byline, description=meta.description)
    if _text_weight(blocks) < settings.min_text_chars:
        # readability settled on a fragment; a page of many short parts (a digest of teasers,
        # a FAQ) is read whole, and only then judged too short.
        raw = collect_blocks(_whole_page(text))
        blocks = article_blocks(raw, title=title, byline=meta.byline, description=meta.description)
    _check_is_article(blocks, raw_link_chars=sum(b.link_chars for b in raw), settings=settings)
    sections = group_sections(blocks)
    body = article_text(blocks)
    headline = title or _fallback_title(sections)
    claims = pick_claims(headline, sections, meta.language, settings.claims)
    tags = meta.tags or keyphrases(headline, body[:_KEYPHRASE_TEXT_CHARS], meta.language)
    words = _word_count(body)
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
            Section(heading=section.heading, claims=section_claims)
            for section, section_claims in zip(sections, claims, strict=True)
        ],
        tags=tags,
        word_count=words,
        reading_minutes=max(1, round(words / _WORDS_PER_MINUTE)),
    )


def _parse(text: str) -> HtmlElement:
    # lxml refuses str input that carries an XML encoding declaration; NULs end its input early.
    text = _XML_DECLARATION_RE.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        raise NotAnArticle("the page is empty")
    try:
        doc: HtmlElement = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as error:
        raise NotAnArticle(f"the page could not be read as HTML ({error})") from None
    return doc


def _parse_pruned(text: str) -> HtmlElement:
    doc = _parse(text)
    prune(doc)
    return doc


def _whole_page(text: str) -> HtmlElement:
    doc = _parse_pruned(text)
    main = doc.find(".//main")
    body = doc.find("body")
    return main if main is not None else body if body is not None else doc


def _text_weight(blocks: list[Block]) -> int:
    return sum(
        len(b.text) + 2 * len(_CJK_RE.findall(b.text)) for b in blocks if b.kind == "paragraph"
    )


def _check_is_article(blocks: list[Block], raw_link_chars: int, settings: DigestSettings) -> None:
    if _text_weight(blocks) < settings.min_text_chars:
        raise NotAnArticle("the page has too little text to be an article")
    total = sum(len(b.text) for b in blocks if b.kind == "paragraph")
    if raw_link_chars > settings.max_link_share * (total + raw_link_chars):
        raise NotAnArticle("the page is mostly links (a listing or a homepage)")


def _word_count(text: str) -> int:
    cjk = len(_CJK_RE.findall(text))
    latin = len(_CJK_RE.sub(" ", text).split())
    return latin + cjk // _CJK_CHARS_PER_WORD


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
        from summarizer.fetch import Fetcher

        async with Fetcher() as own_fetcher:
            page = await own_fetcher.fetch(url)
    else:
        page = await fetcher.fetch(url)
    digest = await asyncio.to_thread(digest_html, page.html, page.final_url)
    return dataclasses.replace(digest, url=url)
