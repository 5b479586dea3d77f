"""Dates in the text, resolved to calendar days against the publication date, never the future.

Each mention becomes a `DateValue`: first and last day, ACLED time precision (1 day, 2 week,
3 month), and how it was found (`explicit` or `relative-to-published`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from strife.calendar_bounds import is_event_day
from strife.document import Document, Mention
from strife.stages.calendar import (
    MONTH_PATTERN,
    WEEKDAY_PATTERN,
    WEEKDAYS,
    last_weekday,
    month_days,
    month_number,
    most_recent,
    safe_date,
)
from strife.stages.lexicon import compile_lower, scan
from strife.stages.sentences import sentence_of
from strife.stages.taken_spans import TakenSpans


@dataclass(frozen=True, slots=True)
class DateValue:
    start: dt.date
    end: dt.date
    precision: int  # ACLED time_precision
    basis: str  # "explicit" | "relative-to-published"
    past_year: bool = False  # a bare year before the publication year: marks background
    # The day something was said ("police said on Monday"), not necessarily when it happened.
    reporting: bool = False
    # "the same day", "a day later": days after the date of the incident told just before, which
    # assembly knows; `start` holds the publication date until then.
    after_previous: int | None = None


_DM = rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_PATTERN})"
_MD = rf"(?P<m>{MONTH_PATTERN})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<y>(?:19|20)\d{2}))?"


# How far after the report a day and month without a year is still read as one to come.
COMING_DAYS = dt.timedelta(days=90)


def _day(match: re.Match[str], anchor: dt.date, prefix: str = "") -> dt.date | None:
    month = month_number(match.group(prefix + "m"))
    day = int(match.group(prefix + "d"))
    year = match.group(prefix + "y")
    if year:
        return safe_date(int(year), month, day)
    # A day and month up to COMING_DAYS after the report, the next day's included, is one to
    # come ("a strike on July 19" in a paper of July 12), not the year before's: the caller keeps
    # it out as the future it is.
    coming = safe_date(anchor.year, month, day)
    if coming is not None and dt.timedelta(0) < coming - anchor <= COMING_DAYS:
        return coming
    return most_recent(month, day, anchor)


def _explicit(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    day = _day(match, anchor)
    return DateValue(day, day, 1, "explicit") if day else None


def _short_year(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    """ "14 Apr 13", a digest's or a wire's date line: a two-digit year, read as one only where it
    is the publication's year or the one before ("on 14 April 12 people died" is no year)."""
    years = [year for year in (anchor.year, anchor.year - 1) if year % 100 == int(match.group("yy"))]
    if not years:
        return None
    day = safe_date(years[0], month_number(match.group("m")), int(match.group("d")))
    return DateValue(day, day, 1, "explicit") if day else None


