"""Finding gazetteer names in a text and choosing which place each one means.

Recognition is by the gazetteer, not by NER: runs of capitalised words are looked up, longest
first. Resolution prefers the article's country, places the text names together (a district
and its province), units over homonymous villages, and larger places over smaller ones.
"""

from __future__ import annotations

import math
import re
import tomllib
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from strife.places.gazetteer import (
    UNIT_WORDS,
    Gazetteer,
    GazetteerEntry,
    country_records,
    distance_km,
    normalise_name,
)

# A run of capitalised words, with the small words that join place names ("Dera Ismail Khan",
# "Mazar-e Sharif", "Kafr Nabl", "Bay of ..."), and the Arabic article that news may leave
# lower-case before one ("al-Bab", "el-Arish").
_ARTICLE = r"(?:al|el|ad|ar|as|ash|at|az|an|ez|es|ed|et|en|er)-"
ARTICLE_TOKEN = re.compile(_ARTICLE)
CAPITALISED_RUN = re.compile(
    rf"(?:\b{_ARTICLE})?\b[A-Z][\w'’.\-]*"
    rf"(?:\s+(?:(?:al|el|ul|e|i|de|del|di|da|la|le|of|bin|ibn)\s+|{_ARTICLE})?[A-Z][\w'’.\-]*){{0,4}}"
)
# Capitalised words that are names of nothing on a map in news prose, though GeoNames has
# a village of each.
STOPWORDS = frozenset(
    """the a an in on at of from by for and or but with after before as police army military security en
    abu umm ibn bin tomahawk patriot hellfire scud kinzhal iskander kalibr
    forces government president prime minister ministry chief general commander officer officials
    official spokesman spokesperson minister's court high supreme national federal provincial district
    state islamic republic party people's people news agency reuters afp ap xinhua app dawn said says
    monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december eid ramadan muslim muslims christian hindu sikh shia sunni
    christmas easter diwali holi thanksgiving halloween passover hanukkah nowruz ashura muharram
    council assembly senate parliament congress committee union front movement group league university college
    school hospital station road street highway bridge camp base hotel market mosque church temple
    north south east west northern southern eastern western central upper lower greater new old
    mr mrs ms dr prof gen lt col maj capt sgt brig sir lord king queen prince sheikh mullah maulana
    inspector superintendent deputy assistant senior junior director secretary governor mayor
    reading mobile independence union liberty unity victory justice freedom peace hope mercy
    sunday's monday's amid despite during following meanwhile however
    though although while whilst when whereas if unless since because yet also then still later
    earlier elsewhere separately overnight yesterday today tonight
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds
    thousands dozens dozen scores most many several both each every other another few
    christians christian muslims hindus sikhs jews ahmadis shias sunnis tribesmen villagers residents
    he she they it we i his her their its our this that these those there here no not all any some
    arab arabs nato earth mars
    """.split()
)
# Words after a name that make it a place's name ("Kalat District Police" → Kalat District).
UNIT_TAILS = frozenset(
    "district province division tehsil agency valley road city town bazaar area village region state "
    "police airport border camp county parish township department council mayor governor chief "
    "university hospital school high press club sheriff residents market".split()
)
# Words of a run; a hyphen before a capital joins two names ("DFL-Minneapolis",
# "Nebraska-Lincoln"), one before a small letter is inside one ("Mazar-e Sharif"), except before
# a word that makes the name a modifier ("Atlanta-area", "Toronto-based", "Canada-wide").
HYPHEN_MODIFIERS = (
    "area|based|born|wide|bound|owned|run|led|backed|made|style|era|registered|flagged|controlled|"
    "administered|occupied|held|bred|raised|headquartered|listed|centric|focused|specific|only"
)
_TOKEN = re.compile(rf"[^\s\-]+(?:-(?![A-Z]|(?:{HYPHEN_MODIFIERS})\b)[^\s\-]+)*-?")
# The most tokens a name is looked up with: a run of hyphenated words ("Al-Qaeda-linked-…")
# has as many tokens as it likes, and trying each of its spans would be quadratic in them.
MAX_NAME_TOKENS = 8
MIN_POPULATION_ALONE = 5_000  # a single word at a sentence's start is a place only if this large


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    surface: str
    entries: tuple[GazetteerEntry, ...]
    unit: bool = False  # named with its kind: "Kalat district", "Fairfield County"
    # Found only as GeoNames' other spelling of a town: no place where the countries the text
    # names, or its other names lie in, are others ("La Guayra" in a report from Tabasco).
    spelt_otherwise: bool = False


# First names news puts before a surname ("Carlos" of "Carlos Pizarro"), learned from the news
# by tools/build_given_names.py: a town's name right after one is a person's.
GIVEN_NAMES_PATH = Path(__file__).with_name("given_names.txt")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    return frozenset(GIVEN_NAMES_PATH.read_text(encoding="utf-8").split())


# Abbreviations news writes for provinces and states (AP style for the American states), as
# the gazetteer names them.
ABBREVIATIONS: dict[str, str] = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California", "Colo.": "Colorado",
    "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida", "Ga.": "Georgia", "Ill.": "Illinois",
    "Ind.": "Indiana", "Kan.": "Kansas", "Kans.": "Kansas", "Ky.": "Kentucky", "La.": "Louisiana",
    "Md.": "Maryland", "Mass.": "Massachusetts", "Mich.": "Michigan", "Minn.": "Minnesota",
    "Miss.": "Mississippi", "Mo.": "Missouri", "Mont.": "Montana", "Neb.": "Nebraska", "Nebr.": "Nebraska",
    "Nev.": "Nevada", "N.H.": "New Hampshire", "N.J.": "New Jersey", "N.M.": "New Mexico",
    "N.Y.": "New York", "N.C.": "North Carolina", "N.D.": "North Dakota", "Okla.": "Oklahoma",
    "Ore.": "Oregon", "Pa.": "Pennsylvania", "R.I.": "Rhode Island", "S.C.": "South Carolina",
    "S.D.": "South Dakota", "Tenn.": "Tennessee", "Tex.": "Texas", "Vt.": "Vermont", "Va.": "Virginia",
    "Wash.": "Washington", "W.Va.": "West Virginia", "W. Va.": "West Virginia", "Wis.": "Wisconsin",
    "Wyo.": "Wyoming", "D.C.": "District of Columbia", "B.C.": "British Columbia", "Ont.": "Ontario",
    "KP": "Khyber Pakhtunkhwa", "KPK": "Khyber Pakhtunkhwa", "AJK": "Azad Kashmir",
    "NSW": "New South Wales",
}  # fmt: skip
# Whose unit an abbreviation is ("Ga." is Georgia the state); the American states otherwise.
ABBREVIATION_COUNTRY = {"B.C.": "CAN", "Ont.": "CAN", "KP": "PAK", "KPK": "PAK", "AJK": "PAK", "NSW": "AUS"}

