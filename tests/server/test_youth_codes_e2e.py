"""A youth's token only after a one-time code sent to their phone, against a real server
process: nothing tells a stranger whether a phone is registered, codes are single-use, hashed at
rest and allow few tries, codes are limited per phone and per address, and a configured SMS
gateway carries them. (The rules bound to the clock: tests/server/test_youth_codes.py.)"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest
import requests

from tests.server.conftest import Seeded, Server, ServerFactory, server_rows
from tests.server.test_youth_e2e import PUBLIC, request_code, sent_code

CODE_DIGITS = 6
MAX_ATTEMPTS = 5  # the default of SUQING_CODE_MAX_ATTEMPTS


def _identify_with(server: Server, code: str, **body: str) -> requests.Response:
    body = {"name": "赵小青", "phone": "13911112222", "code": code, **body}
    return requests.post(server.url(f"{PUBLIC}/youths"), json=body, timeout=10)


def _other(code: str) -> str:
    return f"{(int(code) + 1) % 10**CODE_DIGITS:0{CODE_DIGITS}d}"


def _known_youth(server: Server) -> tuple[str, str]:
    """(name, phone) of a youth the demo data holds."""
    return tuple(server_rows(server, "SELECT name, phone FROM youths ORDER BY id LIMIT 1")[0])


def test_no_token_without_the_code_sent_to_the_phone(server: Server):
    phone = "13911112222"
    without = requests.post(
        server.url(f"{PUBLIC}/youths"), json={"name": "赵小青", "phone": phone}, timeout=10
    )
    assert without.status_code == 422 and "token" not in without.json()
    assert request_code(server, phone).status_code == 202
    code = sent_code(server, phone)
    wrong = _identify_with(server, _other(code), phone=phone)
    assert (wrong.status_code, wrong.json()["code"]) == (401, "code_invalid")

    right = _identify_with(server, code, phone=phone)
    assert right.status_code == 200, right.text
    assert right.json()["token"] and right.json()["created"] is True
    again = _identify_with(server, code, phone=phone)  # single use
    assert (again.status_code, again.json()["code"]) == (401, "code_invalid")


def test_a_stranger_cannot_tell_a_known_phone_from_an_unknown_one(server: Server):
    name, known = _known_youth(server)
    unknown = "13922223333"
    assert not server_rows(server, "SELECT id FROM youths WHERE phone = :p", p=unknown)
    asked = [request_code(server, phone) for phone in (known, unknown)]
    assert [a.status_code for a in asked] == [202, 202]
    assert asked[0].json() == asked[1].json()
    # A guessed code, with the holder's name or another: the same refusal (no 409), no token.
    answers = [
        _identify_with(server, _other(sent_code(server, phone)), phone=phone, name=who)
        for phone in (known, unknown)
        for who in (name, "冒名者")
    ]
    assert {(a.status_code, a.text) for a in answers} == {(401, answers[0].text)}
    assert answers[0].json()["code"] == "code_invalid"
    # Only the phone's holder, with the code, is told the phone is taken by another name.
    taken = _identify_with(server, sent_code(server, known), phone=known, name="冒名者")
    assert (taken.status_code, taken.json()["code"]) == (409, "phone_taken")
    holder = _identify_with(server, sent_code(server, known), phone=known, name=name)
    assert holder.status_code == 200 and holder.json()["created"] is False


def test_a_code_allows_few_tries(server: Server):
    phone = "13933334444"
    assert request_code(server, phone).status_code == 202
    code = sent_code(server, phone)
    for _ in range(MAX_ATTEMPTS):
        assert _identify_with(server, _other(code), phone=phone).status_code == 401
    late = _identify_with(server, code, phone=phone)  # the right code, after too many tries
    assert (late.status_code, late.json()["code"]) == (401, "code_invalid")


def test_codes_are_hashed_at_rest(server: Server):
    phone = "13944445555"
    assert request_code(server, phone).status_code == 202
    code = sent_code(server, phone)
    rows = server_rows(server, "SELECT * FROM youth_codes")
    assert len(rows) == 1
    stored = " ".join(str(v) for v in rows[0])
    assert code not in stored and phone not in stored and "127.0.0.1" not in stored


def test_codes_are_limited_per_phone_and_per_address(
    seeded_database: tuple[str, Seeded], server_factory: ServerFactory
):
    url, seeded = seeded_database
    server = server_factory(url, seeded=seeded, SUQING_CODE_ADDRESS_LIMIT="3")
    # uvicorn takes the caller's address from X-Forwarded-For sent by a trusted proxy
    # (loopback by default), as from the load balancer in production.
    first, second = {"X-Forwarded-For": "203.0.113.7"}, {"X-Forwarded-For": "203.0.113.8"}
    assert request_code(server, "13955550001", **first).status_code == 202
    again = request_code(server, "13955550001", **second)  # the same phone, at once
    assert (again.status_code, again.json()["code"]) == (429, "code_throttled")
    assert 0 < int(again.headers["Retry-After"]) <= 60
    for phone in ("13955550002", "13955550003"):
        assert request_code(server, phone, **first).status_code == 202
    flooded = request_code(server, "13955550004", **first)
    assert (flooded.status_code, flooded.json()["code"]) == (429, "code_throttled")
    assert 3000 < int(flooded.headers["Retry-After"]) <= 3600
    assert request_code(server, "13955550004", **second).status_code == 202


class _Gateway(BaseHTTPRequestHandler):
    """A stand-in SMS gateway on 127.0.0.1: records each request; answers `status`."""

    received: ClassVar[list[tuple[str, dict]]] = []
    status = 200

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).received.append((self.headers.get("Authorization", ""), body))
        self.send_response(type(self).status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@contextmanager
def running_gateway() -> Iterator[tuple[str, type[_Gateway]]]:
    """(its URL, its handler class holding what it received) while the block runs."""
    handler = type("Gateway", (_Gateway,), {"received": [], "status": 200})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/sms", handler
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def gateway() -> Iterator[tuple[str, type[_Gateway]]]:
    with running_gateway() as running:
        yield running


def test_a_configured_gateway_carries_the_code(
    seeded_database: tuple[str, Seeded], server_factory: ServerFactory, gateway
):
    url, seeded = seeded_database
    gateway_url, handler = gateway
    server = server_factory(
        url,
        seeded=seeded,
        SUQING_SMS_SENDER="http",
        SUQING_SMS_GATEWAY_URL=gateway_url,
        SUQING_SMS_GATEWAY_KEY="k-123",
    )
    phone = "13966667777"
    assert request_code(server, phone).status_code == 202
    [(authorization, body)] = handler.received
    assert authorization == "Bearer k-123"
    assert body["phone"] == phone and body["code"] in body["text"]
    assert _identify_with(server, body["code"], phone=phone).status_code == 200
    assert not server.sms_outbox.exists()  # the development sender is not in play

    handler.status = 500
    failed = request_code(server, "13966668888")
    assert (failed.status_code, failed.json()["code"]) == (503, "sms_unavailable")
