"""签到: the check-in events every laptop appends at an activity's door.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

Frozen once shipped: a later change to `sync.server.tables` gets a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ID = sa.String(length=64)


def upgrade() -> None:
    op.create_table(
        "checkin_events",
        sa.Column("id", ID, nullable=False),
        sa.Column("registration_id", ID, nullable=False),
        sa.Column("activity_id", ID, nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("voids", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("scope_path", sa.String(length=512), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_checkin_events"),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["registrations.id"],
            name="fk_checkin_events_registration_id_registrations",
        ),
        sa.ForeignKeyConstraint(
            ["activity_id"], ["activities.id"], name="fk_checkin_events_activity_id_activities"
        ),
    )
    op.create_index("ix_checkin_events_seq", "checkin_events", ["seq"])
    op.create_index(
        "ix_checkin_events_scope_path",
        "checkin_events",
        ["scope_path"],
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )
    op.create_index("ix_checkin_events_registration_id", "checkin_events", ["registration_id"])
    op.create_index("ix_checkin_events_activity_id_at", "checkin_events", ["activity_id", "at"])


def downgrade() -> None:
    op.drop_table("checkin_events")
