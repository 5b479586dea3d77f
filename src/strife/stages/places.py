"""Places, first pass: countries (names, short names, demonyms) and names that carry their
kind ("Kalat district", "the Mangochar area", "Balochistan province").

Without a gazetteer this pass gives names and countries but no coordinates; the gazetteer
stage replaces it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import pycountry

from strife.document import Document, Mention
from strife.places.gazetteer import (
    SPECIAL_REGIONS,
    Gazetteer,
    GazetteerEntry,
    country_records,
    get_gazetteer,
    normalise_name,
    strip_diacritics,
)
from strife.places.recognise import (
    ABBREVIATIONS,
    Candidate,
    distance_km,
    find_candidates,
    given_names,
    is_capital,
    resolve,
)
from strife.stages.calendar import MONTHS, WEEKDAYS
from strife.stages.country_words import country_words
from strife.stages.implied_places import (
    borders_named,
    capitals_unnamed,
    country_across_the_line,
    regions_named,
    seats_of_state,
)
from strife.stages.lexicon import scan
from strife.stages.place_parts import apposed_parts, listed_parts, parts_held
from strife.stages.sentences import sentence_of
from strife.stages.taken_spans import TakenSpans
from strife.stages.truecase import common_words, english_words, is_caseless

# Names people use for countries that pycountry spells otherwise, and demonyms.
COUNTRY_ALIASES: dict[str, str] = {
    "DR Congo": "COD", "DRC": "COD", "Democratic Republic of Congo": "COD", "Republic of Congo": "COG",
    "Democratic Republic of the Congo": "COD", "Congo-Kinshasa": "COD", "Syria": "SYR",
    "Iran": "IRN", "Russia": "RUS", "South Korea": "KOR", "North Korea": "PRK",
    "Ivory Coast": "CIV", "Palestine": "PSE",
    "Turkey": "TUR", "Venezuela": "VEN", "Bolivia": "BOL", "Tanzania": "TZA", "Laos": "LAO",
    "Vietnam": "VNM", "Moldova": "MDA", "Burma": "MMR", "UK": "GBR", "Britain": "GBR",
    "US": "USA", "U.S.": "USA", "United States": "USA", "America": "USA",
    # Headline short forms: "Pak soldiers killed", "3 killed in Pak bombing".
    "Pak": "PAK",
    "U.K.": "GBR", "USA": "USA", "U.S.A.": "USA", "UAE": "ARE", "U.A.E.": "ARE", "DPRK": "PRK",
    "Saudi": "SAU", "Vatican": "VAT", "Vatican City": "VAT", "Holy See": "VAT",
    # Short and former names news still writes: "across Bosnia", "in Zaire" (a 1990s note).
    "Bosnia": "BIH", "Macedonia": "MKD", "Czech Republic": "CZE", "Kosovo": "XKX", "Brunei": "BRN",
    "Cape Verde": "CPV", "Swaziland": "SWZ", "East Timor": "TLS", "The Gambia": "GMB",
    "Micronesia": "FSM", "Zaire": "COD", "Rhodesia": "ZWE", "Yugoslavia": "SRB",
}  # fmt: skip
DEMONYMS: dict[str, str] = {
    "Pakistani": "PAK", "Afghan": "AFG", "Indian": "IND", "Nigerian": "NGA", "Somali": "SOM",
    "Syrian": "SYR", "Yemeni": "YEM", "Ukrainian": "UKR", "Russian": "RUS", "Sudanese": "SDN",
    "Congolese": "COD", "Mexican": "MEX", "Colombian": "COL", "Iraqi": "IRQ", "Iranian": "IRN",
    "Israeli": "ISR", "Palestinian": "PSE", "Lebanese": "LBN", "Malian": "MLI",
    "Burkinabe": "BFA", "Nigerien": "NER", "Cameroonian": "CMR", "Ethiopian": "ETH",
    "Kenyan": "KEN", "Libyan": "LBY", "Egyptian": "EGY", "Turkish": "TUR", "Bangladeshi": "BGD",
    "Myanmar": "MMR", "Burmese": "MMR", "Filipino": "PHL", "Chadian": "TCD",
    "Mozambican": "MOZ", "Haitian": "HTI", "Venezuelan": "VEN", "Brazilian": "BRA",
    "Pak": "PAK",
    # The other spellings news uses, which the countries' tables give in one form only
    # ("Argentinean"): "an Argentine who…" names a person of Argentina, not a township of Michigan.
    # (Not "Uzbek", "Tajik" or "Azeri": peoples of Afghanistan, Pakistan and Iran too.)
    "Argentine": "ARG", "Argentinian": "ARG", "Nepali": "NPL", "Bosnian": "BIH", "Kosovar": "XKX",
    "Slovenian": "SVN", "Ecuadorian": "ECU", "Salvadorean": "SLV", "Somalian": "SOM", "Emirati": "ARE",
    "Icelandic": "ISL",
}  # fmt: skip

# Words after a country's name that make it say whose, not where.
ATTRIBUTIVE = re.compile(
    # "US Tomahawk missiles": a weapon's name may stand between.
    r"\s+(?:[A-Z][\w-]+\s+(?=missiles?|jets|drones?|rockets?|bombs?|aircraft|fighters|tanks?))?"
    r"(?:[Aa]rmy|[Mm]ilitary|[Aa]rmed [Ff]orces|[Ff]orces|troops|soldiers|[Aa]ir [Ff]orce|air ?strikes?|"
    r"strikes?|[Nn]avy|naval|warplanes|jets|drones?|missiles?|officials?|[Gg]overnment|authorities|"
    r"[Ee]mbassy|envoy|[Pp]resident|[Dd]efen[cs]e|intelligence|[Ss]pecial [Ff]orces|[Mm]arines|"
    r"[Cc]entral [Cc]ommand|-backed|-led|-based|nationals?|citizens?|"
    # "villagers shot near India border": the frontier a place lies by, not the country it is in
    # (FRONTIER_AFTER).
    r"border|frontier)\b"
)

# ACLED's names for countries that pycountry spells otherwise ("Congo, The Democratic Republic
# of the"); the rest take pycountry's common name, or its name.
ACLED_COUNTRY_NAMES: dict[str, str] = {
    "XKX": "Kosovo", "COD": "Democratic Republic of Congo", "COG": "Republic of Congo", "RUS": "Russia",
    "PSE": "Palestine", "CIV": "Ivory Coast", "TUR": "Turkey", "CZE": "Czech Republic",
    "SWZ": "eSwatini", "CPV": "Cape Verde", "TLS": "East Timor", "BRN": "Brunei",
    "FSM": "Micronesia", "GMB": "Gambia", "BHS": "Bahamas", "VAT": "Vatican City",
    "SYR": "Syria", "IRN": "Iran", "TZA": "Tanzania", "VEN": "Venezuela", "BOL": "Bolivia",
    "KOR": "South Korea", "PRK": "North Korea", "VNM": "Vietnam", "LAO": "Laos", "MDA": "Moldova",
}  # fmt: skip

# Continents (GeoNames' points) and world regions news names (near their centres).
REGIONS: dict[str, tuple[float, float]] = {
    "Africa": (7.19, 21.09), "Asia": (29.84, 89.30), "Europe": (48.69, 9.14),
    "North America": (46.07, -100.55), "South America": (-14.60, -57.66), "Oceania": (-18.31, 138.52),
    "Antarctica": (-78.16, 16.41), "Latin America": (-14.60, -57.66), "Central America": (12.77, -85.60),
    "Middle East": (33.1, 35.9), "Korean Peninsula": (37.5, 127.5), "Balkans": (42.0, 21.0),
    "Caribbean": (15.0, -73.0), "Central Asia": (45.0, 68.0), "South Asia": (23.0, 80.0),
    "Southeast Asia": (10.0, 106.0), "Horn of Africa": (8.0, 45.0), "Sahel": (15.0, 0.0),
    "West Africa": (12.0, -2.0), "East Africa": (0.0, 36.0), "Persian Gulf": (26.0, 52.0),
    # "a Gulf state", "the Gulf": the Persian Gulf, not Gulf County, Florida.
    "Gulf": (26.0, 52.0), "Arabian Gulf": (26.0, 52.0),
    "Scandinavia": (62.0, 15.0), "Siberia": (60.0, 105.0), "Americas": (19.0, -96.0),
    "Mediterranean": (35.0, 18.0), "Caucasus": (42.5, 45.0), "Darfur": (13.0, 25.0),
    # The European Union and the continents' adjectives, at the continent's point.
    "European Union": (48.69, 9.14), "EU": (48.69, 9.14), "European": (48.69, 9.14),
    "African": (7.19, 21.09), "Asian": (29.84, 89.30), "Latin American": (-14.60, -57.66),
    "Central American": (12.77, -85.60), "North American": (46.07, -100.55), "South American": (-14.60, -57.66),
    # Parts of continents: "North Africa" is not Africa's point. GeoNames' points where they lie
    # in the region, the region's middle otherwise.
    "North Africa": (32.95, 9.98), "Northern Africa": (32.95, 9.98), "Northern Europe": (61.69, 2.90),
    "Eastern Europe": (50.0, 30.0), "Western Europe": (48.0, 5.0), "Southern Europe": (41.0, 15.0),
    "Central Europe": (49.0, 15.0), "Southern Africa": (-25.0, 25.0), "Sub-Saharan Africa": (0.0, 20.0),
    "Central Africa": (2.0, 20.0), "East Asia": (35.0, 115.0),
    "Arabian Peninsula": (25.0, 45.0), "Arabia": (25.0, 45.0), "Arab": (25.0, 45.0), "Arab world": (25.0, 45.0),
    # Oceans, at GeoNames' points.
    "Atlantic": (10.0, -25.0), "Atlantic Ocean": (10.0, -25.0), "Pacific": (0.0, -160.0),
    "Pacific Ocean": (0.0, -160.0), "Indian Ocean": (-10.0, 70.0), "Arctic Ocean": (85.0, 0.0),
}  # fmt: skip
REGION_PATTERN = re.compile(
    r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, REGIONS), key=len, reverse=True)) + r")(?![\w-])"
)
# A text in one case, truecased, keeps the words news writes small in small letters: "central
# American", "latin America". There, a region's name is read in any case.
# A wire in capitals breaks a name over two lines ("CENTRAL\nAMERICAN").
REGION_PATTERN_ANY_CASE = re.compile(REGION_PATTERN.pattern.replace(r"\ ", r"\s+"), re.I)
REGIONS_BY_KEY = {name.lower(): point for name, point in REGIONS.items()}

# A place's kind, as written after its name, and how specific it is (lower: more specific).
PLACE_KINDS: dict[str, int] = {
    "village": 1, "town": 1, "city": 1, "bazaar": 1, "market": 1, "neighbourhood": 1, "neighborhood": 1,
    "canton": 1, "hamlet": 1, "barrio": 1, "camp": 1, "municipality": 3, "township": 3,
    "area": 2, "locality": 2, "sector": 2, "valley": 3, "tehsil": 3, "subdivision": 3, "sub-division": 3,
    "district": 4, "tribal district": 4, "agency": 4, "county": 4, "division": 5,
    "province": 6, "state": 6, "region": 6, "governorate": 6,
}  # fmt: skip

# Words of at most 40 letters, so that a long hyphenated token is not read to its end from
# each of its capitals (quadratic in its length).
_NAME = r"(?P<name>(?:[A-Z][\w'’\-]{1,40}\s+){0,3}[A-Z][\w'’\-]{1,40})"
_KIND = "|".join(sorted(PLACE_KINDS, key=len, reverse=True))
KIND_SUFFIXED = re.compile(rf"\b{_NAME}\s+(?P<kind>{_KIND})\b")
NAMED_AFTER = re.compile(r"\s+of\s+[A-Z]")
# Words that open a sentence before a kind of place ("This area…", "While state authorities…")
# and open no place's name.
FUNCTION_WORDS = frozenset(
    "this that these those while when whereas although though if unless since because yet then "
    "its their his her our my your it we they he she which what whose where each every any".split()
)
# A settlement's kind before its name: "the town of Namssiguia", "the village of Tataing".
PREFIXED_KINDS = ("village", "town", "hamlet", "locality", "neighbourhood", "neighborhood")
KIND_PREFIXED = re.compile(
    rf"\b(?i:the)\s+(?:[a-z-]+\s+)?(?P<kind>{'|'.join(PREFIXED_KINDS)})\s+of\s+{_NAME}"
)
# Words that start a capitalised run but are not part of a place's name.
LEADING_NOISE = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "Of",
        "From",
        "Near",
        "Pakistan's",
        "Southwestern",
        "Northwestern",
        "Northern",
        "Southern",
        "Eastern",
        "Western",
        "Central",
        "Restive",
        "Remote",
        "Troubled",
        "Insurgency-hit",
    ]
)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    # "country", "demonym" (a country named as whose), "government" (a capital standing for its
    # government: "Moscow said"), one of PLACE_KINDS, or "gazetteer"
    kind: str
    iso3: str | None = None
    entry: GazetteerEntry | None = None  # where the gazetteer resolved the name

    @property
    def latitude(self) -> float | None:
        return self.entry.latitude if self.entry else None

    @property
    def longitude(self) -> float | None:
        return self.entry.longitude if self.entry else None


def all_demonyms() -> dict[str, str]:
    """Every country's demonym ("Belgian", and "Canadians" for the people), from the
    `countryinfo` tables, with strife's own list over them."""
    demonyms: dict[str, str] = {}
    people: dict[str, int] = {}  # the population of the country a demonym is kept for
    for record in country_records():
        demonym, iso3 = record.get("demonym") or "", record["ISO"]["alpha3"]
        try:
            population = int(record.get("population") or 0)
        except (ValueError, TypeError):
            continue
        words = demonym.split()
        # "Sri Lankan", "South Sudanese"; not "Christmas Island", a place of that name.
        if (
            not words
            or not all(w.isalpha() and w[0].isupper() for w in words)
            or demonym in NOT_DEMONYMS
            or words[-1] in ("Island", "Islands")
        ):
            continue
        # "American" is the United States', not American Samoa's.
        if population > people.get(demonym, -1):
            people[demonym] = population
            demonyms[demonym] = iso3
            if demonym.endswith(("an", "i")):
                demonyms[demonym + "s"] = iso3  # "Canadians", "Israelis"
    demonyms.update(DEMONYMS)
    return demonyms


