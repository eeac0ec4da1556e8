"""End to end through the 报名审核 page: a youth registers on a real server, the cadre's device
syncs, the cadre approves from the keyboard and reveals a phone number offline, then syncs; the
server shows the approval and keeps the reveal in its audit log. A grassroots account without
the permission is refused on the device, and nothing is queued."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from desktop.events import StoreEvents
from desktop.pages.registrations import RegistrationsPage
from desktop.undo import UndoHistory
from sync.core.operations import Kind
from sync.core.records import RegistrationStatus
from tests.server.conftest import Device, Server, server_rows
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

    county.sync()
    assert _status(server, registration["id"]) == "approved"
    logged = server_rows(
        server,
        "SELECT payload FROM applied_ops WHERE kind = "
        f"'{Kind.PERSONAL_REVEAL}' AND seq IS NOT NULL",
    )
    assert len(logged) == 1 and youth.id in str(logged[0][0])


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
