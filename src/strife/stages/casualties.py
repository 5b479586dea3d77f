"""Casualty figures: a number, the people it counts, and whether they died or were hurt.

"the deaths of 18 security personnel and 12 terrorists", "killing at least 10 terrorists",
"three policemen were martyred", "the death toll rose to 30", "injuring 32 others".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from strife.document import Document, Mention
from strife.stages.calendar import MONTHS
from strife.stages.casualty_subjects import OPENS_CLAUSE, subject_of
from strife.stages.lexicon import compile_lower, scan
from strife.stages.numbers import NUMBER_PATTERN, QUALIFIER_PATTERN, Quantity, quantity
from strife.stages.sentences import sentence_of, sentence_span
from strife.stages.spanish import killings as spanish_killings
from strife.stages.spanish import spanish_sentences
from strife.stages.taken_spans import TakenSpans
from strife.stages.truecase import common_words

# Who a counted noun is, for the split by party: state forces, armed groups, civilians, unknown.
VICTIM_NOUNS: dict[str, str] = {
    "soldier": "state", "soldiers": "state", "troops": "state", "security personnel": "state",
    "personnel": "state", "security forces": "state", "security officials": "state",
    "policemen": "state", "policeman": "state", "police officers": "state", "police officer": "state",
    "cops": "state", "police": "state", "cop": "state", "constables": "state", "constable": "state", "officers": "state",
    "officer": "state", "jawans": "state", "levies": "state", "fc": "state", "sepoys": "state", "sepoy": "state",
    "militants": "armed", "militant": "armed", "terrorists": "armed", "terrorist": "armed",
    "insurgents": "armed", "attackers": "armed", "attacker": "armed", "gunmen": "armed",
    "gunman": "armed", "assailants": "armed", "fighters": "armed", "rebels": "armed",
    "khwarij": "armed", "khawarij": "armed", "kharijis": "armed", "bomber": "armed",
    "suicide bomber": "armed", "suspects": "armed", "dacoits": "armed",
    "civilians": "civilian", "civilian": "civilian", "children": "civilian", "child": "civilian",
    "women": "civilian", "woman": "civilian", "passengers": "civilian", "worshippers": "civilian",
    "students": "civilian", "villagers": "civilian", "labourers": "civilian", "laborers": "civilian",
    "workers": "civilian", "pilgrims": "civilian", "residents": "civilian", "protesters": "civilian",
    "demonstrators": "civilian", "bystanders": "civilian", "teachers": "civilian",
    "journalists": "civilian", "journalist": "civilian", "farmers": "civilian", "traders": "civilian", "shopkeepers": "civilian", "drivers": "civilian",
    "guards": "civilian", "doctors": "civilian", "polio workers": "civilian", "elders": "civilian",
    "tribal elders": "civilian", "worshipers": "civilian", "pedestrians": "civilian", "girls": "civilian",
    "boys": "civilian", "lawyers": "civilian", "advocates": "civilian", "judges": "civilian",
    "couple": "civilian", "pupils": "civilian", "schoolchildren": "civilian", "devotees": "civilian", "mourners": "civilian", "miners": "civilian", "fishermen": "civilian",
    "people": "unknown", "persons": "unknown", "person": "unknown", "others": "unknown",
    "individuals": "unknown", "men": "unknown", "man": "unknown", "victims": "unknown",
    "bodies": "unknown", "members": "unknown", "member": "unknown",
    "youths": "unknown", "youth": "unknown", "inmates": "civilian", "prisoners": "civilian",
    "hostages": "civilian", "detainees": "civilian", "monks": "civilian", "priests": "civilian",
    "aid workers": "civilian", "health workers": "civilian", "crew members": "unknown",
    "forces": "state", "guardsmen": "state", "gendarmes": "state", "peacekeepers": "state",
    "border guards": "state", "border guard": "state", "coast guards": "state", "coast guard": "state",
    "commander": "unknown", "commanders": "unknown", "officials": "unknown", "official": "unknown",
    "leaders": "unknown",
    "combatants": "armed", "militiamen": "armed", "guerrillas": "armed", "subversives": "armed",
    "extremists": "armed", "jihadists": "armed", "kidnappers": "armed",
    "citizens": "civilian", "citizen": "civilian", "locals": "civilian", "local": "civilian",
    "tourists": "civilian", "refugees": "civilian", "migrants": "civilian", "patients": "civilian",
    "teenagers": "civilian", "teens": "civilian", "medics": "civilian", "paramedics": "civilian",
    "nurses": "civilian", "rescuers": "civilian", "engineers": "civilian", "vendors": "civilian",
    "herders": "civilian", "tribesmen": "unknown", "travellers": "civilian", "travelers": "civilian",
    "commuters": "civilian", "motorists": "civilian",
    "clerics": "civilian", "imams": "civilian", "pastors": "civilian", "nuns": "civilian",
    "fathers": "civilian", "mothers": "civilian", "sons": "civilian", "daughters": "civilian",
    "brothers": "civilian", "husband": "civilian", "wife": "civilian", "activists": "civilian",
    "service members": "state", "servicemen": "state", "servicemembers": "state", "marines": "state",
    "rangers": "state", "paramilitaries": "state", "troopers": "state", "cadets": "state",
    "policewomen": "state", "policewoman": "state", "security men": "state", "army men": "state",
    # Ranks: "Pakistan Army major killed", "a corporal and a guerrilla have been killed". Not
    # "major" or "general", which news writes as adjectives ("a major attack").
    "captains": "state", "colonels": "state", "lieutenants": "state", "brigadiers": "state",
    "sergeants": "state", "corporals": "state", "havildars": "state", "naiks": "state",
    "subedars": "state",
    "perpetrators": "armed", "shooters": "armed", "hijackers": "armed", "assassins": "armed",
    "informants": "civilian", "informers": "civilian", "patrons": "civilian", "customers": "civilian",
    "shoppers": "civilian", "abductees": "civilian", "captives": "civilian", "family members": "civilian",
    "taliban": "armed", "taleban": "armed",
    # Who planned or helped an attack: "forces kill key planner of school massacre".
    "mastermind": "armed", "masterminds": "armed", "planner": "armed", "planners": "armed",
    "facilitator": "armed", "facilitators": "armed", "ringleader": "armed", "ringleaders": "armed",
    # "6 military killed", as translated reports write it.
    "military": "state",
    "peasants": "civilian", "campesinos": "civilian", "businessmen": "civilian", "businessman": "civilian",
    "watchmen": "civilian", "watchman": "civilian", "chowkidars": "civilian",
    # Communities by faith or people: "86 Shiites killed in two bomb blasts", "11 Christians killed".
    "shiites": "civilian", "shias": "civilian", "sunnis": "civilian", "christians": "civilian",
    "muslims": "civilian", "hindus": "civilian", "sikhs": "civilian", "ahmadis": "civilian",
    "hazaras": "civilian", "yazidis": "civilian", "copts": "civilian", "alawites": "civilian",
    # Village heads: "Naxalites gunned down the village sarpanch".
    "headmen": "civilian", "sarpanches": "civilian", "sarpanch": "civilian",
    # "the murder of the two Mormon missionaries", "gunmen killed three aid volunteers".
    "missionaries": "civilian", "missionary": "civilian", "volunteers": "civilian", "diplomats": "civilian",
    "employees": "civilian", "contractors": "civilian", "relatives": "civilian", "professors": "civilian",
    "voters": "civilian",
    # "The pilot, who survived, was then kidnapped and executed", "a passerby was shot dead".
    "pilots": "unknown", "pilot": "unknown", "crew": "unknown", "individual": "unknown",
    "bodyguards": "unknown", "bodyguard": "unknown", "companions": "unknown", "companion": "unknown",
    "minors": "civilian", "reporters": "civilian", "photographers": "civilian", "cameramen": "civilian",
    "passersby": "civilian", "passerby": "civilian", "passers-by": "civilian", "sisters": "civilian",
    "aides": "civilian", "tailors": "civilian", "guides": "civilian",
    "privates": "state", "bombers": "armed",
}  # fmt: skip
# Office-holders killed for what they are: "guerrillas killed the mayor", "gunmen shot dead two
# councillors". Codebook: officials who bear no arms are civilians. Their "death" alone is no
# killing: news reports a senator's death of old age in the same words.
OFFICE_NOUNS = frozenset(
    {
        "mayors", "governors", "councillors", "councilors", "politicians", "lawmakers", "legislators",
        "senators", "candidates", "prosecutors",
    }
)  # fmt: skip
VICTIM_NOUNS |= dict.fromkeys(OFFICE_NOUNS, "civilian")
# One of them: "a migrant worker was beaten to death", "a 45-year-old woman was martyred".
VICTIM_NOUNS |= {
    noun[:-1]: party
    for noun, party in list(VICTIM_NOUNS.items())
    if party != "unknown"
    and noun.endswith("s")
    and noun[:-1] not in VICTIM_NOUNS
    and not noun.endswith(("ss", "ies", "men"))
    and noun not in ("forces", "security forces", "levies", "khawarij")
}
# "A serviceman was wounded", "a militiaman was killed": one of those who are "-men".
VICTIM_NOUNS |= {
    noun[:-3] + "man": party
    for noun, party in list(VICTIM_NOUNS.items())
    if party != "unknown" and noun.endswith("men") and len(noun) > 5 and noun[:-3] + "man" not in VICTIM_NOUNS
}

# "bayoneted to death", "bludgeoned to death": how, not whether; not a court's sentence.
_TO_DEATH_ANY_MEANS = r"(?!sentenced|condemned)[a-z]+ed to death"
# "had been stabbed a number of times and died at the scene": hurt, then dead.
_HURT_THEN_DIED = (
    r"(?:stabbed|shot|beaten|wounded|injured)\b[^.;]{0,50}?\band\s+(?:later\s+|subsequently\s+|then\s+)?"
    r"(?:died|succumbed)\b"
)
DEATH_WORDS = (
    r"killed|dead|died|die|dies|martyred|shot dead|gunned down|cut down|(?:lost|lose|loses|losing) (?:their|his|her) li(?:fe|ves)|"
    r"(?:shot|stabbed|tortured|hacked|clubbed|burnt|burned|beaten) to death|murdered|massacred|"
    r"perished|slain|slaughtered|embraced martyrdom|embraced shahadat|succumbed to (?:their|his|her) injuries|"
    r"(?:sacrificed|laid down) (?:their|his|her) li(?:fe|ves)|pronounced dead|had (?:their|his|her) heads? cut off|"
    r"(?:beaten|burned|burnt|hacked|stoned)(?: and (?:beaten|burned|burnt|hacked|stoned))? to death|lynched|"
    rf"{_TO_DEATH_ANY_MEANS}|executed|beheaded|decapitated|dismembered|shot and killed|{_HURT_THEN_DIED}"
)
# "A marine was shot in the shoulder": hit in a limb, hurt; a shot to the head or the chest may
# have killed, and says neither.
INJURY_WORDS = (
    r"injured|wounded|hurt|sustained injuries|received injuries|stabbed(?! to death)|"
    r"shot\s+in\s+the\s+(?:(?:left|right)\s+)?(?:shoulders?|legs?|arms?|hands?|foot|feet|thighs?|knees?|ankles?|hips?)"
)

_NOUN = "|".join(re.escape(n) for n in sorted(VICTIM_NOUNS, key=len, reverse=True))
# Up to four words between the number and the noun: "18 Pakistani security personnel", "three
# Democratic Republic of Congo soldiers".
# No figure: "a number of 43 people" counts 43. No other clause: "left one dead and two others
# injured" counts one dead, not one of the others. "One U.S. soldier": an abbreviation's dots.
# No fraction: "two thirds of them women" counts no two.
# No number word either: "left a balance of three militants killed" counts three, not "a".
_NOT_MODIFIER = [
    *"and or were was are dead killed injured wounded thirds quarters fifths tenths percent".split(),
    # Nor a clause, a place's or a time's phrase: "for about 12 hours which left the militants
    # killed", "jets kill 17 in anti-militant offensive / Pak military kills…".
    *"which who that when hours days weeks months years minutes in on at near during after before".split(),
    *"but over across into through under against since while as".split(),
    *"two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty dozens? hundreds?".split(),
    # "Two IS militants": the Islamic State, not a verb.
    "is(?! (?:militants|fighters|jihadists|members|gunmen|attackers|suspects|activists|operatives|terrorists|commanders))",
]
_MODIFIERS = rf"(?:(?!\d|(?:{'|'.join(_NOT_MODIFIER)})\b)(?:[\w'’\-]+|(?:[a-z]\.){{2,}})\s+){{0,4}}?"


def _count(tag: str = "") -> str:
    """A counted noun phrase; `tag` keeps group names apart when two appear in one pattern."""
    return (
        # "killing all 21 people on board": every one of them, counted.
        # "killing 10–15 people": a range, as "between 10 and 15".
        rf"(?:all\s+(?=\d)|a total of\s+)?(?:(?P<qual{tag}>{QUALIFIER_PATTERN})\s+)?"
        rf"(?:between\s+(?P<low{tag}>{NUMBER_PATTERN})\s+and\s+|(?P<dash{tag}>\d+)\s*[-–]\s*(?=\d))?"
        rf"(?P<num{tag}>{NUMBER_PATTERN})\s+{_MODIFIERS}[\"“‘']?(?P<noun{tag}>{_NOUN})\b[\"”’']?"
    )


_COUNT = _count()

# Words between a counted noun and its verb ("were also killed", "who was later shot dead"):
# auxiliaries and adverbs only, so "a resident said gunmen killed…" counts no resident.
_GAP = (
    r"(?:(?:was|were|is|are|has|have|had|been|being|got|also|reportedly|allegedly|later|all|both|"
    r"subsequently|critically|seriously|severely|badly|mortally|fatally|instantly|who|that|were|then|"
    r"eventually|each|among|them|those|on the spot|apparently|initially|found)\s+){0,4}?"
    # "were captured and executed", "was abducted and killed": what befell them first.
    r"(?:(?:captured|abducted|kidnapped|taken|dragged|tortured|shot|attacked|ambushed|beaten) and\s+)?"
    # "One person said killed by Indian firing", "were reported to have been killed".
    r"(?:(?:said|reported|feared|believed)\s+(?:to\s+(?:have\s+been|be)\s+)?)?"
)
# Whose the counted people are: "two members of the National Resistance Front".
# Its words are no verb's: "24 members of the security forces were killed and several others
# injured" is two figures, not one phrase running on to "injured".
_OF_WORD = r"(?!(?:were|was|are|is|had|have|has|and|killed|died|injured|wounded)\b)[\w'’\-]+"
_OF_PHRASE = rf"(?:\s+(?:of|from)\s+(?:the\s+)?(?:{_OF_WORD}\s+){{0,5}}?{_OF_WORD})?"
# Words between the counted people and their verb that say who they were or what they were
# doing: "55 people including women and children have been killed", "three investigators
# traveling in a car were killed", "Two men, including a prominent local elder have been assassinated".
_ABOUT_THEM = (
    r"(?:,?\s+(?:including|among them|aged|[a-z]+ing)\s+[^.;()]{1,70}?(?=\s+(?:were|have|had|are)\b))?"
)
# A bare verb after its noun with an object after it is active ("a bomber killed 7", "murdered
# Mayor Chamorro"), where no auxiliary made it passive ("two soldiers were killed two days ago");
# a headline's passive has none ("Four soldiers killed in Kurram").
_ACTIVE_AFTER = compile_lower(
    # Not a time: "22 soldiers embraced martyrdom a day ago", "killed the night before".
    r"(?!\s+(?:a|an|the|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[a-z]+\s+)?(?:days?|weeks?|months?|"
    r"years?(?![\s-]+old)|nights?|hours?|minutes?|mornings?|evenings?|afternoons?|fortnight|decades?|while|day|time)\b)"
    rf"\s+(?:(?:{QUALIFIER_PATTERN})\s+)?(?:\d|(?:an?|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten)\b"
    r"|(?:" + "|".join(sorted((re.escape(n) for n in VICTIM_NOUNS), key=len, reverse=True)) + r")\b)"
)
_AUXILIARY = compile_lower(r"\b(?:was|were|is|are|been|be|being|has|have|had|got)\b")
# "18 soldiers were killed", "three policemen also lost their lives"
PASSIVE = compile_lower(
    # "Twelve people (nine soldiers and three civilians) are killed": who they were, in brackets.
    rf"\b{_COUNT}{_OF_PHRASE}(?:,[^,.;]{{1,60}},|\s*\([^()]{{1,80}}\))?{_ABOUT_THEM}\s+{_GAP}(?P<verb>{DEATH_WORDS}|{INJURY_WORDS})\b",
)
# The nouns that name a killing, whose "of" names its dead: "the murder of eight people".
_KILLING_NOUNS = r"(?:killings?|murders?|massacres?|slayings?|assassinations?|executions?|lynchings?)"
# "killing at least 10 terrorists", "the deaths of 18 security personnel", "injuring 32 people"
ACTIVE = compile_lower(
    rf"\b(?P<verb>shot dead|shoots? dead|gunned down|shot and killed|fatally (?:shot|stabbed|wounded)|(?:beat|burned|burnt|stoned|hacked) to death|killing|killed|kills|kill|executed|executing|executes?|beheaded|beheads?|dismember(?:s|ed)?|"
    rf"murdered|massacred|slaughtered|lynched|left|leaving|(?:claim|tak|took)\w* the li(?:fe|ves) of|deaths? of|bodies of|"
    # "last Thursday's murder of eight people", "the killing of two journalists": the act named.
    rf"{_KILLING_NOUNS} of|"
    rf"martyring|injuring|injured|wounding|wounded|neutrali[sz]ed|neutrali[sz]ing|eliminated|"
    rf"eliminating)\s+(?:(?:himself|herself|themselves) and\s+)?(?:the\s+)?{_COUNT}",
)
# "Eighteen soldiers and twelve militants were killed": two figures sharing one verb
PASSIVE_PAIR = compile_lower(
    rf"\b{_count('1')}{_OF_PHRASE}\s+(?:and|as well as)\s+{_count('2')}{_OF_PHRASE}\s+{_GAP}(?P<verb>{DEATH_WORDS}|{INJURY_WORDS})\b",
)
# "… and 12 terrorists" continuing a figure just found
# The figure ends where a list goes on or the clause does: ", a local aid group said" names no
# local among the dead.
CONTINUATION = compile_lower(
    rf"\s*(?:,\s*|\s+and\s+|,\s*and\s+|as well as\s+){_COUNT}"
    # Not one with a verb of its own: "killed two soldiers and 4 others were injured".
    r"(?=\s*(?:[,.;:)]|$|(?:and|or|who|in|on|at|near|including|among|of|from|while|when)\b))"
)
# "the death toll rose to 30", "death toll climbed to 12"
TOLL = compile_lower(
    r"\b(?:death toll|toll|number of (?:people |those |persons )?(?:killed|dead)|number of dead)\b"
    rf"(?:(?!\b(?:injured|wounded|hurt)\b)(?:[^.;]|\.(?=\S))){{0,100}}?\b(?:(?P<rise>rose to|risen to|rises to|climbed to|climbs to|jumped to|jumps to|"
    rf"reached|reaches|increased to|increases to|went up to|mounted to|mounts to|touched|touches|hit|hits|"
    rf"soared to|soars to|surged to|surges to)|stood at|stands at|to|at)\s+(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\b",
)
TOLL_OF = compile_lower(rf"\bof\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?P<noun>{_NOUN})\b")
# "Bomb attack kills 11 in Quetta", "drone strike kills two near the border": headline style,
# a number of dead with no noun after it.
UNCOUNTED = compile_lower(
    rf"\b(?P<verb>kills|killed|killing|kill|claims the lives of|claimed the lives of|claims|leaves|left|shoots? dead|"
    rf"shot dead|murders?|murdered|"
    rf"executes?|executed|executing|massacres?|massacred|dismembers?|dismembered|beheads?|beheaded|"
    # "riots resulting in the death of two; a police officer and a youth".
    rf"deaths? of|"
    # "A package bomb injures 32 on the 30th floor".
    rf"injures?|injured|injuring|wounds?|wounded|wounding)\s+"
    rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})(?:\s+more)?"
    # "kills nine-year-old" is one child of nine, not nine people.
    # "The blast killed seven (including two policemen)", "police kill 6 linked to the attack".
    # "National Guard kills 2 then reportedly plants evidence": what they did next.
    r"(?=\s*(?:[,.;:(]|$|(?:in|at|near|on|as|after|before|while|when|including|during|across|outside|inside|and|by|of them|linked|suspected|"
    r"accused|wanted|involved|belonging|then)\b|-(?!(?:[a-z]+-)*years?-old)))"
    # "kill seven at least": the qualifier after the figure.
    r"(?:\s+(?P<after>at least|at most))?"
)
# "Bus bombing kills 24 Shiites", "killing 11 Hazaras": a count of people the noun table does
# not know, after a killing verb.
ACTIVE_OTHERS = compile_lower(
    rf"\b(?P<verb>kills|kill|killed|killing|massacres?|massacred|executes?|executed|executing|"
    rf"murder(?:s|ed|ing)?|assassinat(?:es|ed|ing)|behead(?:s|ed|ing)?|slaughter(?:s|ed|ing)?|lynch(?:es|ed|ing)?|"
    rf"shoots? dead|shot dead|guns? down|gunned down|wounds?|wounded|wounding|injures?|injured|injuring)\s+"
    rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?:[\w'’\-]+\s+){{0,2}}?"
    rf"(?P<noun>[a-z]+s|[a-z]*men|people)\b"
)
# "managing to injure one of them", "killing two of them": a count of people named just before.
OF_THEM = compile_lower(
    rf"\b(?P<verb>kill(?:s|ed|ing)?|execut(?:es|ed|ing)|wound(?:s|ed|ing)?|injur(?:e|es|ed|ing))\s+"
    # "killing twelve of the helicopter's occupants", "executed 175 of the 300 workers".
    rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+of\s+(?:them|those|the|their)\b"
)
# "detonating it and killing himself", "blew himself up", "detonated himself": the bomber died
# by his own device.
SELF_KILLED = compile_lower(
    r"\b(?P<verb>killing|killed|kills|blowing|blew|blows|detonat(?:ed|ing|es)|explod(?:ed|ing|es))\s+"
    r"(?:him|her)self(?:\s+up)?\b"
)
# "Gul Mohammad, head of the council, was gunned down", "Artan was killed on scene": a person
# named, killed. Read on the cased text, where a name is capitalised.
_NAME_WORD = (
    r"(?!(?:Army|Forces?|Police|Province|District|City|State|Party|Movement|Front|Group|Council|"
    r"Ministry|Government|Republic|Islamic|National|United|Brigade|Corps|Regiment|Guard|Street|Road|Town|"
    r"Village|Camp|Hospital|University|School|Mosque|Church|Market|Station|Airport|Bridge|Valley|Agency|"
    r"The|A|An)\b)[A-Z][a-z]+"
)
# A word after this is a place or a thing, not a person named alone ("a resident of Yarka").
PLACE_OF = re.compile(r"\b(?:of|in|from|at|near|to|on|for|with|by|the)\s+$", re.I)
NAMED_KILLED = re.compile(
    # "Theo van Gogh was murdered", "Airey Neave is killed" (history told in the present).
    rf"\b(?P<noun>{_NAME_WORD}(?:[ -](?:{_NAME_WORD}|al|bin|ibn|abu|ul|ud|de|da|del|van|von|der|den)){{0,3}}),?\s+"
    r"(?:[^,.;]{1,80},\s+)?(?:(?:was|is|has been|had been)\s+(?:(?:also|reportedly|allegedly|later)\s+)?"
    # "is kidnapped and murdered", "was found dead", "was fatally shot".
    r"(?:(?:kidnapped|abducted|captured|tortured) and\s+(?:(?:later|then)\s+)?)?"
    r"(?P<verb>shot and killed|(?:shot|stabbed|beaten|hacked|tortured) to death|killed|murdered|shot dead|"
    r"gunned down|assassinated|slain|beheaded|martyred|executed|lynched|found dead|fatally (?:shot|stabbed|wounded))\b"
    # "Former prime minister Rajiv Gandhi assassinated in a bomb blast": a headline's bare
    # participle, with no one after it that the name would have killed.
    r"|(?P<verb2>assassinated|shot dead|gunned down)\b"
    r"(?!\s+(?:an?|the|his|her|their|one|two|three|four|five|six|seven|eight|nine|ten|\d)\b))"
)
# "15 Afghan Taliban killed", "Nearly 60 Myanmar Regime Forces Killed": a count of a group by
# its name, headline style. Read on the cased text.
NAMED_COUNT = re.compile(
    # "2 other SDF were killed": more of them than those told before.
    rf"(?i:\b(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN}))\s+(?:other\s+|more\s+)?"
    r"(?P<noun>(?:[A-Z][\w'’\-]*\s+){1,3}?)(?:(?:were|have been|had been|are)\s+)?"
    # "Five Kashmiris reported killed", "Three Pakistanis said killed".
    r"(?:(?:said|reported|feared|believed)\s+(?:to\s+(?:have\s+been|be)\s+)?)?"
    r"(?P<verb>[Kk]illed|[Dd]ead|[Ww]ounded|[Ii]njured|[Ss]lain)\b"
)
# "IS kills 6 YPG", "Army kills 30 Boko Haram in Borno": a count of an armed group by its name
# (the `named_groups` layer), after the verb that killed them; the count ends where the name
# begins.
KILLED_COUNT_BEFORE = compile_lower(
    rf"\b(?P<verb>kill(?:s|ed|ing)?)\s+(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?:more\s+)?$"
)
# Party of the members of a named group, by the group's actor category: rebels, political and
# identity militias bear arms against the state.
MEMBERS_PARTY = {2: "armed", 3: "armed", 4: "armed"}
# "Leader of La Linea in Chihuahua killed": a headline whose subject is one person, however
# the headline goes on about whose and where.
HEADLINE_ONE = compile_lower(
    # Not "… and his brother were gunned down" (PAIR_WITH_KIN): two people.
    r"^\W*(?:an?\s+|the\s+)?(?:[a-z]+\s+)?(?P<noun>[a-z]+)\s+(?:of|from|in)\s+(?:(?!\b(?:were|and (?:his|her|their))\b)[^.;:,]){0,90}?\s+"
    r"(?:(?:was|has been)\s+)?(?P<verb>killed|shot dead|gunned down|assassinated|murdered|executed|slain)"
    # "… was shot dead by unidentified gunmen."
    r"(?:\s+(?:by|in|on|at|near)\b[^.;:]*)?\W*$"
)
# "Town councillor slain in northern Honduras", "Taxi driver executed in Ciudad Juarez": a
# headline's subject, one person by a bare singular noun the noun table need not know, since these
# verbs befall people.
# Not "Bill killed in Senate": the noun is checked against things (NOT_PEOPLE) and plurals.
HEADLINE_BARE = compile_lower(
    r"(?P<lead>(?:[\w.'’\-]{1,40}\s+){0,2}[\w.'’\-]{1,40}:\s+)?"
    r"[\"“‘']?(?:(?!(?:and|or|of|in|at|the|a|an)\b)[\w'’\-]{1,40}\s+){0,2}?"
    r"(?P<noun>[a-z]{3,40}(?:['’]s\s+[a-z]{3,40})?)\s+(?:was\s+)?"
    r"(?P<verb>killed|slain|murdered|assassinated|executed|beheaded|decapitated|lynched|shot dead|gunned down|"
    r"(?:shot|stabbed|beaten|hacked|burned|burnt|tortured) to death)\b"
    # Where or how it befell them, or nothing: "… executed in Ciudad Juarez", "…slain: police".
    r"(?=\s*(?:$|[,:;(\-–—]|(?:in|at|near|by|on|after|during|inside|outside|while|as|amid|over)\b))"
    # "Islamic State killed at least 5": who killed, and a count.
    r"(?!\s*at\s+(?:least|most|leas)\b)"
)
# Words that head such a subject without being one person: "Another strike killed", "both".
NOT_A_HEADLINE_VICTIM = frozenset(
    "both those these all each either none strike attack was were are been being".split()
)
# "Triple homicide reported in Culiacan": killings counted by their word; "the double homicide"
# is one told before.
MULTIPLE_KILLING = compile_lower(
    r"\b(?P<num>double|triple|quadruple)\s+(?P<verb>homicide|murder|killing|execution)s?\b"
)
TOLD_BEFORE = compile_lower(r"\b(?:the|this|that)\s+$")
MULTIPLES = {"double": "two", "triple": "three", "quadruple": "four"}
# "The governor of Galgaduud and his brother were gunned down": one person and his kin, two dead.
_KIN = (
    r"brother|sister|son|daughter|wife|husband|father|mother|nephew|niece|cousin|uncle|bodyguard|driver|guard"
)
PAIR_WITH_KIN = compile_lower(
    r"\b(?:a|an|the|one)\s+(?:[\w'’\-]+\s+){0,3}?(?P<noun>[a-z]+)\s+(?:(?:of|from|in|for)\s+(?:[\w'’\-]+\s+){1,4}?)?"
    rf"and\s+(?:his|her)\s+(?:[\w'’\-]+\s+)?(?:{_KIN})\s+were\s+(?:(?:also|later|both)\s+)?"
    r"(?P<verb>killed|shot dead|gunned down|murdered|assassinated|slain|executed|shot and killed|beheaded|wounded|injured)\b"
)
# "Terror attacks claim 8 lives": lives counted, headline style; what a war "has claimed" is a
# running toll.
LIVES = compile_lower(
    rf"\b(?<!has )(?<!have )(?<!had )(?P<verb>claim(?:s|ed)?|cost(?:s)?)\s+(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?"
    # "Drug-cartel wars claim five more victims".
    rf"(?P<num>{NUMBER_PATTERN})\s+(?:more\s+)?(?:lives|victims)\b"
)
# "20 Execution Victims Litter the Streets", "three massacre victims": the dead named by the
# killing they died in.
KILLING_VICTIMS = compile_lower(
    rf"\b(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?:more\s+)?"
    r"(?:murder|execution|massacre|homicide|killing)\s+victims\b"
)
# "Bomb kills religious leader", "gunmen kill vaccinator", "kills nine-year-old": one victim the
# noun table does not know, named by a bare noun between a killing verb and where it happened.
# The noun is what the verb acts on; a plural or a function word is no single victim.
ONE_UNKNOWN = compile_lower(
    r"\b(?:(?P<verb>kills|kill|shoots? dead|guns? down|murders|stabs? to death|behead(?:s|ed)?|"
    r"assassinat(?:es?|ed)|sl(?:it|its|itting) (?:the )?throats? of)\s+(?:an?\s+|the\s+)?|"
    r"(?:killed|killing|murdered|shot dead)\s+(?:an?|one)\s+|"
    # "killed twenty-five-years-old Shalom": a person named by the age written out.
    r"(?:killed|murdered|shot dead)\s+(?=(?:[a-z]+-)+years?-old\b))"
    r"(?:(?:[a-z][\w'’\-]*|\d+-[\w'’\-]+)\s+){0,2}?"
    r"(?P<noun>(?:[a-z]+-)*[a-z]+-years?-old|[a-z]{3,}(?<!s))"
    r"(?=\s*(?:[,.;:]|$|(?:in|at|near|on|as|after|during|outside|inside|while|from|and)\b|-\s))"
)
# A count before the word makes it a noun: "Three murders in Culiacan".
COUNT_BEFORE = compile_lower(rf"\b(?:{NUMBER_PATTERN})\s+$")
# "They kill him while he was buying…", "gunmen shot her dead": one victim named only by a
# pronoun. Where the incident counts its dead otherwise, they are among them (fatalities.py).
PRONOUN_KILLED = compile_lower(
    r"\b(?P<verb>kills?|killed|killing|murder(?:s|ed)?|execut(?:es?|ed)|stab(?:s|bed) to death|"
    r"shoot(?:s)? dead|shot dead|guns? down|gunned down|assassinat(?:es?|ed)|lynch(?:es|ed)?|hang(?:s|ed)?)\s+"
    r"(?P<noun>him|her)\b(?!\s*(?:self|and)\b)"
    # "shot him dead", "They shot him to death", "beat her to death".
    r"|\b(?P<verb2>shoots?|shot|stabbed|beat|beaten|hacked|burned|burnt|stoned)\s+(?P<noun2>him|her)\s+(?:dead|to death)\b"
    # "He was gunned down near his residence": the one the report has named, as the subject.
    r"|\b(?P<noun3>he|she)\s+(?:was|had been|has been)\s+(?:(?:allegedly|reportedly|later)\s+)?"
    r"(?P<verb3>shot dead|gunned down|shot and killed|killed|murdered|assassinated|(?:stabbed|beaten) to death)\b"
)
PRONOUN_VICTIMS = frozenset({"him", "her"})
# "A PIRA unit shot dead Guinness Book of Records founder Ross McWhirter": one person, named
# after the verb. Read on the cased text, where a name is capitalised.
NAMED_VICTIM = re.compile(
    r"\b(?P<verb>shot dead|shot and killed|gunned down|assassinated|murdered|killed|executed|beheaded|"
    r"stabbed to death|abducted and killed|kidnapped and killed)\s+"
    r"(?!(?:in|on|at|near|by|during|as|when|after|while|and|or|with|for|from|over|off|himself|herself|"
    r"themselves|him|her|them|was|were|is|are|has|have|had|been|being|including|among)\b)"
    r"(?P<gap>(?:[\w'’\-]+\s+){0,5}?)"
    rf"(?P<noun>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|al|bin|ul|de|da))+)\b"
)
# "was killed along with two associates": one person and those with him, three dead.
_KILLED_ALONG_WITH = (
    rf"\b(?:was|is|has been|had been)\s+(?:(?:also|reportedly|later)\s+)?(?P<verb>{DEATH_WORDS})\s+"
    r"(?:along|together)\s+with\s+"
)
ALONG_WITH = compile_lower(
    _KILLED_ALONG_WITH + rf"(?:(?:his|her)\s+)?(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?"
    rf"(?P<num>{NUMBER_PATTERN})\s+(?:[\w'’\-]+\s+){{0,2}}?(?P<noun>[a-z]+s|[a-z]*men|people)\b"
)
_ALONG_OTHERS = (
    rf"(?:along|together)\s+with\s+(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+"
    r"(?:other\s+|more\s+)?(?:[\w'’\-]+\s+){0,2}?(?P<noun>[a-z]+s|[a-z]*men|people)\b"
)
# "Militants killed the district police chief along with nine other policemen": one and the
# others, killed by one verb.
ACTIVE_ALONG_WITH = compile_lower(
    r"\b(?P<verb>killed|killing|kills|murdered|executed|shot dead|gunned down)\s+(?:the|a|an)\s+"
    r"(?:(?!(?:and|or|in|at|on|near)\b)[\w'’\-]+\s+){0,4}?" + _ALONG_OTHERS
)
# "An anti-Taliban politician, together with three police officers, was killed".
ASIDE_ALONG_WITH = compile_lower(
    r"\b(?:a|an|the|one)\s+(?:[\w'’\-]+\s+){0,4}?[a-z]+,\s+"
    + _ALONG_OTHERS
    + rf",\s+(?:was|were|has been|had been)\s+(?:(?:also|reportedly|later)\s+)?(?P<verb>{DEATH_WORDS})\b"
)
# "At least four FC and police personnel were killed", "Eight police and army soldiers have been
# killed": one count of a noun that two words qualify, joined by "and".
_COORDINATED_WORD = (
    rf"(?!(?:and|or|were|was|are|is|have|has|had|dead|killed|injured|wounded|left|leaving|at|least|more|than|"
    rf"others?|{NUMBER_PATTERN})\b)[a-z][\w'’\-]*\s+"
)
COORDINATED = compile_lower(
    rf"\b(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?!(?:an?|one)\b)(?P<num>{NUMBER_PATTERN})\s+"
    rf"(?P<first>(?:{_COORDINATED_WORD}){{1,3}}?)and\s+(?:{_COORDINATED_WORD}){{0,4}}?(?P<noun>{_NOUN})\b"
    rf"\s+{_GAP}(?P<verb>{DEATH_WORDS}|{INJURY_WORDS})\b"
)
# "Islamic State burned 5 civilians alive".
BURNED_ALIVE = compile_lower(rf"\bburn(?:ed|t|s|ing)?\s+(?:the\s+)?{_COUNT}\s+alive\b")
# "is killed along with his driver and three bodyguards": one person and a list of those with him.
ALONG_WITH_LIST = compile_lower(_KILLED_ALONG_WITH)
# The dead found: "Police find 5 bodies in Juarez", "the bodies of 12 men were recovered", "They
# find the body of a man", "Body found in cooler".
# Not "exhumed": the dead of a grave dug up were counted when they died.
_FOUND = r"(?:found|recovered|discovered|dumped|retrieved)"
# "They leave two dismembered bodies", "gunmen abandoned three bodies": bodies left by killers.
_FIND = rf"(?:finds?|locates?|recover(?:s|ed)?|discover(?:s|ed)?|dumps?|retrieves?|leaves?|left|abandon(?:s|ed)?|{_FOUND})"
BODIES_FOUND = compile_lower(
    rf"\b(?P<verb>{_FIND})\s+(?:the\s+)?(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+"
    rf"(?:[\w'’\-]+\s+){{0,2}}?(?:bodies|corpses)\b"
    rf"|\b(?:(?P<qual2>{QUALIFIER_PATTERN})\s+)?(?P<num2>{NUMBER_PATTERN})\s+(?:(?!\d)[\w'’\-]+\s+){{0,2}}?"
    # "Two bodies, one headless and the other with bullet wounds, were found", "28 bodies of
    # alleged peasants were found".
    rf"(?:bodies|corpses)(?:,[^,.;]{{1,60}},|\s+of\s+(?:[\w'’\-]+\s+){{0,2}}[\w'’\-]+)?\s+"
    rf"(?:(?:were|have been|had been|are|was)\s+)?"
    # "10 bodies were brought to the hospital"
    rf"(?P<verb2>{_FOUND}|brought)\b"
)
BODY_FOUND = compile_lower(
    # "Cartel leaves dismembered corpse": what the body was may stand between.
    rf"\b(?P<verb>{_FIND})\s+(?:an?\s+|the\s+)?(?:[\w'’\-]+\s+){{0,2}}?(?:body|corpse)\b(?!\s+(?:parts|counts?|of\s+(?:water|evidence)))"
)
BODY_FOUND_OPENING = compile_lower(rf"\W*(?:an?\s+|the\s+)?(?:body|corpse)\s+(?:was\s+)?{_FOUND}\b")
# "the bullet-riddled body of a tribal elder was found in Mir Ali": whose body stands between.
BODY_OF_FOUND = compile_lower(
    rf"\b(?:an?\s+|the\s+)(?:[\w'’\-]+\s+){{0,2}}?(?:body|corpse)\s+of\s+(?:an?\s+|the\s+)?"
    rf"(?:[\w'’\-]+\s+){{0,5}}?(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+)?{_FOUND}\b"
)
# A cartel's dead, counted by what it leaves: "3 decap heads left with narco message", "Five
# Dismembered Corpses in Acapulco", "Two CJNG vs CSRL Executions"; one where its remains are
# shown ("Cadaver with manta left in Morelia", "leaves human remains inside coolers").
CARTEL_DEAD = compile_lower(
    rf"\b(?P<num>{NUMBER_PATTERN})\s+(?:(?!\d)[\w'’\-]+\s+){{0,3}}?"
    r"(?:(?:decap(?:itated)?|severed)\s+heads|(?:dismembered|decapitated|mutilated)\s+(?:corpses|bodies|cadavers)|"
    r"executions)\b"
)
# The words CARTEL_DEAD cannot match without.
CARTEL_DEAD_WORDS = ("heads", "corpses", "bodies", "cadavers", "executions")
CARTEL_REMAINS = compile_lower(
    r"\b(?:(?:an?|one|the)\s+)?(?:cadaver|corpse|body)\s+with\s+(?:an?\s+)?(?:narco[- ]?)?mantas?\b"
    r"|\b(?:leaves?|left|dumped|hangs?|hanging|displayed)\s+(?:\w+\s+){0,2}?human\s+remains\b"
    r"|\bhuman\s+remains\s+(?:were\s+|are\s+)?(?:left|dumped|hang|hanging|displayed)\b"
)
# What might have been, not what was: "the bombing could have caused a chain reaction,
# killing thousands of people".
COUNTERFACTUAL = compile_lower(r"\b(?:could|would|might)\s+(?:well\s+)?have\b[^.;:!?]{0,50}$")
# A count of a year's or a month's dead, told beside the incident's: "131 murders this year".
TALLY_AFTER = compile_lower(
    rf"\s+(?:so far\s+)?(?:this|last)\s+(?:year|month|{'|'.join(MONTHS)})\b|\s+so far\b"
)
# A share of a people, not a count of them: "one in four", "two out of every ten".
RATIO_AFTER = compile_lower(
    r"\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|a\s+hundred)\b"
)
ENDS_ON_NUMBER = compile_lower(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))$")
# A death that a crowd protests or a probe looks into, told as the grievance, not as the act.
_GRIEVANCE = (
    r"\b(?:over|against|protest(?:s|ed|ing)?|mourn(?:s|ed|ing)?|justice (?:for|in|over)|probe into|inquiry into|"
    r"investigation into|investigat(?:ing|es|ed)|outrage at|anger (?:at|over)|angered (?:at|over|by))\s+(?:the\s+)?"
)
GRIEVANCE_BEFORE = compile_lower(_GRIEVANCE + "$")
# A death named by a noun ("the death of", "the killing of"): what a grievance can be about.
NAMED_DEATH = compile_lower(rf"(?:deaths?|{_KILLING_NOUNS}) of\b")
# "for justice in the death of a young man killed during street demonstrations": the one whose
# death is the grievance, counted inside it.
GRIEVED_DEATH_OF = compile_lower(_GRIEVANCE + r"(?:deaths?|killings?|murders?) of\s+$")
# "…the country's bloodiest day since coordinated attacks in January 2011 left more than 130
# dead": the toll of the past the incident is measured against, in the clause of "since" (not
# "in one of the deadliest days since the truce, clashes killed 6").
COMPARED_SINCE = compile_lower(
    r"\b(?:highest|deadliest|worst|largest|biggest|heaviest|bloodiest|most violent)\b[^.;]{0,50}"
    r"\bsince\b[^.;,]*$"
)
# A killing verb after "to" is what someone meant to do ("a plot to kill", "tried to murder").
INTENDED = compile_lower(
    r"\b(?:plot|plots|plotted|plan|plans|planned|planning|attempt|attempts|attempted|attempting|try|tries|"
    r"tried|trying|bid|conspiracy|conspired|threat|threats|threatened|threatening|vow|vows|vowed|sought|"
    r"seek|seeks|seeking|want|wants|wanted|intend|intends|intended|order|ordered|orders|aim|aimed|aims|"
    r"failed|unable|allegedly hired|hired|paid)\s+to\s+$"
)
KILL_VERB = compile_lower(r"(?:kill|murder|assassinate|execute|behead|eliminate|shoot)\b")
# "Another man was executed": one more victim, with no figure.
ANOTHER = compile_lower(
    rf"\b(?:another|one more)\s+{_MODIFIERS}(?P<noun>{_NOUN})\s+{_GAP}(?P<verb>{DEATH_WORDS})\b"
)
# Nouns that, after a killing verb, are no person: "kill time", "kills hope", "killed in action".
NOT_A_VICTIM = frozenset(
    "time hope deal bill plan talks process idea motion chance growth one two him her them it this that "
    "itself all more several dozen scores many few others".split()
)
NUMBER_WORD = compile_lower(rf"\b(?:{NUMBER_PATTERN})\b|\d")
# A month just before a figure, in the same sentence: the figure is its day.
# Not after a day written before its month: "on 23 September 28 bodies were found" counts 28.
DAY_OF_MONTH = compile_lower(
    r"(?<!\d\d\s)(?<!\d\s)\b(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\s+$"
)
# A year where a count would stand: news writes counts in the thousands with a comma.
YEAR = re.compile(r"(?:19|20)\d\d\b(?!,)")
# "Bomb kills soldier", "gunmen kill police officer": one person, headline style, no number.
SINGULAR_NOUNS: dict[str, str] = {
    noun: party
    for noun, party in VICTIM_NOUNS.items()
    if not noun.endswith(("s", "men"))
    and noun
    not in {
        "police",
        "fc",
        "personnel",
        "security personnel",
        "children",
        "women",
        "men",
        "people",
        "member",
        "military",
    }
} | {
    noun[:-1]: party
    for noun, party in VICTIM_NOUNS.items()
    if noun.endswith("s")
    and not noun.endswith(("ss", "ies", "men"))
    and noun not in ("others", "bodies", "persons")
}
_SINGULAR = "|".join(re.escape(n) for n in sorted(SINGULAR_NOUNS, key=len, reverse=True))
SINGLE = compile_lower(
    # Not "a plot to kill a leader of the group": what was meant, not done.
    rf"(?<!\bto\s)\b(?P<verb>kills|kill|killed|killing|shoots? dead|shot dead|guns? down|gunned down|murders?|murdered|"
    rf"(?:claimed|claiming|claims|took|taking|takes|cost|costing) the life of|death of|"
    rf"executes?|executed|beheads?|beheaded|dismembers?|dismembered|lynch(?:es|ed)|"
    rf"wounds?|wounded|wounding|injures?|injured|injuring)\s+"
    # "killed by the gunman": who killed, not who died.
    # Not "killing a man and his son" (a pair, PAIR_WITH_KIN); "killing a man and injuring nine".
    rf"(?!by\b)(?:the\s+)?(?:[\w'’\-]+\s+){{0,2}}?(?P<noun>{_SINGULAR})\b"
    # "killed the mayor of Hostigal": the office's place or body, after it, is no other victim.
    r"(?!['’]s|\s+and\b(?!\s+(?:injur|wound|leav|left|hurt)))"
)
# "killed a family of seven", "a family of five was killed": the family's members, counted.
FAMILY_OF = compile_lower(
    rf"\b(?:(?P<active>kill(?:s|ed|ing)?|wip(?:es|ed|ing) out)\s+)?(?:an?|the|one|entire|whole|\s)+family\s+of\s+"
    rf"(?P<num>{NUMBER_PATTERN})(?:\s+(?:people|persons|civilians|members))?"
    rf"(?(active)|\s+(?:(?:was|were|have been|has been|had been)\s+)?(?:killed|wiped out|dead))\b"
)
AGED_BEFORE = compile_lower(r"\baged\s+(?:\d+\s*(?:and|to|-)\s*)?$")
# A person's age, written as news notes write it: "21-year-old", "21 year old", "21 years old".
AGE = re.compile(r"\b(\d{1,3})\s*[- ]?years?[- ]old\b")
# Nouns that count more than one: "kill Gurkha couple" is two dead.
NOUN_COUNTS = {"couple": "two"}
# Nouns that are a person only right before the verb: "Army major killed" (not "a major attack"),
# "militia leader's kin dies".
HEADLINE_ONLY_NOUNS = {"major": "state", "general": "state", "kin": "civilian"}
_HEADLINE_ONLY = "|".join(HEADLINE_ONLY_NOUNS)
# What a victim was doing, told between the victim and the verb of a headline: a present
# participle and its object ("guarding polio workers", "escorting a convoy"); not "including".
# Words in -ing that are no participle here: prepositions, and the names of acts and times
# ("Aerial shelling leaves people killed").
_NOT_A_PARTICIPLE = (
    r"(?!(?:including|during|according|following|regarding|concerning|shelling|bombing|firing|fighting|"
    r"shooting|killing|building|meeting|morning|evening|wedding|gathering|uprising|crossing|housing|"
    r"training|funding|ceiling|landing|clothing|bombarding)\b)"
)
_DOING = rf"{_NOT_A_PARTICIPLE}[a-z]{{2,}}ing(?:\s+[\w'’\-]{{1,40}}){{1,3}}?"
# "Woman killed in Indian shelling": a headline's one victim, with no article or number.
HEADLINE_SINGLE = compile_lower(
    # "Pakistan says Kashmir woman killed…", "Pakistan police say militant group member killed":
    # who says it may open the headline.
    # Words of at most 40 letters: an unbounded word tried at every letter of one long token
    # ("aaaa…", a 2 MB body) would make the search quadratic.
    rf"(?:(?:[\w'’\-]{{1,40}}\s+){{1,3}}?(?:says?|said|claims?)\s+)?"
    # "Cd Obregon: Father shot dead inside church": a place may head it; "Landmine explosion |
    # Regime soldier killed": a kicker.
    rf"(?P<lead>(?:[\w.'’\-]{{1,40}}\s+){{0,2}}[\w.'’\-]{{1,40}}(?::|\s+\|)\s+)?"
    rf"[\"“‘']?(?:[\w'’\-]{{1,40}}\s+){{0,2}}?(?P<noun>{_SINGULAR}|{_HEADLINE_ONLY})\s+"
    # "Policeman guarding polio workers shot dead": what the one victim was doing on the way.
    rf"(?:{_DOING}\s+)?(?:was\s+)?"
    rf"(?P<verb>killed|shot dead|gunned down|martyred|injured|wounded|dies|died|dead)\b"
    # "Gunman killed a prayer leader": the noun did the killing.
    r"(?!\s+(?:an?|the|his|her|their|one|two|three|four|five|\d)\b)"
)
# "Coalition airstrikes kill civilians", "gunmen killed more villagers": people killed and no
# number. Codebook: "several" with no number is 3, imputed.
_PLURAL = "|".join(
    re.escape(n)
    for n in sorted(VICTIM_NOUNS, key=len, reverse=True)
    if n.endswith(("s", "men", "people", "children")) and n not in ("others", "bodies")
)
PLURAL_UNCOUNTED = compile_lower(
    rf"\b(?P<verb>kills|kill|killed|killing|massacred|massacre|executed|execute|executes)\s+(?!(?:of|by)\b)(?:more\s+)?"
    # "no one was killed when militants attacked": a clause's word ends the object.
    rf"(?:(?!(?:when|as|while|after|before|during|in|at|on|near|and|but|since|because|if)\b)[\w'’\-]+\s+){{0,2}}?"
    rf"(?P<noun>{_PLURAL})\b"
)
# "Soldiers killed in ambush", "Civilians were massacred in a village raid": people killed, told
# before the verb, with no number. Only where the verb ends its phrase (a place, a time, a
# clause follows), so "Troops killed militants" is no count of troops.
PLURAL_UNCOUNTED_BEFORE = compile_lower(
    rf"(?<![\w'’\-])(?P<noun>{_PLURAL})\s+(?:(?:were|are|have been|had been|also|reportedly)\s+){{0,2}}"
    r"(?P<verb>killed|massacred|executed|martyred|shot dead|gunned down|slain|beheaded)"
    r"(?=\s*(?:$|[,.;:!?—–]|\s-\s|(?:in|on|at|near|by|as|when|while|after|during|and|yesterday|today|"
    r"overnight|amid|across|outside|inside|following|along|since|last|this)\b))"
)
# "Some of the students were burned alive": a part, uncounted, of a group told before.
SOME_OF_THEM = compile_lower(
    rf"\b(?:some|several|many|a number) of (?:the|them|those)\s+(?:(?P<noun>{_PLURAL})\s+)?(?:were|had been|have been)\s+"
    r"(?:\w+\s+)?(?P<verb>killed|shot dead|burned alive|burnt alive|burned to death|burnt to death|beheaded|executed|"
    r"massacred|slain|hacked to death)\b"
)
# "CJNG dumps corpses", "Bodies found in Culiacan": the dead of a killing, with no number.
BODIES_UNCOUNTED = compile_lower(
    # Not "recovered the bodies": bodies told of before.
    r"\b(?:(?:dump(?:s|ed|ing)?|found|finds?|recovered|discovered|locate[sd]?|left)\s+"
    r"(?:(?!(?:the|these|those|their|his|her|its|of)\b)[\w'’\-]+\s+){0,2}?"
    r"(?P<noun>bodies|corpses)|(?P<noun2>bodies|corpses)\s+(?:were\s+|have been\s+|are\s+)?"
    r"(?:found|dumped|recovered|discovered|located|left))\b"
)
_CLAUSE_BREAK = re.compile(r"[.;:!?\n,(]")
# Before such a plural, what makes it no new uncounted group: a count anywhere in its clause ("two
# soldiers", "10 soldiers and pro-government fighters", "a group of villagers"), a group told
# before ("the soldiers", "those civilians"), a whole ("families of soldiers killed").
_PLURAL_COUNTED_BEFORE = compile_lower(
    rf"\b(?:{NUMBER_PATTERN})\b|\d|\b(?:the|these|those|both|all|of|their|his|her|its|our|no|other)"
    r"(?:\s+[\w'’\-]+){0,3}\s+$"
)


def _uncounted_before(text: str, start: int, floor: int) -> bool:
    """Whether the clause before `start` leaves the plural there uncounted (`_PLURAL_COUNTED_BEFORE`),
    and the plural is not what someone killed was doing to ("Policeman guarding polio workers shot
    dead": the policeman died). `floor`: where its sentence begins, before which no clause is its
    own (a heading's year, "Timeline -2021", above "Pakistani forces killed in Turbat")."""
    clause = _CLAUSE_BREAK.split(text[max(floor, start - 60) : start])[-1]
    return _PLURAL_COUNTED_BEFORE.search(" " + clause) is None and _DOING_BEFORE.search(clause) is None


def _sentence_start(doc: Document, offset: int) -> int:
    span = sentence_span(doc, offset)
    return span.start if span is not None else 0


# A present participle whose object the plural after it is: "guarding", "escorting".
_DOING_BEFORE = compile_lower(rf"\b{_NOT_A_PARTICIPLE}[a-z]{{2,}}ing\s+$")


# "an Apra candidate for deputy was murdered", "a shopkeeper was shot dead": one person the noun
# table does not know, killed or hurt.
# How one person's death or wound is told after the person: "was shot dead", "has been
# critically injured".
_ONE_WAS_HURT = (
    r"(?:was|is|has been|had been)\s+(?:(?:also|reportedly|allegedly|later|critically|seriously|subsequently|then|eventually)\s+)?"
    # "A postmaster was kidnapped and later killed": what befell him first.
    r"(?:(?:kidnapped|abducted|captured|seized|tortured|taken hostage)\s+and\s+(?:(?:later|then|subsequently)\s+)?)?"
    # Hurt, then dead: outside the verb group, which a death does without.
    rf"(?:{_HURT_THEN_DIED}|"
    r"(?P<verb>shot and killed|(?:shot|stabbed|beaten|hacked|burned|burnt|stoned|tortured) to death|killed|murdered|"
    r"shot dead|gunned down|assassinated|slain|beheaded|dismembered|martyred|executed|lynched|pronounced dead|wounded|injured|"
    rf"fatally (?:shot|stabbed|wounded|injured)|{_TO_DEATH_ANY_MEANS}|"
    # "An 18-year-old was stabbed with a screwdriver": hurt. Not "was shot", which as often
    # tells a death ("was shot in the head and later died") or an accident.
    r"stabbed(?! to death))\b)"
)
ONE_KILLED = compile_lower(
    # "A Central Reserve Police Force jawan was killed": a unit's name may describe him.
    # "A Border Security Force (BSF) officer": an initialism in brackets may stand among them.
    r"\b(?:a|an|one|another)\s+(?:(?!(?:who|whom|which|that|was|were|is|the|and|or|by)\b)(?:[\w'’\-]+|\([\w.\-]{1,12}\))\s+){0,5}?"
    # "A negotiator for the main opposition party was shot dead": who he was, in a phrase or two.
    # "A shopkeeper belonging to the Hazara community was killed": or whom he belonged to.
    r"(?P<noun>[a-z]+(?:-[a-z]+)*)(?:\s+|(?=,\s*who\b))(?:(?:for|of|from|in|belonging to|working (?:for|with|at)|"
    r"employed (?:by|at)|affiliated (?:to|with)|associated with|linked to|hailing from)\s+"
    r"(?:(?!(?:was|were|is)\b)[\w'’\-]+\s+){1,4}?){0,2}"
    # "a boy named Abdullah Issa was", "a pharmacist, 45, was"
    r"(?:named\s+(?:[\w'’\-]+\s+){1,3}|,[^,.;]{1,60},\s+)?"
    # "an employee who was held hostage was shot dead", "a man, who was later shot and killed".
    # A participle's phrase: "One woman selling fruit on the street was killed".
    r"(?:[a-z]+ing\s+(?:(?!(?:was|were|is|who|that)\b)[\w'’\-]+\s+){0,5}?)?"
    r"(?:,?\s*(?:who|that)\s+(?:(?:was|had been)\s+(?!(?:also|reportedly|allegedly|later|subsequently|then|eventually)\b)"
    r"(?:[\w'’\-]+\s+){1,3}?(?=(?:was|has been|had been)\b))?)?"
    # "A 74-year-old man succumbed to his injuries": the wounds of an attack told after.
    rf"(?:{_ONE_WAS_HURT}|(?P<verb2>succumbed to (?:his|her) (?:injuries|wounds)|died of (?:his|her) (?:injuries|wounds))\b)"
)
# "Locals beat him and he later died": the one an act was done to, dead of it.
DIED_OF_IT = compile_lower(
    r"\b(?:him|her)\b[^.;]{0,60}?\band\s+(?P<who>he|she)\s+(?:later\s+|subsequently\s+|eventually\s+|then\s+)?died\b"
)
# "the attacker was killed", "the driver was shot dead": one person the table knows, named before.
THE_ONE_KILLED = compile_lower(rf"\bthe\s+(?:[\w'’\-]+\s+){{0,2}}?(?P<noun>{_SINGULAR})\s+" + _ONE_WAS_HURT)
# "seven crew members died", "Nearly 60 Myanmar Regime Forces Killed": a count of people the
# noun table does not know, before a death or injury verb.
NOT_PEOPLE = frozenset(
    "attacks strikes airstrikes blasts explosions clashes bombs shells rockets missiles drones incidents "
    "years days months hours weeks times cases raids operations houses homes vehicles cars buildings "
    "shops villages areas districts kilometres kilometers miles km rounds votes seats "
    # Acts, not people: "the gunfight in Bajaur … left the militants killed".
    "gunfight fighting battle operation raid ambush shootout clash encounter attack blast explosion bombing "
    # Animals: "more than 550 rhinos have been killed" in a protest against poaching.
    "animals rhinos elephants lions tigers cattle cows goats sheep camels horses donkeys dogs birds livestock "
    "buffaloes pigs chickens poultry fish dolphins whales sharks wolves bears monkeys".split()
)
COUNTED_OTHERS = compile_lower(
    # Not a clause's words: "Flight 427 but is killed".
    rf"\b(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?:(?!(?:but|and|or|who|which|that|is|was)\b)[\w'’\-]+\s+){{0,3}}?"
    rf"(?P<noun>(?!(?:is|was|has|his|its|this|us|as)\b)[a-z]+s|[a-z]*men|people){_ABOUT_THEM}\s+"
    rf"(?:(?:were|was|have been|had been|are|also|reportedly|reported|all)\s+){{0,2}}"
    rf"(?P<verb>killed|died|dead|wounded|injured|hurt|martyred|perished|slain|executed|assassinated|murdered|"
    rf"shot dead|gunned down|beheaded|lynched|massacred|(?:shot|stabbed|beaten|burned|burnt|hacked) to death)\b"
)
# "Two Palestinians attacked a soldier with knives and were shot dead", "Three brothers were
# kidnapped by militants and were later executed": counted people who acted or were acted on,
# then died, the subject of both verbs.
SHARED_SUBJECT = compile_lower(
    rf"(?:^|(?<=[.;:]\s))\W*(?:the\s+)?(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+{_MODIFIERS}"
    rf"(?P<noun>{_NOUN}|[a-z]{{3,}}s|[a-z]*men)\s+(?:(?:were|was)\s+)?[a-z]+(?:ed|ew|ot|ght|ook)\b[^.;:]{{0,100}}?"
    rf",?\s+and\s+(?:were|was)\s+(?:(?:later|also|subsequently|then|eventually|all|both)\s+)?"
    rf"(?P<verb>{DEATH_WORDS}|{INJURY_WORDS})\b"
)
# "A provincial minister later put the death toll at 42": a later figure is an update.
UPDATE = compile_lower(r"\b(?:later|subsequently|since|updated|revised|new)\b")
# "killing them both", "at least 6 deaths of the Syrian Army": counts with no noun of people.
BOTH = compile_lower(
    r"\b(?P<verb>killing|killed|kills|kill|wounding|wounded|injuring|injured)\s+(?:them\s+)?both\b"
    # "shot and killed both attackers"
    r"(?:\s+(?:of\s+the\s+)?(?:[\w'’\-]+\s+)?(?:[a-z]+s|[a-z]*men)\b)?|"
    # "They were both shot dead", "both were killed".
    # "Both attackers were shot dead".
    r"\bboth\s+(?:of\s+them\s+|(?:[\w'’\-]+\s+)?(?:[a-z]+s|[a-z]*men)\s+)?(?:were\s+|have\s+been\s+)?(?:later\s+)?"
    r"(?P<verb2>killed|shot dead|executed|beheaded|died|wounded|injured)\b"
)
DEATH_NOUNS = ("deaths", "fatalities", "martyrs", "homicides", "murders", "killings", "executions")
DEATHS = compile_lower(
    # "8 military deaths", "six FMLN deaths": whose deaths may stand between.
    rf"\b(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+(?:more\s+)?(?:(?!\d)[\w'’\-]+\s+){{0,2}}?"
    # "Eight violent homicides", "13 murders in three days": killings counted.
    rf"(?P<verb>{'|'.join(DEATH_NOUNS)})\b"
    # "6 deaths of the Syrian Army and 10 of the Islamic State": whose they were, for the split.
    r"(?:\s+(?:of|among)\s+(?:the\s+)?(?!(?:and|or|in|on|at|as|after|when|during|while)\b)[\w'’\-]+"
    r"(?:[ \t]+(?!(?:and|or|in|on|at|as|after|when|during|while)\b)[\w'’\-]+){0,3})?"
)
# One death named by its noun: "One death in Indian firing across LoC". Not a death squad's, a
# threat's or a sentence's.
ONE_DEATH = compile_lower(
    r"\b(?:one|a single)\s+(?:more\s+)?(?:death|fatality|martyr)\b"
    r"(?!\s+(?:squads?|penalty|penalties|sentences?|threats?|tolls?|row|march|anniversary|certificates?|camps?|"
    r"warrants?|wish|blow|trap|knell)\b)"
)
# How a count "left" was left: "the blast left 11 people dead".
LEFT_STATE = compile_lower(
    r"\s+(?:(?:people|persons|others)\s+)?(?P<how>dead|killed|injured|wounded|hurt|martyred)\b"
)
# "five dead", "10 killed in blast" (headline style, no noun)
BARE = compile_lower(
    rf"\b(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+"
    # "Two more killed in Sagaing": more of them, as the report goes on.
    r"(?:more\s+)?"
    # "Two more including 16-year-old boy killed": who was among them, in a headline's few words.
    r"(?:including\s+(?:(?!(?:who|that|which|were|was|and|in|on|at|as|by)\b)[\w'’\-]+\s+){1,4}?)?"
    # "At least 32 were killed": the people left unnamed; "184 until now were killed".
    r"(?:(?:until now|so far|till now|thus far|up to now)\s+)?"
    rf"(?:(?:were|have been|had been|are)\s+(?:(?:also|reportedly|all)\s+)?)?"
    # "Three more said killed in Kashmir shelling": the headline's hedge.
    r"(?:(?:said|reported|feared|believed)\s+)?"
    rf"(?P<verb>killed|dead|injured|wounded|died|dies|die|hurt|slain|massacred|murdered|executed|beheaded|"
    # "Four shot dead in Quetta": a headline's dead, how they were killed told with them.
    r"shot dead|gunned down|shot and killed|(?:stabbed|hacked|beaten|stoned|burnt|burned|tortured) to death)\b"
)
# Vague words that stand for a toll on their own ("Dozens killed in blast", "tens were killed"),
# as "some" or "a" do not.
TOLL_WORDS = frozenset({"dozens", "tens", "scores", "several", "many", "hundreds", "a number of", "a few"})
# "abandoned 27 of their dead comrades", "left behind 12 of their dead": the dead of a side, counted.
OF_THEIR_DEAD = compile_lower(
    rf"\b(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+of\s+(?:their|its|his|our)\s+"
    r"(?P<verb>dead|killed)\b"
)
# "They shot a cyclist to death", "stabbed two men to death": the victims between verb and end.
# Whatever the verb and its tense ("torture three villagers to death", "burn two men to death"),
# but a court's sentence.
TO_DEATH = compile_lower(
    rf"\b(?P<verb>(?!sentenc|condemn)[a-z]+)\s+(?P<num>{NUMBER_PATTERN})\s+"
    rf"(?:[\w'’\-]+\s+){{0,2}}?(?P<noun>[a-z]+)\s+to death\b"
)
UNKNOWN_NUMBER = re.compile(
    r"\ban?\s+(?:unknown|undisclosed|unspecified|undetermined|unconfirmed)\s+number\b"
)
NO_ONE = re.compile(r"\bno[ -]one\b", re.I)
# "No Pakistani soldier killed across LoC": none of them, whatever noun follows "no".
NONE_OF = re.compile(r"\bno\s+(?!fewer|less|more)(?:[\w'’\-]+\s+){0,2}$")
NONE_LEADS = re.compile(r"no\s+(?!fewer|less|more)")
# "No U.N., Somali or international staff were injured or killed in the attack": a sentence whose
# subject is "no …" counts no one, however long the noun phrase.
NONE_SUBJECT = re.compile(
    r"(?:^|[.;:!?]\s+|\n\s*)no\s+(?!fewer|less|more|sooner|longer|doubt)(?:[\w'’.,\-]+\s+){0,7}?"
    r"(?:was|were|has been|have been|had been|is|are)\s+(?:(?:reported\s+)?(?:injured|hurt|wounded|harmed)\s+or\s+)?$",
    re.I,
)

# "including 18 soldiers": a part of the total just given, not a new figure
PART_MARKER = re.compile(r"(?:including|among them|among whom|of whom|of them)\s*$")
# "6 Taliban attackers were also killed", "killing six other soldiers": dead besides those
# counted before. Not "two others were killed", which as often tells again of those counted
# ("killed along with two associates … two others were killed on the spot").
BESIDES = re.compile(r"\b(?:also|other|another)\b")
BESIDES_BEFORE = re.compile(r"\balso\s+$")
# "An imam was among those killed": one of the dead counted already.
AMONG_THE_DEAD = re.compile(
    r"\bamong\s+(?:those|the)\s+(?:killed|dead|victims|casualties|wounded|injured|martyred)\b"
)

# Headlines tell in the present: "bomber wounds two" hurt them, as "wounded" would.
_INJURY_VERBS = re.compile(rf"^(?:{INJURY_WORDS}|injuring|wounding|wounds?|injures?|hurts?|stabbed)$")


@dataclass(frozen=True, slots=True)
class Casualty:
    count: Quantity
    outcome: str  # "killed" | "injured"
    party: str  # "state" | "armed" | "civilian" | "unknown" | "total"
    noun: str
    toll: bool = False  # a running total that supersedes earlier figures
    part: bool = False  # a part of a total given in the same breath ("including 18 soldiers")
    besides: bool = False  # more dead than those counted before ("were also killed", "six other soldiers")


def _joined(first: Casualty, second: Casualty) -> Casualty:
    a, b = first.count, second.count
    count = Quantity(a.value + b.value, a.low + b.low, a.high + b.high, a.vague or b.vague, a.qualifier)
    return Casualty(count, first.outcome, first.party, f"{first.noun} and {second.noun}")


# "About 14 people were killed and injured", "Airstrikes kill and injure 20 persons": one count
# of the dead and the hurt together, which says only that some died. Coded as the codebook's
# "a number of" dead (3, imputed), never all of the count: at least one died, at least one was hurt.
KILLED_AND_HURT_AFTER = compile_lower(r"\s+(?:and|or|&)\s+(?:injured|wounded|hurt)\b")
KILLED_AND_BEFORE = compile_lower(r"\b(?:kill(?:s|ed|ing)?|dead)\s+(?:and|or|&)\s+$")
HURT_VERB = compile_lower(r"(?:injur|wound|hurt)")
KILLING_FIRST = compile_lower(
    r"(?:kill|murder|assassinat|execut|behead|eliminat|shoot|shot|slaughter|massacr|left|leav)"
)
SOME_OF_THE_HURT = 3


def _dead_among_the_hurt(text: str, mention: Mention) -> Mention:
    """A count of the dead and the hurt together, as the dead among them."""
    value = mention.value
    # The count before its verbs ("14 people were killed and injured"); "killed two people and
    # wounded 100 others" counts each apart.
    combined = (
        value.outcome == "killed"
        and not KILLING_FIRST.match(text, mention.start)
        and KILLED_AND_HURT_AFTER.match(text, mention.end)
    ) or (
        value.outcome == "injured"
        and HURT_VERB.match(text, mention.start)
        and KILLED_AND_BEFORE.search(text, max(0, mention.start - 20), mention.start)
    )
    total = value.count.value
    if not combined or total < 2 or value.count.vague:
        return mention
    dead = Quantity(min(SOME_OF_THE_HURT, total - 1), 1, total - 1, vague=True)
    return replace(mention, value=replace(value, count=dead, outcome="killed"))


def party_of(noun: str) -> str:
    """Whose a counted noun is, plural or singular ("soldiers", "a security official")."""
    return VICTIM_NOUNS.get(noun) or SINGULAR_NOUNS.get(noun) or HEADLINE_ONLY_NOUNS.get(noun, "unknown")


def _headline_victim(text: str, sentence: Mention) -> re.Match[str] | None:
    """A headline's one victim: by a noun the table knows, or by a bare singular noun."""
    if (match := HEADLINE_SINGLE.match(text, sentence.start, sentence.end)) is not None:
        return match
    match = HEADLINE_BARE.match(text, sentence.start, sentence.end)
    if (
        match is None
        or match.group("noun").endswith("s")
        or match.group("noun").split()[-1] in NOT_PEOPLE | NOT_A_VICTIM | NOT_A_HEADLINE_VICTIM
        # "Two killed in Indian shelling": a count, read as such elsewhere.
        or NUMBER_WORD.search(text, sentence.start, match.end("noun"))
    ):
        return None
    return match


def _natural_death(verb: str, noun: str) -> bool:
    """Whether a count is an office-holder's death ("the death of a senator"), which news words
    alike however it came."""
    return verb.lower().startswith("death") and (noun in OFFICE_NOUNS or f"{noun}s" in OFFICE_NOUNS)


# A toll that rose to a figure over a span of time: "…kill 16 citizens today and raise the death
# toll to 120 civilian casualties during 11 days".
RUNNING_SPAN = compile_lower(
    r"\s*(?:[\w'’-]+\s+){0,3}?(?:(?:during|over|within|in)\s+(?:the\s+)?(?:past\s+|last\s+)?"
    r"(?:less than\s+|more than\s+)?(?:\d+|[a-z]+)\s+(?:consecutive\s+)?(?:days|hours|weeks|months)\b|since\b)"
)


def _without_running_tolls(text: str, found: list[Mention]) -> list[Mention]:
    """The counts without a running toll over days that a sentence gives after its own count:
    the incident's dead are the count told first, the toll sums many incidents."""
    running = {
        id(m)
        for m in found
        if m.value.party == "total"
        and RUNNING_SPAN.match(text, m.end)
        and any(o.sentence == m.sentence and o.value.party != "total" and o.end <= m.start for o in found)
    }
    return [m for m in found if id(m) not in running] if running else found


def _acts_on_object(text: str, subject_end: int, verb_start: int, verb_end: int) -> bool:
    """Whether the verb after a counted subject takes an object with no auxiliary between them:
    the subject are the doers ("four alleged terrorists murdered Mayor Chamorro")."""
    return _ACTIVE_AFTER.match(text, verb_end) is not None and not _AUXILIARY.search(
        text, subject_end, verb_start
    )


def _outcome(verb: str) -> str:
    return "injured" if _INJURY_VERBS.match(verb.strip()) else "killed"


# Words before a noun that say whose it is: "a local police commander", "two army officials".
OWNER_WORDS = {"police": "state", "army": "state", "military": "state", "security": "state",
               "forces": "state", "paramilitary": "state", "junta": "state", "regime": "state",
               "rebel": "armed", "militant": "armed",
               "civilian": "civilian"}  # fmt: skip
OWNER_BEFORE = re.compile(r"\b(" + "|".join(OWNER_WORDS) + r")\b")
OWNER = re.compile(
    r"^\s+(?:of|from)\s+(?:the\s+)?(?:[\w'’\-]+\s+){0,3}?("
    + "|".join(
        re.escape(n) for n, p in sorted(VICTIM_NOUNS.items(), key=lambda i: -len(i[0])) if p != "unknown"
    )
    + r")\b"
)


def _make(match: re.Match[str], outcome: str, tag: str = "") -> Casualty | None:
    count = quantity(match.group("num" + tag), match.group("qual" + tag), None)
    low = match.groupdict().get("low" + tag) or match.groupdict().get("dash" + tag)
    if low:
        count = quantity(low, None, match.group("num" + tag))
    if count is None:
        return None
    noun = match.group("noun" + tag).lower()
    party = VICTIM_NOUNS.get(noun, "unknown")
    if party == "unknown":
        # "24 members of the Afghan security forces", "killing three members of Egyptian military
        # forces": whose members the phrase after the noun says; "a local police commander":
        # the words before it.
        end = match.end("noun" + tag)
        after = match.string[end : end + 80]
        before = match.string[match.end("num" + tag) : match.start("noun" + tag)]
        if (owner := OWNER.search(after)) is not None:
            party = VICTIM_NOUNS[owner.group(1)]
        elif (owner := OWNER_BEFORE.search(before.lower())) is not None:
            party = OWNER_WORDS[owner.group(1)]
    return Casualty(count, outcome, party, noun)


# Victims listed together and counted as one: "a policeman and two militants were killed",
# "Twelve soldiers, 26 insurgents killed", "killed a councilman and three party leaders",
# "leaves 3 soldiers, 10 militants dead". Each listed person or group is one member: a count
# and a noun ("26 insurgents"), one person ("a community leader", "his bodyguard"), or a noun of
# the table alone ("the driver"; "Policeman, two…" opening a headline).
# Words that end a noun phrase rather than modify its noun.
_LIST_STOP = (
    r"and|or|as|were|was|are|is|in|on|at|by|of|from|with|who|where|the|a|an|his|her|their|while|"
    r"when|after|including|among|killed|killing|wounded|injured|dead|died|said|says|told|reported|"
    r"added|claimed|stated|"
    # "killing 2 gendarmes and a worker and injuring another": the list ends at the next verb;
    # "two fighters of the division, a group that fought": an apposition is no one more.
    r"injuring|wounding|leaving|abducting|kidnapping|that|which|whose"
)
# "a U.N. independent contractor": an abbreviation's dots among the words.
_LIST_MOD = rf"(?:(?!(?:{_LIST_STOP})\b)(?:[\w'’\-]{{1,30}}|(?:[a-z]\.){{2,}})\s+)"
# "two of his guards"
_WHOSE = r"(?:of\s+(?:his|her|their|its|the)\s+)?"
# "a man, his wife and their five children": whose the counted ones are, before the count.
_OWNER = r"(?:his|her|their|its)"
_ONE_OF_TABLE = "|".join(re.escape(n) for n in sorted(SINGULAR_NOUNS, key=len, reverse=True))
# The noun of a counted member: people of any name; not a count of hurts ("the death of one
# person, and ten injuries").
_LIST_NOUN = (
    rf"(?:{_NOUN}|(?!(?:injuries|casualties|deaths|fatalities|wounds)\b)[a-z]{{3,}}(?:s|men)|people|staff)\b"
)
_LIST_MEMBER = (
    # a count of people: "26 insurgents", "at least 6 members of the Syrian Army", "their five
    # children"
    rf"(?:{_OWNER}\s+)?(?:(?:{QUALIFIER_PATTERN})\s+)?(?:{NUMBER_PATTERN})\s+{_WHOSE}{_LIST_MOD}{{0,3}}?{_LIST_NOUN}{_OF_PHRASE}"
    # one person: "an assistant village head", "his bodyguard", "a civilian employee of the
    # military", "their driver"
    rf"|(?:an?|one|his|her|their)\s+{_LIST_MOD}{{0,3}}?(?!(?:{_LIST_STOP})\b)[a-z]{{3,}}(?<!s)\b{_OF_PHRASE}"
    # one person the table knows: "the driver", "Army officer"
    rf"|(?:the\s+)?{_LIST_MOD}{{0,2}}?(?:{_ONE_OF_TABLE})\b"
)
_LIST_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|as well as|plus)\s+)"
_LIST = rf"(?P<list>(?:{_LIST_MEMBER})(?:{_LIST_SEP}(?:{_LIST_MEMBER}))+)"
LISTED_PASSIVE = compile_lower(
    rf"(?<![\w'’\-]){_LIST}(?:,[^,.;]{{1,60}},)?\s+(?P<gap>{_GAP})(?P<verb>{DEATH_WORDS}|{INJURY_WORDS})\b"
)
# A list is plural: "a soldier and a civilian was injured" is no list of the injured.
_SINGULAR_VERB = compile_lower(r"\b(?:was|is|has)\b")
# "…were shot dead", "…had died": a verb that can only be passive, with people of any name.
_PLURAL_VERB = compile_lower(r"\b(?:were|are|have|had)\b")
_LIST_VERBS = (
    r"shot dead|shoots? dead|gunned down|guns? down|shot and killed|killing|killed|kills|kill|"
    r"executed|executing|executes?|beheaded|beheads?|murder(?:s|ed|ing)?|assassinat(?:es?|ed|ing)|"
    r"massacred|slaughtered|lynched|left|leaves|leaving|deaths? of|"
    r"injuring|injured|injures?|wounding|wounded|wounds?"
)
LISTED_ACTIVE = compile_lower(
    rf"\b(?P<verb>{_LIST_VERBS})\s+{_LIST}"
    r"(?=\s*(?:[,.;:)]|$|(?:in|at|near|on|during|while|when|after|as|by|from|inside|outside|who|and|"
    r"with|before|dead|killed|injured|wounded|yesterday|today)\b))"
)
# "killing 11 civilians, a local aid group said": the last one named speaks, and is no victim.
_SPEAKS = compile_lower(r"\s*(?:said|says|say|told|reported|added|claimed|stated)\b")
# "killed a soldier and a civilian was injured": the list after a verb is its object.
_OBJECT_OF = compile_lower(rf"\b(?:{_LIST_VERBS})\s+$")
_LIST_AT = compile_lower(_LIST)
_MEMBER_AT = compile_lower(rf"{_LIST_SEP}?(?P<member>{_LIST_MEMBER})(?={_LIST_SEP}|$)")
_MEMBER_COUNT = compile_lower(
    rf"(?:{_OWNER}\s+)?(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>{NUMBER_PATTERN})\s+{_WHOSE}(?P<mods>{_LIST_MOD}{{0,3}}?)"
    rf"(?P<noun>{_LIST_NOUN}){_OF_PHRASE}$"
)
# Words of a list that name no person: "two vehicles and a house", "the army and police".
_NOT_LISTED = (
    NOT_PEOPLE
    | NOT_A_VICTIM
    | {word[:-1] for word in NOT_PEOPLE if word.endswith("s")}
    | frozenset("police army military".split())
)


