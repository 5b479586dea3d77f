"""The dateline: "01 Feb (GulistanNewsTv):", "ISLAMABAD, Feb 1 (Reuters) -", "PESHAWAR: ".

It gives the place a report was filed from (which is not, by itself, where the event was), the
outlet, and, when nothing better is known, the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from strife.calendar_bounds import publishable
from strife.document import Document, Mention
from strife.stages.calendar import MONTH_PATTERN, month_number, most_recent, safe_date

_PLACE = r"(?P<place>[A-Z][A-Z.'\- ]{1,40}(?:/[A-Z][A-Z.'\- ]{1,40})*)"
_DATE = (
    rf"(?:(?P<day1>\d{{1,2}})\s+(?P<month1>{MONTH_PATTERN})|(?P<month2>{MONTH_PATTERN})\s+(?P<day2>\d{{1,2}}))"
    r"(?:,?\s+(?P<year>\d{4}))?"
)
_AGENCY = r"(?:\s*\((?P<agency>[^)\n]{2,40})\))?"
# "RAIPUR, India," / "Kinshasa," / "GOMA, DR Congo,": a place, and perhaps its country, before a date.
_TITLED_PLACE = r"(?P<place>[A-Z][\w.'\- ]{1,40}?)(?:,\s+[A-Z][\w.'\- ]{1,30}?)?"
DATELINE_PATTERNS = (
    # "ISLAMABAD, Feb 1 (Reuters) -" / "KARACHI, Jan 15, 2025 (APP):"
    re.compile(rf"^\s*{_PLACE},\s+{_DATE}{_AGENCY}\s*[:\-–—]+\s*", re.IGNORECASE),
    # "RAIPUR, India, April 17 (Reuters) -" / "Kinshasa, 16 June 2022 (ACTUALITE.CD) -"
    re.compile(rf"^\s*{_TITLED_PLACE},\s+{_DATE}{_AGENCY}\s*[:\-–—]+\s*", re.IGNORECASE),
    # "01 Feb (GulistanNewsTv):"
    re.compile(rf"^\s*{_DATE}{_AGENCY}\s*[:\-–—]+\s*", re.IGNORECASE),
    # "PESHAWAR: " (all capitals, so that ordinary sentences with a colon do not match)
    re.compile(rf"^\s*{_PLACE}{_AGENCY}\s*:\s*"),
    # "CAIRO (AP) —": an agency in brackets makes a dash enough
    re.compile(rf"^\s*{_PLACE}\s*\((?P<agency>[^)\n]{{2,40}})\)\s*[\-–—]+\s*"),
    # "BEIRUT — ": a place in capitals and a dash set apart by spaces
    re.compile(rf"^\s*{_PLACE}{_AGENCY}\s+[\-–—]+\s+"),
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    date: dt.date | None
    agency: str | None


def parse_dateline(text: str, reference: dt.date | None) -> tuple[Dateline, int, int] | None:
    for pattern in DATELINE_PATTERNS:
        match = pattern.match(text[:200])
        if not match:
            continue
        groups = match.groupdict()
        place = groups.get("place")
        # Only the all-capitals form may stand without a date: "Police said: ..." is no dateline.
        if (
            place is not None
            and not place.strip().isupper()
            and not groups.get("day1")
            and not groups.get("day2")
        ):
            continue
        date = None
        month, day = groups.get("month1") or groups.get("month2"), groups.get("day1") or groups.get("day2")
        if month and day:
            if groups.get("year"):
                date = safe_date(int(groups["year"]), month_number(month), int(day))
            elif reference is not None:
                date = most_recent(month_number(month), int(day), reference)
        place = place.strip().title() if place else None
        return Dateline(place, date, groups.get("agency")), match.start(), match.end()
    return None


class DatelineStage:
    name = "dateline"

    def __call__(self, doc: Document) -> None:
        # With a known publication date, a yearless dateline date cannot be after it.
        reference = doc.anchor_date
        found = parse_dateline(doc.text, reference)
        if found is None:
            doc.set_layer("dateline", [])
            return
        dateline, start, end = found
        doc.set_layer("dateline", [Mention(start, end, "dateline", dateline, 0)])
        doc.annotations.facts["dateline"] = dateline
        if doc.published is None and dateline.date is not None and publishable(dateline.date):
            doc.published = dateline.date
            doc.published_basis = "dateline"
        if doc.source is None and dateline.agency:
            doc.source = dateline.agency.strip()
