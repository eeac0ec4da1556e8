"""Which organisations an account may see: its own and everything below it.

Every replicated row carries `scope_path`, the materialised path of the organisation owning it
("/<province>/<city>/<county>/<org>/"; "/" for youths and categories). An organisation's own row
holds its path, so "in the scope of X" is one prefix test against X's path.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Connection, String, bindparam, literal, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement

from sync.server.tables import ROOT_SCOPE, SCOPE_PATH_LENGTH, organizations


class ScopeError(LookupError):
    """The record is outside the caller's scope (or does not exist). Reported as 404, not 403,
    so a grassroots account cannot learn that a sibling's record exists."""


def child_path(parent_path: str, org_id: str) -> str:
    """The path of organisation `org_id` under a parent with path `parent_path`."""
    if "/" in org_id:
        raise ValueError(f"an organisation id cannot contain '/': {org_id!r}")
    path = f"{parent_path}{org_id}/"
    if len(path) > SCOPE_PATH_LENGTH:
        raise ValueError(f"organisation tree too deep for a {SCOPE_PATH_LENGTH}-character path")
    return path


def org_path(conn: Connection, org_id: str | None) -> str:
    """The materialised path of an organisation; ScopeError when there is none (or it is
    deleted)."""
    path = conn.scalar(
        select(organizations.c.scope_path).where(
            organizations.c.id == org_id, organizations.c.deleted.is_(False)
        )
    )
    if path is None:
        raise ScopeError(org_id)
    return path


def path_in_scope(account_org_path: str, path: str) -> bool:
    return path.startswith(account_org_path)


def in_scope(conn: Connection, account_org_path: str, org_id: str | None) -> bool:
    """Whether organisation `org_id` is the account's organisation or one below it."""
    try:
        return path_in_scope(account_org_path, org_path(conn, org_id))
    except ScopeError:
        return False


def require_in_scope(conn: Connection, account_org_path: str, org_id: str | None) -> str:
    """`org_id`'s path, or ScopeError (→ 404) when it is outside the account's scope."""
    path = org_path(conn, org_id)
    if not path_in_scope(account_org_path, path):
        raise ScopeError(org_id)
    return path


# --- the prefix condition in SQL --------------------------------------------------------------


class _WithinScope(FunctionElement[bool]):
    type = Boolean()
    inherit_cache = True
    name = "within_scope"
    # A comparison, not a boolean value: without this SQLAlchemy writes `(...) = 1` on SQLite,
    # and SQLite then scans the whole table instead of searching the scope_path index.
    _is_implicitly_boolean = True


class _WithinScopeUnindexed(_WithinScope):
    inherit_cache = True


def within_scope(column: Any, path: str, *, by_index: bool = True) -> ColumnElement[bool]:
    """SQL for "`column` (a scope_path) lies within `path`", i.e. `column LIKE path || '%'`,
    written so each backend answers it from its scope_path index:

    - PostgreSQL: LIKE 'prefix%' (the index uses text_pattern_ops, whatever the collation);
    - SQLite: LIKE ignores ASCII case and skips the index, but its default collation compares
      bytes, so the range [path, path-with-its-last-'/'-raised-to-'0') is the same set.

    `by_index=False`: SQLite may not answer it from the scope_path index (`+column`), for a
    query better served by another index (`replication.pull`).
    """
    return _within(column, *(literal(v) for v in _bounds(path)), by_index=by_index)


SCOPE_PARAMETERS = ("scope_path", "scope_like", "scope_upper")


def within_any_scope(column: Any, *, by_index: bool = True) -> ColumnElement[bool]:
    """`within_scope` with the path left as parameters: for a statement built once and run for
    every account with `scope_parameters(path)` (building a select costs more than running it)."""
    values = (bindparam(name, type_=String) for name in SCOPE_PARAMETERS)
    return _within(column, *values, by_index=by_index)


def scope_parameters(path: str) -> dict[str, str]:
    """The values of `within_any_scope`'s parameters for the scope `path`."""
    return dict(zip(SCOPE_PARAMETERS, _bounds(path), strict=True))


def _bounds(path: str) -> tuple[str, str, str]:
    """(path, its LIKE pattern, the first string after every path below it)."""
    if not (path.startswith(ROOT_SCOPE) and path.endswith("/")):
        raise ValueError(f"not a scope path: {path!r}")
    like = path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    upper = path[:-1] + "0"  # chr(ord("/") + 1): only "<path>..." sorts in [path, upper)
    return path, like, upper


def _within(column: Any, path: Any, like: Any, upper: Any, *, by_index: bool) -> Any:
    kind = _WithinScope if by_index else _WithinScopeUnindexed
    return kind(column, path, like, upper)


@compiles(_WithinScope)
def _compile_like(element: _WithinScope, compiler: Any, **kw: Any) -> str:
    column, _lower, like, _upper = element.clauses
    # PostgreSQL's LIKE escapes with a backslash by default.
    return f"({compiler.process(column, **kw)} LIKE {compiler.process(like, **kw)})"


@compiles(_WithinScope, "sqlite")
def _compile_range(element: _WithinScope, compiler: Any, **kw: Any) -> str:
    column, lower, _like, upper = element.clauses
    col = compiler.process(column, **kw)
    if isinstance(element, _WithinScopeUnindexed):
        col = f"+{col}"  # SQLite's way to keep a term off the indexes
    return f"({col} >= {compiler.process(lower, **kw)} AND {col} < {compiler.process(upper, **kw)})"
