"""`python -m sync.server` as an operator runs it: schema, organisations, accounts, demo data."""

from __future__ import annotations

import threading
from collections import Counter

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import UniqueConstraint, func, inspect, select

from sync.core import regions
from sync.server import auth
from sync.server.db import Database, current_seq, head_revision, next_seq, schema_revision
from sync.server.scope import in_scope, org_path, within_scope
from sync.server.tables import (
    RECORDS,
    accounts,
    activities,
    categories,
    metadata,
    notice_deliveries,
    notices,
    organizations,
    registration_events,
    registrations,
)
from sync.tools.demo import SIZES
from tests.server.conftest import Seeded, run_cli, run_cli_together, run_ok


@pytest.fixture
def db(database_url: str):
    database = Database.connect(database_url, pool_size=1, max_overflow=1)
    yield database
    database.dispose()


def test_init_db_twice_is_fine(database_url: str, db: Database):
    head = head_revision()
    assert f"initialised at schema {head}" in run_ok("init-db", database_url=database_url)
    assert f"already at schema {head}" in run_ok("init-db", database_url=database_url)
    with db.read() as conn:
        assert schema_revision(conn) == head_revision()
        assert current_seq(conn) == 7  # the seven default categories, changes 1-7
        assert conn.scalar(select(func.count()).select_from(categories)) == 7


def test_migrated_schema_equals_the_tables_metadata(database_url: str, db: Database):
    run_ok("init-db", database_url=database_url)
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []

        inspector = inspect(conn)
        assert set(inspector.get_table_names()) == set(metadata.tables) | {"alembic_version"}
        for name, table in metadata.tables.items():
            columns = inspector.get_columns(name)
            # As sets: a later revision's ADD COLUMN appends after seq/deleted/scope_path, and
            # PostgreSQL cannot reorder columns without copying the table.
            assert {c["name"] for c in columns} == {c.name for c in table.columns}, name
            nullable = {c["name"]: c["nullable"] for c in columns}
            assert nullable == {c.name: c.nullable for c in table.columns}, name
            indexes = {
                i["name"]: (tuple(i["column_names"]), bool(i["unique"]))
                for i in inspector.get_indexes(name)
                if "duplicates_constraint" not in i  # PostgreSQL lists UNIQUE as an index too
            }
            assert indexes == {
                i.name: (tuple(c.name for c in i.columns), bool(i.unique)) for i in table.indexes
            }, name
            assert inspector.get_pk_constraint(name)["constrained_columns"] == [
                c.name for c in table.primary_key.columns
            ], name
            uniques = {
                (u["name"], tuple(u["column_names"]))
                for u in inspector.get_unique_constraints(name)
            }
            assert uniques == {
                (u.name, tuple(c.name for c in u.columns))
                for u in table.constraints
                if isinstance(u, UniqueConstraint)
            }, name
            foreign_keys = {
                (f["constrained_columns"][0], f["referred_table"], f["name"])
                for f in inspector.get_foreign_keys(name)
            }
            assert foreign_keys == {
                (fk.parent.name, fk.column.table.name, fk.constraint.name)
                for fk in table.foreign_keys
            }, name
            if conn.dialect.name == "postgresql" and name in RECORDS:
                (scope_index,) = (
                    i for i in inspector.get_indexes(name) if i["name"] == f"ix_{name}_scope_path"
                )
                ops = scope_index.get("dialect_options", {}).get("postgresql_ops")
                assert ops == {"scope_path": "text_pattern_ops"}, name


