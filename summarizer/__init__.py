"""Skim's engine: article page -> sectioned extractive digest. Pure; never imports the bot."""

from __future__ import annotations

import logging

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
from summarizer.pipeline import DigestSettings, digest_html, digest_url

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
    "digest_url",
]
