"""The requests of the 诉求 page: a lazy model (`LazyTableModel`) over
`sync.client.store.request_queries`. Phones are masked here; overdue rows are highlighted."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.models.lazy_table import Index, LazyTableModel
from desktop.texts import format_time, label
from sync.client.store import Store
from sync.client.store import request_queries as reqq
from sync.core.privacy import mask_phone
from sync.core.request_terms import DEFAULT_REPLY_DAYS
from sync.core.rules import (
    WorkCalendar,
    request_overdue,
    working_days_before,
)

OVERDUE_BACKGROUND = QColor("#fde2e1")
OVERDUE_TEXT = QColor("#a61b1b")
EXCERPT = 60  # characters of the text a row shows; the side panel shows it whole


class RequestTableModel(LazyTableModel):
    # Sort keys understood by request_queries, in column order ("phone" does not sort: the
    # order of masked numbers would leak their hidden digits).
    KEYS = ("submitted_at", "state", "category", "name", "phone", "org", "text", "replied_at")
    SORTABLE = reqq.REQUEST_SORT_COLUMNS

    def __init__(self, store: Store, *, parent: Any = None):
        super().__init__(store, reqq.RequestQuery(), parent=parent)
        self.reply_days = DEFAULT_REPLY_DAYS
        self.calendar = WorkCalendar()  # which days count toward reply_days
        self._now = store.clock()

    def before_reload(self) -> None:
        self._now = self._store.clock()

    def overdue_cutoff(self) -> datetime:
        """Requests submitted before this and still waiting for a reply are overdue."""
        return working_days_before(self._store.clock(), self.reply_days, self.calendar)

    def read_ids(self, query: reqq.RequestQuery) -> list[str]:
        if query.overdue_before is not None:  # "overdue" means as of now, not of the last filter
            query = replace(query, overdue_before=self.overdue_cutoff())
        return self._store.read(reqq.request_ids, query)

    def read_rows(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        return self._store.read(reqq.request_rows, ids)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("提交时间"),
            self.tr("状态"),
            self.tr("类别"),
            self.tr("青年"),
            self.tr("手机号"),
            self.tr("承办组织"),
            self.tr("诉求内容"),
            self.tr("首次答复"),
        )

    def is_overdue(self, row: dict[str, Any]) -> bool:
        return request_overdue(row, self._now, self.reply_days, self.calendar)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.row_data(index.row())
        if row is None:
            return None  # vanished: the model reads its ids again
        key = self.KEYS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        overdue = self.is_overdue(row)
        if role == Qt.ItemDataRole.BackgroundRole and overdue:
            return OVERDUE_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and overdue and key in ("submitted_at", "state"):
            return OVERDUE_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            if overdue:
                return self.tr("已超过 {n} 个工作日未答复").format(n=self.reply_days)
            if key == "text":
                return row["text"]
        return None

    def _display(self, row: dict[str, Any], key: str) -> str:
        match key:
            case "submitted_at":
                return format_time(row["submitted_at"])
            case "state":
                text = label(row["state"])
                return (
                    self.tr("{state}（超期）").format(state=text) if self.is_overdue(row) else text
                )
            case "category":
                if row["category"]:
                    return row["category"]
                guess = row["category_guess"]
                return self.tr("待分类（青年选：{guess}）").format(guess=guess) if guess else ""
            case "name":
                return row["name"]
            case "phone":
                return mask_phone(row["phone"])
            case "org":
                return row["org_name"]
            case "text":
                text = " ".join(row["text"].split())
                return text if len(text) <= EXCERPT else text[:EXCERPT] + "…"
            case "replied_at":
                return format_time(row["replied_at"])
        return ""
