"""The learned weights of "these two reports tell one incident" (`strife.merging`).

A logistic model over the evidence `merging.pair_features` measures for a pair of events (how
their places relate, their types, actors, tolls, the days between them and the words their
evidence shares). Its weights are fitted by `tools/train_merge_model.py` on pairs whose answer
is known (UCDP GED's grouping of its sources outside Pakistan, and our coded dev pairs of real
news) and written to `merge_model.toml`, which is read here with no dependency. The decision it
makes is explained by the features that pushed it most (`MergeModel.reasons`), which the store
keeps in the history of every merge.
"""

from __future__ import annotations

import math
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

MODEL_PATH = Path(__file__).with_name("merge_model.toml")


class MergeModelError(ValueError):
    """The weights file is missing a feature the matcher measures, or names one it does not."""


@dataclass(frozen=True, slots=True)
class MergeModel:
    weights: dict[str, float]
    bias: float
    threshold: float  # the probability from which two events are taken for one incident

    def score(self, features: dict[str, float]) -> float:
        return self.bias + sum(self.weights[name] * value for name, value in features.items())

    def probability(self, features: dict[str, float]) -> float:
        score = self.score(features)
        return 1.0 / (1.0 + math.exp(-score)) if score > -700 else 0.0

    def reasons(self, features: dict[str, float], top: int = 4) -> list[str]:
        """The features that said yes most (largest positive contributions), most first."""
        pushes = sorted(
            ((self.weights[name] * value, name) for name, value in features.items()), reverse=True
        )
        return [name for push, name in pushes[:top] if push > 0]

    def check(self, names: Iterable[str]) -> None:
        """Raise `MergeModelError` unless the weights are for exactly these features."""
        names = set(names)
        missing, unknown = names - self.weights.keys(), self.weights.keys() - names
        if missing or unknown:
            raise MergeModelError(
                f"{MODEL_PATH.name} does not fit the features measured: "
                f"missing {sorted(missing)}, unknown {sorted(unknown)}; run tools/train_merge_model.py"
            )


def read_model(path: Path) -> MergeModel:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return MergeModel(
        weights={name: float(value) for name, value in data["weights"].items()},
        bias=float(data["bias"]),
        threshold=float(data["threshold"]),
    )


@cache
def merge_model() -> MergeModel:
    """The shipped model (read once)."""
    return read_model(MODEL_PATH)


__all__ = ["MODEL_PATH", "MergeModel", "MergeModelError", "merge_model", "read_model"]
