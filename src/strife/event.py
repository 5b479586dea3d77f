"""The event record: what strife writes, field for field as `shared/spec/event-record.md`."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from strife.calendar_bounds import check_event_day
from strife.taxonomy import EVENT_TYPE_OF, EventType, SubEventType, interaction_code

DateBasis = Literal["explicit", "relative-to-published", "dateline", "published-fallback", "unresolved"]
ClaimStatus = Literal["claimed", "unclaimed", "attributed", "denied", "unknown"]


class Evidence(BaseModel):
    """The character span of the document behind one field."""

    model_config = ConfigDict(extra="forbid")

    field: str
    text: str
    start: int
    end: int


class Event(BaseModel):
    """One incident: one day (or short span), one place, the same actors (ACLED's unit)."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    event_id: str
    doc_id: str
    doc_ids: list[str] = Field(default_factory=list, description="every report of this event")
    # Null only with date_basis "unresolved": a report with no publication date that dates the
    # incident relative to it ("on Tuesday"). strife never resolves a date against the clock.
    event_date: dt.date | None
    date_end: dt.date | None
    time_precision: Literal[1, 2, 3] | None = 1
    date_basis: DateBasis = "published-fallback"
    event_type: EventType
    sub_event_type: SubEventType
    actor1: str | None = None
    actor2: str | None = None
    assoc_actor_1: str | None = None
    assoc_actor_2: str | None = None
    inter1: int = Field(0, ge=0, le=8)
    inter2: int = Field(0, ge=0, le=8)
    interaction: int = 0
    country: str | None = None
    iso3: str | None = Field(None, min_length=3, max_length=3)
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    location: str | None = None
    latitude: float | None = Field(None, ge=-90, le=90)
    longitude: float | None = Field(None, ge=-180, le=180)
    geo_precision: Literal[1, 2, 3] | None = None
    geonameid: int | None = None
    fatalities: int = Field(0, ge=0)
    fatalities_low: int = Field(0, ge=0)
    fatalities_high: int = Field(0, ge=0)
    deaths_actor1: int | None = Field(None, ge=0)
    deaths_actor2: int | None = Field(None, ge=0)
    deaths_civilians: int | None = Field(None, ge=0)
    deaths_unknown: int | None = Field(None, ge=0)
    fatalities_imputed: bool = False
    injured: int | None = Field(None, ge=0)
    claim_status: ClaimStatus = "unknown"
    claimed_by: str | None = None
    reported_by: list[str] = Field(default_factory=list)
    source: str | None = None
    source_url: str | None = None
    background: bool = False
    notes: str = ""
    evidence: list[Evidence] = Field(default_factory=list)
    confidence: float = Field(0.5, ge=0, le=1)

    @model_validator(mode="before")
    @classmethod
    def _toll_range_defaults(cls, data: Any) -> Any:
        """A toll given without its range is its own range (one report, one figure)."""
        if isinstance(data, dict) and data.get("fatalities") is not None:
            missing = [k for k in ("fatalities_low", "fatalities_high") if data.get(k) is None]
            if missing:
                data = {**data, **dict.fromkeys(missing, data["fatalities"])}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> Event:
        if EVENT_TYPE_OF[self.sub_event_type] != self.event_type:
            raise ValueError(f"sub_event_type {self.sub_event_type!r} is not a kind of {self.event_type!r}")
        if (self.event_date is None) != (self.date_end is None):
            raise ValueError("event_date and date_end are both known or both unresolved")
        if self.event_date is None:
            if self.date_basis != "unresolved":
                raise ValueError('an event without a date has date_basis "unresolved"')
            self.time_precision = None
        else:
            assert self.date_end is not None
            if self.date_end < self.event_date:
                raise ValueError("date_end is before event_date")
            check_event_day(self.event_date, "event_date")
            check_event_day(self.date_end, "date_end")
        # The toll and its parts tell one story: a dataset whose total is smaller than its own
        # split, or outside its own range, contradicts itself on every chart.
        if not self.fatalities_low <= self.fatalities <= self.fatalities_high:
            raise ValueError(
                f"fatalities {self.fatalities} is outside its range "
                f"{self.fatalities_low}-{self.fatalities_high} (fatalities_low <= fatalities <= fatalities_high)"
            )
        split = sum(
            d or 0
            for d in (self.deaths_actor1, self.deaths_actor2, self.deaths_civilians, self.deaths_unknown)
        )
        if split > self.fatalities:
            raise ValueError(f"the deaths by party add up to {split}, more than fatalities {self.fatalities}")
        if not self.doc_ids:
            self.doc_ids = [self.doc_id]
        if not self.interaction and self.inter1:
            self.interaction = interaction_code(self.inter1, self.inter2)
        return self


def make_event_id(doc_id: str, *parts: object) -> str:
    """Stable: the same document and the same incident give the same id, run after run."""
    key = "\x1f".join([doc_id, *map(str, parts)])
    return "ev:" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


# The spec's columns, in its order: what `csv` writes and `to_frame` returns.
EVENT_COLUMNS: tuple[str, ...] = tuple(Event.model_fields)
