"""Spanish headlines, as Mexico's press writes them, read as their English twins would be. The
sentences are our own."""

from __future__ import annotations

import pytest

from strife import extract
from strife.stages.spanish import reads_spanish


@pytest.mark.parametrize(
    ("text", "sub_event_type", "dead", "location"),
    [
        ("Matan a dos hombres en Celaya, Guanajuato", "Attack", 2, "Celaya"),
        ("Matan con granada a policía en Villahermosa", "Grenade", 1, "Villahermosa"),
        (
            "Enfrentamiento entre sicarios y militares deja seis muertos en Culiacán",
            "Armed clash",
            6,
            "Culiacán",
        ),
        ("Localizan los cuerpos de tres hombres y una mujer en Fresnillo", "Attack", 4, "Fresnillo"),
        ("Asesinan al regidor de Zitácuaro en su domicilio", "Attack", 1, "Zitacuaro"),
        ("Joven es asesinado a balazos en Irapuato", "Attack", 1, "Irapuato"),
        # A headline's present in the singular: one squad kills.
        ("Comando irrumpe en taller y mata a 3 en Apatzingán", "Attack", 3, "Apatzingán"),
        ("Uruapan: comando acribilla a un hombre en la colonia Centro", "Attack", 1, "Uruapan"),
    ],
)
def test_a_spanish_headline_is_an_incident(text: str, sub_event_type: str, dead: int, location: str) -> None:
    (event,) = extract(text, published="2022-05-09")
    assert (event.sub_event_type, event.fatalities, event.location) == (sub_event_type, dead, location)
    assert event.country == "Mexico"


def test_the_hurt_are_counted_apart_from_the_dead() -> None:
    (event,) = extract(
        "Asesinan a balazos a 3 personas y lesionan a otras 4 en Tijuana", published="2022-05-09"
    )
    assert (event.fatalities, event.injured) == (3, 4)


def test_killings_counted_over_a_span_are_a_tally() -> None:
    assert extract("Suman 14 homicidios en el fin de semana en León", published="2022-05-09") == []
    assert extract("Matan a 12 en tres días en Hermosillo", published="2022-05-09") == []
    # A wave of killings, told as one: its dead are many incidents'.
    assert extract("Ola de violencia deja 9 muertos en Celaya", published="2022-05-09") == []


def test_english_that_names_a_spanish_cartel_is_english() -> None:
    assert not reads_spanish("The Cartel de Sinaloa killed two police officers in Culiacan.")
    assert not reads_spanish("Clashes in El Fasher left 12 dead.")
    assert reads_spanish("Matan a dos hombres en Uruapan")
