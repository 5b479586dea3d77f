"""The event store: ingest rate into SQLite and PostgreSQL, and the merge step's cost as the
store grows.

    python benchmarks/store.py [--docs 10000] [--jobs 2] [--postgres URL] [--sizes 10000,100000]
                               [--probes 1000] [--json results.json]

Documents: N reports made from ../shared/data/news_pk_2025.jsonl (real Dawn and APP articles,
read in place) when it is present, otherwise from our corpus (tests/corpus): copy k of an article
is published k weeks later, so its relative dates ("on Tuesday") give new incidents, and ends with
a line naming the copy, so each text is a document of its own (the same text is stored once).
Dates the text states do not move, so copies of one article also report one incident again:
the merge step does real work.

Ingest, in one run:
- extract only: the runner over the documents (`--jobs`), nothing stored (the reference);
- ingest: `strife.store.ingest` as `strife ingest` runs it (read, extract, store: one
  transaction per document), into a new SQLite file, then into PostgreSQL;
- store only: the same documents' events, extracted beforehand, stored by the ingest's own
  storing step: what the database costs per document;
- re-ingest: the same input again, every document already stored (what a resumed or repeated
  run costs).

Merge step: a store filled with synthetic events (bulk-inserted, spread over three years and
five countries, 40% of them in Pakistan), then, for `--probes` new synthetic events drawn from
the same spread, the step ingest runs for each new event: the candidate query (same country,
dates within `merging.LATER_REPORT_DAYS`, the same province and district or none;
`matching.candidates`) and `strife.merging.decide` (the codebook's vetoes, the learned model)
over each candidate (`matching.find_match`). Timed per event, at each store size in `--sizes`.

PostgreSQL rows appear only with `--postgres URL` (a database the benchmark may create schemas
in; each run uses schemas of its own and drops them).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, insert, text

from strife.document import Document
from strife.event import Event, make_event_id
from strife.readers import read_inputs
from strife.runner import process
from strife.store import Store, open_store
from strife.store.database import normalise_url
from strife.store.ingest import Incoming, Ingestor, ingest, start_run
from strife.store.matching import candidates, find_match, first_sources, max_span_days
from strife.store.schema import EventRow, event_columns, utcnow

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "news_pk_2025.jsonl"
CORPUS = ROOT / "tests" / "corpus"


# Documents --------------------------------------------------------------------------------------


def _base_articles() -> tuple[list[dict[str, Any]], str]:
    if SHARED.exists():
        with SHARED.open(encoding="utf-8") as stream:
            rows = [json.loads(line) for line in stream if line.strip()]
        return rows, f"{len(rows):,} real Dawn/APP articles (news_pk_2025.jsonl)"
    rows = []
    for path in sorted(CORPUS.rglob("*.jsonl")):
        with path.open(encoding="utf-8") as stream:
            rows += [json.loads(line) for line in stream if line.strip()]
    return rows, f"{len(rows):,} reports of our corpus (tests/corpus)"


def documents(count: int) -> tuple[list[dict[str, Any]], str]:
    base, origin = _base_articles()
    # The source repeats some articles word for word: one of each, so every document is stored.
    base = list({article["text"]: article for article in base}.values())
    origin += f", {len(base):,} distinct"
    docs = []
    for n in range(count):
        article, copy = base[n % len(base)], n // len(base)
        published = dt.date.fromisoformat((article.get("published") or "2025-01-01")[:10])
        published += dt.timedelta(weeks=copy)
        docs.append(
            {
                "id": f"bench-{n}",
                "text": f"{article['text']}\n\n(Copy {copy} of this report.)",
                "title": article.get("title"),
                "published": published.isoformat(),
                "source": article.get("source") or "Benchmark Wire",
                "url": f"https://example.org/bench/{n}",
            }
        )
    return docs, origin


# Stores ------------------------------------------------------------------------------------------


@contextlib.contextmanager
def fresh_store(backend: str, postgres: str | None, tmp: Path) -> Iterator[Store]:
    """A new, empty store: a SQLite file, or a PostgreSQL schema of its own (dropped after)."""
    if backend == "sqlite":
        store = open_store(f"sqlite:///{tmp / f'store-{uuid.uuid4().hex[:8]}.db'}")
        try:
            yield store
        finally:
            store.close()
        return
    assert postgres
    schema = f"strife_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(normalise_url(postgres))
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = normalise_url(postgres).update_query_dict({"options": f"-csearch_path={schema}"})
    store = open_store(url.render_as_string(hide_password=False))
    try:
        yield store
    finally:
        store.close()
        with admin.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


# Ingest ------------------------------------------------------------------------------------------


def extract_only(path: Path, jobs: int) -> tuple[dict[str, Any], list[tuple[Incoming, list[Event]]]]:
    extracted = []
    items = read_inputs([str(path)])
    started = time.perf_counter()

    def documents_read() -> Iterator[Any]:
        for item in items:
            if isinstance(item, Document):  # every benchmark document is one; a skip is not stored
                extracted.append([Incoming.of(item), []])
            yield item

    events = 0
    for index, outcome in enumerate(process(documents_read(), jobs=jobs)):
        if not outcome.skipped:
            extracted[index][1] = outcome.events
            events += len(outcome.events)
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "events": events}, [(incoming, found) for incoming, found in extracted]


def ingest_run(store: Store, path: Path, jobs: int) -> dict[str, Any]:
    started = time.perf_counter()
    summary = ingest(store, read_inputs([str(path)]), jobs=jobs)
    return {
        "seconds": time.perf_counter() - started,
        "events": summary.events,
        "new": summary.events_new,
        "merged": summary.events_merged,
        "stored": summary.stored,
        "already": summary.already_stored,
    }


def store_only(store: Store, extracted: list[tuple[Incoming, list[Event]]]) -> dict[str, Any]:
    ingestor = Ingestor(store, start_run(store, "benchmark", {}, None))
    started = time.perf_counter()
    for incoming, events in extracted:
        ingestor.store_document(incoming, events)
    summary = ingestor.summary
    return {
        "seconds": time.perf_counter() - started,
        "events": summary.events_new + summary.events_merged,
        "stored": summary.stored,
        "new": summary.events_new,
        "merged": summary.events_merged,
    }


# Merge step -----------------------------------------------------------------------------------------

COUNTRIES = (
    ("Pakistan", "PAK", 0.4, ("Balochistan", "Khyber Pakhtunkhwa", "Sindh", "Punjab")),
    ("Afghanistan", "AFG", 0.2, ("Kabul", "Kandahar", "Helmand", "Nangarhar")),
    ("India", "IND", 0.15, ("Manipur", "Jammu and Kashmir", "Chhattisgarh", "Punjab")),
    ("Syria", "SYR", 0.15, ("Aleppo", "Idlib", "Deir ez-Zor", "Daraa")),
    ("Nigeria", "NGA", 0.1, ("Borno", "Zamfara", "Kaduna", "Plateau")),
)
TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
)
FIRST_DAY, DAYS = dt.date(2022, 1, 1), 3 * 365


def synthetic_event(rng: random.Random, n: int, prefix: str) -> Event:
    country, iso3, _, provinces = rng.choices(COUNTRIES, weights=[c[2] for c in COUNTRIES])[0]
    admin1 = rng.choice(provinces)
    event_type, sub_event_type = rng.choice(TYPES)
    day = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    fatalities = rng.choice((0, 0, 1, 2, 3, 5, 8, 12, 20))
    doc_id = f"{prefix}-doc-{n}"
    return Event(
        event_id=make_event_id(doc_id, 0),
        doc_id=doc_id,
        event_date=day,
        date_end=day,
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor1="Military Forces" if event_type == "Battles" else "Unidentified Armed Group",
        actor2="Unidentified Armed Group" if event_type == "Battles" else "Civilians",
        country=country,
        iso3=iso3,
        admin1=admin1,
        admin2=f"District {rng.randrange(12)} of {admin1}",
        location=f"Town {rng.randrange(40)}",
        fatalities=fatalities,
        fatalities_low=fatalities,
        fatalities_high=fatalities,
        reported_by=["police"],
        notes=f"Synthetic event {n}.",
    )


def fill(store: Store, start: int, stop: int, rng: random.Random) -> float:
    """Bulk-insert synthetic events start..stop-1; return the seconds it took."""
    started, now = time.perf_counter(), utcnow()
    with store.writing() as session:
        connection = session.connection()
        for chunk in range(start, stop, 5000):
            rows = []
            for n in range(chunk, min(chunk + 5000, stop)):
                event = synthetic_event(rng, n, "stored")
                rows.append({**event_columns(event, first_sources(event)), "created_at": now})
            connection.execute(insert(EventRow.__table__), rows)
    return time.perf_counter() - started


def probe(store: Store, count: int, rng: random.Random) -> dict[str, Any]:
    """Time the merge step for `count` new events against the store as it is."""
    step_us, query_us, examined, matched = [], [], 0, 0
    with store.reading() as session:
        connection = session.connection()
        for n in range(count):
            event = synthetic_event(rng, n, f"probe-{uuid.uuid4().hex[:6]}")
            started = time.perf_counter()
            match = find_match(connection, event)  # what ingest runs for each new event
            stepped = time.perf_counter()
            found = candidates(connection, event, max_span_days(connection))  # its query alone
            queried = time.perf_counter()
            step_us.append((stepped - started) * 1e6)
            query_us.append((queried - stepped) * 1e6)
            examined += len(found)
            matched += match is not None
    return {
        "candidates_per_event": examined / count,
        "query_us": statistics.median(query_us),
        "step_us": statistics.median(step_us),
        "step_mean_us": statistics.fmean(step_us),
        "matched": matched / count,
    }


# Report -----------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--postgres", metavar="URL", help="also measure PostgreSQL (postgresql://...)")
    parser.add_argument("--sizes", default="10000,100000", help="store sizes for the merge step")
    parser.add_argument("--probes", type=int, default=1000, help="new events timed at each size")
    parser.add_argument("--skip-ingest", action="store_true", help="only the merge step")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    backends = ["sqlite", *(["postgresql"] if args.postgres else [])]
    names = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
    results: dict[str, Any] = {"jobs": args.jobs, "cpus": os.cpu_count()}

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if not args.skip_ingest:
            docs, origin = documents(args.docs)
            path = tmp / "documents.jsonl"
            path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
            print(
                f"ingest: {len(docs):,} documents from {origin}, --jobs {args.jobs}, {os.cpu_count()} cpu(s)"
            )
            rows = []
            reference, extracted = extract_only(path, args.jobs)
            rows.append({"pass": "extract only (no store)", **reference})
            for backend in backends:
                with fresh_store(backend, args.postgres, tmp) as store:
                    rows.append({"pass": f"ingest → {names[backend]}", **ingest_run(store, path, args.jobs)})
                    rows.append(
                        {"pass": f"re-ingest, all stored → {names[backend]}", **ingest_run(store, path, 1)}
                    )
                with fresh_store(backend, args.postgres, tmp) as store:
                    rows.append({"pass": f"store only → {names[backend]}", **store_only(store, extracted)})
            print(
                f"{'pass':40} {'seconds':>8} {'docs/s':>8} {'ms/doc':>7} {'stored':>7} {'events':>7} "
                f"{'new':>7} {'merged':>7}"
            )
            for row in rows:
                row["docs_per_s"] = len(docs) / row["seconds"]
                print(
                    f"{row['pass']:40} {row['seconds']:8.1f} {row['docs_per_s']:8.1f} "
                    f"{row['seconds'] / len(docs) * 1000:7.2f} {row.get('stored', ''):>7} {row['events']:7,} "
                    f"{row.get('new', ''):>7} {row.get('merged', ''):>7}"
                )
            print("  stored: documents stored; events: those of the documents stored, new or merged")
            if not args.postgres:
                print("  (PostgreSQL rows: give --postgres URL)")
            results["ingest"] = {"documents": len(docs), "origin": origin, "rows": rows}
            print()

        sizes = sorted(int(size) for size in args.sizes.split(","))
        print(
            f"merge step per new event (candidate query + merging.decide over the candidates), "
            f"{args.probes:,} new events at each size; synthetic events over {DAYS} days, 5 countries"
        )
        print(
            f"{'store':12} {'events':>9} {'fill s':>7} {'candidates':>11} {'query µs':>9} "
            f"{'step µs':>8} {'mean µs':>8} {'merged':>7}"
        )
        merge_rows = []
        for backend in backends:
            rng = random.Random(11)
            with fresh_store(backend, args.postgres, tmp) as store:
                stored = 0
                for size in sizes:
                    seconds = fill(store, stored, size, rng)
                    stored = size
                    row = {"store": names[backend], "events": size, "fill_seconds": seconds}
                    row.update(probe(store, args.probes, random.Random(size)))
                    merge_rows.append(row)
                    print(
                        f"{row['store']:12} {size:9,} {seconds:7.1f} {row['candidates_per_event']:11.1f} "
                        f"{row['query_us']:9.0f} {row['step_us']:8.0f} {row['step_mean_us']:8.0f} "
                        f"{row['matched']:7.0%}"
                    )
        if not args.postgres:
            print("  (PostgreSQL rows: give --postgres URL)")
        print(
            "  candidates: stored events the query returns per new event; query µs: the candidate query "
            "alone (median); step µs: the whole step, query and rules (median; mean beside it); "
            "merged: share of new events that joined a stored one"
        )
        results["merge_step"] = merge_rows
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, default=str), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
