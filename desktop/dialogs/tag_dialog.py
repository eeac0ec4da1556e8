"""Add or remove tags on many followers: which tags, and whether on the selected followers or on
every follower the current filter matches."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.texts import violation_text
from desktop.widgets.dialog_buttons import action_buttons
from sync.core.rules import RuleViolation, validate_tag

# Several tags at once, separated as a Chinese or English list would be.
SEPARATORS = re.compile(r"[,，、;；]")


class TagDialog(QDialog):
    def __init__(
        self,
        *,
        removing: bool,
        known_tags: Sequence[str],
        selected: int,
        matching: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.removing = removing
        self.setWindowTitle(self.tr("移除标签") if removing else self.tr("添加标签"))
        self.tag_combo = QComboBox(editable=True)
        self.tag_combo.addItems(list(known_tags))
        self.tag_combo.setCurrentIndex(-1)
        self.tag_combo.setMinimumWidth(300)
        self.tag_combo.lineEdit().setPlaceholderText(self.tr("如：志愿者、大学生（可填多个）"))
        self.selected_radio = QRadioButton(self.tr("选中的 {n} 位粉丝").format(n=selected))
        self.matching_radio = QRadioButton(self.tr("全部 {n} 位筛选结果").format(n=matching))
        self.scope = QButtonGroup(self)
        self.scope.addButton(self.selected_radio)
        self.scope.addButton(self.matching_radio)
        self.selected_radio.setEnabled(selected > 0)
        (self.selected_radio if selected else self.matching_radio).setChecked(True)
        self.error_label = QLabel(objectName="error")
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = action_buttons(self, self.tr("移除") if removing else self.tr("添加"))

        form = QFormLayout()
        form.addRow(self.tr("标签"), self.tag_combo)
        scope = QVBoxLayout()
        scope.addWidget(self.selected_radio)
        scope.addWidget(self.matching_radio)
        form.addRow(self.tr("范围"), scope)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def tags(self) -> list[str]:
        """The tags typed or picked, as stored; RuleViolation for one that cannot be a tag."""
        parts = [p for p in SEPARATORS.split(self.tag_combo.currentText()) if p.strip()]
        return list(dict.fromkeys(validate_tag(p) for p in parts))

    def all_matching(self) -> bool:
        return self.matching_radio.isChecked()

    def accept(self) -> None:
        try:
            tags = self.tags()
        except RuleViolation as error:
            self._show_error(violation_text(error))
            return
        if not tags:
            self._show_error(self.tr("请填写标签"))
            return
        super().accept()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
