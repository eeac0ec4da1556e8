"""The start page's first screen as the window last showed it, kept in the local database so
the next start can paint rows before the data layer (SQLAlchemy) has even been imported:
only the standard library here, and for an encrypted file SQLCipher and the keyring.

The value (JSON, shaped by `desktop.first_screen`) lives in the `meta` table, so it is exactly
as protected as the records it shows (encrypted with them where the data is encrypted). It is
valid only until the next time any process opens the store: `Store.__init__` forgets it, and
the window writes it again as it closes. So a start never shows rows that a sync, the command
line or a crash may have changed since."""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

from sync.client.store import cipher  # not the package's Store: no SQLAlchemy

KEY = "first_screen"  # the meta key

log = logging.getLogger(__name__)


def read(database: Path) -> dict[str, Any] | None:
    """The kept first screen, or None: no file, no value, an encrypted file whose key the OS
    keyring does not give, or anything unreadable. Never creates the file nor writes to it."""
    if not database.is_file():
        return None
    try:
        conn = _connect(database)
        if conn is None:
            return None
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
        finally:
            conn.close()
        value = json.loads(row[0]) if row else None
    except Exception:  # a nicety: whatever fails, the start goes on without it
        log.debug("no kept first screen in %s", database, exc_info=True)
        return None
    return value if isinstance(value, dict) else None


def _connect(database: Path):
    """Read-only for a plain file; with the key kept in the keyring for an encrypted one (the
    keyring imported only then), or None without a key."""
    if cipher.is_plain(database):
        return sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
    key = cipher.stored_key(database)
    return None if key is None else cipher.connect(database, key, timeout=0.2)
