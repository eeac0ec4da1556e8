"""Lazy table model of activities: the ordered ids come from SQL, rows are fetched a page at a time.

Filtering and sorting are SQL (`sync.store.queries`); the model only keeps the ids of the current
result and a cache of the rows that have been shown.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop.texts import format_span, phase_text
from sync import regions, rules
from sync.records import Phase
from sync.store import ActivityQuery, Store

Index = QModelIndex | QPersistentModelIndex


class ActivityTableModel(QAbstractTableModel):
    query_finished = Signal(int)
    """The result was reloaded; carries the number of matching activities."""

    PAGE = 200

    # Sort keys understood by sync.store.queries, in column order.
    KEYS = (
        "title",
        "category",
        "org",
        "region_code",
        "starts_at",  # shown as the time span, sorted by the start
        "phase",
        "capacity",
        "featured",
    )

    def __init__(self, store: Store, *, parent: Any = None):
        super().__init__(parent)
        self._store = store
        self._query = ActivityQuery()
        self._ids: list[str] = []
        self._rows: dict[str, dict[str, Any]] = {}
        self._categories: dict[str, str] = {}
        self._now = store.clock()

    # --- queries -----------------------------------------------------------------------------

    @property
    def query(self) -> ActivityQuery:
        return self._query

    def set_query(self, query: ActivityQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._now = self._store.clock()
        self._categories = {c["code"]: c["name"] for c in self._store.categories()}
        self._ids = self._store.activity_ids(self._query)
        self._rows.clear()
        self.endResetModel()
        self.query_finished.emit(len(self._ids))

    def refresh_rows(self) -> None:
        """Re-read the cached rows in place (same ids, same order): after an edit or undo."""
        self._rows.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.KEYS) - 1)
            )

    def retranslate(self) -> None:
        """Headers and phase texts are translated when shown; tell the views to ask again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.KEYS) - 1)
        self.refresh_rows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=self.KEYS[column], descending=descending))

    # --- access ------------------------------------------------------------------------------

    def column_of(self, key: str) -> int:
        return self.KEYS.index(key)

    def activity_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, activity_id: str) -> int:
        try:
            return self._ids.index(activity_id)
        except ValueError:
            return -1

    def row_data(self, row: int) -> dict[str, Any]:
        activity_id = self._ids[row]
        if activity_id not in self._rows:
            start = row - row % self.PAGE
            self._rows.update(self._store.activity_rows(self._ids[start : start + self.PAGE]))
        return self._rows[activity_id]

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("活动名称"),
            self.tr("类别"),
            self.tr("主办组织"),
            self.tr("地区"),
            self.tr("活动时间"),
            self.tr("状态"),
            self.tr("已通过/名额"),
            self.tr("精选"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row["description"][:200] or None
        if role == Qt.ItemDataRole.ForegroundRole and key == "phase":
            return _PHASE_COLORS.get(rules.phase(row, self._now))
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("capacity", "featured"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, row: dict[str, Any], key: str) -> str:
        match key:
            case "title":
                return row["title"]
            case "category":
                return self._categories.get(row["category"], row["category"])
            case "org":
                return row["org_name"]
            case "region_code":
                return regions.regions().full_name(row["region_code"])
            case "starts_at":
                return format_span(row["starts_at"], row["ends_at"])
            case "phase":
                text = phase_text(rules.phase(row, self._now))
                if row["pending_count"]:
                    text += self.tr("（{n} 待审）").format(n=row["pending_count"])
                return text
            case "capacity":
                return f"{row['approved_count']}/{row['capacity']}"
            case "featured":
                return "★" if row["featured"] else ""
        return ""


_PHASE_COLORS = {
    Phase.DRAFT: QColor("#7a7a7a"),
    Phase.NOT_STARTED: QColor("#2f6fb3"),
    Phase.REGISTERING: QColor("#1e8a3a"),
    Phase.REGISTRATION_CLOSED: QColor("#b26a00"),
    Phase.IN_PROGRESS: QColor("#c0392b"),
    Phase.ENDED: QColor("#555555"),
    Phase.COMPLETED: QColor("#555555"),
    Phase.CANCELLED: QColor("#999999"),
}
