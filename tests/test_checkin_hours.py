"""志愿时长 on the 签到 page: a rule per activity, corrections with reasons (the latest in
force, every one kept), the confirmation, each youth's total across activities, and the
export. Real widgets and store (pytest-qt); the server's side is in
tests/server/test_checkin_hours_scope.py and the three-laptop e2e."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest

from sync.client.store import Store, checkin_queries
from sync.core.checkin import HoursRule, latest_correction
from sync.core.records import ActivityStatus, CheckinAction
from sync.core.rules import RuleViolation
from tests.test_checkin_page import NAMES, _ids, make_door, scan
from tests.test_registrations_page import seed


@pytest.fixture
def door(qtbot, store: Store):
    return make_door(qtbot, store)


def _stay(qtbot, page, clock, names, stay: timedelta) -> None:
    """Everyone in `names` checks in now and out after `stay`."""
    page.set_mode(checking_out=False)
    for name in names:
        assert scan(qtbot, page, name) == "welcome"
    clock.advance(stay)
    page.set_mode(checking_out=True)
    for name in names:
        assert scan(qtbot, page, name) == "goodbye"


def _hours(dialog) -> dict[str, tuple[float, float, float]]:
    """name → (counted, final, total) as the dialog lists them."""
    return {r["name"]: (r["counted"], r["hours"], r["total"]) for r in dialog.rows}


def test_a_rule_set_for_the_activity_counts_its_hours(qtbot, door, clock):
    page = door[0]
    _stay(qtbot, page, clock, ["林小雨", "陈一鸣"], timedelta(hours=2, minutes=50))
    dialog = page.open_hours()
    qtbot.addWidget(dialog)
    assert "不足 30 分钟不计，按 30 分钟向下取整，每天最多 8 小时" in dialog.rule_label.text()
    assert "默认 30 分钟、30 分钟、8 小时" in dialog.rule_label.text()  # defaults stated
    assert _hours(dialog)["林小雨"][:2] == (2.5, 2.5)

    assert dialog.set_rule(60, 60, 120)  # at least an hour, whole hours, 2 hours a day
    assert _hours(dialog)["林小雨"][:2] == (2.0, 2.0)
    assert page.book.rule == HoursRule(
        timedelta(minutes=60), timedelta(minutes=60), timedelta(hours=2)
    )
    assert "按 60 分钟向下取整" in page.hours_button.toolTip()
    assert not dialog.set_rule(60, 0, 120)  # a step of nothing is refused, and said
    assert "取整单位" in dialog.message.text()
    shot(dialog, "0-rule")


def test_corrections_keep_their_reasons_and_the_latest_is_in_force(qtbot, door, clock):
    page, main, ids = door[0], door[2], door[3]
    _stay(qtbot, page, clock, ["林小雨"], timedelta(minutes=20))  # under the minimum
    dialog = page.open_hours()
    qtbot.addWidget(dialog)
    assert _hours(dialog)["林小雨"][:2] == (0.0, 0.0)

    assert not dialog.adjust(ids["林小雨"], 3.0, "  ")  # a reason is required
    assert dialog.message.text() == "更正志愿时长需要填写原因"
    clock.advance(timedelta(minutes=1))
    assert dialog.adjust(ids["林小雨"], 3.0, "会前布置场地两小时半")
    clock.advance(timedelta(minutes=1))
    assert dialog.adjust(ids["林小雨"], 2.5, "核对签到表后更正")
    assert _hours(dialog)["林小雨"] == (0.0, 2.5, 2.5)
    # someone who never came through the door, given hours by a correction, is listed too
    assert dialog.adjust(ids["陈一鸣"], 1.5, "在后台整理物资，未扫码")
    assert _hours(dialog)["陈一鸣"] == (0.0, 1.5, 1.5)
    history = [dialog.history.item(i).text() for i in range(dialog.history.count())]
    assert len(history) == 3
    assert "核对签到表后更正" in history[1] and "取代" not in history[1]
    assert "会前布置场地两小时半" in history[2] and "已被后来的更正取代" in history[2]
    with pytest.raises(RuleViolation):
        page.store.adjust_hours(ids["林小雨"], -1, "负数")
    first = page.store.read(checkin_queries.corrections, main)[-1]  # oldest: 林小雨's 3 h
    with pytest.raises(RuleViolation, match="void_of_correction"):  # replaced, never voided
        page.store.record_checkin(
            CheckinAction.VOID, ids["林小雨"], voids=first["id"], reason="撤销"
        )
    shot(dialog, "1-corrected")


def test_confirmation_after_the_end_freezes_the_rule_and_flags_later_corrections(
    qtbot, door, clock
):
    page, main, ids = door[0], door[2], door[3]
    _stay(qtbot, page, clock, ["林小雨", "陈一鸣"], timedelta(hours=3))
    dialog = page.open_hours()
    qtbot.addWidget(dialog)
    assert not dialog.confirm()  # the activity has not ended yet
    assert dialog.message.text() == "活动结束或完成后才能确认志愿时长"

    page.store.transition_activity(main, ActivityStatus.COMPLETED)
    assert dialog.confirm()
    assert "已由" in dialog.confirm_label.text() and "确认后更正" in dialog.confirm_label.text()
    assert not dialog.rule_button.isEnabled() and not dialog.confirm_button.isEnabled()
    with pytest.raises(RuleViolation, match="hours_confirmed"):
        page.store.set_hours_rule(main, 0, 30, 480)
    clock.advance(timedelta(hours=1))
    assert dialog.adjust(ids["陈一鸣"], 2.0, "提前离开未签退")  # still allowed, flagged
    rows = {r["name"]: r for r in dialog.rows}
    assert rows["陈一鸣"]["after_confirmation"] and not rows["林小雨"]["after_confirmation"]
    assert dialog.table.item(_row(dialog, "陈一鸣"), 7).text().startswith("⚑ 确认后更正")
    shot(dialog, "2-confirmed")


def test_each_youths_total_spans_activities_and_reaches_the_export(qtbot, door, clock, tmp_path):
    page = door[0]
    _stay(qtbot, page, clock, ["林小雨"], timedelta(hours=2))
    # the same youths at a second activity (same phones: the same people), 4 h there
    second = seed(page.store, names=NAMES, title="第二场志愿服务")
    second_ids = _ids(page.store, second)
    page.store.review_registration(second_ids["林小雨"], "approve")
    page.store.adjust_hours(second_ids["林小雨"], 4.0, "另一场活动的补录")
    dialog = page.open_hours()
    qtbot.addWidget(dialog)
    assert _hours(dialog)["林小雨"] == (2.0, 2.0, 6.0)

    target = tmp_path / "志愿时长.xlsx"
    assert page.exports.export_hours(str(target)) == 1
    sheet = openpyxl.load_workbook(target).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r and r[0] == "姓名")
    person = dict(zip(header, rows[rows.index(header) + 1], strict=True))
    for name in ("姓名", "手机号", "学校/单位", "服务活动", "组织单位", "服务日期", "签到时间"):
        assert name in header
    assert person["志愿时长（小时）"] == 2.0 and person["累计志愿时长（小时）"] == 6.0
    assert person["服务日期"] is not None


def test_the_open_hours_follow_a_change_made_elsewhere(qtbot, door):
    """A sync (or another page) confirms the hours: the open list says so shortly after."""
    page, main = door[0], door[2]
    dialog = page.open_hours()
    qtbot.addWidget(dialog)
    page.store.transition_activity(main, ActivityStatus.COMPLETED)
    page.store.confirm_hours(main)
    qtbot.waitUntil(lambda: not dialog.confirm_button.isEnabled(), timeout=3000)
    assert "已由" in dialog.confirm_label.text()


def test_the_one_rule_for_which_correction_is_in_force():
    # the server's order makes a chain: each names the one it replaced
    a = {"id": "a", "action": "adjust", "voids": "", "at": 1, "hours": 1.0}
    b = {"id": "b", "action": "adjust", "voids": "a", "at": 0, "hours": 2.0}  # clock behind
    c = {"id": "c", "action": "adjust", "voids": "b", "at": -5, "hours": 3.0}
    for order in ([a, b, c], [c, b, a], [b, c, a]):
        assert latest_correction(order)["id"] == "c"  # the wall clock does not decide
    assert latest_correction([{"id": "x", "action": "in", "voids": "", "at": 0}]) is None


def shot(dialog, name: str) -> None:
    """SUQING_SHOTS_DIR=folder saves the dialog in each state."""
    folder = os.environ.get("SUQING_SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(folder) / f"checkin-hours-{name}.png"))


def _row(dialog, name: str) -> int:
    return next(i for i, r in enumerate(dialog.rows) if r["name"] == name)
