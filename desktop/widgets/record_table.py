"""The table view every page shows its records in: rows selected whole, sorted by a header click
(in SQL: the model's `sort`), never edited in place, and sized without reading every row."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ROW_HEIGHT = 28


def record_table(
    model: QAbstractItemModel,
    *,
    multi_select: bool = False,
    sortable: bool = True,
    stretch: int | None = None,
    widths: Mapping[int, int] | None = None,
) -> QTableView:
    """A view of `model`; `stretch` is the column that takes the spare width, `widths` fix the
    others (sizing to contents would read every row of a lazy model)."""
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(sortable)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(
        QAbstractItemView.SelectionMode.ExtendedSelection
        if multi_select
        else QAbstractItemView.SelectionMode.SingleSelection
    )
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
    header = view.horizontalHeader()
    for column, width in (widths or {}).items():
        header.resizeSection(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view
