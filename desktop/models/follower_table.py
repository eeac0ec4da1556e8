"""Lazy table model of followers: the ordered ids come from SQL, rows are fetched a page at a time.

Filtering and sorting are SQL (`sync.store.follower_queries`); the model keeps the ids of the
current result and a cache of the rows that have been shown. Phones are masked here, for every
view of the model: this page never shows a whole number.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop.texts import format_time, label, local_time
from sync.privacy import GUARDIAN_CONSENT_AGE, mask_phone, needs_guardian_consent
from sync.records import Gender, GuardianConsent
from sync.rules import decode_tags
from sync.store import Store
from sync.store import follower_queries as fq

Index = QModelIndex | QPersistentModelIndex

MINOR_COLOR = QColor("#b26a00")


class FollowerTableModel(QAbstractTableModel):
    query_finished = Signal(int)
    """The result was reloaded; carries the number of matching followers."""

    PAGE = 200

    # Sort keys understood by sync.store.follower_queries, in column order ("" = not sortable).
    KEYS = ("name", "phone", "gender", "org", "followed_at", "source", "joined", "tags")

    def __init__(self, store: Store, *, parent: Any = None):
        super().__init__(parent)
        self._store = store
        self._query = fq.FollowerQuery()
        self._ids: list[str] = []
        self._rows: dict[str, dict[str, Any]] = {}
        self._today = local_time(store.clock()).date()

    # --- queries -----------------------------------------------------------------------------

    @property
    def query(self) -> fq.FollowerQuery:
        return self._query

    def set_query(self, query: fq.FollowerQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._today = local_time(self._store.clock()).date()
        self._ids = self._store.read(fq.follower_ids, self._query)
        self._rows.clear()
        self.endResetModel()
        self.query_finished.emit(len(self._ids))

    def refresh_rows(self) -> None:
        """Re-read the cached rows in place (same ids, same order): after tagging or undo."""
        self._rows.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.KEYS) - 1)
            )

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.KEYS) - 1)
        self.refresh_rows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.KEYS[column]
        if key not in fq.FOLLOWER_SORT_COLUMNS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=key, descending=descending))

    # --- access ------------------------------------------------------------------------------

    def column_of(self, key: str) -> int:
        return self.KEYS.index(key)

    def ids(self) -> list[str]:
        """Every matching follower, in display order."""
        return list(self._ids)

    def rows_of(self, follower_ids: Sequence[str]) -> list[int]:
        """The rows of these followers that the current result holds, in order."""
        wanted = set(follower_ids)
        return [row for row, follower_id in enumerate(self._ids) if follower_id in wanted]

    def follower_id(self, row: int) -> str:
        return self._ids[row]

    def row_data(self, row: int) -> dict[str, Any]:
        follower_id = self._ids[row]
        if follower_id not in self._rows:
            start = row - row % self.PAGE
            page = self._ids[start : start + self.PAGE]
            self._rows.update(self._store.read(fq.follower_rows, page))
        return self._rows[follower_id]

    def is_minor(self, row: dict[str, Any]) -> bool:
        return needs_guardian_consent(row["birth_date"], self._today)

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            self.tr("姓名"),
            self.tr("手机号"),
            self.tr("性别"),
            self.tr("关注的组织"),
            self.tr("关注时间"),
            self.tr("来源活动"),
            self.tr("参加活动"),
            self.tr("标签"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if key == "name" and self.is_minor(row):
            if role == Qt.ItemDataRole.ForegroundRole:
                return MINOR_COLOR
            if role == Qt.ItemDataRole.ToolTipRole:
                text = self.tr("未满 {age} 周岁：处理其个人信息需征得监护人同意（{consent}）")
                consent = self.consent_text(row["guardian_consent"])
                return text.format(age=GUARDIAN_CONSENT_AGE, consent=consent)
        if role == Qt.ItemDataRole.ToolTipRole and key == "source":
            return row["source_title"] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("gender", "joined"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _display(self, row: dict[str, Any], key: str) -> str:
        match key:
            case "name":
                if self.is_minor(row):
                    return self.tr("{name}（未满{age}岁）").format(
                        name=row["name"], age=GUARDIAN_CONSENT_AGE
                    )
                return row["name"]
            case "phone":
                return mask_phone(row["phone"])
            case "gender":
                return self.gender_text(row["gender"])
            case "org":
                return row["org_name"]
            case "followed_at":
                return format_time(row["followed_at"])
            case "source":
                return row["source_title"] or ""
            case "joined":
                return str(row["joined"])
            case "tags":
                return "、".join(self.tags_of(row))
        return ""

    @staticmethod
    def tags_of(row: dict[str, Any]) -> list[str]:
        return decode_tags(row["tags"])

    def consent_text(self, consent: str) -> str:
        if consent in (GuardianConsent.GIVEN.value, GuardianConsent.REFUSED.value):
            return label(consent)
        return self.tr("尚未确认监护人意见")

    def gender_text(self, gender: str) -> str:
        return {
            Gender.MALE.value: self.tr("男"),
            Gender.FEMALE.value: self.tr("女"),
        }.get(gender, self.tr("未知"))