# A unit's kind written after its name, inside the name or just after it.
UNIT_AFTER = re.compile(
    r"\s*(?:district|province|agency|tehsil|division|region|state|governorate|county|municipality|"
    r"prefecture|oblast|raion|department|territory|parish|local government area|lga|wilaya)\b",
    re.I,
)
# "in San Miguel and Morazan departments", "Kunar and Nangarhar provinces": names listed before
# their kind in the plural are each a unit of that kind.
UNITS_AFTER = re.compile(
    r"\s*(?:districts|provinces|agencies|tehsils|divisions|regions|states|governorates|counties|"
    r"municipalities|prefectures|oblasts|departments|territories|parishes)\b",
    re.I,
)
LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)", re.I)


# Words before a name that say it is a place: "in Jabalia", "near Khan Younis".
PLACE_BEFORE = re.compile(
    r"\b(?:in|near|at|outside|into|around|across"
    # "the eastern countryside of Al-Raqqah", "the outskirts of Jobar": a monitor's places.
    r"|(?:countryside|countrysides|outskirts|vicinity|suburbs?|desert) of)\s+(?:the\s+)?$"
)


# What a text says of the lands whose names English spells many ways: only a text that speaks
# of them is read for a name spelt otherwise ("Kwa Siyoni" in Bujumbura is no Quwaysina of Egypt).
TRANSLITERATED_LANDS = re.compile(
    r"\b(?:Syria|Gaza|Palestin|West Bank|Israel|Leban|Iraq|Yemen|Sudan|Libya|Egypt|Jordan|Saudi|Tunisia|"
    r"Algeria|Morocc|Mauritania|Houthi|Hamas|Hezbollah|Kurd|Arab|Damascus|Baghdad|Beirut|Cairo|Tripoli|Khartoum|Sanaa|"
    # A monitor's headline that names no country: its governorates and the sides it names.
    r"Aleppo|Idlib|Idleb|Homs|Hama|Daraa|Deir Ezzor|Deir ez-Zor|Raqqa|Hasakah|Hasakeh|Latakia|Lattakia|Quneitra|"
    r"Ghouta|Euphrates|Mosul|Anbar|Basra|Benghazi|Misrata|Hodeidah|Taiz|Marib|Aden|regime forces)",
    re.I,
)


# The Arabic article that opens a name, as English news writes it ("Al-", "El ", "Ash-").
LEADING_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|at|az|ad|ed|es|et|en|er)[- ](?=\w)", re.I)
# The country a word of `TRANSLITERATED_LANDS` names, where it names one.
LAND_OF_WORD: dict[str, str] = {
    word: iso3
    for iso3, words in {
        "SYR": "syria damascus aleppo idlib idleb homs hama daraa deir raqqa hasakah hasakeh latakia lattakia "
        "quneitra ghouta euphrates regime",
        "IRQ": "iraq baghdad mosul anbar basra",
        "YEM": "yemen sanaa hodeidah taiz marib aden houthi",
        "LBY": "libya tripoli benghazi misrata",
        "LBN": "leban beirut hezbollah",
        "EGY": "egypt cairo",
        "SDN": "sudan khartoum",
    }.items()
    for word in words.split()
}


def _lands_named(text: str) -> frozenset[str] | None:
    """The transliterating countries a text names by a word of `TRANSLITERATED_LANDS`; None
    where it says nothing of those lands at all (and is not read for names spelt otherwise)."""
    words = [match.group() for match in TRANSLITERATED_LANDS.finditer(text)]
    if not words:
        return None
    return frozenset(
        iso3
        for word in words
        if (iso3 := LAND_OF_WORD.get(word.lower().split()[0].split("-")[0])) is not None
    )


# Every word starts at a word boundary and has at most 40 letters: otherwise the pattern is
# tried at each letter of a long capitalised token ("AAAA…", "Al-Qaeda-linked-…" for 5,000
# letters), each time to the token's end, and the search turns quadratic.
JOINED_NAME = re.compile(
    r"(?P<left>(?:\b[A-Z][\w'’.\-]{0,40}\s+){0,2}\b[A-Z][\w'’.\-]{0,40})\s+and\s+(?P<right>[A-Z][\w'’.\-]*)\b"
)


