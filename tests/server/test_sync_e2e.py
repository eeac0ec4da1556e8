"""End to end: a real server process on 127.0.0.1 and several devices (each its own local
database) working offline, then syncing in different orders."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta

import pytest
import requests

from sync.client import session
from sync.client.engine import sync_once
from sync.client.store import registration_queries as rq
from sync.core.operations import Kind
from sync.core.protocol import OpStatus
from sync.core.records import ActivityStatus
from tests.server.conftest import Device, Server, server_rows

HOME = "jiangning"


def _published_with_pending(device: Device, minimum: int) -> tuple[str, list[str]]:
    """A published activity with at least `minimum` pending registrations."""
    pending: dict[str, list[str]] = {}
    for r in device.registrations().values():
        if r["status"] == "pending":
            pending.setdefault(r["activity_id"], []).append(r["id"])
    acts = device.activities()
    for activity_id, ids in sorted(pending.items()):
        if len(ids) >= minimum and acts[activity_id]["status"] == "published":
            return activity_id, sorted(ids)
    raise AssertionError(f"no published activity with {minimum} pending registrations in the demo")


def test_first_sync_downloads_the_whole_scope(devices, server: Server):
    a = devices("a")
    report = a.sync()
    assert report.pulled_rows > 0
    server_count = server_rows(
        server, "SELECT count(*) FROM activities WHERE deleted = :d", d=False
    )[0][0]
    assert a.store.count("activities") == server_count  # the county sees all of its activities
    assert a.store.count("categories") == 7
    assert a.store.count("youths") > 0
    assert a.store.pending_count() == 0
    assert a.store.get_meta("last_sync_at")
    second = a.sync()
    assert (second.pushed, second.pulled_rows) == (0, 0)  # nothing to do


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_offline_edits_on_two_devices_converge(devices, order: str):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    drafts = sorted(i for i, r in a.activities().items() if r["status"] == "draft")
    published = sorted(i for i, r in a.activities().items() if r["status"] == "published")
    target = published[0]

    # offline: different fields of one activity, a new activity, a lifecycle step
    a.store.update_activity(target, {"title": "A 改的标题"})
    b.store.update_activity(target, {"capacity": 77})
    created = a.store.create_activity(
        a.store.get_meta("org_id"), {**_fields_of(a, target), "title": "A 新建的活动"}
    )[1]
    b.store.transition_activity(drafts[0], ActivityStatus.PUBLISHED)

    first, second = (a, b) if order == "ab" else (b, a)
    first.sync()
    second.sync()
    first.sync()

    assert a.activities() == b.activities()
    merged = a.activities()[target]
    assert (merged["title"], merged["capacity"]) == ("A 改的标题", 77)
    assert a.activities()[created]["title"] == "A 新建的活动"
    assert a.activities()[drafts[0]]["status"] == "published"
    assert a.store.pending_count() == b.store.pending_count() == 0


def _fields_of(device: Device, activity_id: str) -> dict:
    from sync.core.records import ACTIVITY_EDITABLE_FIELDS

    row = device.activities()[activity_id]
    return {k: row[k] for k in ACTIVITY_EDITABLE_FIELDS}


def test_same_field_changed_on_two_devices_is_kept_as_a_conflict(devices):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    target = sorted(i for i, r in a.activities().items() if r["status"] == "published")[0]
    a.store.update_activity(target, {"capacity": 60})
    b.store.update_activity(target, {"capacity": 90})
    a.sync()
    report = b.sync()
    assert report.conflicts == 1
    a.sync()
    assert a.activities()[target]["capacity"] == b.activities()[target]["capacity"] == 60
    with b.store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT field, mine, theirs FROM conflicts").fetchall()
    assert [tuple(r) for r in rows] == [("capacity", "90", "60")]


def test_two_devices_approving_the_last_seat_offline(devices):
    a, b = devices("a"), devices("b")
    a.sync()
    activity_id, pending = _published_with_pending(a, 2)
    approved = sum(
        r["status"] == "approved" and r["activity_id"] == activity_id
        for r in a.registrations().values()
    )
    a.store.update_activity(activity_id, {"capacity": approved + 1})  # one seat left
    a.sync()
    b.sync()

    a.store.review_registration(pending[0], "approve")
    b.store.review_registration(pending[1], "approve")
    a.sync()
    b.sync()
    a.sync()

    for device in (a, b):
        regs = [r for r in device.registrations().values() if r["activity_id"] == activity_id]
        assert sum(r["status"] == "approved" for r in regs) == approved + 1
        statuses = {r["id"]: r["status"] for r in regs}
        assert (statuses[pending[0]], statuses[pending[1]]) == ("approved", "waitlisted")
        # each device can show why: its history of B's registration names the full capacity
        history = device.store.read(rq.registration_history, pending[1])
        assert [(e["action"], e["detail"]) for e in history][-1] == (
            "waitlisted",
            str(approved + 1),
        )
    [entry] = [e for e in b.store.outbox_entries() if e["kind"] == Kind.REGISTRATION_REVIEW] or [
        None
    ]
    # B's approval was acknowledged as changed (waitlisted); once pulled it leaves the queue
    assert entry is None


def test_lost_acknowledgement_is_not_applied_twice(devices, server: Server):
    """The client dies after the server committed a push but before it recorded the answer:
    the next sync sends the same operations again and the server returns the stored results."""
    a = devices("a")
    a.sync()
    target = sorted(i for i, r in a.activities().items() if r["status"] == "published")[0]
    a.store.update_activity(target, {"title": "只应用一次"})
    ops = a.store.ops_to_push(100)
    client = session.connect(a.store)
    first = client.push(ops)  # the server commits; the answer is lost with the process
    client.close()
    report = a.sync()
    assert report.pushed == 1
    replayed = [e for e in a.store.outbox_entries()]
    assert replayed == []
    stored = server_rows(
        server, "SELECT count(*) FROM applied_ops WHERE op_id = :op", op=ops[0]["op_id"]
    )[0][0]
    assert stored == 1
    assert first[0].status is OpStatus.APPLIED
    version = server_rows(server, "SELECT version FROM activities WHERE id = :i", i=target)
    assert a.activities()[target]["version"] == version[0][0]


def test_device_clock_an_hour_off_syncs_normally(devices, server: Server):
    skewed = lambda: datetime.now(UTC) + timedelta(hours=1)  # noqa: E731
    a = devices("a", clock=skewed)
    a.sync()
    target = sorted(i for i, r in a.activities().items() if r["status"] == "published")[0]
    a.store.update_activity(target, {"title": "时钟快了一小时"})
    report = a.sync()
    assert (report.pushed, report.rejected) == (1, 0)
    [(occurred, received)] = server_rows(
        server, "SELECT occurred_at, received_at FROM applied_ops ORDER BY received_at DESC LIMIT 1"
    )
    assert _aware(occurred) - _aware(received) > timedelta(minutes=50)  # kept for audit only


def _aware(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def test_rejected_operation_does_not_block_the_queue(devices):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    target = sorted(i for i, r in a.activities().items() if r["status"] == "published")[0]
    other = sorted(i for i, r in a.activities().items() if r["status"] == "published")[1]
    b.store.transition_activity(target, ActivityStatus.CANCELLED)
    b.sync()
    a.store.transition_activity(target, ActivityStatus.COMPLETED)  # refused: cancelled meanwhile
    a.store.update_activity(other, {"title": "后面的操作照常同步"})
    report = a.sync()
    assert (report.pushed, report.rejected) == (2, 1)
    assert a.activities()[target]["status"] == "cancelled"
    assert a.activities()[other]["title"] == "后面的操作照常同步"
    [rejected] = [e for e in a.store.outbox_entries() if e["state"] == "rejected"]
    assert json.loads(rejected["result"])["code"] == "illegal_transition"


def _org_path(server: Server, org_id: str) -> str:
    return server_rows(server, "SELECT scope_path FROM organizations WHERE id = :i", i=org_id)[0][0]


def test_grassroots_account_sees_and_changes_only_its_own(devices, server: Server):
    county = devices("county")
    county.sync()
    organising = {_org_path(server, r["org_id"]) for r in county.activities().values()}
    # grassroots accounts whose organisation runs activities, so there is something to hide
    every = {u: _org_path(server, a.org_id) for u, a in server.accounts.items() if u != HOME}
    paths = {u: path for u, path in every.items() if any(p.startswith(path) for p in organising)}
    pairs = [
        (m, s)
        for m in paths
        for s in paths
        if not paths[m].startswith(paths[s]) and not paths[s].startswith(paths[m])
    ]
    assert pairs, "the demo seeded no two sibling grassroots accounts with activities"
    me, sibling = min(pairs)
    mine = devices("mine", username=me)
    mine.sync()
    my_path = paths[me]
    assert mine.activities()
    assert all(
        _org_path(server, r["org_id"]).startswith(my_path) for r in mine.activities().values()
    )
    sibling_activities = sorted(
        i
        for i, r in county.activities().items()
        if _org_path(server, r["org_id"]).startswith(paths[sibling])
    )
    assert sibling_activities, "the sibling organisation has no activity in the demo"
    sibling_activity = sibling_activities[0]
    # read: a pull never carries it; change: the server answers as if it did not exist
    client = session.connect(mine.store)
    try:
        [result] = client.push(
            [
                {
                    "op_id": "op-sibling",
                    "kind": Kind.ACTIVITY_UPDATE,
                    "device_id": "x",
                    "occurred_at": datetime.now(UTC).isoformat(),
                    "payload": {
                        "id": sibling_activity,
                        "base_version": 1,
                        "changes": {"title": "越权修改"},
                        "before": {},
                    },
                }
            ]
        )
        page = client.pull(0, 100_000)
    finally:
        client.close()
    assert (result.status, result.code) == (OpStatus.REJECTED, "not_found")
    assert sibling_activity not in {r["id"] for r in page.rows.get("activities", [])}
    title = server_rows(server, "SELECT title FROM activities WHERE id = :i", i=sibling_activity)
    assert title[0][0] != "越权修改"


def test_server_killed_in_the_middle_of_a_push(devices, server: Server, server_factory):
    """kill -9 of the server while it applies a batch: after a restart and the next sync,
    every operation is applied exactly once."""
    a = devices("a")
    a.sync()
    published = sorted(i for i, r in a.activities().items() if r["status"] == "published")
    # Capacities above any approved count (a capacity below the seats given is refused).
    for n in range(300):
        a.store.update_activity(published[n % len(published)], {"capacity": 1000 + n})
    errors: list = []

    def push() -> None:
        client = session.connect(a.store)
        try:
            sync_once(a.store, client)
        except Exception as error:
            errors.append(error)
        finally:
            client.close()

    worker = threading.Thread(target=push)
    worker.start()
    applied_before_kill = 0
    for _ in range(200):
        applied_before_kill = _count_applied(server)
        if applied_before_kill > 10:
            break
        threading.Event().wait(0.02)
    server.process.kill()
    worker.join(60)
    restarted = server_factory(server.database_url, seeded=server.seeded)
    a.store.set_meta(
        "account",
        json.dumps({**json.loads(a.store.get_meta("account")), "server_url": restarted.base_url}),
    )
    from sync.client import credentials

    account = session.signed_in(a.store)
    old = credentials.load_token(server.base_url, account.username)
    credentials.save_token(restarted.base_url, account.username, old)
    a.sync()
    assert a.store.pending_count() == 0
    assert _count_applied(restarted) == 300
    final = {i: r["capacity"] for i, r in a.activities().items() if i in published}
    expected = {}
    for n in range(300):
        expected[published[n % len(published)]] = 1000 + n
    assert all(final[i] == c for i, c in expected.items())


def _count_applied(server: Server) -> int:
    return server_rows(
        server, f"SELECT count(*) FROM applied_ops WHERE kind = '{Kind.ACTIVITY_UPDATE}'"
    )[0][0]


def test_pull_refuses_a_client_of_an_incompatible_protocol(server: Server, devices):
    a = devices("a")
    token = session.connect(a.store).token
    response = requests.get(
        server.url("/api/v1/changes"),
        headers={"Authorization": f"Bearer {token}", "X-Suqing-Protocol": "99"},
        timeout=10,
    )
    assert response.status_code == 426
    assert "版本" in response.json()["message"]


@pytest.mark.parametrize("order", ["delete_first", "edit_first"])
def test_delete_on_one_device_and_edit_on_another_converge(devices, order: str):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    draft = sorted(i for i, r in a.activities().items() if r["status"] == "draft")[0]
    a.store.delete_activity(draft)
    b.store.update_activity(draft, {"title": "另一台电脑在删除前后修改"})
    first, second = (a, b) if order == "delete_first" else (b, a)
    first.sync()
    report = second.sync()
    first.sync()
    assert draft not in a.activities() and draft not in b.activities()
    assert a.activities() == b.activities()
    if order == "delete_first":  # the edit arrived after the tombstone: refused, visibly
        assert report.rejected == 1
        [rejected] = [e for e in b.store.outbox_entries() if e["state"] == "rejected"]
        assert json.loads(rejected["result"])["code"] == "not_found"
