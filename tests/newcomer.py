"""A newcomer's first hour, replayed: clone the repository into a temporary folder and run every
command README.md shows, as written, in README order, failing on any traceback.

`make newcomer` runs all of it; `tests/test_newcomer.py` runs it in CI without the clone's own
`make test` (CI runs that itself). Commands that need Discord run against the loopback Discord;
those that need the internet, Docker or root are listed as skipped, with why. A README command
this script does not know fails the run, so the README cannot grow a command nobody ran.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable, Coroutine
from concurrent.futures import Future
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sandbox.discord_server import DiscordFake, standard_guild  # noqa: E402
from testkit.browser import missing_browser  # noqa: E402

T = TypeVar("T")
TRACEBACK = "Traceback (most recent call last)"
APPLICATION_ID = 123456789012345678
# A token shaped like Discord's (the application id in base64, then two parts): what the newcomer
# pastes into .env. The loopback Discord accepts any token; `invite` reads the id from it.
TOKEN = base64.b64encode(str(APPLICATION_ID).encode()).decode().rstrip("=") + ".sandbox.token"
GUILD = standard_guild(700_000, "Newcomer's server")
EXAMPLE = "examples/tfiglobal-lavrov-nato.html"


@dataclass
class Outcome:
    """What one README command did."""

    command: str
    result: str  # "ok", "skipped", "FAILED"
    seconds: float = 0.0
    note: str = ""


@dataclass
class Newcomer:
    """The clone, the loopback Discord the Discord commands use, and what happened so far."""

    clone: Path
    discord: LoopbackDiscord
    full: bool
    outcomes: list[Outcome] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        """A newcomer's shell: no Skim or Discord settings, no venv, no CI flag; plus `extra`."""
        kept = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("SKIM_", "DISCORD_", "PYTEST", "VIRTUAL_ENV", "PYTHON"))
            and key not in ("CI", "MAKEFLAGS", "MAKELEVEL", "MFLAGS")
        }
        return kept | extra

    def discord_env(self) -> dict[str, str]:
        """Where the commands that talk to Discord find it: the loopback one."""
        return self.env(
            DISCORD_API_BASE=self.discord.fake.api_base,
            DISCORD_GATEWAY_URL=self.discord.fake.gateway_url,
        )


# -- the loopback Discord, on its own event loop ------------------------------------------------


class LoopbackDiscord:
    """The loopback Discord in a background thread, for commands run as other processes."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.fake = DiscordFake([GUILD.guild])

    def run(self, work: Coroutine[Any, Any, T], timeout: float = 60) -> T:
        """Run a coroutine on the fake's loop and wait for its result."""
        future: Future[T] = asyncio.run_coroutine_threadsafe(work, self.loop)
        return future.result(timeout)

    def __enter__(self) -> LoopbackDiscord:
        self.thread.start()
        self.run(self.fake.start())
        return self

    def __exit__(self, *exc: object) -> None:
        self.run(self.fake.close())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


# -- running commands ------------------------------------------------------------------------


def run(
    newcomer: Newcomer,
    command: str,
    *,
    env: dict[str, str] | None = None,
    codes: tuple[int, ...] = (0,),
    timeout: float = 900,
    check: Callable[[str], str | None] | None = None,
) -> Outcome:
    """Run `command` in the clone with bash, as typed; it must exit with one of `codes`, print
    no traceback, and pass `check` (which returns a problem, or None)."""
    started = time.monotonic()
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=newcomer.clone,
        env=env or newcomer.env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    seconds = time.monotonic() - started
    output = result.stdout + result.stderr
    problem = None
    if TRACEBACK in output:
        problem = "printed a traceback:\n" + output[output.index(TRACEBACK) :][:3000]
    elif result.returncode not in codes:
        problem = f"exit {result.returncode} (expected {codes}):\n{output[-3000:]}"
    elif check is not None:
        problem = check(output)
    if problem:
        return Outcome(command, "FAILED", seconds, problem)
    return Outcome(command, "ok", seconds, _first_line(result.stdout) or _first_line(output))


def serve(
    newcomer: Newcomer,
    command: str,
    ready: Callable[[subprocess.Popen[str], list[str]], str | None],
    *,
    env: dict[str, str] | None = None,
) -> Outcome:
    """Start a long-running command, wait until `ready` says it works (it returns a problem or
    None), then press Ctrl-C (SIGINT to its process group, as a terminal does); no traceback
    allowed."""
    started = time.monotonic()
    process = subprocess.Popen(
        ["bash", "-c", command],
        cwd=newcomer.clone,
        env=env or newcomer.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        stdin=subprocess.DEVNULL,
    )
    lines: list[str] = []
    reader = threading.Thread(target=_read_into, args=(process, lines), daemon=True)
    reader.start()
    try:
        problem = ready(process, lines)
    except Exception as error:
        problem = f"{type(error).__name__}: {error}"
    finally:
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)  # Ctrl-C: the whole foreground group
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)
        reader.join(10)
    seconds = time.monotonic() - started
    output = "".join(lines)
    if TRACEBACK in output:
        problem = "printed a traceback:\n" + output[output.index(TRACEBACK) :][:3000]
    if problem:
        return Outcome(command, "FAILED", seconds, f"{problem}\n{output[-3000:]}")
    return Outcome(command, "ok", seconds, "started, answered, stopped with Ctrl-C")


