"""The event store: ingest, idempotency, crash safety, merging reports of one incident, undoing a
merge, export with filters — each test against SQLite and, where STRIFE_TEST_POSTGRES_URL names
a server (CI starts one), against PostgreSQL."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from conftest import QUIET_TEXT, SECOND_TEXT, SEED_TEXT
from strife.store import Store, open_store
from strife.store.database import normalise_url
from strife.store.ingest import Ingestor
from strife.store.schema import Base, DocumentRow, EventDocument, EventRow, Revision, Run
from strife.writers import read_events

# The Kalat clash of SEED_TEXT (30 dead: 18 soldiers, 12 militants) as a second outlet told it,
# with another figure; and, the same night, a clash in another district of the province.
KALAT_OTHER_OUTLET = (
    "QUETTA: Twenty-eight people, among them 16 soldiers, were killed when militants clashed with "
    "security forces near Surab in Kalat district of Balochistan late on Friday, officials said on "
    "Saturday.\n"
)
PANJGUR_SAME_NIGHT = (
    "QUETTA: Six militants were killed in a clash with security forces in the Panjgur district of "
    "Balochistan late on Friday, the military said on Saturday.\n"
)
MOMBASA_PROTEST = (
    "NAIROBI: Hundreds of traders protested peacefully in Mombasa, Kenya, on Monday against new "
    "market taxes, police said.\n"
)


# Stores -------------------------------------------------------------------------------------


@contextlib.contextmanager
def opened(url: str) -> Iterator[Store]:
    store = open_store(url)
    try:
        yield store
    finally:
        store.close()


def snapshot(url: str) -> dict[str, Any]:
    """Everything a run stores about documents and events (not the runs themselves)."""
    with opened(url) as store, store.reading() as session:
        events = session.scalars(select(EventRow).order_by(EventRow.id)).all()
        links = session.execute(
            select(EventRow.event_id, DocumentRow.doc_id, EventDocument.report_event_id)
            .join(EventRow, EventDocument.event_pk == EventRow.id)
            .join(DocumentRow, EventDocument.document_pk == DocumentRow.id)
        ).all()
        revisions = session.execute(
            select(Revision.event_id, Revision.action, Revision.doc_id, Revision.after).order_by(Revision.id)
        ).all()
        return {
            "events": [(row.event_id, row.record, row.sources) for row in events],
            "documents": sorted(session.scalars(select(DocumentRow.doc_id))),
            "links": sorted(tuple(link) for link in links),
            "revisions": [tuple(revision) for revision in revisions],
        }


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


def doc(doc_id: str, text_: str, published: str = "2025-02-01", **more: Any) -> dict[str, Any]:
    return {"id": doc_id, "text": text_, "published": published, "source": "Test Wire", **more}


def jsonl_events(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def exported(run_cli, url: str, *args: object) -> list[dict[str, Any]]:
    result = run_cli("export", "--db", url, *args)
    assert result.code == 0, result.err
    return jsonl_events(result.out)


def event_by_doc(events: list[dict[str, Any]], doc_id: str) -> dict[str, Any]:
    (event,) = [event for event in events if doc_id in event["doc_ids"]]
    return event


# Ingest and export ----------------------------------------------------------------------------


def test_ingest_then_export_gives_extracts_events(run_cli, store_url, tmp_path):
    inputs = write_jsonl(
        tmp_path / "in.jsonl",
        [doc("seed", SEED_TEXT), doc("bannu", SECOND_TEXT, "2025-01-30"), doc("quiet", QUIET_TEXT)],
    )
    extracted = run_cli("extract", inputs)
    assert extracted.code == 0

    ingested = run_cli("ingest", inputs, "--db", store_url)
    assert ingested.code == 0, ingested.err
    assert (
        "3 document(s) read: 3 stored (2 with events, 1 with none), 0 already stored, 0 skipped"
        in ingested.err
    )
    assert "2 event(s): 2 new, 0 merged" in ingested.err

    assert exported(run_cli, store_url) == jsonl_events(extracted.out)
    with opened(store_url) as store, store.reading() as session:
        run = session.scalars(select(Run)).one()
        assert (run.command, run.status) == ("ingest", "completed")
        assert run.counts["stored"] == 3 and run.counts["events_new"] == 2
        stored = session.scalars(select(DocumentRow).where(DocumentRow.doc_id == "seed")).one()
        assert stored.text == SEED_TEXT and stored.source == "Test Wire"
        assert stored.published == dt.date(2025, 2, 1) and stored.published_basis == "input"
        assert len(stored.content_hash) == 64


def test_ingest_report_json(run_cli, store_url, tmp_path):
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("seed", SEED_TEXT), {"id": "empty", "text": ""}])
    result = run_cli("ingest", inputs, "--db", store_url, "--report", tmp_path / "report.json")
    assert result.code == 1  # a document skipped, as extract says it
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["stored"] == 1 and report["already_stored"] == 0 and report["events_new"] == 1
    assert report["skipped_count"] == 1 and "empty" in report["skipped"][0]["reason"]


def test_ingesting_again_changes_nothing(run_cli, store_url, tmp_path):
    corpus = Path(__file__).parent / "corpus"
    inputs = [corpus / "short", corpus / "articles_south_asia.jsonl"]
    first = run_cli("ingest", *inputs, "--db", store_url)
    assert first.code == 0, first.err
    before = snapshot(store_url)
    assert len(before["events"]) > 100

    again = run_cli("ingest", *inputs, "--db", store_url)
    assert again.code == 0
    assert f"0 stored (0 with events, 0 with none), {len(before['documents'])} already stored" in again.err
    assert snapshot(store_url) == before  # the same events, ids, links, and no new revision

    # The same text under another id, and another text at a stored URL, are the same documents.
    with (corpus / "articles_south_asia.jsonl").open(encoding="utf-8") as stream:
        first_doc = json.loads(stream.readline())
    write_jsonl(
        tmp_path / "again.jsonl",
        [
            {"id": "another-id", "text": first_doc["text"], "published": first_doc["published"]},
            doc("at-a-known-url", SEED_TEXT, url="https://example.org/kalat"),
            doc("same-url-new-text", SECOND_TEXT, url="https://example.org/kalat"),
        ],
    )
    result = run_cli("ingest", tmp_path / "again.jsonl", "--db", store_url)
    assert "1 stored (1 with events, 0 with none), 2 already stored" in result.err
    documents = snapshot(store_url)["documents"]
    assert "at-a-known-url" in documents
    assert "another-id" not in documents and "same-url-new-text" not in documents


def test_two_texts_under_one_id_are_both_kept(run_cli, store_url, tmp_path):
    write_jsonl(tmp_path / "a.jsonl", [doc("1", SEED_TEXT)])
    write_jsonl(tmp_path / "b.jsonl", [doc("1", SECOND_TEXT, "2025-01-30")])
    assert run_cli("ingest", tmp_path / "a.jsonl", tmp_path / "b.jsonl", "--db", store_url).code == 0
    events = exported(run_cli, store_url)
    assert [event["fatalities"] for event in events] == [30, 3]
    assert events[0]["doc_ids"] == ["1"]
    assert events[1]["doc_ids"][0].startswith("1@")  # kept apart under an id of its own
    assert len({event["event_id"] for event in events}) == 2


# Crash safety ---------------------------------------------------------------------------------

DISTRICTS = (
    ("Kalat", "Balochistan", "QUETTA"),
    ("Panjgur", "Balochistan", "QUETTA"),
    ("Kech", "Balochistan", "QUETTA"),
    ("Mastung", "Balochistan", "QUETTA"),
    ("Zhob", "Balochistan", "QUETTA"),
    ("Bannu", "Khyber Pakhtunkhwa", "PESHAWAR"),
    ("Lakki Marwat", "Khyber Pakhtunkhwa", "PESHAWAR"),
    ("North Waziristan", "Khyber Pakhtunkhwa", "PESHAWAR"),
    ("Kurram", "Khyber Pakhtunkhwa", "PESHAWAR"),
    ("Bajaur", "Khyber Pakhtunkhwa", "PESHAWAR"),
)
# Two outlets' ways of telling a clash (one incident: they merge), a bombing, a protest.
REPORTS = (
    "{city}: {n} militants were killed in a clash with security forces in the {district} district "
    "of {province} on {date}, the military said.\n",
    "{city}: Security forces and militants exchanged fire in {district} district on {date}, leaving "
    "{n} militants dead, officials said.\n",
    "{city}: A roadside bomb killed {n} soldiers in the {district} district of {province} on {date}, "
    "police said.\n",
    "{city}: Hundreds of traders protested against power cuts in {district} district of {province} "
    "on {date}, blocking the main road for hours.\n",
)


def generated_reports(count: int) -> list[dict[str, Any]]:
    """Reports of our own: every district, a new day every few reports, each clash told twice."""
    records = []
    for n in range(count):
        district, province, city = DISTRICTS[(n // len(REPORTS)) % len(DISTRICTS)]
        day = dt.date(2025, 1, 1) + dt.timedelta(days=n // 40)
        body = REPORTS[n % len(REPORTS)].format(
            city=city, district=district, province=province, n=2 + n % 17, date=f"{day:%B} {day.day}"
        )
        published = (day + dt.timedelta(days=1)).isoformat()
        records.append(doc(f"gen-{n}", body, published, url=f"https://example.org/gen/{n}"))
    return records


def count_documents(url: str) -> int:
    engine = create_engine(normalise_url(url))
    try:
        with engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(DocumentRow.__table__)).scalar_one()
    except (OperationalError, ProgrammingError):  # no tables yet: the child is still starting
        return 0
    finally:
        engine.dispose()


def test_killed_ingest_then_rerun_equals_one_clean_run(run_cli, new_store_url, tmp_path):
    records = generated_reports(300)
    inputs = write_jsonl(tmp_path / "reports.jsonl", records)
    clean_url, killed_url = new_store_url(), new_store_url()
    assert run_cli("ingest", inputs, "--db", clean_url).code == 0
    clean = snapshot(clean_url)
    assert any(len(record["doc_ids"]) > 1 for _, record, _ in clean["events"])  # merges happened

    child = subprocess.Popen(
        [sys.executable, "-m", "strife", "ingest", str(inputs), "--db", killed_url, "--no-progress"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    try:
        deadline = time.monotonic() + 60
        while count_documents(killed_url) < 40 and child.poll() is None and time.monotonic() < deadline:
            time.sleep(0.005)
        assert child.poll() is None, (
            "the ingest ended before it could be killed: " + child.stderr.read().decode()
        )
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stderr.close()
    assert child.returncode == -signal.SIGKILL

    partial = snapshot(killed_url)
    stored = set(partial["documents"])
    assert 40 <= len(stored) < len(records)
    # The documents stored are the first of the input, each stored whole: the links and
    # revisions of all its events, exactly as the clean run made them — nothing of the next.
    assert stored == {record["id"] for record in records[: len(stored)]}
    assert partial["links"] == [link for link in clean["links"] if link[1] in stored]
    assert partial["revisions"] == clean["revisions"][: len(partial["revisions"])]
    assert {revision[2] for revision in partial["revisions"]} == stored - _without_events(clean)

    rerun = run_cli("ingest", inputs, "--db", killed_url)
    assert rerun.code == 0, rerun.err
    assert f"{len(stored)} already stored" in rerun.err
    assert snapshot(killed_url) == clean
    assert exported(run_cli, killed_url) == exported(run_cli, clean_url)


def _without_events(state: dict[str, Any]) -> set[str]:
    return set(state["documents"]) - {link[1] for link in state["links"]}


def test_a_failure_inside_a_document_leaves_none_of_it(run_cli, new_store_url, tmp_path, monkeypatch):
    inputs = write_jsonl(
        tmp_path / "in.jsonl",
        [doc("seed", SEED_TEXT), doc("panjgur", PANJGUR_SAME_NIGHT), doc("kalat-b", KALAT_OTHER_OUTLET)],
    )
    clean_url, url = new_store_url(), new_store_url()
    run_cli("ingest", inputs, "--db", clean_url)

    revise = Ingestor._revise

    def failing(self, connection, revisions):
        if any(revision["action"] == "merge" for revision in revisions):  # kalat-b into seed's event
            raise RuntimeError("the machine went away")
        return revise(self, connection, revisions)

    monkeypatch.setattr(Ingestor, "_revise", failing)
    with pytest.raises(RuntimeError, match="went away"):
        run_cli("ingest", inputs, "--db", url)
    state = snapshot(url)
    assert state["documents"] == ["panjgur", "seed"]
    kalat = event_by_doc([record for _, record, _ in state["events"]], "seed")
    assert kalat["doc_ids"] == ["seed"] and kalat["fatalities"] == 30  # the merge left no trace
    with opened(url) as store, store.reading() as session:
        assert session.scalars(select(Run.status)).all() == ["failed"]

    monkeypatch.setattr(Ingestor, "_revise", revise)
    assert run_cli("ingest", inputs, "--db", url).code == 0
    assert snapshot(url) == snapshot(clean_url)


# Reports of one incident -------------------------------------------------------------------------


def test_two_reports_of_one_incident_are_one_event(run_cli, store_url, tmp_path):
    first = write_jsonl(tmp_path / "first.jsonl", [doc("wire", SEED_TEXT, url="https://example.org/wire")])
    second = write_jsonl(tmp_path / "second.jsonl", [doc("daily", KALAT_OTHER_OUTLET)])
    run_cli("ingest", first, "--db", store_url)
    (alone,) = exported(run_cli, store_url)
    assert alone["fatalities"] == 30

    result = run_cli("ingest", second, "--db", store_url)
    assert "1 event(s): 0 new, 1 merged into stored events" in result.err
    (event,) = exported(run_cli, store_url)
    assert event["event_id"] == alone["event_id"]  # stable
    assert event["doc_ids"] == ["wire", "daily"]
    # The most conservative figure; the range spans both reports.
    assert (event["fatalities"], event["fatalities_low"], event["fatalities_high"]) == (28, 28, 30)
    assert (event["admin2"], event["location"]) == ("Kalat", "Surab")

    shown = run_cli("events", "show", event["event_id"], "--db", store_url)
    assert shown.code == 0
    detail = json.loads(shown.out)
    # Each field keeps the report it came from: the lower toll is the second outlet's, the place
    # and the date (as precise in both) stay the first's.
    assert detail["sources"]["fatalities"] == "daily"
    assert detail["sources"]["location"] == "wire" and detail["sources"]["event_date"] == "wire"
    assert [(r["doc_id"], r["fatalities"], r["url"]) for r in detail["reports"]] == [
        ("wire", 30, "https://example.org/wire"),
        ("daily", 28, None),
    ]
    assert all(r["evidence"] for r in detail["reports"])
    revisions = detail["revisions"]
    assert [(r["action"], r["doc_id"]) for r in revisions] == [("create", "wire"), ("merge", "daily")]
    assert {"doc_ids", "fatalities", "fatalities_low"} <= set(revisions[1]["changed"])
    assert revisions[0]["run_id"] != revisions[1]["run_id"]

    with opened(store_url) as store, store.reading() as session:
        merge = session.scalars(select(Revision).where(Revision.action == "merge")).one()
        assert merge.before == alone and merge.after == event


def test_same_day_in_two_districts_is_two_events(run_cli, store_url, tmp_path):
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("kalat", SEED_TEXT), doc("panjgur", PANJGUR_SAME_NIGHT)])
    run_cli("ingest", inputs, "--db", store_url)
    events = exported(run_cli, store_url)
    assert [(e["admin2"], e["event_date"], e["doc_ids"]) for e in events] == [
        ("Kalat", "2025-01-31", ["kalat"]),
        ("Panjgur", "2025-01-31", ["panjgur"]),
    ]


def test_events_from_one_document_never_merge(run_cli, store_url, tmp_path):
    # One report telling two clashes in one district a day apart: its own account says two.
    body = SEED_TEXT + (
        "In a separate incident on Thursday, four militants were killed in a clash with security "
        "forces in Kalat district, officials said.\n"
    )
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("two", body)])
    extracted = jsonl_events(run_cli("extract", inputs).out)
    run_cli("ingest", inputs, "--db", store_url)
    assert len(exported(run_cli, store_url)) == len(extracted) >= 2


def test_split_undoes_a_merge(run_cli, store_url, tmp_path):
    run_cli("ingest", write_jsonl(tmp_path / "a.jsonl", [doc("wire", SEED_TEXT)]), "--db", store_url)
    (before_merge,) = exported(run_cli, store_url)
    run_cli(
        "ingest", write_jsonl(tmp_path / "b.jsonl", [doc("daily", KALAT_OTHER_OUTLET)]), "--db", store_url
    )
    event_id = before_merge["event_id"]

    result = run_cli("events", "split", event_id, "--db", store_url)
    assert result.code == 0, result.err
    remaining, split_off = jsonl_events(result.out)
    assert remaining == before_merge  # exactly as before the merge
    assert split_off["doc_ids"] == ["daily"] and split_off["fatalities"] == 28
    assert split_off["event_id"] != event_id
    assert exported(run_cli, store_url) == [remaining, split_off]

    detail = json.loads(run_cli("events", "show", event_id, "--db", store_url).out)
    assert [r["action"] for r in detail["revisions"]] == ["create", "merge", "split"]
    assert [r["doc_id"] for r in detail["reports"]] == ["wire"]
    assert set(detail["sources"].values()) == {"wire"}
    split_detail = json.loads(run_cli("events", "show", split_off["event_id"], "--db", store_url).out)
    assert [r["action"] for r in split_detail["revisions"]] == ["split-off"]
    assert split_detail["revisions"][0]["run_id"] == detail["revisions"][2]["run_id"]

    refused = run_cli("events", "split", event_id, "--db", store_url)
    assert refused.code == 2 and "one report" in refused.err
    assert run_cli("events", "split", "ev:nosuchevent", "--db", store_url).code == 2


def test_split_takes_out_the_first_report(run_cli, store_url, tmp_path):
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("wire", SEED_TEXT), doc("daily", KALAT_OTHER_OUTLET)])
    run_cli("ingest", inputs, "--db", store_url)
    (merged,) = exported(run_cli, store_url)

    result = run_cli("events", "split", merged["event_id"], "--doc", "wire", "--db", store_url)
    assert result.code == 0, result.err
    remaining, split_off = jsonl_events(result.out)
    assert remaining["event_id"] == merged["event_id"]  # the event keeps its id
    assert (remaining["doc_ids"], remaining["fatalities"], remaining["fatalities_high"]) == (
        ["daily"],
        28,
        28,
    )
    assert (split_off["doc_ids"], split_off["fatalities"]) == (["wire"], 30)
    assert split_off["event_id"] != merged["event_id"]

    refused = run_cli("events", "split", merged["event_id"], "--doc", "nobody", "--db", store_url)
    assert refused.code == 2


# Export -----------------------------------------------------------------------------------------


@pytest.fixture
def filled_store(run_cli, store_url, tmp_path) -> str:
    inputs = write_jsonl(
        tmp_path / "in.jsonl",
        [
            doc("kalat", SEED_TEXT),
            doc("bannu", SECOND_TEXT, "2025-01-30"),
            doc("mombasa", MOMBASA_PROTEST, "2025-01-29"),
            doc("quiet", QUIET_TEXT),
        ],
    )
    assert run_cli("ingest", inputs, "--db", store_url).code == 0
    return store_url


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ((), ["kalat", "bannu", "mombasa"]),
        (("--since", "2025-01-28"), ["kalat", "bannu"]),
        (("--until", "2025-01-28"), ["bannu", "mombasa"]),
        (("--since", "2025-01-28", "--until", "2025-01-28"), ["bannu"]),
        (("--country", "PAK"), ["kalat", "bannu"]),
        (("--country", "kenya"), ["mombasa"]),
        (("--country", "Kenya", "--country", "pak"), ["kalat", "bannu", "mombasa"]),
        (("--admin1", "khyber pakhtunkhwa"), ["bannu"]),
        (("--type", "Protests"), ["mombasa"]),
        (("--type", "armed clash"), ["kalat", "bannu"]),
        (("--type", "Battles", "--admin1", "Balochistan", "--since", "2025-01-01"), ["kalat"]),
        (("--country", "IND"), []),
    ],
)
def test_export_filters(run_cli, filled_store, filters, expected):
    events = exported(run_cli, filled_store, *filters)
    assert [event["doc_id"] for event in events] == expected


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        (("--country", "Narnia"), "no country 'Narnia'"),
        (("--country", "Pakistn"), "did you mean 'Pakistan'"),
        (("--type", "Battle"), "did you mean 'Battles'"),
        (("--type", "air strike"), "no event type or sub-event type 'air strike'"),
    ],
)
def test_export_refuses_a_country_or_type_that_exists_nowhere(run_cli, filled_store, filters, message):
    result = run_cli("export", "--db", filled_store, *filters)
    assert result.code == 2 and message in result.err and result.out == ""


def test_an_output_extension_strife_does_not_write_is_refused(run_cli, filled_store, tmp_path):
    result = run_cli("export", "--db", filled_store, "-o", tmp_path / "events.xlsx")
    assert result.code == 2 and "events.xlsx" in result.err and "acled-csv" in result.err
    assert not (tmp_path / "events.xlsx").exists()


def test_export_formats(run_cli, filled_store, tmp_path):
    outputs = {fmt: tmp_path / f"events.{fmt}" for fmt in ("jsonl", "csv", "acled.csv", "geojson")}
    args = [arg for path in outputs.values() for arg in ("-o", path)]
    result = run_cli("export", "--db", filled_store, *args)
    assert result.code == 0
    assert "3 event(s) exported" in result.err
    events = read_events(outputs["jsonl"])
    assert [event.doc_id for event in events] == ["kalat", "bannu", "mombasa"]
    assert read_events(outputs["csv"]) == events
    assert read_events(outputs["geojson"]) == [e for e in events if e.latitude is not None]
    acled = read_events(outputs["acled.csv"])
    assert [(row["event_id_cnty"], row["country"], row["fatalities"]) for row in acled] == [
        (e.event_id, e.country, str(e.fatalities)) for e in events
    ]

    jsonl = run_cli("export", "--db", filled_store, "--format", "csv")
    assert jsonl.out.splitlines()[0].startswith("event_id,doc_id,doc_ids,")


# The store itself --------------------------------------------------------------------------------


def newest_migration() -> str:
    from alembic.script import ScriptDirectory

    from strife.store.database import alembic_config

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_migrations_make_the_models_schema(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with opened(store_url) as store, store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
        assert context.get_current_revision() == newest_migration()


def test_reopening_does_not_migrate_again(store_url):
    with opened(store_url):
        pass
    with opened(store_url) as store, store.engine.connect() as connection:
        versions = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    assert versions == [newest_migration()]


def test_default_store_is_in_the_data_directory(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("STRIFE_DATA_DIR", str(tmp_path / "data"))
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("seed", SEED_TEXT)])
    assert run_cli("ingest", inputs).code == 0
    assert (tmp_path / "data" / "strife.db").is_file()
    assert len(jsonl_events(run_cli("export").out)) == 1


def test_a_plain_path_is_a_sqlite_store(run_cli, tmp_path):
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("seed", SEED_TEXT)])
    assert run_cli("ingest", inputs, "--db", tmp_path / "plain.db").code == 0
    assert len(exported(run_cli, f"sqlite:///{tmp_path / 'plain.db'}")) == 1


def test_store_usage_errors(run_cli, tmp_path):
    missing = run_cli("export", "--db", tmp_path / "missing.db")
    assert missing.code == 2 and "no store at" in missing.err
    assert not (tmp_path / "missing.db").exists()
    unsupported = run_cli("export", "--db", "mysql://user@host/db")
    assert unsupported.code == 2 and "unsupported database" in unsupported.err


def test_jobs_store_the_same_events(run_cli, tmp_path):
    inputs = write_jsonl(tmp_path / "reports.jsonl", generated_reports(120))
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    assert run_cli("ingest", inputs, "--db", one).code == 0
    assert run_cli("ingest", inputs, "--db", two, "--jobs", "2").code == 0
    assert snapshot(one) == snapshot(two)


# A report of today's attack that recalls a past one with its own date and place.
RECALLING = (
    "PESHAWAR: Militants attacked a police post in Bannu on Monday, killing two policemen, officials said. "
    "Militants attacked the Army Public School in Peshawar in December 2014, killing 147 people."
)


def test_background_incidents_are_left_out_unless_asked_for_and_carried_by_every_format(
    run_cli, store_url, tmp_path
):
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("recalling", RECALLING, "2025-03-04")])
    assert run_cli("ingest", inputs, "--db", store_url).code == 0

    current = run_cli("export", "--db", store_url, "-o", tmp_path / "now.jsonl")
    assert "1 background event(s) left out" in current.err and "--background include" in current.err
    assert [e.background for e in read_events(tmp_path / "now.jsonl")] == [False]

    outputs = {fmt: tmp_path / f"all.{fmt}" for fmt in ("jsonl", "acled.csv", "geojson")}
    args = [arg for path in outputs.values() for arg in ("-o", path)]
    assert run_cli("export", "--db", store_url, "--background", "include", *args).code == 0
    events = read_events(outputs["jsonl"])
    assert sorted(e.background for e in events) == [False, True]
    tags = {row["event_date"]: row["tags"] for row in read_events(outputs["acled.csv"])}
    assert tags == {"2025-03-03": "", "2014-12-01": "background"}
    features = json.loads(outputs["geojson"].read_text())["features"]
    assert sorted(f["properties"]["background"] for f in features) == [False, True]

    only = run_cli("export", "--db", store_url, "--background", "only", "-o", tmp_path / "past.jsonl")
    assert only.code == 0
    assert [e.event_date.year for e in read_events(tmp_path / "past.jsonl")] == [2014]


def test_an_undated_event_is_stored_exported_and_never_merged_by_a_guessed_day(run_cli, store_url, tmp_path):
    text = "Gunmen shot dead four passengers on a bus in Kalat on Tuesday, officials said."
    again = "Four bus passengers were shot dead by gunmen in Kalat on Tuesday, police said."
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("one", text, None), doc("two", again, None)])
    result = run_cli("ingest", inputs, "--db", store_url)
    assert result.code == 0 and result.err.count("left undated") == 2
    outputs = {fmt: tmp_path / f"undated.{fmt}" for fmt in ("jsonl", "csv", "acled.csv")}
    assert run_cli("export", "--db", store_url, *[a for p in outputs.values() for a in ("-o", p)]).code == 0
    events = read_events(outputs["jsonl"])
    assert [(e.event_date, e.date_basis) for e in events] == [(None, "unresolved")] * 2  # two, not merged
    assert read_events(outputs["csv"]) == events
    assert [(row["event_date"], row["year"]) for row in read_events(outputs["acled.csv"])] == [("", "")] * 2
