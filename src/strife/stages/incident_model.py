"""A learned reading of one passage: does it report an incident, and of which sub-event type.

Two linear models over the passage's words and word pairs (stemmed, case-blind, numbers folded):
a detector (incident or not) and a typer (the codebook's sub-event type, given an incident).
They generalise where a phrase list cannot: "bomb kills soldier", "gunmen ambush a navy vehicle",
"lighting flaming barricades" carry the weight of their words, not of a listed phrase.

`tools/train_incident_model.py` fits both on labelled third-party data (UCDP GED headlines,
Mass Mobilization notes, Wikipedia incident descriptions, MUC-4) and unlabelled 2025 news, and
writes `incident_model.json.gz` beside this file with the data it used and its held-out scores.
Scoring is plain Python: a dictionary lookup per feature, no dependency at run time.
"""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
import math
import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("incident_model.json.gz")

WORD = re.compile(r"[a-z]+|\d[\d,.]*")
# Inflections folded so that "kills", "killed" and "killing" share a weight. Longest first.
SUFFIXES = ("ings", "ing", "ied", "ies", "ed", "es", "s")
SHORT_WORDS = 4  # "bus", "was", "has" keep their ending


# News repeats its words: a bounded cache, since numbers and names never stop coming.
@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    if word[0].isdigit():
        return "<num>"
    if len(word) <= SHORT_WORDS:
        return word
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix in ("ied", "ies"):
                return word[: -len(suffix)] + "y"
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)]
    return word


def features(text: str) -> set[str]:
    """Stemmed words and adjacent pairs of a passage; case and inflection folded."""
    words = list(map(stem, WORD.findall(text.lower())))
    found = set(words)
    found.update(f"{a} {b}" for a, b in itertools.pairwise(words))
    return found


def fold(key: str, folds: int = 5) -> int:
    """Which of `folds` folds a training example (its document id, or id#part) falls in: whole
    documents, by a digest of the id."""
    doc_id = re.split(r"[#@]", key)[0]
    return int(hashlib.sha1(doc_id.encode()).hexdigest()[:8], 16) % folds


def held_out(key: str) -> bool:
    """Whether a training example is in the held-out fifth, so that scores on third-party files
    can leave out what the model learned from."""
    return fold(key) == 0


class IncidentModel:
    def __init__(self, data: dict[str, Any]) -> None:
        detector = data["detector"]
        typer = data["typer"]
        self.detector_bias: float = detector["bias"]
        self.detector_weights: dict[str, float] = detector["weights"]
        self.classes: list[str] = typer["classes"]
        self.typer_bias: list[float] = typer["bias"]
        self.typer_weights: dict[str, list[float]] = typer["weights"]
        reason = data.get("reason") or {"classes": [], "bias": [], "weights": {}}
        self.reasons: list[str] = reason["classes"]
        self.reason_bias: list[float] = reason["bias"]
        self.reason_weights: dict[str, list[float]] = reason["weights"]
        self.meta: dict[str, Any] = data.get("meta", {})

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> IncidentModel:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return cls(json.load(f))

    def incident_probability(self, feats: set[str]) -> float:
        weights = self.detector_weights
        return logistic(self.detector_bias + sum(weights.get(f, 0.0) for f in feats))

    def sub_event_types(self, feats: set[str]) -> list[tuple[str, float]]:
        """Every sub-event type the typer knows with its probability, most likely first."""
        return _softmax(self.classes, self.typer_bias, self.typer_weights, feats)

    def reason(self, feats: set[str]) -> str:
        """Why a passage is no incident, as the team's coding of news says: statistic, accident,
        disaster, epidemic, crime, sport or talk."""
        if not self.reasons:
            return "talk"
        return _softmax(self.reasons, self.reason_bias, self.reason_weights, feats)[0][0]


def logistic(z: float) -> float:
    """A linear model's score as a probability, the score clamped where `exp` would overflow."""
    return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


def _softmax(
    classes: list[str], bias: list[float], weights: dict[str, list[float]], feats: set[str]
) -> list[tuple[str, float]]:
    scores = list(bias)
    for f in feats:
        row = weights.get(f)
        if row is not None:
            for i, w in enumerate(row):
                scores[i] += w
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return sorted(zip(classes, (e / total for e in exps), strict=True), key=lambda p: -p[1])


@cache
def incident_model() -> IncidentModel:
    """The shipped model, read once per process."""
    return IncidentModel.load()
