"""The map's translated words: organisation levels, layer names, popups, the basemap's credit."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QLocale

from desktop import settings as s
from desktop.map.page import PageOptions
from sync.core.paths import GENERATED_DIR


def map_attribution() -> tuple[dict[str, str], str]:
    """Each basemap's credit, and the map notice (ATTRIBUTION.json, in the interface's
    language)."""
    data = json.loads((GENERATED_DIR / "ATTRIBUTION.json").read_text(encoding="utf-8"))
    language = "en" if QLocale().language() == QLocale.Language.English else "zh_CN"
    credits = {"tianditu": data["map"][language], "open": data["open_map"][language]}
    return credits, data["notices"][language]


def level_texts() -> dict[str, str]:
    return {
        "province": QCoreApplication.translate("map", "省级团委"),
        "city": QCoreApplication.translate("map", "市级团委"),
        "county": QCoreApplication.translate("map", "县级团委"),
        "grassroots": QCoreApplication.translate("map", "基层团组织"),
    }


def page_options(settings: s.Settings, mode: str) -> PageOptions:
    credits, notice = map_attribution()
    return PageOptions(
        mode=mode,
        tile_url=settings.get(s.MAP_TILE_URL),
        attribution=(notice,),
        credits=credits,
        texts={
            "followers": QCoreApplication.translate("map", "粉丝"),
            "current": QCoreApplication.translate("map", "进行中的活动"),
            "open": QCoreApplication.translate("map", "打开组织页"),
            "clickCounty": QCoreApplication.translate("map", "点击查看各乡镇（街道）"),
            "towns": QCoreApplication.translate("map", "各乡镇（街道）"),
            "townsNote": QCoreApplication.translate(
                "map",
                "圆点面积表示数量，位置为该乡镇已定位的组织或活动的平均位置"
                "（暂无乡镇边界数据；乡镇按地址或活动地点中的名称归入）",
            ),
            "unnamed": QCoreApplication.translate("map", "另有 {n} 未能归入乡镇"),
            "province": QCoreApplication.translate("map", "返回全省"),
        },
        layer_names={
            "tiles": QCoreApplication.translate("map", "在线地图"),
            "counties": QCoreApplication.translate("map", "县区"),
            "tianditu": QCoreApplication.translate("map", "天地图边界"),
            "open": QCoreApplication.translate("map", "开放边界（OpenStreetMap）"),
            "orgs": QCoreApplication.translate("map", "团组织"),
            "activities": QCoreApplication.translate("map", "即将开始的活动"),
        },
    )
