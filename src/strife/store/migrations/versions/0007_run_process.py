"""Runs name the process that ran them (`host`, `pid`), so that a run whose process was killed
can be told from one still going, and marked `interrupted` when the store is next opened.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | None = None
depends_on: str | None = None


# Plain ALTER TABLE, not a batch copy: documents refer to runs, and SQLite refuses to drop a
# table that rows refer to (both engines add and drop columns in place).
def upgrade() -> None:
    op.add_column("runs", sa.Column("host", sa.String(255), nullable=True))
    op.add_column("runs", sa.Column("pid", sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column("runs", "pid")
    op.drop_column("runs", "host")
