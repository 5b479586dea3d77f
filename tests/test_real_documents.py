"""Codebook decisions checked on real reports where a rule was found missing. The reports stay in
../shared/data (only their ids are here), and these tests skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest

from strife import extract
from strife.evaluation.gold import SharedDataMissing, read_shared_documents

REAL = Path(__file__).parent / "corpus" / "real"


def shared_report(file: str, doc_id: str) -> dict:
    try:
        texts = read_shared_documents([{"file": file, "id": doc_id}], near=REAL)
    except SharedDataMissing:
        pytest.skip("../shared/data is not beside the checkout")
    return {**texts[(file, doc_id)], "id": doc_id}


def test_the_towns_a_rebel_radio_lists_for_its_attacks_are_clashes_of_their_own() -> None:
    # A 1989 wire: the guerrillas' "attacks were carried out in" nine departments, beside the
    # army's count of clashes; each named place is an armed clash.
    found = extract(shared_report("muc4_grit.jsonl", "muc4_grit:DEV-MUC3-0322"))
    clashes = {e.location for e in found if e.sub_event_type == "Armed clash"}
    assert {"San Salvador", "Morazan", "Usulutan", "San Miguel", "La Paz"} <= clashes
