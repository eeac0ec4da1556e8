"""The button row every form dialog ends with: its own action word in place of OK, 取消."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox


def action_buttons(dialog: QDialog, action: str) -> QDialogButtonBox:
    """OK and Cancel wired to `dialog`'s accept and reject. OK says what it does (`action`,
    already translated by the caller: 保存, 登录, 拒绝 …), which reads better than a bare 确定."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action)
    cancel = QCoreApplication.translate("dialog_buttons", "取消")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
