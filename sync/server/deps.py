"""FastAPI dependencies as `Annotated` aliases, and the API's one error type.

- `DatabaseDep`: the `Database`; for routes that run several short transactions of their own
  (sign-in checks a password between two; a push applies each operation in its own).
- `ConnDep`: a read-only transaction on one snapshot for the whole request (see
  `Database.read`): what a pull or a listing wants.
- `WriteConnDep`: one read-write transaction for the whole request, committed *before* the
  response is sent (FastAPI's `scope="function"`), so a client never hears "done" about a
  change that then fails to commit; an exception rolls it back.
- `CurrentAccount`: the account behind `Authorization: Bearer <token>`, with its organisation's
  id, name, level and path; 401 otherwise.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import Depends, Request
from pydantic import BaseModel
from sqlalchemy import Connection

from sync.server import auth
from sync.server.config import Settings
from sync.server.db import Database


class ApiError(Exception):
    """An error the API reports as JSON `{"code": ..., "message": ...}`; `message` is meant
    for a cadre (Chinese)."""

    def __init__(
        self,
        status_code: int,
        code: str,
        message: str,
        *,
        headers: dict[str, str] | None = None,
    ):
        super().__init__(code)
        self.status_code = status_code
        self.code = code
        self.message = message
        self.headers = headers or {}

    @classmethod
    def from_auth(cls, error: auth.AuthError) -> ApiError:
        headers = {}
        if error.status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        if error.retry_after is not None:
            headers["Retry-After"] = str(error.retry_after)
        return cls(error.status, error.code, error.message, headers=headers)


async def get_database(request: Request) -> Database:
    return request.app.state.db


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_checkin_key(request: Request) -> Ed25519PrivateKey:
    return request.app.state.checkin_key


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
# The key that signs 签到 codes (`sync.server.checkin_keys`), loaded once at start.
CheckinKeyDep = Annotated[Ed25519PrivateKey, Depends(get_checkin_key)]


def read_connection(db: DatabaseDep) -> Iterator[Connection]:
    with db.read() as conn:
        yield conn


def write_connection(db: DatabaseDep) -> Iterator[Connection]:
    with db.write() as conn:
        yield conn


ConnDep = Annotated[Connection, Depends(read_connection, scope="function")]
WriteConnDep = Annotated[Connection, Depends(write_connection, scope="function")]


def bearer_token(request: Request) -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_account(request: Request, db: DatabaseDep) -> auth.CurrentAccount:
    # Its own short read, not the request's transaction: a route may then write without
    # having held a snapshot (or, on SQLite, a lock) since the token check.
    with db.read() as conn:
        return account_in(conn, request)


def account_in(conn: Connection, request: Request) -> auth.CurrentAccount:
    """The account behind the request's token, read in `conn`: for a read-only route that
    checks it in its own transaction (the pull: one transaction, not two); 401 otherwise."""
    try:
        return auth.authenticate(conn, bearer_token(request))
    except auth.AuthError as error:
        raise ApiError.from_auth(error) from None


CurrentAccount = Annotated[auth.CurrentAccount, Depends(current_account)]


class ErrorBody(BaseModel):
    """Every error answer: a stable code for programs, a message for people."""

    code: str
    message: str


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """`responses=` for a route, so /openapi.json documents its error answers."""
    return {status: {"model": ErrorBody} for status in statuses}
