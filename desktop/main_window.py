"""The main window: navigation on the left, one page at a time, the menus, and the status bar
(`desktop.status_bar`) and sign-in flow (`desktop.sign_in`) wired to the local data."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop import settings as s
from desktop.status_bar import SyncStatusBar
from desktop.sync_texts import sync_error_text
from desktop.update_notice import UpdateNotice
from sync.client import messages

if TYPE_CHECKING:  # the data layer is imported once the window shows (attach_store)
    from sync.client.store import Store

log = logging.getLogger(__name__)

LEAGUE_RED = "#c8161d"

NAV_STYLE = f"""
QListWidget#nav {{ background: #2b2f36; color: #e8e8e8; border: none; font-size: 15px;
                  outline: none; }}
QListWidget#nav::item {{ padding: 12px 18px; }}
QListWidget#nav::item:selected {{ background: {LEAGUE_RED}; color: white; }}
QListWidget#nav::item:hover:!selected {{ background: #3a3f47; }}
QLabel#brand {{ background: #2b2f36; color: white; font-size: 17px; font-weight: bold;
               padding: 16px 18px 4px 18px; }}
QLabel#org {{ background: #2b2f36; color: #b8bcc4; padding: 0 18px 14px 18px; }}
"""


class _FirstPaint(QObject):
    """Runs `then` on the event loop's turn after `widget` first paints (see after_first_paint)."""

    def __init__(self, widget: QWidget, then: Callable[[], object]):
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
            self.deleteLater()
        return False


def after_first_paint(widget: QWidget, then: Callable[[], object]) -> None:
    """Run `then` once `widget` has painted: work the first screen does not need waits until
    the cadre sees the rows. A widget that never shows (a test's hidden window) never runs it;
    what it would build is built when first asked for anyway."""
    _FirstPaint(widget, then)


