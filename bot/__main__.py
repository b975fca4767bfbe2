"""`python -m bot [--env-file PATH] [run|invite|sync|status]`: run Skim, print its invite
link, sync its commands, or show the health of every Skim process (from Redis). Settings
come from the environment and the project's `.env` (or `--env-file`).

Startup problems end in one line saying how to fix them, never in a traceback.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import contextlib
import logging
import signal
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import aiohttp
import discord

from bot.client import SkimBot, discord_endpoints, make_bot
from bot.config import RedisSettings, Settings, SettingsError, load_settings
from bot.services import Services, open_services
from bot.shared import SharedStateError, health
from bot.store import StoreError
from summarizer import __version__
from summarizer.settings import project_env_file, read_settings

log = logging.getLogger("bot")

PORTAL = "https://discord.com/developers/applications"
INVITE_SCOPES = ("bot", "applications.commands")
# Exactly what Skim does: read channels and history, reply (also in threads) with embeds, react ⚠️.
INVITE_PERMISSIONS = discord.Permissions(
    view_channel=True,
    send_messages=True,
    send_messages_in_threads=True,
    embed_links=True,
    read_message_history=True,
    add_reactions=True,
)

EXIT_OK = 0
EXIT_STARTUP = 1
EXIT_CONFIG = 2

MISSING_TOKEN = (
    "DISCORD_TOKEN is not set (looked in the environment and {env_file}): copy .env.example "
    f"to .env and paste your bot's token ({PORTAL} → your application → Bot → Reset Token)."
)
INVALID_TOKEN = (
    "Discord rejected DISCORD_TOKEN (401 Unauthorized): reset the token at "
    f"{PORTAL} → your application → Bot → Reset Token, and paste the new one into .env."
)
INTENT_DISABLED = (
    "The Message Content intent is not enabled (close code 4014): switch on "
    f"{PORTAL} → your application → Bot → Privileged Gateway Intents → Message Content Intent "
    "for auto-digests; Skim carries on without it, and /summarize and the "
    "“Summarize links” menu still work."
)
SHARD_REFUSED = (
    "Discord refused shard {shards} (close code {code}): another process already runs it, or "
    "SKIM_SHARD_COUNT is not the count the other processes use. Give each process its own "
    "SKIM_SHARD_IDS, the same SKIM_SHARD_COUNT everywhere."
)
NO_REDIS_FOR_STATUS = (
    "`python -m bot status` reads the processes' heartbeats from Redis: set SKIM_REDIS_URL "
    "(as the running processes have it)."
)
NO_APPLICATION_ID = (
    "Could not read the application id from DISCORD_TOKEN: pass it with "
    f"`python -m bot invite --client-id <Application ID from {PORTAL}>`."
)


def invite_url(application_id: int) -> str:
    """The OAuth2 link that adds Skim to a server with its scopes and minimal permissions."""
    query = urlencode(
        {
            "client_id": application_id,
            "scope": " ".join(INVITE_SCOPES),
            "permissions": INVITE_PERMISSIONS.value,
        }
    )
    return f"https://discord.com/oauth2/authorize?{query}"


def application_id_from_token(token: str) -> int | None:
    """A bot token starts with its user id in base64, which is also its application id."""
    first = token.split(".", 1)[0]
    try:
        decoded = base64.b64decode(first + "=" * (-len(first) % 4), validate=True).decode("ascii")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    return int(decoded) if decoded.isdigit() else None


def settings_problem(error: SettingsError, env_file: Path) -> str:
    """One line for a settings error: a missing or empty token gets its own fix-it."""
    if error.name == "DISCORD_TOKEN":
        return MISSING_TOKEN.format(env_file=env_file)
    return f"{str(error)[:1].upper()}{str(error)[1:]} (see .env.example)."


def fail(message: str, code: int) -> int:
    """Print a one-line fix-it on stderr and return the exit code."""
    print(f"skim: {message}", file=sys.stderr)
    return code


class _NoVoiceWarnings(logging.Filter):
    """Skim never joins voice: drop discord.py's start-up warnings about voice libraries."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "voice will NOT be supported" not in record.getMessage()


def configure_logging(level: str) -> None:
    """Logs on stderr at the configured level; only the CLI configures handlers."""
    name = level.upper() if level.upper() in logging.getLevelNamesMapping() else "INFO"
    logging.basicConfig(level=name, format="%(asctime)s %(levelname)-7s %(name)s: %(message)s")
    logging.getLogger("discord.client").addFilter(_NoVoiceWarnings())
    if name != "DEBUG":
        # httpx logs every page request at INFO; Skim logs what matters about a page itself.
        logging.getLogger("httpx").setLevel(logging.WARNING)


async def run_bot(settings: Settings) -> int:
    """Open the services, then run until stopped; a start-up problem ends in one line."""
    try:
        async with open_services(settings) as services:
            with discord_endpoints(settings.discord):
                return await _run_connected(settings, services)
    except StoreError as error:
        return fail(error.line, EXIT_STARTUP)
    except SharedStateError as error:
        return fail(str(error), EXIT_STARTUP)


