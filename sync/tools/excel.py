"""Excel out (openpyxl, no Qt): registration and follower lists exported with Chinese headers.
Lists coming in are read by `sync.tools.spreadsheet` and checked by the import that reads them.

Exports mask phone and ID numbers unless the caller says the user chose, and may, see them in
full. Every text cell that Excel could take for a formula is neutralised. Problems are codes
with parameters (`Problem`); the desktop turns them into sentences in the user's language.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sync.core import messages
from sync.core.privacy import mask_id_number, mask_phone
from sync.core.records import CHINA_TIME

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]

# Excel, LibreOffice and Google Sheets run a cell that starts with one of these as a formula
# (CSV/formula injection); a tab or carriage return in front hides it from a quick look.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
QUOTE = "'"
DATE_FORMAT = "yyyy-mm-dd"
TIME_FORMAT = "yyyy-mm-dd hh:mm"
PROGRESS_EVERY = 500

GENDER_TEXT = {"male": "男", "female": "女", "unknown": "未知"}
SOURCE_TEXT = {"online": "线上报名", "walk_in": "现场报名", "import": "Excel 导入"}


def neutralise(value: str) -> str:
    """A text that cannot run as a formula: a leading quote, as Excel users type it themselves."""
    return QUOTE + value if value.startswith(FORMULA_STARTS) else value


def unneutralise(value: str) -> str:
    """The text `neutralise` was given (a list exported here and read back stays the same)."""
    if value.startswith(QUOTE) and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


# --- export ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # in characters; a CJK character counts about two
    value: Callable[[Mapping[str, Any], bool], Any]  # (row, full) -> cell value


def _local(value: datetime | None) -> datetime | None:
    """Excel has no time zones: write China wall-clock time, naive."""
    return value.astimezone(CHINA_TIME).replace(tzinfo=None) if value else None


def _phone(row: Mapping[str, Any], full: bool) -> str:
    phone = row.get("phone") or ""
    return phone if full else mask_phone(phone)


def _id_number(row: Mapping[str, Any], full: bool) -> str:
    number = row.get("id_number") or ""
    return number if full else mask_id_number(number)


def _status(row: Mapping[str, Any], _full: bool) -> str:
    return messages.LABELS.get(row["status"], row["status"])


REGISTRATION_COLUMNS: tuple[Column, ...] = (
    Column("姓名", 12, lambda r, _: r["name"]),
    Column("手机号", 15, _phone),
    Column("性别", 6, lambda r, _: GENDER_TEXT.get(r["gender"], "")),
    Column("出生日期", 12, lambda r, _: r.get("birth_date")),
    Column("学校/单位", 28, lambda r, _: r.get("school_or_employer") or ""),
    Column("身份证号", 21, _id_number),
    Column("活动", 34, lambda r, _: r.get("activity_title") or ""),
    Column("报名时间", 17, lambda r, _: _local(r.get("registered_at"))),
    Column("状态", 8, _status),
    Column("来源", 10, lambda r, _: SOURCE_TEXT.get(r.get("source") or "", "")),
    Column("拒绝理由", 26, lambda r, _: r.get("reject_reason") or ""),
    Column("审核时间", 17, lambda r, _: _local(r.get("reviewed_at"))),
)

FOLLOWER_COLUMNS: tuple[Column, ...] = (
    Column("姓名", 12, lambda r, _: r["name"]),
    Column("手机号", 15, _phone),
    Column("性别", 6, lambda r, _: GENDER_TEXT.get(r.get("gender") or "", "")),
    Column("出生日期", 12, lambda r, _: r.get("birth_date")),
    Column("学校/单位", 28, lambda r, _: r.get("school_or_employer") or ""),
    Column("关注组织", 30, lambda r, _: r.get("org_name") or ""),
    Column("关注时间", 17, lambda r, _: _local(r.get("followed_at"))),
    Column("来源活动", 34, lambda r, _: r.get("source_activity_title") or ""),
    Column("参加活动数", 10, lambda r, _: r.get("activity_count") or 0),
    Column("标签", 24, lambda r, _: "、".join(r.get("tags") or ())),
)


# What a volunteer-service certificate (志愿服务证明) asks for, one row per person and activity.
HOURS_COLUMNS: tuple[Column, ...] = (
    Column("姓名", 12, lambda r, _: r["name"]),
    Column("手机号", 15, _phone),
    Column("学校/单位", 28, lambda r, _: r.get("school") or ""),
    Column("服务活动", 34, lambda r, _: r["activity_title"]),
    Column("组织单位", 30, lambda r, _: r["org_name"]),
    Column("签到时间", 17, lambda r, _: _local(r.get("first_in"))),
    Column("签退时间", 17, lambda r, _: _local(r.get("last_out"))),
    Column("志愿时长（小时）", 14, lambda r, _: r["hours"]),
    Column("服务日期", 12, lambda r, _: r.get("service_date")),
    Column("按规则计时（小时）", 14, lambda r, _: r.get("counted", r["hours"])),
    Column("更正原因", 24, lambda r, _: r.get("reason") or ""),
    Column("更正人", 12, lambda r, _: r.get("corrected_by") or ""),
    Column("确认后更正", 10, lambda r, _: "是" if r.get("after_confirmation") else ""),
    Column("累计志愿时长（小时）", 16, lambda r, _: r.get("total", r["hours"])),
    Column("确认人", 12, lambda r, _: r.get("confirmed_by") or ""),
    Column("确认时间", 17, lambda r, _: _local(r.get("confirmed_at"))),
)


class ExcelFileError(Exception):
    """The file cannot be read or written; `code` names why (see the desktop's texts)."""

    def __init__(self, code: str, **params: Any):
        super().__init__(code, params)
        self.code = code
        self.params = params


def export_rows(
    path: Path,
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[Column],
    *,
    title: str,
    full: bool = False,
    total: int = 0,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> int:
    """Write `rows` to an .xlsx at `path`; returns the number of rows written.

    Phone and ID numbers are masked unless `full`; the caller logs a full export like a reveal.
    Written to a temporary file first, so a cancelled or failed export leaves no half file.
    """
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    written = _write_sheet(workbook, title, rows, columns, full, total, progress, cancelled)
    save_workbook(workbook, path)
    if progress:
        progress(written, total or written)
    log.info("exported %d rows to %s (full personal data: %s)", written, path, full)
    return written


def _write_sheet(
    workbook: Any,
    title: str,
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[Column],
    full: bool = False,
    total: int = 0,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> int:
    """One sheet: a bold frozen header, then the rows; returns how many were written."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet = workbook.create_sheet(title[:31])
    sheet.freeze_panes = "A2"
    for i, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="F2F2F2")
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="center")
        header.append(cell)
    sheet.append(header)
    written = 0
    for row in rows:
        if cancelled is not None and cancelled.is_set():
            raise ExportCancelled
        sheet.append([_cell(sheet, column.value(row, full)) for column in columns])
        written += 1
        if progress and written % PROGRESS_EVERY == 0:
            progress(written, total)
    return written


def save_workbook(workbook: Any, path: Path) -> None:
    """Written to a temporary file first, so a failed export leaves no half file."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        workbook.save(temporary)
        temporary.replace(path)
    except PermissionError as error:
        raise ExcelFileError("file_locked", path=str(path)) from error
    except OSError as error:
        raise ExcelFileError("cannot_write", path=str(path), error=str(error)) from error
    finally:
        temporary.unlink(missing_ok=True)


@dataclass(frozen=True)
class Sheet:
    """A table of figures as shown on screen: headers and rows of plain values."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Any]]


def export_sheets(path: Path, sheets: Sequence[Sheet]) -> int:
    """Several tables, one sheet each (the 统计 page's tables, its report); rows written."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    written = 0
    for sheet in sheets:
        columns = [
            Column(h, max(10, 2 * len(h) + 4), lambda r, _, i=i: r[i])
            for i, h in enumerate(sheet.headers)
        ]
        written += _write_sheet(workbook, sheet.title, sheet.rows, columns)  # type: ignore[arg-type]
    save_workbook(workbook, path)
    log.info("exported %d sheets, %d rows to %s", len(sheets), written, path)
    return written


class ExportCancelled(Exception):
    """The user cancelled an export; no file was written."""


def _cell(sheet: Any, value: Any) -> Any:
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=neutralise(value))
        cell.data_type = "s"  # never a formula, whatever openpyxl would guess
        return cell
    if isinstance(value, datetime):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = TIME_FORMAT
        return cell
    if isinstance(value, date):
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = DATE_FORMAT
        return cell
    return value


def export_registrations(path: Path, rows: Iterable[Mapping[str, Any]], **options: Any) -> int:
    """Rows of `sync.client.store.registration_queries.registration_rows`, in the order to write."""
    return export_rows(path, rows, REGISTRATION_COLUMNS, title="报名名单", **options)


def export_followers(path: Path, rows: Iterable[Mapping[str, Any]], **options: Any) -> int:
    """Follower rows: name, phone, gender, birth_date, school_or_employer, org_name,
    followed_at, source_activity_title, activity_count, tags (a list of strings)."""
    return export_rows(path, rows, FOLLOWER_COLUMNS, title="粉丝名单", **options)


def export_hours(path: Path, rows: Iterable[Mapping[str, Any]], **options: Any) -> int:
    """Rows of `sync.client.store.checkin_queries.hours_rows`: what a volunteer-service
    certificate states (name, phone, school, activity, organisation, date, check-in and -out,
    hours), the correction in force, the person's total and the confirmation."""
    return export_rows(path, rows, HOURS_COLUMNS, title="志愿时长", **options)