def _in_joined(joined: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a run starts or ends inside one of the joined names (sorted, disjoint spans): a
    bisection, not a scan of every name (a list of "X and Y" names thousands long)."""
    i = bisect_right(joined, start, key=_span_start) - 1  # the last name starting at or before it
    if i >= 0 and start < joined[i][1]:
        return True
    i = bisect_left(joined, end, key=_span_start) - 1  # the last name starting before its end
    return i >= 0 and end <= joined[i][1]


def _span_start(span: tuple[int, int]) -> int:
    return span[0]


CIUDAD = re.compile(r"(?:Ciudad|CIUDAD)\s+(?=\S)")
# "the Oriental Revolutionary Movement (MOR)": the initials of the body named before them, not a
# town of that name (Mór, Hungary), in a report written in capitals as much as in one that is not.
ACRONYM_OF_BODY = re.compile(
    r"\b(?:movement|front|army|party|union|command|organi[sz]ation|group|alliance|committee|forces|brigades?|"
    r"council|federation|association|commandos?|battalion|league|coordinator|agency|bureau|service)\s*\($",
    re.I,
)
SPANISH_SPEAKING = frozenset(
    "ARG BOL CHL COL CRI CUB DOM ECU ESP GNQ GTM HND MEX NIC PAN PER PRY PRI SLV URY VEN".split()
)


def find_candidates(text: str, gazetteer: Gazetteer, sentence_starts: set[int]) -> list[Candidate]:
    found: list[Candidate] = []
    lands = _lands_named(text)
    letters = list(filter(str.isalpha, text[:2000]))
    shouting = bool(letters) and sum(map(str.isupper, letters)) > 0.6 * len(letters)  # all-caps wire copy
    # "Jammu and Kashmir", "Azad Jammu and Kashmir": one name with "and" in it, not two places.
    joined: list[tuple[int, int]] = []
    for match in JOINED_NAME.finditer(text):
        words = match.group("left").split()
        # "Jammu and Kashmir's Pulwama": the name without its possessive.
        right, end = match.group("right"), match.end()
        if right.endswith(("'s", "’s")):
            right, end = right[:-2], end - 2
        for n in range(len(words)):
            surface = " ".join(words[n:]) + " and " + right
            entries = gazetteer.lookup(surface)
            if entries:
                start = match.end("left") - len(" ".join(words[n:]))
                found.append(Candidate(start, end, surface, entries, True))
                joined.append((start, end))
                break
    for run in CAPITALISED_RUN.finditer(text):
        tokens = [(m.start() + run.start(), m.end() + run.start()) for m in _TOKEN.finditer(run.group())]
        if _in_joined(joined, run.start(), run.end()):
            # "Jammu and Kashmir's Pulwama": the run's words past the joined name are names.
            tokens = [t for t in tokens if not _in_joined(joined, *t)]
        # "…the capital of Mogadishu. Al-Shabaab claimed…": a run ends where a sentence does, after
        # a word, not after an abbreviation the splitter took for a sentence's end ("Cd. Victoria").
        cuts = [
            n
            for n, (start, _) in enumerate(tokens)
            if n
            and start in sentence_starts
            and len(text[slice(*tokens[n - 1])].rstrip(".")) > SHORT_ABBREVIATION
        ]
        # "in Karbala, Taji and Tuz Khormato": a run listed after a place is placed as it is.
        before = max((c.end for c in found if c.end <= run.start()), default=None)
        listed = before is not None and LIST_GAP.fullmatch(text, before, run.start()) is not None
        for first, last in pairwise([0, *cuts, len(tokens)]):
            found += _run_candidates(
                text, tokens[first:last], gazetteer, sentence_starts, lands, shouting, listed and first == 0
            )
    return _units_listed(text, found)


def _units_listed(text: str, found: list[Candidate]) -> list[Candidate]:
    """The names of a list that ends in its kind in the plural, each marked a unit."""
    ordered = sorted(range(len(found)), key=lambda n: found[n].start)
    units: set[int] = set()
    following: int | None = None
    for n in reversed(ordered):
        candidate = found[n]
        if UNITS_AFTER.match(text, candidate.end) or (
            following in units and LIST_GAP.fullmatch(text, candidate.end, found[following].start)
        ):
            units.add(n)
        following = n
    return [replace(c, unit=True) if n in units else c for n, c in enumerate(found)]


# A camp's kind after its name, written small: "Beach camp", "Shati refugee camp".
CAMP_AFTER = re.compile(r"\s+(?:refugee\s+)?camp\b")
# A word run into the next by an apostrophe ("We’re", "They’ll"): no name; a possessive is.
CONTRACTION = re.compile(r"['’](?:re|ll|ve|d|m)$|n['’]t$", re.I)

# The longest word with a full stop that may abbreviate a name's first word ("Cd.", "St.", "Mt.").
SHORT_ABBREVIATION = 3


def _run_candidates(
    text: str,
    tokens: list[tuple[int, int]],
    gazetteer: Gazetteer,
    sentence_starts: set[int],
    lands: frozenset[str] | None,
    shouting: bool,
    listed: bool = False,
) -> list[Candidate]:
    """The places a run of capitalised words names, longest first. `listed`: the run follows a
    place in a list."""
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        matched = False
        for j in range(min(len(tokens), i + MAX_NAME_TOKENS), i, -1):
            start, end = tokens[i][0], tokens[j - 1][1]
            surface = text[start:end]
            # "Rawalpindi's Liaquat Bagh": the possessive ends the name.
            possessive = surface.endswith(("'s", "’s"))
            surface = (surface[:-2] if possessive else surface).rstrip(".,'’-")
            end = start + len(surface)
            words = surface.lower().split()
            if all(w in STOPWORDS for w in words) or CONTRACTION.search(surface):
                continue
            entries = gazetteer.lookup(surface)
            # "Beach camp", "Shati refugee camp": the camp's name is the whole phrase.
            camp = CAMP_AFTER.match(text, end) if j == len(tokens) and not possessive else None
            if camp is not None and (named_camp := gazetteer.lookup(surface + camp.group())):
                entries, end = named_camp, camp.end()
                surface = text[start:end]
            if not entries and (bare := CIUDAD.match(surface)) is not None:
                # "Ciudad Delgado": GeoNames often lists a Spanish town by its name alone.
                entries = tuple(
                    e
                    for e in gazetteer.lookup(surface[bare.end() :])
                    if e.kind == "place" and e.iso3 in SPANISH_SPEAKING
                )
            if surface.endswith(" City") and entries and all(e.kind != "place" for e in entries):
                # "Dublin City Schools": Dublin, Ohio, as well as Ireland's county Dublin City.
                entries += tuple(e for e in gazetteer.lookup(surface[:-5]) if e.kind == "place")
            abbreviated = surface in ABBREVIATIONS or text[start : end + 1] in ABBREVIATIONS
            if abbreviated:
                key = surface if surface in ABBREVIATIONS else text[start : end + 1]
                country = ABBREVIATION_COUNTRY.get(key, "USA")
                entries = (
                    tuple(
                        e
                        for e in gazetteer.lookup(ABBREVIATIONS[key])
                        if e.kind == "admin1" and e.iso3 == country
                    )
                    or entries
                )
                end = start + len(key)
            whole_run = i == 0 and j == len(tokens)
            placed = (listed and i == 0) or PLACE_BEFORE.search(text, max(0, start - 30), start) is not None
            if not entries and lands is not None and whole_run and placed:
                # "in Jabalia": a transliterated name spelt otherwise than the gazetteer; the
                # whole name only ("in the Jabal al-Zawiya area" is not Jabalia). The name as
                # written without its article first, in a country the text names ("Al-Shadadi"
                # beside Daraa is Syria's Ash Shaddādah, "Shadadi").
                bare = LEADING_ARTICLE.sub("", surface)
                entries = tuple(
                    e for e in (gazetteer.lookup(bare) if bare != surface else ()) if e.iso3 in lands
                ) or tuple(e for e in gazetteer.lookup_spelling(surface) if not lands or e.iso3 in lands)
            spelt_otherwise = False
            if not entries and whole_run and (placed or UNIT_WORDS.search(surface.lower()) is not None):
                # "in Sopore", "Orrantia district": a name the text places, that GeoNames gives
                # as another spelling of a town (Sopur).
                entries = gazetteer.lookup_alternate(surface)
                spelt_otherwise = bool(entries)
            if not entries:
                continue
            if (
                " " not in surface
                and text[end : end + 1] == ")"
                and ACRONYM_OF_BODY.search(text, max(0, start - 60), start)
            ):
                continue
            tail = [] if possessive else [text[s:e].lower().strip(".,") for s, e in tokens[j:]]
            before = text[tokens[i - 1][0] : tokens[i - 1][1]].lower() if i else ""
            # "Balochistan's Kalat district": a possessive ends the name before it.
            head_ok = (
                i == 0
                or start in sentence_starts  # "... near Columbus. Ohio gave ..."
                or before in STOPWORDS
                or before.endswith(("'s", "’s"))
                or text[start - 1] == "-"
                # "Associated Press WASHINGTON (AP)": a capitalised dateline after a byline.
                or (surface.isupper() and len(surface) > 3)
            )
            # Part of a longer capitalised run ("Asif Ali Zardari") is a place only where the
            # run goes on with a unit word ("Kalat District Police") or starts it.
            part_ok = (
                whole_run
                or bool(tail and tail[0] in UNIT_TAILS)
                or (head_ok and not tail)
                or (i == 0 and _large(entries))  # "Quetta Karachi highway", "Peshawar Zalmi"
                or (head_ok and _metropolis(entries))  # "the Winnipeg Fire Paramedic Service"
            )
            # "Maarat al-Numan", "Ras al-Ain": a name joined to another by an article is part of
            # a longer name, not Numan in Nigeria or Ras in India.
            if not part_ok or (i >= 2 and ARTICLE_TOKEN.fullmatch(before)):
                continue
            if tail and ARTICLE_TOKEN.fullmatch(tail[0]):
                continue
            if (
                len(words) == 1
                and (start in sentence_starts or words[0] in STOPWORDS)
                and not _large(entries)
            ):
                continue
            if (
                shouting is False
                and surface.isupper()
                and len(surface) <= 5
                and not abbreviated  # "D.C.", "KP"
            ):
                continue  # an acronym ("BLA", "ISPR") in mixed-case text, not a village of that name
            unit = bool(UNIT_WORDS.search(surface.lower()) or UNIT_AFTER.match(text, end))
            if unit and _an_office(words, entries):
                continue  # "the Justice Department", "the Atomic Energy Agency": an office, not a town
            found.append(Candidate(start, end, surface, entries, unit, spelt_otherwise))
            i = j
            matched = True
            break
        if not matched:
            i += 1
    return found


def _an_office(words: list[str], entries: tuple[GazetteerEntry, ...]) -> bool:
    """Whether a one-word name before a unit's word ("department", "agency", "zone") is an English
    word, and no unit or city of that name is known: the Justice Department and the
    Home Department are offices, not Justice, Illinois or Home, Washington; Tank district is one."""
    from strife.stages.truecase import english_words  # strife.stages imports this module

    if len(words) == 2 and UNIT_WORDS.search(" ".join(words)):
        words = words[:1]  # "Justice Department" looked up as one name
    return (
        len(words) == 1
        and words[0] in english_words()
        and not any(e.kind in ("admin1", "admin2") for e in entries)
        and not _metropolis(entries)
    )


def _metropolis(entries: tuple[GazetteerEntry, ...]) -> bool:
    return any(e.kind == "admin1" or e.population >= 100_000 for e in entries)


def _large(entries: tuple[GazetteerEntry, ...]) -> bool:
    return any(e.kind in ("admin1", "admin2") or e.population >= MIN_POPULATION_ALONE for e in entries)


# A name with no homonym in the countries the article names is kept only if this large.
FOREIGN_MIN_POPULATION = 100_000


# What joins a place to the unit that contains it: "Columbus, Ohio", "Dara in Panjshir",
# "the Mangochar area of Kalat district", "Kurram district of Khyber Pakhtunkhwa".
_PART = (
    r"(?:area|district|tehsil|town|village|city|county|sector|valley|neighbou?rhood|suburb|quarter|locality)"
)
# "Nawa district of southern Helmand": the part of the unit it lies in.
_COMPASS = r"(?:(?:north|south|east|west|central)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?\s+)?"
CONTAINED_BY = re.compile(
    rf"\s*,\s*|\s+in\s+(?:the\s+)?{_COMPASS}|\s+{_PART}\s+(?:of|in)\s+(?:the\s+)?{_COMPASS}"
    rf"|\s+(?:\w+\s+)?{_PART}\s*,\s*",
    re.I,
)
POSSESSIVE = re.compile(r"['’]s\s+(?:(?:[a-z]+|[A-Z][a-z]+)\s+){0,2}?")


# Said outright to be a part of the next place ("the San José neighbourhood of Barranquilla"):
# a homonym elsewhere is no reading of it.
PART_OF = re.compile(rf"\s+{_PART}\s+(?:of|in)\s+(?:the\s+)?{_COMPASS}", re.I)


_LEVEL = {"admin1": 1, "admin2": 2}


def _sibling_unit(entries: tuple[GazetteerEntry, ...], container: tuple[GazetteerEntry, ...]) -> bool:
    """Whether a name may be a unit of the country of the unit named after it, of its level or
    above: "Kabul, Nangarhar Province" is a list, "Orlando, Florida in Seminole County" a town."""
    deepest: dict[str, int] = {}
    for e in container:
        if e.kind in _LEVEL:
            deepest[e.iso3] = max(deepest.get(e.iso3, 0), _LEVEL[e.kind])
    return any(e.kind in _LEVEL and _LEVEL[e.kind] <= deepest.get(e.iso3, 0) for e in entries)


def _inside(candidate: Candidate, container: tuple[GazetteerEntry, ...]) -> tuple[GazetteerEntry, ...]:
    """The entries of a name that lie in one of the units the next name may be: "Houston, Texas"
    is in the state, or in Texas County, Missouri; the ranker weighs the two."""
    provinces = {(e.iso3, e.name) for e in container if e.kind == "admin1"}
    districts = {(e.iso3, e.admin1, e.name) for e in container if e.kind == "admin2"}
    around = {(e.iso3, e.admin1) for e in container if e.kind == "admin2"}
    return tuple(
        e
        for e in candidate.entries
        if e not in container
        and (
            (e.iso3, e.admin1, e.admin2) in districts
            or (e.iso3, e.admin1) in provinces
            or (e.kind == "admin2" and (e.iso3, e.admin1) in around)
        )
    )


# A country's name in the possessive, right before a place: "Egypt's Sinai".
COUNTRY_OWNS = re.compile(r"[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3}['’]s\s+")


def _country_before(text: str, countries: dict[int, str], start: int) -> str | None:
    """The country named in the possessive right before `start`, if any."""
    for at, iso3 in countries.items():
        if start - 40 < at < start and COUNTRY_OWNS.fullmatch(text, at, start):
            return iso3
    return None


def resolve(
    candidates: list[Candidate],
    country_votes: Counter[str],
    text: str = "",
    countries: dict[int, str] | None = None,
    country_named: bool = True,
    named_as_place: Collection[str] = (),
) -> list[GazetteerEntry | None]:
    """One entry per candidate: the article's country first, then agreement with the other
    places named, then units over places of the same name, then population. A name followed by
    the unit or the country that contains it ("Columbus, Ohio") is one of the places in it.
    None where the article names its countries and the name has no place in them but a small
    one abroad (a surname, a common word that GeoNames also lists as a village). `countries`:
    where the text names a country, by offset, for "Paris, France". `country_named`: whether the
    text names a country as a place, not only its people ("killed in Indian firing in Kotli" names
    India as who fired, and Kotli stays in Pakistan). `named_as_place`: those countries, which a
    name's namesake in them is read for before a larger town abroad."""
    context = Counter(country_votes)
    for candidate in candidates:
        if len({e.iso3 for e in candidate.entries}) == 1:
            context[candidate.entries[0].iso3] += 1
    # The countries the text names, or its names found as written lie in alone.
    written = Counter(country_votes) + Counter(
        c.entries[0].iso3
        for c in candidates
        if not c.spelt_otherwise and len({e.iso3 for e in c.entries}) == 1
    )
    main = context.most_common(1)[0][0] if context else None
    # What speaks for a country on its own: the text names it, or a unit or a large place that
    # lies only there, or small places that lie only in one of its provinces. Small homonyms in
    # far parts of a country do not vouch for one another ("El Tule" and "La Colmena" are
    # villages of Mexico too, in a report from El Salvador).
    standing: Counter[str | tuple[str, str | None]] = Counter(country_votes)
    for candidate in candidates:
        if len({e.iso3 for e in candidate.entries}) == 1:
            sturdy = _sturdy(candidate.entries)
            for region in {e.iso3 if sturdy else (e.iso3, e.admin1) for e in candidate.entries}:
                standing[region] += 1
    admin1s = Counter(e.admin1 for c in candidates for e in c.entries[:3] if e.admin1)
    # Provinces the text names, or that its unambiguous places lie in: a local report's other
    # towns are in them ("Springfield" in a report that names Ohio is Springfield, Ohio).
    named: set[tuple[str, str | None]] = set()
    for c in candidates:
        units = {
            (e.iso3, e.name if e.kind == "admin1" else e.admin1) for e in c.entries if e.kind != "country"
        }
        if len(units) == 1:
            named |= units
    first = _choose(candidates, context, main, admin1s, named, text, countries or {}, Counter(), [])
    # Once more, knowing where the text's other names were placed.
    own = [(e.iso3, e.admin1) if e is not None and e.kind in ("place", "admin2") else None for e in first]
    settled = Counter(region for region in own if region is not None)
    evidence = None
    if ranker() is not None:
        evidence = Evidence(
            points=Counter(
                (e.latitude, e.longitude, c.surface.lower())
                for c, e in zip(candidates, first, strict=True)
                if e is not None and e.latitude is not None and e.kind in ("place", "admin2")
            ),
            admin1s_named={},
            votes=sum(context.values()),
        )
        # Where each name may be, whatever the first pass chose: homonyms of other names of the
        # text that lie near an entry, or in its province, speak for it.
        for c in candidates:
            name, entries = c.surface.lower(), c.entries[:RANKED_HOMONYMS]
            weight = 1.0 / len(entries)
            units = [e for e in c.entries if e.kind == "admin1"]
            for e in units:
                evidence.admin1s_named.setdefault((e.iso3, e.name), set()).add(name)
                # "Colorado" is only ever one state, whatever towns are named after it.
                evidence.units.setdefault(e.iso3, {})[name] = (e.name, 1.0 / len(units))
            for e in entries:
                if e.latitude is not None and e.kind != "admin1":
                    evidence.cells.setdefault(_cell(e.latitude, e.longitude), {})[name] = weight
                if e.admin1 is not None and e.kind != "admin1":
                    evidence.provinces.setdefault((e.iso3, e.admin1), {})[name] = weight
                    if _district(e) is not None:
                        evidence.districts.setdefault(_district(e), {})[name] = weight
    chosen = _choose(
        candidates,
        context,
        main,
        admin1s,
        named,
        text,
        countries or {},
        settled,
        own,
        country_votes if country_named else None,
        evidence,
        standing,
        named_as_place,
    )
    return [
        None if c.spelt_otherwise and e is not None and written and e.iso3 not in written else e
        for c, e in zip(candidates, chosen, strict=True)
    ]


def _sturdy(entries: tuple[GazetteerEntry, ...]) -> bool:
    """Whether a name stands for its country alone: a unit, or a large place."""
    return any(e.kind != "place" or e.population >= FOREIGN_MIN_POPULATION for e in entries)


@dataclass(slots=True)
class Evidence:
    """What the second pass knows of the whole text, for the learned ranker."""

    # Where the first pass put each name, the name, and how often: a name a report repeats
    # counts each time, measured once (a page of repeated items would make ranking quadratic).
    points: Counter[tuple[float, float, str]]
    admin1s_named: dict[tuple[str, str], set[str]]  # first-level units the text's names may be, and the names
    votes: int  # the country votes of the text, all together
    # Names any of whose entries lie in a one-degree cell, or in a province, with the weight of
    # each (one over its number of entries: an unambiguous name counts fully).
    cells: dict[tuple[int, int], dict[str, float]] = field(default_factory=dict)
    provinces: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)
    districts: dict[tuple[str, str, str], dict[str, float]] = field(default_factory=dict)
    # Names that may be a first-level unit of a country, with the unit and one over the number of
    # units the name may be:
    # states are named with other states ("England and Wales", "Alaska, Hawaii, Florida").
    units: dict[str, dict[str, tuple[str, float]]] = field(default_factory=dict)


