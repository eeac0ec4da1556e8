"""End to end through the 报名审核 page: a youth registers on a real server, the cadre's device
syncs, the cadre approves from the keyboard offline, reveals the youth's phone (the device holds
it masked: the server answers and logs the reveal at once), then syncs; the server shows the
approval. A full export takes whole numbers from the server for the youths it may reveal. A
grassroots account without the permission is refused on the device, and nothing is asked."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from desktop.events import StoreEvents
from desktop.pages.registrations import RegistrationsPage
from desktop.undo import UndoHistory
from sync.core.records import RegistrationStatus
from tests.server.conftest import Device, Server, server_rows
from tests.server.test_personal_data import logged_reveals
from tests.server.test_youth_e2e import YouthClient, _registering, _status


def open_page(qtbot, device: Device) -> tuple[QMainWindow, RegistrationsPage]:
    """The page in a bare window: no sync controller, so only the test syncs. Keep the window
    referenced: the page dies with it."""
    window = QMainWindow()
    page = RegistrationsPage(
        device.store, StoreEvents(device.store, window), UndoHistory(device.store, window)
    )
    window.setCentralWidget(page)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: (window.activateWindow(), QApplication.activeWindow() is window)[1])
    return window, page


def answer_next_box(seen: list[str]) -> None:
    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or not box.isVisible():
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, poll)


def test_a_youths_registration_approved_from_the_keyboard_reaches_the_server(
    qtbot, devices, server: Server
):
    youth = YouthClient(server, name="林晓青")
    activity = _registering(youth, requires_review=True)
    registration = youth.register(activity["id"])

    county = devices("county")
    county.sync()
    _window, page = open_page(qtbot, county)
    page.filters.fill_activities()
    page.set_status(RegistrationStatus.PENDING)
    page.set_activity(activity["id"])
    row = page.model.row_of(registration["id"])
    assert row >= 0
    assert page.model.index(row, page.model.column_of("phone")).data().count("*") == 4
    page.table.setFocus()
    page._select_row(row)
    qtbot.keyClick(page.table, Qt.Key.Key_A)  # offline: only the local copy changes
    assert county.registrations()[registration["id"]]["status"] == "approved"
    assert _status(server, registration["id"]) == "pending"

    page.set_status(None)
    page._select_row(page.model.row_of(registration["id"]))
    seen: list[str] = []
    answer_next_box(seen)
    page.reveal_action.trigger()
    assert youth_phone(server, youth.id) in seen[0]
    assert logged_reveals(server) == [youth.id]  # logged by the server as it answered
    assert county.store.pending_count() == 1  # the approval only: a reveal queues nothing

    county.sync()
    assert _status(server, registration["id"]) == "approved"


def test_a_full_export_has_whole_numbers_only_where_the_server_reveals_them(
    qtbot, devices, server: Server, tmp_path
):
    youth = YouthClient(server, name="林晓青")
    activity = _registering(youth, requires_review=True)
    youth.register(activity["id"])
    county = devices("county")
    county.sync()
    county.store.create_registrations(
        activity["id"], [{"name": "现场甲", "phone": "13955550001"}], source="walk_in"
    )
    county.sync()
    _window, page = open_page(qtbot, county)
    page.filters.fill_activities()
    page.set_status(None)
    page.set_activity(activity["id"])
    seen: list[str] = []
    answer_next_box(seen)  # "N 位青年只能脱敏导出": the walk-ins and imports
    path = tmp_path / "full.xlsx"
    assert page.excel.export_to(path, full=True) == page.model.rowCount()
    assert "位青年只能脱敏导出" in seen[0]
    phones = {row[0]: row[1] for row in load_workbook(path).active.iter_rows(values_only=True)}
    assert phones["林晓青"] == youth_phone(server, youth.id)
    assert phones["现场甲"] == "139****0001"  # a walk-in proves nothing: masked
    assert youth.id in logged_reveals(server)


def test_a_grassroots_account_cannot_reveal_and_queues_nothing(qtbot, devices, server: Server):
    school = devices("school", username="jiangning-school1")
    school.sync()
    _window, page = open_page(qtbot, school)
    page.set_status(None)
    page.set_activity(None)
    # the demo (as of tests.conftest.NOW) gives every school registrations to look at
    assert page.model.rowCount(), "the school has no registrations in the demo data"
    before = school.store.pending_count()
    page._select_row(0)
    seen: list[str] = []
    answer_next_box(seen)
    page.reveal_action.trigger()
    assert "没有查看完整个人信息的权限" in seen[0]
    assert school.store.pending_count() == before


def youth_phone(server: Server, youth_id: str) -> str:
    return server_rows(server, "SELECT phone FROM youths WHERE id = :y", y=youth_id)[0][0]