# Demonyms that are also words for other things.
NOT_DEMONYMS = frozenset({"Guinean", "Dominican", "Congolese"})


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """`all_demonyms`, built once per process: it reads every country's record."""
    return all_demonyms()


@lru_cache(maxsize=1)
def _country_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            # Hong Kong and Macau are China's, named as places of it (the gazetteer's).
            if value and "," not in value and country.alpha_3 not in SPECIAL_REGIONS:
                names[value] = country.alpha_3
    names.update(COUNTRY_ALIASES)
    names.update(demonyms())
    # A name may be broken over two lines of a wrapped wire ("EL\nSALVADOR").
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)"), names


def country_names() -> frozenset[str]:
    """Every name and demonym of a country the text may give: "Israel", "the United States",
    "Russian"."""
    return frozenset(_country_pattern()[1])


def country_iso3(name: str) -> str | None:
    """The country a name or demonym of it stands for ("Ivory Coast", "Russian"); None for
    any other word."""
    return _country_pattern()[1].get(" ".join(name.split()))


def _starts_within(starts: list[int], start: int, end: int) -> bool:
    """Whether any of the sorted `starts` lies in [start, end)."""
    i = bisect_left(starts, start)
    return i < len(starts) and starts[i] < end


def _hyphen_joined(text: str, start: int, end: int) -> bool:
    """Whether a name is glued by a hyphen to a word that makes it no name of a country:
    "anti-American", "Russian-made"; "Egyptian-US relations" and "India-Pakistan" are names."""
    if start > 0 and text[start - 1] == "-":
        word = re.search(r"(\S+)-$", text[max(0, start - 30) : start])
        # "UPDATE 1-Pakistan says": a wire's update number is no word of the name.
        if word is None or not (word.group(1)[:1].isupper() or word.group(1).isdigit()):
            return True
    return text[end : end + 1] == "-" and not text[end + 1 : end + 2].isupper()


