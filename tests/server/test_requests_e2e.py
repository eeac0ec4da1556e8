"""End to end with youth requests (诉求): a real server process, youths on its public API, cadres'
devices classifying, assigning, replying and archiving offline, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import requests as http
from sqlalchemy import select

from sync.client.store.tables import request_events
from sync.client.store.tables import requests as request_table
from sync.core.operations import Kind
from sync.core.protocol import REVEAL_PATH
from tests.server.conftest import Server, bearer, login, server_rows
from tests.server.test_youth_e2e import HOME, YouthClient, _push

SCHOOL = "jiangning-school1"


def _submit(youth: YouthClient, text: str, **extra) -> dict:
    response = youth.call("POST", "/requests", json={"text": text, **extra})
    assert response.status_code == 201, response.text
    return response.json()


def _local(device, request_id: str) -> dict | None:
    with device.store.engine.connect() as conn:
        row = conn.execute(select(request_table).where(request_table.c.id == request_id)).first()
    return dict(row._mapping) if row else None


def _local_events(device, request_id: str) -> list[tuple[str, str]]:
    with device.store.engine.connect() as conn:
        rows = conn.execute(
            select(request_events.c.action, request_events.c.detail)
            .where(request_events.c.request_id == request_id)
            .order_by(request_events.c.at, request_events.c.id)
        )
        return [tuple(r) for r in rows]


def _server_events(server: Server, request_id: str) -> list[tuple[str, str]]:
    rows = server_rows(
        server,
        "SELECT action, actor FROM request_events WHERE request_id = :r ORDER BY at, id",
        r=request_id,
    )
    return [tuple(r) for r in rows]


def _sibling(server: Server) -> str:
    """A grassroots account of the county whose organisation is not the school's."""
    paths = {
        name: server_rows(
            server, "SELECT scope_path FROM organizations WHERE id = :o", o=account.org_id
        )[0][0]
        for name, account in server.accounts.items()
    }
    school = paths[SCHOOL]
    return next(
        name
        for name, path in sorted(paths.items())
        if name not in (HOME, SCHOOL)
        and path.startswith(paths[HOME])
        and not path.startswith(school)
        and not school.startswith(path)
    )


def test_a_request_is_classified_assigned_and_answered_offline_and_the_youth_reads_it(
    devices, server: Server
):
    youth = YouthClient(server)
    county = server.accounts[HOME].org_id
    sent = _submit(
        youth,
        "想咨询返乡创业补贴怎么申请，电话13912345678",
        category_guess="就业创业",
        contact="phone",
        org_id=county,
    )
    assert sent["state"] == "new" and sent["org_id"] == county
    assert "13912345678" not in sent["text"] and "139****5678" in sent["text"]

    a = devices("a")
    a.sync()
    assert _local(a, sent["id"])["state"] == "new"
    school_org = server.accounts[SCHOOL].org_id
    # offline: sorted, handed down, answered
    a.store.classify_request(sent["id"], "就业创业")
    a.store.assign_request(sent["id"], school_org)
    a.store.reply_request(sent["id"], "请携带身份证到区人社局创业指导窗口办理。")
    assert server_rows(server, "SELECT state FROM requests WHERE id = :r", r=sent["id"]) == [
        ("new",)
    ]
    a.sync()

    seen = youth.call("GET", f"/requests/{sent['id']}").json()
    assert seen["state"] == "replied" and seen["category"] == "就业创业"
    assert seen["org_id"] == school_org
    last = seen["messages"][-1]
    assert (last["from_youth"], last["text"]) == (False, "请携带身份证到区人社局创业指导窗口办理。")
    assert [a for a, _ in _server_events(server, sent["id"])] == [
        "submitted",
        "classified",
        "assigned",
        "replied",
    ]
    assert {actor for _, actor in _server_events(server, sent["id"])} == {"youth", HOME}

    # the school's account sees it, with its whole history; a sibling never does
    school = devices("school", username=SCHOOL)
    school.sync()
    assert _local(school, sent["id"])["state"] == "replied"
    history = [action for action, _ in _local_events(school, sent["id"])]
    assert history == ["submitted", "classified", "assigned", "replied"]
    sibling = devices("sibling", username=_sibling(server))
    sibling.sync()
    assert _local(sibling, sent["id"]) is None
    with sibling.store.engine.connect() as conn:
        assert conn.execute(select(request_events)).first() is None

    # the youth adds to it: it waits for a reply again, in the school's queue
    added = youth.call(
        "POST", f"/requests/{sent['id']}/messages", json={"text": "需要带户口本吗？"}
    )
    assert added.status_code == 200, added.text
    assert added.json()["state"] == "assigned"
    school.sync()
    assert _local(school, sent["id"])["state"] == "assigned"
    assert _local_events(school, sent["id"])[-1] == ("added", "需要带户口本吗？")


