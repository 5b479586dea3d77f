"""Reports of one incident: deciding that two events are the same incident, and merging them.

One incident reported by ten outlets is one event with ten sources. Two events from different
reports are the same incident when nothing in them contradicts it and they agree on enough.

Never one incident (`_never`):
- a background event (a past incident recalled for context is not the report's news);
- dates more than a day apart (`event_date`..`date_end`, each widened by a day), or a date
  known only to the month, or a span of more than three days;
- different countries, provinces or districts; two different towns with no district in
  common (`place_relation`);
- sub-event types no two outlets would give one incident (`COMPATIBLE_SUB_EVENTS`);
- two different named armed groups (`actors_relation`);
- death tolls more than ten times apart (`tolls_contradict`).

Enough agreement (`_enough_agreement`) depends on how precisely both are placed:
- one district or town: compatible types, tolls that do not contradict (unless the same
  sub-event type on the same day), and on a day apart the same sub-event type or the same toll;
- two towns of one district: the same day as well;
- a district and the province it lies in, or both only the province: the same sub-event type,
  the same named group or agreeing tolls; and on a day apart, agreeing tolls;
- only the country in common: political violence with a toll in both reports, and on the same
  day the same sub-event type or agreeing tolls, on a day apart the same toll (three or more);
- demonstrations and strategic developments need the same day wherever they are.

`same_incident` says yes or no; `incident_score` ranks candidates that pass and `best_match`
picks one, for a store with several. `merge` folds a new report into a stored event and says
which report each field came from (`Provenance`); `merge_into` returns the event alone.
Each rule is a named table or a small function whose comment gives the coding decision it
encodes. Measured by `benchmarks/merge_ucdp.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from strife.event import Event
from strife.taxonomy import interaction_code

# How far apart two reports' dates may be and still tell one incident: one day either side of
# the span, because a night attack is "Friday" to one outlet and "Saturday" to another, and a
# report without a date of its own is dated by its publication (the day after, for most news).
DAY_TOLERANCE = dt.timedelta(days=1)


# ---------------------------------------------------------------------------------------------
# Dates


# A span longer than this, or a date known only to the month (time_precision 3), says too
# little about the day to match another report by: "in March", "this year". ACLED codes one
# event a day, so a report's short span (a night across two days, a three-day siege) is the
# longest that can still be one incident's.
MAX_SPAN = dt.timedelta(days=3)
# The gap in days that an undated event is from any other: too far for any rule to call them one.
UNDATED_GAP = 10_000


def _vague_date(e: Event) -> bool:
    # No date at all (a report with no publication date) is the vaguest: it matches no day.
    if e.event_date is None or e.date_end is None:
        return True
    return e.time_precision == 3 or e.date_end - e.event_date > MAX_SPAN


def _dates_overlap(a: Event, b: Event) -> bool:
    """The spans, each widened by a day, overlap (and neither date is vague)."""
    if _vague_date(a) or _vague_date(b):
        return False
    return a.event_date - DAY_TOLERANCE <= b.date_end and b.event_date - DAY_TOLERANCE <= a.date_end


def _day_gap(a: Event, b: Event) -> int:
    """Days between the two spans (0 when they overlap; a large gap where either is undated)."""
    if a.event_date is None or b.event_date is None or a.date_end is None or b.date_end is None:
        return UNDATED_GAP
    if a.date_end < b.event_date:
        return (b.event_date - a.date_end).days
    if b.date_end < a.event_date:
        return (a.event_date - b.date_end).days
    return 0


def _same_day(a: Event, b: Event) -> bool:
    """The spans overlap. (A report dated only by its publication, time_precision 2, counts by
    that day: two reports published the same day are "the same day".)"""
    return _day_gap(a, b) == 0


# ---------------------------------------------------------------------------------------------
# Places

PlaceRelation = Literal["same", "district", "contained", "region", "country"]

# How much a place relation says for "one incident" (used to rank candidates): the same town
# or district says most; a shared country says little, since one country has many incidents a
# day.
PLACE_WEIGHT: dict[str, float] = {
    "same": 3.0,
    "district": 2.5,
    "contained": 2.0,
    "region": 1.5,
    "country": 1.0,
}


def _norm(name: str | None) -> str:
    return (name or "").strip().casefold()


def _has_town(e: Event) -> bool:
    """Placed at a town or part of a district (ACLED geo_precision 1–2), not only a region."""
    return (
        bool(e.location)
        and e.geo_precision in (1, 2)
        and _norm(e.location) not in (_norm(e.admin1), _norm(e.country))
    )


def _specific(e: Event) -> bool:
    """Placed at a district or a town: below the province."""
    return bool(e.admin2) or _has_town(e)


def _names(e: Event) -> set[str]:
    return {_norm(name) for name in (e.location, e.admin2) if name}


def place_relation(a: Event, b: Event) -> PlaceRelation | None:
    """How the two places relate; None where they contradict each other.

    Coding decision: ACLED's unit is one place; reports of one incident name the same district
    or town, or one names only the province (or only the country) the other's district lies in.
    Two districts are two places even when the day and the type agree ("two incidents on the
    same day in different districts are never merged"), and so are two towns, two provinces and
    two countries. Two towns of one district ("district") are weaker than one: outlets name
    different villages of one area, but also report two incidents a district apart.
    """
    if a.iso3 and b.iso3 and a.iso3 != b.iso3:
        return None
    if a.admin1 and b.admin1 and _norm(a.admin1) != _norm(b.admin1):
        return None
    if a.admin2 and b.admin2:
        if _norm(a.admin2) != _norm(b.admin2):
            return None
        towns = {_norm(e.location) for e in (a, b) if e.geo_precision == 1 and _has_town(e)}
        return "district" if len(towns) == 2 and _norm(a.admin2) not in towns else "same"
    if a.geonameid and a.geonameid == b.geonameid:
        return "same"
    if _specific(a) and _specific(b):
        # Two towns (or a town and a district) that no district puts together: one place only
        # where they share a name (Mir Ali and Mir Ali; Kalat town and Kalat district). A town
        # is never "inside" another town's district without the gazetteer saying so.
        return "same" if _names(a) & _names(b) else None
    if not (a.iso3 and b.iso3):
        return "country"  # a report that names no country at all: place unknown
    if a.admin1 and b.admin1:
        # Both in one province: one at a district or town inside it, or both only the province.
        return "contained" if (_specific(a) or _specific(b)) else "region"
    return "country"


# ---------------------------------------------------------------------------------------------
# Event types

# Sub-event types that two outlets give one incident, with the reason an ACLED coder would
# still code it once. Pairs are unordered; a sub-event type is always compatible with itself.
COMPATIBLE_SUB_EVENTS: dict[frozenset[str], str] = {
    frozenset(pair): reason
    for reason, pairs in {
        # The weapon decides the type, and early reports often do not name it: "an attack on a
        # market kills 16" and "a bomb at a market kills 16" are one bombing.
        "an explosion told as an attack": [
            ("Attack", "Suicide bomb"),
            ("Attack", "Remote explosive/landmine/IED"),
            ("Attack", "Grenade"),
            ("Attack", "Shelling/artillery/missile attack"),
            ("Attack", "Air/drone strike"),
        ],
        # A blast first reported as a bomb is found to be a suicide bomber's, or a grenade's.
        "one explosion, its device told differently": [
            ("Suicide bomb", "Remote explosive/landmine/IED"),
            ("Suicide bomb", "Grenade"),
            ("Remote explosive/landmine/IED", "Grenade"),
            ("Shelling/artillery/missile attack", "Air/drone strike"),
            ("Chemical weapon", "Shelling/artillery/missile attack"),
            ("Chemical weapon", "Air/drone strike"),
        ],
        # An ambush opened with a roadside bomb, a suicide assault on a base followed by a
        # gunfight, cross-border "firing" that is "shelling" to the other side, an operation
        # with air support: one outlet reports the exchange of fire, another the explosion
        # (for bombs, only where forces were hit: `_types_allowed`).
        "a battle told by its explosion": [
            ("Armed clash", "Remote explosive/landmine/IED"),
            ("Armed clash", "Suicide bomb"),
            ("Armed clash", "Grenade"),
            ("Armed clash", "Shelling/artillery/missile attack"),
            ("Armed clash", "Air/drone strike"),
        ],
        # A battle that changes who holds a place is told as the fighting or as its outcome.
        "a battle told by its outcome": [
            ("Armed clash", "Government regains territory"),
            ("Armed clash", "Non-state actor overtakes territory"),
            ("Government regains territory", "Non-state actor overtakes territory"),
        ],
        # "Militants attacked a checkpoint": an attack to one outlet, a clash to the one that
        # says soldiers were killed (condition in `_types_allowed`).
        "an assault on forces told as an attack": [("Armed clash", "Attack")],
        # Victims abducted and then killed, or assaulted: one outlet reports one act.
        "one assault on civilians": [
            ("Attack", "Abduction/forced disappearance"),
            ("Attack", "Sexual violence"),
            ("Abduction/forced disappearance", "Sexual violence"),
        ],
        # A raid on a hideout: militants killed (a clash), a plot foiled and bombs defused,
        # suspects arrested; one outlet reports the fighting, another the seizure.
        "a raid told by what it stopped": [
            ("Armed clash", "Disrupted weapons use"),
            ("Armed clash", "Arrests"),
            ("Disrupted weapons use", "Arrests"),
            ("Disrupted weapons use", "Remote explosive/landmine/IED"),
        ],
        # Demonstrations: peaceful to the organisers, broken up to the police, with deaths
        # when forces fire (Excessive force: an attack on protesters to other outlets).
        "one demonstration told from two sides": [
            ("Peaceful protest", "Protest with intervention"),
            ("Peaceful protest", "Excessive force against protesters"),
            ("Protest with intervention", "Excessive force against protesters"),
            ("Protest with intervention", "Violent demonstration"),
            ("Excessive force against protesters", "Violent demonstration"),
            ("Excessive force against protesters", "Attack"),
            ("Violent demonstration", "Mob violence"),
            ("Violent demonstration", "Looting/property destruction"),
            ("Mob violence", "Looting/property destruction"),
            ("Peaceful protest", "Violent demonstration"),
        ],
        # A lynching is mob violence to ACLED and "villagers killed a man" to an outlet.
        "a mob's attack": [("Mob violence", "Attack")],
    }.items()
    for pair in pairs
}


def _forces_hit(e: Event) -> bool:
    """State forces among the dead, or the target: soldiers or police killed, a convoy bombed."""
    for actor, inter, deaths in (
        (e.actor1, e.inter1, e.deaths_actor1),
        (e.actor2, e.inter2, e.deaths_actor2),
    ):
        if inter == 1 and actor and (deaths or actor == e.actor2 or not e.actor2):
            return True
    return False


_EXPLOSIVES = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})


def _types_allowed(a: Event, b: Event) -> bool:
    """Conditions on some compatible pairs of sub-event types; the same toll (`tolls_match`)
    meets each of them, since two outlets giving one figure for one day are telling one event.

    - Armed clash vs Attack: ACLED's Attack is violence against civilians; an outlet calls an
      assault on a checkpoint "an attack" while the one that reports soldiers killed has a
      clash: one incident when a report says soldiers (or police) were killed. A raid in which
      forces killed eight militants is not the attack on an office that killed five.
    - Armed clash vs a bombing: a roadside bomb on a convoy, a suicide assault on a base; state
      forces hit in either report. A bomb that killed labourers is not the raid in which
      militants were killed.
    - Attack vs Air/drone strike: an air strike is the forces' act; "an attack" by gunmen is not
      a drone strike, unless the attack is the forces' too.
    """
    subs = {a.sub_event_type, b.sub_event_type}
    if subs == {"Armed clash", "Attack"} or ("Armed clash" in subs and subs & _EXPLOSIVES):
        condition = _forces_hit(a) or _forces_hit(b)
    elif subs == {"Attack", "Air/drone strike"}:
        attack = a if a.sub_event_type == "Attack" else b
        condition = attack.inter1 in (1, 8)  # state or foreign forces
    else:
        return True
    return condition or tolls_match(a, b)


def type_compatibility(a: Event, b: Event) -> int:
    """2 the same sub-event type, 1 types two reports of one incident can have, 0 never."""
    if a.sub_event_type == b.sub_event_type:
        return 2
    pair = frozenset((a.sub_event_type, b.sub_event_type))
    return 1 if pair in COMPATIBLE_SUB_EVENTS and _types_allowed(a, b) else 0


# ---------------------------------------------------------------------------------------------
# Actors

# Names strife gives actors the text does not name: a description with the country, never an
# organisation ("Unidentified Armed Group (Pakistan)", "Military Forces of Pakistan").
_DESCRIBED = re.compile(
    r"^(?:Unidentified Armed Group|Military Forces|Police Forces|Government|Civilians|Protesters|Rioters|"
    r"Communal Militia)\b"
)
# An identity militia named after its community: "Baloch Ethnic Militia (Pakistan)".
_COMMUNITY_MILITIA = re.compile(r"^(?P<community>.+?) (?:Ethnic |Clan )?Militia\b")

# Organisations outlets name by another of their names, beyond a branch named after its parent
# ("Islamic State (Khorasan)" is "Islamic State" to many outlets: see `_same_organisation`).
# Pakistani and wire reports call the Tehreek-i-Taliban Pakistan "the Taliban", which is also
# the name strife gives the Afghan Taliban.
SAME_ORGANISATION: tuple[frozenset[str], ...] = (
    frozenset({"Taliban", "Tehreek-i-Taliban Pakistan"}),
    frozenset({"Al Qaeda", "AQAP: Al Qaeda in the Arabian Peninsula"}),
)


def _actors(e: Event) -> list[str]:
    names = [e.actor1, e.actor2, *(e.assoc_actor_1 or "").split(";"), *(e.assoc_actor_2 or "").split(";")]
    return [n.strip() for n in names if n and n.strip()]


def named_groups(e: Event) -> set[str]:
    """The organisations an event names (not "unidentified gunmen", not a country's forces)."""
    return {name for name in _actors(e) if not _DESCRIBED.match(name)}


def _stem(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


def _same_organisation(x: str, y: str) -> bool:
    """One organisation under two names: equal; a branch and its parent ("Islamic State
    (Khorasan)", "Islamic State"); a pair of `SAME_ORGANISATION`; or a community's militia and
    a group named after that community ("Baloch Ethnic Militia" for "Baloch militants", whom
    another outlet names as the Baloch Liberation Army)."""
    if x == y or _stem(x) == y or _stem(y) == x:
        return True
    if any(x in names and y in names for names in SAME_ORGANISATION):
        return True
    for militia, other in ((x, y), (y, x)):
        match = _COMMUNITY_MILITIA.match(_stem(militia))
        if match and _stem(other).startswith(match["community"] + " "):
            return True
    return False


def actors_relation(a: Event, b: Event) -> Literal["agree", "compatible", "contradict"]:
    """Named groups on both sides: the same organisation ("agree") or two ("contradict").

    Coding decision: an unidentified armed group is what an outlet says when it does not know
    (or will not say) who did it, so it is compatible with any named group of that country; two
    different named groups are two actors, and ACLED's unit has the same actors.
    """
    x, y = named_groups(a), named_groups(b)
    if not x or not y:
        return "compatible"
    if any(_same_organisation(p, q) for p in x for q in y):
        return "agree"
    return "contradict"


# ---------------------------------------------------------------------------------------------
# Fatalities

# Tolls rise as the dead are counted and fall as double counts are removed; two figures agree
# while the smaller is at least this share of the larger, or they differ by no more than
# FATALITY_SLACK (2 and 4 dead agree; 9 and 53 do not, and are still one bombing on one day).
FATALITY_RATIO = 0.5
FATALITY_SLACK = 2
# Beyond this factor (and this many dead apart) two tolls are never one incident's: 2 and 208
# is a blast and a month's statistics, not a rising count.
FATALITY_NEVER_RATIO = 10
FATALITY_NEVER_GAP = 10


def _toll_range(e: Event) -> tuple[int, int] | None:
    """The figures an event's reports gave (a merged event's range), or None: no figure. An
    imputed default (ACLED's 3 or 10 for "several killed") is no figure."""
    if e.fatalities_imputed or not e.fatalities:
        return None
    return min(e.fatalities_low or e.fatalities, e.fatalities), max(e.fatalities_high, e.fatalities)


def _closest_tolls(a: Event, b: Event) -> tuple[int, int] | None:
    """The closest figures of the two events' ranges (a merged event holds every report's
    figure), smaller first; equal where the ranges overlap; None where either gives none."""
    x, y = _toll_range(a), _toll_range(b)
    if x is None or y is None:
        return None
    if x[0] <= y[1] and y[0] <= x[1]:
        return max(x[0], y[0]), max(x[0], y[0])
    return (x[1], y[0]) if x[1] < y[0] else (y[1], x[0])


def fatalities_agree(a: Event, b: Event) -> bool | None:
    """Whether the two tolls can be one incident's; None where a report gives no figure.

    Not a rule on its own: it is asked for where the place or the type leaves the question open.
    """
    closest = _closest_tolls(a, b)
    if closest is None:
        return None
    low, high = closest
    return low >= FATALITY_RATIO * high or high - low <= FATALITY_SLACK


def tolls_contradict(a: Event, b: Event) -> bool:
    """Two tolls too far apart for any count to have risen from one to the other."""
    closest = _closest_tolls(a, b)
    if closest is None:
        return False
    low, high = closest
    return high > FATALITY_NEVER_RATIO * low and high - low >= FATALITY_NEVER_GAP


def tolls_match(a: Event, b: Event) -> bool:
    """The same toll: equal, or within a tenth of the larger (14 and 15, 40 and 44; not 1 and 2)."""
    closest = _closest_tolls(a, b)
    if closest is None:
        return False
    low, high = closest
    return high - low <= high // 10


# A toll that can name an incident across a day in a country: one or two dead a day is every
# day's news in a country at war; three or more dead on one day less so.
DISTINCTIVE_TOLL = 3


# ---------------------------------------------------------------------------------------------
# The decision


# Event types that can join on the country alone: a country's demonstrations and strategic
# developments of one day are many (ACLED codes a nationwide protest as one event per town), so
# a report that names only the country cannot say which of them it tells.
POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def _never(a: Event, b: Event) -> bool:
    """Never one incident, whatever else agrees."""
    return (
        a.background  # a past incident recalled for context is not the report's news
        or b.background
        or not _dates_overlap(a, b)
        or place_relation(a, b) is None
        or type_compatibility(a, b) == 0
        or actors_relation(a, b) == "contradict"
        or tolls_contradict(a, b)
    )


def _enough_agreement(a: Event, b: Event) -> bool:
    """The vaguer the place, the more the rest must agree.

    Tolls are evidence, not a rule: they rise as the dead are counted, so two tolls that do not
    agree still allow one incident told the same way on the same day.
    """
    place = place_relation(a, b)
    types = type_compatibility(a, b)
    tolls = fatalities_agree(a, b)
    same_day = _same_day(a, b)
    same_story = types == 2 and same_day
    violent = a.event_type in POLITICAL_VIOLENCE and b.event_type in POLITICAL_VIOLENCE
    if not violent and not same_day:
        # ACLED codes a demonstration (or a development) a day and a place: a protest in Karachi
        # on Sunday and one there on Monday are two events. The day's tolerance is for violence
        # (a night attack, a toll reported the next day).
        return False
    if place == "same":
        # One district or town within a day, compatible types: one incident, unless the tolls
        # contradict each other (a city has two blasts in two days: 11 dead on Saturday, 2 on
        # Sunday), or, on two days, neither the type nor the toll is the same.
        return (tolls is not False or same_story) and (same_day or types == 2 or tolls_match(a, b))
    if place == "district":
        # Two towns of one district: the same day, and tolls that do not contradict.
        return same_day and (tolls is not False or same_story)
    if place in ("contained", "region"):
        # A province-level report joins a district-level one only when the rest agrees: the
        # type, a named group or the toll; a toll that contradicts needs the same story, and a
        # day apart needs the toll to agree.
        agree = types == 2 or actors_relation(a, b) == "agree" or tolls is True
        return agree and (tolls is not False or same_story) and (same_day or tolls is True)
    # Only the country in common, where many incidents happen a day: political violence (a
    # country has protests in many towns the same day, each its own event in ACLED), and tolls
    # on both sides to compare; on the same day, the same sub-event type or agreeing tolls; a
    # day apart (the next day's report), the same distinctive toll.
    if not violent:
        return False
    if same_day:
        return (types == 2 and tolls is not None) or tolls is True
    return tolls_match(a, b) and min(a.fatalities, b.fatalities) >= DISTINCTIVE_TOLL


def same_incident(a: Event, b: Event) -> bool:
    """Whether two events, from different reports, tell the same incident."""
    return not _never(a, b) and _enough_agreement(a, b)


def incident_score(a: Event, b: Event) -> float | None:
    """How strongly two events tell one incident (None: they do not); ranks a store's candidates.

    The place says most, then the type, the actors, the tolls and the days between.
    """
    if not same_incident(a, b):
        return None
    place = place_relation(a, b)
    score = PLACE_WEIGHT[place or "country"] + type_compatibility(a, b)  # place first, then type
    score += 1.0 if actors_relation(a, b) == "agree" else 0.0
    score += 1.0 if tolls_match(a, b) else 0.5 if fatalities_agree(a, b) else 0.0
    return score - 0.5 * _day_gap(a, b)


def best_match(event: Event, candidates: Iterable[Event]) -> Event | None:
    """The candidate that is most clearly the same incident as `event`, or None.

    Ties go to the earlier candidate (a store lists them in the order it stored them).
    """
    best: tuple[float, Event] | None = None
    for candidate in candidates:
        score = incident_score(candidate, event)
        if score is not None and (best is None or score > best[0]):
            best = (score, candidate)
    return best[1] if best else None


# ---------------------------------------------------------------------------------------------
# Merging

# Fields that travel together: taking one from a report takes all of them from it.
PLACE_FIELDS = ("country", "iso3", "admin1", "admin2", "admin3", "location", "latitude", "longitude",
                "geo_precision", "geonameid")  # fmt: skip
DATE_FIELDS = ("event_date", "date_end", "time_precision", "date_basis")
TYPE_FIELDS = ("event_type", "sub_event_type")
TOLL_FIELDS = ("fatalities", "deaths_actor1", "deaths_actor2", "deaths_civilians", "deaths_unknown",
               "fatalities_imputed")  # fmt: skip
CLAIM_FIELDS = ("claim_status", "claimed_by")
# Every field whose value comes from one report. The rest are made from all of them: doc_ids,
# reported_by, fatalities_low/high, interaction, confidence, and notes (rewritten from the
# merged fields when one they tell changed).
TRACKED_FIELDS = (*DATE_FIELDS, *TYPE_FIELDS, "actor1", "actor2", "assoc_actor_1", "assoc_actor_2",
                  "inter1", "inter2", *PLACE_FIELDS, *TOLL_FIELDS, "injured", *CLAIM_FIELDS, "source",
                  "source_url")  # fmt: skip

# The fields ACLED's note tells: when a merge changes one, the note is written again.
NOTE_FIELDS = frozenset(
    {*DATE_FIELDS, *TYPE_FIELDS, "actor1", "actor2", *PLACE_FIELDS, "fatalities", "injured"}
)

# How a date was found, most trustworthy first: a date the text states beats one worked out
# from "on Tuesday", which beats a dateline's, which beats the day of publication.
DATE_BASIS_RANK = {"explicit": 0, "relative-to-published": 1, "dateline": 2, "published-fallback": 3,
                   "unresolved": 4}  # fmt: skip

# A report that names the weapon refines one that does not: the codebook codes an explosion by
# its weapon, and a suicide bombing as such (new sub-event type → the stored ones it refines).
# Only where the actors keep their roles (an armed group against its targets), so the type can
# change without them; a clash does not become a bombing (its actors would be the wrong way
# round), nor an attack an air strike (its perpetrator would be wrong).
MORE_SPECIFIC_TYPE: dict[str, frozenset[str]] = {
    "Suicide bomb": frozenset({"Attack", "Remote explosive/landmine/IED", "Grenade"}),
    "Remote explosive/landmine/IED": frozenset({"Attack"}),
    "Grenade": frozenset({"Attack"}),
    "Excessive force against protesters": frozenset({"Peaceful protest", "Protest with intervention"}),
    "Protest with intervention": frozenset({"Peaceful protest"}),
    "Mob violence": frozenset({"Violent demonstration"}),
}


@dataclass
class Provenance:
    """Which report each field of a merged event came from (field name → doc id)."""

    fields: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, event: Event) -> Provenance:
        """A single report's event: every field that has a value came from it."""
        return cls({name: event.doc_id for name in TRACKED_FIELDS if _given(getattr(event, name))})

    def copy(self) -> Provenance:
        return Provenance(dict(self.fields))


@dataclass
class Merged:
    """A merge's outcome: the event, where each field came from, and the fields the new report
    changed."""

    event: Event
    provenance: Provenance
    changed: tuple[str, ...] = ()


def _given(value: object) -> bool:
    return value is not None and value != "" and value != []


def _place_precision(e: Event) -> tuple[int, int, int]:
    """Smaller is more precise: ACLED's geo_precision, then a district, then a province."""
    return (e.geo_precision or 4, 0 if e.admin2 else 1, 0 if e.admin1 else 1)


def _better_date(new: Event, stored: Event) -> bool:
    rank_new, rank_stored = DATE_BASIS_RANK[new.date_basis], DATE_BASIS_RANK[stored.date_basis]
    if rank_new != rank_stored or new.time_precision is None or stored.time_precision is None:
        return rank_new < rank_stored
    return new.time_precision < stored.time_precision


def _actor_updates(stored: Event, new: Event) -> dict[str, object]:
    """A named group in place of an unidentified armed group; an actor where there was none.

    Coding decision: the same incident has the same actors, and the report that names them is
    the better one ("gunmen" in one report, "the BLA" in another: ACLED codes the BLA). The new
    report's actor in the same slot is preferred, then the one in the other slot (reports put
    attacker and target in either order).
    """
    have = [name for name in (stored.actor1, stored.actor2) if name]
    offered = [(new.actor1, new.inter1), (new.actor2, new.inter2)]
    update: dict[str, object] = {}
    for slot in (1, 2):
        current = getattr(stored, f"actor{slot}")
        unidentified = current is not None and current.startswith("Unidentified Armed Group")
        if current is not None and not unidentified:
            continue
        if current is None and slot == 2 and stored.actor1 is None:
            continue
        for name, inter in (offered[slot - 1], offered[2 - slot]):
            if not name or any(name == h or _same_organisation(name, h) for h in have):
                continue
            if unidentified and _DESCRIBED.match(name):
                continue  # "Military Forces of Pakistan" does not name the unidentified group
            update[f"actor{slot}"], update[f"inter{slot}"] = name, inter
            have.append(name)
            break
    return update


def _rewritten_notes(event: Event) -> str:
    """ACLED's one-sentence note for the merged fields, as assembly writes it."""
    from strife.stages.event_notes import write_note  # the stage's own wording; imported when needed

    where = ", ".join(
        dict.fromkeys(p for p in (event.location, event.admin2, event.admin1, event.country) if p)
    )
    return write_note(event.event_date, event.sub_event_type, event.actor1, event.actor2, where or None,
                  event.fatalities, event.injured)  # fmt: skip


# Fields that must agree with one another: a person who set one of them has set its group (a
# district with its coordinates, a toll with its split by party, an actor with its category), so
# no report changes the rest of the group under the person's value.
LOCK_GROUPS: tuple[tuple[str, ...], ...] = (DATE_FIELDS, TYPE_FIELDS, PLACE_FIELDS, TOLL_FIELDS,
                                            CLAIM_FIELDS, ("actor1", "inter1"), ("actor2", "inter2"))  # fmt: skip


def held_fields(locked: Iterable[str]) -> frozenset[str]:
    """The fields no report may change where a person set `locked`: those, and their groups."""
    held = set(locked)
    for group in LOCK_GROUPS:
        if held.intersection(group):
            held.update(group)
    return frozenset(held)


def settled(event: Event, changed: Iterable[str], locked: Iterable[str] = ()) -> Event:
    """`event` with the fields made from others made again after `changed` changed: the toll's
    range holds the toll, the interaction code follows the actors' categories, and the note
    tells the new fields (unless a person set these)."""
    locked = set(locked)
    update: dict[str, object] = {}
    if "fatalities_low" not in locked:
        update["fatalities_low"] = min(event.fatalities_low, event.fatalities)
    if "fatalities_high" not in locked:
        update["fatalities_high"] = max(event.fatalities_high, event.fatalities)
    if "interaction" not in locked and event.inter1:
        update["interaction"] = interaction_code(event.inter1, event.inter2)
    event = event.model_copy(update=update)
    if "notes" not in locked and set(changed) & NOTE_FIELDS:
        event = event.model_copy(update={"notes": _rewritten_notes(event)})
    return checked(event)


def checked(event: Event) -> Event:
    """`event` validated again: `model_copy` does not validate, and a merged or edited event must
    hold what every event holds (its toll inside its range and above its split by party)."""
    return Event.model_validate(event.model_dump())


def keep_locked(event: Event, person: Event, locked: Iterable[str]) -> Event:
    """`event` (made again from reports) with the fields a person set, and their groups, as they
    are in `person` (the event as the person left it)."""
    held = held_fields(locked)
    if not held:
        return event
    update = {name: getattr(person, name) for name in held if name in Event.model_fields}
    changed = [name for name, value in update.items() if getattr(event, name) != value]
    return settled(event.model_copy(update=update), changed, held)


def merge(
    stored: Event, new: Event, provenance: Provenance | None = None, locked: Iterable[str] = ()
) -> Merged:
    """Fold a new report of a stored event into it, and say where each field came from.

    `provenance` is the stored event's (from an earlier merge); without one, every field of the
    stored event is taken to come from its `doc_id` (its first report). A store keeps the
    returned provenance with the event and passes it to the next merge. The rules, each an ACLED / UCDP coding
    practice:
    - the event keeps its `event_id` and first `doc_id`; `doc_ids` is both lists, in order.
    - fatalities: the most conservative figure, the lowest among the reports that give one
      (an imputed default counts only where no report gives a figure), with its split by party;
      `fatalities_low` / `fatalities_high` span every report's figures (UCDP's low / high).
    - place: the new report's, all place fields together, where it is more precise (a smaller
      geo_precision, a district where the stored event has only a province).
    - date: the new report's where it was found on a better basis (a date the text states over
      the day of publication); the date is never widened to span the reports.
    - type: the new report's where it names the weapon (`MORE_SPECIFIC_TYPE`).
    - actors: a named group over an unidentified armed group; an actor where there was none.
    - claims: a claim, an attribution or a denial over "unknown".
    - injured: the lowest figure given, as for deaths.
    - empty fields (associated actors, source, url) are filled from the new report.
    - reported_by: both lists; confidence: the higher; evidence: the stored report's spans
      for the fields it still gives (spans are offsets into their own report).
    - `locked`: fields a person set (a reviewer's edit); no report changes them, nor the rest
      of their group (`held_fields`), whatever the rules above say.
    """
    prov = provenance.copy() if provenance else Provenance.of(stored)
    update: dict[str, object] = {}
    held = held_fields(locked)

    def take(names: Iterable[str], values: dict[str, object] | None = None) -> None:
        for name in names:
            if name in held:
                continue
            update[name] = getattr(new, name) if values is None else values[name]
            if _given(update[name]):
                prov.fields[name] = new.doc_id
            else:
                prov.fields.pop(name, None)

    if _better_date(new, stored):
        take(DATE_FIELDS)
    if stored.sub_event_type in MORE_SPECIFIC_TYPE.get(new.sub_event_type, frozenset()):
        take(TYPE_FIELDS)
    if new.iso3 and (not stored.iso3 or _place_precision(new) < _place_precision(stored)):
        take(PLACE_FIELDS)
    actors = _actor_updates(stored, new)
    take(actors, actors)

    old_figure, new_figure = _toll_range(stored), _toll_range(new)
    if new_figure and (not old_figure or new.fatalities < stored.fatalities):
        take(TOLL_FIELDS)
    elif not old_figure and not stored.fatalities and new.fatalities:
        take(TOLL_FIELDS)  # an imputed default where the stored event has nothing
    fatalities = int(update.get("fatalities", stored.fatalities))  # type: ignore[call-overload]
    ranges = [r for r in (old_figure, new_figure) if r]
    low = min([r[0] for r in ranges] or [stored.fatalities_low, fatalities])
    high = max([r[1] for r in ranges] or [stored.fatalities_high, fatalities])

    if new.injured is not None and (stored.injured is None or new.injured < stored.injured):
        take(["injured"])
    if stored.claim_status == "unknown" and new.claim_status != "unknown":
        take(CLAIM_FIELDS)
    take([name for name in ("assoc_actor_1", "assoc_actor_2", "source", "source_url")
          if not _given(getattr(stored, name)) and _given(getattr(new, name))])  # fmt: skip

    changed = tuple(name for name in update if update[name] != getattr(stored, name))
    inter1 = int(update.get("inter1", stored.inter1))  # type: ignore[call-overload]
    inter2 = int(update.get("inter2", stored.inter2))  # type: ignore[call-overload]
    update |= {
        "doc_ids": list(dict.fromkeys([*stored.doc_ids, *new.doc_ids])),
        "reported_by": list(dict.fromkeys([*stored.reported_by, *new.reported_by])),
        "fatalities_low": min(low, fatalities),
        "fatalities_high": max(high, fatalities),
        "interaction": interaction_code(inter1, inter2) if inter1 else stored.interaction,
        "confidence": max(stored.confidence, new.confidence),
        # The stored report's spans support only the fields it still gives.
        "evidence": [ev for ev in stored.evidence if ev.field not in changed],
    }
    update = {name: value for name, value in update.items() if name not in held}
    event = stored.model_copy(update=update)
    if set(changed) & NOTE_FIELDS and "notes" not in held:
        event = event.model_copy(update={"notes": _rewritten_notes(event)})
    return Merged(checked(event), prov, changed)


def merge_into(stored: Event, new: Event) -> Event:
    """The stored event with a new report of it folded in; the stored event's id stays."""
    return merge(stored, new).event


__all__ = [
    "COMPATIBLE_SUB_EVENTS",
    "DAY_TOLERANCE",
    "Merged",
    "Provenance",
    "actors_relation",
    "best_match",
    "fatalities_agree",
    "held_fields",
    "incident_score",
    "keep_locked",
    "merge",
    "merge_into",
    "named_groups",
    "place_relation",
    "same_incident",
    "settled",
    "type_compatibility",
]
