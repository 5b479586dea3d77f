"""Incidents: which sentences of a report tell one incident, and which tell none.

An incident starts at a sentence with a trigger (or casualty figures) and gathers the
sentences after it that add detail (place, figures, claims, sources) until a sentence opens
another incident ("in a separate attack", another day, another place) or the text turns to
context. Sentences of statistics, accidents and talk are dropped here, with the reason kept.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from strife.document import Document, Mention
from strife.stages.calendar import WEEKDAY_PATTERN
from strife.stages.event_types import PROTEST_OR_RIOT
from strife.stages.incident_boundaries import boundary_model
from strife.stages.incident_model import WORD, features, incident_model, stem
from strife.stages.lexicon import compile_lower
from strife.stages.place_parts import is_section
from strife.stages.sentences import ANOTHER, CLAUSE, EXCERPT_FACT, LEAD_SENTENCES, is_note
from strife.stages.triggers import (
    HELD_STRIKE,
    INTERCEPTION,
    LEARNED_INCIDENT,
    LEARNED_STRENGTH,
    NAMED_WEAPON,
    PLANNED,
    SPECIFIC_TRIGGER,
)
from strife.stages.truecase import common_words, is_caseless
from strife.taxonomy import EVENT_TYPE_OF

# What "another" or "a separate" names when it names another incident.
_OTHER_ACTS = (
    r"(?:attack|incident|clash|blast|explosion|exchange of fire|operation|raid|strike|ambush|bomb|bombing|shooting|grenade|"
    r"truck|vehicle|bus|car|house|shop|school|checkpost|village)s?\b"
)
# A sentence that opens with these words starts a new incident.
NEW_INCIDENT = re.compile(
    rf"\b(?:in (?:a |another )?separate\b|separately|in another\b|in other {_OTHER_ACTS}|a separate {_OTHER_ACTS}|"
    rf"another {_OTHER_ACTS}|"
    r"meanwhile|elsewhere|in a similar incident|"
    r"earlier,? on|on the same day|the same day|also on|(?:also|further|separately) reported that)\b|"
    # "… in a southern Baghdad area. Moreover, a civilian was killed in a bomb blast in east
    # Baghdad": a list of the day's incidents goes on.
    r"^\W*moreover,",
    re.I,
)
# "Another Russian drone attack on Kharkiv", "another Israeli strike": another act, whose doer or
# weapon stands between. Read on the cased text, where a doer's name is capitalised.
ANOTHER_NAMED_ACT = re.compile(
    r"\b[Aa]nother (?:(?:[A-Z][\w'’-]+|drone|missile|rocket|air|aerial|suicide|car|roadside|deadly|fresh) ){1,3}"
    + _OTHER_ACTS
)


# What opens a clause said to tell another act (`sentences.ANOTHER_ACT`).
ANOTHER_BEFORE = re.compile(rf"\b(?:whereas|{ANOTHER}),?\s*$", re.I)


# A weekday, not one whose thing is named ("before Sunday's election").
WEEKDAY = re.compile(rf"\b{WEEKDAY_PATTERN}\b(?!\s*['’]?\s*s\b)")


# A sentence that opens on where it happened: "In Rawalpindi's Liaquat Bagh, ...".
PLACE_LEAD = re.compile(
    r"^\W*(?:(?:Meanwhile|Elsewhere|Later|Earlier|Yesterday|Today|Last (?:week|night)|On \w+day),?\s+)?"
    r"(?:[Ii]n|[Aa]t|[Nn]ear|[Oo]utside)\s+(?:the\s+)?[A-Z]"
)


# An incident none of whose sentences the learned reading gives this much is talk, not news. Set
# where it loses as few incident sentences of the held-out coded news as 0.05 did with the model
# of the second coding round (15%), now that the model, learned from more coding, reads talk as
# talk more surely (it drops 67% of the held-out non-incidents there, against 45%).
NOT_AN_INCIDENT = 0.12
# A note's or a headline's sentence is news far more often than an article's: its reading is
# talk only this far down, where at most 2% of the held-out incident notes of the labelled files
# read (Mass Mobilization 1.8%, UCDP GED 0.1%, Wikipedia 0.1%; `held_out` of incident_model.py).
NOTE_NOT_AN_INCIDENT = 0.02


# A killing's bare verb, which an accident's toll uses as much as an attack's.
BARE_KILLING = re.compile(r"kill(?:s|ed|ing)?|died|dies|dead")


# A distance and a bearing before a town's name: the town is the point it is told from.
DISTANCE_FROM = compile_lower(
    r"\b(?:\d[\d,.]*|[a-z]+(?:[- ][a-z]+)?)\s*(?:km|kms|kilometres|kilometers|miles)\s+(?:\([^)]{0,20}\)\s+)?"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of\s+(?:the\s+)?(?:city\s+of\s+)?$"
)


def talk_below(doc: Document, note: bool) -> float:
    """The reading under which a sentence, or an incident, is talk: a note's or an article's.
    A text in one case throughout (a radio bulletin transcribed in capitals, a lower-cased
    note) reads as a note does: the model learned talk from the prose of cased news, and reads
    a bulletin's "it was reported to us that fighting is taking place in El Carmen" as talk
    (0.003)."""
    return NOTE_NOT_AN_INCIDENT if note or is_caseless(doc.text) else NOT_AN_INCIDENT


# A weapon the table names this specifically (an air strike, a suicide bomb) is news whatever
# the reading; a named act (shelling, a rape, a town retaken, a riot) where the text also gives
# the day and the place.
SPECIFIC_WEAPON = 85


NAMED_ACT = 56


def _tells_another(text: str) -> bool:
    """Whether a sentence says in its words that it tells another incident than the one before."""
    return NEW_INCIDENT.search(text) is not None or ANOTHER_NAMED_ACT.search(text) is not None


def recalled_with_date_and_place(index: int, layers: dict[str, dict[int, list[Mention]]], lower: str) -> bool:
    """Whether a sentence names an act with its own date and place beside it ("the April 22
    Pahalgam attack", "on Aug 8, 2016, terrorists killed 70 in Quetta"): the spec's recalled
    incident, an event though the learned reading takes the sentence for talk. Acts in the
    plural ("attacks since Jan 1, 2001") are a tally, not one incident."""
    dated = [
        d
        for d in layers["dates"].get(index, [])
        if d.value.basis == "explicit"
        and not d.value.reporting
        and (d.value.end - d.value.start).days <= 31
        and not SINCE_BEFORE.search(lower, max(0, d.start - 8), d.start)
    ]
    placed = [m for m in layers["places"].get(index, []) if m.label == "place"]
    return any(
        t.value.violent
        and t.value.sub_event_type not in CRIME_LIKE
        and not lower.startswith(PLURAL_ACTS, t.end - 1)
        and any(_near(d, t, RECALLED_DATE_REACH) for d in dated)
        and any(_near(m, t, RECALLED_PLACE_REACH) for m in placed)
        for t in layers["triggers"].get(index, [])
    )


def _near(a: Mention, b: Mention, reach: int) -> bool:
    """Whether two mentions stand within `reach` characters of each other, gap measured."""
    return max(a.start, b.start) - min(a.end, b.end) <= reach


# How near its date and its place stand to the act a recalled incident names ("the April 22
# Pahalgam attack", "On Aug 8, 2016, terrorists killed 70 in Quetta's main hospital"), and how
# long before the report an incident is recalled rather than reported.
RECALLED_DATE_REACH = 30
RECALLED_PLACE_REACH = 45
RECALLED_DAYS = 30
SINCE_BEFORE = re.compile(r"\b(?:since|from|between)\s+(?:the\s+)?$")
PLURAL_ACTS = ("s ", "s.", "s,")
# Acts that, recalled with no one named, are as often crimes as political violence.
CRIME_LIKE = frozenset({"Abduction/forced disappearance", "Sexual violence"})


def concrete(incident: Incident, layers: dict[str, dict[int, list[Mention]]]) -> bool:
    if incident.recalled:
        return True
    strongest = max(
        (t.value.strength for i in incident.sentences for t in layers["triggers"].get(i, [])), default=0
    )
    if strongest >= SPECIFIC_WEAPON:
        return True
    day = any(d.value.precision == 1 for i in incident.sentences for d in layers["dates"].get(i, []))
    placed = any(m.label == "place" for i in incident.sentences for m in layers["places"].get(i, []))
    # A named weapon that killed ("killed by a pressure landmine") is news, day and place or none.
    killed = any(
        c.value.outcome == "killed" for i in incident.sentences for c in layers["casualties"].get(i, [])
    )
    # "paid tribute to security forces for eliminating 19 terrorists in an operation in Orakzai
    # district": a toll counted at a place is news, however a statement frames it.
    counted = any(
        c.value.outcome == "killed" and not c.value.count.vague
        for i in incident.sentences
        if any(m.label == "place" for m in layers["places"].get(i, []))
        for c in layers["casualties"].get(i, [])
    )
    return (
        (strongest >= NAMED_ACT and day and placed)
        or (strongest >= NAMED_WEAPON and killed)
        or (strongest >= SPECIFIC_TRIGGER and counted)
    )


def drop(doc: Document, sentence: Mention, reason: tuple[str, str]) -> None:
    """Keep why a sentence that told of violence was not coded, for `strife evaluate --errors`."""
    kind, cue = reason
    doc.annotations.facts.setdefault("dropped", []).append(
        {"start": sentence.start, "end": sentence.end, "reason": kind, "cue": cue}
    )


# How far the learned reading must lean to an incident for a note's named weapon or act, or its
# protest, arrest or deal, to be news.
NOTE_READING = 0.5


# A sentence the learned reading judges an incident report this surely is news in itself.
SURE_INCIDENT = 0.95
# Words that tell an act as a habit, not as an incident.
HABIT = re.compile(
    r"\b(?:often|routinely|usually|frequently|regularly|habitually|typically|commonly|tends? to)\b", re.I
)


@dataclass
class Incident:
    sentences: list[int] = field(default_factory=list)
    background: bool = False
    # Whether one of its sentences names an act with its own date and place beside it.
    recalled: bool = False
    # What its sentences give together (their places, days, victims), grown as sentences are
    # added rather than gathered anew for each sentence that might join: a long report told as
    # one incident would make grouping quadratic. Keyed by what is gathered.
    _gathered: dict[str, tuple[int, set[Any]]] = field(default_factory=dict, repr=False, compare=False)
    _members: set[int] = field(default_factory=set, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._members = set(self.sentences)

    def __contains__(self, index: int) -> bool:
        return index in self._members

    def add(self, index: int) -> None:
        if index not in self._members:
            self._members.add(index)
            self.sentences.append(index)

    def gathered(self, key: str, of_sentence: Callable[[int], Iterable[Any]]) -> set[Any]:
        """The union of `of_sentence` over its sentences; `key` names what `of_sentence` gives."""
        seen, found = self._gathered.get(key, (0, set()))
        for index in self.sentences[seen:]:
            found.update(of_sentence(index))
        self._gathered[key] = (len(self.sentences), found)
        return found


def by_sentence(doc: Document, layer: str) -> dict[int, list[Mention]]:
    grouped: dict[int, list[Mention]] = defaultdict(list)
    for mention in doc.layer(layer):
        grouped[mention.sentence].append(mention)
    return grouped


def group_incidents(doc: Document) -> list[Incident]:
    triggers = by_sentence(doc, "triggers")
    casualties = by_sentence(doc, "casualties")
    dates = by_sentence(doc, "dates")
    unresolved_days = {m.sentence for m in doc.layer("unresolved_dates")}
    # Weekdays only: "today" and "yesterday" in a text put together from several reports are
    # each report's own, and may be one day.
    stand_in_days: dict[int, list[Mention]] = defaultdict(list)
    for m in doc.layer("unresolved_dates"):
        if WEEKDAY.search(doc.lower_text, m.start, min(len(doc.lower_text), m.end + 4)):
            stand_in_days[m.sentence].append(m)
    supporting = [by_sentence(doc, name) for name in ("places", "claims", "reporters")]
    # A town a distance is told from ("about seventy miles south of Baghdad") says where the
    # incident's place lies, not that another incident begins.
    supporting[0] = {
        i: kept
        for i, ms in supporting[0].items()
        if (
            kept := [m for m in ms if not DISTANCE_FROM.search(doc.lower_text, max(0, m.start - 60), m.start)]
        )
    }
    places = supporting[0]
    claims = supporting[1]
    actors = by_sentence(doc, "actors")
    # A sentence that names an armed group goes on telling the incident ("Fighters of Hayat
    # Tahrir al-Sham pulled back northwards").
    supporting.append({i: named for i, ms in actors.items() if (named := [m for m in ms if m.value.named])})
    context = {m.sentence: m.label for m in doc.layer("context")}
    cues = {m.sentence: m.value for m in doc.layer("context") if m.value is not None}
    readings = {m.sentence: m.value for m in doc.layer("incident_readings")}
    layers = {"triggers": triggers, "dates": dates, "places": places}
    recalled_sentences = {i for i in triggers if recalled_with_date_and_place(i, layers, doc.lower_text)}
    # A report that opens on an accident, a disaster or a crime (its title or first sentence).
    opening = doc.annotations.facts.get("non_political") or (
        cues.get(0) if context.get(0) == "non-political" else None
    )
    # A note or a list of headlines, not an article: what the learned reading takes for an
    # incident (p >= LEARNED_INCIDENT, as for a learned trigger) is news though it gives no day
    # ("about 200 church members marched peacefully in protest").
    note = is_note(doc)
    excerpts = doc.annotations.facts.get(EXCERPT_FACT, frozenset())
    read = ReportLayers(doc, note, excerpts, triggers, casualties, dates, places, stand_in_days, actors)
    incidents: list[Incident] = []
    current: Incident | None = None
    after_aside = False  # the last sentence that ended an incident was a recalled aside
    for sentence in doc.layer("sentences"):
        index = sentence.sentence
        flag = context.get(index)
        armed = any(m.value.side == "armed" for m in actors.get(index, []))
        # Judged per incident, never per document: a sentence of its own accident, disaster,
        # epidemic, crime or sport is dropped, and in a report that opens on one, a sentence
        # with no sign of its own of a political actor. A protest, or a sentence that names an
        # armed actor or a weapon of war ("a car bomb tore through a cafe of men watching a
        # football match", "a bomb exploded where they had gathered for a parade"), is coded
        # whatever words stand near it.
        own = [t for t in triggers.get(index, []) if t.value.strength > LEARNED_STRENGTH]
        # An armed actor named beside an accident or a disaster is its victim, not its cause,
        # where the sentence names no act of war of its own ("Mexico jet crash kills 1, injures 4,
        # including doctor who leads vigilante group").
        mishap = (cues.get(index) or ("",))[0] in ("accident", "disaster") and all(
            BARE_KILLING.fullmatch(doc.lower_text, t.start, t.end) for t in own
        )
        # Weapons are what a military exercise shows ("live-fire missile exercises"): there, a
        # weapon of war is no sign of an act of war, as it is beside a parade.
        exercise = EXERCISE.search((cues.get(index) or ("", ""))[1]) is not None
        political = (
            (armed and not mishap)
            or any(
                t.value.sub_event_type in PROTEST_OR_RIOT
                or (not exercise and WAR_WEAPON.search(doc.lower_text, t.start, t.end))
                for t in own
            )
            # The weapon the learned reading cites is one of war: "a bomb on a railway track
            # derailed two coaches" is a bombing, not a rail accident.
            or (
                not exercise
                and any(WAR_WEAPON.fullmatch(doc.lower_text, t.start, t.end) for t in triggers.get(index, []))
            )
        )
        # "The explosion happened in the morning": the act the report opened on, told again, not
        # a weapon of its own.
        specific = any(
            t.value.strength >= SPECIFIC_TRIGGER and not doc.lower_text.startswith("the ", t.start)
            for t in own
        )
        reason = None
        if flag in ("statistic", "coding note") or (flag == "non-political" and not political):
            reason = cues.get(index)
        elif opening is not None and not political and not specific:
            reason = (opening[0], f"the report opens on it: {opening[1]!r}")
        if reason is not None:
            if index in triggers or index in casualties:
                drop(doc, sentence, reason)
            if (
                reason[0] == "crime"
                and CRIME_MOTIVE.search(reason[1]) is not None
                and current is not None
                and incidents
                and incidents[-1] is current
                and index - max(current.sentences) <= CRIME_MOTIVE_REACH
                and not _political(current, actors, triggers, doc.text)
            ):
                # "Police suspected some personal enmity behind the incident": the killing just
                # told, with no armed group or crowd of its own, is the crime its motive says.
                incidents.pop()
                first = doc.layer("sentences")[current.sentences[0]]
                drop(doc, first, ("crime", f"its motive, told after it: {reason[1]!r}"))
            current, after_aside = None, False
            continue
        text = doc.cased_text[sentence.start : sentence.end]
        violent = any(t.value.violent for t in triggers.get(index, []))
        killed = [c for c in casualties.get(index, []) if c.value.outcome in ("killed", "injured")]
        calm = [t for t in triggers.get(index, []) if not t.value.violent]
        if calm and not violent and not killed:
            # Coding guide: plans, calls, threats and court steps about a protest or an arrest
            # are not events ("plans to turn Aug 14 into another day of protest").
            unreal = {id(t): cue for t in calm if (cue := _unreal(doc.lower_text, sentence, t)) is not None}
            calm = [t for t in calm if id(t) not in unreal]
            if unreal and not calm:
                cue = next(iter(unreal.values()))
                drop(doc, sentence, ("talk", f"not an event of its own: {cue.group()!r}"))
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
        # "Troops often resort to heavy firing along the frontier": an act told as a habit, with
        # no day of its own, is no incident however surely the reading takes it for one.
        habit = not day and HABIT.search(text) is not None
        sure = readings.get(index, 0.0) >= SURE_INCIDENT and not habit
        likely = readings.get(index, 0.0) >= LEARNED_INCIDENT and not habit
        # "The leaders pledged not to engage in attacks": a sentence the learned reading calls
        # talk adds no incident and no type of its own; it may still tell of one (supporting).
        recalled = index in recalled_sentences
        talk = readings.get(index, 1.0) < talk_below(doc, note) and not recalled
        # A note reports the weapon or the specific act it names ("ISIS attacked the company
        # with four Katyusha rockets"), or its protest or arrest ("15 students were arrested for
        # standing silently with placards"), where the reading leans that way at all.
        leaning = note and readings.get(index, 0.0) >= NOTE_READING and not habit
        eventful = (
            killed
            or (
                violent
                and not talk
                and (day or placed or sure or (note and likely) or (leaning and specific))
            )
            or (
                calm
                # The reading judges talk of deals and protests well; a curfew, an interception
                # or a town handed over it has seen too few of to judge.
                and (not talk or any(t.value.strength >= NAMED_ACT for t in calm))
                and (
                    day
                    # A report with no date at all ("In Ciudad Delgado, the security corps
                    # arrested three persons"): where it happened, told first, stands for when.
                    or (
                        doc.anchor_date is None
                        and PLACE_LEAD.match(text) is not None
                        and bool(_lead_place(places.get(index, [])))
                    )
                    or (index < LEAD_SENTENCES and (index in places or sure))
                    or leaning
                    # "About 6,000 demonstrated in Berlin": a crowd at a town, read surely as news.
                    or (sure and placed and any(t.value.sub_event_type in PROTEST_OR_RIOT for t in own))
                )
            )
            # "A similar shutterdown was witnessed in Jamshoro": a protest at a place of its own,
            # told after another, on the day told before.
            or (
                current is not None
                and placed
                and not talk
                and any(t.value.sub_event_type in PROTEST_OR_RIOT for t in calm)
            )
            # Destruction of a thing named, at a place named ("destroying two pylons in Guazapa").
            or (
                any(t.value.sub_event_type == "Looting/property destruction" for t in calm)
                and placed
                and not talk
            )
        )
        # "the April 22 Pahalgam attack" in a report of October: recalled, not reported.
        background = flag == "background" or (
            recalled
            and doc.published is not None
            and all((doc.published - d.value.end).days > RECALLED_DAYS for d in dates.get(index, []))
        )
        if eventful:
            told = ToldEvent(index, sentence, text, background, killed, violent, likely, own, calm, placed)
            opens = current is None or opens_another(current, told, read)
            aside = (current is not None and current.background) or (current is None and after_aside)
            if opens and note and aside and not background:
                # "…protesters vowed last week to form a human chain. Scuffles broke out on
                # Tuesday at the barrier…": a note back from a recalled aside (told as an
                # incident of its own, or read as no event) to the incident it told before,
                # where nothing says this is another. (An article's paragraphs after an aside
                # more often tell another incident.)
                resumed = next((i for i in reversed(incidents) if not i.background), None)
                if resumed is not None and not opens_another(resumed, told, read):
                    current, opens = resumed, False
            if opens:
                current = Incident(background=background)
                incidents.append(current)
                # "A video showed an ISIS militant executing two men. They were both shot dead.":
                # a sentence that opens on a pronoun tells of the one before it, which names who.
                before = index - 1
                if (
                    PRONOUN_OPENING.match(text)
                    and before >= 0
                    and before not in context
                    and (before in actors or before in triggers)
                    and not any(before in incident for incident in incidents)
                ):
                    current.add(before)
            current.add(index)
            after_aside = False
        elif (
            current is not None
            and not background
            and not current.background
            and any(index in layer for layer in supporting)
        ):
            current.add(index)
        elif (
            current is not None
            and not background
            and any(t.value.sub_event_type in PROTEST_OR_RIOT for t in own)
            and current.gathered(
                "protest types",
                lambda i: [
                    t.value.sub_event_type
                    for t in triggers.get(i, [])
                    if t.value.sub_event_type in PROTEST_OR_RIOT
                ],
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
                current, after_aside = None, True
        elif background:
            current, after_aside = None, True
    for incident in incidents:
        incident.recalled = not recalled_sentences.isdisjoint(incident.sentences)
    told = {i for incident in incidents for i in incident.sentences}
    spans = {s.sentence: s for s in doc.layer("sentences")}
    voided = by_sentence(doc, "voided_triggers")
    for index in sorted(voided.keys() - told - triggers.keys()):
        drop(doc, spans[index], ("talk", f"only possible, planned or feared: {voided[index][0].text(doc)!r}"))
    # Every sentence that named an act and made no incident says why.
    explained = {(d["start"], d["end"]) for d in doc.annotations.facts.get("dropped", [])}
    for index, found in sorted(triggers.items()):
        sentence = spans[index]
        if index in told or (sentence.start, sentence.end) in explained:
            continue
        reading = readings.get(index, 1.0)
        if reading < NOT_AN_INCIDENT:
            why = incident_model().reason(features(doc.lower_text[sentence.start : sentence.end]))
            drop(doc, sentence, (why, f"learned reading {reading:.3f}"))
        else:
            violent = [t for t in found if t.value.violent]
            act = (violent or found)[0].text(doc)
            what = "day, place, toll" if violent else "day or place"
            drop(doc, sentence, ("talk", f"{act!r} with no {what} or sure reading of its own"))
    return incidents


@dataclass(frozen=True, slots=True)
class ReportLayers:
    """A report's layers by sentence, as grouping reads them."""

    doc: Document
    note: bool
    excerpts: frozenset[int]
    triggers: dict[int, list[Mention]]
    casualties: dict[int, list[Mention]]
    dates: dict[int, list[Mention]]
    places: dict[int, list[Mention]]
    stand_in_days: dict[int, list[Mention]]
    actors: dict[int, list[Mention]]


@dataclass(frozen=True, slots=True)
class ToldEvent:
    """What one sentence that tells an event gives of its own."""

    index: int
    sentence: Mention
    text: str
    background: bool
    killed: list[Mention]
    violent: bool
    likely: bool
    own: list[Mention]
    calm: list[Mention]
    placed: bool


def opens_another(current: Incident, told: ToldEvent, read: ReportLayers) -> bool:
    """Whether a sentence that tells an event begins another incident than `current`: a rule of
    `opening_reasons` says so or, where none does, the learned reading of real reports. (It once
    read only sentences that name a place: a split with none of its own was most often the same
    incident told on. Learned from the team's coding of such decisions as well, it reads them as
    surely as the others.)"""
    reasons = opening_reasons(current, told, read)
    return any(reasons.values()) or boundary_model().opens(boundary_features(current, told, read, reasons))


def opening_reasons(current: Incident, told: ToldEvent, read: ReportLayers) -> dict[str, bool]:
    """Each reason a sentence that tells an event may begin another incident than `current`,
    by name, and whether it holds."""
    index, sentence, text, own, killed = told.index, told.sentence, told.text, told.own, told.killed
    places, triggers, casualties = read.places, read.triggers, read.casualties
    return {
        # A recalled incident is one sentence's worth: its own figures only.
        "background": told.background,
        "another": _tells_another(text),
        # An excerpt of another report, strung after the one before in a note, that tells
        # another weekday ("…; 6 on monday morning, protesters controlled major
        # thoroughfares" after Sunday's tear gas).
        "excerpt of another weekday": index in read.excerpts
        and _another_weekday(index, current, read.stand_in_days),
        "recalled after reported": current.background != told.background,
        "another day": _other_day(read.dates.get(index, []), current, read.dates),
        # "marched peacefully on Friday … On Monday, police opened fire on a march", with
        # no publication date to resolve either day against: two days all the same, where
        # the later one tells violence of its own.
        "another weekday": bool(killed or told.violent)
        and _other_day(read.stand_in_days.get(index, []), current, read.stand_in_days, "stand-in days"),
        # ACLED's unit is one place: new figures somewhere else are another incident, and
        # so is a sentence that opens on another place ("In Rawalpindi, supporters...").
        # A protest day in many cities is one event per city (coding guide).
        "another place": bool(
            killed
            or [t for t in own if t.value.violent or t.value.sub_event_type in PROTEST_OR_RIOT]
            or (told.violent and told.likely)
        )
        and _other_place(places.get(index, []), current, places)
        # "The explosion took place on First Avenue, between the Vicas store and the bank":
        # where the act just told happened, not another act.
        and TOLD_WHERE_AGAIN.match(text) is None,
        # The place a sentence opens on is where it happened; others it names after it
        # ("415 km southeast of Lima") are bearings.
        "opens on another place": PLACE_LEAD.match(text) is not None
        and _other_place(_lead_place(places.get(index, [])), current, places),
        # A headline's clause that names an act of its own ("…and explosion leaves
        # human losses east of the Euphrates" after air strikes on Hama): another
        # incident where it is another sub-type of act.
        "clause of another act": sentence.value == CLAUSE and _other_act(own, current, triggers),
        # "…in Turbat, whereas a targeted shooting occurred in Qalat": a clause said to
        # tell another act.
        "clause said to be another": sentence.value == CLAUSE
        and ANOTHER_BEFORE.search(read.doc.cased_text, max(0, sentence.start - 30), sentence.start)
        is not None,
        # "Pakistan strikes kill 31 militants, drone kills 7": a clause with a toll of its
        # own after one that gave its own is another act's.
        "clause of another toll": sentence.value == CLAUSE
        and bool(killed)
        and bool(current.gathered("tolls", lambda i: [c.start for c in casualties.get(i, [])])),
        # "Junta Soldiers Torch Village After Cutting Power in Myanmar's Sagaing", a
        # headline after a battle's: destruction at a place, with no one hurt, is an event
        # of its own. (An article's "rubble of destroyed buildings" is a strike's aftermath.)
        "destruction after violence": read.note
        and not told.violent
        and not killed
        and told.placed
        and _other_calm_act(told.calm, "Looting/property destruction", current, triggers),
        # "The air force said it shot down 45 drones" after a strike: a calm act named this
        # surely is no anaphora's.
        "another kind": _other_kind(own, current, triggers, killed, casualties)
        and (not ANAPHORA.match(text) or any(_news_in_itself(t) for t in own)),
    }


# The parties of the dead that tell victims apart ("unknown" and "total" tell nothing).
KNOWN_PARTIES = frozenset({"state", "armed", "civilian"})
# How many of a sentence's opening words the boundary reading sees.
OPENING_WORDS = 3


def boundary_features(
    current: Incident, told: ToldEvent, read: ReportLayers, reasons: dict[str, bool]
) -> set[str]:
    """What the learned boundary reading (`incident_boundaries`) sees of a sentence that tells an
    event beside the incident told so far."""
    index, own = told.index, told.own
    feats = {f"rule:{name}" for name, holds in reasons.items() if holds} or {"rule:none"}
    # Its words, names left out: what a report says, not where or of whom, opens an incident.
    # (The list of common words holds none of one letter: "a" is added, so that "in a different
    # area" reads as it is written.)
    common = common_words()
    words = [
        stem(w) if w in common or w == "a" or w[0].isdigit() else "<name>"
        for w in WORD.findall(told.text.lower())
    ]
    feats.update(f"word{i}:{w}" for i, w in enumerate(words[:OPENING_WORDS]))
    if len(words) > 1:
        feats.add(f"words:{words[0]} {words[1]}")
    feats.update(f"bow:{w}" for w in words)
    fresh = _place_keys(read.places.get(index, []))
    known = current.gathered("places", lambda i: _place_keys(read.places.get(i, [])))
    if fresh and known:
        feats.add(
            "place:other" if _other_place(read.places.get(index, []), current, read.places) else "place:same"
        )
    else:
        feats.add(f"place:{'own' if fresh else 'none'}")
    days = [d for d in read.dates.get(index, []) if d.value.precision == 1]
    if days:
        other = _other_day(days, current, read.dates)
        feats.add("day:other" if other else "day:own")
    new_kinds = _kinds(own)
    known_kinds = current.gathered(
        "types",
        lambda i: _kinds([t for t in read.triggers.get(i, []) if t.value.strength > LEARNED_STRENGTH]),
    )
    feats.update(f"kind:{b}>{a}" for a in new_kinds for b in known_kinds if a != b)
    feats.add(
        "kind:same"
        if new_kinds & known_kinds
        else ("kind:other" if new_kinds and known_kinds else "kind:none")
    )
    if told.killed:
        counts = current.gathered(
            "counts", lambda i: [c.value.count.value for c in read.casualties.get(i, []) if c.value.count]
        )
        own_counts = {c.value.count.value for c in told.killed if c.value.count}
        feats.add(
            "toll:first" if not counts else ("toll:repeated" if own_counts & counts else "toll:another")
        )
        # Whose dead: "8 militants" then "tribal leader killed" are other victims, told apart.
        own_parties = {c.value.party for c in told.killed} & KNOWN_PARTIES
        parties = current.gathered(
            "parties",
            lambda i: [c.value.party for c in read.casualties.get(i, []) if c.value.outcome == "killed"],
        )
        if own_parties and parties & KNOWN_PARTIES:
            feats.add("victims:same" if own_parties & parties else "victims:other")
        elif own_parties or parties:
            feats.add("victims:unknown")
        if counts and own_counts:
            feats.add(
                f"victims:{'one' if own_counts == {1} else 'many'}>{'one' if counts == {1} else 'many'}"
            )
    named = {m.value.name for m in read.actors.get(index, []) if m.value.named}
    if named:
        known_named = current.gathered(
            "named actors", lambda i: [m.value.name for m in read.actors.get(i, []) if m.value.named]
        )
        feats.add("named:same" if named & known_named else ("named:other" if known_named else "named:first"))
    if current.sentences == [0]:
        feats.add("after headline")
    feats.add("clause" if told.sentence.value == CLAUSE else "sentence")
    if read.note:
        feats.add("note")
    gap = index - max(current.sentences)
    feats.add(f"gap:{min(gap, 3)}")
    feats.add(f"told:{min(len(current.sentences), 3)}")
    if ANAPHORA.match(told.text):
        feats.add("anaphora")
    if PRONOUN_OPENING.match(told.text):
        feats.add("pronoun")
    if told.violent:
        feats.add("violent")
    return feats


# What makes a protest, an arrest or an agreement in a sentence no event of its own: it is
# planned, called for, threatened or hypothetical, or a court's step about an earlier one.
# The plan or the modal governs the act it stands just before ("plans to turn Aug 14 into
# another day of protest"); a court's step speaks of an act anywhere in its sentence.
UNREAL_BEFORE = re.compile(rf"\b(?:{PLANNED})\b(?=[^.;,]{{0,40}}$)")
# Announcing a protest is calling one; announcing a dissolution or a deal is the event itself.
ANNOUNCED = re.compile(r"\b(?:announced?|announcing)\b(?=[^.;,]{0,40}$)")
COURT_STEP = re.compile(
    # "at a hearing", "the next hearing": the court's; "forced it to abandon hearing the cases": the crowd's act.
    r"\b(?:bail|(?:a|the|next|first|last|its|his|her|their|at|court) hearings?|verdict|indict\w*|"
    r"(?:cases?|trial) (?:related to|over|against)|since (?:his|her|their) arrest)\b"
)


# Words that open what a crowd wants or opposes.
PURPOSE = re.compile(r"\b(?:to|against|over|opposing|demanding|protesting|calling for|in support of)\b")
# "The verdict sparked street protests": a court step told as what set off the protest.
SET_OFF = re.compile(r"\b(?:sparked|triggered|prompted|provoked|set off|touched off|led to|drew)\b")


def _unreal(lower: str, sentence: Mention, trigger: Mention) -> re.Match[str] | None:
    """The words that make a protest, an arrest or an agreement no event of its own."""
    crowd = trigger.value.sub_event_type in PROTEST_OR_RIOT or trigger.value.sub_event_type == "Arrests"
    if (
        crowd
        and (court := COURT_STEP.search(lower, sentence.start, sentence.end)) is not None
        # "300 protesters marched on the court to hand over a petition opposing bail": what they
        # marched for, told after the march, is no court step of theirs.
        and not (court.start() > trigger.end and PURPOSE.search(lower, trigger.end, court.start()))
        and not (court.end() <= trigger.start and SET_OFF.search(lower, court.end(), trigger.start))
    ):
        return court
    before = lower[sentence.start : trigger.start]
    return UNREAL_BEFORE.search(before) or (ANNOUNCED.search(before) if crowd else None)


# Forces named as who speaks ("police said"), not as a party.
SPEAKER_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:said|say|says|told|added|reported|stated)\b")
# The cue of a sentence flagged as a military exercise or its display, not a parade.
EXERCISE = re.compile(r"exercise|drill|war ?games|practi[cs]|propaganda|show|display|unveil|exhibit")
# A motive that makes a killing a crime, not who did it ("the criminals behind the massacre").
CRIME_MOTIVE = re.compile(r"enmity|feud|dispute|robbery|dacoity|honou?r killing|marital")
# How many sentences after an incident its motive may still be told: a report often tells the
# victim's last movements and wounds before the police's view of why.
CRIME_MOTIVE_REACH = 5


