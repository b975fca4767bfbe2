"""`python -m bot`: the invite link, and one-line fix-its instead of tracebacks at start-up."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import dataclasses
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import discord
import pytest

from bot.__main__ import (
    EXIT_CONFIG,
    EXIT_STARTUP,
    INTENT_DISABLED,
    INVALID_TOKEN,
    INVITE_PERMISSIONS,
    MISSING_TOKEN,
    application_id_from_token,
    invite_url,
    main,
    run_bot,
    sync_commands,
)
from bot.config import Settings
from sandbox.discord_server import INTENT_MESSAGE_CONTENT, OP_IDENTIFY, DiscordFake
from summarizer import __version__
from testkit.bot_settings import loopback_settings
from tests.helpers import ROOT

# View Channels 1<<10, Send Messages 1<<11, Send Messages in Threads 1<<38, Embed Links 1<<14,
# Read Message History 1<<16, Add Reactions 1<<6.
MINIMAL_PERMISSIONS = 274877992000


def fake_token(application_id: int) -> str:
    return base64.b64encode(str(application_id).encode()).decode().rstrip("=") + ".Gabcde.signature"


@pytest.fixture
def discord_knobs() -> Iterator[None]:
    """`python -m bot` aims discord.py at the configured Discord only while it runs: the class
    attributes it changes are back as they were afterwards."""
    saved = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    yield
    assert saved == (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)


def test_permission_integer_is_the_minimal_set() -> None:
    """Exactly the six permissions Skim uses, and nothing else."""
    assert INVITE_PERMISSIONS.value == MINIMAL_PERMISSIONS
    assert sum(1 << bit for bit in (10, 11, 38, 14, 16, 6)) == MINIMAL_PERMISSIONS


def test_invite_url_has_both_scopes_and_the_permissions() -> None:
    """The OAuth2 link names the application, bot + applications.commands, and the integer."""
    assert invite_url(123456789012345678) == (
        "https://discord.com/oauth2/authorize?client_id=123456789012345678"
        f"&scope=bot+applications.commands&permissions={MINIMAL_PERMISSIONS}"
    )


def test_application_id_is_read_from_the_token() -> None:
    """A bot token starts with its id in base64; garbage gives no id."""
    assert application_id_from_token(fake_token(987654321098765432)) == 987654321098765432
    assert application_id_from_token("not-a-token") is None
    assert application_id_from_token("") is None


def test_invite_command_prints_the_url(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m bot invite` prints the link for the token's application."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", fake_token(555555555555555555))
    assert main(["invite"]) == 0
    assert capsys.readouterr().out.strip() == invite_url(555555555555555555)
    assert main(["invite", "--client-id", "42"]) == 0
    assert capsys.readouterr().out.strip() == invite_url(42)


def test_missing_token_is_one_line_and_exit_code_2(tmp_path: Path) -> None:
    """Without DISCORD_TOKEN, `python -m bot` says how to fix it in one line and exits 2."""
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    empty = tmp_path / "empty.env"
    empty.write_text("")
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--env-file", str(empty)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == EXIT_CONFIG == 2
    assert result.stderr.splitlines() == [f"skim: {MISSING_TOKEN.format(env_file=empty)}"]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_blank_token_in_dotenv_gets_the_missing_token_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A copied .env.example with the token not filled in says what to do, exit code 2."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    (tmp_path / ".env").write_text((ROOT / ".env.example").read_text(encoding="utf-8"))
    assert main([]) == EXIT_CONFIG
    assert capsys.readouterr().err.splitlines() == [
        f"skim: {MISSING_TOKEN.format(env_file=Path('.env'))}"
    ]


def test_other_bad_settings_name_the_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An invalid value gets one line naming the setting."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "t")
    monkeypatch.setenv("SKIM_AUTO_MODE", "sometimes")
    assert main(["invite"]) == EXIT_CONFIG
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("skim: Invalid setting SKIM_AUTO_MODE") and "(see .env.example)" in line


def test_project_env_is_found_from_any_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`python -m bot invite` run from another folder reads the project's .env."""
    project = tmp_path / "skim"
    project.mkdir()
    (project / "pyproject.toml").write_text("")
    (project / ".env").write_text(f"DISCORD_TOKEN={_token_for(42)}\n")
    monkeypatch.setattr("summarizer.settings.PROJECT_ROOT", project)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert main(["invite"]) == 0
    assert capsys.readouterr().out.strip() == invite_url(42)


