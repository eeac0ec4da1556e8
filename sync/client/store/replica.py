"""Bringing the server's answers into the local replica.

The local tables always show the server's state with the operations the server has not yet
reflected replayed on top: pending ones, and acknowledged ones until a pull passes the change
sequence that carries them. Every server answer is taken in by a rebase, in one transaction:
take back the replayed operations, change the server state, replay what is still outstanding.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, bindparam, delete, literal_column, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from sync.client.store.context import LocalContext, restore
from sync.client.store.server_rows import write_server_rows
from sync.client.store.tables import RECORDS, conflicts, meta, outbox
from sync.core import jsontext, operations
from sync.core.ids import uuid7
from sync.core.operations import Reference
from sync.core.protocol import OpResult, OpStatus, PullPage
from sync.core.records import PRIMARY_KEYS, RECORD_TABLES
from sync.core.rules import RuleViolation
from sync.core.sql import execute_many

OUTSTANDING = ("pending", "acknowledged")
CURSOR_KEY = "pull_cursor"
CHECKIN_KEY = "checkin_public_key"


def outstanding_ops(conn: Connection) -> list[Any]:
    stmt = select(outbox).where(outbox.c.state.in_(OUTSTANDING)).order_by(outbox.c.seq)
    return list(conn.execute(stmt))


def rebase(
    conn: Connection,
    reference: Reference,
    change: Callable[[Connection], None],
    *,
    actor: str = "",
) -> None:
    """Take back every outstanding operation, run `change`, then replay what is outstanding.

    An operation that no longer applies (the server state moved under it) stays queued with no
    local effect: the server has the last word on it.
    """
    for op in reversed(outstanding_ops(conn)):
        restore(conn, json.loads(op.undo))
    change(conn)
    # One context for the whole replay, so rows and counts read for one operation serve the
    # next (a bulk approval replays thousands); a refused operation's savepoint takes back its
    # writes, and the context forgets what it had read, which may have been those writes.
    ctx = LocalContext(conn, datetime.now(UTC), reference, actor=actor)
    undo: list[dict[str, Any]] = []
    for op in outstanding_ops(conn):
        ctx.now, ctx.snapshots = op.occurred_at, []
        try:
            with conn.begin_nested():
                operations.apply(ctx, op.kind, json.loads(op.payload))
            snapshots = ctx.snapshots
        except RuleViolation:
            snapshots = []
            ctx.forget()
        undo.append({"_seq": op.seq, "undo": json.dumps(snapshots, ensure_ascii=False)})
    if undo:
        conn.execute(
            update(outbox).where(outbox.c.seq == bindparam("_seq")).values(undo=bindparam("undo")),
            undo,
        )


def delete_rows(conn: Connection, deleted: dict[str, list[str]]) -> int:
    """Apply tombstones, children first."""
    count = 0
    for table in reversed(list(RECORD_TABLES)):
        ids = deleted.get(table) or []
        if ids:
            t = RECORDS[table]
            count += conn.execute(delete(t).where(t.c[PRIMARY_KEYS[table]].in_(ids))).rowcount
    return count


_CURSOR = select(meta.c.value).where(meta.c.key == CURSOR_KEY)  # built once: asked every sync
_upsert = sqlite_insert(meta)
_SET_META = _upsert.on_conflict_do_update(
    index_elements=[meta.c.key], set_={"value": _upsert.excluded.value}
)


def set_meta(conn: Connection, key: str, value: str) -> None:
    """Set a meta value in the caller's transaction (one upsert, built once)."""
    conn.execute(_SET_META, {"key": key, "value": value})


def get_cursor(conn: Connection) -> int:
    value = conn.scalar(_CURSOR)
    return int(value) if value else 0


def apply_page(conn: Connection, reference: Reference, page: PullPage, *, actor: str = "") -> None:
    """One pulled page (see `apply_pages`)."""
    apply_pages(conn, reference, [page], actor=actor)


def apply_pages(
    conn: Connection, reference: Reference, pages: Sequence[PullPage], *, actor: str = ""
) -> None:
    """Consecutive pulled pages, oldest first, with one rebase and the cursor moved in the same
    transaction: a crash before the commit leaves the old cursor, so the pages are fetched
    again (applying them twice is harmless).

    One rebase for many pages, not one a page: the outstanding operations are taken back and
    replayed once, and the acknowledged ones whose change the last page passed are dropped
    before the replay. After a bulk action (thousands of acknowledged operations) a pull thus
    replays them at most once per batch of pages instead of once per page. The local tables
    show the same as after applying the pages one by one, since each page only overwrites
    server rows and the replay comes after the last."""
    if not pages:
        return
    cursor = pages[-1].cursor

    def change(c: Connection) -> None:
        for page in pages:
            delete_rows(c, page.deleted)
            write_server_rows(c, page.rows)
        c.execute(
            delete(outbox).where(outbox.c.state == "acknowledged", outbox.c.server_seq <= cursor)
        )
        set_meta(c, CURSOR_KEY, str(cursor))
        key = pages[-1].checkin_key
        if key:  # the server's 签到 public key: codes are verified offline with it
            set_meta(c, CHECKIN_KEY, key)

    rebase(conn, reference, change, actor=actor)


def record_results(
    conn: Connection,
    reference: Reference,
    results: Iterable[OpResult],
    now: datetime,
    *,
    actor: str = "",
) -> None:
    """The server's answers to a push. Rejected operations leave the queue (and take their
    local effect with them); field conflicts are kept for the user.

    Only a rejection needs the rebase: pending and acknowledged operations are both replayed,
    so when none leaves the queue, taking them all back and replaying them on the same rows
    would give the same rows again (and cost seconds for a 1,000-operation push)."""
    results = list(results)

    def change(c: Connection) -> None:
        answers = [
            {
                "_op_id": result.op_id,
                "state": "rejected" if result.status is OpStatus.REJECTED else "acknowledged",
                "server_seq": result.seq,
                "result": jsontext.dumps(result.to_json()),
            }
            for result in results
        ]
        execute_many(c, _RECORD_ANSWER, answers)
        for result in results:
            if result.code == "field_conflict":
                _keep_conflicts(c, result, now)

    if not results:
        return
    if any(result.status is OpStatus.REJECTED for result in results):
        rebase(conn, reference, change, actor=actor)
    else:
        # Accepted operations keep their local effect until a pull brings the server's rows:
        # nothing to take back, so no rebase (after a bulk action that is thousands of them).
        change(conn)


_RECORD_ANSWER = (
    update(outbox)
    # 'pending' in the SQL, not a parameter: `execute_many` takes only named ones
    .where(outbox.c.op_id == bindparam("_op_id"), outbox.c.state == literal_column("'pending'"))
    .values(
        state=bindparam("state"), server_seq=bindparam("server_seq"), result=bindparam("result")
    )
)


def _keep_conflicts(conn: Connection, result: OpResult, now: datetime) -> None:
    for field, sides in (result.params.get("fields") or {}).items():
        conn.execute(
            conflicts.insert().values(
                id=uuid7(),
                op_id=result.op_id,
                table_name=result.params["table"],
                record_id=result.params["id"],
                field=field,
                mine=json.dumps(sides.get("mine"), ensure_ascii=False),
                theirs=json.dumps(sides.get("theirs"), ensure_ascii=False),
                detected_at=now,
            )
        )