def test_seed_demo_writes_the_demo_tree_and_accounts(seeded_database: tuple[str, Seeded]):
    database_url, seeded = seeded_database
    table = regions.regions()
    counties = [c for c in table.counties() if not c.statistical_only]
    expected_orgs = 1 + len(table.cities()) + len(counties) + SIZES["small"].grassroots

    db = Database.connect(database_url, pool_size=1, max_overflow=1)
    try:
        with db.read() as conn:
            assert conn.scalar(select(func.count()).select_from(organizations)) == expected_orgs
            counts = {
                name: conn.scalar(select(func.count()).select_from(t))
                for name, t in RECORDS.items()
            }
            assert counts["activities"] == SIZES["small"].activities
            assert counts["youths"] == SIZES["small"].youths

            # every row has a change sequence of its own, all handed out by the counter
            seqs = [s for t in RECORDS.values() for s in conn.scalars(select(t.c.seq))]
            assert len(seqs) == len(set(seqs)) == sum(counts.values())
            assert max(seqs) == current_seq(conn)

            # paths: each organisation under its parent's; rows under their organisation's
            paths = {o.id: o.scope_path for o in conn.execute(select(organizations))}
            for org in conn.execute(select(organizations)):
                parent = paths[org.parent_id] if org.parent_id else "/"
                assert org.scope_path == f"{parent}{org.id}/"
            for activity in conn.execute(select(activities)):
                assert activity.scope_path == paths[activity.org_id]
            mismatched = conn.scalar(
                select(func.count())
                .select_from(registrations.join(activities))
                .where(registrations.c.scope_path != activities.c.scope_path)
            )
            assert mismatched == 0
            events = registration_events.join(registrations)
            mismatched = conn.scalar(
                select(func.count())
                .select_from(events)
                .where(registration_events.c.scope_path != registrations.c.scope_path)
            )
            assert counts["registration_events"] > counts["registrations"] and mismatched == 0

            # the demo's notices were delivered: one delivery per recipient counted
            sent = list(conn.execute(select(notices)))
            assert sent and {n.status for n in sent} == {"sent"}
            delivered = dict(
                conn.execute(
                    select(notice_deliveries.c.notice_id, func.count()).group_by(
                        notice_deliveries.c.notice_id
                    )
                ).all()
            )
            assert {n.id: n.recipient_count for n in sent if n.recipient_count} == delivered

            # the demo accounts: the home county, and grassroots organisations under it
            stored = {r.username: r for r in conn.execute(select(accounts))}
            assert set(stored) == set(seeded.accounts)
            home = org_path(conn, seeded.home_org_id)
            assert seeded.accounts["jiangning"].org_id == seeded.home_org_id
            grassroots = [a for a in seeded.accounts.values() if a.username != "jiangning"]
            assert len(grassroots) == SIZES["small"].grassroots
            kinds = Counter(a.username.rstrip("0123456789") for a in grassroots)
            assert {"jiangning-school", "jiangning-company", "jiangning-street"} <= set(kinds)
            for account in grassroots:
                assert in_scope(conn, home, account.org_id)
                assert not in_scope(conn, org_path(conn, account.org_id), seeded.home_org_id)
                assert stored[account.username].org_id == account.org_id
            assert auth.verify_password(stored["jiangning"].password_hash, "demo-password")
            assert auth.decode_permissions(stored["jiangning"].permissions) == (
                "reveal_personal_data",
            )
            assert {
                auth.decode_permissions(stored[a.username].permissions) for a in grassroots
            } == {()}

            # the SQL scope condition agrees with the paths, on this backend's own SQL
            school = seeded.accounts["jiangning-school1"].org_id
            for scope in ("/", home, paths[school]):
                expected = sum(1 for p in paths.values() if p.startswith(scope))
                found = conn.scalar(
                    select(func.count())
                    .select_from(organizations)
                    .where(within_scope(organizations.c.scope_path, scope))
                )
                assert found == expected, scope
            assert expected == 1  # a school has nothing below it
    finally:
        db.dispose()

    again = run_cli("seed-demo", database_url=database_url)
    assert again.returncode == 2
    assert "空数据库" in again.stderr


def test_create_org_and_account_round_trip(database_url: str, db: Database):
    run_ok("init-db", database_url=database_url)
    province = run_ok(
        "create-org",
        "--name",
        "共青团江苏省委员会",
        "--level",
        "province",
        "--region-code",
        "320000",
        database_url=database_url,
    ).strip()
    county = run_ok(
        "create-org",
        *("--name", "共青团南京市江宁区委员会", "--level", "county"),
        *("--parent-id", province, "--region-code", "320115"),
        database_url=database_url,
    ).strip()
    school = run_ok(
        "create-org",
        *("--name", "南京市江宁高级中学团委", "--level", "grassroots"),
        *("--parent-id", county, "--region-code", "320115"),
        database_url=database_url,
    ).strip()
    account_id = run_ok(
        "create-account",
        *("--username", "School-Admin", "--password", "a long password", "--org-id", school),
        *("--display-name", "江宁高级中学团委书记"),
        database_url=database_url,
    ).strip()
    county_admin = run_ok(
        "create-account",
        *("--username", "county-admin", "--password", "a long password", "--org-id", county),
        *("--permission", "reveal_personal_data", "--permission", "reveal_personal_data"),
        database_url=database_url,
    ).strip()

    with db.read() as conn:
        assert org_path(conn, school) == f"/{province}/{county}/{school}/"
        assert current_seq(conn) == 7 + 3  # after the categories: one change per organisation
        row = conn.execute(select(accounts).where(accounts.c.id == account_id)).one()
        assert (row.username, row.org_id, row.display_name) == (
            "school-admin",
            school,
            "江宁高级中学团委书记",
        )
        assert row.password_hash.startswith("$argon2id$")
        assert auth.verify_password(row.password_hash, "a long password")
        assert auth.decode_permissions(row.permissions) == ()
        admin = conn.execute(select(accounts).where(accounts.c.id == county_admin)).one()
        assert auth.decode_permissions(admin.permissions) == ("reveal_personal_data",)

    refusals = [
        # a county under a school
        (
            ("create-org", "--name", "x", "--level", "county", "--parent-id", school),
            "隶属",
        ),
        # a parent that does not exist
        (
            ("create-org", "--name", "x", "--level", "grassroots", "--parent-id", "no-such-org"),
            "找不到上级组织",
        ),
        # the same username again
        (
            ("create-account", "--username", "school-admin", "--password", "long enough"),
            "已被使用",
        ),
        # a permission nobody defined
        (
            (
                "create-account",
                "--username",
                "x1",
                "--password",
                "long enough",
                "--permission",
                "root",
            ),
            "没有这种权限",
        ),
    ]
    commands = [
        (*args, *(("--region-code", "320115") if args[0] == "create-org" else ("--org-id", school)))
        for args, _ in refusals
    ]
    for done, (_, message) in zip(
        run_cli_together(commands, database_url=database_url), refusals, strict=True
    ):
        assert (done.returncode, done.stdout) == (2, ""), done.stderr
        assert message in done.stderr


