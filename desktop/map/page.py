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
from dataclasses import asdict, dataclass, field
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

    def to_display(self, lon: float, lat: float) -> tuple[float, float]:
        """A stored (WGS84) point as this page draws it."""
        return wgs84_to_gcj02(lon, lat) if self.gcj02 else (lon, lat)


DRAWN_DIGITS = 4  # 1e-4° is about 10 m, a pixel at zoom 14; the data is generalised at 1 km


def _drawn(coords: Any, gcj02: bool) -> Any:
    """Coordinates as drawn: in the tiles' datum, rounded (a fifth of the page's size less)."""
    if isinstance(coords[0], (int, float)):
        lon, lat = wgs84_to_gcj02(coords[0], coords[1]) if gcj02 else coords[:2]
        return [round(lon, DRAWN_DIGITS), round(lat, DRAWN_DIGITS)]
    return [_drawn(c, gcj02) for c in coords]


# Basemap → its generated layers (province, cities).
BASEMAPS = {
    "tianditu": ("province", "cities"),
    "open": ("province_open", "cities_open"),
}
DEFAULT_BASEMAP = "tianditu"
LAND = "#f4f1ea"


@cache
def basemap(gcj02: bool = False) -> dict[str, dict]:
    """The generated boundary layers as drawn (converted to GCJ-02 when the tiles are)."""
    layers = {}
    for name in ("counties", *itertools.chain(*BASEMAPS.values())):
        data = json.loads((GENERATED_DIR / f"{name}.geojson").read_text(encoding="utf-8"))
        for feature in data["features"]:
            geometry = feature["geometry"]
            geometry["coordinates"] = _drawn(geometry["coordinates"], gcj02)
        layers[name] = data
    return layers


@cache
def basemap_json(key: str, gcj02: bool = False) -> tuple[str, str]:
    """A basemap's province and cities as the page draws them, as JSON text."""
    layers = basemap(gcj02)
    return tuple(json.dumps(layers[name], separators=(",", ":")) for name in BASEMAPS[key])


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


def region_labels(layer: dict) -> list[list]:
    """[name, lat, lon] of each region's label."""
    labels = []
    for feature in layer["features"]:
        lat, lon = label_point(feature["geometry"])
        labels.append([feature["properties"]["name"], round(lat, 5), round(lon, 5)])
    return labels


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


_PAGES: dict[str, str] = {}  # built pages by their options: dialogs open the same page again
PAGES_KEPT = 8


def build_html(options: PageOptions) -> str:
    """The whole page, to be shown with `setHtml(html, QUrl.fromLocalFile(WEB_DIR + "/"))`.
    Kept once built: folium takes a tenth of a second to render one."""
    key = json.dumps([asdict(options), options.gcj02], sort_keys=True, ensure_ascii=False)
    if key not in _PAGES:
        if len(_PAGES) >= PAGES_KEPT:
            del _PAGES[next(iter(_PAGES))]  # the oldest
        _PAGES[key] = _build_html(options)
    return _PAGES[key]


