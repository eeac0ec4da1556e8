"""Personal data is not kept forever (issue 9 point 5): operation payloads and the contact data
of long-ended activities' registrants are redacted after the retention (results, counts and
statuses kept), expired tokens and old login failures are purged, a youth can be erased by id."""

from __future__ import annotations

import time
from datetime import timedelta

import requests

from sync.core import privacy, protocol
from sync.core.operations import Kind
from tests.server.conftest import Server, bearer, demo_now, login, run_cli, server_rows
from tests.server.test_youth_e2e import YouthClient, _registering

NAME = "留存测试"
REDACTED = "{}"


def _retention(server: Server, *, days_later: int, days: int = 1):
    """`apply-retention --days DAYS` with the server's clock `days_later` days on."""
    clock = (demo_now() + timedelta(days=days_later)).isoformat()
    done = run_cli(
        "apply-retention", "--days", str(days), database_url=server.database_url, SUQING_CLOCK=clock
    )
    assert done.returncode == 0, done.stderr
    return done


def _review(server: Server, token: str, op_id: str, registration_id: str) -> dict:
    op = {
        "op_id": op_id,
        "kind": Kind.REGISTRATION_REVIEW,
        "payload": {"id": registration_id, "decision": "reject", "reason": "名额已满"},
    }
    response = requests.post(
        server.url("/api/v1/push"), json={"ops": [op]}, headers=bearer(token), timeout=30
    )
    assert response.status_code == 200, response.text
    return response.json()["results"][0]


def test_old_payloads_are_redacted_at_start_and_a_replay_keeps_its_answer(server, server_factory):
    youth = YouthClient(server, NAME)
    registration = youth.register(_registering(youth, requires_review=True)["id"])
    token = login(server, "jiangning").json()["token"]
    first = _review(server, token, "review-before-retention", registration["id"])
    payloads = server_rows(server, "SELECT payload FROM applied_ops")
    assert any(NAME in p for (p,) in payloads)
    server.stop()

    # the server redacts by itself at start, with its clock past the retention
    later = server_factory(
        server.database_url,
        seeded=server.seeded,
        SUQING_CLOCK=(demo_now() + timedelta(days=3)).isoformat(),
        SUQING_PERSONAL_DATA_RETENTION_DAYS="1",
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        sql = "SELECT kind, payload FROM applied_ops WHERE payload <> :r"
        kept = server_rows(later, sql, r=REDACTED)
        if all(kind == Kind.PERSONAL_REVEAL for kind, _ in kept):
            break
        time.sleep(0.1)  # waiting for the start-up run, not for time to pass
    assert [k for k, _ in kept if k != Kind.PERSONAL_REVEAL] == []
    sql = "SELECT op_id, kind, account_id, youth_id, received_at, result FROM applied_ops"
    assert all(row.result for row in server_rows(later, sql))
    # the exactly-once answer survives the redaction
    token = login(later, "jiangning").json()["token"]
    assert _review(later, token, "review-before-retention", registration["id"]) == first


def _contact(server: Server) -> dict[str, tuple]:
    sql = "SELECT id, name, phone, id_number, school_or_employer, birth_date FROM youths"
    return {row[0]: tuple(row[1:]) for row in server_rows(server, sql)}


def _counts(server: Server) -> list[tuple]:
    sql = (
        "SELECT activity_id, status, count(*) FROM registrations WHERE deleted = false "
        "GROUP BY activity_id, status ORDER BY activity_id, status"
    )
    return [tuple(r) for r in server_rows(server, sql)]


def test_registrants_of_long_ended_activities_lose_their_contact_data(devices, server):
    a = devices("a")
    a.sync()
    before, counts = _contact(server), _counts(server)
    # youths with a registration for an activity not ended a day ago, or following someone
    sql = (
        "SELECT DISTINCT r.youth_id FROM registrations r JOIN activities a "
        "ON a.id = r.activity_id WHERE a.ends_at IS NULL OR a.ends_at >= :cut "
        "UNION SELECT youth_id FROM followers WHERE deleted = false"
    )
    kept = {r[0] for r in server_rows(server, sql, cut=demo_now() - timedelta(days=1))}

    done = _retention(server, days_later=0, days=1)

    after = _contact(server)
    redacted = {y for y in after if after[y] != before[y]}
    assert redacted and redacted.isdisjoint(kept), done.stdout
    for youth_id in redacted:
        name, phone, id_number, school, birth = after[youth_id]
        assert (name, phone, id_number, school, birth) == (before[youth_id][0], "", "", "", None)
    assert all(after[y][1] == before[y][1] for y in kept if y in before)
    assert _counts(server) == counts  # counts, statuses kept
    a.sync()  # devices receive the redacted rows through the pull
    with a.store.engine.connect() as conn:
        local = dict(conn.exec_driver_sql("SELECT id, phone FROM youths").all())
    assert {local[y] for y in redacted if y in local} == {""}


def test_expired_tokens_and_old_login_failures_are_purged(server):
    youth = YouthClient(server, NAME)
    assert login(server, "jiangning").status_code == 200
    assert login(server, "jiangning", "wrong password").status_code == 401
    assert server_rows(server, "SELECT count(*) FROM login_failures")[0][0] > 0
    live = login(server, "jiangning").json()["token"]

    # past every token's 30 days, and the 30 more an ended token is kept to say why it ended
    _retention(server, days_later=70, days=3650)

    for table in ("tokens", "youth_tokens", "login_failures"):
        assert server_rows(server, f"SELECT count(*) FROM {table}")[0][0] == 0, table
    # deleted, not merely expired: the running server (its clock 70 days behind) refuses it
    me = requests.get(server.url(protocol.ME_PATH), headers=bearer(live), timeout=10)
    assert me.status_code == 401
    cancel = youth.call("POST", "/registrations/x/cancel")
    assert cancel.status_code == 401


def test_a_youth_is_erased_by_id_and_an_unknown_id_is_refused(server):
    youth = YouthClient(server, NAME)
    done = run_cli("erase-youth", "--youth-id", youth.id, database_url=server.database_url)
    assert done.returncode == 0, done.stderr
    row = server_rows(
        server, "SELECT name, phone, birth_date FROM youths WHERE id = :y", y=youth.id
    )
    assert tuple(row[0]) == (privacy.ERASED_NAME, "", None)
    assert NAME not in str(server_rows(server, "SELECT payload FROM applied_ops"))
    unknown = run_cli("erase-youth", "--youth-id", "nobody", database_url=server.database_url)
    assert unknown.returncode == 2 and "nobody" in unknown.stderr
