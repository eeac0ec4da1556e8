"""Writes that arrive together share one transaction (`sync.server.group_commit`), each still
answered alone: a write that fails takes back only its own changes."""

from __future__ import annotations

import threading
import time
from contextlib import contextmanager

import pytest
from sqlalchemy import Column, Integer, MetaData, String, Table, create_engine, event, select

from sync.server.group_commit import GroupCommit

metadata = MetaData()
notes = Table("notes", metadata, Column("id", Integer, primary_key=True), Column("text", String))


@pytest.fixture
def engine(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'notes.sqlite'}")

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):
        dbapi_connection.isolation_level = None  # SQLAlchemy's pysqlite savepoint recipe

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    metadata.create_all(engine)
    yield engine
    engine.dispose()


def _writes(engine, count: int, *, failing: set[int] = frozenset(), slow_first: float = 0.0):
    """`count` threads each writing one note at once; (their outcomes, commits made)."""
    group = GroupCommit(max_seconds=5.0)
    commits: list[int] = []
    event.listen(engine, "commit", lambda *_: commits.append(1))

    @contextmanager
    def transaction():
        with engine.begin() as conn:
            yield conn

    def write_note(n: int):
        def write(conn, _began):
            if n == 0:
                time.sleep(slow_first)  # the others queue meanwhile
            conn.execute(notes.insert().values(id=n, text=f"note {n}"))
            if n in failing:
                raise ValueError(f"note {n} refused")
            return n

        return write

    outcomes: dict[int, object] = {}
    start = threading.Barrier(count)

    def worker(n: int) -> None:
        start.wait()
        if n:
            time.sleep(0.05)  # after the first write began
        try:
            outcomes[n] = group.run(write_note(n), transaction)
        except ValueError as error:
            outcomes[n] = error

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return outcomes, len(commits)


def _stored(engine) -> list[int]:
    with engine.connect() as conn:
        return sorted(conn.scalars(select(notes.c.id)))


def test_writes_queued_behind_a_transaction_share_the_next_one(engine):
    outcomes, commits = _writes(engine, 12, slow_first=0.3)
    assert outcomes == {n: n for n in range(12)}
    assert _stored(engine) == list(range(12))
    assert commits == 2  # the first alone (it began before the others came), then the rest


def test_a_failing_write_is_taken_back_alone_and_its_caller_told(engine):
    outcomes, _ = _writes(engine, 8, failing={3, 5}, slow_first=0.3)
    assert isinstance(outcomes[3], ValueError) and isinstance(outcomes[5], ValueError)
    assert {n: v for n, v in outcomes.items() if n not in (3, 5)} == {
        n: n for n in range(8) if n not in (3, 5)
    }
    assert _stored(engine) == [0, 1, 2, 4, 6, 7]


def test_a_transaction_that_cannot_begin_fails_the_writes_waiting_for_it(engine):
    group = GroupCommit(max_seconds=5.0)

    @contextmanager
    def busy():
        raise TimeoutError("writer busy")
        yield  # pragma: no cover

    with pytest.raises(TimeoutError):
        group.run(lambda conn, began: 1, busy)

    @contextmanager
    def transaction():
        with engine.begin() as conn:
            yield conn

    assert group.run(lambda conn, began: 2, transaction) == 2  # the queue works on afterwards
