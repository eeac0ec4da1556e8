"""The initial server schema: replicated records with seq/deleted/scope_path, the change
counter, accounts, tokens, login failures and applied operations; the default categories.

Revision ID: 0001
Revises:
Create Date: 2026-11-24

Frozen: this is what shipped. A change to `sync.server.tables` gets a new revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(length=64)


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


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    _replicated(
        "categories",
        sa.Column("code", ID, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        constraints=(sa.PrimaryKeyConstraint("code", name="pk_categories"),),
    )

    _replicated(
        "organizations",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("level", sa.String(length=32), nullable=False),
        sa.Column("parent_id", ID, nullable=True),
        sa.Column("region_code", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("contact_name", sa.Text(), nullable=False),
        sa.Column("contact_phone", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(
            sa.PrimaryKeyConstraint("id", name="pk_organizations"),
            _fk("organizations", "parent_id", "organizations"),
        ),
    )
    op.create_index("ix_organizations_parent_id", "organizations", ["parent_id"])
    op.create_index("ix_organizations_region_code", "organizations", ["region_code"])

    _replicated(
        "activities",
        sa.Column("id", ID, nullable=False),
        sa.Column("org_id", ID, nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("category", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("region_code", sa.Text(), nullable=False),
        sa.Column("location_name", sa.Text(), nullable=False),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=True),
        sa.Column("ends_at", sa.DateTime(), nullable=True),
        sa.Column("registration_opens_at", sa.DateTime(), nullable=True),
        sa.Column("registration_closes_at", sa.DateTime(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("requires_review", sa.Boolean(), nullable=False),
        sa.Column("featured", sa.Boolean(), nullable=False),
        sa.Column("contact_name", sa.Text(), nullable=False),
        sa.Column("contact_phone", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(
            sa.PrimaryKeyConstraint("id", name="pk_activities"),
            _fk("activities", "org_id", "organizations"),
        ),
    )
    op.create_index("ix_activities_org_id", "activities", ["org_id"])
    op.create_index("ix_activities_category", "activities", ["category"])
    op.create_index("ix_activities_region_code", "activities", ["region_code"])
    op.create_index("ix_activities_starts_at", "activities", ["starts_at"])
    op.create_index("ix_activities_status", "activities", ["status"])

    _replicated(
        "youths",
        sa.Column("id", ID, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("phone", sa.Text(), nullable=False),
        sa.Column("gender", sa.String(length=32), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("school_or_employer", sa.Text(), nullable=False),
        sa.Column("region_code", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(sa.PrimaryKeyConstraint("id", name="pk_youths"),),
    )

    _replicated(
        "registrations",
        sa.Column("id", ID, nullable=False),
        sa.Column("activity_id", ID, nullable=False),
        sa.Column("youth_id", ID, nullable=False),
        sa.Column("status", sa.String(length=32), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=True),
        sa.Column("reviewed_at", sa.DateTime(), nullable=True),
        sa.Column("reject_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(
            sa.PrimaryKeyConstraint("id", name="pk_registrations"),
            _fk("registrations", "activity_id", "activities"),
            _fk("registrations", "youth_id", "youths"),
        ),
    )
    op.create_index(
        "ix_registrations_activity_id_status", "registrations", ["activity_id", "status"]
    )
    op.create_index("ix_registrations_youth_id", "registrations", ["youth_id"])
    op.create_index("ix_registrations_status", "registrations", ["status"])

    _replicated(
        "followers",
        sa.Column("id", ID, nullable=False),
        sa.Column("org_id", ID, nullable=False),
        sa.Column("youth_id", ID, nullable=False),
        sa.Column("followed_at", sa.DateTime(), nullable=True),
        sa.Column("source_activity_id", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        constraints=(
            sa.PrimaryKeyConstraint("id", name="pk_followers"),
            _fk("followers", "org_id", "organizations"),
            _fk("followers", "youth_id", "youths"),
        ),
    )
    op.create_index("ix_followers_org_id", "followers", ["org_id"])
    op.create_index("ix_followers_youth_id", "followers", ["youth_id"])

    counter = op.create_table(
        "change_counter",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("value", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_change_counter"),
    )

    op.create_table(
        "accounts",
        sa.Column("id", ID, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("org_id", ID, nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_accounts"),
        sa.UniqueConstraint("username", name="uq_accounts_username"),
        _fk("accounts", "org_id", "organizations"),
    )
    op.create_index("ix_accounts_org_id", "accounts", ["org_id"])

    op.create_table(
        "tokens",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column("device_id", ID, nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_tokens"),
        _fk("tokens", "account_id", "accounts"),
    )
    op.create_index("ix_tokens_account_id", "tokens", ["account_id"])

    op.create_table(
        "login_failures",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_login_failures"),
    )
    op.create_index("ix_login_failures_username_at", "login_failures", ["username", "at"])

    op.create_table(
        "applied_ops",
        sa.Column("op_id", ID, nullable=False),
        sa.Column("account_id", ID, nullable=False),
        sa.Column("device_id", ID, nullable=False),
        sa.Column("kind", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("op_id", name="pk_applied_ops"),
        _fk("applied_ops", "account_id", "accounts"),
    )
    op.create_index("ix_applied_ops_account_id", "applied_ops", ["account_id"])

    # The seven default categories (a frozen copy of sync.core.rules.DEFAULT_CATEGORIES as shipped),
    # as changes 1-7, so a device's first pull brings them like any other row.
    defaults = [
        ("ideology", "思想引领"),
        ("innovation", "创新创业"),
        ("public_service", "公益服务"),
        ("culture_sports", "文体活动"),
        ("practice", "实践实习"),
        ("skills", "技能培训"),
        ("social", "交友联谊"),
    ]
    categories = sa.table(
        "categories",
        sa.column("code"),
        sa.column("name"),
        sa.column("sort_order"),
        sa.column("active", sa.Boolean()),
        sa.column("seq"),
        sa.column("deleted", sa.Boolean()),
        sa.column("scope_path"),
    )
    op.bulk_insert(
        categories,
        [
            dict(
                code=code,
                name=name,
                sort_order=i,
                active=True,
                seq=i,
                deleted=False,
                scope_path="/",
            )
            for i, (code, name) in enumerate(defaults, start=1)
        ],
    )
    op.bulk_insert(counter, [{"id": 1, "value": len(defaults)}])


def downgrade() -> None:
    for table in (
        "applied_ops",
        "login_failures",
        "tokens",
        "accounts",
        "change_counter",
        "followers",
        "registrations",
        "youths",
        "activities",
        "organizations",
        "categories",
    ):
        op.drop_table(table)
