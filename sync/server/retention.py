"""Retention: tombstones, and personal data (`apply_retention`, `erase_youth`).

Deletions are kept as tombstones so every device hears of them, but not
forever. `python -m sync.server purge-tombstones` deletes those older than the retention and
raises the tombstone horizon (`sync.server.db`); a device that has not synced since then
downloads a fresh snapshot instead of pulling (`protocol.CURSOR_TOO_OLD`)."""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, delete, exists, func, or_, select, update

from sync.core.operations.base import YOUTH_ACTOR
from sync.core.operations.kinds import Kind
from sync.core.privacy import ERASED_NAME
from sync.core.records import Youth
from sync.server import youth_codes
from sync.server.config import InputError, Settings
from sync.server.config import now as clock_now
from sync.server.db import Database, raise_tombstone_horizon, reserve_seqs, tombstone_horizon
from sync.server.tables import (
    RECORDS,
    activities,
    applied_ops,
    followers,
    login_failures,
    registrations,
    request_events,
    requests,
    tokens,
    youth_tokens,
    youths,
)
from sync.server.tables import youth_codes as youth_codes_table

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Purged:
    horizon: int  # the horizon in force afterwards
    counts: dict[str, int]  # tombstones deleted, per table


# An expired or revoked token is kept this long after it ended, so its holder still hears
# "登录已过期" or "您已退出登录" rather than "登录信息无效"; it holds no personal data.
TOKEN_KEPT_AFTER_END = timedelta(days=30)


def purge_tombstones(db: Database, *, older_than: timedelta, now: datetime | None = None) -> Purged:
    """Delete the tombstones of changes the server received more than `older_than` ago.

    Time maps to the change sequence through the log of applied operations: the last sequence
    received before the cut-off is the new horizon; every tombstone at or below it goes (except
    one a live row still refers to, which the foreign key needs). One transaction.
    """
    cutoff = (now or clock_now()) - older_than
    with db.write() as conn:
        last = conn.scalar(
            select(func.max(applied_ops.c.seq)).where(
                applied_ops.c.received_at < cutoff, applied_ops.c.seq.is_not(None)
            )
        )
        if not last or last <= tombstone_horizon(conn):
            return Purged(tombstone_horizon(conn), {})
        counts: dict[str, int] = {}
        for name, table in reversed(RECORDS.items()):  # children before their parents
            conditions = [table.c.deleted.is_(True), table.c.seq <= last]
            for other in RECORDS.values():
                for fk in other.foreign_keys:
                    if fk.column.table is table:
                        conditions.append(~exists().where(fk.parent == fk.column))
            counts[name] = conn.execute(delete(table).where(*conditions)).rowcount
        horizon = raise_tombstone_horizon(conn, int(last))
    log.info("purged tombstones up to change %d: %s", horizon, counts)
    return Purged(horizon, counts)


# --- personal data: retention, expiry and erasure ------------------------------------------------
# PIPL art. 47: personal data goes once its purpose is served. What stays is what the statistics
# and the exactly-once replay need: op ids, kinds, accounts, times and results; registrations
# with their statuses and hours; the youth rows themselves (so counts are unchanged), emptied.

REDACTED_PAYLOAD = "{}"  # what an operation's payload becomes; its stored result stays
# Reveal records are the audit of who saw whose numbers (`access_report`); they hold a youth id,
# never the numbers, and are kept for the yearly audit.
AUDIT_KINDS = (Kind.PERSONAL_REVEAL.value,)
# A registrant's contact data, emptied once every activity they took part in ended long ago.
CONTACT_FIELDS: dict[str, Any] = {
    "phone": "",
    "id_number": "",
    "birth_date": None,
    "school_or_employer": "",
}
# An erased youth keeps only the row's id; everything else goes back to its default.
ERASED_FIELDS: dict[str, Any] = {
    **{
        f.name: f.default
        for f in dataclasses.fields(Youth)
        if f.name not in ("id", "version", "name")
    },
    "name": ERASED_NAME,
}

audit = logging.getLogger("sync.server.audit")


@dataclass(frozen=True)
class Retained:
    payloads: int  # operation payloads redacted
    registrants: int  # youths whose contact data was emptied
    tokens: int  # expired or revoked tokens deleted (cadres' and youths')
    login_failures: int  # login failure records deleted


def apply_retention(db: Database, settings: Settings, *, now: datetime | None = None) -> Retained:
    """Redact what outlived `settings.personal_data_retention`, purge expired tokens and old
    login failures. Idempotent; run at server start, every few hours, or by the CLI."""
    now = now or clock_now()
    cutoff = now - settings.personal_data_retention
    with db.write() as conn:
        payloads = conn.execute(
            update(applied_ops)
            .where(
                applied_ops.c.received_at < cutoff,
                applied_ops.c.payload != REDACTED_PAYLOAD,
                applied_ops.c.kind.not_in(AUDIT_KINDS),
            )
            .values(payload=REDACTED_PAYLOAD)
        ).rowcount
        registrants = _redact_registrants(conn, cutoff)
        expired = 0
        ended = now - TOKEN_KEPT_AFTER_END
        for table in (tokens, youth_tokens):
            expired += conn.execute(
                delete(table).where(or_(table.c.expires_at < ended, table.c.revoked_at < ended))
            ).rowcount
        failures = conn.execute(
            delete(login_failures).where(login_failures.c.at < now - settings.login_failure_window)
        ).rowcount
    done = Retained(payloads, registrants, expired, failures)
    log.info("retention: %s", done)
    return done


