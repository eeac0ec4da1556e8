"""Every route × scope: a grassroots account A cannot read or change the data of its sibling B.

Routes are enumerated from the running server's /openapi.json and operation kinds from
`sync.core.operations.HANDLERS`, so a route or a kind added later without a row in the tables below
fails `test_every_route_and_operation_kind_is_in_the_matrix` with a message saying what to add.
Adding one is a one-line entry:

- ROUTES: (method, path) → how the route is checked:
    "public"  answers without a token (health, sign-in, a public youth API);
    "reads"   an authenticated read: 401 without a token; as A its response carries none of B's
              record ids (path parameters are filled with B's ids: expect 404);
    "pull"    the change feed: every page as A, none of B's rows;
    "push"    every operation kind of OP_KINDS, aimed at B's records: rejected `not_found`, and
              B's rows on the server unchanged;
    "me"      who-am-I: A's own account, never B's;
    "logout"  revokes only the token it is called with;
    "reveal"  the reveal of whole numbers: A (no permission) asking for B's youth is refused 403
              and told nothing of B (the rules for accounts with the permission are in
              tests/server/test_personal_data.py);
    "youth"   a route of the public youth API: a cadre's token is no youth's (401), nor is none.
              That a youth acts only on their own records is tests/server/test_youth_e2e.py's.
- OP_KINDS: kind → a payload touching B's records, built from `Sibling` (B's ids and rows).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
import requests

from sync.core import operations
from sync.core.ids import uuid7
from sync.core.operations import Kind
from sync.core.records import ACTIVITY_EDITABLE_FIELDS
from tests.server.conftest import Server, bearer, login, server_rows
from tests.server.test_youth_e2e import YouthClient

ROUTES: dict[tuple[str, str], str] = {
    ("GET", "/healthz"): "public",
    ("POST", "/api/v1/login"): "public",
    ("POST", "/api/v1/logout"): "logout",
    ("GET", "/api/v1/me"): "me",
    ("POST", "/api/v1/push"): "push",
    ("GET", "/api/v1/changes"): "pull",
    ("GET", "/api/v1/snapshot"): "reads",
    ("POST", "/api/v1/personal/reveal"): "reveal",
    ("GET", "/api/v1/activities/{activity_id}/checkin-codes"): "reads",
    ("GET", "/api/v1/activities/{activity_id}/hours"): "reads",
    ("POST", "/api/v1/public/youths/code"): "public",
    ("POST", "/api/v1/public/youths"): "public",
    ("GET", "/api/v1/public/activities"): "youth",
    ("POST", "/api/v1/public/registrations"): "youth",
    ("POST", "/api/v1/public/registrations/{registration_id}/cancel"): "youth",
    ("GET", "/api/v1/public/registrations/{registration_id}/code"): "youth",
    ("PUT", "/api/v1/public/organizations/{org_id}/follow"): "youth",
    ("DELETE", "/api/v1/public/organizations/{org_id}/follow"): "youth",
    ("POST", "/api/v1/public/requests"): "youth",
    ("GET", "/api/v1/public/requests"): "youth",
    ("GET", "/api/v1/public/requests/{request_id}"): "youth",
    ("POST", "/api/v1/public/requests/{request_id}/messages"): "youth",
}

OP_KINDS: dict[str, Callable[[Sibling], dict[str, Any]]] = {
    Kind.ACTIVITY_CREATE: lambda b: {
        "id": uuid7(),
        "org_id": b.org_id,
        "fields": b.activity_fields,
    },
    Kind.ACTIVITY_UPDATE: lambda b: {
        "id": b.activity_id,
        "base_version": b.activity["version"],
        "changes": {"title": "越权修改"},
        "before": {"title": b.activity["title"]},
    },
    Kind.ACTIVITY_TRANSITION: lambda b: {"id": b.activity_id, "to": "cancelled"},
    Kind.ACTIVITY_DELETE: lambda b: {"id": b.draft_id},
    Kind.REGISTRATION_REVIEW: lambda b: {
        "id": b.registration_id,
        "decision": "reject",
        "reason": "x",
    },
    Kind.REGISTRATION_CREATE: lambda b: {
        "id": uuid7(),
        "activity_id": b.activity_id,
        "youth": {"id": uuid7(), "name": "越权报名", "phone": "13800138000"},
        "source": "walk_in",
    },
    Kind.REGISTRATION_CANCEL: lambda b: {"id": b.registration_id},
    Kind.FOLLOWER_TAG: lambda b: {"ids": [b.follower_id], "add": ["越权"], "remove": []},
    Kind.NOTICE_SEND: lambda b: {
        "id": uuid7(),
        "org_id": b.org_id,
        "title": "越权通知",
        "body": "不应送达",
        "tag": "",
    },
    Kind.YOUTH_CONSENT: lambda b: {"id": b.youth_id, "status": "given"},
    # a sibling is not above B: B's organisation reads as absent (B itself: target_own_org)
    Kind.TARGET_SET: lambda b: {
        "id": uuid7(),
        "org_id": b.org_id,
        "fields": {
            "period_start": "2026-09-01",
            "period_end": "2026-12-31",
            "featured_activities": 0,
            "participants": 0,
        },
    },
    Kind.PERSONAL_REVEAL: lambda b: {
        "table": "registrations",
        "id": b.registration_id,
        "fields": ["phone"],
    },
    Kind.CHECKIN_IN: lambda b: {
        "id": uuid7(),
        "registration_id": b.registration_id,
        "at": "2026-11-24T10:00:00+08:00",
    },
    Kind.CHECKIN_OUT: lambda b: {
        "id": uuid7(),
        "registration_id": b.registration_id,
        "at": "2026-11-24T10:00:00+08:00",
    },
    # B's check-in event made by B in the test below does not exist yet: A's void of an event
    # id is refused like any other record out of reach.
    Kind.CHECKIN_VOID: lambda b: {
        "id": uuid7(),
        "voids": b.registration_id,
        "at": "2026-11-24T10:00:00+08:00",
        "reason": "越权撤销",
    },
    # 志愿时长: only within the scope of the activity's organisation
    Kind.CHECKIN_ADJUST: lambda b: {
        "id": uuid7(),
        "registration_id": b.registration_id,
        "hours": 8.0,
        "reason": "越权更正",
        "at": "2026-11-24T10:00:00+08:00",
    },
    Kind.CHECKIN_CONFIRM: lambda b: {"id": b.activity_id, "at": "2026-11-24T10:00:00+08:00"},
    Kind.ACTIVITY_HOURS_RULE: lambda b: {
        "id": b.activity_id,
        "min_stay": 0,
        "step": 1,
        "daily_cap": 1440,
    },
    # Kinds only a youth may send (through the public API): refused to every cadre.
    Kind.YOUTH_CREATE: lambda b: {"id": uuid7(), "name": "越权", "phone": "13800138001"},
    Kind.FOLLOWER_FOLLOW: lambda b: {"id": uuid7(), "org_id": b.org_id},
    Kind.FOLLOWER_UNFOLLOW: lambda b: {"id": b.follower_id},
    Kind.REQUEST_SUBMIT: lambda b: {"id": uuid7(), "org_id": b.org_id, "text": "越权诉求"},
    Kind.REQUEST_ADD: lambda b: {"id": b.request_id, "text": "越权补充"},
    Kind.REQUEST_CLASSIFY: lambda b: {
        "id": b.request_id,
        "changes": {"category": "学业"},
        "before": {"category": ""},
    },
    Kind.REQUEST_ASSIGN: lambda b: {"id": b.request_id, "org_id": b.org_id},
    Kind.REQUEST_REPLY: lambda b: {"id": b.request_id, "text": "越权答复"},
    Kind.REQUEST_ARCHIVE: lambda b: {"id": b.request_id},
}

# What A is told instead of `not_found` where the refusal comes before the scope: kinds no
# cadre may send, and a reveal by an account without the permission (demo grassroots accounts
# have none; the reveal's scope is the same `get` as every other kind's).
EXPECTED_CODE = {
    Kind.YOUTH_CREATE: "not_allowed",
    Kind.FOLLOWER_FOLLOW: "not_allowed",
    Kind.FOLLOWER_UNFOLLOW: "not_allowed",
    Kind.REQUEST_SUBMIT: "not_allowed",
    Kind.REQUEST_ADD: "not_allowed",
    Kind.PERSONAL_REVEAL: "permission_denied",
}

# Tables whose rows belong to an organisation (youths and categories are shared).
SCOPED_TABLES = (
    "organizations",
    "activities",
    "registrations",
    "followers",
    "requests",
    "request_events",
    "checkin_events",
)
# Path parameters a "reads" route may name, filled with B's ids.
PATH_IDS = {
    "org_id": "org_id",
    "activity_id": "activity_id",
    "registration_id": "registration_id",
    "id": "activity_id",
    "request_id": "request_id",
}


@dataclass
class Sibling:
    """Account B and the records of its organisation, as the server holds them."""

    username: str
    token: str
    org_id: str
    path: str
    activity_id: str
    activity: dict[str, Any]
    draft_id: str
    registration_id: str
    follower_id: str
    youth_id: str  # a youth whose registrations and follows are all B's
    request_id: str  # a youth's request (诉求) in B's queue

    @property
    def activity_fields(self) -> dict[str, Any]:
        from sync.core.codec import to_json
        from sync.core.records import Activity

        return to_json(Activity, {k: self.activity[k] for k in ACTIVITY_EDITABLE_FIELDS})


@dataclass
class Matrix:
    server: Server
    a_token: str
    a_org_id: str
    b: Sibling


def _path_of(server: Server, org_id: str) -> str:
    return server_rows(server, "SELECT scope_path FROM organizations WHERE id = :i", i=org_id)[0][0]


def _b_rows(server: Server, path: str) -> dict[str, set[tuple]]:
    """Every row B owns, with version, change sequence and deletion mark: any change shows."""
    found = {}
    for table in SCOPED_TABLES:
        rows = server_rows(
            server,
            f"SELECT id, version, seq, deleted FROM {table} WHERE scope_path LIKE :p",
            p=path + "%",
        )
        found[table] = {tuple(r) for r in rows}
    return found


def _activity(server: Server, activity_id: str) -> dict[str, Any]:
    """The server's row through its table definition, so times come back timezone-aware."""
    from sqlalchemy import create_engine, select

    from sync.server.tables import RECORDS

    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            t = RECORDS["activities"]
            return dict(conn.execute(select(t).where(t.c.id == activity_id)).one()._mapping)
    finally:
        engine.dispose()


