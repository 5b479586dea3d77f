"""Comparing place names as a coder would: suffixes, spelling variants and diacritics aside."""

from __future__ import annotations

import math
import re
from functools import lru_cache

from strife.places.gazetteer import strip_diacritics

# Words that say what kind of unit a name is, not which one.
UNIT_SUFFIXES = re.compile(
    r"\b(?:province|provincial|district|tribal district|division|tehsil|agency|state|region|"
    r"governorate|county|municipality|city|town|village|area|department|oblast|raion|"
    r"prefecture|territory|capital territory|valley|sub-division|subdivision)\b"
)
# Spellings of the same unit (after lower-casing, diacritics and suffixes removed).
SPELLING_VARIANTS: dict[str, str] = {
    "baluchistan": "balochistan",
    "khyber pakhtoonkhwa": "khyber pakhtunkhwa",
    "khyber pukhtunkhwa": "khyber pakhtunkhwa",
    "khyber pakhtunkwa": "khyber pakhtunkhwa",
    "north west frontier": "khyber pakhtunkhwa",
    "nwfp": "khyber pakhtunkhwa",
    "kp": "khyber pakhtunkhwa",
    "federally administered tribal areas": "khyber pakhtunkhwa",  # merged in 2018
    "fata": "khyber pakhtunkhwa",
    "azad jammu and kashmir": "azad kashmir",
    "ajk": "azad kashmir",
    "islamabad": "islamabad",
    "gilgit baltistan": "gilgit baltistan",
    "northern areas": "gilgit baltistan",
    "punjab": "punjab",
    "pishawar": "peshawar",
    "dera ismail khan": "dera ismail khan",
    "di khan": "dera ismail khan",
    "d i khan": "dera ismail khan",
}


def normalise_place(name: str | None) -> str | None:
    """A comparable key for an administrative or place name."""
    if not name:
        return None
    text = strip_diacritics(name).lower()
    text = text.replace("&", " and ").replace("-", " ").replace(".", " ")
    text = UNIT_SUFFIXES.sub(" ", text)
    text = re.sub(r"[^a-z0-9 ]+", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return SPELLING_VARIANTS.get(text, text) or None


def same_place(a: str | None, b: str | None) -> bool | None:
    """None when either side is unknown; otherwise whether the names agree."""
    left, right = normalise_place(a), normalise_place(b)
    if left is None or right is None:
        return None
    if left.replace(" ", "") == right.replace(" ", ""):
        return True  # "Northwest" and "North-West"
    return left == right or (len(left) > 4 and len(right) > 4 and (left in right or right in left))


@lru_cache(maxsize=1 << 14)
def _names_of_the_unit(gold: str, iso3: str | None) -> frozenset[str]:
    """The names the gazetteer gives the units and towns that a gold name stands for, in gold's
    country: "Rif Dimashq" is Rural Damascus, "Ad Dawhah" Doha, "Canary Islands" Canarias; and
    those GeoNames also spells so ("Idleb" Idlib, "Taizz" Taiz), as a coder may write the name
    the source used."""
    from strife.places.gazetteer import get_gazetteer  # loaded only when names differ

    gazetteer = get_gazetteer()
    return frozenset(
        key
        for entry in (*gazetteer.lookup(gold), *gazetteer.lookup_alternate(gold))
        if iso3 in (None, entry.iso3) and (key := normalise_place(entry.name)) is not None
    )


def same_unit(predicted: str | None, gold: str | None, iso3: str | None = None) -> bool | None:
    """Whether a predicted unit's name is gold's, spelled alike or named otherwise for the same
    unit: a coder writes the name a source uses, strife the gazetteer's, and both are right."""
    agree = same_place(predicted, gold)
    if agree is None or agree:
        return agree
    return normalise_place(predicted) in _names_of_the_unit(gold, iso3) or normalise_place(
        gold
    ) in _names_of_the_unit(predicted, iso3)


@lru_cache(maxsize=4)
def _spaced_words(text: str) -> str:
    """A report's text as comparable words, normalised once for all the events it is paired with."""
    return f" {normalise_place(text)} "


def names_place(text: str, gold: dict[str, object]) -> bool:
    """Whether a report names its event's place: the gold location, district or province
    ("Kalat town" is named by "Kalat"), as a whole word of the text."""
    words = _spaced_words(text)
    for key in ("location", "admin2", "admin1"):
        name = normalise_place(str(gold[key])) if gold.get(key) else None
        if name and len(name) > 2 and f" {name} " in words:
            return True
    return False


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
