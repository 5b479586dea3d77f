"""A person's review of stored events: accept, edit, reject, merge, split.

The one core the CLI (`strife events accept|edit|reject|merge|split`) and the API (`POST
/events/{id}/accept` ...) share. Each action is one transaction and one revision (two for a
merge or a split: one per event) naming the user and the time, with the record before and after.

- accept: the record is right as it stands (`accepted`).
- edit: a person sets fields (`edited`). The record is validated as an `Event`; the ids and
  the list of reports are not a person's to set (merge or split events instead). A field a
  person set is locked: no later report overwrites it, nor the rest of its group
  (`strife.merging.held_fields`), while the other fields go on taking new reports as before.
- reject: not an event (`rejected`, with the reason). It stays in the store, so a new report of
  the incident joins it rather than bringing it back as a new event; exports and the API's lists
  leave it out unless asked for it.
- merge: two events are one incident. The other's reports join the kept event and fold into it
  by the merge rules (the kept event's locked fields hold; the other's hold where the kept
  event's do not); the other event is removed, and its id leads to the kept one
  (`history.find_event` raises `EventMerged`). The revisions are `review-merge` on the kept
  event and `merged-into` on the other: ingest's own merges are `merge`.
- split: `strife.store.split`, with the reviewer as its user.

The review state is the latest verdict: accepting an edited event makes it `accepted` (its
fields stay locked), and editing a rejected event leaves it rejected. A report that joins a
reviewed event later leaves its state as it was; its revision says what changed since.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy import select

from strife.event import Event
from strife.merging import settled
from strife.store.database import Store, StoreError
from strife.store.history import find_event
from strife.store.joining import join_events, report_links
from strife.store.schema import REVIEW_STATES, DocumentRow, EventRow, Revision, utcnow
from strife.store.split import split_event
from strife.taxonomy import EVENT_TYPE_OF

# Not a person's to set: which event this is and which reports it comes from (a merge or a
# split changes those), and the evidence spans, which are offsets into the reports' texts.
PROTECTED_FIELDS = frozenset({"event_id", "doc_id", "doc_ids", "evidence"})
# The toll's split by party, which a new total may contradict.
DEATH_FIELDS = frozenset({"deaths_actor1", "deaths_actor2", "deaths_civilians", "deaths_unknown"})


class ReviewError(StoreError):
    """A review action that cannot be done as asked."""


class InvalidEdit(ReviewError):
    """An edit naming a field an event does not have or may not be edited, or an invalid value."""


class ReviewConflict(ReviewError):
    """An action the events' state does not allow (merging an event with itself, or two events
    of one report)."""


@dataclass(frozen=True, slots=True)
class SplitReview:
    """A reviewer's split: the event as it now is, and the report's own event."""

    event: dict[str, Any]
    split_off: dict[str, Any]


def _user(user: str | None) -> str:
    if not user or not user.strip():
        raise ReviewError("a review needs the reviewer's name (--user, or an API token)")
    return user.strip()


def _revision(row: EventRow, action: str, user: str, before: dict[str, Any], **more: Any) -> Revision:
    now = utcnow()
    row.reviewed_by, row.reviewed_at = user, now
    return Revision(
        event_id=row.event_id, at=now, user=user, action=action, before=before, after=row.record, **more
    )


def accept(store: Store, event_id: str, user: str | None, note: str | None = None) -> dict[str, Any]:
    """Mark the event right as it stands; return it as the API shows it."""
    return _verdict(store, event_id, user, "accept", "accepted", note)


def reject(store: Store, event_id: str, user: str | None, reason: str | None = None) -> dict[str, Any]:
    """Mark the event as no event (with the reason); return it as the API shows it."""
    return _verdict(store, event_id, user, "reject", "rejected", reason)


def _verdict(
    store: Store, event_id: str, user: str | None, action: str, state: str, note: str | None
) -> dict[str, Any]:
    user = _user(user)
    with store.writing() as session:
        row = find_event(session, event_id)
        row.review_state = state
        session.add(_revision(row, action, user, row.record, note=note))
        return row.view()


def edited_event(
    event_id: str, current: Event, fields: Mapping[str, Any], locked: Iterable[str] = ()
) -> tuple[Event, list[str]]:
    """The event with a person's `fields` set, and the fields whose values changed; `InvalidEdit`
    naming the field and the reason when one cannot be set. `locked`: the fields a person set
    before, which stay as they are.

    What follows from the person's fields follows: the event type from a sub-event type given
    alone, the toll's range (and, where the parties' deaths add up to more than a new total, no
    split by party), the interaction code, and the note (unless the person wrote one).
    """
    if not fields:
        raise InvalidEdit(f"event {event_id}: nothing to edit (give at least one field)")
    unknown = sorted(name for name in fields if name not in Event.model_fields)
    if unknown:
        raise InvalidEdit(f"event {event_id}: no field {', '.join(map(repr, unknown))} in an event record")
    protected = sorted(PROTECTED_FIELDS.intersection(fields))
    if protected:
        raise InvalidEdit(
            f"event {event_id}: {', '.join(protected)} cannot be edited: the ids and the list of reports "
            "say which event this is and where it comes from (merge or split events to change them)"
        )
    update = dict(fields)
    sub_event_type = update.get("sub_event_type")
    if "event_type" not in update and isinstance(sub_event_type, str) and sub_event_type in EVENT_TYPE_OF:
        update["event_type"] = EVENT_TYPE_OF[sub_event_type]
    if "fatalities" in update:
        update.setdefault("fatalities_imputed", False)  # a person's figure is no default
        total = update["fatalities"]
        if isinstance(total, int) and not isinstance(total, bool):
            # A new total widens the range it falls outside of; where the parties' deaths add up
            # to more than it, and the person gave no split, the split is no longer known.
            if "fatalities_low" not in update:
                update["fatalities_low"] = min(current.fatalities_low, total)
            if "fatalities_high" not in update:
                update["fatalities_high"] = max(current.fatalities_high, total)
            parts = sum(getattr(current, name) or 0 for name in DEATH_FIELDS)
            if not DEATH_FIELDS & update.keys() and parts > total:
                update |= dict.fromkeys(DEATH_FIELDS)  # "18 soldiers" of 12 dead
    try:
        event = Event.model_validate({**current.model_dump(mode="json"), **update})
    except ValidationError as err:
        problems = "; ".join(
            f"{'.'.join(map(str, error['loc']))}: {error['msg']} (got {error['input']!r})"
            if error["loc"]
            else error["msg"]
            for error in err.errors()
        )
        raise InvalidEdit(f"event {event_id}: {problems}") from None
    event = settled(event, _changed(current, event), locked={*locked, *fields})
    return event, _changed(current, event)


def _changed(before: Event, after: Event) -> list[str]:
    return [name for name in Event.model_fields if getattr(before, name) != getattr(after, name)]


def edit(
    store: Store, event_id: str, fields: Mapping[str, Any], user: str | None, note: str | None = None
) -> dict[str, Any]:
    """Set a person's `fields` on the event and lock them; return it as the API shows it."""
    user = _user(user)
    with store.writing() as session:
        row = find_event(session, event_id)
        before = row.record
        event, changed = edited_event(row.event_id, row.event(), fields, row.locked_fields)
        locked = sorted({*row.locked_fields, *fields})
        # A field a person set came from no report; what changed with it neither.
        sources = {name: doc for name, doc in row.sources.items() if name not in {*fields, *changed}}
        row.set_event(event, sources)
        row.locked_fields = locked
        if row.review_state != "rejected":
            row.review_state = "edited"
        session.add(_revision(row, "edit", user, before, note=note))
        return row.view()


