"""Assembly: group sentences into incidents and turn each incident into an event record.

An incident starts at a sentence with a trigger (or casualty figures) and gathers the
sentences after it that add detail — place, figures, claims, sources — until a sentence opens
another incident ("in a separate attack", another day) or the text turns to context.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from strife.document import Document, Mention
from strife.event import Event, Evidence, make_event_id
from strife.places.gazetteer import get_gazetteer
from strife.places.recognise import distance_km
from strife.stages.actors import Actor
from strife.stages.claims import CLAIM_PRIORITY
from strife.stages.incident_model import features, incident_model
from strife.stages.places import GOVERNMENT_AFTER, PLACE_KINDS, country_name
from strife.stages.triggers import LEARNED_INCIDENT, LEARNED_STRENGTH, SUPPORTING
from strife.taxonomy import EVENT_TYPE_OF, interaction_code

# A sentence that opens with these words starts a new incident.
NEW_INCIDENT = re.compile(
    r"\b(?:in (?:a |another )?separate\b|separately|in another\b|another (?:attack|incident|clash|blast|"
    r"explosion|exchange of fire|operation|raid|strike|ambush)|meanwhile|elsewhere|in a similar incident|"
    r"earlier,? on|on the same day|the same day|also on|(?:also|further|separately) reported that)\b",
    re.I,
)
# How far back an undated toll update may reach: the week its report falls in.
UPDATE_WINDOW = dt.timedelta(days=6)
# A sentence that opens on where it happened: "In Rawalpindi's Liaquat Bagh, ...".
PLACE_LEAD = re.compile(
    r"^\W*(?:(?:Meanwhile|Elsewhere|Later|Earlier|Yesterday|Today|Last (?:week|night)|On \w+day),?\s+)?"
    r"(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside)\s+(?:the\s+)?[A-Z]"
)
# An incident none of whose sentences the learned reading gives this much is talk, not news.
NOT_AN_INCIDENT = 0.05
# A weapon the table names this specifically (an air strike, a suicide bomb) is news whatever
# the reading; a named act (shelling, a rape, a town retaken, a riot) where the text also gives
# the day and the place.
SPECIFIC_WEAPON = 85
NAMED_ACT = 56


def _concrete(incident: Incident, layers: dict[str, dict[int, list[Mention]]]) -> bool:
    strongest = max(
        (t.value.strength for i in incident.sentences for t in layers["triggers"].get(i, [])), default=0
    )
    if strongest >= SPECIFIC_WEAPON:
        return True
    day = any(d.value.precision == 1 for i in incident.sentences for d in layers["dates"].get(i, []))
    placed = any(m.label == "place" for i in incident.sentences for m in layers["places"].get(i, []))
    return strongest >= NAMED_ACT and day and placed


PROTEST_TYPES = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
)
# The four types of a demonstration, violent or not; with mobs, every type of a crowd's event.
PROTEST_FAMILY = PROTEST_TYPES | {"Violent demonstration"}
# Protests and riots are never accidents or crimes, whatever words stand near them.
PROTEST_OR_RIOT = PROTEST_FAMILY | {"Mob violence"}
# A trigger this strong names the weapon or the act (a roadside bomb, an armed clash): no
# report's opening words about an accident or a crime undo it.
SPECIFIC_TRIGGER = 40


def _drop(doc: Document, sentence: Mention, reason: tuple[str, str]) -> None:
    """Keep why a sentence that told of violence was not coded, for `strife evaluate --errors`."""
    kind, cue = reason
    doc.annotations.facts.setdefault("dropped", []).append(
        {"start": sentence.start, "end": sentence.end, "reason": kind, "cue": cue}
    )


# The longest span a date may cover and still say the month of a recalled incident.
MONTH_DAYS = 31
# A sentence the learned reading judges an incident report this surely is news in itself.
SURE_INCIDENT = 0.95
# Non-violent triggers (arrests, agreements) make an event only in the lead or with a day.
LEAD_SENTENCES = 2
# Actors the codebook implies when the text names none: protests have protesters, riots
# rioters, violence against civilians civilians, and an unnamed perpetrator is an unidentified
# armed group. Zero-width mentions: they stand for no span of the text.
DEFAULT_UNIDENTIFIED = Mention(0, 0, "actor", Actor("Unidentified Armed Group ({country})", 3, "armed"))
DEFAULT_STATE = Mention(0, 0, "actor", Actor("Military Forces of {country}", 1, "state"))
DEFAULT_POLICE = Mention(0, 0, "actor", Actor("Police Forces of {country}", 1, "state"))
DEFAULT_GOVERNMENT = Mention(0, 0, "actor", Actor("Government of {country}", 1, "state"))
DEFAULT_PROTESTERS = Mention(0, 0, "actor", Actor("Protesters ({country})", 6, "protester"))
DEFAULT_RIOTERS = Mention(0, 0, "actor", Actor("Rioters ({country})", 5, "rioter"))
DEFAULT_CIVILIANS = Mention(0, 0, "actor", Actor("Civilians ({country})", 7, "civilian"))


@dataclass
class Incident:
    sentences: list[int] = field(default_factory=list)
    background: bool = False

    def add(self, index: int) -> None:
        if index not in self.sentences:
            self.sentences.append(index)


def _by_sentence(doc: Document, layer: str) -> dict[int, list[Mention]]:
    grouped: dict[int, list[Mention]] = defaultdict(list)
    for mention in doc.layer(layer):
        grouped[mention.sentence].append(mention)
    return grouped


def _evidence(doc: Document, name: str, mention: Mention) -> Evidence:
    return Evidence(field=name, text=mention.text(doc), start=mention.start, end=mention.end)


def group_incidents(doc: Document) -> list[Incident]:
    triggers = _by_sentence(doc, "triggers")
    casualties = _by_sentence(doc, "casualties")
    dates = _by_sentence(doc, "dates")
    unresolved_days = {m.sentence for m in doc.layer("unresolved_dates")}
    supporting = [_by_sentence(doc, name) for name in ("places", "claims", "reporters")]
    places = supporting[0]
    claims = supporting[1]
    actors = _by_sentence(doc, "actors")
    # A sentence that names an armed group goes on telling the incident ("Fighters of Hayat
    # Tahrir al-Sham pulled back northwards").
    supporting.append({i: named for i, ms in actors.items() if (named := [m for m in ms if m.value.named])})
    context = {m.sentence: m.label for m in doc.layer("context")}
    cues = {m.sentence: m.value for m in doc.layer("context") if m.value is not None}
    readings = {m.sentence: m.value for m in doc.layer("incident_readings")}
    # A report that opens on an accident, a disaster or a crime (its title or first sentence).
    opening = doc.annotations.facts.get("non_political") or (
        cues.get(0) if context.get(0) == "non-political" else None
    )
    incidents: list[Incident] = []
    current: Incident | None = None
    for sentence in doc.layer("sentences"):
        index = sentence.sentence
        flag = context.get(index)
        armed = any(m.value.side == "armed" for m in actors.get(index, []))
        # Judged per incident, never per document: a sentence of its own accident, disaster,
        # epidemic, crime or sport is dropped, and in a report that opens on one, a sentence
        # with no sign of its own of a political actor. A protest, or a sentence that names an
        # armed actor, is coded whatever words stand near it.
        own = [t for t in triggers.get(index, []) if t.value.strength > LEARNED_STRENGTH]
        political = armed or any(t.value.sub_event_type in PROTEST_OR_RIOT for t in own)
        specific = any(t.value.strength >= SPECIFIC_TRIGGER for t in own)
        reason = None
        if flag == "statistic" or (flag == "non-political" and not political):
            reason = cues.get(index)
        elif opening is not None and not political and not specific:
            reason = (opening[0], f"the report opens on it: {opening[1]!r}")
        if reason is not None:
            if index in triggers or index in casualties:
                _drop(doc, sentence, reason)
            current = None
            continue
        text = doc.cased_text[sentence.start : sentence.end]
        violent = any(t.value.violent for t in triggers.get(index, []))
        killed = [c for c in casualties.get(index, []) if c.value.outcome in ("killed", "injured")]
        calm = [t for t in triggers.get(index, []) if not t.value.violent]
        # A day the text gives counts, resolved or not ("on Tuesday" with no publication date).
        day = any(d.value.precision == 1 for d in dates.get(index, [])) or index in unresolved_days
        # A protest, an arrest or an agreement is news where the report says when, or leads with
        # it and says where; elsewhere it is talk about such things.
        # Violence is news where the report gives its toll, its day or its place; "drone strikes"
        # and "enforced disappearances" in an analysis are not incidents.
        placed = any(m.label == "place" for m in places.get(index, []))
        # "Two more killed as Myanmar regime continues crackdowns": a country is place enough
        # where the learned reading, too, takes the sentence for a report of an incident.
        placed = placed or (
            readings.get(index, 0.0) >= LEARNED_INCIDENT
            and any(m.label == "country" for m in places.get(index, []))
        )
        sure = readings.get(index, 0.0) >= SURE_INCIDENT
        # "The leaders pledged not to engage in attacks": a sentence the learned reading calls
        # talk adds no incident and no type of its own; it may still tell of one (supporting).
        talk = readings.get(index, 1.0) < NOT_AN_INCIDENT
        eventful = (
            killed
            or (violent and not talk and (day or placed or sure))
            or (calm and (day or (index < LEAD_SENTENCES and (index in places or sure))))
            # Destruction of a thing named, at a place named ("destroying two pylons in Guazapa").
            or (
                any(t.value.sub_event_type == "Looting/property destruction" for t in calm)
                and placed
                and not talk
            )
        )
        background = flag == "background"
        if eventful:
            opens = (
                current is None
                or background  # a recalled incident is one sentence's worth: its own figures only
                or NEW_INCIDENT.search(text) is not None
                or current.background != background
                or _other_day(dates.get(index, []), current, dates)
                # ACLED's unit is one place: new figures somewhere else are another incident, and
                # so is a sentence that opens on another place ("In Rawalpindi, supporters...").
                or (
                    bool(killed or [t for t in own if t.value.violent])
                    and _other_place(places.get(index, []), current, places)
                )
                # The place a sentence opens on is where it happened; others it names after it
                # ("415 km southeast of Lima") are bearings.
                or (
                    PLACE_LEAD.match(text) is not None
                    and _other_place(_lead_place(places.get(index, [])), current, places)
                )
                or (_other_kind(own, current, triggers) and not ANAPHORA.match(text))
            )
            if opens:
                current = Incident(background=background)
                incidents.append(current)
            current.add(index)
        elif current is not None and not background and any(index in layer for layer in supporting):
            current.add(index)
        elif (
            current is not None
            and not background
            and any(t.value.sub_event_type in PROTEST_OR_RIOT for t in own)
            and any(
                t.value.sub_event_type in PROTEST_OR_RIOT
                for i in current.sentences
                for t in triggers.get(i, [])
            )
        ):
            # How a protest went on, or how it was broken up ("police broke it up with baton
            # charges"), is the protest's story, day or place told or not.
            current.add(index)
        elif index in claims:
            # A claim or a denial often comes paragraphs later, after context: it belongs to the
            # latest incident of the report itself, not to a recalled one.
            latest = next((i for i in reversed(incidents) if not i.background), None)
            if latest is not None:
                latest.add(index)
            if background:
                current = None
        elif background:
            current = None
    return incidents


# A sentence that goes on about the incident told before ("The attack", "The blast", "It").
ANAPHORA = re.compile(r"^\W*(?:the|this|that|these|those|it|its|they|their|he|she|his|her)\b", re.I)


def _other_kind(own: list[Mention], incident: Incident, triggers: dict[int, list[Mention]]) -> bool:
    """A sentence that tells, in its own words, of another kind of event than the incident
    told so far (a kidnapping after a clash, a firebomb after an ambush) begins another one."""
    new = {EVENT_TYPE_OF[t.value.sub_event_type] for t in own if t.value.violent}
    known = {
        EVENT_TYPE_OF[t.value.sub_event_type]
        for i in incident.sentences
        for t in triggers.get(i, [])
        if t.value.strength > LEARNED_STRENGTH
    }
    return bool(new and known) and not new & known


def _place_keys(mentions: list[Mention]) -> set[str]:
    """The provinces, districts and towns a sentence names, as comparable paths."""
    keys = set()
    for m in mentions:
        entry = m.value.entry if m.label == "place" else None
        if entry is not None and entry.kind in ("place", "admin2"):
            keys.add(f"{entry.iso3}/{entry.admin1}/{entry.admin2 or entry.name}")
        elif entry is not None and entry.kind == "admin1":
            keys.add(f"{entry.iso3}/{entry.name}")
    return keys


def _lead_place(mentions: list[Mention]) -> list[Mention]:
    named = sorted(
        (m for m in mentions if m.label == "place" and m.value.entry is not None), key=lambda m: m.start
    )
    return named[:1]


def _other_place(new: list[Mention], incident: Incident, places: dict[int, list[Mention]]) -> bool:
    fresh = _place_keys(new)
    known = (
        set().union(*(_place_keys(places.get(i, [])) for i in incident.sentences))
        if incident.sentences
        else set()
    )
    # A province and a district in it are one place; two districts, or two provinces, are not.
    return bool(fresh and known) and not any(
        a == b or a.startswith(b + "/") or b.startswith(a + "/") for a in fresh for b in known
    )


def _other_day(new: list[Mention], incident: Incident, dates: dict[int, list[Mention]]) -> bool:
    known = [d.value.start for i in incident.sentences for d in dates.get(i, []) if d.value.precision == 1]
    fresh = [d.value for d in new if d.value.precision == 1]
    return bool(known and fresh) and all(
        abs((value.start - day).days) > 1 and abs((value.end - day).days) > 1
        for value in fresh
        for day in known
    )


def _pick_type(mentions: list[Mention], deaths: bool) -> Mention | None:
    """The strongest trigger; where people died, the strongest violent one (a report of a
    foiled attack that killed no one is a strategic development, one that killed is not)."""
    pool = ([m for m in mentions if m.value.violent] if deaths else []) or mentions
    return max(pool, key=lambda m: (m.value.strength, -m.start)) if pool else None


TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def _territory_direction(sub: str, trigger: Mention, actors: list[Mention], home: str | None = None) -> str:
    """Codebook: who takes the place decides the sub-type — the government's forces regain, any
    other group overtakes; a foreign army taking a village ("Russian forces captured a village" in
    Ukraine) is not the government of the place. The actor named last before the trigger in its
    sentence is the subject."""
    if sub not in TERRITORY:
        return sub
    before = [m for m in actors if m.sentence == trigger.sentence and m.end <= trigger.start]
    if not before:
        return sub
    subject = before[-1].value
    foreign = subject.iso3 is not None and home is not None and subject.iso3 != home
    return TERRITORY[0] if subject.side == "state" and not foreign else TERRITORY[1]


def _refine_type(sub: str, parties: set[str], sides: set[str]) -> str:
    """Codebook: Battles need two armed, organised sides; violence against civilians needs
    unarmed victims. A trigger's first guess is corrected by who was hurt and who is there."""
    armed_victims = parties & {"state", "armed"}
    if sub == "Attack" and armed_victims and "civilian" not in parties:
        return "Armed clash"
    if (
        sub == "Armed clash"
        and "civilian" in parties
        and not armed_victims
        and not ("state" in sides and "armed" in sides)
    ):
        return "Attack"
    return sub


