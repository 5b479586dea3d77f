"""Merging reports of one incident, measured against UCDP GED's grouping of its sources.

    python benchmarks/merge_ucdp.py [--data ../shared/data/ucdp_ged_pakistan.jsonl] [--jobs 4] [--json]

Data: UCDP GED Pakistan (read in place, never copied). A UCDP event that cites several articles is
a "multi-headline event"; 671 records have more than one headline, of which 32 are flagged
`meta.generic_headline` (digest titles: "Pakistan April 2020", timelines) and are excluded, as
strife's evaluator excludes them: 639 events remain.

Reports: each headline of those events is a report of its own, published on its own source date
and by its own outlet, both read from `gold_extra.source_article` ("Outlet,YYYY-MM-DD,Headline";
…), which keeps headlines that contain ';' whole (`meta.headlines` splits them). UCDP cites one
article for several events (one wire story telling of shelling in three villages); the same
headline from the same outlet on the same date is one report, belonging to every UCDP event that
cites it: 1,689 headlines, 1,479 reports.

Clustering, as the event store does it: reports arrive in order of publication (ties: data order);
each event of a report (`strife.extract`) is compared with the stored events in the store's
window (`merging.in_window`: the same iso3, dates within a day, or within three where the later
report is dated only by its publication; an event with no country is no one's candidate, as in
`strife.store.matching`), leaving out events that already hold
this report (a report's own events are separate incidents by the extractor's decision); it joins
the first candidate that `strife.merging` accepts (`merging.ranked_matches`), folded in with
`merge_into`, else it is stored as a new event; the other candidates it accepts are joined to
that event where `merging` finds them its incident too and no report tells them apart (the
store's `join`: clusters, not chains).

Pairwise scoring, over pairs of reports:
- gold-same: the two reports are cited by a common UCDP event;
- predicted-same: some event of one and some event of the other ended in one stored event.
A report that yields several events is one report (any of its events can join it to another); a
report that yields no event can join nothing. The headline figures are over the reports that
yielded at least one event (the merger's own job); the "all reports" row keeps the reports with
no event as never merged, which lowers recall only (the extractor's misses).

Baselines, over the same pairs: every report alone (nothing merged), all in one (precision = the
share of pairs that are gold-same), and "window only": merge whenever the store's candidate window
holds, with no rule of `merging` — what the rules add over the window.
The ceiling joins a candidate exactly when it holds a report of the same UCDP event: the best any
rules can do with these extracted events and this window. The gold pairs left apart are counted
by why: the window (no country in one report, two countries, dates too far apart) or the
rules.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import combinations, count
from pathlib import Path

from strife import merging
from strife.api import extract_many
from strife.event import Event

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "ucdp_ged_pakistan.jsonl"
_ARTICLE = re.compile(r"^(.*?),(\d{4}-\d{2}-\d{2}),(.*)$", re.S)


@dataclass
class Report:
    id: str
    headline: str
    published: str
    source: str
    order: int
    gold: set[str] = field(default_factory=set)
    events: list[Event] = field(default_factory=list)


def _articles(record: dict) -> list[tuple[str, str, str]]:
    """(outlet, date, headline) of each cited article, from `source_article` where it parses."""
    text = (record.get("gold_extra") or {}).get("source_article") or ""
    text = text.strip()
    if text.startswith('"') and text.endswith('"'):
        parts = [_ARTICLE.match(item) for item in text[1:-1].split('";"')]
        if parts and all(parts):
            return [(m.group(1), m.group(2), m.group(3).strip()) for m in parts if m]
    meta = record["meta"]
    outlets = record.get("source", "").split(";")
    dates = meta.get("source_dates") or []
    return [
        (
            outlets[n] if len(outlets) == len(meta["headlines"]) else record.get("source", ""),
            dates[n] if len(dates) == len(meta["headlines"]) else record["published"],
            headline.strip(),
        )
        for n, headline in enumerate(meta["headlines"])
    ]


def load_reports(path: Path) -> tuple[list[Report], dict[str, int]]:
    by_key: dict[tuple[str, str, str], Report] = {}
    counts = {"multi_headline_events": 0, "excluded_generic": 0, "events": 0, "headlines": 0}
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            record = json.loads(line)
            meta = record.get("meta") or {}
            if len(meta.get("headlines") or []) < 2:
                continue
            counts["multi_headline_events"] += 1
            if meta.get("generic_headline"):
                counts["excluded_generic"] += 1
                continue
            counts["events"] += 1
            for outlet, date, headline in _articles(record):
                counts["headlines"] += 1
                key = (headline, date, outlet)
                if key not in by_key:
                    by_key[key] = Report(f"r{len(by_key)}", headline, date, outlet, len(by_key))
                by_key[key].gold.add(record["id"])
    reports = sorted(by_key.values(), key=lambda r: (r.published, r.order))
    return reports, counts


def extract_reports(reports: list[Report], jobs: int) -> None:
    by_id = {r.id: r for r in reports}
    records = (
        {"id": r.id, "text": r.headline, "published": r.published, "source": r.source} for r in reports
    )
    for event in extract_many(records, jobs=jobs):
        by_id[event.doc_id].events.append(event)


# A chooser: the candidates a new event joins, the one it merges into first; the store also
# joins it the others where they tell its incident (`strife.store.ingest`: clusters, not chains).
Chooser = Callable[[Event, list[Event]], list[Event]]


def cluster(reports: list[Report], choose: Chooser) -> dict[str, set[int]]:
    """Report id → the stored events (cluster numbers) its events ended in."""
    stored: dict[int, Event] = {}
    told: dict[int, list[Event]] = {}  # each stored event's reports' own events, in order
    members: dict[str, set[int]] = defaultdict(set)
    numbers = count()
    for report in reports:
        for event in report.events:
            candidates = [
                (n, s)
                for n, s in stored.items()
                if merging.in_window(s, event) and report.id not in s.doc_ids
            ]
            chosen = choose(event, [s for _, s in candidates]) if candidates else []
            if not chosen:
                n = next(numbers)
                stored[n], told[n] = event, [event]
                members[report.id].add(n)
                continue
            number = {id(s): n for n, s in candidates}
            n = number[id(chosen[0])]
            stored[n] = merging.merge_into(chosen[0], event)
            told[n].append(event)
            members[report.id].add(n)
            for other in chosen[1:]:
                m = number[id(other)]
                if set(stored[n].doc_ids) & set(other.doc_ids) or not merging.same_incident(stored[n], other):
                    continue  # one report told them apart, or they are not one incident
                for folded in told.pop(m):
                    stored[n] = merging.merge_into(stored[n], folded)
                    told[n].append(folded)
                del stored[m]
                for clusters in members.values():
                    if m in clusters:
                        clusters.discard(m)
                        clusters.add(n)
    return members


def _merging_choice(event: Event, candidates: list[Event]) -> list[Event]:
    return [candidate for candidate, _ in merging.ranked_matches(event, candidates)]


def _window_choice(event: Event, candidates: list[Event]) -> list[Event]:
    return candidates[:1]


def _oracle_choice(reports: list[Report]) -> Chooser:
    """The ceiling: the first candidate that holds a report of the same UCDP event."""
    gold = {r.id: r.gold for r in reports}

    def choose(event: Event, candidates: list[Event]) -> list[Event]:
        mine = gold[event.doc_id]
        return [c for c in candidates if any(gold[d] & mine for d in c.doc_ids)][:1]

    return choose


def _pairs_from_groups(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    pairs: set[tuple[str, str]] = set()
    for group in groups:
        pairs.update(combinations(sorted(set(group)), 2))
    return pairs


def score(
    ids: list[str], predicted: set[tuple[str, str]], gold: set[tuple[str, str]]
) -> dict[str, float | int]:
    keep = set(ids)
    gold = {p for p in gold if p[0] in keep and p[1] in keep}
    predicted = {p for p in predicted if p[0] in keep and p[1] in keep}
    tp = len(predicted & gold)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(gold) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "reports": len(keep),
        "pairs": len(keep) * (len(keep) - 1) // 2,
        "gold_pairs": len(gold),
        "predicted_pairs": len(predicted),
        "true_pairs": tp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
    }


def _predicted_pairs(members: dict[str, set[int]]) -> set[tuple[str, str]]:
    by_cluster: dict[int, list[str]] = defaultdict(list)
    for report_id, clusters in members.items():
        for n in clusters:
            by_cluster[n].append(report_id)
    return _pairs_from_groups(by_cluster.values())


def all_in_one(ids: list[str], gold: set[tuple[str, str]]) -> dict[str, float | int]:
    keep = set(ids)
    n = len(keep)
    gold_n = len({p for p in gold if p[0] in keep and p[1] in keep})
    total = n * (n - 1) // 2
    precision = gold_n / total if total else 0.0
    f1 = 2 * precision / (precision + 1) if precision else 0.0
    return {"reports": n, "pairs": total, "gold_pairs": gold_n, "predicted_pairs": total,
            "true_pairs": gold_n, "precision": precision, "recall": 1.0, "f1": f1}  # fmt: skip


def run(path: Path, jobs: int) -> dict:
    start = time.perf_counter()
    reports, counts = load_reports(path)
    extract_reports(reports, jobs)
    extracted = time.perf_counter()
    by_gold: dict[str, list[str]] = defaultdict(list)
    for report in reports:
        for gold_id in report.gold:
            by_gold[gold_id].append(report.id)
    gold = _pairs_from_groups(by_gold.values())
    members = cluster(reports, _merging_choice)
    clustered = time.perf_counter()
    window = _predicted_pairs(cluster(reports, _window_choice))
    oracle = _predicted_pairs(cluster(reports, _oracle_choice(reports)))
    predicted = _predicted_pairs(members)
    with_events = [r.id for r in reports if r.events]
    every = [r.id for r in reports]
    rows = {
        "strife.merging": score(with_events, predicted, gold),
        "strife.merging, all reports": score(every, predicted, gold),
        "baseline: each alone": score(with_events, set(), gold),
        "baseline: all in one": all_in_one(with_events, gold),
        "baseline: window only": score(with_events, window, gold),
        "ceiling: window + gold": score(with_events, oracle, gold),
    }
    events = sum(len(r.events) for r in reports)
    return {
        "data": str(path),
        **counts,
        "reports": len(reports),
        "reports_with_events": len(with_events),
        "extracted_events": events,
        "stored_events": len({n for c in members.values() for n in c}),
        "rows": rows,
        "missed_gold_pairs": missed(reports, predicted, gold),
        "seconds_extract": round(extracted - start, 2),
        "seconds_merge": round(clustered - extracted, 2),
    }


def missed(
    reports: list[Report], predicted: set[tuple[str, str]], gold: set[tuple[str, str]]
) -> dict[str, int]:
    """Why the gold pairs of reports with events were not merged: the store's window left them
    apart (no country in one report, two countries, dates too far apart), or the rules
    of `strife.merging` did."""
    events = {r.id: r.events for r in reports if r.events}
    reasons: dict[str, int] = defaultdict(int)
    for x, y in gold - predicted:
        if x not in events or y not in events:
            continue
        pairs = [(a, b) for a in events[x] for b in events[y]]
        if any(merging.in_window(a, b) for a, b in pairs):
            reasons["in the window: merging said no"] += 1
        elif any(a.iso3 == b.iso3 for a, b in pairs):
            reasons["dates too far apart"] += 1
        elif any(not a.iso3 or not b.iso3 for a, b in pairs):
            reasons["no country in one report"] += 1
        else:
            reasons["two countries"] += 1
    return dict(sorted(reasons.items(), key=lambda item: -item[1]))


def table(result: dict) -> str:
    lines = [
        f"{result['events']} UCDP events with several headlines ({result['excluded_generic']} generic "
        f"excluded): {result['headlines']} headlines, {result['reports']} reports, "
        f"{result['reports_with_events']} with events; {result['extracted_events']} events extracted "
        f"→ {result['stored_events']} stored",
        "",
        f"{'':30} {'reports':>7} {'pairs':>9} {'gold':>6} {'pred':>6} {'prec':>6} {'recall':>6} {'F1':>6}",
    ]
    for name, row in result["rows"].items():
        lines.append(
            f"{name:30} {row['reports']:7} {row['pairs']:9} {row['gold_pairs']:6} {row['predicted_pairs']:6} "
            f"{row['precision']:6.3f} {row['recall']:6.3f} {row['f1']:6.3f}"
        )
    lines += [
        "",
        "gold pairs not merged: " + ", ".join(f"{k} {v}" for k, v in result["missed_gold_pairs"].items()),
    ]
    lines += [f"seconds: extract {result['seconds_extract']}, merge {result['seconds_merge']}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    result = run(args.data, args.jobs)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
