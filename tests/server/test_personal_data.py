"""Personal numbers are the server's to give: every route × every role, no whole phone or ID
number leaves the server except through the logged reveal, to an account with the permission,
for a youth who came to it by their own act. And a cadre's walk-in is matched to the youth who
holds its phone on the server, never guessed.

Routes are enumerated from the running server's /openapi.json: a route added later without a
row in CALLS fails `test_every_route_is_in_the_personal_data_matrix`.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
from sqlalchemy import String, create_engine, literal, select

from sync.client.store import registration_queries as rq
from sync.client.store.tables import registrations as local_registrations
from sync.client.store.tables import youths as local_youths
from sync.core.ids import uuid7
from sync.core.operations import Kind
from sync.core.privacy import ID_NUMBER_MASK, PHONE_MASK, mask_id_number, mask_phone
from sync.core.protocol import REVEAL_BATCH, REVEAL_PATH
from sync.server.privacy import masked
from tests.server.conftest import Server, bearer, login, server_rows
from tests.server.test_youth_e2e import PUBLIC, YouthClient, _registering

COUNTY = "jiangning"  # the demo's home account: holds the reveal permission
SCHOOL = "jiangning-school1"  # a grassroots account without it


# --- what would be a leak ------------------------------------------------------------------------


@dataclass(frozen=True)
class Secrets:
    """Every whole phone and ID number on the server (of youths: the personal data)."""

    numbers: frozenset[str]

    @classmethod
    def of(cls, server: Server) -> Secrets:
        rows = server_rows(server, "SELECT phone, id_number FROM youths")
        found = {value for row in rows for value in row if value and "*" not in value}
        assert len(found) > 100, "the demo has too few youths for this test to mean anything"
        return cls(frozenset(found))

    def leaked(self, text: str) -> set[str]:
        candidates = set(re.findall(r"[0-9]{11}|[0-9]{17}[0-9Xx]", text))
        return candidates & self.numbers


def body_text(response: requests.Response) -> str:
    content = response.content
    if content[:2] == b"\x1f\x8b":  # a snapshot download
        content = gzip.decompress(content)
    return content.decode("latin-1")


def token(server: Server, username: str) -> str:
    response = login(server, username)
    assert response.status_code == 200, response.text
    return response.json()["token"]


# --- every route × every role --------------------------------------------------------------------


@dataclass
class Roles:
    server: Server
    county: str  # token of an account with the reveal permission
    school: str  # token of one without
    youth: YouthClient

    def headers(self, role: str) -> dict[str, str]:
        return {
            "anonymous": {},
            "county": bearer(self.county),
            "school": bearer(self.school),
            "youth": bearer(self.youth.token),
        }[role]


ROLES = ("anonymous", "county", "school", "youth")


def _any_ids(server: Server) -> dict[str, str]:
    def one(sql: str) -> str:
        return server_rows(server, sql)[0][0]

    return {
        "registration_id": one("SELECT id FROM registrations ORDER BY id LIMIT 1"),
        "org_id": one("SELECT id FROM organizations ORDER BY id LIMIT 1"),
        "youth_id": one("SELECT id FROM youths ORDER BY id LIMIT 1"),
        "request_id": one("SELECT id FROM requests ORDER BY id LIMIT 1"),
        # the activity with the most approved registrations: its check-in codes are many
        "activity_id": one(
            "SELECT activity_id FROM registrations WHERE status = 'approved' "
            "GROUP BY activity_id ORDER BY count(*) DESC, activity_id LIMIT 1"
        ),
    }


def _someones_phone(server: Server) -> str:
    """A whole phone number on the server: typed into a request's text, it must come back masked
    to everyone, the youth who typed it included."""
    rows = server_rows(server, "SELECT phone FROM youths WHERE phone != '' ORDER BY id LIMIT 1")
    return rows[0][0]


def _push_body(server: Server) -> dict[str, Any]:
    """Operations whose answers could echo personal data: a walk-in carrying another youth's
    phone under a new name (refused, and the refusal must not say whose it is), a malformed one
    and a reveal of the old, queued kind."""
    phone, name = server_rows(server, "SELECT phone, name FROM youths ORDER BY id LIMIT 1")[0]
    activity = server_rows(server, "SELECT id FROM activities ORDER BY id LIMIT 1")[0][0]
    youth = _any_ids(server)["youth_id"]
    ops = [
        (
            Kind.REGISTRATION_CREATE,
            {
                "id": uuid7(),
                "activity_id": activity,
                "youth": {"id": uuid7(), "name": name + "甲", "phone": phone},
                "source": "walk_in",
            },
        ),
        (Kind.REGISTRATION_CREATE, {"id": uuid7(), "youth": {"phone": phone}}),
        (Kind.PERSONAL_REVEAL, {"table": "youths", "id": youth, "fields": ["phone"]}),
    ]
    return {
        "ops": [
            {
                "op_id": uuid7(),
                "kind": kind,
                "payload": payload,
                "occurred_at": datetime.now(UTC).isoformat(),
                "device_id": "matrix",
            }
            for kind, payload in ops
        ]
    }


def _pull_all(r: Roles, role: str) -> list[requests.Response]:
    answers, cursor, more = [], 0, True
    while more:
        response = requests.get(
            r.server.url("/api/v1/changes"),
            params={"after": cursor, "limit": 2000},
            headers=r.headers(role),
            timeout=60,
        )
        answers.append(response)
        if response.status_code != 200:
            break
        cursor, more = response.json()["cursor"], response.json()["more"]
    return answers


Call = Callable[[Roles, str], list[requests.Response]]


def _request(method: str, path: str, **kwargs: Any) -> Call:
    def call(r: Roles, role: str) -> list[requests.Response]:
        filled = path
        ids = _any_ids(r.server)
        for name in re.findall(r"{(\w+)}", path):
            filled = filled.replace("{" + name + "}", ids[name])
        body = kwargs.get("json")
        body = body(r) if callable(body) else body
        return [
            requests.request(
                method, r.server.url(filled), json=body, headers=r.headers(role), timeout=60
            )
        ]

    return call


# route → how to call it; every answer of every role is scanned for whole numbers.
CALLS: dict[tuple[str, str], Call] = {
    ("GET", "/healthz"): _request("GET", "/healthz"),
    ("POST", "/api/v1/login"): _request(
        "POST", "/api/v1/login", json={"username": COUNTY, "password": "wrong", "device_id": "x"}
    ),
    ("POST", "/api/v1/logout"): _request("POST", "/api/v1/logout"),
    ("GET", "/api/v1/me"): _request("GET", "/api/v1/me"),
    ("POST", "/api/v1/push"): _request("POST", "/api/v1/push", json=lambda r: _push_body(r.server)),
    ("GET", "/api/v1/changes"): _pull_all,
    ("GET", "/api/v1/snapshot"): _request("GET", "/api/v1/snapshot"),
    ("POST", REVEAL_PATH): _request(
        "POST", REVEAL_PATH, json=lambda r: {"youth_ids": [_any_ids(r.server)["youth_id"]]}
    ),
    ("POST", f"{PUBLIC}/youths/code"): _request(
        "POST", f"{PUBLIC}/youths/code", json={"phone": "13800000000"}
    ),
    ("POST", f"{PUBLIC}/youths"): _request(
        "POST", f"{PUBLIC}/youths", json={"name": "冒名", "phone": "13800000000", "code": "123456"}
    ),
    ("GET", f"{PUBLIC}/activities"): _request("GET", f"{PUBLIC}/activities"),
    ("GET", f"{PUBLIC}/registrations/{{registration_id}}/code"): _request(
        "GET", f"{PUBLIC}/registrations/{{registration_id}}/code"
    ),
    ("GET", "/api/v1/activities/{activity_id}/checkin-codes"): _request(
        "GET", "/api/v1/activities/{activity_id}/checkin-codes"
    ),
    ("GET", "/api/v1/activities/{activity_id}/hours"): _request(
        "GET", "/api/v1/activities/{activity_id}/hours"
    ),
    ("POST", f"{PUBLIC}/registrations"): _request(
        "POST", f"{PUBLIC}/registrations", json={"activity_id": "nope"}
    ),
    ("POST", f"{PUBLIC}/registrations/{{registration_id}}/cancel"): _request(
        "POST", f"{PUBLIC}/registrations/{{registration_id}}/cancel"
    ),
    ("PUT", f"{PUBLIC}/organizations/{{org_id}}/follow"): _request(
        "PUT", f"{PUBLIC}/organizations/{{org_id}}/follow"
    ),
    ("DELETE", f"{PUBLIC}/organizations/{{org_id}}/follow"): _request(
        "DELETE", f"{PUBLIC}/organizations/{{org_id}}/follow"
    ),
    ("POST", f"{PUBLIC}/requests"): _request(
        "POST", f"{PUBLIC}/requests", json=lambda r: {"text": f"电话{_someones_phone(r.server)}"}
    ),
    ("GET", f"{PUBLIC}/requests"): _request("GET", f"{PUBLIC}/requests"),
    ("GET", f"{PUBLIC}/requests/{{request_id}}"): _request(
        "GET", f"{PUBLIC}/requests/{{request_id}}"
    ),
    ("POST", f"{PUBLIC}/requests/{{request_id}}/messages"): _request(
        "POST",
        f"{PUBLIC}/requests/{{request_id}}/messages",
        json=lambda r: {"text": f"补充：{_someones_phone(r.server)}"},
    ),
}

# The one answer allowed to carry whole numbers: the logged reveal, to the permission holder.
MAY_REVEAL = {(("POST", REVEAL_PATH), "county")}


def _routes(server: Server) -> set[tuple[str, str]]:
    spec = requests.get(server.url("/openapi.json"), timeout=10).json()
    return {(m.upper(), p) for p, item in spec["paths"].items() for m in item if m != "parameters"}


def test_every_route_is_in_the_personal_data_matrix(server: Server):
    routes = _routes(server)
    missing = sorted(routes - set(CALLS))
    assert not missing, f"add a row to CALLS of {__name__} for: {missing}"
    assert not sorted(set(CALLS) - routes), "CALLS names routes the server no longer has"


def test_no_answer_to_any_role_holds_a_whole_number_but_the_logged_reveal(server: Server):
    secrets = Secrets.of(server)
    roles = Roles(server, token(server, COUNTY), token(server, SCHOOL), YouthClient(server))
    # the youth's own request, in the county's queue, a whole number typed into it
    body = {"text": f"请回电{_someones_phone(server)}", "org_id": server.accounts[COUNTY].org_id}
    asked = roles.youth.call("POST", "/requests", json=body)
    assert asked.status_code == 201 and not secrets.leaked(asked.text), asked.text
    masked_seen = 0
    failures = []
    for route, call in sorted(CALLS.items()):
        if route == ("POST", "/api/v1/logout"):
            continue  # last: it revokes the token the other calls use
        for role in ROLES:
            for response in call(roles, role):
                text = body_text(response)
                masked_seen += text.count("****")
                leaked = secrets.leaked(text)
                if (route, role) in MAY_REVEAL:
                    assert response.status_code == 200, response.text
                elif leaked:
                    failures.append(f"{route} as {role}: {len(leaked)} whole numbers")
    for role in ROLES:
        for response in CALLS[("POST", "/api/v1/logout")](roles, role):
            assert not secrets.leaked(body_text(response))
    assert not failures, failures
    assert masked_seen > 1000, "pull and snapshot carried no masked numbers: nothing was checked"


# --- the device --------------------------------------------------------------------------------


@pytest.mark.parametrize("username", [COUNTY, SCHOOL])
def test_a_synced_device_holds_no_whole_number_whatever_its_permission(
    devices, server: Server, username: str
):
    secrets = Secrets.of(server)
    device = devices(username, username=username)
    device.sync()
    with device.store.engine.connect() as conn:
        phones = [r.phone for r in conn.execute(select(local_youths.c.phone))]
    assert len(phones) > 50 and all("****" in p for p in phones if p)
    # searching by a phone's tail needs no whole number: the masked one keeps its last digits
    tail = next(p for p in phones if p)[-4:]
    found = device.store.read(rq.registration_ids, rq.RegistrationQuery(text=tail))
    assert found and all(
        row["phone"].endswith(tail)
        for row in device.store.read(rq.registration_rows, found).values()
    )
    device.store.close()
    raw = device.store.path.read_bytes().decode("latin-1")
    assert not secrets.leaked(raw)


# --- the reveal ----------------------------------------------------------------------------------


def logged_reveals(server: Server) -> list[str]:
    """Ids of the youths the server logged a reveal of, oldest first."""
    rows = server_rows(
        server,
        "SELECT payload FROM applied_ops WHERE kind = :k ORDER BY received_at",
        k=Kind.PERSONAL_REVEAL.value,
    )
    return [json.loads(r[0])["id"] for r in rows]


def _reveal(server: Server, bearer_token: str, ids: list[str]) -> requests.Response:
    return requests.post(
        server.url(REVEAL_PATH), json={"youth_ids": ids}, headers=bearer(bearer_token), timeout=30
    )


def test_reveal_answers_the_permission_holder_and_logs_each_youth(server: Server):
    youth = YouthClient(server, name="林晓青")
    activity = _registering(youth, requires_review=True)
    youth.register(activity["id"])
    phone = server_rows(server, "SELECT phone FROM youths WHERE id = :y", y=youth.id)[0][0]

    school = _reveal(server, token(server, SCHOOL), [youth.id])
    assert school.status_code == 403 and school.json()["code"] == "permission_denied"
    assert logged_reveals(server) == []

    odd = ["no-such-youth", "nul\x00", "x" * 65]  # none can be a youth's id; NUL, no 500
    answer = _reveal(server, token(server, COUNTY), [youth.id, youth.id, *odd])
    assert answer.status_code == 200, answer.text
    [shown] = answer.json()["youths"]
    assert (shown["id"], shown["name"], shown["phone"]) == (youth.id, "林晓青", phone)
    assert answer.json()["refused"] == odd
    assert logged_reveals(server) == [youth.id]

    too_many = _reveal(server, token(server, COUNTY), [f"y{i}" for i in range(REVEAL_BATCH + 1)])
    assert too_many.status_code == 422
    assert logged_reveals(server) == [youth.id]


def test_a_walk_in_opens_no_youths_numbers_to_the_cadre(devices, server: Server):
    """A cadre who knows a stranger's name and phone registers them as a walk-in: the server
    files the registration under the stranger, but will not reveal the stranger's numbers
    (only a youth's own online registration or follow in scope does)."""
    county = devices("county")
    county.sync()
    stranger = YouthClient(server, name="陌生人")  # registered nowhere in the county's scope
    phone = server_rows(server, "SELECT phone FROM youths WHERE id = :y", y=stranger.id)[0][0]
    activity = _registering(stranger, requires_review=True)
    county.store.create_registrations(
        activity["id"], [{"name": "陌生人", "phone": phone}], source="walk_in"
    )
    county.sync()
    filed = server_rows(
        server, "SELECT count(*) FROM registrations WHERE youth_id = :y", y=stranger.id
    )
    assert filed[0][0] == 1
    answer = _reveal(server, token(server, COUNTY), [stranger.id])
    assert answer.status_code == 200 and answer.json() == {"youths": [], "refused": [stranger.id]}
    assert logged_reveals(server) == []


# --- walk-ins are matched on the server ----------------------------------------------------------


def _youths_with_phone(server: Server, phone: str) -> list[tuple[str, str]]:
    rows = server_rows(server, "SELECT id, name FROM youths WHERE phone = :p", p=phone)
    return [tuple(r) for r in rows]


def test_a_walk_in_of_a_known_youth_is_that_youth_though_the_device_holds_phones_masked(
    devices, server: Server
):
    youth = YouthClient(server, name="周晓雨")
    phone = server_rows(server, "SELECT phone FROM youths WHERE id = :y", y=youth.id)[0][0]
    activity = _registering(youth, requires_review=True)
    county = devices("county")
    county.sync()
    county.store.create_registrations(
        activity["id"], [{"name": "周晓雨", "phone": phone}], source="walk_in"
    )
    report = county.sync()
    assert not report.rejected, report
    assert _youths_with_phone(server, phone) == [(youth.id, "周晓雨")]  # no second youth
    with county.store.engine.connect() as conn:
        local = conn.execute(
            select(local_registrations.c.youth_id).where(
                local_registrations.c.activity_id == activity["id"]
            )
        ).all()
        mine = conn.execute(select(local_youths.c.phone).where(local_youths.c.id == youth.id))
        assert mine.scalar() == mask_phone(phone)
    assert (youth.id,) in [tuple(r) for r in local]


def test_a_walk_in_naming_another_youths_phone_or_id_number_is_refused(devices, server: Server):
    holder = YouthClient(server, name="王一凡")
    phone = server_rows(server, "SELECT phone FROM youths WHERE id = :y", y=holder.id)[0][0]
    activity = _registering(holder, requires_review=True)
    id_number = server_rows(
        server, "SELECT id_number FROM youths WHERE id_number <> '' ORDER BY id LIMIT 1"
    )[0][0]
    county = devices("county")
    county.sync()
    before = server_rows(server, "SELECT count(*) FROM youths")[0][0]
    county.store.create_registrations(
        activity["id"],
        [
            {"name": "李二狗", "phone": phone},  # the holder's phone under another name
            {"name": "赵四", "phone": "13912345670", "id_number": id_number},
        ],
        source="walk_in",
    )
    county.sync()
    codes = sorted(e["code"] for e in county.store.rejected_operations())
    assert codes == ["id_number_taken", "phone_taken"]
    assert server_rows(server, "SELECT count(*) FROM youths")[0][0] == before
    for entry in county.store.rejected_operations():
        assert "王一凡" not in json.dumps(entry, ensure_ascii=False, default=str)


# --- one masking rule in Python and SQL --------------------------------------------------------


def test_the_servers_sql_masks_exactly_as_the_python_rule(server: Server):
    values = ["", "1", "123456", "1234567", "13812345678", "025-52101234", "32011520100101123X"]
    values += ["320115201001011", "12345678901234567890", "138****5678"]
    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            for value in values:
                sql_phone, sql_id = conn.execute(
                    select(
                        masked(literal(value, String), PHONE_MASK),
                        masked(literal(value, String), ID_NUMBER_MASK),
                    )
                ).one()
                assert (sql_phone, sql_id) == (mask_phone(value), mask_id_number(value)), value
    finally:
        engine.dispose()
