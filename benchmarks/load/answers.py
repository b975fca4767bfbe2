"""What came back: the bot's REST calls, filed as they are recorded under what they answer."""

from __future__ import annotations

import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from benchmarks.load.events import Sent
from sandbox.discord_server import RecordedRequest

_REPLY_PATH = re.compile(r"^/channels/\d+/messages$")
_TYPING_PATH = re.compile(r"^/channels/\d+/typing$")
_REACTION_PATH = re.compile(r"^/channels/\d+/messages/(\d+)/reactions/")
_CALLBACK_PATH = re.compile(r"^/interactions/(\d+)/([^/]+)/callback$")
_ORIGINAL_PATH = re.compile(r"^/webhooks/\d+/([^/]+)/messages/@original$")
_FOLLOWUP_PATH = re.compile(r"^/webhooks/\d+/([^/]+)$")


@dataclass
class Answers:
    """The bot's REST calls after the warm-up, sorted by what they answer, each with its time.

    `record` is the fake's subscriber (`DiscordFake.subscribe`), so each call is filed once as
    it comes, and waiting for the bot costs this process (which shares the cores with the bot)
    nothing per poll.
    """

    replies: dict[int, list[tuple[float, list[str]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    reactions: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    callbacks: dict[int, list[tuple[float, int]]] = field(default_factory=lambda: defaultdict(list))
    edits: dict[str, list[tuple[float, list[str]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    deletions: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    followups: dict[str, list[tuple[float, str, list[str]]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    typing: int = 0
    unexpected: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)

    def record(self, request: RecordedRequest) -> None:
        """File the call under what it answers, timed now; anything else is unexpected."""
        at = time.perf_counter()
        if request.status >= 400:
            self.failed.append(str(request))
        path, method, body = request.path, request.method, request.json
        if method == "POST" and _TYPING_PATH.match(path):
            self.typing += 1
        elif method == "POST" and _REPLY_PATH.match(path) and (body or {}).get("message_reference"):
            referenced = int(body["message_reference"]["message_id"])
            self.replies[referenced].append((at, embed_urls(body)))
        elif method == "PUT" and (match := _REACTION_PATH.match(path)):
            self.reactions[int(match[1])] += 1
        elif method == "POST" and (match := _CALLBACK_PATH.match(path)):
            self.callbacks[int(match[1])].append((at, int((body or {}).get("type", 0))))
        elif method == "PATCH" and (match := _ORIGINAL_PATH.match(path)):
            self.edits[match[1]].append((at, embed_urls(body)))
        elif method == "DELETE" and (match := _ORIGINAL_PATH.match(path)):
            self.deletions[match[1]] += 1
        elif method == "POST" and (match := _FOLLOWUP_PATH.match(path)):
            content = str((body or {}).get("content") or "")
            self.followups[match[1]].append((at, content, embed_urls(body)))
        else:
            self.unexpected.append(str(request))

    def came_for(self, sent: Sent) -> bool:
        """Whether the answer `sent` waits for has come: a reply to a message that holds an
        article, an edit or followup for an interaction (the judge checks what is in them)."""
        if sent.token:
            return sent.token in self.edits or sent.token in self.followups
        return not sent.articles or sent.message_id in self.replies


@dataclass
class Observed:
    """Everything one run produced: what was sent, what came back, what the bot reported."""

    answers: Answers = field(default_factory=Answers)
    sent: list[Sent] = field(default_factory=list)
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)  # per window, from the bot
    # Each window's report from each bot process, when there are several (the scale-out run).
    process_reports: list[dict[str, Any]] = field(default_factory=list)
    fetches: dict[str, int] = field(default_factory=dict)  # origin requests per phase
    problems: list[str] = field(default_factory=list)  # phases that timed out, a bad exit
    load_before: float = 0.0  # the machine's load average when the run began
    run_time_s: float = 0.0


def embed_urls(body: Any) -> list[str]:
    """The page URLs of a message body's digests."""
    embeds = (body or {}).get("embeds") or []
    # A long digest continues in embeds without a URL; only its first embed names the page.
    return [str(embed["url"]) for embed in embeds if embed.get("url")]


def reply_reference(request: RecordedRequest) -> int | None:
    """The id of the message a bot post replies to (None for anything else)."""
    if request.method != "POST" or not isinstance(request.json, dict):
        return None
    reference = request.json.get("message_reference")
    return int(reference["message_id"]) if reference else None
