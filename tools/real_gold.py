"""The real-text gold set in tests/corpus/real/: sampling, coding packets, checks, build, agreement.

The gold codes real reports that live in ../shared/data; the repo holds no news text. Coders
write *raw* codings (JSON Lines, outside the repo) whose evidence is quoted verbatim; `build`
checks every quote against the text and stores it as a character span with a digest, so the
repo keeps where the evidence is, not what it says.

    python tools/real_gold.py sample            # the seeded sample and split -> manifest.json
    python tools/real_gold.py draw 2            # a further draw of short reports, added to it
    python tools/real_gold.py packet BATCH      # a batch's documents, for a coder to read
    python tools/real_gold.py check RAW.jsonl   # every coding valid, every quote in its text
    python tools/real_gold.py build RAW.jsonl…  # raw codings -> tests/corpus/real/<file>.jsonl
    python tools/real_gold.py second RAW.jsonl  # the blind second coding -> second-coding.json
    python tools/real_gold.py agreement A B     # two codings of the same documents compared
                                                # (A or B: a raw file, a second-coding*.json, or
                                                # tests/corpus/real for the gold itself)
    python tools/real_gold.py show ID           # a gold document with its evidence, for review

The coding decisions are in docs/coding-guide.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from strife.evaluation.gold import (
    GOLD_EVENT_KEYS,
    evidence_digest,
    find_shared_data,
    read_shared_documents,
    read_shared_records,
    validate_real_event,
)

REAL = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "real"
MANIFEST = REAL / "manifest.json"
SEED = 20251204
# Documents drawn from each shared file, at random (SEED), and the kind they are coded as.
SAMPLE = {
    "news_pk_2025.jsonl": (170, "article"),
    "news_world_2025.jsonl": (150, "article"),
    "ucdp_ged_pakistan.jsonl": (30, "short"),
    "ucdp_ged_world.jsonl": (50, "short"),
    "mass_mobilization.jsonl": (40, "short"),
    "wiki_terror_incidents.jsonl": (40, "short"),
    "muc4_grit.jsonl": (25, "short"),
}
DEV_SHARE = 2 / 3
ARTICLES_PER_BATCH = 25
SHORTS_PER_BATCH = 120
DOUBLE_CODED = (28, 12)  # articles, short reports coded a second time, blind
# Later draws: more documents from the same files, none drawn before, split as the first (two
# thirds dev), each with its own seed so that a draw can be repeated exactly.
# The short reports of each later draw of them, per shared file.
SHORT_DRAW = {
    "ucdp_ged_pakistan.jsonl": 30,
    "ucdp_ged_world.jsonl": 60,
    "mass_mobilization.jsonl": 45,
    "wiki_terror_incidents.jsonl": 45,
    "muc4_grit.jsonl": 30,
}
# An article draw: as many Dawn/APP articles as wire stories.
ARTICLE_DRAW = {"news_pk_2025.jsonl": 48, "news_world_2025.jsonl": 48}
# The reports whose boundary decisions the team coded, which later draws leave out.
BOUNDARY_CODED = ["training/incident_boundaries.jsonl"]
# From draw 24 on, no report whose boundary decisions the team coded (the boundary reading
# learned from them): a test report must be one no model has read.
LATER_SHORT = {"sample": SHORT_DRAW, "per_batch": 27, "leave_out": BOUNDARY_CODED}
LATER_ARTICLES = {"kind": "article", "sample": ARTICLE_DRAW, "per_batch": 12, "leave_out": BOUNDARY_CODED}
DRAWS: dict[int, dict[str, Any]] = {
    2: {"seed": 20261204, "sample": SHORT_DRAW, "per_batch": 27},
    3: {"seed": 20261205, "sample": SHORT_DRAW, "per_batch": 27},
    4: {"seed": 20261206, "kind": "article", "sample": ARTICLE_DRAW, "per_batch": 12},
    5: {"seed": 20261207, "sample": SHORT_DRAW, "per_batch": 27},
    6: {"seed": 20261208, "kind": "article", "sample": ARTICLE_DRAW, "per_batch": 12},
    7: {"seed": 20261209, "sample": SHORT_DRAW, "per_batch": 27},
    8: {"seed": 20261210, "kind": "article", "sample": ARTICLE_DRAW, "per_batch": 12},
    9: {"seed": 20261211, "sample": SHORT_DRAW, "per_batch": 27},
    10: {"seed": 20261212, "kind": "article", "sample": ARTICLE_DRAW, "per_batch": 12},
    11: {"seed": 20261213, "sample": SHORT_DRAW, "per_batch": 27},
    12: {"seed": 20261214, "kind": "article", "sample": ARTICLE_DRAW, "per_batch": 12},
    13: {"seed": 20261215, "sample": SHORT_DRAW, "per_batch": 27},
    14: {"seed": 20261216, "sample": SHORT_DRAW, "per_batch": 27},
    15: {"seed": 20261217, "sample": SHORT_DRAW, "per_batch": 27},
    16: {"seed": 20261218, "sample": SHORT_DRAW, "per_batch": 27},
    17: {"seed": 20261219, "sample": SHORT_DRAW, "per_batch": 27},
    18: {"seed": 20261220, "sample": SHORT_DRAW, "per_batch": 27},
    19: {"seed": 20261221, "sample": SHORT_DRAW, "per_batch": 27},
    20: {"seed": 20261222, "sample": SHORT_DRAW, "per_batch": 27},
    21: {"seed": 20261223, "sample": SHORT_DRAW, "per_batch": 27},
    22: {"seed": 20261224, "sample": SHORT_DRAW, "per_batch": 27},
    23: {"seed": 20261225, "sample": SHORT_DRAW, "per_batch": 27},
    24: {"seed": 20261226, **LATER_SHORT},
    25: {"seed": 20261227, **LATER_SHORT},
    26: {"seed": 20261228, **LATER_SHORT},
    27: {"seed": 20261229, **LATER_SHORT},
    28: {"seed": 20261230, **LATER_SHORT},
    29: {"seed": 20261231, **LATER_SHORT},
    30: {"seed": 20261232, **LATER_SHORT},
    31: {"seed": 20261233, **LATER_SHORT},
    32: {"seed": 20261234, **LATER_SHORT},
    33: {"seed": 20261235, **LATER_SHORT},
    34: {"seed": 20261236, **LATER_SHORT},
    35: {"seed": 20261237, **LATER_SHORT},
    36: {"seed": 20261238, **LATER_SHORT},
    37: {"seed": 20261239, **LATER_SHORT},
    38: {"seed": 20261240, **LATER_SHORT},
    39: {"seed": 20261241, **LATER_ARTICLES},
    40: {"seed": 20261242, **LATER_SHORT},
    41: {"seed": 20261243, **LATER_SHORT},
    42: {"seed": 20261244, **LATER_SHORT},
    43: {"seed": 20261245, **LATER_ARTICLES},
    44: {"seed": 20261246, **LATER_SHORT},
    45: {"seed": 20261247, **LATER_SHORT},
    46: {"seed": 20261248, **LATER_SHORT},
    47: {"seed": 20261249, **LATER_ARTICLES},
    48: {"seed": 20261250, **LATER_SHORT},
    49: {"seed": 20261251, **LATER_ARTICLES},
    50: {"seed": 20261252, **LATER_SHORT},
    51: {"seed": 20261253, **LATER_ARTICLES},
    52: {"seed": 20261254, **LATER_SHORT},
    53: {"seed": 20261255, **LATER_ARTICLES},
    54: {"seed": 20261256, **LATER_SHORT},
    55: {"seed": 20261257, **LATER_ARTICLES},
    56: {"seed": 20261258, **LATER_SHORT},
    57: {"seed": 20261259, **LATER_ARTICLES},
    58: {"seed": 20261260, **LATER_SHORT},
    59: {"seed": 20261261, **LATER_ARTICLES},
    60: {"seed": 20261262, **LATER_SHORT},
    61: {"seed": 20261263, **LATER_ARTICLES},
    62: {"seed": 20261264, **LATER_SHORT},
    63: {"seed": 20261265, **LATER_ARTICLES},
    64: {"seed": 20261266, **LATER_SHORT},
    65: {"seed": 20261267, **LATER_ARTICLES},
    66: {"seed": 20261268, **LATER_SHORT},
    67: {"seed": 20261269, **LATER_ARTICLES},
    68: {"seed": 20261270, **LATER_SHORT},
    69: {"seed": 20261271, **LATER_ARTICLES},
    70: {"seed": 20261272, **LATER_SHORT},
    71: {"seed": 20261273, **LATER_ARTICLES},
    72: {"seed": 20261274, **LATER_SHORT},
    73: {"seed": 20261275, **LATER_ARTICLES},
    74: {"seed": 20261276, **LATER_SHORT},
    75: {"seed": 20261277, **LATER_ARTICLES},
    76: {"seed": 20261278, **LATER_SHORT},
    77: {"seed": 20261279, **LATER_ARTICLES},
    78: {"seed": 20261280, **LATER_SHORT},
    79: {"seed": 20261281, **LATER_ARTICLES},
    80: {"seed": 20261282, **LATER_SHORT},
    81: {"seed": 20261283, **LATER_ARTICLES},
    82: {"seed": 20261284, **LATER_SHORT},
    83: {"seed": 20261285, **LATER_ARTICLES},
    84: {"seed": 20261286, **LATER_SHORT},
    85: {"seed": 20261287, **LATER_ARTICLES},
    86: {"seed": 20261288, **LATER_SHORT},
    87: {"seed": 20261289, **LATER_ARTICLES},
    88: {"seed": 20261290, **LATER_SHORT},
    89: {"seed": 20261291, **LATER_ARTICLES},
    90: {"seed": 20261292, **LATER_SHORT},
    91: {"seed": 20261293, **LATER_ARTICLES},
    92: {"seed": 20261294, **LATER_SHORT},
    93: {"seed": 20261295, **LATER_ARTICLES},
    94: {"seed": 20261296, **LATER_SHORT},
    95: {"seed": 20261297, **LATER_ARTICLES},
    96: {"seed": 20261298, **LATER_SHORT},
    97: {"seed": 20261299, **LATER_ARTICLES},
    98: {"seed": 20261300, **LATER_SHORT},
    99: {"seed": 20261301, **LATER_ARTICLES},
    100: {"seed": 20261302, **LATER_SHORT},
    101: {"seed": 20261303, **LATER_ARTICLES},
    102: {"seed": 20261304, **LATER_SHORT},
    103: {"seed": 20261305, **LATER_ARTICLES},
    104: {"seed": 20261306, **LATER_SHORT},
    105: {"seed": 20261307, **LATER_ARTICLES},
    106: {"seed": 20261308, **LATER_SHORT},
    107: {"seed": 20261309, **LATER_ARTICLES},
    108: {"seed": 20261310, **LATER_SHORT},
    109: {"seed": 20261311, **LATER_ARTICLES},
}


def sample(args: argparse.Namespace) -> int:
    data = find_shared_data()
    rng = random.Random(SEED)
    documents = []
    for file, (count, kind) in SAMPLE.items():
        ids = [r["id"] for r in read_shared_records(data / file) if (r.get("text") or "").strip()]
        chosen = rng.sample(ids, count)
        dev = round(count * DEV_SHARE)
        for n, doc_id in enumerate(chosen):
            documents.append(
                {"id": doc_id, "file": file, "kind": kind, "split": "dev" if n < dev else "test"}
            )
    articles = [d for d in documents if d["kind"] == "article"]
    shorts = [d for d in documents if d["kind"] == "short"]
    rng.shuffle(articles)
    rng.shuffle(shorts)
    batches: dict[str, list[str]] = {}
    for n in range(0, len(articles), ARTICLES_PER_BATCH):
        batches[f"a{n // ARTICLES_PER_BATCH + 1:02d}"] = [
            d["id"] for d in articles[n : n + ARTICLES_PER_BATCH]
        ]
    for n in range(0, len(shorts), SHORTS_PER_BATCH):
        batches[f"s{n // SHORTS_PER_BATCH + 1:02d}"] = [d["id"] for d in shorts[n : n + SHORTS_PER_BATCH]]
    double = rng.sample([d["id"] for d in articles], DOUBLE_CODED[0])
    double += rng.sample([d["id"] for d in shorts], DOUBLE_CODED[1])
    batches["double"] = double
    # news_world_2025.jsonl repeats some records under one id (the same text); a record drawn
    # twice is one document, in the split of its first drawing.
    seen: set[tuple[str, str]] = set()
    documents = [
        d for d in documents if (d["file"], d["id"]) not in seen and not seen.add((d["file"], d["id"]))
    ]
    manifest = {
        "seed": SEED,
        "sample": {file: {"count": count, "kind": kind} for file, (count, kind) in SAMPLE.items()},
        "dev_share": DEV_SHARE,
        "documents": documents,
        "batches": batches,
    }
    REAL.mkdir(parents=True, exist_ok=True)
    MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"{len(documents)} documents, {len(batches)} batches -> {MANIFEST}")
    return 0


def draw(args: argparse.Namespace) -> int:
    """A further seeded draw of short reports or articles, appended to the manifest with its batches."""
    plan = DRAWS[args.number]
    manifest = _manifest()
    if any(d.get("draw") == args.number for d in manifest["documents"]):
        print(f"draw {args.number} is already in {MANIFEST}", file=sys.stderr)
        return 1
    data = find_shared_data()
    kind = plan.get("kind", "short")
    rng = random.Random(plan["seed"])
    # Documents of the draws before this one: the same seed then draws the same documents again.
    taken = {(d["file"], d["id"]) for d in manifest["documents"] if d.get("draw", 1) < args.number}
    for coded in plan.get("leave_out", []):
        path = Path(__file__).resolve().parent.parent / coded
        taken |= {(r["file"], r["id"]) for r in map(json.loads, path.open(encoding="utf-8"))}
    documents = []
    drawn: dict[str, int] = {}
    for file, count in plan["sample"].items():
        ids = sorted(
            {r["id"] for r in read_shared_records(data / file) if (r.get("text") or "").strip()}
            - {doc_id for f, doc_id in taken if f == file}
        )
        # A file drawn nearly whole (MUC-4's 1,700 reports, from draw 70 on) gives what it has left.
        count = drawn[file] = min(count, len(ids))
        chosen = rng.sample(ids, count)
        dev = round(count * DEV_SHARE)
        for n, doc_id in enumerate(chosen):
            split = "dev" if n < dev else "test"
            documents.append({"id": doc_id, "file": file, "kind": kind, "split": split, "draw": args.number})
    order = [d["id"] for d in documents]
    rng.shuffle(order)
    size = plan["per_batch"]
    for n in range(0, len(order), size):
        manifest["batches"][f"d{args.number}{kind[0]}{n // size + 1:02d}"] = order[n : n + size]
    manifest.setdefault("draws", {})[str(args.number)] = {
        "seed": plan["seed"],
        "kind": kind,
        "sample": drawn,
    }
    manifest["documents"] += documents
    MANIFEST.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"draw {args.number}: {len(documents)} documents -> {MANIFEST}")
    return 0


def _manifest() -> dict[str, Any]:
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


def packet(args: argparse.Namespace) -> int:
    manifest = _manifest()
    by_id = {d["id"]: d for d in manifest["documents"]}
    entries = [by_id[i] for i in manifest["batches"][args.batch]]
    records = read_shared_documents(entries)
    for entry in entries:
        record = records[entry["file"], entry["id"]]
        print("=" * 100)
        print(f"id: {entry['id']}\nfile: {entry['file']}\nkind: {entry['kind']}")
        print(f"published: {record.get('published')}\ntitle: {record.get('title')}\n")
        print(record["text"])
    return 0


def _raw(path: Path) -> list[dict[str, Any]]:
    """Codings from JSON Lines, a JSON array (`second-coding*.json`), or every file of the gold
    (a directory: `tests/corpus/real`)."""
    if path.is_dir():
        return [r for file in sorted(path.glob("*.jsonl")) for r in _raw(file)]
    text = path.read_text(encoding="utf-8")
    if text.lstrip().startswith("["):
        return list(json.loads(text))
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _problems(raw: dict[str, Any], record: dict[str, Any] | None, entry: dict[str, Any] | None) -> list[str]:
    if record is None or entry is None:
        return [f"{raw.get('id')}: not a sampled document of {raw.get('file')}"]
    problems = []
    for n, event in enumerate(raw.get("gold_events", [])):
        for problem in validate_real_event(event, record, quoted=True):
            problems.append(f"{raw['id']} event {n}: {problem}")
    return problems


def check(args: argparse.Namespace) -> int:
    manifest = _manifest()
    by_key = {(d["file"], d["id"]): d for d in manifest["documents"]}
    raws = [r for path in args.raw for r in _raw(Path(path))]
    records = read_shared_documents(
        [by_key[r["file"], r["id"]] for r in raws if (r.get("file"), r.get("id")) in by_key]
    )
    problems = []
    for raw in raws:
        key = (raw.get("file"), raw.get("id"))
        problems += _problems(raw, records.get(key), by_key.get(key))
    for problem in problems:
        print(problem)
    events = sum(len(r.get("gold_events", [])) for r in raws)
    for note in _batch_notes(manifest, {r.get("id") for r in raws}):
        print(note)
    print(f"{len(raws)} documents, {events} events, {len(problems)} problems")
    return 1 if problems else 0


def _batch_notes(manifest: dict[str, Any], coded: set[Any]) -> list[str]:
    """Where the codings are of one batch, which of its documents they leave out: a coder's file
    should hold them all (a checker's holds only those it changed)."""
    batches = [name for name, ids in manifest["batches"].items() if coded & set(ids)]
    if len(batches) != 1:
        return []
    left = [doc_id for doc_id in manifest["batches"][batches[0]] if doc_id not in coded]
    if not left:
        return []
    return [f"batch {batches[0]}: {len(left)} of its documents not coded here: {', '.join(left)}"]


def _span(quote: str, text: str) -> tuple[int, int]:
    start = text.find(quote)
    return start, start + len(quote)


def _gold_line(raw: dict[str, Any], text: str, entry: dict[str, Any]) -> dict[str, Any]:
    """A raw coding as the repo keeps it: evidence quotes become spans with a digest."""
    events = []
    for event in raw.get("gold_events", []):
        coded = {k: event.get(k) for k in GOLD_EVENT_KEYS}
        for optional in ("alternatives", "optional", "coder_note"):
            if event.get(optional):
                coded[optional] = event[optional]
        coded["evidence"] = []
        for item in event["evidence"]:
            start, end = _span(item["quote"], text)
            span = {
                "field": item["field"],
                "start": start,
                "end": end,
                "sha1": evidence_digest(text[start:end]),
            }
            coded["evidence"].append(span)
        events.append(coded)
    line = {"id": entry["id"], "file": entry["file"], "split": entry["split"], "kind": entry["kind"]}
    if entry.get("draw"):
        line["draw"] = entry["draw"]
    if raw.get("coder_note"):
        line["coder_note"] = raw["coder_note"]
    line["gold_events"] = events
    return line


def second(args: argparse.Namespace) -> int:
    """The blind second coding of the double-coded sample, kept beside the gold for agreement."""
    manifest = _manifest()
    by_key = {(d["file"], d["id"]): d for d in manifest["documents"]}
    raws = _raw(Path(args.raw))
    records = read_shared_documents([by_key[r["file"], r["id"]] for r in raws])
    problems = []
    for raw in raws:
        key = (raw["file"], raw["id"])
        problems += _problems(raw, records.get(key), by_key.get(key))
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    lines = [_gold_line(r, records[r["file"], r["id"]]["text"], by_key[r["file"], r["id"]]) for r in raws]
    path = REAL / args.out
    path.write_text(json.dumps(lines, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{path}: {len(lines)} documents")
    return 0


def build(args: argparse.Namespace) -> int:
    manifest = _manifest()
    by_key = {(d["file"], d["id"]): d for d in manifest["documents"]}
    raws: dict[tuple[str, str], dict[str, Any]] = {}
    for path in args.raw:
        for raw in _raw(Path(path)):
            raws[raw["file"], raw["id"]] = raw  # a later file's coding of a document wins (a correction)
    records = read_shared_documents([by_key[k] for k in raws if k in by_key])
    out: dict[str, list[dict[str, Any]]] = {}
    failed = 0
    for key, raw in raws.items():
        problems = _problems(raw, records.get(key), by_key.get(key))
        if problems:
            failed += 1
            print("\n".join(problems), file=sys.stderr)
            continue
        entry = by_key[key]
        out.setdefault(entry["file"], []).append(_gold_line(raw, records[key]["text"], entry))
    order = {(d["file"], d["id"]): n for n, d in enumerate(manifest["documents"])}
    for file, lines in out.items():
        existing = REAL / file
        merged = {}
        if existing.exists() and not args.replace:
            merged = {(r["file"], r["id"]): r for r in _raw(existing)}
        merged.update({(r["file"], r["id"]): r for r in lines})
        ordered = sorted(merged.values(), key=lambda r: order.get((r["file"], r["id"]), 1 << 30))
        existing.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ordered), encoding="utf-8"
        )
        print(f"{existing}: {len(ordered)} documents")
    if failed:
        print(f"{failed} documents left out for problems (above)", file=sys.stderr)
    return 1 if failed else 0


def agreement(args: argparse.Namespace) -> int:
    from strife.evaluation.agreement import compare_codings

    first = {(r["file"], r["id"]): r for r in _raw(Path(args.first))}
    second = {(r["file"], r["id"]): r for r in _raw(Path(args.second))}
    shared = sorted(set(first) & set(second))
    report = compare_codings([first[k] for k in shared], [second[k] for k in shared])
    print(json.dumps(report, indent=1))
    return 0


def show(args: argparse.Namespace) -> int:
    lines = [r for path in sorted(REAL.glob("*.jsonl")) for r in _raw(path) if r["id"] == args.id]
    if not lines:
        print(f"{args.id}: not in {REAL}", file=sys.stderr)
        return 1
    line = lines[0]
    record = read_shared_documents([line])[line["file"], line["id"]]
    text = record["text"]
    print(
        f"{line['id']} ({line['file']}, {line['kind']}, {line['split']}) published {record.get('published')}"
    )
    print(record.get("title") or "", "\n", text, "\n", sep="")
    for n, event in enumerate(line["gold_events"]):
        fields = {k: v for k, v in event.items() if k != "evidence" and v is not None}
        print(f"--- event {n}: {json.dumps(fields, ensure_ascii=False)}")
        for item in event["evidence"]:
            print(f"    [{item['field']}] {text[item['start'] : item['end']]}")
    if not line["gold_events"]:
        print("--- no event", line.get("coder_note", ""))
    return 0


def counts(args: argparse.Namespace) -> int:
    lines = [r for path in sorted(REAL.glob("*.jsonl")) for r in _raw(path)]
    print("documents", len(lines))
    print("kinds", dict(Counter(r["kind"] for r in lines)))
    print("splits", dict(Counter(r["split"] for r in lines)))
    print("no event", sum(not r["gold_events"] for r in lines))
    print("events", sum(len(r["gold_events"]) for r in lines))
    print("types", dict(Counter(e["event_type"] for r in lines for e in r["gold_events"])))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("sample").set_defaults(run=sample)
    p = commands.add_parser("draw", help="a further draw of short reports (DRAWS), added to the manifest")
    p.add_argument("number", type=int, choices=sorted(DRAWS))
    p.set_defaults(run=draw)
    p = commands.add_parser("packet")
    p.add_argument("batch")
    p.set_defaults(run=packet)
    p = commands.add_parser("check")
    p.add_argument("raw", nargs="+")
    p.set_defaults(run=check)
    p = commands.add_parser("build")
    p.add_argument("raw", nargs="+")
    p.add_argument("--replace", action="store_true", help="rewrite the gold files rather than update them")
    p.set_defaults(run=build)
    p = commands.add_parser("second", help="the double-coded sample's second coding -> second-coding.json")
    p.add_argument("raw")
    p.add_argument("--out", default="second-coding.json", help="file name in tests/corpus/real")
    p.set_defaults(run=second)
    p = commands.add_parser("agreement")
    p.add_argument("first")
    p.add_argument("second")
    p.set_defaults(run=agreement)
    p = commands.add_parser("show")
    p.add_argument("id")
    p.set_defaults(run=show)
    commands.add_parser("counts").set_defaults(run=counts)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
