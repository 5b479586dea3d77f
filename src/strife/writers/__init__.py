"""Writers: event records out, as JSON Lines, flat CSV, ACLED's CSV, or GeoJSON.

Each writer streams: `write` one event at a time, `close` to finish the file. Readers for the
same formats (`read_events`) let tests and users load an export back.
"""

from __future__ import annotations

from typing import TextIO

from strife.writers.base import EventWriter
from strife.writers.formats import (
    FORMATS,
    AcledCsvWriter,
    CsvWriter,
    GeoJsonWriter,
    JsonlWriter,
    format_for_path,
    read_events,
)

WRITERS: dict[str, type[EventWriter]] = {
    "jsonl": JsonlWriter,
    "csv": CsvWriter,
    "acled-csv": AcledCsvWriter,
    "geojson": GeoJsonWriter,
}


def make_writer(fmt: str, stream: TextIO) -> EventWriter:
    try:
        return WRITERS[fmt](stream)
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; choose from {', '.join(FORMATS)}") from None


__all__ = ["FORMATS", "EventWriter", "format_for_path", "make_writer", "read_events"]
