"""Sentence boundaries by rule: fast, and right on news prose without a parser."""

from __future__ import annotations

import re
from bisect import bisect_right

from strife.document import Document, Mention
from strife.stages.calendar import MONTH_PATTERN, WEEKDAY_PATTERN
from strife.stages.spanish import SPANISH_FACT, reads_spanish
from strife.stages.truecase import is_caseless

# Abbreviations that end in a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "cpl",
        "brig",
        "st",
        "no",
        "nos",
        "vs",
        "etc",
        "jan",
        "feb",
        "mar",
        "apr",
        "aug",
        "sept",
        "sep",
        "oct",
        "nov",
        "dec",
        "inc",
        "ltd",
        "co",
        "corp",
        "govt",
        "dept",
        "u.s",
        "u.n",
        "u.k",
        "a.m",
        "p.m",
        "e.g",
        "i.e",
        "approx",
        "est",
        "fig",
        "rs",
    ]
)
# A note may string numbered excerpts of several reports together ("…on friday... ; 2 there was a
# large police presence"): each excerpt is a report of its own, perhaps of another day, and its
# number no count.
_BOUNDARY = re.compile(
    r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9•])|\n\s*\n|\n(?=[•\-*]\s)|(?<=[.!?])\s*;\s*\d{1,2}\s+"
)
_EXCERPT = re.compile(r"\s*;\s*\d{1,2}\s+$")
# The fact that holds the sentences that open such an excerpt.
EXCERPT_FACT = "excerpt_starts"
# What ends a sentence of prose, its closing quote or bracket included.
CLOSERS = ".!?\"'”’)"
# A report's lead: its opening sentences, which tell its own news.
LEAD_SENTENCES = 2
# Fewer sentences than this make a note or a list of headlines rather than an article.
ARTICLE_SENTENCES = 6


def is_note(doc: Document) -> bool:
    """Whether a report is a note or a list of headlines: too short to be an article."""
    return len(doc.layer("sentences")) < ARTICLE_SENTENCES


# In a text that has its case, a line that begins with a capital or a figure after one that
# ends without a comma is a line of its own: a headline of a list of headlines ("…raids on
# Palmyra\n68 people were killed yesterday…"), a caption, a heading. (A caseless wire's lines are
# wrapped mid-sentence, and capitals there are truecased names.)
_PARAGRAPH = re.compile(r"\n\s*\n")
_LINE_BOUNDARY = re.compile(r"(?<=[^\s,;:(\-])[ \t]*\n(?=[\"'“‘(]?[A-Z0-9])")


class SentenceStage:
    name = "sentences"

    def __call__(self, doc: Document) -> None:
        text = doc.cased_text
        spans: list[Mention] = []
        start = 0
        boundaries = [(m.start(), m.end(), m.group()) for m in _BOUNDARY.finditer(text)]
        caseless = is_caseless(doc.text)
        if not caseless:
            boundaries = sorted(
                {*boundaries, *((m.start(), m.end(), m.group()) for m in _LINE_BOUNDARY.finditer(text))}
            )
        for end, after, gap in boundaries:
            if end < start:
                continue  # inside a boundary already taken
            # A caseless wire wraps its lines mid-sentence: "U.S.\nMILITARY ADVISERS" goes on.
            wrapped = caseless and _PARAGRAPH.search(gap) is None
            if ("\n" not in gap or wrapped) and _is_abbreviation(text[max(start, end - 30) : end]):
                continue
            if text[start:end].strip():
                spans.append(_trimmed(text, start, end))
            start = after
        if text[start:].strip():
            spans.append(_trimmed(text, start, len(text)))
        if len(spans) < ARTICLE_SENTENCES:
            spans = [part for span in spans for part in _compound_headline(text, span)]
        for index, span in enumerate(spans):
            span.sentence = index
        doc.set_layer("sentences", spans)
        doc.annotations.facts[EXCERPT_FACT] = frozenset(
            s.sentence for s in spans[1:] if _EXCERPT.search(text, max(0, s.start - 8), s.start)
        )
        # Which sentences are Spanish ("Matan a dos hombres en Uruapan"): the stages after read
        # them with the Spanish rows.
        doc.annotations.facts[SPANISH_FACT] = frozenset(
            s.sentence for s in spans if reads_spanish(text[s.start : s.end])
        )


