"""The hostile phase (issue 11): pages built to be slow are pasted while other users post
ordinary links, which must still be answered within the miss target.

One user pastes, one per message, the 58-second title page (about 100 KB whose `<title>` holds
thousands of " | " separators) and every size attack of `testkit.fuzz_documents` at its top
size (a 1 MB title, 2,000 tag labels, 100,000 attributes, a million `<p>`, ...); meanwhile the
other users post ordinary corpus links, two per message, over the phase's spread. Only the
ordinary messages are timed.

With `--stall` the bot is given a test-only hook (`stall.digest_or_stall`, installed by
bot_main.py when SKIM_LOAD_STALL is set) under which a page carrying `STALL_MARKER` sleeps in
its worker far past the pool's deadline: the phase then shows that the deadline stops only
that worker, that a spare worker answers the links queued behind it, and that a re-paste of
the page after its timeout is answered from memory (no fetch, no worker).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING

from benchmarks.load.events import Sent
from benchmarks.load.pages import Link, corpus_bodies, is_article
from benchmarks.load.stall import STALL_MARKER, STALL_S, STALL_SETTING
from bot.pool import DIGEST_TIMEOUT_S
from testkit.fuzz_documents import SIZE_ATTACKS, FuzzDocument, size_attack_document

if TYPE_CHECKING:  # scenario.py puts this phase in the run: imported there, not here
    from benchmarks.load.scenario import Phase, Stage, Users

SEED = 11  # benchmarks/fuzz.py's seed: the same documents
TITLE_PAGE_SEPARATORS = 8_500  # about 100 KB: the page that took 58 s before issue 11
ORDINARY_MESSAGES = 60
REPASTE_AFTER_S = DIGEST_TIMEOUT_S + 3.0  # the stalled page's verdict is in by then


def stalling(stage: Stage) -> bool:
    return STALL_SETTING in stage.scenario.bot_overrides


def hostile_pages(*, stalled: bool) -> int:
    """How many hostile pages the phase pastes."""
    return 1 + len(SIZE_ATTACKS) + stalled


def hostile_documents() -> list[FuzzDocument]:
    """The 58-second title page, then every size attack at its top size."""
    documents = [size_attack_document(SEED, "title_separators", TITLE_PAGE_SEPARATORS)]
    return documents + [
        size_attack_document(SEED, name, attack.top) for name, attack in SIZE_ATTACKS.items()
    ]


def judge_hostile(urls: list[str]) -> list[bool]:
    """Whether the engine finds an article in each hostile page (run in a child process)."""
    verdicts = []
    for document, url in zip(hostile_documents(), urls, strict=True):
        assert isinstance(document.html, bytes)
        verdicts.append(is_article(document.html, url))
    return verdicts


async def serve_hostile(stage: Stage) -> list[Link]:
    """The hostile pages on the origin, each judged by the engine first: in a child process,
    so that the loopback Discord in this one keeps answering the bot meanwhile."""
    urls = []
    for document in hostile_documents():
        assert isinstance(document.html, bytes)
        urls.append(stage.origin.add_page(f"/x/{document.label}.html", document.html))
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as judge:
        verdicts = await asyncio.get_running_loop().run_in_executor(judge, judge_hostile, urls)
    links = [Link(url, verdict) for url, verdict in zip(urls, verdicts, strict=True)]
    if stalling(stage):
        stalled = b"<html><head>" + STALL_MARKER.encode() + b"</head><body></body></html>"
        links.insert(0, Link(stage.origin.add_page("/x/stall.html", stalled), False))
    return links


def serve_ordinary(stage: Stage) -> list[tuple[Link, ...]]:
    """Corpus pages the bot has not seen (a path of their own), two per message."""
    bodies = corpus_bodies()
    verdicts = {link.url.rsplit("/", 1)[-1]: link.is_article for link in stage.pages.message_links}
    links = []
    for name, html in bodies[: ORDINARY_MESSAGES * 2]:
        url = stage.origin.add_page(f"/h/{name}.html", html)
        links.append(Link(url, verdicts[f"{name}.html"]))
    return [tuple(links[n : n + 2]) for n in range(0, len(links), 2)]


async def paste_hostile(stage: Stage, phase: Phase) -> list[Sent]:
    """Hostile pages from one user, ordinary links from the others, over the same spread."""
    hostile = await serve_hostile(stage)
    ordinary = serve_ordinary(stage)
    attacker, others = stage.users[0], stage.users[1:]
    start = time.perf_counter()

    async def post(label: str, plan: list[tuple[Link, ...]], posters: Users) -> list[Sent]:
        sent: list[Sent] = []
        for number, links in enumerate(plan):
            due = start + stage.spread_s * number / len(plan)
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            guild, user = posters[number % len(posters)]
            content = "look: " + " and ".join(link.url for link in links)
            at = time.perf_counter()
            message_id = await stage.fake.inject_message(guild.id, guild.general, user, content)
            sent.append(Sent(label, at, links, message_id=message_id))
        return sent

    pastes, answers = await asyncio.gather(
        post(f"{phase.name} pages", [(link,) for link in hostile], [attacker]),
        post(phase.name, ordinary, others),
    )
    sent = pastes + answers
    if stalling(stage):
        sent += await repaste_stalled(stage, phase, hostile[0], start)
    return sent


async def repaste_stalled(stage: Stage, phase: Phase, stalled: Link, start: float) -> list[Sent]:
    """Paste the stalled page again once its timeout is in; note how often it was fetched."""
    await asyncio.sleep(max(0.0, start + REPASTE_AFTER_S - time.perf_counter()))
    guild, user = stage.users[-1]
    at = time.perf_counter()
    message_id = await stage.fake.inject_message(guild.id, guild.general, user, stalled.url)
    await asyncio.sleep(1.0)  # the re-paste has had time to be fetched, if it were
    path = "/" + stalled.url.split("/", 3)[-1]
    stage.notes.append(
        f"stalled page (test-only hook, sleeps {STALL_S:.0f} s in its worker): pasted twice, "
        f"fetched {stage.origin.hits[path]} time(s); the re-paste came "
        f"{REPASTE_AFTER_S:.0f} s after the first, past the {DIGEST_TIMEOUT_S:.0f} s deadline"
    )
    return [Sent(f"{phase.name} pages", at, (stalled,), message_id=message_id)]
