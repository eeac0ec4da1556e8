"""Seeded fault injection: a real server, two devices (each `python -m sync.client` processes
over its own encrypted profile) and a `FaultProxy` between them. Each trial makes a few local
changes, picks one fault, runs a sync through it, then heals (syncs with no fault until every
device is settled) and checks that nothing acknowledged was lost, nothing applied twice, and
every device holds the server's rows.

Used by tests/faults/test_faults.py (a few trials in CI) and `python -m tests.faults` (the long
run). A trial is decided by the seed alone; the interleaving of processes is not, so a
violation is reported with its seed and trial number and the fault that preceded it.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from sync.client import local_data, session
from sync.client.engine import sync_once
from sync.client.store import DATABASE_NAME, cipher
from sync.core import protocol
from sync.core.records import ACTIVITY_EDITABLE_FIELDS
from sync.tools.demo import DEMO_HOME_USERNAME
from tests.faults import proxy as px
from tests.server.conftest import NOW, cli_env, demo_now, parse_seed_output, run_ok

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
HEAL_ATTEMPTS = 6

# Every fault a trial may pick (the run prints how often each fired).
CLIENT_KILLS = ("before_push", "during_push", "after_push", "between_pages", "snapshot_install")
SERVER_KILLS = ("before_push", "during_push", "after_push", "between_pages", "during_snapshot")
PROXY_FAULTS = ("cut", "garble", "garble_digit", "500", "429", "503")
FAULTS = (
    *(f"kill_client:{p}" for p in CLIENT_KILLS),
    *(f"kill_server:{p}" for p in SERVER_KILLS),
    *(f"proxy:{f}" for f in PROXY_FAULTS),
    "disk_full",
    "corrupt_db",
)


@dataclass
class Violations:
    lost: list[str] = field(default_factory=list)
    doubled: list[str] = field(default_factory=list)
    divergent: list[str] = field(default_factory=list)
    unopenable: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.lost or self.doubled or self.divergent or self.unopenable)

    def extend(self, other: Violations) -> None:
        for name in ("lost", "doubled", "divergent", "unopenable"):
            getattr(self, name).extend(getattr(other, name))


@dataclass
class RunReport:
    trials: int = 0
    faults: Counter = field(default_factory=Counter)  # fault → trials where it fired
    missed: Counter = field(default_factory=Counter)  # picked, but its moment never came
    violations: Violations = field(default_factory=Violations)
    repairs: int = 0  # `repair` runs after a damaged database
    incomplete: int = 0  # of those, ones that said unsent work may be missing
    damage: Counter = field(default_factory=Counter)  # corrupt_db: how the file was damaged

    def merge(self, other: RunReport) -> None:
        self.trials += other.trials
        self.faults.update(other.faults)
        self.missed.update(other.missed)
        self.violations.extend(other.violations)
        self.repairs += other.repairs
        self.incomplete += other.incomplete
        self.damage.update(other.damage)

    def lines(self) -> list[str]:
        v = self.violations
        out = [f"trials: {self.trials}", "faults fired (missed: the moment never came):"]
        for fault in FAULTS:
            out.append(f"  {fault:<30} {self.faults[fault]:>4}   missed {self.missed[fault]}")
        out.append(
            f"violations: lost {len(v.lost)}, doubled {len(v.doubled)}, "
            f"divergent {len(v.divergent)}, app/CLI did not open {len(v.unopenable)}"
        )
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.damage.items())) or "none"
        out.append(f"corrupt_db damage (header: first page zeroed): {kinds}")
        out.append(
            f"repairs of a damaged database: {self.repairs}, of which said unsent work may be "
            f"missing: {self.incomplete} (its operations count as lost when they are)"
        )
        out += [f"  {line}" for line in (v.lost + v.doubled + v.divergent + v.unopenable)[:20]]
        return out


class ServerProcess:
    """`python -m sync.server serve` in its own process group (killed whole with -9)."""

    def __init__(self, database_url: str, log: Path):
        self.database_url = database_url
        self.log = log
        self.process: subprocess.Popen | None = None
        self.port = 0

    def start(self) -> None:
        env = cli_env(SUQING_CLOCK=demo_now().isoformat(), SUQING_SMS_OUTBOX=str(self.log) + ".sms")
        command = [sys.executable, "-m", "sync.server", "serve", "--port", "0"]
        command += ["--database-url", self.database_url]
        started = self.log.stat().st_size if self.log.exists() else 0  # this start's lines
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited:\n{self.log.read_text()[-2000:]}")
            with self.log.open("rb") as f:
                f.seek(started)
                found = re.findall(rb"running on http://127\.0\.0\.1:(\d+)", f.read())
            if found:
                self.port = int(found[-1])
                return
            time.sleep(0.05)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        """kill -9 of the server and every process it started."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()

    def running(self) -> bool:
        return bool(self.process and self.process.poll() is None)

    def stop(self) -> None:
        if self.running():
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()


