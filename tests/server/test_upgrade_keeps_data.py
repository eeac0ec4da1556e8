"""Upgrades keep data: a device database of every local schema version the workbench has shipped
(1..LATEST), holding a county's data and operations not yet synced, opens in this version with
nothing lost, and its outbox then pushes to a real server. Encrypted too, for the latest two.

The fixtures are built here, not kept as files, and this equals what shipped because:
- the schema of version v is what `migrate(upto=v)` makes: every step is frozen SQL that is never
  edited once shipped (migrations.py's rule; `test_migrations.py` checks the last one against
  the records), so a new step adds a new fixture version with nothing to do here;
- the rows are what a device holds (a real download from the server plus offline work), copied
  into the columns version v had; columns added later get their defaults, as they would have;
- the outbox payloads are today's, and the wire protocol has had one version: PROTOCOL_MIN is
  checked below, so the day it is raised (old payloads no longer accepted), this test fails
  and the outboxes of older versions must become fixture files of their own payloads.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from sync.client import deployment, local_data, session
from sync.client.engine import sync_once
from sync.client.store import DATABASE_NAME, cipher, migrations, request_search
from sync.core import protocol
from tests.conftest import activity_fields
from tests.server.conftest import Device, Server, demo_now, server_rows

CASES = [(v, False) for v in range(1, migrations.LATEST + 1)] + [
    (v, True) for v in sorted({max(1, migrations.LATEST - 1), migrations.LATEST})
]


def test_old_outboxes_carry_todays_payloads():
    assert protocol.PROTOCOL_MIN == 1  # see the module's docstring before changing this


def _offline_work(store, version: int) -> dict[str, str]:
    """Operations a cadre queued without a network: a new activity, an edited title and an
    cancelled registration; the ids to find them on the server afterwards."""
    org_id = session.signed_in(store).org_id
    title = f"升级前离线新建的活动（v{version}）"
    _, new_id = store.create_activity(org_id, activity_fields(title=title))
    with store.engine.connect() as conn:
        edited = conn.execute(
            text("SELECT id FROM activities WHERE status = 'published' AND org_id = :o LIMIT 1"),
            {"o": org_id},
        ).scalar_one()
        approved = conn.execute(
            text("SELECT id FROM registrations WHERE status = 'approved' LIMIT 1")
        ).scalar_one()
    store.update_activity(edited, {"title": f"升级前离线修改的标题（v{version}）"})
    store.cancel_registration(approved)
    return {"new": new_id, "edited": edited, "cancelled": approved}


def _columns(db: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [row[1] for row in db.execute(f'PRAGMA {schema}.table_info("{table}")')]


def _make_old_database(source: Path, target: Path, version: int) -> None:
    """A database of schema `version` holding the source device's rows, in that version's
    columns (INSERT OR REPLACE: a step's own seed rows give way to the device's)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    migrations.migrate(target, upto=version)
    db = sqlite3.connect(target, isolation_level=None)
    request_search.register(db)  # its triggers index the requests copied in
    try:
        db.execute("ATTACH DATABASE ? AS src", (str(source),))
        db.execute("BEGIN")
        tables = [
            r[0]
            for r in db.execute("SELECT name FROM main.sqlite_master WHERE type='table'")
            if not r[0].startswith(request_search.TABLE)  # an index, filled by its triggers
        ]
        for table in tables:
            mine = set(_columns(db, table, "src"))
            names = ", ".join(f'"{c}"' for c in _columns(db, table) if c in mine)
            db.execute(
                f'INSERT OR REPLACE INTO main."{table}" ({names}) SELECT {names} FROM src."{table}"'
            )
        db.execute("COMMIT")
        db.execute("DETACH DATABASE src")
    finally:
        db.close()


def _dump(db, tables_and_columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    """Every row of each table in the given columns, by primary key (DB-API or SQLAlchemy)."""
    out = {}
    for table, names in tables_and_columns.items():
        cols = ", ".join(f'"{c}"' for c in names)
        sql = f'SELECT {cols} FROM "{table}" ORDER BY {cols}'
        if isinstance(db, sqlite3.Connection):
            out[table] = [tuple(r) for r in db.execute(sql)]
        else:
            out[table] = [tuple(r) for r in db.execute(text(sql))]
    return out


def _upgrade_and_push(source: Device, folder: Path, version: int, *, encrypted: bool) -> None:
    """Queue offline work on the source device, make a database of schema `version` of it, open
    that as the desktop does and push; then let the source catch up for the next round."""
    server = source.server
    ids = _offline_work(source.store, version)
    queued = source.store.pending_count()
    path = folder / DATABASE_NAME
    source.store.fold_write_ahead_log()
    _make_old_database(source.store.path, path, version)
    db = sqlite3.connect(path)
    shape = {
        t: _columns(db, t)
        for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
        if not t.startswith(request_search.TABLE)  # an index, not data
    }
    before = _dump(db, shape)
    db.close()
    assert sum(1 for op in before["outbox"] if "pending" in op) == queued == 3, version
    assert all(before[t] for t in ("activities", "registrations", "youths", "meta")), version
    if encrypted:
        cipher.encrypt_in_place(path, cipher.key_for(path))

    # as the desktop opens it: converted to encrypted where the OS has a keyring, migrated
    store = local_data.open_store(folder, deployment.Deployment(), clock=demo_now)
    try:
        assert store.encrypted
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA user_version")).scalar() == migrations.LATEST
            assert _dump(conn, shape) == before, version  # nothing lost, not a value changed
        assert store.pending_count() == queued, version
        backups = migrations.backups(path)
        assert len(backups) == (version < migrations.LATEST), version

        client = session.connect(store)
        try:
            report = sync_once(store, client)
        finally:
            client.close()
        assert report.ok and report.pushed == queued and report.rejected == 0, (version, report)
        assert store.pending_count() == 0, version
    finally:
        store.close()
    title = "SELECT title FROM activities WHERE id = :i"
    assert server_rows(server, title, i=ids["new"])[0][0].endswith(f"（v{version}）")
    assert server_rows(server, title, i=ids["edited"])[0][0].endswith(f"（v{version}）")
    status = "SELECT status FROM registrations WHERE id = :i"
    assert server_rows(server, status, i=ids["cancelled"]) == [("cancelled",)], version
    source.sync()  # the same op_ids again: the server answers from its log, applies nothing


@pytest.mark.parametrize("backend", ["sqlite"])  # the device's schema is what is under test
def test_every_shipped_schema_upgrades_with_its_outbox(server: Server, tmp_path: Path):
    source = Device(server, tmp_path / "source", clock=demo_now)
    try:
        source.sync()
        for version, encrypted in CASES:
            folder = tmp_path / f"v{version}{'-encrypted' if encrypted else ''}"
            _upgrade_and_push(source, folder, version, encrypted=encrypted)
    finally:
        source.close()
