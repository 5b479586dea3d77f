"""Scoring place recognition and resolution on toponym corpora (LGL, GeoWebNews, TR-News,
GeoVirus): recall of gold spans, accuracy within 161 km (100 miles, the field's standard), and
the mean and median error of resolved toponyms."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from strife.document import Mention
from strife.evaluation.gold import GoldDocument
from strife.evaluation.names import haversine_km
from strife.pipeline import Pipeline, default_pipeline

ACCURACY_KM = 161.0
# GeoWebNews also annotates what is not a place name: common nouns ("the city", "farmers"),
# names that only look like places, and languages. A gold toponym is scored when its corpus
# calls it a place and gives it coordinates, as the geocoding literature scores these corpora.
NOT_TOPONYMS = frozenset({"Literal_Expression", "Non_Lit_Expression", "Non_Toponym", "Language"})


def scored(toponym: dict[str, Any]) -> bool:
    """Whether a gold toponym is a place with coordinates, which resolution can be scored on."""
    return toponym.get("type") not in NOT_TOPONYMS and toponym.get("lat") is not None


@dataclass
class ToponymScores:
    documents: int = 0
    gold: int = 0
    found: int = 0
    predicted: int = 0
    errors_km: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        within = sum(e <= ACCURACY_KM for e in self.errors_km)
        return {
            "documents": self.documents,
            "gold_toponyms": self.gold,
            "predicted_places": self.predicted,
            "span_recall": round(self.found / self.gold, 3) if self.gold else None,
            # Over every gold toponym: one not found or not resolved is a miss.
            "accuracy_161km": round(within / self.gold, 3) if self.gold else None,
            "resolved": len(self.errors_km),
            "mean_error_km": round(statistics.fmean(self.errors_km), 1) if self.errors_km else None,
            "median_error_km": round(statistics.median(self.errors_km), 1) if self.errors_km else None,
            "documents_per_second": round(self.documents / self.seconds, 1) if self.seconds else None,
        }


def _coordinates(mention: Mention) -> tuple[float, float] | None:
    lat = getattr(mention.value, "latitude", None)
    lon = getattr(mention.value, "longitude", None)
    return (lat, lon) if lat is not None and lon is not None else None


def evaluate_toponyms(gold_docs: Iterable[GoldDocument], pipeline: Pipeline | None = None) -> ToponymScores:
    pipeline = pipeline or default_pipeline()
    scores = ToponymScores()
    started = time.perf_counter()
    for gold_doc in gold_docs:
        if not gold_doc.toponyms:
            continue
        doc = pipeline.annotate(gold_doc.document)
        places = doc.layer("places")
        scores.documents += 1
        scores.predicted += len(places)
        for toponym in filter(scored, gold_doc.toponyms):
            scores.gold += 1
            start, end = int(toponym["start"]), int(toponym["end"])
            hits = [m for m in places if m.start < end and start < m.end]
            if not hits:
                continue
            scores.found += 1
            point = next((c for m in hits if (c := _coordinates(m))), None)
            if point is not None:
                scores.errors_km.append(
                    haversine_km(point[0], point[1], float(toponym["lat"]), float(toponym["lon"]))
                )
    scores.seconds = time.perf_counter() - started
    return scores