class Device:
    """A profile folder used the way a laptop uses it: syncs are `python -m sync.client`
    processes (killed with -9 by some faults), local changes are made between them."""

    def __init__(self, world: World, name: str):
        self.world = world
        self.name = name
        self.profile = world.folder / name
        self.process: subprocess.Popen | None = None

    def cli(self, *args: str, wait: bool = True) -> subprocess.CompletedProcess | None:
        command = [sys.executable, "-m", "sync.client", "--profile", str(self.profile), *args]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=self.world.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if not wait:
            return None
        out, err = self.process.communicate(timeout=600)
        return subprocess.CompletedProcess(command, self.process.returncode, out, err)

    def kill(self) -> None:
        """kill -9 of this device's sync process, if it still runs."""
        if self.process and self.process.poll() is None:
            self.process.kill()

    def store(self):
        return local_data.open_store(self.profile, clock=demo_now)


class World:
    """One server database, one server (restarted after a kill), the proxy, two devices."""

    def __init__(self, folder: Path, database_url: str, password: str, seed: int, log=print):
        self.folder = folder
        self.seed = seed
        self.rng = random.Random(seed)
        self.say = log
        folder.mkdir(parents=True, exist_ok=True)
        self.env = cli_env(
            SUQING_TEST_KEYRING_FILE=os.environ["SUQING_TEST_KEYRING_FILE"],
            PYTHON_KEYRING_BACKEND=os.environ["PYTHON_KEYRING_BACKEND"],
        )
        self.database_url = database_url
        self.password = password
        self.server = ServerProcess(database_url, folder / "server.log")
        self.server.start()
        self.proxy = px.FaultProxy(self.server.port)
        self.db: Engine = create_engine(database_url)
        self.devices = [Device(self, "a"), Device(self, "b")]
        self.created: dict[str, str] = {}  # op_id → device, of every operation committed locally
        self.markers: list[str] = []  # titles of activities and notices made once each
        self.repairs = 0
        self.incomplete = 0
        self.damage: Counter = Counter()
        self.latent_damage: set[str] = set()  # devices whose damage a sync did not read yet
        self.counter = 0
        for device in self.devices:
            self.login(device)
        self.heal()

    def close(self) -> None:
        self.proxy.close()
        self.server.stop()
        self.db.dispose()

    # --- one trial -------------------------------------------------------------------------------

    def trial(self, number: int, fault: str | None = None) -> tuple[str, bool, Violations]:
        """(fault, whether its moment came, violations found after healing)."""
        fault = fault or self.rng.choice(FAULTS)
        for device in self.devices:
            count = self.rng.randint(1, 6)
            self.repairing(device, lambda d=device, n=count: self.change(d, n))
        victim = self.rng.choice(self.devices)
        if fault == "disk_full":
            fired = self.fill_disk(victim)
        elif fault == "corrupt_db":
            fired = self.corrupt(victim)
        else:
            fired = self.faulty_sync(victim, fault)
        self.proxy.arm(None)
        if not self.server.running():
            self.restart_server()
        violations = self.heal()
        violations.extend(self.opens(victim))
        violations.extend(self.check(f"seed {self.seed} trial {number} ({fault})"))
        return fault, fired, violations

    def faulty_sync(self, device: Device, fault: str) -> bool:
        who, what = fault.split(":")
        rng = random.Random(self.rng.random())
        if what in ("between_pages", "snapshot_install", "during_snapshot"):
            self.rewind(device, snapshot=what != "between_pages")
        push = lambda m, p, n: m == "POST" and p.startswith(protocol.PUSH_PATH)  # noqa: E731
        later_page = lambda m, p, n: p.startswith(protocol.PULL_PATH) and n >= 2  # noqa: E731
        snap = lambda m, p, n: p.startswith(protocol.SNAPSHOT_PATH)  # noqa: E731
        if who == "proxy":
            wanted = rng.choice([push, lambda m, p, n: p.startswith(protocol.PULL_PATH)])
            if what in ("cut", "garble", "garble_digit"):
                action = {"cut": px.CUT, "garble": px.GARBLE, "garble_digit": px.GARBLE_DIGIT}
                fault_ = px.Fault(action[what], wanted, rng=rng)
            else:
                action = rng.choice([px.STATUS_BEFORE, px.STATUS_AFTER])
                fault_ = px.Fault(action, wanted, status=int(what), rng=rng)
        else:
            hook = device.kill if who == "kill_client" else self.server.kill
            action, matches = {
                "before_push": (px.HOOK_BEFORE, push),
                "during_push": (
                    px.HOOK_AFTER_SERVER if who == "kill_client" else px.HOOK_DURING,
                    push,
                ),
                "after_push": (
                    px.HOOK_AFTER_ANSWER if who == "kill_client" else px.HOOK_AFTER_SERVER,
                    push,
                ),
                "between_pages": (px.HOOK_BEFORE, later_page),
                "snapshot_install": (px.HOOK_AFTER_ANSWER, snap),
                "during_snapshot": (px.HOOK_DURING, snap),
            }[what]
            fault_ = px.Fault(action, matches, hook=hook, rng=rng)
        self.proxy.arm(fault_)
        device.cli("sync")
        return fault_.fired

    def rewind(self, device: Device, *, snapshot: bool) -> None:
        """Make the device's next sync download a snapshot (cursor 0) or pull many pages
        (cursor 1): as a device that was away a long time, with its pending operations."""
        store = device.store()
        try:
            store.set_meta("pull_cursor", "0" if snapshot else "1")
        finally:
            store.close()

    # --- local changes -------------------------------------------------------------------------

    def change(self, device: Device, count: int) -> None:
        store = device.store()
        try:
            for _ in range(count):
                for op_id in self.one_change(store):
                    self.created[op_id] = device.name
        finally:
            store.close()

    def one_change(self, store) -> list[str]:
        from sync.core.rules import RuleViolation

        rng = self.rng
        self.counter += 1
        marker = f"F{self.seed}-{self.counter}"
        with store.engine.connect() as conn:
            published = [
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT id FROM activities WHERE status = 'published' ORDER BY id"
                )
            ]
            pending = [
                r[0]
                for r in conn.exec_driver_sql(
                    "SELECT id FROM registrations WHERE status = 'pending' ORDER BY id"
                )
            ]
            followers = [r[0] for r in conn.exec_driver_sql("SELECT id FROM followers ORDER BY id")]
        what = rng.choice(["title", "capacity", "create", "approve", "tag", "notice"])
        try:
            if what == "title" and published:
                op = store.update_activity(rng.choice(published), {"title": marker})
                return [op] if op else []
            if what == "capacity" and published:
                op = store.update_activity(
                    rng.choice(published), {"capacity": rng.randint(500, 900)}
                )
                return [op] if op else []
            if what == "create" and published:
                row = store.activity(rng.choice(published))
                fields = {k: row[k] for k in ACTIVITY_EDITABLE_FIELDS}
                self.markers.append(marker)
                return [
                    store.create_activity(store.get_meta("org_id"), {**fields, "title": marker})[0]
                ]
            if what == "approve" and pending:
                return [store.review_registration(rng.choice(pending), "approve")]
            if what == "tag" and followers:
                chosen = rng.sample(followers, min(len(followers), rng.randint(1, 300)))
                return store.tag_followers(chosen, add=[f"t{self.counter % 4}"])
            if what == "notice":
                self.markers.append(marker)
                return [store.send_notice(store.get_meta("org_id"), marker, "故障注入测试")[0]]
        except RuleViolation:
            pass
        return []

    # --- disk and file faults ------------------------------------------------------------------

    def fill_disk(self, device: Device) -> bool:
        """Local writes in a process whose files may not grow past a limit a little above the
        database's size (RLIMIT_FSIZE): a full disk. The operations it reports committed
        must all reach the server; the one that failed must leave no trace."""
        store = device.store()
        store.fold_write_ahead_log()
        store.close()
        path = device.profile / DATABASE_NAME
        limit = path.stat().st_size + self.rng.randint(0, 64) * 1024
        command = [
            sys.executable,
            "-m",
            "tests.faults.writer",
            str(device.profile),
            str(limit),
            str(self.rng.random()),
            str(self.seed),
        ]
        done = subprocess.run(
            command, cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=600
        )
        fired = False
        for line in done.stdout.splitlines():
            entry = json.loads(line)
            if "op_id" in entry:
                self.created[entry["op_id"]] = device.name
            if "marker" in entry:
                self.markers.append(entry["marker"])
            fired = fired or entry.get("full", False)
        if done.returncode != 0:
            raise RuntimeError(f"writer failed:\n{done.stderr[-3000:]}")
        return fired

    def corrupt(self, device: Device) -> bool:
        """Damage the closed database file (garbage over part of a page, a truncated file, or
        a zeroed first page), then sync as a cadre would: the CLI must say the data is damaged,
        and `repair` must bring back a working device that keeps every unsent operation: those
        the file no longer yields (the damage hit the outbox, or the first page that names
        every table) come from the outbox journal beside it, so any missing counts as lost."""
        path = device.profile / DATABASE_NAME
        size = path.stat().st_size
        how = self.rng.choice(["page", "truncate", "header"])
        self.damage[how] += 1
        with path.open("r+b") as f:
            if how == "truncate":
                f.truncate(self.rng.randrange(size // 4, size - 1024))
            elif how == "header":
                f.write(bytes(512))
            else:
                page = self.rng.randrange(1, size // 4096)
                f.seek(page * 4096 + self.rng.randrange(0, 4000))
                f.write(self.rng.randbytes(self.rng.randint(1, 64)))
        done = device.cli("sync")
        if done.returncode == 0:  # the damage is in a page this sync did not read
            self.latent_damage.add(device.name)
            return False
        if "已损坏" not in done.stderr:
            raise AssertionError(f"damage not detected ({how}):\n{done.stderr[-3000:]}")
        self.repair(device)
        return True

    def repair(self, device: Device) -> None:
        """`repair` as the CLI tells the cadre to; sign in again if the account went too."""
        done = device.cli("repair")
        if done.returncode != 0:
            raise AssertionError(f"repair failed:\n{done.stderr[-3000:]}")
        self.repairs += 1
        self.incomplete += "无法读出" in done.stderr
        if json.loads(device.cli("status").stdout)["account"] is None:  # signed out with it
            self.login(device)

    def login(self, device: Device) -> None:
        done = device.cli(
            "login",
            "--server",
            self.proxy.url,
            "--username",
            DEMO_HOME_USERNAME,
            "--password",
            self.password,
        )
        assert done.returncode == 0, done.stderr

    # --- healing and checking --------------------------------------------------------------------

    def restart_server(self) -> None:
        self.server.start()
        self.proxy.upstream_port = self.server.port

    def heal(self) -> Violations:
        """Sync every device with no fault until each is settled (twice round, so each hears
        the other's changes), in this process (a process per sync costs seconds on a busy
        machine); then the victim's CLI must open it. A device that will not open or settle
        is a violation."""
        found = Violations()
        for _ in range(2):
            for device in self.devices:
                self.repairing(device, lambda d=device: self.settle(d, found))
        return found

    def repairing(self, device: Device, work, found: Violations | None = None):
        """`work()`; when it trips over damage a corrupt_db trial left in a page its own sync
        did not read, `repair` as the cadre would be told to (then, given `found`, sync the
        fresh database before), and `work()` again."""
        try:
            return work()
        except (DBAPIError, cipher.LocalDataDamaged, *cipher.DRIVER_ERRORS) as error:
            damage = isinstance(error, cipher.LocalDataDamaged) or cipher.is_damage(error)
            if device.name not in self.latent_damage or not damage:
                raise
            self.latent_damage.discard(device.name)
            self.repair(device)
            if found is not None:
                self.settle(device, found)
            return work()

    def settle(self, device: Device, found: Violations) -> None:
        store = device.store()
        try:
            for _attempt in range(HEAL_ATTEMPTS):
                client = session.connect(store)
                try:
                    report = sync_once(store, client)
                finally:
                    client.close()
                if report.ok:
                    break
            else:
                found.unopenable.append(f"{device.name}: sync keeps failing: {report}")
            if store.pending_count():
                found.unopenable.append(f"{device.name}: operations left unsent")
        finally:
            store.close()

    def opens(self, device: Device) -> Violations:
        found = Violations()
        done = device.cli("status")
        if done.returncode != 0:
            found.unopenable.append(f"{device.name}: `status` failed: {done.stderr[-500:]}")
        return found

    def check(self, where: str) -> Violations:
        found = Violations()
        with self.db.connect() as conn:
            applied = {r[0] for r in conn.execute(text("SELECT op_id FROM applied_ops"))}
            for op_id, device in self.created.items():
                if op_id not in applied:
                    found.lost.append(
                        f"{where}: {device}'s operation {op_id} never reached the server"
                    )
            for marker in self.markers:
                n = conn.execute(
                    text(
                        "SELECT (SELECT count(*) FROM activities WHERE title = :m AND NOT deleted)"
                        " + (SELECT count(*) FROM notices WHERE title = :m)"
                    ),
                    {"m": marker},
                ).scalar()
                if n > 1:
                    found.doubled.append(f"{where}: {marker} made {n} times")
            server = _rows(conn, server=True)
        for device in self.devices:
            mine = self.repairing(device, lambda d=device: _device_rows(d), found)
            for table, rows in server.items():
                if rows != mine[table]:
                    diff = set(rows.items()) ^ set(mine[table].items())
                    found.divergent.append(
                        f"{where}: {device.name}.{table} differs from the server in "
                        f"{len(diff)} rows, e.g. {sorted(diff)[:2]}"
                    )
        return found


COMPARED = {
    "activities": "id, title, capacity, status, version",
    "registrations": "id, status, version",
    "followers": "id, tags, version",
    "notices": "id, title, status, recipient_count",
}


def _device_rows(device: Device) -> dict[str, dict]:
    store = device.store()
    try:
        with store.engine.connect() as conn:
            return _rows(conn, server=False)
    finally:
        store.close()


def _rows(conn, *, server: bool) -> dict[str, dict]:
    out = {}
    for table, columns in COMPARED.items():
        where = " WHERE NOT deleted" if server and table != "notices" else ""
        rows = conn.execute(text(f"SELECT {columns} FROM {table}{where}"))
        out[table] = {r[0]: tuple(r[1:]) for r in rows}
    return out


def seed_database(database_url: str) -> str:
    """`init-db` and the small demo data (as the server tests' templates); the county
    account's password."""
    run_ok("init-db", database_url=database_url)
    seed = ("seed-demo", "--size", "small", "--now", NOW.isoformat())
    seeded = parse_seed_output(run_ok(*seed, database_url=database_url))
    return seeded.accounts[DEMO_HOME_USERNAME].password


def run(
    folder: Path,
    database_url: str,
    password: str,
    seed: int,
    trials: int = 0,
    log=print,
    *,
    faults: list[str | None] | None = None,
) -> RunReport:
    """Trials of `seed` against the seeded database at `database_url`: `trials` with faults
    picked by the seed, or one per entry of `faults` (None: picked by the seed)."""
    report = RunReport()
    world = World(folder, database_url, password, seed, log)
    try:
        for number, wanted in enumerate(faults or [None] * trials, start=1):
            started = time.monotonic()
            fault, fired, violations = world.trial(number, wanted)
            report.trials += 1
            (report.faults if fired else report.missed)[fault] += 1
            report.violations.extend(violations)
            log(
                f"seed {seed} trial {number}: {fault}{'' if fired else ' (missed)'}"
                f"{' VIOLATION' if violations else ''} ({time.monotonic() - started:.0f} s)"
            )
            for line in (
                violations.lost + violations.doubled + violations.divergent + violations.unopenable
            ):
                log(f"  {line}")
    finally:
        report.repairs, report.incomplete = world.repairs, world.incomplete
        report.damage = world.damage
        world.close()
    return report
