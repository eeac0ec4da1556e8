"""The organisation page: address, contact, parent and subordinate organisations, current and
past activities, follower count and growth, and its location on a small map. Modeless, one of
it; opened from the 地图 page's popups, and from the 活动 and 粉丝 pages."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import settings as s
from desktop.events import StoreEvents
from desktop.map.texts import level_texts, page_options
from desktop.map.view import MapView
from desktop.texts import format_span, label
from desktop.widgets.growth_chart import GrowthChart
from sync.client.store import Store
from sync.client.store import follower_queries as fq
from sync.client.store import map_queries as mq
from sync.core.regions import regions

SPOT_ZOOM = 10  # the county around it shows, with its neighbours' names


class OrganizationDialog(QDialog):
    organization_requested = Signal(str)
    """Another organisation (parent or subordinate) was asked for."""

    def __init__(
        self,
        store: Store,
        events: StoreEvents,
        settings: s.Settings,
        *,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.org_id: str | None = None
        self.detail: dict | None = None
        self.resize(1180, 680)

        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.title.setWordWrap(True)
        self.fields = {
            key: QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            for key in ("level", "region", "address", "contact", "parent", "followers")
        }
        self.fields["parent"].setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.fields["parent"].linkActivated.connect(self.organization_requested)
        for field in self.fields.values():
            field.setWordWrap(True)
        self.form = QFormLayout()
        self._form_labels = {key: QLabel() for key in self.fields}
        for key, field in self.fields.items():
            self.form.addRow(self._form_labels[key], field)

        self.children_list = QListWidget()
        self.children_list.itemActivated.connect(
            lambda item: self.organization_requested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        self.current_list = QListWidget()
        self.past_list = QListWidget()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.current_list, "")
        self.tabs.addTab(self.past_list, "")
        self.tabs.addTab(self.children_list, "")

        self.map = MapView()
        self.map.setMinimumSize(360, 260)
        self.map_note = QLabel()
        self.map_note.setStyleSheet("color: #777;")
        self.chart = GrowthChart()
        self.chart.setMinimumHeight(220)

        left = QVBoxLayout()
        left.addWidget(self.title)
        left.addLayout(self.form)
        left.addWidget(self.tabs, 1)
        right = QVBoxLayout()
        right.addWidget(self.map, 1)
        right.addWidget(self.map_note)
        right.addWidget(self.chart, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

        self.map.page_loaded.connect(self._show_spot)
        self.reload_timer = QTimer(self, singleShot=True, interval=300)
        self.reload_timer.timeout.connect(self.reload)
        events.table_changed.connect(self._on_table_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for key, text in {
            "level": self.tr("级别"),
            "region": self.tr("地区"),
            "address": self.tr("地址"),
            "contact": self.tr("联系人"),
            "parent": self.tr("上级组织"),
            "followers": self.tr("粉丝"),
        }.items():
            self._form_labels[key].setText(text)
        self.tabs.setTabText(0, self.tr("当前活动"))
        self.tabs.setTabText(1, self.tr("往期活动"))
        self.tabs.setTabText(2, self.tr("下级组织"))
        self.reload()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def show_organization(self, org_id: str) -> None:
        self.org_id = org_id
        if not self.map.html:
            self.map.show_page(page_options(self.settings, "spot"))
        self.reload()

    def _on_table_changed(self, table: str) -> None:
        if self.isVisible() and table in ("organizations", "activities", "followers"):
            self.reload_timer.start()

    def reload(self) -> None:
        if self.org_id is None:
            return
        now = self.store.clock()
        d = self.detail = self.store.read(mq.organization_detail, self.org_id, now)
        if d is None:
            self.title.setText(self.tr("该组织已不在本机数据中"))
            return
        self.setWindowTitle(d["name"])
        self.title.setText(d["name"])
        f = self.fields
        f["level"].setText(level_texts().get(d["level"], d["level"]))
        f["region"].setText(regions().full_name(d["region_code"]) if d["region_code"] else "")
        f["address"].setText(d["address"] or self.tr("未填写"))
        contact = " ".join(x for x in (d["contact_name"], d["contact_phone"]) if x)
        f["contact"].setText(contact or self.tr("未填写"))
        parent = d["parent"]
        f["parent"].setText(
            f'<a href="{escape(parent["id"])}">{escape(parent["name"])}</a>'
            if parent
            else self.tr("无")
        )
        growth = self.store.read(fq.follower_growth, [self.org_id], now)
        new = sum(g.new for g in growth)
        f["followers"].setText(
            self.tr("{n} 位，近 12 个月新增 {new} 位").format(n=d["followers"], new=new)
        )
        self.chart.set_growth(growth)
        for widget, rows in (
            (self.current_list, d["current_activities"]),
            (self.past_list, d["past_activities"]),
        ):
            widget.clear()
            for a in rows:
                widget.addItem(
                    f"{format_span(a['starts_at'], a['ends_at'])}  {a['title']}  "
                    f"[{label(a['status'])}]"
                )
        self.children_list.clear()
        names = level_texts()
        for c in d["children"]:
            item = QListWidgetItem(f"{c['name']}（{names.get(c['level'], c['level'])}）")
            item.setData(Qt.ItemDataRole.UserRole, c["id"])
            self.children_list.addItem(item)
        self.tabs.setTabText(0, self.tr("当前活动 ({n})").format(n=len(d["current_activities"])))
        self.tabs.setTabText(1, self.tr("往期活动 ({n})").format(n=len(d["past_activities"])))
        self.tabs.setTabText(2, self.tr("下级组织 ({n})").format(n=len(d["children"])))
        self._show_spot()

    def _show_spot(self) -> None:
        d = self.detail
        located = d is not None and d["lon"] is not None and d["lat"] is not None
        self.map_note.setText("" if located else self.tr("这个组织还没有地图位置。"))
        if located and self.map.ready:
            self.map.show_spot(d["lon"], d["lat"], SPOT_ZOOM)
