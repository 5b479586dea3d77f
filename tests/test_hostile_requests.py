"""Hostile and malformed requests get a clear 4xx (or, on the command line, one line and a
non-zero exit), never a 500 or a traceback: skipped documents, lone surrogates, integers past the
store's columns, filters repeated thousands of times, NaN and infinities, control characters,
reports and outputs that cannot be written, and stores that are no stores. The API's tests run
against SQLite and, where STRIFE_TEST_POSTGRES_URL names a server, PostgreSQL: both must answer
the same."""

from __future__ import annotations

import base64
import datetime as dt
import json
import socket
import subprocess
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's test client says httpx is deprecated for it
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

import strife.api
from strife.document import Document
from strife.server.app import MAX_FILTER_VALUES, MAX_TEXT_FILTER, ServerSettings, create_app
from strife.server.auth import create_token
from strife.store import ingest, open_store
from strife.store.database import MAX_INTEGER, Store

BANNU = "Militants attacked a police post in Bannu on Monday, killing two policemen, officials said."
KALAT = "Gunmen shot dead four passengers on a bus in Kalat on Tuesday, police said."


@dataclass
class Served:
    store: Store
    client: TestClient
    reviewer: dict[str, str]
    admin: dict[str, str]
    event_id: str

    def event(self) -> dict[str, Any]:
        response = self.client.get(f"/events/{self.event_id}")
        assert response.status_code == 200, response.text
        return response.json()["event"]

    def count(self) -> tuple[int, int]:
        """Events and documents in the store."""
        totals = self.client.get("/stats", params={"by": "type", "background": "include"}).json()["total"]
        with self.store.engine.connect() as connection:
            from sqlalchemy import func, select

            from strife.store.schema import DocumentRow

            documents = connection.scalar(select(func.count()).select_from(DocumentRow))
        return totals["events"], documents


@pytest.fixture
def served(store_url) -> Iterator[Served]:
    """A store (SQLite, or PostgreSQL where there is one) holding one report and its event, a
    reviewer's and an admin's token, and a client of a server that may fetch local URLs."""
    store = open_store(store_url)
    ingest(store, [Document(id="bannu", text=BANNU, published=dt.date(2025, 3, 4))])
    tokens = {role: create_token(store, role, f"test {role}")[1] for role in ("reviewer", "admin")}
    client = TestClient(create_app(store, ServerSettings(allow_private_urls=True)))
    [event] = client.get("/events").json()["events"]
    try:
        yield Served(
            store,
            client,
            {"Authorization": f"Bearer {tokens['reviewer']}", "Content-Type": "application/json"},
            {"Authorization": f"Bearer {tokens['admin']}"},
            event["event_id"],
        )
    finally:
        store.close()


def messages(response) -> str:
    """The detail of an error answer as one string: FastAPI's list of errors (each with where
    it was and why) or our own text."""
    detail = response.json()["detail"]
    if isinstance(detail, list):
        return " | ".join(f"{'.'.join(map(str, error['loc']))}: {error['msg']}" for error in detail)
    return json.dumps(detail)


# 1. A document skipped while it is stored ----------------------------------------------------------


def test_a_document_skipped_while_storing_is_listed_and_the_others_are_stored(
    served, http_server, monkeypatch
):
    # A report the pipeline fails on is skipped by the runner, inside the ingest: its skip
    # came back as a dict, read as an object (`.origin`), and the whole answer was a 500.
    real = strife.api._pipeline

    def failing_pipeline():
        pipeline = real()

        def run(doc):
            if "UNREADABLE" in doc.text:
                raise RuntimeError("the parser choked")
            return pipeline(doc)

        return run

    monkeypatch.setattr(strife.api, "_pipeline", failing_pipeline)
    lines = [
        {"id": "kalat", "text": KALAT, "published": "2025-01-07"},
        {"id": "broken", "text": f"UNREADABLE {BANNU}", "published": "2025-01-07"},
    ]
    http_server.routes["/feed.jsonl"] = (
        200,
        "application/x-ndjson",
        "".join(json.dumps(line) + "\n" for line in lines).encode(),
    )
    response = served.client.post(
        "/documents", json={"url": http_server.url("/feed.jsonl")}, headers=served.reviewer
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] == 1
    assert [item["document"]["doc_id"] for item in body["documents"]] == ["kalat"]
    [skipped] = body["skipped"]
    assert skipped["origin"].endswith("feed.jsonl:2")
    assert "extraction failed" in skipped["reason"] and "the parser choked" in skipped["reason"]

    # Nothing stored at all: 422, with the reasons.
    http_server.routes["/broken.jsonl"] = (
        200,
        "application/x-ndjson",
        (json.dumps(lines[1]) + "\n").encode(),
    )
    response = served.client.post(
        "/documents", json={"url": http_server.url("/broken.jsonl")}, headers=served.reviewer
    )
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail["message"] == "no document could be stored"
    assert "the parser choked" in detail["skipped"][0]["reason"]


