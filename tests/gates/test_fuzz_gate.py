"""Fuzz gate (issue 11): ~500 seeded hostile documents, and not one may crash the engine.

The documents are the first ones of `benchmarks/fuzz.py`'s default run (same seed), so a failure
here is rebuilt there or alone with the `mutation_document(...)` / `size_attack_document(...)`
call the message prints. Size attacks run once each at a small fraction of their top size: the
gate checks that they are handled, the benchmark measures how their cost grows.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from testkit.fuzz_documents import (
    SIZE_ATTACKS,
    FuzzDocument,
    mutation_documents,
    size_attack_document,
)
from testkit.fuzz_run import Outcome, digest_document

GATE_SEED = 11  # benchmarks/fuzz.py's default seed
GATE_DOCUMENTS = 500
SIZE_SCALE = 1 / 128  # size attacks at a small size: cheap, and still the same code paths
GUARD_S = 20.0  # the bot's per-page deadline: a document running longer is stopped (a hang)


@dataclass(frozen=True, slots=True)
class GateResult:
    """What the gate keeps of one document (not its bytes)."""

    label: str
    source: str
    rebuild: str
    outcome: Outcome


def _documents() -> list[FuzzDocument]:
    sized = [
        size_attack_document(GATE_SEED, name, max(1, int(attack.top * SIZE_SCALE)))
        for name, attack in SIZE_ATTACKS.items()
    ]
    return sized + list(mutation_documents(GATE_SEED, GATE_DOCUMENTS - len(sized)))


@pytest.fixture(scope="module")
def gate_results() -> list[GateResult]:
    """Every gate document digested once, in-process, each under the time guard."""
    results: list[GateResult] = []
    for doc in _documents():
        outcome = digest_document(doc, guard_s=GUARD_S)
        results.append(GateResult(doc.label, doc.source, doc.reproduce(), outcome))
    return results


def _listing(results: list[GateResult]) -> str:
    lines = []
    for result in results[:25]:
        crash = result.outcome.crash
        what = f"{crash.key}: {crash.message[:120]}" if crash else f"{result.outcome.seconds:.1f} s"
        lines.append(
            f"  {result.label} (from {result.source}) {what}\n    rebuild: {result.rebuild}"
        )
    more = f"\n  ... and {len(results) - 25} more" if len(results) > 25 else ""
    return "\n".join(lines) + more


def test_gate_runs_the_planned_documents(gate_results: list[GateResult]) -> None:
    """The gate digests what it says it does (a generator bug must not shrink it silently)."""
    assert len(gate_results) == GATE_DOCUMENTS
    assert {r.label.split("@")[0] for r in gate_results} >= set(SIZE_ATTACKS)


def test_no_document_crashes_the_engine(gate_results: list[GateResult]) -> None:
    """Every document ends in a digest or a SummarizerError, never another exception."""
    crashes = [r for r in gate_results if r.outcome.status == "crash"]
    kinds = sorted({r.outcome.crash.key for r in crashes if r.outcome.crash})
    assert not crashes, (
        f"{len(crashes)} of {len(gate_results)} documents crashed the engine "
        f"({len(kinds)} kinds: {'; '.join(kinds)}):\n{_listing(crashes)}"
    )


def test_no_document_overruns_the_guard(gate_results: list[GateResult]) -> None:
    """No document (at the gate's small sizes) takes longer than the guard."""
    slow = [r for r in gate_results if r.outcome.status == "over_time"]
    assert not slow, f"{len(slow)} documents ran past {GUARD_S:g} s:\n{_listing(slow)}"
