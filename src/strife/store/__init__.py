"""The event store: documents, the events they report (merged across reports), the links
between them, every revision, and the runs that made them; SQLite or PostgreSQL."""

from strife.store.database import Store, StoreError, data_dir, default_url, open_store

__all__ = ["Store", "StoreError", "data_dir", "default_url", "open_store"]
