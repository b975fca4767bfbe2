"""Shared fixtures: a local web origin, and the allow-list that lets the fetcher reach it; and
no test reads the developer's own `.env`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from testkit.web_origin import WebOrigin

# Real Redis and PostgreSQL servers (`redis_server`, `postgres_server`) for the tests that need
# them; skipped with one line when they are not installed (failed under CI=true).
pytest_plugins = ["testkit.servers"]


@pytest.fixture
async def web_origin() -> AsyncIterator[WebOrigin]:
    """A real HTTP origin on 127.0.0.1 (ephemeral port), serving pages and hostile behaviours."""
    async with WebOrigin() as origin:
        yield origin


@pytest.fixture
def allow_loopback(monkeypatch: pytest.MonkeyPatch, web_origin: WebOrigin) -> WebOrigin:
    """Exempt 127.0.0.0/8 and the origin's port from the fetch policy: how tests reach it."""
    monkeypatch.setenv("SKIM_FETCH_ALLOW_NETWORKS", "127.0.0.0/8")
    monkeypatch.setenv("SKIM_FETCH_ALLOW_PORTS", f"80,443,{web_origin.port}")
    return web_origin


@pytest.fixture(autouse=True)
def no_project_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """In-process, the "project folder" is an empty one (no pyproject.toml), so the programs
    read `.env` in the current folder: a test's own, never the developer's real settings."""
    folder = tmp_path_factory.mktemp("no-project")
    monkeypatch.setattr("summarizer.settings.PROJECT_ROOT", folder)
    return folder
