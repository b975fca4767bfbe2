"""Runs a scenario: the fake and the origin here, the bot in its own process, phases in order."""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.load.answers import Observed, reply_reference
from benchmarks.load.bot_process import READY_TIMEOUT_S, BotProcess, bot_environment
from benchmarks.load.pages import serve_pages, serve_warm_up
from benchmarks.load.scenario import Phase, Scenario, Stage, guilds_of, message_plan, users_of
from sandbox.discord_server import DiscordFake, RecordedRequest
from testkit.servers import running_postgres, running_redis
from testkit.web_origin import WebOrigin

PHASE_TIMEOUT_S = 60.0
SETTLE_S = 0.5  # nothing recorded for this long after the last expected answer: phase over


async def run(
    scenario: Scenario, spread_s: float, workdir: Path, log_path: Path
) -> tuple[Stage, Observed]:
    """Serve the pages, start the bot (or its processes, with their Redis and PostgreSQL), warm
    it up and run every phase: what was set up, and what was observed."""
    rng = random.Random(scenario.seed)
    load_before = os.getloadavg()[0]
    guilds = guilds_of(scenario)
    started = time.perf_counter()
    async with contextlib.AsyncExitStack() as resources:
        fake = await resources.enter_async_context(
            DiscordFake(
                [g.guild for g in guilds],
                recommended_shards=scenario.shard_count,
                identify_concurrency=16,  # shards IDENTIFY together, as a large bot's may
            )
        )
        origin = await resources.enter_async_context(WebOrigin())
        shared: dict[str, str] = {}
        if scenario.shared_state:
            redis = resources.enter_context(running_redis())
            postgres = resources.enter_context(running_postgres())
            shared = {"SKIM_REDIS_URL": redis.url, "SKIM_DATABASE_URL": postgres.url()}
        pages = serve_pages(
            origin,
            rng,
            scenario.messages * scenario.links_per_message,
            scenario.interactions,
        )
        plan = message_plan(pages.message_links, scenario.links_per_message, rng)
        stage = Stage(scenario, fake, origin, users_of(guilds), pages, plan, spread_s)
        environment = bot_environment(fake, origin, workdir / "skim.db", scenario.bot_overrides)
        bots = [
            BotProcess(
                environment | shared | shard_settings(scenario, shards),
                process_log(log_path, number),
                workdir,
            )
            for number, shards in enumerate(scenario.process_shards or ((),))
        ]
        try:
            observed = await drive(stage, bots)
        finally:
            for bot in bots:
                bot.kill()
    observed.load_before = load_before
    observed.run_time_s = time.perf_counter() - started
    return stage, observed


def shard_settings(scenario: Scenario, shards: tuple[int, ...]) -> dict[str, str]:
    """SKIM_SHARD_COUNT and SKIM_SHARD_IDS for a process of a sharded run (none unsharded)."""
    if not shards:
        return {}
    return {
        "SKIM_SHARD_COUNT": str(scenario.shard_count),
        "SKIM_SHARD_IDS": ",".join(map(str, shards)),
    }


def process_log(log_path: Path, number: int) -> Path:
    """The log of bot process `number`: load_bot.log, then load_bot-1.log, …"""
    return log_path if number == 0 else log_path.with_stem(f"{log_path.stem}-{number}")


async def drive(stage: Stage, bots: list[BotProcess]) -> Observed:
    """Warm up, then each phase, then stop the bots; each reports on every window."""
    observed = Observed()
    await asyncio.gather(*(bot.start() for bot in bots))
    await warm_up(stage, len(bots))
    await cue_all(bots, "mark", "start", observed)
    phases = stage.scenario.phases
    with stage.fake.subscribe(observed.answers.record):
        for phase in phases:
            await run_phase(stage, phase, observed)
            last = phase is phases[-1]
            await cue_all(bots, "stop" if last else "mark", phase.name, observed)
    for exit_code in await asyncio.gather(*(bot.wait() for bot in bots)):
        if exit_code != 0:
            observed.problems.append(f"a bot process exited with {exit_code}")
    return observed


async def cue_all(bots: list[BotProcess], command: str, window: str, observed: Observed) -> None:
    """End a window in every bot process; keep each one's report, and their merge."""
    reports = await asyncio.gather(*(bot.cue(command, window) for bot in bots))
    observed.process_reports.append({"window": window, "processes": list(reports)})
    observed.reports[window] = merged(reports)


def merged(reports: list[dict[str, Any]]) -> dict[str, Any]:
    """One window's reports as one: the worst loop lag and RSS of any process, every worker."""
    worst = max(reports, key=lambda report: report["loop_lag_max_s"])
    combined = dict(worst)
    combined["peak_rss_mb"] = max(report["peak_rss_mb"] for report in reports)
    if "children_peak_rss_mb" in worst:
        combined["children_peak_rss_mb"] = [
            mb for report in reports for mb in report["children_peak_rss_mb"]
        ]
    return combined


async def warm_up(stage: Stage, processes: int) -> None:
    """Two links at once in a server of each process start its digest workers before anything
    is timed (server n is on shard n + 1; process p runs shards 2p and 2p + 1)."""
    guilds = {guild.id: guild for guild, _ in stage.users}
    count = stage.scenario.shard_count
    waiting = []
    for process in range(processes):
        shards = stage.scenario.process_shards[process] if stage.scenario.process_shards else ()
        guild = next(
            g for g in guilds.values() if not shards or DiscordFake.shard_of(g.id, count) in shards
        )
        content = " ".join(serve_warm_up(stage.origin, f"{process}-"))
        user = guild.poster
        waiting.append(await stage.fake.inject_message(guild.id, guild.general, user, content))
    for warm_id in waiting:
        await stage.fake.wait_for(replying_to(warm_id), READY_TIMEOUT_S)
    await stage.fake.wait_quiet(SETTLE_S)


def replying_to(message_id: int) -> Callable[[RecordedRequest], bool]:
    """Matches the bot's reply to a message."""
    return lambda request: reply_reference(request) == message_id


async def run_phase(stage: Stage, phase: Phase, observed: Observed) -> None:
    """Inject one phase's events and wait until each is answered (or the phase times out)."""
    fetched_before = stage.origin.hits.total()
    sent = await phase.inject(stage, phase)
    answers = observed.answers
    finished = await wait_until(lambda: all(map(answers.came_for, sent)), stage.fake)
    if not finished:
        observed.problems.append(
            f"{phase.name} phase: not every answer came within {PHASE_TIMEOUT_S:.0f}s"
        )
    observed.fetches[phase.name] = stage.origin.hits.total() - fetched_before
    observed.sent += sent


async def wait_until(done: Callable[[], bool], fake: DiscordFake) -> bool:
    """Wait for `done()` (polled), then for the bot to settle; False if it never came."""
    deadline = time.perf_counter() + PHASE_TIMEOUT_S
    while not done():
        if time.perf_counter() > deadline:
            return False
        await asyncio.sleep(0.05)
    await fake.wait_quiet(SETTLE_S)
    return True
