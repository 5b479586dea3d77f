"""The core every front end shares: read → pipeline → events, in input order, in parallel.

`run` streams: documents are read lazily and at most a bounded window of batches is in flight,
so memory stays flat however long the input, and results come back in input order whatever
the number of processes.
"""

from __future__ import annotations

import datetime as dt
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice

from strife.document import Document
from strife.event import Event
from strife.pipeline import Pipeline, default_pipeline
from strife.pipeline.budget import OverBudget
from strife.readers import ReadItem, Skipped

PipelineFactory = Callable[[], Pipeline]

BATCH_SIZE = 16
WINDOW_PER_JOB = 4


@dataclass(slots=True)
class Outcome:
    """What became of one input: its events, or why it was skipped."""

    origin: str
    doc_id: str | None
    events: list[Event] = field(default_factory=list)
    skipped: str | None = None
    warnings: list[str] = field(default_factory=list)
    # Sentences that told of violence and were not coded, and why: {start, end, reason, cue}.
    dropped: list[dict[str, object]] = field(default_factory=list)


def apply_published_option(doc: Document, published: dt.date | None) -> Document:
    """The publication date, in the spec's order: the input's field, then `--published`, then
    HTML metadata; the dateline stage looks in the text when none of these gave one."""
    if published is not None and doc.published_basis not in ("input", "feed"):
        doc.published = published
        doc.published_basis = "option"
    return doc


_worker_pipeline: Pipeline | None = None


_worker_published: dt.date | None = None


# How often a worker looks whether the process that started it is still there.
PARENT_CHECK_S = 1.0


def _exit_with_parent(parent: int) -> None:
    """Leave when the parent is gone: a `--jobs` run killed with `kill -9` cannot stop its
    workers, which would otherwise wait for work forever, holding their memory."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _init_worker(factory: PipelineFactory, published: dt.date | None, parent: int) -> None:
    global _worker_pipeline, _worker_published
    threading.Thread(target=_exit_with_parent, args=(parent,), name="parent-watch", daemon=True).start()
    _worker_pipeline = factory()
    _worker_published = published


def _process(pipeline: Pipeline, item: ReadItem, published: dt.date | None = None) -> Outcome:
    if isinstance(item, Skipped):
        return Outcome(item.origin, item.id, skipped=item.reason)
    if published is not None:
        apply_published_option(item, published)
    outcome = Outcome(item.origin, item.id, warnings=item.warnings)
    try:
        outcome.events = pipeline(item)
        outcome.dropped = item.annotations.facts.get("dropped", [])
    except OverBudget as err:
        outcome.skipped = f"extraction stopped: {err}"
    except Exception as err:  # one broken document must not stop the batch
        outcome.skipped = f"extraction failed: {err.__class__.__name__}: {err}"
    return outcome


def _process_batch(batch: list[ReadItem]) -> list[Outcome]:
    assert _worker_pipeline is not None
    return [_process(_worker_pipeline, item, _worker_published) for item in batch]


def _batches(items: Iterable[ReadItem], size: int) -> Iterator[list[ReadItem]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def process(
    items: Iterable[ReadItem],
    *,
    jobs: int = 1,
    published: dt.date | None = None,
    pipeline_factory: PipelineFactory = default_pipeline,
) -> Iterator[Outcome]:
    """Run the pipeline over read items; yield one `Outcome` per item, in input order."""
    if jobs <= 1:
        pipeline = pipeline_factory()
        for item in items:
            yield _process(pipeline, item, published)
        return
    with ProcessPoolExecutor(
        jobs, initializer=_init_worker, initargs=(pipeline_factory, published, os.getpid())
    ) as pool:
        pending: deque[Future[list[Outcome]]] = deque()
        for batch in _batches(items, BATCH_SIZE):
            pending.append(pool.submit(_process_batch, batch))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
