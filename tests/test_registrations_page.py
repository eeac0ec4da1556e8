"""The 报名审核 page driven as a cadre would: real widgets, real store, pytest-qt."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop import settings as s
from desktop.dialogs.reject_dialog import RejectDialog
from desktop.main_window import MainWindow
from desktop.pages import registrations as page_module
from sync.client import session
from sync.client.store import Store
from sync.client.store import registration_queries as rq
from sync.core.operations import Kind
from sync.core.records import ActivityStatus, RegistrationSource
from tests.conftest import HOME_ORG, NOW, activity_fields
from tests.test_activities_page import activate, type_text, when_modal

NAMES = ["陈一鸣", "林小雨", "王大力", "赵子龙", "刘晓燕"]


@pytest.fixture
def window(qtbot, store: Store, tmp_path) -> MainWindow:
    return open_window(qtbot, store, tmp_path)


def open_window(qtbot, store: Store, tmp_path) -> MainWindow:
    """The main window on the 报名审核 page, active so that its shortcuts work."""
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(1)
    activate(qtbot, window)
    return window


def youth(i: int, name: str, **overrides) -> dict:
    values = {
        "name": name,
        "phone": f"1390000{i:04d}",
        "gender": "female" if i % 2 else "male",
        "birth_date": date(2000, 1, 1) + timedelta(days=i),
        "school_or_employer": "南京市江宁高级中学",
        "id_number": "",
    }
    values.update(overrides)
    return values


def seed(
    store: Store,
    *,
    names=NAMES,
    capacity: int = 30,
    title: str = "江宁区青年创业沙龙",
    first: int = 0,
):
    """A published activity with one pending registration per name, registered in order; the
    youths' phones count up from `first` (a phone already known is that youth, name and all)."""
    _, activity_id = store.create_activity(
        HOME_ORG, activity_fields(title=title, capacity=capacity)
    )
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    store.create_registrations(
        activity_id,
        [youth(i, name) for i, name in enumerate(names, start=first)],
        source=RegistrationSource.WALK_IN,
    )
    return activity_id


def open_activity(window: MainWindow, activity_id: str | None, status=None):
    page = window.registrations_page
    page.filters.fill_activities()
    page.set_status(status)
    page.set_activity(activity_id)
    return page


def names(page) -> list[str]:
    model = page.model
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def statuses(store: Store, activity_id: str) -> dict[str, str]:
    page_ids = store.read(rq.registration_ids, rq.RegistrationQuery(activity_id=activity_id))
    rows = store.read(rq.registration_rows, page_ids)
    return {r["name"]: r["status"] for r in rows.values()}


def click_row(qtbot, page, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = page.table.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def sign_in(store: Store, permissions: list[str]) -> None:
    account = {
        "server_url": "https://suqing.example.gov.cn",
        "username": "jiangning",
        "org_id": HOME_ORG,
        "permissions": permissions,
    }
    store.set_meta(session.ACCOUNT_KEY, json.dumps(account, ensure_ascii=False))


def test_the_page_replaces_the_placeholder(qtbot, window: MainWindow, store: Store):
    seed(store)
    window.nav.setCurrentRow(0)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.registrations_page
    assert window.registrations_page.table.hasFocus()  # ready for J/K/A/R/N
    page = open_activity(window, None)
    assert page.count_label.text() == "共 5 条"
    assert page.status_combo.currentText() == "全部状态"


def test_single_approve_with_a_key_moves_on_and_updates_the_seats(qtbot, window, store):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    assert "已通过 0 / 名额 30 · 候补 0 · 待审核 5" in page.capacity_label.text()
    click_row(qtbot, page, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert statuses(store, activity_id)["陈一鸣"] == "approved"
    assert "已通过 1 / 名额 30 · 候补 0 · 待审核 4" in page.capacity_label.text()
    assert page.current_id() == page.model.id_at(1)  # on to the next one
    assert store.outbox_entries()[-1]["kind"] == Kind.REGISTRATION_REVIEW
    assert window.undo_action.text() == "撤销 通过 陈一鸣 的报名"


def test_reject_requires_a_reason(qtbot, window, store):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    click_row(qtbot, page, 1)
    seen: dict = {}

    def answer(dialog: RejectDialog) -> None:
        assert "林小雨" in dialog.heading.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # no reason yet: refused
        seen["still_open"] = dialog.isVisible()
        seen["error"] = dialog.error_label.text()
        dialog.reasons.setFocus()
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_2)  # the second common reason
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Down)
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Return)

    errors = when_modal(qtbot, answer)
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    assert not errors, errors
    assert seen == {"still_open": True, "error": "请选择或填写拒绝理由"}
    rows = store.read(rq.registration_rows, [page.model.id_at(1)])
    (row,) = rows.values()
    assert (row["status"], row["reject_reason"]) == ("rejected", "报名信息不完整")
    assert page.model.index(1, page.model.column_of("reject_reason")).data() == "报名信息不完整"


