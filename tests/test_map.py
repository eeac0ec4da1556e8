"""The 地图 page: offline page, marker clicks reaching Python, redraw on edits (pytest-qt, a real
QtWebEngine offscreen)."""

from __future__ import annotations

import itertools
import json
import re
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from sqlalchemy import update

from desktop import settings as s
from desktop.main_window import MainWindow
from desktop.map.data import class_bins, county_values
from desktop.map.page import WEB_DIR, PageOptions, build_html, tile_uses_gcj02
from sync.client.store import Store
from sync.client.store.tables import organizations
from sync.core.geo import gcj02_to_wgs84, wgs84_to_gcj02
from sync.core.records import ActivityStatus
from tests.conftest import HOME_ORG, NOW, SIBLING_ORG, activity_fields
from tests.test_activities_page import activate, click_save, fill_dialog, when_modal

MAP_PAGE = 4  # Ctrl+5


def test_the_page_references_no_remote_url():
    from desktop.map.texts import map_attribution

    credits, notice = map_attribution()  # both basemaps' credits, as the app passes them
    for mode in ("overview", "picker", "spot"):
        html = build_html(PageOptions(mode=mode, attribution=(notice,), credits=credits))
        assert not re.findall(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html, re.I), mode
        # every script and style sheet is a local file that the build made
        for path in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html):
            assert (WEB_DIR / path).is_file(), path
    online = build_html(PageOptions(tile_url="https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
    assert {u.split("/")[2] for u in re.findall(r"https?://[^\"' ]+", online)} == {
        "tile.openstreetmap.org"
    }


def test_gcj02_round_trip_and_tile_detection():
    lon, lat = 118.78, 32.04  # Nanjing: GCJ-02 moves it some 500 m east and south
    g_lon, g_lat = wgs84_to_gcj02(lon, lat)
    assert 0.004 < g_lon - lon < 0.007 and -0.003 < g_lat - lat < -0.001
    back = gcj02_to_wgs84(g_lon, g_lat)
    assert abs(back[0] - lon) < 1e-8 and abs(back[1] - lat) < 1e-8
    assert tile_uses_gcj02("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}")
    assert not tile_uses_gcj02("https://tile.openstreetmap.org/{z}/{x}/{y}.png")


def test_choropleth_classes_and_counties():
    assert class_bins([0, 0]) == []
    bins = class_bins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0])
    assert bins[0][0] == 1 and bins[-1][1] == 10 and len(bins) == 5
    assert all(a[1] < b[0] for a, b in itertools.pairwise(bins))
    # a town's count goes to its county; a city-level code is not a county
    assert county_values({"320115": 2, "320115001": 3, "320100": 7}) == {"320115": 5}


def place(store: Store, org_id: str, lon: float, lat: float) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            update(organizations).where(organizations.c.id == org_id).values(lon=lon, lat=lat)
        )


@pytest.fixture
def window(qtbot, store: Store, tmp_path) -> MainWindow:
    place(store, HOME_ORG, 118.84, 31.95)
    place(store, SIBLING_ORG, 118.80, 31.90)
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings, log_dir=str(tmp_path), store=store)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    activate(qtbot, window)
    return window


def show_map(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.map_page.redrawn, timeout=30_000):
        window.nav.setCurrentRow(MAP_PAGE)


def js(qtbot, view, code: str):
    """Run JavaScript in the page and return its (JSON) answer."""
    answers = []
    view.run(code, answers.append)
    qtbot.waitUntil(lambda: bool(answers), timeout=10_000)
    return json.loads(answers[0]) if isinstance(answers[0], str) else answers[0]


def wait_js(qtbot, view, code: str, until, timeout_ms: int = 10_000):
    """Ask the page again until its answer satisfies `until` (one wait at a time: a waitUntil
    whose check itself waits for the page can time out while the page is fine)."""
    waited = 0
    while True:
        answer = js(qtbot, view, code)
        if until(answer):
            return answer
        assert waited < timeout_ms, f"{code} answered {answer!r} " + str(
            js(qtbot, view, "JSON.stringify([suqing.map.getZoom(), suqing.map.getCenter()])")
        )
        qtbot.wait(50)
        waited += 50