# "stood at 54, the attacker included": the bomber is already among the dead.
BOMBER_INCLUDED = re.compile(
    r"\b(?:(?:attacker|bomber)s? included|including the (?:suicide )?(?:bomber|attacker)s?|"
    r"(?:bomber|attacker)s? (?:is|was|were) among the dead)\b",
    re.I,
)


def _speaker(figure: Mention, reporters: list[Mention]) -> str | None:
    """Whose figure it is: the nearest party named as speaking in its sentence."""
    here = [r for r in reporters if r.sentence == figure.sentence]
    if not here:
        return None
    nearest = min(here, key=lambda r: min(abs(r.start - figure.end), abs(figure.start - r.end)))
    return nearest.value.name


@dataclass
class Figures:
    fatalities: int = 0
    low: int = 0
    high: int = 0
    by_party: dict[str, int] = field(default_factory=dict)
    injured: int | None = None
    imputed: bool = False
    mentions: list[Mention] = field(default_factory=list)


def count_casualties(
    mentions: list[Mention],
    sub_event_type: str,
    bomber_counted: bool = False,
    reporters: list[Mention] | None = None,
) -> Figures:
    """Totals versus parts, tolls superseding, counts from different parties as a range.
    `bomber_counted`: the text says its toll already includes the suicide bomber. `reporters`:
    who speaks in the text; a figure is the nearest speaker's in its sentence."""
    figures = Figures(mentions=mentions)
    killed = [m for m in mentions if m.value.outcome == "killed"]
    injured = [m for m in mentions if m.value.outcome == "injured"]
    rising = [m for m in killed if m.value.toll]
    per_party: dict[str, list[int]] = defaultdict(list)
    for m in killed:
        if not m.value.toll:
            per_party[m.value.party].append(m.value.count.value)
            figures.imputed |= m.value.count.vague
    # Whole-incident figures ("30 people", "the toll stood at 30") and figures by party.
    totals = per_party.pop("unknown", []) + per_party.pop("total", [])
    # Different figures for the whole incident from different parties ("Amnesty said at least
    # 10 ... the governor said one") conflict; one party's differing figures are updates.
    total_sources = {
        _speaker(m, reporters or [])
        for m in killed
        if not m.value.toll and m.value.party in ("unknown", "total")
    }
    conflicting = len(set(totals)) > 1 and len(total_sources) > 1
    named = {p: max(v) for p, v in per_party.items()}
    parts_total = sum(named.values())
    parts_low = sum(min(v) for v in per_party.values())
    if rising:
        # Codebook: "the death toll rose to N" supersedes earlier figures.
        total = low = rising[-1].value.count.value
        high = max([total, *totals])
    elif totals and conflicting:
        # Codebook: conflicting reports from different parties → the most conservative figure,
        # the range spanning them all. A total below the sum of its parts is itself a part.
        total = low = max(min(totals), parts_low)
        high = max([*totals, parts_total])
    elif totals:
        # One party's figures restated or updated as counts came in: the highest stands.
        total = low = high = max([*totals, parts_low])
        high = max(high, parts_total)
    else:
        total = low = parts_low
        high = parts_total
    if (
        sub_event_type == "Suicide bomb"
        and total
        and not bomber_counted
        and not any(m.value.noun.endswith("bomber") for m in killed)
    ):
        total, low, high = total + 1, low + 1, high + 1  # codebook: the bomber counts among the dead
        named["armed"] = named.get("armed", 0) + 1
    figures.fatalities, figures.low, figures.high = total, min(low, total), max(high, total)
    figures.by_party = named
    if not named and totals:
        figures.by_party = {"unknown": total}
    if injured:
        by_party_injured: dict[str, int] = {}
        for m in injured:
            key = m.value.party
            by_party_injured[key] = max(by_party_injured.get(key, 0), m.value.count.value)
        figures.injured = sum(by_party_injured.values())
    return figures


