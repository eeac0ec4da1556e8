"""The map's HTML page, built with folium over local files only: Leaflet and the marker-cluster
plugin from resources/generated/web (build_resources.py fetches them from npm), the offline
Jiangsu basemap inline, and the page's own script (`SCRIPT`), which fills the layers when the app
hands it data (`suqing.setData`) and talks back over QWebChannel.

Two basemaps, one at a time (the overview's layer control switches): Tianditu's province and
cities (the default: current and accurate, licence unclear) and the openly licensed fallback
(OpenStreetMap via geoBoundaries, ODbL). Each layer carries its own credit, so Leaflet shows the
credit of what is on the map. The counties (the choropleth) are Tianditu's.

Nothing here reaches the network unless the user configured an online tile layer.
"""

from __future__ import annotations

import html
import itertools
import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

import folium
from branca.element import MacroElement
from folium.plugins import MarkerCluster
from jinja2 import Template

from sync.core.geo import wgs84_to_gcj02
from sync.core.paths import GENERATED_DIR

WEB_DIR = GENERATED_DIR / "web"
JIANGSU_CENTER = (32.9, 119.4)  # lat, lon: the province fits at zoom 7
JIANGSU_BOUNDS = [[30.75, 116.35], [35.15, 121.95]]  # south-west, north-east
# Hosts of tile services drawn in GCJ-02 (高德 AMap, 腾讯 Tencent).
GCJ02_HOSTS = ("autonavi.com", "amap.com", "gtimg.com", "qq.com")


def tile_uses_gcj02(url: str) -> bool:
    host = urlsplit(url.replace("{s}", "a")).hostname or ""
    return any(host == h or host.endswith("." + h) for h in GCJ02_HOSTS)


def tile_attribution(url: str) -> str:
    """OpenStreetMap asks for its credit; other services are named by their host."""
    host = urlsplit(url.replace("{s}", "a")).hostname or url
    if "openstreetmap" in host:
        return "© OpenStreetMap contributors"
    return host


@dataclass(frozen=True)
class PageOptions:
    mode: str = (
        "overview"  # overview: clusters + choropleth; picker: click to pick; spot: one point
    )
    tile_url: str = ""  # an online tile layer, or "" for the offline basemap alone
    attribution: tuple[str, ...] = ()  # always in the corner (the map notice)
    credits: dict[str, str] = field(default_factory=dict)  # per basemap (BASEMAPS): its credit
    texts: dict[str, str] = field(default_factory=dict)  # translated words the script shows
    layer_names: dict[str, str] = field(default_factory=dict)  # translated layer titles

    @property
    def gcj02(self) -> bool:
        return bool(self.tile_url) and tile_uses_gcj02(self.tile_url)


def _convert(coords: Any) -> Any:
    if isinstance(coords[0], (int, float)):
        return list(wgs84_to_gcj02(coords[0], coords[1]))
    return [_convert(c) for c in coords]


# Basemap → its generated layers (province, cities); the first is the default.
BASEMAPS = {
    "tianditu": ("province", "cities"),
    "open": ("province_open", "cities_open"),
}
# Drawing order, bottom to top (Leaflet's overlay pane, where the markers go, is 400): a
# basemap's land fill, the choropleth, then the outlines, so a switch of basemap never covers
# the choropleth and a choropleth never hides a city's border.
PANES = {"landfill": 350, "choropleth": 380, "outlines": 390}
LAND = "#f4f1ea"


@cache
def basemap(gcj02: bool = False) -> dict[str, dict]:
    """The generated boundary layers, converted to GCJ-02 when the tiles are."""
    layers = {}
    for name in ("counties", *itertools.chain(*BASEMAPS.values())):
        data = json.loads((GENERATED_DIR / f"{name}.geojson").read_text(encoding="utf-8"))
        if gcj02:
            for feature in data["features"]:
                geometry = feature["geometry"]
                geometry["coordinates"] = _convert(geometry["coordinates"])
        layers[name] = data
    return layers


def label_point(geometry: dict) -> tuple[float, float]:
    """Where a region's label goes (lat, lon): the centroid of its largest polygon's outline."""
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    best = (0.0, 0.0, 0.0)
    for polygon in polygons:
        ring = polygon[0]
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in itertools.pairwise(ring):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if abs(area) > abs(best[0]):
            best = (area, cx / (3 * area), cy / (3 * area))
    return best[2], best[1]


