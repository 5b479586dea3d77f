"""Partitions run as tasks, their results taken back in input order.

An executor runs one task per partition: `SerialExecutor` in this process (`-o DIR/` without a
cluster), `DaskExecutor` on a cluster. Dask runs each task to completion once: a task whose
worker dies is run again on another (the scheduler's doing), one that raises is retried
`retries` times (ours). Only one result per partition is ever taken, so with idempotent sinks —
a shard renamed into place, a store that passes over a document it holds — no document is lost
or written twice. A partition that fails for good (it killed every worker it ran on) is
reported as a skipped input naming its range, and the run goes on.

A bounded window of partitions is in flight ahead of the next one due, so the client holds
only that window's results while it waits for a slow partition: memory stays flat on any
input size.
"""

from __future__ import annotations

import datetime as dt
import os
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from strife import __version__
from strife.distributed.partitions import Partition
from strife.distributed.shards import prepare_directory, remove_temporaries, write_manifest
from strife.distributed.worker import (
    Extracted,
    Ingested,
    ShardWritten,
    extract_partition,
    ingest_partition,
    write_partition,
)
from strife.pipeline import default_pipeline
from strife.readers import UsageError
from strife.runner import Outcome, PipelineFactory
from strife.summary import RunSummary

# Partitions in flight per worker thread, ahead of the next one due.
WINDOW_PER_WORKER = 4
TASK_RETRIES = 2


@dataclass(frozen=True, slots=True)
class Failed:
    """A partition no attempt completed, and why."""

    reason: str


class Executor(Protocol):
    def map_ordered(
        self, task: Callable[..., Any], partitions: Sequence[Partition], *args: Any
    ) -> Iterator[tuple[Partition, Any]]: ...


class SerialExecutor:
    """Every partition in this process, one after another."""

    description = "this process"

    def map_ordered(
        self, task: Callable[..., Any], partitions: Sequence[Partition], *args: Any
    ) -> Iterator[tuple[Partition, Any]]:
        for partition in partitions:
            try:
                result = task(partition, *args)
            except Exception as err:  # as on a cluster: the partition is reported, the run goes on
                result = Failed(f"{err.__class__.__name__}: {err}")
            yield partition, result


@dataclass
class DaskExecutor:
    """Partitions as tasks on a Dask cluster; results yielded in partition order."""

    client: Any  # distributed.Client
    retries: int = TASK_RETRIES
    description: str = "a Dask cluster"
    window: int | None = None

    def map_ordered(
        self, task: Callable[..., Any], partitions: Sequence[Partition], *args: Any
    ) -> Iterator[tuple[Partition, Any]]:
        from distributed import as_completed

        from strife.distributed.cluster import worker_count

        window = self.window or max(2, WINDOW_PER_WORKER * worker_count(self.client))
        # Keys of our own: two runs on one cluster never share a result, and a partition's
        # attempts are one task to the scheduler.
        token = uuid.uuid4().hex[:10]
        running = as_completed()
        positions: dict[Any, int] = {}
        done: dict[int, Any] = {}
        submitted = due = 0

        def submit() -> None:
            nonlocal submitted
            while submitted < len(partitions) and submitted - due < window:
                partition = partitions[submitted]
                future = self.client.submit(
                    task,
                    partition,
                    *args,
                    key=f"strife-{task.__name__}-{token}-{submitted:06d}",
                    retries=self.retries,
                    pure=False,
                )
                positions[future.key] = submitted
                running.add(future)
                submitted += 1

        submit()
        for future in running:
            position = positions.pop(future.key)
            try:
                done[position] = future.result()
            except Exception as err:  # KilledWorker, or what the task raised on its last retry
                done[position] = Failed(f"{err.__class__.__name__}: {err}".strip().rstrip(":"))
            future.release()
            while due in done:
                yield partitions[due], done.pop(due)
                due += 1
            submit()


# extract → events in order (written by the caller, as a single-process run writes them) -----------


