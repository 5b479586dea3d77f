"""Parts of a town that a text names as its parts: "the Zarif Khel area of Bannu", "the Los
Alpes, Guadalupe and San Patricio neighborhoods of San Salvador".

The gazetteer knows the town and seldom its villages, quarters and areas; where the text says
which town or district a part lies in, the part is the event's location with the town's units
and coordinates (GeoNames' PPLX, a section of a populated place), rather than the town alone,
or a namesake abroad ("Guadalupe" in Mexico).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from strife.document import Mention
from strife.places.gazetteer import GazetteerEntry, distance_km

# GeoNames' feature code for a section of a populated place; and ours for a village or an
# area known only by its district, which stands at the district's seat (codebook: precision 2).
SECTION = "PPLX"
DISTRICT_SECTION = "PPLX-ADM2"
# Nearer than this to the holding place, a part the gazetteer itself knows keeps its own entry
# ("the Mejicanos area of San Salvador" is the town of Mejicanos).
OWN_ENTRY_KM = 30.0
# A list's part the gazetteer places this near its first known part is that town, not a namesake
# ("Spin Boldak" beside Chaman, across a border; "Guadalupe" beside Ciudad Delgado is Mexico's).
SIBLING_KM = 300.0
LIST_GAP = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")
# Parts listed before their kind in the plural: "the Los Alpes, Guadalupe and San Patricio
# neighborhoods", each a part of that kind.
_PART_NAME = r"[A-Z][\w'’\-]{1,40}(?:\s+[A-Z][\w'’\-]{1,40}){0,3}"
_PLURAL_KINDS = {
    "neighbourhoods": "neighbourhood", "neighborhoods": "neighborhood", "villages": "village", "areas": "area",
    "localities": "locality", "sectors": "sector", "cantons": "canton", "hamlets": "hamlet", "barrios": "barrio",
}  # fmt: skip
# The kinds of name that are parts of a town or a district, as `PLACE_KINDS` names them: those
# a list names in the plural, and a town. Not a market or a bazaar: "the Christmas market of
# Magdeburg" is no place called Christmas.
PART_KINDS = frozenset({*_PLURAL_KINDS.values(), "town"})
# What joins a part, or a list of them, to the place that holds it: "… area of Bannu", "…
# neighborhoods in the city of Aleppo", "… neighborhood of southern San Salvador", "… area of the
# northern city of Mosul" (a bearing says where in the holder, not which).
HELD_BY = re.compile(
    rf"(?:\s+(?:{'|'.join(_PLURAL_KINDS)}))?"
    r"\s+(?:of|in)\s+(?:the\s+)?(?:(?:north|south|east|west)[\w-]{0,12}\s+|central\s+)?"
    r"(?:(?:city|town|district|province|department|municipality|capital)\s+of\s+)?",
    re.I,
)
LISTED_PARTS = re.compile(
    rf"\b(?P<names>{_PART_NAME}(?:\s*,\s*{_PART_NAME})*,?\s+and\s+{_PART_NAME})\s+"
    rf"(?P<kind>{'|'.join(_PLURAL_KINDS)})\b"
)
# And after it: "the villages of Tse Orbum, Agbadu and Mbaakpur".
LISTED_PARTS_AFTER = re.compile(
    rf"\b(?i:the)\s+(?:[a-z-]+\s+)?(?P<kind>{'|'.join(_PLURAL_KINDS)})\s+of\s+"
    rf"(?P<names>{_PART_NAME}(?:\s*,\s*{_PART_NAME})*,?\s+and\s+{_PART_NAME})"
)
_NAME_IN_LIST = re.compile(_PART_NAME)


def listed_parts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each part named in a plural list of parts."""
    if not any(kind in text for kind in _PLURAL_KINDS):
        return []  # the pattern tries every capitalised word; most texts list no parts
    found = []
    for match in (*LISTED_PARTS.finditer(text), *LISTED_PARTS_AFTER.finditer(text)):
        kind = _PLURAL_KINDS[match.group("kind")]
        for name in _NAME_IN_LIST.finditer(text, match.start("names"), match.end("names")):
            found.append((name.start(), name.end(), kind))
    return found


def section_of(holder: GazetteerEntry, name: str) -> GazetteerEntry:
    """A part of `holder` (a town, a district or a province) by its name: the holder's units and
    coordinates (its seat, for a district)."""
    admin2 = holder.name if holder.kind == "admin2" else holder.admin2
    if admin2 is None and holder.kind == "place":
        admin2 = holder.name  # a city its district tables leave out stands for its district
    latitude, longitude = (
        (holder.seat_latitude, holder.seat_longitude)
        if holder.seat_latitude is not None
        else (holder.latitude, holder.longitude)
    )
    return replace(
        holder,
        name=name,
        kind="place",
        admin2=admin2,
        latitude=latitude,
        longitude=longitude,
        population=0,
        derived=False,
        feature=SECTION if holder.kind == "place" else DISTRICT_SECTION,
        seat_latitude=None,
        seat_longitude=None,
    )


