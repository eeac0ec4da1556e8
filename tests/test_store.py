"""The local store: operations and the outbox in one transaction, queries in SQL, undo."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from sync.client.store import ActivityQuery, Store
from sync.client.store.tables import activities, outbox
from sync.core import operations
from sync.core.operations import Decision, Kind, ReviewRegistration
from sync.core.records import ActivityStatus, Phase
from sync.core.rules import RuleViolation
from tests.conftest import HOME_ORG, NOW, SIBLING_ORG, activity_fields


def _outbox(store: Store) -> list[dict]:
    return store.outbox_entries()


def test_each_action_is_applied_and_queued_exactly_once(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    store.update_activity(activity_id, {"title": "新标题", "capacity": 40})
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    entries = _outbox(store)
    assert [e["kind"] for e in entries] == [
        Kind.ACTIVITY_CREATE,
        Kind.ACTIVITY_UPDATE,
        Kind.ACTIVITY_TRANSITION,
    ]
    assert len({e["op_id"] for e in entries}) == 3
    assert all(e["device_id"] == store.device_id and e["state"] == "pending" for e in entries)
    update = json.loads(entries[1]["payload"])
    assert update["changes"] == {"title": "新标题", "capacity": 40}
    assert update["before"] == {"title": "江宁区青年创业沙龙（第3期）", "capacity": 30}
    assert "base_version" not in update  # written by older versions, read by none
    row = store.activity(activity_id)
    assert (row["title"], row["capacity"], row["status"]) == ("新标题", 40, "published")
    assert store.pending_count() == 3


def test_saving_unchanged_fields_queues_nothing(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    assert store.update_activity(activity_id, activity_fields()) is None
    assert store.pending_count() == 1


def test_rule_violation_changes_nothing(store: Store):
    with pytest.raises(RuleViolation) as caught:
        store.create_activity(HOME_ORG, activity_fields(capacity=0, title=""))
    assert {p.code for p in caught.value.problems} == {"capacity_too_small", "required"}
    assert store.count("activities") == 0
    assert _outbox(store) == []


def test_failure_mid_operation_leaves_neither_change_nor_outbox_entry(store: Store, monkeypatch):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    before = store.activity(activity_id)

    def write_then_fail(ctx, payload):
        ctx.update("activities", payload.id, {"title": "半途而废"})
        raise OSError("disk full")

    monkeypatch.setitem(operations.HANDLERS, Kind.ACTIVITY_UPDATE, write_then_fail)
    with pytest.raises(OSError):
        store.update_activity(activity_id, {"title": "半途而废"})
    assert store.activity(activity_id) == before
    assert len(_outbox(store)) == 1


def test_failure_writing_the_outbox_rolls_back_the_change(store: Store, monkeypatch):
    """The change and its outbox entry commit together, or not at all."""
    import sync.client.store.store as store_module

    real_insert = store_module.insert

    def failing_insert(table):
        if table is outbox:
            raise OSError("disk full while queueing")
        return real_insert(table)

    monkeypatch.setattr(store_module, "insert", failing_insert)
    with pytest.raises(OSError):
        store.create_activity(HOME_ORG, activity_fields())
    monkeypatch.undo()
    assert store.count("activities") == 0
    assert _outbox(store) == []


def test_illegal_transition_is_refused(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    store.transition_activity(activity_id, ActivityStatus.CANCELLED)
    with pytest.raises(RuleViolation) as caught:
        store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    assert caught.value.code == "illegal_transition"
    with pytest.raises(RuleViolation):
        store.update_activity(activity_id, {"title": "改不了"})
    assert store.pending_count() == 2


def test_only_drafts_can_be_deleted(store: Store):
    _, draft = store.create_activity(HOME_ORG, activity_fields())
    _, published = store.create_activity(HOME_ORG, activity_fields())
    store.transition_activity(published, ActivityStatus.PUBLISHED)
    store.delete_activity(draft)
    assert store.activity(draft) is None
    with pytest.raises(RuleViolation) as caught:
        store.delete_activity(published)
    assert caught.value.code == "only_drafts_deletable"


def test_ids_are_uuid7_and_unique(store: Store):
    ids = {store.create_activity(HOME_ORG, activity_fields())[1] for _ in range(20)}
    assert len(ids) == 20
    assert all(i[14] == "7" for i in ids)


# --- undo ------------------------------------------------------------------------------------


def test_undo_restores_rows_and_drops_the_operation(store: Store):
    create_op, activity_id = store.create_activity(HOME_ORG, activity_fields())
    edit_op = store.update_activity(activity_id, {"title": "改错了"})
    publish_op = store.transition_activity(activity_id, ActivityStatus.PUBLISHED)

    store.undo(publish_op)
    assert store.activity(activity_id)["status"] == "draft"
    store.undo(edit_op)
    assert store.activity(activity_id)["title"] == "江宁区青年创业沙龙（第3期）"
    store.undo(create_op)
    assert store.activity(activity_id) is None
    assert _outbox(store) == []


def test_undo_refuses_when_a_later_operation_touched_the_record(store: Store):
    create_op, activity_id = store.create_activity(HOME_ORG, activity_fields())
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    with pytest.raises(RuleViolation) as caught:
        store.undo(create_op)
    assert caught.value.code == "undo_superseded"
    assert store.activity(activity_id)["status"] == "published"
    assert store.pending_count() == 2


def test_undo_refuses_an_operation_no_longer_pending(store: Store):
    op_id, _ = store.create_activity(HOME_ORG, activity_fields())
    with store.engine.begin() as conn:  # as the sync engine will once the server acknowledged
        conn.execute(outbox.update().values(state="acknowledged"))
    with pytest.raises(RuleViolation) as caught:
        store.undo(op_id)
    assert caught.value.code == "undo_already_synced"


# --- queries ---------------------------------------------------------------------------------


@pytest.fixture
def varied(store: Store) -> dict[str, str]:
    """Activities that differ in region, time, category and phase."""
    day = timedelta(days=1)
    specs = {
        "jiangning_future": dict(start=NOW + 20 * day),
        "jiangning_open": dict(
            start=NOW + 5 * day, category="public_service", title="秦淮河岸垃圾清理志愿行动"
        ),
        "xuanwu_past": dict(start=NOW - 30 * day, region_code="320102", lon=118.80, lat=32.05),
        "suzhou": dict(
            start=NOW + 3 * day,
            region_code="320508",
            category="skills",
            lon=120.62,
            lat=31.32,
            location_name="姑苏区青少年宫",
        ),
        "draft": dict(start=NOW + 40 * day, title="青年大学习主题团日", category="ideology"),
    }
    ids = {}
    for key, spec in specs.items():
        start = spec.pop("start")
        fields = activity_fields(start, **spec)
        if key == "jiangning_open":
            fields["registration_opens_at"] = NOW - 2 * day
        _, ids[key] = store.create_activity(HOME_ORG if key != "suzhou" else SIBLING_ORG, fields)
        if key != "draft":
            store.transition_activity(ids[key], ActivityStatus.PUBLISHED)
    return ids


def _find(store: Store, **query) -> set[str]:
    return set(store.activity_ids(ActivityQuery(**query)))


def test_filter_by_region_includes_subordinates(store: Store, varied):
    nanjing = {varied[k] for k in ("jiangning_future", "jiangning_open", "xuanwu_past", "draft")}
    assert _find(store, region_code="320100") == nanjing
    assert _find(store, region_code="320102") == {varied["xuanwu_past"]}
    assert _find(store, region_code="320500") == {varied["suzhou"]}
    assert _find(store, region_code="320000") == set(varied.values())


def test_filter_by_time_range_is_overlap(store: Store, varied):
    found = _find(store, time_from=NOW, time_until=NOW + timedelta(days=10))
    assert found == {varied["jiangning_open"], varied["suzhou"]}
    assert _find(store, time_until=NOW) == {varied["xuanwu_past"]}


def test_filter_by_category(store: Store, varied):
    assert _find(store, category="public_service") == {varied["jiangning_open"]}


def test_filter_by_phase_matches_the_rule(store: Store, varied):
    from sync.core import rules

    for phase in Phase:
        expected = {i for i in varied.values() if rules.phase(store.activity(i), NOW) is phase}
        assert _find(store, phase=phase) == expected, phase
    assert _find(store, phase=Phase.ENDED) == {varied["xuanwu_past"]}
    assert _find(store, phase=Phase.REGISTERING) == {varied["jiangning_open"], varied["suzhou"]}
    assert _find(store, phase=Phase.NOT_STARTED) == {varied["jiangning_future"]}
    assert _find(store, phase=Phase.DRAFT) == {varied["draft"]}


def test_search_matches_title_location_and_organisation(store: Store, varied):
    assert _find(store, text="垃圾清理") == {varied["jiangning_open"]}
    assert _find(store, text="青少年宫") == {varied["suzhou"]}
    assert _find(store, text="江宁高级中学") == {varied["suzhou"]}  # the organiser's name
    assert _find(store, text="团日 大学习") == {varied["draft"]}  # every word must match
    assert _find(store, text="100%") == set()  # LIKE wildcards are literal


def test_sorting_and_rows(store: Store, varied):
    ids = store.activity_ids(ActivityQuery(sort="starts_at", descending=False))
    starts = [store.activity(i)["starts_at"] for i in ids]
    assert starts == sorted(starts)
    by_phase = store.activity_ids(ActivityQuery(sort="phase", descending=False))
    assert by_phase[0] == varied["draft"]
    rows = store.activity_rows(ids[:2])
    assert set(rows) == set(ids[:2])
    assert all({"org_name", "approved_count", "pending_count"} <= set(r) for r in rows.values())


def test_times_are_stored_in_utc_and_come_back_aware(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    with store.engine.connect() as conn:
        raw = conn.exec_driver_sql(
            "SELECT starts_at FROM activities WHERE id = ?", (activity_id,)
        ).scalar()
    assert raw.startswith("2026-12-08 02:00:00")  # 10:00 in Nanjing
    assert store.activity(activity_id)["starts_at"] == NOW + timedelta(days=14)
    assert store.read(lambda c: c.scalar(select(activities.c.starts_at))).tzinfo is not None


# --- registrations -----------------------------------------------------------------------------


def _registrations(store: Store, activity_id: str, count: int) -> list[str]:
    from sqlalchemy import insert

    from sync.client.store.tables import registrations, youths

    ids = []
    with store.bulk_write() as conn:
        for i in range(count):
            conn.execute(
                insert(youths).values(
                    id=f"y{i}",
                    name=f"青年{i}",
                    phone="13800000000",
                    gender="unknown",
                    school_or_employer="",
                    region_code="320115",
                    version=1,
                )
            )
            conn.execute(
                insert(registrations).values(
                    id=f"r{i}",
                    activity_id=activity_id,
                    youth_id=f"y{i}",
                    status="pending",
                    reject_reason="",
                    version=1,
                )
            )
            ids.append(f"r{i}")
    return ids


def test_approvals_past_capacity_join_the_waitlist(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields(capacity=2))
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    first, second, third = _registrations(store, activity_id, 3)
    store.review_registration(first, "approve")
    store.review_registration(second, "approve")
    _, outcome = store.execute(ReviewRegistration(third, Decision.APPROVE))
    assert outcome.changed == "waitlisted_full"
    with store.engine.connect() as conn:
        statuses = dict(conn.exec_driver_sql("SELECT id, status FROM registrations").fetchall())
    assert statuses == {first: "approved", second: "approved", third: "waitlisted"}


def test_rejecting_needs_a_reason(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    [registration] = _registrations(store, activity_id, 1)
    with pytest.raises(RuleViolation) as caught:
        store.review_registration(registration, "reject", "  ")
    assert caught.value.code == "reject_reason_required"
    store.review_registration(registration, "reject", "名额已满")
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT status, reject_reason FROM registrations").first()
    assert tuple(row) == ("rejected", "名额已满")
