"""A document past its time budget is skipped with that reason and the batch goes on."""

from __future__ import annotations

import threading
import time

import pytest

from strife.document import Document
from strife.pipeline import Pipeline
from strife.pipeline.budget import OverBudget, budget_from_env
from strife.runner import process


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


def test_a_timer_the_caller_set_is_left_alone():
    import signal

    fired: list[int] = []
    previous = signal.signal(signal.SIGALRM, lambda signum, frame: fired.append(signum))
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    try:
        Pipeline([Slow(), Mark()], budget_s=0.1)(Document(id="quick", text="1"))
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # still counting down for its owner
        time.sleep(0.6)
        assert fired == [signal.SIGALRM]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_the_cycle_collector_is_left_as_it_was_found():
    import gc

    seen: list[bool] = []

    class Look:
        name = "look"

        def __call__(self, doc: Document) -> None:
            seen.append(gc.isenabled())

    pipeline = Pipeline([Look()])
    assert gc.isenabled()
    pipeline(Document(id="a", text="1"))
    assert seen == [False] and gc.isenabled()  # off during the stages, on again after
    gc.disable()
    try:
        pipeline(Document(id="b", text="1"))
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
