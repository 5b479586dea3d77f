"""Compiling the stages' pattern tables for speed.

Python's `re` is markedly slower case-insensitively; the stages match their tables against the
document's lower-cased text instead (`Document.lower_text`, same offsets), with patterns
lower-cased here — literals only, never escapes such as `\\S` or `\\W`.
"""

from __future__ import annotations

import re


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
    if "|" in text:
        return None
    text = re.sub(r"\[[^\]]*\][?*]?|\\.|.[?*]|\{\d+(?:,\d*)?\}", " ", text)
    runs = re.findall(r"[A-Za-z]{3,}", text)
    return max(runs, key=len).lower() if runs else None