# A monitor's headline that joins acts in different places ("Clashes in the countryside of
# Aleppo and raids on al-Bab city and casualties in Deir Ezzor", "shell the outskirts of Hama amid
# clashes in its countryside", "… and the death of a child in al-Qaboun", "… and more than 60 air
# strikes targeting the region"): each act is a sentence of its own, so that each may be an
# incident of its own.
_COUNTED = r"(?:(?:more\s+than\s+|about\s+|at\s+least\s+)?(?:\d+|tens|dozens|hundreds)(?:\s+of)?\s+)"
_TOLD_AGAIN = (
    r"(?:violent|heavy|fierce|renewed|intense|new|continued|continuing|ongoing|massive|more|further)"
)
COMPOUND_ACT = re.compile(
    rf"\s+(?:and|amid)\s+(?=the\s+death\s+of\b|(?:the\s+)?{_COUNTED}?(?:{_TOLD_AGAIN}\s+)?"
    r"(?:clashes|fighting|battles|shelling|shells|raids|air ?strikes|airstrikes|"
    r"air\s+and\s+\w+\s+(?:bombardment|strikes)|bombardments?|explosions?|an explosion|barrel bombs|rockets|"
    r"missiles|casualties|a casualty|injuries)\b)",
    re.I,
)

# "Airstrikes target the countryside of Aleppo with clashes continue in several areas of the
# city", "… shell the Eastern Ghouta with the continuation of their clashes against Ahrar
# al-Sham", "… along with ongoing violent fighting": the fighting goes on beside the strikes, an
# act of its own. Not what an act is done with ("attacked the post with rockets").
WITH_FIGHTING = re.compile(
    r"\s+(?:along\s+with|with|accompanied\s+by|as)\s+(?=(?:the\s+)?(?:continuation\s+of\s+(?:the\s+|their\s+)?)?"
    rf"(?:(?:{_TOLD_AGAIN}|escalated|violent|fierce)\s+){{0,2}}"
    r"(?:clashes|fighting|battles|air ?strikes|airstrikes|air\s+and\s+\w+\s+strikes)\b)",
    re.I,
)

# A clause joined by "and", "while" or a semicolon that tells an act of its own, its doer first
# ("and the regime forces shell south of the capital", "while clashes in Chittagong left one
# dead"). It is an act of its own only where each side names a place (`_NAMED`): "attacked a
# post in Bannu and killed two soldiers" is one act.
# A clause that names an act within its first words.
_ACT_AHEAD = (
    r"(?=(?:[\w'’-]+\s+){0,7}?"
    r"(?:shell(?:s|ed|ing)?|bombard(?:s|ed|ing)?|target(?:s|ed|ing)?|(?:air)?strikes?|struck|raid(?:s|ed)?|attack(?:s|ed)?|"
    r"warplanes|bombings?|missiles|rockets|massacres?|execut(?:es|ed)|explode[sd]?|"
    r"ambush(?:es|ed)?|kill(?:s|ed)?|clash(?:es|ed)?|explosions?|blasts?|leaves|left|casualties|died|"
    r"wounded|injured|seize[sd]?|capture[sd]?|storm(?:s|ed)?|abduct(?:s|ed)?|kidnap(?:s|ped)?|"
    r"detonat(?:es|ed)|demonstrat(?:es|ed|ors)|protest(?:s|ed|ers)|march(?:es|ed)|rall(?:ies|ied)|riot(?:s|ed))\b)"
)
CLAUSE_ACT = re.compile(r"(?:\s+and|,?\s+while|;)\s+" + _ACT_AHEAD, re.I)
# A monitor's headlines strung together by commas ("Russian airstrikes target Aleppo, Clashes
# continue in Hama countryside"): after the comma, another act, written with its capital.
COMMA_ACT = re.compile(
    r",\s+(?=(?:[A-Z][\w'’-]*\s+)?(?:Clash|Fighting|Shell|Airstrike|Air strike|Strike|Raid|Bomb|Attack|Explosion|"
    r"Blast|Protest|Demonstrat|Rall|Gunfire|Rocket|Missile|Drone)\w*)"
)
# An Arabic name's article, before its capital ("the western countryside of al-Suwaidaa").
_ARTICLE = r"(?:(?:al|el|ad|ar|as|an|at|az)-)?"
# A name past a clause's first word: where it happened, in a headline ("in the countryside of
# Homs", "in Shekh Said", "south of the capital").
# Or the place an act takes as its object: "Shells target Douma", "jets strike Idlib".
# Not a day: "killed on Monday" names no place.
_NAMED = re.compile(
    r"\s(?:in|on|at|near|around|(?:countryside|outskirts|vicinity|north|south|east|west|city|town|province|"
    rf"district|area|region)\s+of)\s+(?:the\s+)?(?!(?i:{WEEKDAY_PATTERN}|{MONTH_PATTERN})\b)"
    rf"(?:(?:[a-z]+\s+){{0,3}}{_ARTICLE}[A-Z]|capital\b)"
    r"|\s(?:target(?:s|ed|ing)?|shell(?:s|ed|ing)?|bomb(?:s|ed|ing)?|strike|strikes|struck|pound(?:s|ed|ing)?|"
    rf"raid(?:s|ed)?|storm(?:s|ed)?|attack(?:s|ed)?)\s+(?:the\s+)?{_ARTICLE}[A-Z][a-z]"
)


