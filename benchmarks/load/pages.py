"""The pages the benchmark links to: corpus pages served on the local origin, each judged once."""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from summarizer import NotAnArticle, digest_html
from testkit.corpus import aeb_pages, moz_pages
from testkit.web_origin import WebOrigin

ROOT = Path(__file__).resolve().parents[2]
WARM_UP_PAGE = ROOT / "tests" / "fixtures" / "seed_h2.html"


@dataclass(frozen=True)
class Link:
    """A page on the origin, and whether Skim should find an article there."""

    url: str
    is_article: bool


@dataclass(frozen=True)
class Pages:
    """The links served for the phases: those posted in messages, those asked for by command."""

    message_links: list[Link]
    command_links: list[Link]


def corpus_bodies() -> list[tuple[str, bytes]]:
    """(name, html) for every corpus page, aeb then moz."""
    pages = [(page.page_id, page.html) for page in aeb_pages()]
    return pages + [(page.name, page.html) for page in moz_pages()]


def is_article(html: bytes, url: str) -> bool:
    """What the bot will make of the page: the engine's own verdict, computed up front."""
    try:
        digest_html(html, url)
    except NotAnArticle:
        return False
    return True


def serve_pages(
    origin: WebOrigin, rng: random.Random, message_links: int, command_links: int
) -> Pages:
    """Serve `message_links` links for messages and `command_links` others; judge each page once.

    Message links go round the corpus (a second round under another path: another cache key);
    command links are a random sample of the corpus under a third path, unseen by the messages.
    """
    bodies = corpus_bodies()
    verdicts = [is_article(html, origin.url(f"/a/{name}.html")) for name, html in bodies]
    in_messages: list[Link] = []
    for index in range(message_links):
        name, html = bodies[index % len(bodies)]
        prefix = "/a" if index < len(bodies) else "/b"  # a second path: a second cache key
        url = origin.add_page(f"{prefix}/{name}.html", html)
        in_messages.append(Link(url, verdicts[index % len(bodies)]))
    in_commands = []
    for index in rng.sample(range(len(bodies)), command_links):
        name, html = bodies[index]
        in_commands.append(Link(origin.add_page(f"/i/{name}.html", html), verdicts[index]))
    return Pages(in_messages, in_commands)


def serve_warm_up(origin: WebOrigin, prefix: str = "") -> list[str]:
    """Two copies of a small article, to start both digest workers before anything is timed."""
    body = WARM_UP_PAGE.read_bytes()
    return [origin.add_page(f"/warm/{prefix}{n}.html", body) for n in (1, 2)]
