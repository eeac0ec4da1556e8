"""报名审核: registrations of one activity or all, filtered and searched, reviewed one by one from
the keyboard or in bulk, with the activity's seats shown live and each registration's history.

Personal data stays masked here; 显示完整信息 shows one youth's phone and ID number to an account
that may see them, and logs it. Excel export and import live in `registration_excel`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.reject_dialog import RejectDialog
from desktop.events import StoreEvents
from desktop.models.registration_table import RegistrationTableModel
from desktop.pages.registration_excel import RegistrationExcel
from desktop.pages.registration_privacy import RegistrationPrivacy
from desktop.texts import consent_text, rule_message, violation_text
from desktop.undo import UndoHistory
from desktop.widgets.keyboard_triage import KeyboardTriage
from desktop.widgets.record_table import record_table
from desktop.widgets.registration_details import RegistrationDetails, SeatsLabel
from desktop.widgets.registration_filters import RegistrationFilters
from desktop.workers import run_with_progress
from sync.client.store import Store
from sync.client.store import registration_queries as rq
from sync.core import rules
from sync.core.records import GuardianConsent, RegistrationStatus
from sync.core.rules import RuleViolation

# Bulk decisions on more registrations than this run on a worker thread with progress.
WORKER_THRESHOLD = 200


class RegistrationsPage(QWidget):
    def __init__(
        self,
        store: Store,
        events: StoreEvents,
        undo: UndoHistory,
        *,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.undo_history = undo
        self.model = RegistrationTableModel(store, parent=self)
        self.excel = RegistrationExcel(self)
        self.privacy = RegistrationPrivacy(self)

        self.filters = RegistrationFilters(store)
        for name in (
            "activity_combo", "status_combo", "time_combo", "date_from", "date_until",
            "search_edit", "count_label",
        ):  # fmt: skip
            setattr(self, name, getattr(self.filters, name))
        self._build_actions()
        self._build_table()
        self.capacity_label = SeatsLabel()
        self.help_label = QLabel(objectName="help_label")
        self.help_label.setStyleSheet("color: #777;")
        self.details = RegistrationDetails(self.model)
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([920, 260])

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filters)
        layout.addWidget(self.capacity_label)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.help_label)

        self.filters.changed.connect(self.apply_filters)
        events.table_changed.connect(self._on_table_changed)
        self.model.query_finished.connect(self._on_query_finished)
        self.retranslate()
        self.apply_filters()
        self.table.horizontalHeader().setSortIndicator(
            RegistrationTableModel.KEYS.index("registered_at"), Qt.SortOrder.AscendingOrder
        )

    # --- building ----------------------------------------------------------------------------

    def _action(
        self,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: Callable[[], Any],
        *,
        table_only: bool = False,
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        if table_only:
            # Single letters act on the table only: typed into the search box they are text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        else:
            self.addAction(action)  # window-wide while the page is visible
        return action

    def _build_actions(self) -> None:
        self.approve_action = self._action("A", lambda: self.decide("approve"), table_only=True)
        self.reject_action = self._action("R", lambda: self.decide("reject"), table_only=True)
        self.next_action = self._action("N", self.next_pending, table_only=True)
        self.down_action = self._action("J", lambda: self.move(1), table_only=True)
        self.up_action = self._action("K", lambda: self.move(-1), table_only=True)
        self.select_all_action = self._action(QKeySequence.StandardKey.SelectAll, self.select_all)
        self.reveal_action = self._action("Ctrl+Shift+I", self.privacy.reveal_selected)
        self.export_action = self._action("Ctrl+Shift+E", self.excel.export_interactive)
        self.import_action = self._action("Ctrl+I", self.excel.import_interactive)
        self.search_action = self._action(QKeySequence.StandardKey.Find, self.filters.focus_search)
        self.clear_action = self._action(None, self.clear_filters)
        self.consent_actions = {
            status: self._action(None, lambda s=status: self.privacy.set_consent(s))
            for status in GuardianConsent
        }
        self.consent_menu = QMenu(self)
        for action in self.consent_actions.values():
            self.consent_menu.addAction(action)
        self.consent_button = QToolButton()
        self.consent_button.setMenu(self.consent_menu)
        self.consent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.approve_action, self.reject_action, self.next_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.select_all_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.reveal_action)
        self.toolbar.addWidget(self.consent_button)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.export_action)
        self.toolbar.addAction(self.import_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.clear_action)

    def _build_table(self) -> None:
        widths = (72, 100, 48, 160, 116, 170, 124, 56, 78)
        self.table = record_table(
            self.model,
            multi_select=True,
            stretch=RegistrationTableModel.KEYS.index("reject_reason"),
            widths=dict(enumerate(widths)),
        )
        for action in (
            self.approve_action,
            self.reject_action,
            self.next_action,
            self.down_action,
            self.up_action,
        ):
            self.table.addAction(action)
        header = self.table.horizontalHeader()
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_selection())
        self.triage = KeyboardTriage(self.table, self.model, self._on_selection)

    def _on_sort_indicator(self, column: int, _order: Qt.SortOrder) -> None:
        """The phone column does not sort (its order would leak the hidden digits): its header
        click leaves the arrow where the list is actually sorted."""
        if self.model.KEYS[column] in rq.REGISTRATION_SORT_COLUMNS:
            return
        query = self.model.query
        descending = query.descending != (query.sort == "birth_date")  # shown as the age
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(
            self.model.column_of(query.sort),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        header.blockSignals(False)

    def retranslate(self) -> None:
        self.filters.retranslate()
        texts = {
            self.approve_action: (self.tr("通过"), self.tr("通过选中的报名 (A)")),
            self.reject_action: (self.tr("拒绝…"), self.tr("拒绝选中的报名，须填写理由 (R)")),
            self.next_action: (self.tr("下一条待审"), self.tr("跳到下一条待审核的报名 (N)")),
            self.down_action: (self.tr("下一条"), self.tr("下一条 (J 或 ↓)")),
            self.up_action: (self.tr("上一条"), self.tr("上一条 (K 或 ↑)")),
            self.select_all_action: (
                self.tr("全选"),
                self.tr("选中全部符合条件的报名，用于批量通过或拒绝 (Ctrl+A)"),
            ),
            self.reveal_action: (
                self.tr("显示完整信息"),
                self.tr(
                    "显示选中青年的完整手机号和身份证号；需有权限，每次查看都会记录 (Ctrl+Shift+I)"
                ),
            ),
            self.export_action: (
                self.tr("导出 Excel"),
                self.tr("导出选中或全部符合条件的报名；手机号和身份证号默认脱敏 (Ctrl+Shift+E)"),
            ),
            self.import_action: (
                self.tr("导入报名"),
                self.tr("从 Excel 名单导入所选活动的现场报名，先预览再导入 (Ctrl+I)"),
            ),
            self.clear_action: (self.tr("清除筛选"), self.tr("显示全部活动的全部报名")),
            self.search_action: (self.tr("搜索"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
        for status, action in self.consent_actions.items():
            action.setText(consent_text(status.value))
        self.consent_button.setText(self.tr("监护人同意"))
        self.consent_button.setToolTip(self.tr("记录未满14岁青年的监护人同意情况"))
        self.help_label.setText(
            self.tr(
                "键盘审核：↑/↓ 或 J/K 移动 · A 通过 · R 拒绝 · N 下一条待审 · "
                "Shift/Ctrl+点击 多选 · Ctrl+A 全选 · Ctrl+Z 撤销"
            )
        )
        self.filters.show_count(self.model.rowCount())
        self.model.retranslate()
        self._on_selection()

    def showEvent(self, event: QShowEvent) -> None:
        """The review keys act on the table: give it the focus when the page comes up."""
        super().showEvent(event)
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.table.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- filters -----------------------------------------------------------------------------

    def activity_id(self) -> str | None:
        return self.filters.activity_id()

    def set_activity(self, activity_id: str | None) -> None:
        self.filters.set_activity(activity_id)

    def set_status(self, status: RegistrationStatus | None) -> None:
        self.filters.set_status(status)

    def current_query(self) -> rq.RegistrationQuery:
        return self.filters.query(self.model.query)

    def apply_filters(self) -> None:
        selected = self.current_id()
        self.model.set_query(self.current_query())
        # One activity in view: its title in every row says nothing, the seat line names it.
        self.table.setColumnHidden(self.model.column_of("activity"), self.activity_id() is not None)
        self._select_ids([selected] if selected else [])
        self._update_capacity()

    def clear_filters(self) -> None:
        self.filters.clear()

    def _on_query_finished(self, count: int) -> None:
        self.filters.show_count(count)

    def _on_table_changed(self, table: str) -> None:
        if table == "registrations":
            selected = self.selected_ids()
            current = self.current_id()
            self.model.reload()
            self._select_ids(selected, current=current)
            self._update_capacity()
        elif table in ("youths", "registration_events"):
            self.model.refresh_rows()
            self._on_selection()  # a guardian's consent may have made approval possible
        elif table == "activities":
            self.filters.fill_activities()
            self._update_capacity()
            self.model.refresh_rows()  # a new start day may change who counts as a child
            self._on_selection()

    # --- selection ---------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        for selected in self.table.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def selected_ids(self) -> list[str]:
        return [self.model.id_at(row) for row in self.selected_rows()]

    def current_id(self) -> str | None:
        """The registration the keyboard is on (the one shown in the side panel)."""
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.id_at(index.row())
        selected = self.selected_rows()
        return self.model.id_at(selected[0]) if selected else None

    def _select_row(self, row: int) -> None:
        self.triage.select(row)

    def _select_ids(self, ids: Sequence[str], *, current: str | None = None) -> None:
        rows = [r for r in (self.model.row_of(i) for i in ids) if r >= 0] if ids else []
        if len(rows) <= 1:
            if rows:
                self._select_row(rows[0])
            else:
                self.table.clearSelection()
                self._on_selection()
            return
        selection = QItemSelection()
        last = len(self.model.KEYS) - 1
        rows.sort()
        first = previous = rows[0]
        for row in [*rows[1:], None]:  # contiguous rows as one range: select-all stays cheap
            if row is not None and row == previous + 1:
                previous = row
                continue
            selection.select(self.model.index(first, 0), self.model.index(previous, last))
            if row is not None:
                first = previous = row
        model = self.table.selectionModel()
        model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        row = self.model.row_of(current) if current else rows[0]
        model.setCurrentIndex(self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        self._on_selection()

    def select_all(self) -> None:
        """Every matching registration, however many: a bulk action then takes them all."""
        if self.model.rowCount():
            self.table.selectAll()
            self.table.setFocus()
            self.window().statusBar().showMessage(
                self.tr("已选中全部 {n} 条符合条件的报名").format(n=self.model.rowCount()), 5000
            )

    def move(self, step: int) -> None:
        self.triage.move(step)

    def next_pending(self) -> None:
        pending = RegistrationStatus.PENDING.value
        if not self.triage.next_where(lambda row: row["status"] == pending):
            self.window().statusBar().showMessage(self.tr("没有待审核的报名了"), 5000)

    def _on_selection(self) -> None:
        count = len(self.selected_rows())
        for action in (self.approve_action, self.reject_action):
            action.setEnabled(count > 0)
        single = self.current_row()
        self.reveal_action.setEnabled(single is not None)
        # Consent is asked for children under 14 only (sync.core.privacy).
        self.consent_button.setEnabled(single is not None and self.model.needs_consent(single))
        # The store would refuse approving a child before a guardian's consent is recorded: the
        # action says so instead of being offered. (A bulk approval leaves such rows out.)
        waiting = count == 1 and single is not None and self.model.awaits_consent(single)
        if waiting:
            self.approve_action.setEnabled(False)
            self.approve_action.setToolTip(rule_message("guardian_consent_required", {}))
        else:
            self.approve_action.setToolTip(self.tr("通过选中的报名 (A)"))
        if count > 1:
            self.approve_action.setText(self.tr("通过 {n} 条").format(n=count))
            self.reject_action.setText(self.tr("拒绝 {n} 条…").format(n=count))
        else:
            self.approve_action.setText(self.tr("通过"))
            self.reject_action.setText(self.tr("拒绝…"))
        self._show_details()
        if self.activity_id() is None:
            self._update_capacity()

    def current_row(self) -> dict[str, Any] | None:
        registration_id = self.current_id()
        if registration_id is None:
            return None
        row = self.model.row_of(registration_id)
        return self.model.row_data(row) if row >= 0 else None

    # --- capacity and details ----------------------------------------------------------------

    def _update_capacity(self) -> None:
        activity_id = self.activity_id()
        if activity_id is None:
            row = self.current_row()
            activity_id = row["activity_id"] if row else None
        self.capacity_label.show_counts(
            self.store.read(rq.seat_counts, activity_id) if activity_id else None
        )

    def _show_details(self) -> None:
        row = self.current_row()
        if row is None:
            self.details.show_selection(len(self.selected_rows()))
        else:
            self.details.show_registration(row, self.store.read(rq.registration_history, row["id"]))

    # --- commands ----------------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.window().statusBar().showMessage(text, 6000)

    def decide(self, decision: str) -> None:
        """Approve or reject the selected registrations: one store call, one undo step."""
        ids = self.selected_ids()
        if not ids:
            return
        skipped = waiting = 0
        if len(ids) > 1:  # a bulk action takes the registrations the decision applies to
            ids, skipped, waiting = self._decidable(ids, decision)
            if not ids:
                text = self.tr("选中的报名都已处理过或已取消，没有可以{action}的。").format(
                    action=self.tr("通过") if decision == "approve" else self.tr("拒绝")
                )
                if waiting:
                    text = self._waiting_text(waiting)
                QMessageBox.information(self, self.tr("无需处理"), text)
                return
        name = self._name_of(ids[0])
        reason = ""
        if decision == "reject":
            dialog = RejectDialog(count=len(ids), name=name if len(ids) == 1 else "", parent=self)
            if dialog.exec() != RejectDialog.DialogCode.Accepted:
                return
            reason = dialog.reason()
        old_ids = self.model.ids()
        rows = self.selected_rows()
        if decision == "approve":
            done = (
                self.tr("通过 {name} 的报名").format(name=name)
                if len(ids) == 1
                else self.tr("批量通过 {n} 条报名").format(n=len(ids))
            )
        else:
            done = (
                self.tr("拒绝 {name} 的报名").format(name=name)
                if len(ids) == 1
                else self.tr("批量拒绝 {n} 条报名").format(n=len(ids))
            )

        def command() -> Sequence[str]:
            return self.store.review_registrations(ids, decision, reason)

        if len(ids) > WORKER_THRESHOLD:
            label_text = self.tr("正在处理 {n} 条报名…").format(n=len(ids))
            op_ids = self.run_command(
                lambda: self.run_job(lambda _progress, _cancelled: command(), label_text),
                done,
                which=ids,
            )
        else:
            op_ids = self.run_command(command, done, which=ids)
        if op_ids is None:
            return
        self._advance(old_ids, rows, set(ids))
        if skipped:
            self._status(
                self.tr("{done}；另有 {n} 条已处理过或已取消，未改动。按 Ctrl+Z 可撤销").format(
                    done=done, n=skipped
                )
            )
        if waiting:
            self._status(f"{done}；{self._waiting_text(waiting)}")
        if decision == "approve":
            counts = self.store.read(rq.status_counts, ids)
            waitlisted = counts.get(RegistrationStatus.WAITLISTED.value, 0)
            if waitlisted:
                self._status(
                    self.tr("{done}；名额已满，其中 {n} 条转入候补。按 Ctrl+Z 可撤销").format(
                        done=done, n=waitlisted
                    )
                )

    def _decidable(self, ids: list[str], decision: str) -> tuple[list[str], int, int]:
        """(the ids the decision changes, how many it leaves alone as already decided or
        cancelled, how many children it leaves waiting for a guardian's consent): approving
        skips the approved and cancelled and those children; rejecting skips the rejected and
        cancelled."""
        statuses = self.store.read(rq.registration_statuses, ids)
        waiting: set[str] = set()
        if decision == "approve":
            allowed = rules.REVIEWABLE
            waiting = self.store.read(rq.awaiting_consent, ids)
        else:
            allowed = rules.REJECTABLE - {RegistrationStatus.REJECTED}
        values = {status.value for status in allowed}
        open_ids = [i for i in ids if statuses.get(i) in values]
        kept = [i for i in open_ids if i not in waiting]
        return kept, len(ids) - len(open_ids), len(open_ids) - len(kept)

    def _waiting_text(self, n: int) -> str:
        return self.tr("{n} 条报名须先记录监护人同意，未通过：{why}").format(
            n=n, why=rule_message("guardian_consent_required", {})
        )

    def _advance(self, old_ids: list[str], old_rows: list[int], decided: set[str]) -> None:
        """After a decision the keyboard goes on to the next registration in the old order."""
        if len(decided) > 1:
            self._select_ids(list(decided))
            return
        for registration_id in old_ids[old_rows[-1] + 1 :]:
            if registration_id not in decided and self.model.row_of(registration_id) >= 0:
                self._select_ids([registration_id])
                return
        still = [i for i in decided if self.model.row_of(i) >= 0]
        if still:
            self._select_ids(still)
        else:
            self._select_row(self.model.rowCount() - 1)

    def run_job(self, job: Any, label_text: str, *, cancellable: bool = False) -> Any:
        """`workers.run_with_progress`, with the table frozen meanwhile: painting a Python model
        takes the GIL thousands of times, and a busy worker thread makes each take up to a
        switch interval, which would stall the event loop for seconds."""
        self.table.setUpdatesEnabled(False)
        try:
            return run_with_progress(job, label_text, parent=self, cancellable=cancellable)
        finally:
            self.table.setUpdatesEnabled(True)

    def _name_of(self, registration_id: str) -> str:
        row = self.model.row_of(registration_id)
        data = self.model.row_data(row) if row >= 0 else None
        return data["name"] if data else ""

    def run_command(
        self, command: Callable[[], Any], done_label: str, *, which: Sequence[str] = ()
    ) -> Any:
        """Run a store command; show a refusal in plain words; record the action for undo.
        `which`: the registrations of a bulk command, to name the one the rules refused."""
        try:
            result = command()
        except RuleViolation as error:
            text = violation_text(error)
            index = error.params.get("index")
            if len(which) > 1 and isinstance(index, int) and 0 <= index < len(which):
                text = self.tr("{name} 的报名：{reason}\n本次批量操作没有改动任何报名。").format(
                    name=self._name_of(which[index]), reason=text
                )
            QMessageBox.warning(self, self.tr("无法完成"), text)
            return None
        self.undo_history.push(result, done_label)
        self._status(self.tr("已{action}。按 Ctrl+Z 可撤销").format(action=done_label))
        return result
