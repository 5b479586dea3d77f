"""Numbers in words and digits, with their qualifiers ("at least 10", "between 10 and 15")."""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip

# Vague quantities and the figure a conservative coder writes for each (docs/coding-guide.md,
# section 6): "several" and "a number of" are the codebook's default for a limited attack (3),
# "many" and "scores" its default for a large one (10), "dozens" (and "tens", as Arabic news
# translated writes it) 12, each marked as imputed.
VAGUE: dict[str, tuple[int, bool]] = {
    "a dozen": (12, False),
    "half a dozen": (6, False),
    "dozens of": (12, True),
    "dozens": (12, True),
    "tens of": (12, True),
    "tens": (12, True),
    "scores of": (10, True),
    "scores": (10, True),
    "hundreds of": (200, True),
    "several": (3, True),
    "a number of": (3, True),
    "a few": (3, True),
    "some": (3, True),
    "many": (10, True),
    "numerous": (10, True),
    "a": (1, False),
    "an": (1, False),
}

_WORD = "|".join(sorted([*UNITS, *TENS], key=len, reverse=True))
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))
# Not an HTML character reference left in scraped text ("&#8220 Islamic State&#8221"), nor the
# head of a figure with thousands ("57" of "57,000").
# A number in words up to the thousands: "forty-seven", "one hundred and forty-seven", "two
# thousand three hundred".
_TENS_UNITS = rf"(?:{_WORD})(?:[- ](?:{_WORD}))?"
_HUNDREDS = rf"{_TENS_UNITS}(?: hundred(?:(?: and)? {_TENS_UNITS})?)?"
_IN_WORDS = rf"{_HUNDREDS}(?: thousand(?:(?: and)? {_HUNDREDS})?)?"
NUMBER_PATTERN = rf"(?:(?<![#\d])(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?!,\d{{3}})|{_IN_WORDS}|{_VAGUE})"

QUALIFIERS: dict[str, str] = {
    "at least": "min", "more than": "min", "over": "min", "upwards of": "min",
    "no fewer than": "min", "nearly": "max", "almost": "max", "up to": "max",
    "about": "approx", "around": "approx", "approximately": "approx", "some": "approx",
    "roughly": "approx", "an estimated": "approx", "estimated": "approx",
}  # fmt: skip
QUALIFIER_PATTERN = "|".join(sorted(QUALIFIERS, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class Quantity:
    value: int
    low: int
    high: int
    vague: bool = False
    qualifier: str | None = None


def parse_number(text: str) -> tuple[int, bool] | None:
    """The integer a number phrase stands for, and whether it is a vague default."""
    token = text.strip().lower()
    if not token:
        return None
    if token in VAGUE:
        return VAGUE[token]
    digits = token.replace(",", "")
    if digits.isdigit():
        return int(digits), False
    total = current = 0
    for part in re.split(r"[- ]+", token):
        if part in UNITS:
            current += UNITS[part]
        elif part in TENS:
            current += TENS[part]
        elif part == "hundred":
            current = max(current, 1) * 100
        elif part == "thousand":
            total += max(current, 1) * 1000
            current = 0
        elif part != "and":
            return None
    return total + current, False


def quantity(number: str, qualifier: str | None = None, upper: str | None = None) -> Quantity | None:
    parsed = parse_number(number)
    if parsed is None:
        return None
    value, vague = parsed
    if upper is not None:
        top = parse_number(upper)
        if top is not None:
            return Quantity(value, value, max(value, top[0]), vague, "between")
    kind = QUALIFIERS.get(qualifier.lower()) if qualifier else None
    return Quantity(value, value, value, vague, kind)
