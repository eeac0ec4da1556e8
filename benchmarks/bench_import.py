"""Benchmark of importing a walk-in list: read the workbook, lay out and check every row against
the device's youths (the preview), then register every row in one transaction (the import), on
an encrypted device database as the app opens it. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_import.py [--rows 5000] [--runs 3] [--stored 20000]
        [--profile] [--no-app]

The list has the usual mess: a title row above the header, synonym headers, some full-width and
+86 phones, dates as text. The device already holds `--stored` youths (each registered for
another activity), as a county's device does after its first sync; a tenth of the list's rows
are such youths (same phone and name), the rest are new.

Two ways, each printed with its parts:
- the library: read the workbook, preview, `Store.create_registrations`;
- the app (what the cadre waits for, "Ctrl+I to done"): `RegistrationExcel.import_file` on the
  报名审核 page, its workers and progress dialogs, the preview dialog built and shown (accepted
  as soon as it shows), the import, and the page showing the imported registrations.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
        phone, name = f"137{i:08d}", f"青年{i}"
        if i % 10 == 5:  # a youth this device typed in before: same phone and name
            phone, name = stored_phone(i), stored_name(i)
        elif i % 10 == 0:
            phone = "+86 " + phone
        elif i % 10 == 1:
            phone = phone.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        sheet.append([i + 1, name, phone, "男女"[i % 2], "2001年5月", "江宁高级中学"])
    workbook.save(path)


def stored_phone(i: int) -> str:
    return f"139{i:08d}"


def stored_name(i: int) -> str:
    return f"老青年{i}"


def open_store(folder: Path, stored: int):
    """An encrypted device database with the activity imported into, and `stored` youths
    registered for another activity: most as the server sends them (phone masked), every
    tenth typed in on this device (whole phone). Written directly: setting up is not timed."""
    from sqlalchemy import insert

    from sync.client.store import Store
    from sync.client.store.tables import activities, organizations, registrations, youths
    from sync.core.ids import uuid7
    from sync.core.records import ActivityStatus

    store = Store(folder / "workbench.sqlite", key=KEY)
    now = store.clock()
    with store.bulk_write() as conn:
        conn.execute(
            insert(organizations).values(
                id=ORG, name="共青团南京市江宁区委员会", level="county", parent_id=None,
                region_code="320115", address="", contact_name="", contact_phone="", version=1,
            )
        )  # fmt: skip
        conn.execute(
            insert(activities).values(
                id="activity-old", org_id=ORG, title="往期活动", category="innovation",
                region_code="320115", location_name="江宁区青年创业园",
                starts_at=now - timedelta(days=30), ends_at=now - timedelta(days=30, hours=-3),
                registration_opens_at=now - timedelta(days=40),
                registration_closes_at=now - timedelta(days=31), capacity=100_000,
                requires_review=True, status=ActivityStatus.PUBLISHED.value,
                created_at=now, updated_at=now, version=1,
            )
        )  # fmt: skip
        youth_rows, registration_rows = [], []
        for i in range(stored):
            whole = i % 10 == 5
            youth_rows.append(
                {
                    "id": uuid7(),
                    "name": stored_name(i),
                    "phone": stored_phone(i) if whole else f"139****{i % 10_000:04d}",
                    "gender": "male",
                    "school_or_employer": "南京市江宁高级中学",
                    "region_code": "320115",
                    "version": 1,
                }
            )
            registration_rows.append(
                {
                    "id": uuid7(),
                    "activity_id": "activity-old",
                    "youth_id": youth_rows[-1]["id"],
                    "status": "approved",
                    "registered_at": now - timedelta(days=35),
                    "reject_reason": "",
                    "version": 1,
                }
            )
        if youth_rows:
            conn.execute(insert(youths), youth_rows)
            conn.execute(insert(registrations), registration_rows)
    store.set_meta("org_id", ORG)
    start = now + timedelta(days=14)
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


def run_library(path: Path, store, activity_id: str) -> dict[str, tuple[float, float]]:
    """The library calls alone: read, preview, import."""
    from sync.client.store import registration_queries as rq
    from sync.core.records import RegistrationSource
    from sync.tools import registration_import as ri
    from sync.tools.spreadsheet import detect_layout, read_workbook

    clock = Clock()
    workbook = read_workbook(path)
    clock.lap("read")
    sheet = workbook.sheets[0]
    preview = ri.build_preview(
        sheet,
        detect_layout(ri.SPEC, sheet),
        today=datetime.now(UTC).date(),
        lookup=lambda p, i: store.read(rq.stored_youths, activity_id, list(p), list(i)),
    )
    clock.lap("preview")
    good = [row.youth() for row in preview.good]
    store.create_registrations(activity_id, good, source=RegistrationSource.IMPORT)
    clock.lap("import")
    clock.figures["in all"] = clock.since_start()
    return clock.figures


class Clock:
    """Wall-clock and processor time (every thread's: what an idle machine would take)."""

    def __init__(self) -> None:
        self.figures: dict[str, tuple[float, float]] = {}
        self.start = self.last = self.now()

    @staticmethod
    def now() -> tuple[float, float]:
        return time.perf_counter(), time.process_time()

    def since_start(self) -> tuple[float, float]:
        wall, cpu = self.now()
        return wall - self.start[0], cpu - self.start[1]

    def lap(self, name: str) -> None:
        wall, cpu = self.now()
        self.figures[name] = (wall - self.last[0], cpu - self.last[1])
        self.last = wall, cpu

    def add(self, name: str, began: tuple[float, float]) -> None:
        wall, cpu = self.now()
        old = self.figures.get(name, (0.0, 0.0))
        self.figures[name] = (old[0] + wall - began[0], old[1] + cpu - began[1])


def run_app(path: Path, store, activity_id: str) -> dict[str, float]:
    """`RegistrationExcel.import_file` on the page, the preview dialog accepted once shown;
    each part timed by wrapping what the page calls."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from desktop.dialogs import import_dialog
    from desktop.events import StoreEvents
    from desktop.pages import registration_excel
    from desktop.pages.registrations import RegistrationsPage
    from desktop.undo import UndoHistory
    from sync.tools import registration_import

    app = QApplication.instance() or QApplication([])
    window = QMainWindow()
    events = StoreEvents(store, window)
    page = RegistrationsPage(store, events, UndoHistory(store, window))
    window.setCentralWidget(page)
    window.resize(1366, 800)
    window.show()
    page.filters.fill_activities()
    page.set_activity(activity_id)
    app.processEvents()

    clock = Clock()

    def timed(name: str, func):
        def wrapper(*args, **kwargs):
            began = clock.now()
            try:
                return func(*args, **kwargs)
            finally:
                clock.add(name, began)

        return wrapper

    originals = (
        registration_excel.read_workbook,
        registration_import.build_preview,
        store.create_registrations,
        import_dialog.ImportDialog.__init__,
    )
    registration_excel.read_workbook = timed("read (worker)", originals[0])
    registration_import.build_preview = timed("preview (worker)", originals[1])
    store.create_registrations = timed("import (worker)", originals[2])
    import_dialog.ImportDialog.__init__ = timed("dialog built", originals[3])

    def accept_when_shown() -> None:
        modal = QApplication.activeModalWidget()
        if isinstance(modal, import_dialog.ImportDialog) and modal.isVisible():
            clock.lap("Ctrl+I to shown")
            modal.import_button.click()
        else:
            QTimer.singleShot(1, accept_when_shown)

    try:
        QTimer.singleShot(0, accept_when_shown)
        clock.start = clock.last = clock.now()
        imported = page.excel.import_file(path)
        app.processEvents()  # the page shows what was imported
        clock.lap("accepted to done")
    finally:
        (
            registration_excel.read_workbook,
            registration_import.build_preview,
            store.create_registrations,
            import_dialog.ImportDialog.__init__,
        ) = originals
        del store.create_registrations
        window.close()
    assert imported, "nothing imported"
    found = page.model.rowCount()
    assert found == imported, (found, imported)
    clock.figures["in all"] = clock.since_start()
    return clock.figures


def run(rows: int, stored: int, app: bool, profile: bool) -> dict[str, tuple[float, float]]:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        folder_path = Path(folder)
        path = folder_path / "list.xlsx"
        write_list(path, rows)
        store, activity_id = open_store(folder_path, stored)
        profiler = cProfile.Profile() if profile else None
        try:
            if profiler:
                profiler.enable()
            if app:
                figures = run_app(path, store, activity_id)
            else:
                figures = run_library(path, store, activity_id)
            if profiler:
                profiler.disable()
                pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        finally:
            store.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--stored", type=int, default=20_000, help="youths already on the device")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true", help="print where the time goes")
    parser.add_argument("--no-app", action="store_true", help="the library calls only")
    parser.add_argument("--json", type=Path, help="also write the 'in all' figures here (run.py)")
    args = parser.parse_args()
    summary: dict[str, float] = {"rows": args.rows}
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for app in (False,) if args.no_app else (False, True):
        way = "app (Ctrl+I to done)" if app else "library"
        runs = [run(args.rows, args.stored, app, args.profile) for _ in range(args.runs)]
        print(f"{way}, {args.rows} rows, {args.stored} youths stored, {args.runs} runs:")
        print(f"  {'':<18} {'wall min':>9} {'median':>7}   {'CPU min':>8} {'median':>7}")
        for part in runs[0]:
            wall = [r[part][0] for r in runs]
            cpu = [r[part][1] for r in runs]
            print(
                f"  {part:<18} {min(wall):8.2f}s {statistics.median(wall):6.2f}s   "
                f"{min(cpu):7.2f}s {statistics.median(cpu):6.2f}s"
            )
        way_key = "app" if app else "library"
        summary[f"{way_key}_median"] = statistics.median(r["in all"][0] for r in runs)
        summary[f"{way_key}_cpu_median"] = statistics.median(r["in all"][1] for r in runs)
    if args.json:
        args.json.write_text(json.dumps(summary))


if __name__ == "__main__":
    main()
