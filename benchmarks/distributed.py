"""Distributed extraction: documents/s and memory per worker on a local Dask cluster of 1 and 2
workers, against the single-process run over the same articles.

    python benchmarks/distributed.py [--articles 20000] [--workers 1,2] [--partition-size 500]
                                     [--json results.json]

Articles: ../shared/data/news_pk_2025.jsonl (2,999 real Dawn and APP reports, read in place),
repeated with distinct ids until there are N, in one JSONL file; without that file the
benchmark says so and stops. In one run:

- single process: `strife extract`'s core (read → pipeline → events written as JSON Lines to
  /dev/null) in a process of its own, so its peak memory is its own;
- Dask local:N, for each N: a `LocalCluster` of N worker processes, one thread each (what
  `strife extract FILE --dask local:N -o events.jsonl` starts); the same file, partitioned, the
  events sent back and written in input order as the command writes them.

Rates count documents over the extraction itself: the pipeline is built before the clock starts
(the cluster's workers build theirs when they start, as strife's worker plugin has them do);
startup — the pipeline, and the cluster with it — is reported on its own. Peak memory is each
process's largest resident size (getrusage): the single process, each worker, and the client.
CPU seconds are those the extraction took (the workers' together, and the client's apart): where
the workers' CPU time stays near the single process's while the rate does not scale, the cores
were busy with something else. Scaling efficiency is the rate at 2 workers over twice the rate
at 1.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import logging
import multiprocessing
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

# This file's name is the Dask package's: run as a script, its folder must not come first on the
# path, or `import distributed` finds it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from strife.distributed.partitions import plan  # noqa: E402
from strife.distributed.run import DaskExecutor, extract_outcomes  # noqa: E402
from strife.distributed.worker import cached_pipeline, warm  # noqa: E402
from strife.pipeline import default_pipeline  # noqa: E402
from strife.readers import read_inputs  # noqa: E402
from strife.runner import process  # noqa: E402
from strife.writers import make_writer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "news_pk_2025.jsonl"


def write_articles(count: int, path: Path) -> int:
    """The shared articles repeated with distinct ids, streamed to `path`; how many there are."""
    with SHARED.open(encoding="utf-8") as stream:
        base = [json.loads(line) for line in stream if line.strip()]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            article, copy = base[n % len(base)], n // len(base)
            record = {k: article.get(k) for k in ("text", "title", "published", "source", "url")}
            record["id"] = f"{article.get('id') or 'article'}#{copy}"
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return count


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _single_process(path: str) -> dict[str, Any]:
    """The single-process run, in a fresh process (run through a one-process pool)."""
    started = time.perf_counter()
    warm(default_pipeline)  # built and run once, as strife's worker plugin has each worker do
    pipeline = cached_pipeline(default_pipeline)
    startup = time.perf_counter() - started
    documents = events = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        writer = make_writer("jsonl", sink)
        started, cpu = time.perf_counter(), _cpu_seconds()
        for outcome in process(read_inputs([path]), pipeline_factory=lambda: pipeline):
            documents += outcome.skipped is None
            events += len(outcome.events)
            for event in outcome.events:
                writer.write(event)
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
    return {"startup_s": startup, "seconds": seconds, "documents": documents, "events": events,
            "cpu_s": cpu, "peak_mb": _peak_rss_mb()}  # fmt: skip


def run_single(path: Path) -> dict[str, Any]:
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(_single_process, str(path)).result()


def run_dask(path: Path, workers: int, partition_size: int) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from strife.distributed.cluster import PipelineWarmup

    started = time.perf_counter()
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                     silence_logs=logging.ERROR) as cluster,
        Client(cluster) as client,
    ):  # fmt: skip
        client.register_plugin(PipelineWarmup(default_pipeline))  # as `--dask local:N` does
        startup = time.perf_counter() - started
        partitions = plan([str(path)], size=partition_size)
        documents = events = 0
        with open(os.devnull, "w", encoding="utf-8") as sink:
            writer = make_writer("jsonl", sink)
            workers_cpu = client.run(_cpu_seconds)
            started, cpu = time.perf_counter(), _cpu_seconds()
            for outcome in extract_outcomes(DaskExecutor(client), partitions):
                documents += outcome.skipped is None
                events += len(outcome.events)
                for event in outcome.events:
                    writer.write(event)
            seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu
            workers_cpu = {k: v - workers_cpu.get(k, 0.0) for k, v in client.run(_cpu_seconds).items()}
        worker_mb = sorted(client.run(_peak_rss_mb).values())
    return {"startup_s": startup, "seconds": seconds, "documents": documents, "events": events,
            "partitions": len(partitions), "cpu_s": sum(workers_cpu.values()), "client_cpu_s": cpu,
            "worker_peak_mb": worker_mb, "client_peak_mb": _peak_rss_mb()}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", default="1,2", help="local cluster sizes to run (default 1,2)")
    parser.add_argument("--partition-size", type=int, default=500)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"skipped: the benchmark's articles are not here ({SHARED})", file=sys.stderr)
        return
    sizes = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        write_articles(args.articles, path)
        megabytes = path.stat().st_size / 1e6
        print(f"{args.articles:,} articles ({megabytes:.0f} MB of JSONL; news_pk_2025.jsonl repeated), "
              f"partitions of {args.partition_size}, {os.cpu_count()} CPUs", file=sys.stderr)  # fmt: skip
        results: dict[str, Any] = {"articles": args.articles, "partition_size": args.partition_size,
                                   "cpus": os.cpu_count()}  # fmt: skip
        print("single process …", file=sys.stderr)
        results["single"] = run_single(path)
        for n in sizes:
            print(f"Dask local:{n} …", file=sys.stderr)
            results[f"dask_{n}"] = run_dask(path, n, args.partition_size)
    rows = [("single process", results["single"], [results["single"]["peak_mb"]])]
    rows += [(f"Dask local:{n}", results[f"dask_{n}"], results[f"dask_{n}"]["worker_peak_mb"]) for n in sizes]
    print(f"\n{'run':<16}{'startup s':>10}{'extract s':>11}{'docs/s':>9}{'events':>9}{'CPU s':>8}"
          f"{'client CPU s':>14}  peak MB per process")  # fmt: skip
    for name, result, memory in rows:
        rate = result["documents"] / result["seconds"]
        result["docs_per_s"] = round(rate, 1)
        client = f"{result['client_cpu_s']:.1f}" if "client_cpu_s" in result else "-"
        print(f"{name:<16}{result['startup_s']:>10.1f}{result['seconds']:>11.1f}{rate:>9.1f}{result['events']:>9}"
              f"{result['cpu_s']:>8.1f}{client:>14}  " + ", ".join(f"{mb:.0f}" for mb in memory)
              + (f" (client {result['client_peak_mb']:.0f})" if "client_peak_mb" in result else ""))  # fmt: skip
    if 1 in sizes and 2 in sizes:
        one, two = results["dask_1"]["docs_per_s"], results["dask_2"]["docs_per_s"]
        results["scaling_efficiency"] = round(two / (2 * one), 3)
        print(f"\nscaling efficiency, local:2 against local:1: {two:.1f} / (2 × {one:.1f}) = "
              f"{results['scaling_efficiency']:.2f}")  # fmt: skip
    if 1 in sizes:
        results["dask_1_over_single"] = round(
            results["dask_1"]["docs_per_s"] / results["single"]["docs_per_s"], 3
        )
        print(f"one Dask worker against the single process: {results['dask_1_over_single']:.2f}×")
    events = {results[key]["events"] for key in results if isinstance(results[key], dict)}
    print(f"events: {'the same in every run' if len(events) == 1 else f'DIFFER: {sorted(events)}'}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