def _token(server: Server, username: str) -> str:
    response = login(server, username)
    assert response.status_code == 200, response.text
    return response.json()["token"]


@pytest.fixture
def matrix(server: Server) -> Matrix:
    """A and B: two grassroots accounts whose organisations are siblings; B the one with the
    most activities (it needs a draft and a registration for the pushes to aim at)."""
    paths = {u: _path_of(server, a.org_id) for u, a in server.accounts.items() if u != "jiangning"}

    def siblings(x: str, y: str) -> bool:
        return x != y and not paths[x].startswith(paths[y]) and not paths[y].startswith(paths[x])

    def activity_count(username: str) -> int:
        sql = "SELECT count(*) FROM activities WHERE scope_path LIKE :p AND deleted = :d"
        return server_rows(server, sql, p=paths[username] + "%", d=False)[0][0]

    candidates = sorted(paths, key=activity_count, reverse=True)
    b_name = candidates[0]
    a_name = next((u for u in candidates if siblings(u, b_name)), None)
    assert a_name is not None, "the demo seeded no two sibling grassroots accounts"
    b_path = paths[b_name]

    def one(sql: str) -> Any:
        row = server_rows(server, sql, p=b_path + "%", d=False)
        return row[0] if row else None

    activity_id = one(
        "SELECT id FROM activities WHERE scope_path LIKE :p AND deleted = :d "
        "ORDER BY (status = 'published') DESC, id LIMIT 1"
    )
    assert activity_id is not None, f"{b_name} has no activity in the demo"
    draft = one(
        "SELECT id FROM activities WHERE scope_path LIKE :p AND deleted = :d "
        "AND status = 'draft' ORDER BY id LIMIT 1"
    )
    registration = one(
        "SELECT id FROM registrations WHERE scope_path LIKE :p AND deleted = :d ORDER BY id LIMIT 1"
    )
    assert registration is not None, f"{b_name} has no registration in the demo"
    follower = one(
        "SELECT id FROM followers WHERE scope_path LIKE :p AND deleted = :d ORDER BY id LIMIT 1"
    )
    assert follower is not None, f"{b_name} has no follower in the demo"
    youth = one(
        "SELECT r.youth_id FROM registrations r WHERE r.scope_path LIKE :p AND r.deleted = :d "
        "AND NOT EXISTS (SELECT 1 FROM registrations o "
        "WHERE o.youth_id = r.youth_id AND o.scope_path NOT LIKE :p) "
        "AND NOT EXISTS (SELECT 1 FROM followers f "
        "WHERE f.youth_id = r.youth_id AND f.scope_path NOT LIKE :p) ORDER BY r.youth_id LIMIT 1"
    )
    assert youth is not None, f"{b_name} has no youth of its own in the demo"
    asking = YouthClient(server)
    body = {"text": "只给 B 的诉求", "org_id": server.accounts[b_name].org_id}
    request = asking.call("POST", "/requests", json=body)
    assert request.status_code == 201, request.text
    b = Sibling(
        username=b_name,
        token=_token(server, b_name),
        org_id=server.accounts[b_name].org_id,
        path=b_path,
        activity_id=activity_id.id,
        activity=_activity(server, activity_id.id),
        draft_id=draft.id if draft else activity_id.id,
        registration_id=registration.id,
        follower_id=follower.id,
        youth_id=youth.youth_id,
        request_id=request.json()["id"],
    )
    return Matrix(server, _token(server, a_name), server.accounts[a_name].org_id, b)