def country_name(iso3: str) -> str | None:
    if iso3 in ACLED_COUNTRY_NAMES:
        return ACLED_COUNTRY_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return None
    return getattr(country, "common_name", None) or country.name


def _strip_noise(name: str, start: int) -> tuple[str, int]:
    words = name.split()
    # "North Waziristan's Mir Ali tehsil": the name is what follows the possessive.
    for i, word in enumerate(words[:-1]):
        if word.endswith(("'s", "’s")):
            start += sum(len(w) + 1 for w in words[: i + 1])
            words = words[i + 1 :]
            break
    while words and words[0] in LEADING_NOISE:
        start += len(words[0]) + 1
        words = words[1:]
    return " ".join(words), start


# What a government does that a city cannot: "Moscow said", "Islamabad's retaliation".
GOVERNMENT_VERBS = (
    r"said|says|claimed|claims|accused|accuses|denied|denies|blamed|blames|launched|launches|"
    r"responded|responds|retaliated|retaliates|warned|warns|insisted|insists|vowed|vows|maintains|"
    r"maintained|rejected|rejects|announced|announces|urged|urges|demanded|demands|condemned|"
    r"condemns|alleged|alleges|struck back|hit back|intercepted|shot down|pulled out|withdrew|"
    r"proposed|offered|sent|called for|heads into|joined|joins|got involved|gets involved|agreed|agrees|"
    r"wants|wanted|ramped up|ramps up|stepped up|steps up|escalated|escalates|intensified|intensifies|"
    r"carried out|carries out|conducted|conducts|struck|strikes|bombed|bombs|targeted|targets|"
    # "Kyiv said Moscow hit the city with two missiles"; not "Gaza hit by strikes".
    r"hit(?!\s+by\b)|hits|"
    r"(?:would|will|could|must|should) (?:propose|respond|retaliate|not|never|accept|reject|seek|send|strike)|"
    r"traded|trade|exchanged|exchange|and (?:New )?[A-Z]\w+ (?:have|had|agreed|traded|exchanged)"
)
GOVERNMENT_AFTER = re.compile(
    rf"\s*(?:,[^,]{{1,60}},\s*)?(?:(?:then|also|later|has|had|have|quickly|swiftly|soon)\s+)?"
    rf"(?:{GOVERNMENT_VERBS})\b|"
    # "Moscow was increasing its bombardment", "Kyiv is seeking": a capital that acts is its state.
    r"\s+(?:was|is|has been|had been|were|are)\s+(?:\w+ly\s+)?(?!(?:being|burning|reeling|bleeding|"
    r"shaking|smouldering)\b)\w+ing\b|['’]s\s+(?:\w+\s+)?(?:forces|army|military|"
    r"government|strikes?|attacks?|missiles?|drones?|retaliation|response|claims?|counter-?offensive|offensive|"
    r"operation|jets|troops|air ?force|navy|war|invasion|bombardment|shelling|call|allegations?|regime|allies|"
    r"envoy|ambassador|officials|leaders|position|policy)\b"
)
# Whom a government blames or presses: "blamed Islamabad for", "urged Moscow to".
GOVERNMENT_OBJECT = re.compile(
    r"\b(?:accused|accusing|blamed|blaming|told|warned|urged|pressed|asked|war (?:with|against|on)|"
    r"(?:talks|deal|ties|relations|tensions|rapprochement|dialogue|negotiations|row|dispute|spat) with)\s+$"
)
# Whose side a capital stands for, though a place's word comes before it: "businesses
# supportive of Beijing", "defying messages from Beijing", "loyal to Moscow".
GOVERNMENT_SIDE = re.compile(
    r"\b(?:supportive of|support(?:ers|ing)? of|loyal(?:ty)? to|allied (?:to|with)|backed by|"
    r"(?:messages?|orders?|pressure|warnings?|directives?|instructions|interference|demands?) from)\s+$",
    re.I,
)
BETWEEN = re.compile(r"\bbetween\s+$")
AND_CAPITAL = re.compile(r"\s+and\s+(?:New\s+)?[A-Z]")
PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside|around|across|to|on|of|over|into)\s+(?:the\s+)?$", re.I)


