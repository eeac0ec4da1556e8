"""End to end at the door: a real server, three laptops checking people in offline, syncing in
random orders; and a youth's signed code, fetched from the public API, checked offline.

A few seeds run in CI; SUQING_CHECKIN_SEEDS=N runs N of them."""

from __future__ import annotations

import os
import random
from datetime import UTC, datetime, timedelta

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PySide6.QtCore import Qt
from sqlalchemy import select

from sync.client import session
from sync.client.store import checkin_queries
from sync.client.store.tables import checkin_events
from sync.core import checkin_codes
from sync.core.checkin import Verdict
from sync.core.records import ActivityStatus, CheckinAction
from tests.server.conftest import Device, Server, demo_now, server_rows
from tests.server.test_youth_e2e import YouthClient, _registering

SEEDS = range(int(os.environ.get("SUQING_CHECKIN_SEEDS", "2")))
IN, OUT, VOID = CheckinAction.CHECK_IN, CheckinAction.CHECK_OUT, CheckinAction.VOID


def _busiest_activity(
    device: Device, minimum: int, *, among: set[str] | None = None
) -> tuple[str, list[str]]:
    """A published activity (of `among`, if given) with at least `minimum` approved
    registrations and no door events yet (the demo's past door has some), and those."""
    with device.store.engine.connect() as conn:
        used = set(conn.scalars(select(checkin_events.c.activity_id)))
    approved: dict[str, list[str]] = {}
    for r in device.registrations().values():
        if r["status"] == "approved":
            approved.setdefault(r["activity_id"], []).append(r["id"])
    acts = device.activities()
    for activity_id, ids in sorted(approved.items()):
        wanted = (among is None or activity_id in among) and activity_id not in used
        if wanted and len(ids) >= minimum and acts[activity_id]["status"] == "published":
            return activity_id, sorted(ids)
    raise AssertionError(f"no published activity with {minimum} approved registrations")


def _local_events(device: Device, activity_id: str) -> set[tuple]:
    with device.store.engine.connect() as conn:
        rows = conn.execute(
            select(checkin_events).where(checkin_events.c.activity_id == activity_id)
        ).all()
    return {(r.id, r.registration_id, r.action, r.at, r.voids, r.reason) for r in rows}


def _server_events(server: Server, activity_id: str) -> set[tuple]:
    rows = server_rows(
        server,
        "SELECT id, registration_id, action, at, voids, reason FROM checkin_events "
        "WHERE activity_id = :a AND deleted = :d",
        a=activity_id,
        d=False,
    )
    return {(r[0], r[1], r[2], _utc(r[3]), r[4], r[5]) for r in rows}


