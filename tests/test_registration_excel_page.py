"""The 报名审核 page's personal data and Excel: reveal with and without the permission, masked
and full exports, and imports of walk-in lists that preview, then import all good rows or none."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QMessageBox

from desktop.dialogs.import_dialog import ImportDialog, PreviewModel
from sync.client.store import Store
from sync.core import operations
from sync.core.operations import Kind
from tests.excel_files import office_files
from tests.test_activities_page import when_modal
from tests.test_registrations_page import (
    NAMES,
    click_row,
    open_activity,
    open_window,
    seed,
    sign_in,
    statuses,
)

__all__ = ["office_files"]  # the session fixture of LibreOffice-written lists


@pytest.fixture
def window(qtbot, store: Store, tmp_path):
    return open_window(qtbot, store, tmp_path)


def test_reveal_needs_the_permission(qtbot, window, store):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    click_row(qtbot, page, 0)
    before = len(store.outbox_entries())
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    errors = when_modal(qtbot, read)
    page.reveal_action.trigger()  # not signed in: no permission
    assert not errors, errors
    assert "没有查看完整个人信息的权限" in seen[0]
    assert "13900000000" not in seen[0]
    assert len(store.outbox_entries()) == before

    # With the permission, the whole numbers come from the server (this device keeps them
    # masked; tests/server/test_review_page_e2e.py shows one): here there is none to ask.
    sign_in(store, ["reveal_personal_data"])
    errors = when_modal(qtbot, read)
    page.reveal_action.trigger()
    assert not errors, errors
    assert "13900000000" not in seen[1] and "登录" in seen[1]
    assert len(store.outbox_entries()) == before  # nothing is queued: the server keeps the log
    assert page.model.index(0, 1).data() == "139****0000"  # the table stays masked


def test_export_is_masked_and_a_full_one_needs_the_permission(qtbot, window, store, tmp_path):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    path = tmp_path / "list.xlsx"
    assert page.excel.export_to(path) == 5
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == NAMES
    assert rows[1][1] == "139****0000"

    errors = when_modal(qtbot, lambda box: box.accept())
    assert page.excel.export_to(tmp_path / "full.xlsx", full=True) is None  # no permission
    assert not errors, errors
    assert not (tmp_path / "full.xlsx").exists()

    sign_in(store, ["reveal_personal_data"])  # but no server to give the whole numbers
    before = len(store.outbox_entries())
    errors = when_modal(qtbot, lambda box: box.accept())
    assert page.excel.export_to(tmp_path / "full.xlsx", full=True) is None
    assert not errors, errors
    assert not (tmp_path / "full.xlsx").exists()
    assert len(store.outbox_entries()) == before


# --- import ----------------------------------------------------------------------------------


def shot_dir():
    """Screenshots of the import steps, for a person to look at (not compared)."""
    import os
    from pathlib import Path

    folder = Path(os.environ.get("SUQING_SHOTS", "/tmp/suqing-shots")) / "excel-import"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def walk_in_list(path, rows) -> object:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "手机号", "性别", "出生日期", "学校/单位", "身份证号"])
    for values in rows:
        sheet.append(values)
    workbook.save(path)
    return path


WALK_INS = [
    ["吴一", "13700000001", "男", "2001-01-01", "江宁区东山街道", ""],
    ["郑二", "1370000", "女", "", "", ""],  # row 3: phone too short
    ["冯三", "13700000003", "女", "2002-02-02", "", ""],
    ["陈四", "13900000000", "男", "", "", ""],  # row 5: 陈一鸣's phone, already registered
    ["褚五", "13700000005", "男", "2003-03-03", "", ""],
]


def test_import_preview_names_bad_rows_and_imports_exactly_the_good_ones(
    qtbot, window, store, tmp_path
):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    path = walk_in_list(tmp_path / "walk-in.xlsx", WALK_INS)
    seen: dict = {}

    def confirm(dialog: ImportDialog) -> None:
        seen["summary"] = dialog.summary.text()
        seen["button"] = dialog.import_button.text()
        model = dialog.model
        seen["problems"] = {
            model.index(r, 0).data(): model.index(r, model.columnCount() - 1).data()
            for r in range(model.rowCount())
            if model.index(r, model.columnCount() - 1).data()
        }
        dialog.import_button.click()

    errors = when_modal(qtbot, confirm)
    assert page.excel.import_file(path) == 3
    assert not errors, errors
    assert "3 行有效" in seen["summary"] and "2 行有问题" in seen["summary"]
    assert seen["button"] == "导入 3 条有效记录"
    assert seen["problems"] == {
        "3": "手机号应为 11 位数字，以 1 开头",
        "5": "手机号或身份证号属于已存青年“陈一鸣”，其已报名此活动",
    }
    result = statuses(store, activity_id)
    assert {"吴一", "冯三", "褚五"} <= set(result) and "郑二" not in result
    assert len(result) == 8
    assert window.undo_action.text() == "撤销 导入 3 条报名"
    window.undo_action.trigger()
    assert len(statuses(store, activity_id)) == 5


def test_cancelled_import_imports_nothing(qtbot, window, store, tmp_path):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    before = len(store.outbox_entries())
    errors = when_modal(qtbot, lambda dialog: dialog.cancel_button.click())
    assert page.excel.import_file(walk_in_list(tmp_path / "w.xlsx", WALK_INS)) is None
    assert not errors, errors
    assert len(statuses(store, activity_id)) == 5
    assert len(store.outbox_entries()) == before


def test_a_failure_half_way_imports_nothing(qtbot, window, store, tmp_path, monkeypatch):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    rows = [[f"青年{i}", f"137{i:08d}", "男", "", "", ""] for i in range(80)]
    path = walk_in_list(tmp_path / "big.xlsx", rows)
    create = operations.HANDLERS[Kind.REGISTRATION_CREATE]
    calls = {"n": 0}

    def failing(ctx, payload):
        calls["n"] += 1
        if calls["n"] == 40:
            raise OSError("disk full")
        return create(ctx, payload)

    monkeypatch.setitem(operations.HANDLERS, Kind.REGISTRATION_CREATE, failing)
    before = len(store.outbox_entries())
    seen: list[str] = []

    def confirm(dialog: ImportDialog) -> None:
        def read(box: QMessageBox) -> None:
            seen.append(box.text())
            box.accept()

        when_modal(qtbot, read)
        dialog.import_button.click()

    errors = when_modal(qtbot, confirm)
    assert page.excel.import_file(path) is None
    assert not errors, errors
    assert calls["n"] == 40
    assert "没有导入任何记录" in seen[0] and "disk full" in seen[0]
    assert len(statuses(store, activity_id)) == 5
    assert len(store.outbox_entries()) == before


def test_a_rule_refusing_one_row_imports_nothing_and_names_the_row(
    qtbot, window, store, tmp_path, monkeypatch
):
    from sync.core.rules import RuleViolation

    activity_id = seed(store)
    page = open_activity(window, activity_id)
    rows = [[f"青年{i}", f"137{i:08d}", "男", "", "", ""] for i in range(80)]
    path = walk_in_list(tmp_path / "big.xlsx", rows)
    create = operations.HANDLERS[Kind.REGISTRATION_CREATE]

    def refuse_57(ctx, payload):
        if payload.youth["name"] == "青年55":  # sheet row 57 (header is row 1)
            raise RuleViolation("reject_reason_required")
        return create(ctx, payload)

    monkeypatch.setitem(operations.HANDLERS, Kind.REGISTRATION_CREATE, refuse_57)
    seen: list[str] = []

    def confirm(dialog: ImportDialog) -> None:
        def read(box: QMessageBox) -> None:
            seen.append(box.text())
            box.accept()

        when_modal(qtbot, read)
        dialog.import_button.click()

    errors = when_modal(qtbot, confirm)
    assert page.excel.import_file(path) is None
    assert not errors, errors
    assert seen and seen[0].startswith("第 57 行：") and "没有导入任何记录" in seen[0]
    assert len(statuses(store, activity_id)) == 5


def test_the_preview_opens_in_row_order_without_sorting_and_sorts_on_a_click(qtbot):
    # The rows come in row order: sorting 5,000 of them (twice) asked the model for a row number
    # 109,000 times (0.2-0.4 s of the preview); the 行号 arrow still shows, and a click sorts.
    from datetime import date

    from PySide6.QtCore import QPoint, Qt

    from sync.tools import registration_import as ri
    from sync.tools.spreadsheet import Sheet, Workbook, detect_layout

    sheet = Sheet("名单", [["姓名", "手机号"], *([f"青年{i}", f"137{i:08d}"] for i in range(500))])
    preview = ri.build_preview(sheet, detect_layout(ri.SPEC, sheet), today=date(2026, 11, 24))
    asked = {"n": 0}
    data = PreviewModel.data

    def counted(model, index, role=Qt.ItemDataRole.DisplayRole):
        asked["n"] += 1
        return data(model, index, role)

    PreviewModel.data = counted  # type: ignore[method-assign]
    try:
        dialog = ImportDialog(
            Workbook([sheet]), preview, activity="沙龙", rebuild=lambda _: preview
        )
        qtbot.addWidget(dialog)
    finally:
        PreviewModel.data = data  # type: ignore[method-assign]
    assert asked["n"] < 1000, asked  # was 7,600: two sorts of 500 rows
    header = dialog.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    numbers = lambda: [dialog.proxy.index(r, 0).data() for r in (0, 1, 499)]  # noqa: E731
    assert numbers() == ["2", "3", "501"]
    dialog.show()
    qtbot.waitExposed(dialog)
    middle = QPoint(header.sectionViewportPosition(0) + header.sectionSize(0) // 2, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert numbers() == ["501", "500", "2"]


def test_the_mapping_step_chooses_a_sheet_remaps_a_column_and_remembers_it(
    qtbot, window, store, office_files, tmp_path
):
    from PySide6.QtCore import QSettings

    QSettings().remove("import")  # nothing remembered from another test
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    seen: dict = {}

    def choose_sheet(dialog: ImportDialog) -> None:
        step = dialog.mapping
        seen["sheets"] = [step.sheet_box.itemText(i) for i in range(step.sheet_box.count())]
        seen["hidden"] = step.hidden_note.text()
        seen["first"] = [r.values["name"] for r in dialog.preview.rows]
        step.sheet_box.setCurrentText("一班")
        seen["chosen"] = [r.values["name"] for r in dialog.preview.rows]
        dialog.grab().save(str(shot_dir() / "mapping-sheets.png"))
        assert dialog.import_button.isEnabled()  # else the click would leave the dialog open
        dialog.import_button.click()

    errors = when_modal(qtbot, choose_sheet)
    assert page.excel.import_file(office_files["sheets"]) == 1
    assert not errors, errors
    assert seen["sheets"] == ["二班", "一班"]  # the hidden 填表说明 is not offered
    assert "填表说明" in seen["hidden"]
    assert seen["first"] == ["二班甲", "二班乙"] and seen["chosen"] == ["一班甲"]
    assert "一班甲" in statuses(store, activity_id)

    def remap(dialog: ImportDialog) -> None:
        seen["missing"] = dialog.summary.text()
        seen["enabled"] = dialog.import_button.isEnabled()
        phone = dialog.mapping.columns["phone"]
        phone.setCurrentIndex(phone.findData(1))  # column B: 微信（同手机）
        seen["button"] = dialog.import_button.text()
        dialog.grab().save(str(shot_dir() / "mapping-remapped.png"))
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()

    errors = when_modal(qtbot, remap)
    assert page.excel.import_file(office_files["unknown_header"]) == 2
    assert not errors, errors
    assert "手机号" in seen["missing"] and not seen["enabled"]
    assert seen["button"] == "导入 2 条有效记录"
    assert {"微一", "微二"} <= set(statuses(store, activity_id))

    # the next list with that header is mapped as the cadre mapped it last time
    other = seed(store, names=["别的活动"], first=90)
    page = open_activity(window, other)

    def remembered(dialog: ImportDialog) -> None:
        seen["phone"] = dialog.mapping.columns["phone"].currentData()
        dialog.cancel_button.click()

    errors = when_modal(qtbot, remembered)
    assert page.excel.import_file(office_files["unknown_header"]) is None
    assert not errors, errors
    assert seen["phone"] == 1


def test_a_conflict_is_settled_by_the_cadre_in_the_preview(qtbot, window, store, tmp_path):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    other = seed(store, names=["王芳"], first=50, title="另一个活动")
    assert other
    # 王芳's phone under another name, and a new youth
    path = walk_in_list(
        tmp_path / "conflict.xlsx",
        [["李娜", "13900000050", "女", "", "", ""], ["新人", "13700000009", "男", "", "", ""]],
    )
    seen: dict = {}

    def settle(dialog: ImportDialog) -> None:
        seen["before"] = dialog.import_button.text()
        seen["summary"] = dialog.summary.text()
        view = dialog.table
        row = next(
            r for r in range(dialog.proxy.rowCount()) if dialog.proxy.index(r, 1).data() == "李娜"
        )
        seen["note"] = dialog.proxy.index(row, PreviewModel.NOTES).data()
        view.selectRow(row)
        dialog.use_stored.click()
        seen["after"] = dialog.import_button.text()
        seen["settled"] = dialog.proxy.index(row, PreviewModel.NOTES).data()
        dialog.grab().save(str(shot_dir() / "conflict-settled.png"))
        assert dialog.import_button.isEnabled()
        dialog.import_button.click()

    errors = when_modal(qtbot, settle)
    assert page.excel.import_file(path) == 2
    assert not errors, errors
    assert seen["before"] == "导入 1 条有效记录" and seen["after"] == "导入 2 条有效记录"
    assert "1 行与已存青年冲突" in seen["summary"]
    assert "手机号属于已存青年“王芳”" in seen["note"]
    assert "将报名已存青年“王芳”" in seen["settled"]
    result = statuses(store, activity_id)
    assert "王芳" in result and "李娜" not in result and "新人" in result


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("not_a_spreadsheet", "不是 Excel 工作簿"),
        ("encrypted", "设了打开密码"),
        ("damaged", "已损坏"),
        ("masked", "脱敏导出的名单"),
        ("empty", "没有任何报名数据"),
    ],
)
def test_each_file_problem_says_so_and_writes_nothing(
    qtbot, window, store, office_files, name, words
):
    activity_id = seed(store)
    page = open_activity(window, activity_id)
    before = len(store.outbox_entries())
    seen: list[str] = []
    errors = when_modal(qtbot, lambda box: (seen.append(box.text()), box.accept()))
    assert page.excel.import_file(office_files[name]) is None
    assert not errors, errors
    assert words in seen[0]
    assert len(store.outbox_entries()) == before


def test_export_asks_masked_or_full_when_the_account_may(
    qtbot, window, store, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    activity_id = seed(store)
    page = open_activity(window, activity_id)
    target = tmp_path / "名单"
    # The save dialog is the platform's own: the test answers it with a path.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))

    page.excel.export_interactive()  # no permission: no question, masked
    assert load_workbook(target.with_suffix(".xlsx")).active["B2"].value == "139****0000"

    sign_in(store, ["reveal_personal_data"])
    seen: list[str] = []

    def full(box: QMessageBox) -> None:
        seen.append(box.text())
        # then the server is asked for the whole numbers: there is none here, which is said
        errors.extend(when_modal(qtbot, lambda box: (seen.append(box.text()), box.accept())))
        next(b for b in box.buttons() if b.text() == "导出完整信息").click()

    errors: list = []
    errors.extend(when_modal(qtbot, full))
    target.with_suffix(".xlsx").unlink()
    page.excel.export_interactive()
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert not errors, errors
    assert seen[0] == "导出 5 条报名。手机号和身份证号要脱敏吗？"
    assert "登录" in seen[1]
    assert not target.with_suffix(".xlsx").exists()  # no whole numbers: no file

    errors = when_modal(
        qtbot, lambda box: next(b for b in box.buttons() if b.text() == "取消").click()
    )
    page.excel.export_interactive()
    assert not errors, errors
    assert not target.with_suffix(".xlsx").exists()
