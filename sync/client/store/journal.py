"""The outbox journal: a second copy of the unsent operations in a file beside the database, so
a database damaged past reading (its first page zeroed, a bad disk) does not take them with it.

One line per record, appended and fsync'd inside the write transaction that queues the
operations (the database's write lock orders the appends of every process, so the file's order
is the outbox's order); a commit that then fails cuts the line off again. Records:
`{"ops": [{op_id, kind, payload, occurred_at, device_id}, ...]}` for the operations one
transaction queued (one line, sealed once: a bulk action of 10,000 costs one encryption), and
`{"gone": [op_id, ...]}` for operations that left the queue (answered by the server, or
undone); the file is emptied when no operation is unsent, and rewritten without the gone ones
when a store opens (`Store.reconcile_journal`, which also adds any unsent operation missing
from it, e.g. one queued before the journal existed).

Protection: the same as the database's. With an encrypted database every line is sealed with
AES-256-GCM under a key derived from the database's own key (HMAC-SHA256 with a fixed label;
a fresh random nonce per line), so whoever can read the one can read the other and nobody
else; with a plain database (the deployment allows it) the lines are plain JSON too.
What the journal can still hold after a kill -9 between its fsync and the commit is an
operation the user's action was making when the process died: recovered as if committed.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import os
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

log = logging.getLogger(__name__)

SUFFIX = ".outbox-journal"
FIELDS = ("op_id", "kind", "payload", "occurred_at", "device_id")
_LABEL = b"suqing outbox journal v1"
_NONCE = 12


def path_for(database: Path) -> Path:
    return database.with_name(database.name + SUFFIX)


@dataclass
class Contents:
    """What a journal file yields: the unsent operations in queue order (no duplicates)."""

    ops: dict[str, dict[str, Any]] = field(default_factory=dict)  # op_id → record
    lines: int = 0  # every line read
    unreadable: int = 0  # lines that did not decrypt or parse (damage)
    exists: bool = False
    waste: bool = False  # gone records, repeated operations or damaged lines: worth compacting


class OutboxJournal:
    def __init__(self, database: Path, key: str | None):
        self.path = path_for(database)
        self._seal = None
        if key is not None:
            derived = hmac.new(bytes.fromhex(key), _LABEL, hashlib.sha256).digest()
            self._seal = AESGCM(derived)

    # --- writing (inside the caller's write transaction) ----------------------------------------

    def append(self, ops: Iterable[dict[str, Any]]) -> int:
        """Append queued operations (outbox entries) durably; returns the file's length before,
        for `cut` when the transaction does not commit. A failed write leaves no part behind."""
        return self._write([_ops_record(ops)])

    def forget(self, op_ids: Sequence[str]) -> None:
        """Operations that left the queue (a lost line only means a resend, which the server
        answers by op_id without applying twice)."""
        if op_ids:
            self._write([{"gone": list(op_ids)}])

    def clear(self) -> None:
        """Nothing is unsent any more."""
        with self.path.open("ab") as f:
            f.truncate(0)
            os.fsync(f.fileno())

    def cut(self, length: int) -> None:
        """Take back what was appended after `length` (its transaction did not commit)."""
        with self.path.open("ab") as f:
            f.truncate(length)
            os.fsync(f.fileno())

    def rewrite(self, ops: Iterable[dict[str, Any]]) -> None:
        """Replace the file by one holding just these operations (atomically: a crash leaves
        the old file or the new one)."""
        temporary = self.path.with_name(self.path.name + ".new")
        ops = list(ops)
        data = self._line(_ops_record(ops)) if ops else b""
        with temporary.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temporary, self.path)

    def _write(self, records: list[dict[str, Any]]) -> int:
        data = b"".join(self._line(r) for r in records)
        with self.path.open("ab") as f:
            start = f.seek(0, os.SEEK_END)
            try:
                f.write(data)  # one write: other processes append only under the write lock
                f.flush()
                os.fsync(f.fileno())
            except BaseException:
                f.truncate(start)
                raise
        return start

    def _line(self, record: dict[str, Any]) -> bytes:
        text = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode()
        if self._seal is not None:
            nonce = secrets.token_bytes(_NONCE)
            text = base64.b64encode(nonce + self._seal.encrypt(nonce, text, _LABEL))
        return text + b"\n"

    # --- reading --------------------------------------------------------------------------------

    def read(self) -> Contents:
        """The unsent operations the file holds; a damaged line is skipped and counted."""
        found = Contents()
        try:
            data = self.path.read_bytes()
        except FileNotFoundError:
            return found
        found.exists = True
        for line in data.splitlines():
            found.lines += 1
            record = self._open(line)
            if record is None:
                found.unreadable += 1
                found.waste = True
            elif "ops" in record:
                for op in record["ops"]:
                    found.waste |= op["op_id"] in found.ops
                    found.ops.setdefault(op["op_id"], op)
            else:
                found.waste = True
                for op_id in record["gone"]:
                    found.ops.pop(op_id, None)
        if found.unreadable:
            log.warning("%s: %d damaged lines skipped", self.path, found.unreadable)
        return found

    def _open(self, line: bytes) -> dict[str, Any] | None:
        try:
            if self._seal is not None:
                sealed = base64.b64decode(line, validate=True)
                line = self._seal.decrypt(sealed[:_NONCE], sealed[_NONCE:], _LABEL)
            record = json.loads(line)
        except (ValueError, InvalidTag):
            return None
        ok = isinstance(record, dict) and (
            (
                isinstance(record.get("ops"), list)
                and all(
                    isinstance(op, dict) and all(k in op for k in FIELDS) for op in record["ops"]
                )
            )
            or isinstance(record.get("gone"), list)
        )
        return record if ok else None


def _ops_record(ops: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {"ops": [{k: _plain(op[k]) for k in FIELDS} for op in ops]}


def _plain(value: Any) -> Any:
    """JSON for a column value (occurred_at is a datetime in the outbox)."""
    return value.isoformat() if hasattr(value, "isoformat") else value
