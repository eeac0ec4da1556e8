"""Statistics of the 统计 page over the local replica (no Qt): rankings, participation, follower
growth and the youth profile of one organisation, with or without its subordinates, in a period.

What counts, written once here so the page, the report and the tests agree:
- an activity of the period is one of the organisations, published or completed (drafts and
  cancelled ones never happened), starting in the period (China time, both days included);
- a registration counts unless it was cancelled; a participant is an approved registration
  (参与人次), and the youth profile describes the distinct youths behind those;
- ranks are competition ranks: equal values share a rank and the next rank skips (1, 1, 3);
- a youth's age is taken on the period's last day; under 14 is the age band "<14";
- an activity's attendance rate is the share of its approved registrations that arrived at the
  door (a live check-in, as `sync.core.checkin.presence` decides: `arrived_sql`); unknown ("—")
  while no 签到 event of it exists.

Counting happens in SQL: per activity over the (activity_id, status) index, and the youth
profile as one grouping of the participants by age band, gender, occupation and region, so no
row per registration or per youth comes into Python (the county's 80,000 participations and
53,000 participants cost a third of a second that way).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    Connection,
    Integer,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    type_coerce,
)

from sync.client.store.follower_queries import subordinate_organizations
from sync.client.store.tables import (
    activities,
    checkin_events,
    followers,
    organizations,
    registrations,
    youths,
)
from sync.core.privacy import mask_phone
from sync.core.records import CHINA_TIME, ActivityStatus, CheckinAction, RegistrationStatus

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
# they work (a teacher), not study. A place of nothing but blanks is unknown.
SCHOOL_WORDS = ("学校", "中学", "小学", "学院", "大学", "职业教育中心", "职校", "中专", "技校")
STUDENT_MAX_AGE = 24
BLANKS = " \t\n\r\u3000"  # what `str.strip` takes off a typed place, the ideographic space too
PROFILE_DIMENSIONS = ("band", "gender", "occupation", "region_code")


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
    # Approved registrations that checked in at the door; None while no 签到 event of the
    # activity exists (the door was not used, or not yet synced here): not known, not zero.
    arrived: int | None = None

    @property
    def approval_rate(self) -> float | None:
        return self.approved / self.registrations if self.registrations else None

    @property
    def attendance_rate(self) -> float | None:
        """Arrived ÷ approved; None when not known ("—")."""
        if self.arrived is None or not self.approved:
            return None
        return self.arrived / self.approved


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
    """A participant behind a bar of the profile (a drill-down row)."""

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
    # distinct participants per value of each of PROFILE_DIMENSIONS
    profiles: dict[str, Counter[str]] = field(default_factory=dict)

    @property
    def participants(self) -> int:
        return sum(a.approved for a in self.activities)

    @property
    def youths(self) -> int:
        """Distinct participants."""
        return sum(self.profiles.get("band", Counter()).values())

    @property
    def featured(self) -> int:
        return sum(1 for a in self.activities if a.featured)

    @property
    def under_14(self) -> int:
        return self.profiles.get("band", Counter())["<14"]

    def profile(self, dimension: str) -> dict[str, int]:
        """Distinct participants by `dimension` (band, gender, occupation, region_code), in a
        fixed order for bands and by count for the rest."""
        counts = self.profiles.get(dimension, Counter())
        if dimension == "band":
            keys = [b[0] for b in AGE_BANDS] + [UNKNOWN]
            return {k: counts[k] for k in keys if counts[k]}
        return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    def activities_behind(self, dimension: str, key: str) -> list[ActivityStat]:
        """The activities behind one bar of a category, month or region chart."""
        return [a for a in self.activities if getattr(a, dimension) == key]


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


def age_on_sql(birth: Any, day: date) -> Any:
    """`sync.core.privacy.age_on(birth, day)` in SQLite over an ISO date column (NULL for no
    date): whole years, one less before the birthday (a 29 February birthday counts on 1 March,
    as '03-01' > '02-29'). Tested equal to `age_on` over every day of a leap cycle."""
    text = func.nullif(type_coerce(birth, String), "")
    years = literal(day.year) - cast(func.substr(text, 1, 4), Integer)
    before_birthday = case((func.substr(text, 6, 5) > f"{day:%m-%d}", 1), else_=0)
    return case((text.is_(None), None), else_=years - before_birthday)


def band_sql(age: Any) -> Any:
    """The AGE_BANDS key of an age (an age below the first band's, a birth date after the day,
    falls in the first band)."""
    whens = [(age <= high, key) for key, _, high in AGE_BANDS[:-1]]
    return case((age.is_(None), UNKNOWN), *whens, else_=AGE_BANDS[-1][0])


def occupation_sql(place: Any, age: Any) -> Any:
    """student | working | unknown from the school or employer and the age (see SCHOOL_WORDS)."""
    school = or_(*(func.instr(place, word) > 0 for word in SCHOOL_WORDS))
    return case(
        (func.trim(func.coalesce(place, ""), BLANKS) == "", UNKNOWN),
        (and_(school, or_(age.is_(None), age <= STUDENT_MAX_AGE)), "student"),
        else_="working",
    )


def compute(conn: Connection, query: StatsQuery) -> Stats:
    """Every figure of the 统计 page for `query`: the period's activities with their counts
    (one grouped query), their attendance, the followers grouped by organisation and month, and
    the youth profile grouped in SQL."""
    ids = org_ids(conn, query.org_id, query.subordinates)
    names = {r.id: r.name for r in conn.execute(select(organizations.c.id, organizations.c.name))}
    stats = Stats(query, {i: names.get(i, "") for i in ids})
    held = list(conn.execute(_held_counts(query, ids)))
    stats.activities = _activities(held, _arrived(conn, query, ids), names)
    stats.by_category = _buckets(stats.activities, "category")
    stats.by_month = _buckets(stats.activities, "month", order=_months(query.start, query.end))
    stats.by_region = _buckets(stats.activities, "region_code")
    stats.organizations, stats.growth = _followers(conn, query, ids, names)
    stats.profiles = _profiles(conn, query, ids)
    return stats


def held_activities(query: StatsQuery, ids: list[str]) -> Any:
    lo, hi = query.bounds()
    return (
        activities.c.org_id.in_(ids),
        activities.c.status.in_(HELD),
        activities.c.starts_at >= lo,
        activities.c.starts_at < hi,
    )


def _held_counts(query: StatsQuery, ids: list[str]) -> Any:
    """The period's activities with their registrations (not cancelled) and approved ones,
    counted over the (activity_id, status) index without reading a registration's row."""
    a, r = activities.c, registrations.c
    joined = activities.outerjoin(registrations, and_(r.activity_id == a.id, r.status != CANCELLED))
    return (
        select(
            a.id,
            a.title,
            a.org_id,
            a.category,
            a.region_code,
            a.starts_at,
            a.featured,
            func.count(r.status).label("registrations"),
            func.count(case((r.status == APPROVED, 1))).label("approved"),
        )
        .select_from(joined)
        .where(*held_activities(query, ids))
        .group_by(a.id)
    )


