"""`--self-test`: does this installation work on this machine? Frozen or not, offscreen, on a
COPY of the profile's database (or a fresh demo one), never touching the profile itself.

It checks what a broken bundle or machine would break: the package version, the bundled
resources, a font with Chinese characters, the database (copied, migrated, opened), every page
built and painted, the 地图 page loaded in QtWebEngine with its local Leaflet, a 签到 code
signed and verified (and a tampered one refused) with its QR sheet, SQLCipher, Excel, and the
keyring's backends. It prints one line per check (✓ or ✗, seconds, what it saw) and returns 0
when all passed, else 1.

The copy is signed out before it is opened, so nothing it holds can reach the server.
"""

from __future__ import annotations

import contextlib
import logging
import os
import platform
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

log = logging.getLogger(__name__)

MAP_TIMEOUT_MS = 60_000  # Chromium's first start on a slow, busy machine takes seconds
STATS_FAILED = "统计失败：{error}"  # the 统计 page's words (its own translation of them)
LEAFLET_PROBE = "typeof L === 'object' && typeof L.markerClusterGroup === 'function'"


class CheckFailed(Exception):
    """A check saw something wrong; the message says what."""


class Report:
    """The checks' results, printed as they come."""

    def __init__(self, out: TextIO):
        self.out = out
        self.failed: list[str] = []
        self.last_ok = True  # the latest check passed

    @contextlib.contextmanager
    def check(self, name: str) -> Iterator[list[str]]:
        """Run the block as one check; it may append what it saw to the yielded list. Any
        exception fails the check (and is logged), and the self-test goes on."""
        seen: list[str] = []
        started = time.perf_counter()
        try:
            yield seen
        except Exception as error:  # a self-test reports every failure, whatever it is
            log.exception("self-test check %r failed", name)
            self._line(False, name, started, f"{type(error).__name__}: {error}")
            self.failed.append(name)
            self.last_ok = False
        else:
            self._line(True, name, started, "; ".join(seen))
            self.last_ok = True

    def _line(self, ok: bool, name: str, started: float, detail: str) -> None:
        seconds = time.perf_counter() - started
        mark = "✓" if ok else "✗"
        print(f"{mark} {name:<28} {seconds:6.2f} s  {detail}", file=self.out, flush=True)


def run(profile: Path, *, out: TextIO | None = None) -> int:
    """The whole self-test for `profile` (its database is copied, never opened in place)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = out or _output()
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401  (before the QApplication exists)
    except ImportError as error:  # a system library Qt needs is missing (libGL on Linux)
        print(f"✗ Qt libraries: {error} (docs/installers.md)\nself-test: failed", file=out)
        return 1
    from PySide6 import __version__ as pyside_version
    from PySide6.QtWidgets import QApplication

    from desktop.logs import setup_logging
    from sync.core import paths
    from sync.core.release import current_version

    work = Path(tempfile.mkdtemp(prefix="suqing-self-test-"))
    log_file = setup_logging(work / "logs")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    report = Report(out)
    how = "frozen bundle" if paths.is_frozen() else "from source"
    print(
        f"苏青U+ 工作台 self-test: {how}, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}, {platform.system()} {platform.machine()}, profile {profile}",
        file=out,
    )
    try:
        with report.check("package version") as seen:
            version = current_version()
            if version == "0":
                raise CheckFailed("no package metadata: the update notice would misread it")
            seen.append(version)
        _check_resources(report)
        store = _check_database(report, profile, work)
        if store is not None:
            _check_window(report, app, store, profile, work)
        _check_checkin_code(report, work)
        _check_sqlcipher(report, work)
        _check_excel(report, work)
        _check_zstd(report)
        _check_keyring(report)
    finally:
        app.processEvents()
        _close_log(log_file)
        if report.failed and log_file.exists():  # what went wrong, for whoever reads the output
            print("--- log ---\n" + log_file.read_text("utf-8")[-4000:], file=sys.stderr)
        shutil.rmtree(work, ignore_errors=True)
    total = "all passed" if not report.failed else f"{len(report.failed)} failed"
    print(f"self-test: {total}", file=out, flush=True)
    return 0 if not report.failed else 1


def _close_log(path: Path) -> None:
    """Let go of the log file (its folder is removed next)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "baseFilename", None) == os.path.abspath(path):
            root.removeHandler(handler)
            handler.close()