def merge_events(
    store: Store, keep: str, other: str, user: str | None, note: str | None = None
) -> dict[str, Any]:
    """Merge event `other` into event `keep` (one incident): its reports join `keep`, it goes, and
    its id leads to `keep`. Return the kept event as the API shows it."""
    user = _user(user)
    with store.writing() as session:
        kept, gone = find_event(session, keep), find_event(session, other)
        if kept.id == gone.id:
            raise ReviewConflict(f"event {keep} cannot be merged with itself")
        kept_links, gone_links = report_links(session, kept), report_links(session, gone)
        shared = {link.document_pk for link in kept_links} & {link.document_pk for link in gone_links}
        if shared:
            doc_ids = session.scalars(select(DocumentRow.doc_id).where(DocumentRow.id.in_(shared))).all()
            raise ReviewConflict(
                f"events {kept.event_id} and {gone.event_id} are both reports of {', '.join(sorted(doc_ids))}: "
                "one report's events cannot be merged (edit the one and reject the other)"
            )
        kept.reviewed_by, kept.reviewed_at = user, utcnow()
        join_events(session, kept, gone, action="review-merge", user=user, note=note, at=kept.reviewed_at)
        return kept.view()


def split(store: Store, event_id: str, user: str | None, doc_id: str | None = None) -> SplitReview:
    """A reviewer's split (`strife.store.split`): the report of `doc_id` (by default the last to
    join) taken out of the event and made an event of its own."""
    user = _user(user)
    result = split_event(store, event_id, doc_id, user=user)
    with store.reading() as session:
        rows = {
            row.event_id: row.view()
            for row in session.scalars(
                select(EventRow).where(
                    EventRow.event_id.in_([result.remaining.event_id, result.split_off.event_id])
                )
            )
        }
    return SplitReview(event=rows[result.remaining.event_id], split_off=rows[result.split_off.event_id])


__all__ = [
    "PROTECTED_FIELDS",
    "REVIEW_STATES",
    "InvalidEdit",
    "ReviewConflict",
    "ReviewError",
    "SplitReview",
    "accept",
    "edit",
    "edited_event",
    "merge_events",
    "reject",
    "split",
]
