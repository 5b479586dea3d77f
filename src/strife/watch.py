"""Watching feeds: poll RSS/Atom feeds on a schedule and pass on only what is new.

Each poll is a conditional request (the ETag and Last-Modified the server gave last time), so
an unchanged feed costs a 304. Items read on an earlier poll are passed over before their
pages are fetched. A feed that fails is retried sooner than the schedule, backing off, and
the failure is logged; the others go on. The watcher's state (validators, items seen, when
each feed is next due) is written to a file after every poll, so a restarted watcher neither
re-reads nor re-counts; the store's own idempotence covers a stop between storing and saving.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from strife.document import Document
from strife.readers.errors import FetchError, Skipped, UsageError
from strife.readers.feeds import feed_items, parse_feed
from strife.readers.web import Fetched, Validators, fetch, fetch_if_changed

log = logging.getLogger("strife.watch")

# How many item keys a feed remembers: far more than any feed lists at once.
SEEN_LIMIT = 5_000
# The first retry after a failure; each further failure doubles it, up to the schedule.
FIRST_RETRY_SECONDS = 30.0

Ingest = Callable[[list[Document | Skipped]], Any]
ConditionalFetcher = Callable[[str, Validators], tuple[Fetched | None, Validators]]


@dataclass
class FeedState:
    url: str
    etag: str | None = None
    last_modified: str | None = None
    seen: list[str] = field(default_factory=list)
    failures: int = 0
    next_poll: float = 0.0
    last_error: str | None = None
    polls: int = 0
    items: int = 0  # new items passed on, over the feed's life


@dataclass
class WatchState:
    feeds: dict[str, FeedState] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> WatchState:
        if not path.exists():
            return cls()
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls({url: FeedState(**state) for url, state in raw.get("feeds", {}).items()})
        except (ValueError, TypeError, AttributeError) as err:  # not JSON, or not the state's shape
            raise UsageError(
                f"the watch state {path} cannot be read ({err.__class__.__name__}: {err}); move it "
                "away to start afresh (documents already stored are not stored again)"
            ) from None

    def save(self, path: Path) -> None:
        """Write the state whole or not at all: a kill mid-write leaves the last good copy."""
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f"{path.suffix}.tmp{os.getpid()}")
        tmp.write_text(json.dumps({"feeds": {u: asdict(s) for u, s in self.feeds.items()}}, indent=1))
        tmp.replace(path)


@dataclass(frozen=True, slots=True)
class Poll:
    url: str
    outcome: str  # "new" | "unchanged" | "failed"
    items: int = 0
    error: str | None = None


def read_feed_list(path: Path) -> list[str]:
    """Feed addresses, one a line; blank lines and `#` comments are passed over."""
    urls = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            urls.append(line)
    return list(dict.fromkeys(urls))


_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([hms]?)")
_UNIT_SECONDS = {"h": 3600.0, "m": 60.0, "s": 1.0, "": 1.0}
# Shorter than this, a schedule would hammer the servers (and "0s" would spin the loop).
MIN_DURATION_SECONDS = 1.0


def parse_duration(text: str) -> float:
    """Seconds in "15m", "1h30m", "45s" or "90"; a second at least."""
    text = text.strip().lower()
    parts = _DURATION.findall(text)
    if not parts or _DURATION.sub("", text).strip():
        raise ValueError(f"not a duration: {text!r} (write e.g. 15m, 1h, 30s)")
    seconds = sum(float(value) * _UNIT_SECONDS[unit] for value, unit in parts)
    if seconds < MIN_DURATION_SECONDS:
        raise ValueError(
            f"duration too short: {text!r} is {seconds:g} s; the least is {MIN_DURATION_SECONDS:g} s "
            "(write e.g. 15m, 1h, 30s)"
        )
    return seconds


def backoff(failures: int, every: float) -> float:
    return min(every, FIRST_RETRY_SECONDS * 2 ** max(0, failures - 1))


def record_failure(state: FeedState, reason: str, every: float, now: float) -> Poll:
    """Keep a failed poll in the feed's state, due again sooner than the schedule, backing off."""
    state.failures += 1
    state.last_error = reason
    state.next_poll = now + backoff(state.failures, every)
    log.warning("feed %s failed (%s); retrying in %.0f s", state.url, reason, state.next_poll - now)
    return Poll(state.url, "failed", error=reason)


def poll_feed(
    state: FeedState,
    ingest: Ingest,
    every: float,
    now: float,
    fetcher: ConditionalFetcher = fetch_if_changed,
    page_fetcher: Callable[[str], Fetched] = fetch,
) -> Poll:
    """One poll of one feed: fetch if changed, pass new items to `ingest`, update `state`."""
    state.polls += 1
    try:
        fetched, validators = fetcher(state.url, Validators(state.etag, state.last_modified))
        # A body that is no feed, or that the parser chokes on, fails as a server error does
        # (FeedError is a FetchError): logged, kept in the state, retried with backoff.
        parsed = parse_feed(fetched.data, state.url) if fetched is not None else None
    except FetchError as err:
        return record_failure(state, err.reason, every, now)
    state.failures, state.last_error = 0, None
    state.next_poll = now + every
    if parsed is None:
        return Poll(state.url, "unchanged")
    items = list(feed_items(parsed, state.url, page_fetcher, base_url=state.url, seen=set(state.seen)))
    if items:
        ingest(items)  # stored before the state says so: a stop in between re-reads, never loses
    keys = [item.id for item in items]
    state.seen = [*state.seen, *(k for k in keys if k)][-SEEN_LIMIT:]
    state.etag, state.last_modified = validators.etag, validators.last_modified
    state.items += len(items)
    return Poll(state.url, "new", len(items))


def watch(
    urls: Iterable[str],
    ingest: Ingest,
    every: float,
    state_path: Path,
    stop: threading.Event,
    once: bool = False,
    clock: Callable[[], float] = time.time,
    on_poll: Callable[[Poll], None] | None = None,
    fetcher: ConditionalFetcher = fetch_if_changed,
    page_fetcher: Callable[[str], Fetched] = fetch,
) -> WatchState:
    """Poll every feed when it is due until `stop` is set; with `once`, poll every feed now, due
    or not, and return (the schedule is the long-running mode's: a cron job that runs `--once`
    within it must still poll)."""
    state = WatchState.load(state_path)
    urls = list(urls)
    for url in urls:
        state.feeds.setdefault(url, FeedState(url))
    while not stop.is_set():
        for url in urls:
            feed = state.feeds[url]
            if stop.is_set() or (feed.next_poll > clock() and not once):
                continue
            try:
                result = poll_feed(feed, ingest, every, clock(), fetcher, page_fetcher)
            except Exception as err:
                # A bug, or a store that fails, while polling one feed: the others go on, and
                # this one is retried later like any failed feed, its traceback in the log.
                log.exception("feed %s: unexpected error while polling", url)
                result = record_failure(
                    feed, f"unexpected error: {err.__class__.__name__}: {err}", every, clock()
                )
            state.save(state_path)
            if on_poll is not None:
                on_poll(result)
        if once:
            break
        due = min(state.feeds[url].next_poll for url in urls) if urls else clock() + every
        stop.wait(max(0.2, due - clock()))
    return state


__all__ = [
    "FeedState",
    "Poll",
    "WatchState",
    "backoff",
    "parse_duration",
    "poll_feed",
    "read_feed_list",
    "record_failure",
    "watch",
]
