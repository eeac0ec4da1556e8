"""The registrations of the 报名审核 page: a lazy model (`LazyTableModel`) over
`sync.client.store.registration_queries`. Phone numbers are shown masked, always: a full number is
only ever shown by the page's reveal action, which is logged.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.models.lazy_table import Index, LazyTableModel
from desktop.texts import consent_text, format_time, label, minor_note
from sync.client.store import Store
from sync.client.store import registration_queries as rq
from sync.core import privacy
from sync.core.records import CHINA_TIME, GuardianConsent, RegistrationStatus


class RegistrationTableModel(LazyTableModel):
    # Sort keys of sync.client.store.registration_queries, in column order ("phone" does not sort).
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
    SORTABLE = rq.REGISTRATION_SORT_COLUMNS

    def __init__(self, store: Store, *, parent: Any = None):
        super().__init__(store, rq.RegistrationQuery(), parent=parent)
        self._today = store.clock().astimezone(CHINA_TIME).date()

    def before_reload(self) -> None:
        self._today = self._store.clock().astimezone(CHINA_TIME).date()

    def read_ids(self, query: rq.RegistrationQuery) -> list[str]:
        return self._store.read(rq.registration_ids, query)

    def read_rows(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return self._store.read(rq.registration_rows, ids)

    def sort_query(
        self, query: rq.RegistrationQuery, key: str, descending: bool
    ) -> rq.RegistrationQuery:
        if key == "birth_date":  # the column shows the age: older first means earlier births
            descending = not descending
        return replace(query, sort=key, descending=descending)

    def headers(self) -> tuple[str, ...]:
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
        )

    # Ages here are on the day the registration's activity starts, as the approval rule counts
    # them (`sync.core.privacy.awaits_guardian_consent`): the flag and the rule never disagree.
    def age(self, row: dict[str, Any]) -> int | None:
        birth = row["birth_date"]
        return privacy.age_on(birth, self._activity_day(row)) if birth else None

    def needs_consent(self, row: dict[str, Any]) -> bool:
        return privacy.needs_guardian_consent(row["birth_date"], self._activity_day(row))

    def awaits_consent(self, row: dict[str, Any]) -> bool:
        """The registration cannot be approved until a guardian's consent is recorded."""
        return privacy.awaits_guardian_consent(
            row["birth_date"], row["guardian_consent"], row["activity_starts_at"]
        )

    @staticmethod
    def _activity_day(row: dict[str, Any]):
        return privacy.activity_day(row["activity_starts_at"])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None  # the view asks ~10 roles per cell: answer the rest without a lookup
        row = self.row_data(index.row())
        if row is None:
            return None  # vanished: the model reads its ids again
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "birth_date" and self.needs_consent(row):
                return minor_note(row["guardian_consent"])
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
                        age=age, consent=consent_text(row["guardian_consent"], short=True)
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
