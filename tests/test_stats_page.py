"""The 统计 page driven like a cadre: figures computed on a worker, sortable tables, drill-down
from a bar, PNG and Excel export, a 考核 target set and undone, and the report to hand upward."""

from __future__ import annotations

import re
from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox

from desktop.dialogs.target_dialog import TargetDialog
from desktop.main_window import MainWindow
from desktop.pages.stats import DrillDialog, StatsPage
from desktop.pages.stats_report import TEXT_AREA, build_document, page_report, write_report
from sync.core.operations import Kind
from tests.conftest import SIBLING_ORG
from tests.test_activities_page import when_modal
from tests.test_activities_page import window as window  # the fixture, shared
from tests.test_stats_queries import add_door_events
from tests.test_stats_queries import stats_store as stats_store  # the fixture, shared


def table_rows(view) -> list[list[str]]:
    model = view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


@pytest.fixture
def page(qtbot, stats_store, window: MainWindow) -> StatsPage:
    page = window.stats_page
    window.nav.setCurrentRow(window.PAGE_KEYS.index("stats"))
    page.start_edit.setDate(QDate(2026, 10, 1))
    page.end_edit.setDate(QDate(2026, 11, 30))
    qtbot.waitUntil(lambda: page._job is None and page.result is not None, timeout=10_000)
    page.refresh()  # the dates changed while a computation ran: settle on the last one
    qtbot.waitUntil(lambda: page._job is None, timeout=10_000)
    assert page.result["stats"].query.end == date(2026, 11, 30)
    return page


def test_the_page_shows_rankings_and_sorts_numbers_as_numbers(page: StatsPage):
    hot = page.panels[0]
    assert [r[:2] + r[5:8] for r in table_rows(hot.table)] == [
        ["1", "A 志愿服务日", "3", "2", "66.7%"],
        ["1", "B 读书会", "3", "2", "66.7%"],
        ["3", "C 夜跑", "0", "0", "—"],
    ]
    hot.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # 报名人数: 0 before 3
    assert table_rows(hot.table)[0][1] == "C 夜跑"
    assert "参与人次：<b>4</b>" in page.summary_label.text()
    assert "14 岁以下青年：<b>1</b>" in page.summary_label.text()


def test_the_hottest_activities_show_their_attendance_rate(qtbot, page: StatsPage, stats_store):
    add_door_events(stats_store)  # written behind the page's back: refreshed by hand
    page.refresh()
    qtbot.waitUntil(lambda: page._job is None, timeout=10_000)
    assert [(r[1], r[8]) for r in table_rows(page.panels[0].table)] == [
        ("A 志愿服务日", "50.0%"),
        ("B 读书会", "100.0%"),
        ("C 夜跑", "—"),
    ]


def test_a_bar_drills_down_to_the_activities_and_people_behind_it(qtbot, page: StatsPage):
    month = next(p for p in page.panels if p.dataset.key == "month")
    series = month.chart_view.chart().series()[0]
    series.clicked.emit(1, series.barSets()[0])  # the bar of 2026-11
    dialog = page.drill_dialog
    assert isinstance(dialog, DrillDialog)
    assert sorted(r[0] for r in table_rows(dialog.table)) == ["B 读书会", "C 夜跑"]
    hot = page.panels[0]
    series = hot.chart_view.chart().series()[0]
    series.clicked.emit(2, series.barSets()[0])  # horizontal: the top bar is the first row
    assert page.drill_dialog.windowTitle() == "报名名单：A 志愿服务日"
    assert sorted(r[0] for r in table_rows(page.drill_dialog.table)) == [
        "青年y1",
        "青年y2",
        "青年y3",
    ]
    assert all("****" in r[1] for r in table_rows(page.drill_dialog.table))
    band = next(p for p in page.panels if p.dataset.key == "band")
    band.open_row(0)  # 14 岁以下
    assert [r[0] for r in table_rows(page.drill_dialog.table)] == ["青年y2"]


