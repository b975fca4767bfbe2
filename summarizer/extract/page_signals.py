"""What the untouched page says about its kind: a password field (a login wall), a search
address (search results), a dated permalink (a post).

The first two only name the kind of a page already judged not to be an article; they never
refuse one on their own. A dated permalink lowers the floor of text a page needs, as a page
declaring itself an article does: a short post is a short article.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qsl, urlsplit

from lxml.html import HtmlElement

from summarizer.extract.patterns import DATED_PATH_RE, SEARCH_PATH_WORDS, SEARCH_QUERY_KEYS

TOO_LITTLE_TEXT = "the page has too little text to be an article"
LOGIN_WALL = "the page asks to sign in (a login wall)"
SEARCH_RESULTS = "the page is a list of search results"
LISTING = "the page is mostly links (a listing or a homepage)"
PRODUCT_PAGE = "the page is a product or landing page, without article prose"


@dataclass(frozen=True, slots=True)
class PageSignals:
    """Hints of the page's kind, read before pruning."""

    password_field: bool = False
    search_address: bool = False
    dated_address: bool = False

    def name_short_page(self) -> str:
        """The reason for a page with too little text."""
        if self.password_field:
            return LOGIN_WALL
        if self.search_address:
            return SEARCH_RESULTS
        return TOO_LITTLE_TEXT

    def name_link_page(self) -> str:
        """The reason for a page that is mostly links."""
        return SEARCH_RESULTS if self.search_address else LISTING


def page_signals(doc: HtmlElement, url: str | None) -> PageSignals:
    """The signals of the unpruned page `doc` fetched from `url`."""
    address = _split(url)
    return PageSignals(
        password_field=doc.find(".//input[@type='password']") is not None,
        search_address=address is not None and _is_search_address(address),
        dated_address=address is not None and DATED_PATH_RE.search(address.path) is not None,
    )


def _split(url: str | None) -> SplitResult | None:
    """The parts of `url`; None for none, or for one that does not parse ("http://[zz]/")."""
    if not url:
        return None
    try:
        return urlsplit(url)
    except ValueError:
        return None


def _is_search_address(address: SplitResult) -> bool:
    words = {word.casefold() for word in address.path.split("/") if word}
    if words & SEARCH_PATH_WORDS:
        return True
    return any(key.casefold() in SEARCH_QUERY_KEYS for key, _ in parse_qsl(address.query))
