"""A youth's erasure end to end (issue 9 point 5): after `erase-youth` and a sync, no server
table and no device's database file holds their personal data, and every count is unchanged."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import create_engine, inspect, text

from sync.core.privacy import mask_phone
from tests.server.conftest import ROOT, Server, cli_env, server_rows
from tests.server.test_youth_e2e import YouthClient, _registering

NAME = "甄可删"


def _server_dump(server: Server) -> str:
    """Every row of every server table, as text."""
    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            tables = inspect(conn).get_table_names()
            return "\n".join(
                repr(tuple(row))
                for t in tables
                for row in conn.execute(text(f'SELECT * FROM "{t}"'))
            )
    finally:
        engine.dispose()


def _erase(server: Server, phone: str) -> subprocess.CompletedProcess:
    """`erase-youth`, the phone on stdin as an operator would pipe it (never in argv)."""
    command = [sys.executable, "-m", "sync.server", "erase-youth", "--by", "测试员"]
    command += ["--database-url", server.database_url]
    return subprocess.run(
        command, cwd=ROOT, env=cli_env(), input=phone + "\n", capture_output=True, text=True
    )


def _device_bytes(device) -> bytes:
    """Once the sync's log is folded into the file (after the sync, on a thread of its own)."""
    device.store.wait_for_fold()
    path = device.store.path
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def _counts(server: Server, activity_id: str) -> list[tuple]:
    sql = (
        "SELECT status, count(*) FROM registrations WHERE activity_id = :a AND deleted = false "
        "GROUP BY status ORDER BY status"
    )
    return [tuple(r) for r in server_rows(server, sql, a=activity_id)]


def test_an_erased_youth_is_gone_from_every_table_and_device_and_counts_stay(devices, server):
    youth = YouthClient(server, NAME)
    phone = server_rows(server, "SELECT phone FROM youths WHERE id = :y", y=youth.id)[0][0]
    activity = _registering(youth, requires_review=True)
    registration = youth.register(activity["id"])
    asked = youth.call(
        "POST",
        "/requests",
        json={
            "text": "想请教社区志愿服务证明怎么开",
            "org_id": server.accounts["jiangning"].org_id,
        },
    ).json()
    youth.call("POST", f"/requests/{asked['id']}/messages", json={"text": "我家在秣陵某小区七栋"})
    a, b = devices("a"), devices("b")
    a.sync()
    a.store.review_registration(registration["id"], "approve")
    a.sync()
    b.sync()
    assert NAME in _server_dump(server) and phone in _server_dump(server)
    assert NAME.encode() in _device_bytes(b)
    counts = _counts(server, activity["id"])
    device_counts = sorted(r["status"] for r in b.registrations().values())

    erased = _erase(server, phone)
    assert erased.returncode == 0, erased.stderr
    assert youth.id in erased.stdout
    # the erasure itself is logged for the audit: who and which row, never the data
    assert "测试员" in erased.stderr and youth.id in erased.stderr
    assert NAME not in erased.stderr + erased.stdout and phone not in erased.stderr + erased.stdout
    a.sync()
    b.sync()

    assert _counts(server, activity["id"]) == counts
    assert sorted(r["status"] for r in b.registrations().values()) == device_counts
    assert b.registrations()[registration["id"]]["status"] == "approved"
    dump = _server_dump(server)
    # their requests stay, for the counts, without their words
    state = server_rows(server, "SELECT state, text FROM requests WHERE id = :r", r=asked["id"])
    assert state == [("new", "")]
    words = ("社区志愿服务证明", "秣陵某小区七栋")  # their request, and what they added
    for held in (NAME, phone, mask_phone(phone), "2001-02-03", *words):
        assert held not in dump, held
        for device in (a, b):
            assert held.encode() not in _device_bytes(device), (held, device.store.path)
    cancel = youth.call("POST", f"/registrations/{registration['id']}/cancel")
    assert cancel.status_code == 401  # their token is gone
    # the erasure is logged for the audit, and a second erasure by phone finds nobody
    again = _erase(server, phone)
    assert again.returncode == 2
