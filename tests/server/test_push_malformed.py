"""A pushed operation whose values a column refuses to bind is refused, never a 500."""

from __future__ import annotations

import requests
from sqlalchemy import select

from sync.core.ids import uuid7
from sync.core.operations import Kind
from sync.server.db import Database
from sync.server.tables import RECORDS, applied_ops
from tests.conftest import activity_fields
from tests.server.conftest import Server, bearer, login


def test_a_time_without_its_zone_is_refused_as_malformed(server: Server):
    token = login(server, "jiangning").json()["token"]
    fields = {
        k: (v.replace(tzinfo=None).isoformat() if hasattr(v, "tzinfo") else v)
        for k, v in activity_fields().items()
    }
    op = {
        "op_id": f"naive-{uuid7()}",
        "kind": Kind.ACTIVITY_CREATE,
        "payload": {"id": uuid7(), "org_id": server.seeded.home_org_id, "fields": fields},
    }
    response = requests.post(
        server.url("/api/v1/push"), json={"ops": [op]}, headers=bearer(token), timeout=30
    )
    assert response.status_code == 200, response.text
    [result] = response.json()["results"]
    assert (result["status"], result["code"]) == ("rejected", "malformed_operation")


def test_a_value_refused_only_when_the_bulk_updates_are_sent_is_answered_alone(server: Server):
    """A bulk push applies its edits without savepoints and sends their updates together at
    the end (`ServerContext(defer_updates=True)`), so a value the rules accept but the database
    cannot store (a capacity of 2**63: beyond SQLite's 64-bit INTEGER, beyond PostgreSQL's
    INTEGER) fails there, after every rule passed, with no operation to blame. The push must
    still answer each operation: that one malformed, every other applied once, nothing lost."""
    token = login(server, "jiangning").json()["token"]
    db = Database.connect(server.database_url)
    try:
        a, orgs = RECORDS["activities"], RECORDS["organizations"]
        with db.engine.connect() as conn:
            home = server.seeded.home_org_id
            scope = conn.scalar(select(orgs.c.scope_path).where(orgs.c.id == home))
            before = {
                row.id: (row.capacity, row.version)
                for row in conn.execute(
                    select(a.c.id, a.c.capacity, a.c.version)
                    .where(a.c.status == "published", a.c.scope_path.startswith(scope))
                    .order_by(a.c.id)
                    .limit(20)
                )
            }
        assert len(before) >= 10  # a bulk push, not one by one
        bad = len(before) // 2
        ops = [
            {
                "op_id": f"flush-{uuid7()}",
                "kind": Kind.ACTIVITY_UPDATE,
                "payload": {
                    "id": activity_id,
                    "changes": {"capacity": 2**63 if n == bad else capacity + 5},
                },
            }
            for n, (activity_id, (capacity, _)) in enumerate(before.items())
        ]

        def push() -> list[dict]:
            response = requests.post(
                server.url("/api/v1/push"), json={"ops": ops}, headers=bearer(token), timeout=30
            )
            assert response.status_code == 200, response.text
            return response.json()["results"]

        results = push()
        assert [r["op_id"] for r in results] == [op["op_id"] for op in ops]
        assert (results[bad]["status"], results[bad]["code"]) == ("rejected", "malformed_operation")
        applied = [r for n, r in enumerate(results) if n != bad]
        assert all(r["status"] == "applied" for r in applied), applied
        seqs = [r["seq"] for r in applied]
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)

        def state() -> dict[str, tuple[int, int]]:
            with db.engine.connect() as conn:
                rows = conn.execute(
                    select(a.c.id, a.c.capacity, a.c.version).where(a.c.id.in_(list(before)))
                )
                return {row.id: (row.capacity, row.version) for row in rows}

        expected = {
            activity_id: (capacity, version) if n == bad else (capacity + 5, version + 1)
            for n, (activity_id, (capacity, version)) in enumerate(before.items())
        }
        assert state() == expected
        with db.engine.connect() as conn:
            logged = conn.scalars(
                select(applied_ops.c.op_id).where(
                    applied_ops.c.op_id.in_([op["op_id"] for op in ops])
                )
            ).all()
        assert sorted(logged) == sorted(op["op_id"] for op in ops)  # every answer kept

        assert push() == results  # sent again (its answer lost): the same answers
        assert state() == expected  # and nothing applied twice
    finally:
        db.dispose()
