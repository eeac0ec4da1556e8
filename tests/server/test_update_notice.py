"""Update notice: the server's operator announces the newest workbench and where to get it; the
workbench tells its user in the status bar until that version is dismissed, installs nothing,
and keeps syncing whatever the versions."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from desktop import settings as s
from desktop.main_window import MainWindow
from desktop.sync_controller import SyncState
from sync.core import protocol
from sync.core.release import Release, current_version
from sync.tools.demo import DEMO_HOME_USERNAME
from tests.server.conftest import Device, Seeded, ServerFactory, run_cli
from tests.test_activities_page import activate, when_modal

URL = "https://suqing.example.gov.cn/download/workbench-99.0.exe"


@pytest.fixture
def announcing(seeded_database: tuple[str, Seeded], server_factory: ServerFactory):
    """A server announcing workbench 99.0, far ahead of any version this checkout has."""
    database_url, seeded = seeded_database
    return server_factory(
        database_url,
        seeded=seeded,
        SUQING_LATEST_CLIENT_VERSION="99.0",
        SUQING_CLIENT_DOWNLOAD_URL=URL,
    )


def test_every_response_announces_the_release(announcing, tmp_path: Path):
    health = requests.get(announcing.url(protocol.HEALTH_PATH), timeout=10)
    assert health.headers[protocol.RELEASE_VERSION_HEADER] == "99.0"
    assert health.headers[protocol.RELEASE_URL_HEADER] == URL
    refused = requests.get(announcing.url(protocol.ME_PATH), timeout=10)  # no token: 401
    assert refused.status_code == 401
    assert refused.headers[protocol.RELEASE_VERSION_HEADER] == "99.0"
    device = Device(announcing, tmp_path / "d")
    try:
        report = device.sync()  # an older workbench still syncs
        assert report.release == Release("99.0", URL)
    finally:
        device.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_nothing_announced_nothing_sent(server, tmp_path: Path):
    health = requests.get(server.url(protocol.HEALTH_PATH), timeout=10)
    assert protocol.RELEASE_VERSION_HEADER not in health.headers
    device = Device(server, tmp_path / "d")
    try:
        assert device.sync().release is None
    finally:
        device.close()


@pytest.mark.parametrize("backend", ["sqlite"])
def test_an_unusable_announcement_is_refused_at_start(database_url: str):
    assert run_cli("init-db", database_url=database_url).returncode == 0
    bad = run_cli("serve", "--latest-client-version", "最新版", database_url=database_url)
    assert bad.returncode == 2 and "SUQING_LATEST_CLIENT_VERSION" in bad.stderr
    url = ("serve", "--latest-client-version", "2.0", "--client-download-url", "ftp://x/y")
    bad = run_cli(*url, database_url=database_url)
    assert bad.returncode == 2 and "SUQING_CLIENT_DOWNLOAD_URL" in bad.stderr


@pytest.mark.parametrize("backend", ["sqlite"])
def test_the_window_tells_once_per_version_and_installs_nothing(
    qtbot, announcing, tmp_path: Path, monkeypatch
):
    opened: list = []
    monkeypatch.setattr(
        "desktop.update_notice.QDesktopServices.openUrl", lambda url: opened.append(url)
    )
    device = Device(announcing, tmp_path / "d", username=DEMO_HOME_USERNAME)
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=device.store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    button = window.status.update_button
    assert button.isHidden()

    def sync() -> None:
        with qtbot.waitSignal(window.sync.sync_finished, timeout=60_000):
            window.sync.sync_now()
        assert window.sync.state is SyncState.ONLINE

    sync()
    assert button.isVisible() and "99.0" in button.text()

    def read(box: QMessageBox) -> None:
        assert "99.0" in box.text() and current_version() in box.text()
        assert URL in box.informativeText() and "不会自动安装" in box.informativeText()
        [download] = [b for b in box.buttons() if b.text() == "打开下载页面"]
        download.click()

    errors = when_modal(qtbot, read)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert [u.toString() for u in opened] == [URL]  # the browser, never an installer
    assert button.isVisible()  # still offered until dismissed

    def dismiss(box: QMessageBox) -> None:
        [never] = [b for b in box.buttons() if b.text() == "不再提醒此版本"]
        never.click()

    errors = when_modal(qtbot, dismiss)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert button.isHidden()
    sync()  # the same announcement again: stays quiet
    assert button.isHidden()
    assert settings.get(s.DISMISSED_RELEASE) == "99.0"

    window.update_notice.offer(Release("99.1", URL))  # a later release is told again
    assert button.isVisible() and "99.1" in button.text()
    window.update_notice.offer(Release(current_version()))  # this version: nothing to tell
    assert button.isHidden()
    window.close()
    device.close()