@pytest.mark.parametrize("where", ["before", "after"])
def test_env_file_flag_overrides_before_or_after_the_command(
    where: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--env-file PATH is read instead of the project's .env, on either side of `invite`."""
    chosen = tmp_path / "other.env"
    chosen.write_text(f"DISCORD_TOKEN={_token_for(77)}\n")
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    flag = ["--env-file", str(chosen)]
    assert main([*flag, "invite"] if where == "before" else ["invite", *flag]) == 0
    assert capsys.readouterr().out.strip() == invite_url(77)


def test_missing_env_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An --env-file that does not exist is named, exit 2."""
    assert main(["sync", "--env-file", str(tmp_path / "nope.env")]) == EXIT_CONFIG
    assert capsys.readouterr().err.splitlines() == [
        f"skim: no such env file: {tmp_path / 'nope.env'}"
    ]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints Skim's version."""
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"python -m bot (Skim) {__version__}"


def _token_for(application_id: int) -> str:
    """A token shaped like Discord's: the application id in base64, then two parts."""
    return base64.b64encode(str(application_id).encode()).decode().rstrip("=") + ".x.y"


async def test_bad_fetch_setting_is_one_line_before_connecting(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """SKIM_FETCH_DEADLINE_S=abc ends start-up in one line naming it; Discord never hears of it."""
    monkeypatch.chdir(tmp_path)
    async with DiscordFake() as fake:
        monkeypatch.setenv("DISCORD_TOKEN", "loopback-token")
        monkeypatch.setenv("DISCORD_API_BASE", fake.api_base)
        monkeypatch.setenv("DISCORD_GATEWAY_URL", fake.gateway_url)
        monkeypatch.setenv("SKIM_FETCH_DEADLINE_S", "abc")
        code = await asyncio.to_thread(main, [])
        assert fake.requests == [] and fake.gateway_events_received == []
    assert code == EXIT_CONFIG
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("skim: Invalid setting SKIM_FETCH_DEADLINE_S: ")
    assert "valid number" in line and "(see .env.example)" in line


def settings_for(fake: DiscordFake, tmp_path: Path, db_path: Path | None = None) -> Settings:
    return loopback_settings(
        api_base=fake.api_base,
        gateway_url=fake.gateway_url,
        db_path=db_path or tmp_path / "skim.db",
    )


@pytest.mark.usefixtures("discord_knobs")
async def test_invalid_token_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A token Discord answers with 401 ends the run with a one-line fix-it, no traceback."""
    async with DiscordFake() as fake:
        fake.reject_token = True
        code = await asyncio.wait_for(run_bot(settings_for(fake, tmp_path)), 30)
    assert code == EXIT_STARTUP
    assert capsys.readouterr().err.splitlines() == [f"skim: {INVALID_TOKEN}"]


@pytest.mark.usefixtures("discord_knobs")
async def test_disabled_message_content_intent_says_where_and_carries_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Close code 4014: one line saying where to enable the intent; Skim reconnects without it."""
    async with DiscordFake(message_content_enabled=False) as fake:
        running = asyncio.create_task(run_bot(settings_for(fake, tmp_path)))
        try:
            await fake.wait_for_session(30)
        finally:
            running.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await running
    identifies = [e["d"]["intents"] for e in fake.gateway_events_received if e["op"] == OP_IDENTIFY]
    assert len(identifies) == 2
    assert identifies[0] & INTENT_MESSAGE_CONTENT and not identifies[1] & INTENT_MESSAGE_CONTENT
    err = capsys.readouterr().err
    assert f"skim: {INTENT_DISABLED}" in err.splitlines()
    assert "Traceback" not in err
    assert "Message Content Intent" in INTENT_DISABLED and "/summarize" in INTENT_DISABLED


@pytest.mark.usefixtures("discord_knobs")
@pytest.mark.parametrize("dev_guild_id", [None, 4242])
async def test_sync_puts_the_commands_globally_or_on_the_dev_guild(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dev_guild_id: int | None
) -> None:
    """`python -m bot sync` bulk-overwrites commands: globally, or on SKIM_DEV_GUILD_ID."""
    async with DiscordFake() as fake:
        settings = settings_for(fake, tmp_path)
        discord_settings = settings.discord.model_copy(update={"dev_guild_id": dev_guild_id})
        settings = dataclasses.replace(settings, discord=discord_settings)
        assert await asyncio.wait_for(sync_commands(settings), 30) == 0
        puts = [r for r in fake.requests if r.method == "PUT"]
    where = "" if dev_guild_id is None else f"/guilds/{dev_guild_id}"
    assert [r.path for r in puts] == [f"/applications/{fake.application_id}{where}/commands"]
    assert {c["name"] for c in puts[0].json} == {"summarize", "Summarize links", "skim"}
    assert capsys.readouterr().out.startswith("Synced 3 commands")


@pytest.mark.usefixtures("discord_knobs")
async def test_unusable_database_path_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A database path under a regular file ends the run with a fix-it naming SKIM_DB_PATH."""
    (tmp_path / "not-a-dir").write_text("x", encoding="utf-8")
    async with DiscordFake() as fake:
        settings = settings_for(fake, tmp_path, db_path=tmp_path / "not-a-dir" / "skim.db")
        code = await asyncio.wait_for(run_bot(settings), 30)
    assert code == EXIT_STARTUP
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("skim: cannot create the directory ") and line.endswith(
        "Point SKIM_DB_PATH at a file in a directory Skim can write to."
    )


async def test_start_up_failures_never_end_in_a_traceback(tmp_path: Path) -> None:
    """`python -m bot` on an unusable database prints exactly one line, every time.

    A failed aiosqlite.connect used to leave its worker thread calling into the closed event
    loop, which printed a 20-line "Event loop is closed" traceback after the line, at random.
    """
    (tmp_path / "not-a-dir").write_text("x", encoding="utf-8")
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(b"not a database at all\n" * 300)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SKIM_"))}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["DISCORD_TOKEN"] = "loopback-token"

    async def start(db_path: Path) -> tuple[int | None, bytes]:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            cwd=tmp_path,
            env=env | {"SKIM_DB_PATH": str(db_path)},
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        _, stderr = await asyncio.wait_for(process.communicate(), 60)
        return process.returncode, stderr

    paths = [tmp_path / "not-a-dir" / "skim.db", damaged] * 4
    for code, stderr in await asyncio.gather(*(start(path) for path in paths)):
        assert code == EXIT_STARTUP
        assert len(stderr.decode().splitlines()) == 1, stderr.decode()


@pytest.mark.usefixtures("discord_knobs")
async def test_python_m_bot_runs_and_stops_cleanly_on_sigterm(tmp_path: Path) -> None:
    """`python -m bot` connects with the settings from .env and exits 0 on SIGTERM."""
    async with DiscordFake() as fake:
        (tmp_path / ".env").write_text(
            f"DISCORD_TOKEN=loopback-token\nDISCORD_API_BASE={fake.api_base}\n"
            f"DISCORD_GATEWAY_URL={fake.gateway_url}\nSKIM_DB_PATH={tmp_path / 'skim.db'}\n",
            encoding="utf-8",
        )
        env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SKIM_"))}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "--env-file",
            str(tmp_path / ".env"),
            cwd=tmp_path,
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
    assert (tmp_path / "skim.db").exists()
