"""Work that grows with a document's length, not with its square: counted, not timed (a timed
test would fail on a slow machine and pass a quadratic stage on a fast one).

Each shape here once made a stage quadratic: one incident told over and over (grouping gathered
the incident's places anew for every sentence), a chain of hyphenated capitalised words (place
recognition looked up every span of it).
"""

from __future__ import annotations

import random

import pytest

import strife.stages.incidents as incidents
from strife.api import extract
from strife.places.gazetteer import Gazetteer
from strife.places.recognise import _in_joined
from strife.stages.taken_spans import TakenSpans


def _calls(monkeypatch, owner, name: str) -> list[int]:
    counted = [0]
    original = getattr(owner, name)

    def counting(*args, **kwargs):
        counted[0] += 1
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return counted


@pytest.mark.parametrize(
    ("unit", "owner", "name"),
    [
        ('"Gunmen killed two policemen in Kalat," he said. ', incidents, "_place_keys"),
        ("Al-Qaeda-linked-", Gazetteer, "lookup"),
    ],
)
def test_work_grows_as_the_text_does(monkeypatch, unit, owner, name):
    counted = _calls(monkeypatch, owner, name)
    work = []
    for repeats in (50, 400):
        counted[0] = 0
        extract(unit * repeats, published="2025-03-10")
        work.append(counted[0])
    assert work[0] > 0
    assert work[1] <= 8 * work[0] * 1.1, work  # the text is 8 times longer


def test_taken_spans_answer_as_a_list_of_spans_would():
    rng = random.Random(7)
    for _ in range(2000):
        taken, plain = TakenSpans(), []
        for _ in range(rng.randint(1, 30)):
            start = rng.randint(0, 80)
            end = start + rng.randint(0, 10)
            expected = any(start < e and s < end for s, e in plain)
            assert taken.overlaps(start, end) == expected, (plain, start, end)
            if end > start and rng.random() < 0.6:
                plain.append((start, end))
                taken.add(start, end)


def test_a_run_inside_a_joined_name_is_found_by_bisection():
    rng = random.Random(11)
    for _ in range(2000):
        joined, at = [], 0
        for _ in range(rng.randint(0, 8)):
            at += rng.randint(0, 5)
            end = at + rng.randint(1, 6)
            joined.append((at, end))
            at = end
        start = rng.randint(0, 60)
        end = start + rng.randint(1, 8)
        expected = any(s <= start < e or s < end <= e for s, e in joined)
        assert _in_joined(joined, start, end) == expected, (joined, start, end)


def test_an_incident_gathers_from_its_sentences_as_they_are_added():
    incident = incidents.Incident(sentences=[0])
    places = {0: ["Kalat"], 1: ["Quetta"], 2: ["Kalat"]}
    assert incident.gathered("places", places.__getitem__) == {"Kalat"}
    incident.add(1)
    incident.add(1)  # once only
    assert incident.sentences == [0, 1] and 1 in incident and 2 not in incident
    assert incident.gathered("places", places.__getitem__) == {"Kalat", "Quetta"}
