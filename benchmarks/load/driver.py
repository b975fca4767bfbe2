"""Runs a scenario: the fake and the origin here, the bot in its own process, phases in order."""

from __future__ import annotations

import asyncio
import os
import random
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.load.answers import Observed, reply_reference
from benchmarks.load.bot_process import READY_TIMEOUT_S, BotProcess, bot_environment
from benchmarks.load.pages import serve_pages, serve_warm_up
from benchmarks.load.scenario import Phase, Scenario, Stage, guilds_of, message_plan, users_of
from testkit.discord_fake import DiscordFake
from testkit.web_origin import WebOrigin

PHASE_TIMEOUT_S = 60.0
SETTLE_S = 0.5  # nothing recorded for this long after the last expected answer: phase over


async def run(
    scenario: Scenario, spread_s: float, workdir: Path, log_path: Path
) -> tuple[Stage, Observed]:
    """Serve the pages, start the bot, warm it up and run every phase: what was set up, and
    what was observed."""
    rng = random.Random(scenario.seed)
    load_before = os.getloadavg()[0]
    guilds = guilds_of(scenario)
    started = time.perf_counter()
    async with DiscordFake([g.guild for g in guilds]) as fake, WebOrigin() as origin:
        pages = serve_pages(
            origin,
            rng,
            scenario.messages * scenario.links_per_message,
            scenario.interactions,
        )
        plan = message_plan(pages.message_links, scenario.links_per_message, rng)
        stage = Stage(scenario, fake, origin, users_of(guilds), pages, plan, spread_s)
        environment = bot_environment(fake, origin, workdir / "skim.db", scenario.bot_overrides)
        bot = BotProcess(environment, log_path, workdir)
        try:
            observed = await drive(stage, bot)
        finally:
            bot.kill()
    observed.load_before = load_before
    observed.run_time_s = time.perf_counter() - started
    return stage, observed


async def drive(stage: Stage, bot: BotProcess) -> Observed:
    """Warm up, then each phase, then stop the bot; the bot reports on every window."""
    observed = Observed()
    await bot.start()
    await warm_up(stage)
    observed.reports["start"] = await bot.cue("mark", "start")
    phases = stage.scenario.phases
    with stage.fake.subscribe(observed.answers.record):
        for phase in phases:
            await run_phase(stage, phase, observed)
            last = phase is phases[-1]
            observed.reports[phase.name] = await bot.cue("stop" if last else "mark", phase.name)
    exit_code = await bot.wait()
    if exit_code != 0:
        observed.problems.append(f"the bot exited with {exit_code}")
    return observed


async def warm_up(stage: Stage) -> None:
    """Two links at once start both digest workers before anything is timed."""
    guild, user = stage.users[0]
    content = " ".join(serve_warm_up(stage.origin))
    warm_id = await stage.fake.inject_message(guild.id, guild.general, user, content)
    await stage.fake.wait_for(lambda request: reply_reference(request) == warm_id, READY_TIMEOUT_S)
    await stage.fake.wait_quiet(SETTLE_S)


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
