"""Capitals for a caseless text: notes archived in small letters, wires sent in capitals.

The stages that read names (sentence starts, places, actors) need capitals. A word that English
news writes in small letters (`common_words.txt`, built by tools/build_common_words.py from the
2025 news) stays small; every other word is taken for a name and capitalised, and so is the first
word of a sentence. Offsets never move: only the case of letters changes.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

COMMON_WORDS_PATH = Path(__file__).with_name("common_words.txt")
# The other words the 2025 news ever writes small, away from a sentence's start ("pastor",
# "schoolgirl"): English words, though news capitalises them more often than not.
SMALL_WORDS_PATH = Path(__file__).with_name("small_words.txt")
_WORD = re.compile(r"[a-z]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?]\s+|\n\s*\n\s*)([a-z])")
# The space left where a possessive's apostrophe was, after a word of two letters or more.
_LOST_APOSTROPHE = re.compile(r"(?<=[a-z]{2}) (?=s\b(?![.'’-]))")


# Articles that open a name ("El Salvador", "Al Qaeda"): words, not initialisms, though
# their letters after the first are all consonants.
NAME_ARTICLES = frozenset({"el", "al"})

# Colours that news capitalises in names ("White House", "Red Sea") more often than it writes
# them small, but that a caseless note means as colours ("white and black policemen").
COLOURS = frozenset({"white", "red", "brown"})

# Months that are also words; the list of common words, built from cased news, calls them names.
MONTH_OR_WORD = frozenset({"march", "may"})
_DATED = re.compile(r"\d\s*(?:march|may)\b|\b(?:march|may)\s*\d")


@cache
def common_words() -> frozenset[str]:
    return frozenset(COMMON_WORDS_PATH.read_text(encoding="utf-8").split())


@cache
def english_words() -> frozenset[str]:
    """Every word the news writes small at all: the common words and the rarer ones."""
    return common_words() | frozenset(SMALL_WORDS_PATH.read_text(encoding="utf-8").split())


def is_caseless(text: str) -> bool:
    """Whether a text has lost its capitals (all small) or has no small letters (all capitals)."""
    return text.islower() or text.isupper()


def truecase(text: str) -> str:
    """The text with a name's capitals restored; the text itself when it has its case."""
    if not is_caseless(text):
        return text
    lower = text.lower()
    if len(lower) != len(text):
        return text
    common = common_words()
    chars = list(lower)
    for match in _WORD.finditer(lower):
        word = match.group()
        if word in MONTH_OR_WORD and not _DATED.search(lower, max(0, match.start() - 6), match.end() + 6):
            continue  # "the march ended": a month only beside a day or a year ("march 3", "3 march")
        if word not in common and word not in COLOURS and len(word) > 1:
            chars[match.start()] = chars[match.start()].upper()
            # Initialisms a wire writes in capitals stay so: "FMLN", "UN".
            if (
                text.isupper()
                and len(word) <= 5
                and word not in NAME_ARTICLES
                and not any(c in "aeiou" for c in word[1:])
            ):
                chars[match.start() : match.end()] = list(word.upper())
    for match in _SENTENCE_START.finditer(lower):
        chars[match.start(1)] = chars[match.start(1)].upper()
    # An archive that dropped its apostrophes ("china s border", "lenin s statue") keeps the
    # possessive's place: the space becomes the apostrophe again, offsets kept.
    for match in _LOST_APOSTROPHE.finditer(lower):
        chars[match.start()] = "'"
    return _country_names(_name_openings(_name_endings("".join(chars))))


# A town at least this large, whose name ends on a word news writes small ("Guatemala City",
# "Panama City"): the word is the name's.
NAME_ENDING_POPULATION = 100_000
_NAME_THEN_WORD = re.compile(r"\b[A-Z][a-z]+[ \t]+(?P<small>[a-z]+)\b")
# A small word before names, where the words together name a large town or a unit ("new York",
# "port Au Prince", "port Moresby"): the word is the name's.
_WORD_THEN_NAMES = re.compile(r"\b(?P<small>[a-z]+)(?:[ \t]+[A-Z][a-z]+){1,3}\b")


@cache
def _country_name_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """The countries' names of two words or more, lower-cased, with how each is written."""
    from strife.stages.places import country_names  # the places stage reads this module's words

    written = {" ".join(name.lower().split()): name for name in country_names() if " " in name}
    alternation = "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(written, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w'’])(?:{alternation})(?![\w'’])", re.I), written


def _country_names(text: str) -> str:
    """A country's name whose words are also common ones ("ivory coast", "new zealand", "central
    african republic") written with its capitals, as the places stage reads it."""
    pattern, written = _country_name_pattern()
    chars = None
    for match in pattern.finditer(text):
        name = written[" ".join(match.group().lower().split())]
        chars = chars or list(text)
        starts = [m.start() for m in re.finditer(r"\S+", match.group())]
        for start, word in zip(starts, name.split(), strict=True):
            if word[:1].isupper():
                chars[match.start() + start] = word[0]
    return text if chars is None else "".join(chars)


def _name_endings(text: str) -> str:
    return _small_words_of_names(text, _NAME_THEN_WORD, frozenset({"place"}))


def _name_openings(text: str) -> str:
    return _small_words_of_names(text, _WORD_THEN_NAMES, frozenset({"place", "admin1", "admin2"}))


def _small_words_of_names(text: str, pattern: re.Pattern[str], kinds: frozenset[str]) -> str:
    """The small word (`pattern`'s group `small`) of a run that names a large place of one of
    `kinds` capitalised."""
    from strife.places.gazetteer import get_gazetteer  # the gazetteer reads this module's words

    gazetteer = get_gazetteer()
    chars = None
    for match in pattern.finditer(text):
        entries = gazetteer.lookup(match.group())
        if any(e.kind in kinds and e.population >= NAME_ENDING_POPULATION for e in entries):
            chars = chars or list(text)
            chars[match.start("small")] = chars[match.start("small")].upper()
    return text if chars is None else "".join(chars)