def test_two_offline_classifications_become_a_conflict_and_replies_are_both_kept(
    devices, server: Server
):
    youth = YouthClient(server)
    sent = _submit(youth, "学校附近有心理咨询的地方吗？", org_id=server.accounts[HOME].org_id)
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()

    a.store.classify_request(sent["id"], "心理健康")
    b.store.classify_request(sent["id"], "学业")
    a.store.reply_request(sent["id"], "区青少年服务中心每周三有免费心理咨询。")
    b.store.reply_request(sent["id"], "也可拨打 12355 青少年服务台。")
    a.sync()
    report = b.sync()
    assert report.conflicts == 1

    (conflict,) = b.store.open_conflicts()
    assert (conflict["table_name"], conflict["field"]) == ("requests", "category")
    assert (conflict["mine"], conflict["theirs"]) == ("学业", "心理健康")
    assert conflict["record_title"].startswith("学校附近")
    replies = [d for act, d in _local_events(b, sent["id"]) if act == "replied"]
    assert sorted(replies) == sorted(
        ["区青少年服务中心每周三有免费心理咨询。", "也可拨打 12355 青少年服务台。"]
    )
    seen = youth.call("GET", f"/requests/{sent['id']}").json()
    assert [m["text"] for m in seen["messages"] if not m["from_youth"]] == [
        "区青少年服务中心每周三有免费心理咨询。",
        "也可拨打 12355 青少年服务台。",
    ]

    b.store.resolve_conflict(conflict["id"], use_mine=True)
    b.sync()
    category = server_rows(server, "SELECT category FROM requests WHERE id = :r", r=sent["id"])
    assert category == [("学业",)]
    assert b.store.open_conflicts() == []


def test_a_reply_to_a_request_archived_meanwhile_is_kept_and_reopens_it(devices, server):
    youth = YouthClient(server)
    sent = _submit(youth, "社区篮球场晚上能开灯吗？", org_id=server.accounts[HOME].org_id)
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    a.store.archive_requests([sent["id"]])
    b.store.reply_request(sent["id"], "已联系街道，下周起开放到晚上九点。")
    a.sync()
    assert youth.call("GET", f"/requests/{sent['id']}").json()["state"] == "archived"
    b.sync()
    (answer,) = server_rows(
        server, "SELECT result FROM applied_ops WHERE kind = :k", k=Kind.REQUEST_REPLY.value
    )
    assert json.loads(answer[0])["code"] == "request_reopened"
    seen = youth.call("GET", f"/requests/{sent['id']}").json()
    assert seen["state"] == "replied"
    assert seen["messages"][-1]["text"] == "已联系街道，下周起开放到晚上九点。"
    assert [a for a, _ in _server_events(server, sent["id"])][-3:] == [
        "archived",
        "replied",
        "reopened",
    ]
    a.sync()
    assert _local(a, sent["id"])["state"] == "replied"
    assert _local(a, sent["id"])["archived_at"] is None


