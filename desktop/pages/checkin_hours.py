"""志愿时长 of one activity: the rule it is counted by, each person's hours and total, the
corrections with their reasons, and the confirmation. Opened from the 签到 page (`Ctrl+H`).

Nothing here computes hours itself: the rows come from `checkin_queries.hours_rows`, which
counts with `sync.core.checkin.registration_hours`, the server's function too. Every change is
an operation (`activity.hours_rule`, `checkin.adjust`, `checkin.confirm`), applied
here at once and checked again by the server.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.texts import violation_text
from desktop.widgets.dialog_buttons import action_buttons
from sync.client.store import Store, checkin_queries
from sync.core.checkin import MAX_CORRECTED_HOURS, RULE_LIMITS, HoursRule, latest_correction
from sync.core.records import CHINA_TIME
from sync.core.rules import RuleViolation

FLAG_COLOUR = "#b06000"  # a correction made after the confirmation


def hours_text(hours: float) -> str:
    return f"{hours:g}"


def _time(at: datetime | None) -> str:
    return at.astimezone(CHINA_TIME).strftime("%m-%d %H:%M") if at else ""


class HoursDialog(QDialog):
    changed = Signal()
    """A rule, a correction or the confirmation was saved (the page recounts)."""

    def __init__(self, store: Store, activity_id: str, title: str, parent: Any = None):
        super().__init__(parent)
        self.store = store
        self.activity_id = activity_id
        self.setWindowTitle(self.tr("志愿时长：{title}").format(title=title))
        self.resize(1060, 640)
        self.rows: list[dict[str, Any]] = []

        self.rule_label = QLabel()
        self.rule_label.setWordWrap(True)
        self.rule_button = QPushButton(self.tr("修改规则…"))
        self.rule_button.clicked.connect(self.ask_rule)
        self.confirm_label = QLabel()
        self.confirm_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("确认全部时长…"))
        self.confirm_button.clicked.connect(self.ask_confirm)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("font-weight: bold;")

        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("姓名"),
                self.tr("手机号"),
                self.tr("签到"),
                self.tr("签退"),
                self.tr("按规则计时"),
                self.tr("认定时长"),
                self.tr("累计时长"),
                self.tr("更正原因"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.ask_adjust())
        self.history_label = QLabel(self.tr("更正记录（只增不删，最新在前）"))
        self.history = QListWidget()
        self.history.setMaximumHeight(140)

        self.adjust_button = QPushButton(self.tr("更正所选人员时长…"))
        self.adjust_button.clicked.connect(self.ask_adjust)
        self.export_button = QPushButton(self.tr("导出 Excel…"))
        self.export_button.clicked.connect(self._export)
        close = QPushButton(self.tr("关闭"))
        close.clicked.connect(self.accept)

        rule_row = QHBoxLayout()
        rule_row.addWidget(self.rule_label, 1)
        rule_row.addWidget(self.rule_button)
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_label, 1)
        confirm_row.addWidget(self.confirm_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.adjust_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(rule_row)
        layout.addLayout(confirm_row)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history)
        layout.addLayout(buttons)
        self.reload()

    # --- reading ----------------------------------------------------------------------------

    def reload(self) -> None:
        activity = self.store.activity(self.activity_id) or {}
        self.activity = activity
        self.rows = self.store.read(checkin_queries.hours_rows, self.activity_id)
        min_stay, step, cap = HoursRule.of(activity).minutes()
        d_min, d_step, d_cap = HoursRule().minutes()
        self.rule_label.setText(
            self.tr(
                "计时规则：从首次签到算到最后签退；不足 {min} 分钟不计，按 {step} 分钟向下取整，"
                "每天最多 {cap} 小时（默认 {dmin} 分钟、{dstep} 分钟、{dcap} 小时）"
            ).format(
                min=min_stay,
                step=step,
                cap=hours_text(cap / 60),
                dmin=d_min,
                dstep=d_step,
                dcap=hours_text(d_cap / 60),
            )
        )
        confirmed_at = activity.get("hours_confirmed_at")
        self.rule_button.setEnabled(confirmed_at is None)
        self.confirm_button.setEnabled(confirmed_at is None)
        if confirmed_at is None:
            self.confirm_label.setText(
                self.tr("尚未确认。活动结束后请核对并确认全部时长；确认后规则不能再改。")
            )
            self.rule_button.setToolTip("")
        else:
            self.confirm_label.setText(
                self.tr(
                    "已由 {by} 于 {time} 确认。之后仍可更正个人时长（须填原因），"
                    "但会标为“确认后更正”。"
                ).format(by=self._who(activity.get("hours_confirmed_by")), time=_time(confirmed_at))
            )
            self.rule_button.setToolTip(self.tr("时长已确认，规则不能再改"))
        self._fill_table()
        self._fill_history()

    def _fill_table(self) -> None:
        chosen = self.selected_registration()
        self.table.setRowCount(len(self.rows))
        for i, row in enumerate(self.rows):
            reason = row["reason"]
            if row["after_confirmation"]:
                reason = self.tr("⚑ 确认后更正：{reason}").format(reason=reason)
            cells = [
                row["name"],
                row["phone"],
                _time(row["first_in"]),
                _time(row["last_out"]),
                hours_text(row["counted"]),
                hours_text(row["hours"]),
                hours_text(row["total"]),
                reason,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row["registration_id"])
                if column >= 4 and column < 7:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row["after_confirmation"]:
                    item.setForeground(QColor(FLAG_COLOUR))
                self.table.setItem(i, column, item)
            if row["registration_id"] == chosen:
                self.table.selectRow(i)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)

    def _fill_history(self) -> None:
        self.history.clear()
        entries = self.store.read(checkin_queries.corrections, self.activity_id)
        by_registration: dict[str, list[dict[str, Any]]] = {}
        for e in entries:
            by_registration.setdefault(e["registration_id"], []).append(e)
        in_force = {
            latest_correction(events)["id"]  # type: ignore[index]
            for events in by_registration.values()
        }
        confirmed_at = self.activity.get("hours_confirmed_at")
        for e in entries:
            text = self.tr("{time}  {actor} 将 {name} 的时长更正为 {hours} 小时：{reason}").format(
                time=_time(e["at"]),
                actor=self._who(e["actor"]),
                name=e["name"],
                hours=hours_text(e["hours"] or 0.0),
                reason=e["reason"],
            )
            if confirmed_at is not None and e["at"] > confirmed_at:
                text += self.tr("（确认后更正）")
            if e["id"] not in in_force:
                text += self.tr("（已被后来的更正取代）")
            self.history.addItem(text)
        self.history_label.setVisible(bool(entries))
        self.history.setVisible(bool(entries))

    def _who(self, actor: str | None) -> str:
        """An account's name; a device not signed in records none."""
        return actor or self.tr("本机")

    def selected_registration(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def row_of(self, registration_id: str) -> dict[str, Any] | None:
        return next((r for r in self.rows if r["registration_id"] == registration_id), None)

    # --- changing -----------------------------------------------------------------------------

    def _done(self, text: str) -> None:
        self.message.setStyleSheet("font-weight: bold; color: #1e8e3e;")
        self.message.setText(text)
        self.reload()
        self.changed.emit()

    def _refused(self, error: RuleViolation) -> None:
        self.message.setStyleSheet("font-weight: bold; color: #d93025;")
        self.message.setText(violation_text(error))

    def set_rule(self, min_stay: int, step: int, daily_cap: int) -> bool:
        try:
            self.store.set_hours_rule(self.activity_id, min_stay, step, daily_cap)
        except RuleViolation as error:
            self._refused(error)
            return False
        self._done(self.tr("计时规则已保存，时长已按新规则重算"))
        return True

    def adjust(self, registration_id: str, hours: float, reason: str) -> bool:
        try:
            self.store.adjust_hours(registration_id, hours, reason)
        except RuleViolation as error:
            self._refused(error)
            return False
        self._done("")
        row = self.row_of(registration_id)  # listed now, if it was not before
        text = self.tr("已将 {name} 的时长更正为 {hours} 小时")
        self.message.setText(text.format(name=row["name"] if row else "", hours=hours_text(hours)))
        return True

    def confirm(self) -> bool:
        try:
            self.store.confirm_hours(self.activity_id)
        except RuleViolation as error:
            self._refused(error)
            return False
        self._done(self.tr("已确认全部时长"))
        return True

    def ask_rule(self) -> None:
        dialog = RuleDialog(HoursRule.of(self.activity), self)
        if dialog.exec():
            self.set_rule(*dialog.values())

    def ask_adjust(self) -> None:
        registration_id = self.selected_registration()
        row = self.row_of(registration_id) if registration_id else None
        if row is None:
            self.message.setStyleSheet("font-weight: bold; color: #d93025;")
            self.message.setText(self.tr("请先在表中选择一个人"))
            return
        dialog = AdjustDialog(row, self.activity.get("hours_confirmed_at") is not None, self)
        if dialog.exec():
            self.adjust(row["registration_id"], *dialog.values())

    def ask_confirm(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("确认全部时长"),
            self.tr(
                "确认这 {n} 人的志愿时长，合计 {hours} 小时？\n"
                "确认后计时规则不能再改；个人时长仍可更正，但会标为“确认后更正”。"
            ).format(n=len(self.rows), hours=hours_text(sum(r["hours"] for r in self.rows))),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.confirm()

    def _export(self) -> None:
        page = self.parent()
        if page is not None and hasattr(page, "exports"):
            page.exports.export_hours()


class RuleDialog(QDialog):
    """The three numbers of a rule, in minutes (the cap in hours), with the defaults stated."""

    def __init__(self, rule: HoursRule, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("志愿时长计时规则"))
        min_stay, step, cap = rule.minutes()
        self.min_stay = QSpinBox(suffix=self.tr(" 分钟"))
        self.min_stay.setRange(*RULE_LIMITS["hours_min_stay"])
        self.min_stay.setValue(min_stay)
        self.step = QSpinBox(suffix=self.tr(" 分钟"))
        self.step.setRange(*RULE_LIMITS["hours_step"])
        self.step.setValue(step)
        self.cap = QDoubleSpinBox(suffix=self.tr(" 小时"), decimals=1, singleStep=0.5)
        low, high = RULE_LIMITS["hours_daily_cap"]
        self.cap.setRange(low / 60, high / 60)
        self.cap.setValue(cap / 60)
        form = QFormLayout(self)
        form.addRow(
            QLabel(self.tr("默认：不足 30 分钟不计，按 30 分钟（半小时）向下取整，每天最多 8 小时"))
        )
        form.addRow(self.tr("最短停留"), self.min_stay)
        form.addRow(self.tr("向下取整到"), self.step)
        form.addRow(self.tr("每日上限"), self.cap)
        buttons = action_buttons(self, self.tr("保存"))
        form.addRow(buttons)

    def values(self) -> tuple[int, int, int]:
        return self.min_stay.value(), self.step.value(), round(self.cap.value() * 60)


class AdjustDialog(QDialog):
    """A person's hours as they should stand, and why (required; kept in the history)."""

    def __init__(self, row: dict[str, Any], confirmed: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("更正志愿时长"))
        self.hours = QDoubleSpinBox(suffix=self.tr(" 小时"), decimals=1, singleStep=0.5)
        self.hours.setRange(0, MAX_CORRECTED_HOURS)
        self.hours.setValue(row["hours"])
        self.reason = QLineEdit()
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr("{name}：按规则计时 {counted} 小时，现认定 {hours} 小时").format(
                    name=row["name"],
                    counted=hours_text(row["counted"]),
                    hours=hours_text(row["hours"]),
                )
            )
        )
        if confirmed:
            warning = QLabel(self.tr("时长已确认：这次更正会标为“确认后更正”"))
            warning.setStyleSheet(f"color: {FLAG_COLOUR}; font-weight: bold;")
            form.addRow(warning)
        form.addRow(self.tr("认定时长"), self.hours)
        form.addRow(self.tr("原因*"), self.reason)
        buttons = action_buttons(self, self.tr("保存更正"))
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)  # a correction needs its reason
        self.reason.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        form.addRow(buttons)

    def values(self) -> tuple[float, str]:
        return self.hours.value(), self.reason.text().strip()
