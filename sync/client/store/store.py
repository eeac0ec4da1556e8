"""The local replica: every user action is applied to the tables and queued in the outbox in one
transaction, so a crash leaves either both or neither."""

from __future__ import annotations

import gc
import json
import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select
from sqlalchemy.exc import DBAPIError, IntegrityError

from sync.client.store import (
    cipher,
    first_screen,
    queries,
    replica,
    request_search,
    snapshot,
    sync_issues,
)
from sync.client.store.context import LocalContext, restore
from sync.client.store.db import make_engine, writer
from sync.client.store.journal import OutboxJournal
from sync.client.store.migrations import migrate, prune_backups
from sync.client.store.tables import RECORDS, meta, outbox, youths
from sync.core import operations
from sync.core.checkin import walk_in_id
from sync.core.codec import to_json
from sync.core.ids import uuid7
from sync.core.operations import (
    YOUTH_FIELDS,
    AdjustHours,
    ArchiveRequest,
    AssignRequest,
    CancelRegistration,
    CheckIn,
    CheckOut,
    ClassifyRequest,
    ConfirmHours,
    CreateActivity,
    CreateRegistration,
    Decision,
    DeleteActivity,
    Outcome,
    Payload,
    RecordConsent,
    Reference,
    ReplyRequest,
    ReviewRegistration,
    SendNotice,
    SetHoursRule,
    SetTarget,
    TagFollowers,
    TransitionActivity,
    UpdateActivity,
    VoidCheckin,
    chunked,
    jiangsu_reference,
)
from sync.core.protocol import OpResult, PullPage
from sync.core.records import (
    ActivityStatus,
    CheckinAction,
    GuardianConsent,
    RegistrationSource,
    Youth,
)
from sync.core.rules import RuleViolation

log = logging.getLogger(__name__)

# The signed-in account (JSON: server_url, username, org_id, org_name, display_name,
# permissions), written by `sync.client.session`.
ACCOUNT_KEY = "account"

Clock = Callable[[], datetime]


def _meta_value(key: str) -> Any:
    return select(meta.c.value).where(meta.c.key == key).scalar_subquery()


# Statements a sync makes every time, built once (building one costs as much as running it).
_GET_META = select(meta.c.value).where(meta.c.key == bindparam("key"))

# The oldest pending operations; not the undo snapshots (a row before each change, often
# larger than the operation).
_TO_PUSH = (
    select(
        outbox.c.op_id, outbox.c.kind, outbox.c.payload, outbox.c.occurred_at, outbox.c.device_id
    )
    .where(outbox.c.state == "pending")
    .order_by(outbox.c.seq)
    .limit(bindparam("limit"))
)

# What `Store._settled` asks: acknowledged operations waiting, the cursor, the check-in key.
_SETTLED = select(
    select(func.count())
    .select_from(outbox)
    .where(outbox.c.state == "acknowledged")
    .scalar_subquery(),
    _meta_value(replica.CURSOR_KEY),
    _meta_value(replica.CHECKIN_KEY),
)


def utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """The workbench's one door to its local data. Writes go through `execute` (or the named
    commands built on it); listeners added with `add_listener` hear about every committed change."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Clock = utc_now,
        reference: Reference | None = None,
        key: str | None = None,
    ):
        """`key`: open (or create) the database encrypted with this key (`cipher`), converting
        a plain one first; LocalDataLocked when an encrypted file does not open with it,
        LocalDataDamaged when the file is damaged."""
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.encrypted = key is not None
        self.clock = clock
        self._listeners: list[Callable[[str], None]] = []
        self._fold: threading.Thread | None = None  # `fold_write_ahead_log_soon`'s
        self._reference = reference
        try:
            if key is not None and cipher.is_plain(self.path):
                cipher.encrypt_in_place(self.path, key)
            migrate(self.path, key=key)
            self.engine = make_engine(self.path, key)
            self._writer = writer(self.engine)
            self._search_forgets = request_search.secure_delete(self.engine, self._writer)
            # Read the outbox through now: the unsent work is what a damaged file must not
            # hide until a sync trips over it (the record tables come again from the server).
            self.read(
                lambda conn: conn.exec_driver_sql(
                    "SELECT sum(length(payload) + length(undo)) FROM outbox"
                ).scalar()
            )
            self.device_id = self.get_meta("device_id") or self._init_device_id()
            self._forget_first_screen()
            self.journal = OutboxJournal(self.path, key)
            self.reconcile_journal()
        except (*cipher.DRIVER_ERRORS, DBAPIError) as error:
            if not cipher.is_damage(error):
                raise
            if hasattr(self, "engine"):
                self.engine.dispose()
            raise cipher.LocalDataDamaged(f"{self.path}: {error}") from error

    def close(self) -> None:
        self.wait_for_fold()
        self.engine.dispose()

    # --- meta --------------------------------------------------------------------------------

    def get_meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            return conn.scalar(_GET_META, {"key": key})

    def set_meta(self, key: str, value: str, *, conn: Connection | None = None) -> None:
        """Set a meta value, in its own transaction or inside the caller's `conn`."""
        if conn is None:
            with self._writer.begin() as own:
                self.set_meta(key, value, conn=own)
            self._announce("meta")
            return
        replica.set_meta(conn, key, value)

    @contextmanager
    def bulk_write(self) -> Iterator[Connection]:
        """One writer transaction for data that is not a user action (demo data; later the
        first download from the server): nothing goes to the outbox. Listeners hear about
        every table once it has committed."""
        with self._writer.begin() as conn:
            yield conn
        self._announce_all()

    def _forget_first_screen(self) -> None:
        """Whoever opens the store may change what the kept first screen shows: it is valid
        only up to here (`sync.client.store.first_screen`), and the window keeps a new one as it
        closes."""
        with self._writer.begin() as conn:
            conn.execute(delete(meta).where(meta.c.key == first_screen.KEY))

    def _init_device_id(self) -> str:
        device_id = uuid7()
        self.set_meta("device_id", device_id)
        return device_id

    @property
    def reference(self) -> Reference:
        if self._reference is None:
            self._reference = jiangsu_reference([c["code"] for c in self.categories()])
        return self._reference

    # --- listeners ---------------------------------------------------------------------------

    def add_listener(self, callback: Callable[[str], None]) -> None:
        """`callback(what)` after each committed change; `what` is a table name or "outbox"."""
        self._listeners.append(callback)

    def _announce(self, what: str) -> None:
        for callback in list(self._listeners):
            callback(what)

    # --- operations --------------------------------------------------------------------------

    def execute(
        self,
        operation: Payload,
        *,
        also: Callable[[Connection, datetime], None] | None = None,
    ) -> tuple[str, Outcome]:
        """Apply one operation (a kind's payload, `sync.core.operations`) locally and queue it
        for the server; returns (op_id, outcome). `also(conn, now)` runs in the same transaction
        (a conflict settled by this edit).

        Raises RuleViolation (and changes nothing) when the rules refuse it.
        """
        ((op_id, outcome),) = self.execute_many([operation], also=also)
        return op_id, outcome

    def execute_many(
        self,
        ops: Sequence[Payload],
        *,
        preload: Mapping[str, Iterable[str]] | None = None,
        preload_by: Mapping[tuple[str, str], Iterable[str]] | None = None,
        also: Callable[[Connection, datetime], None] | None = None,
    ) -> list[tuple[str, Outcome]]:
        """Apply several operations in ONE transaction and queue them, all or nothing; returns
        (op_id, outcome) for each. A refusal raises RuleViolation with `params["index"]` naming
        the operation refused, and nothing is changed. `preload` ({table: ids}) reads rows the
        operations will touch in a few queries instead of one each; `preload_by` ({(table,
        column): values}) likewise the rows the operations will look for by those values.
        `also(conn, now)` runs in the same transaction (a conflict settled by an edit)."""
        if not ops:
            return []
        now = self.clock()
        results: list[tuple[str, Outcome]] = []
        entries: list[dict[str, Any]] = []
        touched: dict[str, None] = {}
        journaled: int | None = None  # the journal's length before this transaction's lines
        try:
            with _cyclic_gc_paused(), self._writer.begin() as conn:
                ctx = LocalContext(conn, now, self.reference, actor=self.actor(), buffered=True)
                for table, ids in (preload or {}).items():
                    ctx.preload(table, ids)
                for (table, column), values in (preload_by or {}).items():
                    ctx.preload_by(table, column, values)
                for index, operation in enumerate(ops):
                    ctx.snapshots = []
                    # Applied as the JSON the outbox keeps, read back as the server will read
                    # it: the local effect is the one the server's will be, value for value.
                    payload = operation.to_payload()
                    try:
                        outcome = operations.apply(ctx, operation.kind, payload)
                    except RuleViolation as refusal:
                        refusal.params.setdefault("index", index)
                        raise
                    op_id = uuid7()
                    entries.append(
                        {
                            "op_id": op_id,
                            "kind": operation.kind.value,
                            "payload": json.dumps(payload, ensure_ascii=False),
                            "occurred_at": now,
                            "device_id": self.device_id,
                            "state": "pending",
                            "undo": json.dumps(ctx.snapshots, ensure_ascii=False),
                        }
                    )
                    results.append((op_id, outcome))
                    touched.update(dict.fromkeys(t for t, _, _ in ctx.snapshots))
                ctx.flush()
                if also is not None:
                    also(conn, now)
                # The one place operations are queued: the outbox, and its journal (last,
                # so a refusal above costs no disk write).
                conn.execute(insert(outbox), entries)
                journaled = self.journal.append(entries)
        except BaseException:
            if journaled is not None:  # written, but the transaction did not commit
                self.journal.cut(journaled)
            raise
        if len(ops) == 1:
            log.info("applied %s %s (op %s)", ops[0].kind, results[0][1].record_id, results[0][0])
        else:
            log.info("applied %d operations in one transaction", len(ops))
        for table in touched:
            self._announce(table)
        self._announce("outbox")
        return results

    def actor(self) -> str:
        """The signed-in account's username (what the history shows until the server's own
        record of the operation comes back), or "" when nobody is signed in here."""
        raw = self.get_meta(ACCOUNT_KEY)
        try:
            return str(json.loads(raw).get("username") or "") if raw else ""
        except (ValueError, AttributeError):
            return ""

    def undo(self, op_id: str) -> None:
        """Take back an operation that has not reached the server yet: restore the rows it
        changed and drop it from the outbox, in one transaction."""
        self.undo_many([op_id])

    def undo_many(self, op_ids: Sequence[str]) -> None:
        """Take back several pending operations (one bulk action) in one transaction, newest
        first; refused as a whole when any has reached the server, or when a later operation
        outside the group touched the same records."""
        if not op_ids:
            raise RuleViolation("nothing_to_undo")
        wanted = set(op_ids)
        touched: list[str] = []
        with self._writer.begin() as conn:
            rows = []
            for start in range(0, len(op_ids), 500):
                chunk = list(op_ids)[start : start + 500]
                rows += conn.execute(select(outbox).where(outbox.c.op_id.in_(chunk))).all()
            if len(rows) != len(wanted) or any(r.state != "pending" for r in rows):
                raise RuleViolation("undo_already_synced")
            if any(not operations.undoable(r.kind) for r in rows):
                raise RuleViolation("undo_not_allowed")
            rows.sort(key=lambda r: r.seq)
            snapshots = [json.loads(r.undo) for r in rows]
            keys = {(t, i) for snaps in snapshots for t, i, _ in snaps}
            later = select(outbox.c.op_id, outbox.c.undo).where(outbox.c.seq > rows[0].seq)
            for other in conn.execute(later):
                if other.op_id in wanted:
                    continue
                if keys & {(t, i) for t, i, _ in json.loads(other.undo)}:
                    raise RuleViolation("undo_superseded")
            for snaps in reversed(snapshots):
                touched += restore(conn, snaps)
            for start in range(0, len(op_ids), 500):
                chunk = list(op_ids)[start : start + 500]
                conn.execute(delete(outbox).where(outbox.c.op_id.in_(chunk)))
            reopened = sum(sync_issues.reopen_resolved_by(conn, row) for row in rows)
            self._journal_unqueued(conn, [r.op_id for r in rows])
        log.info("undid %d operation(s), newest %s", len(rows), rows[-1].op_id)
        for table in dict.fromkeys(touched):
            self._announce(table)
        self._announce("outbox")
        if reopened:
            self._announce("conflicts")

    # --- activity commands -------------------------------------------------------------------

    def create_activity(self, org_id: str, fields: Mapping[str, Any]) -> tuple[str, str]:
        """A new draft; returns (op_id, activity id)."""
        activity_id = uuid7()
        op_id, _ = self.execute(CreateActivity(activity_id, org_id, dict(fields)))
        return op_id, activity_id

    def update_activity(self, activity_id: str, changes: Mapping[str, Any]) -> str | None:
        """Save the fields that differ from the stored ones; returns the op_id, or None when
        nothing changed (no empty operation is queued)."""
        current = self.activity(activity_id)
        if current is None:
            raise RuleViolation("not_found")
        diff = {k: v for k, v in changes.items() if current.get(k) != v}
        if not diff:
            return None
        op_id, _ = self.execute(
            UpdateActivity(activity_id, changes=diff, before={k: current[k] for k in diff})
        )
        return op_id

    def transition_activity(self, activity_id: str, target: ActivityStatus) -> str:
        op_id, _ = self.execute(TransitionActivity(activity_id, ActivityStatus(target)))
        return op_id

    def delete_activity(self, activity_id: str) -> str:
        op_id, _ = self.execute(DeleteActivity(activity_id))
        return op_id

    # --- registration commands ---------------------------------------------------------------

    def review_registration(
        self, registration_id: str, decision: Decision | str, reason: str = ""
    ) -> str:
        """decision: "approve" (a seat if one is free, else the waitlist) or "reject"."""
        op_id, _ = self.execute(ReviewRegistration(registration_id, Decision(decision), reason))
        return op_id

    def review_registrations(
        self, ids: Sequence[str], decision: Decision | str, reason: str = ""
    ) -> list[str]:
        """Review many registrations in one transaction (one operation each, so the server
        answers each on its own: some may join the waitlist); their op_ids. All or nothing."""
        decision = Decision(decision)
        ops = [ReviewRegistration(i, decision, reason) for i in ids]
        done = self.execute_many(ops, preload={"registrations": ids})
        return [op_id for op_id, _ in done]

    def create_registrations(
        self,
        activity_id: str,
        youths: Sequence[Mapping[str, Any]],
        *,
        source: RegistrationSource | str,
    ) -> list[str]:
        """Walk-in or imported registrations, all or nothing; their op_ids. A youth given with
        an "id" is that stored youth (the cadre chose them); otherwise a new youth record comes
        with the registration, and the rules decide who it is: the stored youth with the same
        phone and name, or a refusal when the phone or ID number is someone else's (never a
        guess). `youths` hold the fields of `sync.core.operations.YOUTH_FIELDS` (birth_date a
        date or ISO text, or None)."""
        source = RegistrationSource(source)
        ops = []
        for youth in youths:
            fields = {k: youth.get(k) for k in YOUTH_FIELDS if youth.get(k) not in (None, "")}
            fields = to_json(Youth, fields)
            fields["id"] = youth.get("id") or uuid7()
            ops.append(CreateRegistration(uuid7(), activity_id, fields, source))
        # A few queries for every youth instead of three each (most are new: known absent):
        # the youths by id, and what `create_registration` looks for by each row's values,
        # the youths holding its phone or ID number and the youth's registrations.
        given = [op.youth for op in ops]
        preload = {"youths": [y["id"] for y in given], "activities": [activity_id]}
        phones = [p for y in given if (p := str(y.get("phone") or "").strip())]
        numbers = (str(y.get("id_number") or "").strip().upper() for y in given)
        # the youths the rules will find by phone have registrations to look at too (a hint:
        # read before the transaction, what it finds is read again inside)
        holders = self.read(_youth_ids_by_phone, phones).values()
        by = {  # an empty number is looked for by nobody, and held by many
            ("youths", "phone"): phones,
            ("youths", "id_number"): [n for n in numbers if n],
            ("registrations", "youth_id"): [*(y["id"] for y in given), *holders],
        }
        done = self.execute_many(ops, preload=preload, preload_by=by)
        return [op_id for op_id, _ in done]

    def cancel_registration(self, registration_id: str) -> str:
        op_id, _ = self.execute(CancelRegistration(registration_id))
        return op_id

    # --- 签到 ---------------------------------------------------------------------------------

    def record_checkin(
        self, action: CheckinAction, registration_id: str, *, voids: str = "", reason: str = ""
    ) -> dict[str, Any]:
        """Append one event at the door (a check-in, a check-out, or the void of event
        `voids`, which needs `reason`); the event as `sync.core.checkin` reads it."""
        event_id, at = uuid7(), self.clock()
        if action is CheckinAction.VOID:
            op: Payload = VoidCheckin(event_id, voids, at.isoformat(), reason)
        elif action is CheckinAction.CHECK_IN:
            op = CheckIn(event_id, registration_id, at.isoformat())
        else:
            op = CheckOut(event_id, registration_id, at.isoformat())
        self.execute(op)
        return {
            "id": event_id,
            "registration_id": registration_id,
            "action": action.value,
            "at": at,
            "voids": voids,
        }

    def adjust_hours(self, registration_id: str, hours: float, reason: str) -> str:
        """Correct one registration's 志愿时长, with the reason kept; the new event's id."""
        event_id = uuid7()
        at = self.clock().isoformat()
        self.execute(AdjustHours(event_id, registration_id, hours, reason, at))
        return event_id

    def confirm_hours(self, activity_id: str) -> str:
        """Confirm the activity's 志愿时长 (once it has ended); the op_id."""
        op_id, _ = self.execute(ConfirmHours(activity_id, self.clock().isoformat()))
        return op_id

    def set_hours_rule(self, activity_id: str, min_stay: int, step: int, daily_cap: int) -> str:
        """Set how the activity's hours are counted (minutes each); the op_id."""
        op_id, _ = self.execute(SetHoursRule(activity_id, min_stay, step, daily_cap))
        return op_id

    def walk_in(self, activity_id: str, name: str, phone: str, school: str = "") -> str:
        """Register someone at the door (name, phone, optionally school or employer) and
        approve them, in one transaction; the registration's id. The id comes from activity
        and phone (`checkin.walk_in_id`): another laptop typing the same phone makes the same
        registration, which the server then holds once."""
        youth = {"name": name.strip(), "phone": phone.strip(), "school_or_employer": school}
        known = self.read(_youth_ids_by_phone, [youth["phone"]])
        youth["id"] = known.get(youth["phone"]) or uuid7()
        registration_id = walk_in_id(activity_id, youth["phone"])
        create = CreateRegistration(registration_id, activity_id, youth, RegistrationSource.WALK_IN)
        self.execute_many([create, ReviewRegistration(registration_id, Decision.APPROVE)])
        return registration_id

    # --- followers, notices, personal data -----------------------------------------------------

    def tag_followers(
        self, ids: Sequence[str], *, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> list[str]:
        """Add and remove tags on many followers, all or nothing (one undo step); their
        op_ids: one operation per `operations.MAX_IDS` followers, so the server never holds
        its write lock long for one of them."""
        ids, add, remove = tuple(dict.fromkeys(ids)), tuple(add), tuple(remove)
        ops = [TagFollowers(tuple(part), add=add, remove=remove) for part in chunked(ids)]
        return [op_id for op_id, _ in self.execute_many(ops, preload={"followers": ids})]

    def send_notice(self, org_id: str, title: str, body: str, tag: str = "") -> tuple[str, str]:
        """Queue a notice to the organisation's followers (with `tag`, or all); the server
        delivers it at the next sync. Returns (op_id, notice id)."""
        notice_id = uuid7()
        op_id, _ = self.execute(SendNotice(notice_id, org_id, title, body, tag))
        return op_id, notice_id

    def set_target(
        self, org_id: str, fields: Mapping[str, Any], target_id: str | None = None
    ) -> tuple[str, str]:
        """Set (or, with `target_id`, change) the 考核 target of a subordinate organisation;
        returns (op_id, target id). Only the server knows whether this account may."""
        target_id = target_id or uuid7()
        op_id, _ = self.execute(SetTarget(target_id, org_id, dict(fields)))
        return op_id, target_id

    def set_guardian_consent(self, youth_id: str, status: GuardianConsent | str) -> str:
        op_id, _ = self.execute(RecordConsent(youth_id, GuardianConsent(status)))
        return op_id

    # --- youth requests (诉求) -------------------------------------------------------------

    def classify_request(self, request_id: str, category: str) -> str | None:
        """Set the request's category (from the one this device shows, so another device's
        different classification meanwhile becomes a conflict); None when it has it already."""
        current = self.read(_request_category, request_id)
        if current is None:
            raise RuleViolation("not_found")
        if current == category.strip():
            return None
        op_id, _ = self.execute(
            ClassifyRequest(request_id, {"category": category}, {"category": current})
        )
        return op_id

    def assign_request(self, request_id: str, org_id: str) -> str:
        op_id, _ = self.execute(AssignRequest(request_id, org_id))
        return op_id

    def reply_request(self, request_id: str, text: str) -> str:
        op_id, _ = self.execute(ReplyRequest(request_id, text))
        return op_id

    def archive_requests(self, ids: Sequence[str]) -> list[str]:
        """Archive several requests, all or nothing (one undo step); their op_ids."""
        done = self.execute_many([ArchiveRequest(i) for i in ids], preload={"requests": ids})
        return [op_id for op_id, _ in done]

    # --- sync issues and wiping the device (thin: the work is in sync_issues) ----------------

    def open_conflicts(self) -> list[dict[str, Any]]:
        return self.read(sync_issues.open_conflicts)

    def rejected_operations(self) -> list[dict[str, Any]]:
        return self.read(sync_issues.rejected_operations)

    def sync_issue_count(self) -> int:
        return self.read(sync_issues.issue_count)

    def resolve_conflict(self, conflict_id: str, *, use_mine: bool) -> str | None:
        """Settle a conflict: keep the server's value (nothing to send), or queue an edit that
        sets this device's value again, settled in the same transaction. Returns that edit's
        op_id (undoable; undo reopens the conflict), else None. RuleViolation when the record
        is gone or no longer editable; the conflict then stays open."""
        item = self.read(sync_issues.conflict, conflict_id)
        if item is None:
            raise RuleViolation("not_found")
        operation = self.read(sync_issues.use_mine_operation, item) if use_mine else None
        if operation is None:
            with self._writer.begin() as conn:
                sync_issues.mark_resolved(conn, item, self.clock())
            self._announce("conflicts")
            return None
        op_id, _ = self.execute(
            operation, also=lambda conn, now: sync_issues.mark_resolved(conn, item, now)
        )
        self._announce("conflicts")
        return op_id

    def dismiss_rejected(self, op_id: str) -> bool:
        with self._writer.begin() as conn:
            dismissed = sync_issues.dismiss_rejected(conn, op_id)
        if dismissed:
            self._announce("outbox")
        return dismissed

    def clear_local_data(self) -> None:
        """Forget this device's data (records, outbox, conflicts, account, cursor) in one
        transaction, remove its schema-upgrade backups, then compact the file so no deleted
        personal data lingers in free pages. Works with the file open, so also on Windows."""
        with self._writer.begin() as conn:
            sync_issues.wipe(conn)
            self.journal.clear()
        self._reference = None
        raw = self.engine.raw_connection()  # VACUUM cannot run inside a transaction
        try:
            raw.driver_connection.execute("VACUUM")
            raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except cipher.DRIVER_ERRORS as error:  # the data is gone already; the next VACUUM compacts
            log.warning("VACUUM after clearing the local data failed: %s", error)
        finally:
            raw.close()
        # The schema-upgrade copies beside the file hold the same personal data.
        prune_backups(self.path, keep=0)
        log.info("local data cleared")
        self._announce_all()

    def fold_write_ahead_log(self) -> None:
        """Copy the write-ahead log into the database file and empty it: the log keeps the old
        versions of changed pages, so a youth the server erased or redacted would otherwise
        linger beside the file until SQLite restarted the log. Best effort: a reader holding
        an old snapshot leaves the rest for the next time. First, where the search index
        cannot drop deleted words at once, it is merged (`request_search`)."""
        if not self._search_forgets:
            with self._writer.begin() as conn:
                request_search.optimize(conn)
        with self.engine.connect() as conn:
            busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
        if busy:
            log.info("write-ahead log not emptied: a reader was busy")

    def sync_finished(self, at: datetime | None, *, pulled: bool) -> None:
        """A sync's end: `last_sync_at` set to `at` (None: it failed or was cancelled), and
        after one that `pulled` rows, the log folded (`fold_write_ahead_log_soon`). Neither
        waits for the log to be copied into the file."""
        if at is not None and not pulled:
            self.set_meta("last_sync_at", at.isoformat())
        elif at is not None:  # the pull's log is still to be copied: not by this commit
            with self._writer.connect() as conn, _checkpoint_deferred(conn), conn.begin():
                self.set_meta("last_sync_at", at.isoformat(), conn=conn)
            self._announce("meta")
        if pulled:
            self.fold_write_ahead_log_soon()

    def fold_write_ahead_log_soon(self) -> None:
        """`fold_write_ahead_log` on a thread of its own, after a sync that pulled rows: the
        sync is over once its rows are committed (its writes leave the log to this,
        `_checkpoint_deferred`), and copying them into the file (0.1 s for a pull of 1,500
        rows, a second for a county's snapshot) does not hold it up. One at a time; the next
        one, and `close`, wait for it."""
        self.wait_for_fold()
        self._fold = threading.Thread(target=self._fold_quietly, name="fold-wal", daemon=True)
        self._fold.start()

    def wait_for_fold(self) -> None:
        """Wait for a fold `fold_write_ahead_log_soon` started, if one runs."""
        if self._fold is not None:
            self._fold.join()
            self._fold = None

    def _fold_quietly(self) -> None:
        try:
            self.fold_write_ahead_log()
        except Exception:  # best effort, as the fold itself: the next sync folds again
            log.exception("folding the write-ahead log failed")

    # --- reads -------------------------------------------------------------------------------

    def read(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run a function of `sync.client.store.queries` on a fresh read connection."""
        with self.engine.connect() as conn:
            return func(conn, *args, **kwargs)

    def activity(self, activity_id: str) -> dict[str, Any] | None:
        return self.read(queries.activity, activity_id)

    def activity_ids(self, query: queries.ActivityQuery) -> list[str]:
        return self.read(queries.activity_ids, query, self.clock())

    def activity_rows(self, ids: list[str]) -> dict[str, dict[str, Any]]:
        return self.read(queries.activity_rows, ids)

    def categories(self) -> list[dict[str, Any]]:
        return self.read(queries.category_list)

    def organizations(self) -> list[dict[str, Any]]:
        return self.read(queries.organization_list)

    def pending_count(self) -> int:
        return self.read(queries.pending_operation_count)

    def outbox_entries(self) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(outbox).order_by(outbox.c.seq))
            return [dict(r._mapping) for r in rows]

    def count(self, table: str) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(RECORDS[table])) or 0

    # --- sync ----------------------------------------------------------------------------

    def ops_to_push(self, limit: int) -> list[dict[str, Any]]:
        """The oldest pending operations, in the order they were made."""
        with self.engine.connect() as conn:
            rows = conn.execute(_TO_PUSH, {"limit": limit})
            return [
                {
                    "op_id": r.op_id,
                    "kind": r.kind,
                    "payload": json.loads(r.payload),
                    "occurred_at": r.occurred_at.isoformat(),
                    "device_id": r.device_id,
                }
                for r in rows
            ]

    def take_push_results(self, results: list[OpResult]) -> None:
        with self._writer.begin() as conn:
            replica.record_results(conn, self.reference, results, self.clock(), actor=self.actor())
            self._journal_unqueued(conn, [r.op_id for r in results])
        self._announce_all()

    # --- the outbox journal (`store.journal`) ---------------------------------------------------

    def _journal_unqueued(self, conn: Connection, op_ids: Sequence[str]) -> None:
        """Inside the write transaction that took operations out of the pending queue. Should
        the commit then fail, the journal misses pending operations only until the next open
        (`reconcile_journal`); never the other way round."""
        if conn.scalar(select(outbox.c.op_id).where(outbox.c.state == "pending").limit(1)):
            self.journal.forget(op_ids)
        else:
            self.journal.clear()

    def reconcile_journal(self) -> None:
        """Make the journal hold every pending operation (one queued before it existed, or
        after a failed commit emptied it) and nothing already gone (rewritten compactly). Its
        own operations stay even when the outbox lacks them: after `repair` they are the ones
        the damaged file lost. Takes the write lock only when something is to be written."""

        def missing(conn: Connection, known: Iterable[str]) -> list[dict[str, Any]]:
            known = set(known)
            pending = select(outbox).where(outbox.c.state == "pending").order_by(outbox.c.seq)
            return [dict(r._mapping) for r in conn.execute(pending) if r.op_id not in known]

        def stale(found: Any, add: list) -> bool:
            return bool(add) or not found.exists or found.waste or found.lines > 1

        with self.engine.connect() as conn:
            found = self.journal.read()
            if not stale(found, missing(conn, found.ops)):
                return
        with self._writer.begin() as conn:
            found = self.journal.read()  # again, under the lock: no append in flight
            add = missing(conn, found.ops)
            if stale(found, add):
                self.journal.rewrite([*add, *found.ops.values()])
                log.info("outbox journal rewritten: %d operations", len(add) + len(found.ops))

    def take_pull_page(self, page: PullPage) -> None:
        self.take_pull_pages([page])

    def take_pull_pages(self, pages: Sequence[PullPage]) -> None:
        """Consecutive pulled pages in one transaction and one rebase (`replica.apply_pages`)."""
        if not pages:
            return
        if not any(page.rows or page.deleted for page in pages) and self._settled(pages[-1]):
            return  # nothing changed: no write, nobody to tell (a sync with nothing to do)
        with (
            _cyclic_gc_paused(),  # a page of 1,000 rows: ~40 ms less (see the helper)
            self._writer.connect() as conn,
            _checkpoint_deferred(conn),
            conn.begin(),
        ):
            replica.apply_pages(conn, self.reference, pages, actor=self.actor())
        self._announce_all()

    def pull_cursor(self) -> int:
        return self.read(replica.get_cursor)

    def _settled(self, page: PullPage) -> bool:
        """The device is at `page`'s cursor and check-in key already, and no acknowledged
        operation waits for a pull to pass the cursor: one query (a sync with nothing to do
        makes it every time)."""
        with self.engine.connect() as conn:
            waiting, cursor, key = conn.execute(_SETTLED).one()
        return not waiting and int(cursor or 0) == page.cursor and page.checkin_key in ("", key)

    @property
    def snapshot_download_path(self) -> Path:
        """Where a snapshot is downloaded: beside the database (same disk, same permissions)."""
        return self.path.with_name(self.path.stem + ".download.sqlite")

    def discard_snapshot_download(self) -> None:
        """Delete a downloaded snapshot, e.g. one a crash left behind."""
        self.snapshot_download_path.unlink(missing_ok=True)

    def install_snapshot(self, path: Path) -> snapshot.SnapshotInfo:
        """Check a downloaded server snapshot and install it atomically (`store.snapshot`):
        the record tables, the cursor and the outbox change together or not at all.
        SnapshotError, with nothing changed, when the file is damaged or incomplete."""
        info = snapshot.check(path)
        with (
            self._writer.connect() as conn,
            _checkpoint_deferred(conn),
            snapshot.prepared(conn, path),
        ):
            try:
                with conn.begin():
                    snapshot.install(conn, self.reference, info)
            except IntegrityError as error:  # e.g. two rows with one id
                raise snapshot.SnapshotError(f"inconsistent snapshot: {error.orig}") from error
        self._announce_all()
        return info

    def _announce_all(self) -> None:
        for table in RECORDS:
            self._announce(table)
        self._announce("outbox")
        self._announce("conflicts")
        self._announce("meta")


def _request_category(conn: Connection, request_id: str) -> str | None:
    t = RECORDS["requests"]
    return conn.scalar(select(t.c.category).where(t.c.id == request_id))


@contextmanager
def _checkpoint_deferred(conn: Connection) -> Iterator[None]:
    """No automatic checkpoint when this connection commits (SQLite runs one in the commit
    once the log passes 1,000 pages, copying them into the file: most of a pull's commit):
    for a sync's big writes, whose log `Store.fold_write_ahead_log_soon` folds afterwards.
    Set on the driver's connection outside any transaction, and put back."""
    raw = conn.connection.driver_connection
    pages = raw.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    raw.execute("PRAGMA wal_autocheckpoint=0")
    try:
        yield
    finally:
        raw.execute(f"PRAGMA wal_autocheckpoint={int(pages)}")


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """A bulk transaction makes hundreds of thousands of short-lived dicts and tuples and no
    reference cycle; the cycle collector, run every 700 new objects and now and then over the
    app's whole heap, took a fifth of a 5,000-row import's processor time walking them, and
    40-50 of the 100-160 ms of taking in a pulled page of 1,000 activities and 600 promoted
    registrations (`benchmarks/bench_sync.py --only pull`). It resumes when the transaction
    ends (and is left alone where something else paused it)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _youth_ids_by_phone(conn: Connection, phones: list[str]) -> dict[str, str]:
    """phone → id of a local youth with that phone (the earliest id when several share it): a
    walk-in at the door keeps the youth this laptop already knows; the server still decides
    (`operations.registrations`), so this only saves a duplicate shown until the next sync."""
    found: dict[str, str] = {}
    for start in range(0, len(phones), 500):
        chunk = phones[start : start + 500]
        rows = conn.execute(
            select(youths.c.phone, youths.c.id)
            .where(youths.c.phone.in_(chunk))
            .order_by(youths.c.id.desc())
        )
        found.update({r.phone: r.id for r in rows})
    return found
