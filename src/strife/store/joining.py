"""Two stored events that are one incident become one: the reports of the one fold into the
other by the merge rules, and the one goes, its id leading to the event it joined.

A reviewer's `strife events merge` does it (`review.merge_events`), and so does ingest when a new
report matches two stored events that match each other (clusters, not chains:
`store.ingest`), and `strife events recluster`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from strife.merging import Provenance, held_fields, keep_locked, merge
from strife.store.schema import EventDocument, EventRow, Revision


def report_links(session: Session, row: EventRow) -> list[EventDocument]:
    """The reports of a stored event, in the order they joined it."""
    return list(
        session.scalars(
            select(EventDocument).where(EventDocument.event_pk == row.id).order_by(EventDocument.id)
        )
    )


def split_apart(session: Session, a: EventRow, b: EventRow) -> bool:
    """A person split the one from the other (`strife events split`): two incidents by a person's
    decision, which no matching undoes."""
    ids = (a.event_id, b.event_id)
    return (
        session.scalar(
            select(Revision.id)
            .where(
                Revision.action.in_(("split", "split-off")),
                Revision.event_id.in_(ids),
                Revision.other_event_id.in_(ids),
            )
            .limit(1)
        )
        is not None
    )


def join_events(
    session: Session,
    kept: EventRow,
    gone: EventRow,
    *,
    action: str,
    user: str | None,
    note: str | None,
    at: dt.datetime,
    run_id: int | None = None,
) -> None:
    """Fold every report of `gone` into `kept` and remove `gone`, with a revision on each:
    `action` on the kept event, `merged-into` on the other. The caller has made sure that no
    report tells both (a report's own events are two incidents by its account).

    Fields a person set on `kept` hold; those set on `gone` hold too, where nobody set the kept
    event's.
    """
    gone_links = report_links(session, gone)
    before, gone_before = kept.record, gone.record
    locked = set(kept.locked_fields)
    event, provenance = kept.event(), Provenance(dict(kept.sources))
    for link in gone_links:
        folded = merge(event, link.report_event(), provenance, locked)
        event, provenance = folded.event, folded.provenance
    sources = provenance.fields
    theirs = [name for name in gone.locked_fields if name not in held_fields(locked)]
    if theirs:
        event = keep_locked(event, gone.event(), theirs)
        for name in held_fields(theirs):
            sources.pop(name, None)
            if name in gone.sources:
                sources[name] = gone.sources[name]
        locked.update(theirs)
    sources = {name: doc for name, doc in sources.items() if name not in locked}
    for link in gone_links:
        link.event_pk = kept.id
    session.flush()  # the reports are the kept event's before the other event goes
    kept.set_event(event, sources)
    kept.locked_fields = sorted(locked)
    common = {"at": at, "user": user, "note": note, "run_id": run_id}
    session.add(Revision(event_id=kept.event_id, action=action, before=before, after=kept.record,
                         other_event_id=gone.event_id, **common))  # fmt: skip
    session.add(Revision(event_id=gone.event_id, action="merged-into", before=gone_before, after=kept.record,
                         other_event_id=kept.event_id, **common))  # fmt: skip
    session.delete(gone)


__all__ = ["join_events", "report_links", "split_apart"]
