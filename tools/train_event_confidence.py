"""Fit the confidence model of src/strife/stages/event_confidence.json.

    pip install -e '.[train]'
    python tools/train_event_confidence.py --jobs 2     # reads ../shared/data, writes the model

Data: strife's own records of the real-text gold's **dev** split (tests/corpus/real/; the test
split is never read), each labelled 1 where it matches a coded event (required or optional) as
`strife evaluate` pairs them (`strife.evaluation.matching.match_events`), 0 where it matches none.
The features are `strife.stages.event_confidence.features`: what a record shows of itself.

Held out: five folds of whole draws (every document of a draw in one fold), so that a fold's
score is that of reports coded apart from those the model learned from; the AUC by kind of report
and the precision of the records at each confidence are written into the model.
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing
import sys
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from train_incident_boundaries import dev_digest  # noqa: E402

from strife.document import Document  # noqa: E402
from strife.evaluation.gold import load_gold  # noqa: E402
from strife.evaluation.matching import match_events  # noqa: E402
from strife.pipeline import default_pipeline  # noqa: E402
from strife.stages.event_confidence import MODEL_PATH, features  # noqa: E402
from strife.stages.sentences import is_note  # noqa: E402

FOLDS = 5
C = 0.5
# Confidence bands whose held-out precision the model file records.
BANDS = (0.0, 0.5, 0.7, 0.8, 0.9)


def _read(item: tuple[Document, list[dict]]) -> list[tuple[dict[str, float], int]]:
    """strife's records of one gold document, each with its features and whether it matches a
    coded event."""
    document, gold_events = item
    events = _pipeline()(document)
    if not events:
        return []
    _, spurious, _ = match_events(events, gold_events)
    rows = features(document.text, is_note(document), events)
    return [(row, int(n not in spurious)) for n, row in enumerate(rows)]


@cache
def _pipeline() -> Any:
    return default_pipeline()


def labelled(gold_dir: Path, jobs: int) -> tuple[list[dict[str, float]], list[int], list[int], list[str]]:
    """Features, label, draw and kind of report of every record strife makes of the dev split."""
    manifest = json.loads((gold_dir / "manifest.json").read_text(encoding="utf-8"))
    draw_of = {d["id"]: d.get("draw", 1) for d in manifest["documents"]}
    golds = list(load_gold(gold_dir, split="dev"))
    items = [(g.document, g.events) for g in golds]
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        read = pool.map(_read, items, chunksize=20)
    rows, labels, draws, kinds = [], [], [], []
    for gold, records in zip(golds, read, strict=True):
        for row, label in records:
            rows.append(row)
            labels.append(label)
            draws.append(draw_of.get(gold.document.id, 1))
            kinds.append(gold.kind)
    return rows, labels, draws, kinds


def bands(probabilities: np.ndarray, labels: np.ndarray) -> list[dict[str, float]]:
    out = []
    for low in BANDS:
        chosen = probabilities >= low
        if chosen.any():
            out.append(
                {
                    "at_least": low,
                    "records": int(chosen.sum()),
                    "precision": round(float(labels[chosen].mean()), 3),
                }
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "corpus" / "real")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--jobs", type=int, default=2, help="processes for strife's reading of the dev split")
    args = parser.parse_args()
    rows, labels, draws, kinds = labelled(args.gold, args.jobs)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    y = np.array(labels)
    kind = np.array(kinds)
    order = sorted(set(draws))
    fold = np.array([order.index(d) % FOLDS for d in draws])
    held = np.zeros(len(y))
    for k in range(FOLDS):
        train, test = fold != k, fold == k
        model = LogisticRegression(C=C, max_iter=5000).fit(x[train], y[train])
        held[test] = model.predict_proba(x[test])[:, 1]
    held_out = {}
    for name in ("short", "article"):
        chosen = kind == name
        held_out[name] = {
            "records": int(chosen.sum()),
            "matched": round(float(y[chosen].mean()), 3),
            "auc": round(float(roc_auc_score(y[chosen], held[chosen])), 3),
            "by_confidence": bands(held[chosen], y[chosen]),
        }
    print(json.dumps(held_out, indent=1))
    model = LogisticRegression(C=C, max_iter=5000).fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True) if abs(w) >= 1e-4
    }
    out = {
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
        "meta": {
            "trained_on": "strife's records of the tests/corpus/real dev split, labelled by whether each matches a coded event",
            "trained_by": "tools/train_event_confidence.py",
            "gold_dev": dev_digest(args.gold),
            "records": len(y),
            "matched": int(y.sum()),
            "by_kind": dict(Counter(kinds)),
            "held_out": {"folds": f"{FOLDS} folds of whole draws", **held_out},
            "C": C,
            "log_odds_scale": "probability = 1 / (1 + exp(-(bias + sum(weight * feature))))",
        },
    }
    assert all(math.isfinite(w) for w in weights.values())
    args.out.write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out} ({len(weights)} weights)")


if __name__ == "__main__":
    main()