def _redact_registrants(conn: Connection, cutoff: datetime) -> int:
    """Empty the contact data of youths who registered, whose every activity ended before
    `cutoff`, and who follow no organisation (a follower stays in touch). The rows get a new
    version and change sequence, so devices receive them emptied through the normal pull."""
    y, r, a, f = youths, registrations, activities, followers
    current = (
        select(r.c.id)
        .join(a, a.c.id == r.c.activity_id)
        .where(r.c.youth_id == y.c.id, or_(a.c.ends_at.is_(None), a.c.ends_at >= cutoff))
    )
    ids = conn.scalars(
        select(y.c.id).where(
            y.c.deleted.is_(False),
            or_(y.c.phone != "", y.c.id_number != "", y.c.school_or_employer != "")
            | y.c.birth_date.is_not(None),
            exists().where(r.c.youth_id == y.c.id),
            ~exists(current),
            ~exists().where(f.c.youth_id == y.c.id, f.c.deleted.is_(False)),
        )
    ).all()
    if ids:
        _rewrite_youths(conn, ids, CONTACT_FIELDS)
    return len(ids)


def _rewrite_youths(conn: Connection, ids: list[str], values: dict[str, Any]) -> None:
    seqs = reserve_seqs(conn, len(ids))
    conn.execute(
        update(youths)
        .where(youths.c.id == bindparam("youth_id"))
        .values(**values, version=youths.c.version + 1, seq=bindparam("new_seq")),
        [{"youth_id": i, "new_seq": s} for i, s in zip(ids, seqs, strict=True)],
    )


def _erase_request_words(conn: Connection, youth_id: str) -> None:
    """The youth's own words in their requests (诉求), the text and what they added, emptied; the
    requests stay with their states, categories and replies, so the yearly counts are unchanged,
    and devices receive the emptied rows through the pull."""
    ids = list(conn.scalars(select(requests.c.id).where(requests.c.youth_id == youth_id)))
    if not ids:
        return
    (seq,) = reserve_seqs(conn, 1)
    conn.execute(
        update(requests)
        .where(requests.c.id.in_(ids))
        .values(text="", version=requests.c.version + 1, seq=seq)
    )
    e = request_events
    conn.execute(
        update(e)
        .where(e.c.request_id.in_(ids), e.c.actor == YOUTH_ACTOR, e.c.detail != "")
        .values(detail="", version=e.c.version + 1, seq=seq)
    )


@dataclass(frozen=True)
class Erased:
    youth_id: str
    payloads: int  # operation payloads redacted
    tokens: int  # the youth's tokens deleted
    codes: int  # one-time codes to their phone deleted


def find_youth_by_phone(db: Database, phone: str) -> str | None:
    with db.read() as conn:
        return conn.scalar(
            select(youths.c.id).where(youths.c.phone == phone.strip(), youths.c.phone != "")
        )


def erase_youth(db: Database, youth_id: str, *, by: str, now: datetime | None = None) -> Erased:
    """Anonymise one youth everywhere on the server (PIPL art. 47), in one transaction: their
    row keeps only its id (registrations and follows stay, so every count is unchanged, and
    devices receive the emptied row through the pull), the payloads of operations that hold
    their data are redacted, their tokens and one-time codes deleted. The erasure itself is
    logged (who, when, which row), never the data. InputError for an unknown youth."""
    now = now or clock_now()
    with db.write() as conn:
        row = conn.execute(select(youths).where(youths.c.id == youth_id)).first()
        if row is None:
            raise InputError(f"没有这个青年（youth id {youth_id!r}）")
        held = [v for v in (row.id, row.phone, row.id_number) if v]
        payloads = conn.execute(
            update(applied_ops)
            .where(
                applied_ops.c.payload != REDACTED_PAYLOAD,
                applied_ops.c.kind.not_in(AUDIT_KINDS),
                or_(
                    applied_ops.c.youth_id == youth_id,
                    *(applied_ops.c.payload.contains(v, autoescape=True) for v in held),
                ),
            )
            .values(payload=REDACTED_PAYLOAD)
        ).rowcount
        erased_tokens = conn.execute(
            delete(youth_tokens).where(youth_tokens.c.youth_id == youth_id)
        ).rowcount
        codes = 0
        if row.phone:
            codes = conn.execute(
                delete(youth_codes_table).where(
                    youth_codes_table.c.phone_key == youth_codes.phone_key(row.phone)
                )
            ).rowcount
        _rewrite_youths(conn, [youth_id], ERASED_FIELDS)
        _erase_request_words(conn, youth_id)
    done = Erased(youth_id, payloads, erased_tokens, codes)
    audit.warning(
        "youth %s erased at %s by %s (%d payloads redacted, %d tokens, %d codes deleted)",
        youth_id,
        now.isoformat(),
        by,
        payloads,
        erased_tokens,
        codes,
    )
    return done
