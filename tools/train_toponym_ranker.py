"""Train the toponym ranker: which of a name's homonyms a text means.

For every recognised name with more than one gazetteer entry, the places stage computes
features per entry (`strife.places.recognise.entry_features`); the gold coordinates of the
toponym corpora say which entry is right (the nearest one, if within 161 km). A conditional
logit (a softmax over each name's entries, L2-penalised) is fitted to that, and its weights are
written to `src/strife/places/ranker.toml`, which the stage reads with no dependency.

Honest validation: leave one corpus out (train on three, score the fourth end to end with
`strife evaluate --toponyms`'s scorer); the shipped weights are then fitted on all of them.

    pip install -e '.[train]'   # numpy and scipy; only this script needs them
    python tools/train_toponym_ranker.py ../shared/data/geoparsing/*.jsonl

The corpora are dev data: only the learned weights are kept, never their text.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from scipy.optimize import minimize

import strife.places.recognise as recognise
from strife.evaluation.gold import GoldDocument, load_gold
from strife.evaluation.names import haversine_km
from strife.evaluation.toponyms import ACCURACY_KM, evaluate_toponyms, scored
from strife.pipeline import default_pipeline

FEATURES = (
    "log_population", "largest", "population_share", "admin1", "admin2", "unit_named",
    "unit_word_unsaid", "main_country", "other_country", "country_share", "foreign_log_population",
    "region_named", "region_settled", "region_settled_log", "admin1_in_text", "admin1_shared",
    "nearest_log_km", "no_others", "within_100km", "within_500km", "exact_name", "names_around",
    "names_around_weighted", "names_in_province", "names_in_province_weighted", "names_in_district",
    "names_in_district_weighted", "capital", "seat_named_alike", "sibling_units_named",
)  # fmt: skip

Group = tuple[np.ndarray, int]  # features of each entry, the index of the right one


def collect(docs: list[GoldDocument]) -> list[Group]:
    """The ranked names of `docs` that a gold toponym with coordinates overlaps, as groups."""
    seen: list[tuple[recognise.Candidate, tuple, list[dict[str, float]]]] = []
    original_rank, original_ranker = recognise._rank, recognise.ranker

    def watch(candidate, pool, features, names, weights):  # type: ignore[no-untyped-def]
        seen.append((candidate, pool, features))
        return original_rank(candidate, pool, features, names, weights)

    recognise._rank = watch
    # The shipped weights where they fit these features, so that the names are placed as they
    # will be; even weights otherwise (the features do not depend on them).
    current = original_ranker()
    # A feature added since they were fitted weighs nothing until the next fit.
    if current is not None and FEATURES[: len(current[0])] == current[0]:
        model = (FEATURES, current[1] + (0.0,) * (len(FEATURES) - len(current[0])))
    else:
        model = (FEATURES, (0.0,) * len(FEATURES))
    recognise.ranker = lambda: model  # type: ignore[assignment]
    groups: list[Group] = []
    pipeline = default_pipeline()
    try:
        for gold in docs:
            seen.clear()
            pipeline.annotate(gold.document)
            for toponym in filter(scored, gold.toponyms):
                start, end = int(toponym["start"]), int(toponym["end"])
                lat, lon = float(toponym["lat"]), float(toponym["lon"])
                for candidate, pool, features in seen:
                    if not (candidate.start < end and start < candidate.end):
                        continue
                    errors = [
                        haversine_km(e.latitude, e.longitude, lat, lon)
                        if e.latitude is not None
                        else math.inf
                        for e in pool
                    ]
                    best = min(range(len(pool)), key=errors.__getitem__)
                    if errors[best] <= ACCURACY_KM:
                        matrix = np.array([[f[name] for name in FEATURES] for f in features], dtype=float)
                        groups.append((matrix, best))
                    break
    finally:
        recognise._rank, recognise.ranker = original_rank, original_ranker
    return groups


def fit(groups: list[Group], l2: float = 1.0) -> np.ndarray:
    """Weights of a conditional logit over the groups (features standardised while fitting,
    the weights given back for the raw features)."""
    stacked = np.vstack([m for m, _ in groups])
    scale = stacked.std(axis=0)
    scale[scale == 0] = 1.0
    scaled = [(m / scale, y) for m, y in groups]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total, grad = 0.5 * l2 * w @ w, l2 * w.copy()
        for m, y in scaled:
            s = m @ w
            s -= s.max()
            p = np.exp(s)
            z = p.sum()
            p /= z
            total -= s[y] - math.log(z)
            grad -= m[y] - p @ m
        return total, grad

    result = minimize(loss, np.zeros(len(FEATURES)), jac=True, method="L-BFGS-B")
    return result.x / scale


def top1(groups: list[Group], weights: np.ndarray) -> float:
    return sum(int(np.argmax(m @ weights)) == y for m, y in groups) / len(groups) if groups else 0.0


def end_to_end(docs: list[GoldDocument], weights: np.ndarray | None) -> dict[str, Any]:
    """The scorer's figures for `docs` with these weights (None: the hand-set scores)."""
    original = recognise.ranker
    model: Callable[[], Any] = (lambda: None) if weights is None else (lambda: (FEATURES, tuple(weights)))
    recognise.ranker = model  # type: ignore[assignment]
    try:
        return evaluate_toponyms(docs).as_dict()
    finally:
        recognise.ranker = original


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpora", nargs="+", type=Path)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=recognise.RANKER_FILE, help="where to write")
    args = parser.parse_args()
    docs = {path.stem: [d for d in load_gold(path) if d.toponyms] for path in args.corpora}
    groups = {name: collect(corpus) for name, corpus in docs.items()}
    held_out = {}
    for name in docs:
        train = [g for other, gs in groups.items() if other != name for g in gs]
        weights = fit(train, args.l2)
        before, after = end_to_end(docs[name], None), end_to_end(docs[name], weights)
        held_out[name] = {
            "ranked_names": len(groups[name]),
            "top1_ranked": round(top1(groups[name], weights), 3),
            "accuracy_161km_hand_set": before["accuracy_161km"],
            "accuracy_161km_held_out": after["accuracy_161km"],
        }
        print(name, held_out[name], flush=True)
    weights = fit([g for gs in groups.values() for g in gs], args.l2)
    lines = [
        "# The toponym ranker's weights: a conditional logit over each name's gazetteer entries,",
        "# written by tools/train_toponym_ranker.py; src/strife/places/recognise.py reads them.",
        f"# Trained on {', '.join(sorted(docs))} (L2 {args.l2}). Held out, one corpus at a time",
        "# (trained on the others), accuracy within 161 km with the hand-set scores and then these:",
    ]
    for name, figures in held_out.items():
        lines.append(
            f"#   {name}: {figures['accuracy_161km_hand_set']} -> {figures['accuracy_161km_held_out']}"
            f" (first choice right for {figures['top1_ranked']} of {figures['ranked_names']} ranked names)"
        )
    lines += [
        "",
        "[weights]",
        *(f"{name} = {float(w):.6f}" for name, w in zip(FEATURES, weights, strict=True)),
    ]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
