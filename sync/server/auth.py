"""Accounts and sign-in: argon2id password hashes, hashed expiring bearer tokens, throttling
of wrong passwords; the account schemas. All account queries live here."""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import secrets
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from sync.core.ids import uuid7
from sync.core.records import OrgLevel
from sync.server.config import InputError, Settings
from sync.server.config import now as clock_now
from sync.server.db import Database
from sync.server.tables import accounts, login_failures, organizations, tokens

# argon2-cffi's defaults: argon2id with RFC 9106's low-memory profile (t=3, 64 MiB, p=4).
_hasher = PasswordHasher()
# Each hash takes 64 MiB for about 0.1 s: a burst of sign-ins waits for a slot instead of
# running forty at once in the thread pool (2.5 GiB).
_hash_slots = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))
_dummy_hash: str | None = None

USERNAME_RE = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,63}$")

# What an account may do beyond its organisation's ordinary work.
PERMISSIONS: dict[str, str] = {
    "reveal_personal_data": "查看完整的手机号和身份证号（reveal phone and ID numbers）",
}

# What a refused sign-in or token says: (HTTP status, message). Chinese for the cadre, English
# for whoever reads the logs or runs a script.
AUTH_ERRORS: dict[str, tuple[int, str]] = {
    "invalid_credentials": (401, "用户名或密码不正确。Wrong username or password."),
    "login_throttled": (
        429,
        "密码错误次数过多，请 {seconds} 秒后再试。"
        "Too many wrong passwords; try again in {seconds} s.",
    ),
    "account_disabled": (
        401,
        "该账号已停用，请联系上级团组织。This account has been disabled.",
    ),
    "not_authenticated": (401, "请先登录。Please sign in."),
    "invalid_token": (
        401,
        "登录信息无效，请重新登录。Your sign-in is not valid; please sign in again.",
    ),
    "token_expired": (
        401,
        "登录已过期，请重新登录。Your sign-in has expired; please sign in again.",
    ),
    "token_revoked": (
        401,
        "您已退出登录，请重新登录。You have signed out; please sign in again.",
    ),
}


class AuthError(Exception):
    """A refused sign-in or token; `code` is a key of AUTH_ERRORS."""

    def __init__(self, code: str, *, retry_after: int | None = None):
        super().__init__(code)
        self.code = code
        self.retry_after = retry_after

    @property
    def status(self) -> int:
        return AUTH_ERRORS[self.code][0]

    @property
    def message(self) -> str:
        return AUTH_ERRORS[self.code][1].format(seconds=self.retry_after or 0)


class AccountError(InputError):
    """An account that cannot be created as asked; the message is for the operator."""


# --- schemas ------------------------------------------------------------------------------------


# A password as an operator sets it (a new account, a reset).
Password = Annotated[str, Field(min_length=8, max_length=256)]


def known_permissions(names: Iterable[str]) -> list[str]:
    """The names sorted and unique; ValueError naming any that PERMISSIONS does not know."""
    names = set(names)
    unknown = sorted(names - set(PERMISSIONS))
    if unknown:
        raise ValueError(f"没有这种权限：{', '.join(unknown)}（known: {', '.join(PERMISSIONS)}）")
    return sorted(names)


class AccountCreate(BaseModel):
    """A new account, as the CLI (and later an admin screen) hands it in."""

    model_config = ConfigDict(str_strip_whitespace=True)

    username: str
    password: Password
    org_id: str = Field(min_length=1, max_length=64)
    display_name: str = Field(default="", max_length=100)
    permissions: list[str] = Field(default_factory=list)

    @field_validator("permissions")
    @classmethod
    def _permissions(cls, value: list[str]) -> list[str]:
        return known_permissions(value)

    @field_validator("username")
    @classmethod
    def _username(cls, value: str) -> str:
        value = normalise_username(value)
        if not USERNAME_RE.match(value):
            raise ValueError("用户名须为 2-64 个字母、数字或 . _ @ -，以字母或数字开头")
        return value


class AccountPublic(BaseModel):
    """What a client may see of an account: never its password hash."""

    id: str
    username: str
    display_name: str
    org_id: str
    org_name: str
    org_level: OrgLevel
    permissions: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class CurrentAccount:
    """The account behind a request's bearer token."""

    id: str
    username: str
    display_name: str
    org_id: str
    org_name: str
    org_level: OrgLevel
    org_path: str  # materialised path: the account sees rows whose scope_path starts with it
    token_hash: str
    device_id: str  # the device the token was issued to
    permissions: tuple[str, ...] = ()

    def public(self) -> AccountPublic:
        return AccountPublic(
            id=self.id,
            username=self.username,
            display_name=self.display_name,
            org_id=self.org_id,
            org_name=self.org_name,
            org_level=self.org_level,
            permissions=list(self.permissions),
        )


@dataclass(frozen=True)
class LoginResult:
    token: str
    expires_at: datetime
    account: AccountPublic


# --- passwords and tokens -----------------------------------------------------------------------


