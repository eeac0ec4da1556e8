"""End to end with youths: a real server process, youths on its public API (and the simulator
CLI), cadres' devices syncing, reviewing offline, tagging, sending notices."""

from __future__ import annotations

import itertools
import json
from datetime import UTC, datetime, timedelta

import requests

from sync.client import session
from sync.client.http import ClientConfig, ServerClient
from sync.client.store.tables import followers, notices, registration_events
from sync.core import rules
from sync.core.operations import Kind
from sync.core.records import ActivityStatus
from tests.conftest import activity_fields
from tests.server.conftest import Server, bearer, demo_now, login, run_cli, server_rows

PUBLIC = "/api/v1/public"
_phones = itertools.count(13700000000)


def request_code(server: Server, phone: str, **headers: str) -> requests.Response:
    """Ask the server to send a one-time code to `phone`."""
    url = server.url(f"{PUBLIC}/youths/code")
    return requests.post(url, json={"phone": phone}, headers=headers, timeout=10)


def sent_code(server: Server, phone: str) -> str:
    """The latest code the server's development sender 'sent' to `phone`."""
    assert server.sms_outbox is not None
    lines = server.sms_outbox.read_text(encoding="utf-8").splitlines()
    codes = [sent["code"] for sent in map(json.loads, lines) if sent["phone"] == phone]
    assert codes, f"no code sent to {phone}"
    return codes[-1]


def identify(server: Server, body: dict) -> requests.Response:
    """A youth's identification with the code just sent to their phone."""
    assert request_code(server, body["phone"]).status_code == 202
    body = {**body, "code": sent_code(server, body["phone"])}
    return requests.post(server.url(f"{PUBLIC}/youths"), json=body, timeout=10)


class YouthClient:
    """One youth on their phone."""

    def __init__(self, server: Server, name: str = "张小青"):
        self.server = server
        body = {"name": name, "phone": str(next(_phones)), "birth_date": "2001-02-03"}
        response = identify(server, body)
        assert response.status_code == 200, response.text
        self.id = response.json()["youth_id"]
        self.token = response.json()["token"]

    def call(self, method: str, path: str, **kwargs) -> requests.Response:
        return requests.request(
            method, self.server.url(PUBLIC + path), headers=bearer(self.token), timeout=10, **kwargs
        )

    def register(self, activity_id: str) -> dict:
        response = self.call("POST", "/registrations", json={"activity_id": activity_id})
        assert response.status_code == 200, response.text
        return response.json()


def _registering(youth: YouthClient, *, requires_review: bool) -> dict:
    response = youth.call("GET", "/activities", params={"phase": "registering", "page_size": 100})
    assert response.status_code == 200, response.text
    suitable = sorted(
        (
            activity
            for activity in response.json()["items"]
            if activity["requires_review"] is requires_review
            and activity["approved"] < activity["capacity"]
        ),
        key=lambda activity: activity["id"],  # the same one on every run, not the list's first
    )
    assert suitable, "no suitable activity open for registration in the demo data"
    return suitable[0]


def _events(server: Server, registration_id: str) -> list[tuple[str, str]]:
    rows = server_rows(
        server,
        "SELECT action, actor FROM registration_events WHERE registration_id = :r ORDER BY id",
        r=registration_id,
    )
    return [tuple(r) for r in rows]


def _status(server: Server, registration_id: str) -> str:
    sql = "SELECT status FROM registrations WHERE id = :r"
    return server_rows(server, sql, r=registration_id)[0][0]


def test_a_youths_registration_is_approved_offline_and_the_server_shows_it(devices, server):
    youth = YouthClient(server)
    activity = _registering(youth, requires_review=True)
    registration = youth.register(activity["id"])
    assert registration["status"] == "pending"

    a = devices("a")
    a.sync()
    assert a.registrations()[registration["id"]]["status"] == "pending"
    a.store.review_registration(registration["id"], "approve")  # offline
    assert _status(server, registration["id"]) == "pending"
    a.sync()

    assert _status(server, registration["id"]) == "approved"
    assert _events(server, registration["id"]) == [("registered", "youth"), ("approved", HOME)]
    logged = server_rows(
        server,
        "SELECT kind, youth_id, account_id FROM applied_ops WHERE youth_id = :y ORDER BY op_id",
        y=youth.id,
    )
    assert [(k, a_id) for k, _, a_id in logged] == [
        (Kind.YOUTH_CREATE, None),
        (Kind.REGISTRATION_CREATE, None),
    ]
    # the device's copy of the history is the server's after the pull
    with a.store.engine.connect() as conn:
        local = conn.execute(
            registration_events.select().where(
                registration_events.c.registration_id == registration["id"]
            )
        ).all()
    assert sorted((r.action, r.actor) for r in local) == sorted(_events(server, registration["id"]))


HOME = "jiangning"