def test_assigning_goes_only_downwards_and_a_sibling_cannot_touch_a_request(devices, server):
    youth = YouthClient(server)
    school_org = server.accounts[SCHOOL].org_id
    sent = _submit(youth, "想报名暑期支教，有名额吗？", org_id=school_org)
    school_token = login(server, SCHOOL).json()["token"]
    county = server.accounts[HOME].org_id
    (up,) = _push(server, school_token, (Kind.REQUEST_ASSIGN, {"id": sent["id"], "org_id": county}))
    assert (up["status"], up["code"]) == ("rejected", "not_found")  # the county is above it
    sibling_token = login(server, _sibling(server)).json()["token"]
    results = _push(
        server,
        sibling_token,
        (Kind.REQUEST_REPLY, {"id": sent["id"], "text": "越权答复"}),
        (Kind.REQUEST_ARCHIVE, {"id": sent["id"]}),
        (Kind.REQUEST_CLASSIFY, {"id": sent["id"], "changes": {"category": "学业"}}),
    )
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "not_found")] * 3
    county_token = login(server, HOME).json()["token"]
    (sideways,) = _push(
        server, county_token, (Kind.REQUEST_ASSIGN, {"id": sent["id"], "org_id": county})
    )
    assert (sideways["status"], sideways["code"]) == ("rejected", "not_subordinate")
    assert _server_events(server, sent["id"]) == [("submitted", "youth")]


def test_a_youth_submits_only_so_often_and_reads_only_their_own(seeded_database, server_factory):
    database_url, seeded = seeded_database
    server = server_factory(database_url, seeded=seeded, SUQING_REQUESTS_PER_DAY="2")
    youth, other = YouthClient(server), YouthClient(server, "李小明")
    first = _submit(youth, "第一条")  # no organisation named: the root's queue sorts it down
    root = server_rows(server, "SELECT id FROM organizations WHERE parent_id IS NULL")
    assert first["org_id"] == root[0][0]
    _submit(youth, "第二条")
    third = youth.call("POST", "/requests", json={"text": "第三条"})
    assert third.status_code == 429
    assert third.json()["code"] == "too_many_requests"
    assert len(youth.call("GET", "/requests").json()) == 2
    assert other.call("GET", f"/requests/{first['id']}").status_code == 404
    added = other.call("POST", f"/requests/{first['id']}/messages", json={"text": "x"})
    assert added.json()["code"] == "not_found"
    assert other.call("POST", "/requests", json={"text": " "}).status_code == 422
    cadre = login(server, HOME).json()["token"]
    url = server.url("/api/v1/public/requests")
    assert http.get(url, headers=bearer(cadre), timeout=10).status_code == 401


def test_the_phone_of_a_youth_asking_to_be_called_back_can_be_revealed(server: Server):
    county = server.accounts[HOME].org_id
    calls, online = YouthClient(server), YouthClient(server, "李小明")
    _submit(calls, "请打电话给我，想咨询创业补贴", contact="phone", org_id=county)
    _submit(online, "网上回复即可", contact="app", org_id=county)
    token = login(server, HOME).json()["token"]  # the demo county account may reveal, logged
    answer = http.post(
        server.url(REVEAL_PATH),
        json={"youth_ids": [calls.id, online.id]},
        headers=bearer(token),
        timeout=10,
    ).json()
    phone = server_rows(server, "SELECT phone FROM youths WHERE id = :y", y=calls.id)[0][0]
    assert [(y["id"], y["phone"]) for y in answer["youths"]] == [(calls.id, phone)]
    assert answer["refused"] == [online.id]
    # a sibling's account sees neither (and a grassroots account lacks the permission anyway)
    school = login(server, _sibling(server)).json()["token"]
    refused = http.post(
        server.url(REVEAL_PATH), json={"youth_ids": [calls.id]}, headers=bearer(school), timeout=10
    )
    assert refused.status_code == 403
