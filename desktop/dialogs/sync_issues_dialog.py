"""同步问题: the field conflicts to settle and the operations the server refused, each with the
action that closes it. Reachable from the status bar's ⚠ button and the 账户 menu."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.events import StoreEvents
from desktop.texts import format_time, label, rule_message
from desktop.undo import UndoHistory
from sync.client.store import Store, queries
from sync.core import messages
from sync.core.operations import Kind
from sync.core.rules import RuleViolation

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
MAX_COLUMN = 240  # pixels: a long title does not push the values out of sight


# --- readable texts ------------------------------------------------------------------------------

# Module functions translate in the dialog's context, spelled out for lupdate to find.


def field_text(field: str, table: str = "activities") -> str:
    """A field's name as cadres know it; fields without a shared label get one here."""
    if table == "requests" and field == "category":
        return QCoreApplication.translate("SyncIssuesDialog", "诉求类别")
    if field in messages.LABELS:
        return label(field)
    extra = {
        "requires_review": QCoreApplication.translate("SyncIssuesDialog", "报名需审核"),
        "featured": QCoreApplication.translate("SyncIssuesDialog", "精选活动"),
        "status": QCoreApplication.translate("SyncIssuesDialog", "状态"),
    }
    return extra.get(field, field)


def value_text(field: str, value: Any, categories: dict[str, str]) -> str:
    """A field value as a cadre reads it: China time, 是/否, category and region names."""
    if value is None or value == "":
        return QCoreApplication.translate("SyncIssuesDialog", "（空）")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncIssuesDialog", "是")
            if value
            else QCoreApplication.translate("SyncIssuesDialog", "否")
        )
    if isinstance(value, datetime):
        return format_time(value)
    if field == "category":
        return categories.get(value, value)
    if field == "region_code":
        from sync.core import regions

        try:
            return regions.regions().full_name(value)
        except regions.RegionDataMissingError:
            return str(value)
    if isinstance(value, str | int | float):
        return str(value)
    return repr(value)


def _simple_descriptions() -> dict[Kind, str]:
    """Kinds described by a fixed text naming `{who}` (the record's subject); built per call so
    each text is translated in the current language."""
    return {
        Kind.REGISTRATION_CREATE: QCoreApplication.translate(
            "SyncIssuesDialog", "登记报名（{who}）"
        ),
        Kind.REGISTRATION_CANCEL: QCoreApplication.translate(
            "SyncIssuesDialog", "取消报名（{who}）"
        ),
        Kind.YOUTH_CREATE: QCoreApplication.translate(
            "SyncIssuesDialog", "青年登记个人信息（{who}）"
        ),
        Kind.YOUTH_CONSENT: QCoreApplication.translate(
            "SyncIssuesDialog", "记录监护人同意（{who}）"
        ),
        Kind.FOLLOWER_TAG: QCoreApplication.translate(
            "SyncIssuesDialog", "修改关注者标签（{who}）"
        ),
        Kind.FOLLOWER_FOLLOW: QCoreApplication.translate("SyncIssuesDialog", "关注组织（{who}）"),
        Kind.FOLLOWER_UNFOLLOW: QCoreApplication.translate("SyncIssuesDialog", "取消关注（{who}）"),
        Kind.NOTICE_SEND: QCoreApplication.translate("SyncIssuesDialog", "发送通知（{who}）"),
        Kind.TARGET_SET: QCoreApplication.translate("SyncIssuesDialog", "设置考核目标（{who}）"),
        Kind.CHECKIN_IN: QCoreApplication.translate("SyncIssuesDialog", "签到（{who}）"),
        Kind.CHECKIN_OUT: QCoreApplication.translate("SyncIssuesDialog", "签退（{who}）"),
        Kind.CHECKIN_VOID: QCoreApplication.translate("SyncIssuesDialog", "撤销签到（{who}）"),
        Kind.CHECKIN_ADJUST: QCoreApplication.translate(
            "SyncIssuesDialog", "更正志愿时长（{who}）"
        ),
        Kind.CHECKIN_CONFIRM: QCoreApplication.translate(
            "SyncIssuesDialog", "确认志愿时长（{who}）"
        ),
        Kind.ACTIVITY_HOURS_RULE: QCoreApplication.translate(
            "SyncIssuesDialog", "修改志愿时长规则（{who}）"
        ),
        Kind.PERSONAL_REVEAL: QCoreApplication.translate(
            "SyncIssuesDialog", "查看完整个人信息（{who}）"
        ),
        Kind.REQUEST_SUBMIT: QCoreApplication.translate("SyncIssuesDialog", "提交诉求（{who}）"),
        Kind.REQUEST_ADD: QCoreApplication.translate("SyncIssuesDialog", "补充诉求（{who}）"),
        Kind.REQUEST_CLASSIFY: QCoreApplication.translate("SyncIssuesDialog", "诉求分类（{who}）"),
        Kind.REQUEST_ASSIGN: QCoreApplication.translate("SyncIssuesDialog", "交办诉求（{who}）"),
        Kind.REQUEST_REPLY: QCoreApplication.translate("SyncIssuesDialog", "答复诉求（{who}）"),
        Kind.REQUEST_ARCHIVE: QCoreApplication.translate("SyncIssuesDialog", "归档诉求（{who}）"),
    }


