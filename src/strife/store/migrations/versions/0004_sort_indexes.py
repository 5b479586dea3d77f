"""The sort orders' indexes take their tie-break: (event_date, id) and (fatalities, id) replace
the single-column indexes, so a page of `/events` by date or by toll is one index range even
where thousands of events share a day or a toll.

Revision ID: 0004
Revises: 0003
Create Date: 2025-12-15
"""

from __future__ import annotations

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    op.create_index("ix_events_event_date_id", "events", ["event_date", "id"])
    op.create_index("ix_events_fatalities_id", "events", ["fatalities", "id"])
    op.drop_index("ix_events_event_date", table_name="events")
    op.drop_index("ix_events_fatalities", table_name="events")


def downgrade() -> None:
    op.create_index("ix_events_event_date", "events", ["event_date"])
    op.create_index("ix_events_fatalities", "events", ["fatalities"])
    op.drop_index("ix_events_fatalities_id", table_name="events")
    op.drop_index("ix_events_event_date_id", table_name="events")
