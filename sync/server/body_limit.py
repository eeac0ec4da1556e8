"""ASGI middleware refusing a request body over `Settings.max_request_bytes` with 413."""

from __future__ import annotations

import logging

from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)

TOO_LARGE_CODE = "request_too_large"
TOO_LARGE_MESSAGE = "请求内容过大，服务器不予接收。Request body too large."


def too_large() -> JSONResponse:
    # The connection is closed after it: the rest of the body is never read.
    return JSONResponse(
        {"code": TOO_LARGE_CODE, "message": TOO_LARGE_MESSAGE},
        status_code=413,
        headers={"Connection": "close"},
    )


class BodyLimit:
    """Refuse a body longer than `limit` bytes. A Content-Length over it is answered at once,
    before a byte of the body is read; a body without one (chunked) is counted as it arrives
    and refused when it passes the limit, so at most `limit` bytes are ever held."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            log.warning("refused a request body of %s bytes (limit %d)", declared, self.limit)
            await too_large()(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    log.warning("refused a chunked request body over %d bytes", self.limit)
                    # FastAPI re-raises an HTTPException met while reading the body; the app's
                    # handler answers it in the error shape (see `app._HTTP_MESSAGES`).
                    raise HTTPException(413, headers={"Connection": "close"})
            return message

        await self.app(scope, receive if declared is not None else counted, send)