class MainWindow(QMainWindow):
    PAGE_KEYS = ("activities", "registrations", "followers", "checkin", "map", "stats", "requests")

    def __init__(self, settings: s.Settings, *, log_dir: str = "", store: Store | None = None):
        """The shell (navigation, menus, status bar) needs no data, so it can be shown at once;
        `attach_store` then opens the pages on the local database."""
        super().__init__()
        self.settings = settings
        self.log_dir = log_dir
        self.store: Store | None = None
        self.home_org_id: str | None = None

        self.nav = QListWidget(objectName="nav")
        self.nav.setIconSize(QSize(20, 20))
        for _ in self.PAGE_KEYS:
            self.nav.addItem(QListWidgetItem())
        self.nav.currentRowChanged.connect(self._show_page)
        self.pages = QStackedWidget()
        self.loading_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.loading_label)
        self.first_screen: QWidget | None = None  # see show_first_screen

        self.brand = QLabel(objectName="brand")
        self.org_label = QLabel(objectName="org")
        self.org_label.setWordWrap(True)
        self.brand.setWordWrap(True)
        side = QWidget()
        side.setFixedWidth(180)  # the whole column, so a longer (English) title wraps inside it
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        side_layout.addWidget(self.brand)
        side_layout.addWidget(self.org_label)
        side_layout.addWidget(self.nav, 1)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(side)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.setStyleSheet(NAV_STYLE)

        self._build_menus()
        self._build_status_bar()
        self.retranslate()
        geometry = settings.get(s.MAIN_WINDOW_GEOMETRY)
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(1366, 800)
        if store is not None:
            self.attach_store(store)

    def attach_store(self, store: Store) -> None:
        """Open the window on the local database: the last page used is built and shown at
        once, every other page when first visited (`page`), so the first rows paint without
        importing and querying for seven pages. The 诉求 page follows right after the first
        paint: its overdue count sits in the status bar whichever page is open."""
        from desktop.events import StoreEvents
        from desktop.sync_controller import SyncController
        from desktop.undo import UndoHistory

        self.store = store
        self.home_org_id = store.get_meta("org_id")
        self.events = StoreEvents(store, self)
        self.undo_history = UndoHistory(store, self)
        self._built: dict[str, QWidget] = {}
        self.pages.removeWidget(self.loading_label)
        if self.first_screen is not None:  # the page built below takes its place
            self.pages.removeWidget(self.first_screen)
            self.first_screen.deleteLater()
            self.first_screen = None
        for _ in self.PAGE_KEYS:  # a stand-in per page, swapped for the page on its first visit
            self.pages.addWidget(QWidget())
        self.events.table_changed.connect(self._on_table_changed)
        self.undo_history.changed.connect(self._update_undo_action)
        self.sync = SyncController(store, self.settings, self)
        self.events.table_changed.connect(self.sync.on_table_changed)
        self.sync.state_changed.connect(self.update_status)
        self.sync.sync_finished.connect(self._on_sync_finished)
        self.sync.progressed.connect(self._on_sync_progress)
        from desktop.sign_in import SignInFlow

        self.sign_in = SignInFlow(store, self.settings, self.sync, self.undo_history, window=self)
        self.sign_in.signed_out.connect(self._on_signed_out)
        self.retranslate()
        row = self._start_row()
        self.nav.setCurrentRow(row)
        self._show_page(row)  # the nav may have stood on that row already, without a signal
        after_first_paint(self.pages.currentWidget(), lambda: self.page("requests"))

    def _start_row(self) -> int:
        """The row of the page the window opens on: the last one used."""
        return min(self.settings.get(s.LAST_PAGE), len(self.PAGE_KEYS) - 1)

    def show_first_screen(self, kept: dict | None) -> bool:
        """Before the local data is open: paint the start page's rows as this window kept them
        when it last closed (`desktop.first_screen`), if they are of the page the window opens
        on, in the language it speaks. The page replaces them in `attach_store`."""
        from desktop import first_screen

        row = self._start_row()
        if self.store is not None or not first_screen.usable(
            kept, self.PAGE_KEYS[row], self.settings.get(s.LANGUAGE)
        ):
            return False
        self.first_screen = first_screen.FirstScreen(kept, self.tr("正在打开本机数据…"))
        self.pages.addWidget(self.first_screen)
        self.pages.setCurrentWidget(self.first_screen)
        self.nav.setCurrentRow(row)
        self.org_label.setText(kept.get("org") or "")
        return True

    def keep_first_screen(self) -> None:
        """Keep the open page's first screen for the next start to paint at once."""
        from desktop import first_screen
        from sync.client.store import first_screen as kept_screen

        key = self.PAGE_KEYS[self.nav.currentRow()] if self.nav.currentRow() >= 0 else None
        page = self._page_if_built(key) if key else None
        if page is None:
            return
        language = self.settings.get(s.LANGUAGE)
        value = first_screen.capture(key, page, language, self.org_label.text())
        if value is not None:
            self.store.set_meta(kept_screen.KEY, json.dumps(value, ensure_ascii=False))

    # --- pages, built when first needed ------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page `key` (one of PAGE_KEYS), built on first use. Each page's module is imported
        here, not at start: the 地图 page alone pulls in QtWebEngine and folium."""
        if key in self._built:
            return self._built[key]
        store, events, undo, home = self.store, self.events, self.undo_history, self.home_org_id
        if key == "activities":
            from desktop.pages.activities import ActivitiesPage

            page = ActivitiesPage(store, events, undo, home_org_id=home)
        elif key == "registrations":
            from desktop.pages.registrations import RegistrationsPage

            page = RegistrationsPage(store, events, undo)
        elif key == "followers":
            from desktop.pages.followers import FollowersPage

            page = FollowersPage(store, events, undo, home_org_id=home)
        elif key == "checkin":
            from desktop.pages.checkin import CheckinPage

            page = CheckinPage(store, events)
            page.attach_sync(self.sync)
        elif key == "map":
            from desktop.pages.map_page import MapPage

            page = MapPage(store, events, self.settings)
        elif key == "stats":
            from desktop.pages.stats import StatsPage

            page = StatsPage(store, events, undo, home_org_id=home)
        elif key == "requests":
            from desktop.pages.requests import RequestsPage

            page = RequestsPage(store, events, undo, self.settings, home_org_id=home)
            # The overdue count stays in sight whichever page is open.
            self.status.insertPermanentWidget(0, page.overdue_label)
        else:
            raise KeyError(key)
        if key in ("activities", "followers", "map"):
            page.organization_requested.connect(self.open_organization)
        from desktop.first_screen import watch_start

        watch_start(page)
        self._built[key] = page
        index = self.PAGE_KEYS.index(key)
        stand_in = self.pages.widget(index)
        current = self.pages.currentIndex() == index
        self.pages.insertWidget(index, page)
        self.pages.removeWidget(stand_in)
        stand_in.deleteLater()
        if current:
            self.pages.setCurrentIndex(index)
        return page

    def ensure_all_pages(self) -> None:
        """Build every page now (the self-test and the screenshots check them all)."""
        for key in self.PAGE_KEYS:
            self.page(key)

    def _page_if_built(self, key: str) -> QWidget | None:
        return self._built.get(key) if self.store is not None else None

    # The pages by name, for the commands, the screenshots and the tests: built when asked for.
    activities_page = property(lambda self: self.page("activities"))
    registrations_page = property(lambda self: self.page("registrations"))
    followers_page = property(lambda self: self.page("followers"))
    checkin_page = property(lambda self: self.page("checkin"))
    map_page = property(lambda self: self.page("map"))
    stats_page = property(lambda self: self.page("stats"))
    requests_page = property(lambda self: self.page("requests"))

    # --- menus and status bar ----------------------------------------------------------------

    def _build_menus(self) -> None:
        self.file_menu = self.menuBar().addMenu("")
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.logs_action = QAction(self)
        self.logs_action.triggered.connect(self.open_logs)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.logs_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = self.menuBar().addMenu("")
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.edit_menu.addAction(self.undo_action)

        self.page_menu = self.menuBar().addMenu("")
        self.page_actions = []
        for i in range(len(self.PAGE_KEYS)):
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _=False, row=i: self.nav.setCurrentRow(row))
            self.page_menu.addAction(action)
            self.page_actions.append(action)

        self.account_menu = self.menuBar().addMenu("")
        self.login_action = QAction(self)
        self.login_action.triggered.connect(self.open_login)
        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence("F9"))
        self.sync_action.triggered.connect(self.sync_now)
        self.issues_action = QAction(self)
        self.issues_action.triggered.connect(self.open_sync_issues)
        self.logout_action = QAction(self)
        self.logout_action.triggered.connect(self.sign_out)
        for action in (self.login_action, self.sync_action, self.issues_action):
            self.account_menu.addAction(action)
        self.account_menu.addSeparator()
        self.account_menu.addAction(self.logout_action)

        self.help_menu = self.menuBar().addMenu("")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self.show_about)
        self.help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.status = SyncStatusBar(self.sync_action, self)
        self.status.issues_requested.connect(self.open_sync_issues)
        self.setStatusBar(self.status)
        self.update_notice = UpdateNotice(self.settings, self.status, self)
        # The labels by their old names: tests and screenshots read them off the window.
        self.issues_button = self.status.issues_button
        self.connection_label = self.status.connection_label
        self.pending_label = self.status.pending_label
        self.last_sync_label = self.status.last_sync_label
        self.sync_button = self.status.sync_button

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("苏青U+ 工作台"))
        self.brand.setText(self.tr("苏青U+ 工作台"))
        self.loading_label.setText(self.tr("正在打开本机数据…"))
        if self.store is not None:
            home = next(
                (o for o in self.store.organizations() if o["id"] == self.home_org_id), None
            )
            self.org_label.setText(home["name"] if home else self.tr("未登录组织"))
        names = [
            self.tr("活动"),
            self.tr("报名审核"),
            self.tr("粉丝"),
            self.tr("签到"),
            self.tr("地图"),
            self.tr("统计"),
            self.tr("诉求"),
        ]
        for i, name in enumerate(names):
            self.nav.item(i).setText(name)
            self.page_actions[i].setText(name)
        self.file_menu.setTitle(self.tr("文件(&F)"))
        self.edit_menu.setTitle(self.tr("编辑(&E)"))
        self.page_menu.setTitle(self.tr("页面(&P)"))
        self.account_menu.setTitle(self.tr("账户(&A)"))
        self.login_action.setText(self.tr("登录…"))
        self.sync_action.setText(self.tr("同步 (F9)"))
        self.logout_action.setText(self.tr("退出登录…"))
        self.issues_action.setText(self.tr("同步问题…"))
        self.help_menu.setTitle(self.tr("帮助(&H)"))
        self.settings_action.setText(self.tr("设置…"))
        self.logs_action.setText(self.tr("打开日志文件夹"))
        self.quit_action.setText(self.tr("退出"))
        self.about_action.setText(self.tr("关于苏青U+ 工作台"))
        self._update_undo_action()
        self.update_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def update_status(self) -> None:
        if self.store is None:  # the shell shows before the data layer is even imported
            self.status.show_no_data()
            for action in (
                self.sync_action,
                self.logout_action,
                self.login_action,
                self.issues_action,
            ):
                action.setEnabled(False)
            return
        from desktop.sync_controller import SyncState

        state = self.sync.state
        signed_in = state is not SyncState.SIGNED_OUT
        self.sync_action.setEnabled(signed_in)
        # also after the token expired, or once signed out: the local data can still be removed
        self.logout_action.setEnabled(signed_in or self.store.get_meta("org_id") is not None)
        self.login_action.setEnabled(True)
        self.issues_action.setEnabled(True)
        self._refresh_home()
        self.status.show_state(
            state,
            error=self.sync.last_error or "",
            server=self.settings.get(s.SERVER_URL),
            pending=self.store.pending_count(),
            last_sync_at=self.store.get_meta("last_sync_at"),
            issues=self.store.sync_issue_count(),
        )

    def _on_table_changed(self, table: str) -> None:
        if table in ("outbox", "meta"):
            self.update_status()
        elif table == "conflicts":
            self.status.show_issues(self.store.sync_issue_count())

    # --- commands ----------------------------------------------------------------------------

    def _show_page(self, row: int) -> None:
        if row >= 0 and self.store is not None:
            self.page(self.PAGE_KEYS[row])
            self.pages.setCurrentIndex(row)

    def _update_undo_action(self) -> None:
        top = self.undo_history.top() if self.store is not None else None
        self.undo_action.setEnabled(top is not None)
        self.undo_action.setText(
            self.tr("撤销 {label}").format(label=top.label) if top else self.tr("撤销")
        )

    def undo(self) -> None:
        if self.store is None or self.undo_history.top() is None:
            return
        from desktop.texts import violation_text
        from desktop.workers import run_with_progress
        from sync.core.rules import RuleViolation

        def on_worker(work: Callable[[], None]) -> None:
            label = self.tr("正在撤销…")
            run_with_progress(lambda _p, _c: work(), label, parent=self, cancellable=False)

        try:
            action = self.undo_history.undo(run=on_worker)
        except RuleViolation as error:
            QMessageBox.information(self, self.tr("无法撤销"), violation_text(error))
            return
        self.statusBar().showMessage(self.tr("已撤销：{label}").format(label=action.label), 5000)

    def open_login(self) -> None:
        self.sign_in.open_login()

    def sync_now(self) -> None:
        if self.store is not None:
            self.sync.sync_now()

    def open_sync_issues(self) -> None:
        """The 同步问题 window: modeless, one of it, so the user can look at the activity."""
        if self.store is None:
            return
        from desktop.dialogs.sync_issues_dialog import SyncIssuesDialog

        if getattr(self, "issues_dialog", None) is None:
            self.issues_dialog = SyncIssuesDialog(
                self.store, self.events, self.undo_history, undo=self.undo, parent=self
            )
        self.issues_dialog.show()
        self.issues_dialog.raise_()
        self.issues_dialog.activateWindow()

    def sign_out(self) -> None:
        self.sign_in.sign_out()

    def _on_signed_out(self, removed_data: bool) -> None:
        if removed_data:
            self.statusBar().showMessage(self.tr("已退出登录，本机数据已清除"), 10_000)

    def _refresh_home(self) -> None:
        """Signing in to a new profile, and its first sync, bring the organisation."""
        home = self.store.get_meta("org_id")
        if home != self.home_org_id or self.org_label.text() == self.tr("未登录组织"):
            self.home_org_id = home  # pages not built yet start with it
            if activities := self._page_if_built("activities"):
                activities.home_org_id = home
            for key in ("followers", "stats", "requests"):
                page = self._page_if_built(key)
                if page is not None and home != page.home_org_id:
                    page.set_home(home)
            orgs = self.store.organizations()
            found = next((o for o in orgs if o["id"] == home), None)
            self.org_label.setText(found["name"] if found else self.tr("未登录组织"))

    def _on_sync_progress(self, phase: str, done: int, total: int) -> None:
        from desktop.sync_controller import SyncState

        if self.sync.state is SyncState.SYNCING:  # else a late report of a sync that ended
            self.status.show_progress(phase, done, total)

    def _on_sync_finished(self, report) -> None:
        self._refresh_home()
        self.status.show_sync_report(report)
        self.update_notice.offer(report.release)

    def show_open_error(self, error: Exception) -> None:
        """The local database could not be opened: say why in plain words."""
        from sync.client.store.migrations import NewerSchemaError
        from sync.core.regions import RegionDataMissingError

        if isinstance(error, NewerSchemaError):
            text = self.tr("本机数据由更新版本的工作台创建，请安装最新版本后再打开。")
        elif getattr(error, "code", None) in messages.MESSAGES:  # encryption: no keyring, no key
            text = sync_error_text(error)
        elif isinstance(error, RegionDataMissingError):
            text = self.tr("缺少地区数据文件，请重新安装工作台。")
        else:
            text = self.tr("无法打开本机数据文件：{error}").format(error=error)
        QMessageBox.critical(self, self.tr("苏青U+ 工作台"), text)

    def offer_set_aside(self, error: Exception) -> bool:
        """The local data is encrypted and its key is gone, or the file is damaged: ask
        whether to move it aside and start afresh (download again, keeping the unsent work it
        still yields). Never deleted: what could not be read stays on disk."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("苏青U+ 工作台"), "", parent=self)
        box.setText(sync_error_text(error))
        box.setInformativeText(self.tr("移开的数据文件会留在配置文件夹中，不会被删除。"))
        aside = box.addButton(self.tr("移到一旁并重新下载"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("退出"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is aside

    def show_repaired(self, repaired) -> None:
        """Say in the status bar what `local_data.repair` kept (a `Repaired`)."""
        text = self.tr(
            "已把无法打开的数据移到一旁，保留了 {count} 项未同步的操作；同步时会重新下载全部数据。"
        ).format(count=repaired.kept)
        if not repaired.outbox_read:
            text += self.tr("原数据有部分无法读出，其中尚未同步的工作可能没有保留。")
        self.statusBar().showMessage(text, 60_000)

    def open_settings(self) -> None:
        from desktop.dialogs.settings_dialog import SettingsDialog  # not needed to show

        dialog = SettingsDialog(self.settings, parent=self)
        old_language = self.settings.get(s.LANGUAGE)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            dialog.save()
            language = self.settings.get(s.LANGUAGE)
            if language != old_language and not i18n.set_language(language):
                QMessageBox.warning(
                    self, self.tr("语言"), self.tr("找不到所选语言的翻译文件，界面保持中文。")
                )
            if requests := self._page_if_built("requests"):
                requests.reload_settings()
            self.update_status()
            map_page = self._page_if_built("map")
            if map_page is not None and map_page.isVisible():
                map_page.ensure_page()  # the online tile layer may have changed

    def open_organization(self, org_id: str) -> None:
        """The organisation page: modeless, one of it, showing the organisation asked for."""
        from desktop.dialogs.organization_dialog import OrganizationDialog

        if getattr(self, "organization_dialog", None) is None:
            self.organization_dialog = OrganizationDialog(
                self.store, self.events, self.settings, parent=self
            )
            self.organization_dialog.organization_requested.connect(self.open_organization)
        self.organization_dialog.show_organization(org_id)
        self.organization_dialog.show()
        self.organization_dialog.raise_()
        self.organization_dialog.activateWindow()

    def open_logs(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(self.log_dir))

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("关于苏青U+ 工作台"),
            self.tr(
                "苏青U+ 工作台：县级和基层团组织的活动、报名、粉丝与签到管理工具。\n"
                "离线可用，联网后自动同步。\n\n日志文件夹：{path}"
            ).format(path=self.log_dir),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.store is not None:
            self.sync.stop()
            if stats := self._page_if_built("stats"):
                stats.wait_idle()  # a computation still running holds the database
            if map_page := self._page_if_built("map"):
                map_page.stop()
            try:
                self.keep_first_screen()
            except Exception:  # a nicety: never keep the window from closing
                log.exception("could not keep the first screen")
        self.settings.set(s.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(s.LAST_PAGE, self.nav.currentRow())
        self.settings.sync()
        super().closeEvent(event)
