"""同步问题: field conflicts and refused operations, in the store and in the dialog a cadre uses."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from sync.client.store import Store
from sync.core.codec import to_json
from sync.core.operations import Kind
from sync.core.protocol import OpResult, OpStatus, PullPage
from sync.core.records import Activity, ActivityStatus
from sync.core.rules import RuleViolation
from tests.conftest import HOME_ORG, NOW, activity_fields


def _page(cursor: int, rows=None) -> PullPage:
    return PullPage(cursor=cursor, more=False, rows=rows or {}, deleted={})


def conflicted(store: Store, field: str = "capacity", mine=50, theirs=70, **fields) -> str:
    """An activity whose `field` this device set to `mine` while another device set it to
    `theirs` first: the server's answers as a real push and pull bring them (test_replica's
    shapes), leaving one open conflict."""
    _, activity_id = store.create_activity(HOME_ORG, activity_fields(**fields))
    store.update_activity(activity_id, {field: mine})
    create, edit = store.ops_to_push(10)
    store.take_push_results(
        [
            OpResult(create["op_id"], OpStatus.APPLIED, seq=1),
            OpResult(
                edit["op_id"],
                OpStatus.CHANGED,
                seq=2,
                code="field_conflict",
                params={
                    "table": "activities",
                    "id": activity_id,
                    "fields": {field: to_json(Activity, {"mine": mine, "theirs": theirs})},
                },
            ),
        ]
    )
    server_row = to_json(Activity, {**store.activity(activity_id), field: theirs, "version": 2})
    store.take_pull_page(_page(2, {"activities": [server_row]}))
    return activity_id


def rejected(store: Store) -> str:
    """A publish the server refused (the activity was cancelled elsewhere); its op_id."""
    _, activity_id = store.create_activity(HOME_ORG, activity_fields(title="被拒绝的活动"))
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    create, publish = store.ops_to_push(10)
    store.take_push_results(
        [
            OpResult(create["op_id"], OpStatus.APPLIED, seq=3),
            OpResult(
                publish["op_id"],
                OpStatus.REJECTED,
                code="illegal_transition",
                params={"current": "cancelled", "action": "publish"},
            ),
        ]
    )
    return publish["op_id"]


# --- the store ---------------------------------------------------------------------------------


def test_open_conflict_shows_both_sides_decoded(store: Store):
    start = NOW + timedelta(days=20)
    activity_id = conflicted(
        store, "starts_at", mine=start + timedelta(hours=1), theirs=start, start=start
    )
    [item] = store.open_conflicts()
    assert (item["record_id"], item["field"]) == (activity_id, "starts_at")
    assert item["record_title"] == activity_fields()["title"]
    assert item["mine"] == start + timedelta(hours=1) and item["theirs"] == start
    assert store.activity(activity_id)["starts_at"] == start  # the server kept theirs
    assert store.sync_issue_count() == 1
    assert store.pending_count() == 0


def test_keep_theirs_settles_it_and_sends_nothing(store: Store):
    activity_id = conflicted(store)
    heard: list[str] = []
    store.add_listener(heard.append)
    [item] = store.open_conflicts()
    assert store.resolve_conflict(item["id"], use_mine=False) is None
    assert store.open_conflicts() == [] and store.sync_issue_count() == 0
    assert store.pending_count() == 0
    assert store.activity(activity_id)["capacity"] == 70
    assert "conflicts" in heard


def test_use_mine_queues_a_normal_edit_and_undo_reopens_the_conflict(store: Store):
    activity_id = conflicted(store)
    [item] = store.open_conflicts()
    op_id = store.resolve_conflict(item["id"], use_mine=True)
    assert op_id is not None
    [entry] = store.ops_to_push(10)
    assert (entry["op_id"], entry["kind"]) == (op_id, Kind.ACTIVITY_UPDATE)
    assert entry["payload"]["changes"] == {"capacity": 50}
    assert entry["payload"]["before"] == {"capacity": 70}  # what the server holds now
    assert "base_version" not in entry["payload"]  # written by older versions, read by none
    assert store.activity(activity_id)["capacity"] == 50
    assert store.open_conflicts() == []

    store.undo(op_id)
    assert store.activity(activity_id)["capacity"] == 70
    assert store.pending_count() == 0
    [again] = store.open_conflicts()
    assert again["id"] == item["id"]


def test_use_mine_on_a_deleted_record_is_refused_and_keeps_the_conflict(store: Store):
    activity_id = conflicted(store)
    store.delete_activity(activity_id)
    [item] = store.open_conflicts()
    assert item["record_title"] is None
    with pytest.raises(RuleViolation) as refused:
        store.resolve_conflict(item["id"], use_mine=True)
    assert refused.value.code == "not_found"
    assert len(store.open_conflicts()) == 1
    store.resolve_conflict(item["id"], use_mine=False)  # keeping theirs always works
    assert store.open_conflicts() == []


def test_use_mine_when_the_value_is_already_mine_sends_nothing(store: Store):
    activity_id = conflicted(store)
    store.update_activity(activity_id, {"capacity": 50})
    [item] = store.open_conflicts()
    assert store.resolve_conflict(item["id"], use_mine=True) is None
    assert store.pending_count() == 1  # only the user's own edit
    assert store.open_conflicts() == []


def test_refused_operation_is_listed_and_dismissed(store: Store):
    op_id = rejected(store)
    [item] = store.rejected_operations()
    assert (item["op_id"], item["kind"], item["code"]) == (
        op_id,
        Kind.ACTIVITY_TRANSITION,
        "illegal_transition",
    )
    assert item["params"] == {"current": "cancelled", "action": "publish"}
    assert item["payload"]["to"] == "published"
    assert item["subject"] == "被拒绝的活动"
    assert store.sync_issue_count() == 1
    assert store.dismiss_rejected(op_id) is True
    assert store.rejected_operations() == [] and store.sync_issue_count() == 0
    assert store.dismiss_rejected(op_id) is False
    # a pending operation is not a refusal and cannot be dismissed
    store.create_activity(HOME_ORG, activity_fields())
    [pending] = store.ops_to_push(10)
    assert store.dismiss_rejected(pending["op_id"]) is False
    assert store.pending_count() == 1


def test_a_refused_review_names_the_youth_and_the_activity(store: Store):
    from sqlalchemy import insert

    from sync.client.store.tables import activities
    from tests.test_store import _registrations

    activity_id = "a-synced"  # as a pull brought it: the registration refers to it
    with store.bulk_write() as conn:
        conn.execute(
            insert(activities).values(
                id=activity_id,
                org_id=HOME_ORG,
                status="published",
                version=1,
                **activity_fields(title="读书会"),
            )
        )
    [registration] = _registrations(store, activity_id, 1)
    store.review_registration(registration, "reject", "名额已定")
    [review] = store.ops_to_push(10)
    store.take_push_results(
        [OpResult(review["op_id"], OpStatus.REJECTED, code="registration_not_reviewable")]
    )
    [item] = store.rejected_operations()
    assert item["subject"] == "青年0，读书会"


def test_clear_local_data_leaves_the_replica_of_a_new_device(store: Store):
    conflicted(store)
    rejected(store)
    store.create_activity(HOME_ORG, activity_fields())
    store.set_meta("account", '{"server_url": "x"}')
    device_id = store.device_id
    heard: list[str] = []
    store.add_listener(heard.append)

    store.clear_local_data()

    for table in ("organizations", "activities", "registrations", "followers", "youths"):
        assert store.count(table) == 0, table
    assert store.outbox_entries() == [] and store.open_conflicts() == []
    assert store.get_meta("account") is None and store.get_meta("org_id") is None
    assert store.pull_cursor() == 0
    assert store.get_meta("device_id") == device_id
    assert [c["code"] for c in store.categories()][:2] == ["ideology", "innovation"]
    assert {"activities", "outbox", "conflicts", "meta"} <= set(heard)
    reopened = Store(store.path)  # the file is a valid, current database
    assert reopened.count("activities") == 0
    reopened.close()


# --- the window and the dialog -------------------------------------------------------------------


@pytest.fixture
def window(qtbot, store: Store, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop import settings as s
    from desktop.main_window import MainWindow
    from tests.test_activities_page import activate

    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.show()
    activate(qtbot, window)
    return window


def _open_dialog(qtbot, window):
    qtbot.mouseClick(window.issues_button, Qt.MouseButton.LeftButton)
    dialog = window.issues_dialog
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def _cells(table) -> list[list[str]]:
    model = table.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_status_bar_counts_issues_live_and_opens_the_dialog(qtbot, window, store: Store):
    assert window.issues_button.isHidden()
    conflicted(store)
    assert window.issues_button.isVisible()
    assert window.issues_button.text() == "⚠ 1 项需处理"
    rejected(store)
    assert window.issues_button.text() == "⚠ 2 项需处理"
    dialog = _open_dialog(qtbot, window)
    [row] = _cells(dialog.conflict_table)
    assert row[:4] == [activity_fields()["title"], "招募人数", "50", "70"]
    [refusal] = _cells(dialog.rejected_table)
    assert refusal[0] == "发布活动“被拒绝的活动”"
    assert refusal[2] == "活动当前为“已取消”，不能发布"
    # the 账户 menu opens the same window
    dialog.close()
    window.issues_action.trigger()
    assert window.issues_dialog is dialog and dialog.isVisible()


def test_enter_uses_mine_and_ctrl_z_takes_it_back(qtbot, window, store: Store):
    activity_id = conflicted(store)
    dialog = _open_dialog(qtbot, window)
    table = dialog.conflict_table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert store.activity(activity_id)["capacity"] == 50
    assert store.pending_count() == 1
    assert dialog.stack.currentWidget() is dialog.empty_label
    assert dialog.empty_label.text() == "没有需要处理的同步问题"
    assert window.issues_button.isHidden()
    assert window.undo_action.text().startswith("撤销 使用我的修改")

    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.activity(activity_id)["capacity"] == 70
    assert store.pending_count() == 0
    assert len(_cells(dialog.conflict_table)) == 1
    assert window.issues_button.text() == "⚠ 1 项需处理"


def test_delete_keeps_theirs_and_the_button_dismisses_a_refusal(qtbot, window, store: Store):
    activity_id = conflicted(store)
    rejected(store)
    dialog = _open_dialog(qtbot, window)
    dialog.conflict_table.setFocus()
    qtbot.keyClick(dialog.conflict_table, Qt.Key.Key_Delete)
    assert store.open_conflicts() == [] and store.pending_count() == 0
    assert store.activity(activity_id)["capacity"] == 70
    assert dialog.conflict_section.isHidden() and dialog.rejected_section.isVisible()

    assert dialog.dismiss_button.isEnabled()  # the first row is selected for the keyboard
    qtbot.mouseClick(dialog.dismiss_button, Qt.MouseButton.LeftButton)
    assert store.rejected_operations() == []
    assert dialog.stack.currentWidget() is dialog.empty_label
    assert window.issues_button.isHidden()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_use_mine_on_a_cancelled_activity_explains_and_keeps_the_conflict(
    qtbot, window, store: Store
):
    from tests.test_activities_page import when_modal

    activity_id = conflicted(store)
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    store.transition_activity(activity_id, ActivityStatus.CANCELLED)
    dialog = _open_dialog(qtbot, window)
    seen: list[str] = []
    errors = when_modal(qtbot, lambda box: (seen.append(box.text()), box.accept()))
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    assert not errors, errors
    assert "不能再修改" in seen[0]
    assert len(store.open_conflicts()) == 1


def test_columns_sort_by_value_not_by_text(qtbot, window, store: Store):
    conflicted(store, mine=9, theirs=100, title="甲活动")
    conflicted(store, mine=50, theirs=70, title="乙活动")
    dialog = _open_dialog(qtbot, window)
    table = dialog.conflict_table
    table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # 我的修改: 9 before 50
    assert [r[2] for r in _cells(table)] == ["9", "50"]
    table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # 对方的修改: 100 before 70
    assert [r[3] for r in _cells(table)] == ["100", "70"]


def test_readable_values_and_descriptions():
    from desktop.dialogs.sync_issues_dialog import describe_operation, reason_text, value_text

    assert value_text("featured", True, {}) == "是"
    assert value_text("requires_review", False, {}) == "否"
    assert value_text("category", "innovation", {"innovation": "创新创业"}) == "创新创业"
    assert value_text("starts_at", NOW, {}) == "2026-11-24 10:00"
    assert value_text("description", "", {}) == "（空）"
    edit = {"id": "a1", "changes": {"title": 1, "capacity": 2}}
    assert describe_operation(Kind.ACTIVITY_UPDATE, edit, "读书会") == (
        "修改活动“读书会”（活动名称、招募人数）"
    )
    assert (
        describe_operation(Kind.ACTIVITY_DELETE, {"id": "gone"}, None) == "删除活动“已删除的活动”"
    )
    publish = {"id": "a1", "to": "published"}
    assert describe_operation(Kind.ACTIVITY_TRANSITION, publish, "读书会") == "发布活动“读书会”"
    approve = {"id": "r1", "decision": "approve"}
    assert describe_operation(Kind.REGISTRATION_REVIEW, approve, "张三，读书会") == (
        "通过报名（张三，读书会）"
    )
    assert describe_operation("youth.merge", {}, None) == "其他操作（youth.merge）"
    problems = [{"code": "required", "field": "title", "params": {"label": "title"}}]
    assert reason_text("invalid_activity", {"problems": problems}) == "请填写活动名称"
    assert reason_text("from_a_newer_server", {}) == "服务器拒绝了这个操作（from_a_newer_server）"
