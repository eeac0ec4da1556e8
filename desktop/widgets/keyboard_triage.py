"""Working down a record table from the keyboard (报名审核, 诉求): which row the keyboard is on,
J/K moves, and the jump to the next row that still waits for the cadre (N)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QTableView

from desktop.models.lazy_table import LazyTableModel


class KeyboardTriage:
    """Moves the selection of `table` (over `model`) one whole row at a time; `selected` runs
    after each move, for the page to show the row and enable its actions."""

    def __init__(self, table: QTableView, model: LazyTableModel, selected: Callable[[], None]):
        self.table = table
        self.model = model
        self.selected = selected

    def row(self) -> int:
        """The row the keyboard is on: the current row if it is selected, else -1 (a view
        makes its first row current on focus without selecting it)."""
        index = self.table.currentIndex()
        if index.isValid() and self.table.selectionModel().isRowSelected(index.row()):
            return index.row()
        return -1

    def select(self, row: int) -> None:
        """Make `row` the only selected row, current and in view (out of range: no change)."""
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)
        self.selected()

    def move(self, step: int) -> None:
        """`step` rows down (up when negative), kept within the table; from nowhere, the top."""
        row = self.row()
        row = row + step if row >= 0 else 0
        self.select(max(0, min(row, self.model.rowCount() - 1)))

    def next_where(self, waiting: Callable[[dict[str, Any]], bool]) -> bool:
        """Select the first row after the keyboard's (wrapping round) whose data is `waiting`;
        False when none is. Rows are read a page at a time, as the view reads them."""
        count, after = self.model.rowCount(), self.row()
        for step in range(1, count + 1):
            row = (after + step) % count
            data = self.model.row_data(row)
            if data is not None and waiting(data):
                self.select(row)
                return True
        return False
