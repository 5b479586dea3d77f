"""Merging reports of one incident: events extracted from our own short reports (invented, in
the manner of Pakistani wire and newspaper copy), compared and folded the way a store does."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

import strife
from strife import merging
from strife.event import Event
from strife.merging import (
    Provenance,
    best_match,
    merge,
    merge_into,
    place_relation,
    ranked_matches,
    same_incident,
)

REPO_ROOT = Path(__file__).resolve().parents[1]


def event(doc_id: str, text: str, published: str, background: bool = False) -> Event:
    """The one event (or the one background event) strife extracts from a report."""
    events = [
        e
        for e in strife.extract({"id": doc_id, "text": text, "published": published, "source": "Example"})
        if e.background == background
    ]
    assert len(events) == 1, events
    return events[0]


# The Kalat clash told by two outlets: 30 dead on the day, 28 dead in a report the day after
# that gives no date of its own (so its date is its publication's: a day later).
KALAT_30 = event(
    "dawn-1",
    "QUETTA: Thirty people, including 18 soldiers, were killed in a gunfight between security forces "
    "and militants in Kalat district of Balochistan on Friday, officials said.",
    "2025-01-31",
)
KALAT_28 = event(
    "app-2",
    "KALAT: Twenty-eight people were killed in a clash between militants and security forces in Kalat "
    "district, officials said.",
    "2025-02-01",
)
# The same clash from a wire that names only the province.
BALOCHISTAN_30 = event(
    "wire-3",
    "Militants attacked a security forces convoy in Balochistan on Friday, killing 30 people, officials said.",
    "2025-01-31",
)
SURAB_28 = event(
    "app-4",
    "KALAT: Twenty-eight people were killed when militants clashed with security forces near Surab in "
    "Kalat district in the early hours of Saturday, the military said.",
    "2025-02-01",
)


def test_the_kalat_clash_told_twice_is_one_incident():
    assert KALAT_28.event_date - KALAT_30.event_date == merging.DAY_TOLERANCE
    assert same_incident(KALAT_30, KALAT_28)
    assert same_incident(KALAT_28, KALAT_30)

    merged = merge_into(KALAT_30, KALAT_28)
    assert merged.event_id == KALAT_30.event_id
    assert merged.doc_id == "dawn-1"
    assert merged.doc_ids == ["dawn-1", "app-2"]
    # The most conservative figure, the range spanning both reports.
    assert (merged.fatalities, merged.fatalities_low, merged.fatalities_high) == (28, 28, 30)
    assert merged.notes.endswith("28 killed.")
    # The stored report's date (stated: "on Friday") beats the later one's publication date.
    assert merged.event_date == KALAT_30.event_date

    # Folded the other way round, the stored event keeps its own id and the same figures.
    reverse = merge_into(KALAT_28, KALAT_30)
    assert reverse.event_id == KALAT_28.event_id
    assert reverse.doc_ids == ["app-2", "dawn-1"]
    assert (reverse.fatalities, reverse.fatalities_low, reverse.fatalities_high) == (28, 28, 30)
    # ... and takes the stated date over its own day of publication.
    assert reverse.event_date == KALAT_30.event_date
    assert reverse.date_basis == "relative-to-published"


def test_provenance_says_which_report_each_field_came_from():
    first = merge(KALAT_30, KALAT_28)
    assert first.provenance.fields["fatalities"] == "app-2"
    assert first.provenance.fields["location"] == "dawn-1"
    assert first.provenance.fields["event_date"] == "dawn-1"
    assert "fatalities" in first.changed and "location" not in first.changed

    # A third report: its own figure is higher, so the toll stays app-2's; the range grows.
    third = KALAT_30.model_copy(update={"doc_id": "pti-5", "doc_ids": ["pti-5"], "fatalities": 31,
                                        "fatalities_low": 31, "fatalities_high": 31})  # fmt: skip
    again = merge(first.event, third, first.provenance)
    assert again.event.doc_ids == ["dawn-1", "app-2", "pti-5"]
    assert (again.event.fatalities, again.event.fatalities_low, again.event.fatalities_high) == (28, 28, 31)
    assert again.provenance.fields["fatalities"] == "app-2"
    assert first.provenance.fields == merge(KALAT_30, KALAT_28).provenance.fields  # not mutated
    assert Provenance.of(KALAT_30).fields["admin2"] == "dawn-1"


def test_a_province_level_report_joins_the_district_level_one():
    assert place_relation(BALOCHISTAN_30, KALAT_30) == "contained"
    assert same_incident(BALOCHISTAN_30, KALAT_30)

    merged = merge(BALOCHISTAN_30, KALAT_30)
    # The district report's place is more precise: all its place fields come with it.
    assert (merged.event.admin1, merged.event.admin2, merged.event.location) == (
        "Balochistan",
        "Kalat",
        "Kalat",
    )
    assert merged.event.geo_precision == 2
    assert merged.provenance.fields["admin2"] == "dawn-1"
    assert merged.event.event_id == BALOCHISTAN_30.event_id


def test_a_province_level_report_that_contradicts_stays_apart():
    # The next day, the same type, but four dead: nothing but the province and the type agree.
    other = event(
        "wire-6",
        "Militants clashed with security forces in Balochistan on Saturday, killing four, officials said.",
        "2025-02-02",
    )
    assert place_relation(other, KALAT_30) == "contained"
    assert not same_incident(other, KALAT_30)


def test_two_towns_of_one_district_are_the_same_incident_on_the_same_day():
    assert place_relation(SURAB_28, KALAT_28) == "same"  # Surab (near a town) in Kalat district
    assert same_incident(SURAB_28, KALAT_30)


def test_the_store_picks_the_most_precise_candidate():
    assert best_match(SURAB_28, [BALOCHISTAN_30, KALAT_30]) is KALAT_30
    assert best_match(SURAB_28, []) is None


def test_two_incidents_on_the_same_day_in_different_districts_are_never_merged():
    bannu = event(
        "d1",
        "PESHAWAR: Gunmen killed five policemen in an attack on a checkpoint in Bannu district of Khyber "
        "Pakhtunkhwa on Monday, police said.",
        "2025-03-04",
    )
    lakki = event(
        "d2",
        "PESHAWAR: Gunmen killed five policemen in an attack on a checkpoint in Lakki Marwat district of "
        "Khyber Pakhtunkhwa on Monday, police said.",
        "2025-03-04",
    )
    assert (bannu.event_date, bannu.sub_event_type, bannu.fatalities) == (
        lakki.event_date,
        lakki.sub_event_type,
        lakki.fatalities,
    )
    assert bannu.admin2 == "Bannu" and lakki.admin2 == "Lakki Marwat"
    assert place_relation(bannu, lakki) is None
    assert not same_incident(bannu, lakki)
    assert best_match(lakki, [bannu]) is None


WAZIRISTAN = (
    " clashed with security forces in North Waziristan on Monday, leaving six dead, the military said."
)


def test_different_named_groups_are_not_merged_and_a_named_group_replaces_an_unidentified_one():
    ttp = event("g1", "The Tehreek-i-Taliban Pakistan" + WAZIRISTAN, "2025-03-04")
    hgb = event("g2", "The Hafiz Gul Bahadur Group" + WAZIRISTAN, "2025-03-04")
    unnamed = event(
        "g3",
        "Six people were killed in a clash between militants and security forces in North Waziristan on "
        "Monday, officials said.",
        "2025-03-04",
    )
    assert not same_incident(ttp, hgb)
    assert same_incident(unnamed, ttp) and same_incident(unnamed, hgb)

    merged = merge(unnamed, ttp)
    assert unnamed.actor2 == "Unidentified Armed Group (Pakistan)"
    assert (merged.event.actor2, merged.event.inter2, merged.event.interaction) == (
        "Tehreek-i-Taliban Pakistan",
        2,
        12,
    )
    assert merged.provenance.fields["actor2"] == "g1"
    # Once the stored event names the TTP, a report naming another group no longer joins it.
    assert not same_incident(merged.event, hgb)


def test_a_claim_names_the_group_and_the_same_toll_bridges_attack_and_clash():
    claimed = event(
        "bla-7",
        "QUETTA: The Baloch Liberation Army claimed responsibility for an attack that killed 30 people in "
        "Kalat district on Friday.",
        "2025-02-01",
    )
    assert (claimed.sub_event_type, KALAT_30.sub_event_type) == ("Attack", "Armed clash")
    assert same_incident(KALAT_30, claimed)  # one place, one day, one toll
    merged = merge_into(KALAT_30, claimed)
    assert merged.actor2 == "Baloch Liberation Army"
    assert (merged.claim_status, merged.claimed_by) == ("claimed", "Baloch Liberation Army")
    assert merged.sub_event_type == "Armed clash"  # an attack does not refine a clash


def test_an_attack_that_killed_soldiers_is_the_clash_that_did():
    clash = event(
        "k1", "BANNU: Militants attacked a checkpoint in Bannu on Tuesday, killing four soldiers, the ISPR said.",
        "2025-03-05",
    )  # fmt: skip
    attack = event(
        "k2", "BANNU: Five people were killed in an attack by gunmen in Bannu district on Tuesday, police said.",
        "2025-03-05",
    )  # fmt: skip
    raid = event(
        "k3", "BANNU: Security forces killed eight militants in a raid in Bannu on Tuesday, officials said.",
        "2025-03-05",
    )  # fmt: skip
    assert (clash.sub_event_type, attack.sub_event_type, raid.sub_event_type) == (
        "Armed clash",
        "Attack",
        "Armed clash",
    )
    assert same_incident(clash, attack)  # soldiers were killed: an attack to one outlet
    assert not same_incident(raid, attack)  # militants killed in a raid, another toll


def test_a_bombing_is_refined_by_the_report_that_names_the_suicide_bomber():
    suicide = event(
        "s1",
        "QUETTA: A suicide bomber blew himself up near a police van in Quetta on Tuesday, killing nine "
        "people, police said.",
        "2025-03-05",
    )
    bomb = event(
        "s2",
        "QUETTA: A bomb planted on a motorcycle exploded near a police van in Quetta on Tuesday, killing 11 "
        "people, officials said.",
        "2025-03-05",
    )
    assert (suicide.sub_event_type, bomb.sub_event_type) == ("Suicide bomb", "Remote explosive/landmine/IED")
    assert same_incident(bomb, suicide)
    merged = merge(bomb, suicide)
    assert merged.event.sub_event_type == "Suicide bomb"
    assert merged.provenance.fields["sub_event_type"] == "s1"
    assert merged.event.fatalities == suicide.fatalities == merged.event.fatalities_low
    assert merged.event.fatalities_high == 11


def test_protests_on_two_days_in_one_city_are_two_events():
    sunday = event(
        "p1", "KARACHI: Hundreds of traders protested against new taxes outside the Karachi Press Club on Sunday.",
        "2025-03-03",
    )  # fmt: skip
    monday = event(
        "p2", "KARACHI: Hundreds of traders protested against new taxes outside the Karachi Press Club on Monday.",
        "2025-03-04",
    )  # fmt: skip
    sunday_again = event(
        "p3", "KARACHI: Traders staged a protest against new taxes outside the Karachi Press Club on Sunday.",
        "2025-03-03",
    )  # fmt: skip
    assert sunday.sub_event_type == monday.sub_event_type == "Peaceful protest"
    assert not same_incident(sunday, monday)
    assert same_incident(sunday, sunday_again)


def test_never_across_countries_nor_with_a_background_event():
    kabul = event(
        "af", "KABUL: Gunmen killed five policemen in an attack on a checkpoint in Kabul on Monday, officials said.",
        "2025-03-04",
    )  # fmt: skip
    bannu = event(
        "pk", "BANNU: Gunmen killed five policemen in an attack on a checkpoint in Bannu on Monday, officials said.",
        "2025-03-04",
    )  # fmt: skip
    assert (kabul.iso3, bannu.iso3) == ("AFG", "PAK")
    assert not same_incident(kabul, bannu)

    text = (
        "QUETTA: Two people were injured in a grenade attack in Quetta on Tuesday. In March 2013, a bombing in the "
        "same market killed 90 people."
    )
    recalled = event("bg1", text, "2025-03-05", background=True)
    recalled_again = event("bg2", text, "2025-03-05", background=True)
    assert not same_incident(recalled, recalled_again)


def test_a_store_folds_reports_in_order_and_keeps_the_first_id():
    stored: list[Event] = []
    for report in (KALAT_30, BALOCHISTAN_30, KALAT_28, SURAB_28):
        match = best_match(report, stored)
        if match is None:
            stored.append(report)
        else:
            stored[stored.index(match)] = merge_into(match, report)
    assert len(stored) == 1
    (kalat,) = stored
    assert kalat.event_id == KALAT_30.event_id
    assert kalat.doc_ids == ["dawn-1", "wire-3", "app-2", "app-4"]
    assert (kalat.fatalities, kalat.fatalities_low, kalat.fatalities_high) == (28, 28, 30)
    assert kalat.admin2 == "Kalat"


@pytest.fixture(scope="module")
def merge_benchmark():
    spec = importlib.util.spec_from_file_location("merge_ucdp", REPO_ROOT / "benchmarks" / "merge_ucdp.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_benchmark_joins_stored_events_a_report_finds_one_incident_as_the_store_does(merge_benchmark):
    """Two reports of the Kalat clash stored apart (an older model kept them so) are brought
    together by a third that matches both: clusters, not chains, as `store.ingest` joins them."""
    reports = [
        merge_benchmark.Report(f"r{n}", "", "2025-01-31", "", n, events=[e])
        for n, e in enumerate((KALAT_30, KALAT_28, SURAB_28))
    ]

    def older_then_current(event, candidates):
        if event is KALAT_28:
            return []  # the older decision: apart
        return [c for c, _ in ranked_matches(event, candidates)]

    assert len(ranked_matches(SURAB_28, [KALAT_30, KALAT_28])) == 2
    members = merge_benchmark.cluster(reports, older_then_current)
    assert members["r0"] == members["r1"] == members["r2"]


def test_the_benchmark_counts_pairs_of_reports(tmp_path, merge_benchmark):
    """Two UCDP events of two headlines each, a shared headline and a digest: the pairwise score."""
    article = '"{0},{1},{2}"'
    records = [
        {"id": "u:1", "published": "2025-01-31", "source": "Dawn;APP", "meta": {"headlines": ["a", "b"]},
         "gold_extra": {"source_article": ";".join([
             article.format("Dawn", "2025-01-31", "Thirty killed in Kalat clash in Balochistan"),
             article.format("APP", "2025-02-01", "Twenty-eight killed in clash in Kalat"),
         ])}},
        {"id": "u:2", "published": "2025-01-31", "source": "Dawn;PTI", "meta": {"headlines": ["a", "c"]},
         "gold_extra": {"source_article": ";".join([
             article.format("Dawn", "2025-01-31", "Thirty killed in Kalat clash in Balochistan"),
             article.format("PTI", "2025-01-31", "Five policemen killed in attack in Bannu"),
         ])}},
        {"id": "u:3", "published": "2025-01-31", "source": "ICG;ICG",
         "meta": {"headlines": ["x", "y"], "generic_headline": True}},
    ]  # fmt: skip
    path = tmp_path / "ucdp.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = merge_benchmark.run(path, jobs=1)
    assert (result["events"], result["excluded_generic"], result["headlines"], result["reports"]) == (
        2,
        1,
        4,
        3,
    )
    row = result["rows"]["strife.merging"]
    # Gold pairs: the shared Dawn headline with each of the others; the Kalat pair merges.
    assert (row["gold_pairs"], row["true_pairs"], row["predicted_pairs"]) == (2, 1, 1)
    assert row["precision"] == 1.0 and row["recall"] == 0.5
    assert result["rows"]["baseline: all in one"]["precision"] == pytest.approx(2 / 3)
