"""粉丝 and notices in the local store: tags as sets that merge, notices queued until the
server delivers them, guardian consent and the reveal of personal data; and the rules behind
them (tags, ID numbers, youths, the waitlist, who may register when)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import insert, select

from sync.client.store import Store
from sync.client.store.queries import tag_condition
from sync.client.store.tables import followers, notices, youths
from sync.core import messages, rules
from sync.core.operations import MAX_IDS, Kind, RevealPersonalData, TagFollowers
from sync.core.protocol import OpResult, OpStatus, PullPage
from sync.core.records import ActivityStatus, RegistrationSource
from sync.core.rules import RuleViolation
from tests.conftest import HOME_ORG, NOW, SIBLING_ORG, activity_fields


def add_followers(store: Store, count: int, org_id: str = HOME_ORG) -> list[str]:
    ids = [f"f{i}" for i in range(count)]
    with store.bulk_write() as conn:
        conn.execute(
            insert(youths),
            [
                dict(
                    id=f"y{i}",
                    name=f"青年{i}",
                    phone=f"1390000{i:04d}",
                    gender="unknown",
                    school_or_employer="",
                    region_code="320115",
                    version=1,
                )
                for i in range(count)
            ],
        )
        conn.execute(
            insert(followers),
            [
                dict(id=f"f{i}", org_id=org_id, youth_id=f"y{i}", followed_at=NOW, version=1)
                for i in range(count)
            ],
        )
    return ids


def tags(store: Store) -> dict[str, list[str]]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(followers.c.id, followers.c.tags))
        return {r.id: rules.decode_tags(r.tags) for r in rows}


def tagged(store: Store, tag: str) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.scalars(select(followers.c.id).where(tag_condition(followers.c.tags, tag))))


# --- tags ------------------------------------------------------------------------------------


def test_tags_are_stored_sorted_unique_and_searchable(store: Store):
    ids = add_followers(store, 3)
    [op_id] = store.tag_followers(ids[:2], add=["志愿者", " 大学生 ", "志愿者"])
    store.tag_followers(ids[1:], add=["100%_真"], remove=["志愿者"])
    assert tags(store) == {
        "f0": ["大学生", "志愿者"],
        "f1": ["100%_真", "大学生"],
        "f2": ["100%_真"],
    }
    assert tagged(store, "志愿者") == {"f0"}
    assert tagged(store, "100%_真") == {"f1", "f2"}
    assert tagged(store, "100") == set()  # a whole tag, never a part of one
    assert tagged(store, "%") == set()
    with pytest.raises(RuleViolation) as caught:
        store.undo(op_id)
    assert caught.value.code == "undo_superseded"  # the second step touched f1 too


def test_a_bulk_tag_is_split_into_operations_under_the_cap_and_undone_together(store: Store):
    """A tag over more followers than one operation may name becomes several operations, each
    under `MAX_IDS` (the server refuses a longer one), applied and undone as one step."""
    ids = add_followers(store, 2 * MAX_IDS + 50)
    op_ids = store.tag_followers(ids + ids[:10], add=["志愿者"])
    assert len(op_ids) == 3
    queued = [e for e in store.outbox_entries() if e["op_id"] in op_ids]
    lists = [json.loads(e["payload"])["ids"] for e in queued]
    named = [i for ids_ in lists for i in ids_]
    assert all(len(ids_) <= MAX_IDS for ids_ in lists)
    assert sorted(named) == sorted(ids)  # each follower once
    assert tagged(store, "志愿者") == set(ids)
    store.undo_many(op_ids)
    assert tagged(store, "志愿者") == set()


def test_an_operation_over_the_id_cap_is_refused_before_it_is_applied(store: Store):
    ids = add_followers(store, MAX_IDS + 1)
    with pytest.raises(RuleViolation) as caught:
        store.execute(TagFollowers(tuple(ids), add=("志愿者",)))
    assert caught.value.code == "too_many_ids"
    assert str(MAX_IDS) in messages.render(caught.value.code, caught.value.params)
    assert tagged(store, "志愿者") == set()


@pytest.mark.parametrize("bad", ["", "   ", "x" * 21, 'say "hi"', "a\tb", "a\x00b"])
def test_bad_tags_are_refused_with_a_message(store: Store, bad: str):
    [follower] = add_followers(store, 1)
    with pytest.raises(RuleViolation) as caught:
        store.tag_followers([follower], add=[bad])
    assert caught.value.code == "invalid_tag"
    assert "标签" in messages.render(caught.value.code, caught.value.params)
    assert tags(store) == {"f0": []}


def test_tags_of_two_devices_merge_as_sets_after_a_pull(store: Store):
    """This device added 大学生 offline while the server already holds another device's
    志愿者: after the pull the follower has both; once acknowledged, still both."""
    [follower] = add_followers(store, 1)
    [op_id] = store.tag_followers([follower], add=["大学生"])
    server_row = dict(
        id=follower,
        org_id=HOME_ORG,
        youth_id="y0",
        followed_at=NOW.isoformat(),
        source_activity_id=None,
        version=2,
        tags=rules.encode_tags(["志愿者"]),
    )
    store.take_pull_page(
        PullPage(cursor=10, more=False, rows={"followers": [server_row]}, deleted={})
    )
    assert tags(store) == {follower: ["大学生", "志愿者"]}
    store.take_push_results([OpResult(op_id, OpStatus.APPLIED, 11)])
    assert tags(store) == {follower: ["大学生", "志愿者"]}


def test_tag_rules():
    assert rules.encode_tags([]) == ""
    assert rules.encode_tags(["b", "a", "b"]) == '["a","b"]'
    assert rules.decode_tags('["a","b"]') == ["a", "b"]
    assert rules.decode_tags("") == rules.decode_tags("not json") == []
    assert rules.change_tags('["a","b"]', add=["c"], remove=["a", "zz"]) == '["b","c"]'
    assert rules.validate_tag(" 团员 ") == "团员"


# --- notices ---------------------------------------------------------------------------------


def test_a_notice_waits_queued_on_the_device(store: Store):
    store.set_meta("account", '{"username": "jiangning"}')
    op_id, notice_id = store.send_notice(HOME_ORG, "周末活动通知", "本周六上午九点集合。", "志愿者")
    with store.engine.connect() as conn:
        row = conn.execute(select(notices)).mappings().one()
    assert (row["id"], row["status"], row["recipient_count"]) == (notice_id, "queued", 0)
    assert (row["created_by"], row["tag"], row["sent_at"]) == ("jiangning", "志愿者", None)
    assert store.outbox_entries()[-1]["op_id"] == op_id


@pytest.mark.parametrize(
    ("title", "body", "tag", "field"),
    [
        ("", "正文", "", "notice_title"),
        ("标题", "  ", "", "notice_body"),
        ("标" * 61, "正文", "", "notice_title"),
        ("标题", "正文", 'x"y', "tag"),
    ],
)
def test_a_bad_notice_is_refused(store: Store, title, body, tag, field):
    with pytest.raises(RuleViolation) as caught:
        store.send_notice(HOME_ORG, title, body, tag)
    assert caught.value.code == "invalid_notice"
    assert [p.field for p in caught.value.problems] == [field]
    assert store.count("notices") == 0


# --- personal data ---------------------------------------------------------------------------


def test_guardian_consent_and_reveal_are_operations(store: Store):
    add_followers(store, 1)
    store.set_guardian_consent("y0", "given")
    assert store.read(lambda c: c.scalar(select(youths.c.guardian_consent))) == "given"
    with pytest.raises(ValueError):
        store.set_guardian_consent("y0", "maybe")
    # Reveals are now asked of the server (sync.server.personal); an older workbench queued
    # them as operations, which stay readable and are still kept out of the undo history.
    op_id, _ = store.execute(RevealPersonalData("youths", "y0", ("phone",)))
    assert store.outbox_entries()[-1]["kind"] == Kind.PERSONAL_REVEAL
    assert store.outbox_entries()[-1]["op_id"] == op_id
    with pytest.raises(RuleViolation) as caught:
        store.undo(op_id)  # the audit record stays
    assert caught.value.code == "undo_not_allowed"
    with pytest.raises(RuleViolation) as caught:
        store.execute(RevealPersonalData("youths", "y0", ("password",)))
    assert caught.value.code == "malformed_operation"


# --- rules -----------------------------------------------------------------------------------


def test_id_numbers_and_mobiles():
    assert rules.id_number_valid("11010519491231002X")
    assert not rules.id_number_valid("110105194912310021")  # wrong check character
    assert not rules.id_number_valid("1101051949123100")
    assert rules.mobile_valid("13812345678")
    assert not rules.mobile_valid("12812345678") and not rules.mobile_valid("1381234567")


def test_validate_youth_names_each_bad_field():
    problems = rules.validate_youth(
        {
            "name": "",
            "phone": "12345",
            "id_number": "123",
            "birth_date": date(2030, 1, 1),
            "school_or_employer": "x\x01",
        },
        today=date(2026, 11, 24),
    )
    assert {(p.code, p.field) for p in problems} == {
        ("required", "name"),
        ("bad_mobile", "phone"),
        ("bad_id_number", "id_number"),
        ("bad_birth_date", "birth_date"),
        ("control_characters", "school_or_employer"),
    }
    for p in problems:
        assert "{" not in messages.render(p.code, p.params)
    assert rules.validate_youth({"name": "李明", "phone": "13812345678"}) == []


def test_waitlist_promotion_rule_takes_the_earliest_into_free_seats():
    assert rules.to_promote(5, 3, ["a", "b", "c"]) == ["a", "b"]
    assert rules.to_promote(5, 5, ["a"]) == []
    assert rules.to_promote(5, 7, ["a"]) == []  # over capacity (merged offline): nobody


def test_who_may_register_when():
    a = {**activity_fields(), "status": "published"}
    opens, closes = a["registration_opens_at"], a["registration_closes_at"]
    online, walk_in = RegistrationSource.ONLINE, RegistrationSource.WALK_IN
    rules.check_may_register(a, opens, online)
    for when in (opens - timedelta(seconds=1), closes):
        with pytest.raises(RuleViolation) as caught:
            rules.check_may_register(a, when, online)
        assert caught.value.code == "registration_closed"
        rules.check_may_register(a, when, walk_in)  # a cadre may add a walk-in any time
    with pytest.raises(RuleViolation):
        rules.check_may_register({**a, "status": ActivityStatus.COMPLETED}, opens, walk_in)


def test_a_sibling_org_is_an_ordinary_org_for_the_device(store: Store):
    # The device applies what its user may see; the server decides scope (tests/server).
    _, notice_id = store.send_notice(SIBLING_ORG, "通知", "内容")
    assert store.count("notices") == 1 and notice_id
