"""报名审核 in the local store: bulk review, walk-in and imported registrations, cancellation,
the waitlist and its promotion, each registration's history, and bulk undo."""

from __future__ import annotations

import zlib
from datetime import date, timedelta

import pytest
from sqlalchemy import insert, select

from sync.client.store import Store
from sync.client.store.tables import registration_events, registrations, youths
from sync.core.operations import CancelRegistration, Decision, ReviewRegistration
from sync.core.records import ActivityStatus
from sync.core.rules import RuleViolation
from tests.conftest import HOME_ORG, NOW, activity_fields


def published(store: Store, **overrides) -> str:
    _, activity_id = store.create_activity(HOME_ORG, activity_fields(**overrides))
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    return activity_id


def pending(store: Store, activity_id: str, count: int, *, status: str = "pending") -> list[str]:
    """`count` registrations (and their youths) as a pull would bring them, earliest first."""
    ids = [f"{activity_id[-6:]}-{status}-{i:03d}" for i in range(count)]
    with store.bulk_write() as conn:
        conn.execute(
            insert(youths),
            [
                dict(
                    id=f"y-{i}",
                    name=f"青年{i}",
                    phone=f"139{zlib.crc32(i.encode()) % 10**8:08d}",
                    gender="unknown",
                    school_or_employer="",
                    region_code="320115",
                    version=1,
                )
                for i in ids
            ],
        )
        conn.execute(
            insert(registrations),
            [
                dict(
                    id=i,
                    activity_id=activity_id,
                    youth_id=f"y-{i}",
                    status=status,
                    registered_at=NOW - timedelta(hours=count - n),
                    reject_reason="",
                    version=1,
                )
                for n, i in enumerate(ids)
            ],
        )
    return ids


def statuses(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        return dict(conn.execute(select(registrations.c.id, registrations.c.status)).all())


def history(store: Store, registration_id: str) -> list[tuple[str, str, str]]:
    t = registration_events
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(t.c.action, t.c.actor, t.c.detail)
            .where(t.c.registration_id == registration_id)
            .order_by(t.c.id)
        )
        return [tuple(r) for r in rows]


def test_bulk_approval_fills_the_seats_then_the_waitlist_in_one_undo_step(store: Store):
    activity_id = published(store, capacity=3)
    ids = pending(store, activity_id, 5)
    before = store.pending_count()
    op_ids = store.review_registrations(ids, "approve")
    assert len(op_ids) == 5 and store.pending_count() == before + 5
    assert [statuses(store)[i] for i in ids] == ["approved"] * 3 + ["waitlisted"] * 2
    assert history(store, ids[0]) == [("approved", "", "")]
    assert history(store, ids[4]) == [("waitlisted", "", "3")]  # the capacity it met

    store.undo_many(op_ids)
    assert {statuses(store)[i] for i in ids} == {"pending"}
    assert history(store, ids[0]) == []
    assert store.pending_count() == before


def test_a_refused_operation_in_a_bulk_action_changes_nothing_and_is_named(store: Store):
    activity_id = published(store)
    ids = pending(store, activity_id, 3)
    store.review_registrations(ids[1:2], "reject", "材料不全")
    before = store.pending_count()
    with pytest.raises(RuleViolation) as caught:
        store.execute_many(
            [
                ReviewRegistration(ids[0], Decision.APPROVE),
                CancelRegistration(ids[1]),  # rejected: cannot be cancelled
                ReviewRegistration(ids[2], Decision.APPROVE),
            ]
        )
    assert caught.value.code == "registration_not_cancellable"
    assert caught.value.params["index"] == 1
    assert [statuses(store)[i] for i in ids] == ["pending", "rejected", "pending"]
    assert store.pending_count() == before


def test_rejecting_an_approved_registration_promotes_the_earliest_waitlisted(store: Store):
    activity_id = published(store, capacity=2)
    ids = pending(store, activity_id, 4)
    store.review_registrations(ids, "approve")  # two seats, two waitlisted
    with pytest.raises(RuleViolation):
        store.review_registration(ids[0], "reject", "")
    store.review_registration(ids[0], "reject", "年龄不符合活动要求")
    assert [statuses(store)[i] for i in ids] == ["rejected", "approved", "approved", "waitlisted"]
    assert history(store, ids[0])[-1] == ("rejected", "", "年龄不符合活动要求")
    assert history(store, ids[2])[-1] == ("promoted", "system", "")


