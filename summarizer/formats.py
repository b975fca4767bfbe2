"""Output formats the command line finds by entry point (group `skim.formats`).

The engine knows text, Markdown and JSON itself. Other packages add formats without the engine
importing them: the bot registers `embed` (the exact message payload it would post), so
`python -m summarizer page.html --format embed` works while `summarizer` never imports `bot`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any

from summarizer.model import Digest

FORMAT_GROUP = "skim.formats"


@dataclass(frozen=True, slots=True)
class FormattedDigest:
    """A digest in a plugged-in format: JSON documents for stdout (one per message, say) and
    one line for stderr about them (their sizes, say)."""

    documents: list[Any]
    summary: str = ""


# A format is called with the digest and how many sections its card shows (`--sections`).
DigestFormat = Callable[[Digest, int], FormattedDigest]


def plugged_formats() -> list[str]:
    """The names of the formats installed packages add (nothing is imported to list them)."""
    return sorted({entry.name for entry in entry_points(group=FORMAT_GROUP)})


def load_format(name: str) -> DigestFormat:
    """The plugged-in format `name` (imported only now); KeyError if no package adds it."""
    for entry in entry_points(group=FORMAT_GROUP):
        if entry.name == name:
            loaded: DigestFormat = entry.load()
            return loaded
    raise KeyError(name)