# A weapon of war in an act's own words: not a blast or a jet, which gas and air shows have too.
WAR_WEAPON = re.compile(
    r"\b(?:bomb|bombs|bomber|bombers|bombing|ieds?|rockets?|missiles?|mortars?|grenades?|landmines?|"
    r"air ?strikes?|air raids?|drone strikes?|shelling|artillery)\b"
)


def _political(
    incident: Incident, actors: dict[int, list[Mention]], triggers: dict[int, list[Mention]], text: str
) -> bool:
    """Whether an incident names a state's forces (not as who speaks: "police said") or an armed
    group, tells of a crowd, or names a weapon of war (no "criminals" of a statement make a
    bombing a crime)."""
    return any(
        (m.value.side == "state" and not SPEAKER_AFTER.match(text, m.end))
        or (m.value.side == "armed" and m.value.named)
        for i in incident.sentences
        for m in actors.get(i, [])
    ) or any(
        t.value.sub_event_type in PROTEST_OR_RIOT or t.value.strength >= NAMED_WEAPON
        for i in incident.sentences
        for t in triggers.get(i, [])
    )


def _news_in_itself(trigger: Mention) -> bool:
    """Acts that are news in themselves though no one was hurt: drones downed, a strike held."""
    return trigger.value.strength in (INTERCEPTION, HELD_STRIKE)


