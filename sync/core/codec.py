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
    """{field: its type, without None} of a record."""
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


def row_encoder(
    record: type, columns: typing.Sequence[str]
) -> typing.Callable[[typing.Sequence[Any]], dict[str, Any]]:
    """`to_json` of `record`'s fields from result rows whose columns are `columns` (by
    position), for many rows of one query: where each field sits and which are times or dates
    is worked out once, not tested value by value (a pull page of 1,000 rows: several times
    faster). Values read from a table are never enums (they are stored as text)."""
    kinds = field_types(record)
    fields = list(kinds)
    positions = [list(columns).index(name) for name in fields]
    timed = [name for name in fields if kinds[name] in (datetime, date)]

    def encode(row: typing.Sequence[Any]) -> dict[str, Any]:
        values = dict(zip(fields, [row[i] for i in positions], strict=True))
        for name in timed:
            value = values[name]
            if value is not None:
                values[name] = value.isoformat()
        return values

    return encode


def from_json(record: type, data: typing.Mapping[str, Any]) -> dict[str, Any]:
    """Python values for the fields of `record` present in `data`; unknown keys are an error."""
    kinds = field_types(record)
    out = {}
    for name, value in data.items():
        if name not in kinds:
            raise KeyError(f"{record.__name__} has no field {name!r}")
        out[name] = None if value is None else value_from_json(kinds[name], value)
    return out


def value_from_json(kind: type, value: Any) -> Any:
    """The Python value of one field of type `kind` from its JSON (not None)."""
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if issubclass(kind, StrEnum):
        return kind(value)
    if kind is float and isinstance(value, int):
        return float(value)
    return value
