"""Statistics of the 统计 page over the local replica (no Qt): rankings, participation, follower
growth and the youth profile of one organisation, with or without its subordinates, in a period.

What counts, written once here so the page, the report and the tests agree:
- an activity of the period is one of the organisations, published or completed (drafts and
  cancelled ones never happened), starting in the period (China time, both days included);
- a registration counts unless it was cancelled; a participant is an approved registration
  (参与人次), and the youth profile describes the distinct youths behind those;
- ranks are competition ranks: equal values share a rank and the next rank skips (1, 1, 3);
- a youth's age is taken on the period's last day; under 14 is the age band "<14".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, case, func, select

from sync.client.store.follower_queries import subordinate_organizations
from sync.client.store.tables import activities, followers, organizations, registrations, youths
from sync.core.privacy import age_on, mask_phone
from sync.core.records import CHINA_TIME, ActivityStatus, RegistrationStatus

HELD = (ActivityStatus.PUBLISHED.value, ActivityStatus.COMPLETED.value)
APPROVED = RegistrationStatus.APPROVED.value
CANCELLED = RegistrationStatus.CANCELLED.value

# Age bands of the youth profile: (key, lowest age, highest age). The League's own age is 14–28;
# under 14 is counted apart because a guardian must consent (`sync.core.privacy`).
AGE_BANDS: tuple[tuple[str, int, int], ...] = (
    ("<14", 0, 13),
    ("14-17", 14, 17),
    ("18-22", 18, 22),
    ("23-28", 23, 28),
    ("29+", 29, 200),
)
UNKNOWN = "unknown"

# Words by which `school_or_employer` names a school. The record has no student flag, so the
# place is the one hint; a school-named place of someone older than STUDENT_MAX_AGE is where
# they work (a teacher), not study.
SCHOOL_WORDS = ("学校", "中学", "小学", "学院", "大学", "职业教育中心", "职校", "中专", "技校")
STUDENT_MAX_AGE = 24


@dataclass(frozen=True)
class StatsQuery:
    org_id: str
    subordinates: bool  # with every organisation below it
    start: date  # first day of the period, China time
    end: date  # last day, included

    def bounds(self) -> tuple[datetime, datetime]:
        """[from, until) of the period as aware datetimes."""
        lo = datetime.combine(self.start, time(), CHINA_TIME)
        hi = datetime.combine(self.end + timedelta(days=1), time(), CHINA_TIME)
        return lo, hi


@dataclass(frozen=True)
class ActivityStat:
    id: str
    title: str
    org_id: str
    org_name: str
    category: str
    region_code: str
    month: str  # "2026-11", China time
    starts_at: datetime
    featured: bool
    registrations: int  # not cancelled
    approved: int
    rank: int = 0
    # 签到 (check-in) is being built elsewhere: once attendance is recorded, the share of the
    # approved who checked in goes here. None = not known, shown as "—".
    attendance_rate: float | None = None

    @property
    def approval_rate(self) -> float | None:
        return self.approved / self.registrations if self.registrations else None


@dataclass(frozen=True)
class OrgStat:
    id: str
    name: str
    followers: int  # at the end of the period
    new_followers: int  # who started following in the period
    rank: int = 0


@dataclass(frozen=True)
class Bucket:
    """One bar: activities and participants of a category, month or region."""

    key: str
    activities: int
    participants: int


@dataclass(frozen=True)
class GrowthMonth:
    month: str
    new: int
    total: int  # followers at the end of the month


@dataclass(frozen=True)
class YouthStat:
    """A participant, personal data masked as everywhere in lists."""

    id: str
    name: str
    phone: str  # masked
    gender: str
    age: int | None
    band: str
    occupation: str  # student | working | unknown
    region_code: str
    participations: int


@dataclass
class Stats:
    query: StatsQuery
    org_names: dict[str, str]
    activities: list[ActivityStat] = field(default_factory=list)  # ranked
    organizations: list[OrgStat] = field(default_factory=list)  # ranked
    by_category: list[Bucket] = field(default_factory=list)
    by_month: list[Bucket] = field(default_factory=list)
    by_region: list[Bucket] = field(default_factory=list)
    growth: list[GrowthMonth] = field(default_factory=list)
    youths: list[YouthStat] = field(default_factory=list)

    @property
    def participants(self) -> int:
        return sum(a.approved for a in self.activities)

    @property
    def featured(self) -> int:
        return sum(1 for a in self.activities if a.featured)

    @property
    def under_14(self) -> int:
        return sum(1 for y in self.youths if y.band == "<14")

    def profile(self, dimension: str) -> dict[str, int]:
        """Distinct participants by `dimension` (band, gender, occupation, region_code), in a
        fixed order for bands and by count for the rest."""
        counts = Counter(getattr(y, dimension) for y in self.youths)
        if dimension == "band":
            keys = [b[0] for b in AGE_BANDS] + [UNKNOWN]
            return {k: counts[k] for k in keys if counts[k]}
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def activities_behind(self, dimension: str, key: str) -> list[ActivityStat]:
        """The activities behind one bar of a category, month or region chart."""
        return [a for a in self.activities if getattr(a, dimension) == key]

    def youths_behind(self, dimension: str, key: str) -> list[YouthStat]:
        """The participants behind one bar of a profile chart."""
        return [y for y in self.youths if getattr(y, dimension) == key]


def competition_ranks(values: Sequence[Any]) -> list[int]:
    """Ranks of values already sorted best first: equal values share a rank (1, 1, 3)."""
    ranks: list[int] = []
    for i, value in enumerate(values):
        ranks.append(ranks[-1] if i and value == values[i - 1] else i + 1)
    return ranks


def org_ids(conn: Connection, org_id: str, subordinates: bool) -> list[str]:
    ids = [org_id]
    if subordinates:
        ids += [o["id"] for o in subordinate_organizations(conn, org_id)]
    return ids


def _month(value: datetime) -> str:
    return value.astimezone(CHINA_TIME).strftime("%Y-%m")


def _months(start: date, end: date) -> list[str]:
    index, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    return [f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(index, last + 1)]


def occupation(place: str, age: int | None) -> str:
    if not place.strip():
        return UNKNOWN
    if any(word in place for word in SCHOOL_WORDS) and (age is None or age <= STUDENT_MAX_AGE):
        return "student"
    return "working"


def age_band(age: int | None) -> str:
    if age is None:
        return UNKNOWN
    return next(key for key, low, high in AGE_BANDS if low <= age <= high)


def compute(conn: Connection, query: StatsQuery) -> Stats:
    """Every figure of the 统计 page for `query`: a handful of grouped queries."""
    ids = org_ids(conn, query.org_id, query.subordinates)
    names = {r.id: r.name for r in conn.execute(select(organizations.c.id, organizations.c.name))}
    stats = Stats(query, {i: names.get(i, "") for i in ids})
    stats.activities = _activities(conn, query, ids, names)
    stats.by_category = _buckets(stats.activities, "category")
    stats.by_month = _buckets(stats.activities, "month", order=_months(query.start, query.end))
    stats.by_region = _buckets(stats.activities, "region_code")
    stats.organizations = _organizations(conn, query, ids, names)
    stats.growth = _growth(conn, query, ids)
    stats.youths = _youths(conn, query, ids)
    return stats


def held_activities(query: StatsQuery, ids: list[str]) -> Any:
    lo, hi = query.bounds()
    return (
        activities.c.org_id.in_(ids),
        activities.c.status.in_(HELD),
        activities.c.starts_at >= lo,
        activities.c.starts_at < hi,
    )


def _activities(
    conn: Connection, query: StatsQuery, ids: list[str], names: dict[str, str]
) -> list[ActivityStat]:
    r = registrations.c
    stmt = (
        select(
            activities.c.id,
            activities.c.title,
            activities.c.org_id,
            activities.c.category,
            activities.c.region_code,
            activities.c.starts_at,
            activities.c.featured,
            func.count(case((r.status != CANCELLED, 1))).label("registrations"),
            func.count(case((r.status == APPROVED, 1))).label("approved"),
        )
        .select_from(activities.outerjoin(registrations, r.activity_id == activities.c.id))
        .where(*held_activities(query, ids))
        .group_by(activities.c.id)
    )
    rows = sorted(
        conn.execute(stmt),
        key=lambda a: (-a.registrations, -a.approved, a.title, a.id),
    )
    ranks = competition_ranks([a.registrations for a in rows])
    return [
        ActivityStat(
            id=a.id,
            title=a.title,
            org_id=a.org_id,
            org_name=names.get(a.org_id, ""),
            category=a.category,
            region_code=a.region_code,
            month=_month(a.starts_at),
            starts_at=a.starts_at,
            featured=bool(a.featured),
            registrations=a.registrations,
            approved=a.approved,
            rank=rank,
        )
        for a, rank in zip(rows, ranks, strict=True)
    ]


def _buckets(
    items: list[ActivityStat], dimension: str, *, order: Sequence[str] | None = None
) -> list[Bucket]:
    """Activities and participants per value of `dimension`: in `order` (every key, even an
    empty one: a month without activities is a bar of 0), else most participants first."""
    found: dict[str, list[int]] = {}
    for a in items:
        counts = found.setdefault(getattr(a, dimension), [0, 0])
        counts[0] += 1
        counts[1] += a.approved
    if order is not None:
        return [Bucket(k, *found.get(k, (0, 0))) for k in order]
    ranked = sorted(found.items(), key=lambda kv: (-kv[1][1], -kv[1][0], kv[0]))
    return [Bucket(k, n, p) for k, (n, p) in ranked]


def _organizations(
    conn: Connection, query: StatsQuery, ids: list[str], names: dict[str, str]
) -> list[OrgStat]:
    lo, hi = query.bounds()
    f = followers.c
    stmt = (
        select(
            f.org_id,
            func.count(case((f.followed_at < hi, 1))).label("total"),
            func.count(case(((f.followed_at >= lo) & (f.followed_at < hi), 1))).label("new"),
        )
        .where(f.org_id.in_(ids))
        .group_by(f.org_id)
    )
    counts = {row.org_id: (row.total, row.new) for row in conn.execute(stmt)}
    rows = sorted(
        ((i, *counts.get(i, (0, 0))) for i in ids),
        key=lambda o: (-o[1], -o[2], names.get(o[0], ""), o[0]),
    )
    ranks = competition_ranks([o[1] for o in rows])
    return [
        OrgStat(org, names.get(org, ""), total, new, rank)
        for (org, total, new), rank in zip(rows, ranks, strict=True)
    ]


def _growth(conn: Connection, query: StatsQuery, ids: list[str]) -> list[GrowthMonth]:
    """New followers per month of the period and the total at each month's end. As on the 粉丝
    page, today's followers by the day they followed: one who unfollowed is not in the replica."""
    lo, hi = query.bounds()
    f = followers.c
    before = conn.scalar(select(func.count()).where(f.org_id.in_(ids), f.followed_at < lo)) or 0
    stmt = select(f.followed_at).where(f.org_id.in_(ids), f.followed_at >= lo, f.followed_at < hi)
    counts = Counter(_month(at) for (at,) in conn.execute(stmt))
    growth, total = [], before
    for month in _months(query.start, query.end):
        total += counts[month]
        growth.append(GrowthMonth(month, counts[month], total))
    return growth


