"""The first screen a start paints before the data layer is imported
(`desktop.first_screen`, `sync.client.store.first_screen`): the start page's rows as the page
will open, kept by the window as it closes, forgotten by whoever opens the store next, replaced
by the page itself."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop import settings as s
from desktop.main_window import MainWindow
from sync.client.store import Store
from sync.client.store import first_screen as kept_screen
from tests.conftest import HOME_ORG, NOW, activity_fields


@pytest.fixture
def settings(tmp_path: Path) -> s.Settings:
    return s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def page_cells(view, rows: int) -> list[list[str]]:
    model = view.model()
    return [
        [
            model.index(r, c).data(Qt.ItemDataRole.DisplayRole) or ""
            for c in range(model.columnCount())
        ]
        for r in range(rows)
    ]


def test_a_start_paints_the_kept_rows_then_the_page_takes_over(
    qtbot, store: Store, settings, tmp_path
):
    for days, title in ((3, "青年读书会"), (9, "江宁区青年创业沙龙"), (20, "社区志愿服务日")):
        store.create_activity(
            HOME_ORG, activity_fields(start=NOW + timedelta(days=days), title=title)
        )
    first = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(first)
    first.show()
    page = first.activities_page
    qtbot.waitUntil(lambda: page.model.start_known)  # its rows painted: how the page opens
    assert page.model.rowCount() == 3
    page.search_edit.setText("不存在的活动")  # the cadre filters; the next start will not
    page.apply_filters()
    assert page.model.rowCount() == 0
    first.close()

    kept = kept_screen.read(store.path)
    assert kept is not None and kept["page"] == "activities"
    assert [row[0][0] for row in kept["rows"]] == [
        "社区志愿服务日",
        "江宁区青年创业沙龙",
        "青年读书会",
    ]
    assert page.model.rowCount() == 0, "keeping them changed nothing the cadre saw"

    # The next start: the shell paints the kept rows before any store exists.
    second = MainWindow(settings, log_dir=str(tmp_path))
    qtbot.addWidget(second)
    assert second.show_first_screen(kept)
    second.show()
    preview = second.first_screen.table
    assert second.pages.currentWidget() is second.first_screen
    assert preview.model().rowCount() == 3
    kept_cells = page_cells(preview, 3)
    assert second.org_label.text() == "共青团南京市江宁区委员会"
    assert preview.horizontalHeader().sortIndicatorSection() == 4  # 活动时间, as the page opens

    reopened = Store(store.path, clock=store.clock)  # any process opening the store ...
    assert kept_screen.read(store.path) is None  # ... forgets them: they may be stale now
    second.attach_store(reopened)
    assert second.first_screen is None
    real = second.activities_page
    assert second.pages.currentWidget() is real
    assert page_cells(real.table, 3) == kept_cells  # nothing jumps when the page takes over
    second.close()
    reopened.close()


def test_kept_rows_are_shown_only_for_the_page_and_language_of_this_start(
    qtbot, store: Store, settings, tmp_path
):
    store.create_activity(HOME_ORG, activity_fields())
    first = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitUntil(lambda: first.activities_page.model.start_known)
    first.close()
    kept = kept_screen.read(store.path)
    assert kept is not None

    def shown(value, **changes) -> bool:
        for setting, choice in changes.items():
            settings.set(getattr(s, setting), choice)
        window = MainWindow(settings, log_dir=str(tmp_path))
        qtbot.addWidget(window)
        return window.show_first_screen(value)

    assert shown(kept)
    assert not shown(None)
    assert not shown({**kept, "version": 0})  # a shape another version wrote
    assert not shown(kept, LANGUAGE="en")  # headers and texts are in the other language
    assert not shown(kept, LANGUAGE="zh_CN", LAST_PAGE=2)  # the window opens on 粉丝


def test_reading_kept_rows_never_fails_nor_creates_a_file(tmp_path: Path, store: Store):
    assert kept_screen.read(tmp_path / "absent.sqlite") is None
    assert not (tmp_path / "absent.sqlite").exists()
    assert kept_screen.read(store.path) is None  # nothing kept yet
    store.set_meta(kept_screen.KEY, "{not json")
    assert kept_screen.read(store.path) is None
    store.set_meta(kept_screen.KEY, json.dumps(["a list"]))
    assert kept_screen.read(store.path) is None
    (tmp_path / "garbage.sqlite").write_bytes(b"not a database" * 100)
    assert kept_screen.read(tmp_path / "garbage.sqlite") is None


def test_kept_rows_of_encrypted_data_stay_encrypted(tmp_path: Path):
    """They live in the database's own meta table: where the data is encrypted, so are they,
    and only the key kept in the OS keyring reads them."""
    from sync.client.store import cipher

    path = tmp_path / "workbench.sqlite"
    store = Store(path, key=cipher.key_for(path))  # a new key, kept in the (test) keyring
    secret = "江宁区某某同学 138****5678"
    store.set_meta(kept_screen.KEY, json.dumps({"rows": [[[secret, None, None]]]}))
    store.close()
    assert kept_screen.read(path) == {"rows": [[[secret, None, None]]]}
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM meta").fetchall()
    assert secret.encode() not in path.read_bytes()
    other = tmp_path / "other.sqlite"
    Store(other, key=cipher.new_key()).close()  # its key is in no keyring
    assert kept_screen.read(other) is None


def test_a_page_that_reads_once_shown_keeps_the_rows_it_opens_with(
    qtbot, store: Store, settings, tmp_path
):
    """粉丝 reads nothing until it shows, then fills its organisation filter and reads: the kept
    rows are those, not the empty result of the query it was built with."""
    from tests.test_followers_page import seed

    seed(store)
    settings.set(s.LAST_PAGE, 2)
    first = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(first)
    first.show()
    page = first.followers_page
    qtbot.waitUntil(lambda: page.model.start_known)
    opened = page_cells(page.table, page.model.rowCount())
    page.model.sort(page.model.column_of("followed_at"), Qt.SortOrder.AscendingOrder)
    first.close()

    kept = kept_screen.read(store.path)
    assert kept["page"] == "followers"
    assert [[cell[0] for cell in row] for row in kept["rows"]] == opened
    assert [row[0] for row in opened] == [
        "张伟",
        "王芳",
        "李娜（未满14岁）",
        "刘洋",
    ]  # newest first
