"""The central server's FastAPI application: `create_app(settings)`."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import exc as sqlalchemy_exc
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from sync.core import messages, protocol
from sync.core.protocol import PROTOCOL_MAX, PROTOCOL_MIN
from sync.core.rules import RuleViolation
from sync.server import checkin_keys, config, sms, snapshot
from sync.server.body_digest import BodyDigest
from sync.server.body_limit import TOO_LARGE_CODE, TOO_LARGE_MESSAGE, BodyLimit
from sync.server.client_release import AnnounceRelease
from sync.server.compression import Compress
from sync.server.config import Settings
from sync.server.db import RETRY_AFTER_SECONDS, Database, ServerBusy, current_seq
from sync.server.deps import ApiError, DatabaseDep
from sync.server.hash_gate import HashGate
from sync.server.replication import prepare_pull
from sync.server.retention import apply_retention
from sync.server.routes import accounts, checkin, personal, public, replication
from sync.server.scope import ScopeError

log = logging.getLogger(__name__)

# Plain texts for the HTTP errors FastAPI raises itself.
_HTTP_MESSAGES: dict[int, tuple[str, str]] = {
    404: ("not_found", "没有这个接口。No such endpoint."),
    405: ("method_not_allowed", "接口不支持这种请求方式。Method not allowed."),
    413: (TOO_LARGE_CODE, TOO_LARGE_MESSAGE),
}


class Health(BaseModel):
    status: str
    database: str
    protocol: tuple[int, int]


health_router = APIRouter(tags=["health"])


@health_router.get(protocol.HEALTH_PATH, response_model=Health, responses={503: {"model": Health}})
def healthz(db: DatabaseDep) -> Any:
    """Whether the server can reach its database; which database; which protocol."""
    body = {"database": db.backend, "protocol": [PROTOCOL_MIN, PROTOCOL_MAX]}
    try:
        with db.read() as conn:
            current_seq(conn)
    except Exception:
        log.exception("health check: database unreachable")
        return JSONResponse({"status": "unavailable", **body}, status_code=503)
    return {"status": "ok", **body}


def _error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"code": code, "message": message}, status_code=status, headers=headers)


BUSY_CODE = "server_busy"
BUSY_MESSAGE = "服务器正忙，请稍后再试；工作已保存在本机，稍后会自动同步。Server busy, retry later."

# Requests one server process takes at once (waiting for a worker thread, the writer lock or a
# connection included); beyond that it answers 503 at once instead of queueing without end.
# Far above what 200 devices on 2 processes send at once (about 100 each).
MAX_IN_FLIGHT = int(os.environ.get("SUQING_MAX_IN_FLIGHT", "") or 400)


def _busy(retry_after: int = RETRY_AFTER_SECONDS) -> JSONResponse:
    return _error(503, BUSY_CODE, BUSY_MESSAGE, {"Retry-After": str(retry_after)})


def _is_sqlite_locked(error: sqlalchemy_exc.OperationalError) -> bool:
    # A writer outside the server (sqlite3 by hand) held SQLite's lock past the busy timeout.
    return "database is locked" in str(error.orig) or "database is busy" in str(error.orig)


class InFlightLimit:
    """ASGI middleware: at most `limit` HTTP requests in this process at once; the next one is
    answered 503 + Retry-After in the protocol's error shape, not queued or reset."""

    def __init__(self, app: ASGIApp, limit: int = MAX_IN_FLIGHT) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0  # the event loop's thread only: no lock needed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            log.warning("busy: %d requests in flight, answering 503", self.in_flight)
            await _busy()(scope, receive, send)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ServerBusy)
    async def _server_busy(_request: Request, error: ServerBusy) -> JSONResponse:
        log.warning("busy: %s, answering 503", error)
        return _busy(error.retry_after)

    @app.exception_handler(sqlalchemy_exc.TimeoutError)
    async def _pool_exhausted(_request: Request, error: Exception) -> JSONResponse:
        log.warning("busy: no database connection free (%s), answering 503", error)
        return _busy()

    @app.exception_handler(sqlalchemy_exc.OperationalError)
    async def _operational(_request: Request, error: Exception) -> JSONResponse:
        if isinstance(error, sqlalchemy_exc.OperationalError) and _is_sqlite_locked(error):
            log.warning("busy: %s, answering 503", error.orig)
            return _busy()
        log.error("database error", exc_info=error)
        return _error(500, "internal_error", "服务器出错了，请稍后再试。Internal server error.")

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, error: ApiError) -> JSONResponse:
        return _error(error.status_code, error.code, error.message, error.headers)

    @app.exception_handler(ScopeError)
    async def _out_of_scope(_request: Request, _error_: ScopeError) -> JSONResponse:
        # 404, as for a record that does not exist: a sibling's records stay invisible.
        return _error(404, "not_found", messages.render("not_found", {}))

    @app.exception_handler(RuleViolation)
    async def _rule_violation(_request: Request, error: RuleViolation) -> JSONResponse:
        return _error(422, error.code, messages.render(error.code, error.params))

    @app.exception_handler(RequestValidationError)
    async def _invalid_request(_request: Request, error: RequestValidationError) -> JSONResponse:
        # Names the fields, never echoes the input (it may hold a password).
        fields = sorted({".".join(str(p) for p in e["loc"][1:]) for e in error.errors()} - {""})
        detail = f"（{', '.join(fields)}）" if fields else ""
        return _error(
            422, "invalid_request", f"请求内容不完整或格式不正确{detail}。Invalid request."
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_MESSAGES.get(
            error.status_code, (f"http_{error.status_code}", str(error.detail))
        )
        return _error(error.status_code, code, message, getattr(error, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, _error_: Exception) -> JSONResponse:
        # Starlette re-raises it after this answer, so uvicorn logs the traceback, and then
        # closes the connection: the device's next request on it is reset. (Under 200 devices
        # the resets on /changes followed the 500s on push one for one; busy is 503 above.)
        return _error(500, "internal_error", "服务器出错了，请稍后再试。Internal server error.")


def create_app(settings: Settings) -> FastAPI:
    if settings.clock_start is not None:
        config.start_clock_at(settings.clock_start)
        log.warning(
            "CLOCK SET BY %s: the server's time starts at %s, not the real time "
            "(for demos and tests only; never set it in production)",
            config.CLOCK_ENV,
            settings.clock_start.isoformat(),
        )
    db = Database.connect(
        settings.database_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
    )

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        log.info("serving with %s database", db.backend)
        snapshot.sweep_stale()
        await asyncio.to_thread(_prepare, db)
        retention = asyncio.create_task(_keep_retention(db, settings))
        yield
        retention.cancel()
        db.dispose()

    app = FastAPI(
        title="苏青U+ 工作台 central server",
        version=f"protocol {PROTOCOL_MIN}-{PROTOCOL_MAX}",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.hash_gate = HashGate(settings.login_hash_slots, settings.login_hash_queue)
    app.state.code_sender = sms.sender_from(settings.youth_codes)  # youths' one-time codes
    app.state.checkin_key = checkin_keys.load_or_create(settings.checkin_key_file)
    app.add_middleware(BodyDigest)  # inside Compress: the digest is of the uncompressed body
    app.add_middleware(Compress)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    if settings.client_release is not None:
        app.add_middleware(AnnounceRelease, release=settings.client_release)
    app.add_middleware(InFlightLimit)  # outermost: refuses before any work is done
    _install_error_handlers(app)

    app.include_router(health_router)
    app.include_router(accounts.router)
    app.include_router(replication.router)
    app.include_router(personal.router)
    app.include_router(checkin.router)
    app.include_router(public.router)
    return app


def _prepare(db: Database) -> None:
    """Statements built before the first request (`replication.prepare_pull`); a database
    not answering yet only leaves that to the first pull."""
    try:
        with db.read() as conn:
            prepare_pull(conn)
    except Exception:
        log.exception("could not prepare the pull's statements")


async def _keep_retention(db: Database, settings: Settings) -> None:
    """Redact what outlived the retention now and every `retention_interval` (each worker
    process does; the work is idempotent and short once done)."""
    while True:
        try:
            await asyncio.to_thread(apply_retention, db, settings)
        except Exception:  # a busy or unreachable database: next time
            log.exception("retention run failed")
        await asyncio.sleep(settings.retention_interval.total_seconds())


def create_app_from_env() -> FastAPI:
    """Factory for `uvicorn --factory sync.server.app:create_app_from_env`."""
    return create_app(Settings.from_env())