def test_a_notice_written_offline_is_delivered_after_sync(devices, server):
    a = devices("a")
    a.sync()
    home = a.store.get_meta("org_id")
    with a.store.engine.connect() as conn:
        mine = conn.execute(
            followers.select().where(followers.c.org_id == home).order_by(followers.c.id)
        ).all()
    assert len(mine) >= 3
    a.store.tag_followers([f.id for f in mine[:3]], add=["通知测试"])
    _, everyone = a.store.send_notice(home, "周末志愿服务", "周六上午九点在区团委集合。")
    _, tagged = a.store.send_notice(home, "骨干会议", "周五下午开会。", "通知测试")
    with a.store.engine.connect() as conn:
        assert {r.status for r in conn.execute(notices.select())} >= {"queued"}
    a.sync()

    count = server_rows(
        server,
        "SELECT count(*) FROM followers WHERE org_id = :o AND deleted = :d",
        o=home,
        d=False,
    )[0][0]
    for notice_id, expected in ((everyone, count), (tagged, 3)):
        delivered = server_rows(
            server, "SELECT count(*) FROM notice_deliveries WHERE notice_id = :n", n=notice_id
        )[0][0]
        assert delivered == expected
        with a.store.engine.connect() as conn:
            row = conn.execute(notices.select().where(notices.c.id == notice_id)).one()
        assert (row.status, row.recipient_count) == ("sent", expected)
        assert row.sent_at is not None


def test_a_cancelled_seat_goes_to_the_earliest_waitlisted_youth(devices, server):
    a = devices("a")
    a.sync()
    home = a.store.get_meta("org_id")
    start = demo_now() + timedelta(days=5)
    fields = activity_fields(start, capacity=1, requires_review=False)
    fields["registration_opens_at"] = demo_now() - timedelta(days=1)
    _, activity_id = a.store.create_activity(home, fields)
    a.store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    a.sync()

    first, second, third = YouthClient(server), YouthClient(server), YouthClient(server)
    assert first.register(activity_id)["status"] == "approved"
    waiting = second.register(activity_id)
    assert waiting["status"] == "waitlisted"
    assert third.register(activity_id)["status"] == "waitlisted"
    a.sync()
    assert a.registrations()[waiting["id"]]["status"] == "waitlisted"

    mine = [r for r in a.registrations().values() if r["activity_id"] == activity_id]
    approved = next(r for r in mine if r["status"] == "approved")
    response = first.call("POST", f"/registrations/{approved['id']}/cancel")
    assert response.json()["status"] == "cancelled"
    assert _status(server, waiting["id"]) == "approved"
    assert _events(server, waiting["id"])[-1] == ("promoted", "system")
    a.sync()
    mine = [r for r in a.registrations().values() if r["activity_id"] == activity_id]
    statuses = sorted(r["status"] for r in mine)
    assert statuses == ["approved", "cancelled", "waitlisted"]
    assert a.registrations()[waiting["id"]]["status"] == "approved"


def test_two_devices_tagging_the_same_followers_offline_keep_both_tags(devices):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    home = a.store.get_meta("org_id")
    with a.store.engine.connect() as conn:
        ids = list(
            conn.scalars(
                followers.select()
                .with_only_columns(followers.c.id)
                .where(followers.c.org_id == home)
                .order_by(followers.c.id)
                .limit(2)
            )
        )

    def tags(device) -> dict[str, list[str]]:
        with device.store.engine.connect() as conn:
            rows = conn.execute(followers.select().where(followers.c.id.in_(ids))).all()
        return {r.id: rules.decode_tags(r.tags) for r in rows}

    before = tags(a)  # the demo may have tagged them already: those tags stay too
    a.store.tag_followers(ids, add=["甲"])
    b.store.tag_followers(ids, add=["乙"])
    a.sync()
    b.sync()
    a.sync()
    expected = {i: sorted({*before[i], "甲", "乙"}) for i in ids}
    for device in (a, b):
        assert tags(device) == expected


def _push(server: Server, token: str, *ops: tuple[str, dict]) -> list[dict]:
    body = {
        "ops": [
            {"op_id": f"probe-{i}-{datetime.now(UTC).timestamp()}", "kind": k, "payload": p}
            for i, (k, p) in enumerate(ops)
        ]
    }
    response = requests.post(
        server.url("/api/v1/push"), json=body, headers=bearer(token), timeout=30
    )
    assert response.status_code == 200, response.text
    return response.json()["results"]


