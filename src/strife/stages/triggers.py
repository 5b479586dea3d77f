"""Event triggers: the words that say an incident happened, and the sub-event type each implies.

A table, most specific first; each row names the codebook decision it encodes. The strongest
trigger of an incident decides its type at assembly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.document import Document, Mention
from strife.stages.actors import FOREIGN_DEMONYMS
from strife.stages.calendar import MONTH_PATTERN, WEEKDAY_PATTERN
from strife.stages.incident_model import WORD, IncidentModel, features, incident_model, stem
from strife.stages.lexicon import compile_lower, scan
from strife.stages.places import country_names
from strife.stages.sentences import LEAD_SENTENCES, is_note, sentence_of
from strife.stages.spanish import acts as spanish_acts
from strife.stages.spanish import spanish_sentences


@dataclass(frozen=True, slots=True)
class Trigger:
    sub_event_type: str
    strength: int  # higher wins when an incident has several triggers
    # Whether the trigger alone says people were harmed (a clash) or only that something
    # happened that may be coded by other evidence (an operation).
    violent: bool = True


# People who gather, not an armed group: when they clash, they riot.
CROWD = r"supporters|activists|workers|protest(?:e|o)rs|demonstrators|students|villagers|residents|traders|lawyers|mourners"
# How far back a sentence's subject may stand from its verb: "The inmates, who say they are
# protesting beatings, inadequate medical care and forced transfers, have seized control of".
SUBJECT_REACH = 160


def _clause_before(lower: str, start: int) -> str:
    """The words of the sentence before `start`, up to `SUBJECT_REACH` characters."""
    before = lower[max(0, start - SUBJECT_REACH) : start]
    return before[before.rfind(". ") + 1 :]


# A crowd that moves in or out takes or yields no territory: "inmates have seized control of three
# prisons", "hundreds of Nicaraguans angered by rationing took control of the energy institute".
CROWD_BEFORE = re.compile(
    rf"\b(?:{CROWD}|crowds?|marchers|inmates|prisoners|detainees|farmers|peasants|miners|teachers|strikers|"
    r"(?:hundreds|thousands|dozens) of (?!(?:militants|fighters|rebels|insurgents|troops|soldiers|gunmen|terrorists|"
    r"jihadists|militiamen)\b)[a-z]+s)\b"
)
# Words that name a crowd, whose burning is a violent demonstration's.
CROWD_WORDS = re.compile(
    rf"\b(?:{CROWD}|crowds?|mobs?|riot(?:s|ers|ing|ed)?|protests?|demonstrations?|rall(?:y|ies)|agitation|"
    r"youths?|hundreds of|thousands of|group of (?:about |some |more than |nearly )?\d[\d,]*)\b"
)
# A riot, or a demonstration met by force, is a crowd's: "Eight violent homicides" names none;
# nor does "tv station, 2000 police".
CROWD_TYPES = frozenset(
    {
        "Violent demonstration",
        "Mob violence",
        "Excessive force against protesters",
        "Protest with intervention",
    }
)
# Words that name those who demonstrate, or their turnout, where a note names no crowd: "6500
# indigenous marchers", "participation at 320,000".
# (Not "march", a month as often as a march in a lower-cased note.) A note stripped of its
# hyphens writes "organized a sit in"; the verb "sit in" has no article before it.
MARCHERS = re.compile(
    r"\b(?:marchers|marches|marched|marching|participa(?:tion|nts)|strikers|sit-ins?|(?:a|the|their) sit ins?|"
    r"picket\w*)\b"
)
CROWD_MOVES = Trigger("Peaceful protest", 20, False)
TERRITORY_TYPES = frozenset(
    {
        "Non-violent transfer of territory",
        "Government regains territory",
        "Non-state actor overtakes territory",
    }
)


# A blast of gas, a boiler or fireworks is an accident's, not a bomb's.
NOT_A_BOMB = r"(?!(?:gas|cylinder|boiler|(?:pressure )?cooker|factory|mine|firecracker|fireworks)\b)"
# What a crowd throws is no shelling: "attacked police with petrol bombs and missiles", "seen
# throwing projectiles at law enforcement vehicles".
NOT_THROWN = (
    r"(?<!bombs and )(?<!bottles and )(?<!stones and )(?<!bricks and )(?<!rocks and )(?<!threw )(?<!hurled )"
    r"(?<!throwing )(?<!hurling )"
)

# A trigger this strong names the weapon or the act (a roadside bomb, an armed clash): no
# report's opening words about an accident or a crime undo it.
SPECIFIC_TRIGGER = 40
# "gunmen fired at the house of a local leader", "a gunboat fired on a survey vessel": shots fired
# at someone, an attack whoever was hit. Not one dismissed ("was fired on Monday", "fired at the
# end of the season"), nor shots into the air.
FIRED_AT = (
    # Not "firing on" ("reports of forces firing on people" tells a habit, not an incident), nor
    # "fires at" ("triggering fires at infrastructure"). The passive is looked for behind "fired",
    # so that the scan of a text tries it only where the word stands.
    r"fired (?<!was fired )(?<!were fired )(?<!been fired )(?<!be fired )(?<!got fired )(?<!get fired )"
    r"(?:(?:several |two |three |a few |\w+ )?(?:shots|rounds|bullets|volleys) )?(?:at|on|upon) "
    rf"(?!(?:the )?(?:air|sky|end|start|beginning|close|height)\b|{WEEKDAY_PATTERN}\b|{MONTH_PATTERN}|\d)"
)
# What is executed that is no one killed: a plan, an order, a warrant carried out.
CARRIED_OUT = (
    r"(?:(?:the|a|an|its|their|his|her|this|that) )?(?:[\w-]+ )?(?:plans?|orders?|warrants?|"
    r"projects?|strateg\w+|programm?e?s?|contracts?|deals?|agreements?|polic(?:y|ies)|operations?|missions?|"
    r"tasks?|decisions?|dut(?:y|ies)|work|budgets?|moves?|transactions?|sentences?|instructions?|commands?|"
    r"judge?ments?|verdicts?|rulings?|steps?|measures?|reforms?|functions?|code|scripts?|"
    r"trades?|manoeuvres?|maneuvers?|exercises?|attacks?)\b"
)
_EXECUTED_THING = re.compile(rf"execut\w*\s+{CARRIED_OUT}")
# "Court sentences three men to death", "condemned to death in absentia": a court's step, not a
# killing (codebook: court steps are no events).
SENTENCED_TO = re.compile(r"\b(?:sentenc|condemn)\w*\s+(?:[\w'’-]+\s+){0,4}?to\s+$", re.I)
# A row this strong names the weapon of one incident (a landmine, a bomb blast, a suicide bomb,
# an air strike), not the shelling or the killings a tally sums.
NAMED_WEAPON = 70
# The strength of an interception's row: an act of its own wherever it is told.
INTERCEPTION = 96
# A strike named as held ("a shutter-down strike was observed"): a protest that took place, as
# surely as a named act. Like INTERCEPTION, a strength no other row has: it names the row.
HELD_STRIKE = 59


# The bomber set off his own device: "blew himself up", "a person detonated himself".
SELF_DETONATION = (
    r"(?:blew|blown|blowing|blows|detonated|detonating|detonates|exploded|exploding|explodes) "
    r"(?:himself|herself|themselves)(?: up)?|self-detonat\w*"
)


# (pattern, sub_event_type, strength, violent). Strength orders the rows when an incident has
# several triggers: specific weapons over generic violence, and specific strategic developments
# over the violent words their reports often carry ("an attack was foiled").
TRIGGERS: tuple[tuple[str, str, int, bool], ...] = (
    # Suicide bomb: "suicide bombings and suicide vehicle bombs; the bomber counts among the dead"
    (r"suicide (?:bomb(?:er|ers|ing|ings)?|attack(?:er|ers)?s?|blast|explosion|car bomb|vest|jacket)|"
     rf"{SELF_DETONATION}|(?:SVBIED|VBIED)s?\b|"
     r"detonated (?:his|her|their) (?:explosive )?(?:vest|jacket)|explosives-laden (?:vehicle|car|truck)|"
     r"(?:vehicle|car|truck)-borne (?:suicide )?bomb", "Suicide bomb", 90, True),
    # Chemical weapon: CWC Schedule 1 agents (not tear gas, napalm or white phosphorus)
    (r"chemical (?:weapons?|attack|agents?|munitions?)|\bsarin\b|nerve agent|mustard gas|\bchlorine\b|"
     r"chlorine (?:gas|attack|bombs?|barrels?|canisters?)|toxic gas attack|poison gas",
     "Chemical weapon", 88, True),
    # Air/drone strike: "any air-to-ground attack, helicopters included, without a ground exchange"
    (r"drone (?:strike|attack|hit|struck)s?|air ?strikes?|air raids?|aerial (?:bombardment|strike|attack|bombing|shelling)s?|"
     r"bombed from the air|helicopter gunships?|gunship helicopters?|warplanes?|fighter jets?|"
     r"(?:jets|aircraft|helicopters?) (?:bomb(?:s|ed)?|struck|strike|fired|pound(?:s|ed)?|hits?|attack(?:ed|s)?|strafed|shell(?:s|ed)?|target(?:s|ed)?)|barrel bombs?|glide bombs?|"
     r"quadcopter|armed drones?|kamikaze drones?|shahed drones?|drone-dropped|aerial bombs?|guided bombs?|"
     # "about 45 barrels dropped by helicopters on Khan al-Shih".
     r"(?:barrels?|bombs|explosives?|missiles) (?:were |was )?dropped (?:by|from) (?:\w+ )?(?:helicopters?|warplanes?|planes|aircraft|jets)|"
     r"helicopters? dropp(?:ed|ing|s) (?:\w+ ){0,2}(?:barrels?|bombs)|"
     r"drones? (?:attacked|hit|struck|targeted|slammed)|"
     # "Junta bombs island town", "The regime forces bomb Sahl al-Ghab": a state's forces bomb
     # from the air (not its bomb squad, nor what "the air force will bomb").
     r"(?:junta|regime|military|air force|army) (?:\w+ )?bomb(?:s|ed)\b|"
     r"(?:junta|regime|military|army) (?:forces|troops|jets|planes|aircraft|helicopters) bomb\b|"
     # "The US bombed nuclear sites", "Pakistan bombs hideouts": a state named by its country.
     r"\b(?:" + "|".join(re.escape(n.lower()) for n in sorted(country_names() | {"US", "U.S."}, key=len, reverse=True))
     + r") (?:(?:military|forces|army|air force) )?bomb(?:s|ed)\b|"
     # A strike a state's people are named for is its forces' from the air, not a walkout:
     # "the Israeli strike on a residential area in Doha", "Russian strikes on Kharkiv".
     r"\b(?:" + "|".join(re.escape(d) for d in sorted(FOREIGN_DEMONYMS, key=len, reverse=True)) + r"|coalition|nato)"
     r" (?:military |precision |retaliatory )?strikes?\b",
     "Air/drone strike", 85, True),
    # Remote explosive: "remotely or victim-detonated devices, roadside bombs, landmines, UXO"
    (r"\bIEDs?\b|improvised explosive|roadside bomb|landmines?|land mine|mine blast|"
     r"remote[- ]controlled? (?:bomb|device|blast|explosion)|bomb (?:blast|explosion|attack)|"
     r"explosive device|explosive attack|(?:blast|explosion) (?:ripped|hit|struck|targeted|occurred|took place|tore)|"
     r"\b(?:an?|the|powerful|massive|deadly|huge) (?:bomb )?(?:blast|explosion)|magnetic bomb|sticky bomb|"
     # An unexploded shell is an incident where it went off or hurt someone, not where found.
     r"(?:killed|injured|wounded|exploded|went off|blast|explosion)[^.;]{0,50}?unexploded (?:ordnance|shells?|mortars?|devices?|bombs?)|"
     r"unexploded (?:ordnance|shells?|mortars?|devices?|bombs?)[^.;]{0,60}?(?:exploded|went off|blew up|detonated|killed|injured|wounded)|planted (?:a |an )?(?:bomb|explosive)|bomb went off|"
     # "placed a charge of dynamite under a bus", "left a bomb at the gate".
     r"(?:placed|left|hid) (?:a |an |the |two |three |several )?(?:[\w-]+ )?(?:charges? of )?"
     r"(?:bombs?|explosives?|dynamite|explosive charges?)\b(?! (?:disposal|squads?|experts?))|"
     r"car bomb|motorcycle bomb|bicycle bomb|(?:bomb|explosives?) (?:planted|attached|hidden|exploded|detonated)|"
     # "The company's office is bombed": a building bombed, the bomb not named.
     r"(?:was|were|is|are|has been|have been|had been) bombed\b|"
     # "Bombing of a bar frequented by UDA members": a bomb set at a place people gather, where
     # no aircraft is named (a hospital or a school bombed is as often struck from the air).
     r"bombings? (?:of|at|in|outside|inside) (?:a |an |the )?(?:[\w'’-]+ ){0,2}?(?:bar|pub|restaurant|caf[eé]|"
     r"nightclub|club|market|bazaar|bus|train|hotel|shop|store|cinema|embassy|consulate)s?\b|"
     r"(?:bomb|explosives?) (?:was |were |is |are |had been |has been |have been )(?:detonated|set off|triggered)|"
     r"exploded (?:near|under|beside|in|at)|anti-?personnel mines?|stepped on (?:a |an )?(?:land ?)?mine|"
     # "a convoy hit a mine", "their vehicle struck a landmine".
     r"(?:hit|hits|struck|strikes|ran over|drove over) (?:a |an )?(?:land ?)?mines?\b|"
     r"home-?made bomb|improvised bomb|struck a (?:roadside |homemade )?bomb|"
     # "A low intensity blast killed one woman": a blast that killed or hurt is a bomb's.
     r"\b(?:a|an|the|twin|two) (?:" + NOT_A_BOMB + r"[\w'’-]+ ){0,3}?"
     r"(?:blast|explosion)s? (?:killed|kills|injured|injures|wounded|wounds|hit|rocked|ripped|tore|leaves|left|"
     r"targets|targeted|struck|strikes|in the (?:city|town|village) of)\b|"
     # A headline's clause with no article: "…and explosion leaves human losses east of the
     # Euphrates".
     r"(?:(?<=\band )|(?<=[,;:] )|(?<=^)|(?<=\n))(?:blast|explosion)s? (?:killed|kills|injured|injures|wounded|"
     r"wounds|leaves|left|targets|targeted|hits|hit|struck|strikes|rocks|rocked)\b|"
     # Headline style: "3 killed in blast in Kabul".
     r"(?:killed|dead|die|dies|died|injured|wounded|hurt) in "
     r"(?:" + NOT_A_BOMB + r"[\w'’-]+ ){0,4}?(?:blast|explosion)s?\b", "Remote explosive/landmine/IED", 70, True),
    # Grenade: "a thrown grenade or similar explosive (not crude bombs or stun grenades)"
    # A grenade launcher fires, it is no grenade thrown ("opened fire using grenade launchers").
    (r"(?<!stun )(?<!propelled )(?<!hand-made )grenades?(?![- ]launch)|hand grenade|hurled a grenade|"
     r"(?:threw|thrown|hurled|lobbed|tossed) (?:a |an |two |several )?(?!(?:crude|petrol|gasoline|fire|molotov|"
     r"country-made|home-?made|hand-made|smoke|stun|sound|paint)\b)(?:\w+ )?(?:bombs?|explosive devices?|explosives?)\b",
     "Grenade", 75, True),
    # Shelling/artillery/missile: "artillery, mortars, missiles, rockets, RPGs; also aircraft shot down"
    (r"(?<!gas )(?<!aerial )shell(?:ing|ed|s)\b|shell fragments|"
     # "the regime forces shell al-Lataminah": the verb in a headline's present.
     r"(?:forces|troops|regime|army|rebels|factions|militants|artillery) shell\b|"
     # "the regime forces target the countryside of Quneitra": a monitor's word for their fire
     # on a place; its warplanes' is an air strike ("warplanes target").
     r"(?:regime|government) forces target(?:s|ed|ing)?\b|shrapnel|tank (?:fire|shells?|rounds?)|(?<!aerial )(?<!air )bombard(?:ment|ments|ed|ing|s)\b|mortars?\b|mortar rounds|artillery|"
     rf"{NOT_THROWN}missiles?|rockets?(?! science)|\bRPGs?\b|"
     r"rocket-propelled grenades?|cross-border (?:fire|firing)|heavy weapons fire|howitzers?|"
     r"\bgrad\b|multiple rocket launchers?|"
     rf"{NOT_THROWN}projectiles?|"
     r"shot down (?:a |an )?(?:helicopter|plane|aircraft|jet)", "Shelling/artillery/missile attack", 65, True),
    # Sexual violence: "harm of a sexual nature, to anyone"
    (r"\brap(?:e|ed|es|ing)\b|gang-?rap\w*|sexual(?:ly)? (?:assault\w*|violence|abuse\w*|exploit\w*)|molest\w*",
     "Sexual violence", 68, True),
    # Excessive force: "force that causes, or could cause, serious or lethal injury"
    (r"(?:opened fire|fired(?: live (?:rounds|ammunition|bullets))?|shot) (?:at|on|into) (?:the )?(?:[\w#-]+ ){0,2}"
     # A crowd, not a "crowded market".
     r"(?:protest(?:e|o)rs|demonstrators|crowds?\b|rally|marchers|mourners|sit-in|"
     # "the police opened fire on a demonstration": the crowd's gathering is the target.
     r"demonstrations?\b|protests?\b|march(?:es)?\b|processions?\b|funeral processions?\b)|"
     r"gunfire (?:hit|struck|targeted) (?:a |the )?(?:\w+ )?(?:march|rally|protest|sit-in|crowd|procession)|"
     r"live (?:rounds|ammunition|fire) (?:at|on|against|to disperse)|"
     r"(?:protest(?:e|o)rs|demonstrators|marchers) (?:were |was )?(?:shot|killed|shot dead)|"
     r"(?:killed|shot dead|shot|gunned down) (?:\w+ ){0,2}(?:protest(?:e|o)rs|demonstrators|marchers)|"
     r"(?:opened fire|fired) on (?:a |the )?(?:convoy|procession|rally|march|caravan) of (?:[\w-]+ ){0,4}"
     r"(?:supporters|activists|protest(?:e|o)rs|demonstrators|marchers|workers)|"
     r"crackdown on (?:the )?(?:protest|demonstrat)\w*",
     "Excessive force against protesters", 80, True),
    # Protest with intervention: forces disperse or suppress without serious injury
    (r"tear ?gas|teargas|baton[- ]charg\w+|lathi[- ]?charg\w+|water cannons?|rubber bullets|pepper spray|"
     r"dispersed (?:the )?(?:protest(?:e|o)rs|demonstrators|rally|crowd|protest|marchers|sit-in)|"
     r"broke up (?:the |a |an )?(?:[\w-]+ ){0,4}?(?:protest|rally|sit-in|demonstration|march|gathering)|"
     # "a march was broken up in Beni", "the rallies were dispersed".
     r"(?:protests?|rall(?:y|ies)|sit-ins?|demonstrations?|march(?:es)?|gatherings?) (?:was |were |had been |has been |have been )"
     r"(?:forcibly |violently |brutally )?(?:broken up|dispersed)|"
     r"(?:arrested|detained|rounded up) (?:\w+ ){0,3}(?:protest(?:e|o)rs|demonstrators|marchers)|"
     r"(?:to disperse|dispersing|dispersed) (?:\w+ ){0,4}(?:protest|demonstrat|march|rall|sit-in|crowd|women|students|workers|supporters)\w*|"
     r"fired (?:warning )?(?:shots )?(?:in|into) the air",
     "Protest with intervention", 55, True),
    # Violent demonstration: "demonstrators commit vandalism, block roads with violence, clash"
    (r"\briot(?:s|ed|ing|ers)?\b(?! police| gear| control| squads?| units?| forces)|start(?:ed|ing) fires? (?:at|in|to)|pelted stones|stone[- ]pelting|"
     # What a crowd throws: "hurling bricks and petrol bombs", "a hail of bricks and bottles".
     r"(?:hurl(?:ed|ing|s)?|thr(?:ew|own|owing|ows)|pelt(?:ed|ing)?|lob(?:bed|bing)|flung|fling(?:ing)?) "
     r"(?:[\w-]+ ){0,3}?(?:stones|rocks|bricks|bottles|(?:petrol|gasoline|fire) ?bombs|molotov|projectiles|fireworks|firecrackers)|"
     # "fans pelted the local police station with stones and bottles".
     r"pelt(?:ed|ing|s)? (?:[\w-]+ ){1,5}?with (?:\w+ )?(?:stones|rocks|bricks|bottles|eggs|missiles|projectiles|cobblestones)|"
     # "students launched fireworks at police": fired at the police, not in celebration.
     r"(?:launch|fir|shoot|shot|set off|aim)\w* (?:\w+ )?(?:fireworks|firecrackers|flares) at (?:the )?(?:police|security|riot|"
     r"troops|officers|soldiers|guards)|"
     r"(?:hail|barrage|shower) of (?:\w+ )?(?:stones|rocks|bricks|bottles)|turned (?:nasty|violent|ugly)|"
     r"stone[- ]throwing|torched|set (?:on )?fire to|set ablaze|ransacked|vandali[sz](?:ed|ing|m)|"
     r"(?:petrol|gasoline|fire) ?bombs? (?:were |was )?(?:thrown|hurled)|(?:threw|hurled) (?:\w+ )?(?:petrol|gasoline|fire) ?bombs?|"
     r"molotov cocktails?|"
     # "burnt used tyres", "tires were set alight", "scuffled with police", "demonstrated
     # violently", "stoned the information centre".
     r"burn(?:ed|t|ing) (?:\w+ )?(?:tyres|tires)|(?:tyres|tires) (?:were |was )?(?:burnt|burned|set (?:alight|ablaze|on fire))|"
     r"scuffl(?:e|es|ed|ing) with (?:the )?(?:police|security|riot|troops|forces|soldiers|officers|guards)|"
     r"demonstrat(?:ed|ing) violently|violent(?: and \w+)? (?:protests?|demonstrations?)|"
     r"stoned (?:the |a |an )?(?:[\w.-]+ ){0,3}?(?:police|embassy|cent(?:er|re)|offices?|buildings?|vehicles?|cars?|bus(?:es)?|"
     r"convoy|motorcade|station|houses?|homes?)|went on (?:the|a) rampage|smashed (?:the |a )?(?:[\w-]+ )?(?:windows|windscreens|vehicles|cars|barriers?)|"
     r"stormed (?:the )?(?:parliament|assembly|office|police station|court)|"
     r"(?:protest(?:e|o)rs|demonstrators|crowds?|people|supporters|students|workers|farmers|fishermen|villagers|"
     r"residents|youths|mobs?|rioters|activists|locals|miners|traders|vendors|inmates|prisoners) (?:\w+ ){0,2}(?:stormed|rammed|"
     r"broke into|forced their way into|attacked (?:several |the )?(?:embass|office|building|home|house))|"
     # A crowd, not an armed group, that fights: "clashes between supporters of Hasina and
     # security personnel", "students clashed with police".
     r"clash(?:es|ed)? (?:broke out |erupted )?between (?:the )?(?:[\w'’-]+ ){0,3}?(?:" + CROWD + r")\b|"
     r"(?:" + CROWD + r") (?:[\w'’-]+ ){0,6}?(?:clash(?:ed|es)? with|confront(?:ed|ing)) (?:the )?(?:police|security|"
     r"rangers|riot|troops|forces|soldiers)",
     # Codebook: demonstrators who turn violent make a violent demonstration, police intervention or not.
     "Violent demonstration", 56, True),
    # Looting/property destruction: "looting or destruction without violence to people"; by a
    # crowd it is a violent demonstration (assembly decides by who is there)
    (r"\blooted|\blooting|\blooters|plunder(?:ed|ing)|pillag(?:ed|ing)|ransacked|"
     # "Members of the M-19 … steal more than 5000 weapons" from an army's depot.
     r"(?:st(?:ole|eal|eals|ealing|olen)|made off with|carried off) (?:more than |at least |about |some )?"
     r"(?:[\w,]+ )?(?:weapons|arms|rifles|guns|ammunition|explosives)\b|"
     r"set (?:\w+ ){1,3}(?:on fire|ablaze|alight)|"
     r"(?:carted|carried|made) (?:off|away) (?:with )?(?:\w+ ){0,5}(?:food|goods|supplies|livestock|cattle|gold|"
     r"valuables|materials|equipment|cash|property|vehicles)|"
     r"(?:demolished|bulldozed|razed|torch(?:ed|es)?|set (?:fire|ablaze) to|set on fire|burn(?:ed|t|s)(?: down)?|blew up|"
     r"arson attacks? (?:on|against)|dynamit(?:ed|ing)|"
     r"destroy(?:ed|ing)|vandali[sz]ed) (?:a |an |the |several |two |three |\w+ )?(?:[\w'’]+ ){0,3}(?:schools?|offices?|vehicles?|"
     r"residences?|"
     r"bus(?:es)?\b|cars?\b|jeeps?\b|ambulances?\b|outposts?|(?:police |security )?(?:posts?|stations?|check ?posts?)|"
     r"trucks?|shops?|markets?|buildings?|machinery|machines|(?:mobile |telecom |communication )?towers?|bridges?|"
     r"museums?|propert(?:y|ies)|warehouses?|shrines?|health (?:centre|center)s?|equipment|excavators?|"
     r"bulldozers?|loaders?|tractors?|cranes?|tankers?|bowsers?|containers?|homes|houses|huts|crops|churches|mosques|temples|"
     r"villages?|"
     r"pylons?|(?:power|electricity|transmission) (?:poles?|lines?|towers?|stations?|plants?|grid)|substations?|"
     r"(?:gas |oil |water )?pipelines?|railway (?:tracks?|lines?)|rail (?:tracks?|lines?)|planes?|aircraft)|"
     # Sabotage of the grid, pipes or rails: destruction with no one hurt (codebook).
     r"sabotag(?:e|ed|ing) (?:\w+ ){0,4}(?:pylons?|power|electric\w*|pipelines?|rail\w*|grid|lines?|installations?)|"
     # "Armed Maoists damaged an iron ore slurry pipeline": works that armed men wreck.
     r"(?:dynamited|blew up|blown up|bombed|damaged|destroyed) (?:a |an |the |two |three |several |\w+ )?(?:[\w'’-]+ ){0,3}"
     r"(?:pylons?|(?:power|electricity|transmission) (?:poles?|lines?|towers?)|(?:gas |oil )?pipelines?|"
     r"railway (?:tracks?|lines?)|rail (?:tracks?|lines?)|bridges?|(?:sub)?stations?)|"
     r"(?:pylons?|towers?|pipelines?|bridges?|planes?|aircraft|helicopters?|vehicles?|buses|trucks?|offices?|"
     r"schools?|buildings?|shops?|homes|houses|stations?|tracks?|excavators?|machinery|tractors?|cranes?) "
     r"(?:was |were |had been |have been )"
     # "Two excavators were burned": things burned are destroyed, not hurt.
     r"(?:dynamited|blown up|torched|set (?:on fire|ablaze|alight)|burn(?:ed|t)(?: down)?|demolished|razed|vandali[sz]ed)|"
     # "A ranch was set on fire by guerrillas": whatever burned, by whom says it was no accident.
     r"(?:was |were |had been |have been )(?:set (?:on fire|ablaze|alight)|torched|burned down|burnt down|"
     r"dynamited|blown up) by (?:the |a |an |a group of |suspected |armed |unidentified |unknown )?(?:\w+ )?"
     r"(?:guerrillas?|militants?|rebels?|insurgents?|gunmen|terrorists?|maoists?|naxal\w*|armed men|attackers|"
     r"assailants|extremists?|jihadists?|separatists?|paramilitar\w+|militiam[ae]n|militias?)\b",
     "Looting/property destruction", 44, False),
    # Mob violence: "a mob attacks others outside a demonstration, without organised weapons"
    # A lynching stays mob violence though police then fire tear gas at the crowd.
    (r"lynch(?:ed|ing|ings)?\b|beaten to death|beat (?:him|her|them|\w+) to death|stoned (?:and beaten )?to death|"
     # Burned alive by a crowd ("a mob burned him alive"); by gunmen, an attack's killing.
     r"(?:crowds?|mobs?|villagers|residents|people) (?:[\w'’-]+ ){0,4}?burn(?:ed|t) (?:\w+ ){0,2}(?:alive|to death)|"
     r"(?:beat|thrashed|lynched) (?:\w+ ){0,3}(?:men|man|women|woman|"
     r"suspects?|youths?|boys?) accused of|angry (?:crowd|residents|villagers) (?:attacked|beat|torched|set)|"
     # "Locals beat him and he later died": people of a place, no group, beating someone.
     r"(?:locals|residents|villagers|bystanders|passers-?by|onlookers) (?:then |later |also )?(?:beat|beat up|thrashed|"
     r"kicked|lynched) (?:him|her|them|the)\b",
     "Mob violence", 57, True),
    (r"\bmob\b|mob attack|communal (?:clash(?:es)?|violence|riots?)|sectarian clash(?:es)?",
     "Mob violence", 50, True),
    # Government regains territory: "state forces (or their allies) retake a place from a non-state group"
    # ("our liberated territories" are a rebel radio's own zones, not a place retaken).
    (r"recaptur(?:ed|e|ing)|retook|retak(?:e|es|ing|en)|regain(?:ed)? (?:full )?control|(?<!our )(?<!their )liberat(?:ed|ion of)(?! (?:territor(?:y|ies)|zones?|areas?|regions?)\b)|"
     r"wrest(?:ed)? (?:back )?control|back under (?:government|army|state) control|"
     r"cleared (?:the )?(?:town|city|area|district|village) of", "Government regains territory", 60, True),
    # Non-state actor overtakes territory: "takes a place and holds the monopoly of force there"
    (r"(?:seized|captured|overran|overrun|took|taken|seizing|capturing|seizes|captures|takes) (?:full )?(?:control of|over) |"
     r"impos(?:ed|es|e|ing) (?:their|its|full) control (?:over|on) |"
     # A monitor's headline in the present: "regime forces control the town of Bahariya almost
     # entirely", "the factions control 3 villages".
     r"(?:(?:forces|fighters|factions|rebels|militants|troops|army|group|organization)(?: \w+){0,3}|\b(?:they|which|who)) "
     r"(?:now |have |has |had |almost |nearly |fully )?(?:control|controls|controlled) (?:the |over )?(?:\w+ ){0,2}?"
     r"(?:town|towns|city|village|villages|district|neighbou?rhood|hill|hills|area|areas|base|airport|crossing)\b|"
     # "seized their first big town": a possessive before the place as well as an article.
     r"(?:seized|captured|overran|overrun|seizes|captures|overruns|seize|capture) (?:the |a |an |their |its |another )?(?:[\w-]+ ){0,2}(?:town|city|village|district|base|outpost|garrison|"
     r"port|border crossing|airport|headquarters|capital|province|region|military post|position|post)s?\b|"
     r"fell to (?:the )?(?:\w+ )?(?:rebels|militants|insurgents|fighters|taliban|jihadists|group)|"
     r"(?:under|in) (?:the )?(?:full )?control of (?:the )?(?:rebels|militants|insurgents)",
     "Non-state actor overtakes territory", 58, True),
    # Abduction: "a kidnapping or disappearance with no other violence reported"
    # Hostages taken, not hostages held or talked of ("the release of the hostages", "families of
    # hostages held in Gaza"): an article's hostages are most often a war's, long held.
    # People "held hostage by gunmen" are taken; a country "held hostage by egos" is no one's.
    (r"kidnapp?(?:ed|ing|ings|ers?|s)?\b|abduct(?:ed|ion|ions|ing|s|ors?)?\b|taken hostage|hostage-?taking|"
     r"(?<!country )(?<!nation )(?<!region )(?<!city )(?<!province )held hostage\b(?! since)|"
     r"(?:took|take|takes|taking|seized|seize|seizes|seizing|grabbed) (?:[\w'’,-]+ ){0,4}?hostages?\b|"
     r"hostages? (?:were |was |had been |have been )?(?:taken|seized|grabbed)\b|"
     r"forcibly disappeared|enforced disappearances?|went missing after|whisked away|"
     # "the train was hijacked near Bolan", "gunmen hijacked a bus": a vehicle and those aboard
     # seized, not a debate or aid "hijacked".
     r"hijack(?:ed|ing|s)? (?:of )?(?:a |an |the )?(?:[\w'’-]+ ){0,3}?(?:train|plane|aircraft|airliner|flight|bus|"
     r"coach|ship|vessel|boat|truck|lorry|tanker|vehicle|car|van)s?\b|"
     r"(?:train|plane|aircraft|airliner|flight|bus|coach|ship|vessel|boat|truck|lorry|tanker|vehicle|car|van)s? "
     r"(?:was |were |had been |has been )?hijacked|hijackers\b|"
     r"picked up by (?:men in plain clothes|security agencies|intelligence)|"
     r"(?:took|seized|snatched|dragged|whisked) (?:a |an |the )?(?:\w+ ){0,3}(?:teacher|journalist|activist|man|woman|"
     r"doctor|student|trader|businessman|engineer|official) (?:away )?from (?:his|her|their) (?:home|house|shop|car|office)|"
     r"(?:seized|took|snatched|carried off) (?:more than |at least |about )?[\w,]+ (?:pupils|students|schoolchildren|"
     r"passengers|villagers|women|workers|people)", "Abduction/forced disappearance", 50, True),
    # Armed clash: "armed, organised groups fight"
    (r"clash(?:ed|es)?\b|exchange of (?:fire|gunfire|shelling)|exchanging fire|trad(?:e|es|ed|ing) (?:(?:heavy|cross-border|border)\s+){0,2}(?:gun)?fire\b|gun ?fights?\b|fire ?fights?\b|encounters?\b|fought|"
     # "15 killed in skirmish between rebels and troops", "killed during a confrontation with police".
     r"skirmish(?:es|ed|ing)?\b|confrontations? with (?:the )?(?:[\w-]+ )?(?:police|army|troops|soldiers|forces|rebels|"
     r"guerrillas|militants|insurgents)\b|"
     # "killed in border fire exchange with India", "India and Pakistan exchange fresh border fire".
     r"(?:gun)?fire exchanges?|exchange (?:(?:fresh|heavy|cross-border|border)\s+){1,2}(?:fire|gunfire)|"
     # "killed in fighting with the junta", "forces battling fighters", "SDF advance over IS".
     r"(?:in|during|amid) (?:the )?(?:\w+ )?fighting (?:with|against)\b|battling|"
     # "casualties during fighting in southern Chin State": not fighting fires or corruption.
     # "crashed during combat with Boko Haram", "in combat against the rebels".
     r"(?:during|in|amid) (?:heavy |fierce )?combat (?:with|against)\b|"
     # "Junta battalion reportedly defeated by KIA": a unit beaten by an armed group.
     r"(?:battalions?|troops|soldiers|forces|column|garrison|outposts?|units?) (?:\w+ ){0,2}?defeated by\b|"
     r"(?:during|amid) (?:the )?(?:heavy |fierce |renewed |intense |fresh )?fighting\b"
     r"(?! (?:fires?|corruption|poverty|crime|for|back|over|to)\b)|"
     r"advanc(?:e|es|ed|ing) (?:over|on|against) (?:the )?(?:[\w-]+ ){0,2}(?:IS|ISIS|militants|rebels|forces|fighters|army)\b|"
     r"gun battles?|shoot-?outs?|exchanged fire|heavy fighting|fierce fighting|fighting (?:between|broke out|breaks out|erupt(?:ed|s|ing)|renew(?:s|ed)|"
     r"continu\w+|intensif\w+|increas\w+|rag\w+|escalat\w+)|"
     # "Fighting has continued in San Miguel", not "fighting has raged for 18 months" (a war's span).
     r"fighting (?:has|had|have) (?:continued|resumed)(?! (?:for|since|over|throughout)\b)|"
     # "Further fighting was reported in Zacatecoluca", "there is fighting in the Montserrat
     # district", "fighting is taking place in El Carmen": fighting told as happening somewhere.
     r"(?:further|renewed|fresh|sporadic) fighting\b|there (?:is|was|has been) (?:heavy |fierce )?fighting\b|"
     r"fighting (?:is|was|has been) (?:taking place|reported|under ?way|going on)|fighting took place|"
     # "the guerrillas … confronted the army in Escalon": one armed side meets another (not
     # "lawmakers, confronting soldiers in parliament").
     r"(?:guerrillas|rebels|militants|insurgents|fighters|gunmen|terrorists|subversives|troops|soldiers|army|forces) "
     r"(?:[\w'’,()-]+ ){0,8}?confront(?:ed|ing|s)? (?:the )?(?:[\w-]+ ){0,2}?(?:army|troops|soldiers|forces|"
     r"guerrillas|rebels|militants|insurgents|fighters|patrols?|units?)\b|"
     r"attack(?:ed|ing) (?:a |an |the )?(?:\w+ )?(?:check ?post|checkpoint|convoy|camp|post|police station|base|patrol|"
     r"detachment|outpost|garrison|barracks|positions|"
     r"security forces|soldiers|troops|army)|ambush(?:ed|es|ing)?\b|stormed (?:a |an |the )?(?:\w+ )?(?:base|camp|post|"
     r"checkpoint|police station|barracks)|"
     r"(?:intelligence[- ]based |search |security |military |counter-?terrorism |clearance |sanitization |"
     r"anti[- ]?terror(?:ist|ism)? |anti[- ]?militant |counter[- ]?insurgency )operations?|"
     r"offensive against|battle(?:d)? (?:with|against|for)|(?:continued|continuing|ongoing|renewed|fresh) battles\b|"
     # "Battles continue along the Falam-Kalay road", as fighting does.
     r"battles (?:continu\w+|rag\w+|erupt\w*|broke out|resum\w+|intensif\w+|escalat\w+)|"
     # "strong battles are being waged in Tonacatepeque", "the army waged fierce battles".
     r"(?:battles?|fighting|combat) (?:(?:is|are|was|were|has been|have been|had been) )?(?:still )?(?:being )?waged\b|"
     r"wag(?:e|es|ed|ing) (?:fierce |heavy |strong |intense |bloody )?(?:battles?|combat)\b|"
     # "battles of Hama countryside kill …", "battles on the eastern front": fighting at a front.
     r"battles? (?:of|in|on|at|near|around|along) (?:the )?(?:[\w'’-]+ ){0,3}?(?:countryside|fronts?|frontlines?|"
     r"front lines?|outskirts|axis|axes)\b|"
     # "a 10-hour battle in Kanbalu", "fierce battles near the base": fighting, not a battle of words.
     r"(?:\d+-hour|hours-long|day-long|days-long|fierce|heavy|deadly|bloody|intense) battles?\b|"
     # "Pak forces resort to heavy firing along LoC", "ongoing violent attack between the SDF and
     # ISIS", "the factions target regime forces", "attacks on positions of the jihadi groups".
     r"(?:heavy|unprovoked|indiscriminate) (?:firing|fire) (?:along|across|on|at)|"
     # Two armies firing across a line: "Indian ceasefire violation along the LoC".
     r"ceasefire violations?|cross-border (?:firing|fire)|"
     r"(?:attacks?|confrontations?|fighting|battles?) between|"
     r"target(?:s|ed|ing)? (?:the )?(?:[\w-]+ ){0,2}(?:forces|troops|soldiers|positions|fighters|militants|army)\b|"
     r"attacks? on (?:the )?(?:[\w-]+ )?positions|"
     # "Junta troops raid a resistance base": forces storm an armed group's ground.
     r"raid(?:ed|s)? (?:on )?(?:a |an |the )?(?:[\w-]+ ){0,2}(?:base|camp|hideout|stronghold|positions?|headquarters|"
     r"checkpoints?|check posts?|outposts?|garrison|barracks|police stations?)|"
     # A siege: "troops surrounded the last rebel strongholds", "besieged the militants' hideout".
     r"(?:surround(?:ed|s|ing)|encircl(?:ed|es|ing)|besieg(?:ed|es|ing)|laid siege to) (?:the )?(?:[\w'’-]+ ){0,3}?"
     r"(?:strongholds?|positions|hideouts?|fighters|militants|rebels|guerrillas|insurgents)\b|"
     # A post besieged: "our forces have laid siege to the police garrison" (not a crowd's siege
     # of an office or a parliament, which is a protest's).
     r"(?:laid|lay|lays|laying) siege to (?:the )?(?:[\w'’-]+ ){0,4}?(?:garrison|barracks|outpost|military post|base)\b|"
     r"(?:garrison|barracks|outpost|military post|base) (?:is|was|are|were|remains?|remained) (?:still )?under siege|"
     # An attack repelled is an attack met with fire: "police repelled the terrorist attack", "the
     # battalion was repelled west of Dolores".
     # "Ukrainian defenders repulsed another assault near Marinka".
     r"(?:repell?|repuls)(?:ed|es|s|ing) (?:an? |the |their |its |another )?(?:\w+ ){0,2}"
     r"(?:attacks?|assaults?|offensive|incursions?|advance)\b|"
     r"(?:attacks?|assaults?|offensive|incursions?|advance|battalion|troops|forces|army|soldiers|rebels|guerrillas|"
     r"militants|terrorists)(?: \w+){0,2} (?:was|were|had been|has been|have been) (?:\w+ )?repelled",
     "Armed clash", 40, True),
    # "One death in Indian firing across LoC": fire over a line two armies hold. Weaker than a
    # specific word, so that it tells no other kind of act beside "a cross-border attack".
    (r"(?:firing|fire) (?:across|along|on) (?:the )?(?:loc|line of control|working boundary|international border|"
     r"(?:[\w-]+ )?border)\b", "Armed clash", 35, True),
    # Attack (violence against civilians): shootings, killings, beatings, arson of homes
    (r"shot dead|gunned down|killed|opened fire|shot (?:and|at)|attack(?:ed|s)?\b|machine-?gunned|strafed|"

     # "Fighters assaulted the city", "an assault on the post": not an assault rifle, nor a charge.
     r"(?<!sexual )(?<!sexually )assault(?:ed|s|ing)?\b(?! (?:rifles?|weapons?|guns?|charges?|cases?|vehicles?)\b)|"
     r"riddled with bullets|sprayed (?:\w+ ){0,3}with (?:bullets|(?:sub)?machine-?gun ?fire|gunfire)|"
     # "bodyguards shot the gunman to death", "shot two policemen dead".
     r"shot (?:[\w-]+ ){1,3}?(?:to death|dead)\b|"
     r"assassinat\w+|murder(?:ed|s)?\b|beheaded|stabbed|hacked to death|target(?:ed)? killings?|"
     r"bodies (?:were |was )?(?:found|recovered)|bullet-riddled bod(?:y|ies)|tortur(?:e|ed|ing)\b|martyred|"
     # "a targeted shooting in Qalat", "rammed his car into a crowd".
     r"(?:targeted|mass|drive-by|deadly|fatal) shootings?\b|"
     r"rammed (?:a |an |his |her |their )?(?:\w+ )?(?:car|vehicle|truck|van|lorry) into|"
     # "ploughing into a street rally", "drove his car into a crowd of shoppers": the crowd is
     # who was hit, not a protest.
     r"(?:rammed|rams|ramming|plough(?:ed|s|ing)?|plow(?:ed|s|ing)?|drove|drives|driving|slammed|smashed|mowed|mowing) "
     r"(?:(?:a |an |his |her |their |the )?(?:[\w-]+ )?(?:car|vehicle|truck|van|lorry|suv|bus) )?(?:down |into )"
     r"(?:a |an |the )?(?:[\w-]+ ){0,2}?(?:crowds?|rally|march|procession|people|pedestrians|shoppers|worshippers|"
     r"mourners|demonstrators|protesters|gathering|group)\b|"
     r"massacre(?:d|s)?\b|executed|killing spree|"
     # "They execute a motorcyclist in El Tomatal", "ISIS executes 12 in Palmyra"; not a plan,
     # an order or a warrant carried out.
     rf"execut(?:es?|ing)(?= (?!{CARRIED_OUT})[\w-])|"
     r"(?:burned|torched|set fire to) (?:\w+ )?(?:homes|houses|huts)|"
     r"burn(?:ed|t) (?:alive|to death)|"
     + FIRED_AT,
     "Attack", 30, True),
    # "CJNG dumps corpses", "a leader survives an assassination bid": the act itself, named (a
    # killing shown by its bodies, an attempt on a life), even where no one died.
    # A cartel's killing shown by what it leaves ("dismembers rival operatives", "3 decap heads
    # left with narco message", "leaves human remains inside coolers", "cadaver with manta").
    (r"dump(?:s|ed|ing)? (?:the )?(?:\w+ )?(?:bodies|corpses)|"
     r"surviv(?:es|ed|ing) (?:an? )?(?:\w+ )?(?:assassination|attack|ambush|bombing|gun attack)|"
     r"dismember(?:s|ed|ing)\b|(?:decap(?:itated)?|severed) heads?\b|"
     r"(?:leaves?|left|dumped|hangs?|hanging|displayed) (?:\w+ ){0,2}?human remains|"
     r"human remains (?:were |are )?(?:left|dumped|hang|hanging|displayed)\b|"
     r"narco[- ]?(?:messages?|signs?|mantas?|banners?)\b|(?:cadaver|corpse|body|bodies|remains) with (?:a )?mantas?\b",
     "Attack", 45, True),
    # A strike held, named as held ("a shutter-down strike was observed in Mastung", "traders
    # observed a complete shutdown"): codebook, a protest action that took place, not a call for one.
    (r"(?:shutter[- ]?down|wheel[- ]?jam|complete|partial|general|province-?wide|city-?wide|country-?wide|nation-?wide)"
     r" (?:and (?:a )?(?:shutter[- ]?down |wheel[- ]?jam )?)?(?:strikes?|shutdowns?|hartals?) (?:was|were)"
     r"(?:,? (?:also|however|largely|partially|completely),?)? (?:observed|witnessed|reported|held)|"
     r"observed (?:a )?(?:complete |partial )?(?:shutter[- ]?down|wheel[- ]?jam|strike|shutdown|hartal)",
     "Peaceful protest", HELD_STRIKE, False),
    # Peaceful protest: "no violence and no intervention"
    (r"protest(?:ed|s|ing|ers|ors)?\b|demonstrat(?:ion|ions|ed|ors|ing)\b|rall(?:y|ies|ied)\b|sit-ins?\b|"
     # "marched Monday on the main court", "students marched": a day may stand between, and a
     # crowd that marches protests, whatever follows.
     rf"march(?:ed|es)? (?:(?:on )?(?:{WEEKDAY_PATTERN}|today|yesterday) )?"
     r"(?:to|towards|on|from|through|in\b)|"
     rf"(?:{CROWD}|crowds|people|hundreds|thousands) marched\b|shutter[- ]?downs?|wheel[- ]?jams?|hartals?|"
     # "a complete strike was, however, observed", "a shutdown was witnessed": a strike held.
     r"(?:strike|shutdown)s? (?:was|were)(?:,? (?:also|however|largely|partially),?)? (?:observed|witnessed)|"
     # "mayors marched Thursday against plans…", "they blocked the entrance to the airport".
     r"march(?:ed|es)? (?:\w+ )?(?:against|in (?:support|protest|solidarity)|demanding)|"
     # "yesterday's march", "Saturday s march": a march a day owns is no month.
     r"(?:yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s|\ss) march\b|"
     r"(?:protesters|demonstrators|residents|workers|farmers|traders|students|villagers|they) blocked (?:the )?"
     r"(?:[\w'’-]+ ){0,3}(?:road|roads|highway|motorway|entrance|railway|traffic|bridge)|"
     # Not "staged a raid": an act of arms is staged as well.
     r"staged a(?! (?:[\w-]+ )?(?:raids?|attacks?|ambush(?:es)?|assaults?|coup|bombings?|offensive|shoot-?outs?|strikes? on|counter-?attack)\b)|dharna|took to the streets|hunger strike|candlelight vigil|chanted slogans|picket(?:ed|ing)|"
     r"human chains?|"
     # "merchants in the bazaar shuttered their shops": a shutter-down, as traders protest.
     r"(?:shuttered|shut|closed|downed the shutters of) (?:down )?their (?:shops|businesses|stores|markets)\b|"
     r"marching|public meeting|\bjalsa\b|walked through the streets|boycotted (?:court|the courts|classes|work)|"
     # "activists held an impromptu march", "thousands of Egyptians turned out in Tahrir Square".
     r"(?:held|staged|organi[sz]ed|led|joined) (?:a |an |the )?(?:[\w'’-]+ ){0,2}(?:march|marches|procession)\b|"
     r"(?:thousands|hundreds|dozens|crowds?|millions|\d[\d,]* people) (?:[\w'’-]+ ){0,3}"
     r"(?:turned out|poured into|filled|packed|thronged)\b|"
     r"poured (?:into|onto) the streets|(?:filled|flooded|thronged) the streets|"
     # "residents barricaded roads with tyres", "carried placards", "took part in a one-hour stoppage".
     r"barricad(?:ed|ing) (?:the )?(?:[\w'’-]+ ){0,3}(?:roads?|streets?|highways?|junctions?)\b|"
     r"(?:carr(?:ied|ying)|held|holding|waved|waving) (?:[\w'’-]+ ){0,2}placards\b|"
     r"(?:took part|taking part|participated|joined) in (?:a |an |the |their )?(?:[\w'’-]+ ){0,4}"
     r"(?:stoppage|walkout|work stoppage|sit-in|strike action)\b|"
     # "more than 500 people launched a dawn blockade at the base": a crowd's blockade, not a
     # state's of a country ("imposed a blockade").
     r"(?:launch(?:ed|es|ing)?|stag(?:ed|es|ing|e)|mount(?:ed|ing)?|set up|held|began) (?:a |an )?(?:[\w-]+ ){0,2}?blockades?\b|"
     # "thousands came down onto the streets", "hit the streets".
     r"(?:came|come|comes|coming) (?:out |down )?(?:on ?to|into|in|on) the streets|hit the streets|"
     # "hundreds of workers seized the plant, pledging to hold it": a crowd occupying a place.
     r"(?:workers|students|protesters|demonstrators|farmers|employees|activists|miners|teachers|strikers) "
     r"(?:[\w'’-]+ ){0,6}?(?:occupied|occupying|seized|took over|taking over|stormed into) (?:the |a |an )?"
     r"(?:[\w'’-]+ ){0,4}?(?:plant|factory|building|offices?|campus|university|square|premises|headquarters|mine)\b|"
     # "600 demonstrators laid siege to the council offices", "miners lay siege to Kohl's office".
     r"(?:workers|students|protesters|demonstrators|farmers|employees|activists|miners|teachers|strikers|residents|"
     r"villagers|people) (?:[\w'’-]+ ){0,3}?(?:laid|lay|lays|laying) siege to\b|"
     r"gathered (?:outside|in front of) (?:the )?(?:\w+ ){0,3}(?:office|press club|parliament|assembly|court|headquarters)",
     # Not violent: a protest is an event where the report tells when or where it was held, not
     # wherever an analysis mentions protests.
     "Peaceful protest", 20, False),
    # Disrupted weapons use: "a bomb defused, an attack foiled, weapons seized"; an attack foiled
    # by forces that fought back ("foiled as the police responded") was a clash.
    (r"defus(?:ed|ing)|(?:foiled|thwarted|averted)(?! (?:as|when|after) (?:the )?(?:police|security forces|forces|troops|"
     r"soldiers|personnel|guards|policemen) (?:responded|retaliated|returned fire|fought back|repulsed))|bomb disposal|"
     r"recovered (?:a |an )?(?:\w+ )?(?:explosives|weapons|arms|ied|suicide vest|bomb)|"
     r"(?:weapons|arms|explosives|ammunition|suicide vests?) (?:were |was )?(?:seized|recovered|confiscated)|"
     r"(?:seized|confiscated) (?:a )?(?:cache|huge cache|large cache|weapons|arms|explosives|ammunition)|"
     r"(?:weapons|arms) cache|cache of (?:arms|weapons|explosives|ammunition)|"
     r"(?:intercepted|seized|stopped) (?:[\w-]+ ){0,5}?carrying (?:[\w-]+ ){0,3}(?:weapons|arms|missiles|explosives|"
     r"ammunition|rockets|drone components)|"
     r"(?:seized|confiscated|recovered) (?:\S+ ){0,4}(?:rifles?|guns?|weapons|arms|explosives|ammunition|"
     r"grenades?|rounds|mortars?|detonators?)",
     "Disrupted weapons use", 95, False),
    # Drones and missiles downed: air defence's own act, never part of the strike it stopped.
    (r"(?:intercepted|shot down|downed|destroyed) (?:all )?(?:\w+ ){0,3}(?:drones?|missiles?|rockets?)",
     "Disrupted weapons use", INTERCEPTION, False),
    # Other: "mass graves found, a coup without fighting"
    (r"seized power|\bcoup\b|mass graves?|state of emergency|martial law|\bcurfew\b|"
     r"removed (?:\w+ ){0,4}from power|ousted (?:the )?(?:president|prime minister|government)|"
     r"clandestine graves?|exhumed (?:\w+ ){0,2}bod(?:y|ies)|(?:found|discovered|unearthed) human remains|"
     r"internet (?:shutdown|blackout)|suspended (?:mobile )?(?:internet|phone|cellular) services?",
     "Other", 56, False),
    # Non-violent transfer of territory: "territory changes hands without fighting"
    (r"handed over (?:control|the (?:base|camp|town|city|post))|handover of (?:the )?(?:base|camp|town|city)|"
     r"(?:withdrew|pulled out|retreated) from|vacated|without a fight|"
     r"without (?:meeting |encountering |facing )?(?:any )?resistance|meeting no resistance|"
     r"under (?:a|an|the) (?:deal|agreement|arrangement) (?:with|between)|completed (?:their|its) withdrawal|"
     r"took over (?:the )?(?:\w+ )?(?:camp|base) (?:after|vacated|left)", "Non-violent transfer of territory", 57, False),
    # Headquarters or base established: "a group sets up a base or HQ"
    (r"(?:set up|established|opened|built|setting up|establishing|inaugurated|installed) (?:a |an |its |their |the )?"
     r"(?:new )?(?:\w+ ){0,2}(?:base|headquarters|\bhq\b|camp|outpost|training camp|command post|cantonment|"
     r"garrison)s?\b",
     "Headquarters or base established", 55, False),
    # Change to group/activity: "formation, splits, mergers, troop movements, forced recruitment"
    (r"merg(?:ed|er|ing) (?:with|into)|splinter(?:ed)?|split from|broke away from|"
     r"(?:formed|announced the formation of|launched) (?:a |an )?new (?:group|alliance|faction|front|coalition)|"
     r"new (?:alliance|coalition|faction)|joined forces|pledged allegiance|defected|"
     r"(?:troops|soldiers|forces|battalions?|units?) (?:were |was |would be |will be )?(?:deployed|redeployed|moved|sent|stationed)|"
     r"(?:fresh )?contingents of|took up positions|began arriving in|reinforcements (?:arrived|reached|were sent)|"
     # "Jabhat al-Nusra sends 200 vehicles to Aleppo fronts".
     r"sen(?:d|ds|t) (?:about |more than |some )?(?:\d[\d,]*|hundreds of|dozens of|thousands of)? ?(?:more |new |military )?"
     r"(?:vehicles|reinforcements|fighters|troops|soldiers|convoys?) to (?:the )?(?:[\w'’-]+ ){0,3}?(?:fronts?|frontlines?|front lines?)\b|"
     r"deploy(?:ed|ing|ment of) (?:\w+ ){0,3}(?:troops|soldiers|forces|battalions?)|"
     r"forcibly recruit\w*|forced recruitment|recruit(?:ed|ing) (?:child|children|boys|fighters)|"
     r"laid down (?:their )?arms|surrendered (?:their |his )?weapons|rebrand(?:ed)?|"
     # "The group disbanded"; not "the disbanded M-19 guerrilla group", a group that was.
     r"(?<!the )(?<!a )(?<!an )(?<!its )(?<!their )(?:disbanded|dissolved)|"
     r"dissolution of|(?:would|will) (?:now )?fight alongside|joined the (?:war|fight) (?:on the side of|alongside)|"
     r"(?:was|were) deployed (?:to|in)|crossed into (?:\w+ ){0,4}(?:to|and) (?:join|was deployed|were deployed)",
     "Change to group/activity", 52, False),
    # Agreement: "ceasefires, peace deals, prisoner exchanges"
    (r"cease-?fire(?! violation)|truce|peace (?:deal|agreement|accord|pact)|prisoner (?:exchange|swap)|"
     r"signed (?:an? |the )?(?:\w+ )?(?:accord|agreement|deal|memorandum|pact)|reached an agreement|struck a deal|"
     r"agreed to (?:a |an )?(?:ceasefire|truce|exchange|halt)|"
     # Codebook: a prisoner exchange is an agreement; hostages handed back under a deal are one.
     r"(?:released|freed|handed over|returned) (?:the )?(?:[\w'’,-]+ ){0,3}?hostages\b|"
     r"hostages? (?:were |was |had been |have been )?(?:released|freed|handed over|returned)\b|"
     r"exchang(?:e|ed|es|ing) (?:of )?hostages\b|hostages?[- ](?:for[- ])?prisoners? (?:exchange|swap|release)",
     "Agreement", 50, False),
    # Arrests: "politically significant arrests"
    # Not "detained" as a word for a person ("their detained leader", "the detained activists").
    (r"arrest(?:ed|s)?\b|(?<!their )(?<!his )(?<!her )(?<!its )(?<!the )detained(?! (?:leader|chief|activists?|"
     r"members?|men|women|workers|students|journalists?|politicians?|founder|ex-premier|former|opposition|party))|"
     r"taken into custody|took (?:\w+ ){1,8}into custody|apprehended|nabbed|rounded up|"
     # "captured the FMLN (Farabundo Marti National Liberation Front) terrorist commander": the
     # name spelt out in brackets after its initials.
     r"picked up by (?:the )?police|(?:captured|caught) (?:a |an |the )?(?:[\w-]+ (?:\([^()]{1,80}\)\s+)?){0,3}"
     r"(?:boss|leader|commander|chief|"
     r"head|kingpin|suspects?|operatives?|financiers?|facilitators?|militants?|members?)\b|"
     # A headline's "held": "Two 'LJ militants' active in Sindh held in Gadap", "Three suspects held"
     # (not a rally or talks held, nor people held hostage).
     r"(?:militants?|suspects?|terrorists?|operatives?|gunmen|insurgents|extremists|activists|members|men)['’]?"
     r"(?: [\w'’,-]+){0,5}? (?:were |was )?held\b(?! (?:hostage|captive|up|back|talks|a |an |the |their |his |her |responsible))",
     "Arrests", 35, False),
)  # fmt: skip


def _sentence_at(doc: Document, start: int, end: int) -> int:
    """The sentence a trigger stands in: where it starts, or, where it starts on the words that
    join two acts of a headline and that neither holds ("… at Thai border amid fighting in
    Kayin state"), where it ends."""
    index = sentence_of(doc, start)
    return index if index >= 0 else sentence_of(doc, end - 1)


_COMPILED = [
    (compile_lower(rf"\b(?:{pattern})"), Trigger(sub, strength, violent))
    for pattern, sub, strength, violent in TRIGGERS
]

# Verbs whose object is a place: "Taliban fighters captured Kunduz", "gangs overran the central
# town of Mirebalais". Codebook: a place taken; who took it decides the sub-type at assembly. A
# town "stormed" was raided, not held ("stormed the town, torching houses and killing 12").
PLACE_TAKEN = compile_lower(
    r"\b(?:captured|seized|overran|overrun|took|taken|capturing|seizing|retook|retaken|recaptured|"
    r"(?:took|seized|captured|gained|wrested) (?:full |complete )?control (?:of|over))\s+"
    r"(?:the\s+)?(?:(?:[\w-]+\s+){0,3}(?:town|city|village|district|capital|port|hub)\s+of\s+)?$"
)
TAKEN = Trigger("Non-state actor overtakes territory", 58, True)
# Weapons named as support or as what came before ("troops backed by Russian warplanes seized
# the town", "after days of shelling"): they do not type the incident the sentence tells.
SUPPORTING = compile_lower(
    r"\b(?:backed by|supported by|with (?:the )?(?:help|support|backing|cover) of|under (?:the )?cover of|"
    r"after (?:days|weeks|months|hours) of|following (?:days|weeks|months) of)\s+(?:[\w-]+\s+){0,3}$"
)

# What was only possible, planned, hoped for or feared ("could have shot down more jets",
# "vowed to attack", "hoping to hammer out a ceasefire", "kidnapping threats"): no act happened.
PLANNED = (
    r"could|would|might|shall|will|vow(?:s|ed)? to|threaten(?:s|ed)? to|plan(?:s|ned)? to|planned|planning|"
    r"intend(?:s|ed)? to|hop(?:e|es|ed|ing) to|seek(?:s|ing)? to|sought to|aim(?:s|ed|ing)? to|try(?:ing)? to|"
    # "Farmers have decided to launch a nationwide protest on April 13".
    r"decided? to|decides to|set to|gearing up (?:to|for)|prepar(?:e|es|ed|ing) (?:to|for)|"
    r"tried to|push(?:es|ed|ing)? for|call(?:s|ed)? for|calling for|without being|"
    # "demanding the arrest of the killers", "to press the government for the trial".
    r"demand(?:s|ed|ing)?(?: for)?|press(?:es|ed|ing)? (?:[\w-]+ ){0,3}?for|"
    # What is only expected: "amid the possibility of an operation", "fearing another operation".
    r"possibility of|prospects? of|fear(?:s|ed|ing)? (?:of )?(?:an? |another )|expected to|imminent|impending|"
    r"looming|upcoming|to be launched|dangers? (?:posed by|of)|risks? (?:posed by|of)|"
    # "options for a potential US strike on Iran's nuclear facilities".
    r"options? for|potential"
)
PLANNED_ANYWHERE = compile_lower(rf"\b(?:{PLANNED})\b")
# An act's word that names a group ("its suicide bomber unit, the Majeed Brigade", "a bomb
# squad"): who they are, not what happened.
GROUP_AFTER = compile_lower(
    r"\s+(?:units?|wings?|squads?|cells?|networks?|brigades?|battalions?|divisions?)\b"
)
# Coding guide: threats are no events; the learned reading does not read an act beside them.
THREATS = compile_lower(r"\b(?:threats?|hoax(?:es)?|(?:bomb|security) scares?)\b")
HYPOTHETICAL_BEFORE = compile_lower(rf"\b(?:{PLANNED})\s+(?:have\s+)?(?:[\w-]+\s+){{0,3}}$")
# "An armed group tried to attack the residence … a marine was shot": an attack attempted is an
# attack made; a deal or an arrest tried for is not made.
ATTEMPTED = compile_lower(r"tried to\b")
ATTEMPTS_MADE = frozenset(
    {"Attack", "Armed clash", "Violent demonstration", "Mob violence", "Grenade", "Suicide bomb"}
)
# Sexual violence that a crowd marched against, or a law or a sentence speaks of ("protest
# against rape", "a pregnancy that was the result of rape"): the subject, not an act reported.
TOPIC_BEFORE = compile_lower(
    r"\b(?:against|protest(?:s|ed|ing)?|condemn(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|result of|"
    r"sentence (?:in|for)|law on|cases? of|victims of|"
    # "a treaty to prevent and combat violence against women, including marital rape".
    r"prevent(?:s|ing|ion of)?|combat(?:s|ing)?|tackl(?:e|es|ing)|end(?:ing)?)\s+(?:[\w'’,-]+\s+){0,6}$"
)
TOPICS = frozenset({"Sexual violence"})
# Markets rally too: "the stock market rally", "a relief rally in bonds".
MARKET_BEFORE = compile_lower(
    r"\b(?:stocks?|stock market|markets?|shares?|equit(?:y|ies)|bonds?|prices?|oil|gold|rupee|dollar|index|"
    r"relief|bull|overnight|year-end|sensex|kse-100)\s+(?:[\w-]+\s+)?$"
)
# A ceasefire or a deal talked about, sought, or already in force ("talks on a ceasefire",
# "despite the truce", "violated the ceasefire", "ceasefire talks"): no agreement reached.
UNREACHED_BEFORE = compile_lower(
    r"\b(?:talks?|negotiat\w*|discuss\w*|propos\w*|calls? for|called for|calling for|push\w* for|bids? for|"
    r"efforts?|hopes?|demand\w*|urg\w+|sought|seek\w*|mediat\w*|violat\w*|breach\w*|despite|under|since|during|"
    r"collapse of|end of|ended|fragile|existing|current|terms of|phase of|extend\w*|plans? for|framework|"
    r"brokered|guarantors? of|monitor\w*)\s+(?:[\w'’-]+\s+){0,5}$"
)
UNREACHED_AFTER = compile_lower(
    r"[\s-]+(?:talks|negotiations|proposals?|plans?|efforts|bids?|mediators?|monitors?|lines?|violations?|"
    r"frameworks?|terms|hopes|calls?|demands?)\b|"
    # A truce that counts its days was agreed before: "the truce completes its 44th day".
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:completes?|ends?|finishes|enters?|marks?|reaches|holds? for)\s+(?:its\s+)?"
    r"(?:\d+\w*|[a-z]+)\s+(?:consecutive\s+|straight\s+)?(?:day|week|month)\b"
)


