"""Real pairs of events for measuring merging: candidates, coding packets, build.

The pairs are events strife extracts from two different real reports (Dawn, APP, wire copy in
../shared/data) that a store could be asked to merge: the same country, dates within a week.
Coders say whether the two tell one incident (ACLED's unit: one day, one place, one pair of
actors) or two. The repo keeps each side as a document id and the character span of the
sentence that anchors its incident, with a digest of that sentence; never the text.

    python tools/merge_pairs.py candidates OUT.jsonl                  # sampled pairs, with their text
    python tools/merge_pairs.py candidates OUT2.jsonl --draw 2 --exclude OUT.jsonl  # likely-same pairs
    python tools/merge_pairs.py candidates OUT3.jsonl --draw 3  # both kinds, none of the gold's documents pairs
    python tools/merge_pairs.py packet OUT.jsonl BATCH                # a batch of pairs, for a coder
    python tools/merge_pairs.py build OUT.jsonl CODED.jsonl… CHECKED.jsonl…  # -> tests/corpus/real/merge_pairs/

`build` adds a draw's pairs to the gold: pairs of earlier draws (other prefixes) already in
pairs.jsonl are kept as they are, with their draws' lines of the manifest.

Coded lines: {"pair": ID, "label": "same" | "different" | "unclear" | "no_incident",
"reason": one of REASONS, "note": our own words}. Pairs coded unclear or with no incident on
one side are left out of the gold. Pairs are split dev/test by a digest of their id (two thirds
dev), as the document gold is.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import sys
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from strife.document import INVISIBLE_CHARS, offsets_without_invisible, without_invisible
from strife.evaluation.gold import evidence_digest, find_shared_data, read_shared_documents

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "corpus" / "real" / "merge_pairs" / "pairs.jsonl"
FILES = ("news_pk_2025.jsonl", "news_world_2025.jsonl")
SEED = 20261205
WINDOW_DAYS = 7
PAIRS_PER_BATCH = 42
SIMILAR_COUNT = 140  # draw 2
# Draw 3: more of what the first two found too few of (one incident told by two outlets, a
# report days later), and the hard "different" pairs beside them.
STRATA_3 = {"similar_text": 110, "later_same_region": 70, "near_same_region": 60}
PREFIXES = {1: "p", 2: "q", 3: "r"}
MAX_PER_INCIDENT = 4  # pairs kept of one country, day and kind of event
CONTEXT_CHARS = 1600
MAX_NOTE = 200  # a note is our words on the pair, never a quote
REASONS = (
    "same_report",  # one incident, told by both (maybe with other figures or words)
    "follow_up",  # one incident, one report days later (a toll updated, a funeral, an arrest for it)
    "other_day",  # the same kind of thing, on another day
    "other_place",  # the same day, another place
    "other_incident",  # the same day and place, another act (two attacks in one district)
    "other_actors",
)
# How many pairs of each kind to draw: the store's hard cases more than the easy ones.
STRATA = {
    "rules_same": 90,  # the current rules would merge them
    "near_same_region": 110,  # within a day, same first-level unit, rules keep apart
    "later_same_region": 80,  # two to seven days apart, same first-level unit
    "near_other_region": 50,  # within a day, another first-level unit
}


def _split(pair_id: str) -> str:
    return "dev" if int(hashlib.sha1(pair_id.encode()).hexdigest()[:8], 16) % 3 else "test"


def _gap(a: dict[str, Any], b: dict[str, Any]) -> int:
    a0, a1 = dt.date.fromisoformat(a["event_date"]), dt.date.fromisoformat(a["date_end"])
    b0, b1 = dt.date.fromisoformat(b["event_date"]), dt.date.fromisoformat(b["date_end"])
    return max(0, (b0 - a1).days, (a0 - b1).days)


def _extract(files: tuple[str, ...]) -> list[dict[str, Any]]:
    """Every dated, placed event of the pool, with the sentence its type came from."""
    from strife.api import to_document
    from strife.pipeline import default_pipeline
    from strife.stages.sentences import sentence_of

    data = find_shared_data()
    pipeline = default_pipeline()
    found = []
    for name in files:
        for line in (data / name).open(encoding="utf-8"):
            record = json.loads(line)
            doc = to_document(record, record["id"])
            try:
                events = pipeline(doc)
            except Exception:  # a pool document that fails is simply no candidate
                continue
            sentences = doc.layer("sentences")
            for event in events:
                if event.background or event.event_date is None or event.iso3 is None:
                    continue
                cue = next((e for e in event.evidence if e.field == "sub_event_type"), None)
                if cue is None:
                    continue
                index = sentence_of(doc, cue.start)
                if index < 0:
                    continue
                start, end = sentences[index].start, sentences[index].end
                found.append(
                    {
                        "file": name,
                        "id": doc.id,
                        "title": record.get("title"),
                        "published": str(doc.published) if doc.published else None,
                        "start": start,
                        "end": end,
                        "sentence": doc.text[start:end],
                        "context": doc.text[:CONTEXT_CHARS],
                        "text_sha1": evidence_digest(doc.text.strip()),
                        "event": event.model_dump(mode="json", exclude={"evidence", "notes"}),
                        "notes": event.notes,
                    }
                )
    return found


def _events(cache: str | None) -> list[dict[str, Any]]:
    if cache and Path(cache).exists():
        return _read(cache)
    events = _extract(FILES)
    if cache:
        Path(cache).write_text("".join(json.dumps(e) + "\n" for e in events), encoding="utf-8")
    return events


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[a-z]{4,}", (text or "").lower()))


def _overlap(x: set[str], y: set[str]) -> float:
    return len(x & y) / len(x | y) if x and y else 0.0


def _document_pair(events: list[dict[str, Any]], i: int, j: int) -> tuple[str, str]:
    return tuple(sorted((events[i]["id"], events[j]["id"])))  # type: ignore[return-value]


def _same_country_pairs(events: list[dict[str, Any]]) -> Iterator[tuple[int, int]]:
    """Every pair of events (indexes, the earlier first) in one country."""
    by_country: dict[str, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        by_country[e["event"]["iso3"]].append(i)
    for indices in by_country.values():
        for x, i in enumerate(indices):
            for j in indices[x + 1 :]:
                yield i, j


def _drawn_pairs(path: str) -> set[tuple[str, str]]:
    """The pairs of documents a file of pairs (candidates or gold) holds."""
    return {tuple(sorted((p["a"]["id"], p["b"]["id"]))) for p in _read(path)}  # type: ignore[misc]


def _incident_key(a: dict[str, Any], b: dict[str, Any]) -> tuple[Any, ...]:
    """One country, day and kind of event: the unit `build` caps the pairs of."""
    return (
        a["iso3"],
        min(a["event_date"], b["event_date"]),
        tuple(sorted({a["sub_event_type"], b["sub_event_type"]})),
    )


def similar(
    events: list[dict[str, Any]], drawn: set[tuple[str, str]], count: int, seed: int, per_incident: int = 0
) -> list[tuple[str, int, int]]:
    """Pairs likely to tell one incident, which a random draw finds too few of: two texts (not
    one text twice) whose anchor sentences or titles share words, two days apart at most, no
    pair of documents drawn before; at most `per_incident` of one incident where that is set."""
    words = [_words(e["sentence"]) for e in events]
    titles = [_words(e["title"]) for e in events]
    pool = []
    for i, j in _same_country_pairs(events):
        a, b = events[i], events[j]
        if a["id"] == b["id"] or a["text_sha1"] == b["text_sha1"]:
            continue
        if _document_pair(events, i, j) in drawn or _gap(a["event"], b["event"]) > 2:
            continue
        if _overlap(words[i], words[j]) >= 0.2 or _overlap(titles[i], titles[j]) >= 0.25:
            pool.append((i, j))
    rng = random.Random(seed)
    rng.shuffle(pool)
    chosen, seen = [], set(drawn)
    incidents: Counter = Counter()
    for i, j in pool:
        key = _document_pair(events, i, j)
        incident = _incident_key(events[i]["event"], events[j]["event"])
        if key in seen or (per_incident and incidents[incident] >= per_incident):
            continue
        seen.add(key)
        incidents[incident] += 1
        chosen.append(("similar_text", i, j))
        if len(chosen) == count:
            break
    print(f"similar_text: {len(chosen)} of {len(pool)}", file=sys.stderr)
    return chosen


def stratified(
    events: list[dict[str, Any]], strata: dict[str, int], drawn: set[tuple[str, str]], seed: int
) -> list[tuple[str, int, int]]:
    """Pairs of events in one country at most `WINDOW_DAYS` apart, drawn at random from each
    stratum (what today's rules decide, how near the days and places are), one pair per pair of
    documents, none of `drawn`."""
    from strife import merging
    from strife.event import Event

    pools: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, j in _same_country_pairs(events):
        a, b = events[i], events[j]
        if a["id"] == b["id"]:
            continue
        gap = _gap(a["event"], b["event"])
        if gap > WINDOW_DAYS:
            continue
        region = a["event"]["admin1"] is not None and a["event"]["admin1"] == b["event"]["admin1"]
        if gap <= 1 and merging.same_incident(
            Event(**a["event"], evidence=[]), Event(**b["event"], evidence=[])
        ):
            pools["rules_same"].append((i, j))
        elif gap <= 1:
            pools["near_same_region" if region else "near_other_region"].append((i, j))
        elif region:
            pools["later_same_region"].append((i, j))
    rng = random.Random(seed)
    chosen: list[tuple[str, int, int]] = []
    for stratum, count in strata.items():
        pool = sorted(pools[stratum])
        rng.shuffle(pool)
        # One pair per pair of documents: a report's several events would make one pair count many times.
        seen: set[tuple[str, str]] = set(drawn)
        picked = 0
        for i, j in pool:
            key = _document_pair(events, i, j)
            if key in seen:
                continue
            seen.add(key)
            chosen.append((stratum, i, j))
            picked += 1
            if picked == count:
                break
        print(f"{stratum}: {picked} of {len(pool)}", file=sys.stderr)
    rng.shuffle(chosen)
    return chosen


def candidates(args: argparse.Namespace) -> int:
    events = _events(args.events)
    print(f"{len(events)} dated, placed events", file=sys.stderr)
    if args.draw == 1:
        return _write_candidates(args.out, "p", stratified(events, STRATA, set(), SEED), events)
    if args.draw == 2:
        drawn = _drawn_pairs(args.exclude) if args.exclude else set()
        return _write_candidates(args.out, "q", similar(events, drawn, SIMILAR_COUNT, SEED + 1), events)
    # Draw 3: no pair of documents that the gold holds already.
    seed = SEED + 2
    drawn = _drawn_pairs(str(GOLD))
    likely = similar(events, drawn, STRATA_3["similar_text"], seed, per_incident=2)
    drawn |= {_document_pair(events, i, j) for _, i, j in likely}
    rest = stratified(events, {k: v for k, v in STRATA_3.items() if k != "similar_text"}, drawn, seed)
    chosen = likely + rest
    random.Random(seed).shuffle(chosen)
    return _write_candidates(args.out, "r", chosen, events)


def _write_candidates(
    path: str, prefix: str, chosen: list[tuple[str, int, int]], events: list[dict[str, Any]]
) -> int:
    with open(path, "w", encoding="utf-8") as out:
        for n, (stratum, i, j) in enumerate(chosen):
            pair_id = f"{prefix}{n:03d}:{events[i]['id']}|{events[j]['id']}"
            out.write(
                json.dumps({"pair": pair_id, "stratum": stratum, "a": events[i], "b": events[j]}) + "\n"
            )
    print(f"{len(chosen)} pairs -> {path}", file=sys.stderr)
    return 0


def _read(path: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def _side(label: str, side: dict[str, Any]) -> str:
    e = side["event"]
    where = ", ".join(x for x in (e["location"], e["admin2"], e["admin1"], e["country"]) if x)
    return (
        f"--- {label}: {side['id']} ({side['file']}), published {side['published']}\n"
        f"title: {side['title']}\n"
        f"strife read: {e['event_date']}..{e['date_end']} | {e['sub_event_type']} | {where} | "
        f"{e['actor1']} vs {e['actor2']} | killed {e['fatalities']}\n"
        f"ANCHOR SENTENCE (chars {side['start']}-{side['end']}): {side['sentence']}\n"
        f"article opening:\n{side['context']}\n"
    )


def packet(args: argparse.Namespace) -> int:
    pairs = _read(args.candidates)
    batch = pairs[args.batch * PAIRS_PER_BATCH : (args.batch + 1) * PAIRS_PER_BATCH]
    for p in batch:
        print(f"=================== PAIR {p['pair']}")
        print(_side("A", p["a"]))
        print(_side("B", p["b"]))
    return 0


def _as_it_came(raw: str, start: int, end: int) -> tuple[int, int]:
    """A span of the text strife reads (invisible characters removed) in the text as it came,
    which the gold's spans are drawn on, as the document gold's are."""
    offsets = offsets_without_invisible(raw)
    first = bisect_left(offsets, start)
    while first < len(raw) and raw[first] in INVISIBLE_CHARS:
        first += 1
    return first, bisect_left(offsets, end)


def build(args: argparse.Namespace) -> int:
    pairs = {p["pair"]: p for p in _read(args.candidates)}
    coded: dict[str, dict[str, Any]] = {}
    agree = Counter()
    for path in args.coded:  # later files (the checkers') override earlier ones
        for c in _read(path):
            coded[c["pair"]] = c
            if "agree" in c:
                agree[bool(c["agree"])] += 1
    texts = {
        key: record["text"]
        for key, record in read_shared_documents(
            [p[side] for p in pairs.values() for side in ("a", "b")], near=ROOT
        ).items()
    }
    kept = []
    identical: Counter = Counter()
    for pair_id, c in coded.items():
        if pair_id not in pairs:
            raise SystemExit(f"{pair_id}: no such candidate pair")
        if c["label"] not in ("same", "different"):
            continue
        a, b = pairs[pair_id]["a"], pairs[pair_id]["b"]
        if texts[(a["file"], a["id"])].strip() == texts[(b["file"], b["id"])].strip():
            # One text under two ids: the store passes over the second copy before any merging
            # (its content hash is stored), so the pair measures nothing of the merger.
            identical[pair_id[0]] += 1
            continue
        if c.get("reason") not in REASONS:
            raise SystemExit(f"{pair_id}: reason {c.get('reason')!r} is not one of {REASONS}")
        p = pairs[pair_id]
        sides = {}
        for key in ("a", "b"):
            s = p[key]
            raw = texts[(s["file"], s["id"])]
            start, end = _as_it_came(raw, s["start"], s["end"])
            if without_invisible(raw[start:end]) != s["sentence"]:
                raise SystemExit(f"{pair_id}: side {key}'s sentence is not in its text")
            sides[key] = {
                "file": s["file"],
                "id": s["id"],
                "start": start,
                "end": end,
                "sha1": evidence_digest(raw[start:end]),
            }
        if len(c.get("note", "")) > MAX_NOTE:
            raise SystemExit(f"{pair_id}: a note of {len(c['note'])} characters; ours are at most {MAX_NOTE}")
        kept.append(
            {
                "pair": pair_id,
                "split": _split(pair_id),
                "stratum": p["stratum"],
                **sides,
                "same": c["label"] == "same",
                "reason": c["reason"],
                "note": c.get("note", ""),
            }
        )
    kept.sort(key=lambda g: g["pair"])
    # At most a few pairs of one incident: one night of strikes retold in forty reports would
    # otherwise be most of the pairs, and the measure would be of that night.
    per_incident: Counter = Counter()
    capped = []
    for g in kept:
        key = _incident_key(pairs[g["pair"]]["a"]["event"], pairs[g["pair"]]["b"]["event"])
        per_incident[key] += 1
        if per_incident[key] <= MAX_PER_INCIDENT:
            capped.append(g)
    over_cap = Counter(g["pair"][0] for g in kept) - Counter(g["pair"][0] for g in capped)
    # Earlier draws whose candidates are not given here stay as they are in the gold.
    prefixes = {pair_id[0] for pair_id in pairs}
    earlier = [g for g in _read(str(GOLD)) if g["pair"][0] not in prefixes] if GOLD.exists() else []
    manifest_path = GOLD.parent / "manifest.json"
    old_manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.exists() else {}
    kept = sorted(earlier + capped, key=lambda g: g["pair"])
    GOLD.parent.mkdir(parents=True, exist_ok=True)
    with GOLD.open("w", encoding="utf-8") as out:
        for g in kept:
            out.write(json.dumps(g, ensure_ascii=False) + "\n")
    counts = Counter(f"{g['split']} {'same' if g['same'] else 'different'}" for g in kept)
    strata_of = {1: STRATA, 2: {"similar_text": SIMILAR_COUNT}, 3: STRATA_3}
    draws = [d for d in old_manifest.get("draws", []) if d["pair_prefix"] not in prefixes]
    for draw, prefix in PREFIXES.items():
        if prefix not in prefixes:
            continue
        mine = [c for pair_id, c in coded.items() if pair_id.startswith(prefix)]
        draws.append(
            {
                "draw": draw,
                "pair_prefix": prefix,
                "seed": SEED + draw - 1,
                "strata": strata_of[draw],
                "candidates": sum(1 for pair_id in pairs if pair_id.startswith(prefix)),
                "labels": dict(Counter(c["label"] for c in mine)),
                "left_out_identical_text": identical[prefix],
                "left_out_over_incident_cap": over_cap[prefix],
                "kept": sum(1 for g in kept if g["pair"].startswith(prefix)),
            }
        )
    earlier_agree = old_manifest.get("checker_agreed", {}) if earlier else {}
    manifest = {
        "files": FILES,
        "window_days": WINDOW_DAYS,
        "draws": sorted(draws, key=lambda d: d["draw"]),
        "kept_by_split": dict(sorted(counts.items())),
        "checker_agreed": {
            "yes": agree[True] + earlier_agree.get("yes", 0),
            "no": agree[False] + earlier_agree.get("no", 0),
        },
    }
    manifest_path.write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    print(f"{len(kept)} pairs -> {GOLD}: {dict(counts)}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    c = sub.add_parser("candidates")
    c.add_argument("out")
    c.add_argument("--draw", type=int, choices=(1, 2, 3), default=1)
    c.add_argument("--events", help="cache of the pool's extracted events (made if missing)")
    c.add_argument("--exclude", help="an earlier draw's candidates: its document pairs are not drawn again")
    p = sub.add_parser("packet")
    p.add_argument("candidates")
    p.add_argument("batch", type=int)
    b = sub.add_parser("build")
    b.add_argument("candidates", help="every draw's candidates, in one file")
    b.add_argument("coded", nargs="+")
    args = parser.parse_args(argv)
    if args.command == "candidates":
        return candidates(args)
    if args.command == "packet":
        return packet(args)
    return build(args)


if __name__ == "__main__":
    sys.exit(main())
