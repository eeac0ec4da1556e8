"""The 统计 page's figures as tables and bars, in the user's language: one definition shared by
the page (charts, tables, Excel) and the report (PDF, Excel), so both show the same numbers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QCoreApplication

from sync.client.store.stats_queries import ActivityStat, Stats, YouthStat
from sync.client.store.target_queries import TargetProgress
from sync.core.records import CHINA_TIME
from sync.core.regions import regions
from sync.tools.excel import Sheet

translate = QCoreApplication.translate  # literal texts, so lupdate finds them
TOP_BARS = 10  # bars of a ranking chart; its table lists every row


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"


def region_name(code: str) -> str:
    return regions().name(code) if code and code != "unknown" else translate("StatsTables", "未知")


def gender_text(code: str) -> str:
    return {"male": translate("StatsTables", "男"), "female": translate("StatsTables", "女")}.get(
        code, translate("StatsTables", "未知")
    )


def occupation_text(code: str) -> str:
    return {
        "student": translate("StatsTables", "学生"),
        "working": translate("StatsTables", "在职"),
    }.get(code, translate("StatsTables", "未知"))


def band_text(code: str) -> str:
    if code == "unknown":
        return translate("StatsTables", "未知")
    if code == "<14":
        return translate("StatsTables", "14 岁以下")
    if code.endswith("+"):
        return translate("StatsTables", "{n} 岁及以上").format(n=code[:-1])
    return translate("StatsTables", "{band} 岁").format(band=code)


def status_text(code: str) -> str:
    return {
        "met": translate("StatsTables", "已完成"),
        "overdue": translate("StatsTables", "已逾期"),
        "due_soon": translate("StatsTables", "临近截止"),
        "on_track": translate("StatsTables", "进行中"),
    }[code]


@dataclass
class Dataset:
    """One chart and its table. `keys[i]` names the thing behind bar/row i for a drill-down
    (`drill`: which list it opens), `values[i]` is the bar's height."""

    key: str
    title: str
    sheet: Sheet
    labels: list[str]
    values: list[int]
    value_name: str
    keys: list[str] = field(default_factory=list)
    drill: str | None = None  # activity | activities:<dimension> | youths:<dimension>
    bars: int | None = None  # how many rows get a bar (None: all)


def _buckets(
    key: str, title: str, header: str, buckets: Sequence[Any], name: Callable[[str], str], drill
) -> Dataset:
    rows = [[name(b.key), b.activities, b.participants] for b in buckets]
    return Dataset(
        key,
        title,
        Sheet(
            title,
            [header, translate("StatsTables", "活动场次"), translate("StatsTables", "参与人次")],
            rows,
        ),
        [r[0] for r in rows],
        [b.participants for b in buckets],
        translate("StatsTables", "参与人次"),
        [b.key for b in buckets],
        drill,
    )


def _profile(
    key: str, title: str, header: str, stats: Stats, dim: str, name, bars: int | None = None
) -> Dataset:
    counts = stats.profile(dim)
    rows = [[name(k), n] for k, n in counts.items()]
    return Dataset(
        key,
        title,
        Sheet(title, [header, translate("StatsTables", "人数")], rows),
        [r[0] for r in rows],
        list(counts.values()),
        translate("StatsTables", "人数"),
        list(counts),
        f"youths:{dim}",
        bars,
    )


def datasets(stats: Stats, category_names: dict[str, str]) -> list[Dataset]:
    """Every chart of the page, in the page's (and the report's) order."""

    def category(code: str) -> str:
        return category_names.get(code, code)

    hot_rows = [
        [
            a.rank,
            a.title,
            a.org_name,
            category(a.category),
            a.starts_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d"),
            a.registrations,
            a.approved,
            percent(a.approval_rate),
            percent(a.attendance_rate),
        ]
        for a in stats.activities
    ]
    hot = Dataset(
        "hot",
        translate("StatsTables", "最热活动"),
        Sheet(
            translate("StatsTables", "最热活动"),
            [
                translate("StatsTables", "排名"),
                translate("StatsTables", "活动名称"),
                translate("StatsTables", "主办组织"),
                translate("StatsTables", "类别"),
                translate("StatsTables", "开始日期"),
                translate("StatsTables", "报名人数"),
                translate("StatsTables", "通过人数"),
                translate("StatsTables", "通过率"),
                translate("StatsTables", "签到率"),
            ],
            hot_rows,
        ),
        [a.title for a in stats.activities],
        [a.registrations for a in stats.activities],
        translate("StatsTables", "报名人数"),
        [a.id for a in stats.activities],
        "activity",
        TOP_BARS,
    )
    orgs = Dataset(
        "orgs",
        translate("StatsTables", "关注最多的组织"),
        Sheet(
            translate("StatsTables", "关注最多的组织"),
            [
                translate("StatsTables", "排名"),
                translate("StatsTables", "组织"),
                translate("StatsTables", "粉丝数"),
                translate("StatsTables", "期间新增"),
            ],
            [[o.rank, o.name, o.followers, o.new_followers] for o in stats.organizations],
        ),
        [o.name for o in stats.organizations],
        [o.followers for o in stats.organizations],
        translate("StatsTables", "粉丝数"),
        [o.id for o in stats.organizations],
        "activities:org_id",
        TOP_BARS,
    )
    growth = Dataset(
        "growth",
        translate("StatsTables", "粉丝增长"),
        Sheet(
            translate("StatsTables", "粉丝增长"),
            [
                translate("StatsTables", "月份"),
                translate("StatsTables", "新增粉丝"),
                translate("StatsTables", "累计粉丝"),
            ],
            [[g.month, g.new, g.total] for g in stats.growth],
        ),
        [g.month for g in stats.growth],
        [g.new for g in stats.growth],
        translate("StatsTables", "新增粉丝"),
    )
    return [
        hot,
        orgs,
        _buckets(
            "category",
            translate("StatsTables", "按类别参与"),
            translate("StatsTables", "类别"),
            stats.by_category,
            category,
            "activities:category",
        ),
        _buckets(
            "month",
            translate("StatsTables", "按月份参与"),
            translate("StatsTables", "月份"),
            stats.by_month,
            str,
            "activities:month",
        ),
        _buckets(
            "region",
            translate("StatsTables", "按地区参与"),
            translate("StatsTables", "地区"),
            stats.by_region,
            region_name,
            "activities:region_code",
        ),
        growth,
        _profile(
            "band",
            translate("StatsTables", "青年年龄段"),
            translate("StatsTables", "年龄段"),
            stats,
            "band",
            band_text,
        ),
        _profile(
            "gender",
            translate("StatsTables", "青年性别"),
            translate("StatsTables", "性别"),
            stats,
            "gender",
            gender_text,
        ),
        _profile(
            "occupation",
            translate("StatsTables", "学生或在职"),
            translate("StatsTables", "身份"),
            stats,
            "occupation",
            occupation_text,
        ),
        _profile(
            "youth_region",
            translate("StatsTables", "青年所在地区"),
            translate("StatsTables", "地区"),
            stats,
            "region_code",
            region_name,
            TOP_BARS,
        ),
    ]