def _unreached(lower: str, start: int, end: int) -> bool:
    """Whether the agreement a word of `lower` names is only talked about, sought, broken or
    already in force: no agreement reached."""
    return bool(
        UNREACHED_BEFORE.search(lower[max(0, start - 60) : start]) or UNREACHED_AFTER.match(lower, end)
    )


# Rockets that carry crews to space and stones thrown at a pillar by pilgrims: words of
# weapons and riots that name neither.
NOT_WEAPONS = compile_lower(
    r"\b(?:falcon \d+|soyuz|ariane|starship|long march \d+|space|carrier|satellite|spacex|nasa)\s+rockets?\b|"
    r"\b(?:launch(?:ed|ing)?|lift(?:ed|ing)? off|blast(?:ed|ing)? off) (?:atop|aboard|on) (?:a |an |the )?(?:[\w-]+ ){0,2}rockets?\b|"
    r"\brockets?\s+(?:lifted off|lifts off|blasted off|carrying (?:astronauts|a satellite|the crew))|"
    r"\b(?:symbolic\s+)?stoning\s+of\s+(?:the\s+)?(?:devil|satan|jamarat)|\bjamarat\b"
)

# "anti" written onto an act's word, with or without its hyphen.
STANCE_BEFORE = re.compile(r"\banti[- ]?$")

