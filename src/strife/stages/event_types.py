"""An incident's event type and sub-event type, by the codebook: the strongest trigger, corrected
by who was hurt and who is there, and for crowds the typer learned from Mass Mobilization.
"""

from __future__ import annotations

import re
from functools import lru_cache

from strife.document import Mention
from strife.stages.casualties import SELF_KILLED
from strife.stages.fatalities import BOMBERS_KILLED, grieved, main_victims
from strife.stages.incident_model import WORD, features, incident_model, stem
from strife.stages.triggers import CROWD_WORDS, DEADLY_TYPES, SELF_DETONATION

# The strength of the table's rows of fighting: "clashes", "gun battle", "ambush".
CLASH_STRENGTH = 40


PROTEST_TYPES = frozenset(
    {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}
)


# The four types of a demonstration, violent or not; with mobs, every type of a crowd's event.
PROTEST_FAMILY = PROTEST_TYPES | {"Violent demonstration"}


# Protests and riots are never accidents or crimes, whatever words stand near them.
PROTEST_OR_RIOT = PROTEST_FAMILY | {"Mob violence"}


def pick_type(mentions: list[Mention], hurt: bool) -> Mention | None:
    """The strongest trigger; where people died or were hurt, the strongest violent one (a
    report of a foiled attack that hurt no one is a strategic development; "six wounded by a
    laptop bomb; two other devices were defused" is the bombing)."""
    pool = ([m for m in mentions if m.value.violent] if hurt else []) or mentions
    if not pool:
        return None
    best = max(pool, key=_strongest)
    violent = [m for m in pool if m.value.violent]
    if best.value.sub_event_type == "Arrests" and violent:
        # "A man was stabbed in Petah Tikva; the attacker was arrested at the scene": the act is
        # the incident, the arrest its end.
        return max(violent, key=_strongest)
    return best


def _strongest(trigger: Mention) -> tuple[int, int]:
    """A trigger's rank: the strongest, then the first told."""
    return trigger.value.strength, -trigger.start


def protested_acts(text: str, triggers: list[Mention], protests: list[Mention]) -> list[Mention]:
    """The acts a protest's sentence gives as what the crowd protested ("staged rallies across
    the province against a suicide blast"): coding guide, the bombing and the protest against it
    are two events, and the protest's is not typed by the bombing's words."""
    return [t for t in triggers if t not in protests and grieved(text, protests, t.start, t.sentence)]


TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")


def territory_direction(sub: str, trigger: Mention, actors: list[Mention], home: str | None = None) -> str:
    """Codebook: who takes the place decides the sub-type — the government's forces regain, any
    other group overtakes; a foreign army taking a village ("Russian forces captured a village" in
    Ukraine) is not the government of the place. The actor named last before the trigger in its
    sentence is the subject."""
    if sub not in TERRITORY:
        return sub
    taker = territory_taker(trigger, actors)
    if taker is None:
        return sub
    subject = taker.value
    foreign = subject.iso3 is not None and home is not None and subject.iso3 != home
    return TERRITORY[0] if subject.side == "state" and not foreign else TERRITORY[1]


def territory_taker(trigger: Mention, actors: list[Mention]) -> Mention | None:
    """Who takes the place: the actor named last before the trigger in its sentence."""
    before = [m for m in actors if m.sentence == trigger.sentence and m.end <= trigger.start]
    return before[-1] if before else None


def _refine_type(sub: str, parties: set[str], sides: set[str], two_sides_told: bool = False) -> str:
    """Codebook: Battles need two armed, organised sides; violence against civilians needs
    unarmed victims. A trigger's first guess is corrected by who was hurt and who is there.
    `two_sides_told`: the text names the fight as one between two sides ("civilians were killed
    during an encounter between FARC dissidents and the EPL"): civilians killed in a battle
    count in it."""
    armed_victims = parties & {"state", "armed"}
    if sub == "Attack" and armed_victims and "civilian" not in parties:
        return "Armed clash"
    if (
        sub == "Armed clash"
        and "civilian" in parties
        and not armed_victims
        and not ("state" in sides and "armed" in sides)
        and not two_sides_told
    ):
        return "Attack"
    return sub


# Captives put to death: "were executed", "beheaded", "the execution of"; not "executed a raid".
EXECUTED = re.compile(
    r"\b(?:(?:were|was|been|being|are|is)\s+(?:\w+\s+)?executed|executed\s+by|beheaded|beheads?|beheading|"
    r"executions?\s+of|executes?\s+(?!(?:a|an|the|its|their|his|her)\s)\w)"
)
# Other killing told beside it: "kill 35 soldiers and execute 8", "PDF kills 7": a fight too.
OTHER_KILLING = re.compile(
    r"\b(?:kill(?:s|ed|ing)?|shot|shoot\w*|gunned|clash\w*|fight(?:s|ing)?|fought|battles?|attack\w*|ambush\w*)\b"
)