def _routes(server: Server) -> set[tuple[str, str]]:
    spec = requests.get(server.url("/openapi.json"), timeout=10).json()
    return {(m.upper(), p) for p, item in spec["paths"].items() for m in item if m != "parameters"}


def _b_ids(m: Matrix) -> set[str]:
    return {row[0] for rows in _b_rows(m.server, m.b.path).values() for row in rows}


def _body_text(response: requests.Response) -> str:
    """The response as text, a gzip file (a snapshot download) unpacked; binary kept as latin-1
    so ids stored as text in it are still found."""
    content = response.content
    if content[:2] == b"\x1f\x8b":
        content = gzip.decompress(content)
    return content.decode("latin-1")


# --- the checks ----------------------------------------------------------------------------------


def check_public(m: Matrix, method: str, path: str) -> None:
    response = requests.request(method, m.server.url(path), json={}, timeout=10)
    assert response.status_code != 401 and response.status_code < 500, (path, response.text)


def check_reads(m: Matrix, method: str, path: str) -> None:
    params = re.findall(r"{(\w+)}", path)
    missing = [p for p in params if p not in PATH_IDS]
    assert not missing, f"{method} {path}: add its path parameter(s) {missing} to PATH_IDS"
    filled = path
    for name in params:
        filled = filled.replace("{" + name + "}", getattr(m.b, PATH_IDS[name]))
    response = requests.request(method, m.server.url(filled), headers=bearer(m.a_token), timeout=60)
    if params:
        assert response.status_code in (403, 404), (filled, response.status_code)
    else:
        assert response.status_code == 200, (filled, response.text[:300])
    leaked = {i for i in _b_ids(m) if i in _body_text(response)}
    assert not leaked, f"{method} {path} shows A {len(leaked)} of B's records"


