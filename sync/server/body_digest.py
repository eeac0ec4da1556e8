"""The SHA-256 of every whole answer's body in a header (`protocol.DIGEST_HEADER`), taken
before compression, so a device can tell an answer changed on the way (a faulty proxy or
middlebox on a plain-HTTP intranet) from what the server said. Found by the fault-injection
harness: one digit changed in a small pull answer's cursor moved a device past changes it then
never pulled. Streamed answers (the snapshot) pass through: zstd's checksum or gzip's CRC, and
the snapshot's own checks, cover them."""

from __future__ import annotations

import hashlib
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.core import protocol

_HEADER = protocol.DIGEST_HEADER.lower().encode("latin-1")


class BodyDigest:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: dict[str, Any] | None = None
        streaming = False

        async def digesting_send(message: Message) -> None:
            nonlocal start, streaming
            if message["type"] == "http.response.start":
                start = dict(message)  # held until the body shows whether it is whole
                return
            if message["type"] == "http.response.body" and start is not None:
                if not streaming and not message.get("more_body", False):
                    digest = hashlib.sha256(message.get("body", b"")).hexdigest()
                    start["headers"] = [*start.get("headers", []), (_HEADER, digest.encode())]
                else:
                    streaming = True
                await send(start)
                start = None
            await send(message)

        await self.app(scope, receive, digesting_send)
