"""Distributed runs (strife.distributed): partitions read as the readers read the whole input, a
run on a local Dask cluster gives the single-process run's events, shards and their manifest,
the store as a sink (SQLite here; PostgreSQL where STRIFE_TEST_POSTGRES_URL names a server), and
a worker killed mid-run losing nothing and writing nothing twice."""

from __future__ import annotations

import atexit
import contextlib
import csv
import datetime as dt
import functools
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from conftest import QUIET_TEXT, SECOND_TEXT, SEED_TEXT
from strife.distributed.partitions import LineRange, RowGroups, WholeInput, plan, read_any
from strife.distributed.run import (
    DaskExecutor,
    Failed,
    SerialExecutor,
    check_store_url,
    extract_outcomes,
    extract_to_directory,
    ingest_partitions,
)
from strife.distributed.shards import MANIFEST, event_schema, read_shards
from strife.evaluation.gold import gold_files
from strife.event import EVENT_COLUMNS
from strife.pipeline import Pipeline, default_pipeline
from strife.readers import Skipped, UsageError, read_inputs
from strife.runner import process
from strife.store import open_store
from strife.store.schema import DocumentRow, EventRow, Run

pytest.importorskip("distributed", reason="the dask extra is not installed")
pa = pytest.importorskip("pyarrow", reason="the dask extra is not installed")
pq = pytest.importorskip("pyarrow.parquet")

REPO_ROOT = Path(__file__).resolve().parents[1]


