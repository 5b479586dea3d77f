"""The event store: documents, the events they report (merged across reports), the links
between them, every revision, and the runs that made them; SQLite or PostgreSQL.

    store = open_store("sqlite:///strife.db")
    summary = ingest(store, read_inputs(["reports/"]))
    for event in stored_events(store, EventFilter(countries=["PAK"])):
        ...
    review.edit(store, "ev:610f034c81f70877", {"fatalities": 12}, user="alice")  # strife.store.review
"""

from strife.store import review
from strife.store.database import Store, StoreError, data_dir, default_url, open_store
from strife.store.export import EventFilter, export_events, stored_events
from strife.store.history import EventMerged, EventNotFound, describe_event
from strife.store.ingest import IngestSummary, ingest
from strife.store.recluster import ReclusterResult, recluster
from strife.store.review import InvalidEdit, ReviewConflict, ReviewError
from strife.store.split import SplitError, SplitResult, split_event

__all__ = [
    "EventFilter",
    "EventMerged",
    "EventNotFound",
    "IngestSummary",
    "InvalidEdit",
    "ReclusterResult",
    "ReviewConflict",
    "ReviewError",
    "SplitError",
    "SplitResult",
    "Store",
    "StoreError",
    "data_dir",
    "default_url",
    "describe_event",
    "export_events",
    "ingest",
    "open_store",
    "recluster",
    "review",
    "split_event",
    "stored_events",
]
