"""A busy server makes devices wait, never fails them: 503 + Retry-After, client backoff."""

from __future__ import annotations

import random
import re
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from sync.client.http import Backoff, ClientConfig, ServerBusy, ServerClient
from sync.core.operations import Kind, UpdateActivity
from sync.core.protocol import OpStatus
from sync.server.db import WriterLock, writer_lock_path
from sync.tools.demo import DEMO_HOME_USERNAME
from tests.server.conftest import (
    ROOT,
    START_TIMEOUT,
    Seeded,
    Server,
    bearer,
    cli_env,
    login,
    server_rows,
)

THREADS = 16
CYCLES = 3
OPS_PER_PUSH = 2


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def two_workers(
    seeded_database: tuple[str, Seeded], backend: str, tmp_path: Path
) -> Iterator[callable]:
    """`start(**env)`: `serve --workers 2` on this test's database, stopped afterwards."""
    started: list[subprocess.Popen] = []

    def start(**env: str) -> Server:
        database_url, seeded = seeded_database
        port = _free_port()
        log = tmp_path / f"server-{len(started)}.log"
        command = [sys.executable, "-m", "sync.server", "serve", "--workers", "2"]
        command += ["--port", str(port), "--database-url", database_url]
        with log.open("wb") as out:
            process = subprocess.Popen(
                command, cwd=ROOT, env=cli_env(**env), stdout=out, stderr=subprocess.STDOUT
            )
        started.append(process)
        server = Server(f"http://127.0.0.1:{port}", database_url, backend, process, log, seeded)
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"server exited with {process.returncode}:\n{log.read_text()}")
            try:
                if requests.get(server.url("/healthz"), timeout=2).status_code == 200:
                    return server
            except (requests.ConnectionError, requests.Timeout):  # not listening, or starting
                pass
            time.sleep(0.05)
        pytest.fail(f"server did not start in {START_TIMEOUT} s:\n{log.read_text()}")

    yield start
    for process in started:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _token(server: Server) -> str:
    response = login(server, DEMO_HOME_USERNAME)
    assert response.status_code == 200, response.text
    return response.json()["token"]


def _activity_ids(client: ServerClient) -> list[str]:
    return _scope(client)[0]


def _scope(client: ServerClient) -> tuple[list[str], int]:
    """The published activities in the caller's scope, and the cursor after them all."""
    page = client.pull(0, 100_000)
    ids = sorted(r["id"] for r in page.rows.get("activities", []) if r["status"] == "published")
    assert ids and not page.more
    return ids, page.cursor


def _update(op_id: str, activity_id: str, capacity: int) -> dict:
    return {
        "op_id": op_id,
        "kind": Kind.ACTIVITY_UPDATE.value,
        "device_id": op_id.rsplit("-", 2)[0],
        "occurred_at": datetime.now(UTC).isoformat(),
        "payload": UpdateActivity(id=activity_id, changes={"capacity": capacity}).to_payload(),
    }


def _statuses(log: Path) -> Counter:
    """HTTP statuses in uvicorn's access log."""
    return Counter(int(s) for s in re.findall(r'HTTP/1\.1" (\d{3})', log.read_text()))


