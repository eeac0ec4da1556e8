"""The first download as a snapshot, re-downloads after the tombstone horizon, and what a damaged
download or a killed client leaves behind: a real server process, devices with their own
databases, nothing mocked."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import requests

from sync.client import session
from sync.client.engine import sync_once
from sync.client.http import ClientConfig, ServerClient, Unreachable
from sync.client.store import DATABASE_NAME
from sync.client.store.snapshot import SnapshotError
from sync.core.records import RECORD_TABLES, ActivityStatus
from sync.server import snapshot
from tests.server.conftest import ROOT, Device, Server, bearer, demo_now, run_cli, server_rows


def _dump(device: Device) -> dict[str, list[tuple]]:
    """Every record table's rows exactly as stored (sqlite3, no type processing)."""
    db = sqlite3.connect(device.store.path)
    try:
        return {t: sorted(db.execute(f'SELECT * FROM "{t}"').fetchall()) for t in RECORD_TABLES}
    finally:
        db.close()


def _outbox(device: Device) -> list[tuple]:
    return [(e["op_id"], e["state"], e["undo"]) for e in device.store.outbox_entries()]


def _paged_sync(device: Device, page_size: int = 300) -> int:
    """The JSON pull from cursor 0, page by page (what the first download used to be)."""
    client = session.connect(device.store)
    try:
        cursor = 0
        while True:
            page = client.pull(cursor, page_size)
            device.store.take_pull_page(page)
            cursor = page.cursor
            if not page.more:
                return cursor
    finally:
        client.close()


def _published(device: Device) -> list[str]:
    return sorted(i for i, r in device.activities().items() if r["status"] == "published")


def _server_activity_titles(server: Server) -> dict[str, str]:
    rows = server_rows(server, "SELECT id, title FROM activities WHERE deleted = :d", d=False)
    return {r[0]: r[1] for r in rows}


@pytest.mark.parametrize("account", ["county", "grassroots"])
def test_snapshot_gives_the_same_rows_as_paged_pulls(devices, server: Server, account: str):
    """Same scope rules (ancestors, youths by reference), same stored values; the snapshot's
    cursor is the server's latest change, at or past the last one in scope."""
    username = "jiangning"
    if account == "grassroots":
        username = sorted(u for u in server.accounts if u.startswith("jiangning-"))[0]
    snap, paged = devices("snap", username=username), devices("paged", username=username)
    report = snap.sync()
    assert report.snapshot_rows == report.pulled_rows > 0
    assert report.pages == 1  # the snapshot, then one (empty) pull after its cursor
    cursor = _paged_sync(paged)
    assert snap.store.pull_cursor() >= cursor
    assert _dump(snap) == _dump(paged)
    assert snap.store.count("youths") > 0
    assert snap.sync().pulled_rows == 0  # nothing to do afterwards


def test_pending_operations_made_before_the_install_are_replayed(
    devices, server: Server, tmp_path: Path
):
    a = devices("a")
    a.sync()
    target, other = _published(a)[:2]
    a.store.update_activity(target, {"title": "下载前的修改"})
    pending = _outbox(a)
    client = session.connect(a.store)
    try:
        client.download_snapshot(tmp_path / "snap.sqlite")
    finally:
        client.close()
    heard: list[str] = []
    a.store.add_listener(heard.append)
    a.store.install_snapshot(tmp_path / "snap.sqlite")
    assert sorted(t for t in heard if t in RECORD_TABLES) == sorted(RECORD_TABLES)  # once each
    assert a.activities()[target]["title"] == "下载前的修改"  # replayed on the server's rows
    assert [e[:2] for e in _outbox(a)] == [e[:2] for e in pending]
    a.sync()
    assert a.store.pending_count() == 0
    assert _server_activity_titles(server)[target] == "下载前的修改"
    assert a.activities()[other]["title"] == _server_activity_titles(server)[other]


