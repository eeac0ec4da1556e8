"""Read queries of the 诉求 page over the local replica: the queue filtered, searched and sorted in
SQL, display rows a page at a time, one request's history, the overdue count and the period
summary for the Excel export.

Functions take a connection first and are called through `Store.read(func, ...)`. Overdue is
`sync.core.rules.request_overdue` in SQL: waiting for a reply and submitted before the cutoff
(`rules.working_days_before`), which the caller computes once from the clock and the settings.
Text is searched through the FTS5 index of `request_search`; the counts the page shows are the
length of the id list it reads anyway (no second query a keystroke), and the status bar's
overdue count is read on a change of the requests or of the clock, not while typing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    case,
    column,
    func,
    literal_column,
    select,
    table,
    true,
)

from sync.client.store import request_search
from sync.client.store.tables import organizations, request_events, requests, youths
from sync.core.records import RequestState
from sync.core.rules import AWAITING_REPLY

# Sort keys of the queue, in no particular order; each a column of the request or a join.
REQUEST_SORT_COLUMNS: dict[str, Any] = {
    "submitted_at": requests.c.submitted_at,
    "state": requests.c.state,
    "category": requests.c.category,
    "org": organizations.c.name,
    "name": youths.c.name,
    "text": requests.c.text,
    "replied_at": requests.c.replied_at,
}


@dataclass(frozen=True)
class RequestQuery:
    """What the 诉求 page asks for; every field narrows the queue."""

    states: tuple[str, ...] = ()  # empty: every state
    category: str | None = None  # "" = not classified yet
    org_id: str | None = None  # held by this organisation or one below it
    overdue_before: datetime | None = None  # only overdue ones: submitted before this cutoff
    text: str = ""  # words of the text or the youth's name
    sort: str = "submitted_at"
    descending: bool = False  # oldest first: the queue is worked from the front


def overdue_condition(cutoff: datetime) -> ColumnElement[bool]:
    # +state: the range of submission times is what narrows; with the state as an equality
    # SQLite takes the (state, submitted_at) index and sorts what it found.
    return literal_column("+requests.state").in_([s.value for s in AWAITING_REPLY]) & (
        requests.c.submitted_at < cutoff
    )


def _subtree(org_id: str) -> Any:
    """The ids of `org_id` and every organisation below it."""
    tree = select(organizations.c.id).where(organizations.c.id == org_id).cte(recursive=True)
    tree = tree.union_all(select(organizations.c.id).where(organizations.c.parent_id == tree.c.id))
    return select(tree.c.id)


def request_conditions(query: RequestQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.states:
        # "Not archived" as the complement: the index on (submitted_at, id, state) then answers
        # the queue in order, without sorting (an IN of four states sorts 30,000 ids).
        others = [s.value for s in RequestState if s.value not in query.states]
        if len(others) < len(query.states):
            conditions.append(requests.c.state.not_in(others))
        else:
            conditions.append(requests.c.state.in_(list(query.states)))
    # Unary + keeps SQLite off the single-column indexes of category and organisation: it
    # guesses ~10 rows for them and would then sort what it found (a county's subtree: all of
    # them, 4x slower), where scanning ix_requests_queue in order costs about the same for
    # every filter (benchmarks/bench_requests.py).
    if query.category is not None:
        conditions.append(literal_column("+requests.category") == query.category)
    if query.org_id:
        conditions.append(literal_column("+requests.org_id").in_(_subtree(query.org_id)))
    if query.overdue_before is not None:
        conditions.append(overdue_condition(query.overdue_before))
    conditions.extend(_text_conditions(query.text))
    return conditions


_search = table(request_search.TABLE, column("rowid"), column(request_search.TABLE))


def _text_conditions(text: str) -> list[ColumnElement[bool]]:
    """Every word of `text` in the request's text or its youth's name, through the search
    index (`request_search`): one MATCH for all the words."""
    phrases = [p for p in map(request_search.match_expression, text.split()) if p]
    if not phrases:
        return []
    found = select(_search.c.rowid).where(
        _search.c[request_search.TABLE].op("MATCH")(" AND ".join(phrases))
    )
    return [literal_column("requests.rowid").in_(found)]


def request_ids(conn: Connection, query: RequestQuery) -> list[str]:
    """Ids of the matching requests in display order; rows are fetched later, page by page."""
    key = REQUEST_SORT_COLUMNS[query.sort]
    order = key.desc() if query.descending else key.asc()
    tiebreak = requests.c.id.desc() if query.descending else requests.c.id.asc()
    stmt = select(requests.c.id)
    if query.sort == "org":
        stmt = stmt.join(organizations, organizations.c.id == requests.c.org_id)
    if query.sort == "name":
        stmt = stmt.join(youths, youths.c.id == requests.c.youth_id)
    stmt = stmt.where(true(), *request_conditions(query)).order_by(order, tiebreak)
    # Straight from the driver's cursor: SQLAlchemy's rows cost more than SQLite's reading
    # for the tens of thousands of ids of a broad filter (16 ms against 9.5 for 30,000).
    result = conn.execute(stmt)
    try:
        return [request_id for (request_id,) in result.cursor.fetchall()]
    finally:
        result.close()


def request_rows(conn: Connection, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Display rows for the given ids: the request, its youth's name and phone (unmasked: the
    view masks) and the organisation holding it."""
    stmt = (
        select(
            requests,
            youths.c.name,
            youths.c.phone,
            organizations.c.name.label("org_name"),
        )
        .join(youths, youths.c.id == requests.c.youth_id)
        .join(organizations, organizations.c.id == requests.c.org_id)
        .where(requests.c.id.in_(list(ids)))
    )
    return {row.id: dict(row._mapping) for row in conn.execute(stmt)}


