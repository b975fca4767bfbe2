"""Small text helpers shared by the engine's modules."""

from __future__ import annotations

import re

_WHITESPACE = re.compile(r"\s+")  # str patterns match NBSP and the ideographic space too


def normalise_space(text: str) -> str:
    """Collapse every run of whitespace (including NBSP and ideographic space) to one space."""
    return _WHITESPACE.sub(" ", text).strip()
