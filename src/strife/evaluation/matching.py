"""Pairing predicted events with gold events of the same document.

A pair is a candidate when the dates agree (where gold has one) and at least half of the
other judged components agree: place, event type, fatalities. Pairs are taken best first, and
one gold event matches at most one predicted event.

Real-text gold may name, per field, other values a careful coder would accept
(`alternatives`); a prediction that takes one of them agrees as if it took the coded value.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from strife.evaluation.names import haversine_km, same_unit
from strife.event import Event
from strife.taxonomy import EVENT_TYPE_OF

# How far a place may be from gold and still be "the same place" for matching.
MATCH_KM = 50.0
# Days of slack around a predicted date, by the gold's time precision (1 day, 2 week, 3 month).
DATE_SLACK = {1: 1, 2: 4, 3: 16}


@dataclass(frozen=True, slots=True)
class Agreement:
    date: bool | None
    place: bool | None
    type: bool | None
    fatalities: bool | None

    @property
    def score(self) -> float:
        judged = [v for v in (self.date, self.place, self.type, self.fatalities) if v is not None]
        return sum(judged) / len(judged) if judged else 0.5

    @property
    def is_match(self) -> bool:
        if self.date is False:
            return False
        others = [v for v in (self.place, self.type, self.fatalities) if v is not None]
        return not others or sum(others) * 2 >= len(others)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def accepted(gold: dict[str, Any], field: str) -> list[Any]:
    """The coded value of a gold field and the alternatives its coder accepted, coded first."""
    values = [] if gold.get(field) is None else [gold[field]]
    return values + list((gold.get("alternatives") or {}).get(field) or [])


def fatalities_agree(pred: Event, gold: dict[str, Any]) -> bool | None:
    span = fatalities_range(gold)
    if span is None:
        return None
    return span[0] <= pred.fatalities <= span[1] or pred.fatalities in accepted(gold, "fatalities")[1:]


def type_agrees(pred: Event, gold: dict[str, Any]) -> bool | None:
    if gold.get("event_type") is None:
        return None
    subs = accepted(gold, "sub_event_type")
    return pred.event_type in accepted(gold, "event_type") or (
        pred.sub_event_type in subs and pred.event_type == EVENT_TYPE_OF[pred.sub_event_type]
    )


def fatalities_range(gold: dict[str, Any]) -> tuple[int, int] | None:
    if gold.get("fatalities") is None:
        return None
    low = gold.get("fatalities_low")
    high = gold.get("fatalities_high")
    value = int(gold["fatalities"])
    return (int(low) if low is not None else value, int(high) if high is not None else value)


def date_agrees(pred: Event, gold: dict[str, Any]) -> bool | None:
    day = _date(gold.get("event_date"))
    if day is None:
        return None
    if pred.event_date is None or pred.date_end is None:
        return False  # gold knows the day, strife left it unresolved
    precision = max(int(gold.get("time_precision") or 1), int(gold.get("ucdp_date_precision") or 1))
    slack = dt.timedelta(days=DATE_SLACK.get(min(precision, 3), 1))
    end = _date(gold.get("date_end")) or day
    if pred.event_date - slack <= end and day <= pred.date_end + slack:
        return True
    others = [_date(v) for v in accepted(gold, "event_date")[1:]]
    return any(pred.event_date - slack <= d <= pred.date_end + slack for d in others if d)


def place_agrees(pred: Event, gold: dict[str, Any]) -> bool | None:
    judged = [gold.get(k) for k in ("location", "admin2", "admin1", "latitude")]
    if not any(v is not None for v in judged):
        return None
    coordinates = (pred.latitude, pred.longitude, gold.get("latitude"), gold.get("longitude"))
    if None not in coordinates and haversine_km(*coordinates) <= MATCH_KM:
        return True
    gold_names = [*accepted(gold, "location"), *accepted(gold, "admin2")]
    iso3 = gold.get("iso3")
    for pred_name in (pred.location, pred.admin2, pred.admin3):
        for gold_name in gold_names:
            if same_unit(pred_name, gold_name, iso3):
                return True
    if not gold_names:
        return any(same_unit(pred.admin1, name, iso3) for name in accepted(gold, "admin1"))
    return False


def agreement(pred: Event, gold: dict[str, Any]) -> Agreement:
    return Agreement(
        date_agrees(pred, gold),
        place_agrees(pred, gold),
        type_agrees(pred, gold),
        fatalities_agree(pred, gold),
    )


def best_first_pairs(
    first: Sequence[Any], second: Sequence[Any], agree: Callable[[Any, Any], Agreement]
) -> list[tuple[int, int, Agreement]]:
    """Pairs (i, j, agreement) of items that match, best agreement first (ties: nearer in order),
    each item in at most one pair: how a prediction meets its gold, and one coding another."""
    candidates = []
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            agreement_ = agree(a, b)
            if agreement_.is_match:
                candidates.append((agreement_.score, -abs(i - j), i, j, agreement_))
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    used_first: set[int] = set()
    used_second: set[int] = set()
    pairs = []
    for _, _, i, j, agreement_ in candidates:
        if i not in used_first and j not in used_second:
            used_first.add(i)
            used_second.add(j)
            pairs.append((i, j, agreement_))
    return pairs


def match_events(
    predicted: list[Event], gold: list[dict[str, Any]]
) -> tuple[list[tuple[int, int, Agreement]], list[int], list[int]]:
    """(matched (pred index, gold index, agreement), unmatched preds, unmatched golds)."""
    pairs = best_first_pairs(predicted, gold, agreement)
    pairs.sort(key=lambda pair: pair[1])
    used_p, used_g = {p for p, _, _ in pairs}, {g for _, g, _ in pairs}
    missed = [g for g in range(len(gold)) if g not in used_g]
    spurious = [p for p in range(len(predicted)) if p not in used_p]
    return pairs, spurious, missed
