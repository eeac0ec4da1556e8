"""One figure of the 统计 page: a bar chart (QtCharts) over its table, with PNG and Excel export
and a drill-down from a bar or a row to what is behind it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QMargins,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGraphicsScene,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.pages.stats_tables import Dataset
from desktop.widgets.growth_chart import BAR_COLOR, _nice_max
from sync.tools.excel import Sheet

NO_PARENT = QModelIndex()
SIZED_ROWS = 40  # rows a column's width is fitted to
LABEL_CHARS = 14  # a longer bar label is cut, the table has it whole


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"


def build_chart(dataset: Dataset) -> QChart:
    """The chart of `dataset`: rankings as horizontal bars (best on top), the rest vertical."""
    count = len(dataset.values) if dataset.bars is None else min(dataset.bars, len(dataset.values))
    labels = [_short(t) for t in dataset.labels[:count]]
    values = dataset.values[:count]
    horizontal = dataset.bars is not None
    if horizontal:  # Qt draws the first category at the bottom
        labels, values = labels[::-1], values[::-1]
    # Equal labels would merge into one category: make each unique with invisible spaces.
    seen: dict[str, int] = {}
    for i, text in enumerate(labels):
        seen[text] = seen.get(text, 0) + 1
        labels[i] = text + "\u200b" * (seen[text] - 1)
    chart = QChart()
    chart.setTitle(dataset.title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().hide()
    bars = QBarSet(dataset.value_name)
    bars.setColor(BAR_COLOR)
    bars.setBorderColor(BAR_COLOR)
    bars.setLabelColor(QColor("#333333"))
    bars.append([float(v) for v in values])
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    series.append(bars)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(labels or [""])
    value_axis = QValueAxis()
    value_axis.setLabelFormat("%d")
    value_axis.setTickCount(6)
    value_axis.setRange(0, _nice_max(max(values, default=0)))
    chart.addAxis(
        categories, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom
    )
    chart.addAxis(
        value_axis, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft
    )
    series.attachAxis(categories)
    series.attachAxis(value_axis)
    chart.setProperty("bar_count", count)
    return chart


def render_chart(dataset: Dataset, size: QSize) -> QImage:
    """The chart drawn into an image of `size` (PNG export, the report). Drawn through a scene
    of its own: a view that was never shown has not laid its chart out."""
    chart = build_chart(dataset)
    scene = QGraphicsScene()
    scene.addItem(chart)
    chart.setGeometry(QRectF(0, 0, size.width(), size.height()))
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), chart.geometry())
    painter.end()
    return image


def _sort_key(value: object) -> tuple[int, object]:
    """Numbers as numbers, "12.5%" as 12.5, "—" (not known) below every number, text as text."""
    if isinstance(value, int | float):
        return (0, value)
    text = str(value)
    if text == "—":
        return (0, -1.0)
    if text.endswith("%"):
        try:
            return (0, float(text[:-1]))
        except ValueError:
            pass
    return (1, text)


class SheetModel(QAbstractTableModel):
    """A read-only, sortable view of a Sheet's rows, answered from the rows on demand: the
    hottest activities of a county year are 3,500 rows, which as items took a third of a second
    of the UI thread. `UserRole` of any cell is the row's index in the sheet (after sorting),
    `backgrounds` an optional colour per sheet row."""

    def __init__(self, sheet: Sheet, parent=None, *, backgrounds: Sequence[str | None] = ()):
        super().__init__(parent)
        self.sheet = sheet
        self._order = list(range(len(sheet.rows)))
        self._backgrounds = [QBrush(QColor(c)) if c else None for c in backgrounds]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.sheet.headers)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return str(self.sheet.headers[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._order[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return str(self.sheet.rows[row][index.column()])
        if role == Qt.ItemDataRole.UserRole:
            return row
        value = self.sheet.rows[row][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and row < len(self._backgrounds):
            return self._backgrounds[row]
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.sheet.headers):
            return  # the header's "no sort" indicator: keep the order the rows came in
        self.layoutAboutToBeChanged.emit()
        rows = self.sheet.rows
        self._order.sort(
            key=lambda r: _sort_key(rows[r][column]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.layoutChanged.emit()


def sheet_table(parent=None) -> QTableView:
    table = QTableView(parent)
    # No sort until the user asks: the rows come in the chart's order (rank, month, ...).
    table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # Columns fit the first rows (a ranking's top), not the first 1,000 (Qt's default): each
    # row measured is a call per cell and role into the Python model, 1.4 s for the county's
    # hottest activities. Not 0 ("the rows in view"): a view not shown yet measured every row.
    table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class StatsPanel(QWidget):
    drilled = Signal(str, str)
    """(drill kind, key) of the bar or row the user opened."""
    export_excel_requested = Signal(object)
    """A Sheet the user wants as Excel."""

    def __init__(self, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self._images: dict[tuple[int, int], QImage] = {}  # of this dataset's chart, by size
        self.chart_view = QChartView()
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(240)
        self.table = sheet_table()
        self.table.doubleClicked.connect(self._row_opened)
        self.png_button = QPushButton()
        self.png_button.clicked.connect(self.export_png_interactive)
        self.excel_button = QPushButton()
        self.excel_button.clicked.connect(
            lambda: self.dataset and self.export_excel_requested.emit(self.dataset.sheet)
        )
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.png_button)
        buttons.addWidget(self.excel_button)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart_view)
        splitter.addWidget(self.table)
        splitter.setSizes([360, 240])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.png_button.setText(self.tr("导出图片 (PNG)"))
        self.excel_button.setText(self.tr("导出表格 (Excel)"))

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._images.clear()
        chart = build_chart(dataset)
        series = chart.series()[0]
        series.clicked.connect(self._bar_clicked)
        old = self.chart_view.chart()
        self.chart_view.setChart(chart)
        old.deleteLater()
        self.table.setModel(SheetModel(dataset.sheet, self.table))
        self.table.setToolTip(self.tr("双击一行查看明细") if dataset.drill else "")

    def _bar_clicked(self, index: int, _set) -> None:
        count = self.chart_view.chart().property("bar_count")
        if self.dataset is None or not self.dataset.drill:
            return
        if self.dataset.bars is not None:
            index = count - 1 - index  # horizontal: drawn bottom to top
        self.open_row(index)

    def _row_opened(self, index) -> None:
        row = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        if row is not None:
            self.open_row(int(row))

    def open_row(self, row: int) -> None:
        """Drill into row `row` of the dataset (what its bar shows)."""
        if self.dataset and self.dataset.drill and 0 <= row < len(self.dataset.keys):
            self.drilled.emit(self.dataset.drill, self.dataset.keys[row])

    def export_png_interactive(self) -> None:
        if self.dataset is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出图片"), f"{self.dataset.title}.png", self.tr("PNG 图片 (*.png)")
        )
        if path:
            self.export_png(Path(path if path.lower().endswith(".png") else path + ".png"))

    def export_png(self, path: Path) -> bool:
        size = self.chart_view.size().expandedTo(QSize(800, 480))
        return self.image(size).save(str(path), "PNG")

    def image(self, size: QSize) -> QImage:
        """The chart drawn at `size`, once per dataset: a second report of the same figures
        reuses the images of the first."""
        key = (size.width(), size.height())
        if key not in self._images:
            self._images[key] = render_chart(self.dataset, size)
        return self._images[key]
