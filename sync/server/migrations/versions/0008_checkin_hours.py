"""志愿时长: an activity's hour rules and confirmation, a correction's hours.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

Frozen once shipped: a later change to `sync.server.tables` gets a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    defaults = (("hours_min_stay", "30"), ("hours_step", "30"), ("hours_daily_cap", "480"))
    for name, default in defaults:
        op.add_column(
            "activities", sa.Column(name, sa.Integer(), nullable=False, server_default=default)
        )
    op.add_column("activities", sa.Column("hours_confirmed_at", sa.DateTime(), nullable=True))
    op.add_column(
        "activities",
        sa.Column("hours_confirmed_by", sa.Text(), nullable=False, server_default=""),
    )
    op.add_column("checkin_events", sa.Column("hours", sa.Float(), nullable=True))


def downgrade() -> None:
    op.drop_column("checkin_events", "hours")
    for name in (
        "hours_confirmed_by",
        "hours_confirmed_at",
        "hours_daily_cap",
        "hours_step",
        "hours_min_stay",
    ):
        op.drop_column("activities", name)