def _output() -> TextIO:
    """stdout; a windowed build (Windows, macOS) may have none, and then the report goes to
    suqing-self-test.txt in the temporary folder (untested)."""
    if sys.stdout is not None:
        with contextlib.suppress(AttributeError, ValueError):
            sys.stdout.reconfigure(errors="replace")  # ✓ in a console without UTF-8
        return sys.stdout
    return (Path(tempfile.gettempdir()) / "suqing-self-test.txt").open("w", encoding="utf-8")


def _check_resources(report: Report) -> None:
    from desktop import i18n
    from sync.core.paths import GENERATED_DIR, RESOURCES_DIR
    from sync.core.regions import regions

    with report.check("bundled resources") as seen:
        for name in ("web/leaflet/leaflet.js", "web/markercluster/leaflet.markercluster.js"):
            if not (GENERATED_DIR / name).is_file():
                raise CheckFailed(f"missing {GENERATED_DIR / name}")
        if not (RESOURCES_DIR / "icons" / "app.svg").is_file():
            raise CheckFailed(f"missing {RESOURCES_DIR / 'icons' / 'app.svg'}")
        counties = sum(1 for _ in regions().counties())
        seen.append(f"{counties} counties, Leaflet, icons in {RESOURCES_DIR}")
    with report.check("translations") as seen:
        if not i18n.set_language("en"):
            raise CheckFailed("the English translation did not load")
        i18n.set_language("zh_CN")
        seen.append("English loads")
    with report.check("Chinese font") as seen:
        from PySide6.QtGui import QFontDatabase

        families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
        if not families:  # Linux bundles carry none (docs/installers.md)
            raise CheckFailed(
                "none installed: Chinese shows as empty boxes (fonts-wqy-microhei, fonts-noto-cjk)"
            )
        seen.append(", ".join(families[:3]))


def _check_zstd(report: Report) -> None:
    """The server sends pull pages and snapshots in zstd to a client that asks for it; urllib3
    asks, and unpacks them, only where it finds the zstd module (backports.zstd before 3.14)."""
    import requests

    with report.check("zstd answers") as seen:
        accepted = requests.utils.default_headers()["Accept-Encoding"]
        if "zstd" not in accepted:
            raise CheckFailed(f"urllib3 found no zstd module: asks for {accepted!r} only")
        from urllib3.response import ZstdDecoder  # what unpacks the server's answers

        if sys.version_info >= (3, 14):
            from compression import zstd
        else:
            from backports import zstd
        text = "苏青".encode() * 1000
        if ZstdDecoder().decompress(zstd.compress(text)) != text:
            raise CheckFailed("a zstd frame did not unpack to what was packed")
        seen.append(f"Accept-Encoding: {accepted}")


def _check_database(report: Report, profile: Path, work: Path):
    """The copy, migrated and opened as a Store; None when that failed."""
    from sync.client.session import ACCOUNT_KEY
    from sync.client.store import DATABASE_NAME, Store, cipher
    from sync.client.store.migrations import LATEST, copy_database, migrate

    source, target = profile / DATABASE_NAME, work / DATABASE_NAME
    key: str | None = None
    with report.check("database copy") as seen:
        if source.is_file():
            if not cipher.is_plain(source):
                key = cipher.stored_key(source)
                if key is None:
                    raise CheckFailed(f"{source} is encrypted and its key is not in the keyring")
            copy_database(source, target, key)  # consistent even while the app writes
            encrypted = "encrypted" if key else "plain"
            seen.append(f"{encrypted} copy of {source} ({source.stat().st_size / 1e6:.1f} MB)")
        else:
            seen.append(f"no database in {profile}: a fresh demo one")
    if not report.last_ok:
        return None
    with report.check("migrations") as seen:
        before = migrate(target, key=key)
        seen.append(f"schema {before} → {LATEST}" if before < LATEST else f"schema {LATEST}")
    if not report.last_ok:
        return None
    with report.check("open the database") as seen:
        store = Store(target, key=key)
        # The copy forgets the account, as sign_out does here (no token is looked up, no sync
        # starts); never sign_out itself, which would revoke the user's real token.
        store.set_meta(ACCOUNT_KEY, "")
        if not source.is_file():
            from sync.tools.demo import replica

            replica.generate(store, "small")
        seen.append(f"{store.count('activities')} activities, {store.pending_count()} unsent")
        return store
    return None


