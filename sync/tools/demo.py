"""Realistic synthetic demo data: the League tree over real regions, and one home county's
activities, youths, registrations and followers, written as already-synced server data.

Run `python -m sync.tools.demo PATH [--size small|county] [--seed N]`. Everything is drawn from one
`random.Random(seed)` and the given `now`, so the same inputs always give the same rows.
"""

from __future__ import annotations

import argparse
import logging
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert

from sync.client.store.store import Store
from sync.client.store.tables import RECORDS
from sync.core import regions
from sync.core.privacy import needs_guardian_consent
from sync.core.records import (
    CHINA_TIME,
    ActivityStatus,
    Gender,
    GuardianConsent,
    NoticeStatus,
    OrgLevel,
    RegistrationAction,
    RegistrationSource,
    RegistrationStatus,
)
from sync.core.rules import DEFAULT_CATEGORIES, encode_tags
from sync.tools import demo_words as words

log = logging.getLogger(__name__)

DEFAULT_SEED = 20171031  # the founding notice's date
# Follower tags a cadre would give, and the notices an organisation sends its followers.
FOLLOWER_TAGS = ("志愿者骨干", "大学生", "青年创业者", "活跃粉丝", "社区青年", "团员", "返乡青年")
NOTICES_PER_ORG = 2
NOTICES = (
    ("{org}近期活动预告", "本月我们将陆续举办多场青年活动，欢迎关注报名，名额有限，先到先得。"),
    ("关于开展志愿服务活动的通知", "请各位志愿者留意报名时间，按时参加活动，注意安全。"),
    ("青年夜校课程开课啦", "本期课程包括摄影、茶艺、编程入门，请在工作台报名，欢迎转发。"),
    ("活动时间调整说明", "因天气原因，本周六的活动顺延一周举行，已报名的青年无需重新报名。"),
)
# The demo server's accounts (python -m sync.server seed-demo): the home county's username and
# the one password every demo account shares. Demo data only; never a real deployment.
DEMO_HOME_USERNAME = "jiangning"
DEMO_PASSWORD = "demo-password"
HOME_COUNTY = "320115"  # 南京市江宁区
BATCH_ROWS = 5_000
CACHE_KIB = 16 * 1024
DAY = 86_400

Point = tuple[float, float]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DemoSize:
    grassroots: int
    activities: int
    youths: int
    registrations: int
    followers: int


SIZES: dict[str, DemoSize] = {
    "small": DemoSize(10, activities=80, youths=1_500, registrations=1_500, followers=2_000),
    "county": DemoSize(150, 5_000, youths=120_000, registrations=100_000, followers=200_000),
}


@dataclass(frozen=True)
class DemoSummary:
    organizations: int
    activities: int
    youths: int
    registrations: int
    followers: int
    home_org_id: str
    registration_events: int = 0
    notices: int = 0


class DemoDataExists(RuntimeError):
    """The store already holds records; demo data only goes into an empty replica."""


