"""Ingest: read → extract → store, one transaction per document.

A document, its events (each merged into the stored event it reports, or new), the links
between them and the revisions they make are committed together or not at all, so a crash or
a kill leaves no half-stored document and the next run carries on from the first document
not stored. A document already stored — the same text or the same URL — changes nothing, and
is recognised before extraction, so a re-run costs little more than reading the input.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Row, bindparam, insert, or_, select, update
from sqlalchemy.exc import DataError, StatementError
from sqlalchemy.orm import Session

from strife import __version__
from strife.document import Document
from strife.event import Event, make_event_id
from strife.merging import Provenance, decide, merge
from strife.pipeline import default_pipeline
from strife.readers import ReadItem, Skipped
from strife.runner import Outcome, PipelineFactory, apply_published_option, process
from strife.store.database import Store
from strife.store.joining import join_events, split_apart
from strife.store.matching import Match, find_match, first_sources, max_span_days, record_of
from strife.store.runs import this_host
from strife.store.schema import DocumentRow, EventDocument, EventRow, Revision, Run, event_columns, utcnow
from strife.summary import RunSummary

ALREADY_STORED = "already stored"

DOCUMENTS, EVENTS = DocumentRow.__table__, EventRow.__table__
LINKS, REVISIONS = EventDocument.__table__, Revision.__table__

# The hot path's statements, built once: building a statement costs more than running it.
# Stored documents with the same text, the same URL, or the same id.
DOCUMENTS_LIKE = select(DOCUMENTS.c.content_hash, DOCUMENTS.c.url_hash).where(
    or_(
        DOCUMENTS.c.content_hash == bindparam("content_hash"),
        DOCUMENTS.c.url_hash == bindparam("url_hash"),  # NULL = NULL is not true: no URL, no match
        DOCUMENTS.c.doc_id == bindparam("doc_id"),
    )
)
INSERT_DOCUMENT = insert(DOCUMENTS).returning(DOCUMENTS.c.id)
INSERT_EVENT = insert(EVENTS).returning(EVENTS.c.id)
UPDATE_EVENT = update(EVENTS).where(EVENTS.c.id == bindparam("event_pk"))
INSERT_LINKS, INSERT_REVISIONS = insert(LINKS), insert(REVISIONS)


def current_user() -> str | None:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in a bare container
        return None


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()


@dataclass(slots=True)
class Incoming:
    """A document as it is stored: its input fields as read, before any stage touched them
    (with `--jobs`, the stages work on a copy in another process, so this is the one view of
    it that is the same either way)."""

    doc_id: str
    text: str
    title: str | None
    source: str | None
    url: str | None
    published: dt.date | None
    published_basis: str | None
    origin: str
    content_hash: str
    url_hash: str | None

    @classmethod
    def of(cls, doc: Document, published: dt.date | None = None) -> Incoming:
        apply_published_option(doc, published)  # as the runner will: it is idempotent
        url = doc.url or None
        return cls(
            doc_id=doc.id,
            text=doc.text,
            title=doc.title,
            source=doc.source,
            url=url,
            published=doc.published,
            published_basis=doc.published_basis,
            origin=doc.origin,
            content_hash=_sha256(doc.text),
            url_hash=_sha256(url) if url else None,
        )


@dataclass
class IngestSummary(RunSummary):
    """The run summary of `strife ingest`: extract's, plus what became of each document and
    event in the store."""

    stored: int = 0
    already_stored: int = 0
    events_new: int = 0
    events_merged: int = 0
    events_joined: int = 0
    run_id: int | None = None
    database: str = ""

    def counts(self) -> dict[str, int]:
        return {
            "documents_read": self.documents_read,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "skipped": len(self.skipped),
            "events_new": self.events_new,
            "events_merged": self.events_merged,
            "events_joined": self.events_joined,
        }

    def render(self, limit: int = 20) -> str:
        joined = (
            f" ({self.events_joined} stored pair(s) found to be one incident and joined)"
            if self.events_joined
            else ""
        )
        first = (
            f"strife: {self.documents_read} document(s) read: {self.stored} stored "
            f"({self.with_events} with events, {self.without_events} with none), "
            f"{self.already_stored} already stored, {len(self.skipped)} skipped; "
            f"{self.events} event(s): {self.events_new} new, {self.events_merged} merged into stored "
            f"events{joined}, in {self.seconds:.1f}s (run {self.run_id}, {self.database})"
        )
        return "\n".join([first, *super().render(limit).split("\n")[1:]])


@dataclass(slots=True)
class _Stored:
    """What storing one document did (applied to the summary once its transaction commits)."""

    already: bool = False
    new: int = 0
    merged: int = 0
    joined: int = 0  # stored events brought together (one incident stored twice)


@dataclass
class Ingestor:
    """Stores extracted documents into one store, under one run."""

    store: Store
    run_id: int
    user: str | None = field(default_factory=current_user)
    summary: IngestSummary = field(default_factory=IngestSummary)

    def is_stored(self, incoming: Incoming) -> bool:
        with self.store.engine.connect() as connection:
            return any(_same_document(row, incoming) for row in _documents_like(connection, incoming))

    def store_document(self, incoming: Incoming, events: list[Event]) -> bool:
        """Store one document and its events in one transaction; False if it was already
        stored (and nothing changed)."""
        with self.store.writing() as session:
            result = self._store(session, incoming, events)
        summary = self.summary
        if result.already:
            summary.already_stored += 1
            return False
        summary.stored += 1
        summary.events_new += result.new
        summary.events_merged += result.merged
        summary.events_joined += result.joined
        return True

    def _store(self, session: Session, incoming: Incoming, events: list[Event]) -> _Stored:
        # The ingest's hot path, in SQLAlchemy Core: a few statements per document, without
        # the ORM's bookkeeping (which doubled the cost of storing). Joining two stored events
        # (rare) goes through the ORM, as a reviewer's merge does.
        connection = session.connection()
        like = _documents_like(connection, incoming)
        if any(_same_document(row, incoming) for row in like):
            return _Stored(already=True)
        doc_id = incoming.doc_id
        if like:  # another text under the same id (two feeds numbering their items from 1)
            doc_id = f"{doc_id}@{incoming.content_hash[:12]}"
            events = [_renamed(event, doc_id) for event in events]
        now = utcnow()
        document = {
            "doc_id": doc_id,
            "content_hash": incoming.content_hash,
            "url": incoming.url,
            "url_hash": incoming.url_hash,
            "title": incoming.title,
            "source": incoming.source,
            "published": incoming.published,
            "published_basis": incoming.published_basis,
            "fetched_at": now,
            "origin": incoming.origin,
            "text": incoming.text,
            "run_id": self.run_id,
        }
        document_pk = connection.execute(INSERT_DOCUMENT, document).scalar_one()
        result = _Stored()
        links: list[dict[str, Any]] = []
        revisions: list[dict[str, Any]] = []
        taken: set[str] = set()  # ids come from the document's id, which no stored document has
        max_span = max_span_days(connection) if events else 0
        for event in events:
            match = find_match(connection, event, max_span)
            if match is None:
                event = _unused_id(event, taken)
                taken.add(event.event_id)
                values = event_columns(event, first_sources(event))
                event_pk = connection.execute(
                    INSERT_EVENT, {**values, "created_at": now, "created_run_id": self.run_id}
                ).scalar_one()
                before, action, note = None, "create", None
                max_span = max(max_span, values["span_days"])
                result.new += 1
            else:
                # A rejected event takes its new reports too (it stays rejected: the columns
                # written here are the record's), so the incident never comes back as new.
                folded = merge(match.event, event, Provenance(dict(match.sources)), match.locked)
                values = event_columns(folded.event, folded.provenance.fields)
                event_pk, before, action = match.pk, record_of(match.event), "merge"
                note = match.decision.note() if match.decision else None  # why: which features said yes
                connection.execute(UPDATE_EVENT, {**values, "event_pk": event_pk})
                result.merged += 1
                result.joined += self._join_others(session, event_pk, folded.event, match, event.doc_id, now)
            report = record_of(event)
            links.append(
                {
                    "event_pk": event_pk,
                    "document_pk": document_pk,
                    "report_event_id": event.event_id,
                    "evidence": report.pop("evidence"),
                    "report": report,
                    "run_id": self.run_id,
                    "linked_at": now,
                }
            )
            revisions.append(
                {
                    "event_id": values["event_id"],
                    "at": now,
                    "run_id": self.run_id,
                    "user": self.user,
                    "action": action,
                    "doc_id": event.doc_id,
                    "before": before,
                    "after": values["record"],
                    "note": note,
                }
            )
        if links:
            connection.execute(INSERT_LINKS, links)
            self._revise(connection, revisions)
        return result

    def _join_others(
        self, session: Session, kept_pk: int, kept: Event, match: Match, doc_id: str, now: dt.datetime
    ) -> int:
        """Join into the event a report merged into the other stored events that report also
        tells, where they tell the same incident as the event it made (not merely each as the
        report: clusters, not chains) and no report tells both. Return how many were joined."""
        joined = 0
        for other in match.others:
            if set(kept.doc_ids) & set(other.event.doc_ids):
                continue  # one report told them apart
            decision = decide(kept, other.event)
            if not decision.same:
                continue
            kept_row, other_row = session.get(EventRow, kept_pk), session.get(EventRow, other.pk)
            if kept_row is None or other_row is None or split_apart(session, kept_row, other_row):
                continue
            join_events(session, kept_row, other_row, action="join", user=self.user, at=now, run_id=self.run_id,
                        note=f"one incident, joined by the report {doc_id}: {decision.note()}")  # fmt: skip
            kept = kept_row.event()
            joined += 1
        return joined

    def _revise(self, connection: Connection, revisions: list[dict[str, Any]]) -> None:
        connection.execute(INSERT_REVISIONS, revisions)


def _documents_like(connection: Connection, incoming: Incoming) -> list[Row[Any]]:
    """Stored documents with the same text, the same URL, or the same id."""
    parameters = {
        "content_hash": incoming.content_hash,
        "url_hash": incoming.url_hash,
        "doc_id": incoming.doc_id,
    }
    return list(connection.execute(DOCUMENTS_LIKE, parameters))


def _same_document(row: Row[Any], incoming: Incoming) -> bool:
    return row.content_hash == incoming.content_hash or (
        incoming.url_hash is not None and row.url_hash == incoming.url_hash
    )


def _renamed(event: Event, doc_id: str) -> Event:
    return event.model_copy(
        update={"event_id": make_event_id(doc_id, event.event_id), "doc_id": doc_id, "doc_ids": [doc_id]}
    )


def _unused_id(event: Event, taken: set[str]) -> Event:
    """The event with an id none of the document's other events has: its own, almost always."""
    event_id, attempt = event.event_id, 0
    while event_id in taken:
        attempt += 1
        event_id = make_event_id(event.doc_id, event.event_id, "again", attempt)
    return event if event_id == event.event_id else event.model_copy(update={"event_id": event_id})


