"""What the benchmark sends and when: the users, the run's sizes, and the phases in order.

A phase is data (`Phase`: its name, how the table shows it, its target) and one small function
that injects its events (`Injector`); the driver runs every phase the same way and the judge
checks every answer the same way. To add a phase, write `async def inject(stage, phase)` that
injects its events (serving any pages of its own on `stage.origin`) and returns one `Sent` per
event, and put a `Phase` for it in a scenario's `phases`. A run configuration (`Scenario`) is the
sizes, the settings the bot is given and the phases.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any

from benchmarks.load.events import Sent
from benchmarks.load.hostile import ORDINARY_MESSAGES, hostile_pages, paste_hostile
from benchmarks.load.pages import Link, Pages
from benchmarks.load.stall import STALL_SETTING
from benchmarks.load.targets import HIT_P95_S, MISS_P95_S
from sandbox.discord_server import DiscordFake, StandardGuild, standard_guild
from testkit.web_origin import WebOrigin

Users = list[tuple[StandardGuild, int]]


@dataclass(frozen=True)
class Stage:
    """What every phase can use: the loopback Discord, the origin, the users, the pages served."""

    scenario: Scenario
    fake: DiscordFake
    origin: WebOrigin
    users: Users
    pages: Pages
    plan: list[tuple[Link, ...]]  # the messages' links, as posted
    spread_s: float  # seconds over which a phase's messages are posted
    notes: list[str] = field(default_factory=list)  # what phases found, printed above the table

    def facts(self) -> dict[str, Any]:
        """The run's sizes, for the phases' one-line summaries."""
        return {
            "messages": len(self.plan),
            "links_per_message": self.scenario.links_per_message,
            "urls": len(self.pages.message_links),
            "articles": sum(link.is_article for link in self.pages.message_links),
            "spread_s": self.spread_s,
            "commands": len(self.pages.command_links),
            "hostile": hostile_pages(stalled=STALL_SETTING in self.scenario.bot_overrides),
            "ordinary": ORDINARY_MESSAGES,
        }


Injector = Callable[[Stage, "Phase"], Awaitable[list[Sent]]]


@dataclass(frozen=True)
class Phase:
    """One measured phase: the bot's measuring window `name`, its events, how the table shows it."""

    name: str
    inject: Injector
    latency_measure: str  # the table's latency row
    latency_p95_s: float | None  # its target, if it has one
    lag_name: str  # its share of the event-loop lag row
    summary: str  # its part of the table's first note, formatted with `Stage.facts()`
    cached: bool = False  # it repeats earlier links (see `Sent.cached`)
    # Message n is posted by user n + user_offset: with an offset of two servers' users, each
    # message of a second round lands on another shard (and process) than the first time.
    user_offset: int = 0


@dataclass(frozen=True)
class Scenario:
    """A run configuration: servers, how many links, the bot's raised settings, the phases."""

    guilds: int  # x 4 members each
    messages: int
    links_per_message: int
    interactions: int
    seed: int
    bot_overrides: dict[str, str]
    phases: tuple[Phase, ...]
    # Scale-out: the shards of each bot process (empty: one process, unsharded) and whether the
    # processes share Redis and PostgreSQL (else each has its SQLite file and its own memory).
    process_shards: tuple[tuple[int, ...], ...] = ()
    shared_state: bool = False

    @property
    def shard_count(self) -> int:
        """Shards in all (1 when unsharded)."""
        return sum(len(shards) for shards in self.process_shards) or 1


def users_of(guilds: list[StandardGuild]) -> Users:
    """(guild, user id) for every member who posts: four per guild."""
    return [
        (guild, user)
        for guild in guilds
        for user in (guild.poster, guild.stranger, guild.moderator, guild.admin)
    ]


def guilds_of(scenario: Scenario) -> list[StandardGuild]:
    """The scenario's servers, on ids apart from one another: server n is on shard n + 1 (mod
    the shard count), as a snowflake's top bits put it."""
    return [standard_guild((n + 1) << 22, f"Load {n}") for n in range(scenario.guilds)]


def message_plan(links: list[Link], per_message: int, rng: random.Random) -> list[tuple[Link, ...]]:
    """Group the links into messages: non-articles together, so hits stay all-cached messages."""
    shuffled = list(links)
    rng.shuffle(shuffled)
    shuffled.sort(key=lambda link: link.is_article)  # stable: non-articles first, still shuffled
    messages = [
        tuple(shuffled[start : start + per_message])
        for start in range(0, len(shuffled), per_message)
    ]
    rng.shuffle(messages)
    return messages


