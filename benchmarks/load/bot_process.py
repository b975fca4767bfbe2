"""The real bot in its own process (bot_main.py): its settings, starting it, cueing it, its log."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sandbox.discord_server import DiscordFake
from testkit.web_origin import WebOrigin

ROOT = Path(__file__).resolve().parents[2]
BOT_MODULE = "benchmarks.load.bot_main"


def launcher(module: str, function: str = "main") -> list[str]:
    """The arguments that run `module.function()` in a new interpreter, as `python -c` code.

    Not `python -m module`: multiprocessing imports a `-m` main module again in every process
    it starts (unless it is a package's `__main__`, as with `python -m bot`), so each digest
    worker of the benchmark's bot would load the harness, discord.py and the bot's modules:
    about 40 MB per worker that the bot, run as `python -m bot`, never costs.
    """
    return ["-c", f"import sys; from {module} import {function}; sys.exit({function}())"]


READY_TIMEOUT_S = 60.0
CUE_TIMEOUT_S = 30.0
EXIT_TIMEOUT_S = 30.0


class BotProcess:
    """The bot (`-m benchmarks.load.bot_main`) as a child process: start it, cue it, read it."""

    def __init__(self, environment: dict[str, str], log_path: Path, workdir: Path) -> None:
        self.environment = environment
        self.log_path = log_path
        self.workdir = workdir
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> dict[str, Any]:
        """Start the bot and wait for its ready line."""
        with self.log_path.open("wb") as log_file:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                *launcher(BOT_MODULE),
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=log_file,
                env=self.environment,
                cwd=self.workdir,  # no stray .env: every setting comes from `environment`
            )
        return await self.read("ready", READY_TIMEOUT_S)

    async def read(self, event: str, within: float) -> dict[str, Any]:
        """The next report line, which must be `event`."""
        assert self.process is not None and self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), within)
        if not line:
            raise RuntimeError(f"the bot exited before '{event}'; see {self.log_path}")
        report: dict[str, Any] = json.loads(line)
        if report.get("event") != event:
            raise RuntimeError(f"expected '{event}' from the bot, got {report}")
        return report

    async def cue(self, command: str, window: str) -> dict[str, Any]:
        """`mark` or `stop` the measuring window `window`; returns the bot's report on it."""
        assert self.process is not None and self.process.stdin is not None
        self.process.stdin.write(f"{command} {window}\n".encode())
        await self.process.stdin.drain()
        return await self.read(command, CUE_TIMEOUT_S)

    async def wait(self) -> int:
        """Wait for the bot to exit (killing it after a while)."""
        assert self.process is not None
        try:
            return await asyncio.wait_for(self.process.wait(), EXIT_TIMEOUT_S)
        except TimeoutError:
            self.process.kill()
            return await self.process.wait()

    def kill(self) -> None:
        """Stop a bot that is still running (after a failure)."""
        if self.process is not None and self.process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.process.kill()


def bot_environment(
    fake: DiscordFake, origin: WebOrigin, db_path: Path, overrides: dict[str, str]
) -> dict[str, str]:
    """The bot's settings: the e2e harness contract, plus the run's raised limits."""
    # Diagnosis switches (SKIM_LOAD_PROFILE, SKIM_LOAD_SLOW_CALLBACK_S, SKIM_LOAD_NICE_WORKERS):
    # see bot_main.py.
    keep = ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR"]
    keep += diagnosis_switches()
    keep.append("SKIM_WORKERS")  # the bot's default unless the run asks for another
    environment = {name: os.environ[name] for name in keep if name in os.environ}
    return environment | {
        "PYTHONPATH": str(ROOT),
        "DISCORD_TOKEN": "loopback-token",
        "DISCORD_API_BASE": fake.api_base,
        "DISCORD_GATEWAY_URL": fake.gateway_url,
        "SKIM_DB_PATH": str(db_path),
        "SKIM_FETCH_ALLOW_NETWORKS": "127.0.0.0/8",
        "SKIM_FETCH_ALLOW_PORTS": f"80,443,{origin.port}",
        "LOG_LEVEL": "WARNING",
        **overrides,
    }


def diagnosis_switches() -> list[str]:
    """The SKIM_LOAD_* variables set in this environment (bot_main.py reads them)."""
    return [name for name in os.environ if name.startswith("SKIM_LOAD_")]


@dataclass(frozen=True)
class BotLog:
    """What the bot logged on stderr: its ERROR/CRITICAL lines, and how many warnings."""

    path: Path
    errors: list[str]
    warnings: int


def read_bot_log(path: Path) -> BotLog:
    """The bot's log after the run (empty if it never started)."""
    lines = path.read_text("utf-8", errors="replace").splitlines() if path.exists() else []
    errors = [line for line in lines if " ERROR " in line or " CRITICAL " in line]
    return BotLog(path, errors, sum(" WARNING " in line for line in lines))
