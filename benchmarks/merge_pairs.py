"""Merging measured on real pairs of reports coded by us: does the store join the two events that
tell one incident, and keep apart those that tell two?

    python benchmarks/merge_pairs.py [--split dev|test|all] [--errors FILE] [--json FILE]

Gold: tests/corpus/real/merge_pairs/pairs.jsonl (tools/merge_pairs.py), pairs of events from two
real reports in ../shared/data (Dawn, APP, wire copy), each side named by its document and the
span of the sentence that anchors its incident, coded same incident or not. Each document is
extracted as `strife extract` does; a side's event is the one whose type was read in its anchor
sentence (else one with any evidence there). A pair whose event strife does not find on a side
cannot be merged or kept apart and is counted apart ("not extracted"), as the UCDP benchmark
counts reports that yield no event.

Predicted "same", as the store decides it for two reports: `strife.merging.decide` (the events
fall in the store's candidate window, `merging.in_window`: same country, dates within a day, or
within three where the later report is dated by its publication; no veto of the codebook; the
learned model's probability over its threshold). Baseline: the window alone (every candidate
merged). Scores: pairwise precision,
recall and F1 of "same".
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "corpus" / "real" / "merge_pairs" / "pairs.jsonl"


def load_pairs(split: str) -> list[dict[str, Any]]:
    pairs = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [p for p in pairs if split == "all" or p["split"] == split]


def strife_span(text: str, side: dict[str, Any]) -> tuple[int, int]:
    """A side's anchor, drawn on the text as it came, where it lies in the text strife reads
    (invisible characters such as soft hyphens removed: `strife.document.without_invisible`)."""
    from strife.document import offsets_without_invisible

    offsets = offsets_without_invisible(text)
    return offsets[side["start"]], offsets[side["end"]]


def side_event(events: list[Any], start: int, end: int) -> Any | None:
    """The event whose type was read in the anchor sentence, else one with evidence there."""
    for wanted in ("sub_event_type", None):
        for event in events:
            if any(start <= e.start < end and (wanted is None or e.field == wanted) for e in event.evidence):
                return event
    return None


def scores(pairs: list[tuple[bool, bool]]) -> dict[str, float | int]:
    tp = sum(1 for gold, pred in pairs if gold and pred)
    fp = sum(1 for gold, pred in pairs if pred and not gold)
    fn = sum(1 for gold, pred in pairs if gold and not pred)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "pairs": len(pairs),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--errors", type=Path, help="write each pair decided wrongly here (JSON Lines)")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args(argv)

    from strife import merging
    from strife.api import to_document
    from strife.evaluation.gold import evidence_digest, read_shared_documents
    from strife.pipeline import default_pipeline

    pairs = load_pairs(args.split)
    sides = [p[key] for p in pairs for key in ("a", "b")]
    records = read_shared_documents(sides, near=ROOT)
    pipeline = default_pipeline()
    events: dict[tuple[str, str], list[Any]] = {}
    for (file, doc_id), record in records.items():
        events[(file, doc_id)] = pipeline(to_document(record, doc_id))

    decided: dict[str, list[tuple[bool, bool]]] = {"store": [], "window only": []}
    missing = Counter()
    by_reason: Counter = Counter()
    errors = []
    for p in pairs:
        found = []
        for key in ("a", "b"):
            side = p[key]
            text = records[(side["file"], side["id"])]["text"]
            if evidence_digest(text[side["start"] : side["end"]]) != side["sha1"]:
                raise SystemExit(f"{p['pair']}: side {key}'s anchor does not match its text")
            found.append(side_event(events[(side["file"], side["id"])], *strife_span(text, side)))
        a, b = found
        if a is None or b is None:
            missing["same" if p["same"] else "different"] += 1
            continue
        in_window = merging.in_window(a, b)
        decision = merging.decide(a, b)
        predicted = decision.same
        decided["store"].append((p["same"], predicted))
        decided["window only"].append((p["same"], in_window))
        if predicted != p["same"]:
            by_reason[(p["reason"], "merged" if predicted else "kept apart")] += 1
            errors.append(
                {
                    "pair": p["pair"],
                    "gold": "same" if p["same"] else "different",
                    "reason": p["reason"],
                    "note": p["note"],
                    "in_window": in_window,
                    "decision": decision.note(),
                    "a": a.model_dump(mode="json", exclude={"evidence"}),
                    "b": b.model_dump(mode="json", exclude={"evidence"}),
                }
            )
    results = {name: scores(decisions) for name, decisions in decided.items()}
    gold_same = sum(1 for p in pairs if p["same"])
    print(f"split {args.split}: {len(pairs)} pairs ({gold_same} same incident); "
          f"not extracted on a side: {dict(missing)}")  # fmt: skip
    for name, r in results.items():
        print(f"  {name:18s} P {r['precision']:.3f}  R {r['recall']:.3f}  F1 {r['f1']:.3f}  "
              f"(tp {r['tp']}, fp {r['fp']}, fn {r['fn']} of {r['pairs']})")  # fmt: skip
    for (reason, decision), n in by_reason.most_common():
        print(f"  wrong: {reason} pairs {decision}: {n}")
    if args.errors:
        args.errors.write_text("".join(json.dumps(e) + "\n" for e in errors), encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"split": args.split, "missing": dict(missing), **results}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
