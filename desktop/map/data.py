"""What the 地图 page hands its web page: markers and the choropleth's classes, from the store.

Markers travel as rows (lists, their columns named once in ORG_FIELDS and ACTIVITY_FIELDS) with
the words they share (a level's name and colour, a category's name) sent once: 7,000 markers as
objects with repeated keys and words were 1.5 MB for the page to parse, as rows under half that.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from desktop.texts import format_time
from sync.client.store import Store
from sync.client.store import map_queries as mq
from sync.core.regions import regions

# Marker colour per organisation level: the League red for the top, lighter further down.
LEVEL_COLORS = {
    "province": "#7f0000",
    "city": "#c8161d",
    "county": "#f07f13",
    "grassroots": "#1f78b4",
}
# ColorBrewer YlOrRd, 5 classes: light = few, dark = many.
CLASS_COLORS = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")


@dataclass(frozen=True)
class MapFilters:
    category: str | None = None  # activities of one category, or all
    days_ahead: int | None = 30  # activities starting within so many days, None = all upcoming
    metric: str = "followers"  # the choropleth: followers or participants (mq.METRICS)
    period_days: int | None = 365  # ... in the last so many days, None = ever


def class_bins(values: list[int]) -> list[tuple[int, int]]:
    """Up to 5 classes (low, high) over the positive values, by quantile, so a few big
    counties do not leave every other one in the lightest colour."""
    positive = sorted(v for v in values if v > 0)
    if not positive:
        return []
    bounds: list[tuple[int, int]] = []
    low = positive[0]
    for k in range(1, len(CLASS_COLORS) + 1):
        high = positive[min(len(positive) - 1, round(k * len(positive) / len(CLASS_COLORS)) - 1)]
        if high >= low:
            bounds.append((low, high))
            low = high + 1
    return bounds


def county_values(counts: dict[str, int]) -> dict[str, int]:
    """Counts per county-level code; counts filed under a town add to its county."""
    table = regions()
    values: dict[str, int] = {}
    for code, n in counts.items():
        region = table.get(code)
        if region is not None and region.level == "town":
            code = region.parent or code
            region = table.get(code)
        if region is not None and region.level == "county":
            values[code] = values.get(code, 0) + n
    return values


ORG_FIELDS = ("id", "name", "level", "lat", "lon", "followers", "current_activities", "home")
ACTIVITY_FIELDS = ("id", "title", "category", "location_name", "org_name", "when", "lat", "lon")


TOWN_FIELDS = ("code", "name", "county", "lat", "lon", "value")


def town_values(
    records: list[dict[str, Any]], to_display: Callable[[float, float], tuple[float, float]]
) -> tuple[list[list], dict[str, int]]:
    """Per town, the sum of its records' counts, at the mean point of its placed records.

    No source at hand has town boundaries or town points (regions.json has codes and names):
    a town is the one its records' words name (mq.town_records), and its point is where they
    are. Returns the towns with a count and a point (TOWN_FIELDS), and per county the counts
    no words placed in a town."""
    table = regions()
    sums: dict[str, list] = {}  # town code → [count, Σlon, Σlat, placed records]
    unnamed: dict[str, int] = {}
    for r in records:
        county = r["region_code"]
        town = table.town_named_in(county, r["place"]) or table.town_named_in(
            county, r["org_place"]
        )
        if town is None:
            if r["n"]:
                unnamed[county] = unnamed.get(county, 0) + r["n"]
            continue
        acc = sums.setdefault(town.code, [0, 0.0, 0.0, 0])
        acc[0] += r["n"]
        if r["lon"] is not None and r["lat"] is not None:
            acc[1] += r["lon"]
            acc[2] += r["lat"]
            acc[3] += 1
    towns = []
    for code, (value, sum_lon, sum_lat, placed) in sorted(sums.items()):
        if value and placed:
            lon, lat = to_display(sum_lon / placed, sum_lat / placed)
            town = table.get(code)
            towns.append([code, town.name, town.parent, round(lat, 6), round(lon, 6), value])
    return towns, unnamed


def map_data(
    store: Store,
    filters: MapFilters,
    *,
    to_display: Callable[[float, float], tuple[float, float]],
    level_text: dict[str, str],
    category_text: dict[str, str],
    metric_title: str,
) -> dict[str, Any]:
    now: datetime = store.clock()
    home_org_id = store.get_meta("org_id")  # drawn larger, so a cadre finds their own
    orgs = []
    for o in store.read(mq.map_organizations, now):
        lon, lat = to_display(o["lon"], o["lat"])
        o.update(lon=round(lon, 6), lat=round(lat, 6), home=int(o["id"] == home_org_id))
        orgs.append([o[f] for f in ORG_FIELDS])
    until = now + timedelta(days=filters.days_ahead) if filters.days_ahead else None
    activities = []
    for a in store.read(mq.map_activities, now, category=filters.category, until=until):
        lon, lat = to_display(a["lon"], a["lat"])
        a.update(lon=round(lon, 6), lat=round(lat, 6), when=format_time(a["starts_at"]))
        activities.append([a[f] for f in ACTIVITY_FIELDS])
    since = now - timedelta(days=filters.period_days) if filters.period_days else None
    values = county_values(store.read(mq.county_counts, filters.metric, since, now))
    towns, unnamed = town_values(
        store.read(mq.town_records, filters.metric, since, now), to_display
    )
    bins = class_bins(list(values.values()))
    palette = CLASS_COLORS[len(CLASS_COLORS) - len(bins) :]  # few classes: the darker ones
    colors = {}
    for code, v in values.items():
        for (low, high), color in zip(bins, palette, strict=True):
            if low <= v <= high:
                colors[code] = color
    return {
        "orgFields": ORG_FIELDS,
        "activityFields": ACTIVITY_FIELDS,
        "levels": {
            level: {"text": level_text.get(level, level), "color": color}
            for level, color in LEVEL_COLORS.items()
        },
        "categories": category_text,
        "townFields": TOWN_FIELDS,
        "orgs": orgs,
        "activities": activities,
        "choropleth": {
            "title": metric_title,
            "values": values,
            "colors": colors,
            "towns": towns,  # drawn as circles when a county is chosen
            "unnamed": unnamed,
            "bins": [
                {"color": color, "label": f"{low}–{high}" if high > low else str(low)}
                for (low, high), color in zip(bins, palette, strict=True)
            ],
        },
    }
