"""A toll never contradicts itself: the total is at least the sum of its split by party and lies
inside its own range, in every extracted event, after every merge and after every review edit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

import strife
from strife.event import Event
from strife.merging import merge
from strife.store.review import InvalidEdit, edited_event

CORPUS = Path(__file__).parent / "corpus"
SPLIT = ("deaths_actor1", "deaths_actor2", "deaths_civilians", "deaths_unknown")


def _event(**fields: object) -> Event:
    base = dict(event_id="ev:1", doc_id="d1", event_date=dt.date(2025, 3, 3), date_end=dt.date(2025, 3, 3),
                event_type="Battles", sub_event_type="Armed clash", actor1="Police Forces of Pakistan",
                inter1=1, actor2="Unidentified Armed Group (Pakistan)", inter2=3, iso3="PAK",
                country="Pakistan")  # fmt: skip
    return Event(**{**base, **fields})


def test_the_model_refuses_a_split_above_the_total_and_a_total_outside_its_range() -> None:
    with pytest.raises(ValidationError, match="add up to 3, more than fatalities 2"):
        _event(fatalities=2, deaths_actor1=3)
    with pytest.raises(ValidationError, match="outside its range"):
        _event(fatalities=5, fatalities_low=6, fatalities_high=9)
    # A total given alone is its own range.
    alone = _event(fatalities=4)
    assert (alone.fatalities_low, alone.fatalities_high) == (4, 4)


def _consistent(event: Event) -> bool:
    split = sum(getattr(event, name) or 0 for name in SPLIT)
    return split <= event.fatalities and event.fatalities_low <= event.fatalities <= event.fatalities_high


def test_extraction_never_gives_a_split_above_its_total() -> None:
    # Our written articles that, before, came out with parties' deaths gathered from several
    # incidents (19 of 6 dead, 37 of 4) or failed; every one must now extract, consistent.
    records = [
        json.loads(line)
        for name in ("articles_south_asia.jsonl", "articles_world.jsonl")
        for line in (CORPUS / name).read_text(encoding="utf-8").splitlines()
    ]
    events = [
        event
        for record in records
        for event in strife.extract({k: record[k] for k in ("id", "text", "published", "source")})
    ]
    assert len(events) > 50
    assert [e.event_id for e in events if not _consistent(e)] == []


def test_merging_reports_keeps_the_toll_and_its_split_together() -> None:
    two = _event(doc_id="a", fatalities=2)
    three_police = _event(event_id="ev:2", doc_id="b", fatalities=3, deaths_actor1=3)
    for first, second in ((two, three_police), (three_police, two)):
        merged = merge(first, second).event
        assert _consistent(merged), merged
        assert merged.fatalities == 2 and merged.fatalities_high == 3


def test_a_review_edit_that_contradicts_the_toll_is_refused_and_a_new_total_settles_it() -> None:
    current = _event(fatalities=12, deaths_actor1=8, deaths_actor2=4)
    with pytest.raises(InvalidEdit, match="add up to 20, more than fatalities 12"):
        edited_event("ev:1", current, {"deaths_actor1": 16})
    lower, _ = edited_event("ev:1", current, {"fatalities": 9})
    assert (lower.fatalities, lower.fatalities_low, lower.fatalities_high) == (9, 9, 12)
    assert [getattr(lower, name) for name in SPLIT] == [None] * 4
    higher, _ = edited_event("ev:1", current, {"fatalities": 15})
    assert (higher.fatalities_low, higher.fatalities_high, higher.deaths_actor1) == (12, 15, 8)
