"""The counted people a verb of death or injury is told of, however much the text says of them
between the two: "Four students from the Faculty of Islamic Law in Baghdad University were
killed", "27 peasants, including several children, were killed", "Seven men who were allegedly
kidnapped by bandits were found dead", "At least three militiamen loyal to the president have
been killed".

The casualty stage's patterns read a count that stands next to its verb. This reader starts
from a verb they left unread and goes back to its subject: the count that opens the clause,
across the phrases that say who the people were (whose, from where, a relative clause, an
aside between commas), but never across another clause's verb, another count, or the end of
a sentence. It is the grammar of the English subject, not a list of phrases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from strife.stages.lexicon import compile_lower
from strife.stages.numbers import NUMBER_PATTERN, QUALIFIER_PATTERN

# How far back from its verb a subject may open.
SUBJECT_REACH = 160

# What stands between the subject and a verb of death or injury: the auxiliaries and adverbs
# of a passive ("were confirmed killed", "have all been killed", "were found dead"). Where none
# stands, the verb is a headline's bare participle or an intransitive ("died").
AUXILIARIES = compile_lower(
    r"(?:\s+(?:were|are|have|had|been|being|all|also|later|reportedly|allegedly|confirmed|"
    # "were ambushed and killed": what befell them first.
    r"subsequently|eventually|then|found|[a-z]+ly|[a-z]+ed\s+and))*\s*$"
)

# The counted people: a number, up to four words that describe them, and a plural noun.
# Not "a" or "an", which count one, and no verb among the describing words ("an operation was
# in progress").
_COUNTED = (
    rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?!an?\b)(?P<num>{NUMBER_PATTERN})\s+"
    r"(?P<mods>(?:(?!\d|(?:is|are|was|were|has|have|had|and|or|of|to|by)\b)[\w'’\-]+\s+){0,4}%s"
    # "seven Central Reserve Police Force (CRPF) personnel": a unit's name and its initials.
    r"(?:\([\w'’\-]{2,12}\)\s+)?)"
    r"(?P<noun>[a-z]{2,}[a-rt-z]s|[a-z]*men|people|personnel|staff)\b"
)
COUNTED = compile_lower(_COUNTED % "?")
# "13 army weapons experts and officers were executed": where the nearest plural ("weapons")
# leaves words that do not fit, the noun may be the last plural before the verb.
COUNTED_LONGEST = compile_lower(_COUNTED % "")
# Where a subject may open: the sentence's start, a clause's ("…, while six others were
# wounded"), or an aside's.
OPENS_CLAUSE = compile_lower(
    r"(?:^|[.,;:(\"“‘'—–-]|\b(?:and|but|while|whereas|when|as|after|before|until|because|that|where|with))\s*(?:(?:all\s+)?the\s+|all\s+)?$"
)
# A name's words, "Faculty of Islamic Law and Jurisprudence", read on the cased text: its "and"
# joins no clauses.
NAME = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:(?:of|and|the|for|de|del|al|el)\s+)*[A-Z][\w'’\-]*)*")
# Between the subject and its verb: no sentence's end, no other clause, no speaker.
CLAUSE_WORD = compile_lower(
    r"[.;:!?]|\d|\b(?:is|are|was|were|has|have|had|will|would|could|can|did|does|do|said|says|say|"
    r"told|and|but|or|while|when|after|before|because|since|if|than|then|killed|killing|dead|died|"
    r"injured|wounded|hurt|arrested|not|no)\b"
)
# What may say who they were, clause words and all: an aside between commas, what follows
# "including" to the verb, a relative clause ("who were kidnapped by bandits").
ASIDE = compile_lower(r",[^,.;:]{1,80},")
INCLUDING = compile_lower(r"(?:,\s*)?\b(?:including|among them|among whom)\b[^.;:]{1,80}$")
RELATIVE = compile_lower(r"^,?\s*(?:who|whom|that)\b[^.;:]{1,100}$")
# "At least 10 soldiers and pro-government fighters were killed": others named with them, with
# no count of their own; not a clause ("5 soldiers attacked the post and the militants were").
AND_OTHERS = compile_lower(r"^\s+and\s+(?!the\b|a\b|an\b)(?:[\w'’\-]+\s+){0,2}[\w'’\-]+$")
# "nine people, were killed": a stray comma.
STRAY_COMMA = compile_lower(r",\s*$")


@dataclass(frozen=True, slots=True)
class Subject:
    start: int  # where the count opens
    end: int  # where its noun ends
    num: str
    qual: str | None
    noun: str
    mods: str
    said_of_them: str  # the words between the noun and the verb


def _said_of_them_fits(gap: str) -> bool:
    """Whether the words between a counted noun and its verb (cased) only say who the people
    were."""
    if len(gap) > SUBJECT_REACH:
        return False
    gap = NAME.sub("N", gap).lower()
    if RELATIVE.match(gap):
        # A relative clause has verbs of its own; only a figure or a sentence's end breaks it.
        return re.search(r"\d|[.;:]", gap) is None and "killed" not in gap and "dead" not in gap
    if AND_OTHERS.match(gap):
        return CLAUSE_WORD.search(gap.replace(" and ", " ", 1)) is None
    rest = INCLUDING.sub("", gap)
    rest = ASIDE.sub(" ", rest)
    rest = STRAY_COMMA.sub("", rest)
    return CLAUSE_WORD.search(rest) is None


def subject_of(text: str, cased: str, verb_start: int, floor: int) -> Subject | None:
    """The counted subject of the verb at `verb_start`, read no further back than `floor` (the
    sentence's start), or None. `text` is lower-case, `cased` the same text as written."""
    if text.endswith("the ", max(floor, verb_start - 4), verb_start):
        return None  # "the injured", "the dead": people, not a verb
    tail = AUXILIARIES.search(text, max(floor, verb_start - 60), verb_start)
    stem_end = tail.start() if tail is not None else verb_start
    begin = max(floor, verb_start - SUBJECT_REACH)
    for match in COUNTED.finditer(text, begin, stem_end):
        # The words just before it, the sentence's start among them where it is near.
        if not OPENS_CLAUSE.search(text[max(floor, match.start() - 12) : match.start()]):
            continue  # an object ("attacked 3 checkpoints") or whose ("of the 40 passengers")
        gap = cased[match.end() : stem_end]
        if not _said_of_them_fits(gap):
            longest = COUNTED_LONGEST.match(text, match.start(), stem_end)
            if longest is None or longest.end() == match.end():
                continue
            match, gap = longest, cased[longest.end() : stem_end]
        if _said_of_them_fits(gap):
            # The first that fits opens the clause; later ones are inside it.
            return Subject(
                match.start(),
                match.end(),
                match.group("num"),
                match.group("qual"),
                match.group("noun"),
                match.group("mods"),
                gap,
            )
    return None


__all__ = ["Subject", "subject_of"]