def add_run(session: Session, command: str, arguments: dict[str, Any], user: str | None) -> Run:
    run = Run(
        command=command,
        user=user,
        strife_version=__version__,
        arguments=arguments,
        host=this_host(),
        pid=os.getpid(),
    )
    session.add(run)
    session.flush()
    return run


def start_run(store: Store, command: str, arguments: dict[str, Any], user: str | None) -> int:
    with store.writing() as session:
        return add_run(session, command, arguments, user).id


def finish_run(store: Store, run_id: int, status: str, counts: dict[str, Any]) -> None:
    with store.writing() as session:
        session.execute(
            update(Run).where(Run.id == run_id).values(status=status, finished_at=utcnow(), counts=counts)
        )


def ingest(
    store: Store,
    items: Iterable[ReadItem],
    *,
    jobs: int = 1,
    published: dt.date | None = None,
    pipeline_factory: PipelineFactory = default_pipeline,
    arguments: dict[str, Any] | None = None,
    on_document: Callable[[], None] | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Extract events from `items` and store documents and events; return the run summary.

    `on_document` is called once per input item (a progress bar). The run is recorded in the
    `runs` table: `completed`, or `failed` when an exception ends it (it is re-raised).
    """
    summary = summary if summary is not None else IngestSummary()
    summary.database = store.display_url
    user = current_user()
    run_id = start_run(store, "ingest", arguments or {}, user)
    summary.run_id = run_id
    ingestor = Ingestor(store, run_id, user, summary)
    status = "failed"
    try:
        for outcome, incoming in _extracted(
            ingestor, items, jobs=jobs, published=published, factory=pipeline_factory
        ):
            if on_document is not None:
                on_document()
            if incoming is ALREADY:
                summary.documents_read += 1
                summary.already_stored += 1
                continue
            if outcome.skipped or incoming is None:
                summary.add_skip(outcome.origin, outcome.skipped or "not read", outcome.doc_id)
                continue
            for message in outcome.warnings:
                summary.add_warning(outcome.origin, outcome.doc_id or "", message)
            try:
                stored = ingestor.store_document(incoming, outcome.events)
            except (DataError, StatementError, UnicodeError) as err:
                if isinstance(err, StatementError) and not (
                    isinstance(err, DataError) or isinstance(err.orig, UnicodeError)
                ):
                    raise
                # Text the database cannot hold (PostgreSQL refuses NUL characters, SQLite's
                # driver a lone surrogate): this document is skipped, the batch goes on.
                cause = err.orig if isinstance(err, StatementError) else err
                reason = str(cause or err).strip().splitlines()[0]
                summary.add_skip(outcome.origin, f"cannot be stored: {reason}", outcome.doc_id)
                continue
            summary.documents_read += 1
            if stored:
                summary.events += len(outcome.events)
                if outcome.events:
                    summary.with_events += 1
                else:
                    summary.without_events += 1
        status = "completed"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        finish_run(store, run_id, status, summary.counts())
    return summary


class _Already:
    """Marks an input that is already in the store: it is not extracted again."""


ALREADY = _Already()


def _extracted(
    ingestor: Ingestor,
    items: Iterable[ReadItem],
    *,
    jobs: int,
    published: dt.date | None,
    factory: PipelineFactory,
) -> Iterator[tuple[Outcome, Incoming | _Already | None]]:
    """The runner's outcomes, each with the document it came from as it was read.

    The runner yields one outcome per item, in input order, so a queue filled as it pulls the
    items pairs them; it holds no more than the runner's window of documents in flight.
    """
    queue: deque[Incoming | _Already | None] = deque()

    def feed() -> Iterator[ReadItem]:
        for item in items:
            if isinstance(item, Skipped):
                queue.append(None)
                yield item
                continue
            incoming = Incoming.of(item, published)
            # Stored by an earlier run, or earlier in this one: no need to extract it again.
            # (A copy still in the runner's window is extracted, then found stored when its
            # turn to be stored comes: a set of every hash seen would grow with the input.)
            if ingestor.is_stored(incoming):
                queue.append(ALREADY)
                yield Skipped(item.origin, ALREADY_STORED, item.id)
                continue
            queue.append(incoming)
            yield item

    for outcome in process(feed(), jobs=jobs, published=published, pipeline_factory=factory):
        yield outcome, queue.popleft()


__all__ = [
    "ALREADY_STORED",
    "Incoming",
    "IngestSummary",
    "Ingestor",
    "add_run",
    "current_user",
    "finish_run",
    "ingest",
    "start_run",
]
