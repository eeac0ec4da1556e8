"""The main window: navigation on the left, one page at a time, and a status bar that always says
whether we are online, how many operations wait to sync and when the last sync was."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop import settings as s
from desktop.dialogs.settings_dialog import SettingsDialog
from desktop.pages.placeholder import PlaceholderPage
from desktop.texts import format_time, violation_text
from sync.core.rules import RuleViolation

if TYPE_CHECKING:  # the data layer is imported once the window shows (attach_store)
    from sync.client.store import Store

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
        """Build the pages over the opened local database and show the last page used."""
        from desktop.events import StoreEvents
        from desktop.pages.activities import ActivitiesPage
        from desktop.pages.followers import FollowersPage
        from desktop.pages.registrations import RegistrationsPage
        from desktop.sync_controller import SyncController
        from desktop.undo import UndoHistory

        self.store = store
        self.home_org_id = store.get_meta("org_id")
        self.events = StoreEvents(store, self)
        self.undo_history = UndoHistory(store, self)
        self.activities_page = ActivitiesPage(
            store, self.events, self.undo_history, home_org_id=self.home_org_id
        )
        self.registrations_page = RegistrationsPage(store, self.events, self.undo_history)
        self.followers_page = FollowersPage(
            store, self.events, self.undo_history, home_org_id=self.home_org_id
        )
        built: dict[str, QWidget] = {
            "activities": self.activities_page,
            "registrations": self.registrations_page,
            "followers": self.followers_page,
        }
        placeholders = iter(self._placeholder_texts())  # the pages not built yet, in order
        self._page_widgets: list[QWidget] = [
            built[key] if key in built else PlaceholderPage(next(placeholders))
            for key in self.PAGE_KEYS
        ]
        self.pages.removeWidget(self.loading_label)
        for page in self._page_widgets:
            self.pages.addWidget(page)
        self.events.table_changed.connect(self._on_table_changed)
        self.undo_history.changed.connect(self._update_undo_action)
        self.sync = SyncController(store, self.settings, self)
        self.events.table_changed.connect(self.sync.on_table_changed)
        self.sync.state_changed.connect(self.update_status)
        self.sync.sync_finished.connect(self._on_sync_finished)
        self.sync.progressed.connect(self._on_sync_progress)
        self.retranslate()
        self.nav.setCurrentRow(min(self.settings.get(s.LAST_PAGE), len(self._page_widgets) - 1))

    def _placeholder_texts(self) -> list[Callable[[], tuple[str, str]]]:
        return [
            lambda: (
                self.tr("活动签到"),
                self.tr(
                    "活动现场扫码或手动签到、签退，登记现场报名，"
                    "记录志愿时长；多台电脑离线签到，联网后自动合并。"
                ),
            ),
            lambda: (
                self.tr("组织地图"),
                self.tr(
                    "在江苏地图上查看各级团组织和活动的位置，离线也能使用，可在地图上选取活动地点。"
                ),
            ),
            lambda: (
                self.tr("统计考核"),
                self.tr(
                    "最热活动、关注最多的组织排行，青年画像图表，"
                    "上级下达的考核目标与完成进度，可导出上报材料。"
                ),
            ),
            lambda: (
                self.tr("青年诉求"),
                self.tr("收集青年提出的问题和诉求，分类、答复、归档，跟踪每条诉求的处理进度。"),
            ),
        ]

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
        # Shown only while conflicts or refused operations wait for the user.
        self.issues_button = QToolButton(objectName="issues_button")
        self.issues_button.setAutoRaise(True)
        self.issues_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.issues_button.setStyleSheet("color: #b26a00; font-weight: bold;")
        self.issues_button.clicked.connect(self.open_sync_issues)
        self.issues_button.hide()
        self.statusBar().addPermanentWidget(self.issues_button)
        self.connection_label = QLabel(objectName="connection")
        self.pending_label = QLabel(objectName="pending")
        self.last_sync_label = QLabel(objectName="last_sync")
        for label in (self.connection_label, self.pending_label, self.last_sync_label):
            label.setContentsMargins(8, 0, 12, 0)
            self.statusBar().addPermanentWidget(label)
        self.sync_button = QToolButton(objectName="sync_button")
        self.sync_button.setDefaultAction(self.sync_action)
        self.statusBar().addPermanentWidget(self.sync_button)

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
        self.issues_button.setToolTip(self.tr("查看并处理冲突和被服务器拒绝的操作"))
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
            self.connection_label.setText("● " + self.tr("离线（未登录）"))
            self.connection_label.setStyleSheet("color: #b26a00;")
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
        server = self.settings.get(s.SERVER_URL)
        texts = {
            SyncState.SIGNED_OUT: (self.tr("离线（未登录）"), "#b26a00"),
            SyncState.ONLINE: (self.tr("在线"), "#1e8a3a"),
            SyncState.OFFLINE: (self.tr("离线"), "#b26a00"),
            SyncState.SYNCING: (self.tr("正在同步…"), "#2f6fb3"),
        }
        text, color = texts[state]
        self.connection_label.setText("● " + text)
        self.connection_label.setStyleSheet(f"color: {color};")
        if state is SyncState.SIGNED_OUT:
            tip = self.tr("在“账户 → 登录”中登录省级服务器")
            if server:
                tip += "\n" + server
        else:
            tip = self.sync.last_error or ""
        self.connection_label.setToolTip(tip)
        signed_in = state is not SyncState.SIGNED_OUT
        self.sync_action.setEnabled(signed_in)
        # also after the token expired, or once signed out: the local data can still be removed
        self.logout_action.setEnabled(signed_in or self.store.get_meta("org_id") is not None)
        self.login_action.setEnabled(True)
        self._refresh_home()
        pending = self.store.pending_count()
        self.pending_label.setText(self.tr("待同步 {n} 项").format(n=pending))
        last = self.store.get_meta("last_sync_at")
        when = format_time(datetime.fromisoformat(last)) if last else self.tr("从未")
        self.last_sync_label.setText(self.tr("上次同步：{when}").format(when=when))
        self._update_issues()

    def _update_issues(self) -> None:
        issues = self.store.sync_issue_count()
        self.issues_button.setText("⚠ " + self.tr("{n} 项需处理").format(n=issues))
        self.issues_button.setVisible(issues > 0)
        self.issues_action.setEnabled(True)

    def _on_table_changed(self, table: str) -> None:
        if table in ("outbox", "meta"):
            self.update_status()
        elif table == "conflicts":
            self._update_issues()

    # --- commands ----------------------------------------------------------------------------

    def _show_page(self, row: int) -> None:
        if row >= 0 and self.store is not None:
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
        from desktop.workers import run_with_progress

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
        from desktop.dialogs.login_dialog import LoginDialog
        from sync.client import session

        account = session.signed_in(self.store)
        dialog = LoginDialog(
            self.store,
            server_url=account.server_url if account else self.settings.get(s.SERVER_URL),
            username=account.username if account else "",
            parent=self,
            **s.network_options(self.settings),
        )
        if dialog.exec() != LoginDialog.DialogCode.Accepted or dialog.account is None:
            return
        self.settings.set(s.SERVER_URL, dialog.account.server_url)
        self.sync.refresh_state()
        if not session.token_remembered(dialog.account):
            QMessageBox.information(
                self,
                self.tr("登录"),
                self.tr("这台电脑没有系统密码保管服务，关闭工作台后需要重新登录。"),
            )
        self.sync_now()

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
        """Ask, offering to remove this device's data too; losing operations not yet synced
        needs a second, plain confirmation."""
        from PySide6.QtWidgets import QCheckBox

        from desktop.workers import run_with_progress
        from sync.client import session

        pending = self.store.pending_count()
        account = session.signed_in(self.store)
        if account is not None:
            text = self.tr("退出后本机数据仍然保留，尚未同步的 {n} 项操作会在下次登录后同步。")
        else:  # signed out already (or the token expired): only the data is left to remove
            text = self.tr("当前没有登录。勾选下面的选项可以清除这台电脑上的本机数据。")
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("退出登录"),
            text.format(n=pending),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(
            self.tr("退出登录") if account is not None else self.tr("确定")
        )
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
        remove = QCheckBox(self.tr("同时清除本机数据（活动、报名、粉丝等都从这台电脑上删除）"))
        box.setCheckBox(remove)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        remove_data = remove.isChecked()
        if remove_data and pending:
            sure = QMessageBox(
                QMessageBox.Icon.Warning,
                self.tr("清除本机数据"),
                self.tr(
                    "还有 {n} 项操作没有同步到服务器。清除本机数据后，这些操作将永久丢失，"
                    "无法恢复。\n\n确定清除吗？"
                ).format(n=pending),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                self,
            )
            sure.button(QMessageBox.StandardButton.Discard).setText(
                self.tr("丢弃 {n} 项操作并清除").format(n=pending)
            )
            sure.button(QMessageBox.StandardButton.Cancel).setText(self.tr("取消"))
            sure.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if sure.exec() != QMessageBox.StandardButton.Discard:
                return
        self.sync.stop()  # no sync may write while the data goes
        options = s.network_options(self.settings)
        try:
            run_with_progress(
                lambda _p, _c: session.sign_out(
                    self.store, remove_local_data=remove_data, **options
                ),
                self.tr("正在退出登录…"),
                parent=self,
                cancellable=False,
            )
        finally:
            if remove_data:
                self.undo_history.clear()  # their operations are gone
            self.sync.resume()  # finds nobody signed in: the status says so
        if remove_data:
            self.statusBar().showMessage(self.tr("已退出登录，本机数据已清除"), 10_000)

    def _refresh_home(self) -> None:
        """Signing in to a new profile, and its first sync, bring the organisation."""
        home = self.store.get_meta("org_id")
        if home != self.home_org_id or self.org_label.text() == self.tr("未登录组织"):
            self.home_org_id = home
            self.activities_page.home_org_id = home
            if home != self.followers_page.home_org_id:
                self.followers_page.set_home(home)
            orgs = self.store.organizations()
            found = next((o for o in orgs if o["id"] == home), None)
            self.org_label.setText(found["name"] if found else self.tr("未登录组织"))

    def _on_sync_progress(self, phase: str, done: int, total: int) -> None:
        """What the running sync is doing, in the status bar: a first download of a county
        takes seconds, and a cadre should see it moving."""
        from desktop.sync_controller import SyncState

        if self.sync.state is not SyncState.SYNCING:
            return  # a late report of a sync that already ended
        if phase == "push":
            text = self.tr("正在上传 {done}/{total} 项操作").format(done=done, total=total)
        elif phase == "download" and total:
            text = self.tr("正在下载数据 {percent}%").format(percent=done * 100 // total)
        elif phase == "download":
            text = self.tr("正在下载数据 {mb} MB").format(mb=done // 1_000_000)
        elif phase == "install":
            text = self.tr("正在写入本机数据…")
        else:
            text = self.tr("正在接收更新 {n} 条").format(n=done)
        self.connection_label.setText("● " + text)

    def _on_sync_finished(self, report) -> None:
        self._refresh_home()
        if report.rejected or report.conflicts:
            self.statusBar().showMessage(
                self.tr("同步完成：{r} 项被服务器拒绝，{c} 项冲突").format(
                    r=report.rejected, c=report.conflicts
                ),
                10_000,
            )

    def show_open_error(self, error: Exception) -> None:
        """The local database could not be opened: say why in plain words."""
        from sync.client.store.migrations import NewerSchemaError
        from sync.core.regions import RegionDataMissingError

        if isinstance(error, NewerSchemaError):
            text = self.tr("本机数据由更新版本的工作台创建，请安装最新版本后再打开。")
        elif isinstance(error, RegionDataMissingError):
            text = self.tr("缺少地区数据文件，请重新安装工作台。")
        else:
            text = self.tr("无法打开本机数据文件：{error}").format(error=error)
        QMessageBox.critical(self, self.tr("苏青U+ 工作台"), text)

    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings, parent=self)
        old_language = self.settings.get(s.LANGUAGE)
        if dialog.exec() == SettingsDialog.DialogCode.Accepted:
            dialog.save()
            language = self.settings.get(s.LANGUAGE)
            if language != old_language and not i18n.set_language(language):
                QMessageBox.warning(
                    self, self.tr("语言"), self.tr("找不到所选语言的翻译文件，界面保持中文。")
                )
            self.update_status()

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
        self.settings.set(s.MAIN_WINDOW_GEOMETRY, self.saveGeometry())
        self.settings.set(s.LAST_PAGE, self.nav.currentRow())
        self.settings.sync()
        super().closeEvent(event)
