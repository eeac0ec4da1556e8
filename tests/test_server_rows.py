"""Writing the server's rows into the replica (`sync.client.store.server_rows`): each value
stored exactly as the column's SQLAlchemy type stores it, and only what changed written."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, insert, text

from sync.client.store import Store
from sync.client.store.server_rows import write_server_rows
from sync.client.store.tables import RECORDS, metadata
from sync.core.codec import field_types, from_json, to_json
from sync.core.protocol import OpResult, OpStatus, PullPage
from sync.core.records import RECORD_TABLES, Activity
from tests.conftest import HOME_ORG, activity_fields

# Times as a server may send them: UTC with and without microseconds, UTC as "Z", and another
# offset (converted to UTC by the column type, as the shortcut for UTC must match).
TIMES = [
    "2026-05-01T08:30:00.123456+00:00",
    "2026-05-01T08:30:00+00:00",
    "2026-05-01T08:30:00.5Z",
    "2026-05-01T16:30:00.000250+08:00",
    "0999-01-02T03:04:05+00:00",
]


def _sample(record: type, time: str, n: int) -> dict:
    """A JSON row of `record` with a value in every field (a float given as an integer, as
    JSON may carry it)."""
    values = {}
    for name, kind in field_types(record).items():
        if kind is datetime:
            values[name] = time
        elif kind is date:
            values[name] = "2026-05-01"
        elif isinstance(kind, type) and issubclass(kind, StrEnum):
            values[name] = list(kind)[n % len(kind)].value
        elif kind is bool:
            values[name] = n % 2 == 0
        elif kind is int:
            values[name] = n + 3
        elif kind is float:
            values[name] = n + 2
        else:
            values[name] = f"{name}-{n}-团"
    return values


def _engine(path: Path):
    """The replica's tables in a plain file with no foreign keys checked: rows of every table
    stand alone here."""
    engine = create_engine(f"sqlite:///{path}")
    metadata.create_all(engine, tables=list(RECORDS.values()))
    return engine


@pytest.mark.parametrize("table", list(RECORD_TABLES))
def test_values_are_stored_as_their_column_types_store_them(tmp_path: Path, table: str):
    record = RECORD_TABLES[table]
    rows = [_sample(record, time, n) for n, time in enumerate(TIMES)]
    ours, theirs = _engine(tmp_path / "ours.sqlite"), _engine(tmp_path / "theirs.sqlite")
    with ours.begin() as conn:
        assert write_server_rows(conn, {table: rows}) == len(rows)
    with theirs.begin() as conn:
        conn.execute(insert(RECORDS[table]), [from_json(record, row) for row in rows])
    stored = []
    for engine in (ours, theirs):
        with engine.connect() as conn:
            stored.append(conn.execute(text(f"SELECT * FROM {table} ORDER BY 1")).fetchall())
    assert stored[0] == stored[1]
    assert len(stored[0]) == len(TIMES)


def _pulled(store: Store, cursor: int, row: dict) -> None:
    store.take_pull_page(
        PullPage(cursor=cursor, more=False, rows={"activities": [row]}, deleted={})
    )


def _synced_activity(store: Store) -> dict:
    """An activity the server has acknowledged and the device pulled: its server row."""
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    [create] = store.ops_to_push(10)
    store.take_push_results([OpResult(create["op_id"], OpStatus.APPLIED, seq=1)])
    row = to_json(Activity, store.activity(activity_id))
    _pulled(store, 1, row)
    return row


def _writes(store: Store) -> list[str]:
    """The INSERT and UPDATE statements the store sends from now on (a list that grows)."""
    seen: list[str] = []

    def record(conn, cursor, statement, *_):
        if statement.startswith(("INSERT", "UPDATE")) and "activities" in statement:
            seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    return seen


def test_only_the_changed_columns_of_a_changed_row_are_written(store: Store):
    row = _synced_activity(store)
    writes = _writes(store)
    _pulled(store, 2, {**row, "capacity": 99, "version": 2})
    assert writes == ["UPDATE activities SET capacity = ?, version = ? WHERE id = ?"]
    assert (store.activity(row["id"])["capacity"], store.pull_cursor()) == (99, 2)


def test_a_row_resent_unchanged_is_not_written(store: Store):
    row = _synced_activity(store)
    writes = _writes(store)
    _pulled(store, 2, dict(row))
    assert writes == []
    assert store.pull_cursor() == 2


def test_a_row_given_twice_in_one_page_keeps_the_later_version(store: Store):
    row = _synced_activity(store)
    later = [{**row, "capacity": 40, "version": 2}, {**row, "capacity": 50, "version": 3}]
    store.take_pull_page(PullPage(cursor=3, more=False, rows={"activities": later}, deleted={}))
    assert store.activity(row["id"])["capacity"] == 50


def test_a_field_an_older_server_leaves_out_takes_its_default(store: Store):
    row = _synced_activity(store)
    older = {k: v for k, v in row.items() if k != "requires_review"}
    older["id"], older["title"] = "activity-from-an-older-server", "旧服务器的活动"
    _pulled(store, 2, older)
    default = {f.name: f.default for f in dataclasses.fields(Activity)}["requires_review"]
    assert store.activity(older["id"])["requires_review"] is default


def test_a_garbled_time_is_refused_and_nothing_is_written(store: Store):
    row = _synced_activity(store)
    with pytest.raises(ValueError):
        _pulled(store, 2, {**row, "capacity": 77, "starts_at": "下周三上午"})
    assert store.activity(row["id"])["capacity"] == row["capacity"]
    assert store.pull_cursor() == 1
