"""What every operation kind shares: payload types, the context of handlers, the registry."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cache
from typing import Any, ClassVar, Protocol, Self, TypeVar

from sync.core import regions
from sync.core.operations.kinds import Kind
from sync.core.rules import RuleViolation

# Who a registration event names when no account did it.
YOUTH_ACTOR = "youth"  # the youth themself, through the public API
SYSTEM_ACTOR = "system"  # an automatic step, e.g. a promotion from the waitlist
REVEAL_PERMISSION = "reveal_personal_data"

T = TypeVar("T")

# The shapes a payload's JSON can be refused for; any of them is `malformed_operation`.
SHAPE_ERRORS = (KeyError, TypeError, ValueError, AttributeError)

# The most entries a list field of one operation may hold (`TagFollowers.ids` above all). The
# server applies an operation under its write lock: one tag operation over 200,000 followers
# held it for about 12 s. At 200, an operation takes milliseconds and a push page of
# `protocol.PUSH_BATCH` such operations stays a few MB (see `Settings.max_request_bytes`). A
# device splits a bulk action into operations of at most this many (`chunked`); the server
# refuses a longer list as `too_many_ids`. Both ends read it here.
MAX_IDS = 200


@dataclass(frozen=True)
class Reference:
    """Reference data the rules need, supplied by whoever applies operations."""

    categories: Collection[str]
    is_valid_region: Callable[[str], bool]
    contains_point: Callable[[float, float], bool]


def jiangsu_reference(category_codes: list[str]) -> Reference:
    """The reference data of this deployment: Jiangsu's regions and boundary."""
    table = regions.regions()
    boundary = regions.province_boundary()
    return Reference(
        categories=frozenset(category_codes),
        is_valid_region=table.is_jiangsu_area,
        contains_point=boundary.contains,
    )


class ApplyContext(Protocol):
    now: datetime
    reference: Reference
    actor: str
    """Who acts: the account's username, or YOUTH_ACTOR; recorded in registration events."""
    youth_id: str | None
    """The youth acting through the public API (actor YOUTH_ACTOR), else None."""
    permissions: Collection[str] | None
    """The account's permissions where they are enforced (the server); None on a device,
    which leaves the decision to the server."""
    org_id: str | None
    """The acting account's organisation where it is enforced (the server); None on a device
    and for a youth."""

    def get(self, table: str, record_id: str) -> dict[str, Any] | None: ...
    def insert(self, table: str, values: dict[str, Any]) -> None: ...
    def update(self, table: str, record_id: str, values: dict[str, Any]) -> None: ...
    def delete(self, table: str, record_id: str) -> None: ...
    def count(self, table: str, **equals: Any) -> int:
        """Live rows of `table` whose fields equal the given values."""
        ...

    def find(
        self,
        table: str,
        *,
        order_by: tuple[str, ...] = (),
        limit: int | None = None,
        **equals: Any,
    ) -> list[dict[str, Any]]:
        """Live rows of `table` whose fields equal the given values, in `order_by` order."""
        ...

    def new_id(self) -> str:
        """A fresh id for a row an operation adds besides its own (e.g. a history event)."""
        ...

    def deliver_notice(self, notice: dict[str, Any]) -> int | None:
        """Deliver a notice to its recipients; their number, or None where notices cannot be
        delivered (a device: the notice stays queued until the server delivers it)."""
        ...


@dataclass(frozen=True)
class Outcome:
    """What applying an operation did. `changed` carries a code when the result differs from
    what was asked (e.g. approved → waitlisted, a field kept the other side's value), with
    `params` for the message; rejections are raised as RuleViolation."""

    record_id: str
    changed: str | None = None
    params: dict[str, Any] = field(default_factory=dict)


# --- payloads ------------------------------------------------------------------------------------


def _check_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _check_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("not an integer")
    return value


def _check_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError("not a number")
    return float(value)


def _check_optional_str(value: Any) -> str | None:
    return None if value is None else _check_str(value)


def _check_strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list | tuple):
        raise TypeError("not a list of strings")
    if len(value) > MAX_IDS:  # refused before any entry is looked at
        raise RuleViolation("too_many_ids", max=MAX_IDS)
    if not all(isinstance(v, str) for v in value):
        raise TypeError("not a list of strings")
    return tuple(value)


def chunked(items: Sequence[T], size: int = MAX_IDS) -> list[Sequence[T]]:
    """`items` in consecutive slices of at most `size`: one operation's worth each."""
    return [items[start : start + size] for start in range(0, len(items), size)]


def _check_object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError("not an object")
    return value


