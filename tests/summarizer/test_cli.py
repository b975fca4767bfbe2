"""`python -m summarizer`: outputs, exit codes and one-line errors on every failure path."""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import io
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from summarizer import __version__
from summarizer.cli import MAX_FILE_BYTES, build_parser, main, run_batch
from testkit.web_origin import WebOrigin
from tests.helpers import FIXTURES, page, paragraph

SEED = FIXTURES / "seed_h2.html"
RFC_LIKE = FIXTURES / "rfc_like.txt"


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
    """--batch answers every line: a digest, or {"error", "line", "url"} for a bad page or bad
    JSON, the error naming the line and URL; any failure makes the exit code 1."""
    good = json.dumps({"html": SEED.read_text("utf-8"), "url": "https://example.org/a"})
    short = json.dumps({"html": "<p>tiny</p>", "url": "https://example.org/tiny"})
    lines = "\n".join([good, "{not json", short, json.dumps({"url": "x"}), good]) + "\n"
    out, errors = io.StringIO(), io.StringIO()
    assert run_batch(io.StringIO(lines), out, errors=errors) == 1
    results = [json.loads(line) for line in out.getvalue().splitlines()]
    assert len(results) == 5
    assert (
        results[0]["title"].startswith("Why Does Russia")
        and results[4]["title"] == results[0]["title"]
    )
    assert results[1]["error"].startswith("line 2: not JSON")
    assert results[2]["error"] == (
        "line 3 (https://example.org/tiny): not an article: the page has too little text to be "
        "an article"
    )
    assert (results[2]["line"], results[2]["url"]) == (3, "https://example.org/tiny")
    assert results[3]["error"].startswith("line 4 (x): ") and "html" in results[3]["error"]
    assert errors.getvalue() == "3 of 5 pages failed: their lines say why\n"


def test_batch_of_good_pages_exits_0() -> None:
    """Every page digested: exit 0 and nothing on stderr."""
    good = json.dumps({"html": SEED.read_text("utf-8")}) + "\n"
    errors = io.StringIO()
    assert run_batch(io.StringIO(good * 2), io.StringIO(), errors=errors) == 0
    assert errors.getvalue() == ""


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


# -- the first hour: inputs people actually give, and what the command says -----------------


def test_gzipped_file_is_simply_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A saved `.html.gz` (as corpora ship pages) is unpacked and digested like the page."""
    packed = tmp_path / "page.html.gz"
    packed.write_bytes(gzip.compress(SEED.read_bytes()))
    assert main([str(packed), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"].startswith("Why Does Russia")


def test_gzip_bomb_stops_at_the_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A small file that unpacks past 50 MB is refused without unpacking it all."""
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b" " * (MAX_FILE_BYTES + 10)))
    assert main([str(bomb)]) == 2
    assert "larger than 50 MB once unpacked" in one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("packed", [False, True], ids=["txt", "txt.gz"])
