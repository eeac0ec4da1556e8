"""写通知: a notice to an organisation's followers, all of them or those with one tag, with the
number of recipients shown as the audience changes. It is queued here and sent on sync."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.texts import problem_text
from desktop.widgets.dialog_buttons import action_buttons
from sync.core.rules import NOTICE_TITLE_MAX, validate_notice

# (org_id, tag) -> how many followers the notice would reach
RecipientCounter = Callable[[str, str], int]
# org_id -> {tag: followers with it}
TagLister = Callable[[str], dict[str, int]]


class NoticeDialog(QDialog):
    def __init__(
        self,
        *,
        organizations: Sequence[dict[str, Any]],
        org_id: str,
        tags: TagLister,
        recipients: RecipientCounter,
        tag: str = "",
        parent: QWidget | None = None,
    ):
        """`organizations` may send (the home organisation first); `org_id` is preselected."""
        super().__init__(parent)
        self._tags = tags
        self._recipients = recipients
        self.setWindowTitle(self.tr("写通知"))
        self.setMinimumWidth(520)

        self.org_combo = QComboBox()
        for org in organizations:
            self.org_combo.addItem(org["name"], org["id"])
        self.org_combo.setCurrentIndex(max(0, self.org_combo.findData(org_id)))
        self.org_combo.setVisible(len(organizations) > 1)
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(NOTICE_TITLE_MAX)
        self.title_edit.setPlaceholderText(self.tr("如：周末志愿服务集合时间调整"))
        self.body_edit = QPlainTextEdit()
        self.body_edit.setMinimumHeight(140)
        self.audience_combo = QComboBox()
        self.recipients_label = QLabel(objectName="recipients")
        self.recipients_label.setStyleSheet("color: #2f6fb3;")
        note = QLabel(self.tr("通知先保存在本机，联网同步后由服务器发送；发送前可按 Ctrl+Z 撤销。"))
        note.setWordWrap(True)
        note.setStyleSheet("color: #777;")
        self._errors = {name: QLabel() for name in ("title", "body", "tag")}
        for label in self._errors.values():
            label.setStyleSheet("color: #c0392b;")
            label.setWordWrap(True)
            label.hide()
        self.buttons = action_buttons(self, self.tr("保存待发送"))

        form = QFormLayout()
        org_label = QLabel(self.tr("发送组织"))
        org_label.setVisible(len(organizations) > 1)
        form.addRow(org_label, self.org_combo)
        form.addRow(self.tr("标题"), self.title_edit)
        form.addRow("", self._errors["title"])
        form.addRow(self.tr("内容"), self.body_edit)
        form.addRow("", self._errors["body"])
        form.addRow(self.tr("发送对象"), self.audience_combo)
        form.addRow("", self._errors["tag"])
        form.addRow("", self.recipients_label)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

        self.org_combo.currentIndexChanged.connect(lambda _: self._fill_audience())
        self.audience_combo.currentIndexChanged.connect(lambda _: self._update_recipients())
        self._fill_audience(tag)

    # --- audience ----------------------------------------------------------------------------

    def _fill_audience(self, tag: str | None = None) -> None:
        keep = self.audience_combo.currentData() if tag is None else tag
        self.audience_combo.blockSignals(True)
        self.audience_combo.clear()
        self.audience_combo.addItem(self.tr("全部粉丝"), "")
        for name, count in self._tags(self.org_id()).items():
            self.audience_combo.addItem(
                self.tr("标签：{tag}（{n} 人）").format(tag=name, n=count), name
            )
        self.audience_combo.setCurrentIndex(max(0, self.audience_combo.findData(keep)))
        self.audience_combo.blockSignals(False)
        self._update_recipients()

    def _update_recipients(self) -> None:
        self.recipient_count = self._recipients(self.org_id(), self.tag())
        self.recipients_label.setText(
            self.tr("将发送给 {n} 位粉丝（以服务器发送时为准）").format(n=self.recipient_count)
        )

    # --- values ------------------------------------------------------------------------------

    def org_id(self) -> str:
        return self.org_combo.currentData()

    def tag(self) -> str:
        return self.audience_combo.currentData() or ""

    def values(self) -> dict[str, str]:
        return {
            "title": self.title_edit.text().strip(),
            "body": self.body_edit.toPlainText().strip(),
            "tag": self.tag(),
        }

    def accept(self) -> None:
        """Saved only when the rules accept it; each problem is shown beside its field."""
        for label in self._errors.values():
            label.hide()
        problems = validate_notice(self.values())
        for problem in problems:
            field = (problem.field or "").removeprefix("notice_")
            label = self._errors.get(field)
            if label is not None and not label.isVisible():
                label.setText(problem_text(problem))
                label.show()
        if not problems:
            super().accept()
