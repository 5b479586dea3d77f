"""Re-running matching over stored events (`strife events recluster --since DATE`), after a rule
or the model changed: stored events that the matching now takes for one incident are joined, as
revisions of a run of their own.

Events dated on or after DATE are taken in the order they were stored; each is compared, as a
new report is (`store.matching`), with the events stored before it (of any date) in its window,
and joins the most likely one `merging.decide` takes: the later event's reports fold into the
earlier, which keeps its id (`store.joining`). Never two events a report tells apart (they share
a report), nor two a person split apart; fields a person set hold on both sides. Each join can
be undone with `strife events split`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from strife.store.database import Store
from strife.store.ingest import add_run, current_user
from strife.store.joining import join_events, split_apart
from strife.store.matching import find_match, max_span_days
from strife.store.schema import EventRow, utcnow


@dataclass(slots=True)
class Joined:
    kept: str  # the event that stays
    gone: str  # the event whose reports joined it
    note: str


@dataclass(slots=True)
class ReclusterResult:
    run_id: int
    examined: int = 0
    joined: list[Joined] = field(default_factory=list)


def recluster(store: Store, since: dt.date, user: str | None = None) -> ReclusterResult:
    """Join the stored events from `since` on that the matching now takes for one incident with
    an event stored before them. One transaction: all of it or nothing."""
    user = user or current_user()
    with store.writing() as session:
        run = add_run(session, "events recluster", {"since": since.isoformat()}, user)
        result = ReclusterResult(run.id)
        pks = session.scalars(
            select(EventRow.id).where(EventRow.event_date >= since).order_by(EventRow.id)
        ).all()
        # Once: a join folds one stored event into another, so no span grows past the longest.
        max_span = max_span_days(session.connection())
        for pk in pks:
            row = session.get(EventRow, pk)
            if row is None:
                continue  # joined into an earlier event already
            result.examined += 1
            joined = _join_earlier(session, row, max_span, run.id, user)
            if joined:
                result.joined.append(joined)
        run.status, run.finished_at = "completed", utcnow()
        run.counts = {"events_examined": result.examined, "events_joined": len(result.joined)}
    return result


def _join_earlier(
    session: Session, row: EventRow, max_span: int, run_id: int, user: str | None
) -> Joined | None:
    try:
        event = row.event()
    except ValidationError:
        return None  # a record stored before a rule it breaks: left as it is
    # Events stored after it join it in their turn; one report's two events are two incidents.
    match = find_match(session.connection(), event, max_span, stored_before=row.id)
    if match is None or match.decision is None:
        return None
    kept = session.get(EventRow, match.pk)
    if kept is None or split_apart(session, kept, row):
        return None
    note = f"one incident on reclustering: {match.decision.note()}"
    joined = Joined(kept.event_id, row.event_id, note)
    join_events(session, kept, row, action="recluster-join", user=user, note=note, at=utcnow(), run_id=run_id)
    session.flush()  # the joined event is gone before the next candidate query
    return joined


__all__ = ["Joined", "ReclusterResult", "recluster"]
