"""The real-text gold set (tests/corpus/real/): its size and split, every coding valid against the
spec, every evidence span still the quoted text, no news text in the repo, and the scoring rules
it brings (alternatives, optional events, detection by kind, the join to ../shared/data)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from strife.evaluation.agreement import compare_codings
from strife.evaluation.evaluate import evaluate_documents
from strife.evaluation.gold import (
    GOLD_EVENT_KEYS,
    GoldDocument,
    SharedDataMissing,
    evidence_digest,
    find_shared_data,
    load_gold,
    read_shared_documents,
    validate_real_event,
)
from strife.evaluation.metrics import Scores
from strife.event import Event

REAL = Path(__file__).parent / "corpus" / "real"
CORPUS = REAL.parent


def _lines() -> list[dict]:
    return [
        json.loads(line)
        for path in sorted(REAL.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]


def _shared() -> Path:
    try:
        return find_shared_data(REAL)
    except SharedDataMissing:
        pytest.skip("../shared/data is not beside the checkout")


@pytest.fixture(scope="module")
def lines() -> list[dict]:
    return _lines()


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads((REAL / "manifest.json").read_text(encoding="utf-8"))


def test_size_kinds_and_no_event_documents(lines: list[dict]) -> None:
    kinds = Counter(line["kind"] for line in lines)
    assert len(lines) >= 500
    assert kinds["article"] >= 300
    assert kinds["short"] >= 150
    assert sum(not line["gold_events"] for line in lines) >= 120
    assert len({(line["file"], line["id"]) for line in lines}) == len(lines)


def test_the_split_is_the_manifests_and_both_halves_are_used(lines: list[dict], manifest: dict) -> None:
    drawn = {(d["file"], d["id"]): d for d in manifest["documents"]}
    assert all((line["file"], line["id"]) in drawn for line in lines)
    assert all(line["split"] == drawn[line["file"], line["id"]]["split"] for line in lines)
    splits = Counter(line["split"] for line in lines)
    assert set(splits) == {"dev", "test"}
    assert 0.55 < splits["dev"] / len(lines) < 0.75


def test_a_later_draw_takes_no_document_drawn_before(manifest: dict) -> None:
    keys = [(d["file"], d["id"]) for d in manifest["documents"]]
    assert len(keys) == len(set(keys))
    for number, draw in (manifest.get("draws") or {}).items():
        documents = [d for d in manifest["documents"] if d.get("draw") == int(number)]
        assert len(documents) == sum(draw["sample"].values())
        assert {d["kind"] for d in documents} == {draw.get("kind", "short")}
        assert {d["split"] for d in documents} == {"dev", "test"}


def test_no_news_text_in_the_repo(lines: list[dict]) -> None:
    for line in lines:
        assert set(line) <= {"id", "file", "split", "kind", "draw", "coder_note", "gold_events"}, line["id"]
        for event in line["gold_events"]:
            for item in event["evidence"]:
                assert set(item) == {"field", "start", "end", "sha1"}, line["id"]


def test_every_coding_validates_and_every_evidence_span_is_its_quote(lines: list[dict]) -> None:
    _shared()
    texts = read_shared_documents(lines, near=REAL)
    problems = []
    for line in lines:
        record = texts.get((line["file"], line["id"]))
        assert record is not None, f"{line['id']} is not in {line['file']}"
        for n, gold in enumerate(line["gold_events"]):
            problems += [
                f"{line['id']} event {n}: {p}" for p in validate_real_event(gold, record, quoted=False)
            ]
            Event(event_id="gold", doc_id=line["id"], **{
                k: gold[k] for k in GOLD_EVENT_KEYS if gold[k] is not None and k not in ("event_date", "date_end")
            }, event_date=gold["event_date"] or "2000-01-01", date_end=gold["date_end"] or "2000-01-01")  # fmt: skip
    assert problems == []


def test_a_changed_text_is_caught_by_the_evidence_digest() -> None:
    record = {"text": "Gunmen fired on a checkpoint in our town on Monday.", "published": "2025-03-04"}
    quote = "Gunmen fired on a checkpoint"
    event = {k: None for k in GOLD_EVENT_KEYS} | {
        "event_type": "Battles", "sub_event_type": "Armed clash", "inter1": 1, "inter2": 3, "interaction": 13,
        "actor1": "Police Forces", "actor2": "Unidentified Armed Group", "fatalities": 0, "fatalities_low": 0,
        "fatalities_high": 0, "fatalities_imputed": False, "background": False, "reported_by": [],
        "claim_status": "unknown", "event_date": "2025-03-03", "date_end": "2025-03-03", "time_precision": 1,
        "evidence": [{"field": "event", "start": 0, "end": len(quote), "sha1": evidence_digest(quote)}],
    }  # fmt: skip
    assert validate_real_event(event, record, quoted=False) == []
    changed = {**record, "text": "Gunmen fired at a checkpoint in our town on Monday."}
    assert validate_real_event(event, changed, quoted=False) == [
        "evidence span 0-28 no longer holds the quoted text"
    ]
    wrong = {**event, "interaction": 31, "sub_event_type": "Attack"}
    assert validate_real_event(wrong, record, quoted=False) == [
        "sub_event_type 'Attack' is not one of 'Battles'",
        "interaction 31 should be 13",
    ]
    # A one-day event ends on its own day (spec): a coder's empty date_end is caught.
    open_ended = {**event, "date_end": None}
    assert validate_real_event(open_ended, record, quoted=False) == [
        "date_end missing: it equals event_date for a one-day event (spec)"
    ]


def test_the_written_corpus_leaves_the_real_set_out() -> None:
    written = list(load_gold(CORPUS))
    assert len(written) == 282
    assert all("real" not in Path(g.document.origin or "").parts for g in written)


def _gold(**fields: object) -> dict:
    base = {"event_date": "2025-03-03", "date_end": "2025-03-03", "time_precision": 1, "event_type": "Battles",
            "sub_event_type": "Armed clash", "inter1": 1, "inter2": 3, "country": "Pakistan", "iso3": "PAK",
            "admin1": "Khyber Pakhtunkhwa", "admin2": "Bannu", "location": "Bannu", "fatalities": 2,
            "fatalities_low": 2, "fatalities_high": 2, "claim_status": "unknown", "background": False}  # fmt: skip
    return {**base, **fields}


def _event(**fields: object) -> Event:
    base = dict(event_id="e", doc_id="d", event_date=dt.date(2025, 3, 3), date_end=dt.date(2025, 3, 3),
                event_type="Explosions/Remote violence", sub_event_type="Remote explosive/landmine/IED",
                inter1=1, inter2=3, country="Pakistan", iso3="PAK", admin1="Khyber Pakhtunkhwa",
                admin2="Bannu", location="Bannu", fatalities=2, fatalities_low=2, fatalities_high=2)  # fmt: skip
    return Event(**{**base, **fields})


def test_an_accepted_alternative_scores_as_the_coded_value() -> None:
    plain, lenient = Scores(), Scores()
    gold = _gold()
    assert "sub_event_type" in plain.add_pair(_event(), gold)
    alternatives = {
        "event_type": ["Explosions/Remote violence"],
        "sub_event_type": ["Remote explosive/landmine/IED"],
    }
    assert lenient.add_pair(_event(), {**gold, "alternatives": alternatives}) == []
    assert "actor_categories" in Scores().add_pair(_event(inter1=1, inter2=2), gold)
    assert Scores().add_pair(_event(inter1=1, inter2=2), {**gold, "alternatives": {"inter": [[1, 2]]}}) == [
        "event_type",
        "sub_event_type",
    ]


def test_an_optional_event_missed_is_no_miss_and_kinds_are_scored_apart() -> None:
    from strife.document import Document

    doc = Document(
        id="d1", text="Nothing here that strife reads as an incident.", published=dt.date(2025, 3, 4)
    )
    quiet = Document(id="d2", text="The assembly met and adjourned.", published=dt.date(2025, 3, 4))
    docs = [
        GoldDocument(doc, [_gold(optional=True)], "real article", "article", "dev"),
        GoldDocument(quiet, [], "real short", "short", "dev"),
    ]
    result = evaluate_documents(docs).as_dict()
    assert result["detection"]["fn"] == 0 and result["optional_missed"] == 1
    assert result["no_event_documents_quiet"]["total"] == 2
    assert set(result["detection_by_kind"]) == {"article", "short"}


def test_real_gold_joins_its_text_and_filters_by_split(tmp_path: Path) -> None:
    data = tmp_path / "shared" / "data"
    data.mkdir(parents=True)
    (data / "news.jsonl").write_text(
        json.dumps({"id": "n1", "text": "Our own sentence about a rally.", "published": "2025-05-01",
                    "title": None, "source": "Ours"}) + "\n", encoding="utf-8")  # fmt: skip
    real = tmp_path / "repo" / "real"
    real.mkdir(parents=True)
    (real / "news.jsonl").write_text(
        json.dumps({"id": "n1", "file": "news.jsonl", "split": "test", "kind": "article", "gold_events": []})
        + "\n",
        encoding="utf-8",
    )
    (doc,) = load_gold(real, split="test")
    assert doc.document.text.startswith("Our own sentence") and doc.split == "test" and doc.kind == "article"
    assert list(load_gold(real, split="dev")) == []


def test_real_gold_without_shared_data_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "x.jsonl").write_text(
        json.dumps({"id": "n1", "file": "news.jsonl", "split": "dev", "kind": "short", "gold_events": []})
        + "\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("strife.evaluation.gold.__file__", str(tmp_path / "gold.py"))
    with pytest.raises(SharedDataMissing, match="STRIFE_SHARED_DATA"):
        list(load_gold(real))


def test_agreement_of_two_codings() -> None:
    a = [
        {"id": "1", "gold_events": [_gold()]},
        {"id": "2", "gold_events": []},
        {"id": "3", "gold_events": [_gold()]},
    ]
    b = [{"id": "1", "gold_events": [_gold(fatalities=3, fatalities_low=3, fatalities_high=3)]},
         {"id": "2", "gold_events": []}, {"id": "3", "gold_events": []}]  # fmt: skip
    report = compare_codings(a, b)
    assert report["events"]["paired"] == 1 and report["events"]["recall"] == 0.5
    assert report["document_has_event"]["agreement"] == pytest.approx(2 / 3)
    assert report["fields_on_paired_events"]["fatalities"]["value"] == 0.0
    assert report["fields_on_paired_events"]["sub_event_type"]["value"] == 1.0


def test_the_second_coding_of_dev_short_reports_is_valid_and_agrees_with_the_gold(
    lines: list[dict], manifest: dict
) -> None:
    # 64 dev short reports drawn at random (seed 20261206), coded again blind by separate coders.
    second = json.loads((REAL / "second-coding-short.json").read_text(encoding="utf-8"))
    split = {(d["file"], d["id"]): (d["split"], d["kind"]) for d in manifest["documents"]}
    assert len(second) == 64 and {split[r["file"], r["id"]] for r in second} == {("dev", "short")}
    for line in second:
        for event in line["gold_events"]:
            assert {item["field"] for item in event["evidence"]} >= {"event"}
            assert all(set(item) == {"field", "start", "end", "sha1"} for item in event["evidence"])
    gold = {(r["file"], r["id"]): r for r in lines}
    report = compare_codings([gold[r["file"], r["id"]] for r in second], second)
    assert report["events"]["f1"] >= 0.95  # README: 0.986 (P 1.000, R 0.973) in December 2026
    _shared()
    texts = read_shared_documents(second, near=REAL)
    for line in second:
        text = texts[(line["file"], line["id"])]["text"]
        for event in line["gold_events"]:
            assert validate_real_event(event, texts[(line["file"], line["id"])], quoted=False) == []
            for item in event["evidence"]:
                assert evidence_digest(text[item["start"] : item["end"]]) == item["sha1"]


def test_evaluate_scores_the_real_test_split(lines: list[dict]) -> None:
    _shared()
    from strife.cli import main

    assert main(["evaluate", str(REAL), "--split", "test", "--limit", "20", "--json"]) == 0


def test_check_names_the_documents_of_a_batch_a_coders_file_leaves_out(
    manifest: dict, tmp_path: Path
) -> None:
    import subprocess
    import sys

    _shared()
    name, ids = next(iter(manifest["batches"].items()))
    entry = {(d["id"]): d for d in manifest["documents"]}[ids[0]]
    raw = tmp_path / f"raw_{name}.jsonl"
    line = {"id": ids[0], "file": entry["file"], "coder_note": "no incident", "gold_events": []}
    raw.write_text(json.dumps(line) + "\n", encoding="utf-8")
    tool = Path(__file__).resolve().parents[1] / "tools" / "real_gold.py"
    out = subprocess.run(
        [sys.executable, str(tool), "check", str(raw)], capture_output=True, text=True
    ).stdout
    assert f"batch {name}: {len(ids) - 1} of its documents not coded here: {ids[1]}" in out
    assert out.rstrip().endswith("1 documents, 0 events, 0 problems")
