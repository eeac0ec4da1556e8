"""Walk-in and sign-up lists read for import: every row normalised (with what changed), checked
with the shared youth rules, and matched against the youths this device knows without ever
guessing who someone is; nothing is imported here.

A row whose phone or ID number belongs to a stored youth with other details is a `Conflict`
the cadre settles: register the stored youth, or leave the row out and fix the list. The server
applies the same rule (`sync.core.operations.registrations._youth_holding`) with every number it
holds, so a conflict the device could not see is refused there and shows in 同步问题.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sync.core import rules
from sync.core.records import RegistrationStatus
from sync.core.rules import Problem
from sync.tools.excel import ExcelFileError
from sync.tools.spreadsheet import (
    PROGRESS_EVERY,
    FieldSpec,
    ImportCancelled,
    ImportSpec,
    Layout,
    Progress,
    Sheet,
    data_rows,
    detect_layout,
    is_formula_error,
    is_masked,
    missing_fields,
    normalise_id_number,
    normalise_phone,
    parse_date,
    read_workbook,
    text,
)

SPEC = ImportSpec(
    "registrations",
    (
        FieldSpec(
            "name", "姓名", ("学生姓名", "青年姓名", "报名人", "参与人", "名字", "真实姓名"), True
        ),
        FieldSpec(
            "phone",
            "手机号",
            ("手机", "手机号码", "电话", "电话号码", "联系电话", "联系方式", "移动电话"),
            True,
        ),
        FieldSpec("gender", "性别"),
        FieldSpec("birth_date", "出生日期", ("出生年月", "出生年月日", "生日", "出生时间")),
        FieldSpec(
            "school_or_employer",
            "学校/单位",
            ("学校或单位", "学校", "单位", "工作单位", "就读学校", "所在学校", "学校/工作单位"),
        ),
        FieldSpec("id_number", "身份证号", ("身份证号码", "身份证", "公民身份号码", "证件号码")),
    ),
)
GENDERS = {
    "男": "male",
    "男性": "male",
    "M": "male",
    "女": "female",
    "女性": "female",
    "F": "female",
    "未知": "unknown",
    "": "unknown",
}


@dataclass(frozen=True)
class StoredYouth:
    """A youth this device holds, as it holds them (phone and ID number may be masked), and
    their registration for the activity being imported into, if any."""

    id: str
    name: str
    phone: str
    id_number: str
    status: str | None = None
    reject_reason: str = ""


# (phones, ID numbers) → the stored youths holding any of them, as mappings with the fields
# of StoredYouth (the device's query knows nothing of this module)
Lookup = Callable[[Collection[str], Collection[str]], list[Mapping[str, Any]]]


@dataclass(frozen=True)
class Change:
    """A cell the import wrote differently from the file: shown before → after."""

    field: str
    before: str
    after: str


@dataclass
class Conflict:
    """The row's phone or ID number belongs to `youth`, whose details differ from the row's.
    code: import_phone_held (another name), import_id_held (another phone),
    import_id_differs (same phone and name, another ID number)."""

    code: str
    youth: StoredYouth


@dataclass
class ImportRow:
    row_number: int  # as Excel shows it, so the cadre finds the row
    values: dict[str, Any]  # name, phone, gender, birth_date, school_or_employer, id_number
    problems: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)  # worth knowing, imported anyway
    conflict: Conflict | None = None
    use_stored: bool = False  # the cadre settled the conflict: register the stored youth
    youth_id: str | None = None  # the stored youth this row is (same phone and name)

    @property
    def good(self) -> bool:
        return not self.problems and (self.conflict is None or self.use_stored)

    def youth(self) -> dict[str, Any]:
        """The youth to register: the stored one when settled so, else the row's details."""
        stored = self.conflict.youth.id if self.conflict and self.use_stored else self.youth_id
        return {**self.values, "id": stored} if stored else dict(self.values)


