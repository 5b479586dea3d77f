"""What a reader says when it cannot give a document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that yields no document, and why. It is counted, never silently lost."""

    origin: str
    reason: str
    id: str | None = None


class UsageError(Exception):
    """The command was asked for something it cannot do at all (exit code 2)."""


class FetchError(Exception):
    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


class FeedError(FetchError):
    """What was read is no feed the parser can read. A `FetchError`, so that a watcher backs off
    from it as from a feed whose server fails."""
