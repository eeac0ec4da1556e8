"""Schema migrations. The pattern for every future schema change: a database written by the first
schema, holding data, opens after all later steps with nothing lost."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from sync.client.store import Store, migrations, request_search
from sync.client.store.migrations import LATEST, NewerSchemaError, migrate
from sync.client.store.tables import metadata
from sync.core.operations import Kind
from tests.conftest import NOW, activity_fields

V1_ROWS = {
    "organizations": [
        (
            "org-1",
            "共青团南京市江宁区委员会",
            "county",
            None,
            "320115",
            "江宁区上元大街",
            118.84,
            31.95,
            "王老师",
            "025-52101234",
            3,
        ),
    ],
    "activities": [
        (
            "act-1",
            "org-1",
            "青年创业沙龙",
            "innovation",
            "简介",
            "320115",
            "创业园",
            118.84,
            31.95,
            "2026-12-08 02:00:00.000000",
            "2026-12-08 05:00:00.000000",
            "2026-11-28 02:00:00.000000",
            "2026-12-07 02:00:00.000000",
            30,
            1,
            0,
            "王老师",
            "025-52101234",
            "published",
            "2026-11-01 00:00:00.000000",
            "2026-11-02 00:00:00.000000",
            2,
        ),
    ],
    "youths": [("y-1", "李明", "13800001234", "male", "2004-05-06", "南京大学", "320115", 1)],
    "registrations": [
        (
            "r-1",
            "act-1",
            "y-1",
            "approved",
            "2026-11-29 01:00:00.000000",
            "2026-11-29 03:00:00.000000",
            "",
            1,
        )
    ],
    "followers": [("f-1", "org-1", "y-1", "2026-10-01 00:00:00.000000", "act-1", 1)],
    "outbox": [
        (
            1,
            "op-1",
            Kind.ACTIVITY_UPDATE,
            '{"id": "act-1"}',
            "2026-11-02 00:00:00.000000",
            "dev-1",
            "pending",
            "[]",
        )
    ],
    "meta": [("device_id", "dev-1"), ("org_id", "org-1")],
}


def _make_v1(path: Path) -> None:
    migrate(path, upto=1)
    db = sqlite3.connect(path)
    with db:
        for table, rows in V1_ROWS.items():
            marks = ",".join("?" * len(rows[0]))
            db.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)
    db.close()


def _dump(path: Path, table: str) -> list[tuple]:
    db = sqlite3.connect(path)
    try:
        return db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    finally:
        db.close()


def test_first_schema_opens_after_every_later_step_with_nothing_lost(tmp_path: Path, clock):
    path = tmp_path / "workbench.sqlite"
    _make_v1(path)
    store = Store(path, clock=clock)  # migrates on open
    try:
        for table, rows in V1_ROWS.items():
            # later steps may add columns; the first schema's columns keep their values
            kept = [row[: len(rows[0])] for row in _dump(path, table)]
            assert kept == rows, table
        assert store.device_id == "dev-1"
        assert [c["name"] for c in store.categories()][:2] == ["思想引领", "创新创业"]
        # the migrated database still works for new operations
        store.create_activity("org-1", activity_fields(NOW))
        assert store.pending_count() == 2
    finally:
        store.close()
    backups = list(tmp_path.glob("workbench.v1-*.bak.sqlite"))
    assert len(backups) == 1
    assert _dump(backups[0], "activities") == V1_ROWS["activities"]


def test_migrated_schema_equals_the_schema_derived_from_records(tmp_path: Path):
    path = tmp_path / "workbench.sqlite"
    migrate(path)
    inspector = inspect(create_engine(f"sqlite:///{path}"))
    # The 诉求 search index (FTS5) is no record: a virtual table and the tables it keeps.
    search = {t for t in inspector.get_table_names() if t.startswith(request_search.TABLE)}
    assert search == {request_search.TABLE} | {
        f"{request_search.TABLE}_{part}" for part in ("data", "idx", "config")
    }
    assert set(inspector.get_table_names()) - search == set(metadata.tables)
    for name, table in metadata.tables.items():
        columns = {c["name"]: c for c in inspector.get_columns(name)}
        assert list(columns) == [c.name for c in table.columns], name
        for column in table.columns:
            stored = columns[column.name]
            assert stored["nullable"] == (column.nullable and not column.primary_key), (
                name,
                column.name,
            )
            assert str(stored["type"]) == column.type.compile(dialect=inspector.dialect), (
                name,
                column.name,
            )
        indexes = {i["name"] for i in inspector.get_indexes(name)}
        assert indexes == {i.name for i in table.indexes}, name
        fks = {
            (f["constrained_columns"][0], f["referred_table"])
            for f in inspector.get_foreign_keys(name)
        }
        assert fks == {(fk.parent.name, fk.column.table.name) for fk in table.foreign_keys}, name


def test_fresh_database_is_created_at_the_latest_schema_without_backup(tmp_path: Path):
    path = tmp_path / "new.sqlite"
    assert migrate(path) == 0
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert list(tmp_path.glob("*.bak*")) == []
    assert migrate(path) == LATEST  # a second open changes nothing


def test_failed_step_leaves_the_previous_schema_intact(tmp_path: Path, monkeypatch):
    from sync.client.store import migrations

    path = tmp_path / "workbench.sqlite"
    _make_v1(path)

    def broken(db):
        db.execute("CREATE TABLE half_done (x INTEGER)")
        raise OSError("power cut")

    monkeypatch.setattr(migrations, "STEPS", (migrations.STEPS[0], broken))
    with pytest.raises(OSError):
        migrate(path, upto=2)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half_done" not in {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
    db.close()
    assert _dump(path, "activities") == V1_ROWS["activities"]


def test_database_from_a_newer_workbench_is_refused(tmp_path: Path):
    path = tmp_path / "workbench.sqlite"
    migrate(path)
    sqlite3.connect(path).execute(f"PRAGMA user_version = {LATEST + 1}")
    with pytest.raises(NewerSchemaError):
        Store(path)


def _old_backup(path: Path, version: int, stamp: str) -> Path:
    old = path.with_name(f"{path.stem}.v{version}-{stamp}.bak{path.suffix}")
    old.write_bytes(b"a copy of the personal data")
    return old


def test_schema_upgrade_backups_are_pruned_to_the_newest_few(tmp_path: Path, clock):
    path = tmp_path / "workbench.sqlite"
    older = [_old_backup(path, 1, f"2025010{day}T000000Z") for day in range(1, 5)]
    other = tmp_path / "other.v1-20250101T000000Z.bak.sqlite"  # another database's: not ours
    other.write_bytes(b"")
    _make_v1(path)
    Store(path, clock=clock).close()  # migrates on open, backing up first
    kept = sorted(tmp_path.glob("workbench.v*.bak.sqlite"))
    assert len(kept) == migrations.KEEP_BACKUPS
    assert older[-1] in kept and not any(p.exists() for p in older[:-1])
    assert other.exists()


def test_clearing_the_local_data_removes_the_backups_too(tmp_path: Path, clock):
    path = tmp_path / "workbench.sqlite"
    _make_v1(path)
    store = Store(path, clock=clock)
    try:
        assert list(tmp_path.glob("workbench.v1-*.bak.sqlite"))
        store.clear_local_data()
    finally:
        store.close()
    assert list(tmp_path.glob("*.bak*")) == []
