"""A second opinion on the article's main text: trafilatura's extractor, run on Skim's tree.

readability's scoring (the first opinion, `content.py`) picks one container; on short pages and
pages of several boxes it picks the wrong one or only a part. trafilatura (Apache-2.0, made for
exactly this) finds the text by other means: a cascade of XPath rules for article containers,
then element-by-element filtering. The two disagree in different places, so combining them
(`combine.py`) beats each.

Only trafilatura's extraction sequence runs, on the tree Skim already parsed and pruned: its
cleaning, tag conversion and main extractor, with its baseline and recall retries for short
results. Skipped are what Skim does itself or cannot use: parsing, metadata, the comparison
with readability and jusText (fast mode), and the text serialisation. `trafilatura_sequence`
is an internal of trafilatura, hence the bounded version range in pyproject.toml. Its output
tree (`<head rend="h2">`, `<hi rend="#b">`, `<list>`...) is turned back into HTML and read by
the same block walk as the first opinion's.
"""

from __future__ import annotations

import logging

from lxml.html import HtmlElement
from trafilatura.core import trafilatura_sequence
from trafilatura.htmlprocessing import convert_to_html
from trafilatura.settings import Extractor

from summarizer.extract.article import Block
from summarizer.extract.blocks import collect_blocks
from summarizer.text import clean_text

log = logging.getLogger(__name__)

# Fast mode (no external fallbacks), no comments, formatting kept (bold pseudo-headings), no
# links (resolving their targets costs time, and trafilatura drops link-dense blocks itself).
_OPTIONS = Extractor(
    output_format="xml",
    fast=True,
    comments=False,
    formatting=True,
    links=False,
    images=False,
    tables=True,
    dedup=False,
)


def link_texts(tree: HtmlElement) -> set[str]:
    """The texts of the page's links. trafilatura runs without links (resolving their targets
    costs time), so the link text in its reading is found by these: a listing is then mostly
    links from either opinion."""
    return {clean_text(a.text_content()) for a in tree.iter("a") if a.get("href")}


def trafilatura_blocks(tree: HtmlElement) -> list[Block]:
    """trafilatura's main text of `tree` (a pruned page, consumed) as blocks; [] if none."""
    try:
        body, *_ = trafilatura_sequence(tree, _OPTIONS)
    except Exception:  # heuristic code over hostile input: the first opinion stands alone
        log.warning("trafilatura failed on a page", exc_info=True)
        return []
    if len(body) == 0:
        return []
    return collect_blocks(convert_to_html(body))