@functools.cache
def written_corpus() -> Path:
    """Our written corpus as one folder of documents: tests/corpus/real/ beside it holds gold by
    document id, no documents, so it is left out of what these tests read."""
    source = REPO_ROOT / "tests" / "corpus"
    folder = Path(tempfile.mkdtemp(prefix="strife-written-corpus-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)  # no run leaves its copy behind
    for path in gold_files(source):
        relative = path.relative_to(source)
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, folder / relative)
    return folder


# The local clusters' workers are spawned with this process's import path, so they import this
# module by name for the pipeline factories below, as they import strife's.


def item_key(item: Any) -> tuple:
    """Everything a reader says about an item that a run's output or summary shows."""
    if isinstance(item, Skipped):
        return ("skipped", item.origin, item.reason, item.id)
    return ("doc", item.origin, item.id, item.text, item.title, item.published, item.published_basis,
            item.source, item.url, tuple(item.warnings), item.reference_date)  # fmt: skip


def planned(inputs: list[str], size: int, input_format: str = "auto") -> list[tuple]:
    return [
        item_key(item) for part in plan(inputs, input_format=input_format, size=size) for item in part.read()
    ]


def whole(inputs: list[str], input_format: str = "auto") -> list[tuple]:
    return [item_key(item) for item in read_inputs(inputs, input_format=input_format)]


def event_lines(outcomes) -> list[str]:
    return [event.model_dump_json() for outcome in outcomes for event in outcome.events]


# Partitions ----------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 7, 60, 10_000])
def test_a_directory_partitioned_reads_as_one_run_reads_it(size: int) -> None:
    partitions = plan([str(written_corpus())], size=size)
    assert planned([str(written_corpus())], size) == whole([str(written_corpus())])
    assert all(p.documents <= size or len(p.pieces) == 1 for p in partitions)
    if size == 7:  # the corpus's JSONL files are cut into ranges of 7 lines
        ranges = [p.pieces[0] for p in partitions if isinstance(p.pieces[0], LineRange)]
        assert ranges and all(r.documents == 7 for r in ranges if r.end != Path(r.path).stat().st_size)
    if size == 10_000:  # every file fits: one partition
        assert len(partitions) == 1


def test_files_of_a_directory_are_grouped(tmp_path: Path) -> None:
    for n, body in enumerate(
        [SEED_TEXT, SECOND_TEXT, QUIET_TEXT, SEED_TEXT.replace("Kalat", "Khuzdar"), "", "x"]
    ):
        (tmp_path / f"report-{n}.txt").write_text(body, encoding="utf-8")
    partitions = plan([str(tmp_path)], size=2)
    assert [len(p.pieces) for p in partitions] == [2, 2, 2]
    assert all(isinstance(piece, WholeInput) for p in partitions for piece in p.pieces)
    assert planned([str(tmp_path)], 2) == whole([str(tmp_path)])
    # The empty file is skipped, in the readers' words, and named as they name it.
    skipped = [key for key in planned([str(tmp_path)], 2) if key[0] == "skipped"]
    assert skipped == [("skipped", str(tmp_path / "report-4.txt"), "empty document", None)]
    # A directory with nothing to read, and a path that is not there, as the readers name them.
    (tmp_path / "empty").mkdir()
    inputs = [f"{tmp_path / 'empty'}/", str(tmp_path / "missing.jsonl")]
    assert planned(inputs, 2) == whole(inputs)
    assert [key[1] for key in planned(inputs, 2)] == inputs


def test_jsonl_ranges_keep_line_numbers_and_bad_lines(tmp_path: Path) -> None:
    lines = []
    for n in range(1, 14):
        if n == 5:
            lines.append('{"id": "broken", "text": "no closing brace"')
        elif n == 8:
            lines.append("")  # a blank line: no document, but it counts in the numbering
        elif n == 11:
            lines.append(json.dumps({"id": "empty", "text": "   "}))
        else:
            lines.append(json.dumps({"id": f"d{n}", "text": SECOND_TEXT, "published": "2025-02-06"}))
    path = tmp_path / "shard.jsonl"
    # \r\n line ends and a byte-order mark, as a spreadsheet or Windows tool writes them.
    path.write_bytes(b"\xef\xbb\xbf" + "\r\n".join(lines).encode("utf-8") + b"\r\n")
    for size in (1, 2, 3, 4, 100):
        assert planned([str(path)], size) == whole([str(path)]), size
    partitions = plan([str(path)], size=4)
    assert [p.source for p in partitions] == [f"{path}:1-4", f"{path}:5-8", f"{path}:9-12", f"{path}:13-13"]
    skipped = {key[1]: key[2] for key in planned([str(path)], 4) if key[0] == "skipped"}
    assert set(skipped) == {f"{path}:5", f"{path}:11"}
    assert "line 5" in skipped[f"{path}:5"]
    assert skipped[f"{path}:11"] == "empty document"


def test_csv_ranges_cut_at_record_ends(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)  # \r\n line ends, as the csv module writes them
        writer.writerow(["ID", "Text", "Published"])
        for n in range(1, 10):
            text = SEED_TEXT if n % 2 else SECOND_TEXT  # both span several lines: quoted newlines
            if n == 4:
                text = ""  # a bad row: accounted for as skipped
            writer.writerow([f"r{n}", text, "2025-02-01" if n != 6 else "not a date"])
            if n == 7:
                stream.write("\r\n")  # a blank line between records
    for size in (1, 2, 3, 5, 100):
        assert planned([str(path)], size) == whole([str(path)]), size
    partitions = plan([str(path)], size=3)
    assert len(partitions) == 3
    assert all(isinstance(p.pieces[0], LineRange) and p.pieces[0].kind == "csv" for p in partitions)
    keys = planned([str(path)], 3)
    assert [key[3] if key[0] == "skipped" else key[2] for key in keys] == [f"r{n}" for n in range(1, 10)]
    assert [key[1:3] for key in keys if key[0] == "skipped"] == [(keys[3][1], "empty document")]
    assert any("ignored `published`" in warning for warning in keys[5][9])


def write_parquet(path: Path, rows: list[dict[str, Any]], row_group_size: int) -> Path:
    schema = pa.schema(
        [("id", pa.string()), ("text", pa.string()), ("published", pa.date32()), ("source", pa.string()),
         ("url", pa.string())]
    )  # fmt: skip
    pq.write_table(pa.Table.from_pylist(rows, schema=schema), path, row_group_size=row_group_size)
    return path


def parquet_rows(count: int) -> list[dict[str, Any]]:
    rows = []
    for n in range(1, count + 1):
        text = [SEED_TEXT, SECOND_TEXT, QUIET_TEXT][n % 3]
        rows.append({"id": f"pq-{n}", "text": text.replace("Example Wire", f"Example Wire {n}"),
                     "published": dt.date(2025, 2, 1), "source": "Example Wire", "url": f"https://example.org/{n}"})  # fmt: skip
    rows[3]["text"] = None  # bad rows: no text, empty text
    rows[6]["text"] = ""
    return rows


def test_parquet_by_row_groups_with_bad_rows_accounted_for(tmp_path: Path) -> None:
    path = write_parquet(tmp_path / "reports.parquet", parquet_rows(10), row_group_size=3)
    partitions = plan([str(path)], size=3)
    assert [p.source for p in partitions] == [
        f"{path} rows {a}-{b}" for a, b in ((1, 3), (4, 6), (7, 9), (10, 10))
    ]
    assert all(isinstance(p.pieces[0], RowGroups) for p in partitions)
    keys = planned([str(path)], 3)
    assert [key[1] for key in keys] == [f"{path}:{n}" for n in range(1, 11)]
    assert [(key[1], key[2]) for key in keys if key[0] == "skipped"] == [
        (f"{path}:4", "no `text` field"),
        (f"{path}:7", "empty document"),
    ]
    documents = [key for key in keys if key[0] == "doc"]
    assert documents[0][2] == "pq-1" and documents[0][5] == dt.date(2025, 2, 1)
    # One process reads it too (read_any), to the same items; the single file is one partition.
    assert [item_key(item) for item in read_any([str(path)])] == keys
    assert planned([str(path)], 500) == keys


def test_parquet_without_text_is_refused(tmp_path: Path, run_cli) -> None:
    path = tmp_path / "bad.parquet"
    pq.write_table(pa.table({"id": ["a"], "body": ["text"]}), path)
    with pytest.raises(UsageError, match="no `text` column"):
        plan([str(path)])
    result = run_cli("extract", path)
    assert result.code == 2 and "no `text` column" in result.err
    # In a directory it is one skipped input, and the others are read.
    (tmp_path / "good.txt").write_text(SECOND_TEXT, encoding="utf-8")
    keys = planned([str(tmp_path)], 10)
    assert keys[0][:2] == ("skipped", str(path)) and "no `text` column" in keys[0][2]
    assert keys[1][:2] == ("doc", str(tmp_path / "good.txt"))


def test_standard_input_and_missing_inputs_travel_with_their_partitions(monkeypatch) -> None:
    import io

    data = "".join(json.dumps({"id": f"s{n}", "text": SECOND_TEXT}) + "\n" for n in range(5))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode()), encoding="utf-8"))
    partitions = plan(["-", "no/such/file.txt"], size=2, input_format="jsonl")
    assert [p.source for p in partitions] == [
        "<stdin> items 1-2", "<stdin> items 3-4", "<stdin> items 5-5", "no/such/file.txt"
    ]  # fmt: skip
    keys = [item_key(item) for p in partitions for item in p.read()]
    assert [key[2] for key in keys[:5]] == [f"s{n}" for n in range(5)]
    assert keys[5] == ("skipped", "no/such/file.txt", "no such file or directory", None)


