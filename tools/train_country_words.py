"""Fit the country-from-words model of src/strife/stages/country_words.json.gz.

    pip install -e '.[train]'
    python tools/train_country_words.py            # reads ../shared/data, writes the model

Labelled third-party data, each record's text against the country its coders gave:

- Mass Mobilization notes (CC0): the country of each protest (1990-2020, none in the US).
- UCDP GED headlines (Pakistan and world, CC BY 4.0): the country of each event.
- Wikipedia incident descriptions (CC BY-SA): the country of each incident.

Left out: every document of the real-text gold (tests/corpus/real/, dev and test, every draw),
and the held-out fifth by a hash of the id (`held_out`), on which the scores below are measured
and which `benchmarks/unseen_samples.py` reads as records no model learned from. Country names
of the labels that are no country today ("USSR", "Czechoslovakia") are left out; those that name
a part of one ("West Bank", "Northern Ireland") count for it.

A multinomial logistic regression over the names `features` reads in a text and the word pairs
that hold them (binary, seen in at least MIN_DF records). Weights under PRUNE in size are dropped, which keeps the file small
and costs little (the held-out scores are of the pruned model). `sure`, the probability the
places stage needs before it takes the model's country, is the lowest at which the pruned model
is right on at least SURE_ACCURACY of the held-out records it answers.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from train_incident_model import gold_digest, gold_ids  # noqa: E402  (the same gold left out)

from strife.evaluation.gold import find_shared_data, read_shared_records  # noqa: E402
from strife.stages.country_words import MODEL_PATH, features  # noqa: E402
from strife.stages.incident_model import held_out  # noqa: E402
from strife.stages.places import country_iso3  # noqa: E402

FILES = (
    "mass_mobilization.jsonl",
    "ucdp_ged_world.jsonl",
    "ucdp_ged_pakistan.jsonl",
    "wiki_terror_incidents.jsonl",
)
# The labels' names of a country's part, or of its former name, that pycountry lacks.
LABEL_NAMES = {
    "West Bank": "PSE",
    "Gaza Strip": "PSE",
    "Palestinian Territories": "PSE",
    "Northern Ireland": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Slovak Republic": "SVK",
    "Timor Leste": "TLS",
    "Germany East": "DEU",
    "Germany West": "DEU",
    "West Germany": "DEU",
    "Republic of Ireland": "IRL",
    "United Arab Emirate": "ARE",
    "Republic of Macedonia": "MKD",
    "Southern Sudan": "SSD",
    "Serbia and Montenegro": "SRB",
    "Republic of the Congo": "COG",
    "Congo Brazzaville": "COG",
    "Congo Kinshasa": "COD",
    "Ivory Coast": "CIV",
    "Kingdom of eSwatini (Swaziland)": "SWZ",
    "Bosnia-Herzegovina": "BIH",
}
MIN_DF = 3
C = 20.0
PRUNE = 0.15
SURE_ACCURACY = 0.98


def label_iso3(name: str) -> str | None:
    """A label's country: "Myanmar (Burma)" is Myanmar, "DR Congo (Zaire)" the DR Congo."""
    return LABEL_NAMES.get(name) or country_iso3(name) or country_iso3(re.sub(r"\s*\(.*", "", name))


def examples(shared: Path) -> tuple[list[str], list[str], list[bool], Counter[str]]:
    texts, labels, held, unmapped = [], [], [], Counter()
    left_out = gold_ids()
    for file in FILES:
        for record in read_shared_records(shared / file):
            text = (record.get("text") or "").strip()
            name = (record.get("gold") or {}).get("country")
            if record["id"] in left_out or not text or not name:
                continue
            iso3 = label_iso3(name)
            if iso3 is None:
                unmapped[name] += 1
                continue
            texts.append(text)
            labels.append(iso3)
            held.append(held_out(record["id"]))
    return texts, labels, held, unmapped


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    shared = find_shared_data()
    texts, labels, held, unmapped = examples(shared)
    x, y, h = np.array(texts, dtype=object), np.array(labels), np.array(held)
    vectorizer = CountVectorizer(analyzer=features, min_df=MIN_DF, binary=True)
    train = vectorizer.fit_transform(x[~h])
    # Each country weighs alike: the files cover some far more than others (Mexico, Syria), which
    # says nothing of where a new report is.
    model = LogisticRegression(C=C, max_iter=300)
    model.fit(train, y[~h])
    weights = np.where(np.abs(model.coef_) >= PRUNE, model.coef_, 0.0)
    scores = vectorizer.transform(x[h]) @ weights.T + model.intercept_
    scores -= scores.max(axis=1, keepdims=True)
    probabilities = np.exp(scores)
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    predicted = model.classes_[probabilities.argmax(axis=1)]
    confidence = probabilities.max(axis=1)
    right = predicted == y[h]
    table = {}
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        answered = confidence >= threshold
        table[f"{threshold:.2f}"] = {
            "answered": round(float(answered.mean()), 3),
            "right": round(float(right[answered].mean()), 3),
        }
    sure = min(
        (float(t) for t, row in table.items() if row["right"] >= SURE_ACCURACY),
        default=0.95,
    )
    names = vectorizer.get_feature_names_out()
    sparse: dict[str, list[list[float]]] = {}
    for column in np.flatnonzero(np.abs(weights).max(axis=0) > 0):
        rows = np.flatnonzero(weights[:, column])
        sparse[str(names[column])] = [[int(r), round(float(weights[r, column]), 3)] for r in rows]
    meta = {
        "sources": list(FILES),
        "examples": int((~h).sum()),
        "held_out": int(h.sum()),
        "countries": len(model.classes_),
        "features_kept": len(sparse),
        "held_out_accuracy": round(float(right.mean()), 3),
        "held_out_by_threshold": table,
        "labels_left_out": dict(unmapped.most_common()),
        "gold_left_out": gold_digest(gold_ids()),
        "min_df": MIN_DF,
        "C": C,
        "prune": PRUNE,
    }
    data = {
        "classes": [str(c) for c in model.classes_],
        "bias": [round(float(b), 4) for b in model.intercept_],
        "weights": sparse,
        "sure": sure,
        "meta": meta,
    }
    with gzip.open(args.out, "wt", encoding="utf-8") as f:
        json.dump(data, f, separators=(",", ":"))
    print(json.dumps({**meta, "sure": sure}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
