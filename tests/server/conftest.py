"""Server test fixtures: a fresh database per test (SQLite, and PostgreSQL when
SUQING_TEST_DATABASE_URL names a server), the CLI run as a real process, and a real server
process on 127.0.0.1.

Every test is parametrised over both backends; PostgreSQL is skipped, with the reason, when the
variable is unset, and fails loudly when it is set but the server cannot be reached (CI set it on
purpose). Demo data is seeded once per backend through the CLI into a template; each test that
wants it gets its own copy (SQLite's backup API; PostgreSQL's CREATE DATABASE ... TEMPLATE), so
tests never share a database and still start in about a second.

The demo data is drawn as of tests.conftest.NOW, and every server and device a test starts runs
on a clock that started at NOW (`demo_now`), so the same rows are open for registration whatever
the real date: no test depends on the day it runs.
"""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
from sqlalchemy import Engine, create_engine, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from sync.client import session
from sync.client.engine import sync_once
from sync.client.http import ClientConfig
from sync.client.store import DATABASE_NAME, Store
from sync.client.store.tables import activities, registrations
from sync.tools.demo import DEMO_HOME_USERNAME
from tests.conftest import NOW

ROOT = Path(__file__).resolve().parents[2]
PG_ENV = "SUQING_TEST_DATABASE_URL"
BACKENDS = ("sqlite", "postgresql")
START_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0
CLOCK_ENV = "SUQING_CLOCK"  # sync.server.config.CLOCK_ENV

# The test session's clock: NOW when the session started, running on at the real pace.
_CLOCK_OFFSET = NOW - datetime.now(UTC)


def demo_now() -> datetime:
    """The time on the servers and devices of the tests: the seeded demo data's NOW, plus the
    real time elapsed since the session started."""
    return datetime.now(UTC) + _CLOCK_OFFSET


# --- the CLI as a process -------------------------------------------------------------------------


def cli_env(**extra: str) -> dict[str, str]:
    """The environment of a CLI or server process: no database URL from outside the test."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUQING_")}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def run_cli(*args: str, database_url: str | None = None, **env: str):
    """`python -m sync.server ARGS` in a new process; the CompletedProcess (text output)."""
    return run_cli_together([args], database_url=database_url, **env)[0]


def run_cli_together(commands: list[tuple[str, ...]], *, database_url: str | None = None, **env):
    """Independent CLI commands run side by side (each a process); their CompletedProcesses."""
    env.setdefault(CLOCK_ENV, demo_now().isoformat())  # the test servers' clock, not the system's
    processes = []
    for args in commands:
        command = [sys.executable, "-m", "sync.server", *args]
        if database_url:
            command += ["--database-url", database_url]
        processes.append(
            (
                command,
                subprocess.Popen(
                    command,
                    cwd=ROOT,
                    env=cli_env(**env),
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    text=True,
                ),
            )
        )
    done = []
    for command, process in processes:
        try:
            stdout, stderr = process.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
        done.append(subprocess.CompletedProcess(command, process.returncode, stdout, stderr))
    return done


def run_ok(*args: str, database_url: str | None = None) -> str:
    done = run_cli(*args, database_url=database_url)
    assert done.returncode == 0, f"{args[0]} failed ({done.returncode}):\n{done.stderr}"
    return done.stdout


# --- databases ----------------------------------------------------------------------------------


def _pg_admin_url():
    return make_url(os.environ[PG_ENV]).set(drivername="postgresql+psycopg")


def _pg_admin() -> Engine:
    return create_engine(_pg_admin_url(), isolation_level="AUTOCOMMIT", poolclass=NullPool)


def _pg_url(name: str) -> str:
    return _pg_admin_url().set(database=name).render_as_string(hide_password=False)


@contextmanager
def pg_database(*, template: str | None = None) -> Iterator[str]:
    """A new, uniquely named database on the test PostgreSQL server, dropped afterwards."""
    name = f"suqing_t_{uuid.uuid4().hex[:16]}"
    admin = _pg_admin()
    try:
        with admin.connect() as conn:
            suffix = f' TEMPLATE "{template}"' if template else ""
            conn.exec_driver_sql(f'CREATE DATABASE "{name}"{suffix}')
        yield _pg_url(name)
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="session")
def _pg_reachable() -> None:
    try:
        with _pg_admin().connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as error:
        pytest.fail(f"{PG_ENV} is set but PostgreSQL cannot be reached: {error}", pytrace=False)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql":
        if not os.environ.get(PG_ENV):
            pytest.skip(f"PostgreSQL: set {PG_ENV}=postgresql+psycopg://user@host/db to run")
        request.getfixturevalue("_pg_reachable")
    return request.param


@pytest.fixture
def database_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """An empty database of its own for this test (not initialised)."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'server.sqlite'}"
    else:
        with pg_database() as url:
            yield url


