"""The dates strife accepts: a report published from 1900 to tomorrow, an incident dated from
1800 to a month after today.

Outside them a date is a typo, a placeholder ("0001-01-01", "9999-12-31") or a fuzzer's, and
date arithmetic near the ends of Python's calendar overflows: "yesterday" against 0001-01-01, or
a merge window around 9999-12-31. The bounds on incidents are wider than on publication because
a report dates its incident relative to its own day (a recalled attack, "next week's march").
"Today" is the UTC day: a record is judged by the same calendar wherever strife runs.
"""

from __future__ import annotations

import datetime as dt

EARLIEST_PUBLISHED = dt.date(1900, 1, 1)
EARLIEST_EVENT = dt.date(1800, 1, 1)
# A report dated tomorrow is one from a time zone ahead; an incident a month ahead, a report's
# own wording ("next month's vote"); later than either, a wrong date.
PUBLISHED_AHEAD = dt.timedelta(days=1)
EVENT_AHEAD = dt.timedelta(days=31)


def utc_today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def check_published(day: dt.date) -> dt.date:
    """`day`, if a report can have been published on it; else a ValueError saying why."""
    if day < EARLIEST_PUBLISHED:
        raise ValueError(
            f"{day.isoformat()} is before {EARLIEST_PUBLISHED.isoformat()}: not a publication date"
        )
    latest = utc_today() + PUBLISHED_AHEAD
    if day > latest:
        raise ValueError(
            f"{day.isoformat()} is after tomorrow ({latest.isoformat()}): not a publication date"
        )
    return day


def publishable(day: dt.date) -> bool:
    return EARLIEST_PUBLISHED <= day <= utc_today() + PUBLISHED_AHEAD


def is_event_day(day: dt.date) -> bool:
    return EARLIEST_EVENT <= day <= utc_today() + EVENT_AHEAD


def check_event_day(day: dt.date, field: str) -> None:
    """A ValueError naming `field` unless an incident can be dated `day` (`is_event_day`)."""
    if day < EARLIEST_EVENT:
        raise ValueError(f"{field} {day.isoformat()} is before {EARLIEST_EVENT.isoformat()}")
    latest = utc_today() + EVENT_AHEAD
    if day > latest:
        raise ValueError(f"{field} {day.isoformat()} is more than a month after today ({latest.isoformat()})")


def shift(day: dt.date, days: int) -> dt.date:
    """`day` moved by `days`, held at the ends of the calendar rather than overflowing."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


__all__ = [
    "EARLIEST_EVENT",
    "EARLIEST_PUBLISHED",
    "check_event_day",
    "check_published",
    "is_event_day",
    "publishable",
    "shift",
    "utc_today",
]
