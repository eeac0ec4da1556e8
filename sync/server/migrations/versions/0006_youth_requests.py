"""诉求: youth requests and their history of steps and replies.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

Frozen once shipped: a later change to `sync.server.tables` gets a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

ID = sa.String(length=64)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def _replicated(name: str, *columns: sa.Column, constraints: tuple = ()) -> None:
    """A record table: its fields, then seq, deleted and scope_path, indexed for pulls."""
    op.create_table(
        name,
        *columns,
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("scope_path", sa.String(length=512), nullable=False),
        *constraints,
    )
    op.create_index(f"ix_{name}_seq", name, ["seq"])
    op.create_index(
        f"ix_{name}_scope_path",
        name,
        ["scope_path"],
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )


def upgrade() -> None:
    _replicated(
        "requests",
        sa.Column("id", ID, nullable=False),
        sa.Column("org_id", ID, nullable=False),
        sa.Column("youth_id", ID, nullable=False),
        sa.Column("category_guess", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("contact", sa.String(length=32), nullable=False),
        sa.Column("state", sa.String(length=32), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(), nullable=True),
        sa.Column("replied_at", sa.DateTime(), nullable=True),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(
            sa.PrimaryKeyConstraint("id", name="pk_requests"),
            _fk("requests", "org_id", "organizations"),
            _fk("requests", "youth_id", "youths"),
        ),
    )
    op.create_index("ix_requests_org_id", "requests", ["org_id"])
    op.create_index("ix_requests_youth_id", "requests", ["youth_id"])
    op.create_index("ix_requests_category", "requests", ["category"])
    op.create_index(
        "ix_requests_state_submitted_at_id", "requests", ["state", "submitted_at", "id"]
    )
    op.create_index(
        "ix_requests_submitted_at_id_state", "requests", ["submitted_at", "id", "state"]
    )

    _replicated(
        "request_events",
        sa.Column("id", ID, nullable=False),
        sa.Column("request_id", ID, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(
            sa.PrimaryKeyConstraint("id", name="pk_request_events"),
            _fk("request_events", "request_id", "requests"),
        ),
    )
    op.create_index("ix_request_events_request_id", "request_events", ["request_id"])


def downgrade() -> None:
    op.drop_table("request_events")
    op.drop_table("requests")
