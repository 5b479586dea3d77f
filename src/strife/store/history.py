"""One stored event in full: its record, the report behind each field, every report of it with
its evidence, its review and its revisions (`strife events show`); and finding an event by an id
it may no longer have (a reviewer merged it into another)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from strife.store.database import Store, StoreError
from strife.store.schema import DocumentRow, EventDocument, EventRow, Revision


class EventNotFound(StoreError):
    """No event has this id."""


class EventMerged(EventNotFound):
    """The event is gone: a reviewer merged it into `into` (the event that has its reports now)."""

    def __init__(self, event_id: str, into: str, revision: Revision) -> None:
        by = f" by {revision.user}" if revision.user else ""
        super().__init__(f"event {event_id} was merged into {into}{by} at {revision.at.isoformat()}")
        self.event_id, self.into = event_id, into


# A merged event's successor may itself have been merged: followed this far at most.
MAX_HOPS = 50


def find_event(session: Session, event_id: str) -> EventRow:
    """The stored event `event_id`; `EventMerged` naming where it went when a reviewer merged it
    into another (the last event of the chain, if that one was merged too), else `EventNotFound`."""
    row = session.scalar(select(EventRow).where(EventRow.event_id == event_id))
    if row is not None:
        return row
    current, revision = event_id, None
    for _ in range(MAX_HOPS):
        merged = session.scalar(
            select(Revision)
            .where(Revision.event_id == current, Revision.action == "merged-into")
            .order_by(Revision.id.desc())
            .limit(1)
        )
        if merged is None or merged.other_event_id is None:
            break
        current, revision = merged.other_event_id, merged
        if session.scalar(select(EventRow.id).where(EventRow.event_id == current)) is not None:
            break
    if revision is None:
        raise EventNotFound(f"no event {event_id!r} in the store")
    raise EventMerged(event_id, current, revision)


def describe_event(store: Store, event_id: str) -> dict[str, Any]:
    with store.reading() as session:
        row = find_event(session, event_id)
        links = session.execute(
            select(EventDocument, DocumentRow)
            .join(DocumentRow, EventDocument.document_pk == DocumentRow.id)
            .where(EventDocument.event_pk == row.id)
            .order_by(EventDocument.id)
        ).all()
        revisions = session.scalars(
            select(Revision).where(Revision.event_id == event_id).order_by(Revision.id)
        ).all()
        return {
            "event": row.view(),
            "review": {
                "state": row.review_state,
                "locked_fields": list(row.locked_fields),
                "reviewed_by": row.reviewed_by,
                "reviewed_at": row.reviewed_at.isoformat() if row.reviewed_at else None,
            },
            "sources": row.sources,
            "reports": [
                {
                    "doc_id": document.doc_id,
                    "url": document.url,
                    "source": document.source,
                    "published": document.published.isoformat() if document.published else None,
                    "report_event_id": link.report_event_id,
                    "fatalities": link.report.get("fatalities"),
                    "evidence": link.evidence,
                }
                for link, document in links
            ],
            "revisions": [
                {
                    "at": revision.at.isoformat(),
                    "action": revision.action,
                    "run_id": revision.run_id,
                    "user": revision.user,
                    "doc_id": revision.doc_id,
                    "other_event_id": revision.other_event_id,
                    "note": revision.note,
                    "changed": sorted(_changed(revision.before, revision.after)),
                }
                for revision in revisions
            ],
        }


def _changed(before: dict[str, Any] | None, after: dict[str, Any]) -> set[str]:
    if before is None:
        return set()
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


__all__ = ["EventMerged", "EventNotFound", "describe_event", "find_event"]
