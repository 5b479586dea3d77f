"""Gold files in three formats: the shared data's (one gold event per record, under `gold`), our
written corpus's (a list `gold_events` per document, with its text), and the real-text gold's
(`tests/corpus/real/`: `gold_events` per document by id, the text joined from `../shared/data`,
evidence as spans checked by digest; no news text in the repo)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from strife.document import Document, coerce_published, offsets_without_invisible
from strife.taxonomy import CLAIM_STATUSES, EVENT_TYPE_OF, interaction_code

# Keys of a gold event that the scorer reads; absent keys are "not judged".
GOLD_FIELDS = (
    "event_date", "date_end", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
    "inter1", "inter2", "country", "iso3", "admin1", "admin2", "location", "latitude", "longitude",
    "geo_precision", "fatalities", "fatalities_low", "fatalities_high", "injured", "claim_status",
    "claimed_by", "background",
)  # fmt: skip


# The event keys of a gold event, in tests/corpus/ and tests/corpus/real/ alike (the spec's names).
GOLD_EVENT_KEYS = (
    "event_date date_end time_precision event_type sub_event_type actor1 actor2 assoc_actor_1 "
    "assoc_actor_2 inter1 inter2 interaction country iso3 admin1 admin2 location latitude longitude "
    "geo_precision fatalities fatalities_low fatalities_high deaths_actor1 deaths_actor2 "
    "deaths_civilians deaths_unknown fatalities_imputed injured claim_status claimed_by reported_by "
    "background"
).split()
# A doubtful coding names what else a careful coder would accept, per field.
ALTERNATIVE_FIELDS = frozenset(
    {"event_type", "sub_event_type", "inter", "event_date", "fatalities", "location", "admin1", "admin2",
     "country", "claim_status", "injured", "background"}
)  # fmt: skip
EVIDENCE_FIELDS = frozenset(
    {"event", "event_date", "type", "actor1", "actor2", "location", "fatalities", "injured", "claim",
     "reported_by", "background"}
)  # fmt: skip
# Where the shared data lives when STRIFE_SHARED_DATA does not say: `shared/data` beside the
# checkout (the layout CI and every developer have), searched upwards from here and from the cwd.
SHARED_DATA_ENV = "STRIFE_SHARED_DATA"


class SharedDataMissing(FileNotFoundError):
    """The real-text gold names documents in ../shared/data, and that folder is not here."""


def find_shared_data(near: Path | None = None) -> Path:
    if os.environ.get(SHARED_DATA_ENV):
        return Path(os.environ[SHARED_DATA_ENV])
    starts = [Path.cwd().resolve(), Path(__file__).resolve()]
    if near is not None:
        starts.insert(0, near.resolve())
    for start in starts:
        for parent in (start, *start.parents):
            candidate = parent / "shared" / "data"
            if candidate.is_dir():
                return candidate
    raise SharedDataMissing(
        f"the shared data folder (../shared/data) was not found; set {SHARED_DATA_ENV} to its path"
    )


def read_shared_records(path: Path, ids: Collection[str] | None = None) -> Iterator[dict[str, Any]]:
    """The records of one shared file, or only those with the given ids."""
    with path.open("rb") as stream:
        for line in stream:
            if not line.strip():
                continue
            if ids is not None:
                # Cheap pre-filter: parse only the lines whose id could be one we want.
                start = line.find(b'"id": "')
                end = line.find(b'"', start + 7)
                if start < 0 or line[start + 7 : end].decode() not in ids:
                    continue
            yield orjson.loads(line)


def evidence_digest(quote: str) -> str:
    """What the gold stores of an evidence quote: enough to prove the span is the quoted one."""
    return hashlib.sha1(quote.encode("utf-8")).hexdigest()[:12]


def _iso(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None


def validate_real_event(event: dict[str, Any], record: dict[str, Any], *, quoted: bool) -> list[str]:
    """What is wrong with one coded event of a real document (an empty list when nothing).

    `quoted`: the evidence is raw quotes (a coder's file) rather than stored spans."""
    problems = []
    text = record["text"]
    allowed = {*GOLD_EVENT_KEYS, "evidence", "alternatives", "optional", "coder_note"}
    if unknown := sorted(set(event) - allowed):
        problems.append(f"unknown keys {unknown}")
    if missing := [k for k in GOLD_EVENT_KEYS if k not in event]:
        problems.append(f"missing keys {missing}")
        return problems
    if EVENT_TYPE_OF.get(event["sub_event_type"]) != event["event_type"]:
        problems.append(f"sub_event_type {event['sub_event_type']!r} is not one of {event['event_type']!r}")
    for key in ("event_date", "date_end"):
        if event[key] is not None and _iso(event[key]) is None:
            problems.append(f"{key} {event[key]!r} is not YYYY-MM-DD")
    start, end, published = _iso(event["event_date"]), _iso(event["date_end"]), _iso(record.get("published"))
    if start and end and end < start:
        problems.append("date_end before event_date")
    if event["event_date"] is not None and event["date_end"] is None:
        problems.append("date_end missing: it equals event_date for a one-day event (spec)")
    if start and published and start > published + dt.timedelta(days=1):
        problems.append(f"event_date {start} after publication {published}")
    if event["time_precision"] not in (1, 2, 3, None):
        problems.append("time_precision not 1, 2 or 3")
    if event["geo_precision"] not in (1, 2, 3, None):
        problems.append("geo_precision not 1, 2 or 3")
    inter1, inter2 = event["inter1"], event["inter2"]
    if inter1 not in range(1, 9) or inter2 not in range(9):
        problems.append(f"inter1 {inter1!r} / inter2 {inter2!r} out of 1-8 / 0-8")
    elif event["interaction"] != interaction_code(inter1, inter2):
        problems.append(f"interaction {event['interaction']} should be {interaction_code(inter1, inter2)}")
    if (inter2 == 0) != (event["actor2"] is None):
        problems.append("actor2 and inter2 disagree (no actor 2 is inter2 0)")
    if event["iso3"] is not None and (len(event["iso3"]) != 3 or not event["iso3"].isupper()):
        problems.append(f"iso3 {event['iso3']!r}")
    deaths = [event[k] for k in ("fatalities", "fatalities_low", "fatalities_high")]
    if any(not isinstance(v, int) or v < 0 for v in deaths):
        problems.append("fatalities, fatalities_low and fatalities_high must be counts (0 when none)")
    else:
        low, total, high = event["fatalities_low"], event["fatalities"], event["fatalities_high"]
        if not low <= total <= high:
            problems.append("fatalities_low <= fatalities <= fatalities_high does not hold")
        split = [event[k] for k in ("deaths_actor1", "deaths_actor2", "deaths_civilians", "deaths_unknown")]
        # The split is of the coded toll: a split that a higher figure gives is no split of it.
        if sum(v or 0 for v in split) > total:
            problems.append("the deaths by party add up to more than fatalities")
    if event["claim_status"] not in (*CLAIM_STATUSES, None):
        problems.append(f"claim_status {event['claim_status']!r}")
    if not isinstance(event["reported_by"], list):
        problems.append("reported_by must be a list")
    if not isinstance(event["background"], bool) or not isinstance(event["fatalities_imputed"], bool):
        problems.append("background and fatalities_imputed must be true or false")
    for key, values in (event.get("alternatives") or {}).items():
        if key not in ALTERNATIVE_FIELDS or not isinstance(values, list) or not values:
            problems.append(
                f"alternatives[{key!r}] must be a non-empty list for one of {sorted(ALTERNATIVE_FIELDS)}"
            )
        elif key == "sub_event_type" and any(v not in EVENT_TYPE_OF for v in values):
            problems.append(f"alternatives[sub_event_type] {values} not all sub-event types")
        elif key == "inter" and not all(isinstance(v, list) and len(v) == 2 for v in values):
            problems.append("alternatives[inter] must list [inter1, inter2] pairs")
    evidence = event.get("evidence") or []
    if not any(item.get("field") == "event" for item in evidence):
        problems.append("no evidence for the event itself (field 'event')")
    for item in evidence:
        if item.get("field") not in EVIDENCE_FIELDS:
            problems.append(f"evidence field {item.get('field')!r} not one of {sorted(EVIDENCE_FIELDS)}")
        if quoted:
            quote = item.get("quote") or ""
            if len(quote) < 8 or quote not in text:
                problems.append(f"evidence quote not found verbatim in the text: {quote[:80]!r}")
        else:
            start, end = item.get("start"), item.get("end")
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                problems.append(f"evidence span {start}-{end} outside the text")
            elif evidence_digest(text[start:end]) != item.get("sha1"):
                problems.append(f"evidence span {start}-{end} no longer holds the quoted text")
    return problems


@dataclass
class GoldDocument:
    document: Document
    events: list[dict[str, Any]]
    dataset: str
    kind: str = ""
    split: str | None = None
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


def shared_document(record: dict[str, Any], origin: str | None = None) -> Document:
    """A record of a shared file as strife reads it, named by where it came from."""
    try:
        published = coerce_published(record.get("published"))
    except ValueError:
        # Not a date, or a placeholder ("1753-01-01" in UCDP GED's source dates) that is no
        # publication date: the report is scored as undated rather than stopping the run.
        published = None
    doc = Document(
        id=str(record.get("id") or ""),
        text=record["text"],
        title=record.get("title"),
        published=published,
        source=record.get("source"),
        url=record.get("url"),
    )
    return doc if origin is None else doc.with_origin(origin)


def _records(path: Path) -> Iterator[tuple[dict[str, Any], str]]:
    with path.open("rb") as stream:
        for lineno, line in enumerate(stream, start=1):
            if line.strip():
                yield orjson.loads(line), f"{path}:{lineno}"


def gold_files(path: Path) -> list[Path]:
    """A file, or every `.jsonl` under a directory, leaving out nested gold sets of their own (a
    folder with a `manifest.json`, like `tests/corpus/real/` inside the written corpus): those
    are scored when named, never mixed into their parent's figures."""
    if not path.is_dir():
        return [path]
    nested = [m.parent for m in path.rglob("manifest.json") if m.parent != path]
    return sorted(f for f in path.rglob("*.jsonl") if not any(n in f.parents for n in nested))


def sentence_labels(
    spans: Sequence[tuple[int, int]], events: Sequence[Mapping[str, Any]]
) -> list[tuple[bool, str | None] | None]:
    """What a report's coding says of each of its sentences (character spans), for a model to
    learn from: (True, sub-event type) where the sentence holds the quote a coder gave for an
    event, (False, None) where the report was coded with no event at all, and None where the
    coding says nothing either way (a sentence beside the quotes tells a toll, a claim or a
    reaction; an optional event's quote is a coder's doubt)."""
    labels: list[tuple[bool, str | None] | None] = []
    for start, end in spans:
        label: tuple[bool, str | None] | None = None if events else (False, None)
        for event in events:
            if event.get("optional"):
                continue
            quotes = [e for e in event.get("evidence") or () if e["field"] == "event"]
            if any(q["start"] < end and q["end"] > start for q in quotes):
                label = (True, event["sub_event_type"])
        labels.append(label)
    return labels


def read_shared_documents(
    entries: Iterable[Mapping[str, Any]], near: Path | None = None
) -> dict[tuple[str, str], dict[str, Any]]:
    """The shared records that entries (`{"file", "id"}`: gold lines, manifest entries) name, by
    (file, id); each shared file read once."""
    wanted: dict[str, set[str]] = {}
    for entry in entries:
        wanted.setdefault(entry["file"], set()).add(entry["id"])
    if not wanted:
        return {}
    data = find_shared_data(near)
    return {
        (file, record["id"]): record
        for file, ids in wanted.items()
        for record in read_shared_records(data / file, ids)
    }


def _load_real(file: Path, records: list[tuple[dict[str, Any], str]]) -> Iterator[GoldDocument]:
    texts = read_shared_documents((record for record, _ in records), near=file.parent)
    for record, origin in records:
        shared = texts.get((record["file"], record["id"]))
        if shared is None:
            raise ValueError(f"{origin}: {record['id']} is not in {record['file']} of the shared data")
        doc = shared_document({**shared, "id": record["id"]}, origin)
        dataset = f"real {record['kind']}"
        events = _spans_in(doc, shared["text"], list(record["gold_events"]))
        yield GoldDocument(doc, events, dataset, record["kind"], record.get("split"))


def _spans_in(doc: Document, raw: str, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Gold events with their evidence spans, drawn on the text as it came, moved to the text
    strife reads (`without_invisible`)."""
    if len(doc.text) == len(raw):
        return events
    offsets = offsets_without_invisible(raw)
    return [{**event, "evidence": _moved(event.get("evidence") or [], offsets)} for event in events]


def _moved(spans: list[dict[str, Any]], offsets: list[int]) -> list[dict[str, Any]]:
    return [
        {**span, "start": offsets[int(span["start"])], "end": offsets[int(span["end"])]}
        if "start" in span
        else span
        for span in spans
    ]


def load_gold(
    path: str | Path, *, split: str | None = None, draw: int | None = None
) -> Iterator[GoldDocument]:
    """Every gold document of a file, or of every `.jsonl` file under a directory; with `split`,
    only the real-text gold of that split (dev or test); with `draw`, only the documents of that
    draw of the sample (the first draw's lines carry no number)."""
    path = Path(path)
    for file in gold_files(path):
        lines = list(_records(file))
        real = [(r, o) for r, o in lines if "file" in r and "text" not in r]
        if split is not None:
            real = [(r, o) for r, o in real if r.get("split") == split]
        if draw is not None:
            real = [(r, o) for r, o in real if r.get("draw", 1) == draw]
        if real or split is not None or draw is not None:
            yield from _load_real(file, real)
            continue
        for record, origin in lines:
            doc = shared_document(record, origin)
            meta = record.get("meta") or {}
            dataset = meta.get("dataset") or file.stem
            toponyms = (record.get("gold_extra") or {}).get("toponyms") or []
            if toponyms and len(doc.text) != len(record["text"]):
                toponyms = _moved(toponyms, offsets_without_invisible(record["text"]))
            if "gold_events" in record:
                yield GoldDocument(
                    doc, list(record["gold_events"]), dataset, record.get("kind", ""), record.get("split")
                )
                continue
            event = _shared_event(record)
            excluded = (
                "generic headline (a digest title that says nothing of the event)"
                if meta.get("generic_headline")
                else None
            )
            yield GoldDocument(doc, [event] if event else [], dataset, excluded=excluded, toponyms=toponyms)