# A clash of words: by its kind or its venue, or of things that cannot fight.
WORDY_CLASH_BEFORE = compile_lower(
    r"\b(?:verbal|political|diplomatic|public|televised|heated|angry|legal|ideological|cultural|policy|"
    r"personal|bitter|on-air|online|not|n't|(?:their|his|her) (?:public |heated |angry )?)\s*$"
)
WORDY_CLASH_AFTER = compile_lower(
    r"(?:es|ed)?\s+(?:(?:at|during|in) (?:a |an |the )?(?:[\w'’-]+ ){0,3}?(?:meeting|summit|press conference|"
    r"debate|hearing|session|talks|interview|parliament|assembly|senate|court)|"
    r"with (?:the |a )?(?:[\w'’-]+ ){0,2}?(?:president|prime minister|premier|chancellor|minister|senator|governor|"
    r"mayor|speaker|pope|king|leader|chief justice)\b|"
    r"with (?:the |a |an )?(?:[\w'’-]+ ){0,3}?(?:rules?|laws?|policy|policies|plans?|views?|values|interests|"
    r"constitution|regulations?|principles?|schedule)|of (?:civili[sz]ations|ideas|interests|visions|titans)|"
    # "clashed with Trump and Vance over Washington's stance": whom, then over what.
    r"(?:with (?:[\w'’.-]+ ){1,8}?)?over (?:the )?(?:[\w'’-]+ ){0,2}?(?:policy|policies|budget|tariffs?|trade|"
    r"remarks|comments|statements?|stance|positions?|approach|handling|decisions?|rhetoric|funding|reforms?))\b"
)