# "…killed in an armed attack in Baghdad, while two others were wounded in an IED explosion":
# other people hurt, in a clause of their own, by an act of its own, after a clause that told
# its own act ("…were killed while four others were injured in a suicide attack" is one).
_ACT_TOLD = (
    r"(?:in|by)\s+(?:an?\s+|the\s+)?(?:[\w'’()-]+\s+){0,5}?"
    r"(?:explosion|blast|attack|shooting|shelling|strike|ambush|bombing)s?\b"
)
OTHERS_HURT = re.compile(
    r"(?:[\w'’-]+\s+){0,2}others?\s+(?:were|was|had been|have been)\s+(?:also\s+)?(?:killed|wounded|injured|hurt)\s+"
    + _ACT_TOLD,
    re.I,
)
TOLD_ACT = re.compile(r"\b" + _ACT_TOLD, re.I)
# "…two peacekeepers have been killed and two others seriously injured when a convoy hit a mine":
# the others of the toll told before, hurt by the one act, unless the clause before told an act
# of its own.
OTHERS_OPENING = re.compile(r"(?:[\w'’-]+\s+){0,2}?others?\b", re.I)


# Gunfire or arms listed with what follows them ("an hour of rifle fire and explosions in San
# Ramon", "Army mortars and air strikes kill a girl").
FIRE_WORDS = frozenset(
    {"fire", "gunfire", "firing", "gunshots", "shooting", "shots", "mortars", "rockets", "missiles", "drones",
     "artillery", "bombs", "grenades", "tanks", "warplanes", "helicopters"}
)  # fmt: skip


# "Pakistan strikes kill 31 militants, drone kills 7": after a comma, another striker's own toll,
# where the clause before it counts its own ("Bomb kills 12, injures 30" is one act).
COUNTED_ACT = re.compile(
    r",\s+(?=(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*\s+){1,2}(?:kills?|killed)\s+(?:at\s+least\s+)?\d)", re.I
)
# "…was shot dead by gunmen and in the meantime 2 other SDF were killed near an oil field",
# "…struck a vehicle in Turbat, whereas a targeted shooting occurred in Qalat": another act,
# said to be another.
ANOTHER = r"in\s+the\s+meantime|meanwhile|separately|elsewhere"
ANOTHER_ACT = re.compile(rf"(?:,?\s+whereas|,?\s+and\s+(?:{ANOTHER})),?\s+" + _ACT_AHEAD, re.I)
# "…killing one person, followed by a third grenade, launched in Butere", "; while in the south
# of the city another blast missed a police patrol": a clause that counts on to another act.
ANOTHER_COUNTED = re.compile(
    r"(?:[,;]\s*(?:and\s+|while\s+|followed\s+by\s+|then\s+)?|\s+(?:and|while|then)\s+)"
    r"(?=(?:[\w'’-]+\s+){0,6}?(?:another|a\s+second|a\s+third|a\s+fourth|a\s+further)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(?:bomb|blast|explosion|attack|grenade|bomber|shooting|strike|raid|ambush)s?\b)",
    re.I,
)
# "Pakistan attacks kill 48 militants, six civilians die in bombing": after a comma, others
# dead in an act of their own, where the clause before counts its own.
COUNTED_DEAD_IN = re.compile(
    r",\s+(?=(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|[a-z]+ty)\s+(?:[a-z][\w'’-]*\s+){0,2}"
    r"(?:die|dies|died|killed|dead)\s+in\s+(?:an?\s+|the\s+)?(?:[a-z]+\s+)?"
    r"(?:bombings?|blasts?|attacks?|strikes?|airstrikes?|explosions?|shelling|ambush|clash(?:es)?|firing|raids?)\b)",
    re.I,
)
_KILLS_COUNT = re.compile(r"\bkill(?:s|ed)?\s+(?:at\s+least\s+)?\d", re.I)
# "Pakistani police kill militants in Lahore after bomb kills one", "Mass arrests in Pakistan
# after gunmen shoot at plane": after "after", a doer and its act in a headline's present tense,
# an act of its own, where the clause before tells one too (a toll, an arrest or a raid).
ACT_AFTER = re.compile(
    r"\s+(?:after|following)\s+(?=(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:kills|shoot|shoots|attack|attacks|explodes|strikes|storm|storms|ambush|ambushes|open\s+fire|opens\s+fire)\b)",
    re.I,
)
_OWN_ACT_BEFORE = re.compile(
    r"\b(?:kill|kills|arrests?|arrested|detain(?:s|ed)?|raids?|raided|clash(?:es|ed)?|shell(?:s|ed)?)\b", re.I
)