def describe_operation(kind: str, payload: dict[str, Any], subject: str | None) -> str:
    """What an operation did, in a cadre's words: 修改活动“标题”（活动名称）, 审核报名 …;
    `subject` names its record (the store's `rejected_operations` finds it). Every `Kind` has
    a description; only a kind this version does not know is 其他操作."""
    title = subject or QCoreApplication.translate("SyncIssuesDialog", "已删除的活动")
    known = Kind.find(kind)
    if known is Kind.ACTIVITY_CREATE:
        return QCoreApplication.translate("SyncIssuesDialog", "新建活动“{title}”").format(
            title=title
        )
    if known is Kind.ACTIVITY_UPDATE:
        changed = "、".join(field_text(f) for f in (payload.get("changes") or {}))
        return QCoreApplication.translate(
            "SyncIssuesDialog", "修改活动“{title}”（{fields}）"
        ).format(title=title, fields=changed)
    if known is Kind.ACTIVITY_TRANSITION:
        action = {"published": "publish", "cancelled": "cancel", "completed": "complete"}.get(
            str(payload.get("to"))
        )
        verb = (
            label(action) if action else QCoreApplication.translate("SyncIssuesDialog", "更改状态")
        )
        text = QCoreApplication.translate("SyncIssuesDialog", "{verb}活动“{title}”").format(
            verb=verb, title=title
        )
        return text[:1].upper() + text[1:]  # English starts with the (lower-case) verb
    if known is Kind.ACTIVITY_DELETE:
        return QCoreApplication.translate("SyncIssuesDialog", "删除活动“{title}”").format(
            title=title
        )
    if known is Kind.REGISTRATION_REVIEW:
        who = subject or QCoreApplication.translate("SyncIssuesDialog", "已删除的报名")
        if payload.get("decision") == "reject":
            text = QCoreApplication.translate("SyncIssuesDialog", "拒绝报名（{who}）")
        else:
            text = QCoreApplication.translate("SyncIssuesDialog", "通过报名（{who}）")
        return text.format(who=who)
    simple = _simple_descriptions()
    if known in simple:
        text = simple[known]
        if subject:
            return text.format(who=subject)
        return text.replace("（{who}）", "").replace(" ({who})", "")
    return QCoreApplication.translate("SyncIssuesDialog", "其他操作（{kind}）").format(kind=kind)


