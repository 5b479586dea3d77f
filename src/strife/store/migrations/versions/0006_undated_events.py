"""Undated events: `event_date` and `date_end` may be null, for an event whose report gives no
publication date and dates it only relative to one ("on Tuesday"); strife no longer resolves
such a day against the clock.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.alter_column("event_date", existing_type=sa.Date(), nullable=True)
        batch.alter_column("date_end", existing_type=sa.Date(), nullable=True)


def downgrade() -> None:
    # Undated events have no day to keep: they go, rather than take one from the clock.
    op.execute("DELETE FROM events WHERE event_date IS NULL OR date_end IS NULL")
    with op.batch_alter_table("events") as batch:
        batch.alter_column("date_end", existing_type=sa.Date(), nullable=False)
        batch.alter_column("event_date", existing_type=sa.Date(), nullable=False)