# A sentence that opens on a pronoun for people or a thing already named.
PRONOUN_OPENING = re.compile(r"^\W*(?:they|it|he|she|both|their|his|her)\b", re.I)


# A sentence that opens on the incident told before ("The blast…", "According to sources, the
# blast occurred…", "Police said the attack…"): its words continue that incident.
# The act just told, said again to tell where or when it happened.
TOLD_WHERE_AGAIN = re.compile(
    r"^\W*(?:the|this|that)\s+(?:explosion|blast|bombing|attack|ambush|shooting|incident|clash|clashes|fighting|"
    r"protest|demonstration|rally|march)\s+(?:took place|occurred|happened|was carried out|erupted|broke out)\b",
    re.I,
)
ANAPHORA = re.compile(
    r"^\W*(?:(?:according to [\w\s'’-]{1,40}?|(?:police|officials|sources|witnesses|residents|the \w+) said(?: that)?),?\s+)?"
    r"(?:the|this|that|these|those|it|its|they|their|he|she|his|her)\b",
    re.I,
)


def _other_kind(
    own: list[Mention],
    incident: Incident,
    triggers: dict[int, list[Mention]],
    hurt: list[Mention],
    casualties: dict[int, list[Mention]],
) -> bool:
    """A sentence that tells, in its own words, of another kind of event than the incident
    told so far (a kidnapping after a clash, a firebomb after an ambush) begins another one."""
    # A word that names the act opens another; a bare "killed" does only where it counts other
    # victims than the incident's ("5 militants killed" after a blast that killed labourers):
    # "32 were killed" after a blast is its toll.
    known_victims = incident.gathered("victims", lambda i: [c.value.party for c in casualties.get(i, [])])
    # Where the incident has counted no one yet, the dead told next are its toll ("A suicide car
    # bomber rammed a checkpoint. Four soldiers were killed.").
    # Dead told as besides those counted ("Three attackers were also killed") are more of its own.
    other_victims = bool(known_victims) and any(
        c.value.party in ("state", "armed", "civilian")
        and c.value.party not in known_victims
        and not c.value.besides
        for c in hurt
    )
    # Drones or missiles downed ("shot down 45 of 78 drones") are another event than the strike
    # they follow, as a strike is another than a clash.
    named = [
        t
        for t in own
        if (t.value.violent and (t.value.strength >= SPECIFIC_TRIGGER or other_victims)) or _news_in_itself(t)
    ]
    # Where the sentence names its act in a word of its own ("Two children killed by regime
    # shelling"), that word is compared with the words of the incident's sentences, and a bare
    # "killed" beside them is no attack of its own; a bare "killed" alone ("Eleven insurgents
    # were also killed") is compared with all the incident's acts, a clash's dead among them.
    specific = _kinds([t for t in named if t.value.strength >= SPECIFIC_TRIGGER])
    new = specific or _kinds(named)
    known = incident.gathered(
        "specific types" if specific else "types",
        lambda i: _kinds(
            [t for t in triggers.get(i, []) if t.value.strength > LEARNED_STRENGTH], specific=bool(specific)
        ),
    )
    return bool(new and known) and not new & known


