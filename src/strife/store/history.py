"""One stored event in full: its record, the report behind each field, every report of it with
its evidence, and its revisions (`strife events show`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from strife.store.database import Store, StoreError
from strife.store.schema import DocumentRow, EventDocument, EventRow, Revision


def describe_event(store: Store, event_id: str) -> dict[str, Any]:
    with store.reading() as session:
        row = session.scalar(select(EventRow).where(EventRow.event_id == event_id))
        if row is None:
            raise StoreError(f"no event {event_id!r} in the store")
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
            "event": row.record,
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
                    "changed": sorted(_changed(revision.before, revision.after)),
                }
                for revision in revisions
            ],
        }


def _changed(before: dict[str, Any] | None, after: dict[str, Any]) -> set[str]:
    if before is None:
        return set()
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


__all__ = ["describe_event"]
