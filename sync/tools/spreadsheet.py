"""Reading lists that other people made (Excel, WPS, LibreOffice) for any import: the file's
problems told apart, the visible sheets with the active one first, the header row found below
information rows, columns mapped to fields by their known synonyms, and cell normalisers that
say what they changed. No Qt; what the rows mean is the caller's (`ImportSpec`)."""

from __future__ import annotations

import re
import threading
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

from sync.tools.excel import ExcelFileError, unneutralise

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
HEADER_SEARCH_ROWS = 20  # 填报单位、联系人 … and a title may stand above the header
# An encrypted workbook (Excel, WPS, LibreOffice "save with password") is an OLE compound
# file holding this stream; an old .xls is a compound file without it.
COMPOUND_FILE = bytes.fromhex("d0cf11e0a1b11ae1")
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
# What a formula that failed shows in its cell; never a value of the list.
FORMULA_ERRORS = frozenset(
    ("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA")
)
# Zero-width and direction marks copied from web pages and chat apps, and no-break spaces.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")


class ImportCancelled(Exception):
    """The user cancelled reading a list; nothing was imported."""


@dataclass(frozen=True)
class FieldSpec:
    key: str
    label: str  # the column's usual header, shown in the mapping step
    synonyms: tuple[str, ...] = ()  # other headers cadres use for it (compared normalised)
    required: bool = False


@dataclass(frozen=True)
class ImportSpec:
    """What one kind of import reads: its fields, in the order the mapping step shows them."""

    name: str  # remembers mappings per kind of import
    fields: tuple[FieldSpec, ...]

    def headers(self) -> dict[str, str]:
        """Normalised header text → field key."""
        found: dict[str, str] = {}
        for spec in self.fields:
            for text in (spec.label, *spec.synonyms):
                found.setdefault(header_key(text), spec.key)
        return found


@dataclass
class Sheet:
    name: str
    rows: list[tuple[Any, ...]]  # cell values as read, empty rows at the end dropped


@dataclass
class Workbook:
    """The visible sheets, the one the file was saved on first; hidden ones only named."""

    sheets: list[Sheet]
    hidden: list[str] = field(default_factory=list)

    def sheet(self, name: str | None) -> Sheet:
        return next((s for s in self.sheets if s.name == name), self.sheets[0])


@dataclass
class Layout:
    """Where the list is: the sheet, its header row (1-based as Excel shows it) and which
    column (0-based) holds each field; what the mapping step shows and the user may change."""

    sheet: str
    header_row: int
    columns: dict[str, int]  # field key → column index

    def header_texts(self, sheet: Sheet) -> list[str]:
        if not 1 <= self.header_row <= len(sheet.rows):
            return []
        return [text(v) for v in sheet.rows[self.header_row - 1]]


def header_key(value: Any) -> str:
    """A header as compared: half-width, no spaces, marks (*, ：) or notes in brackets such as
    （必填） or (选填)."""
    key = unicodedata.normalize("NFKC", INVISIBLE.sub("", text(value)))
    key = re.sub(r"\(.*?\)|\[.*?\]|【.*?】", "", key)
    return re.sub(r"[\s*:：]", "", key)


