"""A test-only hook for the hostile phase's `--stall` run: a page that never finishes.

bot_main.py installs `digest_or_stall` as the bot's worker function when SKIM_LOAD_STALL is
set; the worker imports this module (the function is sent by name), so it stays small.
"""

from __future__ import annotations

import time

from bot.pool import digest_page
from summarizer import Digest

STALL_SETTING = "SKIM_LOAD_STALL"
STALL_MARKER = "<!-- skim-load: stall this page -->"
STALL_S = 600.0


def digest_or_stall(html: str, url: str | None) -> Digest:
    """A page carrying the marker sleeps (the pool's deadline ends it); any other page is
    digested as usual."""
    if STALL_MARKER in html:
        time.sleep(STALL_S)
    return digest_page(html, url)
