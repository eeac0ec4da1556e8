"""A pulled row's JSON is kept per version (`sync.server.pull_rows`): a page never carries an
older version of a row than the database holds, and two databases in one process never share."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import make_url, select

from sync.core.operations import Kind
from sync.core.records import PRIMARY_KEYS
from sync.server import pull_rows, replication
from sync.server.db import Database, current_seq
from sync.server.tables import RECORDS


def _retitle(db: Database, scope: str, activity_id: str, title: str) -> int:
    """Change the activity's title; the change's sequence."""
    op = {
        "op_id": str(uuid.uuid4()),
        "kind": Kind.ACTIVITY_UPDATE.value,
        "payload": {"id": activity_id, "changes": {"title": title}},
        "device_id": "cache-test",
        "occurred_at": "",
    }
    (result,) = replication.apply_many(db, account_id=None, scope_path=scope, ops=[op])
    assert result.seq, result
    return result.seq


def _titles(db: Database, scope: str, after: int) -> dict[str, str]:
    with db.read() as conn:
        page = replication.pull(conn, scope_path=scope, ancestors=[], after=after, limit=1000)
    return {row["id"]: row["title"] for row in page.rows.get("activities", [])}


def _home(db: Database, home_org_id: str) -> tuple[str, list[str]]:
    """The home organisation's scope and two of its published activities."""
    a, orgs = RECORDS["activities"], RECORDS["organizations"]
    with db.engine.connect() as conn:
        scope = conn.scalar(select(orgs.c.scope_path).where(orgs.c.id == home_org_id))
        ids = conn.scalars(
            select(a.c.id)
            .where(a.c.status == "published", a.c.scope_path.startswith(scope))
            .order_by(a.c.id)
            .limit(2)
        ).all()
    return scope, list(ids)


def test_a_row_changed_after_it_was_pulled_is_pulled_in_its_new_version(seeded_database):
    url, seeded = seeded_database
    db = Database.connect(url)
    try:
        scope, (first, second) = _home(db, seeded.home_org_id)
        with db.read() as conn:
            cursor = current_seq(conn)
        one = _retitle(db, scope, first, "第一版")
        _retitle(db, scope, second, "另一个")
        assert _titles(db, scope, cursor) == {first: "第一版", second: "另一个"}  # now cached
        two = _retitle(db, scope, first, "第二版")
        assert _titles(db, scope, cursor) == {first: "第二版", second: "另一个"}
        with db.read() as conn:  # the cache of the engine pulls read with
            versions = [("activities", first, one), ("activities", first, two)]
            rows = pull_rows.cache_of(conn.engine).get_many(versions)
        assert [r["title"] for r in rows.values()] == ["第一版", "第二版"]  # both versions kept
    finally:
        db.engine.dispose()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_two_databases_with_the_same_rows_and_sequences_do_not_share_cached_rows(
    seeded_database, tmp_path
):
    url, seeded = seeded_database
    twin_path = tmp_path / "twin.sqlite"
    source, target = sqlite3.connect(make_url(url).database), sqlite3.connect(twin_path)
    source.backup(target)
    source.close()
    target.close()
    one, twin = Database.connect(url), Database.connect(f"sqlite:///{twin_path}")
    try:
        scope, (activity_id, _) = _home(one, seeded.home_org_id)
        with one.read() as conn:
            cursor = current_seq(conn)
        _retitle(one, scope, activity_id, "甲库")
        _retitle(twin, scope, activity_id, "乙库")  # the same id and sequence, other content
        assert _titles(one, scope, cursor) == {activity_id: "甲库"}
        assert _titles(twin, scope, cursor) == {activity_id: "乙库"}
    finally:
        one.engine.dispose()
        twin.engine.dispose()


def test_the_cache_keeps_the_most_recently_used_versions():
    cache = pull_rows.RowCache(size=3)
    cache.put_many({("t", str(n), n): {"n": n} for n in range(3)})
    assert cache.get_many([("t", "0", 0)])  # used: now the most recent
    cache.put_many({("t", "3", 3): {"n": 3}})
    kept = cache.get_many([("t", str(n), n) for n in range(4)])
    assert sorted(v["n"] for v in kept.values()) == [0, 2, 3]


def _reject(db: Database, scope: str, registration_id: str) -> int:
    op = {
        "op_id": str(uuid.uuid4()),
        "kind": Kind.REGISTRATION_REVIEW.value,
        "payload": {"id": registration_id, "decision": "reject", "reason": "名额已满"},
        "device_id": "parents-test",
        "occurred_at": "",
    }
    (result,) = replication.apply_many(db, account_id=None, scope_path=scope, ops=[op])
    assert result.seq, result
    return result.seq


def test_a_page_adds_the_parents_changed_after_the_cursor_and_every_youth(seeded_database):
    """`replication._add_referenced`: a device at cursor `after` holds the rows of its scope as
    of `after`, so a parent unchanged since is not sent again; one changed since is (the page
    may end before its own change), and a youth always is (in scope through its links)."""
    url, seeded = seeded_database
    db = Database.connect(url)
    try:
        scope, _ = _home(db, seeded.home_org_id)
        r = RECORDS["registrations"]
        with db.read() as conn:
            registration, activity, youth = conn.execute(
                select(r.c.id, r.c.activity_id, r.c.youth_id)
                .where(r.c.status == "pending", r.c.scope_path.startswith(scope))
                .limit(1)
            ).one()
            cursor = current_seq(conn)

        def page(limit: int = 1000) -> dict[str, set[str]]:
            with db.read() as conn:
                got = replication.pull(
                    conn, scope_path=scope, ancestors=[], after=cursor, limit=limit
                )
            return {t: {row[PRIMARY_KEYS[t]] for row in rows} for t, rows in got.rows.items()}

        rejected = _reject(db, scope, registration)
        first = page()
        assert first["registrations"] == {registration}
        assert youth in first["youths"]
        assert "activities" not in first and "organizations" not in first

        assert _retitle(db, scope, activity, "报名后改了标题") > rejected
        cut = page(limit=1)  # the registration alone, before its activity's change
        assert cut["registrations"] == {registration}
        assert cut["activities"] == {activity}
        assert youth in cut["youths"]
    finally:
        db.engine.dispose()