def decode_permissions(stored: str | None) -> tuple[str, ...]:
    """The permissions kept in an account row (a JSON array); a damaged value grants none."""
    try:
        value = json.loads(stored or "[]")
    except ValueError:
        return ()
    return tuple(sorted(p for p in value if p in PERMISSIONS)) if isinstance(value, list) else ()


def encode_permissions(names: Iterable[str]) -> str:
    """Permissions as an account row keeps them: a sorted JSON array."""
    return json.dumps(sorted(set(names)))


def normalise_username(username: str) -> str:
    return username.strip().lower()


def hash_password(password: str) -> str:
    with _hash_slots:
        return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    with _hash_slots:
        try:
            return _hasher.verify(password_hash, password)
        except (VerificationError, InvalidHashError):
            return False


def _dummy() -> str:
    """A hash to verify against when the username is unknown, so both cost the same time."""
    global _dummy_hash
    if _dummy_hash is None:
        _dummy_hash = hash_password(secrets.token_urlsafe(16))
    return _dummy_hash


def hash_token(token: str) -> str:
    """Tokens are stored as their SHA-256: a leaked table holds no usable token. (A fast hash
    is enough: the token is 256 random bits, not a password.)"""
    return hashlib.sha256(token.encode()).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(32)


# --- sign-in ------------------------------------------------------------------------------------


_ACCOUNT_COLUMNS = (
    accounts.c.id,
    accounts.c.username,
    accounts.c.display_name,
    accounts.c.active,
    accounts.c.org_id,
    organizations.c.name.label("org_name"),
    organizations.c.level.label("org_level"),
    organizations.c.scope_path.label("org_path"),
    organizations.c.deleted.label("org_deleted"),
    accounts.c.permissions,
)
_ACCOUNT_JOIN = accounts.join(organizations, organizations.c.id == accounts.c.org_id)


def _address_key(address: str) -> str:
    """The `login_failures` key of a caller address. Throttling counts wrong passwords per
    address, not per account (one account's guesser must not keep its owner out); the key
    cannot be a username, which never holds a colon."""
    return f"address:{address}"[:64]


def _pending_key(address: str) -> str:
    """The key of a sign-in from `address` whose password is still being checked: it becomes a
    failure (`_address_key`) unless the password proves right."""
    return f"pending:{address}"[:64]


def login_delay(failures: int, settings: Settings) -> timedelta:
    """How long an address waits after its latest wrong password, given how many it made
    within the window: nothing for the first `login_max_failures`, then 1, 2, 4 ... s,
    never more than `login_max_delay`."""
    over = failures - settings.login_max_failures
    if over <= 0:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(over - 1, 30)), settings.login_max_delay)


def retry_after(conn: Connection, address: str, settings: Settings, now: datetime) -> int:
    """Seconds until `address` may try a password again; 0 when it may try now. Sign-ins still
    being checked count as failures beyond `login_concurrent_sign_ins` of them: an office
    behind one address signs in together, a burst of guesses gets no more than that past."""
    rows = conn.execute(
        select(login_failures.c.username, login_failures.c.at).where(
            login_failures.c.username.in_([_address_key(address), _pending_key(address)]),
            login_failures.c.at > now - settings.login_failure_window,
        )
    ).all()
    failed = [at for key, at in rows if key == _address_key(address)]
    pending = sorted(at for key, at in rows if key != _address_key(address))
    counted = failed + pending[settings.login_concurrent_sign_ins :]
    if not counted:
        return 0
    free_at = max(counted) + login_delay(len(counted), settings)
    return max(0, math.ceil((free_at - now).total_seconds()))


def check_throttle(
    db: Database, settings: Settings, address: str, *, now: datetime | None = None
) -> None:
    """AuthError `login_throttled` while `address` must wait: a cheap check the sign-in route
    makes before it queues for a password hash."""
    with db.read() as conn:
        wait = retry_after(conn, address, settings, now or clock_now())
    if wait:
        raise AuthError("login_throttled", retry_after=wait)


