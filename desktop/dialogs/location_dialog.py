"""Pick an activity's location: click the offline map, or search a county or town to go there.
A point outside Jiangsu is refused with a message; the answer is WGS84 (lon, lat)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s
from desktop.map.page import basemap, label_point
from desktop.map.texts import page_options
from desktop.map.view import MapView
from sync.core.regions import county_boundaries, regions

PICKED_ZOOM = 11  # close enough to click a street's side, with the county's outline


def place_names() -> dict[str, str]:
    """Searchable names → region code: counties as 南京市江宁区, towns as 南京市江宁区秣陵街道."""
    table = regions()
    names = {}
    for county in table.counties():
        if county.statistical_only:
            continue
        names[table.full_name(county.code)] = county.code
        for town in table.children(county.code):
            names[table.full_name(town.code)] = town.code
    return names


def county_of(lon: float, lat: float) -> str | None:
    """The county-level code whose boundary holds the point, if any."""
    return next((c for c, b in county_boundaries().items() if b.contains(lon, lat)), None)


class LocationDialog(QDialog):
    def __init__(
        self,
        settings: s.Settings,
        *,
        contains_point: Callable[[float, float], bool],
        point: tuple[float, float] | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.contains_point = contains_point
        self.point = point  # (lon, lat), WGS84
        self.county: str | None = county_of(*point) if point else None
        self.resize(900, 640)
        self._names = place_names()

        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        completer = QCompleter(sorted(self._names), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.activated.connect(self.go_to)
        self.search_edit.setCompleter(completer)
        self.search_edit.returnPressed.connect(lambda: self.go_to(self.search_edit.text()))
        self.message = QLabel(wordWrap=True)
        self.map = MapView()
        self.map.point_picked.connect(self.pick)
        self.map.page_loaded.connect(self._show_point)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        self.search_label = QLabel()
        top.addWidget(self.search_label)
        top.addWidget(self.search_edit, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.map, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()
        self.map.show_page(page_options(settings, "picker"))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("在地图上选择活动地点"))
        self.search_label.setText(self.tr("查找县区或乡镇"))
        self.search_edit.setPlaceholderText(self.tr("如：江宁区、秣陵街道"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("确定"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        self._say_point()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def pick(self, lon: float, lat: float) -> None:
        """A click on the map: taken if inside Jiangsu, refused with a message if not."""
        if not self.contains_point(lon, lat):
            self._say(
                self.tr("这个位置在江苏省外，不能作为活动地点。请在江苏省内点选。"), error=True
            )
            return
        self.point, self.county = (lon, lat), county_of(lon, lat)
        self._show_point()
        self._say_point()

    def go_to(self, text: str) -> None:
        """A county is chosen at its middle (click to refine); a town has no boundary in the
        offline data, so the map goes to its county and asks for a click."""
        code = self._names.get(text.strip())
        if code is None:
            matches = [n for n in self._names if text.strip() and text.strip() in n]
            if len(matches) != 1:
                self._say(self.tr("找不到“{text}”，请从列表中选择。").format(text=text), True)
                return
            code = self._names[matches[0]]
        county = code[:6]
        feature = next(
            (f for f in basemap()["counties"]["features"] if f["properties"]["code"] == county),
            None,
        )
        if feature is None:  # a code the boundary data does not have (they differ in vintage)
            self._say(self.tr("找不到“{text}”，请从列表中选择。").format(text=text), True)
            return
        lat, lon = label_point(feature["geometry"])
        if len(code) == 6:
            self.pick(round(lon, 6), round(lat, 6))
            return
        self.map.show_spot(lon, lat, 11)
        self._say(
            self.tr("已移到{name}所在的县区，请在地图上点击具体位置。").format(
                name=regions().name(code)
            )
        )

    def _show_point(self) -> None:
        if self.point is not None:
            self.map.show_spot(*self.point, PICKED_ZOOM)

    def _say_point(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.point is not None)
        if self.point is None:
            self._say(self.tr("在地图上点击活动地点，或查找县区、乡镇。"))
        else:
            where = regions().full_name(self.county) if self.county else ""
            self._say(
                self.tr("已选：经度 {lon:.6f}，纬度 {lat:.6f} {where}").format(
                    lon=self.point[0], lat=self.point[1], where=where
                )
            )

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #c8161d; font-weight: bold;" if error else "")