def text(value: Any) -> str:
    """A cell as text: a whole number typed in a number cell without `.0`, invisible
    characters dropped, formula neutralising undone, surrounding spaces stripped."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return INVISIBLE.sub("", unneutralise(str(value))).replace("\u00a0", " ").strip()


def is_formula_error(value: Any) -> bool:
    return isinstance(value, str) and value.strip() in FORMULA_ERRORS


# --- the file ------------------------------------------------------------------------------


def read_workbook(
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> Workbook:
    """Every visible sheet's cells. ExcelFileError names what is wrong with the file as a whole:
    file_missing, file_locked, password_protected, legacy_xls, not_xlsx, damaged, empty_sheet.

    python-calamine reads the sheets and their cells, ten times faster than openpyxl (a
    5,000-row list: 0.3 s of processor time → 0.03 s), but reads a formula's error (#DIV/0!,
    #N/A) as an empty cell: a workbook holding one has its cells read by openpyxl, which keeps
    them, so that an error is named, never taken for a missing value."""
    from python_calamine import CalamineError, CalamineWorkbook

    _check_container(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
        visible, hidden = _sheet_order(path, book.sheets_metadata)
        if _has_error_cells(path):
            sheets = _read_cells_openpyxl(path, visible, progress, cancelled)
        else:
            sheets = _read_cells_calamine(book, visible, progress, cancelled)
    except FileNotFoundError as error:
        raise ExcelFileError("file_missing", path=str(path)) from error
    except PermissionError as error:
        raise ExcelFileError("file_locked", path=str(path)) from error
    except (CalamineError, ParseError, KeyError, ValueError, TypeError, OSError) as error:
        raise ExcelFileError("damaged", path=str(path)) from error
    except (zipfile.BadZipFile, zlib.error) as error:
        raise ExcelFileError("damaged", path=str(path)) from error
    for sheet in sheets:
        while sheet.rows and all(text(v) == "" for v in sheet.rows[-1]):
            sheet.rows.pop()
    if not any(s.rows for s in sheets):
        raise ExcelFileError("empty_sheet")
    return Workbook([s for s in sheets if s.rows] or sheets, hidden)


# The tab the workbook was saved on (<workbookView activeTab="2"/>, 0 when not written):
# an index into all its sheets, worksheets or not, hidden or not.
_ACTIVE_TAB = re.compile(rb"""<workbookView\s[^>]*\bactiveTab\s*=\s*["'](\d+)["']""")
# A cell holding an error value (<c r="A2" t="e"><v>#DIV/0!</v></c>), however it is quoted.
_ERROR_CELL = re.compile(rb"""<c\s[^>]*\bt\s*=\s*["']e["']""")


def _sheet_order(path: Path, sheets: Sequence[Any]) -> tuple[list[str], list[str]]:
    """(the visible worksheets, the one the file was saved on first; the hidden ones)."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    with zipfile.ZipFile(path) as archive:
        found = _ACTIVE_TAB.search(archive.read("xl/workbook.xml"))
    active = int(found[1]) if found else 0
    worksheets = [(i, s) for i, s in enumerate(sheets) if s.typ == SheetTypeEnum.WorkSheet]
    worksheets.sort(key=lambda pair: pair[0] != active)
    visible = [s.name for _, s in worksheets if s.visible == SheetVisibleEnum.Visible]
    hidden = [s.name for i, s in sorted(worksheets) if s.visible != SheetVisibleEnum.Visible]
    return visible, hidden


def _has_error_cells(path: Path) -> bool:
    with zipfile.ZipFile(path) as archive:
        return any(
            _ERROR_CELL.search(archive.read(name))
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


def _read_cells_openpyxl(
    path: Path, names: list[str], progress: Progress | None, cancelled: threading.Event | None
) -> list[Sheet]:
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    try:
        worksheets = [book[name] for name in names]
        total = sum(s.max_row or 0 for s in worksheets)
        sheets, done = [], 0
        for worksheet in worksheets:
            rows: list[tuple[Any, ...]] = []
            for cells in worksheet.iter_rows(values_only=True):
                rows.append(cells)
                done += 1
                if done % PROGRESS_EVERY == 0:
                    _report(done, total, progress, cancelled)
            sheets.append(Sheet(worksheet.title, rows))
    finally:
        book.close()
    if progress:
        progress(done, done)
    return sheets


def _read_cells_calamine(
    book: Any, names: list[str], progress: Progress | None, cancelled: threading.Event | None
) -> list[Sheet]:
    """The cells as openpyxl gives them: an empty cell None, a whole number int, a date a
    datetime (calamine: "", float, date), so both readers make the same rows."""
    found = [(n, book.get_sheet_by_name(n).to_python(skip_empty_area=False)) for n in names]
    total = sum(len(rows) for _, rows in found)
    sheets, done = [], 0
    for name, rows in found:
        converted = []
        for cells in rows:
            converted.append(tuple(_as_openpyxl(v) for v in cells))
            done += 1
            if done % PROGRESS_EVERY == 0:
                _report(done, total, progress, cancelled)
        sheets.append(Sheet(name, converted))
    if progress:
        progress(done, done)
    return sheets


def _as_openpyxl(value: Any) -> Any:
    if value == "":
        return None
    if type(value) is float and value.is_integer():
        return int(value)
    if type(value) is date:
        return datetime(value.year, value.month, value.day)
    return value


def _report(
    done: int, total: int, progress: Progress | None, cancelled: threading.Event | None
) -> None:
    if cancelled is not None and cancelled.is_set():
        raise ImportCancelled
    if progress:
        progress(done, total)


def _check_container(path: Path) -> None:
    """Tell an encrypted workbook, an old .xls, something else and a broken .xlsx apart before
    openpyxl sees them (it would call them all the same thing, or raise what it finds)."""
    try:
        with path.open("rb") as file:
            start = file.read(8)
            if start == COMPOUND_FILE:
                encrypted = ENCRYPTED_STREAM in file.read()
                raise ExcelFileError(
                    "password_protected" if encrypted else "legacy_xls", path=str(path)
                )
    except FileNotFoundError as error:
        raise ExcelFileError("file_missing", path=str(path)) from error
    except PermissionError as error:
        raise ExcelFileError("file_locked", path=str(path)) from error
    if not start.startswith(b"PK"):
        raise ExcelFileError("not_xlsx", path=str(path))
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError) as error:
        raise ExcelFileError("damaged", path=str(path)) from error
    if "xl/workbook.xml" not in names:
        raise ExcelFileError("not_xlsx", path=str(path))  # a Word file, an .ods, a .zip …


# --- the layout ----------------------------------------------------------------------------


def detect_layout(spec: ImportSpec, sheet: Sheet) -> Layout:
    """The row among the first few that names the most known columns is the header (an
    information row naming one, 联系电话, loses to the real header naming several)."""
    headers = spec.headers()
    best_row, best = 1, {}
    for number, cells in enumerate(sheet.rows[:HEADER_SEARCH_ROWS], start=1):
        columns = map_columns(headers, cells)
        if len(columns) > len(best):
            best_row, best = number, columns
    return Layout(sheet.name, best_row, best)


def map_columns(headers: Mapping[str, str], cells: Sequence[Any]) -> dict[str, int]:
    """field key → the first column whose header names it."""
    columns: dict[str, int] = {}
    for i, cell in enumerate(cells):
        key = headers.get(header_key(cell))
        if key is not None and key not in columns:
            columns[key] = i
    return columns


def layout_for(spec: ImportSpec, sheet: Sheet, header_row: int) -> Layout:
    """The columns of a header row the user chose."""
    cells = sheet.rows[header_row - 1] if 1 <= header_row <= len(sheet.rows) else ()
    return Layout(sheet.name, header_row, map_columns(spec.headers(), cells))


def missing_fields(spec: ImportSpec, layout: Layout) -> list[FieldSpec]:
    return [f for f in spec.fields if f.required and f.key not in layout.columns]


def data_rows(sheet: Sheet, layout: Layout) -> list[tuple[int, dict[str, Any]]]:
    """(row number as Excel shows it, {field: raw cell}) below the header; blank rows skipped."""
    found = []
    for number in range(layout.header_row + 1, len(sheet.rows) + 1):
        cells = sheet.rows[number - 1]
        raw = {k: cells[i] if i < len(cells) else None for k, i in layout.columns.items()}
        if any(text(v) != "" for v in raw.values()):
            found.append((number, raw))
    return found


# --- normalisers ------------------------------------------------------------------------


def _half_width(value: Any) -> str:
    return unicodedata.normalize("NFKC", text(value))


def normalise_phone(value: Any) -> str:
    """A mainland mobile number as 11 digits: full-width digits, +86 / (+86) / 0086, spaces,
    dashes and invisible characters removed. Whatever is left is checked by the rules."""
    phone = re.sub(r"[\s\-()]", "", _half_width(value))
    for prefix in ("+86", "0086"):
        if phone.startswith(prefix):
            return phone[len(prefix) :]
    if len(phone) == 13 and phone.startswith("861"):
        return phone[2:]
    return phone


def is_masked(value: str) -> bool:
    """A number as our own masked exports write it (138****5678)."""
    return "*" in value and bool(re.fullmatch(r"[\dXx]+\*+[\dXx]+", value))


def normalise_id_number(value: Any) -> str:
    return re.sub(r"\s", "", _half_width(value)).upper()


DATE_FORMS = (
    re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?"),
    re.compile(r"(\d{4})(\d{2})(\d{2})"),
)
MONTH_FORMS = (re.compile(r"(\d{4})[-/.年](\d{1,2})月?"), re.compile(r"(\d{4})(\d{2})"))


@dataclass(frozen=True)
class ParsedDate:
    value: date
    month_only: bool = False  # 2008年5月: the day is not known


def parse_date(value: Any) -> ParsedDate | None:
    """2008-05-03, 2008/5/3, 2008.05.03 (also full-width ２００８．０５．０３), 2008年5月3日,
    20080503, a real date cell; 2008年5月 and 2008-05 as a month (day 1, marked month_only).
    None when empty; ValueError when it is not a date."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return ParsedDate(value.date())
    if isinstance(value, date):
        return ParsedDate(value)
    written = re.sub(r"\s", "", _half_width(value))
    if not written:
        return None
    for form in DATE_FORMS:
        if match := form.fullmatch(written):
            return ParsedDate(date(*(int(g) for g in match.groups())))
    for form in MONTH_FORMS:
        if match := form.fullmatch(written):
            return ParsedDate(date(int(match[1]), int(match[2]), 1), month_only=True)
    raise ValueError(written)