def reason_text(code: str | None, params: dict[str, Any]) -> str:
    """The server's reason through the shared messages; problems of an invalid activity are
    listed one by one."""
    problems = params.get("problems") if isinstance(params.get("problems"), list) else []
    try:
        if problems:
            return "；".join(rule_message(p["code"], p.get("params") or {}) for p in problems)
        return rule_message(code or "", params)
    except (KeyError, IndexError, TypeError):  # a newer server's reason this version lacks
        return QCoreApplication.translate(
            "SyncIssuesDialog", "服务器拒绝了这个操作（{code}）"
        ).format(code=code or "?")


# --- a small sortable list -----------------------------------------------------------------------


class IssueListModel(QAbstractTableModel):
    """A few rows held in memory, each a tuple of (text, sort key) per column plus an id;
    sorting goes through a QSortFilterProxyModel on the sort keys (the lists are short)."""

    def __init__(self, headers: Callable[[], list[str]], parent: QObject | None = None):
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[str, list[tuple[str, Any]], str]] = []

    def set_rows(self, rows: list[tuple[str, list[tuple[str, Any]], str]]) -> None:
        """rows: (id, [(text, sort key) per column], tooltip)."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._headers())

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row_id, cells, tooltip = self._rows[index.row()]
        text, key = cells[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " ".join(text.split("\n"))  # one line; Qt elides what does not fit
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip or text
        if role == SORT_ROLE:
            return key
        if role == ID_ROLE:
            return row_id
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers()[section]
        return None


class IssueTable(QTableView):
    """Enter and Delete run the section's actions; a sortable, row-selecting table."""

    def __init__(
        self, model: IssueListModel, stretch: Sequence[int], parent: QWidget | None = None
    ):
        """`stretch`: the columns that share the free width (long values); the others fit
        their contents up to MAX_COLUMN pixels."""
        super().__init__(parent)
        self._stretch = tuple(stretch)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(SORT_ROLE)
        self.setModel(self.proxy)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.on_enter: Callable[[], None] | None = None
        self.on_delete: Callable[[], None] | None = None

    def fit_columns(self) -> None:
        header = self.horizontalHeader()
        for column in range(self.proxy.columnCount()):
            if column in self._stretch:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            else:
                self.resizeColumnToContents(column)
                header.resizeSection(column, min(header.sectionSize(column), MAX_COLUMN))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.on_enter:
            self.on_enter()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.on_delete:
            self.on_delete()
        else:
            super().keyPressEvent(event)

    def selected_ids(self) -> list[str]:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        return [r.data(ID_ROLE) for r in sorted(rows, key=lambda r: r.row())]

    def select_row(self, row: int) -> None:
        """Keep the keyboard flow going: the row now at the settled one's place."""
        count = self.proxy.rowCount()
        if count:
            index = self.proxy.index(min(row, count - 1), 0)
            self.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )


# --- the dialog ----------------------------------------------------------------------------------


