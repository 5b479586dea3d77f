"""Alembic's environment for the store: always run on a connection strife opened.

`strife.store.database.upgrade` passes its connection, inside a transaction it began and
locked, in `config.attributes["connection"]`; there is no ini file and no offline mode.
"""

from __future__ import annotations

from alembic import context

from strife.store.schema import Base

connection = context.config.attributes.get("connection")
if connection is None or context.is_offline_mode():
    raise RuntimeError("strife's migrations run through strife.store.open_store, on an open connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters tables only by copying them: Alembic's batch mode does that.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