def _district(entry: GazetteerEntry) -> tuple[str, str, str] | None:
    """The second-level unit an entry is, or lies in ("Lebanon" and "Boone County", Indiana)."""
    admin2 = entry.name if entry.kind == "admin2" else entry.admin2
    if admin2 is None or entry.admin1 is None:
        return None
    return entry.iso3, entry.admin1, admin2


def _cell(latitude: float, longitude: float) -> tuple[int, int]:
    return math.floor(latitude), math.floor(longitude)


def _around(evidence: Evidence, entry: GazetteerEntry, own: str) -> dict[str, float]:
    """The other names with an entry in the cell of `entry` or the eight around it."""
    if entry.latitude is None:
        return {}
    y, x = _cell(entry.latitude, entry.longitude)
    found: dict[str, float] = {}
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            found.update(evidence.cells.get((y + dy, x + dx), {}))
    found.pop(own, None)
    return found


RANKER_FILE = Path(__file__).with_name("ranker.toml")


@lru_cache(maxsize=1)
def ranker() -> tuple[tuple[str, ...], tuple[float, ...]] | None:
    """The learned weights of `ranker.toml` (tools/train_toponym_ranker.py), by feature name;
    None where the file is absent, and the hand-set scores below decide."""
    try:
        with RANKER_FILE.open("rb") as stream:
            weights = tomllib.load(stream)["weights"]
    except (OSError, ValueError, KeyError):
        return None
    return tuple(weights), tuple(float(w) for w in weights.values())


