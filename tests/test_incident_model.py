"""The learned reading of incidents, the capitals of caseless reports, and per-incident vetoes.

Sentences here are our own; the model's held-out scores on third-party text are in its metadata
and in docs/incident-model.md.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import assert_spans_are_their_digests, gold_digest
from strife.api import extract
from strife.document import Document
from strife.evaluation.evaluate import evaluate_documents
from strife.evaluation.gold import GoldDocument, SharedDataMissing, find_shared_data, sentence_labels
from strife.pipeline import default_pipeline
from strife.stages.incident_model import features, incident_model, stem
from strife.stages.truecase import is_caseless, truecase
from strife.taxonomy import EVENT_TYPE_OF

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "training" / "incident_sentences.jsonl"


def test_inflections_fold_and_pairs_are_features() -> None:
    assert stem("kills") == stem("killed") == stem("killing") == "kill"
    assert stem("bus") == "bus" and stem("press") == "press"
    assert stem("2,500") == "<num>"
    feats = features("Gunmen KILLED 12 people")
    assert {"gunmen", "kill", "<num>", "kill <num>", "<num> people"} <= feats


def test_the_shipped_model_names_its_data_and_held_out_scores() -> None:
    model = incident_model()
    assert set(model.classes) <= set(EVENT_TYPE_OF)
    assert {"Armed clash", "Peaceful protest", "Violent demonstration", "Air/drone strike"} <= set(
        model.classes
    )
    assert set(model.reasons) == {"statistic", "accident", "disaster", "epidemic", "crime", "sport", "talk"}
    meta = model.meta
    assert meta["trained_by"] == "tools/train_incident_model.py"
    assert meta["examples"]["coded:incident"] > 400 and meta["examples"]["ucdp:incident"] > 10_000
    scores = meta["scores"]
    # Held out, on the team's coding of 2025 news: the hard, in-domain part.
    assert 0.7 < scores["detector_auc_coded_news"] <= 1.0
    assert 0.6 < scores["typer_weighted_f1"] <= 1.0


def test_reading_tells_a_report_of_violence_from_talk() -> None:
    model = incident_model()
    report = features("Gunmen shot dead two policemen at a checkpoint in the district on Tuesday.")
    talk = features("The finance minister presented the budget to parliament on Tuesday.")
    assert model.incident_probability(report) > 0.9
    # Below even odds: the budget sentence has read between 0.19 and 0.30 over the refits.
    assert model.incident_probability(talk) < 0.5
    riot = features("Hundreds of demonstrators threw stones at riot police and set tyres on fire.")
    assert model.sub_event_types(riot)[0][0] == "Violent demonstration"


def test_a_battle_told_at_a_place_reads_as_sure_news() -> None:
    # MUC-4's reports without a terrorist incident template tell the army's battles too; their
    # sentences that name a fight are no non-incidents to learn from (tools/train_incident_model.py).
    model = incident_model()
    battle = features("Clashes between troops and rebels were reported in the northern sector of the city.")
    assert model.incident_probability(battle) >= 0.95


def test_a_headline_no_table_row_covers_is_an_event() -> None:
    (bomb,) = extract({"text": "Bomb kills soldier in North Waziristan", "published": "2025-03-03"})
    assert bomb.sub_event_type == "Remote explosive/landmine/IED"
    assert bomb.fatalities == 1
    assert bomb.location == "North Waziristan"
    learned = [e for e in bomb.evidence if e.field == "sub_event_type"]
    assert learned and learned[0].text == "Bomb"


def test_caseless_text_gets_its_names_back_with_offsets_kept() -> None:
    lower = "police fired tear gas at protesters in belfast on monday. the march ended at city hall."
    cased = truecase(lower)
    assert len(cased) == len(lower)
    assert cased.startswith("Police") and "Belfast" in cased and ". The march" in cased
    assert "tear gas" in cased  # common words stay small
    # American spellings of common words are common words too.
    assert truecase("hundreds rallied in the center of riga") == "Hundreds rallied in the center of Riga"
    upper = "THE FMLN ATTACKED A POST IN SAN MIGUEL."
    assert truecase(upper).startswith("The FMLN attacked") and "San Miguel" in truecase(upper)
    assert is_caseless(lower) and is_caseless(upper) and not is_caseless("Police in Belfast")
    assert truecase("Police in Belfast") == "Police in Belfast"
    # An article that opens a name is a word, not an initialism, though it has no vowel after
    # its first letter.
    assert "here in El Salvador." in truecase("MURDERS HERE IN EL SALVADOR.")
    # A colour is a colour in a caseless note, though news capitalises it in names.
    assert "said white and black policemen" in truecase("residents said white and black policemen fired.")
    # A large town's name that opens on a word news writes small, as its ending may ("Cape Town").
    assert "through Port Au Prince on" in truecase("they marched through port au prince on friday.")
    assert "outside the Un in New York" in truecase("they rallied outside the un in new york.")
    assert truecase("the port said it would close.") == "The port said it would close."


def test_lower_case_notes_are_read_as_reports() -> None:
    found = extract(
        {
            "text": "hundreds of students protested in nairobi on monday against fee increases. "
            "police fired tear gas to disperse them.",
            "published": "2014-03-03",
        }
    )
    assert [(e.sub_event_type, e.country, e.location) for e in found] == [
        ("Protest with intervention", "Kenya", "Nairobi")
    ]


def test_a_word_elsewhere_does_not_veto_a_protest() -> None:
    (protest,) = extract(
        {
            "text": "Hundreds of nurses protested outside the Lahore Press Club on Monday during the dengue "
            "outbreak, demanding protective kits.",
            "published": "2025-03-03",
        }
    )
    assert protest.sub_event_type == "Peaceful protest"


def _dropped(text: str) -> list[dict]:
    """What strife kept of a report it coded no event from: why each told-of incident went."""
    doc = Document(text=text, published="2025-03-03")
    assert default_pipeline()(doc) == []
    return [{k: d[k] for k in ("reason", "cue")} for d in doc.annotations.facts.get("dropped", [])]


def test_an_accident_is_dropped_with_its_reason() -> None:
    assert _dropped(
        "LAHORE: Two people were killed when a passenger bus collided with a truck on the motorway "
        "on Sunday, rescue officials said."
    ) == [{"reason": "accident", "cue": "collided"}]


@pytest.mark.parametrize(
    ("text", "dropped"),
    [
        (
            "At least 12 pilgrims were killed on Friday in a stampede at a shrine in Multan, police said.",
            {"reason": "accident", "cue": "stampede"},
        ),
        (
            "Eleven people were killed in Quetta on Monday as windstorms and heavy rains lashed the city.",
            {"reason": "disaster", "cue": "windstorms"},
        ),
        (
            "Two boats carrying migrants have sunk off the coast near Gwadar, killing at least three people.",
            {"reason": "accident", "cue": "sunk"},
        ),
        (
            "Two workers were killed when a massive explosion took place inside a warehouse in Karachi on Monday.",
            {"reason": "accident", "cue": "explosion took place inside a warehouse"},
        ),
        (
            "A blast at Bhandara munitions factory killed at least eight workers on Friday, officials said.",
            {"reason": "accident", "cue": "blast at bhandara munitions factory"},
        ),
    ],
)
def test_deaths_in_a_crush_a_storm_a_sinking_or_a_warehouse_blast_are_no_event(
    text: str, dropped: dict
) -> None:
    assert _dropped(text) == [dropped]


def test_the_blast_an_accident_report_opened_on_told_again_is_no_event_of_its_own() -> None:
    assert (
        default_pipeline()(
            Document(
                text="At least eight workers were killed in a blast at a munitions factory in western India, "
                "government officials said on Friday. The explosion happened Friday morning in Bhandara and "
                "caused the roof to collapse. Gadkari, a lawmaker from Maharashtra state where the explosion "
                "occurred, offered condolences.",
                published="2025-01-25",
            )
        )
        == []
    )


def test_talk_about_violence_is_dropped_by_the_learned_reading() -> None:
    (dropped,) = _dropped(
        "The foreign minister said in Islamabad on Monday that a ceasefire was not on the table and "
        "that talks would resume next month."
    )
    assert dropped["reason"] == "talk" and dropped["cue"].startswith("learned reading 0.0")


def test_errors_say_why_a_missed_incident_was_dropped(tmp_path: Path) -> None:
    text = "Two people were killed when a bus collided with a truck in Lahore on Sunday."
    gold = GoldDocument(
        Document(text=text, published="2025-03-03"),
        [
            {
                "event_type": "Violence against civilians",
                "sub_event_type": "Attack",
                "fatalities": 2,
                "evidence": [{"field": "event", "start": 0, "end": len(text)}],
            }
        ],
        "hand-made",
    )
    path = tmp_path / "errors.jsonl"
    with path.open("w", encoding="utf-8") as errors:
        evaluate_documents([gold], errors=errors)
    (missed,) = [json.loads(line) for line in path.read_text().splitlines()]
    assert missed["error"] == "missed"
    assert missed["dropped"][0]["reason"] == "accident"


def test_protests_listed_in_one_breath_are_one_event_per_place() -> None:
    found = extract(
        {
            "text": "On Saturday, traders protested in Lahore, Karachi and Peshawar against the new tax.",
            "published": "2025-03-03",
        }
    )
    assert [e.location for e in found] == ["Lahore", "Karachi", "Peshawar"]
    assert len({e.event_id for e in found}) == 3


def toll(text: str) -> int:
    """The toll of the one event of a report published on 3 March 2025."""
    (event,) = extract({"text": text, "published": "2025-03-03"})
    return event.fatalities


def test_casualty_wordings_of_headlines() -> None:
    assert toll("Gunmen kill police officer in Quetta") == 1
    assert toll("Woman killed in shelling near the Line of Control in Kotli.") == 1
    assert toll("Gunmen shot a shopkeeper to death in Peshawar on Monday.") == 1
    assert toll("Two more killed in Sagaing as junta troops raid villages") == 2  # more of them
    assert toll("Retreating from Kunduz on Monday, the militants abandoned 27 of their dead comrades.") == 27
    assert toll("Seventeen members of the uprising forces and a local police commander were killed "
                "in an attack by the Taliban in Balkh province on Monday.") == 18  # fmt: skip
    (strike,) = extract(
        {"text": "Coalition airstrikes kill civilians in Raqqa countryside", "published": "2017-05-03"}
    )
    assert (strike.fatalities, strike.fatalities_imputed) == (3, True)  # codebook: "several" is 3
    assert (
        toll(
            "At least 24 members of the security forces were killed and several others injured "
            "in an attack on a post in Bannu on Monday."
        )
        == 24
    )


@pytest.mark.parametrize(
    ("text", "deaths"),
    [
        # One person by a bare noun the victim table does not know, with a verb that befalls people.
        ("Town councillor slain in northern Honduras", 1),
        ("Taxi driver executed in Ciudad Juarez", 1),
        ("Governor's nephew murdered in Sinaloa", 1),
        # Killings counted by their word; "the double homicide" is the one already counted.
        # A homicide with no one named who did it is crime (coding guide); gunmen make it an attack.
        ("Gunmen commit triple homicide in Culiacan", 3),
        ("An armed attack in Uruapan left 2 dead. The double homicide occurred near the market.", 2),
        # Not one bare subject: a count, an auxiliary, or who killed.
        ("Three killed in mortar fire near Kotli", 3),
        ("Two Kashmiris said killed in Indian shelling.", 2),
        ("Two gunmen attacked a checkpoint in Grozny on Monday. Both attackers were shot dead.", 2),
        ("Islamic State killed at least 7 in Raqqa", 7),
        # One count of a noun two words qualify.
        ("At least five FC and Levies personnel were killed in an ambush near Turbat.", 5),
        ("Six police and army soldiers were killed in an attack on a checkpost in Tank.", 6),
        # One person and the others killed with him.
        ("Gunmen killed the district police chief along with four other policemen in Zhob.", 5),
        ("A local councillor, together with two police guards, was killed in a bomb attack in Kunduz.", 3),
        ("Militants burned 4 villagers alive in Kananga.", 4),
        # Two figures, or a figure and its verb, are not one count.
        ("Two soldiers and a civilian were killed in a blast in Quetta.", 3),
        ("An explosion in a mosque in Jalalabad left one dead and at least eight others wounded.", 1),
        # One victim however described: killed "to death" by any means, in the present, with a
        # participle's phrase or a "that" clause, found dead, fatally shot, killed beside others hurt.
        ("A 6-month-old baby is bayoneted to death in an attack on a farm near Mutare.", 1),
        ("A policeman that was on patrol was shot dead by insurgents in Hawija.", 1),
        ("One woman selling fruit on the street was killed in a blast in Pattani.", 1),
        ("Community leader Jorge Rios was found dead after an attack by militants in Tumaco.", 1),
        ("Critic Salem Mansour was fatally shot by gunmen in Benghazi.", 1),
        ("Rockets landed on a building in Sderot, killing a 60-year-old man and injuring nine others.", 1),
        ("Militants beheaded a 12-year-old boy in Darzab district.", 1),
        # Killed "to death" by any verb in any tense, the victims counted between.
        ("Soldiers torture three villagers to death in Magway", 3),
        ("Troops burn two men to death in a village of Sagaing", 2),
        # Who was among the dead, between a headline's count and its verb.
        ("Two more including 16-year-old boy killed as regime continues crackdown in Mandalay", 2),
        # Cut down; killed and what came next.
        ("Ten fishermen are cut down by Boko Haram near Baga", 10),
        (
            "Extrajudicial Killing In Tamaulipas?\nNational Guard Kills 2 Then Reportedly 'Plants' Evidence at the Scene",
            2,
        ),
        # One victim, dead, in a headline.
        ("Child dead, five injured after military shells a village in Magway", 1),
        # Office-holders killed, with the place of their office after them.
        ("Rebels shot dead the mayor of Bambari on Monday.", 1),
        ("Gunmen killed the governor of Kunar province on Monday.", 1),
        # The dead found, whose body it was told between, or how the bodies looked.
        ("The bullet-riddled body of a tribal elder was found in Mir Ali on Monday.", 1),
        ("Two bodies, one of them headless, were found in Soyapango on Monday.", 2),
    ],
)
def test_casualty_wordings(text: str, deaths: int) -> None:
    assert toll(text) == deaths


def test_victims_described_by_whom_they_belong_to_or_how_they_were_killed() -> None:
    assert toll("A tailor belonging to the Hazara community was killed in a shooting in Quetta.") == 1
    assert toll("Maoists slit the throat of a road contractor in Bijapur district.") == 1
    (stabbing,) = extract(
        {"text": "A 20-year-old student was stabbed with a knife by an attacker in Hebron."}
    )
    assert (stabbing.fatalities, stabbing.injured) == (0, 1)
    # A statistics office is a name, not a tally.
    (blast,) = extract(
        {"text": "A roadside bomb exploded, injuring a policeman of the Central Statistics Office in Kabul."}
    )
    assert (blast.sub_event_type, blast.injured) == ("Remote explosive/landmine/IED", 1)


def test_a_sentence_to_death_is_no_death() -> None:
    assert (
        extract({"text": "He was sentenced to death by a court in Lahore.", "published": "2025-03-03"}) == []
    )
    assert extract({"text": "Court sentences three men to death in Lahore", "published": "2025-03-03"}) == []


def test_an_attack_on_a_town_is_an_act_done_not_talk() -> None:
    (attack,) = extract(
        {"text": "Military attacks Karen State’s Kawkareik from ground and air", "published": "2023-03-03"}
    )
    assert attack.location == "Kawkareik"
    (raid,) = extract({"text": "Rebels attacked the town of Bunia", "published": "2023-03-03"})
    assert raid.location == "Bunia"


def test_hurt_then_dead_and_property_burned_by_armed_men() -> None:
    (stabbing,) = extract({"text": "A shopkeeper had been stabbed several times and died at the scene in Hebron on Monday.",
                           "published": "2025-03-04"})  # fmt: skip
    assert stabbing.fatalities == 1
    (stabbings,) = extract({"text": "Two police officers and a guard were stabbed with a knife in Hebron on Monday.",
                            "published": "2025-03-04"})  # fmt: skip
    assert (stabbings.fatalities, stabbings.injured) == (0, 3)
    (arson,) = extract(
        {"text": "A cattle ranch was set on fire by guerrillas in the department of San Pedro."}
    )
    assert arson.sub_event_type == "Looting/property destruction"


def test_more_casualty_wordings() -> None:
    assert toll("A pharmacist was shot and killed by two gunmen in Quetta on Monday.") == 1
    assert toll("A boy named Ali Khan was beheaded by militants in Swat on Monday.") == 1
    assert toll("Gunmen opened fire on two traders in Kohat on Monday, killing them both.") == 2
    assert toll("Five die as gunmen open fire on a bus in Quetta") == 5
    assert toll("The blast in Quetta on Monday left 11 people dead.") == 11
    assert toll("Militants blew up a school, claiming the life of a citizen in Bannu on Monday.") == 1
    # A number a scraper left as an HTML character reference is no count.
    assert toll("12 members of the &#8220 Islamic State&#8221 killed in clashes near Raqqa") == 12


def test_only_a_count_of_attacks_makes_a_tally() -> None:
    (event,) = extract(
        {"text": "50 soldiers killed in landmine attacks in Shan State", "published": "2023-03-03"}
    )
    assert event.fatalities == 50
    assert (
        extract(
            {"text": "In 2024, 685 security personnel were killed in 444 attacks.", "published": "2025-01-02"}
        )
        == []
    )


def test_talk_adds_no_type_to_an_incident() -> None:
    text = (
        "Gunmen threw a bomb at a checkpoint in Kotli on Monday, wounding a boy. "
        "In the accord, the group's leaders had pledged not to engage in attacks that might injure people."
    )
    (event,) = extract({"text": text, "published": "2025-03-03"})
    assert event.sub_event_type == "Grenade"  # codebook: a thrown explosive


def test_a_new_act_somewhere_else_is_another_incident() -> None:
    text = (
        "Two men were wounded when gunmen machinegunned their car near Kotli on Monday. "
        "The army also reported that guerrillas kidnapped a farmer near Mirpur."
    )
    found = extract({"text": text, "published": "2025-03-03"})
    assert [(e.sub_event_type, e.location) for e in found] == [
        ("Attack", "Kotli"),
        ("Abduction/forced disappearance", "Mirpur"),
    ]


def test_a_capital_that_stands_for_its_government_is_an_actor_not_a_place() -> None:
    (event,) = extract(
        {
            "text": "New Delhi said its air strikes hit a seminary in Muridke, killing 26 people.",
            "published": "2025-05-07",
        }
    )
    assert (event.location, event.country) == ("Muridke", "Pakistan")
    assert (event.actor1, event.inter1) == ("Military Forces of India", 8)
    (event,) = extract(
        {"text": "A bomb exploded in Islamabad on Monday, killing two people.", "published": "2025-05-07"}
    )
    assert event.location == "Islamabad"


def test_arrests_at_a_demonstration_and_a_clash_with_a_crowd_are_protest_types() -> None:
    (event,) = extract(
        {"text": "Police clashed with protesters in Conakry on Thursday.", "published": "2020-03-06"}
    )
    assert event.event_type in ("Protests", "Riots") and event.actor2 != "Unidentified Armed Group (Guinea)"
    (event,) = extract(
        {
            "text": "Police arrested 15 students who staged a silent protest in Kuala Lumpur on Monday.",
            "published": "2020-03-06",
        }
    )
    assert event.event_type == "Protests"


def test_a_town_and_the_county_that_says_where_it_lies_are_one_place() -> None:
    found = extract(
        {
            "text": "On Monday, protesters stormed council chambers at Swindon, in Wiltshire, and Brighton, East Sussex.",
            "published": "1990-03-06",
        }
    )
    assert [e.location for e in found] == ["Swindon", "Brighton and Hove"]


def test_destruction_listed_by_place_is_one_event_per_place() -> None:
    text = "Guerrillas blew up two pylons in Guazapa, Chalatenango and Ilobasco."
    found = extract({"text": text, "published": "1989-03-06"})
    assert {e.sub_event_type for e in found} == {"Looting/property destruction"}
    assert [e.location for e in found][:2] == ["Guazapa", "Chalatenango"]


def _shared() -> Path:
    try:
        return find_shared_data(ROOT)
    except SharedDataMissing:
        pytest.skip("../shared/data is not beside the repository")


def test_the_model_was_trained_without_every_drawn_document_of_the_gold() -> None:
    left_out = incident_model().meta["gold_left_out"]
    assert left_out == gold_digest(), "retrain after a draw: tools/train_incident_model.py"


def test_a_gold_coding_labels_the_sentences_it_quotes() -> None:
    spans = [(0, 40), (41, 90), (91, 130)]
    clash = {
        "sub_event_type": "Armed clash",
        "evidence": [
            {"field": "event", "start": 5, "end": 30},
            {"field": "fatalities", "start": 95, "end": 99},
        ],
    }
    doubt = {
        "sub_event_type": "Attack",
        "optional": True,
        "evidence": [{"field": "event", "start": 50, "end": 60}],
    }
    # The quoted sentence is an incident; the toll's sentence and an optional event's say nothing.
    assert sentence_labels(spans, [clash, doubt]) == [(True, "Armed clash"), None, None]
    # A report coded with no event: none of its sentences is one.
    assert sentence_labels(spans, []) == [(False, None)] * 3


def test_the_model_learned_from_the_gold_dev_split_alone() -> None:
    learned = incident_model().meta["gold_learned"]
    assert learned["split"] == "dev" and learned["before_draw"] is None
    assert learned["sentences"] > 3000
    assert {k: learned[k] for k in ("documents", "sha1")} == gold_digest(lambda d: d["split"] == "dev"), (
        "retrain after a draw: tools/train_incident_model.py"
    )


def test_coded_sentences_point_at_the_shared_text() -> None:
    shared = _shared()
    rows = [json.loads(line) for line in LABELS.open(encoding="utf-8")]
    manifest = json.loads((ROOT / "tests/corpus/real/manifest.json").read_text())
    # Sentences coded before their article was drawn into a later draw of the gold stay in the
    # record; training leaves out every drawn document, and the model says which it left out.
    first_draw = {d["id"] for d in manifest["documents"] if "draw" not in d}
    assert not {r["id"] for r in rows} & first_draw
    assert all((row["sub_event_type"] in EVENT_TYPE_OF) == row["incident"] for row in rows)
    assert_spans_are_their_digests(shared, rows)


def test_the_learned_reading_gives_an_article_a_trigger_only_in_its_lead() -> None:
    from strife.stages.triggers import LEARNED_STRENGTH

    crowd = "Crowds chanting slogans against the president filled the square in Multan yesterday."
    calm = " ".join(
        f"The council met for the {n} time to discuss the budget." for n in ("first", "second", "third")
    )
    learned = {}
    for name, text in (("lead", f"{crowd} {calm} {calm}"), ("body", f"{calm} {crowd} {calm}")):
        doc = Document(text=text)
        default_pipeline().annotate(doc)
        learned[name] = [m.text(doc) for m in doc.layer("triggers") if m.value.strength == LEARNED_STRENGTH]
    # Learned from notes and headlines, the reading is trusted where an article tells its news.
    assert learned == {"lead": ["against"], "body": []}


def test_a_word_that_names_no_act_is_no_evidence_of_one() -> None:
    from strife.stages.triggers import LEARNED_STRENGTH

    doc = Document(text="Tijuana reached 40 homicides in November")
    default_pipeline().annotate(doc)
    assert [m.text(doc) for m in doc.layer("triggers") if m.value.strength == LEARNED_STRENGTH] == []


def test_a_protest_read_by_the_model_needs_a_crowd_or_a_word_of_protest() -> None:
    # "Organized" weighs for a protest in notes that "organized a rally"; in "organized crime"
    # there is none.
    found = extract({"text": "Organized crime in Veracruz: three reports", "published": "2017-03-04"})
    assert "Peaceful protest" not in [e.sub_event_type for e in found]
    (blockade,) = extract({"text": "farmers block roads again in Punjab", "published": "2017-03-04"})
    assert blockade.sub_event_type == "Peaceful protest"


def test_an_office_holders_death_or_a_plot_to_kill_is_no_killing() -> None:
    # News reports a senator's death of old age in the words of a killing's.
    assert extract({"text": "The Senate seat fell vacant after the death of a senator in Karachi on April 8.",
                    "published": "2025-04-20"}) == []  # fmt: skip
    (plot,) = extract({"text": "Police said on Monday they had foiled a plot to kill a leader of the group in Surrey.",
                       "published": "2025-04-20"})  # fmt: skip
    assert (plot.sub_event_type, plot.fatalities) == ("Disrupted weapons use", 0)


def test_hurt_in_a_limb_and_an_attack_attempted() -> None:
    # An attack tried is an attack made; a marine shot in the shoulder is hurt.
    (attack,) = extract({"text": "An armed group tried to attack the residence of the ambassador in Bogota on Monday. "
                         "A marine guard was shot in the shoulder.", "published": "2025-04-20"})  # fmt: skip
    assert (attack.fatalities, attack.injured) == (0, 1)
    # A truce tried for is not made.
    assert (
        extract({"text": "Mediators tried to broker a truce in Bogota on Monday.", "published": "2025-04-20"})
        == []
    )


def test_a_text_in_one_case_throughout_is_talk_only_as_far_down_as_a_notes_reading() -> None:
    from strife.api import to_document
    from strife.stages.incidents import NOT_AN_INCIDENT, NOTE_NOT_AN_INCIDENT, talk_below

    prose = "Fighting continued in Soyapango on Monday. Our comrades report that it is heavy."
    bulletin = to_document(prose.upper())
    assert talk_below(bulletin, note=False) == NOTE_NOT_AN_INCIDENT
    assert talk_below(to_document(prose.lower()), note=False) == NOTE_NOT_AN_INCIDENT
    assert talk_below(to_document(prose), note=False) == NOT_AN_INCIDENT
    assert talk_below(to_document(prose), note=True) == NOTE_NOT_AN_INCIDENT
