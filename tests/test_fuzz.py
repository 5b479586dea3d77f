"""Generated and mutated inputs through readers → pipeline → every writer: nothing escapes as an
exception, and every input comes out as a document or a skip with its reason.

The long runs are `benchmarks/fuzz.py` (a million documents); here a few of its seeded rounds
and a property-based run of the pipeline over text Hypothesis builds, derandomised so that CI
is reproducible.
"""

from __future__ import annotations

import importlib.util
import io
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from strife.api import extract
from strife.document import Document
from strife.pipeline import default_pipeline
from strife.runner import _process
from strife.writers import WRITERS, make_writer

ROOT = Path(__file__).resolve().parents[1]


def _harness():
    spec = importlib.util.spec_from_file_location("strife_fuzz_harness", ROOT / "benchmarks" / "fuzz.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


FUZZ = _harness()
PIPELINE = default_pipeline()

WORDS = st.sampled_from(
    [*FUZZ.ACTORS, *FUZZ.VERBS, *FUZZ.VICTIMS, *FUZZ.PLACES, *FUZZ.WHEN, *FUZZ.TAILS, *FUZZ.HOSTILE[:-3]]
)
TEXTS = st.one_of(
    st.lists(WORDS, min_size=1, max_size=40).map(" ".join),
    st.text(min_size=1, max_size=400),
    st.lists(st.one_of(WORDS, st.text(max_size=12)), min_size=1, max_size=30).map("".join),
)


def _written(events) -> None:
    for fmt in WRITERS:
        writer = make_writer(fmt, io.StringIO())
        for event in events:
            writer.write(event)
        writer.close()


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=st.sampled_from([None, "2025-03-10", "1900-01-01"]))
def test_any_text_comes_out_as_events_or_a_reason(text, published):
    outcome = _process(PIPELINE, Document(id="generated", text=text, published=published))
    assert outcome.skipped is None or outcome.skipped.startswith("extraction stopped")
    _written(outcome.events)


@pytest.mark.parametrize("number", range(4))
def test_seeded_rounds_of_the_harness(number, tmp_path):
    result = FUZZ.run_round(17, number, 25, out=tmp_path)
    assert not result.crashes, result.crashes[0]
    assert not result.unaccounted, result.unaccounted
    assert result.documents + result.skipped >= 25


@pytest.mark.parametrize(
    "text",
    [
        # Once a KeyError ('u.s') in the actors stage: the abbreviation with no final full stop.
        "A suicide bomber blew himself up near a U.S military vehicle in Diyala",
        "Gunmen attacked the U.S",
        "U.S",
        # Once quadratic: a capitalised token of thousands of letters, hyphenated or not.
        "Gunmen killed two in Kalat. " + "A" * 20_000,
        "Gunmen killed two in Kalat. " + "Al-Qaeda-linked-" * 1_000,
    ],
)
def test_texts_that_once_broke_a_stage(text):
    events = extract(text, published="2025-03-10")
    _written(events)
