"""The server deployment files in resources/deploy/ do what docs/server-deployment.md says: the
systemd unit's ExecStart, run as written (paths substituted, no systemd), serves /healthz with
its workers and stops cleanly on SIGTERM; the example settings file is usable as it stands; the
backup script's dump restores into an empty PostgreSQL database."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from sync.client import credentials, session
from sync.core import protocol
from tests.server.conftest import Device, Seeded, pg_database, run_ok, server_rows

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "resources" / "deploy"
INSTALLED_PYTHON = "/opt/suqing-server/venv/bin/python"  # the guide's install location


def unit_entries(path: Path, section: str) -> list[tuple[str, str]]:
    """(key, value) of one section of a systemd unit, in order; keys may repeat."""
    entries, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            current = line.strip("[]")
        elif current == section:
            key, _, value = line.partition("=")
            entries.append((key.strip(), value.strip()))
    return entries


def environment_file(path: Path) -> dict[str, str]:
    """KEY=value lines as systemd's EnvironmentFile reads them (comments and blanks skipped)."""
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith(("#", ";")):
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip().strip('"')
    return values


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_the_unit_files_name_what_the_guide_installs():
    service = dict(unit_entries(DEPLOY / "suqing-server.service", "Service"))
    assert service["EnvironmentFile"] == "/etc/suqing-server/server.env"
    assert shlex.split(service["ExecStart"])[:4] == [INSTALLED_PYTHON, "-m", "sync.server", "serve"]
    guide = (ROOT / "docs" / "server-deployment.md").read_text(encoding="utf-8")
    for name in sorted(p.name for p in DEPLOY.iterdir() if p.name != "deployment.example.ini"):
        assert name in guide, f"{name} is not explained in the guide"
    maintenance = dict(unit_entries(DEPLOY / "suqing-maintenance.service", "Service"))
    assert shlex.split(maintenance["ExecStart"])[0] == INSTALLED_PYTHON


def test_the_server_starts_as_the_unit_file_says(database_url: str, tmp_path: Path):
    service = unit_entries(DEPLOY / "suqing-server.service", "Service")
    settings = dict(service)
    # The example settings, with this test's database; the server must accept them as they are.
    env = environment_file(DEPLOY / "server.env.example")
    env["SUQING_DATABASE_URL"] = database_url
    assert settings["EnvironmentFile"] == "/etc/suqing-server/server.env"
    for key, value in service:
        if key == "Environment":
            name, _, setting = value.partition("=")
            env[name] = setting
    env.update(PATH=os.environ["PATH"], HOME=str(tmp_path), TMPDIR=str(tmp_path))
    run_ok("init-db", database_url=database_url)  # the guide's step before the first start

    port = free_port()
    command = shlex.split(settings["ExecStart"])
    assert command[0] == INSTALLED_PYTHON
    command[0] = sys.executable
    workers = int(command[command.index("--workers") + 1])
    command[command.index("--port") + 1] = str(port)
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    try:
        health = None
        deadline = time.monotonic() + 120  # four workers importing at once on a busy machine
        while time.monotonic() < deadline and process.poll() is None:
            try:
                health = requests.get(f"http://127.0.0.1:{port}{protocol.HEALTH_PATH}", timeout=10)
                if log.read_text().count("Application startup complete") >= workers:
                    break
            except requests.RequestException:  # not listening yet, or a worker still starting
                pass
            time.sleep(0.2)
        assert health is not None and health.status_code == 200, log.read_text()
        assert health.json()["status"] == "ok"
        assert log.read_text().count("Application startup complete") == workers, log.read_text()
    finally:
        process.send_signal(signal.SIGTERM)  # as `systemctl stop` does
        timeout = float(settings["TimeoutStopSec"])
        try:
            code = process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail(f"not stopped within TimeoutStopSec:\n{log.read_text()}")
    assert code == 0, log.read_text()