class SyncIssuesDialog(QDialog):
    def __init__(
        self,
        store: Store,
        events: StoreEvents,
        undo_history: UndoHistory,
        *,
        undo: Callable[[], None] | None = None,
        parent: QWidget | None = None,
    ):
        """`undo` is the window's Ctrl+Z (it explains a refusal); by default the history's."""
        super().__init__(parent)
        self.store = store
        self.undo_history = undo_history
        self._undo = undo or (lambda: undo_history.undo())
        self.setMinimumSize(760, 480)
        self.resize(980, 620)

        self.empty_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, objectName="empty")
        self.empty_label.setStyleSheet("color: #666; font-size: 15px;")

        self.conflict_title = QLabel(objectName="section")
        self.conflict_hint = QLabel(wordWrap=True)
        self.conflict_hint.setStyleSheet("color: #555;")
        self.conflict_model = IssueListModel(self._conflict_headers, self)
        self.conflict_table = IssueTable(self.conflict_model, stretch=(2, 3))
        self.conflict_table.setObjectName("conflicts")
        self.conflict_table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
        self.theirs_button = QPushButton()
        self.mine_button = QPushButton()
        self.theirs_button.clicked.connect(self.keep_theirs)
        self.mine_button.clicked.connect(self.use_mine)
        self.conflict_table.on_delete = self.keep_theirs
        self.conflict_table.on_enter = self.use_mine

        self.rejected_title = QLabel(objectName="section")
        self.rejected_hint = QLabel(wordWrap=True)
        self.rejected_hint.setStyleSheet("color: #555;")
        self.rejected_model = IssueListModel(self._rejected_headers, self)
        self.rejected_table = IssueTable(self.rejected_model, stretch=(2,))
        self.rejected_table.setObjectName("rejected")
        self.rejected_table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.dismiss_button = QPushButton()
        self.dismiss_button.clicked.connect(self.dismiss)
        self.rejected_table.on_enter = self.dismiss
        self.rejected_table.on_delete = self.dismiss

        for title in (self.conflict_title, self.rejected_title):
            title.setStyleSheet("font-size: 15px; font-weight: bold; margin-top: 6px;")

        self.conflict_section = self._section(
            self.conflict_title,
            self.conflict_hint,
            self.conflict_table,
            [self.theirs_button, self.mine_button],
        )
        self.rejected_section = self._section(
            self.rejected_title, self.rejected_hint, self.rejected_table, [self.dismiss_button]
        )
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.conflict_section)
        self.splitter.addWidget(self.rejected_section)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.splitter)

        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        self.close_button.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.undo_action.triggered.connect(self._undo_last)
        self.addAction(self.undo_action)

        for table in (self.conflict_table, self.rejected_table):
            table.selectionModel().selectionChanged.connect(self._update_buttons)
        events.table_changed.connect(self._on_table_changed)
        self.retranslate()
        self.reload()

    @staticmethod
    def _section(
        title: QLabel, hint: QLabel, table: IssueTable, buttons: Sequence[QPushButton]
    ) -> QWidget:
        section = QWidget()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addWidget(table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            button.setAutoDefault(False)  # Enter belongs to the table, not to a button
            row.addWidget(button)
        layout.addLayout(row)
        return section

    def _conflict_headers(self) -> list[str]:
        return [
            self.tr("记录"),  # an activity's title, or the start of a request's text
            self.tr("内容"),
            self.tr("我的修改"),
            self.tr("对方的修改"),
            self.tr("发现时间"),
        ]

    def _rejected_headers(self) -> list[str]:
        return [self.tr("操作"), self.tr("操作时间"), self.tr("服务器的理由")]

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("同步问题"))
        self.empty_label.setText(self.tr("没有需要处理的同步问题"))
        self.conflict_hint.setText(
            self.tr(
                "其他设备同时修改了相同内容，服务器暂时保留了对方的修改。"
                "请选择保留哪一方（Delete 保留对方，Enter 使用我的，Ctrl+Z 撤销）。"
            )
        )
        self.rejected_hint.setText(
            self.tr("服务器没有执行这些操作，它们在本机的效果已经撤回。看过后点“知道了”。")
        )
        self.theirs_button.setText(self.tr("保留对方"))
        self.mine_button.setText(self.tr("使用我的"))
        self.dismiss_button.setText(self.tr("知道了"))
        self.close_button.setText(self.tr("关闭"))
        self.undo_action.setText(self.tr("撤销"))
        self.reload()

    def showEvent(self, event: QEvent) -> None:
        self.reload()  # changes made while it was hidden
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- data --------------------------------------------------------------------------------

    def _on_table_changed(self, table: str) -> None:
        if table in ("conflicts", "outbox", "activities", "requests") and self.isVisible():
            self.reload()

    def reload(self) -> None:
        every = self.store.read(queries.category_list, active_only=False)
        categories = {c["code"]: c["name"] for c in every}
        conflicts = self.store.open_conflicts()
        rows = []
        for c in conflicts:
            title = c["record_title"] or self.tr("已删除的活动")
            mine = value_text(c["field"], c["mine"], categories)
            theirs = value_text(c["field"], c["theirs"], categories)
            name = field_text(c["field"], c["table_name"])
            rows.append(
                (
                    c["id"],
                    [
                        (title, title),
                        (name, name),
                        (mine, _sortable(c["mine"])),
                        (theirs, _sortable(c["theirs"])),
                        (format_time(c["detected_at"]), c["detected_at"].isoformat()),
                    ],
                    f"{title}\n{name}\n{self.tr('我的修改')}：{mine}\n"
                    f"{self.tr('对方的修改')}：{theirs}",
                )
            )
        self.conflict_model.set_rows(rows)

        refused = self.store.rejected_operations()
        rows = []
        for r in refused:
            what = describe_operation(r["kind"], r["payload"], r["subject"])
            why = reason_text(r["code"], r["params"])
            when = format_time(r["occurred_at"])
            rows.append(
                (
                    r["op_id"],
                    [(what, what), (when, r["occurred_at"].isoformat()), (why, why)],
                    f"{what}\n{why}",
                )
            )
        self.rejected_model.set_rows(rows)

        self.conflict_title.setText(self.tr("冲突（{n}）").format(n=len(conflicts)))
        self.rejected_title.setText(self.tr("被拒绝的操作（{n}）").format(n=len(refused)))
        self.conflict_section.setVisible(bool(conflicts))
        self.rejected_section.setVisible(bool(refused))
        self.stack.setCurrentIndex(1 if conflicts or refused else 0)
        # each list as tall as its rows ask, within the window
        self.splitter.setSizes([120 + 30 * len(conflicts), 120 + 30 * len(refused)])
        for table in (self.conflict_table, self.rejected_table):
            table.fit_columns()
            if table.proxy.rowCount() and not table.selectionModel().hasSelection():
                table.select_row(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_conflict = bool(self.conflict_table.selected_ids())
        self.theirs_button.setEnabled(has_conflict)
        self.mine_button.setEnabled(has_conflict)
        self.dismiss_button.setEnabled(bool(self.rejected_table.selected_ids()))

    # --- actions -----------------------------------------------------------------------------

    def _settle(self, use_mine: bool) -> None:
        table = self.conflict_table
        ids = table.selected_ids()
        if not ids:
            return
        row = min(r.row() for r in table.selectionModel().selectedRows())
        by_id = {c["id"]: c for c in self.store.open_conflicts()}
        refusals: list[str] = []
        for conflict_id in ids:
            item = by_id.get(conflict_id)
            if item is None:  # settled with an earlier one of the same field
                continue
            try:
                op_id = self.store.resolve_conflict(conflict_id, use_mine=use_mine)
            except RuleViolation as error:
                refusals.append(f"{item['record_title'] or ''} {field_text(item['field'])}：")
                refusals[-1] += rule_message(error.code, error.params)
                continue
            if op_id is not None:
                title = item["record_title"] or ""
                self.undo_history.push(
                    op_id,
                    self.tr("使用我的修改（{title}：{field}）").format(
                        title=title, field=field_text(item["field"])
                    ),
                )
        self.reload()
        table.select_row(row)
        table.setFocus()
        if refusals:
            QMessageBox.information(
                self,
                self.tr("无法使用我的修改"),
                self.tr("以下内容无法改回我的修改，可以选择“保留对方”：\n{items}").format(
                    items="\n".join(refusals)
                ),
            )

    def keep_theirs(self) -> None:
        self._settle(use_mine=False)

    def use_mine(self) -> None:
        self._settle(use_mine=True)

    def dismiss(self) -> None:
        table = self.rejected_table
        ids = table.selected_ids()
        if not ids:
            return
        row = min(r.row() for r in table.selectionModel().selectedRows())
        for op_id in ids:
            self.store.dismiss_rejected(op_id)
        self.reload()
        table.select_row(row)
        table.setFocus()

    def _undo_last(self) -> None:
        self._undo()
        self.reload()


def _sortable(value: Any) -> Any:
    """One sort key type per column, whatever the field: text sorts after numbers."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bool | int | float):
        return f"{float(value):020.6f}"
    return "" if value is None else str(value)
