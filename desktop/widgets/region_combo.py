"""A combo box of Jiangsu's cities and their county-level units, by region code."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from sync.core import regions


class RegionCombo(QComboBox):
    region_changed = Signal(str)
    """The chosen region code changed ("" for all of Jiangsu)."""

    def __init__(self, *, include_all: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self._include_all = include_all
        self.setMaxVisibleItems(25)
        self._fill()
        self.currentIndexChanged.connect(lambda _: self.region_changed.emit(self.code()))

    def _fill(self) -> None:
        table = regions.regions()
        self.blockSignals(True)
        current = self.code() if self.count() else ""
        self.clear()
        if self._include_all:
            self.addItem(self.tr("全省（不限地区）"), "")
        else:
            self.addItem(self.tr("请选择地区"), "")
        for city in table.cities():
            self.addItem(city.name, city.code)
            for county in table.children(city.code):
                if county.level == "county" and not county.statistical_only:
                    self.addItem("\u3000" + county.name, county.code)  # ideographic indent
        self.set_code(current)
        self.blockSignals(False)

    def code(self) -> str:
        return self.currentData() or ""

    def set_code(self, code: str) -> None:
        self.setCurrentIndex(max(0, self.findData(code)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._fill()
        super().changeEvent(event)
