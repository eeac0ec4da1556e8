"""The activities of the 活动 page: a lazy model (`LazyTableModel`) over the store's queries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.models.lazy_table import Index, LazyTableModel
from desktop.texts import format_span, phase_text
from sync.client.store import ActivityQuery, Store
from sync.core import regions, rules
from sync.core.records import Phase


class ActivityTableModel(LazyTableModel):
    # Sort keys understood by sync.client.store.queries, in column order.
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
        super().__init__(store, ActivityQuery(), parent=parent)
        self._categories: dict[str, str] = {}
        self._now = store.clock()

    def before_reload(self) -> None:
        self._now = self._store.clock()
        self._categories = {c["code"]: c["name"] for c in self._store.categories()}

    def read_ids(self, query: ActivityQuery) -> list[str]:
        return self._store.activity_ids(query)

    def read_rows(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return self._store.activity_rows(list(ids))

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("活动名称"),
            self.tr("类别"),
            self.tr("主办组织"),
            self.tr("地区"),
            self.tr("活动时间"),
            self.tr("状态"),
            self.tr("已通过/名额"),
            self.tr("精选"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        if row is None:
            return None  # vanished: the model reads its ids again
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
