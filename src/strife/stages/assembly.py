"""Assembly: each incident of a report (`incidents.py`) becomes an event record.

Every field's decision lives in a module named for it, beside the stage that finds its
evidence: the type in `event_types.py`, the toll in `fatalities.py`, the actors in
`actor_roles.py`, the claim in `claim_status.py`, the place in `event_places.py`, the date in
`event_dates.py`, the note in `event_notes.py`, the confidence in `event_confidence.py`. Assembly
puts the record together, in the order the decisions need each other, with the evidence of each
field.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from strife.document import Document, Mention
from strife.event import Event, Evidence, make_event_id
from strife.stages.actor_roles import (
    SPEAKING,
    actor_name,
    attacked_forces,
    choose_actors,
    infer_striker,
    state_target,
)
from strife.stages.claim_status import settle_claim
from strife.stages.context import DEATH_ONLY, POLITICAL_SIDE
from strife.stages.event_confidence import with_confidence
from strife.stages.event_dates import incident_date, recalled_without_month
from strife.stages.event_notes import write_note
from strife.stages.event_places import (
    across_the_line,
    entry_place,
    home_country,
    incident_place,
    listed_places,
    report_town,
    struck_country,
    struck_place,
)
from strife.stages.event_types import (
    PROTEST_FAMILY,
    PROTEST_OR_RIOT,
    TERRITORY,
    incident_type,
    pick_type,
    protested_acts,
    territory_direction,
    territory_taker,
)
from strife.stages.fatalities import (
    BOMBER_INCLUDED,
    Share,
    bombers_dead,
    count_casualties,
    grievances,
    main_victims,
    named_parties,
    shares_by_place,
    split_deaths,
)
from strife.stages.incident_model import features, incident_model
from strife.stages.incidents import (
    SURE_INCIDENT,
    Incident,
    by_sentence,
    concrete,
    drop,
    group_incidents,
    talk_below,
)
from strife.stages.lexicon import compile_lower
from strife.stages.place_parts import held_by_district, place_identity
from strife.stages.places import country_name
from strife.stages.sentences import CLOSERS, is_note
from strife.stages.triggers import DEADLY_TYPES, FIRED_AT, NAMED_WEAPON, SPECIFIC_TRIGGER, SUPPORTING
from strife.taxonomy import EVENT_TYPE_OF, interaction_code

# Dates that are the report's, not the incident's; an article dates its own news (a headline
# or a short note cannot).
PUBLICATION_FALLBACK = frozenset({"published-fallback", "dateline"})


def _evidence(doc: Document, name: str, mention: Mention) -> Evidence:
    return Evidence(field=name, text=mention.text(doc), start=mention.start, end=mention.end)


# How surely the learned reading must take a sentence for news for the places it lists to be a
# clash's places ("the attacks were carried out in X, Y and Z"), not a surge of attacks in them.
NEWS_READING = 0.5
# "Attacks took place in Kirkuk": an act told with where it happened, not talk of attacks.
TOLD_WHERE = re.compile(
    r"\b(?:took place|occurred|happened|were carried out|was carried out)\s+(?:in|at|near)\b", re.I
)

# An attack on a thing, not on a cause or a policy: "an attack on a power pylon", "attacked a
# convoy of trucks".
_THINGS = (
    r"(?:pylons?|(?:power|transmission|electricity) (?:lines?|towers?|stations?|plants?)|pipelines?|"
    r"bridges?|railway|trains?|vehicles?|convoys?|trucks?|buses|bus|tankers?|offices?|buildings?|"
    r"(?:police|railway|petrol) stations?|checkposts?|check ?points?|posts?|camps?|bases?|"
    r"schools?|mosques?|churches?|temples?|shrines?|homes?|houses?|residences?|shops?|markets?)\b"
)
# The thing before its verb, too: "five mosques were attacked with a sledgehammer".
THING_ATTACKED = compile_lower(
    r"\battack(?:s|ed)?\s+(?:on\s+)?(?:a|an|the|two|three|several)\s+(?:[\w-]+\s+){0,2}?" + _THINGS + "|"
    r"\b" + _THINGS + r"\s+(?:were|was|have been|has been|had been|are|is|being)\s+(?:\w+\s+)?attacked\b"
)

# An attack on a place the text names, a town taken as the object: "Military attacks Karen
# State's Kawkareik from ground and air", "rebels attacked the town of Bunia".
PLACE_ATTACKED = re.compile(
    r"\battack(?:s|ed|ing)?\s+(?:on\s+)?(?:the\s+)?(?:(?:town|city|village|district|camp) of\s+)?$", re.I
)

# A clause whose subject is "another" and nothing else, told of a toll: another of the same act.
ANOTHER_OF_THEM = re.compile(
    r"\W*(?:and |while |but )?another(?: one)?\s+(?:killed|injured|wounded|left|exploded|went off)\b", re.I
)

# "Another IED bombing killed 1": the text says this is another incident, the same in kind.
OPENS_ON_ANOTHER = re.compile(r"\W*(?:and |but |while )?another\b", re.I)

# Shots fired at someone are an attack made, whoever was hit: no bare "attack".
SHOTS_FIRED = compile_lower(FIRED_AT)

# "mourns Lahore victims of Taliban attack", "the victims of the attack were buried".
VICTIMS_OF = compile_lower(r"\bvictims\s+of\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?attacks?\b")

# Fire across a line: "Indian firing", "cross-border fire".
FIRE = re.compile(r"\b(?:fir(?:e|ed|ing)|shell(?:s|ed|ing)?|gunfire)\b", re.I)


def _opens_the_report(doc: Document, incident: Incident, spans: dict[int, tuple[int, int]]) -> bool:
    """Whether the incident starts in the report's first sentence, which is not a summary bullet
    ("• Attack on Deir al-Balah leaves buildings flattened" restates what the body tells)."""
    first = min(incident.sentences)
    return first == 0 and not doc.text[spans[first][0] : spans[first][1]].lstrip().startswith("•")


def _told_before(event: Event, told: list[Event]) -> bool:
    """Whether the report told an event of this kind at this place on these days before, with
    no toll of its own that the one told lacks ("a series of attacks across the district,
    killing three soldiers" is not the night's attack that hurt no one)."""
    return any(
        other.event_type == event.event_type
        and other.location == event.location
        and (not event.fatalities or other.fatalities == event.fatalities)
        and other.event_date is not None
        and event.event_date is not None
        and other.event_date <= (event.date_end or event.event_date)
        and event.event_date <= (other.date_end or other.event_date)
        for other in told
    )


def assemble_events(doc: Document) -> list[Event]:
    incidents = group_incidents(doc)
    layers = {
        name: by_sentence(doc, name)
        for name in ("triggers", "casualties", "dates", "places", "actors", "claims", "reporters")
    }
    # The acts and tolls of a clause that recalls an earlier incident ("…, which comes two days
    # after explosions that claimed 16 lives") are that incident's, not the sentence's.
    for clause in doc.layer("recalled_clauses"):
        for name in ("triggers", "casualties"):
            here = layers[name].get(clause.sentence, [])
            layers[name][clause.sentence] = [m for m in here if not clause.start <= m.start < clause.end]
    dateline_end = max((m.end for m in doc.layer("dateline")), default=0)
    # Days the text gives relative to a publication date it lacks (only ever found without one).
    unresolved_days = {m.sentence for m in doc.layer("unresolved_dates")}
    spans = {m.sentence: (m.start, m.end) for m in doc.layer("sentences")}
    iso3 = doc.annotations.facts.get("country")
    readings = {m.sentence: m.value for m in doc.layer("incident_readings")}
    # An article: sentences of prose, not a note or a list of headlines (which end unstopped).
    stopped = sum(doc.text[start:end].rstrip().endswith(tuple(CLOSERS)) for start, end in spans.values())
    note = is_note(doc)
    article = not note and 2 * stopped >= len(spans)
    # The sentences each gazetteer name stands in, looked up per incident (not searched).
    named_in: dict[str, set[int]] = defaultdict(set)
    for m in doc.layer("places"):
        if m.label == "place" and m.value.entry is not None:
            named_in[m.value.entry.name].add(m.sentence)
    events: list[Event] = []
    # Events whose text says they are another incident than the one before (by event id).
    told_apart: set[str] = set()
    # Toll shared out over listed places: (the event as told, the events it became).
    shared: list[tuple[Event, list[Event]]] = []
    for number, incident in enumerate(incidents):

        def gather(layer: str, incident: Incident = incident) -> list[Mention]:
            return [
                m for i in incident.sentences for m in layers[layer].get(i, []) if m.start >= dateline_end
            ]

        def incident_text(sentences: list[int]) -> str:
            return " ".join(doc.lower_text[spans[i][0] : spans[i][1]] for i in sentences)

        first = spans[incident.sentences[0]]
        opening_sentence = Mention(first[0], first[1], "sentence")
        surest = max((readings.get(i, 0.0) for i in incident.sentences), default=0.0)
        if surest < talk_below(doc, note) and not concrete(incident, layers):
            # Every sentence of it reads, to the model learned from coded news, as talk about
            # violence rather than a report of it ("the talks on a partial truce", "Tomahawk
            # missiles for Ukraine"): the words of the table alone do not make an event.
            why = incident_model().reason(features(incident_text(incident.sentences)))
            drop(doc, opening_sentence, (why, f"learned reading {surest:.3f}"))
            continue
        casualty_mentions = named_parties(gather("casualties"), gather("actors"), doc.text)
        trigger_mentions = gather("triggers")
        protests = [t for t in trigger_mentions if t.value.sub_event_type in PROTEST_OR_RIOT]
        if protests:
            casualty_mentions = _without_grievances(doc.text, casualty_mentions, trigger_mentions, protests)
        protested = protested_acts(doc.text, trigger_mentions, protests) if protests else []
        if protested:
            # What the crowd protested, its kind of act told again further on ("targeted with a
            # suicide bomber"), and acts with no one hurt in their sentence ("the Quetta attack"):
            # the grievance, not the incident.
            hurt_in = {m.sentence for m in casualty_mentions}
            grieved = {EVENT_TYPE_OF[t.value.sub_event_type] for t in protested}
            # The act protested is no act of the protest's, violent or not ("marched against the
            # coup").
            trigger_mentions = [
                t
                for t in trigger_mentions
                if t in protests
                or (
                    t not in protested
                    and (
                        not t.value.violent
                        or (t.sentence in hurt_in and EVENT_TYPE_OF[t.value.sub_event_type] not in grieved)
                    )
                )
            ]
            # Its dead, told where no act of the protest stands ("violence that claimed the lives
            # of 15 workers"), are the grievance's too.
            acted_in = {t.sentence for t in trigger_mentions}
            casualty_mentions = [m for m in casualty_mentions if m.sentence in acted_in]
            # The deadly acts left out were all what the crowd protested: so may their dead be.
            casualty_mentions = _without_grievances(doc.text, casualty_mentions, trigger_mentions, protests)
        reporter_mentions = gather("reporters")
        # Anyone killed or hurt: the act that hurt them is the incident, not a bomb defused beside it.
        trigger = pick_type(trigger_mentions, bool(casualty_mentions))
        if trigger is None and not casualty_mentions:
            continue
        actors = gather("actors")
        parties = {m.value.party for m in casualty_mentions if m.value.outcome == "killed"}
        sub = incident_type(
            trigger,
            casualty_mentions,
            actors,
            trigger_mentions,
            incident_text(sorted(incident.sentences)[:3]),
            doc.lower_text,
        )
        opening_text = doc.text[first[0] : first[1]]
        if (
            events
            and (trigger is None or trigger.value.strength < SPECIFIC_TRIGGER)
            and ANOTHER_OF_THEM.match(opening_text)
        ):
            # "Another IED bombing killed 1, and another killed 2": another of the act just told.
            sub = events[-1].sub_event_type
        if trigger is not None and EVENT_TYPE_OF[sub] == "Strategic developments":
            # "A 24-hour curfew has been ordered", after a sentence that counts the fighting's
            # dead: a development's toll is only what its own sentence tells.
            casualty_mentions = [m for m in casualty_mentions if m.sentence == trigger.sentence]
        bomber_counted = any(
            BOMBER_INCLUDED.search(doc.text[spans[i][0] : spans[i][1]]) for i in incident.sentences
        )
        # How many bombers died matters to a suicide bombing only.
        bombers = (
            bombers_dead(" ".join(doc.text[spans[i][0] : spans[i][1]] for i in sorted(incident.sentences)))
            if sub == "Suicide bomb"
            else 1
        )
        figures = count_casualties(casualty_mentions, sub, bomber_counted, reporter_mentions, bombers)
        if incident.background and not figures.mentions and not incident.recalled:
            # Spec: a past incident recalled with its own date and place is an event.
            drop(
                doc,
                opening_sentence,
                ("background", "a past incident recalled without figures, or a date and place, of its own"),
            )
            continue
        struck = state_target(doc.text, trigger) if sub == "Attack" else None
        attacked = attacked_forces(trigger, actors, doc.text) if sub == "Attack" and trigger else None
        no_known_victims = main_victims(figures.mentions) in (None, "unknown")
        # Civilians only hurt beside forces attacked ("a civilian bystander injured") leave the
        # forces the target; civilians killed make it an attack on them.
        civilians_killed = (
            main_victims([m for m in figures.mentions if m.value.outcome == "killed"]) == "civilian"
        )
        if (struck is not None or attacked is not None) and (no_known_victims or not civilians_killed):
            # "A government convoy was attacked near Bagan", "militants attacked soldiers",
            # "an attack on a police station killed three", "an attack left 12 people dead at a
            # security checkpoint": forces attacked are a battle's side.
            sub = "Armed clash"
        if (
            sub == "Attack"
            and not figures.mentions
            # "survives an assassination bid", "dumps corpses": a named act is no bare "attack".
            and (trigger is None or trigger.value.strength < SPECIFIC_TRIGGER)
            and not any(m.value.side == "civilian" for m in actors)
            and surest < SURE_INCIDENT
            and not incident.background
            # "Additional attacks took place in Kirkuk, Kut and Tarmiyah": told where it happened.
            and not any(
                TOLD_WHERE.search(doc.text, *spans[i]) and layers["places"].get(i) for i in incident.sentences
            )
            and not any(SHOTS_FIRED.search(doc.lower_text, *spans[i]) for i in incident.sentences)
            # "a Shining Path attack on a power pylon": a thing struck is an act done.
            and not any(THING_ATTACKED.search(doc.lower_text, *spans[i]) for i in incident.sentences)
            # A headline's "Taleban claim responsibility for northwest Pakistan attack", "Pakistan
            # mourns Lahore victims of Taliban attack": an attack claimed, or whose victims are
            # mourned, was done. (An article names attacks claimed that it tells elsewhere.)
            and (
                article
                or not any(
                    layers["claims"].get(i) or VICTIMS_OF.search(doc.lower_text, *spans[i])
                    for i in incident.sentences
                )
            )
            and not any(
                m.label == "place" and PLACE_ATTACKED.search(doc.text, max(0, m.start - 40), m.start)
                for i in incident.sentences
                for m in layers["places"].get(i, [])
            )
        ):
            # A bare "attack" with no victims and no figures is talk, not an incident.
            drop(doc, opening_sentence, ("talk", "an attack named with no victims and no figures"))
            continue

        date_mentions = gather("dates")
        if recalled_without_month(incident, date_mentions, unresolved_days, doc.lower_text):
            # Coding guide: a past incident is coded only with its own month and year at least
            # ("the 2021 Kabul airport bombing" is not).
            drop(doc, opening_sentence, ("background", "a past incident recalled without its own month"))
            continue
        chosen, event_date, date_end, precision, basis = incident_date(
            doc, incident, date_mentions, layers["dates"], events, unresolved_days, casualty_mentions
        )
        if basis in PUBLICATION_FALLBACK and article and not _opens_the_report(doc, incident, spans):
            # A whole article dates the incidents it reports; one it leaves without a day, or a
            # day of the incident told before it, is talk about violence, not news of it. The
            # one its first sentence tells is its news, on the day it was published
            # ("SOUTH WAZIRISTAN: A soldier was martyred in a firefight…").
            drop(doc, opening_sentence, ("undated", "an incident an article gives no day of its own"))
            continue

        place, incident_places = incident_place(
            doc,
            incident,
            # The place of what a crowd protested is not the protest's ("rallies across the
            # province against a suicide blast at a meeting in Quetta").
            [
                m
                for m in gather("places")
                if not any(a.sentence == m.sentence and a.start < m.start for a in protested)
            ],
            gather("actors"),
            [*trigger_mentions, *casualty_mentions],
            spans,
            iso3,
        )
        # The place decides the country where the gazetteer knows it; the article's otherwise.
        event_iso3 = place["iso3"] or iso3
        event_country = country_name(event_iso3) if event_iso3 else None
        if trigger is not None:
            sub = territory_direction(sub, trigger, actors, event_iso3)  # whose country the place is
        # Forces named as backing ("M23 fighters, backed by Rwandan troops") are not the parties,
        # nor is the police that only speaks ("police said").
        actors = [
            m
            for m in actors
            if not SUPPORTING.search(doc.lower_text[max(0, m.start - 60) : m.start])
            and not any(r.start <= m.start and m.end <= r.end for r in reporter_mentions)
            # Police who "suspect militants were operating the drone" guess; they did not fly it.
            and not SPEAKING.match(doc.text, m.end)
        ]
        if sub == "Mob violence" and any(
            t.value.sub_event_type == "Peaceful protest" for t in trigger_mentions
        ):
            sub = "Violent demonstration"  # codebook: a crowd at a demonstration is not a mob
        a1, a2 = choose_actors(sub, actors, parties, trigger, casualty_mentions, trigger_mentions, doc.text)
        a1, a2 = infer_striker(doc, sub, a1, a2, trigger, actors, casualty_mentions, event_iso3)
        if sub in TERRITORY and trigger is not None and a2 is not None:
            # Codebook: the group that takes or regains the place is actor 1 ("Resistance
            # fighters captured two junta posts": the resistance, not the junta).
            taker = territory_taker(trigger, actors)
            if taker is not None and (taker.start, taker.end) == (a2.start, a2.end):
                a1, a2 = a2, a1
        # A country read from the words alone (`country_words`) names no place: a killing it
        # places is still nobody's.
        named_iso3 = place["iso3"] or (None if "country_from_words" in doc.annotations.facts else iso3)
        if note and _nobodys_killing(sub, a1, parties, place, named_iso3, trigger_mentions, doc):
            # Coding guide: crime without a political side is no event ("Body found under a
            # bridge", "Three dead during the last hours of Wednesday"). A note's word of a side
            # anywhere ("the reason for the assassination") may be this death's.
            drop(
                doc,
                opening_sentence,
                ("crime", "a death with no place, no one who did it and no one political"),
            )
            continue
        a1, a2, claim_mention, claim_status, claimed_by = settle_claim(
            sub,
            a1,
            a2,
            gather("claims"),
            actors,
            trigger,
            casualty_mentions,
            doc.text,
            event_country,
            event_iso3,
        )
        # Fire named by the act or by who fired ("Pakistani firing kills two").
        remote = sub in ("Shelling/artillery/missile attack", "Air/drone strike") or any(
            m is not None and FIRE.search(doc.text, m.start, m.end + 12) is not None for m in (trigger, a1)
        )
        if (across := across_the_line(doc, place, a1, a2, remote)) is not None:
            place = across
            event_iso3 = across["iso3"]
            event_country = country_name(event_iso3)
        target = struck_country(place, a1, gather("places"), event_iso3) or home_country(
            place, a1, a2, event_iso3
        )
        if target is not None:
            event_iso3, event_country = target, country_name(target)
            if place["admin1"] is None:
                place = struck_place(place, target)
        if (town := report_town(doc, place, event_iso3)) is not None:
            place = town
        actor1, inter1 = actor_name(a1, event_country, event_iso3, event_date)
        actor2, inter2 = actor_name(a2, event_country, event_iso3, event_date)
        if remote and event_iso3 is None and inter1 == 1 and a1 is not None and a1.value.iso3:
            # "Two children killed in Indian shelling", with no place named: a state's fire that
            # its people name strikes across a front, outside its own ground (external forces).
            inter1 = 8
        if remote and sub == "Attack" and inter1 == 8:
            # Coding guide: cross-border shelling is Shelling/artillery/missile attack; so is a
            # state's fire across a front that kills the other side's people ("Pakistani boy
            # killed by Indian border fire"), whatever the weapon the text leaves unnamed.
            sub = "Shelling/artillery/missile attack"
        fatalities, imputed, deaths_actor1, deaths_actor2, deaths_civilians, deaths_unknown = split_deaths(
            figures, a1, a2, sub, trigger
        )

        reporters = list(dict.fromkeys(m.value.name for m in reporter_mentions))
        location = place["location"] or (event_country if event_country else None)
        geo_precision = place["geo_precision"] or (3 if event_country else None)
        where = _where(place, event_country)

        evidence: list[Evidence] = []
        if trigger is not None:
            evidence.append(_evidence(doc, "sub_event_type", trigger))
        if chosen is not None:
            evidence.append(_evidence(doc, "event_date", chosen))
        evidence.extend(
            _evidence(doc, "fatalities" if m.value.outcome == "killed" else "injured", m)
            for m in casualty_mentions
        )
        if place["mention"] is not None:
            evidence.append(_evidence(doc, "location", place["mention"]))
        for name, mention in (("actor1", a1), ("actor2", a2)):
            if mention is not None and mention.end > mention.start:
                evidence.append(_evidence(doc, name, mention))
        if claim_mention is not None:
            evidence.append(_evidence(doc, "claim_status", claim_mention))
        evidence.extend(_evidence(doc, "reported_by", m) for m in reporter_mentions)

        events.append(
            Event(
                event_id=make_event_id(
                    doc.id, number, sub, event_date.isoformat() if event_date else "undated"
                ),
                doc_id=doc.id,
                event_date=event_date,
                date_end=max(date_end, event_date) if event_date and date_end else None,
                time_precision=precision,
                date_basis=basis,
                event_type=EVENT_TYPE_OF[sub],
                sub_event_type=sub,
                actor1=actor1,
                actor2=actor2,
                inter1=inter1,
                inter2=inter2,
                interaction=interaction_code(inter1, inter2) if inter1 or inter2 else 0,
                country=event_country,
                iso3=event_iso3,
                admin1=place["admin1"],
                admin2=place["admin2"],
                latitude=place["latitude"],
                longitude=place["longitude"],
                geonameid=place["geonameid"],
                location=location,
                geo_precision=geo_precision,
                fatalities=fatalities,
                fatalities_low=min(figures.low, fatalities) if figures.mentions else fatalities,
                fatalities_high=max(figures.high, fatalities),
                deaths_actor1=deaths_actor1,
                deaths_actor2=deaths_actor2,
                deaths_civilians=deaths_civilians,
                deaths_unknown=deaths_unknown,
                fatalities_imputed=imputed,
                injured=figures.injured,
                claim_status=claim_status,
                claimed_by=claimed_by,
                reported_by=reporters,
                source=doc.source,
                source_url=doc.url,
                background=incident.background,
                notes=write_note(event_date, sub, actor1, actor2, where, fatalities, figures.injured),
                evidence=evidence,
            )
        )
        if OPENS_ON_ANOTHER.match(opening_text):
            # (Every clause ANOTHER_OF_THEM reads opens so.) Not "meanwhile" or "separately": an
            # article's summary and its paragraph on the incident say those of one incident too.
            told_apart.add(events[-1].event_id)
        if incident.background and _told_before(events[-1], events[:-1]):
            # "the April 22 Pahalgam attack", recalled once more: one incident, one event.
            events.pop()
            drop(doc, opening_sentence, ("background", "a past incident recalled again"))
            continue
        # Codebook: one event per place. "Protests were held in Cluj, Timisoara and Iasi" is
        # three protests; "sabotage of pylons in Guazapa, Chalatenango and Ilobasco" three acts;
        # "warplanes killed 10 in Khan Shaykhun and Sinjar" two strikes, the toll shared out.
        if trigger is not None and place["mention"] is not None:
            kind = EVENT_TYPE_OF[sub]
            same_kind = {
                t.sentence
                for t in trigger_mentions
                if (
                    t.value.sub_event_type in PROTEST_FAMILY
                    if sub in PROTEST_FAMILY
                    else EVENT_TYPE_OF[t.value.sub_event_type] == kind
                    # "The attacks were carried out in X, Y and Z", told as news of the clash.
                    or (
                        _same_fight(t.value.sub_event_type, sub)
                        and readings.get(t.sentence, 0.0) >= NEWS_READING
                    )
                )
            }
            # An article's protest day is one event per town, each town told in a sentence of its
            # own (a note's excerpts retell one protest's place over and over).
            listed = listed_places(
                doc,
                incident_places,
                place["mention"],
                same_kind,
                article and sub in PROTEST_FAMILY,
                # A note's list of cities abroad where crowds marched; an article's lists of
                # capitals tell of strikes, talks and sanctions as often.
                abroad=sub in PROTEST_FAMILY and not article,
            )
            hurt = bool(fatalities or figures.injured)
            if hurt and article and _told_apart(named_in, listed, incident):
                # An article's toll over several places sums the incidents it goes on to tell
                # one by one ("Six killed across Balochistan" above a paragraph for each).
                listed = []
            shares = (
                shares_by_place(doc.text, [place["mention"], *listed], figures) if hurt and listed else []
            )
            told = events[-1]
            for n, other in enumerate(listed, start=1):
                entry = other.value.entry
                fields = entry_place(
                    entry, 2 if held_by_district(entry) else {"place": 1, "admin2": 2}.get(entry.kind, 3)
                )
                other_country = event_country
                if entry.iso3 != told.iso3 and (abroad := country_name(entry.iso3)) is not None:
                    # A protest of a list abroad ("in London, Paris and Berlin"): its own country,
                    # and its actors named for it.
                    other_country = abroad
                    named1, cat1 = actor_name(a1, abroad, entry.iso3, event_date)
                    named2, cat2 = actor_name(a2, abroad, entry.iso3, event_date)
                    fields |= {
                        "country": abroad,
                        "iso3": entry.iso3,
                        "actor1": named1,
                        "inter1": cat1,
                        "actor2": named2,
                        "inter2": cat2,
                        "interaction": interaction_code(cat1, cat2) if cat1 or cat2 else 0,
                    }
                events.append(
                    told.model_copy(
                        update={
                            **fields,
                            **(_share(told, shares[n], fatalities) if shares else {}),
                            "event_id": make_event_id(doc.id, number, sub, place_identity(entry)),
                            "notes": write_note(
                                event_date,
                                sub,
                                fields.get("actor1", actor1),
                                fields.get("actor2", actor2),
                                _where(fields, other_country),
                                shares[n].fatalities if shares else fatalities,
                                shares[n].injured if shares else figures.injured,
                            ),
                            "evidence": [e for e in told.evidence if e.field != "location"]
                            + [_evidence(doc, "location", other)],
                        }
                    )
                )
            if shares:
                at = len(events) - len(listed) - 1
                events[at] = told.model_copy(
                    update={
                        **_share(told, shares[0], fatalities),
                        "notes": write_note(
                            event_date, sub, actor1, actor2, where, shares[0].fatalities, shares[0].injured
                        ),
                    }
                )
                shared.append((told, events[at:]))
    events = _unshare_told(events, shared)
    events = with_confidence(doc, _one_incident_told_in_parts(events, told_apart))
    undated = sum(event.event_date is None for event in events)
    if undated:
        doc.warn(
            f"no publication date, dateline or date metadata: {undated} event(s) left undated, since the "
            "text dates them only relative to publication (give --published, or a `published` field)"
        )
    return events


def _nobodys_killing(
    sub: str,
    attacker: Mention | None,
    parties: set[str],
    place: dict[str, Any],
    iso3: str | None,
    triggers: list[Mention],
    doc: Document,
) -> bool:
    """Whether a note tells of a death and nothing that makes it political: no place or country,
    no attacker named, none of the dead of a side (a soldier, a militant), no weapon of war, only
    words of a death for its act, and no word of a side or of who did it."""
    return (
        sub == "Attack"
        and iso3 is None
        and place["location"] is None
        and (attacker is None or attacker.end <= attacker.start)
        and parties <= {"unknown", "civilian"}
        and all(
            t.value.strength < NAMED_WEAPON and DEATH_ONLY.search(doc.lower_text[t.start : t.end])
            for t in triggers
        )
        and not POLITICAL_SIDE.search(doc.lower_text)
    )


def _where(place: dict[str, Any], country: str | None) -> str | None:
    """The place as a note names it: "Sinjar, Idlib, Syria"."""
    parts = (
        place["location"],
        place["admin2"] if place["admin2"] != place["location"] else None,
        place["admin1"],
        country,
    )
    return ", ".join(p for p in parts if p) or None


def _share(event: Event, share: Share, fatalities: int) -> dict[str, Any]:
    """An event's toll fields for its place's part of a toll told over several places."""
    update: dict[str, Any] = {
        "fatalities": share.fatalities,
        "fatalities_low": share.low,
        "fatalities_high": share.high,
        "injured": share.injured,
    }
    parties = ("deaths_actor1", "deaths_actor2", "deaths_civilians", "deaths_unknown")
    known = [name for name in parties if getattr(event, name) is not None]
    for name in parties:
        # All the dead of one party ("10 civilians") stay that party's in each place's part.
        whole = len(known) == 1 and name in known and getattr(event, name) == fatalities
        update[name] = share.fatalities if whole else None
    return update


def _unshare_told(events: list[Event], shared: list[tuple[Event, list[Event]]]) -> list[Event]:
    """A toll shared out over places of which the article tells one's incident on its own
    ("Six killed in Mastung, Zhob and Turbat" above a paragraph on each) is a summary: its
    places are told, and it stays the one event it was."""
    for told, group in shared:
        members = {id(e) for e in group}
        own = {(e.event_type, e.location) for e in events if id(e) not in members}
        if any((e.event_type, e.location) in own for e in group):
            at = next(i for i, e in enumerate(events) if id(e) in members)
            events = [e for e in events if id(e) not in members]
            events.insert(at, told)
    return events


def _same_fight(told: str, sub: str) -> bool:
    """Whether "the attacks were carried out in X, Y and Z" lists the places of a clash."""
    return {told, sub} == {"Attack", "Armed clash"}


def _told_apart(named_in: dict[str, set[int]], listed: list[Mention], incident: Incident) -> bool:
    """Whether the document names one of the listed places again outside the incident
    (`named_in`: the sentences each gazetteer name stands in)."""
    own = set(incident.sentences)
    return any(named_in.get(m.value.entry.name, set()) - own for m in listed)


def _within(inner: Event, outer: Event) -> bool:
    """Whether `inner`'s place lies in `outer`'s (Wana in South Waziristan in Khyber Pakhtunkhwa)."""
    if inner.iso3 != outer.iso3 or inner.iso3 is None:
        return False
    return outer.location in (inner.location, inner.admin2, inner.admin1, inner.country)


def _without_grievances(
    text: str, casualties: list[Mention], triggers: list[Mention], protests: list[Mention]
) -> list[Mention]:
    """A crowd's act and no deadly one of another kind: the deaths given as what the crowd
    protested are no toll of the incident's."""
    if any(t.value.sub_event_type in DEADLY_TYPES - PROTEST_OR_RIOT for t in triggers):
        return casualties
    cause = grievances(text, casualties, protests)
    return [m for m in casualties if m not in cause]


def _one_incident_told_in_parts(events: list[Event], told_apart: set[str]) -> list[Event]:
    """An incident told again with its district, its town or its province ("a blast in
    South Waziristan killed seven", then "the SHO of Wana said seven were killed"): one event, at
    the most specific place, where the day, the sub-type and the toll are the same. Not a crowd's:
    a protest day in many towns is one event per town; nor one the text says is another
    (`told_apart`, by event id: "…left 2 dead. Another IED bombing killed 1, and another killed 2")."""
    kept: list[Event] = []
    # The evidence spans of each kept event, as keys rather than records compared field by
    # field: a report repeated a hundred times folds a hundred parts into one event.
    spans_of: list[set[tuple[str, int, int]]] = []
    # Kept events by what twins share (day, sub-type, toll), in the order kept: each event is
    # compared with those alone, not with every event of a long report.
    alike: dict[tuple[Any, ...], list[int]] = defaultdict(list)
    for event in events:
        # By the last day: an act told "on Thursday" and one "said on Thursday" (that day or the
        # night before) may be one.
        key = (event.date_end, event.sub_event_type, event.fatalities)
        # Only a dated event with a toll, not a crowd's, has a twin (or is one).
        can_pair = (
            event.event_date is not None
            and event.fatalities > 0
            and event.sub_event_type not in PROTEST_FAMILY
            and event.event_id not in told_apart
        )
        at = next(
            (
                i
                for i in (alike.get(key, ()) if can_pair else ())
                if not (kept[i].background or event.background)
                and (_within(event, kept[i]) or _within(kept[i], event))
                # Places one sentence lists ("the countryside of Homs and the outskirts of
                # Palmyra") are parts of a toll shared out, not one place told twice.
                and not _same_act(event, kept[i])
            ),
            None,
        )
        if at is None:
            if can_pair:
                alike[key].append(len(kept))
            kept.append(event)
            spans_of.append({(e.field, e.start, e.end) for e in event.evidence})
            continue
        twin = kept[at]
        # The toll is the same by the condition above: the event told first keeps its fields,
        # at the more specific place.
        place = event if _within(event, twin) else twin
        known = spans_of[at]
        added = [e for e in event.evidence if (e.field, e.start, e.end) not in known]
        known.update((e.field, e.start, e.end) for e in added)
        merged = twin.model_copy(
            update={
                **{name: getattr(place, name) for name in PLACE_FIELDS},
                "evidence": twin.evidence + added,
                "notes": write_note(
                    twin.event_date,
                    twin.sub_event_type,
                    twin.actor1,
                    twin.actor2,
                    _where_of(place),
                    twin.fatalities,
                    twin.injured,
                ),
            }
        )
        kept[at] = merged
    return kept


def _same_act(one: Event, other: Event) -> bool:
    """Whether two events were read from the same words naming the act."""
    acts = {(e.start, e.end) for e in one.evidence if e.field == "sub_event_type"}
    return any((e.start, e.end) in acts for e in other.evidence if e.field == "sub_event_type")


PLACE_FIELDS = (
    "location",
    "admin1",
    "admin2",
    "admin3",
    "latitude",
    "longitude",
    "geo_precision",
    "geonameid",
)


def _where_of(event: Event) -> str | None:
    return _where({"location": event.location, "admin2": event.admin2, "admin1": event.admin1}, event.country)