def _check_window(report: Report, app: Any, store: Any, profile: Path, work: Path) -> None:
    """Every page built (created now if the window makes them lazily) and painted; the map
    loaded. The profile's settings are copied too, so its language and tiles count."""
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings

    from desktop import settings as s
    from desktop.main_window import MainWindow

    if (profile / "settings.ini").is_file():
        shutil.copy2(profile / "settings.ini", work / "settings.ini")
    window = None
    with report.check("main window"):
        settings = s.Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
        settings.set(s.LAST_PAGE, 0)  # the map is first shown (and awaited) below
        window = MainWindow(settings, log_dir=str(work / "logs"))
        window.attach_store(store)
        window.resize(1366, 800)
        window.show()
        app.processEvents()
    if window is None or not report.last_ok:
        store.close()
        return
    try:
        for row, key in enumerate(window.PAGE_KEYS):
            with report.check(f"page {key}") as seen:
                seen.append(window.nav.item(row).text())
                if key == "map":
                    seen.append(_show_map(window, row))
                else:
                    seen.append(_show_page(app, window, row))
    finally:
        window.close()
        # The web view must be gone before the QApplication, or Chromium crashes at exit.
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        store.close()


def _show_page(app: Any, window: Any, row: int) -> str:
    window.nav.setCurrentRow(row)
    page = window.pages.currentWidget()
    if page is None or page is getattr(window, "loading_label", None):
        raise CheckFailed("the page was not built")
    _settle(app, page)
    state = getattr(page, "state_label", None)  # 统计 says there when its figures failed
    if state is not None and state.text().startswith(page.tr(STATS_FAILED).split("{")[0]):
        raise CheckFailed(state.text())
    image = window.grab()
    if image.isNull():
        raise CheckFailed("it did not paint")
    return f"{type(page).__name__} painted {image.width()}×{image.height()}"


def _settle(app: Any, page: Any, timeout_s: float = 30) -> None:
    """Handle events until no background job of the page runs (统计 computes its figures on
    one and hands them over on the UI thread, which must keep handling events for that)."""
    from desktop.workers import BackgroundJob

    deadline = time.monotonic() + timeout_s
    app.processEvents()
    while any(job.is_running() for job in page.findChildren(BackgroundJob)):
        if time.monotonic() > deadline:
            raise CheckFailed(f"its background work did not end within {timeout_s:.0f} s")
        time.sleep(0.02)
        app.processEvents()


def _show_map(window: Any, row: int) -> str:
    """Show the 地图 page and wait until QtWebEngine has loaded it and drawn the data (both
    happen later, in the event loop); then ask the page whether Leaflet and its cluster plugin,
    local files, are there."""
    window.nav.setCurrentRow(row)
    page = window.pages.currentWidget()
    view = getattr(page, "view", None)

    def start(done: Callable[..., None]) -> None:
        page.redrawn.connect(done)
        if view is not None and view.ready:  # already loaded and drawn: draw once more
            page.redraw()

    drawn = _wait_for(start)
    if drawn is None:
        raise CheckFailed(f"the map page did not load and draw within {MAP_TIMEOUT_MS // 1000} s")
    answer = _wait_for(lambda done: page.view.page().runJavaScript(LEAFLET_PROBE, 0, done))
    if answer != (True,):
        raise CheckFailed(f"Leaflet is not on the page (the probe answered {answer})")
    orgs, activities = drawn
    return f"Leaflet and markercluster loaded; {orgs} organisations, {activities} activities"


