"""Lists as cadres receive them, written by LibreOffice: each is laid out with openpyxl, then
LibreOffice (one `soffice --convert-to xlsx` for the whole set) reads and writes it again, so
the tests read LibreOffice's XML, its cached formula results and its sheet states. Shared by
the tests of the import through the session fixture `office_files`."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

GOOD_ID = "11010519491231002X"  # the GB 11643 standard's own example: a valid check character
ID_2008 = "320115200805030014"  # born 2008-05-03, check character valid

Rows = list[list[object]]


def _book(sheets: dict[str, Rows], *, hidden: tuple[str, ...] = (), active: str = "") -> Workbook:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    if active:
        workbook.active = list(sheets).index(active)
    return workbook


HEADER = ["姓名", "手机号", "性别", "出生日期", "学校/单位", "身份证号"]


def _sources() -> dict[str, Callable[[Path], None]]:
    """name → writes the file LibreOffice will convert."""

    def save(workbook: Workbook) -> Callable[[Path], None]:
        return lambda path: workbook.save(path)

    def masked_export(path: Path) -> None:
        from sync.tools import excel

        rows = [
            {
                "name": f"青年{i}",
                "phone": f"1380000{i:04d}",
                "gender": "male",
                "birth_date": date(2001, 1, 1),
                "school_or_employer": "南京大学",
                "id_number": "",
                "activity_title": "江宁区青年创业沙龙",
                "registered_at": datetime(2026, 11, 1, 2, 30, tzinfo=UTC),
                "status": "pending",
                "source": "online",
            }
            for i in range(3)
        ]
        excel.export_registrations(path, rows)  # masked: what a cadre usually has at hand

    return {
        # a hidden sheet first (instructions with a decoy header), the active sheet last
        "sheets": save(
            _book(
                {
                    "填表说明": [HEADER, ["示例", "13800000000", "男", "", "", ""]],
                    "一班": [HEADER, ["一班甲", "13500000001", "男", "", "", ""]],
                    "二班": [
                        HEADER,
                        ["二班甲", "13500000002", "女", "", "", ""],
                        ["二班乙", "13500000003", "男", "", "", ""],
                    ],
                },
                hidden=("填表说明",),
                active="二班",
            )
        ),
        # a title and an information row (which names 联系电话) above the real header, whose
        # headers are synonyms with notes: 学生姓名, 手机号（必填）, 出生年月, 就读学校, 身份证
        "info_rows": save(
            _book(
                {
                    "报名表": [
                        ["江宁区青年创业沙龙 报名汇总表"],
                        ["填报单位：", "东山街道团工委", "联系电话：", "025-52101234"],
                        [],
                        [
                            "序号",
                            "学生姓名",
                            "手机号（必填）",
                            "性别",
                            "出生年月",
                            "就读学校",
                            "身份证",
                        ],
                        [1, "林小雨", "13900001234", "女", "2001-05-06", "南京大学", ""],
                        [2, "周大海", "13900001235", "男", "", "东南大学", ""],
                    ]
                }
            )
        ),
        # the same list headed 手机 / 电话 / 联系方式
        "synonyms": save(
            _book(
                {
                    "手机": [["姓名", "手机"], ["甲", "13900000011"]],
                    "电话": [["学生姓名", "电话"], ["乙", "13900000012"]],
                    "联系方式": [["姓名", "联系方式"], ["丙", "13900000013"]],
                }
            )
        ),
        # numbers and dates as people type them
        "normalise": save(
            _book(
                {
                    "名单": [
                        HEADER,
                        ["全角", "１３９００００２００１", "男", "", "", ""],
                        ["加86", "+86 139 0000 2002", "男", "", "", ""],
                        ["括号86", "(+86)13900002003", "男", "", "", ""],
                        ["零宽", "139\u200b0000\u200b2004", "男", "", "", ""],
                        ["年月", "13900002005", "女", "2008年5月", "", ""],
                        ["全角点", "13900002006", "女", "2008．05．03", "", ""],
                        ["年月有证", "13900002007", "男", "2008年5月", "", ID_2008],
                        ["小写x", "13900002008", "男", "", "", GOOD_ID.lower()],
                        ["校验错", "13900002009", "男", "", "", GOOD_ID[:-1] + "1"],
                        ["看不懂", "13900002010", "男", "去年", "", ""],
                    ]
                }
            )
        ),
        # formulas that failed: their cached results are error values, never names or phones
        "formula_errors": save(
            _book(
                {
                    "名单": [
                        HEADER,
                        ["=1/0", "13900003001", "男", "", "", ""],
                        ["好人", "=NA()", "男", "", "", ""],
                        ["正常", "13900003003", "男", "", "", ""],
                    ]
                }
            )
        ),
        # a phone column headed in a way no synonym knows: the cadre maps it by hand
        "unknown_header": save(
            _book(
                {
                    "名单": [
                        ["姓名", "微信（同手机）", "性别"],
                        ["微一", "13600000001", "男"],
                        ["微二", "13600000002", "女"],
                    ]
                }
            )
        ),
        "masked": masked_export,
        "empty": save(_book({"Sheet1": []})),
        "header_only": save(_book({"Sheet1": [HEADER]})),
        "walk_ins": save(
            _book(
                {
                    "现场报名": [
                        HEADER,
                        ["吴一", "13700000001", "男", "2001-01-01", "江宁区东山街道", ""],
                        ["冯三", "13700000003", "女", "2002-02-02", "", ""],
                    ]
                }
            )
        ),
    }


def convert(sources: Path, out: Path, home: Path) -> None:
    """One LibreOffice start for every file (each start costs seconds)."""
    assert shutil.which("soffice"), (
        "LibreOffice (soffice) is not installed: bash build_scripts/setup.sh --test "
        "(or apt-get install libreoffice-calc-nogui)"
    )
    files = sorted(str(p) for p in sources.glob("*.xlsx"))
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), *files],
        check=True,
        capture_output=True,
        timeout=300,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
    )


def _damaged(source: Path, target: Path) -> None:
    """LibreOffice's file with the first sheet's XML cut off half way: a well-formed zip."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            zout.writestr(item, data)


def _encrypted(source: Path, target: Path) -> None:
    """LibreOffice's file encrypted with a password the way Excel and WPS do (ECMA-376 agile
    encryption, in an OLE compound file); LibreOffice's command line cannot set one."""
    from msoffcrypto.format.ooxml import OOXMLFile

    with source.open("rb") as plain:
        buffer = io.BytesIO()
        OOXMLFile(plain).encrypt("secret", buffer)
    target.write_bytes(buffer.getvalue())


@pytest.fixture(scope="session")
def office_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("office")
    sources, out = base / "sources", base / "libreoffice"
    sources.mkdir()
    for name, write in _sources().items():
        write(sources / f"{name}.xlsx")
    convert(sources, out, base)
    files = {p.stem: p for p in out.glob("*.xlsx")}
    assert set(files) == set(_sources()), sorted(files)
    files["damaged"] = base / "damaged.xlsx"
    _damaged(files["walk_ins"], files["damaged"])
    files["encrypted"] = base / "encrypted.xlsx"
    _encrypted(files["walk_ins"], files["encrypted"])
    files["not_a_spreadsheet"] = base / "not_a_spreadsheet.xlsx"
    files["not_a_spreadsheet"].write_text("姓名,手机号\n张三,13812345678\n", encoding="utf-8")
    return files
