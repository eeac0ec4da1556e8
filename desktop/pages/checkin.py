"""签到: the page at an activity's door, built for a scanner, a queue and no network.

One big field takes a scanned code (scanners type it and press Enter), a name or a phone tail.
F5 and F6 switch between checking in and checking out; F7 registers a walk-in (three fields)
and checks them in; F8 undoes the last check-in, with a reason kept in the history; Ctrl+H
opens the activity's 志愿时长 (`checkin_hours`). The answer
fills a coloured band readable from a metre away. The activity's registrations and events sit
in memory (`sync.core.checkin.DoorBook`), so a scan is answered and counted without waiting
for the database; a sync or another page's change rebuilds it shortly after.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.events import StoreEvents
from desktop.pages.checkin_exports import CheckinExports
from desktop.pages.checkin_hours import HoursDialog
from desktop.sync_controller import SyncController, SyncState
from desktop.texts import label, violation_text
from desktop.widgets.dialog_buttons import action_buttons
from sync.client.store import Store, checkin_queries
from sync.core.checkin import (
    DoorBook,
    Entry,
    HoursRule,
    Lookup,
    Verdict,
    colour,
)
from sync.core.records import CHINA_TIME, CheckinAction
from sync.core.rules import RuleViolation

log = logging.getLogger(__name__)

# Colours of the band: background, text. Dark text on light colours reads best from afar.
BAND = {
    "green": ("#1e8e3e", "#ffffff"),
    "amber": ("#f9ab00", "#202124"),
    "red": ("#d93025", "#ffffff"),
    "idle": ("#e8eaed", "#3c4043"),
}
# Tables whose change means the door book may be out of date (a sync, another page).
WATCHED = frozenset({"checkin_events", "registrations", "youths", "activities"})
REBUILD_DELAY_MS = 300  # one rebuild for the burst of tables a sync announces


class CheckinPage(QWidget):
    scanned = Signal(str)
    """A scan or search was answered: its verdict's value (tests and the benchmark wait on it)."""

    def __init__(self, store: Store, events: StoreEvents, *, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.book: DoorBook | None = None
        self.public_key: Any = None
        self.checking_out = False
        self.last_checkin: Entry | None = None  # what F8 undoes
        self.sync: SyncController | None = None
        self._preparing = False  # 准备离线 waits for the sync it started
        self._writing = False  # our own write announces tables too: no rebuild for it
        self._rebuild = QTimer(self, singleShot=True, interval=REBUILD_DELAY_MS)
        self._rebuild.timeout.connect(self._on_store_changed)

        self.activity_label = QLabel()
        self.activity_combo = QComboBox()
        self.activity_combo.setMinimumWidth(420)
        self.activity_combo.setStyleSheet("font-size: 16px;")
        self.activity_label.setStyleSheet("font-size: 16px;")
        self.activity_combo.currentIndexChanged.connect(self._on_activity_chosen)
        self.mode_label = QLabel()
        self.mode_label.setStyleSheet("font-size: 20px; font-weight: bold;")
        top = QHBoxLayout()
        top.addWidget(self.activity_label)
        top.addWidget(self.activity_combo, 1)
        top.addStretch(1)
        top.addWidget(self.mode_label)

        self.input = QLineEdit()
        self.input.setStyleSheet("font-size: 28px; padding: 8px;")
        self.input.returnPressed.connect(self.submit)
        self.checkin_button = QPushButton()
        self.checkout_button = QPushButton()
        self.void_button = QPushButton()
        self.walk_in_button = QPushButton()
        self.walk_in_button.clicked.connect(self.walk_in)
        self.exports = CheckinExports(self)
        self.print_button = QPushButton()
        self.print_button.clicked.connect(lambda: self.exports.print_codes())
        self.hours_button = QPushButton()
        self.hours_button.clicked.connect(self.open_hours)
        self.hours_dialog: HoursDialog | None = None
        self.prepare_button = QPushButton()
        self.prepare_button.clicked.connect(self.prepare_offline)
        self.prepare_button.setEnabled(False)  # until the window hands over its sync
        for button in (
            self.checkin_button,
            self.checkout_button,
            self.walk_in_button,
            self.void_button,
        ):
            button.setMinimumHeight(44)
            button.setStyleSheet("font-size: 16px; padding: 4px 16px;")
        for button in (self.checkin_button, self.checkout_button):
            button.setCheckable(True)  # the mode in force shows pressed
        self.checkin_button.clicked.connect(lambda: self.set_mode(checking_out=False))
        self.checkout_button.clicked.connect(lambda: self.set_mode(checking_out=True))
        self.void_button.clicked.connect(self.void_last)
        buttons = QHBoxLayout()
        for button in (
            self.checkin_button,
            self.checkout_button,
            self.walk_in_button,
            self.void_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        tools = QHBoxLayout()  # what is done before or after the door opens, out of the way
        tools.addStretch(1)
        for button in (self.hours_button, self.print_button, self.prepare_button):
            button.setStyleSheet("font-size: 14px; padding: 4px 12px;")
            tools.addWidget(button)

        self.band = QLabel()
        self.band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.band.setWordWrap(True)
        self.band.setMinimumHeight(150)
        self.counts_label = QLabel()
        self.counts_label.setStyleSheet("font-size: 22px;")
        self.counts_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choices = QListWidget()  # several people match: the volunteer picks one
        self.choices.itemActivated.connect(self._on_choice)
        self.choices.setStyleSheet("font-size: 20px;")
        self.choices.hide()
        self.review_label = QLabel()
        self.review_list = QListWidget()  # checked in, but no longer approved (needs a look)
        self.review_list.setMaximumHeight(160)
        self.review_list.setStyleSheet("font-size: 18px;")
        self.review_label.setStyleSheet("font-size: 16px; font-weight: bold; color: #b06000;")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.input)
        layout.addLayout(buttons)
        layout.addWidget(self.band)
        layout.addWidget(self.counts_label)
        layout.addWidget(self.choices)
        layout.addWidget(self.review_label)
        layout.addWidget(self.review_list)
        layout.addStretch(1)
        layout.addLayout(tools)

        for key, slot in (
            ("F5", lambda: self.set_mode(checking_out=False)),
            ("F6", lambda: self.set_mode(checking_out=True)),
            ("F7", self.walk_in),
            ("F8", self.void_last),
            ("Ctrl+P", lambda: self.exports.print_codes()),
            ("Ctrl+H", self.open_hours),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        events.table_changed.connect(self._on_table_changed)
        self.retranslate()
        self.reload_activities()
        self._show(None, "")

    # --- activities and the door book ------------------------------------------------------

    def reload_activities(self) -> None:
        chosen = self.activity_combo.currentData()
        rows = self.store.read(checkin_queries.door_activities, self.store.clock())
        self.activity_combo.blockSignals(True)
        self.activity_combo.clear()
        for row in rows:
            when = row["starts_at"].astimezone(CHINA_TIME).strftime("%m-%d %H:%M")
            self.activity_combo.addItem(f"{when}  {row['title']}", row["id"])
        index = self.activity_combo.findData(chosen)
        self.activity_combo.setCurrentIndex(max(index, 0) if rows else -1)
        self.activity_combo.blockSignals(False)
        if self.activity_combo.currentData() != chosen or self.book is None:
            self.reload()

    def reload(self) -> None:
        """Rebuild the door book of the chosen activity from the store."""
        activity_id = self.activity_combo.currentData()
        self.public_key = self.store.read(checkin_queries.public_key)
        self.book = self.store.read(checkin_queries.door_book, activity_id) if activity_id else None
        self._update_counts()
        self._update_hours_tip()

    def _on_activity_chosen(self) -> None:
        self.reload()
        self._show(None, "")
        self.input.setFocus()

    def _on_table_changed(self, table: str) -> None:
        if self._writing:
            return
        if table == "activities":
            self.reload_activities()
        if table in WATCHED or table == "meta":  # an activity's hours rule or confirmation too
            self._rebuild.start()

    # --- scanning ----------------------------------------------------------------------------

    def set_mode(self, *, checking_out: bool) -> None:
        self.checking_out = checking_out
        self._update_mode()
        self.input.setFocus()

    def submit(self) -> None:
        text = self.input.text().strip()
        self.input.clear()
        if not text or self.book is None:
            return
        self.choices.hide()
        found = self.book.find(text, self.public_key)
        if found.verdict is Verdict.CHOOSE:
            self._offer(found.matches)
            self._show(Verdict.CHOOSE, "")
            self.scanned.emit(found.verdict.value)
            return
        self._act(found)

    def _act(self, found: Lookup) -> None:
        verdict, entry = found.verdict, found.entry
        if entry is not None and self.checking_out:
            verdict = Verdict.GOODBYE if entry.state.inside else Verdict.NOT_INSIDE
            if verdict is Verdict.GOODBYE:
                self._write(CheckinAction.CHECK_OUT, entry)
        elif verdict is Verdict.WELCOME and entry is not None:
            self._write(CheckinAction.CHECK_IN, entry)
            self.last_checkin = entry
        self._show(verdict, entry.name if entry else "", entry)
        self._update_counts()
        self.scanned.emit(verdict.value)

    def _write(self, action: CheckinAction, entry: Entry, **void: str) -> bool:
        assert self.book is not None
        self._writing = True
        try:
            event = self.store.record_checkin(action, entry.registration_id, **void)
        except RuleViolation as error:
            self._show(None, violation_text(error))
            return False
        finally:
            self._writing = False
        self.book.add_event(event)
        return True

    def _offer(self, matches: tuple[Entry, ...]) -> None:
        self.choices.clear()
        for entry in sorted(matches, key=lambda e: (e.name, e.phone)):
            item = QListWidgetItem(f"{entry.name}  {entry.phone}  {label(entry.status.value)}")
            item.setData(Qt.ItemDataRole.UserRole, entry.registration_id)
            self.choices.addItem(item)
        self.choices.show()
        self.choices.setCurrentRow(0)
        self.choices.setFocus()

    def _on_choice(self, item: QListWidgetItem) -> None:
        assert self.book is not None
        entry = self.book.entries[item.data(Qt.ItemDataRole.UserRole)]
        self.choices.hide()
        self._act(self.book.admit(entry))
        self.input.setFocus()

    def walk_in(self) -> None:
        """Someone not registered at the door: three fields, registered, approved and checked
        in at once."""
        if self.book is None:
            return
        dialog = WalkInDialog(self)
        if not dialog.exec():
            self.input.setFocus()
            return
        name, phone, school = dialog.values()
        try:
            registration_id = self.store.walk_in(self.book.activity_id, name, phone, school)
        except RuleViolation as error:
            self.say("red", violation_text(error), size=28)
            self.scanned.emit(Verdict.NOT_REGISTERED.value)
            return
        self.reload()
        self._act(self.book.admit(self.book.entries[registration_id]))
        self.input.setFocus()

    def attach_sync(self, sync: SyncController) -> None:
        """The window's sync, which 准备离线 runs and then reads."""
        self.sync = sync
        sync.sync_finished.connect(self._on_synced)
        sync.state_changed.connect(self._on_sync_state)
        self.prepare_button.setEnabled(True)

    def prepare_offline(self) -> None:
        """Sync now, then say plainly whether this laptop can work at the door unplugged."""
        if self.sync is None:
            return
        self._preparing = True
        self.say("idle", self.tr("正在同步，准备离线签到…"), size=24)
        self.sync.sync_now()

    def _on_sync_state(self) -> None:
        assert self.sync is not None
        if self._preparing and self.sync.state in (SyncState.OFFLINE, SyncState.SIGNED_OUT):
            self._preparing = False
            self.say(
                "red",
                self.tr("没能同步：{error}\n本机数据可能不是最新的，请联网后再点“准备离线”").format(
                    error=self.sync.last_error
                ),
                size=24,
            )

    def _on_synced(self, _report: object) -> None:
        if not self._preparing:
            return
        self._preparing = False
        self.reload()
        pending = self.store.pending_count()
        if self.public_key is None:
            self.say("red", self.tr("服务器没有发来签到码公钥，离线时无法核验签到码"), size=24)
        elif pending:
            text = self.tr("还有 {n} 项操作没有送到服务器，请保持联网再同步一次")
            self.say("amber", text.format(n=pending), size=24)
        elif self.book is not None:
            text = self.tr(
                "可以断网了：本机已有“{title}”的 {n} 条报名和核验签到码的公钥，"
                "离线签到、签退、现场报名都不需要网络"
            )
            title = self.activity_combo.currentText().split("  ", 1)[-1]
            self.say("green", text.format(title=title, n=len(self.book.entries)), size=24)

    def void_last(self) -> None:
        """Undo the last check-in made here: every live check-in of that person is voided,
        with the reason asked for, and the history keeps both."""
        entry = self.last_checkin
        if entry is None or not entry.state.arrived:
            self._show(None, self.tr("没有可以撤销的签到"))
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("撤销签到"),
            self.tr("撤销 {name} 的签到，请填写原因：").format(name=entry.name),
        )
        if not ok or not reason.strip():
            return
        voided = {e["voids"] for e in entry.events}
        live = [e for e in entry.events if e["action"] == "in" and e["id"] not in voided]
        for event in live:
            if not self._write(CheckinAction.VOID, entry, voids=event["id"], reason=reason):
                return
        self.last_checkin = None
        self._show(None, self.tr("已撤销 {name} 的签到").format(name=entry.name))
        self._update_counts()

    def open_hours(self) -> HoursDialog | None:
        """The activity's 志愿时长: rule, corrections, confirmation, totals, export."""
        if self.book is None:
            return None
        title = self.activity_combo.currentText().split("  ", 1)[-1]
        self.hours_dialog = HoursDialog(self.store, self.book.activity_id, title, self)
        self.hours_dialog.changed.connect(self.reload)  # the tip states the rule
        self.hours_dialog.open()
        return self.hours_dialog

    def _on_store_changed(self) -> None:
        """A sync or another page changed the door's tables: the book, and the hours if open."""
        self.reload()
        if self.hours_dialog is not None and self.hours_dialog.isVisible():
            self.hours_dialog.reload()

    # --- showing -----------------------------------------------------------------------------

    def _show(self, verdict: Verdict | None, name: str, entry: Entry | None = None) -> None:
        if verdict is None:  # a plain message (or the prompt when there is none)
            self.say("idle", name or self.tr("请扫码，或输入姓名、手机尾号后按回车"), size=24)
        else:
            self.say(colour(verdict), self._verdict_text(verdict, name, entry))

    def say(self, tone: str, text: str, *, size: int = 44) -> None:
        background, foreground = BAND[tone]
        self.band.setStyleSheet(
            f"background: {background}; color: {foreground}; font-size: {size}px;"
            "font-weight: bold; border-radius: 8px; padding: 12px;"
        )
        self.band.setText(text)
        self.band.setProperty("tone", tone)

    def _verdict_text(self, verdict: Verdict, name: str, entry: Entry | None) -> str:
        first_in = entry.state.first_in if entry else None
        texts = {
            Verdict.WELCOME: self.tr("欢迎，{name}！"),
            Verdict.GOODBYE: self.tr("{name} 已签退，再见！"),
            Verdict.ALREADY_IN: self.tr("{name} 已签到（{time}）"),
            Verdict.NOT_INSIDE: self.tr("{name} 还没有签到，不能签退"),
            Verdict.CHOOSE: self.tr("有多人符合，请在下面选择"),
            Verdict.NOT_REGISTERED: self.tr("未报名此活动"),
            Verdict.NOT_ADMITTED: self.tr("{name} 的报名尚未通过"),
            Verdict.REJECTED: self.tr("{name} 的报名未通过审核"),
            Verdict.CANCELLED: self.tr("{name} 的报名已取消"),
            Verdict.OTHER_ACTIVITY: self.tr("这是其他活动的签到码"),
            Verdict.FORGED: self.tr("签到码无效（可能被伪造或改动）"),
            Verdict.NO_KEY: self.tr("本机还没有同步过，无法核验签到码，请先同步"),
        }
        return texts[verdict].format(name=name, time=_clock(first_in))

    def _update_counts(self) -> None:
        if self.book is None:
            self.counts_label.setText(self.tr("没有可签到的活动（已发布、一周内）"))
            self.review_label.hide()
            self.review_list.hide()
            return
        c = self.book.counts()
        text = self.tr("应到 {e}　已到 {a}　在场 {i}　已离开 {l}　现场报名 {w}")
        self.counts_label.setText(
            text.format(e=c.expected, a=c.arrived, i=c.inside, l=c.left, w=c.walk_ins)
        )
        unexpected = self.book.unexpected()
        self.review_label.setVisible(bool(unexpected))
        self.review_list.setVisible(bool(unexpected))
        self.review_list.clear()
        for entry in sorted(unexpected, key=lambda e: e.name):
            self.review_list.addItem(
                self.tr("{name}：已签到（{time}），但报名当前为“{status}”").format(
                    name=entry.name,
                    time=_clock(entry.state.first_in),
                    status=label(entry.status.value),
                )
            )

    def _update_hours_tip(self) -> None:
        """The rule of the chosen activity (the defaults until someone sets one)."""
        rule = self.book.rule if self.book is not None else HoursRule()
        min_stay, step, cap = rule.minutes()
        self.hours_button.setToolTip(
            self.tr(
                "志愿时长从首次签到算到最后签退：不足 {min} 分钟不计，"
                "按 {step} 分钟向下取整，每天最多 {cap} 小时；可更正、确认、导出"
            ).format(min=min_stay, step=step, cap=f"{cap / 60:g}")
        )

    def _update_mode(self) -> None:
        self.checkin_button.setChecked(not self.checking_out)
        self.checkout_button.setChecked(self.checking_out)
        if self.checking_out:
            self.mode_label.setText(self.tr("签退模式（F6）"))
            self.mode_label.setStyleSheet("font-size: 20px; font-weight: bold; color: #b06000;")
        else:
            self.mode_label.setText(self.tr("签到模式（F5）"))
            self.mode_label.setStyleSheet("font-size: 20px; font-weight: bold; color: #1e8e3e;")

    def retranslate(self) -> None:
        self.activity_label.setText(self.tr("活动："))
        self.input.setPlaceholderText(self.tr("扫码，或输入姓名、手机尾号 4 位，按回车"))
        self.checkin_button.setText(self.tr("签到 (F5)"))
        self.checkout_button.setText(self.tr("签退 (F6)"))
        self.void_button.setText(self.tr("撤销上一个签到… (F8)"))
        self.walk_in_button.setText(self.tr("现场报名… (F7)"))
        self.prepare_button.setText(self.tr("准备离线"))
        self.print_button.setText(self.tr("打印签到码… (Ctrl+P)"))
        self.hours_button.setText(self.tr("志愿时长… (Ctrl+H)"))
        self._update_hours_tip()
        self.prepare_button.setToolTip(
            self.tr("同步一次，确认本机已有报名名单和核验签到码的公钥，然后可以断网")
        )
        self.review_label.setText(
            self.tr("需核对：以下人员已签到，但报名已不是“已通过”（可能在其他电脑上被取消）")
        )
        self._update_mode()
        self._update_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.input.setFocus()


class WalkInDialog(QDialog):
    """The three fields of a walk-in: name, mobile, and (optional) school or employer."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("现场报名"))
        self.name = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setInputMask("99999999999;_")  # 11 digits, nothing else
        self.school = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("姓名*"), self.name)
        form.addRow(self.tr("手机号*"), self.phone)
        form.addRow(self.tr("学校或单位"), self.school)
        buttons = action_buttons(self, self.tr("登记并签到"))
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.phone.text().strip(), self.school.text().strip()


def _clock(at: datetime | None) -> str:
    return at.astimezone(CHINA_TIME).strftime("%H:%M") if at else ""
