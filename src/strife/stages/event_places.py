"""Where an incident happened: which of its places, at which precision, and the places listed
with it that make events of their own.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from strife.document import Document, Mention
from strife.places.gazetteer import UNIT_WORD, distance_km, get_gazetteer, strip_diacritics
from strife.places.recognise import FOREIGN_MIN_POPULATION, is_capital
from strife.stages.incidents import Incident
from strife.stages.numbers import NUMBER_PATTERN
from strife.stages.place_parts import held_by_district, is_section, place_identity
from strife.stages.places import GOVERNMENT_AFTER, PLACE_KINDS, country_name, stands_for_government
from strife.stages.sentences import is_note

# What names the part of a place a list goes on to ("Daraa city and the countryside of Hama",
# "the eastern countryside of Homs and the outskirts of Palmyra").
_PART_WORDS = r"(?:city|town|province|district|governorate|countryside|area|region|village|township)"
# A compass point of a place ("north-eastern", "southern", "central").
_COMPASS = r"(?:north|south|east|west|central)(?:ern)?(?:[- ]?(?:east|west)(?:ern)?)?"
_PART_OF = (
    rf"(?:in\s+)?(?:the\s+)?(?:{_COMPASS}\s+)?"
    rf"(?:{_PART_WORDS}|outskirts|suburbs|vicinity|areas|villages|desert)\s+(?:of|in|around)\s+"
    # "the outskirts of the major north-western Pakistani city of Peshawar"
    rf"(?:(?:the\s+)?(?:[\w'’-]+\s+){{0,4}}?{_PART_WORDS}\s+of\s+)?"
)
_UNKNOWN_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
LIST_SEPARATOR = re.compile(
    # "Kirkuk, Khan Bani Saad, Tuz Khormato, Madain, Kut and Tarmiyah": names the gazetteer
    # does not know stand in the list between those it does.
    # "Daloa and Daoukro as well as Korhogo".
    # "Versailles and nearby Louveciennes", "the capital, Sanaa, and in Dhamar".
    rf"^(?:(?:\s*,\s*{_UNKNOWN_NAME})*(?:\s*,\s*(?:(?i:and|or|as well as)\s+)?|\s+(?i:and|or|as well as)\s+)"
    # "Clashes in the Eastern Ghouta and around Talbiseh"; not "in Soacha, near Bogota", which
    # says where Soacha lies.
    # "in Daykundi province and the Farah province".
    r"(?i:(?:in|at)\s+|(?<=and )(?:around|near|outside)\s+)?(?i:(?<=and )the\s+)?(?i:(?:the\s+)?(?:nearby|neighbou?ring|adjacent)\s+(?:(?:town|village|city)\s+of\s+)?)?"
    # "Baghlan Province and in Afghanistan's southern Helmand Province".
    rf"(?:[\w-]+['’]s\s+(?i:{_COMPASS}\s+)?)?"
    rf"(?i:{_PART_OF})?|"
    # "Daraa city and Hama", not "Peshawar city, Khyber Pakhtunkhwa province": that is where
    # the city lies.
    # "Baghlan province and in Afghanistan's southern Helmand province".
    rf"(?i:\s+{_PART_WORDS}\s+(?:and|or)\s+(?:in\s+)?(?:the\s+)?(?:[\w-]+['’]s\s+)?"
    rf"(?:{_COMPASS}\s+)?(?:{_PART_OF})?)|"
    # "four in Vetagrande and two in Zacatecas": a toll counted out over places.
    rf"\s*(?:,\s*)?(?:(?i:and)\s+)?(?i:{NUMBER_PATTERN})\s+(?:(?i:more|others?)\s+)?(?i:in|at)\s+|"
    # "at Mehran University, Jamshoro; Agricultural University, Tandojam; and ...": a list of venues,
    # each with its town.
    r"\s*;\s*(?:and\s+)?(?:(?:[A-Z][\w.'’-]*|of|the|and|for|&)\s+)*[A-Z][\w.'’-]*,\s*)$"
)

# "aerial bombardment on Tafas and aerial bombardment on the desert of Homs", "crowds gathered in
# Bern, closed off roads in central Zurich and marched through the streets of Geneva": an act told
# again, at the next place of the list (`_act_between`: where the words between name an act). Not
# a verb told of someone the first place describes ("a magistrate in Antioquia, was assassinated
# in Medellin").
ACT_AGAIN = re.compile(
    r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?![^.]*\b(?:was|were|is|are|has|have|had|been)\b)(?!with\b)"
    r"(?:[\w'’-]+\s+){1,6}?(?:in|on|at|of|near|across|targeting)\s+(?:the\s+)?"
    r"(?:(?:central|downtown|(?:north|south|east|west)(?:ern)?)\s+)?"
    rf"(?:{_PART_OF})?$",
    re.I,
)

# Towns named as the ends of a border or a road: where between them, not each of them.
# Nor are towns an incident happened between, nor those of the speakers ("officials in Kurram
# and Orakzai said") or of the hospitals the wounded were taken to.
NOT_EACH_PLACE = re.compile(
    # Nor those it leaves out: "barring Karachi and parts of Hyderabad".
    r"\b(?:barring|except(?:\s+(?:for|in))?|apart\s+from|other\s+than|excluding|save\s+for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$|"
    r"\b(?:(?:border|boundary|borders|road|highway|route)\s+(?:of|between|from)"
    # "hospitals in Peshawar and Mardan" that report a toll; not "protests outside hospitals in
    # Dublin, Cork and Roscommon", where the crowds stood.
    r"|(?:(?<!outside )(?<!at )(?<!near )(?<!of )hospitals?|officials?|sources?|authorities|residents|"
    r"spokes(?:man|person|woman)|administrations?)"
    r"\s+(?:in|at|of)|between)\s+(?:the\s+)?$|"
    # "on a bus between the Israeli coastal cities of Hadera and Afula": a route's two ends.
    # "blocked the highway linking the cities of Tarapoto and Yurimaguas": a road's ends.
    r"\b(?:between|linking|connecting|joining)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}"
    r"(?:cities|towns|villages|districts|provinces)\s+of\s+$|"
    r"\b(?:road|highway|route|motorway|railway|line)\s+(?:linking|connecting|joining)\s+(?:the\s+)?$",
    re.I,
)


# What opens a list of the places an act was done in: "held in London, Paris and Berlin",
# "in several cities abroad, including London, Brussels and Tokyo".
PLACES_OPENER = re.compile(r"\b(?:in|at|across|including|such\s+as|like)\s+(?:the\s+)?$", re.I)


def listed_places(
    doc: Document,
    places: list[Mention],
    chosen: Mention,
    sentences: set[int],
    each_told: bool = False,
    abroad: bool = False,
) -> list[Mention]:
    """The other towns or districts listed in one breath with the chosen one, or with each other
    in a sentence that tells of the same kind of event ("smaller protests were reported in Cluj,
    Timisoara and Iasi"), each once, in the chosen one's country. `each_told`: a town named
    alone in another such sentence counts too ("In Hyderabad district, a partial strike was
    observed", in a report of a strike across a province). `abroad`: towns of other countries
    listed count too (protests "held in London, Paris and Berlin")."""
    entry = chosen.value.entry
    # A city that is a province of its own ("Bucharest", "Islamabad") lists with towns too.
    if entry is None or entry.kind not in ("place", "admin2", "admin1"):
        return []
    row = sorted(
        (
            m
            for m in places
            if (m.sentence == chosen.sentence or m.sentence in sentences)
            and m.label == "place"
            and m.value.entry is not None
            and m.value.entry.kind in ("place", "admin2", "admin1")
            and not _inside_a_name(doc, m)
            and not _is_venue(doc, m)
        ),
        key=lambda m: m.start,
    )
    runs: list[list[Mention]] = []
    # Where the last place of a run ends, with the county or city that qualifies it ("Swindon,
    # in Wiltshire, and Brighton" lists two towns).
    run_end = 0
    for n, m in enumerate(row):
        if n and runs and _qualifies(doc, row[n - 1], m):
            run_end = m.end
            continue
        gap = doc.cased_text[run_end : m.start]
        if (
            runs
            and runs[-1][-1].sentence == m.sentence
            and (
                LIST_SEPARATOR.match(gap)
                or (
                    ACT_AGAIN.match(gap)
                    and _act_between(doc, run_end, m.start)
                    and not _within(m, runs[-1][-1])
                )
            )
        ):
            runs[-1].append(m)
        else:
            runs.append([m])
        run_end = m.end
    seen = {place_identity(entry)}
    # "Hyderabad" the city and "Hyderabad district": one place of the list.
    names = {strip_diacritics(entry.name)}
    listed = []
    for run in runs:
        alone_elsewhere = each_told and run[0].sentence != chosen.sentence and run[0].sentence in sentences
        if chosen not in run and len(run) < 2 and not alone_elsewhere:
            continue
        if NOT_EACH_PLACE.search(doc.text, max(0, run[0].start - 60), run[0].start):
            continue  # "on the border of Remedios and Puerto Berrio": one place between two
        capitals = {m.value.entry.iso3 for m in run if is_capital(m.value.entry)}
        opened = PLACES_OPENER.search(doc.text, max(0, run[0].start - 20), run[0].start) is not None
        if (len(capitals) > 1 and not (abroad and opened)) or stands_for_government(
            doc.text, run[0].start, run[-1].end
        ):
            continue  # "Islamabad and Kabul extended their ceasefire": governments, not places
        for m in run:
            other = m.value.entry
            if (
                place_identity(other) not in seen
                # Abroad, cities only: a village of a list that resolves abroad is one at home
                # the gazetteer lacks ("lekumakan, umba, oloko, tumbe" of Rivers State).
                and (
                    other.iso3 == entry.iso3
                    or (abroad and other.kind == "place" and other.population >= FOREIGN_MIN_POPULATION)
                )
                # "Usulutan" the town and "Usulután" the department: one place of the list.
                and strip_diacritics(other.name) not in names
            ):
                seen.add(place_identity(other))
                names.add(strip_diacritics(other.name))
                listed.append(m)
    return listed


def _within(place: Mention, region: Mention) -> bool:
    """Whether a place lies in the province or district named before it ("raids in the West
    Bank, ten killed in Jenin" tells where in it)."""
    inner, outer = place.value.entry, region.value.entry
    return outer.kind in ("admin1", "admin2") and outer.name in (inner.admin1, inner.admin2)


def _act_between(doc: Document, start: int, end: int) -> bool:
    """Whether the words between two places name an act of their own ("and marched through")."""
    return any(start <= t.start and t.end <= end for t in doc.layer("triggers"))


QUALIFIER_SEPARATOR = re.compile(
    r"^\s*,\s*(?:in\s+)?(?:(?:north|south|east|west|central|greater|northern|southern|eastern|western)\s+)?$",
    re.I,
)


# A city that says where a town lies is a much larger one ("Hillingdon, west London"); two towns
# of a size are two places of a list ("Guazapa, Chalatenango").
QUALIFIER_SIZE = 10


# A town "Hillingdon, west London" stands this near the city that says where it lies.
QUALIFIER_KM = 50

# "Natanz, Isfahan, Arak and Tehran": a name that the list goes on after is one of the list,
# though it is also the province of the town before it.
LIST_GOES_ON = re.compile(r"\s*(?:,|;|\band\b|\bor\b)")

# "Mach, Bolan district": a unit's word after the second name makes it the first one's unit.
UNIT_AFTER = re.compile(rf"\s+{UNIT_WORD}\b(?!s)", re.I)


def _qualifies(doc: Document, place: Mention, after: Mention) -> bool:
    """Whether `after` says where `place` lies ("Swindon, in Wiltshire"; "Hillingdon, west
    London") rather than naming another place of a list."""
    if not QUALIFIER_SEPARATOR.match(doc.text[place.end : after.start]):
        return False
    inner, outer = place.value.entry, after.value.entry
    if UNIT_AFTER.match(doc.text, after.end) and doc.text[place.end : after.start].strip() == ",":
        return True  # "the Jambarri area of Mach, Bolan district"
    unit = outer.kind in ("admin1", "admin2")
    if (
        outer.iso3 == inner.iso3
        and outer.name in (inner.admin1, inner.admin2)
        and (unit or not LIST_GOES_ON.match(doc.text, after.end))
    ):
        # The town's own province by name, even where the gazetteer took the name for a town
        # of another ("Isulan, Sultan Kudarat —").
        return True
    if outer.kind == "admin1" and inner.admin1:
        return False  # the gazetteer knows the town's province, and it is another one
    if doc.text[place.end : after.start].strip() == "," and LIST_GOES_ON.match(doc.text, after.end):
        return False  # "Jacobabad, Shikarpur, Ghotki and Kandhkot": a list goes on past it
    # Names of counties and cities outlive the units that carry them ("Swindon, in Wiltshire"
    # though Swindon is its own authority): nearness says it.
    return (
        (unit or outer.population > QUALIFIER_SIZE * max(inner.population, 1))
        and None not in (inner.latitude, outer.latitude)
        and distance_km(inner.latitude, inner.longitude, outer.latitude, outer.longitude) <= QUALIFIER_KM
    )


# How specific a gazetteer entry is (lower: more specific).
ENTRY_RANK = {"place": 1, "admin2": 2, "admin1": 3, "country": 4}
# A town named for the land around it: "the countryside of Aleppo", "the outskirts of Kandahar".
TOWN_AS_UNIT = re.compile(
    r"\b(?:countryside|province|governorate|district|region|outskirts|suburbs|rural areas?)\s+of\s+(?:the\s+)?$",
    re.I,
)
# The most specific kind of named settlement (`PLACE_KINDS`) that a gazetteer entry of each kind
# is coarser than: a village or a neighbourhood is below a town; an area, below a district.
PLACE_KINDS_OF_ENTRY = {"place": 2, "admin2": 3, "admin1": 3}


NEAR = re.compile(
    r"\b(?:near|outskirts of|close to|outside|vicinity of|suburbs? of|miles from|km from)\s+(?:the\s+)?$",
    re.I,
)


# Where something was said or someone came from, not where the incident happened.
VENUE_BEFORE = re.compile(
    r"\b(?:statement (?:issued |released |sent )?(?:from|in)|(?:press|news) conference (?:in|at)|"
    r"told (?:reporters|journalists|the media) (?:in|at)|briefing (?:in|at)|speaking (?:in|at)|"
    r"(?:addressing|addressed) (?:\w+ ){0,4}(?:in|at)|native of|hail(?:ing|ed) from|"
    r"(?:workers?|labourers?|natives?|residents?) from|"
    # Where envoys talk, not where the strikes they talk about fell: "airstrikes carried out while
    # mediators continued ceasefire talks in Doha".
    r"(?:talks|negotiations) (?:(?:were |was )?(?:held|hosted|taking place|under ?way) )?(?:in|at)|"
    # A see named by its city speaks from there: "said the Latin Patriarchate of
    # Jerusalem" of a strike on a church in Gaza.
    r"(?:patriarch(?:ate)?|archbishop|archdiocese|bishop|diocese) of|"
    # A person's home town, and its state, told after their age: "Staff Sgt. Matthew Lewellen, 27,
    # of Kirksville, Mo.".
    r"\b\d{1,3}, of(?:\s+[A-Z][\w.'’-]*){0,3}(?:,)?|"
    # Where someone lives: "said Khadija, who lives in a tent at a school in the Al-Shati camp".
    # (Not "the blast claimed 20 lives in Kabul".)
    r"\b(?:who|he|she|they|i|we)\s+(?:still\s+|now\s+)?(?:lives?|lived|resides?|resided)\b"
    r"(?:\s+[\w'’-]+){0,6}?\s+(?:in|at)|"
    # "…in the municipality of Arboletes, it was officially reported in Bogota".
    # (Not "clashes were reported in Shiraz": where they happened.)
    r"it (?:was|has been|had been) (?:officially |also |first )?(?:reported|announced|learned|confirmed) "
    r"(?:today |yesterday |here |tonight )?(?:in|from)|"
    # Where a group works, told of who it is: "two militants active in Sindh, Balochistan held in
    # Gadap".
    r"(?:active|operating|based) in(?:\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s*(?:,|\band\b))*|"
    # "passengers waiting to board flights for Geneva and New York": where they were going.
    r"(?:travel(?:l)?ing|heading|going|bound|on (?:their|his|her|its) way|en route) to|fall of|"
    r"(?:flights?|planes?|trains?|buses|bus|ferry|ferries) (?:for|to|bound for)(?:\s+[\w'’-]+(?:\s+[\w'’-]+)?\s*(?:,|\band\b))*)\s+(?:the\s+)?$",
    re.I,
)


LOCATIVE = re.compile(
    r"\b(?:in|at|near|inside|outside|into|across|around|outskirts of|(?:town|city|village|area|district) of)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


# Words that say where the incident happened, in a sentence that names no trigger.
LOCATOR = re.compile(r"\b(?:took place|occurred|happened|broke out|erupted|unfolded|the scene)\b", re.I)


VENUE_AFTER = re.compile(r"^-based\b")


# Where a crowd comes from, listed: "the protesters are from 12 constituencies of Omusati,
# namely Outapi, Ruacana, Tsandi and Okahao" (each of the list, not only its first).
ORIGIN_LIST = re.compile(r"\b(?:are|were|come|came|hail|hailed) from\b[^.;]{0,60}\bnamely\b[^.;]*$", re.I)


def _is_venue(doc: Document, mention: Mention) -> bool:
    return bool(
        VENUE_BEFORE.search(doc.text[max(0, mention.start - 45) : mention.start])
        or VENUE_AFTER.match(doc.text[mention.end : mention.end + 8])
        or ORIGIN_LIST.search(doc.text[max(0, mention.start - 300) : mention.start])
    )


# A province's institutions, named after it ("Sindh University", "the Punjab Assembly"): they
# stand somewhere in it, not across it.
PROVINCIAL_BODY = re.compile(
    r"\s+(?:University|College|Assembly|High Court|Police|Government|Rangers|Bar Council|Cabinet|Chief Minister|"
    r"Governor|Museum|Secretariat|Home Department)\b"
)


# "The Washington Post", "the Jerusalem Post", "the Nord Stream pipeline": a name, not its place.
NAMED_AFTER = re.compile(
    r"\s+(?:Post|Times|Herald|Tribune|Journal|Chronicle|Gazette|Telegraph|Courier|Stream)\b"
)


def _inside_a_name(doc: Document, mention: Mention) -> bool:
    """A place's name that is part of a body's or a thing's name, not where something happened."""
    entry = mention.value.entry if mention.label == "place" else None
    if entry is None:
        return False
    if NAMED_AFTER.match(doc.text, mention.end):
        return True
    return entry.kind == "admin1" and PROVINCIAL_BODY.match(doc.text, mention.end) is not None


def _region(entry: Any) -> tuple[str, str | None]:
    return entry.iso3, entry.name if entry.kind == "admin1" else entry.admin1


def _incident_places(doc: Document, places: list[Mention], core: set[int]) -> list[Mention]:
    """The places of the incident itself: named in its sentences with a trigger or a figure,
    not as where something was said, and in the region of the first such sentence that names
    one ("Kalat district" and "the Mangochar area" yes; "the highway to Karachi" two sentences
    on, no)."""
    own = [m for m in places if not _is_venue(doc, m) and not _inside_a_name(doc, m)]
    # A capital named for its government gives way to any other place the text resolves.
    literal = [m for m in own if not GOVERNMENT_AFTER.match(doc.text, m.end)]
    if any(m.label == "place" and m.value.entry is not None for m in literal):
        own = literal
    central = [m for m in own if m.sentence in core] or own
    named = [m for m in central if m.label == "place" and m.value.entry is not None]
    if not named:
        return central
    first = min(m.sentence for m in named)
    regions = {_region(m.value.entry) for m in named if m.sentence == first}
    iso3s = {iso3 for iso3, _ in regions}
    return [
        m
        for m in central
        if m.value.entry is None
        or m.label == "country"
        or _region(m.value.entry) in regions
        or (m.value.entry.kind == "admin1" and m.value.entry.iso3 in iso3s)
        or (m.value.entry.iso3, None) in regions
    ]


# "In southern Lebanon": a part of the country the text names, which the town a report was filed
# from is not.
COMPASS_BEFORE = re.compile(
    r"\b(?:(?:north|south)(?:ern|[- ]?east(?:ern)?|[- ]?west(?:ern)?)?|east(?:ern)?|west(?:ern)?|central)\s+$",
    re.I,
)


def _part_of_country(doc: Document, mention: Mention | None) -> bool:
    return (
        mention is not None
        and mention.label == "country"
        and COMPASS_BEFORE.search(doc.text, max(0, mention.start - 20), mention.start) is not None
    )


def _dateline_end(doc: Document) -> int:
    """Where a report's dateline ends (0 where it has none)."""
    return max((m.end for m in doc.layer("dateline")), default=0)


def _dateline_place(doc: Document, place: dict[str, Any], iso3: str | None) -> dict[str, Any] | None:
    """Where a local report names no place of its own but its country, the town it was filed
    from: "SHEIKHUPURA: Two constables ... were suspended". Precision 2: near that town."""
    end = _dateline_end(doc)
    filed = [
        m for m in doc.layer("places") if m.start < end and m.label == "place" and m.value.entry is not None
    ]
    if not filed:
        return None
    entry = filed[0].value.entry
    if entry.kind == "admin1":
        # "ISLAMABAD:" is the city, not the territory around it.
        entry = next((e for e in get_gazetteer().lookup(entry.name) if e.kind == "place"), entry)
    if entry.kind not in ("place", "admin2") or (place["iso3"] or iso3) not in (None, entry.iso3):
        return None
    return {"admin1": entry.admin1, "admin2": entry.admin2, "location": entry.name, "geo_precision": 2,
            "mention": filed[0], "latitude": entry.latitude, "longitude": entry.longitude,
            "geonameid": entry.geonameid, "iso3": entry.iso3}  # fmt: skip


# A town this large that the gazetteer gives no district seats the district of its name, as
# district seats do across the countries whose districts GeoNames' tables leave out (Syria's
# Jarabulus, Iran's Natanz, Afghanistan's Bala Buluk); measured on the real dev split (admin2
# 0.574 with 100,000, 0.606 with 10,000, 0.610 with any town).
CITY_DISTRICT_POPULATION = 10_000


# How near (in degrees) a town must stand to a province's seat to be that seat.
SEAT_DEGREES = 0.02


def _at(entry: Any, latitude: float | None, longitude: float | None) -> bool:
    return (
        latitude is not None
        and entry.latitude is not None
        and abs(entry.latitude - latitude) < SEAT_DEGREES
        and abs(entry.longitude - longitude) < SEAT_DEGREES
    )


def seat_district(province: Any) -> str | None:
    """The district of a province's seat, where the seat bears the province's name (Hama, Daraa,
    Kandahar): codebook, an event known only to the province is coded to its seat, and so to the
    seat's district. Not a namesake district whose own seat is elsewhere (Balkh district, whose
    province's seat is Mazar-i-Sharif)."""
    namesakes = [
        e
        for e in get_gazetteer().lookup(province.name)
        if e.iso3 == province.iso3 and e.admin1 == province.name
    ]
    seat = (province.seat_latitude, province.seat_longitude)
    for town in (e for e in namesakes if e.kind == "place" and _at(e, *seat)):
        return _district_of(town)
    for unit in (e for e in namesakes if e.kind == "admin2"):
        if (
            unit.seat_latitude is None
            or province.seat_latitude is None
            or _at(province, unit.seat_latitude, unit.seat_longitude)
        ):
            return str(unit.name)
    return None


def _district_of(entry: Any) -> str | None:
    if entry.admin2 is None and entry.kind == "place" and entry.population >= CITY_DISTRICT_POPULATION:
        return str(entry.name)
    return entry.admin2


def entry_place(entry: Any, precision: int) -> dict[str, Any]:
    """An event's place fields from a gazetteer entry below the country."""
    # Codebook: an event known only to a district or a province is coded to its seat.
    lat, lon = (entry.seat_latitude, entry.seat_longitude) if entry.seat_latitude is not None else (
        entry.latitude, entry.longitude)  # fmt: skip
    admin2 = seat_district(entry) if entry.kind == "admin1" else _district_of(entry)
    # Spec: the GeoNames id of the location itself; a part of a town GeoNames lacks has none.
    return {"admin1": entry.admin1 if entry.kind != "admin1" else entry.name, "admin2": admin2,
            "location": entry.name, "geo_precision": precision, "latitude": lat, "longitude": lon,
            "geonameid": None if is_section(entry) else entry.geonameid}  # fmt: skip


def _choose_place(doc: Document, places: list[Mention], core: set[int] | None = None) -> dict[str, Any]:
    """The event's place: the most specific one its own sentences name, with precision by the
    codebook (1 the town itself; 2 near a town, or a part of a district; 3 only a region)."""
    places = _incident_places(doc, places, core or set())
    named = [m for m in places if m.label == "place"]
    # A country by name, not by demonym: "Russian missiles" says who fired, not where.
    resolved = [m for m in named if m.value.entry is not None] or [
        m for m in places if m.label == "country" and m.value.entry is not None and m.value.kind == "country"
    ]
    unresolved = [m for m in named if m.value.entry is None]
    empty: dict[str, Any] = {"admin1": None, "admin2": None, "location": None, "geo_precision": None,
                             "mention": None, "latitude": None, "longitude": None, "geonameid": None, "iso3": None}  # fmt: skip
    if resolved:
        # The most specific; between equals, the one the text puts the incident in ("in Kinshasa")
        # over one it names otherwise ("angry at the fall of Goma").
        best = min(
            resolved,
            key=lambda m: (
                ENTRY_RANK[m.value.entry.kind],
                not LOCATIVE.search(doc.text[max(0, m.start - 30) : m.start]),
                m.start,
            ),
        )
        # "the Mangochar area of Kalat district": a place the gazetteer lacks, named with its
        # district, is in that district — whatever other towns the sentence names.
        for small in (m for m in unresolved if PLACE_KINDS[m.value.kind] <= 3):
            host = next((m for m in resolved if m.sentence == small.sentence and m.value.entry.kind == "admin2"
                         and 0 <= m.start - small.end <= 12), None)  # fmt: skip
            if host is not None:
                best = host
                break
        entry = best.value.entry
        rank = ENTRY_RANK[entry.kind]
        near = bool(NEAR.search(doc.text[max(0, best.start - 25) : best.start]))
        # Codebook: 1 the town itself; 2 near a town, or a district (a village the gazetteer
        # lacks stands at its district's seat); 3 only a province or country.
        precision = (
            1 if rank == 1 and not near and not held_by_district(entry) else 2 if rank <= 2 or near else 3
        )
        if entry.kind in ("admin1", "admin2") or (
            entry.kind == "place"
            and (TOWN_AS_UNIT.search(doc.text[max(0, best.start - 30) : best.start]) or near)
        ):
            # "in the village of Sollocota, in Ayacucho", "in Arshaf village in the countryside of
            # Aleppo": the settlement the gazetteer lacks is where, near the unit or town named
            # with it (not a neighbourhood beside towns of a list, each its own place).
            small = min(
                (
                    m
                    for m in unresolved
                    if PLACE_KINDS[m.value.kind] < PLACE_KINDS_OF_ENTRY[entry.kind]
                    and LOCATIVE.search(doc.text[max(0, m.start - 30) : m.start])
                ),
                key=lambda m: m.start,
                default=None,
            )
            if small is not None:
                fields = entry_place(entry, 2)
                if entry.kind == "admin1":
                    fields["admin2"] = None  # not the seat's district: which one holds it is unknown
                return {
                    **fields,
                    "location": small.value.name,
                    "geonameid": None,
                    "mention": small,
                    "iso3": entry.iso3,
                }
        if entry.kind == "country":
            # "in the town of Namssiguia, in Burkina Faso": a settlement the gazetteer lacks, in
            # the country named, is where; at the country's point, for want of its own.
            small = min(
                (m for m in unresolved if PLACE_KINDS[m.value.kind] <= 2), key=lambda m: m.start, default=None
            )
            return {**empty, "location": small.value.name if small else country_name(entry.iso3),
                    "geo_precision": 3, "mention": small or best, "iso3": entry.iso3,
                    "latitude": entry.latitude, "longitude": entry.longitude}  # fmt: skip
        return {**entry_place(entry, precision), "mention": best, "iso3": entry.iso3}
    if not unresolved:
        return empty
    admin1 = next((m.value.name for m in unresolved if PLACE_KINDS[m.value.kind] >= 6), None)
    admin2 = next((m.value.name for m in unresolved if PLACE_KINDS[m.value.kind] in (4, 5)), None)
    best = min(unresolved, key=lambda m: (PLACE_KINDS[m.value.kind], m.start))
    kind_rank = PLACE_KINDS[best.value.kind]
    return {**empty, "admin1": admin1, "admin2": admin2, "location": best.value.name,
            "geo_precision": 1 if kind_rank == 1 else 2 if kind_rank <= 5 else 3, "mention": best}  # fmt: skip


def incident_place(
    doc: Document,
    incident: Incident,
    places: list[Mention],
    actors: list[Mention],
    told: list[Mention],
    spans: dict[int, tuple[int, int]],
    iso3: str | None,
) -> tuple[dict[str, Any], list[Mention]]:
    """(where the incident happened, the places it names): the place of the sentences that
    tell it (`told`: its triggers and figures), else the report's dateline."""
    core = {m.sentence for m in told} | {
        i for i in incident.sentences if LOCATOR.search(doc.text[spans[i][0] : spans[i][1]])
    }
    # Names inside an actor's name are not places: "Boko" of "Boko Haram".
    named_spans = [(m.start, m.end) for m in actors if m.value.named]
    incident_places = [m for m in places if not any(s <= m.start and m.end <= e for s, e in named_spans)]
    place = _choose_place(doc, incident_places, core)
    if (
        place["geo_precision"] is None
        or place["location"] is None
        or (place["iso3"] is not None and place["admin1"] is None)
    ) and not _part_of_country(doc, place.get("mention")):
        place = _dateline_place(doc, place, iso3) or place
    if place["admin1"] is None:
        place = _unit_referred_to(doc, incident, spans, place) or place
    if place["admin1"] is None and is_note(doc):
        # A note says where once, then what happened there: "…evicted from an office block in
        # Rome. A protest was staged outside the building last week."
        start = min(incident.sentences)
        earlier = [
            m
            for m in doc.layer("places")
            if m.sentence < start
            and m.label == "place"
            and m.value.entry is not None
            and not _is_venue(doc, m)
        ]
        if earlier and (place["iso3"] or iso3) in (None, earlier[-1].value.entry.iso3):
            place = _choose_place(doc, earlier[-1:], {earlier[-1].sentence})
    return place, incident_places


def report_town(doc: Document, place: dict[str, Any], iso3: str | None) -> dict[str, Any] | None:
    """Where an incident that names no town or province of its own happened, for want of
    better: the place of its country the report names most often (the first of equals), as a
    coder reads a bulletin from San Salvador or a note on protests in Freetown. Precision 2 for
    a town or a district, 3 for a province: near it, not known to be in it. An incident whose
    place names no province (a name the gazetteer lacks, "the village of Al-Sayyal", or a town
    it gives none) keeps that place, in the report town's province."""
    if iso3 is None or place["admin1"] is not None or _part_of_country(doc, place.get("mention")):
        return None  # "a strike in southern Lebanon" says where: a part of the country, not a town
    # The town a report was filed from speaks for where only as `_dateline_place` allows.
    filed = _dateline_end(doc)
    towns = [
        m
        for m in doc.layer("places")
        if m.start >= filed
        and m.label == "place"
        and m.value.entry is not None
        and m.value.entry.kind in ("place", "admin2", "admin1")
        and m.value.entry.iso3 == iso3
        and not _is_venue(doc, m)
        and not _inside_a_name(doc, m)
    ]
    if not towns:
        return None
    counts = Counter(m.value.entry.geonameid for m in towns)
    town = max(towns, key=lambda m: (counts[m.value.entry.geonameid], -m.start))
    entry = town.value.entry
    if place["location"] is not None and place["mention"] is not None and place["mention"].label == "place":
        return {**place, "admin1": entry.admin1 if entry.kind != "admin1" else entry.name, "iso3": iso3}
    return {**entry_place(entry, 3 if entry.kind == "admin1" else 2), "mention": town, "iso3": iso3}


# "Attacks across the district", "clashes in the city": a unit named before, referred to again.
UNIT_REFERRED_TO = re.compile(
    r"\b(?:in|across|of|around|throughout|near|outside|inside|within)\s+the\s+"
    r"(district|city|town|province|tehsil|village|region|state|governorate|oblast)\b(?!\s+of\b)",
    re.I,
)
# Which kinds of gazetteer entry each word refers to.
UNIT_KINDS = {
    "district": ("admin2", "place"), "tehsil": ("admin2", "place"), "city": ("place",),
    "town": ("place",), "village": ("place",), "province": ("admin1",), "region": ("admin1",),
    "state": ("admin1",), "governorate": ("admin1",), "oblast": ("admin1",),
}  # fmt: skip


def _unit_referred_to(
    doc: Document, incident: Incident, spans: dict[int, tuple[int, int]], place: dict[str, Any]
) -> dict[str, Any] | None:
    """The district, city or province an incident with no place of its own refers back to ("a
    series of attacks across the district"): the last of that kind the article named before,
    in the incident's country."""
    for i in sorted(incident.sentences):
        start, end = spans[i]
        said = UNIT_REFERRED_TO.search(doc.text, start, end)
        if said is None:
            continue
        kinds = UNIT_KINDS[said.group(1).lower()]
        before = [
            m
            for m in doc.layer("places")
            if m.end <= said.start()
            and m.label == "place"
            and m.value.entry is not None
            and m.value.entry.kind in kinds
            and place["iso3"] in (None, m.value.entry.iso3)
            and not _is_venue(doc, m)
            and not _inside_a_name(doc, m)
        ]
        if before:
            return _choose_place(doc, before[-1:], {before[-1].sentence})
    return None


def struck_country(
    place: dict[str, Any], striker: Mention | None, places: list[Mention], event_iso3: str | None
) -> str | None:
    """Named by its country ("Indian shelling", "a Russian strike"), an army strikes abroad:
    with no place to say where, the other country the incident names is where."""
    if (
        # No place, or only the striker's own country ("Indian drone attacks" read as India).
        (place["iso3"] is None or (place["admin1"] is None and place["iso3"] == event_iso3))
        and striker is not None
        and striker.value.iso3
        and striker.value.iso3 == event_iso3
    ):
        return next(
            (
                m.value.iso3
                for m in places
                if m.label == "country" and m.value.iso3 not in (None, striker.value.iso3)
            ),
            None,
        )
    return None


# A divided region's side that a state's fire across the line reaches is a large unit.
ACROSS_THE_LINE_POPULATION = 100_000


def across_the_line(
    doc: Document, place: dict[str, Any], striker: Mention | None, struck: Mention | None, remote: bool
) -> dict[str, Any] | None:
    """Forces named by their country whose fire (`remote`: shelling, firing, strikes) hits other
    than armed men in a region named as two countries hold it ("Indian shelling in Kashmir"):
    the other country's side, which their fire reaches, not their own. Troops that kill
    militants there fight on their own side."""
    mention = place.get("mention")
    if (
        mention is None
        # "JERUSALEM:" is where the report was filed, not the region fired at.
        or doc.text.startswith(":", mention.end)
        or not remote
        or (struck is not None and struck.value.side == "armed")
        or striker is None
        or striker.value.side != "state"
        or not striker.value.iso3
        or place["iso3"] != striker.value.iso3
    ):
        return None
    other = [
        e
        for e in get_gazetteer().lookup(doc.text[mention.start : mention.end])
        if e.kind in ("admin1", "admin2")
        and e.iso3 != striker.value.iso3
        and e.population >= ACROSS_THE_LINE_POPULATION
    ]
    if len(other) != 1:
        return None
    return {
        **entry_place(other[0], 3 if other[0].kind == "admin1" else 2),
        "mention": mention,
        "iso3": other[0].iso3,
    }


def home_country(
    place: dict[str, Any], striker: Mention | None, struck: Mention | None, event_iso3: str | None
) -> str | None:
    """A state's forces named by their country that strike armed men ("Pakistan air strikes kill
    35 militants"), where the report names no country at all: their own country, whose
    insurgents they fight, as its reports of such strikes are. Not where they strike people
    otherwise ("two killed in Indian shelling"): that is as often across a border."""
    if (
        event_iso3 is None
        and place["iso3"] is None
        and striker is not None
        and striker.value.iso3
        and striker.value.side == "state"
        and struck is not None
        and struck.value.side == "armed"
    ):
        return str(striker.value.iso3)
    return None


def struck_place(place: dict[str, Any], iso3: str) -> dict[str, Any]:
    """The event's place once the striker's own country, which stood for it, gives way to the
    struck country: that country, at its point, for assembly to name."""
    entry = get_gazetteer().country(iso3)
    return {**place, "location": None, "geo_precision": None, "iso3": iso3,
            "latitude": entry.latitude if entry else None,
            "longitude": entry.longitude if entry else None}  # fmt: skip
