"""The window's status bar: online or offline, operations waiting to sync, the last sync, what a
running sync is doing, the ⚠ button while sync issues wait for the user, and a button while a
newer workbench is announced."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton, QWidget

# By SyncState value (a StrEnum): this module must not import the sync layer, which the shell
# shows without.
_STATE_COLORS = {
    "signed_out": "#b26a00",
    "online": "#1e8a3a",
    "offline": "#b26a00",
    "syncing": "#2f6fb3",
}


class SyncStatusBar(QStatusBar):
    issues_requested = Signal()
    """The user clicked the ⚠ button: show the sync issues."""
    update_requested = Signal()
    """The user clicked the new-version button: say where to get it."""

    def __init__(self, sync_action: QAction, parent: QWidget | None = None):
        super().__init__(parent)
        # Shown only while conflicts or refused operations wait for the user.
        self.issues_button = QToolButton(objectName="issues_button")
        self.issues_button.setAutoRaise(True)
        self.issues_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.issues_button.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.issues_button.clicked.connect(self.issues_requested)
        self.issues_button.hide()
        self.addPermanentWidget(self.issues_button)
        self.update_button = QToolButton(objectName="update_button")
        self.update_button.setAutoRaise(True)
        self.update_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.update_button.setStyleSheet("color: #2f6fb3;")
        self.update_button.clicked.connect(self.update_requested)
        self.update_button.hide()
        self._release = ""  # the version the update button offers
        self.addPermanentWidget(self.update_button)
        self.connection_label = QLabel(objectName="connection")
        self.pending_label = QLabel(objectName="pending")
        self.last_sync_label = QLabel(objectName="last_sync")
        for label in (self.connection_label, self.pending_label, self.last_sync_label):
            label.setContentsMargins(8, 0, 12, 0)
            self.addPermanentWidget(label)
        self.sync_button = QToolButton(objectName="sync_button")
        self.sync_button.setDefaultAction(sync_action)
        self.addPermanentWidget(self.sync_button)
        self.retranslate()

    def retranslate(self) -> None:
        """Fixed texts only: the window re-renders the state on a language change."""
        self.issues_button.setToolTip(self.tr("查看并处理冲突和被服务器拒绝的操作"))
        self.update_button.setToolTip(self.tr("查看新版本的下载方式"))
        self.update_button.setText("⬆ " + self.tr("新版本 {v}").format(v=self._release))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _state_text(self, state: str) -> str:
        return {
            "signed_out": self.tr("离线（未登录）"),
            "online": self.tr("在线"),
            "offline": self.tr("离线"),
            "syncing": self.tr("正在同步…"),
        }[state]

    def show_no_data(self) -> None:
        """While the shell shows before the local data is open."""
        self.connection_label.setText("● " + self._state_text("signed_out"))
        self.connection_label.setStyleSheet(f"color: {_STATE_COLORS['signed_out']};")

    def show_state(
        self,
        state: str,
        *,
        error: str,
        server: str,
        pending: int,
        last_sync_at: str | None,
        issues: int,
    ) -> None:
        """`state` a SyncState; `error` the last sync's failure, already in the user's words."""
        self.connection_label.setText("● " + self._state_text(state))
        self.connection_label.setStyleSheet(f"color: {_STATE_COLORS[state]};")
        if state == "signed_out":
            tip = self.tr("在“账户 → 登录”中登录省级服务器")
            if server:
                tip += "\n" + server
        else:
            tip = error
        self.connection_label.setToolTip(tip)
        self.pending_label.setText(self.tr("待同步 {n} 项").format(n=pending))
        from desktop.texts import format_time  # shown once the data is open: not before

        when = (
            format_time(datetime.fromisoformat(last_sync_at)) if last_sync_at else self.tr("从未")
        )
        self.last_sync_label.setText(self.tr("上次同步：{when}").format(when=when))
        self.show_issues(issues)

    def show_issues(self, count: int) -> None:
        self.issues_button.setText("⚠ " + self.tr("{n} 项需处理").format(n=count))
        self.issues_button.setVisible(count > 0)

    def show_release(self, version: str) -> None:
        """A newer workbench to tell about ("" hides the button)."""
        self._release = version
        self.retranslate()
        self.update_button.setVisible(bool(version))

    def show_progress(self, phase: str, done: int, total: int) -> None:
        """What the running sync is doing: a first download of a county takes seconds, and a
        cadre should see it moving."""
        if phase == "push":
            text = self.tr("正在上传 {done}/{total} 项操作").format(done=done, total=total)
        elif phase == "download" and total:
            text = self.tr("正在下载数据 {percent}%").format(percent=done * 100 // total)
        elif phase == "download":
            text = self.tr("正在下载数据 {mb} MB").format(mb=done // 1_000_000)
        elif phase == "install":
            text = self.tr("正在写入本机数据…")
        else:
            text = self.tr("正在接收更新 {n} 条").format(n=done)
        self.connection_label.setText("● " + text)

    def show_sync_report(self, report: Any) -> None:
        """A finished sync's refusals and conflicts, for a while."""
        if report.rejected or report.conflicts:
            self.showMessage(
                self.tr("同步完成：{r} 项被服务器拒绝，{c} 项冲突").format(
                    r=report.rejected, c=report.conflicts
                ),
                10_000,
            )
