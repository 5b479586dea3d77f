"""Actors: who is in the text, as ACLED names them, with their category (inter code).

Generic mentions ("security forces", "gunmen") become ACLED's country-qualified names at
assembly, when the event's country is known: `{country}` in a template stands for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.document import Document, Mention
from strife.stages.lexicon import compile_lower, scan
from strife.stages.places import demonyms
from strife.stages.sentences import sentence_of
from strife.stages.taken_spans import TakenSpans


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # an ACLED actor name, or a template with {country}
    inter: int  # ACLED actor category (taxonomy.md)
    side: str  # "state" | "armed" | "civilian" | "protester" | "rioter"
    named: bool = False  # a named organisation rather than a generic description
    iso3: str | None = None  # the country of state forces named by their country


# State forces named by their country ("Russian troops", "Israeli jets", "German troops"): outside
# their own country they are external forces (8), decided at assembly. Every country's demonym
# (`countryinfo`, with strife's own list over it), but a people no state's forces are named for:
# "Turkmen fighters" in Syria are a militia, not Turkmenistan's army.
NOT_A_STATES_PEOPLE = frozenset({"Turkmen", "Sahrawi"})
_STATE_DEMONYMS: dict[str, str] = {
    demonym: iso3
    for demonym, iso3 in demonyms().items()
    if demonym not in NOT_A_STATES_PEOPLE and not (demonym.endswith("s") and demonym[:-1] in demonyms())
} | {"Saudi": "SAU", "Congolese": "COD"}
# Verbs of speech, after which no words belong to a forces phrase.
_SPEAKS = "said|says|say|told|tells|reported|reports|added|stated|claimed|noted"
FOREIGN_FORCES = (
    r"(?P<demonym>U\.?S\.?|Saudi-led|"
    + "|".join(re.escape(d).replace(r"\ ", r"\s+") for d in sorted(_STATE_DEMONYMS, key=len, reverse=True))
    + ")"
    # Not past a verb of speech: "Palestinian medics said one air strike" names medics, no forces.
    r"(?:-led)?\s+(?:coalition\s+)?(?:(?!(?:"
    + _SPEAKS
    + r")\s)[a-z-]+\s+|[A-Z][\w-]+\s+(?=missiles?|jets|drones?|rockets?))?"
    # A headline's capitals ("Indian Shelling Kills Two") name the same forces.
    # Not past a preposition: "Indian envoy over ceasefire violations" names no forces.
    r"(?:(?!(?:over|about|for|on|of|against|in|at|to|with|by|after|from|" + _SPEAKS + r")\s)[a-z-]+\s+){0,2}?"
    r"(?i:forces|troops|military|army|soldiers?|jets|warplanes|"
    r"drones?|aircraft|air force|navy|artillery|missiles?|strikes?|air strikes?|airstrikes?|shelling|shells|"
    r"border guards|gunships?|bombs?|rockets|air defen[cs]es|peacekeepers|(?:Africa|Central) Command|"
    r"service ?members|servicemen|marines|sailors|airmen|"
    # What an army does, named by its country: "Israeli fire", "Russian attacks", "Indian firing".
    r"(?:tank |gun|sniper |artillery |naval )?fire|firing|attacks?|raids?|bombardments?|offensive|tanks?|"
    r"warships?|forces' (?:\w+ )?(?:fire|attack)|ceasefire violations?|"
    # Its posts and positions, as what was attacked: "Afghan forces attacked Pakistani border posts".
    r"(?:border |military |army |security )?(?:posts|check ?posts|checkpoints|positions|bases))\b"
)
# After a country's name, what a state does by its forces: it is the actor, not only a place.
STATE_ACTS = re.compile(
    r"(?:\s+(?:has|had|have|then|also|again|later|reportedly))?\s+(?:launched|carried out|conducted|struck|"
    r"strikes|bombed|bombs|attacked|attacks|fired|fires|shelled|shells|pounded|targeted|targets|invaded|"
    r"retaliated|joining by bombing|joined by bombing|joined (?:in )?(?:the )?(?:strikes|bombing)|"
    r"hits|hit(?! by)|raids|raided|opens fire|opened fire)\b"
    # What its forces fire, named by the country: "India border fire", "Russia missile attack".
    r"|\s+(?:border\s+|cross-border\s+)?(?:fire|firing|shelling|missile (?:attack|strike)s?|drone strikes?|"
    r"air ?strikes?|airstrikes?|bombardment)\b"
    r"|['’]s\s+(?:air\s*)?(?:strikes?|attacks?|bombardment|missiles?|shelling|offensive|military|army|"
    r"forces|troops|jets|warplanes|drones?)\b"
)
FOREIGN_DEMONYMS: dict[str, str] = {
    **{" ".join(demonym.lower().split()): iso3 for demonym, iso3 in _STATE_DEMONYMS.items()},
    "us": "USA", "u.s.": "USA", "saudi-led": "SAU",
}  # fmt: skip

# ACLED's inter code of rebel groups.
REBELS = 2
# Generic descriptions: (pattern, template, inter, side).
GENERIC_ACTORS: tuple[tuple[str, str, int, str], ...] = (
    (r"police(?:men|man| officers?| personnel| station| party| team| constables?)?|\bcops?\b|\bcisf\b|"
     r"Counter[- ]Terrorism Department|\bCTD\b|\blevies\b|constables?",
     "Police Forces of {country}", 1, "state"),
    (r"security forces|security personnel|soldiers?|troops|\barmy\b|military|Frontier Corps|\bRangers\b|"
     r"\bCRPF\b|\bBSF\b|border (?:forces|guards|police)|"
     r"government (?:forces|troops|soldiers)|regime (?:forces|troops)|pro-government forces|air force|"
     r"military (?:aircraft|helicopters?|jets?)|(?:government|regime) (?:artillery|shells|shelling|jets|warplanes|"
     r"helicopters?|aircraft|air ?strikes|forces)|helicopter gunships|gunship helicopters|"
     r"\bFC\b|paramilitar(?:y|ies)|jawans|sepoys|armed forces|coast ?guards?|naval forces|\bnavy\b|"
     r"air defen[cs]es|"
     # A military government's forces: "junta troops", "the Tatmadaw", "regime artillery".
     r"(?<!anti-)(?<!pro-)junta(?: (?:forces|troops|soldiers|army|artillery|jets|aircraft|air ?strikes?|officials|"
     r"personnel|columns?))?|tatmadaw|regime (?:artillery|jets|warplanes|helicopters|soldiers)|"
     # "the criminality of the Syrian regime and its Russian ally claim the lives of 30": a
     # government named for what it does by force (not a sanctions or a tax regime).
     r"(?:syrian|assad|myanmar|burmese|military) regime|\bthe regime\b(?!\s+change)",
     "Military Forces of {country}", 1, "state"),
    # Codebook: rebels (2) fight to take the state or secede; fighters the text calls rebels,
    # guerrillas, insurgents, separatists or the resistance are such a group though it names none.
    (r"rebels?|guerrill?as?|insurgents?|separatists?|resistance (?:forces|fighters|groups?|army)|"
     r"(?<!anti-)resistance(?= (?:attack|ambush|claim|said|say))|"
     # "clashes with resistance", "an ambush by the resistance": the fighters, not a stance.
     r"(?<=with )(?:the )?resistance\b(?! to)|(?<=by )(?:the )?resistance\b(?! to)|"
     # The Syrian monitor's "the factions" ("clashes between the regime forces and the factions"):
     # the armed opposition, not a party's wings ("political factions", "factions of the PML-N").
     r"(?:(?<![Pp]olitical )\b[Tt]he|[Ii]slamic|[Jj]ihadi|[Aa]rmed|[Oo]pposition|[Rr]ebel) factions\b(?! (?:of|within)\b)",
     "Rebels ({country})", 2, "armed"),
    (r"militants?|terrorists?|gunmen|gunman|armed men|attackers?|assailants|"
     r"jihadists?|extremists|"
     r"khwarij|khawarij|kharijis|fitna al[- ]khawarij|suicide bomber|bombers?|"
     r"unidentified (?:men|man|persons?|people|assailants?|attackers?)|unknown (?:men|man|persons?|people)|"
     r"kidnappers|abductors",
     "Unidentified Armed Group ({country})", 3, "armed"),
    (r"tribesmen|rival tribes|tribal (?:militia|fighters|lashkar|elders' militia)|clan militias?|clansmen|"
     r"ethnic militias?|communal militias?|herders?|herdsmen|vigilante group|armed villagers|"
     r"(?:kuki|meitei|fulani|dogon|hema|lendu|nuer|dinka|amhara|oromo) (?:militias?|gunmen|fighters|herdsmen)",
     "Communal Militia ({country})", 4, "armed"),
    # Codebook: militias with a political aim short of taking the state are political militias
    # (3), pro-government ones included; communal ones are matched above.
    (r"pro-(?:government|junta|regime|army|military) (?:militias?|militiamen|fighters|groups?|forces)|"
     r"\bmilitias?\b|militiamen|paramilitary group|death squads?",
     "Political Militia ({country})", 3, "armed"),
    # Codebook: external forces (8) — foreign and international forces, peacekeepers, private
    # military or security firms — where no country names them.
    (r"(?:foreign|international|coalition|multinational|allied|NATO|UN|African Union|AU) "
     r"(?:forces|troops|soldiers|peacekeepers?|contingents?|jets|warplanes|aircraft|air ?strikes)|peacekeepers?|"
     r"private (?:military|security) (?:contractors|company|companies|firm|firms)|mercenaries",
     "Foreign Forces", 8, "state"),
    # The civil government, for agreements and declarations (kept apart from its forces).
    (r"\bgovernment\b(?! (?:forces|troops|soldiers|hospital|school|college|officials|employees|servants))|"
     r"district administration|\bcabinet\b",
     "Government of {country}", 1, "government"),
    (r"protesters|demonstrators|protestors|rallyists|marchers",
     "Protesters ({country})", 6, "protester"),
    (r"rioters|\bmob\b|angry crowd|a crowd of|crowds of", "Rioters ({country})", 5, "rioter"),
    (r"civilians?|passengers|worshippers|villagers|children|students|labourers|laborers|"
     r"pilgrims|residents|bystanders|shoppers|commuters|farmers|journalists?|teachers?|"
     r"women|passers-by|family members|traders|shopkeepers|drivers|polio workers|doctors|"
     r"(?:tribal )?elders|worshipers|pedestrians|miners|fishermen",
     "Civilians ({country})", 7, "civilian"),
)  # fmt: skip

# Identity militias named by their community (codebook category 4): "the Shia and Sunni tribes",
# "the Habar Gidir and Marehan clans", "Kuki militants", "Twa and Luba community leaders".
_COMMUNITY_NAME = r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
IDENTITY_GROUPS = re.compile(
    rf"\b(?P<a>{_COMMUNITY_NAME})(?:,? and (?:the )?(?P<b>{_COMMUNITY_NAME}))?\s+"
    r"(?P<kind>clans?|sub-clans?|clan militias?|tribes|tribesmen|communit(?:y|ies)|ethnic militias?|militias?|"
    r"militiamen|militants|gunmen|fighters|herdsmen|herders|youths)\b"
)
OF_COMMUNITY = re.compile(r"\bof\s+(?:the\s+)?$")
# The kind of community a name says, for ACLED's naming; a generic kind word needs a known name.
RELIGIOUS_COMMUNITIES = {"Shia": "Shia Muslim", "Sunni": "Sunni Muslim", "Shiite": "Shia Muslim"}
ETHNIC_COMMUNITIES = frozenset(
    "Kuki Meitei Naga Fulani Dogon Hema Lendu Nuer Dinka Amhara Oromo Tigrayan Hausa Tiv Berom Masalit "
    "Zaghawa Misseriya Hawazma Nuba Twa Luba Bambara Tuareg Pashtun Baloch Hazara Turi Bangash Murle "
    "Lou Dozo Peul Kikuyu Luo Pokot Turkana Borana Garre Afar Issa Banyamulenge".split()
)
CLAN_KINDS = frozenset({"clan", "clans", "sub-clan", "sub-clans", "clan militia", "clan militias"})
COMMUNITY_KINDS = frozenset(
    {"tribes", "tribesmen", "community", "communities", "ethnic militia", "ethnic militias"}
)
# Capitalised words before "tribes" or "militants" that are no community's name.
NOT_COMMUNITIES = frozenset(
    "The A An Both Two Rival Local Armed Tribal Several Many Some Other Village Traditional Border "
    "Hill Nomadic Various Displaced Host Warring Religious Minority Christian Muslim Hindu Islamist "
    "Jihadist Suspected Unidentified Unknown Foreign Government Police Army Leaders Elders".split()
)


def identity_actor(name: str, kind: str) -> Actor | None:
    """The ACLED identity militia a community name and kind word stand for, if any."""
    if name in RELIGIOUS_COMMUNITIES:
        return Actor(RELIGIOUS_COMMUNITIES[name] + " Militia ({country})", 4, "armed", named=True)
    if name.split()[0] in NOT_COMMUNITIES:
        return None
    if kind in CLAN_KINDS:
        return Actor(name + " Clan Militia ({country})", 4, "armed", named=True)
    if name in ETHNIC_COMMUNITIES or kind in COMMUNITY_KINDS:
        return Actor(name + " Ethnic Militia ({country})", 4, "armed", named=True)
    return None


# Seats of government that speak for the civil government, not its forces.
CIVIL_SEATS = frozenset({"White House", "Kremlin", "Downing Street", "Elysee", "Élysée", "Zhongnanhai",
                         "Bundeskanzleramt", "State Department", "Capitol Hill"})  # fmt: skip

# Generic words for a rebel movement's fighters, which stand for it where it is the one named.
REBEL_WORDS = re.compile(r"rebels?|guerrill?as?|insurgents?|separatists?")

_FOREIGN = re.compile(FOREIGN_FORCES)
_GENERIC = [(compile_lower(rf"\b(?:{p})"), name, inter, side) for p, name, inter, side in GENERIC_ACTORS]


class ActorStage:
    name = "actors"

    def __call__(self, doc: Document) -> None:
        text = doc.cased_text
        mentions: list[Mention] = []
        taken = TakenSpans()
        for match in scan(_FOREIGN, text):
            # "U.S.", "U.S" and "US" are one country: its name without dots is the key.
            iso3 = FOREIGN_DEMONYMS[" ".join(match.group("demonym").lower().replace(".", "").split())]
            actor = Actor("Military Forces of {of:" + iso3 + "}", 1, "state", named=True, iso3=iso3)
            taken.add(*match.span())
            mentions.append(Mention(*match.span(), "actor", actor, sentence_of(doc, match.start())))
        for m in doc.layer("places"):
            if m.label != "country":
                continue
            iso3 = m.value.iso3
            if m.value.kind == "government":
                # "New Delhi said its strikes...": the capital's state acted, by its forces; "the
                # White House said": its government.
                civil = m.value.name in CIVIL_SEATS
                actor = Actor(
                    ("Government of {of:" if civil else "Military Forces of {of:") + iso3 + "}",
                    1,
                    "government" if civil else "state",
                    named=True,
                    iso3=iso3,
                )
            elif m.value.kind in ("country", "demonym") and STATE_ACTS.match(text, m.end):
                # "Israel launched strikes on Iran", "with the US joining by bombing", "Russia's
                # missiles": a state named as the one that struck acts by its forces.
                actor = Actor("Military Forces of {of:" + iso3 + "}", 1, "state", named=True, iso3=iso3)
            else:
                continue
            taken.add(m.start, m.end)
            mentions.append(Mention(m.start, m.end, "actor", actor, m.sentence))
        places = TakenSpans([(m.start, m.end) for m in doc.layer("places")])
        for match in scan(IDENTITY_GROUPS, text):
            kind = match.group("kind").lower()
            if kind.startswith("communit") and OF_COMMUNITY.search(
                text, max(0, match.start() - 12), match.start()
            ):
                continue  # "the head of the Sikh community": one of its people, not its militia
            for group in ("a", "b"):
                name = match.group(group)
                strong = kind in CLAN_KINDS or kind in COMMUNITY_KINDS
                if not name or (not strong and places.overlaps(match.start(group), match.end(group))):
                    continue
                actor = identity_actor(name, kind)
                if actor is None:
                    continue
                start, end = match.start(group), match.end(group)
                taken.add(start, end)
                mentions.append(Mention(start, end, "actor", actor, sentence_of(doc, start)))
        # Named groups, in the dictionary's order: an earlier alias wins an overlap.
        for m in doc.layer("named_groups"):
            if taken.overlaps(m.start, m.end):
                continue
            taken.add(m.start, m.end)
            group = m.value
            side = "state" if group.inter == 1 else "armed"
            actor = Actor(group.name, group.inter, side, named=True)
            mentions.append(Mention(m.start, m.end, "actor", actor, m.sentence))
        # "The rebels" in a report that names one rebel movement are that movement's (coders
        # resolve them so); with two or none named they stay unidentified.
        rebels = {m.value.name: m.value for m in mentions if m.value.inter == REBELS and m.value.named}
        movement = next(iter(rebels.values())) if len(rebels) == 1 else None
        # Where named groups end: "Taliban militants", "TTP fighters" are the group's own men.
        group_ends = {m.end for m in mentions if m.value.named and m.value.side == "armed"}
        for pattern, name, inter, side in _GENERIC:
            for match in scan(pattern, doc.lower_text):
                start, end = match.span()
                if taken.overlaps(start, end):
                    continue
                taken.add(start, end)
                if side == "armed" and any(
                    start - 2 <= group_end <= start and not text[group_end:start].strip()
                    for group_end in group_ends
                ):
                    continue
                actor = Actor(name, inter, side)
                if movement is not None and REBEL_WORDS.fullmatch(match.group()):
                    actor = movement
                mentions.append(Mention(start, end, "actor", actor, sentence_of(doc, start)))
        mentions.sort(key=lambda m: m.start)
        doc.set_layer("actors", mentions)