# 2. Lone surrogates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("post", "/documents", '{"text": "\\ud800 attack in Kalat killed two on Monday"}', "text"),
        ("post", "/documents", f'{{"text": "{KALAT}", "title": "half \\udc00 a pair"}}', "title"),
        ("patch", "/events/{id}", '{"fields": {"notes": "\\ud83d"}}', "fields.notes"),
        ("patch", "/events/{id}", '{"fields": {"\\ud800": 1}}', "fields"),
        ("post", "/events/{id}/accept", '{"note": "\\ud800"}', "note"),
    ],
)
def test_a_lone_surrogate_is_refused_naming_the_field(served, method, path, body, field):
    # Python's JSON reads "\ud800" as a lone surrogate, which has no UTF-8: the database
    # driver (or the JSON writer of the record) failed on it, a 500. It is refused, 422, rather
    # than stored with U+FFFD in its place: the text stored would not be the text sent, and a
    # client that cuts a UTF-16 pair in two should hear of it.
    before = served.count(), served.event()
    response = getattr(served.client, method)(
        path.format(id=served.event_id), content=body.encode(), headers=served.reviewer
    )
    assert response.status_code == 422, response.text
    assert field in messages(response) and "surrogate" in messages(response)
    assert (served.count(), served.event()) == before  # nothing stored, nothing changed


# 3. Integers past 64 (and 32) bits -----------------------------------------------------------------


def _cursor(payload: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.mark.parametrize("number", [2**70, 2**40, MAX_INTEGER + 1])
def test_integers_past_the_store_are_refused_naming_the_parameter(served, number):
    # SQLite cannot bind past 64 bits (OverflowError), PostgreSQL's integer columns end at 32
    # (integer out of range): both were a 500.
    for path in ("/events", "/stats?by=type"):
        response = served.client.get(path, params={"min_fatalities": number})
        assert response.status_code == 422, response.text
        assert "min_fatalities" in messages(response) and str(MAX_INTEGER) in messages(response)

    response = served.client.delete(f"/tokens/{number}", headers=served.admin)
    assert response.status_code == 422 and "token_id" in messages(response)

    for payload, sort in [
        ({"s": "-fatalities", "k": number, "i": 1}, "-fatalities"),
        ({"s": "-event_date", "k": "2025-01-01", "i": number}, "-event_date"),
    ]:
        response = served.client.get("/events", params={"cursor": _cursor(payload), "sort": sort})
        assert response.status_code == 400 and "not a valid cursor" in messages(response)

    before = served.event()
    response = served.client.patch(
        f"/events/{served.event_id}",
        content=f'{{"fields": {{"fatalities": {number}}}}}'.encode(),
        headers=served.reviewer,
    )
    assert response.status_code == 422, response.text
    assert "fields.fatalities" in messages(response) and "out of range" in messages(response)
    assert served.event() == before


def test_integers_up_to_the_bound_are_answered(served):
    response = served.client.get("/events", params={"min_fatalities": MAX_INTEGER})
    assert response.status_code == 200 and response.json()["events"] == []
    assert served.client.delete(f"/tokens/{MAX_INTEGER}", headers=served.admin).status_code == 404


# 4. Filters repeated, and filters too long -------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["country", "admin1", "admin2", "event_type", "sub_event_type", "review_state"]
)
def test_a_filter_repeated_past_the_cap_is_refused_naming_the_limit(served, name):
    # 2,000 countries made SQLite give up ("Expression tree is too large"): a 500.
    value = "accepted" if name == "review_state" else "Pakistan"
    response = served.client.get("/events?" + "&".join([f"{name}={value}"] * 2000))
    assert response.status_code == 422, response.text
    assert name in messages(response) and f"at most {MAX_FILTER_VALUES} items" in messages(response)
    at_cap = served.client.get("/events?" + "&".join([f"{name}={value}"] * MAX_FILTER_VALUES))
    assert at_cap.status_code == 200, at_cap.text


