"""Sign in to the province's server. The password is sent once and never kept; the token goes
to the OS keyring (or, where there is none, lives until the workbench closes)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.workers import run_with_progress
from sync import credentials, session
from sync.client import ClientConfig, SyncError
from sync.store import Store


class LoginDialog(QDialog):
    def __init__(
        self,
        store: Store,
        *,
        server_url: str = "",
        username: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.account: session.Account | None = None
        self.setWindowTitle(self.tr("登录苏青U+"))
        self.setMinimumWidth(420)
        self.server_edit = QLineEdit(server_url)
        self.server_edit.setPlaceholderText("https://suqing.example.gov.cn")
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
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        (self.password_edit if server_url and username else self.server_edit).setFocus()

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
                    self.store, ClientConfig(base_url=url), username, password
                ),
                self.tr("正在登录…"),
                parent=self,
                cancellable=False,
            )
        except (SyncError, session.AccountMismatch, credentials.CredentialsUnavailable) as error:
            self._show_error(error.user_message)
            return
        finally:
            self.password_edit.clear()
        super().accept()
