"""Opening a profile's local data the way the deployment wants it: encrypted at rest
(`sync.client.store.cipher`) unless provincial IT says otherwise. Shared by the desktop and
`python -m sync.client`."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert

from sync.client import credentials, deployment, messages
from sync.client.store import DATABASE_NAME, Store, cipher, journal
from sync.client.store.tables import conflicts, meta, outbox

log = logging.getLogger(__name__)


class EncryptionUnavailable(Exception):
    """The deployment requires encrypted local data, and the OS has no keyring for the key."""

    code = "encryption_unavailable"

    @property
    def user_message(self) -> str:
        return messages.render(self.code)


def open_store(
    profile: Path,
    settings: deployment.Deployment | None = None,
    *,
    user_choice: bool | None = None,
    **kwargs: Any,
):
    """The profile's store. Encrypted when the deployment requires it (EncryptionUnavailable
    without a keyring), or when neither it nor the user (`user_choice`, unless the deployment
    locks it) turns encryption off and the OS has a keyring; a plain one is converted on the
    way. A database encrypted before stays encrypted whatever the setting says now.
    LocalDataLocked when an encrypted database's key is missing, LocalDataDamaged when the file
    is damaged (or the kept key does not open it): see `repair`."""
    settings = settings if settings is not None else deployment.load()
    path = profile / DATABASE_NAME
    wanted = settings.encryption_wanted(user_choice)
    try:
        key = cipher.key_for(path) if wanted is not False else cipher.stored_key(path)
    except credentials.CredentialsUnavailable as error:
        if wanted:
            raise EncryptionUnavailable(str(error)) from error
        log.warning("no OS keyring: the local data stays unencrypted (%s)", error)
        key = None
    try:
        return Store(path, key=key, **kwargs)
    except cipher.LocalDataLocked as error:
        # With the key kept for this very file, an unreadable first page is damage.
        if key is None or isinstance(error, cipher.LocalDataDamaged):
            raise
        raise cipher.LocalDataDamaged(str(error)) from error


@dataclass(frozen=True)
class Repaired:
    """What `repair` did."""

    moved_to: Path
    kept: int  # unsent operations carried over into the fresh database
    # False: unsent work may be missing (neither the old file's outbox nor its journal could
    # be read whole)
    outbox_read: bool


# What a fresh database takes over from a damaged one: who is signed in, and which device
# this is (so the account and the operations' device_id stay the same).
KEPT_META = ("account", "org_id", "device_id")
KEPT_STATES = ("pending", "rejected")  # unsent, and refusals the cadre has not read yet


def repair(profile: Path, settings: deployment.Deployment | None = None) -> Repaired:
    """Move a database that cannot be opened aside (never deleted) and start a fresh one that
    keeps what could still be read from it: the signed-in account, open conflicts, and the
    unsent operations, from the file or else from its outbox journal (`store.journal`: a file
    whose first page is gone yields none itself). Its cursor is 0, so the next sync downloads
    the scope afresh and replays the kept operations on top, then pushes them (idempotent by
    op_id: one the server already has is answered again, not applied twice)."""
    path = profile / DATABASE_NAME
    salvaged = _salvage(path)
    journaled = _journaled(path)
    # Queue order: pending operations the journal lacks (queued before it existed) first, then
    # the journal's in the order they were queued (taken from it even when the file has them).
    salvaged.rows[outbox] = [
        row
        for row in salvaged.rows[outbox]
        if row["state"] != "pending" or row["op_id"] not in journaled.ops
    ]
    in_file = {row["op_id"] for row in salvaged.rows[outbox]}  # e.g. refused: not pending
    requeued = [_pending(op) for op_id, op in journaled.ops.items() if op_id not in in_file]
    moved_to = set_aside(profile)
    store = open_store(profile, settings)
    try:
        with store.bulk_write() as conn:
            # As read: values stay in the form the file keeps them (no type round trip).
            for table, rows in salvaged.rows.items():
                if table is meta:
                    conn.execute(delete(meta).where(meta.c.key.in_([r["key"] for r in rows])))
                if rows:
                    columns = list(rows[0])
                    conn.exec_driver_sql(
                        f"INSERT INTO {table.name} ({', '.join(columns)}) "
                        f"VALUES ({', '.join('?' for _ in columns)})",
                        [tuple(r[c] for c in columns) for r in rows],
                    )
            if requeued:
                conn.execute(insert(outbox), requeued)
        store.reconcile_journal()  # the fresh journal holds them all before anything else runs
        kept = store.pending_count()
    finally:
        store.close()
    complete = salvaged.complete or (journaled.exists and not journaled.unreadable)
    log.warning(
        "fresh local database after damage: kept %d unsent operations (%d from the journal)",
        kept,
        len(requeued),
    )
    return Repaired(moved_to, kept, complete)


def _journaled(path: Path) -> journal.Contents:
    """The unsent operations in the damaged file's journal, sealed with the file's key (a
    journal whose key is lost reads as damaged lines only)."""
    try:
        key = cipher.stored_key(path)
    except credentials.CredentialsUnavailable:
        key = None
    return journal.OutboxJournal(path, key).read()


def _pending(op: dict) -> dict:
    return {
        **op,
        "occurred_at": datetime.fromisoformat(op["occurred_at"]),
        "state": "pending",
        "undo": "[]",  # the rows it would restore are gone: the replay records anew
    }


@dataclass
class _Salvaged:
    rows: dict
    complete: bool


def _salvage(path: Path) -> _Salvaged:
    """Rows worth keeping that the damaged file still yields, each table read as far as it
    can be (a damaged page ends the reading of that table, not of the others)."""
    found = _Salvaged({meta: [], outbox: [], conflicts: []}, complete=True)
    try:
        db = cipher.connect(path, cipher.stored_key(path))
    except (cipher.LocalDataLocked, credentials.CredentialsUnavailable, *cipher.DRIVER_ERRORS):
        found.complete = False
        return found
    states = ", ".join(f"'{s}'" for s in KEPT_STATES)
    names = ", ".join(f"'{k}'" for k in KEPT_META)
    queries = {
        meta: f"SELECT * FROM meta WHERE key IN ({names})",
        outbox: f"SELECT * FROM outbox WHERE state IN ({states}) ORDER BY seq",
        conflicts: "SELECT * FROM conflicts WHERE resolved_at IS NULL",
    }
    try:
        for table, sql in queries.items():
            try:
                cursor = db.execute(sql)
                columns = [c[0] for c in cursor.description]
                while (row := cursor.fetchone()) is not None:
                    found.rows[table].append(dict(zip(columns, row, strict=True)))
            except cipher.DRIVER_ERRORS as error:
                log.warning("salvaging %s from the damaged database: %s", table.name, error)
                found.complete = False
    finally:
        db.close()
    for row in found.rows[outbox]:
        row["undo"] = "[]"  # the rows it would restore are gone: the replay records anew
    return found


def set_aside(profile: Path) -> Path:
    """Move a database that cannot be opened (and its WAL files) aside, never deleting it, so
    a fresh one can be downloaded; returns where the database went."""
    path = profile / DATABASE_NAME
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.locked-{stamp}")
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    path.rename(target)
    # Its journal too: a fresh database starts a fresh one (`repair` has read the old first).
    kept_journal = journal.path_for(path)
    if kept_journal.exists():
        kept_journal.rename(journal.path_for(target))
    log.warning("moved the unreadable local database aside to %s", target)
    return target
