"""A period's requests (诉求) to Excel for the yearly summary (openpyxl, no Qt): one sheet of the
requests, one of counts and average time to reply per category, one per organisation.

Phones are masked (this export never carries whole numbers); text cells are neutralised as in
`sync.tools.excel`, and the file is written whole or not at all.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sync.core import messages
from sync.core.privacy import mask_phone
from sync.core.records import CHINA_TIME
from sync.tools.excel import TIME_FORMAT, neutralise, save_workbook

log = logging.getLogger(__name__)

CONTACT_TEXT = {"app": "在线查看", "phone": "电话联系", "sms": "短信联系"}

REQUEST_COLUMNS: tuple[tuple[str, int], ...] = (
    ("提交时间", 17),
    ("状态", 8),
    ("类别", 10),
    ("青年自选类别", 12),
    ("青年", 10),
    ("手机号", 14),
    ("联系方式", 10),
    ("承办组织", 30),
    ("诉求内容", 60),
    ("首次答复时间", 17),
    ("答复用时（小时）", 12),
)
SUMMARY_COLUMNS: tuple[tuple[str, int], ...] = (
    ("名称", 30),
    ("诉求数", 10),
    ("已答复", 10),
    ("平均答复用时（小时）", 20),
)


def _local(value: datetime | None) -> datetime | None:
    """Excel has no time zones: China wall-clock time, naive."""
    return value.astimezone(CHINA_TIME).replace(tzinfo=None) if value else None


def reply_hours(row: Mapping[str, Any]) -> float | None:
    if not row.get("replied_at") or not row.get("submitted_at"):
        return None
    return round((row["replied_at"] - row["submitted_at"]).total_seconds() / 3600, 1)


def _request_line(row: Mapping[str, Any]) -> list[Any]:
    return [
        _local(row["submitted_at"]),
        messages.LABELS.get(row["state"], row["state"]),
        row["category"] or "未分类",
        row["category_guess"],
        row["name"],
        mask_phone(row["phone"] or ""),
        CONTACT_TEXT.get(row["contact"], row["contact"]),
        row["org_name"],
        row["text"],
        _local(row["replied_at"]),
        reply_hours(row),
    ]


def export_requests(
    path: Path,
    rows: Sequence[Mapping[str, Any]],
    by_category: Sequence[Any],
    by_org: Sequence[Any],
    *,
    period: str,
) -> int:
    """Write the workbook; returns the number of requests. `by_category` and `by_org` hold
    `request_queries.GroupSummary`s; `period` titles the summary sheets (e.g. 2026-01-01 至
    2026-12-31)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheets = [
        (workbook.active, "诉求", REQUEST_COLUMNS, [_request_line(r) for r in rows]),
    ]
    for title, groups in (("按类别", by_category), ("按组织", by_org)):
        lines = [
            [
                g.name or "未分类",
                g.total,
                g.replied,
                None if g.average_reply_hours is None else round(g.average_reply_hours, 1),
            ]
            for g in groups
        ]
        sheets.append((workbook.create_sheet(), title, SUMMARY_COLUMNS, lines))
    for sheet, title, columns, lines in sheets:
        sheet.title = title
        if title != "诉求":
            sheet.append([f"{title}统计 {period}"])
            sheet["A1"].font = Font(bold=True)
        sheet.append([header for header, _ in columns])
        for i, (_, width) in enumerate(columns, start=1):
            sheet.column_dimensions[get_column_letter(i)].width = width
            sheet.cell(row=sheet.max_row, column=i).font = Font(bold=True)
        for line in lines:
            sheet.append([neutralise(v) if isinstance(v, str) else v for v in line])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, datetime):
                    cell.number_format = TIME_FORMAT
                elif isinstance(cell.value, str):
                    cell.data_type = "s"  # never a formula
    save_workbook(workbook, path)
    log.info("exported %d requests to %s", len(rows), path)
    return len(rows)
