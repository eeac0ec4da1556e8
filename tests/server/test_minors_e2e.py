"""Children under 14 on a real server (issue 9, point 4): a 9-year-old's online registration
is not approved automatically, an approval pushed before a guardian's consent is recorded is
refused with a reason the 同步问题 dialog shows, and one after it goes through."""

from __future__ import annotations

import itertools

import requests

from desktop.dialogs.sync_issues_dialog import reason_text
from sync.core.operations import Kind
from sync.core.records import CHINA_TIME, GuardianConsent
from tests.server.conftest import Server, bearer, demo_now, login, server_rows
from tests.server.test_youth_e2e import identify

PUBLIC = "/api/v1/public"
_phones = itertools.count(13600000000)
WHY = "报名者在活动开始时未满14周岁，须先记录监护人同意，才能通过报名"


def child_registers(server: Server, *, requires_review: bool) -> tuple[str, str]:
    """A 9-year-old identifies on the public API and registers; (youth id, registration id),
    after checking it is left pending."""
    today = demo_now().astimezone(CHINA_TIME).date()
    body = {
        "name": "小雨",
        "phone": str(next(_phones)),
        "birth_date": today.replace(year=today.year - 9).isoformat(),
    }
    response = identify(server, body)  # with the one-time code sent to the phone
    assert response.status_code == 200, response.text
    youth_id, token = response.json()["youth_id"], response.json()["token"]
    listed = requests.get(
        server.url(f"{PUBLIC}/activities"),
        params={"phase": "registering", "page_size": 100},
        headers=bearer(token),
        timeout=10,
    )
    activity = min(
        (
            a
            for a in listed.json()["items"]
            if a["requires_review"] is requires_review and a["approved"] < a["capacity"]
        ),
        key=lambda a: a["id"],
    )
    response = requests.post(
        server.url(f"{PUBLIC}/registrations"),
        json={"activity_id": activity["id"]},
        headers=bearer(token),
        timeout=10,
    )
    assert response.status_code == 200, response.text
    # was "approved": a child's registration waits for a cadre and a guardian's consent
    assert response.json()["status"] == "pending"
    return youth_id, response.json()["id"]


def status(server: Server, registration_id: str) -> str:
    sql = "SELECT status FROM registrations WHERE id = :r"
    return server_rows(server, sql, r=registration_id)[0][0]


def test_a_nine_year_old_is_not_approved_automatically_nor_without_consent(server: Server):
    _, registration_id = child_registers(server, requires_review=False)
    token = login(server, "jiangning").json()["token"]
    approve = {"id": registration_id, "decision": "approve", "reason": ""}
    body = {
        "ops": [{"op_id": "approve-child", "kind": Kind.REGISTRATION_REVIEW, "payload": approve}]
    }
    response = requests.post(
        server.url("/api/v1/push"), json=body, headers=bearer(token), timeout=30
    )
    [result] = response.json()["results"]
    assert (result["status"], result["code"]) == ("rejected", "guardian_consent_required")
    assert status(server, registration_id) == "pending"


def test_an_approval_made_before_consent_was_withdrawn_is_refused_and_explained(
    qtbot, devices, server: Server
):
    youth_id, registration_id = child_registers(server, requires_review=True)
    a, b = devices("a"), devices("b")
    b.sync()
    b.store.set_guardian_consent(youth_id, GuardianConsent.GIVEN)
    b.sync()
    a.sync()  # a sees the consent...
    b.store.set_guardian_consent(youth_id, GuardianConsent.REFUSED)
    b.sync()  # ...which is withdrawn before a's approval arrives
    a.store.review_registration(registration_id, "approve")
    a.sync()
    assert status(server, registration_id) == "pending"
    [refused] = a.store.rejected_operations()
    assert refused["code"] == "guardian_consent_required"
    assert reason_text(refused["code"], refused["params"]) == WHY
    assert a.registrations()[registration_id]["status"] == "pending"

    b.store.set_guardian_consent(youth_id, GuardianConsent.GIVEN)
    b.sync()
    a.sync()
    a.store.review_registration(registration_id, "approve")
    a.sync()
    assert status(server, registration_id) == "approved"
