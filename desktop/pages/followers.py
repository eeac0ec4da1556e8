"""粉丝: the followers of the organisation (and of its subordinates, for a county), searched,
filtered by organisation and tag, tagged in bulk; their growth month by month; and the notices
sent to them (写通知, 通知记录)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.dialogs.import_dialog import ask_export_path, file_error_text
from desktop.dialogs.notice_dialog import NoticeDialog
from desktop.dialogs.tag_dialog import TagDialog
from desktop.events import StoreEvents
from desktop.models.follower_table import FollowerTableModel
from desktop.models.notice_table import NoticeTableModel
from desktop.texts import local_time, violation_text
from desktop.undo import UndoHistory
from desktop.widgets.growth_chart import GrowthChart
from desktop.widgets.record_table import record_table
from desktop.workers import run_with_progress
from sync.client.store import Store
from sync.client.store import follower_queries as fq
from sync.core.rules import RuleViolation
from sync.tools import excel

SEARCH_DELAY_MS = 250  # wait for the user to pause typing before querying

# Organisation filter entries other than one named subordinate.
HOME = "home"  # 本组织
HOME_AND_BELOW = "home_and_below"  # 本组织及全部下级
BELOW = "below"  # 全部下级


class FollowersPage(QWidget):
    organization_requested = Signal(str)
    """The user asked for the organisation page of the organisation chosen in the filter."""

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
        self.subordinates: list[dict[str, Any]] = []
        self.model = FollowerTableModel(store, parent=self)
        self.notice_model = NoticeTableModel(store, parent=self)
        self._tag_counts: dict[str, int] = {}

        self._build_filters()
        self._build_actions()
        self._build_tabs()

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.tabs, 1)

        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        # A sync announces every table at once: reload once, after the burst.
        self._dirty: set[str] = set()
        self.reload_timer = QTimer(self, singleShot=True, interval=0)
        self.reload_timer.timeout.connect(self._reload_dirty)
        events.table_changed.connect(self._on_table_changed)
        self.model.query_finished.connect(self._on_query_finished)
        self.retranslate()
        # Nothing is read until the page first shows: the window opens on another page faster.
        self._dirty.add("organizations")
        self.table.horizontalHeader().setSortIndicator(
            FollowerTableModel.KEYS.index("followed_at"), Qt.SortOrder.DescendingOrder
        )

    # --- building ----------------------------------------------------------------------------

    def _build_filters(self) -> None:
        self.org_combo = QComboBox()
        self.org_combo.setMinimumWidth(220)
        self.tag_combo = QComboBox()
        self.tag_combo.setMinimumWidth(140)
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(200)
        self.count_label = QLabel(objectName="count_label")
        self.org_label = QLabel()
        self.tag_label = QLabel()

        self.filter_row = QHBoxLayout()
        for widget in (self.org_label, self.org_combo, self.tag_label, self.tag_combo):
            self.filter_row.addWidget(widget)
        self.filter_row.addWidget(self.search_edit, 1)
        self.filter_row.addWidget(self.count_label)

        self.org_combo.currentIndexChanged.connect(lambda _: self._on_org_changed())
        self.tag_combo.currentIndexChanged.connect(lambda _: self.apply_filters())
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
        self.add_tag_action = self._action("Ctrl+T", lambda: self.edit_tags(removing=False))
        self.remove_tag_action = self._action("Ctrl+Shift+T", lambda: self.edit_tags(removing=True))
        self.notice_action = self._action("Ctrl+Shift+N", self.write_notice)
        self.export_action = self._action("Ctrl+Shift+E", self.export_interactive)
        self.search_action = self._action(QKeySequence.StandardKey.Find, self._focus_search)
        self.clear_action = self._action(None, self.clear_filters)
        self.org_action = self._action("Ctrl+O", self.open_organization)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addAction(self.add_tag_action)
        self.toolbar.addAction(self.remove_tag_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.notice_action)
        self.toolbar.addAction(self.export_action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.org_action)
        self.toolbar.addAction(self.clear_action)

    def _build_tabs(self) -> None:
        self.table = record_table(
            self.model,
            multi_select=True,
            stretch=FollowerTableModel.KEYS.index("tags"),
            widths={0: 150, 1: 120, 2: 48, 3: 210, 4: 130, 5: 220, 6: 72},
        )
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())

        self.chart = GrowthChart()
        self.notice_table = record_table(
            self.notice_model,
            sortable=False,  # a short list, newest first
            stretch=0,
            widths={1: 200, 2: 130, 3: 130, 4: 70, 5: 72, 6: 130},
        )

        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, "")
        self.tabs.addTab(self.chart, "")
        self.tabs.addTab(self.notice_table, "")

    def retranslate(self) -> None:
        self.org_label.setText(self.tr("组织"))
        self.tag_label.setText(self.tr("标签"))
        self._fill_orgs()
        self._fill_tags()
        self.search_edit.setPlaceholderText(self.tr("搜索姓名或手机尾号（Ctrl+F）"))
        self.tabs.setTabText(0, self.tr("粉丝列表"))
        self.tabs.setTabText(1, self.tr("增长趋势"))
        self.tabs.setTabText(2, self.tr("通知记录"))
        texts = {
            self.add_tag_action: (
                self.tr("添加标签"),
                self.tr("给选中的粉丝或全部筛选结果添加标签 (Ctrl+T)"),
            ),
            self.remove_tag_action: (
                self.tr("移除标签"),
                self.tr("从选中的粉丝或全部筛选结果移除标签 (Ctrl+Shift+T)"),
            ),
            self.notice_action: (
                self.tr("写通知"),
                self.tr("给全部粉丝或某个标签的粉丝写通知，同步时发送 (Ctrl+Shift+N)"),
            ),
            self.export_action: (
                self.tr("导出 Excel"),
                self.tr("导出选中的或全部筛选出的粉丝，手机号脱敏 (Ctrl+Shift+E)"),
            ),
            self.clear_action: (self.tr("清除筛选"), self.tr("显示本组织的全部粉丝")),
            self.org_action: (
                self.tr("组织页"),
                self.tr("打开所选组织（或本组织）的组织页：地址、活动、粉丝增长 (Ctrl+O)"),
            ),
            self.search_action: (self.tr("搜索"), ""),
        }
        for action, (text, tip) in texts.items():
            action.setText(text)
            action.setToolTip(tip)
        self._on_query_finished(self.model.rowCount())
        self.model.retranslate()
        self.notice_model.retranslate()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def _fill_combo(combo: QComboBox, items: Sequence[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for text, data in items:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)

    def _fill_orgs(self) -> None:
        items: list[tuple[str, Any]] = [(self.tr("本组织"), HOME)]
        if self.subordinates:
            items += [
                (self.tr("本组织及全部下级"), HOME_AND_BELOW),
                (self.tr("全部下级组织"), BELOW),
                *[(o["name"], o["id"]) for o in self.subordinates],
            ]
        self._fill_combo(self.org_combo, items)
        has_subordinates = bool(self.subordinates)
        self.org_combo.setVisible(has_subordinates)
        self.org_label.setVisible(has_subordinates)

    def _fill_tags(self) -> None:
        items: list[tuple[str, Any]] = [(self.tr("全部标签"), None)]
        items += [
            (self.tr("{tag}（{n}）").format(tag=tag, n=n), tag)
            for tag, n in self._tag_counts.items()
        ]
        self._fill_combo(self.tag_combo, items)

    # --- organisation and filters ------------------------------------------------------------

    def set_home(self, home_org_id: str | None) -> None:
        """The signed-in organisation (it may arrive with the first sync); read at once if the
        page shows, else when it does."""
        self.home_org_id = home_org_id
        self._dirty.add("organizations")
        if self.isVisible():
            self._reload_dirty()

    def _load_home(self) -> None:
        home_org_id = self.home_org_id
        self.subordinates = (
            self.store.read(fq.subordinate_organizations, home_org_id) if home_org_id else []
        )
        self._fill_orgs()
        self._on_org_changed()
        # The history lists every notice this account may send, whatever the filter shows.
        self.notice_model.set_organizations(
            (home_org_id, *[o["id"] for o in self.subordinates]) if home_org_id else ()
        )

    def org_ids(self) -> tuple[str, ...]:
        """The organisations whose followers the filter shows."""
        if self.home_org_id is None:
            return ()
        below = tuple(o["id"] for o in self.subordinates)
        choice = self.org_combo.currentData()
        if choice in (HOME, None):
            return (self.home_org_id,)
        if choice == HOME_AND_BELOW:
            return (self.home_org_id, *below)
        if choice == BELOW:
            return below
        return (choice,)

    def open_organization(self) -> None:
        """The one organisation chosen in the filter, or the home one for a group."""
        ids = self.org_ids()
        chosen = ids[0] if len(ids) == 1 else self.home_org_id
        if chosen:
            self.organization_requested.emit(chosen)

    def _on_org_changed(self) -> None:
        self._refresh_tags()
        self.apply_filters()
        self.refresh_chart()

    def _refresh_tags(self) -> None:
        self._tag_counts = self.store.read(fq.tag_counts, self.org_ids())
        self._fill_tags()

    def current_query(self) -> fq.FollowerQuery:
        return replace(
            self.model.query,
            org_ids=self.org_ids(),
            tag=self.tag_combo.currentData(),
            text=self.search_edit.text().strip(),
        )

    def apply_filters(self) -> None:
        self.search_timer.stop()
        selected = self.selected_ids()
        self.model.set_query(self.current_query())
        self._select(selected)

    def clear_filters(self) -> None:
        for combo in (self.org_combo, self.tag_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self._on_org_changed()

    def refresh_chart(self) -> None:
        growth = self.store.read(fq.follower_growth, self.org_ids(), self.store.clock())
        self.chart.set_growth(growth)

    def _focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.table)
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def _on_query_finished(self, count: int) -> None:
        self.count_label.setText(self.tr("共 {n} 位粉丝").format(n=count))
        self._update_actions()

    def _on_table_changed(self, table: str) -> None:
        if table in ("followers", "youths", "registrations", "organizations", "notices"):
            self._dirty.add(table)
            self.reload_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        if self._dirty:
            self.reload_timer.start()
        super().showEvent(event)

    def _reload_dirty(self) -> None:
        if not self.isVisible():
            return  # e.g. approvals on the 报名审核 page: read again when this page shows
        dirty, self._dirty = self._dirty, set()
        if "organizations" in dirty:
            self._load_home()  # reads everything below
            return
        if dirty & {"followers", "youths", "registrations"}:
            self._refresh_tags()
            self.apply_filters()
        if "followers" in dirty:
            self.refresh_chart()
        if "notices" in dirty:
            self.notice_model.reload()

    # --- selection ---------------------------------------------------------------------------

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.id_at(r) for r in rows]

    def _select(self, follower_ids: Sequence[str]) -> None:
        """Select these followers again after a reload, where they are still listed."""
        if follower_ids:
            positions = self.model.rows_of(follower_ids)
            selection = self.table.selectionModel()
            selection.clearSelection()
            flags = selection.SelectionFlag.Select | selection.SelectionFlag.Rows
            for row in positions:
                selection.select(self.model.index(row, 0), flags)
            if positions:
                self.table.scrollTo(self.model.index(positions[0], 0))
        self._update_actions()

    def _update_actions(self) -> None:
        any_rows = self.model.rowCount() > 0
        self.add_tag_action.setEnabled(any_rows)
        self.remove_tag_action.setEnabled(any_rows)
        self.export_action.setEnabled(any_rows)
        self.notice_action.setEnabled(self.home_org_id is not None)
        self.org_action.setEnabled(self.home_org_id is not None)

    # --- commands ----------------------------------------------------------------------------

    def _run(self, command: Callable[[], Any], done_label: str, *, slow_label: str = "") -> Any:
        """Run a store command; show a refusal in plain words; record the action for undo.
        With `slow_label` the command runs on a worker, with progress if it takes a while."""
        try:
            if slow_label:
                op_id = run_with_progress(
                    lambda _progress, _cancelled: command(),
                    slow_label,
                    parent=self,
                    cancellable=False,
                )
            else:
                op_id = command()
        except RuleViolation as error:
            QMessageBox.warning(self, self.tr("无法完成"), violation_text(error))
            return None
        self.undo_history.push(op_id, done_label)
        self.window().statusBar().showMessage(
            self.tr("已{action}。按 Ctrl+Z 可撤销").format(action=done_label), 5000
        )
        return op_id

    def edit_tags(self, *, removing: bool) -> str | None:
        """Add or remove tags on the selected followers, or on every one the filter matches:
        one operation, so one Ctrl+Z takes it back."""
        selected = self.selected_ids()
        known = list(self._tag_counts)
        dialog = TagDialog(
            removing=removing,
            known_tags=known,
            selected=len(selected),
            matching=self.model.rowCount(),
            parent=self,
        )
        if dialog.exec() != TagDialog.DialogCode.Accepted:
            return None
        tags = dialog.tags()
        ids = self.model.ids() if dialog.all_matching() else selected
        if not ids:
            return None
        names = "、".join(tags)
        if removing:
            done = self.tr("从 {n} 位粉丝移除标签“{tags}”").format(n=len(ids), tags=names)
            command = lambda: self.store.tag_followers(ids, remove=tags)  # noqa: E731
        else:
            done = self.tr("给 {n} 位粉丝添加标签“{tags}”").format(n=len(ids), tags=names)
            command = lambda: self.store.tag_followers(ids, add=tags)  # noqa: E731
        return self._run(command, done, slow_label=self.tr("正在保存标签…"))

    def sender_organizations(self) -> list[dict[str, Any]]:
        """Who may send a notice from here: the home organisation, then its subordinates."""
        orgs = {o["id"]: o for o in self.store.organizations()}
        home = orgs.get(self.home_org_id or "")
        return ([home] if home else []) + self.subordinates

    def write_notice(self) -> str | None:
        senders = self.sender_organizations()
        if not senders:
            return None
        ids = self.org_ids()
        preselected = ids[0] if len(ids) == 1 else senders[0]["id"]
        dialog = NoticeDialog(
            organizations=senders,
            org_id=preselected,
            tags=lambda org_id: self.store.read(fq.tag_counts, (org_id,)),
            recipients=lambda org_id, tag: self.store.read(fq.recipient_count, org_id, tag),
            tag=self.tag_combo.currentData() or "",
            parent=self,
        )
        if dialog.exec() != NoticeDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        sent: list[str] = []

        def command() -> str:
            op_id, notice_id = self.store.send_notice(
                dialog.org_id(), values["title"], values["body"], values["tag"]
            )
            sent.append(notice_id)
            return op_id

        op_id = self._run(command, self.tr("写通知“{title}”").format(title=values["title"]))
        if op_id is not None:
            self.tabs.setCurrentWidget(self.notice_table)
        return sent[0] if sent else None

    # --- Excel -------------------------------------------------------------------------------

    def export_interactive(self) -> None:
        """Ask where, then export the selected followers (several selected) or every one listed.
        Always masked: this page reveals no personal data (the 报名审核 page can, logged)."""
        ids = self.selected_ids()
        if len(ids) < 2:
            ids = self.model.ids()
        if not ids:
            QMessageBox.information(self, self.tr("导出 Excel"), self.tr("没有可导出的粉丝"))
            return
        day = local_time(self.store.clock())
        name = self.tr("粉丝名单-{day}.xlsx").format(day=f"{day:%Y%m%d}")
        path = ask_export_path(self, name)
        if path:
            self.export_to(path, ids)

    def export_to(self, path: Path, ids: Sequence[str]) -> int | None:
        """Write the followers `ids` to `path`, masked; how many, or None when nothing was
        written (cancelled, or the file could not be written: the user is told why)."""

        def rows() -> Iterator[dict[str, Any]]:
            for start in range(0, len(ids), fq.EXPORT_BATCH):
                yield from self.store.read(
                    fq.follower_export_rows, ids[start : start + fq.EXPORT_BATCH]
                )

        def job(progress: Any, cancelled: threading.Event) -> int:
            return excel.export_followers(
                path, rows(), total=len(ids), progress=progress, cancelled=cancelled
            )

        label = self.tr("正在导出 {n} 位粉丝…").format(n=len(ids))
        try:
            written = run_with_progress(job, label, parent=self)
        except excel.ExportCancelled:
            self.window().statusBar().showMessage(self.tr("已取消导出，没有生成文件"), 8000)
            return None
        except excel.ExcelFileError as error:
            QMessageBox.warning(
                self, self.tr("导出失败"), file_error_text(error.code, error.params)
            )
            return None
        self.window().statusBar().showMessage(
            self.tr("已导出 {n} 位粉丝到 {path}").format(n=written, path=path), 8000
        )
        return written