# A fight told as one between two sides: "an encounter between militants of FARC dissidents and
# the EPL", "clashes between the army and the rebels".
FIGHT_BETWEEN = re.compile(
    r"\b(?:clash(?:es)?|encounters?|fighting|battles?|gun ?fights?|fire ?fights?|exchanges? of fire|"
    r"confrontations?) between\b"
)


# A trigger this weak names no weapon ("killed", "attack"); the typer may name it instead, where
# it reads a weapon from afar this surely.
GENERIC_STRENGTH = 30
WEAPON_READING = 0.7
REMOTE_WEAPONS = frozenset(
    {
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
    }
)


@lru_cache(maxsize=8)
def _typer_reading(text: str) -> tuple[tuple[str, float], ...]:
    """The typer's sub-event types for an incident's opening, most likely first; read once
    though both the weapon and the protest decisions ask for it."""
    return tuple(incident_model().sub_event_types(features(text)))


# How much more a word must weigh for a type than for the ones it is told from to name it.
WORD_EVIDENCE = 1.5


def _word_names(text: str, sub: str, against: tuple[str, ...]) -> bool:
    """Whether a word of `text` names `sub` to the typer, over each type of `against`: "strikes"
    names an air strike over a shooting, "tear gas" an intervention over a peaceful rally; words
    that only go with it ("claimed responsibility", a keyword note's "general strike") do not."""
    model = incident_model()
    column = model.classes.index(sub)
    others = [model.classes.index(t) for t in against]
    for word in WORD.findall(text):
        row = model.typer_weights.get(stem(word))
        if row is not None and row[column] - max(row[i] for i in others) >= WORD_EVIDENCE:
            return True
    return False


GUNFIRE = ("Attack", "Armed clash")
# What says a bomber died by his own bomb.
SUICIDE_WORDS = re.compile(rf"\bsuicide\b|\bbomber|{SELF_DETONATION}|martyrdom operation")
# What says a bomb went off: a bomber killed without it died in a fight.
BOMB_WENT_OFF = re.compile(rf"{SELF_DETONATION}|\b(?:explo\w+|detonat\w+|blast\w*|went off)\b")


# How surely the learned typer must prefer another of the four protest types to overrule the table.
PROTEST_READING = 0.6


# Police there, and the text says they did nothing: "riot police stood by", "no arrests were made".
POLICE_IDLE = re.compile(
    r"\b(?:police|policemen|security forces|officers|troops|soldiers)\s+(?:\w+\s+){0,2}?(?:stood (?:\w+ )?by|"
    r"looked on|watched (?:on|from)|did not intervene|didn't intervene|kept (?:their |a )?distance)"
    r"|\bno (?:arrests|detentions|clashes|incidents) (?:were|was) (?:made|reported)|\bwithout (?:any )?(?:incident|arrests)\b"
    r"|\b(?:passed|ended|dispersed) (?:off )?peacefully\b"
)
FORCES_OPERATION = re.compile(r"\b(?:raids?|raided|operations?|ambush\w*|offensive|incursion)\b")


# A fight with this many dead and no crowd named is a battle, not a street brawl.
BATTLE_TOLL = 5


