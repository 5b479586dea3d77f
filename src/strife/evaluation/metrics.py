"""The per-field scores: each compares a matched prediction with its gold where gold judges."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from strife.evaluation.matching import accepted, fatalities_agree, fatalities_range
from strife.evaluation.names import haversine_km, names_place, normalise_place, same_unit
from strife.event import Event


@dataclass
class Ratio:
    """A share with its counts, so that a table can say 12/15 and not only 0.80."""

    hits: int = 0
    total: int = 0

    def add(self, hit: bool) -> None:
        self.hits += bool(hit)
        self.total += 1

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    def as_dict(self) -> dict[str, Any]:
        return {"value": _round(self.value), "hits": self.hits, "total": self.total}


def _round(value: float | None, digits: int = 3) -> float | None:
    return None if value is None else round(value, digits)


def prf(tp: int, fp: int, fn: int) -> dict[str, float | None]:
    """Precision is undefined with no predictions, recall with no gold; F1 is 0 once either is 0."""
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    if tp == 0 and (fp or fn):
        f1: float | None = 0.0
    elif precision is None or recall is None:
        f1 = None
    else:
        f1 = 2 * precision * recall / (precision + recall)
    return {"precision": _round(precision), "recall": _round(recall), "f1": _round(f1)}


def weighted_f1(confusion: dict[str, Counter[str]]) -> float | None:
    """Per-class F1 averaged with the gold support of each class as weight."""
    labels = set(confusion) | {p for row in confusion.values() for p in row}
    support = {label: sum(confusion.get(label, Counter()).values()) for label in labels}
    total = sum(support.values())
    if not total:
        return None
    score = 0.0
    for label in labels:
        tp = confusion.get(label, Counter())[label]
        fp = sum(row[label] for gold, row in confusion.items() if gold != label)
        fn = support[label] - tp
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        score += f1 * support[label] / total
    return _round(score)


@dataclass
class Scores:
    documents: int = 0
    excluded: int = 0
    # Documents whose extraction stopped with an error: scored as predicting nothing.
    failed: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    event_type: Ratio = field(default_factory=Ratio)
    sub_event_type: Ratio = field(default_factory=Ratio)
    confusion: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    fatalities_exact: Ratio = field(default_factory=Ratio)
    fatalities_in_range: Ratio = field(default_factory=Ratio)
    fatalities_errors: list[int] = field(default_factory=list)
    date_inside: Ratio = field(default_factory=Ratio)
    country: Ratio = field(default_factory=Ratio)
    admin1: Ratio = field(default_factory=Ratio)
    admin2: Ratio = field(default_factory=Ratio)
    distances_km: list[float] = field(default_factory=list)
    coordinates_missing: int = 0
    actor_categories: Ratio = field(default_factory=Ratio)
    claim_status: Ratio = field(default_factory=Ratio)
    injured_exact: Ratio = field(default_factory=Ratio)
    # Events whose report names their place (the gold location, district or province): what a
    # geoparser can be asked to get right from the text alone.
    named_admin1: Ratio = field(default_factory=Ratio)
    named_within_50km: Ratio = field(default_factory=Ratio)
    # Detection by the kind of document (short report, article), and per document: a report
    # with an incident whose incident is found at all; a report with none that yields none.
    by_kind: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    incident_found: Ratio = field(default_factory=Ratio)
    no_event_quiet: Ratio = field(default_factory=Ratio)
    # Gold events a careful coder might or might not code: a miss is not counted against recall.
    optional_missed: int = 0
    seconds: float = 0.0

    def add_document(self, kind: str, tp: int, fp: int, fn: int, gold_events: int) -> None:
        counts = self.by_kind[kind or "unknown"]
        counts.update(documents=1, tp=tp, fp=fp, fn=fn)
        if gold_events:
            self.incident_found.add(tp > 0)
        else:
            self.no_event_quiet.add(fp == 0)
            counts.update(no_event=1, no_event_quiet=int(fp == 0))

    def add_pair(self, pred: Event, gold: dict[str, Any], text: str | None = None) -> list[str]:
        """Score one matched pair; return the fields it got wrong. `text`, the report's: where
        it names the event's place, the pair also counts towards the named-place rows."""
        wrong: list[str] = []
        if text is not None and names_place(text, gold):
            if gold.get("admin1"):
                self.named_admin1.add(bool(same_unit(pred.admin1, gold["admin1"], gold.get("iso3"))))
            if gold.get("latitude") is not None and gold.get("longitude") is not None:
                self.named_within_50km.add(
                    pred.latitude is not None
                    and pred.longitude is not None
                    and haversine_km(pred.latitude, pred.longitude, gold["latitude"], gold["longitude"]) <= 50
                )

        def judge(name: str, ratio: Ratio, hit: bool) -> None:
            ratio.add(hit)
            if not hit:
                wrong.append(name)

        if gold.get("event_type"):
            judge("event_type", self.event_type, pred.event_type in accepted(gold, "event_type"))
        if gold.get("sub_event_type"):
            subs = accepted(gold, "sub_event_type")
            hit = pred.sub_event_type in subs
            judge("sub_event_type", self.sub_event_type, hit)
            # An accepted alternative counts as the coded class in the confusion table.
            self.confusion[gold["sub_event_type"]][
                gold["sub_event_type"] if hit else pred.sub_event_type
            ] += 1
        span = fatalities_range(gold)
        if span is not None:
            judge("fatalities", self.fatalities_exact, pred.fatalities in accepted(gold, "fatalities"))
            self.fatalities_in_range.add(bool(fatalities_agree(pred, gold)))
            self.fatalities_errors.append(abs(pred.fatalities - int(gold["fatalities"])))
        if gold.get("event_date"):
            days = [str(day)[:10] for day in accepted(gold, "event_date")]
            if pred.event_date is None or pred.date_end is None:
                judge("event_date", self.date_inside, False)
            else:
                span_days = (pred.event_date.isoformat(), pred.date_end.isoformat())
                judge(
                    "event_date", self.date_inside, any(span_days[0] <= day <= span_days[1] for day in days)
                )
        if gold.get("iso3") or gold.get("country"):
            hit = (
                pred.iso3 == gold["iso3"]
                if gold.get("iso3")
                else normalise_place(pred.country) == normalise_place(gold["country"])
            )
            hit = hit or any(
                normalise_place(pred.country) == normalise_place(c) for c in accepted(gold, "country")
            )
            judge("country", self.country, hit)
        for name, ratio in (("admin1", self.admin1), ("admin2", self.admin2)):
            if gold.get(name):
                iso3 = gold.get("iso3")
                judge(name, ratio, any(same_unit(getattr(pred, name), v, iso3) for v in accepted(gold, name)))
        if gold.get("latitude") is not None and gold.get("longitude") is not None:
            if pred.latitude is None or pred.longitude is None:
                self.coordinates_missing += 1
            else:
                self.distances_km.append(
                    haversine_km(pred.latitude, pred.longitude, gold["latitude"], gold["longitude"])
                )
        if gold.get("inter1") is not None:
            pairs = [
                (int(gold["inter1"]), int(gold.get("inter2") or 0)),
                *map(tuple, accepted(gold, "inter")),
            ]
            hit = sorted((pred.inter1, pred.inter2)) in [sorted(pair) for pair in pairs]
            judge("actor_categories", self.actor_categories, hit)
        if gold.get("claim_status"):
            judge("claim_status", self.claim_status, pred.claim_status in accepted(gold, "claim_status"))
        if "injured" in gold and gold.get("fatalities") is not None:
            self.injured_exact.add((pred.injured or 0) == (gold.get("injured") or 0))
        return wrong

    def distance_summary(self) -> dict[str, Any]:
        judged = len(self.distances_km) + self.coordinates_missing
        if not judged:
            return {"median_km": None, "within_25km": None, "within_100km": None, "judged": 0}
        return {
            "median_km": _round(statistics.median(self.distances_km), 1) if self.distances_km else None,
            # Events without coordinates count as misses: the share is over every judged event.
            "within_25km": _round(sum(d <= 25 for d in self.distances_km) / judged),
            "within_100km": _round(sum(d <= 100 for d in self.distances_km) / judged),
            "judged": judged,
            "without_coordinates": self.coordinates_missing,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "excluded_documents": self.excluded,
            "failed_documents": self.failed,
            "detection": {**prf(self.tp, self.fp, self.fn), "tp": self.tp, "fp": self.fp, "fn": self.fn},
            "detection_by_kind": {
                kind: {**prf(c["tp"], c["fp"], c["fn"]), **dict(c)}
                for kind, c in sorted(self.by_kind.items())
            },
            "incident_found": self.incident_found.as_dict(),
            "no_event_documents_quiet": self.no_event_quiet.as_dict(),
            "optional_missed": self.optional_missed,
            "event_type_accuracy": self.event_type.as_dict(),
            "sub_event_type_accuracy": self.sub_event_type.as_dict(),
            "sub_event_type_weighted_f1": weighted_f1(self.confusion),
            "fatalities": {
                "exact": self.fatalities_exact.as_dict(),
                "within_range": self.fatalities_in_range.as_dict(),
                "mean_absolute_error": _round(statistics.fmean(self.fatalities_errors), 2)
                if self.fatalities_errors
                else None,
            },
            "date_inside_predicted_span": self.date_inside.as_dict(),
            "country": self.country.as_dict(),
            "admin1": self.admin1.as_dict(),
            "admin2": self.admin2.as_dict(),
            "coordinates": self.distance_summary(),
            "actor_categories": self.actor_categories.as_dict(),
            "claim_status": self.claim_status.as_dict(),
            "injured_exact": self.injured_exact.as_dict(),
            "named_place": {
                "admin1": self.named_admin1.as_dict(),
                "within_50km": self.named_within_50km.as_dict(),
            },
            "confusion": {gold: dict(row) for gold, row in sorted(self.confusion.items())},
            "seconds": _round(self.seconds, 2),
            "documents_per_second": _round(self.documents / self.seconds, 1) if self.seconds else None,
        }
