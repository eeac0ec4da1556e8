"""Sign in to the province's server. The password is sent once and never kept; the token goes
to the OS keyring (or, where there is none, lives until the workbench closes). The address may
be preset, and locked, by the deployment (`sync.client.deployment`)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.sync_texts import sync_error_text
from desktop.widgets.dialog_buttons import action_buttons
from desktop.workers import run_with_progress
from sync.client import credentials, deployment, session
from sync.client.http import SyncError
from sync.client.store import Store


class LoginDialog(QDialog):
    def __init__(
        self,
        store: Store,
        *,
        server_url: str = "",
        username: str = "",
        proxy: str = "",
        ca_bundle: str = "",
        preset: deployment.Deployment | None = None,
        parent: QWidget | None = None,
    ):
        """`proxy` and `ca_bundle` are the user's settings; `preset` the deployment's (read
        from its file when not given)."""
        super().__init__(parent)
        self.store = store
        self.account: session.Account | None = None
        self._preset = preset if preset is not None else deployment.load()
        self._network = {"proxy": proxy, "ca_bundle": ca_bundle}
        self.setWindowTitle(self.tr("登录苏青U+"))
        self.setMinimumWidth(420)
        self.server_edit = QLineEdit(deployment.server_url(server_url, self._preset))
        self.server_edit.setPlaceholderText("https://suqing.example.gov.cn")
        self.server_locked = self._preset.is_locked("server_url") and bool(self._preset.server_url)
        if self.server_locked:
            self.server_edit.setReadOnly(True)
            self.server_edit.setStyleSheet("color: #555; background: #f0f0f0;")
            self.server_edit.setToolTip(self.tr("服务器地址由本单位的部署配置指定"))
        self.username_edit = QLineEdit(username)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(objectName="error")
        self.error_label.setStyleSheet("color: #c0392b;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(self.tr("服务器地址"), self.server_edit)
        form.addRow(self.tr("账号"), self.username_edit)
        form.addRow(self.tr("密码"), self.password_edit)
        self.buttons = action_buttons(self, self.tr("登录"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        has_server = bool(self.server_edit.text())
        first = self.server_edit if not has_server else self.username_edit
        (self.password_edit if has_server and username else first).setFocus()

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def accept(self) -> None:
        url = self.server_edit.text().strip().rstrip("/")
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not (url and username and password):
            self._show_error(self.tr("请填写服务器地址、账号和密码"))
            return
        if not url.startswith(("http://", "https://")):
            url = "https://" + url
        try:
            self.account = run_with_progress(
                lambda _p, _c: session.sign_in(
                    self.store,
                    deployment.client_config(url, deployment=self._preset, **self._network),
                    username,
                    password,
                ),
                self.tr("正在登录…"),
                parent=self,
                cancellable=False,
            )
        except (SyncError, session.AccountMismatch, credentials.CredentialsUnavailable) as error:
            self._show_error(sync_error_text(error))
            return
        finally:
            self.password_edit.clear()
        super().accept()
