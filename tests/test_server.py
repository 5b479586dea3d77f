"""`strife serve`: the HTTP API over a SQLite store seeded from our own short corpus — every
endpoint, each filter, pagination, the formats, tokens, the body limit, the URL check, CORS and
the offline docs page."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import warnings
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # starlette's test client says httpx is deprecated for it
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from strife.readers import read_inputs
from strife.server import netcheck, queries
from strife.server.app import ServerSettings, create_app
from strife.server.auth import create_token, revoke_token
from strife.server.netcheck import URLRefused, check_url
from strife.store import ingest, open_store
from strife.store.database import Store

CORPUS = Path(__file__).parent / "corpus" / "short"


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('serve') / 'store.db'}")
    summary = ingest(store, read_inputs([str(path) for path in sorted(CORPUS.glob("*.jsonl"))]))
    assert summary.stored > 200 and summary.events > 200
    yield store
    store.close()


@pytest.fixture(scope="module")
def tokens(store) -> dict[str, str]:
    made = {role: create_token(store, role, f"test {role}")[1] for role in ("reviewer", "admin")}
    revoked_id, made["revoked"] = create_token(store, "admin", "gone")
    assert revoke_token(store, revoked_id)
    return made


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture(scope="module")
def client(store) -> TestClient:
    return TestClient(create_app(store))


def walk(client: TestClient, **params: Any) -> list[dict[str, Any]]:
    """Every page of /events, following `next`."""
    events: list[dict[str, Any]] = []
    cursor = None
    for _ in range(1000):
        query = {**params, **({"cursor": cursor} if cursor else {})}
        response = client.get("/events", params=query)
        assert response.status_code == 200, response.text
        body = response.json()
        events += body["events"]
        cursor = body["next"]
        if cursor is None:
            return events
    raise AssertionError("pagination does not end")


@pytest.fixture(scope="module")
def all_events(client) -> list[dict[str, Any]]:
    return walk(client, limit=500)


# /events ---------------------------------------------------------------------------------------


def test_events_page(client):
    body = client.get("/events", params={"limit": 5}).json()
    assert len(body["events"]) == 5 and body["next"]
    assert {"event_id", "event_date", "fatalities", "evidence"} <= body["events"][0].keys()
    # The default order is the newest first.
    dates = [event["event_date"] for event in body["events"]]
    assert dates == sorted(dates, reverse=True)


def test_limit_is_capped(client, all_events):
    body = client.get("/events", params={"limit": 100_000}).json()
    assert len(body["events"]) == min(500, len(all_events))


@pytest.mark.parametrize("sort", ["event_date", "-event_date", "fatalities", "-fatalities"])
@pytest.mark.parametrize("limit", [1, 7, 50])
def test_pagination_walks_every_event_once_in_order(client, all_events, sort, limit):
    if limit == 1 and sort.lstrip("-") == "fatalities":
        limit = 3  # a few hundred requests are enough for the one order
    events = walk(client, sort=sort, limit=limit)
    ids = [event["event_id"] for event in events]
    assert len(ids) == len(set(ids))  # no duplicates
    assert set(ids) == {event["event_id"] for event in all_events}  # no gaps
    keys = [event[sort.lstrip("-")] for event in events]
    assert keys == sorted(keys, reverse=sort.startswith("-"))


def test_pagination_with_a_filter(client, all_events):
    expected = {e["event_id"] for e in all_events if e["iso3"] == "PAK"}
    assert {e["event_id"] for e in walk(client, country="PAK", limit=4, sort="fatalities")} == expected


def _sample(all_events, key: str) -> Any:
    values = [event[key] for event in all_events if event.get(key)]
    assert values, key
    return max(set(values), key=values.count)


FILTERS = {
    "since": lambda ev, v: ev["event_date"] >= v,
    "until": lambda ev, v: ev["event_date"] <= v,
    "country": lambda ev, v: (ev["country"] or "").lower() == v.lower() or ev["iso3"] == v,
    "admin1": lambda ev, v: (ev["admin1"] or "").lower() == v.lower(),
    "admin2": lambda ev, v: (ev["admin2"] or "").lower() == v.lower(),
    "event_type": lambda ev, v: ev["event_type"].lower() == v.lower(),
    "sub_event_type": lambda ev, v: ev["sub_event_type"].lower() == v.lower(),
    "actor": lambda ev, v: any(v.lower() in (ev[k] or "").lower() for k in ("actor1", "actor2")),
    "min_fatalities": lambda ev, v: ev["fatalities"] >= int(v),
    "q": lambda ev, v: any(
        v.lower() in (ev[k] or "").lower() for k in ("notes", "location", "actor1", "actor2")
    ),
}


def _values(all_events) -> dict[str, list[str]]:
    return {
        "since": ["2024-01-01"],
        "until": ["2022-06-30"],
        "country": [_sample(all_events, "country"), _sample(all_events, "iso3"), "pakistan"],
        "admin1": [_sample(all_events, "admin1").upper()],
        "admin2": [_sample(all_events, "admin2")],
        "event_type": ["battles", _sample(all_events, "event_type")],
        "sub_event_type": [_sample(all_events, "sub_event_type")],
        "actor": ["police", "Military Forces"],
        "min_fatalities": ["10"],
        "q": ["killed", "100%_"],  # the second: LIKE's wildcards are matched as themselves
    }


@pytest.mark.parametrize("name", sorted(FILTERS))
def test_each_filter(client, all_events, name):
    for value in _values(all_events)[name]:
        expected = {e["event_id"] for e in all_events if FILTERS[name](e, value)}
        got = {e["event_id"] for e in walk(client, limit=500, **{name: value})}
        assert got == expected, (name, value)
        if value not in ("100%_",):
            assert 0 < len(got) < len(all_events), (name, value)


@pytest.mark.parametrize("narrow_box_events", [2000, 1], ids=["coordinate-index", "sort-order-scan"])
def test_bbox(client, all_events, monkeypatch, narrow_box_events):
    # A box with more events than NARROW_BOX_EVENTS is read in sort order, not by the index on
    # the coordinates: both ways must select the same events, in the same order.
    monkeypatch.setattr(queries, "NARROW_BOX_EVENTS", narrow_box_events)
    box = (60.0, 23.0, 78.0, 37.5)
    expected = {
        e["event_id"]
        for e in all_events
        if e["latitude"] is not None
        and box[0] <= e["longitude"] <= box[2]
        and box[1] <= e["latitude"] <= box[3]
    }
    pages = walk(client, limit=7, bbox=",".join(map(str, box)))
    assert {e["event_id"] for e in pages} == expected and 0 < len(pages) < len(all_events)
    in_order = [e["event_id"] for e in all_events if e["event_id"] in expected]
    assert [e["event_id"] for e in pages] == in_order


def test_filters_combine(client, all_events):
    got = walk(client, limit=500, country="PAK", min_fatalities=1, since="2023-01-01")
    expected = [
        e
        for e in all_events
        if e["iso3"] == "PAK" and e["fatalities"] >= 1 and e["event_date"] >= "2023-01-01"
    ]
    assert {e["event_id"] for e in got} == {e["event_id"] for e in expected} != set()


@pytest.mark.parametrize(
    "params",
    [
        {"bbox": "1,2,3"},
        {"bbox": "10,10,5,5"},
        {"cursor": "not-a-cursor"},
        {"sort": "country"},
        {"format": "xml"},
        {"since": "yesterday"},
        {"limit": 0},
    ],
)
def test_bad_requests(client, params):
    assert client.get("/events", params=params).status_code in (400, 422)


def test_a_cursor_of_another_order_is_refused(client):
    cursor = client.get("/events", params={"limit": 2, "sort": "fatalities"}).json()["next"]
    response = client.get("/events", params={"cursor": cursor, "sort": "event_date"})
    assert response.status_code == 400 and "sort" in response.json()["detail"]


def test_formats(client):
    params = {"limit": 20, "sort": "event_date"}
    records = client.get("/events", params=params).json()["events"]
    ids = [e["event_id"] for e in records]

    flat = client.get("/events", params={**params, "format": "csv"})
    assert flat.headers["content-type"].startswith("text/csv") and flat.headers["x-next-cursor"]
    assert [row["event_id"] for row in csv.DictReader(io.StringIO(flat.text))] == ids

    acled = client.get("/events", params={**params, "format": "acled-csv"})
    rows = list(csv.DictReader(io.StringIO(acled.text)))
    assert [row["event_id_cnty"] for row in rows] == ids
    assert [row["fatalities"] for row in rows] == [str(e["fatalities"]) for e in records]

    geo = client.get("/events", params={**params, "format": "geojson"})
    collection = json.loads(geo.text)
    assert collection["type"] == "FeatureCollection"
    assert [f["id"] for f in collection["features"]] == [
        e["event_id"] for e in records if e["latitude"] is not None
    ]
    feature = collection["features"][0]
    assert feature["geometry"]["coordinates"] == [
        feature["properties"]["longitude"],
        feature["properties"]["latitude"],
    ]

    last = client.get("/events", params={"limit": 500, "format": "csv"})
    assert "x-next-cursor" not in last.headers


# One event, one document -----------------------------------------------------------------------


def test_event_with_its_reports_and_revisions(client, all_events):
    event = next(e for e in all_events if e["evidence"])
    body = client.get(f"/events/{event['event_id']}").json()
    assert body["event"]["event_id"] == event["event_id"]
    report = body["reports"][0]
    assert report["doc_id"] == event["doc_id"] and report["evidence"]
    assert body["revisions"][0]["action"] == "create"
    assert client.get("/events/ev:nothing").status_code == 404


def test_document_with_its_events(client, all_events):
    event = all_events[0]
    body = client.get(f"/documents/{event['doc_id']}").json()
    document = body["document"]
    assert document["doc_id"] == event["doc_id"]
    assert document["text"] and document["source"] and document["published"]
    assert "url" in document
    assert event["event_id"] in [item["event"]["event_id"] for item in body["events"]]
    assert all("evidence" in item for item in body["events"])
    assert all(item["event"]["review_state"] == "unreviewed" for item in body["events"])
    assert client.get("/documents/no-such-document").status_code == 404


# /stats ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("by", ["week", "month", "admin1", "type", "actor"])
def test_stats(client, all_events, by):
    body = client.get("/stats", params={"by": by}).json()
    groups = body["groups"]
    assert body["total"] == {
        "events": len(all_events),
        "fatalities": sum(e["fatalities"] for e in all_events),
    }
    if by != "actor":
        assert sum(g["events"] for g in groups) == len(all_events)
    if by == "month":
        expected: dict[str, int] = {}
        for e in all_events:
            expected[e["event_date"][:7]] = expected.get(e["event_date"][:7], 0) + 1
        assert {g["month"]: g["events"] for g in groups} == expected
        assert [g["month"] for g in groups] == sorted(expected)
    if by == "week":
        for g in groups:
            assert dt.date.fromisoformat(g["week"]).weekday() == 0  # named by its Monday
        monday = {
            e["event_id"]: (
                dt.date.fromisoformat(e["event_date"])
                - dt.timedelta(days=dt.date.fromisoformat(e["event_date"]).weekday())
            ).isoformat()
            for e in all_events
        }
        counts: dict[str, int] = {}
        for week in monday.values():
            counts[week] = counts.get(week, 0) + 1
        assert {g["week"]: g["events"] for g in groups} == counts
    if by == "type":
        fatalities = {}
        for e in all_events:
            fatalities[e["event_type"]] = fatalities.get(e["event_type"], 0) + e["fatalities"]
        assert {g["event_type"]: g["fatalities"] for g in groups} == fatalities
    if by == "actor":
        police = [e for e in all_events if "Police Forces of Pakistan" in (e["actor1"], e["actor2"])]
        group = next(g for g in groups if g["actor"] == "Police Forces of Pakistan")
        assert group["events"] == len(police)
        assert group["fatalities"] == sum(e["fatalities"] for e in police)


def test_stats_take_the_filters(client, all_events):
    body = client.get("/stats", params={"by": "admin1", "country": "PAK", "event_type": "Battles"}).json()
    expected = [e for e in all_events if e["iso3"] == "PAK" and e["event_type"] == "Battles"]
    assert body["total"]["events"] == len(expected) > 0
    assert {g["country"] for g in body["groups"]} == {"Pakistan"}
    assert client.get("/stats", params={"by": "year"}).status_code == 422


# Writes and tokens -----------------------------------------------------------------------------

REPORT = {
    "text": "KARACHI: Two men were shot dead by unidentified gunmen on motorcycles in the Lyari area of "
    "Karachi on Sunday, police said. The attackers escaped.",
    "published": "2025-03-04",
    "source": "strife tests",
    "url": "https://example.org/lyari-shooting",
}


def test_writes_need_a_valid_token(client, tokens):
    assert client.post("/documents", json=REPORT).status_code == 401
    assert client.post("/documents", json=REPORT, headers=bearer("made-up")).status_code == 401
    revoked = client.post("/documents", json=REPORT, headers=bearer(tokens["revoked"]))
    assert revoked.status_code == 401 and "revoked" in revoked.json()["detail"]


def test_post_a_document(client, tokens):
    response = client.post("/documents", json=REPORT, headers=bearer(tokens["reviewer"]))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["stored"] == 1
    [stored] = body["documents"]
    assert stored["document"]["url"] == REPORT["url"] and stored["document"]["published"] == "2025-03-04"
    [item] = stored["events"]
    assert item["event"]["fatalities"] == 2 and item["event"]["admin1"] == "Sindh"
    assert (item["event"]["review_state"], item["event"]["locked_fields"]) == ("unreviewed", [])
    doc_id = stored["document"]["doc_id"]
    assert client.get(f"/documents/{doc_id}").json()["document"]["text"] == REPORT["text"]
    assert client.get(f"/events/{item['event']['event_id']}").status_code == 200

    again = client.post("/documents", json=REPORT, headers=bearer(tokens["admin"]))
    assert again.status_code == 200 and again.json()["already_stored"] == 1
    assert again.json()["documents"][0]["events"] == stored["events"]


def test_post_needs_text_or_url(client, tokens):
    assert (
        client.post("/documents", json={"source": "x"}, headers=bearer(tokens["reviewer"])).status_code == 422
    )


def test_admin_routes(client, tokens):
    assert client.get("/tokens").status_code == 401
    assert client.get("/tokens", headers=bearer(tokens["reviewer"])).status_code == 403
    listing = client.get("/tokens", headers=bearer(tokens["admin"])).json()["tokens"]
    assert {"reviewer", "admin"} <= {t["role"] for t in listing}
    assert all("hash" not in key for t in listing for key in t)
    assert client.delete("/tokens/1", headers=bearer(tokens["reviewer"])).status_code == 403


def test_admin_revokes_a_token(store, tokens):
    client = TestClient(create_app(store))
    token_id, token = create_token(store, "reviewer", "short-lived")
    assert client.post("/documents", json={"text": "   "}, headers=bearer(token)).status_code != 401
    assert client.delete(f"/tokens/{token_id}", headers=bearer(tokens["admin"])).json() == {
        "revoked": token_id
    }
    assert client.post("/documents", json=REPORT, headers=bearer(token)).status_code == 401
    assert client.delete(f"/tokens/{token_id}", headers=bearer(tokens["admin"])).status_code == 404


def test_oversized_body_is_413(store, tokens):
    client = TestClient(create_app(store, ServerSettings(max_body_bytes=10_000)))
    big = {"text": "word " * 5_000}
    assert client.post("/documents", json=big, headers=bearer(tokens["reviewer"])).status_code == 413
    # Streamed (chunked, no Content-Length): counted as it comes.
    chunks = (b"x" * 4_000 for _ in range(5))
    response = client.post("/documents", content=chunks, headers=bearer(tokens["reviewer"]))
    assert response.status_code == 413
    default = TestClient(create_app(store))
    huge = {"text": "word " * 500_000}  # 2.5 MB, over the default 2 MB
    assert default.post("/documents", json=huge, headers=bearer(tokens["reviewer"])).status_code == 413


def test_private_reads(store, tokens):
    client = TestClient(create_app(store, ServerSettings(private=True)))
    assert client.get("/events").status_code == 401
    assert client.get("/stats", params={"by": "type"}).status_code == 401
    assert client.get("/events", headers=bearer(tokens["revoked"])).status_code == 401
    assert client.get("/events", headers=bearer(tokens["reviewer"])).status_code == 200


# Submitted URLs --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://10.0.0.1/report", "private"),
        ("http://127.0.0.1:9/x", "loopback"),
        ("http://169.254.169.254/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
    ],
)
def test_private_urls_are_refused_before_any_fetch(client, tokens, monkeypatch, url, reason):
    def no_fetch(*_args, **_kwargs):
        raise AssertionError("fetched a refused URL")

    monkeypatch.setattr(netcheck, "_get_pool", no_fetch)
    response = client.post("/documents", json={"url": url}, headers=bearer(tokens["reviewer"]))
    assert response.status_code == 400
    assert "URL refused" in response.json()["detail"] and reason in response.json()["detail"]


def test_a_submitted_urls_host_is_resolved_once(client, tokens, monkeypatch):
    lookups = []

    def getaddrinfo(host, port, **_kwargs):
        lookups.append(host)
        return [(None, None, None, "", ("93.184.215.14", port))]

    def unreachable(target):
        raise netcheck.urllib3.exceptions.NewConnectionError(None, "no network in tests")

    monkeypatch.setattr(netcheck.socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(netcheck, "_pinned_get", unreachable)
    response = client.post(
        "/documents", json={"url": "http://news.example/report"}, headers=bearer(tokens["reviewer"])
    )
    assert response.status_code == 422 and lookups == ["news.example"]


def test_a_local_server_is_not_fetched(client, tokens, http_server):
    http_server.routes["/report"] = (200, "text/plain", REPORT["text"].encode())
    response = client.post(
        "/documents", json={"url": http_server.url("/report")}, headers=bearer(tokens["reviewer"])
    )
    assert response.status_code == 400 and "loopback" in response.json()["detail"]
    assert http_server.requests == []


def test_allowed_private_urls_are_fetched_and_stored(store, tokens, http_server):
    text = "QUETTA: Four people were injured when a hand grenade exploded at a market in Turbat, Balochistan, on Monday, police said."
    http_server.routes["/grenade"] = (200, "text/plain; charset=utf-8", text.encode())
    client = TestClient(create_app(store, ServerSettings(allow_private_urls=True)))
    response = client.post(
        "/documents",
        json={"url": http_server.url("/grenade"), "published": "2025-05-06"},
        headers=bearer(tokens["reviewer"]),
    )
    assert response.status_code == 201, response.text
    assert http_server.requests == ["/grenade"]
    [stored] = response.json()["documents"]
    assert stored["document"]["url"] == http_server.url("/grenade")
    assert stored["events"] and stored["events"][0]["event"]["admin1"] == "Balochistan"


def test_check_url_resolves_names():
    def resolver(addresses):
        return lambda host, port: addresses

    check_url("https://news.example/a", resolve=resolver(["93.184.216.34"]))
    with pytest.raises(URLRefused, match="private"):  # one private address among public ones
        check_url("https://news.example/a", resolve=resolver(["93.184.216.34", "192.168.1.5"]))
    with pytest.raises(URLRefused, match="loopback"):  # an IPv4-mapped IPv6 address
        check_url("https://news.example/a", resolve=resolver(["::ffff:127.0.0.1"]))
    with pytest.raises(URLRefused, match="http"):
        check_url("file:///etc/passwd")
    check_url("http://10.0.0.1/", allow_private=True)


# CORS and docs ---------------------------------------------------------------------------------


def test_cors_off_by_default_and_on_when_configured(store, client):
    origin = {"Origin": "https://dashboard.example"}
    assert "access-control-allow-origin" not in client.get("/events", headers=origin).headers
    configured = TestClient(create_app(store, ServerSettings(cors_origins=["https://dashboard.example"])))
    response = configured.get("/events", params={"limit": 1}, headers=origin)
    assert response.headers["access-control-allow-origin"] == "https://dashboard.example"
    other = configured.get("/events", params={"limit": 1}, headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert re.findall(r"https?://", page.text) == []  # no script, style or font from elsewhere
    assert not re.search(r"""(src|href)\s*=\s*["']?//""", page.text)
    for path in ("/events", "/stats", "/documents", "/events/{event_id}"):
        assert f"{path}</code>" in page.text.replace("{event_id:path}", "{event_id}") or path in page.text
    schema = client.get("/openapi.json").json()
    assert {"/events", "/stats", "/documents"} <= schema["paths"].keys()
    assert client.get("/redoc").status_code == 404


