"""The reason for rejecting registrations: one of the common reasons, picked with the arrow keys
or a digit, or typed; Enter confirms. An empty reason is refused (the rules require one)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.widgets.dialog_buttons import action_buttons


class RejectDialog(QDialog):
    def __init__(self, *, count: int, name: str = "", parent: QWidget | None = None):
        """`count` registrations are rejected; `name` is the youth's when there is one."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("拒绝报名"))
        self.setMinimumWidth(420)
        if count == 1 and name:
            heading = self.tr("拒绝 {name} 的报名。请选择或填写理由：").format(name=name)
        else:
            heading = self.tr("拒绝选中的 {n} 条报名。请选择或填写理由：").format(n=count)
        self.heading = QLabel(heading)
        self.heading.setWordWrap(True)
        self.reasons = QListWidget()
        for i, reason in enumerate(self.common_reasons(), start=1):
            self.reasons.addItem(f"{i}. {reason}")
        rows = self.reasons.sizeHintForRow(0) * self.reasons.count()
        self.reasons.setFixedHeight(rows + 2 * self.reasons.frameWidth() + 4)
        self.reason_edit = QLineEdit()
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("其他理由，直接输入"))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        self.hint = QLabel(self.tr("↑/↓ 或数字键选择常用理由，也可直接输入；回车确认，Esc 取消。"))
        self.hint.setStyleSheet("color: #777;")
        self.buttons = action_buttons(self, self.tr("拒绝"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.reasons)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        # Selection, not the current row: the list makes its first row current on focus, and
        # that must not pick "名额已满" for a cadre who only pressed R and Enter.
        self.reasons.itemSelectionChanged.connect(self._on_pick)
        self.reasons.itemDoubleClicked.connect(lambda _: self.accept())
        self.reasons.installEventFilter(self)
        self.reason_edit.textEdited.connect(lambda _: self.error_label.hide())
        self.reasons.setFocus()

    def common_reasons(self) -> list[str]:
        return [
            self.tr("名额已满"),
            self.tr("不符合报名条件"),
            self.tr("报名信息不完整"),
            self.tr("重复报名"),
            self.tr("联系电话无法接通"),
            self.tr("本活动仅面向辖区青年"),
        ]

    def _on_pick(self) -> None:
        rows = [self.reasons.row(item) for item in self.reasons.selectedItems()]
        if rows:
            self.reason_edit.setText(self.common_reasons()[rows[0]])
            self.error_label.hide()

    def reason(self) -> str:
        return self.reason_edit.text().strip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keys on the reason list: a digit picks that reason, the first ↑/↓ picks the row
        the list shows as current, Enter confirms."""
        if watched is self.reasons and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            text = key_event.text()
            if text.isdigit() and 1 <= int(text) <= self.reasons.count():
                self.reasons.setCurrentRow(int(text) - 1)
                return True
            if key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if key_event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not (
                self.reasons.selectedItems()
            ):
                self.reasons.setCurrentRow(max(0, self.reasons.currentRow()))
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()  # never a default button that skips the reason check
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        if not self.reason():
            self.error_label.setText(self.tr("请选择或填写拒绝理由"))
            self.error_label.show()
            self.reason_edit.setFocus()
            return
        super().accept()
