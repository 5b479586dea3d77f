"""An incident's toll: its casualty figures summed, split by party, and kept as a range where
reports differ.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field, replace

from strife.document import Mention
from strife.stages.casualties import PRONOUN_VICTIMS, VICTIM_NOUNS
from strife.stages.numbers import NUMBER_PATTERN, parse_number

# Suicide bombers that forces killed before they could set off their bombs: "Pak forces thwart
# terror attack, kill two suicide bombers", "the suicide bomber was shot dead by guards".
BOMBERS_KILLED = re.compile(
    r"(?:\b(?:kill(?:s|ed|ing)?|shot dead|shoot dead|gunned down|eliminat(?:e|es|ed|ing)|neutrali[sz](?:e|es|ed|ing))\s+"
    r"(?:all\s+|the\s+|both\s+)?(?:[\w-]+\s+)?(?:would-be\s+|suspected\s+|female\s+)?suicide\s+(?:bombers?|attackers?)\b|"
    r"\bsuicide\s+(?:bombers?|attackers?)\s+(?:was|were)\s+(?:killed|shot dead|gunned down|neutrali[sz]ed)\s+by\b)",
    re.I,
)
# "stood at 54, the attacker included": the bomber is already among the dead.
BOMBER_INCLUDED = re.compile(
    # "At least 13 people including civilians, police cadets and a suicide bomber".
    r"\b(?:(?:attacker|bomber)s? included|including (?:[^.;]{0,60}?\b(?:and|,) )?(?:an? |the )?(?:suicide )?(?:bomber|attacker)s?|"
    r"(?:bomber|attacker)s? (?:is|was|were) among the dead|"
    # "kill two suicide bombers": the bombers are the dead counted, not more besides.
    rf"{BOMBERS_KILLED.pattern})\b",
    re.I,
)
# How many bombers died by their own devices: "two suicide bombers", "twin suicide attacks"; a
# plural with no number ("female suicide bombers attacked two camps") is at least two.
# Not those who only tried ("14 suicide bombers attempted to attack the city").
BOMBERS = re.compile(
    rf"\b(?:(?P<num>{NUMBER_PATTERN})\s+(?:suspected\s+)?(?:female\s+)?suicide bombers|"
    r"(?P<twin>twin|double)\s+suicide\s+(?:attacks|bombings|blasts|explosions)|"
    r"(?P<plural>suicide bombers))\b"
    r"(?![^.;]{0,40}\b(?:attempted|tried|planned|plotted|were arrested|were caught|were shot)\b)",
    re.I,
)
# Twin and triple bombings are common; a larger number is a plot's or a campaign's, not the dead.
MOST_BOMBERS = 4


def bombers_dead(text: str) -> int:
    """How many suicide bombers a passage tells of: one where it names one or gives no number
    for them, two for a plural with none ("suicide bombers struck")."""
    most = 1
    for match in BOMBERS.finditer(text):
        if match.group("num"):
            parsed = parse_number(match.group("num"))
            count = parsed[0] if parsed and not parsed[1] else 2
        else:
            count = 2
        most = max(most, min(count, MOST_BOMBERS))
    return most


# What a crowd protested: "torched police vehicles after a man died in custody", "marched
# against the killing of a student". Deaths told after these words, in a protest's sentence, are
# its cause, not its toll.
GRIEVANCE = re.compile(
    r"\b(?:after|following|over|against|in opposition to|to protest|protesting|opposing|condemning|"
    r"denouncing|to mourn|mourning|"
    r"in protest (?:at|against|over))\b",
    re.I,
)


# How near before the deaths those words stand: "after a man died", not "after they stormed
# the compound, killing three".
GRIEVANCE_REACH = 25


# What a crowd marched for, told right after its act: everything up to the clause's end is the
# cause ("marched on the court to demand a probe into the deaths of three students killed in
# police firing", "a demonstration against bail for a suspect who killed a girl", "the protest,
# which marked the anniversary of a rally in which two people were killed").
PURPOSE_OPENING = re.compile(
    r"\b(?:to (?:demand|mark|commemorate|remember|protest|condemn|denounce|mourn|seek|press for|call for)|"
    r"demanding|marking|marked|commemorating|in (?:memory|remembrance) of|against|over|condemning|"
    r"denouncing|protesting)\b",
    re.I,
)
# How far after the crowd's act its purpose may open ("marched on Thursday on central Baghdad to mark").
PURPOSE_REACH = 80
# Where the crowd's purpose ends and another clause tells what happened: "; police fired",
# ", and two were killed", "while", "when".
CLAUSE_BREAK = re.compile(
    r"[;:]|,\s+(?:and|but|killing|leaving|injuring|wounding)\b|\b(?:while|whereas|when)\b", re.I
)


def grieved(text: str, protests: list[Mention], start: int, sentence: int) -> bool:
    """Whether what stands at `start` is told as what a crowd of its sentence protested: right
    after words of grievance ("after a man died", "against the killing of"), or inside the
    purpose the crowd's act is told with."""
    before = [t for t in protests if t.sentence == sentence and t.end <= start]
    if not before:
        return False
    if GRIEVANCE.search(text, max(before[0].end, start - GRIEVANCE_REACH), start):
        return True
    for protest in before:
        opening = PURPOSE_OPENING.search(text, protest.end, min(start, protest.end + PURPOSE_REACH))
        if opening is not None and CLAUSE_BREAK.search(text, opening.end(), start) is None:
            return True
    return False