def _protest_reading(
    sub: str,
    sides: set[str],
    triggers: list[Mention],
    text: str,
    dead: int = 0,
    victims: frozenset[str] = frozenset(),
) -> str:
    """Which of the four protest types a demonstration is, read by the typer learned from Mass
    Mobilization's coding of protester violence and state response: "throwing rocks at riot
    police" makes a violent demonstration whatever the police did, which no phrase list covers.
    Only where the table already says a crowd demonstrated (or fought, with no armed group).
    `text`: the incident's opening sentences, lower-cased; `victims`: the parties of its dead."""
    crowd = bool(sides & {"protester", "rioter"}) or any(
        t.value.sub_event_type in PROTEST_FAMILY for t in triggers
    )
    # A "clash" with no armed group at all ("police fought with a group of skinheads") may be a
    # crowd's: the typer weighs it against a battle.
    # Fighters among the dead ("the strike killed two peshmerga fighters") make it no crowd's.
    # Forces' raids and operations are no crowd's doing ("shot dead during a raid on the camp").
    unarmed_clash = (
        sub == "Armed clash"
        and "armed" not in sides | victims
        and "state" in sides
        and dead < BATTLE_TOLL
        and FORCES_OPERATION.search(text) is None
        # "Four policemen shot dead" names no crowd: whoever shot them was no demonstration.
        and CROWD_WORDS.search(text) is not None
    )
    # Arrests at a demonstration are how police intervened in it (codebook); the typer decides
    # whether the arrests or the crowd are the story.
    crowd_arrests = sub == "Arrests" and crowd and "armed" not in sides
    # "Women demonstrated against violence, as the country confronts an attack": an "attack"
    # that killed no one, beside a demonstration, may be what the crowd marched about.
    marched_about = (
        sub == "Attack"
        and dead == 0
        and "armed" not in sides
        and any(t.value.sub_event_type in PROTEST_FAMILY for t in triggers)
    )
    if not (crowd or unarmed_clash) or not (
        sub in PROTEST_FAMILY
        or (sub == "Armed clash" and "armed" not in sides)
        or crowd_arrests
        or marched_about
    ):
        return sub
    if sub in ("Excessive force against protesters", "Violent demonstration"):
        # The table's row names the force (live fire at a rally) or the crowd's violence (stones,
        # petrol bombs): the words decide.
        return sub
    # Forces that "clashed with protesters" met a crowd that fought back: codebook, a violent
    # demonstration, unless the typer reads the crowd's part otherwise.
    fallback = "Violent demonstration" if crowd and sub == "Armed clash" else sub
    if crowd_arrests:
        # Codebook: arrests at a demonstration are the police's intervention in it, unless the
        # typer reads the arrests as the story.
        fallback = "Protest with intervention"
    choices = PROTEST_FAMILY | {sub} if crowd else PROTEST_FAMILY | {"Armed clash"}
    ranked = [(t, p) for t, p in _typer_reading(text) if t in choices]
    total = sum(p for _, p in ranked)
    if not ranked or total <= 0:
        return fallback
    best, p = ranked[0]
    if crowd_arrests and best == sub and p / total >= PROTEST_READING:
        return sub
    if marched_about:
        return best  # two weak words, the demonstration's and the attack's: the typer decides
    if best != sub and p / total >= PROTEST_READING:
        # A peaceful protest is found to have met force, or to have turned violent, where a word
        # says so ("tear gas", "stones"), not from the kind of note it is.
        if sub == "Peaceful protest" and (not _word_names(text, best, (sub,)) or POLICE_IDLE.search(text)):
            return fallback
        return best
    return fallback


# A killing told as a battle's: "killed in the fighting", "kills 18 in anti-militant offensive",
# "during the advancement of the regime forces".
KILLED_IN_BATTLE = re.compile(
    r"\b(?:kill(?:s|ed)?|dead|died|die)\s+(?:\w+\s+){0,3}?(?:in|during|amid)\s+(?:the\s+|an?\s+)?"
    r"(?:[\w'’-]+\s+){0,2}?(?:offensive|advance|advancement|advances|fighting|battles?|combat)\b"
)


# A state that bombs, right before the verb: "the US bombed three sites", "the US joining by
# bombing", "Israel's jets bombed".
BOMBING_VERB = re.compile(r"bomb(?:s|ed|ing)\b")
STATE_AGENT_REACH = 25


def _state_bombs(trigger: Mention, actors: list[Mention], lower: str) -> bool:
    """Whether a state's forces bomb (codebook: a state bombs from the air; a bomb planted is
    an armed group's or a person's, "remote explosive"). The state named just before the verb,
    in its sentence, with no other actor between."""
    if not BOMBING_VERB.match(lower, trigger.start):
        return False
    before = [m for m in actors if m.sentence == trigger.sentence and m.end <= trigger.start]
    if not before:
        return False
    agent = max(before, key=lambda m: m.end)
    return agent.value.side == "state" and trigger.start - agent.end <= STATE_AGENT_REACH


