"""The 粉丝 page driven as a cadre would: real widgets, real store, pytest-qt."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.dialogs.notice_dialog import NoticeDialog
from desktop.dialogs.tag_dialog import TagDialog
from desktop.main_window import MainWindow
from sync.client.store import Store
from sync.client.store import follower_queries as fq
from sync.client.store.tables import followers, registrations, youths
from sync.core import rules
from sync.core.operations import Kind
from sync.core.records import ActivityStatus
from tests.conftest import HOME_ORG, NOW, SIBLING_ORG, activity_fields
from tests.test_activities_page import activate, type_text, when_modal
from tests.test_activities_page import window as window  # the fixture, shared

DAY = timedelta(days=1)

# name, phone, gender, birth date, organisation followed, days ago, tags
PEOPLE = [
    ("张伟", "13800001111", "male", date(1998, 3, 1), HOME_ORG, 3, ["志愿者"]),
    ("王芳", "13900002222", "female", date(2000, 7, 9), HOME_ORG, 40, ["志愿者", "大学生"]),
    ("李娜", "13700003333", "female", date(2015, 1, 20), HOME_ORG, 70, []),  # under 14
    ("刘洋", "13600004444", "male", date(1995, 5, 5), HOME_ORG, 400, ["返乡青年"]),
    ("陈静", "13500005555", "female", date(2001, 2, 2), SIBLING_ORG, 10, ["大学生"]),
    ("张敏", "13400006666", "female", None, SIBLING_ORG, 100, []),
]


def seed(store: Store) -> dict[str, str]:
    """The people above as youths following an organisation; 张伟 came through an activity
    and joined two (approved), 王芳 registered once but is still pending. Returns name -> id."""
    _, activity_a = store.create_activity(HOME_ORG, activity_fields(title="江宁青年读书会"))
    _, activity_b = store.create_activity(HOME_ORG, activity_fields(title="秦淮河清洁行动"))
    for activity_id in (activity_a, activity_b):
        store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    ids = {}
    with store.bulk_write() as conn:
        for i, (name, phone, gender, birth, org, days, tags) in enumerate(PEOPLE):
            conn.execute(
                youths.insert().values(
                    id=f"y{i}",
                    name=name,
                    phone=phone,
                    gender=gender,
                    birth_date=birth,
                    school_or_employer="",
                    region_code="320115",
                    version=1,
                )
            )
            conn.execute(
                followers.insert().values(
                    id=f"f{i}",
                    org_id=org,
                    youth_id=f"y{i}",
                    followed_at=NOW - days * DAY,
                    source_activity_id=activity_a if i == 0 else None,
                    tags=rules.encode_tags(tags),
                    version=1,
                )
            )
            ids[name] = f"f{i}"
        for n, (activity_id, status) in enumerate(
            [(activity_a, "approved"), (activity_b, "approved")]
        ):
            conn.execute(
                registrations.insert().values(
                    id=f"r{n}", activity_id=activity_id, youth_id="y0", status=status, version=1
                )
            )
        conn.execute(
            registrations.insert().values(
                id="r9", activity_id=activity_a, youth_id="y1", status="pending", version=1
            )
        )
    return ids


@pytest.fixture
def page(window: MainWindow, store: Store, qtbot):
    ids = seed(store)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.followers_page
    assert window.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=2000)
    page.ids = ids
    return page


def column(page, key: str) -> list[str]:
    model = page.model
    return [model.index(r, model.column_of(key)).data() for r in range(model.rowCount())]


def names(page) -> list[str]:
    return [n.split("（")[0] for n in column(page, "name")]


def select_names(qtbot, page, wanted: list[str]) -> None:
    page.table.clearSelection()
    selection = page.table.selectionModel()
    for row, name in enumerate(names(page)):
        if name in wanted:
            selection.select(
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )
    assert sorted(page.model.id_at(r.row()) for r in selection.selectedRows()) == sorted(
        page.ids[n] for n in wanted
    )


def stored_tags(store: Store) -> dict[str, list[str]]:
    with store.engine.connect() as conn:
        return {r.id: rules.decode_tags(r.tags) for r in conn.execute(followers.select())}


# --- the list ---------------------------------------------------------------------------------


def test_lists_the_organisations_followers_with_masked_phones(page):
    assert page.count_label.text() == "共 4 位粉丝"
    assert names(page) == ["张伟", "王芳", "李娜", "刘洋"]  # newest follower first
    row = {key: column(page, key)[0] for key in page.model.KEYS}
    assert row == {
        "name": "张伟",
        "phone": "138****1111",
        "gender": "男",
        "org": "共青团南京市江宁区委员会",
        "followed_at": "2026-11-21 10:00",
        "source": "江宁青年读书会",
        "joined": "2",  # two approved registrations; 王芳's pending one does not count
        "tags": "志愿者",
    }
    assert column(page, "joined") == ["2", "0", "0", "0"]
    assert column(page, "tags")[1] == "大学生、志愿者"
    # every phone on the page is masked: none of the seeded numbers is readable
    shown = " ".join(column(page, "phone"))
    assert not any(p[1] in shown for p in PEOPLE)


def test_a_youth_under_14_is_flagged(page):
    minor = names(page).index("李娜")
    index = page.model.index(minor, page.model.column_of("name"))
    assert index.data() == "李娜（未满14岁）"
    assert "监护人" in index.data(Qt.ItemDataRole.ToolTipRole)
    adult = page.model.index(0, page.model.column_of("name"))
    assert adult.data() == "张伟" and adult.data(Qt.ItemDataRole.ToolTipRole) is None


def test_search_by_chinese_name_and_by_phone_tail(qtbot, page, window):
    activate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()
    type_text(page.search_edit, "王芳")
    qtbot.waitUntil(lambda: names(page) == ["王芳"], timeout=2000)
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 4, timeout=2000)
    qtbot.keyClicks(page.search_edit, "4444")
    qtbot.waitUntil(lambda: names(page) == ["刘洋"], timeout=2000)
    assert page.count_label.text() == "共 1 位粉丝"
    page.search_edit.clear()
    qtbot.keyClicks(page.search_edit, "0000")  # in the middle of numbers, not at their end
    qtbot.waitUntil(lambda: names(page) == [], timeout=2000)


def test_phone_search_and_sorting_reveal_no_hidden_digit(qtbot, page):
    """The masked phone shows its last four digits; a longer digit search or an order by phone
    would let the hidden ones be recovered a search at a time (about 40 searches)."""
    page.search_edit.setText("04444")  # the tail of 刘洋's 13600004444, one hidden digit more
    qtbot.waitUntil(lambda: names(page) == [], timeout=2000)
    page.search_edit.setText("4444")
    qtbot.waitUntil(lambda: names(page) == ["刘洋"], timeout=2000)
    page.search_edit.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 4, timeout=2000)
    before = page.model.query.sort
    page.model.sort(page.model.column_of("phone"), Qt.SortOrder.AscendingOrder)
    assert page.model.query.sort == before


def test_filter_by_tag(qtbot, page):
    combo = page.tag_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "全部标签",
        "大学生（1）",
        "志愿者（2）",
        "返乡青年（1）",
    ]
    combo.setCurrentIndex(combo.findData("志愿者"))
    assert names(page) == ["张伟", "王芳"]
    combo.setCurrentIndex(combo.findData("返乡青年"))
    assert names(page) == ["刘洋"]
    page.clear_filters()
    assert len(names(page)) == 4


def test_subordinate_filter_for_a_county(page):
    combo = page.org_combo
    assert combo.isVisible()
    assert [combo.itemData(i) for i in range(combo.count())] == [
        "home",
        "home_and_below",
        "below",
        SIBLING_ORG,
    ]
    combo.setCurrentIndex(combo.findData(SIBLING_ORG))
    assert names(page) == ["陈静", "张敏"]
    assert set(column(page, "org")) == {"南京市江宁高级中学团委"}
    combo.setCurrentIndex(combo.findData("home_and_below"))
    assert page.count_label.text() == "共 6 位粉丝"
    combo.setCurrentIndex(combo.findData("below"))
    assert sorted(names(page)) == ["张敏", "陈静"]
    # tags offered are those of the organisations shown
    assert page.tag_combo.findData("志愿者") == -1 and page.tag_combo.findData("大学生") > 0


def test_sorting_by_a_header_click_happens_in_sql(qtbot, page):
    header = page.table.horizontalHeader()
    joined = page.model.column_of("joined")
    x = header.sectionViewportPosition(joined) + header.sectionSize(joined) // 2
    from PySide6.QtCore import QPoint

    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert page.model.query.sort == "joined"
    counts = [int(c) for c in column(page, "joined")]
    assert counts in (sorted(counts), sorted(counts, reverse=True))
    page.model.sort(page.model.column_of("name"), Qt.SortOrder.AscendingOrder)
    assert page.model.query.sort == "name"
    listed = names(page)
    assert listed == [n for n in sorted(listed)]
    page.model.sort(page.model.column_of("followed_at"), Qt.SortOrder.AscendingOrder)
    assert names(page) == ["刘洋", "李娜", "王芳", "张伟"]  # oldest follower first


# --- tags in bulk ------------------------------------------------------------------------------


def test_bulk_tags_on_a_selection_are_one_undo_step(qtbot, page, window, store: Store):
    before = stored_tags(store)
    select_names(qtbot, page, ["张伟", "李娜", "刘洋"])

    def add(dialog: TagDialog) -> None:
        assert dialog.selected_radio.isChecked()
        assert dialog.selected_radio.text() == "选中的 3 位粉丝"
        type_text(dialog.tag_combo.lineEdit(), "青年突击队、 宣讲团")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    errors = when_modal(qtbot, add)
    activate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not errors, errors
    after = stored_tags(store)
    for name in ("张伟", "李娜", "刘洋"):
        fid = page.ids[name]
        assert after[fid] == sorted({*before[fid], "青年突击队", "宣讲团"})
    assert after[page.ids["王芳"]] == before[page.ids["王芳"]]
    assert [e["kind"] for e in store.outbox_entries()][-1] == Kind.FOLLOWER_TAG
    # the table shows it, the tag filter offers it, the selection stayed
    qtbot.waitUntil(lambda: "宣讲团" in (column(page, "tags")[0] or ""), timeout=2000)
    assert page.tag_combo.findData("宣讲团") > 0
    assert len(page.selected_ids()) == 3

    def remove(dialog: TagDialog) -> None:
        assert dialog.removing
        dialog.tag_combo.setCurrentText("志愿者")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    errors = when_modal(qtbot, remove)
    activate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(
        window,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not errors, errors
    assert "志愿者" not in stored_tags(store)[page.ids["张伟"]]
    assert "志愿者" in stored_tags(store)[page.ids["王芳"]]  # not selected

    activate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "志愿者" in stored_tags(store)[page.ids["张伟"]]
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_tags(store) == before  # every follower's tags as they were
    assert [e["kind"] for e in store.outbox_entries()].count(Kind.FOLLOWER_TAG) == 0
    qtbot.waitUntil(lambda: page.tag_combo.findData("宣讲团") == -1, timeout=2000)


def test_bulk_tag_on_all_followers_the_filter_matches(qtbot, page, window, store: Store):
    page.org_combo.setCurrentIndex(page.org_combo.findData("home_and_below"))
    page.tag_combo.setCurrentIndex(page.tag_combo.findData("大学生"))
    assert sorted(names(page)) == ["王芳", "陈静"]
    before = stored_tags(store)

    def add(dialog: TagDialog) -> None:
        assert not dialog.selected_radio.isEnabled()  # nothing selected
        assert dialog.matching_radio.text() == "全部 2 位筛选结果"
        dialog.tag_combo.setCurrentText("优秀学员")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    errors = when_modal(qtbot, add)
    page.add_tag_action.trigger()
    assert not errors, errors
    after = stored_tags(store)
    tagged = {fid for fid, tags in after.items() if "优秀学员" in tags}
    assert tagged == {page.ids["王芳"], page.ids["陈静"]}
    window.undo_action.trigger()
    assert stored_tags(store) == before


def test_a_bad_tag_is_refused_in_the_dialog(qtbot, page, store: Store):
    select_names(qtbot, page, ["张伟"])
    seen = {}

    def add(dialog: TagDialog) -> None:
        dialog.tag_combo.setCurrentText("太长的标签" * 5)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen["visible"] = dialog.isVisible()
        seen["error"] = dialog.error_label.text()
        dialog.reject()

    errors = when_modal(qtbot, add)
    page.add_tag_action.trigger()
    assert not errors, errors
    assert seen["visible"]
    assert "1 至 20 个字" in seen["error"]
    assert store.outbox_entries()[-1]["kind"] != Kind.FOLLOWER_TAG


# --- growth ------------------------------------------------------------------------------------


def test_growth_counts_new_followers_per_month_and_the_running_total(page):
    growth = page.chart.growth()
    assert len(growth) == 12
    assert growth[-1].month == "2026-11" and growth[0].month == "2025-12"
    # home followers: 3, 40 and 70 days ago (Nov, Oct, Sep); 400 days ago is before the window
    by_month = {g.month: (g.new, g.total) for g in growth}
    assert by_month["2026-11"] == (1, 4)
    assert by_month["2026-10"] == (1, 3)
    assert by_month["2026-09"] == (1, 2)
    assert by_month["2026-08"] == (0, 1)
    assert growth[0].total == 1  # 刘洋 followed before the twelve months
    page.org_combo.setCurrentIndex(page.org_combo.findData("below"))
    by_month = {g.month: (g.new, g.total) for g in page.chart.growth()}
    assert by_month["2026-11"] == (1, 2)  # 10 days ago
    assert by_month["2026-08"] == (1, 1)  # 100 days ago


def test_growth_months_are_china_time(store: Store):
    """A follow at 23:30 UTC on 31 October is 1 November in Jiangsu."""
    from datetime import UTC, datetime

    with store.bulk_write() as conn:
        conn.execute(
            youths.insert().values(
                id="y", name="周", phone="", school_or_employer="", region_code="", version=1
            )
        )
        conn.execute(
            followers.insert().values(
                id="f",
                org_id=HOME_ORG,
                youth_id="y",
                followed_at=datetime(2026, 10, 31, 23, 30, tzinfo=UTC),
                version=1,
            )
        )
    growth = store.read(fq.follower_growth, [HOME_ORG], NOW)
    assert {g.month: g.new for g in growth}["2026-11"] == 1


# --- notices -----------------------------------------------------------------------------------


def test_a_notice_is_queued_with_its_audience_and_undone_with_ctrl_z(
    qtbot, page, window, store: Store
):
    seen = {}

    def write(dialog: NoticeDialog) -> None:
        assert dialog.org_combo.isVisible()  # a county may send as a subordinate too
        seen["all"] = dialog.recipients_label.text()
        dialog.audience_combo.setCurrentIndex(dialog.audience_combo.findData("志愿者"))
        seen["tag"] = dialog.recipients_label.text()
        type_text(dialog.title_edit, "周末志愿服务集合时间调整")
        type_text(dialog.body_edit, "本周六改为上午八点在区团委门口集合。")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    errors = when_modal(qtbot, write)
    activate(qtbot, window)
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not errors, errors
    assert seen["all"] == "将发送给 4 位粉丝（以服务器发送时为准）"
    assert seen["tag"] == "将发送给 2 位粉丝（以服务器发送时为准）"
    entry = store.outbox_entries()[-1]
    assert entry["kind"] == Kind.NOTICE_SEND
    import json

    payload = json.loads(entry["payload"])
    assert (payload["org_id"], payload["tag"], payload["title"]) == (
        HOME_ORG,
        "志愿者",
        "周末志愿服务集合时间调整",
    )
    assert page.tabs.currentWidget() is page.notice_table
    model = page.notice_model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)
    row = {key: model.index(0, model.column_of(key)).data() for key in model.KEYS}
    assert row == {
        "title": "周末志愿服务集合时间调整",
        "org": "共青团南京市江宁区委员会",
        "audience": "标签：志愿者",
        "created_at": "2026-11-24 10:00",
        "status": "待发送",
        "recipient_count": "—",
        "sent_at": "",
    }

    assert window.undo_action.text() == "撤销 写通知“周末志愿服务集合时间调整”"
    activate(qtbot, window)
    page.notice_table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.count("notices") == 0
    assert all(e["kind"] != Kind.NOTICE_SEND for e in store.outbox_entries())
    qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=2000)


def test_a_notice_without_a_title_is_not_saved(qtbot, page, store: Store):
    seen = {}

    def write(dialog: NoticeDialog) -> None:
        type_text(dialog.body_edit, "内容")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        seen["visible"] = dialog.isVisible()
        seen["error"] = dialog._errors["title"].text()
        dialog.reject()

    errors = when_modal(qtbot, write)
    page.notice_action.trigger()
    assert not errors, errors
    assert seen == {"visible": True, "error": "请填写通知标题"}
    assert store.count("notices") == 0


def test_export_rows_come_in_the_order_and_shape_of_the_excel_exporter(page, store: Store):
    """What `sync.tools.excel.export_followers` takes (branch issue4-ui), a batch at a time."""
    ids = page.model.ids()
    rows = store.read(fq.follower_export_rows, ids[::-1])
    assert [r["name"] for r in rows] == ["刘洋", "李娜", "王芳", "张伟"]
    assert rows[-1] == {
        "name": "张伟",
        "phone": "13800001111",
        "gender": "male",
        "birth_date": date(1998, 3, 1),
        "school_or_employer": "",
        "org_name": "共青团南京市江宁区委员会",
        "followed_at": NOW - 3 * DAY,
        "source_activity_title": "江宁青年读书会",
        "activity_count": 2,
        "tags": ["志愿者"],
    }


def test_a_hidden_page_reads_changes_when_it_shows_again(qtbot, page, window, store: Store):
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not page.isVisible()
    store.tag_followers([page.ids["刘洋"]], add=["新标签"])
    qtbot.wait(50)
    assert page.tag_combo.findData("新标签") == -1  # nothing read while hidden
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.tag_combo.findData("新标签") > 0, timeout=2000)
    assert column(page, "tags")[names(page).index("刘洋")] == "新标签、返乡青年"


def test_export_excel_writes_every_listed_follower_masked(page, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "粉丝.xlsx"
    assert page.export_to(path, page.model.ids()) == 4
    header, *rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert "姓名" in header and "手机号" in header
    by_name = {row[header.index("姓名")]: row for row in rows}
    assert set(by_name) == {"刘洋", "李娜", "王芳", "张伟"}
    phone = by_name["张伟"][header.index("手机号")]
    assert phone == "138****1111"  # the page reveals nothing: always masked
    assert "13800001111" not in {str(cell) for row in rows for cell in row}


def test_undo_takes_a_bulk_action_back_off_the_ui_thread(
    qtbot, page, window, store: Store, monkeypatch
):
    """A bulk action over 50,000 followers takes seconds to take back: the window keeps
    painting because the store's part of Ctrl+Z runs on a worker."""
    import threading

    before = stored_tags(store)
    op_ids = store.tag_followers(list(page.ids.values()), add=["撤销测试"])
    window.undo_history.push(op_ids, "添加标签")
    threads: list[threading.Thread] = []
    undo_many = store.undo_many

    def recording(op_ids):
        threads.append(threading.current_thread())
        undo_many(op_ids)

    monkeypatch.setattr(store, "undo_many", recording)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_tags(store) == before
    assert threads and threads[0] is not threading.main_thread()
    assert "已撤销" in window.statusBar().currentMessage()
