"""The sync protocol, defined once for the client (`sync.client.http`) and the server
(`sync.server.replication`; its pydantic wire models are derived from the dataclasses here):
versions, paths and the shapes of push and pull.

Push: the client sends its outbox in order; the server applies each operation once (a replayed
op_id gets the stored result) and answers per operation.
Pull: everything in the caller's scope changed after a cursor (the server's change sequence), a
page at a time; deleted rows travel as tombstones.
Snapshot: the first download (and a re-download, when the cursor predates the server's tombstone
horizon) is one SQLite file of the whole scope (zstd or gzip on the way), with its cursor in a
header table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from sync.core.text import PRINTABLE

# Each side refuses a peer outside its range, with a message a user understands.
PROTOCOL_MIN = 1
PROTOCOL_MAX = 1
PROTOCOL_HEADER = "X-Suqing-Protocol"

# Every response of a server whose operator announced a workbench release carries it: the
# newest version and where to download it (ASCII; absent when not announced). A device only
# tells its user; nothing is installed, and an older workbench keeps syncing for as long as
# the PROTOCOL versions above overlap (`compatible`).
RELEASE_VERSION_HEADER = "X-Suqing-Client-Latest"
RELEASE_URL_HEADER = "X-Suqing-Client-Download"

API = "/api/v1"
PUSH_PATH = f"{API}/push"
PULL_PATH = f"{API}/changes"
LOGIN_PATH = f"{API}/login"
LOGOUT_PATH = f"{API}/logout"
ME_PATH = f"{API}/me"
HEALTH_PATH = "/healthz"
SNAPSHOT_PATH = f"{API}/snapshot"
REVEAL_PATH = f"{API}/personal/reveal"
CHECKIN_CODES_PATH = f"{API}/activities/{{activity_id}}/checkin-codes"
ACTIVITY_HOURS_PATH = f"{API}/activities/{{activity_id}}/hours"

PUSH_BATCH = 500  # operations per push request
PULL_PAGE = 2000  # rows per pull page
REVEAL_BATCH = 500  # youths per reveal request

# A pull whose cursor is older than the server's tombstone horizon (deletions before it are gone
# for good) is answered 410 with this code: the device downloads a snapshot instead.
CURSOR_TOO_OLD = "cursor_too_old"

# The snapshot file: the record tables (columns named as the records' fields) plus this table of
# key/value text. Keys: "protocol", "cursor", "created_at", and "rows.<table>" for each table.
SNAPSHOT_META_TABLE = "snapshot_meta"
SNAPSHOT_MEDIA_TYPE = "application/vnd.sqlite3"
SNAPSHOT_CURSOR_HEADER = "X-Suqing-Snapshot-Cursor"
SNAPSHOT_SIZE_HEADER = "X-Suqing-Snapshot-Bytes"  # the uncompressed size, for progress
# Hex SHA-256 of a whole (not streamed) answer's body before content coding; a device refuses
# an answer whose body does not match it (changed on the way).
DIGEST_HEADER = "X-Suqing-Body-SHA256"


ID_MAX = 64
KIND_PATTERN = r"^[a-z_]+\.[a-z_]+$"  # the shape of every `sync.core.operations.Kind` value


@dataclass(frozen=True)
class Operation:
    """One user action as it travels from the outbox to the server. `payload` is the JSON of
    the kind's payload type (`sync.core.operations`). Field metadata holds the limits the
    server's wire models enforce (pydantic `Field` keywords)."""

    op_id: str = field(metadata={"min_length": 1, "max_length": ID_MAX, "pattern": PRINTABLE})
    kind: str = field(metadata={"min_length": 1, "max_length": ID_MAX, "pattern": KIND_PATTERN})
    payload: dict[str, Any]
    occurred_at: datetime | str | None = None  # the device's clock: audit only
    device_id: str = field(default="", metadata={"max_length": ID_MAX, "pattern": PRINTABLE})

    def to_json(self) -> dict[str, Any]:
        occurred = self.occurred_at
        return {
            "op_id": self.op_id,
            "kind": self.kind,
            "payload": self.payload,
            "occurred_at": occurred.isoformat() if isinstance(occurred, datetime) else occurred,
            "device_id": self.device_id,
        }


