"""Limits against abuse, on a real server process: request body size, ids in one operation,
and the lifetime of snapshot files (issue 9, point 3)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import requests

from sync.core.ids import uuid7
from sync.core.operations import MAX_IDS, Kind
from sync.core.protocol import SNAPSHOT_PATH
from sync.server import auth
from sync.server.config import Settings
from sync.server.db import Database
from tests.conftest import NOW
from tests.server.conftest import Seeded, Server, ServerFactory, bearer, login

PUSH = "/api/v1/push"
WAIT = 15.0  # seconds to wait for a condition the server reaches in well under one


def _connection(server: Server) -> http.client.HTTPConnection:
    address = urlsplit(server.base_url)
    return http.client.HTTPConnection(address.hostname, address.port, timeout=WAIT)


def _answer(connection: http.client.HTTPConnection) -> tuple[int, dict]:
    response = connection.getresponse()
    return response.status, json.loads(response.read())


def _eventually(condition, what: str) -> None:
    """Wait for work the server finishes after its answer (no clock involved: a condition)."""
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


# --- request bodies -----------------------------------------------------------------------------


def test_a_body_over_the_limit_is_refused_before_it_is_sent(server: Server):
    """20 MB announced: the answer comes after the headers alone, so the server never read
    (nor kept) the body."""
    token = login(server, "jiangning").json()["token"]
    connection = _connection(server)
    connection.putrequest("POST", PUSH)
    for name, value in {**bearer(token), "Content-Type": "application/json"}.items():
        connection.putheader(name, value)
    connection.putheader("Content-Length", str(20 * 1024 * 1024))
    connection.endheaders(b'{"ops": [')  # and nothing more
    status, body = _answer(connection)
    connection.close()
    assert status == 413
    assert body["code"] == "request_too_large"
    assert "过大" in body["message"]


def test_a_chunked_body_is_refused_once_it_passes_the_limit(
    seeded_database: tuple[str, Seeded], server_factory: ServerFactory
):
    database_url, seeded = seeded_database
    server = server_factory(database_url, seeded=seeded, SUQING_MAX_REQUEST_BYTES="100000")
    token = login(server, "jiangning").json()["token"]
    connection = _connection(server)
    connection.putrequest("POST", PUSH)
    for name, value in {**bearer(token), "Content-Type": "application/json"}.items():
        connection.putheader(name, value)
    connection.putheader("Transfer-Encoding", "chunked")
    connection.endheaders()
    chunk = b" " * 10_000
    try:
        for _ in range(100):  # 1 MB, ten times the limit
            connection.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
    except OSError:
        pass  # the server answered and closed: it stops reading at the limit
    status, body = _answer(connection)
    connection.close()
    assert (status, body["code"]) == (413, "request_too_large")
    # an ordinary push page still fits
    op = {"op_id": uuid7(), "kind": Kind.FOLLOWER_TAG, "payload": {"ids": [uuid7()]}}
    ok = requests.post(server.url(PUSH), json={"ops": [op]}, headers=bearer(token), timeout=30)
    assert ok.status_code == 200, ok.text


# --- ids in one operation -----------------------------------------------------------------------


def test_an_operation_over_the_id_cap_is_refused_by_the_server(server: Server):
    token = login(server, "jiangning").json()["token"]
    ops = [
        {
            "op_id": f"tag-{n}-{uuid7()}",
            "kind": Kind.FOLLOWER_TAG,
            "payload": {"ids": [uuid7() for _ in range(n)], "add": ["志愿者"]},
        }
        for n in (MAX_IDS + 1, 100_000)
    ]
    response = requests.post(server.url(PUSH), json={"ops": ops}, headers=bearer(token), timeout=60)
    assert response.status_code == 200, response.text
    results = response.json()["results"]
    assert [(r["status"], r["code"]) for r in results] == [("rejected", "too_many_ids")] * 2
    assert results[0]["params"] == {"max": MAX_IDS}


# --- snapshot files -----------------------------------------------------------------------------


def _snapshot_files(tmp: Path) -> list[Path]:
    return sorted(tmp.rglob("suqing-snapshot-*"))


def test_snapshot_files_are_removed_when_the_client_goes_away_before_the_download(
    seeded_database: tuple[str, Seeded], server_factory: ServerFactory, tmp_path: Path
):
    """The client asks for its snapshot and disconnects at once, while the server builds it:
    the file, with the whole scope's personal data, is gone once the request is over. Ten
    times. The server takes one request at a time (SUQING_MAX_IN_FLIGHT=1), so /healthz
    answers 200 only once the abandoned request is over."""
    tmp = tmp_path / "server-tmp"
    tmp.mkdir()
    database_url, seeded = seeded_database
    server = server_factory(database_url, seeded=seeded, TMPDIR=str(tmp), SUQING_MAX_IN_FLIGHT="1")
    token = login(server, "jiangning").json()["token"]
    address = urlsplit(server.base_url)
    request = (
        f"GET {SNAPSHOT_PATH} HTTP/1.1\r\nHost: {address.netloc}\r\n"
        f"Authorization: Bearer {token}\r\nAccept-Encoding: gzip\r\n\r\n"
    ).encode()
    idle = lambda: requests.get(server.url("/healthz"), timeout=WAIT).status_code == 200  # noqa: E731
    for _ in range(10):
        with socket.create_connection((address.hostname, address.port), timeout=WAIT) as sock:
            sock.sendall(request)  # and closed before a byte of the answer is read
        _eventually(idle, "the abandoned request never ended")
    assert _snapshot_files(tmp) == []


def test_stale_snapshot_files_are_swept_at_start(
    seeded_database: tuple[str, Seeded], server_factory: ServerFactory, tmp_path: Path
):
    """A server killed while sending leaves its file; the next start removes it, but not a file
    another worker of the same server may be sending right now."""
    tmp = tmp_path / "server-tmp"
    folder = tmp / "suqing-snapshots"
    folder.mkdir(parents=True)
    stale, fresh = folder / "suqing-snapshot-old.sqlite", folder / "suqing-snapshot-new.sqlite"
    stale.write_bytes(b"a whole scope")
    fresh.write_bytes(b"being sent")
    now = time.time()  # the clock's time, not the kernel's stamp (they differ under libfaketime)
    os.utime(fresh, (now, now))
    os.utime(stale, (now - 7200, now - 7200))
    database_url, seeded = seeded_database
    server_factory(database_url, seeded=seeded, TMPDIR=str(tmp))
    assert _snapshot_files(tmp) == [fresh]


# --- sign-in ------------------------------------------------------------------------------------


def test_waits_grow_per_address_and_never_keep_the_right_password_out_long(
    seeded_database: tuple[str, Seeded],
):
    """On the server's own clock (`now`): after the free failures each wrong password from an
    address doubles its wait, up to a minute; the right password then works, from that very
    address, however many guesses came before."""
    database_url, seeded = seeded_database
    username = "jiangning-street1"
    password = seeded.accounts[username].password
    settings = Settings(database_url=database_url)
    db = Database.connect(database_url, pool_size=1, max_overflow=1)
    at = NOW

    def attempt(secret: str) -> str | int:
        try:
            auth.login(
                db,
                settings,
                username=username,
                password=secret,
                device_id="test-device",
                address="198.51.100.7",
                now=at,
            )
        except auth.AuthError as error:
            return error.retry_after or error.code
        return "signed in"

    try:
        waits = []
        for _ in range(settings.login_max_failures + 12):
            assert attempt("wrong-password") == "invalid_credentials"
            answer = attempt(password)  # refused while the address waits, right or not
            waits.append(0 if answer == "signed in" else answer)
            at += timedelta(seconds=waits[-1])  # the wait over, the next guess is heard
        free = settings.login_max_failures
        assert waits[:free] == [0] * free  # signed in: a few typos cost nothing
        assert waits[free:] == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60]
        assert attempt(password) == "signed in"  # a minute after the latest guess
    finally:
        db.dispose()


def test_a_flood_of_sign_ins_is_answered_503_and_health_stays_up(
    seeded_database: tuple[str, Seeded], server_factory: ServerFactory
):
    """Sixty sign-ins at once from sixty addresses: a few wait for a password hash, the rest
    are told to retry (503 + Retry-After) instead of holding every worker thread; /healthz
    answers throughout. (Latency figures: benchmarks/bench_login_flood.py.)"""
    database_url, seeded = seeded_database
    server = server_factory(database_url, seeded=seeded, SUQING_LOGIN_HASH_SLOTS="1")
    url = server.url("/api/v1/login")

    def sign_in(n: int) -> requests.Response:
        body = {"username": "jiangning", "password": "wrong-password", "device_id": "flood"}
        headers = {"X-Forwarded-For": f"203.0.113.{n}"}
        return requests.post(url, json=body, headers=headers, timeout=60)

    with ThreadPoolExecutor(60) as pool:
        answers = list(pool.map(sign_in, range(60)))
        health = requests.get(server.url("/healthz"), timeout=60)
    assert health.status_code == 200
    statuses = Counter(a.status_code for a in answers)
    assert set(statuses) <= {401, 503} and statuses[503] > 0, statuses
    busy = next(a for a in answers if a.status_code == 503)
    assert busy.json()["code"] == "server_busy"
    assert int(busy.headers["Retry-After"]) > 0
