"""The followers of the 粉丝 page: a lazy model (`LazyTableModel`) over
`sync.client.store.follower_queries`. Phones are masked here, for every view of the model: this page
never shows a whole number.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.models.lazy_table import Index, LazyTableModel
from desktop.texts import format_time, local_time, minor_note
from sync.client.store import Store
from sync.client.store import follower_queries as fq
from sync.core.privacy import GUARDIAN_CONSENT_AGE, mask_phone, needs_guardian_consent
from sync.core.records import Gender
from sync.core.rules import decode_tags

MINOR_COLOR = QColor("#b26a00")


class FollowerTableModel(LazyTableModel):
    # Sort keys understood by sync.client.store.follower_queries, in column order.
    KEYS = ("name", "phone", "gender", "org", "followed_at", "source", "joined", "tags")
    SORTABLE = fq.FOLLOWER_SORT_COLUMNS

    def __init__(self, store: Store, *, parent: Any = None):
        super().__init__(store, fq.FollowerQuery(), parent=parent)
        self._today = local_time(store.clock()).date()

    def before_reload(self) -> None:
        self._today = local_time(self._store.clock()).date()

    def read_ids(self, query: fq.FollowerQuery) -> list[str]:
        return self._store.read(fq.follower_ids, query)

    def read_rows(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return self._store.read(fq.follower_rows, ids)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("姓名"),
            self.tr("手机号"),
            self.tr("性别"),
            self.tr("关注的组织"),
            self.tr("关注时间"),
            self.tr("来源活动"),
            self.tr("参加活动"),
            self.tr("标签"),
        )

    def is_minor(self, row: dict[str, Any]) -> bool:
        return needs_guardian_consent(row["birth_date"], self._today)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        if row is None:
            return None  # vanished: the model reads its ids again
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if key == "name" and self.is_minor(row):
            if role == Qt.ItemDataRole.ForegroundRole:
                return MINOR_COLOR
            if role == Qt.ItemDataRole.ToolTipRole:
                return minor_note(row["guardian_consent"])
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

    def gender_text(self, gender: str) -> str:
        return {
            Gender.MALE.value: self.tr("男"),
            Gender.FEMALE.value: self.tr("女"),
        }.get(gender, self.tr("未知"))