def request_history(conn: Connection, request_id: str) -> list[dict[str, Any]]:
    """The request's events, oldest first, with the organisation's name for an assignment."""
    stmt = (
        select(request_events, organizations.c.name.label("org_name"))
        .outerjoin(organizations, organizations.c.id == request_events.c.detail)
        .where(request_events.c.request_id == request_id)
        .order_by(request_events.c.at, request_events.c.id)
    )
    return [dict(r._mapping) for r in conn.execute(stmt)]


def overdue_count(conn: Connection, cutoff: datetime) -> int:
    return conn.scalar(select(func.count()).where(overdue_condition(cutoff))) or 0


def request_categories(conn: Connection) -> list[str]:
    """Categories in use (set by anyone), for a filter that also lists ones no longer offered."""
    stmt = select(requests.c.category).where(requests.c.category != "").distinct()
    return sorted(conn.scalars(stmt))


# --- the period summary (Excel) ---------------------------------------------------------------


@dataclass(frozen=True)
class GroupSummary:
    name: str  # a category ("" = not classified) or an organisation's name
    total: int
    replied: int
    average_reply_hours: float | None  # None: nothing replied yet


def _summary(conn: Connection, key: Any, start: datetime, end: datetime) -> list[GroupSummary]:
    # Julian days: SQLite's way to subtract two stored times (naive UTC text).
    hours = (func.julianday(requests.c.replied_at) - func.julianday(requests.c.submitted_at)) * 24
    stmt = (
        select(
            key.label("name"),
            func.count().label("total"),
            func.count(requests.c.replied_at).label("replied"),
            func.avg(case((requests.c.replied_at.is_not(None), hours))).label("hours"),
        )
        .select_from(requests.join(organizations, organizations.c.id == requests.c.org_id))
        .where(requests.c.submitted_at >= start, requests.c.submitted_at < end)
        .group_by(key)
        .order_by(func.count().desc(), key)
    )
    return [GroupSummary(r.name, r.total, r.replied, r.hours) for r in conn.execute(stmt)]


def summary_by_category(conn: Connection, start: datetime, end: datetime) -> list[GroupSummary]:
    return _summary(conn, requests.c.category, start, end)


def summary_by_org(conn: Connection, start: datetime, end: datetime) -> list[GroupSummary]:
    return _summary(conn, organizations.c.name, start, end)


def period_requests(conn: Connection, start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Every request submitted in [start, end), oldest first, as `request_rows` gives them."""
    ids = conn.scalars(
        select(requests.c.id)
        .where(requests.c.submitted_at >= start, requests.c.submitted_at < end)
        .order_by(requests.c.submitted_at, requests.c.id)
    ).all()
    rows = request_rows(conn, ids)
    return [rows[i] for i in ids]
