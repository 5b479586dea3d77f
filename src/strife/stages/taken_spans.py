"""The spans of text a stage has already read, so that a later, weaker pattern does not read
the same words again ("killed" inside "were killed in an attack").

A stage asks of every match whether it overlaps a span taken before; with a list, that asks
every earlier span, and a long report (a feed's 2 MB body, a page of repeated items) makes it
quadratic. Here the spans are kept merged and in order, and the question is one bisection.
"""

from __future__ import annotations

from bisect import bisect_left


class TakenSpans:
    """Half-open character spans [start, end); `overlaps` is true where any taken span shares a
    character with the one asked about (start < taken end and taken start < end)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in spans or ():
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        # The merged spans are disjoint and sorted, so of those starting before `end` only the
        # last can reach past `start`.
        i = bisect_left(self._starts, end)
        return i > 0 and self._ends[i - 1] > start

    def add(self, start: int, end: int) -> None:
        """Take [start, end), merged with the spans it overlaps."""
        starts, ends = self._starts, self._ends
        i = bisect_left(starts, end)
        j = i
        while j > 0 and ends[j - 1] > start:  # spans overlapping the new one, from the right
            j -= 1
        if j < i:
            start, end = min(start, starts[j]), max(end, ends[i - 1])
            del starts[j:i], ends[j:i]
        starts.insert(j, start)
        ends.insert(j, end)

    def __bool__(self) -> bool:
        return bool(self._starts)


__all__ = ["TakenSpans"]
