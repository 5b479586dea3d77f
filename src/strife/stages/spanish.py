"""Spanish wordings of violence: which sentences read as Spanish, and the acts and the dead their
words tell. The rows are data (`spanish.toml`); the trigger and casualty stages apply them to
Spanish sentences beside their English tables, so a Mexican headline ("Matan a dos hombres en
Uruapan") is read as its English twin would be."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from strife.document import Document
from strife.stages.lexicon import compile_lower

LEXICON_PATH = Path(__file__).with_name("spanish.toml")
_WORD = re.compile(r"[a-záéíóúñü]+")
# English words a Spanish sentence does not have ("the", "of"): a sentence with them is English
# that quotes a Spanish name ("the Cartel de Sinaloa").
_ENGLISH = re.compile(r"\b(?:the|of|and|in|to|was|were|is|are|has|have|by|for|with|from|at|on)\b")
# Where the sentence stage keeps the Spanish sentences' numbers.
SPANISH_FACT = "spanish_sentences"
# How many Spanish function words, and how large a share of the words, make a sentence Spanish.
MIN_FUNCTION_WORDS = 1
MIN_SHARE = 0.12


@dataclass(frozen=True, slots=True)
class Killing:
    """The dead or hurt a Spanish phrase counts."""

    start: int
    end: int
    count: int
    outcome: str  # "killed" | "injured"
    party: str
    noun: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    function_words: frozenset[str]
    numbers: dict[str, int]
    triggers: tuple[tuple[re.Pattern[str], str, int], ...]
    killed_object: re.Pattern[str]
    counted_dead: re.Pattern[str]
    counted_hurt: re.Pattern[str]
    found_one: re.Pattern[str]
    one_dead: re.Pattern[str]
    parties: tuple[tuple[re.Pattern[str], str], ...]
    tally: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    with LEXICON_PATH.open("rb") as stream:
        data = tomllib.load(stream)
    numbers = {k: int(v) for k, v in data["numbers"].items()}
    number = r"\d+|" + "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    cas = data["casualties"]
    # The object of a killing: one person or several, a count, a list ("a gasero, abogado y
    # citricultor").
    # A member is a noun, not the next verb ("a 3 personas y lesionan a otras 5").
    member = rf"(?:(?:{number})\s+)?(?![a-záéíóúñü]+(?:an|aron|ieron)\b)[a-záéíóúñü]+(?:\s+de\s+\d+\s+años)?"
    members = rf"(?P<list>{member}(?:\s*,\s*{member})*(?:\s+y\s+{member})?)"
    killed_object = compile_lower(
        rf"\b(?P<verb>{cas['kill_verbs']})\s+(?:(?:{cas['manner']})\s+)?(?:a|al)\s+{members}"
        # "Localizan los cuerpos de dos mujeres y un hombre": the dead found, listed.
        rf"|\b(?P<found>{cas['find_verbs']})\s+(?:los\s+)?(?:cuerpos|cad[aá]veres|restos)\s+de\s+{members.replace('list', 'found_list')}"
    )
    counted_dead = compile_lower(
        rf"\b(?P<num>{number})\s+(?:(?:personas|hombres|mujeres|j[oó]venes)\s+)?(?P<noun>{cas['dead_nouns']})\b"
        rf"|\b(?P<num2>{number})\s+(?P<noun2>personas|hombres|mujeres|j[oó]venes)\s+(?:asesinad[oa]s|muert[oa]s|ejecutad[oa]s)\b"
    )
    counted_hurt = compile_lower(
        rf"\b(?:otr[oa]s\s+)?(?P<num>{number})\s+(?:(?:personas|otr[oa]s)\s+)?(?P<noun>{cas['hurt_nouns']})\b"
        rf"|\blesionan\s+a\s+(?:otr[oa]s\s+)?(?P<num2>{number})\b"
    )
    return Lexicon(
        frozenset(data["function_words"]),
        numbers,
        tuple(
            (compile_lower(rf"\b(?:{row['pattern']})"), row["sub_event_type"], int(row["strength"]))
            for row in data["trigger"]
        ),
        killed_object,
        counted_dead,
        counted_hurt,
        compile_lower(cas["found_one"]),
        compile_lower(cas["one_dead"]),
        tuple((compile_lower(rf"\b(?:{pattern})\b"), party) for pattern, party in data["parties"].items()),
        compile_lower(data["tally"]["pattern"].replace("{number}", number)),
    )


def reads_spanish(text: str) -> bool:
    """Whether a sentence is written in Spanish: its function words, and no English ones."""
    lower = text.lower()
    spanish = len(_function_words().findall(lower))
    if spanish < MIN_FUNCTION_WORDS:
        return False  # most English sentences end here, with no word of the list
    words = len(_WORD.findall(lower))
    english = len(_ENGLISH.findall(lower))
    return spanish / words >= MIN_SHARE and english * 3 <= spanish


@cache
def _function_words() -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(sorted(lexicon().function_words, key=len, reverse=True)) + r")\b")


def spanish_sentences(doc: Document) -> frozenset[int]:
    """The sentences of a document that read as Spanish, as the sentence stage found them."""
    return doc.annotations.facts.get(SPANISH_FACT, frozenset())


def acts(lower: str, start: int, end: int) -> Iterator[tuple[int, int, str, int]]:
    """(start, end, sub-event type, strength) of each act the Spanish rows find in a sentence."""
    for pattern, sub, strength in lexicon().triggers:
        for match in pattern.finditer(lower, start, end):
            yield match.start(), match.end(), sub, strength


def _count(word: str) -> int | None:
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    return lexicon().numbers.get(word)


def _party(words: str) -> str:
    for pattern, party in lexicon().parties:
        if pattern.search(words):
            return party
    return "civilian"


def killings(lower: str, start: int, end: int) -> Iterator[Killing]:
    """The dead and hurt a Spanish sentence counts."""
    lex = lexicon()
    for match in lex.killed_object.finditer(lower, start, end):
        listed = match.group("list") or match.group("found_list")
        members = re.split(r"\s*,\s*|\s+y\s+", listed)
        total = 0
        for member in members:
            first = member.split()[0]
            number = _count(first)
            total += number if number is not None and len(member.split()) > 1 else 1
        yield Killing(match.start(), match.end(), total, "killed", _party(listed), "personas")
    for match in lex.counted_dead.finditer(lower, start, end):
        number = _count(match.group("num") or match.group("num2"))
        if number:
            noun = match.group("noun") or match.group("noun2")
            yield Killing(match.start(), match.end(), number, "killed", "unknown", noun)
    for match in lex.counted_hurt.finditer(lower, start, end):
        number = _count(match.group("num") or match.group("num2"))
        if number:
            yield Killing(match.start(), match.end(), number, "injured", "unknown", "heridos")
    for pattern in (lex.found_one, lex.one_dead):
        for match in pattern.finditer(lower, start, end):
            yield Killing(match.start(), match.end(), 1, "killed", _party(match.group()), "persona")


def tally(text: str) -> re.Match[str] | None:
    """Where a Spanish sentence counts killings over a span ("18 personas asesinadas en 24 horas",
    "van cinco homicidios"): a statistic, not one incident."""
    return lexicon().tally.search(text.lower())