def arrived_sql(event: Any) -> Any:
    """SQL for "`event` is a live check-in": a check-in that no void of its registration names.
    A registration with one arrived, as `sync.core.checkin.presence(...).arrived` says (tested
    equal on random events); in SQL because Python took 1.3 s for a county year's 100,000
    events."""
    voids = checkin_events.alias("voids")
    return and_(
        event.c.action == CheckinAction.CHECK_IN.value,
        ~exists().where(
            voids.c.registration_id == event.c.registration_id,
            voids.c.action == CheckinAction.VOID.value,
            voids.c.voids == event.c.id,
        ),
    )


def _arrived(conn: Connection, query: StatsQuery, ids: list[str]) -> dict[str, int]:
    """Approved registrations that arrived, per activity of the period that has any 签到 event
    (an activity missing here has none: not known, rather than nobody came)."""
    e, r = checkin_events.c, registrations.c
    held = select(activities.c.id).where(*held_activities(query, ids))
    used = select(e.activity_id).where(e.activity_id.in_(held)).distinct()
    arrived = dict.fromkeys(conn.scalars(used), 0)
    stmt = (
        select(e.activity_id, func.count(func.distinct(e.registration_id)))
        .join(registrations, r.id == e.registration_id)
        .where(e.activity_id.in_(held), r.status == APPROVED, arrived_sql(checkin_events))
        .group_by(e.activity_id)
    )
    arrived.update((activity, n) for activity, n in conn.execute(stmt))
    return arrived


