"""Export: stored events, filtered, through the same writers `strife extract` uses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Select, func, or_, select

from strife.event import Event
from strife.store.database import Store
from strife.store.schema import EventRow
from strife.writers import EventWriter

# Rows fetched at a time: an export of any size streams in flat memory.
BATCH = 500


BACKGROUND_CHOICES = ("exclude", "include", "only")


@dataclass
class EventFilter:
    """Which events to export. Each list matches any of its values; values are compared
    without regard to case. A country is a name or an ISO 3166 alpha-3 code; a type is an
    event type or a sub-event type. Without `review_states`, every event a reviewer has not
    rejected, and only current events (`background`)."""

    since: dt.date | None = None
    until: dt.date | None = None
    countries: Sequence[str] = field(default_factory=list)
    admin1: Sequence[str] = field(default_factory=list)
    types: Sequence[str] = field(default_factory=list)
    review_states: Sequence[str] = field(default_factory=list)
    # Past incidents recalled for context (`background`): "exclude" (the default: current
    # events only, as in every tally and map), "include", or "only".
    background: str = "exclude"
    # False words the review-state test so that its index cannot serve it: a page of the states
    # most events are in is read faster in its sort order (`strife.server.queries.page`).
    review_index: bool = True

    def conditions(self) -> list[ColumnElement[bool]]:
        conditions: list[ColumnElement[bool]] = []
        if self.review_states:
            state = EventRow.review_state if self.review_index else EventRow.review_state + ""
            conditions.append(state.in_([value.lower() for value in self.review_states]))
        else:  # a rejected event is not an event, unless someone asks for those
            conditions.append(EventRow.review_state != "rejected")
        if self.background not in BACKGROUND_CHOICES:
            raise UnknownFilterValue(
                f"background is one of {', '.join(BACKGROUND_CHOICES)}, not {self.background!r}"
            )
        if self.background == "exclude":
            conditions.append(EventRow.background.is_(False))
        elif self.background == "only":
            conditions.append(EventRow.background.is_(True))
        # An event is in the period when its first day is: ACLED's convention for event_date.
        if self.since is not None:
            conditions.append(EventRow.event_date >= self.since)
        if self.until is not None:
            conditions.append(EventRow.event_date <= self.until)
        if self.countries:
            conditions.append(
                or_(*(_country(value) for value in self.countries))  # codes and names may be mixed
            )
        if self.admin1:
            conditions.append(func.lower(EventRow.admin1).in_([value.lower() for value in self.admin1]))
        if self.types:
            lowered = [value.lower() for value in self.types]
            conditions.append(
                or_(
                    func.lower(EventRow.event_type).in_(lowered),
                    func.lower(EventRow.sub_event_type).in_(lowered),
                )
            )
        return conditions


class UnknownFilterValue(ValueError):
    """A filter value that names no country or no event type: it would match nothing, silently."""


def _known_countries() -> dict[str, str]:
    """Every spelling of a country strife accepts, lower-cased, to the name to show."""
    import pycountry

    known: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (
            country.name,
            getattr(country, "common_name", None),
            getattr(country, "official_name", None),
        ):
            if name:
                known[name.lower()] = name
        known[country.alpha_3.lower()] = country.alpha_3
    return known


def _unknown(what: str, value: str, known: dict[str, str], cutoff: float) -> str:
    """The value and its close matches: "no country 'Pakistn' (did you mean 'Pakistan'?)"."""
    from difflib import get_close_matches

    close = get_close_matches(value.lower(), list(known), n=3, cutoff=cutoff)
    hint = f" (did you mean {', '.join(repr(known[c]) for c in close)}?)" if close else ""
    return f"no {what} {value!r}{hint}"


def check_filter_values(filters: EventFilter, stored_countries: Iterable[str] = ()) -> None:
    """Raise `UnknownFilterValue`, with the close matches, for a country or a type that exists
    nowhere (`stored_countries`: the names the store itself uses, which also count as known)."""
    from strife.taxonomy import EVENT_TYPES, SUB_EVENT_TYPES

    problems = []
    if filters.countries:
        known = _known_countries() | {name.lower(): name for name in stored_countries if name}
        problems += [
            _unknown("country", value, known, 0.6)
            for value in filters.countries
            if value.lower() not in known
        ]
    types = {name.lower(): name for name in (*EVENT_TYPES, *SUB_EVENT_TYPES)}
    problems += [
        _unknown("event type or sub-event type", value, types, 0.5)
        for value in filters.types
        if value.lower() not in types
    ]
    if problems:
        raise UnknownFilterValue("; ".join(problems))


def _country(value: str) -> ColumnElement[bool]:
    if len(value) == 3 and value.isalpha():
        return or_(EventRow.iso3 == value.upper(), func.lower(EventRow.country) == value.lower())
    return func.lower(EventRow.country) == value.lower()


def count_events(store: Store, filters: EventFilter) -> int:
    with store.reading() as session:
        return session.scalar(select(func.count()).select_from(EventRow).where(*filters.conditions())) or 0


def stored_countries(store: Store) -> list[str]:
    with store.reading() as session:
        return [name for name in session.scalars(select(EventRow.country).distinct()) if name]


def query(filters: EventFilter | None = None) -> Select[tuple[EventRow]]:
    """The stored events that pass `filters`, in the order they were first stored."""
    return select(EventRow).where(*(filters or EventFilter()).conditions()).order_by(EventRow.id)


def stored_events(store: Store, filters: EventFilter | None = None) -> Iterator[Event]:
    with store.reading() as session:
        rows = session.scalars(query(filters).execution_options(yield_per=BATCH))
        for row in rows:
            yield row.event()


def export_events(store: Store, writers: Iterable[EventWriter], filters: EventFilter | None = None) -> int:
    """Write every stored event that passes `filters` to each writer (the writers are left
    open: the caller closes them); return how many events there were."""
    writers = list(writers)
    count = 0
    for event in stored_events(store, filters):
        count += 1
        for writer in writers:
            writer.write(event)
    return count


__all__ = ["EventFilter", "export_events", "query", "stored_events"]