def stands_for_government(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    if GOVERNMENT_SIDE.search(before):
        return True
    if PLACE_BEFORE.search(before):
        return False
    if GOVERNMENT_AFTER.match(text, end) is not None or GOVERNMENT_OBJECT.search(before):
        return True
    # "Talks between Islamabad and New Delhi".
    return BETWEEN.search(before) is not None and AND_CAPITAL.match(text, end) is not None


# Buildings that stand for governments: "the White House said" is Washington's word, not
# White House, Tennessee; never an incident's place.
SEATS_OF_GOVERNMENT: dict[str, str] = {
    "White House": "USA", "Pentagon": "USA", "Capitol Hill": "USA", "State Department": "USA",
    "Kremlin": "RUS", "Downing Street": "GBR", "Elysee": "FRA", "Élysée": "FRA",
    "Zhongnanhai": "CHN", "Bundeskanzleramt": "DEU", "GHQ": "PAK",
}  # fmt: skip
SEAT_PATTERN = re.compile(r"\b(?:" + "|".join(map(re.escape, SEATS_OF_GOVERNMENT)) + r")\b")

# Titles of office and address: a name right after one is a person's, however large a town of
# that name ("then-president Kennedy").
OFFICE_TITLES = r"[Pp]resident|Prime Minister|[Mm]inister|Mr|Mrs|Ms|Dr|Senator|Governor|Chancellor|Pope|Judge"
# Who a name belongs to when a title or a role comes before it: "Ukrainian leader Volodymyr
# Zelensky", "former finance minister Chrystia Freeland", "Brigadier F.B. Ali".
PERSON_TITLE = re.compile(
    rf"\b(?:{OFFICE_TITLES}|[Ll]eader|co-leader|Gen|General|Brigadier|"
    r"Justice|King|Queen|Prince|Princess|Sheikh|[Ss]pokes(?:man|woman|person)|"
    r"[Ss]ecretary(?:\s+of\s+(?:State|Defen[cs]e|War|Homeland Security|the\s+Treasury)|-General)?|Ambassador|[Aa]mbassador|[Ee]nvoy|Pope|[Cc]ommander|Col|Colonel|Maj|Major|Capt|"
    r"Captain|Lt|Lieutenant|Chief|[Aa]nchor|[Jj]ournalist|[Aa]ctivist|[Ll]awyer|[Cc]ounsel|[Dd]etectives?|named|"
    # "The wounded person was identified as Irma de Puentes".
    r"identified\s+as)\.?\s+"
    r"(?P<name>(?:(?:[A-Z][\w'’-]+|[A-Z]\.(?:[A-Z]\.)*|van|von|de|bin|ibn|al-\w+)\s+){0,3}[A-Z][\w'’-]+)"
)
# Words before a name that say it is where something is: "in Nice", "near the Post".
PLACE_PREPOSITION = re.compile(
    # "en Celaya": Spanish headlines place their towns so too.
    r"\b(?:in|at|near|from|to|outside|across|around|into|towards?|via|through|en)\s+(?:the\s+)?$",
    re.I,
)


# Languages that are also towns ("English", Indiana), named as how something was said.
LANGUAGES = frozenset(
    {"English", "French", "Arabic", "Urdu", "Spanish", "German", "Russian", "Pashto", "Dari", "Persian"}
)
SPOKEN_IN = re.compile(
    r"\b(?:said|says|say|spoke|speaks|speaking|wrote|written|posted|published|read|tweeted|"
    r"replied|added|broadcast|reads)\b[^.;]{0,12}\bin\s+$|\bin\s+$",
    re.I,
)
# "The" written with its capital inside a sentence: the start of a title or a name.
NAME_OF_A_TITLE = re.compile(r"[\w,’'\"“]\s+The\s+$")
TITLE_BEFORE = re.compile(rf"\b(?:{OFFICE_TITLES})\.?\s+$")


# Offices news writes with a capital that GeoNames also lists as towns: a title, unless the text
# says it is where ("in General Roca").
TITLE_WORDS = frozenset(
    "rector chancellor governor colonel general captain senator marshal cardinal monsignor vicar provost "
    "commissioner prefect".split()
)
TREATY_AFTER = re.compile(r"\s+(?:Convention|Protocol|Charter|Principles|Format)\b", re.I)
# "the Soriano Battalion", "the Atlacatl Battalion": a unit's name, not where it stands.
UNIT_AFTER = re.compile(r"\s+(?:Battalion|Regiment)\b", re.I)
# The word just before a name, on its line: a given name there makes the name a surname.
WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)[ \t]+$")
# Who did it, named after "by": "was shot by Jack Ruby".
AGENT_BEFORE = re.compile(r"\bby[ \t]+$")
# A capitalised word just after a name, on its line: the surname after a given name.
SURNAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
# In a truecased text: the words after a name that no news writes small, and what ends the phrase.
NAME_RUN = re.compile(r"(?:[ \t]+[A-Z][a-z]+\b)+")
PHRASE_END = re.compile(r"[ \t]*(?:[,.;:()\"]|\n|$)|[ \t]+(?:and|or|who|was|were|is|are|has|had|said)\b")

# A street named after a place: "on Ancash Street" in La Paz.
STREET_AFTER = re.compile(
    r"(?:[ \t]+(?!(?i:s|on|in|at|the|a|an|of|to|near|and|or|main|high|its|their|his|her)\b)[\w'’-]+){0,2}"
    r"[ \t]+(?i:street|avenue|boulevard|lane|square)\b"
)
# What a dateline's town counts for the country of a report's other names; as much for the
# country its words point to where it names none (`country_words`).
FILED_VOTES = 2
# A feast named for a person: "Valentine's Day", "St Patrick's Day".
HOLIDAY_AFTER = re.compile(r"['’]s\s+Day\b")
# A person's age told after their name: ", 20 years old,", ", 21,", ", aged 34)"; after a given
# name, the rest of it ("Todd Ray Wilson, 20"; a truecased wire may write "Todd ray Wilson").
AGE_AFTER = re.compile(
    r"(?:[ \t]+[\w'’-]+){0,2},[ \t]*(?i:aged[ \t]+)?\d{1,2}(?:[ \t-]*(?i:years?|yrs?)(?:[ \t-]*(?i:old))?)?[ \t]*[,)]"
)
ASSASSINATED_AFTER = re.compile(r"['’]?s?\s+assassination\b")
# What a person does and a town cannot: "PONCE ALSO SAID", "Leon added". (A capital that says
# is its government: `stands_for_government`.)
SPEAKS_AFTER = re.compile(
    r"[ \t]+(?:(?i:also|then|later|further)[ \t]+)?"
    r"(?i:said|added|told|stated|explained|noted|declared|asserted|insisted|stressed|emphasi[sz]ed)\b"
)


# A person's name after its given name: "Pablo Martin Berrocal", then "Berrocal" alone.
NAMED_PERSON = re.compile(r"\b([A-Z][a-z]+)(?=[ \t]+((?:[A-Z][a-z]+[ \t]+){0,2}[A-Z][a-z]+)\b)")


def _people(text: str) -> frozenset[str]:
    """The words of the names that titles and roles introduce in the text."""
    return frozenset(
        word.strip("’'").removesuffix("’s").removesuffix("'s")
        for match in scan(PERSON_TITLE, text)
        for word in match.group("name").split()
    )


def _surnames(text: str, gazetteer: Gazetteer) -> frozenset[str]:
    """The words that follow a given name in the text: a person's, wherever they stand again
    ("according to Pizarro", "the attack on Merino"). Not where the two words are a place's name
    ("Lakki Marwat", "Datta Khel")."""
    given = given_names()
    return frozenset(
        word
        for match in scan(NAMED_PERSON, text)
        if match.group(1) in given and not gazetteer.lookup(f"{match.group(1)} {match.group(2).split()[0]}")
        for word in match.group(2).split()
    )


