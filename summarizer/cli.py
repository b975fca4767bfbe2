"""`python -m summarizer SOURCE` (installed as `skim`): digest a URL, a file or stdin; `--batch`
for JSON lines. Every failure is one `error:` line saying what to do, with the exit code below."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import re
import sys
import zlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from summarizer import __version__
from summarizer.errors import (
    BlockedAddress,
    FetchError,
    InvalidUrl,
    NotAnArticle,
    SummarizerError,
)
from summarizer.extract.plaintext import is_markdown_name, is_text_document_name, looks_binary
from summarizer.formats import DigestFormat, load_format, plugged_formats
from summarizer.model import DEFAULT_CARD_SECTIONS, MAX_CARD_SECTIONS, Digest
from summarizer.pipeline import digest_html, digest_text, digest_url
from summarizer.render_text import render_card, render_markdown
from summarizer.settings import SettingsError, project_env_file, read_fetch_settings

EXIT_OK = 0
EXIT_NOT_ARTICLE = 1  # also: --batch had a page that failed
EXIT_USAGE = 2
EXIT_FETCH = 3
# A file given on the command line is read whole; refuse what cannot be a web page.
MAX_FILE_BYTES = 50 * 1024 * 1024
BUILT_IN_FORMATS = ("text", "markdown", "json")
BATCH_FORMATS = ("json",)  # and every plugged-in format: each writes JSON
# A bare host with a path (`example.org/story`): meant as a link, not a file.
_LOOKS_LIKE_HOST = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?:[/:?#]|$)", re.I)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
NETWORKS_HINT = (
    "; to reach it anyway, add its network to SKIM_FETCH_ALLOW_NETWORKS (e.g. 127.0.0.0/8) "
    "in the environment or .env"
)
PORTS_HINT = "; SKIM_FETCH_ALLOW_PORTS (in the environment or .env) lists the ports Skim may use"


class UsageError(Exception):
    """A mistake in how the command was called."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, no usage dump
        raise UsageError(message)


def build_parser(prog: str = "python -m summarizer") -> argparse.ArgumentParser:
    parser = _Parser(
        prog=prog,
        description="Digest an article page: headline, the key claim under each subheading, tags.",
    )
    parser.add_argument(
        "source",
        nargs="?",
        help="an http(s) URL, an HTML file or a text document (.txt, .md; .gz too), or - for stdin",
    )
    parser.add_argument("--url", help="the page's address, for a file or stdin")
    formats = (*BUILT_IN_FORMATS, *plugged_formats())
    parser.add_argument(
        "--format",
        choices=formats,
        default=None,
        help="text (a card like Discord's embed, the default), markdown, json"
        + (", or " + ", ".join(plugged_formats()) if plugged_formats() else "")
        + " (embed: the exact message JSON the bot would post, sizes on stderr)",
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
    parser.add_argument(
        "--env-file",
        type=Path,
        help=f"read SKIM_FETCH_* settings from this file (default: {project_env_file()})",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s (Skim) {__version__}")
    return parser


def _section_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_CARD_SECTIONS:
        raise argparse.ArgumentTypeError(f"expected 1 to {MAX_CARD_SECTIONS}, got {value!r}")
    return count


def main(argv: Sequence[str] | None = None, *, prog: str = "python -m summarizer") -> int:
    try:
        return _main(argv, prog)
    except BrokenPipeError:  # `python -m summarizer ... | head` closed the pipe: not an error
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def skim() -> int:
    """The installed `skim` command: the same, under its own name."""
    return main(prog="skim")


def _main(argv: Sequence[str] | None, prog: str) -> int:
    try:
        args = build_parser(prog).parse_args(argv)
        _check_usage(args)
    except UsageError as error:
        return _fail(f"{error} (see --help)", EXIT_USAGE)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.CRITICAL,
        format="%(levelname)s %(name)s: %(message)s",
    )
    output_format = args.format or ("json" if args.batch else "text")
    plugin = load_format(output_format) if output_format not in BUILT_IN_FORMATS else None
    if args.batch:
        return run_batch(
            sys.stdin,
            sys.stdout,
            plugin=plugin,
            sections=args.sections,
            progress=sys.stderr.isatty(),
            errors=sys.stderr,
        )
    try:
        digest = _digest_source(args.source, args.url, args.env_file)
    except (UsageError, SettingsError) as error:
        return _fail(str(error), EXIT_USAGE)
    except NotAnArticle as error:
        return _fail(str(error), EXIT_NOT_ARTICLE)
    except BlockedAddress as error:
        hint = PORTS_HINT if str(error).startswith("blocked port") else NETWORKS_HINT
        return _fail(f"{error}{hint}", EXIT_FETCH)
    except FetchError as error:
        return _fail(str(error), EXIT_FETCH)
    except SummarizerError as error:
        return _fail(str(error), EXIT_NOT_ARTICLE)
    except Exception as error:  # a bug must still end in one line, not a traceback
        logging.getLogger(__name__).debug("internal error", exc_info=True)
        return _fail(f"internal error ({type(error).__name__}: {error})", EXIT_NOT_ARTICLE)
    if plugin is not None:
        formatted = plugin(digest, args.sections)
        for document in formatted.documents:
            print(json.dumps(document, ensure_ascii=False, indent=2))
        if formatted.summary:
            print(formatted.summary, file=sys.stderr)
        return EXIT_OK
    print(_render(digest, output_format, args.sections))
    return EXIT_OK


def _check_usage(args: argparse.Namespace) -> None:
    if args.batch and args.source:
        raise UsageError("--batch reads stdin: give no SOURCE")
    if not args.batch and not args.source:
        raise UsageError("give a SOURCE: an http(s) URL, a file path, or - for stdin")
    if args.url and args.source and _is_url(args.source):
        raise UsageError("--url is for a file or stdin; a URL source is its own address")
    if args.batch and args.format in ("text", "markdown"):
        raise UsageError(
            f"--batch writes JSON lines: use --format json (or embed), not {args.format}"
        )
    if args.env_file is not None and not args.env_file.is_file():
        raise UsageError(f"no such env file: {args.env_file}")


def _is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def _digest_source(source: str, url: str | None, env_file: Path | None) -> Digest:
    if _is_url(source):
        return asyncio.run(_fetch_and_digest(source, env_file or project_env_file()))
    if "://" in source:
        raise InvalidUrl(f"only http and https links can be fetched: {source}")
    if source == "-":
        return digest_html(_page_bytes(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), "stdin"), url)
    if is_text_document_name(source):
        data = _page_bytes(_read_file(source), source, kind="a text document")
        if looks_binary(data):
            raise UsageError(f"{source} is not a text document: it holds binary data")
        return digest_text(data, url, markdown=is_markdown_name(source))
    return digest_html(_page_bytes(_read_file(source), source), url)


