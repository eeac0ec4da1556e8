"""Taking the server's answers into the local replica: rebase, tombstones, cursor, rejections."""

from __future__ import annotations

from sync.client.store import Store
from sync.core.codec import to_json
from sync.core.operations import Kind
from sync.core.protocol import OpResult, OpStatus, PullPage
from sync.core.records import Activity, ActivityStatus
from tests.conftest import HOME_ORG, activity_fields


def _server_row(store: Store, activity_id: str, **changes) -> dict:
    """The activity as the server would send it: the local row with the server's changes."""
    row = {**store.activity(activity_id), **changes}
    return to_json(Activity, row)


def _page(cursor: int, *, rows=None, deleted=None) -> PullPage:
    return PullPage(cursor=cursor, more=False, rows=rows or {}, deleted=deleted or {})


def test_pending_edit_is_replayed_on_top_of_pulled_changes(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    [create] = store.ops_to_push(10)
    store.take_push_results([OpResult(create["op_id"], OpStatus.APPLIED, seq=5)])
    store.update_activity(activity_id, {"title": "本机改的标题"})  # not pushed yet

    server = _server_row(
        store, activity_id, title=activity_fields()["title"], capacity=80, version=2
    )
    store.take_pull_page(_page(6, rows={"activities": [server]}))

    row = store.activity(activity_id)
    assert (row["title"], row["capacity"], row["version"]) == ("本机改的标题", 80, 2)
    assert store.pull_cursor() == 6
    states = [e["state"] for e in store.outbox_entries()]
    assert states == ["pending"]  # the create was acknowledged and passed by the cursor


def test_acknowledged_op_stays_replayed_until_a_pull_passes_it(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    [create] = store.ops_to_push(10)
    store.take_push_results([OpResult(create["op_id"], OpStatus.APPLIED, seq=9)])
    store.take_pull_page(_page(7))  # an older page: the server's row is not in it yet
    assert store.activity(activity_id) is not None
    assert [e["state"] for e in store.outbox_entries()] == ["acknowledged"]
    assert store.ops_to_push(10) == []  # never pushed twice


def test_rejected_op_leaves_the_queue_and_takes_its_effect_with_it(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    create, publish = store.ops_to_push(10)
    store.take_push_results(
        [
            OpResult(create["op_id"], OpStatus.APPLIED, seq=3),
            OpResult(
                publish["op_id"],
                OpStatus.REJECTED,
                code="illegal_transition",
                params={"current": "cancelled", "action": "publish"},
            ),
        ]
    )
    assert store.activity(activity_id)["status"] == "draft"
    entries = {e["kind"]: e for e in store.outbox_entries()}
    assert entries[Kind.ACTIVITY_TRANSITION]["state"] == "rejected"
    assert "illegal_transition" in entries[Kind.ACTIVITY_TRANSITION]["result"]
    assert store.pending_count() == 0


def test_tombstone_removes_the_row(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    [create] = store.ops_to_push(10)
    store.take_push_results([OpResult(create["op_id"], OpStatus.APPLIED, seq=2)])
    store.take_pull_page(_page(2, rows={"activities": [_server_row(store, activity_id)]}))
    store.take_pull_page(_page(4, deleted={"activities": [activity_id]}))
    assert store.activity(activity_id) is None


def test_field_conflict_is_kept_for_the_user(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    store.update_activity(activity_id, {"capacity": 50})
    create, edit = store.ops_to_push(10)
    store.take_push_results(
        [
            OpResult(create["op_id"], OpStatus.APPLIED, seq=1),
            OpResult(
                edit["op_id"],
                OpStatus.CHANGED,
                seq=2,
                code="field_conflict",
                params={
                    "table": "activities",
                    "id": activity_id,
                    "fields": {"capacity": {"mine": 50, "theirs": 70}},
                },
            ),
        ]
    )
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT table_name, record_id, field, mine, theirs FROM conflicts"
        ).fetchall()
    assert rows == [("activities", activity_id, "capacity", "50", "70")]


def test_unknown_fields_from_a_newer_server_are_ignored(store: Store):
    _, activity_id = store.create_activity(HOME_ORG, activity_fields())
    row = {**_server_row(store, activity_id, title="服务器标题"), "new_field_from_v2": 1}
    [create] = store.ops_to_push(10)
    store.take_push_results([OpResult(create["op_id"], OpStatus.APPLIED, seq=1)])
    store.take_pull_page(_page(1, rows={"activities": [row]}))
    assert store.activity(activity_id)["title"] == "服务器标题"