def _other_act(own: list[Mention], incident: Incident, triggers: dict[int, list[Mention]]) -> bool:
    """Whether a clause's specific act is of another sub-type than all the incident's."""
    new = {t.value.sub_event_type for t in own if t.value.violent and t.value.strength >= SPECIFIC_TRIGGER}
    known = incident.gathered(
        "sub-types",
        lambda i: [
            t.value.sub_event_type for t in triggers.get(i, []) if t.value.strength >= SPECIFIC_TRIGGER
        ],
    )
    return bool(new and known) and not new & known


def _other_calm_act(
    calm: list[Mention], sub: str, incident: Incident, triggers: dict[int, list[Mention]]
) -> bool:
    """Whether a sentence's calm act of sub-type `sub` follows an incident of violence that told none."""
    if not any(t.value.sub_event_type == sub for t in calm):
        return False
    told = incident.gathered(
        "acts", lambda i: [(t.value.sub_event_type, t.value.violent) for t in triggers.get(i, [])]
    )
    return any(violent for _, violent in told) and not any(kind == sub for kind, _ in told)


def _kinds(triggers: list[Mention], specific: bool = False) -> set[str]:
    """The event types a sentence's acts name; with `specific`, those of its specific words
    where it has any."""
    if specific:
        triggers = [t for t in triggers if t.value.strength >= SPECIFIC_TRIGGER] or triggers
    return {
        CROWD_KIND.get(EVENT_TYPE_OF[t.value.sub_event_type], EVENT_TYPE_OF[t.value.sub_event_type])
        for t in triggers
    }


