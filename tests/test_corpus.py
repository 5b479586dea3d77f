"""Our gold corpus: the counts issue #3 asks for, and every record valid against the spec."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from strife.document import Document
from strife.evaluation.gold import GOLD_EVENT_KEYS, gold_files
from strife.event import Event
from strife.taxonomy import SUB_EVENT_TYPES

CORPUS = Path(__file__).parent / "corpus"
GOLD_KEYS = GOLD_EVENT_KEYS
REQUIRED_COUNTRIES = {"PAK", "AFG", "IND", "NGA", "SOM", "SYR", "YEM", "UKR", "SDN", "COD", "MEX", "COL"}


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [
        json.loads(line)
        # The real-text gold nested inside has a format of its own (tests/test_real_gold.py).
        for path in gold_files(CORPUS)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def test_ids_are_unique(records: list[dict]) -> None:
    counts = Counter(r["id"] for r in records)
    assert [i for i, n in counts.items() if n > 1] == []


def test_every_record_validates_against_the_spec(records: list[dict]) -> None:
    for record in records:
        Document.model_validate({k: record[k] for k in ("id", "text", "title", "published", "source", "url")})
        assert record["kind"] in ("short", "article", "none"), record["id"]
        assert (record["kind"] == "none") == (record["gold_events"] == []), record["id"]
        for gold in record["gold_events"]:
            assert list(gold) == GOLD_KEYS, record["id"]
            event = Event(event_id="gold", doc_id=record["id"], **gold)  # raises on any value off the spec
            assert event.fatalities_low <= event.fatalities <= event.fatalities_high, record["id"]
            assert event.event_date.isoformat() <= record["published"], record["id"]


def test_at_least_eight_short_reports_per_sub_event_type(records: list[dict]) -> None:
    shorts = Counter(r["gold_events"][0]["sub_event_type"] for r in records if r["kind"] == "short")
    assert {sub: shorts[sub] for sub in SUB_EVENT_TYPES if shorts[sub] < 8} == {}


def test_articles_and_no_event_documents(records: list[dict]) -> None:
    kinds = Counter(r["kind"] for r in records)
    assert kinds["article"] >= 30
    assert kinds["none"] >= 20
    articles = [r for r in records if r["kind"] == "article"]
    # Articles carry what makes extraction hard: several incidents, background, conflicting figures.
    assert sum(len(r["gold_events"]) > 1 for r in articles) >= 15
    assert sum(any(g["background"] for g in r["gold_events"]) for r in articles) >= 5
    assert (
        sum(any(g["fatalities_low"] < g["fatalities_high"] for g in r["gold_events"]) for r in articles) >= 5
    )
    assert sum(any(g["claim_status"] != "unknown" for g in r["gold_events"]) for r in articles) >= 10


def test_countries(records: list[dict]) -> None:
    countries = {g["iso3"] for r in records for g in r["gold_events"]}
    assert countries >= REQUIRED_COUNTRIES
    assert len(countries) >= 12
