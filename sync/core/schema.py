"""Database tables derived from `sync.core.records`, so a record's fields are written down once.

Both the desktop's local replica and the server build their tables here; each adds the
bookkeeping columns only it needs through `extra_columns`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
)

from sync.core.records import RECORD_TABLES


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; stored as naive UTC so SQLite sorts them."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: every time in the store must be aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def tag_condition(column: Any, tag: str) -> Any:
    """SQL for "the follower tags in `column` include `tag`": the tags are a JSON array of
    strings (`sync.core.rules.encode_tags`), so the quoted tag appears in it exactly when it is one
    of them. LIKE's wildcards in the tag are escaped."""
    quoted = '"' + tag.replace("\\", "\\\\").replace('"', '\\"') + '"'
    escaped = quoted.replace("!", "!!").replace("%", "!%").replace("_", "!_")
    return column.like(f"%{escaped}%", escape="!")


def _column_type(py_type: Any) -> tuple[Any, bool]:
    """(SQLAlchemy type, nullable) for a record field's annotation."""
    nullable = False
    if isinstance(py_type, types.UnionType) or typing.get_origin(py_type) is typing.Union:
        args = [a for a in typing.get_args(py_type) if a is not type(None)]
        nullable = len(args) != len(typing.get_args(py_type))
        (py_type,) = args
    if isinstance(py_type, type) and issubclass(py_type, StrEnum):
        return String(32), nullable
    mapping: dict[type, Any] = {
        str: Text(),
        int: Integer(),
        float: Float(),
        bool: Boolean(),
        datetime: UTCDateTime(),
        date: Date(),
    }
    return mapping[py_type], nullable


def columns_for(record: type) -> list[Column[Any]]:
    hints = typing.get_type_hints(record)
    columns: list[Column[Any]] = []
    for f in dataclasses.fields(record):
        sa_type, nullable = _column_type(hints[f.name])
        args: list[Any] = []
        if "foreign_key" in f.metadata:
            args.append(ForeignKey(f.metadata["foreign_key"]))
        primary = bool(f.metadata.get("primary_key"))
        if (primary or args) and isinstance(sa_type, Text):  # ids: bounded, indexable
            sa_type = String(64)
        default = None if f.default is dataclasses.MISSING else f.default
        if isinstance(default, StrEnum):
            default = default.value
        columns.append(
            Column(
                f.name,
                sa_type,
                *args,
                default=default,  # applied by SQLAlchemy on insert, as the record's default
                primary_key=primary,
                nullable=nullable and not primary,
                index=bool(f.metadata.get("index")),
            )
        )
    return columns


def record_tables(
    metadata: MetaData, extra_columns: typing.Callable[[str], list[Column[Any]]] | None = None
) -> dict[str, Table]:
    """One Table per replicated record, in dependency order."""
    tables = {}
    for name, record in RECORD_TABLES.items():
        extra = extra_columns(name) if extra_columns else []
        table = Table(name, metadata, *columns_for(record), *extra)
        for columns in getattr(record, "INDEXES", ()):
            Index(f"ix_{name}_{'_'.join(columns)}", *(table.c[c] for c in columns))
        tables[name] = table
    return tables


def row_to_record(record: type, row: typing.Mapping[str, Any]) -> Any:
    """Build a record from a result row, turning stored strings back into enums."""
    hints = typing.get_type_hints(record)
    values = {}
    for f in dataclasses.fields(record):
        value = row[f.name]
        hint = hints[f.name]
        if isinstance(hint, types.UnionType):
            hint = next(a for a in typing.get_args(hint) if a is not type(None))
        if value is not None and isinstance(hint, type) and issubclass(hint, StrEnum):
            value = hint(value)
        values[f.name] = value
    return record(**values)
