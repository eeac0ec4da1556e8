"""A device whose local data is encrypted (SQLCipher) syncs like any other: the first download
(a plain SQLite snapshot ATTACHed into the encrypted store) and later pulls and pushes; nothing of
a youth is readable in its files."""

from __future__ import annotations

from pathlib import Path

from sync.client import session
from sync.client.engine import sync_once
from sync.client.http import ClientConfig
from sync.client.store import DATABASE_NAME, Store, cipher
from sync.tools.demo import DEMO_HOME_USERNAME
from tests.server.conftest import Server, demo_now, server_rows

KEY = "5a" * 32


def test_an_encrypted_device_downloads_syncs_and_shows_nothing_in_its_files(
    server: Server, tmp_path: Path
):
    store = Store(tmp_path / DATABASE_NAME, key=KEY, clock=demo_now)
    account = server.accounts[DEMO_HOME_USERNAME]
    session.sign_in(
        store, ClientConfig(base_url=server.base_url), DEMO_HOME_USERNAME, account.password
    )
    client = session.connect(store)
    try:
        report = sync_once(store, client, full_download=True)
        assert report.ok and report.snapshot_rows > 0, report
        [activity_id] = server_rows(
            server, "SELECT id FROM activities WHERE status = 'published' ORDER BY id LIMIT 1"
        )[0]
        store.update_activity(activity_id, {"title": "加密设备改的标题"})
        report = sync_once(store, client)
        assert report.ok and report.pushed == 1, report
    finally:
        client.close()
    title = server_rows(server, "SELECT title FROM activities WHERE id = :a", a=activity_id)
    assert title[0][0] == "加密设备改的标题"
    names = [r[0] for r in server_rows(server, "SELECT name FROM youths ORDER BY id LIMIT 50")]
    assert store.count("youths") > 0
    store.close()
    files = b"".join(p.read_bytes() for p in tmp_path.glob(DATABASE_NAME + "*"))
    assert not files.startswith(cipher.PLAIN_HEADER)
    assert not [n for n in names if n.encode() in files]
