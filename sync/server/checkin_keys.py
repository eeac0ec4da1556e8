"""The server's 签到 signing key: where it lives, made on first start, and the codes it signs.

The private key is a PEM file (PKCS#8, readable by its owner only) at `Settings.checkin_key_file`
(SUQING_CHECKIN_KEY_FILE; by default beside the SQLite database in the server's data folder).
Every server process of a deployment must read the same file: provincial IT keeps it with the
database's backups. Losing it only means new codes: laptops learn the new public key at their
next sync, and codes signed by the old key then read as forged.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Connection, select

from sync.core import checkin_codes
from sync.core.records import RegistrationStatus
from sync.server.config import now
from sync.server.scope import ScopeError, path_in_scope
from sync.server.tables import activities, registrations

log = logging.getLogger(__name__)


def load_or_create(path: Path) -> Ed25519PrivateKey:
    """The key in `path`; a new one written there first when there is none. Two processes
    starting at once both end up with the one that reached the disk first."""
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass  # another process was quicker: read theirs
        else:
            with os.fdopen(fd, "wb") as out:
                out.write(pem)
            log.warning("made a new 签到 signing key in %s: keep it with the backups", path)
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} does not hold an Ed25519 private key")
    return key


def youth_code(
    conn: Connection, key: Ed25519PrivateKey, youth_id: str, registration_id: str
) -> str | None:
    """The code of the youth's own approved registration; None when it is not theirs (or
    absent) or not approved, so nobody learns about another's registrations."""
    row = conn.execute(
        select(registrations.c.activity_id, registrations.c.status).where(
            registrations.c.id == registration_id,
            registrations.c.youth_id == youth_id,
            registrations.c.deleted.is_(False),
        )
    ).one_or_none()
    if row is None or row.status != RegistrationStatus.APPROVED.value:
        return None
    return checkin_codes.sign(key, registration_id, row.activity_id, now())


def activity_codes(
    conn: Connection, key: Ed25519PrivateKey, account_path: str, activity_id: str
) -> dict[str, str]:
    """Codes of the approved registrations of an activity in the account's scope (registration
    id → code); ScopeError (404) for an activity outside it or absent."""
    path = conn.scalar(
        select(activities.c.scope_path).where(
            activities.c.id == activity_id, activities.c.deleted.is_(False)
        )
    )
    if path is None or not path_in_scope(account_path, path):
        raise ScopeError(activity_id)
    issued = now()
    ids = conn.scalars(
        select(registrations.c.id)
        .where(
            registrations.c.activity_id == activity_id,
            registrations.c.status == RegistrationStatus.APPROVED.value,
            registrations.c.deleted.is_(False),
        )
        .order_by(registrations.c.id)
    )
    return {r: checkin_codes.sign(key, r, activity_id, issued) for r in ids}
