"""The first-pass stages on sentences of our own, written the way South Asian and wire
outlets write them."""

from __future__ import annotations

import datetime as dt

import pytest

from strife import extract
from strife.document import Document
from strife.pipeline import default_pipeline
from strife.stages.dateline import parse_dateline
from strife.stages.numbers import parse_number, quantity

PUBLISHED = dt.date(2025, 2, 1)  # a Saturday


def annotate(text: str, published: dt.date | None = PUBLISHED) -> Document:
    doc = Document(text=text, published=published)
    default_pipeline().annotate(doc)
    return doc


@pytest.mark.parametrize(
    ("phrase", "value"),
    [("eighteen", 18), ("twenty-one", 21), ("a dozen", 12), ("half a dozen", 6), ("1,200", 1200),
     ("three hundred", 300), ("12", 12), ("one hundred and forty-seven", 147),
     ("two thousand three hundred and five", 2305)],
)  # fmt: skip
def test_number_words(phrase: str, value: int) -> None:
    assert parse_number(phrase) == (value, False)


def test_a_toll_in_words_past_a_hundred_is_read_whole() -> None:
    (attack,) = extract(
        "Gunmen stormed a university in Garissa on Monday. One hundred and forty-seven students were "
        "reported killed.",
        published="2025-03-04",
    )
    assert attack.fatalities == 147


def test_vague_numbers_are_marked() -> None:
    assert parse_number("several") == (3, True)
    assert quantity("10", "at least").qualifier == "min"
    between = quantity("10", None, "15")
    assert (between.low, between.high) == (10, 15)


@pytest.mark.parametrize(
    ("text", "place", "date", "agency"),
    [
        ("01 Feb (GulistanNewsTv): On the night of ...", None, dt.date(2025, 2, 1), "GulistanNewsTv"),
        ("ISLAMABAD, Feb 1 (Reuters) - Pakistan said ...", "Islamabad", dt.date(2025, 2, 1), "Reuters"),
        ("ISLAMABAD, Aug 25 (APP):Federal Interior Minister ...", "Islamabad", dt.date(2024, 8, 25), "APP"),
        ("PESHAWAR: Police said on Sunday ...", "Peshawar", None, None),
        ("LOWER DIR/KOHAT: Elders staged a protest ...", "Lower Dir/Kohat", None, None),
    ],
)
def test_datelines(text: str, place: str | None, date: dt.date | None, agency: str | None) -> None:
    dateline, _, _ = parse_dateline(text, PUBLISHED)
    assert (dateline.place, dateline.date, dateline.agency) == (place, date, agency)


def test_ordinary_sentence_is_no_dateline() -> None:
    assert parse_dateline("Police said: three men were held.", PUBLISHED) is None


def test_sentences_respect_abbreviations() -> None:
    doc = annotate("Lt. Col. Ahmed was killed in Kalat. Two soldiers were hurt.\n\nA second paragraph.")
    texts = [m.text(doc) for m in doc.layer("sentences")]
    assert texts == ["Lt. Col. Ahmed was killed in Kalat.", "Two soldiers were hurt.", "A second paragraph."]


def test_each_line_of_a_list_of_headlines_is_a_sentence_of_its_own() -> None:
    doc = annotate("Clashes in the countryside of Idlib\n58 people were killed yesterday\nTruce talks resume")
    texts = [m.text(doc) for m in doc.layer("sentences")]
    assert texts == [
        "Clashes in the countryside of Idlib",
        "58 people were killed yesterday",
        "Truce talks resume",
    ]
    # A line wrapped mid-clause ends on a comma, and goes on.
    doc = annotate("Clashes in Idlib killed,\n58 people on Monday.")
    assert len(doc.layer("sentences")) == 1


def _dates(text: str) -> list[tuple[dt.date, dt.date, int, str]]:
    doc = annotate(text)
    return [(m.value.start, m.value.end, m.value.precision, m.value.basis) for m in doc.layer("dates")]


def test_night_spanning_two_days() -> None:
    assert _dates("On the night of January 31 and February 1, militants attacked.") == [
        (dt.date(2025, 1, 31), dt.date(2025, 2, 1), 1, "explicit")
    ]
    # ISPR's way: "the night of 22/23 January".
    assert _dates("On the night of 22/23 January, troops engaged infiltrators.") == [
        (dt.date(2025, 1, 22), dt.date(2025, 1, 23), 1, "explicit")
    ]


