"""Review: an event's review state, the fields a person set, who reviewed it and when; a
revision's other event (of a merge or a split) and the reviewer's note.

Revision ID: 0003
Revises: 0002
Create Date: 2025-12-08
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

# Frozen here rather than imported from the models: a migration must mean the same forever.
JSON = sa.JSON(none_as_null=True).with_variant(postgresql.JSONB(none_as_null=True), "postgresql")


def upgrade() -> None:
    # Server defaults fill the rows already stored: every event so far is unreviewed.
    with op.batch_alter_table("events") as batch:
        batch.add_column(
            sa.Column("review_state", sa.String(length=16), nullable=False, server_default="unreviewed")
        )
        batch.add_column(sa.Column("locked_fields", JSON, nullable=False, server_default=sa.text("'[]'")))
        batch.add_column(sa.Column("reviewed_by", sa.String(length=128), nullable=True))
        batch.add_column(sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index(op.f("ix_events_review_state"), ["review_state"])
    with op.batch_alter_table("revisions") as batch:
        batch.add_column(sa.Column("other_event_id", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("note", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("revisions") as batch:
        batch.drop_column("note")
        batch.drop_column("other_event_id")
    with op.batch_alter_table("events") as batch:
        batch.drop_index(op.f("ix_events_review_state"))
        batch.drop_column("reviewed_at")
        batch.drop_column("reviewed_by")
        batch.drop_column("locked_fields")
        batch.drop_column("review_state")