def is_section(entry: GazetteerEntry | None) -> bool:
    return entry is not None and entry.feature in (SECTION, DISTRICT_SECTION)


def held_by_district(entry: GazetteerEntry) -> bool:
    """A part placed at its district's seat or its province's centre: near where the event took
    place, not in it."""
    return entry.feature == DISTRICT_SECTION


def place_identity(entry: GazetteerEntry) -> Any:
    """What tells two places apart: the gazetteer's id, and a part's name beside its holder's."""
    return (entry.geonameid, entry.name) if is_section(entry) else entry.geonameid


def _home_town(placed: list[Mention], home: str | None) -> Mention | None:
    """The town of the report's country it names most often (first named, of equals)."""
    towns = [
        m
        for m in placed
        if m.value.entry is not None and m.value.entry.kind == "place" and m.value.iso3 == home
    ]
    if not towns:
        return None
    counts = Counter(m.value.entry.geonameid for m in towns)
    return max(towns, key=lambda m: (counts[m.value.entry.geonameid], -m.start))


def parts_held(
    text: str, parts: list[Mention], placed: list[Mention], home: str | None
) -> tuple[list[Mention], set[int]]:
    """The parts (`parts`: names with a part's kind, unresolved) that the text says lie in a
    place the gazetteer resolved (`placed`), as sections of it; and the starts of resolved
    mentions inside them that they replace (a namesake far from the holder). `home`: the
    country most of the text's resolved places lie in.

    The holder is the place named after the part or its list ("… neighborhoods of San
    Salvador"); or, for a list that names none, the first part of it the gazetteer knows near
    the others ("clashes in Ciudad Delgado, Los Alpes, Guadalupe and San Patricio neighborhoods")."""
    by_start = {m.start: m for m in placed if m.value.entry is not None}
    # Asked of a report that names parts only: most name none.
    home_town = _home_town(placed, home) if parts else None
    found: list[Mention] = []
    replaced: set[int] = set()
    for chain in _chains(
        text, sorted((m for m in parts if m.value.kind in PART_KINDS), key=lambda m: m.start)
    ):
        held = HELD_BY.match(text, chain[-1].end)
        holder = by_start.get(held.end()) if held else None
        known = {
            id(part): [m for m in placed if part.start <= m.start < part.end and m.value.entry is not None]
            for part in chain
        }
        reach = OWN_ENTRY_KM
        if holder is None and len(chain) > 1:
            # Only a town of the report's own country: a list of unknown names whose first the
            # gazetteer placed abroad ("the San Benito and San Francisco neighborhoods") has none.
            holder = next(
                (
                    m
                    for part in chain
                    for m in known[id(part)]
                    if m.value.entry.kind == "place" and m.value.iso3 == home
                ),
                None,
            )
            reach = SIBLING_KM
        if holder is None and home_town is not None:
            readings = [m for part in chain for m in known[id(part)]]
            if readings and all(m.value.iso3 != home for m in readings):
                # "in the ESCALON NEIGHBORHOOD", in a bulletin from San Salvador: a quarter of the
                # report's town, not a namesake town abroad (Escalon, California).
                holder = home_town
        # A town or a district holds its parts; a province ("the Bagan area in Khyber
        # Pakhtunkhwa's Lower Kurram") says too little of where, unless what the gazetteer made of
        # the part lies in another country ("the Dera Murda Jamali area of Balochistan" is no Dēra
        # of Ethiopia).
        if holder is None or holder.value.entry.kind not in ("place", "admin2", "admin1"):
            continue
        for part in chain:
            inside = known[id(part)]
            if any(_inside(m.value.entry, holder.value.entry, reach) for m in inside):
                continue
            if holder.value.entry.kind == "admin1" and not any(
                m.value.entry.iso3 != holder.value.entry.iso3 for m in inside
            ):
                continue
            replaced.update(m.start for m in inside)
            entry = section_of(holder.value.entry, part.value.name)
            found.append(Mention(part.start, part.end, "place", replace(part.value, entry=entry, iso3=entry.iso3),
                                 part.sentence))  # fmt: skip
    return found, replaced


