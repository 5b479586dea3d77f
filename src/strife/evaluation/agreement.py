"""Agreement between two codings of the same real documents (the double-coded sample).

Each coding is a list of documents `{"id", "file", "gold_events": [...]}` in the real-text gold
format. Events are paired as the scorer pairs a prediction with gold (same day within the
precision's slack, and at least half of place, type and toll agreeing), then each field is
compared over the pairs. An alternative either coder accepted counts as agreement, as it would
for strife.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Sequence
from typing import Any

from strife.evaluation.matching import DATE_SLACK, MATCH_KM, Agreement, accepted, best_first_pairs
from strife.evaluation.metrics import Ratio, prf
from strife.evaluation.names import haversine_km, same_place


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float:
    """Cohen's kappa of two coders' labels, one (first, second) pair per item coded twice: their
    agreement beyond what their own label shares would give by chance (1.0 where chance is
    certain agreement)."""
    agree = sum(a == b for a, b in pairs) / len(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[label] * second[label] for label in first) / len(pairs) ** 2
    return (agree - chance) / (1 - chance) if chance < 1 else 1.0


def _day(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _dates(a: dict[str, Any], b: dict[str, Any]) -> bool | None:
    days_a = [_day(d) for d in accepted(a, "event_date")]
    days_b = [_day(d) for d in accepted(b, "event_date")]
    if not days_a or not days_b:
        return None
    precision = max(int(a.get("time_precision") or 1), int(b.get("time_precision") or 1))
    slack = dt.timedelta(days=DATE_SLACK[min(precision, 3)])
    return any(abs(x - y) <= slack for x in days_a for y in days_b if x and y)


def _places(a: dict[str, Any], b: dict[str, Any]) -> bool | None:
    names_a = [*accepted(a, "location"), *accepted(a, "admin2")]
    names_b = [*accepted(b, "location"), *accepted(b, "admin2")]
    if not (names_a or a.get("admin1")) or not (names_b or b.get("admin1")):
        return None
    coordinates = (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude"))
    if None not in coordinates and haversine_km(*coordinates) <= MATCH_KM:
        return True
    if any(same_place(x, y) for x in names_a for y in names_b):
        return True
    if not names_a or not names_b:
        return any(same_place(x, y) for x in accepted(a, "admin1") for y in accepted(b, "admin1"))
    return False


def _overlap(a: dict[str, Any], b: dict[str, Any], field: str) -> bool:
    return bool(set(map(str, accepted(a, field))) & set(map(str, accepted(b, field))))


def _deaths(a: dict[str, Any], b: dict[str, Any]) -> bool:
    low_a, high_a = a.get("fatalities_low", a["fatalities"]), a.get("fatalities_high", a["fatalities"])
    low_b, high_b = b.get("fatalities_low", b["fatalities"]), b.get("fatalities_high", b["fatalities"])
    return (low_a <= high_b and low_b <= high_a) or _overlap(a, b, "fatalities")


def _inter(event: dict[str, Any]) -> list[tuple[int, int]]:
    pairs = [(event["inter1"], event["inter2"]), *map(tuple, accepted(event, "inter"))]
    return [tuple(sorted(p)) for p in pairs]


def _agreement(a: dict[str, Any], b: dict[str, Any]) -> Agreement:
    kind = _overlap(a, b, "event_type") or _overlap(a, b, "sub_event_type")
    return Agreement(_dates(a, b), _places(a, b), kind, _deaths(a, b))


FIELDS = {
    "event_type": lambda a, b: _overlap(a, b, "event_type"),
    "sub_event_type": lambda a, b: _overlap(a, b, "sub_event_type"),
    # The coded values alone, as if neither coder had named an alternative.
    "sub_event_type, coded values only": lambda a, b: a["sub_event_type"] == b["sub_event_type"],
    "fatalities, coded values only": lambda a, b: a["fatalities"] == b["fatalities"],
    "actor categories, coded values only": lambda a, b: _inter(a)[0] == _inter(b)[0],
    "event_date": lambda a, b: _overlap(a, b, "event_date"),
    "fatalities": lambda a, b: a["fatalities"] == b["fatalities"] or _overlap(a, b, "fatalities"),
    "actor_categories": lambda a, b: bool(set(_inter(a)) & set(_inter(b))),
    "admin1": lambda a, b: any(
        same_place(x, y) for x in accepted(a, "admin1") for y in accepted(b, "admin1")
    ),
    "location": lambda a, b: bool(_places(a, b)),
    "claim_status": lambda a, b: _overlap(a, b, "claim_status"),
    "background": lambda a, b: a["background"] == b["background"],
}


JUDGED_WHEN_BOTH_SAY = frozenset({"event_date", "admin1"})


def compare_codings(first: Sequence[dict[str, Any]], second: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Event-level and field-level agreement of two codings of the same documents, in order."""
    tp = fp = fn = optional_alone = 0
    has_event = {"both": 0, "first only": 0, "second only": 0, "neither": 0}
    fields = {name: Ratio() for name in FIELDS}
    for doc_a, doc_b in zip(first, second, strict=True):
        events_a, events_b = doc_a["gold_events"], doc_b["gold_events"]
        key = {(True, True): "both", (True, False): "first only", (False, True): "second only"}
        has_event[key.get((bool(events_a), bool(events_b)), "neither")] += 1
        pairs = [(i, j) for i, j, _ in best_first_pairs(events_a, events_b, _agreement)]
        paired_a = {i for i, _ in pairs}
        paired_b = {j for _, j in pairs}
        tp += len(pairs)
        # An event that either coder marked optional is no disagreement when the other left it out.
        fn += sum(1 for i, e in enumerate(events_a) if i not in paired_a and not e.get("optional"))
        fp += sum(1 for j, e in enumerate(events_b) if j not in paired_b and not e.get("optional"))
        optional_alone += sum(1 for i, e in enumerate(events_a) if i not in paired_a and e.get("optional"))
        optional_alone += sum(1 for j, e in enumerate(events_b) if j not in paired_b and e.get("optional"))
        for i, j in pairs:
            for name, same in FIELDS.items():
                a, b = events_a[i], events_b[j]
                # A field one coder left empty is not judged: "not said" is no disagreement on a value.
                if name in JUDGED_WHEN_BOTH_SAY and (a.get(name) is None or b.get(name) is None):
                    continue
                if name == "location" and _places(a, b) is None:
                    continue
                fields[name].add(same(a, b))
    n = len(first)
    observed = (has_event["both"] + has_event["neither"]) / n if n else None
    p_a = (has_event["both"] + has_event["first only"]) / n if n else 0
    p_b = (has_event["both"] + has_event["second only"]) / n if n else 0
    expected = p_a * p_b + (1 - p_a) * (1 - p_b)
    kappa = (observed - expected) / (1 - expected) if observed is not None and expected < 1 else None
    return {
        "documents": n,
        "document_has_event": {**has_event, "agreement": observed, "cohen_kappa": kappa},
        "events": {
            "first": tp + fn,
            "second": tp + fp,
            "paired": tp,
            **prf(tp, fp, fn),
            # Marked optional by its coder and left out by the other: not counted above.
            "optional_unpaired": optional_alone,
        },
        "fields_on_paired_events": {name: ratio.as_dict() for name, ratio in fields.items()},
    }
