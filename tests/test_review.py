"""Review: accept, edit, reject, merge and split stored events — each a revision with the reviewer
and the time; a field a person set survives later reports; rejected events stay out of exports
and the API's lists; the same actions over the API (tokens, status codes) and the CLI. Each test
against SQLite and, where STRIFE_TEST_POSTGRES_URL names a server, PostgreSQL."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import inspect, select

import strife
from conftest import SEED_TEXT
from strife.api import to_document
from strife.merging import merge
from strife.store import (
    EventMerged,
    EventNotFound,
    InvalidEdit,
    ReviewConflict,
    Store,
    ingest,
    open_store,
    review,
)
from strife.store.database import alembic_config
from strife.store.history import describe_event, find_event
from strife.store.schema import EventRow, Revision

# The Kalat clash of SEED_TEXT (30 dead: 18 soldiers, 12 militants) as a group's claim tells it:
# a lower toll, and the group named where the wire had "armed men". The store merges it.
BLA_CLAIM = (
    "QUETTA: The Baloch Liberation Army claimed responsibility on Saturday for a clash with security "
    "forces near Surab in Kalat district of Balochistan late on Friday in which 28 people, including 16 "
    "soldiers, were killed."
)
# The same clash as another outlet placed it, a district away: the rules keep two districts
# apart, and a reviewer who knows the road merges them.
MASTUNG_CONVOY = (
    "QUETTA: Twenty-eight people, among them 16 soldiers, were killed when militants ambushed a security "
    "convoy in Mastung district of Balochistan late on Friday, officials said on Saturday."
)


# Stores (as tests/test_store.py makes them) ---------------------------------------------------------


@pytest.fixture
def store(store_url) -> Iterator[Store]:
    store = open_store(store_url)
    yield store
    store.close()


def add(store: Store, doc_id: str, text_: str, published: str = "2025-02-01"):
    document = to_document({"id": doc_id, "text": text_, "published": published, "source": "Test Wire"})
    return ingest(store, [document])


def the_event(store: Store, doc_id: str) -> dict[str, Any]:
    """The stored event (any review state) that `doc_id` reports, as the API shows it."""
    with store.reading() as session:
        rows = [row.view() for row in session.scalars(select(EventRow)) if doc_id in row.record["doc_ids"]]
    (event,) = rows
    return event


def revisions(store: Store, event_id: str) -> list[Revision]:
    with store.reading() as session:
        return list(
            session.scalars(select(Revision).where(Revision.event_id == event_id).order_by(Revision.id))
        )


def naive(moment: dt.datetime) -> dt.datetime:
    """UTC without its zone (SQLite gives back what it stored without one)."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment


# The core ---------------------------------------------------------------------------------------