def test_cancelling_the_reject_dialog_changes_nothing(qtbot, window, store):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    click_row(qtbot, page, 0)
    before = len(store.outbox_entries())
    errors = when_modal(qtbot, lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    assert not errors, errors
    assert set(statuses(store, activity_id).values()) == {"pending"}
    assert len(store.outbox_entries()) == before


@pytest.mark.parametrize("threshold", [1000, 0], ids=["in-place", "worker"])
def test_bulk_approve_and_reject_are_one_undo_step_each(
    qtbot, window, store, monkeypatch, threshold
):
    monkeypatch.setattr(page_module, "WORKER_THRESHOLD", threshold)
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    click_row(qtbot, page, 0)
    click_row(qtbot, page, 2, Qt.KeyboardModifier.ShiftModifier)  # 陈一鸣, 林小雨, 王大力
    assert page.approve_action.text() == "通过 3 条"
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert statuses(store, activity_id) == {
        "陈一鸣": "approved",
        "林小雨": "approved",
        "王大力": "approved",
        "赵子龙": "pending",
        "刘晓燕": "pending",
    }
    assert window.undo_action.text() == "撤销 批量通过 3 条报名"

    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert len(page.selected_ids()) == 5

    def reason(dialog: RejectDialog) -> None:
        assert "5 条" in dialog.heading.text()
        type_text(dialog.reason_edit, "活动改期，请关注下一期")
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)

    errors = when_modal(qtbot, reason)
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    assert not errors, errors
    assert set(statuses(store, activity_id).values()) == {"rejected"}

    activate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the bulk reject
    assert list(statuses(store, activity_id).values()).count("approved") == 3
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the bulk approve
    assert set(statuses(store, activity_id).values()) == {"pending"}
    assert "已通过 0 / 名额 30 · 候补 0 · 待审核 5" in page.capacity_label.text()


def test_rejecting_an_approved_one_promotes_the_waitlist(qtbot, window, store):
    activity_id = seed(store, names=NAMES[:3], capacity=2)
    page = open_activity(window, activity_id)
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert statuses(store, activity_id) == {
        "陈一鸣": "approved",
        "林小雨": "approved",
        "王大力": "waitlisted",
    }
    assert "已通过 2 / 名额 2 · 候补 1 · 待审核 0" in page.capacity_label.text()
    page._select_row(2)
    assert "转入候补：名额已满（2 人）" in page.details.toPlainText()  # says why

    click_row(qtbot, page, 0)

    def reason(dialog: RejectDialog) -> None:
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_3)
        qtbot.keyClick(dialog.reasons, Qt.Key.Key_Return)

    errors = when_modal(qtbot, reason)
    qtbot.keyClick(page.table, Qt.Key.Key_R)
    assert not errors, errors
    assert statuses(store, activity_id) == {
        "陈一鸣": "rejected",
        "林小雨": "approved",
        "王大力": "approved",
    }
    assert "已通过 2 / 名额 2 · 候补 0 · 待审核 0" in page.capacity_label.text()
    page._select_row(2)
    history = page.details.toPlainText()
    assert "候补转正" in history and "系统" in history


def test_keyboard_review_without_the_mouse(qtbot, window, store):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_J)  # no row yet: the first
    assert page.current_id() == page.model.id_at(0)
    qtbot.keyClick(page.table, Qt.Key.Key_J)
    qtbot.keyClick(page.table, Qt.Key.Key_J)
    qtbot.keyClick(page.table, Qt.Key.Key_K)
    assert page.current_id() == page.model.id_at(1)
    qtbot.keyClick(page.table, Qt.Key.Key_A)  # 林小雨 approved, on to 王大力
    assert page.current_id() == page.model.id_at(2)
    qtbot.keyClick(page.table, Qt.Key.Key_Up)
    qtbot.keyClick(page.table, Qt.Key.Key_N)  # skips the approved 林小雨? it is on it: next
    assert page.current_id() == page.model.id_at(2)

    errors = when_modal(
        qtbot,
        lambda dialog: (
            qtbot.keyClick(dialog.reasons, Qt.Key.Key_Down),
            qtbot.keyClick(dialog.reasons, Qt.Key.Key_Return),
        ),
    )
    qtbot.keyClick(page.table, Qt.Key.Key_R)  # 王大力 rejected: 名额已满
    assert not errors, errors
    result = statuses(store, activity_id)
    assert (result["林小雨"], result["王大力"]) == ("approved", "rejected")
    assert page.current_id() == page.model.id_at(3)

    activate(qtbot, window)  # the offscreen platform does not give it back after a dialog
    page.table.setFocus()
    page._select_row(4)
    qtbot.keyClick(page.table, Qt.Key.Key_A)  # the last one: stays on it
    qtbot.keyClick(page.table, Qt.Key.Key_N)  # wraps to the first pending
    assert page.current_id() == page.model.id_at(0)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    assert page.current_id() == page.model.id_at(3)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    assert "没有待审核的报名了" in window.statusBar().currentMessage()
    for key in ("A", "R", "N", "J", "K"):
        assert f"({key}" in " ".join(a.toolTip() for a in page.table.actions())


