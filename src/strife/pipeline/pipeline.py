"""`Pipeline` runs stages over a document, the way spaCy's `Language` runs its components.

Each stage reads the layers earlier stages wrote and adds its own; the last step, assembly,
turns the layers into event records. Data flows one way: no stage writes to an earlier layer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, runtime_checkable

from strife.document import Document
from strife.event import Event


@runtime_checkable
class Stage(Protocol):
    """One step: reads the document's layers, adds its own."""

    name: str

    def __call__(self, doc: Document) -> None: ...


Assembler = Callable[[Document], list[Event]]


def _no_events(doc: Document) -> list[Event]:
    return []


class Pipeline:
    def __init__(self, stages: Sequence[Stage], assemble: Assembler = _no_events) -> None:
        names = [stage.name for stage in stages]
        if len(set(names)) != len(names):
            raise ValueError(f"stage names must be unique: {names}")
        self.stages: list[Stage] = list(stages)
        self.assemble = assemble

    @property
    def stage_names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    def annotate(self, doc: Document) -> Document:
        for stage in self.stages:
            stage(doc)
        return doc

    def __call__(self, doc: Document) -> list[Event]:
        return self.assemble(self.annotate(doc))


def default_pipeline() -> Pipeline:
    """The stages strife runs by default, cheap passes first."""
    from strife.stages import DEFAULT_STAGES, assemble_events

    return Pipeline([factory() for factory in DEFAULT_STAGES], assemble_events)


def empty_pipeline() -> Pipeline:
    """No stages, no events: what the I/O benchmark measures the frame with."""
    return Pipeline([])