def grievances(text: str, casualties: list[Mention], protests: list[Mention]) -> list[Mention]:
    """The deaths a protest's sentence gives as what the crowd protested."""
    return [
        m for m in casualties if m.value.outcome == "killed" and grieved(text, protests, m.start, m.sentence)
    ]


# The casualty stage reads a list ("12 soldiers, 3 policemen") as figures that touch, the
# separator taken into the next one.
LIST_GAP = 2


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


# A toll that rose to this many, and this many times an incident's own count, is a campaign's.
CAMPAIGN_TOLL = 50
CAMPAIGN_RATIO = 10


def count_casualties(
    mentions: list[Mention],
    sub_event_type: str,
    bomber_counted: bool = False,
    reporters: list[Mention] | None = None,
    bombers: int = 1,
) -> Figures:
    """Totals versus parts, tolls superseding, counts from different parties as a range.
    `bomber_counted`: the text says its toll already includes the suicide bomber. `reporters`:
    who speaks in the text; a figure is the nearest speaker's in its sentence. `bombers`: how
    many suicide bombers died by their own devices."""
    figures = Figures(mentions=mentions)
    killed = [m for m in mentions if m.value.outcome == "killed"]
    # "Gunmen killed him": the one a pronoun stands for is among the dead counted otherwise.
    if any(m.value.noun not in PRONOUN_VICTIMS for m in killed):
        killed = [m for m in killed if m.value.noun not in PRONOUN_VICTIMS]
    injured = [m for m in mentions if m.value.outcome == "injured"]
    rising = [m for m in killed if m.value.toll]
    own = max((m.value.count.value for m in killed if not m.value.toll), default=0)
    if own:
        # "Three died in new fighting, raising the toll to 518": a toll this far above the
        # incident's own dead is the campaign's running total, not an update of this count.
        campaign = [m for m in rising if m.value.count.value >= max(CAMPAIGN_TOLL, CAMPAIGN_RATIO * own)]
        rising = [m for m in rising if m not in campaign]
        killed = [m for m in killed if m not in campaign]
    # Figures listed one after another count different people ("12 soldiers, 3 policemen and
    # 2 civilians": 15 of the forces); a party's other figures are restatements or reports that
    # differ ("three died, while the NGO counted five").
    per_party: dict[str, list[int]] = defaultdict(list)
    previous: Mention | None = None
    counted = [m for m in killed if not m.value.toll]
    # A part of a figure of its own party ("4 civilians were killed … an imam was among those
    # killed") is inside it, neither another report of it nor more dead.
    whole: dict[str, int] = {}
    for m in counted:
        if not m.value.part:
            whole[m.value.party] = max(whole.get(m.value.party, 0), m.value.count.value)
    counted = [
        m for m in counted if not (m.value.part and m.value.count.value <= whole.get(m.value.party, 0))
    ]
    # "killing 4 people … 6 attackers were also killed": dead besides those counted, added to them
    # whichever party they are. Not where nothing came before them to be besides; nor where they
    # are besides another party's figure in their own sentence ("the death of 12 militants, but 18
    # soldiers also lost their lives"), which the parties already add up; nor where the same count
    # of the same people was given before (the sentence tells again of them).
    first = min((m.start for m in counted), default=0)
    besides = [
        m
        for m in counted
        if m.value.besides
        # "blew himself up, killing four": the bomber is one more, told before or after them.
        and (m.start > first or m.value.noun == "bomber")
        and not any(
            o.sentence == m.sentence and o.start < m.start and o.value.party not in ("unknown", "total")
            for o in counted
        )
        and not any(
            o is not m and o.value.party == m.value.party and o.value.count.value == m.value.count.value
            for o in counted
        )
    ]
    counted = [m for m in counted if m not in besides]
    for m in sorted(counted, key=lambda m: m.start):
        party = m.value.party
        listed = (
            previous is not None
            and previous.value.party == party
            and m.start - previous.end <= LIST_GAP
            and not m.value.part
        )
        if listed:
            per_party[party][-1] += m.value.count.value
        else:
            per_party[party].append(m.value.count.value)
        figures.imputed |= m.value.count.vague
        previous = m
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
    for m in besides:
        total, low, high = total + m.value.count.value, low + m.value.count.value, high + m.value.count.value
        named[m.value.party] = named.get(m.value.party, 0) + m.value.count.value
        figures.imputed |= m.value.count.vague
    # The bomber died by his own device even where no one else did ("a suicide bomber wounded
    # two"): a suicide bombing always has one dead.
    self_dead = sum(m.value.count.value for m in besides if m.value.noun == "bomber")
    if (
        sub_event_type == "Suicide bomb"
        and not bomber_counted
        and not any(m.value.noun.endswith("bomber") and m not in besides for m in killed)
        and bombers > self_dead
    ):
        # Codebook: the bomber counts among the dead.
        more = bombers - self_dead
        total, low, high = total + more, low + more, high + more
        named["armed"] = named.get("armed", 0) + more
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