def _agent(
    trigger: Mention | None, actors: list[Mention], hurt: list[Mention], text: str = ""
) -> Mention | None:
    """The armed or state actor named last before the trigger in its sentence: in news prose,
    the one who acts ("terrorists dropped explosives from a quadcopter on the police station").
    Those counted among the dead or hurt ("five policemen were martyred when…") are not."""
    if trigger is None:
        return None
    # Bombs, mines and grenades are an armed group's weapons in news of insurgency; the police
    # named before "a suicide bomber" are its target, not its author.
    sides = ("armed",) if trigger.value.sub_event_type in GROUP_WEAPONS else ("state", "armed")
    acting = [
        m
        for m in actors
        if m.sentence == trigger.sentence
        and m.value.side in sides
        and not any(c.start <= m.start and m.end <= c.end for c in hurt)
    ]
    # "sexually assaulted by Eritrean soldiers": the passive names its agent after the verb.
    after = [m for m in acting if 0 <= m.start - trigger.end <= 25]
    if after and PASSIVE_BY.search(text[trigger.end : after[0].start]):
        return after[0]
    before = [m for m in acting if m.end <= trigger.start]
    if not before:
        return None
    last = before[-1]
    # "Houthi gunmen": the named group that qualifies the generic word is the agent.
    qualifier = [m for m in before if m.value.named and 0 <= last.start - m.end <= 2]
    return qualifier[-1] if qualifier and not last.value.named else last


GROUP_WEAPONS = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})
PASSIVE_BY = re.compile(r"^\W*(?:\w+\s+)?by\s+(?:the\s+|a\s+)?\W*$", re.I)


def _other_state(actors: list[Mention], state: Mention | None) -> Mention | None:
    """The forces of a second country: "Ukrainian troops rolled in after Russian forces withdrew"."""
    if state is None:
        return None
    return next(
        (m for m in actors if m.value.side == "state" and m.value.iso3 and m.value.iso3 != state.value.iso3),
        None,
    )


def _other_side(sub: str, actors: list[Mention], taken: Mention) -> Mention | None:
    """The party facing `taken` when the first choice put it on both sides."""
    others = [m for m in actors if m.value.name != taken.value.name]
    state = next((m for m in others if m.value.side == "state"), None)
    if EVENT_TYPE_OF[sub] == "Battles":
        return state or (DEFAULT_STATE if taken.value.side != "state" else DEFAULT_UNIDENTIFIED)
    if EVENT_TYPE_OF[sub] in ("Explosions/Remote violence", "Violence against civilians"):
        return next((m for m in others if m.value.side == "civilian"), None) or state or DEFAULT_CIVILIANS
    return None


def _other_armed(actors: list[Mention], armed: Mention | None) -> Mention | None:
    """A second armed group, other than `armed`, among the incident's actors."""
    if armed is None:
        return None
    return next((m for m in actors if m.value.side == "armed" and m.value.name != armed.value.name), None)


# Sub-types whose report, naming the group behind the act, attributes it to that group.
ATTRIBUTED_BY_NAMING = frozenset(
    {"Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Shelling/artillery/missile attack",
     "Air/drone strike", "Chemical weapon", "Disrupted weapons use"}
)  # fmt: skip


# What forces use, named as what an explosion or attack hit: the forces were its target.
STATE_TARGETS = (
    (re.compile(r"\bpolice (?:mobile|van|vehicle|station|post|check ?post|patrol|party|lines|convoy)\b", re.I),
     DEFAULT_POLICE),
    (re.compile(r"\b(?:security |military |army )?(?:check ?post|checkpoint|convoy|patrol|camp|cantonment|"
                r"garrison)\b|\b(?:army|military|security forces'?) (?:vehicle|truck|van)\b", re.I), DEFAULT_STATE),
)  # fmt: skip


def _state_target(text: str, trigger: Mention | None) -> Mention | None:
    """The forces whose post, convoy or vehicle the trigger's clause names, if any."""
    if trigger is None or not text:
        return None
    clause = text[max(0, trigger.start - 80) : trigger.end + 80]
    return next((forces for pattern, forces in STATE_TARGETS if pattern.search(clause)), None)


def _main_victims(hurt: list[Mention]) -> str | None:
    """The party with most dead (or, with no dead, most hurt) among an incident's figures."""
    killed = [m for m in hurt if m.value.outcome == "killed" and m.value.party != "total"] or [
        m for m in hurt if m.value.party != "total"
    ]
    tally: dict[str, int] = defaultdict(int)
    for m in killed:
        tally[m.value.party] = max(tally[m.value.party], m.value.count.value)
    if not tally:
        return None
    # Forces are the target where they are a good part of the hurt ("ten people, four
    # policemen among them"), not where one officer was among fifty dead.
    if tally.get("state", 0) >= 0.3 * max(tally.values()):
        return "state"
    return max(tally, key=lambda party: tally[party])