# A village or a district the gazetteer lacks, told in apposition to the unit that holds it: "in
# Peña Colorada, Sucumbíos Province", "in Iulute administrative post, in the northern province of
# Nampula", "in the forest area of Sehi, in Bitlis", "in Afgoye district in Lower Shabelle region".
# Where it happened is the part, at the holder's units. A name does not run over a line's end
# ("IN FINCA\nSANTA ELENA").
_LINE_NAME = r"[A-Z][\w'’\-]{1,40}(?:[^\S\n]+[A-Z][\w'’\-]{1,40}){0,3}"
_PART_UNIT = r"(?:village|town|hamlet|area|locality|settlement|neighbou?rhood|district|sub-district|administrative post|municipality|commune)"
APPOSED = re.compile(
    rf"\b(?i:in|at|near)\s+(?i:the\s+(?:[a-z]+\s+)?{_PART_UNIT}\s+of\s+)?(?P<name>{_LINE_NAME})"
    rf"(?:(?P<unit>\s+(?i:{_PART_UNIT}))?\s*,\s*(?i:in\s+)?|(?=\s+(?i:{_PART_UNIT})\s+in\s)\s+(?i:{_PART_UNIT})\s+in\s+)"
    r"(?i:the\s+)?(?i:(?:north|south|east|west|central)[\w-]{0,12}\s+)?"
    r"(?i:(?:province|district|department|region|state|governorate|municipality)\s+of\s+)?"
)
# What joins a holder to the unit that holds it in turn: "Somotillo, Chinandega department".
NEXT_HOLDER = re.compile(
    r"(?:\s+(?i:city|town|district|province|department|region|state))?\s*,\s*(?i:the\s+)?"
)
# "in Gulshan, Karachi's biggest town": a holder told as having it, not as holding the part.
POSSESSIVE = re.compile(r"['’]s\b")


def apposed_parts(
    text: str, placed: list[Mention], home: str | None, unknown: Callable[[str, str], bool]
) -> tuple[list[Mention], set[int]]:
    """The places the gazetteer does not know (`unknown` says which names, in which country) that
    the text puts in apposition to a town, district or province it resolved (`placed`), in the
    report's country (`home`), as sections of that holder; and the starts of the holders, which
    say where the part is, not another place of the incident ("at El Paso Naranjo, Somotillo")."""
    by_start = {m.start: m for m in placed if m.value.entry is not None}
    found = []
    holders = set()
    for match in APPOSED.finditer(text):
        holder = by_start.get(match.end())
        if holder is None or holder.value.iso3 != home or POSSESSIVE.match(text, holder.end):
            continue
        if holder.value.entry.kind not in ("place", "admin2", "admin1"):
            continue
        if holder.value.entry.kind == "place" and _lists_on(text, holder, by_start):
            continue  # "in Uzhgorod, Lutsk, Khmelnitsky and Poltava": a list of towns
        start, end = match.span("name")
        # A name the gazetteer knows is that place, even far from the next: "in Quetta, Turbat"
        # is a list.
        if any(start < m.end and m.start < end for m in placed) or not unknown(match.group("name"), home):
            continue
        entry = section_of(holder.value.entry, match.group("name"))
        sentence = holder.sentence
        kind = (match.group("unit") or "village").strip().lower()
        found.append(Mention(start, end, "place", replace(holder.value, name=entry.name, kind=kind,
                                                            entry=entry, iso3=entry.iso3), sentence))  # fmt: skip
        # "at El Paso Naranjo, Somotillo, Chinandega department": the holder's own holders too.
        while holder is not None:
            holders.add(holder.start)
            after = NEXT_HOLDER.match(text, holder.end)
            holder = by_start.get(after.end()) if after else None
    return found, holders


# A list going on after a name: ", Lutsk", " and Poltava".
LIST_ON = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=[A-Z])")


def _lists_on(text: str, town: Mention, by_start: dict[int, Mention]) -> bool:
    """Whether a town is followed by another name that is not a unit holding it: a list goes on."""
    after = LIST_ON.match(text, town.end)
    if after is None:
        return False
    following = by_start.get(after.end())
    return following is None or following.value.entry.kind == "place"


def _chains(text: str, parts: list[Mention]) -> list[list[Mention]]:
    """Parts listed one after another ("Los Alpes, Guadalupe, and San Patricio"), each list once."""
    chains: list[list[Mention]] = []
    for part in parts:
        if chains and LIST_GAP.fullmatch(text, chains[-1][-1].end, part.start):
            chains[-1].append(part)
        else:
            chains.append([part])
    return chains


def _inside(entry: GazetteerEntry, holder: GazetteerEntry, reach: float) -> bool:
    """Whether the gazetteer's own reading of a part's name lies in or near its holder."""
    if entry.iso3 == holder.iso3 and holder.kind == "admin2" and holder.name in (entry.admin2, entry.name):
        return True
    points = (entry.latitude, entry.longitude, holder.latitude, holder.longitude)
    return None not in points and distance_km(*points) <= reach  # type: ignore[arg-type]