AGENT_BY = re.compile(r"\bby\b", re.I)


def named_parties(casualties: list[Mention], actors: list[Mention], text: str) -> list[Mention]:
    """Figures whose counted people the casualty tables could not place, placed by the actor
    their words name: "15 Afghan Taliban killed", "five Hamas members" count an armed group's
    dead; "shot dead by gunmen" does not count the gunmen."""
    placed = []
    # Actors by where they start, so that each figure looks only at those inside its own words
    # (in their given order, the first found wins), not at every actor of a long incident.
    order = sorted(range(len(actors)), key=lambda k: actors[k].start)
    starts = [actors[k].start for k in order]
    for m in casualties:
        if m.value.party == "unknown":
            inside = sorted(order[bisect_left(starts, m.start) : bisect_right(starts, m.end)])
            named = next(
                (
                    a
                    for a in map(actors.__getitem__, inside)
                    if m.start <= a.start
                    and a.end <= m.end
                    and a.value.side in ("state", "armed")
                    and not AGENT_BY.search(text, m.start, a.start)
                ),
                None,
            )
            if named is not None:
                m = Mention(m.start, m.end, m.label, replace(m.value, party=named.value.side), m.sentence)
        placed.append(m)
    return placed


def main_victims(hurt: list[Mention]) -> str | None:
    """The party with most dead (or, with no dead, most hurt) among an incident's figures; the
    bomber who died by his own device is the attacker, not a victim."""
    hurt = [m for m in hurt if not m.value.noun.endswith("bomber")]
    killed = [m for m in hurt if m.value.outcome == "killed" and m.value.party != "total"] or [
        m for m in hurt if m.value.party != "total"
    ]
    # A toll that says whom it counts ("the toll of soldiers killed") tells the victims too.
    killed = killed or [m for m in hurt if VICTIM_NOUNS.get(m.value.noun, "unknown") != "unknown"]
    tally: dict[str, int] = defaultdict(int)
    for m in killed:
        party = m.value.party if m.value.party != "total" else VICTIM_NOUNS[m.value.noun]
        tally[party] = max(tally[party], m.value.count.value)
    if not tally:
        return None
    # Forces are the target where they are a good part of the hurt ("ten people, four
    # policemen among them"), not where one officer was among fifty dead.
    if tally.get("state", 0) >= 0.3 * max(tally.values()):
        return "state"
    return max(tally, key=lambda party: tally[party])


