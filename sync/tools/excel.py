"""Excel in and out (openpyxl, no Qt): registration and follower lists exported with Chinese
headers, and walk-in registration lists read and checked row by row before anything is imported.

Exports mask phone and ID numbers unless the caller says the user chose, and may, see them in
full. Every text cell that Excel could take for a formula is neutralised. Problems are codes
with parameters (`Problem`); the desktop turns them into sentences in the user's language.
"""

from __future__ import annotations

import logging
import re
import threading
import zipfile
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sync.core import messages, rules
from sync.core.privacy import mask_id_number, mask_phone
from sync.core.records import CHINA_TIME
from sync.core.rules import Problem

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
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
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
    if progress:
        progress(written, total or written)
    log.info("exported %d rows to %s (full personal data: %s)", written, path, full)
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
    """Rows: name, phone, school, activity_title, org_name, first_in, last_out, hours."""
    return export_rows(path, rows, HOURS_COLUMNS, title="志愿时长", **options)


# --- import ----------------------------------------------------------------------------------

# Header → field of a youth. Variants a cadre's own list may use are accepted too.
IMPORT_HEADERS: dict[str, str] = {
    "姓名": "name",
    "手机号": "phone",
    "手机号码": "phone",
    "联系电话": "phone",
    "性别": "gender",
    "出生日期": "birth_date",
    "学校/单位": "school_or_employer",
    "学校或单位": "school_or_employer",
    "学校": "school_or_employer",
    "单位": "school_or_employer",
    "身份证号": "id_number",
    "身份证号码": "id_number",
}
REQUIRED_FIELDS = ("name", "phone")
FIELD_HEADERS = {"name": "姓名", "phone": "手机号"}
GENDERS = {"男": "male", "女": "female", "未知": "unknown", "": "unknown"}
HEADER_SEARCH_ROWS = 10  # a title line or two may stand above the header