def _iso(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    day = safe_date(int(match.group("y")), int(match.group("mo")), int(match.group("d")))
    return DateValue(day, day, 1, "explicit") if day else None


def _numeric(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    """ "25 3 1996", "1/7/2012", "8 30 1994": a day and a month in figures, the day first unless
    the first figure cannot be a month's number (or the second a day's)."""
    first, second = int(match.group("a")), int(match.group("b"))
    day, month = (second, first) if second > 12 >= first else (first, second)
    found = safe_date(int(match.group("y")), month, day)
    return DateValue(found, found, 1, "explicit") if found else None


def _night_of(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    first, second = _day(match, anchor, "a"), _day(match, anchor, "b")
    if first and second and first <= second:
        return DateValue(first, second, 1, "explicit")
    return None


def _range(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    """ "from 27 to 31 March 2022": the first day to the last, each a day."""
    last = _day(match, anchor)
    if last is None or not 0 < int(match.group("d1")) < int(match.group("d")):
        return None
    first = last.replace(day=int(match.group("d1")))
    return DateValue(first, last, 1, "explicit")


def _month_year(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    month, year = month_number(match.group("m")), int(match.group("y"))
    first, last = month_days(year, month)
    return DateValue(first, last, 3, "explicit", past_year=year < anchor.year)


def _bare_month(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    """ "In March", "in April of this year", "in May last year": the latest such month up to
    the publication, or of the year before where the text says so."""
    month = month_number(match.group("m"))
    year = anchor.year if month <= anchor.month else anchor.year - 1
    if match.group("last"):
        year = anchor.year - 1
    elif match.group("this"):
        year = anchor.year
    first, last = month_days(year, month)
    return DateValue(first, min(last, anchor) if first <= anchor else last, 3, "relative-to-published",
                     past_year=year < anchor.year)  # fmt: skip


def _last_named_month(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    """ "Last July": the latest July before the publication's month (written in July, the one a
    year before)."""
    month = month_number(match.group("m"))
    year = anchor.year if month < anchor.month else anchor.year - 1
    first, last = month_days(year, month)
    return DateValue(first, last, 3, "relative-to-published", past_year=year < anchor.year)


def _year(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    year = int(match.group("y"))
    if year > anchor.year:
        return None
    return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), 3, "explicit", past_year=year < anchor.year)


def _weekday(match: re.Match[str], anchor: dt.date) -> DateValue | None:
    day = last_weekday(WEEKDAYS[match.group("w").lower()], anchor)
    return DateValue(day, day, 1, "relative-to-published")


def _shift(days: int, nights: bool = False) -> Callable[[re.Match[str], dt.date], DateValue]:
    def resolve(match: re.Match[str], anchor: dt.date) -> DateValue:
        day = anchor - dt.timedelta(days=days)
        return DateValue(day, anchor if nights else day, 1, "relative-to-published")

    resolve.from_writing_day = True  # type: ignore[attr-defined]
    return resolve


_DAYS_AGO = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _days_ago(match: re.Match[str], anchor: dt.date) -> DateValue:
    """ "Two days ago": that many days before the report was written."""
    day = anchor - dt.timedelta(days=_DAYS_AGO[match.group("n")])
    return DateValue(day, day, 1, "relative-to-published")


_days_ago.from_writing_day = True  # type: ignore[attr-defined]

# Days a toll or a round-up covers, counted back from the report: "killed in four days of
# resistance attacks", "over the past two days", "a three-day offensive".
_SPAN_DAYS = {**_DAYS_AGO, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "seven": 7, "7": 7}


def _days_span(match: re.Match[str], anchor: dt.date) -> DateValue:
    """The days up to the report, as many as it counts: the last of them may be the day before it
    was written or its own day."""
    first = anchor - dt.timedelta(days=_SPAN_DAYS[match.group("n") or match.group("n2")])
    return DateValue(first, anchor, 1, "relative-to-published")


_days_span.from_writing_day = True  # type: ignore[attr-defined]


_WEEKDAY_SAID = compile_lower(rf"\b(?:on\s+)?(?P<w>{WEEKDAY_PATTERN})\b")


def writing_day(lower: str, anchor: dt.date) -> dt.date:
    """The day a report was written, which "today", "yesterday" and "overnight" count from: a
    newspaper printed on Friday whose sources "said on Thursday" was written on Thursday; a
    report that says things were said on its own day of publication was written that day."""
    said = {
        last_weekday(WEEKDAYS[m.group("w").lower()], anchor)
        for m in scan(_WEEKDAY_SAID, lower)
        if _is_reporting(lower, *m.span())
    }
    day_before = anchor - dt.timedelta(days=1)
    return day_before if day_before in said and anchor not in said else anchor


def _this_week(match: re.Match[str], anchor: dt.date) -> DateValue:
    start = anchor - dt.timedelta(days=anchor.weekday())
    return DateValue(start, anchor, 2, "relative-to-published")


def _weekend(match: re.Match[str], anchor: dt.date) -> DateValue:
    """ "Over the weekend", "a weekend arson attack": the Saturday and Sunday last past (the one
    still to come for "this weekend" told on a weekday, which is no event's yet)."""
    weekday = anchor.weekday()  # Monday 0 … Sunday 6
    if match.group("this") and weekday < 5:
        saturday = anchor + dt.timedelta(days=5 - weekday)
        return DateValue(saturday, saturday + dt.timedelta(days=1), 1, "relative-to-published")
    if weekday == 5:
        return DateValue(anchor, anchor, 1, "relative-to-published")
    sunday = anchor - dt.timedelta(days=(weekday + 1) % 7)
    return DateValue(sunday - dt.timedelta(days=1), sunday, 1, "relative-to-published")


def _last_week(match: re.Match[str], anchor: dt.date) -> DateValue:
    start = anchor - dt.timedelta(days=anchor.weekday() + 7)
    return DateValue(start, start + dt.timedelta(days=6), 2, "relative-to-published")


def _last_month(match: re.Match[str], anchor: dt.date) -> DateValue:
    end = anchor.replace(day=1) - dt.timedelta(days=1)
    return DateValue(end.replace(day=1), end, 3, "relative-to-published")


def _this_month(match: re.Match[str], anchor: dt.date) -> DateValue:
    return DateValue(anchor.replace(day=1), anchor, 3, "relative-to-published")


def _last_year(match: re.Match[str], anchor: dt.date) -> DateValue:
    year = anchor.year - 1
    return DateValue(dt.date(year, 1, 1), dt.date(year, 12, 31), 3, "relative-to-published", past_year=True)


def _after_previous(days: int) -> Callable[[re.Match[str], dt.date], DateValue]:
    def resolve(match: re.Match[str], anchor: dt.date) -> DateValue:
        return DateValue(anchor, anchor, 1, "relative-to-published", after_previous=days)

    return resolve


# A day and a month, with the year where written: "31 January 2025", "January 31".
DAY_MONTH = compile_lower(rf"\b{_DM}{_YEAR}\b")
MONTH_DAY = compile_lower(rf"\b{_MD}{_YEAR}\b")


# The date expressions, most specific first; an earlier rule's span hides later ones.
DATE_RULES: tuple[tuple[re.Pattern[str], Callable[[re.Match[str], dt.date], DateValue | None]], ...] = (
    (
        compile_lower(
            rf"\bnight of (?:(?P<ad>\d{{1,2}})\s+(?P<am>{MONTH_PATTERN})|(?P<am2>{MONTH_PATTERN})\s+(?P<ad2>\d{{1,2}}))"
            rf"\s+and\s+(?:(?P<bd>\d{{1,2}})\s+(?P<bm>{MONTH_PATTERN})|(?P<bm2>{MONTH_PATTERN})\s+(?P<bd2>\d{{1,2}}))",
        ),
        lambda m, a: _night_of(_NightMatch(m), a),
    ),
    (re.compile(r"\b(?P<y>(?:19|20)\d{2})-(?P<mo>\d{2})-(?P<d>\d{2})\b"), _iso),
    # A note's or a monitor's date in figures, one separator throughout: "on 25 3 1996",
    # "Sunday 1/7/2012", "25.09.2007".
    (
        re.compile(
            r"(?<![\d.,/])(?P<a>\d{1,2})(?P<sep>[ /.])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})\b(?![.,/]\d)"
        ),
        _numeric,
    ),
    (
        compile_lower(
            # "the night of 22/23 January": a night over two days, from the first.
            rf"\b(?:from\s+|between\s+)?(?P<d1>\d{{1,2}})\s*(?:to|and|-|–|/)\s*(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+"
            rf"(?:of\s+)?(?P<m>{MONTH_PATTERN}){_YEAR}\b"
        ),
        _range,
    ),
    (
        compile_lower(
            rf"\b(?P<m>{MONTH_PATTERN})\s+(?P<d1>\d{{1,2}})\s*(?:-|–|to|and)\s*(?P<d>\d{{1,2}}){_YEAR}\b"
        ),
        _range,
    ),
    (
        compile_lower(
            r"\b(?P<d>\d{1,2})\s+(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\s+(?P<yy>\d{2})"
            r"(?=\s*(?:$|[\n\"'”)]))"
        ),
        _short_year,
    ),
    (DAY_MONTH, _explicit),
    (MONTH_DAY, _explicit),
    (compile_lower(rf"\b(?P<m>{MONTH_PATTERN})\s+(?:of\s+)?(?P<y>(?:19|20)\d{{2}})\b"), _month_year),
    # A month without its year, after a preposition ("in March"; "May" alone may be a verb).
    (
        compile_lower(
            rf"\b(?:in|during|since|early|late|mid-|until|by)\s+(?:early |late |mid-)?(?P<m>{MONTH_PATTERN})\b"
            r"(?:\s+(?:of\s+)?(?:(?P<this>this year)|(?P<last>last year)))?(?!\s*\d)"
        ),
        _bare_month,
    ),
    (compile_lower(rf"\blast\s+(?P<m>{MONTH_PATTERN})\b(?!\s*\d)"), _last_named_month),
    (
        compile_lower(r"\b(?:(?:last|on|late|early)\s+(?:on\s+)?)?(?P<w>" + WEEKDAY_PATTERN + r")\b"),
        _weekday,
    ),
    (
        compile_lower(r"\b(?:(?:on |later )?(?:the same|that) (?:day|night|evening|morning|afternoon))\b"),
        _after_previous(0),
    ),
    (compile_lower(r"\b(?:the (?:next|following) day|a day later|the day after)\b"), _after_previous(1)),
    (
        compile_lower(
            r"\b(?:the (?:previous|preceding) (?:day|night|evening)|a day (?:earlier|before)|the day before)\b"
        ),
        _after_previous(-1),
    ),
    # A night runs over two dates: the evening before the day it was written, and that day.
    (compile_lower(r"\b(?:last night|overnight)\b"), _shift(1, nights=True)),
    (compile_lower(r"\b(?:yesterday|late yesterday)\b"), _shift(1)),
    (compile_lower(rf"\b(?P<n>{'|'.join(_DAYS_AGO)}) days? ago\b"), _days_ago),
    (
        compile_lower(
            rf"\b(?:in|over|during|within)\s+(?:(?:the\s+)?(?:past|last)\s+)?(?P<n>{'|'.join(_SPAN_DAYS)})\s+days\b"
            rf"|\b(?P<n2>{'|'.join(_SPAN_DAYS)})[- ]day\s+(?:offensive|operation|battle|fighting|clashes|siege|spree)\b"
        ),
        _days_span,
    ),
    (compile_lower(r"\b(?:today|this morning|this afternoon|this evening|tonight)\b"), _shift(0)),
    (compile_lower(r"\b(?:earlier )?this week\b"), _this_week),
    (compile_lower(r"\b(?:the|a|last|(?P<this>this)|over the) weekend\b"), _weekend),
    (compile_lower(r"\blast week\b"), _last_week),
    (compile_lower(r"\blast month\b"), _last_month),
    (compile_lower(r"\b(?:earlier )?this month\b"), _this_month),
    (compile_lower(r"\blast year\b"), _last_year),
    (compile_lower(r"\b(?:in|since|during|of)\s+(?P<y>(?:19|20)\d{2})\b"), _year),
    # History: "the kidnapping of Pope Pius VII in 1809" (not "in 1500 homes").
    (
        compile_lower(
            r"\b(?:in|since|during)\s+(?P<y>1[0-8]\d{2})\b"
            r"(?!\s+(?:people|persons|men|women|homes|houses|families|villages|cases|troops|soldiers|km|metres|feet)\b)"
        ),
        _year,
    ),
    # "the 2021 Kabul airport attack": an act named by its year; or a report's title that so
    # names it ("2016 Yerevan hostage crisis: gunmen took a police station").
    (
        compile_lower(
            r"(?:\bthe\s+|^\s*)(?P<y>(?:19|20)\d{2})(?=\s+(?:[\w'’-]+\s+){0,3}?(?:attacks?|bombings?|blasts?|"
            r"massacres?|assassinations?|killings?|hijackings?|riots?|uprisings?|coups?|ambush(?:es)?|"
            r"shootings?|hostage crisis|sieges?)\b)"
        ),
        _year,
    ),
)


class _NightMatch:
    """Adapts the night-of pattern's alternative groups to `_day`'s `a`/`b` prefixes."""

    def __init__(self, match: re.Match[str]) -> None:
        self._m = match

    def group(self, name: str) -> str | None:
        if name in ("am", "ad", "bm", "bd"):
            return self._m.group(name) or self._m.group(name + "2")
        if name in ("ay", "by"):
            return None
        return self._m.group(name)


SPEECH = (
    r"(?:said|says|told|announced|stated|confirmed|claimed|added|reported|informed|disclosed|briefed|"
    r"accused|alleged|acknowledged|admitted|denied|condemned|demanded|urged|blamed|"
    # A court's step is told on its own day, after the act: "charged on Thursday with murder".
    r"charged|indicted|arraigned|sentenced|convicted)"
)
_SPEECH_BEFORE = compile_lower(rf"\b{SPEECH}\s+(?:\w+\s+){{0,2}}$")
# "On Wednesday strongly condemned the strikes": a word of manner may stand between.
_SPEECH_AFTER = compile_lower(rf"^\s*,?\s*(?:that\s+)?(?:[a-z]+ly\s+)?{SPEECH}\b")


# "Two women died in a strike on Thursday, said the Patriarchate": the speaker after its verb,
# past a comma, says who told the clause before, whose day it is.
_INVERTED_SPEECH_AFTER = compile_lower(
    r"^\s*,\s*(?:said|says|added|reported|told)\s+(?!that\b|on\b|in\b)[a-z]"
)


def _is_reporting(lower: str, start: int, end: int) -> bool:
    """A date tied to a verb of saying: "said on Monday", "on Monday said"."""
    after = lower[end : end + 30]
    return bool(
        _SPEECH_BEFORE.search(lower[max(0, start - 40) : start])
        or (_SPEECH_AFTER.match(after) and not _INVERTED_SPEECH_AFTER.match(after))
    )


# Two days far apart that stand in for an unknown publication date: a mention that resolves to
# the same days against both ("31 January 2025") does not depend on it; one that does not ("on
# Tuesday", "January 31") cannot be resolved, and is left out rather than set against the clock.
_PROBES = (dt.date(2900, 3, 15), dt.date(2950, 9, 20))


def _without_anchor(
    resolve: Callable[[re.Match[str], dt.date], DateValue | None], match: re.Match[str]
) -> DateValue | None:
    first, second = (resolve(match, probe) for probe in _PROBES)
    if first is None or second is None or (first.start, first.end) != (second.start, second.end):
        return None
    if first.after_previous is not None:
        return None
    # Whether a year is past is relative to a publication date there is none of.
    return replace(first, past_year=False)


# The rules of a day and a month, whose year a day written out elsewhere in the text may give.
DAY_AND_MONTH = frozenset({_explicit, _range})


# Where a text's own date stands: its head (a dateline) or its foot (a communique's signature),
# not its body, where a day written out is an incident's, perhaps years before.
DATE_LINE_REACH = 300


def _latest_written_day(lower: str) -> dt.date | None:
    """The latest day an undated text writes out with its year at its head or its foot, if any."""
    head, foot = DATE_LINE_REACH, len(lower) - DATE_LINE_REACH
    days = [
        day
        for pattern in (DAY_MONTH, MONTH_DAY)
        for match in scan(pattern, lower)
        if match.group("y")
        and (match.start() < head or match.start() >= foot)
        and (day := _day(match, _PROBES[0])) is not None
        and is_event_day(day)
    ]
    return max(days, default=None)


# A weekday told as the day of what is to come: "would go to the White House on Monday", "talks
# are due to resume on Tuesday". Only within the clause before it (no "said", no comma).
FUTURE_REACH = 60
FUTURE_BEFORE = compile_lower(
    r"\b(?:will|would|shall|(?:is|are|was|were) (?:due |set |expected |scheduled |going )?to|plans? to|"
    r"planning to|intends? to)\b[^.;,:]*$"
)


class DateStage:
    name = "dates"

    def __call__(self, doc: Document) -> None:
        anchor = doc.anchor_date
        lower = doc.lower_text
        written = writing_day(lower, anchor) if anchor is not None else None
        taken = TakenSpans([(m.start, m.end) for m in doc.layer("dateline")])
        mentions: list[Mention] = []
        unresolved: list[Mention] = []
        # An undated text that writes its own day out with its year ("18 December 1989" under a
        # communique) says which year its days without one ("on 11 November") fall in.
        latest = _latest_written_day(lower) if anchor is None else None
        for pattern, resolve in DATE_RULES:
            for match in scan(pattern, lower):
                start, end = match.span()
                if taken.overlaps(start, end):
                    continue
                if anchor is not None:
                    value = resolve(match, written if getattr(resolve, "from_writing_day", False) else anchor)  # type: ignore[arg-type]
                else:
                    value = _without_anchor(resolve, match)
                    if value is None and latest is not None and resolve in DAY_AND_MONTH:
                        value = resolve(match, latest)
                if value is None and anchor is None and (stand_in := resolve(match, _PROBES[0])) is not None:
                    # A day the text gives relative to a publication date it lacks: the incident
                    # has a day of its own, unknown (not the next sentence's). Its value is the day
                    # against a stand-in publication date: comparable with the report's other such
                    # days ("on Friday" and "on Monday" are two days), and with nothing else.
                    taken.add(start, end)
                    unresolved.append(Mention(start, end, "date", stand_in, sentence_of(doc, start)))
                    continue
                if value is None:
                    continue
                if resolve is _weekday and FUTURE_BEFORE.search(lower, max(0, start - FUTURE_REACH), start):
                    # "He would go to the White House on Monday": a day to come, not last Monday.
                    taken.add(start, end)
                    continue
                if anchor is not None and value.start > anchor:
                    if value.basis == "explicit":
                        # A day the text writes out is that day, if later than the report (a
                        # digest's date line, "elections on 14 April 2026"): no shorter rule reads
                        # it as another ("14 April" of the year before).
                        taken.add(start, end)
                    continue  # never into the future
                if not is_event_day(value.start) or not is_event_day(value.end):
                    continue  # "March 3, 1750", "31/12/9999": no incident strife codes
                taken.add(start, end)
                if value.precision <= 2 and _is_reporting(lower, start, end):
                    value = replace(value, reporting=True)
                mentions.append(Mention(start, end, "date", value, sentence_of(doc, start)))
        mentions.sort(key=lambda m: m.start)
        doc.set_layer("dates", mentions)
        doc.set_layer("unresolved_dates", sorted(unresolved, key=lambda m: m.start))
