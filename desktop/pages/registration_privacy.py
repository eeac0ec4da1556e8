"""The 报名审核 page's personal-data commands: 显示完整信息 (whole numbers come from the server,
which checks the permission and logs the reveal; this device keeps them masked) and the guardian
consent of a youth under 14."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.pages.registration_host import RegistrationsHost
from desktop.sync_texts import sync_error_text
from sync.client import session
from sync.client.http import SyncError, Unreachable
from sync.core.operations import REVEAL_PERMISSION
from sync.core.protocol import RevealedYouth
from sync.core.records import GuardianConsent


class RegistrationPrivacy(QObject):
    def __init__(self, page: RegistrationsHost):
        super().__init__(page)
        self.page = page

    def may_reveal(self) -> bool:
        return session.has_permission(self.page.store, REVEAL_PERMISSION)

    def refuse_reveal(self) -> None:
        QMessageBox.information(
            self.page,
            self.tr("不能显示完整信息"),
            self.tr(
                "当前账号没有查看完整个人信息的权限，手机号和身份证号只能脱敏显示。"
                "如确需查看，请联系上级团委为账号开通“查看个人信息”权限。"
            ),
        )

    def reveal_selected(self) -> None:
        """Show one youth's whole phone and ID number, fetched from the server: this device
        holds them masked. The server checks the permission and logs the reveal."""
        row = self.page.current_row()
        if row is None:
            return
        if not self.may_reveal():
            self.refuse_reveal()
            return
        found = self.fetch_whole([row["youth_id"]])
        if found is None:
            return
        youth = found.get(row["youth_id"])
        if youth is None:
            QMessageBox.information(
                self.page,
                self.tr("不能显示完整信息"),
                self.tr(
                    "只能查看本人在线报名或关注本组织的青年的完整信息；"
                    "现场报名和导入名单中的青年只显示脱敏信息。"
                ),
            )
            return
        text = self.tr("{name}\n手机号：{phone}\n身份证号：{id_number}").format(
            name=youth.name, phone=youth.phone, id_number=youth.id_number or "—"
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("完整信息（已记录本次查看）"),
            text,
            parent=self.page,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    def fetch_whole(self, youth_ids: list[str]) -> dict[str, RevealedYouth] | None:
        """Whole numbers of these youths from the server, on a worker thread with a progress
        dialog; youth id → numbers for those the account may see. None, after telling the user
        why, when the server cannot be asked or refuses."""
        store = self.page.store

        def job(progress: Any, _cancelled: Any) -> dict[str, RevealedYouth]:
            return session.reveal(store, youth_ids, progress=progress)

        try:
            return self.page.run_job(job, self.tr("正在向服务器查询完整信息…"))
        except SyncError as error:
            if error.code == "permission_denied":
                self.refuse_reveal()
                return None
            text = sync_error_text(error)
            if isinstance(error, Unreachable):
                text = self.tr(
                    "查看完整信息需要连接服务器，现在连不上。本机只保存脱敏的手机号和身份证号，"
                    "其他工作可以照常离线进行。"
                )
            QMessageBox.warning(self.page, self.tr("不能显示完整信息"), text)
            return None

    def set_consent(self, status: GuardianConsent) -> None:
        row = self.page.current_row()
        if row is None or row["guardian_consent"] == status.value:
            return
        self.page.run_command(
            lambda: self.page.store.set_guardian_consent(row["youth_id"], status),
            self.tr("记录 {name} 的监护人同意情况").format(name=row["name"]),
        )
