"""Start the workbench: `python -m desktop [--profile DIR] [--demo SIZE] [--screenshot DIR]
[--self-test]`."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import tempfile
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "SuqingWorkbench"
ORG_NAME = "SuqingU"

log = logging.getLogger(__name__)

# Simplified Chinese glyph shapes first: Windows, macOS, then the Linux fonts setup.sh installs.
UI_FONT_FAMILIES = [
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m desktop", description="苏青U+ 工作台")
    parser.add_argument("--profile", type=Path, help="folder for this device's data and settings")
    parser.add_argument(
        "--demo",
        choices=["small", "county"],
        help="fill an empty profile with generated demo data of this size",
    )
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="DIR",
        help="render every page offscreen into DIR as PNG files, then exit",
    )
    parser.add_argument(
        "--demo-server",
        metavar="URL",
        help="sign in to a demo server (python -m sync.server seed-demo) as its county account",
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen on a copy of the profile's data; exit 0 or 1",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # The cyclic garbage collector runs over and over while some 560 modules import, and finds
    # next to nothing: about a tenth of the CPU time to the first rows. Off until they are up.
    gc.disable()
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        if args.profile is None:
            args.profile = Path(tempfile.mkdtemp(prefix="suqing-screenshot-"))
        args.demo = args.demo or (None if args.demo_server else "small")

    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium (the 地图 page's web view) refuses to start as root with its sandbox on.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    if args.self_test:
        from desktop.self_test import run

        return run(args.profile or Path(user_data_dir(APP_NAME, ORG_NAME)))
    from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
    from PySide6.QtGui import QFont, QIcon
    from PySide6.QtWidgets import QApplication

    _cheaper_pyside_import_hook()
    from desktop import i18n
    from desktop import settings as s
    from desktop.logs import setup_logging
    from sync.core.paths import RESOURCES_DIR

    profile = args.profile or Path(user_data_dir(APP_NAME, ORG_NAME))
    profile.mkdir(parents=True, exist_ok=True)
    log_dir = profile / "logs" if args.profile else Path(user_log_dir(APP_NAME, ORG_NAME))
    setup_logging(log_dir)
    log.info("starting with profile %s", profile)

    # What QtWebEngine needs of the QApplication, so that the 地图 page can import it when first
    # opened instead of every start paying for it before the window shows.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setWindowIcon(QIcon(str(RESOURCES_DIR / "icons" / "app.svg")))
    font = QFont(app.font())
    font.setFamilies(UI_FONT_FAMILIES)
    font.setPointSize(10)
    app.setFont(font)

    settings = s.Settings(QSettings(str(profile / "settings.ini"), QSettings.Format.IniFormat))
    if args.lang:
        settings.set(s.LANGUAGE, args.lang)
    i18n.set_language(settings.get(s.LANGUAGE))

    from desktop.main_window import MainWindow

    window = MainWindow(settings, log_dir=str(log_dir))
    if args.screenshot:
        opened = attach_store(window, profile, demo=args.demo)
        gc.enable()
        if not opened:
            return 1
        if args.demo_server and not sign_in_to_demo(window, args.demo_server, wait=True):
            return 1
        from desktop.screenshots import capture_all

        paths = capture_all(window, args.screenshot)
        print("\n".join(str(p) for p in paths))
        window.close()  # waits for the workers (a 统计 computation) before the threads go
        return 0
    # Paint the window first, then the start page's rows as the window kept them when it last
    # closed (`desktop.first_screen`), then open the database: the cadre sees the app at once.
    window.show()
    app.processEvents()
    log.info("window shown")  # benchmarks/bench_bundle.py times the start up to this line

    def load() -> None:
        from sync.client.store import first_screen
        from sync.core.paths import DATABASE_NAME

        if window.show_first_screen(first_screen.read(profile / DATABASE_NAME)):
            app.processEvents()
            log.info("first rows shown")  # benchmarks/bench_foundation.py --frozen times these
        opened = attach_store(window, profile, demo=args.demo)
        gc.enable()
        if not opened:
            app.exit(1)
            return
        from desktop.main_window import after_first_paint

        after_first_paint(window.pages.currentWidget(), lambda: log.info("start page painted"))
        if args.demo_server:
            sign_in_to_demo(window, args.demo_server, wait=False)

    _close_on_terminate(window)
    QTimer.singleShot(0, load)
    return app.exec()


def _close_on_terminate(window) -> None:
    """Logging out or shutting down the machine sends SIGTERM: close the window as the cadre
    would (the sync stopped between steps, the geometry and the first screen kept) instead of
    dying wherever the signal lands."""
    import signal

    from PySide6.QtCore import QTimer

    if not hasattr(signal, "SIGTERM"):
        return
    signal.signal(signal.SIGTERM, lambda *_: QTimer.singleShot(0, window.close))
    # Python runs a signal handler only between bytecodes, and an idle Qt loop runs none.
    ticker = QTimer(window, interval=250)
    ticker.timeout.connect(lambda: None)
    ticker.start()


def _cheaper_pyside_import_hook() -> None:
    """PySide6 asks of every module imported after it whether its source mentions "PySide6"
    (for `from __feature__ import ...`), through inspect.getsource: linecache reads, decodes and
    splits into lines each of the ~500 files the start imports, some 7% of the CPU time to the
    first rows. The same question, asked of the file's bytes. Left alone if PySide6 changes."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return

    def mod_uses_pyside(module) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:  # no source (a frozen build): PySide6's own answer is False too
            return False

    feature._mod_uses_pyside = mod_uses_pyside


