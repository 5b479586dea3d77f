"""The Python API, for notebooks: the same core as the command line."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from strife.document import Document, coerce_published
from strife.event import EVENT_COLUMNS, Event
from strife.pipeline import Pipeline, default_pipeline
from strife.readers.errors import Skipped
from strife.readers.records import record_to_document
from strife.runner import apply_published_option, process

if TYPE_CHECKING:
    import pandas

log = logging.getLogger("strife")

DocumentLike = str | Document | Mapping[str, Any]


@lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return default_pipeline()


def to_document(item: DocumentLike, origin: str = "<api>") -> Document | Skipped:
    """A text, a mapping with the spec's input keys, or a `Document`."""
    if isinstance(item, Document):
        return item
    if isinstance(item, str):
        return record_to_document({"text": item}, origin)
    if isinstance(item, Mapping):
        return record_to_document(dict(item), origin)
    raise TypeError(f"cannot make a document of a {type(item).__name__}")


def extract(text_or_document: DocumentLike, published: str | dt.date | None = None) -> list[Event]:
    """The events of one report."""
    doc = to_document(text_or_document)
    if isinstance(doc, Skipped):
        raise ValueError(f"{doc.origin}: {doc.reason}")
    return _pipeline()(apply_published_option(doc, coerce_published(published)))


def extract_many(
    documents: Iterable[DocumentLike], jobs: int = 1, published: str | dt.date | None = None
) -> Iterator[Event]:
    """The events of many reports, in input order; a bad document is logged and passed over."""
    items = (to_document(item, f"<item {n}>") for n, item in enumerate(documents, start=1))
    for outcome in process(items, jobs=jobs, published=coerce_published(published)):
        if outcome.skipped:
            log.warning("skipped %s: %s", outcome.origin, outcome.skipped)
        yield from outcome.events


def to_frame(events: Iterable[Event]) -> pandas.DataFrame:
    """A pandas DataFrame with the spec's columns, one row per event."""
    try:
        import pandas
    except ImportError as err:
        raise ImportError("to_frame needs pandas: pip install 'strife[pandas]'") from err
    rows = [event.model_dump() for event in events]
    frame = pandas.DataFrame(rows, columns=list(EVENT_COLUMNS))
    for column in ("event_date", "date_end"):
        frame[column] = pandas.to_datetime(frame[column])
    return frame