# The command line ------------------------------------------------------------------------------


def test_token_commands(run_cli, tmp_path):
    db = f"sqlite:///{tmp_path / 'tokens.db'}"
    made = run_cli("token", "create", "--role", "admin", "--name", "ops", "--db", db)
    assert made.code == 0
    token = made.out.strip()
    assert len(token) >= 40 and "not shown again" in made.err
    listed = run_cli("token", "list", "--db", db)
    assert "\tadmin\tops\t" in listed.out and "active" in listed.out and token not in listed.out
    raw = (tmp_path / "tokens.db").read_bytes() + b"".join(
        p.read_bytes() for p in tmp_path.glob("tokens.db-*")
    )
    assert token.encode() not in raw  # only its hash is kept
    assert run_cli("token", "revoke", "1", "--db", db).code == 0
    assert "revoked" in run_cli("token", "list", "--db", db).out
    assert run_cli("token", "revoke", "1", "--db", db).code == 2
    assert run_cli("token", "create", "--role", "owner", "--db", db).code == 2


def test_serve_needs_an_existing_store(run_cli, tmp_path):
    result = run_cli("serve", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert result.code == 2 and "no store" in result.err


def test_serve_on_a_busy_port_says_so_in_one_line_before_promising_anything(run_cli, tmp_path):
    import socket

    db = f"sqlite:///{tmp_path / 'busy.db'}"
    assert run_cli("token", "create", "--role", "reviewer", "--db", db).code == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = run_cli("serve", "--db", db, "--host", "127.0.0.1", "--port", port)
    assert result.code == 2
    assert f"cannot serve on 127.0.0.1:{port}: the port is in use" in result.err
    assert "serving" not in result.err and len(result.err.strip().splitlines()) == 1


def test_serve_answers_on_the_port_it_names(run_cli, tmp_path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    db = f"sqlite:///{tmp_path / 'served.db'}"
    assert run_cli("token", "create", "--role", "reviewer", "--db", db).code == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "strife", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)],
        stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/events", timeout=2) as response:
                    assert response.status == 200
                    break
            except OSError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not answer"
                time.sleep(0.2)
    finally:
        server.terminate()
        _, err = server.communicate(timeout=30)
    assert "serving sqlite" in err and f"127.0.0.1:{port}" in err


