"""The local replica's tables: the shared record tables, the outbox and a key/value meta table."""

from __future__ import annotations

from sqlalchemy import Column, Integer, MetaData, String, Table, Text

from sync.schema import UTCDateTime, record_tables

metadata = MetaData()

RECORDS = record_tables(metadata)
categories = RECORDS["categories"]
organizations = RECORDS["organizations"]
activities = RECORDS["activities"]
youths = RECORDS["youths"]
registrations = RECORDS["registrations"]
followers = RECORDS["followers"]

# Operations waiting for the server, in the order the user made them.
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("op_id", String(64), nullable=False, unique=True),
    Column("kind", String(64), nullable=False),
    Column("payload", Text, nullable=False),  # JSON
    Column("occurred_at", UTCDateTime, nullable=False),
    Column("device_id", String(64), nullable=False),
    Column("state", String(16), nullable=False, default="pending"),
    # JSON list of [table, id, row-before-or-null]: lets the user undo an op not yet synced
    Column("undo", Text, nullable=False, default="[]"),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
