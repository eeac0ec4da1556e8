"""Signing in and out on this device: the login dialog, where the token lives, the first sync,
and signing out with the offer (confirmed twice when work would be lost) to wipe the local data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from desktop import settings as s

if TYPE_CHECKING:  # the data layer is imported once the window shows its data
    from desktop.sync_controller import SyncController
    from desktop.undo import UndoHistory
    from sync.client.store import Store


class SignInFlow(QObject):
    signed_in = Signal()
    """An account signed in on this device; its first sync has been asked for."""
    signed_out = Signal(bool)
    """This device signed out; True when its local data was removed as well."""

    def __init__(
        self,
        store: Store,
        settings: s.Settings,
        sync: SyncController,
        undo_history: UndoHistory,
        *,
        window: QWidget,
    ):
        """`window` parents the dialogs and shows the progress."""
        super().__init__(window)
        self.store = store
        self.settings = settings
        self.sync = sync
        self.undo_history = undo_history
        self.window = window

    def open_login(self) -> None:
        """The login dialog; once signed in, say if the token cannot outlive the workbench, then
        sync (a new profile's first download)."""
        from desktop.dialogs.login_dialog import LoginDialog
        from sync.client import session

        account = session.signed_in(self.store)
        dialog = LoginDialog(
            self.store,
            server_url=account.server_url if account else self.settings.get(s.SERVER_URL),
            username=account.username if account else "",
            parent=self.window,
            **s.network_options(self.settings),
        )
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.account is None:
            return
        self.settings.set(s.SERVER_URL, dialog.account.server_url)
        self.sync.refresh_state()
        if not session.token_remembered(dialog.account):
            QMessageBox.information(
                self.window,
                self.tr("登录"),
                self.tr("这台电脑没有系统密码保管服务，关闭工作台后需要重新登录。"),
            )
        self.sync.sync_now()
        self.signed_in.emit()

    def sign_out(self) -> None:
        """Ask, offering to remove this device's data too; losing operations not yet synced
        needs a second, plain confirmation."""
        from desktop.workers import run_with_progress
        from sync.client import session

        pending = self.store.pending_count()
        account = session.signed_in(self.store)
        if account is not None:
            text = self.tr("退出后本机数据仍然保留，尚未同步的 {n} 项操作会在下次登录后同步。")
        else:  # signed out already (or the token expired): only the data is left to remove
            text = self.tr("当前没有登录。勾选下面的选项可以清除这台电脑上的本机数据。")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("退出登录"),
            text.format(n=pending),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("退出登录") if account is not None else self.tr("确定")
        )
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        remove = QCheckBox(self.tr("同时清除本机数据（活动、报名、粉丝等都从这台电脑上删除）"))
        box.setCheckBox(remove)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        remove_data = remove.isChecked()
        if remove_data and pending and not self._confirm_discard(pending):
            return
        self.sync.stop()  # no sync may write while the data goes
        options = s.network_options(self.settings)
        try:
            run_with_progress(
                lambda _p, _c: session.sign_out(
                    self.store, remove_local_data=remove_data, **options
                ),
                self.tr("正在退出登录…"),
                parent=self.window,
                cancellable=False,
            )
        finally:
            if remove_data:
                self.undo_history.clear()  # their operations are gone
            self.sync.resume()  # finds nobody signed in: the status says so
        self.signed_out.emit(remove_data)

    def _confirm_discard(self, pending: int) -> bool:
        sure = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("清除本机数据"),
            self.tr(
                "还有 {n} 项操作没有同步到服务器。清除本机数据后，这些操作将永久丢失，"
                "无法恢复。\n\n确定清除吗？"
            ).format(n=pending),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        sure.button(QMessageBox.StandardButton.Discard).setText(
            self.tr("丢弃 {n} 项操作并清除").format(n=pending)
        )
        sure.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        sure.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return sure.exec() == QMessageBox.StandardButton.Discard
