"""统计 figures against values worked out by hand on a small replica (see `stats_fixture`)."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import (
    Column,
    Date,
    Integer,
    MetaData,
    Table,
    create_engine,
    insert,
    literal,
    select,
)

from sync.client.store import Store
from sync.client.store.stats_queries import (
    STUDENT_MAX_AGE,
    Bucket,
    GrowthMonth,
    StatsQuery,
    age_on_sql,
    arrived_sql,
    compute,
    occupation_sql,
    participants,
)
from sync.client.store.tables import (
    activities,
    checkin_events,
    followers,
    registrations,
    youths,
)
from sync.core.checkin import presence
from sync.core.privacy import age_on
from sync.core.records import CHINA_TIME
from tests.conftest import HOME_ORG, NOW, SIBLING_ORG, activity_fields

OCT_NOV = dict(start=date(2026, 10, 1), end=date(2026, 11, 30))


def at(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=CHINA_TIME)


YOUTHS = [
    # id, gender, birth date, school or employer
    ("y1", "female", date(2000, 1, 1), "江宁科技有限公司"),  # 26 on 30 Nov: 23-28, working
    ("y2", "male", date(2013, 5, 1), "江宁实验学校"),  # 13: under 14, student
    ("y3", "male", date(2005, 3, 1), ""),
    ("y4", "female", date(2004, 3, 1), ""),
    ("y5", "unknown", None, ""),  # no birth date, no place: unknown band and occupation
    ("y6", "male", date(2001, 3, 1), ""),
]

# id, org, title, category, region, starts, status, featured, {youth: registration status}
ACTIVITIES = [
    (
        "a1",
        HOME_ORG,
        "A 志愿服务日",
        "volunteer",
        "320115",
        at(2026, 10, 5, 9),
        "published",
        True,
        {"y1": "approved", "y2": "approved", "y3": "rejected", "y4": "cancelled"},
    ),
    (
        "a2",
        SIBLING_ORG,
        "B 读书会",
        "study",
        "320115",
        at(2026, 11, 3, 14),
        "completed",
        False,
        {"y1": "approved", "y5": "approved", "y6": "pending"},
    ),
    # the period's last half hour, China time: inside
    (
        "a6",
        HOME_ORG,
        "C 夜跑",
        "volunteer",
        "320102",
        at(2026, 11, 30, 23, 30),
        "published",
        False,
        {},
    ),
    # never held, or outside the period: counted nowhere
    (
        "a3",
        HOME_ORG,
        "D 草稿",
        "volunteer",
        "320115",
        at(2026, 10, 10, 9),
        "draft",
        True,
        {"y3": "approved"},
    ),
    (
        "a4",
        HOME_ORG,
        "E 取消",
        "volunteer",
        "320115",
        at(2026, 10, 11, 9),
        "cancelled",
        True,
        {"y4": "approved"},
    ),
    (
        "a5",
        HOME_ORG,
        "F 十二月",
        "volunteer",
        "320115",
        at(2026, 12, 1, 0, 0),
        "published",
        True,
        {"y6": "approved"},
    ),
]

FOLLOWS = [
    ("f1", HOME_ORG, "y1", at(2026, 9, 15, 8)),  # before the period
    ("f2", HOME_ORG, "y2", at(2026, 10, 20, 8)),
    ("f3", HOME_ORG, "y3", at(2026, 11, 5, 8)),
    ("f4", SIBLING_ORG, "y4", at(2026, 11, 10, 8)),
    ("f5", SIBLING_ORG, "y5", at(2026, 12, 2, 8)),  # after it
]


@pytest.fixture
def stats_store(store: Store) -> Store:
    with store.bulk_write() as conn:
        conn.execute(
            insert(youths),
            [
                dict(
                    id=i,
                    name=f"青年{i}",
                    phone="13900001234",
                    gender=g,
                    birth_date=b,
                    school_or_employer=s,
                    region_code="320115",
                    version=1,
                )
                for i, g, b, s in YOUTHS
            ],
        )
        for aid, org, title, cat, region, starts, status, featured, regs in ACTIVITIES:
            fields = activity_fields(starts, title=title, category=cat, region_code=region)
            fields.update(id=aid, org_id=org, status=status, featured=featured, version=1)
            conn.execute(insert(activities), [fields])
            for youth, reg_status in regs.items():
                conn.execute(
                    insert(registrations),
                    [
                        dict(
                            id=f"r-{aid}-{youth}",
                            activity_id=aid,
                            youth_id=youth,
                            status=reg_status,
                            registered_at=starts,
                            version=1,
                        )
                    ],
                )
        conn.execute(
            insert(followers),
            [dict(id=f, org_id=o, youth_id=y, followed_at=t, version=1) for f, o, y, t in FOLLOWS],
        )
    return store


def stats_of(store: Store, org: str = HOME_ORG, subordinates: bool = True, **period):
    return store.read(compute, StatsQuery(org, subordinates, **(period or OCT_NOV)))


def test_hottest_activities_ranked_with_a_tie(stats_store: Store):
    stats = stats_of(stats_store)
    got = [(a.id, a.registrations, a.approved, a.approval_rate, a.rank) for a in stats.activities]
    # a1 and a2: 3 registrations each (cancelled ones do not count): both first, then third
    assert got == [("a1", 3, 2, 2 / 3, 1), ("a2", 3, 2, 2 / 3, 1), ("a6", 0, 0, None, 3)]
    assert stats.activities[1].org_name == "南京市江宁高级中学团委"
    assert all(a.attendance_rate is None for a in stats.activities)  # no 签到 event yet
    assert (stats.participants, stats.featured) == (4, 1)


def test_participation_by_category_month_and_region(stats_store: Store):
    stats = stats_of(stats_store)
    assert stats.by_category == [Bucket("volunteer", 2, 2), Bucket("study", 1, 2)]
    assert stats.by_month == [Bucket("2026-10", 1, 2), Bucket("2026-11", 2, 2)]
    assert stats.by_region == [Bucket("320115", 2, 4), Bucket("320102", 1, 0)]
    assert [a.id for a in stats.activities_behind("month", "2026-11")] == ["a2", "a6"]
    assert [a.id for a in stats.activities_behind("category", "study")] == ["a2"]


def test_most_followed_organisations_and_growth(stats_store: Store):
    stats = stats_of(stats_store)
    got = [(o.id, o.followers, o.new_followers, o.rank) for o in stats.organizations]
    assert got == [(HOME_ORG, 3, 2, 1), (SIBLING_ORG, 1, 1, 2)]
    assert stats.growth == [GrowthMonth("2026-10", 1, 2), GrowthMonth("2026-11", 2, 4)]


def test_youth_profile(stats_store: Store):
    stats = stats_of(stats_store)
    everyone = stats_store.read(participants, stats.query)
    assert sorted((y.id, y.participations) for y in everyone) == [
        ("y1", 2),
        ("y2", 1),
        ("y5", 1),
    ]
    assert stats.profile("band") == {"<14": 1, "23-28": 1, "unknown": 1}
    assert stats.profile("gender") == {"female": 1, "male": 1, "unknown": 1}
    assert stats.profile("occupation") == {"student": 1, "unknown": 1, "working": 1}
    assert stats.profile("region_code") == {"320115": 3}
    assert (stats.under_14, stats.youths) == (1, 3)
    behind = stats_store.read(participants, stats.query, "band", "<14")
    assert [(y.id, y.age, y.occupation) for y in behind] == [("y2", 13, "student")]
    assert not hasattr(everyone[0], "phone")  # a profile holds no phone numbers


def test_an_empty_period_and_a_tie_at_zero(stats_store: Store):
    stats = stats_of(stats_store, start=date(2025, 1, 1), end=date(2025, 2, 28))
    assert stats.activities == [] and stats.youths == 0
    assert stats.by_category == [] and stats.by_region == []
    assert stats.by_month == [Bucket("2025-01", 0, 0), Bucket("2025-02", 0, 0)]
    assert [(o.followers, o.rank) for o in stats.organizations] == [(0, 1), (0, 1)]
    assert stats.growth == [GrowthMonth("2025-01", 0, 0), GrowthMonth("2025-02", 0, 0)]
    assert (stats.participants, stats.featured, stats.under_14) == (0, 0, 0)


def test_an_organisation_with_no_subordinates(stats_store: Store):
    alone = stats_of(stats_store, SIBLING_ORG, subordinates=True)
    assert [a.id for a in alone.activities] == ["a2"]
    assert [(o.id, o.followers, o.new_followers) for o in alone.organizations] == [
        (SIBLING_ORG, 1, 1)
    ]
    assert sorted(y.id for y in stats_store.read(participants, alone.query)) == ["y1", "y5"]
    home_only = stats_of(stats_store, HOME_ORG, subordinates=False)
    assert [a.id for a in home_only.activities] == ["a1", "a6"]
    assert home_only.growth == [GrowthMonth("2026-10", 1, 2), GrowthMonth("2026-11", 1, 3)]


# 签到 events at the doors of a1 and a2: (id, registration, action, minutes after 9:00, voids)
DOOR = [
    # a1 approved y1 and y2: y1 checked in on two laptops (one arrival); y2's check-in was
    # voided (a mistaken scan); y3 was rejected, let in anyway: not an approved arrival.
    ("e1", "r-a1-y1", "in", 0, ""),
    ("e2", "r-a1-y1", "in", 5, ""),
    ("e3", "r-a1-y2", "in", 1, ""),
    ("e4", "r-a1-y2", "void", 2, "e3"),
    ("e5", "r-a1-y3", "in", 3, ""),
    # a2 approved y1 and y5: y1's first check-in voided, then in again; y5 in and out (left
    # early still arrived); y6 is pending: not counted.
    ("e6", "r-a2-y1", "in", 0, ""),
    ("e7", "r-a2-y1", "void", 1, "e6"),
    ("e8", "r-a2-y1", "in", 10, ""),
    ("e9", "r-a2-y5", "in", 0, ""),
    ("e10", "r-a2-y5", "out", 30, ""),
    ("e11", "r-a2-y6", "in", 0, ""),
]


def add_door_events(store: Store) -> None:
    starts = {aid: when for aid, _, _, _, _, when, *_ in ACTIVITIES}
    with store.bulk_write() as conn:
        rows = []
        for eid, reg, action, minutes, voids in DOOR:
            activity = reg.split("-")[1]
            rows.append(
                dict(
                    id=eid,
                    registration_id=reg,
                    activity_id=activity,
                    action=action,
                    at=starts[activity] + timedelta(minutes=minutes),
                    actor="door",
                    voids=voids,
                    reason="",
                    version=1,
                )
            )
        conn.execute(insert(checkin_events), rows)


def test_attendance_rate_from_checkin_events(stats_store: Store):
    add_door_events(stats_store)
    stats = stats_of(stats_store)
    got = [(a.id, a.approved, a.arrived, a.attendance_rate) for a in stats.activities]
    # a1: y1 of y1, y2 → 1/2; a2: y1 and y5 of y1, y5 → 2/2; a6: no door events → unknown
    assert got == [("a1", 2, 1, 0.5), ("a2", 2, 2, 1.0), ("a6", 0, None, None)]
    # the ranking is by registrations, whatever the attendance
    assert [a.rank for a in stats.activities] == [1, 1, 3]


def test_age_in_sql_is_privacy_age_on():
    """The youth profile's age, computed in SQL, is `age_on` for every birthday of a leap cycle
    on days around the end of February and the year's turn (29 February counts on 1 March)."""
    engine = create_engine("sqlite://")
    births = Table("births", MetaData(), Column("birth_date", Date))
    days = [date(2026, 2, 28), date(2026, 3, 1), date(2028, 2, 28), date(2028, 2, 29)]
    days += [date(2026, 12, 31), date(2027, 1, 1)]
    cycle = [date(2000, 1, 1) + timedelta(days=i) for i in range(4 * 365 + 1)]
    with engine.begin() as conn:
        births.create(conn)
        conn.execute(insert(births), [{"birth_date": b} for b in [*cycle, None]])
        for day in days:
            got = conn.execute(select(births.c.birth_date, age_on_sql(births.c.birth_date, day)))
            for birth, age in got:
                assert age == (None if birth is None else age_on(birth, day)), (birth, day)


