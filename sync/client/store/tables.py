"""The local replica's tables: the shared record tables, the outbox and a key/value meta table."""

from __future__ import annotations

from sqlalchemy import Column, Index, Integer, MetaData, String, Table, Text

from sync.core.schema import UTCDateTime, record_tables

metadata = MetaData()

RECORDS = record_tables(metadata)
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

# Local only (schema step 10): the 诉求 queue in submission order with every column its filters
# test, so a filter by organisation or category is one scan of this index with no sort and no
# row lookups, however many requests it keeps (`request_queries.request_conditions`).
Index(
    "ix_requests_queue",
    requests.c.submitted_at,
    requests.c.id,
    requests.c.state,
    requests.c.org_id,
    requests.c.category,
)

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
    # JSON list of [table, id, row-before-or-null]: undo, and the rebase after a pull
    Column("undo", Text, nullable=False, default="[]"),
    # pending → acknowledged (applied by the server in change `server_seq`; dropped once a pull
    # has passed it) or rejected (kept for the user, with the server's reason in `result`)
    Column("server_seq", Integer, nullable=False, default=0),
    Column("result", Text, nullable=True),  # the server's OpResult, JSON
)

# A field that another device changed to a different value at the same time: the server kept
# theirs; the user sees both and decides.
conflicts = Table(
    "conflicts",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("op_id", String(64), nullable=False),
    Column("table_name", String(64), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("field", String(64), nullable=False),
    Column("mine", Text, nullable=True),  # JSON value
    Column("theirs", Text, nullable=True),  # JSON value
    Column("detected_at", UTCDateTime, nullable=False),
    Column("resolved_at", UTCDateTime, nullable=True),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
