"""Youths searched by phone and ID number: a cadre's walk-in or import is matched on the server
to the youth who holds them (`sync.core.operations.registrations`).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29

Frozen once shipped: a later change to `sync.server.tables` gets a new revision.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_youths_phone", "youths", ["phone"])
    op.create_index("ix_youths_id_number", "youths", ["id_number"])


def downgrade() -> None:
    op.drop_index("ix_youths_id_number", table_name="youths")
    op.drop_index("ix_youths_phone", table_name="youths")
