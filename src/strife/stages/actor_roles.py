"""Who is actor 1 and who actor 2 of an incident, by ACLED's conventions, and their names."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict

from strife.document import Document, Mention
from strife.stages.actors import REBELS, Actor
from strife.stages.event_types import PROTEST_TYPES, TERRITORY
from strife.stages.fatalities import main_victims
from strife.stages.places import country_name
from strife.taxonomy import EVENT_TYPE_OF

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


def counted_among(actor: Mention, hurt: list[Mention]) -> bool:
    """Whether an actor is named inside a count of the dead or hurt ("five policemen were
    martyred"): the ones struck, not the ones who acted."""
    return any(c.start <= actor.start and actor.end <= c.end for c in hurt)


def agent_of(
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
        and not counted_among(m, hurt)
        and not is_struck(text, m)
        and not FINDERS.match(text, m.end)
    ]
    # "sexually assaulted by Eritrean soldiers": the passive names its agent after the verb.
    after = [m for m in acting if 0 <= m.start - trigger.end <= 25]
    if after and PASSIVE_BY.search(text[trigger.end : after[0].start]):
        return after[0]
    # "Israeli troops opened fire": an actor whose span runs into the verb still stands before it.
    before = [m for m in acting if m.start < trigger.start and m.end <= trigger.end]
    if not before:
        # "Three villagers killed as Myanmar army fires on homes": the forces that open the
        # clause after the toll are its agent.
        clause = after_clause(acting, trigger, text)
        return clause[0] if clause else None
    last = before[-1]
    # "Houthi gunmen": the named group that qualifies the generic word is the agent.
    qualifier = [m for m in before if m.value.named and 0 <= last.start - m.end <= 2]
    return qualifier[-1] if qualifier and not last.value.named else last


# The object of an attack is not its agent: "Pakistan hits militant hideouts", "strikes on
# Houthi positions", "an ambush on army troops".
STRUCK_OBJECT = re.compile(
    r"\b(?:attack(?:ed|s)?|hits?|target(?:ed|s|ing)|struck|strik(?:e|es|ing)|pound(?:ed|s|ing)?|raid(?:ed|s|ing)|bomb(?:ed|s|ing)|"
    r"shell(?:ed|s|ing)|storm(?:ed|s|ing)|ambush(?:ed|es|ing)|"
    r"(?:attacks?|strikes?|raids?|assaults?|ambush(?:es)?|offensive) (?:on|against))\s+"
    r"(?:the\s+|an?\s+|two\s+|three\s+|several\s+)?(?:[\w'’-]+\s+)?$",
    re.I,
)


def is_struck(text: str, mention: Mention) -> bool:
    """Whether an attack verb or noun takes the actor as its object ("hits militant hideouts")."""
    return STRUCK_OBJECT.search(text, max(0, mention.start - 40), mention.start) is not None


# Those who find the dead are not who killed them: "Police find 5 bodies in Juarez".
FINDERS = re.compile(
    r"\s+(?:\w+\s+)?(?:find|finds|found|recover(?:ed|s)?|discover(?:ed|s)?|identif(?:y|ied|ies)|exhumed?)\b",
    re.I,
)


CLAUSE_OPENING = re.compile(r"\b(?:as|when|while|after)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$", re.I)


def after_clause(acting: list[Mention], trigger: Mention, text: str) -> list[Mention]:
    """Actors after the trigger that open a clause of their own ("as troops fired on…")."""
    return [
        m
        for m in acting
        if m.start >= trigger.end
        and m.start - trigger.end <= 120
        and CLAUSE_OPENING.search(text[trigger.end : m.start])
    ]


GROUP_WEAPONS = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})


# "killed by Eritrean soldiers", "killed and dozens wounded by Israeli fire", and the attack an
# agent's name qualifies: "killed in Indian firing", "died in a Russian strike", "martyred in
# fresh (unprovoked, renewed) Indian firing".
PASSIVE_BY = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:by|in|during)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:fresh|renewed|new|latest|heavy|intense|unprovoked|indiscriminate|continued|overnight|cross-border)\s+){0,2}\W*$",
    re.I,
)


def _other_state(actors: list[Mention], state: Mention | None) -> Mention | None:
    """The forces of a second country: "Ukrainian troops rolled in after Russian forces withdrew"."""
    if state is None:
        return None
    return next(
        (m for m in actors if m.value.side == "state" and m.value.iso3 and m.value.iso3 != state.value.iso3),
        None,
    )


