"""Skim's Discord side: it adapts the summarizer's digests to Discord and nothing else."""

from __future__ import annotations

import logging

logging.getLogger(__name__).addHandler(logging.NullHandler())