def extract_outcomes(
    executor: Executor,
    partitions: Sequence[Partition],
    *,
    published: dt.date | None = None,
    factory: PipelineFactory = default_pipeline,
) -> Iterator[Outcome]:
    """Every input's outcome, in input order, as `strife.runner.process` yields them."""
    for partition, result in executor.map_ordered(extract_partition, partitions, published, factory):
        if isinstance(result, Failed):
            yield Outcome(
                partition.source, None, skipped=f"partition {partition.index} failed: {result.reason}"
            )
            continue
        assert isinstance(result, Extracted)
        yield from result.outcomes


# extract → a directory of shards, then the manifest ---------------------------------------------


def merge_summary(total: RunSummary, part: RunSummary) -> None:
    total.documents_read += part.documents_read
    total.with_events += part.with_events
    total.without_events += part.without_events
    total.events += part.events
    total.skipped.extend(part.skipped)
    total.warnings.extend(part.warnings)


def extract_to_directory(
    executor: Executor,
    partitions: Sequence[Partition],
    directory: Path,
    fmt: str,
    *,
    published: dt.date | None = None,
    factory: PipelineFactory = default_pipeline,
    summary: RunSummary | None = None,
    on_partition: Callable[[Partition], None] | None = None,
    about: dict[str, Any] | None = None,
    started: float | None = None,
) -> dict[str, Any]:
    """Write each partition's events as its shard in `directory`, then the manifest; return
    the manifest. `summary` receives the run's counts (every input accounted for)."""
    summary = summary if summary is not None else RunSummary()
    prepare_directory(directory)
    started = started if started is not None else time.perf_counter()
    shards: list[dict[str, Any]] = []
    args = (published, factory, str(directory.absolute()), fmt)
    for partition, result in executor.map_ordered(write_partition, partitions, *args):
        entry: dict[str, Any] = {"partition": partition.index, "source": partition.source}
        if isinstance(result, Failed):
            reason = f"partition {partition.index} failed: {result.reason}"
            summary.add_skip(partition.source, reason)
            entry.update(file=None, failed=result.reason)
        else:
            assert isinstance(result, ShardWritten)
            part = result.summary
            merge_summary(summary, part)
            entry.update(
                file=result.file,
                bytes=result.bytes,
                documents_read=part.documents_read,
                with_events=part.with_events,
                without_events=part.without_events,
                skipped=len(part.skipped),
                events=part.events,
                worker=result.worker,
                seconds=round(result.seconds, 3),
            )
        shards.append(entry)
        if on_partition is not None:
            on_partition(partition)
    remove_temporaries(directory)
    summary.seconds = time.perf_counter() - started
    manifest = {
        "strife": __version__,
        "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "format": fmt,
        **(about or {}),
        "partitions": len(partitions),
        "shards": shards,
        "summary": summary.as_dict(),
    }
    write_manifest(directory, manifest)
    return manifest


# ingest → the store ------------------------------------------------------------------------


@dataclass
class DistributedIngest:
    """What a distributed ingest adds to the run summary: one `runs` row per partition."""

    run_ids: list[int] = field(default_factory=list)
    lost_runs: list[int] = field(default_factory=list)


def merge_ingest_summary(total: Any, part: Any) -> None:
    merge_summary(total, part)
    total.stored += part.stored
    total.already_stored += part.already_stored
    total.events_new += part.events_new
    total.events_merged += part.events_merged
    total.events_joined += part.events_joined


def check_store_url(url: str | None, scheduler: str | None) -> str:
    """The store's URL as every worker can use it; SQLite only on this machine."""
    from strife.store.database import StoreError, normalise_url, sqlite_path

    try:
        parsed = normalise_url(url)
    except StoreError as err:
        raise UsageError(str(err)) from None
    path = sqlite_path(parsed)
    if parsed.get_backend_name() == "sqlite":
        if path is None:
            raise UsageError(
                "an in-memory SQLite store cannot be shared by workers: give a file or PostgreSQL"
            )
        if scheduler:
            raise UsageError(
                "a SQLite store is a file on one machine, which the workers of a cluster cannot share "
                "safely: use PostgreSQL (--db postgresql://USER@HOST/DB) with --scheduler, or run the "
                "workers here with --dask local:N"
            )
        # Workers open it from their own directories; SQLite's lock serialises their writes.
        return parsed.set(database=str(path.absolute())).render_as_string(hide_password=False)
    return parsed.render_as_string(hide_password=False)


