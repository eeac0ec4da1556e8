"""考核: targets the level above sets for an organisation and period (a replicated record).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

Frozen once shipped: a later change to `sync.server.tables` gets a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

ID = sa.String(length=64)


def upgrade() -> None:
    op.create_table(
        "assessment_targets",
        sa.Column("id", ID, nullable=False),
        sa.Column("org_id", ID, nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("featured_activities", sa.Integer(), nullable=False),
        sa.Column("participants", sa.Integer(), nullable=False),
        sa.Column("set_by", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("scope_path", sa.String(length=512), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assessment_targets"),
        sa.ForeignKeyConstraint(
            ["org_id"],
            ["organizations.id"],
            name="fk_assessment_targets_org_id_organizations",
        ),
    )
    op.create_index("ix_assessment_targets_org_id", "assessment_targets", ["org_id"])
    op.create_index("ix_assessment_targets_seq", "assessment_targets", ["seq"])
    op.create_index(
        "ix_assessment_targets_scope_path",
        "assessment_targets",
        ["scope_path"],
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )


def downgrade() -> None:
    op.drop_table("assessment_targets")