def test_each_action_is_a_revision_with_the_reviewer_and_the_time(store):
    add(store, "wire", SEED_TEXT)
    event_id = the_event(store, "wire")["event_id"]
    started = dt.datetime.now(dt.UTC)

    accepted = review.accept(store, event_id, "alice", note="matches the ISPR statement")
    assert (accepted["review_state"], accepted["locked_fields"]) == ("accepted", [])
    edited = review.edit(store, event_id, {"fatalities": 32, "admin2": "Kalat"}, "bob", note="two more found")
    assert (edited["review_state"], edited["locked_fields"]) == ("edited", ["admin2", "fatalities"])
    assert edited["fatalities"] == 32 and edited["fatalities_high"] == 32  # the range holds the figure
    assert edited["notes"].endswith("32 killed.")  # the note tells the new figure
    rejected = review.reject(store, event_id, "carol", reason="a duplicate of another report")
    assert rejected["review_state"] == "rejected" and rejected["fatalities"] == 32

    history = revisions(store, event_id)
    assert [(r.action, r.user, r.note) for r in history[1:]] == [
        ("accept", "alice", "matches the ISPR statement"),
        ("edit", "bob", "two more found"),
        ("reject", "carol", "a duplicate of another report"),
    ]
    assert history[0].action == "create"
    finished = dt.datetime.now(dt.UTC)
    for revision in history[1:]:
        assert naive(started) <= naive(revision.at) <= naive(finished)
        assert revision.run_id is None  # a person's act, not a run's
    assert history[2].before["fatalities"] == 30 and history[2].after["fatalities"] == 32
    assert history[1].before == history[1].after  # accepting changes no field

    # The event carries its state, the locked fields and who reviewed it last.
    shown = describe_event(store, event_id)
    assert (shown["event"]["review_state"], shown["event"]["locked_fields"]) == (
        "rejected",
        ["admin2", "fatalities"],
    )
    assert shown["review"]["reviewed_by"] == "carol" and shown["review"]["reviewed_at"]
    assert [(r["action"], r["user"]) for r in shown["revisions"]][1:] == [
        ("accept", "alice"),
        ("edit", "bob"),
        ("reject", "carol"),
    ]
    assert {"fatalities", "fatalities_high", "notes"} <= set(shown["revisions"][2]["changed"])
    assert "fatalities" not in shown["sources"]  # no report gave the person's figure

    # Editing a rejected event leaves it rejected; accepting it brings it back.
    assert review.edit(store, event_id, {"injured": 4}, "bob")["review_state"] == "rejected"
    assert review.accept(store, event_id, "alice")["review_state"] == "accepted"

    with pytest.raises(EventNotFound, match="no event 'ev:nothing'"):
        review.accept(store, "ev:nothing", "alice")
    with pytest.raises(review.ReviewError, match="reviewer's name"):
        review.accept(store, event_id, "  ")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"fatalaties": 3}, "no field 'fatalaties'"),
        ({"doc_ids": ["x"]}, "doc_ids cannot be edited"),
        ({"event_id": "ev:mine"}, "event_id cannot be edited"),
        ({"fatalities": -2}, "fatalities: Input should be greater than or equal to 0"),
        ({"event_date": "31 January"}, "event_date: Input should be a valid date"),
        ({"event_type": "Protests"}, "'Armed clash' is not a kind of 'Protests'"),
        ({"date_end": "2025-01-01"}, "date_end is before event_date"),
        ({}, "nothing to edit"),
    ],
)
def test_a_bad_edit_names_the_field_and_changes_nothing(store, fields, message):
    add(store, "wire", SEED_TEXT)
    before = the_event(store, "wire")
    with pytest.raises(InvalidEdit, match=message):
        review.edit(store, before["event_id"], fields, "bob")
    assert the_event(store, "wire") == before
    assert [r.action for r in revisions(store, before["event_id"])] == ["create"]


def test_an_edit_follows_through(store):
    add(store, "wire", SEED_TEXT)
    event_id = the_event(store, "wire")["event_id"]
    # A sub-event type alone brings its event type; a toll below the parties' deaths drops them.
    edited = review.edit(store, event_id, {"sub_event_type": "Attack", "fatalities": 12}, "bob")
    assert (edited["event_type"], edited["sub_event_type"]) == ("Violence against civilians", "Attack")
    assert (edited["fatalities"], edited["deaths_actor1"], edited["deaths_actor2"]) == (12, None, None)
    assert (edited["fatalities_low"], edited["fatalities_high"]) == (12, 30)
    assert "Military Forces of Pakistan attacked" in edited["notes"] and edited["notes"].endswith(
        "12 killed."
    )
    # A note the person wrote stays theirs when they change another field later.
    review.edit(store, event_id, {"notes": "Checked against the ISPR statement."}, "bob")
    again = review.edit(store, event_id, {"injured": 7}, "bob")
    assert again["notes"] == "Checked against the ISPR statement."
    assert again["locked_fields"] == ["fatalities", "injured", "notes", "sub_event_type"]


# Later reports ----------------------------------------------------------------------------------