def _build_html(options: PageOptions) -> str:
    m = folium.Map(
        location=JIANGSU_CENTER,
        zoom_start=7 if options.mode == "overview" else 8,
        tiles=None,
        # One canvas for all: thousands of circle markers draw far faster on a canvas than as
        # SVG, and each further canvas or pane costs a window-sized bitmap (over 6 MB).
        prefer_canvas=True,
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
    credits = {key: html.escape(text) for key, text in options.credits.items()}
    bases = {}
    for key in BASEMAPS:
        if key != DEFAULT_BASEMAP and options.mode != "overview":
            continue  # the picker and the small map have no layer control: the default only
        base = folium.FeatureGroup(
            name=names.get(key, key),
            overlay=False,
            show=key == DEFAULT_BASEMAP,
            control=options.mode == "overview",
        ).add_to(m)
        # The group's layers are made by the page's script from JSON text (JSON.parse is far
        # quicker than the same data as a script literal): the default basemap's is in the
        # page, another's is asked of the app once chosen (MapView.send_basemap).
        bases[key] = {"group": base.get_name()}
        if key == DEFAULT_BASEMAP:
            bases[key]["data"] = basemap_json(key, options.gcj02)
    # Empty here, filled by the page's script from JSON text (as the basemaps), which styles it.
    counties = folium.GeoJson(
        {"type": "FeatureCollection", "features": []},
        name=names.get("counties", "counties"),
        control=options.mode == "overview",
        **({"attribution": credits["tianditu"]} if "tianditu" in credits else {}),
    ).add_to(m)
    config: dict[str, Any] = {
        # Made by the page's script: a folium marker each would cost more to build than the map.
        "cityLabels": region_labels(layers["cities"]),
        "countyLabels": region_labels(layers["counties"]),  # shown from zoom 9 on
        "mode": options.mode,
        "map": m.get_name(),
        "counties": counties.get_name(),
        "countiesData": json.dumps(layers["counties"], separators=(",", ":")),
        "bases": bases,
        "credits": credits,
        "styles": {
            "land": None if options.tile_url else LAND,  # the province filled, under the rest
            "cities": {"color": "#6b7480", "weight": 1.4, "fill": False},
            "province": {"color": "#c8161d", "weight": 2.4, "fill": False},
            "counties": {"color": "#9aa3ad", "weight": 0.6, "fillOpacity": 0},
        },
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
.legend .towns { margin-top: 6px; padding-top: 4px; border-top: 1px solid #ccc; max-width: 200px; }
.legend .dot { float: left; width: 12px; height: 12px; margin: 3px 6px 0 0; border-radius: 50%;
  background: rgba(29,78,137,0.7); border: 1px solid #1d4e89; }
.town-label { padding: 0 4px; font-size: 11px; background: rgba(255,255,255,0.85); }
.legend a { color: #c8161d; font-weight: bold; cursor: pointer; }
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
  var styles = cfg.styles;
  var counties = window[cfg.counties];
  counties.options.style = styles.counties;
  counties.addData(JSON.parse(cfg.countiesData));
  // A basemap's group: its land (the province filled; none over online tiles), cities and
  // province outline, made when it is first shown. And its credit on the group: Leaflet
  // shows a layer's credit while the layer is on the map. (Set here: folium hands a feature
  // group's options to L.featureGroup as its layers.)
  var bases = Object.keys(cfg.bases).map(function (key) {
    var b = {key: key, group: window[cfg.bases[key].group], land: null, made: false};
    b.group.options.attribution = cfg.credits[key];
    return b;
  });
  function baseOf(key) { return bases.filter(function (b) { return b.key === key; })[0]; }
  // Its layers from JSON text: the page's own, or the app's answer to want().
  function fillBasemap(key, provinceText, citiesText) {
    var b = baseOf(key);
    if (!b || b.made) { return; }
    b.made = true;
    var province = JSON.parse(provinceText);
    var drawn = function (data, style) {
      b.group.addLayer(L.geoJSON(data, {interactive: false, style: style}));
    };
    if (styles.land) {
      b.land = L.geoJSON(province, {interactive: false,
        style: {stroke: false, fillColor: styles.land, fillOpacity: 1}});
      b.group.addLayer(b.land);
    }
    drawn(JSON.parse(citiesText), styles.cities);
    drawn(province, styles.province);
    restack();
  }
  function want(b) {
    var data = cfg.bases[b.key].data;
    if (data) {
      fillBasemap(b.key, data[0], data[1]);
    } else if (!b.asked) {
      b.asked = true;
      call(function () { bridge.want_basemap(b.key); });
    }
  }
  bases.forEach(function (b) {
    if (map.hasLayer(b.group)) {
      want(b);
      map.removeLayer(b.group);  // and back, so that its credit shows
      b.group.addTo(map);
    }
  });
  // Everything draws on one canvas, in the order added; a layer switched on comes last. So
  // after a switch the choropleth and then the land go to the back, under the outlines (and
  // the markers: one canvas per layer would cost a window-sized bitmap each).
  function restack() {
    if (map.hasLayer(counties)) { counties.bringToBack(); }
    bases.forEach(function (b) {
      if (b.land && map.hasLayer(b.group)) { b.land.bringToBack(); }
    });
  }
  map.on("baselayerchange", function (e) {
    bases.forEach(function (b) { if (b.group === e.layer) { want(b); } });
    restack();
  });
  map.on("overlayadd", restack);
  // The choropleth's legend goes with the county layer.
  map.on("overlayadd overlayremove", function (e) {
    if (e.layer !== counties || !d || !d.choropleth) { return; }
    if (map.hasLayer(counties)) { legend.addTo(map); updateLegend(); } else { legend.remove(); }
  });
  restack();
  var orgs = cfg.orgs ? window[cfg.orgs] : null;
  var acts = cfg.activities ? window[cfg.activities] : null;
  var markersById = {}, shownActivities = [];
  var legend = L.control({position: "bottomright"});
  legend.onAdd = function () {
    this._div = L.DomUtil.create("div", "legend");
    L.DomEvent.disableClickPropagation(this._div);
    L.DomEvent.on(this._div, "click", function (e) {
      if (e.target.classList.contains("back")) { chooseCounty(null); }  // 返回全省
    });
    return this._div;
  };
  var spot = null;
  function labelLayer(labels, className) {
    return L.layerGroup(labels.map(function (c) {
      var icon = L.divIcon({iconSize: [0, 0], className: "",
        html: '<div class="' + className + '">' + esc(c[0]) + "</div>"});
      return L.marker([c[1], c[2]], {interactive: false, icon: icon});
    }));
  }
  labelLayer(cfg.cityLabels, "city-label").addTo(map);
  var countyLabels = labelLayer(cfg.countyLabels, "county-label");
  function showCountyLabels() {
    if (map.getZoom() >= 9) { countyLabels.addTo(map); } else { map.removeLayer(countyLabels); }
  }
  map.on("zoomend", showCountyLabels);
  showCountyLabels();

  // The data last handed over; markers are rows, their columns named by d.orgFields and
  // d.activityFields (O and A: column name → index).
  var d = null, O = {}, A = {};
  function columns(names) {
    var index = {};
    names.forEach(function (name, i) { index[name] = i; });
    return index;
  }
  function levelOf(o) { return d.levels[o[O.level]] || {text: o[O.level], color: "#1f78b4"}; }
  function orgPopup(o) {
    return '<div class="popup"><b>' + esc(o[O.name]) + "</b><br>" + esc(levelOf(o).text) +
      "<br>" + esc(t.followers) + ": " + o[O.followers] + "<br>" + esc(t.current) + ": " +
      o[O.current_activities] + '<br><a class="open-org" data-id="' + esc(o[O.id]) + '">' +
      esc(t.open) + "</a></div>";
  }
  function activityPopup(a) {
    var category = d.categories[a[A.category]] || a[A.category];
    return '<div class="popup"><b>' + esc(a[A.title]) + "</b><br>" + esc(a[A.when]) + "<br>" +
      esc(category) + " · " + esc(a[A.location_name]) + "<br>" + esc(a[A.org_name]) +
      "</div>";
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

  // `data` is JSON text: V8 parses JSON far faster than the same data as a script literal.
  function setData(data) {
    d = JSON.parse(data);
    O = columns(d.orgFields);
    A = columns(d.activityFields);
    markersById = {};
    shownActivities = d.activities.map(function (a) { return a[A.id]; });
    if (orgs) {
      orgs.clearLayers();
      orgs.addLayers(d.orgs.map(function (o) {
        var home = o[O.home];
        var m = L.circleMarker([o[O.lat], o[O.lon]], {radius: home ? 10 : 7,
          color: home ? "#222222" : "#ffffff", weight: home ? 2.5 : 1.5,
          fillColor: levelOf(o).color, fillOpacity: 0.95});
        m.popupHtml = orgPopup;
        m.data = o;
        markersById[o[O.id]] = m;
        return m;
      }));
    }
    if (acts) {
      acts.clearLayers();
      acts.addLayers(d.activities.map(function (a) {
        var m = L.circleMarker([a[A.lat], a[A.lon]], {radius: 5, color: "#7a1fa2", weight: 1,
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
        layer.bindTooltip(esc(layer.feature.properties.name) + ": " + (c.values[code] || 0) +
          (cfg.mode === "overview" ? "<br>" + esc(t.clickCounty) : ""));
      });
      if (map.hasLayer(counties)) { legend.addTo(map); }
      showTowns();  // of the county chosen before, now with the new data
    }
    return JSON.stringify({orgs: d.orgs ? d.orgs.length : 0,
                           activities: d.activities ? d.activities.length : 0});
  }

  // The towns of a chosen county: a circle each, its area proportional to the town's count,
  // at the mean point of the town's placed records. No source at hand has town boundaries or
  // town points (the codes and names only), so no town choropleth: see data.town_values.
  var towns = L.featureGroup(), chosenCounty = null;
  function countyLayer(code) {
    var found = null;
    counties.eachLayer(function (l) { if (l.feature.properties.code === code) { found = l; } });
    return found;
  }
  function townRows() {
    if (!chosenCounty || !d || !d.choropleth) { return []; }
    var T = columns(d.townFields);
    return d.choropleth.towns.filter(function (r) { return r[T.county] === chosenCounty; })
      .map(function (r) { return {code: r[T.code], name: r[T.name], value: r[T.value],
                                  at: [r[T.lat], r[T.lon]]}; });
  }
  function showTowns() {
    var rows = townRows();
    var most = Math.max.apply(null, rows.map(function (r) { return r.value; }).concat([1]));
    towns.clearLayers();
    rows.forEach(function (r) {
      // Blue on the red choropleth; named with its count (a county has some 5 to 30 towns).
      L.circleMarker(r.at, {radius: 4 + 22 * Math.sqrt(r.value / most), color: "#ffffff",
        weight: 1.5, fillColor: "#1d4e89", fillOpacity: 0.7})
        .bindTooltip(esc(r.name) + " " + r.value, {permanent: true, direction: "top",
          className: "town-label", offset: [0, -4]})
        .addTo(towns);
    });
    if (chosenCounty) { towns.addTo(map); } else { map.removeLayer(towns); }
    updateLegend();
    return rows;
  }
  function updateLegend() {
    if (!d || !d.choropleth || !legend._div) { return; }
    var c = d.choropleth;
    var html = "<b>" + esc(c.title) + "</b>" + c.bins.map(function (b) {
      return '<i style="background:' + b.color + '"></i>' + esc(b.label);
    }).join("<br>");
    var layer = chosenCounty && countyLayer(chosenCounty);
    if (layer) {
      var unnamed = c.unnamed[chosenCounty];
      html += '<div class="towns"><b>' + esc(layer.feature.properties.name) + " · " +
        esc(t.towns) + '</b><span class="dot"></span>' + esc(t.townsNote) +
        (unnamed ? "<br>" + esc(t.unnamed.replace("{n}", unnamed)) : "") +
        '<br><a class="back">' + esc(t.province) + "</a></div>";
    }
    legend._div.innerHTML = html;
  }
  // Choose a county (null: the whole province again) and fit the view to it.
  function chooseCounty(code) {
    chosenCounty = code;
    var layer = code && countyLayer(code);
    map.fitBounds((layer || counties).getBounds(), {animate: false});
    return JSON.stringify(showTowns());
  }
  chooseCounty.shown = townRows;  // for the app's tests: the towns drawn
  if (cfg.mode === "overview") {
    counties.on("click", function (e) { chooseCounty(e.layer.feature.properties.code); });
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
          chooseCounty: chooseCounty, fillBasemap: fillBasemap,
          basemapsDrawn: function () {
            return JSON.stringify(bases.filter(function (b) { return b.made; })
              .map(function (b) { return b.key; }));
          },
          revealOrganization: revealOrganization, markerPoint: markerPoint,
          screenPoint: screenPoint};
})();
"""
