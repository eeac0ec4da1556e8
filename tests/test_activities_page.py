"""The 活动 page driven as a cadre would: real widgets, real store, pytest-qt."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desktop import settings as s
from desktop.dialogs.activity_dialog import ActivityDialog
from desktop.main_window import MainWindow
from sync.client.store import Store
from sync.core.operations import Kind
from sync.core.records import ActivityStatus, Phase
from tests.conftest import HOME_ORG, NOW, SIBLING_ORG, activity_fields


@pytest.fixture
def window(qtbot, store: Store, tmp_path) -> MainWindow:
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    return window


def activate(qtbot, window: MainWindow) -> None:
    """Keyboard shortcuts only reach the active window. A desktop gives activation back to the
    main window when a dialog closes; the offscreen platform does not, so tests ask for it."""

    def active() -> bool:
        window.activateWindow()
        return QApplication.activeWindow() is window

    qtbot.waitUntil(active, timeout=2000)


def when_modal(qtbot, handle: Callable) -> list:
    """Run `handle(widget)` on the next modal dialog or message box, once it is shown.

    Returns a list that receives the handler's exception, if any, so the test can re-raise it.
    """
    errors: list = []

    def poll() -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            QTimer.singleShot(20, poll)
            return
        try:
            handle(modal)
        except BaseException as error:  # reported to the test, and the dialog closed
            errors.append(error)
            modal.reject() if isinstance(modal, QDialog) else modal.close()

    QTimer.singleShot(0, poll)
    return errors


def type_text(widget, text: str) -> None:
    """Type Chinese as a Pinyin input method delivers it: a committed input-method event
    (QTest's key clicks only know ASCII)."""
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def fill_dialog(
    qtbot,
    dialog: ActivityDialog,
    *,
    title: str,
    location: str = "江宁区文化馆",
    region: str = "320115",
    capacity: int = 25,
) -> None:
    dialog.title_edit.clear()
    type_text(dialog.title_edit, title)
    dialog.category_combo.setCurrentIndex(dialog.category_combo.findData("public_service"))
    dialog.region_combo.set_code(region)
    dialog.location_edit.clear()
    type_text(dialog.location_edit, location)
    dialog.capacity_spin.setValue(capacity)


def click_save(qtbot, dialog: ActivityDialog) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def table_titles(window: MainWindow) -> list[str]:
    model = window.activities_page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def select_title(qtbot, window: MainWindow, title: str) -> None:
    page = window.activities_page
    row = table_titles(window).index(title)
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_id() == page.model.id_at(row)


def seed(store: Store) -> dict[str, str]:
    day = timedelta(days=1)
    ids = {}
    for title, start, extra in (
        ("江宁区青年创业沙龙", NOW + 20 * day, {}),
        (
            "秦淮河岸垃圾清理志愿行动",
            NOW + 5 * day,
            {"category": "public_service", "registration_opens_at": NOW - 2 * day},
        ),
        (
            "玄武湖青年读书会",
            NOW - 30 * day,
            {"region_code": "320102", "category": "culture_sports", "lon": 118.80, "lat": 32.07},
        ),
        (
            "姑苏区技能培训班",
            NOW + 3 * day,
            {"region_code": "320508", "category": "skills", "lon": 120.62, "lat": 31.32},
        ),
    ):
        fields = activity_fields(start, title=title, **extra)
        _, ids[title] = store.create_activity(HOME_ORG, fields)
        store.transition_activity(ids[title], ActivityStatus.PUBLISHED)
    return ids


def test_create_through_the_dialog(qtbot, window: MainWindow, store: Store):
    page = window.activities_page

    def fill(dialog: ActivityDialog) -> None:
        fill_dialog(qtbot, dialog, title="江宁区青年志愿者招募")
        click_save(qtbot, dialog)

    errors = when_modal(qtbot, fill)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not errors, errors
    assert table_titles(window) == ["江宁区青年志愿者招募"]
    row = store.activity(page.selected_id())
    assert (row["status"], row["capacity"], row["region_code"], row["org_id"]) == (
        "draft",
        25,
        "320115",
        HOME_ORG,
    )
    assert [e["kind"] for e in store.outbox_entries()] == [Kind.ACTIVITY_CREATE]
    assert "待同步 1 项" in window.pending_label.text()


def test_invalid_input_shows_a_message_beside_the_field_and_saves_nothing(
    qtbot, window: MainWindow, store: Store
):
    seen: dict[str, str] = {}

    def fill(dialog: ActivityDialog) -> None:
        fill_dialog(qtbot, dialog, title="", location="")
        dialog.lon_edit.setText("121.47")  # Shanghai
        dialog.lat_edit.setText("31.23")
        dialog.ends_edit.setDateTime(dialog.starts_edit.dateTime().addSecs(-3600))
        click_save(qtbot, dialog)
        assert dialog.isVisible(), "the dialog must stay open"
        for name in ("title", "location_name", "lon", "ends_at"):
            label = dialog._errors[name]
            seen[name] = label.text() if label.isVisible() else ""
        dialog.reject()

    errors = when_modal(qtbot, fill)
    window.activities_page.create_activity()
    assert not errors, errors
    assert seen == {
        "title": "请填写活动名称",
        "location_name": "请填写活动地点",
        "lon": "坐标不在江苏省范围内，请检查经纬度",
        "ends_at": "结束时间必须晚于开始时间",
    }
    assert store.count("activities") == 0
    assert store.outbox_entries() == []


def test_edit_changes_only_what_changed(qtbot, window: MainWindow, store: Store):
    ids = seed(store)
    select_title(qtbot, window, "江宁区青年创业沙龙")

    def edit(dialog: ActivityDialog) -> None:
        assert dialog.title_edit.text() == "江宁区青年创业沙龙"
        dialog.capacity_spin.setValue(60)
        click_save(qtbot, dialog)

    errors = when_modal(qtbot, edit)
    qtbot.keyClick(window.activities_page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not errors, errors
    assert store.activity(ids["江宁区青年创业沙龙"])["capacity"] == 60
    last = store.outbox_entries()[-1]
    assert last["kind"] == Kind.ACTIVITY_UPDATE
    assert '"changes": {"capacity": 60}' in last["payload"]


def test_filters_by_region_time_category_and_status(qtbot, window: MainWindow, store: Store):
    seed(store)
    page = window.activities_page
    page.model.reload()
    everything = set(table_titles(window))
    assert len(everything) == 4

    page.region_combo.set_code("320100")  # 南京市: includes its districts
    assert set(table_titles(window)) == everything - {"姑苏区技能培训班"}
    page.region_combo.set_code("320102")
    assert table_titles(window) == ["玄武湖青年读书会"]
    page.region_combo.set_code("")

    page.time_combo.setCurrentIndex(page.time_combo.findData("past30"))
    assert table_titles(window) == ["玄武湖青年读书会"]
    page.time_combo.setCurrentIndex(page.time_combo.findData("custom"))
    page.date_from.setDate(page.date_from.date().fromString("2026-11-26", "yyyy-MM-dd"))
    page.date_until.setDate(page.date_until.date().fromString("2026-11-30", "yyyy-MM-dd"))
    assert set(table_titles(window)) == {"秦淮河岸垃圾清理志愿行动", "姑苏区技能培训班"}
    page.time_combo.setCurrentIndex(0)

    page.category_combo.setCurrentIndex(page.category_combo.findData("skills"))
    assert table_titles(window) == ["姑苏区技能培训班"]
    page.category_combo.setCurrentIndex(0)

    page.status_combo.setCurrentIndex(page.status_combo.findData(Phase.ENDED.value))
    assert table_titles(window) == ["玄武湖青年读书会"]
    page.status_combo.setCurrentIndex(page.status_combo.findData(Phase.NOT_STARTED.value))
    assert table_titles(window) == ["江宁区青年创业沙龙"]
    assert page.count_label.text() == "共 1 个活动"

    page.clear_filters()
    assert set(table_titles(window)) == everything


def test_search_box_finds_as_the_user_types(qtbot, window: MainWindow, store: Store):
    seed(store)
    page = window.activities_page
    page.model.reload()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    type_text(page.search_edit, "垃圾")
    qtbot.waitUntil(lambda: table_titles(window) == ["秦淮河岸垃圾清理志愿行动"], timeout=2000)
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(table_titles(window)) == 4, timeout=2000)


def test_publish_cancel_and_undo(qtbot, window: MainWindow, store: Store):
    page = window.activities_page
    _, draft = store.create_activity(SIBLING_ORG, activity_fields(title="青年大学习主题团日"))
    page.model.reload()
    select_title(qtbot, window, "青年大学习主题团日")
    assert page.publish_action.isEnabled() and not page.complete_action.isEnabled()

    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert store.activity(draft)["status"] == "published"
    assert not page.publish_action.isEnabled()

    def confirm(box: QMessageBox) -> None:
        assert "青年大学习主题团日" in box.text()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)

    errors = when_modal(qtbot, confirm)
    page.cancel_action.trigger()
    assert not errors, errors
    assert store.activity(draft)["status"] == "cancelled"
    assert (
        page.model.index(page.model.row_of(draft), page.model.column_of("phase")).data() == "已取消"
    )
    kinds = [e["kind"] for e in store.outbox_entries()]
    assert kinds == [Kind.ACTIVITY_CREATE, Kind.ACTIVITY_TRANSITION, Kind.ACTIVITY_TRANSITION]

    assert window.undo_action.text() == "撤销 取消“青年大学习主题团日”"
    activate(qtbot, window)
    page.table.setFocus()  # in the search box, Ctrl+Z would undo typing instead
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.activity(draft)["status"] == "published"
    assert len(store.outbox_entries()) == 2
    assert (
        page.model.index(page.model.row_of(draft), page.model.column_of("phase")).data() != "已取消"
    )
    window.undo_action.trigger()
    assert store.activity(draft)["status"] == "draft"
    assert not window.undo_action.isEnabled()  # the create came from outside the UI's history


