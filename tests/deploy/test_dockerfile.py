"""The Dockerfile, without a Docker engine: its install command builds and installs Skim as a
package, and its start command runs that installed copy against the loopback Discord, with the
image's environment and the database in the "volume"; the user and volume lines are checked.
Not tested here: `docker build` itself, the base image, and running as the `skim` user."""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sandbox.discord_server import DiscordFake
from tests.helpers import ROOT

DOCKERFILE = ROOT / "Dockerfile"


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    joined: list[str] = []
    pending = ""
    for raw in DOCKERFILE.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        pending += line.removesuffix("\\").strip() + " "
        if not line.endswith("\\"):
            joined.append(pending.strip())
            pending = ""
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in joined]


def image_env() -> dict[str, str]:
    """Every ENV the Dockerfile sets."""
    env: dict[str, str] = {}
    for instruction, arguments in instructions():
        if instruction == "ENV":
            for pair in shlex.split(arguments):
                name, value = pair.split("=", 1)
                env[name] = value
    return env


def one(name: str) -> str:
    [found] = [arguments for instruction, arguments in instructions() if instruction == name]
    return found


def test_runs_as_a_user_and_keeps_the_database_on_the_volume() -> None:
    """USER is not root; SKIM_DB_PATH is inside the VOLUME; the start is `python -m bot run`."""
    assert one("USER") not in ("root", "0")
    [volume] = json.loads(one("VOLUME"))
    assert Path(image_env()["SKIM_DB_PATH"]).parent == Path(volume)
    assert json.loads(one("ENTRYPOINT")) + json.loads(one("CMD")) == ["python", "-m", "bot", "run"]
    assert ".env" in (ROOT / ".dockerignore").read_text().split()  # the token stays out


def test_install_command_builds_the_package(tmp_path: Path) -> None:
    """`pip install /src` builds the wheel with every package and the sandbox page in it."""
    installed = _install(tmp_path)
    for package in ("summarizer", "bot", "sandbox"):
        assert (installed / package / "__init__.py").is_file()
    assert (installed / "sandbox" / "static" / "app.js").is_file()


async def test_start_command_runs_the_installed_bot(tmp_path: Path) -> None:
    """ENTRYPOINT + CMD with the image's ENV, from a folder that is not the checkout: the
    installed copy connects, writes its database into the volume, and stops on SIGTERM."""
    installed = _install(tmp_path)
    volume = tmp_path / "data"
    volume.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    command = json.loads(one("ENTRYPOINT")) + json.loads(one("CMD"))
    assert command[0] == "python"
    async with DiscordFake() as fake:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SKIM_"))}
        env |= image_env() | {
            "SKIM_DB_PATH": str(volume / Path(image_env()["SKIM_DB_PATH"]).name),
            "PYTHONPATH": str(installed),
            "DISCORD_TOKEN": "loopback-token",
            "DISCORD_API_BASE": fake.api_base,
            "DISCORD_GATEWAY_URL": fake.gateway_url,
        }
        where = await asyncio.create_subprocess_exec(
            sys.executable,
            "-c",
            "import bot; print(bot.__file__)",
            env=env,
            cwd=home,
            stdout=asyncio.subprocess.PIPE,
        )
        found, _ = await asyncio.wait_for(where.communicate(), 60)
        assert Path(found.decode().strip()).is_relative_to(installed)
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *command[1:],
            cwd=home,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        try:
            await fake.wait_for_session(60)
            process.send_signal(signal.SIGTERM)
            _, stderr = await asyncio.wait_for(process.communicate(), 30)
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
    assert process.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr
    assert (volume / "skim.db").is_file()


def _install(tmp_path: Path) -> Path:
    """The Dockerfile's `pip install /src`, into a folder, offline (the dependencies are the
    ones this venv already has from the same pyproject.toml)."""
    [run] = [a for i, a in instructions() if i == "RUN" and "pip install" in a]
    assert run.startswith("pip install /src")
    target = tmp_path / "site"
    offline = ["--quiet", "--no-index", "--no-deps", "--no-build-isolation"]
    result = subprocess.run(
        [sys.executable, "-m", "pip", "install", *offline, "--target", str(target), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        pytest.fail(f"pip install failed: {result.stderr}")
    return target
