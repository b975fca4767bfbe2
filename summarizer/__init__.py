"""Skim's engine: article page -> sectioned extractive digest. Pure; never imports the bot."""

from __future__ import annotations

import importlib
import logging
from typing import TYPE_CHECKING, Any

from summarizer.errors import (
    BlockedAddress,
    FetchError,
    FetchTimeout,
    HttpStatusError,
    InternalError,
    InvalidUrl,
    NotAnArticle,
    NotHtml,
    SummarizerError,
    TooLarge,
    TooManyRedirects,
)
from summarizer.model import Digest, Section

if TYPE_CHECKING:
    from summarizer.pipeline import DigestSettings, digest_html, digest_text, digest_url

# Skim's one version number (pyproject.toml reads it from here); `--version` prints it.
__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = [
    "BlockedAddress",
    "Digest",
    "DigestSettings",
    "FetchError",
    "FetchTimeout",
    "HttpStatusError",
    "InternalError",
    "InvalidUrl",
    "NotAnArticle",
    "NotHtml",
    "Section",
    "SummarizerError",
    "TooLarge",
    "TooManyRedirects",
    "__version__",
    "digest_html",
    "digest_text",
    "digest_url",
]


def __getattr__(name: str) -> Any:
    """The pipeline (lxml, readability, trafilatura, sentencex: ~30 MB) is imported when first
    asked for, so a process that only fetches or renders (the bot, beside its parsing
    workers) never loads it."""
    if name in _PIPELINE_NAMES:
        return getattr(importlib.import_module("summarizer.pipeline"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_PIPELINE_NAMES = frozenset({"DigestSettings", "digest_html", "digest_text", "digest_url"})
