"""Output formats from one run, parallel runs, and the schema command."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from conftest import QUIET_TEXT, SECOND_TEXT
from strife.event import EVENT_COLUMNS, Event, make_event_id
from strife.writers import make_writer, read_events
from strife.writers.formats import GeoJsonWriter

# ACLED's export columns, in ACLED's order (written out here, not imported: the test is the check).
ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
]  # fmt: skip


@pytest.fixture
def batch(tmp_path, seed_text):
    path = tmp_path / "batch.jsonl"
    records = [
        {"id": "kalat", "text": seed_text, "published": "2025-02-01", "url": "https://example.org/k"},
        {"id": "quiet", "text": QUIET_TEXT, "published": "2025-02-03"},
        {"id": "bannu", "text": SECOND_TEXT, "published": "2025-02-06", "source": "Frontier Daily"},
        # No place named: an event the GeoJSON cannot hold.
        {
            "id": "nowhere",
            "text": "Unidentified gunmen shot dead two labourers on Monday night, officials said.",
            "published": "2025-02-04",
        },
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def four_formats(tmp_path, batch, run_cli):
    paths = {fmt: tmp_path / f"x.{ext}" for fmt, ext in [
        ("jsonl", "jsonl"), ("csv", "csv"), ("acled-csv", "acled.csv"), ("geojson", "geojson"),
    ]}  # fmt: skip
    report = tmp_path / "report.json"
    args = [arg for path in paths.values() for arg in ("-o", path)]
    code, out, err = run_cli("extract", batch, *args, "--report", report)
    assert code == 0, err
    assert out == ""  # everything went to the files
    return paths, err, json.loads(report.read_text(encoding="utf-8"))


def csv_cell(value) -> str:
    """How the flat CSV spells a JSON value."""
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return ";".join(value)
    return str(value)


def test_jsonl_holds_the_events(four_formats):
    paths, _, report = four_formats
    events = read_events(paths["jsonl"])
    assert [e.doc_id for e in events] == ["kalat", "bannu", "nowhere"]
    kalat, bannu, nowhere = events
    assert (kalat.event_date, kalat.fatalities, kalat.event_type) == (dt.date(2025, 1, 31), 30, "Battles")
    assert kalat.source_url == "https://example.org/k"
    assert (bannu.event_date, bannu.fatalities) == (dt.date(2025, 2, 4), 3)
    assert bannu.source == "Frontier Daily"
    assert (nowhere.event_date, nowhere.fatalities, nowhere.latitude) == (dt.date(2025, 2, 3), 2, None)
    assert report["events"] == 3
    assert (report["documents_read"], report["with_events"], report["without_events"]) == (4, 3, 1)


def test_flat_csv_equals_jsonl_field_for_field(four_formats):
    paths, _, _ = four_formats
    records = [json.loads(line) for line in paths["jsonl"].read_text(encoding="utf-8").splitlines()]
    with paths["csv"].open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        assert reader.fieldnames == list(EVENT_COLUMNS)
        rows = list(reader)
    assert len(rows) == len(records) == 3
    for record, row in zip(records, rows, strict=True):
        assert set(row) == set(record)
        for key, value in record.items():
            if key == "evidence":
                assert json.loads(row[key]) == value
            else:
                assert row[key] == csv_cell(value), key


def test_flat_csv_reads_back_as_the_same_events(four_formats):
    paths, _, _ = four_formats
    assert read_events(paths["csv"]) == read_events(paths["jsonl"])


def test_acled_csv(four_formats):
    paths, _, _ = four_formats
    with paths["acled-csv"].open(encoding="utf-8", newline="") as stream:
        assert next(csv.reader(stream)) == ACLED_HEADER
    assert len(ACLED_HEADER) == 31
    rows = read_events(paths["acled-csv"])
    events = read_events(paths["jsonl"])
    assert [r["event_id_cnty"] for r in rows] == [e.event_id for e in events]
    for row, event in zip(rows, events, strict=True):
        assert row["event_date"] == event.event_date.isoformat()
        assert row["year"] == str(event.event_date.year)
        assert row["event_type"] == event.event_type
        assert row["sub_event_type"] == event.sub_event_type
        assert row["fatalities"] == str(event.fatalities)
        assert row["interaction"] == str(event.interaction)
        assert row["timestamp"].isdigit()
    kalat = rows[0]
    assert (kalat["country"], kalat["iso"], kalat["region"]) == ("Pakistan", "586", "South Asia")
    assert kalat["admin1"] == "Balochistan"
    assert kalat["disorder_type"] == "Political violence"


def test_geojson_leaves_out_events_without_coordinates_and_says_so(four_formats):
    paths, err, report = four_formats
    collection = json.loads(paths["geojson"].read_text(encoding="utf-8"))
    assert collection["type"] == "FeatureCollection"
    events = read_events(paths["jsonl"])
    placed = [e for e in events if e.latitude is not None]
    unplaced = [e for e in events if e.latitude is None]
    assert placed and unplaced  # the batch has both: a town the gazetteer knows, and none
    assert [f["id"] for f in collection["features"]] == [e.event_id for e in placed]
    for feature, event in zip(collection["features"], placed, strict=True):
        assert feature["geometry"]["coordinates"] == [event.longitude, event.latitude]
    assert report["left_out"] == {"geojson": {"count": len(unplaced), "reason": "no coordinates"}}
    assert f"geojson: {len(unplaced)} event(s) left out (no coordinates)" in err


def _event(doc_id: str, lat: float | None, lon: float | None, location: str) -> Event:
    day = dt.date(2025, 1, 31)
    return Event(
        event_id=make_event_id(doc_id, location),
        doc_id=doc_id,
        event_date=day,
        date_end=day,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Pakistan",
        inter1=1,
        actor2="Unidentified Armed Group (Pakistan)",
        inter2=3,
        country="Pakistan",
        iso3="PAK",
        admin1="Balochistan",
        location=location,
        latitude=lat,
        longitude=lon,
        geo_precision=2 if lat is not None else None,
        fatalities=30,
    )


def test_geojson_points_are_lon_lat():
    kalat = _event("d1", 29.03, 66.59, "Kalat")  # latitude 29, longitude 66: unmistakable
    nowhere = _event("d2", None, None, "Balochistan")
    zhob = _event("d3", 31.34, 69.45, "Zhob")
    stream = io.StringIO()
    writer = make_writer("geojson", stream)
    assert isinstance(writer, GeoJsonWriter)
    for event in (kalat, nowhere, zhob):
        writer.write(event)
    writer.close()

    collection = json.loads(stream.getvalue())
    assert collection["type"] == "FeatureCollection"
    features = collection["features"]
    assert [f["type"] for f in features] == ["Feature", "Feature"]
    assert [f["geometry"] for f in features] == [
        {"type": "Point", "coordinates": [66.59, 29.03]},
        {"type": "Point", "coordinates": [69.45, 31.34]},
    ]
    assert [f["id"] for f in features] == [kalat.event_id, zhob.event_id]
    assert features[0]["properties"]["location"] == "Kalat"
    assert (writer.written, writer.left_out, writer.left_out_reason) == (2, 1, "no coordinates")


def test_geojson_reads_back(tmp_path):
    events = [_event("d1", 29.03, 66.59, "Kalat"), _event("d3", 31.34, 69.45, "Zhob")]
    path = tmp_path / "points.geojson"
    with path.open("w", encoding="utf-8") as stream:
        writer = make_writer("geojson", stream)
        for event in events:
            writer.write(event)
        writer.close()
    assert read_events(path) == events


def test_parallel_run_matches_serial_run_in_input_order(tmp_path, seed_text, run_cli):
    texts = [seed_text, SECOND_TEXT, QUIET_TEXT]
    path = tmp_path / "many.jsonl"
    records = [
        {
            "id": f"doc-{n:02d}",
            # Varied so that no two documents are alike, and their events' ids all differ.
            "text": texts[n % 3] + f"Reported by correspondent number {n}.\n" * (1 + n % 5),
            # Every fourth record has no date of its own: --published gives it one, in the workers too.
            "published": None if n % 4 == 3 else (dt.date(2025, 2, 1) + dt.timedelta(days=n)).isoformat(),
        }
        for n in range(40)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")

    option = ("--published", "2025-03-13")
    code1, serial, err1 = run_cli("extract", path, "--jobs", "1", *option)
    code2, parallel, err2 = run_cli("extract", path, "--jobs", "2", *option)
    assert code1 == code2 == 0, err1 + err2
    assert parallel == serial
    events = [json.loads(line) for line in serial.splitlines()]
    with_events = [r["id"] for r in records if r["text"].startswith(("QUETTA", "PESHAWAR"))]
    assert [e["doc_id"] for e in events] == with_events
    assert len(with_events) == 27
    assert len({e["event_id"] for e in events}) == len(events)
    assert "40 document(s) read: 27 with events, 13 with none, 0 skipped" in err2
    # doc-07 is a Bannu report ("on Tuesday") without a date: anchored on Thu 13 March.
    assert {e["doc_id"]: e["event_date"] for e in events}["doc-07"] == "2025-03-11"


def test_schema_command(run_cli_subprocess, spec_event_keys):
    code, out, err = run_cli_subprocess("schema")
    assert code == 0, err
    schemas = json.loads(out)
    assert set(schemas) == {"document", "event"}
    event_properties = schemas["event"]["properties"]
    missing = [key for key in spec_event_keys if key not in event_properties]
    assert missing == []
    assert set(schemas["document"]["properties"]) >= {"id", "text", "title", "published", "source", "url"}
    assert schemas["document"]["required"] == ["text"]
    assert {"event_id", "doc_id", "event_date", "event_type"} <= set(schemas["event"]["required"])


def test_event_columns_follow_the_spec(spec_event_keys):
    assert tuple(c for c in EVENT_COLUMNS if c != "doc_ids") == spec_event_keys
