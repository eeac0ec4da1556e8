"""地图: organisations and upcoming activities on the offline Jiangsu map, with followers or
participants per county as a choropleth. Follows the local data: a sync or an edit redraws it."""

from __future__ import annotations

import json
import logging
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop import settings as s
from desktop.events import StoreEvents
from desktop.map.data import LEVEL_COLORS, MapFilters, map_data
from desktop.map.page import PageOptions
from desktop.map.texts import level_texts, page_options
from desktop.map.view import MapView
from desktop.workers import BackgroundJob
from sync.client.store import Store

log = logging.getLogger(__name__)

REDRAW_DELAY_MS = 300  # a sync announces several tables at once: redraw once after them
WATCHED = ("organizations", "activities", "followers", "registrations", "categories")


class MapPage(QWidget):
    organization_requested = Signal(str)
    """The user asked to open this organisation (a popup's link)."""
    redrawn = Signal(int, int)
    """The map shows the current data: organisations and activities drawn."""

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
        # The web view starts Chromium's processes (almost a second): made when first shown.
        self.view: MapView | None = None
        self._dirty = True
        self._job: BackgroundJob | None = None  # reading the data for a redraw
        self._again = False  # another redraw was asked for while it ran

        self.category_combo = QComboBox()
        self.time_combo = QComboBox()
        self.metric_combo = QComboBox()
        self.period_combo = QComboBox()
        self.legend_label = QLabel()
        # The legend wraps rather than widen the window (English names are twice as long).
        self.legend_label.setWordWrap(True)
        self.count_label = QLabel(objectName="count_label")
        row = QHBoxLayout()
        self._labels = [QLabel() for _ in range(4)]
        for lbl, combo in zip(
            self._labels,
            (self.category_combo, self.time_combo, self.metric_combo, self.period_combo),
            strict=True,
        ):
            row.addWidget(lbl)
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self.redraw)
        row.addStretch(1)
        row.addWidget(self.legend_label)
        row.addWidget(self.count_label)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(row)
        self._layout.addStretch(1)

        self.redraw_timer = QTimer(self, singleShot=True, interval=REDRAW_DELAY_MS)
        self.redraw_timer.timeout.connect(self._redraw_if_shown)
        events.table_changed.connect(self._on_table_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for lbl, text in zip(
            self._labels,
            (self.tr("活动类别"), self.tr("时间"), self.tr("分布"), self.tr("时期")),
            strict=True,
        ):
            lbl.setText(text)
        self._fill(self.category_combo, self._categories())
        self._fill(
            self.time_combo,
            [
                (self.tr("7 天内"), 7),
                (self.tr("30 天内"), 30),
                (self.tr("90 天内"), 90),
                (self.tr("全部即将开始"), None),
            ],
            default=1,
        )
        self._fill(
            self.metric_combo,
            [(self.tr("新增粉丝"), "followers"), (self.tr("活动参与人次"), "participants")],
        )
        self._fill(
            self.period_combo,
            [
                (self.tr("近 30 天"), 30),
                (self.tr("近 90 天"), 90),
                (self.tr("近一年"), 365),
                (self.tr("全部"), None),
            ],
            default=2,
        )
        names = level_texts()
        self.legend_label.setText(
            " ".join(
                f'<span style="color:{color}">●</span> {names[level]}'
                for level, color in LEVEL_COLORS.items()
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if self.isVisible():
                self.ensure_page()  # the page's own words, if the language really changed
        super().changeEvent(event)

    def _categories(self) -> list[tuple[str, Any]]:
        return [(self.tr("全部类别"), None)] + [
            (c["name"], c["code"]) for c in self.store.categories()
        ]

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[str, Any]], default: int = 0) -> None:
        """Fill again keeping the choice (the words change with the language, values do not)."""
        kept = combo.currentData() if combo.count() else items[default][1]
        combo.blockSignals(True)
        combo.clear()
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(kept)))
        combo.blockSignals(False)

    def filters(self) -> MapFilters:
        return MapFilters(
            category=self.category_combo.currentData(),
            days_ahead=self.time_combo.currentData(),
            metric=self.metric_combo.currentData(),
            period_days=self.period_combo.currentData(),
        )

    # --- drawing -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.ensure_page() and self._dirty:
            self.redraw()

    def ensure_page(self) -> bool:
        """Load the page: the first time shown, or when what it is built from (the tile
        setting, the language) changed since; Qt sends LanguageChange more often than that.
        True if it loads: then the data is read meanwhile, on a worker, while Chromium starts
        and parses the page, and handed over once the page has loaded (MapView queues it)."""
        options = page_options(self.settings, "overview")
        if self.view is not None and options == self.view.options and self.view.html:
            return False
        self._redraw(options)  # first: the query runs while the web view is made
        if self.view is None:
            self.view = MapView()
            self.view.organization_clicked.connect(self.organization_requested)
            self._layout.takeAt(1)  # the stretch that held its place
            self._layout.addWidget(self.view, 1)
        self.view.show_page(options)
        return True

    def _on_table_changed(self, table: str) -> None:
        if table in WATCHED:
            self._dirty = True
            if table == "categories":
                self._fill(self.category_combo, self._categories())
            self.redraw_timer.start()

    def _redraw_if_shown(self) -> None:
        if self.isVisible() and self._dirty:
            self.redraw()

    def redraw(self) -> None:
        """Hand the page the current data; it keeps the user's zoom and position."""
        if self.view is not None:  # else the first show reads the data
            self._redraw(self.view.options)

    def _redraw(self, options: PageOptions) -> None:
        """The queries run on a worker (7,000 markers take a good part of a second), and so
        does their JSON; a redraw asked for meanwhile runs when it is done."""
        if self._job is not None:
            self._again = True
            return
        self._dirty = self._again = False
        filters, metric_title = self.filters(), self.metric_combo.currentText()
        level_text = level_texts()
        category_text = {c["code"]: c["name"] for c in self.store.categories()}

        def job(_progress, _cancelled) -> tuple[dict[str, Any], str]:
            data = map_data(
                self.store,
                filters,
                to_display=options.to_display,
                level_text=level_text,
                category_text=category_text,
                metric_title=metric_title,
            )
            return data, json.dumps(data, ensure_ascii=False, separators=(",", ":"))

        self._job = BackgroundJob(job, self)
        self._job.finished.connect(self._draw)
        self._job.start()

    def stop(self) -> None:
        """Wait for a redraw's queries to end (the window is closing)."""
        if self._job is not None:
            self._job.wait()

    def _draw(self, result: tuple[dict[str, Any], str] | None, error: BaseException | None) -> None:
        self._job = None
        if error is not None:
            log.error("map data could not be read", exc_info=error)
        elif self.view is not None:
            data, text = result
            n_orgs, n_activities = len(data["orgs"]), len(data["activities"])
            self.count_label.setText(
                self.tr("{orgs} 个组织，{activities} 个活动").format(
                    orgs=n_orgs, activities=n_activities
                )
            )
            self.view.call(
                "setData", text, callback=lambda _r: self.redrawn.emit(n_orgs, n_activities)
            )
        if self._again:
            self.redraw()
