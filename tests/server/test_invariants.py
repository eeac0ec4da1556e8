"""Rules that must hold across devices that worked offline together, whatever order the server
hears them in: no more approved than seats, one youth per phone, one active registration per
youth and activity."""

from __future__ import annotations

import pytest

from sync.core.operations import Kind
from tests.server.conftest import Device, Server, server_rows
from tests.server.test_sync_e2e import _published_with_pending


def _approved(device: Device, activity_id: str) -> int:
    return sum(
        r["status"] == "approved" and r["activity_id"] == activity_id
        for r in device.registrations().values()
    )


def _server_seats(server: Server, activity_id: str) -> tuple[int, int]:
    capacity = server_rows(server, "SELECT capacity FROM activities WHERE id = :a", a=activity_id)
    approved = server_rows(
        server,
        "SELECT count(*) FROM registrations WHERE activity_id = :a AND status = 'approved' "
        "AND deleted = :d",
        a=activity_id,
        d=False,
    )
    return capacity[0][0], approved[0][0]


@pytest.mark.parametrize("order", ["lower first", "approve first"])
def test_capacity_lowered_on_one_device_while_another_approves(devices, server: Server, order: str):
    """Device A lowers the capacity to the seats given; device B, offline too, gives one more.
    Lowered first: B's approval joins the waitlist and B's history says the capacity was full.
    Approved first: A's lowering is refused, and A's 同步问题 says how many are approved."""
    a, b = devices("a"), devices("b")
    a.sync()
    activity_id, pending = _published_with_pending(a, 1)
    given = _approved(a, activity_id)
    a.store.update_activity(activity_id, {"capacity": given + 1})  # one seat free
    a.sync()
    b.sync()

    a.store.update_activity(activity_id, {"capacity": given})  # fine on A: no seat taken back
    b.store.review_registration(pending[0], "approve")  # fine on B: the seat is free there
    first, second = (a, b) if order == "lower first" else (b, a)
    first.sync()
    second.sync()
    first.sync()

    capacity, approved = _server_seats(server, activity_id)
    assert approved <= capacity
    for device in (a, b):
        assert device.activities()[activity_id]["capacity"] == capacity
        assert _approved(device, activity_id) == approved
    if order == "lower first":
        assert (capacity, approved) == (given, given)
        assert b.registrations()[pending[0]]["status"] == "waitlisted"
    else:
        assert (capacity, approved) == (given + 1, given + 1)
        [refused] = a.store.rejected_operations()
        assert (refused["kind"], refused["code"]) == (
            Kind.ACTIVITY_UPDATE,
            "capacity_below_approved",
        )
        assert refused["params"]["approved"] == given + 1


def test_one_person_walked_in_on_two_laptops_is_one_youth_and_one_registration(
    devices, server: Server
):
    a, b = devices("a"), devices("b")
    a.sync()
    b.sync()
    activity_id, _ = _published_with_pending(a, 1)
    person = {"name": "现场乙", "phone": "13955550002"}
    a.store.create_registrations(activity_id, [person], source="walk_in")
    b.store.create_registrations(activity_id, [person], source="walk_in")
    a.sync()
    b.sync()
    a.sync()

    youths = server_rows(server, "SELECT id FROM youths WHERE phone = :p", p=person["phone"])
    assert len(youths) == 1
    registered = server_rows(
        server, "SELECT count(*) FROM registrations WHERE youth_id = :y", y=youths[0][0]
    )
    assert registered[0][0] == 1
    [refused] = b.store.rejected_operations()
    assert refused["code"] == "already_registered"
    assert a.registrations() == b.registrations()
