"""Gold files: the shared data's format (one gold event per record, under `gold`) and our
corpus format (a list `gold_events` per document, possibly empty)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from strife.document import Document, coerce_date

# Keys of a gold event that the scorer reads; absent keys are "not judged".
GOLD_FIELDS = (
    "event_date", "date_end", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "inter1", "inter2", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injured", "claim_status",
    "claimed_by", "background",
)  # fmt: skip


@dataclass
class GoldDocument:
    document: Document
    events: list[dict[str, Any]]
    dataset: str
    kind: str = ""
    # Records the scorer leaves out of text → fields scoring, and why (UCDP digest headlines).
    excluded: str | None = None
    toponyms: list[dict[str, Any]] = field(default_factory=list)


def _shared_event(record: dict[str, Any]) -> dict[str, Any] | None:
    """One gold event from the shared data's `gold` (+ `gold_extra`) objects."""
    gold = record.get("gold") or {}
    extra = record.get("gold_extra") or {}
    event = {key: gold.get(key) for key in GOLD_FIELDS if gold.get(key) is not None}
    if extra.get("date_end"):
        event["date_end"] = extra["date_end"]
    if extra.get("deaths_low") is not None:
        event["fatalities_low"] = extra["deaths_low"]
        event["fatalities_high"] = extra["deaths_high"]
    if extra.get("date_prec"):
        event["ucdp_date_precision"] = extra["date_prec"]
    if gold.get("claimed") is not None:
        event["claim_status"] = "claimed" if gold["claimed"] else "unknown"
    meta = record.get("meta") or {}
    if meta.get("dataset") == "muc4_grit":
        # MUC-4 marks whether a document reports an incident, and its perpetrator: nothing else.
        return {"actor1": gold.get("actor1")} if meta.get("has_template") else None
    if not event or list(event) == ["claim_status"]:
        return None
    return event


def _document(record: dict[str, Any], origin: str) -> Document:
    published = record.get("published")
    try:
        published = coerce_date(published)
    except ValueError:
        published = None
    doc = Document(
        id=str(record.get("id") or ""),
        text=record["text"],
        title=record.get("title"),
        published=published,
        source=record.get("source"),
        url=record.get("url"),
    )
    return doc.with_origin(origin)


def _records(path: Path) -> Iterator[tuple[dict[str, Any], str]]:
    with path.open("rb") as stream:
        for lineno, line in enumerate(stream, start=1):
            if line.strip():
                yield orjson.loads(line), f"{path}:{lineno}"


def load_gold(path: str | Path) -> Iterator[GoldDocument]:
    """Every gold document of a file, or of every `.jsonl` file under a directory."""
    path = Path(path)
    files = sorted(path.rglob("*.jsonl")) if path.is_dir() else [path]
    for file in files:
        for record, origin in _records(file):
            doc = _document(record, origin)
            meta = record.get("meta") or {}
            dataset = meta.get("dataset") or file.stem
            toponyms = (record.get("gold_extra") or {}).get("toponyms") or []
            if "gold_events" in record:
                yield GoldDocument(doc, list(record["gold_events"]), dataset, record.get("kind", ""))
                continue
            event = _shared_event(record)
            excluded = (
                "generic headline (a digest title that says nothing of the event)"
                if meta.get("generic_headline")
                else None
            )
            yield GoldDocument(doc, [event] if event else [], dataset, excluded=excluded, toponyms=toponyms)
