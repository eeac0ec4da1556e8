"""活动: the organisation's activities, filtered by region, time, category and status, with search,
and the commands a cadre runs on them (create, edit, duplicate, publish, cancel, complete)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.events import StoreEvents
from desktop.models.activity_table import ActivityTableModel
from desktop.texts import label, local_time, phase_text, violation_text
from desktop.undo import UndoHistory
from desktop.widgets.record_table import record_table
from desktop.widgets.region_combo import RegionCombo
from sync.client.store import ActivityQuery, Store
from sync.core.records import ACTIVITY_EDITABLE_FIELDS, CHINA_TIME, ActivityStatus, Phase
from sync.core.rules import RuleViolation, can_transition

if TYPE_CHECKING:  # imported when a dialog opens: the start page shows sooner without it
    from desktop.dialogs.activity_dialog import ActivityDialog

SEARCH_DELAY_MS = 250  # wait for the user to pause typing before querying


class ActivitiesPage(QWidget):
    organization_requested = Signal(str)
    """The user asked for the organisation page of the selected activity's organiser."""

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
        self.model = ActivityTableModel(store, parent=self)

        with self.model.hold():  # the first screen costs one query, not one per step below
            self._build_filters()
            self._build_actions()
            self._build_table()

            layout = QVBoxLayout(self)
            layout.addWidget(self.toolbar)
            layout.addLayout(self.filter_row)
            layout.addWidget(self.table, 1)

            self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
            self.search_timer.timeout.connect(self.apply_filters)
            events.table_changed.connect(self._on_table_changed)
            self.model.query_finished.connect(self._on_query_finished)
            self.retranslate()
            self.model.set_query(ActivityQuery(sort="starts_at", descending=True))
            self.table.horizontalHeader().setSortIndicator(
                ActivityTableModel.KEYS.index("starts_at"), Qt.SortOrder.DescendingOrder
            )

    # --- building ----------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.region_combo = RegionCombo(include_all=True)
        self.time_combo = QComboBox()
        self.date_from = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_until = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        today = QDate.currentDate()
        self.date_from.setDate(today.addDays(-30))
        self.date_until.setDate(today.addDays(30))
        self.category_combo = QComboBox()
        self.status_combo = QComboBox()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(200)
        self.count_label = QLabel()
        self.count_label.setObjectName("count_label")

        self.filter_row = QHBoxLayout()
        self._filter_labels = [QLabel() for _ in range(4)]
        for lbl, widget in zip(
            self._filter_labels,
            [self.region_combo, self.time_combo, self.category_combo, self.status_combo],
            strict=True,
        ):
            self.filter_row.addWidget(lbl)
            self.filter_row.addWidget(widget)
            if widget is self.time_combo:
                self.filter_row.addWidget(self.date_from)
                self.filter_row.addWidget(self.date_until)
        self.filter_row.addWidget(self.search_edit, 1)
        self.filter_row.addWidget(self.count_label)

        self.region_combo.region_changed.connect(self.apply_filters)
        self.time_combo.currentIndexChanged.connect(self._on_time_preset)
        self.date_from.dateChanged.connect(self.apply_filters)
        self.date_until.dateChanged.connect(self.apply_filters)
        self.category_combo.currentIndexChanged.connect(self.apply_filters)
        self.status_combo.currentIndexChanged.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _: self.search_timer.start())
        self.search_edit.returnPressed.connect(self.apply_filters)

    def _action(self, shortcut: str | QKeySequence.StandardKey | None, slot: Any) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            # Window-wide, but only while this page is visible (Qt skips hidden widgets).
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(QKeySequence.StandardKey.New, self.create_activity)
        self.edit_action = self._action("Ctrl+E", self.edit_selected)
        self.duplicate_action = self._action("Ctrl+D", self.duplicate_selected)
        self.publish_action = self._action(
            "Ctrl+P", lambda: self.transition(ActivityStatus.PUBLISHED)
        )
        self.cancel_action = self._action(None, lambda: self.transition(ActivityStatus.CANCELLED))
        self.complete_action = self._action(None, lambda: self.transition(ActivityStatus.COMPLETED))
        self.delete_action = self._action(QKeySequence.StandardKey.Delete, self.delete_selected)
        self.search_action = self._action(QKeySequence.StandardKey.Find, self._focus_search)
        self.clear_action = self._action(None, self.clear_filters)
        self.org_action = self._action("Ctrl+O", self.open_organizer)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.edit_action, self.duplicate_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        for action in (
            self.publish_action,
            self.cancel_action,
            self.complete_action,
            self.delete_action,
        ):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.org_action)
        self.toolbar.addAction(self.clear_action)

    def _build_table(self) -> None:
        self.table = record_table(
            self.model,
            stretch=0,
            widths={1: 72, 2: 200, 3: 100, 4: 190, 5: 150, 6: 100, 7: 48},
        )
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.activated.connect(lambda _: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

    def retranslate(self) -> None:
        for lbl, text in zip(
            self._filter_labels,
            [self.tr("地区"), self.tr("时间"), self.tr("类别"), self.tr("状态")],
            strict=True,
        ):
            lbl.setText(text)
        self._fill_combo(
            self.time_combo,
            [
                (self.tr("全部时间"), None),
                (self.tr("今天"), "today"),
                (self.tr("本周"), "week"),
                (self.tr("本月"), "month"),
                (self.tr("未来 30 天"), "next30"),
                (self.tr("过去 30 天"), "past30"),
                (self.tr("自定义…"), "custom"),
            ],
        )
        categories = [(c["name"], c["code"]) for c in self.store.categories()]
        self._fill_combo(self.category_combo, [(self.tr("全部类别"), None), *categories])
        self._fill_combo(
            self.status_combo,
            [(self.tr("全部状态"), None), *[(phase_text(p), p.value) for p in Phase]],
        )
        self.search_edit.setPlaceholderText(self.tr("搜索名称、地点、简介或组织（Ctrl+F）"))
        texts = {
            self.new_action: (self.tr("新建活动"), self.tr("新建一个活动草稿 (Ctrl+N)")),
            self.edit_action: (self.tr("编辑"), self.tr("编辑选中的活动 (Ctrl+E 或回车)")),
            self.duplicate_action: (
                self.tr("复制为新活动"),
                self.tr("以选中活动为模板新建 (Ctrl+D)"),
            ),
            self.publish_action: (self.tr("发布"), self.tr("发布选中的草稿 (Ctrl+P)")),
            self.cancel_action: (self.tr("取消活动"), self.tr("取消选中的活动")),
            self.complete_action: (self.tr("标记完成"), self.tr("活动结束后标记为已完成")),
            self.delete_action: (self.tr("删除草稿"), self.tr("删除选中的草稿 (Delete)")),
            self.clear_action: (self.tr("清除筛选"), self.tr("显示全部活动")),
            self.org_action: (
                self.tr("主办组织"),
                self.tr("打开选中活动主办组织的组织页 (Ctrl+O)"),
            ),
            self.search_action: (self.tr("搜索"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
        self._on_time_preset()
        self._on_query_finished(self.model.rowCount())
        self.model.retranslate()
        self._update_actions()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- filters -----------------------------------------------------------------------------

    def _on_time_preset(self) -> None:
        custom = self.time_combo.currentData() == "custom"
        self.date_from.setVisible(custom)
        self.date_until.setVisible(custom)
        self.apply_filters()

    def _time_range(self) -> tuple[datetime | None, datetime | None]:
        preset = self.time_combo.currentData()
        if preset is None:
            return None, None
        today = local_time(self.store.clock()).replace(hour=0, minute=0, second=0, microsecond=0)
        if preset == "custom":
            start = datetime(*self.date_from.date().getDate(), tzinfo=CHINA_TIME)
            end = datetime(*self.date_until.date().getDate(), tzinfo=CHINA_TIME)
            return start, end + timedelta(days=1)
        if preset == "today":
            return today, today + timedelta(days=1)
        if preset == "week":
            monday = today - timedelta(days=today.weekday())
            return monday, monday + timedelta(days=7)
        if preset == "month":
            first = today.replace(day=1)
            return first, (first + timedelta(days=32)).replace(day=1)
        if preset == "next30":
            return today, today + timedelta(days=31)
        return today - timedelta(days=30), today + timedelta(days=1)  # past30

    def current_query(self) -> ActivityQuery:
        time_from, time_until = self._time_range()
        status = self.status_combo.currentData()
        return replace(
            self.model.query,
            region_code=self.region_combo.code() or None,
            time_from=time_from,
            time_until=time_until,
            category=self.category_combo.currentData(),
            phase=Phase(status) if status else None,
            text=self.search_edit.text().strip(),
        )

    def apply_filters(self) -> None:
        self.search_timer.stop()
        selected = self.selected_id()
        self.model.set_query(self.current_query())
        self._select(selected)

    def clear_filters(self) -> None:
        for combo in (self.region_combo, self.time_combo, self.category_combo, self.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._on_time_preset()

    def _focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _on_query_finished(self, count: int) -> None:
        self.count_label.setText(self.tr("共 {n} 个活动").format(n=count))

    def _on_table_changed(self, table: str) -> None:
        if table in ("activities", "organizations", "registrations", "categories"):
            selected = self.selected_id()
            self.model.reload()
            self._select(selected)

    # --- selection ---------------------------------------------------------------------------

    def open_organizer(self) -> None:
        row = self.store.activity(self.selected_id() or "")
        if row is not None:
            self.organization_requested.emit(row["org_id"])

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def _select(self, activity_id: str | None) -> None:
        row = self.model.row_of(activity_id) if activity_id else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        self._update_actions()

    def _update_actions(self) -> None:
        activity_id = self.selected_id()
        row = self.store.activity(activity_id) if activity_id else None
        status = ActivityStatus(row["status"]) if row else None
        self.edit_action.setEnabled(row is not None)
        self.duplicate_action.setEnabled(row is not None)
        self.org_action.setEnabled(row is not None)
        for action, target in (
            (self.publish_action, ActivityStatus.PUBLISHED),
            (self.cancel_action, ActivityStatus.CANCELLED),
            (self.complete_action, ActivityStatus.COMPLETED),
        ):
            action.setEnabled(status is not None and can_transition(status, target))
        self.delete_action.setEnabled(status is ActivityStatus.DRAFT)

    # --- commands ----------------------------------------------------------------------------

    def _dialog(self, *, initial: dict[str, Any] | None, editing: bool) -> ActivityDialog:
        from desktop.dialogs.activity_dialog import ActivityDialog

        orgs = self.store.organizations()
        return ActivityDialog(
            categories=self.store.categories(),
            organizations=orgs,
            reference=self.store.reference,
            initial=initial,
            org_id=(initial or {}).get("org_id") or self.home_org_id,
            editing=editing,
            now=self.store.clock(),
            parent=self,
        )

    def _run(self, command: Any, done_label: str) -> Any:
        """Run a store command; show a refusal in plain words; record the action for undo."""
        try:
            op_id = command()
        except RuleViolation as error:
            QMessageBox.warning(self, self.tr("无法完成"), violation_text(error))
            return None
        self.undo_history.push(op_id, done_label)
        self.window().statusBar().showMessage(
            self.tr("已{action}。按 Ctrl+Z 可撤销").format(action=done_label), 5000
        )
        return op_id

    def create_activity(self, *, initial: dict[str, Any] | None = None) -> str | None:
        dialog = self._dialog(initial=initial, editing=False)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return None
        created: list[str] = []

        def command() -> str:
            op_id, activity_id = self.store.create_activity(dialog.org_id(), dialog.values())
            created.append(activity_id)
            return op_id

        self._run(command, self.tr("新建“{title}”").format(title=dialog.values()["title"]))
        if created:
            self._select(created[0])
            return created[0]
        return None

    def edit_selected(self) -> None:
        activity_id = self.selected_id()
        current = self.store.activity(activity_id) if activity_id else None
        if current is None:
            return
        if current["status"] not in (ActivityStatus.DRAFT, ActivityStatus.PUBLISHED):
            QMessageBox.information(
                self,
                self.tr("不能修改"),
                self.tr("活动已{status}，不能再修改。").format(status=label(current["status"])),
            )
            return
        dialog = self._dialog(initial=current, editing=True)
        if dialog.exec() != dialog.DialogCode.Accepted:
            return
        values = dialog.values()
        self._run(
            lambda: self.store.update_activity(activity_id, values),
            self.tr("修改“{title}”").format(title=values["title"]),
        )
        self._select(activity_id)

    def duplicate_selected(self) -> None:
        activity_id = self.selected_id()
        current = self.store.activity(activity_id) if activity_id else None
        if current is None:
            return
        initial = {k: current[k] for k in ACTIVITY_EDITABLE_FIELDS}
        initial["title"] = self.tr("{title}（副本）").format(title=current["title"])
        initial["org_id"] = current["org_id"]
        self.create_activity(initial=initial)

    def transition(self, target: ActivityStatus) -> None:
        activity_id = self.selected_id()
        current = self.store.activity(activity_id) if activity_id else None
        if current is None:
            return
        title = current["title"]
        if target is ActivityStatus.CANCELLED:
            answer = QMessageBox.question(
                self,
                self.tr("取消活动"),
                self.tr("确定取消“{title}”吗？已报名的青年将看到活动已取消。").format(title=title),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        action = {
            ActivityStatus.PUBLISHED: self.tr("发布“{title}”"),
            ActivityStatus.CANCELLED: self.tr("取消“{title}”"),
            ActivityStatus.COMPLETED: self.tr("完成“{title}”"),
        }[target].format(title=title)
        self._run(lambda: self.store.transition_activity(activity_id, target), action)
        self._select(activity_id)

    def delete_selected(self) -> None:
        activity_id = self.selected_id()
        current = self.store.activity(activity_id) if activity_id else None
        if current is None or current["status"] != ActivityStatus.DRAFT:
            return
        self._run(
            lambda: self.store.delete_activity(activity_id),
            self.tr("删除草稿“{title}”").format(title=current["title"]),
        )
