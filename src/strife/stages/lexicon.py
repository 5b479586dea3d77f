"""Compiling the stages' pattern tables, and running them, for speed.

Python's `re` is markedly slower case-insensitively; the stages match their tables against the
document's lower-cased text instead (`Document.lower_text`, same offsets), with patterns
lower-cased here — literals only, never escapes such as `\\S` or `\\W`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

try:  # the parse tree of `re` itself: what a pattern can open with (Python 3.11 on)
    from re import _constants as _c
    from re import _parser
except ImportError:  # a Python without them: every scan is a plain `finditer`
    _c = _parser = None  # type: ignore[assignment]


def lowered(pattern: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("(?P", i):  # named groups and back-references keep their syntax
            out.append("(?P")
            i += 3
        elif pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return "".join(out)


def compile_lower(pattern: str) -> re.Pattern[str]:
    """A pattern to run on lower-cased text, matching what `re.I` would have matched."""
    return re.compile(lowered(pattern))


def required_literal(pattern: str) -> str | None:
    """A lower-cased run of letters that every match of `pattern` must contain, or None when
    none is certain (top-level alternatives). Lets a stage skip a pattern whose word is absent
    from the text — a substring test costs far less than a regex scan."""
    text = pattern.replace("(?i:", "(?:")
    previous = None
    while previous != text:  # drop optional groups and groups of alternatives, innermost first
        previous = text
        text = re.sub(
            r"\(\?<?[!=][^()]*\)"  # lookarounds: their words are not part of the match
            r"|\((?:\?[:!=<]+)?[^()]*\)[?*]"  # optional groups
            r"|\((?:\?[:!=<]+)?[^()]*\|[^()]*\)",  # groups of alternatives
            " ",
            text,
        )
        # A plain group, opened up, so that a lookaround around it goes too ("(?![- ](?i:dissident))").
        text = re.sub(r"\((?:\?:)?([^()|?][^()|]*)\)(?![?*+{])", r"\1", text)
    if "|" in text:
        return None
    text = re.sub(r"\[[^\]]*\][?*]?|\\.|.[?*]|\{\d+(?:,\d*)?\}", " ", text)
    runs = re.findall(r"[A-Za-z]{3,}", text)
    return max(runs, key=len).lower() if runs else None


# Word-start scanning. A pattern that opens on `\b` defeats the prefix search of Python's `re`:
# a scan tries the whole pattern at every character of the text. Where every match of a
# pattern must begin at the start of a word, with one of a few known prefixes, trying it only
# at the words that open so gives the same matches, in the same order, at a fraction of the
# cost (`scan`).
PREFIX_LENGTH = 3
_MAX_PREFIXES = 400
_MAX_CLASS = 12
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


class _Unsupported(Exception):
    pass


def _class_chars(items: list[tuple[Any, Any]]) -> list[str] | None:
    chars: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            chars.append(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op is _c.CATEGORY and av is _c.CATEGORY_DIGIT:
            chars.append("0")
        else:
            return None
    # Every digit stands for all digits, here and in the index of a text (`word_starts`).
    chars = sorted({_DIGIT.sub("0", char) for char in chars})
    return chars if len(chars) <= _MAX_CLASS else None


def _word_lookbehind(av: tuple[int, Any]) -> bool:
    """`(?<![\\w…])`: the character before is no word character."""
    direction, items = av
    items = list(items)
    return (
        direction == -1
        and len(items) == 1
        and items[0][0] is _c.IN
        and (_c.CATEGORY, _c.CATEGORY_WORD) in items[0][1]
    )


def _openings(parsed: list[tuple[Any, Any]]) -> tuple[set[tuple[str, bool]], bool]:
    """Every (prefix, opens on a word boundary) a match can start with, the prefix up to
    PREFIX_LENGTH characters and cut short where the pattern stops being literal; and whether a
    prefix may be matched regardless of case."""
    out: set[tuple[str, bool]] = set()
    folded = False

    def walk(stack: tuple[list[tuple[Any, Any]], ...], prefix: str, bounded: bool) -> None:
        nonlocal folded
        if len(out) > _MAX_PREFIXES:
            raise _Unsupported
        while stack and not stack[0]:
            stack = stack[1:]
        if len(prefix) >= PREFIX_LENGTH or not stack:
            out.add((prefix, bounded))
            return
        (op, av), rest = stack[0][0], (stack[0][1:], *stack[1:])
        if op is _c.LITERAL:
            walk(rest, prefix + _DIGIT.sub("0", chr(av)), bounded)
        elif op is _c.IN:
            chars = _class_chars(list(av))
            if chars is None:
                out.add((prefix, bounded))
            for char in chars or ():
                walk(rest, prefix + char, bounded)
        elif op is _c.AT:
            walk(rest, prefix, bounded or (not prefix and av is _c.AT_BOUNDARY))
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            opens = not prefix and op is _c.ASSERT_NOT and _word_lookbehind(av)
            walk(rest, prefix, bounded or opens)
        elif op is _c.SUBPATTERN:
            if av[1] & _c.SRE_FLAG_VERBOSE:
                raise _Unsupported
            # Case-blind anywhere: every prefix is then compared case-blind, as `re` compares.
            folded = folded or bool(av[1] & _c.SRE_FLAG_IGNORECASE)
            walk((list(av[3]), *rest), prefix, bounded)
        elif op is _c.BRANCH:
            for alternative in av[1]:
                walk((list(alternative), *rest), prefix, bounded)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, body = av
            if low == 0:
                walk(rest, prefix, bounded)  # no round at all
            if high != 0:
                # One round, then the rounds left (as many as the pattern allows) and the rest.
                left = (op, (max(low - 1, 0), high if high == _c.MAXREPEAT else high - 1, body))
                walk((list(body), [left], *rest), prefix, bounded)
        else:
            out.add((prefix, bounded))

    walk((parsed,), "", False)
    return out, folded


@dataclass(frozen=True, slots=True)
class _Openings:
    whole: tuple[str, ...]  # the prefixes an index key is (PREFIX_LENGTH long)
    short: tuple[str, ...]  # the prefixes an index key starts with
    # Where the pattern is case-blind: its prefixes as a pattern of the same flags, so that
    # `re` itself decides which words open with one.
    folded: re.Pattern[str] | None


@lru_cache(maxsize=1024)
def _word_openings(pattern: re.Pattern[str]) -> _Openings | None:
    if _parser is None or pattern.flags & re.VERBOSE:
        return None
    try:
        openings, folded = _openings(list(_parser.parse(pattern.pattern, pattern.flags)))
    except (_Unsupported, RecursionError, re.error):
        return None
    if not openings or not all(
        bounded and prefix and (prefix[0].isalnum() or prefix[0] == "_") for prefix, bounded in openings
    ):
        return None
    every = {prefix for prefix, _ in openings}
    # A word that opens with "0" opens with "0" whatever follows: "00" adds no word.
    prefixes = tuple(sorted(p for p in every if not any(p != q and p.startswith(q) for q in every)))
    whole = tuple(p for p in prefixes if len(p) == PREFIX_LENGTH)
    short = tuple(p for p in prefixes if len(p) < PREFIX_LENGTH)
    if not (folded or pattern.flags & re.IGNORECASE):
        return _Openings(whole, short, None)
    alternatives = "|".join(re.escape(prefix).replace("0", r"\d") for prefix in prefixes)
    return _Openings(whole, short, re.compile(f"(?:{alternatives})", re.IGNORECASE))


def word_prefixes(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """The prefixes (any digit written 0) every match of `pattern` opens a word with, or None
    where a match may start elsewhere or the pattern is beyond this analysis."""
    openings = _word_openings(pattern)
    return None if openings is None else tuple(sorted(openings.whole + openings.short))


@lru_cache(maxsize=8)
def word_starts(text: str) -> dict[str, list[int]]:
    """Where each word of `text` starts, by its first PREFIX_LENGTH characters (any digit as 0)."""
    index: dict[str, list[int]] = defaultdict(list)
    for match in _WORD.finditer(text):
        start = match.start()
        key = text[start : start + PREFIX_LENGTH]
        index[key if key.isalpha() else _DIGIT.sub("0", key)].append(start)
    return index


@lru_cache(maxsize=8)
def _short_starts(text: str) -> dict[str, list[int]]:
    """Where the words of `text` start, by each of their keys' shorter prefixes (one character,
    two, …): a pattern's short prefixes are looked up, not tried against every key of the text."""
    index: dict[str, list[int]] = defaultdict(list)
    for key, starts in word_starts(text).items():
        for length in range(1, min(len(key), PREFIX_LENGTH - 1) + 1):
            index[key[:length]] += starts
    return index


def scan(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, trying the pattern only where a match can begin."""
    openings = _word_openings(pattern)
    if openings is None:
        yield from pattern.finditer(text)
        return
    index = word_starts(text)
    positions: list[int] = []
    if openings.folded is not None:
        for key, starts in index.items():
            if openings.folded.match(key):
                positions += starts
    else:
        for prefix in openings.whole:
            positions += index.get(prefix, ())
        if short := openings.short:
            by_prefix = _short_starts(text)
            for prefix in short:
                positions += by_prefix.get(prefix, ())
    end = 0
    for start in sorted(set(positions)):
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None:
            yield match
            end = match.end()
