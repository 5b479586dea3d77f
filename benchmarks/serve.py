"""`strife serve` under load: requests/s and latency of `GET /events` with N concurrent clients.

    python benchmarks/serve.py [--events 100000] [--clients 8] [--seconds 15] [--postgres URL]
                               [--generator wrk|python]

A store is filled with `--events` synthetic events (bulk-inserted: copies of the event of one
invented report, spread over three years, five countries and a range of fatalities), `strife
serve` is started on it in a child process (uvicorn, one worker), and `--clients` threads, each
with its own HTTP connection, request for `--seconds`: a mix of the first page (100 events,
newest first), a page by fatalities, a country filter, a bbox, a free-text search, and (one
request in five) the second page of one of these through its cursor. Reported: requests/s,
p50 and p99 latency, errors.

The load comes from `wrk` (Debian's package, written in C: it takes little of the CPU the
server shares with it) when it is installed, else from Python threads with httpx, which on two
cores take a good part of a core themselves; `--generator` picks one. The table says which.

SQLite always (a new file); PostgreSQL too with `--postgres URL` (a database the benchmark may
create a schema in; it drops it afterwards).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

import httpx
from sqlalchemy import create_engine, insert, text

from strife.api import extract
from strife.store import open_store
from strife.store.database import normalise_url
from strife.store.schema import EventRow, event_columns

TEMPLATE = (
    "QUETTA: Five soldiers were killed when militants attacked a check post in the Kalat district "
    "of Balochistan on Tuesday, the military said."
)
COUNTRIES = [
    ("Pakistan", "PAK", 30.0, 69.0),
    ("Afghanistan", "AFG", 34.0, 66.0),
    ("India", "IND", 23.0, 79.0),
    ("Kenya", "KEN", 0.5, 38.0),
    ("Nigeria", "NGA", 9.0, 8.0),
]
QUERIES = [
    {"limit": 100},
    {"limit": 100, "sort": "-fatalities"},
    {"limit": 100, "country": "PAK", "since": "2024-01-01"},
    {"limit": 100, "bbox": "60,25,75,35"},
    {"limit": 50, "q": "kalat"},
]


def fill(url: str, count: int) -> None:
    store = open_store(url)
    [template] = extract(TEMPLATE, published="2025-01-01")
    rng = random.Random(7)
    start = dt.date(2022, 1, 1)
    batch = []
    with store.writing() as session:
        for n in range(count):
            country, iso3, lat, lon = COUNTRIES[0] if rng.random() < 0.4 else rng.choice(COUNTRIES)
            day = start + dt.timedelta(days=rng.randrange(3 * 365))
            event = template.model_copy(
                update={
                    "event_id": f"ev:bench{n:08d}",
                    "event_date": day,
                    "date_end": day,
                    "country": country,
                    "iso3": iso3,
                    "latitude": lat + rng.uniform(-3, 3),
                    "longitude": lon + rng.uniform(-3, 3),
                    "fatalities": rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 13, 40]),
                }
            )
            batch.append(event_columns(event, {}))
            if len(batch) == 5000:
                session.execute(insert(EventRow), batch)
                batch = []
        if batch:
            session.execute(insert(EventRow), batch)
    if store.engine.dialect.name == "postgresql":
        # What autovacuum does within a minute of a bulk load; the load starts sooner than that.
        # SQLite is left without statistics, as strife's own stores are.
        with store.engine.begin() as connection:
            connection.execute(text("ANALYZE events"))
    store.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def load(base: str, clients: int, seconds: float) -> dict[str, float]:
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        mine: list[float] = []
        failed = 0
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.perf_counter() < deadline:
                params = dict(rng.choice(QUERIES))
                if rng.random() < 0.2:  # the next page, through the cursor of the first
                    params["cursor"] = http.get("/events", params=params).json()["next"]
                began = time.perf_counter()
                response = http.get("/events", params=params)
                mine.append(time.perf_counter() - began)
                failed += response.status_code != 200
        with lock:
            latencies.extend(mine)
            errors += failed

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    latencies.sort()
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": quantiles[49] * 1000,
        "p99_ms": quantiles[98] * 1000,
        "errors": errors,
    }


# wrk cycles through the paths, each of its threads from its own random start; `done` prints
# the figures as JSON on the last line.
WRK_SCRIPT = """
local paths = {%s}
local i = 0
setup = function(thread) thread:set("offset", math.random(#paths)) end
request = function()
  i = i + 1
  return wrk.format("GET", paths[((i + (offset or 0)) %% #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %%d, "seconds": %%f, "p50_ms": %%f, "p99_ms": %%f, "errors": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def load_wrk(base: str, clients: int, seconds: float) -> dict[str, float]:
    """The same mix as `load`, from wrk: each query four times, and the second page of each."""
    paths = []
    for params in QUERIES:
        paths += [f"/events?{urllib.parse.urlencode(params)}"] * 4
        cursor = httpx.get(f"{base}/events", params=params).json()["next"]
        paths.append(f"/events?{urllib.parse.urlencode({**params, 'cursor': cursor})}")
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT % ", ".join(f'"{path}"' for path in paths))
    try:
        finished = subprocess.run(
            ["wrk", "-t2", f"-c{clients}", f"-d{seconds:.0f}s", "--timeout", "30s", "-s", script.name, base],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(script.name)
    figures = json.loads(finished.stdout.strip().splitlines()[-1])
    figures["rps"] = figures["requests"] / figures["seconds"]
    return figures


def serve_and_load(url: str, clients: int, seconds: float, generator: str = "python") -> dict[str, float]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "strife", "serve", "--db", url, "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/events", params={"limit": 1}).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"strife serve did not start: {server.stderr.read().decode()}")
        load(base, clients, 2)  # warm up
        if generator == "wrk":
            return load_wrk(base, clients, seconds)
        return load(base, clients, seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--postgres", metavar="URL")
    parser.add_argument(
        "--generator",
        choices=("wrk", "python"),
        default="wrk" if shutil.which("wrk") else "python",
        help="the load generator (default wrk when installed: apt-get install wrk)",
    )
    args = parser.parse_args()

    targets: list[tuple[str, str, str | None]] = []
    directory = tempfile.mkdtemp(prefix="strife-serve-bench-")
    targets.append(("SQLite", f"sqlite:///{Path(directory) / 'bench.db'}", None))
    if args.postgres:
        schema = f"strife_bench_{uuid.uuid4().hex[:10]}"
        with create_engine(normalise_url(args.postgres)).begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = normalise_url(args.postgres).update_query_dict({"options": f"-csearch_path={schema}"})
        targets.append(("PostgreSQL", url.render_as_string(hide_password=False), schema))

    print(
        f"{args.events} events, {args.clients} clients, {args.seconds:.0f} s, GET /events, "
        f"load from {args.generator} (cpus: {os.cpu_count()})"
    )
    print(f"{'backend':<12}{'requests':>10}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'errors':>8}")
    try:
        for name, url, _schema in targets:
            began = time.perf_counter()
            fill(url, args.events)
            filled = time.perf_counter() - began
            result = serve_and_load(url, args.clients, args.seconds, args.generator)
            print(
                f"{name:<12}{result['requests']:>10.0f}{result['rps']:>10.0f}{result['p50_ms']:>10.1f}"
                f"{result['p99_ms']:>10.1f}{result['errors']:>8.0f}   (filled in {filled:.1f} s)"
            )
    finally:
        for _name, _url, schema in targets:
            if schema:
                with create_engine(normalise_url(args.postgres)).begin() as connection:
                    connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    return 0


if __name__ == "__main__":
    sys.exit(main())
