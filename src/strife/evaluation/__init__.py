"""Measuring strife against gold: event detection and every field, as a coder is judged."""

from strife.evaluation.evaluate import EvaluationResult, evaluate_documents, evaluate_paths
from strife.evaluation.gold import GoldDocument, load_gold

__all__ = ["EvaluationResult", "GoldDocument", "evaluate_documents", "evaluate_paths", "load_gold"]
