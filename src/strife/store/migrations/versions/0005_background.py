"""Background: an indexed copy of the record's `background`, so that exports, `/events`, `/stats`
and the dashboard can leave past incidents recalled for context out of current tallies.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("background", sa.Boolean(), nullable=False, server_default=sa.false()))
    # The events stored so far say in their record whether they are background; copy it, in
    # Python, the one way that reads a JSON column alike on SQLite and PostgreSQL.
    events = sa.table("events", sa.column("id", sa.Integer), sa.column("record", sa.JSON),
                      sa.column("background", sa.Boolean))  # fmt: skip
    connection = op.get_bind()
    past = []
    for row_id, record in connection.execute(sa.select(events.c.id, events.c.record)):
        if isinstance(record, str):
            record = json.loads(record)
        if (record or {}).get("background"):
            past.append(row_id)
    for start in range(0, len(past), 500):
        connection.execute(
            events.update().where(events.c.id.in_(past[start : start + 500])).values(background=True)
        )


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_column("background")
