"""The four export formats and how to read each back."""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path
from typing import Any, TextIO

import orjson
import pycountry

from strife.event import EVENT_COLUMNS, Event
from strife.taxonomy import disorder_type
from strife.writers.acled_regions import ACLED_REGION_BY_ISO3
from strife.writers.base import EventWriter

FORMATS: tuple[str, ...] = ("jsonl", "csv", "acled-csv", "geojson")

# List columns of the record that the flat CSV joins with ';'. Evidence items are objects, so
# the CSV keeps them as compact JSON to stay lossless.
LIST_COLUMNS = ("doc_ids", "reported_by")
JSON_COLUMNS = ("evidence",)
INT_CODE_COLUMNS = ("time_precision", "geo_precision")

# ACLED's export columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip


def format_for_path(path: str) -> str | None:
    name = path.lower()
    if name.endswith(".acled.csv"):
        return "acled-csv"
    for ending, fmt in ((".jsonl", "jsonl"), (".ndjson", "jsonl"), (".csv", "csv"),
                        (".geojson", "geojson"), (".json", "geojson")):  # fmt: skip
        if name.endswith(ending):
            return fmt
    return None


def _dump(event: Event) -> dict[str, Any]:
    return event.model_dump(mode="json")


class JsonlWriter(EventWriter):
    format = "jsonl"

    def _write(self, event: Event) -> None:
        self.stream.write(event.model_dump_json())
        self.stream.write("\n")


def flat_row(event: Event) -> dict[str, Any]:
    row = _dump(event)
    for col in LIST_COLUMNS:
        row[col] = ";".join(row[col])
    for col in JSON_COLUMNS:
        row[col] = json.dumps(row[col], ensure_ascii=False, separators=(",", ":"))
    return {k: ("" if v is None else v) for k, v in row.items()}


class CsvWriter(EventWriter):
    format = "csv"

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self._csv = csv.DictWriter(stream, fieldnames=EVENT_COLUMNS, lineterminator="\n")
        self._csv.writeheader()

    def _write(self, event: Event) -> None:
        self._csv.writerow(flat_row(event))


def _iso_numeric(iso3: str | None) -> str:
    country = pycountry.countries.get(alpha_3=iso3) if iso3 else None
    return str(int(country.numeric)) if country else ""


def acled_row(event: Event, timestamp: int) -> dict[str, Any]:
    civilian_targeting = "Civilian targeting" if 7 in (event.inter1, event.inter2) else ""
    return {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date.isoformat() if event.event_date else "",
        "year": event.event_date.year if event.event_date else "",
        "time_precision": event.time_precision,
        "disorder_type": disorder_type(event.event_type, event.sub_event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": event.assoc_actor_1 or "",
        "inter1": event.inter1,
        "actor2": event.actor2 or "",
        "assoc_actor_2": event.assoc_actor_2 or "",
        "inter2": event.inter2,
        "interaction": event.interaction,
        "civilian_targeting": civilian_targeting,
        "iso": _iso_numeric(event.iso3),
        "region": ACLED_REGION_BY_ISO3.get(event.iso3 or "", ""),
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": event.admin2 or "",
        "admin3": event.admin3 or "",
        "location": event.location or "",
        "latitude": "" if event.latitude is None else event.latitude,
        "longitude": "" if event.longitude is None else event.longitude,
        "geo_precision": event.geo_precision or "",
        "source": event.source or "",
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities,
        # ACLED's free-text tags: a past incident recalled for context says so, as strife's own
        # `background` does, so that a user's tallies can leave it out.
        "tags": "background" if event.background else "",
        "timestamp": timestamp,
    }


class AcledCsvWriter(EventWriter):
    format = "acled-csv"

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self._csv = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
        self._csv.writeheader()
        self._timestamp = int(time.time())

    def _write(self, event: Event) -> None:
        self._csv.writerow(acled_row(event, self._timestamp))


class GeoJsonWriter(EventWriter):
    """A FeatureCollection of Points. Events without coordinates cannot be points: they are
    left out and counted (the run summary reports them)."""

    format = "geojson"

    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.left_out_reason = "no coordinates"
        self.stream.write('{"type":"FeatureCollection","features":[\n')
        self._first = True

    def write(self, event: Event) -> None:
        if event.latitude is None or event.longitude is None:
            self.left_out += 1
            return
        super().write(event)

    def _write(self, event: Event) -> None:
        properties = _dump(event)
        feature = {
            "type": "Feature",
            "id": event.event_id,
            "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
            "properties": properties,
        }
        if not self._first:
            self.stream.write(",\n")
        self._first = False
        self.stream.write(orjson.dumps(feature).decode())

    def close(self) -> None:
        self.stream.write("\n]}\n")
        super().close()


def _from_flat(row: dict[str, str]) -> Event:
    record: dict[str, Any] = {k: (None if v == "" else v) for k, v in row.items()}
    for col in LIST_COLUMNS:
        record[col] = [x for x in (row.get(col) or "").split(";") if x]
    for col in JSON_COLUMNS:
        record[col] = json.loads(row.get(col) or "[]")
    record["notes"] = row.get("notes", "")
    for col in INT_CODE_COLUMNS:  # Literal[1, 2, 3] fields take ints, not the CSV's strings
        if record.get(col) is not None:
            record[col] = int(record[col])
    return Event.model_validate(record)


def read_events(path: str | Path, fmt: str | None = None) -> list[Event] | list[dict[str, Any]]:
    """Load an export back: `Event`s for jsonl, csv and geojson; ACLED rows (dicts) for acled-csv."""
    path = Path(path)
    fmt = fmt or format_for_path(str(path))
    if fmt == "jsonl":
        with path.open(encoding="utf-8") as stream:
            return [Event.model_validate_json(line) for line in stream if line.strip()]
    if fmt == "csv":
        with path.open(encoding="utf-8", newline="") as stream:
            return [_from_flat(row) for row in csv.DictReader(stream)]
    if fmt == "geojson":
        collection = json.loads(path.read_text(encoding="utf-8"))
        return [Event.model_validate(f["properties"]) for f in collection["features"]]
    if fmt == "acled-csv":
        with path.open(encoding="utf-8", newline="") as stream:
            return list(csv.DictReader(stream))
    raise ValueError(f"unknown format {fmt!r}")
