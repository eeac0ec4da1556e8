"""The local database encrypted at rest with SQLCipher (the `sqlcipher3` module: SQLCipher 4,
wheels for Linux, Windows and macOS on Python 3.11-3.13, no system library needed).

A device's key is 32 random bytes, kept in the OS keyring beside the sign-in token and handed
to SQLCipher as a raw key (`x'...'`), so opening a connection costs no key derivation. Without
its key an encrypted file cannot be read at all: the store then raises LocalDataLocked, and the
caller decides (the desktop offers to move the file aside and download afresh), never deleting
it silently, since its outbox may hold work not yet synced.

A plain database found where an encrypted one is wanted is converted once: exported into a new
encrypted file beside it, which then replaces it in one rename, so a power cut at any moment
leaves either the whole plain file or the whole encrypted one.
"""

from __future__ import annotations

import logging
import os
import secrets
import sqlite3
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher

from sync.client import credentials, messages

log = logging.getLogger(__name__)

PLAIN_HEADER = b"SQLite format 3\x00"  # every unencrypted SQLite file starts so
KEY_BYTES = 32
DRIVER_ERRORS = (sqlite3.Error, sqlcipher.Error)  # what either driver raises


class LocalDataLocked(Exception):
    """The local database is encrypted and its key is missing or wrong."""

    code = "local_data_locked"

    @property
    def user_message(self) -> str:
        return messages.render(self.code)


class LocalDataDamaged(LocalDataLocked):
    """The local database file is damaged (a bad disk, a copy cut short, a file overwritten):
    SQLite or SQLCipher cannot read it, or an encrypted file's page fails its check. A subclass
    of LocalDataLocked, since the way out is the same: move it aside and download afresh,
    keeping the unsent operations it still yields (`sync.client.local_data.repair`)."""

    code = "local_data_damaged"


# SQLITE_CORRUPT and SQLITE_NOTADB: what SQLite (and SQLCipher, whose page check failing reads
# as "file is not a database") says of a damaged file.
DAMAGE_CODES = (11, 26)
DAMAGE_TEXTS = ("file is not a database", "database disk image is malformed")


def is_damage(error: BaseException) -> bool:
    """Whether a driver error (or SQLAlchemy's wrapper of one) means the file is damaged."""
    error = getattr(error, "orig", None) or error
    if not isinstance(error, DRIVER_ERRORS):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in DAMAGE_CODES
    return any(text in str(error) for text in DAMAGE_TEXTS)


def new_key() -> str:
    return secrets.token_hex(KEY_BYTES)


def raw_key(key: str) -> str:
    """The key as SQLCipher takes a raw key (no passphrase derivation)."""
    return f"x'{key}'"


def is_plain(path: Path) -> bool:
    """An existing unencrypted SQLite file (a missing or empty one is neither)."""
    try:
        with path.open("rb") as f:
            return f.read(len(PLAIN_HEADER)) == PLAIN_HEADER
    except FileNotFoundError:
        return False


def connect(path: Path, key: str | None, **kwargs: Any) -> Any:
    """A DB-API connection to the file: sqlite3 for a plain one, SQLCipher with `key`; a wrong
    or missing key raises LocalDataLocked."""
    if key is None:
        if path.exists() and path.stat().st_size > 0 and not is_plain(path):
            raise LocalDataLocked(f"{path}: encrypted, and no key was given")
        return sqlite3.connect(path, **kwargs)
    db = sqlcipher.connect(str(path), **kwargs)
    try:
        db.execute(f'PRAGMA key="{raw_key(key)}"')
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as error:
        db.close()
        raise LocalDataLocked(f"{path}: {error}") from error
    return db


def encrypt_in_place(path: Path, key: str) -> None:
    """Replace the plain database at `path` by an encrypted copy with every row, the schema
    version included (sqlcipher_export does not copy `user_version`)."""
    plain = sqlite3.connect(path, isolation_level=None)
    try:  # everything into the main file, no WAL left to apply to the new one
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        plain.execute("PRAGMA journal_mode=DELETE")
        version = plain.execute("PRAGMA user_version").fetchone()[0]
    finally:
        plain.close()
    target = path.with_name(path.name + ".encrypting")
    target.unlink(missing_ok=True)  # a conversion cut short before
    db = sqlcipher.connect(str(path), isolation_level=None)
    try:
        db.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(target), raw_key(key)))
        db.execute("SELECT sqlcipher_export('encrypted')")
        db.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        db.execute("DETACH DATABASE encrypted")
    finally:
        db.close()
    with target.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(target, path)
    if hasattr(os, "O_DIRECTORY"):  # the rename itself survives a power cut (POSIX)
        fd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    log.info("encrypted the local database %s", path)


def _secret_name(path: Path) -> str:
    return f"local-database|{path.resolve()}"


def stored_key(path: Path) -> str | None:
    """The key kept for the database at `path`, if any (CredentialsUnavailable: no keyring)."""
    return credentials.load_secret(_secret_name(path))


def key_for(path: Path) -> str:
    """The key of the database at `path`: the kept one, or a new one kept now for a database
    that is new or plain (an encrypted file whose key is gone stays unreadable:
    LocalDataLocked). CredentialsUnavailable where the OS has no keyring."""
    key = stored_key(path)
    if key is not None:
        return key
    if path.exists() and path.stat().st_size > 0 and not is_plain(path):
        raise LocalDataLocked(f"{path}: encrypted, and its key is not in the keyring")
    key = new_key()
    credentials.save_secret(_secret_name(path), key)
    return key
