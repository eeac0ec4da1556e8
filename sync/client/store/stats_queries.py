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
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import Connection, String, func, literal_column, select, type_coerce

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


class YouthStat(NamedTuple):
    """A participant. A tuple: the county has 53,000 participants a year, and a frozen
    dataclass took seconds to build that many."""

    id: str
    name: str  # no phone: a profile needs none, and a drill-down list shows none
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
    youths: list[YouthStat] = field(default_factory=list)  # in no particular order

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
        """The participants behind one bar of a profile chart, by name."""
        found = [y for y in self.youths if getattr(y, dimension) == key]
        return sorted(found, key=lambda y: (y.name, y.id))


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


@cache  # few distinct places and ages: the county's 53,000 participants share a few hundred
def occupation(place: str, age: int | None) -> str:
    if not place.strip():
        return UNKNOWN
    if any(word in place for word in SCHOOL_WORDS) and (age is None or age <= STUDENT_MAX_AGE):
        return "student"
    return "working"


@cache  # a few thousand distinct birth dates among tens of thousands of youths
def _age(birth: str, day: date) -> int:
    return age_on(date.fromisoformat(birth), day)


@cache
def age_band(age: int | None) -> str:
    if age is None:
        return UNKNOWN
    return next(key for key, low, high in AGE_BANDS if low <= age <= high)


def compute(conn: Connection, query: StatsQuery) -> Stats:
    """Every figure of the 统计 page for `query`. Each table is read once: the registrations of
    the period's activities (counted here per activity and per youth), the participants' rows,
    and the followers grouped by organisation and month. On the county data (3,500 activities,
    100,000 registrations, 200,000 followers) grouped queries per figure took 16 s."""
    ids = org_ids(conn, query.org_id, query.subordinates)
    names = {r.id: r.name for r in conn.execute(select(organizations.c.id, organizations.c.name))}
    stats = Stats(query, {i: names.get(i, "") for i in ids})
    held = list(conn.execute(_held_select(query, ids)))
    counts, participations = _registration_counts(conn, [a.id for a in held])
    stats.activities = _activities(held, counts, names)
    stats.by_category = _buckets(stats.activities, "category")
    stats.by_month = _buckets(stats.activities, "month", order=_months(query.start, query.end))
    stats.by_region = _buckets(stats.activities, "region_code")
    stats.organizations, stats.growth = _followers(conn, query, ids, names)
    stats.youths = _youths(conn, query, participations)
    return stats


def held_activities(query: StatsQuery, ids: list[str]) -> Any:
    lo, hi = query.bounds()
    return (
        activities.c.org_id.in_(ids),
        activities.c.status.in_(HELD),
        activities.c.starts_at >= lo,
        activities.c.starts_at < hi,
    )


def _held_select(query: StatsQuery, ids: list[str]) -> Any:
    a = activities.c
    columns = (a.id, a.title, a.org_id, a.category, a.region_code, a.starts_at, a.featured)
    return select(*columns).where(*held_activities(query, ids))


def _chunks(items: Sequence[str], size: int = 500) -> list[Sequence[str]]:
    """IN (...) lists well under SQLite's limit of bound parameters."""
    return [items[i : i + size] for i in range(0, len(items), size)]


def _registration_counts(
    conn: Connection, activity_ids: list[str]
) -> tuple[dict[str, list[int]], Counter[str]]:
    """[registrations, approved] per activity, and approved registrations per youth."""
    r = registrations.c
    counts: dict[str, list[int]] = {i: [0, 0] for i in activity_ids}
    participations: Counter[str] = Counter()
    for chunk in _chunks(activity_ids):
        stmt = select(r.activity_id, r.youth_id, r.status).where(r.activity_id.in_(chunk))
        for activity_id, youth_id, status in conn.execute(stmt):
            if status == CANCELLED:
                continue
            row = counts[activity_id]
            row[0] += 1
            if status == APPROVED:
                row[1] += 1
                participations[youth_id] += 1
    return counts, participations


def _activities(
    held: list[Any], counts: dict[str, list[int]], names: dict[str, str]
) -> list[ActivityStat]:
    rows = sorted(held, key=lambda a: (-counts[a.id][0], -counts[a.id][1], a.title, a.id))
    ranks = competition_ranks([counts[a.id][0] for a in rows])
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
            registrations=counts[a.id][0],
            approved=counts[a.id][1],
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


def _followers(
    conn: Connection, query: StatsQuery, ids: list[str], names: dict[str, str]
) -> tuple[list[OrgStat], list[GrowthMonth]]:
    """The organisations ranked by followers at the period's end, and the growth per month of
    the period, from one grouping by organisation and month (China time). As on the 粉丝 page,
    today's followers by the day they followed: one who unfollowed is not in the replica."""
    _, hi = query.bounds()
    f = followers.c
    # Stored as naive UTC text; SQLite's strftime shifts it to China time (no DST: fixed +8h).
    offset = f"+{int(CHINA_TIME.utcoffset(None) / timedelta(hours=1))} hours"
    month = func.strftime("%Y-%m", f.followed_at, literal_column(f"'{offset}'"))
    months = _months(query.start, query.end)
    first = months[0]
    total: Counter[str] = Counter()
    new: Counter[str] = Counter()
    per_month: Counter[str] = Counter()
    before = 0
    for chunk in _chunks(ids):
        stmt = (
            select(f.org_id, month.label("month"), func.count().label("n"))
            .where(f.org_id.in_(chunk), f.followed_at < hi)
            .group_by(f.org_id, month)
        )
        for org_id, key, n in conn.execute(stmt):
            total[org_id] += n
            if key < first:
                before += n
            else:
                new[org_id] += n
                per_month[key] += n
    rows = sorted(ids, key=lambda o: (-total[o], -new[o], names.get(o, ""), o))
    ranks = competition_ranks([total[o] for o in rows])
    orgs = [
        OrgStat(o, names.get(o, ""), total[o], new[o], rank)
        for o, rank in zip(rows, ranks, strict=True)
    ]
    growth, running = [], before
    for key in months:
        running += per_month[key]
        growth.append(GrowthMonth(key, per_month[key], running))
    return orgs, growth


# Above this many participants the youths table is read whole (one sequential pass) rather than
# by id in chunks of 500 (one index search per youth): on the county data, 53,000 of 120,000.
SCAN_YOUTHS_ABOVE = 5000


def _youths(conn: Connection, query: StatsQuery, participations: Counter[str]) -> list[YouthStat]:
    """The participants. Read as plain values (dates as ISO text): SQLAlchemy's typed rows cost
    most of a second more for the county's 53,000."""
    y = youths.c
    columns = (y.id, y.name, y.gender, y.birth_date, y.school_or_employer, y.region_code)
    stmt = select(*(type_coerce(c, String) for c in columns))
    if len(participations) > SCAN_YOUTHS_ABOVE:
        found = (row for row in conn.execute(stmt) if row[0] in participations)
    else:
        chunks = _chunks(list(participations))
        found = (row for c in chunks for row in conn.execute(stmt.where(y.id.in_(c))))
    out = []
    for youth_id, name, gender, birth, place, region in found:
        age = _age(birth, query.end) if birth else None
        out.append(
            YouthStat(
                youth_id,
                name,
                gender,
                age,
                age_band(age),
                occupation(place, age),
                region or UNKNOWN,
                participations[youth_id],
            )
        )
    return out  # in no order: sorting 53,000 would cost more than sorting what a bar shows


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