def check_pull(m: Matrix, method: str, path: str) -> None:
    seen: dict[str, set[str]] = {t: set() for t in SCOPED_TABLES}
    cursor, more = 0, True
    while more:
        response = requests.get(
            m.server.url(path),
            params={"after": cursor, "limit": 500},
            headers=bearer(m.a_token),
            timeout=60,
        )
        assert response.status_code == 200, response.text
        page = response.json()
        for table in SCOPED_TABLES:
            seen[table] |= {r["id"] for r in page["rows"].get(table, [])}
            seen[table] |= set(page["deleted"].get(table, []))
        cursor, more = page["cursor"], page["more"]
    assert m.a_org_id in seen["organizations"]  # A does see its own
    b_rows = _b_rows(m.server, m.b.path)
    for table in SCOPED_TABLES:
        leaked = seen[table] & {row[0] for row in b_rows[table]}
        assert not leaked, f"A's pull carries {len(leaked)} of B's {table}"


def check_push(m: Matrix, method: str, path: str) -> None:
    before = _b_rows(m.server, m.b.path)
    ops = [
        {
            "op_id": f"matrix-{kind}-{uuid7()}",
            "kind": kind,
            "payload": build(m.b),
            "occurred_at": "2026-11-24T10:00:00+08:00",
            "device_id": "matrix",
        }
        for kind, build in OP_KINDS.items()
    ]
    response = requests.post(
        m.server.url(path), json={"ops": ops}, headers=bearer(m.a_token), timeout=60
    )
    assert response.status_code == 200, response.text
    results = {r["op_id"]: r for r in response.json()["results"]}
    for op in ops:
        result = results[op["op_id"]]
        code = EXPECTED_CODE.get(op["kind"], "not_found")
        assert (result["status"], result["code"]) == ("rejected", code), (op["kind"], result)
    assert _b_rows(m.server, m.b.path) == before, "a refused operation changed B's rows"
    created = OP_KINDS[Kind.ACTIVITY_CREATE]  # nothing was created under B either
    assert created and not server_rows(
        m.server,
        "SELECT id FROM activities WHERE id = :i",
        i=next(o for o in ops if o["kind"] == Kind.ACTIVITY_CREATE)["payload"]["id"],
    )