# What the report says did not happen: "no arrests were made", "no one was hurt", "orders
# not to target air defences", and bombs that did not go off ("unexploded bombs").
NEGATED_BEFORE = compile_lower(
    r"\b(?:(?:no|nobody|never)\s+(?:one\s+)?(?:(?:was|were|has been|have been|had been)\s+)?|"
    # "No Pakistani soldier killed across LoC", "no civilians were hurt".
    r"no\s+(?!(?:fewer|less|more|longer|sooner)\b|\d)(?:[\w'’-]+\s+){1,2}(?:(?:was|were|has been|have been|had been)\s+)?|"
    r"not\s+(?:to\s+|be\s+)?|unexploded\s+(?:[\w-]+\s+)?)$"
)
# A state's complaint to another, named a protest: "lodged a strong protest", "a protest note".
DIPLOMATIC_BEFORE = compile_lower(
    r"\b(?:lodged|lodges|lodge|registered|conveyed|handed|summoned \w+ to lodge)\s+(?:over\s+)?(?:a\s+|an\s+|its\s+)?"
    r"(?:strong\s+|formal\s+|strongly[- ]worded\s+|diplomatic\s+)?$"
)
# An act named as what a state summons another's envoy over ("Pakistan summons Indian envoy over
# ceasefire violations"): the complaint is the news, the act only its grievance.
SUMMONED_OVER = compile_lower(
    r"\b(?:summon(?:s|ed|ing)?|recall(?:s|ed|ing)?|expel(?:s|led|ling)?)\s+(?:[\w'’.-]+\s+){0,4}?"
    r"(?:envoys?|ambassadors?|diplomats?|charg[ée]s? d['’]affaires|(?:deputy )?high commissioners?)\s+"
    r"(?:[\w'’-]+\s+){0,3}?over\s+(?:[\w'’-]+\s+){0,3}$"
)
DIPLOMATIC_AFTER = compile_lower(r"\s+(?:note|letter|d[ée]marche)s?\b")
FEARED_AFTER = compile_lower(r"\s+(?:threats?|fears?|risks?|alerts?|warnings?|plots?)\b")
# "its protest plans", "the strike call": an act named, only planned or called for; not the
# grievance after a crowd's verb ("marched Thursday against plans to abolish councils").
PLANNED_AFTER = compile_lower(r"\s+(?:plans?|calls?|schedules?)\b")
VERB_ENDING = compile_lower(r"(?:ed|against|over|for|to|on|at)$")


