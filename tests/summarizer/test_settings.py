"""summarizer/settings.py: the programs read SKIM_FETCH_* once; the library reads none."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.net.fetcher import Fetcher
from summarizer.settings import SettingsError, read_fetch_settings


def test_settings_read_comma_separated_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """SKIM_FETCH_ALLOW_NETWORKS and SKIM_FETCH_ALLOW_PORTS are comma-separated lists."""
    monkeypatch.setenv("SKIM_FETCH_ALLOW_NETWORKS", "127.0.0.0/8, 10.1.0.0/16,fd00::/8")
    monkeypatch.setenv("SKIM_FETCH_ALLOW_PORTS", "80,443, 8080")
    monkeypatch.setenv("SKIM_FETCH_DEADLINE_S", "3.5")
    settings = read_fetch_settings(env_file=None)
    assert [str(net) for net in settings.allow_networks] == [
        "127.0.0.0/8",
        "10.1.0.0/16",
        "fd00::/8",
    ]
    assert settings.allow_ports == (80, 443, 8080)
    assert settings.deadline_s == 3.5


def test_a_dotenv_file_is_read_and_the_environment_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Values come from the given .env file; a variable set in the environment overrides it."""
    env_file = tmp_path / ".env"
    env_file.write_text("SKIM_FETCH_DEADLINE_S=7\nSKIM_FETCH_MAX_REDIRECTS=2\n", encoding="utf-8")
    monkeypatch.setenv("SKIM_FETCH_MAX_REDIRECTS", "3")
    settings = read_fetch_settings(env_file)
    assert (settings.deadline_s, settings.max_redirects) == (7.0, 3)


def test_a_bad_value_names_its_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """One line naming the variable and what it accepts."""
    monkeypatch.setenv("SKIM_FETCH_DEADLINE_S", "abc")
    with pytest.raises(SettingsError) as caught:
        read_fetch_settings(env_file=None)
    assert caught.value.name == "SKIM_FETCH_DEADLINE_S"
    assert str(caught.value).startswith("invalid setting SKIM_FETCH_DEADLINE_S: ")
    assert "\n" not in str(caught.value)


async def test_the_fetcher_reads_no_environment(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """`Fetcher()` takes its defaults, whatever the environment or a .env file say."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("SKIM_FETCH_DEADLINE_S=1\n", encoding="utf-8")
    monkeypatch.setenv("SKIM_FETCH_MAX_REDIRECTS", "1")
    async with Fetcher() as fetcher:
        assert (fetcher.settings.deadline_s, fetcher.settings.max_redirects) == (15.0, 5)
