"""A same-field conflict made by two devices through a real server, settled in the 同步问题
window with 使用我的: after syncing, both devices and the server hold the chosen value."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from desktop import settings as s
from desktop.main_window import MainWindow
from desktop.sync_controller import SyncState
from tests.server.conftest import Device, Server, server_rows
from tests.test_activities_page import activate


def _sync_in_window(qtbot, window: MainWindow) -> None:
    activate(qtbot, window)
    with qtbot.waitSignal(window.sync.sync_finished, timeout=30_000):
        qtbot.keyClick(window, Qt.Key.Key_F9)
    assert window.sync.state is SyncState.ONLINE, window.sync.last_error


def test_use_mine_in_the_window_wins_everywhere(qtbot, server: Server, tmp_path: Path):
    a, b = Device(server, tmp_path / "a"), Device(server, tmp_path / "b")
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=a.store)
    qtbot.addWidget(window)
    window.show()
    try:
        _sync_in_window(qtbot, window)
        b.sync()
        target = sorted(i for i, r in a.activities().items() if r["status"] == "published")[0]

        b.store.update_activity(target, {"title": "B 改的标题"})
        b.sync()  # B is first: the server takes its title
        a.store.update_activity(target, {"title": "A 改的标题"})
        _sync_in_window(qtbot, window)  # A's edit meets B's: a conflict, theirs kept
        assert a.activities()[target]["title"] == "B 改的标题"
        assert window.issues_button.isVisible()
        assert window.issues_button.text() == "⚠ 1 项需处理"

        qtbot.mouseClick(window.issues_button, Qt.MouseButton.LeftButton)
        dialog = window.issues_dialog
        table = dialog.conflict_table
        cells = [table.model().index(0, c).data() for c in range(4)]
        assert cells == ["B 改的标题", "活动名称", "A 改的标题", "B 改的标题"]
        qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
        assert dialog.stack.currentWidget() is dialog.empty_label
        assert a.activities()[target]["title"] == "A 改的标题"
        dialog.close()

        _sync_in_window(qtbot, window)
        b.sync()
        assert a.store.pending_count() == 0 and a.store.open_conflicts() == []
        assert b.store.open_conflicts() == []  # B's edit was applied first: nothing for B
        title = server_rows(server, "SELECT title FROM activities WHERE id = :i", i=target)
        assert title[0][0] == "A 改的标题"
        assert a.activities()[target]["title"] == b.activities()[target]["title"] == "A 改的标题"
        assert a.activities()[target] == b.activities()[target]
        assert window.issues_button.isHidden()
    finally:
        window.close()
        a.close()
        b.close()