def _compound_headline(text: str, span: Mention) -> list[Mention]:
    """A note's sentence cut where it joins another act, each part with three words at least."""
    cuts = sorted(
        {m.span() for m in COMPOUND_ACT.finditer(text, span.start, span.end)}
        | {m.span() for m in WITH_FIGHTING.finditer(text, span.start, span.end)}
        | {m.span() for m in ANOTHER_ACT.finditer(text, span.start, span.end)}
        | {m.span() for m in ANOTHER_COUNTED.finditer(text, span.start, span.end)}
        | {
            m.span()
            for m in COUNTED_DEAD_IN.finditer(text, span.start, span.end)
            if _KILLS_COUNT.search(text, span.start, m.start())
        }
        | {
            m.span()
            for m in COUNTED_ACT.finditer(text, span.start, span.end)
            if _KILLS_COUNT.search(text, span.start, m.start())
        }
        | {
            m.span()
            for m in ACT_AFTER.finditer(text, span.start, span.end)
            if _OWN_ACT_BEFORE.search(text, span.start, m.start())
        }
        | {
            m.span()
            for m in COMMA_ACT.finditer(text, span.start, span.end)
            if _NAMED.search(text, span.start, m.start()) and _NAMED.search(text, m.end() - 1, span.end)
        }
        | {
            m.span()
            for m in CLAUSE_ACT.finditer(text, span.start, span.end)
            if (
                _NAMED.search(text, span.start, m.start())
                and _NAMED.search(text, m.end() - 1, span.end)
                and not (
                    OTHERS_OPENING.match(text, m.end()) and not TOLD_ACT.search(text, span.start, m.start())
                )
            )
            or (
                m.group().lstrip(", ").lower().startswith("while")
                and OTHERS_HURT.match(text, m.end())
                and TOLD_ACT.search(text, span.start, m.start())
            )
        }
    )
    parts: list[Mention] = []
    start = span.start
    for cut_start, cut_end in cuts:
        if cut_start < start:
            continue
        before = text[start:cut_start].split()
        # "killed in clashes and shelling in Kurram": acts listed together share one place. Not
        # an aside closed by its comma ("…, causing casualties, and regime forces target…").
        listed = (
            bool(before)
            and not before[-1].endswith(",")
            and (COMPOUND_ACT.match(" and " + before[-1]) is not None or before[-1].lower() in FIRE_WORDS)
        )
        if len(before) >= 3 and not listed and len(text[cut_end : span.end].split()) >= 3:
            parts.append(_trimmed(text, start, cut_start, clause=bool(parts)))
            start = cut_end
    parts.append(_trimmed(text, start, span.end, clause=bool(parts)))
    return parts


def _is_abbreviation(before: str) -> bool:
    """Whether the full stop that ends `before` belongs to an abbreviation or an initial."""
    words = before.split()
    if not words or not words[-1].endswith("."):
        return False
    word = words[-1].rstrip(CLOSERS).lower()
    return word in ABBREVIATIONS or (len(word) == 1 and word.isalpha())


# The value of a sentence cut from a headline after its first act: a clause that tells an act
# of its own.
CLAUSE = "clause"


def _trimmed(text: str, start: int, end: int, clause: bool = False) -> Mention:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Mention(start, end, "sentence", CLAUSE if clause else None)


def sentence_span(doc: Document, offset: int) -> Mention | None:
    """The sentence that holds a character offset, if any."""
    starts = doc.annotations.facts.get("sentence_starts")
    spans = doc.layer("sentences")
    if starts is None or len(starts) != len(spans):
        starts = doc.annotations.facts["sentence_starts"] = [span.start for span in spans]
    index = bisect_right(starts, offset) - 1
    if index >= 0 and offset < spans[index].end:
        return spans[index]
    return None


def sentence_of(doc: Document, offset: int) -> int:
    """Index of the sentence that holds a character offset (-1 if none)."""
    span = sentence_span(doc, offset)
    return span.sentence if span is not None else -1