def _activities(
    held: list[Any], arrived: dict[str, int], names: dict[str, str]
) -> list[ActivityStat]:
    rows = sorted(held, key=lambda a: (-a.registrations, -a.approved, a.title, a.id))
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
            arrived=arrived.get(a.id),
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
    stmt = (
        select(f.org_id, month.label("month"), func.count().label("n"))
        .where(f.org_id.in_(ids), f.followed_at < hi)
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


def _participants(query: StatsQuery, ids: list[str]) -> Any:
    """The distinct youths with an approved registration for an activity of the period, each
    with their profile values and how many times they took part (a subquery)."""
    r, y = registrations.c, youths.c
    # An IN over the period's activities, not a join: without statistics SQLite would walk
    # every approved registration of all time by the status index and look up its activity.
    held = select(activities.c.id).where(*held_activities(query, ids))
    times = (
        select(r.youth_id, func.count().label("participations"))
        .where(r.activity_id.in_(held), r.status == APPROVED)
        .group_by(r.youth_id)
        .subquery()
    )
    age = age_on_sql(y.birth_date, query.end)
    aged = (
        select(
            y.id,
            y.name,
            y.gender,
            age.label("age"),
            y.school_or_employer,
            func.coalesce(func.nullif(y.region_code, ""), UNKNOWN).label("region_code"),
            times.c.participations,
        )
        .join(times, times.c.youth_id == y.id)
        .subquery()
    )
    return select(
        aged.c.id,
        aged.c.name,
        aged.c.gender,
        aged.c.age,
        band_sql(aged.c.age).label("band"),
        occupation_sql(aged.c.school_or_employer, aged.c.age).label("occupation"),
        aged.c.region_code,
        aged.c.participations,
    ).subquery()


def _profiles(conn: Connection, query: StatsQuery, ids: list[str]) -> dict[str, Counter[str]]:
    """Distinct participants per band, gender, occupation and region, from one grouping by all
    four (a few hundred rows) summed up here."""
    p = _participants(query, ids).c
    dims = [p[d] for d in PROFILE_DIMENSIONS]
    profiles: dict[str, Counter[str]] = {d: Counter() for d in PROFILE_DIMENSIONS}
    for *values, n in conn.execute(select(*dims, func.count()).group_by(*dims)):
        for dimension, value in zip(PROFILE_DIMENSIONS, values, strict=True):
            profiles[dimension][value] += n
    return profiles


def participants(
    conn: Connection, query: StatsQuery, dimension: str | None = None, key: str | None = None
) -> list[YouthStat]:
    """The participants behind one bar of a profile chart (every one without `dimension`), by
    name: the drill-down, read when asked rather than kept for 53,000 youths."""
    ids = org_ids(conn, query.org_id, query.subordinates)
    p = _participants(query, ids).c
    stmt = select(*p).order_by(p.name, p.id)
    if dimension is not None:
        if dimension not in PROFILE_DIMENSIONS:
            raise ValueError(f"not a profile dimension: {dimension}")
        stmt = stmt.where(p[dimension] == key)
    return [YouthStat(*row) for row in conn.execute(stmt)]


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
