"""The 诉求 page driven as a cadre would: real widgets, real store, pytest-qt, the keyboard."""

from __future__ import annotations

from datetime import timedelta

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog
from sqlalchemy import insert, select

from desktop import settings as s
from desktop.dialogs.reply_dialog import ReplyDialog
from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.main_window import MainWindow
from desktop.models.request_table import OVERDUE_BACKGROUND
from sync.client.store import Store
from sync.client.store.tables import request_events, requests, youths
from sync.core.operations import Kind
from sync.core.records import CHINA_TIME
from tests.conftest import HOME_ORG, NOW, SIBLING_ORG
from tests.test_activities_page import activate, when_modal

REQUESTS_PAGE = 6  # in MainWindow.PAGE_KEYS

# (id, name, text, submitted before NOW, state, category)
SEEDED = [
    ("r-old", "陈一鸣", "想了解返乡创业贷款的申请条件", timedelta(days=12), "new", ""),
    ("r-new", "林小雨", "学校附近有没有心理咨询的地方", timedelta(hours=3), "new", ""),
    ("r-done", "王大力", "社区篮球场晚上能开灯吗", timedelta(days=20), "replied", "权益维护"),
    ("r-gone", "赵子龙", "想报名暑期支教", timedelta(days=40), "archived", "公益志愿"),
]


def seed(store: Store) -> None:
    """Requests as a pull brings them: youths, the requests in the county's queue, a history."""
    with store.engine.begin() as conn:
        for i, (request_id, name, text, age, state, category) in enumerate(SEEDED):
            youth_id = f"y-{request_id}"
            conn.execute(
                insert(youths).values(
                    id=youth_id,
                    name=name,
                    phone=f"139****{i:04d}",
                    gender="unknown",
                    school_or_employer="",
                    region_code="320115",
                    version=1,
                    id_number="",
                    guardian_consent="unknown",
                )
            )
            at = NOW - age
            conn.execute(
                insert(requests).values(
                    id=request_id,
                    org_id=HOME_ORG,
                    youth_id=youth_id,
                    category_guess="就业创业" if i == 0 else "",
                    category=category,
                    text=text,
                    contact="phone",
                    state=state,
                    submitted_at=at,
                    replied_at=at + timedelta(days=1) if state == "replied" else None,
                    updated_at=at,
                    version=1,
                )
            )
            conn.execute(
                insert(request_events).values(
                    id=f"e-{request_id}",
                    request_id=request_id,
                    at=at,
                    actor="youth",
                    action="submitted",
                    detail="",
                    version=1,
                )
            )


@pytest.fixture
def window(qtbot, store: Store, tmp_path) -> MainWindow:
    seed(store)
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(REQUESTS_PAGE)
    activate(qtbot, window)
    return window


def request(store: Store, request_id: str) -> dict:
    with store.engine.connect() as conn:
        row = conn.execute(select(requests).where(requests.c.id == request_id)).one()
    return dict(row._mapping)


def shown_ids(page) -> list[str]:
    return page.model.ids()


def test_the_queue_shows_open_requests_oldest_first_and_highlights_the_overdue(window, store):
    page = window.requests_page
    assert window.pages.currentWidget() is page
    assert shown_ids(page) == ["r-done", "r-old", "r-new"]  # not archived, oldest first
    rows = {i: page.model.row_of(i) for i in shown_ids(page)}
    old = page.model.index(rows["r-old"], 0)
    new = page.model.index(rows["r-new"], 0)
    assert page.model.data(old, Qt.ItemDataRole.BackgroundRole) == OVERDUE_BACKGROUND
    assert page.model.data(new, Qt.ItemDataRole.BackgroundRole) is None
    done = page.model.index(rows["r-done"], 0)  # old but answered: not overdue
    assert page.model.data(done, Qt.ItemDataRole.BackgroundRole) is None
    state = page.model.index(rows["r-old"], page.model.column_of("state"))
    assert page.model.data(state) == "待分拣（超期）"
    assert page.overdue_label.text() == "超期诉求 1 条"
    assert page.overdue_label.isVisible()  # in the status bar, whatever the page

    page.overdue_check.setChecked(True)
    assert shown_ids(page) == ["r-old"]
    page.clear_filters()
    page.search_edit.setText("心理")
    page.apply_filters()
    assert shown_ids(page) == ["r-new"]
    page.search_edit.setText("赵子龙")  # the youth's name; archived ones only when asked for
    page.apply_filters()
    assert shown_ids(page) == []
    page.state_combo.setCurrentIndex(page.state_combo.findData("archived"))
    assert shown_ids(page) == ["r-gone"]
    page.clear_filters()
    page.category_combo.setCurrentIndex(page.category_combo.findData(""))
    assert sorted(shown_ids(page)) == ["r-new", "r-old"]


