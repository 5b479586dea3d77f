"""The country a report's words point to where it names no place: sentences here are our own;
the model's held-out scores on labelled third-party text are in its metadata and in
docs/country-words.md."""

from __future__ import annotations

import pytest

from conftest import gold_digest
from strife import extract
from strife.stages.country_words import country_words, features

PEGIDA = (
    "Thousands of supporters of the Pegida movement marched again on Monday evening, chanting "
    "against Chancellor Angela Merkel and the refugees her government had let in."
)


def test_features_are_names_not_the_words_of_every_report() -> None:
    found = features(
        "Police fired tear gas at students protesting against President Yoweri Museveni on Monday."
    )
    assert {"yoweri", "museveni", "yoweri museveni", "president yoweri"} <= found
    # Words of any report, weekdays and the countries' own names are no cue.
    assert not found & {"police", "tear gas", "tear", "students", "monday"}
    assert features("Pakistani jets struck near the Afghan border") == set()
    # Where the text has its capitals, a name has one: a rare common word is no name.
    assert features("The blast of a gas canister shook the Pahalgam hotel") == {
        "pahalgam",
        "the pahalgam",
        "pahalgam hotel",
    }
    # "al-Nu'man" is a name by its capital after the article.
    assert "al-nu’man" in features("Aerial bombardment kills 39 in Ma’arrat al-Nu’man")
    # Small letters alone, or Spanish, give no capitals to go by.
    assert {"gardai", "asesinan", "balazos"} <= features("gardai") | features(
        "Asesinan a balazos a un hombre"
    )


def test_the_shipped_model_names_its_data_and_held_out_scores() -> None:
    model = country_words()
    assert model is not None
    meta = model.meta
    assert meta["sources"] == [
        "mass_mobilization.jsonl",
        "ucdp_ged_world.jsonl",
        "ucdp_ged_pakistan.jsonl",
        "wiki_terror_incidents.jsonl",
    ]
    assert meta["held_out"] > 5000 and meta["examples"] > 20000
    # Where it answers on held-out records, it is right at least this often.
    answered = meta["held_out_by_threshold"][f"{model.sure:.2f}"]
    assert answered["right"] >= 0.98 and answered["answered"] > 0.5


def test_the_model_was_fitted_without_every_drawn_document_of_the_gold() -> None:
    model = country_words()
    assert model is not None
    assert model.meta["gold_left_out"] == gold_digest(), "refit after a draw: tools/train_country_words.py"


def test_a_report_placed_by_its_leader_and_movement_is_in_their_country() -> None:
    (event,) = extract(PEGIDA, published="2016-01-18")
    assert event.country == "Germany" and event.iso3 == "DEU"
    assert event.actor1 == "Protesters (Germany)"
    assert event.location is None or event.location == "Germany"


def test_words_of_any_report_place_nothing() -> None:
    (event,) = extract(
        "Police fired tear gas at students protesting against the president.", published="2016-01-18"
    )
    assert event.country is None


def test_a_killing_the_words_alone_place_is_still_nobodys() -> None:
    # The neighbourhood's kind of name is Mexican to the model, but names no place strife knows:
    # a death with no place, no side and no one who did it is crime, not an event.
    text = "Body of a murdered man found in Fraccionamiento Villas del Sol"
    model = country_words()
    assert model is not None and model.guess(text) is not None
    assert extract(text, published="2021-03-04") == []


def test_the_country_the_words_point_to_counts_as_named_for_a_small_namesake_abroad(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # "Caleta" is a village of Peru to the gazetteer. Where a report's words place it in Mexico,
    # as they do the headlines of Mexico's killings, no small namesake abroad is its place.
    class Sure:
        def guess(self, text: str) -> tuple[str, float]:
            return ("MEX", 0.99)

    text = "Gunmen shot dead two police officers in Caleta"
    (before,) = extract(text, published="2023-03-07")
    assert (before.location, before.country) == ("Caleta", "Peru")
    monkeypatch.setattr("strife.stages.places.country_words", lambda: Sure())
    (event,) = extract(text, published="2023-03-07")
    assert event.country == "Mexico" and event.location != "Caleta"
