"""The outbox journal (`sync.client.store.journal`): every unsent operation is also in a sealed
file beside the database, and only those: answered, undone or wiped ones leave it."""

from __future__ import annotations

from pathlib import Path

from sync.client import deployment, local_data
from sync.client.store import DATABASE_NAME, journal
from sync.core.protocol import OpResult, OpStatus
from sync.core.records import ActivityStatus
from tests.conftest import HOME_ORG, activity_fields, add_org

ENCRYPTED = deployment.Deployment(encrypt_local_data=True)
PLAIN = deployment.Deployment(encrypt_local_data=False)


def _journaled(store) -> list[str]:
    return list(store.journal.read().ops)


def _pending(store) -> list[str]:
    return [e["op_id"] for e in store.outbox_entries() if e["state"] == "pending"]


def test_the_journal_is_sealed_with_the_database_key(tmp_path: Path):
    store = local_data.open_store(tmp_path / "p", ENCRYPTED)
    add_org(store, HOME_ORG, "共青团南京市江宁区委员会", level="county")
    store.create_activity(HOME_ORG, activity_fields(title="秘密的活动名称"))
    activity = store.create_activity(HOME_ORG, activity_fields())[1]
    store.transition_activity(activity, ActivityStatus.PUBLISHED)
    store.walk_in(activity, "张三", "13812345678")
    raw = journal.path_for(store.path).read_bytes()
    assert raw and b"13812345678" not in raw and "张三".encode() not in raw and b"{" not in raw
    assert _journaled(store) == _pending(store) and len(_pending(store)) == 5
    store.close()
    plain = local_data.open_store(tmp_path / "q", PLAIN)  # as protected as its database
    add_org(plain, HOME_ORG, "共青团南京市江宁区委员会", level="county")
    plain.create_activity(HOME_ORG, activity_fields(title="公开的活动名称"))
    assert "公开的活动名称" in journal.path_for(plain.path).read_text()
    plain.close()


def test_answered_and_undone_operations_leave_the_journal(tmp_path: Path):
    store = local_data.open_store(tmp_path / "p", ENCRYPTED)
    add_org(store, HOME_ORG, "共青团南京市江宁区委员会", level="county")
    ops = [store.create_activity(HOME_ORG, activity_fields(title=f"活动 {n}"))[0] for n in range(4)]
    store.undo(ops[3])
    store.take_push_results([OpResult(ops[0], OpStatus.APPLIED, seq=7)])
    assert _journaled(store) == ops[1:3] == _pending(store)
    store.take_push_results(
        [OpResult(ops[1], OpStatus.APPLIED, seq=8), OpResult(ops[2], OpStatus.REJECTED)]
    )
    assert journal.path_for(store.path).stat().st_size == 0  # nothing unsent: emptied
    store.create_activity(HOME_ORG, activity_fields())
    store.clear_local_data()
    assert journal.path_for(store.path).stat().st_size == 0
    store.close()


def test_opening_adds_what_the_journal_lacks_and_drops_what_is_gone(tmp_path: Path):
    profile = tmp_path / "p"
    store = local_data.open_store(profile, ENCRYPTED)
    add_org(store, HOME_ORG, "共青团南京市江宁区委员会", level="county")
    ops = [store.create_activity(HOME_ORG, activity_fields(title=f"活动 {n}"))[0] for n in range(3)]
    store.undo(ops[2])
    store.close()
    path = journal.path_for(profile / DATABASE_NAME)
    assert path.read_bytes().count(b"\n") == 4  # three queued, one gone
    store = local_data.open_store(profile, ENCRYPTED)  # compacted: one line
    assert path.read_bytes().count(b"\n") == 1 and _journaled(store) == ops[:2]
    store.close()
    path.unlink()  # as a profile from before the journal
    store = local_data.open_store(profile, ENCRYPTED)
    assert _journaled(store) == ops[:2] == _pending(store)
    store.close()