@pytest.mark.parametrize(
    ("place", "age", "expected"),
    [
        ("\u3000 ", 20, "unknown"),  # blanks only, the ideographic space too
        ("江宁实验学校", None, "student"),
        ("南京大学", STUDENT_MAX_AGE, "student"),
        ("南京大学", STUDENT_MAX_AGE + 1, "working"),  # a teacher
        ("江宁科技有限公司", 19, "working"),
    ],
)
def test_occupation_from_the_place_and_age(place: str, age: int | None, expected: str):
    with create_engine("sqlite://").connect() as conn:
        age_value = literal(age, Integer)
        assert conn.scalar(select(occupation_sql(literal(place), age_value))) == expected


def test_arrival_in_sql_is_the_doors_presence_rule():
    """`arrived_sql` says a registration arrived exactly when `presence(...).arrived` does, on
    random events: check-ins, check-outs, voids of either, voids of voids, from any laptop."""
    rng = random.Random(8)
    engine = create_engine("sqlite://")
    rows, by_registration = [], {}
    for n in range(300):
        registration = f"r{n}"
        events = []
        for i in range(rng.randint(0, 5)):
            action = rng.choice(["in", "in", "out", "void"])
            voids = rng.choice(events)["id"] if action == "void" and events else ""
            events.append(
                dict(
                    id=f"{registration}-e{i}",
                    action=action,
                    at=NOW + timedelta(minutes=rng.randint(0, 90)),
                    voids=voids,
                )
            )
        by_registration[registration] = events
        rows += [
            dict(e, registration_id=registration, activity_id="a", actor="", reason="", version=1)
            for e in events
        ]
    with engine.begin() as conn:
        checkin_events.create(conn)
        conn.execute(insert(checkin_events), rows)
        came = select(checkin_events.c.registration_id).where(arrived_sql(checkin_events))
        got = set(conn.scalars(came.distinct()))
    expected = {r for r, events in by_registration.items() if presence(events).arrived}
    assert got == expected and 50 < len(expected) < 250  # both kinds well represented
