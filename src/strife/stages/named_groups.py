"""Named armed groups: the shipped dictionary (`armed_groups.toml`) and the stage that finds
their names in a text, once, for the stages that read them: places (a group that fights in one
country only says which country a report is about) and actors (who is there).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from strife.document import Document, Mention
from strife.stages.lexicon import required_literal, scan
from strife.stages.sentences import sentence_of
from strife.stages.truecase import common_words, is_caseless


@dataclass(frozen=True, slots=True)
class NamedGroup:
    name: str  # ACLED's name
    inter: int  # actor category: rebels (2), political militias (3), identity militias (4), external (8)
    country: str | None = None  # where it fights, for a group that fights in one country only


# The codebook puts rebels (2), political militias (3), identity militias (4) and external
# forces (8) apart; the dictionary says which each group is.
ARMED_GROUPS_FILE = Path(__file__).with_name("armed_groups.toml")


def load_armed_groups(path: Path = ARMED_GROUPS_FILE) -> list[tuple[str, NamedGroup]]:
    """(alias pattern, group) for every alias of every group, in file order."""
    with path.open("rb") as stream:
        groups = tomllib.load(stream)["group"]
    return [
        (alias, NamedGroup(group["name"], int(group["inter"]), group.get("country")))
        for group in groups
        for alias in group["aliases"]
    ]


NAMED_GROUPS: tuple[tuple[str, NamedGroup], ...] = tuple(load_armed_groups())


def _name_part(pattern: str) -> str:
    """An alias pattern without its escapes, character sets, group openers and lookarounds: the
    letters of the name itself ("IS" of "(?<=\\band )IS\\b")."""
    kept: list[str] = []
    depth = 0  # inside a lookaround, how deep
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
            continue
        if depth:
            depth += {"(": 1, ")": -1}.get(pattern[i], 0)
        elif LOOKAROUND.match(pattern, i):
            depth = 1
        elif (opener := GROUP_OPENER.match(pattern, i)) is not None:
            i = opener.end()
            continue
        elif pattern[i] not in "()[]|?*+{}":
            kept.append(pattern[i])
        i += 1
    return "".join(kept)


LOOKAROUND = re.compile(r"\(\?<?[=!]")
GROUP_OPENER = re.compile(r"\(\?(?:[a-zA-Z]*:)?|\[[^\]]*\]")


def _any_case(pattern: str) -> bool:
    """Whether an alias matches in any case in a text that lost its capitals: a name in words
    ("shining path"), or an acronym told by the words around it ("against IS", "FARC" not followed
    by "dissidents"), unless its letters spell an everyday word: "and is based on" names no group."""
    if re.search(r"[a-z]{2}", re.sub(r"\\\w|\(\?\w*[:=!<]", "", pattern)) is None:
        return False
    return _name_part(pattern).lower() not in common_words()


# Named groups match case-sensitively: "BLA" and "ADF" are acronyms, "ada" is not.
_NAMED = [(re.compile(p), group, required_literal(p)) for p, group in NAMED_GROUPS]
# A text that lost its capitals ("SHINING PATH", "shining path") keeps its acronyms (truecasing
# writes them in capitals) but not the capitals of a name in words: those match in any case.
_NAMED_CASELESS = [
    (
        re.compile(p, re.I) if _any_case(p) else pattern,
        group,
        literal,
    )
    for (pattern, group, literal), (p, _) in zip(_NAMED, NAMED_GROUPS, strict=True)
]


class NamedGroupStage:
    """Every match of every alias, in the dictionary's order (which decides between overlapping
    names where they are read), as `named_group` mentions whose value is the `NamedGroup`."""

    name = "named_groups"

    def __call__(self, doc: Document) -> None:
        text, lower = doc.cased_text, doc.lower_text
        mentions = []
        for pattern, group, literal in _NAMED_CASELESS if is_caseless(doc.text) else _NAMED:
            if literal is not None and literal not in lower:
                continue
            for match in scan(pattern, text):
                mentions.append(Mention(*match.span(), "named_group", group, sentence_of(doc, match.start())))
        doc.set_layer("named_groups", _outermost(mentions))


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """The mentions no longer name holds: "National Liberation Front" inside "Farabundo Marti
    National Liberation Front" is the FMLN's name, not a second group's."""
    longest_first = sorted(mentions, key=lambda m: (m.start, m.start - m.end))
    kept: list[Mention] = []
    reach = -1
    for m in longest_first:
        if m.end <= reach and not (kept and (kept[-1].start, kept[-1].end) == (m.start, m.end)):
            continue
        kept.append(m)
        reach = max(reach, m.end)
    order = {id(m): n for n, m in enumerate(mentions)}
    return sorted(kept, key=lambda m: order[id(m)])