def test_a_persons_fields_survive_a_later_report(new_store_url):
    reviewed, control = open_store(new_store_url()), open_store(new_store_url())
    try:
        for store in (reviewed, control):
            add(store, "wire", SEED_TEXT)
        event_id = the_event(reviewed, "wire")["event_id"]
        review.edit(reviewed, event_id, {"fatalities": 32}, "bob", note="two bodies found later")

        for store in (reviewed, control):
            summary = add(store, "bla", BLA_CLAIM)
            assert (summary.events_new, summary.events_merged) == (0, 1)
        plain, kept = the_event(control, "bla"), the_event(reviewed, "bla")
        # Without the edit, the claim's lower toll wins (the most conservative figure)...
        assert plain["fatalities"] == 28 and plain["actor2"] == "Baloch Liberation Army"
        # ...with it, the person's figure and its split by party stay, while the fields nobody
        # set take the new report as before: the group the claim names, the range, the reports.
        assert kept["event_id"] == event_id and kept["doc_ids"] == ["wire", "bla"]
        assert (kept["fatalities"], kept["deaths_actor1"], kept["deaths_actor2"]) == (32, 18, 12)
        assert (kept["fatalities_low"], kept["fatalities_high"]) == (28, 32)
        assert kept["actor2"] == plain["actor2"] == "Baloch Liberation Army"
        assert kept["notes"].endswith(
            "Baloch Liberation Army in Surab, Kalat, Balochistan, Pakistan; 32 killed."
        )
        assert (kept["review_state"], kept["locked_fields"]) == ("edited", ["fatalities"])
        detail = describe_event(reviewed, event_id)
        assert detail["sources"]["actor2"] == "bla" and "fatalities" not in detail["sources"]
        assert [(r["action"], r["doc_id"]) for r in detail["revisions"]] == [
            ("create", "wire"),
            ("edit", None),
            ("merge", "bla"),
        ]

        # A reviewer's split of the claim: the event is the wire's again, with the person's toll.
        split = review.split(reviewed, event_id, "carol", doc_id="bla")
        assert split.event["doc_ids"] == ["wire"] and split.event["fatalities"] == 32
        assert split.event["actor2"] == "Unidentified Armed Group (Pakistan)"
        assert split.split_off["doc_ids"] == ["bla"] and split.split_off["fatalities"] == 28
        assert split.split_off["review_state"] == "unreviewed" and split.split_off["locked_fields"] == []
        last = revisions(reviewed, event_id)[-1]
        assert (last.action, last.user, last.other_event_id) == (
            "split",
            "carol",
            split.split_off["event_id"],
        )
    finally:
        reviewed.close()
        control.close()


def test_a_rejected_event_stays_rejected_and_out_of_exports(run_cli, store, store_url):
    add(store, "wire", SEED_TEXT)
    event_id = the_event(store, "wire")["event_id"]
    review.reject(store, event_id, "carol", reason="a training exercise, not a clash")

    def exported(*args: str) -> list[dict[str, Any]]:
        result = run_cli("export", "--db", store_url, *args)
        assert result.code == 0, result.err
        return [json.loads(line) for line in result.out.splitlines()]

    assert exported() == []
    assert [e["event_id"] for e in exported("--review-state", "rejected")] == [event_id]
    # A new report of the same incident joins the rejected event: no new event comes back.
    summary = add(store, "bla", BLA_CLAIM)
    assert (summary.events_new, summary.events_merged) == (0, 1)
    assert exported() == []
    (rejected,) = exported("--review-state", "rejected", "--review-state", "accepted")
    assert rejected["event_id"] == event_id and rejected["doc_ids"] == ["wire", "bla"]
    assert the_event(store, "bla")["review_state"] == "rejected"

    review.accept(store, event_id, "alice")
    assert [e["event_id"] for e in exported()] == [event_id]
    assert exported("--review-state", "rejected") == []


# Merging two events -----------------------------------------------------------------------------


def test_a_reviewer_merges_two_events_and_the_old_id_says_where_it_went(run_cli, store, store_url):
    add(store, "wire", SEED_TEXT)
    add(store, "mastung", MASTUNG_CONVOY)
    wire, mastung = the_event(store, "wire"), the_event(store, "mastung")
    assert wire["event_id"] != mastung["event_id"]  # two districts: the rules keep them apart

    result = run_cli(
        "events", "merge", wire["event_id"], mastung["event_id"], "--db", store_url, "--user", "dana"
    )
    assert result.code == 0, result.err
    merged = json.loads(result.out)
    assert merged["event_id"] == wire["event_id"] and merged["doc_ids"] == ["wire", "mastung"]
    assert (merged["fatalities"], merged["fatalities_low"], merged["fatalities_high"]) == (28, 28, 30)
    assert merged["admin2"] == "Kalat"  # the kept event's place: as precise as the other's
    assert merged["review_state"] == "unreviewed"  # a merge says one incident, not a right record
    assert f"has the reports of {mastung['event_id']}" in result.err

    # The other event is gone; its id leads to the kept one.
    with store.reading() as session, pytest.raises(EventMerged) as gone:
        find_event(session, mastung["event_id"])
    assert gone.value.into == wire["event_id"] and "by dana" in str(gone.value)
    shown = run_cli("events", "show", mastung["event_id"], "--db", store_url)
    assert shown.code == 2 and f"was merged into {wire['event_id']} by dana" in shown.err
    kept = revisions(store, wire["event_id"])[-1]
    assert (kept.action, kept.user, kept.other_event_id) == ("review-merge", "dana", mastung["event_id"])
    assert kept.before == {k: v for k, v in wire.items() if k not in ("review_state", "locked_fields")}
    went = revisions(store, mastung["event_id"])
    assert [(r.action, r.other_event_id) for r in went] == [
        ("create", None),
        ("merged-into", wire["event_id"]),
    ]
    assert went[1].after == kept.after and went[1].user == "dana"
    assert [r["doc_id"] for r in describe_event(store, wire["event_id"])["reports"]] == ["wire", "mastung"]

    with pytest.raises(ReviewConflict, match="with itself"):
        review.merge_events(store, wire["event_id"], wire["event_id"], "dana")
    with pytest.raises(EventMerged):
        review.merge_events(store, wire["event_id"], mastung["event_id"], "dana")

    # A split undoes the merge: the report's event comes back under its old id.
    split = review.split(store, wire["event_id"], "dana", doc_id="mastung")
    assert split.split_off["event_id"] == mastung["event_id"]
    assert {k: v for k, v in split.event.items()} == wire
    assert the_event(store, "mastung")["event_id"] == mastung["event_id"]


