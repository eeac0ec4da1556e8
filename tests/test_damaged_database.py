"""A damaged local database (found by the fault-injection harness: before, the CLI died with
a traceback and the workbench offered only a key-less fresh start that dropped the unsent
work): it is recognised as damaged, and `repair` moves it aside and starts a fresh one that
keeps the account and every unsent operation the file still yields, for the next sync."""

from __future__ import annotations

from pathlib import Path

import pytest

from sync.client import deployment, local_data
from sync.client.store import DATABASE_NAME, cipher, journal
from tests.conftest import HOME_ORG, activity_fields, add_org

ENCRYPTED = deployment.Deployment(encrypt_local_data=True)


def _profile_with_unsent_work(tmp_path: Path) -> tuple[Path, set[str], int]:
    profile = tmp_path / "profile"
    store = local_data.open_store(profile, ENCRYPTED)
    add_org(store, HOME_ORG, "共青团南京市江宁区委员会", level="county")
    store.set_meta("account", '{"username": "jiangning"}')
    for n in range(60):  # enough rows for the activities to fill pages of their own
        store.create_activity(HOME_ORG, activity_fields(title=f"尚未上传的活动 {n}" * 5))
    store.fold_write_ahead_log()
    with store.engine.connect() as conn:
        unsent = {r[0] for r in conn.exec_driver_sql("SELECT op_id FROM outbox")}
        root = conn.exec_driver_sql(
            "SELECT rootpage FROM sqlite_master WHERE name = 'activities'"
        ).scalar()
    store.close()
    return profile, unsent, root


def _overwrite(path: Path, offset: int, data: bytes) -> None:
    with path.open("r+b") as f:
        f.seek(offset)
        f.write(data)


def test_a_damaged_page_is_said_and_repair_keeps_the_unsent_work(tmp_path: Path):
    profile, unsent, root = _profile_with_unsent_work(tmp_path)
    path = profile / DATABASE_NAME
    _overwrite(path, (root - 1) * 4096 + 2000, b"\xff" * 32)  # inside the activities' root page
    store = local_data.open_store(profile, ENCRYPTED)  # the outbox reads: it opens
    with pytest.raises(Exception) as caught, store.engine.connect() as conn:
        conn.exec_driver_sql("SELECT sum(length(title)) FROM activities").scalar()
    assert cipher.is_damage(caught.value)
    store.close()

    repaired = local_data.repair(profile, ENCRYPTED)
    assert repaired.outbox_read and repaired.kept == len(unsent)
    assert repaired.moved_to.exists() and repaired.moved_to.name.startswith(DATABASE_NAME)
    fresh = local_data.open_store(profile, ENCRYPTED)
    assert fresh.encrypted and fresh.pull_cursor() == 0  # the next sync downloads afresh
    assert {e["op_id"] for e in fresh.outbox_entries()} == unsent
    assert fresh.get_meta("account") == '{"username": "jiangning"}'
    assert fresh.count("activities") == 0
    fresh.close()


def test_a_destroyed_first_page_is_damage_and_the_journal_keeps_the_unsent_work(tmp_path: Path):
    """The fault harness's long run lost every unsent operation of a file whose first page was
    zeroed (17 in 102 trials): the journal beside it now brings them back, in queue order."""
    profile, unsent, _root = _profile_with_unsent_work(tmp_path)
    with local_data.open_store(profile, ENCRYPTED).engine.connect() as conn:
        queued = [r[0] for r in conn.exec_driver_sql("SELECT op_id FROM outbox ORDER BY seq")]
    _overwrite(profile / DATABASE_NAME, 0, bytes(512))
    with pytest.raises(cipher.LocalDataDamaged) as caught:
        local_data.open_store(profile, ENCRYPTED)
    assert "已损坏" in caught.value.user_message
    repaired = local_data.repair(profile, ENCRYPTED)
    assert repaired.outbox_read and repaired.kept == len(unsent) == 60
    fresh = local_data.open_store(profile, ENCRYPTED)
    assert [e["op_id"] for e in fresh.outbox_entries()] == queued
    fresh.close()


def test_with_file_and_journal_destroyed_the_loss_is_said(tmp_path: Path):
    profile, _unsent, _root = _profile_with_unsent_work(tmp_path)
    _overwrite(profile / DATABASE_NAME, 0, bytes(512))
    _overwrite(journal.path_for(profile / DATABASE_NAME), 0, bytes(4096))
    repaired = local_data.repair(profile, ENCRYPTED)
    assert not repaired.outbox_read and repaired.kept < 60  # said, not hidden
    local_data.open_store(profile, ENCRYPTED).close()


def test_a_damaged_plain_database_is_said_too(tmp_path: Path):
    profile = tmp_path / "plain"
    store = local_data.open_store(profile, deployment.Deployment(encrypt_local_data=False))
    store.close()
    path = profile / DATABASE_NAME
    path.write_bytes(path.read_bytes()[:100] + b"\x00" * 4000)  # truncated mid-page
    with pytest.raises(cipher.LocalDataLocked):  # either: the file is not what it was
        local_data.open_store(profile, deployment.Deployment(encrypt_local_data=False))


def test_the_workbench_opens_on_a_damaged_database(qtbot, tmp_path: Path, monkeypatch):
    from PySide6.QtCore import QSettings

    from desktop.app import attach_store
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    profile, _unsent, _root = _profile_with_unsent_work(tmp_path)
    _overwrite(profile / DATABASE_NAME, 0, bytes(64))
    monkeypatch.setattr(deployment, "load", lambda *a, **k: ENCRYPTED)
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path))
    qtbot.addWidget(window)
    asked: list[str] = []
    monkeypatch.setattr(window, "offer_set_aside", lambda e: asked.append(e.user_message) or True)
    assert attach_store(window, profile, demo=None)
    assert "已损坏" in asked[0]
    assert window.store.count("activities") == 0
    assert "保留了 60 项" in window.statusBar().currentMessage()  # from the journal