def test_weekday_resolves_to_most_recent_not_future() -> None:
    # Published Saturday 1 Feb 2025: "on Tuesday" is 28 January, "on Saturday" the same day.
    assert _dates("Gunmen opened fire on Tuesday.")[0][:2] == (dt.date(2025, 1, 28),) * 2
    assert _dates("A blast hit the market on Saturday.")[0][0] == dt.date(2025, 2, 1)


def test_a_day_and_month_weeks_after_the_report_is_to_come_not_last_years() -> None:
    # Published 1 Feb 2025: "on February 14" is a day to come, no date of a told act; "January
    # 20" is this year's, "March 30" (two months on) still to come, "October 5" last year's.
    assert _dates("Traders will strike on February 14 against the tax.") == []
    assert _dates("Traders will strike on February 2 against the tax.") == []
    assert _dates("Traders will strike on 30 March against the tax.") == []
    assert _dates("Traders went on strike on January 20.")[0][0] == dt.date(2025, 1, 20)
    assert _dates("Traders went on strike on October 5.")[0][0] == dt.date(2024, 10, 5)


def test_a_weekday_told_as_the_day_of_what_is_to_come_is_no_date() -> None:
    # Published Saturday 1 Feb 2025: "on Monday" in a clause of what will be is no past Monday.
    assert _dates("He said he would go to the White House on Monday to meet the president.") == []
    assert _dates("Talks are due to resume on Tuesday in Doha.") == []
    assert _dates("Militants attacked a checkpoint on Tuesday.")[0][0] == dt.date(2025, 1, 28)


def test_relative_phrases() -> None:
    # A night runs from the evening before to the day of writing.
    assert _dates("The attack took place last night.")[0][:3] == (
        dt.date(2025, 1, 31),
        dt.date(2025, 2, 1),
        1,
    )
    assert _dates("The attack took place yesterday.")[0][:2] == (dt.date(2025, 1, 31),) * 2
    assert _dates("Eleven soldiers were martyred two days ago.")[0][:2] == (dt.date(2025, 1, 30),) * 2
    # Printed on Saturday, written on Friday: its sources "said on Friday", and "yesterday" is
    # Thursday.
    assert (
        _dates("Police said on Friday that the attack took place yesterday.")[1][:2]
        == (dt.date(2025, 1, 30),) * 2
    )
    assert _dates("Three clashes were reported earlier this week.")[0][2] == 2
    assert _dates("Protests began last month.")[0][:3] == (dt.date(2025, 1, 1), dt.date(2025, 1, 31), 3)


def test_yearless_date_never_in_the_future() -> None:
    # "December 30" read on 1 February 2025 is 30 December 2024.
    assert _dates("The convoy was ambushed on December 30.")[0][0] == dt.date(2024, 12, 30)


def _casualties(text: str) -> list[tuple[int, str, str]]:
    doc = annotate(text)
    return [(m.value.count.value, m.value.outcome, m.value.party) for m in doc.layer("casualties")]


def test_left_counts_only_the_dead_or_hurt() -> None:
    assert _casualties("The blast left 11 people dead.") == [(11, "killed", "unknown")]
    assert _casualties("The blast left 5 people injured.") == [(5, "injured", "unknown")]
    assert _casualties("The strike left 900 residents without power.") == []


def test_casualties_split_by_party() -> None:
    found = _casualties("The clash resulted in the deaths of 18 security personnel and 12 terrorists.")
    assert found == [(18, "killed", "state"), (12, "killed", "armed")]


def test_casualties_in_words_and_injuries() -> None:
    found = _casualties(
        "Eighteen soldiers and twelve militants were killed, and four civilians were injured."
    )
    assert found == [(18, "killed", "state"), (12, "killed", "armed"), (4, "injured", "civilian")]


def test_martyred_and_toll() -> None:
    found = _casualties("Three policemen were martyred. The death toll later rose to 7.")
    assert found == [(3, "killed", "state"), (7, "killed", "total")]


