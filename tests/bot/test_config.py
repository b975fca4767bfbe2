"""bot/config.py: one settings tree from the environment and .env, typed, documented defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import SettingsError, load_settings
from tests.helpers import ROOT

ENV_NAMES = [
    "DISCORD_TOKEN",
    "SKIM_DB_PATH",
    "SKIM_AUTO_MODE",
    "SKIM_MAX_LINKS_PER_MESSAGE",
    "SKIM_CACHE_TTL_HOURS",
    "SKIM_DEV_GUILD_ID",
    "LOG_LEVEL",
    "SKIM_LOG_LEVEL",
    "DISCORD_API_BASE",
    "DISCORD_GATEWAY_URL",
    "SKIM_USER_LINKS_PER_MINUTE",
    "SKIM_GUILD_CONCURRENCY",
    "SKIM_WORKERS",
    "SKIM_DATABASE_URL",
    "SKIM_REDIS_URL",
    "SKIM_REDIS_PREFIX",
    "SKIM_SHARD_COUNT",
    "SKIM_SHARD_IDS",
]


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No inherited settings and no stray .env: each test sets what it reads."""
    for name in ENV_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)


def test_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the token is required; everything else has the documented default."""
    monkeypatch.setenv("DISCORD_TOKEN", "secret-token")
    settings = load_settings(Path(".env"))
    assert settings.discord.token.get_secret_value() == "secret-token"
    assert "secret-token" not in repr(settings)
    assert settings.fetch.deadline_s == 15.0
    assert settings.store.db_path == Path("skim.db")
    assert settings.replies.auto_mode == "all"
    assert settings.replies.max_links_per_message == 3
    assert settings.store.cache_ttl_hours == 24
    assert settings.store.cache_ttl_seconds == 24 * 3600
    assert settings.discord.dev_guild_id is None
    assert settings.log.level == "INFO"
    assert settings.discord.api_base == "https://discord.com/api/v10"
    assert settings.discord.gateway_url is None
    assert (
        settings.replies.user_links_per_minute,
        settings.replies.guild_concurrency,
        settings.workers.workers,
    ) == (
        5,
        2,
        1,
    )


def test_every_setting_reads_its_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each documented variable reaches its field, typed."""
    values = {
        "DISCORD_TOKEN": "t",
        "SKIM_DB_PATH": "/data/skim.db",
        "SKIM_AUTO_MODE": "channels",
        "SKIM_MAX_LINKS_PER_MESSAGE": "5",
        "SKIM_CACHE_TTL_HOURS": "1.5",
        "SKIM_DEV_GUILD_ID": "123456789012345678",
        "LOG_LEVEL": "DEBUG",
        "DISCORD_API_BASE": "http://127.0.0.1:9/api/v10",
        "DISCORD_GATEWAY_URL": "ws://127.0.0.1:9/gateway",
        "SKIM_USER_LINKS_PER_MINUTE": "9",
        "SKIM_GUILD_CONCURRENCY": "4",
        "SKIM_WORKERS": "1",
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    settings = load_settings(Path(".env"))
    assert settings.store.db_path == Path("/data/skim.db")
    assert settings.replies.auto_mode == "channels"
    assert settings.replies.max_links_per_message == 5
    assert settings.store.cache_ttl_hours == 1.5
    assert settings.discord.dev_guild_id == 123456789012345678
    assert settings.log.level == "DEBUG"
    assert settings.discord.api_base == "http://127.0.0.1:9/api/v10"
    assert settings.discord.gateway_url == "ws://127.0.0.1:9/gateway"
    assert (
        settings.replies.user_links_per_minute,
        settings.replies.guild_concurrency,
        settings.workers.workers,
    ) == (
        9,
        4,
        1,
    )


def test_dotenv_file_is_read(tmp_path: Path) -> None:
    """The .env file given is read; the environment is not needed."""
    (tmp_path / ".env").write_text(
        "DISCORD_TOKEN=from-dotenv\nSKIM_AUTO_MODE=off\n", encoding="utf-8"
    )
    settings = load_settings(Path(".env"))
    assert settings.discord.token.get_secret_value() == "from-dotenv"
    assert settings.replies.auto_mode == "off"


def test_missing_token_is_an_error() -> None:
    """Without DISCORD_TOKEN the settings do not validate."""
    with pytest.raises(SettingsError) as caught:
        load_settings(Path(".env"))
    assert caught.value.name == "DISCORD_TOKEN"


def test_empty_token_is_an_error(tmp_path: Path) -> None:
    """`DISCORD_TOKEN=` left blank (as .env.example ships it) is refused like a missing one."""
    (tmp_path / ".env").write_text("DISCORD_TOKEN=\n", encoding="utf-8")
    with pytest.raises(SettingsError) as caught:
        load_settings(Path(".env"))
    assert caught.value.name == "DISCORD_TOKEN"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SKIM_AUTO_MODE", "sometimes"),
        ("SKIM_MAX_LINKS_PER_MESSAGE", "0"),
        ("SKIM_MAX_LINKS_PER_MESSAGE", "11"),
        ("SKIM_CACHE_TTL_HOURS", "-1"),
        ("SKIM_WORKERS", "0"),
        ("SKIM_DATABASE_URL", "mysql://db/skim"),
        ("SKIM_REDIS_URL", "http://cache:6379"),
        ("SKIM_SHARD_COUNT", "0"),
    ],
)
def test_bad_values_are_refused(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    """Out-of-range or unknown values fail at start rather than misbehave later."""
    monkeypatch.setenv("DISCORD_TOKEN", "t")
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(Path(".env"))
    assert caught.value.name == name
    assert str(caught.value).startswith(f"invalid setting {name}: ")


def test_env_example_lists_every_setting() -> None:
    """`.env.example` documents every variable the bot and the fetcher read."""
    from summarizer.net.fetcher import FetchSettings

    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    bot_names = [name for name in ENV_NAMES if name != "SKIM_LOG_LEVEL"]
    fetch_names = [f"SKIM_FETCH_{name.upper()}" for name in FetchSettings.model_fields]
    for name in bot_names + fetch_names:
        assert f"{name}=" in example, name


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("SKIM_FETCH_DEADLINE_S", "abc"),
        ("SKIM_FETCH_ALLOW_PORTS", "80,https"),
        ("SKIM_FETCH_ALLOW_NETWORKS", "10.0.0.0/33"),
        ("SKIM_FETCH_MAX_BODY_BYTES", "0"),
    ],
)
def test_bad_fetch_settings_are_refused_with_their_name(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    """The fetcher's settings are part of the tree: a bad one fails at start, named."""
    monkeypatch.setenv("DISCORD_TOKEN", "t")
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings(Path(".env"))
    assert caught.value.name == name


def test_fetch_settings_are_read_into_the_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """SKIM_FETCH_* variables reach settings.fetch, typed."""
    monkeypatch.setenv("DISCORD_TOKEN", "t")
    monkeypatch.setenv("SKIM_FETCH_DEADLINE_S", "3.5")
    monkeypatch.setenv("SKIM_FETCH_ALLOW_PORTS", "80,443,8080")
    settings = load_settings(Path(".env"))
    assert settings.fetch.deadline_s == 3.5
    assert settings.fetch.allow_ports == (80, 443, 8080)


@pytest.mark.parametrize(
    ("count", "ids", "problem"),
    [
        (None, "0,1", "needs SKIM_SHARD_COUNT"),
        ("4", "0,4", "from 0 to 3"),
        ("4", "1,1", "distinct"),
        ("4", "0,x", "invalid setting SKIM_SHARD_IDS"),
    ],
)
def test_shard_ids_must_fit_the_count(
    monkeypatch: pytest.MonkeyPatch, count: str | None, ids: str, problem: str
) -> None:
    """Shard ids without a count, out of range or repeated are refused, naming SKIM_SHARD_IDS."""
    monkeypatch.setenv("DISCORD_TOKEN", "t")
    if count is not None:
        monkeypatch.setenv("SKIM_SHARD_COUNT", count)
    monkeypatch.setenv("SKIM_SHARD_IDS", ids)
    with pytest.raises(SettingsError) as caught:
        load_settings(Path(".env"))
    assert caught.value.name == "SKIM_SHARD_IDS" and problem in str(caught.value)


def test_scale_out_settings_are_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shards, Redis and PostgreSQL settings land in the tree; unset, Skim is one process."""
    monkeypatch.setenv("DISCORD_TOKEN", "t")
    alone = load_settings(Path(".env"))
    assert not alone.shards.sharded and alone.redis.url is None
    assert alone.store.database_url is None
    monkeypatch.setenv("SKIM_SHARD_COUNT", "4")
    monkeypatch.setenv("SKIM_SHARD_IDS", "2, 3")
    monkeypatch.setenv("SKIM_REDIS_URL", "redis://:pw@cache:6379/0")
    monkeypatch.setenv("SKIM_DATABASE_URL", "postgresql://skim:pw@db/skim")
    settings = load_settings(Path(".env"))
    assert (settings.shards.count, settings.shards.ids) == (4, (2, 3))
    assert settings.redis.url is not None and settings.store.database_url is not None
    assert "pw" not in repr(settings)  # both URLs may hold passwords
