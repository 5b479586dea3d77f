"""The learned confidence of a record: how likely a coder would code the event as strife did.

Reports here are our own; the model's held-out figures on the real dev split are in its metadata
and in docs/event-confidence.md.
"""

from __future__ import annotations

from conftest import gold_digest
from strife.api import extract
from strife.stages.event_confidence import ConfidenceModel, confidence_model, features


def test_a_note_with_its_toll_day_and_town_is_surer_than_a_vague_one() -> None:
    (bombing,) = extract(
        {
            "text": "A roadside bomb killed three soldiers in Turbat, Kech district, on Monday, police said.",
            "published": "2025-05-06",
        }
    )
    (clash,) = extract({"text": "Clashes were reported in the region.", "published": "2025-05-06"})
    assert bombing.confidence >= 0.9
    assert clash.confidence < bombing.confidence


def test_confidence_is_the_models_reading_of_the_records_features() -> None:
    (event,) = extract(
        {
            "text": "Gunmen shot dead a tribal elder in Bannu on Sunday, police said.",
            "published": "2025-05-06",
        }
    )
    (feats,) = features("Gunmen shot dead a tribal elder in Bannu on Sunday, police said.", True, [event])
    assert feats["kind=note"] == 1.0 and feats["killed"] == 1.0 and feats["has_location"] == 1.0
    assert event.confidence == round(confidence_model().probability(feats), 2)
    # A model that knows nothing reads every record at even odds.
    assert ConfidenceModel({"bias": 0.0, "weights": {}}).probability(feats) == 0.5


def test_the_model_says_what_it_learned_from_and_how_well_it_reads_held_out_draws() -> None:
    meta = confidence_model().meta
    assert meta["trained_by"] == "tools/train_event_confidence.py"
    held = meta["held_out"]
    assert held["short"]["auc"] > 0.7 and held["article"]["auc"] > 0.5
    # Records read as surer are right more often, draw by draw held out, in every band with
    # records enough to tell (a band of a few dozen articles' records moves by 0.08 on chance).
    for kind in ("short", "article"):
        precision = [band["precision"] for band in held[kind]["by_confidence"] if band["records"] >= 100]
        assert len(precision) >= 3 and precision == sorted(precision)


def test_the_model_was_fitted_on_every_dev_document_of_the_latest_draw() -> None:
    assert confidence_model().meta["gold_dev"] == gold_digest(lambda d: d["split"] == "dev"), (
        "refit after a draw: tools/train_event_confidence.py"
    )
