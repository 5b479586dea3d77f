"""The frame's own cost: reading and writing documents through strife with an empty pipeline,
side by side with merely parsing the same JSON Lines with `json.loads`.

    python benchmarks/io.py [--docs 100000] [--json results.json]

Three timings over the same synthetic file, in the same run:
- `json.loads`: parse each line, nothing else (the reference);
- `frame read`: strife's JSONL reader → validated `Document`s → the runner with an empty pipeline;
- `frame read+write`: the same, plus one stub event per document written as JSON Lines
  (the event record's validation and serialisation: the writing half of the frame).
The ratio frame/json.loads is the frame's overhead (target: under 2×).
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from strife.document import Document
from strife.event import Event, make_event_id
from strife.pipeline import Pipeline, empty_pipeline
from strife.readers import read_inputs
from strife.runner import process
from strife.writers import make_writer

WORDS = (
    "security forces militants clash district province police said killed injured attack "
    "village officials reported on Tuesday night the a of in and were was two three"
).split()


def synthetic_corpus(path: Path, count: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(80, 400))) + "."
            record = {
                "id": f"doc-{n}",
                "text": text,
                "title": f"Report {n}",
                "published": (dt.date(2025, 1, 1) + dt.timedelta(days=n % 365)).isoformat(),
                "source": "Synthetic Wire",
                "url": f"https://example.org/{n}",
            }
            out.write(json.dumps(record) + "\n")
    return path.stat().st_size


def stub_event(doc: Document) -> list[Event]:
    day = doc.published or dt.date(2025, 1, 1)
    return [
        Event(
            event_id=make_event_id(doc.id, 0),
            doc_id=doc.id,
            event_date=day,
            date_end=day,
            event_type="Battles",
            sub_event_type="Armed clash",
            source=doc.source,
            source_url=doc.url,
        )
    ]


def stub_pipeline() -> Pipeline:
    return Pipeline([], stub_event)


def bare_parse(path: Path) -> int:
    count = 0
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            json.loads(line)
            count += 1
    return count


def frame(path: Path, factory: Callable[[], Pipeline], write: bool) -> int:
    sink = io.StringIO()
    writer = make_writer("jsonl", sink)
    count = 0
    for outcome in process(read_inputs([str(path)]), pipeline_factory=factory):
        count += 1
        if write:
            for event in outcome.events:
                writer.write(event)
            if sink.tell() > 50_000_000:  # keep memory flat: the file system is not what we time
                sink.seek(0)
                sink.truncate()
    writer.close()
    return count


def timed(fn: Callable[..., int], *args: object, repeat: int = 3) -> tuple[float, int]:
    best, count = float("inf"), 0
    for _ in range(repeat):
        start = time.perf_counter()
        count = fn(*args)
        best = min(best, time.perf_counter() - start)
    return best, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "synthetic.jsonl"
        size = synthetic_corpus(path, args.docs)
        rows = []
        bare_s, n = timed(bare_parse, path, repeat=args.repeat)
        rows.append(("json.loads (reference)", bare_s, n))
        read_s, n = timed(frame, path, empty_pipeline, False, repeat=args.repeat)
        rows.append(("frame read (empty pipeline)", read_s, n))
        both_s, n = timed(frame, path, stub_pipeline, True, repeat=args.repeat)
        rows.append(("frame read+write (1 stub event/doc)", both_s, n))
    print(
        f"{args.docs:,} synthetic documents, {size / 1e6:.1f} MB, best of {args.repeat}, "
        f"python {sys.version.split()[0]}, {os.cpu_count()} cpu(s)"
    )
    print(f"{'pass':40} {'seconds':>8} {'docs/s':>10} {'× json.loads':>13}")
    for name, seconds, count in rows:
        print(f"{name:40} {seconds:8.2f} {count / seconds:10,.0f} {seconds / bare_s:13.2f}")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                [
                    {"pass": name, "seconds": s, "docs_per_s": c / s, "ratio": s / bare_s}
                    for name, s, c in rows
                ],
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