# A transcript's speaker, named in brackets at the head of a line: "(Carrillo) General, how many…".
SPEAKER_BEFORE = re.compile(r"(?:^|\n)[ \t]*\($")


def _has_place_evidence(
    text: str,
    candidate: Candidate,
    people: frozenset[str],
    neighbours: frozenset[int] = frozenset(),
    surnames: frozenset[str] = frozenset(),
) -> bool:
    """Whether a name the gazetteer knows is a place here. A word news writes in small letters
    ("First", "Post", "Leader") is a place only where its context says so; a name a title or a
    given name gives to a person ("Freeland", "Volodymyr", "Pizarro") is none, unless a province
    or a large city."""
    if STREET_AFTER.match(text, candidate.end) and not candidate.unit:
        return False  # "walking home on Ancash Street", "on San Antonio Abad Street": a street's name
    if candidate.unit or " " in candidate.surface or candidate.surface in ABBREVIATIONS:
        return True
    before = text[max(0, candidate.start - 20) : candidate.start]
    after = text[candidate.end : candidate.end + 25]
    word = candidate.surface
    if NUMBERED.match(after) and all(e.population < NUMBERED_PLACE_POPULATION for e in candidate.entries):
        return False  # "imposing Section 144 in the city", "under Article 370"
    if HOLIDAY_AFTER.match(text, candidate.end):
        return False  # "a Valentine's Day rally": a feast, not Valentine, Nebraska
    if AGE_AFTER.match(text, candidate.end):
        return False  # "Todd Ray Wilson, 20 years old, and Jeffrey Ball, 21, were murdered": a person
    if word in LANGUAGES and (
        SPOKEN_IN.search(before) or all(e.population < 100_000 for e in candidate.entries)
    ):
        # "Putin said in English", "speaking Spanish or English with an accent", "the
        # north-western English city": a language or a people, not English, Indiana.
        return False
    if word.lower() in common_words() and NAME_OF_A_TITLE.search(before):
        return False  # "according to The Post", "told The Independent": a paper, not a town
    if SPEAKER_BEFORE.search(before) and after.startswith(")"):
        return False  # "(Carrillo) General, how many were killed?": who speaks, in a transcript
    if (
        word in given_names()
        and (surname := SURNAME_AFTER.match(after)) is not None
        and (surname.group(1).lower() not in common_words() or AGENT_BEFORE.search(before))
    ):
        # "Minister for Finance Michael Noonan", "President Vladimir Putin": a given name before
        # a surname is a person's (not before a word news writes small: "Georgia Power", unless
        # the two name who did it: "shot by Jack Ruby").
        return False
    if word in surnames or (
        (given := WORD_BEFORE.search(before)) is not None and given.group(1) in given_names()
    ):
        # "Carlos Pizarro", then "according to Pizarro": a person's name, unless a province or a
        # large city; but one who speaks ("Emilio Ponce", then "Ponce said") is the person.
        if SPEAKS_AFTER.match(after) and not PLACE_PREPOSITION.search(before):
            return False
        return _outweighs_a_person(candidate)
    if UNIT_AFTER.match(after):
        return False
    if word.lower() in TITLE_WORDS and not PLACE_PREPOSITION.search(before):
        return False  # "Ignacio Ellacuria, Rector of the UCA": an office, not Rector, Arkansas
    if (
        PLACE_PREPOSITION.search(before)
        or candidate.start in neighbours  # "Becker, Clay, Douglas and Grant counties"
        or (PLACE_AFTER.match(after) and not _words_listed(word, after))
    ):
        return True
    if TREATY_AFTER.match(after):
        return False  # "the Istanbul Convention", "the Minsk Protocol": a treaty's name
    if SPEAKS_AFTER.match(after) and not any(is_capital(e) for e in candidate.entries):
        return False  # "PONCE ALSO SAID": a person speaks
    if TITLE_BEFORE.search(before) or ASSASSINATED_AFTER.match(after):
        # "then-president Kennedy", "the Kennedy assassination": a person, however large the town.
        return False
    if word in people:
        return _outweighs_a_person(candidate)
    return not _common_noun(word.lower()) or word.isupper()


def _cut_from_a_longer_name(text: str, candidate: Candidate) -> bool:
    """In a truecased text, whether a name the gazetteer knows runs on into words no news writes
    small, and the run ends the phrase: "ADOLFO MESA MENESES, his right-hand man" (a person, not
    Adolfo of Brazil), "CESAR ORBEGOZO, AND ERNESTO BENAVIDES WERE KILLED". Not where the run
    names a thing ("the LITEIN MOGOGOSIEK ROAD", a hyphen the wire lost) or goes on to a weekday
    ("in SANTIAGO WEDNESDAY")."""
    if candidate.unit:
        return False
    run = NAME_RUN.match(text, candidate.end)
    if run is None or PHRASE_END.match(text, run.end()) is None:
        return False
    words = run.group().lower().split()
    return not any(w in WEEKDAYS or w in MONTHS or w in english_words() for w in words)


def _a_word_in_passing(text: str, candidate: Candidate, neighbours: frozenset[int]) -> bool:
    """In a truecased text, whether a one-word name is an English word with no word of place
    before it or list around it ("they threw petrol bombs and SANG"): a word, not S'ang."""
    return (
        not candidate.unit
        and " " not in candidate.surface
        and candidate.surface.lower() in english_words()
        and candidate.start not in neighbours
        and PLACE_PREPOSITION.search(text, max(0, candidate.start - 20), candidate.start) is None
    )


# A possessive before a word: "THEIR COOK", "HIS DRIVER".
POSSESSIVE_BEFORE = re.compile(r"\b(?i:their|his|her|its|our|my|your)[ \t]+$")


def _owned_noun(text: str, candidate: Candidate) -> bool:
    """In a truecased text, whether a one-word name is an English word someone owns ("the Jesuit
    priests, THEIR COOK, and her daughter"): a person, not Cook County."""
    return (
        " " not in candidate.surface
        and candidate.surface.lower() in english_words()
        and POSSESSIVE_BEFORE.search(text, max(0, candidate.start - 8), candidate.start) is not None
    )


# A capitalised word after a comma: the state of "Springfield, Illinois", or the next of a list.
COMMA_WORD = re.compile(r",\s+([A-Z][a-z]*)\b")


def _words_listed(word: str, after: str) -> bool:
    """Whether a word news writes small stands in a list of such words, not before its state: "a
    Strong, Durable, and Everlasting Peace" (not Strong, Maine)."""
    listed = COMMA_WORD.match(after)
    return listed is not None and _common_noun(word.lower()) and _common_noun(listed.group(1).lower())


def _common_noun(word: str) -> bool:
    """A word news writes small, or whose plural it does: "engineers" is common, though news
    capitalises "Engineer" as a title ("Engineer Amir Muqam"), and "the kidnappers took the
    Engineer" in a truecased wire names no town of Kenya."""
    common = common_words()
    return word in common or word + "s" in common or (word.endswith("y") and word[:-1] + "ies" in common)