@lru_cache(maxsize=1)
def capitals() -> dict[str, tuple[float, float]]:
    """Each country's capital city, by country: where `countryinfo` puts it."""
    points = {}
    for record in country_records():
        point = record.get("capital_latlng")
        if isinstance(point, list) and len(point) >= 2:
            try:
                points[record["ISO"]["alpha3"]] = (float(point[0]), float(point[1]))
            except (TypeError, ValueError):
                continue
    return points


@lru_cache(maxsize=1)
def capital_names() -> dict[str, frozenset[str]]:
    """Each country's capital, by the names `countryinfo` gives it."""
    names: dict[str, frozenset[str]] = {}
    for record in country_records():
        given = record.get("capital") or []
        names[record["ISO"]["alpha3"]] = frozenset(
            normalise_name(name) for name in ([given] if isinstance(given, str) else given) if name
        )
    return names


def is_capital(entry: GazetteerEntry) -> bool:
    """Whether a town is its country's capital (Rome, not Rome, New York; Washington, D.C.): by
    where `countryinfo` puts the capital, or, where that point is the country's middle (Tunisia's,
    Brazil's), by the capital's name."""
    if entry.kind != "place":
        return False
    point = capitals().get(entry.iso3)
    if (
        point is not None
        and entry.latitude is not None
        and distance_km(entry.latitude, entry.longitude, *point) <= 30
    ):
        return True
    return normalise_name(entry.name) in capital_names().get(entry.iso3, frozenset())


