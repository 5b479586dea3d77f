"""A run killed outright (`kill -9`): its worker processes leave, and the store says the run was
interrupted instead of `running` for ever."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from strife.store import open_store
from strife.store.runs import this_host
from strife.store.schema import Run

REPORT = "Gunmen killed {n} policemen at a checkpoint in Kalat on Monday, officials said."


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (exited, not yet reaped by init) is gone for our purpose.
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "zombie" not in status.read_text()


def _big_input(tmp_path: Path) -> Path:
    path = tmp_path / "many.jsonl"
    with path.open("w") as out:
        for n in range(20_000):
            out.write(
                json.dumps({"id": f"d{n}", "text": REPORT.format(n=n % 9 + 2), "published": "2025-03-10"})
                + "\n"
            )
    return path


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc (Linux)")
def test_workers_leave_when_a_jobs_run_is_killed(tmp_path):
    source = _big_input(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "strife", "extract", "--jobs", "2", str(source)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers: list[int] = []
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the run never started its workers"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, "worker processes outlived the killed run"


def test_a_run_whose_process_is_gone_is_marked_interrupted_on_open(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    store = open_store(url)
    with store.writing() as session:
        session.add_all(
            [
                Run(command="ingest", strife_version="t", host=this_host(), pid=gone.pid),
                Run(command="ingest", strife_version="t", host=this_host(), pid=os.getpid()),
                Run(command="ingest", strife_version="t", host="another-machine", pid=gone.pid),
            ]
        )
    store.close()
    store = open_store(url)
    with store.reading() as session:
        statuses = [
            (run.host == this_host(), run.pid == gone.pid, run.status)
            for run in session.query(Run).order_by(Run.id)
        ]
    store.close()
    # Killed here: interrupted. Still running here (this process): running. Elsewhere: unknown.
    assert statuses == [(True, True, "interrupted"), (True, False, "running"), (False, True, "running")]