def other_side(sub: str, actors: list[Mention], taken: Mention) -> Mention | None:
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


# What stands before forces an act was aimed at: "on", "against", "targeting", "attacked".
_AIMED_AT = r"\b(?:on|against|targeting|targeted|attacked|attacking)\s+(?:a |an |the )?(?:[\w'’-]+\s+)?"
# What forces use, named as what an explosion or attack hit: the forces were its target.
STATE_TARGETS = (
    (re.compile(r"\bpolice (?:mobile|van|vehicle|station|post|base|check ?post|patrol|party|lines|convoy|"
                r"installation|headquarters?|department|precinct|academy|barracks|compound)s?\b|"
                r"\bgendarmer(?:ie|y)\b|\bgendarmes?\b", re.I),
     DEFAULT_POLICE),
    # Units of an army, named as what was attacked: "attacked the 1st Infantry Brigade",
    # "an infantry company at the mouth of the river".
    (re.compile(r"\b(?:infantry|artillery|military|army|cavalry|armou?red|paratroop(?:er)?s?)\s+(?:brigade|battalion|"
                r"regiment|detachment|division|company|column)s?\b|\b\d+(?:st|nd|rd|th)\s+(?:\w+\s+)?(?:brigade|battalion|"
                r"regiment|division|detachment)\b", re.I), DEFAULT_STATE),
    # A battalion or a regiment by its name: "the Soriano Battalion has been attacked".
    (re.compile(r"\bthe\s+(?:[\w'’-]+\s+){1,2}(?:battalion|regiment)\b", re.I), DEFAULT_STATE),
    # "a mortar attack on the National Guard headquarters", "strikes on the military airport".
    (re.compile(r"\b(?:military|army|national guard|security forces'?) (?:installation|headquarters|base|"
                r"barracks|academy|compound|airport|air ?base|airfield)\b|\bair ?bases?\b|\bbarracks\b", re.I),
     DEFAULT_STATE),
    # Forces named as what a blast or an attack was aimed at: "suicide bombing on security
    # forces", "a suicide bomber attacked soldiers", "an attack targeting policemen".
    (re.compile(_AIMED_AT + r"(?:policemen|police(?:\s+(?:officers|personnel|officials))?|cops)\b", re.I),
     DEFAULT_POLICE),
    (re.compile(_AIMED_AT + r"(?:security forces|security personnel|soldiers|troops|paramilitar(?:y|ies)|army)\b", re.I),
     DEFAULT_STATE),
    # "National police positions in Nueva Concepcion have been attacked".
    (re.compile(r"\b(?:police|military|army|government|regime|troops'?|soldiers'?) positions\b", re.I), DEFAULT_STATE),
    (re.compile(r"\b(?:security |military |army )?(?:check ?post|checkpoint|convoy|patrol|cantonment|"
                r"garrison|outpost|(?:border|frontier|security|army|military) post)s?\b|"
                # A bare "camp" is as often a refugee camp ("Nuseirat camp").
                r"\b(?:security|military|army|police|paramilitary) camp\b|\b(?:army|military|security forces'?) (?:vehicle|truck|van)\b", re.I), DEFAULT_STATE),
)  # fmt: skip


# What stands between an attack verb and its object: "attacked a police post", "attacks on
# Myanmar junta troops", "ambushed two army vehicles".
# "attacked by FARC dissidents" names the attacker, not the object.
OBJECT_GAP = re.compile(
    r"^\s*(?:on|against|at|upon)?\s*(?:an?\s+|the\s+|\w+['’]s\s+)?(?:(?!by\b|from\b|with\b)[\w'’-]+\s+){0,2}$",
    re.I,
)
ATTACK_VERB = re.compile(r"attack|ambush|raid|assault|storm|target|fir(?:e|ed|ing) (?:on|at)", re.I)


def attacked_forces(trigger: Mention, actors: list[Mention], text: str) -> Mention | None:
    """The forces or the armed group that an attack verb takes as its object, if any."""
    if not ATTACK_VERB.match(text[trigger.start : trigger.end + 10]):
        return None
    for m in actors:
        if m.start < trigger.end or m.start - trigger.end > 40:
            continue
        if m.value.side in ("state", "armed") and OBJECT_GAP.match(text[trigger.end : m.start]):
            return m
        break
    return None


