"""The cadre's reply templates, edited: add, change, delete, reorder (the order is the digit
that picks one in the reply dialog), or go back to the built-in ones. Kept in the settings on
OK (`settings.set_reply_templates`); Cancel changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s
from desktop.widgets.dialog_buttons import action_buttons
from sync.core.rules import REPLY_MAX

LIST_EXCERPT = 40  # characters of a template the list shows; the edit box below shows it whole


class ReplyTemplatesDialog(QDialog):
    def __init__(
        self,
        settings: s.Settings,
        templates: list[str],
        *,
        defaults: list[str],
        parent: QWidget | None = None,
    ):
        """`templates`: the list in use; `defaults`: the built-in ones 恢复默认 brings back."""
        super().__init__(parent)
        self._settings = settings
        self._defaults = list(defaults)
        self.setWindowTitle(self.tr("管理答复模板"))
        self.setMinimumWidth(560)
        self.template_list = QListWidget()
        self.template_edit = QPlainTextEdit()
        self.template_edit.setPlaceholderText(self.tr("模板内容"))
        self.add_button = QPushButton(self.tr("新建"))
        self.delete_button = QPushButton(self.tr("删除"))
        self.up_button = QPushButton(self.tr("上移"))
        self.down_button = QPushButton(self.tr("下移"))
        self.reset_button = QPushButton(self.tr("恢复默认"))
        self.add_button.setShortcut(QKeySequence("Ctrl+N"))
        self.delete_button.setShortcut(QKeySequence("Ctrl+Delete"))
        self.up_button.setShortcut(QKeySequence("Ctrl+Up"))
        self.down_button.setShortcut(QKeySequence("Ctrl+Down"))
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.reset_button.clicked.connect(lambda: self._fill(self._defaults))
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        buttons = action_buttons(self, self.tr("保存"))

        side = QVBoxLayout()
        for button in (
            self.add_button,
            self.delete_button,
            self.up_button,
            self.down_button,
            self.reset_button,
        ):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.template_list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("答复时按数字键选用，顺序即编号（Ctrl+N 新建）：")))
        layout.addLayout(row)
        layout.addWidget(self.template_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.template_list.currentRowChanged.connect(self._show_current)
        self.template_edit.textChanged.connect(self._edited)
        self._fill(templates)

    # The texts live in the items (Qt.UserRole); the shown label is numbered and cut short.
    def templates(self) -> list[str]:
        """The list as edited: stripped, empty and repeated ones left out."""
        texts = (
            self.template_list.item(row).data(Qt.ItemDataRole.UserRole).strip()
            for row in range(self.template_list.count())
        )
        return [text for text in dict.fromkeys(texts) if text]

    def _fill(self, texts: list[str], *, current: int = 0) -> None:
        self.template_list.clear()
        for text in texts:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, text)
            self.template_list.addItem(item)
        self._relabel()
        self.template_list.setCurrentRow(min(current, self.template_list.count() - 1))
        self._show_current(self.template_list.currentRow())

    def _relabel(self) -> None:
        for row in range(self.template_list.count()):
            item = self.template_list.item(row)
            text = " ".join(item.data(Qt.ItemDataRole.UserRole).split())
            if len(text) > LIST_EXCERPT:
                text = text[:LIST_EXCERPT] + "…"
            item.setText(f"{row + 1}. {text}" if text else f"{row + 1}. " + self.tr("（空）"))

    def _texts(self) -> list[str]:
        return [
            self.template_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.template_list.count())
        ]

    def _show_current(self, row: int) -> None:
        has = row >= 0
        self.template_edit.blockSignals(True)
        self.template_edit.setPlainText(
            self.template_list.item(row).data(Qt.ItemDataRole.UserRole) if has else ""
        )
        self.template_edit.blockSignals(False)
        self.template_edit.setEnabled(has)
        for button in (self.delete_button, self.up_button, self.down_button):
            button.setEnabled(has)

    def _edited(self) -> None:
        item = self.template_list.currentItem()
        if item is not None:
            item.setData(Qt.ItemDataRole.UserRole, self.template_edit.toPlainText())
            self._relabel()
            self.error_label.hide()

    def add(self) -> None:
        texts = self._texts()
        self._fill([*texts, ""], current=len(texts))
        self.template_edit.setFocus()

    def delete(self) -> None:
        row = self.template_list.currentRow()
        if row >= 0:
            texts = self._texts()
            del texts[row]
            self._fill(texts, current=row)

    def move(self, step: int) -> None:
        row, texts = self.template_list.currentRow(), self._texts()
        target = row + step
        if row >= 0 and 0 <= target < len(texts):
            texts[row], texts[target] = texts[target], texts[row]
            self._fill(texts, current=target)

    def accept(self) -> None:
        too_long = [n for n, text in enumerate(self._texts(), 1) if len(text.strip()) > REPLY_MAX]
        if too_long:
            self.error_label.setText(
                self.tr("第 {n} 条模板超过 {max} 个字").format(n=too_long[0], max=REPLY_MAX)
            )
            self.error_label.show()
            self.template_list.setCurrentRow(too_long[0] - 1)
            return
        s.set_reply_templates(self._settings, self.templates())
        super().accept()
