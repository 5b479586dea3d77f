"""A document past its time budget is skipped with that reason and the batch goes on; the
spans a stage has taken answer as the list they replace did."""

from __future__ import annotations

import random
import threading
import time

import pytest

from strife.document import Document
from strife.pipeline import Pipeline
from strife.pipeline.budget import OverBudget, budget_from_env
from strife.runner import process
from strife.stages.taken_spans import TakenSpans


class Slow:
    """A stage that loops for as long as the document's text says (in hundredths of a second)."""

    name = "slow"

    def __call__(self, doc: Document) -> None:
        end = time.monotonic() + int(doc.text) / 100
        while time.monotonic() < end:
            pass


class Mark:
    name = "mark"

    def __call__(self, doc: Document) -> None:
        doc.annotations.facts["marked"] = True


def test_an_overrunning_stage_is_interrupted_and_the_batch_goes_on():
    pipeline = Pipeline([Slow(), Mark()], budget_s=0.2)
    started = time.monotonic()
    outcomes = list(process([Document(id="slow", text="500"), Document(id="quick", text="1")],
                            pipeline_factory=lambda: pipeline))  # fmt: skip
    assert time.monotonic() - started < 3  # interrupted inside the stage, not after its 5 s
    assert outcomes[0].skipped == "extraction stopped: took longer than the 0.2 s a document may take"
    assert outcomes[1].skipped is None


def test_off_the_main_thread_the_budget_is_kept_between_stages():
    pipeline = Pipeline([Slow(), Mark()], budget_s=0.1)
    raised: list[BaseException] = []
    doc = Document(id="slow", text="30")

    def run() -> None:
        try:
            pipeline(doc)
        except OverBudget as err:
            raised.append(err)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert len(raised) == 1 and "marked" not in doc.annotations.facts


def test_the_budget_from_the_environment(monkeypatch):
    monkeypatch.delenv("STRIFE_DOCUMENT_BUDGET_S", raising=False)
    assert budget_from_env() == 60.0
    monkeypatch.setenv("STRIFE_DOCUMENT_BUDGET_S", "2.5")
    assert budget_from_env() == 2.5
    monkeypatch.setenv("STRIFE_DOCUMENT_BUDGET_S", "0")
    assert budget_from_env() is None
    for bad in ("soon", "-1", "inf", "nan"):
        monkeypatch.setenv("STRIFE_DOCUMENT_BUDGET_S", bad)
        with pytest.raises(ValueError, match="STRIFE_DOCUMENT_BUDGET_S"):
            budget_from_env()


def test_taken_spans_answer_as_a_list_of_spans_would():
    rng = random.Random(7)
    for _ in range(2000):
        taken, plain = TakenSpans(), []
        for _ in range(rng.randint(1, 30)):
            start = rng.randint(0, 80)
            end = start + rng.randint(0, 10)
            expected = any(start < e and s < end for s, e in plain)
            assert taken.overlaps(start, end) == expected, (plain, start, end)
            if end > start and rng.random() < 0.6:
                plain.append((start, end))
                taken.add(start, end)