def test_a_grassroots_account_cannot_touch_a_siblings_records(server: Server):
    school = server.accounts["jiangning-school1"]
    sql = "SELECT scope_path FROM organizations WHERE id = :o"
    path = server_rows(server, sql, o=school.org_id)
    outside = {"p": path[0][0] + "%", "h": f"%/{server.seeded.home_org_id}/%"}
    registration = server_rows(
        server,
        "SELECT id, status FROM registrations WHERE scope_path NOT LIKE :p AND scope_path LIKE :h"
        " AND status = 'pending' ORDER BY id",
        **outside,
    )
    follower = server_rows(
        server,
        "SELECT id, tags FROM followers WHERE scope_path NOT LIKE :p AND scope_path LIKE :h"
        " ORDER BY id",
        **outside,
    )
    sibling = next(a for n, a in server.accounts.items() if n not in (HOME, school.username))
    assert registration and follower
    token = login(server, school.username).json()["token"]
    results = _push(
        server,
        token,
        (Kind.REGISTRATION_REVIEW, {"id": registration[0][0], "decision": "approve", "reason": ""}),
        (Kind.REGISTRATION_CANCEL, {"id": registration[0][0]}),
        (Kind.FOLLOWER_TAG, {"ids": [follower[0][0]], "add": ["越权"], "remove": []}),
        (Kind.NOTICE_SEND, {"id": "n-x", "org_id": sibling.org_id, "title": "t", "body": "b"}),
    )
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "not_found")] * 4
    assert _status(server, registration[0][0]) == "pending"
    tags = server_rows(server, "SELECT tags FROM followers WHERE id = :f", f=follower[0][0])
    assert tags[0][0] == follower[0][1]
    assert server_rows(server, "SELECT count(*) FROM notices WHERE id = 'n-x'")[0][0] == 0


def test_a_youth_token_cannot_cancel_another_youths_registration(server: Server):
    owner, other = YouthClient(server), YouthClient(server, "李小明")
    activity = _registering(owner, requires_review=True)
    registration = owner.register(activity["id"])
    response = other.call("POST", f"/registrations/{registration['id']}/cancel")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert _status(server, registration["id"]) == "pending"
    # nor review it, nor push anything with a youth token
    assert other.call("GET", "/activities").status_code == 200
    push = requests.post(
        server.url("/api/v1/push"), json={"ops": []}, headers=bearer(other.token), timeout=10
    )
    assert push.status_code == 401
    assert owner.call("POST", f"/registrations/{registration['id']}/cancel").status_code == 200


def test_revealing_personal_data_needs_the_permission(devices, server: Server):
    county = devices("county")
    assert session.has_permission(county.store, "reveal_personal_data")
    grassroots = devices("school", username="jiangning-school1")
    assert not session.has_permission(grassroots.store, "reveal_personal_data")
    youth = server_rows(server, "SELECT id FROM youths ORDER BY id LIMIT 1")[0][0]
    for device in (county, grassroots):
        client = session.connect(device.store)
        try:
            [result] = client.push(
                [
                    {
                        "op_id": f"reveal-{device.store.device_id}",
                        "kind": Kind.PERSONAL_REVEAL,
                        "payload": {"table": "youths", "id": youth, "fields": ["phone"]},
                        "occurred_at": datetime.now(UTC).isoformat(),
                        "device_id": device.store.device_id,
                    }
                ]
            )
        finally:
            client.close()
        expected = "applied" if device is county else "rejected"
        assert result.status.value == expected
    assert result.code == "permission_denied"
    sql = (
        "SELECT count(*) FROM applied_ops WHERE kind = "
        f"'{Kind.PERSONAL_REVEAL}' AND seq IS NOT NULL"
    )
    logged = server_rows(server, sql)
    assert logged[0][0] == 1  # the county's reveal, in the audit log


def test_the_simulator_registers_and_follows_through_the_public_api(server: Server):
    before = server_rows(server, "SELECT count(*) FROM applied_ops WHERE youth_id IS NOT NULL")
    done = run_cli(
        "simulate",
        "--url",
        server.base_url,
        "--youths",
        "6",
        "--rate",
        "50",
        "--duration",
        "20",
        "--seed",
        "7",
        "--sms-outbox",
        str(server.sms_outbox),
    )
    assert done.returncode == 0, done.stderr
    assert "youths: 6" in done.stdout
    assert "failures: 0" in done.stdout
    after = server_rows(server, "SELECT count(*) FROM applied_ops WHERE youth_id IS NOT NULL")
    assert after[0][0] >= before[0][0] + 6  # at least each youth's creation
    assert "internal_error" not in server.log.read_text()


def test_public_api_refuses_bad_input_plainly(server: Server):
    url = server.url(f"{PUBLIC}/youths")
    assert request_code(server, "13812345678").status_code == 202
    code = sent_code(server, "13812345678")  # refused forms give it back for the next one
    for body in (
        {"name": "李明", "phone": "12345"},
        {"name": "", "phone": "13812345678"},
        {"name": "李\x00明", "phone": "13812345678"},
        {"name": "李明", "phone": "13812345678", "birth_date": "2999-01-01"},
        {"name": "李明", "phone": "13812345678", "region_code": "110101"},
    ):
        response = requests.post(url, json={**body, "code": code}, timeout=10)
        assert response.status_code == 422, (body, response.text)
        assert response.json()["message"]
    assert requests.get(server.url(f"{PUBLIC}/activities"), timeout=10).status_code == 401
    assert ServerClient(ClientConfig(base_url=server.base_url)).health()["status"] == "ok"
