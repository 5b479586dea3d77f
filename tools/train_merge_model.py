"""Train the same-incident model: which pairs of events from two reports tell one incident.

For every pair of events from two different reports that the store would compare
(`merging.in_window`) and the codebook does not rule out (`merging.veto`), the matcher
measures `merging.pair_features`. Pairs whose answer is known:

- UCDP GED outside Pakistan (../shared/data/ucdp_ged_world.jsonl: Syria, Mexico, Myanmar and
  others): each headline of an event that cites several is a report, extracted as
  `benchmarks/merge_ucdp.py` does; two reports are one incident when a UCDP event cites both.
  Pakistan's UCDP events are left out: `benchmarks/merge_ucdp.py` scores on them, held out.
- Our coded dev pairs of real news (tests/corpus/real/merge_pairs, split "dev"); the test
  pairs are never read here.

A logistic regression (L2, C=1) is fitted on both, the dev pairs weighted up (`--dev-weight`)
since they are the news strife reads; the threshold is the highest whose F1 on the dev pairs in
5-fold cross-validation is within `F1_TIE` of the best (a dev pair the codebook rules out counts
as "apart"): where F1 cannot tell thresholds apart, the more precise one, since a wrong merge
hides an incident inside another while a missed one leaves a duplicate a reviewer can see.
The weights are written to src/strife/merge_model.toml, which `strife.merge_model` reads with
no dependency; only weights are kept, never text.

    pip install -e '.[train]'
    python tools/train_merge_model.py [--jobs 2]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from strife import merging
from strife.api import to_document
from strife.evaluation.gold import read_shared_documents
from strife.event import Event
from strife.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parents[1]
WORLD = ROOT.parent / "shared" / "data" / "ucdp_ged_world.jsonl"
OUT = ROOT / "src" / "strife" / "merge_model.toml"
THRESHOLDS = [round(0.05 * n, 2) for n in range(4, 17)]
F1_TIE = 0.005


def _benchmark(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _weighed(a: Event, b: Event) -> bool:
    return merging.veto(a, b) is None


def world_pairs(path: Path, jobs: int) -> tuple[list[dict[str, float]], list[bool]]:
    merge_ucdp = _benchmark("merge_ucdp")
    reports, _ = merge_ucdp.load_reports(path)
    merge_ucdp.extract_reports(reports, jobs)
    by_country: dict[str, list[tuple[Any, Event]]] = defaultdict(list)
    for report in reports:
        for event in report.events:
            if event.iso3 and event.event_date is not None:
                by_country[event.iso3].append((report, event))
    features, labels = [], []
    for events in by_country.values():
        events.sort(key=lambda item: item[1].event_date)
        for n, (first, a) in enumerate(events):
            for second, b in events[n + 1 :]:
                if (b.event_date - a.date_end).days > merging.LATER_REPORT_DAYS:
                    break
                if first.id != second.id and _weighed(a, b):
                    features.append(merging.pair_features(a, b))
                    labels.append(bool(first.gold & second.gold))
    return features, labels


def dev_pairs() -> tuple[list[dict[str, float] | None], list[bool]]:
    """Features of each dev pair (None where one side is not extracted or the codebook rules the
    pair out), and its gold answer."""
    merge_pairs = _benchmark("merge_pairs")
    pairs = merge_pairs.load_pairs("dev")
    records = read_shared_documents([p[k] for p in pairs for k in "ab"], near=ROOT)
    pipeline = default_pipeline()
    events = {key: pipeline(to_document(record, key[1])) for key, record in records.items()}
    features: list[dict[str, float] | None] = []
    for pair in pairs:
        a, b = (
            merge_pairs.side_event(
                events[(pair[k]["file"], pair[k]["id"])],
                *merge_pairs.strife_span(records[(pair[k]["file"], pair[k]["id"])]["text"], pair[k]),
            )
            for k in "ab"
        )
        features.append(merging.pair_features(a, b) if a and b and _weighed(a, b) else None)
    return features, [bool(p["same"]) for p in pairs]


def prf(gold: np.ndarray, predicted: np.ndarray) -> tuple[float, float, float]:
    tp = int((gold & predicted).sum())
    precision = tp / int(predicted.sum()) if predicted.any() else 1.0
    recall = tp / int(gold.sum()) if gold.any() else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if tp else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--world", type=Path, default=WORLD)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--dev-weight", type=float, default=10.0)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    names = list(merging.FEATURE_WORDS)

    world_features, world_labels = world_pairs(args.world, args.jobs)
    dev_features, dev_labels = dev_pairs()
    weighed = [n for n, f in enumerate(dev_features) if f is not None]
    X = np.array(
        [[f[name] for name in names] for f in [*world_features, *(dev_features[n] for n in weighed)]]
    )
    y = np.array([*world_labels, *(dev_labels[n] for n in weighed)])
    weight = np.array([1.0] * len(world_labels) + [args.dev_weight] * len(weighed))
    is_dev = np.array([False] * len(world_labels) + [True] * len(weighed))

    # Cross-validated probabilities for every weighed pair, to choose the threshold and report.
    held_out = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(X, y):
        fold = LogisticRegression(C=1.0, max_iter=5000).fit(X[train], y[train], sample_weight=weight[train])
        held_out[test] = fold.predict_proba(X[test])[:, 1]
    dev_gold = np.array(dev_labels)

    def dev_scores(threshold: float) -> tuple[float, float, float]:
        predicted = np.zeros(len(dev_labels), dtype=bool)
        predicted[weighed] = held_out[is_dev] >= threshold
        return prf(dev_gold, predicted)

    best = max(dev_scores(t)[2] for t in THRESHOLDS)
    threshold = max(t for t in THRESHOLDS if dev_scores(t)[2] >= best - F1_TIE)
    model = LogisticRegression(C=1.0, max_iter=5000).fit(X, y, sample_weight=weight)
    world_cv = prf(y[~is_dev], held_out[~is_dev] >= threshold)
    dev_cv = dev_scores(threshold)

    lines = [
        "# The same-incident model's weights: a logistic regression over merging.pair_features,",
        "# written by tools/train_merge_model.py; src/strife/merge_model.py reads them.",
        f"# Trained on {len(world_labels):,} pairs of UCDP GED reports outside Pakistan "
        f"({sum(world_labels):,} one incident) and {len(weighed)} coded dev pairs of real news",
        f"# ({sum(dev_labels[n] for n in weighed)} one incident; weight {args.dev_weight:g}). "
        f"Threshold: the most precise within {F1_TIE} of the best dev F1 in 5-fold cross-validation.",
        f"# Cross-validated at {threshold}: UCDP pairs P {world_cv[0]:.3f} R {world_cv[1]:.3f} "
        f"F1 {world_cv[2]:.3f}; all {len(dev_labels)} dev pairs P {dev_cv[0]:.3f} R {dev_cv[1]:.3f} "
        f"F1 {dev_cv[2]:.3f}.",
        "# Held out (never trained on): benchmarks/merge_ucdp.py (UCDP Pakistan) and the test pairs.",
        "",
        f"bias = {model.intercept_[0]:.6f}",
        f"threshold = {threshold}",
        "",
        "[weights]",
        *(f"{name} = {weight:.6f}" for name, weight in zip(names, model.coef_[0], strict=True)),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
