"""The demo's League tree and activities: the first half of the seeded generator."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from typing import Any

from sync.core import regions
from sync.core.operations import Reference
from sync.core.records import (
    CHINA_TIME,
    ActivityStatus,
    OrgLevel,
)
from sync.core.rules import DEFAULT_CATEGORIES
from sync.tools import demo_words as words
from sync.tools.demo.model import (
    _PLANTED,
    DAY,
    HOME_COUNTY,
    DemoSize,
    Point,
    _apportion,
    _at,
    _nice,
    _Org,
    _Plan,
)
from sync.tools.demo.people import _People


class _Generator(_People):
    def __init__(self, size: DemoSize, seed: int, now: datetime, reference: Reference):
        self.size, self.rng, self.now, self.seed = size, random.Random(seed), now, seed
        # Fields added later (sources, histories, tags, notices, ID numbers) draw from their
        # own generator, so the rows drawn before they existed stay exactly the same.
        self.extra = random.Random(seed + 1)
        self.histories: list[tuple[str, str, str, int, int | None, str, str]] = []
        self.followers_by_tag: dict[tuple[str, str], int] = {}  # (org id, tag or "") → count
        self.inside_jiangsu = reference.contains_point
        self.categories = [c.code for c in DEFAULT_CATEGORIES if c.code in reference.categories]
        if not self.categories:
            raise ValueError("the reference has none of the default categories")
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
        self.admitted: dict[str, list[str]] = {}  # activity id → approved registration ids

        n_orgs = 1 + len(self.table.cities()) + len(self.counties) + size.grassroots
        self.total_rows = n_orgs + size.activities + size.youths
        self.total_rows += size.registrations + size.followers

    def _id(self, when: datetime | int, rng: random.Random | None = None) -> str:
        """A UUIDv7 (sorting by `when`, like `ids.uuid7`) drawn from the seeded generator (or
        from `rng`, for rows drawn from a generator of their own)."""
        ms = int((when if isinstance(when, int) else when.timestamp()) * 1000)
        rand = (rng or self.rng).getrandbits(74)
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