def test_cancelling_frees_a_seat_and_raising_the_capacity_frees_more(store: Store):
    activity_id = published(store, capacity=1)
    ids = pending(store, activity_id, 4)
    store.review_registrations(ids, "approve")
    store.cancel_registration(ids[0])
    expected = ["cancelled", "approved", "waitlisted", "waitlisted"]
    assert [statuses(store)[i] for i in ids] == expected
    store.cancel_registration(ids[0])  # a second cancel changes nothing
    store.update_activity(activity_id, {"capacity": 3})
    assert [statuses(store)[i] for i in ids] == ["cancelled", "approved", "approved", "approved"]
    with pytest.raises(RuleViolation) as caught:
        store.review_registration(ids[0], "approve")
    assert caught.value.code == "registration_not_reviewable"


def test_walk_in_registrations_reuse_a_known_phone_and_are_all_or_nothing(store: Store):
    activity_id = published(store, capacity=2, requires_review=False)
    [known] = pending(store, activity_id, 1, status="cancelled")
    known_phone = store.read(
        lambda c: c.scalar(select(youths.c.phone).where(youths.c.id == f"y-{known}"))
    )
    people = [
        {"name": "青年" + known, "phone": known_phone, "gender": "male"},
        # an adult: a child would wait for a guardian's consent (tests/test_minors.py)
        {"name": "王芳", "phone": "13912345678", "birth_date": date(2004, 3, 1)},
        {"name": "赵雷", "phone": "13987654321", "id_number": "11010519491231002X"},
    ]
    bad = [*people, {"name": "", "phone": "12345"}]
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(activity_id, bad, source="walk_in")
    assert caught.value.code == "invalid_youth" and caught.value.params["index"] == 3
    assert {p.field for p in caught.value.problems} == {"name", "phone"}
    assert store.count("registrations") == 1

    # the known phone under another name is not that youth, and not a new one either: the
    # cadre settles it (tests/test_excel_import.py), nothing is guessed
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(activity_id, [{**people[0], "name": "李明"}], source="walk_in")
    assert caught.value.code == "phone_taken"

    store.create_registrations(activity_id, people, source="walk_in")
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(registrations, youths.c.name, youths.c.id_number)
            .join(youths, youths.c.id == registrations.c.youth_id)
            .where(registrations.c.status != "cancelled")
            .order_by(registrations.c.registered_at, youths.c.name)
        ).mappings()
        got = {r["name"]: (r["status"], r["source"], r["youth_id"], r["id_number"]) for r in rows}
    # no review wanted: seats while they last, then the waitlist; the known youth is reused
    assert sorted(s for s, *_ in got.values()) == ["approved", "approved", "waitlisted"]
    assert {src for _, src, *_ in got.values()} == {"walk_in"}
    # the known youth (same phone and name) is reused; a new record for each of the others
    assert got["青年" + known][2] == f"y-{known}"
    assert got["赵雷"][3] == "11010519491231002X"
    assert store.count("youths") == 3

    # the same youth cannot hold two places in one activity
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(activity_id, people[1:2], source="import")
    assert caught.value.code == "already_registered"


def test_online_registrations_come_only_from_the_public_api(store: Store):
    activity_id = published(store)
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(
            activity_id, [{"name": "李明", "phone": "13900000001"}], source="online"
        )
    assert caught.value.code == "not_allowed"


def test_registrations_need_a_published_activity(store: Store):
    _, draft = store.create_activity(HOME_ORG, activity_fields())
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(
            draft, [{"name": "李明", "phone": "13900000001"}], source="walk_in"
        )
    assert caught.value.code == "registration_closed"


def test_registered_history_names_the_source(store: Store):
    activity_id = published(store)
    store.create_registrations(
        activity_id, [{"name": "李明", "phone": "13900000001"}], source="import"
    )
    with store.engine.connect() as conn:
        registration_id = conn.scalar(select(registrations.c.id))
    assert history(store, registration_id) == [("registered", "", "import")]
    assert statuses(store)[registration_id] == "pending"  # the activity wants a review


def test_unreadable_youth_fields_are_named_not_crashed_on(store: Store):
    activity_id = published(store)
    people = [{"name": "李明", "phone": "13900000001", "gender": "x", "birth_date": "2001-13-45"}]
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(activity_id, people, source="walk_in")
    assert caught.value.code == "invalid_youth"
    assert {(p.code, p.field) for p in caught.value.problems} == {
        ("bad_gender", "gender"),
        ("bad_birth_date", "birth_date"),
    }


def synced_activity(store: Store, **overrides) -> str:
    """A published activity as a pull brings it (no operation of this device behind it)."""
    from sync.client.store.tables import activities

    values = {**activity_fields(**overrides), "status": "published", "version": 1}
    with store.bulk_write() as conn:
        conn.execute(insert(activities).values(id="synced-activity", org_id=HOME_ORG, **values))
    return "synced-activity"


