"""One fuzz document through `summarizer.digest_html`, timed and classified.

ok: a digest came back; refused: a `SummarizerError` (the engine said no on purpose); crash:
any other exception, or an `InternalError` (the engine's boundary reporting a bug it caught),
described by where it was raised (the innermost frame of the project's own code, and the
innermost frame of all); over_time: the document ran past a time guard and was
stopped. Shared by the fuzz gate (in-process, with a SIGALRM guard) and `benchmarks/fuzz.py`
(in a worker process that the runner kills on a hang).
"""

from __future__ import annotations

import re
import signal
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Literal

from summarizer import InternalError, SummarizerError, digest_html
from testkit.fuzz_documents import PROJECT, FuzzDocument

Status = Literal["ok", "refused", "crash", "over_time"]
_MESSAGE_CHARS = 300
_OWN_CODE_DIRS = ("testkit", "benchmarks", "tests")  # the harness's frames are not the engine's


@dataclass(frozen=True, slots=True)
class Crash:
    """An exception that is not a `SummarizerError`, and where it came from."""

    type: str
    message: str
    where: str  # innermost frame in the project's code: "summarizer/prune.py:142"
    function: str  # that frame's function
    raised_at: str  # innermost frame of all: "urllib/parse.py:432 in _checknetloc"

    @property
    def key(self) -> str:
        """What makes two crashes the same kind: the exception type and the project frame."""
        return f"{self.type} at {self.where} in {self.function}"

    @property
    def pattern(self) -> str:
        """The message with numbers and quoted values blurred, to group variants."""
        text = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", self.message)
        return re.sub(r"\d+", "N", text)[:160]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What digesting one document did."""

    status: Status
    seconds: float
    refusal: str = ""  # the SummarizerError subclass, for refused documents
    crash: Crash | None = None


class DocumentTimeout(BaseException):
    """Raised by `time_guard` when a document overruns (a BaseException, so that the engine's
    `except Exception` around heuristic code cannot swallow it)."""


@contextmanager
def time_guard(seconds: float | None) -> Iterator[None]:
    """Raise `DocumentTimeout` in the main thread after `seconds` (None: no guard).

    Python code is interrupted between bytecodes, so a long single C call (one regex, one parse)
    overruns until it returns; the benchmark's worker is killed from outside instead.
    """
    if not seconds:
        yield
        return

    def _expire(signum: int, frame: FrameType | None) -> None:
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def digest_document(doc: FuzzDocument, guard_s: float | None = None) -> Outcome:
    """Digest `doc` once, returning how it ended and how long it took."""
    start = time.perf_counter()
    try:
        with time_guard(guard_s):
            digest_html(doc.html, doc.url)
    except DocumentTimeout:
        return Outcome("over_time", time.perf_counter() - start)
    except InternalError as reported:  # a bug all the same: located by the error it wraps
        cause = reported.__cause__ or reported
        return Outcome("crash", time.perf_counter() - start, crash=describe_crash(cause))
    except SummarizerError as refusal:
        return Outcome("refused", time.perf_counter() - start, type(refusal).__name__)
    except Exception as error:  # the point: anything else is a crash to report
        return Outcome("crash", time.perf_counter() - start, crash=describe_crash(error))
    return Outcome("ok", time.perf_counter() - start)


def describe_crash(error: BaseException) -> Crash:
    """Type, message and the frames that locate `error`."""
    frames = traceback.extract_tb(error.__traceback__)
    own = [f for f in frames if _project_path(f.filename) is not None]
    innermost_own = own[-1] if own else None
    last = frames[-1] if frames else None
    return Crash(
        type=type(error).__name__,
        message=" ".join(str(error).split())[:_MESSAGE_CHARS],
        where=f"{_project_path(innermost_own.filename)}:{innermost_own.lineno}"
        if innermost_own
        else "?",
        function=innermost_own.name if innermost_own else "?",
        raised_at=f"{_short_path(last.filename)}:{last.lineno} in {last.name}" if last else "?",
    )


def _project_path(filename: str) -> str | None:
    """`filename` relative to the project when it is the engine's code, else None."""
    path = Path(filename)
    if not path.is_absolute():  # Cython sources ("src/lxml/apihelpers.pxi") are relative
        return None
    try:
        relative = path.resolve().relative_to(PROJECT)
    except ValueError:
        return None
    if "site-packages" in relative.parts or relative.parts[0] in _OWN_CODE_DIRS:
        return None
    if relative.parts[0].startswith("."):  # a virtualenv inside the project
        return None
    return relative.as_posix()


def _short_path(filename: str) -> str:
    """A library path from its package on ("urllib/parse.py"), or the project-relative one."""
    own = _project_path(filename)
    if own is not None:
        return own
    parts = Path(filename).parts
    for marker in ("site-packages", "python3.11", "python3.12", "python3.13", "lib"):
        if marker in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(marker) :])
    return filename
