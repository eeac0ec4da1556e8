"""The access report for the yearly audit of minors' personal information (PIPL art. 54 and the
Minor Protection rules): which account saw whose whole phone and ID numbers, when.

It reads the server's log of applied operations, where every reveal is recorded with the kind
`personal.reveal`: those the reveal endpoint logs as it answers (`sync.server.personal`, which a
full export goes through too) and those older devices pushed. Nothing else records an access.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, select

from sync.core.operations import Kind, RevealPersonalData
from sync.core.privacy import needs_guardian_consent
from sync.core.protocol import OpStatus
from sync.core.records import CHINA_TIME
from sync.core.rules import RuleViolation
from sync.server.tables import RECORDS, accounts, applied_ops, organizations
from sync.tools.excel import neutralise

FIELD_NAMES = {"phone": "手机号", "id_number": "身份证号"}
RESULT_NAMES = {"applied": "已显示", "rejected": "被拒绝"}


@dataclass(frozen=True)
class AccessEntry:
    """One reveal: by whom, when (server time), of whose data, which fields, with what result."""

    at: datetime
    username: str
    display_name: str
    org_name: str
    youth_id: str
    youth_name: str
    minor: bool | None  # under 14 on the day of the reveal; None: birth date unknown
    fields: tuple[str, ...]
    result: str  # applied or rejected (an old device's reveal the server refused)
    op_id: str


def period(first: date, last: date) -> tuple[datetime, datetime]:
    """[start, end) of the China-time days `first` to `last`, both included."""
    start = datetime.combine(first, time(), CHINA_TIME)
    return start, datetime.combine(last + timedelta(days=1), time(), CHINA_TIME)


def access_entries(
    conn: Connection,
    *,
    since: datetime,
    until: datetime,
    username: str | None = None,
    minors_only: bool = False,
) -> list[AccessEntry]:
    """The reveals logged in [since, until), by account then time; one account's with
    `username`, only those of children under 14 with `minors_only`."""
    stmt = (
        select(
            applied_ops.c.op_id,
            applied_ops.c.payload,
            applied_ops.c.result,
            applied_ops.c.received_at,
            accounts.c.username,
            accounts.c.display_name,
            organizations.c.name.label("org_name"),
        )
        .join(accounts, accounts.c.id == applied_ops.c.account_id)
        .join(organizations, organizations.c.id == accounts.c.org_id)
        .where(
            applied_ops.c.kind == Kind.PERSONAL_REVEAL.value,
            applied_ops.c.received_at >= since,
            applied_ops.c.received_at < until,
        )
        .order_by(accounts.c.username, applied_ops.c.received_at, applied_ops.c.op_id)
    )
    if username:
        stmt = stmt.where(accounts.c.username == username.strip().lower())
    rows = conn.execute(stmt).all()
    reveals = [(row, _payload(row.payload)) for row in rows]
    youth_of = _youths_of(conn, [p for _, p in reveals if p is not None])
    entries = []
    for row, payload in reveals:
        youth_id, name, birth = ("", "", None)
        if payload is not None:
            youth_id, name, birth = youth_of.get(
                (payload.table, payload.id), (payload.id, "", None)
            )
        day = row.received_at.astimezone(CHINA_TIME).date()
        minor = needs_guardian_consent(birth, day) if birth is not None else None
        if minors_only and not minor:
            continue
        entries.append(
            AccessEntry(
                at=row.received_at,
                username=row.username,
                display_name=row.display_name,
                org_name=row.org_name,
                youth_id=youth_id,
                youth_name=name,
                minor=minor,
                fields=payload.fields if payload is not None else (),
                result=_status(row.result),
                op_id=row.op_id,
            )
        )
    return entries


def _payload(text: str) -> RevealPersonalData | None:
    """The reveal's payload; None for a damaged one (the entry is still listed: it happened)."""
    try:
        return RevealPersonalData.from_payload(json.loads(text))
    except (ValueError, RuleViolation):
        return None


def _status(text: str) -> str:
    try:
        status = json.loads(text).get("status")
    except (ValueError, AttributeError):
        status = None
    return OpStatus.REJECTED.value if status == OpStatus.REJECTED.value else OpStatus.APPLIED.value


def _youths_of(
    conn: Connection, payloads: Sequence[RevealPersonalData]
) -> dict[tuple[str, str], tuple[str, str, date | None]]:
    """(table, id) of each reveal → (youth id, name, birth date): a reveal names a youth, or a
    registration or follower of one (older devices)."""
    youth_ids: dict[tuple[str, str], str] = {}
    for table in ("registrations", "followers"):
        ids = sorted({p.id for p in payloads if p.table == table})
        t = RECORDS[table]
        for start in range(0, len(ids), 500):
            for record_id, youth_id in conn.execute(
                select(t.c.id, t.c.youth_id).where(t.c.id.in_(ids[start : start + 500]))
            ):
                youth_ids[(table, record_id)] = youth_id
    for p in payloads:
        if p.table == "youths":
            youth_ids[(p.table, p.id)] = p.id
    wanted = sorted(set(youth_ids.values()))
    y = RECORDS["youths"]
    found: dict[str, tuple[str, date | None]] = {}
    for start in range(0, len(wanted), 500):
        for youth_id, name, birth in conn.execute(
            select(y.c.id, y.c.name, y.c.birth_date).where(y.c.id.in_(wanted[start : start + 500]))
        ):
            found[youth_id] = (name, birth)
    return {
        key: (youth_id, *found.get(youth_id, ("", None))) for key, youth_id in youth_ids.items()
    }


# --- output ----------------------------------------------------------------------------------

DETAIL_HEADERS = (
    "时间",
    "账号",
    "账号名称",
    "组织",
    "青年编号",
    "青年姓名",
    "未满14岁",
    "查看内容",
    "结果",
)
SUMMARY_HEADERS = ("账号", "账号名称", "组织", "查看次数", "涉及青年", "其中未满14岁")


def detail_rows(entries: Iterable[AccessEntry]) -> list[tuple[str, ...]]:
    return [
        (
            e.at.astimezone(CHINA_TIME).strftime("%Y-%m-%d %H:%M:%S"),
            e.username,
            e.display_name,
            e.org_name,
            e.youth_id,
            e.youth_name,
            {True: "是", False: "否", None: "未知"}[e.minor],
            "、".join(FIELD_NAMES.get(f, f) for f in e.fields),
            RESULT_NAMES[e.result],
        )
        for e in entries
    ]


def summary_rows(entries: Iterable[AccessEntry]) -> list[tuple[str, ...]]:
    """Per account: its reveals shown, the youths they concern, how many of those children."""
    by_account: dict[str, dict[str, Any]] = {}
    for e in entries:
        if e.result != OpStatus.APPLIED.value:
            continue
        seen = by_account.setdefault(
            e.username, {"who": (e.display_name, e.org_name), "n": 0, "youths": {}, "minors": set()}
        )
        seen["n"] += 1
        seen["youths"][e.youth_id] = None
        if e.minor:
            seen["minors"].add(e.youth_id)
    return [
        (name, *s["who"], str(s["n"]), str(len(s["youths"])), str(len(s["minors"])))
        for name, s in sorted(by_account.items())
    ]


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """CSV whose cells cannot run as formulas when the auditor opens it in a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([neutralise(cell) for cell in row] for row in rows)
    return out.getvalue()


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def to_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Columns padded for a terminal (a Chinese character takes two cells)."""
    widths = [max(_width(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]
    lines = []
    for row in (headers, *rows):
        cells = [c + " " * (w - _width(c)) for c, w in zip(row, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
