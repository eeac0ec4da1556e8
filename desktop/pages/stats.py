"""统计: the hottest activities, the most-followed organisations, participation, follower growth
and the youth profile of an organisation (with or without its subordinates) in a period, computed
from the local data on a worker; 考核 targets and their progress; the report to hand upward."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.import_dialog import ask_export_path, file_error_text
from desktop.dialogs.target_dialog import TargetDialog
from desktop.events import StoreEvents
from desktop.pages import stats_tables as st
from desktop.pages.stats_panel import SheetModel, StatsPanel, sheet_table
from desktop.texts import rule_message, violation_text
from desktop.undo import UndoHistory
from desktop.workers import BackgroundJob, run_with_progress
from sync.client.store import Store
from sync.client.store import stats_queries as sq
from sync.client.store.follower_queries import subordinate_organizations
from sync.client.store.target_queries import target_progress
from sync.core.records import CHINA_TIME
from sync.core.rules import RuleViolation
from sync.tools import excel

# Tables whose change makes the figures stale.
WATCHED = {
    "activities",
    "registrations",
    "followers",
    "youths",
    "organizations",
    "assessment_targets",
    "checkin_events",  # attendance
}
STATUS_COLORS = {"overdue": "#fde2e1", "due_soon": "#fff1d6", "met": "#e3f4e1"}


def compute_page(store: Store, query: sq.StatsQuery, today: date) -> dict[str, Any]:
    """Everything the page shows, read in one go (on a worker), down to the rows of its tables
    and charts: the UI thread only hands them to the views."""
    stats = store.read(sq.compute, query)
    categories = {c["code"]: c["name"] for c in store.categories()}
    return {
        "stats": stats,
        "targets": store.read(target_progress, query.org_id, today),
        "categories": categories,
        "datasets": st.datasets(stats, categories),
    }


class DrillDialog(QDialog):
    """The activities or people behind one bar, with an Excel export."""

    def __init__(self, sheet: excel.Sheet, export, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.sheet = sheet
        self.setWindowTitle(sheet.title)
        self.resize(860, 480)
        self.table = sheet_table(self)
        self.table.setModel(SheetModel(sheet, self.table))
        count = QLabel(self.tr("共 {n} 条").format(n=len(sheet.rows)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.export_button = buttons.addButton(
            self.tr("导出表格 (Excel)"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.export_button.clicked.connect(lambda: export(sheet))
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(count)
        layout.addWidget(buttons)


class StatsPage(QWidget):
    figures_computed = Signal()
    """A computation ended: its figures are shown (or why it failed)."""

    def __init__(
        self,
        store: Store,
        events: StoreEvents,
        undo: UndoHistory,
        *,
        home_org_id: str | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.undo_history = undo
        self.home_org_id = home_org_id
        self.result: dict[str, Any] | None = None
        self.datasets: list[st.Dataset] = []
        self._job: BackgroundJob | None = None
        self._stale = True
        self._again = False  # asked again while computing: compute once more after

        today = self.today()
        self.org_combo = QComboBox()
        self.org_combo.setMinimumWidth(240)
        self.subordinates_check = QCheckBox(checked=True)
        self.start_edit = QDateEdit(QDate(today.year, 1, 1), calendarPopup=True)
        self.end_edit = QDateEdit(QDate(today.year, today.month, today.day), calendarPopup=True)
        for edit in (self.start_edit, self.end_edit):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.org_label, self.from_label, self.to_label = QLabel(), QLabel(), QLabel()
        self.refresh_button = QPushButton()
        self.report_button = QPushButton()
        self.state_label = QLabel(objectName="state_label")
        self.state_label.setStyleSheet("color: #666;")
        controls = QHBoxLayout()
        for widget in (
            self.org_label,
            self.org_combo,
            self.subordinates_check,
            self.from_label,
            self.start_edit,
            self.to_label,
            self.end_edit,
            self.refresh_button,
        ):
            controls.addWidget(widget)
        controls.addWidget(self.state_label, 1)
        controls.addWidget(self.report_button)
        self.summary_label = QLabel(objectName="summary")
        self.summary_label.setStyleSheet(
            "font-size: 14px; padding: 6px 8px; background: #f6f6f6; border-radius: 4px;"
        )

        self.tabs = QTabWidget()
        self.panels: list[StatsPanel] = []
        for _ in range(10):  # one per dataset of `stats_tables.datasets`
            panel = StatsPanel()
            panel.drilled.connect(self.drill)
            panel.export_excel_requested.connect(self.export_sheet_interactive)
            self.panels.append(panel)
            self.tabs.addTab(panel, "")
        self._build_targets_tab()

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)

        self.refresh_action = self._action(QKeySequence.StandardKey.Refresh, self.refresh)
        self.report_action = self._action("Ctrl+Shift+P", self.make_report_interactive)
        self.target_action = self._action("Ctrl+Shift+K", self.set_target_interactive)
        self.refresh_button.clicked.connect(self.refresh)
        self.report_button.clicked.connect(self.make_report_interactive)
        self.org_combo.currentIndexChanged.connect(lambda _: self.refresh())
        self.subordinates_check.toggled.connect(lambda _: self.refresh())
        self.start_edit.dateChanged.connect(lambda _: self.refresh())
        self.end_edit.dateChanged.connect(lambda _: self.refresh())
        events.table_changed.connect(self._on_table_changed)
        self.retranslate()

    def _action(self, shortcut, slot) -> QAction:
        action = QAction(self)
        action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_targets_tab(self) -> None:
        self.targets_table = sheet_table()
        self.targets_table.doubleClicked.connect(lambda _: self.set_target_interactive(edit=True))
        self.targets_note = QLabel(wordWrap=True)
        self.targets_note.setStyleSheet("color: #666;")
        self.set_target_button = QPushButton()
        self.set_target_button.clicked.connect(lambda: self.set_target_interactive())
        self.edit_target_button = QPushButton()
        self.edit_target_button.clicked.connect(lambda: self.set_target_interactive(edit=True))
        self.targets_excel_button = QPushButton()
        self.targets_excel_button.clicked.connect(
            lambda: (
                self.result
                and self.export_sheet_interactive(st.targets_sheet(self.result["targets"]))
            )
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.targets_note, 1)
        for button in (self.set_target_button, self.edit_target_button, self.targets_excel_button):
            buttons.addWidget(button)
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.targets_table, 1)
        layout.addLayout(buttons)
        self.tabs.addTab(tab, "")

    def retranslate(self) -> None:
        self.org_label.setText(self.tr("组织"))
        self.subordinates_check.setText(self.tr("含下级组织"))
        self.from_label.setText(self.tr("从"))
        self.to_label.setText(self.tr("至"))
        self.refresh_button.setText(self.tr("刷新 (F5)"))
        self.refresh_action.setText(self.tr("刷新统计"))
        self.report_button.setText(self.tr("生成上报材料…"))
        self.report_button.setToolTip(self.tr("PDF 和 Excel，数字与屏幕一致 (Ctrl+Shift+P)"))
        self.set_target_button.setText(self.tr("下达考核目标… (Ctrl+Shift+K)"))
        self.edit_target_button.setText(self.tr("修改所选目标…"))
        self.targets_excel_button.setText(self.tr("导出表格 (Excel)"))
        self.targets_note.setText(
            self.tr(
                "考核目标由上级下达（默认：精品活动 10 场、参与 200 人次），"
                "按被考核组织及其下级在考核期内的活动统计；截止前 {days} 天未完成的标为临近截止。"
            ).format(days=14)
        )
        for panel in self.panels:
            panel.retranslate()
        self._fill_orgs()
        if self.result is not None:  # the tables' texts were made in the former language
            self.result["datasets"] = st.datasets(self.result["stats"], self.result["categories"])
        self._show_result()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- choosing -----------------------------------------------------------------------------

    def today(self) -> date:
        return self.store.clock().astimezone(CHINA_TIME).date()

    def _fill_orgs(self) -> None:
        chosen = self.org_combo.currentData()
        self.org_combo.blockSignals(True)
        self.org_combo.clear()
        if self.home_org_id:
            orgs = {o["id"]: o for o in self.store.organizations()}
            home = orgs.get(self.home_org_id)
            if home:
                self.org_combo.addItem(home["name"], home["id"])
            for org in self.store.read(subordinate_organizations, self.home_org_id):
                self.org_combo.addItem("　" + org["name"], org["id"])
        index = self.org_combo.findData(chosen)
        self.org_combo.setCurrentIndex(max(index, 0))
        self.org_combo.blockSignals(False)

    def set_home(self, home_org_id: str | None) -> None:
        self.home_org_id = home_org_id
        self._fill_orgs()
        self.refresh()

    def query(self) -> sq.StatsQuery | None:
        org_id = self.org_combo.currentData()
        if not org_id:
            return None
        return sq.StatsQuery(
            org_id,
            self.subordinates_check.isChecked(),
            self.start_edit.date().toPython(),
            self.end_edit.date().toPython(),
        )

    # --- computing ----------------------------------------------------------------------------

    def _on_table_changed(self, table: str) -> None:
        if table == "organizations":  # the first sync brings the home organisation's tree
            self._fill_orgs()
        if table in WATCHED:
            self._stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        """Compute the figures on a worker; the window stays responsive meanwhile."""
        query = self.query()
        if query is None:
            self.state_label.setText(self.tr("请先登录并同步，才能看到本组织的统计"))
            return
        if query.end < query.start:
            self.state_label.setText(self.tr("结束日期不能早于开始日期"))
            return
        if self._job is not None:
            self._again = True
            return
        self._stale = False
        self.state_label.setText(self.tr("正在计算…"))
        today = self.today()
        self._job = BackgroundJob(lambda _p, _c: compute_page(self.store, query, today), self)
        self._job.finished.connect(self._on_computed)
        self._job.start()

    def _on_computed(self, result: Any, error: BaseException | None) -> None:
        self._job = None
        if error is not None:
            self.state_label.setText(self.tr("统计失败：{error}").format(error=error))
        else:
            self.result = result
            self.state_label.setText("")
            self._show_result()
        if self._again:
            self._again = False
            self.refresh()
        self.figures_computed.emit()

    def wait_idle(self, ms: int = 30_000) -> bool:
        """At shutdown: wait until no computation runs (its thread reads the database)."""
        return self._job is None or self._job.wait(ms)

    def _show_result(self) -> None:
        if self.result is None:  # nothing computed yet: the tabs still say what they will show
            empty = sq.Stats(sq.StatsQuery("", True, self.today(), self.today()), {})
            for i, dataset in enumerate(st.datasets(empty, {})):
                self.tabs.setTabText(i, dataset.title)
            self.tabs.setTabText(len(self.panels), self.tr("考核"))
            return
        stats = self.result["stats"]
        self.datasets = self.result["datasets"]
        for i, (panel, dataset) in enumerate(zip(self.panels, self.datasets, strict=True)):
            panel.set_dataset(dataset)
            self.tabs.setTabText(i, dataset.title)
        self.tabs.setTabText(len(self.panels), self.tr("考核"))
        self.summary_label.setText(
            "&nbsp;&nbsp;·&nbsp;&nbsp;".join(
                f"{name}：<b>{value}</b>" for name, value in st.summary_items(stats)
            )
        )
        self._show_targets()

    def _show_targets(self) -> None:
        progress = self.result["targets"]
        colours = [STATUS_COLORS.get(p.status) for p in progress]
        self.targets_table.setModel(
            SheetModel(st.targets_sheet(progress), self.targets_table, backgrounds=colours)
        )
        self.set_target_button.setEnabled(bool(self._target_orgs()))

    # --- drill-down and export ----------------------------------------------------------------

    def drill(self, kind: str, key: str) -> None:
        if self.result is None:
            return
        stats: sq.Stats = self.result["stats"]
        names = self.result["categories"]
        category = lambda code: names.get(code, code)  # noqa: E731
        if kind == "activity":
            activity = next(a for a in stats.activities if a.id == key)
            people = self.store.read(sq.activity_people, key)
            sheet = st.people_sheet(
                self.tr("报名名单：{title}").format(title=activity.title), people
            )
        elif kind.startswith("activities:"):
            items = stats.activities_behind(kind.split(":", 1)[1], key)
            sheet = st.activities_sheet(self.tr("相关活动"), items, category)
        else:
            dimension = kind.split(":", 1)[1]
            # read now, off the UI thread: a county's bar of women is 26,000 people, 0.3 s
            people = run_with_progress(
                lambda _p, _c: self.store.read(sq.participants, stats.query, dimension, key),
                self.tr("正在计算…"),
                parent=self,
                cancellable=False,
            )
            sheet = st.youths_sheet(self.tr("参与青年"), people)
        self.drill_dialog = DrillDialog(sheet, self.export_sheet_interactive, parent=self)
        self.drill_dialog.show()

    def export_sheet_interactive(self, sheet: excel.Sheet) -> None:
        path = ask_export_path(self, f"{sheet.title}-{self.today():%Y%m%d}.xlsx")
        if path:
            self.export_sheets(path, [sheet])

    def export_sheets(self, path: Path, sheets: list[excel.Sheet]) -> bool:
        try:
            run_with_progress(
                lambda _p, _c: excel.export_sheets(path, sheets),
                self.tr("正在导出…"),
                parent=self,
                cancellable=False,
            )
        except excel.ExcelFileError as error:
            QMessageBox.warning(
                self, self.tr("导出失败"), file_error_text(error.code, error.params)
            )
            return False
        self.window().statusBar().showMessage(self.tr("已导出到 {path}").format(path=path), 8000)
        return True

    # --- 考核 targets ---------------------------------------------------------------------------

    def _target_orgs(self) -> list[tuple[str, str]]:
        """The organisations below the signed-in one: only those get targets from here."""
        if not self.home_org_id:
            return []
        return [
            (o["id"], o["name"])
            for o in self.store.read(subordinate_organizations, self.home_org_id)
        ]

    def selected_target(self):
        rows = (
            self.targets_table.selectionModel().selectedRows() if self.targets_table.model() else []
        )
        if not rows or self.result is None:
            return None
        return self.result["targets"][int(rows[0].data(Qt.ItemDataRole.UserRole))]

    def set_target_interactive(self, *, edit: bool = False) -> None:
        current = None
        if edit:
            target = self.selected_target()
            if target is None:
                return
            if target.org_id == self.home_org_id:
                QMessageBox.information(self, self.tr("考核目标"), rule_message("target_own_org"))
                return
            current = {
                "id": target.id,
                "org_id": target.org_id,
                "period_start": target.period_start,
                "period_end": target.period_end,
                "featured_activities": target.featured_target,
                "participants": target.participants_target,
            }
        orgs = self._target_orgs()
        if not orgs:
            return
        query = self.query()
        period = (query.start, query.end) if query else (self.today(), self.today())
        dialog = TargetDialog(orgs, period=period, current=current, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            op_id, _ = self.store.set_target(
                dialog.org_id(), dialog.fields(), current["id"] if current else None
            )
        except RuleViolation as error:
            QMessageBox.warning(self, self.tr("无法保存考核目标"), violation_text(error))
            return
        name = dialog.org_combo.currentText()
        self.undo_history.push(op_id, self.tr("考核目标（{org}）").format(org=name))
        self.window().statusBar().showMessage(
            self.tr("已保存{org}的考核目标，同步后下达").format(org=name), 8000
        )

    # --- the report ---------------------------------------------------------------------------

    def make_report_interactive(self) -> None:
        from desktop.pages.stats_report import make_report_interactive

        make_report_interactive(self)
