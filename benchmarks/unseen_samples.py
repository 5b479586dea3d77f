"""Strife on labelled third-party records that no one here has coded or trained on.

    python benchmarks/unseen_samples.py [--per-file 1500] [--jobs 2] [--json results.json]

For each labelled file in ../shared/data (read in place, never copied), the records that are both
in the incident model's held-out fifth (`held_out` in `src/strife/stages/incident_model.py`) and
in no draw of our real-text gold (`tests/corpus/real/`) and in no report whose boundary decisions
the team coded (`training/incident_boundaries.jsonl`: the boundary reading learned from them), the
first `--per-file` of them in file order. What each file's labels can say, and so what is measured:

- UCDP GED (Pakistan and world; digest headlines, `meta.generic_headline`, left out): the share of
  headlines in which strife finds an event, the share whose deaths it counts exactly (the sum over
  its events against UCDP's best estimate), and the share whose first event is in UCDP's country.
- Wikipedia incident descriptions with a death toll: deaths counted exactly, and no event found.
- Mass Mobilization protest notes: the share in which strife finds an event.

These are the labels of other coders with other conventions (UCDP counts only deaths it can
attribute; Wikipedia's tolls leave out the bomber, whom the codebook counts): read the figures for
change between commits, not as accuracy against our codebook, which `docs/accuracy.md` gives.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strife.document import Document
from strife.runner import process
from strife.stages.incident_model import held_out

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
REAL = ROOT / "tests" / "corpus" / "real"
BOUNDARY_CODINGS = ROOT / "training" / "incident_boundaries.jsonl"
FILES = (
    "ucdp_ged_pakistan.jsonl",
    "ucdp_ged_world.jsonl",
    "wiki_terror_incidents.jsonl",
    "mass_mobilization.jsonl",
)


def coded_ids() -> set[str]:
    """Every document id of our real-text gold, dev and test, and of the reports whose boundary
    decisions the team coded."""
    ids = set()
    for path in [*REAL.glob("*.jsonl"), BOUNDARY_CODINGS]:
        with path.open(encoding="utf-8") as stream:
            ids.update(json.loads(line)["id"] for line in stream if line.strip())
    return ids


def sample(path: Path, skip: set[str], limit: int) -> Iterator[dict[str, Any]]:
    taken = 0
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if taken >= limit:
                return
            record = json.loads(line)
            if record["id"] in skip or not held_out(record["id"]):
                continue
            if (record.get("meta") or {}).get("generic_headline"):
                continue
            taken += 1
            yield record


def document(record: dict[str, Any]) -> Document:
    try:
        published = dt.date.fromisoformat(str(record.get("published"))[:10])
    except ValueError:
        published = None
    # UCDP's placeholder source date ("1753-01-01") is no publication date.
    if published is not None and published.year < 1900:
        published = None
    return Document(id=record["id"], text=record["text"], title=record.get("title"), published=published)


def _country(name: str | None) -> str:
    """UCDP's country names carry a former name in brackets: "Myanmar (Burma)"."""
    return (name or "").split(" (")[0].strip()


def measure(name: str, records: list[dict[str, Any]], jobs: int) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    for record, outcome in zip(records, process([document(r) for r in records], jobs=jobs), strict=True):
        gold = record.get("gold") or {}
        events = outcome.events
        counts["records"] += 1
        counts["with an event"] += bool(events)
        if gold.get("fatalities") is not None:
            counts["with a toll"] += 1
            counts["toll exact"] += sum(e.fatalities for e in events) == gold["fatalities"]
            counts["toll, no event"] += not events
        if name.startswith("ucdp") and events:
            counts["country right"] += _country(events[0].country) == _country(gold.get("country"))
    return dict(counts)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--per-file", type=int, default=1500)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not SHARED.is_dir():
        sys.exit(f"no shared data at {SHARED}")
    skip = coded_ids()
    results = {}
    for name in FILES:
        records = list(sample(SHARED / name, skip, args.per_file))
        results[name] = measure(name, records, args.jobs)
    # (label, count, what it is counted out of)
    rows = [
        ("records", "records", "records"),
        ("with an event", "with an event", "records"),
        ("with a toll: deaths exact", "toll exact", "with a toll"),
        ("with a toll: no event", "toll, no event", "with a toll"),
        ("first event in the labelled country", "country right", "with an event"),
    ]
    print(f"{'measure':40s}" + "".join(f"{name.split('.')[0]:>24s}" for name in FILES))
    for label, key, base in rows:
        cells = [
            f"{results[name][key]}/{results[name][base]}" if key in results[name] else "–" for name in FILES
        ]
        print(f"{label:40s}" + "".join(f"{c:>24s}" for c in cells))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
