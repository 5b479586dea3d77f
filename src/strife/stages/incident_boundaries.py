"""A learned reading of where one incident ends and the next begins.

The rules of `incidents.opening_reasons` name what the coding guide says opens another incident
(another day, another place, "in a separate attack"). Real reports also open one in words no rule
lists ("Simultaneously, urban guerrillas attacked…", "The following Sunday the residence…",
"Nearly 2,000 people gathered to protest the deaths"). A logistic model over what a sentence tells
beside the incident told so far (the rules' reasons, its opening words, whether its place, day,
kind of act and victims are the incident's) reads those.

`tools/train_incident_boundaries.py` fits it on the real-text gold's dev split (which sentences
the coders' evidence gives to which event) and on the team's coding of such decisions in reports
outside the gold (`training/incident_boundaries.jsonl`), never on the test split, and writes
`incident_boundaries.json` beside this file, with the data it used and its held-out score.
Scoring is a dictionary lookup per feature.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from strife.stages.incident_model import logistic

MODEL_PATH = Path(__file__).with_name("incident_boundaries.json")


class BoundaryModel:
    def __init__(self, data: dict[str, Any]) -> None:
        self.bias: float = data["bias"]
        self.weights: dict[str, float] = data["weights"]
        # Where a sentence the rules keep with the incident is read as opening another.
        self.threshold: float = data["threshold"]
        self.meta: dict[str, Any] = data.get("meta", {})

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> BoundaryModel:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def probability(self, feats: set[str]) -> float:
        """How likely a sentence with these features opens another incident."""
        return logistic(self.bias + sum(self.weights.get(f, 0.0) for f in feats))

    def opens(self, feats: set[str]) -> bool:
        return self.probability(feats) >= self.threshold


@cache
def boundary_model() -> BoundaryModel:
    """The shipped model, read once per process."""
    return BoundaryModel.load()
