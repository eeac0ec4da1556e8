"""Benchmark of importing a walk-in list: read the workbook, lay out and check every row against
the device's youths (the preview), then register every row in one transaction (the import), on
an encrypted device database as the app opens it. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_import.py [--rows 5000] [--runs 1] [--profile]

The list has the usual mess: a title row above the header, synonym headers, some full-width and
+86 phones, dates as text.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEY = "0123456789abcdef" * 4
ORG = "org-bench"


def write_list(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("现场报名")
    sheet.append(["江宁区青年创业沙龙 现场报名汇总"])
    sheet.append(["序号", "学生姓名", "手机号（必填）", "性别", "出生年月", "就读学校"])
    for i in range(rows):
        phone = f"137{i:08d}"
        if i % 10 == 0:
            phone = "+86 " + phone
        elif i % 10 == 1:
            phone = phone.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        sheet.append([i + 1, f"青年{i}", phone, "男女"[i % 2], "2001年5月", "江宁高级中学"])
    workbook.save(path)


def open_store(folder: Path):
    from sqlalchemy import insert

    from sync.client.store import Store
    from sync.client.store.tables import organizations
    from sync.core.records import ActivityStatus

    store = Store(folder / "workbench.sqlite", key=KEY)
    with store.engine.begin() as conn:
        conn.execute(
            insert(organizations).values(
                id=ORG,
                name="共青团南京市江宁区委员会",
                level="county",
                parent_id=None,
                region_code="320115",
                address="",
                contact_name="",
                contact_phone="",
                version=1,
            )
        )
    store.set_meta("org_id", ORG)
    start = datetime.now(UTC) + timedelta(days=14)
    _, activity_id = store.create_activity(
        ORG,
        {
            "title": "江宁区青年创业沙龙",
            "category": "innovation",
            "description": "",
            "region_code": "320115",
            "location_name": "江宁区青年创业园",
            "starts_at": start,
            "ends_at": start + timedelta(hours=3),
            "registration_opens_at": start - timedelta(days=10),
            "registration_closes_at": start - timedelta(days=1),
            "capacity": 100_000,
            "requires_review": True,
            "featured": False,
            "contact_name": "王老师",
            "contact_phone": "025-52101234",
        },
    )
    store.transition_activity(activity_id, ActivityStatus.PUBLISHED)
    return store, activity_id


def run(rows: int, profile: bool) -> tuple[float, float, int]:
    from sync.client.store import registration_queries as rq
    from sync.core.records import RegistrationSource
    from sync.tools import registration_import as ri
    from sync.tools.spreadsheet import detect_layout, read_workbook

    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        folder_path = Path(folder)
        path = folder_path / "list.xlsx"
        write_list(path, rows)
        store, activity_id = open_store(folder_path)
        profiler = cProfile.Profile() if profile else None
        try:
            if profiler:
                profiler.enable()
            started = time.perf_counter()
            workbook = read_workbook(path)
            sheet = workbook.sheets[0]
            preview = ri.build_preview(
                sheet,
                detect_layout(ri.SPEC, sheet),
                today=datetime.now(UTC).date(),
                lookup=lambda p, i: store.read(rq.stored_youths, activity_id, list(p), list(i)),
            )
            previewed = time.perf_counter()
            good = [row.youth() for row in preview.good]
            store.create_registrations(activity_id, good, source=RegistrationSource.IMPORT)
            imported = time.perf_counter()
            if profiler:
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        finally:
            store.close()
    return previewed - started, imported - previewed, len(good)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    args = parser.parse_args()
    for n in range(args.runs):
        preview, imported, good = run(args.rows, args.profile)
        print(
            f"run {n + 1}: {args.rows} rows ({good} good): preview {preview:.2f} s, "
            f"import {imported:.2f} s, in all {preview + imported:.2f} s"
        )


if __name__ == "__main__":
    main()
