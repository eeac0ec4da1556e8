"""A pushed operation whose values a column refuses to bind is refused, never a 500."""

from __future__ import annotations

import requests

from sync.core.ids import uuid7
from sync.core.operations import Kind
from tests.conftest import activity_fields
from tests.server.conftest import Server, bearer, login


def test_a_time_without_its_zone_is_refused_as_malformed(server: Server):
    token = login(server, "jiangning").json()["token"]
    fields = {
        k: (v.replace(tzinfo=None).isoformat() if hasattr(v, "tzinfo") else v)
        for k, v in activity_fields().items()
    }
    op = {
        "op_id": f"naive-{uuid7()}",
        "kind": Kind.ACTIVITY_CREATE,
        "payload": {"id": uuid7(), "org_id": server.seeded.home_org_id, "fields": fields},
    }
    response = requests.post(
        server.url("/api/v1/push"), json={"ops": [op]}, headers=bearer(token), timeout=30
    )
    assert response.status_code == 200, response.text
    [result] = response.json()["results"]
    assert (result["status"], result["code"]) == ("rejected", "malformed_operation")