def test_background_incidents_stay_out_of_lists_and_tallies_unless_asked_for(tmp_path):
    from strife.document import Document

    store = open_store(f"sqlite:///{tmp_path / 'past.db'}")
    text = (
        "PESHAWAR: Militants attacked a police post in Bannu on Monday, killing two policemen, officials "
        "said. Militants attacked the Army Public School in Peshawar in December 2014, killing 147 people."
    )
    ingest(store, [Document(id="recalling", text=text, published=dt.date(2025, 3, 4))])
    client = TestClient(create_app(store))
    try:
        current = client.get("/events").json()["events"]
        assert [e["background"] for e in current] == [False]
        both = client.get("/events", params={"background": "include"}).json()["events"]
        assert sorted(e["background"] for e in both) == [False, True]
        past = client.get("/events", params={"background": "only"}).json()["events"]
        assert [e["event_date"][:4] for e in past] == ["2014"]
        tally = client.get("/stats", params={"by": "month"}).json()["total"]
        assert tally == {"events": 1, "fatalities": 2}
        assert (
            client.get("/stats", params={"by": "month", "background": "include"}).json()["total"]["events"]
            == 2
        )
        assert client.get("/events", params={"background": "sometimes"}).status_code == 422
    finally:
        store.close()


def test_undated_events_are_stored_listed_last_in_every_order_and_tallied_apart(tmp_path):
    from strife.document import Document

    store = open_store(f"sqlite:///{tmp_path / 'undated.db'}")
    reports = [
        Document(id="dated-1", text="Militants attacked a police post in Bannu on Monday, killing two policemen.",
                 published=dt.date(2025, 3, 4)),
        Document(id="dated-2", text="A roadside bomb killed three soldiers in Kech district on Sunday.",
                 published=dt.date(2025, 3, 10)),
        # No publication date: "on Tuesday" is no day strife can name.
        Document(id="undated", text="Gunmen shot dead four passengers on a bus in Kalat on Tuesday."),
    ]  # fmt: skip
    ingest(store, reports)
    client = TestClient(create_app(store))
    try:
        for sort in ("-event_date", "event_date", "-fatalities"):
            seen = [e["doc_id"] for e in walk(client, sort=sort, limit=1)]
            assert sorted(seen) == ["dated-1", "dated-2", "undated"], (sort, seen)
            if "event_date" in sort:
                assert seen[-1] == "undated", (sort, seen)
        [undated] = [e for e in walk(client) if e["doc_id"] == "undated"]
        assert (undated["event_date"], undated["date_basis"]) == (None, "unresolved")
        months = client.get("/stats", params={"by": "month"}).json()["groups"]
        assert [g["month"] for g in months] == ["2025-03", None]
        assert (
            client.get("/events", params={"since": "2025-01-01"}).json()["events"][-1]["doc_id"] != "undated"
        )
    finally:
        store.close()
