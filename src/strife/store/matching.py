"""Which stored event a new report tells, and folding reports into one record.

The rules — whether two events are one incident, which candidate is the best, how a report
folds into an event and which report each field then comes from — are `strife.merging`'s. This
module finds the candidates for them with an indexed query (same country, dates within
`merging.LATER_REPORT_DAYS`, narrowed to `merging.in_window` after) and carries the field sources
between the store and the merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, Row, bindparam, func, or_, select

from strife.calendar_bounds import shift
from strife.event import Event
from strife.merging import LATER_REPORT_DAYS, MatchDecision, Provenance, merge, ranked_matches
from strife.store.schema import EventRow

EVENTS = EventRow.__table__

# Built once (building costs more than running it): same country, dates within reach. The
# lower bound on event_date keeps the index range short; date_end is the exact test.
# Events of another province or district are never the same incident (`merging.place_relation`):
# they are left out in the query, from the index, before any record is read. (Names compare as
# stored: the gazetteer's, one spelling a place.)
_WHERE = (
    EVENTS.c.iso3 == bindparam("iso3"),
    EVENTS.c.event_date.between(bindparam("earliest"), bindparam("latest")),
    EVENTS.c.date_end >= bindparam("ends_after"),
)
_COLUMNS = (EVENTS.c.id, EVENTS.c.record, EVENTS.c.sources, EVENTS.c.locked_fields)
CANDIDATES = select(*_COLUMNS).where(*_WHERE).order_by(EVENTS.c.id)
_SAME_ADMIN1 = or_(EVENTS.c.admin1 == bindparam("admin1"), EVENTS.c.admin1.is_(None), EVENTS.c.admin1 == "")
_SAME_ADMIN2 = or_(EVENTS.c.admin2 == bindparam("admin2"), EVENTS.c.admin2.is_(None), EVENTS.c.admin2 == "")
CANDIDATES_IN_ADMIN1 = select(*_COLUMNS).where(*_WHERE, _SAME_ADMIN1).order_by(EVENTS.c.id)
CANDIDATES_IN_ADMIN2 = select(*_COLUMNS).where(*_WHERE, _SAME_ADMIN1, _SAME_ADMIN2).order_by(EVENTS.c.id)
MAX_SPAN = select(func.max(EVENTS.c.span_days))


def record_of(event: Event) -> dict[str, Any]:
    return event.model_dump(mode="json")


def first_sources(event: Event) -> dict[str, str]:
    """A record from one report: each field it gives came from it (field name → doc id)."""
    return Provenance.of(event).fields


def fold(stored: Event, sources: dict[str, str], report: Event) -> tuple[Event, dict[str, str]]:
    """`report` folded into `stored` by `merging.merge`, with the field sources after it."""
    merged = merge(stored, report, Provenance(dict(sources)))
    return merged.event, merged.provenance.fields


def max_span_days(connection: Connection) -> int:
    """The longest span of any stored event (an indexed max), which bounds the date range the
    candidate query must look back over."""
    return connection.scalar(MAX_SPAN) or 0


@dataclass(slots=True)
class Match:
    """A stored event a new report tells: its row's key, its record, its field sources, and the
    fields a person set on it (which no report overwrites)."""

    pk: int
    event: Event
    sources: dict[str, str]
    locked: list[str]
    decision: MatchDecision | None = None  # why it was taken: the merge's note in the history
    # The other stored events the new report also tells: one incident stored twice, which the
    # report brings together (clusters, not chains).
    others: list[Match] = field(default_factory=list)


def candidates(connection: Connection, event: Event, max_span: int) -> list[Row[Any]]:
    """Stored events (id, record, sources, locked fields) in the same country whose dates come
    within `merging.LATER_REPORT_DAYS` of the new event's, oldest first (`merging.in_window`
    then keeps those it may be compared with).

    An event with no country is never a candidate, nor looked up: with nothing to say where it
    happened, any same-day incident of its type would pass for it. Likewise an undated one.
    """
    if not event.iso3 or event.event_date is None or event.date_end is None:
        return []  # nor with no day to say when (an undated report's event is stored as it is)
    # Held at the calendar's ends: one stored event with an absurd span (a date typed as year 1
    # before dates were bounded) must not make every later lookup overflow.
    tolerance = LATER_REPORT_DAYS
    parameters = {
        "iso3": event.iso3,
        "earliest": shift(event.event_date, -tolerance - max_span),
        "latest": shift(event.date_end, tolerance),
        "ends_after": shift(event.event_date, -tolerance),
    }
    if event.admin1 and event.admin2:
        query = CANDIDATES_IN_ADMIN2
        parameters |= {"admin1": event.admin1, "admin2": event.admin2}
    elif event.admin1:
        query = CANDIDATES_IN_ADMIN1
        parameters["admin1"] = event.admin1
    else:
        query = CANDIDATES
    return list(connection.execute(query, parameters))


def find_match(
    connection: Connection, event: Event, max_span: int | None = None, stored_before: int | None = None
) -> Match | None:
    """The stored event `event` is another report of (the most likely among the candidates
    `merging.decide` takes; ties to the one stored first), or None. The match carries the
    decision that took it, and the other candidates taken (`Match.others`). `stored_before`: only
    events stored before the one of this key (reclustering a stored event).

    Never one that already has a report from the same document: a document's two events are
    two incidents by its own account.
    """
    if max_span is None:
        max_span = max_span_days(connection)
    reports = set(event.doc_ids)
    found: dict[int, Match] = {}
    for pk, record, sources, locked in candidates(connection, event, max_span):
        if stored_before is not None and pk >= stored_before:
            continue
        if not reports.intersection(record["doc_ids"]):
            try:
                stored = Event.model_validate(record)
            except ValidationError:
                continue  # a record stored before a rule it breaks (a date out of bounds): not a match
            found[id(stored)] = Match(pk, stored, sources, locked or [])
    ranked = ranked_matches(event, (match.event for match in found.values()))
    if not ranked:
        return None
    for stored, decision in ranked:
        found[id(stored)].decision = decision
    best, *others = (found[id(stored)] for stored, _ in ranked)
    best.others = others
    return best


__all__ = ["Match", "candidates", "find_match", "first_sources", "fold", "max_span_days", "record_of"]
