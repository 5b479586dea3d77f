"""Actors: who is in the text, as ACLED names them, with their category (inter code).

Generic mentions ("security forces", "gunmen") become ACLED's country-qualified names at
assembly, when the event's country is known: `{country}` in a template stands for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.document import Document, Mention
from strife.stages.lexicon import compile_lower
from strife.stages.sentences import sentence_of


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # an ACLED actor name, or a template with {country}
    inter: int  # ACLED actor category (taxonomy.md)
    side: str  # "state" | "armed" | "civilian" | "protester" | "rioter"
    named: bool = False  # a named organisation rather than a generic description


# Named organisations first: the codebook puts rebels (2) and political militias (3) apart.
NAMED_GROUPS: tuple[tuple[str, str, int], ...] = (
    (r"Tehr[ei]e?k-?[ie]-?Taliban Pakistan|\bTTP\b|Pakistani Taliban", "Tehreek-i-Taliban Pakistan", 2),
    (r"Baloch(?:istan)? Liberation Army|\bBLA\b", "Baloch Liberation Army", 2),
    (r"Baloch(?:istan)? Liberation Front|\bBLF\b", "Baloch Liberation Front", 2),
    (r"Balochistan Raji Aajoi Sangar|\bBRAS\b", "Baloch Raji Aajoi Sangar", 2),
    (r"Islamic State[- ]Khorasan|\bIS-?K(?:P)?\b|ISIS-K|Daesh Khorasan", "Islamic State (Khorasan)", 2),
    (r"Hafiz Gul Bahadur", "Hafiz Gul Bahadur Group", 2),
    (r"Lashkar-e-Jhangvi|\bLeJ\b", "Lashkar-e-Jhangvi", 3),
    (r"Lashkar-e-Ta[iy]y?iba|\bLeT\b", "Lashkar-e-Taiba", 3),
    (r"Jaish-e-Mohammad|Jaish-e-Muhammad|\bJeM\b", "Jaish-e-Mohammad", 3),
    (r"Jamaat-ul-Ahrar", "Jamaat-ul-Ahrar", 2),
    (r"Tehreek-e-Labbaik Pakistan|\bTLP\b", "Tehreek-e-Labbaik Pakistan", 3),
    (r"(?i:al[- ]Shabaa?b)", "Al Shabaab", 2),
    (r"Boko Haram|\bJAS\b", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2),
    (r"Islamic State West Africa|\bISWAP\b", "Islamic State (West Africa)", 2),
    (r"Houthis?\b|Ansar Allah", "Ansar Allah (Houthi)", 2),
    (r"Rapid Support Forces|\bRSF\b", "Rapid Support Forces", 2),
    (r"\bM23\b|March 23 Movement", "M23: March 23 Movement", 2),
    (r"Allied Democratic Forces|\bADF\b", "ADF: Allied Democratic Forces", 2),
    (r"\bELN\b|National Liberation Army", "ELN: National Liberation Army", 2),
    (r"Jalisco (?:New Generation )?Cartel|\bCJNG\b", "CJNG: Jalisco New Generation Cartel", 3),
    (r"Sinaloa Cartel", "Sinaloa Cartel", 3),
    (r"Hamas\b", "Hamas Movement", 2),
    (r"Hezbollah|Hizbullah", "Hezbollah", 2),
    (r"Islamic State\b|\bISIS\b|\bISIL\b|Daesh", "Islamic State", 2),
    (r"(?i:al[- ]Qa[e']?ida)", "Al Qaeda", 2),
)

# Generic descriptions: (pattern, template, inter, side).
GENERIC_ACTORS: tuple[tuple[str, str, int, str], ...] = (
    (r"police(?:men|man| officers?| personnel| station| party| team| constables?)?|\bcops?\b|"
     r"Counter[- ]Terrorism Department|\bCTD\b|\blevies\b|constables?",
     "Police Forces of {country}", 1, "state"),
    (r"security forces|security personnel|soldiers?|troops|\barmy\b|military|Frontier Corps|"
     r"\bFC\b|paramilitar(?:y|ies)|jawans|sepoys|armed forces",
     "Military Forces of {country}", 1, "state"),
    (r"militants?|terrorists?|gunmen|gunman|armed men|attackers?|assailants|insurgents|"
     r"khwarij|khawarij|kharijis|fitna al[- ]khawarij|suicide bomber|bombers?|"
     r"unidentified (?:men|persons|people)|unknown (?:men|persons|people)|kidnappers|abductors",
     "Unidentified Armed Group ({country})", 3, "armed"),
    (r"protesters|demonstrators|protestors|rallyists|marchers",
     "Protesters ({country})", 6, "protester"),
    (r"rioters|\bmob\b|angry crowd", "Rioters ({country})", 5, "rioter"),
    (r"civilians?|passengers|worshippers|villagers|children|students|labourers|laborers|"
     r"pilgrims|residents|bystanders|shoppers|commuters|farmers|journalists?|teachers?|"
     r"women|passers-by|family members|traders|shopkeepers|drivers|polio workers|doctors|"
     r"(?:tribal )?elders|worshipers|pedestrians|miners|fishermen",
     "Civilians ({country})", 7, "civilian"),
)  # fmt: skip

# Named groups match case-sensitively: "BLA" and "ADF" are acronyms, "ada" is not.
_NAMED = [(re.compile(p), name, inter) for p, name, inter in NAMED_GROUPS]
_GENERIC = [(compile_lower(rf"\b(?:{p})"), name, inter, side) for p, name, inter, side in GENERIC_ACTORS]


class ActorStage:
    name = "actors"

    def __call__(self, doc: Document) -> None:
        text = doc.text
        mentions: list[Mention] = []
        taken: list[tuple[int, int]] = []
        for pattern, name, inter in _NAMED:
            for match in pattern.finditer(text):
                taken.append(match.span())
                side = "state" if inter == 1 else "armed"
                actor = Actor(name, inter, side, named=True)
                mentions.append(Mention(*match.span(), "actor", actor, sentence_of(doc, match.start())))
        for pattern, name, inter, side in _GENERIC:
            for match in pattern.finditer(doc.lower_text):
                start, end = match.span()
                if any(start < e and s < end for s, e in taken):
                    continue
                taken.append((start, end))
                mentions.append(
                    Mention(start, end, "actor", Actor(name, inter, side), sentence_of(doc, start))
                )
        mentions.sort(key=lambda m: m.start)
        doc.set_layer("actors", mentions)