async def post_messages(stage: Stage, phase: Phase) -> list[Sent]:
    """Post the planned messages evenly over the spread, users taking turns."""
    sent: list[Sent] = []
    plan, users = stage.plan, stage.users
    start = time.perf_counter()
    for number, links in enumerate(plan):
        due = start + stage.spread_s * number / len(plan)
        await asyncio.sleep(max(0.0, due - time.perf_counter()))
        guild, user = users[(number + phase.user_offset) % len(users)]
        content = "worth a read: " + " and ".join(link.url for link in links)
        at = time.perf_counter()
        message_id = await stage.fake.inject_message(guild.id, guild.general, user, content)
        sent.append(Sent(phase.name, at, links, message_id=message_id, cached=phase.cached))
    return sent


async def burst_of_commands(stage: Stage, phase: Phase) -> list[Sent]:
    """Inject one `/summarize url:` per command link, all at once, users taking turns."""
    users = stage.users

    async def one(number: int, link: Link) -> Sent:
        guild, user = users[number % len(users)]
        at = time.perf_counter()
        injected = await stage.fake.inject_slash(
            guild.id, guild.general, user, "summarize", {"url": link.url}
        )
        return Sent(phase.name, at, (link,), interaction_id=injected.id, token=injected.token)

    links = stage.pages.command_links
    return list(await asyncio.gather(*(one(n, link) for n, link in enumerate(links))))


PHASES = (
    Phase(
        "miss",
        post_messages,
        "miss latency p50/p95/p99",
        MISS_P95_S,
        "misses",
        "{messages} messages x {links_per_message} links ({urls} distinct URLs, {articles} "
        "articles) over {spread_s:.0f} s",
    ),
    Phase(
        "hit",
        post_messages,
        "hit latency p50/p95/p99",
        HIT_P95_S,
        "hits",
        "again (cache hits)",
        cached=True,
    ),
    Phase(
        "command",
        burst_of_commands,
        "/summarize answer p50/p95/p99 (unseen links)",
        None,
        "burst",
        "{commands} /summarize at once (unseen links)",
    ),
)

# The hostile phase (hostile.py): pages built to be slow pasted amid ordinary links.
HOSTILE_PHASE = Phase(
    "hostile",
    paste_hostile,
    "ordinary links while hostile pages are pasted p50/p95/p99",
    MISS_P95_S,
    "hostile",
    "{hostile} hostile pages (issue 11) pasted while others post {ordinary} messages of "
    "unseen links over {spread_s:.0f} s",
)

# 20 users post 100 messages x 2 links (under the bot's default cap of 3 per message), then the
# same again, then 50 /summarize at once.
STANDARD = Scenario(
    guilds=5,
    messages=100,
    links_per_message=2,
    interactions=50,
    seed=5,
    # The bot's limits are for chat, not for a burst from 20 users: raised through its documented
    # settings (not by changing the bot), and printed with the results.
    bot_overrides={
        "SKIM_USER_LINKS_PER_MINUTE": "1000",  # default 5: each user sends ~22 links in ~30 s
        "SKIM_GUILD_CONCURRENCY": "64",  # default 2: excess is refused, and the burst is 10/guild
    },
    phases=PHASES,
)


# The scale-out run (python -m benchmarks.load.scale): the standard burst, with the second round
# of messages posted two servers further on, so that with two processes every hit is asked of
# the process that did not digest the page (a shared cache answers it; a private one refetches).
SCALE_PHASES = (PHASES[0], replace(PHASES[1], user_offset=8), PHASES[2])
ONE_PROCESS = replace(STANDARD, phases=SCALE_PHASES)
TWO_PROCESSES = replace(
    STANDARD, phases=SCALE_PHASES, process_shards=((0, 1), (2, 3)), shared_state=True
)

# The standard run, then the hostile phase: `python -m benchmarks.load --hostile`.
HOSTILE = replace(STANDARD, phases=(*PHASES, HOSTILE_PHASE))

# The same, with a test-only hook that makes one hostile page stall in its worker past the
# pool's deadline (benchmarks/load/stall.py): `python -m benchmarks.load --stall`.
STALLING = replace(HOSTILE, bot_overrides=HOSTILE.bot_overrides | {STALL_SETTING: "1"})
