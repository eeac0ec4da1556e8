"""考核 targets end to end against a real server (SQLite and PostgreSQL): a city account sets
targets while offline and syncs; the county receives them and sees its progress; the county and
a grassroots organisation cannot change the targets that bind them (the server refuses, and
同步问题 says why)."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from pathlib import Path

from desktop.dialogs.sync_issues_dialog import describe_operation, reason_text
from sync.client.store.target_queries import target_progress
from sync.core.records import CHINA_TIME
from tests.server.conftest import DemoAccount, Server, demo_now, run_ok, server_rows
from tests.server.test_notices_e2e import restart_on_same_port

CITY_USER, CITY_PASSWORD = "nanjing-city", "city password 123"


def add_city_account(server: Server) -> str:
    """The demo seeds accounts of the county and below; the city above it gets one here."""
    home = server.seeded.home_org_id
    [(city_id, city_name)] = server_rows(
        server,
        "SELECT o.id, o.name FROM organizations o JOIN organizations c ON c.parent_id = o.id "
        "WHERE c.id = :home",
        home=home,
    )
    run_ok(
        "create-account",
        "--username",
        CITY_USER,
        "--password",
        CITY_PASSWORD,
        "--org-id",
        city_id,
        database_url=server.database_url,
    )
    server.accounts[CITY_USER] = DemoAccount(CITY_USER, CITY_PASSWORD, city_id, city_name)
    return city_id


def server_done(server: Server, org_id: str, start, end) -> tuple[int, int]:
    """(featured activities, approved registrations) of the organisation and those below it in
    [start, end], counted on the server's own tables: the device's figure must match."""
    [(path,)] = server_rows(
        server, "SELECT scope_path FROM organizations WHERE id = :id", id=org_id
    )
    lo = datetime.combine(start, time(), CHINA_TIME).astimezone(UTC).replace(tzinfo=None)
    hi = datetime.combine(end + timedelta(days=1), time(), CHINA_TIME)
    hi = hi.astimezone(UTC).replace(tzinfo=None)
    held = (
        "a.deleted = false AND a.scope_path LIKE :path AND a.status IN ('published', 'completed')"
        " AND a.starts_at >= :lo AND a.starts_at < :hi"
    )
    params = dict(path=path + "%", lo=lo, hi=hi)
    [(featured,)] = server_rows(
        server, f"SELECT count(*) FROM activities a WHERE {held} AND a.featured = true", **params
    )
    [(approved,)] = server_rows(
        server,
        "SELECT count(*) FROM registrations r JOIN activities a ON a.id = r.activity_id "
        f"WHERE {held} AND r.deleted = false AND r.status = 'approved'",
        **params,
    )
    return featured, approved


def test_targets_travel_down_and_bind(server: Server, devices, tmp_path: Path):
    add_city_account(server)
    home = server.seeded.home_org_id
    grassroots = next(a for a in server.accounts.values() if a.username.startswith("jiangning-"))
    today = demo_now().astimezone(CHINA_TIME).date()
    start, end = today - timedelta(days=150), today + timedelta(days=10)
    city = devices("city", username=CITY_USER)
    city.sync()

    server.stop()  # offline: the targets wait in the city's outbox
    county_target = dict(
        period_start=start, period_end=end, featured_activities=10, participants=200
    )
    _, county_target_id = city.store.set_target(home, county_target)
    _, grassroots_target_id = city.store.set_target(
        grassroots.org_id, {**county_target, "featured_activities": 2, "participants": 20}
    )
    assert city.store.pending_count() == 2
    again = restart_on_same_port(server, tmp_path)
    try:
        city.sync()
        assert city.store.pending_count() == 0
        assert city.store.rejected_operations() == []
        rows = server_rows(
            server, "SELECT org_id, participants, set_by FROM assessment_targets ORDER BY org_id"
        )
        assert sorted(tuple(r) for r in rows) == sorted(
            [(home, 200, CITY_USER), (grassroots.org_id, 20, CITY_USER)]
        )

        county = devices("county")
        county.sync()
        progress = {p.id: p for p in county.store.read(target_progress, home, today)}
        assert set(progress) == {county_target_id, grassroots_target_id}
        mine = progress[county_target_id]
        assert (mine.featured_target, mine.participants_target) == (10, 200)
        assert (mine.featured_done, mine.participants_done) == server_done(server, home, start, end)
        assert mine.participants_done > 0  # the demo data has approved registrations then
        assert mine.days_left == 10 and mine.status in ("due_soon", "met")
        below = progress[grassroots_target_id]
        assert (below.featured_done, below.participants_done) == server_done(
            server, grassroots.org_id, start, end
        )

        # The county may not lower its own target; it may set the grassroots' one (it is above)
        county.store.set_target(home, {**county_target, "participants": 5}, county_target_id)
        county.store.set_target(
            grassroots.org_id, {**county_target, "participants": 30}, grassroots_target_id
        )
        county.sync()
        [refused] = county.store.rejected_operations()
        assert refused["code"] == "target_own_org"
        assert reason_text(refused["code"], refused["params"]) == (
            "考核目标由上级团组织下达，本组织不能修改自己的考核目标"
        )
        org_name = server.accounts["jiangning"].org_name
        assert describe_operation(refused["kind"], refused["payload"], refused["subject"]) == (
            f"设置考核目标（{org_name}）"
        )

        # The grassroots account receives its own target only, and cannot change it either
        below_device = devices("grassroots", username=grassroots.username)
        below_device.sync()
        [own] = below_device.store.read(target_progress, grassroots.org_id, today)
        assert (own.id, own.participants_target) == (grassroots_target_id, 30)
        below_device.store.set_target(
            grassroots.org_id, {**county_target, "participants": 0}, grassroots_target_id
        )
        below_device.sync()
        [refused] = below_device.store.rejected_operations()
        assert refused["code"] == "target_own_org"
        [rolled_back] = below_device.store.read(target_progress, grassroots.org_id, today)
        assert rolled_back.participants_target == 30  # the device shows the server's value again
        rows = server_rows(server, "SELECT org_id, participants FROM assessment_targets")
        assert sorted(tuple(r) for r in rows) == sorted([(home, 200), (grassroots.org_id, 30)])
    finally:
        again.terminate()
        again.wait()