def test_serial_executor_reports_a_failed_partition_and_goes_on() -> None:
    partitions = plan([str(written_corpus() / "no_event.jsonl")], size=5)

    def task(partition, *_):
        if partition.index == 1:
            raise RuntimeError("disk on fire")
        return partition.index

    results = list(SerialExecutor().map_ordered(task, partitions))
    assert [r for _, r in results][:3] == [0, Failed("RuntimeError: disk on fire"), 2]


def test_parquet_schema_is_the_event_record() -> None:
    schema = event_schema()
    assert tuple(schema.names) == EVENT_COLUMNS
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("reported_by").type == pa.list_(pa.string())
    assert schema.field("evidence").type.value_type.names == ["field", "text", "start", "end"]


# On a local cluster ---------------------------------------------------------------------------


@contextlib.contextmanager
def local_cluster(silence: int = logging.ERROR) -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0",
                     silence_logs=silence) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        yield client


@pytest.fixture(scope="module")
def dask_client() -> Iterator[Any]:
    with local_cluster() as client:
        yield client


@pytest.fixture(scope="module")
def single_process_events() -> list[str]:
    """The corpus's events from one process: what every distributed run must give."""
    return event_lines(process(read_inputs([str(written_corpus())])))


def test_distributed_events_equal_the_single_process_run(
    tmp_path: Path, run_cli, single_process_events
) -> None:
    """The command a user runs: `--dask local:2` writes what the single-process run writes, byte
    for byte, in every format, and its run summary counts the same."""
    single = [tmp_path / "single.jsonl", tmp_path / "single.acled.csv"]
    one = run_cli(
        "extract", written_corpus(), "-o", single[0], "-o", single[1], "--report", tmp_path / "one.json"
    )
    assert one.code == 0, one.err
    spread = [tmp_path / "dask.jsonl", tmp_path / "dask.acled.csv"]
    two = run_cli("extract", written_corpus(), "--dask", "local:2", "--partition-size", "25", "-o", spread[0],
                  "-o", spread[1], "--report", tmp_path / "two.json")  # fmt: skip
    assert two.code == 0, two.err
    assert spread[0].read_bytes() == single[0].read_bytes()
    acled = [
        [line.rsplit(",", 1)[0] for line in path.read_text().splitlines()] for path in (single[1], spread[1])
    ]
    assert len(acled[0]) > 250 and acled[1] == acled[0]  # the last column, the time of writing, aside
    assert single[0].read_text().splitlines() == single_process_events
    counts = ("documents_read", "with_events", "without_events", "events", "skipped_count")
    first, second = (json.loads((tmp_path / name).read_text()) for name in ("one.json", "two.json"))
    assert {k: second[k] for k in counts} == {k: first[k] for k in counts}
    assert first["documents_read"] > 250 and first["events"] > 250