def test_an_operation_the_pulled_state_refuses_drops_out_of_the_replay_alone(store: Store):
    """The youth cancelled R1 on the server while this device rejected it offline: after the
    pull R1 shows the server's cancellation, and the device's later approval of R2 still
    stands on top of it."""
    from sync.core.protocol import PullPage

    activity_id = synced_activity(store, capacity=5)
    first, second = pending(store, activity_id, 2)
    store.review_registration(first, "reject", "材料不全")
    store.review_registration(second, "approve")
    with store.engine.connect() as conn:
        row = conn.execute(select(registrations).where(registrations.c.id == first)).one()
    server = {**row._mapping, "status": "cancelled", "reject_reason": "", "version": 2}
    server = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in server.items()}
    page = PullPage(cursor=5, more=False, rows={"registrations": [server]}, deleted={})
    store.take_pull_page(page)
    assert statuses(store)[first] == "cancelled"
    assert statuses(store)[second] == "approved"
    assert history(store, second) == [("approved", "", "")]
    assert history(store, first) == []  # the refused rejection left no trace here
    assert store.pending_count() == 2  # both stay queued: the server has the last word


def test_a_bulk_action_is_one_step_of_the_undo_history(store: Store, qtbot):
    from desktop.undo import UndoHistory

    history_ = UndoHistory(store)
    activity_id = published(store, capacity=10)
    ids = pending(store, activity_id, 3)
    history_.push(store.review_registration(ids[0], "approve"), "通过报名")
    history_.push(store.review_registrations(ids[1:], "reject", "名额已满"), "批量拒绝")
    assert history_.top().label == "批量拒绝" and len(history_.top().op_ids) == 2
    history_.undo()
    assert [statuses(store)[i] for i in ids] == ["approved", "pending", "pending"]
    assert history_.top().op_ids == (history_.top().op_id,)


def test_capacity_cannot_drop_below_the_seats_already_given(store: Store):
    activity_id = published(store, capacity=5)
    ids = pending(store, activity_id, 3)
    store.review_registrations(ids, "approve")
    with pytest.raises(RuleViolation) as caught:
        store.update_activity(activity_id, {"capacity": 2})
    assert caught.value.code == "capacity_below_approved"
    assert (caught.value.params["approved"], caught.value.params["capacity"]) == (3, 2)
    assert store.activity(activity_id)["capacity"] == 5  # nothing changed, nothing queued
    store.update_activity(activity_id, {"capacity": 3})  # down to the approved count: fine
    assert store.activity(activity_id)["capacity"] == 3


def test_a_youth_written_earlier_in_the_same_transaction_is_found(store: Store):
    # The device buffers writes and sends them only before a read they could change: the
    # second row's lookup by phone must see the first row's youth, still in the buffer.
    activity_id = published(store)
    person = {"name": "李明", "phone": "13900000001"}
    other = {"name": "王芳", "phone": "13900000002"}
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(activity_id, [person, other, dict(person)], source="import")
    assert caught.value.code == "already_registered" and caught.value.params["index"] == 2
    assert store.count("youths") == 0


def test_an_import_looks_people_up_in_a_few_queries_and_still_sees_its_own_rows(store: Store):
    # A list of 300 (a third of them youths this device holds, registered elsewhere) is
    # matched against the stored youths and their registrations in a few queries, not in two
    # per row; what earlier rows of the same list wrote is still seen by the later ones.
    from sqlalchemy import event

    activity_id = published(store, capacity=1000)
    known = pending(store, published(store), 100)
    phones = store.read(lambda c: dict(c.execute(select(youths.c.id, youths.c.phone)).all()))
    people = [{"name": f"青年{k}", "phone": phones[f"y-{k}"]} for k in known]
    people += [{"name": f"新人{i}", "phone": f"1370000{i:04d}"} for i in range(200)]
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(store.engine, "before_cursor_execute", count)
    try:
        store.create_registrations(activity_id, people, source="import")
    finally:
        event.remove(store.engine, "before_cursor_execute", count)
    lookups = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    assert len(lookups) <= 10, len(lookups)  # was 604: a youth by phone, its registrations
    assert store.count("youths") == 300  # the 100 held ones were found, not made again

    # the same transaction: a later row names a phone or ID number an earlier row took
    twin = {"name": "李明", "phone": "13800000001", "id_number": "11010519491231002X"}
    for other, code in (
        ({**twin, "name": "王芳"}, "phone_taken"),
        ({**twin, "phone": "13800000002"}, "id_number_taken"),
        (dict(twin), "already_registered"),
    ):
        with pytest.raises(RuleViolation) as caught:
            store.create_registrations(activity_id, [twin, other], source="import")
        assert caught.value.code == code and caught.value.params["index"] == 1
    assert store.count("youths") == 300