def test_pending_filter_lets_the_list_shrink_as_decisions_are_made(qtbot, window, store):
    from sync.core.records import RegistrationStatus

    activity_id = seed(store)
    page = open_activity(window, activity_id, RegistrationStatus.PENDING)
    click_row(qtbot, page, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert names(page) == NAMES[2:]
    assert page.current_id() == page.model.id_at(0)


def test_search_by_name_and_phone_tail(qtbot, window, store):
    seed(store)
    seed(store, names=["林小雨", "周杰"], title="秦淮河岸垃圾清理志愿行动", first=10)
    page = open_activity(window, None)
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    type_text(page.search_edit, "小雨")
    qtbot.waitUntil(lambda: names(page) == ["林小雨", "林小雨"], timeout=2000)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_A)  # a letter in the box is text, not approval
    assert set(statuses(store, page.model.row_data(0)["activity_id"]).values()) == {"pending"}
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "0003")  # 赵子龙's phone ends with 0003
    qtbot.waitUntil(lambda: names(page) == ["赵子龙"], timeout=2000)
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "9000")  # the middle of every phone: not a tail
    qtbot.waitUntil(lambda: names(page) == [], timeout=2000)
    assert page.count_label.text() == "没有符合条件的报名"


def test_phones_are_masked_in_the_view_and_the_details(qtbot, window, store):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    click_row(qtbot, page, 1)
    assert not page.consent_button.isEnabled()  # an adult: no guardian consent to record
    column = page.model.column_of("phone")
    shown = [page.model.index(r, column).data() for r in range(5)]
    assert shown[0] == "139****0000"
    click_row(qtbot, page, 0)
    assert "139****0000" in page.details.toPlainText()
    assert "13900000000" not in page.details.toPlainText()


def test_under_14_is_flagged_and_consent_can_be_recorded(qtbot, window, store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    child = youth(1, "小明", birth_date=date(2014, 1, 1))  # 12 on NOW
    store.create_registrations(activity_id, [child], source=RegistrationSource.WALK_IN)
    page = open_activity(window, activity_id)
    age = page.model.index(0, page.model.column_of("birth_date"))
    assert age.data() == "12 岁 · 未满14岁 · 未确认"
    click_row(qtbot, page, 0)
    assert "监护人同意未确认" in page.details.toPlainText()
    assert page.consent_button.isEnabled()
    # approval waits for the guardian's consent, and the page says why (issue 9, point 4)
    why = "报名者在活动开始时未满14周岁，须先记录监护人同意，才能通过报名"
    assert not page.approve_action.isEnabled()
    assert page.approve_action.toolTip() == why
    assert why in page.details.toPlainText()
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert statuses(store, activity_id) == {"小明": "pending"}
    page.consent_actions[page_module.GuardianConsent.GIVEN].trigger()
    assert "监护人已同意" in page.details.toPlainText()
    assert why not in page.details.toPlainText()
    assert age.data() == "12 岁 · 未满14岁 · 已同意"
    assert store.outbox_entries()[-1]["kind"] == Kind.YOUTH_CONSENT
    click_row(qtbot, page, 0)
    assert page.approve_action.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert statuses(store, activity_id) == {"小明": "approved"}


def test_registered_after_filter_and_dates(qtbot, window, store, clock):
    activity_id = seed(store, names=NAMES[:2])
    clock.advance(timedelta(days=10))
    store.create_registrations(activity_id, [youth(9, "晚报名")], source=RegistrationSource.WALK_IN)
    page = open_activity(window, activity_id)
    page.time_combo.setCurrentIndex(page.time_combo.findData("7"))
    assert names(page) == ["晚报名"]
    page.time_combo.setCurrentIndex(page.time_combo.findData("custom"))
    day = NOW.date()
    page.date_from.setDate(page.date_from.date().fromString(f"{day:%Y-%m-%d}", "yyyy-MM-dd"))
    page.date_until.setDate(page.date_until.date().fromString(f"{day:%Y-%m-%d}", "yyyy-MM-dd"))
    assert names(page) == NAMES[:2]
    page.clear_filters()
    assert len(names(page)) == 3


def test_the_old_show_full_phone_setting_is_dropped(tmp_path):
    """Version 1 could show every full phone number without permission or log: gone."""
    q = QSettings(str(tmp_path / "old.ini"), QSettings.Format.IniFormat)
    q.setValue("settings_version", 1)
    q.setValue("privacy/show_full_phone", True)
    s.Settings(q)
    assert not q.contains("privacy/show_full_phone")
    assert int(q.value("settings_version")) == s.SETTINGS_VERSION


def test_bulk_approve_skips_what_it_cannot_change(qtbot, window, store):
    activity_id = seed(store)
    first, second = store.read(rq.registration_ids, rq.RegistrationQuery(activity_id=activity_id))[
        :2
    ]
    store.review_registrations([first], "approve")
    store.cancel_registration(second)
    page = open_activity(window, activity_id)
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert statuses(store, activity_id) == {
        "陈一鸣": "approved",
        "林小雨": "cancelled",
        "王大力": "approved",
        "赵子龙": "approved",
        "刘晓燕": "approved",
    }
    assert window.undo_action.text() == "撤销 批量通过 3 条报名"
    assert "另有 2 条已处理过或已取消" in window.statusBar().currentMessage()


def test_the_activity_picker_finds_an_activity_by_any_word(qtbot, window, store):
    seed(store)
    other = seed(store, names=["周杰"], title="秦淮河岸垃圾清理志愿行动", first=10)
    page = open_activity(window, None)
    combo = page.activity_combo
    combo.lineEdit().clear()
    type_text(combo.lineEdit(), "垃圾")
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    assert combo.completer().completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.activity_id() == other, timeout=2000)
    assert names(page) == ["周杰"]
    assert "秦淮河岸垃圾清理志愿行动" in page.capacity_label.text()


