"""The workbench window against a real server: sign in, first download, edit, 同步, sign out."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, Slot
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from desktop import settings as s
from desktop.dialogs.login_dialog import LoginDialog
from desktop.main_window import MainWindow
from desktop.sync_controller import SyncState
from sync.client.store import DATABASE_NAME, Store
from tests.server.conftest import Server, demo_now, server_rows
from tests.test_activities_page import activate, type_text, when_modal


class LabelRecorder(QObject):
    """What a label says each time the sync reports progress: a UI-thread object, so its slot
    runs queued after the window's own (connected first)."""

    def __init__(self, label: QLabel):
        super().__init__()
        self.label = label
        self.texts: list[str] = []

    @Slot(str, int, int)
    def record(self, *_progress) -> None:
        self.texts.append(self.label.text())


def test_sign_in_download_edit_and_sync_from_the_window(qtbot, server: Server, tmp_path: Path):
    store = Store(tmp_path / DATABASE_NAME, clock=demo_now)
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    assert window.sync.state is SyncState.SIGNED_OUT
    assert "未登录" in window.connection_label.text()
    assert not window.sync_action.isEnabled()
    recorder = LabelRecorder(window.connection_label)
    window.sync.progressed.connect(recorder.record)

    def sign_in(dialog: LoginDialog) -> None:
        dialog.server_edit.setText(server.base_url)
        type_text(dialog.username_edit, "jiangning")
        type_text(dialog.password_edit, server.accounts["jiangning"].password)
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )

    errors = when_modal(qtbot, sign_in)
    window.open_login()
    assert not errors, errors
    qtbot.waitUntil(lambda: window.sync.state is SyncState.ONLINE, timeout=30_000)
    page = window.activities_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    assert "在线" in window.connection_label.text()
    # the first download (a snapshot of the county) showed how far it had come
    assert any("正在下载数据" in text for text in recorder.texts), recorder.texts
    assert any("正在写入本机数据" in text for text in recorder.texts), recorder.texts
    assert window.org_label.text() == server.accounts["jiangning"].org_name
    assert settings.get(s.SERVER_URL) == server.base_url

    # an edit queues an operation; F9 sends it
    activity_id = page.model.id_at(0)
    store.update_activity(activity_id, {"capacity": 321})
    assert "待同步 1 项" in window.pending_label.text()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: store.pending_count() == 0 and window.sync.state is SyncState.ONLINE, timeout=30_000
    )
    assert window.pending_label.text() == "待同步 0 项"
    capacity = server_rows(server, "SELECT capacity FROM activities WHERE id = :i", i=activity_id)
    assert capacity[0][0] == 321

    # signing out keeps the data and says so
    errors = when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    window.sign_out()
    assert not errors, errors
    qtbot.waitUntil(lambda: window.sync.state is SyncState.SIGNED_OUT, timeout=10_000)
    assert store.count("activities") > 0
    window.close()
    store.close()


def test_wrong_password_is_said_in_plain_words(qtbot, server: Server, tmp_path: Path):
    store = Store(tmp_path / DATABASE_NAME, clock=demo_now)
    dialog = LoginDialog(store, server_url=server.base_url, username="jiangning")
    qtbot.addWidget(dialog)
    type_text(dialog.password_edit, "wrong-password")
    dialog.accept()
    assert dialog.isVisible() or dialog.result() == 0
    assert dialog.error_label.text()
    assert "密码" in dialog.error_label.text() or "账号" in dialog.error_label.text()
    assert dialog.password_edit.text() == ""
    store.close()