def ingest_partitions(
    executor: Executor,
    partitions: Sequence[Partition],
    db_url: str,
    *,
    published: dt.date | None = None,
    factory: PipelineFactory = default_pipeline,
    arguments: dict[str, Any] | None = None,
    summary: Any = None,
    on_partition: Callable[[Partition], None] | None = None,
    started: float | None = None,
) -> tuple[Any, DistributedIngest]:
    """Ingest every partition into the store at `db_url` (each through `strife.store.ingest`,
    its own row in `runs`); return the merged summary and the runs."""
    from sqlalchemy import select

    from strife.store import IngestSummary, open_store
    from strife.store.ingest import finish_run
    from strife.store.schema import Run

    summary = summary if summary is not None else IngestSummary()
    store = open_store(db_url)  # made and migrated once, here, before any worker opens it
    summary.database = store.display_url
    token = uuid.uuid4().hex
    info = DistributedIngest()
    base = {
        **(arguments or {}),
        "distributed": {"run": token, "partitions": len(partitions), "cluster": executor.description},
    }
    started = started if started is not None else time.perf_counter()
    try:
        for partition, result in executor.map_ordered(
            ingest_partition, partitions, published, factory, db_url, base
        ):
            if isinstance(result, Failed):
                summary.add_skip(partition.source, f"partition {partition.index} failed: {result.reason}")
            else:
                assert isinstance(result, Ingested)
                merge_ingest_summary(summary, result.summary)
                info.run_ids.extend(result.run_ids)
            if on_partition is not None:
                on_partition(partition)
        # An attempt whose worker died left its run `running` (or `interrupted`, where the store
        # was opened on its machine since): say what became of it.
        with store.reading() as session:
            rows = session.scalars(
                select(Run).where(Run.status.in_(("running", "interrupted")), Run.command == "ingest")
            )
            lost = [
                row.id for row in rows if (row.arguments or {}).get("distributed", {}).get("run") == token
            ]
        for run_id in lost:
            finish_run(store, run_id, "lost", {"reason": "its worker died; the partition was run again"})
        info.lost_runs = lost
    finally:
        store.close()
    summary.run_id = info.run_ids[0] if info.run_ids else None
    summary.seconds = time.perf_counter() - started
    return summary, info


# Choosing the executor ---------------------------------------------------------------------


def parse_local(value: str) -> int:
    """`local:N` → N; `local` → one worker per CPU."""
    name, _, count = value.partition(":")
    if name != "local":
        raise UsageError(f"--dask takes local:N (a local cluster of N workers), not {value!r}")
    if not count:
        return os.cpu_count() or 1
    if not count.isdigit() or int(count) < 1:
        raise UsageError(f"--dask local:N needs N ≥ 1 workers, not {count!r}")
    return int(count)


@contextmanager
def executor_for(
    scheduler: str | None, local_workers: int | None, factory: PipelineFactory = default_pipeline
) -> Iterator[Executor]:
    """A Dask executor on the cluster asked for, or the serial one when none is."""
    if not scheduler and not local_workers:
        yield SerialExecutor()
        return
    try:
        from strife.distributed.cluster import ClusterSpec, connect
    except ImportError as err:
        raise UsageError(
            f"--dask and --scheduler need the dask extra: pip install 'strife[dask]' ({err})"
        ) from None
    spec = ClusterSpec(scheduler=scheduler, local_workers=local_workers)
    with connect(spec, factory) as client:
        yield DaskExecutor(client, description=f"Dask {spec.describe()}")


__all__ = [
    "DaskExecutor",
    "DistributedIngest",
    "Executor",
    "Failed",
    "SerialExecutor",
    "check_store_url",
    "executor_for",
    "extract_outcomes",
    "extract_to_directory",
    "ingest_partitions",
    "merge_summary",
    "parse_local",
]