def _youths(conn: Connection, query: StatsQuery, ids: list[str]) -> list[YouthStat]:
    r = registrations.c
    held = select(activities.c.id).where(*held_activities(query, ids))
    stmt = (
        select(
            youths.c.id,
            youths.c.name,
            youths.c.phone,
            youths.c.gender,
            youths.c.birth_date,
            youths.c.school_or_employer,
            youths.c.region_code,
            func.count().label("n"),
        )
        .join(registrations, r.youth_id == youths.c.id)
        .where(r.status == APPROVED, r.activity_id.in_(held))
        .group_by(youths.c.id)
        .order_by(youths.c.name, youths.c.id)
    )
    out = []
    for y in conn.execute(stmt):
        age = age_on(y.birth_date, query.end) if y.birth_date else None
        out.append(
            YouthStat(
                id=y.id,
                name=y.name,
                phone=mask_phone(y.phone),
                gender=y.gender,
                age=age,
                band=age_band(age),
                occupation=occupation(y.school_or_employer, age),
                region_code=y.region_code or UNKNOWN,
                participations=y.n,
            )
        )
    return out


def activity_people(conn: Connection, activity_id: str) -> list[dict[str, Any]]:
    """Who registered for an activity (not cancelled), phone masked: the drill-down of a bar."""
    r = registrations.c
    stmt = (
        select(youths.c.name, youths.c.phone, youths.c.gender, r.status, r.registered_at)
        .join(registrations, r.youth_id == youths.c.id)
        .where(r.activity_id == activity_id, r.status != CANCELLED)
        .order_by(r.registered_at, youths.c.name)
    )
    return [{**row._mapping, "phone": mask_phone(row.phone)} for row in conn.execute(stmt)]
