"""Settings: language, server, network (proxy, CA bundle), sync interval and privacy, as declared
in settings.py; what the deployment locks is shown but cannot be changed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s
from sync.client import deployment


class SettingsDialog(QDialog):
    def __init__(
        self,
        settings: s.Settings,
        *,
        preset: deployment.Deployment | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._settings = settings
        self._preset = preset if preset is not None else deployment.load()
        self.setWindowTitle(self.tr("设置"))
        self.setMinimumWidth(480)

        self.language_combo = QComboBox()
        for code, name in s.LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(
            max(0, self.language_combo.findData(settings.get(s.LANGUAGE)))
        )
        preset = self._preset
        self.server_edit = QLineEdit(deployment.server_url(settings.get(s.SERVER_URL), preset))
        self.server_edit.setPlaceholderText(preset.server_url or "https://suqing.example.gov.cn")
        self.server_locked = preset.lock_server_url and bool(preset.server_url)
        self.server_edit.setReadOnly(self.server_locked)
        self.server_edit.setEnabled(not self.server_locked)
        self.proxy_edit = QLineEdit(preset.proxy if preset.lock_network else settings.get(s.PROXY))
        self.proxy_edit.setPlaceholderText(
            preset.proxy or self.tr("不填则使用系统的代理设置，例如 http://proxy.example:8080")
        )
        self.ca_edit = QLineEdit(
            preset.ca_bundle if preset.lock_network else settings.get(s.CA_BUNDLE)
        )
        self.ca_edit.setPlaceholderText(preset.ca_bundle or self.tr("不填则使用系统信任的证书"))
        self.ca_browse = QPushButton(self.tr("浏览…"))
        self.ca_browse.clicked.connect(self._browse_ca)
        for widget in (self.proxy_edit, self.ca_edit, self.ca_browse):
            widget.setEnabled(not preset.lock_network)
        ca_row = QHBoxLayout()
        ca_row.setContentsMargins(0, 0, 0, 0)
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(self.ca_browse)
        self.locked_note = QLabel(self.tr("灰色的项目由本单位的部署配置指定，不能在这里修改。"))
        self.locked_note.setWordWrap(True)
        self.locked_note.setStyleSheet("color: #666;")
        self.locked_note.setVisible(self.server_locked or preset.lock_network)
        self.sync_spin = QSpinBox()
        self.sync_spin.setRange(1, 120)
        self.sync_spin.setValue(settings.get(s.AUTO_SYNC_MINUTES))
        self.tile_edit = QLineEdit(settings.get(s.MAP_TILE_URL))
        self.tile_edit.setPlaceholderText(
            self.tr("不填则只用离线底图，例如 https://tile.openstreetmap.org/{z}/{x}/{y}.png")
        )

        form = QFormLayout()
        form.addRow(s.LANGUAGE.title_text(), self.language_combo)
        form.addRow(s.SERVER_URL.title_text(), self.server_edit)
        form.addRow(s.PROXY.title_text(), self.proxy_edit)
        form.addRow(s.CA_BUNDLE.title_text(), ca_row)
        form.addRow(s.AUTO_SYNC_MINUTES.title_text(), self.sync_spin)
        form.addRow(s.MAP_TILE_URL.title_text(), self.tile_edit)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.locked_note)
        layout.addWidget(buttons)

    def _browse_ca(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("选择单位 CA 证书文件"),
            self.ca_edit.text(),
            self.tr("证书文件 (*.pem *.crt *.cer);;所有文件 (*)"),
        )
        if path:
            self.ca_edit.setText(path)

    def save(self) -> None:
        self._settings.set(s.LANGUAGE, self.language_combo.currentData())
        if not self.server_locked:
            self._settings.set(s.SERVER_URL, self.server_edit.text().strip())
        if not self._preset.lock_network:
            self._settings.set(s.PROXY, self.proxy_edit.text().strip())
            self._settings.set(s.CA_BUNDLE, self.ca_edit.text().strip())
        self._settings.set(s.AUTO_SYNC_MINUTES, self.sync_spin.value())
        self._settings.set(s.MAP_TILE_URL, self.tile_edit.text().strip())
        self._settings.sync()
