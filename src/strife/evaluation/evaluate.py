"""Run extraction over gold documents and score it."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from strife.evaluation.gold import GoldDocument, load_gold
from strife.evaluation.matching import agreement, match_events
from strife.evaluation.metrics import Scores
from strife.event import Event
from strife.runner import process


@dataclass
class EvaluationResult:
    name: str
    scores: Scores

    def as_dict(self) -> dict[str, Any]:
        return {"gold": self.name, **self.scores.as_dict()}


def _evidence(event: Event, field: str | None = None) -> list[dict[str, Any]]:
    return [e.model_dump() for e in event.evidence if field is None or e.field == field]


def _summary(event: Event) -> dict[str, Any]:
    data = event.model_dump(mode="json", exclude={"evidence", "doc_ids", "notes"})
    return {k: v for k, v in data.items() if v not in (None, [], "")}


def _write_errors(
    stream: TextIO,
    gold_doc: GoldDocument,
    predicted: list[Event],
    pairs: list[tuple[int, int, Any]],
    spurious: list[int],
    missed: list[int],
    wrong: dict[int, list[str]],
    dropped: list[dict[str, Any]] | None = None,
) -> None:
    doc = gold_doc.document
    base = {"doc_id": doc.id, "origin": doc.origin, "dataset": gold_doc.dataset}
    for g in missed:
        gold = gold_doc.events[g]
        nearest = max(predicted, key=lambda p: agreement(p, gold).score, default=None)
        record = {**base, "error": "missed", "gold": gold,
                  "nearest_prediction": _summary(nearest) if nearest else None,
                  "evidence": _evidence(nearest) if nearest else [],
                  "text": doc.text[:600]}  # fmt: skip
        # Why strife left the incident out, where it saw it and dropped it: the reason kept for
        # each dropped sentence that overlaps the gold event's evidence.
        spans = [(e["start"], e["end"]) for e in gold.get("evidence") or [] if "start" in e]
        why = [d for d in dropped or [] if any(d["start"] < end and start < d["end"] for start, end in spans)]
        if why:
            record["dropped"] = why
        stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    for p in spurious:
        record = {**base, "error": "spurious", "predicted": _summary(predicted[p]),
                  "evidence": _evidence(predicted[p]), "text": doc.text[:600]}  # fmt: skip
        stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    for p, g, _ in pairs:
        for field in wrong.get(p, []):
            pred = predicted[p]
            value = pred.model_dump(mode="json").get(field)
            if field == "actor_categories":
                value = [pred.inter1, pred.inter2]
            record = {**base, "error": "field", "field": field,
                      "gold_value": gold_doc.events[g].get(field), "predicted_value": value,
                      "gold": gold_doc.events[g], "predicted": _summary(pred),
                      "evidence": _evidence(pred, field) or _evidence(pred)}  # fmt: skip
            stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")


def evaluate_documents(
    gold_docs: Iterable[GoldDocument], *, name: str = "gold", jobs: int = 1, errors: TextIO | None = None
) -> EvaluationResult:
    scores = Scores()
    judged: list[GoldDocument] = []
    for gold_doc in gold_docs:
        if gold_doc.excluded:
            scores.excluded += 1
        else:
            judged.append(gold_doc)
    started = time.perf_counter()
    outcomes = process((g.document for g in judged), jobs=jobs)
    for gold_doc, outcome in zip(judged, outcomes, strict=True):
        scores.documents += 1
        scores.failed += outcome.skipped is not None
        predicted = outcome.events
        pairs, spurious, missed = match_events(predicted, gold_doc.events)
        optional = [g for g in missed if gold_doc.events[g].get("optional")]
        missed = [g for g in missed if not gold_doc.events[g].get("optional")]
        scores.optional_missed += len(optional)
        scores.tp += len(pairs)
        scores.fp += len(spurious)
        scores.fn += len(missed)
        required = sum(not e.get("optional") for e in gold_doc.events)
        scores.add_document(
            gold_doc.kind or gold_doc.dataset, len(pairs), len(spurious), len(missed), required
        )
        text = gold_doc.document.text
        wrong = {p: scores.add_pair(predicted[p], gold_doc.events[g], text) for p, g, _ in pairs}
        if errors is not None:
            if outcome.skipped is not None:
                errors.write(json.dumps({"doc_id": gold_doc.document.id, "origin": gold_doc.document.origin,
                                         "dataset": gold_doc.dataset, "error": "failed",
                                         "reason": outcome.skipped}, ensure_ascii=False) + "\n")  # fmt: skip
            _write_errors(errors, gold_doc, predicted, pairs, spurious, missed, wrong, outcome.dropped)
    scores.seconds = time.perf_counter() - started
    return EvaluationResult(name, scores)


def evaluate_paths(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    errors: TextIO | None = None,
    limit: int | None = None,
    split: str | None = None,
    draw: int | None = None,
) -> list[EvaluationResult]:
    results = []
    for path in paths:
        docs = load_gold(path, split=split, draw=draw)
        if limit is not None:
            docs = (doc for n, doc in enumerate(docs) if n < limit)
        results.append(evaluate_documents(docs, name=str(path), jobs=jobs, errors=errors))
    return results
