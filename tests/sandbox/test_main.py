"""`python -m sandbox` (what `make sandbox` runs): it says where the page is, runs the bot, and
stops cleanly; a port in use is one line saying what to do."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from tests.helpers import ROOT


def _state(url: str) -> dict[str, object]:
    with urllib.request.urlopen(url + "api/state", timeout=5) as answer:
        data: dict[str, object] = json.load(answer)
        return data


def test_sandbox_starts_says_where_and_stops_on_sigterm() -> None:
    """The first line names the page; the bot comes online; SIGTERM ends it with exit 0."""
    process = subprocess.Popen(
        [sys.executable, "-m", "sandbox", "--port", "0", "--log-level", "WARNING"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | {"PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        synced = process.stdout.readline()
        assert synced.startswith("Synced 3 commands to server"), synced
        line = process.stdout.readline()
        found = re.search(r"open (http://127\.0\.0\.1:\d+/)", line)
        assert found is not None, line
        assert "offline" in line
        deadline = time.monotonic() + 60
        while not _state(found.group(1))["bot_ready"]:
            assert time.monotonic() < deadline, "the bot never came online"
            time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
        assert process.returncode == 0, stderr
        assert "Traceback" not in stderr
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_port_in_use_is_one_line() -> None:
    """A taken port ends in one line naming the port and the --port flag, exit 1."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "sandbox", "--port", str(port), "--log-level", "WARNING"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines == [
        f"sandbox: cannot listen on 127.0.0.1:{port} (Address already in use): "
        "pass --port N, or --port 0 for any free port"
    ], result.stderr
