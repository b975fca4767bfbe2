"""The pages the sandbox serves to Skim from its own origin: the bundled examples and the HTML
files dropped on the page. Nothing leaves the machine unless the sandbox runs with --online."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

PAGES_PREFIX = "/pages/"
# The same cap as the fetcher's default body limit: a larger file would be refused anyway.
MAX_PAGE_BYTES = 5 * 1024 * 1024
MAX_PAGES = 200
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_TITLE = re.compile(rb"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)


class PageError(Exception):
    """A dropped file the sandbox will not serve; the message says why in one line."""


@dataclass(frozen=True, slots=True)
class Page:
    """One page: its path under /pages/, its bytes, and a title to list it by."""

    name: str
    body: bytes
    title: str
    bundled: bool


def page_title(body: bytes, fallback: str) -> str:
    """The page's <title>, for the list of examples (the file name when it has none)."""
    found = _TITLE.search(body[:65536])
    if found is None:
        return fallback
    text = " ".join(html.unescape(found.group(1).decode("utf-8", "replace")).split())
    return text or fallback


def safe_name(filename: str) -> str:
    """A file name fit for a URL path: letters, digits, dot, dash and underscore, ending .html."""
    stem = _UNSAFE_NAME.sub("-", Path(filename).name).strip("-.") or "page"
    return stem if stem.lower().endswith((".html", ".htm")) else f"{stem}.html"


class PageStore:
    """Pages by name; the bundled examples first, then whatever was dropped (in memory only)."""

    def __init__(self) -> None:
        self._pages: dict[str, Page] = {}

    @classmethod
    def with_examples(cls, folder: Path) -> PageStore:
        """A store holding every `*.html` in `folder` (none when the folder is missing)."""
        store = cls()
        for path in sorted(folder.glob("*.html")) if folder.is_dir() else []:
            body = path.read_bytes()
            store._pages[path.name] = Page(path.name, body, page_title(body, path.name), True)
        return store

    def add(self, filename: str, body: bytes) -> Page:
        """Keep a dropped page under a fresh name; raise PageError if it cannot be one."""
        if not body.strip():
            raise PageError(f"{filename} is empty")
        if len(body) > MAX_PAGE_BYTES:
            raise PageError(f"{filename} is larger than {MAX_PAGE_BYTES // (1024 * 1024)} MiB")
        if len(self._pages) >= MAX_PAGES:
            raise PageError(f"the sandbox already holds {MAX_PAGES} pages; restart it")
        name = safe_name(filename)
        stem, dot, suffix = name.rpartition(".")
        number = 2
        while name in self._pages and self._pages[name].body != body:
            name = f"{stem}-{number}{dot}{suffix}"
            number += 1
        page = Page(name, body, page_title(body, name), False)
        self._pages[name] = page
        return page

    def get(self, name: str) -> Page | None:
        """The page with this name, if any."""
        return self._pages.get(name)

    def pages(self) -> list[Page]:
        """Every page, bundled ones first."""
        return sorted(self._pages.values(), key=lambda page: not page.bundled)