# A crowd's protest and its turning violent are one event (codebook: a demonstration in which
# the demonstrators turn violent is a violent demonstration), not two kinds of act.
CROWD_KIND = {"Protests": "a crowd", "Riots": "a crowd"}


# What marks a part of a town among a sentence's place paths.
_PART = "/part:"


def _place_keys(mentions: list[Mention]) -> set[str]:
    """The provinces, districts and towns a sentence names, as comparable paths."""
    keys = set()
    for m in mentions:
        entry = m.value.entry if m.label == "place" else None
        if is_section(entry):
            # A part of a town ("the Los Alpes neighborhood" of San Salvador) lies in the town.
            keys.add(f"{entry.iso3}/{entry.admin1}/{entry.admin2}{_PART}{entry.name}")
        elif entry is not None and entry.kind in ("place", "admin2"):
            keys.add(f"{entry.iso3}/{entry.admin1}/{entry.admin2 or entry.name}")
        elif entry is not None and entry.kind == "admin1":
            keys.add(f"{entry.iso3}/{entry.name}")
    # The town a part is said to lie in ("the Costa Rica neighborhood of southern San Salvador")
    # names where the part is, not a place of its own beside it.
    holders = {key.split(_PART)[0] for key in keys if _PART in key}
    return keys - holders


