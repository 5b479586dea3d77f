"""How long one document may take: past its budget it is skipped, with that reason, and the
batch goes on.

Every stage is linear in the document's length, but a document can still be pathological in
ways no test foresaw (a 2 MB body the server accepts, a page of ten thousand place names), and
`serve` holds its ingest lock while it works. Where the pipeline runs in a process's main
thread (the command line, each `--jobs` worker) a timer interrupts the stage that overruns;
elsewhere (the server's worker threads, where Python allows no signal) the budget is checked
between stages, as it is where the program that calls strife keeps a timer (SIGALRM) of
its own.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

# Seconds; the longest real article takes well under one, a 2 MB body about twenty.
DEFAULT_BUDGET_S = 60.0
BUDGET_ENV = "STRIFE_DOCUMENT_BUDGET_S"


class OverBudget(Exception):
    """A document took longer than the pipeline allows one document."""

    @classmethod
    def after(cls, seconds: float | None) -> OverBudget:
        return cls(f"took longer than the {seconds:g} s a document may take")


def budget_from_env() -> float | None:
    """The budget `STRIFE_DOCUMENT_BUDGET_S` sets (0 or "none": no budget), or the default."""
    value = os.environ.get(BUDGET_ENV, "").strip().lower()
    if not value:
        return DEFAULT_BUDGET_S
    if value in ("0", "none", "off"):
        return None
    try:
        seconds = float(value)
    except ValueError:
        raise ValueError(f"{BUDGET_ENV}={value!r}: give seconds (e.g. 60), or 0 for no budget") from None
    if not seconds > 0 or seconds == float("inf"):
        raise ValueError(f"{BUDGET_ENV}={value!r}: give a positive number of seconds, or 0 for no budget")
    return seconds


def _can_interrupt() -> bool:
    # Only in the main thread (where Python runs signal handlers), and never over a timer the
    # program that called strife has set for itself.
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    )


@contextmanager
def time_budget(seconds: float | None) -> Iterator[float]:
    """Raise `OverBudget` in the block when it runs past `seconds` (where a timer can interrupt
    it); yields the deadline on the monotonic clock, for the checks between stages."""
    if seconds is None:
        yield float("inf")
        return
    deadline = time.monotonic() + seconds
    if not _can_interrupt():
        yield deadline
        return

    def overrun(signum: int, frame: FrameType | None) -> None:
        raise OverBudget.after(seconds)

    previous = signal.signal(signal.SIGALRM, overrun)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


__all__ = ["DEFAULT_BUDGET_S", "OverBudget", "budget_from_env", "time_budget"]
