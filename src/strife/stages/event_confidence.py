"""How likely a coder would code an event as strife records it: the record's `confidence`.

A logistic model over what the record shows of itself: its kind of act, whether it carries a
toll, a day of its own, a named place and a reporter, how far into the report its evidence lies,
whether it is background, how many events the report yields, and whether the report is a note or
an article. These say how sure a record is better than any one of them alone: a note's bombing
with a toll, a day and a town is almost always an incident a coder would code so, an article's
country-level "attack" recalled deep in its fifth paragraph often is not.

`tools/train_event_confidence.py` fits it on strife's own records of the real-text gold's dev
split, each labelled by whether it matches a coded event (`strife.evaluation.matching`), never on
the test split, and writes `event_confidence.json` beside this file with its held-out score. No
stage reads the confidence to decide anything: it is what users filter and sort on, and what the
store keeps the higher of when it merges two reports.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

from strife.document import Document
from strife.event import Event
from strife.stages.incident_model import logistic
from strife.stages.sentences import is_note
from strife.stages.truecase import is_caseless

MODEL_PATH = Path(__file__).with_name("event_confidence.json")

# The evidence fields whose presence the model weighs.
EVIDENCE_FIELDS = ("location", "event_date", "fatalities", "actor1", "actor2", "claim_status", "injured")


def features(text: str, note: bool, events: list[Event]) -> list[dict[str, float]]:
    """What each of a report's `events` shows of itself, by name; `note`: whether the report is
    a note rather than an article (`sentences.is_note`)."""
    kind = "note" if note else "article"
    length = max(len(text), 1)
    caseless = float(is_caseless(text))
    return [
        _event_features(event, number, events, kind, length, caseless) for number, event in enumerate(events)
    ]


def _event_features(
    event: Event, number: int, events: list[Event], kind: str, length: int, caseless: float
) -> dict[str, float]:
    starts = [e.start for e in event.evidence] or [0]
    first = min(starts) / length
    fields = {e.field for e in event.evidence}
    found: dict[str, float] = {
        f"kind={kind}": 1.0,
        f"sub={event.sub_event_type}": 1.0,
        f"type={event.event_type}": 1.0,
        "killed": float(event.fatalities > 0),
        "log_fatalities": math.log1p(event.fatalities),
        "imputed": float(event.fatalities_imputed),
        "injured": float(event.injured is not None),
        f"geo={event.geo_precision}": 1.0,
        "no_location": float(event.location is None),
        "no_country": float(event.country is None),
        f"date={event.date_basis}": 1.0,
        f"time_precision={event.time_precision}": 1.0,
        "background": float(event.background),
        f"claim={event.claim_status}": 1.0,
        f"inter1={event.inter1}": 1.0,
        f"inter2={event.inter2}": 1.0,
        "reported_by": float(bool(event.reported_by)),
        "log_evidence": math.log1p(len(event.evidence)),
        "first_evidence": first,
        "evidence_spread": (max(starts) - min(starts)) / length,
        "log_length": math.log(length),
        "log_events": math.log1p(len(events)),
        "order": number / len(events),
        "caseless": caseless,
        # What makes a record sure differs between a note and an article.
        f"kind={kind}&background": float(event.background),
        f"kind={kind}&first_evidence": first,
        f"kind={kind}&geo=3": float(event.geo_precision == 3),
        f"kind={kind}&killed": float(event.fatalities > 0),
    }
    for field in EVIDENCE_FIELDS:
        found[f"has_{field}"] = float(field in fields)
    return found


class ConfidenceModel:
    def __init__(self, data: dict[str, Any]) -> None:
        self.bias: float = data["bias"]
        self.weights: dict[str, float] = data["weights"]
        self.meta: dict[str, Any] = data.get("meta", {})

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> ConfidenceModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def probability(self, feats: dict[str, float]) -> float:
        return logistic(self.bias + sum(self.weights.get(name, 0.0) * value for name, value in feats.items()))


@cache
def confidence_model() -> ConfidenceModel:
    """The shipped model, read once per process."""
    return ConfidenceModel.load()


def with_confidence(doc: Document, events: list[Event]) -> list[Event]:
    """The report's events, each with the model's confidence in it (two decimals)."""
    model = confidence_model()
    return [
        event.model_copy(update={"confidence": round(model.probability(feats), 2)})
        for event, feats in zip(events, features(doc.text, is_note(doc), events), strict=True)
    ]
