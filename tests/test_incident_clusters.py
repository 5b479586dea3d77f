"""One incident, one event: the learned same-incident decision explained in the history, the
window widened for later reports dated by their publication, and one incident stored twice
brought together by a report that tells it (clusters, not chains)."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

import strife
from conftest import SEED_TEXT
from strife import merging
from strife.merge_model import MergeModelError, read_model
from test_store import KALAT_OTHER_OUTLET, PANJGUR_SAME_NIGHT, doc, exported, jsonl_events, write_jsonl

# The Kalat clash (SEED_TEXT) as a third outlet told it.
KALAT_THIRD_OUTLET = (
    "KALAT: Thirty people, 18 of them soldiers, died in a gunfight between security forces and "
    "militants in Kalat district of Balochistan on Friday, officials said.\n"
)


def one_event(doc_id: str, text: str, published: str) -> strife.Event:
    (event,) = strife.extract({"id": doc_id, "text": text, "published": published})
    return event


KALAT_FRIDAY = one_event(
    "dawn", "QUETTA: Thirty people were killed in a clash between security forces and militants in "
    "Kalat district of Balochistan on Friday, officials said.", "2025-01-31",
)  # fmt: skip
LATER_TOLL = "KALAT: The toll of the clash between security forces and militants in Kalat district rose to 33, officials said."


def test_a_later_report_dated_by_its_publication_is_compared_days_later():
    undated = one_event("app", LATER_TOLL, "2025-02-03")  # three days on, no day of its own
    assert undated.date_basis == "published-fallback"
    assert merging.in_window(KALAT_FRIDAY, undated) and merging.in_window(undated, KALAT_FRIDAY)
    assert merging.same_incident(KALAT_FRIDAY, undated)
    # A report that dates its own incident three days on tells another day's.
    dated = one_event("app-2", LATER_TOLL.replace("rose to 33", "on Monday was 33"), "2025-02-03")
    assert dated.date_basis != "published-fallback" and dated.event_date.isoformat() == "2025-02-03"
    assert not merging.in_window(KALAT_FRIDAY, dated)
    # A week on is beyond any report's reach.
    week = dt.date(2025, 2, 7)
    assert not merging.in_window(
        KALAT_FRIDAY, undated.model_copy(update={"event_date": week, "date_end": week})
    )


def test_a_decision_says_which_features_said_yes():
    other = one_event("app", KALAT_OTHER_OUTLET, "2025-02-01")
    decision = merging.decide(KALAT_FRIDAY, other)
    assert decision.same and 0.5 < decision.probability <= 1
    assert "the same toll" in decision.reasons
    assert decision.note().startswith(f"same incident (p={decision.probability:.2f}): ")
    vetoed = merging.decide(
        KALAT_FRIDAY, other.model_copy(update={"admin2": "Panjgur", "location": "Panjgur"})
    )
    assert not vetoed.same and vetoed.reasons == ("two different places",)


def test_weights_that_do_not_fit_the_features_are_refused(tmp_path: Path):
    shipped = read_model(Path(merging.__file__).with_name("merge_model.toml"))
    shipped.check(merging.FEATURE_WORDS)
    path = tmp_path / "model.toml"
    path.write_text("bias = 0.0\nthreshold = 0.5\n[weights]\nplace_same = 1.0\nnew_feature = 2.0\n")
    with pytest.raises(MergeModelError, match=r"missing \[.*'same_day'.*unknown \['new_feature'\]"):
        read_model(path).check(merging.FEATURE_WORDS)


def test_a_merge_keeps_why_in_the_events_history(run_cli, store_url, tmp_path):
    inputs = write_jsonl(tmp_path / "in.jsonl", [doc("wire", SEED_TEXT), doc("daily", KALAT_OTHER_OUTLET)])
    run_cli("ingest", inputs, "--db", store_url)
    (event,) = exported(run_cli, store_url)
    detail = json.loads(run_cli("events", "show", event["event_id"], "--db", store_url).out)
    create, merge = detail["revisions"]
    assert create["note"] is None
    assert merge["action"] == "merge" and merge["note"].startswith("same incident (p=")
    assert "the same sub-event type" in merge["note"]


def test_one_incident_stored_twice_is_joined_by_a_report_that_tells_it(
    run_cli, store_url, tmp_path, monkeypatch
):
    # Stored apart, as an older rule left them: matching turned off for the first two reports.
    monkeypatch.setattr(sys.modules["strife.store.ingest"], "find_match", lambda *args, **kwargs: None)
    first = write_jsonl(tmp_path / "a.jsonl", [doc("wire", SEED_TEXT), doc("daily", KALAT_OTHER_OUTLET)])
    run_cli("ingest", first, "--db", store_url)
    apart = exported(run_cli, store_url)
    assert [e["doc_ids"] for e in apart] == [["wire"], ["daily"]]
    monkeypatch.undo()

    result = run_cli(
        "ingest", write_jsonl(tmp_path / "b.jsonl", [doc("third", KALAT_THIRD_OUTLET)]), "--db", store_url
    )
    assert result.code == 0, result.err
    assert "1 stored pair(s) found to be one incident and joined" in result.err
    (event,) = exported(run_cli, store_url)
    assert sorted(event["doc_ids"]) == ["daily", "third", "wire"]
    assert event["fatalities"] == 28 and event["fatalities_high"] == 30  # every report's figure
    kept = json.loads(run_cli("events", "show", event["event_id"], "--db", store_url).out)
    actions = [r["action"] for r in kept["revisions"]]
    assert actions[-2:] == ["merge", "join"] or actions[-2:] == ["join", "merge"]
    (join,) = [r for r in kept["revisions"] if r["action"] == "join"]
    assert join["note"].startswith("one incident, joined by the report third: same incident (p=")
    gone_id = next(e["event_id"] for e in apart if e["event_id"] != event["event_id"])
    gone = run_cli("events", "show", gone_id, "--db", store_url)
    assert gone.code != 0 and f"merged into {event['event_id']}" in gone.err
    # Reversible: splitting the joined report off gives it back as an event of its own.
    joined_doc = "daily" if event["event_id"] == apart[0]["event_id"] else "wire"
    split = run_cli("events", "split", event["event_id"], "--doc", joined_doc, "--db", store_url)
    assert split.code == 0, split.err
    assert len(exported(run_cli, store_url)) == 2


def test_recluster_joins_what_matching_now_takes_for_one_incident(run_cli, store_url, tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules["strife.store.ingest"], "find_match", lambda *args, **kwargs: None)
    inputs = write_jsonl(
        tmp_path / "in.jsonl",
        [doc("wire", SEED_TEXT), doc("daily", KALAT_OTHER_OUTLET), doc("panjgur", PANJGUR_SAME_NIGHT)],
    )
    run_cli("ingest", inputs, "--db", store_url)
    monkeypatch.undo()
    wire, daily, panjgur = (e["event_id"] for e in exported(run_cli, store_url))
    run_cli("events", "edit", daily, "--set", "fatalities=29", "--user", "ayesha", "--db", store_url)

    later = run_cli("events", "recluster", "--since", "2025-02-01", "--db", store_url)
    assert later.code == 0 and "0 stored event(s) from 2025-02-01 re-matched: 0 joined" in later.err

    result = run_cli("events", "recluster", "--since", "2025-01-01", "--db", store_url)
    assert result.code == 0, result.err
    assert "3 stored event(s) from 2025-01-01 re-matched: 1 joined" in result.err
    (joined,) = jsonl_events(result.out)
    assert (joined["kept"], joined["joined"]) == (wire, daily)  # the later event joins the earlier
    assert joined["note"].startswith("one incident on reclustering: same incident (p=")
    events = {e["event_id"]: e for e in exported(run_cli, store_url)}
    assert set(events) == {wire, panjgur}  # Panjgur, another district, stays apart
    assert events[wire]["doc_ids"] == ["wire", "daily"]
    assert events[wire]["fatalities"] == 29  # the reviewer's figure holds
    detail = json.loads(run_cli("events", "show", wire, "--db", store_url).out)
    assert detail["revisions"][-1]["action"] == "recluster-join"
    assert "fatalities" in detail["review"]["locked_fields"]

    again = run_cli("events", "recluster", "--since", "2025-01-01", "--db", store_url)
    assert "0 joined" in again.err  # nothing left to join
    # A person's split holds against the matching.
    run_cli("events", "split", wire, "--db", store_url)
    assert "0 joined" in run_cli("events", "recluster", "--since", "2025-01-01", "--db", store_url).err
    assert len(exported(run_cli, store_url)) == 3
