"""Dates at the ends of the calendar: ignored with a reason where a report gives them, refused
in a record and in a person's edit, and never able to stop a store's later ingests."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pydantic import ValidationError
from sqlalchemy import select, update

from strife.api import extract
from strife.calendar_bounds import shift
from strife.document import Document
from strife.event import Event
from strife.readers.records import read_jsonl
from strife.runner import process
from strife.stages.calendar import safe_date
from strife.store import ingest, open_store, review
from strife.store.review import InvalidEdit
from strife.store.schema import EventRow

REPORT = "Gunmen killed two policemen at a checkpoint in Kalat {when}, officials said."


def _records(*published: str) -> str:
    return "".join(
        f'{{"id": "r{i}", "text": "{REPORT.format(when="yesterday")}", "published": "{day}"}}\n'
        for i, day in enumerate(published)
    )


def test_publication_dates_at_the_calendar_ends_are_ignored_and_said(tmp_path):
    items = list(read_jsonl(io.StringIO(_records("0001-01-01", "9999-12-31", "2025-03-04")), "edge.jsonl"))
    outcomes = {o.doc_id: o for o in process(items)}
    assert set(outcomes) == {"r0", "r1", "r2"} and not any(o.skipped for o in outcomes.values())
    assert any("0001-01-01 is before 1900-01-01" in w for w in outcomes["r0"].warnings)
    assert any("9999-12-31 is after tomorrow" in w for w in outcomes["r1"].warnings)
    # "yesterday" against no usable publication date stays undated instead of overflowing
    assert [e.date_basis for e in outcomes["r1"].events] == ["unresolved"]
    assert [e.event_date for e in outcomes["r2"].events] == [dt.date(2025, 3, 3)]


def test_a_document_cannot_be_published_out_of_bounds():
    with pytest.raises(ValidationError, match="not a publication date"):
        Document(text="x", published=dt.date(9999, 12, 31))
    with pytest.raises(ValueError, match="not a publication date"):
        extract(REPORT.format(when="on Monday"), published="0001-01-01")


def test_a_dateline_of_year_one_is_no_publication_date():
    [event] = extract("KARACHI, Jan 1, 0001: " + REPORT.format(when="yesterday"))
    assert event.event_date is None and event.date_basis == "unresolved"


def test_a_day_in_the_text_beyond_the_bounds_is_no_date():
    assert safe_date(1, 1, 1) is None and safe_date(9999, 12, 31) is None
    assert safe_date(2025, 3, 3) == dt.date(2025, 3, 3)
    # With no publication date to hold it back, a day in 2099 once became the event's, and the
    # record refused it: the whole document was lost.
    [event] = extract(REPORT.format(when="on 31 December 2099"))
    assert event.event_date is None and event.date_basis == "unresolved"
    [event] = extract(REPORT.format(when="on 3 March 1950"))
    assert event.event_date == dt.date(1950, 3, 3)


@pytest.mark.parametrize("day", ["0001-01-01", "1799-12-31", "9999-12-31"])
def test_a_record_refuses_a_date_no_incident_can_have(day):
    [event] = extract(REPORT.format(when="on Monday"), published="2025-03-10")
    with pytest.raises(ValidationError, match="event_date"):
        Event.model_validate({**event.model_dump(mode="json"), "event_date": day, "date_end": day})


def test_shift_holds_at_the_calendar_ends():
    assert shift(dt.date(1, 1, 2), -5) == dt.date.min
    assert shift(dt.date(9999, 12, 30), 5) == dt.date.max
    assert shift(dt.date(2025, 1, 1), -1) == dt.date(2024, 12, 31)


def _event_ids(store) -> list[str]:
    with store.reading() as session:
        return list(session.scalars(select(EventRow.event_id).order_by(EventRow.id)))


def test_an_edit_to_year_one_is_refused(store_url):
    store = open_store(store_url)
    ingest(store, [Document(id="a", text=REPORT.format(when="on Monday"), published=dt.date(2025, 3, 10))])
    [event_id] = _event_ids(store)
    with pytest.raises(InvalidEdit, match="event_date 0001-01-01 is before 1800"):
        review.edit(store, event_id, {"event_date": "0001-01-01"}, "bob")
    store.close()


def test_one_stored_event_out_of_bounds_does_not_stop_later_ingests(store_url):
    # A store written before dates were bounded may hold a reviewer's 0001-01-01; its span
    # (739,000 days) once made every later merge window overflow.
    store = open_store(store_url)
    ingest(store, [Document(id="a", text=REPORT.format(when="on Monday"), published=dt.date(2025, 3, 10))])
    with store.writing() as session:
        row = session.query(EventRow).one()
        record = {**row.record, "event_date": "0001-01-01"}
        session.execute(
            update(EventRow)
            .where(EventRow.id == row.id)
            .values(
                record=record, event_date=dt.date(1, 1, 1), span_days=(row.date_end - dt.date(1, 1, 1)).days
            )
        )
    summary = ingest(
        store, [Document(id="b", text=REPORT.format(when="on Sunday"), published=dt.date(2025, 3, 10))]
    )
    assert summary.stored == 1 and not summary.skipped and summary.events == 1
    assert len(_event_ids(store)) == 2
    store.close()


def test_a_feed_items_placeholder_date_is_no_publication_date():
    from strife.readers.feeds import read_feed

    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
        "<item><title>Kalat</title><guid>a</guid><pubDate>Fri, 31 Dec 9999 00:00:00 GMT</pubDate>"
        f"<description>{REPORT.format(when='yesterday')}</description></item>"
        "<item><title>Kalat</title><guid>b</guid><pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate>"
        f"<description>{REPORT.format(when='on Sunday')}</description></item>"
        "</channel></rss>"
    ).encode()
    first, second = read_feed(rss, "feed.xml")
    assert isinstance(first, Document) and first.published is None
    assert isinstance(second, Document) and second.published == dt.date(2025, 3, 10)
