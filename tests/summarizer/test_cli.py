"""`python -m summarizer`: outputs, exit codes and one-line errors on every failure path."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer.cli import main, run_batch
from testkit.web_origin import WebOrigin
from tests.helpers import FIXTURES, page, paragraph

SEED = FIXTURES / "seed_h2.html"


def run_cli(
    *args: str, stdin: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def one_error_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("error: "), stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_file_default_format_is_a_card(capsys: pytest.CaptureFixture[str]) -> None:
    """The default rendering shows headline, subheadings, claims and the tag footer."""
    assert main([str(SEED)]) == 0
    out = capsys.readouterr().out
    assert "Why Does Russia See NATO as a Direct Threat?" in out
    assert "▸ Arms Race and Public Sentiment" in out
    assert "#NATO #Russia #Sergei Lavrov" in out


def test_json_format_is_to_dict(capsys: pytest.CaptureFixture[str]) -> None:
    """--format json prints the digest's to_dict() object."""
    assert main([str(SEED), "--format", "json", "--url", "https://example.org/a"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["url"] == "https://example.org/a"
    assert len(data["sections"]) == 7
    assert data["tags"] == ["NATO", "Russia", "Sergei Lavrov"]


def test_markdown_format(capsys: pytest.CaptureFixture[str]) -> None:
    """--format markdown links the headline and bolds the subheadings."""
    assert main([str(SEED), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("## [Why Does Russia See NATO")
    assert "**Openness to Dialogue—With Conditions**" in out


def test_stdin_with_url() -> None:
    """`-` reads the page from stdin; --url gives its address."""
    result = run_cli(
        "-", "--url", "https://example.org/x", "--format", "json", stdin=SEED.read_text("utf-8")
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["url"] == "https://example.org/x"


def test_not_an_article_exits_1(tmp_path: Path) -> None:
    """A page with no article prints one error line and exits 1."""
    stub = tmp_path / "stub.html"
    stub.write_text("<html><body><p>Nothing here.</p></body></html>")
    result = run_cli(str(stub))
    assert result.returncode == 1
    assert "not an article" in one_error_line(result.stderr)


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["--format", "yaml", "x.html"],
        ["--batch", "x.html"],
        ["no-such-file.html"],
        ["ftp://example.org/file"],
        ["https://example.org/", "--url", "https://example.org/other"],
        ["--no-such-flag"],
    ],
)
def test_usage_errors_exit_2_with_one_line(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """Usage mistakes print one `error:` line on stderr and exit 2."""
    assert main(args) == 2
    one_error_line(capsys.readouterr().err)


def test_blocked_address_exits_3_naming_it() -> None:
    """The metadata endpoint is refused before any connection, naming the address."""
    result = run_cli("http://169.254.169.254/latest/meta-data/")
    assert result.returncode == 3
    line = one_error_line(result.stderr)
    assert "169.254.169.254" in line


async def test_fetch_failure_exits_3(allow_loopback: WebOrigin) -> None:
    """A 404 from the origin is a fetch failure: exit 3, one line."""
    import os

    env = dict(os.environ)
    result = await _run_async(allow_loopback.url("/missing-page"), env)
    assert result.returncode == 3
    assert "404" in one_error_line(result.stderr)


async def test_fetches_and_digests_a_url(allow_loopback: WebOrigin) -> None:
    """An http URL is fetched through the guarded fetcher and digested."""
    import os

    url = allow_loopback.add_page("/seed", SEED.read_bytes())
    result = await _run_async(url, dict(os.environ), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["title"].startswith("Why Does Russia See NATO")
    assert data["url"] == url


async def _run_async(
    url: str, env: dict[str, str], *extra: str
) -> subprocess.CompletedProcess[str]:
    import asyncio

    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "summarizer",
        url,
        *extra,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    return subprocess.CompletedProcess([url], process.returncode or 0, out.decode(), err.decode())


def test_batch_never_stops_on_a_bad_page() -> None:
    """--batch answers every line: a digest, or {"error": ...} for a bad page or bad JSON."""
    good = json.dumps({"html": SEED.read_text("utf-8"), "url": "https://example.org/a"})
    short = json.dumps({"html": "<p>tiny</p>"})
    lines = "\n".join([good, "{not json", short, json.dumps({"url": "x"}), good]) + "\n"
    out = io.StringIO()
    assert run_batch(io.StringIO(lines), out) == 0
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == 5
    assert (
        results[0]["title"].startswith("Why Does Russia")
        and results[4]["title"] == results[0]["title"]
    )
    assert "not JSON" in results[1]["error"]
    assert results[2]["error"].startswith("not an article")
    assert "html" in results[3]["error"]


def test_batch_through_the_real_process() -> None:
    """The --batch flag wires stdin to stdout in the real command."""
    body = page(f"<p>{paragraph(0)}</p><p>{paragraph(3)}</p>")
    result = run_cli("--batch", stdin=json.dumps({"html": body}) + "\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"] == "Council debates the new budget"


def test_closed_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    """`python -m summarizer --batch < pages | head` ends quietly when head closes the pipe."""
    line = json.dumps({"html": SEED.read_text("utf-8")}) + "\n"
    pages = tmp_path / "pages.jsonl"
    pages.write_text(line * 40)  # far more output than a pipe buffer holds
    result = subprocess.run(
        f"'{sys.executable}' -m summarizer --batch < '{pages}' | head -c 10",
        shell=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.startswith("{")
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
