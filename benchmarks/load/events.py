"""What the benchmark injected: one `Sent` per message or interaction, as phases return them."""

from __future__ import annotations

from dataclasses import dataclass

from benchmarks.load.pages import Link


@dataclass
class Sent:
    """One injected message or interaction: its phase, when it was sent, what it asks for."""

    phase: str
    at: float
    links: tuple[Link, ...]
    message_id: int = 0
    interaction_id: int = 0
    token: str = ""
    cached: bool = False  # its links were asked for before: timed only if all came from cache

    @property
    def articles(self) -> set[str]:
        return {link.url for link in self.links if link.is_article}