# The passive list read back from its verb: a verb of death or injury, and the list that ends
# just before it, looked for only in the words before each such verb (a list may start at any
# word, and a report has few such verbs).
_HURT_VERB = compile_lower(rf"\b(?:{DEATH_WORDS}|{INJURY_WORDS})\b")
_LISTED_PASSIVE_BEFORE = compile_lower(LISTED_PASSIVE.pattern + "$")
LIST_REACH = 250


def _listed(pattern: re.Pattern[str], text: str, hurt_verbs: list[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The lists of victims `pattern` reads in `text`, in order (`hurt_verbs`: the text's verbs
    of death or injury, `_HURT_VERB`'s matches)."""
    if pattern is not LISTED_PASSIVE:
        yield from scan(pattern, text)
        return
    end = 0
    for verb in hurt_verbs:
        match = _LISTED_PASSIVE_BEFORE.search(text, max(end, verb.start() - LIST_REACH), verb.end())
        if match is not None:
            end = match.end()
            yield match


def listed_victims(
    text: str, start: int, end: int, any_noun: bool = True
) -> list[tuple[int, int, Casualty]] | None:
    """The members of a list of victims in text[start:end], each (start, end, casualty), or None
    where a member names no person (`any_noun` false: or no person the noun table knows)."""
    members: list[tuple[int, int, Casualty]] = []
    pos = start
    while pos < end and (at := _MEMBER_AT.match(text, pos, end)) is not None:
        member = at.group("member")
        counted = _MEMBER_COUNT.match(member)
        if counted is not None:
            count = quantity(counted.group("num"), counted.group("qual"))
            noun = counted.group("noun")
            age = AGE.search(member)
            if count is not None and age is not None and int(age.group(1)) == count.value:
                count = quantity("one")  # "a 12-year-old boy and his father"
            before = counted.group("mods")
        else:
            words = re.split(r"\s+(?:of|from)\s+", member, maxsplit=1)[0].split()  # "an employee of the army"
            count, noun, before = quantity("one"), words[-1], " ".join(words[:-1])
        known = noun in VICTIM_NOUNS or noun in SINGULAR_NOUNS
        # "a village imam and four others": others counted after someone named are people too.
        others = noun == "others" and counted is not None and bool(members)
        if (
            count is None
            or (noun in _NOT_LISTED and not others)
            or YEAR.match(member)
            or not (known or any_noun)
        ):
            return None
        party = party_of(noun)
        if party == "unknown" and (owner := OWNER_BEFORE.search(before)) is not None:
            party = OWNER_WORDS[owner.group(1)]  # "two army officials"
        members.append((at.start("member"), at.end("member"), Casualty(count, "killed", party, noun)))
        pos = at.end()
    return members if len(members) >= 2 and pos == end else None


def _list_groups(members: list[tuple[int, int, Casualty]], outcome: str) -> list[tuple[int, int, Casualty]]:
    """A list as the figures the toll reads: one per party where the list names each party's
    people together ("12 soldiers and 3 policemen, 10 militants": 15 of the forces, 10 of the
    group); one figure of everyone where a member's party is unknown ("2 men and a woman")."""
    parties = [c.party for _, _, c in members]
    runs = [p for n, p in enumerate(parties) if n == 0 or parties[n - 1] != p]
    if "unknown" in parties or len(runs) != len(set(runs)):
        groups = [members]
    else:
        groups = []
        for member in members:
            if groups and groups[-1][-1][2].party == member[2].party:
                groups[-1].append(member)
            else:
                groups.append([member])
    out = []
    for group in groups:
        whole = group[0][2]
        for _, _, more in group[1:]:
            whole = _joined(whole, more)
        party = "unknown" if len(groups) == 1 and len(set(parties)) > 1 else whole.party
        out.append((group[0][0], group[-1][1], replace(whole, outcome=outcome, party=party)))
    return out


class CasualtyStage:
    name = "casualties"

    @staticmethod
    def _subjects(
        doc: Document,
        text: str,
        hurt_verbs: list[re.Match[str]],
        found: list[Mention],
        add: Callable[[int, int, Casualty], None],
    ) -> None:
        """The counted subjects of the verbs of death or injury (`hurt_verbs`) no figure has read
        ("Four students from the Faculty of Law were killed"), the verb's sentence the furthest
        back."""
        read = TakenSpans([(m.start, m.end) for m in found if not m.value.part])
        sentences = doc.layer("sentences")
        for verb in hurt_verbs:
            if read.overlaps(verb.start(), verb.end()):
                continue
            index = sentence_of(doc, verb.start())
            floor = sentences[index].start if 0 <= index < len(sentences) else 0
            subject = subject_of(text, doc.cased_text, verb.start(), floor)
            if subject is None:
                continue
            count = quantity(subject.num, subject.qual)
            noun = subject.noun
            if count is None or noun in NOT_PEOPLE or YEAR.match(subject.num):
                continue
            if _acts_on_object(text, subject.end, verb.start(), verb.end()):
                continue  # "four alleged terrorists murdered the mayor": they killed, not died
            # Whose they are: "members of the security forces", "three police personnel".
            party = party_of(noun)
            if party == "unknown":
                owner = OWNER.search(" " + subject.said_of_them.lower()) or OWNER_BEFORE.search(subject.mods)
                if owner is not None:
                    party = VICTIM_NOUNS.get(owner.group(1), OWNER_WORDS.get(owner.group(1), "unknown"))
            add(subject.start, subject.end, Casualty(count, _outcome(verb.group()), party, noun))

    def __call__(self, doc: Document) -> None:
        text = doc.lower_text  # the tables are lower-case; offsets are the text's
        # The verbs of death or injury, found once: passive lists and counted subjects are read
        # back from them.
        hurt_verbs = list(scan(_HURT_VERB, text))
        found: list[Mention] = []
        taken = TakenSpans()

        def add(start: int, end: int, value: Casualty) -> None:
            if taken.overlaps(start, end):
                return
            if YEAR.match(text, start) or DAY_OF_MONTH.search(text, max(0, start - 12), start):
                # "March 2021\n5 Baloch militants killed": a year, not a count; "the September 24
                # killings": a day.
                return
            if INTENDED.search(text, max(0, start - 30), start) and KILL_VERB.match(text, start):
                return  # "a plot to kill General Pinochet": wanted, not done
            if COUNTERFACTUAL.search(text, max(0, start - 60), start):
                return
            if TALLY_AFTER.match(text, end):
                return  # "131 murders this year": a tally beside the incident's own count
            if RATIO_AFTER.match(text, end) and ENDS_ON_NUMBER.search(text, start, end):
                return  # "left one in four Greeks unemployed": a share, not a count of people
            if COMPARED_SINCE.search(text, max(0, start - 150), start):
                return  # the toll of the past the incident is measured against
            if NAMED_DEATH.match(text, start) and GRIEVANCE_BEFORE.search(text, max(0, start - 30), start):
                return  # "a demonstration over the death of a student": why they marched, not who died
            if GRIEVED_DEATH_OF.search(text, max(0, start - 60), start):
                return
            if (
                NO_ONE.search(text, max(0, start - 4), start + 4)
                or NONE_OF.search(text, max(0, start - 30), start)
                or NONE_LEADS.match(text, start)
                or NONE_SUBJECT.search(text, max(0, start - 90), start)
            ):
                return  # "no one was killed", "no Pakistani soldier killed": nobody, not one
            if UNKNOWN_NUMBER.search(text, start, end):
                return  # "wounding an unknown number of rebels": not one, not counted
            if AGED_BEFORE.search(text, max(0, start - 16), start):
                return  # "Two girls aged 6 and 4 are killed": ages, not a count
            age = AGE.search(text, start, end)
            if age is not None and int(age.group(1)) == value.count.value:
                # "Gunmen shot dead 25 year old shopkeeper": an age, and one person.
                value = replace(value, count=quantity("one"))
            if value.noun in NOUN_COUNTS and value.count.value == 1:
                value = replace(value, count=quantity(NOUN_COUNTS[value.noun]))  # "a couple": two
            if PART_MARKER.search(text[max(0, start - 20) : start]) or AMONG_THE_DEAD.search(
                text, start, end + 25
            ):
                value = replace(value, part=True)
            elif " and " not in value.noun and (
                BESIDES.search(text, start, end) or BESIDES_BEFORE.search(text, max(0, start - 8), start)
            ):
                value = replace(value, besides=True)
            taken.add(start, end)
            found.append(Mention(start, end, "casualty", value, sentence_of(doc, start)))

        # Before the counts of one ("A family of four was killed" is four).
        for match in scan(FAMILY_OF, text) if "family of" in text else ():
            if (count := quantity(match.group("num"))) and not YEAR.match(match.group("num")):
                add(match.start(), match.end(), Casualty(count, "killed", "civilian", "family"))
        for match in scan(TOLL, text):
            count = quantity(match.group("num"), match.group("qual"))
            if count:
                # A toll that rose is an update and supersedes; one that "stood at" N is a figure
                # like any other, which may conflict with another party's.
                rising = match.group("rise") is not None or bool(
                    UPDATE.search(text[max(0, match.start() - 40) : match.start()])
                )
                # "the death toll of military personnel reaches 11" says whom the toll counts.
                counted = TOLL_OF.search(text, match.start(), match.start("num"))
                noun = counted.group("noun") if counted else "toll"
                add(match.start(), match.end(), Casualty(count, "killed", "total", noun, toll=rising))
        for pattern in (LISTED_ACTIVE, LISTED_PASSIVE):
            for match in _listed(pattern, text, hurt_verbs):
                verb = match.group("verb")
                outcome = _outcome(verb)
                if pattern is LISTED_ACTIVE and verb in ("left", "leaves", "leaving"):
                    # "leaves 3 soldiers, 10 militants dead": what the list was left.
                    if (state := LEFT_STATE.match(text, match.end())) is None:
                        continue
                    outcome = _outcome(state.group("how"))
                any_noun = True
                if pattern is LISTED_PASSIVE:
                    gap = match.group("gap")
                    if _SINGULAR_VERB.search(gap) or _OBJECT_OF.search(
                        text, max(0, match.start() - 30), match.start()
                    ):
                        continue
                    # "the region, a drone killed": a bare verb may be active; "were" may not.
                    any_noun = _PLURAL_VERB.search(gap) is not None
                members = listed_victims(text, match.start("list"), match.end("list"), any_noun)
                if members is None or _SPEAKS.match(text, match.end("list")):
                    continue
                part = bool(PART_MARKER.search(text[max(0, match.start("list") - 20) : match.start("list")]))
                groups = _list_groups(members, outcome)
                # The verb is the list's too: "beheaded in Jacona" names no other victim.
                groups[0] = (match.start(), *groups[0][1:])
                groups[-1] = (groups[-1][0], match.end(), groups[-1][2])
                for start, end, value in groups:
                    add(start, end, replace(value, part=part))
        along = "along with" in text or "together with" in text
        for match in scan(ALONG_WITH_LIST, text) if along else ():
            listed = _LIST_AT.match(text, match.end())
            members = listed_victims(text, listed.start("list"), listed.end("list")) if listed else None
            if listed is not None and members is not None:
                dead = sum(value.count.value for _, _, value in members) + 1
                add(
                    match.start(),
                    listed.end(),
                    Casualty(Quantity(dead, dead, dead, False, None), "killed", "unknown", "people"),
                )
        # One person and the others counted with them: the count and one more.
        for pattern in (ALONG_WITH, ACTIVE_ALONG_WITH, ASIDE_ALONG_WITH) if along else ():
            for match in scan(pattern, text):
                count = quantity(match.group("num"), match.group("qual"))
                noun = match.group("noun")
                if count and noun not in NOT_PEOPLE and not YEAR.match(match.group("num")):
                    both = Quantity(
                        count.value + 1, count.low + 1, count.high + 1, count.vague, count.qualifier
                    )
                    add(
                        match.start(),
                        match.end(),
                        Casualty(both, _outcome(match.group("verb")), "unknown", noun),
                    )
        for match in scan(COORDINATED, text):
            # "two soldiers and police were killed" is two figures: the words before "and" name
            # no counted people of their own.
            first = match.group("first").split()
            if any(w in VICTIM_NOUNS and w.endswith(("s", "men", "people")) for w in first):
                continue
            if (value := _make(match, _outcome(match.group("verb")))) is not None:
                add(match.start(), match.end(), value)
        for match in scan(BURNED_ALIVE, text) if "alive" in text else ():
            if (value := _make(match, "killed")) is not None:
                add(match.start(), match.end(), value)
        for match in scan(PASSIVE_PAIR, text):
            if _OBJECT_OF.search(text, max(0, match.start() - 30), match.start()):
                continue  # "A bomb killed two soldiers and 4 others were injured": the first is killed
            outcome = _outcome(match.group("verb"))
            first, second = _make(match, outcome, "1"), _make(match, outcome, "2")
            if first is not None and second is not None and first.party == second.party:
                # "Seventeen members of the uprising forces and a police commander were killed":
                # one party's two figures in one breath add up; apart, they would read as updates.
                add(match.start("num1"), match.end("noun2"), _joined(first, second))
                continue
            for tag, value in (("1", first), ("2", second)):
                if value is not None:
                    add(match.start("num" + tag), match.end("noun" + tag), value)
        for pattern in (SHARED_SUBJECT, ACTIVE, PASSIVE):
            for match in scan(pattern, text):
                if pattern is PASSIVE and _acts_on_object(
                    text, match.end("noun"), match.start("verb"), match.end("verb")
                ):
                    continue  # "A suicide bomber killed 7 and injured 35": he killed, not was killed
                outcome = _outcome(match.group("verb"))
                if match.group("verb") in ("left", "leaving"):
                    # "left 11 dead" counts; "left 11 residents without power" does not.
                    if (state := LEFT_STATE.match(text, match.end())) is None:
                        continue
                    outcome = _outcome(state.group("how"))
                value = _make(match, outcome)
                if value is None or _natural_death(match.group("verb"), value.noun):
                    continue
                add(match.start(), match.end(), value)
                end = match.end()
                # Only a figure that ends its match can be continued ("killing 5 soldiers and
                # 3 civilians"); a passive match ends on its verb.
                while pattern is ACTIVE and (follow := CONTINUATION.match(text, end)):
                    more = _make(follow, outcome)
                    if more is None:
                        break
                    add(follow.start(), follow.end(), more)
                    end = follow.end()
        # One person: "kills soldier", "Woman killed in shelling", "a candidate was murdered".
        singles = list(scan(SINGLE, text))
        for sentence in doc.layer("sentences"):
            if (match := _headline_victim(text, sentence)) is not None:
                singles.append(match)
        singles += [
            m
            for m in scan(ONE_KILLED, text)
            if m.group("noun").lower() not in NOT_PEOPLE and not m.group("noun").lower().endswith("s")
        ]
        # "the attacker was killed", not "a man who confronted the attacker was injured".
        singles += (
            m
            for m in scan(THE_ONE_KILLED, text)
            if OPENS_CLAUSE.search(text[max(0, m.start() - 12) : m.start()])
        )
        for match in singles:
            noun = match.group("noun").lower()
            if match.group("verb") and _natural_death(match.group("verb"), noun):
                continue
            # "succumbed to his injuries": a death (ONE_KILLED's verb2, which only it has).
            outcome = _outcome(match.group("verb")) if match.group("verb") else "killed"
            # The place that heads a headline, or a report's dateline, is not the victim's words.
            start = (
                match.end("lead")
                if match.re in (HEADLINE_SINGLE, HEADLINE_BARE) and match.group("lead")
                else match.start()
            )
            add(start, match.end(), Casualty(quantity("one"), outcome, party_of(noun), noun))
        for match in scan(DIED_OF_IT, text) if "died" in text else ():
            add(match.start("who"), match.end(), Casualty(quantity("one"), "killed", "unknown", "person"))
        for match in scan(COUNTED_OTHERS, text):
            noun = match.group("noun").lower()
            count = quantity(match.group("num"), match.group("qual"))
            if (
                count
                and noun not in NOT_PEOPLE
                and not (match.group("num").isdigit() and count.value >= 1900)
            ):
                party = VICTIM_NOUNS.get(noun, "unknown")
                add(match.start(), match.end(), Casualty(count, _outcome(match.group("verb")), party, noun))
        for match in scan(OF_THEIR_DEAD, text):
            if (count := quantity(match.group("num"), match.group("qual"))) and not YEAR.match(
                match.group("num")
            ):
                add(match.start(), match.end(), Casualty(count, "killed", "unknown", "dead"))
        # The pattern opens on any word; most texts have no "to death" for it to end on.
        for match in scan(TO_DEATH, text) if "to death" in text else ():
            count = quantity(match.group("num"))
            noun = match.group("noun").lower()
            if count and noun not in NOT_PEOPLE:
                add(match.start(), match.end(), Casualty(count, "killed", party_of(noun), noun))
        for match in scan(PLURAL_UNCOUNTED, text):
            noun = match.group("noun").lower()
            between = text[match.end("verb") : match.start("noun")]
            if not NUMBER_WORD.search(between) and "both" not in between.split():  # "both attackers": two
                add(
                    match.start(),
                    match.end(),
                    Casualty(quantity("several"), "killed", VICTIM_NOUNS[noun], noun),
                )
        for match in scan(UNCOUNTED, text):
            count = quantity(match.group("num"), match.group("qual") or match.group("after"))
            if count and not count.vague:
                add(match.start(), match.end(), Casualty(count, _outcome(match.group("verb")), "unknown", ""))
        for match in scan(OF_THEM, text):
            count = quantity(match.group("num"), match.group("qual"))
            if count and not count.vague:
                add(match.start(), match.end(), Casualty(count, _outcome(match.group("verb")), "unknown", ""))
        for match in scan(ACTIVE_OTHERS, text):
            noun = match.group("noun").lower()
            count = quantity(match.group("num"), match.group("qual"))
            if count and not count.vague and noun not in NOT_PEOPLE and not YEAR.match(match.group("num")):
                value = Casualty(count, _outcome(match.group("verb")), party_of(noun), noun)
                add(match.start(), match.end(), value)
        found_bodies = "bodies" in text or "corpses" in text
        for match in scan(BODIES_FOUND, text) if found_bodies else ():
            count = quantity(
                match.group("num") or match.group("num2"), match.group("qual") or match.group("qual2")
            )
            if count and not YEAR.match(match.group("num") or match.group("num2")):
                add(match.start(), match.end(), Casualty(count, "killed", "unknown", "bodies"))
        # Most texts name none of what a cartel leaves: the patterns are tried only where one is.
        cartel_dead = any(word in text for word in CARTEL_DEAD_WORDS)
        for match in scan(CARTEL_DEAD, text) if cartel_dead else ():
            if (count := quantity(match.group("num"))) and not YEAR.match(match.group("num")):
                add(match.start(), match.end(), Casualty(count, "killed", "unknown", "bodies"))
        cartel_remains = "remains" in text or "manta" in text
        for match in scan(CARTEL_REMAINS, text) if cartel_remains else ():
            add(match.start(), match.end(), Casualty(quantity("one"), "killed", "unknown", "body"))
        bodies = (
            [*scan(BODY_FOUND, text), *scan(BODY_OF_FOUND, text)]
            if "body" in text or "corpse" in text
            else []
        )
        for sentence in doc.layer("sentences"):
            if (match := BODY_FOUND_OPENING.match(text, sentence.start, sentence.end)) is not None:
                bodies.append(match)
        for match in bodies:
            add(match.start(), match.end(), Casualty(quantity("one"), "killed", "unknown", "body"))
        for match in scan(SELF_KILLED, text):
            # "blew himself up, killing four people": the four are his victims, he is one more.
            bomber = Casualty(quantity("one"), "killed", "armed", "bomber", besides=True)
            add(match.start(), match.end(), bomber)
        # "A security man, 50 km west of the city of Baqubah, was killed": one dead, whose name
        # is no name; read after the counted subjects, which may count them ("Three people,
        # including officer Salim Barakat of Yarka, was killed").
        after_subjects: list[re.Match[str]] = []
        for match in scan(NAMED_KILLED, doc.cased_text):
            name = match.group("noun")
            if " " not in name and "-" not in name:
                if name.lower() in common_words():
                    continue  # "Everyone was killed": a word, not one person named
                if PLACE_OF.search(doc.cased_text, max(0, match.start("noun") - 8), match.start("noun")):
                    after_subjects.append(match)
                    continue
            add(match.start("noun"), match.end(), Casualty(quantity("one"), "killed", "unknown", "person"))
        for match in scan(NAMED_COUNT, doc.cased_text):
            count = quantity(match.group("num").lower(), match.group("qual") and match.group("qual").lower())
            noun = match.group("noun").strip().lower()
            if (
                count
                and not count.vague
                and not YEAR.match(match.group("num"))
                and noun.split()[-1] not in NOT_PEOPLE
            ):
                owner = OWNER_BEFORE.search(noun)
                party = OWNER_WORDS[owner.group(1)] if owner else party_of(noun.split()[-1])
                value = Casualty(count, _outcome(match.group("verb").lower()), party, noun)
                add(match.start(), match.end(), value)
        for group in doc.layer("named_groups"):
            line_start = max(text.rfind("\n", 0, group.start), group.start - 40)
            counted = KILLED_COUNT_BEFORE.search(text, line_start, group.start)
            if counted is None:
                continue
            count = quantity(counted.group("num"), counted.group("qual"))
            if count and not count.vague and not YEAR.match(counted.group("num")):
                party = MEMBERS_PARTY.get(group.value.inter, "unknown")
                noun = doc.cased_text[group.start : group.end]
                add(counted.start("num"), group.end, Casualty(count, "killed", party, noun))
        for match in scan(PAIR_WITH_KIN, text):
            noun = match.group("noun")
            pair = Casualty(quantity("two"), _outcome(match.group("verb")), party_of(noun), noun)
            add(match.start(), match.end(), pair)
        for sentence in doc.layer("sentences"):
            match = HEADLINE_ONE.match(text, sentence.start, sentence.end)
            if (
                match is not None
                and match.group("noun") not in NOT_PEOPLE
                and not match.group("noun").endswith("s")
            ):
                noun = match.group("noun")
                add(
                    match.start("noun"),
                    match.end(),
                    Casualty(quantity("one"), "killed", party_of(noun), noun),
                )
        for match in scan(MULTIPLE_KILLING, text):
            if TOLD_BEFORE.search(text, max(0, match.start() - 6), match.start()):
                continue
            add(
                match.start(),
                match.end(),
                Casualty(quantity(MULTIPLES[match.group("num")]), "killed", "unknown", ""),
            )
        # Counted dead named by what took them: "claim 8 lives", "20 execution victims".
        for pattern, party, noun in ((LIVES, "unknown", "lives"), (KILLING_VICTIMS, "civilian", "victims")):
            for match in scan(pattern, text):
                count = quantity(match.group("num"), match.group("qual"))
                if count and not count.vague:
                    add(match.start(), match.end(), Casualty(count, "killed", party, noun))
        for match in scan(ONE_UNKNOWN, text):
            noun = match.group("noun").lower()
            if match.group("verb") and COUNT_BEFORE.search(text, max(0, match.start() - 24), match.start()):
                continue  # "Three murders in Culiacan": a count of killings, not a verb
            if noun not in NOT_A_VICTIM and noun not in NOT_PEOPLE and not NUMBER_WORD.fullmatch(noun):
                add(match.start(), match.end(), Casualty(quantity("one"), "killed", party_of(noun), noun))
        for match in scan(NAMED_VICTIM, doc.cased_text):
            gap = match.group("gap").lower()
            # "killed two soldiers and Hamas commander X": the figure is counted elsewhere.
            if not NUMBER_WORD.search(gap) and not any(w in VICTIM_NOUNS for w in gap.split()):
                add(match.start(), match.end(), Casualty(quantity("one"), "killed", "unknown", "person"))
        for match in scan(PRONOUN_KILLED, text):
            noun = (
                match.group("noun")
                or match.group("noun2")
                or {"he": "him", "she": "her"}[match.group("noun3")]
            )
            add(match.start(), match.end(), Casualty(quantity("one"), "killed", "unknown", noun))
        for match in scan(ANOTHER, text):
            noun = match.group("noun")
            add(match.start(), match.end(), Casualty(quantity("one"), "killed", VICTIM_NOUNS[noun], noun))
        for match in scan(BOTH, text):
            verb = match.group("verb") or match.group("verb2")
            add(match.start(), match.end(), Casualty(quantity("two"), _outcome(verb), "unknown", ""))
        counted_by_name = any(word in text for word in DEATH_NOUNS)
        for match in scan(DEATHS, text) if counted_by_name else ():
            count = quantity(match.group("num"), match.group("qual"))
            if count and not count.vague:
                add(match.start(), match.end(), Casualty(count, "killed", "unknown", ""))
        for match in (
            scan(ONE_DEATH, text) if "death" in text or "fatality" in text or "martyr" in text else ()
        ):
            add(match.start(), match.end(), Casualty(quantity("one"), "killed", "unknown", ""))
        for match in scan(BARE, text):
            count = quantity(match.group("num"), match.group("qual"))
            if count and (not count.vague or match.group("num").lower() in TOLL_WORDS):
                add(match.start(), match.end(), Casualty(count, _outcome(match.group("verb")), "unknown", ""))
        # Last: a group killed with no number, where no pattern above counted them.
        for match in scan(PLURAL_UNCOUNTED_BEFORE, text):
            if _uncounted_before(text, match.start(), _sentence_start(doc, match.start())):
                noun = match.group("noun").lower()
                add(
                    match.start(),
                    match.end(),
                    Casualty(quantity("several"), "killed", VICTIM_NOUNS[noun], noun),
                )
        for match in scan(SOME_OF_THEM, text):
            noun = (match.group("noun") or "").lower()
            add(
                match.start(),
                match.end(),
                Casualty(quantity("several"), "killed", party_of(noun), noun),
            )
        for match in scan(BODIES_UNCOUNTED, text) if found_bodies else ():
            if not NUMBER_WORD.search(match.group()) and _uncounted_before(
                text, match.start(), _sentence_start(doc, match.start())
            ):
                noun = match.group("noun") or match.group("noun2")
                add(match.start(), match.end(), Casualty(quantity("several"), "killed", "unknown", noun))
        # A Spanish sentence: the Spanish rows count its dead and hurt.
        spanish = spanish_sentences(doc)
        for sentence in doc.layer("sentences") if spanish else ():
            if sentence.sentence in spanish:
                for k in spanish_killings(text, sentence.start, sentence.end):
                    count = Quantity(k.count, k.count, k.count)
                    add(k.start, k.end, Casualty(count, k.outcome, k.party, k.noun))
        self._subjects(doc, text, hurt_verbs, found, add)
        for match in after_subjects:
            add(match.start("noun"), match.end(), Casualty(quantity("one"), "killed", "unknown", "person"))
        found.sort(key=lambda m: m.start)
        found = [_dead_among_the_hurt(text, m) for m in found]
        doc.set_layer("casualties", _without_running_tolls(text, found))