# "the Iranians", "the Russians": a people as a side, the article before its name.
THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _names_a_side(text: str, mention: Mention) -> bool:
    """Whether a demonym in the plural after "the" names a people as a side ("between the
    Iranians and the regime"), not where."""
    return (
        mention.value.kind == "demonym"
        and mention.value.name.endswith("s")
        and mention.value.name in demonyms()
        and THE_BEFORE.search(text, max(0, mention.start - 6), mention.start) is not None
    )


# After a demonym, the fire or the strike of that country's forces.
STRIKER_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+(?=missiles?|jets|drones?|rockets?|warplanes|aircraft)\b)?"
    r"(?:air\s*|drone\s*|missile\s*|rocket\s*|artillery\s*|cross-border\s*)?"
    r"(?:fir(?:e|ing)|shelling|strikes?|airstrikes?|bombardment|bombing|raids?|missiles?|rockets?|"
    r"drones?|jets|warplanes|aircraft|artillery)\b",
    re.I,  # headlines capitalise: "Killed in Indian Shelling"
)


def _names_striker(text: str, mention: Mention) -> bool:
    """Whether a demonym says who struck ("Indian shelling"), not where."""
    return mention.value.kind == "demonym" and STRIKER_AFTER.match(text, mention.end) is not None


# After a country's name or demonym, the frontier a place lies by ("near the Afghan border in
# North Waziristan"): the country is beyond it, not where the place is. The frontier itself, not
# what lies along it on this side ("Mexican border cities" are Mexico's).
FRONTIER_AFTER = re.compile(
    r"\s+(?:border|frontier)\b(?!\s+(?:cit|town|area|region|district|state|province|village|communit|zone)\w*)",
    re.I,
)


def _names_frontier(text: str, mention: Mention) -> bool:
    """Whether a demonym names the frontier the place lies by ("near Afghan border"), not where."""
    return mention.value.kind == "demonym" and FRONTIER_AFTER.match(text, mention.end) is not None


# "the U.S. embassy", "Pakistan's ambassador": a country's mission stands in another country.
MISSION_AFTER = re.compile(r"(?:['’]s)?\s+(?i:embassy|embassies|consulate|ambassador|envoy|mission)\b")


def _names_mission(text: str, mention: Mention) -> bool:
    """Whether a country's name or demonym says whose embassy or envoy, not where."""
    return mention.value.kind in ("demonym", "country") and MISSION_AFTER.match(text, mention.end) is not None


def _says_not_where(text: str, mention: Mention) -> bool:
    """Whether a country's name or demonym says who struck, the frontier, a people as a side or
    whose embassy it is: no vote for where the report's places lie."""
    return (
        _names_striker(text, mention)
        or _names_frontier(text, mention)
        or _names_a_side(text, mention)
        or _names_mission(text, mention)
    )


# A word numbered is a clause of a law or a rule, not a place, unless a town so large that a
# figure after it is a count ("Kabul 12 killed"). On its own line: a headline that ends on a
# town ("raids on Palmyra") is no clause numbered by the figure that opens the next line.
NUMBERED = re.compile(r"[ \t]+\d")
NUMBERED_PLACE_POPULATION = 100_000


# After a place's name: its state or country ("Surprise, Ariz."), or its people and offices
# ("Hurricane police", "Buffalo residents").
PLACE_AFTER = re.compile(
    r"(?:,\s+[A-Z][a-z]*\.?|\s+(?:police|county|residents|mayor|city|town|township|village|district|"
    r"province|area|region|council|airport|port)\b)"
)


def _unknown_name(name: str, iso3: str | None, gazetteer: Gazetteer) -> bool:
    """A name that may be a village the gazetteer lacks in country `iso3`: not one it knows
    there (a namesake abroad is no reading of it), and not a month, a weekday or a common word
    written with a capital."""
    words = name.lower().split()
    if all(w in common_words() or w in MONTHS or w in WEEKDAYS for w in words):
        return False
    return not any(entry.iso3 == iso3 for entry in gazetteer.lookup(name))


# What stands between two names of a list: "Becker, Clay, Douglas and Grant".
LIST_JOIN = re.compile(r"\s*(?:,|and|or|,\s*and)\s*")


def _listed_neighbours(text: str, candidates: list[Candidate]) -> frozenset[int]:
    """Starts of candidates that stand in a list beside another candidate."""
    starts = set()
    for a, b in pairwise(candidates):
        if LIST_JOIN.fullmatch(text[a.end : b.start]):
            starts.update((a.start, b.start))
    return frozenset(starts)


def _one_country_lists(
    text: str, candidates: list[Candidate], resolved: list[GazetteerEntry | None]
) -> list[GazetteerEntry | None]:
    """Towns named in one list lie in one country ("La Paz, Sucre, Santa Cruz and Potosi"): a
    name of a list of three or more that the ranker placed abroad, or left unplaced as a small
    namesake abroad, is its namesake in the country most of the others lie in, where the
    gazetteer knows one."""
    resolved = list(resolved)
    runs: list[list[int]] = []
    for n, candidate in enumerate(candidates):
        if runs and LIST_JOIN.fullmatch(text[candidates[runs[-1][-1]].end : candidate.start]):
            runs[-1].append(n)
        else:
            runs.append([n])
    for run in runs:
        countries = Counter(resolved[n].iso3 for n in run if resolved[n] is not None)
        if not countries or len(run) < 3:
            continue
        (country, agree), *others = countries.most_common(2)
        if agree < 2 or (others and others[0][1] == agree):
            continue
        for n in run:
            entry = resolved[n]
            if entry is not None and entry.iso3 == country:
                continue
            namesakes = [e for e in candidates[n].entries if e.iso3 == country and e.kind != "country"]
            if namesakes:
                resolved[n] = max(namesakes, key=lambda e: (e.kind == "place", e.population))
    return resolved


# A city this large keeps its name whoever else bears it ("Chief Minister Punjab"; "Mr Lahore").
PERSON_NAME_PLACE_POPULATION = 500_000


def _named_as_place(text: str, mentions: list[Mention]) -> set[str]:
    """The countries the text names as where, not as whose or who struck."""
    return {
        m.value.iso3
        for m in mentions
        if m.label == "country" and m.value.kind == "country" and not _says_not_where(text, m)
    }


def _outweighs_a_person(candidate: Candidate) -> bool:
    """Whether a name a person also bears stays a place: a province by its own name (not "Vargas",
    a state's former name, for General Oscar Vargas; not "Michael", a parish the gazetteer counts
    no one in), or a large city."""
    name = normalise_name(candidate.surface)
    return any(
        (e.kind == "admin1" and e.population > 0 and normalise_name(e.name) == name)
        or e.population >= PERSON_NAME_PLACE_POPULATION
        for e in candidate.entries
    )


# How near the country a place of the text may be and still speak for the country's reading.
COUNTRY_NEIGHBOURHOOD_KM = 1500.0
# A town must be this large to be read for a country's name ("Palestine, Texas"; not "China, Texas").
HOMONYM_TOWN_POPULATION = 5000


