"""同步问题: field conflicts the user has not settled yet and operations the server refused.

Both come from the server's answers to a push (`replica.record_results`): a conflict row for
each field another device changed to a different value (the server kept theirs), and the
refused operation left in the outbox in state `rejected` with the server's OpResult. The user
settles a conflict by keeping theirs or by sending their own value again as a normal edit, and
dismisses a refusal once read. Wiping the device's data for a sign-out lives here too: it is
the other "make this replica forget" step.
"""

from __future__ import annotations

import dataclasses
import json
import logging
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.sql.functions import coalesce

from sync.client.store.tables import (
    RECORDS,
    activities,
    checkin_events,
    conflicts,
    meta,
    organizations,
    outbox,
    registrations,
    requests,
    youths,
)
from sync.core.codec import from_json
from sync.core.operations import ClassifyRequest, Kind, UpdateActivity
from sync.core.records import RECORD_TABLES
from sync.core.rules import DEFAULT_CATEGORIES, RuleViolation

log = logging.getLogger(__name__)

# The operation that sets a field of a record, per table that can have field conflicts: each
# takes (id, changes={field: value}, before={field: value}).
UPDATE_OPERATIONS: dict[str, type[UpdateActivity] | type[ClassifyRequest]] = {
    "activities": UpdateActivity,
    "requests": ClassifyRequest,
}
# How much of a request's text names it in the list of conflicts and refusals.
REQUEST_EXCERPT = 30

# Meta that survives a wipe: the device stays the same device for the server's audit trail.
KEPT_META = ("device_id",)


def _decode(table: str, field: str, raw: str | None) -> Any:
    """A conflict side as a Python value of the record's field (datetimes, enums …)."""
    if raw is None:
        return None
    value = json.loads(raw)
    try:
        return from_json(RECORD_TABLES[table], {field: value})[field]
    except (KeyError, ValueError):  # a field a newer server knows and this version does not
        return value


# --- reads -------------------------------------------------------------------------------------


def open_conflicts(conn: Connection) -> list[dict[str, Any]]:
    """Unsettled conflicts, newest first, with the record's title (None once it is deleted)
    and both sides decoded: `mine` (what this device wanted) and `theirs` (what the server
    kept)."""
    excerpt = func.substr(requests.c.text, 1, REQUEST_EXCERPT)
    stmt = (
        select(conflicts, coalesce(activities.c.title, excerpt).label("record_title"))
        .outerjoin(
            activities,
            (conflicts.c.table_name == "activities") & (activities.c.id == conflicts.c.record_id),
        )
        .outerjoin(
            requests,
            (conflicts.c.table_name == "requests") & (requests.c.id == conflicts.c.record_id),
        )
        .where(conflicts.c.resolved_at.is_(None))
        .order_by(conflicts.c.detected_at.desc(), conflicts.c.id)
    )
    found = []
    for row in conn.execute(stmt).mappings():
        item = dict(row)
        item["mine"] = _decode(row["table_name"], row["field"], row["mine"])
        item["theirs"] = _decode(row["table_name"], row["field"], row["theirs"])
        found.append(item)
    return found


def conflict(conn: Connection, conflict_id: str) -> dict[str, Any] | None:
    return next((c for c in open_conflicts(conn) if c["id"] == conflict_id), None)


def _subject(conn: Connection, kind: str, payload: dict[str, Any]) -> str | None:
    """What a cadre calls the record an operation was about: the activity's title, or the
    youth and activity of a registration (or of a check-in); None when it is not here (any
    more)."""
    record_id = str(payload.get("id", ""))
    table = known.table if (known := Kind.find(kind)) else None
    if table == "activities":
        title = conn.scalar(select(activities.c.title).where(activities.c.id == record_id))
        fields = payload.get("fields") if isinstance(payload.get("fields"), dict) else {}
        return title or fields.get("title") or None
    if table == "checkin_events":  # a person at the door: named like their registration
        table, record_id = "registrations", str(payload.get("registration_id", ""))
        if not record_id:  # a void: the registration of the event it names
            voided = checkin_events.c.id == str(payload.get("voids", ""))
            record_id = conn.scalar(select(checkin_events.c.registration_id).where(voided)) or ""
    if table == "registrations":
        row = conn.execute(
            select(youths.c.name, activities.c.title)
            .select_from(
                registrations.join(youths, youths.c.id == registrations.c.youth_id).join(
                    activities, activities.c.id == registrations.c.activity_id
                )
            )
            .where(registrations.c.id == record_id)
        ).first()
        return f"{row.name}，{row.title}" if row else None
    if table == "assessment_targets":  # the organisation the target binds
        org_id = str(payload.get("org_id", ""))
        return conn.scalar(select(organizations.c.name).where(organizations.c.id == org_id))
    if table == "requests":
        text = conn.scalar(select(requests.c.text).where(requests.c.id == record_id))
        return text[:REQUEST_EXCERPT] if text else None
    return None