def test_text_document_file_is_read_as_text(
    packed: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A `.txt` (an RFC saved from the IETF, gzipped too) is read as the fetcher reads a
    text/plain link: its numbered sections, and its '<script>' example line kept as text."""
    source = RFC_LIKE
    if packed:
        source = tmp_path / "draft.txt.gz"
        source.write_bytes(gzip.compress(RFC_LIKE.read_bytes()))
    assert main([str(source), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "The Lantern Beacon Protocol (LBP)"
    headings = [section["heading"] for section in data["sections"]]
    assert headings[1:4] == ["1. Introduction", "2. Beacon Format", "2.1. Station Names"]
    assert "<script>alert('beacon')</script> STN=NORDKAPP-3" in data["text"]


@pytest.mark.parametrize(
    ("source", "says", "code"),
    [
        ("{tmp}", "is a folder: give an HTML file, a link, or - for stdin", 2),
        ("/dev/null", "/dev/null is empty: there is no page in it", 2),
        ("{tmp}/picture.png", "is not an HTML page: it holds binary data", 2),
        ("{tmp}/notes.txt", "notes.txt is not a text document: it holds binary data", 2),
        ("{tmp}/controls.txt", "is not a text document: it holds binary data", 2),
        (
            "example.org/story",
            "no such file: example.org/story; for a web page, give the whole link: "
            "https://example.org/story",
            2,
        ),
        ("ftp://example.org/file", "only http and https links can be fetched", 3),
    ],
)
def test_misleading_inputs_get_a_line_saying_what_to_do(
    source: str, says: str, code: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder, an empty device, a binary file, a link without https://, an ftp link: each one
    line saying what is wrong, with the README's exit code (2 usage, 3 refused fetch)."""
    (tmp_path / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "notes.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "controls.txt").write_bytes(bytes(range(1, 9)) * 200)
    assert main([source.format(tmp=tmp_path)]) == code
    assert says in one_error_line(capsys.readouterr().err)


def test_blocked_loopback_names_the_setting_that_allows_it() -> None:
    """A private address is refused (exit 3) with the setting that would let Skim reach it."""
    result = run_cli("http://127.0.0.1/", env=os.environ | {"SKIM_FETCH_ALLOW_NETWORKS": ""})
    assert result.returncode == 3
    line = one_error_line(result.stderr)
    assert "blocked address: 127.0.0.1" in line and "SKIM_FETCH_ALLOW_NETWORKS" in line


def test_blocked_port_names_the_setting_that_allows_it(capsys: pytest.CaptureFixture[str]) -> None:
    """A port outside SKIM_FETCH_ALLOW_PORTS is refused before any name is resolved."""
    assert main(["http://example.invalid:8080/"]) == 3
    line = one_error_line(capsys.readouterr().err)
    assert "blocked port: example.invalid:8080" in line and "SKIM_FETCH_ALLOW_PORTS" in line


def test_project_env_is_read_from_any_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The project's .env applies whatever the current folder (a bad value in it is reported,
    which shows it was read)."""
    project = tmp_path / "project"
    project.mkdir()
    (project / "pyproject.toml").write_text("")
    (project / ".env").write_text("SKIM_FETCH_DEADLINE_S=soon\n")
    monkeypatch.setattr("summarizer.settings.PROJECT_ROOT", project)
    monkeypatch.delenv("SKIM_FETCH_DEADLINE_S", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["http://127.0.0.1:9/"]) == 2
    assert "invalid setting SKIM_FETCH_DEADLINE_S" in one_error_line(capsys.readouterr().err)


def test_env_file_flag_overrides_the_project_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--env-file is read instead; a missing one is a usage error naming it."""
    other = tmp_path / "other.env"
    other.write_text("SKIM_FETCH_MAX_REDIRECTS=many\n")
    monkeypatch.delenv("SKIM_FETCH_MAX_REDIRECTS", raising=False)
    assert main(["http://127.0.0.1:9/", "--env-file", str(other)]) == 2
    assert "SKIM_FETCH_MAX_REDIRECTS" in one_error_line(capsys.readouterr().err)
    assert main([str(SEED), "--env-file", str(tmp_path / "absent.env")]) == 2
    assert "no such env file" in one_error_line(capsys.readouterr().err)


def test_version_and_the_installed_command_name(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints Skim's version; `skim` (the installed script) names itself in --help."""
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"python -m summarizer (Skim) {__version__}"
    assert build_parser("skim").format_usage().startswith("usage: skim ")
    [script] = entry_points(group="console_scripts", name="skim")
    assert script.value == "summarizer.cli:skim"


def test_batch_refuses_a_format_it_cannot_write(capsys: pytest.CaptureFixture[str]) -> None:
    """--batch writes JSON lines: --format text is a usage error, not silently ignored."""
    assert main(["--batch", "--format", "text"]) == 2
    assert "--batch writes JSON lines" in one_error_line(capsys.readouterr().err)


def test_batch_draws_a_progress_bar_on_a_terminal() -> None:
    """With stderr on a terminal, --batch shows a progress bar there; piped, it shows none."""
    line = json.dumps({"html": SEED.read_text("utf-8")}) + "\n"
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        on_terminal = subprocess.run(
            [sys.executable, "-m", "summarizer", "--batch"],
            input=(line * 3).encode(),
            stdout=subprocess.PIPE,
            stderr=follower,
            timeout=60,
        )
        os.close(follower)
        drawn = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(leader, 65536):
                drawn += chunk
    finally:
        os.close(leader)
    assert on_terminal.returncode == 0
    assert b"3 pages" in drawn and b"pages/s" in drawn
    piped = run_cli("--batch", stdin=line * 3)
    assert piped.returncode == 0 and piped.stderr == ""


def test_card_links_the_address_given_not_the_canonical_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """As on Discord, the card shows the link that was pasted (--url), not the page's canonical
    one; without one, the canonical address is shown."""
    assert main([str(SEED), "--url", "https://pasted.example/story?ref=chat"]) == 0
    card = capsys.readouterr().out
    assert "https://pasted.example/story?ref=chat" in card
    assert "tfiglobal.com" not in card
    assert main([str(SEED)]) == 0
    assert "https://tfiglobal.com/" in capsys.readouterr().out
