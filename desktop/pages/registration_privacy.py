"""The 报名审核 page's personal-data commands: 显示完整信息 (the account's permission, and a
log entry before anything is shown) and the guardian consent of a youth under 14."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox

from desktop.pages.registration_host import RegistrationsHost
from desktop.texts import violation_text
from sync.client import session
from sync.core.operations import REVEAL_PERMISSION
from sync.core.records import GuardianConsent
from sync.core.rules import RuleViolation


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
        """Show one youth's full phone and ID number, if the account may; every reveal is
        logged (an operation the server keeps in its audit trail)."""
        row = self.page.current_row()
        if row is None:
            return
        if not self.may_reveal():
            self.refuse_reveal()
            return
        fields = ["phone"] + (["id_number"] if row["id_number"] else [])
        try:
            self.page.store.log_reveal("youths", row["youth_id"], fields)
        except RuleViolation as error:
            QMessageBox.warning(self.page, self.tr("无法完成"), violation_text(error))
            return
        text = self.tr("{name}\n手机号：{phone}\n身份证号：{id_number}").format(
            name=row["name"], phone=row["phone"], id_number=row["id_number"] or "—"
        )
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("完整信息（已记录本次查看）"),
            text,
            parent=self.page,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    def set_consent(self, status: GuardianConsent) -> None:
        row = self.page.current_row()
        if row is None or row["guardian_consent"] == status.value:
            return
        self.page.run_command(
            lambda: self.page.store.set_guardian_consent(row["youth_id"], status),
            self.tr("记录 {name} 的监护人同意情况").format(name=row["name"]),
        )