def test_png_and_excel_exports(page: StatsPage, tmp_path):
    category = next(p for p in page.panels if p.dataset.key == "category")
    assert category.export_png(tmp_path / "c.png")
    assert not QImage(str(tmp_path / "c.png")).isNull()
    assert page.export_sheets(tmp_path / "c.xlsx", [category.dataset.sheet])
    sheet = load_workbook(tmp_path / "c.xlsx").active
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["类别", "活动场次", "参与人次"],
        *[list(r) for r in category.dataset.sheet.rows],
    ]


def test_a_target_is_set_for_a_subordinate_and_can_be_undone(qtbot, page, window, stats_store):
    def accept(dialog: TargetDialog) -> None:
        assert dialog.org_id() == SIBLING_ORG  # the one organisation below the county
        assert (dialog.featured_spin.value(), dialog.participants_spin.value()) == (10, 200)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    errors = when_modal(qtbot, accept)
    page.set_target_interactive()
    assert not errors
    [entry] = stats_store.outbox_entries()
    assert entry["kind"] == Kind.TARGET_SET
    qtbot.waitUntil(lambda: page.targets_table.model().rowCount() == 1, timeout=10_000)
    row = table_rows(page.targets_table)[0]
    assert row[1] == "南京市江宁高级中学团委" and row[4] == "2 / 200"
    window.undo()
    assert stats_store.outbox_entries() == []
    qtbot.waitUntil(lambda: page.targets_table.model().rowCount() == 0, timeout=10_000)


def test_the_report_holds_the_numbers_on_screen(page: StatsPage, tmp_path):
    pdf = tmp_path / "report.pdf"
    xlsx = write_report(pdf, page_report(page))
    assert pdf.read_bytes().startswith(b"%PDF")
    book = load_workbook(xlsx)
    for dataset in page.datasets:
        rows = [list(r) for r in book[dataset.sheet.title[:31]].iter_rows(values_only=True)]
        assert rows[1:] == [list(r) for r in dataset.sheet.rows]


def test_the_first_sync_fills_the_organisation_choice(qtbot, page: StatsPage, window):
    """Signed in before the first sync brought the organisations (the demo's first start): the
    organisation choice fills when they arrive, so the page does not stay at 请先登录."""
    page.org_combo.clear()  # as before the first sync
    window.events.table_changed.emit("organizations")
    assert page.org_combo.currentData() == page.home_org_id
    qtbot.waitUntil(lambda: page._job is None and page.state_label.text() == "", timeout=10_000)


def test_the_tabs_are_named_before_anything_is_computed(qtbot, window: MainWindow):
    fresh = StatsPage(window.store, window.events, window.undo_history, home_org_id=None)
    qtbot.addWidget(fresh)
    names = [fresh.tabs.tabText(i) for i in range(fresh.tabs.count())]
    assert names[0] == "最热活动" and names[-1] == "考核" and all(names)


def test_the_report_keeps_dates_whole_and_tables_on_the_page(qtbot, page: StatsPage, stats_store):
    """Dates never wrap, a period breaks only after its dash, and no table is wider than the
    page (laid out as the PDF is, on the A4 text area)."""
    period = {"period_start": date(2026, 10, 1), "period_end": date(2026, 12, 31)}
    stats_store.set_target(SIBLING_ORG, {**period, "featured_activities": 10, "participants": 200})
    qtbot.waitUntil(lambda: page._job is None and len(page.result["targets"]) == 1, timeout=10_000)
    document = build_document(page_report(page))
    width = document.size().width()  # lays the document out
    lines: dict[str, list[str]] = {}
    block = document.begin()
    while block.isValid():
        text = block.text().replace("\xa0", " ")
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}( — \d{4}-\d{2}-\d{2})?", text):
            layout = block.layout()
            found = [layout.lineAt(i) for i in range(layout.lineCount())]
            lines[text] = [text[ln.textStart() : ln.textStart() + ln.textLength()] for ln in found]
        block = block.next()
    assert lines["2026-10-05"] == ["2026-10-05"]  # an activity's start in the hottest ones
    assert lines["2026-10-01 — 2026-12-31"] in (
        ["2026-10-01 — 2026-12-31"],
        ["2026-10-01 — ", "2026-12-31"],
    )
    assert width <= TEXT_AREA.width() + 0.5