def test_a_persons_fields_on_either_event_hold_through_a_merge(store):
    add(store, "wire", SEED_TEXT)
    add(store, "mastung", MASTUNG_CONVOY)
    wire, mastung = the_event(store, "wire"), the_event(store, "mastung")
    review.edit(store, wire["event_id"], {"injured": 5}, "bob")
    review.edit(store, mastung["event_id"], {"fatalities": 29, "claim_status": "claimed",
                                            "claimed_by": "Baloch Liberation Army"}, "bob")  # fmt: skip
    merged = review.merge_events(store, wire["event_id"], mastung["event_id"], "dana")
    assert merged["injured"] == 5 and merged["fatalities"] == 29  # 28 and 30 by the reports: the person's
    assert (merged["claim_status"], merged["claimed_by"]) == ("claimed", "Baloch Liberation Army")
    assert merged["locked_fields"] == ["claim_status", "claimed_by", "fatalities", "injured"]


# The merge rules with a person's fields ----------------------------------------------------------


def test_a_locked_field_holds_its_group_in_the_merge_rules():
    def event(doc_id: str, text_: str) -> strife.Event:
        (found,) = strife.extract({"id": doc_id, "text": text_, "published": "2025-02-01"})
        return found

    province = event(
        "dawn", "QUETTA: Thirty people were killed in a clash between militants and security forces in "
        "Balochistan on Friday, officials said.",
    )  # fmt: skip
    town = event("bla", BLA_CLAIM)
    assert (province.location, province.geo_precision, town.location) == ("Balochistan", 3, "Surab")
    assert merge(province, town).event.location == "Surab"  # the more precise place
    # A person set the province: the place is theirs, coordinates and all.
    held = merge(province, town, locked={"admin1"}).event
    assert (held.location, held.admin2, held.latitude, held.geo_precision) == (
        "Balochistan",
        None,
        province.latitude,
        3,
    )
    assert held.actor2 == "Baloch Liberation Army" and held.fatalities == 28  # the rest as before
    assert merge(province, town, locked={"fatalities"}).event.fatalities == 30


# Over the API -------------------------------------------------------------------------------------


@pytest.fixture
def api(store):
    pytest.importorskip("fastapi")
    with warnings.catch_warnings():  # starlette's test client says httpx is deprecated for it
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from strife.server.app import create_app
    from strife.server.auth import create_token, revoke_token

    tokens = {
        "reviewer": create_token(store, "reviewer", "rita")[1],
        "admin": create_token(store, "admin")[1],
    }
    gone_id, tokens["revoked"] = create_token(store, "reviewer", "gone")
    revoke_token(store, gone_id)
    add(store, "wire", SEED_TEXT)
    add(store, "mastung", MASTUNG_CONVOY)
    return TestClient(create_app(store)), {
        role: {"Authorization": f"Bearer {t}"} for role, t in tokens.items()
    }


