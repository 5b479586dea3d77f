"""Claims of responsibility, denials and blame; and who reported the figures.

claim_status follows the spec: `claimed`, `unclaimed` (the text says no one claimed it),
`attributed` (officials blame a group that has not claimed it), `denied`, `unknown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.document import Document, Mention
from strife.stages.lexicon import compile_lower, scan
from strife.stages.sentences import sentence_of
from strife.stages.taken_spans import TakenSpans


@dataclass(frozen=True, slots=True)
class Claim:
    status: str  # claimed | unclaimed | attributed | denied


@dataclass(frozen=True, slots=True)
class Reporter:
    name: str


CLAIM_PATTERNS: tuple[tuple[str, str], ...] = (
    ("unclaimed", r"(?:no (?:group|one|organi[sz]ation|militant group|outfit|faction)|nobody|none)\s+(?:has\s+|had\s+)?"
                  r"(?:\w+\s+)?(?:claimed|accepted|taken|took) (?:the\s+)?(?:responsibility|credit|the attack|the bombing|the killing)|"
                  r"(?:has|had|was)\s+(?:not\s+|yet\s+)(?:yet\s+)?(?:been\s+)?claimed|yet to be claimed|"
                  r"no (?:immediate )?claims? of responsibility|(?:went|remained|is|was) unclaimed|"
                  r"no (?:immediate )?claim\b"),
    # A denial of the act, not of anything ("denied losing six aircraft", "were denied basic rights").
    ("denied", r"(?<!was )(?<!were )(?<!been )(?<!being )(?<!are )(?<!is )(?<!be )"
               r"\bden(?:ied|ies|ying)\s+(?:any\s+|all\s+|direct\s+)?(?:responsibility|involvement|role|links?|"
               r"(?:a\s+|any\s+)?hand\b|complicity|carrying (?:it |them )?out|being behind|(?:having\s+)?(?:carried|conducted|launched|"
               r"staged)\b|(?:the\s+)?(?:claims?|reports?|allegations?|accusations?|charges?)\b|"
               r"(?:using|firing|opening fire|shooting|killing|attacking|targeting|bombing|shelling|striking|"
               r"dropping|torturing|kidnapping|abducting|detaining|seizing)\b|that (?:the|its|their) \w+ (?:had|has|was|were)\b|"
               r"(?:that\s+)?(?:it|they|its \w+|their \w+|the group|(?:his|her) \w+)\s+(?:was|were|had|is|are|did|"
               r"carried|conducted|launched|fired|attacked|killed|targeted|struck|shot)\b)|"
               r"rejected (?:the\s+)?(?:claims?|allegations?|accusations?)|had nothing to do with|"
               r"dismissed (?:the\s+)?(?:claims?|allegations?|accusations?|reports?)|"
               r"rejected (?:\w+ )?as (?:baseless|false|fabricated|propaganda|lies)|"
               r"(?:called|described) (?:the\s+)?(?:claims?|allegations?|accusations?|reports?) (?:as )?"
               r"(?:baseless|false|fabricated|propaganda|lies)"),
    # Headlines claim in the present: "BLA claims responsibility", "Resistance claims to kill 80
    # junta troops", "Kayah forces claim successful attacks".
    ("claimed", r"claim(?:ed|s) (?:responsibility|credit)|claims? to (?:have )?(?:killed|kill|shot|shoot|destroyed|destroy|"
                r"seized|seize|captured|capture|downed|down)\b|claims? (?:successful |deadly )?(?:attacks?|ambush(?:es)?|"
                r"strikes?|raids?)\b|claims? (?:\d+|\w+) (?:\w+ ){0,3}(?:killed|dead)\b|claimed (?:the|that|this|its|a) (?:\w+ )?(?:attack|bombing|blast|killing|"
                r"abduction|assault|ambush|strike|operation|raid|kidnapping)s?|responsibility (?:was|has been|had been) claimed|"
                r"(?:took|taken|accepted|assumed) responsibility|said (?:on \w+ )?(?:that )?(?:it|they) (?:had )?carried out|"
                r"claimed (?:that )?its (?:fighters|men|members|cadres)|"
                r"said (?:(?:on |early |late )?\w+ )?(?:that )?(?:it|they|the group|its fighters) had (?:seized|taken|captured|"
                r"killed|attacked|established|carried out)|"
                r"acknowledged (?:\w+ ){0,3}(?:that )?(?:it|they|one of (?:its|their) units|its (?:fighters|men|members))\b|"
                r"(?:group|militant|movement|rebel|insurgent)s?['’]s? (?:\w+ ){0,3}(?:radio|news agency|media|channel|"
                r"statement|spokesman) (?:\w+ ){0,3}(?:reported|said|announced)|\bamaq\b"),
    ("attributed", r"\bblamed\b|\bblames\b|accused|attributed (?:the (?:attack|blast|bombing) )?to|held (?:\w+ ){0,3}responsible|"
                   r"\bbacked by\b|sponsored by|(?:evidence|suspicion) pointed to|suspected (?:to be|of being) behind|"
                   r"(?:was|were) behind the (?:attack|blast|bombing|killing)|\bblaming\b|accusations?\b|"
                   r"(?:appeared|appears|seemed|seems) to be the work of|(?:bore|bears) the hallmarks of|"
                   r"(?:investigators|police|officials|authorities) (?:suspect|believe)|believed to (?:have been|be) (?:carried out|behind)|"
                   r"linked (?:the\s+)?(?:killings?|attacks?|bombings?|blasts?|murders?) to|"
                   r"(?:arsenal|weapons|explosives|cache|arms) belonged to|hideout of (?:the\s+)?(?:proscribed|banned)|"
                   r"plan by (?:the\s+)?(?:banned|proscribed)|suspect(?:ed)? (?:members of )?(?:the\s+)?\S+ (?:\S+ )?(?:were|was) behind"),
)  # fmt: skip

# When an incident's sentences say several things, the strongest wins: a claim over a denial,
# a denial over officials' blame, blame over "no one claimed it".
CLAIM_PRIORITY = ("claimed", "denied", "attributed", "unclaimed")

# Parties whose statements carry figures. An interested party (the military, the group
# itself) is named as such: it is not an independent source.
REPORTERS: tuple[tuple[str, str], ...] = (
    (r"\bISPR\b|Inter-Services Public Relations", "ISPR"),
    (r"\bCTD\b|Counter[- ]Terrorism Department", "CTD"),
    (r"Rescue 1122|rescue officials|rescuers", "rescue services"),
    (r"hospital (?:officials|sources|authorities)|doctors|medical (?:officials|sources)", "hospital"),
    (r"police (?:said|say|officials?|sources|spokesm[ae]n|chief|stated|told|confirmed)|"
     r"according to (?:the\s+)?police|(?:SHO|DPO|SSP|IGP|DIG)\b", "police"),
    (r"(?:military|army) (?:said|says|stated|spokesm[ae]n|statement)|the military's media wing", "military"),
    (r"officials? (?:said|say|told|confirmed)|according to (?:local\s+)?officials|"
     r"deputy commissioner|district administration|administration officials", "officials"),
    (r"(?:interior|defence|defense|health) ministry|ministry of (?:interior|defence|health)", "ministry"),
    (r"(?:the\s+)?(?:group|outfit|militants?) (?:said|claimed) in a statement|"
     r"in a statement (?:claiming|issued by the group)", "the group itself"),
    (r"residents said|witnesses|eyewitnesses|locals said", "witnesses"),
    (r"Syrian Observatory|\bSOHR\b|(?:war|conflict|rights) monitor|the monitor", "monitor"),
    (r"\bUN\b|United Nations|\bOCHA\b|UNICEF|\bWHO\b|World Health Organi[sz]ation", "UN"),
    (r"Red Cross|\bICRC\b|Red Crescent|\bMSF\b|Doctors Without Borders|Medecins Sans Frontieres", "aid agencies"),
    (r"(?i:(?:the\s+)?(?:rebels?|insurgents|movement|guerrillas?|group) (?:said|claimed|says))|(?i:the group's (?:statement|spokesman))", "the group itself"),
    (r"(?i:(?:governor|mayor|district chief|council chairman|local government chairman|ombudsman)(?: [A-Z][\w-]+){0,3},? (?:said|told|confirmed))|"
     r"(?i:officials? (?:in [\w-]+ (?:province |state |region )?)?(?:gave|put))", "officials"),
    (r"Amnesty International|Human Rights Watch|(?i:rights (?:group|organi[sz]ation|activists))", "rights group"),
    (r"\bNGO\b|(?i:non-governmental organi[sz]ation)", "NGO"),
)  # fmt: skip

# Every pattern starts a word: the engine then tries its alternatives only at word starts.
_CLAIMS = [(compile_lower(rf"\b(?:{p})"), Claim(status)) for status, p in CLAIM_PATTERNS]
# A row written wholly case-insensitively ("(?i:...)") runs on the lower-cased text, where
# matching is cheaper; the others keep case, for acronyms ("UN", "ISPR").
_REPORTERS = [
    (
        compile_lower(rf"\b(?:{p.replace('(?i:', '(?:')})")
        if p.startswith("(?i:")
        else re.compile(rf"\b(?:{p})"),
        Reporter(name),
        p.startswith("(?i:"),
    )
    for p, name in REPORTERS
]


class ClaimStage:
    name = "claims"

    def __call__(self, doc: Document) -> None:
        claims: list[Mention] = []
        taken = TakenSpans()
        for pattern, claim in _CLAIMS:  # `unclaimed` first: "no group claimed" is not a claim
            for match in scan(pattern, doc.lower_text):
                start, end = match.span()
                if taken.overlaps(start, end):
                    continue
                taken.add(start, end)
                claims.append(Mention(start, end, "claim", claim, sentence_of(doc, start)))
        reporters = [
            Mention(*m.span(), "reporter", reporter, sentence_of(doc, m.start()))
            for pattern, reporter, folded in _REPORTERS
            for m in scan(pattern, doc.lower_text if folded else doc.text)
        ]
        doc.set_layer("claims", sorted(claims, key=lambda m: m.start))
        doc.set_layer("reporters", sorted(reporters, key=lambda m: m.start))
