"""Reports of one incident: deciding that two events are the same incident, and merging them.

One incident reported by ten outlets is one event with ten sources. Two events are the same
incident when their dates are within a day, their places are the same or one contains the
other, and their types and actors are compatible; two incidents on the same day in different
districts never are. A merge keeps the event's id, grows `doc_ids`, keeps the most
conservative fatality figure with the range spanning every report, and records which report
each field came from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from strife.event import Event

# How far apart two reports' dates may be and still tell one incident.
DAY_TOLERANCE = dt.timedelta(days=1)


@dataclass
class Provenance:
    """Which report each field of a merged event came from (field name → doc id)."""

    fields: dict[str, str] = field(default_factory=dict)


def _dates_overlap(a: Event, b: Event) -> bool:
    return a.event_date - DAY_TOLERANCE <= b.date_end and b.event_date - DAY_TOLERANCE <= a.date_end


def _same_or_nested_place(a: Event, b: Event) -> bool:
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return False
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False
    # Two districts of one province are two places; a district and its province are one.
    return not (a.admin2 and b.admin2 and a.admin2 != b.admin2)


def same_incident(a: Event, b: Event) -> bool:
    """Whether two events, from different reports, tell the same incident."""
    return (
        _dates_overlap(a, b)
        and _same_or_nested_place(a, b)
        and a.event_type == b.event_type
        and not a.background
        and not b.background
    )


def merge_into(stored: Event, new: Event) -> Event:
    """The stored event with a new report of it folded in; the stored event's id stays."""
    doc_ids = list(dict.fromkeys([*stored.doc_ids, *new.doc_ids]))
    low = min(stored.fatalities_low, new.fatalities_low)
    high = max(stored.fatalities_high, new.fatalities_high)
    # Codebook: conflicting reports → the most conservative figure, the range spanning them.
    fatalities = (
        min(stored.fatalities, new.fatalities)
        if stored.fatalities and new.fatalities
        else max(stored.fatalities, new.fatalities)
    )
    return stored.model_copy(
        update={
            "doc_ids": doc_ids,
            "fatalities": fatalities,
            "fatalities_low": min(low, fatalities),
            "fatalities_high": max(high, fatalities),
        }
    )


__all__ = ["DAY_TOLERANCE", "Provenance", "merge_into", "same_incident"]
