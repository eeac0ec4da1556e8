"""The typed operation contract: every kind has a handler and a payload type, its JSON reads back
the same, a wrong shape is malformed, and no kind is spelled outside its definition."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sync.core import operations
from sync.core.operations import Kind, UpdateActivity
from sync.core.rules import RuleViolation

ROOT = Path(__file__).resolve().parent.parent
DEFINITION = ROOT / "sync" / "core" / "operations" / "kinds.py"


def test_every_kind_has_a_handler_and_a_payload_type():
    assert set(operations.HANDLERS) == set(Kind)
    assert set(operations.PAYLOADS) == set(Kind)
    assert all(t.kind is k for k, t in operations.PAYLOADS.items())


def test_no_bare_kind_string_outside_the_definition():
    names = "|".join(re.escape(k.value) for k in Kind)
    quoted = re.compile(rf"""["']({names})["']""")
    found = []
    for folder in ("sync", "desktop", "benchmarks", "tests"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path in (DEFINITION, Path(__file__).resolve()) or ".venv" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if match := quoted.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {match.group(1)}")
    assert not found, "use sync.core.operations.Kind instead:\n" + "\n".join(found)


def test_an_old_outbox_payload_with_base_version_is_still_read():
    old = {"id": "a1", "base_version": 3, "changes": {"capacity": 40}, "before": {"capacity": 30}}
    read = operations.parse(Kind.ACTIVITY_UPDATE, old)
    assert read == UpdateActivity("a1", changes={"capacity": 40}, before={"capacity": 30})
    assert "base_version" not in read.to_payload()


@pytest.mark.parametrize(
    ("kind", "payload"),
    [
        (Kind.FOLLOWER_TAG, {"ids": "f1"}),
        (Kind.REGISTRATION_REVIEW, {"id": "r1", "decision": "maybe"}),
        (Kind.ACTIVITY_TRANSITION, {"id": 7, "to": "published"}),
        (Kind.PERSONAL_REVEAL, {"table": "youths", "id": "y1"}),
        (Kind.ACTIVITY_CREATE, ["not", "an", "object"]),
    ],
)
def test_a_wrong_shape_is_malformed(kind, payload):
    with pytest.raises(RuleViolation) as caught:
        operations.parse(kind, payload)
    assert caught.value.code == "malformed_operation"


def test_an_unknown_kind_is_refused():
    with pytest.raises(RuleViolation) as caught:
        operations.parse("youth.merge", {})
    assert caught.value.code == "unknown_kind"


def test_kind_facts():
    assert not Kind.PERSONAL_REVEAL.undoable and Kind.ACTIVITY_UPDATE.undoable
    youth = {k for k in Kind if k.by_youth}
    assert youth == {
        Kind.YOUTH_CREATE,
        Kind.REGISTRATION_CREATE,
        Kind.REGISTRATION_CANCEL,
        Kind.FOLLOWER_FOLLOW,
        Kind.FOLLOWER_UNFOLLOW,
        Kind.REQUEST_SUBMIT,
        Kind.REQUEST_ADD,
    }


def test_the_sync_problems_dialog_describes_every_kind():
    from desktop.dialogs.sync_issues_dialog import describe_operation

    for kind in Kind:
        text = describe_operation(kind, {}, "张三")
        assert "其他操作" not in text and kind.value not in text, kind
