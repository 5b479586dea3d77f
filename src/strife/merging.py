"""Reports of one incident: deciding that two events are the same incident, and merging them.

One incident reported by ten outlets is one event with ten sources. Two events from different
reports are compared only within a window (`in_window`): the same country, dates within a day,
or up to `LATER_REPORT_DAYS` when the later report is dated only by its publication.

Never one incident (`veto`: the codebook's decisions, not evidence to weigh):
- a background event (a past incident recalled for context is not the report's news);
- different countries, provinces or districts; two different towns with no district in
  common (`place_relation`);
- two different named armed groups (`actors_relation`);
- sub-event types that are one incident only on a condition these reports do not meet (an
  "attack" and a clash where no forces were hit: `_types_allowed`);
- a demonstration or a strategic development on another day (ACLED codes one a day).

Otherwise the evidence is weighed (`pair_features`) by a logistic model learned from pairs whose
answer is known (`strife.merge_model`, trained by tools/train_merge_model.py): how the places
relate, whether the types are the same or ones two outlets give one incident
(`COMPATIBLE_SUB_EVENTS`), the named groups, the days between, whether the tolls match, are
close, or are too far apart for a rising count (`tolls_contradict`), and the words their
evidence shares. `decide` gives the verdict with the features that said yes most, which the
store keeps in the merge's history; `same_incident` the verdict alone; `best_match` picks the
most likely candidate among a store's.

`merge` folds a new report into a stored event and says which report each field came from
(`Provenance`); `merge_into` returns the event alone. Measured by `benchmarks/merge_ucdp.py`
and `benchmarks/merge_pairs.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Literal

from strife.event import Event
from strife.merge_model import MergeModel, merge_model
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


# A later report dated only by its publication (no day of its own in the text) may tell an
# incident of up to this many days before it: a toll updated three days on, "last week's
# attack" that the text does not date. In UCDP's grouping of its sources outside Pakistan, of
# the 843 pairs of one incident's reports two to ten days apart, 485 are two or three days
# apart, and almost all the later one dated by its publication.
LATER_REPORT_DAYS = 3
_BY_PUBLICATION = frozenset({"published-fallback", "dateline"})


def _later_dated_by_publication(a: Event, b: Event) -> bool:
    later = a if (a.event_date, a.date_end) > (b.event_date, b.date_end) else b
    return later.date_basis in _BY_PUBLICATION


def in_window(a: Event, b: Event) -> bool:
    """The two can be compared at all: the same country (an event with none is nobody's match),
    dates (spans) within a day, or within `LATER_REPORT_DAYS` where the later report is dated
    only by its publication. The store looks for candidates in this window."""
    if not (a.iso3 and a.iso3 == b.iso3):
        return False
    gap = _day_gap(a, b)
    return gap <= DAY_TOLERANCE.days or (gap <= LATER_REPORT_DAYS and _later_dated_by_publication(a, b))


def _day_gap(a: Event, b: Event) -> int:
    """Days between the two spans (0 when they overlap; a large gap where either is undated)."""
    if a.event_date is None or b.event_date is None or a.date_end is None or b.date_end is None:
        return UNDATED_GAP
    if a.date_end < b.event_date:
        return (b.event_date - a.date_end).days
    if b.date_end < a.event_date:
        return (a.event_date - b.date_end).days
    return 0


# ---------------------------------------------------------------------------------------------
# Places

PlaceRelation = Literal["same", "district", "contained", "region", "country"]


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


# A toll that can name an incident across days in a country: one or two dead a day is every
# day's news in a country at war; three or more dead on one day less so.
DISTINCTIVE_TOLL = 3


# ---------------------------------------------------------------------------------------------
# The decision


# Event types whose reports can be a day or more apart: ACLED codes a demonstration (or a
# strategic development) a day and a place, so a protest in Karachi on Sunday and one there on
# Monday are two events, whatever else agrees. The days' tolerance is for violence (a night
# attack, a toll reported the next day).
POLITICAL_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


_WORD = re.compile(r"[a-z]{4,}")


def _evidence_words(e: Event) -> set[str]:
    return {word for span in e.evidence for word in _WORD.findall(span.text.lower())}


def pair_features(a: Event, b: Event) -> dict[str, float]:
    """What a coder weighs to call two reports one incident, as numbers for `merge_model`.

    The place (how the two relate: `place_relation`), the types (`type_compatibility`), the
    named groups, the days between the spans, the tolls (the same, close, different, given by
    one report or by none, `tolls_contradict`), a date too vague to match by, and the share of
    the words of their evidence that both use. Pairs that `veto` rules out are not weighed.
    """
    return _features(a, b, place_relation(a, b), actors_relation(a, b))


def _features(a: Event, b: Event, place: PlaceRelation | None, actors: str) -> dict[str, float]:
    types = type_compatibility(a, b)
    gap = _day_gap(a, b)
    agree = fatalities_agree(a, b)
    match = tolls_match(a, b)
    tolls = (_toll_range(a) is not None) + (_toll_range(b) is not None)
    words_a, words_b = _evidence_words(a), _evidence_words(b)
    shared = len(words_a & words_b) / len(words_a | words_b) if words_a and words_b else 0.0
    return {
        "place_same": float(place == "same"),
        "place_district": float(place == "district"),
        "place_contained": float(place == "contained"),
        "place_region": float(place == "region"),
        "place_country": float(place == "country"),
        "same_sub_event_type": float(types == 2),
        "compatible_types": float(types == 1),
        "incompatible_types": float(types == 0),
        "same_event_type": float(a.event_type == b.event_type),
        "same_named_group": float(actors == "agree"),
        "same_day": float(gap == 0),
        "next_day": float(gap == 1),
        "days_later": float(gap >= 2),
        "vague_date": float(_vague_date(a) or _vague_date(b)),
        "tolls_match": float(match),
        "tolls_close": float(agree is True and not match),
        "tolls_differ": float(agree is False),
        "tolls_contradict": float(tolls_contradict(a, b)),
        "toll_in_one": float(tolls == 1),
        "no_toll": float(tolls == 0),
        "distinctive_toll_match": float(match and min(a.fatalities, b.fatalities) >= DISTINCTIVE_TOLL),
        "evidence_words": shared,
        "political_violence": float(
            a.event_type in POLITICAL_VIOLENCE and b.event_type in POLITICAL_VIOLENCE
        ),
    }


# Each feature in the words a history says why two reports were merged.
FEATURE_WORDS: dict[str, str] = {
    "place_same": "the same place",
    "place_district": "two towns of one district",
    "place_contained": "a place inside the other's province",
    "place_region": "the same province",
    "place_country": "only the country in common",
    "same_sub_event_type": "the same sub-event type",
    "compatible_types": "types two outlets give one incident",
    "incompatible_types": "types no outlet would give one incident",
    "same_event_type": "the same event type",
    "same_named_group": "the same named group",
    "same_day": "the same day",
    "next_day": "a day apart",
    "days_later": "a later report, days apart",
    "vague_date": "a date vague to the week or month",
    "tolls_match": "the same toll",
    "tolls_close": "close tolls",
    "tolls_differ": "different tolls",
    "tolls_contradict": "tolls too far apart",
    "toll_in_one": "a toll in one report only",
    "no_toll": "no toll in either",
    "distinctive_toll_match": "the same toll of three or more dead",
    "evidence_words": "shared words in the evidence",
    "political_violence": "political violence in both",
}


@dataclass(frozen=True, slots=True)
class MatchDecision:
    """Whether two events tell one incident, how likely the model finds it, and why."""

    same: bool
    probability: float
    reasons: tuple[str, ...]  # what said yes most; for a veto, the codebook's reason
    place: PlaceRelation | None = None  # how the two places relate (`place_relation`)

    def note(self) -> str:
        verdict = "same incident" if self.same else "not the same incident"
        return f"{verdict} (p={self.probability:.2f}): " + "; ".join(self.reasons)


def veto(a: Event, b: Event) -> str | None:
    """Why the two are never one incident, whatever else agrees (the codebook's decisions, not
    evidence to weigh), or None."""
    return _veto(a, b, place_relation(a, b), actors_relation(a, b))


def _veto(a: Event, b: Event, place: PlaceRelation | None, actors: str) -> str | None:
    if a.background or b.background:
        return "a background event"
    if not in_window(a, b):
        return "outside the window (country, days)"
    if place is None:
        return "two different places"
    if actors == "contradict":
        return "two different named groups"
    if frozenset((a.sub_event_type, b.sub_event_type)) in COMPATIBLE_SUB_EVENTS and not _types_allowed(a, b):
        return "types one incident has only on a condition these reports do not meet"
    if _day_gap(a, b) > 0 and not (a.event_type in POLITICAL_VIOLENCE and b.event_type in POLITICAL_VIOLENCE):
        return "a demonstration or development on another day"
    return None


@cache
def _model() -> MergeModel:
    model = merge_model()
    model.check(FEATURE_WORDS)  # weights trained for other features fail here, not mid-ingest
    return model


def decide(a: Event, b: Event) -> MatchDecision:
    """The decision for two events from different reports, with its reasons."""
    place, actors = place_relation(a, b), actors_relation(a, b)  # for the vetoes and the features
    reason = _veto(a, b, place, actors)
    if reason is not None:
        return MatchDecision(False, 0.0, (reason,), place)
    model = _model()
    features = _features(a, b, place, actors)
    probability = model.probability(features)
    reasons = tuple(FEATURE_WORDS[name] for name in model.reasons(features))
    return MatchDecision(probability >= model.threshold, probability, reasons, place)


def same_incident(a: Event, b: Event) -> bool:
    """Whether two events, from different reports, tell the same incident."""
    return decide(a, b).same


# Candidates that are all the same incident as a new report are taken in this order of how
# their place relates to its place: the one told at the report's own place first.
PLACE_ORDER: dict[PlaceRelation | None, int] = {
    "same": 0,
    "district": 1,
    "contained": 2,
    "region": 3,
    "country": 4,
}


def best_match(event: Event, candidates: Iterable[Event]) -> Event | None:
    """The candidate that is most clearly the same incident as `event`, or None.

    Ties go to the earlier candidate (a store lists them in the order it stored them).
    """
    ranked = ranked_matches(event, candidates)
    return ranked[0][0] if ranked else None


def ranked_matches(event: Event, candidates: Iterable[Event]) -> list[tuple[Event, MatchDecision]]:
    """The candidates `decide` takes for `event`'s incident, with their decisions: those told at
    the report's own place before those told at its district, province or country (a coder joins
    a report to the record of its own place: the others are then joined to that one), and among
    those the most likely first (ties in the candidates' order)."""
    taken = [(candidate, decide(candidate, event)) for candidate in candidates]
    return sorted(
        ((c, d) for c, d in taken if d.same),
        key=lambda pair: (PLACE_ORDER[pair[1].place], -pair[1].probability),
    )


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
    "LATER_REPORT_DAYS",
    "MatchDecision",
    "Merged",
    "Provenance",
    "actors_relation",
    "best_match",
    "decide",
    "fatalities_agree",
    "held_fields",
    "in_window",
    "keep_locked",
    "merge",
    "merge_into",
    "named_groups",
    "pair_features",
    "place_relation",
    "ranked_matches",
    "same_incident",
    "settled",
    "type_compatibility",
    "veto",
]
