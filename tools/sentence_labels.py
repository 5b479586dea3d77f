"""Sentence labels for the incident model: collect a coding round, measure agreement.

    python tools/sentence_labels.py build DIR [DIR ...]   # DIR/batch_*.jsonl + batch_*.labels.jsonl
    python tools/sentence_labels.py agreement

`build` checks every label against its batch (same keys, codebook strings) and writes
training/incident_sentences.jsonl: where each sentence lies in ../shared/data (file, id, start,
end, and a digest of its text, never the text), whether it reports an incident, its sub-event
type, or why not. Sentences coded twice (by two coders) keep both codings; `agreement` reports
how far the two agree.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.evaluation.agreement import cohen_kappa  # noqa: E402
from strife.taxonomy import EVENT_TYPE_OF  # noqa: E402

LABELS = ROOT / "training" / "incident_sentences.jsonl"
REASONS = frozenset({"statistic", "accident", "disaster", "epidemic", "crime", "sport", "talk"})


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def build(folders: list[Path]) -> None:
    """Every round's batches, from every folder given (keep the earlier rounds' folders)."""
    rows = []
    problems = []
    for batch_path in sorted(p for folder in folders for p in folder.glob("batch_*.jsonl")):
        if batch_path.name.endswith(".labels.jsonl"):
            continue
        batch = [json.loads(line) for line in batch_path.open(encoding="utf-8")]
        label_path = batch_path.with_name(batch_path.stem + ".labels.jsonl")
        labels = [json.loads(line) for line in label_path.open(encoding="utf-8")]
        by_key = {}
        for label in labels:
            if label["key"] in by_key:
                problems.append(f"{label_path.name}: {label['key']} labelled twice")
            by_key[label["key"]] = label
        for item in batch:
            label = by_key.get(item["key"])
            if label is None:
                problems.append(f"{label_path.name}: {item['key']} not labelled")
                continue
            incident = bool(label["incident"])
            sub = label.get("sub_event_type")
            why = label.get("not_because")
            if incident and sub not in EVENT_TYPE_OF:
                problems.append(f"{label_path.name}: {item['key']}: sub-event type {sub!r}")
            if not incident and why not in REASONS:
                problems.append(f"{label_path.name}: {item['key']}: reason {why!r}")
            rows.append(
                {
                    "file": item["file"],
                    "id": item["id"],
                    "start": item["start"],
                    "end": item["end"],
                    "sha1": digest(item["sentence"]),
                    "incident": incident,
                    "sub_event_type": sub if incident else None,
                    "not_because": None if incident else why,
                    "unsure": bool(label.get("unsure")),
                    "coder": batch_path.stem,
                }
            )
    if problems:
        print("\n".join(problems[:50]), file=sys.stderr)
        raise SystemExit(f"{len(problems)} problem(s); nothing written")
    rows.sort(key=lambda r: (r["file"], r["id"], r["start"], r["coder"]))
    LABELS.parent.mkdir(exist_ok=True)
    with LABELS.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, sort_keys=True) + "\n")
    print(f"wrote {len(rows)} labels ({len({(r['id'], r['start']) for r in rows})} sentences) to {LABELS}")


def read_labels(path: Path = LABELS) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def agreement() -> dict[str, float]:
    """Cohen's kappa on incident or not, and sub-event type agreement where both say incident."""
    by_sentence: dict[tuple[str, int], list[dict]] = {}
    for row in read_labels():
        by_sentence.setdefault((row["id"], row["start"]), []).append(row)
    pairs = [rows[:2] for rows in by_sentence.values() if len(rows) >= 2]
    n = len(pairs)
    agree = sum(a["incident"] == b["incident"] for a, b in pairs) / n
    kappa = cohen_kappa([(a["incident"], b["incident"]) for a, b in pairs])
    both = [(a, b) for a, b in pairs if a["incident"] and b["incident"]]
    sub = sum(a["sub_event_type"] == b["sub_event_type"] for a, b in both) / max(len(both), 1)
    event_type = sum(
        EVENT_TYPE_OF[a["sub_event_type"]] == EVENT_TYPE_OF[b["sub_event_type"]] for a, b in both
    ) / max(len(both), 1)
    result = {
        "double_coded": n,
        "incident_agreement": round(agree, 3),
        "incident_kappa": round(kappa, 3),
        "both_incident": len(both),
        "sub_event_type_agreement": round(sub, 3),
        "event_type_agreement": round(event_type, 3),
    }
    counts = Counter(r["incident"] for r in read_labels())
    result["labels_incident"] = counts[True]
    result["labels_not"] = counts[False]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("folders", type=Path, nargs="+")
    sub.add_parser("agreement")
    args = parser.parse_args()
    if args.command == "build":
        build(args.folders)
    else:
        print(json.dumps(agreement(), indent=1))


if __name__ == "__main__":
    main()