def _choose_actors(
    sub: str,
    actors: list[Mention],
    parties: set[str],
    trigger: Mention | None = None,
    hurt: list[Mention] | None = None,
    triggers: list[Mention] | None = None,
    text: str = "",
) -> tuple[Mention | None, Mention | None]:
    by_side: dict[str, list[Mention]] = defaultdict(list)
    for m in actors:
        by_side[m.value.side].append(m)

    def first(side: str, prefer_named: bool = True) -> Mention | None:
        pool = by_side.get(side, [])
        named = [m for m in pool if m.value.named]
        return (named or pool)[0] if (named and prefer_named) or pool else None

    event_type = EVENT_TYPE_OF[sub]
    state, armed, civilian = first("state"), first("armed"), first("civilian")
    if event_type == "Battles":
        if state and armed:
            return state, armed
        other = _other_armed(actors, armed)
        if armed is not None and other is not None:
            return armed, other  # two armed groups fight each other
        foreign = _other_state(actors, state) if armed is None else None
        if foreign is not None:
            return state, foreign  # two states' forces
        # Codebook: a battle has two organised sides; the one the text leaves unnamed is, in
        # news of insurgency, the state's forces, and the state's enemy an unidentified group.
        return state or DEFAULT_STATE, armed or (DEFAULT_UNIDENTIFIED if state is not None else None)

    if event_type in ("Explosions/Remote violence", "Violence against civilians"):
        agent = _agent(trigger, actors, hurt or [], text)
        if agent is not None:
            perpetrator = agent
        else:
            perpetrator = (
                state
                if sub in ("Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon")
                and state
                else armed
            )
        target_state = next(
            (
                m
                for m in by_side.get("state", [])
                if perpetrator is None or m.value.name != perpetrator.value.name
            ),
            None,
        )
        other_armed = next(
            (
                m
                for m in by_side.get("armed", [])
                if perpetrator is None or m.value.name != perpetrator.value.name
            ),
            None,
        )
        perpetrator_side = perpetrator.value.side if perpetrator else None
        # The victims are those most hurt: forces where most of the dead were forces ("eight
        # personnel and their driver"), the people where most were people ("52 people, a
        # police officer among them"), fighters where forces struck them.
        main = _main_victims(hurt or [])
        struck = _state_target(text, trigger)
        if struck is not None and main in (None, "unknown") and event_type != "Violence against civilians":
            # "a bomb exploded next to a police mobile": forces were the target.
            main, target_state = "state", target_state or struck
        if event_type == "Violence against civilians" or main in ("civilian", "unknown"):
            victims = civilian or DEFAULT_CIVILIANS
        elif main == "state":
            victims = target_state or DEFAULT_STATE
        elif main == "armed" and perpetrator_side == "state":
            victims = other_armed or DEFAULT_UNIDENTIFIED
        elif perpetrator_side == "state" and other_armed is not None:
            victims = other_armed  # "gunships pounded militant hideouts"
        elif "civilian" in parties or civilian is not None:
            victims = civilian or DEFAULT_CIVILIANS
        elif main is None and target_state is None:
            # Codebook: a strike or blast that hurt no one and names no target has no actor 2
            # ("warplanes target the countryside of Homs").
            victims = None
        else:
            victims = target_state or DEFAULT_CIVILIANS
        if victims is perpetrator:
            victims = None
        return perpetrator, victims
    if event_type == "Protests":
        # Codebook: an intervention or excessive force is the state's, by its police where the
        # text names no force.
        return first("protester") or DEFAULT_PROTESTERS, (
            state or DEFAULT_POLICE
        ) if sub != "Peaceful protest" else None
    if event_type == "Riots":
        # Codebook: demonstrators who turn violent are rioters, whatever the text calls them.
        rioters = first("rioter") or DEFAULT_RIOTERS
        if sub == "Mob violence":
            return rioters, civilian or DEFAULT_CIVILIANS
        return rioters, state or civilian
    if sub == "Looting/property destruction":
        # Codebook: the group that loots or destroys, with no second actor where property was hit.
        return armed or first("rioter") or state, None
    if sub in ("Agreement", "Change to group/activity", "Non-violent transfer of territory"):
        # Two armed groups that agree, merge or hand over among themselves; else the state and a group.
        other = _other_armed(actors, armed)
        authority = [
            m
            for m in actors
            if m.value.side in ("state", "government") and trigger and m.sentence == trigger.sentence
        ]
        two_groups = armed is not None and other is not None
        if (
            two_groups
            and (not state or (armed.value.named and other.value.named))
            and not (sub == "Agreement" and authority)
        ):
            return armed, other
        if sub == "Agreement" and armed is not None:
            return first("government") or state or DEFAULT_GOVERNMENT, armed
    if sub == "Other":
        # Curfews, emergencies, coups, mass graves: the authority that declares or finds them.
        return first("government") or state or DEFAULT_GOVERNMENT, None
    if sub == "Arrests":
        # The state arrests; whom it arrests is an armed group, protesters or civilians.
        detained = armed or first("protester") or civilian
        if detained is None:
            # Codebook: those arrested at or for a protest are protesters; others are civilians.
            protest = any(t.value.sub_event_type in PROTEST_TYPES for t in triggers or [])
            detained = DEFAULT_PROTESTERS if protest else DEFAULT_CIVILIANS
        return state or DEFAULT_POLICE, detained
    return state or armed, (armed or _other_state(actors, state)) if state else None


AIR_OR_ARTILLERY = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
MANNED_AIRCRAFT = re.compile(
    r"war ?planes?|jets?|aircraft|helicopters?|gunships?|air ?strikes?|air raids?|aerial|barrel bombs?|bombers?",
    re.I,
)


def _report_striker(doc: Document, event_iso3: str | None) -> Mention | None:
    """The state forces a report names by their country most often, where that country is
    not the event's: who strikes from afar in a war between two states."""
    named = Counter(
        m.value.iso3
        for m in doc.layer("actors")
        if m.value.side == "state" and m.value.iso3 and m.value.iso3 != event_iso3
    )
    if not named:
        return None
    iso3 = named.most_common(1)[0][0]
    return next(m for m in doc.layer("actors") if m.value.iso3 == iso3 and m.value.side == "state")


# How surely the learned typer must prefer another of the four protest types to overrule the table.
PROTEST_READING = 0.6


def _protest_reading(sub: str, sides: set[str], triggers: list[Mention], text: str) -> str:
    """Which of the four protest types a demonstration is, read by the typer learned from Mass
    Mobilization's coding of protester violence and state response: "throwing rocks at riot
    police" makes a violent demonstration whatever the police did, which no phrase list covers.
    Only where the table already says a crowd demonstrated (or fought, with no armed group).
    `text`: the incident's opening sentences, lower-cased."""
    crowd = bool(sides & {"protester", "rioter"}) or any(
        t.value.sub_event_type in PROTEST_FAMILY for t in triggers
    )
    # A "clash" with no armed group at all ("police fought with a group of skinheads") may be a
    # crowd's: the typer weighs it against a battle.
    unarmed_clash = sub == "Armed clash" and "armed" not in sides and "state" in sides
    # Arrests at a demonstration are how police intervened in it (codebook); the typer decides
    # whether the arrests or the crowd are the story.
    crowd_arrests = sub == "Arrests" and crowd and "armed" not in sides
    if not (crowd or unarmed_clash) or not (
        sub in PROTEST_FAMILY or (sub == "Armed clash" and "armed" not in sides) or crowd_arrests
    ):
        return sub
    if sub in ("Excessive force against protesters", "Violent demonstration"):
        # The table's row names the force (live fire at a rally) or the crowd's violence (stones,
        # petrol bombs): the words decide.
        return sub
    # Forces that "clashed with protesters" met a crowd that fought back: codebook, a violent
    # demonstration, unless the typer reads the crowd's part otherwise.
    fallback = "Violent demonstration" if crowd and sub == "Armed clash" else sub
    model = incident_model()
    choices = PROTEST_FAMILY | {sub} if crowd else PROTEST_FAMILY | {"Armed clash"}
    ranked = [(t, p) for t, p in model.sub_event_types(features(text)) if t in choices]
    total = sum(p for _, p in ranked)
    if not ranked or total <= 0:
        return fallback
    best, p = ranked[0]
    return best if best != sub and p / total >= PROTEST_READING else fallback


LIST_SEPARATOR = re.compile(r"^(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$", re.I)


