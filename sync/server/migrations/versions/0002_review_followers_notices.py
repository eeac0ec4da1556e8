"""报名审核, 粉丝 and notices: youths' ID numbers and guardian consent, registration sources,
follower tags, registration history, notices and their deliveries, account permissions, youth
tokens for the public API, and youths' operations in the log of applied operations.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25

Frozen once shipped: a later change to `sync.server.tables` gets a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
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
    # New fields of existing records; existing rows take the records' defaults.
    op.add_column("youths", sa.Column("id_number", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "youths",
        sa.Column(
            "guardian_consent", sa.String(length=32), nullable=False, server_default="unknown"
        ),
    )
    op.add_column(
        "registrations",
        sa.Column("source", sa.String(length=32), nullable=False, server_default="online"),
    )
    op.add_column("followers", sa.Column("tags", sa.Text(), nullable=False, server_default=""))
    op.add_column(
        "accounts", sa.Column("permissions", sa.Text(), nullable=False, server_default="[]")
    )

    _replicated(
        "registration_events",
        sa.Column("id", ID, nullable=False),
        sa.Column("registration_id", ID, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=True),
        sa.Column("actor", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(
            sa.PrimaryKeyConstraint("id", name="pk_registration_events"),
            _fk("registration_events", "registration_id", "registrations"),
        ),
    )
    op.create_index(
        "ix_registration_events_registration_id", "registration_events", ["registration_id"]
    )

    _replicated(
        "notices",
        sa.Column("id", ID, nullable=False),
        sa.Column("org_id", ID, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("recipient_count", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("created_by", sa.Text(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(
            sa.PrimaryKeyConstraint("id", name="pk_notices"),
            _fk("notices", "org_id", "organizations"),
        ),
    )
    op.create_index("ix_notices_org_id", "notices", ["org_id"])

    op.create_table(
        "notice_deliveries",
        sa.Column("notice_id", ID, nullable=False),
        sa.Column("youth_id", ID, nullable=False),
        sa.Column("delivered_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("notice_id", "youth_id", name="pk_notice_deliveries"),
        _fk("notice_deliveries", "notice_id", "notices"),
        _fk("notice_deliveries", "youth_id", "youths"),
    )
    op.create_index("ix_notice_deliveries_youth_id", "notice_deliveries", ["youth_id"])

    op.create_table(
        "youth_tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("youth_id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name="pk_youth_tokens"),
        _fk("youth_tokens", "youth_id", "youths"),
    )
    op.create_index("ix_youth_tokens_youth_id", "youth_tokens", ["youth_id"])

    # A youth's operation has no account: SQLite cannot relax NOT NULL in place, so the batch
    # copies the table there (PostgreSQL alters it in place).
    with op.batch_alter_table("applied_ops") as batch:
        batch.alter_column("account_id", existing_type=ID, nullable=True)
        batch.add_column(sa.Column("youth_id", ID, nullable=True))
        batch.create_foreign_key("fk_applied_ops_youth_id_youths", "youths", ["youth_id"], ["id"])
        batch.create_index("ix_applied_ops_youth_id", ["youth_id"])


def downgrade() -> None:
    with op.batch_alter_table("applied_ops") as batch:
        batch.drop_index("ix_applied_ops_youth_id")
        batch.drop_constraint("fk_applied_ops_youth_id_youths", type_="foreignkey")
        batch.drop_column("youth_id")
        batch.alter_column("account_id", existing_type=ID, nullable=False)
    for table in ("youth_tokens", "notice_deliveries", "notices", "registration_events"):
        op.drop_table(table)
    op.drop_column("accounts", "permissions")
    op.drop_column("followers", "tags")
    op.drop_column("registrations", "source")
    op.drop_column("youths", "guardian_consent")
    op.drop_column("youths", "id_number")
