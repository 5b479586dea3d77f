"""Places a text implies without naming them: "the capital" (the one named before, or the
report's country's), a seat of state ("outside parliament"), a region named by a compass point
or a byname ("northwest Pakistan"). Each is found as a span and the gazetteer entry it stands
for; the place stage makes them mentions like the names it resolves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from strife.document import Document, Mention
from strife.places.gazetteer import (
    Gazetteer,
    GazetteerEntry,
    country_records,
    get_gazetteer,
    supplement_borders,
    supplement_regions,
)
from strife.places.recognise import is_capital
from strife.stages.lexicon import scan
from strife.stages.sentences import sentence_of

# Where a text implies a place: the span that implies it, and the gazetteer entry.
Implied = tuple[int, int, GazetteerEntry]


# "Shelling south of the capital", "the Salvadoran capital": the capital last named before it, or
# else the capital of the report's country, or of the demonym's, where no name of it follows
# ("the capital, Sanaa", "the capital Kabul"). "Somalia's capital", "the capital of Somalia":
# the capital of the country named, where it is a country (not "Dagestan's capital").
_NO_NAME_AFTER = r"(?!\s*(?:city\b\s*)?(?:,\s*|of\s+(?:the\s+)?)?[A-Z])"
# A note that lost its apostrophes writes "Moldova s capital", "the country s capital".
_OWNS = r"(?:['’]s|\ss)"
THE_CAPITAL = re.compile(
    rf"\b(?:the (?:(?P<demonym>[A-Z][a-z]+) )?(?P<word>capital)\b{_NO_NAME_AFTER}"
    rf"|the (?:country|nation){_OWNS} (?P<word4>capital)\b{_NO_NAME_AFTER}"
    rf"|(?P<owner>[A-Z][a-z]+(?: [A-Z][a-z]+)?){_OWNS} (?P<word2>capital)\b{_NO_NAME_AFTER}"
    r"|the (?P<word3>capital) (?:city )?of (?P<of>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b)"
)


# What stands between a name and the phrase that tells what it is: ", ", " — ".
APPOSED_TO = re.compile(r"\s*(?:,|—|–|\()\s*")


def capitals_unnamed(
    doc: Document, places: list[Mention], names: dict[str, str], country: str | None
) -> list[Implied]:
    matches = list(scan(THE_CAPITAL, doc.cased_text))
    if not matches:
        return []
    capitals = [m for m in places if m.value.entry is not None and is_capital(m.value.entry)]
    named = [(m.start, m.value.entry) for m in capitals]
    # "Lima, Peru's capital": the capital told again beside its name, no second mention of it.
    restated = {m.end + len(gap.group()) for m in capitals if (gap := APPOSED_TO.match(doc.text, m.end))}
    found = []
    for match in matches:
        if match.start() in restated:
            continue
        demonym = match.group("demonym") or match.group("owner") or match.group("of")
        before = [entry for start, entry in named if start < match.start()]
        if demonym:
            iso3 = names.get(demonym)
            entry = capital_entry(iso3) if iso3 else None
        elif before:
            entry = before[-1]
        else:
            entry = capital_entry(country) if country else None
        if entry is not None:
            # The word "capital" alone: the country named beside it stays the country's mention.
            word = next(w for w in ("word", "word2", "word3", "word4") if match.group(w))
            found.append((*match.span(word), entry))
    return found


# "Bank workers demonstrated outside the presidential palace": the seats of a state stand in
# its capital, where the sentence names no other place.
STATE_SEAT = re.compile(
    r"\b(?:outside|in front of|near|at|towards|stormed|surrounded|besieged|blocked|blockaded|marched on|"
    r"marched to|gathered at|converged on)\s+(?:the\s+)?"
    r"(?:[\w-]+['’]s\s+|national\s+|federal\s+)?(?:parliament(?: building)?|national assembly|"
    r"presidential (?:palace|residence)|prime minister'?s (?:office|residence)|"
    # "protest actions in front of the ministry of economy", "outside government headquarters".
    r"ministry of (?:the\s+)?[a-z]+|government (?:headquarters|buildings?|house)|supreme court|"
    r"constitutional court|central bank)\b",
    re.I,
)


def seats_of_state(doc: Document, places: list[Mention], country: str | None) -> list[Implied]:
    entry = capital_entry(country) if country else None
    if entry is None:
        return []
    named = {m.sentence for m in places if m.label == "place"}
    found = []
    for match in scan(STATE_SEAT, doc.cased_text):
        if sentence_of(doc, match.start()) not in named:
            found.append((*match.span(), entry))
    return found


@lru_cache(maxsize=1)
def _region_patterns() -> list[tuple[re.Pattern[str], str, str, bool]]:
    def compiled(phrases: list[str]) -> re.Pattern[str]:
        # Whole words: "north-western Pakistani city" names the city, not the region.
        return re.compile(r"\b(?:" + "|".join(phrases) + r")(?![\w-])", re.I)

    patterns = []
    for r in supplement_regions():
        patterns.append((compiled(r["phrases"]), r["unit"], r["iso3"], False))
        if r.get("home_phrases"):
            patterns.append((compiled(r["home_phrases"]), r["unit"], r["iso3"], True))
    return patterns


def regions_named(
    doc: Document, gazetteer: Gazetteer, country: str | None = None, named: frozenset[str] = frozenset()
) -> list[Implied]:
    """The unit a region named without a unit's name lies in ("northwest Pakistan", "Pakistani
    Kashmir"; `supplement.toml`); in a report of the region's country, "in the northwest" too
    (a report whose country is not settled, where that country is `named`: "Pakistani air
    strikes kill 25 in northwest")."""
    found = []
    for pattern, unit, iso3, home in _region_patterns():
        if home and not (country == iso3 or (country is None and iso3 in named)):
            continue
        for match in scan(pattern, doc.cased_text):
            entry = next((e for e in gazetteer.lookup(unit) if e.iso3 == iso3 and e.kind == "admin1"), None)
            if entry is not None:
                found.append((*match.span(), entry))
    return found


@lru_cache(maxsize=1)
def _border_patterns() -> list[tuple[re.Pattern[str], dict[str, str]]]:
    return [(re.compile("|".join(b["phrases"])), b["sides"]) for b in supplement_borders()]


# Headlines capitalise every word ("Fresh Indian Firing at LoC"): the words after the name are
# matched in any case.
_FORCES = r"(?i:(?:troops|army|forces|security forces|border guards|soldiers)(?:['’]s?)?\s+)?"
# Whose fire it was: "Indian firing", "Pakistani troops' shelling", "Indian troops resorted to
# unprovoked firing", "fired by Indian troops".
_FIRE_WORD = r"(?i:fir(?:e|ed|ing)|shell(?:s|ed|ing)|mortars?|artillery)\b"
FIRED_BY = (
    # "Indian firing", "Pakistani troops' unprovoked shelling".
    re.compile(
        r"\b(?P<by>[A-Z][a-z]+)\s+"
        + _FORCES
        + r"(?i:(?:unprovoked|indiscriminate|heavy|cross-border)\s+)*"
        + _FIRE_WORD
    ),
    # "fired by Indian troops", "shelling from the Pakistani side".
    re.compile(
        r"\b(?i:by|from)\s+(?i:the\s+)?(?P<by>[A-Z][a-z]+)\s+(?i:troops|army|forces|soldiers|side|border guards)\b"
    ),
    # "Indian troops resorted to unprovoked firing": small words between, no other name.
    re.compile(
        r"\b(?P<by>[A-Z][a-z]+)\s+(?i:troops|army|forces|soldiers|border guards)\b(?:\s+[a-z'’-]+){0,6}?\s+"
        + _FIRE_WORD
    ),
)
# Violence told beside the line ("Indian firing along the LoC", "LoC violation: two killed in
# shelling", "a blast near the LoC"): a line named with none beside it ("families evacuated
# from villages near the LoC", "LoC districts") places nothing.
VIOLENCE_BEFORE, VIOLENCE_AFTER = 60, 30
VIOLENCE = re.compile(
    r"\b(?i:fir(?:e|ed|ing)|shell(?:s|ed|ing)?|mortars?|artillery|snip(?:er|ing)|blasts?|explosions?|"
    r"(?:land)?mines?|IEDs?|attack(?:s|ed)?|clash(?:es|ed)?|retaliat\w*|violations?|killed|martyred|"
    r"injured|wounded)\b"
)
# Whom it hit: "two Pakistani soldiers were martyred", "an Indian villager was injured".
HIT = re.compile(
    r"\b(?P<who>[A-Z][a-z]+)\s+(?:(?:army|border|security|paramilitary)\s+)?"
    r"(?:soldiers?|troops|civilians?|villagers?|women|children|men|man|woman|boy|girl|personnel|jawans?|"
    r"nationals?|citizens?|people)\b"
)


def _fired_by(words: str, names: dict[str, str], sides: dict[str, str]) -> str | None:
    """The side whose fire the sentence tells: "Indian firing" and "by Indian troops" before the
    looser "Indian troops ... opened fire" (whose words between may name the victims instead)."""
    ranked = [
        (rank, fired.start(), iso3)
        for rank, pattern in enumerate(FIRED_BY)
        for fired in pattern.finditer(words)
        if (iso3 := names.get(fired["by"])) in sides
    ]
    return min(ranked)[2] if ranked else None


def borders_named(
    doc: Document, places: list[Mention], gazetteer: Gazetteer, names: dict[str, str], country: str | None
) -> list[Implied]:
    """The side of a line between two countries that fire across it fell on ("firing along the
    LoC": `supplement.toml`'s borders): the side other than the firing country's, else the side
    of those it hit, else the report's country. No place where none of these says, where no
    violence is told beside the line, or where the sentence names a place of its own ("the
    Barnala sector along the LoC" is at Barnala)."""
    named = {m.sentence for m in places if m.label == "place"}
    found = []
    for pattern, sides in _border_patterns():
        for match in scan(pattern, doc.cased_text):
            index = sentence_of(doc, match.start())
            if index in named:
                continue
            sentence = doc.layer("sentences")[index]
            start = max(sentence.start, match.start() - VIOLENCE_BEFORE)
            if not VIOLENCE.search(doc.cased_text, start, min(sentence.end, match.end() + VIOLENCE_AFTER)):
                continue
            words = doc.cased_text[sentence.start : sentence.end]
            by = _fired_by(words, names, sides)
            hit = (names.get(m["who"]) for m in HIT.finditer(words))
            side = (
                next(iso3 for iso3 in sides if iso3 != by)
                if by is not None
                else next((iso3 for iso3 in hit if iso3 in sides), country if country in sides else None)
            )
            entry = (
                None
                if side is None
                else next(
                    (e for e in gazetteer.lookup(sides[side]) if e.iso3 == side and e.kind == "admin1"), None
                )
            )
            if entry is not None:
                found.append((*match.span(), entry))
    return found


# Fire that crosses a line from where it is shot: "Indian firing", "Pakistani shelling" (not
# "Pak jets", which strike at home as often).
FIRE_ACROSS_AFTER = re.compile(
    r"\s+(?:(?:unprovoked|cross-border|heavy|fresh|indiscriminate)\s+)?(?:firing|fire|shelling)\b", re.I
)


def country_across_the_line(text: str, mentions: list[Mention]) -> str | None:
    """In a report that names no place, the country across a dividing line from the one whose
    ground fire it names ("Elderly woman killed in Indian firing" is news from Pakistan's side of the
    Line of Control): the one country that shares a line (`supplement.toml`) with the strikers'."""
    strikers = {
        m.value.iso3
        for m in mentions
        if m.label == "country" and m.value.kind == "demonym" and FIRE_ACROSS_AFTER.match(text, m.end)
    }
    across = {
        other
        for border in supplement_borders()
        for striker in strikers
        if striker in border["sides"]
        for other in border["sides"]
        if other not in strikers
    }
    return across.pop() if len(across) == 1 else None


@lru_cache(maxsize=256)
def capital_entry(iso3: str) -> GazetteerEntry | None:
    """A country's capital city as the gazetteer lists it."""
    record = next((r for r in country_records() if r["ISO"]["alpha3"] == iso3), None)
    names = (record or {}).get("capital") or []
    # The country tables write some capitals as a list (the Vatican's).
    for name in [names] if isinstance(names, str) else names:
        found = next((e for e in get_gazetteer().lookup(name) if e.iso3 == iso3 and is_capital(e)), None)
        if found is not None:
            return found
    return None