def check_me(m: Matrix, method: str, path: str) -> None:
    response = requests.request(method, m.server.url(path), headers=bearer(m.a_token), timeout=10)
    assert response.status_code == 200
    assert response.json()["org_id"] == m.a_org_id != m.b.org_id


def check_logout(m: Matrix, method: str, path: str) -> None:
    other = _token(m.server, next(u for u in m.server.accounts if u != m.b.username))
    assert requests.request(method, m.server.url(path), headers=bearer(other), timeout=10).ok
    me = m.server.url("/api/v1/me")
    assert requests.get(me, headers=bearer(other), timeout=10).status_code == 401
    assert requests.get(me, headers=bearer(m.b.token), timeout=10).status_code == 200


def check_reveal(m: Matrix, method: str, path: str) -> None:
    response = requests.request(
        method,
        m.server.url(path),
        json={"youth_ids": [m.b.youth_id]},
        headers=bearer(m.a_token),
        timeout=10,
    )
    assert response.status_code == 403, (path, response.text)
    assert not {i for i in _b_ids(m) | {m.b.youth_id} if i in response.text}


def check_youth(m: Matrix, method: str, path: str) -> None:
    filled = path
    for name in re.findall(r"{(\w+)}", path):
        filled = filled.replace("{" + name + "}", getattr(m.b, PATH_IDS[name]))
    for headers in ({}, bearer(m.a_token)):
        response = requests.request(
            method, m.server.url(filled), json={}, headers=headers, timeout=10
        )
        assert response.status_code == 401, (method, filled, headers, response.status_code)


