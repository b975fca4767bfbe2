"""`python -m sandbox`: Skim in a local Discord-like channel in your browser (`make sandbox`)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from bot.__main__ import configure_logging, until_stopped
from sandbox.run import DEFAULT_PORT, EXAMPLES, Sandbox, SandboxError, SandboxOptions
from summarizer import __version__


def build_parser() -> argparse.ArgumentParser:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m sandbox",
        description="Try Skim without Discord: the real bot in a local channel in your browser.",
    )
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"the page's port (default {DEFAULT_PORT})"
    )
    parser.add_argument(
        "--online",
        action="store_true",
        help="let Skim fetch real pages (through its guarded fetcher); offline by default",
    )
    parser.add_argument(
        "--db", type=Path, help="keep Skim's database in this file (default: a fresh one per run)"
    )
    parser.add_argument(
        "--examples", type=Path, default=EXAMPLES, help="a folder of pages to serve (examples/)"
    )
    parser.add_argument("--log-level", default="INFO", help="the bot's log level (INFO)")
    parser.add_argument("--version", action="version", version=f"%(prog)s (Skim) {__version__}")
    return parser


async def serve(options: SandboxOptions) -> int:
    """Start the sandbox, say where it is, run until Ctrl-C."""
    async with Sandbox(options) as sandbox:
        mode = (
            "online: Skim may fetch real pages"
            if options.online
            else "offline: Skim reads the example pages and the files you drop (--online to fetch)"
        )
        print(f"Skim sandbox: open {sandbox.url}  ({mode}; Ctrl-C stops it)", flush=True)
        return await sandbox.wait()


def main(argv: list[str] | None = None) -> int:
    """Run the sandbox; returns the exit code."""
    args = build_parser().parse_args(argv)
    options = SandboxOptions(
        port=args.port,
        online=args.online,
        db_path=args.db,
        examples=args.examples,
        log_level=args.log_level,
    )
    configure_logging(args.log_level)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)  # one line per page request
    try:
        return asyncio.run(until_stopped(serve(options)))
    except SandboxError as error:
        print(f"sandbox: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