def test_an_existing_cluster_by_its_scheduler_address(
    tmp_path: Path, run_cli, dask_client, single_process_events, monkeypatch
) -> None:
    address = dask_client.scheduler.address
    result = run_cli(
        "extract",
        written_corpus(),
        "--scheduler",
        address,
        "--partition-size",
        "50",
        "-o",
        tmp_path / "e.jsonl",
    )
    assert result.code == 0, result.err
    assert (tmp_path / "e.jsonl").read_text().splitlines() == single_process_events
    # The workers were checked and warmed: each has the pipeline built, by the plugin.
    assert "strife-pipeline" in dask_client.run(lambda dask_worker: list(dask_worker.plugins)).popitem()[1]
    monkeypatch.setattr("strife.distributed.cluster.CONNECT_TIMEOUT_S", 2)
    result = run_cli(
        "extract", written_corpus(), "--scheduler", "tcp://127.0.0.1:9", "-o", tmp_path / "f.jsonl"
    )
    assert result.code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.err


BUILDS: list[int] = []  # in each process, every build of the pipeline `counted_pipeline` made


def counted_pipeline() -> Pipeline:
    BUILDS.append(os.getpid())
    return default_pipeline()


def builds_here() -> list[int]:
    return list(BUILDS)


def test_the_pipeline_is_built_once_per_worker(dask_client, single_process_events) -> None:
    partitions = plan([str(written_corpus())], size=20)
    for _ in range(2):  # two runs on the same workers
        outcomes = list(extract_outcomes(DaskExecutor(dask_client), partitions, factory=counted_pipeline))
        assert event_lines(outcomes) == single_process_events
    # 2 × 15 partitions of 283 documents on two workers: one build in each worker that ran any.
    builds = dask_client.run(builds_here)
    assert len(partitions) > 10 and sum(map(len, builds.values())) >= 1
    assert all(len(made) <= 1 for made in builds.values()), builds
    assert BUILDS == []  # and none here, in the client


