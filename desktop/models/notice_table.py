"""The notices an organisation sent (通知记录): a short list, read whole and kept in memory."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from desktop.texts import format_time, label
from sync.client.store import Store
from sync.client.store import follower_queries as fq
from sync.core.records import NoticeStatus

Index = QModelIndex | QPersistentModelIndex

_STATUS_COLORS = {NoticeStatus.QUEUED.value: QColor("#b26a00"), NoticeStatus.SENT.value: None}


class NoticeTableModel(QAbstractTableModel):
    KEYS = ("title", "org", "audience", "created_at", "status", "recipient_count", "sent_at")

    def __init__(self, store: Store, *, parent: Any = None):
        super().__init__(parent)
        self._store = store
        self._org_ids: tuple[str, ...] = ()
        self._rows: list[dict[str, Any]] = []

    def set_organizations(self, org_ids: tuple[str, ...]) -> None:
        self._org_ids = org_ids
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._store.read(fq.notice_list, self._org_ids)
        self.endResetModel()

    def notice(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def column_of(self, key: str) -> int:
        return self.KEYS.index(key)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.KEYS) - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, len(self.KEYS) - 1)
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("标题"),
            self.tr("发送组织"),
            self.tr("发送对象"),
            self.tr("创建时间"),
            self.tr("状态"),
            self.tr("收到人数"),
            self.tr("发送时间"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row["body"][:300] or None
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return _STATUS_COLORS.get(row["status"])
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("status", "recipient_count"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, row: dict[str, Any], key: str) -> str:
        sent = row["status"] == NoticeStatus.SENT.value
        match key:
            case "title":
                return row["title"]
            case "org":
                return row["org_name"]
            case "audience":
                if row["tag"]:
                    return self.tr("标签：{tag}").format(tag=row["tag"])
                return self.tr("全部粉丝")
            case "created_at":
                return format_time(row["created_at"])
            case "status":
                return label(row["status"]) if row["status"] in ("queued", "sent") else ""
            case "recipient_count":
                return str(row["recipient_count"]) if sent else "—"
            case "sent_at":
                return format_time(row["sent_at"]) if sent else ""
        return ""