# The learned reading speaks where no row of the table does: a sentence it judges an incident
# report at least this surely gets a trigger of the sub-event type it reads. Its strength is
# below every row's, so a codebook row in the same incident decides the type.
LEARNED_INCIDENT = 0.9
LEARNED_STRENGTH = 15
# The least weight the word cited as evidence must carry for the type it stands for.
LEARNED_EVIDENCE = 1.0
# The least weight that word must carry for the type itself, and how many types are tried.
TYPE_EVIDENCE = 0.5
TYPES_TRIED = 3
CALM_TYPES = frozenset({"Peaceful protest"})
# Codebook: these sub-event types are defined by their weapon, so the learned reading gives one
# only to a sentence that names that weapon ("civilians" is no evidence of a suicide bombing).
WEAPON_OF_TYPE: dict[str, re.Pattern[str]] = {
    "Suicide bomb": compile_lower(
        rf"\b(?:suicide|{SELF_DETONATION}|explosive vests?|"
        r"fidayee\w*|istishhad\w*)"
    ),
    "Grenade": compile_lower(r"\bgrenades?\b"),
    "Chemical weapon": compile_lower(r"\b(?:chemical|chlorine|sarin|mustard gas|nerve agent|toxic gas)"),
    # Codebook: an arrest is people taken, not police at work ("executing a search warrant").
    "Arrests": compile_lower(
        r"\b(?:arrest\w*|detain\w*|detention|custody|held|holding|apprehend\w*|round(?:ed|s|ing)? up|"
        r"nab(?:bed|s)?|captur\w*|seiz\w*|jail\w*|imprison\w*|abduct\w*|picked up|taken in|booked|remand\w*)"
    ),
}
# The types an incident in which people were killed can have.
DEADLY_TYPES = frozenset(
    {"Armed clash", "Attack", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
     "Remote explosive/landmine/IED", "Grenade", "Excessive force against protesters",
     "Violent demonstration", "Mob violence", "Chemical weapon"}
)  # fmt: skip