def test_shards_and_manifest(tmp_path: Path, dask_client, single_process_events) -> None:
    partitions = plan([str(written_corpus())], size=30)
    out = tmp_path / "out"
    manifest = extract_to_directory(DaskExecutor(dask_client), partitions, out, "jsonl")
    shards = manifest["shards"]
    assert [shard["file"] for shard in shards] == [f"part-{n:05d}.jsonl" for n in range(len(partitions))]
    assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST, *(s["file"] for s in shards)])
    # In partition order the shards are the single-process run's output.
    lines = [line for s in shards for line in (out / s["file"]).read_text().splitlines()]
    assert lines == single_process_events
    assert json.loads((out / MANIFEST).read_text()) == manifest
    summary = manifest["summary"]
    for key in ("documents_read", "with_events", "without_events", "events"):
        assert sum(shard[key] for shard in shards) == summary[key]
    assert summary["documents_read"] == sum(1 for _ in read_inputs([str(written_corpus())]))
    assert {shard["worker"].rsplit(":", 1)[1] for shard in shards} <= {
        str(pid) for pid in dask_client.run(os.getpid).values()
    }
    # Run again into the same directory: the earlier shards are replaced, not added to.
    again = extract_to_directory(
        DaskExecutor(dask_client), plan([str(written_corpus())], size=100), out, "jsonl"
    )
    assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST, *(s["file"] for s in again["shards"])])
    # A directory that holds something else is not written into.
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("mine")
    with pytest.raises(UsageError, match="not strife shards"):
        extract_to_directory(SerialExecutor(), partitions, tmp_path / "other", "jsonl")


def test_parquet_shards_are_one_dataset(tmp_path: Path, dask_client, single_process_events) -> None:
    out = tmp_path / "pq"
    extract_to_directory(DaskExecutor(dask_client), plan([str(written_corpus())], size=50), out, "parquet")
    assert [event.model_dump_json() for event in read_shards(out)] == single_process_events
    table = pq.read_table(out)  # the manifest's leading "_" keeps it out of the dataset
    assert table.num_rows == len(single_process_events)
    assert table.schema.field("evidence").type == event_schema().field("evidence").type


def test_parquet_input_on_the_cluster_equals_one_process(tmp_path: Path, dask_client) -> None:
    path = write_parquet(tmp_path / "reports.parquet", parquet_rows(12), row_group_size=4)
    single = list(process(read_any([str(path)])))
    spread = list(extract_outcomes(DaskExecutor(dask_client), plan([str(path)], size=4)))
    assert event_lines(spread) == event_lines(single) and event_lines(single)
    assert [(o.origin, o.skipped) for o in spread] == [(o.origin, o.skipped) for o in single]


# The store as the sink --------------------------------------------------------------------


def corpus_snapshot(url: str) -> dict[str, Any]:
    store = open_store(url, create=False)
    try:
        with store.reading() as session:
            return {
                "documents": session.execute(select(func.count()).select_from(DocumentRow)).scalar_one(),
                "distinct": session.execute(
                    select(func.count(func.distinct(DocumentRow.content_hash)))
                ).scalar_one(),
                "doc_ids": sorted(session.scalars(select(DocumentRow.doc_id))),
                "linked_events": session.execute(select(func.count()).select_from(EventRow)).scalar_one(),
                "runs": [(r.status, r.counts) for r in session.scalars(select(Run).order_by(Run.id))],
            }
    finally:
        store.close()


