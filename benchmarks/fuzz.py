"""Fuzz the whole path a report takes: readers → pipeline → every writer (and, with --store, the
event store), with generated and mutated inputs of every kind strife reads.

    python benchmarks/fuzz.py [--documents 1000000] [--seed 1] [--jobs 2] [--store] [--out DIR]

Each round writes a handful of input files (JSON Lines, CSV, gzip, HTML, RSS/Atom, plain text;
well-formed, mutated, truncated, empty) into a temporary folder, reads them as `strife extract`
does, runs every document through the default pipeline and every event through every export
format. It counts as failures:

- an uncaught exception anywhere (a crash), with the input kept under --out to reproduce it;
- an unaccounted input: a JSON Lines record that yields neither a document nor a skip with its
  reason, or a file that yields nothing at all;
- a document that takes over 10 s (a hang), kept under --out too.

It reports documents per second. The generator is seeded: a failure is reproduced by its seed
and round (`--seed S --first-round R --rounds 1`). `tests/test_fuzz.py` runs a few rounds of it
in CI.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

HANG_S = 10.0

# Pieces of reports: the words the stages look for, so that generated text goes deep into
# them, and the words that have broken them before.
ACTORS = [
    "Gunmen", "Militants", "Police", "Security forces", "The army", "Protesters", "Rioters",
    "Taliban fighters", "Unidentified assailants", "A suicide bomber", "U.S military", "U.S",
    "the U.S.", "Rebels of the FMLN", "Israeli forces", "Hamas", "A mob", "Villagers",
    "Soldiers", "The PDF", "Al-Shabaab", "ISIS", "Boko Haram", "Security personnel",
]  # fmt: skip
VERBS = [
    "killed", "attacked", "shot dead", "injured", "abducted", "ambushed", "clashed with",
    "fired on", "shelled", "bombed", "torched", "stormed", "blew himself up near", "beheaded",
    "protested against", "marched to", "were dispersed by", "exchanged fire with", "lynched",
    "seized", "detonated an IED near", "launched a drone strike on", "set fire to",
]  # fmt: skip
VICTIMS = [
    "two policemen", "a civilian", "12 soldiers", "three children", "dozens of people",
    "the convoy", "a checkpoint", "1,000 protesters", "seven militants", "an aid worker",
    "a polling station", "at least 40 people", "99999999999999999999 people", "one of them",
]  # fmt: skip
PLACES = [
    "Kalat", "Quetta", "Bannu", "North Waziristan", "Peshawar", "Karachi", "Kabul", "Mosul",
    "Diyala", "Gaza", "Khan Younis", "Aleppo", "Mandalay", "Sagaing", "Culiacan", "Juarez",
    "Maiduguri", "Mogadishu", "Kharkiv", "Donetsk oblast", "San Miguel", "Morazan", "Turbat",
    "the X Khel area of Bannu", "Chak 21-JB", "Nov", "Vladimir", "Jammu and Kashmir",
]  # fmt: skip
WHEN = [
    "on Monday", "yesterday", "last week", "on March 3", "on 3/4/2025", "on March 3, 1750",
    "on 31/12/9999", "in 0001", "around midnight", "as reported on Friday", "this morning",
    "over the weekend", "on Feb 30", "on 29 February 2023", "in the year 1999",
]  # fmt: skip
TAILS = [
    "officials said.", "police said.", "the ISPR said.", "no group claimed responsibility.",
    "the TTP claimed responsibility.", "according to a monitor.", "the toll rose to 15.",
    "", ".", "...", "!!", ", said the Ministry of Defence", "(AP)", "— Reuters",
]  # fmt: skip
HOSTILE = [
    "\x00", "\ud800", "\ufeff", "\u202e", "\r", "\r\n", "\u2028", "\t", "\\", "\\n", '"', "'",
    "&#8220;", "&amp;", "<script>alert(1)</script>", "%s%n", "{}", "[]", "🙂", "ٱلله", "中文",
    "\u0301" * 50, "A" * 5000, "1" * 400, "U.S military", "U.S", "9" * 30, "-" * 200, "\n" * 50,
]  # fmt: skip
DATES = [
    "2025-03-10", "2025-02-01T08:00:00Z", "Mon, 10 Mar 2025 08:00:00 GMT", "0001-01-01",
    "9999-12-31", "2025-02-30", "banana", "", None, 20250310, 1e308, "NaN", "1900-01-01",
    "2999-01-01",
]  # fmt: skip


def sentence(rng: random.Random) -> str:
    parts = [
        rng.choice(ACTORS),
        rng.choice(VERBS),
        rng.choice(VICTIMS),
        rng.choice(["in", "near", "at", "across", "outside", ""]),
        rng.choice(PLACES),
        rng.choice(WHEN),
        rng.choice(TAILS),
    ]
    if rng.random() < 0.15:
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(HOSTILE))
    if rng.random() < 0.1:
        rng.shuffle(parts)
    return " ".join(p for p in parts if p)


def report_text(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.02:
        return ""
    if kind < 0.04:
        return rng.choice(HOSTILE) * rng.randint(1, 20)
    if kind < 0.06:
        return "".join(chr(rng.randint(1, 0x2FFF)) for _ in range(rng.randint(1, 400)))
    if kind < 0.065:  # one sentence repeated: the case that once made ranking quadratic
        return (sentence(rng) + " ") * rng.randint(20, 120)
    # Mostly short, as notes and wire briefs are; now and then an article's length.
    text = " ".join(sentence(rng) for _ in range(rng.choice([1, 1, 2, 2, 3, 4, 12])))
    if rng.random() < 0.2:
        text = (
            rng.choice(["KARACHI: ", "QUETTA, March 3 (APP): ", "KARACHI, Jan 1, 0001: ", "(AP) — "]) + text
        )
    if rng.random() < 0.1:
        text = text.replace(".", "")  # no full stops at all
    return text


def mutate(rng: random.Random, data: bytes) -> bytes:
    """Flip, cut, duplicate or insert bytes, as damaged files and transfers do."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 50)))
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        op = rng.random()
        at = rng.randrange(len(data) + 1)
        if op < 0.3 and data:
            data[min(at, len(data) - 1)] = rng.randrange(256)
        elif op < 0.5:
            del data[at : at + rng.randint(1, 40)]
        elif op < 0.7:
            data[at:at] = bytes(rng.choice([b"\x00", b"\r", b'"', b"\xff\xfe", b"\\u0000", b"}", b"\n"]))
        elif op < 0.85:
            cut = data[at : at + rng.randint(1, 200)]
            data[at:at] = cut * rng.randint(1, 5)
        else:
            data = data[: rng.randrange(len(data) + 1)]
    return bytes(data)


