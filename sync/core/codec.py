"""JSON encoding of record values, for operation payloads and (later) the wire protocol.

Driven by the record's type hints, so a new field needs no new encoding code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime
from enum import StrEnum
from functools import cache
from typing import Any


@cache
def field_types(record: type) -> dict[str, type]:
    hints = typing.get_type_hints(record)
    result = {}
    for f in dataclasses.fields(record):
        hint = hints[f.name]
        if isinstance(hint, types.UnionType):
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        result[f.name] = hint
    return result


def to_json(record: type, values: typing.Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for name, value in values.items():
        if isinstance(value, datetime | date):
            value = value.isoformat()
        elif isinstance(value, StrEnum):
            value = value.value
        out[name] = value
    return out


def from_json(record: type, data: typing.Mapping[str, Any]) -> dict[str, Any]:
    """Python values for the fields of `record` present in `data`; unknown keys are an error."""
    kinds = field_types(record)
    out = {}
    for name, value in data.items():
        if name not in kinds:
            raise KeyError(f"{record.__name__} has no field {name!r}")
        kind = kinds[name]
        if value is not None:
            if kind is datetime:
                value = datetime.fromisoformat(value)
            elif kind is date:
                value = date.fromisoformat(value)
            elif issubclass(kind, StrEnum):
                value = kind(value)
            elif kind is float and isinstance(value, int):
                value = float(value)
        out[name] = value
    return out
