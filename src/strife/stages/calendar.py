"""Month and weekday names, and resolving a day-and-month against a reference date."""

from __future__ import annotations

import datetime as dt

# Years whose days strife computes with: far enough from the calendar's ends for any span a
# report gives, wide enough for the far-off days that stand in for an unknown publication date.
ARITHMETIC_YEARS = (1000, 9000)

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}  # fmt: skip

MONTH_PATTERN = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_PATTERN = r"(?:" + "|".join(WEEKDAYS) + r")"


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None where there is no such day, or none a report means: near the ends of
    the calendar (year 1, 9999) a day's arithmetic ("the week before") would overflow."""
    if not ARITHMETIC_YEARS[0] <= year <= ARITHMETIC_YEARS[1]:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_days(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and the last day of a month."""
    return dt.date(year, month, 1), dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)


def most_recent(month: int, day: int, reference: dt.date) -> dt.date | None:
    """A day and month without a year: the latest such date not after the reference."""
    for year in (reference.year, reference.year - 1):
        candidate = safe_date(year, month, day)
        if candidate is not None and candidate <= reference:
            return candidate
    return None


def last_weekday(weekday: int, reference: dt.date, *, inclusive: bool = True) -> dt.date:
    """The most recent given weekday on or before the reference ("on Tuesday")."""
    back = (reference.weekday() - weekday) % 7
    if back == 0 and not inclusive:
        back = 7
    return reference - dt.timedelta(days=back)
