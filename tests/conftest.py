"""Test setup: offscreen Qt, isolated settings and data for every test, a controllable clock."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from datetime import datetime, timedelta
from pathlib import Path

import PySide6.QtWebEngineWidgets  # noqa: F401  (before pytest-qt's QApplication: the 地图 page)
import pytest
from sqlalchemy import insert

from sync.client.store import Store
from sync.client.store.tables import organizations
from sync.core.records import CHINA_TIME

HOME_ORG = "org-jiangning"
SIBLING_ORG = "org-school"
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=CHINA_TIME)


class Clock:
    """A clock the test moves by hand, so phases do not depend on when the test runs."""

    def __init__(self, now: datetime = NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture(autouse=True)
def _isolated_qt_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Anything that asks Qt or platformdirs for user folders lands in this test's folder.
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    # The machine's deployment file (/etc/suqing-workbench/...) never reaches a test unasked.
    monkeypatch.setenv("SUQING_SYSTEM_DEPLOYMENT_FILE", str(tmp_path / "system-deployment.ini"))
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)


@pytest.fixture(autouse=True)
def _test_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tokens go to a file keyring in this test's folder, shared with the processes it starts."""
    import keyring

    from tests.support.keyring_backend import FileKeyring

    monkeypatch.setenv("SUQING_TEST_KEYRING_FILE", str(tmp_path / "keyring.json"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "tests.support.keyring_backend.FileKeyring")
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def clock() -> Clock:
    return Clock()


def add_org(
    store: Store,
    org_id: str,
    name: str,
    *,
    level: str = "grassroots",
    parent_id: str | None = None,
    region_code: str = "320115",
) -> None:
    with store.engine.begin() as conn:
        conn.execute(
            insert(organizations).values(
                id=org_id,
                name=name,
                level=level,
                parent_id=parent_id,
                region_code=region_code,
                address="",
                contact_name="",
                contact_phone="",
                version=1,
            )
        )


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    store = Store(tmp_path / "workbench.sqlite", clock=clock)
    add_org(store, HOME_ORG, "共青团南京市江宁区委员会", level="county")
    add_org(store, SIBLING_ORG, "南京市江宁高级中学团委", parent_id=HOME_ORG)
    store.set_meta("org_id", HOME_ORG)
    yield store
    store.close()


def activity_fields(start: datetime = NOW + timedelta(days=14), **overrides) -> dict:
    """Valid editable fields of an activity starting at `start`."""
    fields = {
        "title": "江宁区青年创业沙龙（第3期）",
        "category": "innovation",
        "description": "邀请本地青年创业者分享经验。",
        "region_code": "320115",
        "location_name": "江宁区青年创业园 3 楼报告厅",
        "lon": 118.84,
        "lat": 31.95,
        "starts_at": start,
        "ends_at": start + timedelta(hours=3),
        "registration_opens_at": start - timedelta(days=10),
        "registration_closes_at": start - timedelta(days=1),
        "capacity": 30,
        "requires_review": True,
        "featured": False,
        "contact_name": "王老师",
        "contact_phone": "025-52101234",
    }
    fields.update(overrides)
    return fields
