"""`python -m summarizer SOURCE`: digest a URL, a file or stdin; `--batch` for JSON lines."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn, TextIO

from summarizer.errors import FetchError, NotAnArticle, SummarizerError
from summarizer.model import DEFAULT_CARD_SECTIONS, MAX_CARD_SECTIONS, Digest
from summarizer.pipeline import digest_html, digest_url
from summarizer.render_text import render_card, render_markdown
from summarizer.settings import SettingsError, read_fetch_settings

EXIT_OK = 0
EXIT_NOT_ARTICLE = 1
EXIT_USAGE = 2
EXIT_FETCH = 3
# A file given on the command line is read whole; refuse what cannot be a web page.
MAX_FILE_BYTES = 50 * 1024 * 1024


class UsageError(Exception):
    """A mistake in how the command was called."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage dump
        raise UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m summarizer",
        description="Digest an article page: headline, the key claim under each subheading, tags.",
    )
    parser.add_argument("source", nargs="?", help="an http(s) URL, a file path, or - for stdin")
    parser.add_argument("--url", help="the page's address, for a file or stdin")
    parser.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="text (a card like Discord's embed, the default), markdown or json",
    )
    parser.add_argument(
        "--sections",
        type=_section_count,
        default=DEFAULT_CARD_SECTIONS,
        metavar="N",
        help=f"sections on the card, 1-{MAX_CARD_SECTIONS} (default {DEFAULT_CARD_SECTIONS}); "
        "json keeps them all",
    )
    parser.add_argument(
        "--batch",
        action="store_true",
        help='read JSON lines {"html": ..., "url": ...} from stdin, write one JSON line per page',
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what the engine does")
    return parser


def _section_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_CARD_SECTIONS:
        raise argparse.ArgumentTypeError(f"expected 1 to {MAX_CARD_SECTIONS}, got {value!r}")
    return count


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:  # `python -m summarizer ... | head` closed the pipe: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def _main(argv: Sequence[str] | None) -> int:
    try:
        args = build_parser().parse_args(argv)
        _check_usage(args)
    except UsageError as error:
        return _fail(f"{error} (see --help)", EXIT_USAGE)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.CRITICAL,
        format="%(levelname)s %(name)s: %(message)s",
    )
    if args.batch:
        return run_batch(sys.stdin, sys.stdout)
    try:
        digest = _digest_source(args.source, args.url)
    except (UsageError, SettingsError) as error:
        return _fail(str(error), EXIT_USAGE)
    except NotAnArticle as error:
        return _fail(str(error), EXIT_NOT_ARTICLE)
    except FetchError as error:
        return _fail(str(error), EXIT_FETCH)
    except SummarizerError as error:
        return _fail(str(error), EXIT_NOT_ARTICLE)
    except Exception as error:  # a bug must still end in one line, not a traceback
        logging.getLogger(__name__).debug("internal error", exc_info=True)
        return _fail(f"internal error ({type(error).__name__}: {error})", EXIT_NOT_ARTICLE)
    print(_render(digest, args.format, args.sections))
    return EXIT_OK


def _check_usage(args: argparse.Namespace) -> None:
    if args.batch and args.source:
        raise UsageError("--batch reads stdin: give no SOURCE")
    if not args.batch and not args.source:
        raise UsageError("give a SOURCE: an http(s) URL, a file path, or - for stdin")
    if args.url and args.source and _is_url(args.source):
        raise UsageError("--url is for a file or stdin; a URL source is its own address")


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _digest_source(source: str, url: str | None) -> Digest:
    if _is_url(source):
        return asyncio.run(_fetch_and_digest(source))
    if source == "-":
        return digest_html(sys.stdin.buffer.read(MAX_FILE_BYTES + 1)[:MAX_FILE_BYTES], url)
    path = Path(source)
    if "://" in source:
        raise UsageError(f"only http and https links can be fetched: {source}")
    if not path.is_file():
        raise UsageError(f"no such file: {source}")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise UsageError(f"{source} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    return digest_html(path.read_bytes(), url)


async def _fetch_and_digest(url: str) -> Digest:
    # Imported here: a file or stdin needs no HTTP stack.
    from summarizer.net.fetcher import Fetcher

    async with Fetcher(read_fetch_settings()) as fetcher:
        return await digest_url(url, fetcher=fetcher)


def run_batch(lines: TextIO, out: TextIO) -> int:
    """One JSON line out per JSON line in; a bad page gives {"error": ...} and the batch goes on."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        out.write(json.dumps(_batch_item(number, line), ensure_ascii=False) + "\n")
        out.flush()
    return EXIT_OK


def _batch_item(number: int, line: str) -> dict[str, object]:
    try:
        item = json.loads(line)
    except json.JSONDecodeError as error:
        return {"error": f"line {number}: not JSON ({error.msg})"}
    if not isinstance(item, dict) or not isinstance(item.get("html"), str):
        return {"error": f'line {number}: expected an object with an "html" string'}
    url = item.get("url")
    if url is not None and not isinstance(url, str):
        return {"error": f'line {number}: "url" must be a string'}
    try:
        return digest_html(item["html"], url).to_dict()
    except SummarizerError as error:
        return {"error": str(error)}
    except Exception as error:  # one broken page must not stop the batch
        logging.getLogger(__name__).exception("line %d failed", number)
        return {"error": f"line {number}: internal error ({type(error).__name__})"}


def _render(digest: Digest, output_format: str, sections: int = DEFAULT_CARD_SECTIONS) -> str:
    if output_format == "json":
        return json.dumps(digest.to_dict(), ensure_ascii=False, indent=2)
    if output_format == "markdown":
        return render_markdown(digest, sections)
    return render_card(digest, sections=sections)


def _fail(message: str, code: int) -> int:
    first_line = message.splitlines()[0] if message else "failed"
    print(f"error: {first_line}", file=sys.stderr)
    return code
