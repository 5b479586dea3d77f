"""Draw sentences of the unlabelled 2025 news for coding as incident reports or not.

    python tools/sample_sentences.py --out DIR --batches 6 --size 300 --overlap 40

Documents of the real-text gold (tests/corpus/real/, dev and test) are never drawn. Two in
three sentences carry a word strife's rules read as violence or a casualty figure (the hard
cases: talk about attacks, statistics, accidents); one in three are other sentences of articles
that name violence somewhere. Each batch shares `overlap` sentences with the next, so that two
coders' labels can be compared. Writes DIR/batch_K.jsonl: key, file, id, start, end, and the
sentence with its neighbours and the article's title for the coder.
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
    args = parser.parse_args()
    shared = find_shared_data(ROOT)
    manifest = json.loads((ROOT / "tests/corpus/real/manifest.json").read_text())
    skip = {d["id"] for d in manifest["documents"]}
    pipe = default_pipeline()
    rng = random.Random(SEED)
    hard, other = [], []
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
                (hard if m.sentence in busy else other).append(item)
    rng.shuffle(hard)
    rng.shuffle(other)
    per_batch = args.size - args.overlap
    need = per_batch * args.batches
    pool = hard[: need * 2 // 3] + other[: need - need * 2 // 3]
    rng.shuffle(pool)
    args.out.mkdir(parents=True, exist_ok=True)
    chunks = [pool[k * per_batch : (k + 1) * per_batch] for k in range(args.batches)]
    for k, chunk in enumerate(chunks):
        shared_part = chunks[(k + 1) % args.batches][: args.overlap]
        batch = chunk + shared_part
        rng.shuffle(batch)
        with (args.out / f"batch_{k + 1}.jsonl").open("w", encoding="utf-8") as f:
            for item in batch:
                key = f"{item['id']}@{item['start']}"
                f.write(json.dumps({"key": key, **item}, ensure_ascii=False) + "\n")
    print(f"{len(pool)} sentences in {args.batches} batches (hard {len(hard)}, other {len(other)} available)")


if __name__ == "__main__":
    main()
