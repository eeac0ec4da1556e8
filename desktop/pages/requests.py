"""诉求: the youths' requests in scope, filtered and searched, sorted from the keyboard like the
报名审核 page (a digit classifies, A assigns to a subordinate organisation, R replies from a
template, E archives), overdue ones highlighted and counted in the status bar, and a period's
requests exported to Excel with counts per category and organisation.

Every step is an operation (offline first); Ctrl+Z takes back one still waiting to sync.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s
from desktop.dialogs.reply_dialog import ReplyDialog
from desktop.events import StoreEvents
from desktop.models.request_table import RequestTableModel
from desktop.pages.registration_privacy import RegistrationPrivacy
from desktop.pages.request_excel import RequestExcel
from desktop.texts import format_time, label, violation_text
from desktop.undo import UndoHistory
from desktop.widgets.keyboard_triage import KeyboardTriage
from desktop.widgets.record_table import record_table
from desktop.workers import run_with_progress
from sync.client.store import Store
from sync.client.store import follower_queries as fq
from sync.client.store import request_queries as reqq
from sync.core.privacy import mask_phone
from sync.core.records import ContactPreference, RequestState
from sync.core.rules import RuleViolation

# How often the overdue count is read again while nothing changes: time alone makes overdue.
OVERDUE_REFRESH_MS = 5 * 60 * 1000
SEARCH_DELAY_MS = 250


class RequestsPage(QWidget):
    def __init__(
        self,
        store: Store,
        events: StoreEvents,
        undo: UndoHistory,
        settings: s.Settings,
        *,
        home_org_id: str | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.undo_history = undo
        self.home_org_id = home_org_id
        self.model = RequestTableModel(store, parent=self)
        self.model.reply_days = settings.get(s.REQUEST_REPLY_DAYS)
        self.model.calendar = s.work_calendar(settings)
        self.excel = RequestExcel(self)
        # Whole numbers come from the server, which checks the permission and logs each reveal.
        self.privacy = RegistrationPrivacy(self)
        self.categories = s.request_categories(settings)
        # Shown in the main window's status bar: how many requests wait past the deadline.
        self.overdue_label = QLabel(objectName="overdue")

        self._build_actions()
        self._build_filters()
        self._build_table()
        self.details = QTextBrowser(objectName="request_details")
        self.help_label = QLabel(objectName="help_label")
        self.help_label.setStyleSheet("color: #777;")
        splitter = QSplitter()
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([960, 240])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(self.filter_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.help_label)

        events.table_changed.connect(self._on_table_changed)
        self.model.query_finished.connect(self._show_count)
        self._overdue_timer = QTimer(self, interval=OVERDUE_REFRESH_MS)
        self._overdue_timer.timeout.connect(self._on_clock)
        self._overdue_timer.start()
        self.retranslate()
        self.apply_filters()
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)

    # --- building ----------------------------------------------------------------------------

    def _action(
        self,
        shortcut: str | QKeySequence.StandardKey | None,
        slot: Callable[[], Any],
        *,
        table_only=False,
    ) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _=False: slot())
        if table_only:
            # Single keys act on the table only: typed into the search box they are text.
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        else:
            self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.assign_action = self._action("A", self.assign, table_only=True)
        self.reply_action = self._action("R", self.reply, table_only=True)
        self.archive_action = self._action("E", self.archive, table_only=True)
        self.next_action = self._action("N", self.next_new, table_only=True)
        self.down_action = self._action("J", lambda: self.move(1), table_only=True)
        self.up_action = self._action("K", lambda: self.move(-1), table_only=True)
        self.export_action = self._action("Ctrl+Shift+E", self.excel.export_interactive)
        self.reveal_action = self._action("Ctrl+Shift+I", self.reveal_phone)
        self.search_action = self._action(
            QKeySequence.StandardKey.Find, lambda: self.search_edit.setFocus()
        )
        self.clear_action = self._action(None, self.clear_filters)
        self.classify_menu = QMenu(self)
        self.classify_button = QToolButton(objectName="classify")
        self.classify_button.setMenu(self.classify_menu)
        self.classify_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # 1…9: the category of that number, from the keyboard (the menu shows the numbers).
        self.category_actions = [
            self._action(str(n), lambda n=n: self.classify_nth(n - 1), table_only=True)
            for n in range(1, 10)
        ]
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.classify_button)
        for action in (self.assign_action, self.reply_action, self.archive_action):
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.next_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.reveal_action)
        self.toolbar.addAction(self.export_action)
        self.toolbar.addAction(self.clear_action)

    def _build_filters(self) -> None:
        self.state_combo = QComboBox(objectName="state_filter")
        self.category_combo = QComboBox(objectName="category_filter")
        self.org_combo = QComboBox(objectName="org_filter")
        self.overdue_check = QCheckBox(objectName="overdue_filter")
        self.search_edit = QLineEdit(objectName="search")
        self.search_edit.setClearButtonEnabled(True)
        self.count_label = QLabel(objectName="count")
        for combo in (self.state_combo, self.category_combo, self.org_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filters)
        self.filter_row = QHBoxLayout()
        self.filter_labels = [QLabel() for _ in range(3)]
        for text_label, widget in zip(
            self.filter_labels, (self.state_combo, self.category_combo, self.org_combo), strict=True
        ):
            self.filter_row.addWidget(text_label)
            self.filter_row.addWidget(widget)
        self.filter_row.addWidget(self.overdue_check)
        self.filter_row.addWidget(self.search_edit, 1)
        self.filter_row.addWidget(self.count_label)
        for combo in (self.state_combo, self.category_combo, self.org_combo):
            combo.currentIndexChanged.connect(lambda _: self.apply_filters())
        self.overdue_check.toggled.connect(lambda _: self.apply_filters())
        self.search_edit.textChanged.connect(lambda _: self._search_timer.start())

    def _build_table(self) -> None:
        widths = (110, 118, 96, 64, 96, 120, 300, 110)  # 状态 fits "已分类（超期）"
        self.table = record_table(
            self.model,
            multi_select=True,
            stretch=RequestTableModel.KEYS.index("text"),
            widths=dict(enumerate(widths)),
        )
        for action in (
            self.assign_action,
            self.reply_action,
            self.archive_action,
            self.next_action,
            self.down_action,
            self.up_action,
            *self.category_actions,
        ):
            self.table.addAction(action)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_selection())
        self.triage = KeyboardTriage(self.table, self.model, self._on_selection)

    def _fill_combos(self) -> None:
        """The filter choices in the current language, the chosen ones kept."""
        combos = (self.state_combo, self.category_combo, self.org_combo)
        # (had a choice, its data): a combo filled for the first time starts at its first entry
        kept = [(combo.count() > 0, combo.currentData()) for combo in combos]
        for combo in combos:
            combo.blockSignals(True)
            combo.clear()
        self.state_combo.addItem(self.tr("未归档"), "open")
        self.state_combo.addItem(self.tr("全部状态"), None)
        for state in RequestState:
            self.state_combo.addItem(label(state.value), state.value)
        self.category_combo.addItem(self.tr("全部类别"), None)
        self.category_combo.addItem(self.tr("未分类"), "")
        in_use = self.store.read(reqq.request_categories)
        for category in dict.fromkeys([*self.categories, *in_use]):
            self.category_combo.addItem(category, category)
        self.org_combo.addItem(self.tr("全部组织"), None)
        for org in self._orgs():
            self.org_combo.addItem(org["name"], org["id"])
        for combo, (filled, value) in zip(combos, kept, strict=True):
            combo.setCurrentIndex(max(0, combo.findData(value)) if filled else 0)
            combo.blockSignals(False)

    def _orgs(self) -> list[dict[str, Any]]:
        if not self.home_org_id:
            return []
        home = [o for o in self.store.organizations() if o["id"] == self.home_org_id]
        return home + self.store.read(fq.subordinate_organizations, self.home_org_id)

    def _fill_classify_menu(self) -> None:
        self.classify_menu.clear()
        for n, category in enumerate(self.categories, start=1):
            text = f"&{n} {category}" if n <= 9 else category
            action = self.classify_menu.addAction(text)
            action.triggered.connect(lambda _=False, c=category: self.classify(c))

    def retranslate(self) -> None:
        texts = {
            self.assign_action: (self.tr("交办…"), self.tr("交给下级组织办理 (A)")),
            self.reply_action: (self.tr("答复…"), self.tr("答复青年，可选用模板 (R)")),
            self.archive_action: (self.tr("归档"), self.tr("归档选中的诉求 (E)")),
            self.next_action: (self.tr("下一条待分拣"), self.tr("跳到下一条待分拣的诉求 (N)")),
            self.down_action: (self.tr("下一条"), self.tr("下一条 (J 或 ↓)")),
            self.up_action: (self.tr("上一条"), self.tr("上一条 (K 或 ↑)")),
            self.export_action: (
                self.tr("导出 Excel"),
                self.tr("导出一段时间的诉求，含按类别、组织的统计和平均答复时间 (Ctrl+Shift+E)"),
            ),
            self.clear_action: (self.tr("清除筛选"), self.tr("显示全部未归档的诉求")),
            self.reveal_action: (
                self.tr("显示手机号"),
                self.tr("希望回电的青年的完整手机号；需有权限，每次查看都会记录 (Ctrl+Shift+I)"),
            ),
            self.search_action: (self.tr("搜索"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
        self.classify_button.setText(self.tr("分类"))
        self.classify_button.setToolTip(self.tr("按数字键 1–9 直接选择类别"))
        for text_label, text in zip(
            self.filter_labels, (self.tr("状态"), self.tr("类别"), self.tr("组织")), strict=True
        ):
            text_label.setText(text)
        self.overdue_check.setText(self.tr("只看超期"))
        self.search_edit.setPlaceholderText(self.tr("搜索诉求内容或青年姓名 (Ctrl+F)"))
        self.help_label.setText(
            self.tr(
                "键盘分拣：↑/↓ 或 J/K 移动 · 1–9 分类 · A 交办 · R 答复 · E 归档 · "
                "N 下一条待分拣 · Ctrl+Z 撤销"
            )
        )
        self._fill_combos()
        self._fill_classify_menu()
        self.model.retranslate()
        self._show_count(self.model.rowCount())
        self.update_overdue()
        self._on_selection()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Settings may have changed meanwhile; the keys act on the table."""
        super().showEvent(event)
        self.reload_settings()
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            self.table.setFocus()

    def set_home(self, org_id: str | None) -> None:
        """Signed in to an organisation (or its first sync brought it): its tree to filter by."""
        self.home_org_id = org_id
        self._fill_combos()

    def reload_settings(self) -> None:
        categories = s.request_categories(self.settings)
        days = self.settings.get(s.REQUEST_REPLY_DAYS)
        calendar = s.work_calendar(self.settings)
        if (categories, days, calendar) != (
            self.categories,
            self.model.reply_days,
            self.model.calendar,
        ):
            self.categories = categories
            self.model.reply_days, self.model.calendar = days, calendar
            self._fill_combos()
            self._fill_classify_menu()
            self.apply_filters()
            self.update_overdue()

    # --- filters and counts ------------------------------------------------------------------

    def current_query(self) -> reqq.RequestQuery:
        state, org_id = self.state_combo.currentData(), self.org_combo.currentData()
        if state == "open":
            states = tuple(x.value for x in RequestState if x is not RequestState.ARCHIVED)
        else:
            states = (state,) if state else ()
        return reqq.RequestQuery(
            states=states,
            category=self.category_combo.currentData(),
            # Everything here is the home organisation's or below it: no condition to test.
            org_id=None if org_id == self.home_org_id else org_id,
            overdue_before=self.model.overdue_cutoff() if self.overdue_check.isChecked() else None,
            text=self.search_edit.text().strip(),
            sort=self.model.query.sort,
            descending=self.model.query.descending,
        )

    def apply_filters(self) -> None:
        selected = self.current_id()
        self.model.set_query(self.current_query())
        self._select_id(selected)

    def clear_filters(self) -> None:
        for combo in (self.state_combo, self.category_combo, self.org_combo):
            combo.setCurrentIndex(0)
        self.overdue_check.setChecked(False)
        self.search_edit.clear()
        self.apply_filters()

    def _show_count(self, count: int) -> None:
        self.count_label.setText(self.tr("{n} 条").format(n=count))

    def update_overdue(self) -> None:
        n = self.store.read(reqq.overdue_count, self.model.overdue_cutoff())
        self.overdue_label.setText(self.tr("超期诉求 {n} 条").format(n=n) if n else "")
        self.overdue_label.setStyleSheet("color: #a61b1b;" if n else "")
        self.overdue_label.setToolTip(
            self.tr("提交超过 {days} 个工作日仍未答复的诉求").format(days=self.model.reply_days)
        )

    def _on_clock(self) -> None:
        self.update_overdue()
        self.model.before_reload()
        self.model.refresh_rows()

    def _on_table_changed(self, table: str) -> None:
        if table == "requests":
            current = self.current_id()
            self.model.reload()
            self._select_id(current)
            self.update_overdue()
        elif table in ("request_events", "youths"):
            self.model.refresh_rows()
            self._on_selection()
        elif table == "organizations":
            self._fill_combos()

    # --- selection ---------------------------------------------------------------------------

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.table.selectionModel().selectedRows()})

    def selected_ids(self) -> list[str]:
        return [self.model.id_at(row) for row in self.selected_rows()]

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return self.model.id_at(index.row())
        rows = self.selected_rows()
        return self.model.id_at(rows[0]) if rows else None

    def current_row(self) -> dict[str, Any] | None:
        request_id = self.current_id()
        row = self.model.row_of(request_id) if request_id else -1
        return self.model.row_data(row) if row >= 0 else None

    def _select_row(self, row: int) -> None:
        self.triage.select(row)

    def _select_id(self, request_id: str | None) -> None:
        row = self.model.row_of(request_id) if request_id else -1
        if row >= 0:
            self._select_row(row)
        else:
            self.table.clearSelection()
            self._on_selection()

    def move(self, step: int) -> None:
        self.triage.move(step)

    def next_new(self) -> None:
        if not self.triage.next_where(lambda row: row["state"] == RequestState.NEW.value):
            self._status(self.tr("没有待分拣的诉求了"))

    def _on_selection(self) -> None:
        count = len(self.selected_rows())
        row = self.current_row()
        is_open = row is not None and row["state"] != RequestState.ARCHIVED.value
        self.classify_button.setEnabled(is_open and count == 1)
        self.assign_action.setEnabled(is_open and count == 1)
        self.reply_action.setEnabled(row is not None and count == 1)
        self.archive_action.setEnabled(count > 0)
        self.reveal_action.setEnabled(row is not None and count == 1)
        self._show_details(row if count == 1 else None)

    def _show_details(self, row: dict[str, Any] | None) -> None:
        if row is None:
            self.details.setHtml("")
            return
        contact = {
            ContactPreference.APP.value: self.tr("在线查看答复"),
            ContactPreference.PHONE.value: self.tr("希望电话联系"),
            ContactPreference.SMS.value: self.tr("希望短信联系"),
        }.get(row["contact"], row["contact"])
        history_title = self.tr("处理记录")
        category = row["category"] or self.tr("未分类（青年选：{guess}）").format(
            guess=row["category_guess"] or self.tr("无")
        )
        lines = [
            f"<b>{html.escape(row['name'])}</b> {html.escape(mask_phone(row['phone']))}",
            html.escape(f"{contact} · {category} · {row['org_name']}"),
            f"<p>{html.escape(row['text']).replace(chr(10), '<br>')}</p>",
            "<b>" + html.escape(history_title) + "</b>",
        ]
        for event in self.store.read(reqq.request_history, row["id"]):
            detail = event["org_name"] or event["detail"]
            text = f"{format_time(event['at'])} {label(event['action'])}"
            actor = self.tr("青年") if event["actor"] == "youth" else event["actor"]
            lines.append(
                f"<div>{html.escape(text)} · {html.escape(actor)}"
                + (f"<br>{html.escape(detail)}" if detail else "")
                + "</div>"
            )
        self.details.setHtml("<br>".join(lines))

    # --- commands ----------------------------------------------------------------------------

    def _status(self, text: str) -> None:
        self.window().statusBar().showMessage(text, 6000)

    def run_command(self, command: Callable[[], Any], done_label: str) -> Any:
        """Run a store command; show a refusal in plain words; record the action for undo."""
        try:
            result = command()
        except RuleViolation as error:
            QMessageBox.warning(self, self.tr("无法完成"), violation_text(error))
            return None
        self.undo_history.push(result, done_label)
        self._status(self.tr("已{action}。按 Ctrl+Z 可撤销").format(action=done_label))
        return result

    def run_job(self, job: Any, label_text: str, *, cancellable: bool = False) -> Any:
        """`workers.run_with_progress` (the privacy helper's way to ask the server)."""
        return run_with_progress(job, label_text, parent=self, cancellable=cancellable)

    def reveal_phone(self) -> None:
        """The whole phone of a youth who asked to be called or texted back, from the server:
        this device holds it masked."""
        row = self.current_row()
        if row is None:
            return
        if not self.privacy.may_reveal():
            self.privacy.refuse_reveal()
            return
        found = self.privacy.fetch_whole([row["youth_id"]])
        if found is None:
            return
        youth = found.get(row["youth_id"])
        if youth is None:
            QMessageBox.information(
                self,
                self.tr("不能显示手机号"),
                self.tr("只有希望电话或短信联系的青年，才能查看其完整手机号；请在线答复。"),
            )
            return
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("联系电话（已记录本次查看）"),
            self.tr("{name}：{phone}").format(name=youth.name, phone=youth.phone),
            parent=self,
        )
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()

    def classify_nth(self, index: int) -> None:
        if 0 <= index < len(self.categories):
            self.classify(self.categories[index])

    def classify(self, category: str) -> None:
        row = self.current_row()
        if row is None or len(self.selected_rows()) != 1:
            return
        done = self.tr("将诉求归为“{category}”").format(category=category)
        if self.run_command(lambda: self.store.classify_request(row["id"], category), done):
            self._advance(row["id"])

    def assign(self) -> None:
        row = self.current_row()
        if row is None or len(self.selected_rows()) != 1:
            return
        below = self.store.read(fq.subordinate_organizations, row["org_id"])
        if not below:
            QMessageBox.information(
                self,
                self.tr("交办"),
                self.tr("“{org}”没有下级组织可以交办。").format(org=row["org_name"]),
            )
            return
        names = [o["name"] for o in below]
        name, ok = QInputDialog.getItem(
            self, self.tr("交办诉求"), self.tr("交给哪个下级组织办理？"), names, 0, False
        )
        if not ok:
            return
        org = below[names.index(name)]
        done = self.tr("将诉求交办给 {org}").format(org=org["name"])
        self.run_command(lambda: self.store.assign_request(row["id"], org["id"]), done)

    def reply(self) -> None:
        row = self.current_row()
        if row is None or len(self.selected_rows()) != 1:
            return
        dialog = ReplyDialog(self.settings, name=row["name"], text=row["text"], parent=self)
        if dialog.exec() != ReplyDialog.DialogCode.Accepted:
            return
        text = dialog.reply()
        done = self.tr("答复 {name} 的诉求").format(name=row["name"])
        if self.run_command(lambda: self.store.reply_request(row["id"], text), done):
            self._advance(row["id"])

    def archive(self) -> None:
        rows = [self.model.row_data(r) for r in self.selected_rows()]
        ids = [r["id"] for r in rows if r and r["state"] != RequestState.ARCHIVED.value]
        if not ids:
            return
        done = (
            self.tr("归档 1 条诉求")
            if len(ids) == 1
            else self.tr("归档 {n} 条诉求").format(n=len(ids))
        )
        self.run_command(lambda: self.store.archive_requests(ids), done)

    def _advance(self, handled: str) -> None:
        """After a step the keyboard goes on to the next request, as on the 报名审核 page."""
        row = self.model.row_of(handled)
        if row >= 0 and row + 1 < self.model.rowCount():
            self._select_row(row + 1)
        elif row >= 0:
            self._select_row(row)
