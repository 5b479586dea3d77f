"""The store's tables, as SQLAlchemy 2 declarative models.

The event record itself is kept whole as JSON (the spec may grow fields; the store need not
change), with copies of the fields people filter on in indexed columns. Every change to an
event is a row in `revisions`; every report of an event is a row in `event_documents` with
the event as that report told it, so a merge can be undone by recomputing from the rest.

The migration scripts in `migrations/versions/` create these tables; a test compares the two,
so a change here without a migration fails.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.dialects import postgresql
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from strife.event import Event

# JSONB on PostgreSQL: smaller, and queryable should anyone want to reach into a record. None
# is SQL NULL (a revision's `before` when it created the event), not the JSON value null.
JSONType = JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")

# Named constraints, so later migrations can drop or alter them by name on every backend
# (SQLite's batch mode needs names to find them).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


# A person's verdict on an event: none yet, the record as it stands, the record as they changed
# it, or not an event at all (left out of exports and of the API's lists unless asked for).
REVIEW_STATES = ("unreviewed", "accepted", "edited", "rejected")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar = {dict[str, Any]: JSONType, list[Any]: JSONType}


class Run(Base):
    """One `strife ingest` (or `strife events split`): what it was asked, what it did."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    command: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))
    # running → completed, failed or interrupted. A killed run is marked interrupted when the
    # store is next opened on its host (`store.runs`); the documents it stored name it
    # (documents.run_id), and its counts are written when a run ends.
    status: Mapped[str] = mapped_column(String(16), default="running")
    # The process that runs it: where `status` says running and that process is gone, it was killed.
    host: Mapped[str | None] = mapped_column(String(255))
    pid: Mapped[int | None] = mapped_column(Integer)
    user: Mapped[str | None] = mapped_column(String(128))
    strife_version: Mapped[str] = mapped_column(String(32))
    arguments: Mapped[dict[str, Any]] = mapped_column(default=dict)
    counts: Mapped[dict[str, Any]] = mapped_column(default=dict)


class DocumentRow(Base):
    """One stored report. A document is the same document when its text (content hash) or
    its URL is: either one already stored means it is not stored again."""

    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The id events name it by (the input's id, or a hash of the text when it had none).
    doc_id: Mapped[str] = mapped_column(Text, unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the text
    url: Mapped[str | None] = mapped_column(Text)
    # URLs can outgrow what a PostgreSQL btree entry holds (~2.7 kB): uniqueness is on their
    # hash. NULL for documents without a URL, which any number of rows may share.
    url_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date, index=True)
    published_basis: Mapped[str | None] = mapped_column(String(16))
    # When strife read the document: the readers fetch and extract in one go.
    fetched_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    origin: Mapped[str | None] = mapped_column(Text)  # the file, line or URL it was read from
    text: Mapped[str] = mapped_column(Text)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))


class EventRow(Base):
    """One incident: the merged record of every report of it."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # insertion order, for export
    event_id: Mapped[str] = mapped_column(String(64), unique=True)
    record: Mapped[dict[str, Any]] = mapped_column()
    # Which report each field of the record came from: field name → doc_id.
    sources: Mapped[dict[str, Any]] = mapped_column(default=dict)

    # Copies of record fields, for filtering and for finding merge candidates. Names are Text:
    # a gazetteer's names have no length a schema should guess.
    # Null for an event its report dates only relative to a publication date it lacks.
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    # date_end - event_date, so the candidate query can bound its date range from below.
    span_days: Mapped[int] = mapped_column(Integer, index=True, default=0)
    country: Mapped[str | None] = mapped_column(Text, index=True)
    iso3: Mapped[str | None] = mapped_column(String(3))
    admin1: Mapped[str | None] = mapped_column(Text, index=True)
    admin2: Mapped[str | None] = mapped_column(Text)
    event_type: Mapped[str] = mapped_column(String(64), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(64), index=True)
    fatalities: Mapped[int] = mapped_column(Integer, default=0)
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    # A past incident recalled for context: left out of current tallies and maps by default.
    background: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    created_run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))

    # A person's review (`strife.store.review`): the verdict (REVIEW_STATES), the record fields a
    # person set, which no later report overwrites, and who reviewed it last, when.
    review_state: Mapped[str] = mapped_column(
        String(16), index=True, default="unreviewed", server_default="unreviewed"
    )
    locked_fields: Mapped[list[Any]] = mapped_column(default=list, server_default=text("'[]'"))
    reviewed_by: Mapped[str | None] = mapped_column(String(128))
    reviewed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))

    def set_event(self, event: Event, sources: dict[str, str]) -> None:
        """Store `event` as this row's record, with the indexed copies of its fields."""
        for name, value in event_columns(event, sources).items():
            setattr(self, name, value)

    def event(self) -> Event:
        return Event.model_validate(self.record)

    def view(self) -> dict[str, Any]:
        """The record as the API and `events show` give it: with its review state and the
        fields a person set."""
        return {**self.record, "review_state": self.review_state, "locked_fields": list(self.locked_fields)}

    __table_args__ = (
        # The merge candidate query: same country, dates near, then the province and district
        # (a different one is never the same incident) and the end date, read from the index.
        Index("ix_events_match", "iso3", "event_date", "admin1", "admin2", "date_end"),
        Index("ix_events_latitude_longitude", "latitude", "longitude"),
        # The API's sort orders with their tie-break (ties by row id): a page of `/events` is one
        # range of one index, however many events share a day or a toll.
        Index("ix_events_event_date_id", "event_date", "id"),
        Index("ix_events_fatalities_id", "fatalities", "id"),
    )


