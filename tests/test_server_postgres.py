"""`strife serve` over PostgreSQL gives what it gives over SQLite.

The week and month of `/stats` are SQL of each backend's own (date_trunc and to_char against
SQLite's date modifiers and strftime), and paging, sorting and filtering go through each
backend's planner and collation: the same corpus is stored in both and every answer compared.
Skipped unless STRIFE_TEST_POSTGRES_URL names a server (`.ci/run` starts one).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient

from conftest import postgres_base, postgres_schemas
from strife.readers import read_inputs
from strife.server.app import create_app
from strife.store import ingest, open_store

CORPUS = Path(__file__).parent / "corpus" / "short"


def _filled(url: str):
    store = open_store(url)
    ingest(store, read_inputs([str(path) for path in sorted(CORPUS.glob("*.jsonl"))]))
    return store


@pytest.fixture(scope="module")
def clients(tmp_path_factory) -> Iterator[dict[str, TestClient]]:
    with postgres_schemas(postgres_base()) as new_schema:
        stores = {
            "sqlite": _filled(f"sqlite:///{tmp_path_factory.mktemp('serve-pg') / 'store.db'}"),
            "postgresql": _filled(new_schema()),
        }
        try:
            yield {name: TestClient(create_app(store)) for name, store in stores.items()}
        finally:
            for store in stores.values():
                store.close()


def _both(clients: dict[str, TestClient], path: str, **params: Any) -> tuple[Any, Any]:
    answers = []
    for client in (clients["sqlite"], clients["postgresql"]):
        response = client.get(path, params=params)
        assert response.status_code == 200, response.text
        answers.append(response.json() if "json" in response.headers["content-type"] else response.text)
    return answers[0], answers[1]


def _walk(client: TestClient, **params: Any) -> list[str]:
    ids: list[str] = []
    cursor = None
    for _ in range(500):
        body = client.get("/events", params={**params, **({"cursor": cursor} if cursor else {})}).json()
        ids += [event["event_id"] for event in body["events"]]
        if (cursor := body["next"]) is None:
            return ids
    raise AssertionError("pagination does not end")


def test_the_two_stores_hold_the_same_events(clients):
    sqlite, postgresql = _both(clients, "/stats", by="type")
    assert sqlite["total"] == postgresql["total"]
    assert sqlite["total"]["events"] > 200


@pytest.mark.parametrize("by", ["week", "month", "admin1", "type", "actor"])
def test_stats_agree(clients, by):
    sqlite, postgresql = _both(clients, "/stats", by=by)
    assert postgresql == sqlite
    if by == "week":
        # Both name a week by its Monday: PostgreSQL's ISO week and SQLite's weekday arithmetic.
        assert all(group["week"] for group in postgresql["groups"])
        assert len(postgresql["groups"]) > 10


def test_stats_by_month_with_filters_agree(clients):
    params = {"by": "month", "country": "PAK", "since": "2023-01-01", "min_fatalities": 1}
    sqlite, postgresql = _both(clients, "/stats", **params)
    assert postgresql == sqlite
    assert 0 < postgresql["total"]["events"] < _both(clients, "/stats", by="month")[1]["total"]["events"]


@pytest.mark.parametrize("sort", ["event_date", "-event_date", "fatalities", "-fatalities"])
def test_every_page_agrees(clients, sort):
    sqlite = _walk(clients["sqlite"], sort=sort, limit=37)
    postgresql = _walk(clients["postgresql"], sort=sort, limit=37)
    assert postgresql == sqlite
    assert len(set(postgresql)) == len(postgresql)


@pytest.mark.parametrize(
    "params",
    [
        {"country": "PAK", "event_type": "Battles"},
        {"bbox": "60,24,78,37"},
        {"q": "police"},
        {"actor": "Police Forces of Pakistan"},
        {"since": "2024-01-01", "until": "2024-12-31", "min_fatalities": 2},
    ],
)
def test_filters_agree(clients, params):
    sqlite = _walk(clients["sqlite"], limit=500, **params)
    postgresql = _walk(clients["postgresql"], limit=500, **params)
    assert postgresql == sqlite
    assert postgresql, f"{params} selects nothing: the comparison would prove nothing"


@pytest.mark.parametrize("fmt", ["csv", "geojson", "acled-csv"])
def test_formats_agree(clients, fmt):
    sqlite, postgresql = _both(clients, "/events", format=fmt, limit=200, sort="-fatalities")
    if fmt == "acled-csv":
        # ACLED's last column is when the export was written: the two requests may fall in two
        # different seconds. Every other column must agree.
        sqlite, postgresql = (re.sub(r",\d+\r?\n", "\n", text) for text in (sqlite, postgresql))
    assert postgresql == sqlite
