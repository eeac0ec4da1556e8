"""sync.tools.excel without Qt: exports that cannot run formulas and keep personal data masked,
imports that name each bad row (sync.tools.registration_import; lists made by others are in
tests/test_excel_import.py), and a round trip through LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from sync.tools import excel
from sync.tools import registration_import as ri

GOOD_ID = "11010519491231002X"  # the GB 11643 standard's own example: a valid check character


def row(**overrides) -> dict:
    values = {
        "name": "张三",
        "phone": "13812345678",
        "gender": "male",
        "birth_date": date(1949, 12, 31),
        "school_or_employer": "南京大学",
        "id_number": GOOD_ID,
        "activity_title": "江宁区青年创业沙龙",
        "registered_at": datetime(2026, 11, 1, 2, 30, tzinfo=UTC),
        "status": "pending",
        "source": "online",
        "reject_reason": "",
        "reviewed_at": None,
    }
    values.update(overrides)
    return values


def sheet_rows(path: Path) -> list[tuple]:
    return list(load_workbook(path).active.iter_rows(values_only=True))


def write_list(path: Path, rows: list[list], header=("姓名", "手机号", "性别", "出生日期")) -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(list(header))
    for values in rows:
        sheet.append(values)
    workbook.save(path)
    return path


def test_export_masks_personal_data_unless_full(tmp_path: Path):
    masked, full = tmp_path / "masked.xlsx", tmp_path / "full.xlsx"
    assert excel.export_registrations(masked, [row()]) == 1
    excel.export_registrations(full, [row()], full=True)
    header, values = sheet_rows(masked)
    assert header[:6] == ("姓名", "手机号", "性别", "出生日期", "学校/单位", "身份证号")
    assert values[1] == "138****5678"
    assert values[5] == "110105**********2X"
    assert "13812345678" not in str(sheet_rows(masked))
    assert sheet_rows(full)[1][1] == "13812345678"
    assert sheet_rows(full)[1][5] == GOOD_ID


def test_export_writes_real_dates_in_china_time_and_a_frozen_header(tmp_path: Path):
    path = tmp_path / "list.xlsx"
    excel.export_registrations(path, [row()])
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    assert sheet["H2"].value == datetime(2026, 11, 1, 10, 30)  # 02:30 UTC is 10:30 in Nanjing
    assert sheet["H2"].is_date and sheet["D2"].is_date
    assert sheet.column_dimensions["G"].width >= 30  # the activity title is readable


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_could_run_as_formulas_are_neutralised(tmp_path: Path, start: str):
    path = tmp_path / "list.xlsx"
    evil = f'{start}HYPERLINK("http://evil.example","点我")'
    excel.export_registrations(path, [row(name=evil, school_or_employer=start + "1+1")])
    sheet = load_workbook(path).active
    for cell in (sheet["A2"], sheet["E2"]):
        assert cell.data_type == "s"
        assert cell.value.startswith("'")
    if start != "\r":  # XML reads a lone carriage return back as a line feed
        assert excel.unneutralise(sheet["A2"].value) == evil


def test_export_to_a_locked_file_says_so(tmp_path: Path):
    target = tmp_path / "locked"
    target.mkdir()  # a folder where the file should go: cannot be replaced
    with pytest.raises(excel.ExcelFileError) as caught:
        excel.export_registrations(target, [row()])
    assert caught.value.code in ("file_locked", "cannot_write")
    assert not list(tmp_path.glob(".*.part"))


def test_import_names_each_bad_row_and_why(tmp_path: Path):
    path = write_list(
        tmp_path / "walk-in.xlsx",
        [
            ["李四", "13900001111", "女", "2001-05-06"],
            ["", "13900002222", "男", ""],  # no name
            ["王五", "12345", "男", ""],  # not a mobile number
            ["赵六", "13900001111", "男", ""],  # same phone as row 2
            ["钱七", "13900003333", "外星", "2001-13-45"],  # gender and date unreadable
            ["孙八", "13900004444", "男", date(2003, 3, 3)],  # a real Excel date
            ["周九", "13900005555", "男", "2099-01-01"],  # born in the future
        ],
    )
    preview = ri.read_registrations(path, today=date(2026, 11, 24))
    assert [r.row_number for r in preview.good] == [2, 7]
    codes = {r.row_number: [p.code for p in r.problems] for r in preview.bad}
    assert codes == {
        3: ["required"],
        4: ["bad_mobile"],
        5: ["import_duplicate_phone"],
        6: ["import_bad_date", "import_bad_gender"],
        8: ["bad_birth_date"],
    }
    assert preview.bad[2].problems[0].params == {"row": 2}
    assert preview.good[1].values["birth_date"] == date(2003, 3, 3)
    assert preview.good[0].values["gender"] == "female"


def test_import_checks_id_numbers(tmp_path: Path):
    path = write_list(
        tmp_path / "ids.xlsx",
        [
            ["甲", "13900000001", GOOD_ID, "1949-12-31"],
            ["乙", "13900000002", "110105194912310021", ""],  # wrong check character
            ["丙", "13900000003", GOOD_ID, ""],  # same ID as row 2
            ["戊", "13900000005", 110105194912310000, ""],  # typed as a number: digits lost
            ["己", "13900000006", GOOD_ID.lower(), "1950-01-01"],  # contradicts the ID
        ],
        header=("姓名", "手机号", "身份证号", "出生日期"),
    )
    preview = ri.read_registrations(path, today=date(2026, 11, 24))
    codes = {r.row_number: [p.code for p in r.problems] for r in preview.rows}
    assert codes == {
        2: [],
        3: ["bad_id_number"],
        4: ["import_duplicate_id"],
        5: ["import_id_number_as_number"],
        6: ["import_birth_date_mismatch", "import_duplicate_id"],
    }


def test_import_refuses_unusable_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    today = date(2026, 11, 24)
    text = tmp_path / "list.xlsx"
    text.write_text("姓名,手机号\n张三,13812345678\n", encoding="utf-8")  # a CSV renamed
    with pytest.raises(excel.ExcelFileError) as caught:
        ri.read_registrations(text, today=today)
    assert caught.value.code == "not_xlsx"

    empty = tmp_path / "empty.xlsx"
    Workbook().save(empty)
    with pytest.raises(excel.ExcelFileError) as caught:
        ri.read_registrations(empty, today=today)
    assert caught.value.code == "empty_sheet"

    header_only = write_list(tmp_path / "header.xlsx", [])
    with pytest.raises(excel.ExcelFileError) as caught:
        ri.read_registrations(header_only, today=today)
    assert caught.value.code == "empty_sheet"

    no_phone = write_list(tmp_path / "nophone.xlsx", [["张三", "男"]], header=("姓名", "性别"))
    with pytest.raises(excel.ExcelFileError) as caught:
        ri.read_registrations(no_phone, today=today)
    assert (caught.value.code, caught.value.params) == ("missing_columns", {"columns": "手机号"})

    # A file another program holds open: Windows refuses to open it (as root on Linux
    # nothing is refused, so the refusal is made where the reader opens the file).
    import python_calamine

    class Locked:
        @staticmethod
        def from_path(*_args, **_kwargs):
            raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(python_calamine, "CalamineWorkbook", Locked)
    with pytest.raises(excel.ExcelFileError) as caught:
        ri.read_registrations(no_phone, today=today)
    assert caught.value.code == "file_locked"


def test_import_finds_the_header_below_a_title_and_reports_progress(tmp_path: Path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["江宁区青年创业沙龙 现场报名表"])
    sheet.append(["姓名", "手机号码", "学校或单位"])
    for i in range(1200):
        sheet.append([f"青年{i}", f"139{i:08d}", "江宁高级中学"])
    path = tmp_path / "big.xlsx"
    workbook.save(path)
    seen: list[tuple[int, int]] = []
    preview = ri.read_registrations(
        path, today=date(2026, 11, 24), progress=lambda d, t: seen.append((d, t))
    )
    assert len(preview.good) == 1200 and not preview.bad
    assert preview.good[0].row_number == 3
    assert preview.good[0].values["school_or_employer"] == "江宁高级中学"
    assert seen[0][0] < seen[-1][0] and seen[-1][0] == seen[-1][1]


def test_round_trip_through_libreoffice_keeps_every_field(tmp_path: Path):
    # build_scripts/setup.sh --test installs LibreOffice: without it this is a failure, not a
    # skip, or a machine missing it would pass without trying the round trip.
    assert shutil.which("soffice"), (
        "LibreOffice (soffice) is not installed: bash build_scripts/setup.sh --test "
        "(or apt-get install libreoffice-calc-nogui)"
    )
    rows = [
        row(),
        row(
            name="-林小雨",  # neutralised on the way out, restored on the way in
            phone="13900001234",
            gender="female",
            birth_date=date(2013, 2, 28),
            school_or_employer="=南京市江宁区东山小学",
            id_number="",
        ),
        row(
            name="Ａｌｉ 阿里",
            phone="15000009999",
            gender="unknown",
            birth_date=None,
            id_number="320115200001010018",
        ),
    ]
    exported = tmp_path / "export.xlsx"
    excel.export_registrations(exported, rows, full=True)
    out = tmp_path / "libreoffice"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(exported)],
        check=True,
        capture_output=True,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    converted = out / "export.xlsx"
    assert converted.exists()
    preview = ri.read_registrations(converted, today=date(2026, 11, 24))
    assert not preview.bad, [(r.row_number, r.problems) for r in preview.bad]
    fields = ("name", "phone", "gender", "birth_date", "school_or_employer", "id_number")
    assert [r.values for r in preview.good] == [{f: r[f] for f in fields} for r in rows]


def test_followers_export_masks_phones_and_lists_tags(tmp_path: Path):
    path = tmp_path / "followers.xlsx"
    follower = {
        "name": "@林小雨",
        "phone": "13900001234",
        "gender": "female",
        "birth_date": date(2001, 5, 6),
        "school_or_employer": "南京大学",
        "org_name": "共青团南京市江宁区委员会",
        "followed_at": datetime(2026, 3, 1, 16, 0, tzinfo=UTC),
        "source_activity_title": "江宁区青年创业沙龙",
        "activity_count": 3,
        "tags": ["志愿者", "大学生"],
    }
    assert excel.export_followers(path, [follower]) == 1
    header, values = sheet_rows(path)
    assert header[:2] == ("姓名", "手机号")
    assert values[0] == "'@林小雨"
    assert values[1] == "139****1234"
    assert values[6] == datetime(2026, 3, 2, 0, 0)  # China time
    assert values[8:] == (3, "志愿者、大学生")