def entry_features(
    entry: GazetteerEntry,
    candidate: Candidate,
    pool: tuple[GazetteerEntry, ...],
    context: Counter[str],
    main: str | None,
    admin1s: Counter[str | None],
    region_named: bool,
    others: int,
    evidence: Evidence,
) -> dict[str, float]:
    """What speaks for `entry` as the place `candidate` names, for the learned ranker: its size
    among its homonyms, its kind, its country's share of the text, the province the text names
    or places its other names in, and how near it lies to them."""
    largest = max(e.population for e in pool) or 1
    log_pop = math.log10(entry.population + 10)
    admin = entry.kind in ("admin1", "admin2")
    named_as_unit = admin and UNIT_WORDS.search(entry.name.lower()) is not None
    surface = candidate.surface.lower()
    near = (
        [
            (distance_km(entry.latitude, entry.longitude, lat, lon), times)
            for (lat, lon, name), times in evidence.points.items()
            if name != surface
        ]
        if entry.latitude is not None
        else []
    )
    key = normalise_name(entry.name)
    nearest = min(km for km, _ in near) if near else 20_000.0
    share = context[entry.iso3] / evidence.votes if evidence.votes else 0.0
    around = _around(evidence, entry, surface)
    province = dict(evidence.provinces.get((entry.iso3, entry.admin1), {})) if entry.admin1 else {}
    province.pop(surface, None)
    district = dict(evidence.districts.get(_district(entry), {})) if _district(entry) else {}
    district.pop(surface, None)
    home = entry.iso3 == main
    return {
        "log_population": log_pop,
        "largest": float(entry.population == largest),
        "population_share": entry.population / largest,
        "admin1": float(entry.kind == "admin1"),
        "admin2": float(entry.kind == "admin2"),
        "unit_named": float(admin and (candidate.unit or not named_as_unit)),
        "unit_word_unsaid": float(named_as_unit and not candidate.unit),
        "main_country": float(home),
        "other_country": float(not home and entry.iso3 in context),
        "country_share": share,
        "foreign_log_population": 0.0 if home else log_pop,
        "region_named": float(region_named),
        "region_settled": float(others > 0),
        "region_settled_log": math.log1p(max(others, 0)),
        "admin1_in_text": float(
            bool(evidence.admin1s_named.get((entry.iso3, entry.admin1), set()) - {surface})
        ),
        "admin1_shared": float(admin1s.get(entry.admin1, 0) > 1),
        "nearest_log_km": math.log1p(nearest),
        "no_others": float(not near),
        "within_100km": math.log1p(sum(times for km, times in near if km <= 100)),
        "within_500km": math.log1p(sum(times for km, times in near if km <= 500)),
        "exact_name": float(key == normalise_name(candidate.surface)),
        "names_around": math.log1p(len(around)),
        "names_around_weighted": sum(around.values()),
        "names_in_province": math.log1p(len(province)),
        "names_in_province_weighted": sum(province.values()),
        "capital": float(is_capital(entry)),
        "seat_named_alike": float(
            any(
                other is not entry
                and other.iso3 == entry.iso3
                and (other.kind == "place") != (entry.kind == "place")
                and normalise_name(other.name) == key
                for other in pool
            )
        ),
        "names_in_district": math.log1p(len(district)),
        "names_in_district_weighted": sum(district.values()),
        "sibling_units_named": sum(
            weight
            for other, (unit, weight) in evidence.units.get(entry.iso3, {}).items()
            if other != surface and unit != entry.name
        )
        if entry.kind == "admin1"
        else 0.0,
    }


