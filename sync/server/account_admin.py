"""What an operator does to an existing account from the command line: disable or enable it,
reset its password, revoke its tokens, change its permissions. Sign-in and the account schemas
are `sync.server.auth`; these are its queries for administration.

Every change takes effect on the account's next request: `auth.authenticate` reads the
account's `active` flag, its permissions and its token's `revoked_at` on each request.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from pydantic import TypeAdapter, ValidationError
from sqlalchemy import Connection, select, update

from sync.server import auth
from sync.server.auth import AccountError
from sync.server.config import now as clock_now
from sync.server.tables import accounts, tokens

_PASSWORD = TypeAdapter(auth.Password)


@dataclass(frozen=True)
class AccountState:
    """An account as the operator sees it after a change."""

    id: str
    username: str
    active: bool
    permissions: tuple[str, ...]
    tokens_revoked: int = 0


def _account(conn: Connection, username: str):
    name = auth.normalise_username(username)
    row = conn.execute(
        select(accounts.c.id, accounts.c.username, accounts.c.active, accounts.c.permissions)
        .where(accounts.c.username == name)
        .with_for_update()
    ).first()
    if row is None:
        raise AccountError(f"没有用户名为 {name} 的账号（no such account）")
    return row


def _state(row, *, active: bool | None = None, permissions=None, revoked: int = 0):
    return AccountState(
        id=row.id,
        username=row.username,
        active=row.active if active is None else active,
        permissions=(
            auth.decode_permissions(row.permissions) if permissions is None else permissions
        ),
        tokens_revoked=revoked,
    )


def _revoke_all(conn: Connection, account_id: str, now: datetime) -> int:
    result = conn.execute(
        update(tokens)
        .where(tokens.c.account_id == account_id, tokens.c.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    return result.rowcount or 0


def revoke_tokens(conn: Connection, username: str, *, now: datetime | None = None) -> AccountState:
    """Sign the account out of every device (a lost laptop): it signs in again with its
    password."""
    row = _account(conn, username)
    return _state(row, revoked=_revoke_all(conn, row.id, now or clock_now()))


def disable(conn: Connection, username: str, *, now: datetime | None = None) -> AccountState:
    """The account can neither sign in nor use a token it holds, from this moment; its tokens
    are revoked as well, so enabling it again does not revive them."""
    row = _account(conn, username)
    conn.execute(update(accounts).where(accounts.c.id == row.id).values(active=False))
    return _state(row, active=False, revoked=_revoke_all(conn, row.id, now or clock_now()))


def enable(conn: Connection, username: str) -> AccountState:
    row = _account(conn, username)
    conn.execute(update(accounts).where(accounts.c.id == row.id).values(active=True))
    return _state(row, active=True)


def check_password(password: str) -> str:
    """The password if an operator may set it (auth.Password), else AccountError."""
    try:
        return _PASSWORD.validate_python(password)
    except ValidationError as error:
        problems = "; ".join(e["msg"] for e in error.errors())
        raise AccountError(f"密码不符合要求（{problems}）") from None


def reset_password(
    conn: Connection, username: str, password_hash: str, *, now: datetime | None = None
) -> AccountState:
    """Set a new password (hashed by the caller, outside the transaction: argon2 takes 0.1 s).
    Every token of the account is revoked, since a reset usually means the old password or a
    device is no longer trusted. (Wrong passwords are counted per address, not per account:
    a reset has no count to clear.)"""
    row = _account(conn, username)
    conn.execute(
        update(accounts).where(accounts.c.id == row.id).values(password_hash=password_hash)
    )
    return _state(row, revoked=_revoke_all(conn, row.id, now or clock_now()))


def change_permissions(
    conn: Connection, username: str, *, grant: Iterable[str] = (), revoke: Iterable[str] = ()
) -> AccountState:
    """Grant and revoke permissions (names of auth.PERMISSIONS); a token in use follows the
    change on its next request."""
    try:
        grant, revoke = auth.known_permissions(grant), auth.known_permissions(revoke)
    except ValueError as error:
        raise AccountError(str(error)) from None
    both = sorted(set(grant) & set(revoke))
    if both:
        raise AccountError(f"同一权限不能既授予又收回：{', '.join(both)}")
    row = _account(conn, username)
    now_held = tuple(
        sorted((set(auth.decode_permissions(row.permissions)) | set(grant)) - set(revoke))
    )
    conn.execute(
        update(accounts)
        .where(accounts.c.id == row.id)
        .values(permissions=auth.encode_permissions(now_held))
    )
    return _state(row, permissions=now_held)
