"""Lazy table model of registrations: ordered ids from SQL, rows fetched a page at a time.

Filtering and sorting are SQL (`sync.store.registration_queries`). Phone numbers are shown
masked, always: a full number is only ever shown by the page's reveal action, which is logged.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from desktop.texts import format_time, label
from sync import privacy
from sync.records import CHINA_TIME, GuardianConsent, RegistrationStatus
from sync.store import Store
from sync.store import registration_queries as rq

Index = QModelIndex | QPersistentModelIndex


class RegistrationTableModel(QAbstractTableModel):
    query_finished = Signal(int)
    """The result was reloaded; carries the number of matching registrations."""

    PAGE = 200

    # Sort keys of sync.store.registration_queries, in column order ("phone" does not sort).
    KEYS = (
        "name",
        "phone",
        "gender",
        "birth_date",  # shown as the age
        "school_or_employer",
        "activity",
        "registered_at",
        "status",
        "source",
        "reject_reason",
    )

    def __init__(self, store: Store, *, parent: Any = None):
        super().__init__(parent)
        self._store = store
        self._query = rq.RegistrationQuery()
        self._ids: list[str] = []
        self._rows: dict[str, dict[str, Any]] = {}
        self._positions: dict[str, int] | None = None  # id → row, built when first needed
        self._today = store.clock().astimezone(CHINA_TIME).date()

    # --- queries -----------------------------------------------------------------------------

    @property
    def query(self) -> rq.RegistrationQuery:
        return self._query

    def set_query(self, query: rq.RegistrationQuery) -> None:
        self._query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._today = self._store.clock().astimezone(CHINA_TIME).date()
        self._ids = self._store.read(rq.registration_ids, self._query)
        self._positions = None
        self._rows.clear()
        self.endResetModel()
        self.query_finished.emit(len(self._ids))

    def refresh_rows(self) -> None:
        """Re-read the cached rows in place (same ids, same order)."""
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
        if key not in rq.REGISTRATION_SORT_COLUMNS:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == "birth_date":  # the column shows the age: older first means earlier births
            descending = not descending
        self.set_query(replace(self._query, sort=key, descending=descending))

    # --- access ------------------------------------------------------------------------------

    @property
    def ids(self) -> list[str]:
        return self._ids

    def column_of(self, key: str) -> int:
        return self.KEYS.index(key)

    def registration_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, registration_id: str) -> int:
        if self._positions is None:
            self._positions = {rid: row for row, rid in enumerate(self._ids)}
        return self._positions.get(registration_id, -1)

    def row_data(self, row: int) -> dict[str, Any]:
        registration_id = self._ids[row]
        if registration_id not in self._rows:
            start = row - row % self.PAGE
            page = self._ids[start : start + self.PAGE]
            self._rows.update(self._store.read(rq.registration_rows, page))
        return self._rows[registration_id]

    def next_pending(self, after: int) -> int:
        """The row of the next pending registration after `after` (wrapping), or -1."""
        count = len(self._ids)
        for step in range(1, count + 1):
            row = (after + step) % count
            if self.row_data(row)["status"] == RegistrationStatus.PENDING.value:
                return row
        return -1

    def age(self, row: dict[str, Any]) -> int | None:
        birth = row["birth_date"]
        return privacy.age_on(birth, self._today) if birth else None

    def needs_consent(self, row: dict[str, Any]) -> bool:
        return privacy.needs_guardian_consent(row["birth_date"], self._today)

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
            self.tr("年龄"),
            self.tr("学校/单位"),
            self.tr("活动"),
            self.tr("报名时间"),
            self.tr("状态"),
            self.tr("来源"),
            self.tr("拒绝理由"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None  # the view asks ~10 roles per cell: answer the rest without a lookup
        row = self.row_data(index.row())
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "birth_date" and self.needs_consent(row):
                return self.tr("未满14岁：处理其个人信息需监护人同意（{consent}）").format(
                    consent=self.consent_text(row["guardian_consent"])
                )
            if key in ("reject_reason", "activity", "school_or_employer"):
                return self._display(row, key) or None
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "status":
                return _STATUS_COLORS.get(row["status"])
            if key == "birth_date" and self.needs_consent(row):
                consent = row["guardian_consent"]
                return QColor("#1e8a3a" if consent == GuardianConsent.GIVEN else "#c0392b")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("gender", "birth_date"):
            return Qt.AlignmentFlag.AlignCenter
        return None

    def consent_text(self, consent: str) -> str:
        return {
            GuardianConsent.GIVEN.value: self.tr("监护人已同意"),
            GuardianConsent.REFUSED.value: self.tr("监护人未同意"),
        }.get(consent, self.tr("监护人同意未确认"))

    def short_consent_text(self, consent: str) -> str:
        return {
            GuardianConsent.GIVEN.value: self.tr("已同意"),
            GuardianConsent.REFUSED.value: self.tr("未同意"),
        }.get(consent, self.tr("未确认"))

    def gender_text(self, gender: str) -> str:
        return {"male": self.tr("男"), "female": self.tr("女")}.get(gender, "")

    def source_text(self, source: str) -> str:
        return {
            "online": self.tr("线上报名"),
            "walk_in": self.tr("现场报名"),
            "import": self.tr("Excel 导入"),
        }.get(source, source)

    def _display(self, row: dict[str, Any], key: str) -> str:
        match key:
            case "name":
                return row["name"]
            case "phone":
                return privacy.mask_phone(row["phone"])
            case "gender":
                return self.gender_text(row["gender"])
            case "birth_date":
                age = self.age(row)
                if age is None:
                    return ""
                if self.needs_consent(row):
                    return self.tr("{age} 岁 · 未满14岁 · {consent}").format(
                        age=age, consent=self.short_consent_text(row["guardian_consent"])
                    )
                return str(age)
            case "school_or_employer":
                return row["school_or_employer"]
            case "activity":
                return row["activity_title"]
            case "registered_at":
                return format_time(row["registered_at"])
            case "status":
                return label(row["status"])
            case "source":
                return self.source_text(row["source"])
            case "reject_reason":
                return row["reject_reason"]
        return ""


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.TextAlignmentRole,
    }
)

_STATUS_COLORS = {
    RegistrationStatus.PENDING.value: QColor("#b26a00"),
    RegistrationStatus.APPROVED.value: QColor("#1e8a3a"),
    RegistrationStatus.WAITLISTED.value: QColor("#2f6fb3"),
    RegistrationStatus.REJECTED.value: QColor("#c0392b"),
    RegistrationStatus.CANCELLED.value: QColor("#999999"),
}