def _learned_trigger(
    doc: Document, sentence: Mention, model: IncidentModel, feats: set[str], deadly: bool
) -> Mention | None:
    """`deadly`: the sentence counts people killed."""
    text = doc.lower_text[sentence.start : sentence.end]
    if THREATS.search(text):
        # Coding guide: threats are no events ("bomb threats were made targeting airports"); a
        # sentence that tells an act beside its threats names it in a word of the table.
        return None
    ranked = model.sub_event_types(feats)
    if deadly:
        # People died: no protest or development, whatever else the words suggest.
        ranked = [(t, p) for t, p in ranked if t in DEADLY_TYPES] or ranked
    # A figure is no evidence, nor a word of two letters (the article "al" of Syria's places),
    # nor a word that says when or which ("yesterday", "another"): evidence names an act.
    # Nor a word of a group's proper name: "target the Islamic State" names no act in "State"
    # (the "forces" of "Turkish forces" may).
    names = [
        (m.start - sentence.start, m.end - sentence.start)
        for m in doc.layer("actors")
        if m.sentence == sentence.sentence and m.value.named
    ]
    cased = doc.cased_text[sentence.start : sentence.end]
    words = [
        (w, stem(w.group()))
        for w in WORD.finditer(text)
        if not w.group()[0].isdigit()
        and len(w.group()) > 2
        and w.group() not in NOT_EVIDENCE
        and not (
            cased[w.start()].isupper()
            and not cased[w.start() : w.end()].isupper()
            and any(start <= w.start() < end for start, end in names)
        )
    ]
    # The type is the likeliest one some word of the sentence speaks for, and that word is the
    # evidence: "ambush", "kills", "torched". A protest needs a word of protest, not only the
    # prior of a corpus full of protests.
    for sub, _ in ranked[:TYPES_TRIED]:
        if sub in CALM_TYPES and NO_PROTEST_PURPOSE.search(text):
            return None  # codebook: a crowd at prayers, a feast or a funeral is not protesting
        if (sub in CROWD_TYPES or sub in CALM_TYPES) and not (
            CROWD_WORDS.search(text)
            or MARCHERS.search(text)
            or (sub in CALM_TYPES and CALM_WORDS.search(text))
        ):
            # "Lethal victims of organized crime": a protest needs a crowd, or a word of protest.
            continue
        if sub in WEAPON_OF_TYPE and WEAPON_OF_TYPE[sub].search(text) is None:
            continue
        column = model.classes.index(sub)
        best, best_weight = None, 0.0
        for word, stemmed in words:
            if PLANNED_ANYWHERE.search(text, 0, word.start()):
                # "amid the possibility of an operation to be launched against militants by
                # security forces": what follows a plan or a fear is no act of the sentence's.
                continue
            if _EXECUTED_THING.match(text, word.start()):
                continue  # "executing a search warrant": the table's row reads no killing here either
            if SENTENCED_TO.search(text, max(0, word.start() - 60), word.start()):
                continue
            row = model.typer_weights.get(stemmed)
            for_type = row[column] if row else 0.0
            weight = for_type + model.detector_weights.get(stemmed, 0.0)
            if for_type >= TYPE_EVIDENCE and weight > best_weight:
                best, best_weight = word, weight
        if best is not None and sub == "Agreement" and _unreached(text, best.start(), best.end()):
            # "Breaches in the truce areas escalate": as for the table's words, a truce broken,
            # sought or counted on is no agreement made; what the sentence is about is the truce.
            return None
        if best is not None and best_weight >= LEARNED_EVIDENCE:
            start = sentence.start + best.start()
            trigger = Trigger(sub, LEARNED_STRENGTH, sub not in CALM_TYPES)
            return Mention(start, sentence.start + best.end(), "trigger", trigger, sentence.sentence)
    return None  # no word of it speaks for a type: a digest's heading, not an incident