def record(rng: random.Random, n: int) -> dict:
    fields: dict = {"id": f"r{n}", "text": report_text(rng)}
    if rng.random() < 0.8:
        fields["published"] = rng.choice(DATES)
    for key, values in (
        ("title", ["Blast in Kalat", "", None, 7, "\x00", "T" * 3000]),
        ("source", ["Dawn", "APP", "", None, ["list"], {"o": 1}]),
        ("url", ["https://example.com/a", "not a url", "", None, "http://[::1"]),
    ):
        if rng.random() < 0.4:
            fields[key] = rng.choice(values)
    if rng.random() < 0.03:
        fields["text"] = rng.choice([None, 5, ["a"], {"t": "x"}, True, 2**80])
    if rng.random() < 0.03:
        fields["id"] = rng.choice([None, "", 5, "x" * 2000, "\x00", "../../etc"])
    return fields


@dataclass
class Inputs:
    """One round's files, and the count of records each JSON Lines file promises."""

    files: list[Path] = field(default_factory=list)
    jsonl_records: dict[Path, int] = field(default_factory=dict)


def write_round(rng: random.Random, folder: Path, documents: int) -> Inputs:
    inputs = Inputs()
    records = [record(rng, n) for n in range(documents)]
    lines = [json.dumps(r, ensure_ascii=rng.random() < 0.5) for r in records]
    clean = folder / "reports.jsonl"
    clean.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    inputs.files.append(clean)
    inputs.jsonl_records[clean] = len(lines)
    extra = rng.random()
    if extra < 0.25:  # damaged JSON Lines: only that something comes of it is promised
        path = folder / "damaged.jsonl"
        path.write_bytes(mutate(rng, "\n".join(lines[:20]).encode("utf-8", "surrogatepass")))
        inputs.files.append(path)
    elif extra < 0.4:
        path = folder / "reports.csv"
        rows = io.StringIO()
        rows.write("id,text,published\n")
        for r in records[:20]:
            text = str(r.get("text") or "").replace('"', '""')
            rows.write(f'{r["id"]},"{text}",{r.get("published") or ""}\n')
        data = rows.getvalue().encode("utf-8", "surrogatepass")
        path.write_bytes(mutate(rng, data) if rng.random() < 0.5 else data)
        inputs.files.append(path)
    elif extra < 0.55:
        path = folder / rng.choice(["reports.jsonl.gz", "reports.csv.gz"])
        body = "\n".join(lines[:20]).encode("utf-8", "surrogatepass")
        if path.name.endswith(".csv.gz"):
            body = b"id,text\n" + b"\n".join(
                b'x,"' + line.replace(b'"', b'""') + b'"' for line in body.split(b"\n")
            )
        data = gzip.compress(body)
        path.write_bytes(data[: rng.randrange(len(data) + 1)] if rng.random() < 0.5 else mutate(rng, data))
        inputs.files.append(path)
    elif extra < 0.7:
        path = folder / "page.html"
        body = f"<html><head><title>Kalat</title><meta name='date' content='{rng.choice(DATES)}'></head>"
        body += f"<body><article><p>{report_text(rng)}</p></article></body></html>"
        data = body.encode("utf-8", "surrogatepass")
        path.write_bytes(mutate(rng, data) if rng.random() < 0.3 else data)
        inputs.files.append(path)
    elif extra < 0.85:
        path = folder / "feed.xml"
        encoding = rng.choice(["utf-8", "undefined", "no-such-enc", "latin-1", "utf-16"])
        items = "".join(
            f"<item><title>t{n}</title><guid>g{n}</guid><pubDate>{rng.choice(DATES)}</pubDate>"
            f"<description><![CDATA[{report_text(rng)}]]></description></item>"
            for n in range(rng.randint(0, 5))
        )
        body = f'<?xml version="1.0" encoding="{encoding}"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
        data = body.encode("utf-8", "surrogatepass")
        path.write_bytes(mutate(rng, data) if rng.random() < 0.3 else data)
        inputs.files.append(path)
    else:
        path = folder / rng.choice(["report.txt", "empty.jsonl", "empty.csv", "header.csv"])
        data = {
            "report.txt": report_text(rng).encode("utf-8", "surrogatepass"),
            "empty.jsonl": b"",
            "empty.csv": b"",
            "header.csv": b"id,text\n",
        }[path.name]
        path.write_bytes(data)
        inputs.files.append(path)
    return inputs