def test_declining_the_cancel_confirmation_changes_nothing(qtbot, window: MainWindow, store):
    ids = seed(store)
    select_title(qtbot, window, "江宁区青年创业沙龙")
    errors = when_modal(qtbot, lambda box: box.button(QMessageBox.StandardButton.No).click())
    window.activities_page.cancel_action.trigger()
    assert not errors, errors
    assert store.activity(ids["江宁区青年创业沙龙"])["status"] == "published"


def test_duplicate_as_new_prefills_a_copy(qtbot, window: MainWindow, store: Store):
    ids = seed(store)
    select_title(qtbot, window, "秦淮河岸垃圾清理志愿行动")

    def accept_copy(dialog: ActivityDialog) -> None:
        assert dialog.title_edit.text() == "秦淮河岸垃圾清理志愿行动（副本）"
        assert dialog.category_combo.currentData() == "public_service"
        click_save(qtbot, dialog)

    errors = when_modal(qtbot, accept_copy)
    qtbot.keyClick(window.activities_page.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not errors, errors
    copy_id = window.activities_page.selected_id()
    assert copy_id != ids["秦淮河岸垃圾清理志愿行动"]
    assert store.activity(copy_id)["status"] == "draft"


def test_sorting_by_a_header_click_happens_in_sql(qtbot, window: MainWindow, store: Store):
    seed(store)
    page = window.activities_page
    header = page.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, 0))
    assert page.model.query.sort == "title"
    titles = table_titles(window)
    assert titles == sorted(titles) or titles == sorted(titles, reverse=True)