def _wait_for(start: Callable[[Callable[..., None]], None]) -> tuple | None:
    """Call `start(done)` and run the event loop until `done(*args)` is called (returns the
    args) or MAP_TIMEOUT_MS passed (returns None)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer(loop, singleShot=True, interval=MAP_TIMEOUT_MS)
    timer.timeout.connect(loop.quit)
    result: list[tuple] = []

    def done(*args: Any) -> None:
        if not result:
            result.append(args)
            loop.quit()

    timer.start()
    start(done)
    if not result:
        loop.exec()
    return result[0] if result else None


def _check_checkin_code(report: Report, work: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.checkin_sheet import Card, write_sheet
    from sync.core import checkin_codes

    with report.check("check-in code") as seen:
        key = Ed25519PrivateKey.generate()  # throwaway: a server's key never leaves it
        public = checkin_codes.load_public_key(checkin_codes.public_key_text(key.public_key()))
        registration, activity = str(uuid.uuid4()), str(uuid.uuid4())
        code = checkin_codes.sign(key, registration, activity, datetime.now(UTC))
        content = checkin_codes.verify(public, code)
        if (content.registration_id, content.activity_id) != (registration, activity):
            raise CheckFailed("the verified code names another registration")
        flipped = code[:-5] + ("A" if code[-5] != "A" else "B") + code[-4:]
        foreign = checkin_codes.sign(
            Ed25519PrivateKey.generate(), registration, activity, datetime.now(UTC)
        )
        for bad in (flipped, foreign):
            try:
                checkin_codes.verify(public, bad)
            except checkin_codes.BadCode:
                continue
            raise CheckFailed("a tampered or foreign code was accepted")
        seen.append("signed and verified; tampered and foreign codes refused")
        pages = write_sheet(work / "codes.pdf", "self-test", [Card("测试", "138****0000", code)])
        seen.append(f"QR sheet {pages} page, {(work / 'codes.pdf').stat().st_size} bytes")


def _check_sqlcipher(report: Report, work: Path) -> None:
    from sync.client.store import cipher

    with report.check("SQLCipher") as seen:
        path, key = work / "cipher-check.sqlite", cipher.new_key()
        db = cipher.connect(path, key)
        db.execute("PRAGMA cipher_log_level = NONE")  # the wrong key below is on purpose
        with db:
            db.execute("CREATE TABLE t (x)")
            db.execute("INSERT INTO t VALUES (42)")
        db.close()
        if cipher.is_plain(path):
            raise CheckFailed("the file was written unencrypted")
        try:
            cipher.connect(path, cipher.new_key()).close()
        except cipher.LocalDataLocked:
            seen.append("encrypted file opens with its key only")
        else:
            raise CheckFailed("the file opened with another key")


def _check_excel(report: Report, work: Path) -> None:
    from openpyxl import load_workbook

    from sync.tools.excel import Sheet, export_sheets

    with report.check("Excel") as seen:
        path = work / "check.xlsx"
        export_sheets(path, [Sheet("自检", ["组织", "人数"], [["江宁区", 3]])])
        workbook = load_workbook(path, read_only=True)
        rows = list(workbook.active.iter_rows(values_only=True))
        workbook.close()
        if ["江宁区", 3] not in [list(r) for r in rows]:
            raise CheckFailed(f"read back {rows}")
        seen.append("written and read back")


def _check_keyring(report: Report) -> None:
    """The backends must be discoverable (entry points, from the bundled metadata); that this
    machine offers none (a server without a desktop session) is reported, not failed."""
    from importlib.metadata import entry_points

    import keyring

    with report.check("keyring") as seen:
        found = entry_points(group="keyring.backends")
        if not found:
            raise CheckFailed("no keyring backends found: the bundle lacks keyring's metadata")
        backend = keyring.get_keyring()
        name = f"{type(backend).__module__}.{type(backend).__name__}"
        usable = not name.startswith("keyring.backends.fail")
        seen.append(f"{len(found)} backends known; this machine: {name}")
        if not usable:
            seen.append("none usable here (tokens kept until the app closes)")