async def _run_connected(settings: Settings, services: Services) -> int:
    """Connect and serve; without the Message Content intent, carry on with commands only."""
    token = settings.discord.token.get_secret_value()
    read_message_content = True
    while True:
        bot = make_bot(settings, services, read_message_content=read_message_content)
        try:
            async with bot:
                await bot.start(token)
            return EXIT_OK
        except discord.LoginFailure:
            return fail(INVALID_TOKEN, EXIT_STARTUP)
        except discord.PrivilegedIntentsRequired:
            if not read_message_content:
                raise
            fail(INTENT_DISABLED, EXIT_STARTUP)
            read_message_content = False
        except discord.ConnectionClosed as closed:
            if closed.code == 4004:  # Authentication failed
                return fail(INVALID_TOKEN, EXIT_STARTUP)
            if closed.code in (4010, 4011):  # Invalid shard, Sharding required
                shards = ",".join(map(str, bot.shard_plan()[0]))
                return fail(SHARD_REFUSED.format(shards=shards, code=closed.code), EXIT_STARTUP)
            return fail(f"Discord closed the gateway with code {closed.code}.", EXIT_STARTUP)
        except aiohttp.ClientError as error:
            return fail(
                f"Cannot reach Discord at {settings.discord.api_base}: {error}. "
                "Check the network (and DISCORD_API_BASE if you set it).",
                EXIT_STARTUP,
            )
        except OSError as error:
            return fail(f"Start-up failed: {error}.", EXIT_STARTUP)


async def sync_commands(settings: Settings) -> int:
    """Overwrite Skim's commands on Discord: globally, or on SKIM_DEV_GUILD_ID at once."""
    bot = SkimBot(settings, services=None)
    dev_guild_id = settings.discord.dev_guild_id
    try:
        with discord_endpoints(settings.discord):
            async with bot:
                await bot.login(settings.discord.token.get_secret_value())
                synced = await _sync(bot, dev_guild_id)
    except discord.LoginFailure:
        return fail(INVALID_TOKEN, EXIT_STARTUP)
    where = (
        f"to server {dev_guild_id} (live now)"
        if dev_guild_id is not None
        else "globally (Discord may take up to an hour to show them)"
    )
    names = ", ".join(sorted(command.name for command in synced))
    print(f"Synced {len(synced)} commands {where}: {names}")
    return EXIT_OK


async def _sync(bot: SkimBot, dev_guild_id: int | None) -> list[discord.app_commands.AppCommand]:
    """Overwrite the commands on Discord: on the dev server, else globally."""
    if dev_guild_id is not None:
        guild = discord.Object(id=dev_guild_id)
        bot.tree.copy_global_to(guild=guild)
        return await bot.tree.sync(guild=guild)
    return await bot.tree.sync()


async def show_status(redis_settings: RedisSettings) -> int:
    """Print every live process's heartbeat: its shards, latency, cache hit rate, worker queue."""
    if redis_settings.url is None:
        return fail(NO_REDIS_FOR_STATUS, EXIT_CONFIG)
    from redis.exceptions import RedisError  # only with Redis: see bot/shared/__init__.py

    from bot.shared.link import RedisLink

    link = RedisLink(redis_settings.url.get_secret_value(), redis_settings.prefix)
    try:
        records = await health.read_all(link)
    except (OSError, RedisError) as error:
        return fail(f"Cannot read health from Redis at {link.where}: {error}.", EXIT_STARTUP)
    finally:
        await link.close()
    print(health.status_table(records))
    return EXIT_OK


async def until_stopped(work: Coroutine[Any, Any, int]) -> int:
    """Run `work`; SIGTERM (docker stop, systemd) stops it as cleanly as Ctrl-C does."""
    task = asyncio.current_task()
    if task is not None:
        with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows loops
            asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    try:
        return await work
    except asyncio.CancelledError:
        log.info("stopped")
        return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The command line: `--env-file` goes before or after the subcommand."""
    env_file = argparse.ArgumentParser(add_help=False)
    env_file.add_argument(
        "--env-file",
        type=Path,
        default=argparse.SUPPRESS,
        help=f"read settings from this file (default: {project_env_file()})",
    )
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Skim, the Discord bot.", parents=[env_file]
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s (Skim) {__version__}")
    subcommands = parser.add_subparsers(dest="command")
    subcommands.add_parser("run", help="run the bot (the default)", parents=[env_file])
    invite = subcommands.add_parser(
        "invite", help="print the link that adds Skim to a server", parents=[env_file]
    )
    invite.add_argument("--client-id", type=int, help="the application id (default: from token)")
    subcommands.add_parser(
        "sync", help="sync slash commands (to SKIM_DEV_GUILD_ID if set)", parents=[env_file]
    )
    subcommands.add_parser(
        "status", help="every running process's shards and health (Redis)", parents=[env_file]
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    """The command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    command = args.command or "run"

    if command == "invite" and args.client_id is not None:
        print(invite_url(args.client_id))
        return EXIT_OK
    env_file: Path = getattr(args, "env_file", None) or project_env_file()
    if "env_file" in args and not env_file.is_file():
        return fail(f"no such env file: {env_file}", EXIT_CONFIG)
    if command == "status":  # needs Redis only, not the token
        try:
            redis_settings = read_settings(RedisSettings, env_file)
        except SettingsError as error:
            return fail(settings_problem(error, env_file), EXIT_CONFIG)
        return asyncio.run(show_status(redis_settings))
    try:
        settings = load_settings(env_file)
    except SettingsError as error:
        return fail(settings_problem(error, env_file), EXIT_CONFIG)
    if command == "invite":
        application_id = application_id_from_token(settings.discord.token.get_secret_value())
        if application_id is None:
            return fail(NO_APPLICATION_ID, EXIT_CONFIG)
        print(invite_url(application_id))
        return EXIT_OK

    configure_logging(settings.log.level)
    try:
        if command == "sync":
            return asyncio.run(until_stopped(sync_commands(settings)))
        return asyncio.run(until_stopped(run_bot(settings)))
    except KeyboardInterrupt:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