def id_number_birth_date(number: str) -> date | None:
    """The birth date written into an 18-character ID number."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


@dataclass
class ImportRow:
    row_number: int  # as Excel shows it, so the cadre finds the row
    values: dict[str, Any]  # name, phone, gender, birth_date, school_or_employer, id_number
    problems: list[Problem] = field(default_factory=list)

    @property
    def good(self) -> bool:
        return not self.problems


@dataclass
class ImportPreview:
    rows: list[ImportRow]
    columns: list[str]  # the fields found in the sheet

    @property
    def good(self) -> list[ImportRow]:
        return [r for r in self.rows if r.good]

    @property
    def bad(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.good]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone typed into a number cell
    return unneutralise(str(value)).strip()


def _parse_date(value: Any) -> date | Problem | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value).replace("/", "-").replace(".", "-")
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.fullmatch(
        r"(\d{4})年(\d{1,2})月(\d{1,2})日", text
    )
    if match is None and re.fullmatch(r"\d{8}", text):
        match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text)
    if match is None:
        return Problem("import_bad_date", "birth_date", {"value": text})
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return Problem("import_bad_date", "birth_date", {"value": text})


def check_row(values: dict[str, Any], raw: Mapping[str, Any], today: date) -> list[Problem]:
    """Everything wrong with one row: the shared youth rules (`sync.core.rules.validate_youth`) plus
    what only a spreadsheet gets wrong (an unreadable date or gender, an ID number stored as a
    number, a birth date that contradicts the ID number)."""
    problems: list[Problem] = []
    birth = values["birth_date"]
    if isinstance(birth, Problem):
        problems.append(birth)
        values["birth_date"] = birth = None
    if raw.get("gender", "") not in GENDERS:
        problems.append(Problem("import_bad_gender", "gender", {"value": raw["gender"]}))
    number = values["id_number"]
    if number and isinstance(raw.get("id_number"), int | float):
        # Excel keeps 15 significant digits: the last ones of an 18-digit number are lost.
        problems.append(Problem("import_id_number_as_number", "id_number"))
        values["id_number"] = number = ""
    problems += rules.validate_youth(values, today=today)
    if number and birth and rules.id_number_valid(number) and id_number_birth_date(number) != birth:
        problems.append(Problem("import_birth_date_mismatch", "birth_date"))
    return problems


def read_registrations(
    path: Path,
    *,
    registered_phones: Collection[str] = (),
    registered_id_numbers: Collection[str] = (),
    today: date,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> ImportPreview:
    """Read a walk-in list and check every row; nothing is imported here.

    Raises ExcelFileError when the file as a whole cannot be used (not an .xlsx, locked, empty,
    required columns missing); a bad row is kept in the preview with its problems.
    """
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as error:
        raise ExcelFileError("file_missing", path=str(path)) from error
    except PermissionError as error:
        raise ExcelFileError("file_locked", path=str(path)) from error
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ExcelFileError("not_xlsx", path=str(path)) from error
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise ExcelFileError("empty_sheet")
        total = max(0, (sheet.max_row or 0) - 1)
        rows = sheet.iter_rows(values_only=True)
        header_row, columns = _find_header(rows)
        missing = [FIELD_HEADERS[f] for f in REQUIRED_FIELDS if f not in columns.values()]
        if missing:
            raise ExcelFileError("missing_columns", columns="、".join(missing))
        preview = ImportPreview(rows=[], columns=sorted(set(columns.values())))
        seen_phones: dict[str, int] = {}
        seen_ids: dict[str, int] = {}
        registered_ids = {n.upper() for n in registered_id_numbers}
        registered_phones = set(registered_phones)
        for offset, cells in enumerate(rows, start=1):
            if cancelled is not None and cancelled.is_set():
                raise ImportCancelled
            row_number = header_row + offset
            raw = {columns[i]: v for i, v in enumerate(cells) if i in columns}
            if all(_text(v) == "" for v in raw.values()):
                continue  # blank lines between blocks are not rows
            values = {
                "name": _text(raw.get("name")),
                "phone": re.sub(r"[\s-]", "", _text(raw.get("phone"))),
                "gender": GENDERS.get(_text(raw.get("gender")), "unknown"),
                "birth_date": _parse_date(raw.get("birth_date")),
                "school_or_employer": _text(raw.get("school_or_employer")),
                "id_number": _text(raw.get("id_number")).upper(),
            }
            raw_clean = {**raw, "gender": _text(raw.get("gender"))}
            problems = check_row(values, raw_clean, today)
            phone, number = values["phone"], values["id_number"]
            if phone and phone in registered_phones:
                problems.append(Problem("import_phone_registered", "phone"))
            elif phone in seen_phones:
                problems.append(
                    Problem("import_duplicate_phone", "phone", {"row": seen_phones[phone]})
                )
            if number and number in registered_ids:
                problems.append(Problem("import_id_registered", "id_number"))
            elif number and number in seen_ids:
                problems.append(
                    Problem("import_duplicate_id", "id_number", {"row": seen_ids[number]})
                )
            if phone:
                seen_phones.setdefault(phone, row_number)
            if number:
                seen_ids.setdefault(number, row_number)
            preview.rows.append(ImportRow(row_number, values, problems))
            if progress and offset % PROGRESS_EVERY == 0:
                progress(offset, total)
        if not preview.rows:
            raise ExcelFileError("empty_sheet")
        if progress:
            progress(total, total)
        return preview
    finally:
        workbook.close()


class ImportCancelled(Exception):
    """The user cancelled reading a list; nothing was imported."""


def _find_header(rows: Iterable[tuple[Any, ...]]) -> tuple[int, dict[int, str]]:
    """(row number of the header, {column index: field}); the header is the first row among
    the first few that names at least one known column."""
    number = 0
    for number, cells in enumerate(rows, start=1):
        columns = {}
        for i, cell in enumerate(cells):
            key = _text(cell).replace(" ", "").replace("／", "/").rstrip("*")
            if key in IMPORT_HEADERS and IMPORT_HEADERS[key] not in columns.values():
                columns[i] = IMPORT_HEADERS[key]
        if columns:
            return number, columns
        if number >= HEADER_SEARCH_ROWS:
            break
    if number == 0:
        raise ExcelFileError("empty_sheet")
    raise ExcelFileError("missing_columns", columns="、".join(FIELD_HEADERS.values()))