@pytest.mark.parametrize("name", ["actor", "q", "country"])
def test_a_filter_value_past_the_cap_is_refused_naming_the_limit(served, name):
    # A LIKE pattern of 60,000 characters made SQLite give up ("pattern too complex"): a 500.
    response = served.client.get("/events", params={name: "a" * 60_000})
    assert response.status_code == 422, response.text
    assert name in messages(response) and f"at most {MAX_TEXT_FILTER} characters" in messages(response)
    at_cap = served.client.get("/events", params={name: "a" * MAX_TEXT_FILTER})
    assert at_cap.status_code == 200 and at_cap.json()["events"] == []


# 5. NaN, infinities ------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999"])
@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("patch", "/events/{id}", '{{"fields": {{"latitude": {n}}}}}', "fields.latitude"),
        ("patch", "/events/{id}", '{{"fields": {{"fatalities": {n}, "notes": "x"}}}}', "fields.fatalities"),
        ("post", "/documents", f'{{{{"text": "{KALAT}", "id": {{n}}}}}}', "id"),
        ("post", "/documents", '{{"text": {n}}}', "text"),
        ("post", "/events/{id}/merge", '{{"other": {n}}}', "other"),
    ],
)
def test_non_finite_numbers_are_refused_and_never_stored(served, number, method, path, body, field):
    # Python's JSON reads NaN, Infinity and 1e999 (as inf). Quoted back in the 422 of a field
    # that wanted text, they could not be written as JSON: a 500.
    before = served.count(), served.event()
    response = getattr(served.client, method)(
        path.format(id=served.event_id), content=body.format(n=number).encode(), headers=served.reviewer
    )
    assert response.status_code == 422, response.text
    assert field in messages(response)
    assert (served.count(), served.event()) == before


# 6. Control characters in filters, NUL in ids --------------------------------------------------


@pytest.mark.parametrize(
    ("name", "value"),
    [("actor", "\x00"), ("q", "\x00"), ("q", "police\x00"), ("q", "a\x1fb"), ("country", "\x00")],
)
def test_control_characters_in_text_filters_are_refused(served, name, value):
    # SQLite ends a LIKE pattern at a NUL: `q=%00` matched every event. PostgreSQL refused the
    # NUL outright: a 500.
    response = served.client.get("/events", params={name: value})
    assert response.status_code == 422, response.text
    assert name in messages(response) and "control character" in messages(response)


@pytest.mark.parametrize(
    ("method", "path"),
    [("get", "/events/ev%00x"), ("get", "/documents/a%00b"), ("post", "/events/ev%00x/accept")],
)
def test_a_nul_in_an_id_is_refused(served, method, path):
    response = getattr(served.client, method)(path, headers=served.reviewer)
    assert response.status_code == 422, response.text
    assert "NUL" in messages(response)


def test_a_nul_in_a_body_is_refused(served):
    # PostgreSQL cannot hold a NUL in text or JSON: a 500 there, stored on SQLite. Refused on both.
    for method, path, body in [
        ("post", "/documents", {"text": f"{KALAT}\x00"}),
        ("patch", f"/events/{served.event_id}", {"fields": {"notes": "a\x00b"}}),
        ("post", f"/events/{served.event_id}/accept", {"note": "a\x00b"}),
    ]:
        response = getattr(served.client, method)(path, content=json.dumps(body), headers=served.reviewer)
        assert response.status_code == 422, response.text
        assert "NUL" in messages(response)


# The command line ------------------------------------------------------------------------------------


@pytest.fixture
def report_file(tmp_path) -> Path:
    path = tmp_path / "report.txt"
    path.write_text(KALAT + "\n", encoding="utf-8")
    return path


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


