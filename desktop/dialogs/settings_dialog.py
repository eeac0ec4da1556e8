"""Settings: language, server, sync interval and privacy, as declared in settings.py."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s


class SettingsDialog(QDialog):
    def __init__(self, settings: s.Settings, *, parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(480)

        self.language_combo = QComboBox()
        for code, name in s.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(settings.get(s.LANGUAGE)))
        )
        self.server_edit = QLineEdit(settings.get(s.SERVER_URL))
        self.server_edit.setPlaceholderText("https://suqing.example.gov.cn")
        self.sync_spin = QSpinBox()
        self.sync_spin.setRange(1, 120)
        self.sync_spin.setValue(settings.get(s.AUTO_SYNC_MINUTES))

        form = QFormLayout()
        form.addRow(s.LANGUAGE.title_text(), self.language_combo)
        form.addRow(s.SERVER_URL.title_text(), self.server_edit)
        form.addRow(s.AUTO_SYNC_MINUTES.title_text(), self.sync_spin)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        self._settings.set(s.LANGUAGE, self.language_combo.currentData())
        self._settings.set(s.SERVER_URL, self.server_edit.text().strip())
        self._settings.set(s.AUTO_SYNC_MINUTES, self.sync_spin.value())
        self._settings.sync()