def click_page(qtbot, view, x: float, y: float) -> None:
    """A real mouse click, delivered to the widget Chromium draws into."""
    target = view.focusProxy()
    QTest.mouseClick(
        target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(int(x), int(y))
    )


def test_a_marker_click_opens_the_organisation(qtbot, window: MainWindow):
    show_map(qtbot, window)
    view = window.map_page.view
    assert sorted(js(qtbot, view, "suqing.shown()")["orgs"]) == sorted([HOME_ORG, SIBLING_ORG])

    view.run(f"suqing.revealOrganization({json.dumps(SIBLING_ORG)})")
    wait_js(qtbot, view, "suqing.shown()", lambda shown: SIBLING_ORG in shown["onMap"])
    x, y = js(qtbot, view, f"suqing.markerPoint({json.dumps(SIBLING_ORG)})")
    click_page(qtbot, view, x, y)  # the popup opens on the page
    link = "document.querySelector('.open-org')"
    wait_js(qtbot, view, f"!!{link}", bool)
    assert js(qtbot, view, f"JSON.stringify({link}.dataset.id)") == SIBLING_ORG
    box = js(qtbot, view, f"JSON.stringify({link}.getBoundingClientRect())")
    click_page(qtbot, view, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)

    qtbot.waitUntil(lambda: getattr(window, "organization_dialog", None) is not None, timeout=5000)
    dialog = window.organization_dialog
    assert dialog.isVisible() and dialog.org_id == SIBLING_ORG
    assert dialog.title.text() == "南京市江宁高级中学团委"
    assert "共青团南京市江宁区委员会" in dialog.fields["parent"].text()


def test_a_new_activity_from_the_activities_page_appears_on_the_map(
    qtbot, window: MainWindow, store: Store
):
    show_map(qtbot, window)
    view = window.map_page.view
    assert js(qtbot, view, "suqing.shown()")["activities"] == []

    window.nav.setCurrentRow(0)
    page = window.activities_page

    def fill(dialog) -> None:
        fill_dialog(qtbot, dialog, title="江宁区青年志愿者招募")
        dialog.lon_edit.setText("118.83")
        dialog.lat_edit.setText("31.94")
        click_save(qtbot, dialog)

    errors = when_modal(qtbot, fill)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not errors, errors
    activity_id = page.selected_id()
    activate(qtbot, window)
    qtbot.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert store.activity(activity_id)["status"] == ActivityStatus.PUBLISHED

    with qtbot.waitSignal(window.map_page.redrawn, timeout=10_000):
        window.nav.setCurrentRow(MAP_PAGE)
    assert js(qtbot, view, "suqing.shown()")["activities"] == [activity_id]


def test_an_edit_redraws_the_shown_map(qtbot, window: MainWindow, store: Store):
    show_map(qtbot, window)
    fields = activity_fields(NOW + timedelta(days=3), title="江宁区青年跑团")
    _, activity_id = store.create_activity(HOME_ORG, fields)
    with qtbot.waitSignal(window.map_page.redrawn, timeout=10_000):
        store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    assert js(qtbot, window.map_page.view, "suqing.shown()")["activities"] == [activity_id]


# --- the location picker ---------------------------------------------------------------------


@pytest.fixture
def picker(qtbot, tmp_path):
    from desktop.dialogs.location_dialog import LocationDialog
    from sync.core.regions import province_boundary

    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    dialog = LocationDialog(settings, contains_point=province_boundary().contains)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.map.page_loaded, timeout=30_000):
        dialog.show()
    return dialog


def click_at(qtbot, view, lon: float, lat: float) -> None:
    """Centre the map on the point (so it is on screen whatever the window's size), click it."""
    view.run(f"suqing.map.setView([{lat}, {lon}], suqing.map.getZoom(), {{animate: false}})")
    x, y = js(qtbot, view, f"suqing.screenPoint({lat}, {lon})")
    click_page(qtbot, view, x, y)


def test_the_picker_returns_the_clicked_point(qtbot, picker):
    with qtbot.waitSignal(picker.map.point_picked, timeout=5000):
        click_at(qtbot, picker.map, 118.84, 31.95)  # 江宁区
    lon, lat = picker.point
    # one screen pixel at the opening zoom is about 0.005°
    assert abs(lon - 118.84) < 0.01 and abs(lat - 31.95) < 0.01
    assert picker.county == "320115"
    assert picker.buttons.button(picker.buttons.StandardButton.Ok).isEnabled()
    assert "江宁区" in picker.message.text()
    spot = js(qtbot, picker.map, "suqing.shown()")["spot"]
    assert spot == pytest.approx([lon, lat], abs=1e-6)