@dataclass
class RoundResult:
    documents: int = 0
    skipped: int = 0
    events: int = 0
    seconds: float = 0.0
    crashes: list[str] = field(default_factory=list)
    unaccounted: list[str] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    skip_reasons: Counter = field(default_factory=Counter)

    def add(self, other: RoundResult) -> None:
        self.documents += other.documents
        self.skipped += other.skipped
        self.events += other.events
        self.seconds += other.seconds
        self.crashes += other.crashes
        self.unaccounted += other.unaccounted
        self.hangs += other.hangs
        self.skip_reasons.update(other.skip_reasons)


def _keep(out: Path | None, folder: Path, label: str) -> str:
    if out is None:
        return label
    kept = out / label
    kept.mkdir(parents=True, exist_ok=True)
    for path in folder.iterdir():
        (kept / path.name).write_bytes(path.read_bytes())
    return str(kept)


def _reason_kind(reason: str) -> str:
    return reason.split(":")[0][:60] if reason.startswith(("extraction", "cannot")) else reason[:40]


def run_round(
    seed: int, number: int, documents: int, *, store: bool = False, out: Path | None = None
) -> RoundResult:
    """One round: generate, read, extract, write every format (and store); what went wrong."""
    from strife.readers import read_inputs
    from strife.runner import _process
    from strife.writers import WRITERS, make_writer

    result = RoundResult()
    rng = random.Random(f"{seed}:{number}")
    pipeline = _pipeline()
    with tempfile.TemporaryDirectory(prefix="strife-fuzz-") as tmp:
        folder = Path(tmp)
        inputs = write_round(rng, folder, documents)
        label = f"seed{seed}-round{number}"
        started = time.perf_counter()
        try:
            outcomes = []
            for item in read_inputs([str(p) for p in inputs.files]):
                began = time.perf_counter()
                outcome = _process(pipeline, item)
                took = time.perf_counter() - began
                if took > HANG_S:
                    result.hangs.append(f"{_keep(out, folder, label)}: {outcome.origin} took {took:.1f} s")
                outcomes.append(outcome)
            events = [e for o in outcomes for e in o.events]
            for fmt in WRITERS:
                writer = make_writer(fmt, io.StringIO())
                for event in events:
                    writer.write(event)
                writer.close()
            if store:
                _store_round(inputs, label)
        except Exception:
            result.crashes.append(f"{_keep(out, folder, label)}\n{traceback.format_exc()}")
            return result
        result.seconds = time.perf_counter() - started
        result.documents = sum(1 for o in outcomes if o.skipped is None)
        result.skipped = sum(1 for o in outcomes if o.skipped is not None)
        result.events = len(events)
        result.skip_reasons.update(_reason_kind(o.skipped) for o in outcomes if o.skipped)
        for path in inputs.files:
            origin = str(path)
            mine = [
                o for o in outcomes if o.origin == origin or o.origin.startswith((origin + ":", origin + "#"))
            ]
            promised = inputs.jsonl_records.get(path)
            if promised is not None and len(mine) != promised:
                result.unaccounted.append(
                    f"{_keep(out, folder, label)}: {path.name}: {promised} records, {len(mine)} outcomes"
                )
            elif not mine:
                result.unaccounted.append(f"{_keep(out, folder, label)}: {path.name} yielded nothing")
    return result