@cache
def _readers(cls: type) -> tuple[tuple[str, Callable[[Any], Any], Any], ...]:
    """(name, check, default) of each field of a payload class, from its type hints: how the
    generic `Payload.from_payload` reads JSON into it. MISSING marks a required field."""
    hints = typing.get_type_hints(cls)
    readers = []
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        check: Callable[[Any], Any]
        if hint is str:
            check = _check_str
        elif hint == str | None:
            check = _check_optional_str
        elif hint is int:
            check = _check_int
        elif hint is float:
            check = _check_number
        elif hint == tuple[str, ...]:
            check = _check_strings
        elif typing.get_origin(hint) is dict:
            check = _check_object
        elif isinstance(hint, type) and issubclass(hint, StrEnum):
            check = hint
        else:
            raise TypeError(f"{cls.__name__}.{f.name}: no generic reader for {hint}")
        default = f.default
        if f.default_factory is not dataclasses.MISSING:
            default = f.default_factory()
        readers.append((f.name, check, default))
    return tuple(readers)


class Payload:
    """Base of the payload type of each kind: a frozen dataclass whose `kind` says which. Its
    JSON (`to_payload`) is what the outbox keeps and the wire carries; `from_payload` reads it
    back, refusing a wrong shape as `malformed_operation`. Keys a payload does not know are
    ignored, so an older or newer peer's extra keys never refuse an operation."""

    kind: ClassVar[Kind]

    def to_payload(self) -> dict[str, Any]:
        out = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, StrEnum):
                value = value.value
            elif isinstance(value, tuple):
                value = list(value)
            out[f.name] = value
        return out

    @classmethod
    def from_payload(cls, data: Any) -> Self:
        if not isinstance(data, dict):
            raise RuleViolation("malformed_operation")
        try:
            return cls._read(data)
        except SHAPE_ERRORS:
            raise RuleViolation("malformed_operation") from None

    @classmethod
    def _read(cls, data: dict[str, Any]) -> Self:
        """The generic reading by field type; a kind whose JSON is not flat overrides it. A
        missing or null value takes the field's default (as the handlers' `or ""` always did)."""
        values = {}
        for name, check, default in _readers(cls):
            value = data.get(name)
            if value is None and default is not dataclasses.MISSING:
                values[name] = default
            elif value is None and check is not _check_optional_str:
                raise KeyError(name)
            else:
                values[name] = check(value)
        return cls(**values)


# --- the registry --------------------------------------------------------------------------------

P = TypeVar("P", bound=Payload)
Handler = Callable[[ApplyContext, Any], Outcome]
HANDLERS: dict[Kind, Handler] = {}
PAYLOADS: dict[Kind, type[Payload]] = {}


def handler(payload_type: type[P]) -> Callable[[Callable[[ApplyContext, P], Outcome]], Handler]:
    """Register the handler of `payload_type`'s kind; it receives the typed payload."""

    def register(func: Callable[[ApplyContext, P], Outcome]) -> Handler:
        HANDLERS[payload_type.kind] = func
        PAYLOADS[payload_type.kind] = payload_type
        return func

    return register


def parse(kind: str, payload: Any) -> Payload:
    """The typed payload of a kind read from the outbox or the wire. RuleViolation
    `unknown_kind` for a kind this version does not know, `malformed_operation` for a shape
    that is not the kind's."""
    known = Kind.find(kind)
    if known is None or known not in PAYLOADS:
        raise RuleViolation("unknown_kind", kind=kind)
    return PAYLOADS[known].from_payload(payload)


def _check_actor(ctx: ApplyContext, kind: Kind) -> None:
    if not (kind.by_youth if ctx.youth_id is not None else kind.by_cadre):
        raise RuleViolation("not_allowed")


def apply(ctx: ApplyContext, kind: str, payload: Any) -> Outcome:
    """Apply an operation as the JSON of its payload (as queued, pushed or replayed): read
    into the kind's payload type, then handed to its handler."""
    known = Kind.find(kind)
    if known is None or known not in HANDLERS:
        raise RuleViolation("unknown_kind", kind=kind)
    _check_actor(ctx, known)  # who may ask comes before what was asked
    return HANDLERS[known](ctx, PAYLOADS[known].from_payload(payload))


def undoable(kind: str) -> bool:
    """Whether a pending operation of `kind` may be taken back (see `Kind.undoable`)."""
    known = Kind.find(kind)
    return known is None or known.undoable


def youth_may(kind: str) -> bool:
    """Whether a youth may push `kind` through the public API (unknown kinds: no)."""
    known = Kind.find(kind)
    return known is not None and known.by_youth


# --- helpers for handlers ------------------------------------------------------------------------


def existing(ctx: ApplyContext, table: str, record_id: str) -> dict[str, Any]:
    """The live row, or RuleViolation `not_found`."""
    row = ctx.get(table, record_id)
    if row is None:
        raise RuleViolation("not_found")
    return row


def own(ctx: ApplyContext, row: dict[str, Any]) -> dict[str, Any]:
    """A youth acts only on their own registrations and follows; another's reads as absent."""
    if ctx.youth_id is not None and row["youth_id"] != ctx.youth_id:
        raise RuleViolation("not_found")
    return row
