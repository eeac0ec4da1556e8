"""A loopback HTTP proxy between the devices and the server that can misbehave on cue.

Every request is relayed on a connection of its own (`Connection: close`), the whole answer is
read before it is passed on, so a fault can act at an exact point: before the server hears the
request, after it answered but before the device hears it, or part-way through the answer.
The harness arms one `Fault` at a time; the proxy fires it on the first request that matches.
"""

from __future__ import annotations

import contextlib
import random
import socket
import socketserver
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# What a fault does to the request it fires on.
CUT = "cut"  # relay part of the server's answer, then close
GARBLE = "garble"  # relay the answer with bytes of its body changed
GARBLE_DIGIT = "garble_digit"  # one digit of the body changed: still well-formed JSON
STATUS_BEFORE = "status_before"  # answer `status` without telling the server
STATUS_AFTER = "status_after"  # tell the server, then answer `status` instead of its answer
HOOK_BEFORE = "hook_before"  # run `hook`, then close without telling the server
HOOK_DURING = "hook_during"  # tell the server, run `hook` a moment later, relay what came
HOOK_AFTER_SERVER = "hook_after_server"  # the server answered: run `hook`, close unanswered
HOOK_AFTER_ANSWER = "hook_after_answer"  # relay the answer, then run `hook` a moment later


@dataclass
class Fault:
    action: str
    matches: Callable[[str, str, int], bool]  # (method, path with query, nth such request)
    status: int = 0
    hook: Callable[[], None] | None = None
    rng: random.Random = field(default_factory=random.Random)
    fired: bool = False


class FaultProxy:
    def __init__(self, upstream_port: int):
        self.upstream_port = upstream_port
        self._fault: Fault | None = None
        self._lock = threading.Lock()
        self._seen: dict[str, int] = {}
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def arm(self, fault: Fault | None) -> None:
        with self._lock:
            self._fault = fault
            self._seen = {}

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _take(self, method: str, path: str) -> Fault | None:
        kind = f"{method} {path.split('?')[0]}"
        with self._lock:
            self._seen[kind] = self._seen.get(kind, 0) + 1
            fault = self._fault
            if fault is None or fault.fired or not fault.matches(method, path, self._seen[kind]):
                return None
            fault.fired = True
            return fault

    def _handle(self, client: socket.socket) -> None:
        try:
            request = _read_request(client)
        except (OSError, ValueError):
            return
        if request is None:
            return
        method, path, raw = request
        fault = self._take(method, path)
        action = fault.action if fault else None
        try:
            if action == STATUS_BEFORE:
                client.sendall(_status_answer(fault.status))
                return
            if action == HOOK_BEFORE:
                fault.hook()
                return
            answer = self._forward(raw, fault if action == HOOK_DURING else None)
            if action == STATUS_AFTER:
                client.sendall(_status_answer(fault.status))
            elif action == HOOK_AFTER_SERVER:
                fault.hook()
            elif action == CUT:
                client.sendall(answer[: fault.rng.randrange(0, max(1, len(answer)))])
            elif action == GARBLE:
                client.sendall(_garble(answer, fault.rng))
            elif action == GARBLE_DIGIT:
                client.sendall(_garble_digit(answer, fault.rng))
            else:
                client.sendall(answer)
                if action == HOOK_AFTER_ANSWER:
                    time.sleep(fault.rng.uniform(0, 0.05))
                    fault.hook()
        except OSError:
            pass
        finally:
            with contextlib.suppress(OSError):
                client.shutdown(socket.SHUT_RDWR)

    def _forward(self, raw: bytes, during: Fault | None) -> bytes:
        """The server's whole answer to `raw` (b"" when it is not there or dies)."""
        try:
            upstream = socket.create_connection(("127.0.0.1", self.upstream_port), timeout=120)
        except OSError:
            return b""
        with upstream:
            try:
                upstream.sendall(raw)
                if during is not None:
                    time.sleep(during.rng.uniform(0, 0.03))
                    during.hook()
                chunks = []
                while chunk := upstream.recv(1 << 16):
                    chunks.append(chunk)
                return b"".join(chunks)
            except OSError:
                return b""


def _read_request(client: socket.socket) -> tuple[str, str, bytes] | None:
    """(method, path, the request as it goes upstream, with `Connection: close`)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(1 << 16)
        if not chunk:
            return None
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    method, path, _version = lines[0].split(" ", 2)
    headers = [line for line in lines[1:] if line.split(":", 1)[0].lower() != "connection"]
    length = 0
    for line in headers:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = client.recv(1 << 16)
        if not chunk:
            return None
        body += chunk
    out = "\r\n".join([lines[0], *headers, "Connection: close"]).encode("latin-1")
    return method, path, out + b"\r\n\r\n" + body


def _status_answer(status: int) -> bytes:
    body = b'{"code": "injected", "message": "injected by the fault proxy"}'
    head = (
        f"HTTP/1.1 {status} Injected\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
    )
    return head.encode() + body


def _garble(answer: bytes, rng: random.Random) -> bytes:
    """Change 1-8 bytes of the body (the head stays, so the device reads a body of the
    announced length with wrong bytes in it)."""
    start = answer.find(b"\r\n\r\n") + 4
    if start < 4 or start >= len(answer):
        return answer
    data = bytearray(answer)
    for _ in range(rng.randint(1, 8)):
        at = rng.randrange(start, len(data))
        data[at] = (data[at] + rng.randint(1, 255)) % 256
    return bytes(data)


def _garble_digit(answer: bytes, rng: random.Random) -> bytes:
    """One digit of the body changed to another: a plain (small, uncompressed) JSON answer
    stays well-formed and says something else, as a faulty middlebox might make it."""
    start = answer.find(b"\r\n\r\n") + 4
    digits = [i for i in range(start, len(answer)) if 48 <= answer[i] <= 57] if start >= 4 else []
    if not digits:
        return answer
    data = bytearray(answer)
    at = rng.choice(digits)
    data[at] = 48 + (data[at] - 48 + rng.randint(1, 9)) % 10
    return bytes(data)