def test_concurrent_devices_on_two_workers_all_get_through_exactly_once(two_workers):
    """16 devices push and pull 3 times at once against 2 worker processes that take only 3
    requests each at a time: the excess is answered 503 + Retry-After, the client waits with
    jitter and sends again; no 500, no reset, and every operation is applied exactly once."""
    server = two_workers(SUQING_MAX_IN_FLIGHT="3")
    token = _token(server)
    config = ClientConfig(base_url=server.base_url, busy_wait=60.0)
    probe = ServerClient(config, token=token)
    ids, synced = _scope(probe)  # devices already synced: they pull what the others change
    probe.close()
    sent: dict[str, tuple[str, int]] = {}
    results: dict[str, tuple[OpStatus, int]] = {}
    failures: list[BaseException] = []
    lock = threading.Lock()
    barrier = threading.Barrier(THREADS)

    def device(n: int) -> None:
        rng = random.Random(n)
        client = ServerClient(config, token=token, rng=rng)
        try:
            barrier.wait(30)
            cursor = synced
            for cycle in range(CYCLES):
                ops = [
                    _update(f"busy{n}-{cycle}-{k}", rng.choice(ids), rng.randint(50, 500))
                    for k in range(OPS_PER_PUSH)
                ]
                got = client.push(ops)
                with lock:
                    for op in ops:
                        sent[op["op_id"]] = (
                            op["payload"]["id"],
                            op["payload"]["changes"]["capacity"],
                        )
                    results.update({r.op_id: (r.status, r.seq) for r in got})
                while True:
                    page = client.pull(cursor)
                    cursor = page.cursor
                    if not page.more:
                        break
        except BaseException as error:
            with lock:
                failures.append(error)
        finally:
            client.close()

    started = time.monotonic()
    threads = [threading.Thread(target=device, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not any(t.is_alive() for t in threads), "devices still running after 120 s"
    assert time.monotonic() - started < 120
    assert failures == []
    statuses = _statuses(server.log)
    assert not [s for s in statuses if s >= 500 and s != 503], statuses
    assert statuses[503] > 0, f"the server was never busy: {statuses}"  # the path was taken
    assert "Traceback" not in server.log.read_text()

    # Exactly once: one applied_ops row per operation, each with the sequence the device heard
    # of, every one applied; sending them all again changes nothing.
    assert len(sent) == THREADS * CYCLES * OPS_PER_PUSH
    assert all(status is not OpStatus.REJECTED for status, _seq in results.values())
    rows = dict(server_rows(server, "SELECT op_id, seq FROM applied_ops WHERE op_id LIKE 'busy%'"))
    assert rows == {op_id: seq for op_id, (_status, seq) in results.items()}
    again = ServerClient(config, token=token)
    try:
        resent = again.push([_update(op_id, *sent[op_id]) for op_id in sorted(sent)])
    finally:
        again.close()
    assert {r.op_id: r.seq for r in resent} == rows
    assert server_rows(server, "SELECT count(*) FROM applied_ops WHERE op_id LIKE 'busy%'") == [
        (len(sent),)
    ]
    # The last operation (highest sequence) on each activity decided its capacity.
    last: dict[str, tuple[int, int]] = {}
    for op_id, (activity_id, capacity) in sent.items():
        seq = rows[op_id]
        if activity_id not in last or seq > last[activity_id][0]:
            last[activity_id] = (seq, capacity)
    for activity_id, (_seq, capacity) in last.items():
        got = server_rows(server, "SELECT capacity FROM activities WHERE id = :i", i=activity_id)
        assert got == [(capacity,)]


# The writer lock is SQLite's; PostgreSQL writers run side by side.
@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_writer_lock_held_answers_503_with_retry_after(backend, server_factory, seeded_database):
    """A push that cannot have SQLite's writer lock in time is told 503 + Retry-After in the
    protocol's error shape, not 500, and gets through once the lock is free."""
    database_url, seeded = seeded_database
    server = server_factory(database_url, seeded=seeded, SUQING_WRITER_LOCK_WAIT_SECONDS="0.5")
    token = _token(server)
    ops = [
        _update(
            "held-op-0",
            _activity_ids(ServerClient(ClientConfig(server.base_url), token=token))[0],
            77,
        )
    ]
    held = WriterLock(writer_lock_path(database_url), timeout=5)
    with held.hold():
        began = time.monotonic()
        response = requests.post(
            server.url("/api/v1/push"), json={"ops": ops}, headers=bearer(token), timeout=30
        )
        assert time.monotonic() - began < 10
        assert response.status_code == 503, response.text
        assert int(response.headers["Retry-After"]) >= 1
        body = response.json()
        assert body["code"] == "server_busy" and "忙" in body["message"]
        # reading never waits for the writer
        pull = requests.get(server.url("/api/v1/changes"), headers=bearer(token), timeout=30)
        assert pull.status_code == 200
    assert server_rows(server, "SELECT count(*) FROM applied_ops WHERE op_id = 'held-op-0'") == [
        (0,)
    ]
    response = requests.post(
        server.url("/api/v1/push"), json={"ops": ops}, headers=bearer(token), timeout=30
    )
    assert response.status_code == 200
    assert "Traceback" not in server.log.read_text()


# --- the client's backoff, with an injected clock: no real waiting ------------------------------


class _FakeTime:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


class _Answers:
    """A stand-in for `ServerClient._send_once`: the given statuses, then 200."""

    def __init__(self, *statuses: int, retry_after: str = "2") -> None:
        self.statuses = list(statuses)
        self.retry_after = retry_after
        self.calls = 0

    def __call__(self, method: str, path: str, **kwargs) -> requests.Response:
        self.calls += 1
        response = requests.Response()
        response.status_code = self.statuses.pop(0) if self.statuses else 200
        response.headers["Retry-After"] = self.retry_after
        response._content = b'{"code": "server_busy", "message": "busy"}'
        response._content_consumed = True
        return response


def _client(answers: _Answers, fake: _FakeTime, busy_wait: float = 30.0) -> ServerClient:
    client = ServerClient(
        ClientConfig(base_url="http://127.0.0.1:9", busy_wait=busy_wait),
        sleep=fake.sleep,
        clock=fake.clock,
        rng=random.Random(7),
    )
    client._send_once = answers  # type: ignore[method-assign]
    return client


def test_client_waits_out_503_with_jittered_exponential_backoff():
    fake = _FakeTime()
    answers = _Answers(503, 503, 503, 503)
    response = _client(answers, fake)._send("POST", "/api/v1/push")
    assert response.status_code == 200
    assert answers.calls == 5
    assert len(fake.sleeps) == 4
    # never sooner than the server asked, plus a jitter that grows with each attempt
    assert all(s >= 2.0 for s in fake.sleeps)
    extra = [s - 2.0 for s in fake.sleeps]
    assert all(0 <= e <= min(8.0, 0.5 * 2**i) for i, e in enumerate(extra))
    assert len(set(fake.sleeps)) == 4  # jittered, not a fixed step


def test_client_gives_up_after_the_bounded_wait_and_says_server_busy():
    fake = _FakeTime()
    answers = _Answers(*([503] * 100), retry_after="5")
    with pytest.raises(ServerBusy) as raised:
        _client(answers, fake, busy_wait=20.0)._send("GET", "/api/v1/changes")
    assert fake.now <= 20.0
    assert 2 <= answers.calls < 10
    assert "服务器正忙" in raised.value.user_message and "重试" in raised.value.user_message


def test_devices_told_the_same_retry_after_come_back_at_different_times():
    backoff = Backoff()
    waits = {round(backoff.delay(0, 1.0, random.Random(n)), 6) for n in range(50)}
    assert len(waits) > 40
    assert all(1.0 <= w <= 1.5 for w in waits)
