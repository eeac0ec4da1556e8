"""A notice written on the 粉丝 page while the server cannot be reached is delivered once the
workbench syncs again: a real server process (SQLite and PostgreSQL), a real window."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import requests
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop import settings as s
from desktop.dialogs.notice_dialog import NoticeDialog
from desktop.main_window import MainWindow
from desktop.sync_controller import SyncState
from tests.server.conftest import (
    ROOT,
    START_TIMEOUT,
    Device,
    Server,
    cli_env,
    demo_now,
    server_rows,
)
from tests.test_activities_page import activate, type_text, when_modal


def restart_on_same_port(server: Server, tmp_path: Path) -> subprocess.Popen:
    """The network is back: the server answers at the address the device remembers."""
    port = server.base_url.rsplit(":", 1)[1]
    log = tmp_path / "server-again.log"
    command = [sys.executable, "-m", "sync.server", "serve", "--port", port]
    command += ["--database-url", server.database_url]
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=cli_env(SUQING_CLOCK=demo_now().isoformat()),
            stdout=out,
            stderr=out,
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        assert process.poll() is None, log.read_text()
        try:
            if requests.get(server.url("/healthz"), timeout=2).status_code == 200:
                return process
        except (requests.ConnectionError, requests.Timeout):  # not listening, or starting
            pass
        time.sleep(0.1)
    process.kill()
    raise AssertionError(f"server did not start again:\n{log.read_text()}")


def test_a_notice_written_offline_is_delivered_after_sync(qtbot, server: Server, tmp_path: Path):
    device = Device(server, tmp_path / "laptop")
    device.sync()  # the first download: the county's followers and their tags
    store = device.store
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.followers_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5_000)  # read once shown
    tag = page.tag_combo.itemData(1)  # the first tag in use among the county's followers
    assert tag

    server.stop()  # offline from here on
    seen = {}

    def write(dialog: NoticeDialog) -> None:
        dialog.audience_combo.setCurrentIndex(dialog.audience_combo.findData(tag))
        seen["estimate"] = dialog.recipient_count
        type_text(dialog.title_edit, "团员志愿服务月启动")
        type_text(dialog.body_edit, "请于本周五前在苏青U+报名。")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    errors = when_modal(qtbot, write)
    notice_id = page.write_notice()
    assert not errors, errors
    assert notice_id and seen["estimate"] > 0
    model = page.notice_model

    def shown(key: str) -> str:
        """What the 通知记录 tab shows of this notice."""
        for row in range(model.rowCount()):
            if model.notice(row)["id"] == notice_id:
                return model.index(row, model.column_of(key)).data()
        return ""

    qtbot.waitUntil(lambda: shown("status") == "待发送", timeout=5_000)
    assert shown("audience") == f"标签：{tag}"
    window.sync_now()
    qtbot.waitUntil(lambda: window.sync.state is SyncState.OFFLINE, timeout=30_000)
    assert shown("status") == "待发送"
    assert store.pending_count() == 1

    again = restart_on_same_port(server, tmp_path)
    try:
        activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_F9)
        qtbot.waitUntil(
            lambda: store.pending_count() == 0 and window.sync.state is SyncState.ONLINE,
            timeout=30_000,
        )
        qtbot.waitUntil(lambda: shown("status") == "已发送", timeout=5_000)
        (status, count), *_ = server_rows(
            server, "SELECT status, recipient_count FROM notices WHERE id = :i", i=notice_id
        )
        (delivered,), *_ = server_rows(
            server, "SELECT count(*) FROM notice_deliveries WHERE notice_id = :i", i=notice_id
        )
        assert (status, count) == ("sent", delivered)
        assert count == seen["estimate"]  # nobody followed or unfollowed meanwhile
        assert shown("recipient_count") == str(count)
        assert shown("sent_at")
    finally:
        window.close()
        device.close()
        again.terminate()
        again.wait(10)