# --- seeded demo data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    org_id: str
    org_name: str


@dataclass(frozen=True)
class Seeded:
    """What `seed-demo` printed."""

    output: str
    home_org_id: str
    accounts: dict[str, DemoAccount]


def parse_seed_output(output: str) -> Seeded:
    accounts = {}
    for line in output.splitlines():
        if line.startswith("account\t"):
            _, username, password, org_id, org_name = line.split("\t")
            accounts[username] = DemoAccount(username, password, org_id, org_name)
    home = re.search(r"^home organisation: (\S+)$", output, re.M)
    assert home and accounts, output
    return Seeded(output, home.group(1), accounts)


class _Templates:
    """One database per backend, initialised and seeded (small) by the CLI, made on first use."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.made: dict[str, tuple[str, Seeded]] = {}
        self.pg_names: list[str] = []

    def get(self, backend: str) -> tuple[str, Seeded]:
        if backend not in self.made:
            if backend == "sqlite":
                url = f"sqlite:///{self.folder / 'template.sqlite'}"
            else:
                name = f"suqing_tpl_{uuid.uuid4().hex[:16]}"
                with _pg_admin().connect() as conn:
                    conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
                self.pg_names.append(name)
                url = _pg_url(name)
            run_ok("init-db", database_url=url)
            seed = ("seed-demo", "--size", "small", "--now", NOW.isoformat())
            seeded = parse_seed_output(run_ok(*seed, database_url=url))
            self.made[backend] = (url, seeded)
        return self.made[backend]

    def drop(self) -> None:
        if self.pg_names:
            with _pg_admin().connect() as conn:
                for name in self.pg_names:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def _templates(tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Templates]:
    templates = _Templates(tmp_path_factory.mktemp("templates"))
    yield templates
    templates.drop()


@pytest.fixture
def seeded_database(
    backend: str, _templates: _Templates, tmp_path: Path
) -> Iterator[tuple[str, Seeded]]:
    """This test's own copy of a database after `init-db` and `seed-demo --size small`."""
    template_url, seeded = _templates.get(backend)
    if backend == "sqlite":
        path = tmp_path / "server.sqlite"
        source = sqlite3.connect(make_url(template_url).database)
        target = sqlite3.connect(path)
        source.backup(target)
        source.close()
        target.close()
        yield f"sqlite:///{path}", seeded
    else:
        with pg_database(template=make_url(template_url).database) as url:
            yield url, seeded


# --- the server as a process --------------------------------------------------------------------


@dataclass
class Server:
    base_url: str
    database_url: str
    backend: str
    process: subprocess.Popen
    log: Path
    seeded: Seeded | None = None
    sms_outbox: Path | None = None  # the development SMS sender's codes (SUQING_SMS_OUTBOX)

    @property
    def accounts(self) -> dict[str, DemoAccount]:
        """The demo accounts `seed-demo` printed, by username."""
        return self.seeded.accounts if self.seeded else {}

    def url(self, path: str) -> str:
        return self.base_url + path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


ServerFactory = Callable[..., Server]