def state_target(text: str, trigger: Mention | None, actors: list[Mention] | None = None) -> Mention | None:
    """The forces whose post, convoy or vehicle the trigger's clause names, or that the attack
    verb names as its object ("militants attacked soldiers"), if any."""
    if trigger is None or not text:
        return None
    if actors and (object_ := attacked_forces(trigger, actors, text)) is not None:
        return object_
    clause = text[max(0, trigger.start - 80) : trigger.end + 80]
    return next((forces for pattern, forces in STATE_TARGETS if pattern.search(clause)), None)


def choose_actors(
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
        if (
            armed is not None
            and other is not None
            and (other.value.named or other.value.inter != armed.value.inter)
        ):
            # Two armed groups fight each other; "TTP … the militants" are one group's fighters.
            return armed, other
        foreign = _other_state(actors, state) if armed is None else None
        if foreign is not None:
            return state, foreign  # two states' forces
        if state is None and trigger is not None and AMONG_THEMSELVES.search(_sentence_around(text, trigger)):
            # "Clashes between Pakistani militants kill 20": both sides are armed groups.
            return armed or DEFAULT_UNIDENTIFIED, DEFAULT_UNIDENTIFIED
        # Codebook: a battle has two organised sides; the one the text leaves unnamed is, in
        # news of insurgency, the state's forces, and the state's enemy an unidentified group.
        return state or DEFAULT_STATE, armed or DEFAULT_UNIDENTIFIED

    if event_type in ("Explosions/Remote violence", "Violence against civilians"):
        agent = agent_of(trigger, actors, hurt or [], text)
        if agent is not None:
            perpetrator = agent
        elif (
            sub == "Air/drone strike"
            and state is None
            and armed is not None
            and main_victims(hurt or []) == "armed"
        ):
            # "Air-strikes kill 42 militants in North Waziristan": the group named is the one
            # struck; aircraft are a state's (codebook), and the state the text leaves unnamed is
            # the country's.
            return DEFAULT_STATE, armed
        else:
            # Forces named as the dead ("Two UN peacekeepers were killed in a mortar attack") are
            # the ones struck, not the ones who fired.
            firing = next(
                (
                    m
                    for m in (state, *by_side.get("state", []))
                    if m is not None and not counted_among(m, hurt or [])
                ),
                None,
            )
            perpetrator = (
                firing
                if sub in ("Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon")
                and firing
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
        main = main_victims(hurt or [])
        struck = state_target(text, trigger, actors)
        if struck is not None and main in (None, "unknown") and event_type != "Violence against civilians":
            # "a bomb exploded next to a police mobile": forces were the target.
            main, target_state = "state", target_state or struck
        # "Pakistan hits militant hideouts, killing seven": the group its forces struck.
        struck_group = next(
            (
                m
                for m in by_side.get("armed", [])
                if trigger is not None and m.sentence == trigger.sentence and is_struck(text, m)
            ),
            None,
        )
        if (
            event_type != "Violence against civilians"
            and main in ("unknown", None)
            and perpetrator_side == "state"
            and struck_group is not None
        ):
            victims = struck_group
        elif (
            event_type == "Violence against civilians"
            and main in ("state", "armed")
            and "civilian" not in parties
        ):
            # Captives put to death ("13 army officers were executed"): the dead were the forces'.
            victims = (
                (target_state or DEFAULT_STATE) if main == "state" else (other_armed or DEFAULT_UNIDENTIFIED)
            )
        elif event_type == "Violence against civilians" or main in ("civilian", "unknown"):
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
            # ("warplanes target the countryside of Homs"); one that hurt people it does not
            # count ("casualties in shelling on the Eastern Ghouta") hit civilians.
            around = _sentence_around(text, trigger) if trigger is not None else ""
            harmed = HARM_UNCOUNTED.search(around) and not NO_HARM.search(around)
            victims = DEFAULT_CIVILIANS if harmed else None
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
        # Codebook: the group that loots or destroys, with no second actor where property was hit;
        # an arson or a sabotage whose authors the text does not name is an unidentified group's.
        return armed or first("rioter") or state or DEFAULT_UNIDENTIFIED, None
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


# Harm told without a count: no figure, but people were hurt.
HARM_UNCOUNTED = re.compile(
    r"\b(?:casualties|(?:were|was|been)\s+(?:killed|injured|wounded|hurt)|deaths|dead and|victims|"
    # "human losses in explosions", "militia leader's kin dies in blast".
    r"human losses|dies|died|lost (?:his|her|their) li(?:fe|ves))\b|"
    # What people use, struck: "two roadside bombings struck a private school van".
    r"\b(?:struck|hit|targeted|ripped through|tore through)\s+(?:a |an |the )?(?:[\w'’-]+ ){0,2}?(?:vans?|bus(?:es)?|cars?|"
    r"markets?|bazaars?|shops?|stores?|houses?|homes?|schools?|mosques?|churches|church|restaurants?|caf[eé]s?|"
    r"hotels?|bars?|hospitals?|weddings?|funerals?|crowds?)\b|"
    # Where people gather, the blast set off there: "a bomb exploded at a restaurant", "detonated
    # during a rock festival", "a small bomb is detonated in the airport".
    r"\b(?:exploded|explodes|detonated|detonates|went off|goes off|blew up|bombed|planted)\s+"
    r"(?:[\w'’-]+ ){0,2}?(?:at|in|inside|outside|during|on)\s+(?:a |an |the )?(?:[\w'’-]+ ){0,3}?"
    r"(?:restaurants?|caf[eé]s?|markets?|bazaars?|shops?|stores?|hotels?|bars?|nightclubs?|cinemas?|airports?|"
    r"festivals?|concerts?|weddings?|funerals?|mosques?|churches|church|temples?|shrines?|schools?|"
    r"universit(?:y|ies)|hospitals?|stadiums?|parks?|malls?|buses|bus|trains?|crowds?)\b",
    re.I,
)
# A fight the text says is among armed groups: "clashes between militants", "rival factions".
AMONG_THEMSELVES = re.compile(
    r"\bbetween\s+(?:two\s+|rival\s+)*(?:[\w'’-]+\s+){0,2}?(?:militants?|militant\s+groups?|armed\s+groups|"
    r"groups|factions|gangs|cartels|rebel\s+groups|militias)\b|"
    r"\brival\s+(?:[\w'’-]+\s+)?(?:groups|factions|gangs|cartels|militias)\b|\binfighting\b",
    re.I,
)
NO_HARM = re.compile(
    r"\b(?:no one|nobody|none|no (?:one|person|civilian)s?)\s+(?:was|were|had been)\s+(?:killed|injured|wounded|hurt)"
    r"|\bno (?:casualties|deaths|injuries)\b|\bwithout (?:casualties|injuries)\b",
    re.I,
)
SENTENCE_EDGE = re.compile(r"[.!?]\s|\n")


def _only_named_group(doc: Document) -> Mention | None:
    """The one armed group a text names, where it names one and no other; where it names none,
    the rebels it speaks of ("the guerrillas", "the rebels"), where it speaks of no other armed
    men (no "gunmen", no militia)."""
    armed = [m for m in doc.layer("actors") if m.value.side == "armed"]
    named = [m for m in armed if m.value.named]
    if named:
        return named[0] if len({m.value.name for m in named}) == 1 else None
    kinds = {(m.value.name, m.value.inter) for m in armed}
    return armed[0] if len(kinds) == 1 and armed[0].value.inter == REBELS else None


def _sentence_around(text: str, mention: Mention) -> str:
    """The sentence a mention stands in, as far as its stops tell."""
    start = max(
        (m.end() for m in SENTENCE_EDGE.finditer(text, max(0, mention.start - 300), mention.start)), default=0
    )
    stop = SENTENCE_EDGE.search(text, mention.end)
    return text[start : stop.start() if stop else len(text)]


SPEAKING = re.compile(r"\s+(?:suspect(?:ed)?|believe[sd]?)\b")


# Countries ACLED writes with the article in "Military Forces of the United States".
WITH_ARTICLE = frozenset({"USA", "GBR", "ARE", "NLD", "PHL", "CAF", "COM"})


def _of_country(iso3: str) -> str:
    name = country_name(iso3) or iso3
    return "the " + name if iso3 in WITH_ARTICLE else name


# Armed groups that took a state and became its forces (ACLED's practice): from that day, in their
# country, their fighters are the state's forces; abroad, external forces.
GOVERNING_GROUPS: dict[str, tuple[str, dt.date, str]] = {
    "Taliban": ("AFG", dt.date(2021, 8, 15), "Military Forces of Afghanistan (2021-)"),
    "HTS: Hayat Tahrir al-Sham": ("SYR", dt.date(2024, 12, 8), "Military Forces of Syria (2024-)"),
}


def actor_name(
    mention: Mention | None,
    country: str | None,
    iso3: str | None = None,
    day: dt.date | None = None,
) -> tuple[str | None, int]:
    """The actor's ACLED name in this event's country on `day`, and its category. State forces
    named by their own country are external forces (8) outside it."""
    if mention is None:
        return None, 0
    actor = mention.value
    name, inter = actor.name, actor.inter
    governing = GOVERNING_GROUPS.get(name)
    if governing is not None and day is not None and day >= governing[1]:
        return governing[2], 1 if iso3 in (None, governing[0]) else 8
    if actor.iso3:
        name = name.replace("{of:" + actor.iso3 + "}", _of_country(actor.iso3))
        if iso3 and actor.iso3 != iso3:
            inter = 8
    if country:
        if iso3:
            name = name.replace("of {country}", "of " + _of_country(iso3))
        return name.replace("{country}", country), inter
    return name.replace(" of {country}", "").replace(" ({country})", ""), inter


def infer_striker(
    doc: Document,
    sub: str,
    a1: Mention | None,
    a2: Mention | None,
    trigger: Mention | None,
    actors: list[Mention],
    hurt: list[Mention],
    event_iso3: str | None,
) -> tuple[Mention | None, Mention | None]:
    """Actors 1 and 2 of a strike from the air or from afar whose sentence names no striker, of
    ground a foreign army took, and of a report's battle whose armed side its sentences leave
    unnamed."""
    if EVENT_TYPE_OF[sub] == "Battles" and DEFAULT_UNIDENTIFIED in (a1, a2):
        # "An FMLN unit ambushed a military vehicle … The ambush took place at El Botijon": in a
        # report that names one armed group and no other, the side its battle leaves unnamed;
        # so too in a bulletin of paragraphs, which names its front once, at the head.
        group = _only_named_group(doc)
        if group is not None and group.value.name not in (a1 and a1.value.name, a2 and a2.value.name):
            a1, a2 = (group, a2) if a1 is DEFAULT_UNIDENTIFIED else (a1, group)
    if (
        sub in TERRITORY
        and a1 is not None
        and a1.value.side == "state"
        and a1.value.iso3 is not None
        and event_iso3 is not None
        and a1.value.iso3 != event_iso3
        and (a2 is None or a2 is DEFAULT_UNIDENTIFIED)
    ):
        # "Russian forces captured a village in Ukraine's Donetsk region": a foreign army takes
        # ground from the forces of the country it is in.
        return a1, DEFAULT_STATE
    if sub in AIR_OR_ARTILLERY and a1 is not None and a1.value.side == "state" and not a1.value.iso3:
        # "The military said its jets struck…" in a report whose strikes are one foreign
        # state's: "the military" is that state's, not the forces of the place it struck.
        striker = _report_striker(doc, event_iso3)
        if striker is not None:
            return striker, a2
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
        # Shelling that names no one at all is, as a coder reads war news, the forces' that
        # have the guns ("continuous shelling on eastern Ghouta").
        unclaimed_guns = a1 is None and sub == "Shelling/artillery/missile attack"
        read_as_striker = a1
        a1 = _report_striker(doc, event_iso3) or (DEFAULT_STATE if manned or unclaimed_guns else a1)
        if a1 is not None and a1.value.side == "state" and main_victims(hurt) == "armed":
            # "Eight militants killed in air strikes": the state struck an armed group.
            a2 = next((m for m in actors if m.value.side == "armed"), DEFAULT_UNIDENTIFIED)
        elif (
            a1 is not read_as_striker
            and read_as_striker is not None
            and read_as_striker.value.side == "armed"
            and is_struck(doc.text, read_as_striker)
        ):
            # "Pakistan helicopters pound rebel hideouts, killing 30": the group the strike's
            # words take as their object was struck, not striking.
            a2 = read_as_striker
        if a2 is not None and a1 is not None and a2.value.name == a1.value.name:
            a2 = DEFAULT_CIVILIANS
    return a1, a2
