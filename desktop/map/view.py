"""A web view showing one map page (`desktop.map.page`), with the bridge the page calls back on.

Calls into the page wait until it has loaded (as Anki's webview queues them), and a callback
that arrives after the view is gone is dropped.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QFile, QIODevice, QObject, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from desktop.map.page import BASEMAPS, WEB_DIR, PageOptions, basemap_json, build_html
from sync.core.geo import gcj02_to_wgs84

log = logging.getLogger(__name__)


class MapBridge(QObject):
    """The one object the page sees (`bridge` on the channel)."""

    organization_clicked = Signal(str)
    """The user asked to open an organisation from its popup."""
    point_clicked = Signal(float, float)
    """The user clicked the map at (lon, lat) as displayed (GCJ-02 on GCJ-02 tiles)."""
    basemap_wanted = Signal(str)
    """The user chose a basemap whose boundaries the page does not carry (page.BASEMAPS)."""

    @Slot(str)
    def open_organization(self, org_id: str) -> None:
        self.organization_clicked.emit(org_id)

    @Slot(float, float)
    def point_picked(self, lon: float, lat: float) -> None:
        self.point_clicked.emit(lon, lat)

    @Slot(str)
    def want_basemap(self, key: str) -> None:
        self.basemap_wanted.emit(key)


class _Page(QWebEnginePage):
    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:
        log.info("map page: %s (line %s)", message, line)


def _channel_script() -> QWebEngineScript:
    """qwebchannel.js from Qt's own resources, in the page before any of its scripts run."""
    file = QFile(":/qtwebchannel/qwebchannel.js")
    file.open(QIODevice.OpenModeFlag.ReadOnly)
    script = QWebEngineScript()
    script.setSourceCode(bytes(file.readAll()).decode("utf-8"))
    file.close()
    script.setName("qwebchannel")
    script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentCreation)
    script.setWorldId(QWebEngineScript.ScriptWorldId.MainWorld)
    return script


class MapView(QWebEngineView):
    page_loaded = Signal()
    """The page finished loading and its script is ready for calls."""
    organization_clicked = Signal(str)
    """An organisation's popup link was clicked: its id."""
    point_picked = Signal(float, float)
    """The map was clicked at (lon, lat), WGS84."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setPage(_Page(self))
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        self.page().setWebChannel(self.channel)
        self.page().scripts().insert(_channel_script())
        self.bridge.organization_clicked.connect(self.organization_clicked)
        self.bridge.point_clicked.connect(self._on_point)
        self.bridge.basemap_wanted.connect(self.send_basemap)
        self.loadFinished.connect(self._on_loaded)
        self.options = PageOptions()
        self.html = ""
        self._ready = False
        self._waiting: list[tuple[str, Callable[[Any], None] | None]] = []

    def show_page(self, options: PageOptions) -> None:
        """Build the page and load it; calls made meanwhile run once it has loaded."""
        self.options = options
        self._ready = False
        self.html = build_html(options)
        self.setHtml(self.html, QUrl.fromLocalFile(str(WEB_DIR) + "/"))

    def send_basemap(self, key: str) -> None:
        """A basemap's boundaries, asked for once chosen: only the default one is in the page
        (the other would be a quarter of it, parsed on every first show)."""
        if key in BASEMAPS:
            self.call("fillBasemap", key, *basemap_json(key, self.options.gcj02))

    def _on_loaded(self, ok: bool) -> None:
        if not ok:
            log.warning("map page did not load")
            return
        self._ready = True
        waiting, self._waiting = self._waiting, []
        for code, callback in waiting:
            self.run(code, callback)
        self.page_loaded.emit()

    @property
    def ready(self) -> bool:
        return self._ready

    def run(self, code: str, callback: Callable[[Any], None] | None = None) -> None:
        if not self._ready:
            self._waiting.append((code, callback))
            return
        if callback is None:
            self.page().runJavaScript(code)
            return

        def answered(result: Any) -> None:
            if shiboken6.isValid(self):  # an answer after the view was closed is dropped
                callback(result)

        self.page().runJavaScript(code, 0, answered)

    def call(self, function: str, *args: Any, callback: Callable[[Any], None] | None = None):
        """Call `suqing.<function>(args...)` with the arguments as JSON."""
        arguments = ", ".join(json.dumps(a, ensure_ascii=False) for a in args)
        self.run(f"suqing.{function}({arguments})", callback)

    # --- coordinates: stored WGS84, displayed in the tiles' datum --------------------------------

    def to_display(self, lon: float, lat: float) -> tuple[float, float]:
        return self.options.to_display(lon, lat)

    def _on_point(self, lon: float, lat: float) -> None:
        if self.options.gcj02:
            lon, lat = gcj02_to_wgs84(lon, lat)
        self.point_picked.emit(round(lon, 6), round(lat, 6))

    def show_spot(self, lon: float, lat: float, zoom: int = 0) -> None:
        shown_lon, shown_lat = self.to_display(lon, lat)
        self.call("setSpot", shown_lat, shown_lon, zoom)