def _country_homonyms(
    mentions: list[Mention],
    candidates: list[Candidate],
    resolved: list[GazetteerEntry | None],
    gazetteer: Gazetteer,
) -> dict[int, GazetteerEntry]:
    """Country names (by index in `mentions`) that name a province or a town elsewhere: each with
    that entry, where another place of the text lies in the same province and no place of the
    text lies in the country or near it."""
    placed = [(c.surface, e) for c, e in zip(candidates, resolved, strict=True) if e is not None]
    found: dict[int, GazetteerEntry] = {}
    for number, mention in enumerate(mentions):
        if mention.label != "country" or mention.value.kind != "country":
            continue
        country = mention.value.entry
        homonyms = [
            e
            for e in gazetteer.lookup(mention.value.name)
            if e.iso3 != mention.value.iso3
            and (e.kind == "admin1" or (e.kind == "place" and e.population >= HOMONYM_TOWN_POPULATION))
        ]
        if not homonyms or country is None or country.latitude is None:
            continue
        near = sum(
            e.iso3 == country.iso3
            or (
                e.latitude is not None
                and distance_km(e.latitude, e.longitude, country.latitude, country.longitude)
                <= COUNTRY_NEIGHBOURHOOD_KM
            )
            for _, e in placed
        )
        if near:
            continue

        def support(homonym: GazetteerEntry, name: str = mention.value.name) -> int:
            province = homonym.name if homonym.kind == "admin1" else homonym.admin1
            return sum(
                surface != name and e.iso3 == homonym.iso3 and province in (e.admin1, e.name)
                for surface, e in placed
            )

        best = max(homonyms, key=lambda e: (support(e), e.population))
        if support(best) >= 1:
            found[number] = best
    return found


# A body a word names, after it: "Liberation army", "Revolutionary front".
BODY_AFTER = re.compile(
    r"\s+(?i:army|front|movement|party|brigades?|commandos?|command|organi[sz]ation|alliance|union)\b"
)


