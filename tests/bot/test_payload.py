"""bot/payload.py: the embed output format, plugged into the engine's command line."""

from __future__ import annotations

import json
import subprocess
import sys

from bot.payload import embed_format
from summarizer import digest_html
from summarizer.formats import load_format, plugged_formats
from tests.helpers import FIXTURES, ROOT

URL = "https://example.org/lavrov"


def test_embed_is_a_plugged_in_format_of_the_engine() -> None:
    """The bot registers `embed` under the engine's entry-point group."""
    assert "embed" in plugged_formats()
    assert load_format("embed") is embed_format


def test_sizes_are_counted_against_discords_limits() -> None:
    """The summary line gives the characters Discord counts, per part, with each limit."""
    digest = digest_html((FIXTURES / "seed_h2.html").read_bytes(), URL)
    formatted = embed_format(digest)
    [payload] = formatted.documents
    embed = payload["embeds"][0]
    author = (embed.get("author") or {}).get("name") or ""
    assert author and f"author {len(author)}/256" in formatted.summary
    counted = (
        len(author)
        + len(embed["title"])
        + len(embed["description"])
        + sum(len(f["name"]) + len(f["value"]) for f in embed["fields"])
        + len(embed["footer"]["text"])
    )
    assert f"{counted}/6000 characters" in formatted.summary
    assert f"title {len(embed['title'])}/256" in formatted.summary
    assert f"6 fields (largest value {max(len(f['value']) for f in embed['fields'])}/1024)" in (
        formatted.summary
    )
    size = len(json.dumps(payload, ensure_ascii=False).encode())
    assert f"{size} bytes of JSON" in formatted.summary
    assert payload["allowed_mentions"] == {"parse": [], "replied_user": False}


def test_the_command_line_prints_the_payload_and_sizes_without_importing_the_bot_first() -> None:
    """`python -m summarizer PAGE --format embed` prints the JSON on stdout and the sizes on
    stderr; listing the formats imports no bot module (the engine never imports the bot)."""
    page = str(FIXTURES / "seed_h2.html")
    result = subprocess.run(
        [sys.executable, "-m", "summarizer", page, "--url", URL, "--format", "embed"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["embeds"][0]["url"] == URL
    assert result.stderr.startswith("sizes: 1 message(s): 1 embed(s), ")
    probe = (
        "import sys; from summarizer.cli import build_parser; build_parser(); "
        "print(sorted(m for m in sys.modules if m == 'bot' or m.startswith('bot.')))"
    )
    imported = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert imported.stdout.strip() == "[]", imported.stderr


def test_embed_shows_as_many_sections_as_the_card() -> None:
    """`--sections N` reaches the embed format as it reaches the server setting."""
    digest = digest_html((FIXTURES / "seed_h2.html").read_bytes(), URL)
    [six] = embed_format(digest, 6).documents
    [two] = embed_format(digest, 2).documents
    assert len(two["embeds"][0]["fields"]) < len(six["embeds"][0]["fields"])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "summarizer",
            str(FIXTURES / "seed_h2.html"),
            "--url",
            URL,
            "--format",
            "embed",
            "--sections",
            "2",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert json.loads(result.stdout) == two
