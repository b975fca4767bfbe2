"""The running sandbox (its Discord, its page, the real bot) and a headless Chromium on it.

One sandbox per test module (modules set `pytestmark = pytest.mark.asyncio(loop_scope="module")`);
the browser tests skip with one line saying how to get Chromium, or fail when CI=true.
"""

from __future__ import annotations

import logging
import os
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from sandbox.run import Sandbox, SandboxOptions
from testkit.browser import CHROMIUM_FLAGS, chromium_path, in_ci, missing_browser

SCREENSHOT_DIR_ENV = "SKIM_SCREENSHOT_DIR"


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def sandbox() -> AsyncIterator[Sandbox]:
    """The sandbox on a free port, offline, with the bundled examples and a fresh database."""
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    async with Sandbox(SandboxOptions(port=0, log_level="WARNING")) as running:
        yield running


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Any]:
    """Debian's Chromium, headless, with a fresh profile (modules using it call
    `need_browser()` first)."""
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        context = await playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=str(chromium_path()),
            headless=True,
            args=list(CHROMIUM_FLAGS),
            viewport={"width": 1280, "height": 960},
        )
        try:
            yield context
        finally:
            await context.close()


@pytest_asyncio.fixture(loop_scope="module")
async def page(browser: Any, sandbox: Sandbox) -> AsyncIterator[Any]:
    """A fresh tab on the sandbox page, once Skim shows as online."""
    tab = await browser.new_page()
    await tab.goto(sandbox.url)
    await tab.wait_for_selector("#bot-status.ready")
    try:
        yield tab
    finally:
        await tab.close()


def need_browser() -> None:
    """At the top of a browser test module: without Chromium the module is skipped, in one
    line saying how to get it; with CI=true it fails the run instead."""
    problem = missing_browser()
    if problem is None:
        return
    if in_ci():
        pytest.fail(f"CI=true and {problem}", pytrace=False)
    pytest.skip(problem, allow_module_level=True)


def screenshot_path(tmp_path: Path, name: str) -> Path:
    """Where a test saves its screenshot: $SKIM_SCREENSHOT_DIR (`make screenshot` sets docs/),
    else the test's own temporary folder."""
    folder = os.environ.get(SCREENSHOT_DIR_ENV)
    return (Path(folder) if folder else tmp_path) / name