def test_work_done_during_a_redownload_is_kept(devices, server: Server):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    first, second, third = _published(a)[:3]
    a.store.update_activity(first, {"title": "同步前的修改"})  # pushed before the download
    b.store.update_activity(second, {"title": "另一台电脑的修改"})
    b.sync()
    edits: list[str] = []

    def progress(phase: str, _done: int, _total: int) -> None:
        if phase == "download" and not edits:  # the user keeps working meanwhile
            edits.append(a.store.update_activity(third, {"title": "下载时的修改"}))

    client = session.connect(a.store)
    try:
        report = sync_once(a.store, client, progress=progress, full_download=True)
    finally:
        client.close()
    assert report.ok and report.snapshot_rows > 0 and edits
    titles = {i: r["title"] for i, r in a.activities().items()}
    assert (titles[first], titles[second], titles[third]) == (
        "同步前的修改",
        "另一台电脑的修改",
        "下载时的修改",
    )
    assert [(e["op_id"], e["state"]) for e in a.store.outbox_entries()] == [(edits[0], "pending")]
    a.sync()
    b.sync()
    assert a.activities() == b.activities()
    assert _server_activity_titles(server)[third] == "下载时的修改"


def test_damaged_snapshot_is_refused_and_changes_nothing(devices, server: Server, tmp_path):
    a = devices("a")
    a.sync()
    a.store.update_activity(_published(a)[0], {"title": "未同步的修改"})
    before, outbox, cursor = _dump(a), _outbox(a), a.store.pull_cursor()
    client = session.connect(a.store)
    try:
        client.download_snapshot(tmp_path / "good.sqlite")
    finally:
        client.close()
    good = (tmp_path / "good.sqlite").read_bytes()

    truncated = tmp_path / "truncated.sqlite"
    truncated.write_bytes(good[: len(good) // 2])
    scribbled = tmp_path / "scribbled.sqlite"  # a run of garbage over the middle pages
    middle = len(good) // 2
    scribbled.write_bytes(good[:middle] + b"\xa5" * 8192 + good[middle + 8192 :])
    emptied = tmp_path / "emptied.sqlite"  # consistent, but not what the header promised
    emptied.write_bytes(good)
    db = sqlite3.connect(emptied)
    db.execute("DELETE FROM registrations")
    db.commit()
    db.close()

    orphaned = tmp_path / "orphaned.sqlite"  # counts agree, but a parent row is missing
    orphaned.write_bytes(good)
    db = sqlite3.connect(orphaned)
    db.execute("DELETE FROM activities WHERE id = (SELECT activity_id FROM registrations LIMIT 1)")
    db.execute(
        "UPDATE snapshot_meta SET value = (SELECT count(*) FROM activities) "
        "WHERE key = 'rows.activities'"
    )
    db.commit()
    db.close()

    for damaged, reason in [
        (orphaned, "missing rows"),
        (truncated, "integrity|unreadable|header says"),
        (scribbled, "integrity|unreadable|header says"),
        (emptied, "registrations"),
        (tmp_path / "missing.sqlite", "no snapshot"),
    ]:
        with pytest.raises(SnapshotError, match=reason) as refused:
            a.store.install_snapshot(damaged)
        assert "本机数据没有改动" in refused.value.user_message
        assert _dump(a) == before and _outbox(a) == outbox and a.store.pull_cursor() == cursor


def test_cancelled_download_changes_nothing(devices, server: Server):
    a = devices("a")
    a.sync()
    before, cursor = _dump(a), a.store.pull_cursor()
    stop = threading.Event()

    def progress(phase: str, _done: int, _total: int) -> None:
        if phase == "download":
            stop.set()  # the window is closing

    client = session.connect(a.store)
    try:
        report = sync_once(a.store, client, progress=progress, cancelled=stop, full_download=True)
    finally:
        client.close()
    assert report.snapshot_rows == 0 and report.ok
    assert _dump(a) == before and a.store.pull_cursor() == cursor
    assert not a.store.snapshot_download_path.exists()


class CuttingProxy:
    """A TCP proxy on 127.0.0.1 that forwards requests whole and answers cut after `limit`
    bytes: what a dropped connection does to a download."""

    def __init__(self, upstream: str, limit: int):
        host, port = upstream.removeprefix("http://").split(":")
        self.upstream = (host, int(port))
        self.limit = limit
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                downstream, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._relay, args=(downstream,), daemon=True).start()

    def _relay(self, downstream: socket.socket) -> None:
        upstream = socket.create_connection(self.upstream)

        def forward() -> None:
            try:
                while data := downstream.recv(65536):
                    upstream.sendall(data)
            except OSError:
                pass

        threading.Thread(target=forward, daemon=True).start()
        sent = 0
        try:
            while sent < self.limit and (data := upstream.recv(65536)):
                data = data[: self.limit - sent]
                downstream.sendall(data)
                sent += len(data)
        except OSError:
            pass
        finally:
            for end in (downstream, upstream):  # shutdown: a FIN now, and wake `forward`
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()

    def close(self) -> None:
        self.listener.close()


def test_download_cut_short_leaves_the_old_data(devices, server: Server):
    a = devices("a")
    a.sync()
    a.store.update_activity(_published(a)[0], {"title": "未同步的修改"})
    before, outbox, cursor = _dump(a), _outbox(a), a.store.pull_cursor()
    token = session.connect(a.store).token
    proxy = CuttingProxy(server.base_url, limit=64 * 1024)
    client = ServerClient(ClientConfig(base_url=proxy.url, retries=0), token=token)
    try:
        report = sync_once(a.store, client, full_download=True)
    finally:
        client.close()
        proxy.close()
    assert report.push_error is None and report.pushed == 1  # a short answer passes whole
    assert isinstance(report.pull_error, Unreachable), report.pull_error
    assert report.pull_error.user_message
    assert _dump(a) == before and a.store.pull_cursor() == cursor
    assert [e[0] for e in _outbox(a)] == [e[0] for e in outbox]
    assert not a.store.snapshot_download_path.exists()
    assert a.sync().ok  # the next sync, on a good connection, succeeds


# The client process of the kill test: syncs with a full download and, once the install has
# deleted the old rows and begun copying the new ones (inside its transaction), says so and
# waits to be killed.
KILLED_CLIENT = """
import sys, time
from pathlib import Path
from sqlalchemy import event
from sync.client import session
from sync.client.engine import sync_once
from sync.client.store import DATABASE_NAME, Store

store = Store(Path(sys.argv[1]) / DATABASE_NAME)

@event.listens_for(store.engine, "before_cursor_execute")
def installing(conn, cursor, statement, *args):
    if statement.startswith("INSERT INTO registrations") and "FROM snapshot." in statement:
        print("installing", flush=True)
        time.sleep(60)

sync_once(store, session.connect(store), full_download=True)
print("finished", flush=True)
"""


def test_client_killed_during_install_keeps_the_old_database(devices, server: Server, tmp_path):
    folder = tmp_path / "killed"
    a = devices("killed")
    a.sync()
    a.store.update_activity(_published(a)[0], {"title": "安装中被杀死"})
    a.store.transition_activity(
        sorted(i for i, r in a.activities().items() if r["status"] == "draft")[0],
        ActivityStatus.PUBLISHED,
    )
    a.sync()  # pushed: the install must drop these acknowledged operations, or keep them
    a.store.update_activity(_published(a)[1], {"title": "尚未上传"})
    before, outbox, cursor = _dump(a), _outbox(a), a.store.pull_cursor()
    a.store.close()

    process = subprocess.Popen(
        [sys.executable, "-c", KILLED_CLIENT, str(folder)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    line = process.stdout.readline().strip()
    process.kill()  # SIGKILL inside the install transaction
    process.wait()
    assert line == "installing"

    db = sqlite3.connect(folder / DATABASE_NAME)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.close()
    from sync.client.store import Store

    a.store = Store(folder / DATABASE_NAME, clock=demo_now)
    # the push before the download committed (pending → acknowledged); the install did not
    assert _dump(a) == before and a.store.pull_cursor() == cursor
    assert [(e[0], e[2]) for e in _outbox(a)] == [(e[0], e[2]) for e in outbox]
    assert a.store.snapshot_download_path.exists()  # left by the crash
    a.sync()
    assert not a.store.snapshot_download_path.exists()  # cleaned up by the next sync
    assert a.store.pending_count() == 0
    titles = _server_activity_titles(server)
    assert {i: r["title"] for i, r in a.activities().items()} == titles


def _purge(server: Server, *extra: str) -> str:
    done = run_cli("purge-tombstones", *extra, database_url=server.database_url)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_cursor_too_old_redownloads_and_keeps_pending_work(devices, server: Server):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    drafts = sorted(i for i, r in a.activities().items() if r["status"] == "draft")
    b.store.delete_activity(drafts[0])
    b.sync()  # a tombstone on the server
    target = _published(a)[0]
    mine = a.store.update_activity(target, {"title": "离线很久的修改"})  # A stays offline

    assert "nothing" in _purge(server, "--days", "30")  # nothing that old yet
    out = _purge(server, "--days", "0")
    assert "1 activities" in out
    gone = server_rows(server, "SELECT count(*) FROM activities WHERE id = :i", i=drafts[0])
    assert gone[0][0] == 0  # physically deleted

    token = session.connect(a.store).token
    refused = requests.get(
        server.url("/api/v1/changes"),
        params={"after": a.store.pull_cursor()},
        headers=bearer(token),
        timeout=10,
    )
    assert refused.status_code == 410
    assert refused.json()["code"] == "cursor_too_old" and "重新下载" in refused.json()["message"]

    report = a.sync()
    assert report.snapshot_rows > 0 and report.pushed == 1
    assert drafts[0] not in a.activities()  # the purged deletion reached A all the same
    assert a.activities()[target]["title"] == "离线很久的修改"
    assert a.store.pending_count() == 0 and a.store.outbox_entries() == []
    applied = server_rows(server, "SELECT count(*) FROM applied_ops WHERE op_id = :o", o=mine)
    assert applied[0][0] == 1  # nothing doubled
    b.sync()  # B's cursor is past the horizon: a normal pull
    assert a.activities() == b.activities()
    assert a.sync().snapshot_rows == 0  # and A pulls normally from now on


def test_deleted_draft_and_a_new_one_with_the_same_title_converge(devices, server: Server):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    org = a.store.get_meta("org_id")
    template = next(iter(a.activities().values()))
    from sync.core.records import ACTIVITY_EDITABLE_FIELDS

    fields = {k: template[k] for k in ACTIVITY_EDITABLE_FIELDS} | {"title": "同名草稿"}
    _, old = a.store.create_activity(org, fields)
    a.sync()
    b.sync()
    a.store.delete_activity(old)  # A deletes the draft, B (offline) makes a new one
    _, new = b.store.create_activity(org, fields)
    assert new != old  # UUIDv7: a re-created record is a new record
    b.sync()
    a.sync()
    b.sync()
    _purge(server, "--days", "0")
    c = devices("c")
    c.sync()  # a fresh device after the purge
    for device in (a, b, c):
        same = [i for i, r in device.activities().items() if r["title"] == "同名草稿"]
        assert same == [new]
    assert a.activities() == b.activities() == c.activities()
    assert [i for i, t in _server_activity_titles(server).items() if t == "同名草稿"] == [new]


def test_purge_refuses_a_negative_retention(server: Server):
    done = run_cli("purge-tombstones", "--days", "-1", database_url=server.database_url)
    assert done.returncode == 2 and "负数" in done.stderr


def test_snapshot_endpoint_checks_the_token_and_protocol(devices, server: Server):
    assert requests.get(server.url("/api/v1/snapshot"), timeout=10).status_code == 401
    token = session.connect(devices("a").store).token
    old = requests.get(
        server.url("/api/v1/snapshot"),
        headers={**bearer(token), "X-Suqing-Protocol": "99"},
        timeout=10,
    )
    assert old.status_code == 426 and json.loads(old.text)["code"] == "protocol_mismatch"


class _Cursor:
    """A driver cursor whose `fetchmany` hands out `batches`, then raises `error` if given."""

    def __init__(self, batches: int, error: Exception | None = None) -> None:
        self.left, self.error, self.fetches = batches, error, 0

    def fetchmany(self, _size: int) -> list[tuple[int]]:
        self.fetches += 1
        if self.left:
            self.left -= 1
            return [(self.left,)]
        if self.error is not None:
            raise self.error
        return []


def test_rows_fetched_ahead_arrive_in_order_and_a_fetch_error_reaches_the_writer():
    assert list(snapshot._fetched_ahead(_Cursor(5))) == [[(4,)], [(3,)], [(2,)], [(1,)], [(0,)]]
    failing = snapshot._fetched_ahead(_Cursor(2, OSError("connection lost")))
    assert next(failing) == [(1,)]
    with pytest.raises(OSError, match="connection lost"):
        list(failing)


def test_closing_rows_fetched_ahead_stops_the_fetching():
    cursor = _Cursor(1000)
    fetched = snapshot._fetched_ahead(cursor)
    assert next(fetched) == [(999,)]
    fetched.close()  # returns: the fetching thread is not left waiting on a full queue
    assert cursor.fetches < 10
