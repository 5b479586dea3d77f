"""Streaming: memory stays flat however long the JSONL, with one process and with several."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SCRIPT = textwrap.dedent(
    """
    import resource, sys
    from strife.readers import read_inputs
    from strife.pipeline import empty_pipeline
    from strife.runner import process
    from strife.writers import make_writer

    path, jobs = sys.argv[1], int(sys.argv[2])
    writer = make_writer("jsonl", open("/dev/null", "w"))
    count = 0
    for outcome in process(read_inputs([path]), jobs=jobs, pipeline_factory=empty_pipeline):
        count += 1
        for event in outcome.events:
            writer.write(event)
    print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    """
)


def _corpus(path: Path, count: int) -> None:
    # ~3 KB a document. The frame is what streams or not; the stages are measured elsewhere.
    filler = "The district administration said schools would reopen next week. " * 40
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            text = f"Two soldiers were killed in a clash with militants in Kalat district on Monday. {filler}"
            out.write(json.dumps({"id": f"d{n}", "text": text, "published": "2025-02-01"}) + "\n")


def _peak_kib(path: Path, jobs: int) -> tuple[int, int]:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path), str(jobs)], capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), int(out[1])


@pytest.mark.parametrize("jobs", [1, 2])
def test_memory_is_flat(tmp_path: Path, jobs: int) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    _corpus(small, 2_000)
    _corpus(large, 20_000)  # ~60 MB of text: held in memory it would show
    count_small, peak_small = _peak_kib(small, jobs)
    count_large, peak_large = _peak_kib(large, jobs)
    assert (count_small, count_large) == (2_000, 20_000)
    assert peak_large - peak_small < 6 * 1024, (peak_small, peak_large)