# Words of a protest that names no crowd: "a strike paralysed the city", "a boycott of classes".
CALM_WORDS = compile_lower(
    r"\b(?:strikes?|striking|shutdowns?|shutter[- ]?downs?|hartals?|boycott\w*|walk-?outs?|vigils?|"
    r"sit-down|slogans?|banners?|placards?|petition\w*|dharnas?|block(?:s|ed|ing|ades?)?|demand\w*|chant\w*|"
    r"demonstrat\w*|protest\w*|rall\w*|march(?:ed|es|ing)|gather\w*|occup\w*)\b"
)


# What people gather for that makes no protest: worship, feasts, rites and shows.
NO_PROTEST_PURPOSE = compile_lower(
    r"\b(?:prayers?|worship|congregational|mass\b|eid\b|easter|christmas|diwali|holi\b|festival|festivities|"
    r"celebrat\w+|funeral|burial|wedding|ceremony|concert|glimpse|sermon|pilgrimage|jubilee|parade to mark|"
    r"match\b|tournament|rally car)"
)


NOT_EVIDENCE = frozenset(
    """another other others the this that these those then than there their they them when where
    which while who whom whose what yesterday today tonight tomorrow overnight morning evening
    afternoon night earlier later last next week weekend monday tuesday wednesday thursday friday
    saturday sunday also said says according reached general president election democracy""".split()
)