def sign_in_to_demo(window, url: str, *, wait: bool) -> bool:
    """Sign in to a demo server as its county account, then sync (and wait for it if asked)."""
    from PySide6.QtCore import QCoreApplication

    from desktop import settings as s
    from desktop.workers import run_with_progress
    from sync.client import credentials, session
    from sync.client.engine import sync_once
    from sync.client.http import ClientConfig, SyncError
    from sync.tools import demo

    store = window.store
    account = session.signed_in(store)
    try:
        if account is None or account.server_url != url:
            run_with_progress(
                lambda _p, _c: session.sign_in(
                    store, ClientConfig(base_url=url), demo.DEMO_HOME_USERNAME, demo.DEMO_PASSWORD
                ),
                QCoreApplication.translate("LoginDialog", "正在登录…"),
                parent=window,
                cancellable=False,
            )
        window.settings.set(s.SERVER_URL, url)
        if not wait:
            window.sync_now()
            return True

        def download(_progress, cancelled):
            client = session.connect(store)
            try:
                return sync_once(store, client, cancelled=cancelled)
            finally:
                client.close()

        report = run_with_progress(
            download, QCoreApplication.translate("MainWindow", "正在同步…"), parent=window
        )
        window.sync.refresh_state()
        return report.ok
    except (SyncError, session.AccountMismatch, credentials.CredentialsUnavailable) as error:
        log.error("demo sign-in failed: %s", error)
        print(error.user_message, file=sys.stderr)
        return False


def attach_store(window, profile: Path, *, demo: str | None) -> bool:
    """Open the profile's store (migrating it), add demo data if asked, show it in the window.
    On failure, say why in plain words and return False."""
    from desktop import settings as s
    from sync.client import local_data
    from sync.client.store.cipher import LocalDataLocked
    from sync.client.store.migrations import NewerSchemaError
    from sync.core.regions import RegionDataMissingError

    settings = window.settings
    wanted = {"user_choice": settings.get(s.ENCRYPT_LOCAL_DATA)}
    try:
        try:
            store = local_data.open_store(profile, settings.preset, **wanted)
        except LocalDataLocked as locked:  # or damaged (a LocalDataDamaged)
            if not window.offer_set_aside(locked):
                return False
            repaired = local_data.repair(profile, settings.preset)
            store = local_data.open_store(profile, settings.preset, **wanted)
            window.show_repaired(repaired)
        if demo and store.count("activities") == 0:
            from desktop.workers import generate_demo_with_progress

            gc.enable()  # off for a quick start (main), not for generating 300,000 records
            generate_demo_with_progress(store, demo)
        window.attach_store(store)
        return True
    except (
        NewerSchemaError,
        RegionDataMissingError,
        OSError,
        local_data.EncryptionUnavailable,
        LocalDataLocked,
    ) as error:
        log.exception("cannot open the workbench's data")
        window.show_open_error(error)
        return False
