"""`Pipeline` runs stages over a document, the way spaCy's `Language` runs its components.

Each stage reads the layers earlier stages wrote and adds its own; the last step, assembly,
turns the layers into event records. Data flows one way: no stage writes to an earlier layer.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Protocol, runtime_checkable

from strife.document import Document
from strife.event import Event
from strife.pipeline.budget import OverBudget, budget_from_env, time_budget


@runtime_checkable
class Stage(Protocol):
    """One step: reads the document's layers, adds its own."""

    name: str

    def __call__(self, doc: Document) -> None: ...


Assembler = Callable[[Document], list[Event]]


def _no_events(doc: Document) -> list[Event]:
    return []


class Pipeline:
    """Stages, then assembly. `budget_s`: the seconds one document may take before it is
    stopped with `OverBudget` (None: no limit)."""

    def __init__(
        self, stages: Sequence[Stage], assemble: Assembler = _no_events, budget_s: float | None = None
    ) -> None:
        names = [stage.name for stage in stages]
        if len(set(names)) != len(names):
            raise ValueError(f"stage names must be unique: {names}")
        self.stages: list[Stage] = list(stages)
        self.assemble = assemble
        self.budget_s = budget_s

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def annotate(self, doc: Document, deadline: float = float("inf")) -> Document:
        """Run the stages; `OverBudget` once the monotonic clock passes `deadline` between two
        of them (where no timer could interrupt the stage itself)."""
        for stage in self.stages:
            stage(doc)
            if time.monotonic() > deadline:
                raise OverBudget.after(self.budget_s)
        return doc

    def __call__(self, doc: Document) -> list[Event]:
        with time_budget(self.budget_s) as deadline, _without_cycle_collection():
            return self.assemble(self.annotate(doc, deadline))


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Python's cycle collector scans every live object each few hundred allocations, so on a
    long document (whose layers hold tens of thousands of mentions) it makes extraction grow
    faster than the text. The stages make no reference cycles worth collecting mid-document:
    reference counting frees their objects, and the collector runs again once it is done
    (unless the caller had turned it off)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def default_pipeline() -> Pipeline:
    """The stages strife runs by default, cheap passes first, with the time budget of a document
    that `STRIFE_DOCUMENT_BUDGET_S` sets (60 s unless it says otherwise)."""
    from strife.stages import DEFAULT_STAGES, assemble_events

    return Pipeline([factory() for factory in DEFAULT_STAGES], assemble_events, budget_from_env())


def empty_pipeline() -> Pipeline:
    """No stages, no events: what the I/O benchmark measures the frame with."""
    return Pipeline([])
