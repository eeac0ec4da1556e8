"""A push applied in bulk: the rows and answers of one transaction are read and logged together,
while each operation keeps its own rules, answer, refusal and exactly-once replay."""

from __future__ import annotations

import uuid

from sqlalchemy import event, select

from sync.core.operations import Kind
from sync.core.protocol import OpStatus
from sync.server import replication
from sync.server.db import Database
from sync.server.tables import RECORDS, applied_ops

# Statements per operation of a bulk edit of one activity's capacity: the activity written,
# plus a savepoint and its release once an operation of the push was refused (its transaction
# is then applied again with them). The activity is read and its registrations counted by
# status (approved seats, waitlist) once per transaction, the answers given before looked up
# and the new ones logged once per transaction. Applied one by one it took eight: an answer
# lookup, a log insert, a read of the activity and a count per operation; before the waitlist
# was counted in that one query, two (its waitlist was read per operation).
STATEMENTS_PER_OP = 1
WITH_SAVEPOINTS = 4
# begin, its savepoint and release (`group_commit`), the change counter, categories, answers,
# rows read, log, slack
PER_TRANSACTION = 12


def _edit(activity_id: str, capacity: int, op_id: str | None = None) -> dict:
    return {
        "op_id": op_id or str(uuid.uuid4()),
        "kind": Kind.ACTIVITY_UPDATE.value,
        "payload": {"id": activity_id, "changes": {"capacity": capacity}},
        "device_id": "bulk-test",
        "occurred_at": "",
    }


def test_a_bulk_push_reads_shared_rows_once_and_answers_each_operation(seeded_database):
    url, seeded = seeded_database
    db = Database.connect(url)
    try:
        a = RECORDS["activities"]
        scope, activity_id, version = _published_activity(db, seeded.home_org_id)
        edits = [_edit(activity_id, 500 + n) for n in range(60)]
        missing = _edit("no-such-activity", 1)
        ops = [*edits[:30], missing, edits[29], *edits[30:]]  # a refusal, and one op twice

        statements: list[str] = []
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            results = replication.apply_many(
                db, account_id=None, scope_path=scope, ops=ops, actor="bulk"
            )
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)

        assert len(results) == len(ops)
        assert results[30].status is OpStatus.REJECTED and results[30].code == "not_found"
        assert results[31] == results[29]  # the same op_id again: the same answer, applied once
        applied = [r for i, r in enumerate(results) if i not in (30, 31)]
        assert all(r.status is OpStatus.APPLIED for r in applied)
        seqs = [r.seq for r in applied]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        # the refused one's transaction ran as far as it, then again with savepoints
        budget = STATEMENTS_PER_OP * 30 + WITH_SAVEPOINTS * len(ops) + 2 * PER_TRANSACTION
        assert len(statements) <= budget, len(statements)

        with db.engine.connect() as conn:
            row = conn.execute(select(a.c.capacity, a.c.version).where(a.c.id == activity_id))
            assert tuple(row.one()) == (559, version + 60)
            logged = conn.scalars(
                select(applied_ops.c.op_id).where(
                    applied_ops.c.op_id.in_([op["op_id"] for op in ops])
                )
            ).all()
            assert sorted(logged) == sorted({op["op_id"] for op in ops})

        again = replication.apply_many(db, account_id=None, scope_path=scope, ops=ops, actor="x")
        assert again == results  # replayed: the stored answers, nothing applied twice
        with db.engine.connect() as conn:
            row = conn.execute(select(a.c.version).where(a.c.id == activity_id))
            assert row.scalar() == version + 60

        statements.clear()  # a push nothing refuses: no savepoints
        event.listen(db.engine, "before_cursor_execute", listener)
        try:
            fine = [_edit(activity_id, 700 + n) for n in range(60)]
            done = replication.apply_many(db, account_id=None, scope_path=scope, ops=fine)
        finally:
            event.remove(db.engine, "before_cursor_execute", listener)
        assert all(r.status is OpStatus.APPLIED for r in done)
        # and its updates sent together (one executemany; a statement per op before)
        assert len(statements) <= PER_TRANSACTION, statements
        with db.engine.connect() as conn:
            row = conn.execute(select(a.c.capacity, a.c.version).where(a.c.id == activity_id))
            assert tuple(row.one()) == (759, version + 120)
    finally:
        db.dispose()


def test_a_push_past_the_time_bound_continues_in_the_next_transaction(seeded_database, monkeypatch):
    """A transaction ends after the operation that takes it past TRANSACTION_SECONDS (here at
    once, so after every operation): the rest of the push goes on in new transactions, each
    operation still answered once and in order, a refusal still answered alone."""
    url, seeded = seeded_database
    monkeypatch.setattr(replication, "TRANSACTION_SECONDS", 0.0)
    db = Database.connect(url)
    try:
        a = RECORDS["activities"]
        scope, activity_id, version = _published_activity(db, seeded.home_org_id)
        edits = [_edit(activity_id, 800 + n) for n in range(20)]
        ops = [*edits[:12], _edit("no-such-activity", 1), *edits[12:]]
        commits: list[int] = []
        event.listen(db.engine, "commit", lambda *_: commits.append(1))
        results = replication.apply_many(db, account_id=None, scope_path=scope, ops=ops)
        # One transaction per operation, and the one in which the refusal was found: its
        # write (without savepoints) was taken back alone, then done again with them.
        assert len(commits) == len(ops) + 1
        assert [r.op_id for r in results] == [op["op_id"] for op in ops]
        assert results[12].status is OpStatus.REJECTED and results[12].code == "not_found"
        applied = [r for i, r in enumerate(results) if i != 12]
        assert all(r.status is OpStatus.APPLIED for r in applied)
        seqs = [r.seq for r in applied]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        assert replication.apply_many(db, account_id=None, scope_path=scope, ops=ops) == results
        with db.engine.connect() as conn:
            row = conn.execute(select(a.c.capacity, a.c.version).where(a.c.id == activity_id))
            assert tuple(row.one()) == (819, version + 20)  # each once, the replay nothing
    finally:
        db.dispose()


def _published_activity(db: Database, home_org_id: str) -> tuple[str, str, int]:
    """The home organisation's scope, and the first published activity in it: id, version."""
    a, orgs = RECORDS["activities"], RECORDS["organizations"]
    with db.engine.connect() as conn:
        scope = conn.scalar(select(orgs.c.scope_path).where(orgs.c.id == home_org_id))
        activity_id, version = conn.execute(
            select(a.c.id, a.c.version)
            .where(a.c.status == "published", a.c.scope_path.startswith(scope))
            .order_by(a.c.id)
            .limit(1)
        ).one()
    return scope, activity_id, version


def test_the_categories_are_read_once_a_transaction_and_afresh_in_the_next(seeded_database):
    """`server_reference` is shared by the writes of one transaction (a group commit's), never
    kept past it: a category added meanwhile is known to the next transaction's rules."""
    url, _seeded = seeded_database
    db = Database.connect(url)
    c = RECORDS["categories"]
    try:
        with db.write() as conn:
            first = replication.server_reference(conn)
            with conn.begin_nested():  # a group commit's write: the same transaction
                assert replication.server_reference(conn) is first
            row = dict(conn.execute(select(c).limit(1)).one()._mapping)
            assert "volunteering-2027" not in first.categories
        with db.write() as conn:
            conn.execute(c.insert().values({**row, "code": "volunteering-2027"}))
        with db.write() as conn:
            assert "volunteering-2027" in replication.server_reference(conn).categories
    finally:
        db.engine.dispose()