def incident_type(
    trigger: Mention | None,
    casualties: list[Mention],
    actors: list[Mention],
    triggers: list[Mention],
    opening: str,
    lower: str = "",
) -> str:
    """The sub-event type by the codebook, before the place and the claim are known: the
    strongest trigger's, corrected by who was hurt and who is there. `opening`: the incident's
    first sentences, lower-cased; `lower`: the whole text, lower-cased."""
    deaths = any(m.value.outcome == "killed" for m in casualties)
    sub = trigger.value.sub_event_type if trigger else "Attack"
    if (
        sub == "Remote explosive/landmine/IED"
        and trigger is not None
        and _state_bombs(trigger, actors, lower)
    ):
        sub = "Air/drone strike"
    if sub == "Attack" and (trigger is None or trigger.value.strength <= GENERIC_STRENGTH):
        # "Israeli strikes killed 27": the table's row is only the word "killed"; the typer,
        # learned from coded incidents, reads the weapon the words name around it.
        read, p = _typer_reading(opening)[0]
        if read == "Suicide bomb" and not SUICIDE_WORDS.search(opening):
            # Codebook: a suicide bomb is the bomber's own; "the Baku Metro bombings" says no more
            # than a bomb.
            read = "Remote explosive/landmine/IED"
        if read in REMOTE_WEAPONS and p >= WEAPON_READING and _word_names(opening, read, GUNFIRE):
            sub = read
    if (
        sub == "Air/drone strike"
        and trigger is not None
        and any(
            t.value.sub_event_type == "Armed clash"
            and t.value.strength >= CLASH_STRENGTH
            and t.sentence == trigger.sentence
            for t in triggers
        )
    ):
        # Codebook: an air strike is one "without a ground exchange"; gunships over a battle
        # ("guerrillas attacked the brigade; the army responded with helicopter gunships") are
        # the battle's.
        sub = "Armed clash"
    if sub in ("Remote explosive/landmine/IED", "Grenade") and (
        any(m.value.noun == "bomber" for m in casualties) or SELF_KILLED.search(opening)
    ):
        # "Detonated an explosive device at the checkpoint, killing himself": the bomber died
        # by his own device (codebook: a suicide bomb).
        sub = "Suicide bomb"
    if sub == "Suicide bomb" and BOMBERS_KILLED.search(opening) and not BOMB_WENT_OFF.search(opening):
        # "Forces thwart attack, kill two suicide bombers": shot before their bombs went off,
        # the bombers died in a fight, not by their own devices.
        sub = "Armed clash"
    if sub == "Looting/property destruction" and deaths:
        # Codebook: destruction is its own event only where no one was hurt; "forces kill three
        # and torch homes" is the killing, by the deadliest act the text names beside it.
        deadly = [t for t in triggers if t.value.sub_event_type in DEADLY_TYPES]
        sub = max(deadly, key=lambda t: t.value.strength).value.sub_event_type if deadly else "Attack"
    if sub == "Abduction/forced disappearance" and casualties:
        # Codebook: an abduction is one "with no other violence reported"; people killed or
        # hurt in the raid make it an attack.
        sub = "Attack"
    parties = {m.value.party for m in casualties if m.value.outcome == "killed"}
    sides = {m.value.side for m in actors}
    # Codebook: killing captives is violence against people who cannot fight back, whoever they
    # were: "13 army officers were executed by ISIS" is an attack, not a battle.
    captives = (
        sub == "Attack"
        and EXECUTED.search(opening) is not None
        and OTHER_KILLING.search(opening) is None
        and not any(t.value.sub_event_type == "Armed clash" for t in triggers)
    )
    if not captives:
        sub = _refine_type(sub, parties, sides, FIGHT_BETWEEN.search(opening) is not None)
    if (
        sub == "Attack"
        and (trigger is None or trigger.value.strength <= GENERIC_STRENGTH)
        and "civilian" not in parties
        and KILLED_IN_BATTLE.search(opening)
    ):
        # "Pakistani military kills 18 in anti-militant offensive", "60 were killed during the
        # advancement of the regime forces": deaths told only as a battle's, with no one said to
        # be a civilian, are the battle's (codebook: an armed clash).
        sub = "Armed clash"
    if sub == "Attack" and not captives and main_victims(casualties) in ("state", "armed"):
        # "A policeman and a civilian were killed in an attack on a patrol": forces were the
        # ones hit, and civilians killed in a battle count in it (codebook).
        sub = "Armed clash"
    dead = max((m.value.count.value for m in casualties if m.value.outcome == "killed"), default=0)
    sub = _protest_reading(sub, sides, triggers, opening, dead, frozenset(parties))
    if sub == "Excessive force against protesters" and trigger is not None:
        shooters = [m for m in actors if m.sentence == trigger.sentence and m.end <= trigger.start]
        if shooters and max(shooters, key=lambda m: m.end).value.side == "armed":
            # Codebook: excessive force is the state's; "a gunman opened fire at a rally" is an
            # armed man's attack on the crowd.
            sub = "Attack"
    if (
        sub == "Violent demonstration"
        and not deaths
        and "armed" in sides
        and not sides & {"protester", "rioter"}
    ):
        sub = "Looting/property destruction"  # codebook: destruction by a group, not a crowd
    if (
        sub == "Violent demonstration"
        and not sides & {"protester", "rioter"}
        and not any(t.value.sub_event_type in PROTEST_TYPES for t in triggers)
        and CROWD_WORDS.search(opening) is None
    ):
        # "A truck was torched near Bedgaon": burning with no crowd named is destruction by
        # whoever did it, not a demonstration; "gunmen killed the watchman and set fire to the
        # farm", an attack.
        if deaths and any(t.value.sub_event_type == "Attack" for t in triggers):
            sub = _refine_type("Attack", parties, sides)
        elif not deaths and any(t.value.sub_event_type == "Looting/property destruction" for t in triggers):
            sub = "Looting/property destruction"
    if sub == "Mob violence" and "armed" in sides and CROWD_WORDS.search(opening) is None:
        # "Militants beat her to death": a killing by an armed group, no crowd's (codebook: mob
        # violence is a crowd's, "without organised weapons").
        sub = _refine_type("Attack", parties, sides)
    return sub
