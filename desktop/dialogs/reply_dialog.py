"""The reply to a youth's request: typed, or started from a reusable template picked with a digit
key (the list is the user's, kept in the settings; 存为模板 adds the text typed, 管理模板…
edits the list: `reply_templates_dialog`). Ctrl+Enter sends; an empty reply is refused."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s
from desktop.dialogs.reply_templates_dialog import ReplyTemplatesDialog
from desktop.widgets.dialog_buttons import action_buttons
from sync.core.rules import REPLY_MAX


class ReplyDialog(QDialog):
    def __init__(
        self,
        settings: s.Settings,
        *,
        name: str,
        text: str,
        parent: QWidget | None = None,
    ):
        """`name` is the youth's, `text` their request (shown above the reply)."""
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("答复诉求"))
        self.setMinimumWidth(520)
        self.heading = QLabel(self.tr("答复 {name}：").format(name=name))
        self.request_label = QLabel(text)
        self.request_label.setWordWrap(True)
        self.request_label.setStyleSheet("color: #555; padding: 4px; background: #f6f6f6;")
        self.templates = QListWidget()
        self.reply_edit = QPlainTextEdit()
        self.reply_edit.setPlaceholderText(self.tr("输入答复，或按数字键选用模板后修改"))
        self.save_button = QPushButton(self.tr("存为模板"))
        self.save_button.clicked.connect(self.save_template)
        self.manage_button = QPushButton(self.tr("管理模板…"))
        self.manage_button.clicked.connect(self.manage_templates)
        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.hide()
        self.hint = QLabel(self.tr("数字键选用模板，Tab 到答复框修改；Ctrl+回车发送，Esc 取消。"))
        self.hint.setStyleSheet("color: #777;")
        self.buttons = action_buttons(self, self.tr("答复"))
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.manage_button, QDialogButtonBox.ButtonRole.ActionRole)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.request_label)
        layout.addWidget(QLabel(self.tr("答复模板")))
        layout.addWidget(self.templates)
        layout.addWidget(self.reply_edit, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)

        self._fill_templates()
        self.templates.itemSelectionChanged.connect(self._on_pick)
        self.templates.installEventFilter(self)
        self.reply_edit.installEventFilter(self)
        self.templates.setFocus()

    def default_templates(self) -> list[str]:
        return [
            self.tr("您好，您的诉求已收到，我们正在协调相关部门办理，有进展会第一时间答复您。"),
            self.tr("您好，您反映的问题已转交属地团组织跟进，请留意后续联系。"),
            self.tr("您好，相关政策和办理流程请见“苏青U+”平台公告，如仍有疑问可再次留言。"),
            self.tr("您好，您的诉求已办结，感谢您对共青团工作的支持。"),
        ]

    def template_texts(self) -> list[str]:
        saved = s.reply_templates(self._settings)
        return self.default_templates() if saved is None else saved

    def _fill_templates(self) -> None:
        self.templates.clear()
        for i, text in enumerate(self.template_texts(), start=1):
            self.templates.addItem(f"{i}. {text}")
        rows = max(1, self.templates.count())
        self.templates.setFixedHeight(
            self.templates.sizeHintForRow(0) * rows + 2 * self.templates.frameWidth() + 4
        )

    def _on_pick(self) -> None:
        rows = [self.templates.row(item) for item in self.templates.selectedItems()]
        if rows:
            self.reply_edit.setPlainText(self.template_texts()[rows[0]])
            self.error_label.hide()

    def save_template(self) -> None:
        text = self.reply()
        if not text:
            return
        templates = self.template_texts()
        if text not in templates:
            s.set_reply_templates(self._settings, [*templates, text])
            self._fill_templates()

    def templates_dialog(self) -> ReplyTemplatesDialog:
        return ReplyTemplatesDialog(
            self._settings, self.template_texts(), defaults=self.default_templates(), parent=self
        )

    def manage_templates(self) -> None:
        """Edit the list; the reply typed so far stays as it is."""
        if self.templates_dialog().exec() == QDialog.DialogCode.Accepted:
            self.templates.blockSignals(True)
            self._fill_templates()
            self.templates.blockSignals(False)

    def reply(self) -> str:
        return self.reply_edit.toPlainText().strip()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A digit on the template list picks that template; Ctrl+Enter anywhere sends."""
        if event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            enter = key_event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and (
                watched is self.templates
                or key_event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.accept()
                return True
            text = key_event.text()
            if watched is self.templates and text.isdigit():
                if 1 <= int(text) <= self.templates.count():
                    self.templates.setCurrentRow(int(text) - 1)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept()  # never a default button that skips the check
            return
        super().keyPressEvent(event)

    def accept(self) -> None:
        text = self.reply()
        if not text or len(text) > REPLY_MAX:
            self.error_label.setText(
                self.tr("请填写答复")
                if not text
                else self.tr("答复不能超过 {n} 个字").format(n=REPLY_MAX)
            )
            self.error_label.show()
            self.reply_edit.setFocus()
            return
        super().accept()