def summary_items(stats: Stats) -> list[tuple[str, str]]:
    """The headline figures: (label, value)."""
    new_followers = sum(g.new for g in stats.growth)
    return [
        (translate("StatsTables", "活动场次"), str(len(stats.activities))),
        (translate("StatsTables", "参与人次"), str(stats.participants)),
        (translate("StatsTables", "参与青年"), str(stats.youths)),
        (translate("StatsTables", "精品活动"), str(stats.featured)),
        (translate("StatsTables", "新增粉丝"), str(new_followers)),
        (translate("StatsTables", "14 岁以下青年"), str(stats.under_14)),
    ]


def activities_sheet(title: str, items: Sequence[ActivityStat], category) -> Sheet:
    headers = [
        translate("StatsTables", "活动名称"),
        translate("StatsTables", "主办组织"),
        translate("StatsTables", "类别"),
        translate("StatsTables", "开始日期"),
        translate("StatsTables", "报名人数"),
        translate("StatsTables", "通过人数"),
    ]
    rows = [
        [
            a.title,
            a.org_name,
            category(a.category),
            a.starts_at.astimezone(CHINA_TIME).strftime("%Y-%m-%d"),
            a.registrations,
            a.approved,
        ]
        for a in items
    ]
    return Sheet(title, headers, rows)


def youths_sheet(title: str, items: Sequence[YouthStat]) -> Sheet:
    headers = [
        translate("StatsTables", "姓名"),
        translate("StatsTables", "性别"),
        translate("StatsTables", "年龄"),
        translate("StatsTables", "身份"),
        translate("StatsTables", "地区"),
        translate("StatsTables", "参加次数"),
    ]
    rows = [
        [
            y.name,
            gender_text(y.gender),
            "" if y.age is None else y.age,
            occupation_text(y.occupation),
            region_name(y.region_code),
            y.participations,
        ]
        for y in items
    ]
    return Sheet(title, headers, rows)


def people_sheet(title: str, people: Sequence[dict[str, Any]]) -> Sheet:
    from desktop.texts import label

    headers = [
        translate("StatsTables", "姓名"),
        translate("StatsTables", "手机号"),
        translate("StatsTables", "性别"),
        translate("StatsTables", "报名状态"),
    ]
    rows = [[p["name"], p["phone"], gender_text(p["gender"]), label(p["status"])] for p in people]
    return Sheet(title, headers, rows)


def targets_sheet(progress: Sequence[TargetProgress]) -> Sheet:
    headers = [
        translate("StatsTables", "排名"),
        translate("StatsTables", "组织"),
        translate("StatsTables", "考核期"),
        translate("StatsTables", "精品活动（完成/目标）"),
        translate("StatsTables", "参与人次（完成/目标）"),
        translate("StatsTables", "完成度"),
        translate("StatsTables", "剩余天数"),
        translate("StatsTables", "状态"),
    ]
    rows = [
        [
            p.rank,
            p.org_name,
            f"{p.period_start:%Y-%m-%d} — {p.period_end:%Y-%m-%d}",
            f"{p.featured_done} / {p.featured_target}",
            f"{p.participants_done} / {p.participants_target}",
            percent(p.completion),
            max(p.days_left, 0),
            status_text(p.status),
        ]
        for p in progress
    ]
    return Sheet(translate("StatsTables", "考核进度"), headers, rows)