# 7. Reports and outputs that cannot be written --------------------------------------------------


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_report_into_a_missing_folder_is_refused_before_the_run(run_cli, tmp_path, report_file, command):
    missing = tmp_path / "no-such-folder" / "run.json"
    db = tmp_path / "store.db"
    extra = ["--db", db] if command == "ingest" else []
    result = run_cli(command, report_file, "--published", "2025-01-07", "--report", missing, *extra)
    assert result.code == 2
    line = _one_line(result.err)
    assert str(missing) in line and "no folder" in line
    assert result.out == "" and not db.exists()  # refused before anything was read or stored


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to stand for a full disk")
@pytest.mark.parametrize(
    "args",
    [["extract", "{input}", "-o", "/dev/full"], ["extract", "{input}", "-o", "/dev/full", "--format", "csv"]],
)
def test_an_output_on_a_full_disk_is_one_line_naming_the_file(run_cli, report_file, args):
    result = run_cli(*[arg.format(input=report_file) for arg in args], "--published", "2025-01-07")
    assert result.code != 0
    assert _one_line(result.err) == "strife: error: cannot write /dev/full: No space left on device"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to stand for a full disk")
def test_a_report_on_a_full_disk_is_one_line_naming_the_file(run_cli, tmp_path, report_file):
    result = run_cli(
        "extract",
        report_file,
        "--published",
        "2025-01-07",
        "-o",
        tmp_path / "x.jsonl",
        "--report",
        "/dev/full",
    )
    assert result.code != 0
    assert "strife: error: cannot write the report /dev/full: No space left on device" in result.err
    assert "Traceback" not in result.err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to stand for a full disk")
def test_standard_output_on_a_full_disk_is_one_line(tmp_path, report_file):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "strife", "extract", str(report_file), "--published", "2025-01-07"],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, cwd=tmp_path,
        )  # fmt: skip
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr and "Exception ignored" not in proc.stderr, proc.stderr
    assert "strife: error: cannot write standard output: No space left on device" in proc.stderr


# 8. Stores that are no stores ---------------------------------------------------------------------


def test_a_db_that_is_not_a_database_is_one_line(run_cli, tmp_path, report_file):
    text = tmp_path / "notes.txt"
    text.write_text("hello, not a database\n", encoding="utf-8")
    ingest = ["ingest", report_file, "--published", "2025-01-07"]
    for db, cause, commands in [
        (text, "file is not a database", (["token", "list"], ingest)),
        (f"sqlite:///{text}", "file is not a database", (["token", "list"], ingest)),
        ("notaurl://x", "unsupported database 'notaurl'", (["token", "list"], ingest)),
        ("postgresql://user@host:notaport/db", "not a database URL", (["token", "list"], ingest)),
        (report_file / "store.db", f"{report_file} is not a folder", (ingest,)),  # a file on the way
    ]:
        for args in commands:
            result = run_cli(*args, "--db", db)
            assert result.code == 2, (db, args, result.err)
            assert cause in _one_line(result.err), (db, args)


@pytest.mark.parametrize("db", ["sqlite://", "sqlite:///:memory:", ":memory:"])
def test_an_in_memory_store_is_refused(run_cli, tmp_path, report_file, db):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("http://127.0.0.1:9/feed.xml\n", encoding="utf-8")
    with socket.socket() as taken:  # were it not refused, serve would fail on this port, not serve
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        for args in (
            ["ingest", report_file, "--published", "2025-01-07"],
            ["token", "create", "--role", "admin"],
            ["watch", feeds, "--once"],
            ["serve", "--host", "127.0.0.1", "--port", port],
        ):
            result = run_cli(*args, "--db", db)
            assert result.code == 2, (args, result.err)
            assert "in-memory" in _one_line(result.err) and "lost" in result.err, (args, result.err)
    stored = run_cli(
        "ingest", report_file, "--published", "2025-01-07", "--db", f"sqlite:///{tmp_path / 's.db'}"
    )
    assert stored.code == 0 and (tmp_path / "s.db").exists()


def test_integers_past_the_store_on_the_command_line(run_cli, tmp_path, report_file):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    assert run_cli("ingest", report_file, "--published", "2025-01-07", "--db", db).code == 0
    event_id = json.loads(run_cli("export", "--db", db).out.splitlines()[0])["event_id"]
    for value in (str(2**70), "NaN", "1e999"):
        result = run_cli("events", "edit", event_id, "--set", f"fatalities={value}", "--db", db)
        assert result.code == 2 and "--set fatalities" in _one_line(result.err)
    result = run_cli("token", "revoke", str(2**70), "--db", db)
    assert result.code == 2 and "no active token" in _one_line(result.err)