def login(
    db: Database,
    settings: Settings,
    *,
    username: str,
    password: str,
    device_id: str,
    address: str,
    now: datetime | None = None,
) -> LoginResult:
    """Check the password and issue a token; AuthError when refused. `address` is the
    caller's (throttling counts wrong passwords per address).

    The attempt is recorded as pending *before* its password is checked: pending attempts
    beyond `login_concurrent_sign_ins` count as failures at once, so no burst of guesses gets
    more than that past the limit while the hashes run, yet colleagues behind one address
    signing in together are not throttled. A refused attempt becomes a failure; a right password
    removes it. The password is checked outside any transaction (it takes 0.1 s), so a burst of
    sign-ins never holds the database.
    """
    now = now or clock_now()
    username = normalise_username(username)
    key, pending = _address_key(address), _pending_key(address)
    with db.write() as conn:
        wait = retry_after(conn, address, settings, now)
        if not wait:
            conn.execute(
                delete(login_failures).where(
                    login_failures.c.username.in_([key, pending]),
                    login_failures.c.at <= now - settings.login_failure_window,
                )
            )
            attempt = conn.execute(
                insert(login_failures).values(username=pending, at=now)
            ).inserted_primary_key[0]
    if wait:
        raise AuthError("login_throttled", retry_after=wait)
    try:
        with db.read() as conn:
            row = conn.execute(
                select(*_ACCOUNT_COLUMNS, accounts.c.password_hash)
                .select_from(_ACCOUNT_JOIN)
                .where(accounts.c.username == username)
            ).first()
        if row is None or not verify_password(row.password_hash, password):
            if row is None:
                verify_password(_dummy(), password)
            raise AuthError("invalid_credentials")
        if not row.active or row.org_deleted:
            raise AuthError("account_disabled")
    except AuthError:
        with db.write() as conn:  # the pending attempt counts as a failure from now on
            conn.execute(
                update(login_failures).where(login_failures.c.id == attempt).values(username=key)
            )
        raise

    token = new_token()
    expires_at = now + settings.token_lifetime
    rehash = _hasher.check_needs_rehash(row.password_hash)
    new_hash = hash_password(password) if rehash else None
    with db.write() as conn:
        conn.execute(
            insert(tokens).values(
                token_hash=hash_token(token),
                account_id=row.id,
                created_at=now,
                expires_at=expires_at,
                revoked_at=None,
                device_id=device_id,
            )
        )
        # This attempt is forgiven, the address's earlier failures are not: were a right
        # password to clear them, a guesser holding any one account could sign in between
        # guesses and never wait.
        conn.execute(delete(login_failures).where(login_failures.c.id == attempt))
        if new_hash:
            conn.execute(
                update(accounts).where(accounts.c.id == row.id).values(password_hash=new_hash)
            )
    account = AccountPublic(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        org_id=row.org_id,
        org_name=row.org_name,
        org_level=row.org_level,
        permissions=list(decode_permissions(row.permissions)),
    )
    return LoginResult(token=token, expires_at=expires_at, account=account)


# The account and token behind a token hash. Built once: every request checks a token, and
# building this join anew each time cost more than running it.
_TOKEN_LOOKUP = (
    select(*_ACCOUNT_COLUMNS, tokens.c.expires_at, tokens.c.revoked_at, tokens.c.device_id)
    .select_from(_ACCOUNT_JOIN.join(tokens, tokens.c.account_id == accounts.c.id))
    .where(tokens.c.token_hash == bindparam("token_hash"))
)


def authenticate(
    conn: Connection, token: str | None, *, now: datetime | None = None
) -> CurrentAccount:
    """The account a bearer token belongs to; AuthError when it is missing, unknown, expired
    or revoked, or the account has been disabled."""
    if not token:
        raise AuthError("not_authenticated")
    now = now or clock_now()
    token_hash = hash_token(token)
    row = conn.execute(_TOKEN_LOOKUP, {"token_hash": token_hash}).first()
    if row is None:
        raise AuthError("invalid_token")
    # A disabled account's tokens are revoked too (sync.server.account_admin); say why.
    if not row.active or row.org_deleted:
        raise AuthError("account_disabled")
    if row.revoked_at is not None:
        raise AuthError("token_revoked")
    if row.expires_at <= now:
        raise AuthError("token_expired")
    return CurrentAccount(
        id=row.id,
        username=row.username,
        display_name=row.display_name,
        org_id=row.org_id,
        org_name=row.org_name,
        org_level=OrgLevel(row.org_level),
        org_path=row.org_path,
        token_hash=token_hash,
        device_id=row.device_id,
        permissions=decode_permissions(row.permissions),
    )


def revoke(conn: Connection, token_hash: str, *, now: datetime | None = None) -> None:
    """Sign out: the token stops working at once."""
    conn.execute(
        update(tokens)
        .where(tokens.c.token_hash == token_hash, tokens.c.revoked_at.is_(None))
        .values(revoked_at=now or clock_now())
    )


# --- accounts -----------------------------------------------------------------------------------


def create_account(
    conn: Connection,
    new: AccountCreate,
    *,
    password_hash: str | None = None,
    now: datetime | None = None,
) -> str:
    """Insert an account and return its id. `password_hash` skips hashing `new.password`
    (demo seeding gives many accounts one password)."""
    org = conn.execute(
        select(organizations.c.id).where(
            organizations.c.id == new.org_id, organizations.c.deleted.is_(False)
        )
    ).first()
    if org is None:
        raise AccountError(f"找不到组织 {new.org_id}（no organisation with this id）")
    taken = conn.scalar(
        select(func.count()).select_from(accounts).where(accounts.c.username == new.username)
    )
    if taken:
        raise AccountError(f"用户名 {new.username} 已被使用（username already taken）")
    account_id = uuid7()
    conn.execute(
        insert(accounts).values(
            id=account_id,
            username=new.username,
            password_hash=password_hash or hash_password(new.password),
            org_id=new.org_id,
            display_name=new.display_name,
            active=True,
            created_at=now or clock_now(),
            permissions=encode_permissions(new.permissions),
        )
    )
    return account_id