def test_the_picker_refuses_a_point_outside_jiangsu(qtbot, picker):
    with qtbot.waitSignal(picker.map.point_picked, timeout=5000):
        click_at(qtbot, picker.map, 118.2, 32.3)  # 安徽滁州, west of Nanjing
    assert picker.point is None
    assert "江苏省外" in picker.message.text()
    assert not picker.buttons.button(picker.buttons.StandardButton.Ok).isEnabled()


def test_the_picker_finds_a_county_by_name(qtbot, picker):
    picker.go_to("苏州市姑苏区")
    assert picker.county == "320508"
    lon, lat = picker.point
    assert 120.5 < lon < 120.7 and 31.2 < lat < 31.4


def test_the_activity_editor_takes_the_point_picked_on_the_map(
    qtbot, window: MainWindow, store: Store
):
    from desktop.dialogs.location_dialog import LocationDialog

    def pick(dialog: LocationDialog) -> None:
        assert isinstance(dialog, LocationDialog)
        qtbot.waitUntil(lambda: dialog.map.ready, timeout=30_000)
        with qtbot.waitSignal(dialog.map.point_picked, timeout=5000):
            click_at(qtbot, dialog.map, 120.62, 31.32)  # 苏州市姑苏区
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    def fill(dialog) -> None:
        fill_dialog(qtbot, dialog, title="姑苏区青年志愿者招募")
        picked = when_modal(qtbot, pick)
        dialog.pick_button.click()
        assert not picked, picked
        click_save(qtbot, dialog)

    errors = when_modal(qtbot, fill)
    page = window.activities_page
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert not errors, errors
    row = store.activity(page.selected_id())
    assert abs(row["lon"] - 120.62) < 0.01 and abs(row["lat"] - 31.32) < 0.01
    assert row["region_code"] == "320508"  # the region follows the point


def test_the_organisation_page_opens_from_the_activities_page(
    qtbot, window: MainWindow, store: Store
):
    _, activity_id = store.create_activity(SIBLING_ORG, activity_fields(title="青年读书会"))
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    page = window.activities_page
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    dialog = window.organization_dialog
    assert dialog.isVisible() and dialog.org_id == SIBLING_ORG
    assert dialog.current_list.count() == 1 and "青年读书会" in dialog.current_list.item(0).text()
    # its parent's link leads on to the county committee, which lists the school below it
    dialog.fields["parent"].linkActivated.emit(HOME_ORG)
    assert dialog.org_id == HOME_ORG
    assert [dialog.children_list.item(i).text() for i in range(dialog.children_list.count())] == [
        "南京市江宁高级中学团委（基层团组织）"
    ]
    wait_js(qtbot, dialog.map, "suqing.shown()", lambda shown: shown["spot"] is not None)
    assert js(qtbot, dialog.map, "suqing.shown()")["spot"] == pytest.approx([118.84, 31.95])


def test_on_gcj02_tiles_the_picker_shows_and_returns_wgs84(qtbot, tmp_path, monkeypatch):
    """AMap tiles are drawn in GCJ-02: the map draws converted points, a click is converted
    back, and what is stored stays WGS84."""
    from desktop.dialogs.location_dialog import LocationDialog
    from desktop.map import page
    from sync.core.regions import province_boundary

    # A GCJ-02 tile server on a closed local port: no test reaches out to AMap, and a refused
    # tile is refused at once (the page's load waits for the tiles it asked for).
    monkeypatch.setattr(page, "GCJ02_HOSTS", ("localhost",))
    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set(s.MAP_TILE_URL, "http://localhost:9/{z}/{x}/{y}.png")
    dialog = LocationDialog(
        settings, contains_point=province_boundary().contains, point=(118.84, 31.95)
    )
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.map.page_loaded, timeout=30_000):
        dialog.show()
    shown = js(qtbot, dialog.map, "suqing.shown()")["spot"]
    assert shown == pytest.approx(list(wgs84_to_gcj02(118.84, 31.95)), abs=1e-6)
    g_lon, g_lat = wgs84_to_gcj02(118.90, 32.00)
    with qtbot.waitSignal(dialog.map.point_picked, timeout=5000):
        click_at(qtbot, dialog.map, g_lon, g_lat)
    lon, lat = dialog.point
    assert abs(lon - 118.90) < 0.0005 and abs(lat - 32.00) < 0.0005  # a pixel at zoom 11