def rejected_operations(conn: Connection) -> list[dict[str, Any]]:
    """Operations the server refused, oldest first: kind, payload, `subject` (see _subject),
    when they were made and the server's answer (`code`, `params`)."""
    stmt = select(outbox).where(outbox.c.state == "rejected").order_by(outbox.c.seq)
    found = []
    for row in conn.execute(stmt):
        try:
            result = json.loads(row.result or "{}")
        except ValueError:
            result = {}
        payload = json.loads(row.payload)
        found.append(
            {
                "op_id": row.op_id,
                "kind": row.kind,
                "payload": payload,
                "subject": _subject(conn, row.kind, payload),
                "occurred_at": row.occurred_at,
                "code": result.get("code"),
                "params": result.get("params") or {},
            }
        )
    return found


def issue_count(conn: Connection) -> int:
    """Open conflicts plus refused operations: what the status bar's ⚠ label counts."""
    open_ = select(func.count()).where(conflicts.c.resolved_at.is_(None))
    refused = select(func.count()).where(outbox.c.state == "rejected")
    return (conn.scalar(open_) or 0) + (conn.scalar(refused) or 0)


# --- settling ----------------------------------------------------------------------------------


def mark_resolved(conn: Connection, item: dict[str, Any], now: datetime) -> None:
    """Settle the conflict and any other open one on the same field of the same record: one
    decision answers them all."""
    conn.execute(
        update(conflicts)
        .where(
            conflicts.c.table_name == item["table_name"],
            conflicts.c.record_id == item["record_id"],
            conflicts.c.field == item["field"],
            conflicts.c.resolved_at.is_(None),
        )
        .values(resolved_at=now)
    )


def use_mine_operation(conn: Connection, item: dict[str, Any]) -> UpdateActivity | None:
    """The edit that sets the field back to this device's value, based on the record as it is
    now; None when it already holds that value."""
    table, field = item["table_name"], item["field"]
    operation = UPDATE_OPERATIONS.get(table)
    t = RECORDS[table]
    found = conn.execute(select(t).where(t.c.id == item["record_id"])).first()
    current = dict(found._mapping) if found else None
    if current is None:
        raise RuleViolation("not_found")
    if operation is None:
        raise RuleViolation("unknown_kind", kind=table)
    if current[field] == item["mine"]:
        return None
    return operation(
        item["record_id"], changes={field: item["mine"]}, before={field: current[field]}
    )


def reopen_resolved_by(conn: Connection, op: Any) -> int:
    """An undone "use mine" edit gives its conflict back to the user. The edit and the
    settlement were written in one transaction at one clock reading, so the conflicts settled
    at the operation's time on the fields it changed are exactly the ones it settled."""
    table = next((t for t, o in UPDATE_OPERATIONS.items() if o.kind == op.kind), None)
    if table is None:
        return 0
    payload = json.loads(op.payload)
    return conn.execute(
        update(conflicts)
        .where(
            conflicts.c.table_name == table,
            conflicts.c.record_id == payload.get("id"),
            conflicts.c.field.in_(list(payload.get("changes") or {})),
            conflicts.c.resolved_at == op.occurred_at,
        )
        .values(resolved_at=None)
    ).rowcount


def dismiss_rejected(conn: Connection, op_id: str) -> bool:
    """Drop a refused operation the user has read; False when there is none with that id. Its
    local effect was already taken back when the refusal arrived."""
    row = conn.execute(
        select(outbox.c.kind, outbox.c.result).where(
            outbox.c.op_id == op_id, outbox.c.state == "rejected"
        )
    ).first()
    if row is None:
        return False
    conn.execute(delete(outbox).where(outbox.c.op_id == op_id))
    log.info("dismissed refused op %s (%s): %s", op_id, row.kind, row.result)
    return True


# --- wiping the device -------------------------------------------------------------------------


def wipe(conn: Connection) -> None:
    """Remove every record, the outbox, the conflicts and the account and cursor, keeping only
    the device id and the default categories: the replica of a device never signed in."""
    for table in reversed(list(RECORD_TABLES)):
        conn.execute(delete(RECORDS[table]))
    conn.execute(delete(outbox))
    conn.execute(delete(conflicts))
    conn.execute(delete(meta).where(meta.c.key.not_in(KEPT_META)))
    conn.execute(
        insert(RECORDS["categories"]),
        [dataclasses.asdict(c) for c in DEFAULT_CATEGORIES],
    )
