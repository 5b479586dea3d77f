"""Shared fixtures: a wire-style report, the command line run two ways, a local HTTP server,
and stores on each backend (SQLite files; PostgreSQL schemas where STRIFE_TEST_POSTGRES_URL
names a server)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from sqlalchemy import create_engine, text

from strife.cli import main
from strife.store.database import normalise_url

REPO_ROOT = Path(__file__).resolve().parents[1]

# Invented for these tests, in the manner of a wire story. Published 2025-02-01 (a Saturday), the
# clash was "late on Friday": 2025-01-31.
SEED_TEXT = (
    "QUETTA, Feb 1 (Example Wire): Eighteen security personnel and 12 terrorists were killed in an "
    "overnight gunfight in the Kalat district of Pakistan's southwestern Balochistan province, the "
    "military said on Saturday.\n"
    "The clash broke out late on Friday when armed men tried to block the main highway near the town "
    "of Surab in Kalat, according to a statement from the Inter-Services Public Relations (ISPR).\n"
    "The statement said 18 security personnel and 12 terrorists died in the exchange of fire, which "
    "lasted several hours.\n"
    "No group has claimed responsibility for the attack.\n"
)

# A second, different incident (also invented): 3 dead, on Tuesday before a Thursday publication.
SECOND_TEXT = (
    "PESHAWAR: Three policemen were killed when gunmen opened fire on a patrol in the Bannu district "
    "of Khyber Pakhtunkhwa on Tuesday, police said.\n"
    "The attackers fled after the ambush and a search operation was launched, officials said.\n"
)

# A report with no violence in it: read, but no events.
QUIET_TEXT = (
    "LAHORE: The provincial cabinet approved a plan on Monday to build twelve new schools in "
    "the southern districts, the education minister told reporters.\n"
)


def gold_digest(keep: Callable[[dict[str, Any]], bool] = lambda document: True) -> dict[str, object]:
    """How many documents of the real gold's manifest `keep` takes, and a digest of their sorted
    ids: what a learned model records of the gold it was fitted on."""
    manifest = json.loads((Path(__file__).parent / "corpus/real/manifest.json").read_text())
    ids = sorted({d["id"] for d in manifest["documents"] if keep(d)})
    return {"documents": len(ids), "sha1": hashlib.sha1("\n".join(ids).encode()).hexdigest()[:12]}


class CliResult(NamedTuple):
    code: int
    out: str
    err: str


@pytest.fixture
def seed_text() -> str:
    return SEED_TEXT


@pytest.fixture
def run_cli(capsys, monkeypatch):
    """Run `strife.cli.main([...])` in this process; return (exit code, stdout, stderr).

    `stdin` (str or bytes) becomes what `-` reads.
    """

    def run(*args: object, stdin: str | bytes | None = None) -> CliResult:
        if stdin is not None:
            data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        capsys.readouterr()  # drop whatever came before
        try:
            code = main([str(arg) for arg in args])
        except SystemExit as exit_:  # argparse: usage errors, --version
            code = exit_.code if isinstance(exit_.code, int) else 1
        out, err = capsys.readouterr()
        return CliResult(code, out, err)

    return run


@pytest.fixture
def run_cli_subprocess(tmp_path):
    """Run `python -m strife ...` as a child process, the way a user does."""

    def run(*args: object, stdin: str | bytes | None = None, cwd: Path | None = None) -> CliResult:
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
        proc = subprocess.run(
            [sys.executable, "-m", "strife", *map(str, args)],
            input=data if data is not None else b"",
            capture_output=True,
            cwd=cwd or tmp_path,
            env=env,
            timeout=60,
        )
        return CliResult(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))

    return run


class LocalServer:
    """What the `http_server` fixture gives: fill `routes`, read `requests`, build URLs with `url`."""

    def __init__(self) -> None:
        # path -> (status, content type, body) or (status, content type, body, more headers)
        self.routes: dict[str, tuple[Any, ...]] = {}
        self.requests: list[str] = []
        self.hosts: list[str] = []  # the Host header of each request
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"


@pytest.fixture
def http_server():
    server_state = LocalServer()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server_state.requests.append(self.path)
            server_state.hosts.append(self.headers.get("Host", ""))
            status, content_type, body, *more = server_state.routes.get(
                self.path, (404, "text/plain", b"not found")
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            for name, value in (more[0] if more else {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # keep the test output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server_state.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield server_state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def shared_data() -> Path:
    """`../shared/data` beside the checkout; the test is skipped where it is absent."""
    path = (REPO_ROOT / ".." / "shared" / "data").resolve()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


def assert_spans_are_their_digests(shared: Path, rows: list[dict]) -> None:
    """Each coded row (`file`, `id`, `start`, `end`, `sha1`) points at the text it was coded on:
    the span of the shared record (the first of an id given twice) has the row's digest."""
    texts: dict[str, str] = {}
    for name in {r["file"] for r in rows}:
        wanted = {r["id"] for r in rows if r["file"] == name}
        for line in (shared / name).open(encoding="utf-8"):
            record = json.loads(line)
            if record["id"] in wanted:
                texts.setdefault(record["id"], record["text"])
    for row in rows:
        quote = texts[row["id"]][row["start"] : row["end"]]
        assert hashlib.sha1(quote.encode("utf-8")).hexdigest()[:12] == row["sha1"], row


# The spec's event table, every key (shared/spec/event-record.md).
SPEC_EVENT_KEYS = (
    "event_id", "doc_id", "event_date", "date_end", "time_precision", "date_basis", "event_type",
    "sub_event_type", "actor1", "actor2", "assoc_actor_1", "assoc_actor_2", "inter1", "inter2",
    "interaction", "country", "iso3", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "geonameid", "fatalities", "fatalities_low", "fatalities_high",
    "deaths_actor1", "deaths_actor2", "deaths_civilians", "deaths_unknown", "fatalities_imputed",
    "injured", "claim_status", "claimed_by", "reported_by", "source", "source_url", "background",
    "notes", "evidence", "confidence",
)  # fmt: skip


@pytest.fixture
def spec_event_keys() -> tuple[str, ...]:
    return SPEC_EVENT_KEYS


# Stores on each backend -------------------------------------------------------------------------

POSTGRES_ENV = "STRIFE_TEST_POSTGRES_URL"


def postgres_base() -> str:
    """The server the PostgreSQL tests may make schemas on; skips the test when there is none."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} is not set: the PostgreSQL tests need a server (.ci/run starts one)")
    return base


@contextmanager
def postgres_schemas(base: str) -> Iterator[Callable[[], str]]:
    """Make store URLs, each on a new schema of its own in `base`'s database; drop them after."""
    admin = create_engine(normalise_url(base))
    schemas: list[str] = []

    def make() -> str:
        schema = f"strife_test_{uuid.uuid4().hex[:12]}"
        with admin.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        schemas.append(schema)
        url = normalise_url(base).update_query_dict({"options": f"-csearch_path={schema}"})
        return url.render_as_string(hide_password=False)

    try:
        yield make
    finally:
        with admin.begin() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_store_url(request, tmp_path) -> Iterator[Callable[[], str]]:
    """Make empty stores on the backend of this run of the test: SQLite files, or PostgreSQL
    schemas of their own in the database STRIFE_TEST_POSTGRES_URL names (dropped afterwards)."""
    if request.param == "sqlite":
        count = iter(range(1000))
        yield lambda: f"sqlite:///{tmp_path / f'store-{next(count)}.db'}"
        return
    with postgres_schemas(postgres_base()) as make:
        yield make


@pytest.fixture
def store_url(new_store_url) -> str:
    return new_store_url()
