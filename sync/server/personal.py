"""Revealing youths' whole phone and ID numbers: the only way they leave the server (pull and
snapshot mask them, `sync.server.privacy`). The permission is checked here, and every youth
revealed is written to the log of applied operations (kind `personal.reveal`, as a device's
logged reveal always was) in the same transaction that reads the numbers: no answer without
its log entry.

Who may be revealed: a youth in the account's scope through something the youth did, a
follow or an online registration. A walk-in or an imported registration proves nothing (a
cadre can type any name and phone), so it never opens a youth's numbers to that cadre.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, exists, insert, or_, select

from sync.core.ids import uuid7
from sync.core.operations import REVEAL_PERMISSION, Kind, RevealPersonalData
from sync.core.protocol import ID_MAX, OpResult, OpStatus, RevealAnswer, RevealedYouth
from sync.core.records import ContactPreference, RegistrationSource
from sync.core.text import PRINTABLE
from sync.server.auth import CurrentAccount
from sync.server.config import now as clock_now
from sync.server.db import Database
from sync.server.scope import within_scope
from sync.server.tables import RECORDS, applied_ops

REVEALED_FIELDS = ("phone", "id_number")


class RevealNotAllowed(Exception):
    """The account lacks the reveal permission (403 `permission_denied`)."""


def _revealable(scope_path: str) -> Any:
    """Youths the account learnt of through the youth's own act in its scope: an online
    registration, a follow, or a request asking to be called back."""
    y, f, r = RECORDS["youths"], RECORDS["followers"], RECORDS["registrations"]
    followed = exists().where(
        f.c.youth_id == y.c.id, f.c.deleted.is_(False), within_scope(f.c.scope_path, scope_path)
    )
    registered = exists().where(
        r.c.youth_id == y.c.id,
        r.c.deleted.is_(False),
        r.c.source == RegistrationSource.ONLINE.value,
        within_scope(r.c.scope_path, scope_path),
    )
    # a youth who asked, in a request to an organisation in scope, to be called or texted back
    q = RECORDS["requests"]
    asked = exists().where(
        q.c.youth_id == y.c.id,
        q.c.deleted.is_(False),
        q.c.contact.in_([ContactPreference.PHONE.value, ContactPreference.SMS.value]),
        within_scope(q.c.scope_path, scope_path),
    )
    return or_(followed, registered, asked)


def reveal(db: Database, account: CurrentAccount, youth_ids: Sequence[str]) -> RevealAnswer:
    if REVEAL_PERMISSION not in account.permissions:
        raise RevealNotAllowed(account.username)
    wanted = list(dict.fromkeys(youth_ids))
    # An id no youth can have (too long, control characters: PostgreSQL text holds no NUL) is
    # simply refused, not sent to the database.
    possible = [i for i in wanted if len(i) <= ID_MAX and re.match(PRINTABLE, i)]
    y = RECORDS["youths"]
    with db.write() as conn:
        rows = conn.execute(
            select(y.c.id, y.c.name, y.c.phone, y.c.id_number).where(
                y.c.id.in_(possible), y.c.deleted.is_(False), _revealable(account.org_path)
            )
        ).all()
        shown = [RevealedYouth(r.id, r.name, r.phone or "", r.id_number or "") for r in rows]
        _log(conn, account, shown)
    found = {youth.id for youth in shown}
    return RevealAnswer(youths=shown, refused=[i for i in wanted if i not in found])


def _log(conn: Connection, account: CurrentAccount, shown: list[RevealedYouth]) -> None:
    """One applied `personal.reveal` per youth, as a device's logged reveal was recorded."""
    if not shown:
        return
    now = clock_now()
    entries = []
    for youth in shown:
        op_id = uuid7()
        payload = RevealPersonalData("youths", youth.id, REVEALED_FIELDS)
        entries.append(
            {
                "op_id": op_id,
                "account_id": account.id,
                "device_id": account.device_id,
                "kind": Kind.PERSONAL_REVEAL.value,
                "payload": json.dumps(payload.to_payload(), ensure_ascii=False),
                "occurred_at": now,
                "received_at": now,
                "result": json.dumps(OpResult(op_id, OpStatus.APPLIED).to_json()),
                "seq": None,
                "youth_id": None,
            }
        )
    conn.execute(insert(applied_ops), entries)
