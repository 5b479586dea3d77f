"""The real pairs that merging is measured on (tests/corpus/real/merge_pairs/): their shape,
their split, no news text in the repo, and each anchor span still the sentence that was coded."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from strife.evaluation.gold import SharedDataMissing, evidence_digest, find_shared_data, read_shared_documents
from strife.event import Evidence

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "tests" / "corpus" / "real" / "merge_pairs"


def _pairs() -> list[dict]:
    return [
        json.loads(line) for line in (PAIRS / "pairs.jsonl").read_text(encoding="utf-8").splitlines() if line
    ]


def _benchmark():
    spec = importlib.util.spec_from_file_location(
        "strife_merge_pairs", ROOT / "benchmarks" / "merge_pairs.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_pairs_are_coded_split_and_hold_no_text():
    pairs = _pairs()
    manifest = json.loads((PAIRS / "manifest.json").read_text(encoding="utf-8"))
    assert len(pairs) == sum(m["kept"] for m in manifest["draws"])
    assert {p["split"] for p in pairs} == {"dev", "test"}
    assert Counter(p["same"] for p in pairs)[True] >= 40  # enough incidents told twice to measure recall
    for p in pairs:
        assert p["a"]["id"] != p["b"]["id"] and p["reason"]
        for side in (p["a"], p["b"]):
            assert set(side) == {"file", "id", "start", "end", "sha1"} and side["end"] > side["start"]
        assert len(p["note"]) <= 200  # our words, not a quote


def test_every_anchor_is_the_sentence_that_was_coded():
    try:
        find_shared_data(PAIRS)
    except SharedDataMissing:
        pytest.skip("../shared/data is not beside the checkout")
    pairs = _pairs()
    texts = read_shared_documents([p[k] for p in pairs for k in ("a", "b")], near=PAIRS)
    for p in pairs:
        for key in ("a", "b"):
            side = p[key]
            text = texts[(side["file"], side["id"])]["text"]
            assert evidence_digest(text[side["start"] : side["end"]]) == side["sha1"], (p["pair"], key)


class _Event:
    def __init__(self, *spans: tuple[str, int, int]) -> None:
        self.evidence = [Evidence(field=f, text="x", start=s, end=e) for f, s, e in spans]


def test_a_side_is_the_event_whose_type_was_read_in_its_anchor():
    side_event = _benchmark().side_event
    other = _Event(("sub_event_type", 0, 5), ("location", 120, 125))
    told = _Event(("actor1", 90, 95), ("sub_event_type", 110, 118))
    assert side_event([other, told], 100, 130) is told  # the type's sentence wins over a place named there
    assert side_event([other], 100, 130) is other  # else any evidence in the sentence
    assert side_event([other], 200, 230) is None
