"""Headless Chromium for the browser tests: Debian's `chromium` driven by Playwright's Python
package (never a browser Playwright downloads), with a fresh profile and nothing phoning home."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_ENV = "SKIM_CHROMIUM"
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")
# Headless, no GPU, no first-run page, and no background traffic (updates, sync, QUIC probes):
# the tests talk to 127.0.0.1 only.
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
HOW_TO_GET = (
    "no Chromium for the browser tests: `apt-get install chromium` (Debian's package, at "
    f"/usr/bin/chromium) or point {CHROMIUM_ENV} at one; Playwright comes with `.[dev]`"
)


def chromium_path() -> Path | None:
    """The Chromium to drive: $SKIM_CHROMIUM, else /usr/bin/chromium, else one on PATH."""
    configured = os.environ.get(CHROMIUM_ENV)
    if configured:
        return Path(configured) if Path(configured).is_file() else None
    if DEFAULT_CHROMIUM.is_file():
        return DEFAULT_CHROMIUM
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def missing_browser() -> str | None:
    """Why the browser tests cannot run here (None when they can)."""
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return HOW_TO_GET
    return HOW_TO_GET if chromium_path() is None else None


def in_ci() -> bool:
    """CI sets CI=true: there a missing browser fails the run instead of skipping tests."""
    return os.environ.get("CI", "").lower() == "true"