@dataclass
class ImportPreview:
    rows: list[ImportRow]
    layout: Layout
    missing: list[FieldSpec] = field(default_factory=list)  # required fields with no column

    @property
    def good(self) -> list[ImportRow]:
        return [r for r in self.rows if r.good]

    @property
    def bad(self) -> list[ImportRow]:
        return [r for r in self.rows if not r.good]

    @property
    def conflicts(self) -> list[ImportRow]:
        return [r for r in self.rows if r.conflict is not None and not r.problems]


def id_number_birth_date(number: str) -> date | None:
    """The birth date written into an 18-character ID number."""
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def read_row(number: int, raw: Mapping[str, Any], today: date) -> ImportRow:
    """One row normalised and checked against the rules; identity comes later."""
    row = ImportRow(number, {})
    values, problems = row.values, row.problems
    for key, cell in raw.items():
        if is_formula_error(cell):
            problems.append(Problem("import_formula_error", key, {"value": text(cell)}))
            raw = {**raw, key: None}
    written = {k: text(v) for k, v in raw.items()}
    values["name"] = written.get("name", "")
    values["school_or_employer"] = written.get("school_or_employer", "")
    values["phone"] = normalise_phone(raw.get("phone"))
    values["id_number"] = normalise_id_number(raw.get("id_number"))
    if values["id_number"] and isinstance(raw.get("id_number"), int | float):
        # Excel keeps 15 significant digits: the last ones of an 18-digit number are lost.
        problems.append(Problem("import_id_number_as_number", "id_number"))
        values["id_number"] = ""
    masked = [k for k in ("phone", "id_number") if is_masked(values[k])]
    for key in masked:
        problems.append(Problem("import_masked", key))
        values[key] = ""
    values["birth_date"] = _birth_date(row, raw.get("birth_date"), written.get("birth_date", ""))
    gender = unicodedata.normalize("NFKC", written.get("gender", "")).upper().replace(" ", "")
    values["gender"] = GENDERS.get(gender, "unknown")
    if gender not in GENDERS:
        problems.append(Problem("import_bad_gender", "gender", {"value": written["gender"]}))
    problems += [
        p
        for p in rules.validate_youth(values, today=today)
        if not (p.code == "required" and p.field in masked)
    ]
    for key in ("phone", "id_number", "birth_date"):
        if key == "birth_date" and row.notes:
            continue  # a month without its day is said in the note
        cell, after = raw.get(key), values[key]
        after = after.isoformat() if isinstance(after, date) else str(after or "")
        # compared with the cell as written: invisible characters taken out are a change too
        if isinstance(cell, str) and after and cell.strip() != after and key not in masked:
            row.changes.append(Change(key, cell.strip(), after))
    return row


def _birth_date(row: ImportRow, cell: Any, written: str) -> date | None:
    """The birth date, from a month-only date the ID number's day when they agree; a birth
    date contradicting the ID number is a problem."""
    try:
        parsed = parse_date(cell)
    except ValueError:
        row.problems.append(Problem("import_bad_date", "birth_date", {"value": written}))
        return None
    if parsed is None:
        return None
    number = row.values["id_number"]
    from_id = id_number_birth_date(number) if rules.id_number_valid(number) else None
    if parsed.month_only:
        if from_id and (from_id.year, from_id.month) == (parsed.value.year, parsed.value.month):
            return from_id
        row.notes.append(Problem("import_month_only", "birth_date", {"value": written}))
    elif from_id and from_id != parsed.value:
        row.problems.append(Problem("import_birth_date_mismatch", "birth_date"))
    return parsed.value


