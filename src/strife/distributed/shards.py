"""Shards and the manifest: a distributed run's output directory.

Partition k's events go to `part-0000k.jsonl` (or `.parquet`), written under a hidden
temporary name and renamed into place once complete. A partition run again — Dask retries a
task whose worker died — renames its own complete shard over the same name, so the directory
ends with exactly one shard per partition whatever happened on the way, and never a partial
one. `_manifest.json`, written last by the client, lists every shard with its counts and holds
the run summary; its presence says the run completed.

Concatenated in partition order, JSONL shards are what `strife extract -o events.jsonl` writes.
Parquet shards share one schema, the event record's (lists as lists, evidence as a list of
structs), so a reader can take the directory as one dataset.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import types
import typing
import uuid
from pathlib import Path
from typing import Any

from strife.event import Event, Evidence
from strife.readers import UsageError
from strife.writers import make_writer

SHARD_FORMATS: tuple[str, ...] = ("jsonl", "parquet")
# "_" (as Spark's _SUCCESS): Parquet readers pass it over, so the directory reads as one dataset.
MANIFEST = "_manifest.json"
SHARD_NAME = re.compile(r"^part-\d{5,}\.(jsonl|parquet)$")
TEMPORARY_NAME = re.compile(r"^\.part-\d{5,}\.(jsonl|parquet)\.tmp-[0-9a-f]+$")


def shard_name(index: int, fmt: str) -> str:
    return f"part-{index:05d}.{fmt}"


def is_directory_output(path: str) -> bool:
    """`-o out/` (or an existing directory) asks for shards rather than one file."""
    return path.endswith(("/", os.sep)) or Path(path).is_dir()


def prepare_directory(directory: Path) -> None:
    """Make the output directory, or empty it of an earlier run's shards; refuse one that holds
    anything else, which a run would otherwise mix its shards into."""
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} is a file, not a directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        entries = list(directory.iterdir())
    except OSError as err:
        raise UsageError(f"cannot write {directory}: {err.strerror or err}") from None
    ours = [
        e for e in entries if e.name == MANIFEST or SHARD_NAME.match(e.name) or TEMPORARY_NAME.match(e.name)
    ]
    others = sorted(e.name for e in entries if e not in ours)
    if others:
        shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
        raise UsageError(
            f"{directory} holds files that are not strife shards ({shown}): give an empty or new directory"
        )
    # The manifest first: a directory without one is an incomplete run, whatever shards remain.
    for entry in sorted(ours, key=lambda e: e.name != MANIFEST):
        entry.unlink(missing_ok=True)


def remove_temporaries(directory: Path) -> int:
    """Remove what attempts that died left half-written; how many there were."""
    removed = 0
    for entry in directory.iterdir():
        if TEMPORARY_NAME.match(entry.name):
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


# Parquet: the event record's schema, from the model itself --------------------------------------


def _arrow_type(annotation: Any) -> Any:
    import pyarrow as pa

    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        (inner,) = [arg for arg in args if arg is not type(None)]
        return _arrow_type(inner)
    if origin is typing.Literal:
        return pa.int64() if isinstance(args[0], int) else pa.string()
    if origin is list:
        return pa.list_(_arrow_type(args[0]))
    if isinstance(annotation, type) and issubclass(annotation, Evidence):
        return pa.struct([(name, _arrow_type(f.annotation)) for name, f in Evidence.model_fields.items()])
    simple = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(), dt.date: pa.date32()}
    return simple[annotation]


def event_schema() -> Any:  # -> pyarrow.Schema
    """The Arrow schema of the event record, field for field, in the spec's order."""
    import pyarrow as pa

    return pa.schema([(name, _arrow_type(f.annotation)) for name, f in Event.model_fields.items()])


def events_table(events: list[Event]) -> Any:  # -> pyarrow.Table
    import pyarrow as pa

    return pa.Table.from_pylist([event.model_dump() for event in events], schema=event_schema())


def read_shards(directory: Path) -> list[Event]:
    """Every event of a directory's shards, in partition order (as the manifest lists them)."""
    manifest = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    events: list[Event] = []
    for shard in manifest["shards"]:
        if not shard.get("file"):
            continue
        path = directory / shard["file"]
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            events.extend(Event.model_validate(row) for row in pq.read_table(path).to_pylist())
        else:
            with path.open(encoding="utf-8") as stream:
                events.extend(Event.model_validate_json(line) for line in stream if line.strip())
    return events


# Writing ------------------------------------------------------------------------------------------


def write_shard(directory: Path, index: int, fmt: str, events: list[Event]) -> tuple[str, int]:
    """Write a partition's events as its shard, atomically; its name and size in bytes."""
    final = directory / shard_name(index, fmt)
    temporary = directory / f".{final.name}.tmp-{uuid.uuid4().hex}"
    try:
        if fmt == "parquet":
            import pyarrow.parquet as pq

            pq.write_table(events_table(events), temporary)
        else:
            with temporary.open("w", encoding="utf-8", newline="") as stream:
                writer = make_writer("jsonl", stream)
                for event in events:
                    writer.write(event)
                writer.close()
                os.fsync(stream.fileno())
        os.replace(temporary, final)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return final.name, final.stat().st_size


def write_manifest(directory: Path, manifest: dict[str, Any]) -> Path:
    path = directory / MANIFEST
    temporary = directory / f".{MANIFEST}.tmp-{uuid.uuid4().hex}"
    temporary.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    return path


__all__ = [
    "MANIFEST",
    "SHARD_FORMATS",
    "event_schema",
    "events_table",
    "is_directory_output",
    "prepare_directory",
    "read_shards",
    "remove_temporaries",
    "shard_name",
    "write_manifest",
    "write_shard",
]
