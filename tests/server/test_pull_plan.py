"""The pull's SQL on SQLite walks the rows changed after the cursor (each table's seq index)
instead of the account's whole scope: before, a county account's pull of ~1,560 changed rows
read and sorted all 200,000 of its followers (benchmarks/bench_sync.py; README)."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import event, select, text, update
from sqlalchemy.engine.default import CACHE_HIT

from sync.core.operations import Kind
from sync.server import replication
from sync.server.db import Database, current_seq, next_seq
from sync.server.tables import RECORDS


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_pull_after_a_recent_cursor_reads_by_sequence(backend: str, seeded_database):
    url, seeded = seeded_database
    db = Database.connect(url)
    try:
        with db.read() as conn:
            scope = conn.execute(
                text("SELECT scope_path FROM organizations WHERE id = :id"),
                {"id": seeded.home_org_id},
            ).scalar()
            after = current_seq(conn) - 10
            # every table's rows in one statement (one round trip), each by its seq index
            by_scope = replication.by_scope_index(changes=10)
            stmt = replication.changes_after(by_scope_index=by_scope)
            stmt = stmt.params(replication.pull_parameters(scope, [], after=after, limit=5))
            sql = str(stmt.compile(db.engine, compile_kwargs={"literal_binds": True}))
            plan = [r[3] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}")]
            for table in replication.PULLED:
                assert any(f"USING INDEX ix_{table}_seq" in step for step in plan), (table, plan)
            assert not any("TEMP B-TREE" in step for step in plan), plan
            page = replication.pull(conn, scope_path=scope, ancestors=[], after=after, limit=5)
            assert page.cursor > after
    finally:
        db.engine.dispose()


def test_a_prepared_worker_builds_no_statement_for_its_first_pull(backend: str, seeded_database):
    """`replication.prepare_pull` (run as a worker starts) leaves every statement of a pull in
    the engine's compiled cache: a page with a boundary and referenced rows then compiles
    nothing (on a fresh engine it compiles each, ~30 ms for a county's page)."""
    url, seeded = seeded_database
    db = Database.connect(url)
    statements: list[tuple[str, bool]] = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement.split()[0], context.cache_hit == CACHE_HIT))

    try:
        with db.read() as conn:
            replication.prepare_pull(conn)
            scope = conn.execute(
                text("SELECT scope_path FROM organizations WHERE id = :id"),
                {"id": seeded.home_org_id},
            ).scalar()
            after = current_seq(conn) - 200
        event.listen(db.engine, "before_cursor_execute", seen)
        with db.read() as conn:
            page = replication.pull(conn, scope_path=scope, ancestors=[], after=after, limit=20)
        assert page.more and page.rows
        pulled = [hit for verb, hit in statements if verb not in ("BEGIN", "COMMIT", "ROLLBACK")]
        assert len(pulled) >= 3 and all(pulled), statements
    finally:
        db.engine.dispose()


def test_the_cursor_moves_past_changes_elsewhere_and_the_next_in_scope_still_comes(
    backend: str, seeded_database
):
    """A page that ends the scope's changes hands out the counter, not the scope's last change:
    another county's edit is never sent, yet the device's cursor passes it (kept behind, every
    sync walked the rest of the province's edits again). The next change in scope comes."""
    url, seeded = seeded_database
    db = Database.connect(url)
    o, a = RECORDS["organizations"], RECORDS["activities"]
    try:
        with db.read() as conn:
            scope = conn.scalar(select(o.c.scope_path).where(o.c.id == seeded.home_org_id))
            ancestors = [part for part in scope.strip("/").split("/") if part]
            elsewhere = conn.scalar(
                select(o.c.id).where(o.c.level == "county", o.c.id.not_in(ancestors)).limit(1)
            )
            mine = conn.scalar(
                select(a.c.id).where(a.c.scope_path.startswith(scope), a.c.deleted.is_(False))
            )
            after = current_seq(conn)
        with db.write() as conn:
            seq = next_seq(conn)
            conn.execute(
                update(o)
                .where(o.c.id == elsewhere)
                .values(name="共青团另一个县委员会", seq=seq, version=o.c.version + 1)
            )

        def pulled(cursor: int):
            with db.read() as conn:
                return replication.pull(
                    conn, scope_path=scope, ancestors=ancestors, after=cursor, limit=100
                )

        page = pulled(after)
        assert (page.rows, page.deleted, page.cursor) == ({}, {}, seq)
        op = {
            "op_id": str(uuid.uuid4()),
            "kind": Kind.ACTIVITY_UPDATE.value,
            "payload": {"id": mine, "changes": {"capacity": 4321}},
            "device_id": "cursor-test",
            "occurred_at": "",
        }
        (result,) = replication.apply_many(db, account_id=None, scope_path=scope, ops=[op])
        assert result.seq > seq, result
        page = pulled(page.cursor)
        assert [row["capacity"] for row in page.rows["activities"]] == [4321]
        assert page.cursor == result.seq
    finally:
        db.engine.dispose()