def _lead_place(mentions: list[Mention]) -> list[Mention]:
    named = sorted(
        (m for m in mentions if m.label == "place" and m.value.entry is not None), key=lambda m: m.start
    )
    return named[:1]


def _other_place(new: list[Mention], incident: Incident, places: dict[int, list[Mention]]) -> bool:
    fresh = _place_keys(new)
    known = incident.gathered("places", lambda i: _place_keys(places.get(i, [])))
    # Two parts of a town are two places, as two towns are, though the town holds both ("attacked
    # positions in the Escalon neighborhood … commandos attacked the civil defense group in the
    # Costa Rica neighborhood of San Salvador").
    fresh_parts = {key for key in fresh if _PART in key}
    known_parts = {key for key in known if _PART in key}
    if fresh_parts and known_parts and fresh_parts.isdisjoint(known_parts):
        return True
    # A province and a district in it are one place; two districts, or two provinces, are not.
    return bool(fresh and known) and not any(
        a == b or a.startswith(b + "/") or b.startswith(a + "/") for a in fresh for b in known
    )


def _another_weekday(index: int, incident: Incident, stand_in_days: dict[int, list[Mention]]) -> bool:
    """Whether a sentence tells a weekday (of a report with no publication date) other than the
    incident's, or one where the incident told none."""
    own = stand_in_days.get(index, [])
    known = _known_days(incident, stand_in_days, "stand-in days")
    return bool(own) and (not known or _other_day(own, incident, stand_in_days, "stand-in days"))


def _known_days(incident: Incident, dates: dict[int, list[Mention]], key: str) -> set[Any]:
    """The days its sentences give, to the day (`key` names which dates are gathered)."""
    return incident.gathered(
        key, lambda i: [d.value.start for d in dates.get(i, []) if d.value.precision == 1]
    )


def _other_day(
    new: list[Mention], incident: Incident, dates: dict[int, list[Mention]], key: str = "days"
) -> bool:
    known = _known_days(incident, dates, key)
    fresh = [d.value for d in new if d.value.precision == 1]
    return bool(known and fresh) and all(
        abs((value.start - day).days) > 1 and abs((value.end - day).days) > 1
        for value in fresh
        for day in known
    )
