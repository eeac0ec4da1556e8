"""The server's tables: the shared record tables with replication bookkeeping, plus accounts,
tokens, login throttling, the change counter and the log of applied operations.

`migrations/versions/` must create exactly these; `tests/server/test_cli.py` compares them.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from sync.core.schema import UTCDateTime, record_tables

# Constraint names fixed by convention, so a later migration can name what it alters.
metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

SCOPE_PATH_LENGTH = 512
ROOT_SCOPE = "/"  # youths and categories: not owned by one organisation


def _replication_columns(table: str) -> list[Column[Any]]:
    return [
        # The change sequence of the row's last write (see `sync.server.db.next_seq`).
        Column("seq", BigInteger, nullable=False, index=True),
        # Tombstone: replication never deletes a row, it marks it so every device hears of it.
        Column("deleted", Boolean, nullable=False, default=False),
        # Materialised path of the owning organisation, "/<province>/<city>/<county>/<org>/";
        # the row is in the scope of org X when it starts with X's path (`sync.server.scope`).
        Column("scope_path", String(SCOPE_PATH_LENGTH), nullable=False),
    ]


RECORDS = record_tables(metadata, _replication_columns)
for _name, _table in RECORDS.items():
    # A prefix search: PostgreSQL uses a btree for LIKE 'prefix%' under any collation only
    # with text_pattern_ops; SQLite compares bytes and gets a range (`scope.within_scope`).
    Index(
        f"ix_{_name}_scope_path",
        _table.c.scope_path,
        postgresql_ops={"scope_path": "text_pattern_ops"},
    )

categories = RECORDS["categories"]
organizations = RECORDS["organizations"]
activities = RECORDS["activities"]
youths = RECORDS["youths"]
registrations = RECORDS["registrations"]
followers = RECORDS["followers"]
registration_events = RECORDS["registration_events"]
notices = RECORDS["notices"]
assessment_targets = RECORDS["assessment_targets"]
requests = RECORDS["requests"]
request_events = RECORDS["request_events"]
checkin_events = RECORDS["checkin_events"]


# One row (id = 1): the last change sequence handed out. See `sync.server.db.next_seq` for why
# taking the next value by UPDATE keeps sequence order equal to commit order.
change_counter = Table(
    "change_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", String(64), primary_key=True),  # UUIDv7
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),  # argon2id, PHC string
    Column("org_id", String(64), ForeignKey("organizations.id"), nullable=False, index=True),
    Column("display_name", String(100), nullable=False, default=""),
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", UTCDateTime, nullable=False),
    # JSON array of permission names (e.g. "reveal_personal_data"); revision 0002
    Column("permissions", Text, nullable=False, default="[]"),
)

# Bearer tokens, stored only as the SHA-256 of the token a client holds.
tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("account_id", String(64), ForeignKey("accounts.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
    Column("device_id", String(64), nullable=False),
)

# Wrong passwords per username (known or not), for throttling; rows older than the window go.
login_failures = Table(
    "login_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False),
    Column("at", UTCDateTime, nullable=False),
    Index("ix_login_failures_username_at", "username", "at"),
)

# Every operation a device pushed, kept for as long as the op exists so a replay returns the
# stored result. occurred_at is the device's clock (audit only); received_at is the server's.
applied_ops = Table(
    "applied_ops",
    metadata,
    Column("op_id", String(64), primary_key=True),
    # the cadre's account, or none for a youth's operation through the public API (youth_id)
    Column("account_id", String(64), ForeignKey("accounts.id"), nullable=True, index=True),
    Column("device_id", String(64), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("payload", Text, nullable=False),  # JSON
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Column("result", Text, nullable=False),  # JSON
    Column("seq", BigInteger, nullable=True),  # the change it made; none when rejected
    Column("youth_id", String(64), ForeignKey("youths.id"), nullable=True, index=True),
)

# A youth's sign-in to the public API (a one-time code sent to their phone; see
# `sync.server.youths`), stored like the cadres' tokens, as the token's SHA-256.
youth_tokens = Table(
    "youth_tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("youth_id", String(64), ForeignKey("youths.id"), nullable=False, index=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
)

# Each delivery of a notice to a follower: server-only, the proof behind recipient_count.
notice_deliveries = Table(
    "notice_deliveries",
    metadata,
    Column("notice_id", String(64), ForeignKey("notices.id"), primary_key=True),
    Column("youth_id", String(64), ForeignKey("youths.id"), primary_key=True, index=True),
    Column("delivered_at", UTCDateTime, nullable=False),
)

# One-time codes sent by SMS before a youth gets a token (`sync.server.youth_codes`): the phone
# and the caller's address only as hashes, the code salted and hashed; rows older than the
# rate-limit window go. Revision 0004.
youth_codes = Table(
    "youth_codes",
    metadata,
    Column("id", String(64), primary_key=True),  # UUIDv7
    Column("phone_key", String(64), nullable=False),
    Column("address_key", String(64), nullable=False),
    Column("salt", String(32), nullable=False),
    Column("code_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("attempts", Integer, nullable=False),
    Column("used_at", UTCDateTime, nullable=True),
    Index("ix_youth_codes_phone_key_created_at", "phone_key", "created_at"),
    Index("ix_youth_codes_address_key_created_at", "address_key", "created_at"),
    Index("ix_youth_codes_created_at", "created_at"),
)