def _read_into(process: subprocess.Popen[str], lines: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")[:100]


def _wait(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} within {seconds:.0f} s")
        time.sleep(0.2)


def _http_json(url: str, body: dict[str, Any] | None = None) -> Any:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.load(answer)


# -- what each README command needs -------------------------------------------------------------


def sandbox_ready(post_a_link: bool) -> Callable[[subprocess.Popen[str], list[str]], str | None]:
    """The sandbox said where it is, the bot came online, and (offline) a pasted example link
    got Skim's digest in the channel."""

    def ready(process: subprocess.Popen[str], lines: list[str]) -> str | None:
        found: list[str] = []

        def announced() -> bool:
            if process.poll() is not None:
                raise RuntimeError(f"it stopped (exit {process.returncode})")
            found[:] = [m.group(1) for ln in lines if (m := re.search(r"open (http\S+/)", ln))]
            return bool(found)

        _wait(announced, 600, "no 'Skim sandbox: open …' line")  # the first run builds .venv
        url = found[0]
        _wait(lambda: bool(_http_json(url + "api/state")["bot_ready"]), 60, "Skim never online")
        if not post_a_link:
            return None
        state = _http_json(url + "api/state")
        example = next(e["url"] for e in state["examples"] if e["name"] in EXAMPLE)
        you = state["people"][0]["id"]
        channel = state["channels"][0]["id"]
        posted = _http_json(
            url + "api/messages", {"channel_id": channel, "user_id": you, "content": example}
        )

        def answered() -> bool:
            return any(
                (m.get("message_reference") or {}).get("message_id") == posted["id"]
                and m.get("embeds")
                for m in _http_json(url + "api/state")["messages"]
            )

        _wait(answered, 60, "no digest in the sandbox channel")
        return None

    return ready


def bot_ready(newcomer: Newcomer) -> Callable[[subprocess.Popen[str], list[str]], str | None]:
    """`make bot` identified with the loopback Discord (the one in .env's place)."""

    def ready(process: subprocess.Popen[str], lines: list[str]) -> str | None:
        before = newcomer.discord.fake.identify_count
        _wait(
            lambda: newcomer.discord.fake.identify_count > before or process.poll() is not None,
            120,
            "the bot never connected",
        )
        if process.poll() is not None:
            return f"it stopped (exit {process.returncode})"
        return None

    return ready


def contains(*needles: str) -> Callable[[str], str | None]:
    """A check that the output holds every needle."""

    def check(output: str) -> str | None:
        missing = [needle for needle in needles if needle not in output]
        return f"output lacks {missing}:\n{output[-2000:]}" if missing else None

    return check


def paste_token(newcomer: Newcomer) -> None:
    """The step README leaves to the reader: put the token into .env."""
    env_file = newcomer.clone / ".env"
    text = env_file.read_text()
    env_file.write_text(text.replace("DISCORD_TOKEN=\n", f"DISCORD_TOKEN={TOKEN}\n", 1))


def write_pages(newcomer: Newcomer) -> None:
    """pages.jsonl, as README describes it: {"html", "url"} per line (the bundled examples)."""
    lines = [
        json.dumps({"html": page.read_text("utf-8"), "url": f"https://example.org/{page.stem}"})
        for page in sorted((newcomer.clone / "examples").glob("*.html"))
    ]
    (newcomer.clone / "pages.jsonl").write_text("\n".join(lines) + "\n")


def docker_engine() -> bool:
    """Whether a Docker engine answers here."""
    if shutil.which("docker") is None:
        return False
    probe = subprocess.run(["docker", "info"], capture_output=True, timeout=30, check=False)
    return probe.returncode == 0


def step(newcomer: Newcomer, command: str) -> Outcome:
    """Run one README command the way it has to be run here, or say why it is skipped."""
    env = newcomer.env
    if command == "make demo":
        return run(newcomer, command, check=contains("┃ ", "min read"))
    if command == "make test":
        if not newcomer.full:
            return Outcome(command, "skipped", note="CI runs `make test` itself (bounded run)")
        return run(newcomer, command, env=env(), timeout=3000)
    if command.startswith("make sandbox"):
        return serve(newcomer, command, sandbox_ready(post_a_link="--online" not in command))
    if command == "cp .env.example .env":
        outcome = run(newcomer, command)
        paste_token(newcomer)
        outcome.note = "then DISCORD_TOKEN pasted into .env"
        return outcome
    if command == "make invite":
        return run(
            newcomer,
            command,
            check=contains(f"https://discord.com/oauth2/authorize?client_id={APPLICATION_ID}"),
        )
    if command == "make sync":
        return run(newcomer, command, env=newcomer.discord_env(), check=contains("Synced 3"))
    if command == "SKIM_DEV_GUILD_ID=<server id> make sync":
        typed = command.replace("<server id>", str(GUILD.id))
        outcome = run(
            newcomer, typed, env=newcomer.discord_env(), check=contains(f"to server {GUILD.id}")
        )
        outcome.command = command
        return outcome
    if command == "make bot":
        return serve(newcomer, command, bot_ready(newcomer), env=newcomer.discord_env())
    if command.startswith(".venv/bin/python -m bot --help"):
        return run(newcomer, command, check=contains("invite", "--env-file", "--version"))
    if command.startswith("docker "):
        if not docker_engine():
            return Outcome(command, "skipped", note="no Docker engine here (tests/deploy instead)")
        return run(newcomer, command, timeout=1800)
    if "SKIM_SHARD_IDS=" in command:
        return Outcome(
            command,
            "skipped",
            note="processes on two machines with PostgreSQL and Redis (tests/e2e/test_scale.py)",
        )
    if command.startswith("sudo "):
        return Outcome(command, "skipped", note="changes the machine (root, /etc/systemd)")
    if "https://example.org/story" in command and "--url" not in command:
        return Outcome(command, "skipped", note="fetches a page from the internet")
    if command.startswith(".venv/bin/skim --batch"):
        write_pages(newcomer)
        return run(newcomer, command, check=lambda _: _batch_problem(newcomer))
    if command.startswith(".venv/bin/skim"):
        return run(newcomer, command)
    if command == "make bench":
        return run(newcomer, command, codes=(0, 2), check=_bench_problem, timeout=3000)
    if command == "make screenshot":
        problem = missing_browser()
        if problem is not None:
            return Outcome(command, "skipped", note=problem)
        return run(newcomer, command)
    if command == "make newcomer":
        return Outcome(command, "skipped", note="this very script")
    if command == "make fmt":
        return run(newcomer, command)
    return Outcome(command, "FAILED", note="README shows a command this script does not know")


def _batch_problem(newcomer: Newcomer) -> str | None:
    lines = (newcomer.clone / "digests.jsonl").read_text().splitlines()
    digests = [json.loads(line) for line in lines]
    if len(digests) != 2 or any("error" in digest for digest in digests):
        return f"digests.jsonl holds {digests!r:.500}"
    return None


def _bench_problem(output: str) -> str | None:
    if "no corpus at" in output and "SKIM_CORPUS" not in output:
        return "the missing corpus is reported without naming SKIM_CORPUS"
    return None


# -- README ---------------------------------------------------------------------------------------


def readme_commands(readme: str) -> list[str]:
    """Every command README shows: the lines of its `sh` blocks (comments dropped) and the
    `make …` commands of its tables, once each, in order."""
    commands: list[str] = []
    in_sh = False
    pending = ""  # a command continued over lines ending in a backslash
    for raw in readme.splitlines():
        line = raw.strip()
        if line.startswith("```"):
            in_sh = line == "```sh" if not in_sh else False
            continue
        if in_sh:
            command = re.sub(r"\s+#\s.*$", "", line).strip()
            if not command or command.startswith("#"):
                continue
            if command.endswith("\\"):
                pending += command[:-1] + " "
                continue
            commands.append(" ".join((pending + command).split()))
            pending = ""
        elif line.startswith("| `make "):
            commands.append(line.split("`")[1])
    return list(dict.fromkeys(commands))


def first_hour(full: bool) -> list[Outcome]:
    """Clone, then every README command; the outcomes in order."""
    with tempfile.TemporaryDirectory(prefix="skim-newcomer-") as folder, LoopbackDiscord() as d:
        clone = Path(folder) / "skim"
        head = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(clone)], check=True)
        subprocess.run(["git", "-C", str(clone), "checkout", "--quiet", head], check=True)
        newcomer = Newcomer(clone, d, full)
        for command in readme_commands((clone / "README.md").read_text("utf-8")):
            outcome = step(newcomer, command)
            newcomer.outcomes.append(outcome)
            print(_row(len(newcomer.outcomes), outcome), flush=True)
        return newcomer.outcomes


def _row(number: int, outcome: Outcome) -> str:
    note = outcome.note.splitlines()[0] if outcome.note else ""
    return (
        f"{number:>2}  {outcome.result:<8} {outcome.seconds:>6.1f} s  {outcome.command}  ({note})"
    )


def main(argv: list[str] | None = None) -> int:
    """Replay the first hour; exit 1 if any README command failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bounded", action="store_true", help="skip the clone's own `make test` (CI runs it)"
    )
    args = parser.parse_args(argv)
    started = time.monotonic()
    outcomes = first_hour(full=not args.bounded)
    failed = [outcome for outcome in outcomes if outcome.result == "FAILED"]
    for outcome in failed:
        print(f"\nFAILED: {outcome.command}\n{outcome.note}")
    ran = sum(outcome.result == "ok" for outcome in outcomes)
    skipped = sum(outcome.result == "skipped" for outcome in outcomes)
    print(
        f"\n{ran} README commands ran, {skipped} skipped, {len(failed)} failed, "
        f"in {time.monotonic() - started:.0f} s"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
