"""One-time codes for the youths' public API: a code sent to a phone before a token is issued.

Short-lived, single-use, stored salted and hashed, a few wrong tries each, and only the latest
code of a phone counts. Codes are limited per phone (bounds guessing and SMS flooding of one
person) and per caller address (bounds trying many phones). Sending a code never looks at
whether the phone belongs to a youth, so its answer, status and timing cannot tell.
All queries of the `youth_codes` table live here.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, delete, insert, select, update

from sync.core.ids import uuid7
from sync.server.config import YouthCodeSettings
from sync.server.config import now as clock_now
from sync.server.db import Database
from sync.server.sms import CodeSender, SmsError
from sync.server.tables import youth_codes

CODE_DIGITS = 6
CODE_PATTERN = rf"^[0-9]{{{CODE_DIGITS}}}$"
WINDOW = timedelta(hours=1)  # of the per-phone and per-address limits

# (HTTP status, message) of each refusal: Chinese for the youth, English for scripts and logs.
CODE_ERRORS: dict[str, tuple[int, str]] = {
    "code_invalid": (
        401,
        "验证码不正确或已失效，请重新获取。The code is wrong or expired; request a new one.",
    ),
    "code_throttled": (
        429,
        "获取验证码太频繁，请 {seconds} 秒后再试。Too many codes requested; retry in {seconds} s.",
    ),
    "sms_unavailable": (
        503,
        "短信暂时发不出去，请稍后再试。The SMS could not be sent; try again later.",
    ),
}


class CodeRefused(Exception):
    """A code request or a code the server refused: HTTP status, code, a message for people,
    and for a 429 the seconds to wait."""

    def __init__(self, code: str, *, retry_after: int | None = None):
        super().__init__(code)
        self.status, template = CODE_ERRORS[code]
        self.code, self.retry_after = code, retry_after
        self.message = template.format(seconds=retry_after)


@dataclass(frozen=True)
class Sent:
    expires_in: int  # seconds the code is valid
    resend_after: int  # seconds before another code may be sent to this phone


def _key(kind: str, value: str) -> str:
    # Neither a phone nor an address is stored as given; rows live an hour at most.
    return hashlib.sha256(f"suqing-youth-code\0{kind}\0{value}".encode()).hexdigest()


def phone_key(phone: str) -> str:
    """How a phone is stored in `youth_codes` (an erasure finds the rows of a phone by it)."""
    return _key("phone", phone)


def _code_hash(salt: str, phone: str, code: str) -> str:
    return hmac.new(bytes.fromhex(salt), f"{phone}\0{code}".encode(), hashlib.sha256).hexdigest()


def _seconds(delta: timedelta) -> int:
    return max(1, math.ceil(delta.total_seconds()))


def _retry_after(
    conn: Connection, settings: YouthCodeSettings, phone_key: str, address_key: str, now: datetime
) -> int | None:
    """Seconds until a code may be sent to this phone from this address; None: now."""
    since = now - WINDOW
    c = youth_codes.c
    waits: list[timedelta] = []
    to_phone = conn.scalars(
        select(c.created_at)
        .where(c.phone_key == phone_key, c.created_at > since)
        .order_by(c.created_at.desc())
        .limit(settings.per_phone)
    ).all()
    if to_phone:
        waits.append(to_phone[0] + settings.resend_interval - now)
    if len(to_phone) >= settings.per_phone:
        waits.append(to_phone[-1] + WINDOW - now)
    from_address = conn.scalar(
        select(c.created_at)
        .where(c.address_key == address_key, c.created_at > since)
        .order_by(c.created_at.desc())
        .offset(settings.per_address - 1)
        .limit(1)
    )
    if from_address is not None:
        waits.append(from_address + WINDOW - now)
    wait = max(waits, default=timedelta(0))
    return _seconds(wait) if wait > timedelta(0) else None


def send_code(
    db: Database,
    settings: YouthCodeSettings,
    sender: CodeSender,
    phone: str,
    address: str,
    *,
    now: datetime | None = None,
) -> Sent:
    """Make a new code for `phone` (it replaces any before) and send it; CodeRefused 429 when
    a limit is reached, 503 when the SMS could not be sent. Concurrent requests on PostgreSQL
    may slip one or two past a limit; the limits bound abuse, they need not be exact."""
    now = now or clock_now()
    phone_key, address_key = _key("phone", phone), _key("address", address)
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    salt = secrets.token_hex(16)
    with db.write() as conn:
        kept = max(WINDOW, settings.lifetime)
        conn.execute(delete(youth_codes).where(youth_codes.c.created_at <= now - kept))
        retry_after = _retry_after(conn, settings, phone_key, address_key, now)
        if retry_after is None:
            conn.execute(
                insert(youth_codes).values(
                    id=uuid7(),
                    phone_key=phone_key,
                    address_key=address_key,
                    salt=salt,
                    code_hash=_code_hash(salt, phone, code),
                    created_at=now,
                    expires_at=now + settings.lifetime,
                    attempts=0,
                    used_at=None,
                )
            )
    if retry_after is not None:
        raise CodeRefused("code_throttled", retry_after=retry_after)
    minutes = _seconds(settings.lifetime) // 60 or 1
    try:
        # Outside the transaction: a slow gateway holds no lock. The code stays counted when
        # sending fails, so a failing gateway is not hammered.
        sender.send(phone, code, minutes=minutes)
    except SmsError:
        raise CodeRefused("sms_unavailable") from None
    return Sent(_seconds(settings.lifetime), _seconds(settings.resend_interval))


def use_code(
    db: Database,
    settings: YouthCodeSettings,
    phone: str,
    code: str,
    *,
    now: datetime | None = None,
) -> str:
    """Take the phone's latest code if `code` is it, still valid and not used up: its id.
    CodeRefused `code_invalid` otherwise, alike for a wrong, expired, used or missing code.
    Every try counts against the code's attempts."""
    now = now or clock_now()
    c = youth_codes.c
    with db.write() as conn:
        latest = conn.execute(
            select(c.id, c.salt, c.code_hash)
            .where(c.phone_key == _key("phone", phone))
            .order_by(c.created_at.desc(), c.id.desc())
            .limit(1)
        ).first()
        taken = False
        if latest is not None:
            # Counted in the UPDATE's condition: concurrent tries cannot pass the limit.
            counted = conn.execute(
                update(youth_codes)
                .where(
                    c.id == latest.id,
                    c.used_at.is_(None),
                    c.expires_at > now,
                    c.attempts < settings.max_attempts,
                )
                .values(attempts=c.attempts + 1)
            ).rowcount
            given = _code_hash(latest.salt, phone, code)
            if counted and hmac.compare_digest(given, latest.code_hash):
                conn.execute(update(youth_codes).where(c.id == latest.id).values(used_at=now))
                taken = True
    if not taken:
        raise CodeRefused("code_invalid")
    return latest.id


def give_back(db: Database, code_id: str) -> None:
    """Make a taken code usable again (its tries still counted): the identification it was
    taken for was refused, and the youth may correct the form without a new SMS."""
    with db.write() as conn:
        conn.execute(update(youth_codes).where(youth_codes.c.id == code_id).values(used_at=None))