def test_sqlite_is_refused_for_a_remote_cluster(tmp_path: Path, run_cli) -> None:
    with pytest.raises(UsageError, match="use PostgreSQL"):
        check_store_url(f"sqlite:///{tmp_path / 'a.db'}", "tcp://10.0.0.1:8786")
    result = run_cli(
        "ingest", written_corpus(), "--db", tmp_path / "a.db", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert result.code == 2 and "use PostgreSQL" in result.err
    assert not (tmp_path / "a.db").exists()  # refused before anything was made
    # On this machine, SQLite's lock serialises the workers' writes: allowed, as an absolute path.
    assert check_store_url(str(tmp_path / "b.db"), None) == f"sqlite:///{tmp_path / 'b.db'}"


def test_ingest_on_the_cluster_stores_each_document_once(store_url: str, dask_client, tmp_path: Path) -> None:
    partitions = plan([str(written_corpus())], size=40)
    url = check_store_url(store_url, None)
    summary, info = ingest_partitions(DaskExecutor(dask_client), partitions, url)
    expected = sum(1 for item in read_inputs([str(written_corpus())]) if not isinstance(item, Skipped))
    assert summary.documents_read == summary.stored == expected
    assert len(info.run_ids) == len(partitions) and not info.lost_runs
    first = corpus_snapshot(url)
    assert first["documents"] == first["distinct"] == expected
    assert all(status == "completed" for status, _ in first["runs"])
    # The same run again stores nothing: every document is already there.
    again, _ = ingest_partitions(DaskExecutor(dask_client), partitions, url)
    assert again.already_stored == expected and again.stored == 0 and again.events_new == 0
    second = corpus_snapshot(url)
    assert {k: second[k] for k in ("documents", "doc_ids", "linked_events")} == {
        k: first[k] for k in ("documents", "doc_ids", "linked_events")
    }
    # The same documents as `strife ingest` in one process stores.
    one = f"sqlite:///{tmp_path / 'one.db'}"
    from strife.store import ingest

    store = open_store(one)
    ingest(store, read_inputs([str(written_corpus())]))
    store.close()
    assert corpus_snapshot(one)["doc_ids"] == first["doc_ids"]


# A worker killed mid-run ----------------------------------------------------------------------


class SlowPipeline:
    """The default pipeline, made slow enough that a worker can be killed in mid-partition."""

    def __init__(self, inner: Pipeline, delay: float) -> None:
        self.inner, self.delay = inner, delay

    def __call__(self, doc):
        time.sleep(self.delay)
        return self.inner(doc)


def slow_pipeline() -> SlowPipeline:
    return SlowPipeline(default_pipeline(), 0.03)


@pytest.fixture
def kill_client() -> Iterator[Any]:
    """A cluster of its own: one of its workers is killed (which its nanny logs, loudly)."""
    with local_cluster(logging.CRITICAL) as client:
        yield client


def kill_a_busy_worker(client: Any, started: threading.Event) -> tuple[int, list[int]]:
    """SIGKILL the process of a worker running one of our partitions; its pid and those partitions."""
    pids = client.run(os.getpid)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if started.is_set():
            for address, keys in client.processing().items():
                ours = [str(key) for key in keys if "strife-" in str(key)]
                if ours and address in pids:
                    os.kill(pids[address], signal.SIGKILL)
                    return pids[address], [int(key.rsplit("-", 1)[1]) for key in ours]
        time.sleep(0.05)
    raise AssertionError("no worker was busy with a partition")


@pytest.mark.parametrize("sink", ["shards", "sqlite"])
def test_a_worker_killed_mid_run_loses_nothing_and_writes_nothing_twice(
    sink: str, tmp_path: Path, kill_client, single_process_events
) -> None:
    partitions = plan([str(written_corpus())], size=20)
    executor = DaskExecutor(kill_client)
    started = threading.Event()  # the first partition is done: the workers are in the thick of it
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            if sink == "shards":
                outcome["manifest"] = extract_to_directory(
                    executor, partitions, tmp_path / "out", "jsonl", factory=slow_pipeline,
                    on_partition=lambda _: started.set(),
                )  # fmt: skip
            else:
                outcome["ingest"] = ingest_partitions(
                    executor, partitions, f"sqlite:///{tmp_path / 'store.db'}", factory=slow_pipeline,
                    on_partition=lambda _: started.set(),
                )  # fmt: skip
        except BaseException as err:
            outcome["error"] = err

    thread = threading.Thread(target=run)
    thread.start()
    killed, in_hand = kill_a_busy_worker(kill_client, started)
    thread.join(timeout=300)
    assert not thread.is_alive() and "error" not in outcome, outcome.get("error")
    assert killed not in kill_client.run(os.getpid).values()  # it died (and its nanny started another)

    if sink == "shards":
        manifest = outcome["manifest"]
        out = tmp_path / "out"
        shards = manifest["shards"]
        # Every partition has its one shard; what the dead worker had in hand was done again elsewhere.
        assert [s["file"] for s in shards] == [f"part-{n:05d}.jsonl" for n in range(len(partitions))]
        assert sorted(p.name for p in out.iterdir()) == sorted([MANIFEST, *(s["file"] for s in shards)])
        for index in in_hand:
            assert not shards[index]["worker"].endswith(f":{killed}")
        lines = [line for s in shards for line in (out / s["file"]).read_text().splitlines()]
        assert lines == single_process_events  # each event once, none lost, in input order
        assert manifest["summary"]["documents_read"] == sum(1 for _ in read_inputs([str(written_corpus())]))
    else:
        summary, info = outcome["ingest"]
        url = f"sqlite:///{tmp_path / 'store.db'}"
        expected = sum(1 for _ in read_inputs([str(written_corpus())]))
        snapshot = corpus_snapshot(url)
        assert snapshot["documents"] == snapshot["distinct"] == expected  # none lost, none twice
        # Documents the dead attempt stored are "already stored" to the attempt that finished it.
        assert summary.documents_read == expected == summary.stored + summary.already_stored
        statuses = [status for status, _ in snapshot["runs"]]
        assert statuses.count("completed") == len(partitions)
        assert statuses.count("lost") == len(info.lost_runs) == len(statuses) - len(partitions)


class PoisonedPipeline:
    """Kills its process on the document with id "poison", as a segfault or the OOM killer would."""

    def __init__(self, inner: Pipeline) -> None:
        self.inner = inner

    def __call__(self, doc):
        if doc.id == "poison":
            os._exit(1)
        return self.inner(doc)


def poisoned_pipeline() -> PoisonedPipeline:
    return PoisonedPipeline(default_pipeline())


def test_a_partition_that_kills_every_worker_is_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    import dask

    path = tmp_path / "reports.jsonl"
    ids = ["a", "b", "c", "poison", "e", "f"]
    path.write_text("".join(json.dumps({"id": i, "text": SECOND_TEXT}) + "\n" for i in ids), encoding="utf-8")
    # The scheduler (in this process) gives up on a task after it has killed two workers.
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 1}),
        local_cluster(logging.CRITICAL) as client,
    ):
        partitions = plan([str(path)], size=2)
        outcomes = list(extract_outcomes(DaskExecutor(client), partitions, factory=poisoned_pipeline))
    assert [o.doc_id for o in outcomes if not o.skipped] == ["a", "b", "e", "f"]
    (failed,) = [o for o in outcomes if o.skipped]
    assert failed.origin == f"{path}:3-4"
    assert failed.skipped.startswith("partition 1 failed: KilledWorker"), failed.skipped


# The default install ------------------------------------------------------------------------


def test_a_run_without_dask_options_never_imports_dask(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from strife.cli import main\n"
        f"code = main(['extract', {str(written_corpus() / 'no_event.jsonl')!r}, '-o', {str(tmp_path / 'e.jsonl')!r}])\n"
        "assert code == 0, code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed', 'pyarrow'))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_dask_options_without_the_extra_say_which_extra(run_cli, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "strife.distributed.cluster", None)  # as if Dask were not installed
    result = run_cli(
        "extract", written_corpus() / "no_event.jsonl", "--dask", "local:2", "-o", tmp_path / "e.jsonl"
    )
    assert result.code == 2 and "pip install 'strife[dask]'" in result.err
    assert run_cli("extract", written_corpus(), "--dask", "remote:2").code == 2
    result = run_cli("extract", written_corpus(), "--dask", "local:2", "--jobs", "2")
    assert result.code == 2 and "--jobs" in result.err
    result = run_cli("extract", written_corpus(), "-o", tmp_path / "e.jsonl", "--format", "parquet")
    assert result.code == 2 and "-o DIR/" in result.err
