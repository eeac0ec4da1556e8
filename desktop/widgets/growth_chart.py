"""Follower growth as a chart: new followers per month as bars, the running total as a line on
its own axis (the total dwarfs a month's newcomers)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from sync.client.store.follower_queries import MonthGrowth

BAR_COLOR = QColor("#c8161d")  # the League red of the navigation
LINE_COLOR = QColor("#2f6fb3")


def _nice_max(value: int) -> int:
    """A round axis maximum above `value` (1, 2 or 5 times a power of ten)."""
    if value <= 5:
        return 5
    step = 1
    while True:
        for factor in (1, 2, 5):
            if value <= step * factor * 10:
                return step * factor * 10
        step *= 10


class GrowthChart(QChartView):
    def __init__(self, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(260)
        self._growth: list[MonthGrowth] = []

    def growth(self) -> list[MonthGrowth]:
        return list(self._growth)

    def set_growth(self, growth: Sequence[MonthGrowth]) -> None:
        """Show these months (oldest first); the chart is rebuilt, it has a dozen points."""
        self._growth = list(growth)
        # A new chart each time: axes removed from a chart leave stray labels behind.
        chart = QChart()
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setTitle(self.tr("近 {n} 个月粉丝增长").format(n=len(self._growth)))

        bars = QBarSet(self.tr("当月新增"))
        bars.setColor(BAR_COLOR)
        bars.setBorderColor(BAR_COLOR)
        bars.setLabelColor(QColor("#333333"))
        line = QLineSeries()
        line.setName(self.tr("累计粉丝"))
        line.setPen(QPen(LINE_COLOR, 2.5))
        line.setPointsVisible(True)
        for i, month in enumerate(self._growth):
            bars.append(month.new)
            line.append(i, month.total)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        chart.addSeries(line)

        months = QBarCategoryAxis()
        months.append([m.month for m in self._growth])  # 2026-11
        chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(months)
        line.attachAxis(months)  # point i sits on month i's bar

        new_axis = QValueAxis()
        new_axis.setLabelFormat("%d")
        new_axis.setTickCount(6)
        new_axis.setRange(0, _nice_max(max((m.new for m in self._growth), default=0)))
        new_axis.setLabelsColor(BAR_COLOR)
        chart.addAxis(new_axis, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(new_axis)
        total_axis = QValueAxis()
        total_axis.setLabelFormat("%d")
        total_axis.setTickCount(6)
        total_axis.setRange(0, _nice_max(max((m.total for m in self._growth), default=0)))
        total_axis.setLabelsColor(LINE_COLOR)
        chart.addAxis(total_axis, Qt.AlignmentFlag.AlignRight)
        line.attachAxis(total_axis)
        old = self.chart()
        self.setChart(chart)  # the view owns the new chart
        old.deleteLater()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._growth:
            self.set_growth(self._growth)
        super().changeEvent(event)
