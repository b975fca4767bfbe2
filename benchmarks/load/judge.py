"""Checking every answer: each article digested once where asked for; latencies, duplicates."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from benchmarks.load.answers import Answers, Observed
from benchmarks.load.events import Sent

DEFER = 5  # the interaction callback type of "thinking…" (a deferred answer)


@dataclass
class Verdict:
    """Latencies and every way the answers went wrong."""

    latency: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    timed_links: list[tuple[float, str, list[str]]] = field(default_factory=list)
    defers: list[float] = field(default_factory=list)
    interactions: int = 0
    replies_expected: int = 0
    replies_complete: int = 0
    non_replies: int = 0
    failure_notes: int = 0
    hits_with_uncached_link: int = 0
    duplicates: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def timed(self, sent: Sent, finished_at: float, urls: list[str]) -> None:
        """Count an answer complete at `finished_at`: its latency, under its phase."""
        self.replies_complete += 1
        self.latency[sent.phase].append(finished_at - sent.at)
        self.timed_links.append((finished_at - sent.at, sent.phase, urls))


def check_message(sent: Sent, answers: Answers, verdict: Verdict) -> None:
    """Each article of the message digested exactly once in its replies; nothing else."""
    replies = answers.replies.get(sent.message_id, [])
    wanted = sent.articles
    if answers.reactions.get(sent.message_id) and len(wanted) == len(sent.links):
        verdict.errors.append(f"message {sent.message_id} ({sent.phase}) got a ⚠️: a link failed")
    if not wanted:
        verdict.non_replies += 1
        if replies:
            verdict.errors.append(f"message {sent.message_id} has no article but got a reply")
        return
    verdict.replies_expected += 1
    seen = [url for _, urls in replies for url in urls]
    # The answer is complete with the last post of the reply (a long one takes two messages).
    completed_at = max(at for at, _ in replies) if wanted <= set(seen) else None
    for url in set(seen):
        if url not in wanted:
            verdict.errors.append(f"message {sent.message_id}: a digest of {url} nobody asked for")
        elif seen.count(url) > 1:
            verdict.duplicates.append(f"message {sent.message_id}: {url} x{seen.count(url)}")
    if completed_at is None:
        missing = sorted(wanted - set(seen))
        verdict.errors.append(f"message {sent.message_id} ({sent.phase}): no digest of {missing}")
        return
    if sent.cached and len(wanted) < len(sent.links):
        verdict.replies_complete += 1
        verdict.hits_with_uncached_link += 1  # a non-article is fetched again: not a pure hit
        return
    verdict.timed(sent, completed_at, sorted(wanted))


def check_command(sent: Sent, answers: Answers, verdict: Verdict) -> None:
    """One defer, then the digest in the original response (or a private note for a non-article)."""
    verdict.interactions += 1
    callbacks = answers.callbacks.get(sent.interaction_id, [])
    if [kind for _, kind in callbacks] != [DEFER]:
        verdict.errors.append(
            f"interaction {sent.interaction_id}: callbacks {callbacks}, not one defer"
        )
    if callbacks:
        verdict.defers.append(callbacks[0][0] - sent.at)
    edits = answers.edits.get(sent.token, [])
    followups = answers.followups.get(sent.token, [])
    deleted = answers.deletions.get(sent.token, 0)
    posts = [(at, urls) for at, urls in edits] + [(at, urls) for at, _, urls in followups]
    if sent.articles:
        verdict.replies_expected += 1
    else:
        verdict.failure_notes += 1
    if not posts:
        verdict.errors.append(f"interaction {sent.interaction_id}: no answer after the defer")
        return
    finished_at = max(at for at, _ in posts)
    notes = [content for _, content, _ in followups if content]
    if sent.articles:
        # The digest goes into the original response (a long one continues in a followup).
        urls = [url for _, found in posts for url in found]
        if len(urls) > 1 or len(edits) > 1:
            verdict.duplicates.append(
                f"interaction {sent.interaction_id}: {urls}, {len(edits)} edits"
            )
        if urls[:1] != [sent.links[0].url] or notes or deleted:
            verdict.errors.append(f"interaction {sent.interaction_id}: {urls}, notes {notes}")
            return
        verdict.timed(sent, finished_at, [sent.links[0].url])
        return
    # Not an article: the public "thinking…" is deleted and the asker gets a private note.
    if edits or deleted != 1 or len(notes) != 1 or "Could not digest" not in notes[0]:
        verdict.errors.append(f"interaction {sent.interaction_id}: edits {edits}, notes {notes}")
        return
    verdict.latency[f"{sent.phase} (not an article)"].append(finished_at - sent.at)


def judge(observed: Observed, bot_log_errors: list[str]) -> Verdict:
    """Check every injected event against the answers; collect latencies and every problem."""
    verdict = Verdict()
    answers = observed.answers
    for item in observed.sent:
        if item.token:
            check_command(item, answers, verdict)
        else:
            check_message(item, answers, verdict)
    known = {item.message_id for item in observed.sent} | {0}
    for message_id in set(answers.replies) - known:
        verdict.errors.append(f"a reply to message {message_id}, which the benchmark did not send")
    verdict.errors += [f"unexpected call {call}" for call in answers.unexpected]
    verdict.errors += [f"call failed {call}" for call in answers.failed]
    verdict.errors += [f"bot log: {line}" for line in bot_log_errors]
    verdict.errors += observed.problems
    return verdict
