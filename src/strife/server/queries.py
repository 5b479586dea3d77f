"""The API's queries over the store, as SQLAlchemy expressions (never SQL built from strings):
the filters `/events` and `/stats` share, keyset (cursor) pagination, and the groupings."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Date, and_, cast, func, or_, select
from sqlalchemy.orm import Session

from strife.store.database import MAX_INTEGER, MIN_INTEGER
from strife.store.export import EventFilter, UnknownFilterValue
from strife.store.schema import REVIEW_STATES, EventRow

SORTS = ("event_date", "-event_date", "fatalities", "-fatalities")
GROUPINGS = ("week", "month", "admin1", "type", "actor")


class QueryError(ValueError):
    """A request the query cannot answer (a malformed bbox, a cursor of another sort)."""


def _field(name: str) -> ColumnElement[str]:
    """A text field of the event record (kept whole as JSON): `record ->> name`."""
    return EventRow.record[name].as_string()


def _lower_in(column: Any, values: list[str]) -> ColumnElement[bool]:
    return func.lower(column).in_([value.lower() for value in values])


def _contains(column: Any, text: str) -> ColumnElement[bool]:
    return func.lower(column).contains(text.lower(), autoescape=True)


@dataclass
class EventQuery:
    """The filters of `/events` and `/stats`. Lists match any of their values, without regard
    to case; `actor` and `q` are substrings (q: of the notes, the location or either actor).
    `review_state` values may also be comma-separated; without one, rejected events are left out."""

    since: dt.date | None = None
    until: dt.date | None = None
    country: list[str] = field(default_factory=list)
    admin1: list[str] = field(default_factory=list)
    admin2: list[str] = field(default_factory=list)
    event_type: list[str] = field(default_factory=list)
    sub_event_type: list[str] = field(default_factory=list)
    actor: str | None = None
    min_fatalities: int | None = None
    bbox: str | None = None
    q: str | None = None
    review_state: list[str] = field(default_factory=list)
    # Past incidents recalled for context: left out unless asked for ("include", "only").
    background: str = "exclude"

    def review_states(self) -> list[str]:
        states = [part.strip().lower() for value in self.review_state for part in value.split(",")]
        states = list(dict.fromkeys(state for state in states if state))  # each once
        unknown = sorted(set(states) - set(REVIEW_STATES))
        if unknown:
            raise QueryError(f"review_state is one of {', '.join(REVIEW_STATES)}, not {', '.join(unknown)}")
        return states

    def conditions(self, bbox_index: bool = True, review_index: bool = True) -> list[ColumnElement[bool]]:
        """The filters as SQL conditions. `bbox_index=False` words the box so that no index on
        the coordinates can serve it, and `review_index=False` the review states (see `page`)."""
        # The filters `strife export` has too, as it applies them; then the API's own.
        shared = EventFilter(
            since=self.since,
            until=self.until,
            countries=self.country,
            admin1=self.admin1,
            review_states=self.review_states(),
            review_index=review_index,
            background=self.background,
        )
        try:
            conditions = shared.conditions()
        except UnknownFilterValue as err:
            raise QueryError(str(err)) from None
        if self.admin2:
            conditions.append(_lower_in(EventRow.admin2, self.admin2))
        if self.event_type:
            conditions.append(_lower_in(EventRow.event_type, self.event_type))
        if self.sub_event_type:
            conditions.append(_lower_in(EventRow.sub_event_type, self.sub_event_type))
        if self.actor:
            conditions.append(
                or_(_contains(_field("actor1"), self.actor), _contains(_field("actor2"), self.actor))
            )
        if self.min_fatalities is not None:
            conditions.append(EventRow.fatalities >= self.min_fatalities)
        if self.bbox:
            min_lon, min_lat, max_lon, max_lat = parse_bbox(self.bbox)
            longitude, latitude = EventRow.longitude, EventRow.latitude
            if not bbox_index:
                longitude, latitude = longitude + 0.0, latitude + 0.0
            conditions.append(longitude.between(min_lon, max_lon))
            conditions.append(latitude.between(min_lat, max_lat))
        if self.q:
            fields = ("notes", "location", "actor1", "actor2")
            conditions.append(or_(*(_contains(_field(name), self.q) for name in fields)))
        return conditions


def parse_bbox(value: str) -> tuple[float, float, float, float]:
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        numbers = []
    if len(numbers) != 4:
        raise QueryError("bbox is minlon,minlat,maxlon,maxlat: four numbers")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise QueryError("bbox is minlon,minlat,maxlon,maxlat with min <= max, within -180..180 and -90..90")
    return min_lon, min_lat, max_lon, max_lat


# Cursors ---------------------------------------------------------------------------------------


def encode_cursor(sort: str, key: Any, row_id: int) -> str:
    payload = orjson.dumps(
        {"s": sort, "k": key.isoformat() if isinstance(key, dt.date) else key, "i": row_id}
    )
    return base64.urlsafe_b64encode(payload).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, int]:
    """The sort key and row id a cursor continues after; `QueryError` if it is not one of ours
    or was made for another sort order."""
    try:
        data = orjson.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        key, row_id = data["k"], int(data["i"])
        if data["s"] != sort:
            raise QueryError(f"this cursor belongs to sort={data['s']}, not sort={sort}")
        if sort.lstrip("-") == "event_date":
            key = None if key is None else dt.date.fromisoformat(key)  # None: among the undated
        else:
            key = int(key)
        # Numbers past the store's integer columns: SQLite cannot bind them (OverflowError) and
        # PostgreSQL refuses them ("integer out of range"). No cursor of ours holds one.
        if not all(
            MIN_INTEGER <= number <= MAX_INTEGER for number in (row_id, key) if isinstance(number, int)
        ):
            raise ValueError("out of range")
    except QueryError:
        raise
    except (binascii.Error, orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        raise QueryError("not a valid cursor") from None
    return key, row_id


def page(
    session: Session, query: EventQuery, sort: str, limit: int, cursor: str | None = None
) -> tuple[list[EventRow], str | None]:
    """One page of events in `sort` order (ties by row id, in the same direction), after
    `cursor`; and the cursor of the next page (None on the last)."""
    if sort not in SORTS:
        raise QueryError(f"sort is one of {', '.join(SORTS)}")
    descending = sort.startswith("-")
    column = getattr(EventRow, sort.lstrip("-"))
    # PostgreSQL plans from the statistics autovacuum keeps; SQLite has none unless ANALYZE ran,
    # and is told which index not to take (and the wording that hides an index from SQLite made
    # PostgreSQL misjudge the rows, so it gets the plain filters).
    guess = session.get_bind().dialect.name == "sqlite"
    bbox_index = not (guess and query.bbox) or _narrow_box(session, query.bbox)
    states = query.review_states()
    review_index = not (guess and states) or _few_in_states(session, states)
    statement = select(EventRow).where(*query.conditions(bbox_index=bbox_index, review_index=review_index))
    key, row_id = decode_cursor(cursor, sort) if cursor else (None, None)
    by_id = EventRow.id.desc() if descending else EventRow.id.asc()
    rows: list[EventRow] = []
    # Events without a date (a report with no publication date) come after every dated one, in
    # either order, by row id: a null has no place in the date's order, and the databases put
    # it first or last as they please.
    if not (cursor and key is None and sort.lstrip("-") == "event_date"):
        dated = statement.where(column.is_not(None))
        if cursor:
            # The bound on the key alone lets the planner read the sort index as one range from
            # the cursor on; the OR by itself made SQLite search both arms and sort what they found.
            if descending:
                dated = dated.where(and_(column <= key, or_(column < key, EventRow.id < row_id)))
            else:
                dated = dated.where(and_(column >= key, or_(column > key, EventRow.id > row_id)))
        order = column.desc() if descending else column.asc()
        rows = list(session.scalars(dated.order_by(order, by_id).limit(limit + 1)))
    if len(rows) <= limit and sort.lstrip("-") == "event_date":
        undated = statement.where(column.is_(None))
        if cursor and key is None:
            undated = undated.where(EventRow.id < row_id if descending else EventRow.id > row_id)
        rows += session.scalars(undated.order_by(by_id).limit(limit + 1 - len(rows)))
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    last = rows[-1]
    return rows, encode_cursor(sort, getattr(last, sort.lstrip("-")), last.id)


# A box holding more events than this is read in sort order, its coordinates tested row by
# row; a smaller one through the coordinate index. Planners without statistics (SQLite, unless
# ANALYZE ran) take the coordinate index for any box, and for a map's view of a country that
# meant reading and sorting half the store to return the first hundred.
NARROW_BOX_EVENTS = 2000


def _narrow_box(session: Session, bbox: str) -> bool:
    min_lon, min_lat, max_lon, max_lat = parse_bbox(bbox)
    return _few(
        session, EventRow.latitude.between(min_lat, max_lat), EventRow.longitude.between(min_lon, max_lon)
    )


def _few_in_states(session: Session, states: list[str]) -> bool:
    """Whether few events are in these review states (rejected, accepted: a reviewer's share), to
    be found through the state's index; most are unreviewed, and those are read in sort order."""
    return _few(session, EventRow.review_state.in_(states))


def _few(session: Session, *conditions: ColumnElement[bool]) -> bool:
    """Whether fewer than NARROW_BOX_EVENTS events meet the conditions (counting stops there)."""
    inside = select(EventRow.id).where(*conditions).limit(NARROW_BOX_EVENTS).subquery()
    return (session.scalar(select(func.count()).select_from(inside)) or 0) < NARROW_BOX_EVENTS


# Statistics ------------------------------------------------------------------------------------


def _period(by: str, backend: str) -> ColumnElement[Any]:
    """The week (its Monday) or the month (YYYY-MM) of an event's first day."""
    if backend == "postgresql":
        if by == "week":
            return cast(func.date_trunc("week", EventRow.event_date), Date)
        return func.to_char(EventRow.event_date, "YYYY-MM")
    if by == "week":  # the next Sunday (or the day itself), less six days: the Monday
        return func.date(EventRow.event_date, "weekday 0", "-6 days")
    return func.strftime("%Y-%m", EventRow.event_date)


def stats(session: Session, query: EventQuery, by: str, backend: str) -> list[dict[str, Any]]:
    """Events and their fatalities per group: per week or month (in time order), per admin1
    (with its country), per event type, or per actor (an event counts for each of its actors)."""
    if by not in GROUPINGS:
        raise QueryError(f"by is one of {', '.join(GROUPINGS)}")
    conditions = query.conditions()
    count, deaths = func.count(EventRow.id), func.coalesce(func.sum(EventRow.fatalities), 0)
    if by == "actor":
        totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        rows = session.execute(
            select(_field("actor1"), _field("actor2"), EventRow.fatalities).where(*conditions)
        )
        for actor1, actor2, fatalities in rows:
            for actor in {actor1, actor2} - {None, ""}:
                totals[actor][0] += 1
                totals[actor][1] += fatalities or 0
        groups = [{"actor": actor, "events": n, "fatalities": f} for actor, (n, f) in totals.items()]
        return sorted(groups, key=lambda g: (-g["events"], g["actor"]))
    if by in ("week", "month"):
        period = _period(by, backend).label("period")
        rows = list(
            session.execute(
                select(period, count, deaths).where(*conditions).group_by(period).order_by(period)
            )
        )
        groups = [
            {by: str(key)[:10], "events": n, "fatalities": int(f)} for key, n, f in rows if key is not None
        ]
        # Undated events (no publication date to date them by) are a group of their own, last.
        groups += [{by: None, "events": n, "fatalities": int(f)} for key, n, f in rows if key is None]
        return groups
    if by == "admin1":
        columns = (EventRow.country, EventRow.admin1)
        rows = session.execute(select(*columns, count, deaths).where(*conditions).group_by(*columns))
        groups = [{"country": c, "admin1": a, "events": n, "fatalities": int(f)} for c, a, n, f in rows]
        return sorted(groups, key=lambda g: (-g["events"], g["country"] or "", g["admin1"] or ""))
    rows = session.execute(
        select(EventRow.event_type, count, deaths).where(*conditions).group_by(EventRow.event_type)
    )
    groups = [{"event_type": t, "events": n, "fatalities": int(f)} for t, n, f in rows]
    return sorted(groups, key=lambda g: (-g["events"], g["event_type"]))


__all__ = [
    "GROUPINGS",
    "SORTS",
    "EventQuery",
    "QueryError",
    "decode_cursor",
    "encode_cursor",
    "page",
    "stats",
]
