"""Benchmark of the 粉丝 page on the `county` demo database. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_followers.py [--database PATH] [--runs 3]

- screen load: switching to the page until its first screen of rows is painted, for the county
  committee's own followers and for the county with all its subordinates (200,000);
- each sort key and a search, on the whole county: the ids query plus the first page of rows;
- the growth chart's query;
- one bulk tag of every follower of the county committee, and its undo (on a copy).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _best(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.0f} ms (min {min(samples) * 1000:.0f})"


# The local database's key when the figures are taken encrypted (`--encrypt`), else None.
KEY: str | None = None


def screen_load(database: Path, runs: int) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop import settings as s
    from desktop.main_window import MainWindow
    from sync.client.store import Store

    app = QApplication.instance() or QApplication([])
    for label, choice in (("county committee", "home"), ("county and below", "home_and_below")):
        samples = []
        for _ in range(runs):
            store = Store(database, key=KEY)
            folder = tempfile.mkdtemp()
            settings = s.Settings(QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
            window = MainWindow(settings, log_dir=folder, store=store)
            window.resize(1366, 800)
            window.show()
            app.processEvents()
            page = window.followers_page
            started = time.perf_counter()
            window.nav.setCurrentRow(window.PAGE_KEYS.index("followers"))
            while page.model.rowCount() == 0:
                app.processEvents()
            if choice != "home":
                page.org_combo.setCurrentIndex(page.org_combo.findData(choice))
            window.repaint()  # paints the first screen: reads its rows
            samples.append(time.perf_counter() - started)
            count = page.model.rowCount()
            window.close()
            store.close()
            shutil.rmtree(folder, ignore_errors=True)
        print(f"screen load, {label} ({count:,} followers): {_best(samples)}")


def queries(database: Path, runs: int) -> None:
    from datetime import UTC, datetime

    from sync.client.store import Store
    from sync.client.store import follower_queries as fq

    store = Store(database, key=KEY)
    home = store.get_meta("org_id")
    below = [o["id"] for o in store.read(fq.subordinate_organizations, home)]
    everyone = (home, *below)
    for sort in ("followed_at", "name", "gender", "org", "source", "joined"):  # no phone: masked
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            ids = store.read(fq.follower_ids, fq.FollowerQuery(org_ids=everyone, sort=sort))
            store.read(fq.follower_rows, ids[:200])
            samples.append(time.perf_counter() - started)
        print(f"sort by {sort:<11} {len(ids):,} followers: {_best(samples)}")
    for text in ("王", "1234"):
        samples = []
        for _ in range(runs):
            started = time.perf_counter()
            ids = store.read(fq.follower_ids, fq.FollowerQuery(org_ids=everyone, text=text))
            samples.append(time.perf_counter() - started)
        print(f"search {text!r}: {len(ids):,} found, {_best(samples)}")
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        store.read(fq.follower_growth, everyone, datetime.now(UTC))
        samples.append(time.perf_counter() - started)
    print(f"growth of the whole county: {_best(samples)}")
    store.close()


def bulk_tag(database: Path) -> None:
    from sync.client.store import Store
    from sync.client.store import follower_queries as fq

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "workbench.sqlite"
        shutil.copy(database, copy)
        store = Store(copy, key=KEY)
        home = store.get_meta("org_id")
        ids = store.read(fq.follower_ids, fq.FollowerQuery(org_ids=(home,)))
        started = time.perf_counter()
        op_ids = store.tag_followers(ids, add=["基准测试"])
        tagged = time.perf_counter() - started
        started = time.perf_counter()
        store.undo_many(op_ids)
        undone = time.perf_counter() - started
        store.close()
    print(
        f"tag {len(ids):,} followers in {len(op_ids)} operations: {tagged:.2f} s; "
        f"undo: {undone:.2f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, help="a county demo database (else generated)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--encrypt", action="store_true", help="also on an encrypted copy (SQLCipher), beside"
    )
    args = parser.parse_args()
    if args.database is None:
        from benchmarks.bench_foundation import county_profile

        args.database = county_profile() / "workbench.sqlite"
    print("== plain SQLite")
    screen_load(args.database, args.runs)
    queries(args.database, args.runs)
    bulk_tag(args.database)
    if args.encrypt:
        from sync.client.store import cipher

        global KEY
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "workbench.sqlite"
            shutil.copy(args.database, copy)
            KEY = cipher.new_key()
            started = time.perf_counter()
            cipher.encrypt_in_place(copy, KEY)
            print(f"== encrypted (SQLCipher 4), converted in {time.perf_counter() - started:.1f} s")
            screen_load(copy, args.runs)
            queries(copy, args.runs)
            bulk_tag(copy)


if __name__ == "__main__":
    main()
