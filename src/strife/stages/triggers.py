"""Event triggers: the words that say an incident happened, and the sub-event type each implies.

A table, most specific first; each row names the codebook decision it encodes. The strongest
trigger of an incident decides its type at assembly.
"""

from __future__ import annotations

from dataclasses import dataclass

from strife.document import Document, Mention
from strife.stages.lexicon import compile_lower
from strife.stages.sentences import sentence_of


@dataclass(frozen=True, slots=True)
class Trigger:
    sub_event_type: str
    strength: int  # higher wins when an incident has several triggers
    # Whether the trigger alone says people were harmed (a clash) or only that something
    # happened that may be coded by other evidence (an operation).
    violent: bool = True


# (pattern, sub_event_type, strength, violent)
TRIGGERS: tuple[tuple[str, str, int, bool], ...] = (
    # Suicide bomb: "suicide bombings and suicide vehicle bombs; the bomber counts among the dead"
    (r"suicide (?:bomb(?:er|ing|ings)?|attack(?:er)?s?|blast|explosion|car bomb|vest|jacket)|"
     r"blew (?:himself|herself|themselves) up|self-detonat\w*|(?:SVBIED|VBIED)", "Suicide bomb", 90, True),
    # Air/drone strike: "any air-to-ground attack, helicopters included"
    (r"drone (?:strike|attack)s?|air ?strikes?|aerial (?:bombardment|strike|attack)s?|"
     r"bombed from the air|helicopter gunships?|airstrikes?", "Air/drone strike", 85, True),
    # Chemical weapon: CWC Schedule 1 agents only
    (r"chemical (?:weapons?|attack)|sarin|nerve agent|mustard gas", "Chemical weapon", 85, True),
    # Remote explosive: "remotely or victim-detonated devices, roadside bombs, landmines, UXO"
    (r"\bIEDs?\b|improvised explosive|roadside bomb|landmines?|land mine|mine blast|"
     r"remote[- ]controlled? (?:bomb|device|blast)|bomb (?:blast|explosion|attack)|"
     r"explosive device|(?:blast|explosion) (?:ripped|hit|struck|targeted|occurred|took place)|"
     r"\b(?:a|the|powerful|massive|deadly) (?:blast|explosion)|magnetic bomb|sticky bomb|"
     r"unexploded ordnance|planted (?:a )?bomb|bomb went off", "Remote explosive/landmine/IED", 70, True),
    # Grenade: "a thrown grenade or similar explosive (not crude bombs or stun grenades)"
    (r"(?<!stun )(?<!hand-made )grenades?|hand grenade", "Grenade", 75, True),
    # Shelling/artillery/missile: "artillery, mortars, missiles, rockets, RPGs"
    (r"shell(?:ing|ed|s)\b|mortars?|artillery|missiles?|rockets?(?! science)|\bRPGs?\b|"
     r"cross-border (?:fire|firing)|heavy weapons fire", "Shelling/artillery/missile attack", 65, True),
    # Abduction: "a kidnapping or disappearance with no other violence reported"
    (r"kidnapp?(?:ed|ing|s)|abduct(?:ed|ion|ing|s)|taken hostage|went missing|forcibly disappeared|"
     r"enforced disappearance", "Abduction/forced disappearance", 50, True),
    # Sexual violence
    (r"\braped?\b|gang-?raped?|sexual(?:ly)? (?:assault|violence|abuse)", "Sexual violence", 60, True),
    # Excessive force: "force that causes, or could cause, serious or lethal injury"
    (r"(?:opened fire|fired|shot) (?:at|on) (?:the )?(?:protesters|demonstrators|protestors)|"
     r"(?:protesters|demonstrators) (?:were )?(?:shot|killed)", "Excessive force against protesters", 80, True),
    # Protest with intervention: forces disperse without serious injury
    (r"tear ?gas|baton[- ]charg\w+|lathi[- ]?charg\w+|water cannons?|dispersed (?:the )?"
     r"(?:protesters|demonstrators|rally|crowd|protest)", "Protest with intervention", 55, True),
    # Violent demonstration: "vandalism, road blocking with violence, clashes"
    (r"\briot(?:s|ed|ing)?\b|pelted stones|stone[- ]pelting|torched|set (?:on )?fire to|"
     r"ransacked|vandali[sz]ed", "Violent demonstration", 45, True),
    # Mob violence: "a mob attacks others outside a demonstration"
    (r"lynch(?:ed|ing)?|\bmob\b|mob attack|communal clash(?:es)?", "Mob violence", 50, True),
    # Armed clash: "armed, organised groups fight"
    (r"clash(?:ed|es)?\b|exchange of fire|gun ?fight|fire ?fight|encounter\b|fought|"
     r"gun battle|shoot-?out|exchanged fire|attacked (?:a |the )?(?:check ?post|convoy|camp|post|"
     r"police station|base|patrol|security forces|soldiers|troops)|ambush(?:ed)?|"
     r"(?:intelligence-based |search |security |military |counter-terrorism )operation",
     "Armed clash", 40, True),
    # Government regains territory
    (r"(?:recaptured|retook|regained control of|liberated) ", "Government regains territory", 60, True),
    # Non-state actor overtakes territory
    (r"(?:seized|captured|overran|took control of) (?:the )?(?:town|city|village|district|base)",
     "Non-state actor overtakes territory", 58, True),
    # Attack (violence against civilians): shootings, killings of unarmed people
    (r"shot dead|gunned down|killed|opened fire|shot (?:and|at)|attack(?:ed|s)?\b|"
     r"assassinat\w+|murdered|beheaded|stabbed|target killing|targeted killing|"
     r"bodies (?:were )?found|torture[ds]?|martyred", "Attack", 30, True),
    # Peaceful protest
    (r"protest(?:ed|s|ing)?\b|demonstrat(?:ion|ions|ed|ors)|rall(?:y|ies|ied)\b|sit-in|"
     r"march(?:ed)? (?:to|towards|on)|strike (?:was )?observed|shutter[- ]down|wheel-jam|"
     r"staged a|dharna", "Peaceful protest", 20, True),
    # Arrests: "politically significant arrests"
    (r"arrest(?:ed|s)?\b|detained|taken into custody|apprehended|nabbed",
     "Arrests", 15, False),
    # Disrupted weapons use: "a bomb defused, an attack foiled, weapons seized"
    (r"defused|foiled|thwarted|bomb disposal|recovered (?:explosives|weapons|arms)|"
     r"(?:weapons|arms|explosives|ammunition) (?:were )?(?:seized|recovered)|"
     r"seized (?:weapons|arms|explosives)", "Disrupted weapons use", 25, False),
    # Agreement: "ceasefires, peace deals, prisoner exchanges"
    (r"ceasefire|cease-fire|truce|peace (?:deal|agreement|accord)|prisoner exchange",
     "Agreement", 18, False),
)  # fmt: skip

_COMPILED = [
    (compile_lower(rf"\b(?:{pattern})"), Trigger(sub, strength, violent))
    for pattern, sub, strength, violent in TRIGGERS
]


class TriggerStage:
    name = "triggers"

    def __call__(self, doc: Document) -> None:
        mentions: list[Mention] = []
        for pattern, trigger in _COMPILED:
            for match in pattern.finditer(doc.lower_text):
                mentions.append(Mention(*match.span(), "trigger", trigger, sentence_of(doc, match.start())))
        mentions.sort(key=lambda m: m.start)
        doc.set_layer("triggers", mentions)
