"""`--self-test`: every check passes on a fresh profile and on a copy of an encrypted profile
of an older schema, the profile itself is never changed, and a missing resource fails it."""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import sys
from pathlib import Path

from desktop import self_test
from desktop.main_window import MainWindow
from sync.client.store import DATABASE_NAME, Store, cipher
from sync.client.store.migrations import LATEST, migrate
from sync.core import paths
from tests.conftest import HOME_ORG, activity_fields, add_org

ROOT = Path(__file__).resolve().parent.parent
CHECKS = (
    "package version",
    "bundled resources",
    "translations",
    "Chinese font",
    "database copy",
    "migrations",
    "open the database",
    "main window",
    *(f"page {key}" for key in MainWindow.PAGE_KEYS),
    "check-in code",
    "SQLCipher",
    "Excel",
    "zstd answers",
    "keyring",
)


def passed(report: str) -> set[str]:
    return {line[2:].split("  ")[0].strip() for line in report.splitlines() if line[:1] == "✓"}


def test_the_command_passes_on_a_fresh_profile_and_leaves_it_empty(tmp_path: Path):
    profile = tmp_path / "profile"
    profile.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test", "--profile", str(profile)],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert passed(result.stdout) == set(CHECKS), result.stdout
    assert "fresh demo" in result.stdout
    assert "Leaflet and markercluster loaded" in result.stdout
    assert result.stdout.rstrip().endswith("self-test: all passed")
    assert list(profile.iterdir()) == []


def test_an_encrypted_older_profile_is_tested_on_a_copy_it_never_touches(qapp, tmp_path, clock):
    profile = tmp_path / "profile"
    path = profile / DATABASE_NAME
    key = cipher.key_for(path)  # kept in the test's keyring, as the workbench keeps it
    _older_profile(tmp_path / "today" / DATABASE_NAME, path, key, clock, version=8)
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in profile.iterdir()}

    out = io.StringIO()
    assert self_test.run(profile, out=out) == 0, out.getvalue()

    report = out.getvalue()
    assert passed(report) == set(CHECKS), report
    assert f"encrypted copy of {path}" in report
    assert f"schema 8 → {LATEST}" in report
    assert "1 activities, 1 unsent" in report
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in profile.iterdir()}
    assert after == before  # no migration, no backup, no sign-out in the profile itself
    assert migrate(path, upto=0, key=key) == 8


def _older_profile(work: Path, path: Path, key: str, clock, *, version: int) -> None:
    """An encrypted database of schema `version`, as an older workbench left it: today's rows
    (an organisation, a signed-in account, an activity and its unsent operation) copied into
    the tables and columns that version had (as tests/server/test_upgrade_keeps_data.py does)."""
    store = Store(work, clock=clock)
    add_org(store, HOME_ORG, "江宁区团委")
    store.set_meta("org_id", HOME_ORG)
    store.set_meta("account", '{"server_url": "http://127.0.0.1:9", "username": "x"}')
    store.create_activity(HOME_ORG, activity_fields())  # an unsent operation
    store.fold_write_ahead_log()
    store.close()
    path.parent.mkdir(parents=True)
    migrate(path, upto=version, key=key)
    db = cipher.connect(path, key, isolation_level=None)
    try:
        db.execute("ATTACH DATABASE ? AS src KEY ''", (str(work),))
        db.execute("BEGIN")
        tables = [
            r[0] for r in db.execute("SELECT name FROM main.sqlite_master WHERE type='table'")
        ]
        for table in tables:
            theirs = {r[1] for r in db.execute(f'PRAGMA src.table_info("{table}")')}
            mine = [r[1] for r in db.execute(f'PRAGMA main.table_info("{table}")')]
            names = ", ".join(f'"{c}"' for c in mine if c in theirs)
            db.execute(
                f'INSERT OR REPLACE INTO main."{table}" ({names}) SELECT {names} FROM src."{table}"'
            )
        db.execute("COMMIT")
    finally:
        db.close()


def test_a_missing_resource_fails_the_self_test(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "GENERATED_DIR", tmp_path / "empty")
    out = io.StringIO()
    assert self_test.run(tmp_path / "profile", out=out) == 1
    report = out.getvalue()
    assert "✗ bundled resources" in report
    assert "leaflet.js" in report
    assert report.rstrip().endswith("self-test: 1 failed")
