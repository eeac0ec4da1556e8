"""Compressed answers: Zstandard for clients that accept it, gzip for the others.

The workbench accepts zstd (urllib3 decodes it once `backports.zstd` is installed, a dependency
on Python < 3.14, where `compression.zstd` is standard); browsers, curl and older workbenches
get gzip from Starlette's middleware as before. Measured on a pull page of 344 activities
(425 KB of JSON): gzip level 6 took 8.7 ms for 59 KB, zstd level 1 1.2 ms for 51 KB; on a
county's 103 MB snapshot, gzip level 1 1.4 s for 38 MB, zstd level 1 0.4 s for 34 MB (and a
third of the time to unpack). With 200 devices pulling together, gzip was a sixth of the
server's CPU.

Every zstd frame carries its checksum, so a body changed on the way fails to unpack (gzip's
CRC did that for streamed answers; whole ones also carry `body_digest`'s header).
"""

from __future__ import annotations

import sys
import zlib
from typing import Any

import anyio.to_thread
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

if sys.version_info >= (3, 14):
    from compression import zstd
else:
    from backports import zstd

ZSTD = "zstd"
GZIP = "gzip"
ZSTD_LEVEL = 1  # level 3 (zstd's default) was 15% slower on a pull page for 0.4% fewer bytes
GZIP_LEVEL = 6  # whole answers; a snapshot's gzip is level 1 (`sync.server.snapshot`)
MINIMUM_SIZE = 1024  # smaller answers go as they are
# Compressing a large body on the event loop would hold every other request up.
THREAD_MINIMUM_SIZE = 128 * 1024
# Only text is compressed: an Excel file or an image is compressed already.
COMPRESSED_TYPES = ("application/json", "application/problem+json", "text/")


def chosen_encoding(accept_encoding: str) -> str | None:
    """The encoding to answer with, given a request's Accept-Encoding: zstd, else gzip, else
    None. A coding with q=0 is refused (RFC 9110 §12.5.3)."""
    accepted = set()
    for item in accept_encoding.lower().split(","):
        coding, _, params = item.partition(";")
        quality = params.strip().removeprefix("q=").strip() if params else "1"
        try:
            if float(quality or "1") > 0:
                accepted.add(coding.strip())
        except ValueError:
            continue
    if ZSTD in accepted:
        return ZSTD
    if GZIP in accepted or "*" in accepted:
        return GZIP
    return None


def zstd_compressor() -> Any:
    """A compressor whose frames carry their checksum."""
    parameter = zstd.CompressionParameter
    return zstd.ZstdCompressor(
        options={parameter.compression_level: ZSTD_LEVEL, parameter.checksum_flag: 1}
    )


FLUSH_BLOCK = zstd.ZstdCompressor.FLUSH_BLOCK  # a streamed chunk: decodable as it arrives
FLUSH_FRAME = zstd.ZstdCompressor.FLUSH_FRAME  # the end: a whole frame, checksum and all


class Packer:
    """A stream compressed chunk by chunk in `encoding` (None: as it is), for an endpoint that
    compresses what it streams itself (the snapshot) and says so in Content-Encoding."""

    def __init__(self, encoding: str | None, *, gzip_level: int = GZIP_LEVEL) -> None:
        self._zstd = zstd_compressor() if encoding == ZSTD else None
        self._gzip = zlib.compressobj(gzip_level, zlib.DEFLATED, 31) if encoding == GZIP else None

    def pack(self, chunk: bytes) -> bytes:
        if self._zstd is not None:
            return self._zstd.compress(chunk)
        return self._gzip.compress(chunk) if self._gzip is not None else chunk

    def finish(self) -> bytes:
        if self._zstd is not None:
            return self._zstd.flush(FLUSH_FRAME)
        return self._gzip.flush() if self._gzip is not None else b""


class Compress:
    """The compression middleware: zstd where accepted, else Starlette's gzip."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.gzip = GZipMiddleware(app, minimum_size=MINIMUM_SIZE, compresslevel=GZIP_LEVEL)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
        elif chosen_encoding(Headers(scope=scope).get("accept-encoding", "")) == ZSTD:
            await _ZstdAnswer(send).run(self.app, scope, receive)
        else:
            await self.gzip(scope, receive, send)


class _ZstdAnswer:
    """One answer, compressed if it is text of at least MINIMUM_SIZE bytes (whole or streamed)
    and not encoded already; its start is held until its first body shows which."""

    def __init__(self, send: Send) -> None:
        self.send = send
        self.start: Message | None = None
        self.compressor: Any = None
        self.as_is = False

    async def run(self, app: ASGIApp, scope: Scope, receive: Receive) -> None:
        await app(scope, receive, self.on_send)

    async def on_send(self, message: Message) -> None:
        kind = message["type"]
        if kind == "http.response.start":
            headers = Headers(raw=message.get("headers", []))
            media_type = headers.get("content-type", "").partition(";")[0].strip().lower()
            self.as_is = (
                "content-encoding" in headers
                or message["status"] == 206
                or not media_type.startswith(COMPRESSED_TYPES)
            )
            if self.as_is:
                await self.send(message)
            else:
                self.start = message
            return
        if kind != "http.response.body" or self.as_is:
            await self._send_start()
            await self.send(message)
            return
        body, more = message.get("body", b""), message.get("more_body", False)
        if self.start is not None and self.compressor is None:
            if not more and len(body) < MINIMUM_SIZE:
                await self._send_start()
                await self.send(message)
                self.as_is = True
                return
            self.compressor = zstd_compressor()
            headers = MutableHeaders(raw=self.start.setdefault("headers", []))
            headers["Content-Encoding"] = ZSTD
            headers.add_vary_header("Accept-Encoding")
            del headers["Content-Length"]
        packed = await self._compress(body, FLUSH_BLOCK if more else FLUSH_FRAME)
        if self.start is not None and not more:
            MutableHeaders(raw=self.start["headers"])["Content-Length"] = str(len(packed))
        await self._send_start()
        await self.send({**message, "body": packed})

    async def _send_start(self) -> None:
        if self.start is not None:
            start, self.start = self.start, None
            await self.send(start)

    async def _compress(self, body: bytes, mode: int) -> bytes:
        if len(body) >= THREAD_MINIMUM_SIZE:
            return await anyio.to_thread.run_sync(self.compressor.compress, body, mode)
        return self.compressor.compress(body, mode)