@dataclass(frozen=True)
class PushRequest:
    ops: list[Operation] = field(metadata={"max_length": PUSH_BATCH * 2})


class OpStatus(StrEnum):
    APPLIED = "applied"
    CHANGED = "changed"  # applied, but not exactly as asked (e.g. waitlisted, field conflict)
    REJECTED = "rejected"  # nothing changed; `code` and `params` say why


@dataclass(frozen=True)
class OpResult:
    op_id: str
    status: OpStatus
    seq: int = 0  # the server change sequence that includes this op's effect (0 if rejected)
    code: str | None = None  # a key of sync.core.messages.MESSAGES
    params: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "op_id": self.op_id,
            "status": self.status.value,
            "seq": self.seq,
            "code": self.code,
            "params": self.params,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> OpResult:
        return cls(
            op_id=str(data["op_id"]),
            status=OpStatus(data["status"]),
            seq=int(data.get("seq") or 0),
            code=data.get("code"),
            params=dict(data.get("params") or {}),
        )


@dataclass(frozen=True)
class PushAnswer:
    results: list[OpResult]  # one per operation sent, in the same order


@dataclass(frozen=True)
class PullPage:
    """One page of changes. `rows` maps a record table to JSON rows (sync.core.codec encoding);
    `deleted` maps a table to the ids of rows deleted since the cursor. `checkin_key`: the
    server's public key for 签到 codes (`sync.core.checkin_codes`), on every page, so a device
    that synced once verifies codes offline and hears of a new key at its next sync; "" from a
    server without one."""

    cursor: int
    more: bool
    rows: dict[str, list[dict[str, Any]]]
    deleted: dict[str, list[str]]
    checkin_key: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "cursor": self.cursor,
            "more": self.more,
            "rows": self.rows,
            "deleted": self.deleted,
            "checkin_key": self.checkin_key,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PullPage:
        return cls(
            cursor=int(data["cursor"]),
            more=bool(data["more"]),
            rows={str(k): list(v) for k, v in dict(data.get("rows") or {}).items()},
            deleted={
                str(k): [str(i) for i in v] for k, v in dict(data.get("deleted") or {}).items()
            },
            checkin_key=str(data.get("checkin_key") or ""),
        )


@dataclass(frozen=True)
class CheckinCodes:
    """The signed 签到 codes of an activity's approved registrations (registration id → code),
    for a sheet printed for people without phones; the server signs them on request."""

    activity_id: str
    codes: dict[str, str]


@dataclass(frozen=True)
class ActivityHours:
    """An activity's 志愿时长 as the server counts them (`sync.core.checkin.registration_hours`,
    the devices' function): registration id → hours, for each registration with any event at
    the door; and who confirmed them, when (ISO 8601; "" while unconfirmed)."""

    activity_id: str
    hours: dict[str, float]
    confirmed_at: str = ""
    confirmed_by: str = ""


@dataclass(frozen=True)
class RevealRequest:
    """Ask for youths' whole phone and ID numbers. Pull and snapshot send them masked
    (`sync.core.privacy.MASKED_FIELDS`); the server answers this only to an account with the
    reveal permission, and logs every youth revealed in the same transaction as it answers."""

    youth_ids: list[str] = field(metadata={"min_length": 1, "max_length": REVEAL_BATCH})


@dataclass(frozen=True)
class RevealedYouth:
    id: str
    name: str
    phone: str
    id_number: str


@dataclass(frozen=True)
class RevealAnswer:
    """`youths`: those the account may see whole; `refused`: the other ids asked for (not in its
    scope, or known to it only through a cadre's walk-in or import, which proves nothing)."""

    youths: list[RevealedYouth]
    refused: list[str]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RevealAnswer:
        return cls(
            youths=[
                RevealedYouth(
                    id=str(y["id"]),
                    name=str(y["name"]),
                    phone=str(y["phone"]),
                    id_number=str(y["id_number"]),
                )
                for y in data["youths"]
            ],
            refused=[str(i) for i in data["refused"]],
        )


def compatible(peer_min: int, peer_max: int) -> bool:
    return peer_min <= PROTOCOL_MAX and peer_max >= PROTOCOL_MIN
