from __future__ import annotations

from typing import TextIO

from strife.event import Event


class EventWriter:
    """Streams events to a text stream; `close` writes any footer (the stream stays open)."""

    format: str = ""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.written = 0
        # Events the format cannot hold (GeoJSON: no coordinates), counted for the run summary.
        self.left_out = 0
        self.left_out_reason = ""

    def write(self, event: Event) -> None:
        self._write(event)
        self.written += 1

    def _write(self, event: Event) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.stream.flush()