def _choose(
    candidates: list[Candidate],
    context: Counter[str],
    main: str | None,
    admin1s: Counter[str | None],
    named: set[tuple[str, str | None]],
    text: str,
    countries: dict[int, str],
    settled: Counter[tuple[str, str | None]],
    own: list[tuple[str, str | None] | None],
    country_votes: Counter[str] | None = None,
    evidence: Evidence | None = None,
    standing: Counter[str | tuple[str, str | None]] | None = None,
    named_as_place: Collection[str] = (),
) -> list[GazetteerEntry | None]:
    chosen: list[GazetteerEntry | None] = []
    model = ranker() if evidence is not None else None
    # The countries a small name abroad must lie in to stand alone: those the text names, or,
    # where it names none, the one its units and large places lie in.
    home: Collection[str] = country_votes or (
        {main} if standing is not None and main is not None and standing[main] >= HOME_STANDING else ()
    )
    # Names the text gave an owning country ("Egypt's Sinai"), and that country.
    owned: dict[str, str] = {}
    for number, candidate in enumerate(candidates):
        pool = candidate.entries
        # Whether the text names what holds the name ("Columbus, Ohio", "Texas's Paris"): then
        # it is no small namesake abroad, whatever country the text's other words vote for.
        contained = False
        following = candidates[number + 1] if number + 1 < len(candidates) else None
        if text and following is not None and CONTAINED_BY.fullmatch(text, candidate.end, following.start):
            inside = _inside(candidate, following.entries)
            if (
                not inside
                and (
                    PART_OF.fullmatch(text, candidate.end, following.start)
                    # "Santo Domingo, Cauca Department": a town of a unit named with its kind, which
                    # the gazetteer lacks there; not a namesake elsewhere. (A unit of the same country
                    # before it is a list: "Kabul, Nangarhar Province".)
                    or (
                        following.unit
                        and not candidate.unit
                        and "," in text[candidate.end : following.start]
                        and not _sibling_unit(pool, following.entries)
                    )
                )
            ):
                chosen.append(None)
                continue
            pool = inside or pool
            contained = bool(inside)
        elif text and number and POSSESSIVE.fullmatch(text, candidates[number - 1].end, candidate.start):
            # "Texas's Paris", "North Waziristan's Mir Ali": a place of the unit before it.
            inside = _inside(candidate, candidates[number - 1].entries)
            pool = inside or pool
            contained = bool(inside)
        elif (
            text
            and countries
            and (owner := _country_before(text, countries, candidate.start) or owned.get(candidate.surface))
        ):
            # "Egypt's Sinai", "Niger's Makalondi": a place of the country named as its owner
            # (there, and wherever the text names it again); where the gazetteer has none there,
            # no namesake abroad either.
            owned[candidate.surface] = owner
            pool = tuple(e for e in pool if e.iso3 == owner)
            if not pool:
                chosen.append(None)
                continue
            contained = True
        elif text and countries:
            joiner = re.match(r"\s*,\s*", text[candidate.end : candidate.end + 4])
            iso3 = countries.get(candidate.end + joiner.end()) if joiner else None
            pool = tuple(e for e in pool if e.iso3 == iso3) or pool

        def region_of(entry: GazetteerEntry, index: int = number) -> tuple[tuple[str, str | None], int]:
            region = (entry.iso3, entry.name if entry.kind == "admin1" else entry.admin1)
            return region, settled[region] - (bool(own) and own[index] == region)

        def score(entry: GazetteerEntry, candidate: Candidate = candidate) -> float:
            # The article's country, then others it names; places named with others of their
            # province; and size, which decides between a small town at home and a metropolis
            # abroad ("Toronto" in an American paper is still Toronto, Ontario).
            country = 2.5 if entry.iso3 == main else 1.5 if entry.iso3 in context else 0.0
            region, others = region_of(entry)
            local = 3.0 * (region in named) + 1.0 * (others > 0)
            unit = 0.0
            if entry.kind in ("admin1", "admin2"):
                # "Fairfield" is the town; "Fairfield County" or "Kalat district" the unit.
                named_as_unit = UNIT_WORDS.search(entry.name.lower()) is not None
                unit = 1.0 if candidate.unit or not named_as_unit else -1.0
            return (
                country
                + local
                + 1.5 * (admin1s.get(entry.admin1, 0) > 1)
                + unit
                + 1.2 * math.log10(entry.population + 10)
            )

        if candidate.unit:
            # "Madison County" is the county, not Madison, Wisconsin.
            pool = tuple(e for e in pool if e.kind in ("admin1", "admin2")) or pool
        if model is not None and evidence is not None and len(pool) > 1:
            names, weights = model
            considered = pool[:RANKED_HOMONYMS]
            features = []
            for entry in considered:
                region, others = region_of(entry)
                features.append(
                    entry_features(
                        entry,
                        candidate,
                        considered,
                        context,
                        main,
                        admin1s,
                        region in named,
                        others,
                        evidence,
                    )
                )
            best = _rank(candidate, considered, features, names, weights)
        else:
            best = max(pool, key=score)
        # Other names of the text in the same country, this one aside: a local report that
        # names Ohio and Dayton keeps its small towns though it names Iraq too.
        support = (
            context[best.iso3]
            if standing is None
            else standing[best.iso3] + standing[(best.iso3, best.admin1)]
        ) - (len({e.iso3 for e in candidate.entries}) == 1)
        at_home = [e for e in pool if e.iso3 in named_as_place]
        if (
            at_home
            and best.iso3 not in named_as_place
            and support <= 0
            and FOREIGN_MIN_POPULATION <= best.population < HOME_OUTWEIGHED
        ):
            # "kidnapped in San Lorenzo, in northern Ecuador": a name with a namesake in the
            # country the text names is that namesake, not a larger town abroad that nothing
            # else in the text speaks for.
            best = max(at_home, key=score)
            support = 1
        if (
            home
            and not contained
            and best.iso3 not in home
            and support <= 0
            and best.kind in ("place", "admin2")
            and (
                # "San Jose Guayabal" in a report from El Salvador: a name that runs on is a
                # longer name the gazetteer lacks, not the metropolis abroad that begins it.
                _runs_on(text, candidate.end)
                or (
                    best.population < FOREIGN_MIN_POPULATION
                    and not (
                        # "Israeli troops raided Jenin", "stormed a camp in Jenin": a town of some
                        # size named bare after a preposition of place is that town, not a surname.
                        best.population >= LOCATIVE_FOREIGN_MIN_POPULATION
                        and normalise_name(best.name) == normalise_name(candidate.surface)
                        and LOCATIVE_BEFORE.search(text, max(0, candidate.start - 12), candidate.start)
                    )
                )
            )
        ):
            chosen.append(None)
        else:
            chosen.append(best)
    return chosen