def test_extract_totals_versus_parts() -> None:
    text = (
        "QUETTA: A bomb blast at a crowded market in Quetta on Friday killed 30 people, "
        "including 18 soldiers, police said."
    )
    (event,) = extract(text, published="2025-02-01")
    assert event.fatalities == 30
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.event_date == dt.date(2025, 1, 31)


def test_extract_skips_aggregate_statistics() -> None:
    text = "In 2024, 685 security personnel were killed in 444 terrorist attacks across the country."
    assert extract(text, published="2025-02-01") == []


def test_extract_no_event_in_unrelated_news() -> None:
    text = "The provincial cabinet approved the annual development budget on Tuesday, officials said."
    assert extract(text, published="2025-02-01") == []


def test_extract_two_incidents() -> None:
    text = (
        "PESHAWAR: Two policemen were shot dead by unidentified gunmen in Bannu on Monday, police said. "
        "In a separate incident on Wednesday, a roadside bomb wounded three soldiers in North Waziristan district."
    )
    first, second = extract(text, published="2025-02-01")
    assert (first.event_date, first.fatalities) == (dt.date(2025, 1, 27), 2)
    assert (second.event_date, second.fatalities, second.injured) == (dt.date(2025, 1, 29), 0, 3)
    assert second.sub_event_type == "Remote explosive/landmine/IED"
    assert second.admin2 == "North Waziristan"


def test_evidence_points_into_the_text() -> None:
    text = "Gunmen killed four labourers in Turbat on Sunday, police said."
    (event,) = extract(text, published="2025-02-01")
    for item in event.evidence:
        assert text[item.start : item.end] == item.text
    assert {"fatalities", "event_date"} <= {item.field for item in event.evidence}
    assert event.sub_event_type == "Attack"
    assert event.deaths_civilians == 4


def test_dateline_with_country_and_titled_place() -> None:
    dateline, _, _ = parse_dateline(
        "RAIPUR, India, April 17 (Reuters) - Security forces ...", dt.date(2024, 4, 17)
    )
    assert (dateline.place, dateline.date, dateline.agency) == ("Raipur", dt.date(2024, 4, 17), "Reuters")
    dateline, _, _ = parse_dateline(
        "Kinshasa, 16 June 2022 (Example Wire) - Police ...", dt.date(2022, 6, 16)
    )
    assert dateline.date == dt.date(2022, 6, 16)


def test_the_day_something_was_said_is_not_the_event_day() -> None:
    text = (
        "ISLAMABAD: The interior minister said on Wednesday that the suicide attack on a convoy "
        "near Besham on Tuesday killed five foreign engineers and their driver."
    )
    (event,) = extract(text, published="2024-03-27")
    assert event.event_date == dt.date(2024, 3, 26)
    assert event.sub_event_type == "Suicide bomb"


def test_foreign_forces_are_external_actors() -> None:
    text = "Russian missiles struck a market in Kostiantynivka in Ukraine on Tuesday, killing 16 civilians."
    (event,) = extract(text, published="2023-09-07")
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert (event.actor1, event.inter1) == ("Military Forces of Russia", 8)
    assert event.deaths_civilians == 16


def test_forces_of_any_country_named_by_its_people_are_that_countrys() -> None:
    # Every country's demonym, not a list of the usual ones: German troops in Afghanistan are
    # external forces, the Salvadoran army at home is the state's.
    (event,) = extract(
        "A roadside bomb struck a German army convoy near Kunduz on Monday, killing two soldiers.",
        published="2010-03-22",
    )
    assert (event.actor2, event.inter2) == ("Military Forces of Germany", 8)
    (event,) = extract(
        "Salvadoran army troops clashed with FMLN guerrillas in San Miguel on Monday.", published="1989-03-22"
    )
    assert ("Military Forces of El Salvador", 1) in {
        (event.actor1, event.inter1),
        (event.actor2, event.inter2),
    }


