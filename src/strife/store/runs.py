"""Runs whose process is gone: a `strife ingest` killed with `kill -9`, or a machine that lost
power, never wrote its end, and would say `running` forever.

Each run names its host and process id. When a store is opened, the runs still `running` on
this host whose process no longer exists are marked `interrupted` (their documents and events
stay: every stored document was committed whole). A run on another host cannot be checked
from here and is left as it is.
"""

from __future__ import annotations

import os
import socket

from sqlalchemy import Engine, select, update

from strife.store.schema import Run, utcnow


def this_host() -> str:
    return socket.gethostname()[:255]


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    except OSError:
        return False
    return True


def interrupt_dead_runs(engine: Engine) -> list[int]:
    """Mark this host's `running` runs whose process is gone as `interrupted`; their ids."""
    host = this_host()
    with engine.connect() as connection:
        rows = connection.execute(
            select(Run.id, Run.pid).where(Run.status == "running", Run.host == host, Run.pid.is_not(None))
        ).all()
    dead = [run_id for run_id, pid in rows if pid != os.getpid() and not process_alive(pid)]
    if dead:
        with engine.execution_options(strife_write=True).begin() as connection:
            connection.execute(
                update(Run)
                .where(Run.id.in_(dead), Run.status == "running")
                .values(status="interrupted", finished_at=utcnow())
            )
    return dead


__all__ = ["interrupt_dead_runs", "process_alive", "this_host"]
