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
