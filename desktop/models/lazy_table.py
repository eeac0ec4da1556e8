"""The one lazy table model: the ordered ids of a SQL query, rows read a page at a time as shown.

Filtering and sorting happen in SQL (a query module of the store); the model keeps only the
ids of the current result and a cache of the rows that have been shown, so a county's 200,000
followers cost a list of ids, not 200,000 rows. A subclass names its columns (`KEYS`), which of
them sort, and how ids and rows are read; it displays the rows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from sync.client.store import Store

Index = QModelIndex | QPersistentModelIndex


class LazyTableModel(QAbstractTableModel):
    query_finished = Signal(int)
    """The result was reloaded; carries the number of matching records."""

    PAGE = 200  # rows read per query when a row is first shown
    KEYS: tuple[str, ...] = ()  # column keys, in order
    SORTABLE: Collection[str] | None = None  # keys that sort in SQL; None: every key

    def __init__(self, store: Store, query: Any, *, parent: Any = None):
        """`query` is the query module's dataclass with `sort` and `descending` fields."""
        super().__init__(parent)
        self._store = store
        self._query = query
        self._ids: list[str] = []
        self._rows: dict[str, dict[str, Any] | None] = {}  # None: the record vanished
        self._positions: dict[str, int] | None = None  # id → row, built when first needed
        self._reload_due = False
        self._held = False  # see `hold`
        # What the page showed when its rows first painted: how it opens (`remember_start`).
        self._start_query: Any = None

    # --- what a subclass provides ------------------------------------------------------------

    def read_ids(self, query: Any) -> list[str]:
        """The ids matching `query`, in display order."""
        raise NotImplementedError

    def read_rows(self, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Display rows of these ids, by id."""
        raise NotImplementedError

    def headers(self) -> Sequence[str]:
        """The translated column titles, in the order of KEYS."""
        raise NotImplementedError

    def before_reload(self) -> None:
        """Read what the rows are shown against (today's date, category names) afresh."""

    def sort_query(self, query: Any, key: str, descending: bool) -> Any:
        return replace(query, sort=key, descending=descending)

    # --- queries -----------------------------------------------------------------------------

    @property
    def query(self) -> Any:
        return self._query

    def set_query(self, query: Any) -> None:
        self._query = query
        self.reload()

    @contextmanager
    def hold(self) -> Iterator[None]:
        """Read nothing until the block ends, then the last query set, once: building a page
        sets the sort, the filters and the query in several steps (the view's sorting, the
        filter widgets' defaults), each of which would read every id again."""
        self._held = True
        try:
            yield
        finally:
            self._held = False
            self.reload()

    def reload(self) -> None:
        if self._held:
            return  # `hold` reads once at its end
        self._reload_due = False
        self.beginResetModel()
        self.before_reload()
        self._ids = self.read_ids(self._query)
        self._positions = None
        self._rows.clear()
        self.endResetModel()
        self.query_finished.emit(len(self._ids))

    def refresh_rows(self) -> None:
        """Read the shown rows again in place (same ids, same order): after an edit or undo."""
        self._rows.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(self.KEYS) - 1)
            )

    def retranslate(self) -> None:
        """Headers and texts are translated when shown; tell the views to ask again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.KEYS) - 1)
        self.refresh_rows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.KEYS[column]
        if self.SORTABLE is not None and key not in self.SORTABLE:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(self.sort_query(self._query, key, descending))

    # --- access ------------------------------------------------------------------------------

    def ids(self) -> list[str]:
        """Every matching id, in display order (a copy)."""
        return list(self._ids)

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, record_id: str) -> int:
        """The row showing `record_id`, or -1."""
        if self._positions is None:
            self._positions = {rid: row for row, rid in enumerate(self._ids)}
        return self._positions.get(record_id, -1)

    def rows_of(self, record_ids: Sequence[str]) -> list[int]:
        """The rows of these ids that the current result holds, in display order."""
        return sorted(row for row in map(self.row_of, record_ids) if row >= 0)

    def column_of(self, key: str) -> int:
        return self.KEYS.index(key)

    def row_data(self, row: int) -> dict[str, Any] | None:
        """The display row, or None when its record vanished after the ids were read: a sync or
        an undo on a worker deleted it, and the store's announcement has not arrived yet. The
        model then reads its ids again, once."""
        record_id = self._ids[row]
        if record_id not in self._rows:
            start = row - row % self.PAGE
            page = self._ids[start : start + self.PAGE]
            found = self.read_rows(page)
            self._rows.update({i: found.get(i) for i in page})
        data = self._rows[record_id]
        if data is None and not self._reload_due:
            self._reload_due = True
            QTimer.singleShot(0, self.reload)
        return data

    def remember_start(self) -> None:
        """Note the query now shown as the one the page opens with (once: `desktop.first_screen`
        calls it when the view first paints rows, after the page's own start work)."""
        if self._start_query is None:
            self._start_query = self._query

    @property
    def start_known(self) -> bool:
        return self._start_query is not None

    @contextmanager
    def showing_start_rows(self, count: int) -> Iterator[int]:
        """For the length of the block, the model holds the first `count` rows of the query
        the page opened with, read afresh, without telling the views: `index(...).data(role)`
        then gives each cell exactly as the page will show it when it next opens, whatever the
        user filtered or sorted since. Yields how many rows that is (the window keeps them as
        the next start's first screen, `desktop.first_screen`)."""
        kept = self._ids, self._rows, self._positions
        self.before_reload()
        ids = self.read_ids(self._start_query)[:count]
        found = self.read_rows(ids)
        self._ids, self._rows, self._positions = ids, {i: found.get(i) for i in ids}, None
        try:
            yield len(ids)
        finally:
            self._ids, self._rows, self._positions = kept

    def start_sort(self) -> tuple[int, bool] | None:
        """The column and direction the page opened sorted by, or None."""
        key = getattr(self._start_query, "sort", None)
        if key not in self.KEYS:
            return None
        return self.KEYS.index(key), bool(getattr(self._start_query, "descending", False))

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]