class PlaceStage:
    name = "places"

    def __call__(self, doc: Document) -> None:
        text = doc.cased_text
        pattern, names = _country_pattern()
        mentions: list[Mention] = []
        counts: Counter[str] = Counter()
        gazetteer = get_gazetteer()
        starts = {m.start for m in doc.layer("sentences")}
        seats = [(m.span(), SEATS_OF_GOVERNMENT[m.group()]) for m in scan(SEAT_PATTERN, text)]
        for (start, end), iso3 in seats:
            mentions.append(
                Mention(
                    start,
                    end,
                    "country",
                    Place(text[start:end], "government", iso3, gazetteer.country(iso3)),
                    sentence_of(doc, start),
                )
            )
        found = [
            c
            for c in find_candidates(text, gazetteer, starts)
            if not any(s < c.end and c.start < e for (s, e), _ in seats)
        ]
        people, neighbours, surnames = (
            _people(text),
            _listed_neighbours(text, found),
            _surnames(text, gazetteer),
        )
        candidates = [c for c in found if _has_place_evidence(text, c, people, neighbours, surnames)]
        caseless = is_caseless(doc.text)
        if caseless:
            # "the popular Liberation army": capitals the truecaser gave a word of a body's name
            # make no place of it.
            candidates = [
                c
                for c in candidates
                if not BODY_AFTER.match(text, c.end)
                and not _cut_from_a_longer_name(text, c)
                and not _owned_noun(text, c)
                and not _a_word_in_passing(text, c, neighbours)
            ]
        # A country's name inside a longer place name is not the country: "New Jersey", "Mexico City".
        longer = [(c.start, c.end) for c in candidates if " " in c.surface or "-" in c.surface]
        # Continents and world regions: toponyms, though never an event's place; not inside a
        # longer name ("West Darfur").
        for match in scan(REGION_PATTERN_ANY_CASE if caseless else REGION_PATTERN, text):
            if any(s <= match.start() and match.end() <= e and (s, e) != match.span() for s, e in longer):
                continue
            lat, lon = REGIONS_BY_KEY[" ".join(match.group().lower().split())]
            region = GazetteerEntry(0, match.group(), "region", "", None, None, lat, lon, 0)
            mentions.append(
                Mention(
                    *match.span(),
                    "region",
                    Place(match.group(), "region", None, region),
                    sentence_of(doc, match.start()),
                )
            )
        regions = [(m.start, m.end) for m in mentions]
        # "Malí", "Perú", "Panamá": a country as Spanish spells it is the country. Read on the text
        # with its accents dropped, where that keeps every offset.
        folded = strip_diacritics(text)
        for match in scan(pattern, folded if len(folded) == len(text) else text):
            if any(
                s <= match.start() and match.end() <= e and (s, e) != match.span()
                for s, e in longer + regions
            ):
                continue
            if _hyphen_joined(text, *match.span()):
                continue
            name = " ".join(match.group().split())
            iso3 = names[name]
            # A country's name usually says where; a demonym ("Russian missiles") or a name used
            # as one ("U.S. air strikes", "the Pakistan Army") often says who.
            attributive = name in demonyms() or bool(ATTRIBUTIVE.match(text, match.end()))
            kind = "demonym" if attributive else "country"
            mention = Mention(
                match.start(),
                match.end(),
                "country",
                Place(name, kind, iso3, gazetteer.country(iso3)),
                sentence_of(doc, match.start()),
            )
            # The demonym of a strike or of fire ("Indian shelling", "Russian drones") says who
            # struck, and is no vote for where: that is most often the other side of a front.
            # Nor is the country of a frontier named ("militants killed near Afghan border").
            # Nor is a people named as a side ("a battle between the Iranians and the regime"),
            # nor the country whose embassy or envoy it is ("the U.S. embassy warehouse").
            counts[iso3] += 0 if _says_not_where(text, mention) else 1 if attributive else 2
            mentions.append(mention)
        suffixed: list[Mention] = []
        for match in scan(KIND_SUFFIXED, text):
            name, start = _strip_noise(match.group("name"), match.start("name"))
            if not name:
                continue
            kind = match.group("kind").lower()
            if kind in ("city", "town") and NAMED_AFTER.match(text, match.end()):
                continue  # "the Kurdish city of Diyarbakir": the city's name comes after it
            if name.split()[-1] in demonyms() or name.split()[-1] in LANGUAGES:
                continue  # "a Spanish town", "the Kurdish village", "the English city": whose, not which
            if name.split()[0].lower() in FUNCTION_WORDS:
                continue  # "This area has been…", "While state authorities…": no name
            suffixed.append(Mention(start, match.end(), "place", Place(name, kind), sentence_of(doc, start)))
        # "in the town of Namssiguia": a settlement named after its kind, a place though the
        # gazetteer lacks it; where the gazetteer knows the name, its entry stands (below).
        for match in scan(KIND_PREFIXED, text):
            words = match.group("name").split()
            while words and (
                words[-1].lower() in WEEKDAYS or words[-1].lower() in MONTHS or words[-1] in LEADING_NOISE
            ):
                words.pop()
            if not words or words[0].lower() in common_words():
                continue
            name, start = " ".join(words), match.start("name")
            kind = match.group("kind").lower()
            suffixed.append(
                Mention(start, start + len(name), "place", Place(name, kind), sentence_of(doc, start))
            )
        # "the Los Alpes, Guadalupe and San Patricio neighborhoods": each a part of that kind, a
        # place where the text says what holds them (below).
        listed: list[Mention] = []
        for part_start, part_end, kind in listed_parts(text):
            name, start = _strip_noise(text[part_start:part_end], part_start)
            if name and not any(m.start <= start < m.end for m in suffixed):
                listed.append(Mention(start, part_end, "place", Place(name, kind), sentence_of(doc, start)))
        taken = TakenSpans([(m.start, m.end) for m in mentions if m.label in ("country", "region")])
        candidates = [c for c in candidates if not taken.overlaps(c.start, c.end)]
        # A group that fights in one country only says which country the report is about,
        # as its people's name would ("the FMLN attacked the garrison in San Miguel").
        group_homes = [m.value.country for m in doc.layer("named_groups") if m.value.country is not None]
        for home in group_homes:
            counts[home] += 1
        votes = Counter(counts)
        dateline = doc.annotations.facts.get("dateline")
        filed_in = None
        if dateline is not None and dateline.place:
            # Where a report was filed says which country its other names are in.
            filed = gazetteer.lookup(dateline.place.split("/")[0])
            if filed:
                filed_in = filed[0].iso3
                votes[filed_in] += FILED_VOTES
        named_countries = {m.start: m.value.iso3 for m in mentions if m.label == "country"}
        # Where a text names its countries, its small towns lie in them; but the demonym of a
        # strike or of fire says who struck, not where ("killed in Indian firing in Kotli").
        # A group that fights there only names its country as surely ("an FMLN unit ambushed a
        # vehicle at El Botijon" is in El Salvador, not at a namesake in Israel).
        country_named = (
            filed_in is not None
            or bool(group_homes)
            or any(m.label == "country" and not _says_not_where(text, m) for m in mentions)
        )
        # Where the text names no country, its names of people, parties and movements may point
        # to one ("chancellor angela merkel"): that country has a dateline's vote, and a small
        # namesake abroad is no reading of a name ("Caleta" in a Mexican headline is no village
        # of Peru).
        guessed = None
        if not country_named and (model := country_words()) is not None:
            guessed = model.guess(doc.text)
            if guessed is not None:
                votes[guessed[0]] += FILED_VOTES
        resolved = resolve(
            candidates, votes, text, named_countries, country_named, _named_as_place(text, mentions)
        )
        # "Georgia" in a report from Athens, Georgia, is the state: where the text's other places
        # lie in a province or town of a country's name, and none in or near the country.
        homonyms = _country_homonyms(mentions, candidates, resolved, gazetteer)
        if homonyms:
            for number, mention in enumerate(mentions):
                if number in homonyms:
                    votes[mention.value.iso3] -= 1 if mention.value.kind == "demonym" else 2
                    mentions[number] = Mention(
                        mention.start,
                        mention.end,
                        "place",
                        Place(homonyms[number].name, "gazetteer", homonyms[number].iso3, homonyms[number]),
                        mention.sentence,
                    )
            votes = +votes
            resolved = resolve(
                candidates, votes, text, named_countries, country_named, _named_as_place(text, mentions)
            )
        resolved = _one_country_lists(text, candidates, resolved)
        for candidate, entry in zip(candidates, resolved, strict=True):
            if entry is None:
                continue
            if is_capital(entry) and stands_for_government(text, candidate.start, candidate.end):
                # "New Delhi said its strikes hit ...": the capital names a government, which is
                # who acted, not where.
                mentions.append(
                    Mention(
                        candidate.start,
                        candidate.end,
                        "country",
                        Place(entry.name, "government", entry.iso3, gazetteer.country(entry.iso3)),
                        sentence_of(doc, candidate.start),
                    )
                )
                continue
            mentions.append(
                Mention(
                    candidate.start,
                    candidate.end,
                    "place",
                    Place(entry.name, "gazetteer", entry.iso3, entry),
                    sentence_of(doc, candidate.start),
                )
            )
        # A name with its kind ("Kalat district") was found above; where the gazetteer placed the
        # name, its entry replaces the bare name; where it knows the name only abroad ("the San
        # Ramon area" of San Salvador), the bare name stays.
        # A part the text says lies in a town it names ("the Zarif Khel area of Bannu") is that
        # town's section, not its namesake elsewhere.
        placed_here = [m for m in mentions if m.label == "place"]
        most_placed = Counter(m.value.iso3 for m in placed_here if m.value.entry is not None).most_common(1)
        home_country = most_placed[0][0] if most_placed else None
        sections, replaced = parts_held(text, suffixed + listed, placed_here, home_country)
        if sections:
            mentions = [m for m in mentions if m.start not in replaced] + sections
            suffixed = [m for m in suffixed if not any(s.start == m.start for s in sections)]
        apposed, holders = apposed_parts(
            text,
            [m for m in mentions if m.label == "place"],
            home_country,
            lambda name, iso3: _unknown_name(name, iso3, gazetteer),
        )
        if apposed:
            mentions = [m for m in mentions if m.start not in holders] + apposed
            suffixed = [m for m in suffixed if not any(a.start <= m.start < a.end for a in apposed)]
        placed_starts = sorted(
            c.start for c, entry in zip(candidates, resolved, strict=True) if entry is not None
        )
        mentions += [m for m in suffixed if not _starts_within(placed_starts, m.start, m.end)]
        mentions.sort(key=lambda m: m.start)
        # The report's country: its countries and demonyms, and the country of every town and
        # province it names ("refugees from Eritrea and Ethiopia evicted in Rome" is Italian news).
        placed = Counter(m.value.iso3 for m in mentions if m.label == "place" and m.value.entry is not None)
        votes.update({iso3: 2 * n for iso3, n in placed.items()})
        votes = +votes
        if votes:
            doc.annotations.facts["country"] = votes.most_common(1)[0][0]
        else:
            resolved = Counter(
                m.value.iso3
                for m in mentions
                if m.value.entry is not None and not _names_striker(text, m) and not _names_frontier(text, m)
            )
            if resolved:
                doc.annotations.facts["country"] = resolved.most_common(1)[0][0]
        if (
            "country" not in doc.annotations.facts
            and (across := country_across_the_line(text, mentions)) is not None
        ):
            doc.annotations.facts["country"] = across
        # The words alone say which country: no place of it is named.
        if (
            guessed is not None
            and doc.annotations.facts.get("country") == guessed[0]
            and not any(m.value.iso3 == guessed[0] and m.value.entry is not None for m in mentions)
        ):
            doc.annotations.facts["country_from_words"] = round(guessed[1], 3)
        # Places the text implies without naming them: "the capital", "northwest Pakistan",
        # "outside parliament".
        country = doc.annotations.facts.get("country")
        implied = [
            *capitals_unnamed(doc, mentions, names, country),
            *regions_named(
                doc, gazetteer, country, frozenset(m.value.iso3 for m in mentions if m.label == "country")
            ),
            *borders_named(doc, mentions, gazetteer, names, country),
            *seats_of_state(doc, mentions, country),
        ]
        for start, end, entry in implied:
            place = Place(entry.name, "gazetteer", entry.iso3, entry)
            mentions.append(Mention(start, end, "place", place, sentence_of(doc, start)))
        mentions.sort(key=lambda m: m.start)
        doc.set_layer("places", mentions)