def _utc(value) -> datetime:
    """A time read by raw SQL: stored as naive UTC (SQLite hands back text)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC)


def _book(device: Device, activity_id: str):
    return device.store.read(checkin_queries.door_book, activity_id)


@pytest.mark.parametrize("seed", SEEDS)
def test_three_laptops_at_one_door_count_everyone_once(
    devices, server: Server, seed: int, tmp_path
):
    rng = random.Random(seed)
    laptops = [devices(name) for name in "abc"]
    for laptop in laptops:
        laptop.sync()
    activity_id, approved = _busiest_activity(laptops[0], 11)
    people = rng.sample(approved, 11)
    twice, once = people[0:3], people[3:6]
    mistaken, leaving, cancelled = people[6], people[7], people[8]
    stayer, corrected = people[9], people[10]

    # offline from here until the syncs below
    made = 0
    for person in twice:  # the same person checked in at two laptops
        for laptop in rng.sample(laptops, 2):
            laptop.store.record_checkin(IN, person)
            made += 1
    for person in once:
        rng.choice(laptops).store.record_checkin(IN, person)
        made += 1
    door = rng.choice(laptops)  # a mistaken scan, undone with a reason
    wrong = door.store.record_checkin(IN, mistaken)
    door.store.record_checkin(VOID, mistaken, voids=wrong["id"], reason="扫错了人")
    made += 2
    first, second = rng.sample(laptops, 2)  # in at one laptop, out at another
    first.store.record_checkin(IN, leaving)
    second.store.record_checkin(OUT, leaving)
    made += 2
    cadre, door = rng.sample(laptops, 2)  # cancelled at one, admitted at another meanwhile
    cadre.store.cancel_registration(cancelled)
    door.store.record_checkin(IN, cancelled)
    made += 1

    # walk-ins: the same phone typed in on two laptops, once with the same name, once not
    same_phone, other_phone = f"1990000{seed:04d}", f"1990001{seed:04d}"
    x, y = rng.sample(laptops, 2)
    for laptop in (x, y):
        walk_in = laptop.store.walk_in(activity_id, "周小舟", same_phone, "南京大学")
        laptop.store.record_checkin(IN, walk_in)
        made += 1
    x, y = rng.sample(laptops, 2)
    typo = [x.store.walk_in(activity_id, "吴一凡", other_phone)]
    typo.append(y.store.walk_in(activity_id, "吴亦凡", other_phone))
    for laptop, registration in zip((x, y), typo, strict=True):
        laptop.store.record_checkin(IN, registration)
        made += 1
    assert typo[0] == typo[1]  # one registration id for one phone at one activity

    # 志愿时长: stays timed at the door, a rule set on one laptop, and one person's hours
    # corrected on two laptops (the server's order of operations decides which is in force)
    start = demo_now()
    first, second = rng.sample(laptops, 2)
    _at(first, start).store.record_checkin(IN, stayer)
    _at(second, start + timedelta(hours=2, minutes=40)).store.record_checkin(OUT, stayer)
    _at(first, start).store.record_checkin(IN, corrected)
    _at(first, start + timedelta(hours=1)).store.record_checkin(OUT, corrected)
    rng.choice(laptops).store.set_hours_rule(activity_id, 60, 60, 480)  # whole hours
    p, q = rng.sample(laptops, 2)
    _at(p, start + timedelta(hours=3)).store.adjust_hours(corrected, 3.0, "会前布置场地")
    _at(q, start + timedelta(hours=3)).store.adjust_hours(corrected, 2.5, "核对签到表")
    made += 6
    for laptop in laptops:
        laptop.store.clock = demo_now

    order = laptops[:]
    rng.shuffle(order)
    for laptop in order:
        laptop.sync()
    for laptop in order:  # a second round brings everyone what the later ones pushed
        laptop.sync()
    laptops[0].sync()  # a repeated sync changes nothing

    on_server = _server_events(server, activity_id)
    assert len(on_server) == made  # nothing doubled, nothing dropped
    for laptop in laptops:
        assert _local_events(laptop, activity_id) == on_server  # every laptop converged
    counts = {laptop.store.device_id: _book(laptop, activity_id).counts() for laptop in laptops}
    assert len(set(counts.values())) == 1, counts
    result = next(iter(counts.values()))
    # the leaver, the cancelled one, one for each walk-in phone, the two timed stays
    assert result.arrived == len(twice) + len(once) + 2 + 2 + 2
    sources = laptops[0].registrations()
    arrived = [*twice, *once, leaving, cancelled, stayer, corrected]
    assert result.walk_ins == 2 + sum(sources[p]["source"] == "walk_in" for p in arrived)
    for phone in (same_phone, other_phone):  # one youth and one registration per phone
        youths = server_rows(server, "SELECT id FROM youths WHERE phone = :p", p=phone)
        assert len(youths) == 1
        held = server_rows(
            server,
            "SELECT count(*) FROM registrations WHERE youth_id = :y AND activity_id = :a",
            y=youths[0][0],
            a=activity_id,
        )
        assert held[0][0] == 1
    # the name that differed is shown to whoever typed it second, naming the name kept
    refused = [op for laptop in laptops for op in laptop.store.rejected_operations()]
    assert [(op["code"], op["params"]["name"]) for op in refused] == [
        (
            "walk_in_name_differs",
            server_rows(server, "SELECT name FROM youths WHERE phone = :p", p=other_phone)[0][0],
        )
    ]
    assert result.left == 3  # the leaver and the two timed stays
    assert result.inside == result.arrived - 3
    book = _book(laptops[0], activity_id)
    assert not book.entries[mistaken].state.arrived  # the void took the mistake out
    assert [e.registration_id for e in book.unexpected()] == [cancelled]  # kept, shown
    assert book.entries[cancelled].status.value == "cancelled"
    for person in twice:  # earliest check-in counts, once
        times = [e["at"] for e in book.entries[person].events]
        assert len(times) == 2 and book.entries[person].state.first_in == min(times)

    # the server counts the hours with the laptops' function and they agree, person by person
    client = session.connect(laptops[0].store)
    try:
        on_server_hours = client.activity_hours(activity_id).hours
    finally:
        client.close()
    for laptop in laptops:
        b = _book(laptop, activity_id)
        mine = {r: b.hours(e).final for r, e in b.entries.items() if e.events}
        assert mine == on_server_hours
    later = p if order.index(p) > order.index(q) else q  # its correction reached the server last
    assert on_server_hours[corrected] == (3.0 if later is p else 2.5)
    assert on_server_hours[stayer] == 2.0  # 2 h 40 min, whole hours by the rule set offline
    assert all(on_server_hours[person] == 0.0 for person in twice)  # still inside
    _hours_export_has_the_certificate_fields(laptops[0], activity_id, on_server_hours, tmp_path)

    # the activity completed, two laptops confirm its hours offline: the first to reach the
    # server stands, the other is told, and every laptop shows the same confirmation
    laptops[0].store.transition_activity(activity_id, ActivityStatus.COMPLETED)
    laptops[0].sync()
    confirmers = rng.sample(laptops, 2)
    for laptop in confirmers:
        laptop.sync()
        laptop.store.confirm_hours(activity_id)
    for laptop in confirmers:
        laptop.sync()
    for laptop in laptops:
        laptop.sync()
    told = [op["code"] for op in confirmers[1].store.rejected_operations()]
    assert "hours_already_confirmed" in told
    confirmed = {_book(laptop, activity_id).confirmed_at for laptop in laptops}
    assert len(confirmed) == 1 and None not in confirmed


def _at(laptop: Device, when: datetime) -> Device:
    """The laptop with its clock stopped at `when` (the door's time of the next event)."""
    laptop.store.clock = lambda: when
    return laptop


def _hours_export_has_the_certificate_fields(laptop, activity_id, hours, tmp_path) -> None:
    import openpyxl

    from sync.tools import excel

    rows = laptop.store.read(checkin_queries.hours_rows, activity_id)
    target = tmp_path / f"{laptop.store.device_id}-志愿时长.xlsx"
    assert excel.export_hours(target, rows) == len(rows)
    table = [[c.value for c in r] for r in openpyxl.load_workbook(target).active.iter_rows()]
    header = next(r for r in table if r and r[0] == "姓名")
    certificate = ["姓名", "手机号", "学校/单位", "服务活动", "组织单位", "服务日期"]
    assert header[: len(certificate)] != [] and set(certificate) <= set(header)
    assert {"签到时间", "签退时间", "志愿时长（小时）", "累计志愿时长（小时）"} <= set(header)
    written = [dict(zip(header, r, strict=True)) for r in table[table.index(header) + 1 :]]
    assert sorted(r["志愿时长（小时）"] for r in written) == sorted(
        hours[r["registration_id"]] for r in rows
    )
    assert all(r["组织单位"] and r["服务活动"] for r in written)


def test_a_youths_code_from_the_public_api_is_checked_offline(devices, server: Server):
    youth = YouthClient(server)
    activity = _registering(youth, requires_review=False)
    registration = youth.register(activity["id"])
    assert registration["status"] == "approved"
    response = youth.call("GET", f"/registrations/{registration['id']}/code")
    assert response.status_code == 200, response.text
    code = response.json()["code"]
    assert len(code) < 200  # a QR code a phone screen shows at arm's length

    laptop = devices("door")
    laptop.sync()  # brings the registration and the server's public key
    key = laptop.store.read(checkin_queries.public_key)
    assert key is not None
    book = _book(laptop, activity["id"])
    assert book.find(code, key).verdict is Verdict.WELCOME
    changed = code[:50] + ("A" if code[50] != "A" else "B") + code[51:]
    assert book.find(changed, key).verdict is Verdict.FORGED
    other_key = Ed25519PrivateKey.generate()
    forged = checkin_codes.sign(
        other_key, registration["id"], activity["id"], checkin_codes.verify(key, code).issued_at
    )
    assert book.find(forged, key).verdict is Verdict.FORGED

    # another youth's registration, or none, has no code for this youth: one answer for both
    stranger = YouthClient(server, "李四")
    assert stranger.call("GET", f"/registrations/{registration['id']}/code").status_code == 404
    assert youth.call("GET", "/registrations/no-such-id/code").status_code == 404


def test_prepare_for_offline_says_when_it_is_safe_to_unplug(qtbot, devices, server, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop import settings as s
    from desktop.main_window import MainWindow

    laptop = devices("door")  # signed in, never synced
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=laptop.store)
    qtbot.addWidget(window)
    window.show()
    window.nav.setCurrentRow(window.PAGE_KEYS.index("checkin"))
    page = window.checkin_page
    qtbot.waitUntil(lambda: window.sync.state.value != "syncing", timeout=60_000)

    qtbot.mouseClick(page.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.band.property("tone") == "green", timeout=60_000)
    assert page.band.text().startswith("可以断网了")
    assert page.public_key is not None and page.book is not None and page.book.entries
    if os.environ.get("SUQING_SHOTS_DIR"):
        window.grab().save(os.path.join(os.environ["SUQING_SHOTS_DIR"], "checkin-9-prepared.png"))

    server.stop()  # the network is gone: the page says so instead of claiming readiness
    qtbot.mouseClick(page.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.band.property("tone") == "red", timeout=60_000)
    assert page.band.text().startswith("没能同步")


def test_a_printed_sheet_holds_a_verifiable_code_for_each_approved_person(
    qtbot, devices, server, tmp_path
):
    import segno

    from desktop.events import StoreEvents
    from desktop.pages.checkin import CheckinPage

    laptop = devices("door")
    laptop.sync()
    at_the_door = {a["id"] for a in laptop.store.read(checkin_queries.door_activities, demo_now())}
    activity_id, approved = _busiest_activity(laptop, 2, among=at_the_door)
    client = session.connect(laptop.store)
    try:
        codes = client.checkin_codes(activity_id)
    finally:
        client.close()
    assert sorted(codes) == approved  # exactly the approved registrations
    key = laptop.store.read(checkin_queries.public_key)
    book = _book(laptop, activity_id)
    for code in codes.values():  # every printed code passes at the door, offline
        assert book.find(code, key).verdict is Verdict.WELCOME
        assert segno.make(code, error="m").version <= 10  # small enough to print 12 a page

    events = StoreEvents(laptop.store)
    page = CheckinPage(laptop.store, events)
    events.setParent(page)
    qtbot.addWidget(page)
    page.activity_combo.setCurrentIndex(page.activity_combo.findData(activity_id))
    target = tmp_path / "签到码.pdf"
    with qtbot.waitSignal(page.exports.sheet_written, timeout=60_000) as written:
        page.exports.print_codes(str(target))
    assert written.args[0] == str(target)
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    assert document.load(str(target)) == QPdfDocument.Error.None_
    assert document.pageCount() == -(-len(approved) // 12)  # 12 codes a page
    assert page.band.property("tone") == "green"
