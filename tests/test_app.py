"""The application shell: language switching at run time, settings, status bar, screenshots."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QImage

from desktop import i18n
from desktop import settings as s
from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.main_window import MainWindow
from sync.client.store import Store
from tests.conftest import HOME_ORG, activity_fields

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def settings(tmp_path: Path) -> s.Settings:
    return s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def window(qtbot, store: Store, settings, tmp_path) -> MainWindow:
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    yield window
    i18n.set_language("zh_CN")


def nav_texts(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_english_can_be_switched_on_and_off_at_run_time(qtbot, window: MainWindow, store: Store):
    store.create_activity(HOME_ORG, activity_fields())
    page = window.activities_page
    assert nav_texts(window)[:2] == ["活动", "报名审核"]
    assert i18n.set_language("en"), "run build_scripts/translations.py build first"
    qtbot.waitUntil(lambda: nav_texts(window)[0] == "Activities")  # LanguageChange is posted
    assert nav_texts(window) == [
        "Activities",
        "Registrations",
        "Followers",
        "Check-in",
        "Map",
        "Statistics",
        "Requests",
    ]
    assert page.new_action.text() == "New activity"
    assert page.model.headerData(0, Qt.Orientation.Horizontal, 0) == "Title"
    assert page.count_label.text() == "1 activities"
    assert window.pending_label.text() == "1 waiting to sync"
    assert page.status_combo.itemText(1) == "draft"
    i18n.set_language("zh_CN")
    qtbot.waitUntil(lambda: nav_texts(window)[0] == "活动")
    assert window.pending_label.text() == "待同步 1 项"


def test_settings_dialog_saves_and_switches_language(qtbot, window: MainWindow, settings):
    dialog = SettingsDialog(settings, parent=window)
    qtbot.addWidget(dialog)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    dialog.server_edit.setText("https://suqing.example.gov.cn")
    dialog.save()
    assert settings.get(s.LANGUAGE) == "en"
    assert settings.get(s.SERVER_URL) == "https://suqing.example.gov.cn"
    window.update_status()
    assert "suqing.example.gov.cn" in window.connection_label.toolTip()


def test_settings_survive_bad_values(settings):
    settings.set(s.AUTO_SYNC_MINUTES, "not a number")
    assert settings.get(s.AUTO_SYNC_MINUTES) == s.AUTO_SYNC_MINUTES.default


def test_window_remembers_its_page(qtbot, store: Store, settings, tmp_path):
    first = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(first)
    first.nav.setCurrentRow(4)
    first.close()
    second = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(second)
    assert second.nav.currentRow() == 4


def test_pages_are_built_when_first_visited(qtbot, store: Store, settings, tmp_path):
    """The window opens on the last page used without building the six others (their imports
    and first queries cost seconds on a county's data): each is built on its first visit, 诉求
    just after the first paint (its overdue count sits in the status bar), and
    ensure_all_pages (the self-test) builds them all."""

    def built() -> list[str]:
        return [type(window.pages.widget(i)).__name__ for i in range(window.pages.count())]

    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    assert built() == ["ActivitiesPage"] + ["QWidget"] * 6
    window.show()
    qtbot.waitUntil(lambda: built()[6] == "RequestsPage")
    assert window.requests_page.overdue_label.parent() is not None  # in the status bar
    assert built()[1:6] == ["QWidget"] * 5
    window.nav.setCurrentRow(2)
    assert built()[2] == "FollowersPage"
    assert window.pages.currentWidget() is window.followers_page
    window.ensure_all_pages()
    assert built() == [
        "ActivitiesPage",
        "RegistrationsPage",
        "FollowersPage",
        "CheckinPage",
        "MapPage",
        "StatsPage",
        "RequestsPage",
    ]
    assert window.pages.currentWidget() is window.followers_page


@pytest.mark.slow
def test_screenshot_renders_every_page(tmp_path: Path):
    out = tmp_path / "shots"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--screenshot",
            str(out),
            "--profile",
            str(tmp_path / "profile"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr[-2000:]
    names = sorted(p.name for p in out.glob("*.png"))
    assert names[:7] == [
        "01-activities.png",
        "02-registrations.png",
        "03-followers.png",
        "04-checkin.png",
        "05-map.png",
        "06-stats.png",
        "07-requests.png",
    ]
    assert "09-activity-dialog-errors.png" in names
    image = QImage(str(out / "01-activities.png"))
    assert (image.width(), image.height()) == (1366, 800)
    assert (tmp_path / "profile" / "logs" / "workbench.log").exists()
    assert (tmp_path / "profile" / "workbench.sqlite").exists()