def test_keyboard_triage_classifies_assigns_and_replies_from_a_template(qtbot, window, store):
    page = window.requests_page
    page.overdue_check.setChecked(True)  # the overdue one first
    table = page.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_J)  # no row yet: the first
    assert page.current_id() == "r-old"
    qtbot.keyClick(table, Qt.Key.Key_1)  # 就业创业, the first category
    assert request(store, "r-old")["category"] == "就业创业"
    assert request(store, "r-old")["state"] == "classified"

    def pick_school(dialog: QInputDialog) -> None:
        dialog.setTextValue("南京市江宁高级中学团委")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    errors = when_modal(qtbot, pick_school)
    qtbot.keyClick(table, Qt.Key.Key_A)
    assert not errors, errors
    assert request(store, "r-old")["org_id"] == SIBLING_ORG
    assert request(store, "r-old")["state"] == "assigned"
    activate(qtbot, window)

    def answer(dialog: ReplyDialog) -> None:
        activate(qtbot, dialog)  # keys go to the active window's focus (offscreen: ask for it)
        qtbot.keyClick(dialog.templates, Qt.Key.Key_2)  # the second template
        assert dialog.reply().startswith("您好，您反映的问题已转交")
        qtbot.keyClick(dialog.reply_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.reply_edit, " OK")
        qtbot.keyClick(dialog.reply_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    errors = when_modal(qtbot, answer)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_R)
    assert not errors, errors
    replied = request(store, "r-old")
    assert replied["state"] == "replied" and replied["replied_at"] == store.clock()
    with store.engine.connect() as conn:
        history = conn.execute(
            select(request_events.c.action, request_events.c.detail)
            .where(request_events.c.request_id == "r-old")
            .order_by(request_events.c.at, request_events.c.id)
        ).all()
    assert [a for a, _ in history] == ["submitted", "classified", "assigned", "replied"]
    assert history[-1][1].endswith("属地团组织跟进，请留意后续联系。 OK")
    page.overdue_check.setChecked(False)
    assert page.overdue_label.text() == ""  # answered: nothing overdue any more

    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the reply
    assert request(store, "r-old")["state"] == "assigned"
    assert page.overdue_label.text() == "超期诉求 1 条"


def test_the_overdue_deadline_is_a_setting_in_working_days(window, store, clock):
    page = window.requests_page
    window.settings.set(s.REQUEST_REPLY_DAYS, 30)
    page.reload_settings()
    assert page.overdue_label.text() == ""
    window.settings.set(s.REQUEST_REPLY_DAYS, 1)
    clock.advance(timedelta(days=3))  # NOW is a Tuesday: Friday, two working days on
    page.reload_settings()
    assert page.overdue_label.text() == "超期诉求 2 条"


