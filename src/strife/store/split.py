"""Undoing a merge: one report taken out of an event and made an event of its own.

The event that stays is recomputed from its remaining reports — the first of them as the base,
the others folded in by the merge rules in the order they joined — so taking out the last
report to join restores the event exactly as it was before that merge. The event keeps its id;
the report taken out becomes an event with the id it was extracted with (or a new one, when
that id is the event's own). Both changes are revisions of a run of their own. Fields a person
set (`locked_fields`) keep the person's values on the event that stays; the split-off event is a
report's own, unreviewed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from strife.event import Event, make_event_id
from strife.merging import held_fields, keep_locked
from strife.store.database import Store, StoreError
from strife.store.history import find_event
from strife.store.ingest import add_run, current_user
from strife.store.matching import first_sources, fold
from strife.store.schema import DocumentRow, EventDocument, EventRow, Revision, utcnow


class SplitError(StoreError):
    """The split asked for cannot be made (no such event, one report only, no such report)."""


@dataclass(frozen=True, slots=True)
class SplitResult:
    remaining: Event  # the event, without the report
    split_off: Event  # the report's own event
    run_id: int


def _recomputed(event_id: str, reports: list[Event]) -> tuple[Event, dict[str, str]]:
    event = reports[0].model_copy(update={"event_id": event_id})
    sources = first_sources(event)
    for report in reports[1:]:
        event, sources = fold(event, sources, report)
    return event, sources


def _free_id(session: Session, wanted: str, doc_id: str, event_id: str) -> str:
    candidate, attempt = wanted, 0
    while session.scalar(select(EventRow.id).where(EventRow.event_id == candidate)) is not None:
        attempt += 1
        candidate = make_event_id(doc_id, wanted, "split", event_id, attempt)
    return candidate


def split_event(
    store: Store, event_id: str, doc_id: str | None = None, *, user: str | None = None
) -> SplitResult:
    """Take the report of `doc_id` (by default the last to join) out of event `event_id`.

    The split and the run that records it are one transaction: a split refused (no such
    event, nothing to undo) leaves no trace. `user` is who asked (by default the login name).
    """
    user = user or current_user()
    with store.writing() as session:
        run = add_run(session, "events split", {"event_id": event_id, "doc_id": doc_id}, user)
        result = _split(session, event_id, doc_id, run.id, user)
        run.status, run.finished_at = "completed", utcnow()
        run.counts = {"events_changed": 1, "events_new": 1}
    return result


def _split(session: Session, event_id: str, doc_id: str | None, run_id: int, user: str | None) -> SplitResult:
    row = find_event(session, event_id)
    links = list(
        session.scalars(
            select(EventDocument)
            .join(DocumentRow, EventDocument.document_pk == DocumentRow.id)
            .where(EventDocument.event_pk == row.id)
            .order_by(EventDocument.id)
        )
    )
    if len(links) < 2:
        raise SplitError(f"event {event_id} has one report: there is no merge to undo")
    if doc_id is None:
        taken = links[-1]
    else:
        found = [link for link in links if link.document.doc_id == doc_id]
        if not found:
            reports = ", ".join(link.document.doc_id for link in links)
            raise SplitError(
                f"document {doc_id!r} is not a report of event {event_id} (its reports: {reports})"
            )
        taken = found[0]
    kept = [link for link in links if link is not taken]

    before = row.record
    event, sources = _recomputed(row.event_id, [link.report_event() for link in kept])
    if row.locked_fields:  # a person's fields, and their groups, stay as they were
        event = keep_locked(event, row.event(), row.locked_fields)
        for name in held_fields(row.locked_fields):
            sources.pop(name, None)
            if name in row.sources and name not in row.locked_fields:
                sources[name] = row.sources[name]
    row.set_event(event, sources)
    # A split is always a person's correction: the event was reviewed, whatever its verdict.
    row.reviewed_by, row.reviewed_at = user, utcnow()

    report = taken.report_event()
    new_id = _free_id(session, report.event_id, report.doc_id, row.event_id)
    split_off = report.model_copy(update={"event_id": new_id})
    new_row = EventRow(created_run_id=run_id)
    new_row.set_event(split_off, first_sources(split_off))
    session.add(new_row)
    session.flush()
    taken.event_pk = new_row.id
    taken.run_id = run_id
    session.add_all(
        [
            Revision(
                event_id=row.event_id,
                run_id=run_id,
                user=user,
                action="split",
                doc_id=report.doc_id,
                before=before,
                after=row.record,
                other_event_id=new_id,
            ),
            Revision(
                event_id=new_id,
                run_id=run_id,
                user=user,
                action="split-off",
                doc_id=report.doc_id,
                before=None,
                after=new_row.record,
                other_event_id=row.event_id,
            ),
        ]
    )
    return SplitResult(remaining=event, split_off=split_off, run_id=run_id)


__all__ = ["SplitError", "SplitResult", "split_event"]
