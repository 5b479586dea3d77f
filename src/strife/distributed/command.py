"""`strife extract` and `strife ingest` with `--dask local:N`, `--scheduler tcp://HOST:PORT`, or
`-o DIR/`: the command line's options turned into a distributed run.

- `extract ... -o events.jsonl` (any of the four formats, several `-o`, or stdout): the events
  come back to this process and are written here in input order — the single-process run's
  output, byte for byte.
- `extract ... -o DIR/` (`--format jsonl|parquet`): each partition's events are written by its
  worker as a shard of DIR, then `_manifest.json`; the workers need DIR on a shared file system.
- `ingest ... --db URL`: each partition is stored by its worker, through `strife.store.ingest`.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from strife.distributed.partitions import plan
from strife.distributed.run import (
    check_store_url,
    executor_for,
    extract_outcomes,
    extract_to_directory,
    ingest_partitions,
    parse_local,
)
from strife.distributed.shards import MANIFEST, SHARD_FORMATS, is_directory_output
from strife.readers import UsageError
from strife.runner import Outcome
from strife.summary import RunSummary, progress_bar


def wants_cluster(args: argparse.Namespace) -> bool:
    return bool(getattr(args, "dask", None) or getattr(args, "scheduler", None))


def _cluster(args: argparse.Namespace) -> tuple[str | None, int | None]:
    if args.jobs > 1:
        raise UsageError("--jobs runs processes on this machine; with --dask or --scheduler the workers do")
    return args.scheduler or None, parse_local(args.dask) if args.dask else None


def _about(args: argparse.Namespace) -> dict[str, object]:
    return {
        "inputs": list(args.inputs),
        "input_format": args.input_format,
        "published": args.published.isoformat() if args.published else None,
        "partition_size": args.partition_size,
    }


def directory_output(pairs: list[tuple[str | None, str]]) -> tuple[Path, str] | None:
    """The shard directory and format when `-o` names a directory; None for file outputs."""
    directories = [(path, fmt) for path, fmt in pairs if path and is_directory_output(path)]
    if not directories:
        if any(fmt == "parquet" for _, fmt in pairs):
            raise UsageError("--format parquet writes shards: give a directory, -o DIR/")
        return None
    if len(pairs) > 1:
        raise UsageError("-o DIR/ writes a directory of shards and a manifest: give it as the only output")
    path, fmt = directories[0]
    if fmt not in SHARD_FORMATS:
        raise UsageError(f"shards are written as {' or '.join(SHARD_FORMATS)}, not {fmt} (--format)")
    assert path is not None
    return Path(path), fmt


@contextmanager
def distributed_outcomes(args: argparse.Namespace) -> Iterator[Iterator[Outcome]]:
    """The outcomes of `strife extract`'s inputs, in input order, from the cluster asked for."""
    scheduler, local = _cluster(args)
    partitions = plan(args.inputs, input_format=args.input_format, size=args.partition_size)
    with executor_for(scheduler, local) as executor:
        yield extract_outcomes(executor, partitions, published=args.published)


def run_extract_to_directory(args: argparse.Namespace, directory: Path, fmt: str) -> int:
    started = time.perf_counter()
    scheduler, local = _cluster(args) if wants_cluster(args) else (None, None)
    if args.jobs > 1:
        raise UsageError(
            "-o DIR/ runs partitions one after another here; use --dask local:N to run them in parallel"
        )
    partitions = plan(args.inputs, input_format=args.input_format, size=args.partition_size)
    summary = RunSummary()
    disable = args.no_progress or not sys.stderr.isatty()
    with (
        executor_for(scheduler, local) as executor,
        progress_bar(sum(p.documents for p in partitions), disable) as bar,
    ):
        manifest = extract_to_directory(
            executor,
            partitions,
            directory,
            fmt,
            published=args.published,
            summary=summary,
            on_partition=lambda partition: bar.update(partition.documents),
            about={**_about(args), "cluster": executor.description},
            started=started,
        )
    print(summary.render(), file=sys.stderr)
    written = sum(1 for shard in manifest["shards"] if shard.get("file"))
    print(f"strife: {written} {fmt} shard(s) and {MANIFEST} in {directory}", file=sys.stderr)
    summary.write_report(args.report)
    return summary.exit_code


def run_ingest_distributed(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    scheduler, local = _cluster(args)
    db_url = check_store_url(args.db, scheduler)
    partitions = plan(args.inputs, input_format=args.input_format, size=args.partition_size)
    disable = args.no_progress or not sys.stderr.isatty()
    with (
        executor_for(scheduler, local) as executor,
        progress_bar(sum(p.documents for p in partitions), disable) as bar,
    ):
        summary, info = ingest_partitions(
            executor,
            partitions,
            db_url,
            published=args.published,
            arguments=_about(args),
            on_partition=lambda partition: bar.update(partition.documents),
            started=started,
        )
    print(summary.render(), file=sys.stderr)
    if info.run_ids:
        line = f"  {len(info.run_ids)} partition(s), one row of `runs` each: {min(info.run_ids)}–{max(info.run_ids)}"
        if info.lost_runs:
            line += f"; {len(info.lost_runs)} attempt(s) lost with their worker, marked `lost`"
        print(line, file=sys.stderr)
    summary.write_report(args.report)
    return summary.exit_code


__all__ = [
    "directory_output",
    "distributed_outcomes",
    "run_extract_to_directory",
    "run_ingest_distributed",
    "wants_cluster",
]