LOCATIVE_FOREIGN_MIN_POPULATION = 20_000
# A town abroad this large is read as itself though the text's country has a namesake ("Toronto"
# in an American paper).
HOME_OUTWEIGHED = 1_000_000
# A capitalised word right after a name, on the same line, and not the word of a unit ("San
# Antonio Avenue", "San Jose Guayabal"; not "Quetta District").
RUNS_ON = re.compile(r"[ \t](?P<word>[A-Z][a-z][\w'’\-]*)")


# Words that follow a town's name in the name of its institution: "Athens Police", "Quebec City",
# "Baku Metro".
INSTITUTION_WORDS = frozenset(
    "City Police Hospital Airport University International Public Regional Crown Court Council "
    "Municipal Metropolitan Central Port Station Prison Jail Metro Subway".split()
)


def _runs_on(text: str, end: int) -> bool:
    match = RUNS_ON.match(text, end)
    if match is None or match.group("word") in INSTITUTION_WORDS:
        return False
    return UNIT_WORDS.fullmatch(" " + match.group("word").lower()) is None


LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|outside|around|into)\s+$")


# How many units or large places of one country make it the text's where the text names none.
HOME_STANDING = 2


# Homonyms the ranker weighs, the most populous first (GeoNames lists 40 Springfields).
RANKED_HOMONYMS = 40


def _rank(
    candidate: Candidate,
    pool: tuple[GazetteerEntry, ...],
    features: list[dict[str, float]],
    names: tuple[str, ...],
    weights: tuple[float, ...],
) -> GazetteerEntry:
    """The entry the learned linear scores put first. (A separate function so that the
    training script can watch what it is given.)"""
    scores = [sum(w * f.get(n, 0.0) for n, w in zip(names, weights, strict=True)) for f in features]
    return pool[max(range(len(pool)), key=scores.__getitem__)]


__all__ = ["Candidate", "find_candidates", "resolve"]