@pytest.mark.skipif(not os.environ.get("SUQING_TEST_DATABASE_URL"), reason="needs PostgreSQL")
@pytest.mark.parametrize("backend", ["postgresql"])
def test_the_backup_script_dump_restores(
    seeded_database: tuple[str, Seeded], tmp_path: Path, backend: str
):
    database_url, _ = seeded_database
    backups = tmp_path / "backups"
    env = {
        "PATH": os.environ["PATH"],
        "SUQING_DATABASE_URL": database_url,
        "SUQING_BACKUP_DIR": str(backups),
        "SUQING_BACKUP_KEEP_DAYS": "14",
    }
    old = backups / "suqing-20200101T000000Z.dump"
    backups.mkdir()
    old.write_bytes(b"an old backup")
    os.utime(old, (0, 0))
    done = subprocess.run(
        ["sh", str(DEPLOY / "suqing-backup.sh")], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    [dump] = backups.glob("suqing-*.dump")  # the old one pruned, nothing partial left
    assert dump != old and not list(backups.glob("*.partial"))

    class At:  # server_rows takes anything with a database_url
        def __init__(self, url: str):
            self.database_url = url

    count = "SELECT (SELECT count(*) FROM activities), (SELECT count(*) FROM registrations)"
    with pg_database() as restored:
        libpq = restored.replace("postgresql+psycopg://", "postgresql://", 1)
        done = subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "-d", libpq, str(dump)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        assert server_rows(At(restored), count) == server_rows(At(database_url), count)
        run_ok("init-db", database_url=restored)  # the guide's step after a restore: up to date


def _moved(device: Device, server) -> None:
    """The device's account now at `server` (the same database, restarted on another port)."""
    account = json.loads(device.store.get_meta(session.ACCOUNT_KEY))
    token = credentials.load_token(account["server_url"], account["username"])
    account["server_url"] = server.base_url
    credentials.save_token(server.base_url, account["username"], token)
    device.store.set_meta(session.ACCOUNT_KEY, json.dumps(account))
    device.server = server


@pytest.mark.parametrize("backend", ["sqlite"])
def test_after_a_restore_every_device_downloads_afresh(
    seeded_database: tuple[str, Seeded], server_factory, tmp_path: Path
):
    """The guide's restore: a device that pulled changes the restore took back would otherwise
    keep them and skip the changes the server numbers anew."""
    database_url, seeded = seeded_database
    live = Path(database_url.removeprefix("sqlite:///"))
    backup = tmp_path / "backup.sqlite"
    server = server_factory(database_url, seeded=seeded)
    device = Device(server, tmp_path / "device")
    try:
        device.sync()
        server.stop()
        shutil.copy(live, backup)  # last night's backup
        server = server_factory(database_url, seeded=seeded)
        _moved(device, server)
        editable = [i for i, a in device.activities().items() if a["status"] == "published"]
        first, second = sorted(editable)[:2]
        device.store.update_activity(first, {"title": "备份之后改的标题"})
        device.sync()  # answered and gone from the outbox: the server had it
        server.stop()

        shutil.copy(backup, live)  # the restore, then the guide's next step
        run_ok("after-restore", database_url=database_url)
        server = server_factory(database_url, seeded=seeded)
        other = Device(server, tmp_path / "other")
        other.sync()
        other.store.update_activity(first, {"capacity": 77})
        other.sync()
        other.close()

        device.store.update_activity(second, {"capacity": 55})  # not yet synced
        _moved(device, server)
        report = device.sync()
        assert report.snapshot_rows > 0  # downloaded afresh, not pulled after its old cursor
        mine = device.activities()
        assert mine[first]["title"] != "备份之后改的标题"  # what the restore took back
        assert mine[first]["capacity"] == 77  # and what came after it
        assert mine[second]["capacity"] == 55  # its unsynced work kept and pushed
        assert device.store.pending_count() == 0
        capacity = "SELECT capacity FROM activities WHERE id = :i"
        assert server_rows(server, capacity, i=second) == [(55,)]
    finally:
        device.close()
