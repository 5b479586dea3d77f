"""Draw sentences of the unlabelled 2025 news for coding as incident reports or not.

    python tools/sample_sentences.py --out DIR --batches 6 --size 300 --overlap 40
    python tools/sample_sentences.py --out DIR --round 2 --uncertain 0.5   # a further round

Documents of the real-text gold (tests/corpus/real/, dev and test) are never drawn. Two in
three sentences carry a word strife's rules read as violence or a casualty figure (the hard
cases: talk about attacks, statistics, accidents); one in three are other sentences of articles
that name violence somewhere. Each batch shares `overlap` sentences with the next, so that two
coders' labels can be compared. Writes DIR/batch_K.jsonl: key, file, id, start, end, and the
sentence with its neighbours and the article's title for the coder.

A further round (`--round N`) draws with another seed, never a sentence already coded in
training/incident_sentences.jsonl, and can give a share of each batch (`--uncertain`) to the
sentences the shipped incident model is least sure of (probability between 0.05 and 0.95): the
ones a label teaches it most.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from strife.document import Document  # noqa: E402
from strife.evaluation.gold import find_shared_data  # noqa: E402
from strife.pipeline.pipeline import default_pipeline  # noqa: E402

SEED = 20261205
CODED = ROOT / "training" / "incident_sentences.jsonl"
VIOLENCE = re.compile(
    r"kill|attack|clash|protest|bomb|blast|strike|shell|militant|terror|police|troops|arrest", re.I
)
FILES = ("news_pk_2025.jsonl", "news_world_2025.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batches", type=int, default=6)
    parser.add_argument("--size", type=int, default=300)
    parser.add_argument("--overlap", type=int, default=40)
    parser.add_argument(
        "--round", type=int, default=1, help="coding round: another seed, coded sentences left out"
    )
    parser.add_argument(
        "--uncertain", type=float, default=0.0, help="share of sentences the model is unsure of"
    )
    args = parser.parse_args()
    from strife.stages.incident_model import features, incident_model

    model = incident_model()
    coded = set()
    if args.round > 1 and CODED.exists():
        coded = {(r["id"], r["start"]) for r in map(json.loads, CODED.open(encoding="utf-8"))}
    shared = find_shared_data(ROOT)
    manifest = json.loads((ROOT / "tests/corpus/real/manifest.json").read_text())
    skip = {d["id"] for d in manifest["documents"]}
    pipe = default_pipeline()
    rng = random.Random(SEED + args.round - 1)
    hard, other, unsure = [], [], []
    seen: set[str] = set()
    for name in FILES:
        for line in (shared / name).open(encoding="utf-8"):
            record = json.loads(line)
            if record["id"] in skip or record["id"] in seen or not record.get("text"):
                continue
            seen.add(record["id"])
            text = record["text"][:20000]
            if not VIOLENCE.search(text):
                continue
            doc = pipe.annotate(Document(id=record["id"], text=text))
            busy = {m.sentence for m in doc.layer("triggers")} | {m.sentence for m in doc.layer("casualties")}
            sentences = doc.layer("sentences")
            for i, m in enumerate(sentences):
                if m.end - m.start < 25:
                    continue
                item = {
                    "file": name,
                    "id": record["id"],
                    "start": m.start,
                    "end": m.end,
                    "title": record.get("title") or "",
                    "before": text[sentences[i - 1].start : sentences[i - 1].end] if i else "",
                    "sentence": text[m.start : m.end],
                    "after": text[sentences[i + 1].start : sentences[i + 1].end]
                    if i + 1 < len(sentences)
                    else "",
                }
                if (record["id"], m.start) in coded:
                    continue
                p = model.incident_probability(features(item["sentence"]))
                if 0.05 <= p <= 0.95:
                    unsure.append(item)
                (hard if m.sentence in busy else other).append(item)
    rng.shuffle(hard)
    rng.shuffle(other)
    rng.shuffle(unsure)
    per_batch = args.size - args.overlap
    need = per_batch * args.batches
    pool = unsure[: int(need * args.uncertain)]
    taken = {(i["id"], i["start"]) for i in pool}
    hard = [i for i in hard if (i["id"], i["start"]) not in taken]
    other = [i for i in other if (i["id"], i["start"]) not in taken]
    rest = need - len(pool)
    pool += hard[: rest * 2 // 3] + other[: rest - rest * 2 // 3]
    rng.shuffle(pool)
    args.out.mkdir(parents=True, exist_ok=True)
    chunks = [pool[k * per_batch : (k + 1) * per_batch] for k in range(args.batches)]
    for k, chunk in enumerate(chunks):
        shared_part = chunks[(k + 1) % args.batches][: args.overlap]
        batch = chunk + shared_part
        rng.shuffle(batch)
        with (args.out / f"batch_r{args.round}_{k + 1}.jsonl").open("w", encoding="utf-8") as f:
            for item in batch:
                key = f"{item['id']}@{item['start']}"
                item = {**item, "round": args.round}
                f.write(json.dumps({"key": key, **item}, ensure_ascii=False) + "\n")
    print(f"{len(pool)} sentences in {args.batches} batches (hard {len(hard)}, other {len(other)} available)")


if __name__ == "__main__":
    main()