CHECKS: dict[str, Callable[[Matrix, str, str], None]] = {
    "public": check_public,
    "reads": check_reads,
    "pull": check_pull,
    "push": check_push,
    "me": check_me,
    "logout": check_logout,
    "reveal": check_reveal,
    "youth": check_youth,
}


# --- the tests -----------------------------------------------------------------------------------


def test_every_route_and_operation_kind_is_in_the_matrix(server: Server):
    routes = _routes(server)
    missing = sorted(routes - set(ROUTES))
    assert not missing, (
        f"routes without a row in ROUTES of {__name__}: {missing}; add one per route saying "
        f"how its scope is checked ({', '.join(CHECKS)})"
    )
    gone = sorted(set(ROUTES) - routes)
    assert not gone, f"ROUTES names routes the server no longer has: {gone}"
    assert set(ROUTES.values()) <= set(CHECKS)
    kinds = sorted(set(operations.HANDLERS) - set(OP_KINDS))
    assert not kinds, (
        f"operation kinds without a row in OP_KINDS: {kinds}; add a payload aimed at B's records"
    )


def test_without_a_valid_token_every_private_route_answers_401(server: Server):
    for (method, path), check in sorted(ROUTES.items()):
        if check in ("public", "youth"):  # youth routes: check_youth
            continue
        url = server.url(re.sub(r"{\w+}", "x", path))
        body = {"ops": []} if check == "push" else {}
        for headers in ({}, bearer("not-a-token")):
            response = requests.request(method, url, json=body, headers=headers, timeout=10)
            assert response.status_code == 401, (method, path, headers, response.status_code)


def test_account_a_cannot_read_or_change_sibling_b(matrix: Matrix):
    failures = []
    for (method, path), check in sorted(ROUTES.items()):
        try:
            CHECKS[check](matrix, method, path)
        except AssertionError as error:
            failures.append(f"{method} {path} ({check}): {error}")
    assert not failures, "\n".join(failures)


# Kinds whose payloads B may send itself (the cadre kinds a grassroots account may use).
OWN_KINDS = (
    Kind.ACTIVITY_CREATE,
    Kind.ACTIVITY_UPDATE,
    Kind.FOLLOWER_TAG,
    Kind.NOTICE_SEND,
    Kind.YOUTH_CONSENT,
    Kind.REGISTRATION_CREATE,
    Kind.REGISTRATION_CANCEL,
    Kind.CHECKIN_IN,
    Kind.CHECKIN_OUT,
    Kind.CHECKIN_ADJUST,
    Kind.ACTIVITY_HOURS_RULE,
)


def test_b_can_change_its_own_records_the_push_check_is_not_vacuous(matrix: Matrix):
    """The payloads A was refused are valid: sent by B they apply (so `not_found` above came
    from scope, not from a malformed payload)."""
    b = matrix.b
    ops = [
        {"op_id": f"own-{kind}-{uuid7()}", "kind": kind, "payload": OP_KINDS[kind](b)}
        for kind in OWN_KINDS
    ]
    response = requests.post(
        matrix.server.url("/api/v1/push"), json={"ops": ops}, headers=bearer(b.token), timeout=60
    )
    assert response.status_code == 200, response.text
    statuses = [r["status"] for r in response.json()["results"]]
    # "changed" is applied too: the check-in of a registration cancelled just before is kept
    # and said so (`checkin_not_admitted`)
    assert set(statuses) <= {"applied", "changed"}, json.dumps(response.json(), ensure_ascii=False)