def _read_file(source: str) -> bytes:
    """The file's bytes; a missing file, a folder or one too large is a one-line UsageError."""
    path = Path(source)
    if not path.exists():
        if _LOOKS_LIKE_HOST.match(source):
            raise UsageError(
                f"no such file: {source}; for a web page, give the whole link: https://{source}"
            )
        raise UsageError(f"no such file: {source}")
    if path.is_dir():
        raise UsageError(f"{source} is a folder: give an HTML file, a link, or - for stdin")
    if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
        raise UsageError(f"{source} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    try:
        with path.open("rb") as handle:  # a pipe or device (<(curl …)) is read like stdin
            return handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {source}: {error.strerror}") from None


def _page_bytes(data: bytes, name: str, kind: str = "an HTML page") -> bytes:
    """The page in `data`: unpacked if gzipped, refused if empty, binary or too large."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, name)
    if len(data) > MAX_FILE_BYTES:
        raise UsageError(f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    if not data.strip():
        raise UsageError(f"{name} is empty: there is no page in it")
    if b"\x00" in data[:4096] and not data.startswith(_BOMS):
        raise UsageError(f"{name} is not {kind}: it holds binary data")
    return data


def _gunzip(data: bytes, name: str) -> bytes:
    """Unpack gzip, stopping at the size cap (so a gzip bomb costs nothing)."""
    unpacker = zlib.decompressobj(wbits=31)
    try:
        out = unpacker.decompress(data, MAX_FILE_BYTES + 1)
    except zlib.error as error:
        raise UsageError(f"{name} looks gzipped but cannot be unpacked ({error})") from None
    if len(out) > MAX_FILE_BYTES:
        raise UsageError(
            f"{name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB once unpacked"
        )
    return out


async def _fetch_and_digest(url: str, env_file: Path) -> Digest:
    # Imported here: a file or stdin needs no HTTP stack.
    from summarizer.net.fetcher import Fetcher

    async with Fetcher(read_fetch_settings(env_file)) as fetcher:
        return await digest_url(url, fetcher=fetcher)


def run_batch(
    lines: Iterable[str],
    out: TextIO,
    *,
    plugin: DigestFormat | None = None,
    sections: int = DEFAULT_CARD_SECTIONS,
    progress: bool = False,
    errors: TextIO | None = None,
) -> int:
    """One JSON line out per JSON line in: the digest (or, with a plugged-in format, its JSON
    documents as a list); a bad page gives {"error", "line", "url"} and the batch goes on.
    Returns 1 when any page failed. `progress` draws a bar on `errors` (a terminal)."""
    from tqdm import tqdm

    failed = done = 0
    bar = tqdm(lines, unit=" pages", file=errors or sys.stderr, disable=not progress)
    for number, line in enumerate(bar, start=1):
        if not line.strip():
            continue
        result = _batch_item(number, line, plugin, sections)
        failed += isinstance(result, dict) and "error" in result
        done += 1
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
        out.flush()
    bar.close()
    if failed:
        print(f"{failed} of {done} pages failed: their lines say why", file=errors or sys.stderr)
        return EXIT_NOT_ARTICLE
    return EXIT_OK


def _batch_item(number: int, line: str, plugin: DigestFormat | None, sections: int) -> Any:
    def error(message: str, url: object = None) -> dict[str, object]:
        where = f"line {number}" + (f" ({url})" if isinstance(url, str) and url else "")
        return {"error": f"{where}: {message}", "line": number, "url": url}

    try:
        item = json.loads(line)
    except json.JSONDecodeError as problem:
        return error(f"not JSON ({problem.msg})")
    if not isinstance(item, dict):
        return error('expected an object with an "html" string')
    url = item.get("url")
    if url is not None and not isinstance(url, str):
        return error('"url" must be a string')
    if not isinstance(item.get("html"), str):
        return error('expected an object with an "html" string', url)
    try:
        digest = digest_html(item["html"], url)
        return plugin(digest, sections).documents if plugin is not None else digest.to_dict()
    except SummarizerError as problem:
        return error(str(problem), url)
    except Exception as problem:  # one broken page must not stop the batch
        logging.getLogger(__name__).exception("line %d failed", number)
        return error(f"internal error ({type(problem).__name__})", url)


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
