"""`strife evaluate`: each metric on small hand-made gold/prediction pairs whose answer is known."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from strife.document import Document, Mention
from strife.evaluation.evaluate import evaluate_documents
from strife.evaluation.gold import GoldDocument, load_gold
from strife.evaluation.matching import match_events
from strife.evaluation.metrics import Scores, prf, weighted_f1
from strife.evaluation.names import haversine_km, normalise_place, same_place, same_unit
from strife.evaluation.toponyms import evaluate_toponyms
from strife.event import Event
from strife.pipeline import Pipeline

D = dt.date


def event(**fields) -> Event:
    base = dict(event_id="ev", doc_id="d", event_date=D(2025, 1, 31), date_end=D(2025, 1, 31),
                event_type="Battles", sub_event_type="Armed clash")  # fmt: skip
    return Event(**{**base, **fields})


KALAT = {"event_date": "2025-01-31", "event_type": "Battles", "sub_event_type": "Armed clash",
         "country": "Pakistan", "iso3": "PAK", "admin1": "Balochistan", "admin2": "Kalat",
         "location": "Mangochar", "latitude": 29.03, "longitude": 66.58, "fatalities": 30,
         "fatalities_low": 30, "fatalities_high": 30, "inter1": 1, "inter2": 3,
         "claim_status": "unclaimed"}  # fmt: skip


def test_place_names_are_compared_without_suffixes_spellings_or_diacritics() -> None:
    assert normalise_place("Balochistan province") == normalise_place("Baluchistan") == "balochistan"
    assert normalise_place("Kalat District") == "kalat"
    assert same_place("Khyber Pakhtoonkhwa", "Khyber-Pakhtunkhwa Province")
    assert same_place("Azad Jammu & Kashmir", "Azad Kashmir")
    assert same_place("Bogotá", "Bogota")
    assert not same_place("Kalat", "Quetta")
    assert same_place(None, "Kalat") is None
    # A unit a source names otherwise is the same unit: UCDP's "Rif Dimashq" is Rural Damascus.
    assert same_unit("Rural Damascus", "Rif Dimashq", "SYR")
    assert same_unit("North Rhine-Westphalia", "Nordrhein-Westfalen")
    assert not same_unit("Damascus", "Rif Dimashq", "SYR")
    assert not same_unit("Rural Damascus", "Rif Dimashq", "IRQ")
    # A compass name written as one word or hyphenated; a unit by ACLED's name or GeoNames'.
    assert same_place("Northwest", "North-West")
    assert not same_place("Northwest", "Northeast")
    assert same_unit("Central", "HaMerkaz", "ISR")
    assert same_unit("National Capital", "Metro Manila", "PHL")
    assert same_unit("Santiago Metropolitan", "Region Metropolitana", "CHL")
    assert not same_unit("Southern", "HaMerkaz", "ISR")
    # A spelling GeoNames also gives the unit's town, as a source may write it: ACLED's "Idleb".
    assert same_unit("Idlib", "Idleb", "SYR") and same_unit("Taiz", "Taizz", "YEM")
    assert not same_unit("Idlib", "Idleb", "IRQ") and not same_unit("Hama", "Idleb", "SYR")


def test_haversine() -> None:
    # Quetta to Kalat is about 140 km.
    assert 130 < haversine_km(30.18, 66.99, 29.03, 66.58) < 150


def test_prf_and_weighted_f1() -> None:
    assert prf(tp=3, fp=1, fn=2) == {"precision": 0.75, "recall": 0.6, "f1": 0.667}
    from collections import Counter

    # Gold: 2 clashes (one predicted as attack) and 1 attack predicted right.
    confusion = {"Armed clash": Counter({"Armed clash": 1, "Attack": 1}), "Attack": Counter({"Attack": 1})}
    # clash: P 1/1, R 1/2 → F1 .667 (weight 2/3); attack: P 1/2, R 1/1 → F1 .667 (weight 1/3)
    assert weighted_f1(confusion) == 0.667


def test_one_gold_event_matches_one_prediction() -> None:
    preds = [event(fatalities=30, admin2="Kalat"), event(fatalities=30, admin2="Kalat")]
    pairs, spurious, missed = match_events(preds, [KALAT])
    assert len(pairs) == 1 and spurious == [1] and missed == []


def test_no_match_on_another_day_or_elsewhere() -> None:
    other_day = event(event_date=D(2025, 1, 20), date_end=D(2025, 1, 20), fatalities=30, admin2="Kalat")
    elsewhere = event(fatalities=2, admin2="Quetta", event_type="Riots", sub_event_type="Mob violence")
    pairs, spurious, missed = match_events([other_day, elsewhere], [KALAT])
    assert pairs == [] and spurious == [0, 1] and missed == [0]


def test_every_field_metric_on_a_matched_pair() -> None:
    scores = Scores()
    pred = event(fatalities=28, admin1="Balochistan", admin2="Kalat district", country="Pakistan", iso3="PAK",
                 latitude=29.10, longitude=66.60, inter1=1, inter2=2, claim_status="unclaimed",
                 date_end=D(2025, 2, 1))  # fmt: skip
    wrong = scores.add_pair(pred, KALAT)
    result = scores.as_dict()
    assert wrong == ["fatalities", "actor_categories"]
    assert result["event_type_accuracy"]["value"] == 1.0
    assert result["sub_event_type_accuracy"]["value"] == 1.0
    assert result["fatalities"]["exact"]["value"] == 0.0
    assert result["fatalities"]["mean_absolute_error"] == 2.0
    assert result["date_inside_predicted_span"]["value"] == 1.0
    assert result["country"]["value"] == result["admin1"]["value"] == result["admin2"]["value"] == 1.0
    assert result["coordinates"]["median_km"] == pytest.approx(8.0, abs=1.0)
    assert result["coordinates"]["within_25km"] == 1.0
    assert result["actor_categories"]["value"] == 0.0
    assert result["claim_status"]["value"] == 1.0


def test_fatalities_within_gold_range() -> None:
    scores = Scores()
    gold = {**KALAT, "fatalities": 12, "fatalities_low": 12, "fatalities_high": 20}
    scores.add_pair(event(fatalities=15), gold)
    scores.add_pair(event(fatalities=25), gold)
    result = scores.as_dict()["fatalities"]
    assert result["exact"]["value"] == 0.0
    assert result["within_range"] == {"value": 0.5, "hits": 1, "total": 2}
    assert result["mean_absolute_error"] == 8.0


def test_date_outside_the_span_and_missing_coordinates() -> None:
    scores = Scores()
    scores.add_pair(event(event_date=D(2025, 2, 1), date_end=D(2025, 2, 1)), KALAT)
    result = scores.as_dict()
    assert result["date_inside_predicted_span"]["value"] == 0.0
    # No coordinates predicted: judged, and counted as outside 25 and 100 km.
    assert result["coordinates"] == {"median_km": None, "within_25km": 0.0, "within_100km": 0.0,
                                     "judged": 1, "without_coordinates": 1}  # fmt: skip


def test_confusion_matrix_and_type_accuracy() -> None:
    scores = Scores()
    scores.add_pair(event(event_type="Violence against civilians", sub_event_type="Attack"), KALAT)
    result = scores.as_dict()
    assert result["event_type_accuracy"]["value"] == 0.0
    assert result["confusion"] == {"Armed clash": {"Attack": 1}}
    assert result["sub_event_type_weighted_f1"] == 0.0


def _gold(text: str, events: list[dict], published: str = "2025-02-01") -> GoldDocument:
    return GoldDocument(Document(text=text, published=D.fromisoformat(published)), events, "hand-made")


def test_evaluate_documents_end_to_end(tmp_path: Path) -> None:
    clash = _gold(
        "QUETTA: Eighteen soldiers and twelve militants were killed in a clash in Kalat district "
        "of Balochistan on Friday, the military said.",
        [{**KALAT, "fatalities": 30, "inter2": 3, "location": "Kalat", "latitude": None, "longitude": None}],
    )
    nothing = _gold("The provincial assembly passed the budget on Friday.", [])
    errors = (tmp_path / "errors.jsonl").open("w", encoding="utf-8")
    result = evaluate_documents([clash, nothing], errors=errors).as_dict()
    errors.close()
    assert result["documents"] == 2
    assert result["detection"]["tp"] == 1 and result["detection"]["fn"] == 0
    assert result["fatalities"]["exact"]["value"] == 1.0
    assert result["documents_per_second"] > 0
    lines = [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()]
    assert all(line["error"] in ("missed", "spurious", "field") for line in lines)


def test_errors_file_names_missed_and_spurious(tmp_path: Path) -> None:
    missed = _gold("The budget was passed.", [KALAT])
    spurious = _gold("Gunmen shot dead two traders in Karachi on Friday, police said.", [])
    path = tmp_path / "errors.jsonl"
    with path.open("w", encoding="utf-8") as errors:
        result = evaluate_documents([missed, spurious], errors=errors).as_dict()
    assert result["detection"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "tp": 0, "fp": 1, "fn": 1}
    kinds = [json.loads(line)["error"] for line in path.read_text().splitlines()]
    assert kinds == ["missed", "spurious"]
    spurious_line = json.loads(path.read_text().splitlines()[1])
    assert spurious_line["evidence"] and spurious_line["predicted"]["fatalities"] == 2


def test_both_gold_formats_load(tmp_path: Path) -> None:
    shared = tmp_path / "shared.jsonl"
    shared.write_text(
        json.dumps({"id": "u1", "text": "TWO KILLED IN QUETTA BLAST.", "published": "2010-05-02",
                    "gold": {"event_date": "2010-05-01", "fatalities": 2, "location": "Quetta", "claimed": None},
                    "gold_extra": {"date_end": "2010-05-01", "deaths_low": 2, "deaths_high": 3},
                    "meta": {"dataset": "ucdp_ged_pakistan", "generic_headline": False}}) + "\n"
        + json.dumps({"id": "u2", "text": "PRESS DIGEST - Pakistan - May 2.", "published": "2010-05-02",
                      "gold": {"event_date": "2010-05-01", "fatalities": 1},
                      "meta": {"dataset": "ucdp_ged_pakistan", "generic_headline": True}}) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.jsonl").write_text(
        json.dumps({"id": "c1", "kind": "none", "text": "Nothing happened.", "published": "2025-01-01",
                    "gold_events": []}) + "\n", encoding="utf-8")  # fmt: skip
    first, second = load_gold(shared)
    assert first.events == [{"event_date": "2010-05-01", "location": "Quetta", "fatalities": 2,
                              "date_end": "2010-05-01", "fatalities_low": 2, "fatalities_high": 3}]  # fmt: skip
    assert second.excluded and "generic headline" in second.excluded
    (only,) = load_gold(corpus)
    assert only.kind == "none" and only.events == []
    result = evaluate_documents(load_gold(shared)).as_dict()
    assert (result["documents"], result["excluded_documents"]) == (1, 1)
    assert result["fatalities"]["within_range"]["value"] == 1.0


class _FixedPlaces:
    """A stage that places "Quetta" at its coordinates wherever the word stands."""

    name = "places"

    def __call__(self, doc: Document) -> None:
        from types import SimpleNamespace

        start = doc.text.find("Quetta")
        value = SimpleNamespace(latitude=30.18, longitude=66.99)
        doc.set_layer("places", [Mention(start, start + 6, "place", value)] if start >= 0 else [])


def test_toponym_scores() -> None:
    doc = Document(text="Police in Quetta and Kalat said the city was calm.")
    gold = GoldDocument(doc, [], "toponyms", toponyms=[
        {"start": 10, "end": 16, "lat": 30.2, "lon": 67.0},   # Quetta: found, ~2 km off
        {"start": 21, "end": 26, "lat": 29.03, "lon": 66.58},  # Kalat: not found
        # Not scored: a common noun GeoWebNews annotates, and a name with no coordinates.
        {"start": 35, "end": 39, "type": "Literal_Expression", "lat": None, "lon": None},
        {"start": 0, "end": 6, "type": "Non_Toponym", "lat": 30.2, "lon": 67.0},
    ])  # fmt: skip
    result = evaluate_toponyms([gold], Pipeline([_FixedPlaces()])).as_dict()
    assert result["gold_toponyms"] == 2
    assert result["span_recall"] == 0.5
    assert result["accuracy_161km"] == 0.5
    assert result["median_error_km"] < 5


def test_evaluate_command(tmp_path: Path, run_cli) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({
        "id": "g1", "kind": "short", "published": "2025-02-01",
        "text": "Gunmen shot dead four labourers in Turbat on Friday, police said.",
        "gold_events": [{"event_date": "2025-01-31", "event_type": "Violence against civilians",
                         "sub_event_type": "Attack", "fatalities": 4, "inter1": 3, "inter2": 7}],
    }) + "\n", encoding="utf-8")  # fmt: skip
    code, out, _ = run_cli("evaluate", gold)
    assert code == 0
    assert "detection F1" in out and "1.000" in out
    code, out, _ = run_cli("evaluate", gold, "--json")
    (result,) = json.loads(out)
    assert result["detection"]["tp"] == 1
    assert result["sub_event_type_accuracy"]["value"] == 1.0
    code, _, err = run_cli("evaluate", tmp_path / "absent.jsonl")
    assert code == 2 and "no such gold file" in err


def test_a_report_names_its_place_by_location_district_or_province() -> None:
    from strife.evaluation.names import names_place

    gold = {"location": "Tirah valley", "admin2": "Khyber district", "admin1": "Khyber Pakhtunkwa province"}
    assert names_place("Four militants killed in Tirah air strike", gold)
    assert names_place("Blast kills two in Khyber Pakhtunkhwa", gold)  # UCDP's spelling is a variant
    assert not names_place("Four militants killed in air strike in northwest Pakistan", gold)
    assert not names_place("Tirahs of the north", {"location": "Tirah"})  # whole words only


def test_a_document_whose_extraction_fails_is_counted_and_named(monkeypatch, tmp_path: Path) -> None:
    import functools

    import strife.evaluation.evaluate as evaluate_module
    from strife.runner import process

    def broken(doc: Document) -> list[Event]:
        raise KeyError("u.s")

    monkeypatch.setattr(
        evaluate_module, "process", functools.partial(process, pipeline_factory=lambda: broken)
    )
    gold = GoldDocument(Document(id="g1", text="Two soldiers were killed in Kalat."), [KALAT], "real")
    errors = tmp_path / "errors.jsonl"
    with errors.open("w", encoding="utf-8") as stream:
        result = evaluate_documents([gold], errors=stream).as_dict()
    assert result["failed_documents"] == 1 and result["detection"]["fn"] == 1
    first = json.loads(errors.read_text(encoding="utf-8").splitlines()[0])
    assert (first["error"], first["doc_id"]) == ("failed", "g1") and "KeyError" in first["reason"]


def test_a_placeholder_publication_date_in_gold_is_scored_as_undated(tmp_path: Path) -> None:
    record = {
        "id": "ucdp:placeholder",
        "text": "Militants killed three soldiers in Bannu on Monday.",
        "published": "1753-01-01",
        "gold": {"event_date": "2019-05-06", "country": "Pakistan", "fatalities": 3},
    }
    path = tmp_path / "ucdp_sample.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (doc,) = load_gold(path)
    assert doc.document.published is None and doc.events[0]["fatalities"] == 3


def _unseen_benchmark():
    import importlib.util
    import sys

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "unseen_samples.py"
    spec = importlib.util.spec_from_file_location("unseen_samples", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_unseen_sample_leaves_out_what_was_coded_trained_on_or_a_digest(tmp_path: Path) -> None:
    bench = _unseen_benchmark()
    from strife.stages.incident_model import held_out

    ids = [f"u:{n}" for n in range(40)]
    kept = [i for i in ids if held_out(i)][:3]
    trained = next(i for i in ids if not held_out(i))
    text = "Gunmen killed two policemen in Bannu on Monday."
    records = [
        {
            "id": kept[0],
            "text": text,
            "published": "2025-03-04",
            "gold": {"fatalities": 2, "country": "Pakistan"},
        },
        {
            "id": kept[1],
            "text": text,
            "published": "1753-01-01",
            "gold": {"fatalities": 3, "country": "Pakistan (x)"},
        },
        {"id": kept[2], "text": "Pakistan April 2020", "meta": {"generic_headline": True}, "gold": {}},
        {"id": trained, "text": text, "gold": {"fatalities": 2}},
    ]
    path = tmp_path / "ucdp_ged_pakistan.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    # The first record counts as coded by us: only the second is left.
    sample = list(bench.sample(path, {kept[0]}, 10))
    assert [r["id"] for r in sample] == [kept[1]]
    assert sample and bench.document(sample[0]).published is None  # a placeholder date is none
    counts = bench.measure("ucdp_ged_pakistan.jsonl", list(bench.sample(path, set(), 10)), jobs=1)
    assert counts == {
        "records": 2, "with an event": 2, "with a toll": 2, "toll exact": 1, "toll, no event": 0, "country right": 2,
    }  # fmt: skip
