"""The start page's first screen as the window last showed it, kept in the local database so
the next start can paint rows before the data layer (SQLAlchemy, the keyring) has even been
imported. Only the standard library here: that is the point.

The value (JSON, shaped by `desktop.first_screen`) lives in the `meta` table, so it is exactly
as protected as the records it shows (encrypted with them where the data is encrypted). It is
valid only until the next time any process opens the store: `Store.__init__` forgets it, and
the window writes it again as it closes. So a start never shows rows that a sync, the command
line or a crash may have changed since."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

KEY = "first_screen"  # the meta key


def read(database: Path) -> dict[str, Any] | None:
    """The kept first screen, or None: no file, an encrypted file (the key is not at hand this
    early), no value, or anything unreadable. Opened read-only: never creates or changes it."""
    if not database.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True, timeout=0.2)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = ?", (KEY,)).fetchone()
        finally:
            conn.close()
        value = json.loads(row[0]) if row else None
    except (sqlite3.Error, ValueError):
        return None
    return value if isinstance(value, dict) else None