class TriggerStage:
    name = "triggers"

    def __init__(self, model: IncidentModel | None = None) -> None:
        self.model = model if model is not None else incident_model()

    def __call__(self, doc: Document) -> None:
        mentions: list[Mention] = []
        lower = doc.lower_text
        # Acts the table found that were only possible or feared.
        voided: list[Mention] = []
        # "A capsule mounted on a Falcon 9 rocket", "the symbolic stoning of the devil": words of
        # weapons and riots in a sentence that names neither make no act, learned or not.
        no_weapons = {sentence_of(doc, m.start()) for m in scan(NOT_WEAPONS, lower)}
        not_acts: set[int] = set(no_weapons)
        for pattern, trigger in _COMPILED:
            for match in scan(pattern, lower):
                if no_weapons and sentence_of(doc, match.start()) in no_weapons:
                    continue
                before = lower[max(0, match.start() - 60) : match.start()]
                if SUPPORTING.search(before) or GROUP_AFTER.match(lower, match.end()):
                    continue
                if trigger.sub_event_type in TOPICS and TOPIC_BEFORE.search(before):
                    continue
                if STANCE_BEFORE.search(before):
                    # "anti-coup demonstrators", "anti riot police": a stance or a unit's name,
                    # not the act.
                    continue
                if trigger.sub_event_type in TERRITORY_TYPES and CROWD_BEFORE.search(
                    _clause_before(lower, match.start())
                ):
                    # "Protesters took over the court", "demonstrators retreated from the square":
                    # a crowd that takes or yields ground protests there; it holds no front.
                    trigger = CROWD_MOVES
                if MARKET_BEFORE.search(before) and lower.startswith("rall", match.start()):
                    # "The stock market rally": no act, and none for the learned reading either.
                    not_acts.add(sentence_of(doc, match.start()))
                    continue
                if lower.startswith("protest", match.start()) and (
                    DIPLOMATIC_BEFORE.search(before) or DIPLOMATIC_AFTER.match(lower, match.end())
                ):
                    # "a protest note was handed to the ambassador": a state's complaint, no crowd.
                    not_acts.add(sentence_of(doc, match.start()))
                    continue
                if lower.startswith("clash", match.start()) and (
                    WORDY_CLASH_BEFORE.search(before) or WORDY_CLASH_AFTER.match(lower, match.end())
                ):
                    # "their clash at a White House meeting", "plans did not clash with the rules":
                    # a clash of words, no act, and none for the learned reading either.
                    not_acts.add(sentence_of(doc, match.start()))
                    continue
                if trigger.sub_event_type == "Agreement" and _unreached(lower, match.start(), match.end()):
                    continue
                hypothetical = HYPOTHETICAL_BEFORE.search(before)
                if (
                    (
                        hypothetical is not None
                        and not (
                            trigger.sub_event_type in ATTEMPTS_MADE and ATTEMPTED.match(hypothetical.group())
                        )
                    )
                    or NEGATED_BEFORE.search(before)
                    or SUMMONED_OVER.search(before)
                    or FEARED_AFTER.match(lower, match.end(), match.end() + 12)
                    or (
                        PLANNED_AFTER.match(lower, match.end(), match.end() + 12)
                        and not VERB_ENDING.search(lower, match.start(), match.end())
                    )
                ):
                    voided.append(Mention(*match.span(), "voided", trigger, _sentence_at(doc, *match.span())))
                    continue
                mentions.append(Mention(*match.span(), "trigger", trigger, _sentence_at(doc, *match.span())))
        # A Spanish sentence ("Matan a dos hombres en Uruapan"): the Spanish rows read its acts.
        spanish = spanish_sentences(doc)
        for sentence in doc.layer("sentences") if spanish else ():
            if sentence.sentence in spanish:
                for start, end, sub, strength in spanish_acts(lower, sentence.start, sentence.end):
                    trigger = Trigger(sub, strength, True)
                    mentions.append(Mention(start, end, "trigger", trigger, sentence.sentence))
        for place in doc.layer("places"):
            if place.label != "place":
                continue
            window = max(0, place.start - 70)
            verb = PLACE_TAKEN.search(lower[window : place.start])
            if verb is not None:
                mentions.append(Mention(window + verb.start(), place.end, "trigger", TAKEN, place.sentence))
        # A sentence whose act was only possible or feared gets no learned trigger either.
        covered = {m.sentence for m in mentions} | {m.sentence for m in voided} | not_acts
        killed = {m.sentence for m in doc.layer("casualties") if m.value.outcome == "killed"}
        readings: list[Mention] = []
        # Learned from notes and headlines, the reading is trusted for a trigger in a note or an
        # article's lead, where the report tells its own news; not in an article's body.
        note = is_note(doc)
        for sentence in doc.layer("sentences"):
            feats = features(lower[sentence.start : sentence.end])
            p_incident = self.model.incident_probability(feats)
            readings.append(Mention(sentence.start, sentence.end, "reading", p_incident, sentence.sentence))
            told_as_news = note or sentence.sentence < LEAD_SENTENCES
            if sentence.sentence not in covered and told_as_news and p_incident >= LEARNED_INCIDENT:
                learned = _learned_trigger(doc, sentence, self.model, feats, sentence.sentence in killed)
                if learned is not None:
                    mentions.append(learned)
        mentions.sort(key=lambda m: m.start)
        doc.set_layer("triggers", mentions)
        # Acts the words make only possible, planned or feared: kept so that a report of why
        # nothing was coded can name them.
        doc.set_layer("voided_triggers", voided)
        # How surely each sentence reports an incident, by the learned reading: assembly lets a
        # sure one stand as news without a day or a place ("Bomb kills soldier in NW Pakistan").
        doc.set_layer("incident_readings", readings)
