"""With the English UI, sync failures read in English: a refused sign-in in the login dialog, an
unreachable server in the status bar (the texts come from sync.client with a code each)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from desktop import i18n
from desktop import settings as s
from desktop.dialogs.login_dialog import LoginDialog
from desktop.main_window import MainWindow
from desktop.sync_controller import SyncState
from sync.client import session
from sync.client.http import ClientConfig
from sync.client.store import DATABASE_NAME, Store
from tests.server.conftest import Server
from tests.test_activities_page import type_text


@pytest.fixture
def english() -> Iterator[None]:
    assert i18n.set_language("en"), "run build_scripts/translations.py build first"
    yield
    i18n.set_language("zh_CN")


def test_a_refused_sign_in_reads_in_english(qtbot, english, server: Server, tmp_path: Path):
    store = Store(tmp_path / DATABASE_NAME)
    dialog = LoginDialog(store, server_url=server.base_url, username="jiangning")
    qtbot.addWidget(dialog)
    type_text(dialog.password_edit, "wrong-password")
    dialog.accept()
    assert dialog.error_label.text() == "Wrong username or password"
    store.close()


def test_an_unreachable_server_reads_in_english(qtbot, english, server: Server, tmp_path: Path):
    store = Store(tmp_path / DATABASE_NAME)
    jiangning = server.accounts["jiangning"]
    session.sign_in(store, ClientConfig(base_url=server.base_url), "jiangning", jiangning.password)
    server.stop()
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    window.sync_now()
    qtbot.waitUntil(lambda: window.sync.state is SyncState.OFFLINE, timeout=30_000)
    assert window.connection_label.text() == "● Offline"
    assert window.connection_label.toolTip().startswith("Cannot reach the server")
    window.close()
    store.close()