def _listed_places(
    doc: Document, places: list[Mention], chosen: Mention, sentences: set[int]
) -> list[Mention]:
    """The other towns or districts listed in one breath with the chosen one, or with each other
    in a sentence that tells of the same kind of event ("smaller protests were reported in Cluj,
    Timisoara and Iasi"), each once, in the chosen one's country."""
    entry = chosen.value.entry
    if entry is None or entry.kind not in ("place", "admin2"):
        return []
    row = sorted(
        (
            m
            for m in places
            if (m.sentence == chosen.sentence or m.sentence in sentences)
            and m.label == "place"
            and m.value.entry is not None
            and m.value.entry.kind in ("place", "admin2", "admin1")
        ),
        key=lambda m: m.start,
    )
    runs: list[list[Mention]] = []
    # Where the last place of a run ends, with the county or city that qualifies it ("Swindon,
    # in Wiltshire, and Brighton" lists two towns).
    run_end = 0
    for n, m in enumerate(row):
        if n and runs and _qualifies(doc, row[n - 1], m):
            run_end = m.end
            continue
        if runs and runs[-1][-1].sentence == m.sentence and LIST_SEPARATOR.match(doc.text[run_end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
        run_end = m.end
    seen = {entry.geonameid}
    listed = []
    for run in runs:
        if chosen not in run and len(run) < 2:
            continue
        for m in run:
            other = m.value.entry
            if other.geonameid not in seen and other.iso3 == entry.iso3:
                seen.add(other.geonameid)
                listed.append(m)
    return listed


QUALIFIER_SEPARATOR = re.compile(
    r"^\s*,\s*(?:in\s+)?(?:(?:north|south|east|west|central|greater|northern|southern|eastern|western)\s+)?$",
    re.I,
)
# A city that says where a town lies is a much larger one ("Hillingdon, west London"); two towns
# of a size are two places of a list ("Guazapa, Chalatenango").
QUALIFIER_SIZE = 10
# A town "Hillingdon, west London" stands this near the city that says where it lies.
QUALIFIER_KM = 50


def _qualifies(doc: Document, place: Mention, after: Mention) -> bool:
    """Whether `after` says where `place` lies ("Swindon, in Wiltshire"; "Hillingdon, west
    London") rather than naming another place of a list."""
    if not QUALIFIER_SEPARATOR.match(doc.text[place.end : after.start]):
        return False
    inner, outer = place.value.entry, after.value.entry
    unit = outer.kind in ("admin1", "admin2")
    if unit and outer.iso3 == inner.iso3 and outer.name in (inner.admin1, inner.admin2):
        return True
    if outer.kind == "admin1" and inner.admin1:
        return False  # the gazetteer knows the town's province, and it is another one
    # Names of counties and cities outlive the units that carry them ("Swindon, in Wiltshire"
    # though Swindon is its own authority): nearness says it.
    return (
        (unit or outer.population > QUALIFIER_SIZE * max(inner.population, 1))
        and None not in (inner.latitude, outer.latitude)
        and distance_km(inner.latitude, inner.longitude, outer.latitude, outer.longitude) <= QUALIFIER_KM
    )


def _nearest(claim: Mention, pool: list[Mention]) -> Mention | None:
    if not pool:
        return None
    return min(pool, key=lambda m: min(abs(m.start - claim.end), abs(claim.start - m.end)))


def _resolve_claim(
    claims: list[Mention], actors: list[Mention]
) -> tuple[Mention | None, str, Mention | None]:
    """The incident's claim status and who claimed, denied or is blamed: the strongest statement
    that holds up (a claim over a denial, a denial over blame, blame over "no one claimed it")."""
    for claim in sorted(claims, key=lambda m: CLAIM_PRIORITY.index(m.value.status)):
        status = claim.value.status
        here = [m for m in actors if m.sentence == claim.sentence]
        named_armed = [m for m in here if m.value.named and m.value.side == "armed"]
        if status == "unclaimed":
            return claim, status, None
        if status == "claimed":
            # "the militants' Radio Andalus reported": the group speaks in the claim itself.
            speaking = [
                m
                for m in here
                if m.value.side == "armed" and m.start < claim.end and claim.start - 3 <= m.end
            ]
            if speaking:
                return claim, status, named_armed[0] if named_armed else speaking[0]
            before = [m for m in here if m.end <= claim.start]
            if before and before[-1].value.side in ("state", "government"):
                continue  # states announce their operations; a claim is an armed group's
            subject = [m for m in named_armed if m.end <= claim.start]
            return claim, status, subject[-1] if subject else (named_armed[0] if named_armed else None)
        if status == "attributed":
            # Blame needs a named party: "police suspect militants" attributes nothing.
            blamed = _nearest(claim, named_armed) or _nearest(
                claim, [m for m in here if m.value.side == "state" and 0 <= m.start - claim.end <= 40]
            )
            if blamed is None:
                continue
            return claim, status, blamed
        if status == "denied":
            denier = _nearest(claim, named_armed) or _nearest(
                claim, [m for m in here if m.value.side == "state" and m.value.named]
            )
            return claim, status, denier
    return None, "unknown", None


SPEAKING = re.compile(r"\s+(?:suspect(?:ed)?|believe[sd]?)\b")

# Countries ACLED writes with the article in "Military Forces of the United States".
WITH_ARTICLE = frozenset({"USA", "GBR", "ARE", "NLD", "PHL", "CAF", "COM"})


def _of_country(iso3: str) -> str:
    name = country_name(iso3) or iso3
    return "the " + name if iso3 in WITH_ARTICLE else name


def _actor_name(
    mention: Mention | None, country: str | None, iso3: str | None = None
) -> tuple[str | None, int]:
    """The actor's ACLED name in this event's country, and its category. State forces named by
    their own country are external forces (8) outside it."""
    if mention is None:
        return None, 0
    actor = mention.value
    name, inter = actor.name, actor.inter
    if actor.iso3:
        name = name.replace("{of:" + actor.iso3 + "}", _of_country(actor.iso3))
        if iso3 and actor.iso3 != iso3:
            inter = 8
    if country:
        if iso3:
            name = name.replace("of {country}", "of " + _of_country(iso3))
        return name.replace("{country}", country), inter
    return name.replace(" of {country}", "").replace(" ({country})", ""), inter


# How specific a gazetteer entry is (lower: more specific).
ENTRY_RANK = {"place": 1, "admin2": 2, "admin1": 3, "country": 4}
NEAR = re.compile(
    r"\b(?:near|outskirts of|close to|outside|vicinity of|suburbs? of|miles from|km from)\s+(?:the\s+)?$",
    re.I,
)


# Where something was said or someone came from, not where the incident happened.
VENUE_BEFORE = re.compile(
    r"\b(?:statement (?:issued |released |sent )?(?:from|in)|(?:press|news) conference (?:in|at)|"
    r"told (?:reporters|journalists|the media) (?:in|at)|briefing (?:in|at)|speaking (?:in|at)|"
    r"(?:addressing|addressed) (?:\w+ ){0,4}(?:in|at)|native of|hail(?:ing|ed) from|"
    r"(?:workers?|labourers?|natives?|residents?) from|"
    r"(?:travel(?:l)?ing|heading|going|bound|on (?:their|his|her|its) way|en route) to|fall of)\s+(?:the\s+)?$",
    re.I,
)
LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|outside|into|across|around|outskirts of|(?:town|city|village|area|district) of)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# Words that say where the incident happened, in a sentence that names no trigger.
LOCATOR = re.compile(r"\b(?:took place|occurred|happened|broke out|erupted|unfolded|the scene)\b", re.I)
VENUE_AFTER = re.compile(r"^-based\b")


def _is_venue(doc: Document, mention: Mention) -> bool:
    return bool(
        VENUE_BEFORE.search(doc.text[max(0, mention.start - 45) : mention.start])
        or VENUE_AFTER.match(doc.text[mention.end : mention.end + 8])
    )


def _region(entry: Any) -> tuple[str, str | None]:
    return entry.iso3, entry.name if entry.kind == "admin1" else entry.admin1


def _incident_places(doc: Document, places: list[Mention], core: set[int]) -> list[Mention]:
    """The places of the incident itself: named in its sentences with a trigger or a figure,
    not as where something was said, and in the region of the first such sentence that names
    one ("Kalat district" and "the Mangochar area" yes; "the highway to Karachi" two sentences
    on, no)."""
    own = [m for m in places if not _is_venue(doc, m)]
    # A capital named for its government gives way to any other place the text resolves.
    literal = [m for m in own if not GOVERNMENT_AFTER.match(doc.text, m.end)]
    if any(m.label == "place" and m.value.entry is not None for m in literal):
        own = literal
    central = [m for m in own if m.sentence in core] or own
    named = [m for m in central if m.label == "place" and m.value.entry is not None]
    if not named:
        return central
    first = min(m.sentence for m in named)
    regions = {_region(m.value.entry) for m in named if m.sentence == first}
    iso3s = {iso3 for iso3, _ in regions}
    return [
        m
        for m in central
        if m.value.entry is None
        or m.label == "country"
        or _region(m.value.entry) in regions
        or (m.value.entry.kind == "admin1" and m.value.entry.iso3 in iso3s)
        or (m.value.entry.iso3, None) in regions
    ]


def _dateline_place(doc: Document, place: dict[str, Any], iso3: str | None) -> dict[str, Any] | None:
    """Where a local report names no place of its own but its country, the town it was filed
    from: "SHEIKHUPURA: Two constables ... were suspended". Precision 2: near that town."""
    end = max((m.end for m in doc.layer("dateline")), default=0)
    filed = [
        m for m in doc.layer("places") if m.start < end and m.label == "place" and m.value.entry is not None
    ]
    if not filed:
        return None
    entry = filed[0].value.entry
    if entry.kind == "admin1":
        # "ISLAMABAD:" is the city, not the territory around it.
        entry = next((e for e in get_gazetteer().lookup(entry.name) if e.kind == "place"), entry)
    if entry.kind not in ("place", "admin2") or (place["iso3"] or iso3) not in (None, entry.iso3):
        return None
    return {"admin1": entry.admin1, "admin2": entry.admin2, "location": entry.name, "geo_precision": 2,
            "mention": filed[0], "latitude": entry.latitude, "longitude": entry.longitude,
            "geonameid": entry.geonameid, "iso3": entry.iso3}  # fmt: skip


def _entry_place(entry: Any, precision: int) -> dict[str, Any]:
    """An event's place fields from a gazetteer entry below the country."""
    # Codebook: an event known only to a district or a province is coded to its seat.
    lat, lon = (entry.seat_latitude, entry.seat_longitude) if entry.seat_latitude is not None else (
        entry.latitude, entry.longitude)  # fmt: skip
    return {"admin1": entry.admin1 if entry.kind != "admin1" else entry.name, "admin2": entry.admin2,
            "location": entry.name, "geo_precision": precision, "latitude": lat, "longitude": lon,
            "geonameid": entry.geonameid}  # fmt: skip


def _place(doc: Document, places: list[Mention], core: set[int] | None = None) -> dict[str, Any]:
    """The event's place: the most specific one its own sentences name, with precision by the
    codebook (1 the town itself; 2 near a town, or a part of a district; 3 only a region)."""
    places = _incident_places(doc, places, core or set())
    named = [m for m in places if m.label == "place"]
    # A country by name, not by demonym: "Russian missiles" says who fired, not where.
    resolved = [m for m in named if m.value.entry is not None] or [
        m for m in places if m.label == "country" and m.value.entry is not None and m.value.kind == "country"
    ]
    unresolved = [m for m in named if m.value.entry is None]
    empty: dict[str, Any] = {"admin1": None, "admin2": None, "location": None, "geo_precision": None,
                             "mention": None, "latitude": None, "longitude": None, "geonameid": None, "iso3": None}  # fmt: skip
    if resolved:
        # The most specific; between equals, the one the text puts the incident in ("in Kinshasa")
        # over one it names otherwise ("angry at the fall of Goma").
        best = min(
            resolved,
            key=lambda m: (
                ENTRY_RANK[m.value.entry.kind],
                not LOCATIVE.search(doc.text[max(0, m.start - 30) : m.start]),
                m.start,
            ),
        )
        # "the Mangochar area of Kalat district": a place the gazetteer lacks, named with its
        # district, is in that district — whatever other towns the sentence names.
        for small in (m for m in unresolved if PLACE_KINDS[m.value.kind] <= 3):
            host = next((m for m in resolved if m.sentence == small.sentence and m.value.entry.kind == "admin2"
                         and 0 <= m.start - small.end <= 12), None)  # fmt: skip
            if host is not None:
                best = host
                break
        entry = best.value.entry
        rank = ENTRY_RANK[entry.kind]
        near = bool(NEAR.search(doc.text[max(0, best.start - 25) : best.start]))
        # Codebook: 1 the town itself; 2 near a town, or a district (a village the gazetteer
        # lacks falls back to its district); 3 only a province or country.
        precision = 1 if rank == 1 and not near else 2 if rank <= 2 or near else 3
        if entry.kind == "country":
            return {**empty, "location": country_name(entry.iso3), "geo_precision": 3, "mention": best, "iso3": entry.iso3,
                    "latitude": entry.latitude, "longitude": entry.longitude}  # fmt: skip
        return {**_entry_place(entry, precision), "mention": best, "iso3": entry.iso3}
    if not unresolved:
        return empty
    admin1 = next((m.value.name for m in unresolved if PLACE_KINDS[m.value.kind] >= 6), None)
    admin2 = next((m.value.name for m in unresolved if PLACE_KINDS[m.value.kind] in (4, 5)), None)
    best = min(unresolved, key=lambda m: (PLACE_KINDS[m.value.kind], m.start))
    kind_rank = PLACE_KINDS[best.value.kind]
    return {**empty, "admin1": admin1, "admin2": admin2, "location": best.value.name,
            "geo_precision": 1 if kind_rank == 1 else 2 if kind_rank <= 5 else 3, "mention": best}  # fmt: skip


# ACLED's note, one phrase per sub-event type: what happened in plain words, not the codebook's
# label lower-cased ("carried out a air/drone strike", "remote explosive/landmine/ied").
NOTE_PHRASES = {
    "Armed clash": "{a1} clashed with {a2}",
    "Government regains territory": "{a1} regained territory from {a2}",
    "Non-state actor overtakes territory": "{a1} took over territory from {a2}",
    "Chemical weapon": "{a1} used a chemical weapon against {a2}",
    "Air/drone strike": "{a1} carried out an air or drone strike on {a2}",
    "Suicide bomb": "{a1} carried out a suicide bombing against {a2}",
    "Shelling/artillery/missile attack": "{a1} fired shells, artillery or missiles at {a2}",
    "Remote explosive/landmine/IED": "{a1} set off a remote explosive, landmine or IED against {a2}",
    "Grenade": "{a1} threw a grenade at {a2}",
    "Sexual violence": "{a1} committed sexual violence against {a2}",
    "Attack": "{a1} attacked {a2}",
    "Abduction/forced disappearance": "{a1} abducted {a2}",
    "Peaceful protest": "{a1} held a peaceful protest",
    "Protest with intervention": "{a1} held a protest that {a2} intervened in",
    "Excessive force against protesters": "{a2} used excessive force against {a1}",
    "Violent demonstration": "{a1} took part in a violent demonstration",
    "Mob violence": "{a1} took part in mob violence against {a2}",
    "Agreement": "{a1} reached an agreement with {a2}",
    "Arrests": "{a1} arrested {a2}",
    "Change to group/activity": "{a1} changed its organisation or activity",
    "Disrupted weapons use": "{a1} defused, seized or foiled weapons",
    "Headquarters or base established": "{a1} established a headquarters or base",
    "Looting/property destruction": "{a1} looted or destroyed property",
    "Non-violent transfer of territory": "territory passed to {a1} without fighting",
    "Other": "a strategic development involving {a1}",
}


def _notes(
    event_date: dt.date | None,
    sub: str,
    actor1: str | None,
    actor2: str | None,
    where: str | None,
    fatalities: int,
    injured: int | None,
) -> str:
    text = NOTE_PHRASES[sub].format(a1=actor1 or "unidentified actors", a2=actor2 or "unidentified targets")
    note = (
        f"On {event_date.day} {event_date:%B %Y}, {text}"
        if event_date
        else f"On a day the report does not give, {text}"
    )
    if where:
        note += f" in {where}"
    tail = [f"{fatalities} killed"] if fatalities else []
    if injured:
        tail.append(f"{injured} injured")
    return note + ("; " + ", ".join(tail) if tail else "") + "."


def assemble_events(doc: Document) -> list[Event]:
    incidents = group_incidents(doc)
    layers = {
        name: _by_sentence(doc, name)
        for name in ("triggers", "casualties", "dates", "places", "actors", "claims", "reporters")
    }
    dateline_end = max((m.end for m in doc.layer("dateline")), default=0)
    # Days the text gives relative to a publication date it lacks (only ever found without one).
    unresolved_days = {m.sentence for m in doc.layer("unresolved_dates")}
    spans = {m.sentence: (m.start, m.end) for m in doc.layer("sentences")}
    iso3 = doc.annotations.facts.get("country")
    readings = {m.sentence: m.value for m in doc.layer("incident_readings")}
    events: list[Event] = []
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
        if surest < NOT_AN_INCIDENT and not _concrete(incident, layers):
            # Every sentence of it reads, to the model learned from coded news, as talk about
            # violence rather than a report of it ("the talks on a partial truce", "Tomahawk
            # missiles for Ukraine"): the words of the table alone do not make an event.
            why = incident_model().reason(features(incident_text(incident.sentences)))
            _drop(doc, opening_sentence, (why, f"learned reading {surest:.3f}"))
            continue
        casualty_mentions = gather("casualties")
        trigger_mentions = gather("triggers")
        reporter_mentions = gather("reporters")
        deaths = any(m.value.outcome == "killed" for m in casualty_mentions)
        trigger = _pick_type(trigger_mentions, deaths)
        if trigger is None and not casualty_mentions:
            continue
        sub = trigger.value.sub_event_type if trigger else "Attack"
        actors = gather("actors")
        parties = {m.value.party for m in casualty_mentions if m.value.outcome == "killed"}
        sides = {m.value.side for m in actors}
        sub = _refine_type(sub, parties, sides)
        if sub == "Attack" and _main_victims(casualty_mentions) in ("state", "armed"):
            # "A policeman and a civilian were killed in an attack on a patrol": forces were the
            # ones hit, and civilians killed in a battle count in it (codebook).
            sub = "Armed clash"
        sub = _protest_reading(sub, sides, trigger_mentions, incident_text(sorted(incident.sentences)[:3]))
        if (
            sub == "Violent demonstration"
            and not deaths
            and "armed" in sides
            and not sides & {"protester", "rioter"}
        ):
            sub = "Looting/property destruction"  # codebook: destruction by a group, not a crowd
        bomber_counted = any(
            BOMBER_INCLUDED.search(doc.text[spans[i][0] : spans[i][1]]) for i in incident.sentences
        )
        figures = count_casualties(casualty_mentions, sub, bomber_counted, reporter_mentions)
        if incident.background and not figures.mentions:
            _drop(
                doc, opening_sentence, ("background", "a past incident recalled without figures of its own")
            )
            continue
        struck = _state_target(doc.text, trigger) if sub == "Attack" else None
        if struck is not None and not figures.mentions:
            # "A government convoy was attacked near Bagan": forces attacked are a battle's side.
            sub = "Armed clash"
        if (
            sub == "Attack"
            and not figures.mentions
            and not any(m.value.side == "civilian" for m in actors)
            and surest < SURE_INCIDENT
        ):
            # A bare "attack" with no victims and no figures is talk, not an incident.
            _drop(doc, opening_sentence, ("talk", "an attack named with no victims and no figures"))
            continue

        date_mentions = gather("dates")
        if (
            incident.background
            and not any(
                (m.value.end - m.value.start).days <= MONTH_DAYS and not m.value.reporting
                for m in date_mentions
            )
            # "Last week" in a report with no publication date: a recent day, not yet known.
            and not unresolved_days.intersection(incident.sentences)
        ):
            # Coding guide: a past incident is coded only with its own month and year at least
            # ("the 2021 Kabul airport bombing" is not).
            _drop(doc, opening_sentence, ("background", "a past incident recalled without its own month"))
            continue
        # The incident's own day first; the day something was said only when nothing else is given.
        day_dates = (
            [m for m in date_mentions if m.value.precision == 1 and not m.value.reporting]
            or [m for m in date_mentions if not m.value.reporting]
            or date_mentions
        )
        if day_dates:
            chosen = day_dates[0]
            event_date, date_end, precision, basis = (
                chosen.value.start,
                chosen.value.end,
                chosen.value.precision,
                chosen.value.basis,
            )
            if chosen.value.after_previous is not None:
                # "In another exchange of fire the same day": the day of the incident told before;
                # "said on Tuesday they had foiled an attack the previous day": the day before it was said.
                shift = dt.timedelta(days=chosen.value.after_previous)
                said = [
                    m
                    for m in date_mentions
                    if m.value.precision == 1
                    and m.value.after_previous is None
                    and m.sentence == chosen.sentence
                ]
                if events and not (said and shift.days < 0) and events[-1].event_date is not None:
                    previous = events[-1]
                    event_date, date_end = previous.event_date + shift, previous.date_end + shift  # type: ignore[operator]
                    precision, basis = previous.time_precision, previous.date_basis
                elif said:
                    event_date = date_end = said[0].value.start + shift
                    basis = said[0].value.basis
                elif doc.anchor_date is not None:
                    event_date = date_end = doc.anchor_date + shift
                else:
                    event_date = date_end = None
                    precision, basis = None, "unresolved"
        elif unresolved_days.intersection(incident.sentences):
            # "On Tuesday" in a report with no publication date: a day of its own, not known.
            chosen = None
            event_date = date_end = None
            precision, basis = None, "unresolved"
        else:
            chosen = None
            told = [e for e in events if not e.background]
            first = min(incident.sentences)
            # The sentence just before often sets the day ("...spilled onto the streets on Sunday.
            # In Aden, police fired tear gas").
            # Or, for a report's lead, the sentence after it: "Bandits have abducted students of a
            # school in Jangebe. The gunmen arrived at about 1 a.m. on Friday".
            around = (first - 1, first - 2) if first > 0 else (first + 1,)
            lead_in = [
                m
                for i in around
                for m in layers["dates"].get(i, [])
                if m.value.precision == 1 and not m.value.reporting and m.value.after_previous is None
            ]
            if lead_in and not incident.background:
                chosen = lead_in[0]
                event_date, date_end = chosen.value.start, chosen.value.end
                precision, basis = 1, chosen.value.basis
            elif told and not incident.background:
                # An incident told on from the one before ("In Rawalpindi, supporters hurled
                # stones") happened when it did, not on the day of publication.
                event_date, date_end = told[-1].event_date, told[-1].date_end
                precision, basis = told[-1].time_precision, told[-1].date_basis
            elif doc.anchor_date is None:
                # No publication date, dateline or metadata, and no date of its own: the day is
                # not known, and is not taken from the clock.
                event_date = date_end = None
                precision, basis = None, "unresolved"
            elif any(m.value.toll for m in casualty_mentions) and not incident.background:
                # "The death toll rose to 60": an update on an incident of some days before.
                event_date, date_end = doc.anchor_date - UPDATE_WINDOW, doc.anchor_date
                precision = 2
                basis = "dateline" if doc.published_basis == "dateline" else "published-fallback"
            else:
                event_date = date_end = doc.anchor_date
                precision = 3 if incident.background else 2
                basis = "dateline" if doc.published_basis == "dateline" else "published-fallback"

        core = {m.sentence for m in (*trigger_mentions, *casualty_mentions)} | {
            i for i in incident.sentences if LOCATOR.search(doc.text[spans[i][0] : spans[i][1]])
        }
        # Names inside an actor's name are not places: "Boko" of "Boko Haram".
        named_spans = [(m.start, m.end) for m in gather("actors") if m.value.named]
        incident_places = [
            m for m in gather("places") if not any(s <= m.start and m.end <= e for s, e in named_spans)
        ]
        place = _place(doc, incident_places, core)
        if (
            place["geo_precision"] is None
            or place["location"] is None
            or (place["iso3"] is not None and place["admin1"] is None)
        ):
            place = _dateline_place(doc, place, iso3) or place
        # The place decides the country where the gazetteer knows it; the article's otherwise.
        event_iso3 = place["iso3"] or iso3
        event_country = country_name(event_iso3) if event_iso3 else None
        if trigger is not None:
            sub = _territory_direction(sub, trigger, actors, event_iso3)  # whose country the place is
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
        a1, a2 = _choose_actors(sub, actors, parties, trigger, casualty_mentions, trigger_mentions, doc.text)
        inferred_striker = False
        if (
            sub in AIR_OR_ARTILLERY
            and (a1 is None or not a1.value.named)
            and not (a1 and a1.value.side == "state")
        ):
            # Strikes from the air or from afar whose sentence names no one are, in a report that
            # names one state's forces for them, that state's ("a Russian strike", later "drone
            # strikes"); by warplanes or helicopters, with none named, the state's own air force
            # (armed groups fly drones and quadcopters, not jets).
            manned = trigger is not None and MANNED_AIRCRAFT.search(trigger.text(doc)) is not None
            a1 = _report_striker(doc, event_iso3) or (DEFAULT_STATE if manned else a1)
            inferred_striker = a1 is not None
            if inferred_striker and a1.value.side == "state" and _main_victims(casualty_mentions) == "armed":
                # "Eight militants killed in air strikes": the state struck an armed group.
                a2 = next((m for m in actors if m.value.side == "armed"), DEFAULT_UNIDENTIFIED)
            if a2 is not None and a1 is not None and a2.value.name == a1.value.name:
                a2 = DEFAULT_CIVILIANS
        claim_mention, claim_status, claimant = _resolve_claim(gather("claims"), actors)
        claimed_by = _actor_name(claimant, event_country, event_iso3)[0]
        if claim_status == "claimed" and claimant is not None and (a1 is None or a1.value.side == "armed"):
            a1 = claimant  # ACLED: the group that claims an attack is its actor 1
        elif (
            claim_status in ("attributed", "denied")
            and claimant is not None
            and claimant.value.side == "armed"
            and (
                a1 is None
                or (a1.value.side == "armed" and not a1.value.named)
                or (a1.value.side == "state" and _agent(trigger, actors, casualty_mentions, doc.text) is None)
            )
        ):
            # The unnamed attackers, or forces the text only assumes, are the group blamed.
            a1 = claimant
        if a1 is None and EVENT_TYPE_OF[sub] in ("Explosions/Remote violence", "Violence against civilians"):
            # ACLED codes an unnamed perpetrator as an unidentified armed group of the country.
            a1 = DEFAULT_UNIDENTIFIED
        if claim_status == "unknown":
            # A named group the report says carried out a bombing, or whose weapons were seized,
            # and that has not spoken: the report attributes the act to it.
            blamed = a1 if EVENT_TYPE_OF[sub] == "Explosions/Remote violence" else a2
            if (
                sub in ATTRIBUTED_BY_NAMING
                and blamed is not None
                and blamed.value.named
                and blamed.value.inter in (2, 3, 4)
            ):
                claim_status = "attributed"
                claimed_by = _actor_name(blamed, event_country, event_iso3)[0]
            elif (
                a1 is not None
                and not inferred_striker
                and a1.value.iso3 not in (None, event_iso3)
                and EVENT_TYPE_OF[sub] in ("Explosions/Remote violence", "Violence against civilians")
                and not any(m.value.status == "claimed" for m in gather("claims"))
            ):
                # Foreign forces named by the other side as having struck ("Indian troops
                # shelled villages, the ISPR said"), not announcing it themselves.
                claim_status = "attributed"
                claimed_by = _actor_name(a1, event_country, event_iso3)[0]
        if a1 is not None and a2 is not None and a1.value.name == a2.value.name:
            # One party on both sides (a claimant made actor 1 where it was already actor 2):
            # the other side is the one the event type implies.
            a2 = _other_side(sub, actors, a1)
        if place["iso3"] is None and a1 is not None and a1.value.iso3 and a1.value.iso3 == event_iso3:
            # Named by its country ("Indian shelling", "a Russian strike"), an army strikes
            # abroad: with no place to say where, the other country the incident names is where.
            target = next(
                (
                    m.value.iso3
                    for m in gather("places")
                    if m.label == "country" and m.value.iso3 not in (None, a1.value.iso3)
                ),
                None,
            )
            if target is not None:
                event_iso3, event_country = target, country_name(target)
        actor1, inter1 = _actor_name(a1, event_country, event_iso3)
        actor2, inter2 = _actor_name(a2, event_country, event_iso3)
        side1 = a1.value.side if a1 else None
        side2 = a2.value.side if a2 else None
        by_party = figures.by_party
        deaths_civilians = by_party.get("civilian")
        deaths_unknown = by_party.get("unknown")
        # An actor's deaths are those of its party; civilians' deaths have their own field.
        deaths_actor1 = by_party.get(side1) if side1 in ("state", "armed") else None
        deaths_actor2 = by_party.get(side2) if side2 in ("state", "armed") else None
        fatalities = figures.fatalities
        imputed = figures.imputed
        if not figures.mentions and trigger is not None and sub == "Suicide bomb":
            fatalities, imputed = 1, False
        parts = (deaths_actor1, deaths_actor2, deaths_civilians, deaths_unknown)
        if sum(d or 0 for d in parts) > fatalities:
            # Parties' deaths that add up to more than the incident's toll were gathered from
            # figures of more than this incident: the toll stands, the split is not known.
            deaths_actor1 = deaths_actor2 = deaths_civilians = deaths_unknown = None

        reporters = list(dict.fromkeys(m.value.name for m in reporter_mentions))
        location = place["location"] or (event_country if event_country else None)
        geo_precision = place["geo_precision"] or (3 if event_country else None)
        where = (
            ", ".join(
                p
                for p in (
                    place["location"],
                    place["admin2"] if place["admin2"] != place["location"] else None,
                    place["admin1"],
                    event_country,
                )
                if p
            )
            or None
        )

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

        confidence = (
            0.35
            + 0.15 * bool(casualty_mentions)
            + 0.15 * (basis == "explicit")
            + 0.1 * bool(place["location"])
            + 0.1 * bool(a1)
            + 0.05 * bool(a2)
            - 0.2 * incident.background
        )
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
                notes=_notes(event_date, sub, actor1, actor2, where, fatalities, figures.injured),
                evidence=evidence,
                confidence=round(max(0.05, min(confidence, 0.95)), 2),
            )
        )
        # Codebook: one event per place. "Protests were held in Cluj, Timisoara and Iasi" is
        # three protests; "sabotage of pylons in Guazapa, Chalatenango and Ilobasco" three acts.
        # Only where no toll would have to be shared out among them.
        unhurt = fatalities == 0 and not figures.injured
        if (sub in PROTEST_FAMILY or unhurt) and trigger is not None and place["mention"] is not None:
            kind = EVENT_TYPE_OF[sub]
            same_kind = {
                t.sentence
                for t in trigger_mentions
                if (
                    t.value.sub_event_type in PROTEST_FAMILY
                    if sub in PROTEST_FAMILY
                    else EVENT_TYPE_OF[t.value.sub_event_type] == kind
                )
            }
            for other in _listed_places(doc, incident_places, place["mention"], same_kind):
                entry = other.value.entry
                events.append(
                    events[-1].model_copy(
                        update={
                            **_entry_place(entry, {"place": 1, "admin2": 2}.get(entry.kind, 3)),
                            "event_id": make_event_id(doc.id, number, sub, entry.geonameid),
                            "evidence": [e for e in events[-1].evidence if e.field != "location"]
                            + [_evidence(doc, "location", other)],
                        }
                    )
                )
    undated = sum(event.event_date is None for event in events)
    if undated:
        doc.warn(
            f"no publication date, dateline or date metadata: {undated} event(s) left undated, since the "
            "text dates them only relative to publication (give --published, or a `published` field)"
        )
    return events
