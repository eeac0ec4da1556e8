"""One-time codes sent by SMS to a youth's phone before the public API gives them a token.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

Frozen once shipped: a later change to `sync.server.tables` gets a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "youth_codes",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("phone_key", sa.String(length=64), nullable=False),
        sa.Column("address_key", sa.String(length=64), nullable=False),
        sa.Column("salt", sa.String(length=32), nullable=False),
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_youth_codes"),
    )
    op.create_index(
        "ix_youth_codes_phone_key_created_at", "youth_codes", ["phone_key", "created_at"]
    )
    op.create_index(
        "ix_youth_codes_address_key_created_at", "youth_codes", ["address_key", "created_at"]
    )
    op.create_index("ix_youth_codes_created_at", "youth_codes", ["created_at"])


def downgrade() -> None:
    op.drop_table("youth_codes")
