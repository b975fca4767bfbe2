"""Settings read from the environment and a `.env` file, for Skim's programs.

The library itself reads no environment: `Fetcher(FetchSettings(...))` takes plain values.
The programs (the `skim` command, the bot) build their settings here, once, at start.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from summarizer.net.fetcher import FetchSettings

S = TypeVar("S", bound=BaseSettings)

# The checkout Skim runs from: its `.env` is read whatever the current folder is.
PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(Exception):
    """A setting has a value Skim cannot use; the message names it in one line."""

    def __init__(self, message: str, name: str) -> None:
        super().__init__(message)
        self.name = name  # the environment variable at fault


class FetchEnvironment(BaseSettings, FetchSettings):
    """`FetchSettings` read from `SKIM_FETCH_*` variables (e.g. `SKIM_FETCH_DEADLINE_S=15`)."""

    model_config = SettingsConfigDict(
        env_prefix="SKIM_FETCH_", env_file_encoding="utf-8", extra="ignore", frozen=True
    )


def env_name(settings_class: type[BaseSettings], field: str) -> str:
    """The environment variable a field of `settings_class` is read from."""
    info = settings_class.model_fields.get(field)
    alias = info.validation_alias if info is not None else None
    if isinstance(alias, str):
        return alias
    if alias is not None and hasattr(alias, "choices"):
        return str(alias.choices[0])
    prefix = str(settings_class.model_config.get("env_prefix", ""))
    return f"{prefix}{field}".upper()


def read_settings(settings_class: type[S], env_file: Path | None) -> S:
    """`settings_class` from the environment and `env_file`; a bad value raises SettingsError
    naming its variable and what it accepts."""
    build: Callable[..., S] = settings_class
    try:
        return build(_env_file=env_file)
    except ValidationError as error:
        problem = error.errors()[0]
        where = problem.get("loc", ())
        field = str(where[0]) if where else ""
        name = env_name(settings_class, field) if field else settings_class.__name__
        value = problem.get("input")
        shown = f" (got {value!r})" if isinstance(value, str | int | float) and value != "" else ""
        message = f"invalid setting {name}: {problem.get('msg', 'invalid value')}{shown}"
        raise SettingsError(message, name) from None


def project_env_file() -> Path:
    """The `.env` the programs read unless told otherwise (`--env-file`): the one in the
    project folder, whatever the current folder; an installed copy without the project (a
    wheel, the Docker image) reads `.env` in the current folder."""
    if (PROJECT_ROOT / "pyproject.toml").is_file():
        return PROJECT_ROOT / ".env"
    return Path(".env")


def read_fetch_settings(env_file: Path | None) -> FetchSettings:
    """The fetcher's limits from `SKIM_FETCH_*` and `env_file` (None: the environment only)."""
    return read_settings(FetchEnvironment, env_file)
