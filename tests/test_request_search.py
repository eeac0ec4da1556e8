"""The 诉求 queue's text search index (`request_search`): it finds what LIKE '%word%' finds, and
stays in step with the rows however they are written (operations, pulls, a snapshot, an older
schema upgraded)."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy import insert

from sync.client.store import Store
from sync.client.store import request_queries as reqq
from sync.client.store.migrations import migrate
from sync.client.store.tables import organizations, requests, youths
from sync.core import protocol
from sync.core.codec import to_json
from sync.core.records import RECORD_TABLES, Youth, YouthRequest
from tests.conftest import HOME_ORG, NOW
from tests.test_requests_page import SEEDED, seed


def found(store: Store, text: str) -> set[str]:
    return set(store.read(reqq.request_ids, reqq.RequestQuery(text=text)))


def test_search_finds_exactly_what_a_substring_match_finds(store: Store):
    seed(store)
    # Every piece of one to three characters of the texts and names, and pieces spanning two
    # of them (in no text): the index answers each as a plain substring search would.
    haystacks = {rid: (text, name) for rid, name, text, *_ in SEEDED}
    pieces = {
        hay[i : i + n]
        for text, name in haystacks.values()
        for hay in (text, name)
        for n in (1, 2, 3)
        for i in range(len(hay) - n + 1)
    }
    pieces |= {"创贷", "业创", "心灯", "王小", "大力社"}
    for piece in sorted(pieces):
        expected = {rid for rid, (t, n) in haystacks.items() if piece in t or piece in n}
        assert found(store, piece) == expected, piece
    assert found(store, "返乡 贷款") == {"r-old"}  # every word, anywhere
    assert found(store, "返乡 篮球") == set()
    assert found(store, "，") == set(haystacks)  # no letters: narrows nothing


def test_full_width_and_capitals_match_as_typed(store: Store):
    seed(store)
    with store.engine.begin() as conn:
        mine = requests.update().where(requests.c.id == "r-new")
        conn.execute(mine.values(text="想考ＣＰＡ证书"))
    assert found(store, "cpa") == found(store, "ＣＰＡ") == found(store, "P") == {"r-new"}
    assert found(store, "心理") == set()  # the old words left the index


def _pull(store: Store, cursor: int, rows: dict) -> None:
    store.take_pull_page(protocol.PullPage(cursor=cursor, more=False, rows=rows, deleted={}))


def test_pulled_renames_redactions_and_deletions_reach_the_index(store: Store):
    seed(store)
    old_youth = {**_row(store, youths, "y-r-new"), "name": "林晓雨"}
    _pull(store, 1, {"youths": [to_json(Youth, old_youth)]})
    assert found(store, "晓雨") == {"r-new"} and found(store, "小雨") == set()

    # The server empties an erased youth's words; the index must not keep them.
    emptied = {**_row(store, requests, "r-old"), "text": "", "version": 2}
    _pull(store, 2, {"requests": [to_json(YouthRequest, emptied)]})
    assert found(store, "贷款") == set()
    assert found(store, "陈一鸣") == {"r-old"}  # the name still finds the request

    store.take_pull_page(
        protocol.PullPage(
            cursor=3,
            more=False,
            rows={},
            deleted={"requests": ["r-done"], "request_events": ["e-r-done"]},
        )
    )
    assert found(store, "篮球") == set()


def test_erased_words_leave_the_file_index_included(store: Store):
    """FTS5 deletes by marking: the entry would stay in its segment until a merge. With
    secure-delete (SQLite ≥ 3.42), or the merge after a pull, the file no longer holds it."""
    seed(store)
    # A term the index stores whole (no prefix shared with the term before it): ASCII names
    # sort first, and no other text starts with 鑫.
    with store.engine.begin() as conn:
        conn.execute(youths.update().values(name="ABC"))
        conn.execute(requests.update().where(requests.c.id == "r-old").values(text="鑫龘"))
    store.fold_write_ahead_log()
    assert "鑫龘".encode() in store.path.read_bytes()  # the row and the index hold it
    with store.engine.begin() as conn:
        conn.execute(requests.update().where(requests.c.id == "r-old").values(text="龘"))
    emptied = {**_row(store, requests, "r-old"), "text": "", "version": 2}
    _pull(store, 1, {"requests": [to_json(YouthRequest, emptied)]})
    store.fold_write_ahead_log()  # as a sync does after a pull that brought rows
    assert "鑫龘".encode() not in store.path.read_bytes()
    assert found(store, "心理") == {"r-new"}  # the rest is still found


def _row(store: Store, table, record_id: str) -> dict:
    with store.engine.connect() as conn:
        return dict(conn.execute(table.select().where(table.c.id == record_id)).one()._mapping)


def test_a_snapshot_install_fills_the_index(store: Store, tmp_path: Path, clock):
    # The snapshot: another store's file with the server's header added.
    other = Store(tmp_path / "other" / "workbench.sqlite", clock=clock)
    with other.engine.begin() as conn:
        conn.execute(insert(organizations), [_row(store, organizations, HOME_ORG)])
    seed(other)
    other.close()
    path = tmp_path / "snapshot.sqlite"
    shutil.copy(tmp_path / "other" / "workbench.sqlite", path)
    db = sqlite3.connect(path)
    with db:
        db.execute(f"CREATE TABLE {protocol.SNAPSHOT_META_TABLE} (key TEXT, value TEXT)")
        header = {"protocol": str(protocol.PROTOCOL_MAX), "cursor": "5"}
        for table in RECORD_TABLES:
            header[f"rows.{table}"] = str(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        db.executemany(f"INSERT INTO {protocol.SNAPSHOT_META_TABLE} VALUES (?, ?)", header.items())
    db.close()

    seed_ids = {rid for rid, *_ in SEEDED}
    store.install_snapshot(path)
    assert found(store, "创业") == {"r-old"} and found(store, "") == seed_ids
    store.install_snapshot(path)  # again: the index is rebuilt, not doubled
    assert found(store, "心理") == {"r-new"}
    renamed = {**_row(store, youths, "y-r-new"), "name": "林雨"}
    _pull(store, 6, {"youths": [to_json(Youth, renamed)]})
    assert found(store, "林雨") == {"r-new"}  # the triggers are back after the install


def test_requests_stored_before_the_index_are_indexed_by_the_upgrade(tmp_path: Path, clock):
    path = tmp_path / "workbench.sqlite"
    migrate(path, upto=9)
    db = sqlite3.connect(path)
    with db:
        db.execute(
            "INSERT INTO organizations (id, name, level, region_code, address, contact_name, "
            "contact_phone, version) VALUES (?, '团县委', 'county', '320115', '', '', '', 1)",
            (HOME_ORG,),
        )
        db.execute(
            "INSERT INTO youths (id, name, phone, gender, region_code, version, "
            "school_or_employer, id_number, guardian_consent) "
            "VALUES ('y-1', '李明', '', 'unknown', '320115', 1, '', '', 'unknown')"
        )
        db.execute(
            "INSERT INTO requests (id, org_id, youth_id, category_guess, category, text, "
            "contact, state, submitted_at, version) "
            "VALUES ('r-1', ?, 'y-1', '', '', '考研复试的经验', 'app', 'new', ?, 1)",
            (HOME_ORG, NOW.isoformat(" ")),
        )
    db.close()
    store = Store(path, clock=clock)  # upgrades to the latest schema on open
    try:
        assert found(store, "复试") == found(store, "李明") == {"r-1"}
    finally:
        store.close()