def _section_center(header, section: int):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_a_row_deleted_behind_the_model_reads_as_empty_and_the_model_reloads(qtbot, store: Store):
    """A sync or an undo on a worker may delete a record between the model reading its ids and
    the view painting the row: the row paints empty, then the model reads its ids again."""
    from desktop.models.activity_table import ActivityTableModel

    _, kept = store.create_activity(HOME_ORG, activity_fields(title="留下的活动"))
    _, gone = store.create_activity(HOME_ORG, activity_fields(title="被删的活动"))
    model = ActivityTableModel(store)
    model.reload()
    assert model.rowCount() == 2
    store.delete_activity(gone)  # the model hears nothing: no StoreEvents connected
    row = model.row_of(gone)
    assert model.data(model.index(row, 0)) is None
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)
    assert model.id_at(0) == kept
    assert model.data(model.index(0, 0)) == "留下的活动"


def test_the_page_reads_its_activities_once_when_built(qtbot, store: Store, tmp_path):
    """Building the page sets the view's sorting, the filters' defaults and the start query in
    turn; the first screen costs one read of the ids (it cost four), in the start order."""
    store.create_activity(HOME_ORG, activity_fields())
    reads = []
    read_ids = store.activity_ids
    store.activity_ids = lambda query: reads.append(query) or read_ids(query)
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    page = window.activities_page
    assert [(q.sort, q.descending) for q in reads] == [("starts_at", True)]
    assert page.model.rowCount() == 1 and page.count_label.text() == "共 1 个活动"
