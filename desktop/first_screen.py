"""The first screen a start paints before the local data is open: the start page's table as the
page will show it when it opens (`capture`, as the window closes), painted again from the
database by `FirstScreen` the next time, read without SQLAlchemy (`sync.client.store.first_screen`,
which also says why it is never stale). The page itself replaces it as soon as it is built;
until then it is a picture of rows that takes no clicks, and says the data is opening.

Pages without a record table (签到's desk, 地图, 统计) keep nothing: their start shows
"正在打开本机数据…" as before."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget

from desktop.widgets.record_table import ROW_HEIGHT, record_table

VERSION = 1  # of the kept value's shape; another is ignored
MAX_ROWS = 60  # more than a maximised window shows


class _FirstRows(QObject):
    """Tells the model, when its view first paints rows, that this is how the page opens."""

    def __init__(self, view: QTableView):
        super().__init__(view)
        self._view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only a paint: other events also come while the view is being destroyed.
        if event.type() == QEvent.Type.Paint and self._view.model().rowCount() > 0:
            self._view.model().remember_start()
            watched.removeEventFilter(self)
            self.deleteLater()
        return False


def watch_start(page: QWidget) -> None:
    """Note how each record table of a newly built page opens: the query it shows when it
    first paints rows, after the page's own start work (some pages read only once shown)."""
    from desktop.models.lazy_table import LazyTableModel

    for view in page.findChildren(QTableView):
        if isinstance(view.model(), LazyTableModel):
            _FirstRows(view)


def capture(key: str, page: QWidget, language: str, org: str) -> dict[str, Any] | None:
    """The first screen of `page` (the page `key`) as it will open next time: its record
    table's headers, widths and first rows, read afresh with the query it opened with
    (`watch_start`), and the name of the home organisation (`org`) the window shows above the
    pages. None if the page shows no record table, or none that has painted rows yet."""
    from desktop.models.lazy_table import LazyTableModel  # imports the data layer

    tables = [
        view
        for view in page.findChildren(QTableView)
        if view.isVisible()
        and isinstance(view.model(), LazyTableModel)
        and view.model().start_known
    ]
    if not tables:
        return None
    view = max(tables, key=lambda v: v.width() * v.height())
    model: LazyTableModel = view.model()
    columns = model.columnCount()
    visible = view.viewport().height() // max(1, view.verticalHeader().defaultSectionSize()) + 1
    with model.showing_start_rows(min(visible, MAX_ROWS)) as count:
        rows = [[_cell(model.index(r, c)) for c in range(columns)] for r in range(count)]
    return {
        "version": VERSION,
        "page": key,
        "language": language,
        "org": org,
        "top": view.mapTo(page, QPoint(0, 0)).y(),
        "headers": [model.headerData(c, Qt.Orientation.Horizontal) for c in range(columns)],
        # As laid out in this window, whose size the next start restores first.
        "widths": [view.columnWidth(c) for c in range(columns)],
        "sort": model.start_sort(),
        "rows": rows,
    }


def _cell(index) -> list[Any]:
    """[text, alignment or None, colour name or None]: what a record table paints of a cell."""
    text = index.data(Qt.ItemDataRole.DisplayRole)
    alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
    color = index.data(Qt.ItemDataRole.ForegroundRole)
    return [
        "" if text is None else str(text),
        None if alignment is None else int(getattr(alignment, "value", alignment)),
        color.name() if isinstance(color, QColor) else None,
    ]


def usable(kept: dict[str, Any] | None, key: str, language: str) -> bool:
    """Whether `kept` shows the page `key` in `language`, in the shape this version writes."""
    return (
        isinstance(kept, dict)
        and kept.get("version") == VERSION
        and kept.get("page") == key
        and kept.get("language") == language
    )


class FirstScreen(QWidget):
    """The kept first screen, painted where the page's table will be; "opening" above it."""

    def __init__(self, kept: dict[str, Any], opening_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        headers, rows = kept["headers"], kept["rows"]
        model = QStandardItemModel(len(rows), len(headers), self)
        model.setHorizontalHeaderLabels(headers)
        for r, row in enumerate(rows):
            for c, (text, alignment, color) in enumerate(row):
                item = QStandardItem(text)
                if alignment is not None:
                    item.setTextAlignment(Qt.AlignmentFlag(alignment))
                if color is not None:
                    item.setForeground(QColor(color))
                model.setItem(r, c, item)
        widths = dict(enumerate(kept["widths"]))
        self.table = record_table(model, sortable=False, widths=widths)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        if kept["sort"] is not None:
            column, descending = kept["sort"]
            header = self.table.horizontalHeader()
            header.setSortIndicatorShown(True)
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            header.setSortIndicator(column, order)
        self.opening = QLabel(opening_text, alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)  # the same margins as the page's own layout
        layout.addWidget(self.opening)
        layout.addWidget(self.table, 1)
        # The table's top where the page's table will be: no jump when the page takes over.
        above = int(kept["top"]) - layout.contentsMargins().top() - layout.spacing()
        self.opening.setFixedHeight(max(0, above))
