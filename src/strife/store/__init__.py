"""The event store: documents, the events they report (merged across reports), the links
between them, every revision, and the runs that made them; SQLite or PostgreSQL.

    store = open_store("sqlite:///strife.db")
    summary = ingest(store, read_inputs(["reports/"]))
"""

from strife.store.database import Store, StoreError, data_dir, default_url, open_store
from strife.store.ingest import IngestSummary, ingest

__all__ = ["IngestSummary", "Store", "StoreError", "data_dir", "default_url", "ingest", "open_store"]
