"""The Dask side: a client for `--scheduler tcp://HOST:PORT` or `--dask local:N`, with every
worker checked (it runs this strife) and warmed (its pipeline built before its first task).

Only this module imports Dask; `strife.distributed.run` imports it when a run asks for a
cluster, so a default install (without the `dask` extra) runs everything else.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin

from strife import __version__
from strife.distributed.worker import strife_version, warm
from strife.readers import UsageError
from strife.runner import PipelineFactory

# How long a client waits for a scheduler to answer, and for a cluster's first worker.
CONNECT_TIMEOUT_S = 30
WORKER_WAIT_S = 120


@dataclass(frozen=True, slots=True)
class ClusterSpec:
    """Where to run: a scheduler's address, or a local cluster of `local_workers` processes."""

    scheduler: str | None = None
    local_workers: int | None = None

    def describe(self) -> str:
        return self.scheduler or f"local:{self.local_workers}"


class PipelineWarmup(WorkerPlugin):
    """Builds the pipeline when a worker starts — a worker that joins later, or replaces one that
    died, included — so it is built once per worker process, before its first partition."""

    name = "strife-pipeline"

    def __init__(self, factory: PipelineFactory) -> None:
        self.factory = factory

    def setup(self, worker: Any) -> None:
        warm(self.factory)


@contextmanager
def connect(spec: ClusterSpec, factory: PipelineFactory) -> Iterator[Client]:
    """A client on the cluster `spec` names (a local one is started, and stopped after)."""
    if spec.scheduler:
        try:
            client = Client(spec.scheduler, timeout=CONNECT_TIMEOUT_S)
        except (OSError, TimeoutError) as err:
            raise UsageError(f"cannot reach the Dask scheduler at {spec.scheduler}: {err}") from None
        with client:
            _prepare(client, factory)
            yield client
        return
    assert spec.local_workers is not None
    # One thread a worker: the stages are pure Python, so processes, not threads, run in parallel.
    with (
        LocalCluster(
            n_workers=spec.local_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port: several local clusters may run side by side
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster) as client,
    ):
        _prepare(client, factory)
        yield client


def _prepare(client: Client, factory: PipelineFactory) -> None:
    try:
        client.wait_for_workers(1, timeout=WORKER_WAIT_S)
    except TimeoutError:
        raise UsageError(f"the Dask cluster has no worker after {WORKER_WAIT_S} s") from None
    try:
        versions = client.run(strife_version)
    except Exception as err:  # a worker that cannot even unpickle the call
        raise UsageError(f"the Dask workers cannot run strife (install it on every worker): {err}") from None
    others = {address: version for address, version in versions.items() if version != __version__}
    if others:
        listed = ", ".join(f"{address} has {version}" for address, version in sorted(others.items()))
        raise UsageError(f"the Dask workers run another strife than this one ({__version__}): {listed}")
    client.register_plugin(PipelineWarmup(factory))


def worker_count(client: Client) -> int:
    return sum(client.nthreads().values())


__all__ = ["ClusterSpec", "PipelineWarmup", "connect", "worker_count"]