def test_bad_input_exits_2_with_a_message(database_url: str):
    bad_level, uninitialised = run_cli_together(
        [
            ("create-org", "--name", "x", "--level", "village", "--region-code", "320115"),
            # a database nobody initialised: said plainly, not with a traceback
            ("create-org", "--name", "x", "--level", "province", "--region-code", "320000"),
        ],
        database_url=database_url,
    )
    assert bad_level.returncode == 2
    assert "--level" in bad_level.stderr and "invalid choice: 'village'" in bad_level.stderr
    assert uninitialised.returncode == 2
    assert "init-db" in uninitialised.stderr and "Traceback" not in uninitialised.stderr


def test_change_sequence_follows_commit_order(database_url: str):
    """A writer that takes the next sequence holds the counter until it commits: the next
    writer waits, so no reader can see seq N+1 before seq N has committed."""
    run_ok("init-db", database_url=database_url)
    db = Database.connect(database_url, pool_size=3, max_overflow=0)
    try:
        with db.write() as conn:  # a rolled-back writer gives its number back
            assert next_seq(conn) == 8
            conn.rollback()
        started, taken = threading.Event(), []

        def second_writer() -> None:
            started.set()
            with db.write() as conn:
                taken.append(next_seq(conn))

        with db.write() as conn:
            first = next_seq(conn)
            thread = threading.Thread(target=second_writer)
            thread.start()
            assert started.wait(10)
            thread.join(0.3)
            assert thread.is_alive() and taken == []  # waiting for the first to commit
            with db.read() as reader:
                assert current_seq(reader) == 7  # readers neither wait nor see it early
        thread.join(10)
        assert (first, taken) == (8, [9])
        with db.read() as reader:
            assert current_seq(reader) == 9
    finally:
        db.dispose()


def test_the_scope_condition_searches_the_scope_path_index(database_url: str, db: Database):
    """Every pull and every scope check filters by `within_scope`: the database must answer it
    from the scope_path index, not by reading a county's whole table. (On SQLite, SQLAlchemy
    once wrote the condition as `(...) = 1`, which SQLite cannot search an index for.)"""
    run_ok("init-db", database_url=database_url)
    with db.engine.connect() as conn:
        if db.backend == "postgresql":  # on empty tables a scan is cheapest: ask for the index
            conn.exec_driver_sql("SET enable_seqscan = off")
        for name, table in RECORDS.items():
            stmt = select(table.c.seq).where(within_scope(table.c.scope_path, "/p/c/"))
            sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
            explain = "EXPLAIN QUERY PLAN " if db.backend == "sqlite" else "EXPLAIN "
            plan = " ".join(str(row[-1]) for row in conn.exec_driver_sql(explain + sql))
            assert f"ix_{name}_scope_path" in plan, (name, sql, plan)


def test_organisations_get_an_address_and_a_place_on_the_map(database_url: str, db: Database):
    run_ok("init-db", database_url=database_url)
    province = run_ok(
        "create-org",
        *("--name", "共青团江苏省委员会", "--level", "province", "--region-code", "320000"),
        *("--address", "南京市北京西路 70 号", "--lon", "118.7627", "--lat", "32.0573"),
        *("--contact-name", "办公室", "--contact-phone", "025-83392000"),
        database_url=database_url,
    ).strip()
    with db.read() as conn:
        row = conn.execute(select(organizations).where(organizations.c.id == province)).one()
        assert (row.address, row.lon, row.lat, row.contact_phone) == (
            "南京市北京西路 70 号",
            118.7627,
            32.0573,
            "025-83392000",
        )
        seq, version = row.seq, row.version

    run_ok(
        "set-org-place",
        *("--org-id", province, "--address", "南京市北京西路 72 号"),
        *("--lon", "118.7630", "--lat", "32.0575"),
        database_url=database_url,
    )
    with db.read() as conn:
        row = conn.execute(select(organizations).where(organizations.c.id == province)).one()
        assert (row.address, row.lon, row.lat, row.contact_name) == (
            "南京市北京西路 72 号",
            118.7630,
            32.0575,
            "",
        )
        assert row.seq > seq and row.version == version + 1  # devices pull the change

    for args, message in (
        (("--lon", "117.0", "--lat", "35.0"), "不在江苏省范围内"),  # 山东
        (("--lon", "118.76"), "一起给出"),
    ):
        refused = run_cli("set-org-place", "--org-id", province, *args, database_url=database_url)
        assert refused.returncode == 2 and message in refused.stderr, refused.stderr
    missing = run_cli("set-org-place", "--org-id", "no-such-org", database_url=database_url)
    assert missing.returncode == 2 and "找不到组织" in missing.stderr
