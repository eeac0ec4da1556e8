"""Lists as cadres receive them (written by LibreOffice, tests/excel_files.py), read without Qt:
every file problem named, the sheet and header found, synonyms known, cells normalised with
what changed, formula errors refused, and identities matched against the device's youths
without a guess."""

from __future__ import annotations

from datetime import date

import pytest

from sync.client.store import Store
from sync.client.store import registration_queries as rq
from sync.core.records import ActivityStatus, RegistrationSource
from sync.core.rules import RuleViolation
from sync.tools import registration_import as ri
from sync.tools.excel import ExcelFileError
from sync.tools.spreadsheet import detect_layout, read_workbook
from tests.conftest import HOME_ORG, activity_fields
from tests.excel_files import GOOD_ID, ID_2008, office_files

__all__ = ["office_files"]  # the session fixture, shared with the page's tests

TODAY = date(2026, 11, 24)


def codes(preview: ri.ImportPreview) -> dict[str, list[str]]:
    return {r.values["name"]: [p.code for p in r.problems] for r in preview.rows}


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("not_a_spreadsheet", "not_xlsx"),
        ("encrypted", "password_protected"),
        ("damaged", "damaged"),
        ("masked", "masked_export"),
        ("empty", "empty_sheet"),
        ("header_only", "empty_sheet"),
    ],
)
def test_each_file_problem_has_its_own_code(office_files, name, code):
    with pytest.raises(ExcelFileError) as caught:
        ri.read_registrations(office_files[name], today=TODAY)
    assert caught.value.code == code


def test_visible_sheets_only_the_active_one_first(office_files):
    workbook = read_workbook(office_files["sheets"])
    assert [s.name for s in workbook.sheets] == ["二班", "一班"]
    assert workbook.hidden == ["填表说明"]
    preview = ri.read_registrations(office_files["sheets"], today=TODAY)
    assert [r.values["name"] for r in preview.rows] == ["二班甲", "二班乙"]


def test_the_header_is_found_below_information_rows_with_synonyms(office_files):
    preview = ri.read_registrations(office_files["info_rows"], today=TODAY)
    assert preview.layout.header_row == 4
    assert preview.layout.columns == {
        "name": 1,
        "phone": 2,
        "gender": 3,
        "birth_date": 4,
        "school_or_employer": 5,
        "id_number": 6,
    }
    assert [(r.row_number, r.values["name"]) for r in preview.good] == [
        (5, "林小雨"),
        (6, "周大海"),
    ]
    assert preview.good[0].values["school_or_employer"] == "南京大学"


def test_phone_headers_people_use_are_known(office_files):
    workbook = read_workbook(office_files["synonyms"])
    for sheet in workbook.sheets:
        layout = detect_layout(ri.SPEC, sheet)
        assert layout.columns == {"name": 0, "phone": 1}, sheet.name
        preview = ri.build_preview(sheet, layout, today=TODAY)
        assert [r.good for r in preview.rows] == [True], sheet.name


def test_numbers_and_dates_are_normalised_and_the_change_shown(office_files):
    preview = ri.read_registrations(office_files["normalise"], today=TODAY)
    rows = {r.values["name"]: r for r in preview.rows}
    for name, phone in (("全角", "2001"), ("加86", "2002"), ("括号86", "2003"), ("零宽", "2004")):
        row = rows[name]
        assert row.good, (name, row.problems)
        assert row.values["phone"] == "1390000" + phone
        assert [(c.field, c.after) for c in row.changes] == [("phone", "1390000" + phone)]
    assert rows["加86"].changes[0].before == "+86 139 0000 2002"
    assert rows["年月"].values["birth_date"] == date(2008, 5, 1)
    assert [p.code for p in rows["年月"].notes] == ["import_month_only"]
    assert rows["全角点"].values["birth_date"] == date(2008, 5, 3)
    assert rows["全角点"].changes[0].after == "2008-05-03"
    # a month agreeing with the ID number takes the day from it
    assert rows["年月有证"].values["birth_date"] == date(2008, 5, 3) and rows["年月有证"].good
    assert rows["年月有证"].values["id_number"] == ID_2008
    assert rows["小写x"].values["id_number"] == GOOD_ID and rows["小写x"].good
    assert codes(preview)["校验错"] == ["bad_id_number"]
    assert codes(preview)["看不懂"] == ["import_bad_date"]


def test_formula_errors_are_errors_not_names(office_files):
    preview = ri.read_registrations(office_files["formula_errors"], today=TODAY)
    problems = {
        r.row_number: [(p.code, p.params.get("value")) for p in r.problems] for r in preview.rows
    }
    assert problems[2][0] == ("import_formula_error", "#DIV/0!")
    assert problems[3][0] == ("import_formula_error", "#N/A")
    assert [r.row_number for r in preview.good] == [4]
    assert all(r.values["name"] != "#DIV/0!" for r in preview.rows)


