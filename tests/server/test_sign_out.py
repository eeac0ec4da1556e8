"""Signing out from the window, with and without removing this device's data, against a real
server: the token is revoked there, and operations not yet synced are only lost after a second,
plain confirmation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import settings as s
from desktop.main_window import MainWindow
from desktop.sync_controller import SyncState
from sync.client import credentials, session
from sync.client.http import ClientConfig
from sync.client.store import DATABASE_NAME, ActivityQuery, Store
from tests.server.conftest import Server, bearer, demo_now
from tests.test_activities_page import activate


@pytest.fixture
def signed_in(qtbot, server: Server, tmp_path: Path):
    """A window on a profile signed in as the county and synced once."""
    store = Store(tmp_path / DATABASE_NAME, clock=demo_now)
    password = server.accounts["jiangning"].password
    session.sign_in(store, ClientConfig(base_url=server.base_url), "jiangning", password)
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    window.sync_now()
    qtbot.waitUntil(
        lambda: window.sync.state is SyncState.ONLINE and store.count("activities") > 0,
        timeout=30_000,
    )
    yield window, store
    window.close()
    store.close()


def answer_boxes(qtbot, answers: dict[str, Callable[[QMessageBox], None]]) -> list[str]:
    """Answer each message box by its title as it appears; returns the titles seen, in order."""
    seen: list[str] = []

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and box.property("answered") is None:
            box.setProperty("answered", True)
            seen.append(box.windowTitle())
            answers[box.windowTitle()](box)
        if len(seen) < len(answers):
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    return seen


def _token(store: Store) -> str:
    account = session.signed_in(store)
    return credentials.load_token(account.server_url, account.username)


def _token_works(server: Server, token: str) -> bool:
    response = requests.get(server.url("/api/v1/me"), headers=bearer(token), timeout=10)
    return response.status_code == 200


def _edit(store: Store) -> str:
    """One operation waiting to sync: a published activity's capacity changed."""
    rows = store.activity_rows(store.activity_ids(ActivityQuery()))
    activity_id = sorted(i for i, r in rows.items() if r["status"] == "published")[0]
    store.update_activity(activity_id, {"capacity": 999})
    return activity_id


def _check(box: QMessageBox, *, remove: bool) -> None:
    box.checkBox().setChecked(remove)
    box.button(QMessageBox.StandardButton.Yes).click()


def test_sign_out_keeping_the_data(qtbot, signed_in, server: Server):
    window, store = signed_in
    token = _token(store)
    _edit(store)
    seen = answer_boxes(qtbot, {"退出登录": lambda box: _check(box, remove=False)})
    window.sign_out()
    assert seen == ["退出登录"]
    qtbot.waitUntil(lambda: window.sync.state is SyncState.SIGNED_OUT, timeout=10_000)
    assert not _token_works(server, token)  # revoked on the server
    assert store.count("activities") > 0 and store.pending_count() == 1
    assert session.signed_in(store) is None

    # signed out, the data can still be removed later
    assert window.logout_action.isEnabled()
    texts: list[str] = []

    def remove(box: QMessageBox) -> None:
        texts.append(box.text())
        _check(box, remove=True)

    seen = answer_boxes(
        qtbot,
        {
            "退出登录": remove,
            "清除本机数据": lambda box: box.button(QMessageBox.StandardButton.Discard).click(),
        },
    )
    window.sign_out()
    assert seen == ["退出登录", "清除本机数据"]
    assert "当前没有登录" in texts[0]
    assert store.count("activities") == 0 and store.pending_count() == 0
    assert not window.logout_action.isEnabled()  # nothing left to sign out of or remove


def test_sign_out_removing_data_with_pending_work_asks_twice(qtbot, signed_in, server: Server):
    window, store = signed_in
    token = _token(store)
    _edit(store)
    texts: list[str] = []

    def discard(box: QMessageBox) -> None:
        texts.append(box.text())
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Discard).click()

    seen = answer_boxes(
        qtbot, {"退出登录": lambda box: _check(box, remove=True), "清除本机数据": discard}
    )
    window.sign_out()
    assert seen == ["退出登录", "清除本机数据"]
    assert "1 项操作没有同步" in texts[0] and "永久丢失" in texts[0]
    qtbot.waitUntil(lambda: window.sync.state is SyncState.SIGNED_OUT, timeout=10_000)
    assert not _token_works(server, token)
    for table in ("activities", "organizations", "registrations", "followers", "youths"):
        assert store.count(table) == 0, table
    assert store.pending_count() == 0 and store.pull_cursor() == 0
    assert store.get_meta("org_id") is None
    # the window shows the empty state
    qtbot.waitUntil(lambda: window.activities_page.model.rowCount() == 0, timeout=5_000)
    assert window.org_label.text() == "未登录组织"
    assert window.pending_label.text() == "待同步 0 项"
    assert window.last_sync_label.text() == "上次同步：从未"
    assert not window.undo_action.isEnabled()


def test_declining_the_second_confirmation_changes_nothing(qtbot, signed_in, server: Server):
    window, store = signed_in
    token = _token(store)
    activities = store.count("activities")
    _edit(store)
    seen = answer_boxes(
        qtbot,
        {
            "退出登录": lambda box: _check(box, remove=True),
            "清除本机数据": lambda box: box.button(QMessageBox.StandardButton.Cancel).click(),
        },
    )
    window.sign_out()
    assert seen == ["退出登录", "清除本机数据"]
    assert window.sync.state is not SyncState.SIGNED_OUT
    assert session.signed_in(store) is not None and _token_works(server, token)
    assert store.count("activities") == activities and store.pending_count() == 1


def test_removing_data_with_nothing_pending_asks_once_and_signs_in_again(
    qtbot, signed_in, server: Server
):
    window, store = signed_in
    seen = answer_boxes(qtbot, {"退出登录": lambda box: _check(box, remove=True)})
    window.sign_out()
    assert seen == ["退出登录"]
    qtbot.waitUntil(lambda: window.sync.state is SyncState.SIGNED_OUT, timeout=10_000)
    assert store.count("activities") == 0
    # the emptied profile takes another organisation's account: nothing of the old one is left
    grassroots = next(a for u, a in server.accounts.items() if u != "jiangning")
    config = ClientConfig(base_url=server.base_url)
    session.sign_in(store, config, grassroots.username, grassroots.password)
    window.sync.refresh_state()
    window.sync_now()
    qtbot.waitUntil(
        lambda: window.sync.state is SyncState.ONLINE and store.count("activities") > 0,
        timeout=30_000,
    )
    assert window.org_label.text() == grassroots.org_name
