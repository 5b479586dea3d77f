"""Boundary labels for the learned boundary reading: draw the decisions, collect a coding round.

    python tools/boundary_labels.py sample --out DIR          # DIR/batch_K.jsonl for coders
    python tools/boundary_labels.py build DIR [DIR ...]      # + DIR/batch_K.labels.jsonl
    python tools/boundary_labels.py agreement

The boundary reading (`src/strife/stages/incident_boundaries.json`) decides, where no rule of
`incidents.opening_reasons` speaks, whether a sentence that tells an event begins another
incident than the one told so far. The real-text gold's dev split labels about 850 such
decisions; this tool draws more of them from reports outside the gold (never a document of
`tests/corpus/real/`, dev or test) for coders to label: `same` (the sentence tells more of the
incident told so far), `another` (it tells another incident: another act, place or day, as the
coding guide's section 1 counts events) or `neither` (it tells no incident of its own, or the
sentences before it tell none).

`sample` runs strife with the rules alone (as `tools/train_incident_boundaries.py` does) over
documents of the seven shared files drawn at random, file by file, and keeps every decision no
rule took, at most `MAX_PER_DOCUMENT` a document; half of the documents are drawn among those
where the shipped reading is unsure of a decision (probability 0.2 to 0.95). Each batch shares
`--overlap` documents with the next, so that two coders' labels can be compared.

`build` checks every label against its batch and writes training/incident_boundaries.jsonl
(earlier rounds' codings kept, a round's folder given again replaced):
where the sentence and the incident's sentences lie in ../shared/data (file, id, character
spans, a digest of the sentence, never the text) and the label. Decisions coded twice keep both.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tools"))

from train_incident_boundaries import recorded_decisions, shared_document  # noqa: E402

from strife.document import Document  # noqa: E402
from strife.evaluation.agreement import cohen_kappa  # noqa: E402
from strife.evaluation.gold import evidence_digest, find_shared_data  # noqa: E402
from strife.pipeline import default_pipeline  # noqa: E402
from strife.stages.incident_boundaries import boundary_model  # noqa: E402

SEED = 20261206
LABELS = ROOT / "training" / "incident_boundaries.jsonl"
CHOICES = frozenset({"same", "another", "neither"})
MAX_PER_DOCUMENT = 5
# Decisions wanted from each shared file: notes and headlines (most of the gold) and articles.
QUOTA = {
    "muc4_grit.jsonl": 300,
    "mass_mobilization.jsonl": 260,
    "ucdp_ged_world.jsonl": 200,
    "ucdp_ged_pakistan.jsonl": 100,
    "wiki_terror_incidents.jsonl": 160,
    "news_pk_2025.jsonl": 220,
    "news_world_2025.jsonl": 200,
}
UNSURE = (0.2, 0.95)
# Characters of an article shown after the last sentence a decision names.
TAIL = 400


def decisions(pipeline, doc: Document) -> list[dict]:
    """Every decision the rules left to the boundary reading in a document, with the reading's
    probability now: the sentence's span and the spans of the incident's sentences so far."""
    calls = recorded_decisions(pipeline, doc)
    spans_of = {m.sentence: (m.start, m.end) for m in doc.layer("sentences")}
    reading = boundary_model()
    return [
        {
            "sentence": index,
            "span": spans_of[index],
            "incident": sorted(told_so_far),
            "incident_spans": [spans_of[i] for i in sorted(told_so_far)],
            "p": round(reading.probability(feats), 3),
        }
        for told_so_far, index, reasons, feats in calls
        if not any(reasons.values())
    ]


def sample(out: Path, batches: int, overlap: int) -> None:
    shared = find_shared_data(ROOT)
    manifest = json.loads((ROOT / "tests/corpus/real/manifest.json").read_text(encoding="utf-8"))
    gold_ids = {d["id"] for d in manifest["documents"]}
    coded = set()
    if LABELS.exists():
        coded = {r["id"] for r in map(json.loads, LABELS.open(encoding="utf-8"))}
    rng = random.Random(SEED)
    pipeline = default_pipeline()
    docs = []
    for name, quota in QUOTA.items():
        records = [json.loads(line) for line in (shared / name).open(encoding="utf-8")]
        records = [r for r in records if r.get("text") and r["id"] not in gold_ids and r["id"] not in coded]
        rng.shuffle(records)
        unsure_docs, other_docs = [], []
        taken_unsure = taken_other = 0
        for record in records:
            if taken_unsure + taken_other >= quota:
                break
            record["text"] = record["text"][:20000]
            found = decisions(pipeline, shared_document(record))
            if not found:
                continue
            if len(found) > MAX_PER_DOCUMENT:
                found = sorted(rng.sample(found, MAX_PER_DOCUMENT), key=lambda d: d["sentence"])
            unsure = any(UNSURE[0] <= d["p"] <= UNSURE[1] for d in found)
            if unsure and taken_unsure < quota // 2:
                unsure_docs.append((record, found))
                taken_unsure += len(found)
            elif not unsure and taken_other < quota - quota // 2:
                other_docs.append((record, found))
                taken_other += len(found)
        docs += [(name, r, f) for r, f in unsure_docs + other_docs]
        print(
            f"{name}: {len(unsure_docs) + len(other_docs)} documents, {taken_unsure + taken_other} decisions"
        )
    rng.shuffle(docs)
    out.mkdir(parents=True, exist_ok=True)
    chunks = [docs[k::batches] for k in range(batches)]
    for k, chunk in enumerate(chunks):
        batch = chunk + chunks[(k + 1) % batches][:overlap]
        with (out / f"batch_{k + 1}.jsonl").open("w", encoding="utf-8") as f:
            for name, record, found in batch:
                f.write(json.dumps(_item(name, record, found), ensure_ascii=False) + "\n")
    total = sum(len(f) for _, _, f in docs)
    print(f"{len(docs)} documents, {total} decisions, in {batches} batches (+{overlap} documents shared)")


def _item(name: str, record: dict, found: list[dict]) -> dict:
    """What a coder reads: the report's sentences, numbered, up to a little past the last one a
    question names, and the questions."""
    text = record["text"]
    last = max(d["span"][1] for d in found)
    pipeline_sentences = sorted(
        {(d["sentence"], *d["span"]) for d in found}
        | {(i, *s) for d in found for i, s in zip(d["incident"], d["incident_spans"], strict=True)}
    )
    return {
        "file": name,
        "id": record["id"],
        "title": record.get("title") or "",
        "published": record.get("published"),
        "text": text[: last + TAIL] + (" [...]" if len(text) > last + TAIL else ""),
        "sentences": {str(i): text[a:b] for i, a, b in pipeline_sentences},
        "questions": [
            {
                "key": f"{record['id']}@{d['span'][0]}@" + ",".join(str(a) for a, _ in d["incident_spans"]),
                "sentence": d["sentence"],
                "incident": d["incident"],
                "span": d["span"],
                "incident_spans": d["incident_spans"],
            }
            for d in found
        ],
    }


def build(folders: list[Path]) -> None:
    rows, problems = [], []
    for batch_path in sorted(p for folder in folders for p in folder.glob("batch_*.jsonl")):
        if batch_path.name.endswith(".labels.jsonl"):
            continue
        label_path = batch_path.with_name(batch_path.stem + ".labels.jsonl")
        labels = {}
        for line in label_path.open(encoding="utf-8"):
            if line.strip():
                label = json.loads(line)
                if label["key"] in labels:
                    problems.append(f"{label_path.name}: {label['key']} labelled twice")
                labels[label["key"]] = label
        for line in batch_path.open(encoding="utf-8"):
            item = json.loads(line)
            for q in item["questions"]:
                label = labels.get(q["key"])
                if label is None:
                    problems.append(f"{label_path.name}: {q['key']} not labelled")
                    continue
                if label.get("label") not in CHOICES:
                    problems.append(f"{label_path.name}: {q['key']}: label {label.get('label')!r}")
                    continue
                start, end = q["span"]
                rows.append(
                    {
                        "file": item["file"],
                        "id": item["id"],
                        "start": start,
                        "end": end,
                        "sha1": evidence_digest(item["sentences"][str(q["sentence"])]),
                        "incident": [list(s) for s in q["incident_spans"]],
                        "label": label["label"],
                        "unsure": bool(label.get("unsure")),
                        "coder": f"{batch_path.parent.name}/{batch_path.stem}",
                    }
                )
    if problems:
        print("\n".join(problems[:50]), file=sys.stderr)
        raise SystemExit(f"{len(problems)} problem(s); nothing written")
    # Earlier rounds' codings stay (their batches need not be at hand); a round given again is
    # replaced.
    if LABELS.exists():
        rounds = {folder.name for folder in folders}
        rows += [
            r
            for r in map(json.loads, LABELS.open(encoding="utf-8"))
            if r["coder"].split("/")[0] not in rounds
        ]
    rows.sort(key=lambda r: (r["file"], r["id"], r["start"], r["incident"], r["coder"]))
    LABELS.parent.mkdir(exist_ok=True)
    with LABELS.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, sort_keys=True) + "\n")
    print(f"{len(rows)} codings: {dict(Counter(r['label'] for r in rows))}; wrote {LABELS}")


def agreement() -> None:
    by_key: dict[tuple, list[str]] = {}
    for row in map(json.loads, LABELS.open(encoding="utf-8")):
        key = (row["id"], row["start"], json.dumps(row["incident"]))
        by_key.setdefault(key, []).append(row["label"])
    pairs = [labels[:2] for labels in by_key.values() if len(labels) >= 2]
    if not pairs:
        print("no decision coded twice")
        return
    agree = sum(a == b for a, b in pairs) / len(pairs)
    kappa = cohen_kappa(pairs)
    print(f"{len(pairs)} decisions coded twice: agreement {agree:.3f}, Cohen's kappa {kappa:.3f}")
    print("confusions:", dict(Counter(tuple(sorted(p)) for p in pairs if p[0] != p[1])))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--out", type=Path, required=True)
    s.add_argument("--batches", type=int, default=8)
    s.add_argument("--overlap", type=int, default=6, help="documents each batch shares with the next")
    b = sub.add_parser("build")
    b.add_argument("folders", type=Path, nargs="+")
    sub.add_parser("agreement")
    args = parser.parse_args()
    if args.command == "sample":
        sample(args.out, args.batches, args.overlap)
    elif args.command == "build":
        build(args.folders)
    else:
        agreement()


if __name__ == "__main__":
    main()
