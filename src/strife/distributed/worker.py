"""What runs on a worker: one task per partition.

What is costly to build — the pipeline, whose gazetteer index is the heavy part, and a store's
connection pool — is built once per worker process and kept for every later task (a Dask
worker runs many tasks in one process). The tasks take only picklable descriptions (a
partition, a pipeline factory, a database URL) and return small results, except
`extract_partition`, whose events go back to the client to be written there, in order.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import socket
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from strife import __version__
from strife.distributed.partitions import Partition
from strife.distributed.shards import write_shard
from strife.pipeline import Pipeline
from strife.runner import Outcome, PipelineFactory, process
from strife.summary import RunSummary

_pipelines: dict[object, Pipeline] = {}
_stores: dict[str, Any] = {}


def _factory_key(factory: PipelineFactory) -> object:
    # A function sent by value (defined in a script, not in an installed module) arrives as a new
    # object with every task: its name, not its identity, says it is the same factory.
    qualname = getattr(factory, "__qualname__", "")
    if qualname and "<locals>" not in qualname and "<lambda>" not in qualname:
        return (getattr(factory, "__module__", None), qualname)
    return factory


def cached_pipeline(factory: PipelineFactory) -> Pipeline:
    """The pipeline `factory` makes, made once in this process."""
    key = _factory_key(factory)
    pipeline = _pipelines.get(key)
    if pipeline is None:
        pipeline = _pipelines[key] = factory()
    return pipeline


# A report to run once when a worker starts: stages load some of their tables (the gazetteer's
# names among them) on first use, which would otherwise fall to the worker's first partition.
WARMUP_TEXT = (
    "QUETTA: Three policemen were killed when gunmen opened fire on a patrol in the Kalat district "
    "of Balochistan on Tuesday, police said."
)


def warm(factory: PipelineFactory) -> None:
    """Build this process's pipeline and run it once."""
    from strife.document import Document

    cached_pipeline(factory)(Document(text=WARMUP_TEXT, published=dt.date(2025, 2, 6)))


def cached_store(url: str) -> Any:  # -> strife.store.Store
    """The store at `url`, opened once in this process (its schema migrated by the client)."""
    store = _stores.get(url)
    if store is None:
        from strife.store import open_store

        store = _stores[url] = open_store(url)
    return store


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def strife_version() -> str:
    """What a worker runs, for the client to check against its own."""
    return __version__


def _outcomes(partition: Partition, published: dt.date | None, factory: PipelineFactory):
    return process(
        partition.read(), published=published, pipeline_factory=functools.partial(cached_pipeline, factory)
    )


@dataclass
class Extracted:
    """A partition's outcomes (events included), for the client to write in input order."""

    index: int
    outcomes: list[Outcome]
    worker: str
    seconds: float


def extract_partition(partition: Partition, published: dt.date | None, factory: PipelineFactory) -> Extracted:
    started = time.perf_counter()
    outcomes = list(_outcomes(partition, published, factory))
    return Extracted(partition.index, outcomes, worker_name(), time.perf_counter() - started)


@dataclass
class ShardWritten:
    """A partition's shard, written; its run summary (counts, skips, warnings)."""

    index: int
    file: str
    bytes: int
    summary: RunSummary
    worker: str
    seconds: float


def write_partition(
    partition: Partition, published: dt.date | None, factory: PipelineFactory, directory: str, fmt: str
) -> ShardWritten:
    started = time.perf_counter()
    summary = RunSummary()
    events = []
    for outcome in _outcomes(partition, published, factory):
        summary.add_outcome(outcome)
        events.extend(outcome.events)
    name, size = write_shard(Path(directory), partition.index, fmt, events)
    summary.seconds = time.perf_counter() - started
    return ShardWritten(partition.index, name, size, summary, worker_name(), summary.seconds)


@dataclass
class Ingested:
    """What storing a partition did (`strife ingest`'s summary of it)."""

    index: int
    summary: Any  # strife.store.IngestSummary
    worker: str
    seconds: float
    run_ids: list[int] = field(default_factory=list)


def ingest_partition(
    partition: Partition,
    published: dt.date | None,
    factory: PipelineFactory,
    db_url: str,
    arguments: dict[str, Any],
) -> Ingested:
    """Extract and store a partition through `strife.store.ingest`: each document in its own
    transaction, one already stored (by an earlier run, or by an attempt at this partition on a
    worker that died) passed over; so a partition run twice stores nothing twice."""
    from strife.store import IngestSummary, ingest

    started = time.perf_counter()
    store = cached_store(db_url)
    summary = IngestSummary()
    ingest(
        store,
        partition.read(),
        published=published,
        pipeline_factory=functools.partial(cached_pipeline, factory),
        arguments={**arguments, "partition": partition.index, "source": partition.source},
        summary=summary,
    )
    summary.seconds = time.perf_counter() - started
    run_ids = [summary.run_id] if summary.run_id is not None else []
    return Ingested(partition.index, summary, worker_name(), summary.seconds, run_ids)


__all__ = [
    "Extracted",
    "Ingested",
    "ShardWritten",
    "cached_pipeline",
    "cached_store",
    "extract_partition",
    "ingest_partition",
    "strife_version",
    "warm",
    "worker_name",
    "write_partition",
]