@pytest.mark.parametrize("name", ["info_rows", "normalise", "sheets", "synonyms", "masked"])
def test_the_fast_reader_reads_what_openpyxl_reads(office_files, monkeypatch, name):
    # calamine reads the cells unless a formula's error is among them (it would read that as an
    # empty cell); either way the rows are the same, up to the empty cells ending a row.
    from sync.tools import spreadsheet

    has_error_cells = spreadsheet._has_error_cells
    assert has_error_cells(office_files["formula_errors"])
    assert not has_error_cells(office_files[name])

    def rows(errors: bool) -> list:
        monkeypatch.setattr(spreadsheet, "_has_error_cells", lambda _path: errors)
        book = read_workbook(office_files[name])
        cells = [[tuple(r) for r in s.rows] for s in book.sheets]
        return [[s.name for s in book.sheets], book.hidden, cells]

    def trimmed(found: list) -> list:
        names, hidden, sheets = found
        strip = [[r[: max((i + 1 for i, v in enumerate(r) if v is not None), default=0)]
                  for r in sheet] for sheet in sheets]  # fmt: skip
        return [names, hidden, strip]

    assert trimmed(rows(True)) == trimmed(rows(False))


# --- identity: the device's youths, a real store ------------------------------------------


def published(store: Store) -> str:
    _, activity_id = store.create_activity(HOME_ORG, activity_fields(capacity=50))
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    return activity_id


def preview_of(store: Store, activity_id: str, rows: list[list]) -> ri.ImportPreview:
    from sync.tools.spreadsheet import Sheet

    sheet = Sheet("名单", [["姓名", "手机号", "身份证号"], *rows])
    return ri.build_preview(
        sheet,
        detect_layout(ri.SPEC, sheet),
        today=TODAY,
        lookup=lambda phones, ids: store.read(rq.stored_youths, activity_id, phones, ids),
    )


def test_a_phone_held_under_another_name_is_a_conflict_the_cadre_settles(store: Store):
    activity_id = published(store)
    other = published(store)
    store.create_registrations(
        other, [{"name": "王芳", "phone": "13900000001"}], source=RegistrationSource.WALK_IN
    )
    preview = preview_of(store, activity_id, [["李娜", "13900000001", ""]])
    row = preview.rows[0]
    assert row.conflict is not None and row.conflict.code == "import_phone_held"
    assert row.conflict.youth.name == "王芳"
    assert not row.good  # never merged silently: nothing is imported until the cadre says
    # imported as the file says, the rules refuse it instead of registering 王芳
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(activity_id, [row.youth()], source="import")
    assert caught.value.code == "phone_taken"
    row.use_stored = True
    assert row.good and row.youth()["id"] == row.conflict.youth.id
    store.create_registrations(activity_id, [row.youth()], source="import")
    assert store.count("youths") == 1


def test_an_id_number_held_by_a_stored_youth_never_makes_a_second_youth(store: Store):
    activity_id = published(store)
    store.create_registrations(
        published(store),
        [{"name": "赵雷", "phone": "13900000002", "id_number": GOOD_ID}],
        source=RegistrationSource.WALK_IN,
    )
    preview = preview_of(store, activity_id, [["赵雷", "13900000099", GOOD_ID]])
    row = preview.rows[0]
    assert row.conflict is not None and row.conflict.code == "import_id_held"
    assert not row.good
    with pytest.raises(RuleViolation) as caught:
        store.create_registrations(activity_id, [row.youth()], source="import")
    assert caught.value.code == "id_number_taken"
    row.use_stored = True
    store.create_registrations(activity_id, [row.youth()], source="import")
    assert store.count("youths") == 1


def test_the_same_phone_and_name_is_that_youth_and_a_rejection_is_not_a_registration(
    store: Store,
):
    activity_id = published(store)
    store.create_registrations(
        activity_id,
        [{"name": "孙悦", "phone": "13900000003"}, {"name": "钱多", "phone": "13900000004"}],
        source=RegistrationSource.WALK_IN,
    )
    registration_id = store.read(
        lambda c: c.exec_driver_sql(
            "SELECT r.id FROM registrations r JOIN youths y ON y.id = r.youth_id "
            "WHERE y.name = '孙悦'"
        ).scalar()
    )
    store.review_registration(registration_id, "reject", "名额已满")
    preview = preview_of(
        store, activity_id, [["孙悦", "13900000003", ""], ["钱多", "13900000004", ""]]
    )
    rejected, registered = preview.rows
    assert rejected.good and rejected.conflict is None and rejected.youth_id
    assert [(p.code, p.params) for p in rejected.notes] == [
        ("import_previously_rejected", {"reason": "名额已满"})
    ]
    assert [p.code for p in registered.problems] == ["import_already_registered"]


@pytest.mark.parametrize("error_cell", [False, True])
def test_reading_reports_progress_and_stops_when_cancelled(tmp_path, error_cell):
    # Either reader (calamine; openpyxl when a formula's error is in the file) tells how far
    # it is, and stops on the user's 取消 with nothing read.
    import threading

    from openpyxl import Workbook

    from sync.tools.spreadsheet import ImportCancelled

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["姓名", "手机号"])
    for i in range(1200):
        sheet.append([f"青年{i}", f"137{i:08d}"])
    if error_cell:
        sheet["C2"] = "=1/0"  # openpyxl writes no cached result: mark the cell an error
        sheet["C2"].data_type = "e"
        sheet["C2"].value = "#DIV/0!"
    path = tmp_path / "list.xlsx"
    workbook.save(path)

    seen: list[tuple[int, int]] = []
    book = read_workbook(path, progress=lambda done, total: seen.append((done, total)))
    assert len(book.sheets[0].rows) == 1201
    assert seen[0] == (500, 1201) and seen[-1] == (1201, 1201)
    assert (book.sheets[0].rows[1][2:3] == ("#DIV/0!",)) is error_cell

    cancelled = threading.Event()
    cancelled.set()
    with pytest.raises(ImportCancelled):
        read_workbook(path, cancelled=cancelled)