def generate(
    store: Store,
    size: str = "small",
    *,
    seed: int = DEFAULT_SEED,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty store with demo data in one transaction; the home county becomes its org.

    `progress(done, total)` hears about every batch of rows written; an exception raised in it
    cancels the whole generation and leaves the store as it was.
    """
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose from {', '.join(SIZES)}")
    now = now or datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    for table in ("organizations", "activities", "youths", "registrations", "followers"):
        if store.count(table):
            raise DemoDataExists(f"{store.path} already holds {table}")
    gen = _Generator(SIZES[size], seed, now, store)
    started = time.perf_counter()
    with store.bulk_write() as conn:  # one transaction: never a half-generated replica
        # The indexes of 400,000 random keys outgrow SQLite's 2 MB page cache; a bigger one for
        # this connection, while generating, saves about a sixth of the time.
        cache_size = conn.exec_driver_sql("PRAGMA cache_size").scalar()
        conn.exec_driver_sql(f"PRAGMA cache_size={-CACHE_KIB}")
        writer = _BatchWriter(conn, gen.total_rows, progress)
        writer.write("organizations", gen.organizations())
        writer.write("activities", gen.activities())
        writer.write("youths", gen.youths())
        writer.write("registrations", gen.registrations())
        writer.total += gen.planned_events_and_notices()
        writer.write("registration_events", gen.registration_events())
        writer.write("followers", gen.followers())
        writer.write("notices", gen.notices())
        conn.exec_driver_sql(f"PRAGMA cache_size={cache_size}")
        store.set_meta("org_id", gen.home.id, conn=conn)
    log.info("generated %s demo data in %.1f s", size, time.perf_counter() - started)
    return DemoSummary(**writer.counts, home_org_id=gen.home.id)


class _BatchWriter:
    """executemany in batches of BATCH_ROWS, so no table's rows are ever all in memory."""

    def __init__(self, conn: Connection, total: int, progress: Progress | None):
        self.conn, self.total, self.progress = conn, total, progress
        self.done = 0
        self.counts: dict[str, int] = {}

    def write(self, table: str, rows: Iterable[dict[str, Any]]) -> None:
        self.counts[table] = 0
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH_ROWS:
                self._flush(table, batch)
                batch = []
        if batch:
            self._flush(table, batch)

    def _flush(self, table: str, batch: list[dict[str, Any]]) -> None:
        self.conn.execute(insert(RECORDS[table]), batch)
        self.counts[table] += len(batch)
        self.done += len(batch)
        if self.progress:
            self.progress(self.done, self.total)


# --- helpers ---------------------------------------------------------------------------------


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    """A Shanghai wall-clock time as an aware UTC datetime."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=CHINA_TIME).astimezone(UTC)


def _utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, UTC)


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _nice(value: float) -> int:
    """A capacity a cadre would type: a multiple of 5 (of 10 from 50 up), 10 to 200."""
    step = 5 if value < 50 else 10
    return min(200, max(10, round(value / step) * step))


def _apportion(total: int, weights: list[float], cap: int) -> list[int]:
    """Split `total` in proportion to `weights` (largest remainder), no share above `cap`."""
    if not weights:
        return []
    raw = [w * total / sum(weights) for w in weights]
    counts = [min(cap, int(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - int(raw[i]), reverse=True)
    while (remaining := total - sum(counts)) > 0:
        open_slots = [i for i in order if counts[i] < cap]
        if not open_slots:
            raise ValueError(f"cannot place {total} rows with at most {cap} each")
        for i in open_slots[:remaining]:
            counts[i] += 1
    return counts


# --- the generator ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Org:
    id: str
    name: str
    kind: str  # county | street | community | school | company | unit
    town: str  # "" for the county committee
    site: str  # what its own venues are named after
    point: Point
    weight: float = 1.0  # how active and how popular it is
    activities: list[tuple[str, int]] = field(default_factory=list)  # (id, created ts): public


@dataclass(slots=True)
class _Plan:
    """An activity before it becomes a row; its registrations are drawn from its window."""

    id: str
    org: _Org
    category: str
    status: ActivityStatus
    starts_at: datetime
    ends_at: datetime
    opens: datetime
    closes: datetime
    created_at: datetime
    updated_at: datetime
    until: datetime  # registrations stop here: the closing, now, or the cancellation
    requires_review: bool = True
    featured: bool = False
    registrations: int = 0
    capacity: int = 0


# Phases planted once each, so even the small dataset shows every one.
_PLANTED = ("in_progress", "registration_closed", "registering", "not_started", "ended")


class _Generator:
    def __init__(self, size: DemoSize, seed: int, now: datetime, store: Store):
        self.size, self.rng, self.now = size, random.Random(seed), now
        # Fields added later (sources, histories, tags, notices, ID numbers) draw from their
        # own generator, so the rows drawn before they existed stay exactly the same.
        self.extra = random.Random(seed + 1)
        self.histories: list[tuple[str, str, str, int, int | None, str, str]] = []
        self.followers_by_tag: dict[tuple[str, str], int] = {}  # (org id, tag or "") → count
        reference = store.reference
        self.inside_jiangsu = reference.contains_point
        self.categories = [c.code for c in DEFAULT_CATEGORIES if c.code in reference.categories]
        if not self.categories:
            raise ValueError("the store has none of the default categories")
        self.now_ts = int(now.timestamp())
        self.today = now.astimezone(CHINA_TIME).date()
        self.table = regions.regions()
        self.counties = [c for c in self.table.counties() if not c.statistical_only]
        towns = self.table.children(HOME_COUNTY)
        self.towns = [t.name for t in towns if not t.statistical_only] or ["江宁区"]
        self.county_name = self.table.full_name(HOME_COUNTY)  # 南京市江宁区
        self.county_short = self.table.name(HOME_COUNTY)  # 江宁区
        self.places: dict[str, Point] = {}  # venue or town name → its one point
        self.grassroots: list[_Org] = []
        self.plans: list[_Plan] = []
        self.youth_ids: list[str] = []
        self.registrants: dict[str, list[tuple[int, str, int]]] = {}  # org id → (youth, act, ts)
        n_orgs = 1 + len(self.table.cities()) + len(self.counties) + size.grassroots
        self.total_rows = n_orgs + size.activities + size.youths
        self.total_rows += size.registrations + size.followers

    def _id(self, when: datetime | int) -> str:
        """A UUIDv7 (sorting by `when`, like `ids.uuid7`) drawn from the seeded generator."""
        ms = int((when if isinstance(when, int) else when.timestamp()) * 1000)
        rand = self.rng.getrandbits(74)
        value = (ms & ((1 << 48) - 1)) << 80 | (0x7 << 76) | ((rand >> 62) << 64)
        value |= (0b10 << 62) | (rand & ((1 << 62) - 1))
        return str(uuid.UUID(int=value))

    def _between(self, start: datetime, end: datetime) -> datetime:
        seconds = max(0, int((end - start).total_seconds()))
        return start + timedelta(seconds=self.rng.randint(0, seconds))

    def _point(self, code: str, near: Point | None = None, km: float = 2.5) -> Point:
        """A point inside county `code` and inside Jiangsu, within about `km` of `near`."""
        boundary = regions.county_boundaries().get(code) or regions.province_boundary()
        min_lon, min_lat, max_lon, max_lat = boundary.bounds
        for attempt in range(400):
            if near and attempt < 100:
                d = km / 111  # degrees of latitude
                lon = self.rng.uniform(near[0] - d * 1.2, near[0] + d * 1.2)
                lat = self.rng.uniform(near[1] - d, near[1] + d)
            else:
                lon, lat = self.rng.uniform(min_lon, max_lon), self.rng.uniform(min_lat, max_lat)
            lon, lat = round(lon, 6), round(lat, 6)
            if boundary.contains(lon, lat) and self.inside_jiangsu(lon, lat):
                return lon, lat
        if code != regions.PROVINCE_CODE:
            return self._point(regions.PROVINCE_CODE)
        raise RuntimeError("no point found inside Jiangsu")

    def _place(
        self, name: str, *, at: Point | None = None, near: Point | None = None, km: float = 2.0
    ) -> tuple[str, Point]:
        """A named place in the home county; the same name always has the same coordinates."""
        if name not in self.places:
            self.places[name] = at or self._point(HOME_COUNTY, near, km)
        return name, self.places[name]

    def _org_row(self, *, place: str, point: Point, **values: Any) -> dict[str, Any]:
        """An organisation with a synthetic street address in `place` and a synthetic contact."""
        row = dict(values, address=words.address(self.rng, place), lon=point[0], lat=point[1])
        return dict(row, contact_name=words.person(self.rng), version=1)

    # organisations ------------------------------------------------------------------------

    def organizations(self) -> Iterator[dict[str, Any]]:
        """Province, cities, every county-level committee, then the home county's grassroots."""
        rng, table = self.rng, self.table
        founded = self.now - timedelta(days=3 * 365)

        def committee(name: str, level: OrgLevel, parent: str | None, code: str) -> dict:
            # A city sits in its first district (the old town); the province in Nanjing's.
            seat = code if level is OrgLevel.COUNTY else table.children(code[:4] + "00")[0].code
            if level is OrgLevel.PROVINCE:
                seat = table.children("320100")[0].code
            return self._org_row(
                id=self._id(founded),
                name=name,
                level=level,
                parent_id=parent,
                region_code=code,
                place=table.full_name(seat),
                point=self._point(seat),
                contact_phone=words.landline(rng, code[:4] + "00"),
            )

        province = committee("共青团江苏省委员会", OrgLevel.PROVINCE, None, regions.PROVINCE_CODE)
        yield province
        for city in table.cities():
            city_row = committee(
                f"共青团{city.name}委员会", OrgLevel.CITY, province["id"], city.code
            )
            yield city_row
            for county in table.children(city.code):
                if county.statistical_only:
                    continue
                # Districts carry their city's name; county-level cities and counties do not.
                name = (city.name if county.name.endswith("区") else "") + county.name
                row = committee(f"共青团{name}委员会", OrgLevel.COUNTY, city_row["id"], county.code)
                yield row
                if county.code == HOME_COUNTY:
                    point = (row["lon"], row["lat"])
                    self.home = _Org(row["id"], row["name"], "county", "", county.name, point)
        yield from self._grassroots()

    def _grassroots(self) -> Iterator[dict[str, Any]]:
        rng, n = self.rng, self.size.grassroots
        streets = min(len(self.towns), max(2, n // 12))
        rest = n - streets
        kinds = ["street"] * streets + ["community"] * round(rest * 0.35)
        kinds += ["school"] * round(rest * 0.3) + ["unit"] * round(rest * 0.1)
        kinds += ["company"] * (n - len(kinds))
        street_towns = rng.sample(self.towns, streets)
        streets_by_town: dict[str, _Org] = {}
        names: set[str] = set()
        founded = self.now - timedelta(days=2 * 365)
        for kind in kinds[:n]:
            if kind == "street":
                town = street_towns[len(streets_by_town)]
            else:  # a community belongs to one of the streets; the others may be anywhere
                town = rng.choice(street_towns if kind == "community" else self.towns)
            for _ in range(100):
                name, site = words.grassroots(rng, kind, town, self.county_name)
                if name not in names:
                    break
            names.add(name)
            point = self._point(HOME_COUNTY, self._place(town)[1])
            org = _Org(self._id(founded), name, kind, town, site, point)
            factor = {"school": 1.5, "street": 1.3, "company": 1.0}.get(kind, 0.6)
            org.weight = factor * rng.lognormvariate(0, 0.8)
            parent = streets_by_town[town].id if kind == "community" else self.home.id
            if kind == "street":
                streets_by_town[town] = org
            self.grassroots.append(org)
            phone = words.mobile(rng) if kind == "community" else words.landline(rng, "320100")
            yield self._org_row(
                id=org.id,
                name=name,
                level=OrgLevel.GRASSROOTS,
                parent_id=parent,
                region_code=HOME_COUNTY,
                place=self.county_name + town,
                point=point,
                contact_phone=phone,
            )

    # activities ---------------------------------------------------------------------------

    def activities(self) -> Iterator[dict[str, Any]]:
        rng, n = self.rng, self.size.activities
        n_draft, n_cancelled = max(1, round(n * 0.05)), max(1, round(n * 0.03))
        kinds = ["draft"] * n_draft + ["cancelled"] * n_cancelled + [*_PLANTED, "completed"]
        kinds += ["random"] * (n - len(kinds))
        rng.shuffle(kinds)
        orgs = [self.home, *self.grassroots]
        # The county committee runs about a fifth of the activities.
        weights = [sum(o.weight for o in self.grassroots) / 4, *(o.weight for o in self.grassroots)]
        self.plans = [self._plan(kind, rng.choices(orgs, weights)[0]) for kind in kinds[:n]]
        self._plan_registrations()
        for plan in self.plans:
            yield self._activity_row(plan)

    def _times(self, day: date, category: str, days: int) -> tuple[datetime, datetime]:
        if days > 1:
            return _at(day, 9), _at(day + timedelta(days=days - 1), 17)
        minutes = self.rng.choice(words.DURATIONS[category])
        slots = [(9, 0), (9, 30), (14, 0), (14, 30)] + ([(19, 0)] if minutes <= 150 else [])
        start = _at(day, *self.rng.choice(slots if minutes < 300 else [(9, 0)]))
        return start, start + timedelta(minutes=minutes)

    def _plan(self, kind: str, org: _Org) -> _Plan:
        """Times and status of one activity; `kind` plants a phase or leaves it to chance."""
        rng, today, now = self.rng, self.today, self.now
        pairs = zip(words.CATEGORY_ORDER, words.KIND_CATEGORIES[org.kind], strict=True)
        allowed = [(c, w) for c, w in pairs if c in self.categories]
        category = rng.choices([c for c, _ in allowed], [w for _, w in allowed])[0]
        days = rng.choice((1, 2, 3, 5)) if category == "practice" else 1
        close_lead, open_lead = rng.choice((1, 1, 2, 3)), rng.randint(7, 30)
        status = ActivityStatus.PUBLISHED
        if kind == "in_progress":  # a camp that began yesterday and ends tomorrow
            category = "practice" if "practice" in self.categories else category
            day, days, close_lead, open_lead = today - timedelta(days=1), 3, 3, 20
        elif kind == "registration_closed":
            day, days, close_lead, open_lead = today + timedelta(days=2), 1, 3, 16
        elif kind == "registering":
            day, close_lead = today + timedelta(days=rng.randint(10, 25)), 2
            open_lead = (day - today).days + rng.randint(1, 7)
        elif kind == "not_started":
            day, open_lead = today + timedelta(days=rng.randint(40, 80)), rng.randint(10, 25)
        elif kind == "ended":  # over, but the organiser has not closed it yet
            day, days = today - timedelta(days=rng.randint(2, 6)), 1
        elif kind == "completed":
            day, status = today - timedelta(days=rng.randint(20, 150)), ActivityStatus.COMPLETED
        elif kind == "draft":
            offset = rng.randint(14, 90)
            day, status = today + timedelta(days=offset), ActivityStatus.DRAFT
            open_lead = rng.randint(7, min(30, offset - 1))
        else:
            offset = rng.randint(-180, 90)
            while offset > 30 and rng.random() < 0.6:  # few are planned that far ahead
                offset = rng.randint(-180, 90)
            day = today + timedelta(days=offset)
            if category in ("public_service", "culture_sports", "social") and rng.random() < 0.6:
                day += timedelta(days=(5 - day.weekday()) % 7)  # to the next Saturday
            if kind == "cancelled":
                status = ActivityStatus.CANCELLED
        starts_at, ends_at = self._times(day, category, days)
        opens = _at(day - timedelta(days=open_lead), 9)
        closes = _at(day - timedelta(days=close_lead), 18)
        # Most past activities have been closed by their organisers, the older the surer.
        closed = (now - ends_at > timedelta(days=10) and rng.random() < 0.96) or rng.random() < 0.3
        if kind == "random" and ends_at <= now and closed:
            status = ActivityStatus.COMPLETED

        until = min(closes, now)
        if status is ActivityStatus.DRAFT:
            created_at = now - timedelta(seconds=rng.randint(3600, 30 * DAY))
            updated_at = self._between(created_at, now)
        else:
            created_at = min(opens, now) - timedelta(seconds=rng.randint(DAY, 12 * DAY))
            updated_at = self._between(created_at, min(opens, now))  # published at opening
        if status is ActivityStatus.COMPLETED:
            updated_at = self._between(ends_at, min(now, ends_at + timedelta(days=7)))
        elif status is ActivityStatus.CANCELLED and opens < now:
            updated_at = self._between(opens, min(starts_at, now))
            until = min(until, updated_at)
        featured_share = 0.3 if org is self.home else 0.1
        featured = status is not ActivityStatus.DRAFT and rng.random() < featured_share
        return _Plan(
            self._id(created_at),
            org,
            category,
            status,
            starts_at,
            ends_at,
            opens,
            closes,
            created_at,
            updated_at,
            until,
            rng.random() < 0.85,
            featured,
        )

    def _plan_registrations(self) -> None:
        """How many registrations each activity gets, and a capacity that fits the demand."""
        rng, eligible, demand = self.rng, [], {}
        for plan in self.plans:
            demand[plan.id] = rng.lognormvariate(0, 0.9) * (1.8 if plan.featured else 1.0)
            elapsed = (plan.until - plan.opens) / (plan.closes - plan.opens)
            if plan.status is not ActivityStatus.DRAFT and elapsed > 0:
                # registrations come early (see `registrations`): t ** 1.5 of the way in
                eligible.append((plan, elapsed ** (2 / 3)))
        counts = _apportion(
            self.size.registrations,
            [demand[p.id] * share for p, share in eligible],
            cap=self.size.youths,
        )
        mean = self.size.registrations / max(1, len(eligible))
        for (plan, share), count in zip(eligible, counts, strict=True):
            plan.registrations = count
            final = count / share if plan.status is ActivityStatus.PUBLISHED else count
            if count >= 15 and rng.random() < (0.35 if plan.featured else 0.15):  # oversubscribed
                plan.capacity = min(200, round(final / rng.uniform(1.15, 1.7)))
            elif count:
                plan.capacity = _nice(final / rng.uniform(0.45, 0.95))
        for plan in self.plans:
            plan.capacity = plan.capacity or _nice(mean * demand[plan.id] * rng.uniform(1.2, 2))

    def _venue(self, org: _Org, town: str, spot: str | None) -> tuple[str, Point]:
        """Where an activity gathers: at the place it is named after, else at its organiser's
        site, a county venue or a venue of its town."""
        rng = self.rng
        if spot:
            return self._place(words.spot_venue(rng, spot), near=self._place(spot)[1], km=1.0)
        if org.kind in words.SITE_VENUES and rng.random() < 0.6:
            return self._place(org.site + rng.choice(words.SITE_VENUES[org.kind]), at=org.point)
        if org.kind == "county" and rng.random() < 0.4:
            return self._place(rng.choice(words.COUNTY_VENUES))
        return self._place(town + rng.choice(words.TOWN_VENUES), near=self._place(town)[1])

    def _activity_row(self, plan: _Plan) -> dict[str, Any]:
        rng, org = self.rng, plan.org
        town = org.town or rng.choice(self.towns)
        title, spot = words.activity_title(rng, plan.category, county=self.county_short, town=town)
        location, (lon, lat) = self._venue(org, town, spot)
        description = words.activity_description(
            rng,
            plan.category,
            org=(org.name, org.kind),
            times=(plan.starts_at.astimezone(CHINA_TIME), plan.ends_at.astimezone(CHINA_TIME)),
            location=location,
            capacity=plan.capacity,
            requires_review=plan.requires_review,
        )
        if plan.status is not ActivityStatus.DRAFT:
            plan.org.activities.append((plan.id, int(plan.created_at.timestamp())))
        return {
            "id": plan.id,
            "org_id": plan.org.id,
            "title": title,
            "category": plan.category,
            "description": description,
            "region_code": HOME_COUNTY,
            "location_name": location,
            "lon": lon,
            "lat": lat,
            "starts_at": plan.starts_at,
            "ends_at": plan.ends_at,
            "registration_opens_at": plan.opens,
            "registration_closes_at": plan.closes,
            "capacity": plan.capacity,
            "requires_review": plan.requires_review,
            "featured": plan.featured,
            "contact_name": words.person(rng),
            "contact_phone": words.mobile(rng),
            "status": plan.status,
            "created_at": plan.created_at,
            "updated_at": plan.updated_at,
            "version": 1,
        }

    # youths -------------------------------------------------------------------------------

    def youths(self) -> Iterator[dict[str, Any]]:
        rng, today = self.rng, self.today
        # Mostly the home county; then the rest of Nanjing; then anywhere in Jiangsu.
        nanjing = [c.code for c in self.counties if c.code[:4] == "3201" and c.code != HOME_COUNTY]
        elsewhere = [c.code for c in self.counties if c.code[:4] != "3201"]
        place_names = {c.code: self.table.full_name(c.code) for c in self.counties}
        schools = [o.site for o in self.grassroots if o.kind == "school"]
        companies = [words.company(rng) for _ in range(200)]
        phones: set[str] = set()
        for _ in range(self.size.youths):
            youth_id = self._id(rng.randint(self.now_ts - 3 * 365 * DAY, self.now_ts))
            self.youth_ids.append(youth_id)
            r = rng.random()
            gender = Gender.UNKNOWN if r < 0.01 else Gender.MALE if r < 0.5 else Gender.FEMALE
            r = rng.random()
            region = HOME_COUNTY if r < 0.75 else rng.choice(nanjing if r < 0.9 else elsewhere)
            r = rng.random()
            age = next(rng.randint(low, high) for p, low, high in words.AGE_BANDS if r < p)
            latest = _years_before(today, age)
            earliest = _years_before(today, age + 1) + timedelta(days=1)
            birth = earliest + timedelta(days=rng.randint(0, (latest - earliest).days))
            local_schools = schools if region == HOME_COUNTY else ()
            where = words.school_or_employer(
                rng, age, place_names[region], local_schools, companies, self.towns
            )
            phone = words.mobile(rng)
            while phone in phones:
                phone = words.mobile(rng)
            phones.add(phone)
            consent = GuardianConsent.UNKNOWN
            if needs_guardian_consent(birth, today):
                r = self.extra.random()
                consent = GuardianConsent.GIVEN if r < 0.6 else consent
                consent = GuardianConsent.REFUSED if 0.6 <= r < 0.7 else consent
            has_id = self.extra.random() < 0.3
            yield {
                "id": youth_id,
                "name": words.person(rng, gender),
                "phone": phone,
                "gender": gender,
                "birth_date": birth,
                "school_or_employer": where,
                "region_code": region,
                "version": 1,
                "id_number": self._id_number(region, birth, gender) if has_id else "",
                "guardian_consent": consent,
            }

    def _id_number(self, region: str, birth: date, gender: Gender) -> str:
        """A synthetic resident ID number with a valid check character (GB 11643)."""
        serial = self.extra.randrange(500) * 2 + (1 if gender is Gender.MALE else 0)
        body = f"{region}{birth:%Y%m%d}{serial:03d}"
        weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
        total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
        return body + "10X98765432"[total % 11]

    # registrations and followers ----------------------------------------------------------

    def registrations(self) -> Iterator[dict[str, Any]]:
        rng, now_ts = self.rng, self.now_ts
        n_youths = len(self.youth_ids)
        core = max(1, n_youths // 6)  # a core of active youths registers again and again
        for plan in self.plans:
            chosen: dict[int, None] = {}  # ordered, so the draw stays deterministic
            while len(chosen) < plan.registrations:
                chosen[rng.randrange(core if rng.random() < 0.3 else n_youths)] = None
            opens = int(plan.opens.timestamp())
            span = int(plan.until.timestamp()) - opens
            times = sorted(opens + int(span * rng.random() ** 1.5) for _ in chosen)  # early rush
            starts = int(plan.starts_at.timestamp())
            limit = min(now_ts, starts)  # reviews happen before the start, and not in future
            undecided = plan.status is ActivityStatus.PUBLISHED and now_ts < starts
            approved = 0
            seen = self.registrants.setdefault(plan.org.id, [])
            for youth, ts in zip(chosen, times, strict=True):
                seen.append((youth, plan.id, ts))
                reason, reviewed = "", plan.requires_review
                r = rng.random()
                if plan.status is ActivityStatus.CANCELLED or r < 0.05:
                    status, reviewed = RegistrationStatus.CANCELLED, False
                elif plan.requires_review and r < 0.1:
                    status, reason = RegistrationStatus.REJECTED, rng.choice(words.REJECT_REASONS)
                elif (
                    plan.requires_review
                    and undecided
                    and (now_ts - ts < 2 * DAY or rng.random() < 0.25)
                ):
                    status, reviewed = RegistrationStatus.PENDING, False
                elif approved < plan.capacity:
                    status, approved = RegistrationStatus.APPROVED, approved + 1
                else:
                    status = RegistrationStatus.WAITLISTED
                reviewed_at = None
                if reviewed:  # ts < limit: registration closes before the start and now
                    reviewed_at = _utc(ts + min(rng.randint(600, 3 * DAY), limit - ts))
                r = self.extra.random()
                source = RegistrationSource.ONLINE
                if r > 0.8:
                    source = RegistrationSource.WALK_IN if r < 0.95 else RegistrationSource.IMPORT
                registration_id = self._id(ts)
                decided = int(reviewed_at.timestamp()) if reviewed_at else None
                if status is RegistrationStatus.CANCELLED:
                    decided = min(ts + self.extra.randint(600, 2 * DAY), max(ts, now_ts - 1))
                who = DEMO_HOME_USERNAME if plan.requires_review else "system"
                self.histories.append((registration_id, status, source, ts, decided, reason, who))
                yield {
                    "id": registration_id,
                    "activity_id": plan.id,
                    "youth_id": self.youth_ids[youth],
                    "status": status,
                    "registered_at": _utc(ts),
                    "reviewed_at": reviewed_at,
                    "reject_reason": reason,
                    "version": 1,
                    "source": source,
                }

    def registration_events(self) -> Iterator[dict[str, Any]]:
        """Each registration's history: registered, then how it was decided (if it was)."""
        for registration_id, status, source, ts, decided, reason, who in self.histories:
            by = "youth" if source is RegistrationSource.ONLINE else DEMO_HOME_USERNAME
            yield self._event(registration_id, ts, by, RegistrationAction.REGISTERED, source)
            if decided is None:
                continue
            if status is RegistrationStatus.CANCELLED:
                yield self._event(registration_id, decided, "youth", RegistrationAction.CANCELLED)
            else:
                action = RegistrationAction(status.value)
                yield self._event(registration_id, decided, who, action, reason)

    def _event(
        self, registration_id: str, ts: int, actor: str, action: RegistrationAction, detail=""
    ) -> dict[str, Any]:
        return {
            "id": self._id(ts),
            "registration_id": registration_id,
            "at": _utc(ts),
            "actor": actor,
            "action": action,
            "detail": detail,
            "version": 1,
        }

    def followers(self) -> Iterator[dict[str, Any]]:
        """Followers of the home county and its grassroots: many found the org through one of
        its activities (registering or just reading it), the rest through the map."""
        rng, now_ts = self.rng, self.now_ts
        n_youths = len(self.youth_ids)
        orgs = [self.home, *self.grassroots]
        weights = [o.weight for o in self.grassroots]
        # The county committee is the most followed: every youth of the county may follow it.
        home = max(sum(weights) / 3, 2 * max(weights, default=1.0))
        counts = _apportion(self.size.followers, [home, *weights], cap=int(n_youths * 0.6))
        for org, count in zip(orgs, counts, strict=True):
            following: set[int] = set()
            registrants = self.registrants.get(org.id, [])
            for youth, activity_id, ts in rng.sample(registrants, len(registrants)):
                if len(following) >= count * 0.6:
                    break
                if youth in following or rng.random() < 0.4:
                    continue
                following.add(youth)
                followed = max(ts, min(ts + rng.randint(0, 2 * DAY), now_ts - 1))
                yield self._follow(org, youth, followed, activity_id)
            while len(following) < count:
                youth = rng.randrange(n_youths)
                if youth in following:
                    continue
                following.add(youth)
                if org.activities and rng.random() < 0.35:
                    activity_id, created = rng.choice(org.activities)
                    yield self._follow(org, youth, rng.randint(created, now_ts - 1), activity_id)
                else:
                    followed = now_ts - rng.randint(3600, 540 * DAY)
                    yield self._follow(org, youth, followed, None)

    def _follow(self, org: _Org, youth: int, ts: int, activity_id: str | None) -> dict[str, Any]:
        tags: list[str] = []
        if self.extra.random() < 0.25:
            tags = self.extra.sample(FOLLOWER_TAGS, self.extra.choice((1, 1, 2)))
        for tag in ("", *tags):
            key = (org.id, tag)
            self.followers_by_tag[key] = self.followers_by_tag.get(key, 0) + 1
        return {
            "id": self._id(ts),
            "org_id": org.id,
            "youth_id": self.youth_ids[youth],
            "followed_at": _utc(ts),
            "source_activity_id": activity_id,
            "version": 1,
            "tags": encode_tags(tags),
        }

    def planned_events_and_notices(self) -> int:
        """Rows the history and notices will add (known once registrations are drawn)."""
        events = sum(2 if h[4] is not None else 1 for h in self.histories)
        return events + NOTICES_PER_ORG * len(self._notice_orgs())

    def _notice_orgs(self) -> list[_Org]:
        """The county and its three most active grassroots organisations send notices."""
        return [self.home, *sorted(self.grassroots, key=lambda o: -o.weight)[:3]]

    def notices(self) -> Iterator[dict[str, Any]]:
        """A few notices already delivered by the server, each counted to its recipients."""
        rng = self.extra
        for org in self._notice_orgs():
            for title, body in rng.sample(NOTICES, NOTICES_PER_ORG):
                tag = rng.choice(("", "", *FOLLOWER_TAGS))
                sent = self.now_ts - rng.randint(DAY, 60 * DAY)
                yield {
                    "id": self._id(sent),
                    "org_id": org.id,
                    "title": title.format(org=org.name.removeprefix("共青团")),
                    "body": body,
                    "tag": tag,
                    "status": NoticeStatus.SENT,
                    "recipient_count": self.followers_by_tag.get((org.id, tag), 0),
                    "created_at": _utc(sent - rng.randint(60, 3600)),
                    "created_by": DEMO_HOME_USERNAME,
                    "sent_at": _utc(sent),
                    "version": 1,
                }


# --- command line ----------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m sync.tools.demo", description="Fill a new local replica with demo data."
    )
    parser.add_argument("path", type=Path, help="the SQLite database (created if missing)")
    parser.add_argument("--size", choices=list(SIZES), default="small")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    store = Store(args.path)
    try:
        existing = store.count("activities")
        if existing:
            log.error(
                "%s already holds %d activities; refusing to add demo data", args.path, existing
            )
            return 2
        tenths = [0]

        def report(done: int, total: int) -> None:
            if done * 10 // total > tenths[0]:
                tenths[0] = done * 10 // total
                log.info("demo data: %d of %d rows", done, total)

        started = time.perf_counter()
        try:
            summary = generate(store, args.size, seed=args.seed, progress=report)
        except DemoDataExists as exc:
            log.error("%s; refusing to add demo data", exc)
            return 2
        except regions.RegionDataMissing as exc:
            log.error("%s", exc)
            return 1
        elapsed = time.perf_counter() - started
    finally:
        store.close()
    print(
        f"{args.path}: {summary.organizations} organizations, {summary.activities} activities, "
        f"{summary.youths} youths, {summary.registrations} registrations, "
        f"{summary.followers} followers; home org {summary.home_org_id} ({elapsed:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