def test_accidents_make_no_event() -> None:
    text = "CHILAS: At least 20 passengers lost their lives when a coach plunged into a ravine on Tuesday."
    assert extract(text, published="2024-05-04") == []


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Bomb disposal experts defused an explosive device planted near a school in Bannu on Monday.",
         "Disrupted weapons use"),
        ("The army said on Sunday it had recaptured the town of Lalibela from the rebels.",
         "Government regains territory"),
        ("Al-Shabaab fighters seized control of the town of Mahas on Friday after troops withdrew.",
         "Non-state actor overtakes territory"),
        ("Police fired tear gas to disperse hundreds of traders protesting in Karachi on Monday.",
         "Protest with intervention"),
        ("Hundreds of lawyers staged a peaceful rally in Quetta on Monday against the killing of a colleague.",
         "Peaceful protest"),
        ("Militants torched a girls' school in Diamer district on Friday night; no one was hurt, police said.",
         "Looting/property destruction"),
    ],
)  # fmt: skip
def test_sub_event_types(text: str, sub_event_type: str) -> None:
    events = extract(text, published="2025-02-04")
    assert [e.sub_event_type for e in events] == [sub_event_type]


@pytest.mark.parametrize(
    ("pattern", "literal"),
    [
        (r"Tehr[ei]e?e?k-?[ie]-?Taliban(?:-e)? Pakistan", "pakistan"),
        (r"\bDaesh\b(?!.s? Khorasan)", "daesh"),
        # A word in a lookaround, even in a group of its own, is no part of the match.
        (r"\bFARC\b(?![- ](?i:dissident))", "farc"),
        (r"(?i:al[- ]?Shabaa?b)", "shaba"),
        (r"Islamic State (?:West Africa|in West Africa)(?: Province)?", "islamic"),
        (r"\bIS-?KP?\b", None),
        (r"Houthis?\b|Ansar Allah", None),
    ],
)
def test_required_literal_is_in_every_match(pattern: str, literal: str | None) -> None:
    from strife.stages.lexicon import required_literal

    assert required_literal(pattern) == literal


def test_notes_say_what_happened_in_plain_words_for_every_sub_event_type() -> None:
    import datetime as dt

    from strife.stages.event_notes import NOTE_PHRASES, write_note
    from strife.taxonomy import SUB_EVENT_TYPES

    assert set(NOTE_PHRASES) == set(SUB_EVENT_TYPES)
    day = dt.date(2025, 3, 3)
    strike = write_note(
        day, "Air/drone strike", "Military Forces of Israel", "Civilians (Palestine)", "Gaza", 5, None
    )
    assert strike == (
        "On 3 March 2025, Military Forces of Israel carried out an air or drone strike on Civilians (Palestine) "
        "in Gaza; 5 killed."
    )
    ied = write_note(
        day, "Remote explosive/landmine/IED", "Unidentified Armed Group (Pakistan)", None, "Bannu", 0, 2
    )
    assert "set off a remote explosive, landmine or IED" in ied and ied.endswith("2 injured.")
    for sub in SUB_EVENT_TYPES:
        note = write_note(day, sub, "A", "B", None, 0, None)
        assert "/" not in note and " a a" not in note and " ied" not in note, note


def test_headline_victims_the_noun_table_does_not_know() -> None:
    # One victim named by a bare noun; an age is no count; a group counted by its own name.
    assert _casualties("Bomb kills plumber in northwest town") == [(1, "killed", "unknown")]
    assert _casualties("Bomb kills cleric in northwest town") == [(1, "killed", "civilian")]
    assert _casualties("School bomb kills nine-year-old in border town") == [(1, "killed", "unknown")]
    assert _casualties("Bus bombing kills 24 Zaidis in the south") == [(24, "killed", "unknown")]
    # A community the table knows by its faith is civilians.
    assert _casualties("Bus bombing kills 24 Shiites in the south") == [(24, "killed", "civilian")]
    assert _casualties("Terror attacks claim 8 lives in the capital") == [(8, "killed", "unknown")]
    # A verb's noun that is no person, and a running toll, count nobody.
    assert _casualties("A murder case under the penal code was registered.") == []
    assert _casualties("The feud has claimed 130 lives.") == []


def test_a_toll_since_a_month_or_across_a_territory_is_a_statistic() -> None:
    doc = annotate("Clashes over land have killed at least 130 people since November.")
    assert [m.label for m in doc.layer("context")] == ["statistic"]
    doc = annotate("Strikes killed at least 41 people across the Gaza Strip on Sunday, medics said.")
    assert [m.label for m in doc.layer("context")] == ["statistic"]