def event_columns(event: Event, sources: dict[str, str]) -> dict[str, Any]:
    """An `events` row's values for `event`: the record, its sources, the indexed copies."""
    return {
        "event_id": event.event_id,
        "record": event.model_dump(mode="json"),
        "sources": sources,
        "event_date": event.event_date,
        "date_end": event.date_end,
        "span_days": (event.date_end - event.event_date).days if event.event_date and event.date_end else 0,
        "country": event.country,
        "iso3": event.iso3,
        "admin1": event.admin1,
        "admin2": event.admin2,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "fatalities": event.fatalities,
        "latitude": event.latitude,
        "longitude": event.longitude,
        "background": event.background,
        "updated_at": utcnow(),
    }


class EventDocument(Base):
    """One report of an event: the event as that document told it, with its evidence spans.
    Reports joined their event in the order of their ids: the first is the one it was made from."""

    __tablename__ = "event_documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_pk: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    document_pk: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    report_event_id: Mapped[str] = mapped_column(String(64))  # the id extraction gave it
    report: Mapped[dict[str, Any]] = mapped_column()  # the record extracted, less evidence
    evidence: Mapped[list[Any]] = mapped_column(default=list)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    linked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    document: Mapped[DocumentRow] = relationship()

    # Two events of one document are two incidents: a document reports an event once.
    __table_args__ = (UniqueConstraint("event_pk", "document_pk"),)

    def report_event(self) -> Event:
        """The event as this report told it, with its evidence."""
        return Event.model_validate({**self.report, "evidence": self.evidence})


class Revision(Base):
    """One change to an event: when, by which run and user, what it was and what it became."""

    __tablename__ = "revisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The event's public id, not a foreign key: the history reads on its own.
    event_id: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"), index=True)
    user: Mapped[str | None] = mapped_column(String(128))
    # Ingest: create | merge. A split: split (the event a report left) | split-off (the event it
    # became). A person's review: accept | edit | reject | review-merge (the event kept) |
    # merged-into (the event that went: its `after` is the kept event's record).
    action: Mapped[str] = mapped_column(String(16))
    doc_id: Mapped[str | None] = mapped_column(Text)  # the report the change concerns
    before: Mapped[dict[str, Any] | None] = mapped_column(JSONType)
    after: Mapped[dict[str, Any]] = mapped_column()
    # The other event of a merge or a split: the one merged in, where this one went, the one a
    # report was split off to or from.
    other_event_id: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)  # a reviewer's reason, or why ingest merged


class ApiToken(Base):
    """A token for `strife serve`'s API: only its hash is kept (the token is shown once, when
    `strife token create` makes it). A revoked token stays, so the list says who had access."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str | None] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))  # reviewer | admin
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 hex of the token
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


__all__ = [
    "REVIEW_STATES",
    "ApiToken",
    "Base",
    "DocumentRow",
    "EventDocument",
    "EventRow",
    "Revision",
    "Run",
    "event_columns",
    "utcnow",
]