def test_review_over_the_api(api, store):
    client, auth = api
    listed = client.get("/events").json()["events"]
    assert len(listed) == 2
    assert all((e["review_state"], e["locked_fields"]) == ("unreviewed", []) for e in listed)
    wire, mastung = the_event(store, "wire")["event_id"], the_event(store, "mastung")["event_id"]

    # Tokens: none, made up, revoked → 401; a reviewer's and an admin's may review.
    for headers in ({}, {"Authorization": "Bearer made-up"}, auth["revoked"]):
        assert client.post(f"/events/{wire}/accept", headers=headers).status_code == 401
        assert (
            client.patch(f"/events/{wire}", json={"fields": {"injured": 1}}, headers=headers).status_code
            == 401
        )
        assert client.post(f"/events/{wire}/reject", json={}, headers=headers).status_code == 401
    assert the_event(store, "wire")["review_state"] == "unreviewed"
    accepted = client.post(f"/events/{wire}/accept", headers=auth["reviewer"])
    assert accepted.status_code == 200 and accepted.json()["event"]["review_state"] == "accepted"
    assert client.post(f"/events/{wire}/accept", headers=auth["admin"]).status_code == 200

    edit = {"fields": {"fatalities": 12, "admin2": "Kalat"}, "note": "ISPR's revised figure"}
    edited = client.patch(f"/events/{wire}", json=edit, headers=auth["reviewer"])
    assert edited.status_code == 200, edited.text
    body = edited.json()["event"]
    assert (body["fatalities"], body["review_state"], body["locked_fields"]) == (
        12,
        "edited",
        ["admin2", "fatalities"],
    )
    for bad, message in (
        ({"fields": {"fatalaties": 3}}, "no field 'fatalaties'"),
        ({"fields": {"fatalities": "many"}}, "fatalities: Input should be a valid integer"),
        ({"fields": {"doc_id": "x"}}, "doc_id cannot be edited"),
        ({"fields": {"event_type": "Riots"}}, "is not a kind of 'Riots'"),
        ({"fatalities": 3}, "fields"),  # not under "fields"
    ):
        refused = client.patch(f"/events/{wire}", json=bad, headers=auth["reviewer"])
        assert refused.status_code == 422 and message in json.dumps(refused.json()["detail"]), refused.text
    assert client.patch("/events/ev:nothing", json=edit, headers=auth["reviewer"]).status_code == 404

    # GET still answers the event, with its review and who did what when.
    detail = client.get(f"/events/{wire}").json()
    assert (detail["event"]["review_state"], detail["event"]["locked_fields"]) == (
        "edited",
        ["admin2", "fatalities"],
    )
    assert [(r["action"], r["user"]) for r in detail["revisions"]] == [
        ("create", detail["revisions"][0]["user"]),
        ("accept", "rita"),
        ("accept", "token 2"),  # an admin token without a name
        ("edit", "rita"),
    ]
    assert detail["revisions"][3]["note"] == "ISPR's revised figure" and detail["revisions"][3]["at"]
    assert client.get(f"/events/{wire}/accept").status_code == 404  # no such event id, no action

    # Rejected: out of /events and /stats unless asked for.
    rejected = client.post(
        f"/events/{mastung}/reject", json={"reason": "a duplicate"}, headers=auth["reviewer"]
    )
    assert rejected.status_code == 200 and rejected.json()["event"]["review_state"] == "rejected"
    assert [e["event_id"] for e in client.get("/events").json()["events"]] == [wire]
    assert [
        e["event_id"] for e in client.get("/events", params={"review_state": "rejected"}).json()["events"]
    ] == [mastung]
    both = client.get("/events", params={"review_state": "edited,rejected", "sort": "fatalities"}).json()[
        "events"
    ]
    assert [e["event_id"] for e in both] == [wire, mastung]
    repeated = client.get("/events", params=[("review_state", "rejected"), ("review_state", "edited")])
    assert len(repeated.json()["events"]) == 2
    assert client.get("/events", params={"review_state": "accepted"}).json()["events"] == []
    assert client.get("/events", params={"review_state": "maybe"}).status_code == 400
    assert client.get("/stats", params={"by": "type"}).json()["total"]["events"] == 1

    # Merge: the other goes, and its id says where.
    merged = client.post(f"/events/{wire}/merge", json={"other": mastung}, headers=auth["reviewer"])
    assert merged.status_code == 200, merged.text
    assert merged.json()["event"]["doc_ids"] == ["wire", "mastung"]
    assert merged.json()["event"]["fatalities"] == 12  # the person's figure holds
    lookup = client.get(f"/events/{mastung}")
    assert lookup.status_code == 404 and lookup.json()["merged_into"] == wire
    again = client.post(f"/events/{wire}/merge", json={"other": mastung}, headers=auth["reviewer"])
    assert again.status_code == 404 and again.json()["merged_into"] == wire
    assert (
        client.post(f"/events/{wire}/merge", json={"other": wire}, headers=auth["reviewer"]).status_code
        == 409
    )
    assert client.post(f"/events/{wire}/merge", json={}, headers=auth["reviewer"]).status_code == 422

    # Split by a reviewer: the report's own event comes back.
    split = client.post(f"/events/{wire}/split", json={"doc_id": "mastung"}, headers=auth["reviewer"])
    assert split.status_code == 200, split.text
    assert split.json()["event"]["doc_ids"] == ["wire"] and split.json()["event"]["fatalities"] == 12
    assert split.json()["split_off"]["event_id"] == mastung and split.json()["split_off"]["doc_ids"] == [
        "mastung"
    ]
    assert client.get(f"/events/{mastung}").status_code == 200
    assert (
        client.post(f"/events/{wire}/split", json={}, headers=auth["reviewer"]).status_code == 409
    )  # one report
    assert client.post("/events/ev:nothing/split", json={}, headers=auth["reviewer"]).status_code == 404
    users = [(r["action"], r["user"]) for r in client.get(f"/events/{wire}").json()["revisions"][-2:]]
    assert users == [("review-merge", "rita"), ("split", "rita")]


