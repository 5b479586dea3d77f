"""The merge candidate query filters on the province and the district in its index: the
candidate index holds iso3, event_date, admin1, admin2 and date_end, so events of other
provinces and districts (never one incident, `merging.place_relation`) are passed over without
reading their records.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_events_match", "events", ["iso3", "event_date", "admin1", "admin2", "date_end"])
    op.drop_index("ix_events_iso3_event_date", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_iso3_event_date", "events", ["iso3", "event_date"])
    op.drop_index("ix_events_match", table_name="events")
