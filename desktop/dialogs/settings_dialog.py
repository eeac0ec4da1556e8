"""Settings: language, server, network (proxy, CA bundle), sync interval, privacy, 诉求 (reply
deadline, holidays, categories) and the map, as declared in settings.py; what the deployment
locks is shown, greyed, with the reason, and never saved."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s
from desktop.widgets.dialog_buttons import action_buttons
from sync.core.rules import parse_dates


class SettingsDialog(QDialog):
    def __init__(self, settings: s.Settings, *, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(480)
        preset = settings.preset

        self.language_combo = QComboBox()
        for code, name in s.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(settings.get(s.LANGUAGE)))
        )
        self.server_edit = QLineEdit(settings.get(s.SERVER_URL))
        self.server_edit.setPlaceholderText(preset.server_url or "https://suqing.example.gov.cn")
        self.proxy_edit = QLineEdit(settings.get(s.PROXY))
        self.proxy_edit.setPlaceholderText(
            self.tr("不填则使用系统的代理设置，例如 http://proxy.example:8080")
        )
        self.ca_edit = QLineEdit(settings.get(s.CA_BUNDLE))
        self.ca_edit.setPlaceholderText(self.tr("不填则使用系统信任的证书"))
        self.ca_browse = QPushButton(self.tr("浏览…"))
        self.ca_browse.clicked.connect(self._browse_ca)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        self.sync_spin = QSpinBox()
        self.sync_spin.setRange(1, 120)
        self.sync_spin.setValue(settings.get(s.AUTO_SYNC_MINUTES))
        self.encrypt_check = QCheckBox(self.tr("加密（密钥保存在系统钥匙串中）"))
        self.encrypt_check.setChecked(settings.get(s.ENCRYPT_LOCAL_DATA))
        self.encrypt_check.setToolTip(
            self.tr("下次启动时生效。已加密的数据保持加密；取消后新的数据不再加密。")
        )
        self.reply_days_spin = QSpinBox()
        self.reply_days_spin.setRange(1, 60)
        self.reply_days_spin.setValue(settings.get(s.REQUEST_REPLY_DAYS))
        self.categories_edit = QPlainTextEdit("\n".join(s.request_categories(settings)))
        self.categories_edit.setFixedHeight(120)
        self.holidays_edit = QPlainTextEdit(settings.get(s.REQUEST_HOLIDAYS))
        self.weekends_edit = QPlainTextEdit(settings.get(s.REQUEST_WORKING_WEEKENDS))
        for edit in (self.holidays_edit, self.weekends_edit):
            edit.setFixedHeight(60)
            edit.setPlaceholderText(self.tr("例如 2026-10-01..2026-10-07, 2027-01-01"))
            edit.setToolTip(
                self.tr("日期或日期范围（含首尾），用逗号或换行分隔；周一至周五默认是工作日")
            )
        self.tile_edit = QLineEdit(settings.get(s.MAP_TILE_URL))
        self.tile_edit.setPlaceholderText(
            self.tr("不填则只用离线底图，例如 https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        )

        # Each row: its setting and the widgets it greys out when the deployment locks it.
        self._rows: list[tuple[s.Setting, tuple[QWidget, ...]]] = [
            (s.LANGUAGE, (self.language_combo,)),
            (s.SERVER_URL, (self.server_edit,)),
            (s.PROXY, (self.proxy_edit,)),
            (s.CA_BUNDLE, (self.ca_edit, self.ca_browse)),
            (s.AUTO_SYNC_MINUTES, (self.sync_spin,)),
            (s.ENCRYPT_LOCAL_DATA, (self.encrypt_check,)),
            (s.REQUEST_REPLY_DAYS, (self.reply_days_spin,)),
            (s.REQUEST_HOLIDAYS, (self.holidays_edit,)),
            (s.REQUEST_WORKING_WEEKENDS, (self.weekends_edit,)),
        ]
        reason = self.tr("由本单位的部署配置指定，不能修改（%1）").replace(
            "%1", ", ".join(str(p) for p in preset.sources)
        )
        form = QFormLayout()
        for setting, widgets in self._rows:
            locked = settings.is_locked(setting)
            for widget in widgets:
                widget.setEnabled(not locked)
                if locked:
                    widget.setToolTip(reason)
        form.addRow(s.LANGUAGE.title_text(), self.language_combo)
        form.addRow(s.SERVER_URL.title_text(), self.server_edit)
        form.addRow(s.PROXY.title_text(), self.proxy_edit)
        form.addRow(s.CA_BUNDLE.title_text(), ca_row)
        form.addRow(s.AUTO_SYNC_MINUTES.title_text(), self.sync_spin)
        form.addRow(s.ENCRYPT_LOCAL_DATA.title_text(), self.encrypt_check)

        form.addRow(s.REQUEST_REPLY_DAYS.title_text(), self.reply_days_spin)
        form.addRow(s.REQUEST_HOLIDAYS.title_text(), self.holidays_edit)
        form.addRow(s.REQUEST_WORKING_WEEKENDS.title_text(), self.weekends_edit)
        form.addRow(s.REQUEST_CATEGORIES.title_text(), self.categories_edit)

        form.addRow(s.MAP_TILE_URL.title_text(), self.tile_edit)

        self.locked_note = QLabel(
            self.tr(
                "灰色的项目由本单位的部署配置指定，不能在这里修改。如需更改，请联系本单位的信息化管理员。"
            )
        )
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet("color: #666;")
        self.locked_note.setVisible(any(settings.is_locked(setting) for setting, _ in self._rows))

        buttons = action_buttons(self, self.tr("确定"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.locked_note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Not while a holiday or worked weekend is not a date: it would silently not count."""
        for setting, edit in (
            (s.REQUEST_HOLIDAYS, self.holidays_edit),
            (s.REQUEST_WORKING_WEEKENDS, self.weekends_edit),
        ):
            _, bad = parse_dates(edit.toPlainText())
            if bad:
                QMessageBox.warning(
                    self,
                    setting.title_text(),
                    self.tr(
                        "这些不是日期：{bad}。请写成 2026-10-01 或 2026-10-01..2026-10-07。"
                    ).format(bad="、".join(bad[:5])),
                )
                edit.setFocus()
                return
        super().accept()

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择单位 CA 证书文件"),
            self.ca_edit.text(),
            self.tr("证书文件 (*.pem *.crt *.cer);;所有文件 (*)"),
        )
        if path:
            self.ca_edit.setText(path)

    def _changed(self, setting: s.Setting, value) -> None:
        """Write what the user changed; a value left as shown (the preset) stays unset, so a
        later preset from IT still reaches this user. Locked settings are never written."""
        if not self._settings.is_locked(setting) and value != self._settings.get(setting):
            self._settings.set(setting, value)

    def save(self) -> None:
        self._changed(s.LANGUAGE, self.language_combo.currentData())
        self._changed(s.SERVER_URL, self.server_edit.text().strip())
        self._changed(s.PROXY, self.proxy_edit.text().strip())
        self._changed(s.CA_BUNDLE, self.ca_edit.text().strip())
        self._changed(s.AUTO_SYNC_MINUTES, self.sync_spin.value())
        self._changed(s.ENCRYPT_LOCAL_DATA, self.encrypt_check.isChecked())
        self._changed(s.REQUEST_REPLY_DAYS, self.reply_days_spin.value())
        self._changed(s.REQUEST_HOLIDAYS, self.holidays_edit.toPlainText().strip())
        self._changed(s.REQUEST_WORKING_WEEKENDS, self.weekends_edit.toPlainText().strip())
        self._changed(s.REQUEST_CATEGORIES, self.categories_edit.toPlainText().strip())
        self._changed(s.MAP_TILE_URL, self.tile_edit.text().strip())
        self._settings.sync()