def test_header_clicks_sort_in_sql_except_the_phone(qtbot, window, store):
    from PySide6.QtCore import QPoint

    activity_id = seed(store)
    page = open_activity(window, activity_id)
    header = page.table.horizontalHeader()

    def click(column: int) -> None:
        x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
        )

    click(page.model.column_of("name"))
    assert page.model.query.sort == "name"
    shown = names(page)
    assert shown in (sorted(NAMES), sorted(NAMES, reverse=True))
    click(page.model.column_of("phone"))
    assert page.model.query.sort == "name" and names(page) == shown
    assert header.sortIndicatorSection() == page.model.column_of("name")
    click(page.model.column_of("birth_date"))  # shown as the age
    assert page.model.query.sort == "birth_date"
    births = [page.model.row_data(r)["birth_date"] for r in range(5)]
    assert births in (sorted(births), sorted(births, reverse=True)) and len(set(births)) == 5


def test_a_refused_bulk_action_names_the_registration_and_changes_nothing(qtbot, window, store):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    store.transition_activity(activity_id, ActivityStatus.CANCELLED)  # on another window
    before = len(store.outbox_entries())
    seen: list[str] = []
    errors = when_modal(qtbot, lambda box: (seen.append(box.text()), box.accept()))
    activate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert not errors, errors
    assert seen[0].startswith("陈一鸣 的报名：活动当前为“已取消”")
    assert "没有改动任何报名" in seen[0]
    assert set(statuses(store, activity_id).values()) == {"pending"}
    assert len(store.outbox_entries()) == before


def test_a_large_bulk_action_runs_off_the_ui_thread(qtbot, window, store, monkeypatch):
    import threading
    import time

    from PySide6.QtCore import QTimer

    monkeypatch.setattr(page_module, "WORKER_THRESHOLD", 2)
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    review = store.review_registrations
    threads: list[bool] = []

    def slow_review(*args):
        threads.append(threading.current_thread() is threading.main_thread())
        time.sleep(0.3)  # long enough for the window to need repainting meanwhile
        return review(*args)

    monkeypatch.setattr(store, "review_registrations", slow_review)
    ticks: list[int] = []
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    timer.stop()
    assert threads == [False]  # on the worker
    assert ticks, "the event loop did not turn while the job ran"
    assert set(statuses(store, activity_id).values()) == {"approved"}
    assert window.undo_action.text() == "撤销 批量通过 5 条报名"


def test_a_bulk_approval_leaves_children_waiting_for_consent_and_says_so(qtbot, window, store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    people = [youth(1, "小明", birth_date=date(2014, 1, 1)), youth(2, "王大力")]
    store.create_registrations(activity_id, people, source=RegistrationSource.WALK_IN)
    page = open_activity(window, activity_id)
    qtbot.keyClick(page.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert page.approve_action.isEnabled()  # several rows: the approvable ones are approved
    qtbot.keyClick(page.table, Qt.Key.Key_A)
    assert statuses(store, activity_id) == {"小明": "pending", "王大力": "approved"}
    assert "1 条报名须先记录监护人同意，未通过" in window.statusBar().currentMessage()
