"""Telling the user that a newer workbench is out: the server announces the release (version and
download address) and the status bar shows a button until the user dismisses that version.
Nothing is downloaded or installed here, and an older workbench keeps working and syncing."""

from __future__ import annotations

import logging
from functools import cached_property

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import settings as s
from desktop.status_bar import SyncStatusBar
from sync.core.release import Release, current_version

log = logging.getLogger(__name__)


class UpdateNotice(QObject):
    def __init__(self, settings: s.Settings, status: SyncStatusBar, parent: QWidget):
        super().__init__(parent)
        self.settings = settings
        self.status = status
        self.release: Release | None = None  # the one being offered
        status.update_requested.connect(self.show_dialog)

    @cached_property
    def installed(self) -> str:
        """This workbench's version: read when a server first announces one, not at start."""
        return current_version()

    def offer(self, release: Release | None) -> None:
        """After a sync: show the button for a newer release the user has not dismissed."""
        wanted = (
            release is not None
            and release.is_newer_than(self.installed)
            and self.settings.get(s.DISMISSED_RELEASE) != release.version
        )
        if wanted and release != self.release:
            log.info("the server announces workbench %s (this is %s)", release, self.installed)
        self.release = release if wanted else None
        self.status.show_release(self.release.version if self.release else "")

    def show_dialog(self) -> None:
        release = self.release
        if release is None:
            return
        box = QMessageBox(self.parent())
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self.tr("有新版本"))
        box.setText(
            self.tr("苏青U+ 工作台 {new} 已发布，本机是 {old}。").format(
                new=release.version, old=self.installed
            )
        )
        where = (
            self.tr("下载地址：{url}").format(url=release.download_url)
            if release.download_url
            else self.tr("请向本单位的信息化管理员索取安装包。")
        )
        box.setInformativeText(
            where
            + "\n\n"
            + self.tr(
                "工作台不会自动安装。升级后本机数据和未同步的操作都会保留；不升级也能继续同步。"
            )
        )
        open_button = None
        if release.download_url:
            open_button = box.addButton(self.tr("打开下载页面"), QMessageBox.ButtonRole.AcceptRole)
        dismiss = box.addButton(self.tr("不再提醒此版本"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("稍后"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        clicked = box.clickedButton()
        if clicked is open_button and open_button is not None:
            QDesktopServices.openUrl(QUrl(release.download_url))
        elif clicked is dismiss:
            self.dismiss()

    def dismiss(self) -> None:
        """No more notice for this version; a later one shows again."""
        if self.release is not None:
            self.settings.set(s.DISMISSED_RELEASE, self.release.version)
            self.settings.sync()
        self.offer(None)