def test_a_state_most_events_are_in_is_read_in_sort_order(api, monkeypatch):
    from strife.server import queries

    client, _auth = api
    expected = [e["event_id"] for e in client.get("/events", params={"sort": "fatalities"}).json()["events"]]
    assert len(expected) == 2
    # Past the threshold (here: one event), the state's test is worded so that no index serves it.
    monkeypatch.setattr(queries, "NARROW_BOX_EVENTS", 1)
    found = client.get("/events", params={"review_state": "unreviewed", "sort": "fatalities"}).json()[
        "events"
    ]
    assert [e["event_id"] for e in found] == expected
    assert client.get("/events", params={"review_state": "rejected"}).json()["events"] == []


# The command line --------------------------------------------------------------------------------


def test_review_commands(run_cli, store, store_url):
    add(store, "wire", SEED_TEXT)
    event_id = the_event(store, "wire")["event_id"]
    db = ("--db", store_url, "--user", "erin")

    result = run_cli("events", "edit", event_id, "--set", "fatalities=12", "--set", "admin2=Kalat",
                     "--set", "injured=null", "--set", "claimed_by=\"1\"", *db)  # fmt: skip
    assert result.code == 0, result.err
    edited = json.loads(result.out)
    # JSON where it parses (12, null, "1"), text where not (Kalat).
    assert (edited["fatalities"], edited["admin2"], edited["injured"], edited["claimed_by"]) == (
        12,
        "Kalat",
        None,
        "1",
    )
    assert edited["locked_fields"] == ["admin2", "claimed_by", "fatalities", "injured"]
    assert "edited (locked: admin2, claimed_by, fatalities, injured), by erin" in result.err

    refused = run_cli("events", "edit", event_id, "--set", "fatalities", *db)
    assert refused.code == 2 and "--set takes FIELD=VALUE" in refused.err
    refused = run_cli("events", "edit", event_id, "--set", "casualties=3", *db)
    assert refused.code == 2 and "no field 'casualties'" in refused.err
    assert run_cli("events", "edit", event_id, *db).code == 2  # --set is required

    assert (
        json.loads(run_cli("events", "accept", event_id, "--note", "checked", *db).out)["review_state"]
        == "accepted"
    )
    rejected = run_cli("events", "reject", event_id, "--reason", "not political violence", *db)
    assert json.loads(rejected.out)["review_state"] == "rejected"
    assert run_cli("events", "accept", "ev:nothing", *db).code == 2

    shown = json.loads(run_cli("events", "show", event_id, "--db", store_url).out)
    assert [(r["action"], r["user"], r["note"]) for r in shown["revisions"][1:]] == [
        ("edit", "erin", None),
        ("accept", "erin", "checked"),
        ("reject", "erin", "not political violence"),
    ]
    assert shown["review"]["state"] == "rejected"


# The migration ------------------------------------------------------------------------------------


def test_migration_0003_makes_stored_events_unreviewed(store_url):
    from alembic import command

    with contextlib.closing(open_store(store_url)) as store:
        add(store, "wire", SEED_TEXT)
        with store.engine.begin() as connection:
            command.downgrade(alembic_config(connection), "0002")
        with store.engine.connect() as connection:
            columns = {column["name"] for column in inspect(connection).get_columns("events")}
        assert "review_state" not in columns and "locked_fields" not in columns
    with contextlib.closing(open_store(store_url)) as store:  # opening migrates it again
        event = the_event(store, "wire")
        assert (event["review_state"], event["locked_fields"]) == ("unreviewed", [])
        assert review.edit(store, event["event_id"], {"injured": 2}, "bob")["locked_fields"] == ["injured"]
