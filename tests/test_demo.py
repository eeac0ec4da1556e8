"""The demo-data generator: real regions, rows that obey the rules, and the same rows every time."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sync.client.store.store import Store
from sync.client.store.tables import RECORDS
from sync.core import regions
from sync.core.records import CHINA_TIME, ActivityStatus, OrgLevel, Phase, RegistrationStatus
from sync.core.rules import DEFAULT_CATEGORIES, phase, validate_activity
from sync.tools import demo
from sync.tools.demo import replica

NOW = datetime(2024, 5, 20, 10, 30, tzinfo=CHINA_TIME)


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    # Not conftest's `store`: demo data goes only into a replica without organisations.
    store = Store(tmp_path / "demo.db")
    yield store
    store.close()


@pytest.fixture
def demo_store(empty_store: Store) -> Store:
    replica.generate(empty_store, "small", now=NOW)
    return empty_store


def rows(store: Store, table: str) -> list[dict[str, Any]]:
    t = RECORDS[table]
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(t).order_by(t.c[0]))]


def test_small_counts_match_the_summary_and_the_size(empty_store):
    store, size = empty_store, demo.SIZES["small"]
    summary = replica.generate(store, "small", now=NOW)
    assert summary.organizations == store.count("organizations") == 1 + 13 + 95 + size.grassroots
    assert summary.activities == store.count("activities") == size.activities
    assert summary.youths == store.count("youths") == size.youths
    assert summary.registrations == store.count("registrations") == size.registrations
    assert summary.followers == store.count("followers") == size.followers
    assert summary.home_org_id == store.get_meta("org_id")
    assert 50 <= size.activities <= 120
    assert 1_000 <= size.registrations <= 2_000
    assert 1_500 <= size.followers <= 2_500


def test_organisations_follow_the_real_region_tree(demo_store):
    table = regions.regions()
    orgs = rows(demo_store, "organizations")
    by_id = {o["id"]: o for o in orgs}
    by_level = {level: [o for o in orgs if o["level"] == level] for level in OrgLevel}

    (province,) = by_level[OrgLevel.PROVINCE]
    assert (province["name"], province["region_code"]) == ("共青团江苏省委员会", "320000")
    cities = by_level[OrgLevel.CITY]
    assert {c["region_code"] for c in cities} == {c.code for c in table.cities()}
    assert len(cities) == 13
    for city in cities:
        assert city["name"] == f"共青团{table.name(city['region_code'])}委员会"
        assert city["parent_id"] == province["id"]

    counties = by_level[OrgLevel.COUNTY]
    real = {c.code for c in table.counties() if not c.statistical_only}
    assert len(counties) == len(real) == 95
    assert {c["region_code"] for c in counties} == real
    for county in counties:
        parent = by_id[county["parent_id"]]
        assert parent["region_code"] == county["region_code"][:4] + "00"
        assert table.name(county["region_code"]) in county["name"]
    assert "共青团南京市玄武区委员会" in {c["name"] for c in counties}
    assert "共青团江阴市委员会" in {c["name"] for c in counties}

    home = by_id[demo_store.get_meta("org_id")]
    assert (home["name"], home["region_code"]) == ("共青团南京市江宁区委员会", "320115")

    towns = {t.name for t in table.children("320115")}
    grassroots = by_level[OrgLevel.GRASSROOTS]
    assert len(grassroots) == demo.SIZES["small"].grassroots
    for org in grassroots:
        assert org["region_code"] == "320115"
        assert org["address"].startswith("南京市江宁区")
        assert org["name"].endswith(("团委", "团工委", "团支部"))
        chain = by_id[org["parent_id"]]
        while chain["level"] == OrgLevel.GRASSROOTS:
            chain = by_id[chain["parent_id"]]
        assert chain["id"] == home["id"]
    streets = [o for o in grassroots if o["name"].endswith("团工委")]
    assert streets and all(o["name"].removesuffix("团工委") in towns for o in streets)
    for org in orgs:
        assert org["contact_name"] and org["contact_phone"]
        assert org["version"] == 1


def test_every_activity_passes_the_rules(demo_store):
    ref = demo_store.reference
    activities = rows(demo_store, "activities")
    for activity in activities:
        problems = validate_activity(
            activity,
            categories=ref.categories,
            is_valid_region=ref.is_valid_region,
            contains_point=ref.contains_point,
        )
        assert problems == [], (activity["title"], problems)
        assert activity["region_code"] == "320115"
        assert 1 <= activity["capacity"] <= 200
        assert activity["created_at"] <= activity["updated_at"] <= NOW
        assert activity["version"] == 1
    assert {a["category"] for a in activities} == {c.code for c in DEFAULT_CATEGORIES}
    org_ids = {o["id"] for o in rows(demo_store, "organizations") if o["region_code"] == "320115"}
    assert {a["org_id"] for a in activities} <= org_ids
    statuses = Counter(a["status"] for a in activities)
    assert statuses[ActivityStatus.DRAFT] == 4 and statuses[ActivityStatus.CANCELLED] == 2
    assert any(a["featured"] for a in activities) and not all(a["featured"] for a in activities)
    assert sum(a["requires_review"] for a in activities) > len(activities) / 2
    assert len({a["title"] for a in activities}) > len(activities) * 0.6


def test_activities_happen_at_working_hours_over_nine_months(demo_store):
    activities = rows(demo_store, "activities")
    for activity in activities:
        local_start = activity["starts_at"].astimezone(CHINA_TIME)
        assert activity["starts_at"].tzinfo is not None
        assert 9 <= local_start.hour <= 19
        assert NOW - timedelta(days=200) <= activity["starts_at"] <= NOW + timedelta(days=100)
    starts = sorted(a["starts_at"] for a in activities)
    assert starts[0] < NOW - timedelta(days=120) and starts[-1] > NOW + timedelta(days=40)


def test_every_phase_occurs(demo_store):
    phases = Counter(phase(a, NOW) for a in rows(demo_store, "activities"))
    assert set(phases) == set(Phase)
    assert phases[Phase.COMPLETED] > phases[Phase.ENDED]


def test_registrations_respect_capacity_windows_and_review(demo_store):
    activities = {a["id"]: a for a in rows(demo_store, "activities")}
    registrations = rows(demo_store, "registrations")
    pairs = Counter((r["activity_id"], r["youth_id"]) for r in registrations)
    assert max(pairs.values()) == 1
    approved = Counter(
        r["activity_id"] for r in registrations if r["status"] == RegistrationStatus.APPROVED
    )
    for activity_id, count in approved.items():
        assert count <= activities[activity_id]["capacity"]
    per_activity = Counter(r["activity_id"] for r in registrations)
    over = [i for i, n in per_activity.items() if n > activities[i]["capacity"]]
    under = [i for i, n in per_activity.items() if n < activities[i]["capacity"]]
    assert over and len(under) > len(over)

    for r in registrations:
        activity = activities[r["activity_id"]]
        assert activity["status"] != ActivityStatus.DRAFT
        opens, closes = activity["registration_opens_at"], activity["registration_closes_at"]
        assert opens <= r["registered_at"] < closes
        assert r["registered_at"] < NOW
        if r["reviewed_at"] is not None:
            assert r["registered_at"] < r["reviewed_at"] <= NOW
        if r["status"] == RegistrationStatus.REJECTED:
            assert r["reject_reason"] and r["reviewed_at"]
        else:
            assert r["reject_reason"] == ""
        if r["status"] == RegistrationStatus.PENDING:
            assert activity["requires_review"] and phase(activity, NOW) in (
                Phase.REGISTERING,
                Phase.REGISTRATION_CLOSED,
            )
        if activity["status"] == ActivityStatus.CANCELLED:
            assert r["status"] == RegistrationStatus.CANCELLED
        assert r["version"] == 1
    assert {r["status"] for r in registrations} == set(RegistrationStatus)


def test_followers_are_unique_and_come_from_their_orgs_activities(demo_store):
    activities = {a["id"]: a for a in rows(demo_store, "activities")}
    followers = rows(demo_store, "followers")
    assert max(Counter((f["org_id"], f["youth_id"]) for f in followers).values()) == 1
    followed = Counter(f["org_id"] for f in followers)
    assert followed.most_common(1)[0][0] == demo_store.get_meta("org_id")
    home_and_grassroots = {
        o["id"] for o in rows(demo_store, "organizations") if o["region_code"] == "320115"
    }
    assert set(followed) == home_and_grassroots
    with_source = [f for f in followers if f["source_activity_id"]]
    assert len(followers) * 0.3 < len(with_source) < len(followers)
    for f in followers:
        assert f["followed_at"] < NOW
        if f["source_activity_id"]:
            activity = activities[f["source_activity_id"]]
            assert activity["org_id"] == f["org_id"]
            assert activity["created_at"] <= f["followed_at"]


def test_youths_are_synthetic_young_and_mostly_local(demo_store):
    youths = rows(demo_store, "youths")
    today = NOW.date()

    def age(birth: date) -> int:
        return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))

    ages = Counter(age(y["birth_date"]) for y in youths)
    assert min(ages) >= 12 and max(ages) <= 35
    assert 0 < sum(n for a, n in ages.items() if a < 14) < len(youths) * 0.03
    phones = [y["phone"] for y in youths]
    assert all(re.fullmatch(r"1[3-9]\d{9}", p) for p in phones)
    assert len(set(phones)) == len(phones)
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", y["name"]) for y in youths)
    table = regions.regions()
    assert all(table.get(y["region_code"]).level == "county" for y in youths)
    assert sum(y["region_code"] == "320115" for y in youths) > len(youths) * 0.6
    assert all(y["school_or_employer"] for y in youths)
    assert {y["gender"] for y in youths} >= {"male", "female"}


def test_every_coordinate_is_inside_jiangsu(demo_store):
    boundary = regions.province_boundary()
    for table in ("organizations", "activities"):
        for row in rows(demo_store, table):
            assert boundary.contains(row["lon"], row["lat"]), (
                table,
                row["name" if table == "organizations" else "title"],
            )


def test_demo_data_is_already_synced(demo_store):
    assert demo_store.outbox_entries() == []
    assert demo_store.pending_count() == 0
    for table in ("organizations", "activities", "youths", "registrations", "followers"):
        assert {r["version"] for r in rows(demo_store, table)} == {1}


def test_same_seed_and_clock_give_the_same_rows(tmp_path):
    def dump(name: str, seed: int) -> dict[str, list[dict[str, Any]]]:
        store = Store(tmp_path / name)
        try:
            replica.generate(store, "small", seed=seed, now=NOW)
            return {t: rows(store, t) for t in demo.TABLES}  # the tables the demo writes
        finally:
            store.close()

    first, again, other = dump("a.db", 7), dump("b.db", 7), dump("c.db", 8)
    assert first == again
    for table in first:
        assert first[table] != other[table]


def test_progress_is_reported_up_to_the_total(empty_store):
    calls: list[tuple[int, int]] = []
    summary = replica.generate(
        empty_store, "small", now=NOW, progress=lambda *args: calls.append(args)
    )
    total = empty_store.count("organizations") + 80 + 1_500 + 1_500 + 2_000
    total += summary.registration_events + summary.notices + summary.checkin_events
    total += summary.requests + summary.request_events
    assert summary.registration_events == empty_store.count("registration_events") > 1_500
    assert summary.notices == empty_store.count("notices") > 0
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)


class Cancelled(Exception):
    pass


def test_a_progress_callback_that_raises_cancels_and_leaves_nothing(empty_store):
    def cancel(done: int, total: int) -> None:
        if done > 3_000:
            raise Cancelled

    with pytest.raises(Cancelled):
        replica.generate(empty_store, "small", now=NOW, progress=cancel)
    for table in ("organizations", "activities", "youths", "registrations", "followers"):
        assert empty_store.count(table) == 0
    assert empty_store.get_meta("org_id") is None
    replica.generate(empty_store, "small", now=NOW)  # and the store is still usable
    assert empty_store.count("activities") == 80


def test_generate_refuses_a_store_that_holds_data(demo_store):
    with pytest.raises(demo.DemoDataExists):
        replica.generate(demo_store, "small", now=NOW)


def test_cli_generates_then_refuses_a_database_with_activities(tmp_path, capsys, caplog):
    path = tmp_path / "cli.db"
    assert replica.main([str(path), "--seed", "3"]) == 0
    assert "80 activities" in capsys.readouterr().out
    assert replica.main([str(path)]) == 2
    assert capsys.readouterr().out == ""
    (refusal,) = [r for r in caplog.records if r.levelname == "ERROR"]
    assert "already holds 80 activities" in refusal.getMessage()
    store = Store(path)
    try:
        assert store.count("activities") == 80
    finally:
        store.close()


def test_requests_are_in_every_state_with_replies_and_some_overdue(demo_store):
    from sync.core.records import RequestState
    from sync.core.request_terms import DEFAULT_REPLY_DAYS, DEFAULT_REQUEST_CATEGORIES
    from sync.core.rules import request_overdue

    requests, events = rows(demo_store, "requests"), rows(demo_store, "request_events")
    assert len(requests) == demo.SIZES["small"].requests
    assert {r["state"] for r in requests} == {s.value for s in RequestState}
    home = demo_store.get_meta("org_id")
    orgs = rows(demo_store, "organizations")
    county = {home}
    for _ in range(3):  # the county, its streets and towns, their grassroots
        county |= {o["id"] for o in orgs if o["parent_id"] in county}
    by_request: dict[str, list[dict[str, Any]]] = {}
    for event in sorted(events, key=lambda e: (e["at"], e["id"])):
        by_request.setdefault(event["request_id"], []).append(event)
    for request in requests:
        assert request["org_id"] in county
        history = [e["action"] for e in by_request[request["id"]]]
        assert history[0] == "submitted"
        replied = request["state"] in ("replied", "archived")
        assert ("replied" in history) == replied == (request["replied_at"] is not None)
        if request["state"] != "new":
            assert request["category"] in DEFAULT_REQUEST_CATEGORIES
        assert request["submitted_at"] <= request["updated_at"] <= NOW
    overdue = [r for r in requests if request_overdue(r, NOW, DEFAULT_REPLY_DAYS)]
    waiting = [r for r in requests if r["state"] in ("new", "classified", "assigned")]
    assert 0 < len(overdue) < len(waiting)  # some waiting past the deadline, not all
