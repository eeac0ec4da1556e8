"""The 签到 page driven like a door: a scanner types a code and presses Enter; pytest-qt, real
widgets, a real store. Codes are signed with a key made here, whose public half the store holds
as a sync would have left it. SUQING_SHOTS_DIR=folder saves a screenshot of each state."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt

from desktop.events import StoreEvents
from desktop.pages.checkin import CheckinPage
from sync.client.store import Store
from sync.client.store import registration_queries as rq
from sync.client.store.replica import CHECKIN_KEY
from sync.core import checkin_codes
from sync.core.checkin import Presence, volunteer_hours
from tests.conftest import NOW
from tests.test_activities_page import type_text, when_modal
from tests.test_registrations_page import seed

NAMES = ["陈一鸣", "林小雨", "王大力", "赵子龙", "刘晓燕"]


@pytest.fixture
def door(qtbot, store: Store):
    return make_door(qtbot, store)


def make_door(qtbot, store: Store):
    """(page, key, ids by name of the main activity, the other activity's approved id)."""
    key = Ed25519PrivateKey.generate()
    store.set_meta(CHECKIN_KEY, checkin_codes.public_key_text(key.public_key()))
    main = seed(store, names=NAMES, title="江宁区青年志愿服务日")
    other = seed(store, names=["孙悟空"], title="另一场活动", first=50)
    ids = _ids(store, main)
    for name in ("陈一鸣", "林小雨", "王大力"):
        store.review_registration(ids[name], "approve")
    store.review_registration(ids["赵子龙"], "reject", "不符合条件")
    store.cancel_registration(ids["刘晓燕"])
    other_id = _ids(store, other)["孙悟空"]
    store.review_registration(other_id, "approve")
    events = StoreEvents(store)
    page = CheckinPage(store, events)
    events.setParent(page)  # kept alive as long as the page
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.activity_combo.setCurrentIndex(page.activity_combo.findData(main))
    return page, key, main, ids, (other, other_id)


def _ids(store: Store, activity_id: str) -> dict[str, str]:
    found = store.read(rq.registration_ids, rq.RegistrationQuery(activity_id=activity_id))
    return {r["name"]: i for i, r in store.read(rq.registration_rows, found).items()}


def code(key, registration_id: str, activity_id: str) -> str:
    return checkin_codes.sign(key, registration_id, activity_id, NOW)


def scan(qtbot, page: CheckinPage, text: str) -> str:
    """Keystrokes then Enter, as a USB scanner sends them; the verdict the page announced."""
    with qtbot.waitSignal(page.scanned, timeout=2000) as answered:
        if text.isascii():
            qtbot.keyClicks(page.input, text)
        else:
            type_text(page.input, text)
        qtbot.keyClick(page.input, Qt.Key.Key_Return)
    return answered.args[0]


def band(page: CheckinPage) -> tuple[str, str]:
    return page.band.property("tone"), page.band.text()


def shot(page: CheckinPage, name: str) -> None:
    folder = os.environ.get("SUQING_SHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.grab().save(str(Path(folder) / f"checkin-{name}.png"))


def test_each_scan_gets_the_right_colour_and_words(qtbot, door):
    page, key, main, ids, (other, other_id) = door
    shot(page, "0-idle")
    valid = code(key, ids["陈一鸣"], main)

    assert scan(qtbot, page, valid) == "welcome"
    assert band(page) == ("green", "欢迎，陈一鸣！")
    assert "已到 1" in page.counts_label.text() and "应到 3" in page.counts_label.text()
    shot(page, "1-welcome")

    assert scan(qtbot, page, valid) == "already_in"  # a second scan
    tone, text = band(page)
    assert (
        tone == "amber" and "陈一鸣 已签到" in text and "（10:00）" in text
    )  # the clock of the test, China time
    assert "已到 1" in page.counts_label.text()  # counted once
    shot(page, "2-already")

    changed = valid[:60] + ("A" if valid[60] != "A" else "B") + valid[61:]
    assert scan(qtbot, page, changed) == "forged"  # one character changed
    assert band(page) == ("red", "签到码无效（可能被伪造或改动）")
    shot(page, "3-forged")

    stranger = Ed25519PrivateKey.generate()  # signed by another key
    assert scan(qtbot, page, code(stranger, ids["林小雨"], main)) == "forged"

    assert scan(qtbot, page, code(key, other_id, other)) == "other_activity"
    assert band(page) == ("red", "这是其他活动的签到码")
    shot(page, "4-other-activity")

    assert scan(qtbot, page, code(key, ids["刘晓燕"], main)) == "cancelled"
    assert band(page) == ("red", "刘晓燕 的报名已取消")
    shot(page, "5-cancelled")

    assert scan(qtbot, page, code(key, ids["赵子龙"], main)) == "rejected"
    assert band(page) == ("red", "赵子龙 的报名未通过审核")

    assert scan(qtbot, page, "孙悟空") == "not_registered"  # registered elsewhere only
    assert band(page) == ("red", "未报名此活动")
    shot(page, "6-not-registered")

    assert page.store.pending_count() > 0
    events = page.book.entries[ids["陈一鸣"]].events
    assert [e["action"] for e in events] == ["in"]  # refusals and the second scan wrote nothing


def test_name_phone_tail_check_out_and_an_undo_with_a_reason(qtbot, door):
    page, _key, _main, ids, _other = door
    assert scan(qtbot, page, "林小雨") == "welcome"
    assert scan(qtbot, page, "0002") == "welcome"  # 王大力's phone ends in 0002
    assert "已到 2　在场 2" in page.counts_label.text()

    qtbot.keyClick(page.input, Qt.Key.Key_F6)  # check-out mode
    assert page.checking_out
    assert scan(qtbot, page, "林小雨") == "goodbye"
    assert band(page)[0] == "green"
    assert scan(qtbot, page, "陈一鸣") == "not_inside"
    assert "在场 1　已离开 1" in page.counts_label.text()
    shot(page, "7-goodbye")
    qtbot.keyClick(page.input, Qt.Key.Key_F5)
    assert not page.checking_out

    def give_reason(dialog) -> None:
        dialog.setTextValue("扫错了人")
        dialog.accept()

    errors = when_modal(qtbot, give_reason)
    qtbot.keyClick(page.input, Qt.Key.Key_F8)  # undo the last check-in: 王大力's
    assert not errors
    assert band(page)[1] == "已撤销 王大力 的签到"
    assert not page.book.entries[ids["王大力"]].state.arrived
    assert "已到 1" in page.counts_label.text()
    page.reload()  # what the store holds says the same
    assert not page.book.entries[ids["王大力"]].state.arrived
    voids = [e for e in page.book.entries[ids["王大力"]].events if e["action"] == "void"]
    assert len(voids) == 1


def test_a_laptop_that_never_synced_says_so(qtbot, door):
    page, key, main, ids, _other = door
    page.store.set_meta(CHECKIN_KEY, "")
    page.reload()
    assert scan(qtbot, page, code(key, ids["陈一鸣"], main)) == "no_key"
    assert band(page)[0] == "red"


def test_a_walk_in_is_registered_and_welcomed_in_three_fields(qtbot, door):
    page, _key, _main, _ids, _other = door
    before = page.book.counts()

    def fill(dialog) -> None:
        type_text(dialog.name, "周小舟")
        dialog.phone.setText("13912345678")
        type_text(dialog.school, "南京大学")
        dialog.accept()

    errors = when_modal(qtbot, fill)
    with qtbot.waitSignal(page.scanned, timeout=3000) as answered:
        qtbot.keyClick(page.input, Qt.Key.Key_F7)
    assert not errors and answered.args[0] == "welcome"
    assert band(page) == ("green", "欢迎，周小舟！")
    after = page.book.counts()
    assert (after.arrived, after.walk_ins) == (before.arrived + 1, before.walk_ins + 1)
    shot(page, "8-walk-in")
    assert scan(qtbot, page, "5678") == "already_in"  # the phone tail finds them now


def test_two_of_one_name_are_offered_and_a_cancelled_arrival_is_listed(qtbot, door):
    page, _key, main, ids, _other = door
    store = page.store
    store.create_registrations(
        main, [{"name": "陈一鸣", "phone": "13900009999"}], source="walk_in"
    )  # a second 陈一鸣
    second = next(i for n, i in _ids(store, main).items() if i not in ids.values())
    store.review_registration(second, "approve")
    page.reload()

    assert scan(qtbot, page, "陈一鸣") == "choose"
    assert band(page)[0] == "amber" and page.choices.count() == 2
    shot(page, "10-choose")
    item = next(
        page.choices.item(r)
        for r in range(page.choices.count())
        if "9999" in page.choices.item(r).text()
    )
    with qtbot.waitSignal(page.scanned, timeout=2000) as answered:
        page.choices.itemActivated.emit(item)
    assert answered.args[0] == "welcome"
    assert page.book.entries[second].state.arrived and not page.choices.isVisible()

    store.cancel_registration(second)  # e.g. cancelled on another laptop, then synced
    qtbot.waitUntil(lambda: page.review_list.count() == 1, timeout=3000)  # the page rebuilds
    assert "陈一鸣：已签到" in page.review_list.item(0).text()
    assert "已取消" in page.review_list.item(0).text()
    shot(page, "11-needs-review")


@pytest.mark.parametrize(
    ("stay", "hours"),
    [
        (timedelta(minutes=29), 0.0),  # under the minimum stay
        (timedelta(minutes=30), 0.5),
        (timedelta(hours=2, minutes=59), 2.5),  # rounded down to half hours
        (timedelta(hours=11), 8.0),  # the daily cap
    ],
)
def test_volunteer_hours_follow_the_stated_rules(stay, hours):
    start = NOW
    assert volunteer_hours(Presence(start, start + stay, False, "x")) == hours
    assert volunteer_hours(Presence(start, None, True, "x")) == 0.0  # still inside


def test_volunteer_hours_go_to_excel_with_the_certificate_fields(qtbot, door, clock, tmp_path):
    page, _key, _main, _ids, _other = door
    assert scan(qtbot, page, "林小雨") == "welcome"
    assert scan(qtbot, page, "陈一鸣") == "welcome"
    clock.advance(timedelta(hours=3, minutes=10))
    page.set_mode(checking_out=True)
    assert scan(qtbot, page, "林小雨") == "goodbye"  # 陈一鸣 never checks out

    target = tmp_path / "志愿时长.xlsx"
    assert page.exports.export_hours(str(target)) == 2
    sheet = openpyxl.load_workbook(target).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r and r[0] == "姓名")
    assert (
        header[:4] == ["姓名", "手机号", "学校/单位", "服务活动"] and "志愿时长（小时）" in header
    )
    people = {r[0]: dict(zip(header, r, strict=True)) for r in rows[rows.index(header) + 1 :]}
    assert people["林小雨"]["志愿时长（小时）"] == 3.0
    assert people["林小雨"]["组织单位"] == "共青团南京市江宁区委员会"
    assert "*" in people["林小雨"]["手机号"]  # masked, as every export
    assert people["陈一鸣"]["志愿时长（小时）"] == 0.0 and people["陈一鸣"]["签退时间"] is None