class _Script(MacroElement):
    """The page's own script, rendered after every folium layer it refers to."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self, code: str):
        super().__init__()
        self.code = code


def _local(element: Any, js: list[tuple[str, str]], css: list[tuple[str, str]]) -> None:
    # On the instance: folium's class lists point at CDNs and are shared by every map.
    element.default_js = js
    element.default_css = css


def build_html(options: PageOptions) -> str:
    """The whole page, to be shown with `setHtml(html, QUrl.fromLocalFile(WEB_DIR + "/"))`."""
    m = folium.Map(
        location=JIANGSU_CENTER,
        zoom_start=7 if options.mode == "overview" else 8,
        tiles=None,
        prefer_canvas=True,  # thousands of circle markers draw far faster on a canvas
        control_scale=True,
    )
    # On the map itself (folium passes them to a tile layer, and there may be none): the
    # marker clusters need the map's maximum zoom.
    m.options.update(min_zoom=6, max_zoom=18, zoom_snap=0.5)  # half steps: Jiangsu fills the view
    # Zoom jumps instead of gliding: the glide waits for animation frames, which Chromium holds
    # back while the view is not painted (a hidden page, software rendering on a busy laptop),
    # and until they come every later zoom or move is ignored.
    m.options.update(zoom_animation=False)
    _local(m, [("leaflet", "leaflet/leaflet.js")], [("leaflet_css", "leaflet/leaflet.css")])
    names = options.layer_names
    if options.tile_url:
        folium.TileLayer(
            tiles=options.tile_url,
            attr=tile_attribution(options.tile_url),
            name=names.get("tiles", "online"),
            overlay=True,
        ).add_to(m)
    layers = basemap(options.gcj02)
    if options.mode == "overview":
        m.fit_bounds(JIANGSU_BOUNDS)  # the province fills the view, whatever the window's size
    for pane, z_index in PANES.items():  # before the layers that draw in them
        folium.map.CustomPane(pane, z_index=z_index, pointer_events=pane == "choropleth").add_to(m)
    credits = {key: html.escape(text) for key, text in options.credits.items()}
    bases = {}
    for key, (province, cities) in BASEMAPS.items():
        if key != "tianditu" and options.mode != "overview":
            continue  # the picker and the small map have no layer control: the default only
        base = folium.FeatureGroup(
            name=names.get(key, key),
            overlay=False,
            show=key == "tianditu",
            control=options.mode == "overview",
        ).add_to(m)
        for layer, style in (
            (cities, {"color": "#6b7480", "weight": 1.4, "fill": False}),
            (province, {"color": "#c8161d", "weight": 2.4, "fill": False}),
        ):
            drawn = folium.GeoJson(
                layers[layer],
                style_function=lambda _f, style=style: style,
                interactive=False,
                pane="outlines",
                control=False,
            ).add_to(base)
        bases[key] = [base.get_name(), drawn.get_name()]  # drawn: the province, last
    counties = folium.GeoJson(
        layers["counties"],
        name=names.get("counties", "counties"),
        style_function=lambda _f: {"color": "#9aa3ad", "weight": 0.6, "fillOpacity": 0},
        pane="choropleth",
        control=options.mode == "overview",
        **({"attribution": credits["tianditu"]} if "tianditu" in credits else {}),
    ).add_to(m)
    labels = folium.FeatureGroup(name=names.get("labels", "labels"), control=False).add_to(m)
    for feature in layers["cities"]["features"]:
        folium.Marker(
            label_point(feature["geometry"]),
            icon=folium.DivIcon(
                html=f'<div class="city-label">{feature["properties"]["name"]}</div>',
                icon_size=(0, 0),
            ),
            interactive=False,
        ).add_to(labels)
    county_labels = []  # shown from zoom 9 on, where a county is big enough to carry its name
    for feature in layers["counties"]["features"]:
        lat, lon = label_point(feature["geometry"])
        county_labels.append([feature["properties"]["name"], round(lat, 5), round(lon, 5)])
    config: dict[str, Any] = {
        "countyLabels": county_labels,
        "mode": options.mode,
        "map": m.get_name(),
        "counties": counties.get_name(),
        "bases": bases,  # basemap → [its group, its province layer] (the land fill's shape)
        "credits": credits,
        "land": None if options.tile_url else LAND,
        "attribution": list(options.attribution),
        "texts": options.texts,
    }
    if options.mode == "overview":
        cluster_js = [("markercluster", "markercluster/leaflet.markercluster.js")]
        cluster_css = [
            ("markercluster_css", "markercluster/MarkerCluster.css"),
            ("markercluster_default_css", "markercluster/MarkerCluster.Default.css"),
        ]
        for key in ("orgs", "activities"):
            # Clusters break up below zoom 12; a county seat's dozens of organisations would
            # otherwise hide each other at the zoom a county is seen whole.
            cluster = MarkerCluster(
                name=names.get(key, key),
                options={"disableClusteringAtZoom": 13, "animate": False},  # as the zoom
            )
            _local(cluster, cluster_js, cluster_css)
            cluster.add_to(m)
            config[key] = cluster.get_name()
        folium.LayerControl(collapsed=False).add_to(m)
    m.get_root().header.add_child(folium.Element(f"<style>{STYLE}</style>"))
    _Script(SCRIPT.replace("__CONFIG__", json.dumps(config, ensure_ascii=False))).add_to(m)
    return m.get_root().render()


STYLE = """
.city-label { transform: translate(-50%, -50%); white-space: nowrap; font: bold 13px sans-serif;
  color: #333; text-shadow: 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }
.county-label { transform: translate(-50%, -50%); white-space: nowrap; font: 12px sans-serif;
  color: #555; text-shadow: 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }
.leaflet-control-attribution { font-size: 10px; line-height: 1.35; max-width: 60%; }
.leaflet-control-layers { font-size: 13px; }
.legend { background: rgba(255,255,255,0.92); padding: 6px 9px; border-radius: 4px;
  font: 12px sans-serif; line-height: 18px; box-shadow: 0 1px 4px rgba(0,0,0,0.3); }
.legend i { width: 16px; height: 12px; float: left; margin: 3px 6px 0 0; opacity: 0.8; }
.legend b { display: block; margin-bottom: 2px; }
.popup b { font-size: 14px; } .popup a { color: #c8161d; font-weight: bold; cursor: pointer; }
"""

# The page's side of the bridge. Calls to Python wait until QWebChannel is connected; data
# arrives as one object from Python (`setData`), so a redraw keeps the user's zoom and position.
SCRIPT = """
var suqing = (function () {
  var cfg = __CONFIG__;
  var map = window[cfg.map], t = cfg.texts;
  var bridge = null, waiting = [];
  if (window.qt && window.QWebChannel) {
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      waiting.forEach(function (f) { f(); });
      waiting = [];
    });
  }
  function call(f) { if (bridge) { f(); } else { waiting.push(f); } }
  function esc(s) {
    return String(s == null ? "" : s).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }
  map.attributionControl.setPrefix(false);
  cfg.attribution.forEach(function (a) { map.attributionControl.addAttribution(esc(a)); });
  var counties = window[cfg.counties];
  // Each basemap's land: its own province outline filled, below the choropleth, in its group
  // so that it comes and goes with its basemap. None over online tiles.
  // Its credit on the group: Leaflet shows a layer's credit while the layer is on the map.
  // (Set here: folium hands a feature group's options to L.featureGroup as its layers.)
  Object.keys(cfg.bases).forEach(function (key) {
    var group = window[cfg.bases[key][0]], province = window[cfg.bases[key][1]];
    if (cfg.land) {
      group.addLayer(L.geoJSON(province.toGeoJSON(), {pane: "landfill", interactive: false,
        style: {stroke: false, fillColor: cfg.land, fillOpacity: 1}}));
    }
    group.options.attribution = cfg.credits[key];
    if (map.hasLayer(group)) { map.removeLayer(group); group.addTo(map); }  // credit it now
  });
  var orgs = cfg.orgs ? window[cfg.orgs] : null;
  var acts = cfg.activities ? window[cfg.activities] : null;
  var markersById = {}, shownActivities = [];
  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () { this._div = L.DomUtil.create("div", "legend"); return this._div; };
  var spot = null;
  var countyLabels = L.layerGroup(cfg.countyLabels.map(function (c) {
    var icon = L.divIcon({iconSize: [0, 0], className: "",
      html: '<div class="county-label">' + esc(c[0]) + "</div>"});
    return L.marker([c[1], c[2]], {interactive: false, icon: icon});
  }));
  function showCountyLabels() {
    if (map.getZoom() >= 9) { countyLabels.addTo(map); } else { map.removeLayer(countyLabels); }
  }
  map.on("zoomend", showCountyLabels);
  showCountyLabels();

  function orgPopup(o) {
    return '<div class="popup"><b>' + esc(o.name) + "</b><br>" + esc(o.level_text) + "<br>" +
      esc(t.followers) + ": " + o.followers + "<br>" + esc(t.current) + ": " +
      o.current_activities + '<br><a class="open-org" data-id="' + esc(o.id) + '">' +
      esc(t.open) + "</a></div>";
  }
  function activityPopup(a) {
    return '<div class="popup"><b>' + esc(a.title) + "</b><br>" + esc(a.when) + "<br>" +
      esc(a.category_text) + " · " + esc(a.location_name) + "<br>" + esc(a.org_name) + "</div>";
  }
  map.on("popupopen", function (e) {
    var link = e.popup.getElement().querySelector(".open-org");
    if (link) {
      link.addEventListener("click", function () { openOrganization(link.dataset.id); });
    }
  });
  // Popups are made on the first click: building thousands of them up front doubles a redraw.
  function popupOnClick(e) {
    var m = e.layer;
    if (!m.getPopup()) { m.bindPopup(m.popupHtml(m.data)); }
    m.openPopup();
  }
  if (orgs) { orgs.on("click", popupOnClick); }
  if (acts) { acts.on("click", popupOnClick); }
  function openOrganization(id) { call(function () { bridge.open_organization(id); }); }

  function setData(d) {
    markersById = {};
    shownActivities = (d.activities || []).map(function (a) { return a.id; });
    if (orgs) {
      orgs.clearLayers();
      orgs.addLayers(d.orgs.map(function (o) {
        var m = L.circleMarker([o.lat, o.lon], {radius: o.home ? 10 : 7,
          color: o.home ? "#222222" : "#ffffff", weight: o.home ? 2.5 : 1.5,
          fillColor: o.color, fillOpacity: 0.95});
        m.popupHtml = orgPopup;
        m.data = o;
        markersById[o.id] = m;
        return m;
      }));
    }
    if (acts) {
      acts.clearLayers();
      acts.addLayers(d.activities.map(function (a) {
        var m = L.circleMarker([a.lat, a.lon], {radius: 5, color: "#7a1fa2", weight: 1,
          fillColor: "#b36ad6", fillOpacity: 0.85});
        m.popupHtml = activityPopup;
        m.data = a;
        return m;
      }));
    }
    if (d.choropleth) {
      var c = d.choropleth;
      counties.eachLayer(function (layer) {
        var code = layer.feature.properties.code;
        var color = c.colors[code];
        layer.setStyle({fillColor: color, fillOpacity: color ? 0.75 : 0});
        layer.bindTooltip(esc(layer.feature.properties.name) + ": " + (c.values[code] || 0));
      });
      legend.addTo(map);
      legend._div.innerHTML = "<b>" + esc(c.title) + "</b>" + c.bins.map(function (b) {
        return '<i style="background:' + b.color + '"></i>' + esc(b.label);
      }).join("<br>");
    }
    return JSON.stringify({orgs: d.orgs ? d.orgs.length : 0,
                           activities: d.activities ? d.activities.length : 0});
  }

  function setSpot(lat, lon, zoom) {
    if (spot) { map.removeLayer(spot); }
    spot = L.circleMarker([lat, lon], {radius: 8, color: "#ffffff", weight: 2,
      fillColor: "#c8161d", fillOpacity: 1}).addTo(map);
    map.setView([lat, lon], zoom || Math.max(map.getZoom(), 11));
  }
  function fitBounds(south, west, north, east) { map.fitBounds([[south, west], [north, east]]); }
  if (cfg.mode === "picker") {
    map.getContainer().style.cursor = "crosshair";
    map.on("click", function (e) {
      call(function () { bridge.point_picked(e.latlng.lng, e.latlng.lat); });
    });
  }
  // What is drawn, for the app's tests: a JSON string (arrays do not survive runJavaScript).
  function shown() {
    var ids = Object.keys(markersById);
    return JSON.stringify({orgs: ids, activities: shownActivities,
      onMap: ids.filter(function (id) { return map.hasLayer(markersById[id]); }),
      spot: spot ? [spot.getLatLng().lng, spot.getLatLng().lat] : null});
  }
  // Centre an organisation's marker at a zoom where no cluster hides it (no animation).
  function revealOrganization(id) {
    map.setView(markersById[id].getLatLng(), 14, {animate: false});
  }
  function screenPoint(lat, lon) {
    var p = map.latLngToContainerPoint([lat, lon]);
    var box = map.getContainer().getBoundingClientRect();
    return JSON.stringify([box.left + p.x, box.top + p.y]);
  }
  function markerPoint(id) {
    var at = markersById[id].getLatLng();
    return screenPoint(at.lat, at.lng);
  }
  return {map: map, setData: setData, setSpot: setSpot, fitBounds: fitBounds, shown: shown,
          revealOrganization: revealOrganization, markerPoint: markerPoint,
          screenPoint: screenPoint};
})();
"""
