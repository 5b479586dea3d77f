"""The Python API: extract, extract_many, to_frame."""

from __future__ import annotations

import datetime as dt
import inspect
import logging

import pytest

import strife
from conftest import QUIET_TEXT, SECOND_TEXT
from strife.document import Document
from strife.event import EVENT_COLUMNS, Event


def test_extract_returns_events(seed_text):
    events = strife.extract(seed_text, published="2025-02-01")
    assert events and all(isinstance(e, Event) for e in events)
    [event] = events
    assert event.event_date == dt.date(2025, 1, 31)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.fatalities, event.deaths_actor1, event.deaths_actor2) == (30, 18, 12)
    assert event.claim_status == "unclaimed"
    assert "ISPR" in event.reported_by
    assert event.source == "Example Wire"


def test_extract_takes_a_date_object_a_mapping_or_a_document(seed_text):
    by_text = strife.extract(SECOND_TEXT, published=dt.date(2025, 2, 6))
    by_mapping = strife.extract({"id": "b1", "text": SECOND_TEXT, "published": "2025-02-06"})
    by_document = strife.extract(Document(id="b2", text=SECOND_TEXT, published="2025-02-06"))
    assert [e.event_date for e in by_text + by_mapping + by_document] == [dt.date(2025, 2, 4)] * 3
    assert [by_mapping[0].doc_id, by_document[0].doc_id] == ["b1", "b2"]


def test_extract_of_nothing_says_why():
    with pytest.raises(ValueError, match="empty document"):
        strife.extract("   ")


def test_extract_without_violence_is_an_empty_list():
    assert strife.extract(QUIET_TEXT, published="2025-02-03") == []


def test_extract_many_is_a_generator_in_input_order(seed_text, caplog):
    items = [
        {"id": "first", "text": SECOND_TEXT, "published": "2025-02-06"},
        "",
        {"id": "second", "text": seed_text, "published": "2025-02-01"},
        {"id": "third", "text": QUIET_TEXT},
        {"id": "fourth", "text": SECOND_TEXT, "published": "2025-03-13"},
    ]
    result = strife.extract_many(items, jobs=1)
    assert inspect.isgenerator(result)
    with caplog.at_level(logging.WARNING, logger="strife"):
        events = list(result)
    assert [e.doc_id for e in events] == ["first", "second", "fourth"]
    assert [e.fatalities for e in events] == [3, 30, 3]
    assert [e.event_date for e in events] == [dt.date(2025, 2, 4), dt.date(2025, 1, 31), dt.date(2025, 3, 11)]
    skipped = [r.getMessage() for r in caplog.records if r.name == "strife"]
    assert skipped == ["skipped <item 2>: empty document"]


def test_extract_many_is_lazy():
    consumed = []

    def documents():
        for n in range(3):
            consumed.append(n)
            yield {"id": f"d{n}", "text": SECOND_TEXT, "published": "2025-02-06"}

    result = strife.extract_many(documents(), jobs=1)
    assert consumed == []
    first = next(result)
    assert first.doc_id == "d0"
    assert consumed == [0]


def test_to_frame_has_the_spec_columns_in_order(seed_text):
    pytest.importorskip("pandas")
    events = list(
        strife.extract_many(
            [
                {"id": "k", "text": seed_text, "published": "2025-02-01"},
                {"id": "b", "text": SECOND_TEXT, "published": "2025-02-06"},
            ]
        )
    )
    frame = strife.to_frame(events)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert len(frame) == 2
    assert list(frame["doc_id"]) == ["k", "b"]
    assert list(frame["fatalities"]) == [30, 3]
    assert str(frame["event_date"].dt.date.iloc[0]) == "2025-01-31"
    assert frame["event_date"].dtype.kind == "M"  # datetimes, not strings


def test_to_frame_of_no_events():
    pytest.importorskip("pandas")
    frame = strife.to_frame([])
    assert list(frame.columns) == list(EVENT_COLUMNS)
    assert len(frame) == 0