@functools.cache
def _pipeline():  # one per process: building it loads the tables and the gazetteer
    from strife.pipeline import default_pipeline

    return default_pipeline()


def _store_round(inputs: Inputs, label: str) -> None:
    from strife.readers import read_inputs
    from strife.store import ingest, open_store

    with tempfile.TemporaryDirectory(prefix="strife-fuzz-store-") as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'store.db'}")
        try:
            ingest(store, read_inputs([str(p) for p in inputs.files]))
        finally:
            store.close()


def _shard(args: tuple[int, int, int, int, bool, str | None]) -> RoundResult:
    seed, first, rounds, documents, store, out = args
    total = RoundResult()
    for number in range(first, first + rounds):
        total.add(run_round(seed, number, documents, store=store, out=Path(out) if out else None))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--documents", type=int, default=10_000, help="generated records in all (default 10,000)"
    )
    parser.add_argument("--per-round", type=int, default=50, help="records per round's JSON Lines file")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--first-round", type=int, default=0)
    parser.add_argument("--rounds", type=int, help="rounds to run (default: --documents / --per-round)")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--store", action="store_true", help="ingest every round into a new SQLite store too")
    parser.add_argument("--out", type=Path, help="keep the inputs of failing rounds here")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    rounds = args.rounds or max(1, args.documents // args.per_round)
    chunk = max(1, min(200, rounds // (args.jobs * 4) or 1))
    shards = [
        (
            args.seed,
            first,
            min(chunk, args.first_round + rounds - first),
            args.per_round,
            args.store,
            str(args.out) if args.out else None,
        )
        for first in range(args.first_round, args.first_round + rounds, chunk)
    ]
    total = RoundResult()
    started = time.perf_counter()
    done = 0
    show = sys.stderr.isatty()
    with ProcessPoolExecutor(args.jobs) as pool:
        for r in pool.map(_shard, shards):
            done += 1
            total.add(r)
            if show:
                rate = (total.documents + total.skipped) / (time.perf_counter() - started)
                print(f"\r{done}/{len(shards)} shards, {total.documents + total.skipped:,} inputs, {rate:,.0f}/s, "
                      f"{len(total.crashes)} crashes", end="", file=sys.stderr, flush=True)  # fmt: skip
    if show:
        print(file=sys.stderr)
    wall = time.perf_counter() - started
    inputs = total.documents + total.skipped
    results = {
        "seed": args.seed,
        "rounds": rounds,
        "inputs": inputs,
        "documents": total.documents,
        "skipped": total.skipped,
        "events": total.events,
        "crashes": len(total.crashes),
        "unaccounted": len(total.unaccounted),
        "hangs": len(total.hangs),
        "wall_s": round(wall, 1),
        "inputs_per_s": round(inputs / wall, 1) if wall else None,
        "jobs": args.jobs,
        "top_skip_reasons": total.skip_reasons.most_common(12),
    }
    print(json.dumps(results, indent=2))
    for line in total.crashes[:5] + total.unaccounted[:5] + total.hangs[:5]:
        print(line, file=sys.stderr)
    if args.json:
        args.json.write_text(
            json.dumps({**results, "failures": total.crashes + total.unaccounted + total.hangs}, indent=2)
        )
    return 1 if total.crashes or total.unaccounted or total.hangs else 0


if __name__ == "__main__":
    sys.exit(main())