def build_preview(
    sheet: Sheet,
    layout: Layout,
    *,
    today: date,
    lookup: Lookup | None = None,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> ImportPreview:
    """Every row of the list as `layout` maps it, checked; ExcelFileError when the list as a
    whole is an export whose personal data is masked (it cannot be imported back)."""
    missing = missing_fields(SPEC, layout)
    if missing:
        return ImportPreview([], layout, missing)
    found = data_rows(sheet, layout)
    rows: list[ImportRow] = []
    for done, (number, raw) in enumerate(found, start=1):
        rows.append(read_row(number, raw, today))
        if done % PROGRESS_EVERY == 0:
            if cancelled is not None and cancelled.is_set():
                raise ImportCancelled
            if progress:
                progress(done, len(found))
    if progress:
        progress(len(found), len(found))
    masked = sum(
        1 for r in rows for p in r.problems if p.code == "import_masked" and p.field == "phone"
    )
    if masked and masked >= sum(1 for _, raw in found if text(raw.get("phone"))):
        raise ExcelFileError("masked_export")  # every number masked: our own export
    _check_duplicates(rows)
    if lookup is not None:
        _match_stored(rows, lookup)
    return ImportPreview(rows, layout)


DUPLICATES = (("phone", "import_duplicate_phone"), ("id_number", "import_duplicate_id"))


def _check_duplicates(rows: list[ImportRow]) -> None:
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        for key, code in (
            ("phone", "import_duplicate_phone"),
            ("id_number", "import_duplicate_id"),
        ):
            value = row.values[key]
            if not value:
                continue
            first = seen.setdefault((key, value), row.row_number)
            if first != row.row_number:
                row.problems.append(Problem(code, key, {"row": first}))


def _match_stored(rows: list[ImportRow], lookup: Lookup) -> None:
    """Who each row is among the stored youths: the same phone and name is that youth (the
    server's rule too); any other overlap is a conflict for the cadre, never a merge."""
    phones = {r.values["phone"] for r in rows if r.values["phone"]}
    numbers = {r.values["id_number"] for r in rows if r.values["id_number"]}
    stored = [StoredYouth(**y) for y in lookup(phones, numbers)]
    by_phone = {y.phone: y for y in stored if y.phone in phones}
    by_id = {y.id_number.upper(): y for y in stored if y.id_number.upper() in numbers}
    for row in rows:
        name, number = row.values["name"], row.values["id_number"]
        holder = by_phone.get(row.values["phone"])
        other = by_id.get(number) if number else None
        if holder and other and holder.id != other.id:
            row.problems.append(Problem("import_identity_split", "id_number"))
            continue
        if holder is not None:
            if holder.name.strip() != name:
                row.conflict = Conflict("import_phone_held", holder)
            elif (
                number
                and other is None
                and holder.id_number not in ("", number)
                and not is_masked(holder.id_number)  # says nothing: the server compares
            ):
                row.conflict = Conflict("import_id_differs", holder)
            if row.conflict is None:
                row.youth_id = holder.id
        elif other is not None:
            row.conflict = Conflict("import_id_held", other)
        youth = holder or other
        if youth is None:
            continue
        status = RegistrationStatus(youth.status) if youth.status else None
        if status in rules.ACTIVE and row.conflict is not None:
            # nothing to settle: the holder of the number is registered already
            row.problems.append(Problem("import_holder_registered", "name", {"name": youth.name}))
        elif status in rules.ACTIVE:
            row.problems.append(Problem("import_already_registered", "name"))
        elif status is RegistrationStatus.REJECTED:
            reason = {"reason": youth.reject_reason}
            row.notes.append(Problem("import_previously_rejected", "name", reason))


def read_registrations(
    path: Path,
    *,
    today: date,
    lookup: Lookup | None = None,
    progress: Progress | None = None,
    cancelled: threading.Event | None = None,
) -> ImportPreview:
    """The list on the file's active sheet with the detected layout, in one call (what the
    mapping step starts from). ExcelFileError for missing columns or no rows, as for files."""
    workbook = read_workbook(path, progress=progress, cancelled=cancelled)
    sheet = workbook.sheets[0]
    layout = detect_layout(SPEC, sheet)
    preview = build_preview(sheet, layout, today=today, lookup=lookup, cancelled=cancelled)
    if preview.missing:
        raise ExcelFileError("missing_columns", columns="、".join(f.label for f in preview.missing))
    if not preview.rows:
        raise ExcelFileError("empty_sheet")
    return preview
