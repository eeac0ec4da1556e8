"""The local database encrypted at rest (SQLCipher): it opens only with its key, a plain one is
converted with nothing lost (the outbox included), upgrade backups are encrypted too, and a
snapshot (a plain file) still installs into an encrypted store."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sync.client import deployment, local_data
from sync.client.store import DATABASE_NAME, Store, cipher, migrations
from tests.conftest import HOME_ORG, activity_fields, add_org

KEY = "ab" * 32
OTHER = "cd" * 32


def _fill(store: Store) -> tuple[str, int]:
    add_org(store, HOME_ORG, "共青团南京市江宁区委员会", level="county")
    _, activity_id = store.create_activity(HOME_ORG, activity_fields(title="加密前的活动"))
    store.update_activity(activity_id, {"title": "尚未上传的修改"})
    return activity_id, store.pending_count()


def test_an_encrypted_database_opens_only_with_its_key(tmp_path: Path):
    path = tmp_path / DATABASE_NAME
    store = Store(path, key=KEY)
    activity_id, pending = _fill(store)
    store.close()
    raw = path.read_bytes()
    assert not raw.startswith(cipher.PLAIN_HEADER) and "尚未上传".encode() not in raw
    with pytest.raises(sqlite3.DatabaseError):  # plain SQLite sees noise
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchone()
    with pytest.raises(cipher.LocalDataLocked):
        Store(path, key=OTHER)
    with pytest.raises(cipher.LocalDataLocked):
        Store(path)  # no key at all
    again = Store(path, key=KEY)
    assert again.activity(activity_id)["title"] == "尚未上传的修改"
    assert again.pending_count() == pending
    again.close()


def test_a_plain_database_is_converted_with_nothing_lost(tmp_path: Path):
    path = tmp_path / DATABASE_NAME
    plain = Store(path)
    activity_id, pending = _fill(plain)
    outbox = plain.outbox_entries()
    device_id = plain.device_id
    plain.close()
    assert path.read_bytes().startswith(cipher.PLAIN_HEADER)

    store = Store(path, key=KEY)
    assert not path.read_bytes().startswith(cipher.PLAIN_HEADER)
    assert store.outbox_entries() == outbox  # every unsynced operation, as it was
    assert store.pending_count() == pending and store.device_id == device_id
    assert store.activity(activity_id)["title"] == "尚未上传的修改"
    assert not list(tmp_path.glob("*.encrypting"))
    store.update_activity(activity_id, {"title": "加密后的修改"})  # and it still works
    store.close()


def test_a_conversion_cut_short_leaves_the_plain_database_whole(tmp_path: Path, monkeypatch):
    path = tmp_path / DATABASE_NAME
    plain = Store(path)
    activity_id, _ = _fill(plain)
    plain.close()

    def power_cut(*_args):
        raise OSError("power cut")

    monkeypatch.setattr(cipher.os, "replace", power_cut)
    with pytest.raises(OSError):
        Store(path, key=KEY)
    monkeypatch.undo()
    assert path.read_bytes().startswith(cipher.PLAIN_HEADER)
    still_plain = Store(path)
    assert still_plain.activity(activity_id)["title"] == "尚未上传的修改"
    still_plain.close()
    store = Store(path, key=KEY)  # the next start converts it, the leftover replaced
    assert store.activity(activity_id)["title"] == "尚未上传的修改"
    store.close()


def test_an_encrypted_databases_upgrade_backup_is_encrypted(tmp_path: Path):
    path = tmp_path / DATABASE_NAME
    db = cipher.connect(path, KEY)
    db.close()
    migrations.migrate(path, upto=5, key=KEY)
    migrations.migrate(path, key=KEY)  # 5 → latest: backs up first
    [copy] = migrations.backups(path)
    assert not copy.read_bytes().startswith(cipher.PLAIN_HEADER)
    assert migrations.schema_version(cipher.connect(copy, KEY)) == 5


def test_the_key_lives_in_the_keyring_and_a_lost_key_is_said(tmp_path: Path):
    path = tmp_path / DATABASE_NAME
    key = cipher.key_for(path)
    assert cipher.key_for(path) == key  # kept, not made anew
    Store(path, key=key).close()
    other = tmp_path / "other" / DATABASE_NAME
    other.parent.mkdir()
    other.write_bytes(path.read_bytes())  # an encrypted file whose key is not kept
    with pytest.raises(cipher.LocalDataLocked) as caught:
        cipher.key_for(other)
    assert "钥匙" in caught.value.user_message


# --- what the deployment wants, and the desktop when the key is gone ---------------------------


def _no_keyring(monkeypatch) -> None:
    """As on a Linux machine without Secret Service (the test keyring comes back afterwards:
    tests/conftest.py puts the previous one back)."""
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())


def test_profiles_are_encrypted_as_the_deployment_says(tmp_path: Path, monkeypatch):
    unset = local_data.open_store(tmp_path / "a", deployment.Deployment())
    assert unset.encrypted  # the test keyring is there: encrypted by default
    unset.close()
    off = local_data.open_store(tmp_path / "b", deployment.Deployment(encrypt_local_data=False))
    assert not off.encrypted
    off.close()
    # turned off later: a database encrypted before stays encrypted (and opens)
    again = local_data.open_store(tmp_path / "a", deployment.Deployment(encrypt_local_data=False))
    assert again.encrypted
    again.close()
    _no_keyring(monkeypatch)
    with pytest.raises(local_data.EncryptionUnavailable) as caught:
        local_data.open_store(tmp_path / "c", deployment.Deployment(encrypt_local_data=True))
    assert "密码保管服务" in caught.value.user_message
    assert not (tmp_path / "c" / DATABASE_NAME).exists()
    plain = local_data.open_store(tmp_path / "d", deployment.Deployment())  # allowed: plain
    assert not plain.encrypted
    plain.close()


def test_the_desktop_offers_to_set_a_locked_database_aside(qtbot, tmp_path: Path, monkeypatch):
    from PySide6.QtCore import QSettings

    from desktop.app import attach_store
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    profile = tmp_path / "profile"
    locked = local_data.open_store(profile, deployment.Deployment())
    _fill(locked)
    locked.close()
    _no_keyring(monkeypatch)  # the key is gone with the keyring
    monkeypatch.setattr(deployment, "load", lambda *a, **k: deployment.Deployment())
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path))
    qtbot.addWidget(window)
    asked: list[str] = []

    def answer(error) -> bool:
        asked.append(error.user_message)
        return True

    monkeypatch.setattr(window, "offer_set_aside", answer)
    assert attach_store(window, profile, demo=None)
    assert "钥匙" in asked[0]
    aside = sorted(profile.glob(f"{DATABASE_NAME}.locked-*"))
    databases = [p for p in aside if not p.name.endswith(".outbox-journal")]
    assert len(databases) == 1 and not databases[0].read_bytes().startswith(cipher.PLAIN_HEADER)
    # its outbox journal goes aside with it: the unsent work a found key would bring back
    assert [p.name for p in aside if p not in databases] == [f"{databases[0].name}.outbox-journal"]
    assert window.store.count("activities") == 0  # a fresh database, ready to download
