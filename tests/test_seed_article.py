"""The worked example of the spec: shared/data/seed_article.txt through the command line."""

from __future__ import annotations

import json

import pytest

from strife.writers import read_events


@pytest.fixture
def seed_events(shared_data, tmp_path, run_cli):
    article = shared_data / "seed_article.txt"
    if not article.is_file():
        pytest.skip(f"{article} is absent")
    out_file = tmp_path / "seed.jsonl"
    code, out, err = run_cli("extract", article, "--published", "2025-02-01", "-o", out_file)
    assert code == 0, err
    assert out == ""
    return [json.loads(line) for line in out_file.read_text(encoding="utf-8").splitlines()], out_file


def test_first_event_is_the_kalat_clash(seed_events, spec_event_keys):
    events, _ = seed_events
    first = events[0]
    assert set(first) >= set(spec_event_keys)
    expected = {
        "event_date": "2025-01-31",
        "date_end": "2025-02-01",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "fatalities": 30,
        "deaths_actor1": 18,
        "deaths_actor2": 12,
        "actor1": "Military Forces of Pakistan",
        "actor2": "Unidentified Armed Group (Pakistan)",
        "interaction": 13,
        "country": "Pakistan",
        "iso3": "PAK",
        "admin1": "Balochistan",
        "admin2": "Kalat",
        "claim_status": "unclaimed",
        "source": "GulistanNewsTv",
    }
    assert {key: first[key] for key in expected} == expected
    assert "ISPR" in first["reported_by"]
    assert first["background"] is False


def test_the_2024_statistic_is_not_an_event(seed_events):
    events, _ = seed_events
    assert all(event["fatalities"] != 685 for event in events)
    assert all(event["fatalities"] != 444 for event in events)


def test_seed_output_loads_back(seed_events):
    events, out_file = seed_events
    loaded = read_events(out_file)
    assert [e.event_id for e in loaded] == [e["event_id"] for e in events]