@pytest.fixture
def server_factory(backend: str, tmp_path: Path) -> Iterator[ServerFactory]:
    """`start(database_url, *, seeded=None, **env)`: `python -m sync.server serve` on a free
    port of 127.0.0.1, returned once /healthz answers, with extra environment variables `env`
    (e.g. SUQING_TOKEN_LIFETIME_SECONDS); every server started is stopped after the test. Its
    clock reads `demo_now()` (SUQING_CLOCK), and the youths' one-time codes go to a file of the
    test (SUQING_SMS_OUTBOX), unless `env` sets others."""
    started: list[Server] = []

    def start(database_url: str, *, seeded: Seeded | None = None, **env: str) -> Server:
        env.setdefault(CLOCK_ENV, demo_now().isoformat())
        env.setdefault("SUQING_SMS_OUTBOX", str(tmp_path / f"sms-{len(started)}.jsonl"))
        # one signing key per test, shared by its servers like a deployment's processes
        env.setdefault("SUQING_CHECKIN_KEY_FILE", str(tmp_path / "checkin-signing-key.pem"))
        log = tmp_path / f"server-{len(started)}.log"
        command = [sys.executable, "-m", "sync.server", "serve", "--port", "0"]
        command += ["--database-url", database_url]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=cli_env(**env),
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        server = Server("", database_url, backend, process, log, seeded)
        server.sms_outbox = Path(env["SUQING_SMS_OUTBOX"])
        started.append(server)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"server exited with {process.returncode}:\n{log.read_text()}")
            found = re.search(r"running on (http://127\.0\.0\.1:\d+)", log.read_text())
            if found:
                server.base_url = found.group(1)
                try:
                    if requests.get(server.url("/healthz"), timeout=2).status_code == 200:
                        return server
                except (requests.ConnectionError, requests.Timeout):  # not listening, or starting
                    pass
            time.sleep(0.05)
        pytest.fail(f"server did not start in {START_TIMEOUT} s:\n{log.read_text()}")

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def server(seeded_database: tuple[str, Seeded], server_factory: ServerFactory) -> Server:
    """A real server over this test's own copy of the small demo data; `accounts` are the demo
    accounts `seed-demo` printed (username → DemoAccount)."""
    database_url, seeded = seeded_database
    return server_factory(database_url, seeded=seeded)


def login(server: Server, username: str, password: str | None = None, **extra) -> requests.Response:
    password = server.accounts[username].password if password is None else password
    body = {"username": username, "password": password, "device_id": "test-device", **extra}
    return requests.post(server.url("/api/v1/login"), json=body, timeout=10)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


# --- devices: client profiles signed in to a server ------------------------------------------


class Device:
    """One laptop: its own profile folder, store and session."""

    def __init__(
        self, server: Server, folder: Path, *, username: str = DEMO_HOME_USERNAME, clock=None
    ):
        self.server = server
        self.store = Store(folder / DATABASE_NAME, clock=clock or demo_now)
        account = server.accounts[username]
        session.sign_in(
            self.store, ClientConfig(base_url=server.base_url), username, account.password
        )

    def sync(self):
        client = session.connect(self.store)
        try:
            report = sync_once(self.store, client)
        finally:
            client.close()
        assert report.ok, (report.push_error, report.pull_error)
        return report

    def activities(self) -> dict[str, dict]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(activities)).mappings()
            return {r["id"]: dict(r) for r in rows}

    def registrations(self) -> dict[str, dict]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(registrations)).mappings()
            return {r["id"]: dict(r) for r in rows}

    def close(self) -> None:
        self.store.close()


@pytest.fixture
def devices(server: Server, tmp_path: Path):
    """`make(name, **kwargs)`: a Device in its own folder of this test, closed afterwards."""
    made: list[Device] = []

    def make(name: str, **kwargs) -> Device:
        device = Device(server, tmp_path / name, **kwargs)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()


def server_rows(server: Server, sql: str, **params) -> list:
    engine = create_engine(server.database_url)
    try:
        with engine.connect() as conn:
            return list(conn.execute(text(sql), params))
    finally:
        engine.dispose()