def split_deaths(
    figures: Figures, a1: Mention | None, a2: Mention | None, sub: str, trigger: Mention | None
) -> tuple[int, bool, int | None, int | None, int | None, int | None]:
    """(fatalities, imputed, deaths of actor 1, of actor 2, of civilians, of unknown party)."""
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
        # The bombers, one at least ("two female suicide bombers detonated" are two).
        fatalities, imputed = max(fatalities, 1), False
    parts = (deaths_actor1, deaths_actor2, deaths_civilians, deaths_unknown)
    if sum(d or 0 for d in parts) > fatalities:
        # Parties' deaths that add up to more than the incident's toll were gathered from
        # figures of more than this incident: the toll stands, the split is not known.
        deaths_actor1 = deaths_actor2 = deaths_civilians = deaths_unknown = None

    return fatalities, imputed, deaths_actor1, deaths_actor2, deaths_civilians, deaths_unknown


# "four in Vetagrande and two in Zacatecas": a place's own count stands just before it.
PLACE_COUNT = re.compile(
    rf"(?i:(?P<count>{NUMBER_PATTERN}))\s+(?:(?i:more|others?|people|of them|were|killed|dead)\s+){{0,2}}"
    r"(?i:in|at)\s+(?:(?i:the)\s+)?$"
)


@dataclass(frozen=True, slots=True)
class Share:
    fatalities: int
    low: int
    high: int
    injured: int | None


def shares_by_place(text: str, places: list[Mention], figures: Figures) -> list[Share]:
    """Each place's part of a toll told over several ("killed 10 in Khan Shaykhun and Sinjar"):
    the place's own count where the text counts the dead out place by place, otherwise ACLED's
    practice, the toll shared evenly with the remainder to the first place and the range from
    none of the dead to all of them."""
    counts = []
    for m in places:
        hit = PLACE_COUNT.search(text, max(0, m.start - 40), m.start)
        parsed = parse_number(hit.group("count")) if hit else None
        counts.append(parsed[0] if parsed and not parsed[1] else None)
    first, rest = counts[0], counts[1:]
    if figures.fatalities and None not in rest:
        # "Three soldiers were killed in Kurram and two in North Waziristan": the first place's
        # count is the toll the figures read ("three"), or the toll is all the counts together.
        if first is None:
            first = figures.fatalities
        if first == figures.fatalities or first + sum(rest) == figures.fatalities:
            return [Share(c, c, c, None) for c in (first, *rest)]
    n = len(places)

    def even(total: int | None) -> list[int | None]:
        if total is None:
            return [None] * n
        return [total // n + (total % n if i == 0 else 0) for i in range(n)]

    return [
        Share(dead or 0, 0, max(figures.high, figures.fatalities), hurt)
        for dead, hurt in zip(even(figures.fatalities), even(figures.injured), strict=True)
    ]