def test_a_named_person_killed_and_a_bomber_who_killed_himself() -> None:
    assert _casualties("Gul Rahman Khan, a council member, was gunned down outside his home.") == [
        (1, "killed", "unknown")
    ]
    assert _casualties("The bomber detonated his vest, killing himself.") == [(1, "killed", "armed")]
    # Those who did the killing are not among the dead.
    assert _casualties("The elder was killed by troops.") == [(1, "killed", "civilian")]


def test_a_toll_over_days_counted_is_a_statistic() -> None:
    doc = annotate("More than 310 civilians have died during 20 days of the truce.")
    assert [m.label for m in doc.layer("context")] == ["statistic"]
    assert _casualties("At least 32 were killed.") == [(32, "killed", "unknown")]


def test_a_month_named_without_its_year() -> None:
    # Published 1 February 2025: "in March" is March 2024, "in January" this January.
    assert _dates("The attack took place in March.")[0][:2] == (dt.date(2024, 3, 1), dt.date(2024, 3, 31))
    assert _dates("The attack took place in January.")[0][:2] == (dt.date(2025, 1, 1), dt.date(2025, 1, 31))
    assert _dates("The attack took place in January last year.")[0][:2] == (
        dt.date(2024, 1, 1),
        dt.date(2024, 1, 31),
    )
    # "Last January", written in February 2025, is this January; "last March" the one before it.
    assert _dates("A gunman fired at the rally last January.")[0][:2] == (
        dt.date(2025, 1, 1),
        dt.date(2025, 1, 31),
    )
    assert _dates("A gunman fired at the rally last March.")[0][:2] == (
        dt.date(2024, 3, 1),
        dt.date(2024, 3, 31),
    )
    # "May" with no preposition may be a verb.
    assert _dates("Officials say the talks may resume.") == []


def test_one_victim_after_a_past_killing_verb_and_a_plural_in_men_is_no_single_victim() -> None:
    assert _casualties("Tank fire killed a UN worker near the crossing.") == [(1, "killed", "civilian")]
    assert _casualties("Gunmen killed a prayer leader near the mosque.") == [(1, "killed", "unknown")]
    assert _casualties("The head of the council in the restive district was shot dead by gunmen.") == [
        (1, "killed", "unknown")
    ]


def test_rows_named_by_their_strength_are_the_only_rows_of_it() -> None:
    from strife.stages.triggers import HELD_STRIKE, INTERCEPTION, TRIGGERS

    for strength in (HELD_STRIKE, INTERCEPTION):
        assert sum(row[2] == strength for row in TRIGGERS) == 1


def test_a_family_listed_counts_each_member_and_each_count() -> None:
    assert _casualties("An air strike killed a man, his wife and their five children.") == [
        (7, "killed", "unknown")
    ]
    assert _casualties("An air strike killed a father and his two sons.") == [(3, "killed", "civilian")]


def test_a_demonym_before_a_verb_of_speech_names_no_forces() -> None:
    doc = annotate("Palestinian medics said one air strike had killed seven people in Jabalia.")
    assert [m.value.name for m in doc.layer("actors") if m.value.side == "state"] == []
    doc = annotate("An Israeli air strike killed seven people in Jabalia.")
    assert {m.value.iso3 for m in doc.layer("actors") if m.value.side == "state"} == {"ISR"}


def test_a_demonym_in_another_spelling_names_a_country_not_a_township() -> None:
    doc = annotate("Father Romanelli, an Argentine who served in the parish, was injured.")
    assert [(m.label, m.value.iso3) for m in doc.layer("places")] == [("country", "ARG")]


def test_a_year_of_another_century_is_a_date_not_a_count() -> None:
    assert _dates("The pope was kidnapped in 1809 by French troops.")[0][:2] == (
        dt.date(1809, 1, 1),
        dt.date(1809, 12, 31),
    )
    assert _dates("Floods swept away crops in 1500 homes.") == []


def test_a_day_or_week_said_is_the_telling_not_the_act() -> None:
    doc = annotate("Pakistan on Wednesday strongly condemned the strikes on the hospital.")
    assert [m.value.reporting for m in doc.layer("dates")] == [True]
    doc = annotate("A US official said this week the talks were going well.")
    assert [m.value.reporting for m in doc.layer("dates")] == [True]