def test_holidays_and_worked_weekends_move_the_deadline(qtbot, window, store):
    """r-old came in on Thursday 12 November, 7 working days before NOW (Tuesday 24th)."""
    page = window.requests_page
    assert page.overdue_label.text() == "超期诉求 1 条"
    window.settings.set(s.REQUEST_HOLIDAYS, "2026-11-16..2026-11-18\n2026-11-20")
    page.reload_settings()
    assert page.overdue_label.text() == ""  # only Friday 13th, Thursday 19th and Monday 23rd
    state = page.model.index(page.model.row_of("r-old"), 1)
    assert page.model.data(state) == "待分拣"
    window.settings.set(s.REQUEST_WORKING_WEEKENDS, "2026-11-14, 2026-11-21")
    page.reload_settings()
    assert page.overdue_label.text() == "超期诉求 1 条"  # two Saturdays worked: 5 days
    state = page.model.index(page.model.row_of("r-old"), 1)
    assert page.model.data(state) == "待分拣（超期）"

    dialog = SettingsDialog(window.settings, parent=window)
    qtbot.addWidget(dialog)
    dialog.holidays_edit.setPlainText("2026-11-16, 国庆")
    when_modal(qtbot, lambda box: box.accept())
    dialog.accept()  # refused, naming what is not a date
    assert dialog.result() != SettingsDialog.DialogCode.Accepted


def test_archiving_is_one_undo_step_and_a_saved_template_comes_back(qtbot, window, store):
    page = window.requests_page
    page.table.setFocus()
    page.table.selectAll()
    qtbot.keyClick(page.table, Qt.Key.Key_E)
    assert {request(store, i)["state"] for i in ("r-old", "r-new", "r-done")} == {"archived"}
    assert shown_ids(page) == []
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert request(store, "r-new")["state"] == "new"

    dialog = ReplyDialog(window.settings, name="林小雨", text="…", parent=window)
    qtbot.addWidget(dialog)
    dialog.reply_edit.setPlainText("区青少年服务中心每周三有免费心理咨询。")
    dialog.save_template()
    again = ReplyDialog(window.settings, name="林小雨", text="…", parent=window)
    qtbot.addWidget(again)
    assert again.template_texts()[-1] == "区青少年服务中心每周三有免费心理咨询。"
    assert again.templates.count() == len(dialog.default_templates()) + 1


def test_excel_export_counts_per_category_and_organisation(window, store, tmp_path):
    page = window.requests_page
    path = tmp_path / "诉求.xlsx"
    first = (NOW - timedelta(days=30)).astimezone(CHINA_TIME).date()
    written = page.excel.export_to(path, first, NOW.astimezone(CHINA_TIME).date())
    assert written == 3  # the archived one was submitted 40 days ago: outside the period
    book = load_workbook(path)
    assert book.sheetnames == ["诉求", "按类别", "按组织"]
    lines = list(book["诉求"].values)
    assert lines[0][:3] == ("提交时间", "状态", "类别")
    assert {line[4] for line in lines[1:]} == {"陈一鸣", "林小雨", "王大力"}
    by_category = {line[0]: line[1:] for line in list(book["按类别"].values)[2:]}
    assert by_category == {"未分类": (2, 0, None), "权益维护": (1, 1, 24.0)}
    by_org = list(book["按组织"].values)[2:]
    assert by_org == [("共青团南京市江宁区委员会", 3, 1, 24.0)]


def test_two_classifications_become_a_conflict_in_the_sync_issues_dialog(qtbot, window, store):
    """The server's answers as a real push and pull bring them: this device classified as 学业
    while another's 心理健康 arrived first; a reply to a request refused is listed too."""
    from sync.core.codec import to_json
    from sync.core.protocol import OpResult, OpStatus, PullPage
    from sync.core.records import YouthRequest
    from tests.test_sync_issues import _cells, _open_dialog

    store.classify_request("r-new", "学业")
    store.reply_request("r-done", "已转交街道办理。")
    classify, answer = store.ops_to_push(10)
    store.take_push_results(
        [
            OpResult(
                classify["op_id"],
                OpStatus.CHANGED,
                seq=5,
                code="field_conflict",
                params={
                    "table": "requests",
                    "id": "r-new",
                    "fields": {"category": {"mine": "学业", "theirs": "心理健康"}},
                },
            ),
            OpResult(answer["op_id"], OpStatus.REJECTED, code="not_found", params={}),
        ]
    )
    server_row = to_json(
        YouthRequest, {**request(store, "r-new"), "category": "心理健康", "state": "classified"}
    )
    store.take_pull_page(
        PullPage(cursor=5, more=False, rows={"requests": [server_row]}, deleted={})
    )
    assert window.issues_button.text() == "⚠ 2 项需处理"
    dialog = _open_dialog(qtbot, window)
    [row] = _cells(dialog.conflict_table)
    assert row[:4] == ["学校附近有没有心理咨询的地方", "诉求类别", "学业", "心理健康"]
    [refusal] = _cells(dialog.rejected_table)
    assert refusal[0] == "答复诉求（社区篮球场晚上能开灯吗）"

    dialog.conflict_table.setFocus()
    qtbot.keyClick(dialog.conflict_table, Qt.Key.Key_Return)  # use mine: classify again
    assert request(store, "r-new")["category"] == "学业"
    (again,) = [op for op in store.ops_to_push(10) if op["kind"] == Kind.REQUEST_CLASSIFY]
    assert again["payload"]["before"] == {"category": "心理健康"}


