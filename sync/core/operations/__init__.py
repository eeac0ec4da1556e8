"""Operation kinds and how each one changes the records: one definition for the desktop and server.

Each kind is a `Kind` constant (kinds.py) with a payload type, a frozen dataclass whose
`to_payload()` is the JSON the outbox keeps and the wire carries, and one handler that receives
the typed payload. A handler reads and writes through an `ApplyContext`: the local store's also
keeps the rows' previous values (for undo); the server's bumps versions and change sequences.
Adding a kind means a `Kind` member, a payload type and a handler in the module of its area;
the outbox and the push loop carry any kind unchanged. Importing this package registers every
area, so `apply` knows every kind.
"""

from sync.core.operations.activities import (
    CreateActivity,
    DeleteActivity,
    TransitionActivity,
    UpdateActivity,
)
from sync.core.operations.base import (
    HANDLERS,
    MAX_IDS,
    PAYLOADS,
    REVEAL_PERMISSION,
    SYSTEM_ACTOR,
    YOUTH_ACTOR,
    ApplyContext,
    Outcome,
    Payload,
    Reference,
    apply,
    chunked,
    existing,
    jiangsu_reference,
    own,
    parse,
    undoable,
    youth_may,
)
from sync.core.operations.checkins import CheckIn, CheckOut, VoidCheckin
from sync.core.operations.followers import Follow, SendNotice, TagFollowers, Unfollow
from sync.core.operations.hours import AdjustHours, ConfirmHours, SetHoursRule
from sync.core.operations.kinds import Actor, Kind
from sync.core.operations.personal import REVEALABLE, RecordConsent, RevealPersonalData
from sync.core.operations.registrations import (
    YOUTH_FIELDS,
    CancelRegistration,
    CreateRegistration,
    CreateYouth,
    Decision,
    ReviewRegistration,
)
from sync.core.operations.requests import (
    AddToRequest,
    ArchiveRequest,
    AssignRequest,
    ClassifyRequest,
    ReplyRequest,
    SubmitRequest,
)
from sync.core.operations.targets import TARGET_FIELDS, SetTarget

__all__ = [
    "HANDLERS",
    "MAX_IDS",
    "PAYLOADS",
    "REVEALABLE",
    "REVEAL_PERMISSION",
    "SYSTEM_ACTOR",
    "TARGET_FIELDS",
    "YOUTH_ACTOR",
    "YOUTH_FIELDS",
    "Actor",
    "AddToRequest",
    "AdjustHours",
    "ApplyContext",
    "ArchiveRequest",
    "AssignRequest",
    "CancelRegistration",
    "CheckIn",
    "CheckOut",
    "ClassifyRequest",
    "ConfirmHours",
    "CreateActivity",
    "CreateRegistration",
    "CreateYouth",
    "Decision",
    "DeleteActivity",
    "Follow",
    "Kind",
    "Outcome",
    "Payload",
    "RecordConsent",
    "Reference",
    "ReplyRequest",
    "RevealPersonalData",
    "ReviewRegistration",
    "SendNotice",
    "SetHoursRule",
    "SetTarget",
    "SubmitRequest",
    "TagFollowers",
    "TransitionActivity",
    "Unfollow",
    "UpdateActivity",
    "VoidCheckin",
    "apply",
    "chunked",
    "existing",
    "jiangsu_reference",
    "own",
    "parse",
    "undoable",
    "youth_may",
]