def test_the_open_basemap_is_a_choice_with_its_own_credit(qtbot, tmp_path):
    """The overview offers the openly licensed boundaries as a basemap of its own; the corner
    credits what is drawn: Tianditu's credit goes once no Tianditu layer is left on the map."""
    from desktop.map.texts import map_attribution, page_options
    from desktop.map.view import MapView

    settings = s.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    credits, notice = map_attribution()
    view = MapView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    with qtbot.waitSignal(view.page_loaded, timeout=30_000):
        view.show_page(page_options(settings, "overview"))
    corner = "JSON.stringify(document.querySelector('.leaflet-control-attribution').textContent)"
    text = js(qtbot, view, corner)
    assert credits["tianditu"] in text and notice in text and credits["open"] not in text

    control = "document.querySelectorAll('.leaflet-control-layers-{} input')[{}].click()"
    assert js(qtbot, view, "suqing.basemapsDrawn()") == ["tianditu"]  # the other on demand
    view.run(control.format("base", 1))  # 开放边界（OpenStreetMap）
    wait_js(qtbot, view, "suqing.basemapsDrawn()", lambda drawn: "open" in drawn)
    text = wait_js(qtbot, view, corner, lambda t: credits["open"] in t)
    assert credits["tianditu"] in text  # the counties (the choropleth) are still Tianditu's
    view.run(control.format("overlays", 0))  # 县区 off
    text = wait_js(qtbot, view, corner, lambda t: credits["tianditu"] not in t)
    assert credits["open"] in text and notice in text


def test_a_county_clicked_shows_its_towns_as_circles(qtbot, window: MainWindow, store: Store):
    """No source has town boundaries or town points: a town is the one an organisation's
    address names, drawn at the mean point of its placed organisations, sized by its count."""
    from sqlalchemy import insert

    from sync.client.store.tables import followers, youths
    from tests.conftest import add_org

    add_org(store, "org-dongshan", "东山高级中学团委", parent_id=HOME_ORG)
    place(store, "org-dongshan", 118.86, 31.93)
    addresses = {
        SIBLING_ORG: "南京市江宁区秣陵街道弘景大道1号",
        "org-dongshan": "南京市江宁区东山街道上元大街2号",
        HOME_ORG: "南京市江宁区竹山路",  # names no town: its followers stay unplaced
    }
    followed = [SIBLING_ORG] * 3 + ["org-dongshan"] + [HOME_ORG] * 2
    with store.engine.begin() as conn:
        for org_id, address in addresses.items():
            conn.execute(
                update(organizations).where(organizations.c.id == org_id).values(address=address)
            )
        conn.execute(
            insert(youths),
            [dict(id=f"y{i}", name="青年", version=1) for i in range(len(followed))],
        )
        conn.execute(
            insert(followers),
            [
                dict(id=f"f{i}", org_id=org_id, youth_id=f"y{i}", followed_at=NOW, version=1)
                for i, org_id in enumerate(followed)
            ],
        )
    show_map(qtbot, window)
    view = window.map_page.view

    click_at(qtbot, view, 118.75, 31.70)  # 江宁区, away from the markers' cluster
    towns = "JSON.stringify(suqing.chooseCounty.shown())"
    shown = wait_js(qtbot, view, towns, lambda rows: len(rows) == 2)
    assert sorted((r["name"], r["value"]) for r in shown) == [("东山街道", 1), ("秣陵街道", 3)]
    assert next(r for r in shown if r["name"] == "秣陵街道")["at"] == [31.90, 118.80]
    legend = js(qtbot, view, "JSON.stringify(document.querySelector('.legend').textContent)")
    assert "江宁区" in legend and "另有 2 未能归入乡镇" in legend

    back = "document.querySelector('.legend a.back')"
    box = js(qtbot, view, f"JSON.stringify({back}.getBoundingClientRect())")
    click_page(qtbot, view, box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    wait_js(qtbot, view, towns, lambda rows: rows == [])