def test_the_whole_phone_needs_the_permission(qtbot, window, store):
    page = window.requests_page
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_J)
    seen: list[str] = []

    def read(box) -> None:
        seen.append(box.text())
        box.close()

    errors = when_modal(qtbot, read)
    qtbot.keyClick(
        window,
        Qt.Key.Key_I,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: bool(seen) or bool(errors))
    assert not errors and "没有查看完整个人信息的权限" in seen[0]


def test_reply_templates_are_added_edited_reordered_and_deleted(qtbot, window):
    reply = ReplyDialog(window.settings, name="林小雨", text="…", parent=window)
    qtbot.addWidget(reply)
    defaults = reply.default_templates()
    editor = reply.templates_dialog()
    qtbot.addWidget(editor)
    editor.show()
    activate(qtbot, editor)  # its shortcuts reach it
    editor.template_list.setCurrentRow(1)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    editor.template_list.setCurrentRow(0)
    editor.template_edit.setPlainText("您好，已收到，三个工作日内答复。")
    qtbot.keyClick(editor, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # 新建
    # A button's shortcut clicks it after its short press animation.
    qtbot.waitUntil(lambda: editor.template_list.count() == len(defaults))
    assert editor.template_edit.hasFocus()
    editor.template_edit.insertPlainText("心理咨询请拨打12355。")  # (keyClicks: ASCII only)
    qtbot.keyClick(editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)  # 上移
    qtbot.waitUntil(lambda: editor.template_list.item(3).text() == f"4. {defaults[3]}")
    editor.add()  # an empty one is left out
    editor.accept()
    edited = ["您好，已收到，三个工作日内答复。", defaults[2], "心理咨询请拨打12355。", defaults[3]]
    assert editor.result() == ReplyDialog.DialogCode.Accepted

    again = ReplyDialog(window.settings, name="林小雨", text="…", parent=window)
    qtbot.addWidget(again)
    assert again.template_texts() == edited
    qtbot.keyClick(again.templates, Qt.Key.Key_3)
    assert again.reply() == "心理咨询请拨打12355。"

    editor = again.templates_dialog()
    qtbot.addWidget(editor)
    editor.template_list.setCurrentRow(0)
    editor.template_edit.setPlainText("长" * 2001)
    editor.accept()  # refused: longer than a reply may be
    assert editor.error_label.isVisibleTo(editor) and editor.result() != 1
    qtbot.mouseClick(editor.reset_button, Qt.MouseButton.LeftButton)
    editor.accept()
    assert again.template_texts() == defaults


def test_n_goes_to_the_next_unsorted_request_and_wraps(qtbot, window):
    page = window.requests_page
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N)  # from no row: the first new one
    assert page.current_id() == "r-old"
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    assert page.current_id() == "r-new"
    qtbot.keyClick(page.table, Qt.Key.Key_N)  # round to the front, past the replied one
    assert page.current_id() == "r-old"
    qtbot.keyClick(page.table, Qt.Key.Key_K)
    assert page.current_id() == "r-done"
    for _ in range(2):
        qtbot.keyClick(page.table, Qt.Key.Key_N)
        qtbot.keyClick(page.table, Qt.Key.Key_1)  # classified: no longer new
    qtbot.keyClick(page.table, Qt.Key.Key_N)
    assert window.statusBar().currentMessage() == "没有待分拣的诉求了"
